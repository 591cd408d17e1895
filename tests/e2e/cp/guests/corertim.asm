*---------------------------------------------------------------------*
* CORERTIM - the interval timer of an idle VM (tests/e2e/cp/          *
* core_rtimer.sh: a user with OPTION REALTIMER).  It sets X'50' to    *
* 1/10 s and waits, enabled for external interruptions, using no CPU *
* time at all: only a timer that counts real time (REALTIMER) ever   *
* passes zero.  Then it checks the code (X'0080') and the timer       *
* (negative).  All well: disabled wait X'AAA'; wrong: X'F01'.       *
*---------------------------------------------------------------------*
CORERTIM START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'58'(8),EXTNEW
         MVC   X'50'(4),=F'7680'   1/10 s: 300 * 256 units a second
         LPSW  WAITEXT
TIMER    CLC   X'1A'(2),=X'0080'   interval timer
         BNE   FAIL
         TM    X'50',X'80'         and it is negative
         BZ    FAIL
         LPSW  DONE
FAIL     LPSW  FAILPSW
R12      EQU   12
         DS    0D
EXTNEW   DC    X'00000000',A(TIMER)
WAITEXT  DC    X'01020000',A(0)    enabled (external) wait
DONE     DC    X'00020000',A(X'AAA')
FAILPSW  DC    X'00020000',A(X'F01')
         LTORG
         END   CORERTIM
