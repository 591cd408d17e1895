#!/bin/sh
# build.sh - the image recipe (`make images`): builds the two 3350 volumes CP runs from, as CCKD
# images, into OUT (normally $(BUILD)/images):
#
#   sysres.cckd  S37RES  cyl 0 head 0: IPL1/IPL2 = the IPL loader (cp/loader/iplload.asm), VOL1
#                        cyl 0 head 1 R1: SYSHDR (cms-images/sysrec.asm, with the build time)
#                        cyl 1-4: the CP nucleus     cyl 5-9: the directory (cms-images/user.direct)
#                        cyl 10-59: paging           cyl 60-159: spool
#   user01.cckd  S37U01  the users' minidisks (see user.direct); USER1's 191 (cylinders 1-5)
#                        holds the demo guest as IPL text, so `IPL 191` runs it; SECOND's 150
#                        (cylinders 300-459) is a second system residence volume laid out like
#                        S37RES with a directory of its own (user2.direct), so `IPL 150` there
#                        runs CP under CP
#   reader.deck          an `ID USER1` card and the demo guest as an IPL card deck: s370.cnf puts it
#                        in the real reader 00C, so CP spools it to USER1's reader at IPL
#
# Every CP area is made of 4096-byte records, 4 a track (cp/macros/syshdr.cpy).  The volumes are
# built under temporary names and renamed at the end, so a failed build leaves no half volume.
#
# usage: sh cms-images/build.sh BIN NUCLEUS OUT   (BIN holds asm370, dasd370, dirc370)
set -eu
[ $# -eq 3 ] || { echo "usage: sh cms-images/build.sh BIN NUCLEUS OUT" >&2; exit 2; }
BIN=$1 NUCLEUS=$2 OUT=$3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC="$ROOT/cms-images"

# The SYSRES layout, in cylinders; CP reads it from SYSHDR.  The second-level system residence
# minidisk has the same layout from its own cylinder 0 (SECOND_CYL on S37U01).
NUC_CYL=1 DIR_CYL=5 PAGE_CYL=10 PAGE_CYLS=50 SPOOL_CYL=60 SPOOL_CYLS=100
RECORDS_PER_CYL=120 # 30 tracks of 4 records
CYLS=555            # a 3350
SECOND_CYL=300 SECOND_CYLS=$((SPOOL_CYL + SPOOL_CYLS))

die() {
    echo "images: $*" >&2
    exit 1
}

# records FILE: how many 4096-byte records the file fills.
records() {
    size=$(wc -c < "$1")
    echo $(((size + 4095) / 4096))
}

[ -s "$NUCLEUS" ] || die "no CP nucleus at $NUCLEUS (make cp builds it)"
mkdir -p "$OUT"
work="$OUT/work"
rm -rf "$work"
mkdir "$work"

"$BIN/asm370" -I "$ROOT/cp/macros" -f ipltext --origin 1000 -o "$work/iplload.ipl" -l "$work/iplload.lst" \
    "$ROOT/cp/loader/iplload.asm" || die "the IPL loader does not assemble"
"$BIN/dirc370" -o "$work/user.dir" "$SRC/user.direct" > /dev/null || die "the directory does not compile"

nuc_records=$(records "$NUCLEUS")
dir_records=$(records "$work/user.dir")
[ "$nuc_records" -le $(((DIR_CYL - NUC_CYL) * RECORDS_PER_CYL)) ] ||
    die "the nucleus ($nuc_records records) does not fit cylinders $NUC_CYL-$((DIR_CYL - 1))"
[ "$dir_records" -le $(((PAGE_CYL - DIR_CYL) * RECORDS_PER_CYL)) ] ||
    die "the directory ($dir_records users) does not fit cylinders $DIR_CYL-$((PAGE_CYL - 1))"

# syshdr DIRECTORY CYLS OUT: the SYSHDR record of a volume of CYLS cylinders with that directory.
syshdr() {
    "$BIN/asm370" -I "$ROOT/cp/macros" -f bin -o "$3" -l "$3.lst" -D CYLS="$2" -D NUCC=$NUC_CYL \
        -D NUCN="$nuc_records" -D DIRC=$DIR_CYL -D DIRN="$(records "$1")" -D PAGC=$PAGE_CYL -D PAGN=$PAGE_CYLS \
        -D SPLC=$SPOOL_CYL -D SPLN=$SPOOL_CYLS -D "DATE=$(date -u '+%Y-%m-%d %H:%M:%S')" "$SRC/sysrec.asm" ||
        die "SYSHDR does not assemble"
}
syshdr "$work/user.dir" $CYLS "$work/syshdr.bin"
"$BIN/dirc370" -o "$work/user2.dir" "$SRC/user2.direct" > /dev/null || die "the second-level directory does not compile"
syshdr "$work/user2.dir" $SECOND_CYLS "$work/syshdr2.bin"

# The demo guest: IPL text on USER1's minidisk (S37U01 cylinder 1) and a deck for USER1's reader.
"$BIN/asm370" -f ipltext -o "$work/demo.ipl" -l "$work/demo.lst" "$SRC/guests/demo.asm" ||
    die "the demo guest does not assemble"
"$BIN/asm370" -f deck -o "$work/demo.deck" -l none "$SRC/guests/demo.asm"
printf '%-80s' 'ID USER1' | dd conv=ebcdic status=none > "$work/reader.deck"
cat "$work/demo.deck" >> "$work/reader.deck"

res="$work/sysres.cckd" u01="$work/user01.cckd"
"$BIN/dasd370" init -z "$res" 3350 S37RES $CYLS
"$BIN/dasd370" ipl "$res" "$work/iplload.ipl"
"$BIN/dasd370" put "$res" 0 1 "$work/syshdr.bin"
"$BIN/dasd370" put "$res" $NUC_CYL 0 "$NUCLEUS"
"$BIN/dasd370" put "$res" $DIR_CYL 0 "$work/user.dir"
"$BIN/dasd370" format "$res" $PAGE_CYL $PAGE_CYLS
"$BIN/dasd370" format "$res" $SPOOL_CYL $SPOOL_CYLS
"$BIN/dasd370" init -z "$u01" 3350 S37U01 $CYLS
"$BIN/dasd370" ipl "$u01" "$work/demo.ipl" 1
# the second-level SYSRES: the same loader and nucleus, its own SYSHDR and directory
c=$SECOND_CYL
"$BIN/dasd370" ipl "$u01" "$work/iplload.ipl" $c
"$BIN/dasd370" put "$u01" $c 1 "$work/syshdr2.bin"
"$BIN/dasd370" put "$u01" $((c + NUC_CYL)) 0 "$NUCLEUS"
"$BIN/dasd370" put "$u01" $((c + DIR_CYL)) 0 "$work/user2.dir"
"$BIN/dasd370" format "$u01" $((c + PAGE_CYL)) $PAGE_CYLS
"$BIN/dasd370" format "$u01" $((c + SPOOL_CYL)) $SPOOL_CYLS

for f in sysres.cckd user01.cckd reader.deck; do
    mv "$work/$f" "$OUT/$f"
done
echo "images: $OUT/sysres.cckd (nucleus $nuc_records records, $dir_records users), $OUT/user01.cckd"
