# tape370 from the command line: conv between the three formats with exact bytes worked out by hand
# (FORMATS.md 3.3 for AWS, the SimH magtape document for .tap), map's listing of blocks, tapemarks
# and labels, and its errors: usage (exit 2) and unreadable tapes (exit 1).
. "$ROOT/tests/e2e/lib.sh"
T="$BIN/tape370"

# a SimH tape: "ABC" (padded to even), a tapemark, "HI", a tapemark
printf '\003\000\000\000ABC\000\003\000\000\000\000\000\000\000\002\000\000\000HI\002\000\000\000\000\000\000\000' > s.tap
"$T" conv s.tap a.aws > conv.out || fail "conv to AWS"
expect_grep "^s.tap (tap) -> a.aws (aws): 2 blocks, 2 tapemarks" conv.out
expect_file_hex a.aws "030000 00A000 414243 000003 004000 020000 00A000 4849 000002 004000"
"$T" conv -f tap a.aws back.bin > /dev/null || fail "conv -f tap"
cmp back.bin s.tap || fail "AWS -> tap round trip differs"
"$T" conv a.aws h.het > /dev/null || fail "conv to HET"
expect_file_hex h.het "030000 00A000 414243 000003 004000 020000 00A000 4849 000002 004000"

"$T" map s.tap > map.out || fail "map"
cat > want.out <<'OUT'
s.tap: TAP tape
  record    length  contents
       1         3  data
       2  tapemark  end of file 1: 1 block of 3 to 3 bytes
       3         2  data
       4  tapemark  end of file 2: 1 block of 2 to 2 bytes
end of data after 4 records: 2 tapemarks, 2 blocks, 5 bytes
OUT
diff want.out map.out || fail "map listing"

# usage errors: exit 2 and a message
usage() {
    message=$1
    shift
    "$T" "$@" > out 2> err
    status=$?
    [ $status -eq 2 ] || fail "tape370 $*: exit status $status instead of 2"
    expect_grep "$message" err
}
usage "a command is needed"
usage "unknown command 'copy'" copy a b
usage "map needs a FILE" map
usage "map takes one FILE" map a b
usage "conv needs two files" conv a.aws
usage "conv takes two files" conv a b c
usage "unknown format 'xyz'" conv -f xyz a.aws x
usage "-f needs a format" conv a.aws x -f
usage "unknown option -z" conv -z a.aws x.aws
usage "cannot tell the format from the name out.bin" conv a.aws out.bin
usage "a.aws and ./a.aws are the same file" conv a.aws ./a.aws
"$T" --help > help.out || fail "--help"
expect_grep "^usage: tape370 map FILE" help.out

# unreadable tapes: exit 1, the file named in the message, no output left behind
printf '\144\000\000\000\240\000A' > bad.aws
"$T" map bad.aws > /dev/null 2> err; [ $? -eq 1 ] || fail "map of a damaged tape: not exit 1"
expect_grep "^tape370: bad.aws: the block at offset 0 runs past the end of the file" err
"$T" conv bad.aws out.het > /dev/null 2> err; [ $? -eq 1 ] || fail "conv of a damaged tape: not exit 1"
[ ! -e out.het ] || fail "a failed conv left its output"
"$T" map missing.aws > /dev/null 2> err; [ $? -eq 1 ] || fail "map of a missing file: not exit 1"
expect_grep "missing.aws: No such file or directory" err
exit 0
