*
* IO - benchmark workload 5: input/output.  The program formats record
*         1 (4,096 bytes) on the first HEADS tracks of cylinder 1 of a
*         3330 at X'150'; then each pass starts a new page on the 1403
*         at X'00E', writes and reads back record 1 of each of those
*         tracks (Seek, Search ID Equal, TIC, Write Data or Read Data)
*         and checks what came back, and copies LINES cards from the
*         3505 at X'00D' to the printer.  Every I/O operation is
*         started with SIO and waited for in an enabled wait: the
*         interruption, not a polling loop, ends the wait, so the
*         number of instructions never depends on how long a device
*         takes.
*
*         Assemble:  asm370 -f deck -D ITER=n io.asm
*         Devices:   00C the IPL reader; 00D 3505 with ITER*LINES cards
*                    (80-byte EBCDIC); 00E 1403; 150 3330 (a CCKD
*                    image from dasd370 init -z: R0 only on cylinder 1)
*         Entry:     the IPL PSW (BC mode, every interruption disabled)
*         Exit:      disabled wait, PSW address 0 on success; X'B01' if
*                    SIO did not start a device, X'B02' if an I/O ended
*                    with other status than channel end and device end,
*                    X'BAD' if a record read differs from the one
*                    written (never on a correct machine)
*         Timer:     the image starts at X'50' with X'7FFFFFFF': the
*                    IPL loads the interval timer before the CPU
*                    starts, so it never expires (7.7 hours) and no
*                    interruption condition is ever pending, not even
*                    for an instant before the first instruction.
*                    Nothing can make an interruptible instruction
*                    (MVCL, CLCL) stop early and count twice: the count
*                    stays exact.
*
*         Executed instructions, exactly (checked by tests/e2e/bench):
*         INSTRUCTIONS = 636*ITER + 336
*           setup 334: 7 (BALR BCTR BCTR MVC L MVC L),
*           formatting 2+17*HEADS, then L B; per pass 636: 12 for the
*           new page, 2+30*HEADS for the disk, 1+25*LINES for the
*           cards, the closing BCT 1; at the end the last BCT 1 and
*           LPSW 1.  An I/O operation costs 9 (DOIO) plus the caller's
*           LA LA BAL.
*
*         Registers: R12 base, R9 passes left, R10 inner counts, R4
*         the head, R13 -> the count field and the output buffer, R5
*         -> the input buffer; DOIO's R1 channel program, R2 device,
*         R11 return.
*
         AIF   (D'ITER).HAVEIT
ITER     EQU   10                      passes when -D ITER= is absent
.HAVEIT  ANOP
HEADS    EQU   19                      tracks (a cylinder) a pass
LINES    EQU   2                       cards copied a pass
READER   EQU   X'00D'
PRINTER  EQU   X'00E'
DISK     EQU   X'150'
CSWSTAT  EQU   X'44'                   CSW unit and channel status
IOOLDDEV EQU   X'3A'                   device in the I/O old PSW (BC)
CAW      EQU   X'48'
IONEWPSW EQU   X'78'
COUNTF   EQU   X'FFF8'                 Write CKD: count field, then
OUTBUF   EQU   X'10000'                ... the data (4,096 bytes)
INBUF    EQU   X'11000'                Read Data's buffer
*
IO       START X'50'
*
* X'50': the interval timer, loaded by the IPL (see Timer above).
*
         DC    X'7FFFFFFF'
         ORG   IO+X'2000'-X'50'
BEGIN    DS    0H                      the entry point, X'2000'
         USING BEGIN,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> BEGIN
         BCTR  12,0
         MVC   IONEWPSW(8,0),IONEW     I/O interruptions go to IOINT
         L     13,ACOUNTF
         MVC   0(8,13),COUNTR1         count: CC 1, HH 0, R 1, DL 4096
         L     5,AINBUF
*
* Format: on each of the HEADS tracks, Write CKD record 1 (no key,
* 4,096 bytes of data) after record 0.
*
         LA    4,0                     head 0
         LA    10,HEADS
FORMAT   STC   4,SEEKID+5              the head in the seek argument
         STC   4,SEEKR0+5              ... the search argument
         STC   4,3(,13)                ... and the count field
         LA    1,FORMATP
         LA    2,DISK
         BAL   11,DOIO
         LA    4,1(,4)
         BCT   10,FORMAT
         L     9,PASSES                ITER+1: the first BCT is free
         B     NEXT
*
* PASS - a new page; HEADS records written and read back; LINES cards
*        read and printed.
*
PASS     LA    1,NEWPAGE               skip to channel 1
         LA    2,PRINTER
         BAL   11,DOIO
         LA    4,0                     head 0
         LA    10,HEADS
RECORD   STC   4,SEEKID+5              the head to seek and search
         ST    9,8(,13)                stamp the record: pass
         STC   4,12(,13)               ... and head
         LA    1,WRITEP
         LA    2,DISK
         BAL   11,DOIO                 write record 1
         LA    1,READP
         BAL   11,DOIO                 read it back
         CLC   0(256,5),8(13)          the same?
         BNE   BADDATA                 (not taken)
         LA    4,1(,4)
         BCT   10,RECORD
         LA    10,LINES
COPY     LA    1,READCARD
         LA    2,READER
         BAL   11,DOIO                 read a card
         LA    1,PRINT
         LA    2,PRINTER
         BAL   11,DOIO                 print it
         BCT   10,COPY
NEXT     BCT   9,PASS
         LPSW  DONE                    disabled wait, code 0
BADDATA  LPSW  FAILDATA
*
* DOIO - run one channel program and wait for its interruption.
*        Input R1 -> the channel program, R2 the device address, R11
*        return.  The program must end with channel end and device end
*        and nothing else; any other outcome is a disabled wait.
*        Changes nothing but the CAW and the CSW; 9 instructions.
*
DOIO     ST    1,CAW                   key 0, the first CCW
         SIO   0(2)
         BNZ   NOSTART                 (not taken: cc 0, started)
         LPSW  IOWAIT                  wait for the interruption
IOINT    CLC   CSWSTAT(2,0),CEDE       the I/O new PSW comes here
         BNE   BADIO                   (not taken)
         CH    2,IOOLDDEV              from this device?
         BNE   BADIO                   (not taken)
         BR    11
NOSTART  LPSW  FAILSIO
BADIO    LPSW  FAILIO
*
         DS    0D
IONEW    DC    X'00000000',A(IOINT)    I/O new PSW: disabled, IOINT
IOWAIT   DC    X'FE020000',A(0)        wait, channels 0-6 enabled
DONE     DC    X'0002000000000000'     disabled wait PSW, success
FAILSIO  DC    X'0002000000000B01'
FAILIO   DC    X'0002000000000B02'
FAILDATA DC    X'0002000000000BAD'
PASSES   DC    A(ITER+1)
ACOUNTF  DC    A(COUNTF)
AINBUF   DC    A(INBUF)
CEDE     DC    X'0C00'                 channel end, device end
SEEKID   DC    X'0000',X'0001',X'0000',X'01'  BB CC HH, then R: 1
SEEKR0   DC    X'0000',X'0001',X'0000',X'00'  ... R: 0
COUNTR1  DC    X'0001',X'0000',X'01',X'00',AL2(4096)  CCHH R KL DL
*
* The channel programs.  Search ID Equal is followed by a TIC back to
* it until the record comes round; on a match the status modifier skips
* the TIC.
*
FORMATP  CCW   X'07',SEEKR0,X'40',6    Seek
FORMATS  CCW   X'31',SEEKR0+2,X'40',5  Search ID Equal (record 0)
         CCW   X'08',FORMATS,0,0       TIC
         CCW   X'1D',COUNTF,0,8+4096   Write Count, Key and Data
WRITEP   CCW   X'07',SEEKID,X'40',6    Seek
WRITES   CCW   X'31',SEEKID+2,X'40',5  Search ID Equal (record 1)
         CCW   X'08',WRITES,0,0        TIC
         CCW   X'05',OUTBUF,0,4096     Write Data
READP    CCW   X'07',SEEKID,X'40',6    Seek
READS    CCW   X'31',SEEKID+2,X'40',5  Search ID Equal (record 1)
         CCW   X'08',READS,0,0         TIC
         CCW   X'06',INBUF,0,4096      Read Data
NEWPAGE  CCW   X'8B',0,X'20',1         skip to channel 1 at once
READCARD CCW   X'02',CARD,0,80         read a card
PRINT    CCW   X'09',CARD,0,80         write, space 1 line
CARD     DS    CL80
         END   BEGIN
