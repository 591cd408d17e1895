/*
 * test_decimal.c - the decimal instructions of cpu370/decimal.c: AP SP ZAP CP MP DP SRP, PACK UNPK
 * MVO, CVB CVD, ED EDMK, and a small program that converts, adds, edits and unpacks a total.
 * Expected bytes, condition codes and interruptions are worked out by hand from GA22-7000, "Decimal
 * Instructions" (the derivations are in the comments where they are not obvious).
 *
 * Each program runs in BC mode with R12 = X'1000' as its base and cc 3 to start with, so an
 * instruction that leaves the cc alone shows 3.  Its data starts at X'1100'.  It ends on an invalid
 * operation (X'0000') followed by C'DONE', so the program old PSW holds the final cc and shows that
 * the program got to its end; the tests need no instruction outside this group but the core's EX.
 */
#include <check.h>
#include <stdio.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

enum {
    CODE = 0x1000,
    DATA = 0x1100,        /* ORG CPUTEST+X'100' */
    INITIAL_CC = 3,
    DONE_MARK = 0xC4D6D5C5, /* C'DONE' */
    M = PM_DECIMAL_OVERFLOW,
    GR1 = 0xABCDEF01, /* GR1 before each two-field case (EDMK changes bits 8-31) */
};

/* Assemble `code` at X'1000' and `data` at X'1100' into a fresh 64K machine. */
static void load(struct cputest *t, const char *code, const char *data)
{
    char source[8192];
    cputest_init(t, 64 * 1024, 1);
    snprintf(source, sizeof source,
             "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") "%s" I("DC    X'0000',C'DONE'")
                 I("ORG   CPUTEST+X'100'") "%s" I("END   CPUTEST"),
             code, data);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, CODE);
}

/* Run from X'1000' in BC mode with PSW key `key`, cc 3 and the program mask. */
static void go(struct cputest *t, uint8_t key, uint8_t program_mask)
{
    uint8_t psw[8] = {0, (uint8_t)(key << 4), 0, 0, (uint8_t)(INITIAL_CC << 4 | program_mask), 0, CODE >> 8, 0};
    cpu_set_psw(t->c, psw);
    cpu_start(t->c);
    t->reason = cpu_run(t->c, 1000);
}


static void expect_finished(struct cputest *t, const char *what)
{
    ck_assert_msg(cputest_final_address(t) == CPUTEST_PROGRAM && cputest_program_code(t) == PGM_OPERATION &&
                      cputest_word(t, cputest_program_old_address(t)) == DONE_MARK,
                  "%s: the program did not reach its end: program code X'%04X', old PSW at X'%06X'", what,
                  cputest_program_code(t), cputest_program_old_address(t));
}

/* The 6-byte instruction at X'1000' raised `code`: ILC 3, the old PSW at the next instruction. */
static void expect_interruption(struct cputest *t, uint16_t code, const char *what)
{
    ck_assert_msg(cputest_final_address(t) == CPUTEST_PROGRAM && cputest_program_code(t) == code,
                  "%s: expected program interruption X'%02X', got X'%04X' (stopped at X'%06X')", what, code,
                  cputest_program_code(t), cputest_final_address(t));
    ck_assert_msg(cputest_program_ilc(t) == 3 && cputest_program_old_address(t) == CODE + 6,
                  "%s: ILC %u, old PSW address X'%06X'", what, cputest_program_ilc(t),
                  cputest_program_old_address(t));
}

static void expect_bytes(struct cputest *t, uint32_t address, const char *hex, const char *what)
{
    const uint8_t *s = machine_storage(t->m) + address;
    for (size_t i = 0; hex[2 * i]; i++) {
        unsigned expected;
        sscanf(hex + 2 * i, "%2x", &expected);
        ck_assert_msg(s[i] == expected, "%s: byte X'%06zX' is X'%02X', expected X'%02X' (of %s)", what,
                      address + i, s[i], expected, hex);
    }
}

static void expect_cc(struct cputest *t, unsigned cc, const char *what)
{
    ck_assert_msg(cputest_program_cc(t) == cc, "%s: cc %u, expected %u", what, cputest_program_cc(t), cc);
}

/* ---- the SS instructions on two fields ---------------------------------------------------------- */

/*
 * One instruction on A (at X'1100') and B (at X'1120'), their lengths implied by their contents.
 * `program` is the interruption expected (0: none); with it, an exception that suppresses leaves A
 * as it was and the cc at 3, and decimal overflow leaves the result stored and cc 3.
 */
struct ss_case {
    const char *instruction;
    const char *a, *b; /* hex */
    const char *a_after;
    unsigned cc;
    uint16_t program;
    uint8_t mask;
};

#define N31 "9999999999999999999999999999999" /* 31 nines */
#define Z31 "0000000000000000000000000000000" /* 31 zeros */

static const struct ss_case ss_cases[] = {
    /* ---- AP: algebraic sum; zero is plus unless digits were lost; cc 0/1/2 by value, 3 overflow */
    {"AP    A,B", "00123C", "456C", "00579C", 2, 0, 0},
    {"AP    A,B", "00500D", "200C", "00300D", 1, 0, 0},
    {"AP    A,B", "00300C", "300D", "00000C", 0, 0, 0},
    {"AP    A,B", "0D", "0D", "0C", 0, 0, 0},             /* -0 + -0 = +0 */
    {"AP    A,B", "00123A", "001B", "00122C", 2, 0, 0},   /* A is plus, B minus; result in preferred C */
    {"AP    A,B", "005F", "3E", "008C", 2, 0, 0},         /* F and E are plus */
    {"AP    A,B", "010B", "2C", "008D", 1, 0, 0},         /* -10 + 2 */
    {"AP    A,B", "999C", "1C", "000C", 3, 0, 0},         /* 1000 loses its 1: zero keeps the plus sign */
    {"AP    A,B", "999D", "1D", "000D", 3, 0, 0},         /* -1000: a minus zero */
    {"AP    A,B", "999C", "999C", "998C", 3, 0, 0},       /* 1998 */
    {"AP    A,B", "999C", "1C", "000C", 3, PGM_DECIMAL_OVERFLOW, M}, /* stored, cc 3, then interruption A */
    {"AP    A,B", "5C", "0000003C", "8C", 2, 0, 0},       /* a longer second operand alone is no overflow */
    {"AP    A,B", "5C", "0000010C", "5C", 3, 0, 0},       /* 15: the 1 is lost */
    {"AP    A,B", "0" "999999999999999999999999999999" "C", "1C", "1" "000000000000000000000000000000" "C", 2, 0, 0},
    {"AP    A,B", N31 "C", "1C", Z31 "C", 3, 0, 0},       /* 10**31 does not fit 31 digits */
    {"AP    A,B", N31 "D", N31 "D", "9999999999999999999999999999998D", 3, 0, 0},
    {"AP    A,B", "0A123C", "1C", "0A123C", 3, PGM_DATA, 0}, /* A in a digit position */
    {"AP    A,B", "00123C", "4565", "00123C", 3, PGM_DATA, 0}, /* 5 in the sign position */
    {"AP    A,A", "00123C", "1C", "00246C", 2, 0, 0},     /* a field added to itself */
    {"AP    A(3),A+1(2)", "00123C", "1C", "00246C", 2, 0, 0}, /* rightmost bytes coincide: 123 + 123 */
    /* improper overlap: the second operand's sign byte is the first's digit byte X'12' (data) */
    {"AP    A(3),A(2)", "00123C", "1C", "00123C", 3, PGM_DATA, 0},
    {"AP    A(2),A(3)", "00123C", "1C", "00123C", 3, PGM_DATA, 0},

    /* ---- SP */
    {"SP    A,B", "00123C", "023C", "00100C", 2, 0, 0},
    {"SP    A,B", "00023C", "123C", "00100D", 1, 0, 0},
    {"SP    A,B", "5C", "3D", "8C", 2, 0, 0},             /* 5 - (-3) */
    {"SP    A,B", "5D", "5D", "0C", 0, 0, 0},             /* -5 - (-5) = +0 */
    {"SP    A,A", "12345D", "1C", "00000C", 0, 0, 0},     /* a field cleared by subtracting itself */
    {"SP    A(3),A+1(2)", "00123C", "1C", "00000C", 0, 0, 0},
    {"SP    A,B", "999D", "1C", "000D", 3, 0, 0},         /* -1000: minus zero with overflow */
    {"SP    A,B", "999D", "1C", "000D", 3, PGM_DECIMAL_OVERFLOW, M},
    {"SP    A,B", "123C", "12F3", "123C", 3, PGM_DATA, 0},

    /* ---- ZAP: only the second operand is checked */
    {"ZAP   A,B", "FFFFFFFF", "123D", "0000123D", 1, 0, 0},
    {"ZAP   A,B", "0000", "0000123F", "123C", 2, 0, 0},   /* leading zeros lost: no overflow */
    {"ZAP   A,B", "0000", "1234567C", "567C", 3, 0, 0},
    {"ZAP   A,B", "0000", "1234567C", "567C", 3, PGM_DECIMAL_OVERFLOW, M},
    {"ZAP   A,B", "0000", "01000D", "000D", 3, 0, 0},     /* overflow: a zero result keeps the second's sign */
    {"ZAP   A,B", "FFFFFF", "000D", "00000C", 0, 0, 0},   /* minus zero becomes plus zero */
    {"ZAP   A,B", "999999", "12A4", "999999", 3, PGM_DATA, 0},
    {"ZAP   A,B", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", N31 "B", N31 "D", 1, 0, 0},
    {"ZAP   A,A", "00123F", "1C", "00123C", 2, 0, 0},     /* the same field: sign made preferred */
    {"ZAP   A,A", "00000D", "1C", "00000C", 0, 0, 0},
    /* the result's rightmost byte to the right of the source's: allowed, as if right to left;
       X'123C' goes to A+1..A+2 */
    {"ZAP   A+1(2),A(2)", "123C00", "1C", "12123C", 2, 0, 0},
    /* the result's rightmost byte to the left of the source's: improper overlap, data exception */
    {"ZAP   A(2),A+1(2)", "00123C", "1C", "00123C", 3, PGM_DATA, 0},

    /* ---- CP: cc 0 equal, 1 first low, 2 first high; -0 = +0; nothing stored */
    {"CP    A,B", "123C", "124C", "123C", 1, 0, 0},
    {"CP    A,B", "00124C", "123C", "00124C", 2, 0, 0},
    {"CP    A,B", "0C", "00000D", "0C", 0, 0, 0},
    {"CP    A,B", "00000D", "0C", "00000D", 0, 0, 0},
    {"CP    A,B", "5D", "3D", "5D", 1, 0, 0},
    {"CP    A,B", "3D", "1C", "3D", 1, 0, 0},
    {"CP    A,B", "1C", "9D", "1C", 2, 0, 0},
    {"CP    A,B", "7F", "007A", "7F", 0, 0, 0},
    {"CP    A,A", "12345D", "1C", "12345D", 0, 0, 0},
    {"CP    A,B", N31 "C", "9999999999999999999999999999998C", N31 "C", 2, 0, 0},
    {"CP    A,B", N31 "D", "9999999999999999999999999999998D", N31 "D", 1, 0, 0},
    {"CP    A,B", "123C", "12C3", "123C", 3, PGM_DATA, 0},

    /* ---- MP: L2 <= 7 and L2 < L1; the multiplicand needs L2+1 leftmost zero bytes; cc unchanged */
    {"MP    A,B", "000000125C", "012D", "000001500D", 3, 0, 0},
    {"MP    A,B", "00123C", "2C", "00246C", 3, 0, 0},
    {"MP    A,B", "00000C", "5D", "00000D", 3, 0, 0},     /* the product's sign follows algebra even for 0 */
    {"MP    A,B", "00009D", "9D", "00081C", 3, 0, 0},
    /* (10**15 - 1)**2 = 10**30 - 2*10**15 + 1 */
    {"MP    A,B", "0000000000000000999999999999999C", "999999999999999C", "0999999999999998000000000000001C", 3, 0, 0},
    {"MP    A(4),A+2(2)", "0000012C", "1C", "0000144C", 3, 0, 0}, /* rightmost bytes coincide: 12 * 12 */
    {"MP    A,B", "00100C", "010C", "00100C", 3, PGM_DATA, 0},   /* only one leftmost zero byte, two needed */
    {"MP    A,B", "00123C", "A2", "00123C", 3, PGM_DATA, 0},
    {"MP    A,B", "123C", "012C", "123C", 3, PGM_SPECIFICATION, 0}, /* L2 = L1 */
    {"MP    A,B", "1C", "012C", "1C", 3, PGM_SPECIFICATION, 0},     /* L2 > L1 */
    {"MP    A,B", "0000000000000000000000000000001C", "00000000000000001C", "0000000000000000000000000000001C", 3,
     PGM_SPECIFICATION, 0}, /* L2 = 8 */
    {"MP    A,B", "1A", "A1A1", "1A", 3, PGM_SPECIFICATION, 0},   /* specification before data */

    /* ---- DP: quotient in the leftmost L1-L2 bytes, remainder (sign of the dividend) in the rest */
    /* 1580 = 13 * 121 + 7 */
    {"DP    A,B", "000001580C", "013C", "00121C007C", 3, 0, 0},
    {"DP    A,B", "000001580D", "013C", "00121D007D", 3, 0, 0},
    {"DP    A,B", "000001580C", "013D", "00121D007C", 3, 0, 0},
    {"DP    A,B", "000001580D", "013D", "00121C007D", 3, 0, 0},
    {"DP    A,B", "00005D", "7C", "000D5D", 3, 0, 0},     /* -5 / 7: quotient minus zero, remainder -5 */
    {"DP    A,B", "00999C", "1C", "999C0C", 3, 0, 0},     /* the largest quotient of 3 digits */
    {"DP    A,B", "01000C", "1C", "01000C", 3, PGM_DECIMAL_DIVIDE, 0}, /* 1000 needs 4 digits */
    {"DP    A,B", "12345C", "1C", "12345C", 3, PGM_DECIMAL_DIVIDE, 0},
    {"DP    A,B", "00005C", "0C", "00005C", 3, PGM_DECIMAL_DIVIDE, 0}, /* divisor zero */
    {"DP    A,B", "00005C", "000D", "00005C", 3, PGM_DECIMAL_DIVIDE, 0},
    {"DP    A,B", "00005C", "A0", "00005C", 3, PGM_DATA, 0}, /* an invalid divisor is data, not divide */
    {"DP    A,B", "0012C3", "1C", "0012C3", 3, PGM_DATA, 0},
    {"DP    A,B", "123C", "012C", "123C", 3, PGM_SPECIFICATION, 0},
    {"DP    A,B", "0000000000000000000000000000001C", "00000000000000001C", "0000000000000000000000000000001C", 3,
     PGM_SPECIFICATION, 0},
    /* 123456789012345678901234567890 = 999999999999999 * 123456789012345 + 802358023580235, since
       999999999999999 * 123456789012345 = 123456789012345 * 10**15 - 123456789012345 */
    {"DP    A,B", "0123456789012345678901234567890C", "999999999999999C", "123456789012345C802358023580235C", 3, 0, 0},

    /* ---- SRP A,shift,round: shift from bits 26-31 of the second-operand address */
    {"SRP   A,3,0", "0001234C", "1C", "1234000C", 2, 0, 0},
    {"SRP   A,X'FC3'(12),0", "0001234C", "1C", "1234000C", 2, 0, 0}, /* X'1FC3': only the low 6 bits, 3 */
    {"SRP   A,64-1,0", "012345678C", "1C", "001234567C", 2, 0, 0},
    {"SRP   A,64-3,5", "1239600D", "1C", "0001240D", 1, 0, 0},  /* 1239600 / 1000 rounded: 1240 */
    {"SRP   A,2,0", "12345C", "1C", "34500C", 3, 0, 0},
    {"SRP   A,2,0", "12345C", "1C", "34500C", 3, PGM_DECIMAL_OVERFLOW, M},
    {"SRP   A,1,0", "123D", "1C", "230D", 3, 0, 0},
    {"SRP   A,1,0", "10000D", "1C", "00000D", 3, 0, 0},     /* overflow: a zero result keeps its sign */
    {"SRP   A,64-1,0", "00004D", "1C", "00000C", 0, 0, 0},  /* no overflow: zero is plus */
    {"SRP   A,64-1,5", "00004D", "1C", "00000C", 0, 0, 0},  /* 4 + 5: no carry */
    {"SRP   A,64-1,5", "00005D", "1C", "00001D", 1, 0, 0},  /* 5 + 5 carries */
    {"SRP   A,0,0", "123F", "1C", "123C", 2, 0, 0},         /* no shift: still checked and signed C */
    {"SRP   A,0,0", "000D", "1C", "000C", 0, 0, 0},
    {"SRP   A,5,0", "000D", "1C", "000C", 0, 0, 0},         /* shifting zero never overflows */
    {"SRP   A,31,0", "1C", "1C", "0C", 3, 0, 0},
    {"SRP   A,32,9", N31 "C", "1C", Z31 "C", 0, 0, 0},      /* B'100000': 32 right; 9 + 0 at digit 32 */
    {"SRP   A,64-31,5", N31 "C", "1C", "00000000000000000000000000000" "01C", 2, 0, 0},
    {"SRP   A,0,0", "1A3C", "1C", "1A3C", 3, PGM_DATA, 0},
    /* SRP A(3),1,10 (X'F0' L1-1=2 I3=A, D1(B1) = X'100'(12), D2(B2) = 1): an invalid rounding digit is
       a data exception even for a left shift */
    {"DC    X'F02AC1000001'", "12345C", "1C", "12345C", 3, PGM_DATA, 0},

    /* ---- PACK: no validity checks; cc unchanged */
    {"PACK  A,B", "000000", "F1F2F3F4F5", "12345F", 3, 0, 0},
    {"PACK  A,B", "FFFFFFFF", "F1F2C3", "0000123C", 3, 0, 0},
    {"PACK  A,B", "0000", "F1F2F3F4F5", "345F", 3, 0, 0},
    {"PACK  A,B", "0000", "C1C2", "012C", 3, 0, 0},
    {"PACK  A,B", "0000", "ABCD", "0BDC", 3, 0, 0},
    /* in place, right to left: X'4C', then F2/F3 -> X'23', then F1 -> X'01', then X'00' */
    {"PACK  A,A", "F1F2F3C4", "1C", "0001234C", 3, 0, 0},

    /* ---- UNPK */
    {"UNPK  A,B", "0000000000", "12345C", "F1F2F3F4C5", 3, 0, 0},
    {"UNPK  A,B", "000000000000", "123D", "F0F0F0F1F2D3", 3, 0, 0},
    {"UNPK  A,B", "000000", "12345C", "F3F4C5", 3, 0, 0},
    {"UNPK  A,B", "0000", "AB", "F0BA", 3, 0, 0},
    {"UNPK  A(4),A(2)", "123C0000", "1C", "F0F1F2C3", 3, 0, 0},
    /* the first result byte (C5 at A+1) is stored before the source byte at A+1 is fetched: its low
       digit 5 (not 4) goes to A */
    {"UNPK  A(2),A(3)", "12345C", "1C", "F5C55C", 3, 0, 0},

    /* ---- MVO: the second operand to the left of the first's sign digit */
    {"MVO   A,B", "7788990C", "123456", "0123456C", 3, 0, 0},
    {"MVO   A,B", "999D", "123456", "456D", 3, 0, 0},
    {"MVO   A,B", "00000000000C", "1234", "00000001234C", 3, 0, 0},
    {"MVO   A,B", "000F", "FAFB", "AFBF", 3, 0, 0},
    /* a one-digit right shift in place: 4C, then 2|3, then 0|1 */
    {"MVO   A(3),A(2)", "12345C", "1C", "01234C", 3, 0, 0},
};

/* Run `instruction` on the fields A (X'1100') and B (X'1120'), given in hex, with GR1 = X'ABCDEF01'. */
static void run_on_two_fields(struct cputest *t, const char *instruction, const char *a, const char *b, uint8_t mask)
{
    char code[128], data[256];
    snprintf(code, sizeof code, I("%s"), instruction);
    snprintf(data, sizeof data, "A        DC    X'%s'\n" I("ORG   CPUTEST+X'120'") "B        DC    X'%s'\n", a, b);
    load(t, code, data);
    cpu_set_gr(t->c, 1, GR1);
    go(t, 0, mask);
}

/* How it ended (`program`, or 0 for the end of the program), A and B afterwards, and the cc. */
static void expect_two_fields(struct cputest *t, uint16_t program, const char *a_after, const char *b, unsigned cc,
                              const char *what)
{
    if (program)
        expect_interruption(t, program, what);
    else
        expect_finished(t, what);
    expect_bytes(t, DATA, a_after, what);
    expect_bytes(t, DATA + 0x20, b, what);
    expect_cc(t, cc, what);
}

START_TEST(test_ss_case)
{
    const struct ss_case *k = &ss_cases[_i];
    char what[160];
    snprintf(what, sizeof what, "case %d (%s, A=%s B=%s)", _i, k->instruction, k->a, k->b);
    struct cputest t;
    run_on_two_fields(&t, k->instruction, k->a, k->b, k->mask);
    expect_two_fields(&t, k->program, k->a_after, k->b, k->cc, what);
    cputest_free(&t);
}
END_TEST

/* EX supplies the lengths: ZAP A(1),B(1) ORed with X'31' is ZAP A(4),B(2). */
START_TEST(test_execute_zap)
{
    struct cputest t;
    load(&t, I("EX    2,ZAPI"), "A        DC    X'FFFFFFFF'\nB        DC    X'123D'\nZAPI     ZAP   A(1),B(1)\n");
    cpu_set_gr(t.c, 2, 0x31);
    go(&t, 0, 0);
    expect_finished(&t, "EX ZAP");
    expect_bytes(&t, DATA, "0000123D", "EX ZAP");
    expect_cc(&t, 1, "EX ZAP");
    cputest_free(&t);
}
END_TEST

/* ---- protection and addressing: nothing is stored ----------------------------------------------- */

/* A first operand from X'17FE' to X'1801' whose second part is in a block with another key: the
   protection exception comes before any byte is stored. */
START_TEST(test_protected_result)
{
    static const char *const instructions[] = {"AP    X,B", "ZAP   X,B", "UNPK  X,B", "ED    X,B"};
    for (size_t i = 0; i < sizeof instructions / sizeof instructions[0]; i++) {
        struct cputest t;
        char code[64];
        snprintf(code, sizeof code, I("%s"), instructions[i]);
        load(&t, code, "B        DC    X'1C'\n" I("ORG   CPUTEST+X'7FE'") "X        DC    X'4020202C'\n");
        machine_set_storage_key(t.m, 0x1000, 0x10);
        machine_set_storage_key(t.m, 0x1800, 0x20);
        go(&t, 1, 0);
        expect_interruption(&t, PGM_PROTECTION, instructions[i]);
        expect_bytes(&t, 0x17FE, "4020202C", instructions[i]);
        expect_cc(&t, INITIAL_CC, instructions[i]);
        cputest_free(&t);
    }
}
END_TEST

/* A first operand that runs past the end of storage (64K): addressing exception, nothing stored. */
START_TEST(test_operand_beyond_storage)
{
    struct cputest t;
    load(&t, I("ZAP   X'FFE'(4,11),B"), "B        DC    X'1C'\n");
    cpu_set_gr(t.c, 11, 0xF000);
    machine_storage(t.m)[0xFFFE] = 0x77;
    machine_storage(t.m)[0xFFFF] = 0x77;
    go(&t, 0, 0);
    expect_interruption(&t, PGM_ADDRESSING, "ZAP beyond storage");
    expect_bytes(&t, 0xFFFE, "7777", "ZAP beyond storage");
    cputest_free(&t);
}
END_TEST

/* ---- CVB, CVD ----------------------------------------------------------------------------------- */

/* CVB 5,F with F at the odd address X'1101' (no alignment is required); R5 starts as X'12345678'. */
struct cvb_case {
    const char *packed;
    uint32_t r5;
    uint16_t program;
};

static const struct cvb_case cvb_cases[] = {
    {"000000000000123D", 0xFFFFFF85, 0},
    {"000000000000000D", 0, 0}, /* minus zero is binary zero */
    {"000002147483647C", 0x7FFFFFFF, 0},
    {"000002147483648D", 0x80000000, 0},
    /* out of range: the rightmost 32 bits of the result are kept, then fixed-point divide */
    {"000002147483648C", 0x80000000, PGM_FIXED_DIVIDE},
    {"999999999999999C", 0xA4C67FFF, PGM_FIXED_DIVIDE}, /* 999999999999999 = X'38D7EA4C67FFF' */
    {"999999999999999D", 0x5B398001, PGM_FIXED_DIVIDE}, /* its two's complement, low 32 bits */
    {"0000000000000123", 0x12345678, PGM_DATA},
    {"00000000000A123C", 0x12345678, PGM_DATA},
};

START_TEST(test_cvb)
{
    const struct cvb_case *k = &cvb_cases[_i];
    char data[128], what[64];
    snprintf(what, sizeof what, "CVB of %s", k->packed);
    snprintf(data, sizeof data, I("DC    X'00'") "F        DC    X'%s'\n", k->packed);
    struct cputest t;
    load(&t, I("CVB   5,F"), data);
    cpu_set_gr(t.c, 5, 0x12345678);
    go(&t, 0, 0);
    if (k->program) {
        ck_assert_msg(cputest_program_code(&t) == k->program, "%s: code X'%04X'", what, cputest_program_code(&t));
        ck_assert_uint_eq(cputest_program_ilc(&t), 2);
        ck_assert_uint_eq(cputest_program_old_address(&t), CODE + 4);
    } else {
        expect_finished(&t, what);
    }
    ck_assert_msg(cpu_gr(t.c, 5) == k->r5, "%s: R5 = X'%08X'", what, cpu_gr(t.c, 5));
    expect_bytes(&t, DATA + 1, k->packed, what);
    expect_cc(&t, INITIAL_CC, what);
    cputest_free(&t);
}
END_TEST

/* CVD 5,F at X'1101': always sign C or D. */
START_TEST(test_cvd)
{
    static const struct {
        uint32_t r5;
        const char *packed;
    } cases[] = {
        {123, "000000000000123C"},         {0xFFFFFFFF, "000000000000001D"}, {0, "000000000000000C"},
        {0x80000000, "000002147483648D"}, {0x7FFFFFFF, "000002147483647C"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        load(&t, I("CVD   5,F"), I("DC    X'00'") "F        DC    X'FFFFFFFFFFFFFFFF'\n");
        cpu_set_gr(t.c, 5, cases[i].r5);
        go(&t, 0, 0);
        expect_finished(&t, cases[i].packed);
        expect_bytes(&t, DATA + 1, cases[i].packed, cases[i].packed);
        expect_cc(&t, INITIAL_CC, cases[i].packed);
        cputest_free(&t);
    }
}
END_TEST

/* ---- ED, EDMK ----------------------------------------------------------------------------------- */

/*
 * ED or EDMK A,B with the pattern A at X'1100' and the source B at X'1120', GR1 = X'ABCDEF01' before.
 * Pattern bytes: X'20' digit selector, X'21' significance starter, X'22' field separator, others
 * message bytes; the first byte is the fill byte.
 */
struct edit_case {
    const char *instruction;
    const char *pattern, *source, *result;
    unsigned cc;
    uint32_t gr1;
    uint16_t program;
};

static const struct edit_case edit_cases[] = {
    /* " dd,d(d.dd  CR" with 2574.26 (GA22-7000's example): source digits 0 2 5 7 4 2 6, sign C.
       Zeros before significance become the fill; the plus sign turns significance off after the
       last digit, so " CR" becomes fill too. */
    {"ED    A,B", "4020206B2021204B202040C3D9", "0257426C", "4040F26BF5F7F44BF2F6404040", 2, GR1, 0},
    /* -0.26: the significance starter turns significance on for 0.26; the minus sign leaves it on,
       so " CR" stays */
    {"ED    A,B", "4020206B2021204B202040C3D9", "0000026D", "404040404040F04BF2F640C3D9", 1, GR1, 0},
    {"ED    A,B", "4020206B2021204B202040C3D9", "0000000C", "404040404040F04BF0F0404040", 0, GR1, 0},
    /* asterisk protection: the fill byte is '*' */
    {"ED    A,B", "5C2020202120", "00123C", "5C5C5CF1F2F3", 2, GR1, 0},
    /* the significance starter prints the zeros after it */
    {"ED    A,B", "40212020", "000C", "4040F0F0", 0, GR1, 0},
    /* two fields separated by X'22': the cc tells about the last one only */
    {"ED    A,B", "4020212022202120", "012C345D", "4040F1F240F3F4F5", 1, GR1, 0},
    {"ED    A,B", "4020212022202120", "012C000D", "4040F1F2404040F0", 0, GR1, 0},
    {"ED    A,B", "4020212022", "012C", "4040F1F240", 0, GR1, 0}, /* ending on a separator: cc 0 */
    /* a trailing minus: kept for a negative number, filled for a positive one */
    {"ED    A,B", "4020212060", "123D", "40F1F2F360", 1, GR1, 0},
    {"ED    A,B", "4020212060", "123C", "40F1F2F340", 2, GR1, 0},
    /* a plus sign in each source byte ends significance after each digit */
    {"ED    A,B", "40202020", "1C2C3C", "40F1F2F3", 2, GR1, 0},
    /* two digits from one byte: the second byte (invalid) is never fetched; no sign seen, so the
       indicator is still on: cc 1 */
    {"ED    A,B", "402020", "12AB", "40F1F2", 1, GR1, 0},
    /* the fill byte is itself a digit selector: it takes the first digit (0, so it stays X'20') */
    {"ED    A,B", "2020", "012C", "20F1", 1, GR1, 0},
    {"ED    A,B", "4020", "A1", "4020", 3, GR1, PGM_DATA},          /* A in a digit position */
    {"ED    A,B", "40202020", "12A3", "40202020", 3, GR1, PGM_DATA}, /* found at the second byte */
    /* EDMK: GR1 bits 8-31 get the address of the digit that made the field significant (X'1105') */
    {"EDMK  A,B", "4020206B2021204B2020", "0001234C", "4040404040F1F24BF3F4", 2, 0xAB001105, 0},
    /* significance forced by the starter: GR1 unchanged */
    {"EDMK  A,B", "4020206B2021204B2020", "0000000C", "404040404040F04BF0F0", 0, GR1, 0},
    {"EDMK  A,B", "4020206B2021204B2020", "0000012C", "404040404040F04BF1F2", 2, GR1, 0},
    /* each field sets it again: the last is X'1106' */
    {"EDMK  A,B", "4020202022202020", "012C034C", "4040F1F24040F3F4", 2, 0xAB001106, 0},
};

START_TEST(test_edit_case)
{
    const struct edit_case *k = &edit_cases[_i];
    char what[160];
    snprintf(what, sizeof what, "case %d (%s, pattern %s, source %s)", _i, k->instruction, k->pattern, k->source);
    struct cputest t;
    run_on_two_fields(&t, k->instruction, k->pattern, k->source, 0);
    expect_two_fields(&t, k->program, k->result, k->source, k->cc, what);
    ck_assert_msg(cpu_gr(t.c, 1) == k->gr1, "%s: GR1 = X'%08X'", what, cpu_gr(t.c, 1));
    cputest_free(&t);
}
END_TEST

/* The source is fetched only as far as the pattern needs: one byte at the last address of storage
   edits without an addressing exception; a pattern that needs a second byte gets one. */
START_TEST(test_edit_source_at_end_of_storage)
{
    struct cputest t;
    load(&t, I("ED    A,X'FFF'(11)"), "A        DC    X'402020'\n");
    cpu_set_gr(t.c, 11, 0xF000);
    machine_storage(t.m)[0xFFFF] = 0x12;
    go(&t, 0, 0);
    expect_finished(&t, "ED one byte");
    expect_bytes(&t, DATA, "40F1F2", "ED one byte");
    cputest_free(&t);

    load(&t, I("ED    A,X'FFF'(11)"), "A        DC    X'40202020'\n");
    cpu_set_gr(t.c, 11, 0xF000);
    machine_storage(t.m)[0xFFFF] = 0x12;
    go(&t, 0, 0);
    expect_interruption(&t, PGM_ADDRESSING, "ED two bytes");
    expect_bytes(&t, DATA, "40202020", "ED two bytes");
    cputest_free(&t);
}
END_TEST

/* A source that crosses a 2K boundary (X'17FF' to X'1800'). */
START_TEST(test_edit_source_across_blocks)
{
    struct cputest t;
    load(&t, I("ED    A,S"), "A        DC    X'4020202020'\n" I("ORG   CPUTEST+X'7FF'") "S        DC    X'12345D'\n");
    go(&t, 0, 0);
    expect_finished(&t, "ED across blocks");
    expect_bytes(&t, DATA, "40F1F2F3F4", "ED across blocks");
    expect_cc(&t, 1, "ED across blocks");
    cputest_free(&t);
}
END_TEST

/* ---- a complete program ------------------------------------------------------------------------- */

/*
 * R5 = -1234567 is converted (CVD), added to a total of 1,000,000 (AP: -234,567), edited into a
 * print line with a "d,ddd,ddd.dd CR" pattern (ED), unpacked (UNPK) and converted back (CVB).
 *   DWORD   X'000000001234567D'
 *   TOTAL   X'000000000234567D'  (cc 1)
 *   LINE    C'TOTAL ' then the edit of TOTAL+3 = X'000234567D', digits 0 0 0 2 3 4 5 6 7, minus:
 *           fill fill(,) fill fill | 2 , 3 4 5 . 6 7 | " CR" kept (minus)  ->  "     2,345.67 CR"
 *   ZONED   UNPK of X'0234567D' into 7 bytes: F0 F2 F3 F4 F5 F6 D7
 *   R6      -234567 = X'FFFC6BB9'; cc 1 from ED (CVB leaves it)
 */
START_TEST(test_program_print_total)
{
    struct cputest t;
    load(&t,
         I("CVD   5,DWORD") I("AP    TOTAL,DWORD") I("ED    PATTERN,TOTAL+3") I("UNPK  ZONED,TOTAL+4(4)")
             I("CVB   6,TOTAL"),
         "DWORD    DC    XL8'00'\n"
         "TOTAL    DC    PL8'1000000'\n"
         "LINE     DC    C'TOTAL '\n"
         "PATTERN  DC    X'40206B2020206B2020214B202040C3D9'\n"
         "ZONED    DC    XL7'00'\n");
    cpu_set_gr(t.c, 5, (uint32_t)-1234567);
    go(&t, 0, 0);
    expect_finished(&t, "program");
    expect_bytes(&t, 0x1100, "000000001234567D", "DWORD");
    expect_bytes(&t, 0x1108, "000000000234567D", "TOTAL");
    /* C'TOTAL ' + "     2,345.67 CR" */
    expect_bytes(&t, 0x1110, "E3D6E3C1D340" "4040404040F26BF3F4F54BF6F740C3D9", "LINE");
    expect_bytes(&t, 0x1126, "F0F2F3F4F5F6D7", "ZONED");
    expect_bytes(&t, 0x112D, "0000", "after ZONED");
    ck_assert_uint_eq(cpu_gr(t.c, 6), 0xFFFC6BB9);
    expect_cc(&t, 1, "program");
    cputest_free(&t);
}
END_TEST

Suite *suite_decimal(void)
{
    Suite *s = suite_create("decimal");
    TCase *tc = tcase_create("decimal");
    tcase_add_loop_test(tc, test_ss_case, 0, (int)(sizeof ss_cases / sizeof ss_cases[0]));
    tcase_add_test(tc, test_execute_zap);
    tcase_add_test(tc, test_protected_result);
    tcase_add_test(tc, test_operand_beyond_storage);
    tcase_add_loop_test(tc, test_cvb, 0, (int)(sizeof cvb_cases / sizeof cvb_cases[0]));
    tcase_add_test(tc, test_cvd);
    tcase_add_loop_test(tc, test_edit_case, 0, (int)(sizeof edit_cases / sizeof edit_cases[0]));
    tcase_add_test(tc, test_edit_source_at_end_of_storage);
    tcase_add_test(tc, test_edit_source_across_blocks);
    tcase_add_test(tc, test_program_print_total);
    suite_add_tcase(s, tc);
    return s;
}
