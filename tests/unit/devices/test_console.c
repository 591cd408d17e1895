/*
 * test_console.c - the 3215/1052 consoles on a real channel subsystem: writes with and without carrier
 * return (lines as the host receives them), a read deferred until the operator's input, attention on
 * Enter with no read waiting, long and short input (incorrect length, residual), HIO ending a waiting
 * read, the alarm, sense and sense ID, code conversion both ways, the telnet console's attach and
 * detach, reset, the terminal filter, and definition errors.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/console/console.h"
#include "tests/unit/devices/urtest.h"

enum { OK = UNIT_CHANNEL_END | UNIT_DEVICE_END };

/* What the host and a client received. */
struct capture {
    char lines[16][200];
    int nlines;
    char messages[16][200];
    int nmessages;
    char pieces[16][200];
    bool piece_ends_line[16];
    int npieces;
};

static struct capture seen;

static void host_line(void *ctx, struct device *d, const char *line)
{
    (void)ctx;
    (void)d;
    ck_assert_int_lt(seen.nlines, 16);
    snprintf(seen.lines[seen.nlines++], sizeof seen.lines[0], "%s", line);
}

static void host_message(void *ctx, struct device *d, const char *text)
{
    (void)ctx;
    (void)d;
    ck_assert_int_lt(seen.nmessages, 16);
    snprintf(seen.messages[seen.nmessages++], sizeof seen.messages[0], "%s", text);
}

static void client_write(void *ctx, struct device *d, const char *text, bool end_of_line)
{
    (void)ctx;
    (void)d;
    ck_assert_int_lt(seen.npieces, 16);
    seen.piece_ends_line[seen.npieces] = end_of_line;
    snprintf(seen.pieces[seen.npieces++], sizeof seen.pieces[0], "%s", text);
}

static const struct io_host host = {NULL, host_line, host_message};
static const struct console_client client = {NULL, client_write};

static void rig_console(struct ur_rig *g, const char *type, const char *args)
{
    memset(&seen, 0, sizeof seen);
    ur_rig_init(g, ur_define(type, 0x009, args));
    channel_set_host(g->cs, &host);
}

static struct io_request write_text(struct device *d, uint8_t command, const char *text)
{
    uint8_t data[200];
    ur_ebcdic(data, text);
    return ur_exec(d, command, data, (uint32_t)strlen(text));
}

START_TEST(test_write_lines)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "");
    struct io_request r = write_text(g.d, 0x01, "ABC");
    ur_expect(&r, OK, 0);
    write_text(g.d, 0x01, "DEF");
    ck_assert_int_eq(seen.nlines, 0); /* no carrier return yet */
    r = write_text(g.d, 0x09, "GHI");
    ur_expect(&r, OK, 0);
    ck_assert_int_eq(seen.nlines, 1);
    ck_assert_str_eq(seen.lines[0], "ABCDEFGHI");
    uint8_t two[7] = {0xD6, 0xD5, 0xC5, 0x15, 0xE3, 0xE6, 0xD6}; /* ONE, new line, TWO */
    ur_exec(g.d, 0x09, two, 7);
    uint8_t odd[5] = {0xC1, 0x00, 0x4A, 0x81, 0x5F}; /* A, null, cent sign, a, not sign */
    ur_exec(g.d, 0x09, odd, 5);
    ck_assert_int_eq(seen.nlines, 4);
    ck_assert_str_eq(seen.lines[1], "ONE");
    ck_assert_str_eq(seen.lines[2], "TWO");
    ck_assert_str_eq(seen.lines[3], "A \xC2\xA2" "a\xC2\xAC");
    uint8_t new_line[1] = {0x15};
    ur_exec(g.d, 0x09, new_line, 1); /* a new-line character, then the carrier return: two empty lines */
    ck_assert_int_eq(seen.nlines, 6);
    ck_assert_str_eq(seen.lines[4], "");
    ck_assert_str_eq(seen.lines[5], "");
    ur_rig_free(&g);
}
END_TEST

/* READ waits for the operator; his line completes it (CE DE, residual for the unused count). */
START_TEST(test_deferred_read)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "");
    write_text(g.d, 0x01, "PASSWORD:");
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF,X'20',20"));
    ck_assert_uint_eq(ur_rig_cc(&g), 0);
    ck_assert(!ur_rig_interrupted(&g));
    ck_assert_int_eq(seen.nlines, 1);
    ck_assert_str_eq(seen.lines[0], "PASSWORD:"); /* the line so far shows before the input */
    ck_assert_int_eq(seen.nmessages, 1);
    ck_assert_str_eq(seen.messages[0], "S370A231 enter input for console 009");
    console_input(g.d, "hello");
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_device(&g), 0x009);
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C00);
    ck_assert_uint_eq(ur_rig_csw(&g) & 0xFFFF, 15);
    static const uint8_t hello[6] = {0x88, 0x85, 0x93, 0x93, 0x96, 0x00};
    ck_assert(memcmp(ur_rig_storage(&g, UR_BUF), hello, 6) == 0);
    ur_rig_free(&g);
}
END_TEST

/* More input than the count: the count's worth, incorrect length (no SLI), residual 0. */
START_TEST(test_long_input)
{
    struct ur_rig g;
    rig_console(&g, "1052-C", "NOPROMPT");
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF,0,3"));
    ck_assert_int_eq(seen.nmessages, 0);
    console_input(g.d, "hello");
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C40);
    ck_assert_uint_eq(ur_rig_csw(&g) & 0xFFFF, 0);
    static const uint8_t hel[4] = {0x88, 0x85, 0x93, 0x00};
    ck_assert(memcmp(ur_rig_storage(&g, UR_BUF), hel, 4) == 0);
    ur_rig_free(&g);
}
END_TEST

/* Enter with no read waiting: attention; the line waits for the next read, which ends at once.  Two
   lines typed give one attention (the second merges into the first, still pending): the read of the
   first ends with attention too, since another line waits; the read of the last does not. */
START_TEST(test_attention_on_enter)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "");
    console_input(g.d, "cp query");
    console_input(g.d, "second");
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_device(&g), 0x009);
    ck_assert_uint_eq(ur_rig_status(&g), 0x8000);
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF,X'20',80"));
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x8C00);
    ck_assert_uint_eq(ur_rig_csw(&g) & 0xFFFF, 72);
    static const uint8_t line[8] = {0x83, 0x97, 0x40, 0x98, 0xA4, 0x85, 0x99, 0xA8};
    ck_assert(memcmp(ur_rig_storage(&g, UR_BUF), line, 8) == 0);
    ck_assert_int_eq(seen.nmessages, 0); /* no prompt: the input was there */
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF2,X'20',80"));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C00);
    ck_assert_uint_eq(ur_rig_csw(&g) & 0xFFFF, 74);
    ck_assert_uint_eq(*ur_rig_storage(&g, UR_BUF2), 0xA2);
    ur_rig_free(&g);
}
END_TEST

/* HIO ends the waiting read (CSW stored, CE DE); the operator's line then raises attention. */
START_TEST(test_halt_ends_read)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "noprompt");
    ur_rig_run(&g, UR_I("SIO   X'009'") UR_I("HIO   X'009'"), UR_I("CCW   X'0A',BUF,X'20',20"));
    ck_assert_uint_eq(ur_rig_cc(&g), 1);
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C00);
    console_input(g.d, "late");
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x8000);
    ck_assert_uint_eq(*ur_rig_storage(&g, UR_BUF), 0x00);
    ur_rig_free(&g);
}
END_TEST

START_TEST(test_other_commands)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "");
    uint8_t data[10];
    struct io_request r = ur_exec(g.d, 0x0B, data, 1); /* audible alarm */
    ur_expect(&r, OK, 0);
    ck_assert_str_eq(seen.messages[0], "S370I232 audible alarm");
    r = ur_exec(g.d, CMD_NOP, data, 1);
    ur_expect(&r, OK, 0);
    memset(data, 0xEE, sizeof data);
    r = ur_exec(g.d, CMD_SENSE_ID, data, 10);
    ur_expect(&r, OK, 3);
    static const uint8_t id[8] = {0xFF, 0x32, 0x15, 0x00, 0x32, 0x15, 0x00, 0xEE};
    ck_assert(memcmp(data, id, 8) == 0);
    r = ur_exec(g.d, CMD_SENSE_ID, data, 4);
    ur_expect(&r, OK, 0);
    ck_assert(r.longer);
    static const uint8_t rejected[] = {0x02, 0x05, 0x11, 0x0F};
    static const uint8_t reject[1] = {0x80};
    for (size_t i = 0; i < sizeof rejected; i++) {
        r = ur_exec(g.d, rejected[i], data, 2);
        ur_expect(&r, OK | UNIT_CHECK, 2);
        ur_expect_sense(g.d, reject, 1);
    }
    ur_rig_free(&g);
    rig_console(&g, "1052-C", "");
    r = ur_exec(g.d, CMD_SENSE_ID, data, 7);
    ur_expect(&r, OK, 0);
    static const uint8_t id1052[7] = {0xFF, 0x10, 0x52, 0x00, 0x10, 0x52, 0x00};
    ck_assert(memcmp(data, id1052, 7) == 0);
    ur_rig_free(&g);
}
END_TEST

/* Operator text: UTF-8 to CP037; controls become blanks, characters beyond Latin-1 X'3F', a byte
   that is not UTF-8 is taken as Latin-1. */
START_TEST(test_input_conversion)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "");
    console_input(g.d, "\xC3\xA9\t\xE2\x82\xAC\xFF" "A");
    ur_rig_wait(&g); /* the attention */
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF,X'20',80"));
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C00);
    static const uint8_t want[6] = {0x51, 0x40, 0x3F, 0xDF, 0xC1, 0x00};
    ck_assert(memcmp(ur_rig_storage(&g, UR_BUF), want, 6) == 0);
    ur_rig_free(&g);
}
END_TEST

/* A telnet console: not ready (unit check alone, intervention required) until a client attaches;
   then ready (device end) and its output goes to the client; detaching ends a waiting read with unit
   check. */
START_TEST(test_telnet_console)
{
    struct ur_rig g;
    rig_console(&g, "3215", "");
    ck_assert_ptr_null(console_prefix(g.d));
    struct io_request r = write_text(g.d, 0x09, "LOST");
    ur_expect(&r, UNIT_CHECK, 4);
    static const uint8_t intervention[1] = {0x40};
    ur_expect_sense(g.d, intervention, 1);
    ck_assert(console_attach(g.d, &client));
    ck_assert(!console_attach(g.d, &client));
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0400);
    r = write_text(g.d, 0x09, "HELLO");
    ur_expect(&r, OK, 0);
    write_text(g.d, 0x01, "NAME?");
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF,X'20',20"));
    ck_assert_int_eq(seen.npieces, 3);
    ck_assert_str_eq(seen.pieces[0], "HELLO");
    ck_assert(seen.piece_ends_line[0]);
    ck_assert_str_eq(seen.pieces[1], "NAME?"); /* the prompt stays on its line */
    ck_assert(!seen.piece_ends_line[1]);
    ck_assert_str_eq(seen.pieces[2], "S370A231 enter input for console 009");
    ck_assert_int_eq(seen.nlines + seen.nmessages, 0);
    console_detach(g.d);
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0E00);
    ur_expect_sense(g.d, intervention, 1);
    r = write_text(g.d, 0x09, "GONE");
    ur_expect(&r, UNIT_CHECK, 4);
    ur_rig_free(&g);
}
END_TEST

/* An I/O reset forgets the typed lines and the waiting read; the line so far is shown. */
START_TEST(test_reset)
{
    struct ur_rig g;
    rig_console(&g, "3215-C", "noprompt");
    console_input(g.d, "typed");
    write_text(g.d, 0x01, "PARTIAL");
    channel_reset(g.cs);
    ck_assert_int_eq(seen.nlines, 1);
    ck_assert_str_eq(seen.lines[0], "PARTIAL");
    ur_rig_run(&g, UR_I("SIO   X'009'"), UR_I("CCW   X'0A',BUF,X'20',20"));
    ck_assert(!ur_rig_interrupted(&g)); /* waits: the typed line is gone */
    char text[200];
    g.d->type->describe(g.d, text, sizeof text);
    ck_assert_str_eq(text, "integrated, prefix / noprompt, reading, 1 lines written, 0 read");
    ur_rig_free(&g);
}
END_TEST

START_TEST(test_terminal_filter)
{
    struct terminal_filter f;
    char err[200];
    char *group[] = {"MOD4"};
    ck_assert(terminal_filter_parse(&f, 1, group, err, sizeof err));
    ck_assert(terminal_filter_match(&f, "mod4", 0x0A000001));
    ck_assert(!terminal_filter_match(&f, NULL, 0x0A000001));
    ck_assert(!terminal_filter_match(&f, "MOD2", 0x0A000001));
    ck_assert(terminal_filter_parse(&f, 0, NULL, err, sizeof err));
    ck_assert(terminal_filter_match(&f, NULL, 0x7F000001));
    ck_assert(terminal_filter_match(&f, "", 0x7F000001));
    ck_assert(!terminal_filter_match(&f, "MOD4", 0x7F000001));
    char *net[] = {"*", "192.168.1.0", "255.255.255.0"};
    ck_assert(terminal_filter_parse(&f, 3, net, err, sizeof err));
    ck_assert(terminal_filter_match(&f, NULL, 0xC0A8014D));
    ck_assert(!terminal_filter_match(&f, NULL, 0xC0A80201));
    char *host_only[] = {"G", "10.1.2.3"};
    ck_assert(terminal_filter_parse(&f, 2, host_only, err, sizeof err));
    ck_assert(terminal_filter_match(&f, "G", 0x0A010203));
    ck_assert(!terminal_filter_match(&f, "G", 0x0A010204));
    char *bad_ip[] = {"G", "10.1.2"};
    ck_assert(!terminal_filter_parse(&f, 2, bad_ip, err, sizeof err));
    ck_assert_str_eq(err, "10.1.2 is not an IPv4 address");
    char *long_group[] = {"NINECHARS"};
    ck_assert(!terminal_filter_parse(&f, 1, long_group, err, sizeof err));
    ck_assert(strstr(err, "longer than 8 characters") != NULL);
    char *many[] = {"G", "1.2.3.4", "255.0.0.0", "X"};
    ck_assert(!terminal_filter_parse(&f, 4, many, err, sizeof err));
}
END_TEST

START_TEST(test_definitions)
{
    struct device *d = ur_define("3215-C", 0x009, "");
    ck_assert_str_eq(console_prefix(d), "/");
    ck_assert_uint_eq(d->model_type, 0x3215);
    ck_assert(!console_attach(d, &client));
    ur_free(d);
    d = ur_define("3215-C", 0x01F, "* NOPROMPT");
    ck_assert_str_eq(console_prefix(d), "*");
    ur_free(d);
    d = ur_define("1052", 0x01F, "NOPROMPT TSO 10.0.0.1");
    ck_assert_str_eq(console_filter(d)->group, "TSO");
    ck_assert_uint_eq(console_filter(d)->ip, 0x0A000001);
    ur_free(d);
    ur_define_fails("3215-C", "/ =", "an integrated console takes [prefix] [NOPROMPT]");
    ur_define_fails("3215-C", "waytoolongprefix", "at most 15 characters");
    ur_define_fails("3215", "G 1.2.3.4 255.0.0.0 extra", "too many arguments");
}
END_TEST

Suite *suite_console(void)
{
    Suite *s = suite_create("console");
    TCase *tc = tcase_create("console");
    tcase_add_test(tc, test_write_lines);
    tcase_add_test(tc, test_deferred_read);
    tcase_add_test(tc, test_long_input);
    tcase_add_test(tc, test_attention_on_enter);
    tcase_add_test(tc, test_halt_ends_read);
    tcase_add_test(tc, test_other_commands);
    tcase_add_test(tc, test_input_conversion);
    tcase_add_test(tc, test_telnet_console);
    tcase_add_test(tc, test_reset);
    tcase_add_test(tc, test_terminal_filter);
    tcase_add_test(tc, test_definitions);
    suite_add_tcase(s, tc);
    return s;
}
