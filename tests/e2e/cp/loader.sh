# loader.sh - the image recipe and the IPL loader end to end, without CP: cms-images/build.sh makes
# the volumes around a stand-in nucleus (loadtest.asm: 21 records on 6 tracks), dasd370 and
# Hercules' cckdcdsk find both volumes clean, and s370 IPLs SYSRES: the loader reads SYSHDR and the
# nucleus and enters it with R1 -> SYSHDR and the IPL device at X'BA', which loadtest checks before
# it greets on the console; Hercules 3.13 IPLs the same volume alike.  Then each failure stops with
# its wait code: a SYSHDR with a bad id (003), one whose nucleus lies on tracks without records
# (004), one with no nucleus (005), and a volume without SYSHDR (002).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

"$BIN/asm370" -f bin -o loadtest.bin -l none "$ROOT/tests/e2e/cp/loadtest.asm" || fail "loadtest.asm should assemble"
sh "$ROOT/cms-images/build.sh" "$BIN" loadtest.bin img > build.out || { cat build.out; fail "the recipe failed"; }
expect_grep 'nucleus 21 records, 6 users' build.out
for v in sysres user01; do
    "$BIN/dasd370" check img/$v.cckd > check.out || { cat check.out; fail "dasd370 check $v"; }
    cp img/$v.cckd cdsk.cckd
    cckdcdsk -3 cdsk.cckd > cdsk.out 2>&1 || { cat cdsk.out; fail "cckdcdsk -3 $v failed"; }
    cmp -s img/$v.cckd cdsk.cckd || { cat cdsk.out; fail "cckdcdsk -3 had to repair $v"; }
done
"$BIN/dasd370" ls img/sysres.cckd > ls.out
expect_grep 'VOLSER=S37RES' ls.out

# The records as Hercules' cckddiag reads them: R0 and four 4096-byte records on the SYSHDR track
# (the rest of a track dasd370 put writes is zero records), on the nucleus, directory (the first
# user, OPERATOR, at the start of R1), paging and spool tracks; on USER1's
# minidisk, the demo guest's IPL1 and IPL2 on cylinder 1 head 0, with that track's CCHH.
counts() {
    cckddiag -a "$2" "$3" -t "img/$1.cckd" 2>&1 | grep 'COUNT' | sed 's/^Track [0-9]* //' | tr '\n' ' '
}
slots() {
    echo "COUNT CC=$1 HH=$2 R=0 KL=0 DL=8 COUNT CC=$1 HH=$2 R=1 KL=0 DL=4096 COUNT CC=$1 HH=$2 R=2 KL=0 DL=4096 \
COUNT CC=$1 HH=$2 R=3 KL=0 DL=4096 COUNT CC=$1 HH=$2 R=4 KL=0 DL=4096 "
}
for t in "0 1" "1 5" "5 0" "10 0" "59 29" "60 0" "159 29"; do
    want=$(slots $t)
    got=$(counts sysres $t)
    [ "$got" = "$want" ] || fail "sysres track $t: want '$want', got '$got'"
done
cckddiag -a 5 0 -t -x img/sysres.cckd 2>&1 | grep -A1 'R1 DATA' > dir.out
expect_grep '^+0000 D6D7C5D9 C1E3D6D9 D6D7C5D9 C1E3D6D9 ' dir.out
got=$(counts user01 1 0)
want="COUNT CC=1 HH=0 R=0 KL=0 DL=8 COUNT CC=1 HH=0 R=1 KL=4 DL=24 COUNT CC=1 HH=0 R=2 KL=4 DL="
[ "${got#"$want"}" != "$got" ] || fail "user01 cylinder 1: want IPL1 and IPL2, got '$got'"

# ipl_run: IPL 150 on a 1M machine until the disabled wait; s370's log in run.out, with the PSW and
# the start of SYSHDR displayed at the end.
ipl_run() {
    { printf 'ARCHLVL S/370\nMAINSIZE 1\n0009 3215-C / NOPROMPT\n'
      printf '0150 3350 %s/img/sysres.cckd\n' "$PWD"; } > ipl.cnf
    rm -f ipl.in run.out
    mkfifo ipl.in
    "$BIN/s370" -f ipl.cnf -d < ipl.in > run.out 2>&1 &
    S370_PID=$!
    exec 3> ipl.in
    s370_command 'ipl 150'
    wait_for 'HHCCP011I CPU0000: Disabled wait state' run.out 20
    s370_command psw
    s370_command 'r 2000.10'
    s370_command quit
    exec 3>&-
    wait "$S370_PID" || fail "s370 ended with status $?"
    S370_PID=
}

ipl_run
expect_grep '^LOADTEST: NUCLEUS LOADED$' run.out
expect_grep '^PSW=00020000 ..000000$' run.out
expect_grep '^R:00002000:K:06=E2F3F7F0 E2E8E2D9 00000001 3350001E ' run.out

# The same volume IPLs on Hercules 3.13 too (its automatic operator quits at the disabled wait).
cp img/sysres.cckd herc.cckd
printf 'ARCHMODE S/370\nMAINSIZE 2\nNUMCPU 1\nCNSLPORT %s\n0009 3215-C / NOPROMPT\n0150 3350 herc.cckd\n' \
    "$((20000 + $$ % 20000))" > herc.cnf
printf '%s\n' 'hao tgt HHCCP011I' 'hao cmd quit' 'ipl 150' > herc.rc
HERCULES_RC=herc.rc timeout 60 hercules -d -f herc.cnf > herc.out 2>&1 < /dev/null
expect_grep '^LOADTEST: NUCLEUS LOADED' herc.out
expect_grep '^ *PSW=00020000 ..000000$' herc.out

# sysrec ID NUCC NUCN: a SYSHDR with that id (CL8) and nucleus, written over the good one.
sysrec() {
    sed "s/CL8'S370SYSR'/CL8'$1'/" "$ROOT/cms-images/sysrec.asm" > bad.asm
    "$BIN/asm370" -I "$ROOT/cp/macros" -f bin -o bad.bin -l none -D CYLS=555 -D NUCC="$2" -D NUCN="$3" \
        -D DIRC=5 -D DIRN=5 -D PAGC=10 -D PAGN=50 -D SPLC=60 -D SPLN=100 -D 'DATE=2026-01-01 00:00:00' bad.asm ||
        fail "bad.asm should assemble"
    "$BIN/dasd370" put img/sysres.cckd 0 1 bad.bin > /dev/null || fail "dasd370 put SYSHDR"
}

sysrec S370SYSX 1 21
ipl_run
expect_grep '^PSW=00020000 ..000003$' run.out
sysrec S370SYSR 300 21
ipl_run
expect_grep '^PSW=00020000 ..000004$' run.out
sysrec S370SYSR 1 0
ipl_run
expect_grep '^PSW=00020000 ..000005$' run.out
grep -q 'LOADTEST' run.out && fail "a bad SYSHDR must not reach the nucleus"
# a volume with the loader and nothing else: no SYSHDR record to read (002)
rm img/sysres.cckd
"$BIN/dasd370" init -z img/sysres.cckd 3350 S37RES > /dev/null
"$BIN/dasd370" ipl img/sysres.cckd img/work/iplload.ipl || fail "dasd370 ipl the loader"
ipl_run
expect_grep '^PSW=00020000 ..000002$' run.out
exit 0
