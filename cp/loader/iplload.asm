*---------------------------------------------------------------------*
* IPLLOAD - the SYSRES IPL loader.  asm370 -f ipltext makes it the    *
* IPL text of SYSRES (dasd370 ipl): the IPL reads it to X'1000' and   *
* loads its BC-mode PSW.  It reads SYSHDR (cylinder 0 head 1 R1) to  *
* X'2000', checks it, reads the CP nucleus (SYHNUCN 4096-byte        *
* records from cylinder SYHNUCC, SYHRECS a track) to SYHNUCO, one    *
* channel program a track, and branches to SYHNUCE with R1 ->        *
* SYSHDR.  CPINIT sets up PSWs, control registers and storage keys   *
* itself.  The IPL device address, which the IPL left in the BC PSW  *
* at X'2', is stored at X'BA' (PSAIODEV) for CP.                     *
*                                                                     *
* The loader runs disabled, BC mode, key 0; it waits for each I/O in *
* an enabled wait (I/O only) with its own I/O new PSW, and ignores   *
* interruptions from other devices.  It lives in X'1000'-X'1FFF', the *
* CP stack, which CP only uses once it runs.                         *
*                                                                     *
* A failure ends in a disabled wait, PSW X'00020000 00000ccc', with  *
* R2 = the IPL device, the CSW at X'40' and the channel program in   *
* the loader as they were:                                           *
*   ccc = 001  SIO not accepted (cc 1, 2 or 3)                       *
*         002  reading SYSHDR ended in error (unit check, unit       *
*              exception or channel status: see the CSW)             *
*         003  SYSHDR is not one: SYHID is not S370SYSR or SYHVERS   *
*              is not 1 (not a volume the image recipe made)         *
*         004  reading the nucleus ended in error (R5/R6 = cylinder  *
*              and head of the track)                                *
*         005  SYSHDR is unusable: no nucleus records, or SYHRECS    *
*              is not 1 to 8                                         *
*---------------------------------------------------------------------*
         PRINT NOGEN
         COPY  REGS
         COPY  SYSHDR
         PRINT GEN
LDRHDRAD EQU   X'2000'             where SYSHDR is read to
LDRIODEV EQU   X'BA'               the IPL device, for CP (PSAIODEV)
LDRMAXR  EQU   8                   most records a track we can read
*
IPLLOAD  CSECT
*---------------------------------------------------------------------*
* LDRSTART - the IPL PSW's entry.  Registers through the loader:     *
*   R2 = IPL device   R3 = nucleus records still to read             *
*   R4 = where the next record goes   R5/R6 = cylinder/head          *
*   R7 = records a track (SYHRECS)    R9 -> SYSHDR   R10 = wait code *
*   R11 = 4096   R12 = base                                          *
*---------------------------------------------------------------------*
LDRSTART BALR  R12,0
         USING *,R12
         SR    R2,R2
         ICM   R2,B'0011',2        IPL device, from the IPL PSW
         STH   R2,LDRIODEV         ... where CP looks for it
         MVC   X'78'(8),LDRIONEW   our I/O new PSW
         LA    R11,1
         SLL   R11,12              R11 = 4096, a record
*
         LA    R10,2               wait code: SYSHDR read error
         LA    R1,LDRHDRCP
         BAL   R14,LDRDOIO         read SYSHDR
         L     R9,=A(LDRHDRAD)
         USING SYSHDR,R9
         LA    R10,3               wait code: not a SYSHDR
         CLC   SYHID,=C'S370SYSR'
         BNE   LDRFAIL
         CLC   SYHVERS,=F'1'
         BNE   LDRFAIL
         LA    R10,5               wait code: unusable SYSHDR
         LH    R7,SYHRECS
         LTR   R7,R7
         BNP   LDRFAIL
         CH    R7,=Y(LDRMAXR)
         BH    LDRFAIL
         LH    R3,SYHNUCN
         LTR   R3,R3
         BNP   LDRFAIL
         L     R4,SYHNUCO
         LH    R5,SYHNUCC
         SR    R6,R6
         LA    R10,4               wait code: nucleus read error
*
* One track a channel program: Seek, Search ID Equal R1, TIC back to
* the search, then one Read Data per record (each reads the record
* after the previous one), the last without command chaining.
*
LDRTRACK STH   R5,LDRNSEEK+2       CC
         STH   R6,LDRNSEEK+4       HH
         LR    R8,R7               records this track:
         CR    R3,R7                 all of a track,
         BNL   LDRTRK1
         LR    R8,R3                 or what is left
LDRTRK1  SR    R3,R8
         LA    R1,LDRNREAD
LDRCCW   STCM  R4,B'0111',1(R1)    data address of this Read Data
         MVI   4(R1),X'40'         chained to the next
         AR    R4,R11
         LA    R1,8(,R1)
         BCT   R8,LDRCCW
         LA    R15,8               back to the last one:
         SR    R1,R15
         MVI   4(R1),X'00'         the last Read Data ends it
         LA    R1,LDRNUCCP
         BAL   R14,LDRDOIO
         LA    R6,1(,R6)           next head,
         CH    R6,SYHHEADS
         BL    LDRNEXT
         SR    R6,R6               or next cylinder
         LA    R5,1(,R5)
LDRNEXT  LTR   R3,R3
         BP    LDRTRACK
*
         LR    R1,R9               R1 -> SYSHDR
         L     R15,SYHNUCE
         BR    R15                 enter CP (CPINIT)
         DROP  R9
         EJECT
*---------------------------------------------------------------------*
* LDRDOIO - run one channel program on the IPL device and wait for   *
* its end.  In: R1 -> channel program, R2 = device, R10 = wait code  *
* for a failure.  Out: returns (R14) when channel and device end     *
* came without error; else the disabled wait LDRFAIL.  Uses R15.     *
*---------------------------------------------------------------------*
LDRDOIO  ST    R1,X'48'            CAW: key 0, the program
         SIO   0(R2)
         BC    8,LDRWAIT           cc 0: started
         LA    R10,1               cc 1, 2, 3: wait code 1
         B     LDRFAIL
LDRWAIT  LPSW  LDRWTPSW            enabled wait for I/O
LDRIOINT CH    R2,X'3A'            I/O new PSW comes here: ours?
         BNE   LDRWAIT             no: wait on
         CLI   X'45',X'00'         channel status
         BNE   LDRFAIL
         TM    X'44',X'03'         unit check, unit exception
         BNZ   LDRFAIL
         TM    X'44',X'04'         device end yet?
         BZ    LDRWAIT
         BR    R14
*---------------------------------------------------------------------*
* LDRFAIL - stop in a disabled wait with code R10 (see the header).  *
*---------------------------------------------------------------------*
LDRFAIL  ST    R10,LDRDEAD+4
         LPSW  LDRDEAD
         EJECT
         DS    0D
LDRIONEW DC    X'00000000',A(LDRIOINT)  disabled, BC, key 0
LDRWTPSW DC    X'FE020000',A(0)    enabled wait, I/O only
LDRDEAD  DC    X'00020000',A(0)    disabled wait, code stored here
*
* Read SYSHDR: cylinder 0 head 1 record 1 to X'2000'.
*
LDRHDRCP CCW   X'07',LDRHSEEK,X'40',6         Seek
LDRHSRCH CCW   X'31',LDRHSEEK+2,X'40',5       Search ID Equal
         CCW   X'08',LDRHSRCH,0,1             TIC back to it
         CCW   X'06',LDRHDRAD,0,4096          Read Data
LDRHSEEK DC    X'0000',X'0000',X'0001',X'01'  BB CC HH R
         DS    0D
*
* Read one track of the nucleus (LDRTRACK fills in the blanks).
*
LDRNUCCP CCW   X'07',LDRNSEEK,X'40',6         Seek
LDRNSRCH CCW   X'31',LDRNSEEK+2,X'40',5       Search ID Equal R1
         CCW   X'08',LDRNSRCH,0,1             TIC back to it
LDRNREAD CCW   X'06',0,X'40',4096             Read Data, LDRMAXR times
         CCW   X'06',0,X'40',4096
         CCW   X'06',0,X'40',4096
         CCW   X'06',0,X'40',4096
         CCW   X'06',0,X'40',4096
         CCW   X'06',0,X'40',4096
         CCW   X'06',0,X'40',4096
         CCW   X'06',0,X'40',4096
LDRNSEEK DC    X'0000',X'0000',X'0000',X'01'  BB CC HH R
         LTORG
         END   LDRSTART
