/*
 * test_dirc370.c - the directory compiler (tools/dirc370): USER DIRECT text in, CP directory records
 * out, compared byte for byte with the layout of cp/macros/udir.cpy worked out by hand (EBCDIC,
 * big-endian); and every check's message, with its file:line, for bad input.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/asm370/asmtest.h"
#include "tools/dirc370/dirc370.h"

struct compiled {
    struct directory dir;
    struct dir_diag diag;
    char *messages;
    size_t messages_size;
};

/* Parse and check text as "t.direct"; messages collected in c->messages. */
static void compile(struct compiled *c, const char *text)
{
    memset(c, 0, sizeof *c);
    c->diag.path = "t.direct";
    c->diag.out = open_memstream(&c->messages, &c->messages_size);
    ck_assert_ptr_nonnull(c->diag.out);
    dir_parse(text, strlen(text), &c->dir, &c->diag);
    if (c->diag.errors == 0)
        dir_check(&c->dir, &c->diag);
    fclose(c->diag.out);
}

static void release(struct compiled *c)
{
    dir_free(&c->dir);
    free(c->messages);
}

/* The text compiles with no message at all. */
static void compile_clean(struct compiled *c, const char *text)
{
    compile(c, text);
    ck_assert_msg(c->diag.errors == 0 && c->diag.warnings == 0, "unexpected messages:\n%s", c->messages);
}

/* The text gives exactly these messages (and errors/warnings counts). */
static void expect_messages(const char *text, unsigned errors, unsigned warnings, const char *messages)
{
    struct compiled c;
    compile(&c, text);
    ck_assert_str_eq(c.messages, messages);
    ck_assert_uint_eq(c.diag.errors, errors);
    ck_assert_uint_eq(c.diag.warnings, warnings);
    release(&c);
}

static void expect_bytes(const uint8_t *got, const uint8_t *want, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(got[i] == want[i], "%s: byte %zu is %02X, want %02X", what, i, got[i], want[i]);
}

#define B8 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40 /* eight EBCDIC blanks */

START_TEST(user_record_bytes)
{
    struct compiled c;
    compile_clean(&c, "* a comment\n"
                      "USER USER1 PW1 1M 2M G\n"
                      " IPL 191\n"
                      " OPTION ECMODE REALTIMER\n"
                      " CONSOLE 009 3215\n"
                      " SPOOL 00E 1403 B\n"
                      " MDISK 191 3350 1 5 S37U01 W RPW WPW\n"
                      " LINK MAINT 190 19E RR\n"
                      " DEDICATE 180 280\n"
                      "USER MAINT MAINT 512K\n"
                      " MDISK 190 3350 31 5 S37U01 R\n");
    ck_assert_uint_eq(c.dir.nusers, 2);
    uint8_t r[DIR_RECORD_SIZE];
    ck_assert(dir_encode_user(&c.dir.users[0], r));
    static const uint8_t fixed[48] = {
        0xE4, 0xE2, 0xC5, 0xD9, 0xF1, 0x40, 0x40, 0x40, /* USER1 */
        0xD7, 0xE6, 0xF1, 0x40, 0x40, 0x40, 0x40, 0x40, /* PW1 */
        0x00, 0x10, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, /* 1M, 2M */
        0xC7, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, /* G */
        0xC0, 0x00, 0x00, 0x05,                         /* ECMODE+REALTIMER, 5 devices */
        0xF1, 0xF9, 0xF1, 0x40, 0x40, 0x40, 0x40, 0x40, /* IPL 191 */
        0xC2, 0x00, 0x00, 0x00,                         /* spool class B (the printer's) */
    };
    expect_bytes(r, fixed, 48, "fixed part");
    static const uint8_t console[48] = {1, 0, 0x00, 0x09, 0x32, 0x15, 0, 0, 0, 0, 0, 0,
                                        0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0,
                                        B8, 0, 0, B8, B8};
    expect_bytes(r + 48, console, 48, "CONSOLE");
    static const uint8_t spool[48] = {2, 0, 0x00, 0x0E, 0x14, 0x03, 0, 0, 0, 0, 0, 0,
                                      0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0xC2, 0,
                                      B8, 0, 0, B8, B8};
    expect_bytes(r + 96, spool, 48, "SPOOL");
    static const uint8_t mdisk[48] = {3, 0, 0x01, 0x91, 0x33, 0x50, 0, 0, 0x00, 0x01, 0x00, 0x05,
                                      0xE2, 0xF3, 0xF7, 0xE4, 0xF0, 0xF1, 0xE6, 0x40, 0x40, 0,
                                      B8, 0, 0,
                                      0xD9, 0xD7, 0xE6, 0x40, 0x40, 0x40, 0x40, 0x40,
                                      0xE6, 0xD7, 0xE6, 0x40, 0x40, 0x40, 0x40, 0x40};
    expect_bytes(r + 144, mdisk, 48, "MDISK");
    static const uint8_t link[48] = {4, 0, 0x01, 0x9E, 0, 0, 0, 0, 0, 0, 0, 0,
                                     0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0xD9, 0xD9, 0x40, 0,
                                     0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40, 0x40, 0x01, 0x90, B8, B8};
    expect_bytes(r + 192, link, 48, "LINK");
    static const uint8_t dedicate[48] = {5, 0, 0x01, 0x80, 0, 0, 0x02, 0x80, 0, 0, 0, 0,
                                         0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0,
                                         B8, 0, 0, B8, B8};
    expect_bytes(r + 240, dedicate, 48, "DEDICATE");
    for (size_t i = 288; i < DIR_RECORD_SIZE; i++)
        ck_assert_msg(r[i] == 0, "byte %zu after the devices is %02X", i, r[i]);

    /* defaults: maximum storage = storage, class G, spool class A, no IPL, no options */
    ck_assert(dir_encode_user(&c.dir.users[1], r));
    static const uint8_t maint[48] = {
        0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40, 0x40, 0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40, 0x40, 0x40,
        0x00, 0x08, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0xC7, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40,
        0x00, 0x00, 0x00, 0x01, B8, 0xC1, 0, 0, 0,
    };
    expect_bytes(r, maint, 48, "MAINT fixed part");
    release(&c);
}
END_TEST

START_TEST(case_columns_and_comments)
{
    struct compiled c;
    /* lower case is folded, columns 73-80 are a sequence number, `*` lines and blank lines skipped */
    char text[512];
    snprintf(text, sizeof text, "%s\n\n%-72s%s\r\n%s\n",
             "   * indented comment with    many    words   and   more   words   here   and more",
             "user user2 secret 64k 128K abc", "00000010", "\tconsole 01f 1052");
    compile_clean(&c, text);
    ck_assert_uint_eq(c.dir.nusers, 1);
    const struct dir_user *u = &c.dir.users[0];
    ck_assert_str_eq(u->userid, "USER2");
    ck_assert_str_eq(u->password, "SECRET");
    ck_assert_str_eq(u->classes, "ABC");
    ck_assert_uint_eq(u->storage, 0x10000);
    ck_assert_uint_eq(u->max_storage, 0x20000);
    ck_assert_uint_eq(u->ndevices, 1);
    ck_assert_uint_eq(u->devices[0].vaddr, 0x01F);
    ck_assert_uint_eq(u->devices[0].type, 0x1052);
    release(&c);
}
END_TEST

START_TEST(bad_numbers)
{
    expect_messages("USER A B 100K\n", 1, 0, "t.direct:1: error: storage 100K: a multiple of 64K from 64K to 16M\n");
    expect_messages("USER A B 32M\n", 1, 0, "t.direct:1: error: storage 32M: a multiple of 64K from 64K to 16M\n");
    expect_messages("USER A B 1G\n", 1, 0, "t.direct:1: error: storage '1G' is not a size like 512K or 1M\n");
    expect_messages("USER A B 2M 1M\n", 1, 0, "t.direct:1: error: maximum storage 1M is less than the storage 2M\n");
    expect_messages("USER A B 1M\n CONSOLE 1000 3215\n", 1, 0,
                    "t.direct:2: error: '1000' is not a device address (hex 000-FFF)\n");
    expect_messages("USER A B 1M\n CONSOLE 0G9 3215\n", 1, 0,
                    "t.direct:2: error: '0G9' is not a device address (hex 000-FFF)\n");
    expect_messages("USER A B 1M\n MDISK 191 3350 X 5 VOL W\n", 1, 0,
                    "t.direct:2: error: cylinder 'X' is not a number from 0 to 65535\n");
    expect_messages("USER A B 1M\n MDISK 191 3350 550 10 VOL W\n", 1, 0,
                    "t.direct:2: error: MDISK 191: cylinders 550-559 are past the end of a 3350 (555 cylinders)\n");
    expect_messages("USER A B 1M\n MDISK 191 3350 1 0 VOL W\n", 1, 0, "t.direct:2: error: MDISK 191 has no cylinders\n");
}
END_TEST

START_TEST(bad_statements)
{
    expect_messages("CONSOLE 009 3215\n", 1, 0, "t.direct:1: error: CONSOLE before the first USER statement\n");
    expect_messages("USER A B 1M\n FOO 1\n", 1, 0, "t.direct:2: error: unknown statement 'FOO'\n");
    expect_messages("USER A B\n", 1, 0, "t.direct:1: error: USER takes 3 to 5 operands, not 2\n");
    expect_messages("USER A B 1M\n OPTION ECMODE VMSAVE\n", 1, 0,
                    "t.direct:2: error: unknown OPTION 'VMSAVE' (ECMODE, REALTIMER)\n");
    expect_messages("USER TOOLONGID B 1M\n", 1, 0,
                    "t.direct:1: error: userid 'TOOLONGID': 1 to 8 letters, digits, @ # $\n");
    expect_messages("USER A B 1M 1M XYZ\n", 1, 0, "t.direct:1: error: privilege classes 'XYZ': 1 to 8 letters A-H\n");
    expect_messages("USER A B 1M\n CONSOLE 009 3505\n", 1, 0,
                    "t.direct:2: error: device type '3505' is not a console (3215 1052)\n");
    expect_messages("USER A B 1M\n MDISK 191 9999 1 5 VOL W\n", 1, 0,
                    "t.direct:2: error: device type '9999' is not a CKD DASD (2314 3330 3340 3350 3375 3380...)\n");
    expect_messages("USER A B 1M\n MDISK 191 3350 1 5 VOL X\n", 1, 0,
                    "t.direct:2: error: access mode 'X': one of R RR W WR M MR MW\n");
    expect_messages("", 1, 0, "t.direct:1: error: no USER statements: the directory is empty\n");
    expect_messages("DIRECTORY 150 3350 S37RES\nUSER A B 1M\n", 0, 1,
                    "t.direct:1: warning: DIRECTORY statement ignored: the image recipe places the directory\n");
}
END_TEST

START_TEST(duplicates_and_overlaps)
{
    expect_messages("USER A B 1M\nUSER C D 1M\nUSER A E 1M\n", 1, 0,
                    "t.direct:3: error: user A is already defined (line 1)\n");
    expect_messages("USER A B 1M\n CONSOLE 009 3215\n SPOOL 9 1403\n", 1, 0,
                    "t.direct:3: error: A already has a device 009 (line 2)\n");
    expect_messages("USER A B 1M\n MDISK 191 3350 1 5 VOL1 W\n"
                    "USER C D 1M\n MDISK 191 3350 5 5 VOL1 W\n MDISK 192 3350 10 5 VOL1 W\n"
                    " MDISK 193 3350 1 5 VOL2 W\n",
                    0, 1,
                    "t.direct:4: warning: MDISK 191 of C (cylinders 5-9 of VOL1) overlaps MDISK 191 of A "
                    "(cylinders 1-5, line 2)\n");
    expect_messages("USER A B 1M\n LINK NOBODY 190 190 RR\n LINK A 999 191 RR\n", 0, 2,
                    "t.direct:2: warning: LINK to NOBODY: no such user in the directory\n"
                    "t.direct:3: warning: LINK to A 999: A has no such device\n");
}
END_TEST

START_TEST(user_too_big_for_a_record)
{
    char text[8192] = "USER BIG B 1M\n";
    for (int i = 0; i < DIR_MAX_DEVICES; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), " SPOOL %03X 1403\n", i);
    struct compiled c;
    compile_clean(&c, text);
    uint8_t r[DIR_RECORD_SIZE];
    ck_assert_int_eq(DIR_MAX_DEVICES, 84);
    ck_assert(dir_encode_user(&c.dir.users[0], r));
    ck_assert_uint_eq(r[34] << 8 | r[35], 84);
    release(&c);
    strcat(text, " SPOOL FFF 1403\n");
    expect_messages(text, 1, 0,
                    "t.direct:1: error: user BIG has 85 devices: its record would take 4128 bytes, more than 4096 "
                    "(at most 84 devices)\n");
}
END_TEST

/* The offsets encode.c writes are the DSECT's that CP reads with: cp/macros/udir.cpy assembled. */
START_TEST(layout_is_udir_cpy)
{
    FILE *f = fopen("cp/macros/udir.cpy", "r");
    ck_assert_ptr_nonnull(f);
    static char source[16384];
    size_t n = fread(source, 1, sizeof source - 1024, f);
    fclose(f);
    source[n] = '\0';
    strcat(source, "CHK      CSECT            (DSECT fields as offsets from the DSECT)\n"
                   "         DC    AL2(UDRUSER-UDIR,UDRPASS-UDIR,UDRSTOR-UDIR)\n"
                   "         DC    AL2(UDRMAXS-UDIR,UDRCLASS-UDIR,UDROPTS-UDIR)\n"
                   "         DC    AL2(UDRNDEV-UDIR,UDRIPL-UDIR,UDRSPCLS-UDIR)\n"
                   "         DC    AL2(UDRDEVS-UDIR,UDRFIXED,UDROECM,UDRORTIM)\n"
                   "         DC    AL2(UDVKIND-UDEV,UDVADDR-UDEV,UDVTYPE-UDEV)\n"
                   "         DC    AL2(UDVRADDR-UDEV,UDVCYL-UDEV,UDVNCYL-UDEV)\n"
                   "         DC    AL2(UDVVOLID-UDEV,UDVMODE-UDEV,UDVCLASS-UDEV)\n"
                   "         DC    AL2(UDVLUSER-UDEV,UDVLADDR-UDEV,UDVRPASS-UDEV)\n"
                   "         DC    AL2(UDVWPASS-UDEV,UDVLEN)\n"
                   "         DC    AL2(UDVKCONS,UDVKSPL,UDVKMDSK,UDVKLINK,UDVKDED)\n"
                   "         END\n");
    uint8_t image[128];
    char diags[2048];
    long length = asmtest_image(source, image, sizeof image, diags, sizeof diags);
    ck_assert_msg(length == 2 * 32, "udir.cpy does not assemble: %s", diags);
    static const uint16_t want[32] = {
        0, 8, 16, 20, 24, 32, 34, 36, 44, 48, DIR_FIXED_SIZE, DIR_OPT_ECMODE, DIR_OPT_REALTIMER,
        0, 2, 4, 6, 8, 10, 12, 18, 20, 22, 30, 32, 40, DIR_DEVICE_SIZE,
        DIR_CONSOLE, DIR_SPOOL, DIR_MDISK, DIR_LINK, DIR_DEDICATE,
    };
    for (int i = 0; i < 32; i++)
        ck_assert_msg((image[2 * i] << 8 | image[2 * i + 1]) == want[i], "udir.cpy value %d is %d, want %d", i,
                      image[2 * i] << 8 | image[2 * i + 1], want[i]);
}
END_TEST

Suite *suite_dirc370(void)
{
    Suite *s = suite_create("dirc370");
    TCase *t = tcase_create("dirc370");
    tcase_add_test(t, user_record_bytes);
    tcase_add_test(t, case_columns_and_comments);
    tcase_add_test(t, bad_numbers);
    tcase_add_test(t, bad_statements);
    tcase_add_test(t, duplicates_and_overlaps);
    tcase_add_test(t, user_too_big_for_a_record);
    tcase_add_test(t, layout_is_udir_cpy);
    suite_add_tcase(s, t);
    return s;
}
