*---------------------------------------------------------------------*
* TERMATTN - the guest of term_attn.sh (cpterm): the attention of    *
* its virtual console.  It says READY, waits enabled until its        *
* console presents attention (a line typed while no read is pending), *
* says ATTENTION 1, waits for a second one (ATTENTION 2), then reads  *
* two lines and says each back with the unit status of its read       *
* ("TERMATTN: STATUS 8C GOT text": channel end, device end and, while *
* another line waits, attention: the third); then waits for a fourth *
* (ATTENTION 4), reads and says back that line, and stops in a        *
* disabled wait, PSW address 0.  Its own I/O handler counts every     *
* attention, whatever status it comes with.  BC mode.                 *
*---------------------------------------------------------------------*
TERMATTN START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),IONEW
         LA    R1,MREADY
         LA    R0,L'MREADY
         BAL   R11,SAY
         LA    R3,1
         BAL   R11,ATTWAIT
         LA    R1,MATTN1
         LA    R0,L'MATTN1
         BAL   R11,SAY
         LA    R3,2
         BAL   R11,ATTWAIT
         LA    R1,MATTN2
         LA    R0,L'MATTN2
         BAL   R11,SAY
         BAL   R11,ECHO
         BAL   R11,ECHO
         LA    R3,4                (the 8C read's was the third)
         BAL   R11,ATTWAIT
         LA    R1,MATTN4
         LA    R0,L'MATTN4
         BAL   R11,SAY
         BAL   R11,ECHO
         LPSW  DONE
*---------------------------------------------------------------------*
* ATTWAIT - wait until R3 attentions have come.  R11 return; R9.      *
*---------------------------------------------------------------------*
ATTWAIT  C     R3,ATTNS
         BNHR  R11
         LA    R9,ATTWAIT
         LPSW  WAITPSW
*---------------------------------------------------------------------*
* ECHO - read a line, say it back with the read's unit status.  R11   *
* return; R0 R1 R4 R9 R10.                                            *
*---------------------------------------------------------------------*
ECHO     LR    R4,R11
         MVI   LINE,C' '
         MVC   LINE+1(L'LINE-1),LINE
         LA    R1,READCCW
         BAL   R10,DOIO
         UNPK  HEXW(3),LASTST(2)   the status byte in two digits
         TR    HEXW(2),HEXTAB-240
         MVC   ECHOST(2),HEXW
         LH    R0,LASTRES          residual count
         LCR   R0,R0
         AH    R0,=Y(L'LINE)
         AH    R0,=Y(L'ECHOMSG+L'ECHOST)
         LA    R1,ECHOMSG
         BAL   R11,SAY
         BR    R4
*---------------------------------------------------------------------*
* SAY - write a line.  R1 -> text, R0 = length, R11 return; R1 R9    *
* R10.                                                                *
*---------------------------------------------------------------------*
SAY      STCM  R1,B'0111',WRITECCW+1
         STH   R0,WRITECCW+6
         LA    R1,WRITECCW
         BAL   R10,DOIO
         BR    R11
*---------------------------------------------------------------------*
* DOIO - run the CCW at R1 on 009, wait for its device end.  SIO cc 1 *
* (an attention was pending: its status is in the CSW) counts it and  *
* starts again.  R10 return; R9.                                      *
*---------------------------------------------------------------------*
DOIO     ST    R1,X'48'            CAW
         MVI   DEFLAG,0
DOIO1    SIO   X'009'
         BC    8,DOIO2
         BC    4,DOIO1A
         LPSW  FAILPSW
DOIO1A   TM    X'44',X'80'
         BZ    DOIOF
         BAL   R9,COUNT
         B     DOIO1
DOIOF    LPSW  FAILPSW
DOIO2    CLI   DEFLAG,1
         BER   R10
         LA    R9,DOIO2
         LPSW  WAITPSW
*---------------------------------------------------------------------*
* IOINT - I/O interruption (from a wait only: R9 = where to go on).   *
* Counts attention, notes device end with the status and residual.   *
*---------------------------------------------------------------------*
IOINT    CLC   X'3A'(2),=X'0009'
         BNER  R9
         TM    X'44',X'80'
         BZ    IOINT1
         LR    R8,R9
         BAL   R9,COUNT
         LR    R9,R8
IOINT1   TM    X'44',X'04'
         BZR   R9
         MVI   DEFLAG,1
         MVC   LASTST,X'44'
         MVC   LASTRES,X'46'
         BR    R9
COUNT    L     R1,ATTNS            one more attention; R9 return
         LA    R1,1(,R1)
         ST    R1,ATTNS
         BR    R9
*
         COPY  GREGS               R0-R15
         DS    0D
IONEW    DC    X'00000000',A(IOINT)
WAITPSW  DC    X'FE020000',A(0)    enabled wait for I/O
DONE     DC    X'00020000',A(0)
FAILPSW  DC    X'00020000',A(X'BAD')
WRITECCW CCW   X'09',0,X'20',0
READCCW  CCW   X'0A',LINE,X'20',L'LINE
ATTNS    DC    F'0'
LASTRES  DC    H'0'
LASTST   DC    X'00',X'00'
DEFLAG   DC    X'00'
HEXW     DS    CL3
HEXTAB   DC    C'0123456789ABCDEF'
MREADY   DC    C'TERMATTN: READY'
MATTN1   DC    C'TERMATTN: ATTENTION 1'
MATTN2   DC    C'TERMATTN: ATTENTION 2'
MATTN4   DC    C'TERMATTN: ATTENTION 4'
ECHOMSG  DC    C'TERMATTN: STATUS '
ECHOST   DC    C'00 GOT '
LINE     DS    CL40
         LTORG
         END   TERMATTN
