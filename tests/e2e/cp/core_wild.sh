# Wild PSWs (cpcore, isolation): guests/corewild.asm, stored with STORE, loads an invalid EC PSW
# (specification, ILC 0, the PSW itself as old PSW) and sets an invalid system mask with SSM
# (specification after the change), both reflected as the real machine would; then an invalid
# program new PSW plus a program check, which would make a real machine loop: CP stops the VM
# and says so.  Started again at its other entry: SPX to a nonzero prefix (beyond this CP): the
# VM stops with a message.  Each stop's message is followed by CP READ (the VM is in CP mode
# when its message is written).  CP and the other user go on.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

# cp_read_after PATTERN: the line after terminal 1's line matching PATTERN is CP READ.
cp_read_after() {
    term_wait 1 "$1"
    sleep 0.5
    awk -v p="$1" 'f { print; exit } index($0, p) { f = 1 }' term.1 | tr -d '\r' |
        grep -qx "$CP_READ" || fail "no CP READ after $1"
}

boot_logon HOSTILE
guest_store 1 corewild
term_send 1 'BEGIN'
cp_read_after 'DMKPRG452W CP ENTERED; PROGRAM NEW PSW INVALID'
grep -aq 'DISABLED WAIT' term.1 && fail "the guest failed a check: $(grep -a 'DISABLED WAIT' term.1)"
term_send 1 'STORE PSW 00000000 00000408'
term_send 1 'BEGIN'
cp_read_after 'DMKPRV453W CP ENTERED; SPX TO A NONZERO PREFIX NOT SUPPORTED'
term_open 2
term_logon 2 USER1 USER1
term_send 2 'QUERY TIME'
term_wait 2 'TIME IS'
cp_alive
