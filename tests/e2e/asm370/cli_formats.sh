# asm370 command line: default outputs, each format, listing, exit codes.
. "$ROOT/tests/e2e/lib.sh"
cp "$ROOT/tests/e2e/asm370/progs/hello.asm" .

"$BIN/asm370" hello.asm || fail "hello.asm should assemble"
[ -s hello.obj ] || fail "default object deck hello.obj missing"
[ -s hello.lst ] || fail "default listing hello.lst missing"
size=$(wc -c < hello.obj)
[ $((size % 80)) -eq 0 ] || fail "object deck is not 80-byte cards ($size bytes)"
# first card: X'02' then 'ESD' in EBCDIC (C5 E2 C4)
[ "$(head -c 4 hello.obj | od -An -tx1 | tr -d ' ')" = "02c5e2c4" ] || fail "first card is not an ESD card"
# last card is END (C5 D5 C4)
[ "$(tail -c 80 hello.obj | head -c 4 | od -An -tx1 | tr -d ' ')" = "02c5d5c4" ] || fail "last card is not END"

"$BIN/asm370" -f bin -o hello.bin -l none hello.asm || fail "bin format"
# BALR 12,0 = 05C0, BCTR 12,0 = 06C0 twice, MVC 48(4,0),CAW -> D2 03 0048 Cxxx
expect_hex_prefix() { got=$(hex_of "$1" | cut -c1-${#2}); [ "$got" = "$2" ] || fail "$1 starts $got, want $2"; }
expect_hex_prefix hello.bin "05C006C006C0D2030048C0"

"$BIN/asm370" -f deck -o hello.deck -l none hello.asm || fail "deck format"
size=$(wc -c < hello.deck)
[ $((size % 80)) -eq 0 ] || fail "IPL deck is not 80-byte cards"
# card 1: IPL PSW with the entry X'002000'
[ "$(head -c 8 hello.deck | od -An -tx1 | tr -d ' ')" = "0000000000002000" ] || fail "IPL PSW does not start at HELLO"

"$BIN/asm370" -f bin --origin 3000 -o moved.bin -l none hello.asm || fail "--origin"
# the A(WRITE) constant moves with the program: find it after the two PSWs
cmp -s hello.bin moved.bin && fail "--origin 3000 produced the same image as the assembled origin"

"$BIN/asm370" -l - -f bin -o /dev/null hello.asm > listing.txt || fail "listing to stdout"
expect_grep "^002000 05C0 .* 3 HELLO *START\|^002000 05C0" listing.txt
expect_grep "MESSAGE" listing.txt
expect_grep "0 errors" listing.txt

"$BIN/asm370" -f nonsense hello.asm 2>err.txt; [ $? -eq 2 ] || fail "bad -f should exit 2"
expect_grep "unknown output format" err.txt
"$BIN/asm370" missing.asm 2>err.txt; [ $? -eq 1 ] || fail "missing source should exit 1"
expect_grep "missing.asm" err.txt
exit 0
