*
* DAT - benchmark workload 4: dynamic address translation.  The
*         program builds a segment table and page tables (4K pages,
*         64K segments), turns translation on in EC mode and then
*         makes passes over a window of 2,048 virtual pages (8M),
*         far more than any TLB holds (s370 256 entries, Hercules
*         1,024).  A pass touches every page once, in steps of 257
*         pages modulo the window, so consecutive touches are in
*         different segments and the TLB never holds a page when it
*         comes round again: a fetch (a TLB miss) and a store to the
*         same page (a hit).  After each pass the 16 entries of one
*         page table are changed (each page moves to the neighbouring
*         frame) and PTLB purges the TLB.
*
*         Assemble:  asm370 -f deck -D ITER=n dat.asm
*         Entry:     the IPL PSW (BC mode, every interruption disabled)
*         Exit:      disabled wait (EC mode, translation off), PSW
*                    address 0
*         Timer:     the image starts at X'50' with X'7FFFFFFF': the
*                    IPL loads the interval timer before the CPU
*                    starts, so it never expires (7.7 hours) and no
*                    interruption condition is ever pending, not even
*                    for an instant before the first instruction.
*                    Nothing can make an interruptible instruction
*                    (MVCL, CLCL) stop early and count twice: the count
*                    stays exact.
*         Storage:   2M.  Real X'8000' the segment table (144 entries),
*                    X'9000' the page tables of the window, X'A000' the
*                    page table of segment 0; real 1M-2M holds the
*                    256 frames the window's pages share.
*
*         Virtual storage (CR0 X'00800000', CR1 X'08008000'):
*           segment 0      0-64K, mapped to the same real addresses
*                          (low storage, this program, the tables)
*           segments 1-15  invalid
*           segments 16-143  the window, 1M-9M: page j of the window
*                          (0-2047) is in frame 1M + 4K*(j mod 256),
*                          then in the neighbouring frame (j mod 256
*                          with its low bit flipped) each time its
*                          page table is changed
*
*         Executed instructions, exactly (checked by tests/e2e/bench):
*         INSTRUCTIONS = 12375*ITER + 14988
*           setup 14986: 3 (BALR BCTR BCTR); segment 0's page
*           table 3+4*16; the segment table 4 (entry 0), 2+3*15
*           (1-15) and 2+4*128 (16-143); the window's page tables
*           3+7*2048; LCTL and LPSW 2; 10 in virtual mode (L L L L
*           LA LA LA LA L B);
*           per pass 12375: LA 1, the touches 6*2048, the page-table
*           change 2+5*16+4 (LA LA, FLIP, PTLB LA N BCT);
*           at the end the last BCT 1 and LPSW 1.
*
*         Registers in the passes: R12 base, R9 passes left, R10
*         inner counts, R8 the window's start, R5 the page offset in
*         the window, R6 the step, R7 the window mask, R13 the first
*         page table, R11 the offset of the page table to change,
*         R2 the frame bit to flip, R4 a running sum, R1 R3 scratch.
*
         AIF   (D'ITER).HAVEIT
ITER     EQU   1000                    passes when -D ITER= is absent
.HAVEIT  ANOP
SEGTAB   EQU   X'8000'                 segment table (64-byte aligned)
PAGETABS EQU   X'9000'                 the window's 128 page tables
PT0      EQU   X'A000'                 segment 0's page table
WINDOW   EQU   X'100000'               the window: virtual 1M-9M
PAGES    EQU   2048                    pages in the window
*
DAT      START X'50'
*
* X'50': the interval timer, loaded by the IPL (see Timer above).
*
         DC    X'7FFFFFFF'
         ORG   DAT+X'2000'-X'50'
BEGIN    DS    0H                      the entry point, X'2000'
         USING BEGIN,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> BEGIN
         BCTR  12,0
*
* Segment 0's page table: 16 entries, page i in frame i.  A 4K-page
* entry holds the frame address shifted right 8 bits (bits 0-11);
* bit 12 is the invalid bit.
*
         L     7,APT0                  R7 -> entry 0
         LA    5,0                     frame 0
         LA    10,16
SEG0PT   STH   5,0(,7)
         LA    5,X'10'(,5)             the next 4K frame
         LA    7,2(,7)
         BCT   10,SEG0PT
*
* The segment table: entry 0 -> segment 0's page table, 1-15 invalid,
* 16-143 -> the window's page tables, 32 bytes apart.  An entry holds
* the page-table length (bits 0-3: 15, all 16 pages), the page-table
* origin (bits 8-28) and the invalid bit (31).
*
         L     7,ASEGTAB               R7 -> entry 0
         L     5,STE0
         ST    5,0(,7)
         LA    7,4(,7)
         L     5,INVALID
         LA    10,15
SEGINV   ST    5,0(,7)
         LA    7,4(,7)
         BCT   10,SEGINV
         L     5,STE16
         LA    10,128
SEGWIN   ST    5,0(,7)
         A     5,PTSIZE                the next page table
         LA    7,4(,7)
         BCT   10,SEGWIN
*
* The window's page tables: page j in frame 1M + 4K*(j mod 256).
*
         L     7,APAGETAB              R7 -> the first entry
         LA    5,0                     16*j
         LA    10,PAGES
WINPT    LR    0,5
         N     0,FRAMEMOD              16*(j mod 256)
         O     0,FRAME1M               + the entry of real 1M
         STH   0,0(,7)
         LA    5,X'10'(,5)
         LA    7,2(,7)
         BCT   10,WINPT
*
* Translation on: CR0 4K pages and 64K segments, CR1 the segment table;
* then an EC-mode PSW with the DAT bit, every interruption disabled.
*
         LCTL  0,1,CRS
         LPSW  DATON
VIRTUAL  L     6,STEP                  from here addresses are virtual
         L     7,WINMASK
         L     8,AWINDOW
         L     13,APAGETAB
         LA    5,0                     the first page
         LA    11,0                    the first page table to change
         LA    2,X'10'                 the frame bit a change flips
         LA    4,0
         L     9,PASSES                ITER+1: the first BCT is free
         B     NEXT
*
* PASS - one pass over the window (6 instructions a page), then the
*        change of one page table (16 entries) and PTLB.
*
PASS     LA    10,PAGES
TOUCH    L     3,0(5,8)                fetch: a TLB miss
         AR    4,3
         ST    4,4(5,8)                store to the same page: a hit
         AR    5,6                     257 pages on
         NR    5,7                     ... modulo the window
         BCT   10,TOUCH
         LA    1,0(11,13)              R1 -> the page table to change
         LA    10,16
FLIP     LH    3,0(,1)                 the entry
         XR    3,2                     the neighbouring frame
         STH   3,0(,1)
         LA    1,2(,1)
         BCT   10,FLIP
*        purge the TLB
         PTLB
         LA    11,32(,11)              next time the next page table
         N     11,PTMOD                ... of the 128
NEXT     BCT   9,PASS
         LPSW  DONE                    disabled wait, code 0
*
         DS    0D
DATON    DC    X'04080000',A(VIRTUAL)  EC mode, translation on
DONE     DC    X'000A000000000000'     EC mode, disabled wait, code 0
CRS      DC    X'00800000'             CR0: 4K pages, 64K segments
         DC    A(X'08000000'+SEGTAB)   CR1: 144 entries (9*16), origin
PASSES   DC    A(ITER+1)
APT0     DC    A(PT0)
ASEGTAB  DC    A(SEGTAB)
APAGETAB DC    A(PAGETABS)
AWINDOW  DC    A(WINDOW)
STE0     DC    A(X'F0000000'+PT0)      16 entries at PT0
STE16    DC    A(X'F0000000'+PAGETABS) 16 entries at PAGETABS
INVALID  DC    F'1'                    the segment-invalid bit
PTSIZE   DC    F'32'                   16 two-byte entries
FRAMEMOD DC    X'00000FF0'             256 frames
FRAME1M  DC    A(WINDOW/256)           the entry of the frame at 1M
STEP     DC    A(257*4096)
WINMASK  DC    A(PAGES*4096-1)
PTMOD    DC    A(PAGES*2-1)            4K of page tables
         END   BEGIN
