*---------------------------------------------------------------------*
* COREBR - a short loop with known branches, for TRACE BRANCH        *
* (tests/e2e/cp/core_branch.sh).  Stored at X'400', BC mode, key 0.  *
* ADDFIVE is called twice with BALR and returns with BR; BCT loops   *
* once; one BC is not taken, one is.  The branches taken, in order:  *
*   40C BALR 14,15 -> 420    424 BR 14 -> 40E    40E BCT 3 -> 40C    *
*   40C BALR 14,15 -> 420    424 BR 14 -> 40E                        *
*   418 BC 2 -> 426 (CC 2 from LTR)                                  *
* BALR 12,0, the BCT that falls through and the BCs not taken are no *
* branches for PER; LPSW is CP's to emulate.  Ends in a disabled     *
* wait at X'AAA' when R2 = 10 (two calls, five each), else X'F01'.   *
*---------------------------------------------------------------------*
COREBR   START X'400'
         BALR  R12,0               400: no branch (R2 field 0)
         USING *,R12
         SR    R2,R2               402: the sum
         LA    R3,2                404: two rounds
         LA    R15,ADDFIVE         408
LOOP     BALR  R14,R15             40C: call
         BCT   R3,LOOP             40E: taken once
         LTR   R2,R2               412: CC 2 when positive
         BC    8,FAIL              414: not taken
         BC    2,DONE              418: taken
         ORG   COREBR+X'20'
ADDFIVE  LA    R2,5(,R2)           420
         BR    R14                 424
DONE     C     R2,=F'10'           426
         BC    7,FAIL              not taken when right
         LPSW  WAITOK
FAIL     LPSW  WAITFAIL
         COPY  GREGS               R0-R15
         DS    0D
WAITOK   DC    X'00020000',A(X'AAA')
WAITFAIL DC    X'00020000',A(X'F01')
         LTORG
         END   COREBR
