*---------------------------------------------------------------------*
* EXTINT - real external interruptions.  Prefix EXT.                 *
*                                                                     *
* CP enables three external subclasses (CR0):                         *
*  - the CPU timer (X'1005'): it only runs while a guest does, loaded *
*    with what is left of the guest's time slice, so this is the end  *
*    of a slice.  DSPGSAVE has seen the timer negative; the           *
*    dispatcher gives the CPU to the next VM.                         *
*  - the clock comparator (X'1004'): set by the dispatcher to the    *
*    earliest CP timer request (CPTIMER) and, before it waits, to an  *
*    earlier virtual clock comparator (or REALTIMER interval timer)   *
*    of an idle VM.  The comparator is set out of reach again; the   *
*    dispatcher runs the CP timers that are due and wakes the VMs.   *
*  - the interrupt key (X'0040'): the operator pressed it: ignored,   *
*    with a message on the operator console.                          *
* Anything else is not expected and ignored.                          *
*---------------------------------------------------------------------*
EXTINT   CSECT
         USING PSA,0
         ENTRY EXTINT1
EXTINT1  INTENTRY PSAEXTOL
         BALR  R12,0
         USING *,R12
         LH    R2,PSAEXCOD
         C     R2,EXTX1004
         BNE   EXTI1
         SCKC  EXTNEVER            clock comparator: off until set
         B     EXTIEND
EXTI1    C     R2,EXTX1005
         BNE   EXTI2
         SPT   EXTTMAX             CPU timer: (already, if a guest)
         B     EXTIEND
EXTI2    C     R2,EXTX0040
         BNE   EXTIEND
         L     R1,EXTKEYA          key: tell the operator, later
         SR    R0,R0
         CPCALL CPEXQ
EXTIEND  INTEXIT PSAEXTOL
         DS    0D
EXTNEVER DC    X'FFFFFFFFFFFFFFFF'
EXTTMAX  DC    X'7FFFFFFFFFFFFFFF'
EXTX1004 DC    X'00001004'
EXTX1005 DC    X'00001005'
EXTX0040 DC    X'00000040'
EXTKEYA  DC    A(EXTKEY)
         DROP  R12
*---------------------------------------------------------------------*
* EXTKEY - (work item) the interrupt key message.                     *
*---------------------------------------------------------------------*
EXTKEY   CPENTRY
         LA    R1,EXTM001
         LA    R0,EXTM001L
         CPCALL TRMOPER
         CPEXIT RC=0
EXTM001  DC    C'DMKEXT001I EXTERNAL INTERRUPT KEY IGNORED'
EXTM001L EQU   *-EXTM001
         LTORG
