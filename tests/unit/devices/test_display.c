/*
 * test_display.c - the local 3270: not ready before a client connects, device end on connect, the
 * write commands' data streams decoded into the buffer (orders SF SBA IC PT RA EUA GE SFE SA MF, WCC,
 * 12- and 14-bit addresses) and passed to the client, Read Buffer and Read Modified bytes as a 3274
 * returns them (AID, cursor, SBA and modified fields, short reads), operator input and attention, EAU,
 * the alternate size, structured fields and the query reply bytes, operation checks, sense and sense
 * ID.  Expected bytes follow the 3270 Data Stream Programmer's Reference (address code table: 0 = 40 40,
 * 81 = C1 D1, 84 = C1 D4).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/display/display.h"
#include "tests/unit/devices/urtest.h"

enum { OK = UNIT_CHANNEL_END | UNIT_DEVICE_END, SCREEN = 1920 };

static uint8_t sent[8192];
static size_t sent_length;
static int sends;

static void capture_send(void *ctx, struct device *d, const uint8_t *record, size_t length)
{
    (void)ctx;
    (void)d;
    ck_assert_uint_le(length, sizeof sent);
    memcpy(sent, record, length);
    sent_length = length;
    sends++;
}

static const struct display_client client = {NULL, capture_send};

static struct device *connected(const char *terminal)
{
    struct device *d = ur_define("3270", 0x0C0, "");
    struct display_terminal t;
    ck_assert(display_terminal_parse(terminal, &t));
    ck_assert(display_connect(d, &client, &t));
    sends = 0;
    return d;
}

static struct io_request run(struct device *d, uint8_t command, const uint8_t *stream, uint32_t length)
{
    static uint8_t data[8192];
    memcpy(data, stream, length);
    return ur_exec(d, command, data, length);
}

static void expect_sent(const uint8_t *want, size_t length)
{
    ck_assert_uint_eq(sent_length, length);
    for (size_t i = 0; i < length; i++)
        ck_assert_msg(sent[i] == want[i], "sent byte %zu is %02X, expected %02X", i, sent[i], want[i]);
}

/* A read with a large count: the bytes must be `want`. */
static void expect_read(struct device *d, uint8_t command, const uint8_t *want, size_t length)
{
    static uint8_t got[8192];
    struct io_request r = ur_exec(d, command, got, 8000);
    ur_expect(&r, OK, 8000 - (uint32_t)length);
    for (size_t i = 0; i < length; i++)
        ck_assert_msg(got[i] == want[i], "read byte %zu is %02X, expected %02X", i, got[i], want[i]);
}

/* Read Buffer of a screen holding only characters from `text` at position 0 and nulls. */
static void expect_plain_buffer(struct device *d, uint8_t aid, const uint8_t cursor[2], const uint8_t *text,
                                size_t n)
{
    static uint8_t want[3 + SCREEN];
    memset(want, 0, sizeof want);
    want[0] = aid;
    want[1] = cursor[0];
    want[2] = cursor[1];
    if (n)
        memcpy(want + 3, text, n);
    expect_read(d, 0x02, want, sizeof want);
}

/* EW: protected field "HELLO" at 0, unprotected field at 80 with the cursor in it. */
static const uint8_t screen_stream[] = {0xC3, 0x11, 0x40, 0x40, 0x1D, 0x60, 0xC8, 0xC5, 0xD3, 0xD3, 0xD6,
                                        0x11, 0xC1, 0x50, 0x1D, 0x40, 0x13};

START_TEST(test_not_connected)
{
    struct device *d = ur_define("3270", 0x0C0, "");
    uint8_t data[4] = {0xC3};
    static const uint8_t commands[] = {0x01, 0x05, 0x02, 0x03, 0xE4};
    static const uint8_t intervention[1] = {0x40};
    for (size_t i = 0; i < sizeof commands; i++) {
        struct io_request r = ur_exec(d, commands[i], data, 4);
        ur_expect(&r, UNIT_CHECK, 4); /* unit check alone: the 3174's initial status */
        ur_expect_sense(d, intervention, 1);
    }
    ck_assert(!display_connected(d));
    struct display_terminal t = {6, false, false};
    ck_assert(!display_connect(d, &client, &t));
    ur_free(d);
}
END_TEST

/* Connecting presents device end; disconnecting presents nothing, the next command finds it. */
START_TEST(test_connect_and_disconnect)
{
    struct ur_rig g;
    ur_rig_init(&g, ur_define("3278", 0x0C0, "MOD2 10.0.0.0 255.0.0.0"));
    ck_assert_str_eq(display_filter(g.d)->group, "MOD2");
    struct display_terminal t;
    ck_assert(display_terminal_parse("IBM-3278-2", &t));
    ck_assert(display_connect(g.d, &client, &t));
    ck_assert(!display_connect(g.d, &client, &t));
    ck_assert(display_connected(g.d));
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_device(&g), 0x0C0);
    ck_assert_uint_eq(ur_rig_status(&g), 0x0400);
    char text[200];
    g.d->type->describe(g.d, text, sizeof text);
    ck_assert_str_eq(text, "connected, 3278-2, 24x80, cursor 1,1, 0 writes, 0 reads");
    display_disconnect(g.d);
    ur_rig_wait(&g);
    ck_assert(!ur_rig_interrupted(&g));
    uint8_t wcc[1] = {0xC3};
    struct io_request r = ur_exec(g.d, 0x01, wcc, 1);
    ur_expect(&r, UNIT_CHECK, 1);
    ur_rig_free(&g);
}
END_TEST

START_TEST(test_terminal_types)
{
    struct display_terminal t;
    ck_assert(display_terminal_parse("IBM-3279-4-E", &t));
    ck_assert(t.model == 4 && t.extended && t.color);
    ck_assert(display_terminal_parse("ibm-3278-5", &t));
    ck_assert(t.model == 5 && !t.extended && !t.color);
    ck_assert(display_terminal_parse("IBM-3277-2", &t));
    ck_assert(t.model == 2 && !t.extended);
    static const char *const refused[] = {"IBM-3278", "IBM-3278-6", "IBM-3278-1", "IBM-3278-2-X", "IBM-3277-2-E",
                                          "IBM-3179-2", "xterm", "IBM-3278-22"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        ck_assert_msg(!display_terminal_parse(refused[i], &t), "%s accepted", refused[i]);
}
END_TEST

/* Erase/Write decoded into the buffer, passed on as F5 + the stream; Read Buffer returns every
   position with SF + the attribute's code; Read Modified with no AID and nothing modified. */
START_TEST(test_erase_write_and_read_buffer)
{
    struct device *d = connected("IBM-3278-2");
    struct io_request r = run(d, 0x05, screen_stream, sizeof screen_stream);
    ur_expect(&r, OK, 0);
    uint8_t want_sent[1 + sizeof screen_stream] = {0xF5};
    memcpy(want_sent + 1, screen_stream, sizeof screen_stream);
    expect_sent(want_sent, sizeof want_sent);
    static uint8_t want[3 + SCREEN + 2];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\xC1\xD1\x1D\x60\xC8\xC5\xD3\xD3\xD6", 10);
    want[3 + 80 + 1] = 0x1D; /* position 80 (one byte further for the SF at 0) */
    want[3 + 80 + 2] = 0x40;
    expect_read(d, 0x02, want, sizeof want);
    static const uint8_t nothing_modified[3] = {0x60, 0xC1, 0xD1};
    expect_read(d, 0x06, nothing_modified, 3);
    ur_free(d);
}
END_TEST

/* The operator types ABC in the unprotected field and presses Enter with the cursor at 84: attention;
   Read Modified gives AID, cursor, SBA to the field and its data; the field's MDT shows in Read Buffer.
   The AID stays until a WCC restores the keyboard; reset MDT clears the field's MDT. */
START_TEST(test_operator_input)
{
    struct ur_rig g;
    ur_rig_init(&g, connected("IBM-3278-2"));
    ur_rig_wait(&g); /* the device end of the connection */
    run(g.d, 0x05, screen_stream, sizeof screen_stream);
    static const uint8_t enter[9] = {0x7D, 0xC1, 0xD4, 0x11, 0xC1, 0xD1, 0xC1, 0xC2, 0xC3};
    display_inbound(g.d, enter, sizeof enter);
    ur_rig_wait(&g);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x8000);
    expect_read(g.d, 0x06, enter, sizeof enter);
    expect_read(g.d, 0x06, enter, sizeof enter); /* again: the AID is still there */
    static uint8_t want[3 + SCREEN + 2];
    memset(want, 0, sizeof want);
    memcpy(want, "\x7D\xC1\xD4\x1D\x60\xC8\xC5\xD3\xD3\xD6", 10);
    memcpy(want + 3 + 81, "\x1D\xC1\xC1\xC2\xC3", 5); /* MDT on: attribute X'41' is code C1 */
    expect_read(g.d, 0x02, want, sizeof want);
    static const uint8_t restore[1] = {0x03}; /* keyboard restore and reset MDT */
    run(g.d, 0x01, restore, 1);
    static const uint8_t after[3] = {0x60, 0xC1, 0xD4};
    expect_read(g.d, 0x06, after, 3);
    ur_rig_free(&g);
}
END_TEST

/* PA keys and Clear: short reads (the AID alone); Clear erases the buffer. */
START_TEST(test_short_reads)
{
    struct device *d = connected("IBM-3278-2");
    run(d, 0x05, screen_stream, sizeof screen_stream);
    static const uint8_t pa1[1] = {0x6C};
    display_inbound(d, pa1, 1);
    expect_read(d, 0x06, pa1, 1);
    static const uint8_t clear[1] = {0x6D};
    display_inbound(d, clear, 1);
    expect_read(d, 0x06, clear, 1);
    static const uint8_t origin[2] = {0x40, 0x40};
    expect_plain_buffer(d, 0x6D, origin, NULL, 0);
    uint8_t got[4];
    struct io_request r = ur_exec(d, 0x02, got, 2); /* more than the count: incorrect length */
    ur_expect(&r, OK, 0);
    ck_assert(r.longer);
    ur_free(d);
}
END_TEST

/* On an unformatted screen Read Modified gives every character but nulls; input goes from 0. */
START_TEST(test_unformatted)
{
    struct device *d = connected("IBM-3278-2");
    static const uint8_t stream[] = {0xC2, 0xC1, 0x00, 0xC2, 0x11, 0x40, 0x4A, 0xC3}; /* A null B, at 10: C */
    run(d, 0x05, stream, sizeof stream);
    static const uint8_t want[6] = {0x60, 0x40, 0x40, 0xC1, 0xC2, 0xC3};
    expect_read(d, 0x06, want, sizeof want);
    static const uint8_t typed[6] = {0x7D, 0x40, 0xC2, 0xE7, 0xE8, 0xE9}; /* XYZ, cursor 2 */
    display_inbound(d, typed, sizeof typed);
    static const uint8_t cursor[2] = {0x40, 0xC2};
    static const uint8_t xyz[3] = {0xE7, 0xE8, 0xE9};
    expect_plain_buffer(d, 0x7D, cursor, xyz, 3); /* the screen is the input now, the rest nulls */
    ur_free(d);
}
END_TEST

/* Write starts at the cursor; SBA in 14-bit form; RA (with GE) up to an address; IC. */
START_TEST(test_write_orders)
{
    struct device *d = connected("IBM-3278-2");
    static const uint8_t erase[1] = {0xC2};
    run(d, 0x05, erase, 1);
    static const uint8_t first[] = {0xC2, 0x11, 0x00, 0x05, 0x13, 0xC1}; /* SBA 5 (14-bit), IC, A */
    run(d, 0x01, first, sizeof first);
    static const uint8_t second[] = {0xC2, 0xC2, 0x3C, 0x40, 0x4A, 0xE7, 0x3C, 0x40, 0x4C, 0x08, 0xAD};
    struct io_request r = run(d, 0x01, second, sizeof second); /* at the cursor (5): B, X to 10, GE [ to 12 */
    ur_expect(&r, OK, 0);
    static const uint8_t text[10] = {0, 0, 0, 0, 0, 0xC2, 0xE7, 0xE7, 0xE7, 0xE7};
    static uint8_t want[3 + SCREEN + 2];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\x40\xC5", 3);
    memcpy(want + 3, text, 10);
    memcpy(want + 13, "\x08\xAD\x08\xAD", 4); /* characters written with GE come back with GE */
    expect_read(d, 0x02, want, sizeof want);
    ur_free(d);
}
END_TEST

/* PT: to the next unprotected field; after data it nulls the rest of the field first.  EUA nulls the
   unprotected positions only. */
START_TEST(test_program_tab_and_eua)
{
    struct device *d = connected("IBM-3278-2");
    /* 0: protected field; 10: unprotected field; 20: protected field; 30: unprotected field */
    static const uint8_t fields[] = {0xC2, 0x1D, 0x60, 0x11, 0x40, 0x4A, 0x1D, 0x40, 0xC1, 0xC1, 0xC1, 0xC1,
                                     0x11, 0x40, 0xD4, 0x1D, 0x60, 0xC2, 0xC2, 0x11, 0x40, 0xDE, 0x1D, 0x40};
    run(d, 0x05, fields, sizeof fields);
    /* PT from 0 to 11; D; PT after data: nulls to 20, then to 31; E */
    static const uint8_t tabs[] = {0xC2, 0x11, 0x40, 0x40, 0x05, 0xC4, 0x05, 0xC5};
    run(d, 0x01, tabs, sizeof tabs);
    static uint8_t want[3 + SCREEN + 4];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\x40\x40\x1D\x60", 5);
    memcpy(want + 3 + 1 + 10, "\x1D\x40\xC4", 3);      /* position 10: the field, 11: D, 12-14 nulled */
    memcpy(want + 3 + 2 + 20, "\x1D\x60\xC2\xC2", 4);  /* position 20 */
    memcpy(want + 3 + 3 + 30, "\x1D\x40\xC5", 3);      /* position 30, 31: E */
    expect_read(d, 0x02, want, sizeof want);
    /* EUA from 0 to 40: D and E go, the protected BB stays */
    static const uint8_t eua[] = {0xC2, 0x11, 0x40, 0x40, 0x12, 0x40, 0xE8};
    run(d, 0x01, eua, sizeof eua);
    want[3 + 2 + 11] = 0; /* position p is at 3 + p + the field attributes before it */
    want[3 + 4 + 31] = 0;
    expect_read(d, 0x02, want, sizeof want);
    ur_free(d);
}
END_TEST

/* EAU: unprotected fields nulled, their MDT off, the cursor at the first unprotected field's first
   position, AID none; the client gets X'6F'. */
START_TEST(test_erase_all_unprotected)
{
    struct device *d = connected("IBM-3278-2");
    static const uint8_t fields[] = {0xC2, 0x1D, 0x60, 0xC1, 0x1D, 0x41, 0xC2, 0xC3, 0x1D, 0x60, 0xC4};
    run(d, 0x05, fields, sizeof fields);
    static const uint8_t pf1[3] = {0xF1, 0x40, 0x40};
    display_inbound(d, pf1, 3);
    uint8_t none[1];
    struct io_request r = ur_exec(d, 0x0F, none, 1);
    ur_expect(&r, OK, 0);
    static const uint8_t eau[1] = {0x6F};
    expect_sent(eau, 1);
    static uint8_t want[3 + SCREEN + 3];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\x40\xC3\x1D\x60\xC1\x1D\x40\x00\x00\x1D\x60\xC4", 13);
    expect_read(d, 0x02, want, sizeof want);
    ur_free(d);
}
END_TEST

/* EWA: the alternate size (model 4: 43x80); EW returns to 24x80. */
START_TEST(test_alternate_size)
{
    struct device *d = connected("IBM-3278-4");
    static const uint8_t wcc[1] = {0xC2};
    run(d, 0x0D, wcc, 1);
    static const uint8_t sent_ewa[2] = {0x7E, 0xC2};
    expect_sent(sent_ewa, 2);
    static uint8_t want[3 + 3440];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\x40\x40", 3);
    expect_read(d, 0x02, want, sizeof want);
    static const uint8_t far[] = {0xC2, 0x11, 0xF5, 0x6F, 0xC1}; /* SBA 3439: codes of 53 and 47 */
    struct io_request r = run(d, 0x01, far, sizeof far);
    ur_expect(&r, OK, 0);
    run(d, 0x05, wcc, 1);
    r = run(d, 0x01, far, sizeof far); /* beyond 24x80: operation check, nothing applied or sent */
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t operation_check[1] = {0x01};
    ur_expect_sense(d, operation_check, 1);
    static const uint8_t sent_wcc[2] = {0xF1, 0xC2};
    expect_sent(sent_wcc, 2);
    expect_plain_buffer(d, 0x60, (const uint8_t *)"\x40\x40", NULL, 0);
    ur_free(d);
}
END_TEST

/* An invalid order sequence stops the write: what came before stays and is sent, the rest is not. */
START_TEST(test_operation_checks)
{
    struct device *d = connected("IBM-3278-2");
    static const uint8_t truncated[] = {0xC2, 0xC1, 0x11, 0x40};
    struct io_request r = run(d, 0x05, truncated, sizeof truncated);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t sent_part[3] = {0xF5, 0xC2, 0xC1};
    expect_sent(sent_part, 3);
    static const uint8_t a[1] = {0xC1};
    expect_plain_buffer(d, 0x60, (const uint8_t *)"\x40\x40", a, 1);
    /* extended orders and WSF on a terminal without extended attributes */
    static const uint8_t sfe[] = {0xC2, 0x29, 0x01, 0xC0, 0x60};
    r = run(d, 0x05, sfe, sizeof sfe);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t query[5] = {0x00, 0x05, 0x01, 0xFF, 0x02};
    r = run(d, 0x11, query, 5);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t operation_check[1] = {0x01};
    ur_expect_sense(d, operation_check, 1);
    ur_free(d);
}
END_TEST

/* The query reply of a 3279-2-E, worked out field by field from the Data Stream reference. */
static const uint8_t query_reply_3279_2[] = {
    0x88,
    0x00, 0x0C, 0x81, 0x80, 0x80, 0x81, 0x84, 0x85, 0x86, 0x87, 0x88, 0xA6,             /* summary */
    0x00, 0x17, 0x81, 0x81, 0x01, 0x00, 0x00, 0x50, 0x00, 0x18, 0x01, 0x00, 0x0A, 0x02, /* usable area */
    0xE5, 0x00, 0x02, 0x00, 0x6F, 0x09, 0x0C, 0x07, 0x80,
    0x00, 0x08, 0x81, 0x84, 0x00, 0x07, 0x80, 0x00, /* alphanumeric partitions */
    0x00, 0x14, 0x81, 0x85, 0x82, 0x00, 0x09, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x07, /* character sets */
    0x00, 0x10, 0x00, 0x02, 0xB9, 0x00, 0x25,
    0x00, 0x16, 0x81, 0x86, 0x00, 0x08, 0x00, 0xF4, 0xF1, 0xF1, 0xF2, 0xF2, 0xF3, 0xF3, /* color */
    0xF4, 0xF4, 0xF5, 0xF5, 0xF6, 0xF6, 0xF7, 0xF7,
    0x00, 0x0D, 0x81, 0x87, 0x04, 0x00, 0xF0, 0xF1, 0xF1, 0xF2, 0xF2, 0xF4, 0xF4, /* highlighting */
    0x00, 0x07, 0x81, 0x88, 0x00, 0x01, 0x02,                                     /* reply modes */
    0x00, 0x11, 0x81, 0xA6, 0x00, 0x00, 0x0B, 0x01, 0x00, 0x00, 0x50, 0x00, 0x18, /* implicit partition */
    0x00, 0x50, 0x00, 0x18,
};

/* Read Partition Query: nothing goes to the client; the next read returns the reply. */
START_TEST(test_query_reply)
{
    struct device *d = connected("IBM-3279-2-E");
    static const uint8_t query[5] = {0x00, 0x05, 0x01, 0xFF, 0x02};
    struct io_request r = run(d, 0x11, query, 5);
    ur_expect(&r, OK, 0);
    ck_assert_int_eq(sends, 0);
    expect_read(d, 0x06, query_reply_3279_2, sizeof query_reply_3279_2);
    static const uint8_t nothing[3] = {0x60, 0x40, 0x40}; /* the reply is read once */
    expect_read(d, 0x06, nothing, 3);
    /* Query List for usable area and color, length 0 ("to the end") */
    static const uint8_t list[8] = {0x00, 0x00, 0x01, 0xFF, 0x03, 0x00, 0x81, 0x86};
    run(d, 0x11, list, 8);
    uint8_t want[1 + 23 + 22];
    want[0] = 0x88;
    memcpy(want + 1, query_reply_3279_2 + 13, 23);
    memcpy(want + 24, query_reply_3279_2 + 13 + 23 + 8 + 20, 22);
    expect_read(d, 0x02, want, sizeof want);
    static const uint8_t unknown[7] = {0x00, 0x07, 0x01, 0xFF, 0x03, 0x00, 0x99};
    run(d, 0x11, unknown, 7);
    static const uint8_t null_reply[5] = {0x88, 0x00, 0x04, 0x81, 0xFF};
    expect_read(d, 0x06, null_reply, 5);
    ur_free(d);
}
END_TEST

/* A monochrome 3278-4-E: colors map to the default; the sizes are model 4's. */
START_TEST(test_query_reply_model_4)
{
    struct device *d = connected("IBM-3278-4-E");
    static const uint8_t list[9] = {0x00, 0x09, 0x01, 0xFF, 0x03, 0x00, 0x86, 0xA6, 0x84};
    run(d, 0x11, list, 9);
    static const uint8_t want[] = {
        0x88, 0x00, 0x08, 0x81, 0x84, 0x00, 0x0D, 0x70, 0x00,
        0x00, 0x16, 0x81, 0x86, 0x00, 0x08, 0x00, 0xF4, 0xF1, 0x00, 0xF2, 0x00, 0xF3, 0x00, 0xF4, 0x00, 0xF5, 0x00,
        0xF6, 0x00, 0xF7, 0x00,
        0x00, 0x11, 0x81, 0xA6, 0x00, 0x00, 0x0B, 0x01, 0x00, 0x00, 0x50, 0x00, 0x18, 0x00, 0x50, 0x00, 0x2B,
    };
    expect_read(d, 0x06, want, sizeof want);
    ur_free(d);
}
END_TEST

/* Outbound 3270DS, Set Reply Mode and Erase/Reset are applied and passed on (Read Partition is not);
   in extended-field mode Read Buffer gives SFE with the attributes, in character mode SA orders. */
START_TEST(test_structured_fields)
{
    struct device *d = connected("IBM-3279-2-E");
    static const uint8_t wsf[] = {
        0x00, 0x05, 0x01, 0xFF, 0x02,                                      /* query: kept back */
        0x00, 0x14, 0x40, 0x00, 0xF5, 0xC2, 0x29, 0x02, 0xC0, 0x60, 0x42, 0xF2, /* EW: SFE red field */
        0x28, 0x42, 0xF4, 0xC1, 0x28, 0x00, 0x00, 0xC2,                    /* SA green A, reset, B */
        0x00, 0x05, 0x09, 0x00, 0x01,                                      /* extended-field mode */
    };
    struct io_request r = run(d, 0x11, wsf, sizeof wsf);
    ur_expect(&r, OK, 0);
    uint8_t want_sent[1 + sizeof wsf - 5] = {0xF3};
    memcpy(want_sent + 1, wsf + 5, sizeof wsf - 5);
    expect_sent(want_sent, sizeof want_sent);
    static uint8_t got[8];
    r = ur_exec(d, 0x06, got, 8); /* the query reply comes first */
    ck_assert_uint_eq(got[0], 0x88);
    static uint8_t want[3 + SCREEN + 5];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\x40\x40\x29\x02\xC0\x60\x42\xF2\xC1\xC2", 11);
    expect_read(d, 0x02, want, sizeof want);
    static const uint8_t character_mode[7] = {0x00, 0x07, 0x09, 0x00, 0x02, 0x42, 0x41};
    run(d, 0x11, character_mode, 7);
    static uint8_t want2[3 + SCREEN + 11];
    memset(want2, 0, sizeof want2); /* fields as SFE, SA where the foreground changes */
    memcpy(want2, "\x60\x40\x40\x29\x02\xC0\x60\x42\xF2\x28\x42\xF4\xC1\x28\x42\x00\xC2", 17);
    expect_read(d, 0x02, want2, sizeof want2);
    static const uint8_t erase_reset[4] = {0x00, 0x04, 0x03, 0x80};
    run(d, 0x11, erase_reset, 4);
    static const uint8_t sent_reset[5] = {0xF3, 0x00, 0x04, 0x03, 0x80};
    expect_sent(sent_reset, 5);
    static const uint8_t bad[4] = {0x00, 0x04, 0x77, 0x00}; /* unknown structured field */
    r = run(d, 0x11, bad, 4);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    static const uint8_t short_length[3] = {0x00, 0x09, 0x03};
    r = run(d, 0x11, short_length, 3);
    ur_expect(&r, OK | UNIT_CHECK, 0);
    ur_free(d);
}
END_TEST

/* MF changes a field's attributes where the buffer address is a field attribute. */
START_TEST(test_modify_field)
{
    struct device *d = connected("IBM-3278-2-E");
    static const uint8_t stream[] = {0xC2, 0x1D, 0x60, 0x11, 0x40, 0x40, 0x2C, 0x02, 0xC0, 0x41, 0x41, 0xF1};
    struct io_request r = run(d, 0x05, stream, sizeof stream);
    ur_expect(&r, OK, 0);
    static const uint8_t mode[5] = {0x00, 0x05, 0x09, 0x00, 0x01};
    run(d, 0x11, mode, 5);
    static uint8_t want[3 + SCREEN + 5];
    memset(want, 0, sizeof want);
    memcpy(want, "\x60\x40\x40\x29\x02\xC0\xC1\x41\xF1", 9);
    expect_read(d, 0x02, want, sizeof want);
    ur_free(d);
}
END_TEST

/* A write chained to a write goes on where that one ended: the client gets an SBA to say so; a Read
   Buffer chained to a write starts there too. */
START_TEST(test_chained_commands)
{
    struct device *d = connected("IBM-3278-2");
    static const uint8_t first[] = {0xC2, 0x11, 0x40, 0x50, 0xC1}; /* at 16: A */
    run(d, 0x05, first, sizeof first);
    static uint8_t second[] = {0xC2, 0xC2};
    struct io_request r = ur_exec_after(d, 0x05, 0x01, second, 2); /* B at 17 */
    ur_expect(&r, OK, 0);
    static const uint8_t want_sent[] = {0xF1, 0xC2, 0x11, 0x40, 0xD1, 0xC2};
    expect_sent(want_sent, sizeof want_sent);
    static uint8_t got[8192];
    r = ur_exec_after(d, 0x01, 0x02, got, 8000);
    ur_expect(&r, OK, 8000 - 3 - (SCREEN - 18));
    ck_assert(memcmp(got, "\x60\x40\x40\x00", 4) == 0);
    static uint8_t data[4];
    r = ur_exec(d, 0x02, data, 4); /* not chained: from 0 */
    ck_assert(memcmp(data, "\x60\x40\x40\x00", 4) == 0);
    ur_free(d);
}
END_TEST

START_TEST(test_other_commands)
{
    struct device *d = connected("IBM-3278-2");
    uint8_t data[10];
    static const uint8_t selects[] = {0x03, 0x0B, 0x1B, 0x2B, 0x3B, 0x4B};
    for (size_t i = 0; i < sizeof selects; i++) {
        struct io_request r = ur_exec(d, selects[i], data, 1);
        ur_expect(&r, OK, 0);
    }
    memset(data, 0xEE, sizeof data);
    struct io_request r = ur_exec(d, CMD_SENSE_ID, data, 10);
    ur_expect(&r, OK, 3);
    static const uint8_t id[8] = {0xFF, 0x32, 0x74, 0x1D, 0x32, 0x78, 0x02, 0xEE};
    ck_assert(memcmp(data, id, 8) == 0);
    static const uint8_t rejected[] = {0x0E, 0x09, 0x6E, 0x07};
    static const uint8_t reject[1] = {0x80};
    for (size_t i = 0; i < sizeof rejected; i++) {
        r = ur_exec(d, rejected[i], data, 2);
        ur_expect(&r, OK | UNIT_CHECK, 2);
        ur_expect_sense(d, reject, 1);
    }
    ck_assert_int_eq(sends, 0);
    ur_define_fails("3270", "G 1.2.3", "1.2.3 is not an IPv4 address");
    ur_free(d);
}
END_TEST

Suite *suite_display(void)
{
    Suite *s = suite_create("display");
    TCase *tc = tcase_create("display");
    tcase_add_test(tc, test_not_connected);
    tcase_add_test(tc, test_connect_and_disconnect);
    tcase_add_test(tc, test_terminal_types);
    tcase_add_test(tc, test_erase_write_and_read_buffer);
    tcase_add_test(tc, test_operator_input);
    tcase_add_test(tc, test_short_reads);
    tcase_add_test(tc, test_unformatted);
    tcase_add_test(tc, test_write_orders);
    tcase_add_test(tc, test_program_tab_and_eua);
    tcase_add_test(tc, test_erase_all_unprotected);
    tcase_add_test(tc, test_alternate_size);
    tcase_add_test(tc, test_operation_checks);
    tcase_add_test(tc, test_query_reply);
    tcase_add_test(tc, test_query_reply_model_4);
    tcase_add_test(tc, test_structured_fields);
    tcase_add_test(tc, test_modify_field);
    tcase_add_test(tc, test_chained_commands);
    tcase_add_test(tc, test_other_commands);
    suite_add_tcase(s, tc);
    return s;
}
