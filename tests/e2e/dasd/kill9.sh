# kill9.sh - crash safety of compressed (CCKD) images: `dasd370 stress` writes pseudo-random track
# images, flushing and printing the number of each acknowledged write; it is killed with SIGKILL at
# a random moment, 25 times over one image.  After each kill the image must pass `dasd370 check`
# (tables intact, nothing overlapping, every stored image expanding to its track) and every track
# must hold its last acknowledged image (or a later one that was under way), checked by
# `dasd370 stress-check` against a copy taken before the run.
. "$ROOT/tests/e2e/lib.sh"
D="$BIN/dasd370"

"$D" init -z vol.cckd 3330 CRASH1 10 >/dev/null || fail "init"
total=0
i=1
while [ "$i" -le 25 ]; do
    cp vol.cckd before.cckd
    "$D" stress vol.cckd "$i" >acks.txt 2>stress.err &
    pid=$!
    # 20-250 ms: from the middle of the first writes to well into the run
    delay=$(awk -v s="$i" 'BEGIN { srand(s * 7919); printf "%.3f", 0.02 + rand() * 0.23 }')
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    acked=$(tail -n 1 acks.txt)
    [ -n "$acked" ] || acked=0
    total=$((total + acked))
    "$D" check vol.cckd >check.out 2>&1 || { cat check.out stress.err; fail "run $i: check failed after kill at write $acked"; }
    "$D" stress-check vol.cckd before.cckd "$i" "$acked" >verify.out 2>&1 ||
        { cat verify.out; fail "run $i: acknowledged tracks lost after kill at write $acked"; }
    i=$((i + 1))
done
[ "$total" -gt 100 ] || fail "the stress runs acknowledged only $total writes: the kills came too early to test anything"
# The crashed image is repaired into a cleanly closed one that Hercules' own checker accepts.
"$D" check -r vol.cckd >/dev/null || fail "check -r"
if command -v cckdcdsk >/dev/null; then
    cp vol.cckd herc.cckd
    cckdcdsk -3 herc.cckd >cdsk.out 2>&1 || { cat cdsk.out; fail "cckdcdsk"; }
    cmp -s vol.cckd herc.cckd || { cat cdsk.out; fail "cckdcdsk changed the repaired image"; }
fi
echo "kill9: 25 kills, $total acknowledged writes verified"
