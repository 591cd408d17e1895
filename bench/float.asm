*
* FLOAT - benchmark workload 3: hexadecimal floating point.  Each pass
*         does short and long loads and stores (LE LD STE STD and the
*         RR forms), additions and subtractions (AE AD SE SD AER ADR
*         SER SDR, unnormalized AW), multiplications (ME MD MER MDR),
*         divisions (DE DD DER DDR), halving (HER HDR), sign control
*         (LCER LPER LTER LCDR LPDR LTDR) and compares (CE CD CER CDR)
*         followed by branches.  The operands are chosen so that every
*         result is exact: each compare is an equality check.
*
*         Assemble:  asm370 -f deck -D ITER=n float.asm
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
*         INSTRUCTIONS = 46*ITER + 7
*           setup 5 (BALR BCTR BCTR L B); per pass 46: the body 45
*           and the closing BCT 1; at the end the last BCT 1 and
*           LPSW 1.
*
*         Registers: R12 base, R9 passes left; FPR 0-6 scratch.
*
         AIF   (D'ITER).HAVEIT
ITER     EQU   100000                  passes when -D ITER= is absent
.HAVEIT  ANOP
FLOAT    START X'50'
*
* X'50': the interval timer, loaded by the IPL (see Timer above).
*
         DC    X'7FFFFFFF'
         ORG   FLOAT+X'2000'-X'50'
BEGIN    DS    0H                      the entry point, X'2000'
         USING BEGIN,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> BEGIN
         BCTR  12,0
         L     9,PASSES                ITER+1: the first BCT is free
         B     NEXT
*
* LOOP - one pass: 45 instructions.  The values are loaded from
*        constants on every pass; only SUM accumulates (1 a pass).
*
LOOP     LE    0,S1P5                  short: 1.5
         AE    0,S2P25                 + 2.25 = 3.75
         ME    0,S2                    * 2 = 7.5 (long result)
         DE    0,S3                    / 3 = 2.5
         CE    0,S2P5
         BNE   FAIL                    (not taken)
         LER   2,0                     2.5
         AER   2,0                     5
         SER   2,0                     2.5
         MER   2,2                     6.25 (long result)
         DER   2,0                     2.5
         CER   2,0
         BNE   FAIL                    (not taken)
         STE   2,SOUT
         HER   2,2                     1.25
         LCER  2,2                     -1.25
         LPER  2,2                     1.25
         LTER  2,2
         BNP   FAIL                    (not taken)
         LD    4,D0P75                 long: 0.75
         AD    4,D2P5                  + 2.5 = 3.25
         MD    4,D1P25                 * 1.25 = 4.0625
         DD    4,D1P25                 / 1.25 = 3.25
         SD    4,D2P5                  - 2.5 = 0.75
         CD    4,D0P75
         BNE   FAIL                    (not taken)
         LDR   6,4                     0.75
         ADR   6,4                     1.5
         MDR   6,4                     1.125
         DDR   6,4                     1.5
         SDR   6,4                     0.75
         CDR   6,4
         BNE   FAIL                    (not taken)
         HDR   6,6                     0.375
         LCDR  6,6                     -0.375
         LPDR  6,6                     0.375
         LTDR  6,6
         BNP   FAIL                    (not taken)
         AW    6,D2P5                  unnormalized: 2.875
         CD    6,D2P5
         BNH   FAIL                    (not taken: 2.875 > 2.5)
         STD   6,DOUT
         LD    0,SUM                   SUM = SUM + 1
         AD    0,D1
         STD   0,SUM
NEXT     BCT   9,LOOP
         LPSW  DONE                    disabled wait, code 0
FAIL     LPSW  FAILED
*
         DS    0D
DONE     DC    X'0002000000000000'     disabled wait PSW, success
FAILED   DC    X'0002000000000BAD'     disabled wait PSW, failure
D0P75    DC    D'0.75'
D1P25    DC    D'1.25'
D2P5     DC    D'2.5'
D1       DC    D'1'
SUM      DC    D'0'
DOUT     DS    D
PASSES   DC    A(ITER+1)
S1P5     DC    E'1.5'
S2P25    DC    E'2.25'
S2       DC    E'2'
S3       DC    E'3'
S2P5     DC    E'2.5'
SOUT     DS    E
         END   BEGIN
