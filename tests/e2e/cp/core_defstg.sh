# DEFINE STORAGE (cpcore VMDEFSTG, called by the command in cmdmisc): USER1 (1M, 2M at most in
# the directory) grows its VM to 2M: as in VM/370 the VM is reset with its storage cleared, the
# answer is STORAGE = 02048K, and the new storage map works: what was stored is gone, the
# second megabyte can be displayed.  Back to 1M, the guest guests/coretest.asm (which wants
# 1M exactly) runs to its end in the rebuilt map; at 512K storage past it is gone.  Too much:
# DMKDEF094E, nothing changes.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

boot_logon USER1
term_send 1 'STORE 10000 C1C2C3C4'
term_wait 1 'STORE COMPLETE'
term_send 1 'DISPLAY 1F0000.4'
term_wait 1 'DMKCDB'
term_send 1 'DEFINE STORAGE 3M'
term_wait 1 'DMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM'
term_send 1 'DEFINE STORAGE 2M'
term_wait 1 'STORAGE = 02048K'
term_send 1 'QUERY STORAGE'
term_wait_count 1 'STORAGE = 02048K' 2
term_send 1 'DISPLAY 10000.4'
term_wait 1 '010000  00000000'
term_send 1 'DISPLAY 1F0000.4'
term_wait 1 '1F0000  00000000'
term_send 1 'DEFINE STORAGE 1024K'
term_wait 1 'STORAGE = 01024K'
guest_store 1 coretest
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 30
term_send 1 'DEF STOR 512K'
term_wait 1 'STORAGE = 00512K'
n=$(term_count 1 'DMKCDB')
term_send 1 'DISPLAY 80000.4'
term_wait_count 1 'DMKCDB' $((n + 1))
cp_alive
