*---------------------------------------------------------------------*
* DISPATCH - the dispatcher: who runs next on the real CPU.  Prefix   *
* DSP.                                                                *
*                                                                     *
* CP never runs a guest "inside" a call: DSPRUN is a loop at the top  *
* of the CP stack.  It runs the work others queued with CPEXQ, picks  *
* the next runnable VM round robin, lets VINT reflect the virtual     *
* interruptions the VM's virtual PSW now allows, and starts the guest *
* with LPSW.  From then on the real CPU belongs to the guest until a *
* real interruption: a privileged instruction (program interruption  *
* code 2), a page fault, an SVC, an I/O interruption or the CPU timer *
* ending its time slice.  The first-level handler saves the guest    *
* (INTENTRY -> DSPINTIN -> DSPGSAVE), handles the event, and comes    *
* back here (INTEXIT -> DSPINTOU -> DSPRUN).  Nothing is ever         *
* returned to: each trip through the loop starts afresh.              *
*                                                                     *
* The guest runs in real problem state, EC mode, DAT on (CR1 -> the   *
* VM's own segment table, so it sees exactly its own storage), key = *
* its virtual PSW key, condition code and program mask its own, and  *
* I/O, external and machine-check interruptions enabled: CP takes    *
* every real interruption; the guest's own masks only matter when CP  *
* reflects virtual ones.  The time slice is the real CPU timer       *
* (DSPSLICE, 50 ms): its external interruption ends the slice.        *
*                                                                     *
* Nobody runnable and no work: an enabled wait, so the host CPU idles *
* too.  The real clock comparator is set first to the earliest       *
* virtual clock comparator of the idle VMs, so their timer           *
* interruptions wake them in time.                                   *
*                                                                     *
* VM states (VMBSTATE): runnable when VMBSRUN alone is on.  VMBSCPMD *
* (stopped in CP mode: logged on but not IPLed, attention, VMSTOP),   *
* VMBSIDLE (enabled wait: DSPWAKE ends it), VMBSDWT (disabled wait),  *
* VMBSLOGF (going away) keep it off the CPU.                          *
*---------------------------------------------------------------------*
DISPATCH CSECT
         USING PSA,0
DSPSTACK EQU   X'1000'             the bottom of the CP stack
DSPSLICE EQU   50000*4096          a time slice: 50 ms in CPU timer
*                                  units (bit 51 = 1 microsecond)
*---------------------------------------------------------------------*
* DSPINTIN - called by INTENTRY (BALR R14,R15) with the interrupted  *
* registers in PSAREGS and R1 -> the old PSW.                        *
* Guest context (old PSW in problem state): R13 = a fresh CP stack,  *
* R11 -> the VMBLOK of the guest, which DSPGSAVE has saved.          *
* CP context (CP was in an enabled wait): the interrupted registers  *
* are copied to a frame above its save area; R13 -> the next one,    *
* R11 = 0.  R1 still -> the old PSW.  Registers changed: all but R1. *
*---------------------------------------------------------------------*
         ENTRY DSPINTIN
DSPINTIN DS    0H
         USING DSPINTIN,R15
         TM    1(R1),X'01'         problem state?
         BZ    DSPIN2              no: CP was waiting
         L     R13,DSPSTKA         yes: a guest; the stack is empty
         L     R11,PSACURVM
         L     R15,DSPGSVA         DSPGSAVE returns to our caller
         BR    R15
DSPIN2   L     R13,PSAREGS+13*4    the interrupted routine's area...
         LA    R13,72(,R13)        ...is its callees': skip it
         MVC   0(64,R13),PSAREGS   keep the registers on the stack
         LA    R13,72(,R13)        the handler's save area
         SR    R11,R11
         BR    R14
DSPGSVA  DC    A(DSPGSAVE)
DSPSTKA  DC    A(DSPSTACK)
         DROP  R15
*---------------------------------------------------------------------*
* DSPINTOU - reached by INTEXIT (BR R15) with R1 -> the old PSW and  *
* R13 as DSPINTIN left it.  Guest context: the dispatcher.  CP        *
* context: CP's registers come back and it resumes at the wait PSW's *
* address, no longer waiting and disabled for I/O and external.      *
*---------------------------------------------------------------------*
         ENTRY DSPINTOU
DSPINTOU DS    0H
         USING DSPINTOU,R15
         TM    1(R1),X'01'         was a guest running?
         BZ    DSPOU2
         L     R15,DSPRUNA         yes: choose what runs next
         BR    R15
DSPOU2   NI    0(R1),X'FC'         I/O and external masks off
         NI    1(R1),X'FD'         wait bit off
         MVC   PSARETPS,0(R1)
         S     R13,DSPF72          -> the frame DSPINTIN filled
         LM    R0,R15,0(R13)       (the address is formed first)
         LPSW  PSARETPS            base 0: no register needed
DSPF72   DC    F'72'
DSPRUNA  DC    A(DSPRUN)
         DROP  R15
*---------------------------------------------------------------------*
* DSPGSAVE - save a guest that a real interruption took off the CPU.  *
* Its registers (PSAREGS) and FPRs go to the VMBLOK; the real old     *
* PSW's instruction address, condition code, program mask and key   *
* (SPKA may have changed it without a trap) go into the virtual PSW, *
* in its own BC or EC layout.  The CPU time it used is charged       *
* (VTMCHRG) and the CPU timer is set out of reach: it only ever      *
* counts a guest's slice.                                            *
* In: R11 -> VMBLOK, R1 -> the real old PSW.  Out: nothing.          *
*---------------------------------------------------------------------*
DSPGSAVE CPENTRY
         USING VMBLOK,R11
         TM    PSACR0,X'10'        the guest's low-address protection
         BZ    DSPGS0              must not stop CP's own stores
         NI    PSACR0,X'EF'
         LCTL  0,0,PSACR0
DSPGS0   MVC   VMBGPRS(64),PSAREGS
         STD   0,VMBFPRS
         STD   2,VMBFPRS+8
         STD   4,VMBFPRS+16
         STD   6,VMBFPRS+24
         MVC   VMBPSW+5(3),5(R1)   instruction address
         NI    VMBPSW+1,X'0F'      key (EX with R2: R0 would not
         IC    R2,1(,R1)           modify the instruction)
         N     R2,DSPXF0
         EX    R2,DSPOIKEY         OI VMBPSW+1,key
         TM    VMBPSW+1,X'08'      virtual EC mode?
         BZ    DSPGS1
         MVC   VMBPSW+2(1),2(R1)   EC: CC and program mask, byte 2
         B     DSPGS2
DSPGS1   MVC   VMBPSW+4(1),2(R1)   BC: ILC 0, CC and mask in byte 4
DSPGS2   STPT  PSAWORK             what is left of the slice
         SPT   DSPTMAX
         LM    R2,R3,VMBSLICE      used = loaded - left
         SL    R3,PSAWORK+4
         BC    3,DSPGS3            no borrow
         BCTR  R2,0
DSPGS3   S     R2,PSAWORK
         MVC   VMBSLICE,PSAWORK
         SRDL  R2,12               in microseconds
         LR    R1,R3
         CPCALL VTMCHRG            charge it to the virtual timers
         CPEXIT
DSPOIKEY OI    VMBPSW+1,0
         DROP  R11
         LTORG
         DS    0D
DSPTMAX  DC    X'7FFFFFFFFFFFFFFF' a CPU timer that never runs out
DSPXF0   DC    X'000000F0'
*---------------------------------------------------------------------*
* DSPRUN - the dispatcher loop.  Reached by a branch with CP          *
* disabled, from CPINIT, from every first-level handler that          *
* interrupted a guest, and (with the wait bit turned off) from the    *
* dispatcher's own enabled wait.  Never returns.                     *
*---------------------------------------------------------------------*
         ENTRY DSPRUN
DSPRUN   BALR  R12,0
         USING *,R12
DSPLOOP  L     R13,DSPSTKC         nothing is in progress: empty stack
         CPCALL VTMTRUN            CP timers that are due
         CPCALL DSPWORK            queued work first
         CPCALL DSPPICK            R11 -> VM to run, or 0
         LTR   R11,R11
         BZ    DSPNONE
         USING VMBLOK,R11
         CPCALL VINREFL            reflect what it allows now
         CPCALL DSPPSWOK           its PSW may say wait, DAT...
         LTR   R15,R15
         BNZ   DSPLOOP             it stopped or idles: choose again
         L     R15,DSPGOA
         BR    R15                 DSPGO: into the guest
DSPNONE  CPCALL DSPCLOCK           wake-up time for idle VMs
         LPSW  DSPWAIT             and sleep, enabled; comes back to
*                                  DSPRUN via an interruption handler
         DS    0D
DSPWAIT  DC    X'030A0000',A(DSPRUN)  EC, I/O+ext enabled, wait
DSPSTKC  DC    A(DSPSTACK)
DSPGOA   DC    A(DSPGO)
         DROP  R11,R12
*---------------------------------------------------------------------*
* DSPGO - start the guest.  Loads the real control registers for it  *
* (CR0: 4K pages, 64K segments, the CP-needed external subclasses;   *
* CR1: its segment table; CR3: the PSW-key mask, all keys while the  *
* virtual PSW is in supervisor state so that SPKA traps only as the  *
* architecture says for the virtual machine), its FPRs, what is left *
* of its slice, and a real PSW made of the virtual one.  The last    *
* two instructions load the guest's sixteen registers and the PSW:   *
* LPSW addresses the PSA with base 0, so it needs none of them.      *
* Under TRACE BRANCH the real PSW has PER on, CR9-CR11 asking for    *
* every successful branch (as VM/370 traced branches).               *
* In: R11 -> VMBLOK, runnable.  Reached by a branch: never returns.  *
*---------------------------------------------------------------------*
DSPGO    BALR  R12,0
         USING *,R12
         USING VMBLOK,R11
         ST    R11,PSACURVM
         ST    R11,PSALASTV
         L     R0,DSPCR0           CR0
         TM    VMBPSW+1,X'01'      virtual problem state?
         BO    DSPGO1
         O     R0,DSPCR0EA         supervisor: IPK works
         L     R1,DSPCR3SV         and SPKA takes any key
         B     DSPGO2
DSPGO1   L     R1,VMBCRS+4*3       problem: the VM's own PSW-key mask
         N     R1,DSPCR3PK
         TM    VMBCRS,X'08'        and extraction authority (bit 4)
         BZ    DSPGO2
         O     R0,DSPCR0EA
DSPGO2   TM    VMBPSW+1,X'08'      EC mode with low-address
         BZ    DSPGO2A             protection (CR0 bit 3): the real
         TM    VMBCRS,X'10'        CR0 gets it (DSPGSAVE takes it
         BZ    DSPGO2A             away again before CP stores)
         O     R0,DSPCR0LP
DSPGO2A  ST    R1,PSAWORK
         LCTL  3,3,PSAWORK
         L     R1,VMBCR1R          CR1: its storage map...
         TM    VMBPSW,X'04'        ...unless its virtual DAT is on
         BZ    DSPGO2B
         TM    VMBPSW+1,X'08'
         BZ    DSPGO2B
         CPCALL SHDREAL            then the shadow tables, and its
*                                  own translation format in CR0
DSPGO2B  C     R0,PSACR0           CR0 and CR1 only when they change:
         BE    DSPGO3              loading them purges the TLB
         ST    R0,PSACR0
         LCTL  0,0,PSACR0
DSPGO3   C     R1,PSACR1
         BE    DSPGO4
         ST    R1,PSACR1
         LCTL  1,1,PSACR1
DSPGO4   LD    0,VMBFPRS
         LD    2,VMBFPRS+8
         LD    4,VMBFPRS+16
         LD    6,VMBFPRS+24
         MVC   PSAGPSW,DSPGPSW     real PSW: DAT, I/O, ext; EC M P
         IC    R2,VMBPSW+1         the key
         N     R2,DSPXF0B
         EX    R2,DSPOIGK          OI PSAGPSW+1,key
         TM    VMBPSW+1,X'08'
         BZ    DSPGO5
         MVC   PSAGPSW+2(1),VMBPSW+2   EC: CC, program mask
         B     DSPGO6
DSPGO5   IC    R0,VMBPSW+4         BC: CC, program mask from byte 4
         N     R0,DSPX3F
         STC   R0,PSAGPSW+2
DSPGO6   MVC   PSAGPSW+5(3),VMBPSW+5   instruction address
         TM    VMBTRACE,VMBTBR     TRACE BRANCH: real PER for its
         BZ    DSPGO7              successful branches (PRGPER
         LCTL  9,11,DSPPERCR       prints them); CP's PSWs have no
         OI    PSAGPSW,X'40'       PER bit: CR9 may stay loaded
DSPGO7   SPT   VMBSLICE
         LM    R0,R15,VMBGPRS      R11 is used before it is loaded
         LPSW  PSAGPSW             the guest runs
DSPOIGK  OI    PSAGPSW+1,0
         DS    0D
DSPGPSW  DC    X'070D0000',F'0'    DAT I/O ext | EC M - P
DSPCR0   DC    X'00800C40'         4K/64K, CKC, CPU timer, key
DSPCR0EA DC    X'08000000'         extraction-authority control
DSPCR0LP DC    X'10000000'         low-address protection
DSPCR3SV DC    X'FFFF0000'         PSW-key mask: all keys
DSPCR3PK DC    X'FFFF0000'
DSPXF0B  DC    X'000000F0'
DSPX3F   DC    X'0000003F'
DSPPERCR DC    X'80000000'         CR9: successful-branching events
         DC    X'00000000'         CR10, CR11: the whole of storage
         DC    X'00FFFFFF'
         DROP  R11,R12
*---------------------------------------------------------------------*
* DSPPSWOK - may the VM run with the virtual PSW it has now?  A wait *
* PSW makes it idle (enabled for I/O or external: until a virtual    *
* interruption, DSPWAKE) or stops it (disabled wait: the user is     *
* told, as VM/370 did).                                              *
* In: R11 -> VMBLOK.  Out: R15 = 0 run it, 4 it does not run now.    *
*---------------------------------------------------------------------*
DSPPSWOK CPENTRY
         USING VMBLOK,R11
         TM    VMBPSW+1,X'0A'      EC and wait?
         BO    DSPPW1
         TM    VMBPSW+1,X'02'
         BO    DSPPW2              BC wait
         B     DSPPWRUN
DSPPW1   TM    VMBPSW,X'03'        EC: I/O or external enabled?
         BNZ   DSPPWIDL
         B     DSPPWDIS
DSPPW2   TM    VMBPSW,X'FF'        BC: any channel or external mask
         BNZ   DSPPWIDL
DSPPWDIS OI    VMBSTATE,VMBSDWT    disabled wait: stop, then tell
         CPCALL VMSTOP             the user (CP READ follows it)
         LA    R2,DSPM450A
         L     R1,VMBPSW
         CPCALL PRGHEX
         LA    R2,DSPM450B
         L     R1,VMBPSW+4
         CPCALL PRGHEX
         LA    R1,DSPM450
         LA    R0,DSPM450L
         CPCALL TRMWRITE
         CPEXIT RC=4
DSPPWIDL OI    VMBSTATE,VMBSIDLE   enabled wait: idle
         TM    VMBOPTS,UDRORTIM    REALTIMER: its interval timer
         BZ    DSPPW3              goes on while it waits
         STCK  VMBIDLTM
DSPPW3   CPEXIT RC=4
DSPPWRUN CPEXIT RC=0
         DROP  R11
DSPM450  DC    C'DMKDSP450W CP ENTERED; DISABLED WAIT PSW '''
DSPM450A DC    C'xxxxxxxx '
DSPM450B DC    C'xxxxxxxx'''
DSPM450L EQU   *-DSPM450
         LTORG
*---------------------------------------------------------------------*
* DSPPICK - choose the VM to run.  Idle VMs with an interruption now  *
* pending and enabled wake first (VINCHECK).  Then round robin from  *
* the VM that ran last: it goes on while its slice lasts, otherwise  *
* its slice is refilled and the next runnable VM in the chain gets    *
* the CPU.                                                           *
* In: nothing.  Out: R11 -> VMBLOK or 0 (nobody runnable).           *
*---------------------------------------------------------------------*
DSPPICK  CPENTRY
         L     R11,PSAVMCHN        wake idle VMs that may go on
         USING VMBLOK,R11
DSPPK1   LTR   R11,R11
         BZ    DSPPK3
         TM    VMBSTATE,VMBSIDLE
         BZ    DSPPK2
         CPCALL VTMIDLE            REALTIMER: time passed idle
         CPCALL VINCHECK
         LTR   R15,R15
         BNZ   DSPPK2
         NI    VMBSTATE,255-VMBSIDLE
DSPPK2   L     R11,VMBNEXT
         B     DSPPK1
DSPPK3   L     R2,PSALASTV         the VM that ran last
         LTR   R11,R2
         BZ    DSPPK5
         TM    VMBSLICE,X'80'      slice used up (timer negative)?
         BO    DSPPK4
         CLI   VMBSTATE,VMBSRUN    no: it goes on if it can
         BE    DSPPKOK
DSPPK4   MVC   VMBSLICE,DSPFULL    a new slice for its next turn
         L     R11,VMBNEXT         and the search starts after it
         LTR   R11,R11
         BNZ   DSPPK6
DSPPK5   L     R11,PSAVMCHN        (or at the start of the chain)
         LTR   R11,R11
         BZ    DSPPKNO
DSPPK6   LR    R3,R11              where the search started
DSPPK7   CLI   VMBSTATE,VMBSRUN
         BE    DSPPKOK
         L     R11,VMBNEXT
         LTR   R11,R11
         BNZ   DSPPK8
         L     R11,PSAVMCHN        wrap round
DSPPK8   CR    R11,R3
         BNE   DSPPK7
         B     DSPPKNO
DSPPKOK  L     R15,4(,R13)         R11 goes back to the caller
         ST    R11,64(,R15)
         CPEXIT RC=0
DSPPKNO  SR    R11,R11
         L     R15,4(,R13)
         ST    R11,64(,R15)
         CPEXIT RC=4
         DROP  R11
         DS    0D
DSPFULL  DC    AL4(0),AL4(DSPSLICE)
*---------------------------------------------------------------------*
* DSPCLOCK - before CP waits: the real clock comparator is set to    *
* the earliest time an idle VM needs waking (VTMWAKE) or a CP timer  *
* request is due (the first on PSATMRQ).  The external               *
* subclasses that cannot end this wait are masked off in CR0 (the    *
* CPU timer always, the clock comparator when nobody needs it): a     *
* machine then sleeps without looking at timers at all.  The clock   *
* comparator subclass is enabled whenever something is due (an      *
* earlier wait may have masked it).  DSPGO puts CR0 back for the     *
* next guest.                                                        *
*---------------------------------------------------------------------*
DSPCLOCK CPENTRY
         SPT   DSPTMAX2
         CPCALL VTMWAKE            PSAWORK = earliest wake-up TOD
         ICM   R1,15,PSATMRQ       the first CP timer, if earlier
         BZ    DSPCK0
         USING TMRBLOK,R1
         CLC   TMRTOD,PSAWORK
         BNL   DSPCK0
         MVC   PSAWORK,TMRTOD
         DROP  R1
DSPCK0   SCKC  PSAWORK
         L     R0,PSACR0
         N     R0,DSPNOCPT
         O     R0,DSPCKCON
         CLC   PSAWORK,DSPNEVER
         BNE   DSPCK1
         N     R0,DSPNOCKC
DSPCK1   ST    R0,PSACR0
         LCTL  0,0,PSACR0
         CPEXIT RC=0
         DS    0D
DSPTMAX2 DC    X'7FFFFFFFFFFFFFFF'
DSPNEVER DC    X'FFFFFFFFFFFFFFFF'
DSPNOCPT DC    X'FFFFFBFF'         CR0 without the CPU timer (bit 21)
DSPNOCKC DC    X'FFFFF7FF'         ...and the clock comparator (20)
DSPCKCON DC    X'00000800'         the clock comparator alone
*---------------------------------------------------------------------*
* DSPWORK - run the work queued with CPEXQ, oldest first, until the  *
* queue is empty (work may queue more).  Each item's routine is      *
* called with R1 = R0 = its parameter, R11 = 0.                      *
*---------------------------------------------------------------------*
DSPWORK  CPENTRY
DSPWK1   L     R2,PSAWORKQ
         LTR   R2,R2
         BZ    DSPWKEND
         MVC   PSAWORKQ,0(R2)      unchain the first
         ICM   R0,15,PSAWORKQ
         BNZ   DSPWK2
         ST    R0,PSAWORKL         the queue is empty now
DSPWK2   LM    R3,R4,4(R2)         routine, parameter
         LR    R1,R2
         LA    R0,12
         CPCALL FREERET
         LR    R15,R3
         LR    R1,R4
         LR    R0,R4
         SR    R11,R11
         BALR  R14,R15
         B     DSPWK1
DSPWKEND CPEXIT RC=0
*---------------------------------------------------------------------*
* CPEXQ - queue work to run at top level (from the dispatcher loop), *
* for an interruption handler that must not wait itself.             *
* In: R1 -> routine (a CPENTRY routine), R0 = its parameter.         *
* Out: R15 = 0.  Work items are 12 bytes of free storage.            *
*---------------------------------------------------------------------*
CPEXQ    CPENTRY
         LR    R2,R1
         LR    R3,R0
         LA    R0,12
         CPCALL FREEGET
         STM   R2,R3,4(R1)         routine, parameter; next = 0
         L     R2,PSAWORKL
         LTR   R2,R2
         BZ    DSPEQ1
         ST    R1,0(,R2)           after the last
         B     DSPEQ2
DSPEQ1   ST    R1,PSAWORKQ         the only one
DSPEQ2   ST    R1,PSAWORKL
         CPEXIT RC=0
*---------------------------------------------------------------------*
* DSPWAKE - a virtual interruption was queued for the VM: if it was  *
* idle in an enabled wait it may run again (the dispatcher reflects  *
* the interruption when the virtual PSW allows it; if it does not,   *
* the VM goes back to its wait).  A VM stopped in CP mode stays so.  *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
DSPWAKE  CPENTRY
         USING VMBLOK,R11
         NI    VMBSTATE,255-VMBSIDLE
         CPEXIT RC=0
*---------------------------------------------------------------------*
* DSPBEGIN - leave CP mode: the VM runs from its virtual PSW (BEGIN,  *
* after IPL).  A disabled wait is left too: the PSW is tried again.  *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
DSPBEGIN CPENTRY
         NI    VMBSTATE,255-VMBSCPMD-VMBSDWT-VMBSIDLE
         OI    VMBSTATE,VMBSRUN
         CPEXIT RC=0
*---------------------------------------------------------------------*
* VMSTOP - stop the VM in CP mode (attention, disabled wait, TRACE    *
* stop): it is not dispatched until DSPBEGIN.  A stop with a message *
* (DMKDSP450W...) calls VMSTOP before writing it: the terminal shows *
* CP READ after the message.                                         *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
VMSTOP   CPENTRY
         OI    VMBSTATE,VMBSCPMD
         CPEXIT RC=0
         DROP  R11
         LTORG
