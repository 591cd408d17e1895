/*
 * test_translate.c - the translator of hot straight-line runs of instructions ("traces", cpu370/
 * translate*.c), tested from outside through cpu.h: whatever runs translated must end exactly as the
 * decoded loop alone ends it.  Random programs run with translation off and on and compared
 * (registers, all of storage, PSW, instruction count), some stopped by a fixed-point overflow planted
 * late in the loop; then hand-derived cases for what a trace must get right: a program interruption
 * in its middle (addressing from loads, stores and MVC; fixed-point overflow with the mask on), stores
 * into its own later instructions (ST, STC, STH, STM, MVI, MVC) and into code outside it, stores that
 * miss the store cache, cpu_run limits, the link information of BAL and BALR, EXECUTE and a
 * privileged instruction in a hot loop, and the switch itself.  Each hand-derived case runs both ways,
 * so its expectations are checked against the decoded loop too; with translation on (where the host
 * has it) it also asserts that traces were made.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
#define LONG_RUN 1000000

/* ---- helpers -------------------------------------------------------------------------------------- */

/* A machine of 1M with translation on or off, a program assembled from `source` loaded, R12 = X'1000'
   (the programs' base). */
static void setup(struct cputest *t, bool translate, const char *source)
{
    cputest_init(t, 0, 1);
    machine_set_translation(t->m, translate);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, 0x1000);
}

/* The usual program frame: at X'1000', R12 its base. */
static void setup_body(struct cputest *t, bool translate, const char *body)
{
    char source[16384];
    snprintf(source, sizeof source, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") "%s" I("END   CPUTEST"), body);
    setup(t, translate, source);
}

static const char *mode_name(bool translate)
{
    return translate ? "translation on" : "translation off";
}

/* With translation asked for and in effect, the run must have made traces (else the test would not
   test the translator); with it off, none. */
static void expect_traces(struct cputest *t, bool translate)
{
    if (translate && machine_translation(t->m))
        ck_assert_msg(cpu_traces_made(t->c) > 0, "translation on, but no trace was made");
    else
        ck_assert_msg(cpu_traces_made(t->c) == 0, "%s: %llu traces made", mode_name(translate),
                      (unsigned long long)cpu_traces_made(t->c));
}

/* A program interruption with this code, and the BC-mode program old PSW's address, ILC, cc and
   program mask (byte 4: ILC, cc, mask). */
static void expect_interruption(struct cputest *t, uint16_t code, uint32_t address, unsigned ilc, unsigned cc,
                                unsigned mask, bool translate)
{
    cputest_expect_program(t, code);
    uint8_t byte4 = machine_storage(t->m)[0x28 + 4];
    ck_assert_msg(cputest_program_old_address(t) == address && cputest_program_ilc(t) == ilc &&
                      cputest_program_cc(t) == cc && (byte4 & 0x0F) == mask,
                  "%s: old PSW X'%06X' ILC %u cc %u mask %u, expected X'%06X' ILC %u cc %u mask %u",
                  mode_name(translate), cputest_program_old_address(t), cputest_program_ilc(t),
                  cputest_program_cc(t), byte4 & 0x0F, address, ilc, cc, mask);
}

#define expect_gr(t, r, value, translate)                                                                  \
    ck_assert_msg(cpu_gr((t)->c, (r)) == (uint32_t)(value), "%s: R%d = X'%08X', expected X'%08X'",          \
                  mode_name(translate), (r), cpu_gr((t)->c, (r)), (uint32_t)(value))

#define expect_count(t, value, translate)                                                                  \
    ck_assert_msg(cpu_instruction_count((t)->c) == (uint64_t)(value), "%s: %llu instructions, expected %llu", \
                  mode_name(translate), (unsigned long long)cpu_instruction_count((t)->c),                  \
                  (unsigned long long)(value))

/* ---- 1. random programs, translation off and on --------------------------------------------------- */

/* xorshift32: deterministic, so a seed names a program for good. */
struct rng {
    uint32_t state;
};

static uint32_t rng_next(struct rng *r)
{
    uint32_t x = r->state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return r->state = x;
}

static unsigned rng_below(struct rng *r, unsigned n)
{
    return rng_next(r) % n;
}

/* A source text being written. */
struct text {
    char buf[24576];
    size_t used;
};

static void emit(struct text *s, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void emit(struct text *s, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(s->buf + s->used, sizeof s->buf - s->used, format, ap);
    va_end(ap);
    ck_assert(n >= 0 && (size_t)n < sizeof s->buf - s->used);
    s->used += (size_t)n;
}

/* One statement in HLASM columns: name in 1, operation in 10, operands in 16. */
static void statement(struct text *s, const char *name, const char *op, const char *operands)
{
    emit(s, "%-8s %-5s %s\n", name, op, operands);
}

/*
 * The instructions a random loop body draws from, by operand form.  The registers a body may change
 * are R0-R11 (R0-R9 when R10 and R11 are kept for a planted overflow): R12 is the base, R13 the data
 * area, R14 takes the final cc and program mask, R15 counts the passes.  Storage operands are all in
 * the 256-byte data area at 0(R13); `bytes` is the operand's length there.  None of them can raise a
 * program interruption with the program mask 0 (overflow only sets cc 3), and S/370 asks no alignment
 * of these operands; `overflows` marks the ones that can overflow.
 */
enum form {
    RR_CHANGE,   /* op r1,r2: r1 changed */
    RR_COMPARE,  /* op r1,r2: only the cc */
    RX_CHANGE,   /* op r1,d(13): r1 changed */
    RX_COMPARE,  /* op r1,d(13): only the cc */
    RX_STORE,    /* op r1,d(13): storage changed */
    RX_ADDRESS,  /* LA r1,d(x,b) */
    SHIFT,       /* op r1,n or op r1,n(b) */
    SHIFT_PAIR,  /* op r1,n with r1 even */
    SI,          /* op d(13),i */
    LOAD_MULTIPLE,
    STORE_MULTIPLE,
    SS,          /* op d(l,13),d(13) */
    BRANCH,      /* BC m,label a few instructions ahead */
};

static const struct random_op {
    const char *name;
    enum form form;
    unsigned bytes;
    bool overflows;
} random_ops[] = {
    {"LR", RR_CHANGE, 0, false},       {"LTR", RR_CHANGE, 0, false},     {"LCR", RR_CHANGE, 0, true},
    {"LPR", RR_CHANGE, 0, true},       {"AR", RR_CHANGE, 0, true},       {"SR", RR_CHANGE, 0, true},
    {"ALR", RR_CHANGE, 0, false},      {"SLR", RR_CHANGE, 0, false},     {"NR", RR_CHANGE, 0, false},
    {"OR", RR_CHANGE, 0, false},       {"XR", RR_CHANGE, 0, false},      {"CR", RR_COMPARE, 0, false},
    {"CLR", RR_COMPARE, 0, false},     {"L", RX_CHANGE, 4, false},       {"LH", RX_CHANGE, 2, false},
    {"IC", RX_CHANGE, 1, false},       {"A", RX_CHANGE, 4, true},        {"S", RX_CHANGE, 4, true},
    {"AH", RX_CHANGE, 2, true},        {"SH", RX_CHANGE, 2, true},       {"AL", RX_CHANGE, 4, false},
    {"SL", RX_CHANGE, 4, false},       {"N", RX_CHANGE, 4, false},       {"O", RX_CHANGE, 4, false},
    {"X", RX_CHANGE, 4, false},        {"MH", RX_CHANGE, 2, false},      {"C", RX_COMPARE, 4, false},
    {"CH", RX_COMPARE, 2, false},      {"CL", RX_COMPARE, 4, false},     {"ST", RX_STORE, 4, false},
    {"STH", RX_STORE, 2, false},       {"STC", RX_STORE, 1, false},      {"LA", RX_ADDRESS, 0, false},
    {"SLL", SHIFT, 0, false},          {"SRL", SHIFT, 0, false},         {"SLA", SHIFT, 0, true},
    {"SRA", SHIFT, 0, false},          {"SLDL", SHIFT_PAIR, 0, false},   {"SRDL", SHIFT_PAIR, 0, false},
    {"SRDA", SHIFT_PAIR, 0, false},    {"SLDA", SHIFT_PAIR, 0, true},    {"TM", SI, 1, false},
    {"CLI", SI, 1, false},             {"MVI", SI, 1, false},            {"LM", LOAD_MULTIPLE, 0, false},
    {"STM", STORE_MULTIPLE, 0, false}, {"MVC", SS, 0, false},            {"CLC", SS, 0, false},
    {"BC", BRANCH, 0, false},          {"BC", BRANCH, 0, false},         {"BC", BRANCH, 0, false},
};

enum {
    DATA_BYTES = 256,
    RANDOM_PASSES = 40,
    RANDOM_SEEDS = 40,
};

/* A random program being written: its numbers, the registers its body may change (R0 up), and
   where the planted overflow is (-1: none), which no branch may jump over. */
struct generator {
    struct rng r;
    unsigned changeable;
    int plant_at;
};

/* A displacement in the data area for an operand of `bytes` bytes. */
static unsigned data_displacement(struct rng *r, unsigned bytes)
{
    return rng_below(r, DATA_BYTES - bytes + 1);
}

/* Operands of one random instruction, body position `index` of `count` (for branch targets). */
static void random_operands(struct generator *g, const struct random_op *op, int index, int count, char *out,
                            size_t size)
{
    struct rng *r = &g->r;
    unsigned r1 = rng_below(r, g->changeable), any = rng_below(r, 16);
    switch (op->form) {
    case RR_CHANGE:
    case RR_COMPARE:
        snprintf(out, size, "%u,%u", op->form == RR_CHANGE ? r1 : any, rng_below(r, 16));
        break;
    case RX_CHANGE:
        snprintf(out, size, "%u,%u(,13)", r1, data_displacement(r, op->bytes));
        break;
    case RX_COMPARE:
    case RX_STORE:
        snprintf(out, size, "%u,%u(,13)", any, data_displacement(r, op->bytes));
        break;
    case RX_ADDRESS:
        snprintf(out, size, "%u,%u(%u,%u)", r1, rng_below(r, 4096), any, rng_below(r, 16));
        break;
    case SHIFT:
        if (rng_below(r, 3) == 0) /* the amount from a register: its low 6 bits plus the displacement */
            snprintf(out, size, "%u,%u(%u)", r1, rng_below(r, 64), any);
        else
            snprintf(out, size, "%u,%u", r1, rng_below(r, 64));
        break;
    case SHIFT_PAIR:
        snprintf(out, size, "%u,%u", r1 & ~1u, rng_below(r, 64));
        break;
    case SI:
        snprintf(out, size, "%u(13),%u", data_displacement(r, 1), rng_below(r, 256));
        break;
    case LOAD_MULTIPLE:
    case STORE_MULTIPLE: {
        unsigned limit = op->form == LOAD_MULTIPLE ? g->changeable : 16;
        unsigned first = rng_below(r, limit), last = first + rng_below(r, limit - first);
        snprintf(out, size, "%u,%u,%u(13)", first, last, data_displacement(r, 4 * (last - first + 1)));
        break;
    }
    case SS: {
        unsigned length = 1 + rng_below(r, 32);
        snprintf(out, size, "%u(%u,13),%u(13)", data_displacement(r, length), length,
                 data_displacement(r, length));
        break;
    }
    case BRANCH: {
        int target = index + 1 + (int)rng_below(r, 5);
        if (index < g->plant_at && target > g->plant_at)
            target = g->plant_at;
        char label[8] = "TEND";
        if (target < count)
            snprintf(label, sizeof label, "T%03d", target);
        snprintf(out, size, "%u,%s", rng_below(r, 16), label);
        break;
    }
    }
}

/* Register values that reach the edges of the arithmetic (overflow, sign changes, carries) often. */
static uint32_t random_value(struct rng *r)
{
    static const uint32_t edges[] = {0,          1,          0xFFFFFFFF, 0x7FFFFFFF, 0x80000000,
                                     0x7FFFFFFE, 0x80000001, 0x00008000, 0x0000FFFF, 0x40000000};
    switch (rng_below(r, 3)) {
    case 0:
        return edges[rng_below(r, sizeof edges / sizeof edges[0])];
    case 1:
        return rng_below(r, 200);
    default:
        return rng_next(r);
    }
}

/* One random body instruction, never a branch first (the trace from LOOP holds two instructions at
   least), and with a planted overflow none other that can overflow. */
static const struct random_op *random_instruction(struct generator *g, int index, bool planted)
{
    for (;;) {
        const struct random_op *op = &random_ops[rng_below(&g->r, sizeof random_ops / sizeof random_ops[0])];
        if (!(index == 0 && op->form == BRANCH) && !(planted && op->overflows))
            return op;
    }
}

/*
 * A planted overflow: R11 grows by R10 with AR 11,10 once a pass, from a start that makes the sum
 * overflow first in pass `pass`: start + (pass-1) * step <= X'7FFFFFFF' < start + pass * step.
 */
static void plant_overflow(struct rng *r, uint32_t init[12], unsigned pass)
{
    int64_t step = 1 + (int64_t)rng_below(r, 0x01000000);
    int64_t start = 0x7FFFFFFF - (int64_t)(pass - 1) * step - (int64_t)rng_below(r, (unsigned)step);
    init[10] = (uint32_t)step;
    init[11] = (uint32_t)start;
}

/*
 * The program for a seed:
 *   at X'1000' a branch to the set-up, which is at X'1010' or, for a third of the seeds, late enough
 *   in the block that the loop runs across the 2K boundary at X'1800';
 *   set-up: a random cc and the program mask (SPM), R13 = the data area, R0-R11 from a pool, R15 = 40;
 *   LOOP: 20-40 random instructions, labeled T000..., then TEND BCT 15,LOOP;
 *   BALR 14,0 (R14 = the final cc and program mask, which LPSW would lose), LPSW the done PSW;
 *   the data area, 256 random bytes, in the code's 2K block (X'1600') or in another (X'3000').
 * Seeds with bit 1 set run in EC mode.  The program mask is 0 (overflow sets cc 3); or, with
 * `planted`, 8, no random instruction can overflow and AR 11,10 at a random place in the body (no
 * branch jumps over it) overflows in pass 18-37, once the loop has been translated: a program
 * interruption in a trace, with random work before it in the same pass.
 */
static void random_program(unsigned seed, bool planted, struct text *s, uint16_t *psw_high)
{
    struct generator g = {.r = {.state = 0x9E3779B9u * (seed + 1)}, .changeable = planted ? 10 : 12, .plant_at = -1};
    for (int i = 0; i < 4; i++)
        rng_next(&g.r);
    bool across_boundary = seed % 3 == 2;
    unsigned code_offset = across_boundary ? 0x740 + 2 * rng_below(&g.r, 48) : 0x10;
    unsigned data_offset = across_boundary ? 0x2000 : 0x600;
    *psw_high = (seed & 2) ? 0x0008 : 0x0000;
    char operands[64];
    s->used = 0;
    statement(s, "CPUTEST", "START", "X'1000'");
    statement(s, "", "USING", "CPUTEST,12");
    statement(s, "", "B", "SETUP");
    snprintf(operands, sizeof operands, "CPUTEST+X'%X'", code_offset);
    statement(s, "", "ORG", operands);
    snprintf(operands, sizeof operands, "0,=A(X'%X')", rng_below(&g.r, 4) << 28 | (planted ? 8u << 24 : 0));
    statement(s, "SETUP", "L", operands);
    statement(s, "", "SPM", "0");
    statement(s, "", "L", "13,=A(DATA)");
    statement(s, "", "LM", "0,11,INIT");
    snprintf(operands, sizeof operands, "15,%d", RANDOM_PASSES);
    statement(s, "", "LA", operands);
    statement(s, "LOOP", "DS", "0H");
    int count = 20 + (int)rng_below(&g.r, 21);
    if (planted)
        g.plant_at = 1 + (int)rng_below(&g.r, (unsigned)count - 1);
    for (int i = 0; i < count; i++) {
        char label[8];
        snprintf(label, sizeof label, "T%03d", i);
        if (i == g.plant_at) {
            statement(s, label, "AR", "11,10");
            continue;
        }
        const struct random_op *op = random_instruction(&g, i, planted);
        random_operands(&g, op, i, count, operands, sizeof operands);
        statement(s, label, op->name, operands);
    }
    statement(s, "TEND", "BCT", "15,LOOP");
    statement(s, "", "BALR", "14,0");
    statement(s, "", "LPSW", "X'200'");
    statement(s, "", "DS", "0F");
    uint32_t init[12];
    for (int i = 0; i < 12; i++)
        init[i] = random_value(&g.r);
    if (planted)
        plant_overflow(&g.r, init, 18 + rng_below(&g.r, 20));
    for (int i = 0; i < 12; i++) {
        snprintf(operands, sizeof operands, "X'%08X'", init[i]);
        statement(s, i == 0 ? "INIT" : "", "DC", operands);
    }
    statement(s, "", "LTORG", "");
    snprintf(operands, sizeof operands, "CPUTEST+X'%X'", data_offset);
    statement(s, "", "ORG", operands);
    for (int line = 0; line < DATA_BYTES / 16; line++) {
        char hex[40];
        for (int i = 0; i < 16; i++)
            snprintf(hex + 2 * i, 3, "%02X", rng_below(&g.r, 256));
        snprintf(operands, sizeof operands, "X'%s'", hex);
        statement(s, line == 0 ? "DATA" : "", "DC", operands);
    }
    statement(s, "", "END", "CPUTEST");
}

/* The interval timer at X'50' counts host time, which no two runs share. */
static bool is_interval_timer(uint32_t address)
{
    return address >= 0x50 && address < 0x54;
}

/* The differences between two machines' final states, as text (empty when equal), but for the
   interval timer. */
static void compare_machines(struct cputest *off, struct cputest *on, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
#define DIFFER(...) used += (size_t)snprintf(out + used, used < size ? size - used : 0, __VA_ARGS__)
    if (off->reason != on->reason)
        DIFFER("stop reason %d, translated %d\n", off->reason, on->reason);
    const struct psw *a = cpu_psw(off->c), *b = cpu_psw(on->c);
    if (a->ia != b->ia || a->cc != b->cc || a->progmask != b->progmask || a->ec != b->ec)
        DIFFER("PSW ia X'%06X' cc %u mask %u, translated ia X'%06X' cc %u mask %u\n", a->ia, a->cc, a->progmask,
               b->ia, b->cc, b->progmask);
    for (int r = 0; r < 16; r++)
        if (cpu_gr(off->c, r) != cpu_gr(on->c, r))
            DIFFER("R%d X'%08X', translated X'%08X'\n", r, cpu_gr(off->c, r), cpu_gr(on->c, r));
    if (cpu_instruction_count(off->c) != cpu_instruction_count(on->c))
        DIFFER("%llu instructions, translated %llu\n", (unsigned long long)cpu_instruction_count(off->c),
               (unsigned long long)cpu_instruction_count(on->c));
    const uint8_t *x = machine_storage(off->m), *y = machine_storage(on->m);
    uint32_t storage_size = machine_storage_size(off->m);
    for (uint32_t address = 0, shown = 0; address < storage_size && shown < 8; address++)
        if (x[address] != y[address] && !is_interval_timer(address)) {
            DIFFER("storage X'%06X': X'%02X', translated X'%02X'\n", address, x[address], y[address]);
            shown++;
        }
#undef DIFFER
}

/* The random program of a seed on two fresh machines, translation off and on; the differences. */
static void run_random_program(unsigned seed, bool planted, struct cputest *off, struct cputest *on)
{
    static struct text source;
    uint16_t psw_high;
    random_program(seed, planted, &source, &psw_high);
    setup(off, false, source.buf);
    setup(on, true, source.buf);
    cputest_run_at(off, 0x1000, psw_high, LONG_RUN);
    cputest_run_at(on, 0x1000, psw_high, LONG_RUN);
    char differences[2048];
    compare_machines(off, on, differences, sizeof differences);
    if (differences[0])
        fprintf(stderr, "random program: seed %u (%s mode%s) differs:\n%s--- program:\n%s", seed,
                psw_high ? "EC" : "BC", planted ? ", planted overflow" : "", differences, source.buf);
    ck_assert_msg(differences[0] == '\0', "seed %u: translated run differs (program on stderr): %s", seed,
                  differences);
}

/* Seed _i: the same random program on two fresh machines, translation off and on, must end the same:
   all of storage, the 16 registers, the PSW (R14 holds the cc and mask the loop left), the count. */
START_TEST(test_random_programs_agree)
{
    struct cputest off, on;
    run_random_program((unsigned)_i, false, &off, &on);
    cputest_expect_done(&off); /* the generator's promise: nothing interrupts */
    expect_traces(&off, false);
    expect_traces(&on, true);
    cputest_free(&off);
    cputest_free(&on);
}
END_TEST

/* The same with the fixed-point overflow mask on and an overflow planted late in the loop: both runs
   stop at that program interruption, with the same old PSW, registers, storage and count. */
START_TEST(test_random_programs_with_overflow_interruption_agree)
{
    struct cputest off, on;
    run_random_program((unsigned)_i, true, &off, &on);
    cputest_expect_program(&off, PGM_FIXED_OVERFLOW);
    expect_traces(&off, false);
    expect_traces(&on, true);
    cputest_free(&off);
    cputest_free(&on);
}
END_TEST

/* ---- 2. a program interruption in the middle of a trace ------------------------------------------ */

/*
 * An instruction faults in pass 25 of 30 (addressing: X'100000', R9 then, is just past the 1M of
 * storage) after AR 5,1 set cc 2; the pass before ended with AR 8,6 making R8 negative (cc 1), so cc 2
 * in the old PSW shows the AR of the same trace.  Each faulting instruction is 4 bytes at X'101E', so
 * the old PSW is X'1022', ILC 2, and it is suppressed (the loads) or changes nothing (the stores: none
 * of their bytes is in storage).  The word at X'3000', X'11111111' at first, is what passes 1-24 left.
 *   X'1000' LA 3,30   X'1004' SR 1,1   X'1006' SR 5,5   X'1008' SR 8,8   X'100A' L 6,=F'-7'
 *   X'100E' LOOP LA 1,1(1)  X'1012' LR 10,1  X'1014' SLL 10,2  X'1018' L 9,WHERE-4(10)
 *   X'101C' AR 5,1  X'101E' the one that faults  X'1022' AR 8,6  X'1024' BCT 3,LOOP  X'1028' LPSW
 * Count: 5 set-up, 24 passes of 8, then LA LR SLL L AR and the one that faults: 5 + 192 + 6.
 */
static const struct {
    const char *faulting;
    uint32_t word; /* at X'3000' */
} faulting_accesses[] = {
    {I("L     7,0(9)"), 0x11111111},  /* the fetch the long way */
    {I("IC    7,0(9)"), 0x11111111},
    {I("ST    1,0(9)"), 24},          /* passes 1-24 stored p */
    {I("STH   1,0(9)"), 0x00181111},
    {I("STC   1,0(9)"), 0x18111111},
    {I("STM   0,1,0(9)"), 0},         /* R0 is 0 */
    {I("MVI   0(9),X'AA'"), 0xAA111111},
};
enum { FAULTING_ACCESSES = sizeof faulting_accesses / sizeof faulting_accesses[0] };

static void check_addressing_in_trace(int kind, bool translate)
{
    struct cputest t;
    char body[2048];
    snprintf(body, sizeof body,
             I("LA    3,30")               /* X'1000' 30 passes */
             I("SR    1,1")                /* X'1004' */
             I("SR    5,5")                /* X'1006' */
             I("SR    8,8")                /* X'1008' */
             I("L     6,=F'-7'")           /* X'100A' */
             "LOOP" I(" LA    1,1(1)")     /* X'100E' R1 = pass p */
             I("LR    10,1")               /* X'1012' */
             I("SLL   10,2")               /* X'1014' 4p */
             I("L     9,WHERE-4(10)")      /* X'1018' X'3000', X'100000' in pass 25 */
             I("AR    5,1")                /* X'101C' R5 = 1+...+p, cc 2 */
             "%s"                          /* X'101E' addressing in pass 25 */
             I("AR    8,6")                /* X'1022' R8 = -7p, cc 1 */
             I("BCT   3,LOOP")             /* X'1024' */
             I("LPSW  X'200'")             /* X'1028' */
             "WHERE" I(" DC    24A(X'3000'),A(X'100000'),5A(X'3000')")
             I("LTORG"),
             faulting_accesses[kind].faulting);
    setup_body(&t, translate, body);
    cputest_set_word(&t, 0x3000, 0x11111111);
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    expect_interruption(&t, PGM_ADDRESSING, 0x1022, 2, 2, 0, translate);
    expect_gr(&t, 1, 25, translate);
    expect_gr(&t, 3, 30 - 24, translate);
    expect_gr(&t, 5, 25 * 26 / 2, translate);
    expect_gr(&t, 8, -7 * 24, translate);
    expect_gr(&t, 9, 0x100000, translate);
    expect_gr(&t, 10, 4 * 25, translate);
    ck_assert_uint_eq(cputest_word(&t, 0x3000), faulting_accesses[kind].word);
    expect_count(&t, 5 + 24 * 8 + 6, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

/*
 * Fixed-point overflow with the program mask on (SPM: X'08'): AR 6,1 in pass 25 adds 25 to
 * X'7FFFFFF0': it completes with the wrapped sum X'80000009' and cc 3, then interrupts; the old PSW
 * points after it (ILC 1) and keeps the mask.  AR 5,6 after it does not run: R5 = 1+...+24.
 *   X'1000' L 15,=X'08000000'  X'1004' SPM 15  X'1006' LA 3,30  X'100A' SR 1,1  X'100C' SR 5,5
 *   X'100E' LOOP LA 1,1(1)  X'1012' LR 10,1  X'1014' SLL 10,2  X'1018' L 6,ADDEND-4(10)
 *   X'101C' AR 6,1  X'101E' AR 5,6  X'1020' BCT 3,LOOP
 * Count: 5 set-up, 24 passes of 7, then LA LR SLL L and the AR: 5 + 168 + 5.
 */
static void check_overflow_in_trace(bool translate)
{
    struct cputest t;
    setup_body(&t, translate,
               I("L     15,=X'08000000'")    /* X'1000' */
               I("SPM   15")                 /* X'1004' fixed-point overflow mask on */
               I("LA    3,30")               /* X'1006' */
               I("SR    1,1")                /* X'100A' */
               I("SR    5,5")                /* X'100C' */
               "LOOP" I(" LA    1,1(1)")     /* X'100E' pass p */
               I("LR    10,1")               /* X'1012' */
               I("SLL   10,2")               /* X'1014' */
               I("L     6,ADDEND-4(10)")     /* X'1018' 0, X'7FFFFFF0' in pass 25 */
               I("AR    6,1")                /* X'101C' overflows in pass 25 */
               I("AR    5,6")                /* X'101E' */
               I("BCT   3,LOOP")             /* X'1020' */
               I("LPSW  X'200'")             /* X'1024' */
               "ADDEND" I(" DC    24F'0',X'7FFFFFF0',5F'0'")
               I("LTORG"));
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    expect_interruption(&t, PGM_FIXED_OVERFLOW, 0x101E, 1, 3, PM_FIXED_OVERFLOW, translate);
    expect_gr(&t, 1, 25, translate);
    expect_gr(&t, 3, 30 - 24, translate);
    expect_gr(&t, 5, 24 * 25 / 2, translate);
    expect_gr(&t, 6, 0x80000009, translate);
    expect_count(&t, 5 + 24 * 7 + 5, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

/*
 * MVC (an instruction the trace calls a handler for) to X'100000' in pass 25: addressing, old PSW
 * after it (ILC 3), cc 1 from SR 5,1 just before it (the pass before ended with LTR's cc 2), and the
 * earlier passes' moves done: X'3000' holds SOURCE.
 *   X'1000' LA 3,30  X'1004' SR 1,1  X'1006' SR 5,5
 *   X'1008' LOOP LA 1,1(1)  X'100C' LR 10,1  X'100E' SLL 10,2  X'1012' L 9,WHERE-4(10)
 *   X'1016' SR 5,1  X'1018' MVC 0(4,9),SOURCE  X'101E' LTR 7,1  X'1020' BCT 3,LOOP
 * Count: 3 set-up, 24 passes of 8, then LA LR SLL L SR and the MVC: 3 + 192 + 6.
 */
static void check_handler_fault_in_trace(bool translate)
{
    struct cputest t;
    setup_body(&t, translate,
               I("LA    3,30")               /* X'1000' */
               I("SR    1,1")                /* X'1004' */
               I("SR    5,5")                /* X'1006' */
               "LOOP" I(" LA    1,1(1)")     /* X'1008' pass p */
               I("LR    10,1")               /* X'100C' */
               I("SLL   10,2")               /* X'100E' */
               I("L     9,WHERE-4(10)")      /* X'1012' X'3000', X'100000' in pass 25 */
               I("SR    5,1")                /* X'1016' R5 = -(1+...+p), cc 1 */
               I("MVC   0(4,9),SOURCE")      /* X'1018' addressing in pass 25 */
               I("LTR   7,1")                /* X'101E' cc 2 */
               I("BCT   3,LOOP")             /* X'1020' */
               I("LPSW  X'200'")             /* X'1024' */
               "SOURCE" I(" DC    X'C1C2C3C4'")
               "WHERE" I(" DC    24A(X'3000'),A(X'100000'),5A(X'3000')"));
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    expect_interruption(&t, PGM_ADDRESSING, 0x101E, 3, 1, 0, translate);
    expect_gr(&t, 1, 25, translate);
    expect_gr(&t, 3, 30 - 24, translate);
    expect_gr(&t, 5, -(25 * 26 / 2), translate);
    expect_gr(&t, 7, 24, translate);
    ck_assert_uint_eq(cputest_word(&t, 0x3000), 0xC1C2C3C4);
    expect_count(&t, 3 + 24 * 8 + 6, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

/* _i: the faulting instruction. */
START_TEST(test_addressing_in_trace)
{
    check_addressing_in_trace(_i, false);
    check_addressing_in_trace(_i, true);
}
END_TEST

START_TEST(test_overflow_in_trace)
{
    check_overflow_in_trace(false);
    check_overflow_in_trace(true);
}
END_TEST

START_TEST(test_handler_fault_in_trace)
{
    check_handler_fault_in_trace(false);
    check_handler_fault_in_trace(true);
}
END_TEST

/* ---- 3. stores into the trace's own later instructions ------------------------------------------- */

/* Each stores LA 5,2 (X'41500002', also in R6) over TARGET, or the bytes of it that change, at 0(R9).
   STM stores R7 too: the 4 bytes after TARGET, as they are. */
static const char *const code_stores[] = {
    I("ST    6,0(9)"), I("STC   6,3(9)"), I("STH   6,2(9)"),
    I("STM   6,7,0(9)"), I("MVI   3(9),X'02'"), I("MVC   0(4,9),NEWINST"),
};
enum { CODE_STORES = sizeof code_stores / sizeof code_stores[0] };

/* Between the store and TARGET: nothing (the very next instruction is changed), or three instructions
   of the same straight-line run, one an untaken branch (R8 is never zero there). */
static const char *const code_store_gaps[] = {
    "",
    I("LA    8,1(8)") I("LTR   8,8") I("BZ    TARGET"),
};
static const int code_store_gap_length[] = {0, 3};

/*
 * 40 passes; in pass 30 R9 is TARGET's address (else a scratch word in the same 2K block) and the
 * store turns TARGET's LA 5,1 into LA 5,2 (GA22-7000: a store into the instruction stream is seen by
 * the instructions fetched after it).  Passes 1-29 add 1 to R4, passes 30-40 add 2: 29 + 11 * 2 = 51;
 * 50 would mean pass 30 ran the old instruction.  Count: 5 set-up, 40 passes of 8 + the gap, LPSW.
 */
static void check_store_into_trace(int kind, int gap, bool translate)
{
    struct cputest t;
    char body[4096];
    snprintf(body, sizeof body,
             I("L     6,NEWINST")
             I("L     7,TARGET+4")          /* for STM: the bytes after TARGET */
             I("LA    3,40")
             I("SR    1,1")
             I("SR    4,4")
             "LOOP" I(" LA    1,1(1)")       /* pass p */
             I("LR    10,1")
             I("SLL   10,2")
             I("L     9,WHERE-4(10)")        /* A(TARGET) in pass 30, else A(SCRATCH) */
             "%s%s"
             "TARGET" I(" LA    5,1")        /* LA 5,2 from pass 30 on */
             I("AR    4,5")
             I("BCT   3,LOOP")
             I("LPSW  X'200'")
             I("DS    0F")
             "NEWINST" I(" LA    5,2")
             "SCRATCH" I(" DC    2F'0'")
             "WHERE" I(" DC    29A(SCRATCH),A(TARGET),10A(SCRATCH)"),
             code_stores[kind], code_store_gaps[gap]);
    setup_body(&t, translate, body);
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    cputest_expect_done(&t);
    ck_assert_msg(cpu_gr(t.c, 4) == 29 + 11 * 2, "%s, %s: R4 = %u, expected 51 (50: the store came a pass late)",
                  mode_name(translate), code_stores[kind], cpu_gr(t.c, 4));
    expect_gr(&t, 5, 2, translate);
    expect_count(&t, 5 + 40 * (8 + code_store_gap_length[gap]) + 1, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

/* _i: the store kind and the gap. */
START_TEST(test_store_into_trace)
{
    check_store_into_trace(_i / 2, _i % 2, false);
    check_store_into_trace(_i / 2, _i % 2, true);
}
END_TEST

/*
 * Stores from a trace into decoded code outside it: into ONCE, which ran once before the loop, and
 * into SUB, a subroutine the loop calls (a trace of its own once hot).  The loop's trace goes on; SUB
 * runs what was stored: in pass p, LA 5,p(5) makes R5 = 1+...+p, and R4 gains R5 and p:
 * sum of p(p+1)/2 for p = 1-40 is 40*41*42/6 = 11480, plus 1+...+40 = 820.  ONCE's displacement is
 * 40 at the end.  Count: 4 set-up, 40 passes of 9 (LA STC STC BAL, LA AR BR, AR BCT), LPSW.
 */
static void check_store_into_other_code(bool translate)
{
    struct cputest t;
    setup_body(&t, translate,
               I("LA    3,40")               /* X'1000' */
               I("SR    1,1")                /* X'1004' */
               I("SR    4,4")                /* X'1006' */
               "ONCE" I(" LA    6,7")         /* X'1008' */
               "LOOP" I(" LA    1,1(1)")     /* pass p */
               I("STC   1,ONCE+3")           /* LA 6,p: decoded, in no trace */
               I("STC   1,SUB+3")            /* LA 5,p(5) */
               I("BAL   14,SUB")
               I("AR    4,1")
               I("BCT   3,LOOP")
               I("LPSW  X'200'")
               "SUB" I(" LA    5,0(5)")
               I("AR    4,5")
               I("BR    14"));
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    cputest_expect_done(&t);
    expect_gr(&t, 4, 11480 + 820, translate);
    expect_gr(&t, 5, 820, translate);
    expect_gr(&t, 6, 7, translate);
    ck_assert_uint_eq(machine_storage(t.m)[0x100B], 40);
    expect_count(&t, 4 + 40 * 9 + 1, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

START_TEST(test_store_into_other_code)
{
    check_store_into_other_code(false);
    check_store_into_other_code(true);
}
END_TEST

/* ---- 4. stores that miss the store cache ---------------------------------------------------------- */

/*
 * Every pass stores into two areas in different 2K blocks (A at X'3000', B at X'3810'), back and forth,
 * into the code's own block (SCRATCH at X'1400', not on code) and a word across the boundary of the two
 * (X'37FE'-X'3801'), then reads them back.  Pass p (1-40) leaves A word p-1 = p with its high halfword
 * p too (ST then STH): 65537p; B word p-1 = p with its low byte X'55' (ST then MVI): X'55' as p < 256;
 * the crossing word = p.  R4 sums A + B + crossing word: 65538 * (1+...+40) + 40 * X'55'.
 * Count: 7 set-up, 40 passes of 14, LPSW.
 */
static void check_store_cache_misses(bool translate)
{
    struct cputest t;
    setup_body(&t, translate,
               I("L     7,=A(X'3000')")      /* area A */
               I("L     8,=A(X'3810')")      /* area B, the next 2K block */
               I("L     11,=A(X'37FE')")     /* a word across the two blocks */
               I("LA    3,40")
               I("SR    1,1")
               I("SR    4,4")
               I("SR    2,2")
               "LOOP" I(" LA    1,1(1)")     /* pass p */
               I("ST    1,0(7)")             /* A */
               I("ST    1,0(8)")             /* B */
               I("STH   1,0(7)")             /* A again */
               I("MVI   3(8),X'55'")         /* B again */
               I("STC   1,SCRATCH")          /* the code's block */
               I("ST    1,0(11)")            /* across the blocks */
               I("L     2,0(7)")
               I("A     2,0(8)")
               I("A     2,0(11)")
               I("AR    4,2")
               I("LA    7,4(7)")
               I("LA    8,4(8)")
               I("BCT   3,LOOP")
               I("LPSW  X'200'")
               I("LTORG")
               I("ORG   CPUTEST+X'400'")
               "SCRATCH" I(" DC    X'00'"));
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    cputest_expect_done(&t);
    for (uint32_t p = 1; p <= 40; p++) {
        ck_assert_msg(cputest_word(&t, 0x3000 + 4 * (p - 1)) == 65537 * p, "%s: A word %u = X'%08X'",
                      mode_name(translate), p - 1, cputest_word(&t, 0x3000 + 4 * (p - 1)));
        ck_assert_msg(cputest_word(&t, 0x3810 + 4 * (p - 1)) == 0x55, "%s: B word %u = X'%08X'",
                      mode_name(translate), p - 1, cputest_word(&t, 0x3810 + 4 * (p - 1)));
    }
    ck_assert_uint_eq(cputest_word(&t, 0x37FE), 40);
    ck_assert_uint_eq(machine_storage(t.m)[0x1400], 40);
    expect_gr(&t, 4, 65538u * (40 * 41 / 2) + 40 * 0x55, translate);
    expect_count(&t, 7 + 40 * 14 + 1, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

START_TEST(test_store_cache_misses)
{
    check_store_cache_misses(false);
    check_store_cache_misses(true);
}
END_TEST

/* ---- 5. cpu_run limits ---------------------------------------------------------------------------- */

/* A long loop with a conditional branch taken every other pass, stores and cc changes: stopped by
   limits that fall anywhere in a pass, it must stop at exactly that count in the same state. */
static const char limit_program[] =
    "CPUTEST  START X'1000'\n"
    I("USING CPUTEST,12")
    I("L     3,=F'100000'")
    I("L     7,=A(X'3000')")
    I("SR    1,1")
    I("SR    4,4")
    "LOOP" I(" LA    1,1(1)")
    I("ST    1,0(7)")
    I("AR    4,1")
    I("TM    3(7),1")
    I("BO    ODD")               /* taken on odd passes */
    I("SLL   4,1")
    I("XR    4,1")
    "ODD" I(" SRL   4,1")
    I("STC   4,1(7)")
    I("C     4,0(7)")
    I("BCT   3,LOOP")
    I("LPSW  X'200'")
    I("LTORG")
    I("END   CPUTEST");

/* Runs of the limit program: the first limit, then a second cpu_run of the second (0: none).  The
   decoded loop, and so the translator, runs only while the limit is over a thousand instructions away
   (run.c's margin): the small limits test the hand-over to step() alone, the others translate
   (`translated`, asserted) and then hand over. */
static const struct {
    uint64_t first, second;
    bool translated;
} limit_runs[] = {
    {1000, 0, false},    {1001, 0, false},  {1017, 0, false},     {1999, 7, false},  {3000, 0, true},
    {3001, 0, true},     {3017, 0, true},   {4099, 1, true},      {12345, 3333, true}, {50000, 1, true},
    {3, 5000, true},     {5000, 1017, true}, {2999, 2999, true},
};
enum { LIMIT_RUNS = sizeof limit_runs / sizeof limit_runs[0] };

static void run_limits(struct cputest *t, int run)
{
    ck_assert_int_eq(cputest_run_at(t, 0x1000, 0x0000, limit_runs[run].first), STOP_LIMIT);
    ck_assert_uint_eq(cpu_instruction_count(t->c), limit_runs[run].first);
    if (limit_runs[run].second) {
        ck_assert_int_eq(cpu_run(t->c, limit_runs[run].second), STOP_LIMIT);
        t->reason = STOP_LIMIT;
        ck_assert_uint_eq(cpu_instruction_count(t->c), limit_runs[run].first + limit_runs[run].second);
    }
}

/* _i: the limits.  The translated run stops at exactly the count and matches the decoded one. */
START_TEST(test_limit_exact)
{
    struct cputest off, on;
    setup(&off, false, limit_program);
    setup(&on, true, limit_program);
    run_limits(&off, _i);
    run_limits(&on, _i);
    char differences[2048];
    compare_machines(&off, &on, differences, sizeof differences);
    ck_assert_msg(differences[0] == '\0', "limits %llu then %llu: translated run differs:\n%s",
                  (unsigned long long)limit_runs[_i].first, (unsigned long long)limit_runs[_i].second,
                  differences);
    if (limit_runs[_i].translated)
        expect_traces(&on, true);
    cputest_free(&off);
    cputest_free(&on);
}
END_TEST

/* ---- 6. link information -------------------------------------------------------------------------- */

/*
 * BC mode, program mask 6 (SPM).  Pass p (1-40) sets cc (p-1) mod 4 with AR 6,6 on 0, -1, 1 and
 * X'40000000' (cc 3: overflow, its mask bit off), then links three ways and stores the links by pass:
 *   BALR 7,0 at X'102C' (no branch)  R7 = ILC 1, cc, mask 6, X'102E'
 *   BAL 8,NEXT at X'102E'            R8 = ILC 2, cc, mask 6, X'1032'
 *   BALR 9,5 at X'103A' (R5 = NEXT2) R9 = ILC 1, cc, mask 6, X'103C'
 * Layout: X'1000' L 0  X'1004' SPM  X'1006' L 5  X'100A' LA 3  X'100E' SR 1
 *   X'1010' LOOP LA  X'1014' LR  X'1016' SLL  X'101A' LR  X'101C' BCTR  X'101E' N  X'1022' SLL
 *   X'1026' L  X'102A' AR  X'102C' BALR  X'102E' BAL  X'1032' NEXT ST  X'1036' ST  X'103A' BALR
 *   X'103C' NEXT2 ST  X'1040' BCT  X'1044' LPSW  X'1048' CCTAB  X'1058' LINKR  X'10F8' LINKX
 *   X'1198' LINKY.
 */
static uint32_t link_word(unsigned ilc, unsigned cc, uint32_t address)
{
    return (uint32_t)(ilc << 6 | cc << 4 | 6) << 24 | address;
}

static void check_link_information(bool translate)
{
    struct cputest t;
    setup_body(&t, translate,
               I("L     0,=X'06000000'")     /* X'1000' */
               I("SPM   0")                  /* X'1004' mask 6, cc 0 */
               I("L     5,=A(NEXT2)")        /* X'1006' */
               I("LA    3,40")               /* X'100A' */
               I("SR    1,1")                /* X'100E' */
               "LOOP" I(" LA    1,1(1)")     /* X'1010' pass p */
               I("LR    11,1")               /* X'1014' */
               I("SLL   11,2")               /* X'1016' 4p */
               I("LR    10,1")               /* X'101A' */
               I("BCTR  10,0")               /* X'101C' p-1 */
               I("N     10,=F'3'")           /* X'101E' */
               I("SLL   10,2")               /* X'1022' 4 * ((p-1) mod 4) */
               I("L     6,CCTAB(10)")        /* X'1026' */
               I("AR    6,6")                /* X'102A' cc (p-1) mod 4 */
               I("BALR  7,0")                /* X'102C' */
               I("BAL   8,NEXT")             /* X'102E' */
               "NEXT" I(" ST    7,LINKR-4(11)") /* X'1032' */
               I("ST    8,LINKX-4(11)")      /* X'1036' */
               I("BALR  9,5")                /* X'103A' */
               "NEXT2" I(" ST    9,LINKY-4(11)") /* X'103C' */
               I("BCT   3,LOOP")             /* X'1040' */
               I("LPSW  X'200'")             /* X'1044' */
               "CCTAB" I(" DC    F'0',F'-1',F'1',X'40000000'") /* X'1048' */
               "LINKR" I(" DS    40F")        /* X'1058' */
               "LINKX" I(" DS    40F")        /* X'10F8' */
               "LINKY" I(" DS    40F")        /* X'1198' */
               I("LTORG"));
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    cputest_expect_done(&t);
    for (unsigned p = 1; p <= 40; p++) {
        unsigned cc = (p - 1) % 4;
        uint32_t r7 = cputest_word(&t, 0x1058 + 4 * (p - 1)), r8 = cputest_word(&t, 0x10F8 + 4 * (p - 1)),
                 r9 = cputest_word(&t, 0x1198 + 4 * (p - 1));
        ck_assert_msg(r7 == link_word(1, cc, 0x102E), "%s: pass %u BALR 7,0 link X'%08X', expected X'%08X'",
                      mode_name(translate), p, r7, link_word(1, cc, 0x102E));
        ck_assert_msg(r8 == link_word(2, cc, 0x1032), "%s: pass %u BAL link X'%08X', expected X'%08X'",
                      mode_name(translate), p, r8, link_word(2, cc, 0x1032));
        ck_assert_msg(r9 == link_word(1, cc, 0x103C), "%s: pass %u BALR 9,5 link X'%08X', expected X'%08X'",
                      mode_name(translate), p, r9, link_word(1, cc, 0x103C));
    }
    expect_count(&t, 5 + 40 * 16 + 1, translate);
    expect_traces(&t, translate);
    cputest_free(&t);
}

START_TEST(test_link_information)
{
    check_link_information(false);
    check_link_information(true);
}
END_TEST

/* ---- instructions a trace stops at ---------------------------------------------------------------- */

/*
 * EXECUTE and a privileged instruction (SSM) inside a hot loop, which the decoded loop leaves to
 * step(): R4 gains p (AR) and 1 (EX of LA 4,1(4)) in pass p, R5 2 per pass; (1+...+40) + 40 = 860
 * and 80.  Traces start only where a branch lands, so the one from LOOP runs LA AR LA and stops.
 * How EXECUTE counts is the CPU's choice, so the count and everything else are compared with the run
 * without translation.
 */
static const char step_program[] =
    "CPUTEST  START X'1000'\n"
    I("USING CPUTEST,12")
    I("LA    3,40")
    I("SR    1,1")
    I("SR    4,4")
    "LOOP" I(" LA    1,1(1)")      /* pass p; a trace from here ends at EX */
    I("AR    4,1")
    I("LA    5,1(5)")
    I("EX    0,INCR")
    I("SSM   MASK")                /* privileged: left to step() */
    I("LA    5,1(5)")
    I("BCT   3,LOOP")
    I("LPSW  X'200'")
    "INCR" I(" LA    4,1(4)")
    "MASK" I(" DC    X'00'")
    I("END   CPUTEST");

START_TEST(test_execute_and_privileged_in_loop)
{
    struct cputest off, on;
    setup(&off, false, step_program);
    setup(&on, true, step_program);
    cputest_run_at(&off, 0x1000, 0x0000, LONG_RUN);
    cputest_run_at(&on, 0x1000, 0x0000, LONG_RUN);
    cputest_expect_done(&on);
    expect_gr(&on, 4, 40 + 40 * 41 / 2, true);
    expect_gr(&on, 5, 2 * 40, true);
    char differences[2048];
    compare_machines(&off, &on, differences, sizeof differences);
    ck_assert_msg(differences[0] == '\0', "translated run differs:\n%s", differences);
    expect_traces(&on, true);
    cputest_free(&off);
    cputest_free(&on);
}
END_TEST

/* ---- 7. the switch -------------------------------------------------------------------------------- */

static const char switch_program[] =
    "CPUTEST  START X'1000'\n"
    I("USING CPUTEST,12")
    I("L     3,=F'3000'")
    I("SR    1,1")
    "LOOP" I(" LA    1,3(1)")
    I("BCT   3,LOOP")
    I("LPSW  X'200'")
    I("LTORG")
    I("END   CPUTEST");

/* On by default on x86-64; off when switched off, and then no traces. */
START_TEST(test_switch)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
#if defined(__x86_64__)
    ck_assert(machine_translation(t.m));
#endif
    machine_set_translation(t.m, false);
    ck_assert(!machine_translation(t.m));
    cputest_load(&t, switch_program);
    cpu_set_gr(t.c, 12, 0x1000);
    cputest_run_at(&t, 0x1000, 0x0000, LONG_RUN);
    cputest_expect_done(&t);
    expect_gr(&t, 1, 3 * 3000, false);
    expect_count(&t, 2 + 2 * 3000 + 1, false);
    ck_assert_uint_eq(cpu_traces_made(t.c), 0);
    machine_set_translation(t.m, true);
#if defined(__x86_64__)
    ck_assert(machine_translation(t.m));
#endif
    cputest_free(&t);
}
END_TEST

/* Switched off between two cpu_run calls of one loop (2000 passes with translation, 1000 without): the
   loop ends as it would have, and the second run makes no traces. */
START_TEST(test_switch_between_runs)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, switch_program);
    cpu_set_gr(t.c, 12, 0x1000);
    ck_assert_int_eq(cputest_run_at(&t, 0x1000, 0x0000, 2 + 2 * 2000), STOP_LIMIT);
    expect_gr(&t, 1, 3 * 2000, true);
    expect_traces(&t, true);
    uint64_t made = cpu_traces_made(t.c);
    machine_set_translation(t.m, false);
    t.reason = cpu_run(t.c, LONG_RUN);
    cputest_expect_done(&t);
    expect_gr(&t, 1, 3 * 3000, false);
    expect_count(&t, 2 + 2 * 3000 + 1, false);
    ck_assert_uint_eq(cpu_traces_made(t.c), made);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_translate(void)
{
    Suite *s = suite_create("cpu_translate");
    TCase *tc = tcase_create("translate");
    tcase_add_loop_test(tc, test_random_programs_agree, 0, RANDOM_SEEDS);
    tcase_add_loop_test(tc, test_random_programs_with_overflow_interruption_agree, 0, RANDOM_SEEDS);
    tcase_add_loop_test(tc, test_addressing_in_trace, 0, FAULTING_ACCESSES);
    tcase_add_test(tc, test_overflow_in_trace);
    tcase_add_test(tc, test_handler_fault_in_trace);
    tcase_add_loop_test(tc, test_store_into_trace, 0, 2 * CODE_STORES);
    tcase_add_test(tc, test_store_into_other_code);
    tcase_add_test(tc, test_store_cache_misses);
    tcase_add_loop_test(tc, test_limit_exact, 0, LIMIT_RUNS);
    tcase_add_test(tc, test_link_information);
    tcase_add_test(tc, test_execute_and_privileged_in_loop);
    tcase_add_test(tc, test_switch);
    tcase_add_test(tc, test_switch_between_runs);
    suite_add_tcase(s, tc);
    return s;
}
