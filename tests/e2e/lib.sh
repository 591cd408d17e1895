# tests/e2e/lib.sh - helpers sourced by end-to-end test scripts.
# fail MSG: print and exit 1.   expect_file_hex FILE HEX: the file's bytes, as upper-case hex, equal HEX.
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

hex_of() {
    od -An -v -tx1 "$1" | tr -d ' \n' | tr 'a-f' 'A-F'
}

expect_file_hex() {
    got=$(hex_of "$1")
    want=$(echo "$2" | tr -d ' ' | tr 'a-f' 'A-F')
    [ "$got" = "$want" ] || fail "$1: want $want, got $got"
}

# expect_grep PATTERN FILE: the file has a line matching the (basic) regular expression.
expect_grep() {
    grep -q -- "$1" "$2" || { echo "--- $2:"; cat "$2"; fail "no line matching '$1' in $2"; }
}
