# m5_3270.sh - milestone M5, the 3270: s3270 connects to CP's port and gets a 3270 (0C0-0C7); the
# screen shows the logo, LOGON USER1 and the password (a non-display field) log on, the status area
# says CP READ; IPL 191 runs the demo guest (cms-images/guests/demo.asm, on USER1's minidisk), whose
# lines appear on the screen and which echoes what is typed; PA1 returns to CP; LOGOFF ends it
# (the operator is told) and the logo comes back.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
start_s3270
s3 "Connect(${PORT})"
wait_screen "$CP_READY"
s3 'String("LOGON USER1")'
s3 'Enter()'
wait_screen 'ENTER PASSWORD'
s3 'String("USER1")'
s3 'Enter()'
wait_screen "$LOGON_DONE"
wait_screen 'CP READ'
s3 'Ascii()'
grep -Eq '^ *USER1 *$' s3.data && { cat s3.data; fail "the password is visible on the screen"; }
s3 'String("IPL 191")'
s3 'Enter()'
wait_screen 'DEMO: RUNNING IN A VIRTUAL MACHINE'
wait_screen 'DEMO: TYPE A LINE'
s3 'String("HELLO CP")'
s3 'Enter()'
wait_screen 'DEMO: YOU TYPED: HELLO CP'
s3 'PA(1)'
wait_screen 'CP READ'
s3 'String("LOGOFF")'
s3 'Enter()'
wait_for 'LOGOFF AS USER1' s370.out
wait_screen 'TYPE LOGON USERID'
s3 'Disconnect()'
quit_s370
exit 0
