/*
 * test_debug.c - the operator's debugging controls (cpu370/debug.c): trace, stepping and breakpoints
 * seen through the `show` hook (which instructions, in what order, with which bytes), stopping before
 * an instruction and going on from there, address ranges as Hercules reads them, program
 * interruption reports, translation for displays without side effects, the PSW altered by fields,
 * and a machine given new storage and CPUs.  Expected values are worked out by hand from the test
 * programs and GA22-7000.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "cpu370/cpu_int.h"
#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

/* What the hooks saw. */
static struct {
    int shown;
    uint32_t address[64];
    unsigned matched[64];
    uint8_t first_byte[64];
    int fetch_errors;
    int interruptions, code, ilc;
} seen;

static void record_show(void *ctx, struct cpu *c, unsigned matched, uint32_t address, const uint8_t *inst)
{
    (void)ctx;
    (void)c;
    if (!inst) {
        seen.fetch_errors++;
        return;
    }
    if (seen.shown < 64) {
        seen.address[seen.shown] = address;
        seen.matched[seen.shown] = matched;
        seen.first_byte[seen.shown] = inst[0];
    }
    seen.shown++;
}

static void record_interruption(void *ctx, struct cpu *c, int code, int ilc)
{
    (void)ctx;
    (void)c;
    seen.interruptions++;
    seen.code = code;
    seen.ilc = ilc;
}

static struct cpu_debug debug_with(struct cpu_watch_range trace, struct cpu_watch_range step,
                                   struct cpu_watch_range breakpoint)
{
    memset(&seen, 0, sizeof seen);
    return (struct cpu_debug){trace, step, breakpoint, false, record_show, record_interruption, NULL};
}

static const struct cpu_watch_range off = {false, 0, 0};

/* A loop of three passes (R1 = 3 down to 0), R2 the sum 3+2+1 = 6:
     1000 BALR 12,0 / 1002 LA 1,3 / 1006 SR 2,2 / 1008 AR 2,1 / 100A BCT 1,X'1008' / 100E LPSW X'200' */
static const char *const loop =
    I("BALR  12,0") I("USING *,12") I("LA    1,3") I("SR    2,2") "LOOP     AR    2,1\n" I("BCT   1,LOOP");

START_TEST(test_trace_shows_each_instruction_in_its_range)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    struct cpu_debug d = debug_with((struct cpu_watch_range){true, 0x1008, 0x100A}, off, off);
    cpu_set_debug(t.c, &d);
    ck_assert_int_eq(cputest_run_body(&t, loop), STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 6);
    /* AR and BCT three times each, nothing outside 1008-100A */
    ck_assert_int_eq(seen.shown, 6);
    for (int i = 0; i < 6; i++) {
        ck_assert_uint_eq(seen.address[i], i % 2 ? 0x100A : 0x1008);
        ck_assert_uint_eq(seen.first_byte[i], i % 2 ? 0x46 : 0x1A);
        ck_assert_uint_eq(seen.matched[i], CPU_WATCH_TRACE);
    }
    /* everything: 0-0 */
    d = debug_with((struct cpu_watch_range){true, 0, 0}, off, off);
    cpu_set_debug(t.c, &d);
    cputest_run_at(&t, 0x1000, 0x0000, 1000);
    ck_assert_int_eq(seen.shown, 10); /* BALR LA SR (AR BCT)x3 LPSW */
    ck_assert_uint_eq(seen.address[9], 0x100E);
    /* off: the loop does not call in at all */
    d = debug_with(off, off, off);
    cpu_set_debug(t.c, &d);
    ck_assert(!debug_watching(t.c));
    cputest_run_at(&t, 0x1000, 0x0000, 1000);
    ck_assert_int_eq(seen.shown, 0);
    cputest_free(&t);
}
END_TEST

/* Hercules' ranges: 0-0 is every address, a reversed range is read the other way round. */
START_TEST(test_watch_ranges)
{
    struct cpu_watch_range all = {true, 0, 0}, range = {true, 0x200, 0x2FF}, reversed = {true, 0x2FF, 0x200};
    ck_assert(cpu_watch_contains(&all, 0xFFFFFF));
    ck_assert(cpu_watch_contains(&range, 0x200) && cpu_watch_contains(&range, 0x2FF));
    ck_assert(!cpu_watch_contains(&range, 0x1FF) && !cpu_watch_contains(&range, 0x300));
    ck_assert(cpu_watch_contains(&reversed, 0x250) && !cpu_watch_contains(&reversed, 0x300));
    ck_assert(!cpu_watch_contains(&off, 0));
}
END_TEST

/* Stepping: the CPU stops before each instruction; each start runs exactly one. */
START_TEST(test_stepping_runs_one_instruction_per_start)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    struct cpu_debug d = debug_with(off, (struct cpu_watch_range){true, 0, 0}, off);
    cpu_set_debug(t.c, &d);
    cputest_load(&t, "STEP     START X'1000'\n" I("LA    1,3") I("SR    2,2") I("LPSW  X'200'") I("END"));
    ck_assert_int_eq(cputest_run_at(&t, 0x1000, 0x0000, 1000), STOP_STOPPED);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 0);
    ck_assert_uint_eq(cpu_psw(t.c)->ia, 0x1000);
    ck_assert_int_eq(cpu_state(t.c), CPU_STOPPED);
    ck_assert_int_eq(seen.shown, 1);
    ck_assert_uint_eq(seen.matched[0], CPU_WATCH_STEP);
    cpu_start(t.c);
    ck_assert_int_eq(cpu_run(t.c, 1000), STOP_STOPPED);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 1);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 3);
    ck_assert_uint_eq(cpu_psw(t.c)->ia, 0x1004);
    ck_assert_int_eq(seen.shown, 2);
    ck_assert_uint_eq(seen.address[1], 0x1004);
    cpu_start(t.c);
    cpu_run(t.c, 1000);
    cpu_start(t.c);
    ck_assert_int_eq(cpu_run(t.c, 1000), STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 3);
    ck_assert_int_eq(seen.shown, 3);
    cputest_free(&t);
}
END_TEST

/* A breakpoint stops the CPU before the instruction each time it gets there; started, it goes on. */
START_TEST(test_breakpoint_stops_each_time_it_is_reached)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    struct cpu_debug d = debug_with(off, off, (struct cpu_watch_range){true, 0x100A, 0x100A});
    cpu_set_debug(t.c, &d);
    char source[512];
    snprintf(source, sizeof source, "BREAK    START X'1000'\n%s" I("LPSW  X'200'") I("END"), loop);
    cputest_load(&t, source);
    ck_assert_int_eq(cputest_run_at(&t, 0x1000, 0x0000, 1000), STOP_STOPPED);
    for (int pass = 1; pass <= 3; pass++) {
        ck_assert_uint_eq(cpu_psw(t.c)->ia, 0x100A);
        ck_assert_uint_eq(cpu_gr(t.c, 1), 4u - (uint32_t)pass);
        ck_assert_int_eq(seen.shown, pass);
        ck_assert_uint_eq(seen.matched[pass - 1], CPU_WATCH_BREAK);
        cpu_start(t.c);
        cpu_run(t.c, 1000);
    }
    ck_assert_int_eq(t.c->state, CPU_OPERATING);
    ck_assert(cpu_in_disabled_wait(t.c));
    ck_assert_uint_eq(cpu_gr(t.c, 2), 6);
    cputest_free(&t);
}
END_TEST

/* Stopped at a breakpoint, the operator moves the PSW to another watched address: the CPU stops
   there at once instead of running the instruction it was stopped before. */
START_TEST(test_moved_psw_is_watched_again)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    struct cpu_debug d = debug_with(off, off, (struct cpu_watch_range){true, 0x1000, 0x1004});
    cpu_set_debug(t.c, &d);
    cputest_load(&t, "MOVE     START X'1000'\n" I("LA    1,1") I("LA    2,2") I("LPSW  X'200'") I("END"));
    ck_assert_int_eq(cputest_run_at(&t, 0x1000, 0x0000, 1000), STOP_STOPPED);
    uint8_t psw[8];
    cpu_get_psw(t.c, psw);
    psw[7] = 0x04;
    cpu_set_psw(t.c, psw);
    cpu_start(t.c);
    ck_assert_int_eq(cpu_run(t.c, 1000), STOP_STOPPED);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 0);
    ck_assert_int_eq(seen.shown, 2);
    ck_assert_uint_eq(seen.address[1], 0x1004);
    cputest_free(&t);
}
END_TEST

START_TEST(test_program_interruptions_reported_when_asked)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    struct cpu_debug d = debug_with(off, off, off);
    cpu_set_debug(t.c, &d);
    ck_assert_int_eq(cputest_run_body(&t, I("DC    X'0000'")), STOP_DISABLED_WAIT);
    ck_assert_int_eq(seen.interruptions, 0);
    d.report_program_interruptions = true;
    cpu_set_debug(t.c, &d);
    ck_assert(!debug_watching(t.c)); /* no cost per instruction */
    ck_assert_int_eq(cputest_run_body(&t, I("LA    1,1") I("DC    X'0000'")), STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_PROGRAM);
    ck_assert_int_eq(seen.interruptions, 1);
    ck_assert_int_eq(seen.code, PGM_OPERATION);
    ck_assert_int_eq(seen.ilc, 1);
    cputest_free(&t);
}
END_TEST

/* Tables (4K pages, 64K segments): segment 0 valid with its page table at X'2000', page 0 in frame
   X'5000' and page 1 invalid; segment 1 invalid; CR1 length 0 (16 entries) at X'1000'. */
static void build_tables(struct cputest *t)
{
    static const uint8_t segments[8] = {0xF0, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x01};
    static const uint8_t pages[4] = {0x00, 0x50, 0x00, 0x08};
    ck_assert(machine_load(t->m, 0x1000, segments, 8));
    ck_assert(machine_load(t->m, 0x2000, pages, 4));
    cpu_set_cr(t->c, 0, 0x00800000);
    cpu_set_cr(t->c, 1, 0x00001000);
}

START_TEST(test_translation_for_displays)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t);
    uint32_t real = 0;
    ck_assert_int_eq(cpu_translate_for_display(t.c, 0x000123, &real), 0);
    ck_assert_uint_eq(real, 0x5123);
    ck_assert_int_eq(cpu_translate_for_display(t.c, 0x001000, &real), PGM_PAGE_TRANSLATION);
    ck_assert_int_eq(cpu_translate_for_display(t.c, 0x010000, &real), PGM_SEGMENT_TRANSLATION);
    /* segment 16 is past the table (length 0: 16 entries) */
    ck_assert_int_eq(cpu_translate_for_display(t.c, 0x100000, &real), PGM_SEGMENT_TRANSLATION);
    /* no reference bits, no TLB entry, no interruption */
    ck_assert_uint_eq(machine_storage_key(t.m, 0x1000), 0);
    ck_assert_uint_eq(machine_storage_key(t.m, 0x2000), 0);
    ck_assert_uint_eq(t.c->tlb[0].generation == t.c->tlb_generation && t.c->tlb[0].vpage == 0, 0);
    /* a page table beyond storage: addressing; a bad CR0 format: translation specification */
    cpu_set_cr(t.c, 1, 0x00FFF000);
    ck_assert_int_eq(cpu_translate_for_display(t.c, 0, &real), PGM_ADDRESSING);
    cpu_set_cr(t.c, 0, 0x00F80000);
    ck_assert_int_eq(cpu_translate_for_display(t.c, 0, &real), PGM_TRANSLATION_SPEC);
    cputest_free(&t);
}
END_TEST

/* With DAT on, the trace shows the instruction at its virtual address, fetched through the tables;
   one it cannot fetch is shown without bytes and then raises its exception. */
START_TEST(test_trace_fetches_through_translation)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t);
    static const uint8_t program[] = {
        0x41, 0x10, 0x00, 0x07, /* 800 LA  1,7 */
        0x41, 0x20, 0x08, 0x00, /* 804 LA  2,X'800' */
        0x41, 0x22, 0x08, 0x00, /* 808 LA  2,X'800'(2) */
        0x07, 0xF2,             /* 80C BCR 15,2        to X'1000' */
    };
    ck_assert(machine_load(t.m, 0x5800, program, sizeof program));
    struct cpu_debug d = debug_with((struct cpu_watch_range){true, 0, 0}, off, off);
    cpu_set_debug(t.c, &d);
    cputest_run_at(&t, 0x800, 0x0408, 100); /* EC mode, DAT on */
    ck_assert_uint_eq(cpu_gr(t.c, 1), 7);
    ck_assert_int_eq(seen.shown, 4);
    ck_assert_uint_eq(seen.first_byte[0], 0x41);
    ck_assert_uint_eq(seen.address[3], 0x80C);
    ck_assert_uint_eq(seen.first_byte[3], 0x07);
    ck_assert_int_eq(seen.fetch_errors, 1); /* X'1000': page 1 is invalid */
    ck_assert_uint_eq(cputest_program_code(&t), PGM_PAGE_TRANSLATION);
    cputest_free(&t);
}
END_TEST

START_TEST(test_psw_altered_by_fields)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    struct psw p = *cpu_psw(t.c);
    p.sysmask = 0xFF;
    p.key = 5;
    p.cc = 2;
    p.progmask = 0xF;
    p.ia = 0x400;
    cpu_set_psw_fields(t.c, &p);
    uint8_t psw[8];
    cpu_get_psw(t.c, psw);
    static const uint8_t bc[8] = {0xFF, 0x50, 0x00, 0x00, 0x2F, 0x00, 0x04, 0x00};
    ck_assert_mem_eq(psw, bc, 8);
    p.ec = true; /* the same fields in EC format: cc and program mask move to byte 2 */
    p.sysmask = 0x04;
    cpu_set_psw_fields(t.c, &p);
    cpu_get_psw(t.c, psw);
    static const uint8_t ec[8] = {0x04, 0x58, 0x2F, 0x00, 0x00, 0x00, 0x04, 0x00};
    ck_assert_mem_eq(psw, ec, 8);
    ck_assert(!cpu_psw(t.c)->invalid);
    cputest_free(&t);
}
END_TEST

START_TEST(test_machine_reconfigured)
{
    struct cputest t;
    cputest_init(&t, 1u << 20, 1);
    machine_storage(t.m)[0x1000] = 0xAA;
    cpu_set_gr(t.c, 3, 3);
    ck_assert(machine_reconfigure(t.m, 2u << 20, 3));
    ck_assert_uint_eq(machine_storage_size(t.m), 2u << 20);
    ck_assert_uint_eq(machine_storage(t.m)[0x1000], 0);
    ck_assert_int_eq(machine_ncpus(t.m), 3);
    ck_assert_uint_eq(cpu_cr(machine_cpu(t.m, 2), 2), 0xFFFFFFFF); /* after initial CPU reset */
    ck_assert_uint_eq(cpu_gr(t.c, 3), 3);                           /* CPU 0 is left alone */
    /* a program still runs on the new storage (with the done PSW the cleared storage lost) */
    static const uint8_t done[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    ck_assert(machine_load(t.m, CPUTEST_DONE_PSW, done, 8));
    ck_assert_int_eq(cputest_run_body(&t, I("LA    1,9")), STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 9);
    ck_assert(machine_reconfigure(t.m, 64u << 10, 1));
    ck_assert_int_eq(machine_ncpus(t.m), 1);
    ck_assert_ptr_null(machine_cpu(t.m, 2));
    /* refused, nothing changed */
    ck_assert(!machine_reconfigure(t.m, 1000, 1));
    ck_assert(!machine_reconfigure(t.m, 64u << 10, 5));
    ck_assert(!machine_reconfigure(t.m, 32u << 20, 1));
    ck_assert_uint_eq(machine_storage_size(t.m), 64u << 10);
    cputest_free(&t);
}
END_TEST

/* CPU threads: halted for the change and running again afterwards, new CPUs included. */
START_TEST(test_reconfigured_while_threads_run)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    machine_start(t.m);
    ck_assert(machine_reconfigure(t.m, 1u << 20, 2));
    static const uint8_t restart_psw[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xBE, 0xEF};
    ck_assert(machine_load(t.m, 0, restart_psw, 8));
    cpu_restart(machine_cpu(t.m, 1));
    ck_assert(machine_wait_idle(t.m, 5000));
    ck_assert(cpu_in_disabled_wait(machine_cpu(t.m, 1)));
    ck_assert_uint_eq(cpu_psw(machine_cpu(t.m, 1))->ia, 0xBEEF);
    machine_halt(t.m);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_debug(void)
{
    Suite *s = suite_create("cpu_debug");
    TCase *c = tcase_create("debug");
    tcase_set_timeout(c, 30);
    tcase_add_test(c, test_trace_shows_each_instruction_in_its_range);
    tcase_add_test(c, test_watch_ranges);
    tcase_add_test(c, test_stepping_runs_one_instruction_per_start);
    tcase_add_test(c, test_breakpoint_stops_each_time_it_is_reached);
    tcase_add_test(c, test_moved_psw_is_watched_again);
    tcase_add_test(c, test_program_interruptions_reported_when_asked);
    tcase_add_test(c, test_translation_for_displays);
    tcase_add_test(c, test_trace_fetches_through_translation);
    tcase_add_test(c, test_psw_altered_by_fields);
    tcase_add_test(c, test_machine_reconfigured);
    tcase_add_test(c, test_reconfigured_while_threads_run);
    suite_add_tcase(s, c);
    return s;
}
