/*
 * test_punch.c - the card punch: EBCDIC cards (blank padded, 80 bytes), ASCII lines (trailing blanks
 * dropped, crlf), append, counts beyond a card, the commands and their sense, a host write failure
 * (equipment check), and definition errors.  Output files are compared byte for byte.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/devices/urtest.h"

enum { OK = UNIT_CHANNEL_END | UNIT_DEVICE_END };

static void open_punch(struct ur_bench *b, const char *type, const char *options)
{
    ur_bench_open(b, type, 0x00D, options);
}

START_TEST(test_ebcdic_cards)
{
    struct ur_bench b;
    open_punch(&b, "3525", "");
    uint8_t data[90];
    memset(data, 0xF9, sizeof data);
    data[0] = 0xC1;
    data[1] = 0xC2;
    data[2] = 0xC3;
    struct io_request r = ur_exec(b.d, 0x01, data, 3); /* a short card: blanks after column 3 */
    ur_expect(&r, OK, 0);
    ck_assert(!r.longer);
    r = ur_exec(b.d, 0x41, data, 90); /* ten bytes more than a card: residual 10 */
    ur_expect(&r, OK, 10);
    uint8_t want[160];
    memset(want, 0x40, 80);
    memcpy(want, data, 3);
    memcpy(want + 80, data, 80);
    ur_expect_file(&b, want, 160);
    ur_bench_close(&b);
}
END_TEST

START_TEST(test_ascii_lines)
{
    struct ur_bench b;
    open_punch(&b, "2540P", "ascii");
    /* "A", X'00' and X'05' (no graphic: blanks), "B", then blanks: trailing blanks are dropped */
    uint8_t card[8] = {0xC1, 0x00, 0x05, 0xC2, 0x40, 0x40, 0x40, 0x40};
    struct io_request r = ur_exec(b.d, 0x81, card, 8);
    ur_expect(&r, OK, 0);
    uint8_t blank[1] = {0x40};
    r = ur_exec(b.d, 0x01, blank, 1);
    ur_expect(&r, OK, 0);
    ur_expect_file(&b, "A  B\n\n", 6);
    ur_bench_close(&b);
    open_punch(&b, "3525", "ascii crlf");
    uint8_t hello[5] = {0xC8, 0x85, 0x93, 0x93, 0x96}; /* "Hello" */
    r = ur_exec(b.d, 0x01, hello, 5);
    ur_expect(&r, OK, 0);
    ur_expect_file(&b, "Hello\r\n", 7);
    ur_bench_close(&b);
}
END_TEST

START_TEST(test_append)
{
    struct ur_bench b;
    open_punch(&b, "3525", "ascii");
    uint8_t one[3] = {0xD6, 0xD5, 0xC5};
    struct io_request r = ur_exec(b.d, 0x01, one, 3);
    ur_expect(&r, OK, 0);
    ur_bench_reopen(&b, "ascii append");
    r = ur_exec(b.d, 0x01, one, 3);
    ur_expect(&r, OK, 0);
    ur_expect_file(&b, "ONE\nONE\n", 8);
    ur_bench_reopen(&b, "ebcdic"); /* without append the file starts empty */
    ur_expect_file(&b, "", 0);
    ur_bench_close(&b);
}
END_TEST

START_TEST(test_commands)
{
    struct ur_bench b;
    open_punch(&b, "3525", "");
    uint8_t data[8] = {0};
    struct io_request r = ur_exec(b.d, 0x03, data, 1);
    ur_expect(&r, OK, 0);
    static const uint8_t rejected[] = {0xC1, 0x02, 0x09, 0x23, 0xE4};
    static const uint8_t reject[1] = {0x80};
    for (size_t i = 0; i < sizeof rejected; i++) {
        r = ur_exec(b.d, rejected[i], data, 8);
        ur_expect(&r, OK | UNIT_CHECK, 8);
        ur_expect_sense(b.d, reject, 1);
    }
    static const uint8_t clear[1] = {0x00};
    ur_expect_sense(b.d, clear, 1); /* sense is reset once read */
    r = ur_exec(b.d, CMD_SENSE, data, 4); /* one sense byte: residual 3 */
    ur_expect(&r, OK, 3);
    ur_expect_file(&b, "", 0);
    char text[200];
    b.d->type->describe(b.d, text, sizeof text);
    ck_assert(strstr(text, "ebcdic, 0 cards punched") != NULL);
    ck_assert_uint_eq(b.d->model_type, 0x3525);
    ur_bench_close(&b);
}
END_TEST

/* The host refuses the write (a full disk): unit check, equipment check. */
START_TEST(test_write_failure)
{
    ur_expect_write_failure("3525", "ascii", 0x01);
    ur_expect_write_failure("3525", "ebcdic", 0x41);
}
END_TEST

START_TEST(test_definition_errors)
{
    ur_define_fails("3525", "", "needs an output file");
    ur_define_fails("3525", "/tmp/x.pch stacker", "unknown punch option stacker");
    ur_define_fails("3525", "/nonexistent/dir/x.pch", "cannot open /nonexistent/dir/x.pch");
}
END_TEST

Suite *suite_punch(void)
{
    Suite *s = suite_create("punch");
    TCase *tc = tcase_create("punch");
    tcase_add_test(tc, test_ebcdic_cards);
    tcase_add_test(tc, test_ascii_lines);
    tcase_add_test(tc, test_append);
    tcase_add_test(tc, test_commands);
    tcase_add_test(tc, test_write_failure);
    tcase_add_test(tc, test_definition_errors);
    suite_add_tcase(s, tc);
    return s;
}
