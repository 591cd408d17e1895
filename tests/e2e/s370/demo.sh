# `make run` boots the demo (scripts/run.sh with demo/echo.asm): it greets, echoes what the operator
# types on the integrated console, and ends in a disabled wait on /QUIT.
. "$ROOT/tests/e2e/lib.sh"
printf 'pause 1\n/HI THERE\npause 1\n/QUIT\npause 1\nquit\n' |
    BUILD=$(echo "$BIN" | sed "s|^$ROOT/||; s|/bin\$||") sh "$ROOT/scripts/run.sh" > out.txt 2>&1 ||
    { cat out.txt; fail "make run's script failed"; }
expect_grep "^HELLO FROM S370 - TYPE /TEXT TO TALK" out.txt
expect_grep "^YOU SAID: HI THERE" out.txt
expect_grep "^GOODBYE" out.txt
expect_grep "HHCCP011I CPU0000: Disabled wait state" out.txt
exit 0
