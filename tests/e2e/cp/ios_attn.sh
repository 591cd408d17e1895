# IOS and a pending attention (cpterm): a terminal's SIO that ends with cc 1 and a CSW of attention
# alone (the device had it pending: its user typed) is an unsolicited attention - a read for the
# terminal - and the SIO is tried again; the request does not end in error.  The case is made with
# the panel: a breakpoint on IOSTRY's SIO, and at the write of a command's answer to terminal 020
# the SIO is skipped with cc 1 and X'80' as the stored unit status.  The answer must still be
# written and the user stay connected (a write ending in error means the client went away); the
# read the attention started gets the next line typed.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

# the real address of the SIO in IOSTRY, from the listing (the nucleus is at X'10000')
loc=$(awk '/ IOSTRY +CPENTRY/ { inside = 1 } inside && /SIO +0\(R2\)/ { print $1; exit }' \
    "$BIN/../cp/cp.lst")
[ -n "$loc" ] || fail "no SIO in IOSTRY in cp.lst"
sio=$(printf '%X' $((0x$loc + 0x10000)))

cp_boot
term_open 1
term_logon 1 USER1 USER1
term_wait 1 '^CP READ'

# hit N: wait until s370 has stopped at the breakpoint N times (S370I280, the registers after it);
# R2 = the device address of that stop's SIO.
hit() {
    local tries=100
    R2=
    while [ -z "$R2" ]; do
        R2=$(awk -v n="$1" '/stopped at breakpoint/ { k++ } k == n && /GR02=/ {
                 sub(/.*GR02=/, ""); print substr($0, 1, 8); exit }' s370.out)
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || { cat s370.out; fail "waited in vain for stop $1 at the breakpoint"; }
        sleep 0.1
    done
}

# the breakpoint is on once CP stops at it for the operator console (its read of a line typed)
s370_command "b $sio"
operator 'QUERY TIME'
hit 1
[ "$R2" = 00000009 ] || fail "the first stop should be for the operator console, not $R2"
term_send 1 'QUERY USERS'
s370_command 'g'
n=2 on020=0
while :; do
    hit $n
    n=$((n + 1))
    [ "$R2" != 00000020 ] || on020=$((on020 + 1))
    [ "$on020" -lt 2 ] || break         # the first on 020 is the read, the second the answer
    s370_command 'g'
done
s370_command "psw ia=$(printf '%X' $((0x$sio + 4))) cc=1"
s370_command 'r 40=0000000080000000'
s370_command 'b-'
s370_command 'g'
term_wait 1 '^002 USERS, 000 DIALED'
term_send 1 'QUERY NAMES'
term_wait 1 '^OPERATOR - 009 , USER1    - 020'
cp_alive
grep -q 'USER1.*DISCONNECT\|DSC' s370.out && fail "USER1 should stay connected"
exit 0
