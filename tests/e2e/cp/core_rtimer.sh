# OPTION REALTIMER (cpcore, virtual timers): a user whose directory entry has it runs
# guests/corertim.asm, which waits enabled with its interval timer at 1/10 s.  In VM/370's
# semantics the timer counts the VM's CPU time - none while it waits - unless the VM has
# REALTIMER: then it counts real time while idle too, CP wakes the VM with the real clock
# comparator when it passes zero, and the guest gets its X'0080' external interruption.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

own_volumes
printf 'USER TIMED TIMED 1M 1M G\n OPTION REALTIMER\n CONSOLE 009 3215\n' > timed.direct
more_users timed.direct
boot_logon TIMED
guest_store 1 corertim
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 30
cp_alive
