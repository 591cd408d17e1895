*---------------------------------------------------------------------*
* CORESET - SYSTEM RESET resets the virtual devices too (tests/e2e/   *
* cp/core_reset.sh).  At X'400': a bad command (X'05') to the console *
* 009 leaves a command reject in its sense bytes; disabled wait      *
* X'111'.  The user types SYSTEM RESET, STORE PSW to X'500', BEGIN.  *
* At X'500': SENSE to the console; disabled wait X'Ass', ss = the     *
* sense byte: X'A00' after a reset that reset the device, X'A80' if  *
* the reject survived it.  X'F01': the console did not answer.       *
*---------------------------------------------------------------------*
CORESET  START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'48'(4),=A(BADCCW)
         SIO   X'009'
         BC    7,STATUS            (cc 1: the status is in the CSW)
         LPSW  WAIT111
         ORG   CORESET+X'100'
SENSE    BALR  R12,0
         USING *,R12
         MVC   X'48'(4),=A(SNSCCW)
         SIO   X'009'
         BC    7,FAIL
SENSE1   TIO   X'009'              until its status is taken
         BC    2,SENSE1
         IC    R1,SNSBYTE
         STC   R1,WAITSNS+7
         LPSW  WAITSNS
STATUS   LPSW  WAIT111
FAIL     LPSW  FAILPSW
R1       EQU   1
R12      EQU   12
         DS    0D
BADCCW   DC    X'05',AL3(0),X'20000001'   bad command, SLI
SNSCCW   DC    X'04',AL3(SNSBYTE),X'20000001'
WAIT111  DC    X'00020000',A(X'111')
WAITSNS  DC    X'00020000',A(X'A00')
FAILPSW  DC    X'00020000',A(X'F01')
SNSBYTE  DC    X'FF'
         LTORG
         END   CORESET
