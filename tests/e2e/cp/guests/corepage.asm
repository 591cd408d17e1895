*---------------------------------------------------------------------*
* COREPAGE - paging (tests/e2e/cp/core_page.sh runs it in a 1M VM on *
* a machine with too little real storage for all of it).  It gives  *
* the page at X'10000' storage key X'70', then writes its own number *
* into the first and last word of every page from 1 to 255, then    *
* reads all of them back, twice, and checks the key: CP must have    *
* paged most of them out to SYSRES and in again, keys and all,       *
* without the guest seeing anything - not even in the change bit of  *
* a page written (RRB).  All well: a disabled wait at X'AAA'; a wrong *
* word: X'F01' (R4 = the page); a wrong key: X'F02'; the change bit  *
* lost: X'F03'; a program interruption: X'E00'.                      *
*---------------------------------------------------------------------*
COREPAGE START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),PGMNEW
         LA    R1,X'70'            key 7 for the page at X'10000'
         L     R2,=A(X'10000')
         SSK   R1,R2
         LA    R4,1                write: page 1 to 255
         LA    R5,255
WRITE    LR    R6,R4
         SLL   R6,12
         ST    R4,0(,R6)
         ST    R4,4092(,R6)
         LA    R4,1(,R4)
         BCT   R5,WRITE
         LA    R7,2                read back, twice
READ1    LA    R4,1
         LA    R5,255
READ     LR    R6,R4
         SLL   R6,12
         C     R4,0(,R6)
         BNE   BADWORD
         C     R4,4092(,R6)
         BNE   BADWORD
         LA    R4,1(,R4)
         BCT   R5,READ
         BCT   R7,READ1
         L     R1,=A(X'1000')      page 1 was written: its change
         RRB   0(R1)               bit is on (cc 1 or 3), even if
         BC    10,BADRC            it was paged out and in again
         SR    R3,R3
         ISK   R3,R2
         N     R3,=X'000000F0'
         C     R3,=F'112'          X'70'
         BNE   BADKEY
         LPSW  DONE
BADWORD  LPSW  FAILW
BADKEY   LPSW  FAILK
BADRC    LPSW  FAILRC
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R12      EQU   12
         DS    0D
PGMNEW   DC    X'00020000',A(X'E00')
DONE     DC    X'00020000',A(X'AAA')
FAILW    DC    X'00020000',A(X'F01')
FAILK    DC    X'00020000',A(X'F02')
FAILRC   DC    X'00020000',A(X'F03')
         LTORG
         END   COREPAGE
