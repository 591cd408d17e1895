/*
 * test_printer.c - the line printers: write with space 0-3 and skip, immediate space and skip, form
 * feeds, the carriage tape (default, named, cctape=) and the 3211's FCB (fcb=, Load FCB), channel 9
 * and 12 signals, a missing channel, UCS loads (Hercules' 1403.tst channel program included: its
 * expected CSW is Hercules' own), fold, line length, crlf, append, and definition errors.  Output files
 * are compared byte for byte.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/devices/urtest.h"

enum { OK = UNIT_CHANNEL_END | UNIT_DEVICE_END };

static void open_printer(struct ur_bench *b, const char *type, const char *options)
{
    ur_bench_open(b, type, 0x00E, options);
}

static void expect_file(struct ur_bench *b, const char *want)
{
    ur_expect_file(b, want, strlen(want));
}

/* Write `text` (as EBCDIC) with the command; assert the status. */
static void print(struct ur_bench *b, uint8_t command, const char *text, uint8_t status)
{
    uint8_t line[200];
    ur_ebcdic(line, text);
    struct io_request r = ur_exec(b->d, command, line, (uint32_t)strlen(text));
    ur_expect(&r, status, 0);
}

static void control(struct ur_bench *b, uint8_t command, uint8_t status)
{
    uint8_t none[1];
    struct io_request r = ur_exec(b->d, command, none, 1);
    ur_expect(&r, status, 0);
}

START_TEST(test_write_and_space)
{
    struct ur_bench b;
    open_printer(&b, "1403", "");
    print(&b, 0x09, "LINE ONE   ", OK); /* space 1; trailing blanks dropped */
    print(&b, 0x01, "OVER", OK);        /* no space: a carriage return, the next line prints over it */
    print(&b, 0x11, "____", OK);        /* space 2 */
    print(&b, 0x19, "X", OK);           /* space 3 */
    control(&b, 0x0B, OK);              /* space 1, 2, 3 immediate */
    control(&b, 0x13, OK);
    control(&b, 0x1B, OK);
    expect_file(&b, "LINE ONE\nOVER\r____\n\nX\n\n\n\n\n\n\n\n\n");
    ur_bench_close(&b);
}
END_TEST

/* Characters without a graphic print as blanks; a line is 132 positions, more is a residual. */
START_TEST(test_line_contents)
{
    struct ur_bench b;
    open_printer(&b, "1403", "crlf");
    uint8_t line[140];
    memset(line, 0xC1, sizeof line);
    line[1] = 0x00;
    line[2] = 0x25;
    struct io_request r = ur_exec(b.d, 0x09, line, 140);
    ur_expect(&r, OK, 8);
    char want[200] = "A  ";
    memset(want + 3, 'A', 129);
    strcpy(want + 132, "\r\n");
    expect_file(&b, want);
    ur_bench_close(&b);
}
END_TEST

/* The default tape (Hercules' "legacy"): channel 1 at line 1, channel 2 at line 7, 66 lines. */
START_TEST(test_skips)
{
    struct ur_bench b;
    open_printer(&b, "1403", "");
    control(&b, 0x8B, OK);      /* skip to channel 1 immediate at line 1: no motion */
    print(&b, 0x89, "A", OK);   /* write and skip to channel 1 at line 1: a whole page */
    control(&b, 0x93, OK);      /* skip to channel 2: line 7 */
    print(&b, 0x91, "B", OK);   /* write and skip to channel 2 at line 7: to line 7 of the next page */
    print(&b, 0x01, "C", OK);   /* write without spacing at channel 2 ... */
    control(&b, 0x93, OK);      /* ... then skip immediate to it: the carriage moves a page */
    control(&b, 0x8B, OK);      /* back to line 1 */
    expect_file(&b, "A\f\n\n\n\n\n\nB\f\n\n\n\n\n\nC\r\f\n\n\n\n\n\n\f");
    ur_bench_close(&b);
}
END_TEST

/* A small form: channel 1 at line 1, 9 at line 3, 12 at line 5, six lines.  Spacing onto channel 9 is
   unit check (sense X'01'), onto channel 12 unit exception; a skip does not signal them. */
START_TEST(test_channel_9_and_12)
{
    struct ur_bench b;
    open_printer(&b, "1403", "cctape=(1=1,3=9,5=12) lpp=6");
    print(&b, 0x09, "1", OK);
    print(&b, 0x09, "2", OK | UNIT_CHECK);
    static const uint8_t channel_9[1] = {0x01};
    ur_expect_sense(b.d, channel_9, 1);
    control(&b, 0x13, OK | UNIT_EXCEPTION); /* line 3 to 5 */
    control(&b, 0x0B, OK);                  /* line 6 */
    control(&b, 0x0B, OK);                  /* over the end of the form to line 1: no form feed */
    control(&b, 0xE3, OK);                  /* skip to channel 12: line 5 */
    control(&b, 0xCB, OK);                  /* skip to channel 9: line 3 of the next form */
    control(&b, 0xAB, OK | UNIT_CHECK);     /* channel 5 is not punched */
    static const uint8_t intervention[1] = {0x40};
    ur_expect_sense(b.d, intervention, 1);
    expect_file(&b, "1\n2\n\n\n\n\n\n\n\n\n\f\n\n");
    ur_bench_close(&b);
}
END_TEST

/* Channel lists on one line, a named tape. */
START_TEST(test_named_and_listed_tapes)
{
    struct ur_bench b;
    open_printer(&b, "1403", "cctape=(2=(1,2),4=3) lpp=4");
    control(&b, 0x8B, OK); /* channel 1: line 2 */
    control(&b, 0x93, OK); /* channel 2 at line 2 already: no motion */
    control(&b, 0x9B, OK); /* channel 3: line 4 */
    expect_file(&b, "\n\n\n");
    ur_bench_close(&b);
    open_printer(&b, "1403", "cctape=fcb2id1");
    control(&b, 0x93, OK); /* channel 2 at line 8 of 88 */
    expect_file(&b, "\n\n\n\n\n\n\n");
    ur_bench_close(&b);
}
END_TEST

/* The 3211's FCB: fcb= on the statement, then Load FCB X'63': line 1 channel 1, line 4 channel 12 and
   the last (X'1C').  The 3211 reports no residual for it; the 3203 does. */
START_TEST(test_fcb)
{
    struct ur_bench b;
    open_printer(&b, "3211", "fcb=1:1,12:3 lpp=4");
    control(&b, 0x13, OK | UNIT_EXCEPTION);
    uint8_t fcb[6] = {0x01, 0x00, 0x00, 0x1C, 0xFF, 0xFF};
    struct io_request r = ur_exec(b.d, 0x63, fcb, 6);
    ur_expect(&r, OK, 0);
    control(&b, 0x1B, OK | UNIT_EXCEPTION); /* from line 1 of the new form to line 4: channel 12 */
    control(&b, 0x8B, OK);                  /* back to line 1: form feed */
    uint8_t no_end[3] = {0x01, 0x00, 0x00}; /* no last line: load check, the old FCB stays */
    r = ur_exec(b.d, 0x63, no_end, 3);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t load_check[1] = {0x02};
    ur_expect_sense(b.d, load_check, 1);
    control(&b, 0xE3, OK);
    expect_file(&b, "\n\n\n\n\n\f\n\n\n");
    ur_bench_close(&b);
    open_printer(&b, "3203", "");
    uint8_t indexed[5] = {0x81, 0x01, 0x00, 0x10, 0xEE}; /* index byte, three lines, one byte left */
    r = ur_exec(b.d, 0x63, indexed, 5);
    ur_expect(&r, OK, 1);
    control(&b, 0x0B, OK);
    control(&b, 0x0B, OK);
    control(&b, 0x0B, OK); /* wraps at line 3 */
    control(&b, 0x8B, OK); /* at channel 1 already */
    control(&b, 0x93, OK | UNIT_CHECK); /* the new FCB has no channel 2 */
    expect_file(&b, "\n\n\n");
    ur_bench_close(&b);
}
END_TEST

/* UCS: on a 1403 only after UCS Gate Load in the same channel program; 240 bytes; Load UCS and Fold
   prints lower case as upper case.  The 3211 takes 432 bytes without a gate, and fold commands. */
START_TEST(test_ucs_and_fold)
{
    struct ur_bench b;
    open_printer(&b, "1403", "");
    uint8_t ucs[500] = {0};
    struct io_request r = ur_exec(b.d, 0xFB, ucs, 240);
    ur_expect(&r, OK | UNIT_CHECK, 240);
    r = ur_exec(b.d, 0xEB, ucs, 1);
    ur_expect(&r, OK, 0);
    r = ur_exec_after(b.d, 0xEB, 0xF3, ucs, 250);
    ur_expect(&r, OK, 10);
    print(&b, 0x09, "abc", OK);
    r = ur_exec(b.d, 0xEB, ucs, 1);
    r = ur_exec_after(b.d, 0xEB, 0xFB, ucs, 200);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t load_check[1] = {0x02};
    ur_expect_sense(b.d, load_check, 1);
    r = ur_exec(b.d, 0xEB, ucs, 1); /* the SENSE was another channel program: the gate again */
    r = ur_exec_after(b.d, 0xEB, 0xFB, ucs, 240);
    ur_expect(&r, OK, 0);
    print(&b, 0x09, "abc", OK);
    r = ur_exec(b.d, 0x43, ucs, 1); /* fold is a 3211 command */
    ur_expect(&r, OK | UNIT_CHECK, 1);
    expect_file(&b, "ABC\nabc\n");
    ur_bench_close(&b);
    open_printer(&b, "3211", "");
    r = ur_exec(b.d, 0xFB, ucs, 432);
    ur_expect(&r, OK, 0);
    r = ur_exec(b.d, 0xEB, ucs, 1);
    ur_expect(&r, OK | UNIT_CHECK, 1);
    control(&b, 0x43, OK);
    print(&b, 0x09, "x", OK);
    control(&b, 0x23, OK);
    print(&b, 0x09, "x", OK);
    expect_file(&b, "X\nx\n");
    ur_bench_close(&b);
}
END_TEST

START_TEST(test_other_commands)
{
    struct ur_bench b;
    open_printer(&b, "1403", "");
    control(&b, 0x03, OK);
    control(&b, 0x73, OK); /* block data check */
    control(&b, 0x7B, OK); /* allow data check */
    static const uint8_t rejected[] = {0x02, 0x05, 0x81, 0x83, 0x21, 0x63, 0x07, 0xE4, 0xE9, 0xEB + 8};
    static const uint8_t reject[1] = {0x80};
    uint8_t data[4] = {0};
    for (size_t i = 0; i < sizeof rejected; i++) {
        struct io_request r = ur_exec(b.d, rejected[i], data, 4);
        ur_expect(&r, OK | UNIT_CHECK, 4);
        ur_expect_sense(b.d, reject, 1);
    }
    expect_file(&b, "");
    char text[200];
    b.d->type->describe(b.d, text, sizeof text);
    ck_assert(strstr(text, "lpp=66, at line 1, 0 lines printed") != NULL);
    ur_bench_close(&b);
}
END_TEST

START_TEST(test_append_and_failure)
{
    struct ur_bench b;
    open_printer(&b, "1403", "");
    print(&b, 0x09, "FIRST", OK);
    ur_bench_reopen(&b, "append");
    print(&b, 0x09, "SECOND", OK);
    expect_file(&b, "FIRST\nSECOND\n");
    ur_bench_close(&b);
    ur_expect_write_failure("1403", "", 0x09);
}
END_TEST

START_TEST(test_definition_errors)
{
    ur_define_fails("1403", "", "needs an output file");
    ur_define_fails("1403", "|lpr", "not supported");
    ur_define_fails("1403", "/tmp/p.txt fcb=1:1", "fcb= is not an option of this printer");
    ur_define_fails("3211", "/tmp/p.txt cctape=legacy", "cctape= is not an option of this printer");
    ur_define_fails("1403", "/tmp/p.txt cctape=(70=1)", "line 70, beyond the page of lpp=66");
    ur_define_fails("1403", "/tmp/p.txt lpp=60", "line 61, beyond the page of lpp=60");
    ur_define_fails("1403", "/tmp/p.txt cctape=(1=13)", "invalid printer option cctape=(1=13)");
    ur_define_fails("1403", "/tmp/p.txt cctape=(1=1", "invalid printer option");
    ur_define_fails("3211", "/tmp/p.txt fcb=1-1", "invalid printer option fcb=1-1");
    ur_define_fails("1403", "/tmp/p.txt lpi=8", "unknown printer option lpi=8");
    ur_define_fails("1403", "/nonexistent/p.txt", "cannot open /nonexistent/p.txt");
}
END_TEST

/* Hercules' tests/1403.tst: SIO to 00E with UCS Gate Load (CC, SLI) and Load UCS Buffer of 240 bytes;
   Hercules expects the CSW X'0C000000' at X'44'. */
START_TEST(test_hercules_1403_tst)
{
    char *dir = ur_tmpdir(), *file = ur_path(dir, "3211.txt");
    char args[600];
    snprintf(args, sizeof args, "%s crlf", file);
    struct ur_rig g;
    ur_rig_init(&g, ur_define("1403", 0x00E, args));
    ur_rig_run(&g, UR_I("SIO   X'00E'"), UR_I("CCW   X'EB',0,X'60',1") UR_I("CCW   X'FB',0,X'00',240"));
    ck_assert_uint_eq(ur_rig_cc(&g), 0);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_csw(&g) & 0xFFFFFFFF, 0x0C000000);
    ur_rig_free(&g);
    free(file);
    ur_remove_dir(dir);
}
END_TEST

Suite *suite_printer(void)
{
    Suite *s = suite_create("printer");
    TCase *tc = tcase_create("printer");
    tcase_add_test(tc, test_write_and_space);
    tcase_add_test(tc, test_line_contents);
    tcase_add_test(tc, test_skips);
    tcase_add_test(tc, test_channel_9_and_12);
    tcase_add_test(tc, test_named_and_listed_tapes);
    tcase_add_test(tc, test_fcb);
    tcase_add_test(tc, test_ucs_and_fold);
    tcase_add_test(tc, test_other_commands);
    tcase_add_test(tc, test_append_and_failure);
    tcase_add_test(tc, test_definition_errors);
    tcase_add_test(tc, test_hercules_1403_tst);
    suite_add_tcase(s, tc);
    return s;
}
