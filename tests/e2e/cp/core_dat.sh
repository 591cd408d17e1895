# A guest with DAT on (cpcore, shadow tables): guests/coredat.asm builds its own segment and page
# tables, turns DAT on, stores through them, takes its own page and segment translation
# exceptions (nullified, the address at X'90'), has a privileged instruction's operand
# translated, LRAs, remaps a page and purges the TLB, and checks with DAT off where every store
# went.  CP ran it all through shadow tables; the guest ends at X'AAA' only if each result is the
# architected one.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

boot_logon USER1
guest_store 1 coredat
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 30
cp_alive
