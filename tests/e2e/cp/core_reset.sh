# SYSTEM RESET resets the virtual machine's devices as well as its CPU (cpcore VMRESET, which
# calls cpio's VIORESET, as a real system reset resets the channels and devices): the guest
# guests/coreset.asm leaves a command reject in its console's sense bytes, the user resets the
# VM and starts the second part of the guest, which senses the console: no reject any more.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

boot_logon USER1
guest_store 1 coreset
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000111'" 30
term_send 1 'SYSTEM RESET'
term_wait 1 'SYSTEM RESET'
stores=$(term_count 1 'STORE COMPLETE')
term_send 1 'STORE PSW 00000000 00000500'
term_wait_count 1 'STORE COMPLETE' $((stores + 1))
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000A" 30
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000A00'" 2
cp_alive
