# asm370 reports every error of a run as file:line:column and exits non-zero, writing no object.
. "$ROOT/tests/e2e/lib.sh"
cat > bad.asm <<'SRC'
BAD      CSECT
         USING *,12
         L     1,NOWHERE
         LR    1,16
DUP      DS    F
DUP      DS    F
         FROB  1,2
         END
SRC
"$BIN/asm370" bad.asm 2>err.txt
[ $? -eq 1 ] || fail "errors should exit 1"
[ -e bad.obj ] && fail "no object deck may be written when there are errors"
expect_grep "^bad.asm:3:[0-9]*: error: undefined symbol NOWHERE" err.txt
expect_grep "^bad.asm:4:[0-9]*: error: register 16 out of range" err.txt
expect_grep "^bad.asm:6:[0-9]*: error: duplicate definition of symbol DUP" err.txt
expect_grep "^bad.asm:7:[0-9]*: error: unknown operation code FROB" err.txt
[ "$(grep -c ': error: ' err.txt)" -eq 4 ] || fail "want exactly 4 errors"
# the listing carries the messages under their statements
expect_grep "^\*\* error: undefined symbol NOWHERE" bad.lst
exit 0
