*
* DAT - builds segment and page tables (4K pages, 64K segments: CR0
*       X'00800000'), turns DAT on in EC mode and works through them:
*       virtual page 0 is real page 0 (this program), page 1 is real
*       X'5000', pages 2-15 and segments 1-15 are invalid.  Stores
*       'VIRT' at virtual X'1100' (real X'5100'); LRA of X'1234' gives
*       X'5234' in R3; LRA of X'2000' gives cc 2 (R5 = 2) and the
*       page-table entry's address X'1104' in R4.  Ends in a disabled
*       wait with DAT on, address 0.
*
DAT      START 0
         DC    X'0000000000000200'     restart new PSW
         ORG   DAT+X'68'
         DC    X'000A00000000DEAD'     program new PSW
         ORG   DAT+X'200'
         BALR  12,0
         USING *,12
         LCTL  0,1,CRS
         LPSW  VIRTUAL                 EC mode, DAT on
DATON    LA    6,X'800'
         LA    6,X'800'(6)             R6 = X'1000'
         MVC   X'100'(4,6),=C'VIRT'    virtual X'1100'
         LRA   3,X'234'(0,6)           X'1234'
         LA    7,X'800'(6)
         LA    7,X'800'(7)             R7 = X'2000'
         LRA   4,0(0,7)                X'2000': page invalid
         LA    5,2
         BC    2,DONE                  cc 2 as expected
         LA    5,9
DONE     LPSW  WAIT
         DS    0D
VIRTUAL  DC    X'040C0000',A(DATON)    EC, DAT on, disabled
WAIT     DC    X'040A000000000000'     EC, DAT on, wait, address 0
CRS      DC    X'00800000',X'00001000' CR0, CR1
         LTORG
         ORG   DAT+X'1000'
SEGMENTS DC    X'F0001100'             page table at X'1100'
         DC    15X'00000001'           segments 1-15 invalid
         ORG   DAT+X'1100'
PAGES    DC    X'0000'                 page 0: frame 0
         DC    X'0050'                 page 1: frame X'5000'
         DC    14X'0008'               pages 2-15 invalid
         END
