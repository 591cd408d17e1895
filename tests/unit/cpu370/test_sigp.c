/*
 * test_sigp.c - SIGNAL PROCESSOR (cpu370/sigp.c), the resets and store status (cpu370/machine.c) on
 * a two-CPU machine driven from the test's thread: CPU 0 runs a list of SIGP orders and records the
 * condition code (through BALR's link information: cc in bits 2-3) and the R1 status register of
 * each; CPU 1 is then run with cpu_run to carry out what it was asked.  Expected codes and status
 * bits come from GA22-7000 ("Signal Processor": cc 0 accepted, 1 status stored, 2 busy, 3 not
 * operational; status bit 24 external call pending, 25 stopped, 27 check stop, 30 invalid order) and
 * "Resets" / "Store Status".
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "cpu370/cpu_int.h" /* only to put a CPU in the check-stop state, which nothing else can do */
#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
enum { RESULTS = 0x800, UNCHANGED = 0xFFFFFFFF, STOPPED = 0x40, CALL_PENDING = 0x80, CHECK_STOP = 0x10, INVALID = 0x02 };

struct order_step {
    uint32_t cpu;        /* R3: CPU address */
    const char *order;   /* SIGP's D2(B2) */
    int cc;              /* expected condition code */
    uint32_t status;     /* expected R1 afterwards (UNCHANGED: the -1 it held) */
};

/* CPU 0 sends the orders in turn, R1 (register 2) preset to -1 each time; cc and R2 go to X'800' +
   8 * step. */
static void send_orders(struct cputest *t, const struct order_step *steps, size_t n)
{
    char source[16384];
    size_t used = (size_t)snprintf(source, sizeof source, "SEND     START X'1000'\n" I("BALR  12,0") I("USING *,12"));
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(source + used, sizeof source - used,
                                 I("L     2,=F'-1'") I("L     3,=X'%08X'") I("SIGP  2,3,%s") I("BALR  14,0")
                                     I("ST    14,X'%03X'") I("ST    2,X'%03X'"),
                                 steps[i].cpu, steps[i].order, (unsigned)(RESULTS + 8 * i),
                                 (unsigned)(RESULTS + 8 * i + 4));
    snprintf(source + used, sizeof source - used, I("LPSW  X'200'") I("LTORG") I("END   SEND"));
    cputest_load(t, source);
    t->c = machine_cpu(t->m, 0);
    cputest_run_at(t, 0x1000, 0x0000, 10000);
    cputest_expect_done(t);
    for (size_t i = 0; i < n; i++) {
        uint32_t link = cputest_word(t, RESULTS + 8 * (uint32_t)i), r1 = cputest_word(t, RESULTS + 8 * (uint32_t)i + 4);
        ck_assert_msg((int)(link >> 28 & 3) == steps[i].cc && r1 == steps[i].status,
                      "SIGP %s to CPU %u: cc %u status %08x, expected cc %d status %08x", steps[i].order, steps[i].cpu,
                      link >> 28 & 3, r1, steps[i].cc, steps[i].status);
    }
}

#define SEND(t, ...)                                                                                           \
    do {                                                                                                       \
        static const struct order_step steps_[] = {__VA_ARGS__};                                               \
        send_orders((t), steps_, sizeof steps_ / sizeof steps_[0]);                                            \
    } while (0)

/* Run CPU `index` from `address` with PSW bytes 0-1 = psw_high (cputest_run_at starts it). */
static enum cpu_stop_reason run_cpu(struct cputest *t, int index, uint32_t address, uint16_t psw_high)
{
    t->c = machine_cpu(t->m, index);
    return cputest_run_at(t, address, psw_high, 100000);
}

/* Run CPU 1 as it is: only the requests other CPUs made can start it. */
static enum cpu_stop_reason run_cpu1_as_is(struct cputest *t)
{
    t->c = machine_cpu(t->m, 1);
    t->reason = cpu_run(t->c, 100000);
    return t->reason;
}

static void load_at(struct cputest *t, uint32_t origin, const char *body)
{
    char source[4096];
    snprintf(source, sizeof source, "P%X     START X'%X'\n" I("BALR  12,0") I("USING *,12") "%s" I("LTORG") I("END"),
             origin, origin, body);
    cputest_load(t, source);
}

/* ---- sense, addressing, invalid orders ---------------------------------------------------------- */

/* CPU 1 is stopped after machine creation: sense gives cc 1 with the stopped bit, replacing all of R1.
   CPU 0 (the sender, operating) has no status: cc 0, R1 unchanged.  Only bits 16-31 of R3 address a
   CPU (X'10001' is CPU 1); 2 and X'FFFF' are not operational (cc 3, R1 unchanged).  Only bits 24-31 of
   the second-operand address are the order (X'301' is sense). */
START_TEST(test_sense_and_addressing)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    SEND(&t, {1, "1", 1, STOPPED}, {0, "1", 0, UNCHANGED}, {2, "1", 3, UNCHANGED}, {0xFFFF, "1", 3, UNCHANGED},
         {0x10001, "1", 1, STOPPED}, {1, "X'301'", 1, STOPPED}, {0xFFFF0000, "1", 0, UNCHANGED});
    cputest_free(&t);
}
END_TEST

/* Unassigned codes, and initial microprogram load (X'0A', not provided): invalid order, cc 1, only
   bit 30 (the stopped state does not prevent them, so it is not reported). */
START_TEST(test_invalid_orders)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    SEND(&t, {1, "0", 1, INVALID}, {1, "X'0A'", 1, INVALID}, {1, "X'0D'", 1, INVALID}, {0, "X'13'", 1, INVALID},
         {1, "X'FF'", 1, INVALID});
    cputest_free(&t);
}
END_TEST

/* SIGP is privileged. */
START_TEST(test_sigp_privileged)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    load_at(&t, 0x1000, I("SIGP  2,3,1") I("SVC   0"));
    run_cpu(&t, 0, 0x1000, 0x0001);
    cputest_expect_program(&t, PGM_PRIVILEGED);
    cputest_free(&t);
}
END_TEST

/* ---- external call and emergency signal --------------------------------------------------------- */

/* One external call can be pending: the second is refused with the external-call-pending status, which
   sense reports with the stopped bit.  CPU 1, started in EC mode enabled for external interruptions
   with CR0 bit 18, takes it: code X'1202' at X'86', the sender's address 0 at X'84'.  Then nothing is
   pending any more: sense of the (operating) CPU 1 gives cc 0. */
START_TEST(test_external_call)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    SEND(&t, {1, "2", 0, UNCHANGED}, {1, "2", 1, CALL_PENDING}, {1, "1", 1, STOPPED | CALL_PENDING});
    cputest_set_word(&t, 0x84, 0xFFFFFFFF);
    cpu_set_cr(machine_cpu(t.m, 1), 0, 0x00002000);
    run_cpu(&t, 1, 0x2000, 0x010A); /* EC mode, external mask, wait */
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_EXTERNAL);
    ck_assert_uint_eq(cputest_word(&t, 0x84), 0x00001202);
    SEND(&t, {1, "1", 0, UNCHANGED});
    cputest_free(&t);
}
END_TEST

/* Emergency signals from CPU 0 and from CPU 1 itself are both kept pending (one per sender; a repeat
   from CPU 0 adds nothing) and taken one at a time, the smallest sender address first: CPU 1's handler
   records the word at X'84' (sender, code) of each interruption at X'900', X'904'. */
START_TEST(test_emergency_signal)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    SEND(&t, {1, "3", 0, UNCHANGED}, {1, "3", 0, UNCHANGED});
    load_at(&t, 0x2000,
            I("LA    3,1") I("SIGP  2,3,3") I("BC    7,FAILURE") I("MVC   X'58'(8),EXTNEW") I("LA    10,X'900'")
                I("LCTL  0,0,=X'00004000'") I("LPSW  EWAIT") "EXT      MVC   0(4,10),X'84'\n" I("LA    10,4(,10)")
                    I("C     10,=A(X'908')") I("BL    AGAIN") I("LPSW  X'200'") "AGAIN    LPSW  EWAIT\n"
                    "FAILURE  DC    X'0000'\n" I("DS    0D") "EXTNEW   DC    X'00080000',A(EXT)\n"
                    "EWAIT    DC    X'010A000000002222'\n");
    cputest_set_word(&t, 0x908, 0xFFFFFFFF);
    run_cpu(&t, 1, 0x2000, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x900), 0x00001201);
    ck_assert_uint_eq(cputest_word(&t, 0x904), 0x00011201);
    ck_assert_uint_eq(cputest_word(&t, 0x908), 0xFFFFFFFF); /* exactly two interruptions */
    cputest_free(&t);
}
END_TEST

/* ---- start, stop, restart, busy ----------------------------------------------------------------- */

/* Start is accepted; until CPU 1 has carried it out, start and stop are refused as busy (cc 2), sense
   is not.  CPU 1 then runs its loop (R5 counting); stop is accepted, a second stop is busy, and after
   CPU 1 has stopped, sense shows it stopped. */
START_TEST(test_start_stop_busy)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    load_at(&t, 0x2000, "LOOP     LA    5,1(,5)\n" I("B     LOOP"));
    uint8_t psw[8] = {0, 0, 0, 0, 0, 0, 0x20, 0x00};
    cpu_set_psw(machine_cpu(t.m, 1), psw);
    SEND(&t, {1, "4", 0, UNCHANGED}, {1, "4", 2, UNCHANGED}, {1, "5", 2, UNCHANGED}, {1, "1", 1, STOPPED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_LIMIT);
    ck_assert_uint_gt(cpu_gr(t.c, 5), 1000);
    SEND(&t, {1, "1", 0, UNCHANGED}, {1, "5", 0, UNCHANGED}, {1, "5", 2, UNCHANGED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_STOPPED);
    ck_assert_int_eq(cpu_state(t.c), CPU_STOPPED);
    SEND(&t, {1, "1", 1, STOPPED});
    cputest_free(&t);
}
END_TEST

/* Restart of a stopped CPU whose prefix is X'4000': it starts, its PSW goes to absolute X'4008' and
   the new PSW comes from X'4000' (the restart marker wait).  CPU 1 set its prefix and stopped itself
   (SIGP stop to its own address) first. */
START_TEST(test_restart)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    uint8_t *s = machine_storage(t.m);
    memcpy(s + 0x4000, s, 0x300);
    load_at(&t, 0x2000, I("SPX   =A(X'4000')") I("LA    3,1") I("SIGP  0,3,5") I("DC    X'0000'"));
    ck_assert_int_eq(run_cpu(&t, 1, 0x2000, 0x0000), STOP_STOPPED);
    ck_assert_uint_eq(cpu_prefix(t.c), 0x4000);
    SEND(&t, {1, "6", 0, UNCHANGED}, {1, "6", 2, UNCHANGED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_RESTART);
    ck_assert_uint_eq(cputest_word(&t, 0x4008), 0x00000000);
    ck_assert_uint_eq(cputest_word(&t, 0x400C), 0x0000200E); /* after SIGP at X'200A' (BALR 12,0 first) */
    ck_assert_uint_eq(cputest_word(&t, 0x000C), 0);          /* CPU 0's restart old PSW untouched */
    cputest_free(&t);
}
END_TEST

/* ---- stop and store status ---------------------------------------------------------------------- */

/* CPU 1, operating in a loop with known registers and a BC-mode PSW holding an interruption code and
   ILC, is sent stop and store status: it stops and stores at the absolute locations X'D8'-X'1FF'.
   The BC-mode PSW is stored with interruption code and ILC zero (cc 2, mask 5 kept); X'10C', the
   model-dependent word, is untouched; the CPU timer ran a little from zero (negative, above -1 s). */
START_TEST(test_stop_and_store_status)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "P        START X'A00'\n" I("BC    15,X'A00'") I("END"));
    struct cpu *c1 = machine_cpu(t.m, 1);
    for (int r = 0; r < 16; r++)
        cpu_set_gr(c1, r, 0x01010101u * (uint32_t)r);
    for (int r = 0; r < 8; r += 2)
        cpu_set_fpr(c1, r, 0x4110000000000000ull + (uint64_t)r);
    cpu_set_cr(c1, 3, 0x12345678);
    uint8_t psw[8] = {0x00, 0x00, 0xAB, 0xCD, 0xA5, 0x00, 0x0A, 0x00};
    cpu_set_psw(c1, psw);
    cpu_start(c1);
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_LIMIT);
    cputest_set_word(&t, 0x10C, 0xCAFEBABE);
    SEND(&t, {1, "9", 0, UNCHANGED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_STOPPED);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x100), 0x0000000025000A00ull);
    ck_assert_uint_eq(cputest_word(&t, 0x108), 0);
    ck_assert_uint_eq(cputest_word(&t, 0x10C), 0xCAFEBABE);
    int64_t timer = (int64_t)cputest_doubleword(&t, 0xD8);
    ck_assert(timer < 0 && timer > -0xF4240000ll && (timer & 0xFFF) == 0);
    ck_assert_uint_eq(cputest_doubleword(&t, 0xE0), 0);
    for (int r = 0; r < 4; r++)
        ck_assert_uint_eq(cputest_doubleword(&t, 0x160 + 8 * (uint32_t)r), 0x4110000000000000ull + 2 * (uint64_t)r);
    for (int r = 0; r < 16; r++)
        ck_assert_uint_eq(cputest_word(&t, 0x180 + 4 * (uint32_t)r), 0x01010101u * (uint32_t)r);
    static const uint32_t crs[16] = {0x000000E0, 0, 0xFFFFFFFF, 0x12345678, [14] = 0xC2000000, [15] = 0x00000200};
    for (int r = 0; r < 16; r++)
        ck_assert_uint_eq(cputest_word(&t, 0x1C0 + 4 * (uint32_t)r), crs[r]);
    ck_assert(machine_storage_key(t.m, 0x100) & 0x02); /* change bit */
    cputest_free(&t);
}
END_TEST

/* Store status by the operator (cpu_store_status) at another base; an EC-mode PSW is stored as it is,
   the prefix, the comparator (set by SCKC, microseconds only) and the CPU timer of a stopped CPU. */
START_TEST(test_store_status_at_base)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_at(&t, 0x2000, I("SPX   =A(X'8000')") I("SCKC  =X'0123456789ABCDEF'") I("SPT   =X'00000001F4000000'")
                            I("SR    1,1") I("SIGP  0,1,5") I("DC    X'0000'"));
    memcpy(machine_storage(t.m) + 0x8000, machine_storage(t.m), 0x300);
    ck_assert_int_eq(run_cpu(&t, 0, 0x2000, 0x0008), STOP_STOPPED);
    cpu_store_status(t.c, 0x10000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10000 + 0x100), 0x0008000000002014ull);
    ck_assert_uint_eq(cputest_word(&t, 0x10000 + 0x108), 0x8000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10000 + 0xE0), 0x0123456789ABC000ull);
    uint64_t timer = cputest_doubleword(&t, 0x10000 + 0xD8);
    ck_assert(timer <= 0x00000001F4000000ull && timer > 0x00000001F4000000ull - 0xF4240000ull);
    cputest_free(&t);
}
END_TEST

/* ---- resets ------------------------------------------------------------------------------------- */

static int io_resets;

static void count_io_reset(void *ctx)
{
    (void)ctx;
    io_resets++;
}

static const struct io_ops counting_io = {.reset = count_io_reset};

/* CPU 1 operating with prefix X'4000', CR3, a PSW and registers of its own, an external call pending.
   CPU reset (X'0C'): stopped, the external call gone, everything else kept.  Initial CPU reset (X'0B'):
   also PSW, prefix, CPU timer and comparator zero, control registers initial (CR0 X'E0', CR2 all
   ones, CR14 X'C2000000', CR15 X'200'); general registers kept.  Neither resets I/O; the program
   resets (X'08', X'07') do, once each. */
START_TEST(test_cpu_resets)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    machine_set_io(t.m, &counting_io, NULL);
    io_resets = 0;
    struct cpu *c1 = machine_cpu(t.m, 1);
    memcpy(machine_storage(t.m) + 0x4000, machine_storage(t.m), 0x300);
    load_at(&t, 0x2000, I("SPX   =A(X'4000')") I("SCKC  =X'0000000100000000'") I("SPT   =X'0000000100000000'")
                            "LOOP     B     LOOP\n");
    cpu_set_gr(c1, 7, 0x77777777);
    cpu_set_cr(c1, 3, 0x33333333);
    ck_assert_int_eq(run_cpu(&t, 1, 0x2000, 0x0000), STOP_LIMIT);
    SEND(&t, {1, "2", 0, UNCHANGED}, {1, "X'0C'", 0, UNCHANGED}, {1, "X'0C'", 0, UNCHANGED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_STOPPED);
    ck_assert_int_eq(io_resets, 0);
    ck_assert_uint_eq(cpu_prefix(c1), 0x4000);
    ck_assert_uint_eq(cpu_cr(c1, 3), 0x33333333);
    ck_assert_uint_eq(cpu_gr(c1, 7), 0x77777777);
    ck_assert_uint_eq(cpu_psw(c1)->ia, 0x200E);
    SEND(&t, {1, "1", 1, STOPPED}, {1, "X'0B'", 0, UNCHANGED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_STOPPED);
    ck_assert_uint_eq(cpu_prefix(c1), 0);
    ck_assert_uint_eq(cpu_gr(c1, 7), 0x77777777);
    uint8_t psw[8];
    cpu_get_psw(c1, psw);
    ck_assert_uint_eq(be64(psw), 0);
    static const uint32_t crs[16] = {0x000000E0, 0, 0xFFFFFFFF, [14] = 0xC2000000, [15] = 0x00000200};
    for (int r = 0; r < 16; r++)
        ck_assert_uint_eq(cpu_cr(c1, r), crs[r]);
    cpu_store_status(c1, 0x10000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10000 + 0xD8), 0);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x10000 + 0xE0), 0);
    ck_assert_int_eq(io_resets, 0);
    SEND(&t, {1, "8", 0, UNCHANGED}, {1, "7", 0, UNCHANGED});
    ck_assert_int_eq(io_resets, 2);
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_STOPPED);
    cputest_free(&t);
}
END_TEST

/* A check-stopped CPU reports check stop (not stopped) to sense, and refuses start, external call and
   emergency signal with that status; CPU reset is accepted and leaves it stopped. */
START_TEST(test_check_stop)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    machine_cpu(t.m, 1)->state = CPU_CHECK_STOP;
    SEND(&t, {1, "1", 1, CHECK_STOP}, {1, "4", 1, CHECK_STOP}, {1, "2", 1, CHECK_STOP}, {1, "3", 1, CHECK_STOP},
         {1, "X'0C'", 0, UNCHANGED});
    ck_assert_int_eq(run_cpu1_as_is(&t), STOP_STOPPED);
    SEND(&t, {1, "1", 1, STOPPED});
    cputest_free(&t);
}
END_TEST

/* System reset: normal (program reset) stops the CPUs and resets I/O, registers and storage kept;
   clear also zeros storage, keys, general and floating-point registers, with the initial control
   registers. */
START_TEST(test_system_reset)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    machine_set_io(t.m, &counting_io, NULL);
    io_resets = 0;
    load_at(&t, 0x2000, "LOOP     B     LOOP\n");
    struct cpu *c1 = machine_cpu(t.m, 1);
    cpu_set_gr(c1, 4, 44);
    cpu_set_fpr(c1, 2, 0x4120000000000000ull);
    cpu_set_cr(c1, 0, 0x00FF0000);
    machine_set_storage_key(t.m, 0x2000, 0x30);
    ck_assert_int_eq(run_cpu(&t, 1, 0x2000, 0x0000), STOP_LIMIT);
    machine_system_reset(t.m, false);
    ck_assert_int_eq(io_resets, 1);
    ck_assert_int_eq(cpu_state(c1), CPU_STOPPED);
    ck_assert_uint_eq(cpu_gr(c1, 4), 44);
    ck_assert_uint_eq(cpu_cr(c1, 0), 0x00FF0000);
    ck_assert_uint_eq(cputest_word(&t, 0x2000), 0x05C047F0); /* BALR 12,0; B LOOP */
    machine_system_reset(t.m, true);
    ck_assert_int_eq(io_resets, 2);
    ck_assert_uint_eq(cpu_gr(c1, 4), 0);
    ck_assert_uint_eq(cpu_fpr(c1, 2), 0);
    ck_assert_uint_eq(cpu_cr(c1, 0), 0x000000E0);
    ck_assert_uint_eq(cputest_word(&t, 0x2000), 0);
    ck_assert_uint_eq(machine_storage_key(t.m, 0x2000), 0);
    cputest_free(&t);
}
END_TEST

/* ---- CPU identity in a two-CPU machine ---------------------------------------------------------- */

/* STAP on CPU 1 stores 1; STIDP puts the CPU address in the leftmost digit of the identification
   number (X'012345' becomes X'112345'). */
START_TEST(test_identity_of_cpu1)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    load_at(&t, 0x2000, I("STAP  X'800'") I("STIDP X'808'") I("LPSW  X'200'"));
    run_cpu(&t, 1, 0x2000, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x800) >> 16, 1);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x808), 0x0011234531580000ull);
    cputest_free(&t);
}
END_TEST

Suite *suite_sigp(void)
{
    Suite *s = suite_create("sigp");
    TCase *orders = tcase_create("orders");
    tcase_add_test(orders, test_sense_and_addressing);
    tcase_add_test(orders, test_invalid_orders);
    tcase_add_test(orders, test_sigp_privileged);
    tcase_add_test(orders, test_external_call);
    tcase_add_test(orders, test_emergency_signal);
    tcase_add_test(orders, test_start_stop_busy);
    tcase_add_test(orders, test_restart);
    tcase_add_test(orders, test_identity_of_cpu1);
    suite_add_tcase(s, orders);
    TCase *resets = tcase_create("resets");
    tcase_add_test(resets, test_stop_and_store_status);
    tcase_add_test(resets, test_store_status_at_base);
    tcase_add_test(resets, test_cpu_resets);
    tcase_add_test(resets, test_check_stop);
    tcase_add_test(resets, test_system_reset);
    suite_add_tcase(s, resets);
    return s;
}
