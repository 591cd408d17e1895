*
* GENERAL - benchmark workload 1: the general instruction mix.  Each
*         pass of the main loop does loads and stores (L ST LA LR LH
*         STH IC STC LM STM), binary arithmetic (A S M D AH MH and the
*         RR forms AR SR MR DR, ALR SLR LCR LPR LTR), shifts (SLL SRL
*         SLA SRA SLDL SRDA), logical operations (N O X NR OR XR),
*         compares with taken and untaken branches (C CR CL CLR CH),
*         a four-pass BCT loop and a BALR call of a subroutine.
*
*         Assemble:  asm370 -f deck -D ITER=n general.asm
*         Entry:     the IPL PSW (BC mode, every interruption disabled)
*         Exit:      disabled wait, PSW address 0 on success; X'BAD'
*                    if a result is wrong (never on a correct CPU)
*         Timer:     the image starts at X'50' with X'7FFFFFFF': the
*                    IPL loads the interval timer before the CPU
*                    starts, so it never expires (7.7 hours) and no
*                    interruption condition is ever pending, not even
*                    for an instant before the first instruction.
*                    Nothing can make an interruptible instruction
*                    (MVCL, CLCL) stop early and count twice: the count
*                    stays exact.
*
*         Executed instructions, exactly (checked by tests/e2e/bench):
*         INSTRUCTIONS = 69*ITER + 9
*           setup 7 (BALR BCTR BCTR LA LA L B); per pass 69:
*           the body 55 in line, the inner BCT loop 2*4, SUB 5 and the
*           closing BCT 1; at the end the last BCT 1 and LPSW 1.
*
*         Registers: R12 base, R9 passes left, R11 the accumulator,
*         R14/R15 linkage, the rest scratch.
*
         AIF   (D'ITER).HAVEIT
ITER     EQU   100000                  passes when -D ITER= is absent
.HAVEIT  ANOP
GENERAL  START X'50'
*
* X'50': the interval timer, loaded by the IPL (see Timer above).
*
         DC    X'7FFFFFFF'
         ORG   GENERAL+X'2000'-X'50'
BEGIN    DS    0H                      the entry point, X'2000'
         USING BEGIN,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> BEGIN
         BCTR  12,0
         LA    11,0                    the accumulator
         LA    15,SUB                  the subroutine's address
         L     9,PASSES                ITER+1: the first BCT is free
         B     NEXT
*
* LOOP - one pass of the mix: 55 instructions in line, 8 in the
*        inner BCT loop, 5 in SUB; the values come from constants on
*        every pass, so they never grow; only R11 accumulates.
*
LOOP     L     2,VALA                  R2 = 1234
         L     3,VALB                  R3 = 5678
         LR    4,2
         AR    4,3                     6912
         A     4,VALC                  + 97
         SR    4,3
         S     4,VALC                  back to 1234
         CR    4,2                     ... check it
         BNE   FAIL                    (not taken)
         ST    4,RESULT
         LA    5,12(2,3)               R5 = 6924
         LR    7,2
         M     6,VALB                  R6:R7 = 1234*5678 = 7006652
         D     6,VALC                  / 97 = 72233 rem 51
         LR    1,3
         MR    0,2                     R0:R1 = 5678*1234
         DR    0,3                     / 5678 = 1234 rem 0
         CR    1,2                     ... check it
         BNE   FAIL                    (not taken)
         LH    8,HALF                  R8 = 300
         AH    8,HALF                  600
         MH    8,HALF                  180000
         STH   8,HALFOUT
         CH    8,HALF
         BL    FAIL                    (not taken)
         SLL   5,3                     shifts
         SRL   5,2
         SLA   5,1
         SRA   5,2
         LR    6,7
         SLDL  6,4
         SRDA  6,4
         N     6,MASK                  logical operations
         O     6,BITS
         X     6,BITS
         NR    6,5
         OR    6,2
         XR    6,3
         ALR   11,6                    accumulate
         SLR   11,2
         LCR   10,4
         LPR   10,10
         LTR   10,10
         BZ    FAIL                    (not taken)
         CL    10,VALB
         BL    COMPARED                (taken: 1234 < 5678)
         B     FAIL
COMPARED CLR   3,2
         BNH   FAIL                    (not taken)
         IC    0,BYTES+1
         STC   0,BYTEOUT
         STM   2,5,SAVE
         LM    2,5,SAVE
         LA    10,4                    4 passes of the inner loop
INNER    AR    11,10                   2 instructions per pass
         BCT   10,INNER
         LA    1,SAVE                  the argument
         BALR  14,15                   call SUB: 5 instructions
NEXT     BCT   9,LOOP
         LPSW  DONE                    disabled wait, code 0
FAIL     LPSW  FAILED
*
* SUB - a leaf subroutine: adds the two words at 0(R1) and 4(R1)
*       into R11.  Input R1 -> words, R14 return.  Changes R0.
*
SUB      L     0,0(,1)
         A     0,4(,1)
         ALR   11,0
         LA    0,0
         BR    14
*
         DS    0D
DONE     DC    X'0002000000000000'     disabled wait PSW, success
FAILED   DC    X'0002000000000BAD'     disabled wait PSW, failure
PASSES   DC    A(ITER+1)
VALA     DC    F'1234'
VALB     DC    F'5678'
VALC     DC    F'97'
MASK     DC    X'00FFFFFF'
BITS     DC    X'0F0F0F0F'
HALF     DC    H'300'
HALFOUT  DS    H
BYTES    DC    X'12345678'
BYTEOUT  DS    X
         DS    0F
RESULT   DS    F
SAVE     DS    4F
         END   BEGIN
