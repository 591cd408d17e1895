*---------------------------------------------------------------------*
* IOS - the real I/O supervisor.  Every real I/O CP does (terminals,  *
* paging, the directory, spooling, the guests' minidisks) is an       *
* IOBLOK handed to IOSSTART.  The requests for one device wait on its *
* RDEV in order and IOS starts the first with SIO when the device is  *
* free; the answer comes either at once (the SIO condition code, a    *
* CSW stored) or later as an I/O interruption, which the I/O new PSW  *
* sends to IOSINT.  Either way the ending status goes into the        *
* IOBLOK, a unit check is followed by a SENSE into IOBSENSE, and the  *
* request's completion routine (IOBDONE) runs.  IOSWAIT is the one    *
* place besides the dispatcher's wait where CP opens itself to        *
* interruptions: it waits, enabled for I/O only, until its IOBLOK is  *
* done.  Prefix IOS.                                                  *
*                                                                     *
* Status bits (GA22-7000, "Channel status word"): unit status in CSW  *
* byte 4, channel status in byte 5 - the IOSU... and IOSC... EQUs.    *
*---------------------------------------------------------------------*
IOS      CSECT
IOSUATTN EQU   X'80'               attention
IOSUSM   EQU   X'40'               status modifier
IOSUCUE  EQU   X'20'               control unit end
IOSUBUSY EQU   X'10'               busy
IOSUCE   EQU   X'08'               channel end
IOSUDE   EQU   X'04'               device end
IOSUUC   EQU   X'02'               unit check
IOSUUE   EQU   X'01'               unit exception
IOSCPCI  EQU   X'80'               program-controlled interruption
IOSCIL   EQU   X'40'               incorrect length
IOSCERR  EQU   X'3F'               program, protection, data, control,
*                                  interface and chaining checks
         USING PSA,0
*---------------------------------------------------------------------*
* IOSINIT - build the RDEVs of the real configuration (RIOTAB), test  *
* every device with TIO (cc 3: offline; IOSTELL tells the operator),  *
* read the VOL1 label of every DASD for its volume serial.  Sets the  *
* I/O new PSW to IOSINT.                                              *
* In: nothing.  Out: IOSRDEVQ -> the first RDEV.  Called by CPINIT   *
* with CP disabled, before the terminals are ready.                  *
*---------------------------------------------------------------------*
IOSINIT  CPENTRY
         MVC   PSAIONW,IOSNEWIO    I/O interruptions go to IOSINT
         L     R7,=A(RIOTAB)
         L     R8,=A(RIOTABN)
         L     R8,0(,R8)           lines in the table
         USING RIOENTRY,R7
IOSIL1   LH    R9,RIOCOUNT         devices on this line
         LH    R6,RIOADDR          first address
IOSIL2   LR    R1,R7
         LR    R2,R6
         CPCALL IOSMKDEV           build one RDEV
         LA    R6,1(,R6)
         BCT   R9,IOSIL2
         LA    R7,RIOLEN(,R7)
         BCT   R8,IOSIL1
         DROP  R7
         L     R4,IOSRDEVQ         now test them, in table order
         USING RDEV,R4
IOSIL3   LTR   R4,R4
         BZ    IOSIEND
         CPCALL IOSPROBE
         L     R4,RDVNEXT
         B     IOSIL3
IOSIEND  CPCALL SPLINIT            the spool area's slot map
         L     R1,=A(IOSTELL)      the operator hears of devices that
         SR    R0,R0               did not answer once CP runs (the
         CPCALL CPEXQ              console is not ready yet)
         CPEXIT RC=0
         DROP  R4
*---------------------------------------------------------------------*
* IOSMKDEV - get one RDEV and chain it at the end of IOSRDEVQ.        *
* In: R1 -> RIO line, R2 = device address.  Uses R0 R1 R3 R15.        *
*---------------------------------------------------------------------*
IOSMKDEV CPENTRY
         LR    R3,R1
         LA    R0,RDVLEN
         CPCALL FREEGET            R1 -> zeroed RDEV
         USING RDEV,R1
         USING RIOENTRY,R3
         STH   R2,RDVADDR
         MVC   RDVTYPE,RIOTYPE
         MVC   RDVCLASS,RIOCLASS
         MVC   RDVVOLID,=CL6' '
         DROP  R1,R3
         L     R15,IOSRDEVT        append to the chain
         LTR   R15,R15
         BNZ   IOSMK1
         ST    R1,IOSRDEVQ
         B     IOSMK2
IOSMK1   ST    R1,RDVNEXT-RDEV(,R15)
IOSMK2   ST    R1,IOSRDEVT
         CPEXIT RC=0
*---------------------------------------------------------------------*
* IOSPROBE - is the device there?  TIO: cc 3 marks it offline (the   *
* operator hears of it from IOSTELL); any other answer means it is   *
* there (cc 1 took a pending status away, which nobody waits for at  *
* IPL).  A DASD then has its VOL1 label read for the volume serial.  *
* In: R4 -> RDEV.  Uses R0 R1 R2 R14 R15.                             *
*---------------------------------------------------------------------*
IOSPROBE CPENTRY
         USING RDEV,R4
         LH    R2,RDVADDR
         TIO   0(R2)
         BC    1,IOSPROFF          cc 3: not operational
         TM    RDVCLASS,RDVCDASD
         BZ    IOSPREND
         CPCALL IOSVOL1
         B     IOSPREND
IOSPROFF OI    RDVFLAGS,RDVFOFFL   (IOSTELL tells the operator)
IOSPREND CPEXIT RC=0
         DROP  R4
*---------------------------------------------------------------------*
* IOSVOL1 - read the VOL1 label (cylinder 0, head 0, record 3) of a   *
* DASD into RDVVOLID: Seek, Search ID Equal, TIC back, Read Data.     *
* An unreadable label leaves the volser blank (IOSTELL says so).     *
* In: R4 -> RDEV.  Uses R0 R1 R2 R14 R15.                             *
*---------------------------------------------------------------------*
IOSVOL1  CPENTRY
         USING RDEV,R4
         XC    IOSVIOB(IOBLEN),IOSVIOB
         LA    R1,IOSVIOB
         USING IOBLOK,R1
         ST    R4,IOBRDEV
         LA    R2,IOSVCCW
         ST    R2,IOBCCW
         DROP  R1
         CPCALL IOSWAIT
         LTR   R15,R15
         BNZ   IOSVOERR
         CLC   IOSVDATA(4),=C'VOL1'
         BNE   IOSVOERR
         MVC   RDVVOLID,IOSVDATA+4
         B     IOSVOEND
IOSVOERR DS    0H                  (blank: IOSTELL tells the operator)
IOSVOEND CPEXIT RC=0
         DROP  R4
*---------------------------------------------------------------------*
* IOSTELL - tell the operator which devices did not answer at IPL     *
* ("DMKIOS950I DEV ccu NOT OPERATIONAL, OFFLINE") and which DASDs     *
* have no VOL1 label ("DMKIOS951I DEV ccu HAS NO VOL1 LABEL").  Run   *
* at top level (CPEXQ from IOSINIT): by then the console is ready.   *
* In: -.  Out: R15 = 0.  Registers: R0 R1 R14 R15.                    *
*---------------------------------------------------------------------*
IOSTELL  CPENTRY
         L     R4,IOSRDEVQ
         USING RDEV,R4
IOSTL1   LTR   R4,R4
         BZ    IOSTLEND
         LA    R3,IOSM950
         LA    R5,IOSM950L
         TM    RDVFLAGS,RDVFOFFL
         BO    IOSTL2
         TM    RDVCLASS,RDVCDASD
         BZ    IOSTL3
         CLI   RDVVOLID,C' '
         BNE   IOSTL3
         LA    R3,IOSM951
         LA    R5,IOSM951L
IOSTL2   LH    R1,RDVADDR
         LA    R0,3
         LA    R2,15(,R3)          "DMKIOSnnnI DEV " is 15
         CPCALL IOSHEX
         LR    R1,R3
         LR    R0,R5
         CPCALL TRMOPER
IOSTL3   L     R4,RDVNEXT
         B     IOSTL1
IOSTLEND CPEXIT RC=0
         DROP  R4
*---------------------------------------------------------------------*
* IOSSTART - queue a real I/O request and start it if its device is   *
* free.  Returns at once; IOBFLAGS shows IOBFDONE when it has ended,  *
* and IOBDONE (if not 0) is called then, with R1 -> IOBLOK.  On an    *
* offline device the request ends at once in error (IOBDONE runs     *
* before IOSSTART returns).                                          *
* In: R1 -> IOBLOK (IOBRDEV, IOBCCW, IOBDONE, IOBPARM set).           *
* Out: R15 = 0.                                                      *
*---------------------------------------------------------------------*
IOSSTART CPENTRY
         LR    R5,R1
         USING IOBLOK,R5
         L     R4,IOBRDEV
         USING RDEV,R4
         XC    IOBNEXT,IOBNEXT
         MVI   IOBFLAGS,0
         XC    IOBCSW,IOBCSW
         LA    R1,RDVIOQ           find the end of the queue
IOSST1   ICM   R2,15,0(R1)         (IOBNEXT is at +0 like RDVIOQ)
         BZ    IOSST2
         LR    R1,R2
         B     IOSST1
IOSST2   ST    R5,0(,R1)
         CPCALL IOSTRY             start it if it is the first
         CPEXIT RC=0
         DROP  R4,R5
*---------------------------------------------------------------------*
* IOSWAIT - start a request and wait for it.  The wait is the one    *
* place outside the dispatcher where CP is enabled: for I/O only, so  *
* other devices' interruptions are handled meanwhile (IOSINT comes   *
* back to IOSWLOOP with our registers as they were).                 *
* In: R1 -> IOBLOK.  Out: R15 = 0 ended, 4 ended in error (CSW and    *
* sense in the IOBLOK).  Must not be called at interruption level     *
* (from an IOBDONE routine or TRMATTN).                              *
*---------------------------------------------------------------------*
IOSWAIT  CPENTRY
         LR    R5,R1
         USING IOBLOK,R5
         CPCALL IOSSTART
IOSWLOOP TM    IOBFLAGS,IOBFDONE
         BO    IOSW1
         LPSW  IOSWPSW             enabled wait, back at IOSWLOOP
IOSW1    TM    IOBFLAGS,IOBFERR
         BO    IOSW2
         CPEXIT RC=0
IOSW2    CPEXIT RC=4
         DROP  R5
*---------------------------------------------------------------------*
* RDEVFIND - find a real device.                                      *
* In: R0 = 0 and R1 = device address, or R0 = 1 and R1 -> CL6 volser  *
* (a DASD online with that label).                                   *
* Out: R1 -> RDEV and R15 = 0, or R15 = 4 not found.                  *
*---------------------------------------------------------------------*
RDEVFIND CPENTRY
         L     R2,IOSRDEVQ
         USING RDEV,R2
IOSF1    LTR   R2,R2
         BZ    IOSFNONE
         LTR   R0,R0
         BNZ   IOSF2
         CH    R1,RDVADDR
         BE    IOSFOUND
         B     IOSF3
IOSF2    TM    RDVCLASS,RDVCDASD   by volume serial
         BZ    IOSF3
         TM    RDVFLAGS,RDVFOFFL
         BO    IOSF3
         CLC   RDVVOLID,0(R1)
         BE    IOSFOUND
IOSF3    L     R2,RDVNEXT
         B     IOSF1
IOSFOUND LR    R1,R2
         CPEXIT RC=0
IOSFNONE CPEXIT RC=4
         DROP  R2
*---------------------------------------------------------------------*
* IOSINT - the I/O interruption handler: the I/O new PSW points here, *
* CP is disabled.  What was running is either a guest (the old PSW    *
* is in problem state) or CP itself in one of its enabled waits (the  *
* dispatcher's, IOSWAIT's): CP code never runs enabled otherwise.     *
* INTENTRY (cpcore's convention, macros/intentry.mac) saves that      *
* context; the interruption is handled (IOSDEVIN), requests that      *
* found their device busy are tried again, and INTEXIT goes on: to    *
* the dispatcher if a guest was running, else back to the waiting CP  *
* code, disabled, at the address of its wait PSW - so a wait is a    *
* loop "test; LPSW waitpsw" with the wait PSW pointing at the test.  *
*---------------------------------------------------------------------*
         ENTRY IOSINT
IOSINT   INTENTRY PSAIOOL
         BALR  R12,0
         USING *,R12
         LH    R1,PSAIODEV
         CPCALL IOSDEVIN
         CPCALL IOSRETRY
         INTEXIT PSAIOOL
         DROP  R12
*---------------------------------------------------------------------*
* IOSDEVIN - one I/O interruption: device address R1, CSW at X'40'.   *
* Ends the running SENSE, or gives the status to the started request *
* (solicited: channel end, device end, unit check or exception, a     *
* channel error), or treats it as unsolicited (attention, a device   *
* end that says "I am ready now").                                   *
* In: R1 = device address.  Out: R15 = 0.  Registers: R0 R1 R14       *
* R15.                                                                *
*---------------------------------------------------------------------*
IOSDEVIN CPENTRY
         SR    R0,R0
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   IOSDVNOT            not ours: nothing to do
         LR    R4,R1
         USING RDEV,R4
         L     R5,RDVIOQ
         USING IOBLOK,R5
         TM    RDVFLAGS,RDVFSNS
         BO    IOSDVSNS
         LTR   R5,R5
         BZ    IOSDVUNS
         TM    IOBFLAGS,IOBFSTRT
         BZ    IOSDVUNS
         TM    PSACSW+4,IOSUCE+IOSUDE+IOSUUC+IOSUUE
         BNZ   IOSDVSOL
         TM    PSACSW+5,X'FF'-IOSCPCI
         BZ    IOSDVUNS            attention while it works, say
IOSDVSOL CPCALL IOSSTAT
         B     IOSDVEND
IOSDVSNS NI    RDVFLAGS,X'FF'-RDVFSNS  the SENSE ended: so does the
         CPCALL IOSDONE            request that had the unit check
         B     IOSDVEND
IOSDVUNS CPCALL IOSUNSOL
IOSDVEND CPCALL IOSTRY             start what waits for the device
IOSDVNOT CPEXIT RC=0
         DROP  R4,R5
*---------------------------------------------------------------------*
* IOSSTAT - ending status for the started request: CSW at X'40'.     *
* The status of a channel end and a later device end accumulate in   *
* IOBCSW; the CCW address and count come from the one with channel   *
* end.  The request ends on device end, unit exception or a channel  *
* error; a unit check starts a SENSE first.                           *
* In: R4 -> RDEV, R5 -> IOBLOK (first on RDVIOQ).                     *
*---------------------------------------------------------------------*
IOSSTAT  CPENTRY
         USING RDEV,R4
         USING IOBLOK,R5
         TM    PSACSW+4,IOSUCE
         BO    IOSSTA1
         TM    PSACSW+5,X'FF'
         BZ    IOSSTA2
IOSSTA1  MVC   IOBCSW(4),PSACSW    CCW address
         MVC   IOBCSW+6(2),PSACSW+6 residual count
IOSSTA2  OC    IOBCSW+4(2),PSACSW+4 status accumulates
         TM    PSACSW+4,IOSUUC
         BZ    IOSSTA3
         OI    IOBFLAGS,IOBFERR
         CPCALL IOSSENSE
         B     IOSSTEND
IOSSTA3  TM    IOBCSW+5,IOSCERR
         BZ    IOSSTA4
         OI    IOBFLAGS,IOBFERR
         CPCALL IOSDONE
         B     IOSSTEND
IOSSTA4  TM    IOBCSW+4,IOSUDE+IOSUUE
         BZ    IOSSTEND            channel end: device end to come
         CPCALL IOSDONE
IOSSTEND CPEXIT RC=0
         DROP  R4,R5
*---------------------------------------------------------------------*
* IOSSENSE - start a SENSE into IOBSENSE after a unit check; the      *
* request ends when it does (IOSDEVIN).  If it cannot start, the      *
* request ends now with the sense bytes zero.                         *
* In: R4 -> RDEV, R5 -> IOBLOK.  Uses R1 R2 R15.                      *
*---------------------------------------------------------------------*
IOSSENSE CPENTRY
         USING RDEV,R4
         USING IOBLOK,R5
         XC    IOBSENSE,IOBSENSE
         LA    R1,IOBSENSE
         ST    R1,RDVSNCCW         SENSE, IOBSENSE, SLI, 24 bytes
         MVI   RDVSNCCW,X'04'
         MVC   RDVSNCCW+4(4),=X'20000018'
         LA    R1,RDVSNCCW
         ST    R1,PSACAW           key 0
         LH    R2,RDVADDR
         SIO   0(R2)
         BNZ   IOSSN1
         OI    RDVFLAGS,RDVFSNS
         B     IOSSNEND
IOSSN1   CPCALL IOSDONE
IOSSNEND CPEXIT RC=0
         DROP  R4,R5
*---------------------------------------------------------------------*
* IOSUNSOL - status nobody asked for: from a terminal (attention, or  *
* device end when a client connects) it goes to TRMATTN; device end   *
* from a card reader means the operator loaded a deck, which the      *
* spooler reads at top level (SPLRDRIN through CPEXQ).                *
* In: R4 -> RDEV, unit status at X'44'.                               *
*---------------------------------------------------------------------*
IOSUNSOL CPENTRY
         USING RDEV,R4
         MVC   RDVUSTAT,PSACSW+4
         TM    RDVCLASS,RDVCTERM
         BZ    IOSUN1
         LR    R1,R4
         CPCALL TRMATTN
         B     IOSUNEND
IOSUN1   CLC   RDVTYPE,=X'3505'
         BNE   IOSUNEND
         TM    RDVUSTAT,IOSUDE
         BZ    IOSUNEND
         L     R1,=A(SPLRDRIN)
         LR    R0,R4
         CPCALL CPEXQ
IOSUNEND CPEXIT RC=0
         DROP  R4
*---------------------------------------------------------------------*
* IOSDONE - the first request of the device has ended: take it off    *
* the queue, mark it done, call its IOBDONE routine.  The caller      *
* starts the next request (IOSTRY).                                   *
* In: R4 -> RDEV, R5 -> IOBLOK (the first).                           *
*---------------------------------------------------------------------*
IOSDONE  CPENTRY
         USING RDEV,R4
         USING IOBLOK,R5
         MVC   RDVIOQ,IOBNEXT
         OI    IOBFLAGS,IOBFDONE
         NI    IOBFLAGS,X'FF'-IOBFSTRT
         ICM   R15,15,IOBDONE
         BZ    IOSDN1
         LR    R1,R5
         BALR  R14,R15
IOSDN1   CPEXIT RC=0
         DROP  R4,R5
*---------------------------------------------------------------------*
* IOSTRY - start the first request of a device if it is not running:  *
* cc 0 started; cc 1 with busy: a pending status was taken off (it is *
* handled as unsolicited) or the device is still moving (try again on *
* its device end); cc 1 with attention alone: the device had it       *
* pending (a terminal's user typed), so it is unsolicited too and the *
* SIO is tried again; cc 1 otherwise: the request ended at once, the  *
* CSW is its status; cc 2 the channel is busy: try again on the next  *
* interruption; cc 3 not operational: it ends in error.               *
* In: R4 -> RDEV.  Uses R1 R2 R5 R15 (R5 -> first IOBLOK or 0).       *
*---------------------------------------------------------------------*
IOSTRY   CPENTRY
         USING RDEV,R4
         USING IOBLOK,R5
IOSTR0   ICM   R5,15,RDVIOQ
         BZ    IOSTREND
         TM    IOBFLAGS,IOBFSTRT
         BO    IOSTREND
         TM    RDVFLAGS,RDVFSNS
         BO    IOSTREND
         NI    RDVFLAGS,X'FF'-RDVFRTRY
         TM    RDVFLAGS,RDVFOFFL
         BO    IOSTR3
         MVC   PSACAW,IOBCCW       key (byte 0), the channel program
         LH    R2,RDVADDR
         SIO   0(R2)
         BC    8,IOSTR0K
         BC    4,IOSTR1
         BC    2,IOSTR2
IOSTR3   OI    IOBFLAGS,IOBFERR    cc 3: not operational
         CPCALL IOSDONE
         B     IOSTR0              the next one, if any
IOSTR0K  OI    IOBFLAGS,IOBFSTRT
         B     IOSTREND
IOSTR1   TM    PSACSW+4,IOSUBUSY
         BZ    IOSTR1A
         NI    PSACSW+4,X'FF'-IOSUBUSY-IOSUSM
         CLI   PSACSW+4,0
         BE    IOSTR2              moving: wait for device end
IOSTR1U  CPCALL IOSUNSOL           a pending status: deal with it
         B     IOSTR0              and try again
IOSTR1A  CLC   PSACSW+4(2),=AL1(IOSUATTN,0)  attention alone: it was
         BE    IOSTR1U             pending, not our request's end
         OI    IOBFLAGS,IOBFSTRT   ended at once: the CSW says how
         CPCALL IOSSTAT
         TM    IOBFLAGS,IOBFDONE
         BO    IOSTR0              ended: the next one, if any
         TM    RDVFLAGS,RDVFSNS
         BO    IOSTREND
         OI    IOBFLAGS,IOBFERR    status without an end: give up
         CPCALL IOSDONE
         B     IOSTR0
IOSTR2   OI    RDVFLAGS,RDVFRTRY
IOSTREND CPEXIT RC=0
         DROP  R4,R5
*---------------------------------------------------------------------*
* IOSRETRY - after an interruption, try again the devices whose SIO   *
* found them busy.                                                    *
* In: -.  Out: R15 = 0.  Registers: R0 R1 R14 R15.                    *
*---------------------------------------------------------------------*
IOSRETRY CPENTRY
         L     R4,IOSRDEVQ
         USING RDEV,R4
IOSRT1   LTR   R4,R4
         BZ    IOSRTEND
         TM    RDVFLAGS,RDVFRTRY
         BZ    IOSRT2
         CPCALL IOSTRY
IOSRT2   L     R4,RDVNEXT
         B     IOSRT1
IOSRTEND CPEXIT RC=0
         DROP  R4
*---------------------------------------------------------------------*
* IOSHEX - a number in printable hex, for messages.                   *
* In: R1 = value, R0 = number of digits (1-8, the rightmost), R2 ->   *
* where they go.  Uses its own save area as work space.              *
*---------------------------------------------------------------------*
IOSHEX   CPENTRY
         ST    R1,8(,R13)
         UNPK  16(9,R13),8(5,R13)  one zoned digit per half byte
         LA    R3,IOSHEXT          translate X'F0'-X'FF' (zone F,
         SH    R3,=H'240'          digit = the half byte) by the
         TR    16(8,R13),0(R3)     table as if it started at X'F0'
         LA    R3,24(,R13)
         SR    R3,R0               the rightmost R0 digits
         LR    R1,R0
         BCTR  R1,0
         EX    R1,IOSHMVC
         CPEXIT RC=0
IOSHMVC  MVC   0(0,R2),0(R3)
IOSHEXT  DC    C'0123456789ABCDEF'
*---------------------------------------------------------------------*
* Data.                                                               *
*---------------------------------------------------------------------*
         ENTRY IOSRDEVQ
IOSRDEVQ DC    A(0)                -> first RDEV (chain RDVNEXT)
IOSRDEVT DC    A(0)                -> last RDEV
         DS    0D
IOSNEWIO DC    X'00080000',A(IOSINT)  EC, disabled, key 0
IOSWPSW  DC    X'020A0000',A(IOSWLOOP) EC, I/O only, wait
IOSVCCW  CCW   X'07',IOSVSEEK,X'40',6      seek cyl 0 head 0
IOSVSRCH CCW   X'31',IOSVSEEK+2,X'40',5    search ID equal R3
         CCW   X'08',IOSVSRCH,0,0          TIC back to the search
         CCW   X'06',IOSVDATA,X'20',80     read data, SLI
IOSVSEEK DC    XL2'0',XL4'0',X'03'         BB CCHH R
IOSVDATA DS    CL80
         DS    0D
IOSVIOB  DS    XL(IOBLEN)
IOSM950  DC    C'DMKIOS950I DEV ccu NOT OPERATIONAL, OFFLINE'
IOSM950L EQU   *-IOSM950
IOSM951  DC    C'DMKIOS951I DEV ccu HAS NO VOL1 LABEL'
IOSM951L EQU   *-IOSM951
         LTORG
         DROP  0
