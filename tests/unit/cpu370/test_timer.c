/*
 * test_timer.c - the clocks and timers of cpu370/timer.c (TOD clock, clock comparator, CPU timer,
 * interval timer) and the prefix and CPU-identity instructions (SPX, STPX, STAP, STIDP).  Expected
 * values come from GA22-7000 ("Timing" and the instruction descriptions): the TOD clock counts
 * microseconds in bit 51 from 1900-01-01 00:00 UTC and starts set to the time of day; this machine's
 * comparator and CPU timer keep whole microseconds (bits 52-63 zero); the interval timer at X'50'
 * loses X'100' (bit 23) 300 times a second.  Results go to X'800'-X'8FF'.  Tests that wait for a
 * timer wait a few tens of milliseconds.
 */
#include <check.h>
#include <stdio.h>
#include <time.h>

#include "cpu370/cpu_int.h" /* timer_next_event: when an enabled wait wakes up */
#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
#define ONE_SECOND 0xF4240000ull /* 1,000,000 microseconds; bit 51 = 1 microsecond */
#define MILLISECOND 0x3E8000ull  /* 1,000 microseconds */
enum { RESULTS = 0x800 };

/* Assemble `body` at X'1000' after BALR 12,0 / USING *,12, followed by the PSWs programs use: DONE
   (the harness's done PSW at X'200'), FAILPSW (disabled wait at X'BAD'), EWAIT (BC mode, enabled for
   external interruptions, wait) and EXTNEW (BC mode, disabled, at label EXT if the body has one). */
static void load(struct cputest *t, const char *body)
{
    char source[8192];
    snprintf(source, sizeof source,
             "PGM      START X'1000'\n" I("BALR  12,0") I("USING *,12") "%s"
             "FAILURE  LPSW  FAILPSW\n" I("DS    0D") "FAILPSW  DC    X'0002000000000BAD'\n"
             "EWAIT    DC    X'0102000000002222'\n"
             "DONE     EQU   X'200'\n" I("LTORG") I("END   PGM"),
             body);
    cputest_load(t, source);
}

static enum cpu_stop_reason run(struct cputest *t, uint16_t psw_high)
{
    return cputest_run_at(t, 0x1000, psw_high, 2000000);
}

/* The host's time of day as a TOD value. */
static uint64_t host_tod(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t us = (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000 + 2208988800ull * 1000000;
    return us << 12;
}

static uint64_t host_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
    nanosleep(&ts, NULL);
}

/* BC-mode external old PSW at X'18': the interruption code is in bytes 2-3. */
static uint16_t external_code(struct cputest *t)
{
    return (uint16_t)cputest_word(t, 0x18);
}

static uint64_t result(struct cputest *t, uint32_t offset)
{
    return cputest_doubleword(t, RESULTS + offset);
}

/* The external new PSW (BC mode, disabled) pointing at the body's EXT label. */
#define SET_EXTNEW I("MVC   X'58'(8),EXTNEW") I("B     SKIPNEW") I("DS    0D") "EXTNEW   DC    X'00000000',A(EXT)\nSKIPNEW  DS    0H\n"

/* Busy-wait, disabled, until the low word of the TOD clock is `ms` milliseconds past the one stored at
   X'8F0' (registers 5 and 6 are used). */
#define BUSY_WAIT(ms)                                                                                          \
    I("STCK  X'8F0'") "BUSY" #ms "   STCK  X'8F8'\n" I("L     5,X'8FC'") I("SL    5,X'8F4'")                     \
        I("L     6,=A(" #ms "*4096000)") I("CLR   5,6") I("BL    BUSY" #ms)

/* ---- TOD clock ---------------------------------------------------------------------------------- */

/* 50 STORE CLOCKs in a row: cc 0 each time (SPM makes it 3 before each), every value larger than the
   one before, and the first within two seconds of the host's time of day (the clock starts set). */
START_TEST(test_stck_increasing)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("L     15,=X'30000000'") I("SPM   15") I("LA    3,50") I("LA    4,X'800'")
             "LOOP     STCK  0(4)\n" I("BC    7,FAILURE") I("SPM   15") I("LA    4,8(,4)") I("BCT   3,LOOP")
                 I("LPSW  DONE"));
    uint64_t host = host_tod();
    run(&t, 0x0000);
    cputest_expect_done(&t);
    uint64_t first = result(&t, 0);
    ck_assert_msg(first + 2 * ONE_SECOND > host && first < host + 2 * ONE_SECOND,
                  "TOD %016llx, host time of day %016llx", (unsigned long long)first, (unsigned long long)host);
    for (uint32_t i = 1; i < 50; i++)
        ck_assert_msg(result(&t, 8 * i) > result(&t, 8 * (i - 1)), "STCK %u not above the one before", i);
    cputest_free(&t);
}
END_TEST

/* STORE CLOCK is not privileged and needs no alignment (X'801'); beyond storage: addressing. */
START_TEST(test_stck_operand)
{
    struct cputest t;
    cputest_init(&t, 64 * 1024, 1);
    load(&t, I("STCK  X'801'") I("SVC   1"));
    run(&t, 0x0001);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_SVC);
    uint64_t stored = (uint64_t)cputest_word(&t, 0x801) << 32 | cputest_word(&t, 0x805);
    ck_assert(stored + 2 * ONE_SECOND > host_tod() && stored < host_tod() + ONE_SECOND);
    cputest_free(&t);

    cputest_init(&t, 64 * 1024, 1);
    load(&t, I("L     5,=A(X'10000')") I("STCK  0(5)") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_program(&t, PGM_ADDRESSING);
    cputest_free(&t);
}
END_TEST

/* SET CLOCK (cc 0) then STORE CLOCK: the clock continues from the value set, bits 52-63 of the
   operand ignored (the clock counts microseconds).  Another machine's clock is not affected. */
START_TEST(test_sck_then_stck)
{
    struct cputest t, other;
    cputest_init(&t, 0, 1);
    load(&t, I("L     15,=X'30000000'") I("SPM   15") I("SCK   NEWTOD") I("BC    7,FAILURE") I("STCK  X'800'")
             I("LPSW  DONE") I("DS    0D") "NEWTOD   DC    X'7654321000000FFF'\n");
    run(&t, 0x0000);
    cputest_expect_done(&t);
    uint64_t value = result(&t, 0);
    ck_assert_msg(value > 0x7654321000000000ull && value < 0x7654321000000000ull + ONE_SECOND, "after SCK: %016llx",
                  (unsigned long long)value);
    cputest_init(&other, 0, 1);
    load(&other, I("STCK  X'800'") I("LPSW  DONE"));
    run(&other, 0x0000);
    ck_assert(result(&other, 0) + 2 * ONE_SECOND > host_tod());
    cputest_free(&other);
    cputest_free(&t);
}
END_TEST

/* The privileged timer and identity instructions: privileged-operation exception in problem state
   (recognized before the misaligned operand), specification exception for a misaligned operand,
   addressing exception beyond storage (64K). */
START_TEST(test_exceptions)
{
    static const struct {
        const char *instruction;
        uint32_t alignment;
    } cases[] = {
        {"SCK", 8}, {"SCKC", 8}, {"STCKC", 8}, {"SPT", 8}, {"STPT", 8},
        {"STIDP", 8}, {"SPX", 4}, {"STPX", 4}, {"STAP", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct {
            uint32_t address;
            uint16_t psw_high, code;
        } tries[] = {
            {0x800 + cases[i].alignment / 2, 0x0001, PGM_PRIVILEGED},
            {0x800 + cases[i].alignment / 2, 0x0000, PGM_SPECIFICATION},
            {0x10000, 0x0000, PGM_ADDRESSING},
        };
        for (size_t k = 0; k < 3; k++) {
            struct cputest t;
            char body[256];
            cputest_init(&t, 64 * 1024, 1);
            snprintf(body, sizeof body, I("L     5,=A(%u)") I("%-5s 0(5)") I("LPSW  DONE"), tries[k].address,
                     cases[i].instruction);
            load(&t, body);
            run(&t, tries[k].psw_high);
            cputest_expect_program(&t, tries[k].code);
            ck_assert_uint_eq(cputest_program_ilc(&t), 2);
            ck_assert_uint_eq(cpu_prefix(t.c), 0);
            cputest_free(&t);
        }
    }
}
END_TEST

/* ---- clock comparator --------------------------------------------------------------------------- */

/* SCKC/STCKC round trip: bits 52-63, not compared with this microsecond clock, are not kept.  With
   its subclass mask off (initial CR0) a comparator in the past causes no interruption. */
START_TEST(test_sckc_stckc)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("SCKC  VALUE") I("STCKC X'800'") I("SSM   =X'01'") I("SSM   =X'00'") I("LPSW  DONE") I("DS    0D")
             "VALUE    DC    X'123456789ABCDEF0'\n");
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(result(&t, 0), 0x123456789ABCD000ull);
    cputest_free(&t);
}
END_TEST

/* A comparator 20 ms ahead of the clock, CR0 bit 20 on, an enabled wait: the external interruption
   X'1004' ends the wait once the TOD clock has passed the comparator. */
START_TEST(test_clock_comparator_interrupt)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, SET_EXTNEW I("STCK  X'800'") I("LM    2,3,X'800'") I("AL    3,=A(20*4096000)") I("BC    12,NOCARRY")
                 I("AL    2,=F'1'") "NOCARRY  STM   2,3,X'808'\n" I("SCKC  X'808'") I("LCTL  0,0,=X'00000800'")
                     I("LPSW  EWAIT") "EXT      STCK  X'810'\n" I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(external_code(&t), 0x1004);
    uint64_t start = result(&t, 0), comparator = result(&t, 8), taken = result(&t, 16);
    ck_assert_uint_eq(comparator - start, 20 * MILLISECOND);
    ck_assert_msg(taken > comparator && taken - start < ONE_SECOND, "interruption at %016llx, comparator %016llx",
                  (unsigned long long)taken, (unsigned long long)comparator);
    cputest_free(&t);
}
END_TEST

/* The condition persists while TOD > comparator: re-enabling without changing the comparator brings
   a second interruption (the handler counts in R9 and stops at 2). */
START_TEST(test_clock_comparator_persists)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, SET_EXTNEW I("SR    9,9") I("SCKC  =X'0000000000000000'") I("LCTL  0,0,=X'00000800'") I("LPSW  EWAIT")
                 "EXT      LA    9,1(,9)\n" I("C     9,=F'2'") I("BL    AGAIN") I("LPSW  DONE")
                 "AGAIN    LPSW  EWAIT\n");
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 9), 2);
    ck_assert_uint_eq(external_code(&t), 0x1004);
    cputest_free(&t);
}
END_TEST

/* A condition removed before it is taken does not stay pending: after the first interruption the
   handler sets the comparator far ahead, then enables for a while: no second interruption. */
START_TEST(test_clock_comparator_removed)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, SET_EXTNEW I("SR    9,9") I("SCKC  =X'0000000000000000'") I("LCTL  0,0,=X'00000800'") I("LPSW  EWAIT")
                 "EXT      LA    9,1(,9)\n" I("C     9,=F'1'") I("BH    FAILURE") I("SCKC  =X'FFFFFFFFFFFFF000'")
                     I("SSM   =X'01'") BUSY_WAIT(5) I("SSM   =X'00'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 9), 1);
    cputest_free(&t);
}
END_TEST

/* ---- CPU timer ---------------------------------------------------------------------------------- */

/* SPT 5 s (with bits 52-63 set) then STPT: at most 5 s, less than a second gone, bits 52-63 zero.
   SPT -1 (all ones: -1 in bit 63, i.e. below one microsecond) stores -1 microsecond or less. */
START_TEST(test_spt_stpt)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("SPT   =X'00000004C4B40FFF'") I("STPT  X'800'") I("SPT   =X'FFFFFFFFFFFFFFFF'") I("STPT  X'808'")
             I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    uint64_t five = 0x00000004C4B40000ull, v = result(&t, 0);
    ck_assert_msg(v <= five && v > five - ONE_SECOND && (v & 0xFFF) == 0, "STPT %016llx", (unsigned long long)v);
    int64_t negative = (int64_t)result(&t, 8);
    ck_assert_msg(negative <= -0x1000 && negative > -(int64_t)ONE_SECOND && (negative & 0xFFF) == 0, "STPT %016llx",
                  (unsigned long long)negative);
    cputest_free(&t);
}
END_TEST

/* CPU timer 10 ms, CR0 bit 21 on, an enabled wait: external interruption X'1005' once the timer is
   negative; the handler stores a negative value, and at least 10 ms have passed. */
START_TEST(test_cpu_timer_interrupt)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, SET_EXTNEW I("SPT   =X'0000000002710000'") I("LCTL  0,0,=X'00000400'") I("LPSW  EWAIT")
                 "EXT      STPT  X'800'\n" I("LPSW  DONE"));
    uint64_t start = host_ms();
    run(&t, 0x0000);
    uint64_t elapsed = host_ms() - start;
    cputest_expect_done(&t);
    ck_assert_uint_eq(external_code(&t), 0x1005);
    int64_t value = (int64_t)result(&t, 0);
    ck_assert_msg(value < 0 && value > -(int64_t)ONE_SECOND, "CPU timer %lld", (long long)value);
    ck_assert_uint_ge(elapsed, 9);
    cputest_free(&t);
}
END_TEST

/* The instant an enabled wait sleeps until (timer_next_event) must lie ahead when the event does: a
   sum that wraps would make it look due at once, and the waiting CPU would spin on the host.  The
   comparator's largest value (which only the host, not SCKC, can put there: SCKC drops bits 52-63)
   is never passed; a CPU timer set to the largest positive value reaches zero in 71 years. */
static void enable_for_timer_events(struct cputest *t, uint32_t cr0_bit)
{
    cpu_set_cr(t->c, 0, cr0_bit); /* that subclass alone: not the interval timer's */
    t->c->psw.sysmask |= PSW_EXT;
}

START_TEST(test_wait_for_largest_comparator)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    t.c->clock_comparator = UINT64_MAX;
    enable_for_timer_events(&t, CR0_CLOCK_COMPARATOR);
    uint64_t now = tod_now(t.m), next = timer_next_event(t.c);
    ck_assert_msg(next > now, "next event %016llx, now %016llx", (unsigned long long)next, (unsigned long long)now);
    cputest_free(&t);
}
END_TEST

START_TEST(test_wait_for_largest_cpu_timer)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("SPT   =X'7FFFFFFFFFFFF000'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    enable_for_timer_events(&t, CR0_CPU_TIMER);
    uint64_t now = tod_now(t.m), next = timer_next_event(t.c);
    ck_assert_msg(next > now && next - now > 3600 * ONE_SECOND, "next event %016llx, now %016llx",
                  (unsigned long long)next, (unsigned long long)now);
    cputest_free(&t);
}
END_TEST

/* ---- interval timer ----------------------------------------------------------------------------- */

/* Microseconds this thread has been running on a host CPU. */
static uint64_t thread_cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static uint64_t host_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* A disabled busy loop of 15 ms: the timer at X'50' loses a multiple of X'100', 300 times a second:
   the number of steps is the elapsed time (from STCK) times 300, give or take the 1/300 s step and
   the update done every few thousand instructions.  Those updates and the STCKs are moments a few
   thousand instructions apart only while the host runs the CPU's thread: each 1/300 s the thread
   spent off the host's CPUs (a loaded machine) widens the margin by a step.  (The limit is far above
   the instructions the loop can run in 15 ms.) */
START_TEST(test_interval_timer_decrements)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("MVC   X'50'(4),=X'01000000'") I("STCK  X'800'") BUSY_WAIT(15) I("MVC   X'808'(4),X'50'")
             I("STCK  X'810'") I("LPSW  DONE"));
    uint64_t wall = host_us(), running = thread_cpu_us();
    cputest_run_at(&t, 0x1000, 0x0000, 50000000);
    wall = host_us() - wall;
    running = thread_cpu_us() - running;
    cputest_expect_done(&t);
    uint32_t decrement = 0x01000000 - cputest_word(&t, 0x808);
    ck_assert_uint_eq(decrement & 0xFF, 0);
    uint64_t elapsed_us = (result(&t, 16) - result(&t, 0)) >> 12;
    uint64_t off_cpu_us = wall > running ? wall - running : 0;
    int64_t steps = decrement >> 8, expected = (int64_t)(elapsed_us * 300 / 1000000);
    int64_t margin = 2 + (int64_t)((off_cpu_us * 300 + 999999) / 1000000);
    ck_assert_msg(steps >= expected - margin && steps <= expected + margin,
                  "%lld steps in %llu us (%llu us off the host CPU)", (long long)steps,
                  (unsigned long long)elapsed_us, (unsigned long long)off_cpu_us);
    cputest_free(&t);
}
END_TEST

/* X'000002FF': the third step takes it from X'FF' to -1: interruption X'0080' (CR0 bit 24 is on
   after reset), and the low byte, below bit 23, is never touched. */
START_TEST(test_interval_timer_interrupt)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, SET_EXTNEW I("MVC   X'50'(4),=X'000002FF'") I("LPSW  EWAIT") "EXT      MVC   X'800'(4),X'50'\n"
                 I("LPSW  DONE"));
    uint64_t start = host_ms();
    run(&t, 0x0000);
    uint64_t elapsed = host_ms() - start;
    cputest_expect_done(&t);
    ck_assert_uint_eq(external_code(&t), 0x0080);
    uint32_t value = cputest_word(&t, 0x800); /* -1, or a few steps lower if the host was slow */
    ck_assert_msg(value >= 0xFFFFF0FF && (value & 0xFF) == 0xFF, "interval timer %08x", value);
    ck_assert_uint_ge(elapsed, 6); /* at least two whole steps of 1/300 s */
    cputest_free(&t);
}
END_TEST

/* From zero to negative is a change that interrupts too (GA22-7000: "from a positive or zero number
   to a negative number"); an already negative timer going further down does not. */
START_TEST(test_interval_timer_zero_and_negative)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, SET_EXTNEW I("XC    X'50'(4),X'50'") I("LPSW  EWAIT") "EXT      MVC   X'800'(4),X'50'\n"
                 I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(external_code(&t), 0x0080);
    uint32_t value = cputest_word(&t, 0x800);
    ck_assert_msg(value >= 0xFFFFF000 && (value & 0xFF) == 0, "interval timer %08x", value);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    load(&t, I("MVC   X'50'(4),=X'FFFFFF00'") I("SSM   =X'01'") BUSY_WAIT(15) I("SSM   =X'00'")
             I("MVC   X'800'(4),X'50'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_lt(cputest_word(&t, 0x800), 0xFFFFFF00);
    cputest_free(&t);
}
END_TEST

/* Both CPU-local timers stand still while the CPU is stopped: the program sets 10 s in the CPU timer
   and X'01000000' in the interval timer, stops itself (SIGP stop to its own address), stays stopped
   for 80 ms, then runs 5 ms more: less than 40 ms are gone from either. */
START_TEST(test_timers_stand_still_when_stopped)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("MVC   X'50'(4),=X'01000000'") I("SPT   =X'0000000989680000'") I("SR    1,1") I("SIGP  0,1,5")
                 BUSY_WAIT(5) I("MVC   X'800'(4),X'50'") I("STPT  X'808'") I("LPSW  DONE"));
    ck_assert_int_eq(run(&t, 0x0000), STOP_STOPPED);
    cpu_store_status(t.c, 0);
    uint64_t timer_at_stop = cputest_doubleword(&t, 0xD8);
    sleep_ms(80);
    cpu_store_status(t.c, 0);
    ck_assert_uint_eq(cputest_doubleword(&t, 0xD8), timer_at_stop);
    cpu_start(t.c);
    t.reason = cpu_run(t.c, 1000000);
    cputest_expect_done(&t);
    ck_assert_uint_lt((0x01000000 - cputest_word(&t, 0x800)) >> 8, 12); /* 40 ms = 12 steps */
    ck_assert_uint_lt(0x989680000ull - result(&t, 8), 40 * MILLISECOND);
    cputest_free(&t);
}
END_TEST

/* ---- prefix and CPU identity -------------------------------------------------------------------- */

/* SPX X'FF0FF123': only bits 8-19 count, prefix X'FF000' (STPX shows zeros elsewhere).  Then real
   X'000'-X'FFF' is absolute X'FF000'-X'FFFFF' (the store to X'900', the done PSW at X'200') and real
   X'FF000'-X'FFFFF' is absolute 0 (the store through register 5). */
START_TEST(test_spx_stpx_prefixing)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    uint8_t *s = machine_storage(t.m);
    memcpy(s + 0xFF000, s, 0x300); /* the harness's new PSWs and done PSW, for the new prefix area */
    load(&t, I("SPX   =X'FF0FF123'") I("STPX  X'800'") I("MVC   X'900'(4),=X'11223344'") I("L     5,=A(X'FF900')")
             I("MVC   0(4,5),=X'55667788'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_prefix(t.c), 0xFF000);
    ck_assert_uint_eq(cputest_word(&t, 0xFF800), 0x000FF000);
    ck_assert_uint_eq(cputest_word(&t, 0xFF900), 0x11223344);
    ck_assert_uint_eq(cputest_word(&t, 0x900), 0x55667788);
    cputest_free(&t);
}
END_TEST

/* A prefix outside storage (X'10000' in a 64K machine) is an addressing exception and the prefix is
   unchanged; X'F000', the last 4K, is accepted. */
START_TEST(test_spx_outside_storage)
{
    struct cputest t;
    cputest_init(&t, 64 * 1024, 1);
    load(&t, I("SPX   =X'00010000'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_program(&t, PGM_ADDRESSING);
    ck_assert_uint_eq(cpu_prefix(t.c), 0);
    cputest_free(&t);

    cputest_init(&t, 64 * 1024, 1);
    memcpy(machine_storage(t.m) + 0xF000, machine_storage(t.m), 0x300);
    load(&t, I("SPX   =X'0000F000'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_prefix(t.c), 0xF000);
    cputest_free(&t);
}
END_TEST

/* STAP: CPU address 0 in a halfword (the neighbour bytes untouched); STIDP: version 0, CPU id
   X'012345' and model X'3158' from the configuration, MCEL length 0. */
START_TEST(test_stap_stidp)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x800, 0xFFFFFFFF);
    load(&t, I("STAP  X'802'") I("STIDP X'808'") I("LPSW  DONE"));
    run(&t, 0x0000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 0xFFFF0000);
    ck_assert_uint_eq(result(&t, 8), 0x0001234531580000ull);
    cputest_free(&t);
}
END_TEST

Suite *suite_timer(void)
{
    Suite *s = suite_create("timer");
    TCase *tod = tcase_create("tod");
    tcase_add_test(tod, test_stck_increasing);
    tcase_add_test(tod, test_stck_operand);
    tcase_add_test(tod, test_sck_then_stck);
    tcase_add_test(tod, test_exceptions);
    suite_add_tcase(s, tod);
    TCase *timers = tcase_create("timers");
    tcase_add_test(timers, test_sckc_stckc);
    tcase_add_test(timers, test_clock_comparator_interrupt);
    tcase_add_test(timers, test_clock_comparator_persists);
    tcase_add_test(timers, test_clock_comparator_removed);
    tcase_add_test(timers, test_spt_stpt);
    tcase_add_test(timers, test_cpu_timer_interrupt);
    tcase_add_test(timers, test_wait_for_largest_comparator);
    tcase_add_test(timers, test_wait_for_largest_cpu_timer);
    tcase_add_test(timers, test_interval_timer_decrements);
    tcase_add_test(timers, test_interval_timer_interrupt);
    tcase_add_test(timers, test_interval_timer_zero_and_negative);
    tcase_add_test(timers, test_timers_stand_still_when_stopped);
    suite_add_tcase(s, timers);
    TCase *identity = tcase_create("identity");
    tcase_add_test(identity, test_spx_stpx_prefixing);
    tcase_add_test(identity, test_spx_outside_storage);
    tcase_add_test(identity, test_stap_stidp);
    suite_add_tcase(s, identity);
    return s;
}
