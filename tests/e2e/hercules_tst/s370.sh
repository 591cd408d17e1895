# The Hercules-style test scripts of this folder, run by s370 as Hercules' runtest runs them
# (allTests.testin with -r, tests.conf with -f) and checked by check.awk as redtest.rexx checks a
# Hercules log; then the checker's own failures: a wrong *Want, *Gpr and *Key, an unexpected program
# interruption, a test without a wait, an unknown directive, runtest's time limit, a missing *Done.
. "$ROOT/tests/e2e/lib.sh"
here="$ROOT/tests/e2e/hercules_tst"
sh "$here/runtest" -e s370 -d work -b "$BIN" "$here"/*.tst > result.txt ||
    { cat result.txt work/allTests.out; fail "the test scripts should pass on s370"; }
expect_grep '^Did 5 tests.  All OK.$' result.txt
[ "$(grep -c '^HHCCP011I CPU0000: Disabled wait state' work/allTests.out)" = 5 ] || fail "5 disabled waits"

cp "$here/sum.asm" bad.asm
cat > bad.tst <<'TST'
*Testcase wrong values
sysclear
loadcore "$(testpath)/bad.core"
runtest 5
*Compare
r 300.10
*Want 00000038 C4D6D5C5 00000000 00000000
*Key 04
gpr
*Gpr 2 00000038
*Bogus
*Done
*Testcase no wait
sysclear
*Done
*Testcase unexpected program interruption
sysclear
r 0=0000000000000200
r 68=000A00000000DEAD
r 200=0000
runtest 5
*Done
*Testcase time limit
sysclear
r 0=0000000000000200
r 200=47F00200
runtest 0.5
*Done
*Testcase no end
TST
sh "$here/runtest" -e s370 -d badwork -b "$BIN" bad.tst > bad.txt && { cat bad.txt; fail "bad.tst should fail"; }
for want in 'Storage compare mismatch' 'Want: R:00000300 00000038 C4D6D5C5 00000000 00000000' \
    'Key R:00000300 compare mismatch' 'Gpr 2 compare mismatch' 'Unknown directive: \*Bogus' \
    'Test "wrong values":  1 OK compares.  4 failures.' 'No wait state encountered' \
    'Unexpected program interruption code 0001' 'Received unexpected wait state: 000A0000 0000DEAD' \
    'Test case timed out in wait' 'Tests malformed: 5 .\*Testcase. orders met, but 4 .\*Done. orders met' \
    'Did 5 tests.  4 failed; 0 OK.'; do
    expect_grep "$want" bad.txt
done
exit 0
