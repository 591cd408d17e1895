*---------------------------------------------------------------------*
* VTIMER - the virtual machine's timers.  Prefix VTM.                 *
*                                                                     *
* The real timers belong to CP: the CPU timer measures time slices,   *
* the clock comparator wakes CP.  Each VM gets its own, kept in the  *
* VMBLOK and brought up to date whenever the guest leaves the CPU    *
* (DSPGSAVE -> VTMCHRG with the CPU time it just used):               *
*  - the interval timer, the word at guest real X'50': as in VM/370  *
*    it counts the VM's own CPU time (with OPTION REALTIMER also the  *
*    time it spends idle in an enabled wait), 300 * 256 units a       *
*    second in bit 31; when it goes from positive to negative the     *
*    VM gets an external interruption X'0080'.                       *
*  - the CPU timer (SPT/STPT, code X'1005' while negative): the VM's *
*    CPU time too.                                                    *
*  - the clock comparator (SCKC/STCKC, code X'1004' while the TOD    *
*    clock is past it) needs no upkeep: VINNEXT compares it with the  *
*    TOD clock.  An idle VM is woken by the real clock comparator,    *
*    which DSPCLOCK sets to the earliest of theirs (VTMWAKE).         *
* The TOD clock itself is not virtualized: STCK is not a privileged   *
* instruction, so a guest reads the real clock and nothing CP does   *
* could make its SCK take effect (see PRVSCK).                        *
* CP's own timer service lives here too: CPTIMER queues a request     *
* (TMRBLOK) to run a routine at a TOD deadline, CPTCANCL takes it     *
* back, VTMTRUN (the dispatcher, at top level) runs those due and     *
* sets the real clock comparator for the next one.                    *
*---------------------------------------------------------------------*
VTIMER   CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* VTMCHRG - charge CPU time to the VM: total, CPU timer, interval     *
* timer.  In: R11 -> VMBLOK, R1 = microseconds.  Out: R15 = 0.        *
*---------------------------------------------------------------------*
VTMCHRG  CPENTRY
         USING VMBLOK,R11
         LR    R4,R1
         LM    R2,R3,VMBVTIME      total virtual CPU time
         ALR   R3,R4
         BC    12,VTMCH1           no carry
         AL    R2,VTMONE           (a carry: 32 bits, not LA)
VTMCH1   STM   R2,R3,VMBVTIME
         SR    R6,R6               CPU timer -= microseconds * 4096
         LR    R7,R4
         SLDL  R6,12
         LM    R2,R3,VMBCPTM
         SLR   R3,R7
         BC    3,VTMCH2            no borrow
         BCTR  R2,0
VTMCH2   SR    R2,R6
         STM   R2,R3,VMBCPTM
         LR    R1,R4
         CPCALL VTMITIME
         CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* VTMITIME - step the interval timer at guest X'50' by some           *
* microseconds (96/1250 of a unit each; the remainder is kept in     *
* VMBITREM so that no time is lost).  Going from positive or zero   *
* to negative queues the X'0080' interruption.                       *
* In: R11 -> VMBLOK, R1 = microseconds.  Out: R15 = 0.                *
*---------------------------------------------------------------------*
VTMITIME CPENTRY
         USING VMBLOK,R11
         LR    R3,R1
         CL    R3,VTMCAP           (M multiplies signed numbers: a
         BNH   VTMIT0              long idle time is cut to 17
         L     R3,VTMCAP           minutes, plenty to pass zero)
VTMIT0   DS    0H
         M     R2,VTMF96           R2:R3 = microseconds * 96
         AL    R3,VMBITREM
         BC    12,VTMIT1
         AL    R2,VTMONE
VTMIT1   D     R2,VTMF1250         R3 = units, R2 = what is left
         ST    R2,VMBITREM
         LTR   R3,R3
         BZ    VTMITEND
         LA    R1,X'50'
         CPCALL GSTADDR            page 0 stays resident
         L     R4,0(,R1)
         LR    R5,R4
         SR    R5,R3
         ST    R5,0(,R1)
         LTR   R4,R4               was it positive or zero...
         BM    VTMITEND
         LTR   R5,R5               ...and is it negative now?
         BNM   VTMITEND
         LA    R1,X'80'
         CPCALL VINTEXT
VTMITEND CPEXIT RC=0
         DROP  R11
VTMF96   DC    F'96'
VTMF1250 DC    F'1250'
VTMCAP   DC    A(X'40000000')      microseconds
*---------------------------------------------------------------------*
* VTMIDLE - an idle VM with OPTION REALTIMER: its interval timer     *
* counts the time it spent waiting too (VMBIDLTM, set when it went   *
* idle, moves on to now).  Others: nothing.                          *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                   *
*---------------------------------------------------------------------*
VTMIDLE  CPENTRY
         USING VMBLOK,R11
         TM    VMBOPTS,UDRORTIM
         BZ    VTMIDEND
         STCK  VTMTOD
         LM    R2,R3,VTMTOD        elapsed = now - then
         SL    R3,VMBIDLTM+4
         BC    3,VTMID1
         BCTR  R2,0
VTMID1   S     R2,VMBIDLTM
         MVC   VMBIDLTM,VTMTOD
         SRDL  R2,12               microseconds
         LR    R1,R3
         CPCALL VTMITIME
VTMIDEND CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* VTMWAKE - when must CP wake up for its idle VMs?  The earliest of  *
* the clock comparators of the idle VMs enabled for it, and for      *
* REALTIMER VMs enabled for the interval timer, the moment it will   *
* pass zero.  In: nothing.  Out: PSAWORK = that TOD value, or all    *
* ones (never).                                                     *
*---------------------------------------------------------------------*
VTMWAKE  CPENTRY
         MVC   PSAWORK,VTMNEVER
         L     R11,PSAVMCHN
         USING VMBLOK,R11
VTMWK1   LTR   R11,R11
         BZ    VTMWKEND
         TM    VMBSTATE,VMBSIDLE
         BZ    VTMWK4
         TM    VMBPSW,X'01'        external mask
         BZ    VTMWK4
         TM    VMBCRS+2,X'08'      CR0: clock comparator
         BZ    VTMWK2
         CLC   VMBCKC,PSAWORK
         BNL   VTMWK2
         MVC   PSAWORK,VMBCKC
VTMWK2   TM    VMBOPTS,UDRORTIM
         BZ    VTMWK4
         TM    VMBCRS+3,X'80'      CR0: interval timer
         BZ    VTMWK4
         LA    R1,X'50'
         CPCALL GSTADDR
         L     R3,0(,R1)
         LTR   R3,R3
         BM    VTMWK4              already negative
         M     R2,VTMF125B        units -> microseconds (+1)
         D     R2,VTMF96B
         LA    R3,1(,R3)
         SR    R2,R2
         SLDL  R2,12               TOD units
         STCK  VTMTOD
         AL    R3,VTMTOD+4
         BC    12,VTMWK3
         AL    R2,VTMONE
VTMWK3   AL    R2,VTMTOD
         ST    R2,VTMTOD
         ST    R3,VTMTOD+4
         CLC   VTMTOD,PSAWORK
         BNL   VTMWK4
         MVC   PSAWORK,VTMTOD
VTMWK4   L     R11,VMBNEXT
         B     VTMWK1
VTMWKEND CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* CPTIMER - queue a CP timer request: at the deadline the dispatcher  *
* calls its routine at top level (see TMRBLOK).  A block already      *
* queued is taken off first, so CPTIMER also moves a deadline.        *
* Requests with the same deadline run in the order they were queued. *
* In: R1 -> TMRBLOK with TMRRTN, TMRPARM, TMRTOD set.  Out: R15 = 0. *
* Any level (never waits).                                           *
*---------------------------------------------------------------------*
CPTIMER  CPENTRY
         LR    R2,R1
         CPCALL CPTCANCL           off the queue if it is on it
         USING TMRBLOK,R2
         LA    R3,PSATMRQ          R3 -> the link to the next one
VTMTQ1   L     R4,0(,R3)
         LTR   R4,R4
         BZ    VTMTQ2              the end: it goes last
         CLC   TMRTOD,TMRTOD-TMRBLOK(R4)
         BL    VTMTQ2              earlier than this one
         LR    R3,R4               (TMRNEXT is the first word)
         B     VTMTQ1
VTMTQ2   ST    R4,TMRNEXT
         ST    R2,0(,R3)
         DROP  R2
         CPEXIT RC=0
*---------------------------------------------------------------------*
* CPTCANCL - take a CP timer request off the queue.                   *
* In: R1 -> TMRBLOK.  Out: R15 = 0 it was queued (its routine will   *
* not run), 4 it was not (never queued, or its routine ran already). *
* Any level (never waits).                                           *
*---------------------------------------------------------------------*
CPTCANCL CPENTRY
         LA    R3,PSATMRQ          R3 -> the link to the next one
VTMTC1   L     R4,0(,R3)
         LTR   R4,R4
         BZ    VTMTCNO
         CR    R4,R1
         BE    VTMTC2
         LR    R3,R4               (TMRNEXT is the first word)
         B     VTMTC1
VTMTC2   MVC   0(4,R3),0(R4)       unchain it
         XC    0(4,R4),0(R4)
         CPEXIT RC=0
VTMTCNO  CPEXIT RC=4
*---------------------------------------------------------------------*
* VTMTRUN - (dispatcher, top level) run the CP timer requests whose   *
* deadline has passed, earliest first, each taken off the queue      *
* before its routine is called (R1 = R0 = TMRPARM, R11 = 0).  Then    *
* the real clock comparator is brought forward to the next deadline  *
* if it is set later (DSPCLOCK sets it before CP waits; this keeps   *
* it right while guests run).  In: nothing.  Out: R15 = 0.           *
*---------------------------------------------------------------------*
VTMTRUN  CPENTRY
VTMTR1   L     R2,PSATMRQ
         LTR   R2,R2
         BZ    VTMTREND
         USING TMRBLOK,R2
         STCK  VTMTOD
         CLC   TMRTOD,VTMTOD
         BH    VTMTR2              the first is not due: none is
         MVC   PSATMRQ,TMRNEXT
         XC    TMRNEXT,TMRNEXT
         L     R15,TMRRTN
         L     R1,TMRPARM
         LR    R0,R1
         SR    R11,R11
         BALR  R14,R15
         B     VTMTR1              (it may have queued more)
VTMTR2   STCKC VTMTOD              the comparator as set now
         CLC   TMRTOD,VTMTOD
         BNL   VTMTREND
         MVC   VTMTOD,TMRTOD       (SCKC wants a doubleword: the
         SCKC  VTMTOD              caller's block may not be one)
         DROP  R2
VTMTREND CPEXIT RC=0
         DS    0D
VTMTOD   DS    D
VTMNEVER DC    X'FFFFFFFFFFFFFFFF'
VTMONE   DC    F'1'
VTMF96B  DC    F'96'
VTMF125B DC   F'1250'
         LTORG
