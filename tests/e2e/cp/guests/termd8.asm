*---------------------------------------------------------------------*
* TERMD8 - the DIAGNOSE X'08' guest of term_diag08.sh (cpterm): CP    *
* commands run from a program, BC mode, virtual supervisor state.     *
*   1. QUERY USERS, no response buffer: the answer goes to the        *
*      terminal; Ry = 0 (shown as "TERMD8: RC 00000000").             *
*   2. QUERY STORAGE into a 100-byte buffer: CC 0, Ry = 0, Ry+1 = the *
*      response's length, and the response itself is written          *
*      ("TERMD8: CC 0 RC 00000000 LEN 00000010", then the text).      *
*   3. FOO into the buffer: Ry = 1 (unknown command), the message.    *
*   4. QUERY STORAGE into a 6-byte buffer: CC 1, Ry+1 = the bytes     *
*      that did not fit (16 - 6 = 10), the first 6 bytes.             *
*   5. a length of 0: specification exception; text beyond its       *
*      storage: addressing exception ("TERMD8: PROGRAM CHECK cccc").  *
*   6. TRACE PRIV, then STIDP (traced by CP), then TRACE END.         *
* Then TERMD8: DONE and a disabled wait, PSW address 0.               *
*---------------------------------------------------------------------*
TERMD8   START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),GIONEW
         GSAY  'TERMD8: START'
*        1. no buffer
         LA    R2,CMDUSERS
         LA    R4,L'CMDUSERS
         DIAG  R2,R4,X'008'
         ST    R4,RC
         BAL   R11,SHOWRC
*        2. QUERY STORAGE into the buffer
         LA    R2,CMDSTOR
         LA    R3,BUFFER
         L     R4,=A(X'40000000'+L'CMDSTOR)
         LA    R5,L'BUFFER
         BAL   R11,DIAGBUF
*        3. an unknown command into the buffer
         LA    R2,CMDFOO
         LA    R3,BUFFER
         L     R4,=A(X'40000000'+L'CMDFOO)
         LA    R5,L'BUFFER
         BAL   R11,DIAGBUF
*        4. a buffer too small
         LA    R2,CMDSTOR
         LA    R3,BUFFER
         L     R4,=A(X'40000000'+L'CMDSTOR)
         LA    R5,6
         BAL   R11,DIAGBUF
*        5. bad operands: a program check each
         MVC   X'68'(8),PGMNEW
         LA    R2,CMDSTOR          length 0: specification (0006)
         SR    R4,R4
         DIAG  R2,R4,X'008'
         BAL   R11,SHOWPGM
         L     R2,=A(X'200000')    text beyond 1M: addressing (0005)
         LA    R4,5
         DIAG  R2,R4,X'008'
         BAL   R11,SHOWPGM
*        6. a trace of one STIDP
         LA    R2,CMDTRON
         LA    R4,L'CMDTRON
         DIAG  R2,R4,X'008'
         STIDP CPUID
         LA    R2,CMDTROFF
         LA    R4,L'CMDTROFF
         DIAG  R2,R4,X'008'
         GSAY  'TERMD8: DONE'
         LPSW  DONE
*---------------------------------------------------------------------*
* DIAGBUF - DIAG 8 with R2-R5 set; then "TERMD8: CC c RC rrrrrrrr LEN *
* llllllll" and the buffer's first bytes (as many as came, at most    *
* the buffer).  R11 return.                                           *
*---------------------------------------------------------------------*
DIAGBUF  MVI   BUFFER,C' '
         MVC   BUFFER+1(L'BUFFER-1),BUFFER
         LR    R6,R5               the buffer's size
         DIAG  R2,R4,X'008'
         BC    8,CC0
         MVI   CCTEXT,C'1'
         LR    R0,R6               CC 1: all of the buffer
         B     CCDONE
CC0      MVI   CCTEXT,C'0'
         LR    R0,R5               CC 0: the length
CCDONE   ST    R4,RC
         ST    R5,LEN
         ST    R0,SHOWN
         UNPK  WORK9,RC(5)
         TR    WORK9(8),HEXTAB-240
         MVC   RCTEXT,WORK9
         UNPK  WORK9,LEN(5)
         TR    WORK9(8),HEXTAB-240
         MVC   LENTEXT,WORK9
         LA    R1,CCMSG
         LA    R0,CCMSGL
         LR    R9,R11
         BAL   R11,GSAYR
         LA    R1,BUFFER
         L     R0,SHOWN
         LTR   R0,R0
         BZ    DIAGB9
         BAL   R11,GSAYR
DIAGB9   BR    R9
*---------------------------------------------------------------------*
* SHOWRC - "TERMD8: RC rrrrrrrr".  R11 return.                        *
*---------------------------------------------------------------------*
SHOWRC   UNPK  WORK9,RC(5)
         TR    WORK9(8),HEXTAB-240
         MVC   RC1TEXT,WORK9
         LA    R1,RC1MSG
         LA    R0,RC1MSGL
         LR    R9,R11
         BAL   R11,GSAYR
         BR    R9
*---------------------------------------------------------------------*
* SHOWPGM - "TERMD8: PROGRAM CHECK cccc" (cccc: the code PGMHND kept, *
* 0000 if none came).  R11 return.                                    *
*---------------------------------------------------------------------*
SHOWPGM  UNPK  WORK9(5),PGMCODE(3)
         TR    WORK9(4),HEXTAB-240
         MVC   PGMTEXT,WORK9
         XC    PGMCODE,PGMCODE
         LA    R1,PGMMSG
         LA    R0,PGMMSGL
         LR    R9,R11
         BAL   R11,GSAYR
         BR    R9
*        a program interruption: keep its code, go on after the DIAG
PGMHND   MVC   PGMCODE,X'2A'       BC mode: the code in the old PSW
         LPSW  X'28'
         COPY  GCONIO
         DS    0D
DONE     DC    X'00020000',A(0)
PGMNEW   DC    X'00000000',A(PGMHND)
CPUID    DS    D
PGMCODE  DC    XL2'0'
         DS    X
RC       DS    F
         DS    X
LEN      DS    F
         DS    X
SHOWN    DS    F
CMDUSERS DC    C'QUERY USERS'
CMDSTOR  DC    C'QUERY STORAGE'
CMDFOO   DC    C'FOO'
CMDTRON  DC    C'TRACE PRIV'
CMDTROFF DC    C'TRACE END'
CCMSG    DC    C'TERMD8: CC '
CCTEXT   DC    C'0 RC '
RCTEXT   DC    CL8' ',C' LEN '
LENTEXT  DC    CL8' '
CCMSGL   EQU   *-CCMSG
PGMMSG   DC    C'TERMD8: PROGRAM CHECK '
PGMTEXT  DC    CL4' '
PGMMSGL  EQU   *-PGMMSG
RC1MSG   DC    C'TERMD8: RC '
RC1TEXT  DC    CL8' '
RC1MSGL  EQU   *-RC1MSG
WORK9    DS    CL9
HEXTAB   DC    C'0123456789ABCDEF'
BUFFER   DS    CL100
         LTORG
         END   TERMD8
