# Paging (cpcore, milestone M5): a machine of 1M real storage, where CP's nucleus, free storage and
# frame table leave about 160 frames, and USER1's 1M virtual machine touching all of its 256 pages
# (guests/corepage.asm, put there with STORE): CP pages to the paging area on SYSRES with its
# clock (reference bits) and back, storage keys included, and the guest finds every word it wrote.
# QUERY TRAPS shows the page faults: more than the 255 pages, since pages came back after going.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

MAINSIZE=1
cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
wait_for 'DMKCPI957I STORAGE SIZE =     1024K' s370.out
term_open 1
term_wait 1 'VM/370 ONLINE'
term_logon 1 USER1 USER1
guest_store 1 corepage
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 60
term_send 1 'QUERY TRAPS'
term_wait 1 'PAGEFLT  = '
faults=$(grep -a 'PAGEFLT  = ' term.1 | sed 's/.*PAGEFLT  = *\([0-9]*\).*/\1/')
[ "$faults" -gt 400 ] || fail "only $faults page faults: did CP page at all?"
cp_alive
