# Peer check against Hercules 3.13 (Debian's hercules package): tape370 reads what hetinit and
# hetupd write; Hercules' tapemap, hetmap and hetupd read what tape370 writes, and Hercules' 3420
# IPLs from our AWS and compressed HET tapes.  Our HET writer (zlib level 4, like hetlib's default)
# gives hetinit's bytes exactly.
. "$ROOT/tests/e2e/lib.sh"
for tool in hetinit hetmap tapemap hetupd; do
    command -v $tool >/dev/null || fail "$tool is not installed (scripts/deps.sh test installs hercules)"
done
T="$BIN/tape370"

# a standard-label tape from hetinit, compressed and not
hetinit het.het VOL001 OWNER1 >/dev/null 2>&1 || fail "hetinit"
hetinit -d plain.het VOL001 OWNER1 >/dev/null 2>&1 || fail "hetinit -d"
"$T" map het.het > map.out || fail "map of hetinit's tape"
expect_grep "^het.het: HET tape" map.out
expect_grep "^       1        80  VOL1 volser='VOL001' security='' owner='OWNER1' (stored 32 bytes, zlib)" map.out
expect_grep "^       2        80  HDR1 dsn='00000000000000000' volser='000000' .* (stored 15 bytes, zlib)" map.out
expect_grep "^       3  tapemark  end of file 1: 2 blocks of 80 to 80 bytes" map.out
expect_grep "^end of data after 3 records: 1 tapemark, 2 blocks, 160 bytes" map.out

# compressing hetinit's uncompressed tape gives its compressed one, byte for byte
"$T" conv plain.het ours.het > conv.out || fail "conv to HET"
cmp ours.het het.het || fail "our HET differs from hetinit's"

# our AWS and HET copies, listed by Hercules
"$T" conv het.het ours.aws > /dev/null || fail "conv to AWS"
tapemap ours.aws > tapemap.out 2>&1 || fail "tapemap"
expect_grep "^VOL1VOL001  *OWNER1" tapemap.out
expect_grep "^File 1: Blocks=2, block size min=80, max=80" tapemap.out
hetmap ours.het > hetmap.out 2>&1 || fail "hetmap"
expect_grep "^Volume Serial       : 'VOL001'" hetmap.out
expect_grep "^Uncompressed bytes  : 160" hetmap.out
expect_grep "^Compressed bytes    : 47" hetmap.out
# hetupd expands our HET into exactly our AWS
hetupd -d ours.het expanded.het > /dev/null 2>&1 || fail "hetupd -d"
cmp expanded.het ours.aws || fail "hetupd's expansion of our HET differs from our AWS"

# a 10,000-byte block: hetupd -s cuts it into 4,096-byte chunks, which we join again
{ printf '\020\047\000\000'; head -c 10000 /dev/zero | tr '\0' 'A'; printf '\020\047\000\000\000\000\000\000'; } > big.tap
"$T" conv big.tap big.aws > /dev/null || fail "conv of a SimH tape"
hetupd -s big.aws strict.aws > /dev/null 2>&1 || fail "hetupd -s"
tapemap strict.aws > strict.out 2>&1
expect_grep "^File 1: Blocks=3, block size min=1808, max=4096" strict.out
"$T" map strict.aws > strict.map || fail "map of a chunked block"
expect_grep "^       1     10000  data" strict.map
"$T" conv strict.aws joined.aws > /dev/null || fail "conv of a chunked block"
cmp joined.aws big.aws || fail "rejoined chunks differ"

# bzip2 blocks (hetupd -b) are refused with a clear message
hetupd -b het.het bzip2.het > /dev/null 2>&1 || fail "hetupd -b"
if "$T" map bzip2.het > bzip2.out 2> bzip2.err; then fail "map of a bzip2 tape succeeded"; fi
expect_grep "bzip2.het: the block at offset 0 is bzip2-compressed, which s370 does not read" bzip2.err

# an IPL tape: one 200-byte block (the IPL PSW X'000A0000 00000BAD', a NOP CCW, zeros) and a tapemark, made as SimH
# by hand and converted; Hercules IPLs from both copies into that disabled wait
{ printf '\310\000\000\000\000\012\000\000\000\000\013\255\003\000\000\000\000\000\000\001'
  head -c 184 /dev/zero; printf '\310\000\000\000\000\000\000\000'; } > ipl.tap
for format in aws het; do
    "$T" conv ipl.tap ipl.$format > /dev/null || fail "conv of the IPL tape to $format"
    printf 'ARCHMODE S/370\nMAINSIZE 2\nNUMCPU 1\nCNSLPORT 3298\n0009 3215-C / NOPROMPT\n0580 3420 ipl.%s\n' \
        $format > herc.cnf
    printf 'ipl 580\npause 1\nquit\n' > ipl.rc
    HERCULES_RC=ipl.rc timeout 60 hercules -d -f herc.cnf > ipl.out 2>&1 < /dev/null
    expect_grep "PSW=000A0000 00000BAD" ipl.out
done
hetmap ipl.het > ipl.map 2>&1
expect_grep "^Compressed bytes    : [0-9][0-9]$" ipl.map
exit 0
