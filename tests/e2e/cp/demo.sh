# demo.sh - what the README tells a new user to do, on a line-mode terminal: the volumes as `make
# images` built them (the demo guest, cms-images/guests/demo.asm, in USER1's reader from the IPL on
# and as IPL text on USER1's minidisk 191); LOGON USER1, IPL 00C: the demo says it runs in a
# virtual machine and echoes a line; QUIT stops it in a disabled wait (CP says so, PSW address 0);
# IPL 191 runs it again from the minidisk.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'IPL 00C'
term_wait 1 'DEMO: RUNNING IN A VIRTUAL MACHINE (STIDP VERSION FF)'
term_wait 1 'DEMO: TYPE A LINE, QUIT TO STOP'
term_send 1 'hello, CP'
term_wait 1 'DEMO: YOU TYPED: hello, CP'
term_wait_n 1 'DEMO: TYPE A LINE' 2
term_send 1 'quit'
term_wait 1 'DEMO: BYE'
term_wait 1 "DISABLED WAIT PSW '00020000 00000000'"
term_send 1 'IPL 191'
term_wait_n 1 'DEMO: RUNNING IN A VIRTUAL MACHINE' 2
term_wait_n 1 'DEMO: TYPE A LINE' 3
term_close 1
quit_s370
exit 0
