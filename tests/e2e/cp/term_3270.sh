# A TN3270 terminal on CP (cpterm): s3270 connects to 0C0 and gets the VM/370 logo with CP READ and
# the system name in the status area; LOGON with the password in a non-display field; a DISPLAY of
# 64 lines fills the output area: MORE..., an empty Enter makes it HOLDING, Clear shows the next
# lines; MORE... with no key shows the next lines by itself after 60 s (VM/370's time-out); USER1 IPLs the demo guest from its reader (the deck of the images): its console read shows VM READ, a line
# typed goes to the guest; PA1 stops it in CP mode (CP READ), BEGIN lets it go on; #CP runs a CP
# command while the guest reads; LOGOFF brings the logo back.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

# status_is TEXT: the status area (row 24 from column 61) shows TEXT, within 15 s.
status_is() {
    local tries=75
    while [ "$tries" -gt 0 ]; do
        s3 'Ascii(23,60,19)'
        grep -q -- "$1" s3.data && return 0
        sleep 0.2
        tries=$((tries - 1))
    done
    cat s3.data
    fail "the status never showed '$1'"
}

cp_boot
start_s3270 -model 3279-2
s3 "Connect(127.0.0.1:${PORT#*:})"
wait_screen 'VM/370 ONLINE'
status_is 'CP READ    S370'
s3 'String("LOGON USER1")'
s3 'Enter()'
wait_screen 'ENTER PASSWORD:'
s3 'String("NOTMINE")'
s3 'Ascii(22,0,80)'
grep -q NOTMINE s3.data && fail "the password field should not display what is typed"
s3 'Enter()'
wait_screen 'DMKLOG050E PASSWORD INCORRECT'
s3 'String("LOGON USER1")'
s3 'Enter()'
status_is 'CP READ'
s3 'String("user1")'
s3 'Enter()'
wait_screen 'LOGON AT [0-2][0-9]:'
wait_for 'GRAF 0C0 LOGON AS USER1    USERS = 002' s370.out

s3 'Clear()'                              # an empty output area
wait_screen '^ *$'
s3 'String("DISPLAY L0-3FF")'            # 64 lines after the command: 21 fit
s3 'Enter()'
status_is 'MORE\.\.\.'
screen_has '^000000  '
s3 'Enter()'                             # an empty line: hold the screen
status_is 'HOLDING'
s3 'Clear()'
status_is 'MORE\.\.\.'
screen_has '^000150  '
screen_has '^0002A0  '
s3 'PA(2)'
wait_screen '^0002B0  '
status_is 'CP READ'
screen_has '^0003F0  '
s3 'Clear()'
s3 'String("DISPLAY L0-1FF")'            # 32 lines: MORE... again
s3 'Enter()'
status_is 'MORE\.\.\.'
screen_has '^000140  '
tries=90                                 # no key: after 60 s CP shows
until s3 'Ascii()'; grep -q '^0001F0  ' s3.data; do    # the next lines
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || { cat s3.data; fail "MORE... should end by itself"; }
    sleep 1
done
screen_has '^000150  '
status_is 'CP READ'
s3 'Clear()'

s3 'String("IPL 00C")'
s3 'Enter()'
wait_screen 'DEMO: TYPE A LINE, QUIT TO STOP'
status_is 'VM READ'
s3 'String("hello there")'
s3 'Enter()'
wait_screen 'DEMO: YOU TYPED: hello there'
status_is 'VM READ'
s3 'String("#CP QUERY USERS")'
s3 'Enter()'
wait_screen '002 USERS, 000 DIALED'
s3 'PA(1)'
status_is 'CP READ'
s3 'PA(1)'                               # in CP mode already: nothing
s3 'String("BEGIN")'
s3 'Enter()'
status_is 'VM READ'
s3 'String("QUIT")'
s3 'Enter()'
wait_screen 'DEMO: BYE'
s3 'String("LOGOFF")'
s3 'Enter()'
wait_screen 'VM/370 ONLINE'
wait_for 'GRAF 0C0 LOGOFF AS USER1    USERS = 001' s370.out
s3 'Disconnect()'
s3 'Quit()'
wait "$S3270_PID"
S3270_PID=
cp_alive
quit_s370
