/*
 * test_dc.c - asm370 data definition: every DC/DS type, duplication, alignment, ORG, EQU length
 * attributes, literal pools (LTORG), CNOP, CCW and the placement of sections.
 *
 * Expected bytes were worked out by hand from the HLASM Language Reference rules for constants
 * (padding, truncation, alignment), EBCDIC code points and the System/370 hexadecimal floating-point
 * format of GA22-7000 (sign bit, characteristic excess 64, fraction of hex digits).
 */
#include <check.h>

#include "tests/unit/asm370/asmtest.h"

/* One statement with an empty name field: operation in column 10. */
#define I(text) "         " text "\n"

/* ---- C: character ------------------------------------------------------------------------------ */

START_TEST(test_dc_character)
{
    asmtest_expect(I("DC    C'ABC'"), "C1C2C3");
    asmtest_expect(I("DC    CL5'AB'"), "C1C2404040");          /* padded on the right with blanks */
    asmtest_expect(I("DC    CL2'ABCD'"), "C1C2");              /* truncated on the right */
    asmtest_expect(I("DC    CL8' '"), "4040404040404040");
    asmtest_expect(I("DC    CL8'X'"), "E740404040404040");
    asmtest_expect(I("DC    C'A''B'"), "C17DC2");              /* '' is one quote */
    asmtest_expect(I("DC    C'A&&B'"), "C150C2");              /* && is one ampersand */
    asmtest_expect(I("DC    CL3''''"), "7D4040");
    asmtest_expect(I("DC    C'0123456789'"), "F0F1F2F3F4F5F6F7F8F9");
    asmtest_expect(I("DC    C'a,b'"), "816B82");               /* comma is data in C */
    asmtest_expect(I("DC    C'$#@.*'"), "5B7B7C4B5C");
    asmtest_expect(I("DC    C'JSZ'"), "D1E2E9");
    asmtest_expect(I("DC    2C'AB'"), "C1C2C1C2");
}
END_TEST

/* ---- X and B ------------------------------------------------------------------------------------ */

START_TEST(test_dc_hex)
{
    asmtest_expect(I("DC    X'ABC'"), "0ABC");                 /* odd digit count: zero on the left */
    asmtest_expect(I("DC    XL2'123456'"), "3456");            /* truncated on the left */
    asmtest_expect(I("DC    XL4'1'"), "00000001");             /* padded on the left */
    asmtest_expect(I("DC    X'FF00'"), "FF00");
    asmtest_expect(I("DC    X'1,2'"), "0102");                 /* two nominal values */
    asmtest_expect(I("DC    3X'A'"), "0A0A0A");
    asmtest_expect(I("DC    3XL2'A6F4E'"), "6F4E6F4E6F4E");
}
END_TEST

START_TEST(test_dc_binary)
{
    asmtest_expect(I("DC    B'101'"), "05");
    asmtest_expect(I("DC    B'10000000'"), "80");
    asmtest_expect(I("DC    B'111100001'"), "01E1");           /* 9 bits: two bytes */
    asmtest_expect(I("DC    BL1'100000001'"), "01");           /* truncated on the left */
    asmtest_expect(I("DC    BL2'1'"), "0001");
    asmtest_expect(I("DC    B'1,11'"), "0103");
}
END_TEST

/* ---- F and H ------------------------------------------------------------------------------------ */

START_TEST(test_dc_fixed)
{
    asmtest_expect(I("DC    F'1'"), "00000001");
    asmtest_expect(I("DC    F'100'"), "00000064");
    asmtest_expect(I("DC    F'+5'"), "00000005");
    asmtest_expect(I("DC    F'-1'"), "FFFFFFFF");              /* two's complement */
    asmtest_expect(I("DC    F'-2'"), "FFFFFFFE");
    asmtest_expect(I("DC    F'2147483647'"), "7FFFFFFF");
    asmtest_expect(I("DC    F'-2147483648'"), "80000000");
    asmtest_expect(I("DC    F'1,2,3'"), "00000001 00000002 00000003");
    asmtest_expect(I("DC    H'1'"), "0001");
    asmtest_expect(I("DC    H'-2'"), "FFFE");
    asmtest_expect(I("DC    H'32767'"), "7FFF");
    asmtest_expect(I("DC    H'-32768'"), "8000");
    asmtest_expect(I("DC    FL3'-2'"), "FFFFFE");
    asmtest_expect(I("DC    FL3'100'"), "000064");
    asmtest_expect(I("DC    FL1'-1'"), "FF");
    asmtest_expect(I("DC    FL2'256'"), "0100");
}
END_TEST

START_TEST(test_dc_fixed_exponent)
{
    /* HLASM: a fixed-point nominal value may be followed by a decimal exponent. */
    asmtest_expect(I("DC    F'1E2'"), "00000064");
    asmtest_expect(I("DC    H'5E1'"), "0032");
}
END_TEST

START_TEST(test_dc_fixed_alignment)
{
    asmtest_expect(I("DC    C'A'") I("DC    F'1'"), "C1000000 00000001");
    asmtest_expect(I("DC    C'A'") I("DC    H'1'"), "C100 0001");
    /* An explicit length turns alignment off. */
    asmtest_expect(I("DC    C'A'") I("DC    FL3'1'"), "C1 000001");
    asmtest_expect(I("DC    C'A'") I("DC    HL2'1'"), "C1 0001");
    asmtest_expect(I("DC    C'A'") I("DC    FL4'1'"), "C1 00000001");
}
END_TEST

/* ---- A, Y, S, V ----------------------------------------------------------------------------------- */

START_TEST(test_dc_address)
{
    asmtest_expect(I("DC    A(100)")             /* 0 */
                   "X        DC    A(X)\n"       /* 4: relocatable, the image is at 0 */
                   I("DC    A(*)")               /* 8: * is the constant's first byte */
                   I("DC    AL3(X)")             /* C: no alignment */
                   "Y        DC    C'Y'\n"       /* F */
                   I("DC    A(Y-X)")             /* 10: absolute difference F-4 */
                   I("DC    A(X+4)")             /* 14 */
                   I("DC    Y(Y)")               /* 18 */
                   I("DC    Y(100)")             /* 1A */
                   I("DC    AL1(255)"),          /* 1C */
                   "00000064 00000004 00000008 000004 E8 0000000B 00000008 000F 0064 FF");
    asmtest_expect(I("DC    A(-1)") I("DC    AL2(-1)"), "FFFFFFFF FFFF");
    /* A after a byte aligns; * is the aligned address.  Duplication moves * for each copy. */
    asmtest_expect(I("DC    C'A'") I("DC    A(*)"), "C1000000 00000004");
    asmtest_expect(I("DC    2A(*)"), "00000000 00000004");
    asmtest_expect(I("DC    A(1,2)"), "00000001 00000002");
    asmtest_expect(I("DC    C'A'") I("DC    Y(3)"), "C100 0003");
}
END_TEST

START_TEST(test_dc_s_type)
{
    /* S: base register and displacement, two bytes, halfword aligned. */
    asmtest_expect(I("USING *,12")
                   I("DC    S(FIELD)")           /* 0 */
                   I("DC    S(4(13))")           /* 2: explicit D(B) */
                   "FIELD    DC    F'5'\n"       /* 4 */
                   I("DC    S(FIELD+4)")         /* 8 */
                   I("DC    S(100)"),            /* A: absolute, base 0 */
                   "C004 D004 00000005 C008 0064");
}
END_TEST

START_TEST(test_dc_v_type)
{
    /* A V constant naming a section of the same assembly resolves to its address.  Section A
       (0-7) is followed by B at the next doubleword, 8. */
    asmtest_expect("A        CSECT\n"
                   I("DC    V(B)")
                   I("DC    A(B)")
                   "B        CSECT\n"
                   I("DC    V(A)")
                   I("DC    F'7'"),
                   "00000008 00000008 00000000 00000007");
}
END_TEST

/* ---- P and Z ------------------------------------------------------------------------------------- */

START_TEST(test_dc_packed)
{
    asmtest_expect(I("DC    P'123'"), "123C");
    asmtest_expect(I("DC    P'-1'"), "1D");
    asmtest_expect(I("DC    P'+5'"), "5C");
    asmtest_expect(I("DC    PL3'1'"), "00001C");
    asmtest_expect(I("DC    P'12'"), "012C");                  /* even digit count: zero on the left */
    asmtest_expect(I("DC    P'-12'"), "012D");
    asmtest_expect(I("DC    P'0'"), "0C");
    asmtest_expect(I("DC    PL2'12345'"), "345C");             /* truncated on the left */
    asmtest_expect(I("DC    P'1,-2'"), "1C2D");
    asmtest_expect(I("DC    P'1.5'"), "015C");                 /* the decimal point is not assembled */
    asmtest_expect(I("DC    C'A'") I("DC    P'1'"), "C11C");   /* no alignment */
}
END_TEST

START_TEST(test_dc_zoned)
{
    asmtest_expect(I("DC    Z'123'"), "F1F2C3");
    asmtest_expect(I("DC    Z'-12'"), "F1D2");
    asmtest_expect(I("DC    Z'+7'"), "C7");
    asmtest_expect(I("DC    ZL4'5'"), "F0F0F0C5");
    asmtest_expect(I("DC    ZL2'123'"), "F2C3");
    asmtest_expect(I("DC    Z'0'"), "C0");
}
END_TEST

/* ---- E, D, L: hexadecimal floating point ------------------------------------------------------------ */

/*
 * Derivations (value = 0.f * 16**(c-64)):
 *   1.5   = 0.18 hex * 16**1               -> 41 180000
 *   0.5   = 0.8 hex * 16**0                -> 40 800000
 *   100   = 0.64 hex * 16**2               -> 42 640000
 *   0.25  = 0.4 hex * 16**0                -> 40 400000
 *   0.1   = 0.1999... hex: the digit after the last kept one is 9, so the last 9 rounds up to A:
 *           short 40 19999A, long 40 1999999999999A, extended high 40 19999999999999 (13 nines)
 *           and low half characteristic 40-0E = 32 with the next 13 nines and a rounded A.
 */
START_TEST(test_dc_float)
{
    asmtest_expect(I("DC    E'1.5'"), "41180000");
    asmtest_expect(I("DC    E'-1.5'"), "C1180000");
    asmtest_expect(I("DC    E'1'"), "41100000");
    asmtest_expect(I("DC    E'-2'"), "C1200000");
    asmtest_expect(I("DC    E'0'"), "00000000");
    asmtest_expect(I("DC    E'0.5'"), "40800000");
    asmtest_expect(I("DC    E'100'"), "42640000");
    asmtest_expect(I("DC    E'16'"), "42100000");
    asmtest_expect(I("DC    E'255'"), "42FF0000");
    asmtest_expect(I("DC    E'1E2'"), "42640000");
    asmtest_expect(I("DC    E'2.5E-1'"), "40400000");
    asmtest_expect(I("DC    E'0.1'"), "4019999A");
    asmtest_expect(I("DC    D'1'"), "4110000000000000");
    asmtest_expect(I("DC    D'0.1'"), "401999999999999A");
    asmtest_expect(I("DC    D'-0.1'"), "C01999999999999A");
    asmtest_expect(I("DC    L'1'"), "4110000000000000 3300000000000000");
    asmtest_expect(I("DC    L'0.1'"), "4019999999999999 329999999999999A");
    asmtest_expect(I("DC    E'1,2'"), "41100000 41200000");
}
END_TEST

START_TEST(test_dc_float_alignment)
{
    asmtest_expect(I("DC    C'A'") I("DC    E'1'"), "C1000000 41100000");
    asmtest_expect(I("DC    C'A'") I("DC    D'1'"), "C100000000000000 4110000000000000");
    asmtest_expect(I("DC    C'A'") I("DC    L'1'"),
                   "C100000000000000 4110000000000000 3300000000000000");
}
END_TEST

/* ---- duplication, several operands, mixed alignment ------------------------------------------------ */

START_TEST(test_dc_duplication_and_operands)
{
    asmtest_expect(I("DC    3F'1'"), "00000001 00000001 00000001");
    asmtest_expect(I("DC    2F'1,2'"), "00000001 00000002 00000001 00000002");
    asmtest_expect(I("DC    2H'1,-1'"), "0001 FFFF 0001 FFFF");
    asmtest_expect(I("DC    F'1',H'2',C'A'"), "00000001 0002 C1");
    asmtest_expect(I("DC    C'A',F'1'"), "C1000000 00000001");
    /* A zero duplication factor aligns and generates nothing. */
    asmtest_expect(I("DC    C'B'") I("DC    0F'5'") I("DC    C'A'"), "C2000000 C1");
}
END_TEST

START_TEST(test_dc_mixed_alignment)
{
    asmtest_expect(I("DC    C'A'")       /* 0 */
                   I("DC    H'1'")       /* 2 */
                   I("DC    F'2'")       /* 4 */
                   I("DC    C'B'")       /* 8 */
                   I("DC    D'0'")       /* 10 */
                   I("DC    X'FF'")      /* 18 */
                   I("DC    Y(3)"),      /* 1A */
                   "C1 00 0001 00000002 C2 00000000000000 0000000000000000 FF 00 0003");
}
END_TEST

/* ---- DS ------------------------------------------------------------------------------------------ */

START_TEST(test_ds)
{
    asmtest_expect(I("DC    C'A'") I("DS    0F") I("DC    C'B'"), "C1000000 C2");
    asmtest_expect(I("DC    C'A'") I("DS    0D") I("DC    C'B'"), "C100000000000000 C2");
    asmtest_expect(I("DC    C'A'") I("DS    CL8") I("DC    C'B'"), "C1 0000000000000000 C2");
    asmtest_expect(I("DC    C'A'") I("DS    F") I("DC    C'B'"), "C1000000 00000000 C2");
    asmtest_expect(I("DC    C'A'") I("DS    H") I("DC    C'B'"), "C100 0000 C2");
    asmtest_expect(I("DC    C'A'") I("DS    3CL2") I("DC    C'B'"), "C1 000000000000 C2");
    asmtest_expect(I("DC    C'A'") I("DS    XL3") I("DC    C'B'"), "C1 000000 C2");
    /* Labels on DS 0F get the aligned address. */
    asmtest_expect(I("DC    C'A'") "W        DS    0F\n" I("DC    A(W)"), "C1000000 00000004");
}
END_TEST

/* ---- ORG, EQU ---------------------------------------------------------------------------------- */

START_TEST(test_org)
{
    /* ORG back into data, then ORG without operand returns to the highest location. */
    asmtest_expect(I("DC    C'ABCD'") I("ORG   *-2") I("DC    C'X'") I("ORG") I("DC    C'Z'"),
                   "C1C2E7C4E9");
    /* ORG forward leaves a zero gap. */
    asmtest_expect("WORD     DC    XL4'11223344'\n"
                   I("ORG   WORD+1")
                   I("DC    X'FF'")
                   I("ORG   WORD+8")
                   I("DC    X'EE'"),
                   "11FF3344 00000000 EE");
}
END_TEST

START_TEST(test_equ_length_attribute)
{
    /* FLD has the explicit length attribute 3; FLD2 takes that of its leftmost term BUF (6);
       LEN is an absolute length. */
    asmtest_expect(I("USING *,12")
                   I("MVC   FLD,SRC")           /* 0 */
                   I("MVC   FLD2,SRC")          /* 6 */
                   I("MVC   0(LEN,1),0(2)")     /* C */
                   "BUF      DC    C'ABCDEF'\n"  /* 12 */
                   "SRC      DC    C'XYZ'\n"     /* 18 */
                   "FLD      EQU   BUF+1,3\n"
                   "FLD2     EQU   BUF+2\n"
                   "LEN      EQU   5\n",
                   "D202C013C018 D205C014C018 D20410002000 C1C2C3C4C5C6 E7E8E9");
}
END_TEST

/* ---- literals ------------------------------------------------------------------------------------- */

START_TEST(test_ltorg_order)
{
    /* Pool at 18: the 8-byte literal first, then 4, 2, 1; =F'1' used twice is stored once. */
    asmtest_expect(I("USING *,12")
                   I("L     1,=F'1'")           /* 0 */
                   I("LH    2,=H'2'")           /* 4 */
                   I("CLC   0(1,1),=C'A'")      /* 8 */
                   I("LD    0,=D'0'")           /* E */
                   I("L     3,=F'1'")           /* 12 */
                   I("LTORG"),                  /* 16 -> 18 */
                   "5810C020 4820C024 D5001000C026 6800C018 5830C020 0000"
                   "0000000000000000 00000001 0002 C1");
}
END_TEST

START_TEST(test_ltorg_first_use_order)
{
    /* Within one alignment group literals keep the order of first use. */
    asmtest_expect(I("USING *,12")
                   I("LA    1,=C'AB'")          /* 0 */
                   I("L     2,=A(HERE)")        /* 4 */
                   I("L     3,=F'9'")           /* 8 */
                   "HERE     LA    4,=X'0102'\n" /* C */
                   I("LA    5,=C'AB'")          /* 10: same literal as the first */
                   I("LR    6,7")               /* 14 */
                   I("LR    8,9")               /* 16 */
                   I("LTORG"),                  /* 18 */
                   "4110C020 5820C018 5830C01C 4140C022 4150C020 1867 1889"
                   "0000000C 00000009 C1C2 0102");
}
END_TEST

START_TEST(test_ltorg_groups_by_length)
{
    /* HLASM groups pool entries by length: =C'ABCD' is 4 bytes long and joins the fullword group,
       in order of first use before =F'1'. */
    asmtest_expect(I("USING *,12")
                   I("LA    1,=C'ABCD'")        /* 0 */
                   I("L     2,=F'1'")           /* 4 */
                   I("LA    3,=C'XYZ'")         /* 8 */
                   I("LR    0,0")               /* C */
                   I("LR    0,0")               /* E */
                   I("LTORG"),                  /* 10 */
                   "4110C010 5820C014 4130C018 1800 1800 C1C2C3C4 00000001 E7E8E9");
}
END_TEST

START_TEST(test_ltorg_segments)
{
    /* Segments by total length: 2F (8 bytes) with the doublewords, 3F (12) with the fullwords. */
    asmtest_expect(I("USING *,12")
                   I("IC    2,=XL1'7'")         /* 0 */
                   I("LM    4,5,=2F'3'")        /* 4 */
                   I("AH    5,=H'20'")          /* 8 */
                   I("L     2,=3F'5'")          /* C */
                   I("LTORG"),                  /* 10: 2F at 10, 3F at 18, H at 24, XL1 at 26 */
                   "4320C026 9845C010 4A50C024 5820C018"
                   "00000003 00000003 00000005 00000005 00000005 0014 07");
}
END_TEST

START_TEST(test_ltorg_doubleword)
{
    /* HLASM aligns a literal pool on a doubleword boundary. */
    asmtest_expect(I("USING *,12") I("L     1,=F'3'") I("LTORG"), "5810C008 00000000 00000003");
}
END_TEST

START_TEST(test_literals_end_of_first_section)
{
    /* Without LTORG the pool goes at the end of the first section (A: 0-B); B starts at 10. */
    asmtest_expect("A        CSECT\n"
                   I("USING *,12")
                   I("L     1,=F'3'")           /* 0 */
                   I("LR    1,1")               /* 4 */
                   I("LR    2,2")               /* 6 */
                   "B        CSECT\n"
                   I("DC    C'B'"),
                   "5810C008 1811 1822 00000003 00000000 C2");
}
END_TEST

START_TEST(test_literals_end_pool_doubleword)
{
    /* The pool at the end of the first section starts on a doubleword like an LTORG pool: A is
       0-B (L at 0, pool at 8), so B starts at 10. */
    asmtest_expect("A        CSECT\n"
                   I("USING *,12")
                   I("L     1,=F'3'")           /* 0 */
                   "B        CSECT\n"
                   I("DC    C'B'"),
                   "5810C008 00000000 00000003 00000000 C2");
}
END_TEST

START_TEST(test_literal_location_counter)
{
    /* HLASM: in a literal, * is the address of the instruction using it, and each use of such a
       literal gets its own pool entry. */
    asmtest_expect(I("USING *,12")
                   I("L     1,=A(*)")           /* 0 */
                   I("L     2,=A(*)")           /* 4 */
                   I("LTORG"),                  /* 8 */
                   "5810C008 5820C00C 00000000 00000004");
}
END_TEST

START_TEST(test_ltorg_two_pools)
{
    /* Each LTORG takes the literals used since the previous one. */
    asmtest_expect(I("USING *,12")
                   I("L     1,=F'1'")           /* 0 */
                   I("LR    0,0")               /* 4 */
                   I("LR    0,0")               /* 6 */
                   I("LTORG")                   /* 8: =F'1' */
                   I("L     2,=F'2'")           /* C */
                   I("LTORG"),                  /* 10: =F'2' */
                   "5810C008 1800 1800 00000001 5820C010 00000002");
}
END_TEST

/* ---- CNOP, CCW, sections ------------------------------------------------------------------------------ */

START_TEST(test_cnop)
{
    /* CNOP b,w pads with NOPR 0 (0700) up to the next address that is b beyond a multiple of w. */
    asmtest_expect(I("LR    1,2")               /* 0 */
                   I("CNOP  0,8")               /* 2 -> 8 */
                   I("LR    3,4")               /* 8 */
                   I("CNOP  2,4")               /* A: already there */
                   I("LR    5,6")               /* A */
                   I("CNOP  6,8")               /* C -> E */
                   I("LR    7,8")               /* E */
                   I("CNOP  2,4")               /* 10 -> 12 */
                   I("LR    9,10"),             /* 12 */
                   "1812 0700 0700 0700 1834 1856 0700 1878 0700 189A");
    asmtest_expect(I("CNOP  6,8") I("LR    1,2"), "0700 0700 0700 1812");
}
END_TEST

START_TEST(test_ccw)
{
    /* CCW command, data address (3 bytes), flags, zero byte, count; doubleword aligned. */
    asmtest_expect(I("DC    C'A'")                   /* 0 */
                   I("CCW   X'02',BUF,X'60',80")     /* 8 */
                   "BUF      DC    C'Z'\n",          /* 10 */
                   "C100000000000000 02000010 60000050 E9");
    asmtest_expect(I("CCW   7,0,X'20',1"), "07000000 20000001");
}
END_TEST

START_TEST(test_sections)
{
    /* START sets the origin of the first section. */
    asmtest_expect("PROG     START X'200'\n" I("DC    A(*)") I("DC    A(PROG)"), "00000200 00000200");
    /* A later CSECT starts at the next doubleword after the previous one ends. */
    asmtest_expect("A        CSECT\n" I("DC    C'A'") "B        CSECT\n" I("DC    A(B)"),
                   "C100000000000000 00000008");
    /* Statements before any CSECT are private code at 0. */
    asmtest_expect(I("DC    C'P'") "S        CSECT\n" I("DC    C'S'"), "D700000000000000 E2");
}
END_TEST

Suite *suite_asm_dc(void)
{
    Suite *s = suite_create("asm_dc");
    TCase *tc;

    tc = tcase_create("character_hex_binary");
    tcase_add_test(tc, test_dc_character);
    tcase_add_test(tc, test_dc_hex);
    tcase_add_test(tc, test_dc_binary);
    suite_add_tcase(s, tc);

    tc = tcase_create("fixed_address");
    tcase_add_test(tc, test_dc_fixed);
    tcase_add_test(tc, test_dc_fixed_exponent);
    tcase_add_test(tc, test_dc_fixed_alignment);
    tcase_add_test(tc, test_dc_address);
    tcase_add_test(tc, test_dc_s_type);
    tcase_add_test(tc, test_dc_v_type);
    suite_add_tcase(s, tc);

    tc = tcase_create("decimal_float");
    tcase_add_test(tc, test_dc_packed);
    tcase_add_test(tc, test_dc_zoned);
    tcase_add_test(tc, test_dc_float);
    tcase_add_test(tc, test_dc_float_alignment);
    suite_add_tcase(s, tc);

    tc = tcase_create("layout");
    tcase_add_test(tc, test_dc_duplication_and_operands);
    tcase_add_test(tc, test_dc_mixed_alignment);
    tcase_add_test(tc, test_ds);
    tcase_add_test(tc, test_org);
    tcase_add_test(tc, test_equ_length_attribute);
    tcase_add_test(tc, test_cnop);
    tcase_add_test(tc, test_ccw);
    tcase_add_test(tc, test_sections);
    suite_add_tcase(s, tc);

    tc = tcase_create("literals");
    tcase_add_test(tc, test_ltorg_order);
    tcase_add_test(tc, test_ltorg_first_use_order);
    tcase_add_test(tc, test_ltorg_groups_by_length);
    tcase_add_test(tc, test_ltorg_segments);
    tcase_add_test(tc, test_ltorg_doubleword);
    tcase_add_test(tc, test_literals_end_of_first_section);
    tcase_add_test(tc, test_literals_end_pool_doubleword);
    tcase_add_test(tc, test_literal_location_counter);
    tcase_add_test(tc, test_ltorg_two_pools);
    suite_add_tcase(s, tc);

    return s;
}
