# IPL from tape with the s370 program: an IPL card deck written as a tape, each 80-byte card one
# block (the IPL read takes the first 24 bytes of block 1 with SLI, the bootstrap then reads the
# others), as AWS and as HET.  The program greets on the 3215-C console and stops in a disabled wait;
# after the IPL the tape stays where the loading left it (an IPL never rewinds).
. "$ROOT/tests/e2e/lib.sh"
cp "$ROOT/tests/e2e/asm370/progs/hello.asm" .
"$BIN/asm370" -f deck -o hello.deck -l none hello.asm || fail "hello.asm should assemble"

# AWS: per block a 6-byte header: length and previous length (little-endian), flags X'A0' (whole
# block), 0; a tapemark is a header with length 0 and flags X'40'.
le16() { printf "\\$(printf '%03o' $(($1 & 255)))\\$(printf '%03o' $(($1 >> 8)))"; }
blocks=$(($(wc -c < hello.deck) / 80))
: > hello.aws
prev=0
i=0
while [ "$i" -lt "$blocks" ]; do
    { le16 80; le16 $prev; printf '\240\000'; dd if=hello.deck bs=80 skip=$i count=1 2>/dev/null; } >> hello.aws
    prev=80
    i=$((i + 1))
done
{ le16 0; le16 $prev; printf '\100\000'; } >> hello.aws
"$BIN/tape370" conv hello.aws hello.het || fail "tape370 conv to HET"

for tape in hello.aws hello.het; do
    cat > s370.cnf <<CNF
ARCHLVL  S/370
MAINSIZE 1M
NUMCPU   1
0009     3215-C / NOPROMPT
0180     3420 $tape ro
CNF
    printf '%s\n' 'ipl 180' 'pause 1' 'devlist tape' 'quit' | "$BIN/s370" -f s370.cnf -d > out.txt 2> err.txt ||
        { cat out.txt err.txt; fail "s370 failed on $tape"; }
    expect_grep "^HELLO FROM S370" out.txt
    expect_grep "HHCCP011I CPU0000: Disabled wait state" out.txt
    expect_grep "PSW=00020000 80000000" out.txt
    # loading read every block: the tape stands after the last card, not at load point
    expect_grep "block $blocks" out.txt
done
exit 0
