/*
 * test_reader.c - the card reader: ASCII and EBCDIC decks (and their detection), several files with
 * and without multifile, eof and intrq at the end, an empty hopper, tabs, trunc, autopad, the X'1A'
 * end, feed, every command's status, residual and sense, devinit's device end, and a channel program
 * reading cards into storage.  Expected cards are the CP037 codes of the text, blank (X'40') padded.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/unitrec/unitrec.h"
#include "tests/unit/devices/urtest.h"

enum { OK = UNIT_CHANNEL_END | UNIT_DEVICE_END };

static const uint8_t SENSE_EMPTY[4] = {0x40, 0x10, 0x00, 0x00};

/* A text card as the reader gives it: the EBCDIC text, blanks to column 80. */
static void card_of(uint8_t card[80], const char *text)
{
    memset(card, 0x40, 80);
    ur_ebcdic(card, text);
}

static void expect_card(struct device *d, const char *text)
{
    uint8_t got[80], want[80];
    card_of(want, text);
    struct io_request r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    ck_assert(!r.longer);
    ck_assert_msg(memcmp(got, want, 80) == 0, "card is not \"%s\"", text);
}

static void expect_end_intrq(struct device *d)
{
    uint8_t card[80];
    struct io_request r = ur_exec(d, 0x02, card, 80);
    ur_expect(&r, OK | UNIT_CHECK, 80);
    ur_expect_sense(d, SENSE_EMPTY, 4);
}

static void expect_end_eof(struct device *d)
{
    uint8_t card[80];
    struct io_request r = ur_exec(d, 0x02, card, 80);
    ur_expect(&r, OK | UNIT_EXCEPTION, 80);
}

struct deck {
    char *dir;
    char *files[3];
};

static void deck_file(struct deck *k, int i, const char *name, const void *data, size_t length)
{
    if (!k->dir)
        k->dir = ur_tmpdir();
    k->files[i] = ur_path(k->dir, name);
    ur_write_file(k->files[i], data, length);
}

static void deck_free(struct deck *k)
{
    for (int i = 0; i < 3; i++)
        free(k->files[i]);
    ur_remove_dir(k->dir);
}

static struct device *reader_with(struct deck *k, const char *options)
{
    char args[1024];
    snprintf(args, sizeof args, "%s %s %s %s", k->files[0], k->files[1] ? k->files[1] : "",
             k->files[2] ? k->files[2] : "", options);
    return ur_define("3505", 0x00C, args);
}

/* LF and CRLF lines; an empty line is a blank card; the end: intrq by default. */
START_TEST(test_ascii_lines)
{
    struct deck k = {0};
    deck_file(&k, 0, "a.txt", "HELLO\nWORLD\r\n\nLAST", 18);
    struct device *d = reader_with(&k, "ascii");
    uint8_t got[80];
    struct io_request r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    static const uint8_t hello[5] = {0xC8, 0xC5, 0xD3, 0xD3, 0xD6};
    ck_assert(memcmp(got, hello, 5) == 0);
    for (int i = 5; i < 80; i++)
        ck_assert_uint_eq(got[i], 0x40);
    expect_card(d, "WORLD");
    expect_card(d, "");
    expect_card(d, "LAST");
    expect_end_intrq(d);
    expect_end_intrq(d); /* still empty */
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* A count below 80 takes the start of the card (incorrect length: "longer"); above 80 leaves a residual. */
START_TEST(test_counts)
{
    struct deck k = {0};
    deck_file(&k, 0, "a.txt", "ABCDEFGHIJ\nSECOND\n", 18);
    struct device *d = reader_with(&k, "");
    uint8_t got[100];
    memset(got, 0xEE, sizeof got);
    struct io_request r = ur_exec(d, 0x02, got, 4);
    ur_expect(&r, OK, 0);
    ck_assert(r.longer);
    static const uint8_t abcd[5] = {0xC1, 0xC2, 0xC3, 0xC4, 0xEE};
    ck_assert(memcmp(got, abcd, 5) == 0);
    r = ur_exec(d, 0x02, got, 100);
    ur_expect(&r, OK, 20);
    ck_assert(!r.longer);
    ck_assert_uint_eq(got[0], 0xE2); /* S */
    ur_free(d);
    deck_free(&k);
}
END_TEST

START_TEST(test_eof_option)
{
    struct deck k = {0};
    deck_file(&k, 0, "a.txt", "ONE\n", 4);
    struct device *d = reader_with(&k, "eof");
    expect_card(d, "ONE");
    expect_end_eof(d);
    expect_end_eof(d);
    uint8_t none[4] = {0x40, 0x10, 0, 0};
    ur_expect_sense(d, none, 4); /* an empty hopper still shows intervention required */
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* "*": an empty hopper.  intrq: unit check, intervention required; SENSE shows it even unasked. */
START_TEST(test_empty_reader)
{
    struct device *d = ur_define("3505", 0x00C, "*");
    ur_expect_sense(d, SENSE_EMPTY, 4);
    expect_end_intrq(d);
    ur_free(d);
    d = ur_define("2540R", 0x00C, "* eof");
    expect_end_eof(d);
    ur_free(d);
}
END_TEST

START_TEST(test_ebcdic_cards)
{
    struct deck k = {0};
    uint8_t images[160];
    for (int i = 0; i < 160; i++)
        images[i] = (uint8_t)i;
    deck_file(&k, 0, "deck.bin", images, 160);
    struct device *d = reader_with(&k, "ebcdic eof");
    uint8_t got[80];
    for (int card = 0; card < 2; card++) {
        struct io_request r = ur_exec(d, 0x02, got, 80);
        ur_expect(&r, OK, 0);
        ck_assert(memcmp(got, images + 80 * card, 80) == 0);
    }
    expect_end_eof(d);
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* Neither ascii nor ebcdic: bytes outside printable ASCII, tab, CR, LF in the first 160 make it EBCDIC. */
START_TEST(test_format_detection)
{
    struct deck k = {0};
    uint8_t images[80];
    memset(images, 0x40, 80);
    images[0] = 0xC1;
    deck_file(&k, 0, "deck.bin", images, 80);
    deck_file(&k, 1, "deck.txt", "\tA\n", 3);
    struct device *d = reader_with(&k, "multifile eof");
    uint8_t got[80];
    struct io_request r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    ck_assert(memcmp(got, images, 80) == 0);
    expect_card(d, "        A"); /* the tab reaches column 9 */
    expect_end_eof(d);
    ur_free(d);
    deck_free(&k);
}
END_TEST

START_TEST(test_autopad)
{
    struct deck k = {0};
    uint8_t bytes[100];
    memset(bytes, 0xF1, sizeof bytes);
    deck_file(&k, 0, "deck.bin", bytes, 100);
    struct device *d = reader_with(&k, "ebcdic autopad eof");
    uint8_t got[80];
    struct io_request r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    for (int i = 0; i < 80; i++)
        ck_assert_uint_eq(got[i], i < 20 ? 0xF1 : 0x00);
    expect_end_eof(d);
    ur_free(d);
    d = reader_with(&k, "ebcdic eof");
    r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK | UNIT_CHECK, 80); /* a short last card without autopad: equipment check */
    uint8_t check[4] = {0x10, 0, 0, 0};
    ur_expect_sense(d, check, 4);
    expect_end_eof(d);
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* 81 columns: a data check (the line is skipped, the next card follows); trunc cuts it to 80. */
START_TEST(test_long_line)
{
    char text[100];
    memset(text, 'X', 81);
    strcpy(text + 81, "\nNEXT\n");
    struct deck k = {0};
    deck_file(&k, 0, "long.txt", text, strlen(text));
    struct device *d = reader_with(&k, "ascii");
    uint8_t got[80];
    struct io_request r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK | UNIT_CHECK, 80);
    uint8_t data_check[4] = {0x08, 0, 0, 0};
    ur_expect_sense(d, data_check, 4);
    expect_card(d, "NEXT");
    ur_free(d);
    d = reader_with(&k, "ascii trunc");
    r = ur_exec(d, 0x02, got, 80);
    ur_expect(&r, OK, 0);
    for (int i = 0; i < 80; i++)
        ck_assert_uint_eq(got[i], 0xE7); /* X */
    expect_card(d, "NEXT");
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* X'1A' ends a text file: what follows is not read. */
START_TEST(test_end_of_file_character)
{
    struct deck k = {0};
    deck_file(&k, 0, "a.txt", "ONE\n\x1ATWO\n", 9);
    struct device *d = reader_with(&k, "ascii eof");
    expect_card(d, "ONE");
    expect_end_eof(d);
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* Without multifile each file ends with the end condition, the next read starts the next file. */
START_TEST(test_several_files)
{
    struct deck k = {0};
    deck_file(&k, 0, "1.txt", "FIRST\n", 6);
    deck_file(&k, 1, "2.txt", "SECOND\n", 7);
    deck_file(&k, 2, "3.txt", "THIRD\n", 6);
    struct device *d = reader_with(&k, "");
    expect_card(d, "FIRST");
    expect_end_intrq(d);
    expect_card(d, "SECOND");
    expect_end_intrq(d);
    expect_card(d, "THIRD");
    expect_end_intrq(d);
    expect_end_intrq(d);
    ur_free(d);
    d = reader_with(&k, "multifile eof");
    expect_card(d, "FIRST");
    expect_card(d, "SECOND");
    expect_card(d, "THIRD");
    expect_end_eof(d);
    ur_free(d);
    deck_free(&k);
}
END_TEST

/* Stacker-select variants read; feed (X'23', X'63') passes a card without data; NOP; the rest is
   rejected: write, column binary (X'22'), sense ID. */
START_TEST(test_commands)
{
    struct deck k = {0};
    deck_file(&k, 0, "a.txt", "1\n2\n3\n4\n5\n6\n", 12);
    struct device *d = reader_with(&k, "eof");
    uint8_t got[80];
    struct io_request r = ur_exec(d, 0x42, got, 80);
    ur_expect(&r, OK, 0);
    ck_assert_uint_eq(got[0], 0xF1);
    r = ur_exec(d, 0x23, got, 1);
    ur_expect(&r, OK, 0);
    r = ur_exec(d, 0x82, got, 80);
    ur_expect(&r, OK, 0);
    ck_assert_uint_eq(got[0], 0xF3);
    r = ur_exec(d, 0x63, got, 1);
    ur_expect(&r, OK, 0);
    r = ur_exec(d, 0xC2, got, 80);
    ur_expect(&r, OK, 0);
    ck_assert_uint_eq(got[0], 0xF5);
    r = ur_exec(d, CMD_NOP, got, 1);
    ur_expect(&r, OK, 0);
    static const uint8_t rejected[] = {0x01, 0x22, CMD_SENSE_ID, 0x0B};
    uint8_t reject[4] = {0x80, 0, 0, 0};
    for (size_t i = 0; i < sizeof rejected; i++) {
        r = ur_exec(d, rejected[i], got, 7);
        ur_expect(&r, OK | UNIT_CHECK, 7);
        ur_expect_sense(d, reject, 4);
    }
    expect_card(d, "6");
    r = ur_exec(d, 0x23, got, 1); /* feeding at the end is the end condition too */
    ur_expect(&r, OK | UNIT_EXCEPTION, 0);
    ur_free(d);
    deck_free(&k);
}
END_TEST

START_TEST(test_definition_errors)
{
    ur_define_fails("3505", "/nonexistent/deck.txt ascii", "cannot read /nonexistent/deck.txt");
    char describe[200];
    struct device *d = ur_define("1442", 0x00C, "* eof");
    d->type->describe(d, describe, sizeof describe);
    ck_assert_str_eq(describe, "* (0 more files) eof, 0 cards read");
    ck_assert_uint_eq(d->model_type, 0x1442);
    ur_free(d);
}
END_TEST

/* devinit: a new deck, the reader ready again (device end), the old card gone. */
START_TEST(test_load_new_deck)
{
    struct deck k = {0};
    deck_file(&k, 0, "old.txt", "OLD\nOLD2\n", 9);
    deck_file(&k, 1, "new.txt", "NEW\n", 4);
    struct ur_rig g;
    char args[600];
    snprintf(args, sizeof args, "%s", k.files[0]);
    ur_rig_init(&g, ur_define("3505", 0x00C, args));
    expect_card(g.d, "OLD");
    char *argv[] = {k.files[1], "eof"};
    char err[200];
    ck_assert(reader_load(g.d, 2, argv, err, sizeof err));
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_device(&g), 0x00C);
    ck_assert_uint_eq(ur_rig_status(&g), 0x0400);
    expect_card(g.d, "NEW");
    expect_end_eof(g.d);
    char *bad[] = {"/nonexistent/x"};
    ck_assert(!reader_load(g.d, 1, bad, err, sizeof err));
    ck_assert(strstr(err, "cannot read") != NULL);
    expect_end_eof(g.d); /* the deck stays as it was */
    ur_rig_free(&g);
    deck_free(&k);
}
END_TEST

/* A channel program: two reads command-chained, the second card shorter in storage (SLI). */
START_TEST(test_channel_program)
{
    struct deck k = {0};
    deck_file(&k, 0, "a.txt", "CARD ONE\nCARD TWO\n", 18);
    struct ur_rig g;
    char args[600];
    snprintf(args, sizeof args, "%s eof", k.files[0]);
    ur_rig_init(&g, ur_define("3505", 0x00C, args));
    ur_rig_run(&g, UR_I("SIO   X'00C'"), UR_I("CCW   X'02',BUF,X'40',80") UR_I("CCW   X'02',BUF2,X'20',4"));
    ck_assert_uint_eq(ur_rig_cc(&g), 0);
    ck_assert(ur_rig_interrupted(&g));
    /* CSW: key 0, last CCW + 8, CE DE, no channel status, residual 0 */
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C00);
    ck_assert_uint_eq(ur_rig_csw(&g) & 0xFFFF, 0);
    static const uint8_t one[8] = {0xC3, 0xC1, 0xD9, 0xC4, 0x40, 0xD6, 0xD5, 0xC5};
    static const uint8_t two[5] = {0xC3, 0xC1, 0xD9, 0xC4, 0x00};
    ck_assert(memcmp(ur_rig_storage(&g, UR_BUF), one, 8) == 0);
    ck_assert(memcmp(ur_rig_storage(&g, UR_BUF2), two, 5) == 0);
    ur_rig_run(&g, UR_I("SIO   X'00C'"), UR_I("CCW   X'02',BUF,X'20',80"));
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0D00); /* unit exception: the deck ended */
    ur_rig_free(&g);
    deck_free(&k);
}
END_TEST

Suite *suite_reader(void)
{
    Suite *s = suite_create("reader");
    TCase *tc = tcase_create("reader");
    tcase_add_test(tc, test_ascii_lines);
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_eof_option);
    tcase_add_test(tc, test_empty_reader);
    tcase_add_test(tc, test_ebcdic_cards);
    tcase_add_test(tc, test_format_detection);
    tcase_add_test(tc, test_autopad);
    tcase_add_test(tc, test_long_line);
    tcase_add_test(tc, test_end_of_file_character);
    tcase_add_test(tc, test_several_files);
    tcase_add_test(tc, test_commands);
    tcase_add_test(tc, test_definition_errors);
    tcase_add_test(tc, test_load_new_deck);
    tcase_add_test(tc, test_channel_program);
    suite_add_tcase(s, tc);
    return s;
}
