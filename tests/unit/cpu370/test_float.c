/*
 * test_float.c - the hexadecimal floating-point instructions (cpu370/float.c): every instruction's
 * result to the bit and condition code, normalization, the guard digit, truncation and LOAD ROUNDED's
 * rounding, exponent overflow and underflow with their wrapped characteristics, significance,
 * floating-point divide, specification for bad registers and alignment, and a small program using
 * the assembler's D and E constants.
 *
 * Each table row is one instruction run from X'1000' with FPRs 0, 2, 4, 6 preset, a program mask, and
 * cc 3 (no floating-point instruction sets cc 3, so 3 afterwards means "unchanged").  The program then
 * meets X'0000' (an operation exception), so the old program PSW shows the cc; an expected floating-
 * point interruption shows instead, with the old PSW after the instruction.  Suppressed instructions
 * (specification, floating-point divide, access) must leave every register as it was.
 *
 * Every expected value is worked out by hand from GA22-7000 in the comment beside it: fractions are
 * written as hex digits after the point, "c" is the characteristic, "g" marks the guard digit.
 */
#include <check.h>
#include <stdio.h>

#include "cpu370/opcodes.h"
#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

/* A short number in a register's high half over a low half that must survive short results. */
#define S(high, low) ((uint64_t)(high) << 32 | (uint32_t)(low))
#define L0 0x0BADF00Du
#define L2 0x12345678u

/* Register contents an instruction must not touch. */
#define B0 0x1111111111111111ull
#define B2 0x2222222222222222ull
#define B4 0x4444444444444444ull
#define B6 0x6666666666666666ull

enum { PM_EU = PM_EXPONENT_UNDERFLOW, PM_SG = PM_SIGNIFICANCE, UNCHANGED_CC = 3, BEYOND_STORAGE = 0xFFFF00 };

struct fp_case {
    const char *inst; /* one instruction; OP names the storage operand (doubleword aligned) */
    const char *op;   /* OP's DC operand, e.g. X'41200000' (default X'4110000000000000') */
    uint8_t pm;       /* program mask */
    uint64_t in[4];   /* FPRs 0, 2, 4, 6 before */
    uint64_t out[4];  /* after (ignored for suppressed instructions: they must equal `in`) */
    uint8_t cc;
    uint16_t pgm; /* the program interruption expected, 0 for none */
};

/* Assemble `code` at X'1000' followed by X'0000' and the operand OP; GR12 is the base, GR11 points
   beyond storage; run in BC mode with FPRs `fpr`, program mask `pm` and cc 3. */
static void fp_run(struct cputest *t, const char *code, const char *op, uint8_t pm, const uint64_t fpr[4])
{
    char source[4096];
    snprintf(source, sizeof source,
             "FPTEST   START X'1000'\n" I("USING FPTEST,12") "%s" I("DC    H'0'") I("DS    0D") "OP       DC    %s\n"
             "OUT      DC    2D'0'\n" I("END   FPTEST"),
             code, op ? op : "X'4110000000000000'");
    cputest_init(t, 64 * 1024, 1);
    cputest_load(t, source);
    for (int i = 0; i < 4; i++)
        cpu_set_fpr(t->c, 2 * i, fpr[i]);
    cpu_set_gr(t->c, 11, BEYOND_STORAGE);
    cpu_set_gr(t->c, 12, CPUTEST_ORIGIN);
    const uint8_t psw[8] = {0x00, 0x00, 0x00, 0x00, (uint8_t)(0x30 | pm), 0x00, 0x10, 0x00};
    cpu_set_psw(t->c, psw);
    cpu_start(t->c);
    t->reason = cpu_run(t->c, 1000);
}


static bool suppressed(uint16_t code)
{
    return code == PGM_SPECIFICATION || code == PGM_FP_DIVIDE || code == PGM_ADDRESSING;
}

static void run_case(const struct fp_case *k)
{
    struct cputest t;
    char code[128];
    snprintf(code, sizeof code, "         %s\n", k->inst);
    fp_run(&t, code, k->op, k->pm, k->in);
    uint32_t length = (uint32_t)s370_instruction_length(cputest_word(&t, CPUTEST_ORIGIN) >> 24);
    /* after the instruction (completed or suppressed), or after the X'0000' that follows it */
    uint32_t old_address = CPUTEST_ORIGIN + length + (k->pgm ? 0 : 2);
    uint16_t pgm = k->pgm ? k->pgm : PGM_OPERATION;
    ck_assert_msg(t.reason == STOP_DISABLED_WAIT && cputest_final_address(&t) == CPUTEST_PROGRAM,
                  "%s: did not stop at a program interruption", k->inst);
    ck_assert_msg(cputest_program_code(&t) == pgm && cputest_program_old_address(&t) == old_address,
                  "%s: program interruption X'%04X' at X'%06X', expected X'%04X' at X'%06X'", k->inst,
                  cputest_program_code(&t), cputest_program_old_address(&t), pgm, old_address);
    const uint64_t *expected = suppressed(k->pgm) ? k->in : k->out;
    for (int i = 0; i < 4; i++)
        ck_assert_msg(cpu_fpr(t.c, 2 * i) == expected[i], "%s: FPR%d = %016llX, expected %016llX", k->inst, 2 * i,
                      (unsigned long long)cpu_fpr(t.c, 2 * i), (unsigned long long)expected[i]);
    uint8_t cc = suppressed(k->pgm) ? UNCHANGED_CC : k->cc;
    ck_assert_msg(cputest_program_cc(&t) == cc, "%s: cc %u, expected %u", k->inst, cputest_program_cc(&t), cc);
    cputest_free(&t);
}

/* ---- loads and sign control --------------------------------------------------------------------- */

static const struct fp_case load_cases[] = {
    /* LER copies the high half only; no cc */
    {"LER   0,2", NULL, 0, {S(0x11111111, L0), S(0xC2123456, L2), B4, B6},
     {S(0xC2123456, L0), S(0xC2123456, L2), B4, B6}, UNCHANGED_CC, 0},
    {"LDR   6,2", NULL, 0, {B0, 0xC212345699999999, B4, B6}, {B0, 0xC212345699999999, B4, 0xC212345699999999},
     UNCHANGED_CC, 0},
    {"LE    4,OP", "X'43ABCDEF'", 0, {B0, B2, S(0x11111111, L0), B6}, {B0, B2, S(0x43ABCDEF, L0), B6}, UNCHANGED_CC, 0},
    /* any bits load unchanged, unnormalized ones too */
    {"LD    2,OP", "X'0123456789ABCDEF'", 0, {B0, B2, B4, B6}, {B0, 0x0123456789ABCDEF, B4, B6}, UNCHANGED_CC, 0},
    /* LTER: cc from sign and fraction of the high half; the low half is neither copied nor tested */
    {"LTER  0,2", NULL, 0, {S(0, L0), S(0xC1100000, 0), B4, B6}, {S(0xC1100000, L0), S(0xC1100000, 0), B4, B6}, 1, 0},
    {"LTER  0,2", NULL, 0, {S(0, L0), S(0x41000000, 0xFFFFFFFF), B4, B6},
     {S(0x41000000, L0), S(0x41000000, 0xFFFFFFFF), B4, B6}, 0, 0},
    /* no normalization: X'3F000001' stays as it is */
    {"LTER  2,2", NULL, 0, {B0, S(0x3F000001, L2), B4, B6}, {B0, S(0x3F000001, L2), B4, B6}, 2, 0},
    /* LTDR tests all 14 digits: a 1 in the last one is "greater than zero" */
    {"LTDR  0,2", NULL, 0, {B0, 0x0000000000000001, B4, B6}, {0x0000000000000001, 0x0000000000000001, B4, B6}, 2, 0},
    {"LTDR  0,2", NULL, 0, {B0, 0x8000000000000000, B4, B6}, {0x8000000000000000, 0x8000000000000000, B4, B6}, 0, 0},
    {"LPER  0,2", NULL, 0, {S(0, L0), S(0xC1100000, L2), B4, B6}, {S(0x41100000, L0), S(0xC1100000, L2), B4, B6}, 2, 0},
    {"LPER  0,2", NULL, 0, {S(0, L0), S(0x80000000, L2), B4, B6}, {S(0x00000000, L0), S(0x80000000, L2), B4, B6}, 0, 0},
    {"LPDR  0,2", NULL, 0, {B0, 0xC110000000000001, B4, B6}, {0x4110000000000001, 0xC110000000000001, B4, B6}, 2, 0},
    {"LNER  0,2", NULL, 0, {S(0, L0), S(0x41100000, L2), B4, B6}, {S(0xC1100000, L0), S(0x41100000, L2), B4, B6}, 1, 0},
    /* the sign is made minus even for a zero fraction */
    {"LNER  0,2", NULL, 0, {S(0, L0), S(0, L2), B4, B6}, {S(0x80000000, L0), S(0, L2), B4, B6}, 0, 0},
    {"LNDR  0,2", NULL, 0, {B0, 0x4A0000000000F000, B4, B6}, {0xCA0000000000F000, 0x4A0000000000F000, B4, B6}, 1, 0},
    {"LNDR  0,2", NULL, 0, {B0, 0, B4, B6}, {0x8000000000000000, 0, B4, B6}, 0, 0},
    {"LCER  0,2", NULL, 0, {S(0, L0), S(0x41100000, L2), B4, B6}, {S(0xC1100000, L0), S(0x41100000, L2), B4, B6}, 1, 0},
    {"LCER  0,2", NULL, 0, {S(0, L0), S(0xC1100000, L2), B4, B6}, {S(0x41100000, L0), S(0xC1100000, L2), B4, B6}, 2, 0},
    /* inverted even for a zero fraction */
    {"LCER  0,2", NULL, 0, {S(0, L0), S(0, L2), B4, B6}, {S(0x80000000, L0), S(0, L2), B4, B6}, 0, 0},
    {"LCDR  0,2", NULL, 0, {B0, 0xC200000000000010, B4, B6}, {0x4200000000000010, 0xC200000000000010, B4, B6}, 2, 0},
    {"LCDR  0,2", NULL, 0, {B0, 0x8000000000000000, B4, B6}, {0, 0x8000000000000000, B4, B6}, 0, 0},
};

/* ---- LOAD ROUNDED: one added in the first dropped bit; the cc is unchanged ---------------------- */

static const struct fp_case round_cases[] = {
    /* .12345678|7FFFFFFF: bit 32 is 0, no carry into the short fraction */
    {"LRER  0,2", NULL, 0, {S(0, L0), 0x411234567FFFFFFF, B4, B6}, {S(0x41123456, L0), 0x411234567FFFFFFF, B4, B6},
     UNCHANGED_CC, 0},
    /* .123456|80000000 + 1 in bit 32 -> .123457 */
    {"LRER  0,2", NULL, 0, {S(0, L0), 0x4112345680000000, B4, B6}, {S(0x41123457, L0), 0x4112345680000000, B4, B6},
     UNCHANGED_CC, 0},
    /* .FFFFFF|8 rounds to 1.000000: shifted right one digit, c 41 -> 42, sign kept */
    {"LRER  0,2", NULL, 0, {S(0, L0), 0xC1FFFFFF80000000, B4, B6}, {S(0xC2100000, L0), 0xC1FFFFFF80000000, B4, B6},
     UNCHANGED_CC, 0},
    /* no normalization: .00000080000000 rounds to .000001 */
    {"LRER  0,2", NULL, 0, {S(0, L0), 0x0000000080000000, B4, B6}, {S(0x00000001, L0), 0x0000000080000000, B4, B6},
     UNCHANGED_CC, 0},
    /* a zero result keeps sign and characteristic: no true zero, no significance */
    {"LRER  0,2", NULL, PM_SG, {S(0, L0), 0x800000007FFFFFFF, B4, B6}, {S(0x80000000, L0), 0x800000007FFFFFFF, B4, B6},
     UNCHANGED_CC, 0},
    /* .FFFFFF|F rounds up, c 7F + 1 = 128 overflows: c 00, fraction .100000 */
    {"LRER  0,2", NULL, 0, {S(0, L0), 0x7FFFFFFFF0000000, B4, B6}, {S(0x00100000, L0), 0x7FFFFFFFF0000000, B4, B6},
     UNCHANGED_CC, PGM_EXPONENT_OVERFLOW},
    /* LRDR adds one in bit 72, the first fraction bit of the low-order part: ...CDEF + 1 */
    {"LRDR  0,4", NULL, 0, {B0, B2, 0x4012345678ABCDEF, 0x3280000000000000},
     {0x4012345678ABCDF0, B2, 0x4012345678ABCDEF, 0x3280000000000000}, UNCHANGED_CC, 0},
    /* the low part's sign and characteristic are ignored; .FFF...F + 1 carries: c 40 -> 41, .1 */
    {"LRDR  6,4", NULL, 0, {B0, B2, 0xC0FFFFFFFFFFFFFF, 0xFF80000000000000},
     {B0, B2, 0xC0FFFFFFFFFFFFFF, 0xC110000000000000}, UNCHANGED_CC, 0},
    {"LRDR  0,4", NULL, 0, {B0, B2, 0x40123456789ABCDE, 0x007FFFFFFFFFFFFF},
     {0x40123456789ABCDE, B2, 0x40123456789ABCDE, 0x007FFFFFFFFFFFFF}, UNCHANGED_CC, 0},
    /* c 7F + 1 wraps to 00 */
    {"LRDR  2,0", NULL, 0, {0x7FFFFFFFFFFFFFFF, 0x0080000000000000, B4, B6},
     {0x7FFFFFFFFFFFFFFF, 0x0010000000000000, B4, B6}, UNCHANGED_CC, PGM_EXPONENT_OVERFLOW},
};

/* ---- add and subtract, short and long ----------------------------------------------------------- */

static const struct fp_case add_cases[] = {
    /* 1 + 1: .100000 + .100000 = .200000, c 41; the low half stays */
    {"AER   0,2", NULL, 0, {S(0x41100000, L0), S(0x41100000, L2), B4, B6},
     {S(0x41200000, L0), S(0x41100000, L2), B4, B6}, 2, 0},
    /* .8 + .8 = 1.0: carry, shift right one digit, c 42 */
    {"AER   0,2", NULL, 0, {S(0x41800000, L0), S(0x41800000, L2), B4, B6},
     {S(0x42100000, L0), S(0x41800000, L2), B4, B6}, 2, 0},
    /* guard digit: .100000g0 - .0FFFFFgF = .000000g1, normalized 6 digits left: .100000, c 41-6 = 3B */
    {"SER   0,2", NULL, 0, {S(0x41100000, L0), S(0x40FFFFFF, L2), B4, B6},
     {S(0x3B100000, L0), S(0x40FFFFFF, L2), B4, B6}, 2, 0},
    /* .100000g0 + .000000g1 = .100000g1: normalized already, the guard digit is truncated */
    {"AER   0,2", NULL, 0, {S(0x41100000, L0), S(0x3B100000, L2), B4, B6},
     {S(0x41100000, L0), S(0x3B100000, L2), B4, B6}, 2, 0},
    /* .100000g0 - .000000g1 = .0FFFFFgF -> .FFFFFF, c 40 */
    {"SER   0,2", NULL, 0, {S(0x41100000, L0), S(0x3B100000, L2), B4, B6},
     {S(0x40FFFFFF, L0), S(0x3B100000, L2), B4, B6}, 2, 0},
    /* shifted 7 digits, the 1 falls beyond the guard digit and is lost */
    {"SER   0,2", NULL, 0, {S(0x41100000, L0), S(0x3A100000, L2), B4, B6},
     {S(0x41100000, L0), S(0x3A100000, L2), B4, B6}, 2, 0},
    /* mixed signs: 3 + -1 = 2; 1 + -3 = -2; -1 + -1 = -2 */
    {"AER   0,2", NULL, 0, {S(0x41300000, L0), S(0xC1100000, L2), B4, B6},
     {S(0x41200000, L0), S(0xC1100000, L2), B4, B6}, 2, 0},
    {"AER   0,2", NULL, 0, {S(0x41100000, L0), S(0xC1300000, L2), B4, B6},
     {S(0xC1200000, L0), S(0xC1300000, L2), B4, B6}, 1, 0},
    {"AER   0,2", NULL, 0, {S(0xC1100000, L0), S(0xC1100000, L2), B4, B6},
     {S(0xC1200000, L0), S(0xC1100000, L2), B4, B6}, 1, 0},
    /* 1 + -1: zero fraction; mask off -> true zero, no interruption */
    {"AER   0,2", NULL, 0, {S(0x41100000, L0), S(0xC1100000, L2), B4, B6},
     {S(0x00000000, L0), S(0xC1100000, L2), B4, B6}, 0, 0},
    /* mask on: significance, the characteristic (41) kept, sign plus */
    {"AER   0,2", NULL, PM_SG, {S(0x41100000, L0), S(0xC1100000, L2), B4, B6},
     {S(0x41000000, L0), S(0xC1100000, L2), B4, B6}, 0, PGM_SIGNIFICANCE},
    /* a zero fraction with c 48 shifts 1 (c 41) out 7 digits: the sum is zero */
    {"AER   0,2", NULL, 0, {S(0x41100000, L0), S(0x48000000, L2), B4, B6},
     {S(0x00000000, L0), S(0x48000000, L2), B4, B6}, 0, 0},
    {"AER   0,2", NULL, PM_SG, {S(0x41100000, L0), S(0x48000000, L2), B4, B6},
     {S(0x48000000, L0), S(0x48000000, L2), B4, B6}, 0, PGM_SIGNIFICANCE},
    /* true zero + true zero is a zero sum too */
    {"AER   0,2", NULL, 0, {S(0, L0), S(0, L2), B4, B6}, {S(0, L0), S(0, L2), B4, B6}, 0, 0},
    {"AER   0,2", NULL, PM_SG, {S(0, L0), S(0, L2), B4, B6}, {S(0, L0), S(0, L2), B4, B6}, 0, PGM_SIGNIFICANCE},
    /* .100000 - .080000 = .080000 -> .800000 with c 00 - 1 = -1: underflow; mask off -> true zero */
    {"SER   0,2", NULL, 0, {S(0x00100000, L0), S(0x00080000, L2), B4, B6},
     {S(0x00000000, L0), S(0x00080000, L2), B4, B6}, 0, 0},
    /* mask on: c -1 + 128 = 7F */
    {"SER   0,2", NULL, PM_EU, {S(0x00100000, L0), S(0x00080000, L2), B4, B6},
     {S(0x7F800000, L0), S(0x00080000, L2), B4, B6}, 2, PGM_EXPONENT_UNDERFLOW},
    /* -.1 - -.08 = -.08: the same with the sign minus */
    {"SER   0,2", NULL, PM_EU, {S(0x80100000, L0), S(0x80080000, L2), B4, B6},
     {S(0xFF800000, L0), S(0x80080000, L2), B4, B6}, 1, PGM_EXPONENT_UNDERFLOW},
    /* .F + .1 = 1.0: c 7F + 1 = 128 overflows whatever the mask: c 00, .100000 */
    {"AER   0,2", NULL, 0, {S(0x7FF00000, L0), S(0x7F100000, L2), B4, B6},
     {S(0x00100000, L0), S(0x7F100000, L2), B4, B6}, 2, PGM_EXPONENT_OVERFLOW},
    {"AER   0,2", NULL, 0, {S(0xFFF00000, L0), S(0xFF100000, L2), B4, B6},
     {S(0x80100000, L0), S(0xFF100000, L2), B4, B6}, 1, PGM_EXPONENT_OVERFLOW},
    /* the program mask does not matter to exponent overflow */
    {"AER   0,2", NULL, PM_EU | PM_SG, {S(0x7FF00000, L0), S(0x7F100000, L2), B4, B6},
     {S(0x00100000, L0), S(0x7F100000, L2), B4, B6}, 2, PGM_EXPONENT_OVERFLOW},
    /* unnormalized operands: .000001 c 44 (= 16^-2) + 0: sum .000001g0, normalized 5 digits: c 3F */
    {"AER   0,2", NULL, 0, {S(0x44000001, L0), S(0x41000000, L2), B4, B6},
     {S(0x3F100000, L0), S(0x41000000, L2), B4, B6}, 2, 0},
    {"AE    0,OP", "X'41200000'", 0, {S(0x41100000, L0), B2, B4, B6}, {S(0x41300000, L0), B2, B4, B6}, 2, 0},
    {"SE    0,OP", "X'41200000'", 0, {S(0x41100000, L0), B2, B4, B6}, {S(0xC1100000, L0), B2, B4, B6}, 1, 0},
    /* .FFFFFFg0 + .0F0000gF = 1.0EFFFFgF: the carry shift loses the last F, the guard digit F is
       then truncated: .10EFFF, c 42 (rounding anywhere would give .10F000) */
    {"AER   0,2", NULL, 0, {S(0x41FFFFFF, L0), S(0x40F0000F, L2), B4, B6},
     {S(0x4210EFFF, L0), S(0x40F0000F, L2), B4, B6}, 2, 0},
    /* long: 1 + 1/256: .100000000000000 + .001000000000000 (shifted 2) */
    {"ADR   0,2", NULL, 0, {0x4110000000000000, 0x3F10000000000000, B4, B6},
     {0x4110100000000000, 0x3F10000000000000, B4, B6}, 2, 0},
    /* .FFFFFFFFFFFFFF + .00000000000001 = 1.0: carry, c 42 */
    {"ADR   0,2", NULL, 0, {0x41FFFFFFFFFFFFFF, 0x4100000000000001, B4, B6},
     {0x4210000000000000, 0x4100000000000001, B4, B6}, 2, 0},
    /* .FFFFFFFFFFFFFFg0 * 2 = 1.FFFFFFFFFFFFFEg0: carry shifts right, .1FFFFFFFFFFFFFgE truncated */
    {"ADR   0,2", NULL, 0, {0x41FFFFFFFFFFFFFF, 0x41FFFFFFFFFFFFFF, B4, B6},
     {0x421FFFFFFFFFFFFF, 0x41FFFFFFFFFFFFFF, B4, B6}, 2, 0},
    /* long guard digit: 1 - (1 - 16^-14) = 16^-14: .1, c 41 - 14 = 33 */
    {"SDR   0,2", NULL, 0, {0x4110000000000000, 0x40FFFFFFFFFFFFFF, B4, B6},
     {0x3310000000000000, 0x40FFFFFFFFFFFFFF, B4, B6}, 2, 0},
    {"ADR   0,2", NULL, PM_SG, {0x4220000000000000, 0xC220000000000000, B4, B6},
     {0x4200000000000000, 0xC220000000000000, B4, B6}, 0, PGM_SIGNIFICANCE},
    {"SDR   0,2", NULL, 0, {0x4220000000000000, 0x4220000000000000, B4, B6}, {0, 0x4220000000000000, B4, B6}, 0, 0},
    /* .1 - .08 with c 00: c -1 + 128 = 7F */
    {"ADR   0,2", NULL, PM_EU, {0x0010000000000000, 0x8008000000000000, B4, B6},
     {0x7F80000000000000, 0x8008000000000000, B4, B6}, 2, PGM_EXPONENT_UNDERFLOW},
    {"ADR   0,2", NULL, 0, {0x7F80000000000000, 0x7F80000000000000, B4, B6},
     {0x0010000000000000, 0x7F80000000000000, B4, B6}, 2, PGM_EXPONENT_OVERFLOW},
    {"AD    0,OP", "X'C130000000000000'", 0, {0x4110000000000000, B2, B4, B6}, {0xC120000000000000, B2, B4, B6}, 1, 0},
    {"SD    0,OP", "X'4110000000000000'", PM_SG, {0x4110000000000000, B2, B4, B6}, {0x4100000000000000, B2, B4, B6}, 0,
     PGM_SIGNIFICANCE},
};

/* ---- add and subtract unnormalized -------------------------------------------------------------- */

static const struct fp_case unnormalized_cases[] = {
    {"AUR   0,2", NULL, 0, {S(0x44000010, L0), S(0x44000001, L2), B4, B6},
     {S(0x44000011, L0), S(0x44000001, L2), B4, B6}, 2, 0},
    /* .100000g0 - .000000g1 = .0FFFFFgF: the guard digit dropped, not normalized */
    {"SUR   0,2", NULL, 0, {S(0x41100000, L0), S(0x3B100000, L2), B4, B6},
     {S(0x410FFFFF, L0), S(0x3B100000, L2), B4, B6}, 2, 0},
    /* .000000g1: the guard digit does not count, the result fraction is zero */
    {"AUR   0,2", NULL, 0, {S(0x3B100000, L0), S(0x41000000, L2), B4, B6},
     {S(0x00000000, L0), S(0x41000000, L2), B4, B6}, 0, 0},
    {"AUR   0,2", NULL, PM_SG, {S(0x3B100000, L0), S(0x41000000, L2), B4, B6},
     {S(0x41000000, L0), S(0x41000000, L2), B4, B6}, 0, PGM_SIGNIFICANCE},
    /* the same with AER: .000000g1 normalizes to .100000, c 41 - 6 = 3B */
    {"AER   0,2", NULL, PM_SG, {S(0x3B100000, L0), S(0x41000000, L2), B4, B6},
     {S(0x3B100000, L0), S(0x41000000, L2), B4, B6}, 2, 0},
    /* .8 + .8 = 1.0: a carry still shifts right */
    {"AUR   0,2", NULL, 0, {S(0x40800000, L0), S(0x40800000, L2), B4, B6},
     {S(0x41100000, L0), S(0x40800000, L2), B4, B6}, 2, 0},
    /* no normalization, so no underflow: .080000 stays with c 00 */
    {"SUR   0,2", NULL, PM_EU, {S(0x00100000, L0), S(0x00080000, L2), B4, B6},
     {S(0x00080000, L0), S(0x00080000, L2), B4, B6}, 2, 0},
    {"SUR   0,2", NULL, 0, {S(0xC1100000, L0), S(0xC1100000, L2), B4, B6},
     {S(0x00000000, L0), S(0xC1100000, L2), B4, B6}, 0, 0},
    /* 16 - 1: .100000000000000 - .010000000000000 = .0F0000000000000, kept unnormalized */
    {"AWR   0,2", NULL, 0, {0x4210000000000000, 0xC110000000000000, B4, B6},
     {0x420F000000000000, 0xC110000000000000, B4, B6}, 2, 0},
    {"ADR   0,2", NULL, 0, {0x4210000000000000, 0xC110000000000000, B4, B6},
     {0x41F0000000000000, 0xC110000000000000, B4, B6}, 2, 0},
    {"AWR   0,2", NULL, 0, {0x7F80000000000000, 0x7F80000000000000, B4, B6},
     {0x0010000000000000, 0x7F80000000000000, B4, B6}, 2, PGM_EXPONENT_OVERFLOW},
    /* shifted 14 digits, the 1 lands in the guard digit: .100000000000000 - .00000000000000g1 */
    {"SWR   0,2", NULL, 0, {0x4110000000000000, 0x3310000000000000, B4, B6},
     {0x410FFFFFFFFFFFFF, 0x3310000000000000, B4, B6}, 2, 0},
    {"AU    0,OP", "X'40100000'", 0, {S(0x41100000, L0), B2, B4, B6}, {S(0x41110000, L0), B2, B4, B6}, 2, 0},
    {"SU    0,OP", "X'41100000'", PM_SG, {S(0x41100000, L0), B2, B4, B6}, {S(0x41000000, L0), B2, B4, B6}, 0,
     PGM_SIGNIFICANCE},
    /* 1 - 15/16: .100000000000000 - .0F0000000000000 = .010000000000000 */
    {"AW    0,OP", "X'C0F0000000000000'", 0, {0x4110000000000000, B2, B4, B6}, {0x4101000000000000, B2, B4, B6}, 2, 0},
    {"SW    0,OP", "X'4110000000000000'", 0, {0xC110000000000000, B2, B4, B6}, {0xC120000000000000, B2, B4, B6}, 1, 0},
};

/* ---- extended add and subtract: FPR0-2 and FPR4-6 ----------------------------------------------- */

static const struct fp_case extended_add_cases[] = {
    /* 1 + 16^-20: c 2D is 20 digits below c 41, so the 1 lands in digit 21, the 7th of the low part;
       the low part's characteristic is 41 - 14 = 33; operand 2's low sign and characteristic ignored */
    {"AXR   0,4", NULL, 0, {0x4110000000000000, 0x3300000000000000, 0x2D10000000000000, 0xFF00000000000000},
     {0x4110000000000000, 0x3300000010000000, 0x2D10000000000000, 0xFF00000000000000}, 2, 0},
    /* 1 - (1 - 16^-28): the last F of operand 2 goes into the guard digit; .000...0g1 normalizes 28
       digits: c 41 - 28 = 25, low c 25 - 14 = 17 */
    {"SXR   0,4", NULL, 0, {0x4110000000000000, 0x3300000000000000, 0x40FFFFFFFFFFFFFF, 0x32FFFFFFFFFFFFFF},
     {0x2510000000000000, 0x1700000000000000, 0x40FFFFFFFFFFFFFF, 0x32FFFFFFFFFFFFFF}, 2, 0},
    /* (1 - 16^-28) + 16^-28: the carry runs through all 28 digits: exactly 1 */
    {"AXR   0,4", NULL, 0, {0x40FFFFFFFFFFFFFF, 0x32FFFFFFFFFFFFFF, 0x2510000000000000, 0x1700000000000000},
     {0x4110000000000000, 0x3300000000000000, 0x2510000000000000, 0x1700000000000000}, 2, 0},
    /* x - x: true zero in both parts with the mask off */
    {"SXR   0,4", NULL, 0, {0x4212345678901234, 0x3456789012345678, 0x4212345678901234, 0x3456789012345678},
     {0, 0, 0x4212345678901234, 0x3456789012345678}, 0, 0},
    /* mask on: c 42 kept, low part c 42 - 14 = 34 */
    {"SXR   0,4", NULL, PM_SG, {0x4212345678901234, 0x3456789012345678, 0x4212345678901234, 0x3456789012345678},
     {0x4200000000000000, 0x3400000000000000, 0x4212345678901234, 0x3456789012345678}, 0, PGM_SIGNIFICANCE},
    /* .F + .F = 1.E: carry, c 7F + 1 wraps to 00; the low part's c is 00 - 14 mod 128 = 72 */
    {"AXR   0,4", NULL, 0, {0x7FF0000000000000, 0x7100000000000000, 0x7FF0000000000000, 0x7100000000000000},
     {0x001E000000000000, 0x7200000000000000, 0x7FF0000000000000, 0x7100000000000000}, 2, PGM_EXPONENT_OVERFLOW},
    /* .1 - .08 with c 00: normalized c -1, mask on: 7F, low part 7F - 14 = 71 */
    {"SXR   0,4", NULL, PM_EU, {0x0010000000000000, 0x7200000000000000, 0x0008000000000000, 0x7200000000000000},
     {0x7F80000000000000, 0x7100000000000000, 0x0008000000000000, 0x7200000000000000}, 2, PGM_EXPONENT_UNDERFLOW},
    {"SXR   0,4", NULL, 0, {0x0010000000000000, 0x7200000000000000, 0x0008000000000000, 0x7200000000000000},
     {0, 0, 0x0008000000000000, 0x7200000000000000}, 0, 0},
    /* c 05: the low part's c 05 - 14 wraps to 77 without any underflow */
    {"AXR   0,4", NULL, PM_EU, {0x0510000000000000, 0, 0x0510000000000000, 0},
     {0x0520000000000000, 0x7700000000000000, 0x0510000000000000, 0}, 2, 0},
    /* 1 - 2 = -1: the low part takes the minus sign too */
    {"SXR   4,0", NULL, 0, {0x4120000000000000, 0x3300000000000000, 0x4110000000000000, 0x3300000000000000},
     {0x4120000000000000, 0x3300000000000000, 0xC110000000000000, 0xB300000000000000}, 1, 0},
};

/* ---- compare: by normalized subtraction, guard digit included ------------------------------------ */

static const struct fp_case compare_cases[] = {
    {"CER   0,2", NULL, 0, {S(0x41100000, L0), S(0x41100000, L2), B4, B6},
     {S(0x41100000, L0), S(0x41100000, L2), B4, B6}, 0, 0},
    {"CER   0,2", NULL, 0, {S(0x41100000, L0), S(0x41200000, L2), B4, B6},
     {S(0x41100000, L0), S(0x41200000, L2), B4, B6}, 1, 0},
    {"CER   0,2", NULL, 0, {S(0xC1100000, L0), S(0x41100000, L2), B4, B6},
     {S(0xC1100000, L0), S(0x41100000, L2), B4, B6}, 1, 0},
    {"CER   0,2", NULL, 0, {S(0x41100000, L0), S(0xC1100000, L2), B4, B6},
     {S(0x41100000, L0), S(0xC1100000, L2), B4, B6}, 2, 0},
    /* -2 < -1 */
    {"CER   0,2", NULL, 0, {S(0xC1200000, L0), S(0xC1100000, L2), B4, B6},
     {S(0xC1200000, L0), S(0xC1100000, L2), B4, B6}, 1, 0},
    /* the same value unnormalized: .010000 c 42 = .100000 c 41 */
    {"CER   0,2", NULL, 0, {S(0x41100000, L0), S(0x42010000, L2), B4, B6},
     {S(0x41100000, L0), S(0x42010000, L2), B4, B6}, 0, 0},
    /* zero fractions are equal whatever their signs and characteristics */
    {"CER   0,2", NULL, 0, {S(0x80000000, L0), S(0x7F000000, L2), B4, B6},
     {S(0x80000000, L0), S(0x7F000000, L2), B4, B6}, 0, 0},
    /* a zero fraction with c 4A shifts .1 c 41 out 9 digits: equal */
    {"CER   0,2", NULL, 0, {S(0x4A000000, L0), S(0x41100000, L2), B4, B6},
     {S(0x4A000000, L0), S(0x41100000, L2), B4, B6}, 0, 0},
    /* 7 digits of shift lose the 1 (equal); 6 keep it in the guard digit (first operand low) */
    {"CER   0,2", NULL, 0, {S(0x41000000, L0), S(0x3A100000, L2), B4, B6},
     {S(0x41000000, L0), S(0x3A100000, L2), B4, B6}, 0, 0},
    {"CER   0,2", NULL, 0, {S(0x41000000, L0), S(0x3B100000, L2), B4, B6},
     {S(0x41000000, L0), S(0x3B100000, L2), B4, B6}, 1, 0},
    /* the low halves are not compared */
    {"CER   0,2", NULL, 0, {S(0x41100000, 1), S(0x41100000, 2), B4, B6},
     {S(0x41100000, 1), S(0x41100000, 2), B4, B6}, 0, 0},
    {"CDR   0,2", NULL, 0, {0x4110000000000001, 0x4110000000000000, B4, B6},
     {0x4110000000000001, 0x4110000000000000, B4, B6}, 2, 0},
    {"CDR   0,2", NULL, 0, {0x4100000000000000, 0x3210000000000000, B4, B6},
     {0x4100000000000000, 0x3210000000000000, B4, B6}, 0, 0},
    {"CDR   0,2", NULL, 0, {0x4100000000000000, 0x3310000000000000, B4, B6},
     {0x4100000000000000, 0x3310000000000000, B4, B6}, 1, 0},
    {"CE    0,OP", "X'41100000'", 0, {S(0x41100000, L0), B2, B4, B6}, {S(0x41100000, L0), B2, B4, B6}, 0, 0},
    {"CD    0,OP", "X'4110000000000000'", 0, {0x4120000000000000, B2, B4, B6}, {0x4120000000000000, B2, B4, B6}, 2, 0},
};

/* ---- halve: a divide by 2, so prenormalized and normalized; the cc is unchanged ------------------ */

static const struct fp_case halve_cases[] = {
    /* .2 / 2 = .1 */
    {"HER   0,2", NULL, 0, {S(0, L0), S(0x41200000, L2), B4, B6}, {S(0x41100000, L0), S(0x41200000, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* .1 / 2 = .08 -> .8, c 40 */
    {"HER   0,2", NULL, 0, {S(0, L0), S(0x41100000, L2), B4, B6}, {S(0x40800000, L0), S(0x41100000, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* .300001 / 2 = .1800008: truncated to .180000 */
    {"HER   0,2", NULL, 0, {S(0, L0), S(0x41300001, L2), B4, B6}, {S(0x41180000, L0), S(0x41300001, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* .000001 c 41 prenormalizes to .1 c 3C; halved .8 c 3B (the low one bit is not lost) */
    {"HER   0,2", NULL, 0, {S(0, L0), S(0x41000001, L2), B4, B6}, {S(0x3B800000, L0), S(0x41000001, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* a zero fraction gives a true zero */
    {"HER   0,2", NULL, 0, {S(0x41100000, L0), S(0xC5000000, L2), B4, B6}, {S(0, L0), S(0xC5000000, L2), B4, B6},
     UNCHANGED_CC, 0},
    {"HER   0,2", NULL, 0, {S(0, L0), S(0xC1200000, L2), B4, B6}, {S(0xC1100000, L0), S(0xC1200000, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* .1 c 00 / 2 = .8 c -1: underflow */
    {"HER   0,2", NULL, 0, {S(0x41100000, L0), S(0x00100000, L2), B4, B6}, {S(0, L0), S(0x00100000, L2), B4, B6},
     UNCHANGED_CC, 0},
    {"HER   0,2", NULL, PM_EU, {S(0, L0), S(0x00100000, L2), B4, B6}, {S(0x7F800000, L0), S(0x00100000, L2), B4, B6},
     UNCHANGED_CC, PGM_EXPONENT_UNDERFLOW},
    {"HDR   0,2", NULL, 0, {B0, 0x4130000000000001, B4, B6}, {0x4118000000000000, 0x4130000000000001, B4, B6},
     UNCHANGED_CC, 0},
    {"HDR   0,2", NULL, 0, {B0, 0x4110000000000000, B4, B6}, {0x4080000000000000, 0x4110000000000000, B4, B6},
     UNCHANGED_CC, 0},
    {"HDR   2,2", NULL, PM_EU, {B0, 0x0010000000000000, B4, B6}, {B0, 0x7F80000000000000, B4, B6}, UNCHANGED_CC,
     PGM_EXPONENT_UNDERFLOW},
};

/* ---- multiply: prenormalized, the product truncated; the cc is unchanged ------------------------ */

static const struct fp_case multiply_cases[] = {
    /* 2 * 3: c 41 + 41 - 64 = 42, .2 * .3 = .060000000000 -> .6 c 41; MER's result fills R1 */
    {"MER   0,2", NULL, 0, {S(0x41200000, L0), S(0x41300000, L2), B4, B6},
     {0x4160000000000000, S(0x41300000, L2), B4, B6}, UNCHANGED_CC, 0},
    /* FFFFFF * FFFFFF = FFFFFE000001, all 12 digits kept in the long result */
    {"MER   0,2", NULL, 0, {S(0x41FFFFFF, L0), S(0x41FFFFFF, L2), B4, B6},
     {0x42FFFFFE00000100, S(0x41FFFFFF, L2), B4, B6}, UNCHANGED_CC, 0},
    /* .000020 c 44 prenormalizes to .2 c 40; * .1 c 41: c 41, .02 -> .2 c 40 */
    {"MER   0,2", NULL, 0, {S(0x44000020, L0), S(0x41100000, L2), B4, B6},
     {0x4020000000000000, S(0x41100000, L2), B4, B6}, UNCHANGED_CC, 0},
    {"MER   0,2", NULL, 0, {S(0x41100000, L0), S(0x80000000, L2), B4, B6}, {0, S(0x80000000, L2), B4, B6}, UNCHANGED_CC,
     0},
    {"MER   0,2", NULL, 0, {S(0xC1200000, L0), S(0x41300000, L2), B4, B6},
     {0xC160000000000000, S(0x41300000, L2), B4, B6}, UNCHANGED_CC, 0},
    /* c 7F + 7F - 64 = 190, .01 normalized: 189 - 128 = 61 (3D) */
    {"MER   0,2", NULL, 0, {S(0x7F100000, L0), S(0x7F100000, L2), B4, B6},
     {0x3D10000000000000, S(0x7F100000, L2), B4, B6}, UNCHANGED_CC, PGM_EXPONENT_OVERFLOW},
    /* c 20 + 20 - 64 = 0, .01 normalized: -1 + 128 = 7F, or a true zero with the mask off */
    {"MER   0,2", NULL, PM_EU, {S(0x20100000, L0), S(0x20100000, L2), B4, B6},
     {0x7F10000000000000, S(0x20100000, L2), B4, B6}, UNCHANGED_CC, PGM_EXPONENT_UNDERFLOW},
    {"MER   0,2", NULL, 0, {S(0x20100000, L0), S(0x20100000, L2), B4, B6}, {0, S(0x20100000, L2), B4, B6}, UNCHANGED_CC,
     0},
    {"ME    0,OP", "X'41300000'", 0, {S(0x41200000, L0), B2, B4, B6},
     {0x4160000000000000, B2, B4, B6}, UNCHANGED_CC, 0},
    /* (16^13 + 1)^2 = 16^26 + 2*16^13 + 1: 28 digits 0100000000000020000000000001, normalized and
       truncated to 14: 10000000000002 (the last 1 is lost), c 41 */
    {"MDR   0,2", NULL, 0, {0x4110000000000001, 0x4110000000000001, B4, B6},
     {0x4110000000000002, 0x4110000000000001, B4, B6}, UNCHANGED_CC, 0},
    /* (16^14 - 1)^2 = FFFFFFFFFFFFFE00000000000001: truncated to FFFFFFFFFFFFFE, c 42 */
    {"MDR   0,2", NULL, 0, {0x41FFFFFFFFFFFFFF, 0x41FFFFFFFFFFFFFF, B4, B6},
     {0x42FFFFFFFFFFFFFE, 0x41FFFFFFFFFFFFFF, B4, B6}, UNCHANGED_CC, 0},
    /* 16^-13 * (1 + 16^-13): .00000000000001 c 41 prenormalizes to .1 c 34 so the product keeps its
       last digit: 16^26 + 16^13 = 01000000000000 10000000000000 -> .10000000000001, c 34 */
    {"MDR   0,2", NULL, 0, {0x4100000000000001, 0x4110000000000001, B4, B6},
     {0x3410000000000001, 0x4110000000000001, B4, B6}, UNCHANGED_CC, 0},
    {"MDR   0,2", NULL, PM_EU, {0x2010000000000000, 0x2010000000000000, B4, B6},
     {0x7F10000000000000, 0x2010000000000000, B4, B6}, UNCHANGED_CC, PGM_EXPONENT_UNDERFLOW},
    {"MD    0,OP", "X'C130000000000000'", 0, {0xC120000000000000, B2, B4, B6}, {0x4160000000000000, B2, B4, B6},
     UNCHANGED_CC, 0},
    /* MXDR keeps all 28 digits: FFFFFFFFFFFFFE 00000000000001, c 42, low c 34; FPR2 is read as the
       multiplier before the low part replaces it */
    {"MXDR  0,2", NULL, 0, {0x41FFFFFFFFFFFFFF, 0x41FFFFFFFFFFFFFF, B4, B6},
     {0x42FFFFFFFFFFFFFE, 0x3400000000000001, B4, B6}, UNCHANGED_CC, 0},
    /* 0100000000000020000000000001 shifted left: 10000000000002 00000000000010, minus in both parts */
    {"MXDR  4,0", NULL, 0, {0x4110000000000001, B2, 0xC110000000000001, B6},
     {0x4110000000000001, B2, 0xC110000000000002, 0xB300000000000010}, UNCHANGED_CC, 0},
    {"MXD   0,OP", "X'4130000000000000'", 0, {0x4120000000000000, B2, B4, B6},
     {0x4160000000000000, 0x3300000000000000, B4, B6}, UNCHANGED_CC, 0},
    {"MXDR  0,2", NULL, 0, {0x2010000000000000, 0x2010000000000000, B4, B6}, {0, 0, B4, B6}, UNCHANGED_CC, 0},
    /* (16^28 - 1)^2 = 16^56 - 2*16^28 + 1: its first 28 digits are 27 F's and an E, c 42 */
    {"MXR   0,4", NULL, 0, {0x41FFFFFFFFFFFFFF, 0x33FFFFFFFFFFFFFF, 0x41FFFFFFFFFFFFFF, 0x33FFFFFFFFFFFFFF},
     {0x42FFFFFFFFFFFFFF, 0x34FFFFFFFFFFFFFE, 0x41FFFFFFFFFFFFFF, 0x33FFFFFFFFFFFFFF}, UNCHANGED_CC, 0},
    /* (16^27 + 16^14 + 1)^2 = 16^54 + 2*16^41 + 16^28 + 2*16^27 + 2*16^14 + 1: shifted left one digit,
       digits 1, 14, 27, 28 are 1, 2, 1, 2 and the rest is truncated; c 41 + 41 - 64 - 1 = 41 */
    {"MXR   0,4", NULL, 0, {0x4110000000000001, 0x3300000000000001, 0x4110000000000001, 0x3300000000000001},
     {0x4110000000000002, 0x3300000000000012, 0x4110000000000001, 0x3300000000000001}, UNCHANGED_CC, 0},
    /* .00000000000000 10000000000000 c 41 (= 16^-14) prenormalizes across the parts to .1 c 33;
       times 1: .01 -> .1, c 33 + 41 - 64 - 1 = 33, low part c 25 */
    {"MXR   0,4", NULL, 0, {0x4100000000000000, 0x3310000000000000, 0x4110000000000000, 0x3300000000000000},
     {0x3310000000000000, 0x2500000000000000, 0x4110000000000000, 0x3300000000000000}, UNCHANGED_CC, 0},
    {"MXR   4,4", NULL, 0, {B0, B2, 0x4110000000000001, 0x3300000000000001},
     {B0, B2, 0x4110000000000002, 0x3300000000000012}, UNCHANGED_CC, 0},
    {"MXR   0,4", NULL, 0, {0x4110000000000001, 0x3300000000000001, 0x8000000000000000, 0},
     {0, 0, 0x8000000000000000, 0}, UNCHANGED_CC, 0},
    /* 190 - 1 - 128 = 3D, low part 3D - 14 = 2F */
    {"MXR   0,4", NULL, 0, {0x7F10000000000000, 0x7100000000000000, 0x7F10000000000000, 0x7100000000000000},
     {0x3D10000000000000, 0x2F00000000000000, 0x7F10000000000000, 0x7100000000000000}, UNCHANGED_CC,
     PGM_EXPONENT_OVERFLOW},
    /* -1 + 128 = 7F, low part 7F - 14 = 71 */
    {"MXR   0,4", NULL, PM_EU, {0x2010000000000000, 0x1200000000000000, 0x2010000000000000, 0x1200000000000000},
     {0x7F10000000000000, 0x7100000000000000, 0x2010000000000000, 0x1200000000000000}, UNCHANGED_CC,
     PGM_EXPONENT_UNDERFLOW},
};

/* ---- divide: prenormalized, the quotient truncated; the cc is unchanged ------------------------- */

static const struct fp_case divide_cases[] = {
    /* .6 / .2: the dividend fraction is not smaller, so shifted right: .3 with c 41 - 41 + 64 + 1 */
    {"DER   0,2", NULL, 0, {S(0x41600000, L0), S(0x41200000, L2), B4, B6},
     {S(0x41300000, L0), S(0x41200000, L2), B4, B6}, UNCHANGED_CC, 0},
    /* 1/3 = .555555|5...: truncated, c 40 */
    {"DER   0,2", NULL, 0, {S(0x41100000, L0), S(0x41300000, L2), B4, B6},
     {S(0x40555555, L0), S(0x41300000, L2), B4, B6}, UNCHANGED_CC, 0},
    {"DER   0,2", NULL, 0, {S(0xC1100000, L0), S(0x41300000, L2), B4, B6},
     {S(0xC0555555, L0), S(0x41300000, L2), B4, B6}, UNCHANGED_CC, 0},
    /* 2/3 = .AAAAAA|A...: truncated, not rounded */
    {"DER   0,2", NULL, 0, {S(0x41200000, L0), S(0x41300000, L2), B4, B6},
     {S(0x40AAAAAA, L0), S(0x41300000, L2), B4, B6}, UNCHANGED_CC, 0},
    {"DER   0,2", NULL, 0, {S(0x41100000, L0), S(0x41000000, L2), B4, B6}, {0}, UNCHANGED_CC, PGM_FP_DIVIDE},
    /* zero by zero is a divide exception too, whatever the mask */
    {"DER   0,2", NULL, PM_EU | PM_SG, {S(0, L0), S(0x80000000, L2), B4, B6}, {0}, UNCHANGED_CC, PGM_FP_DIVIDE},
    {"DER   0,2", NULL, 0, {S(0x80000000, L0), S(0x41100000, L2), B4, B6}, {S(0, L0), S(0x41100000, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* c 7F - 01 + 64 + 1 = 191 -> 63 (3F) */
    {"DER   0,2", NULL, 0, {S(0x7F100000, L0), S(0x01100000, L2), B4, B6},
     {S(0x3F100000, L0), S(0x01100000, L2), B4, B6}, UNCHANGED_CC, PGM_EXPONENT_OVERFLOW},
    /* c 01 - 7F + 64 = -62, .1 / .2 = .8: -62 + 128 = 66 (42) */
    {"DER   0,2", NULL, PM_EU, {S(0x01100000, L0), S(0x7F200000, L2), B4, B6},
     {S(0x42800000, L0), S(0x7F200000, L2), B4, B6}, UNCHANGED_CC, PGM_EXPONENT_UNDERFLOW},
    {"DER   0,2", NULL, 0, {S(0x01100000, L0), S(0x7F200000, L2), B4, B6}, {S(0, L0), S(0x7F200000, L2), B4, B6},
     UNCHANGED_CC, 0},
    /* .000600 c 42 -> .6 c 3F; .000002 c 40 -> .2 c 3B: .3 with c 3F - 3B + 64 + 1 = 45 */
    {"DER   0,2", NULL, 0, {S(0x42000600, L0), S(0x40000002, L2), B4, B6},
     {S(0x45300000, L0), S(0x40000002, L2), B4, B6}, UNCHANGED_CC, 0},
    {"DDR   0,2", NULL, 0, {0x4110000000000000, 0x4130000000000000, B4, B6},
     {0x4055555555555555, 0x4130000000000000, B4, B6}, UNCHANGED_CC, 0},
    {"DDR   0,2", NULL, 0, {0x4120000000000000, 0x4130000000000000, B4, B6},
     {0x40AAAAAAAAAAAAAA, 0x4130000000000000, B4, B6}, UNCHANGED_CC, 0},
    {"DDR   0,2", NULL, 0, {0x4120000000000000, 0x8000000000000000, B4, B6}, {0}, UNCHANGED_CC, PGM_FP_DIVIDE},
    {"DE    0,OP", "X'41200000'", 0, {S(0x41600000, L0), B2, B4, B6}, {S(0x41300000, L0), B2, B4, B6}, UNCHANGED_CC, 0},
    {"DD    0,OP", "X'C120000000000000'", 0, {0x4160000000000000, B2, B4, B6}, {0xC130000000000000, B2, B4, B6},
     UNCHANGED_CC, 0},
};

/* ---- specification and access: suppressed, nothing changes ------------------------------------- */

#define SPEC(text) {text, NULL, 0, {B0, B2, B4, B6}, {0}, UNCHANGED_CC, PGM_SPECIFICATION}

static const struct fp_case suppressed_cases[] = {
    /* registers other than 0, 2, 4, 6 */
    SPEC("LER   1,0"), SPEC("LDR   0,8"), SPEC("LTER  0,3"), SPEC("LCDR  10,0"), SPEC("LPER  0,14"), SPEC("LNDR  5,0"),
    SPEC("LE    3,OP"), SPEC("STD   5,OP"), SPEC("STE   1,OP"), SPEC("AER   0,1"), SPEC("AW    7,OP"),
    SPEC("CER   0,7"), SPEC("HER   1,0"), SPEC("MER   0,9"), SPEC("DDR   12,2"), SPEC("LRER  1,0"), SPEC("SUR   0,15"),
    /* extended operands need 0 or 4 */
    SPEC("LRDR  0,2"), SPEC("LRDR  0,6"), SPEC("AXR   0,2"), SPEC("AXR   2,0"), SPEC("SXR   6,4"), SPEC("MXR   0,2"),
    SPEC("MXDR  2,0"), SPEC("MXDR  0,1"), SPEC("MXD   2,OP"),
    /* short operands on a fullword boundary, long ones on a doubleword */
    SPEC("LE    0,OP+2"), SPEC("LD    0,OP+4"), SPEC("STE   0,OP+1"), SPEC("STD   0,OP+4"), SPEC("AE    0,OP+2"),
    SPEC("AD    0,OP+4"), SPEC("SU    0,OP+2"), SPEC("SW    0,OP+4"), SPEC("CE    0,OP+2"), SPEC("CD    0,OP+4"),
    SPEC("ME    0,OP+2"), SPEC("MD    0,OP+4"), SPEC("MXD   0,OP+4"), SPEC("DE    0,OP+2"), SPEC("DD    0,OP+4"),
    /* the register and the alignment come before the access */
    SPEC("LE    1,0(0,11)"), SPEC("AD    0,4(0,11)"),
    {"LE    0,0(0,11)", NULL, 0, {B0, B2, B4, B6}, {0}, UNCHANGED_CC, PGM_ADDRESSING},
    {"MXD   4,0(0,11)", NULL, 0, {B0, B2, B4, B6}, {0}, UNCHANGED_CC, PGM_ADDRESSING},
};

#define COUNT(table) ((int)(sizeof table / sizeof table[0]))
#define TABLE_TEST(name, table)                                                                                \
    START_TEST(name)                                                                                           \
    {                                                                                                          \
        run_case(&table[_i]);                                                                                  \
    }                                                                                                          \
    END_TEST

TABLE_TEST(test_load, load_cases)
TABLE_TEST(test_round, round_cases)
TABLE_TEST(test_add, add_cases)
TABLE_TEST(test_unnormalized, unnormalized_cases)
TABLE_TEST(test_extended_add, extended_add_cases)
TABLE_TEST(test_compare, compare_cases)
TABLE_TEST(test_halve, halve_cases)
TABLE_TEST(test_multiply, multiply_cases)
TABLE_TEST(test_divide, divide_cases)
TABLE_TEST(test_suppressed, suppressed_cases)

/* STE stores the high half only, STD the whole register; the cc is unchanged. */
START_TEST(test_store)
{
    struct cputest t;
    const uint64_t fpr[4] = {S(0xC1234567, L0), 0x4012345678ABCDEF, B4, B6};
    fp_run(&t, I("STE   0,OUT") I("STD   2,OUT+8"), NULL, 0, fpr);
    cputest_expect_program(&t, PGM_OPERATION);
    /* OP (8 bytes) at X'1010' after 10 bytes of code, so OUT is X'1018' */
    ck_assert_uint_eq(cputest_word(&t, 0x1018), 0xC1234567);
    ck_assert_uint_eq(cputest_word(&t, 0x101C), 0);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x1020), 0x4012345678ABCDEF);
    ck_assert_uint_eq(cputest_program_cc(&t), UNCHANGED_CC);
    cputest_free(&t);
}
END_TEST

/*
 * A program: p(x) = 2x^3 - 3x^2 + 4x - 5 at x = 0.5 by Horner's rule, and the sum of a table of D
 * constants, with the results stored.  Worked by hand:
 *   2 * .5: .2 * .8 = .10, c 41 + 40 - 64 = 41          -> 1      4110000000000000
 *   1 - 3 = -2                                          ->       C120000000000000
 *   -2 * .5 = -1; -1 + 4 = 3; 3 * .5: .3 * .8 = .18     -> 1.5    4118000000000000
 *   1.5 - 5: .18 - .50 = -.38                           -> -3.5   C138000000000000
 * The table, as the assembler rounds it: 0.1 = .1999999999999A, 0.2 = .33333333333333,
 * 0.3 = .4CCCCCCCCCCCCD, 0.4 = .66666666666666 (all c 40):
 *   .1999999999999A + .33333333333333 = .4CCCCCCCCCCCCD; + .4CCCCCCCCCCCCD = .9999999999999A;
 *   + .66666666666666 = 1.00000000000000: carry, c 41   -> 1.0    4110000000000000
 * E'2.5' = .28 c 41; squared with MER: .28 * .28 = .0640 -> .64 c 41 = 6.25 -> 4164000000000000
 * p / sum with DDR: -3.5 / 1 = .38 / .1: shifted right, c 41 - 41 + 64 + 1 = 41 -> C138000000000000
 */
START_TEST(test_program)
{
    static const char source[] = "POLY     START X'1000'\n"
                                 I("USING POLY,12")
                                 I("LD    0,X")
                                 I("LD    2,A3")
                                 I("MDR   2,0")
                                 I("SD    2,A2")
                                 I("MDR   2,0")
                                 I("AD    2,A1")
                                 I("MDR   2,0")
                                 I("SD    2,A0")
                                 I("STD   2,P")
                                 I("LD    4,T")
                                 I("AD    4,T+8")
                                 I("AD    4,T+16")
                                 I("AD    4,T+24")
                                 I("STD   4,SUM")
                                 I("LE    6,E")
                                 I("MER   6,6")
                                 I("STD   6,SQUARE")
                                 I("DDR   2,4")
                                 I("STD   2,RATIO")
                                 I("DC    H'0'")
                                 "X        DC    D'0.5'\n"
                                 "A3       DC    D'2'\n"
                                 "A2       DC    D'3'\n"
                                 "A1       DC    D'4'\n"
                                 "A0       DC    D'5'\n"
                                 "T        DC    D'0.1,0.2,0.3,0.4'\n"
                                 "E        DC    E'2.5'\n"
                                 "P        DC    D'0'\n"
                                 "SUM      DC    D'0'\n"
                                 "SQUARE   DC    D'0'\n"
                                 "RATIO    DC    D'0'\n"
                                 I("END   POLY");
    struct cputest t;
    cputest_init(&t, 64 * 1024, 1);
    cputest_load(&t, source);
    cpu_set_gr(t.c, 12, 0x1000);
    cputest_run_at(&t, 0x1000, 0x0000, 100);
    cputest_expect_program(&t, PGM_OPERATION);
    /* 5 RR instructions (3 MDR, MER, DDR) and 14 RX: 5 * 2 + 14 * 4 = 66 bytes, X'0000' at X'1042' */
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1044);
    ck_assert_uint_eq(cpu_fpr(t.c, 0), 0x4080000000000000);
    ck_assert_uint_eq(cpu_fpr(t.c, 2), 0xC138000000000000);
    ck_assert_uint_eq(cpu_fpr(t.c, 4), 0x4110000000000000);
    ck_assert_uint_eq(cpu_fpr(t.c, 6), 0x4164000000000000);
    /* X at X'1048', A3-A0, the four-entry table, E (padded to a doubleword for P): P at X'1098' */
    ck_assert_uint_eq(cputest_doubleword(&t, 0x1048), 0x4080000000000000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x1070), 0x401999999999999A); /* D'0.1' */
    ck_assert_uint_eq(cputest_doubleword(&t, 0x1080), 0x404CCCCCCCCCCCCD); /* D'0.3' */
    ck_assert_uint_eq(cputest_doubleword(&t, 0x1098), 0xC138000000000000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10A0), 0x4110000000000000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10A8), 0x4164000000000000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10B0), 0xC138000000000000);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_float(void)
{
    Suite *s = suite_create("cpu_float");
    TCase *tc = tcase_create("float");
    tcase_add_loop_test(tc, test_load, 0, COUNT(load_cases));
    tcase_add_loop_test(tc, test_round, 0, COUNT(round_cases));
    tcase_add_loop_test(tc, test_add, 0, COUNT(add_cases));
    tcase_add_loop_test(tc, test_unnormalized, 0, COUNT(unnormalized_cases));
    tcase_add_loop_test(tc, test_extended_add, 0, COUNT(extended_add_cases));
    tcase_add_loop_test(tc, test_compare, 0, COUNT(compare_cases));
    tcase_add_loop_test(tc, test_halve, 0, COUNT(halve_cases));
    tcase_add_loop_test(tc, test_multiply, 0, COUNT(multiply_cases));
    tcase_add_loop_test(tc, test_divide, 0, COUNT(divide_cases));
    tcase_add_loop_test(tc, test_suppressed, 0, COUNT(suppressed_cases));
    tcase_add_test(tc, test_store);
    tcase_add_test(tc, test_program);
    suite_add_tcase(s, tc);
    return s;
}
