*---------------------------------------------------------------------*
* COREWILD - PSWs a guest must not get away with (tests/e2e/cp/      *
* core_wild.sh stores it at X'400' and starts it at its entries).    *
* At X'400' (BC mode, key 0):                                        *
*   1 LPSW of an EC PSW with bit 0 on: it becomes the PSW and is a   *
*     specification exception, ILC 0, itself the old PSW (EC form:   *
*     code at X'8C')                                                 *
*   2 SSM turning on bit 2 in EC mode: specification after the       *
*     change, ILC 2                                                   *
*   3 a program new PSW that is invalid, then a program check: the   *
*     machine would loop; CP stops the VM (DMKPRG452W).             *
* A check that fails: disabled wait X'F00' + step (R10).            *
* ENTRYSPX (X'408'): SPX of a nonzero prefix, beyond this CP: it     *
* stops the VM (DMKPRV453W).                                         *
*---------------------------------------------------------------------*
COREWILD START X'400'
         B     MAIN-COREWILD+X'400'
         DS    XL4
ENTRYSPX SPX   PREFIX-COREWILD+X'400'
         LPSW  FAILPSW-COREWILD+X'400'
MAIN     BALR  R12,0
         USING *,R12
* 1 an invalid EC PSW
         LA    R10,1
         MVC   X'68'(8),PGMNEW1
         LPSW  BADPSW
STEP1    CLC   X'28'(8),BADPSW     the old PSW: the invalid one
         BNE   FAIL
         CLC   X'8C'(4),=X'00000006'  specification, ILC 0
         BNE   FAIL
* 2 SSM in EC mode with bit 2
         LA    R10,2
         MVC   X'68'(8),PGMNEW2
         LPSW  ECPSW2
EC2      SSM   =X'20'
         LPSW  FAILPSW
STEP2    CLC   X'8C'(4),=X'00040006'  specification, ILC 2 (SSM)
         BNE   FAIL
         CLI   X'28',X'20'         the old PSW has the new mask
         BNE   FAIL
* 3 an invalid program new PSW
         LA    R10,3
         MVC   X'68'(8),BADPSW
         SR    R4,R4
         SR    R5,R5
         DR    R4,R5               CP stops it: DMKPRG452W
         LPSW  FAILPSW
FAIL     LA    R1,X'F00'(,R10)
         ST    R1,FAILPSW+4
         LPSW  FAILPSW
R1       EQU   1
R4       EQU   4
R5       EQU   5
R10      EQU   10
R12      EQU   12
         DS    0D
BADPSW   DC    X'80080000',A(FAIL)   EC with bit 0: invalid
PGMNEW1  DC    X'00000000',A(STEP1)
PGMNEW2  DC    X'00000000',A(STEP2)
ECPSW2   DC    X'00080000',A(EC2)
PREFIX   DC    A(X'10000')
FAILPSW  DC    X'00020000',A(0)
         LTORG
         END   COREWILD
