/*
 * test_per.c - program-event recording (cpu370/per.c): each event (successful branch, instruction
 * fetch, storage alteration, general-register alteration) with its CR9 mask, the general-register
 * masks, the CR10-CR11 area including areas that wrap, events combined, and events indicated together
 * with another program interruption (operation, protection, segment translation, monitor event, an
 * invalid PSW from LPSW).  Expected values are worked out by hand from GA22-7000, "Program-Event
 * Recording": code X'80' (ORed into another code), the PER code at 150, the address at 152.
 */
#include <check.h>
#include <stdio.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
#define STOP I("DC    X'0000'")

enum {
    EC_PER = 0x4008, /* PSW bytes 0-1: PER mask on, EC mode, key 0, supervisor */
    BRANCH = 0x8000, /* PER code bits, and (shifted left 16) the CR9 event masks */
    FETCH = 0x4000,
    STORE = 0x2000,
    REGISTER = 0x1000,
    INITIAL_CR0 = 0x000000E0,
};

/* Monitor `events` (PER code bits) and general registers `registers` (bit 15 - r for register r) in
   the area start..end, then run body at X'1000' (R12 its base) to LPSW X'200', the done PSW. */
static void run(struct cputest *t, uint16_t psw_high, uint16_t events, uint16_t registers, uint32_t start, uint32_t end,
                const char *body)
{
    char source[4096];
    snprintf(source, sizeof source, "X        START X'1000'\n" I("USING X,12") "%s" I("LPSW  X'200'") I("END   X"),
             body);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, 0x1000);
    cpu_set_cr(t->c, 9, (uint32_t)events << 16 | registers);
    cpu_set_cr(t->c, 10, start);
    cpu_set_cr(t->c, 11, end);
    cputest_run_at(t, 0x1000, psw_high, 1000);
}

static uint16_t halfword(struct cputest *t, uint32_t address)
{
    return (uint16_t)(cputest_word(t, address & ~3u) >> (address & 2 ? 0 : 16));
}

/* A program interruption with code `code` (X'80' included) and PER code `per_code` for the instruction
   at `per_address`; the old PSW at old_address. */
static void expect_per(struct cputest *t, uint16_t code, uint16_t per_code, uint32_t per_address, uint32_t old_address)
{
    cputest_expect_program(t, code);
    ck_assert_uint_eq(halfword(t, 0x96), per_code);
    ck_assert_uint_eq(cputest_word(t, 0x98), per_address);
    ck_assert_uint_eq(cputest_program_old_address(t), old_address);
}

/* ---- storage alteration --------------------------------------------------------------------------- */

/* ST into X'800'-X'8FF': the instruction completes (X'810' holds R2), then the PER interruption: code
   X'80', PER code 2000 (bit 2), PER address X'1000', old PSW past the ST, ILC 2. */
START_TEST(test_storage_alteration)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 2, 0x12345678);
    run(&t, EC_PER, STORE, 0, 0x800, 0x8FF, I("ST    2,X'810'"));
    expect_per(&t, PGM_PER_EVENT, STORE, 0x1000, 0x1004);
    ck_assert_uint_eq(cputest_program_ilc(&t), 2);
    ck_assert_uint_eq(cputest_word(&t, 0x810), 0x12345678);
    cputest_free(&t);
}
END_TEST

/* An operand is in the area when any of its bytes is: ST at X'7FE' (X'7FE'-X'801') and X'8FF' are, ST
   at X'7FC' and X'900' are not; with the area X'F0000'-X'100' wrapping past X'FFFFFF', X'F0010',
   X'EFFFE' (reaching X'F0001'), X'80' and X'100' are in it, X'101' and X'800' are not. */
START_TEST(test_storage_area_edges_and_wrap)
{
    static const struct {
        uint32_t start, end, address;
        bool event;
    } cases[] = {
        {0x800, 0x8FF, 0x7FE, true},    {0x800, 0x8FF, 0x8FF, true},     {0x800, 0x8FF, 0x7FC, false},
        {0x800, 0x8FF, 0x900, false},   {0xF0000, 0x100, 0xF0010, true}, {0xF0000, 0x100, 0xEFFFE, true},
        {0xF0000, 0x100, 0x80, true},   {0xF0000, 0x100, 0x100, true},   {0xF0000, 0x100, 0x101, false},
        {0xF0000, 0x100, 0x800, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        cpu_set_gr(t.c, 1, cases[i].address);
        run(&t, EC_PER, STORE, 0, cases[i].start, cases[i].end, I("ST    2,0(1)"));
        if (cases[i].event)
            expect_per(&t, PGM_PER_EVENT, STORE, 0x1000, 0x1004);
        else
            cputest_expect_done(&t);
        cputest_free(&t);
    }
}
END_TEST

/* Stores by other instructions are monitored alike: MVC X'900'(8),X'800' stores X'900'-X'907', an
   event for the area X'907'-X'907' but not for X'908'-X'9FF'. */
START_TEST(test_storage_alteration_by_mvc)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run(&t, EC_PER, STORE, 0, 0x907, 0x907, I("MVC   X'900'(8),X'800'"));
    expect_per(&t, PGM_PER_EVENT, STORE, 0x1000, 0x1006);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    run(&t, EC_PER, STORE, 0, 0x908, 0x9FF, I("MVC   X'900'(8),X'800'"));
    cputest_expect_done(&t);
    cputest_free(&t);
}
END_TEST

/* ---- general-register alteration ------------------------------------------------------------------ */

/* With only R5 monitored (mask bit 21), LR 6,2 is no event and LR 5,2 is (PER code 1000, ILC 1); with
   R0 monitored (bit 16), LA 0,1 is. */
START_TEST(test_register_alteration)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 2, 7);
    run(&t, EC_PER, REGISTER, 0x0400, 0, 0xFFFFFF, I("LR    6,2"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 6), 7);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 2, 7);
    run(&t, EC_PER, REGISTER, 0x0400, 0, 0xFFFFFF, I("LR    5,2"));
    expect_per(&t, PGM_PER_EVENT, REGISTER, 0x1000, 0x1002);
    ck_assert_uint_eq(cputest_program_ilc(&t), 1);
    ck_assert_uint_eq(cpu_gr(t.c, 5), 7);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    run(&t, EC_PER, REGISTER, 0x8000, 0, 0xFFFFFF, I("LA    0,1"));
    expect_per(&t, PGM_PER_EVENT, REGISTER, 0x1000, 0x1004);
    cputest_free(&t);
}
END_TEST

/* ---- successful branching ------------------------------------------------------------------------- */

/* B T is an event (PER code 8000): the PER address is the branch, the old PSW points at the target.
   BC 0, BCR 15,0 and BALR 14,0 do not branch: no event, the STOP is reached (code 1 alone). */
START_TEST(test_successful_branching)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run(&t, EC_PER, BRANCH, 0, 0, 0, I("B     T") STOP "T        DS    0H\n");
    expect_per(&t, PGM_PER_EVENT, BRANCH, 0x1000, 0x1006);
    cputest_free(&t);

    static const char *const no_branch[] = {I("BC    0,T") STOP "T        DS    0H\n", I("BCR   15,0") STOP,
                                            I("BALR  14,0") STOP};
    for (int i = 0; i < 3; i++) {
        cputest_init(&t, 0, 1);
        run(&t, EC_PER, BRANCH, 0, 0, 0, no_branch[i]);
        cputest_expect_program(&t, PGM_OPERATION);
        cputest_free(&t);
    }
}
END_TEST

/* ---- instruction fetching ------------------------------------------------------------------------- */

/* Three LRs at X'1000', X'1002', X'1004'.  The area X'1004'-X'1004' holds the first byte of the third:
   event there (old PSW X'1006', ILC 1).  X'1005' alone holds no first byte: no event.  The wrapping
   area X'1004'-X'FFF' (everything but X'1000'-X'1003') first catches X'1004'; X'FF0000'-X'1001'
   catches X'1000'. */
START_TEST(test_instruction_fetching)
{
    static const struct {
        uint32_t start, end, event_at;
    } cases[] = {{0x1004, 0x1004, 0x1004}, {0x1005, 0x1005, 0}, {0x1004, 0x0FFF, 0x1004}, {0xFF0000, 0x1001, 0x1000}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        run(&t, EC_PER, FETCH, 0, cases[i].start, cases[i].end, I("LR    2,2") I("LR    3,3") I("LR    4,4"));
        if (cases[i].event_at) {
            expect_per(&t, PGM_PER_EVENT, FETCH, cases[i].event_at, cases[i].event_at + 2);
            ck_assert_uint_eq(cputest_program_ilc(&t), 1);
        } else {
            cputest_expect_done(&t);
        }
        cputest_free(&t);
    }
}
END_TEST

/* ---- events together ------------------------------------------------------------------------------ */

/* ST X'800' fetched from and storing into the area: PER code 6000.  BAL 5,T with every event and
   register monitored: branch, fetch and R5 altered, D000. */
START_TEST(test_events_combined)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run(&t, EC_PER, FETCH | STORE, 0, 0x800, 0x1FFF, I("ST    2,X'800'"));
    expect_per(&t, PGM_PER_EVENT, FETCH | STORE, 0x1000, 0x1004);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    run(&t, EC_PER, BRANCH | FETCH | STORE | REGISTER, 0xFFFF, 0, 0xFFFFFF, I("BAL   5,T") STOP "T        DS    0H\n");
    expect_per(&t, PGM_PER_EVENT, BRANCH | FETCH | REGISTER, 0x1000, 0x1006);
    cputest_free(&t);
}
END_TEST

/* PER is off without PSW bit 1 in EC mode, and in BC mode bit 1 is channel mask 1. */
START_TEST(test_per_mask_off)
{
    static const uint16_t psw_highs[] = {0x0008, 0x4000};
    for (int i = 0; i < 2; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        cpu_set_gr(t.c, 2, 1);
        run(&t, psw_highs[i], BRANCH | FETCH | STORE | REGISTER, 0xFFFF, 0, 0xFFFFFF,
            I("ST    2,X'800'") I("LR    3,2") I("B     T") "T        DS    0H\n");
        cputest_expect_done(&t);
        cputest_free(&t);
    }
}
END_TEST

/* ---- with other program interruptions ------------------------------------------------------------- */

/* An invalid operation fetched from the area: the operation exception and the fetch event together,
   code X'81', ILC 1. */
START_TEST(test_with_operation_exception)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run(&t, EC_PER, FETCH, 0, 0x1000, 0x1001, STOP);
    expect_per(&t, PGM_OPERATION | PGM_PER_EVENT, FETCH, 0x1000, 0x1002);
    ck_assert_uint_eq(cputest_program_ilc(&t), 1);
    cputest_free(&t);
}
END_TEST

/* A store refused by low-address protection: X'84' with the fetch event (whether a model also
   indicates storage alteration for a terminated store is left open by the architecture). */
START_TEST(test_with_protection)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 0, INITIAL_CR0 | 0x10000000);
    run(&t, EC_PER, FETCH | STORE, 0, 0, 0xFFFFFF, I("ST    2,X'100'"));
    cputest_expect_program(&t, PGM_PROTECTION | PGM_PER_EVENT);
    ck_assert_uint_eq(halfword(&t, 0x96) & (BRANCH | FETCH | REGISTER), FETCH);
    ck_assert_uint_eq(cputest_word(&t, 0x98), 0x1000);
    cputest_free(&t);
}
END_TEST

/* A store nullified by a segment-translation exception (DAT on, segment 1 invalid): X'90' with the
   fetch event only; storage alteration is not indicated for a nullified instruction. */
START_TEST(test_with_nullified_store)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 0, INITIAL_CR0 | 0x00800000); /* 4K pages, 64K segments */
    cpu_set_cr(t.c, 1, 0x6000);
    cputest_set_word(&t, 0x6000, 0xF0007000);
    for (uint32_t s = 1; s < 16; s++)
        cputest_set_word(&t, 0x6000 + 4 * s, 1);
    for (uint32_t p = 0; p < 16; p += 2) /* page p at frame p: entries p << 4 */
        cputest_set_word(&t, 0x7000 + 2 * p, (p << 4) << 16 | (p + 1) << 4);
    cpu_set_gr(t.c, 1, 0x10000);
    run(&t, 0x4408, FETCH | STORE, 0, 0, 0xFFFFFF, I("ST    2,0(1)"));
    expect_per(&t, PGM_SEGMENT_TRANSLATION | PGM_PER_EVENT, FETCH, 0x1000, 0x1000);
    cputest_free(&t);
}
END_TEST

/* MONITOR CALL completes: monitor event and fetch event together, X'C0', class and code stored too. */
START_TEST(test_with_monitor_event)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 8, 0x00008000);
    run(&t, EC_PER, FETCH, 0, 0x1000, 0x1000, I("MC    X'321',0"));
    expect_per(&t, PGM_MONITOR_EVENT | PGM_PER_EVENT, FETCH, 0x1000, 0x1004);
    ck_assert_uint_eq(halfword(&t, 0x94), 0);
    ck_assert_uint_eq(cputest_word(&t, 0x9C), 0x321);
    cputest_free(&t);
}
END_TEST

/* LPSW fetched from the area loads an invalid PSW: the PER event and the specification exception are
   indicated together, X'86', with ILC 0 and the invalid PSW as old PSW. */
START_TEST(test_with_invalid_psw_from_lpsw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x800, 0x00080000);
    cputest_set_word(&t, 0x804, 0x01001006);
    run(&t, EC_PER, FETCH, 0, 0x1000, 0x1003, I("LPSW  X'800'"));
    expect_per(&t, PGM_SPECIFICATION | PGM_PER_EVENT, FETCH, 0x1000, 0x1006);
    ck_assert_uint_eq(cputest_program_ilc(&t), 0);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x28), 0x0008000001001006);
    cputest_free(&t);
}
END_TEST

/* SSM fetched from the area turns PER off: the event happened while PER was on, so the interruption
   follows the SSM, and the old PSW has the new mask. */
START_TEST(test_event_before_ssm_turns_per_off)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run(&t, EC_PER, FETCH, 0, 0x1000, 0x1003, I("SSM   X'800'"));
    expect_per(&t, PGM_PER_EVENT, FETCH, 0x1000, 0x1004);
    ck_assert_uint_eq(cputest_word(&t, 0x28), 0x00080000);
    cputest_free(&t);
}
END_TEST

Suite *suite_per(void)
{
    Suite *s = suite_create("per");
    TCase *events = tcase_create("events");
    tcase_add_test(events, test_storage_alteration);
    tcase_add_test(events, test_storage_area_edges_and_wrap);
    tcase_add_test(events, test_storage_alteration_by_mvc);
    tcase_add_test(events, test_register_alteration);
    tcase_add_test(events, test_successful_branching);
    tcase_add_test(events, test_instruction_fetching);
    tcase_add_test(events, test_events_combined);
    tcase_add_test(events, test_per_mask_off);
    suite_add_tcase(s, events);
    TCase *concurrent = tcase_create("concurrent");
    tcase_add_test(concurrent, test_with_operation_exception);
    tcase_add_test(concurrent, test_with_protection);
    tcase_add_test(concurrent, test_with_nullified_store);
    tcase_add_test(concurrent, test_with_monitor_event);
    tcase_add_test(concurrent, test_with_invalid_psw_from_lpsw);
    tcase_add_test(concurrent, test_event_before_ssm_turns_per_off);
    suite_add_tcase(s, concurrent);
    return s;
}
