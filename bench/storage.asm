*
* STORAGE - benchmark workload 2: the storage-to-storage mix.  Each
*         pass moves and compares 80-byte records (MVC CLC), translates
*         and scans them (TR TRT), moves 1,024 bytes with MVCL and
*         compares 256 of them with CLCL, converts between zoned and
*         packed decimal (PACK UNPK), does packed arithmetic (ZAP AP SP
*         CP) and edits a packed number for printing (ED).
*
*         Assemble:  asm370 -f deck -D ITER=n storage.asm
*         Entry:     the IPL PSW (BC mode, every interruption disabled)
*         Exit:      disabled wait, PSW address 0 on success; X'BAD'
*                    if a result is wrong (never on a correct CPU)
*         Timer:     the image starts at X'50' with X'7FFFFFFF': the
*                    IPL loads the interval timer before the CPU
*                    starts, so it never expires (7.7 hours) and no
*                    interruption condition is ever pending, not even
*                    for an instant before the first instruction.
*                    Nothing can make an interruptible instruction
*                    (MVCL, CLCL) stop early and count twice: the count
*                    stays exact.
*
*         Executed instructions, exactly (checked by tests/e2e/bench):
*         INSTRUCTIONS = 31*ITER + 7
*           setup 5 (BALR BCTR BCTR L B); per pass 31: the body 30
*           and the closing BCT 1; at the end the last BCT 1 and
*           LPSW 1.
*
*         Registers: R12 base, R9 passes left, R2-R5 MVCL and CLCL
*         operands, R1 and R2 TRT results.
*
         AIF   (D'ITER).HAVEIT
ITER     EQU   100000                  passes when -D ITER= is absent
.HAVEIT  ANOP
STORAGE  START X'50'
*
* X'50': the interval timer, loaded by the IPL (see Timer above).
*
         DC    X'7FFFFFFF'
         ORG   STORAGE+X'2000'-X'50'
BEGIN    DS    0H                      the entry point, X'2000'
         USING BEGIN,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> BEGIN
         BCTR  12,0
         L     9,PASSES                ITER+1: the first BCT is free
         B     NEXT
*
* LOOP - one pass: 30 instructions.  Every operand is rebuilt from
*        constants on each pass except the running total TOTAL, which
*        grows by 39 a pass (15 digits: no overflow).
*
LOOP     MVC   RECORD,CARD             an 80-byte record
         CLC   RECORD,CARD
         BNE   FAIL                    (not taken)
         TR    RECORD,UPPER            lower case to upper case
         CLC   RECORD,CARDUP
         BNE   FAIL                    (not taken)
         TRT   RECORD,STOPS            find the '*' in column 72
         BZ    FAIL                    (not taken: found)
         LM    2,5,MOVEREGS            MVCL: 1,024 bytes, no padding
         MVCL  2,4
         LM    2,5,COMPREGS            CLCL: 256 bytes
         CLCL  2,4                     equal
         BNE   FAIL                    (not taken)
         PACK  PACKED,ZONED            zoned 00000042 to packed
         UNPK  UNPACKED,PACKED         ... and back
         CLC   UNPACKED,ZONED
         BNE   FAIL                    (not taken)
         ZAP   WORK,PACKED             42
         AP    WORK,PACKED             84
         SP    WORK,THREE              81
         SP    WORK,PACKED             39
         AP    TOTAL,WORK              the running total
         CP    WORK,PACKED             39 < 42
         BNL   FAIL                    (not taken)
         CP    TOTAL,WORK
         BL    FAIL                    (not taken)
         MVC   EDITED,PATTERN          edit WORK (7 digits)
         ED    EDITED,WORK
         CLC   EDITED,RESULT39
         BNE   FAIL                    (not taken)
NEXT     BCT   9,LOOP
         LPSW  DONE                    disabled wait, code 0
FAIL     LPSW  FAILED
*
         DS    0D
DONE     DC    X'0002000000000000'     disabled wait PSW, success
FAILED   DC    X'0002000000000BAD'     disabled wait PSW, failure
PASSES   DC    A(ITER+1)
MOVEREGS DC    A(BIGTO,1024,BIGFROM,1024)
COMPREGS DC    A(BIGTO,256,BIGFROM,256)
TOTAL    DC    PL8'0'
PACKED   DS    PL5
WORK     DS    PL4
THREE    DC    P'3'
ZONED    DC    ZL8'42'
UNPACKED DS    ZL8
PATTERN  DC    X'402020206B20202120'  fill, 3 digits, comma, 4 digits
EDITED   DS    XL9
RESULT39 DC    CL7' ',C'39'            WORK (39) edited
CARD     DC    CL71'the quick brown fox jumps over the lazy dog'
         DC    C'*'
         DC    CL8'BENCH'
CARDUP   DC    CL71'THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG'
         DC    C'*'
         DC    CL8'BENCH'
RECORD   DS    CL80
*
* UPPER - translate table: the lower-case EBCDIC letters (rows 8, 9
*         and A) to upper case, every other byte to itself.
*
UPPER    DC    X'000102030405060708090A0B0C0D0E0F'
         DC    X'101112131415161718191A1B1C1D1E1F'
         DC    X'202122232425262728292A2B2C2D2E2F'
         DC    X'303132333435363738393A3B3C3D3E3F'
         DC    X'404142434445464748494A4B4C4D4E4F'
         DC    X'505152535455565758595A5B5C5D5E5F'
         DC    X'606162636465666768696A6B6C6D6E6F'
         DC    X'707172737475767778797A7B7C7D7E7F'
         DC    X'80C1C2C3C4C5C6C7C8C98A8B8C8D8E8F'
         DC    X'90D1D2D3D4D5D6D7D8D99A9B9C9D9E9F'
         DC    X'A0A1E2E3E4E5E6E7E8E9AAABACADAEAF'
         DC    X'B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF'
         DC    X'C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF'
         DC    X'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF'
         DC    X'E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF'
         DC    X'F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF'
*
* STOPS - TRT table: nonzero for '*' only.
*
STOPS    DC    256X'00'
         ORG   STOPS+C'*'
         DC    X'04'
         ORG   STOPS+256
BIGFROM  DC    256C'ABCD'
BIGTO    DS    1024C
         END   BEGIN
