# tool.sh - dasd370's command line: usage errors exit 2 with a message, damaged images are reported
# (exit 1) and never crash it, and `check -r` repairs damaged tables into an image Hercules' own
# checker accepts as it is.
. "$ROOT/tests/e2e/lib.sh"
D="$BIN/dasd370"

# status WANT CMD...: run CMD (output to out.txt), its exit status must be WANT
status() {
    want=$1
    shift
    "$@" >out.txt 2>&1
    got=$?
    [ "$got" -eq "$want" ] || { cat out.txt; fail "$*: exit $got, want $want"; }
}

status 2 "$D"
expect_grep 'dasd370: no subcommand' out.txt
status 2 "$D" frobnicate
expect_grep "unknown subcommand 'frobnicate'" out.txt
status 2 "$D" init x.ckd 3330
status 2 "$D" init x.ckd 9999 VOL001
expect_grep "unknown device type '9999'" out.txt
status 2 "$D" init x.ckd 3330 TOOLONG
status 2 "$D" init x.ckd 3330 VOL001 nine
status 2 "$D" init -q x.ckd 3330 VOL001
status 2 "$D" init -z x.fba 3310 VOL001
status 2 "$D" conv only.ckd
status 2 "$D" check
status 2 "$D" check -r
status 2 "$D" ls
[ ! -e x.ckd ] && [ ! -e x.fba ] || fail "a usage error created a file"
status 0 "$D" --help
expect_grep '^usage: dasd370 init' out.txt

# damaged or foreign input: a message and exit 1
head -c 4096 /dev/urandom >garbage.bin
status 1 "$D" ls garbage.bin
status 1 "$D" check garbage.bin
expect_grep 'not a CKD image file' out.txt
status 1 "$D" conv garbage.bin out.cckd -z
status 1 "$D" ls missing.ckd
printf 'CKD_C370' >short.cckd
status 1 "$D" check short.cckd
status 1 "$D" ls short.cckd

# an image with real content and free space, closed cleanly
status 0 "$D" init -z vol.cckd 3350 REPAIR 4
status 0 "$D" stress vol.cckd 11 400
status 0 "$D" check vol.cckd
expect_grep 'no problems found' out.txt
cp vol.cckd good.cckd

# little-endian 32-bit words in the file: L1[0] at 1024, L2 entry n at L1[0] + 8n
word_at() {
    od -An -tu4 -j "$2" -N 4 "$1" | tr -d ' '
}
put_word() { # FILE OFFSET VALUE
    printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) $(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
        dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
l2=$(word_at vol.cckd 1024)
# the first stored track image among entries 1..60
n=1
while [ "$n" -le 60 ] && [ "$(word_at vol.cckd $((l2 + 8 * n)))" -eq 0 ]; do n=$((n + 1)); done
[ "$n" -le 60 ] || fail "stress wrote no track image in the first 60 tracks"
m=$((n + 1))
while [ "$(word_at vol.cckd $((l2 + 8 * m)))" -eq 0 ]; do m=$((m + 1)); done

# 1. an entry pointing outside the file
put_word vol.cckd $((l2 + 8 * n)) 99999999
status 1 "$D" check vol.cckd
expect_grep "track $n: L2 entry (offset 99999999.*points outside the file" out.txt
status 0 "$D" check -r vol.cckd
expect_grep 'repaired: 1 damaged entries dropped' out.txt
status 0 "$D" check vol.cckd
expect_grep 'no problems found' out.txt
cp vol.cckd herc.cckd
cckdcdsk -3 herc.cckd >cdsk.out 2>&1 || { cat cdsk.out; fail "cckdcdsk after repair"; }
cmp -s vol.cckd herc.cckd || { cat cdsk.out; fail "cckdcdsk changed the repaired image"; }

# 2. two tracks claiming one stored image
cp good.cckd vol.cckd
put_word vol.cckd $((l2 + 8 * m)) "$(word_at vol.cckd $((l2 + 8 * n)))"
put_word vol.cckd $((l2 + 8 * m + 4)) "$(word_at vol.cckd $((l2 + 8 * n + 4)))"
status 1 "$D" check vol.cckd
expect_grep "track $m: stored image at offset .* is not a well-formed image of cylinder" out.txt
status 0 "$D" check -r vol.cckd
status 0 "$D" check vol.cckd

# 3. a damaged zlib stream, a truncated file, a garbage L1 entry
cp good.cckd vol.cckd
off=$(word_at vol.cckd $((l2 + 8 * n)))
printf 'garbage!' | dd of=vol.cckd bs=1 seek=$((off + 5)) conv=notrunc 2>/dev/null
status 1 "$D" check vol.cckd
expect_grep "track $n: stored image" out.txt
status 0 "$D" check -r vol.cckd
cp good.cckd vol.cckd
size=$(wc -c <vol.cckd)
truncate -s $((size * 2 / 3)) vol.cckd
status 1 "$D" check vol.cckd
status 1 "$D" ls vol.cckd >/dev/null
status 0 "$D" check -r vol.cckd
status 0 "$D" check vol.cckd
cp good.cckd vol.cckd
put_word vol.cckd 1024 4000000000
status 1 "$D" check vol.cckd
expect_grep 'L1 entry 0 (offset 4000000000) points outside the file: tracks 0-255 lost' out.txt
status 0 "$D" check -r vol.cckd
status 0 "$D" check vol.cckd

# 4. a garbage CCKD header cannot be repaired, and says so
cp good.cckd vol.cckd
head -c 512 /dev/urandom | dd of=vol.cckd bs=1 seek=512 conv=notrunc 2>/dev/null
put_word vol.cckd 520 7
status 1 "$D" check -r vol.cckd
expect_grep 'CCKD header is damaged' out.txt

# shadow files through the command line: conv reads the chain, ls too
status 0 "$D" init -z base.cckd 3350 SHADOW 2
status 0 "$D" ls base.cckd 'sf=base_*.shd'
expect_grep '^base.cckd: VOLSER=SHADOW$' out.txt
[ ! -e base_1.shd ] || fail "a read-only ls created a shadow file"
status 0 "$D" conv 'sf=base_*.shd' base.cckd plain.ckd
status 0 "$D" conv plain.ckd again.cckd -z
status 0 "$D" check again.cckd

# FBA volumes
status 0 "$D" init f.fba 3370 FBAVOL 1000
status 0 "$D" ls f.fba
expect_grep '^f.fba: VOLSER=FBAVOL$' out.txt
expect_grep '^FBA: 1000 blocks$' out.txt
echo "tool: ok"
