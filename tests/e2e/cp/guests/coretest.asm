*---------------------------------------------------------------------*
* CORETEST - the virtual CPU without devices (tests/e2e/cp/          *
* core_cpu.sh stores it at X'400' with STORE and starts it with      *
* STORE PSW, BEGIN).  In virtual supervisor state, BC mode, it runs  *
* the privileged instructions CP emulates and the interruptions CP   *
* reflects, checking each result as the architecture defines it.    *
* All well: a disabled wait with PSW address X'AAA'.  A check that   *
* fails: a disabled wait with address X'F00' + the step number (R10  *
* holds the step too).  An unexpected interruption: X'E00' + step,   *
* with the old PSW where the architecture put it.                    *
* Steps (R10):                                                        *
*   1 STIDP: version code X'FF'      2 STAP: CPU address 0           *
*   3 SPKA/IPK: key 3 (kept across a trap) and back                  *
*   4 SSK/ISK key X'50' at X'2000'                                    *
*   5 key 3 storing into it: protection (code 4) reflected, BC form  *
*   6 SVC 123 reflected: code in the SVC old PSW                     *
*   7 D by zero: fixed-point divide (code 9) reflected               *
*   8 a page at 512K: written and read back (CP's page faults)       *
*   9 X'100000' (1M) beyond the VM: addressing (code 5) reflected    *
*  10 LCTL/STCTL CR0                 11 SPT/STPT: the timer runs     *
*  12 SCKC/STCKC                     13 SSM, STNSM, STOSM            *
*  14 interval timer at X'50': external interruption X'0080'        *
*  15 clock comparator 20 ms ahead, enabled wait: X'1004'            *
*  16 DIAG X'00': name, userid       17 DIAG X'0C': 'MM/DD/YY'       *
*  18 DIAG X'FC': specification (code 6) reflected                   *
*  19 LRA through its own tables: X'1123' -> X'5123', cc 0; cc 1     *
*  20 LPSW of an EC PSW (OPTION ECMODE), back to BC with LPSW        *
*  21 EC mode: program interruption and SVC codes at X'8C', X'88'    *
*  22 STPX 0, SPX 0, SIGP (CPU 1: cc 3; itself SENSE: cc 0), RRB     *
*  23 EC mode, low-address protection: a store to X'100' refused     *
*  24 STCTL 15,0: CR15 and CR0, wrapping round                       *
*---------------------------------------------------------------------*
CORETEST START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),PGMNEW     unexpected program interruptions
         MVC   X'58'(8),EXTNEW
         MVC   X'60'(8),SVCNEW
         MVC   X'50'(4),=X'7FFFFF00'  no interval timer interruption
*                                  until step 14 wants one
* 1 STIDP
         LA    R10,1
         STIDP WORK
         CLI   WORK,X'FF'
         BNE   FAIL
* 2 STAP
         LA    R10,2
         MVC   WORK(2),=X'FFFF'
         STAP  WORK
         CLC   WORK(2),=X'0000'
         BNE   FAIL
* 3 SPKA, IPK
         LA    R10,3
         SPKA  X'30'
         STAP  WORK                (a trap: CP keeps the key it set)
         SR    R2,R2
         IPK
         C     R2,=F'48'           X'30'
         BNE   FAIL
         SPKA  0
* 4 SSK, ISK
         LA    R10,4
         LA    R1,X'50'
         L     R2,=A(X'2000')
         SSK   R1,R2
         SR    R3,R3
         ISK   R3,R2
         C     R3,=F'80'           X'50' (BC: key and F only)
         BNE   FAIL
* 5 protection
         LA    R10,5
         MVC   X'68'(8),PGMNEW5
         SPKA  X'30'
         STAP  WORK                (a trap between: the key stays 3)
         MVI   0(R2),1             key 3 into key 5: protection
         B     FAIL
STEP5    SPKA  0
         CLC   X'2A'(2),=H'4'      code in the BC old PSW
         BNE   FAIL
         MVC   X'68'(8),PGMNEW
* 6 SVC
         LA    R10,6
         SVC   123
         B     FAIL                (the handler resumes at STEP6)
* 7 divide by zero
STEP6    LA    R10,7
         MVC   X'68'(8),PGMNEW7
         SR    R4,R4
         SR    R5,R5
         LA    R6,0
         DR    R4,R6
         B     FAIL
STEP7    CLC   X'2A'(2),=H'9'
         BNE   FAIL
         MVC   X'68'(8),PGMNEW
* 8 a page far out
         LA    R10,8
         L     R1,=A(X'80000')
         MVC   0(8,R1),=C'PAGED IN'
         CLC   0(8,R1),=C'PAGED IN'
         BNE   FAIL
* 9 addressing
         LA    R10,9
         MVC   X'68'(8),PGMNEW9
         L     R1,=A(X'100000')
         L     R0,0(,R1)
         B     FAIL
STEP9    CLC   X'2A'(2),=H'5'
         BNE   FAIL
         MVC   X'68'(8),PGMNEW
* 10 LCTL, STCTL
         LA    R10,10
         LCTL  0,0,CR0STD
         STCTL 0,0,WORK
         CLC   WORK(4),CR0STD
         BNE   FAIL
* 11 SPT, STPT
         LA    R10,11
         SPT   TIMERVAL
         STPT  WORK
         CLC   WORK(8),TIMERVAL
         BH    FAIL
         CLC   WORK(2),=X'0000'
         BNE   FAIL
* 12 SCKC, STCKC
         LA    R10,12
         SCKC  CKCVAL
         STCKC WORK
         CLC   WORK(8),CKCVAL
         BNE   FAIL
* 13 SSM, STNSM, STOSM
         LA    R10,13
         SSM   =X'00'
         STOSM WORK,X'01'          store 00, then external on
         CLI   WORK,X'00'
         BNE   FAIL
         STNSM WORK,X'00'          store 01, then all off
         CLI   WORK,X'01'
         BNE   FAIL
* 14 interval timer
         LA    R10,14
         MVC   X'58'(8),EXTNEW14
         MVC   X'50'(4),=F'256'    1/300 s of its CPU time
         SSM   =X'01'              external on
         L     R5,=F'100000000'
LOOP14   BCT   R5,LOOP14
         B     FAIL
STEP14   CLC   X'1A'(2),=X'0080'
         BNE   FAIL
* 15 clock comparator, enabled wait
         LA    R10,15
         MVC   X'58'(8),EXTNEW15
         STCK  WORK
         LM    R0,R1,WORK
         AL    R1,=A(20000*4096)   20 ms
         BC    12,NOCARRY
         AL    R0,=F'1'
NOCARRY  STM   R0,R1,WORK
         SCKC  WORK
         LCTL  0,0,CR0CKC    clock comparator subclass only
         LPSW  WAIT15
STEP15   CLC   X'1A'(2),=X'1004'
         BNE   FAIL
         SCKC  CKCNEVER
         LCTL  0,0,CR0STD
         MVC   X'58'(8),EXTNEW
* 16 DIAG 0
         LA    R10,16
         LA    R6,WORK
         LA    R7,22
         DC    X'8367',S(0)        DIAG 6,7,0
         CLC   WORK(8),=CL8'VM/370'  system name
         BNE   FAIL
         CLC   WORK+14(4),=C'USER'   userid (USER1, USER2)
         BNE   FAIL
* 17 DIAG C
         LA    R10,17
         LA    R6,WORK
         DC    X'8360',S(X'C')     DIAG 6,0,X'C'
         CLI   WORK+2,C'/'
         BNE   FAIL
         CLI   WORK+10,C':'
         BNE   FAIL
* 18 a bad DIAG code
         LA    R10,18
         MVC   X'68'(8),PGMNEW18
         DC    X'8360',S(X'FC')
         B     FAIL
STEP18   CLC   X'2A'(2),=H'6'
         BNE   FAIL
         MVC   X'68'(8),PGMNEW
* 19 LRA: segment table at X'3000' (one entry), page table at X'3040'
         LA    R10,19
         L     R1,=A(X'3000')
         MVC   0(4,R1),=X'F0003040'   PTL 15, PT X'3040'
         MVC   X'40'(32,R1),=16X'0008'  all pages invalid...
         MVC   X'42'(2,R1),=X'0050'   ...but page 1 -> frame X'5000'
         LCTL  0,1,CR0CR1  4K/64K; table X'3000'
         L     R5,=A(X'1123')
         LRA   R4,0(,R5)
         BNZ   FAIL
         C     R4,=A(X'5123')
         BNE   FAIL
         LRA   R4,X'100'           page 0: invalid: cc 2
         BC    13,FAIL
         C     R4,=A(X'3040')
         BNE   FAIL
         LCTL  0,0,CR0STD
* 20 an EC PSW and back
         LA    R10,20
         LPSW  ECPSW
STEP20   LPSW  BCPSW
STEP20B  DS    0H
* 21 EC mode: a program interruption stores its ILC and code at
*    X'8C', an SVC at X'88'; the new PSWs are EC PSWs too
         LA    R10,21
         MVC   X'68'(8),ECPGM21
         MVC   X'60'(8),ECSVC21
         LPSW  ECRUN21
EC21     SR    R4,R4
         SR    R5,R5
         SR    R6,R6
         DR    R4,R6               fixed-point divide: code 9, ILC 1
         LPSW  FAILPSW
EC21PGM  CLC   X'8C'(4),=X'00020009'
         BNE   FAIL
         CLI   X'29',X'08'         the old PSW: EC mode, key 0
         BNE   FAIL
         SVC   7
         LPSW  FAILPSW
EC21SVC  CLC   X'88'(4),=X'00020007'
         BNE   FAIL
         MVC   X'68'(8),PGMNEW
         MVC   X'60'(8),SVCNEW
         LPSW  BCBACK21
BC21     DS    0H
* 22 STPX, SPX 0, SIGP, RRB
         LA    R10,22
         MVC   WORK(4),=F'-1'
         STPX  WORK
         CLC   WORK(4),=F'0'       prefix 0
         BNE   FAIL
         SPX   WORK                prefix 0 again: fine
         LA    R5,1                CPU 1: not operational
         SIGP  R4,R5,1
         BC    14,FAIL             (cc 3 wanted)
         SR    R5,R5               itself, SENSE: accepted
         SIGP  R4,R5,1
         BNZ   FAIL
         L     R1,=A(X'80000')
         RRB   0(R1)
         RRB   0(R1)               the reference bit is off now
         BC    3,FAIL              (cc 0 or 1 wanted)
* 23 EC mode, low-address protection (CR0 bit 3): a store to X'100'
*    is a protection exception
         LA    R10,23
         MVC   X'68'(8),ECPGM23
         LCTL  0,0,CR0LAP
         LPSW  ECRUN23
EC23     MVI   X'100',0            protected
         LPSW  FAILPSW
EC23PGM  CLC   X'8C'(4),=X'00040004'  protection, ILC 2 (MVI)
         BNE   FAIL
         LCTL  0,0,CR0STD          (its own X'68' is protected too)
         MVC   X'68'(8),PGMNEW
         LPSW  BCBACK23
BC23     DS    0H
* 24 STCTL wrapping from CR15 to CR0: X'200' (reset value), CR0
         LA    R10,24
         STCTL 15,0,WORK
         CLC   WORK(8),CR15CR0
         BNE   FAIL
* done
         LPSW  DONE
FAIL     LA    R1,X'F00'(,R10)
         ST    R1,FAILPSW+4
         LPSW  FAILPSW
UNEXP    LA    R1,X'E00'(,R10)
         ST    R1,FAILPSW+4
         LPSW  FAILPSW
SVCIN    CLC   X'22'(2),=H'123'    SVC: code in the BC old PSW
         BNE   FAIL
         LA    R1,STEP6
         ST    R1,X'24'
         MVI   X'24',0
         LPSW  X'20'
         COPY  GREGS               R0-R15
         DS    0D
PGMNEW   DC    X'00000000',A(UNEXP)
EXTNEW   DC    X'00000000',A(UNEXP)
SVCNEW   DC    X'00000000',A(SVCIN)
PGMNEW5  DC    X'00000000',A(STEP5)
PGMNEW7  DC    X'00000000',A(STEP7)
PGMNEW9  DC    X'00000000',A(STEP9)
PGMNEW18 DC    X'00000000',A(STEP18)
EXTNEW14 DC    X'00000000',A(STEP14)
EXTNEW15 DC    X'00000000',A(STEP15)
WAIT15   DC    X'01020000',A(0)    enabled (external) wait
ECPSW    DC    X'00080000',A(STEP20)
BCPSW    DC    X'00000000',A(STEP20B)
ECRUN21  DC    X'00080000',A(EC21)
ECPGM21  DC    X'00080000',A(EC21PGM)
ECSVC21  DC    X'00080000',A(EC21SVC)
BCBACK21 DC    X'00000000',A(BC21)
ECRUN23  DC    X'00080000',A(EC23)
ECPGM23  DC    X'00080000',A(EC23PGM)
BCBACK23 DC    X'00000000',A(BC23)
DONE     DC    X'00020000',A(X'AAA')
FAILPSW  DC    X'00020000',A(0)
TIMERVAL DC    X'00000FFFFFFFF000'
CKCVAL   DC    X'0123456789ABC000'
CKCNEVER DC    X'FFFFFFFFFFFFFFFF'
CR0CR1   DC    X'00800000',X'00003000'  4K/64K; segment table X'3000'
CR15CR0  DC    X'00000200',X'000000E0'  CR15 and CR0 after reset
CR0STD   DC    X'000000E0'         CR0 after reset
CR0LAP   DC    X'100000E0'         with low-address protection
CR0CKC   DC    X'00000800'         clock comparator subclass only
         DS    0D
WORK     DS    XL32
         LTORG
         END   CORETEST
