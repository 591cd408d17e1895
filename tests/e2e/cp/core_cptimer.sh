# CP's timer service (cpcore: CPTIMER, CPTCANCL in vtimer.asm): a nucleus with the test module
# tmrtest.asm added; while CP idles in its enabled wait, the real PSW is pointed at TMTDRIVE,
# which queues four requests (one moved to a later deadline, one taken back) and goes to the
# dispatcher.  CP must set the real clock comparator for them - nothing else would wake it - and
# run each routine once, earliest deadline first: FIRED 4 (due at once), 2, 1; never 3.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

own_volumes
mkdir -p src
cp "$ROOT/cp/src/modscore.asm" src/
echo '         COPY  TMRTEST' >> src/modscore.asm
"$BIN/asm370" -I src -I "$ROOT/tests/e2e/cp" -I "$ROOT/cp/macros" -I "$ROOT/cp/src" -f bin \
    --origin 10000 -o cp.bin -l cp.lst "$ROOT/cp/cp.asm" > asm.out || fail "test nucleus"
NUCLEUS=cp.bin
"$BIN/dirc370" -o user.dir "$ROOT/cms-images/user.direct" > /dev/null || fail "directory"
syshdr user.dir 555 syshdr.bin
"$BIN/dasd370" put vol/sysres.cckd 0 1 syshdr.bin > /dev/null &&
    "$BIN/dasd370" put vol/sysres.cckd 1 0 cp.bin > /dev/null || fail "nucleus not written"

# symbol ADDR: the real address of a nucleus symbol (listing value + origin X'10000')
symbol() {
    printf '%X' $((0x$(awk -v s="$1" '$1 == s && length($3) == 8 { print $3 }' cp.lst) + 0x10000))
}
drive=$(symbol TMTDRIVE)
wait=$(symbol DSPRUN)

cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
# stop the CPU in CP's idle wait (not in the middle of an I/O it waits for)
for try in 1 2 3 4 5 6 7 8 9 10; do
    s370_command 'stop'
    n=$(grep -c 'PSW=' s370.out)
    s370_command 'psw'
    while [ "$(grep -c 'PSW=' s370.out)" -le "$n" ]; do sleep 0.1; done
    grep 'PSW=' s370.out | tail -1 | grep -q "PSW=030A0000 000$wait" && break
    s370_command 'start'
    [ "$try" -lt 10 ] || fail "CP never idle"
    sleep 0.5
done
s370_command "psw sm=00 pk=0 cmwp=8 ia=$drive"
s370_command 'start'
wait_for 'TMTEST CANCEL RC 4' s370.out
wait_for 'TMTEST FIRED 1' s370.out 10
sleep 1
grep -o 'TMTEST [A-Z]* [A-Z0-9 ]*' s370.out > got
printf '%s\n' 'TMTEST CANCEL RC 0' 'TMTEST CANCEL RC 4' 'TMTEST FIRED 4' 'TMTEST FIRED 2' \
    'TMTEST FIRED 1' > want
diff want got || fail "timer requests ran out of order, twice, or when cancelled"
cp_alive
