# CP under CP from the volumes `make images` builds, as the README tells a newcomer: SECOND logs on
# and IPLs its minidisk 150, the second-level system residence volume of the recipe; that CP sizes
# the virtual machine's 4M, reads its own directory and logs its OPERATOR on at SECOND's terminal;
# the first level counts the second level's privileged instructions (QUERY TRAPS) and its users.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
term_open 1
term_logon 1 SECOND SECOND
term_send 1 'IPL 150'
term_wait 1 'DMKCPI957I STORAGE SIZE =     4096K' 30
term_wait 1 'LINE 009 LOGON AS OPERATOR USERS = 001' 30
term_send 1 '#CP QUERY TRAPS'
term_wait 1 'SIO      = '
grep -q '^LPSW     = ' term.1 || { cat term.1; fail "QUERY TRAPS should count the second level's LPSWs"; }
# the second level's real devices are SECOND's virtual ones: its reader, punch and printer
grep -q 'DEV 00C NOT OPERATIONAL' term.1 && { cat term.1; fail "SECOND's reader should be online at the second level"; }
operator 'QUERY USERS'
wait_for '002 USERS' s370.out
cp_alive
term_close 1
quit_s370
exit 0
