# m4_two_users.sh - milestone M4: USER1 and USER2 logged on at once, on terminals 020 and 021.
# USER1 IPLs privtest from its minidisk 191 (IPL text on S37U01 cylinder 1: CP translates the IPL's
# channel program to the minidisk's extent), USER2 from its reader.  Each guest's lines go to its
# own terminal only, and each echoes the word typed on its own terminal.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

guest_mdisk privtest 1
boot_reader privtest USER2
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_open 2
term_logon 2 USER2 USER2
term_send 1 'IPL 191'
term_send 2 'IPL 00C'
term_wait 1 'PRIVTEST: TYPE A WORD'
term_wait 2 'PRIVTEST: TYPE A WORD'
term_send 2 'BRAVO'
term_send 1 'ALPHA'
term_wait 1 'PRIVTEST: DONE'
term_wait 2 'PRIVTEST: DONE'
expect_grep 'PRIVTEST: ECHO ALPHA' term.1
expect_grep 'PRIVTEST: ECHO BRAVO' term.2
grep -q 'BRAVO' term.1 && fail "USER2's word reached USER1's terminal"
grep -q 'ALPHA' term.2 && fail "USER1's word reached USER2's terminal"
for t in 1 2; do
    [ "$(term_count $t 'PRIVTEST: START')" -eq 1 ] || { cat "term.$t"; fail "terminal $t: one guest's output only"; }
    expect_grep 'PRIVTEST: STIDP VERSION FF' "term.$t"
    expect_grep 'PRIVTEST: CLOCK COMPARATOR INTERRUPTION 1004' "term.$t"
done
term_close 1
term_close 2
quit_s370
exit 0
