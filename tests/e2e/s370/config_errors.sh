# s370 start-up: a configuration with errors starts nothing and says where every error is; the
# command line; s370.rc in the current folder runs first; end of input quits cleanly.
. "$ROOT/tests/e2e/lib.sh"

cat > bad.cnf <<'CNF'
MAINSIZE 32M
NUMCPU 1
INCLUDE devices.cnf
ARCHLVL z/Arch
FROBNICATE 1
CNF
cat > devices.cnf <<'CNF'
0009 3215-C
000C 3505 missing.deck
0009 3215-C
CNF
echo quit | "$BIN/s370" -f bad.cnf > out.txt 2> err.txt
[ $? -eq 1 ] || fail "a configuration with errors should exit 1"
[ -s out.txt ] && { cat out.txt; fail "nothing should be printed on stdout"; }
expect_grep '^S370E224 bad.cnf:1: MAINSIZE 32M: S/370 main storage is 64K to 16M, not 32M$' err.txt
expect_grep '^S370E012 devices.cnf:3: 0009 3215-C: device 009 is already defined at devices.cnf:1$' err.txt
expect_grep '^S370E221 bad.cnf:4: ARCHLVL z/Arch: only S/370 is emulated, not z/Arch$' err.txt
expect_grep '^S370W200 bad.cnf:5: FROBNICATE 1: unknown statement FROBNICATE, ignored$' err.txt
expect_grep '^S370E300 bad.cnf: 3 errors: nothing started$' err.txt

# the device's own message, file:line and the device
printf 'MAINSIZE 1M\n000C 3505 missing.deck\n' > dev.cnf
"$BIN/s370" -f dev.cnf < /dev/null > out.txt 2> err.txt
[ $? -eq 1 ] || fail "a device that cannot be opened should exit 1"
expect_grep '^S370E101 dev.cnf:2: 000C 3505: cannot read missing.deck: No such file or directory$' err.txt

"$BIN/s370" -f missing.cnf < /dev/null 2> err.txt
[ $? -eq 1 ] || fail "a missing configuration should exit 1"
expect_grep '^S370E015 cannot open the configuration file missing.cnf' err.txt
"$BIN/s370" -x 2> err.txt
[ $? -eq 2 ] || fail "a bad option should exit 2"
expect_grep '^usage: s370' err.txt

# s370.rc runs before standard input; -r names another; end of input quits with status 0
printf 'MAINSIZE 1M\nDEFSYM WHO rc\n' > good.cnf
printf 'msg * from $(WHO)\n' > s370.rc
printf 'defsym WHO other\nmsg * from $(WHO)\n' > other.rc
echo 'msg * from stdin' | "$BIN/s370" -f good.cnf > out.txt 2> err.txt || fail "s370 should exit 0 at end of input"
expect_grep '\* MSG FROM S370: from rc$' out.txt
expect_grep '\* MSG FROM S370: from stdin$' out.txt
echo 'msg * then $(WHO)' | "$BIN/s370" -f good.cnf -r other.rc > out.txt 2> err.txt || fail "-r"
expect_grep '\* MSG FROM S370: from other$' out.txt
expect_grep '\* MSG FROM S370: then other$' out.txt
grep -q 'from rc' out.txt && fail "s370.rc should not run when -r is given"
"$BIN/s370" -f good.cnf -r none.rc < /dev/null > out.txt 2>&1
expect_grep '^S370E301 cannot open the rc file none.rc: No such file or directory$' out.txt
exit 0
