*---------------------------------------------------------------------*
* TERMINAL - real terminals: the operator's console, 3215 line-mode   *
* terminals and 3270 displays.  Prefix TRM.                           *
*                                                                     *
* Every terminal has a TRMBLOK (trmblok.cpy) hung off its RDEV.  All  *
* terminal I/O goes through IOSSTART and returns at once:             *
*  - output: each line is one request (TRMOUT: IOBLOK, CCW, data) in  *
*    free storage, which its completion routine (TRMWDONE) frees;     *
*  - input: a terminal is never left with a read outstanding (it      *
*    would hold up the output queued behind it).  The user types a    *
*    line, the device presents attention (a 3215 keeps the line until *
*    it is read), IOS calls TRMATTN, which starts a Read (3215) or a  *
*    Read Modified (3270).  Its completion (TRMRDONE) only queues     *
*    TRMLINE with CPEXQ: the line is handled at top level, where it   *
*    may log on, run a command or feed the guest's console.           *
*                                                                     *
* What a line means (TRMLINE):                                        *
*  - no user: LOGON (and after it the password); an empty line shows  *
*    the logo again; anything else gets CMDEXEC's message;            *
*  - "#CP command" runs the command in any mode;                      *
*  - the VM is in CP mode (CP READ): a CP command; '#' separates      *
*    commands on one line (VM/370's logical line end);                *
*  - the VM runs: 3215: an empty line while no console read waits is  *
*    the attention key (VM/370 let the 3215's REQUEST key do this):   *
*    the VM stops in CP mode; 3270: PA1 does that; any other line     *
*    goes to the guest's console (VCNINPUT): to the read that waits   *
*    (VM READ), else it is kept for the next read and the console     *
*    presents attention to the guest, as VM/370's did.                *
* Status: a 3270 shows it at the bottom right; a 3215 gets a line     *
* "CP READ" each time the user's VM enters CP mode.                   *
* Lines typed faster than CP reads them: the channel merges their     *
* attentions into one pending status, and an attention that comes     *
* with the ending status of one of the terminal's requests is taken   *
* as one (TRMWDONE, TRMRDONE); beyond that, a 3215 line waits for the *
* next attention (see cp/README.md).                                  *
*                                                                     *
* 3270 screen (24x80), as VM/370 laid it out:                         *
*   rows 1-22   output area (protected; field attribute at 1919)      *
*   rows 23-24  input area (unprotected, attribute at 1759), up to    *
*               column 60 of row 24                                   *
*   row 24 col 61-80  status: CP READ, VM READ, RUNNING, MORE...,     *
*               HOLDING, and the system name.                         *
* When the output area is full, further lines are held and the status *
* says MORE...; Clear or PA2 clears the area and shows the next ones. *
* Enter with an empty line while MORE... makes it HOLDING (and again  *
* MORE... on the next one).  After TRMMORET (60) seconds of MORE...   *
* CP clears the area and shows the next lines itself, as VM/370 did   *
* (a CP timer request, CPTIMER); HOLDING waits for the user.  At most *
* TRMMAXHL lines are held; later ones are lost and counted in the     *
* "LINES LOST" line shown with the next screen.                       *
*---------------------------------------------------------------------*
TERMINAL CSECT
*        the screen's buffer addresses (SETA: TRMSBA needs numbers)
         GBLA  &TRMINFA,&TRMINP,&TRMSTFA,&TRMSTAT,&TRMOUFA
&TRMINFA SETA  1759                input field attribute
&TRMINP  SETA  1760                input field: rows 23-24
&TRMSTFA SETA  1899                status field attribute
&TRMSTAT SETA  1900                status text: row 24 column 61
&TRMOUFA SETA  1919                output area attribute: it wraps
*                                  to 0, rows 1-22
TRMROWS  EQU   22                  output area rows
TRMINFA  EQU   &TRMINFA
TRMMAXHL EQU   400                 most lines held while MORE...
TRMINMAX EQU   130                 longest line read from a 3215
TRMMAXKP EQU   200                 most lines kept while disconnected
TRMMAXQ  EQU   64                  most writes on their way to one
*                                  terminal before TRMWRITE waits
TRMMORET EQU   60                  seconds MORE... waits before the
*                                  next screen (VM/370's time-out)
*---------------------------------------------------------------------*
* Globals of the terminal module (one CPU, CP disabled: no locks).    *
*---------------------------------------------------------------------*
         DS    0F
TRMCHAIN DC    A(0)                -> first TRMBLOK
TRMOPTB  DC    A(0)                -> TRMBLOK of the operator console
TRMCURT  DC    A(0)                -> TRMBLOK whose line CP handles
*                                  now (TRMWRITE with R11=0 answers
*                                  there), or 0
TRMLOST  DC    F'0'                3270 lines lost while MORE...
         EJECT
*---------------------------------------------------------------------*
* TRMINIT - ready the terminals at IPL.  Every device of the real     *
* configuration (RIOTAB) in the terminal class gets a TRMBLOK, and    *
* its first screen: the logo (3270) or "VM/370 ONLINE" (3215).  A     *
* terminal with no client answers with unit check: it gets the logo   *
* again when a client connects (device end, TRMATTN).                 *
* In: -.  Out: -.  Registers: R0 R1 R14 R15.                          *
*---------------------------------------------------------------------*
TRMINIT  CPENTRY
         L     R2,=A(RIOTAB)
         L     R3,=A(RIOTABN)
         L     R3,0(,R3)           number of RIO lines
         USING RIOENTRY,R2
TRMI010  TM    RIOCLASS,RDVCTERM   a terminal?
         BZ    TRMI040
         LH    R4,RIOCOUNT         number of devices in the line
         SR    R5,R5
         ICM   R5,3,RIOADDR        the first address
TRMI020  LR    R1,R5
         SR    R0,R0               by address
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   TRMI030             not in the configuration
         CPCALL TRMNEW             R1 -> RDEV
TRMI030  LA    R5,1(,R5)
         BCT   R4,TRMI020
TRMI040  LA    R2,RIOLEN(,R2)
         BCT   R3,TRMI010
         DROP  R2
         CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* TRMNEW - build the TRMBLOK of one terminal and show its logo.       *
* In: R1 -> RDEV.  Out: R1 -> TRMBLOK.  Registers: R0 R1 R14 R15.     *
*---------------------------------------------------------------------*
TRMNEW   CPENTRY
         LR    R3,R1
         USING RDEV,R3
         L     R0,=A(TRMLEN)
         CPCALL FREEGET            zeroed
         LR    R2,R1
         USING TRMBLOK,R2
         ST    R3,TRMRDEV
         ST    R2,RDVTERM
         MVC   TRMADDR,RDVADDR
         CLC   RDVTYPE,=X'3270'
         BNE   TRMN010
         OI    TRMFLAGS,TRMF3270
TRMN010  TM    RDVCLASS,RDVCOPER
         BZ    TRMN020
         OI    TRMFLAGS,TRMFOPER
         L     R4,=A(TRMOPTB)
         ST    R2,0(,R4)
TRMN020  L     R4,=A(TRMCHAIN)     chain it first
         MVC   TRMNEXT,0(R4)
         ST    R2,0(,R4)
         CPCALL TRMLOGO            R2 -> TRMBLOK
         LR    R1,R2
         CPEXIT RC=0
         DROP  R2,R3
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMLOGO - show the logo: the terminal has no user.  3270: the whole *
* screen (Erase/Write), 3215: the "VM/370 ONLINE" line.               *
* In: R2 -> TRMBLOK.  Out: -.  Registers: R0 R1 R14 R15.              *
*---------------------------------------------------------------------*
TRMLOGO  CPENTRY
         USING TRMBLOK,R2
         MVI   TRMSTATE,TRMSLOGO
         NI    TRMFLAGS,255-TRMFMORE-TRMFHOLD-TRMFNODS
         CPCALL TRMMOROF           no MORE... time-out
         TM    TRMFLAGS,TRMF3270
         BO    TRML010
         LA    R1,TRMONLN
         LA    R0,L'TRMONLN
         CPCALL TRMPUT
         CPEXIT RC=0
TRML010  CPCALL TRMFREEH           no lines held any more
         CPCALL TRMFMT             the empty screen, CP READ
         LA    R4,TRMLOGOT         the logo lines
         LA    R5,TRMLOGON
TRML020  LA    R1,1(,R4)
         SR    R0,R0
         IC    R0,0(,R4)           length
         CPCALL TRMPUT
         SR    R0,R0
         IC    R0,0(,R4)
         LA    R4,1(,R4)           next line
         AR    R4,R0
         BCT   R5,TRML020
         CPEXIT RC=0
         DROP  R2
TRMONLN  DC    C'VM/370 ONLINE'
*        the logo: length byte and text per line
TRMLOGOT DS    0C
         DC    AL1(1)
         DC    C' '
         DC    AL1(63)
         DC    C'          VV     VV  MM     MM     //  333333   '
         DC    C'7777777   00000'
         DC    AL1(63)
         DC    C'           VV   VV   MMM   MMM    //       33   '
         DC    C'    77  00   00'
         DC    AL1(63)
         DC    C'            VV VV    MM M M MM   //     3333    '
         DC    C'   77   00   00'
         DC    AL1(63)
         DC    C'             VVV     MM  M  MM  //         33   '
         DC    C'  77    00   00'
         DC    AL1(62)
         DC    C'              V      MM     MM //      333333   '
         DC    C' 77      00000'
         DC    AL1(1)
         DC    C' '
         DC    AL1(23)
         DC    C'          VM/370 ONLINE'
         DC    AL1(1)
         DC    C' '
         DC    AL1(48)
         DC    C'          SYSTEM S370 - CP FOR THE S370 EMULATOR'
         DC    AL1(1)
         DC    C' '
         DC    AL1(43)
         DC    C'          TYPE LOGON USERID AND PRESS ENTER'
TRMLOGON EQU   12                  number of logo lines
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMFMT - 3270: write the empty screen format (Erase/Write): output  *
* area, input field (non-display while a password is asked), status.  *
* In: R2 -> TRMBLOK.  Out: -.  Registers: R0 R1 R14 R15.              *
*---------------------------------------------------------------------*
TRMFMT   CPENTRY
         USING TRMBLOK,R2
         XC    TRMROW,TRMROW       output from row 1 again
         MVC   TRMSTATX,=CL11' '   the status is written here
         LA    R4,TRMFMTS+5        the input field attribute (after
*                                  WCC, SBA and SF)
         MVI   0(R4),X'40'         unprotected, normal
         TM    TRMFLAGS,TRMFNODS
         BZ    TRMF010
         MVI   0(R4),X'4C'         unprotected, non-display
TRMF010  CPCALL TRMSTTX            R1 -> status text (11)
         MVC   TRMFMTST,0(R1)
         MVC   TRMSTATX,0(R1)
         LA    R1,TRMFMTS
         LA    R0,TRMFMTL
         LA    R3,X'05'            Erase/Write
         CPCALL TRMSIO
         CPEXIT RC=0
         DROP  R2
TRMFMTS  DC    X'C3'               WCC: reset, restore keyboard, MDT
         TRMSBA &TRMINFA
         DC    X'1D',X'40'         SF input field (set above)
         TRMSBA &TRMSTFA
         DC    X'1D',X'E8'         SF protected, intensified
TRMFMTST DC    CL11' '             the status
TRMSYSNM DC    CL8'S370    '       the system name
         TRMSBA &TRMOUFA
         DC    X'1D',X'60'         SF output area: protected
         TRMSBA &TRMINP
         DC    X'13'               IC: the cursor in the input field
TRMFMTL  EQU   *-TRMFMTS
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMSTTX - the status text a terminal should show now.               *
* In: R2 -> TRMBLOK.  Out: R1 -> CL11 status.  Registers: R1 R15.     *
*---------------------------------------------------------------------*
TRMSTTX  CPENTRY
         USING TRMBLOK,R2
         LA    R1,TRMSHOLD
         TM    TRMFLAGS,TRMFHOLD
         BO    TRMS090
         LA    R1,TRMSMORE
         TM    TRMFLAGS,TRMFMORE
         BO    TRMS090
         LA    R1,TRMSCPRD
         L     R3,TRMVMB
         LTR   R3,R3
         BZ    TRMS090             no user: CP reads LOGON
         USING VMBLOK,R3
         TM    VMBSTATE,VMBSCPMD+VMBSDWT  (a disabled wait: the VM
         BNZ   TRMS090             stops; its message comes first)
         LA    R1,TRMSVMRD
         TM    VMBTFLG,VMBTVRD
         BO    TRMS090
         LA    R1,TRMSRUN
TRMS090  CPEXIT RC=0
         DROP  R2,R3
TRMSCPRD DC    CL11'CP READ'
TRMSVMRD DC    CL11'VM READ'
TRMSRUN  DC    CL11'RUNNING'
TRMSMORE DC    CL11'MORE...'
TRMSHOLD DC    CL11'HOLDING'
*---------------------------------------------------------------------*
* TRMSHOW - bring the status up to date.  3270: the status field,     *
* written when it changes.  3215: a line "CP READ" when the user's VM *
* has just entered CP mode (after LOGON, the attention key, a stop),  *
* the only status a typewriter user needs to see.                     *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMSHOW  CPENTRY
         USING TRMBLOK,R2
         TM    TRMFLAGS,TRMF3270
         BO    TRMW050
         CLI   TRMSTATE,TRMSUSER   3215
         BE    TRMW010
         MVC   TRMSTATX,=CL11' '   no user: no status
         B     TRMW090
TRMW010  CPCALL TRMSTTX
         CLC   TRMSTATX,0(R1)
         BE    TRMW090             no change
         MVC   TRMSTATX,0(R1)      (first: TRMPUT comes back here)
         CLC   TRMSTATX,=CL11'CP READ'
         BNE   TRMW090
         LA    R1,=C'CP READ'
         LA    R0,7
         CPCALL TRMPUT
         B     TRMW090
TRMW050  CPCALL TRMSTTX            3270
         CLC   TRMSTATX,0(R1)
         BE    TRMW090             shown already
         MVC   TRMSTATX,0(R1)
         MVC   TRMSHTX,0(R1)
         LA    R1,TRMSHDS
         LA    R0,TRMSHDL
         LA    R3,X'01'            Write
         CPCALL TRMSIO
TRMW090  CPEXIT RC=0
         DROP  R2
TRMSHDS  DC    X'C2'               WCC: restore the keyboard
         TRMSBA &TRMSTAT
TRMSHTX  DC    CL11' '
         TRMSBA &TRMINP
         DC    X'13'               the cursor back to the input
TRMSHDL  EQU   *-TRMSHDS
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMSIO - start one write to a terminal: copy the data into a        *
* TRMOUT block, one CCW, IOSSTART.  TRMWDONE frees the block.         *
* In: R2 -> TRMBLOK, R3 = CCW command code, R1 -> data, R0 = length   *
* (1-4000).  Out: -.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMSIO   CPENTRY
         USING TRMBLOK,R2
         LR    R4,R1               the data
         LR    R5,R0               its length
         LA    R0,TROFIXED+7(,R5)
         N     R0,=F'-8'           doubleword multiple
         LR    R6,R0
         CPCALL FREEGET
         LR    R7,R1
         USING TRMOUT,R7
         LA    R10,TROIOB
         USING IOBLOK,R10
         ST    R6,TROSIZE
         LA    R8,TRODATA          copy the data
         LR    R9,R5
         LR    R14,R4
         LR    R15,R5
         MVCL  R8,R14
         LA    R8,TRODATA          the CCW
         ST    R8,TROCCW
         STC   R3,TROCCW
         MVI   TROCCW+4,X'20'      SLI
         STH   R5,TROCCW+6
         MVC   IOBRDEV,TRMRDEV
         LA    R8,TROCCW
         ST    R8,IOBCCW
         L     R8,=A(TRMWDONE)
         ST    R8,IOBDONE
         ST    R2,IOBPARM
         LH    R8,TRMNOUT          one more on its way
         LA    R8,1(,R8)
         STH   R8,TRMNOUT
         LR    R1,R7
         CPCALL IOSSTART
         CPEXIT RC=0
         DROP  R2,R7,R10
         LTORG
*---------------------------------------------------------------------*
* TRMWDONE - completion of a write (interruption level: short, no     *
* wait).  Frees the TRMOUT block.  An attention presented with the    *
* write's ending status (the channel merges them) is handled as one   *
* (TRMATT2).  A write that failed with unit check on a terminal with  *
* a user means its client went away: the user is disconnected         *
* (LGNDROP, queued to run at top level).                              *
* In: R1 -> IOBLOK (= TRMOUT).  Registers: R0 R1 R14 R15.             *
*---------------------------------------------------------------------*
TRMWDONE CPENTRY
         LR    R7,R1
         USING TRMOUT,R7
         LA    R10,TROIOB
         USING IOBLOK,R10
         L     R2,IOBPARM
         USING TRMBLOK,R2
         TM    IOBCSW+4,X'80'      an attention that came with the
         BZ    TRMD005             ending status: the user typed
         CPCALL TRMATT2
TRMD005  LH    R8,TRMNOUT          one less on its way
         BCTR  R8,0
         STH   R8,TRMNOUT
         TM    IOBFLAGS,IOBFERR
         BZ    TRMD010
         CLI   TRMSTATE,TRMSUSER
         BNE   TRMD010
         TM    TRMFLAGS,TRMFOPER   the operator console stays
         BO    TRMD010
         L     R1,=A(LGNDROP)
         LR    R0,R2
         CPCALL CPEXQ
TRMD010  L     R0,TROSIZE
         LR    R1,R7
         CPCALL FREERET
         CPEXIT RC=0
         DROP  R2,R7,R10
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMPUT - write one line on a terminal.  3215: one line.  3270: the  *
* next output rows (80 a row); when the output area is full the line  *
* is held and the status says MORE... .                               *
* In: R2 -> TRMBLOK, R1 -> text, R0 = length (0-4000).                *
* Out: -.  Registers: R0 R1 R14 R15.                                  *
*---------------------------------------------------------------------*
TRMPUT   CPENTRY
         USING TRMBLOK,R2
         TM    TRMFLAGS,TRMF3270
         BO    TRMP010
         LTR   R0,R0
         BNZ   TRMP005
         LA    R1,=C' '            an empty line: one blank
         LA    R0,1
TRMP005  LA    R3,X'09'            write, carrier return
         CPCALL TRMSIO
         L     R1,=A(TRMCURT)      output between commands (a stop's
         C     R2,0(,R1)           message): CP READ after it; a
         BE    TRMP008             command's: after the command
         CPCALL TRMSHOW
TRMP008  CPEXIT RC=0
TRMP010  LR    R4,R1               3270: rows of 80
         LR    R5,R0
TRMP020  LR    R0,R5
         C     R0,=F'80'
         BNH   TRMP030
         LA    R0,80
TRMP030  LR    R1,R4
         CPCALL TRMROWO            one row
         LA    R4,80(,R4)
         S     R5,=F'80'
         BP    TRMP020
         CPCALL TRMSHOW
         CPEXIT RC=0
         DROP  R2
         LTORG
*---------------------------------------------------------------------*
* TRMROWO - 3270: one output row (<= 80 characters): written on the   *
* next free row, or held when the area is full (MORE...).             *
* In: R2 -> TRMBLOK, R1 -> text, R0 = length.  Registers: R0 R1 R14   *
* R15.                                                                *
*---------------------------------------------------------------------*
TRMROWO  CPENTRY
         USING TRMBLOK,R2
         LR    R4,R1
         LR    R5,R0
         TM    TRMFLAGS,TRMFMORE
         BO    TRMR050             held already: keep the order
         LH    R6,TRMROW
         C     R6,=A(TRMROWS)
         BNL   TRMR040             the area is full
         LA    R1,1(,R6)
         STH   R1,TRMROW
         MH    R6,=H'80'           the row's buffer address
         C     R6,=A(TRMINFA-79)   the last row ends before the
         BL    TRMR010             input field's attribute
         C     R5,=F'79'
         BNH   TRMR010
         LA    R5,79
TRMR010  LA    R7,TRMRWBUF         WCC, SBA row, text
         MVI   0(R7),X'C2'
         MVI   1(R7),X'11'
         LR    R1,R6
         LA    R0,2(,R7)
         CPCALL TRMBADDR
         LTR   R5,R5
         BZ    TRMR020
         BCTR  R5,0
         EX    R5,TRMRMVC
         LA    R5,1(,R5)
TRMR020  LA    R0,4(,R5)
         LR    R1,R7
         LA    R3,X'01'            Write
         CPCALL TRMSIO
         CPEXIT RC=0
TRMR040  OI    TRMFLAGS,TRMFMORE   full: MORE... from now
         CPCALL TRMMORON           (for TRMMORET seconds)
TRMR050  L     R6,TRMHOLDN         hold the line
         C     R6,=A(TRMMAXHL)
         BL    TRMR060
         L     R1,=A(TRMLOST)      too many: count it
         L     R0,0(,R1)
         AH    R0,=H'1'
         ST    R0,0(,R1)
         CPEXIT RC=0
TRMR060  LA    R6,1(,R6)
         ST    R6,TRMHOLDN
         LA    R0,TRHSIZE
         CPCALL FREEGET
         USING TRMHELD,R1
         STH   R5,TRHLEN
         LTR   R5,R5
         BZ    TRMR070
         BCTR  R5,0
         EX    R5,TRMRMVH
TRMR070  L     R6,TRMHOLDL         at the end of the queue
         ST    R1,TRMHOLDL
         LTR   R6,R6
         BNZ   TRMR080
         ST    R1,TRMHOLDF
         CPEXIT RC=0
TRMR080  ST    R1,TRHNEXT-TRMHELD(,R6)
         CPEXIT RC=0
TRMRMVC  MVC   4(0,R7),0(R4)
TRMRMVH  MVC   TRHTEXT(0),0(R4)
         DROP  R1,R2
TRMRWBUF DS    CL84
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMBADDR - 3270: encode a buffer address in the two 6-bit bytes of  *
* an SBA order (12-bit addressing).                                   *
* In: R1 = address (0-1919), R0 -> 2 bytes.  Registers: R1 R14 R15.   *
*---------------------------------------------------------------------*
TRMBADDR CPENTRY
         LR    R3,R0
         LR    R4,R1
         SRL   R4,6
         N     R4,=F'63'
         LA    R4,TRMCODES(R4)
         MVC   0(1,R3),0(R4)
         N     R1,=F'63'
         LA    R1,TRMCODES(R1)
         MVC   1(1,R3),0(R1)
         CPEXIT RC=0
TRMCODES DC    X'40C1C2C3C4C5C6C7C8C94A4B4C4D4E4F'
         DC    X'50D1D2D3D4D5D6D7D8D95A5B5C5D5E5F'
         DC    X'6061E2E3E4E5E6E7E8E96A6B6C6D6E6F'
         DC    X'F0F1F2F3F4F5F6F7F8F97A7B7C7D7E7F'
         LTORG
*---------------------------------------------------------------------*
* TRMFREEH - 3270: drop the lines held for MORE... .                  *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMFREEH CPENTRY
         USING TRMBLOK,R2
TRMH010  L     R1,TRMHOLDF
         LTR   R1,R1
         BZ    TRMH020
         MVC   TRMHOLDF,TRHNEXT-TRMHELD(R1)
         LA    R0,TRHSIZE
         CPCALL FREERET
         B     TRMH010
TRMH020  XC    TRMHOLDL,TRMHOLDL
         XC    TRMHOLDN,TRMHOLDN
         CPEXIT RC=0
         DROP  R2
*---------------------------------------------------------------------*
* TRMCLEAR - 3270: Clear or PA2: a fresh screen, then the lines held  *
* (as many as fit: MORE... again if some are left).                   *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMCLEAR CPENTRY
         USING TRMBLOK,R2
         L     R4,TRMHOLDF         take the held lines
         XC    TRMHOLDF,TRMHOLDF
         XC    TRMHOLDL,TRMHOLDL
         XC    TRMHOLDN,TRMHOLDN
         NI    TRMFLAGS,255-TRMFMORE-TRMFHOLD
         CPCALL TRMMOROF
         CPCALL TRMFMT
         L     R1,=A(TRMLOST)
         ICM   R0,15,0(R1)
         BZ    TRMC010
         XC    0(4,R1),0(R1)
         LR    R1,R0
         LA    R0,3
         LA    R14,TRMCLLST
         LR    R3,R2
         LR    R2,R14
         CPCALL CMDDEC             the count, 3 digits
         LR    R2,R3
         LA    R1,TRMCLLST
         LA    R0,L'TRMCLLST
         CPCALL TRMROWO
TRMC010  LTR   R4,R4               show the held lines, free them
         BZ    TRMC090
         USING TRMHELD,R4
         LA    R1,TRHTEXT
         LH    R0,TRHLEN
         CPCALL TRMROWO
         LR    R1,R4
         L     R4,TRHNEXT
         LA    R0,TRHSIZE
         CPCALL FREERET
         B     TRMC010
TRMC090  CPCALL TRMSHOW
         CPEXIT RC=0
         DROP  R2,R4
TRMCLLST DC    C'000 LINES LOST'
         LTORG
*---------------------------------------------------------------------*
* TRMMORON - 3270: MORE... starts (again): in TRMMORET seconds        *
* TRMMORTO shows the next screen, unless the user does first.         *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMMORON CPENTRY
         USING TRMBLOK,R2
         LA    R3,TRMTMR
         USING TMRBLOK,R3
         L     R1,=A(TRMMORTO)
         ST    R1,TMRRTN
         ST    R2,TMRPARM
         STCK  TMRTOD              now
         L     R5,=A(TRMMORET*1000000)  microseconds
         SR    R4,R4
         SLDL  R4,12               TOD clock units (bit 51: 1 us)
         AL    R5,TMRTOD+4         + now
         BC    12,TRMMO10          no carry
         AL    R4,=F'1'
TRMMO10  AL    R4,TMRTOD
         STM   R4,R5,TMRTOD
         LR    R1,R3
         CPCALL CPTIMER
         CPEXIT RC=0
         DROP  R2,R3
         LTORG
*---------------------------------------------------------------------*
* TRMMOROF - 3270: MORE... is over (or HOLDING): no time-out.         *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMMOROF CPENTRY
         LA    R1,TRMTMR-TRMBLOK(,R2)
         CPCALL CPTCANCL
         CPEXIT RC=0
*---------------------------------------------------------------------*
* TRMMORTO - the MORE... time-out (CP timer routine, top level): the  *
* next screen, as Clear would show it.                                *
* In: R1 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMMORTO CPENTRY
         LR    R2,R1
         USING TRMBLOK,R2
         TM    TRMFLAGS,TRMFHOLD
         BO    TRMMT90
         TM    TRMFLAGS,TRMFMORE
         BZ    TRMMT90
         CPCALL TRMCLEAR
TRMMT90  CPEXIT RC=0
         DROP  R2
         EJECT
*---------------------------------------------------------------------*
* TRMATTN - unsolicited status from a terminal (called by IOSINT).    *
* Attention: the user typed something: start the read (3215 Read,     *
* 3270 Read Modified).  Device end alone: a client connected: show    *
* the logo, or the screen of the user logged on there.                *
* In: R1 -> RDEV (RDVUSTAT = the unit status).  Out: -.               *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
TRMATTN  CPENTRY
         USING RDEV,R1
         L     R2,RDVTERM
         LTR   R2,R2
         BZ    TRMA090             not a terminal of ours
         USING TRMBLOK,R2
         TM    RDVUSTAT,X'80'      attention
         BO    TRMA020
         TM    RDVUSTAT,X'04'      device end alone: a new client
         BZ    TRMA090
         DROP  R1
         CLI   TRMSTATE,TRMSUSER
         BE    TRMA010
         CPCALL TRMLOGO
         B     TRMA090
TRMA010  TM    TRMFLAGS,TRMF3270
         BZ    TRMA090
         CPCALL TRMCLEAR           the user's screen anew
         B     TRMA090
TRMA020  CPCALL TRMATT2
TRMA090  CPEXIT RC=0
         DROP  R2
         LTORG
*---------------------------------------------------------------------*
* TRMATT2 - an attention: start the read, or, when one is busy, read  *
* once more after it.  In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.  *
*---------------------------------------------------------------------*
TRMATT2  CPENTRY
         USING TRMBLOK,R2
         TM    TRMFLAGS,TRMFREAD
         BZ    TRMA030
         OI    TRMFLAGS,TRMFAGN
         CPEXIT RC=0
TRMA030  CPCALL TRMREAD
         CPEXIT RC=0
         DROP  R2
*---------------------------------------------------------------------*
* TRMREAD - start the read of a terminal's input (TRMRIOB).           *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMREAD  CPENTRY
         USING TRMBLOK,R2
         OI    TRMFLAGS,TRMFREAD
         XC    TRMRIOB,TRMRIOB
         LA    R4,TRMRIOB
         USING IOBLOK,R4
         MVC   IOBRDEV,TRMRDEV
         LA    R1,TRMRCCW
         ST    R1,IOBCCW
         L     R1,=A(TRMRDONE)
         ST    R1,IOBDONE
         ST    R2,IOBPARM
         LA    R1,TRMINBUF
         ST    R1,TRMRCCW
         MVI   TRMRCCW,X'0A'       3215: read inquiry
         MVI   TRMRCCW+4,X'20'     SLI
         MVC   TRMRCCW+6(2),=AL2(TRMINMAX)
         TM    TRMFLAGS,TRMF3270
         BZ    TRMR910
         MVI   TRMRCCW,X'06'       3270: read modified
         MVC   TRMRCCW+6(2),=AL2(L'TRMINBUF)
TRMR910  LR    R1,R4
         CPCALL IOSSTART
         CPEXIT RC=0
         DROP  R2,R4
         LTORG
*---------------------------------------------------------------------*
* TRMRDONE - completion of a terminal read (interruption level).      *
* Notes the length read and queues TRMLINE to handle it at top level. *
* A read that failed (unit check: the client went away) is dropped.   *
* In: R1 -> IOBLOK (TRMRIOB).  Registers: R0 R1 R14 R15.              *
*---------------------------------------------------------------------*
TRMRDONE CPENTRY
         USING IOBLOK,R1
         L     R2,IOBPARM
         USING TRMBLOK,R2
         TM    IOBCSW+4,X'80'      an attention came with it: the
         BZ    TRMRD05             user typed again, read again
         OI    TRMFLAGS,TRMFAGN
TRMRD05  TM    IOBFLAGS,IOBFERR
         BO    TRMRD20
         LH    R3,TRMRCCW+6        count - residual
         SH    R3,IOBCSW+6
         BNM   TRMRD10
         SR    R3,R3
TRMRD10  STH   R3,TRMINLEN
         DROP  R1
         L     R1,=A(TRMLINE)
         LR    R0,R2
         CPCALL CPEXQ
         CPEXIT RC=0
TRMRD20  NI    TRMFLAGS,255-TRMFREAD-TRMFAGN
         CLI   TRMSTATE,TRMSUSER   the client of a user went away
         BNE   TRMRD30
         TM    TRMFLAGS,TRMFOPER
         BO    TRMRD30
         L     R1,=A(LGNDROP)
         LR    R0,R2
         CPCALL CPEXQ
TRMRD30  CPEXIT RC=0
         DROP  R2
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMLINE - handle what a terminal read brought (top level, queued    *
* by TRMRDONE).  3270: the AID first (PA1, PA2, Clear, Enter, PF),    *
* then the text of the input field; 3215: the text.                   *
* In: R0 (and R1) -> TRMBLOK.  Registers: R0 R1 R14 R15.              *
*---------------------------------------------------------------------*
TRMLINE  CPENTRY
         LR    R2,R0
         USING TRMBLOK,R2
         LA    R4,TRMINBUF         R4 -> text, R5 = its length
         LH    R5,TRMINLEN
         TM    TRMFLAGS,TRMF3270
         BZ    TRML300
         LTR   R5,R5               3270: the AID
         BZ    TRML900
         CLI   0(R4),X'6C'         PA1: CP mode
         BE    TRML100
         CLI   0(R4),X'6E'         PA2: clear the output area
         BE    TRML110
         CLI   0(R4),X'6D'         CLEAR
         BE    TRML110
         LA    R4,3(,R4)           AID and cursor address (Enter;
*                                  the PF keys are taken as Enter)
         SH    R5,=H'3'
         BNP   TRML150             no field modified
         CLI   0(R4),X'11'         SBA of the input field
         BNE   TRML200
         LA    R4,3(,R4)
         SH    R5,=H'3'
         BP    TRML200
TRML150  SR    R5,R5
         B     TRML200
TRML100  CPCALL TRMFREE            3270 PA1: like attention
         CPCALL TRMATKEY
         LA    R1,TRMRESTK         (the keyboard back, if the status
         LA    R0,1                does not change)
         LA    R3,X'01'            Write
         CPCALL TRMSIO
         B     TRML900
TRML110  CPCALL TRMFREE            PA2, Clear: next screen
         CPCALL TRMCLEAR
         B     TRML900
TRML200  LR    R1,R4               copy out of the read buffer
         LR    R0,R5
         CPCALL TRMTAKE            R1 -> copy, R0 = length
         LR    R4,R1
         LR    R5,R0
         LA    R1,TRMEAU           the input field empty again
         LA    R0,1
         LA    R3,X'0F'            Erase All Unprotected
         CPCALL TRMSIO
         LTR   R5,R5               an empty line while MORE...:
         BNZ   TRML210             HOLDING (and back)
         TM    TRMFLAGS,TRMFMORE
         BZ    TRML400
         XI    TRMFLAGS,TRMFHOLD
         CPCALL TRMMOROF           HOLDING waits for the user;
         TM    TRMFLAGS,TRMFHOLD   MORE... again: TRMMORET seconds
         BO    TRML205             from now
         CPCALL TRMMORON
TRML205  CPCALL TRMSHOW
         B     TRML900
TRML210  CLI   TRMSTATE,TRMSPASS   the line typed, in the output area
         BE    TRML400             (not the password)
         LR    R1,R4
         LR    R0,R5
         CPCALL TRMPUT
         B     TRML400
TRML300  LR    R1,R4               3215
         LR    R0,R5
         CPCALL TRMTAKE
         LR    R4,R1
         LR    R5,R0
         LTR   R5,R5               an empty line while the VM runs:
         BNZ   TRML400             the attention key
         L     R3,TRMVMB
         LTR   R3,R3
         BZ    TRML400
         USING VMBLOK,R3
         TM    VMBSTATE,VMBSCPMD
         BO    TRML400
         TM    VMBTFLG,VMBTVRD
         BO    TRML400
         DROP  R3
         CPCALL TRMATKEY
         B     TRML900
TRML400  LTR   R5,R5               an empty line, no user: the
         BNZ   TRML410             logo again
         CLI   TRMSTATE,TRMSLOGO
         BNE   TRML410
         CPCALL TRMLOGO
         B     TRML900
TRML410  LR    R1,R4               a line of text
         LR    R0,R5
         CPCALL TRMTEXT
TRML900  CPCALL TRMSHOW
         CPEXIT RC=0
         DROP  R2
TRMEAU   DC    X'00'
TRMRESTK DC    X'C2'               WCC: restore the keyboard
         LTORG
*---------------------------------------------------------------------*
* TRMTAKE - copy the line read to TRMLNBUF and let the terminal read  *
* again (an attention that came meanwhile starts the next read).      *
* In: R2 -> TRMBLOK, R1 -> text, R0 = length.  Out: R1 -> TRMLNBUF,   *
* R0 = length (at most 255).  Registers: R0 R1 R14 R15.               *
*---------------------------------------------------------------------*
TRMTAKE  CPENTRY
         USING TRMBLOK,R2
         LR    R4,R0
         LA    R6,TRMLNBUF
         LTR   R4,R4
         BZ    TRMT010
         BCTR  R4,0
         EX    R4,TRMTMVC
         LA    R4,1(,R4)
TRMT010  NI    TRMFLAGS,255-TRMFREAD
         TM    TRMFLAGS,TRMFAGN
         BZ    TRMT020
         NI    TRMFLAGS,255-TRMFAGN
         CPCALL TRMREAD
TRMT020  LR    R1,R6
         LR    R0,R4
         CPEXIT RC=0
TRMTMVC  MVC   0(0,R6),0(R1)
         DROP  R2
TRMLNBUF DS    CL256
         LTORG
*---------------------------------------------------------------------*
* TRMFREE - the read is done with (3270 AIDs that carry no text).     *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMFREE  CPENTRY
         LA    R1,TRMFRX
         SR    R0,R0
         CPCALL TRMTAKE
         CPEXIT RC=0
TRMFRX   DS    C
         EJECT
*---------------------------------------------------------------------*
* TRMATKEY - the attention key (3270 PA1, 3215 empty line while the   *
* VM runs): the VM stops in CP mode.  No user: nothing.               *
* In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMATKEY CPENTRY
         USING TRMBLOK,R2
         L     R11,TRMVMB
         LTR   R11,R11
         BZ    TRMK090
         USING VMBLOK,R11
         TM    VMBSTATE,VMBSCPMD
         BO    TRMK090             in CP mode already
         CPCALL VMSTOP
TRMK090  CPEXIT RC=0
         DROP  R2,R11
         LTORG
*---------------------------------------------------------------------*
* TRMTEXT - a line of text typed on a terminal: to the LOGON          *
* dialogue, a CP command, or the guest's console read.                *
* In: R2 -> TRMBLOK, R1 -> text, R0 = length.                         *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
TRMTEXT  CPENTRY
         USING TRMBLOK,R2
         LR    R4,R1
         LR    R5,R0
         L     R1,=A(TRMCURT)      CP's answers go to this terminal
         ST    R2,0(,R1)
         CLI   TRMSTATE,TRMSPASS
         BNE   TRMX010
         LR    R1,R4               the password
         LR    R0,R5
         CPCALL LGNPASS
         B     TRMX090
TRMX010  L     R11,TRMVMB
         LTR   R11,R11
         BZ    TRMX050             no user: a command (LOGON)
         USING VMBLOK,R11
         C     R5,=F'4'            "#CP command" in any mode
         BL    TRMX020
         CLC   0(3,R4),=C'#CP'
         BE    TRMX015
         CLC   0(3,R4),=C'#cp'
         BNE   TRMX020
TRMX015  CLI   3(R4),C' '
         BNE   TRMX020
         LA    R4,4(,R4)
         SH    R5,=H'4'
         B     TRMX050
TRMX020  TM    VMBSTATE,VMBSCPMD
         BO    TRMX050             CP READ: a command
         NI    VMBTFLG,255-VMBTVRD VM READ or RUNNING: to the guest's
         LR    R1,R4               console (a line that comes before
         LR    R0,R5               its read: attention, kept)
         CPCALL VCNINPUT
         B     TRMX090
TRMX050  LR    R6,R4               CP commands: '#' ends one (the
         LR    R7,R5               logical line end of VM/370)
TRMX060  LTR   R7,R7
         BNP   TRMX070
         CLI   0(R6),C'#'
         BE    TRMX070
         LA    R6,1(,R6)
         BCTR  R7,0
         B     TRMX060
TRMX070  LR    R1,R4               R4 -> this command, R6 -> its end
         LR    R0,R6
         SR    R0,R4
         CPCALL CMDEXEC
         LTR   R7,R7               another after the '#'?
         BNP   TRMX090
         LA    R4,1(,R6)
         LR    R5,R7
         BCTR  R5,0
         CLI   TRMSTATE,TRMSPASS   not after LOGON (the password
         BE    TRMX090             comes next), LOGOFF, DISCONNECT
         C     R11,TRMVMB
         BNE   TRMX090
         LTR   R11,R11
         BZ    TRMX050
         TM    VMBSTATE,VMBSLOGF
         BZ    TRMX050
TRMX090  L     R1,=A(TRMCURT)
         XC    0(4,R1),0(R1)
         CPEXIT RC=0
         DROP  R2,R11
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRMWRITE - write a line for a user: on the user's terminal; into    *
* the DIAG 08 response buffer while the guest's command runs; lost    *
* while the user is disconnected (as VM/370 did without SPOOL         *
* CONSOLE).  R11 = 0: on the terminal whose line CP is handling, else *
* the operator's console.                                             *
* In: R11 -> VMBLOK or 0, R1 -> text (EBCDIC), R0 = length.           *
* Out: R15 = 0.  Registers: R0 R1 R14 R15.                            *
*---------------------------------------------------------------------*
TRMWRITE CPENTRY
         LTR   R11,R11
         BNZ   TRMWR10
         L     R2,=A(TRMCURT)
         ICM   R2,15,0(R2)
         BNZ   TRMWR30
         L     R2,=A(TRMOPTB)
         ICM   R2,15,0(R2)
         BNZ   TRMWR30
         CPEXIT RC=0               no console at all (early IPL)
TRMWR10  DS    0H
         USING VMBLOK,R11
         ICM   R3,15,VMBD8BUF      DIAG 08 response wanted?
         BZ    TRMWR20
         CPCALL TRMD8PUT
         CPEXIT RC=0
TRMWR20  ICM   R3,15,VMBRDEV
         BNZ   TRMWR25
         CPCALL TRMKEEP            disconnected: kept for RECONNECT
         CPEXIT RC=0
TRMWR25  DS    0H
         USING RDEV,R3
         ICM   R2,15,RDVTERM
         BZ    TRMWR90
         DROP  R3,R11
TRMWR30  LR    R4,R1
         LR    R5,R0
         CPCALL TRMPACE            not too many lines at once
         LR    R1,R4
         LR    R0,R5
         CPCALL TRMPUT
TRMWR90  CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* TRMD8PUT - append a line to the DIAG 08 response buffer: the text   *
* and X'15' (new line) after every line but the first's predecessor.  *
* What does not fit is only counted (DIAG08 tells the guest).         *
* In: R11 -> VMBLOK, R1 -> text, R0 = length.  Registers: R0 R1 R14   *
* R15.                                                                *
*---------------------------------------------------------------------*
TRMD8PUT CPENTRY
         USING VMBLOK,R11
         LR    R4,R1
         LR    R5,R0
         L     R6,VMBD8LEN         bytes so far
         LTR   R6,R6
         BZ    TRM8010
         LA    R1,=X'15'           a new line between lines
         LA    R0,1
         CPCALL TRM8ADD
TRM8010  LR    R1,R4
         LR    R0,R5
         CPCALL TRM8ADD
         CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* TRM8ADD - bytes to the DIAG 08 buffer (or only counted when full).  *
* In: R11 -> VMBLOK, R1 -> bytes, R0 = count.  Registers: R0 R1 R14   *
* R15.                                                                *
*---------------------------------------------------------------------*
TRM8ADD  CPENTRY
         USING VMBLOK,R11
         L     R6,VMBD8LEN
         LR    R7,R6
         AR    R7,R0
         ST    R7,VMBD8LEN         counted in any case
         L     R7,VMBD8MAX
         SR    R7,R6               room left
         BNP   TRM8090
         CR    R7,R0
         BNH   TRM8020
         LR    R7,R0
TRM8020  L     R8,VMBD8BUF
         AR    R8,R6
         LR    R9,R7
         LR    R14,R1
         LR    R15,R7
         MVCL  R8,R14
TRM8090  CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* TRMOPER - write a line on the operator's console.                   *
* In: R1 -> text, R0 = length.  Registers: R0 R1 R14 R15.             *
*---------------------------------------------------------------------*
TRMOPER  CPENTRY
         L     R2,=A(TRMOPTB)
         ICM   R2,15,0(R2)
         BZ    TRMO090
         CPCALL TRMPUT
TRMO090  CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* TRMVREAD - the guest's virtual console wants a line: VM READ.  The  *
* next line typed goes to VCNINPUT (TRMTEXT).                         *
* In: R11 -> VMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMVREAD CPENTRY
         USING VMBLOK,R11
         OI    VMBTFLG,VMBTVRD
         CPCALL TRMFIND
         LTR   R15,R15
         BNZ   TRMV090             disconnected: it waits
         LR    R2,R1
         CPCALL TRMSHOW            VM READ
TRMV090  CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* TRMFIND - the TRMBLOK of a user's terminal.                         *
* In: R11 -> VMBLOK.  Out: R1 -> TRMBLOK, or R15 = 4 (disconnected).  *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
TRMFIND  CPENTRY
         USING VMBLOK,R11
         ICM   R1,15,VMBRDEV
         BZ    TRMF090
         USING RDEV,R1
         ICM   R1,15,RDVTERM
         BZ    TRMF090
         CPEXIT RC=0
TRMF090  CPEXIT RC=4
         DROP  R1,R11
         LTORG
*---------------------------------------------------------------------*
* TRMINPF - 3270: set the input field's attribute: X'40' normal,      *
* X'4C' non-display (the password), and put the cursor in it.         *
* In: R2 -> TRMBLOK, R0 = attribute byte.  Registers: R0 R1 R14 R15.  *
*---------------------------------------------------------------------*
TRMINPF  CPENTRY
         USING TRMBLOK,R2
         NI    TRMFLAGS,255-TRMFNODS
         STC   R0,TRMIPFA
         CLI   TRMIPFA,X'40'
         BE    TRMIP10
         OI    TRMFLAGS,TRMFNODS
TRMIP10  LA    R1,TRMIPFS
         LA    R0,TRMIPFL
         LA    R3,X'01'            Write
         CPCALL TRMSIO
         CPEXIT RC=0
         DROP  R2
TRMIPFS  DC    X'C2'               WCC: restore the keyboard
         TRMSBA &TRMINFA
         DC    X'1D'               SF
TRMIPFA  DC    X'40'               the attribute
         TRMSBA &TRMINP
         DC    X'13'               IC
TRMIPFL  EQU   *-TRMIPFS
         LTORG
*---------------------------------------------------------------------*
* TRMDRAIN - wait until every terminal has written what was queued    *
* for it (SHUTDOWN): a no-operation CCW behind the writes of each     *
* terminal, waited for with IOSWAIT (requests run in order).          *
* In: -.  Registers: R0 R1 R14 R15.                                   *
*---------------------------------------------------------------------*
TRMDRAIN CPENTRY
         L     R2,=A(TRMCHAIN)
         L     R2,0(,R2)
         USING TRMBLOK,R2
TRMDR10  LTR   R2,R2
         BZ    TRMDR90
         XC    TRMDRIOB,TRMDRIOB
         LA    R1,TRMDRIOB
         USING IOBLOK,R1
         MVC   IOBRDEV,TRMRDEV
         LA    R0,TRMDRCCW
         ST    R0,IOBCCW
         DROP  R1
         CPCALL IOSWAIT
         L     R2,TRMNEXT
         B     TRMDR10
TRMDR90  CPEXIT RC=0
         DROP  R2
         DS    0D
TRMDRCCW CCW   X'03',0,X'20',1     no-operation
TRMDRIOB DS    XL(IOBLEN)
         LTORG
*---------------------------------------------------------------------*
* TRMKEEP - keep a line written while the user is disconnected: at    *
* most TRMMAXKP lines (a guest writing on and on must not eat CP's    *
* storage); later ones are counted, and RECONNECT says how many.      *
* In: R11 -> VMBLOK, R1 -> text, R0 = length.  Registers: R0 R1 R14   *
* R15.                                                                *
*---------------------------------------------------------------------*
TRMKEEP  CPENTRY
         USING VMBLOK,R11
         LR    R4,R1
         LR    R5,R0
         L     R6,VMBDSCN
         C     R6,=A(TRMMAXKP)
         BL    TRMKP10
         L     R6,VMBDSCX          too many: count it
         LA    R6,1(,R6)
         ST    R6,VMBDSCX
         CPEXIT RC=0
TRMKP10  LA    R6,1(,R6)
         ST    R6,VMBDSCN
         LA    R0,TRKSIZE
         CPCALL FREEGET
         USING TRMKEPT,R1
         C     R5,=A(L'TRKTEXT)
         BNH   TRMKP20
         LA    R5,L'TRKTEXT
TRMKP20  STH   R5,TRKLEN
         LTR   R5,R5
         BZ    TRMKP30
         BCTR  R5,0
         EX    R5,TRMKPMVC
TRMKP30  L     R6,VMBDSCL          at the end of the queue
         ST    R1,VMBDSCL
         LTR   R6,R6
         BNZ   TRMKP40
         ST    R1,VMBDSCF
         CPEXIT RC=0
TRMKP40  ST    R1,TRKNEXT-TRMKEPT(,R6)
         CPEXIT RC=0
TRMKPMVC MVC   TRKTEXT(0),0(R4)
         DROP  R1,R11
         LTORG
*---------------------------------------------------------------------*
* TRMREPLY - RECONNECT: the lines kept while the user was             *
* disconnected go to the terminal now (and how many were lost).       *
* Also used at LOGOFF, with VMBRDEV 0, to free them.                  *
* In: R11 -> VMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
TRMREPLY CPENTRY
         USING VMBLOK,R11
         L     R4,VMBDSCF
         L     R5,VMBDSCX          lines lost
         XC    VMBDSCF,VMBDSCF
         XC    VMBDSCL,VMBDSCL
         XC    VMBDSCN,VMBDSCN
         XC    VMBDSCX,VMBDSCX
TRMRP10  LTR   R4,R4
         BZ    TRMRP30
         USING TRMKEPT,R4
         LA    R1,TRKTEXT
         LH    R0,TRKLEN
         ICM   R2,15,VMBRDEV       (none at LOGOFF: only freed)
         BZ    TRMRP20
         CPCALL TRMWRITE
TRMRP20  LR    R1,R4
         L     R4,TRKNEXT
         LA    R0,TRKSIZE
         CPCALL FREERET
         B     TRMRP10
TRMRP30  LTR   R1,R5               and how many were lost
         BZ    TRMRP90
         ICM   R2,15,VMBRDEV
         BZ    TRMRP90
         LA    R2,TRMRPLST
         LA    R0,5
         CPCALL CMDDEC
         LA    R1,TRMRPLST
         LA    R0,L'TRMRPLST
         CPCALL TRMWRITE
TRMRP90  CPEXIT RC=0
         DROP  R4,R11
TRMRPLST DC    C'00000 LINES LOST WHILE DISCONNECTED'
         LTORG
*---------------------------------------------------------------------*
* TRMPACE - a command or a guest that writes faster than the terminal *
* shows must not fill CP's free storage with waiting writes: with     *
* TRMMAXQ of them on their way, wait (IOSWAIT) for a no-operation     *
* queued behind them, i.e. until they are all written.  Top level     *
* only (IOSWAIT).  In: R2 -> TRMBLOK.  Registers: R0 R1 R14 R15.      *
*---------------------------------------------------------------------*
TRMPACE  CPENTRY
         USING TRMBLOK,R2
         LH    R3,TRMNOUT
         C     R3,=A(TRMMAXQ)
         BL    TRMPA90
         XC    TRMQIOB,TRMQIOB
         LA    R1,TRMQIOB
         USING IOBLOK,R1
         MVC   IOBRDEV,TRMRDEV
         LA    R0,TRMQCCW
         ST    R0,IOBCCW
         DROP  R1
         MVC   TRMQCCW,TRMPANOP
         CPCALL IOSWAIT
TRMPA90  CPEXIT RC=0
         DROP  R2
         DS    0D
TRMPANOP CCW   X'03',0,X'20',1     no-operation
         LTORG
