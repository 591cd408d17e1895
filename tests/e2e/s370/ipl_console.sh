# s370 end to end: a program assembled into an IPL card deck, IPLed from a 3505 reader, greets on the
# integrated 3215-C console, reads the operator's reply (/text), echoes it and stops in a disabled
# wait; then the r, gpr and psw displays in Hercules' formats, and a clean quit.
. "$ROOT/tests/e2e/lib.sh"

cat > echo.asm <<'ASM'
*
* ECHO - greet on the console at X'009', read a reply, echo it, stop.
*        Exit: disabled wait, PSW address 0 on success, X'BAD' if the
*        console is not operational.  R12 base, R11 DOIO return.
*
ECHO     START X'2000'
         USING ECHO,12
         BALR  12,0
         BCTR  12,0
         BCTR  12,0
         MVC   X'48'(4,0),CAWHELLO     greet
         BAL   11,DOIO
         MVC   X'48'(4,0),CAWREAD      read the reply
         BAL   11,DOIO
         MVC   X'48'(4,0),CAWECHO      echo it
         BAL   11,DOIO
         LPSW  DONE
DOIO     SIO   X'009'                  start the channel program
         BC    B'0110',DOIO            cc 1 (status stored), 2 (busy)
         BC    B'0001',FAIL            cc 3: not operational
WAIT     TIO   X'009'                  until the device is free
         BC    B'0010',WAIT
         BR    11
FAIL     LPSW  FAILED
         DS    0D
DONE     DC    X'0002000000000000'
FAILED   DC    X'0002000000000BAD'
CAWHELLO DC    A(HELLOCCW)
CAWREAD  DC    A(READCCW)
CAWECHO  DC    A(ECHOCCW)
HELLOCCW CCW   X'09',HELLO,X'20',L'HELLO
READCCW  CCW   X'0A',REPLY,X'20',L'REPLY
ECHOCCW  CCW   X'09',YOUSAID,X'20',L'YOUSAID+L'REPLY
HELLO    DC    C'HELLO FROM S370'
YOUSAID  DC    C'YOU SAID: '
REPLY    DC    CL11' '
         END   ECHO
ASM
"$BIN/asm370" -f deck -o echo.deck -l none echo.asm || fail "echo.asm should assemble"

cat > s370.cnf <<'CNF'
# an S/370 with a console and a card reader
ARCHLVL  S/370
MAINSIZE 1M
NUMCPU   1
CPUSERIAL 098052
CPUMODEL 4381
XPNDSIZE 0
0009     3215-C / NOPROMPT
000C     3505 echo.deck ebcdic eof   # the IPL deck
CNF

printf '%s\n' 'ipl 00c' 'pause 1' '/S370 ROCKS' 'pause 1' 'r 2000.10' 'gpr' 'psw' 'devlist rdr' 'quit' |
    "$BIN/s370" -f s370.cnf -d > out.txt 2> err.txt
status=$?
[ $status -eq 0 ] || { cat out.txt err.txt; fail "s370 exited with $status"; }
[ -s err.txt ] && { cat err.txt; fail "unexpected messages on stderr"; }

expect_grep '^HELLO FROM S370$' out.txt
expect_grep '^YOU SAID: S370 ROCKS' out.txt
# the disabled wait, as Hercules 3.13 announces it (cpu.c HHCCP011I, then display_psw)
expect_grep '^HHCCP011I CPU0000: Disabled wait state$' out.txt
expect_grep '^          PSW=00020000 80000000$' out.txt
[ "$(grep -c HHCCP011I out.txt)" -eq 1 ] || fail "the disabled wait is announced more than once"
# the program's first bytes: BALR 12,0; BCTR 12,0; BCTR 12,0; MVC X'48'(4,0),CAWHELLO (D203 0048 Cxxx)
expect_grep '^R:00002000:K:06=05C006C0 06C0D203 0048C' out.txt
# BALR in BC mode: ILC 1, cc 0, program mask 0 in the first byte, then X'2002'; two BCTRs
expect_grep '^GR12=40002000  GR13=[0-9A-F]\{8\}  GR14=[0-9A-F]\{8\}  GR15=[0-9A-F]\{8\}$' out.txt
expect_grep '^GR00=[0-9A-F]\{8\}  GR01=[0-9A-F]\{8\}  GR02=[0-9A-F]\{8\}  GR03=[0-9A-F]\{8\}$' out.txt
expect_grep '^psw sm=00 pk=0 cmwp=2 as=pri cc=0 pm=0 am=24 ia=0$' out.txt
expect_grep '^PSW=00020000 80000000$' out.txt
expect_grep '^0:000C 3505 ' out.txt
exit 0
