*---------------------------------------------------------------------*
* PGMCHK - program and SVC interruptions: trap or reflect.  Prefix   *
* PRG.                                                                *
*                                                                     *
* A guest runs in real problem state with DAT on, so three kinds of  *
* program interruption reach CP from it:                              *
*  - a translation exception (code X'10' or X'11') on an address in  *
*    the VM's own storage: CP's page fault.  The page is allocated or *
*    read back from the paging area, and the guest resumes at the    *
*    same instruction, which the hardware nullified: the guest never *
*    knows.  Beyond its storage it is the guest's addressing          *
*    exception.  With the virtual DAT on, it is a shadow fault       *
*    (SHDFAULT): the guest's own tables decide whose it is.          *
*  - a privileged-operation exception (code 2) while the VIRTUAL PSW *
*    is in supervisor state: the heart of trap and emulate.  The      *
*    instruction is fetched from guest storage at PSW - ILC, looked   *
*    up in the privileged-instruction table (PRVEXEC), emulated on    *
*    the VMBLOK, and the guest resumes after it.                     *
*  - anything else (code 2 in virtual problem state included) is the *
*    guest's own: it is reflected, stored in the guest's program old  *
*    PSW and interruption-code fields as the real machine would have  *
*    stored them, and the guest goes on at its program new PSW.      *
* A PER event (code bit X'0080') is CP's own, from TRACE BRANCH: it  *
* is printed (PRGPER) and the rest of the code, if any, is as above. *
* An SVC is always the guest's: reflected the same way.               *
*                                                                     *
* CP itself runs with DAT off in supervisor state and must never take *
* a program interruption: if it does, the operator console gets the  *
* PSW and the registers, and the machine stops in a disabled wait    *
* with address X'DEAD01' (see PRGDEAD for the codes).                *
*---------------------------------------------------------------------*
PGMCHK   CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* PRGINT - the program new PSW points here.                          *
*---------------------------------------------------------------------*
         ENTRY PRGINT
PRGINT   STM   R0,R15,PSAREGS
         BALR  R12,0
         USING *,R12
         TM    PSAPGMOL+1,X'01'    CP itself?
         BZ    PRGCPERR
         INTENTRY PSAPGMOL,SAVED=YES  saves the guest: R11 -> VMBLOK
         BALR  R12,0
         USING *,R12
         USING VMBLOK,R11
         LH    R2,PSAPGCOD
         TM    PSAPGCOD+1,X'80'    PER: CP's own (TRACE BRANCH)
         BZ    PRGI0
         CPCALL PRGPER             (R2 survives)
         N     R2,PRGX7F           the rest of the code, if any, is
         BZ    PRGIEND             handled as if it came alone
         STH   R2,PSAPGCOD
PRGI0    N     R2,PRGX3F           the exception code
         C     R2,PRGF2
         BE    PRGI2
         C     R2,PRGX10
         BE    PRGI3
         C     R2,PRGX11
         BE    PRGI3
PRGI1    LH    R1,PSAPGCOD         the guest's: reflect it as it is
         IC    R0,PSAPGILC
         N     R0,PRGX06
         CPCALL PRGREFL
         B     PRGIEND
PRGI2    TM    VMBPSW+1,X'01'      virtual problem state: its own
         BO    PRGI1
         CPCALL PRGPRIV            virtual supervisor: emulate
         B     PRGIEND
PRGI3    L     R1,PSATEA           the address that failed
         LA    R1,0(,R1)
         TM    VMBPSW,X'04'        virtual DAT on (EC mode)?
         BZ    PRGI3A
         TM    VMBPSW+1,X'08'
         BZ    PRGI3A
         CPCALL SHDFAULT           yes: a shadow fault
         B     PRGIEND
PRGI3A   CPCALL GSTADDR            page fault: in its storage? then
*                                  now it is there
         LTR   R15,R15
         BZ    PRGI4
         CPCALL PRGADDR            no: its addressing exception
         B     PRGIEND
PRGI4    L     R1,VMBCPAGE
         LA    R1,1(,R1)
         ST    R1,VMBCPAGE
PRGIEND  INTEXIT PSAPGMOL
         DROP  R11,R12
PRGX3F   DC    X'0000003F'
PRGF2    DC    F'2'
PRGX10   DC    X'00000010'
PRGX11   DC    X'00000011'
PRGX06   DC    X'00000006'
PRGX7F   DC    X'0000007F'
*---------------------------------------------------------------------*
* PRGPER - a program event: CP's own, from the real PER DSPGO turns  *
* on for TRACE BRANCH (CR9: successful branching only).  The branch  *
* is done, the virtual PSW holds its target; the PER address (real   *
* X'98') is the branch instruction's.  TRCEVENT prints it, and the   *
* guest goes on: not the guest's program interruption, so neither    *
* reflected nor counted.  A guest that turns PER on for itself (its  *
* virtual EC PSW bit 1 and virtual CR9) is not served: CP never runs *
* it with its own PER masks, nor reflects CP's events to it.         *
* In: R11 -> VMBLOK, saved.  Registers: R0 R1 R14 R15.               *
*---------------------------------------------------------------------*
PRGPER   CPENTRY
         USING VMBLOK,R11
         L     R2,PSAPERAD         the branch instruction's address
         LA    R2,0(,R2)
         LA    R1,VMBTBR
         CPCALL TRCEVENT           (nothing after TRACE END)
         CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* PRGPRIV - a privileged instruction in virtual supervisor state.    *
* The old PSW points after it (the exception suppressed it), so it   *
* starts ILC bytes before: fetch it into VMBINST and let PRVEXEC     *
* emulate it.  An emulation that finds an exception (R15 = 4,        *
* R1 = code) has it reflected, with the PSW after the instruction,  *
* as the real machine's suppression or completion would leave it -   *
* but at it for a translation exception (an operand's virtual        *
* address not mapped), which nullifies.                              *
* In: R11 -> VMBLOK, saved.                                          *
*---------------------------------------------------------------------*
PRGPRIV  CPENTRY
         USING VMBLOK,R11
         IC    R0,PSAPGILC
         N     R0,PRGX06B          ILC in bytes: 2, 4 or 6
         STC   R0,VMBINILC
         L     R1,VMBPSW+4
         LA    R1,0(,R1)
         SR    R1,R0
         LA    R1,0(,R1)           (24-bit wrap)
         ST    R1,VMBINSTA
         XC    VMBINST,VMBINST
         LA    R2,VMBINST
         SR    R3,R3               any alignment
         SR    R4,R4               fetch; virtual if DAT is on
         CPCALL PRVOPND            it was just executed: it is there
         LTR   R15,R15
         BNZ   PRGPV1
         CPCALL PRVEXEC
         LTR   R15,R15
         BZ    PRGPVEND
PRGPV1   C     R1,PRGX10B          a translation exception nullifies:
         BL    PRGPV2              the PSW goes back to the
         C     R1,PRGX11B          instruction
         BH    PRGPV2
         L     R2,VMBINSTA
         STCM  R2,7,VMBPSW+5
PRGPV2   SR    R0,R0               R1 = code: reflect it
         IC    R0,VMBINILC
         CPCALL PRGREFL
PRGPVEND CPEXIT RC=0
         DROP  R11
PRGX06B  DC    X'00000006'
PRGX10B  DC    X'00000010'
PRGX11B  DC    X'00000011'
*---------------------------------------------------------------------*
* PRGADDR - a translation exception beyond the VM's storage is the   *
* guest's addressing exception.  Translation exceptions nullify, so  *
* the real old PSW points AT the instruction; addressing suppresses  *
* or terminates, pointing after it: the PSW advances by the ILC,     *
* unless the instruction fetch itself failed (the failing address is *
* in the instruction's page), when it stays with ILC 0.             *
* In: R11 -> VMBLOK, saved.                                          *
*---------------------------------------------------------------------*
PRGADDR  CPENTRY
         USING VMBLOK,R11
         IC    R0,PSAPGILC
         N     R0,PRGX06C
         L     R2,PSATEA
         SRL   R2,12
         L     R3,VMBPSW+4
         LA    R3,0(,R3)
         SRL   R3,12
         CR    R2,R3
         BNE   PRGAD1
         SR    R0,R0               instruction fetch: no advance
         B     PRGAD2
PRGAD1   L     R3,VMBPSW+4
         AR    R3,R0
         STCM  R3,7,VMBPSW+5
PRGAD2   LA    R1,5                addressing exception
         CPCALL PRGREFL
         CPEXIT RC=0
         DROP  R11
PRGX06C  DC    X'00000006'
*---------------------------------------------------------------------*
* PRGREFL - reflect a program interruption to the guest: the virtual *
* PSW becomes its program old PSW (guest X'28'), the code and ILC go *
* into that PSW (BC) or to X'8C'-X'8F' (EC), and the guest continues *
* at its program new PSW (X'68').  A monitor event also stores the   *
* monitor class and code (X'94', X'9C').  Counted, and traced with   *
* TRACE PROGRAM.  An invalid program new PSW would interrupt again   *
* forever: the VM is stopped and its user told instead.              *
* In: R11 -> VMBLOK, R1 = interruption code, R0 = ILC in bytes.      *
*---------------------------------------------------------------------*
PRGREFL  CPENTRY
         USING VMBLOK,R11
         LR    R4,R1
         LR    R5,R0
         L     R1,VMBCPGM
         LA    R1,1(,R1)
         ST    R1,VMBCPGM
         TM    VMBTRACE,VMBTPGM
         BZ    PRGRF1
         LA    R1,VMBTPGM
         L     R2,VMBPSW+4
         LA    R2,0(,R2)
         SR    R2,R5
         CPCALL TRCEVENT
PRGRF1   TM    VMBPSW+1,X'08'      EC: the code goes to X'8C'
         BZ    PRGRF2
         SR    R1,R1
         CPCALL GSTADDR            page 0 stays resident
         LR    R0,R5               X'8C' 0, X'8D' ILC
         SLL   R0,16
         STCM  R0,12,X'8C'(R1)
         STH   R4,X'8E'(,R1)       X'8E' code
         TM    PSAPGCOD+1,X'40'    monitor event?
         BZ    PRGRF2
         MVC   X'94'(2,R1),PSAMONCL
         MVC   X'9C'(4,R1),PSAMONCD
PRGRF2   LA    R1,X'28'            old PSW
         LA    R2,X'68'            new PSW
         LR    R0,R4               BC: code in the old PSW
         LR    R3,R5               and ILC
         CPCALL VINSWAP
         LTR   R15,R15
         BZ    PRGRFEND
         CPCALL VMSTOP             an invalid program new PSW: the
         LA    R1,PRGM452          VM stops first, so that CP READ
         LA    R0,PRGM452L         follows the message
         CPCALL TRMWRITE
PRGRFEND CPEXIT RC=0
         DROP  R11
PRGM452  DC    C'DMKPRG452W CP ENTERED; PROGRAM NEW PSW INVALID'
PRGM452L EQU   *-PRGM452
         LTORG
*---------------------------------------------------------------------*
* PRGSVC - the SVC new PSW points here.  Guests' SVCs are theirs:    *
* the virtual PSW becomes the SVC old PSW (X'20'), the code and ILC *
* go into it (BC) or to X'88'-X'8B' (EC), and the guest continues at *
* its SVC new PSW (X'60').  CP issues no SVC.                        *
*---------------------------------------------------------------------*
         ENTRY PRGSVC
PRGSVC   STM   R0,R15,PSAREGS
         BALR  R12,0
         USING *,R12
         TM    PSASVCOL+1,X'01'
         BZ    PRGSVCER
         INTENTRY PSASVCOL,SAVED=YES
         BALR  R12,0
         USING *,R12
         USING VMBLOK,R11
         L     R1,VMBCSVC
         LA    R1,1(,R1)
         ST    R1,VMBCSVC
         SR    R5,R5
         IC    R5,PSASVILC
         N     R5,PRGX06D
         TM    VMBTRACE,VMBTSVC
         BZ    PRGSV1
         LA    R1,VMBTSVC
         L     R2,VMBPSW+4
         LA    R2,0(,R2)
         SR    R2,R5
         CPCALL TRCEVENT
PRGSV1   TM    VMBPSW+1,X'08'
         BZ    PRGSV2
         SR    R1,R1
         CPCALL GSTADDR
         LR    R0,R5               X'88' 0, X'89' ILC
         SLL   R0,16
         STCM  R0,12,X'88'(R1)
         MVC   X'8A'(2,R1),PSASVCOD  X'8A' code
PRGSV2   LA    R1,X'20'
         LA    R2,X'60'
         LH    R0,PSASVCOD
         LR    R3,R5
         CPCALL VINSWAP
         LTR   R15,R15
         BZ    PRGSV3
         LA    R1,6                an invalid SVC new PSW: the
         SR    R0,R0               specification exception it causes
         CPCALL PRGREFL
PRGSV3   INTEXIT PSASVCOL
         DROP  R11,R12
PRGX06D  DC    X'00000006'
*---------------------------------------------------------------------*
* PRGCPERR - a program interruption (or an SVC) in CP itself: a bug. *
* PRGMCK - a machine check; PRGRST - the operator's restart.          *
* Each tells the operator what and where, with the registers, and    *
* stops the machine in a disabled wait whose address says why:        *
*   X'DEAD01' program check or SVC in CP      X'DEAD02' machine check *
*   X'DEAD03' restart                         X'DEAD04' no free       *
*   storage (FREEGET)                         X'DEAD05' no pageable   *
*   frame left (every frame locked)                                   *
*---------------------------------------------------------------------*
         ENTRY PRGCPERR,PRGSVCER,PRGMCK,PRGRST
PRGCPERR BALR  R12,0              (PSAREGS: saved by PRGINT)
         USING *,R12
         MVC   PRGDREGS,PSAREGS
         MVC   PRGDPSW,PSAPGMOL
         XC    PRGDCODE,PRGDCODE
         MVC   PRGDCODE+2(2),PSAPGCOD
         LA    R3,1
         B     PRGDEAD
PRGSVCER BALR  R12,0              (PSAREGS: saved by PRGSVC)
         USING *,R12
         MVC   PRGDREGS,PSAREGS
         MVC   PRGDPSW,PSASVCOL
         XC    PRGDCODE,PRGDCODE
         MVC   PRGDCODE+2(2),PSASVCOD
         LA    R3,1
         B     PRGDEAD
PRGMCK   STM   R0,R15,PSAREGS
         BALR  R12,0
         USING *,R12
         MVC   PRGDREGS,PSAREGS
         MVC   PRGDPSW,PSAMCKOL
         XC    PRGDCODE,PRGDCODE
         LA    R3,2
         B     PRGDEAD
PRGRST   STM   R0,R15,PSAREGS
         BALR  R12,0
         USING *,R12
         MVC   PRGDREGS,PSAREGS
         MVC   PRGDPSW,PSARSTOL
         XC    PRGDCODE,PRGDCODE
         LA    R3,3
         B     PRGDEAD
         DROP  R12
*---------------------------------------------------------------------*
* PRGHALT - CP cannot go on (no free storage, no frame): reached by a *
* branch with R3 = the code; the registers at that point are shown.  *
*---------------------------------------------------------------------*
         ENTRY PRGHALT
PRGHALT  STM   R0,R15,PSAREGS
         BALR  R12,0
         USING *,R12
         MVC   PRGDREGS,PSAREGS
         XC    PRGDPSW,PRGDPSW
         XC    PRGDCODE,PRGDCODE
         B     PRGDEAD
         DROP  R12
*---------------------------------------------------------------------*
* PRGDEAD - the end: message with the PSW and registers, then a       *
* disabled wait with address X'DEAD0n'.                               *
* In: R3 = n, PRGDPSW, PRGDCODE, PRGDREGS filled.  Never returns.     *
*---------------------------------------------------------------------*
         ENTRY PRGDEAD
PRGDEAD  BALR  R12,0
         USING *,R12
         CLI   PRGDONCE,0          dying again (while telling)?
         BNE   PRGDE4              then at once
         MVI   PRGDONCE,1
         L     R13,PRGDSTK         a stack area well above the rest
         STC   R3,PRGDWAIT+7
         STC   R3,PRGM900N
         OI    PRGM900N,X'F0'
         L     R1,PRGDCODE
         LA    R2,PRGM900C
         CPCALL PRGHEX
         L     R1,PRGDPSW
         LA    R2,PRGM900P
         CPCALL PRGHEX
         L     R1,PRGDPSW+4
         LA    R2,PRGM900Q
         CPCALL PRGHEX
         LA    R1,PRGM900
         LA    R0,PRGM900L
         CPCALL TRMOPER
         LA    R4,PRGDREGS         four lines of four registers
         LA    R5,0
PRGDE1   LA    R6,PRGM901V         "GRnn" and four registers
         LA    R7,4
PRGDE2   L     R1,0(,R4)
         LR    R2,R6
         CPCALL PRGHEX
         LA    R4,4(,R4)
         LA    R6,9(,R6)
         BCT   R7,PRGDE2
         LR    R1,R5
         CVD   R1,PRGDDEC
         UNPK  PRGM901R(2),PRGDDEC+6(2)
         OI    PRGM901R+1,X'F0'
         LA    R1,PRGM901
         LA    R0,PRGM901L
         CPCALL TRMOPER
         LA    R5,4(,R5)
         C     R5,PRGF16
         BL    PRGDE1
         STCK  PRGDEND             the console writes them while CP
         L     R1,PRGDEND+4        waits, enabled, for a second
         AL    R1,PRGDSEC
         ST    R1,PRGDEND+4
         BC    12,PRGDE5
         L     R1,PRGDEND          (carry: 32 bits, no LA)
         AL    R1,PRGDONE
         ST    R1,PRGDEND
PRGDE5   SCKC  PRGDEND
         LCTL  0,0,PRGDCR0         the clock comparator must end it
PRGDE3   STCK  PRGDNOW             (interruptions come back here)
         CLC   PRGDNOW,PRGDEND
         BH    PRGDE4
         LPSW  PRGDWT1
PRGDE4   LPSW  PRGDWAIT
         DROP  R12
         DS    0D
PRGDWAIT DC    X'000A0000',X'00DEAD00'  EC, disabled, wait
PRGDWT1  DC    X'030A0000',A(PRGDE3)    EC, I/O and external, wait
PRGDEND  DS    D
PRGDNOW  DS    D
PRGDSEC  DC    X'F4240000'         one second in TOD units (low word)
PRGDCR0  DC    X'00800800'         CR0: clock comparator subclass
PRGDONCE DC    X'00'
         DS    0F
PRGDONE  DC    F'1'
PRGDPSW  DS    D
PRGDDEC  DS    D
PRGDCODE DS    F
PRGDREGS DS    XL64
PRGF16   DC    F'16'
PRGDSTK  DC    A(X'1000'+40*72)
PRGM900  DC    C'DMKPRG900E CP TERMINATED, CODE DEAD0'
PRGM900N DC    C'n PGM '
PRGM900C DC    C'xxxxxxxx PSW '
PRGM900P DC    C'xxxxxxxx '
PRGM900Q DC    C'xxxxxxxx'
PRGM900L EQU   *-PRGM900
PRGM901  DC    C'DMKPRG901E GR'
PRGM901R DC    C'nn '
PRGM901V DC    C'xxxxxxxx xxxxxxxx xxxxxxxx xxxxxxxx'
PRGM901L EQU   *-PRGM901
*---------------------------------------------------------------------*
* PRGHEX - eight hexadecimal digits.                                  *
* In: R1 = value, R2 -> 8 bytes for the digits.  Uses R1 R14 R15.   *
*---------------------------------------------------------------------*
PRGHEX   CPENTRY
         ST    R1,PRGHWORD
         UNPK  PRGHZONE(9),PRGHWORD(5)
         NC    PRGHZONE(8),PRGH0F  zones off: 0-15
         TR    PRGHZONE(8),PRGHTAB
         MVC   0(8,R2),PRGHZONE
         CPEXIT RC=0
PRGHWORD DS    F
         DC    X'00'
PRGHZONE DS    CL9
PRGHTAB  DC    C'0123456789ABCDEF'
PRGH0F   DC    8X'0F'
         LTORG
