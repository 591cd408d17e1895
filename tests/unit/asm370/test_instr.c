/*
 * test_instr.c - asm370 machine instructions: every S/370 mnemonic of cpu370/opcodes.h assembled at
 * least once, in every operand form, plus the extended branch mnemonics and implicit addresses
 * resolved through USING.
 *
 * Every expected byte string was worked out by hand from GA22-7000 (instruction formats in chapter 5,
 * opcodes in Appendix B) and written literally, so a wrong entry in the opcode table is caught here.
 * Formats: RR op|R1 R2; RX op|R1 X2|B2 D2(12); RS op|R1 R3|B2 D2; SI op|I2|B1 D1; S op(16)|B2 D2;
 * SS op|L-1|B1 D1|B2 D2 or op|L1-1 L2-1|B1 D1|B2 D2; SRP op|L1-1 I3|B1 D1|B2 D2.
 */
#include <check.h>

#include "tests/unit/asm370/asmtest.h"

/* One statement with an empty name field: operation in column 10. */
#define I(text) "         " text "\n"

/* ---- RR, general --------------------------------------------------------------------------- */

START_TEST(test_rr_control)
{
    asmtest_expect(I("SPM   5")             /* 04 R1=5 R2=0 */
                   I("BALR  14,15")         /* 05 */
                   I("BCTR  3,0")           /* 06 */
                   I("BCR   15,14")         /* 07 M1=F */
                   I("SSK   1,2")           /* 08 */
                   I("ISK   3,4")           /* 09 */
                   I("SVC   255")           /* 0A I=FF */
                   I("SVC   0")             /* 0A I=00 */
                   I("SVC   X'0D'")         /* 0A I=0D */
                   I("BASR  14,15")         /* 0D */
                   I("MVCL  2,4")           /* 0E */
                   I("CLCL  6,8"),          /* 0F */
                   "0450 05EF 0630 07FE 0812 0934 0AFF 0A00 0A0D 0DEF 0E24 0F68");
}
END_TEST

START_TEST(test_rr_fixed_point)
{
    asmtest_expect(I("LPR   1,2") I("LNR   3,4") I("LTR   5,6") I("LCR   7,8")
                   I("NR    9,10") I("CLR   11,12") I("OR    13,14") I("XR    15,0")
                   I("LR    1,2") I("CR    2,3") I("AR    4,5") I("SR    6,7")
                   I("MR    8,9") I("DR    10,11") I("ALR   12,13") I("SLR   14,15"),
                   "1012 1134 1256 1378 149A 15BC 16DE 17F0"
                   "1812 1923 1A45 1B67 1C89 1DAB 1ECD 1FEF");
}
END_TEST

START_TEST(test_rr_register_symbols)
{
    /* Registers written as absolute symbols (EQU generates no bytes). */
    asmtest_expect("R1       EQU   1\n"
                   "R15      EQU   15\n"
                   I("LR    R1,R15")
                   I("AR    R15,R1+1"),
                   "181F 1AF2");
}
END_TEST

/* ---- RR, floating point ---------------------------------------------------------------------- */

START_TEST(test_rr_float_long)
{
    asmtest_expect(I("LPDR  0,2") I("LNDR  2,4") I("LTDR  4,6") I("LCDR  6,0")
                   I("HDR   0,2") I("LRDR  0,4") I("MXR   0,4") I("MXDR  0,2")
                   I("LDR   2,6") I("CDR   4,0") I("ADR   6,2") I("SDR   0,6")
                   I("MDR   2,4") I("DDR   4,6") I("AWR   6,4") I("SWR   0,2"),
                   "2002 2124 2246 2360 2402 2504 2604 2702"
                   "2826 2940 2A62 2B06 2C24 2D46 2E64 2F02");
}
END_TEST

START_TEST(test_rr_float_short)
{
    asmtest_expect(I("LPER  0,2") I("LNER  2,4") I("LTER  4,6") I("LCER  6,0")
                   I("HER   0,2") I("LRER  0,4") I("AXR   0,4") I("SXR   4,0")
                   I("LER   2,6") I("CER   4,0") I("AER   6,2") I("SER   0,6")
                   I("MER   2,4") I("DER   4,6") I("AUR   6,4") I("SUR   0,2"),
                   "3002 3124 3246 3360 3402 3504 3604 3740"
                   "3826 3940 3A62 3B06 3C24 3D46 3E64 3F02");
}
END_TEST

/*
 * 3C and 7C multiply two short operands into a long result; later Principles of Operation name them
 * MDER and MDE, and HLASM accepts both spellings for the same opcode.
 */
START_TEST(test_float_multiply_aliases)
{
    asmtest_expect(I("MER   2,4") I("MDER  2,4") I("ME    4,24(,8)") I("MDE   4,24(,8)"),
                   "3C24 3C24 7C408018 7C408018");
}
END_TEST

/* ---- RX -------------------------------------------------------------------------------------- */

START_TEST(test_rx_general)
{
    asmtest_expect(I("STH   1,0(2,3)")       /* D2(X2,B2) */
                   I("LA    1,4095")         /* absolute address: base 0, index 0 */
                   I("STC   2,1(,4)")        /* D2(,B2) */
                   I("IC    3,2(5)")         /* D2(X2): index 5, base 0 */
                   I("EX    4,0(,9)")
                   I("BAL   14,100(0,12)")
                   I("BCT   5,8(6,7)")
                   I("BC    8,12(0,10)")
                   I("LH    1,X'10'(2,3)")
                   I("CH    2,2(3,4)")
                   I("AH    3,4(4,5)")
                   I("SH    4,6(5,6)")
                   I("MH    5,8(6,7)")
                   I("BAS   14,0(15)")
                   I("CVD   6,16(,13)")
                   I("CVB   7,24(,13)"),
                   "40123000 41100FFF 42204001 43350002 44409000 45E0C064 46567008 4780A00C"
                   "48123010 49234002 4A345004 4B456006 4C567008 4DEF0000 4E60D010 4F70D018");
    asmtest_expect(I("ST    1,X'FFF'(15,12)")
                   I("N     2,0(1,2)")
                   I("CL    3,4(,1)")
                   I("O     4,8(,1)")
                   I("X     5,12(,1)")
                   I("L     6,16(,1)")
                   I("C     7,20(,1)")
                   I("A     8,24(,1)")
                   I("S     9,28(,1)")
                   I("M     10,32(,1)")
                   I("D     10,36(,1)")
                   I("AL    11,40(,1)")
                   I("SL    12,44(,1)")
                   I("LRA   1,0(2,3)"),
                   "501FCFFF 54212000 55301004 56401008 5750100C 58601010 59701014 5A801018"
                   "5B90101C 5CA01020 5DA01024 5EB01028 5FC0102C B1123000");
}
END_TEST

START_TEST(test_rx_float)
{
    asmtest_expect(I("STD   0,0(1,2)") I("MXD   4,8(,3)") I("LD    2,16(,3)") I("CD    4,0(5,6)")
                   I("AD    6,8(,7)") I("SD    0,16(,7)") I("MD    2,24(,7)") I("DD    4,32(,7)")
                   I("AW    6,40(,7)") I("SW    0,48(,7)"),
                   "60012000 67403008 68203010 69456000 6A607008 6B007010 6C207018 6D407020"
                   "6E607028 6F007030");
    asmtest_expect(I("STE   2,4(,8)") I("LE    4,8(,8)") I("CE    6,12(,8)") I("AE    0,16(,8)")
                   I("SE    2,20(,8)") I("ME    4,24(,8)") I("DE    6,28(,8)") I("AU    0,32(,8)")
                   I("SU    2,36(,8)"),
                   "70208004 78408008 7960800C 7A008010 7B208014 7C408018 7D60801C 7E008020"
                   "7F208024");
}
END_TEST

/* ---- RS and SI ------------------------------------------------------------------------------- */

START_TEST(test_rs)
{
    asmtest_expect(I("STM   14,12,12(13)")
                   I("LM    14,12,12(13)")
                   I("LM    0,15,X'FFF'(15)")
                   I("BXH   1,2,0(3)")
                   I("BXLE  4,6,8(9)")
                   I("CS    2,4,0(5)")
                   I("CDS   2,4,16(6)")
                   I("STCTL 0,15,64")
                   I("LCTL  1,1,0(2)")
                   I("SIGP  1,2,0(3)")
                   I("DIAG  1,2,8(3)"),
                   "90ECD00C 98ECD00C 980FFFFF 86123000 87469008 BA245000 BB246010 B60F0040"
                   "B7112000 AE123000 83123008");
}
END_TEST

START_TEST(test_rs_mask)
{
    asmtest_expect(I("ICM   1,B'1111',0(2)") I("STCM  3,7,4(5)") I("CLM   2,X'C',8(9)"),
                   "BF1F2000 BE375004 BD2C9008");
}
END_TEST

START_TEST(test_rs_shifts)
{
    /* R3 field is zero; the shift amount is the low 6 bits of D2(B2). */
    asmtest_expect(I("SRL   1,4")
                   I("SLL   2,8(3)")
                   I("SRA   3,31")
                   I("SLA   4,1")
                   I("SRDL  6,32")
                   I("SLDL  8,0(5)")
                   I("SRDA  2,63")
                   I("SLDA  4,7"),
                   "88100004 89203008 8A30001F 8B400001 8C600020 8D805000 8E20003F 8F400007");
    asmtest_expect("SHIFT    EQU   4\n"
                   I("SLL   1,SHIFT"),
                   "89100004");
}
END_TEST

START_TEST(test_si)
{
    asmtest_expect(I("MVI   0(1),X'FF'")     /* hexadecimal immediate */
                   I("CLI   4(2),C'A'")      /* character: EBCDIC A = C1 */
                   I("TM    5(3),255")       /* decimal */
                   I("NI    6(4),B'101'")    /* binary */
                   I("OI    7(5),X'80'")
                   I("XI    8(6),X'0F'")
                   I("MVI   100,C' '")       /* absolute address, base 0; blank = 40 */
                   I("CLI   0(1),C''''")     /* quote = 7D */
                   I("MVI   0(1),0"),
                   "92FF1000 95C12004 91FF3005 94054006 96805007 970F6008 92400064 957D1000"
                   "92001000");
    asmtest_expect(I("WRD   0(1),X'12'")
                   I("RDD   4(2),X'34'")
                   I("STNSM 0(1),X'FE'")
                   I("STOSM 8(2),X'01'")
                   I("MC    0(3),5"),
                   "84121000 85342004 ACFE1000 AD012008 AF053000");
}
END_TEST

START_TEST(test_si_no_immediate)
{
    /* SSM, LPSW and TS: one operand, the I2 byte is zero. */
    asmtest_expect(I("SSM   0(1)") I("LPSW  8(2)") I("TS    0(3)"), "80001000 82002008 93003000");
}
END_TEST

/* ---- S format: two-byte operation codes ------------------------------------------------------ */

START_TEST(test_s_io)
{
    asmtest_expect(I("SIO   X'00E'")
                   I("SIOF  4(2)")
                   I("RIO   8(3)")
                   I("TIO   X'191'")
                   I("CLRIO 0(4)")
                   I("HIO   12(5)")
                   I("HDV   16(6)")
                   I("TCH   X'100'")
                   I("CLRCH 0(7)"),
                   "9C00000E 9C012004 9C023008 9D000191 9D014000 9E00500C 9E016010 9F000100"
                   "9F017000");
}
END_TEST

START_TEST(test_s_b2)
{
    asmtest_expect(I("CONCS 0(1)")
                   I("DISCS 4(2)")
                   I("STIDP 8(3)")
                   I("STIDC X'100'")
                   I("SCK   16(4)")
                   I("STCK  24(5)")
                   I("SCKC  0(6)")
                   I("STCKC 8(6)")
                   I("SPT   16(6)")
                   I("STPT  24(6)"),
                   "B2001000 B2012004 B2023008 B2030100 B2044010 B2055018 B2066000 B2076008"
                   "B2086010 B2096018");
    /* IPK and PTLB take no operand (HLASM syntax); bits 16-31 are zero. */
    asmtest_expect(I("SPKA  X'20'")
                   I("IPK")
                   I("PTLB")
                   I("SPX   0(7)")
                   I("STPX  4(7)")
                   I("STAP  8(7)")
                   I("RRB   0(8)"),
                   "B20A0020 B20B0000 B20D0000 B2107000 B2117004 B2127008 B2138000");
}
END_TEST

/* ---- SS -------------------------------------------------------------------------------------- */

START_TEST(test_ss_logical)
{
    /* The length byte holds the length minus one. */
    asmtest_expect(I("MVN   0(8,1),0(2)")
                   I("MVC   0(256,1),4(2)")
                   I("MVZ   1(1,3),2(4)")
                   I("NC    X'10'(4,5),X'20'(6)")
                   I("CLC   0(2,1),100")
                   I("OC    8(16,1),8(1)")
                   I("XC    0(80,15),0(15)")
                   I("TR    0(10,2),0(3)")
                   I("TRT   4(20,2),8(3)")
                   I("ED    0(12,4),0(5)")
                   I("EDMK  0(12,4),X'FFF'(5)"),
                   "D10710002000 D2FF10002004 D30030014002 D40350106020 D50110000064 D60F10081008"
                   "D74FF000F000 DC0920003000 DD1320043008 DE0B40005000 DF0B40005FFF");
    /* An explicit length of 0 assembles as 0, like a length of 1. */
    asmtest_expect(I("MVC   0(0,1),0(2)") I("MVC   0(1,1),0(2)"), "D20010002000 D20010002000");
}
END_TEST

START_TEST(test_ss_decimal)
{
    /* Two 4-bit lengths, each the length minus one. */
    asmtest_expect(I("PACK  0(8,1),0(4,2)")
                   I("MVO   0(3,1),4(2,2)")
                   I("UNPK  0(5,3),0(3,4)")
                   I("ZAP   0(8,1),0(1,2)")
                   I("CP    0(16,1),0(16,2)")
                   I("AP    4(2,1),8(3,2)")
                   I("SP    0(4,5),0(4,6)")
                   I("MP    0(8,7),0(2,8)")
                   I("DP    0(16,9),0(8,10)"),
                   "F27310002000 F12110002004 F34230004000 F87010002000 F9FF10002000 FA1210042008"
                   "FB3350006000 FC7170008000 FDF79000A000");
}
END_TEST

START_TEST(test_srp)
{
    /* SRP D1(L1,B1),D2(B2),I3: the second byte is L1-1 and I3; the shift is D2(B2). */
    asmtest_expect(I("SRP   0(4,1),3,5")
                   I("SRP   8(3,2),64-3,0")
                   I("SRP   0(5,3),0(4),5"),
                   "F03510000003 F0202008003D F04530004000");
}
END_TEST

/* ---- branches and extended mnemonics ---------------------------------------------------------- */

START_TEST(test_extended_rx)
{
    /* BC with the mask taken from the mnemonic: after compare H=2 L=4 E=8, after arithmetic
       P=2 M=4 Z=8 O=1; the N forms are the complement. */
    asmtest_expect(I("B     0(,15)")
                   I("BE    4(,15)")
                   I("BNE   8(,15)")
                   I("BH    12(,15)")
                   I("BNH   16(,15)")
                   I("BL    20(,15)")
                   I("BNL   24(,15)")
                   I("BZ    28(,15)")
                   I("BNZ   32(,15)")
                   I("BO    36(,15)")
                   I("BNO   40(,15)")
                   I("BM    44(,15)")
                   I("BNM   48(,15)")
                   I("BP    52(,15)")
                   I("BNP   56(,15)")
                   I("NOP   60(,15)")
                   I("B     8(3,15)")
                   I("B     4(15)"),           /* one register in parentheses is the index */
                   "47F0F000 4780F004 4770F008 4720F00C 47D0F010 4740F014 47B0F018 4780F01C"
                   "4770F020 4710F024 47E0F028 4740F02C 47B0F030 4720F034 47D0F038 4700F03C"
                   "47F3F008 47FF0004");
}
END_TEST

START_TEST(test_extended_rr)
{
    asmtest_expect(I("BR    14")
                   I("BER   1")
                   I("BNER  2")
                   I("BHR   3")
                   I("BNHR  4")
                   I("BLR   5")
                   I("BNLR  6")
                   I("BZR   7")
                   I("BNZR  8")
                   I("BOR   9")
                   I("BNOR  10")
                   I("BMR   11")
                   I("BNMR  12")
                   I("BPR   13")
                   I("BNPR  14")
                   I("NOPR  0")
                   I("NOPR  15"),
                   "07FE 0781 0772 0723 07D4 0745 07B6 0787 0778 0719 07EA 074B 07BC 072D 07DE 0700"
                   "070F");
}
END_TEST

START_TEST(test_branch_to_labels)
{
    asmtest_expect(I("USING *,12")
                   "LOOP     BCT   3,LOOP\n"   /* 0: 46 30 C000 */
                   I("B     LOOP")             /* 4: 47 F0 C000 */
                   I("BNZ   NEXT")             /* 8: 47 70 C00C */
                   "NEXT     BR    14\n"       /* C: 07 FE */
                   I("BAL   14,LOOP")          /* E: 45 E0 C000 */
                   I("BC    B'0011',NEXT"),    /* 12: 47 30 C00C */
                   "4630C000 47F0C000 4770C00C 07FE 45E0C000 4730C00C");
}
END_TEST

/* ---- implicit addresses through USING ---------------------------------------------------------- */

START_TEST(test_using_basic)
{
    asmtest_expect(I("USING *,12")
                   I("L     1,FIELD")          /* 0: FIELD is 4 bytes past the base */
                   "FIELD    DC    F'5'\n",
                   "5810C004 00000005");
}
END_TEST

START_TEST(test_using_with_index)
{
    asmtest_expect(I("USING *,12")
                   I("L     1,FIELD(4)")       /* 0: index 4, base 12, displacement 8 */
                   I("LA    2,FIELD+4(5)")     /* 4: displacement C */
                   "FIELD    DC    2F'0'\n",
                   "5814C008 4125C00C 00000000 00000000");
}
END_TEST

START_TEST(test_using_tie_highest_register)
{
    /* Both USINGs give displacement 4: the higher register wins, whatever the order. */
    asmtest_expect(I("USING *,11") I("USING *,12") I("L     1,FIELD") "FIELD    DC    F'5'\n",
                   "5810C004 00000005");
    asmtest_expect(I("USING *,12") I("USING *,11") I("L     1,FIELD") "FIELD    DC    F'5'\n",
                   "5810C004 00000005");
}
END_TEST

START_TEST(test_using_smallest_displacement)
{
    /* R10 based at 0, R11 at 8.  FIRST (0) is below R11's base: only R10 covers it.  MID (8) and
       LATE (C) are covered by both; R11 gives the smaller displacement. */
    asmtest_expect(I("USING *,10")
                   I("USING *+8,11")
                   "FIRST    L     1,FIRST\n"    /* 0 */
                   I("L     2,MID")             /* 4 */
                   "MID      L     3,LATE\n"     /* 8 */
                   "LATE     DC    F'7'\n",      /* C */
                   "5810A000 5820B000 5830B004 00000007");
    /* The lower register wins when its displacement is smaller. */
    asmtest_expect(I("USING *+4,3")
                   I("USING *,9")
                   I("L     1,FIELD")           /* 0 */
                   "FIELD    DC    F'1'\n",      /* 4: R3 displacement 0, R9 displacement 4 */
                   "58103000 00000001");
}
END_TEST

START_TEST(test_using_absolute_address)
{
    /* An absolute expression 0-4095 is D(0) even when a USING is active. */
    asmtest_expect(I("USING *,12") I("L     1,100") I("MVC   16(4),X'20'(1)"),
                   "58100064 D20300101020");
}
END_TEST

START_TEST(test_using_drop)
{
    /* After DROP 11 only R12 covers FIELD. */
    asmtest_expect(I("USING *,12")
                   I("USING *,11")
                   I("DROP  12")
                   I("L     1,FIELD")           /* 0: R11 */
                   I("DROP  11")
                   I("USING *,5")               /* at 4 */
                   I("L     2,FIELD")           /* 4: R5, displacement 4 */
                   "FIELD    DC    F'3'\n",      /* 8 */
                   "5810B008 58205004 00000003");
}
END_TEST

START_TEST(test_implicit_rs_si)
{
    asmtest_expect(I("USING *,13")
                   I("STM   14,12,SAVE+12")     /* 0 */
                   I("LM    14,12,SAVE+12")     /* 4 */
                   I("MVI   FLAG,C'*'")         /* 8: * = 5C */
                   I("TM    FLAG,X'80'")        /* C */
                   I("TS    FLAG")              /* 10 */
                   "FLAG     DC    X'00'\n"      /* 14 */
                   "SAVE     DC    4F'0'\n",     /* 18 */
                   "90ECD024 98ECD024 925CD014 9180D014 9300D014 00 000000"
                   "00000000 00000000 00000000 00000000");
}
END_TEST

/* ---- SS lengths taken from the symbols' length attributes ---------------------------------------- */

START_TEST(test_ss_implicit_lengths)
{
    asmtest_expect(I("USING *,12")
                   I("MVC   A,B")               /* 0: L'A = 8 */
                   I("MVC   A(4),B")            /* 6: explicit length */
                   I("MVC   A+1(2),B+2")        /* C */
                   I("MVC   0(3,5),B")          /* 12: explicit D1(L,B1), implicit second */
                   I("MVI   A,C'*'")            /* 18 */
                   I("CLI   B+7,X'40'")         /* 1C */
                   "A        DC    CL8'A'\n"     /* 20 */
                   "B        DC    CL8'B'\n",    /* 28 */
                   "D207C020C028 D203C020C028 D201C021C02A D2025000C028 925CC020 9540C02F"
                   "C140404040404040 C240404040404040");
}
END_TEST

START_TEST(test_ss_decimal_implicit_lengths)
{
    asmtest_expect(I("USING *,12")
                   I("PACK  P,Z")               /* 0: L'P = 3, L'Z = 5 */
                   I("AP    P,Q")               /* 6: L'Q = 2 */
                   I("ZAP   P(2),Q(1)")         /* C */
                   I("SRP   P,3,5")             /* 12 */
                   "P        DC    PL3'0'\n"     /* 18 */
                   "Z        DC    ZL5'1'\n"     /* 1B */
                   "Q        DC    PL2'-7'\n",   /* 20 */
                   "F224C018C01B FA21C018C020 F810C018C020 F025C0180003"
                   "00000C F0F0F0F0C1 007D");
}
END_TEST

Suite *suite_asm_instr(void)
{
    Suite *s = suite_create("asm_instr");
    TCase *tc;

    tc = tcase_create("rr");
    tcase_add_test(tc, test_rr_control);
    tcase_add_test(tc, test_rr_fixed_point);
    tcase_add_test(tc, test_rr_register_symbols);
    suite_add_tcase(s, tc);

    tc = tcase_create("rx");
    tcase_add_test(tc, test_rx_general);
    suite_add_tcase(s, tc);

    tc = tcase_create("float");
    tcase_add_test(tc, test_rr_float_long);
    tcase_add_test(tc, test_rr_float_short);
    tcase_add_test(tc, test_rx_float);
    tcase_add_test(tc, test_float_multiply_aliases);
    suite_add_tcase(s, tc);

    tc = tcase_create("rs_si");
    tcase_add_test(tc, test_rs);
    tcase_add_test(tc, test_rs_mask);
    tcase_add_test(tc, test_rs_shifts);
    tcase_add_test(tc, test_si);
    tcase_add_test(tc, test_si_no_immediate);
    suite_add_tcase(s, tc);

    tc = tcase_create("privileged_io");
    tcase_add_test(tc, test_s_io);
    tcase_add_test(tc, test_s_b2);
    suite_add_tcase(s, tc);

    tc = tcase_create("ss");
    tcase_add_test(tc, test_ss_logical);
    tcase_add_test(tc, test_ss_decimal);
    tcase_add_test(tc, test_srp);
    suite_add_tcase(s, tc);

    tc = tcase_create("branches");
    tcase_add_test(tc, test_extended_rx);
    tcase_add_test(tc, test_extended_rr);
    tcase_add_test(tc, test_branch_to_labels);
    suite_add_tcase(s, tc);

    tc = tcase_create("implicit");
    tcase_add_test(tc, test_using_basic);
    tcase_add_test(tc, test_using_with_index);
    tcase_add_test(tc, test_using_tie_highest_register);
    tcase_add_test(tc, test_using_smallest_displacement);
    tcase_add_test(tc, test_using_absolute_address);
    tcase_add_test(tc, test_using_drop);
    tcase_add_test(tc, test_implicit_rs_si);
    tcase_add_test(tc, test_ss_implicit_lengths);
    tcase_add_test(tc, test_ss_decimal_implicit_lengths);
    suite_add_tcase(s, tc);

    return s;
}
