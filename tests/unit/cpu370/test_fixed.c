/*
 * test_fixed.c - cpu370/fixed.c: one-instruction cases (registers 2-5 and the word at X'800' preset)
 * for every instruction, overflow, divide and specification exceptions, LM/STM, protection,
 * addressing, and a table-summing program.  Expected values are derived by hand from GA22-7000.
 */
#include <check.h>
#include <stdio.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
/* The programs end on an invalid operation (program interruption 1), so the program old PSW holds
   the final condition code, and the tests do not depend on LPSW. */
#define STOP I("DC    X'0000'")
#define DATA 0x800

/*
 * A case: SPM 15 sets the condition code and program mask from `psw_in` (cc << 4 | mask), the
 * instruction runs, and an invalid operation (X'0000') stops the program, so the program old PSW
 * shows the condition code.  An instruction that raises `code` itself stops there instead.
 */
struct fixed_case {
    const char *instruction;
    uint8_t psw_in;
    uint32_t in[4], word_in; /* registers 2-5, the word at X'800' */
    uint32_t out[4], word_out;
    int cc;        /* expected condition code */
    uint16_t code; /* expected program interruption (PGM_OPERATION: the instruction completed) */
};

enum { MASK = PM_FIXED_OVERFLOW, OK = PGM_OPERATION, M31 = 0x80000000 };

static const struct fixed_case cases[] = {
    /* loads and stores; cc unchanged (2 from SPM) */
    {"LR    2,3", 0x20, {1, 5}, 0, {5, 5}, 0, 2, OK},
    {"L     2,X'800'", 0x20, {1}, 0x12345678, {0x12345678}, 0x12345678, 2, OK},
    {"LH    2,X'800'", 0x20, {1}, 0xFFFE1234, {0xFFFFFFFE}, 0xFFFE1234, 2, OK},
    {"LH    2,X'800'", 0x20, {1}, 0x7FFF0000, {0x00007FFF}, 0x7FFF0000, 2, OK},
    {"ST    3,X'800'", 0x20, {0, 0xCAFEBABE}, 0, {0, 0xCAFEBABE}, 0xCAFEBABE, 2, OK},
    {"STH   3,X'800'", 0x20, {0, 0x12345678}, 0xAAAAAAAA, {0, 0x12345678}, 0x5678AAAA, 2, OK},
    /* LA: 0xFF000010 + 0x00FFFFFF + 4 = 0x01000013, kept to 24 bits; bits 0-7 zero */
    {"LA    2,4(3,4)", 0x20, {7, 0xFF000010, 0x00FFFFFF}, 0, {0x13, 0xFF000010, 0x00FFFFFF}, 0, 2, OK},
    {"LA    2,0", 0x20, {7}, 0, {0}, 0, 2, OK},
    /* sign control */
    {"LTR   2,3", 0x00, {1, 0}, 0, {0, 0}, 0, 0, OK},
    {"LTR   2,3", 0x00, {1, 0xFFFFFFFF}, 0, {0xFFFFFFFF, 0xFFFFFFFF}, 0, 1, OK},
    {"LTR   2,2", 0x00, {9}, 0, {9}, 0, 2, OK},
    {"LCR   2,3", 0x00, {0, 5}, 0, {0xFFFFFFFB, 5}, 0, 1, OK},
    {"LCR   2,3", 0x00, {0, 0xFFFFFFFB}, 0, {5, 0xFFFFFFFB}, 0, 2, OK},
    {"LCR   2,3", 0x30, {1, 0}, 0, {0, 0}, 0, 0, OK},
    {"LCR   2,3", 0x00, {0, M31}, 0, {M31, M31}, 0, 3, OK},
    {"LCR   2,3", MASK, {0, M31}, 0, {M31, M31}, 0, 3, PGM_FIXED_OVERFLOW},
    {"LPR   2,3", 0x00, {0, 0xFFFFFFF9}, 0, {7, 0xFFFFFFF9}, 0, 2, OK},
    {"LPR   2,3", 0x00, {0, 7}, 0, {7, 7}, 0, 2, OK},
    {"LPR   2,3", 0x30, {1, 0}, 0, {0, 0}, 0, 0, OK},
    {"LPR   2,3", 0x00, {0, M31}, 0, {M31, M31}, 0, 3, OK},
    {"LPR   2,3", MASK, {0, M31}, 0, {M31, M31}, 0, 3, PGM_FIXED_OVERFLOW},
    {"LNR   2,3", 0x00, {0, 7}, 0, {0xFFFFFFF9, 7}, 0, 1, OK},
    {"LNR   2,3", 0x00, {0, 0xFFFFFFF9}, 0, {0xFFFFFFF9, 0xFFFFFFF9}, 0, 1, OK},
    {"LNR   2,3", 0x30, {1, 0}, 0, {0, 0}, 0, 0, OK},
    {"LNR   2,3", MASK, {0, M31}, 0, {M31, M31}, 0, 1, OK}, /* -2**31 is already negative: no overflow */
    /* signed add and subtract: cc 0 zero, 1 negative, 2 positive, 3 overflow */
    {"AR    2,3", 0x00, {1, 2}, 0, {3, 2}, 0, 2, OK},
    {"AR    2,3", 0x00, {5, 0xFFFFFFFB}, 0, {0, 0xFFFFFFFB}, 0, 0, OK},
    {"AR    2,3", 0x00, {0xFFFFFFFD, 1}, 0, {0xFFFFFFFE, 1}, 0, 1, OK},
    {"AR    2,3", 0x00, {0x7FFFFFFF, 1}, 0, {M31, 1}, 0, 3, OK},
    {"AR    2,3", MASK, {0x7FFFFFFF, 1}, 0, {M31, 1}, 0, 3, PGM_FIXED_OVERFLOW},
    {"AR    2,3", MASK, {M31, M31}, 0, {0, M31}, 0, 3, PGM_FIXED_OVERFLOW}, /* -2**32 wraps to 0 */
    {"AR    2,2", 0x00, {0x40000000}, 0, {M31}, 0, 3, OK},
    {"SR    2,3", 0x00, {5, 5}, 0, {0, 5}, 0, 0, OK},
    {"SR    2,2", 0x00, {M31}, 0, {0}, 0, 0, OK},
    {"SR    2,3", 0x00, {3, 5}, 0, {0xFFFFFFFE, 5}, 0, 1, OK},
    {"SR    2,3", 0x00, {M31, 1}, 0, {0x7FFFFFFF, 1}, 0, 3, OK},
    {"SR    2,3", MASK, {0, M31}, 0, {M31, M31}, 0, 3, PGM_FIXED_OVERFLOW}, /* 0 - (-2**31) = 2**31 */
    {"A     2,X'800'", 0x00, {1}, 0x7FFFFFFE, {0x7FFFFFFF}, 0x7FFFFFFE, 2, OK},
    {"A     2,X'800'", MASK, {1}, 0x7FFFFFFF, {M31}, 0x7FFFFFFF, 3, PGM_FIXED_OVERFLOW},
    {"S     2,X'800'", 0x00, {1}, 2, {0xFFFFFFFF}, 2, 1, OK},
    {"S     2,X'800'", 0x00, {0xFFFFFFFE}, 0x7FFFFFFF, {0x7FFFFFFF}, 0x7FFFFFFF, 3, OK},
    {"S     2,X'800'", MASK, {0xFFFFFFFE}, 0x7FFFFFFF, {0x7FFFFFFF}, 0x7FFFFFFF, 3, PGM_FIXED_OVERFLOW},
    /* halfword operands are sign-extended: -2**31 + (-2**15) overflows to X'7FFF8000' */
    {"AH    2,X'800'", 0x00, {10}, 0xFFF60000, {0}, 0xFFF60000, 0, OK},
    {"AH    2,X'800'", 0x00, {M31}, 0x80000000, {0x7FFF8000}, 0x80000000, 3, OK},
    {"AH    2,X'800'", MASK, {M31}, 0x80000000, {0x7FFF8000}, 0x80000000, 3, PGM_FIXED_OVERFLOW},
    {"SH    2,X'800'", 0x00, {0x7FFFFFFF}, 0xFFFF0000, {M31}, 0xFFFF0000, 3, OK},
    {"SH    2,X'800'", MASK, {0x7FFFFFFF}, 0xFFFF0000, {M31}, 0xFFFF0000, 3, PGM_FIXED_OVERFLOW},
    {"SH    2,X'800'", 0x00, {3}, 0x00050000, {0xFFFFFFFE}, 0x00050000, 1, OK},
    /* logical add: cc 0 zero, 1 nonzero, 2 zero with carry, 3 nonzero with carry */
    {"ALR   2,3", 0x00, {0, 0}, 0, {0, 0}, 0, 0, OK},
    {"ALR   2,3", 0x00, {1, 1}, 0, {2, 1}, 0, 1, OK},
    {"ALR   2,3", 0x00, {0xFFFFFFFF, 1}, 0, {0, 1}, 0, 2, OK},
    {"ALR   2,3", MASK, {0xFFFFFFFF, 2}, 0, {1, 2}, 0, 3, OK}, /* no overflow exception for logical */
    {"AL    2,X'800'", 0x00, {M31}, M31, {0}, M31, 2, OK},
    /* logical subtract: cc 1 nonzero with borrow, 2 zero (no borrow), 3 nonzero without borrow */
    {"SLR   2,3", 0x00, {5, 3}, 0, {2, 3}, 0, 3, OK},
    {"SLR   2,3", 0x00, {3, 3}, 0, {0, 3}, 0, 2, OK},
    {"SLR   2,3", 0x00, {3, 5}, 0, {0xFFFFFFFE, 5}, 0, 1, OK},
    {"SLR   2,2", 0x00, {0}, 0, {0}, 0, 2, OK},
    {"SL    2,X'800'", 0x00, {0}, 1, {0xFFFFFFFF}, 1, 1, OK},
    /* signed compare */
    {"CR    2,3", 0x30, {7, 7}, 0, {7, 7}, 0, 0, OK},
    {"CR    2,3", 0x00, {0xFFFFFFFF, 1}, 0, {0xFFFFFFFF, 1}, 0, 1, OK},
    {"CR    2,3", 0x00, {1, M31}, 0, {1, M31}, 0, 2, OK},
    {"C     2,X'800'", 0x00, {M31}, 0x7FFFFFFF, {M31}, 0x7FFFFFFF, 1, OK},
    {"CH    2,X'800'", 0x00, {0xFFFFFFFF}, 0xFFFF0000, {0xFFFFFFFF}, 0xFFFF0000, 0, OK},
    {"CH    2,X'800'", 0x00, {0x8000}, 0x80000000, {0x8000}, 0x80000000, 2, OK},
    /* multiply: the multiplicand is R1+1, the product fills the pair; cc unchanged */
    {"MR    2,4", 0x10, {9, 0x10, 0xFFFFFFFF}, 0, {0xFFFFFFFF, 0xFFFFFFF0, 0xFFFFFFFF}, 0, 1, OK},
    {"MR    2,3", 0x10, {9, 0x10000}, 0, {1, 0}, 0, 1, OK}, /* 2**16 squared = 2**32 */
    {"M     2,X'800'", 0x10, {9, M31}, M31, {0x40000000, 0}, M31, 1, OK}, /* (-2**31)**2 = 2**62 */
    {"MR    3,4", 0x10, {9, 3, 4}, 0, {9, 3, 4}, 0, 1, PGM_SPECIFICATION},
    {"M     5,X'800'", 0x10, {9, 3, 4, 5}, 2, {9, 3, 4, 5}, 2, 1, PGM_SPECIFICATION},
    /* MH keeps the low 32 bits: 2**16 * -2**15 = -2**31; 2**30 * 4 = 2**32 -> 0, no overflow */
    {"MH    2,X'800'", 0x10, {0x10000}, 0x80000000, {M31}, 0x80000000, 1, OK},
    {"MH    2,X'800'", MASK, {0x40000000}, 0x00040000, {0}, 0x00040000, 0, OK},
    /* divide: remainder to R1 (sign of the dividend), quotient to R1+1 */
    {"DR    2,4", 0x00, {0, 100, 7}, 0, {2, 14, 7}, 0, 0, OK},
    {"DR    2,4", 0x00, {0xFFFFFFFF, 0xFFFFFF9C, 7}, 0, {0xFFFFFFFE, 0xFFFFFFF2, 7}, 0, 0, OK}, /* -100/7 */
    {"DR    2,4", 0x00, {0xFFFFFFFF, M31, 1}, 0, {0, M31, 1}, 0, 0, OK}, /* -2**31 / 1 fits */
    {"DR    2,4", 0x00, {0, 100, 0}, 0, {0, 100, 0}, 0, 0, PGM_FIXED_DIVIDE},
    {"DR    2,4", 0x00, {1, 0, 1}, 0, {1, 0, 1}, 0, 0, PGM_FIXED_DIVIDE},            /* 2**32 / 1 */
    {"DR    2,4", 0x00, {0xFFFFFFFF, M31, 0xFFFFFFFF}, 0, {0xFFFFFFFF, M31, 0xFFFFFFFF}, 0, 0, PGM_FIXED_DIVIDE},
    {"DR    2,4", 0x00, {M31, 0, 0xFFFFFFFF}, 0, {M31, 0, 0xFFFFFFFF}, 0, 0, PGM_FIXED_DIVIDE}, /* -2**63/-1 */
    {"DR    2,4", 0x00, {0, M31, 1}, 0, {0, M31, 1}, 0, 0, PGM_FIXED_DIVIDE},               /* 2**31 / 1 */
    {"DR    2,4", 0x00, {0xFFFFFFFF, 0x7FFFFFFF, 1}, 0, {0xFFFFFFFF, 0x7FFFFFFF, 1}, 0, 0, PGM_FIXED_DIVIDE},
    {"DR    2,4", 0x00, {0, 0x7FFFFFFF, 1}, 0, {0, 0x7FFFFFFF, 1}, 0, 0, OK},               /* 2**31-1 fits */
    {"DR    3,4", 0x00, {0, 100, 7}, 0, {0, 100, 7}, 0, 0, PGM_SPECIFICATION},
    {"D     2,X'800'", 0x00, {0, 7}, 0xFFFFFFFE, {1, 0xFFFFFFFD}, 0xFFFFFFFE, 0, OK}, /* 7 / -2 = -3 r 1 */
    {"D     2,X'800'", 0x00, {0, 7}, 0, {0, 7}, 0, 0, PGM_FIXED_DIVIDE},
    {"D     3,X'800'", 0x00, {0, 7}, 1, {0, 7}, 1, 0, PGM_SPECIFICATION},
    /* single shifts: the amount is the low 6 bits of the address */
    {"SLL   2,4", 0x30, {0x80000001}, 0, {0x10}, 0, 3, OK},
    {"SLL   2,0(4)", 0x00, {0x80000001, 0, 0xFFFFFF41}, 0, {2, 0, 0xFFFFFF41}, 0, 0, OK},
    {"SLL   2,32", 0x00, {0xFFFFFFFF}, 0, {0}, 0, 0, OK},
    {"SRL   2,31", 0x00, {M31}, 0, {1}, 0, 0, OK},
    {"SRL   2,63", 0x00, {0xFFFFFFFF}, 0, {0}, 0, 0, OK},
    {"SRA   2,4", 0x00, {0x80000010}, 0, {0xF8000001}, 0, 1, OK},
    {"SRA   2,40", 0x00, {0x80000000}, 0, {0xFFFFFFFF}, 0, 1, OK},
    {"SRA   2,40", 0x00, {0x7FFFFFFF}, 0, {0}, 0, 0, OK},
    {"SRA   2,4", 0x00, {0x70}, 0, {7}, 0, 2, OK},
    /* SLA: the sign stays; a bit unlike the sign leaving bit 1 is an overflow */
    {"SLA   2,3", 0x00, {5}, 0, {0x28}, 0, 2, OK},
    {"SLA   2,0", 0x00, {0}, 0, {0}, 0, 0, OK},
    {"SLA   2,2", 0x00, {0xFFFFFFFF}, 0, {0xFFFFFFFC}, 0, 1, OK},
    {"SLA   2,1", 0x00, {0xC0000000}, 0, {M31}, 0, 1, OK},           /* -2**30 * 2 = -2**31 */
    {"SLA   2,31", 0x00, {0xFFFFFFFF}, 0, {M31}, 0, 1, OK},          /* -1 * 2**31 fits */
    {"SLA   2,32", 0x00, {0xFFFFFFFF}, 0, {M31}, 0, 3, OK},          /* a zero leaves bit 1 */
    {"SLA   2,1", 0x00, {0x40000000}, 0, {0}, 0, 3, OK},             /* 2**31 does not fit */
    {"SLA   2,1", MASK, {0x40000000}, 0, {0}, 0, 3, PGM_FIXED_OVERFLOW},
    {"SLA   2,31", 0x00, {1}, 0, {0}, 0, 3, OK},
    {"SLA   2,4", 0x00, {0x87654321}, 0, {0xF6543210}, 0, 3, OK}, /* bits 1-4 lost: 0000, unlike the sign */
    /* double shifts on the pair 2-3 */
    {"SLDL  2,4", 0x30, {0x12345678, 0x9ABCDEF0}, 0, {0x23456789, 0xABCDEF00}, 0, 3, OK},
    {"SLDL  2,32", 0x00, {0x12345678, 0x9ABCDEF0}, 0, {0x9ABCDEF0, 0}, 0, 0, OK},
    {"SRDL  2,36", 0x00, {M31, 0}, 0, {0, 0x08000000}, 0, 0, OK},
    {"SRDL  3,1", 0x00, {M31, 0}, 0, {M31, 0}, 0, 0, PGM_SPECIFICATION},
    {"SRDA  2,36", 0x00, {M31, 0}, 0, {0xFFFFFFFF, 0xF8000000}, 0, 1, OK},
    {"SRDA  2,63", 0x00, {0x7FFFFFFF, 0xFFFFFFFF}, 0, {0, 0}, 0, 0, OK},
    {"SRDA  2,1", 0x00, {0, 2}, 0, {0, 1}, 0, 2, OK},
    {"SLDA  2,31", 0x00, {0, 1}, 0, {0, M31}, 0, 2, OK},
    {"SLDA  2,63", 0x00, {0xFFFFFFFF, 0xFFFFFFFF}, 0, {M31, 0}, 0, 1, OK}, /* -1 * 2**63 fits */
    {"SLDA  2,1", 0x00, {0x40000000, 0}, 0, {0, 0}, 0, 3, OK},
    {"SLDA  2,1", MASK, {0x40000000, 0}, 0, {0, 0}, 0, 3, PGM_FIXED_OVERFLOW},
    {"SLDA  2,0", 0x00, {0, 0}, 0, {0, 0}, 0, 0, OK},
    {"SLDA  5,1", 0x00, {0, 0, 0, 1}, 0, {0, 0, 0, 1}, 0, 0, PGM_SPECIFICATION},
    {"SLDL  3,1", 0x00, {0, 1}, 0, {0, 1}, 0, 0, PGM_SPECIFICATION},
    {"SRDA  5,1", 0x00, {0, 0, 0, 1}, 0, {0, 0, 0, 1}, 0, 0, PGM_SPECIFICATION},
};

START_TEST(test_fixed_case)
{
    const struct fixed_case *k = &cases[_i];
    struct cputest t;
    char body[256];
    cputest_init(&t, 0, 1);
    for (int r = 0; r < 4; r++)
        cpu_set_gr(t.c, 2 + r, k->in[r]);
    cpu_set_gr(t.c, 15, (uint32_t)k->psw_in << 24);
    cputest_set_word(&t, DATA, k->word_in);
    snprintf(body, sizeof body, I("SPM   15") I("%s") STOP, k->instruction);
    cputest_run_body(&t, body);
    cputest_expect_program(&t, k->code);
    for (int r = 0; r < 4; r++)
        ck_assert_msg(cpu_gr(t.c, 2 + r) == k->out[r], "case %d %s: R%d = %08X, expected %08X", _i, k->instruction,
                      2 + r, cpu_gr(t.c, 2 + r), k->out[r]);
    ck_assert_msg(cputest_word(&t, DATA) == k->word_out, "case %d %s: word %08X, expected %08X", _i, k->instruction,
                  cputest_word(&t, DATA), k->word_out);
    unsigned cc = cputest_program_cc(&t);
    ck_assert_msg(cc == (unsigned)k->cc, "case %d %s: cc %u, expected %d", _i, k->instruction, cc, k->cc);
    cputest_free(&t);
}
END_TEST

/* An overflow interruption completes the instruction: the old PSW points past it with ILC 1 (RR)
   or 2 (RX), and the program mask stays in the old PSW. */
START_TEST(test_overflow_interruption_psw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 2, 0x7FFFFFFF);
    cpu_set_gr(t.c, 3, 1);
    cpu_set_gr(t.c, 15, 0x0F000000);
    cputest_run_body(&t, I("SPM   15") I("AR    2,3"));
    cputest_expect_program(&t, PGM_FIXED_OVERFLOW);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1004);
    ck_assert_uint_eq(cputest_program_ilc(&t), 1);
    ck_assert_uint_eq(cputest_word(&t, 0x2C), 0x7F001004); /* ILC 1, cc 3, mask F, address */
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 2, 0x7FFFFFFF);
    cpu_set_gr(t.c, 15, 0x08000000);
    cputest_set_word(&t, DATA, 1);
    cputest_run_body(&t, I("SPM   15") I("A     2,X'800'"));
    cputest_expect_program(&t, PGM_FIXED_OVERFLOW);
    ck_assert_uint_eq(cputest_word(&t, 0x2C), 0xB8001006); /* ILC 2, cc 3, mask 8 */
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0x80000000);
    cputest_free(&t);
}
END_TEST

/* STM and LM wrap from register 15 to 0; unaligned operands are allowed in System/370. */
START_TEST(test_load_store_multiple)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 14, 0x0E0E0E0E);
    cpu_set_gr(t.c, 15, 0x0F0F0F0F);
    cpu_set_gr(t.c, 0, 0x00000000);
    cpu_set_gr(t.c, 1, 0x01010101);
    cputest_run_body(&t, I("STM   14,1,X'801'") I("LM    2,5,X'801'") I("LM    7,7,X'805'") STOP);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x100E);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 0x000E0E0E);
    ck_assert_uint_eq(cputest_word(&t, 0x804), 0x0E0F0F0F);
    ck_assert_uint_eq(cputest_word(&t, 0x808), 0x0F000000);
    ck_assert_uint_eq(cputest_word(&t, 0x80C), 0x00010101);
    ck_assert_uint_eq(cputest_word(&t, 0x810), 0x01000000);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0x0E0E0E0E);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 0x0F0F0F0F);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0x00000000);
    ck_assert_uint_eq(cpu_gr(t.c, 5), 0x01010101);
    ck_assert_uint_eq(cpu_gr(t.c, 7), 0x0F0F0F0F);
    cputest_free(&t);
}
END_TEST

/*
 * Key-controlled protection.  The program runs with PSW key 1 (storage of the program is key 0, not
 * fetch-protected); the block at X'2800' has key 1.  The block at X'3000' has key 2: stores are
 * refused (code 4) and nothing is stored, even by the part of an STM that lies in the accessible
 * block before it; with the fetch-protection bit, fetches are refused too.  Key 1 storage accepts
 * both; PSW key 0 matches every key.
 */
START_TEST(test_protection)
{
    static const struct {
        const char *instruction;
        uint8_t key3000; /* storage key of X'3000' */
        uint16_t psw_high;
        uint16_t code;
    } cases[] = {
        {"ST    2,X'100'(4)", 0x20, 0x0010, PGM_PROTECTION},
        {"STH   2,X'100'(4)", 0x20, 0x0010, PGM_PROTECTION},
        {"STM   2,3,X'FFC'(5)", 0x20, 0x0010, PGM_PROTECTION}, /* X'2FFC'-X'3003' */
        {"L     2,X'100'(4)", 0x20, 0x0010, PGM_OPERATION},    /* not fetch-protected */
        {"L     2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"LM    2,3,X'FFC'(5)", 0x28, 0x0010, PGM_PROTECTION},
        {"AH    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"A     2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"S     2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"SH    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"AL    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"SL    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"C     2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"CH    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"LH    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"M     2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"MH    2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"D     2,X'100'(4)", 0x28, 0x0010, PGM_PROTECTION},
        {"ST    2,X'100'(4)", 0x10, 0x0010, PGM_OPERATION},
        {"STM   2,3,X'FF0'(5)", 0x20, 0x0010, PGM_OPERATION}, /* inside the key 1 block */
        {"ST    2,X'100'(5)", 0x10, 0x0010, PGM_PROTECTION},  /* X'2100' has key 0 */
        {"ST    2,X'100'(4)", 0x28, 0x0000, PGM_OPERATION},
        {"L     2,X'100'(4)", 0x18, 0x0010, PGM_OPERATION},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        char source[256];
        cputest_init(&t, 0, 1);
        machine_set_storage_key(t.m, 0x2800, 0x10);
        machine_set_storage_key(t.m, 0x3000, cases[i].key3000);
        snprintf(source, sizeof source, "P        START X'1000'\n" I("%s") STOP I("END   P"),
                 cases[i].instruction);
        cputest_load(&t, source);
        cpu_set_gr(t.c, 2, 0x11223344);
        cpu_set_gr(t.c, 4, 0x3000);
        cpu_set_gr(t.c, 5, 0x2000);
        cputest_set_word(&t, 0x3100, 0x55667788);
        cputest_run_at(&t, 0x1000, cases[i].psw_high, 10);
        ck_assert_msg(cputest_program_code(&t) == cases[i].code, "%s: program code %X", cases[i].instruction,
                      cputest_program_code(&t));
        cputest_expect_program(&t, cases[i].code);
        if (cases[i].code == PGM_PROTECTION) {
            ck_assert_msg(cpu_gr(t.c, 2) == 0x11223344, "%s changed R2", cases[i].instruction);
            ck_assert_uint_eq(cputest_word(&t, 0x2FFC), 0);
            ck_assert_uint_eq(cputest_word(&t, 0x3100), 0x55667788);
            ck_assert_uint_eq(cputest_program_old_address(&t), 0x1004); /* suppressed: points past */
        }
        cputest_free(&t);
    }
}
END_TEST

/* Every storage operand of the group beyond the end of a 64K storage: addressing exception, the
   instruction suppressed (R2 and the condition code unchanged). */
START_TEST(test_addressing)
{
    static const char *const instructions[] = {
        "L     2,0(4)", "LH    2,0(4)", "ST    2,0(4)",   "STH   2,0(4)",   "A     2,0(4)", "AH    2,0(4)",
        "S     2,0(4)", "SH    2,0(4)", "AL    2,0(4)",   "SL    2,0(4)",   "C     2,0(4)", "CH    2,0(4)",
        "M     2,0(4)", "MH    2,0(4)", "D     2,0(4)",   "LM    2,3,0(4)", "STM   2,3,0(4)",
        "STM   2,3,X'FFC'(5)", /* X'FFFC'-X'10003': the part in storage is not stored either */
    };
    for (size_t i = 0; i < sizeof instructions / sizeof instructions[0]; i++) {
        struct cputest t;
        char body[128];
        cputest_init(&t, 64 * 1024, 1);
        cpu_set_gr(t.c, 2, 5);
        cpu_set_gr(t.c, 4, 0x10000);
        cpu_set_gr(t.c, 5, 0xF000);
        snprintf(body, sizeof body, I("%s") STOP, instructions[i]);
        cputest_run_body(&t, body);
        ck_assert_msg(cputest_program_code(&t) == PGM_ADDRESSING, "%s: code %X", instructions[i],
                      cputest_program_code(&t));
        ck_assert_msg(cpu_gr(t.c, 2) == 5, "%s changed R2", instructions[i]);
        ck_assert_uint_eq(cputest_word(&t, 0xFFFC), 0);
        cputest_free(&t);
    }
}
END_TEST

/*
 * A complete program: sum a table of halfwords and of words with BXLE and BCT loops, keep the
 * running maximum with CH, and store the results.  Table: 3, -1, 40, 7, -20 (halfwords) sum 29,
 * maximum 40; words 100000, 200000, 300000 sum 600000 (X'927C0').
 */
START_TEST(test_program_sum_table)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_body(&t, I("BALR  12,0")
                     I("USING *,12")
                     I("SR    2,2")              /* sum of halfwords */
                     I("LH    3,HALVES")         /* maximum so far */
                     I("LA    4,0")              /* index */
                     I("LA    6,2")              /* increment */
                     I("LA    7,8")              /* last index: 4 entries after the first, * 2 */
                     "LOOP     AH    2,HALVES(4)\n"
                     I("CH    3,HALVES(4)")
                     I("BNL   NOTMAX")
                     I("LH    3,HALVES(4)")
                     "NOTMAX   BXLE  4,6,LOOP\n"
                     I("SR    8,8")
                     I("LA    9,WORDS")
                     I("LA    10,3")
                     "WLOOP    A     8,0(9)\n"
                     I("LA    9,4(9)")
                     I("BCT   10,WLOOP")
                     I("STH   2,RESULTS")
                     I("STH   3,RESULTS+2")
                     I("ST    8,RESULTS+4")
                     "FINISH   DC    X'0000'\n"
                     "HALVES   DC    H'3,-1,40,7,-20'\n"
                     I("DS    0F")
                     "WORDS    DC    F'100000,200000,300000'\n"
                     "RESULTS  DC    2H'0',F'0'\n");
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x104C); /* past FINISH, at X'104A' */
    ck_assert_uint_eq(cpu_gr(t.c, 2), 29);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 40);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 10); /* BXLE stops when the index passes 8 */
    ck_assert_uint_eq(cpu_gr(t.c, 8), 600000);
    ck_assert_uint_eq(cpu_gr(t.c, 10), 0);
    /* RESULTS: 29 = X'001D', 40 = X'0028', then 600000 */
    uint32_t results = cpu_gr(t.c, 9); /* R9 stopped just past WORDS, at RESULTS */
    ck_assert_uint_eq(cputest_word(&t, results), 0x001D0028);
    ck_assert_uint_eq(cputest_word(&t, results + 4), 600000);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_fixed(void)
{
    Suite *s = suite_create("cpu_fixed");
    TCase *tc = tcase_create("fixed");
    tcase_add_loop_test(tc, test_fixed_case, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_overflow_interruption_psw);
    tcase_add_test(tc, test_load_store_multiple);
    tcase_add_test(tc, test_protection);
    tcase_add_test(tc, test_addressing);
    tcase_add_test(tc, test_program_sum_table);
    suite_add_tcase(s, tc);
    return s;
}
