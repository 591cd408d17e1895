# tools.sh - the host tools' command lines for CP's volumes, good and bad input: dirc370 compiles
# cms-images/user.direct (6 users, 6 records of 4096 bytes, OPERATOR first), and on an error says
# file:line, exits 1 and leaves no output file; dasd370 put and format refuse areas past the end of
# a volume, put an empty file, ipl a cylinder the volume does not have, each with a message and
# status 1, and the volume stays clean.
. "$ROOT/tests/e2e/lib.sh"
D="$BIN/dasd370"

"$BIN/dirc370" -o user.dir "$ROOT/cms-images/user.direct" > out.txt || fail "user.direct should compile"
expect_grep '^dirc370: 6 users, 6 records of 4096 bytes in user.dir$' out.txt
[ "$(wc -c < user.dir)" -eq 24576 ] || fail "user.dir should be 6 records of 4096 bytes"
head -c 16 user.dir > first.bin
expect_file_hex first.bin 'D6D7C5D9C1E3D6D9 D6D7C5D9C1E3D6D9'

printf 'USER A B 1M\n CONSOLE 009 3215\n SPOOL 009 1403\n' > bad.direct
"$BIN/dirc370" bad.direct 2> err.txt && fail "a duplicate device address should be an error"
expect_grep '^bad.direct:3: error: A already has a device 009 (line 2)$' err.txt
expect_grep '^dirc370: 1 errors, 0 warnings: nothing written$' err.txt
[ -e bad.dir ] && fail "nothing should be written after an error"
printf 'USER A B 1M\n' > good.direct
"$BIN/dirc370" good.direct > /dev/null || fail "good.direct should compile"
[ "$(wc -c < good.dir)" -eq 4096 ] || fail "good.dir: the default output name, one record"
"$BIN/dirc370" missing.direct 2> err.txt && fail "a missing file should fail"
expect_grep '^dirc370: cannot read missing.direct: No such file or directory$' err.txt

"$D" init -z v.cckd 3350 TEST01 20 > /dev/null || fail "dasd370 init"
head -c 20000 /dev/zero | tr '\0' 'x' > five.txt
"$D" put v.cckd 19 29 five.txt 2> err.txt && fail "put past the end should fail"
expect_grep '^dasd370: put: 5 records from cylinder 19 head 29 do not fit v.cckd (20 cylinders of 30 tracks)$' err.txt
"$D" put v.cckd 19 28 five.txt > out.txt || fail "put on the last two tracks"
expect_grep '^v.cckd: 5 records of 4096 bytes (4 a track) at cylinder 19 head 28, 2 tracks$' out.txt
"$D" put v.cckd 1 30 five.txt 2> err.txt && fail "head 30 of a 3350 should fail"
: > empty.txt
"$D" put v.cckd 1 0 empty.txt 2> err.txt && fail "put of an empty file should fail"
expect_grep '^dasd370: put: empty.txt is empty: nothing to write$' err.txt
"$D" format v.cckd 15 6 2> err.txt && fail "format past the end should fail"
expect_grep '^dasd370: format: cylinders 15-20 are past the end of v.cckd (20 cylinders)$' err.txt
"$D" format v.cckd 15 five 2> err.txt && fail "a bad count should fail"
expect_grep "^dasd370: format: '15 five' is not a first cylinder and a cylinder count$" err.txt
"$D" format v.cckd 15 5 > out.txt || fail "format the last five cylinders"
expect_grep '^v.cckd: cylinders 15-19 formatted with 4 records of 4096 bytes a track$' out.txt
"$BIN/asm370" -f ipltext -o g.ipl -l none "$ROOT/cms-images/guests/demo.asm" || fail "demo.asm"
"$D" ipl v.cckd g.ipl 20 2> err.txt && fail "ipl on cylinder 20 of 20 should fail"
expect_grep '^dasd370: v.cckd: no cylinder 20 (the volume has 20)$' err.txt
"$D" ipl v.cckd g.ipl 3 || fail "ipl on cylinder 3"
"$D" check v.cckd > out.txt || { cat out.txt; fail "the volume should be clean"; }
exit 0
