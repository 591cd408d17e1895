*---------------------------------------------------------------------*
* HOSTILE - the isolation tests' guest (M4): it does what a guest    *
* must not get away with, and says on its console what CP did:      *
*   HOSTILE: OWN MINIDISK WRITE/READ OK      a record written after  *
*            R0 of its own 191 cylinder 1 head 0 and read back       *
*   HOSTILE: SEEK OUTSIDE MINIDISK REFUSED   a Seek to cylinder 10   *
*            of its 5-cylinder 191, chained to a Write: unit check   *
*   HOSTILE: CCW PAST STORAGE REFUSED        a Read Data into        *
*            X'F00000', beyond its 1M: channel status, no data       *
*   HOSTILE: SIO 150 CC 3 / SIO 020 CC 3     real devices it does    *
*            not have                                                *
*   HOSTILE: WILD LPSW PROGRAM CHECK 0005    LPSW to X'FFFFF0'       *
*   HOSTILE: ODD LPSW PROGRAM CHECK 0006     LPSW to an odd address  *
*   HOSTILE: WRONG KEY PROGRAM CHECK 0004    a store into a page of  *
*            key 5 with PSW key 3                                    *
*   HOSTILE: ISK KEY 50                      the key it set, read    *
*   HOSTILE: SSK PAST STORAGE PROGRAM CHECK 0005                     *
*   HOSTILE: DIAG FFC PROGRAM CHECK 0006     a DIAGNOSE code CP has  *
*            none for                                                *
*   HOSTILE: DIAG 08 PAST STORAGE PROGRAM CHECK 0005                 *
*   HOSTILE: PROBLEM STATE SSM PROGRAM CHECK 0002                    *
* A result other than the expected one says so (ALLOWED, CC n, NO   *
* PROGRAM CHECK, PROGRAM CHECK xxxx).  Then HOSTILE: DONE and a      *
* disabled wait, PSW address 0.  BC mode; R12 base; R8 -> the       *
* message and R9 -> the way on for an expected program check.       *
*---------------------------------------------------------------------*
HOSTILE  START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),GIONEW
         MVC   X'68'(8),PGMNEW
         GSAY  'HOSTILE: START'
         BAL   R11,OWNDISK
         BAL   R11,OUTSIDE
         BAL   R11,PASTSTOR
         BAL   R11,NOTMINE
         BAL   R11,WILDPSW
         BAL   R11,KEYS
         BAL   R11,BADDIAG
         BAL   R11,PROBLEM
         GSAY  'HOSTILE: DONE'
         LPSW  DONE
         EJECT
*---------------------------------------------------------------------*
* OWNDISK - format-write R1 after R0 on its own cylinder 1 head 0,   *
* read it back, compare.  R11 return.                                *
*---------------------------------------------------------------------*
OWNDISK  ST    R11,SAVE11
         MVC   DSEEK(6),=X'000000010000'   BB CC HH: cylinder 1
         MVC   DSEARCH(5),=X'0001000000'   CCHHR: R0
         MVC   DCOUNT,=X'0001000001000050' R1, KL 0, DL 80
         LA    R1,WRITECP
         BAL   R10,DISKIO
         BNE   OWNBAD
         MVC   DSEARCH+4(1),=X'01'         R1
         LA    R1,READCP
         BAL   R10,DISKIO
         BNE   OWNBAD
         CLC   INBUF,OUTBUF
         BNE   OWNBAD
         GSAY  'HOSTILE: OWN MINIDISK WRITE/READ OK'
         L     R11,SAVE11
         BR    R11
OWNBAD   GSAY  'HOSTILE: OWN MINIDISK WRITE/READ FAILED'
         L     R11,SAVE11
         BR    R11
*---------------------------------------------------------------------*
* OUTSIDE - Seek cylinder 10 (its minidisk has 5), then a format     *
* write there: CP must end it with unit check at the Seek.           *
*---------------------------------------------------------------------*
OUTSIDE  ST    R11,SAVE11
         MVC   DSEEK(6),=X'0000000A0000'   cylinder 10
         MVC   DSEARCH(5),=X'000A000000'
         MVC   DCOUNT,=X'000A000001000050'
         LA    R1,WRITECP
         BAL   R10,DISKIO
         TM    CSW+4,X'02'                 unit check?
         BZ    OUTBAD
         GSAY  'HOSTILE: SEEK OUTSIDE MINIDISK REFUSED'
         L     R11,SAVE11
         BR    R11
OUTBAD   GSAY  'HOSTILE: SEEK OUTSIDE MINIDISK ALLOWED'
         L     R11,SAVE11
         BR    R11
*---------------------------------------------------------------------*
* PASTSTOR - read its own R1 into X'F00000', past its storage: the   *
* channel program must end with channel status (program or          *
* protection check) and the operation must not complete cleanly.     *
*---------------------------------------------------------------------*
PASTSTOR ST    R11,SAVE11
         MVC   DSEEK(6),=X'000000010000'
         MVC   DSEARCH(5),=X'0001000001'
         LA    R1,FARCP
         BAL   R10,DISKIO
         CLI   CSW+5,X'00'                 channel status?
         BE    PASTBAD
         GSAY  'HOSTILE: CCW PAST STORAGE REFUSED'
         L     R11,SAVE11
         BR    R11
PASTBAD  GSAY  'HOSTILE: CCW PAST STORAGE ALLOWED'
         L     R11,SAVE11
         BR    R11
*---------------------------------------------------------------------*
* NOTMINE - SIO to 150 (SYSRES) and 020 (a terminal): not its own,   *
* condition code 3 expected.                                         *
*---------------------------------------------------------------------*
NOTMINE  ST    R11,SAVE11
         LA    R1,READCP
         ST    R1,X'48'
         SIO   X'150'
         BAL   R11,CCTEXT
         MVC   SIO150+20(1),0(R1)
         LA    R1,SIO150
         LA    R0,L'SIO150
         BAL   R11,GSAYR
         SIO   X'020'
         BAL   R11,CCTEXT
         MVC   SIO020+20(1),0(R1)
         LA    R1,SIO020
         LA    R0,L'SIO020
         BAL   R11,GSAYR
         L     R11,SAVE11
         BR    R11
*
* CCTEXT - R1 -> the digit of the condition code (BAL keeps it).
*
CCTEXT   BC    8,CC0
         BC    4,CC1
         BC    2,CC2
         LA    R1,=C'3'
         BR    R11
CC0      LA    R1,=C'0'
         BR    R11
CC1      LA    R1,=C'1'
         BR    R11
CC2      LA    R1,=C'2'
         BR    R11
         EJECT
*---------------------------------------------------------------------*
* WILDPSW - LPSW to X'FFFFF0' (beyond its storage) and to an odd     *
* address: program checks 0005 and 0006, reflected to its program    *
* new PSW.                                                           *
*---------------------------------------------------------------------*
WILDPSW  ST    R11,SAVE11
         LA    R8,WILDMSG
         LA    R9,WILD2
         LPSW  WILDPSW1
         BAL   R11,NOCHECK
WILD2    LA    R8,ODDMSG
         LA    R9,WILD3
         LPSW  ODDPSW
         BAL   R11,NOCHECK
WILD3    L     R11,SAVE11
         BR    R11
*---------------------------------------------------------------------*
* KEYS - SSK key 5 on the page at X'8000'; with PSW key 3 a store    *
* there is a protection check (0004); ISK gives the key back; SSK    *
* past its storage is an addressing check (0005).                    *
*---------------------------------------------------------------------*
KEYS     ST    R11,SAVE11
         LA    R2,X'50'
         L     R3,=A(X'8000')
         SSK   R2,R3
         LA    R8,KEYMSG
         LA    R9,KEYS2
         LPSW  KEY3PSW             on in key 3 at KEYSTORE
KEYSTORE MVI   0(R3),X'EE'
         BAL   R11,NOCHECK
KEYS2    SR    R2,R2
         ISK   R2,R3
         N     R2,=F'248'          access key and fetch bit: X'F8'
         ST    R2,ISKKEY
         LA    R1,ISKKEY
         LA    R2,HEX8
         BAL   R11,GHEX
         MVC   ISKMSG+17(2),HEX8+6
         LA    R1,ISKMSG
         LA    R0,19
         BAL   R11,GSAYR
         L     R3,=A(X'F00000')
         LA    R2,X'50'
         LA    R8,SSKMSG
         LA    R9,KEYS3
         SSK   R2,R3
         BAL   R11,NOCHECK
KEYS3    L     R11,SAVE11
         BR    R11
*---------------------------------------------------------------------*
* BADDIAG - DIAGNOSE X'FFC' (no such function) and X'08' with its    *
* command buffer past storage.                                       *
*---------------------------------------------------------------------*
BADDIAG  ST    R11,SAVE11
         LA    R8,DIAGMSG1
         LA    R9,BADDIAG2
         DIAG  R2,R4,X'FFC'
         BAL   R11,NOCHECK
BADDIAG2 L     R2,=A(X'F00000')
         LA    R4,12
         LA    R8,DIAGMSG2
         LA    R9,BADDIAG3
         DIAG  R2,R4,X'008'
         BAL   R11,NOCHECK
BADDIAG3 L     R11,SAVE11
         BR    R11
*---------------------------------------------------------------------*
* PROBLEM - into problem state, then SSM: privileged operation 0002. *
*---------------------------------------------------------------------*
PROBLEM  ST    R11,SAVE11
         LA    R8,PROBMSG
         LA    R9,PROBLEM2
         LPSW  PROBPSW             on in problem state at PROBSSM
PROBSSM  SSM   =X'00'
         BAL   R11,NOCHECK
PROBLEM2 L     R11,SAVE11
         BR    R11
         EJECT
*---------------------------------------------------------------------*
* An instruction that should program-check comes with R8 -> its      *
* message (30 characters of text, room for the result) and R9 ->    *
* where to go on, after the BAL R11,NOCHECK that follows it.         *
* NOCHECK - it did not check: say so with R8's message.  R11 return. *
*---------------------------------------------------------------------*
NOCHECK  ST    R11,SAVE11B
         MVC   30(17,R8),=C'NO PROGRAM CHECK '
         LR    R1,R8
         LA    R0,47
         BAL   R11,GSAYR
         L     R11,SAVE11B
         BR    R11
*
* PGMINT - the program check came: its code into R8's message, said; *
* then on at R9, in supervisor state and key 0 again (the new PSW).  *
*
PGMINT   LA    R1,X'28'            code in bytes 2-3 of the old PSW
         LA    R2,30(,R8)
         BAL   R11,GHEX
         MVC   30(17,R8),=C'PROGRAM CHECK    '
         MVC   44(4,R8),GHEXW+4    the code's 4 hex digits
         LR    R1,R8
         LA    R0,48
         BAL   R11,GSAYR
         BR    R9
         EJECT
*---------------------------------------------------------------------*
* DISKIO - run the channel program at R1 on 191 and wait for its end *
* (device end or an error status).  Out: CSW has the CSW, CC 0 when  *
* it ended with channel end + device end and nothing else.  R10      *
* return.                                                            *
*---------------------------------------------------------------------*
DISKIO   ST    R1,X'48'
         MVC   DISKNEW,X'78'
         MVC   X'78'(8),DISKIOPS
         SIO   X'191'
         BC    4,DISKCSW           cc 1: the CSW is stored
         BC    3,DISKERR           cc 2, 3
DISKWT   LPSW  GWAITPSW
DISKINT  CLC   X'3A'(2),=X'0191'
         BNE   DISKWT
         MVC   CSW,X'40'
         TM    CSW+4,X'04'+X'02'   device end or unit check ends it
         BZ    DISKWT
         MVC   X'78'(8),DISKNEW
         CLC   CSW+4(2),=X'0C00'
         BR    R10
DISKCSW  MVC   CSW,X'40'
         MVC   X'78'(8),DISKNEW
         CLC   CSW+4(2),=X'0C00'
         BR    R10
DISKERR  MVC   X'78'(8),DISKNEW
         XC    CSW,CSW             no status at all
         CLI   CSW+4,X'FF'         CC not 0
         BR    R10
         EJECT
         COPY  GCONIO
         DS    0D
PGMNEW   DC    X'00000000',A(PGMINT)
DISKIOPS DC    X'00000000',A(DISKINT)
DISKNEW  DS    D
DONE     DC    X'00020000',A(0)
WILDPSW1 DC    X'00000000',A(X'FFFFF0')
ODDPSW   DC    X'00000000',A(KEYS+1)
KEY3PSW  DC    X'00300000',A(KEYSTORE)
PROBPSW  DC    X'00010000',A(PROBSSM)
CSW      DS    D
SAVE11   DS    F
SAVE11B  DS    F
ISKKEY   DS    F
HEX8     DS    CL8
*
* Channel programs for 191: the Seek/Search arguments are filled in.
*
WRITECP  CCW   X'07',DSEEK,X'40',6
WSEARCH  CCW   X'31',DSEARCH,X'40',5
         CCW   X'08',WSEARCH,0,1
         CCW   X'1D',DCOUNT,0,8+80      Write Count Key and Data
READCP   CCW   X'07',DSEEK,X'40',6
RSEARCH  CCW   X'31',DSEARCH,X'40',5
         CCW   X'08',RSEARCH,0,1
         CCW   X'06',INBUF,0,80
FARCP    CCW   X'07',DSEEK,X'40',6
FSEARCH  CCW   X'31',DSEARCH,X'40',5
         CCW   X'08',FSEARCH,0,1
         CCW   X'06',X'F00000',0,80
DSEEK    DS    XL6
DSEARCH  DS    XL5
DCOUNT   DS    XL8
OUTBUF   DC    CL80'HOSTILE WAS HERE, ON ITS OWN MINIDISK'
INBUF    DS    CL80
*
* Messages: 30 characters of text, then the result.
*
SIO150   DC    C'HOSTILE: SIO 150 CC x'
SIO020   DC    C'HOSTILE: SIO 020 CC x'
ISKMSG   DC    CL24'HOSTILE: ISK KEY xx'
WILDMSG  DC    CL48'HOSTILE: WILD LPSW'
ODDMSG   DC    CL48'HOSTILE: ODD LPSW'
KEYMSG   DC    CL48'HOSTILE: WRONG KEY'
SSKMSG   DC    CL48'HOSTILE: SSK PAST STORAGE'
DIAGMSG1 DC    CL48'HOSTILE: DIAG FFC'
DIAGMSG2 DC    CL48'HOSTILE: DIAG 08 PAST STORAGE'
PROBMSG  DC    CL48'HOSTILE: PROBLEM STATE SSM'
         LTORG
         END   HOSTILE
