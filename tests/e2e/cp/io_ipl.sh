# io_ipl.sh - virtual IPL from a minidisk (cpio): USER1's 191 (cylinders 1-5 of S37U01) holds the
# demo guest as IPL text on its cylinder 0.  CP runs the IPL's Read on the minidisk's first track
# (not the volume's), then the CCWs it read, loads the PSW, and the guest runs: its console lines,
# a line typed and echoed, QUIT and its disabled wait.  A printer cannot be IPLed; a device that
# does not exist neither.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
term_open 1
term_logon 1 USER1 USER1
term_wait 1 'CP READ'
term_send 1 'IPL 00E'
term_wait 1 'DMKVIO042E DEV 00E IS NOT AN IPL DEVICE'
term_send 1 'IPL 123'
term_wait 1 'DMKCFG040E DEV 123 DOES NOT EXIST'
term_send 1 'IPL 191'
term_wait 1 'DEMO: RUNNING IN A VIRTUAL MACHINE (STIDP VERSION FF)'
term_wait 1 'DEMO: TYPE A LINE, QUIT TO STOP'
term_send 1 'HELLO THERE'
term_wait 1 'DEMO: YOU TYPED: HELLO THERE'
term_send 1 'QUIT'
term_wait 1 'DEMO: BYE'
term_wait 1 "DISABLED WAIT PSW '00020000 00000000'"
term_send 1 'LOGOFF'
term_wait 1 'LOGOFF AT'
term_close 1
quit_s370
exit 0
