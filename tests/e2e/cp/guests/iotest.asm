*---------------------------------------------------------------------*
* IOTEST - the virtual I/O guest of io_guest.sh: runs disabled in BC  *
* mode and waits for every I/O by polling with TEST I/O (cc 2 while   *
* the device works, cc 1 and the CSW when it ended), so it needs only *
* CP's I/O instructions, no interruptions.  Each result is a line     *
* "IOTEST: what ... hex" on its console 009:                          *
*   STIDC 009 / TCH 07       channel 0 a byte multiplexor; no ch. 7   *
*   HIO HDV CLRIO TIO 009    an idle device: cc 0                     *
*   SIO / TIO 150            a device it does not have: cc 3          *
*   BAD CAW                  a CAW not on a doubleword: cc 1, program *
*                            check in the CSW                         *
*   RDR END / RDR EMPTY      its reader after the IPL deck: unit      *
*                            exception; then unit check, sense X'40'  *
*   PUN / PRT                a card to its punch, a line to its       *
*                            printer                                  *
*   DISK WRITE / READ        R1 after R0 on cylinder 2 of its 191:    *
*                            written, read back, compared             *
*   READ COUNT               R1's count field: ITS cylinder (0002)    *
*   SEEK OUTSIDE             cylinder 5 of a 5-cylinder disk: unit    *
*                            check, command reject, sense byte 7 04   *
*   PAST STORAGE             a Read into X'F00000' (1M machine):      *
*                            channel end, device end, program check   *
*   READ ONLY                a write on 192 (linked RR): unit check,  *
*                            file protected (sense byte 1 X'04')      *
*   DIAG 18 / DIAG 18 OUTSIDE / DIAG 24 191 / DIAG 24 CONS            *
*   LOOP 191 / LOOP 00D      NOP, TIC back: a loop no Search ends     *
*   READ                     a line typed on the terminal, echoed     *
* then IOTEST: DONE and a disabled wait at address 0.                 *
*---------------------------------------------------------------------*
         MACRO
&L       TELL  &TEXT,&FLD,&LEN
.*       "IOTEST: TEXT" and, if FLD is given, LEN bytes of it in hex
&L       STM   R2,R3,TELLR23       (TELLR gives them back)
         LA    R1,TLX&SYSNDX
         LA    R0,L'TLX&SYSNDX
         AIF   ('&FLD' EQ '').NOHEX
         LA    R2,&FLD
         LA    R3,&LEN
         AGO   .CALL
.NOHEX   ANOP
         SR    R3,R3
.CALL    ANOP
         BAL   R11,TELLR
         B     TLY&SYSNDX
TLX&SYSNDX DC  C&TEXT
TLY&SYSNDX DS  0H
         MEND
*
IOTEST   START X'400'
         COPY  GREGS               R0-R15
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),PGMNEW
         TELL  'IOTEST: START'
* STIDC, TCH
         STIDC X'009'
         BAL   R8,CCSAVE
         TELL  'IOTEST: STIDC 009 CC',CCBYTE,1
         TELL  'IOTEST: STIDC ID',X'A8',4
         TCH   X'700'
         BAL   R8,CCSAVE
         TELL  'IOTEST: TCH 07 CC',CCBYTE,1
* an idle device: HIO, HDV, CLRIO and TIO find nothing to do
         HIO   X'009'
         BAL   R8,CCSAVE
         TELL  'IOTEST: HIO 009 CC',CCBYTE,1
         HDV   X'009'
         BAL   R8,CCSAVE
         TELL  'IOTEST: HDV 009 CC',CCBYTE,1
         CLRIO X'009'
         BAL   R8,CCSAVE
         TELL  'IOTEST: CLRIO 009 CC',CCBYTE,1
         TIO   X'009'
         BAL   R8,CCSAVE
         TELL  'IOTEST: TIO 009 CC',CCBYTE,1
* devices it does not have
         LA    R2,X'150'
         LA    R1,PUNCP
         BAL   R14,IO
         TELL  'IOTEST: SIO 150 CC',CCBYTE,1
         TIO   X'150'
         BAL   R8,CCSAVE
         TELL  'IOTEST: TIO 150 CC',CCBYTE,1
* a bad CAW: a CCW address that is not a doubleword
         LA    R2,X'00D'
         LA    R1,PUNCP+4
         BAL   R14,IO
         TELL  'IOTEST: BAD CAW',RES,5
* the reader: what is left of the IPL deck is read to its end
         LA    R2,X'00C'
         LA    R6,100              (at most)
RDRNEXT  LA    R1,RDRCP
         BAL   R14,IO
         TM    CSW+4,X'03'         unit exception or check: the end
         BNZ   RDREND
         BCT   R6,RDRNEXT
RDREND   TELL  'IOTEST: RDR END',RES,5
         LA    R1,RDRCP
         BAL   R14,IO
         TELL  'IOTEST: RDR EMPTY',RES,5
         LA    R1,SENSECP
         BAL   R14,IO
         TELL  'IOTEST: RDR EMPTY SENSE',SENSE,1
* the punch
         LA    R2,X'00D'
         LA    R1,PUNCP
         BAL   R14,IO
         TELL  'IOTEST: PUN',RES,5
* the printer
         LA    R2,X'00E'
         LA    R1,PRTCP
         BAL   R14,IO
         TELL  'IOTEST: PRT',RES,5
* its minidisk 191: write R1 on cylinder 2 head 0, read it back
         LA    R2,X'191'
         LA    R1,WRITECP
         BAL   R14,IO
         TELL  'IOTEST: DISK WRITE',RES,5
         LA    R1,READCP
         BAL   R14,IO
         TELL  'IOTEST: DISK READ',RES,5
         CLC   INBUF,OUTBUF
         BNE   READBAD
         TELL  'IOTEST: DISK READ DATA OK'
         B     COUNT
READBAD  TELL  'IOTEST: DISK READ DATA WRONG'
COUNT    LA    R1,COUNTCP
         BAL   R14,IO
         TELL  'IOTEST: READ COUNT',COUNTIN,8
* a seek outside the minidisk
         LA    R1,OUTCP
         BAL   R14,IO
         TELL  'IOTEST: SEEK OUTSIDE',RES,5
         LA    R1,SENSECP
         BAL   R14,IO
         TELL  'IOTEST: SEEK OUTSIDE SENSE',SENSE,8
* data past its storage
         LA    R1,FARCP
         BAL   R14,IO
         TELL  'IOTEST: PAST STORAGE',RES,5
* a write on a read-only link
         LA    R2,X'192'
         LA    R1,WRITECP
         BAL   R14,IO
         TELL  'IOTEST: READ ONLY',RES,5
         LA    R1,SENSECP
         BAL   R14,IO
         TELL  'IOTEST: READ ONLY SENSE',SENSE,4
* DIAGNOSE X'18': the read again; then the seek outside
         LA    R2,X'191'
         LA    R4,READCP
         LA    R15,4
         DIAG  R2,R4,X'018'
         BAL   R8,CCSAVE
         ST    R15,R15SAVE
         TELL  'IOTEST: DIAG 18 CC',CCBYTE,1
         TELL  'IOTEST: DIAG 18 R15',R15SAVE,4
         LA    R4,OUTCP
         LA    R15,1
         DIAG  R2,R4,X'018'
         BAL   R8,CCSAVE
         ST    R15,R15SAVE
         TELL  'IOTEST: DIAG 18 OUTSIDE CC',CCBYTE,1
         TELL  'IOTEST: DIAG 18 OUTSIDE R15',R15SAVE,4
* DIAGNOSE X'24': the minidisk, and the console (-1)
         LA    R2,X'191'
         DIAG  R2,R4,X'024'
         BAL   R8,CCSAVE
         STM   R4,R5,D24
         TELL  'IOTEST: DIAG 24 191 CC',CCBYTE,1
         TELL  'IOTEST: DIAG 24 191',D24,8
         L     R2,=F'-1'
         DIAG  R2,R4,X'024'
         BAL   R8,CCSAVE
         ST    R2,D24RX
         STM   R4,R5,D24
         TELL  'IOTEST: DIAG 24 CONS CC',CCBYTE,1
         TELL  'IOTEST: DIAG 24 CONS',D24RX,12
* channel programs that loop (NOP, TIC back to it): on the minidisk
* refused at once, on the punch ended after CP's limit of commands
         LA    R2,X'191'
         LA    R1,LOOPCP
         BAL   R14,IO
         TELL  'IOTEST: LOOP 191',RES,5
         LA    R2,X'00D'
         LA    R1,LOOPCP
         BAL   R14,IO
         TELL  'IOTEST: LOOP 00D',RES,5
* a line from the terminal
         TELL  'IOTEST: TYPE A WORD'
         MVI   INBUF,C' '
         MVC   INBUF+1(79),INBUF
         LA    R2,X'009'
         LA    R1,READLN
         BAL   R14,IO
         TELL  'IOTEST: READ',RES,5
         MVC   ECHOW,INBUF
         LA    R1,ECHOMSG
         LA    R0,L'ECHOMSG+L'ECHOW
         SR    R3,R3
         BAL   R11,TELLR
         TELL  'IOTEST: DONE'
         LPSW  DONE
*---------------------------------------------------------------------*
* IO - start the channel program at R1 on device R2 and wait for its  *
* end by polling with TIO.  Out: CCBYTE = the SIO's condition code;   *
* CSW = the CSW (SIO cc 1, or TIO cc 1 at the end).  R14 return.      *
*---------------------------------------------------------------------*
IO       ST    R1,X'48'
         XC    CSW,CSW
         XC    X'40'(8),X'40'
         SIO   0(R2)
         BAL   R8,CCSAVE
         CLI   CCBYTE,1
         BE    IOCSW
         CLI   CCBYTE,0
         BNE   IORES
IOPOLL   TIO   0(R2)
         BC    2,IOPOLL            cc 2: still working
IOCSW    MVC   CSW,X'40'
IORES    MVC   RES(1),CCBYTE       the result: SIO's cc, CSW 4-7
         MVC   RES+1(4),CSW+4
         BR    R14
*---------------------------------------------------------------------*
* CCSAVE - the condition code into CCBYTE (0-3).  R8 return.          *
*---------------------------------------------------------------------*
CCSAVE   BALR  R10,0               the CC lands in R10 bits 2-3
         SRL   R10,28
         N     R10,=F'3'
         STC   R10,CCBYTE
         BR    R8
*---------------------------------------------------------------------*
* TELLR - write "text" (R1, R0) and, if R3 > 0, a blank and R3 bytes  *
* at R2 in hex; through LINE, with SIO and TIO polling.  R11 return.  *
* Keeps R2-R9, CSW and CCBYTE (the results the next line may show).   *
*---------------------------------------------------------------------*
TELLR    STM   R2,R9,TELLREGS
         MVC   TELLCSW,CSW
         MVC   TELLCC,CCBYTE
         MVC   TELLRES,RES
         MVI   LINE,C' '
         MVC   LINE+1(79),LINE
         LR    R5,R0
         BCTR  R5,0
         EX    R5,TELLMV
         LA    R4,LINE+1(R5)       after the text
         LTR   R3,R3
         BZ    TELL2
         LA    R4,1(,R4)           a blank
TELL1    UNPK  HEXW(3),0(2,R2)     one byte: two digits
         TR    HEXW(2),HEXTAB-240
         MVC   0(2,R4),HEXW
         LA    R4,2(,R4)
         LA    R2,1(,R2)
         BCT   R3,TELL1
TELL2    LA    R1,LINE
         SR    R4,R1
         STH   R4,WRITECCW+6
         LA    R2,X'009'
         LA    R1,WRITECCW
         BAL   R14,IO
         MVC   CSW,TELLCSW
         MVC   CCBYTE,TELLCC
         MVC   RES,TELLRES
         LM    R2,R9,TELLREGS
         LM    R2,R3,TELLR23       as they were before TELL
         BR    R11
TELLMV   MVC   LINE(0),0(R1)
PGMINT   TELL  'IOTEST: PROGRAM CHECK',X'28',8
         LPSW  DEAD
*
         LTORG
         DS    0D
PGMNEW   DC    X'00000000',A(PGMINT)
DONE     DC    X'00020000',A(0)
DEAD     DC    X'00020000',A(X'EEE')
CSW      DS    D
WRITECCW CCW   X'09',LINE,X'20',0
READLN   CCW   X'0A',INBUF,X'20',80
RDRCP    CCW   X'02',CARD,X'20',80
PUNCP    CCW   X'01',OUTBUF,X'20',80
PRTCP    CCW   X'09',PRTLINE,X'20',L'PRTLINE
LOOPCP   CCW   X'03',0,X'40',1             NOP, chain
         CCW   X'08',LOOPCP,0,1            TIC back to it
SENSECP  CCW   X'04',SENSE,X'20',24
WRITECP  CCW   X'07',SEEK2,X'40',6
WSEARCH  CCW   X'31',SEEK2+2,X'40',5       R0
         CCW   X'08',WSEARCH,0,1
         CCW   X'1D',COUNTOUT,0,8+80       Write CKD: R1
READCP   CCW   X'07',SEEK2,X'40',6
RSEARCH  CCW   X'31',SRCHR1,X'40',5        R1
         CCW   X'08',RSEARCH,0,1
         CCW   X'06',INBUF,0,80
COUNTCP  CCW   X'07',SEEK2,X'40',6
CSEARCH  CCW   X'31',SEEK2+2,X'40',5       R0
         CCW   X'08',CSEARCH,0,1
         CCW   X'12',COUNTIN,0,8           Read Count: R1's
OUTCP    CCW   X'07',SEEK5,0,6
FARCP    CCW   X'07',SEEK2,X'40',6
FSEARCH  CCW   X'31',SRCHR1,X'40',5
         CCW   X'08',FSEARCH,0,1
         CCW   X'06',X'F00000',0,80
SEEK2    DC    X'0000',X'0002',X'0000',X'00'   BB CC HH R(0)
SRCHR1   DC    X'0002',X'0000',X'01'           CC HH R(1)
SEEK5    DC    X'0000',X'0005',X'0000'
COUNTOUT DC    X'0002',X'0000',X'01',X'00',X'0050'
OUTBUF   DC    CL80'IOTEST WAS HERE'
PRTLINE  DC    C'IOTEST PRINTED THIS LINE'
INBUF    DS    CL80
COUNTIN  DS    XL8
CARD     DS    CL80
SENSE    DS    XL24
D24RX    DS    F
D24      DS    2F
R15SAVE  DS    F
CCBYTE   DS    X
TELLCC   DS    X
TELLCSW  DS    D
RES      DS    XL5                 SIO cc, CSW bytes 4-7
TELLRES  DS    XL5
TELLREGS DS    8F
TELLR23  DS    2F
HEXW     DS    CL3
HEXTAB   DC    C'0123456789ABCDEF'
ECHOMSG  DC    C'IOTEST: ECHO '
ECHOW    DS    CL16
LINE     DS    CL80
         END   IOTEST
