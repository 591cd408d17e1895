*---------------------------------------------------------------------*
* TMRTEST - a test module for CP's timer service (core_cptimer.sh).   *
* Prefix TMT.  The test assembles a nucleus with this module added   *
* and, while CP idles, points the real PSW at TMTDRIVE (disabled,    *
* key 0).  TMTDRIVE queues four CP timer requests and takes one     *
* back, writes what CPTCANCL answered, and goes to the dispatcher:  *
*   A: queued for now + 0.1 s, then again for now + 0.9 s (moved)    *
*   B: now + 0.3 s         C: now + 0.6 s, then CPTCANCL (RC 0),     *
*   D: deadline 0 (due)       and CPTCANCL again (RC 4)             *
* Each routine writes TMTEST FIRED n on the operator console: the    *
* test expects 4, 2, 1 in that order, each once, and never 3.        *
*---------------------------------------------------------------------*
TMRTEST  CSECT
         USING PSA,0
         ENTRY TMTDRIVE
TMTDRIVE BALR  R12,0
         USING *,R12
         L     R13,=A(X'1000')     CP idled: its stack is empty
         STCK  TMTNOW
         LA    R1,TMTA             A: 0.1 s, then 0.9 s
         L     R0,=X'186A0000'
         BAL   R14,TMTQUEUE
         LA    R1,TMTA
         L     R0,=X'DBBA0000'
         BAL   R14,TMTQUEUE
         LA    R1,TMTB             B: 0.3 s
         L     R0,=X'493E0000'
         BAL   R14,TMTQUEUE
         LA    R1,TMTC             C: 0.6 s
         L     R0,=X'927C0000'
         BAL   R14,TMTQUEUE
         LA    R1,TMTD             D: deadline 0
         CPCALL CPTIMER
         LA    R1,TMTC             C taken back: RC 0...
         CPCALL CPTCANCL
         BAL   R14,TMTSAYRC
         LA    R1,TMTC             ...and it is no longer queued
         CPCALL CPTCANCL
         BAL   R14,TMTSAYRC
         L     R15,=A(DSPRUN)
         BR    R15
*---------------------------------------------------------------------*
* TMTQUEUE - CPTIMER for the block at R1, deadline TMTNOW + R0.      *
* R14 return.  Registers changed: R0-R3, R15.                         *
*---------------------------------------------------------------------*
TMTQUEUE ST    R14,TMTR14
         LM    R2,R3,TMTNOW
         ALR   R3,R0
         BC    12,TMTQ1            no carry
         AL    R2,=F'1'            (LA would clear bits 0-7)
TMTQ1    STM   R2,R3,TMRTOD-TMRBLOK(R1)
         CPCALL CPTIMER
         L     R14,TMTR14
         BR    R14
*---------------------------------------------------------------------*
* TMTSAYRC - TMTEST CANCEL RC n on the operator console, n = R15.     *
* R14 return.  Registers changed: R0, R1, R15.                        *
*---------------------------------------------------------------------*
TMTSAYRC ST    R14,TMTR14
         STC   R15,TMTMRC+L'TMTMRC-1
         OI    TMTMRC+L'TMTMRC-1,X'F0'
         LA    R1,TMTMRC
         LA    R0,L'TMTMRC
         CPCALL TRMOPER
         L     R14,TMTR14
         BR    R14
         LTORG
         DS    0D
TMTNOW   DS    D
TMTR14   DS    A
         DS    0D
TMTA     DC    A(0),A(TMTFIRE),F'1',F'0',D'0'
TMTB     DC    A(0),A(TMTFIRE),F'2',F'0',D'0'
TMTC     DC    A(0),A(TMTFIRE),F'3',F'0',D'0'
TMTD     DC    A(0),A(TMTFIRE),F'4',F'0',D'0'
TMTMRC   DC    C'TMTEST CANCEL RC n'
         DROP  R12
*---------------------------------------------------------------------*
* TMTFIRE - a timer request's routine: TMTEST FIRED n, n = R1.        *
*---------------------------------------------------------------------*
TMTFIRE  CPENTRY
         STC   R1,TMTMFI+L'TMTMFI-1
         OI    TMTMFI+L'TMTMFI-1,X'F0'
         LA    R1,TMTMFI
         LA    R0,L'TMTMFI
         CPCALL TRMOPER
         CPEXIT RC=0
TMTMFI   DC    C'TMTEST FIRED n'
         LTORG
