/*
 * test_mp.c - multiprocessing on real host threads (machine_start, one thread per CPU): the same
 * COMPARE AND SWAP loop on two CPUs at once loses no update; STORE CLOCK values are unique across
 * CPUs; one CPU stops, starts and stores the status of another with SIGP while it runs; an external
 * call ends another CPU's enabled wait; an idle machine sleeps instead of spinning; machine_halt,
 * machine_wait_idle and machine_system_reset never hang and leave no thread behind.  Every wait is
 * bounded (machine_wait_idle timeouts, loop counts in the S/370 programs).
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
enum { IDLE_TIMEOUT_MS = 20000 };

/* Set CPU `index`'s PSW (bytes 0-1 psw_high, instruction address `address`) and start it. */
static void prepare_cpu(struct cputest *t, int index, uint16_t psw_high, uint32_t address)
{
    uint8_t psw[8] = {(uint8_t)(psw_high >> 8), (uint8_t)psw_high, 0, 0, 0, (uint8_t)(address >> 16),
                      (uint8_t)(address >> 8), (uint8_t)address};
    struct cpu *c = machine_cpu(t->m, index);
    cpu_set_psw(c, psw);
    cpu_start(c);
}

/* Run the CPUs on their threads until every one is stopped or in a disabled wait, then halt them. */
static void run_until_idle(struct cputest *t)
{
    machine_start(t->m);
    ck_assert(machine_wait_idle(t->m, IDLE_TIMEOUT_MS));
    machine_halt(t->m);
}

static void expect_done(struct cputest *t, int index)
{
    const struct psw *psw = cpu_psw(machine_cpu(t->m, index));
    ck_assert_msg(psw->wait && psw->ia == CPUTEST_DONE, "CPU %d ended at X'%06X'", index, psw->ia);
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
    nanosleep(&ts, NULL);
}

static int thread_count(void)
{
    DIR *d = opendir("/proc/self/task");
    ck_assert(d != NULL);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* The thread count once joined threads are gone: pthread_join returns when the thread has exited,
   but the kernel may list its task a moment longer (it is released after the join is woken), so
   wait up to a second for the count to come down to `want`. */
static int thread_count_settled(int want)
{
    int n = thread_count();
    for (int i = 0; i < 1000 && n != want; i++) {
        sleep_ms(1);
        n = thread_count();
    }
    return n;
}

/* Both CPUs add 1 to the word at X'800' 100,000 times each with a CS loop (on cc 1, CS has loaded the
   current value into R1: try again); the result is exactly 200,000. */
START_TEST(test_cs_counter_two_cpus)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "ADD      START X'1000'\n" I("BALR  12,0") I("USING *,12") I("L     3,=F'100000'")
                     I("L     1,X'800'") "LOOP     LR    2,1\n" I("A     2,=F'1'") I("CS    1,2,X'800'")
                         I("BC    4,LOOP") I("LR    1,2") I("BCT   3,LOOP") I("LPSW  X'200'") I("LTORG") I("END"));
    prepare_cpu(&t, 0, 0x0000, 0x1000);
    prepare_cpu(&t, 1, 0x0000, 0x1000);
    run_until_idle(&t);
    expect_done(&t, 0);
    expect_done(&t, 1);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 200000);
    cputest_free(&t);
}
END_TEST

/* Each CPU stores the clock 2,000 times into its own table (R4): each table increases, and no value
   appears twice in the two. */
static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

START_TEST(test_stck_unique_across_cpus)
{
    enum { N = 2000, TABLE0 = 0x10000, TABLE1 = 0x20000 };
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "CLOCKS   START X'1000'\n" I("BALR  12,0") I("USING *,12") I("LA    3,2000") "LOOP     STCK  0(4)\n"
                     I("LA    4,8(,4)") I("BCT   3,LOOP") I("LPSW  X'200'") I("END"));
    cpu_set_gr(machine_cpu(t.m, 0), 4, TABLE0);
    cpu_set_gr(machine_cpu(t.m, 1), 4, TABLE1);
    prepare_cpu(&t, 0, 0x0000, 0x1000);
    prepare_cpu(&t, 1, 0x0000, 0x1000);
    run_until_idle(&t);
    static uint64_t all[2 * N];
    for (uint32_t i = 0; i < N; i++) {
        all[i] = cputest_doubleword(&t, TABLE0 + 8 * i);
        all[N + i] = cputest_doubleword(&t, TABLE1 + 8 * i);
        if (i > 0) {
            ck_assert(all[i] > all[i - 1]);
            ck_assert(all[N + i] > all[N + i - 1]);
        }
    }
    qsort(all, 2 * N, sizeof all[0], compare_u64);
    for (int i = 1; i < 2 * N; i++)
        ck_assert_msg(all[i] != all[i - 1], "TOD value %016llx stored twice", (unsigned long long)all[i]);
    cputest_free(&t);
}
END_TEST

/*
 * CPU 0 drives CPU 1 while both run: restart (CPU 1's restart new PSW sends it to a loop at X'A00'
 * that counts in R5 and stores the count at X'900'); stop, then sense until stopped; the count stays
 * still; start, and it moves again; stop and store status, sense until stopped; done.  Every SIGP is
 * repeated while busy (cc 2); any other unexpected code, or a wait that lasts too long, ends at X'BAD'.
 */
START_TEST(test_sigp_between_running_cpus)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "CPU1     START X'A00'\n" I("LA    5,1(,5)") I("ST    5,X'900'") I("BC    15,X'A00'") I("END"));
    cputest_load(&t,
                 "MAIN     START X'1000'\n" I("BALR  12,0") I("USING *,12") I("LA    3,1")
                 "RESTART  SIGP  2,3,6\n" I("BC    2,RESTART") I("BC    5,FAILURE") I("L     9,=F'20000000'")
                 "WAITRUN  CLC   X'900'(4),=F'0'\n" I("BNE   RUNNING") I("BCT   9,WAITRUN") I("B     FAILURE")
                 "RUNNING  SIGP  2,3,5\n" I("BC    2,RUNNING") I("BC    5,FAILURE") I("L     9,=F'20000000'")
                 "SENSE1   SIGP  2,3,1\n" I("BC    4,STOPPED1") I("BCT   9,SENSE1") I("B     FAILURE")
                 "STOPPED1 C     2,=F'64'\n" I("BNE   FAILURE") I("MVC   X'904'(4),X'900'") I("L     9,=F'200000'")
                 "STILL    BCT   9,STILL\n" I("CLC   X'904'(4),X'900'") I("BNE   FAILURE")
                 "START    SIGP  2,3,4\n" I("BC    2,START") I("BC    5,FAILURE") I("L     9,=F'20000000'")
                 "WAITMORE CLC   X'904'(4),X'900'\n" I("BNE   MOVING") I("BCT   9,WAITMORE") I("B     FAILURE")
                 "MOVING   SIGP  2,3,9\n" I("BC    2,MOVING") I("BC    5,FAILURE") I("L     9,=F'20000000'")
                 "SENSE2   SIGP  2,3,1\n" I("BC    4,STOPPED2") I("BCT   9,SENSE2") I("B     FAILURE")
                 "STOPPED2 LPSW  X'200'\n"
                 "FAILURE  LPSW  FAILPSW\n" I("DS    0D") "FAILPSW  DC    X'0002000000000BAD'\n" I("LTORG") I("END"));
    uint8_t restart_new[8] = {0x00, 0x00, 0, 0, 0, 0, 0x0A, 0x00};
    machine_load(t.m, 0, restart_new, 8);
    prepare_cpu(&t, 0, 0x0000, 0x1000);
    run_until_idle(&t);
    expect_done(&t, 0);
    struct cpu *c1 = machine_cpu(t.m, 1);
    ck_assert_int_eq(cpu_state(c1), CPU_STOPPED);
    uint32_t count = cputest_word(&t, 0x900), stored_r5 = cputest_word(&t, 0x180 + 4 * 5);
    uint32_t stored_ia = cputest_word(&t, 0x104) & 0xFFFFFF;
    ck_assert_msg(stored_r5 == count || stored_r5 == count + 1, "R5 %u, count %u", stored_r5, count);
    ck_assert_msg(stored_ia == 0xA00 || stored_ia == 0xA04 || stored_ia == 0xA08, "stored PSW at X'%06X'", stored_ia);
    ck_assert_uint_eq(cpu_gr(c1, 5), stored_r5);
    ck_assert_uint_gt(count, cputest_word(&t, 0x904));
    cputest_free(&t);
}
END_TEST

/* CPU 1 sleeps in an EC-mode enabled wait (external call enabled in CR0); 20 ms later CPU 0 sends it an
   external call: it wakes, takes interruption X'1202' from CPU 0 and its handler ends. */
START_TEST(test_external_call_ends_wait)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "HANDLER  START X'A00'\n" I("MVC   X'900'(4),X'84'") I("LPSW  X'200'") I("END"));
    cputest_load(&t, "MAIN     START X'1000'\n" I("BALR  12,0") I("USING *,12") I("STCK  X'8F0'")
                     "BUSY     STCK  X'8F8'\n" I("L     5,X'8FC'") I("SL    5,X'8F4'") I("CL    5,=A(20*4096000)")
                         I("BL    BUSY") I("LA    3,1") "CALL     SIGP  2,3,2\n" I("BC    2,CALL") I("BC    7,FAILURE")
                             I("LPSW  X'200'") "FAILURE  DC    X'0000'\n" I("LTORG") I("END"));
    uint8_t external_new[8] = {0x00, 0x08, 0, 0, 0, 0, 0x0A, 0x00};
    machine_load(t.m, 0x58, external_new, 8);
    cpu_set_cr(machine_cpu(t.m, 1), 0, 0x00002000);
    prepare_cpu(&t, 1, 0x010A, 0x2222);
    prepare_cpu(&t, 0, 0x0000, 0x1000);
    run_until_idle(&t);
    expect_done(&t, 0);
    expect_done(&t, 1);
    ck_assert_uint_eq(cputest_word(&t, 0x900), 0x00001202);
    cputest_free(&t);
}
END_TEST

/* An idle machine does not burn the host: two CPUs in enabled waits with nothing enabled that could
   end them (CR0 zero), one of them with an external call pending that CR0 masks, then the same CPUs
   stopped (one with the interrupt key pressed), use far less than 10% of one host core.  machine_wait_idle does not take an enabled wait
   for idle, and returns at its timeout. */
START_TEST(test_idle_machine_sleeps)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "MAIN     START X'1000'\n" I("BALR  12,0") I("USING *,12") I("LA    3,1") I("SIGP  2,3,2")
                     I("LPSW  EWAIT") I("DS    0D") "EWAIT    DC    X'010A000000002222'\n" I("END"));
    for (int i = 0; i < 2; i++)
        cpu_set_cr(machine_cpu(t.m, i), 0, 0);
    prepare_cpu(&t, 0, 0x0000, 0x1000);
    prepare_cpu(&t, 1, 0x010A, 0x2222);
    machine_start(t.m);
    double wall = wall_seconds();
    ck_assert(!machine_wait_idle(t.m, 100));
    ck_assert(wall_seconds() - wall >= 0.09);
    double used = cpu_seconds();
    sleep_ms(300);
    used = cpu_seconds() - used;
    ck_assert_msg(used < 0.03, "%.3f s of CPU time in 0.3 s of enabled waits", used);
    machine_halt(t.m);
    ck_assert_uint_eq(cpu_psw(machine_cpu(t.m, 1))->ia, 0x2222); /* still waiting: nothing was taken */

    machine_system_reset(t.m, false);
    machine_start(t.m);
    cpu_interrupt_key(machine_cpu(t.m, 1)); /* pending, but a stopped CPU takes nothing */
    ck_assert(machine_wait_idle(t.m, IDLE_TIMEOUT_MS));
    used = cpu_seconds();
    sleep_ms(200);
    used = cpu_seconds() - used;
    ck_assert_msg(used < 0.02, "%.3f s of CPU time in 0.2 s stopped", used);
    machine_halt(t.m);
    cputest_free(&t);
}
END_TEST

/* The loop both CPUs run in the tests below: R5 counts, stored at 0(R4), a word per CPU. */
#define COUNTING_LOOP "LOOP     START X'A00'\n" I("LA    5,1(,5)") I("ST    5,0(,4)") I("BC    15,X'A00'") I("END")
enum { COUNT0 = 0x900, COUNT1 = 0x904 };

static void prepare_counting(struct cputest *t)
{
    cputest_load(t, COUNTING_LOOP);
    cpu_set_gr(machine_cpu(t->m, 0), 4, COUNT0);
    cpu_set_gr(machine_cpu(t->m, 1), 4, COUNT1);
    prepare_cpu(t, 0, 0x0000, 0xA00);
    prepare_cpu(t, 1, 0x0000, 0xA00);
}

/* Wait (at most 5 s: the host may be busy) until the word at `address` differs from `before`. */
static bool word_changes(struct cputest *t, uint32_t address, uint32_t before)
{
    for (int i = 0; i < 5000 && cputest_word(t, address) == before; i++)
        sleep_ms(1);
    return cputest_word(t, address) != before;
}

/* machine_halt stops CPUs that loop forever, joins their threads (the thread count returns to what it
   was) and keeps their state: started again they go on counting.  Three rounds. */
START_TEST(test_halt_and_start_again)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    prepare_counting(&t);
    int threads = thread_count();
    for (int round = 0; round < 3; round++) {
        uint32_t before0 = cputest_word(&t, COUNT0), before1 = cputest_word(&t, COUNT1);
        machine_start(t.m);
        ck_assert_int_eq(thread_count(), threads + 2);
        ck_assert(word_changes(&t, COUNT0, before0) && word_changes(&t, COUNT1, before1));
        double wall = wall_seconds();
        machine_halt(t.m);
        ck_assert(wall_seconds() - wall < 1.0);
        ck_assert_int_eq(thread_count_settled(threads), threads);
        for (int i = 0; i < 2; i++)
            ck_assert_int_eq(cpu_state(machine_cpu(t.m, i)), CPU_OPERATING);
        ck_assert_uint_eq(cpu_gr(machine_cpu(t.m, 0), 5), cputest_word(&t, COUNT0) + (cpu_psw(machine_cpu(t.m, 0))->ia == 0xA04));
    }
    cputest_free(&t);
}
END_TEST

/* A system reset while the CPUs run on their threads stops them (the machine becomes idle at once) and
   leaves the threads running; machine_halt then ends them. */
START_TEST(test_system_reset_while_running)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    prepare_counting(&t);
    int threads = thread_count();
    machine_start(t.m);
    ck_assert(word_changes(&t, COUNT0, 0) && word_changes(&t, COUNT1, 0));
    ck_assert(!machine_wait_idle(t.m, 10));
    machine_system_reset(t.m, false);
    ck_assert(machine_wait_idle(t.m, 1000));
    ck_assert_int_eq(thread_count(), threads + 2);
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(cpu_state(machine_cpu(t.m, i)), CPU_STOPPED);
    uint32_t count = cputest_word(&t, COUNT0);
    sleep_ms(20);
    ck_assert_uint_eq(cputest_word(&t, COUNT0), count);
    machine_halt(t.m);
    ck_assert_int_eq(thread_count_settled(threads), threads);
    cputest_free(&t);
}
END_TEST

Suite *suite_mp(void)
{
    Suite *s = suite_create("mp");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_cs_counter_two_cpus);
    tcase_add_test(tc, test_stck_unique_across_cpus);
    tcase_add_test(tc, test_sigp_between_running_cpus);
    tcase_add_test(tc, test_external_call_ends_wait);
    tcase_add_test(tc, test_idle_machine_sleeps);
    tcase_add_test(tc, test_halt_and_start_again);
    tcase_add_test(tc, test_system_reset_while_running);
    suite_add_tcase(s, tc);
    return s;
}
