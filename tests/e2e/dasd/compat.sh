# compat.sh - dasd370 against the real peer, Hercules' own DASD utilities (Debian's hercules:
# dasdinit, dasdload, dasdls, cckdcdsk): images they make are read by dasd370, images dasd370 makes
# pass theirs, and uncompressed volumes come out byte for byte as dasdinit makes them.
. "$ROOT/tests/e2e/lib.sh"
D="$BIN/dasd370"
for tool in dasdinit dasdload dasdls cckdcdsk; do
    command -v $tool >/dev/null || fail "$tool is not installed (scripts/deps.sh test installs hercules)"
done

# cckdcdsk at level 3 must accept the image without changing a byte of it.
cdsk_clean() {
    cp "$1" cdsk.tmp
    cckdcdsk -3 cdsk.tmp >cdsk.out 2>&1 || { cat cdsk.out; fail "cckdcdsk -3 $1 failed"; }
    cmp -s "$1" cdsk.tmp || { cat cdsk.out; fail "cckdcdsk -3 had to repair $1"; }
}

# dasdls's report of an image, with the file name taken out.
dasdls_of() {
    dasdls "$1" 2>/dev/null | sed "s|^$1:||; s/ *$//"
}

for spec in 3330:6 3350:4 3380:3; do
    type=${spec%:*}
    cyls=${spec#*:}
    # dasdinit's images, plain and compressed, read by dasd370
    dasdinit h$type.ckd $type HERC01 "$cyls" >/dev/null 2>&1 || fail "dasdinit $type"
    dasdinit -z h$type.cckd $type HERC01 "$cyls" >/dev/null 2>&1 || fail "dasdinit -z $type"
    for f in h$type.ckd h$type.cckd; do
        "$D" ls $f >ls.out || fail "dasd370 ls $f"
        expect_grep "^$f: VOLSER=HERC01$" ls.out
        "$D" check $f >check.out || { cat check.out; fail "dasd370 check $f"; }
    done
    "$D" conv h$type.cckd back$type.ckd >/dev/null || fail "conv h$type.cckd"
    "$D" check back$type.ckd >/dev/null || fail "check back$type.ckd"

    # dasd370's images: plain ones identical to dasdinit's, all accepted by dasdls and cckdcdsk
    "$D" init o$type.ckd $type HERC01 "$cyls" >/dev/null || fail "init $type"
    "$D" init -z o$type.cckd $type HERC01 "$cyls" >/dev/null || fail "init -z $type"
    cmp o$type.ckd h$type.ckd || fail "$type: dasd370 init differs from dasdinit"
    [ "$(dasdls_of o$type.cckd)" = "$(dasdls_of h$type.cckd)" ] || fail "dasdls o$type.cckd"
    [ "$(dasdls_of o$type.ckd)" = "$(dasdls_of h$type.ckd)" ] || fail "dasdls o$type.ckd"
    cdsk_clean o$type.cckd

    # conversions keep every track: plain -> compressed -> plain is the identity
    "$D" conv -z h$type.ckd z$type.cckd >/dev/null || fail "conv -z $type"
    cdsk_clean z$type.cckd
    "$D" conv z$type.cckd p$type.ckd >/dev/null || fail "conv back $type"
    cmp p$type.ckd h$type.ckd || fail "$type: CKD -> CCKD -> CKD changed the volume"
done

# A volume with a VTOC and data sets, built by dasdload: the same data sets as dasdls lists.
cat >load.ctl <<'CTL'
LOAD01 3350 3
SYS1.TEST.PDS EMPTY CYL 1 0 5 PO FB 80 3120
USER.SEQ.DATA EMPTY TRK 3 1 0 PS VB 259 6233
A.B EMPTY TRK 1 0 0 DA U 0 6000
CTL
dasdload load.ctl load.ckd >/dev/null 2>&1 || fail "dasdload"
dasdls load.ckd 2>/dev/null | sed 's/ *$//' >herc.ls
"$D" ls load.ckd >ours.raw || fail "dasd370 ls load.ckd"
grep -v '^VTOC:' ours.raw | cut -c1-44 | sed 's/ *$//' >ours.ls
cmp herc.ls ours.ls || { diff herc.ls ours.ls; fail "dasd370 ls and dasdls list different data sets"; }
expect_grep '^SYS1.TEST.PDS  *PO  FB  *80  3120  extents: 1.0-1.29  tracks: 30$' ours.raw
expect_grep '^USER.SEQ.DATA  *PS  VB  *259  6233  extents: 2.0-2.2  tracks: 3$' ours.raw
"$D" conv -z load.ckd load.cckd >/dev/null || fail "conv load"
cdsk_clean load.cckd
[ "$(dasdls_of load.cckd)" = "$(dasdls_of load.ckd)" ] || fail "dasdls of the converted volume"

# FBA: the same file as dasdinit's, VOL1 label in block 1
dasdinit hfba.fba 3310 FBA001 200 >/dev/null 2>&1 || fail "dasdinit 3310"
"$D" init ofba.fba 3310 FBA001 200 >/dev/null || fail "init 3310"
cmp ofba.fba hfba.fba || fail "3310: dasd370 init differs from dasdinit"
"$D" ls hfba.fba >fba.out || fail "ls fba"
expect_grep '^hfba.fba: VOLSER=FBA001$' fba.out
echo "compat: ok"
