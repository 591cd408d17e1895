/*
 * test_cpu_programs.c - whole programs through the library interface: started by the restart key
 * (the restart new PSW at X'00') and run to a disabled wait; the per-CPU instruction counter on a
 * program whose instruction count is known exactly; and two machines running at the same time on two
 * host threads, each with its own storage and results (the library has no shared state).
 */
#include <check.h>
#include <pthread.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

/* Sum 1..10 with BCT: R3 = 55; stores it at X'800'.  Started by the restart key: the program's own
   restart new PSW (BC mode, disabled) at X'00' points at its first instruction. */
START_TEST(test_restart_starts_program)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "RESTART  START 0\n" I("DC    X'00000000',A(GO)") I("ORG   RESTART+X'1000'")
                         "GO       BALR  12,0\n" I("USING *,12") I("SR    3,3") I("LA    1,10") "LOOP     AR    3,1\n" I("BCT   1,LOOP")
                             I("ST    3,X'800'") I("LPSW  X'200'") I("END"));
    cpu_restart(t.c);
    t.reason = cpu_run(t.c, 1000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 55);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 0);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 55);
    /* the restart old PSW at X'08' is the PSW at the time of the restart: all zero here */
    ck_assert_uint_eq(cputest_word(&t, 0x08), 0);
    cputest_free(&t);
}
END_TEST

/* BALR and LA, then BCT 100 times, then LPSW: exactly 103 instructions, counted per CPU. */
START_TEST(test_instruction_counter)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_body(&t, I("BALR  12,0") I("USING *,12") I("LA    1,100") "LOOP     BCT   1,LOOP\n");
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 103);
    cputest_free(&t);
}
END_TEST

struct job {
    struct cputest t;
    uint32_t start;
    enum cpu_stop_reason reason;
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    j->reason = cpu_run(j->t.c, 0);
    return NULL;
}

/* Two machines, one program each, run at once: each sums 1..N with its own N (in R2) into its own
   storage; neither sees the other's. */
START_TEST(test_two_machines_at_once)
{
    static const char program[] = "P        START X'1000'\n" I("BALR  12,0") I("USING *,12") I("SR    3,3") "LOOP     AR    3,2\n" I("BCT   2,LOOP")
        I("ST    3,X'800'") I("LPSW  X'200'") I("END   P");
    struct job jobs[2];
    const uint32_t n[2] = {1000, 2000};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        cputest_init(&jobs[i].t, 0, 1);
        cputest_load(&jobs[i].t, program);
        uint8_t psw[8] = {0, 0, 0, 0, 0, 0, 0x10, 0};
        cpu_set_psw(jobs[i].t.c, psw);
        cpu_set_gr(jobs[i].t.c, 2, n[i]);
        cpu_start(jobs[i].t.c);
    }
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, run_job, &jobs[i]), 0);
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(jobs[i].reason, STOP_DISABLED_WAIT);
        ck_assert_uint_eq(cputest_word(&jobs[i].t, 0x800), n[i] * (n[i] + 1) / 2);
        ck_assert_uint_eq(cpu_instruction_count(jobs[i].t.c), 2 + 2 * n[i] + 2); /* BALR SR, AR BCT each, ST LPSW */
        cputest_free(&jobs[i].t);
    }
}
END_TEST

Suite *suite_cpu_programs(void)
{
    Suite *s = suite_create("cpu_programs");
    TCase *tc = tcase_create("programs");
    tcase_add_test(tc, test_restart_starts_program);
    tcase_add_test(tc, test_instruction_counter);
    tcase_add_test(tc, test_two_machines_at_once);
    suite_add_tcase(s, tc);
    return s;
}
