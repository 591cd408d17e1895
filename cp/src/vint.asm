*---------------------------------------------------------------------*
* VINT - virtual interruptions.  Prefix VIN.                          *
*                                                                     *
* A real interruption goes to CP, always.  A virtual one is CP's     *
* doing: an event for the virtual machine (its console's device end, *
* its interval timer passing zero, the operator's EXTERNAL command)  *
* is queued on the VMBLOK - VINTIO for I/O (the VDEV, with the CSW   *
* the guest will see in VDVCSW), VINTEXT for external - and waits    *
* there until the virtual PSW and the virtual control registers let   *
* the guest take it, exactly as a real CPU holds a pending            *
* interruption while it is masked:                                    *
*   external: PSW bit 7, and the CR0 subclass mask of the source:     *
*     clock comparator (bit 20, while TOD > the VM's comparator),     *
*     CPU timer (bit 21, while it is negative), interval timer        *
*     (bit 24), interrupt key (bit 25);                               *
*   I/O: BC mode, the channel's mask in PSW bits 0-5 (channels 0-5)   *
*     or bit 6 (the others); EC mode, PSW bit 6 and the channel's bit *
*     in CR2.                                                         *
* External interruptions come before I/O, as on the real machine.    *
* Before each dispatch VINREFL takes every one that is enabled: the  *
* virtual PSW is stored as the old PSW at the guest's own location    *
* (external X'18', I/O X'38'), the code goes into it (BC) or beside   *
* it (EC: X'86', X'BA'), the CSW to X'40', and the new PSW comes     *
* from the guest's X'58' / X'78'.  All of this is in the guest's     *
* page 0, which CP keeps resident (paging).                          *
*---------------------------------------------------------------------*
VINT     CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* VINTEXT - queue a virtual external interruption.                   *
* In: R11 -> VMBLOK, R1 = code: X'0040' interrupt key, X'0080'        *
* interval timer.  (The clock comparator and CPU timer are            *
* conditions, not events: VINNEXT looks at the timers themselves.)   *
* Out: R15 = 0, or 4 a code this CP does not queue.                  *
*---------------------------------------------------------------------*
VINTEXT  CPENTRY
         USING VMBLOK,R11
         C     R1,VINX40
         BNE   VINTE1
         OI    VMBEXTP,VMBEXKEY
         B     VINTE3
VINTE1   C     R1,VINX80
         BNE   VINTE2
         OI    VMBEXTP,VMBEXITM
         B     VINTE3
VINTE2   CPEXIT RC=4
VINTE3   CPCALL DSPWAKE
         CPEXIT RC=0
         DROP  R11
VINX40   DC    X'00000040'
VINX80   DC    X'00000080'
*---------------------------------------------------------------------*
* VINTIO - queue a virtual I/O interruption for a device (once: a    *
* device already pending keeps its place, and the CSW in VDVCSW is   *
* whatever the caller left there last).                              *
* In: R11 -> VMBLOK, R1 -> VDEV.  Out: R15 = 0.                      *
*---------------------------------------------------------------------*
VINTIO   CPENTRY
         USING VMBLOK,R11
         USING VDEV,R1
         OI    VDVFLAGS,VDVFPEND
         LA    R2,VMBIOPQ          on the queue already?  (by the
VINTI1   ICM   R3,15,0(R2)         queue, not the flag: cpio may turn
         BZ    VINTI2              the flag off itself)
         CR    R3,R1
         BE    VINTI3              yes: it keeps its place
         LA    R2,VDVPNEXT-VDEV(,R3)
         B     VINTI1
VINTI2   XC    VDVPNEXT,VDVPNEXT   no: at the end
         ST    R1,0(,R2)
VINTI3   CPCALL DSPWAKE
         CPEXIT RC=0
         DROP  R1,R11
*---------------------------------------------------------------------*
* VINTDEL - take a device's pending I/O interruption away (TIO or    *
* TCH that clear it, CLRIO, HDV, DETACH, reset).                     *
* In: R11 -> VMBLOK, R1 -> VDEV.  Out: R15 = 0 taken away, 4 there   *
* was none.                                                          *
*---------------------------------------------------------------------*
VINTDEL  CPENTRY
         USING VMBLOK,R11
         USING VDEV,R1
         NI    VDVFLAGS,255-VDVFPEND
         LA    R2,VMBIOPQ
VINTD1   ICM   R3,15,0(R2)
         BZ    VINTD3              not on the queue
         CR    R3,R1
         BE    VINTD2
         LA    R2,VDVPNEXT-VDEV(,R3)
         B     VINTD1
VINTD2   MVC   0(4,R2),VDVPNEXT
         XC    VDVPNEXT,VDVPNEXT
         CPEXIT RC=0
VINTD3   CPEXIT RC=4
         DROP  R1,R11
*---------------------------------------------------------------------*
* VINNEXT - the highest-priority virtual interruption that is both   *
* pending and enabled now.                                           *
* In: R11 -> VMBLOK.  Out: R15 = 0 none; 4 external, R1 = code;      *
* 8 I/O, R1 -> VDEV, R2 -> the link that points to it.               *
*---------------------------------------------------------------------*
VINNEXT  CPENTRY
         USING VMBLOK,R11
         TM    VMBPSW,X'01'        external mask
         BZ    VINNX5
         TM    VMBCRS+2,X'08'      CR0 bit 20: clock comparator
         BZ    VINNX1
         STCK  VINTOD
         CLC   VINTOD,VMBCKC
         BNH   VINNX1
         L     R1,VINX1004
         B     VINNXEXT
VINNX1   TM    VMBCRS+2,X'04'      CR0 bit 21: CPU timer
         BZ    VINNX2
         TM    VMBCPTM,X'80'       negative?
         BZ    VINNX2
         L     R1,VINX1005
         B     VINNXEXT
VINNX2   TM    VMBCRS+3,X'80'      CR0 bit 24: interval timer
         BZ    VINNX3
         TM    VMBEXTP,VMBEXITM
         BZ    VINNX3
         LA    R1,X'80'
         B     VINNXEXT
VINNX3   TM    VMBCRS+3,X'40'      CR0 bit 25: interrupt key
         BZ    VINNX5
         TM    VMBEXTP,VMBEXKEY
         BZ    VINNX5
         LA    R1,X'40'
VINNXEXT L     R15,4(,R13)         R1 back to the caller
         ST    R1,24(,R15)
         CPEXIT RC=4
VINNX5   LA    R2,VMBIOPQ          I/O: the first device enabled
VINNX6   ICM   R1,15,0(R2)
         BZ    VINNXNO
         USING VDEV,R1
         TM    VDVFLAGS,VDVFPEND   still pending?
         BO    VINNX6A
         MVC   0(4,R2),VDVPNEXT    no (cpio took it): off the queue
         XC    VDVPNEXT,VDVPNEXT
         B     VINNX6
VINNX6A  SR    R3,R3
         IC    R3,VDVADDR          its channel
         TM    VMBPSW+1,X'08'
         BO    VINNX8
         C     R3,VINF6            BC: PSW bit 0-5, or 6 for the rest
         BL    VINNX7
         LA    R3,6
VINNX7   LA    R4,X'80'
         SRL   R4,0(R3)
         EX    R4,VINTMPSW         TM VMBPSW,mask
         BO    VINNXIO
         B     VINNX9
VINNX8   TM    VMBPSW,X'02'        EC: PSW bit 6 and CR2 bit channel
         BZ    VINNXNO
         L     R4,VMBCRS+4*2
         SLL   R4,0(R3)
         LTR   R4,R4
         BM    VINNXIO
VINNX9   LA    R2,VDVPNEXT
         B     VINNX6
VINNXIO  L     R15,4(,R13)
         STM   R1,R2,24(R15)       R1 and R2 back to the caller
         CPEXIT RC=8
VINNXNO  CPEXIT RC=0
         DROP  R1,R11
VINTMPSW TM    VMBPSW-VMBLOK(R11),0
         DS    0D
VINTOD   DS    D
VINX1004 DC    X'00001004'
VINX1005 DC    X'00001005'
VINF6    DC    F'6'
*---------------------------------------------------------------------*
* VINCHECK - would the VM take a virtual interruption now?  (An idle *
* VM wakes if so.)  In: R11 -> VMBLOK.  Out: R15 = 0 yes, 4 no.      *
*---------------------------------------------------------------------*
VINCHECK CPENTRY
         CPCALL VINNEXT
         LTR   R15,R15
         BZ    VINCK1
         CPEXIT RC=0
VINCK1   CPEXIT RC=4
*---------------------------------------------------------------------*
* VINREFL - reflect the enabled virtual interruptions, before the VM  *
* is dispatched.  Each new PSW may enable more; a guest whose new     *
* PSWs stay enabled would take interruptions forever, so at most     *
* eight are taken on one dispatch (the guest then runs one            *
* instruction at least, which a real machine would not promise).     *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
VINREFL  CPENTRY
         USING VMBLOK,R11
         LA    R6,8
VINRF1   CPCALL VINNEXT
         LTR   R15,R15
         BZ    VINRFEND
         C     R15,VINF4
         BNE   VINRF2
         CPCALL VINEXTRN
         B     VINRF3
VINRF2   CPCALL VINIORN
VINRF3   BCT   R6,VINRF1
VINRFEND CPEXIT RC=0
         DROP  R11
VINF4    DC    F'4'
*---------------------------------------------------------------------*
* VINEXTRN - take one virtual external interruption: old PSW X'18',  *
* code in it (BC) or at X'86' with CPU address 0 at X'84' (EC), new  *
* PSW X'58'.  An event (interval timer, key) is used up; a timer     *
* condition stays until the guest resets its timer.                  *
* In: R11 -> VMBLOK, R1 = code.                                      *
*---------------------------------------------------------------------*
VINEXTRN CPENTRY
         USING VMBLOK,R11
         LR    R4,R1
         C     R4,VINX80B
         BNE   VINEX1
         NI    VMBEXTP,255-VMBEXITM
VINEX1   C     R4,VINX40B
         BNE   VINEX2
         NI    VMBEXTP,255-VMBEXKEY
VINEX2   L     R1,VMBCEXT
         LA    R1,1(,R1)
         ST    R1,VMBCEXT
         TM    VMBTRACE,VMBTEXT
         BZ    VINEX3
         LA    R1,VMBTEXT
         L     R2,VMBPSW+4
         LA    R2,0(,R2)
         CPCALL TRCEVENT
VINEX3   TM    VMBPSW+1,X'08'
         BZ    VINEX4
         SR    R1,R1
         CPCALL GSTADDR
         ST    R4,X'84'(,R1)       X'84' CPU 0, X'86' code
VINEX4   LA    R1,X'18'
         LA    R2,X'58'
         LR    R0,R4
         SR    R3,R3
         CPCALL VINSWAP
         LR    R1,R15
         CPCALL VINBADNW
         CPEXIT RC=0
         DROP  R11
VINX80B  DC    X'00000080'
VINX40B  DC    X'00000040'
*---------------------------------------------------------------------*
* VINIORN - take one virtual I/O interruption: the device leaves the *
* pending queue, its CSW goes to X'40', the old PSW to X'38' with    *
* the device address in it (BC) or at X'BA' (EC), new PSW X'78'.     *
* In: R11 -> VMBLOK, R1 -> VDEV, R2 -> the link pointing to it.      *
*---------------------------------------------------------------------*
VINIORN  CPENTRY
         USING VMBLOK,R11
         LR    R4,R1
         USING VDEV,R4
         MVC   0(4,R2),VDVPNEXT    off the queue
         XC    VDVPNEXT,VDVPNEXT
         NI    VDVFLAGS,255-VDVFPEND
         L     R1,VMBCIOI
         LA    R1,1(,R1)
         ST    R1,VMBCIOI
         TM    VMBTRACE,VMBTIO
         BZ    VINIO1
         LA    R1,VMBTIO
         L     R2,VMBPSW+4
         LA    R2,0(,R2)
         CPCALL TRCEVENT
VINIO1   SR    R1,R1
         CPCALL GSTADDR
         MVC   X'40'(8,R1),VDVCSW  the CSW
         TM    VMBPSW+1,X'08'
         BZ    VINIO2
         XC    X'B8'(2,R1),X'B8'(R1)
         MVC   X'BA'(2,R1),VDVADDR
VINIO2   LA    R1,X'38'
         LA    R2,X'78'
         LH    R0,VDVADDR
         SR    R3,R3
         CPCALL VINSWAP
         LR    R1,R15
         CPCALL VINBADNW
         CPEXIT RC=0
         DROP  R4,R11
*---------------------------------------------------------------------*
* VINBADNW - after VINSWAP: an invalid new PSW is a specification    *
* exception (ILC 0) with that PSW as the program old PSW, as on the  *
* real machine.  In: R11, R1 = VINSWAP's return code.                *
*---------------------------------------------------------------------*
VINBADNW CPENTRY
         LTR   R1,R1
         BZ    VINBNEND
         LA    R1,6
         SR    R0,R0
         CPCALL PRGREFL
VINBNEND CPEXIT RC=0
*---------------------------------------------------------------------*
* VINSWAP - the PSW swap of every interruption, done on the virtual  *
* machine: the virtual PSW is stored at the guest's old-PSW location  *
* (in BC mode with the interruption code in bits 16-31 and the ILC   *
* in bits 32-33), and the guest's new PSW becomes the virtual PSW.   *
* In: R11 -> VMBLOK, R1 = old-PSW location, R2 = new-PSW location,   *
* R0 = interruption code, R3 = ILC in bytes (0, 2, 4, 6).             *
* Out: R15 = 0, or 4 the new PSW is invalid (VINPSWCK).               *
*---------------------------------------------------------------------*
VINSWAP  CPENTRY
         USING VMBLOK,R11
         LR    R5,R1
         LR    R6,R2
         MVC   VINOLD,VMBPSW
         TM    VMBPSW+1,X'08'
         BO    VINSW1
         STH   R0,VINOLD+2         BC: code
         SLL   R3,5                ILC (bytes/2) to bits 32-33
         NI    VINOLD+4,X'3F'
         STC   R3,VINBYTE
         OC    VINOLD+4(1),VINBYTE
VINSW1   SR    R1,R1
         CPCALL GSTADDR            page 0: resident
         AR    R5,R1
         AR    R6,R1
         MVC   0(8,R5),VINOLD
         MVC   VMBPSW,0(R6)
         LA    R1,VMBPSW
         CPCALL VINPSWCK
         CPEXIT
         DROP  R11
         DS    0D
VINOLD   DS    D
VINBYTE  DS    X
*---------------------------------------------------------------------*
* VINPSWCK - is a PSW valid for this virtual machine?  A BC PSW       *
* always is.  An EC PSW needs OPTION ECMODE (otherwise the VM is a    *
* BC-only machine) and zeros in bits 0, 2-4, 16-17 and 24-39          *
* (GA22-7000, "Program-Status Word").                                 *
* In: R11 -> VMBLOK, R1 -> PSW.  Out: R15 = 0 valid, 4 invalid.       *
*---------------------------------------------------------------------*
VINPSWCK CPENTRY
         USING VMBLOK,R11
         TM    1(R1),X'08'
         BZ    VINPCOK
         TM    VMBOPTS,UDROECM
         BZ    VINPCBAD
         TM    0(R1),X'B8'
         BNZ   VINPCBAD
         TM    2(R1),X'C0'
         BNZ   VINPCBAD
         CLC   3(2,R1),VINZERO
         BNE   VINPCBAD
VINPCOK  CPEXIT RC=0
VINPCBAD CPEXIT RC=4
         DROP  R11
VINZERO  DC    H'0'
         LTORG
