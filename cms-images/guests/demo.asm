*---------------------------------------------------------------------*
* DEMO - the demo guest of the images (cms-images/build.sh puts it   *
* on USER1's minidisk 191 as IPL text and in USER1's reader as a     *
* card deck).  On its console at 009 it says whether it runs under   *
* CP (STIDP version code X'FF'), then echoes each line typed until   *
* QUIT, and stops in a disabled wait with PSW address 0.  X'BAD':    *
* the console failed.  BC mode; every I/O waits for its interruption *
* in an enabled wait.  Registers: R12 base, R11 link to the I/O      *
* routine, R3 line length, R1 -> CCW.                                *
*---------------------------------------------------------------------*
DEMO     START X'400'
         BALR  12,0
         USING *,12
         MVC   X'78'(8),IONEW      I/O new PSW
         STIDP CPUID
         LA    R1,BAREW            bare machine ...
         CLI   CPUID,X'FF'
         BNE   SAYHI
         LA    R1,VMW              ... or a virtual one
SAYHI    BAL   R11,DOIO
LOOP     LA    R1,PROMPTW
         BAL   R11,DOIO
         MVI   LINE,C' '
         MVC   LINE+1(L'LINE-1),LINE
         LA    R1,READC
         BAL   R11,DOIO
         LH    R3,X'46'            residual count
         LCR   R3,R3
         AH    R3,=Y(L'LINE)       bytes typed
         MVC   WORD,LINE
         OC    WORD,=4X'40'        upper case, for QUIT
         CLC   WORD,=C'QUIT'
         BE    QUIT
         LA    R3,L'ECHOTXT(,R3)
         STH   R3,ECHOW+6
         LA    R1,ECHOW
         BAL   R11,DOIO
         B     LOOP
QUIT     LA    R1,BYEW
         BAL   R11,DOIO
         LPSW  DONE
*
* DOIO - run the CCW at R1 on the console, wait for device end.
*
DOIO     ST    R1,X'48'            CAW
         SIO   X'009'
         BC    7,FAIL              not started
WAIT     LPSW  WAITPSW
IOINT    CLC   X'3A'(2),=X'0009'   the console's interruption?
         BNE   WAIT
         TM    X'44',X'04'         device end
         BZ    WAIT
         BR    R11
FAIL     LPSW  FAILED
*
R1       EQU   1
R3       EQU   3
R11      EQU   11
         DS    0D
IONEW    DC    X'00000000',A(IOINT)
WAITPSW  DC    X'FE020000',A(0)    enabled wait, I/O
DONE     DC    X'00020000',A(0)
FAILED   DC    X'00020000',A(X'BAD')
CPUID    DS    D
WORD     DS    CL4
BAREW    CCW   X'09',BARE,X'20',L'BARE
VMW      CCW   X'09',VM,X'20',L'VM
PROMPTW  CCW   X'09',PROMPT,X'20',L'PROMPT
READC    CCW   X'0A',LINE,X'20',L'LINE
ECHOW    CCW   X'09',ECHOTXT,X'20',0
BYEW     CCW   X'09',BYE,X'20',L'BYE
BARE     DC    C'DEMO: RUNNING ON A REAL 370'
VM       DC    C'DEMO: RUNNING IN A VIRTUAL MACHINE (STIDP VERSION FF)'
PROMPT   DC    C'DEMO: TYPE A LINE, QUIT TO STOP'
BYE      DC    C'DEMO: BYE'
ECHOTXT  DC    C'DEMO: YOU TYPED: '
LINE     DS    CL80
         LTORG
         END   DEMO
