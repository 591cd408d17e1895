# Output while disconnected (cpterm): guests/termdsc.asm disconnects its user with DIAGNOSE X'08',
# then writes three lines; CP keeps them, and when USER1 logs on again (RECONNECTED AT) they come to
# the new terminal, in order; the guest then reads from that terminal.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

boot_reader termdsc USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'IPL 00C'
term_wait 1 'DISCONNECT AT [0-2][0-9]:'
wait_for 'LINE 020 DISCONNECT USER1    USERS = 002' s370.out
term_wait 1 'VM/370 ONLINE'
grep -q 'TERMDSC: LINE' term.1 && fail "the lines should wait for the RECONNECT"
term_send 1 'LOGON USER1'
term_wait 1 'ENTER PASSWORD:'
term_send 1 'USER1'
term_wait 1 'TERMDSC: LINE 3'
tr -d '\r' < term.1 | sed -n '/^RECONNECTED AT/,$p' | grep -v '^RECONNECTED AT' > lines.out
printf 'TERMDSC: LINE 1\nTERMDSC: LINE 2\nTERMDSC: LINE 3\n' > want.out
diff want.out lines.out || fail "the lines kept while disconnected"
term_send 1 'hello'
term_wait 1 'TERMDSC: GOT hello'
quit_s370
