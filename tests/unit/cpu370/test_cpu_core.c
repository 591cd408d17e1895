/*
 * test_cpu_core.c - the instruction loop and interruption machinery, independent of any instruction
 * group: program interruptions with the right code, ILC and old-PSW address (BC and EC mode),
 * EXECUTE's rules, instruction-fetch exceptions, invalid PSWs, privileged operations in problem
 * state, the restart key, I/O instructions without a channel subsystem, and the instruction counter.
 * Expected values come from GA22-7000's descriptions of the PSW and of program interruptions.
 */
#include <check.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

/* X'00' is not an operation: program interruption 1; ILC 1 (a 2-byte instruction); the old PSW
   points past it (the operation is suppressed). */
START_TEST(test_operation_exception_bc)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_body(&t, I("DC    X'0000'"));
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_ilc(&t), 1);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1002);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 1);
    cputest_free(&t);
}
END_TEST

/* The same in EC mode: the code goes to X'8E', the ILC to bits 5-6 of X'8D'; a 6-byte unassigned
   opcode (X'E0') gives ILC 3. */
START_TEST(test_operation_exception_ec)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "X        START X'1000'\n" I("DC    X'E00000000000'") I("END   X"));
    cputest_run_at(&t, 0x1000, 0x0008, 100);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_ilc(&t), 3);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1006);
    /* the EC-mode old PSW keeps bit 12 on and its interruption code field zero */
    ck_assert_uint_eq(cputest_word(&t, 0x28), 0x00080000);
    ck_assert_uint_eq(cputest_word(&t, 0x8C), 0x00060001); /* ILC 3 in bits 5-6 of X'8D' */
    cputest_free(&t);
}
END_TEST

/* EXECUTE of EXECUTE: execute exception (3); the old PSW points after the first EX, ILC 2. */
START_TEST(test_execute_of_execute)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "X        START X'1000'\n" I("EX    0,4(0,11)") I("EX    0,0(0,11)") I("END   X"));
    cpu_set_gr(t.c, 11, 0x1000);
    cputest_run_at(&t, 0x1000, 0x0000, 10);
    cputest_expect_program(&t, PGM_EXECUTE);
    ck_assert_uint_eq(cputest_program_ilc(&t), 2);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1004);
    cputest_free(&t);
}
END_TEST

/* EX of an odd address: specification exception. */
START_TEST(test_execute_odd_target)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "X        START X'1000'\n" I("EX    0,1(0,11)") I("END   X"));
    cpu_set_gr(t.c, 11, 0x1000);
    cputest_run_at(&t, 0x1000, 0x0000, 10);
    cputest_expect_program(&t, PGM_SPECIFICATION);
    cputest_free(&t);
}
END_TEST

/* A PSW with an odd instruction address: specification exception at the fetch.  GA22-7000 ("ILC on
   Instruction Fetch Exceptions"): the ILC is 1, 2 or 3, the number of halfwords by which the
   instruction address was incremented, so old address - 2 * ILC is the failing address; this CPU
   always increments by one halfword. */
START_TEST(test_odd_instruction_address)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_at(&t, 0x1001, 0x0000, 10);
    cputest_expect_program(&t, PGM_SPECIFICATION);
    ck_assert_uint_eq(cputest_program_ilc(&t), 1);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1003);
    cputest_free(&t);
}
END_TEST

/* Instruction address beyond the end of storage: addressing exception, ILC 1, the address advanced
   by one halfword. */
START_TEST(test_fetch_beyond_storage)
{
    struct cputest t;
    cputest_init(&t, 64 * 1024, 1);
    cputest_run_at(&t, 0x20000, 0x0000, 10);
    cputest_expect_program(&t, PGM_ADDRESSING);
    ck_assert_uint_eq(cputest_program_ilc(&t), 1);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x20002);
    cputest_free(&t);
}
END_TEST

/* A 6-byte instruction whose last halfwords lie beyond the end of storage: the first halfword told
   the length, so the ILC is 3 and the address advanced past the whole instruction. */
START_TEST(test_fetch_crossing_end_of_storage)
{
    struct cputest t;
    cputest_init(&t, 64 * 1024, 1);
    uint8_t mvc[2] = {0xD2, 0x00};
    machine_load(t.m, 0xFFFE, mvc, 2);
    cputest_run_at(&t, 0xFFFE, 0x0000, 10);
    cputest_expect_program(&t, PGM_ADDRESSING);
    ck_assert_uint_eq(cputest_program_ilc(&t), 3);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x10004);
    cputest_free(&t);
}
END_TEST

/* An EC-mode PSW with a reserved bit (bit 0) on is invalid: specification exception when it becomes
   current, before any instruction is fetched; the old PSW is the invalid one. */
START_TEST(test_invalid_ec_psw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_at(&t, 0x1000, 0x8008, 10);
    cputest_expect_program(&t, PGM_SPECIFICATION);
    ck_assert_uint_eq(cputest_word(&t, 0x28), 0x80080000);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 0);
    cputest_free(&t);
}
END_TEST

/* An invalid PSW with the wait bit on is not a wait: the specification exception comes first. */
START_TEST(test_invalid_wait_psw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_at(&t, 0x1000, 0x800A, 10);
    cputest_expect_program(&t, PGM_SPECIFICATION);
    ck_assert_uint_eq(cputest_word(&t, 0x28), 0x800A0000);
    cputest_free(&t);
}
END_TEST

/* An invalid program new PSW makes every program interruption cause another, with no instruction
   ever completing: the CPU enters the check-stop state instead of looping forever. */
START_TEST(test_program_interruption_loop_check_stops)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x68, 0x80080000); /* EC mode with bit 0 on: invalid */
    cputest_run_body(&t, I("DC    X'0000'"));
    ck_assert_int_eq(t.reason, STOP_CHECK_STOP);
    ck_assert_int_eq(cpu_state(t.c), CPU_CHECK_STOP);
    cputest_free(&t);
}
END_TEST

/* SIO in problem state: privileged-operation exception (2). */
START_TEST(test_privileged_in_problem_state)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "X        START X'1000'\n" I("SIO   X'00E'") I("END   X"));
    cputest_run_at(&t, 0x1000, 0x0001, 10);
    cputest_expect_program(&t, PGM_PRIVILEGED);
    ck_assert_uint_eq(cputest_program_ilc(&t), 2);
    cputest_free(&t);
}
END_TEST

/* Without a channel subsystem every device is not operational: SIO sets cc 3.  The next (invalid)
   instruction stops the program so the old PSW shows the cc (BC mode: bits 34-35). */
START_TEST(test_io_without_channels)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_run_body(&t, I("SIO   X'00E'") I("DC    X'0000'"));
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_cc(&t), 3);
    cputest_free(&t);
}
END_TEST

/* The restart key: the current PSW goes to X'08', the new PSW comes from X'00'. */
START_TEST(test_restart)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    uint8_t wait[8] = {0x00, 0x0A, 0, 0, 0, 0x12, 0x34, 0x56}; /* EC-mode enabled? no: disabled wait */
    cpu_set_psw(t.c, wait);
    cpu_restart(t.c);
    t.reason = cpu_run(t.c, 10);
    ck_assert_int_eq(t.reason, STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_RESTART);
    ck_assert_uint_eq(cputest_word(&t, 0x08), 0x000A0000);
    ck_assert_uint_eq(cputest_word(&t, 0x0C), 0x00123456);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_core(void)
{
    Suite *s = suite_create("cpu_core");
    TCase *tc = tcase_create("loop");
    tcase_add_test(tc, test_operation_exception_bc);
    tcase_add_test(tc, test_operation_exception_ec);
    tcase_add_test(tc, test_execute_of_execute);
    tcase_add_test(tc, test_execute_odd_target);
    tcase_add_test(tc, test_odd_instruction_address);
    tcase_add_test(tc, test_fetch_beyond_storage);
    tcase_add_test(tc, test_fetch_crossing_end_of_storage);
    tcase_add_test(tc, test_invalid_ec_psw);
    tcase_add_test(tc, test_invalid_wait_psw);
    tcase_add_test(tc, test_program_interruption_loop_check_stops);
    tcase_add_test(tc, test_privileged_in_problem_state);
    tcase_add_test(tc, test_io_without_channels);
    tcase_add_test(tc, test_restart);
    suite_add_tcase(s, tc);
    return s;
}
