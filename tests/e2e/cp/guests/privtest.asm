*---------------------------------------------------------------------*
* PRIVTEST - the M3 guest: runs in virtual supervisor state (BC      *
* mode) and uses what CP must emulate, saying on its console 009     *
* what it saw:                                                       *
*   STIDP                 version code X'FF' (a virtual machine)     *
*   SSM, STNSM            the system mask set and read back          *
*   interval timer        X'50' set, an external interruption X'0080'*
*                         while it spins enabled                     *
*   STCK, SCKC, STCTL,    the clock comparator 10 ms ahead, CR0 bit  *
*   LCTL                  20 on: external interruption X'1004'       *
*   SIO, LPSW             every console line (gconio.cpy)            *
*                         and a word read and echoed                 *
*   DIAG X'0C'            the time of day (HH:MM:SS)                 *
* then says PRIVTEST: DONE and stops in a disabled wait, PSW        *
* address 0.  A program check: its code and address, then a disabled *
* wait X'EEE'.  Privileged instructions it runs, for QUERY TRAPS:    *
* STIDP 1, SSM 1, STNSM 1, SCKC 1, STCTL 1, LCTL 2, DIAG 1, SIO 10   *
* (9 lines written, 1 read), LPSW 13 (a wait for each of the 10      *
* console I/Os when device end comes with channel end, the spin for  *
* the interval timer, the wait for the clock comparator, the final   *
* disabled wait).                                                    *
*---------------------------------------------------------------------*
PRIVTEST START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),GIONEW
         MVC   X'58'(8),EXTNEW
         MVC   X'68'(8),PGMNEW
         GSAY  'PRIVTEST: START'
*
         STIDP CPUID
         CLI   CPUID,X'FF'
         BE    STIDPOK
         GSAY  'PRIVTEST: STIDP VERSION NOT FF'
         B     SSMTEST
STIDPOK  GSAY  'PRIVTEST: STIDP VERSION FF'
*
SSMTEST  SSM   =X'00'              all masks off
         STNSM MASK,X'FF'          read them back, unchanged
         CLI   MASK,X'00'
         BE    SSMOK
         GSAY  'PRIVTEST: SSM/STNSM MASK WRONG'
         B     TIMER
SSMOK    GSAY  'PRIVTEST: SSM/STNSM MASK 00'
*
TIMER    MVC   X'50'(4),=X'00000800'   about 27 ms of CPU time
         BAL   R9,EXTSPIN
         CLC   EXTCODE,=X'0080'
         BNE   EXTBAD
         GSAY  'PRIVTEST: INTERVAL TIMER INTERRUPTION 0080'
*
         STCK  CLOCK
         LM    R2,R3,CLOCK
         AL    R3,=F'40960000'     10 ms: 10000 microseconds << 12
         BC    12,CKNOCARR
         AL    R2,=F'1'
CKNOCARR STM   R2,R3,CLOCK
         SCKC  CLOCK
         STCTL R0,R0,CR0
         OI    CR0+2,X'08'         clock comparator subclass mask
         LCTL  R0,R0,CR0
         BAL   R9,EXTWAIT
         NI    CR0+2,X'F7'
         LCTL  R0,R0,CR0
         CLC   EXTCODE,=X'1004'
         BNE   EXTBAD
         GSAY  'PRIVTEST: CLOCK COMPARATOR INTERRUPTION 1004'
*
         GSAY  'PRIVTEST: TYPE A WORD'
         BAL   R11,GASKR
         LR    R3,R0
         MVC   ECHOWORD,GLINE
         LA    R1,ECHOMSG
         LA    R0,L'ECHOMSG(,R3)
         BAL   R11,GSAYR
*
         LA    R2,TIMEDAY
         DIAG  R2,R0,X'00C'
         MVC   DIAGTIME,TIMEDAY+8  HH:MM:SS
         LA    R1,DIAGMSG
         LA    R0,L'DIAGMSG+L'DIAGTIME
         BAL   R11,GSAYR
         GSAY  'PRIVTEST: DONE'
         LPSW  DONE
*
EXTBAD   LA    R1,EXTCODE-2        (a fullword whose low half is it)
         LA    R2,EXTHEX
         BAL   R11,GHEX
         LA    R1,EXTMSG
         LA    R0,L'EXTMSG+L'EXTHEX
         BAL   R11,GSAYR
         LPSW  DEAD
*---------------------------------------------------------------------*
* EXTWAIT - wait, enabled for external interruptions only, for one;  *
* its code goes to EXTCODE.  R9 return.                              *
* EXTSPIN - the same, spinning instead of waiting: the interval       *
* timer of a virtual machine counts only the CPU time it uses (as in *
* VM/370, unless OPTION REALTIMER), so a wait would never end.       *
*---------------------------------------------------------------------*
EXTWAIT  LPSW  EXTWTPSW
EXTSPIN  LPSW  EXTSPPSW
SPIN     B     SPIN
EXTINT   MVC   EXTCODE,X'1A'       BC mode: the old PSW's code
         BR    R9
*---------------------------------------------------------------------*
* PGMINT - a program check: say which, where, and stop.             *
*---------------------------------------------------------------------*
PGMINT   LA    R1,X'28'            the old PSW: code in bytes 2-3
         LA    R2,PGMHEX
         BAL   R11,GHEX
         LA    R1,X'2C'            and the address in 5-7
         LA    R2,PGMHEX+9
         BAL   R11,GHEX
         LA    R1,PGMMSG
         LA    R0,L'PGMMSG+L'PGMHEX
         BAL   R11,GSAYR
         LPSW  DEAD
*
         COPY  GCONIO
         DS    0D
EXTNEW   DC    X'00000000',A(EXTINT)
PGMNEW   DC    X'00000000',A(PGMINT)
EXTWTPSW DC    X'01020000',A(0)    enabled wait, external only
EXTSPPSW DC    X'01000000',A(SPIN) running, enabled for external
DONE     DC    X'00020000',A(0)
DEAD     DC    X'00020000',A(X'EEE')
CLOCK    DS    D
CR0      DS    F
TIMEDAY  DS    4D
CPUID    DS    D
         DS    H
EXTCODE  DS    H
MASK     DS    X
DIAGMSG  DC    C'PRIVTEST: DIAG 0C TIME '
DIAGTIME DS    CL8
EXTMSG   DC    C'PRIVTEST: WRONG EXTERNAL INTERRUPTION '
EXTHEX   DS    CL8
PGMMSG   DC    C'PRIVTEST: PROGRAM CHECK '
PGMHEX   DC    CL17' '
ECHOMSG  DC    C'PRIVTEST: ECHO '
ECHOWORD DS    CL80
         LTORG
         END   PRIVTEST
