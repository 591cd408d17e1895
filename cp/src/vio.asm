*---------------------------------------------------------------------*
* VIO - virtual I/O: the I/O instructions a guest executes, and the   *
* virtual IPL.                                                        *
*                                                                     *
* A guest runs in problem state, so SIO, SIOF, TIO, HIO, HDV, TCH,    *
* CLRIO and STIDC are privileged operations that trap to CP (privops  *
* hands them to VIOINST).  VIOINST does to the guest's virtual device *
* what the channel would have done to a real one, and sets the        *
* condition code in the virtual PSW (GA22-7000, chapter 13):          *
*   cc 0  started / available    cc 1  CSW stored at guest X'40'      *
*   cc 2  busy                   cc 3  not operational (no device)    *
* A started channel program is run by the code for the kind of       *
* device:                                                             *
*  - devices CP simulates (console, reader, punch, printer): VIOCHAN *
*    interprets the guest's CCWs itself, one command at a time,       *
*    calling the device's command routine (VCNCCW, SPLRCCW, SPLWCCW); *
*  - minidisks and dedicated devices: CCWTRANS copies and translates  *
*    the CCWs and the real device runs them.                          *
* Either way the ending status becomes a virtual CSW in VDVCSW and    *
* VINTIO (cpcore) queues the virtual I/O interruption, which the      *
* guest takes when its PSW and CR2 enable it.  Prefix VIO.            *
*---------------------------------------------------------------------*
VIOGENT  DSECT                     one CCW of a command (VIOGRP)
VIOGCCW  DS    D                   the CCW as the guest wrote it
VIOGADDR DS    A                   its guest address
VIOGDATA DS    A                   its data address
VIOGLEN  EQU   *-VIOGENT
VIO      CSECT
         USING PSA,0
VIOCSWA  EQU   X'40'               guest CSW
VIOCAWA  EQU   X'48'               guest CAW
VIOCHIDA EQU   X'A8'               guest channel ID (STIDC)
VIOIODVA EQU   X'BA'               guest I/O address (EC IPL)
*                                  CCW flags (GA22-7000)
VIOFCD   EQU   X'80'               chain data
VIOFCC   EQU   X'40'               chain command
VIOFSLI  EQU   X'20'               suppress length indication
VIOFSKIP EQU   X'10'               skip (no data stored)
VIOFIDA  EQU   X'04'               indirect data addressing
VIOBUFL  EQU   4096                CP's buffer for one record
VIOCMAX  EQU   1000                commands one SIO may run (a limit
*                                  of this CP: a real channel has none)
VIOGMAX  EQU   16                  CCWs in one data chain, at most
*---------------------------------------------------------------------*
* VIOINST - emulate a trapped I/O instruction.  The operand address   *
* (B2+D2, from the guest's registers) gives the device address in    *
* its bits 16-31 (the channel in bits 16-23 for TCH and STIDC).       *
* In: R11 -> VMBLOK, R2 -> copy of the instruction (4 bytes).         *
* Out: the condition code in the virtual PSW.                        *
*---------------------------------------------------------------------*
VIOINST  CPENTRY
         USING VMBLOK,R11
         LR    R9,R2
         SR    R3,R3               operand address
         ICM   R3,3,2(R9)
         LR    R4,R3
         SRL   R4,12               B2
         N     R3,=X'00000FFF'     D2
         LTR   R4,R4
         BZ    VIOI1
         SLL   R4,2
         A     R3,VMBGPRS(R4)
VIOI1    N     R3,=X'0000FFFF'     the I/O address
         LA    R4,VIOITAB
VIOI2    CLI   0(R4),X'FF'
         BE    VIOIEND             (privops sends only these)
         CLC   0(2,R4),0(R9)
         BE    VIOI3
         LA    R4,8(,R4)
         B     VIOI2
VIOI3    L     R15,4(,R4)          R3 = I/O address, R9 -> instr.
         BALR  R14,R15             R15 = condition code
         LR    R1,R15
         CPCALL PRVSETCC           (cpcore)
VIOIEND  CPEXIT RC=0
*        instruction (first two bytes), routine
         DS    0F
VIOITAB  DC    X'9C00',H'0',A(VIOSIO)     START I/O
         DC    X'9C01',H'0',A(VIOSIO)     START I/O FAST RELEASE
         DC    X'9D00',H'0',A(VIOTIO)     TEST I/O
         DC    X'9D01',H'0',A(VIOCLR)     CLEAR I/O
         DC    X'9E00',H'0',A(VIOHIO)     HALT I/O
         DC    X'9E01',H'0',A(VIOHIO)     HALT DEVICE
         DC    X'9F00',H'0',A(VIOTCH)     TEST CHANNEL
         DC    X'B203',H'0',A(VIOSTIDC)   STORE CHANNEL ID
         DC    X'FF'
         DROP  R11
*---------------------------------------------------------------------*
* VIOSIO - START I/O (and SIOF, the same here: CP gives no "initial   *
* status" except the program check below).                           *
*   no such device: cc 3; busy: cc 2; an interruption pending: cc 1,  *
*   the CSW with busy, and the interruption is taken off; a bad CAW   *
*   (GA22-7000: bits 4-7 not zero, the CCW address not a doubleword,  *
*   or outside the VM's storage): cc 1 with a program check in the   *
*   CSW (SIOF: as an interruption); else the device's start routine. *
* In: R11, R3 = device address, R9 -> instruction.  Out: R15 = cc.    *
*---------------------------------------------------------------------*
VIOSIO   CPENTRY
         USING VMBLOK,R11
         LR    R1,R3
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   VIOSCC3
         LR    R5,R1
         USING VDEV,R5
         TM    VDVFLAGS,VDVFBUSY
         BO    VIOSCC2
         TM    VDVFLAGS,VDVFPEND
         BZ    VIOS1
         OI    VDVCSW+4,X'10'      busy + the pending status
         CPCALL VIOSTCSW
         LR    R1,R5
         CPCALL VIOUNPND
         B     VIOSCC1
VIOS1    L     R1,VMBIOCNT
         LA    R1,1(,R1)
         ST    R1,VMBIOCNT
         LA    R1,VIOCAWA          the CAW
         LA    R0,4
         LA    R2,VDVCAW
         CPCALL GSTFETCH
         MVC   VDVCCWA,VDVCAW
         MVI   VDVCCWA,0
         TM    VDVCAW,X'0F'
         BNZ   VIOSBAD
         TM    VDVCAW+3,X'07'
         BNZ   VIOSBAD
         L     R1,VDVCCWA
         C     R1,VMBSTOR
         BNL   VIOSBAD
         XC    VDVCSW,VDVCSW
         OI    VDVFLAGS,VDVFBUSY
         LR    R1,R5
         CPCALL VIOSTART           R15 = 0 under way, 4 program check
         LTR   R15,R15
         BZ    VIOSCC0
         B     VIOSINIT
VIOSBAD  XC    VDVCSW,VDVCSW       bad CAW: program check
         MVI   VDVCSW+5,X'20'
         MVC   VDVCSW(1),VDVCAW    key
         NI    VDVCSW,X'F0'
VIOSINIT NI    VDVFLAGS,X'FF'-VDVFBUSY
         CLI   1(R9),X'01'         SIOF: an interruption
         BNE   VIOS2
         LR    R1,R5
         CPCALL VIOPOST
         B     VIOSCC0
VIOS2    CPCALL VIOSTCSW           SIO: CSW stored
VIOSCC1  CPEXIT RC=1
VIOSCC0  CPEXIT RC=0
VIOSCC2  CPEXIT RC=2
VIOSCC3  CPEXIT RC=3
         DROP  R5,R11
*---------------------------------------------------------------------*
* VIOSTART - start the channel program of a device (VDVCCWA), by kind *
* of device: CP simulates the console and the spool devices itself   *
* (VIOCHAN with the device's command routine); minidisks and          *
* dedicated devices run on the real device (CCWSIO).                  *
* In: R11, R1 -> VDEV (busy, VDVCAW and VDVCCWA set).                 *
* Out: R15 = 0 under way or ended (VIOPOST done or to come), 4 ended  *
* by a program check before any CCW ran (CSW in VDVCSW, not posted).  *
*---------------------------------------------------------------------*
VIOSTART CPENTRY
         LR    R5,R1
         USING VDEV,R5
         CLI   VDVKIND,UDVKCONS
         BE    VIOST1
         CLI   VDVKIND,UDVKSPL
         BE    VIOST2
         LR    R1,R5               MDISK, LINK, DEDICATE
         CPCALL CCWSIO
         CPEXIT
VIOST1   L     R1,=A(VCNCCW)
         B     VIOST4
VIOST2   L     R1,=A(SPLWCCW)      punch, printer
         CLC   VDVTYPE,=X'3505'
         BNE   VIOST4
         L     R1,=A(SPLRCCW)      reader
VIOST4   CPCALL VIOCHAN            R15 = 0, 4 or 8 (waits)
         CH    R15,=H'4'
         BE    VIOSTEND
         CH    R15,=H'8'
         BE    VIOSTOK             a console read waits: later
         LR    R1,R5
         CPCALL VIOPOST
VIOSTOK  SR    R15,R15
VIOSTEND CPEXIT
         DROP  R5
*---------------------------------------------------------------------*
* VIOTIO - TEST I/O: cc 3 no device; cc 2 busy; cc 1 an interruption  *
* pending: its CSW is stored and it is taken off; cc 0 available.    *
* VIOCLR - CLEAR I/O: the same, and a busy device is halted (cc 1).   *
* In: R11, R3 = device address.  Out: R15 = cc.                       *
*---------------------------------------------------------------------*
VIOTIO   CPENTRY
         SR    R0,R0               TIO
         CPCALL VIOTEST
         CPEXIT
VIOCLR   CPENTRY
         LA    R0,1                CLRIO
         CPCALL VIOTEST
         CPEXIT
*---------------------------------------------------------------------*
* VIOTEST - TIO (R0 = 0) or CLRIO (R0 = 1) for VIOTIO and VIOCLR.    *
* In: R11, R3 = device address, R0.  Out: R15 = cc.                   *
*---------------------------------------------------------------------*
VIOTEST  CPENTRY
         LR    R8,R0
         LR    R1,R3
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   VIOTCC3
         LR    R5,R1
         USING VDEV,R5
         TM    VDVFLAGS,VDVFBUSY
         BZ    VIOT1
         LTR   R8,R8
         BZ    VIOTCC2
         LR    R1,R5               CLRIO: halt it
         CPCALL VIOHALT
         CPEXIT
VIOT1    TM    VDVFLAGS,VDVFPEND
         BZ    VIOTCC0
         CPCALL VIOSTCSW
         LR    R1,R5
         CPCALL VIOUNPND
         CPEXIT RC=1
VIOTCC0  CPEXIT RC=0
VIOTCC2  CPEXIT RC=2
VIOTCC3  CPEXIT RC=3
         DROP  R5
*---------------------------------------------------------------------*
* VIOHIO - HALT I/O and HALT DEVICE: cc 3 no device; cc 0 not busy;  *
* a busy device: what VIOHALT can do (cc 1, CSW stored, or cc 2).     *
* In: R11, R3 = device address.  Out: R15 = cc.                       *
*---------------------------------------------------------------------*
VIOHIO   CPENTRY
         LR    R1,R3
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   VIOHCC3
         LR    R5,R1
         USING VDEV,R5
         TM    VDVFLAGS,VDVFBUSY
         BZ    VIOHCC0
         LR    R1,R5
         CPCALL VIOHALT            R15 = cc
         CPEXIT
VIOHCC0  CPEXIT RC=0
VIOHCC3  CPEXIT RC=3
         DROP  R5
*---------------------------------------------------------------------*
* VIOHALT - halt a busy device.  A console Read waiting for a line is *
* ended: CSW stored (cc 1) with the Read's address and its full count *
* as residual, and no interruption follows.  A minidisk or dedicated  *
* device runs a real channel program that ends by itself very soon:   *
* it is left to end and cc 2 says "busy" (the guest tries again).    *
* In: R11, R1 -> VDEV.  Out: R15 = cc.                                *
*---------------------------------------------------------------------*
VIOHALT  CPENTRY
         LR    R5,R1
         USING VDEV,R5
         TM    VDVFLAGS,VDVFWAIT
         BZ    VIOHL2
         NI    VDVFLAGS,X'FF'-VDVFWAIT-VDVFBUSY
         XC    VDVCSW,VDVCSW
         L     R1,VDVCCWA
         LA    R1,8(,R1)
         ST    R1,VDVCSW
         MVC   VDVCSW(1),VDVCAW
         NI    VDVCSW,X'F0'
         L     R1,VDVCCWA          the residual: the Read's count
         LA    R0,8
         LA    R2,VIOCCW
         CPCALL GSTFETCH
         MVC   VDVCSW+6(2),VIOCCW+6
         CPCALL VIOSTCSW
         CPEXIT RC=1
VIOHL2   CPEXIT RC=2
         DROP  R5
*---------------------------------------------------------------------*
* VIOTCH - TEST CHANNEL: cc 3 when the VM has no device on the        *
* channel, cc 1 when one of them has an interruption pending, else 0. *
* VIOSTIDC - STORE CHANNEL ID at guest X'A8': channel 0 is a byte     *
* multiplexor (X'10000000'), the others block multiplexors            *
* (X'20000000'), as on the real machine; cc 3 for no channel.        *
* In: R11, R3 = I/O address (channel in bits 16-23).  Out: R15 = cc.  *
*---------------------------------------------------------------------*
VIOTCH   CPENTRY
         LR    R1,R3
         CPCALL VIOCHNL            R15 = 0 / 1 / 3
         CPEXIT
VIOSTIDC CPENTRY
         LR    R1,R3
         CPCALL VIOCHNL
         CH    R15,=H'3'
         BE    VIOSDEND
         MVC   VIOCHID,=X'20000000'
         CLM   R3,2,=X'00'         channel 0?
         BNE   VIOSD1
         MVC   VIOCHID,=X'10000000'
VIOSD1   LA    R1,VIOCHIDA
         LA    R0,4
         LA    R2,VIOCHID
         CPCALL GSTSTORE
         SR    R15,R15
VIOSDEND CPEXIT
VIOCHID  DS    F
*---------------------------------------------------------------------*
* VIOCHNL - the VM's devices on a channel: R15 = 3 none, 1 one of     *
* them has an interruption pending, 0 otherwise.                      *
* In: R11, R1 = I/O address (the channel in bits 16-23).              *
*---------------------------------------------------------------------*
VIOCHNL  CPENTRY
         USING VMBLOK,R11
         SRL   R1,8
         N     R1,=X'000000FF'     the channel
         LA    R15,3
         L     R2,VMBVDEV
         USING VDEV,R2
VIOCH1   LTR   R2,R2
         BZ    VIOCHEND
         LH    R3,VDVADDR
         SRL   R3,8
         CR    R1,R3
         BNE   VIOCH2
         SR    R15,R15
         TM    VDVFLAGS,VDVFPEND
         BZ    VIOCH2
         LA    R15,1               pending: cc 1, and that is final
         B     VIOCHEND
VIOCH2   L     R2,VDVNEXT
         B     VIOCH1
VIOCHEND CPEXIT
         DROP  R2,R11
*---------------------------------------------------------------------*
* VIOSTCSW - store a device's CSW (VDVCSW) at guest X'40'.            *
* In: R11, R5 -> VDEV.                                                *
*---------------------------------------------------------------------*
VIOSTCSW CPENTRY
         LA    R1,VIOCSWA
         LA    R0,8
         LA    R2,VDVCSW-VDEV(,R5)
         CPCALL GSTSTORE
         CPEXIT RC=0
*---------------------------------------------------------------------*
* VIOPOST - a device's channel program has ended (CSW in VDVCSW):     *
* it is no longer busy and its interruption is queued (VINTIO).      *
* In: R11, R1 -> VDEV.                                                *
*---------------------------------------------------------------------*
VIOPOST  CPENTRY
         NI    VDVFLAGS-VDEV(R1),X'FF'-VDVFBUSY-VDVFWAIT
         CPCALL VINTIO
         CPEXIT RC=0
*---------------------------------------------------------------------*
* VIOUNPND - take a device's pending interruption off (TIO, CLRIO or  *
* SIO took its status; DETACH): VINTDEL (cpcore).                     *
* In: R11, R1 -> VDEV.                                                *
*---------------------------------------------------------------------*
VIOUNPND CPENTRY
         CPCALL VINTDEL
         CPEXIT RC=0
*---------------------------------------------------------------------*
* VIORESET - reset the VM's devices, as a system reset resets a real  *
* machine's: programs CP runs end (a console Read waiting, say),      *
* pending interruptions and kept sense bytes go.  A real channel      *
* program in flight on a minidisk cannot be stopped: that device stays*
* busy until it ends, and its interruption is then dropped.           *
* In: R11 -> VMBLOK.                                                  *
*---------------------------------------------------------------------*
VIORESET CPENTRY
         USING VMBLOK,R11
         L     R5,VMBVDEV
         USING VDEV,R5
VIORS1   LTR   R5,R5
         BZ    VIORSEND
         LR    R1,R5
         CPCALL VINTDEL
         XC    VDVSENSE,VDVSENSE
         NI    VDVFLAGS,X'FF'-VDVFWAIT-VDVFRUN
         ICM   R1,15,VDVCTW        real I/O still with IOS?
         BZ    VIORS2
         TM    CTWFLAGS-CTWBLOK(R1),CTWFIOS
         BO    VIORS3
VIORS2   NI    VDVFLAGS,X'FF'-VDVFBUSY
VIORS3   L     R5,VDVNEXT
         B     VIORS1
VIORSEND CPEXIT RC=0
         DROP  R5,R11
*---------------------------------------------------------------------*
* VIOCHAN - run a guest's channel program on a device CP simulates.   *
* Each command (with the CCWs data-chained to it) is one call of the  *
* device's command routine:                                           *
*   in:  R0 = command code, R2 -> data in VIOBUF (write) or room for  *
*        it (read), R3 = byte count, R5 -> VDEV, R11                  *
*   out: R15 = 0 done, 8 wait (a console Read with no line yet: the  *
*        same CCW runs again when VCNINPUT resumes the program);      *
*        R0 = unit status (channel end, device end, unit check,       *
*        unit exception); R1 = record length (read: bytes in VIOBUF) *
* VIOCHAN does the channel's part (GA22-7000 "Chaining", "CCW         *
* format"): fetches the CCWs from guest storage, follows TIC, refuses *
* a bad CCW with a channel program check (command X'x0', count 0, a   *
* TIC to a TIC or designated by the CAW, IDA), moves the data, sets   *
* incorrect length (unless SLI), answers SENSE from VDVSENSE itself,  *
* chains commands while the status is only channel end + device end,  *
* and builds the CSW: the address of the last CCW + 8, the status,   *
* the residual count of the last CCW.                                 *
* In: R11, R5 -> VDEV (VDVCCWA = the CCW to run), R1 -> command      *
* routine.  Out: R15 = 0 ended (VDVCSW), 4 program check before any   *
* command ran (VDVCSW), 8 waiting.                                    *
* Registers inside: R6 -> VIOGRP entry, R7 = entries, R9 = 1 while   *
* at the CCW the CAW designates.  The internal routines (VIOGROUP,    *
* VIOTOTAL, VIOGATH, VIOSCAT) are BAL routines on VIOCHAN's base.     *
*---------------------------------------------------------------------*
VIOCHAN  CPENTRY
         USING VMBLOK,R11
         USING VDEV,R5
         USING VIOGENT,R6
         ST    R1,VIOHNDLR
         OI    VDVFLAGS,VDVFRUN
         LA    R9,1                first CCW of the program
         TM    VDVFLAGS,VDVFWAIT
         BZ    VIOCN1
         SR    R9,R9               resumed: it ran before
VIOCN1   NI    VDVFLAGS,X'FF'-VDVFWAIT
         MVC   VIOCCNT,=A(VIOCMAX) commands it may still run
         XC    VDVCSW,VDVCSW
         MVC   VDVCSW(1),VDVCAW    the key of the CAW
         NI    VDVCSW,X'F0'
VIOCNXT  L     R1,VIOCCNT          a loop of commands (NOP, TIC
         BCT   R1,VIOCN2           back) would hold CP here forever:
         L     R1,VDVCCWA          CP ends it with a program check
         ST    R1,VIOPADDR         after VIOCMAX commands
         B     VIOCPCHK
VIOCN2   ST    R1,VIOCCNT
         L     R1,VDVCCWA          fetch the command's CCW(s)
         LR    R0,R9
         BAL   R14,VIOGROUP        VIOGRP, R7 = entries
         LTR   R15,R15
         BNZ   VIOCPCHK
         SR    R9,R9
         L     R6,=A(VIOGRP)       R6 -> first entry
         MVI   VIOILEN,0
         XC    VIORESID,VIORESID
         SR    R0,R0
         IC    R0,VIOGCCW          the command
         STC   R0,VIOCMD
         CLI   VIOCMD,X'04'
         BE    VIOCSNS
         N     R0,=X'00000003'
         CH    R0,=H'1'
         BE    VIOCWR
         CH    R0,=H'3'
         BE    VIOCCTL
*        read (X'x2', and X'xC' backward, treated as forward)
         BAL   R14,VIOTOTAL        R3 = bytes the CCWs take
         BAL   R14,VIOCALL
         LTR   R15,R15
         BNZ   VIOCWAIT
         BAL   R14,VIOSCAT         store; R6 -> last entry used
         LTR   R15,R15
         BNZ   VIOCPCHK
         B     VIOCSTAT
VIOCWR   BAL   R14,VIOGATH         R3 = bytes in VIOBUF
         LTR   R15,R15
         BNZ   VIOCPCHK
         BAL   R14,VIOCALL
         LTR   R15,R15
         BNZ   VIOCWAIT
         BCTR  R7,0                the last entry, all taken
         MH    R7,=Y(VIOGLEN)
         AR    R6,R7
         B     VIOCSTAT
VIOCCTL  LH    R3,VIOGCCW+6        control: no data
         BAL   R14,VIOCALL
         LTR   R15,R15
         BNZ   VIOCWAIT
         MVC   VIORESID+2(2),VIOGCCW+6
         B     VIOCSTAT
VIOCSNS  LA    R0,IOSUCE+IOSUDE    SENSE: the device's sense byte
         STC   R0,VIOUSTAT
         L     R2,=A(VIOBUF)
         MVC   0(L'VDVSENSE,R2),VDVSENSE
         XC    VDVSENSE,VDVSENSE
         LA    R3,1                one byte; 24 for a minidisk or a
         CLI   VDVKIND,UDVKMDSK    dedicated device (CCWSIO)
         BL    VIOCS1
         LA    R3,L'VDVSENSE
VIOCS1   ST    R3,VIORLEN
         BAL   R14,VIOSCAT
         LTR   R15,R15
         BNZ   VIOCPCHK
*        the command ended: status, incorrect length, chaining
VIOCSTAT MVC   VDVCSW+4(1),VIOUSTAT
         L     R1,VIOGADDR         CCW address + 8
         LA    R1,8(,R1)
         STCM  R1,7,VDVCSW+1
         MVC   VDVCSW+6(2),VIORESID+2
         CLI   VIOILEN,1
         BNE   VIOCS2
         TM    VIOGCCW+4,VIOFSLI
         BO    VIOCS2
         OI    VDVCSW+5,X'40'      incorrect length
         B     VIOCEND             ends the chain
VIOCS2   TM    VIOUSTAT,IOSUUC+IOSUUE
         BNZ   VIOCEND
         TM    VIOGCCW+4,VIOFCC
         BZ    VIOCEND
         L     R1,VIOGADDR         command chaining: the next CCW
         LA    R1,8(,R1)
         ST    R1,VDVCCWA
         B     VIOCNXT
VIOCEND  NI    VDVFLAGS,X'FF'-VDVFRUN
         CPEXIT RC=0
VIOCWAIT OI    VDVFLAGS,VDVFWAIT   the command waits: same CCW later
         NI    VDVFLAGS,X'FF'-VDVFRUN
         CPEXIT RC=8
VIOCPCHK MVI   VDVCSW+5,X'20'      program check at the CCW at
         L     R1,VIOPADDR         VIOPADDR (address + 8 in the CSW)
         LA    R1,8(,R1)
         STCM  R1,7,VDVCSW+1
         MVI   VDVCSW+4,0          before anything ran: no status
         LTR   R9,R9
         BNZ   VIOCPCK1
         MVI   VDVCSW+4,IOSUCE+IOSUDE  after a command: the device is
         B     VIOCEND                 done too (as s370's channel)
VIOCPCK1 DS    0H
         NI    VDVFLAGS,X'FF'-VDVFRUN
         CPEXIT RC=4               before anything ran
*---------------------------------------------------------------------*
* VIOCALL - call the command routine; sets VIOUSTAT and VIORLEN.      *
* In: R3 = byte count.  Out: R15 from the routine.                    *
*---------------------------------------------------------------------*
VIOCALL  ST    R14,VIOCLRET
         SR    R0,R0
         IC    R0,VIOCMD
         L     R2,=A(VIOBUF)
         L     R15,VIOHNDLR
         BALR  R14,R15
         STC   R0,VIOUSTAT
         ST    R1,VIORLEN
         L     R14,VIOCLRET
         BR    R14
*---------------------------------------------------------------------*
* VIOGROUP - fetch the CCW at R1 and those data-chained to it, into   *
* VIOGRP (following TIC).  Checks each as the channel does.           *
* In: R1 = guest address of the CCW, R0 = 1 if the CAW names it.      *
* Out: R15 = 0 and R7 = entries, or 4 program check (VIOPADDR).       *
* Uses R1-R4, R6, R8.                                                 *
*---------------------------------------------------------------------*
VIOGROUP ST    R14,VIOGRRET
         LR    R8,R0               1: a TIC here is an error
         L     R6,=A(VIOGRP)
         SR    R7,R7
         LR    R4,R1
VIOGR1   ST    R4,VIOPADDR
         TM    VIOPADDR+3,X'07'
         BNZ   VIOGRBAD            not a doubleword
         LR    R1,R4
         LA    R0,8
         LA    R2,VIOGCCW
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   VIOGRBAD            outside the VM's storage
         ST    R4,VIOGADDR
         MVC   VIOGDATA,VIOGCCW
         MVI   VIOGDATA,0
         TM    VIOGCCW,X'0F'       TIC is X'x8'
         BO    VIOGR2
         TM    VIOGCCW,X'07'
         BNZ   VIOGR2
         TM    VIOGCCW,X'08'
         BZ    VIOGR2
         LTR   R8,R8               TIC first, or TIC to TIC
         BNZ   VIOGRBAD
         L     R4,VIOGDATA
         LA    R8,1
         B     VIOGR1
VIOGR2   SR    R8,R8
         LTR   R7,R7               the command code counts only in
         BNZ   VIOGR3              the first CCW of a data chain
         TM    VIOGCCW,X'0F'
         BZ    VIOGRBAD            X'x0': invalid
VIOGR3   OC    VIOGCCW+6(2),VIOGCCW+6
         BZ    VIOGRBAD            count 0
         TM    VIOGCCW+4,VIOFIDA
         BO    VIOGRBAD            no IDAWs on simulated devices
         LA    R7,1(,R7)
         TM    VIOGCCW+4,VIOFCD
         BZ    VIOGREND
         CH    R7,=Y(VIOGMAX)
         BNL   VIOGRBAD            a longer data chain than CP takes
         LA    R4,8(,R4)           the next CCW continues the data
         LA    R6,VIOGLEN(,R6)
         B     VIOGR1
VIOGREND SR    R15,R15
         B     VIOGRRT
VIOGRBAD LA    R15,4
VIOGRRT  L     R14,VIOGRRET
         BR    R14
*---------------------------------------------------------------------*
* VIOTOTAL - bytes the CCWs of VIOGRP take, at most VIOBUFL.          *
* In: R7 = entries.  Out: R3.  Uses R1 R2 R4.                         *
*---------------------------------------------------------------------*
VIOTOTAL L     R2,=A(VIOGRP)
         SR    R3,R3
         LR    R4,R7
VIOTT1   LH    R1,VIOGCCW+6-VIOGENT(,R2)
         N     R1,=X'0000FFFF'
         AR    R3,R1
         LA    R2,VIOGLEN(,R2)
         BCT   R4,VIOTT1
         C     R3,=A(VIOBUFL)
         BNHR  R14
         L     R3,=A(VIOBUFL)
         BR    R14
*---------------------------------------------------------------------*
* VIOGATH - gather the data of the CCWs of VIOGRP into VIOBUF (write).*
* In: R6 -> first entry, R7 = entries.  Out: R3 = bytes; R15 = 0, or *
* 4 program check (the data are outside the VM's storage; VIOPADDR). *
* Uses R0-R2, R8, R10.                                                *
*---------------------------------------------------------------------*
VIOGATH  ST    R14,VIOGARET
         LR    R10,R6
         SR    R3,R3               bytes so far
         LR    R8,R7
VIOGA1   LH    R0,VIOGCCW+6-VIOGENT(,R10)
         N     R0,=X'0000FFFF'
         L     R1,=A(VIOBUFL)
         SR    R1,R3               room left
         CR    R0,R1
         BNH   VIOGA2
         LR    R0,R1
VIOGA2   LTR   R0,R0
         BZ    VIOGA3
         L     R2,=A(VIOBUF)
         AR    R2,R3
         AR    R3,R0
         L     R1,VIOGDATA-VIOGENT(,R10)
         MVC   VIOPADDR,VIOGADDR-VIOGENT(R10)
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   VIOGABAD
VIOGA3   LA    R10,VIOGLEN(,R10)
         BCT   R8,VIOGA1
         SR    R15,R15
         B     VIOGART
VIOGABAD LA    R15,4
VIOGART  L     R14,VIOGARET
         BR    R14
*---------------------------------------------------------------------*
* VIOSCAT - store a record of VIORLEN bytes from VIOBUF through the   *
* CCWs of VIOGRP (read), until the record or the CCWs end.  Skip     *
* CCWs store nothing.  Sets VIORESID (of the last CCW used) and       *
* VIOILEN (1: the record and the counts differ).                      *
* In: R7 = entries.  Out: R6 -> the last entry used; R15 = 0, or 4    *
* program check (VIOPADDR).  Uses R0-R4, R7, R8.                      *
*---------------------------------------------------------------------*
VIOSCAT  ST    R14,VIOSARET
         L     R6,=A(VIOGRP)
         L     R4,VIORLEN          bytes of the record left
         C     R4,=A(VIOBUFL)
         BNH   VIOSA0
         L     R4,=A(VIOBUFL)
VIOSA0   L     R8,=A(VIOBUF)       next byte of it
         MVI   VIOILEN,0
VIOSA1   LH    R0,VIOGCCW+6
         N     R0,=X'0000FFFF'
         LR    R3,R0               this CCW's count
         CR    R0,R4
         BNH   VIOSA2
         LR    R0,R4
VIOSA2   SR    R3,R0               its residual
         ST    R3,VIORESID
         LTR   R0,R0
         BZ    VIOSA3
         TM    VIOGCCW+4,VIOFSKIP
         BO    VIOSA3
         L     R1,VIOGDATA
         LR    R2,R8
         MVC   VIOPADDR,VIOGADDR
         ST    R0,VIOSCLEN
         CPCALL GSTSTORE
         LTR   R15,R15
         BNZ   VIOSABAD
         L     R0,VIOSCLEN
VIOSA3   AR    R8,R0
         SR    R4,R0
         LTR   R3,R3               this CCW not full: the record
         BNZ   VIOSAIL             ended in it
         BCT   R7,VIOSA4
         LTR   R4,R4               the CCWs ended: record left over?
         BNZ   VIOSAIL
         B     VIOSAOK
VIOSA4   LA    R6,VIOGLEN(,R6)
         B     VIOSA1
VIOSAIL  MVI   VIOILEN,1
VIOSAOK  SR    R15,R15
         B     VIOSART
VIOSABAD LA    R15,4
VIOSART  L     R14,VIOSARET
         BR    R14
         DROP  R5,R6,R11
*---------------------------------------------------------------------*
* VIOIPL - IPL the virtual machine from one of its devices, as the    *
* real IPL does (GA22-7000 "Initial program loading"): system reset,  *
* a Read of 24 bytes into guest 0 with command chaining (the CCWs at  *
* 8 and 16 of what was read continue the program), then the PSW at    *
* guest 0 is loaded, with the device address at X'BA' when it is an   *
* EC-mode PSW, in bits 16-31 of the PSW itself (X'02') when BC.       *
* The program runs to its end here (CP waits for a minidisk).        *
* In: R11, R1 = virtual device address.                               *
* Out: R15 = 0 (VMBPSW loaded: the caller makes the VM run), or 4     *
* after telling the user why not: no such device or one that cannot *
* IPL (DMKVIO042E), an I/O error (DMKVIO041E with the CSW).           *
*---------------------------------------------------------------------*
VIOIPL   CPENTRY
         USING VMBLOK,R11
         LR    R3,R1
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   VIOPLNO
         LR    R5,R1
         USING VDEV,R5
         CLI   VDVKIND,UDVKCONS
         BE    VIOPLNO             nothing to IPL from a console
         CLI   VDVKIND,UDVKSPL
         BNE   VIOPL0
         CLC   VDVTYPE,=X'3505'    only the reader of the spool
         BNE   VIOPLNO             devices
VIOPL0   SR    R0,R0               system reset (CPU and devices)
         CPCALL VMRESET
         LA    R1,0                the IPL CCW at guest 0
         LA    R0,8
         LA    R2,VIOPLCCW
         CPCALL GSTSTORE
         XC    VDVCAW,VDVCAW
         XC    VDVCCWA,VDVCCWA
         XC    VDVCSW,VDVCSW
         NI    VDVFLAGS,X'FF'-VDVFPEND-VDVFWAIT
         OI    VDVFLAGS,VDVFBUSY
         CLI   VDVKIND,UDVKSPL
         BE    VIOPL1
         MVI   VIOPLCCW+4,X'20'    minidisk: CCWTRANS takes the
         LA    R1,0                whole program before it runs, but
         LA    R0,8                the CCWs at 8 and 16 are what the
         LA    R2,VIOPLCCW         first Read brings: so the Read
         CPCALL GSTSTORE           runs alone (no chaining), then the
         MVI   VIOPLCCW+4,X'60'    program goes on at 8 as a second
         LR    R1,R5               one (the device keeps its place)
         CPCALL CCWRUN
         LTR   R15,R15
         BNZ   VIOPL2
         CLI   VDVCSW+4,IOSUCE+IOSUDE
         BNE   VIOPL2
         CLI   VDVCSW+5,X'00'
         BNE   VIOPL2
         MVC   VDVCCWA,=A(8)
         LR    R1,R5
         CPCALL CCWRUN
         B     VIOPL2
VIOPL1   CPCALL SPLRDONE           a file read in part is done with:
         L     R1,=A(SPLRCCW)      the IPL starts the next one
         CPCALL VIOCHAN
VIOPL2   NI    VDVFLAGS,X'FF'-VDVFBUSY-VDVFWAIT
         MVC   VIOPLST,VDVCSW+4
         NI    VIOPLST,X'FF'-X'40' status modifier does not matter
         CLI   VIOPLST,IOSUCE+IOSUDE
         BNE   VIOPLERR
         TM    VDVCSW+5,X'FF'-X'40'
         BNZ   VIOPLERR
         LA    R1,0                the new PSW
         LA    R0,8
         LA    R2,VIOPLPSW
         CPCALL GSTFETCH
         STH   R3,VIOPLDEV
         TM    VIOPLPSW+1,X'08'
         BO    VIOPL3
         STH   R3,VIOPLPSW+2       BC: in the PSW (and guest X'02')
         LA    R1,2
         LA    R0,2
         LA    R2,VIOPLDEV
         CPCALL GSTSTORE
         B     VIOPL4
VIOPL3   LA    R1,VIOIODVA         EC: at X'BA'
         LA    R0,2
         LA    R2,VIOPLDEV
         CPCALL GSTSTORE
VIOPL4   MVC   VMBPSW,VIOPLPSW
         CPEXIT RC=0
VIOPLNO  LR    R1,R3               "DMKVIO042E DEV vvv IS NOT AN ..."
         LA    R0,3
         LA    R2,VIOM042+15
         CPCALL IOSHEX
         LA    R1,VIOM042
         LA    R0,VIOM042L
         CPCALL TRMWRITE
         CPEXIT RC=4
VIOPLERR L     R1,VDVCSW           "DMKVIO041E IPL UNIT ERROR; CSW"
         LA    R0,8
         LA    R2,VIOM041C
         CPCALL IOSHEX
         L     R1,VDVCSW+4
         LA    R0,8
         LA    R2,VIOM041C+9
         CPCALL IOSHEX
         LA    R1,VIOM041
         LA    R0,VIOM041L
         CPCALL TRMWRITE
         CPEXIT RC=4
         DROP  R5,R11
*---------------------------------------------------------------------*
* Data.  CP runs one thing at a time, so VIOCHAN's work areas are     *
* static: a command routine never starts another simulated program.  *
*---------------------------------------------------------------------*
VIOHNDLR DS    A                   command routine of the device
VIOCLRET DS    A                   return addresses of VIOCHAN's
VIOGRRET DS    A                   internal routines
VIOGARET DS    A
VIOSARET DS    A
VIOPADDR DS    A                   CCW a program check is about
VIORESID DS    F                   residual count of the last CCW
VIORLEN  DS    F                   record length the routine gave
VIOCCNT  DS    F                   commands the program may still run
VIOSCLEN DS    F
VIOCMD   DS    X                   the command code
VIOUSTAT DS    X                   unit status the routine gave
VIOILEN  DS    X                   1: incorrect length
VIOPLST  DS    X
VIOPLDEV DS    H
         DS    0D
VIOPLCCW DC    X'02000000',X'60000018'  read 24 at 0, CC+SLI
VIOPLPSW DS    D
VIOCCW   DS    D
VIOM042  DC    C'DMKVIO042E DEV vvv IS NOT AN IPL DEVICE'
VIOM042L EQU   *-VIOM042
VIOM041  DC    C'DMKVIO041E IPL UNIT ERROR; CSW '
VIOM041C DC    C'xxxxxxxx xxxxxxxx'
VIOM041L EQU   *-VIOM041
         LTORG
         DS    0D
VIOGRP   DS    (VIOGMAX)XL(VIOGLEN)  the CCWs of one command
VIOBUF   DS    XL(VIOBUFL)         the record
         DROP  0
