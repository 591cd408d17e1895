/*
 * test_logical.c - cpu370/logical.c: one-instruction cases, TR/TRT and their access rules, MVCL/CLCL
 * (padding, overlap, interruption, exceptions part way), operands split by prefixing, protection,
 * and TS/CS racing on two CPUs.  Expected values are derived by hand from GA22-7000.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
/* Programs end on an invalid operation: the program old PSW shows where and with which cc. */
#define STOP I("DC    X'0000'")
#define AREA 0x800


/*
 * Table cases: registers 1-5 and the 16 bytes at X'800' (four words) preset, SPM 15 sets the cc from
 * `cc_in` so that an unchanged cc shows, one instruction, then STOP (or the interruption `code`).
 */
struct logical_case {
    const char *instruction;
    uint8_t cc_in;
    uint32_t reg_in[5], area_in[4];
    uint32_t reg_out[5], area_out[4];
    int cc;
    uint16_t code;
};

enum { OK = PGM_OPERATION, SPEC = PGM_SPECIFICATION };

static const struct logical_case cases[] = {
    /* connectives: cc 0 zero result, 1 nonzero */
    {"NR    2,3", 0, {0, 0xFF00FF00, 0x0F0F0F0F}, {0}, {0, 0x0F000F00, 0x0F0F0F0F}, {0}, 1, OK},
    {"NR    2,3", 3, {0, 0xFF00FF00, 0x00FF00FF}, {0}, {0, 0, 0x00FF00FF}, {0}, 0, OK},
    {"OR    2,3", 3, {0, 0, 0}, {0}, {0, 0, 0}, {0}, 0, OK},
    {"OR    2,3", 0, {0, 0xF0000000, 0xF}, {0}, {0, 0xF000000F, 0xF}, {0}, 1, OK},
    {"XR    2,2", 3, {0, 0x1234}, {0}, {0}, {0}, 0, OK},
    {"XR    2,3", 0, {0, 0xFFFF0000, 0x0F0F0F0F}, {0}, {0, 0xF0F00F0F, 0x0F0F0F0F}, {0}, 1, OK},
    {"N     2,X'800'", 0, {0, 0xFFFFFFFF}, {0x80000001}, {0, 0x80000001}, {0x80000001}, 1, OK},
    /* unaligned word: X'802'-X'805' = 12 34 56 78 */
    {"O     2,X'802'", 0, {0, 0x80000000}, {0x1234, 0x56780000}, {0, 0x92345678}, {0x1234, 0x56780000}, 1, OK},
    {"X     2,X'800'", 3, {0, 0x5A5A5A5A}, {0x5A5A5A5A}, {0, 0}, {0x5A5A5A5A}, 0, OK},
    /* logical compare: unsigned */
    {"CLR   2,3", 0, {0, 1, 0xFFFFFFFF}, {0}, {0, 1, 0xFFFFFFFF}, {0}, 1, OK},
    {"CLR   2,3", 0, {0, 0x80000000, 1}, {0}, {0, 0x80000000, 1}, {0}, 2, OK},
    {"CLR   2,3", 3, {0, 7, 7}, {0}, {0, 7, 7}, {0}, 0, OK},
    {"CL    2,X'800'", 0, {0, 0xFFFFFFFF}, {0xFFFFFFFE}, {0, 0xFFFFFFFF}, {0xFFFFFFFE}, 2, OK},
    /* characters */
    {"IC    2,X'801'", 3, {0, 0x11223344}, {0xAABBCCDD}, {0, 0x112233BB}, {0xAABBCCDD}, 3, OK},
    {"STC   2,X'802'", 3, {0, 0x11223344}, {0xAABBCCDD}, {0, 0x11223344}, {0xAABB44DD}, 3, OK},
    /* ICM: cc 0 inserted bits all zero (or mask 0), 1 leftmost inserted bit one, 2 otherwise */
    {"ICM   2,B'1111',X'800'", 0, {0, 0}, {0x80000001}, {0, 0x80000001}, {0x80000001}, 1, OK},
    {"ICM   2,B'1001',X'800'", 0, {0, 0xAABBCCDD}, {0x12340000}, {0, 0x12BBCC34}, {0x12340000}, 2, OK},
    {"ICM   2,B'0110',X'801'", 3, {0, 0xAABBCCDD}, {0xFF0000FF}, {0, 0xAA0000DD}, {0xFF0000FF}, 0, OK},
    {"ICM   2,B'0001',X'803'", 0, {0, 0xAABBCCDD}, {0x80}, {0, 0xAABBCC80}, {0x80}, 1, OK},
    {"ICM   2,0,X'800'", 3, {0, 0xAABBCCDD}, {0xFFFFFFFF}, {0, 0xAABBCCDD}, {0xFFFFFFFF}, 0, OK},
    {"STCM  2,B'1010',X'801'", 3, {0, 0x11223344}, {0xAAAAAAAA}, {0, 0x11223344}, {0xAA1133AA}, 3, OK},
    {"STCM  2,B'1111',X'806'", 3, {0, 0x11223344}, {0}, {0, 0x11223344}, {0, 0x1122, 0x33440000}, 3, OK},
    {"STCM  2,0,X'800'", 3, {0, 0x11223344}, {0xAAAAAAAA}, {0, 0x11223344}, {0xAAAAAAAA}, 3, OK},
    {"CLM   2,B'0101',X'800'", 3, {0, 0x00110022}, {0x11220000}, {0, 0x00110022}, {0x11220000}, 0, OK},
    {"CLM   2,B'1100',X'800'", 0, {0, 0x11FF0000}, {0x11FE0000}, {0, 0x11FF0000}, {0x11FE0000}, 2, OK},
    {"CLM   2,B'0011',X'800'", 0, {0, 0x00000100}, {0x01010000}, {0, 0x00000100}, {0x01010000}, 1, OK},
    {"CLM   2,0,X'800'", 3, {0, 1}, {2}, {0, 1}, {2}, 0, OK},
    /* storage immediate; TM: cc 0 selected bits zero (or mask 0), 1 mixed, 3 all ones */
    {"TM    X'800',X'C0'", 0, {0}, {0xC3000000}, {0}, {0xC3000000}, 3, OK},
    {"TM    X'800',X'C0'", 0, {0}, {0x43000000}, {0}, {0x43000000}, 1, OK},
    {"TM    X'800',X'C0'", 3, {0}, {0x03000000}, {0}, {0x03000000}, 0, OK},
    {"TM    X'800',0", 3, {0}, {0xFF000000}, {0}, {0xFF000000}, 0, OK},
    {"MVI   X'801',X'5A'", 3, {0}, {0}, {0}, {0x005A0000}, 3, OK},
    {"CLI   X'800',X'80'", 0, {0}, {0x7F000000}, {0}, {0x7F000000}, 1, OK},
    {"CLI   X'800',X'80'", 3, {0}, {0x80000000}, {0}, {0x80000000}, 0, OK},
    {"CLI   X'800',X'80'", 0, {0}, {0xFF000000}, {0}, {0xFF000000}, 2, OK},
    {"NI    X'800',X'0F'", 3, {0}, {0xF0FFFFFF}, {0}, {0x00FFFFFF}, 0, OK},
    {"NI    X'800',X'0F'", 0, {0}, {0xF5000000}, {0}, {0x05000000}, 1, OK},
    {"OI    X'800',X'01'", 0, {0}, {0}, {0}, {0x01000000}, 1, OK},
    {"XI    X'800',X'FF'", 3, {0}, {0xFF000000}, {0}, {0}, 0, OK},
    {"XI    X'800',X'FF'", 0, {0}, {0x0F000000}, {0}, {0xF0000000}, 1, OK},
    /* TEST AND SET: cc is the old leftmost bit, the byte becomes all ones */
    {"TS    X'800'", 3, {0}, {0x00123456}, {0}, {0xFF123456}, 0, OK},
    {"TS    X'800'", 0, {0}, {0x80000000}, {0}, {0xFF000000}, 1, OK},
    {"TS    X'800'", 3, {0}, {0x7F000000}, {0}, {0xFF000000}, 0, OK},
    /* COMPARE AND SWAP */
    {"CS    2,3,X'800'", 3, {0, 5, 9}, {5}, {0, 5, 9}, {9}, 0, OK},
    {"CS    2,3,X'800'", 0, {0, 5, 9}, {7}, {0, 7, 9}, {7}, 1, OK},
    {"CS    2,3,X'802'", 3, {0, 5, 9}, {5}, {0, 5, 9}, {5}, 3, SPEC},
    {"CDS   2,4,X'800'", 3, {0, 1, 2, 3, 4}, {1, 2}, {0, 1, 2, 3, 4}, {3, 4}, 0, OK},
    {"CDS   2,4,X'800'", 0, {0, 1, 2, 3, 4}, {1, 7}, {0, 1, 7, 3, 4}, {1, 7}, 1, OK},
    {"CDS   3,4,X'800'", 3, {0, 1, 2, 3, 4}, {2, 3}, {0, 1, 2, 3, 4}, {2, 3}, 3, SPEC},
    {"CDS   2,5,X'800'", 3, {0, 1, 2, 3, 4}, {1, 2}, {0, 1, 2, 3, 4}, {1, 2}, 3, SPEC},
    {"CDS   2,4,X'804'", 3, {0, 1, 2, 3, 4}, {0, 1, 2}, {0, 1, 2, 3, 4}, {0, 1, 2}, 3, SPEC},
    /* SS moves: byte by byte, left to right */
    {"MVC   X'800'(4),X'808'", 3, {0}, {0, 0, 0x11223344}, {0}, {0x11223344, 0, 0x11223344}, 3, OK},
    {"MVC   X'801'(15),X'800'", 3, {0}, {0xAB000000, 1, 2, 3}, {0}, {0xABABABAB, 0xABABABAB, 0xABABABAB, 0xABABABAB},
     3, OK},
    {"MVC   X'800'(15),X'801'", 3, {0}, {0x00010203, 0x04050607, 0x08090A0B, 0x0C0D0E0F}, {0},
     {0x01020304, 0x05060708, 0x090A0B0C, 0x0D0E0F0F}, 3, OK},
    {"MVN   X'800'(4),X'804'", 3, {0}, {0xF1F2F3F4, 0x0A0B0C0D}, {0}, {0xFAFBFCFD, 0x0A0B0C0D}, 3, OK},
    {"MVZ   X'800'(4),X'804'", 3, {0}, {0xF1F2F3F4, 0x0A1B2C3D}, {0}, {0x01122334, 0x0A1B2C3D}, 3, OK},
    /* SS connectives; overlapping operands use the bytes already stored */
    {"NC    X'800'(4),X'804'", 0, {0}, {0xFF00FF00, 0x0F0F0F0F}, {0}, {0x0F000F00, 0x0F0F0F0F}, 1, OK},
    {"NC    X'800'(4),X'804'", 3, {0}, {0xFF00FF00, 0x00FF00FF}, {0}, {0, 0x00FF00FF}, 0, OK},
    {"OC    X'801'(3),X'800'", 0, {0}, {0x01020408}, {0}, {0x0103070F}, 1, OK},
    {"XC    X'800'(16),X'800'", 3, {0}, {1, 2, 3, 4}, {0}, {0, 0, 0, 0}, 0, OK},
    {"XC    X'801'(3),X'800'", 0, {0}, {0x01010101}, {0}, {0x01000100}, 1, OK},
    {"CLC   X'800'(4),X'804'", 3, {0}, {0x01020304, 0x01020304}, {0}, {0x01020304, 0x01020304}, 0, OK},
    {"CLC   X'800'(4),X'804'", 0, {0}, {0x01020304, 0x01020305}, {0}, {0x01020304, 0x01020305}, 1, OK},
    {"CLC   X'800'(4),X'804'", 0, {0}, {0x01FF0000, 0x0100FFFF}, {0}, {0x01FF0000, 0x0100FFFF}, 2, OK},
    {"CLC   X'800'(1),X'804'", 3, {0}, {0x01FF0000, 0x0100FFFF}, {0}, {0x01FF0000, 0x0100FFFF}, 0, OK},
    /* MVCL / CLCL: odd registers */
    {"MVCL  3,4", 3, {0, 0, 0x800, 0x808, 4}, {1}, {0, 0, 0x800, 0x808, 4}, {1}, 3, SPEC},
    {"CLCL  2,5", 3, {0, 0x800, 4, 0x804, 4}, {1}, {0, 0x800, 4, 0x804, 4}, {1}, 3, SPEC},
};

START_TEST(test_logical_case)
{
    const struct logical_case *k = &cases[_i];
    struct cputest t;
    char body[256];
    cputest_init(&t, 0, 1);
    for (int r = 0; r < 5; r++)
        cpu_set_gr(t.c, 1 + r, k->reg_in[r]);
    for (int w = 0; w < 4; w++)
        cputest_set_word(&t, AREA + 4 * w, k->area_in[w]);
    cpu_set_gr(t.c, 15, (uint32_t)k->cc_in << 28);
    snprintf(body, sizeof body, I("SPM   15") I("%s") STOP, k->instruction);
    cputest_run_body(&t, body);
    cputest_expect_program(&t, k->code);
    for (int r = 0; r < 5; r++)
        ck_assert_msg(cpu_gr(t.c, 1 + r) == k->reg_out[r], "case %d %s: R%d = %08X, expected %08X", _i,
                      k->instruction, 1 + r, cpu_gr(t.c, 1 + r), k->reg_out[r]);
    for (int w = 0; w < 4; w++)
        ck_assert_msg(cputest_word(&t, AREA + 4 * w) == k->area_out[w], "case %d %s: X'%X' = %08X, expected %08X",
                      _i, k->instruction, AREA + 4 * w, cputest_word(&t, AREA + 4 * w), k->area_out[w]);
    ck_assert_msg(cputest_program_cc(&t) == (unsigned)k->cc, "case %d %s: cc %u, expected %d", _i, k->instruction,
                  cputest_program_cc(&t), k->cc);
    cputest_free(&t);
}
END_TEST

/* ---- helpers for the longer tests ---------------------------------------------------------------- */

static void load_program(struct cputest *t, uint32_t origin, const char *body)
{
    char source[4096];
    snprintf(source, sizeof source, "P        START X'%X'\n" I("USING P,12") "%s" I("END   P"), origin, body);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, origin);
}

static void fill(struct cputest *t, uint32_t address, uint32_t length, uint8_t seed)
{
    uint8_t *s = machine_storage(t->m);
    for (uint32_t i = 0; i < length; i++)
        s[address + i] = (uint8_t)(seed + i * 7 + (i >> 8));
}

static void expect_registers(struct cputest *t, int first, int count, const uint32_t *values)
{
    for (int i = 0; i < count; i++)
        ck_assert_msg(cpu_gr(t->c, first + i) == values[i], "R%d = %08X, expected %08X", first + i,
                      cpu_gr(t->c, first + i), values[i]);
}

/* ---- TR and TRT ---------------------------------------------------------------------------------- */

/*
 * TR with table[i] = i + 1 (mod 256); TRT with a table that is zero except X'7F' -> X'33' and
 * X'C1' -> X'44'.  TRT puts the argument address in bits 8-31 of R1 (bits 0-7 kept) and the
 * function byte in bits 24-31 of R2 (bits 0-23 kept); cc 1 before the last byte, 2 on it, 0 (and
 * registers unchanged) if no function byte is nonzero.
 */
START_TEST(test_translate)
{
    struct cputest t;
    uint8_t table[256] = {0};
    cputest_init(&t, 0, 1);
    for (int i = 0; i < 256; i++)
        table[i] = (uint8_t)(i + 1);
    machine_load(t.m, 0x900, table, 256);
    memset(table, 0, sizeof table);
    table[0x7F] = 0x33;
    table[0xC1] = 0x44;
    machine_load(t.m, 0xA00, table, 256);
    cputest_set_word(&t, 0x800, 0x007FFF10);
    cputest_set_word(&t, 0x810, 0x007F0000);
    cputest_set_word(&t, 0x820, 0x000000C1);
    cputest_set_word(&t, 0x830, 0x01020304);
    load_program(&t, 0x1000, I("TRT   X'810'(4),X'A00'") /* stops at X'811', cc 1 */
                     I("LR    6,1") I("LR    7,2")
                     I("TRT   X'820'(4),X'A00'")         /* stops at the last byte, cc 2 */
                     I("BC    13,FAIL")
                     I("LR    8,1") I("LR    9,2")
                     I("TRT   X'830'(4),X'A00'")         /* cc 0, R1 and R2 unchanged */
                     I("BC    7,FAIL")
                     I("TR    X'800'(4),X'900'")
                     STOP                                 /* X'1028' */
                     "FAIL     DC    X'0000'\n");
    cpu_set_gr(t.c, 1, 0xAA000000);
    cpu_set_gr(t.c, 2, 0xBBBBBBBB);
    cputest_run_at(&t, 0x1000, 0x0000, 100);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x102A);
    ck_assert_uint_eq(cpu_gr(t.c, 6), 0xAA000811);
    ck_assert_uint_eq(cpu_gr(t.c, 7), 0xBBBBBB33);
    ck_assert_uint_eq(cpu_gr(t.c, 8), 0xAA000823);
    ck_assert_uint_eq(cpu_gr(t.c, 9), 0xBBBBBB44);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 0xAA000823);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xBBBBBB44);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 0x01800011); /* 00 7F FF 10 -> 01 80 00 11 */
    cputest_free(&t);
}
END_TEST

/*
 * Access exceptions only for the table bytes used: storage ends at X'3000' and the table starts at
 * X'2F80', so arguments X'80' and up are beyond storage; table[x] = x for odd x, 0 for even x.  TR
 * with arguments below X'80' completes; one argument X'80' raises the addressing exception before
 * anything is translated.  TRT stops at a nonzero function byte before reaching an argument beyond,
 * and does not access first-operand bytes after the stop: the operand at X'2FFE' (the table's last
 * two bytes, 00 7F) runs past the end of storage, but X'7F' stops it.
 */
START_TEST(test_translate_access)
{
    static const struct {
        const char *instruction;
        uint32_t operand;
        uint16_t code;
        uint32_t result;
    } cases[] = {
        {"TR    0(4,3),X'F80'(4)", 0x01027F00, PGM_OPERATION, 0x01007F00},
        {"TR    0(4,3),X'F80'(4)", 0x01028000, PGM_ADDRESSING, 0x01028000},
        {"TRT   0(4,3),X'F80'(4)", 0x0001FF00, PGM_OPERATION, 0x0001FF00}, /* stops on X'01' */
        {"TRT   0(4,3),X'F80'(4)", 0x0000FF00, PGM_ADDRESSING, 0x0000FF00},
        {"TRT   X'FFE'(4,4),X'F80'(4)", 0x0, PGM_OPERATION, 0x0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        char body[128];
        cputest_init(&t, 0x3000, 1);
        for (uint32_t x = 0; x < 0x80; x++)
            machine_storage(t.m)[0x2F80 + x] = (uint8_t)((x & 1) ? x : 0);
        cputest_set_word(&t, 0x800, cases[i].operand);
        snprintf(body, sizeof body, I("%s") STOP, cases[i].instruction);
        cpu_set_gr(t.c, 3, 0x800);
        cpu_set_gr(t.c, 4, 0x2000);
        cputest_run_body(&t, body);
        ck_assert_msg(cputest_program_code(&t) == cases[i].code, "%s: code %X", cases[i].instruction,
                      cputest_program_code(&t));
        ck_assert_uint_eq(cputest_word(&t, 0x800), cases[i].result);
        cputest_free(&t);
    }
}
END_TEST

/* ---- MOVE LONG ----------------------------------------------------------------------------------- */

/*
 * MVCL 2,4 with R2/R3 = first operand address/length, R4/R5 = second operand address, pad and
 * length.  Bits 0-7 of R2 and R4 are set to X'FF' beforehand: they end as zero; bits 0-7 of R3
 * (X'EE') are kept.
 */
struct mvcl_case {
    uint32_t address1, length1, address2, length2;
    uint8_t pad;
    int cc;
    uint32_t moved;  /* bytes taken from the second operand */
};

static void run_mvcl(struct cputest *t, const struct mvcl_case *k)
{
    cpu_set_gr(t->c, 2, 0xFF000000 | k->address1);
    cpu_set_gr(t->c, 3, 0xEE000000 | k->length1);
    cpu_set_gr(t->c, 4, 0xFF000000 | k->address2);
    cpu_set_gr(t->c, 5, (uint32_t)k->pad << 24 | k->length2);
    cputest_run_body(t, I("MVCL  2,4") STOP);
}

START_TEST(test_move_long)
{
    static const struct mvcl_case cases[] = {
        {0x20001, 10000, 0x10003, 10000, 0x40, 0, 10000}, /* crosses several 2K boundaries */
        {0x20000, 10, 0x10000, 4, 0x40, 2, 4},            /* padded */
        {0x20000, 4, 0x10000, 10, 0x40, 1, 4},            /* first operand shorter */
        {0x20000, 5000, 0x10000, 0, 0x00, 2, 0},          /* clearing with the pad */
        {0x20000, 0, 0x10000, 10, 0x40, 1, 0},            /* nothing moves */
        {0x20000, 100, 0x20000, 100, 0x40, 0, 100},       /* same location: no destructive overlap */
        {0x20000, 100, 0x20001, 100, 0x40, 0, 100},       /* moving left over itself is allowed */
        {0x20064, 100, 0x20000, 100, 0x40, 0, 100},       /* first starts just past the source */
        {0x20001, 1000, 0x20000, 1, 0x40, 2, 1},          /* second length 1: no destructive overlap */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct mvcl_case *k = &cases[i];
        struct cputest t;
        static uint8_t expected[16384];
        cputest_init(&t, 0, 1);
        uint8_t *s = machine_storage(t.m);
        fill(&t, 0x10000, 0x4000, 0x11);
        fill(&t, 0x20000, 0x4000, 0x99);
        memcpy(expected, s + 0x20000, sizeof expected);
        uint8_t source[16384];
        memcpy(source, s + k->address2, k->moved);
        memcpy(expected + (k->address1 - 0x20000), source, k->moved);
        memset(expected + (k->address1 - 0x20000) + k->moved, k->pad, k->length1 - k->moved);
        run_mvcl(&t, k);
        cputest_expect_program(&t, PGM_OPERATION);
        ck_assert_msg(cputest_program_cc(&t) == (unsigned)k->cc, "case %zu: cc %u", i, cputest_program_cc(&t));
        ck_assert_msg(memcmp(s + 0x20000, expected, sizeof expected) == 0, "case %zu: storage", i);
        uint32_t regs[4] = {k->address1 + k->length1, 0xEE000000, k->address2 + k->moved,
                            (uint32_t)k->pad << 24 | (k->length2 - k->moved)};
        expect_registers(&t, 2, 4, regs);
        cputest_free(&t);
    }
}
END_TEST

/*
 * Destructive overlap: the first operand starts on a participating second-operand byte other than
 * the first one: cc 3, nothing moves, registers unchanged.  Addresses wrap at 2**24: a second operand
 * X'FFFFFE'-X'000001' and a first operand at 0 overlap destructively (no storage is touched, so the
 * addresses need not exist).
 */
START_TEST(test_move_long_destructive_overlap)
{
    static const struct mvcl_case cases[] = {
        {0x20001, 4, 0x20000, 4, 0x40, 3, 0},
        {0x20063, 1000, 0x20000, 100, 0x40, 3, 0}, /* last participating byte */
        {0x20062, 99, 0x20000, 100, 0x40, 3, 0},   /* participating: the first 99 bytes */
        {0x000000, 4, 0xFFFFFE, 4, 0x40, 3, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct mvcl_case *k = &cases[i];
        struct cputest t;
        cputest_init(&t, 0, 1);
        fill(&t, 0x20000, 0x1000, 0x11);
        uint32_t before = cputest_word(&t, 0x20060);
        run_mvcl(&t, k);
        cputest_expect_program(&t, PGM_OPERATION);
        ck_assert_msg(cputest_program_cc(&t) == 3, "case %zu: cc %u", i, cputest_program_cc(&t));
        ck_assert_uint_eq(cputest_word(&t, 0x20060), before);
        uint32_t regs[4] = {0xFF000000 | k->address1, 0xEE000000 | k->length1, 0xFF000000 | k->address2,
                            (uint32_t)k->pad << 24 | k->length2};
        expect_registers(&t, 2, 4, regs);
        cputest_free(&t);
    }
}
END_TEST

/* The trace hook of run_interrupted: the interrupt key is pressed once, just before the instruction
   at X'1000' starts (after the CPU has looked at its pending interruptions for that boundary). */
static void press_interrupt_key_at_start(void *ctx, struct cpu *c, unsigned matched, uint32_t address,
                                         const uint8_t *inst)
{
    (void)matched;
    (void)inst;
    bool *pressed = ctx;
    if (address == 0x1000 && !*pressed) {
        *pressed = true;
        cpu_interrupt_key(c);
    }
}

/*
 * Start `instruction` (MVCL or CLCL 2,4) with R2-R5 preset, enabled for the interrupt key, which is
 * pressed as the instruction starts: after its first unit the instruction stops with the PSW pointing
 * at itself and R2-R5 showing the progress (`after_unit`), and the external interruption is taken;
 * its new PSW (disabled) goes back to the instruction, which resumes and completes at the STOP.
 */
static void run_interrupted(struct cputest *t, const char *instruction, const uint32_t before[4],
                            const uint32_t after_unit[4])
{
    char source[128];
    snprintf(source, sizeof source, "P        START X'1000'\n" I("%s") STOP I("END   P"), instruction);
    cputest_load(t, source);
    static const uint8_t back_to_the_instruction[8] = {0, 0, 0, 0, 0, 0, 0x10, 0x00};
    memcpy(machine_storage(t->m) + 0x58, back_to_the_instruction, 8); /* external new PSW */
    for (int r = 0; r < 4; r++)
        cpu_set_gr(t->c, 2 + r, before[r]);
    bool pressed = false;
    struct cpu_debug d = {.trace = {true, 0x1000, 0x1000}, .show = press_interrupt_key_at_start, .ctx = &pressed};
    cpu_set_debug(t->c, &d);
    ck_assert_int_eq(cputest_run_at(t, 0x1000, 0x0100, 1), STOP_LIMIT);
    ck_assert(pressed);
    ck_assert_uint_eq(cputest_final_address(t), 0x1000);
    ck_assert_uint_eq(cputest_word(t, 0x1C) & 0xFFFFFF, 0x1000); /* external old PSW */
    expect_registers(t, 2, 4, after_unit);
    t->reason = cpu_run(t->c, 0);
    cputest_expect_program(t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(t), 0x1004);
}

/* The same instruction with the interrupt key pending but masked off (PSW external mask off): it runs
   to the end as one instruction. */
static void run_not_interrupted(struct cputest *t, const char *instruction, const uint32_t before[4])
{
    char source[128];
    snprintf(source, sizeof source, "P        START X'1000'\n" I("%s") STOP I("END   P"), instruction);
    cputest_load(t, source);
    for (int r = 0; r < 4; r++)
        cpu_set_gr(t->c, 2 + r, before[r]);
    cpu_interrupt_key(t->c);
    ck_assert_int_eq(cputest_run_at(t, 0x1000, 0x0000, 1), STOP_LIMIT);
    ck_assert_uint_eq(cputest_final_address(t), 0x1002);
    t->reason = cpu_run(t->c, 0);
    cputest_expect_program(t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(t), 0x1004);
}

/* MVCL from X'10100' to X'20000': the first unit ends at the source's 2K boundary X'10800', so
   X'700' bytes move in it. */
START_TEST(test_move_long_interruptible)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    uint8_t *s = machine_storage(t.m);
    fill(&t, 0x10100, 6000, 0x21);
    uint32_t before[4] = {0x20000, 8000, 0x10100, 0xC1000000 | 6000};
    uint32_t after_unit[4] = {0x20700, 8000 - 0x700, 0x10800, 0xC1000000 | (6000 - 0x700)};
    run_interrupted(&t, "MVCL  2,4", before, after_unit);
    ck_assert(memcmp(s + 0x20000, s + 0x10100, 6000) == 0);
    for (uint32_t i = 6000; i < 8000; i++)
        ck_assert_uint_eq(s[0x20000 + i], 0xC1);
    uint32_t final[4] = {0x20000 + 8000, 0, 0x10100 + 6000, 0xC1000000};
    expect_registers(&t, 2, 4, final);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    s = machine_storage(t.m);
    fill(&t, 0x10100, 6000, 0x21);
    run_not_interrupted(&t, "MVCL  2,4", before);
    ck_assert(memcmp(s + 0x20000, s + 0x10100, 6000) == 0);
    expect_registers(&t, 2, 4, final);
    cputest_free(&t);
}
END_TEST

/*
 * An access exception part way: the first operand X'F800' + X'1000' runs past the end of a 64K
 * storage.  The unit up to X'10000' is moved and the registers show it (2048 bytes done) when the
 * addressing exception is taken.  Likewise a protected block part way (PSW key 1, X'2800' key 1,
 * X'3000' key 2).
 */
START_TEST(test_move_long_access_part_way)
{
    struct cputest t;
    cputest_init(&t, 64 * 1024, 1);
    uint8_t *s = machine_storage(t.m);
    fill(&t, 0x4000, 0x1000, 0x31);
    cpu_set_gr(t.c, 2, 0xF800);
    cpu_set_gr(t.c, 3, 0x1000);
    cpu_set_gr(t.c, 4, 0x4000);
    cpu_set_gr(t.c, 5, 0x40000000 | 0x1000);
    cputest_run_body(&t, I("MVCL  2,4") STOP);
    cputest_expect_program(&t, PGM_ADDRESSING);
    uint32_t regs[4] = {0x10000, 0x800, 0x4800, 0x40000800};
    expect_registers(&t, 2, 4, regs);
    ck_assert(memcmp(s + 0xF800, s + 0x4000, 0x800) == 0);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    s = machine_storage(t.m);
    machine_set_storage_key(t.m, 0x2800, 0x10);
    machine_set_storage_key(t.m, 0x3000, 0x20);
    cputest_load(&t, "P        START X'1000'\n" I("MVCL  2,4") STOP I("END   P"));
    cpu_set_gr(t.c, 2, 0x2C00);
    cpu_set_gr(t.c, 3, 0x800);
    cpu_set_gr(t.c, 4, 0x5000);
    cpu_set_gr(t.c, 5, 0);
    cputest_set_word(&t, 0x3000, 0x12345678);
    memset(s + 0x2C00, 0x77, 0x400);
    cputest_run_at(&t, 0x1000, 0x0010, 10);
    cputest_expect_program(&t, PGM_PROTECTION);
    uint32_t regs2[4] = {0x3000, 0x400, 0x5000, 0};
    expect_registers(&t, 2, 4, regs2);
    ck_assert_uint_eq(cputest_word(&t, 0x2C00), 0); /* padded with X'00' */
    ck_assert_uint_eq(cputest_word(&t, 0x2FFC), 0);
    ck_assert_uint_eq(cputest_word(&t, 0x3000), 0x12345678);
    cputest_free(&t);
}
END_TEST

/* ---- COMPARE LOGICAL LONG ------------------------------------------------------------------------ */

/*
 * CLCL 2,4 over "AB C" (X'C1C240C3') at X'800' against "AB" at X'900' with pad X'40': equal through
 * the pad at position 2, unequal at 3 (X'C3' > X'40'): cc 2, R2/R3 = X'803'/1, R4/R5 = X'902'/pad|0.
 * Other cases: equal with padding; both empty; first shorter; a difference after many 2K units.
 */
START_TEST(test_compare_long)
{
    static const struct {
        uint32_t a1, l1, a2, l2;
        uint8_t pad;
        int cc;
        uint32_t r2, r3, r4, r5;
    } cases[] = {
        {0x800, 4, 0x900, 2, 0x40, 2, 0x803, 1, 0x902, 0x40000000},
        {0x800, 3, 0x900, 2, 0x40, 0, 0x803, 0, 0x902, 0x40000000},
        {0x800, 0, 0x900, 0, 0x40, 0, 0x800, 0, 0x900, 0x40000000},
        {0x900, 2, 0x800, 4, 0x40, 1, 0x902, 0, 0x803, 0x40000001}, /* pad X'40' < X'C3' */
        {0x800, 2, 0x900, 2, 0x00, 0, 0x802, 0, 0x902, 0},
        {0x800, 1, 0x904, 1, 0x00, 1, 0x800, 1, 0x904, 1},          /* X'C1' < X'C2' */
        {0x10001, 9000, 0x20003, 9000, 0x00, 1, 0x10001 + 7000, 2000, 0x20003 + 7000, 2000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        uint8_t *s = machine_storage(t.m);
        cputest_set_word(&t, 0x800, 0xC1C240C3);
        cputest_set_word(&t, 0x900, 0xC1C20000);
        cputest_set_word(&t, 0x904, 0xC2000000);
        fill(&t, 0x10001, 9000, 0x55);
        memcpy(s + 0x20003, s + 0x10001, 9000);
        s[0x20003 + 7000]++; /* the second operand is high at 7000 */
        cpu_set_gr(t.c, 2, 0xFF000000 | cases[i].a1);
        cpu_set_gr(t.c, 3, cases[i].l1);
        cpu_set_gr(t.c, 4, 0xFF000000 | cases[i].a2);
        cpu_set_gr(t.c, 5, (uint32_t)cases[i].pad << 24 | cases[i].l2);
        cputest_run_body(&t, I("CLCL  2,4") STOP);
        cputest_expect_program(&t, PGM_OPERATION);
        ck_assert_msg(cputest_program_cc(&t) == (unsigned)cases[i].cc, "case %zu: cc %u", i, cputest_program_cc(&t));
        uint32_t regs[4] = {cases[i].r2, cases[i].r3, cases[i].r4, cases[i].r5};
        expect_registers(&t, 2, 4, regs);
        cputest_free(&t);
    }
}
END_TEST

/* CLCL is interruptible like MVCL: the first unit ends at X'10800' (first operand at X'10100'). */
START_TEST(test_compare_long_interruptible)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    fill(&t, 0x10100, 5000, 0x21);
    memcpy(machine_storage(t.m) + 0x30000, machine_storage(t.m) + 0x10100, 5000);
    uint32_t before[4] = {0x10100, 5000, 0x30000, 5000};
    uint32_t after_unit[4] = {0x10800, 5000 - 0x700, 0x30700, 5000 - 0x700};
    run_interrupted(&t, "CLCL  2,4", before, after_unit);
    ck_assert_uint_eq(cputest_program_cc(&t), 0);
    uint32_t final[4] = {0x10100 + 5000, 0, 0x30000 + 5000, 0};
    expect_registers(&t, 2, 4, final);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    fill(&t, 0x10100, 5000, 0x21);
    memcpy(machine_storage(t.m) + 0x30000, machine_storage(t.m) + 0x10100, 5000);
    run_not_interrupted(&t, "CLCL  2,4", before);
    ck_assert_uint_eq(cputest_program_cc(&t), 0);
    expect_registers(&t, 2, 4, final);
    cputest_free(&t);
}
END_TEST

/* ---- operands split by prefixing ---------------------------------------------------------------- */

/*
 * With prefix X'4000', real page 0 is absolute X'4000' and real X'4000' is absolute 0, so an operand
 * crossing real X'1000' or X'4000' lies in two distant pieces of absolute storage.  Real X'3FFC'(8)
 * holds 11 22 33 44 | 55 66 77 88 (absolute X'3FFC' and 0); MVC copies it to real X'FFC' (absolute
 * X'4FFC' and X'1000'); CLC finds them equal; MVC X'FFD'(6),X'FFC' then propagates X'11' across the
 * split (X'1003' keeps X'88'); XC clears real X'3FFE'-X'4001' across the other split.  The program
 * lives at X'2000'.
 */
START_TEST(test_operands_split_by_prefix)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    uint8_t *s = machine_storage(t.m);
    memcpy(s + 0x4000, s, 0x200); /* the new PSWs, for after SPX */
    load_program(&t, 0x2000, I("SPX   PREFIX")
                                 I("MVC   X'FFC'(8),X'FFC'(3)")
                                 I("CLC   X'FFC'(8),X'FFC'(3)")
                                 I("BC    7,FAIL")
                                 I("MVC   X'FFD'(6),X'FFC'")
                                 I("XC    X'FFE'(4,3),X'FFE'(3)")
                                 STOP
                                 "FAIL     DC    X'0000'\n"
                                 I("DS    0F")
                                 "PREFIX   DC    X'00004000'\n");
    cpu_set_gr(t.c, 3, 0x3000);
    cputest_set_word(&t, 0x3FFC, 0x11223344);
    cputest_set_word(&t, 0x0000, 0x55667788);
    cputest_run_at(&t, 0x2000, 0x0000, 100);
    ck_assert_uint_eq(cpu_prefix(t.c), 0x4000);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x2022);
    ck_assert_uint_eq(cputest_word(&t, 0x4FFC), 0x11111111);
    ck_assert_uint_eq(cputest_word(&t, 0x1000), 0x11111188);
    ck_assert_uint_eq(cputest_word(&t, 0x3FFC), 0x11220000);
    ck_assert_uint_eq(cputest_word(&t, 0x0000), 0x00007788);
    cputest_free(&t);
}
END_TEST

/* ---- protection ---------------------------------------------------------------------------------- */

/*
 * PSW key 1; X'2800' has key 1, X'3000' key 2 (with fetch protection where the case says X'28').
 * R4 = X'3000', R5 = X'2000'.  A refused store changes nothing, even the part of the operand in
 * the accessible block; CS refuses the store-type access even when the comparison is unequal;
 * STCM with mask 0 accesses nothing.  R10 = X'100000' is beyond the 1M storage: addressing.
 */
START_TEST(test_protection)
{
    static const struct {
        const char *instruction;
        uint8_t key3000;
        uint16_t code;
    } cases[] = {
        {"MVC   X'FFC'(8,5),X'800'", 0x20, PGM_PROTECTION},
        {"MVC   X'FF0'(8,5),X'800'", 0x20, PGM_OPERATION},
        {"NI    0(4),X'0F'", 0x20, PGM_PROTECTION},
        {"MVI   0(4),X'0F'", 0x20, PGM_PROTECTION},
        {"TS    0(4)", 0x20, PGM_PROTECTION},
        {"CS    2,3,0(4)", 0x20, PGM_PROTECTION},
        {"CDS   2,4,0(4)", 0x20, PGM_PROTECTION},
        {"STCM  2,B'0001',0(4)", 0x20, PGM_PROTECTION},
        {"STCM  2,0,0(4)", 0x20, PGM_OPERATION},
        {"XC    X'FFE'(4,5),X'FFE'(5)", 0x20, PGM_PROTECTION},
        {"TM    0(4),X'FF'", 0x20, PGM_OPERATION},
        {"TM    0(4),X'FF'", 0x28, PGM_PROTECTION},
        {"CLC   X'FF0'(8,5),0(4)", 0x28, PGM_PROTECTION},
        {"TR    X'FF0'(8,5),0(4)", 0x28, PGM_PROTECTION},
        {"ICM   2,0,0(4)", 0x28, PGM_PROTECTION}, /* mask 0 still fetches one byte */
        {"CLM   2,0,0(4)", 0x28, PGM_PROTECTION},
        {"IC    2,0(4)", 0x28, PGM_PROTECTION},
        {"CLCL  6,8", 0x28, PGM_PROTECTION},
        {"N     2,0(4)", 0x28, PGM_PROTECTION},
        {"O     2,0(4)", 0x28, PGM_PROTECTION},
        {"X     2,0(4)", 0x28, PGM_PROTECTION},
        {"CL    2,0(4)", 0x28, PGM_PROTECTION},
        {"CLI   0(4),0", 0x28, PGM_PROTECTION},
        {"STC   2,0(4)", 0x20, PGM_PROTECTION},
        {"OI    0(4),1", 0x20, PGM_PROTECTION},
        {"XI    0(4),1", 0x20, PGM_PROTECTION},
        {"MVN   X'FFC'(8,5),X'800'", 0x20, PGM_PROTECTION},
        {"MVZ   X'FFC'(8,5),X'800'", 0x20, PGM_PROTECTION},
        {"NC    X'FFC'(8,5),X'800'", 0x20, PGM_PROTECTION},
        {"OC    X'FFC'(8,5),X'800'", 0x20, PGM_PROTECTION},
        {"MVC   X'FF0'(8,5),0(4)", 0x28, PGM_PROTECTION},
        {"TRT   X'FF0'(8,5),0(4)", 0x28, PGM_PROTECTION},
        {"TRT   0(8,4),X'800'", 0x28, PGM_PROTECTION},
        /* R10 addresses beyond the 1M storage */
        {"N     2,0(10)", 0x20, PGM_ADDRESSING},
        {"O     2,0(10)", 0x20, PGM_ADDRESSING},
        {"X     2,0(10)", 0x20, PGM_ADDRESSING},
        {"CL    2,0(10)", 0x20, PGM_ADDRESSING},
        {"IC    2,0(10)", 0x20, PGM_ADDRESSING},
        {"STC   2,0(10)", 0x20, PGM_ADDRESSING},
        {"ICM   2,0,0(10)", 0x20, PGM_ADDRESSING},
        {"ICM   2,B'0011',X'FFF'(5)", 0x28, PGM_PROTECTION}, /* the 2nd byte is at X'3000' */
        {"STCM  2,B'1000',0(10)", 0x20, PGM_ADDRESSING},
        {"STCM  2,0,0(10)", 0x20, PGM_OPERATION},
        {"CLM   2,B'0100',0(10)", 0x20, PGM_ADDRESSING},
        {"TM    0(10),1", 0x20, PGM_ADDRESSING},
        {"MVI   0(10),1", 0x20, PGM_ADDRESSING},
        {"CLI   0(10),1", 0x20, PGM_ADDRESSING},
        {"NI    0(10),1", 0x20, PGM_ADDRESSING},
        {"OI    0(10),1", 0x20, PGM_ADDRESSING},
        {"XI    0(10),1", 0x20, PGM_ADDRESSING},
        {"TS    0(10)", 0x20, PGM_ADDRESSING},
        {"CS    2,3,0(10)", 0x20, PGM_ADDRESSING},
        {"CDS   2,4,0(10)", 0x20, PGM_ADDRESSING},
        {"MVC   X'FF0'(8,5),0(10)", 0x20, PGM_ADDRESSING},
        {"MVN   0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"MVZ   0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"NC    0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"OC    0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"XC    0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"CLC   X'800'(8),0(10)", 0x20, PGM_ADDRESSING},
        {"TR    0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"TRT   0(8,10),X'800'", 0x20, PGM_ADDRESSING},
        {"MVCL  10,4", 0x20, PGM_ADDRESSING},
        {"CLCL  10,4", 0x20, PGM_ADDRESSING},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        char source[256];
        cputest_init(&t, 0, 1);
        machine_set_storage_key(t.m, 0x2800, 0x10);
        machine_set_storage_key(t.m, 0x3000, cases[i].key3000);
        snprintf(source, sizeof source, "P        START X'1000'\n" I("%s") STOP I("END   P"), cases[i].instruction);
        cputest_load(&t, source);
        cputest_set_word(&t, 0x800, 0x99999999);
        cputest_set_word(&t, 0x804, 0x99999999);
        cputest_set_word(&t, 0x3000, 0x12345678);
        cpu_set_gr(t.c, 2, 0xAAAAAAAA);
        cpu_set_gr(t.c, 4, 0x3000);
        cpu_set_gr(t.c, 5, 0x2000);
        cpu_set_gr(t.c, 6, 0x2FFC); /* CLCL: 4 bytes in key 1, then key 2 */
        cpu_set_gr(t.c, 7, 8);
        cpu_set_gr(t.c, 8, 0x2FF0);
        cpu_set_gr(t.c, 9, 8);
        cpu_set_gr(t.c, 10, 0x100000);
        cpu_set_gr(t.c, 11, 8);
        cputest_run_at(&t, 0x1000, 0x0010, 10);
        ck_assert_msg(cputest_program_code(&t) == cases[i].code, "%s: code %X", cases[i].instruction,
                      cputest_program_code(&t));
        cputest_expect_program(&t, cases[i].code);
        ck_assert_msg(cputest_word(&t, 0x3000) == 0x12345678, "%s stored", cases[i].instruction);
        if (cases[i].code != PGM_OPERATION) {
            ck_assert_msg(cputest_word(&t, 0x2FFC) == 0, "%s stored", cases[i].instruction);
            ck_assert_uint_eq(cpu_gr(t.c, 2), 0xAAAAAAAA);
        }
        cputest_free(&t);
    }
}
END_TEST

/* ---- interlocked update on two CPUs -------------------------------------------------------------- */

/*
 * Two CPUs on two host threads each add 1 to a counter 100000 times, once with a CS retry loop and
 * once under a TS lock around a plain L/LA/ST; neither may lose an update: both counts end at 200000.
 */
static pthread_barrier_t start_together;

static void *run_cpu(void *arg)
{
    pthread_barrier_wait(&start_together);
    cpu_run(arg, 0);
    return NULL;
}

START_TEST(test_interlocked_update_two_cpus)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    load_program(&t, 0x1000, I("L     5,COUNT")
                                 "LOOP     L     2,COUNTER\n"
                                 "RETRY    LR    3,2\n"
                                 I("LA    3,1(3)")
                                 I("CS    2,3,COUNTER")
                                 I("BC    4,RETRY")
                                 "LOCK     TS    FLAG\n"
                                 I("BC    4,LOCK")
                                 I("L     6,LOCKED")
                                 I("LA    6,1(6)")
                                 I("ST    6,LOCKED")
                                 I("MVI   FLAG,0")
                                 I("BCT   5,LOOP")
                                 STOP
                                 I("DS    0F")
                                 "COUNT    DC    F'100000'\n"
                                 "COUNTER  DC    F'0'\n"
                                 "LOCKED   DC    F'0'\n"
                                 "FLAG     DC    X'00'\n");
    struct cpu *second = machine_cpu(t.m, 1);
    cpu_set_gr(second, 12, 0x1000);
    uint8_t psw[8] = {0, 0, 0, 0, 0, 0, 0x10, 0x00};
    cpu_set_psw(t.c, psw);
    cpu_set_psw(second, psw);
    cpu_start(t.c);
    cpu_start(second);
    pthread_t threads[2];
    pthread_barrier_init(&start_together, NULL, 2);
    pthread_create(&threads[0], NULL, run_cpu, t.c);
    pthread_create(&threads[1], NULL, run_cpu, second);
    pthread_join(threads[0], NULL);
    pthread_join(threads[1], NULL);
    pthread_barrier_destroy(&start_together);
    ck_assert_uint_eq(cpu_psw(t.c)->ia, CPUTEST_PROGRAM);
    ck_assert_uint_eq(cpu_psw(second)->ia, CPUTEST_PROGRAM);
    /* the code ends at X'1034': COUNT, then COUNTER at X'1038', LOCKED at X'103C', FLAG at X'1040' */
    ck_assert_uint_eq(cputest_word(&t, 0x1038), 200000);
    ck_assert_uint_eq(cputest_word(&t, 0x103C), 200000);
    ck_assert_uint_eq(machine_storage(t.m)[0x1040], 0);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_logical(void)
{
    Suite *s = suite_create("cpu_logical");
    TCase *tc = tcase_create("logical");
    tcase_add_loop_test(tc, test_logical_case, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_translate);
    tcase_add_test(tc, test_translate_access);
    tcase_add_test(tc, test_move_long);
    tcase_add_test(tc, test_move_long_destructive_overlap);
    tcase_add_test(tc, test_move_long_interruptible);
    tcase_add_test(tc, test_move_long_access_part_way);
    tcase_add_test(tc, test_compare_long);
    tcase_add_test(tc, test_compare_long_interruptible);
    tcase_add_test(tc, test_operands_split_by_prefix);
    tcase_add_test(tc, test_protection);
    tcase_add_test(tc, test_interlocked_update_two_cpus);
    suite_add_tcase(s, tc);
    return s;
}
