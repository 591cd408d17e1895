# The same Hercules-style test scripts run by Debian's Hercules 3.13 (headless, HERCULES_RC) and
# checked by the same check.awk: both emulators pass the same .tst files.  Hercules 3.13 has no
# runtest command: the runtest script gives it the key and a pause instead (see runtest).
. "$ROOT/tests/e2e/lib.sh"
command -v hercules >/dev/null || fail "hercules is not installed (scripts/deps.sh test installs it)"
here="$ROOT/tests/e2e/hercules_tst"
sh "$here/runtest" -e hercules -d work -b "$BIN" "$here"/*.tst > result.txt ||
    { cat result.txt work/allTests.out; fail "the test scripts should pass on Hercules 3.13"; }
expect_grep '^Hercules Version 3.13' work/allTests.out
expect_grep '^Did 5 tests.  All OK.$' result.txt
exit 0
