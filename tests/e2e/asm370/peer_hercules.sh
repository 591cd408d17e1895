# Peer check against Hercules 3.13 (Debian's package): our IPL card deck boots on Hercules and the
# program runs (console text, disabled wait), and Hercules' loadtext reads our object deck into
# exactly the bytes of our flat image.
. "$ROOT/tests/e2e/lib.sh"
command -v hercules >/dev/null || fail "hercules is not installed (scripts/deps.sh test installs it)"
src="$ROOT/tests/e2e/asm370/progs/hello.asm"
"$BIN/asm370" -f deck -o hello.deck -l none "$src" || fail "deck"
"$BIN/asm370" -o hello.obj -l none "$src" || fail "object deck"
"$BIN/asm370" -f bin -o hello.bin -l none "$src" || fail "bin"
cat > herc.cnf <<'CNF'
ARCHMODE S/370
MAINSIZE 2
NUMCPU 1
CNSLPORT 3299
0009 3215-C / NOPROMPT
000C 3505 hello.deck ebcdic eof
CNF

# hercules 3.13 takes its command script from $HERCULES_RC; run it headless (-d) under a time limit
run_hercules() {
    HERCULES_RC="$1" timeout 60 hercules -d -f herc.cnf > "$2" 2>&1 < /dev/null
}

printf 'ipl 00c\npause 1\npsw\nquit\n' > ipl.rc
run_hercules ipl.rc ipl.out
expect_grep "^HELLO FROM S370" ipl.out
expect_grep "HHCCP011I CPU0000: Disabled wait state" ipl.out
# the wait PSW loaded by LPSW DONE; a BC-mode PSW shows the last ILC (2: four bytes) in bits 32-33
expect_grep "^PSW=00020000 80000000" ipl.out

printf 'loadtext hello.obj\nr 2000.57\nquit\n' > text.rc
run_hercules text.rc text.out
expect_grep "HHCPN120I Finished loading TEXT deck" text.out
# storage words as Hercules shows them, against our image
got=$(sed -n 's/^R:000020[0-5]0:K:..=\([0-9A-F ]*\)  .*/\1/p' text.out | tr -d ' \n' | cut -c1-174)
want=$(hex_of hello.bin)
[ "$got" = "$want" ] || fail "hercules loadtext storage $got differs from our image $want"
exit 0
