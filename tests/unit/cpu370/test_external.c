/*
 * test_external.c - how external interruptions are presented (GA22-7000, "External Interruption"):
 * a clock-comparator condition persists while TOD > comparator, so it is taken again as soon as the
 * CPU is enabled again (not at some later look at the clock); enabling its subclass mask with LCTL
 * makes a pending condition interruptible before the next instruction; and the interval timer,
 * interrupt key and external signal conditions pending together are presented in one interruption
 * whose code has all their bits.  Also the interruptions a host raises: service signal and machine
 * check (taken, held pending, or check-stopping the CPU).
 */
#include <check.h>
#include <stdio.h>

#include "cpu370/cpu_int.h"
#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

/* Programs run at X'1000' in BC mode with R12 as base; EXT is the external handler (BC, disabled);
   ENABLED is a BC PSW enabled for external interruptions (not waiting) at label RESUME. */
static void load(struct cputest *t, const char *body)
{
    char source[4096];
    snprintf(source, sizeof source,
             "PGM      START X'1000'\n" I("BALR  12,0") I("USING *,12") I("MVC   X'58'(8),EXTNEW") "%s"
             "DONE     EQU   X'200'\n" I("DS    0D") "EXTNEW   DC    X'00000000',A(EXT)\n"
             "ENABLED  DC    X'01000000',A(RESUME)\n" I("LTORG") I("END   PGM"),
             body);
    cputest_load(t, source);
}

/* The first interruption's handler re-enables at RESUME, where five instructions run before the
   program ends: a persisting condition interrupts again at once, so the count reaches 2. */
START_TEST(test_comparator_retaken_when_reenabled)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("SR    9,9") I("SCKC  =X'0000000000000000'") I("LCTL  0,0,=X'00000800'") I("LPSW  ENABLED")
                 "EXT      LA    9,1(,9)\n" I("C     9,=F'2'") I("BNL   FINISH") I("LPSW  ENABLED")
                 "RESUME   NOPR  0\n" I("NOPR  0") I("NOPR  0") I("NOPR  0") I("NOPR  0")
                 "FINISH   LPSW  DONE\n");
    cputest_run_at(&t, 0x1000, 0x0000, 1000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 9), 2);
    cputest_free(&t);
}
END_TEST

/* The comparator is already passed while its mask (CR0 bit 20) is off; the PSW is enabled.  Turning
   the mask on with LCTL makes the interruption happen before the next instruction (MVI FLAG) runs. */
START_TEST(test_lctl_enables_pending_condition)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("SCKC  =X'0000000000000000'") I("SSM   =X'01'") I("LCTL  0,0,=X'00000800'") I("MVI   FLAG,1")
                 I("LPSW  DONE") "EXT      MVC   X'800'(1),FLAG\n" I("LPSW  DONE") "FLAG     DC    X'00'\n"
                 "RESUME   EQU   FINISH\nFINISH   LPSW  DONE\n");
    cputest_set_word(&t, 0x800, 0xFFFFFFFF);
    cputest_run_at(&t, 0x1000, 0x0000, 1000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x18) & 0xFFFF, 0x1004); /* the clock comparator's code */
    ck_assert_uint_eq(cputest_word(&t, 0x800) >> 24, 0);        /* FLAG was still 0 when it came */
    cputest_free(&t);
}
END_TEST

/* Interval timer and interrupt key pending together, both enabled: one interruption, code X'00C0'
   (X'0080' | X'0040'); the handler counts and finds no second one. */
START_TEST(test_timer_and_key_in_one_code)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("SR    9,9") I("LPSW  ENABLED") "EXT      LA    9,1(,9)\n" I("LPSW  ENABLED")
                 "RESUME   NOPR  0\n" I("LPSW  DONE"));
    set_pending(t.c, PEND_INTERVAL_TIMER | PEND_INTERRUPT_KEY);
    cputest_run_at(&t, 0x1000, 0x0000, 1000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 9), 1);
    ck_assert_uint_eq(cputest_word(&t, 0x18) & 0xFFFF, 0x00C0);
    cputest_free(&t);
}
END_TEST

/* Service signal: CR0 bit 22 and the PSW enable it; code X'2401', the parameter at X'80'. */
START_TEST(test_service_signal)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load(&t, I("LCTL  0,0,=X'00000200'") I("LPSW  ENABLED") "EXT      LPSW  DONE\n" "RESUME   LPSW  DONE\n");
    cpu_service_signal(t.c, 0x12345678);
    cputest_run_at(&t, 0x1000, 0x0000, 1000);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x18) & 0xFFFF, 0x2401);
    ck_assert_uint_eq(cputest_word(&t, 0x80), 0x12345678);
    cputest_free(&t);
}
END_TEST

/* Machine check with PSW bit 13 on: the code at X'E8', the old PSW at X'30', the new from X'70'. */
START_TEST(test_machine_check_taken)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "X        START X'1000'\n" I("NOPR  0") I("NOPR  0") I("END   X"));
    cpu_machine_check(t.c, 0x8000000012345678ull, true);
    cputest_run_at(&t, 0x1000, 0x0004, 10); /* BC mode, machine-check mask on */
    ck_assert_int_eq(t.reason, STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_MCHECK);
    ck_assert_uint_eq(cputest_doubleword(&t, 0xE8), 0x8000000012345678ull);
    ck_assert_uint_eq(cputest_word(&t, 0x30), 0x00040000);
    ck_assert_uint_eq(cputest_word(&t, 0x34), 0x00001000);
    cputest_free(&t);
}
END_TEST

/* With PSW bit 13 off an exigent machine check check-stops the CPU (CR14 bit 0 is on after reset);
   a repressible one waits: here the program never enables, so it runs to its end. */
START_TEST(test_machine_check_masked)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "X        START X'1000'\n" I("NOPR  0") I("LPSW  X'200'") I("END   X"));
    cpu_machine_check(t.c, 0x2000000000000000ull, false);
    cputest_run_at(&t, 0x1000, 0x0000, 10);
    cputest_expect_done(&t);
    cpu_machine_check(t.c, 0x8000000000000000ull, true);
    cputest_run_at(&t, 0x1000, 0x0000, 10);
    ck_assert_int_eq(t.reason, STOP_CHECK_STOP);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_external(void)
{
    Suite *s = suite_create("cpu_external");
    TCase *tc = tcase_create("presentation");
    tcase_add_test(tc, test_comparator_retaken_when_reenabled);
    tcase_add_test(tc, test_lctl_enables_pending_condition);
    tcase_add_test(tc, test_timer_and_key_in_one_code);
    tcase_add_test(tc, test_service_signal);
    tcase_add_test(tc, test_machine_check_taken);
    tcase_add_test(tc, test_machine_check_masked);
    suite_add_tcase(s, tc);
    return s;
}
