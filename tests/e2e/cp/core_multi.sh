# Three virtual machines at once on a small real machine (cpcore, milestones M4/M5): 1M of real
# storage, USER1 runs guests/corepage.asm (touches all of its 1M: paging) while USER2 runs
# guests/coretest.asm (timers, clock comparator waits, every privileged instruction) and HOSTILE
# guests/coredat.asm (DAT on: shadow tables, thrown away whenever CP pages one of its pages out).
# The dispatcher shares the CPU (time slices), an idle one is woken by its clock comparator, each
# sees only its own storage, and all end in the architected disabled wait X'AAA'.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

MAINSIZE=1
cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
term_open 1
term_wait 1 'VM/370 ONLINE'
term_logon 1 USER1 USER1
term_open 2
term_wait 2 'VM/370 ONLINE'
term_logon 2 USER2 USER2
term_open 3
term_wait 3 'VM/370 ONLINE'
term_logon 3 HOSTILE HOSTILE
guest_store 1 corepage
guest_store 2 coretest
guest_store 3 coredat
term_send 1 'BEGIN'
term_send 2 'BEGIN'
term_send 3 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 60
term_wait 2 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 60
term_wait 3 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 60
cp_alive
