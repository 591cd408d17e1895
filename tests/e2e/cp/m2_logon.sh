# m2_logon.sh - milestone M2: a line-mode terminal connects (it becomes 020) and sees CP's logo;
# LOGON USER1 asks for the password, which is not echoed, and CP READ follows; an unknown command
# gets VM/370's message; LOGOFF ends the session; an unknown user and a wrong password get their
# messages, and the failed logon is reported to the operator.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
term_open 1
expect_grep 'Console 020 (3215) connected' term.1
term_send 1 ''
term_wait 1 "$CP_READY"
term_send 1 'LOGON USER1'
term_wait 1 'ENTER PASSWORD'
term_send 1 'USER1'
term_wait 1 "$LOGON_DONE"
term_wait 1 "$CP_READ"
[ "$(grep -c -x 'USER1' term.1)" -eq 0 ] || fail "the password was echoed"

term_send 1 'FOOBAR'
term_wait 1 'UNKNOWN CP COMMAND'
term_send 1 'LOGOFF'
term_wait 1 'LOGOFF AT'

term_send 1 'LOGON NOBODY'
term_wait 1 'NOBODY *NOT IN CP DIRECTORY'
term_send 1 'LOGON USER2'
term_wait 1 'ENTER PASSWORD'
term_send 1 'WRONG'
term_wait 1 'PASSWORD INCORRECT'
wait_for 'USER2' s370.out
term_close 1
quit_s370
exit 0
