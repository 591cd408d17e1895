*---------------------------------------------------------------------*
* COREDAT - a guest with DAT on (tests/e2e/cp/core_dat.sh stores it  *
* at X'400').  Its own tables, 4K pages and 64K segments: segment    *
* table at X'3000' (16 entries, only segment 0 valid), page table at *
* X'3040': virtual page 0 -> real 0 (the program runs on after DAT  *
* goes on), page 1 -> real X'5000', page 3 -> real X'3000' (the      *
* tables themselves), the others invalid.  CP must run it through    *
* shadow tables.  Steps (R10):                                       *
*   1 a store to virtual X'1000' lands at real X'5000'               *
*   2 virtual X'2000' (page invalid): page translation (X'11'),      *
*     address at X'90', the PSW at the instruction (nullified)       *
*   3 virtual X'10000' (segment invalid): segment translation (X'10')*
*   4 STIDP to virtual X'1008' (a privileged instruction's operand is *
*     virtual): at real X'5008'                                      *
*   5 LRA of virtual X'1234' with DAT on: X'5234', cc 0              *
*   6 page 1 moved to real X'6000' in its table, PTLB: a store to    *
*     virtual X'1000' lands at X'6000' (the purge took the shadow)   *
*   7 DAT off: X'5000', X'5008' (X'FF') and X'6000' hold the stores  *
*   8 2K pages: tables of the other format, virtual X'1000' -> real  *
*     X'6800', X'1800' invalid (X'11')                               *
* All well: disabled wait X'AAA'; a failed check: X'F00' + step; an  *
* unexpected interruption: X'E00' + step.                            *
*---------------------------------------------------------------------*
COREDAT  START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),PGMNEW
         L     R1,=A(X'3000')      the tables
         MVC   0(64,R1),INVSEG     16 segment entries: invalid...
         MVC   0(4,R1),=X'F0003040'  ...but segment 0: 16 pages
         MVC   X'40'(32,R1),INVPAGE  all pages invalid...
         MVC   X'40'(2,R1),=X'0000'  ...but page 0 -> 0
         MVC   X'42'(2,R1),=X'0050'  and page 1 -> X'5000'
         MVC   X'46'(2,R1),=X'0030'  and page 3 -> 3 (the tables)
         LCTL  0,1,CR0CR1
         LPSW  DATON
* 1 a store through the tables
VIRT     LA    R10,1
         L     R2,=A(X'1000')
         MVC   0(8,R2),=C'VIRTUAL1'
* 2 an invalid page
         LA    R10,2
         MVC   X'68'(8),PGMNEW2
         L     R2,=A(X'2000')
INST2    MVI   0(R2),0
         B     FAIL
STEP2    CLC   X'8C'(4),=X'00040011'  page translation, ILC 2
         BNE   FAIL
         CLC   X'90'(4),=A(X'2000')
         BNE   FAIL
         CLC   X'2C'(4),=A(INST2)     nullified: at the instruction
         BNE   FAIL
* 3 an invalid segment
         LA    R10,3
         MVC   X'68'(8),PGMNEW3
         L     R2,=A(X'10000')
         MVI   0(R2),0
         B     FAIL
STEP3    CLC   X'8E'(2),=X'0010'   segment translation
         BNE   FAIL
         CLC   X'90'(4),=A(X'10000')
         BNE   FAIL
         MVC   X'68'(8),PGMNEW
* 4 STIDP to a virtual address
         LA    R10,4
         L     R2,=A(X'1008')
         STIDP 0(R2)
* 5 LRA
         LA    R10,5
         L     R2,=A(X'1234')
         LRA   R3,0(,R2)
         BNZ   FAIL
         C     R3,=A(X'5234')
         BNE   FAIL
* 6 remap page 1, purge
         LA    R10,6
         L     R1,=A(X'3042')
         MVC   0(2,R1),=X'0060'    page 1 -> X'6000'
         PTLB
         L     R2,=A(X'1000')
         MVC   0(8,R2),=C'VIRTUAL6'
* 7 DAT off, look at real storage
         LA    R10,7
         LPSW  DATOFF
REAL     L     R2,=A(X'5000')
         CLC   0(8,R2),=C'VIRTUAL1'
         BNE   FAIL
         CLI   8(R2),X'FF'         STIDP version code
         BNE   FAIL
         L     R2,=A(X'6000')
         CLC   0(8,R2),=C'VIRTUAL6'
         BNE   FAIL
* 8 2K pages: tables at X'3800' and X'3840', virtual X'1000' (2K
*   page 2) -> real X'6800'; pages 0 and 1 (this code) -> 0, X'800'
         LA    R10,8
         L     R1,=A(X'3800')
         MVC   0(64,R1),INVSEG
         MVC   0(4,R1),=X'F0003840'  segment 0: 32 pages
         MVC   X'40'(64,R1),INVPAGE2
         MVC   X'40'(6,R1),=X'000000080068'  0->0, 1->800, 2->6800
         LCTL  0,1,CR0CR1B
         LPSW  DATON2
VIRT2    L     R2,=A(X'1000')
         MVC   0(8,R2),=C'VIRTUAL8'
         L     R2,=A(X'1800')      2K page 3: invalid
         MVC   X'68'(8),PGMNEW8
         MVI   0(R2),0
         B     FAIL
STEP8    CLC   X'8C'(4),=X'00040011'
         BNE   FAIL
         LPSW  DATOFF2
REAL2    L     R2,=A(X'6800')
         CLC   0(8,R2),=C'VIRTUAL8'
         BNE   FAIL
         LPSW  DONE
FAIL     LA    R1,X'F00'(,R10)
         ST    R1,FAILPSW+4
         LPSW  FAILPSW
UNEXP    LA    R1,X'E00'(,R10)
         ST    R1,FAILPSW+4
         LPSW  FAILPSW
R1       EQU   1
R2       EQU   2
R3       EQU   3
R10      EQU   10
R12      EQU   12
         DS    0D
DATON    DC    X'04080000',A(VIRT)   EC, DAT on
DATOFF   DC    X'00080000',A(REAL)   EC, DAT off
PGMNEW   DC    X'00080000',A(UNEXP)
PGMNEW2  DC    X'04080000',A(STEP2)  (the handlers run with DAT on)
PGMNEW3  DC    X'04080000',A(STEP3)
DATON2   DC    X'04080000',A(VIRT2)
DATOFF2  DC    X'00080000',A(REAL2)
PGMNEW8  DC    X'04080000',A(STEP8)
DONE     DC    X'00020000',A(X'AAA')
FAILPSW  DC    X'00020000',A(0)
CR0CR1   DC    X'00800000'         4K pages, 64K segments
         DC    X'00003000'         segment table X'3000', 16 entries
INVSEG   DC    16X'00000001'
INVPAGE  DC    16X'0008'
CR0CR1B  DC    X'00400000'         2K pages, 64K segments
         DC    X'00003800'         segment table X'3800'
INVPAGE2 DC    32X'0004'
         LTORG
         END   COREDAT
