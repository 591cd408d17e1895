# DASD IPL end to end: a program assembled as IPL text (asm370 -f ipltext) is put on volumes made by
# dasd370 init - a 3330 and a 3380 (CKD: IPL1 and IPL2 records on track 0) and a 3370 (FBA: a block-0
# bootstrap) - by dasd370 ipl, IPLed with s370, greets on the integrated 3215-C console
# and stops in a disabled wait.  Checked: the greeting, the wait announced once, its PSW.
. "$ROOT/tests/e2e/lib.sh"

cat > hello.asm <<'ASM'
*
* HELLO - write HELLO FROM DASD on the console at X'009', then stop.
*         Exit: disabled wait, PSW address 0 on success, X'BAD' if the
*         console is not operational.  R12 base.
*
HELLO    START X'400'
         USING HELLO,12
         BALR  12,0
         BCTR  12,0
         BCTR  12,0
         MVC   X'48'(4,0),CAW
DOIO     SIO   X'009'                  start the channel program
         BC    B'0110',DOIO            cc 1 (status stored), 2 (busy)
         BC    B'0001',FAIL            cc 3: not operational
WAIT     TIO   X'009'                  until the device is free
         BC    B'0010',WAIT
         LPSW  DONE
FAIL     LPSW  FAILED
         DS    0D
DONE     DC    X'0002000000000000'
FAILED   DC    X'0002000000000BAD'
CAW      DC    A(WRITE)
         DS    0D
WRITE    CCW   X'09',MSG,X'20',L'MSG
MSG      DC    C'HELLO FROM DASD'
         END   HELLO
ASM
"$BIN/asm370" -f ipltext -o hello.ipl -l none hello.asm || fail "hello.asm should assemble"

# ipl_from TYPE VOLUME SIZE: make the volume, write the IPL text, IPL it and check the run.
ipl_from() {
    "$BIN/dasd370" init "$2" "$1" IPL001 "$3" > /dev/null || fail "dasd370 init $2 $1"
    "$BIN/dasd370" ipl "$2" hello.ipl || fail "dasd370 ipl $2"
    cat > s370.cnf <<CNF
ARCHLVL  S/370
MAINSIZE 1M
NUMCPU   1
0009     3215-C / NOPROMPT
0150     $1 $2
CNF
    printf '%s\n' 'ipl 150' 'pause 1' 'quit' | "$BIN/s370" -f s370.cnf -d > out.txt 2> err.txt
    status=$?
    [ $status -eq 0 ] || { cat out.txt err.txt; fail "$1: s370 exited with $status"; }
    [ -s err.txt ] && { cat err.txt; fail "$1: unexpected messages on stderr"; }
    expect_grep '^HELLO FROM DASD$' out.txt
    expect_grep '^HHCCP011I CPU0000: Disabled wait state$' out.txt
    expect_grep '^          PSW=00020000 80000000$' out.txt
    [ "$(grep -c HHCCP011I out.txt)" -eq 1 ] || fail "$1: the disabled wait is announced more than once"
}

ipl_from 3330 vol3330.ckd 2
ipl_from 3380 vol3380.ckd 2
ipl_from 3370 vol3370.fba 200
exit 0
