/*
 * test_telnet.c - the telnet/TN3270 server: the exact negotiation bytes for a TN3270 terminal (RFC
 * 1576: DO TERMINAL-TYPE, SB SEND, then WILL/DO BINARY and EOR), a line-mode client (another type, WONT
 * TERMINAL-TYPE, silence, typing first) and refused options; type@CUU and type@GROUP; model sizes from
 * the type; inbound records (IAC EOR framing, IAC IAC) and lines (CR LF, CR NUL, LF, backspace, IAC EC
 * and EL, long lines); outbound IAC doubling and IAC EOR; the rejection screen byte for byte (Hercules'
 * layout: Erase/Write, WCC X'40', SBA to rows 1-3, SF X'60'); the logo as a valid data stream; device
 * assignment rules; and the server itself on loopback: logo, guest output, input and attention,
 * disconnect (intervention required) and reconnect, busy device, line-mode console, the client cap,
 * the negotiation time limit, a detached device, garbage.
 */
#define _GNU_SOURCE /* memmem */
#include <arpa/inet.h>
#include <check.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "common/ebcdic.h"
#include "console/config.h"
#include "console/output.h"
#include "console/system.h"
#include "console/telnet.h"
#include "console/tn3270.h"
#include "devices/console/console.h"
#include "tests/unit/devices/urtest.h"

enum { IAC = 0xFF, WAIT_MS = 5000, OK = UNIT_CHANNEL_END | UNIT_DEVICE_END };

#define BYTES(...) ((const uint8_t[]){__VA_ARGS__}), sizeof((const uint8_t[]){__VA_ARGS__})

static const uint8_t DO_TTYPE[] = {IAC, 0xFD, 0x18};
static const uint8_t WILL_TTYPE[] = {IAC, 0xFB, 0x18};
static const uint8_t SEND_TTYPE[] = {IAC, 0xFA, 0x18, 0x01, IAC, 0xF0};
/* WILL BINARY, DO BINARY, WILL EOR, DO EOR */
static const uint8_t BINARY_EOR[] = {IAC, 0xFB, 0x00, IAC, 0xFD, 0x00, IAC, 0xFB, 0x19, IAC, 0xFD, 0x19};
/* the client's answers: DO BINARY, WILL BINARY, DO EOR, WILL EOR */
static const uint8_t AGREE[] = {IAC, 0xFD, 0x00, IAC, 0xFB, 0x00, IAC, 0xFD, 0x19, IAC, 0xFB, 0x19};

/* ---- the session --------------------------------------------------------------------------------- */

static struct tn_session s;

static void expect_out(const uint8_t *want, size_t n)
{
    ck_assert_msg(s.out.len == n, "sent %zu bytes, expected %zu", s.out.len, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg((uint8_t)s.out.data[i] == want[i], "sent byte %zu is %02X, expected %02X", i,
                      (uint8_t)s.out.data[i], want[i]);
    s.out.len = 0;
}

static void receive(const void *data, size_t n)
{
    tn_session_receive(&s, data, n);
}

/* IAC SB TERMINAL-TYPE IS name IAC SE */
static void send_type(const char *name)
{
    struct buf b = {0};
    buf_add(&b, BYTES(IAC, 0xFA, 0x18, 0x00));
    buf_adds(&b, name);
    buf_add(&b, BYTES(IAC, 0xF0));
    receive(b.data, b.len);
    buf_free(&b);
}

static void open_session(void)
{
    tn_session_open(&s);
    expect_out(DO_TTYPE, sizeof DO_TTYPE);
}

/* A client that agrees to TERMINAL-TYPE and is asked for it. */
static void open_typed_session(void)
{
    open_session();
    receive(WILL_TTYPE, sizeof WILL_TTYPE);
    expect_out(SEND_TTYPE, sizeof SEND_TTYPE);
}

/* A TN3270 terminal through the whole negotiation. */
static void negotiate_3270(const char *type)
{
    open_typed_session();
    send_type(type);
    expect_out(BINARY_EOR, sizeof BINARY_EOR);
    ck_assert_int_eq(s.state, TN_NEGOTIATING);
    receive(AGREE, sizeof AGREE);
    expect_out(NULL, 0);
    ck_assert_int_eq(s.state, TN_3270);
}

static void expect_input(const void *want, size_t n)
{
    struct tn_input in;
    ck_assert_msg(tn_session_take_input(&s, &in), "no input");
    ck_assert_uint_eq(in.length, n);
    ck_assert(memcmp(in.data, want, n) == 0);
    free(in.data);
}

static void expect_line(const char *want)
{
    expect_input(want, strlen(want));
}

static void expect_no_input(void)
{
    struct tn_input in;
    ck_assert(!tn_session_take_input(&s, &in));
}

START_TEST(test_negotiation_3270)
{
    negotiate_3270("IBM-3278-2-E");
    ck_assert_str_eq(s.request.type, "IBM-3278-2-E");
    ck_assert_int_eq(s.request.address, -1);
    ck_assert_str_eq(s.request.group, "");
    ck_assert_int_eq(s.request.terminal.model, 2);
    ck_assert(s.request.terminal.extended);
    tn_session_close(&s);
}
END_TEST

/* The model number is the alternate screen size: 2 24x80, 3 32x80, 4 43x80, 5 27x132. */
START_TEST(test_models)
{
    static const struct {
        const char *type;
        int model;
        bool extended, color;
    } cases[] = {
        {"IBM-3278-3", 3, false, false},   {"IBM-3278-4-E", 4, true, false}, {"IBM-3279-5-E", 5, true, true},
        {"IBM-3279-2", 2, false, true},    {"IBM-3277-2", 2, false, false},  {"ibm-3278-5", 5, false, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        negotiate_3270(cases[i].type);
        ck_assert_int_eq(s.request.terminal.model, cases[i].model);
        ck_assert(s.request.terminal.extended == cases[i].extended);
        ck_assert(s.request.terminal.color == cases[i].color);
        tn_session_close(&s);
    }
}
END_TEST

/* RFC 1646 style: IBM-3278-2@0C1 asks for a device, IBM-3278-4@MOD4 for a group (VM370CE). */
START_TEST(test_type_suffix)
{
    negotiate_3270("IBM-3278-2@0C1");
    ck_assert_str_eq(s.request.type, "IBM-3278-2");
    ck_assert_int_eq(s.request.address, 0x0C1);
    tn_session_close(&s);
    negotiate_3270("IBM-3278-4-E@MOD4");
    ck_assert_str_eq(s.request.type, "IBM-3278-4-E");
    ck_assert_int_eq(s.request.address, -1);
    ck_assert_str_eq(s.request.group, "MOD4");
    tn_session_close(&s);
}
END_TEST

/* An IBM type we do not serve is asked for the next one; repeating the first ends it. */
START_TEST(test_unknown_ibm_type)
{
    open_typed_session();
    send_type("IBM-3287-1");
    expect_out(SEND_TTYPE, sizeof SEND_TTYPE);
    send_type("IBM-DYNAMIC");
    expect_out(SEND_TTYPE, sizeof SEND_TTYPE);
    send_type("IBM-3278-2");
    expect_out(BINARY_EOR, sizeof BINARY_EOR);
    tn_session_close(&s);

    open_typed_session();
    send_type("IBM-3287-1");
    expect_out(SEND_TTYPE, sizeof SEND_TTYPE);
    send_type("IBM-3287-1");
    expect_out(NULL, 0);
    ck_assert_int_eq(s.state, TN_FAILED);
    ck_assert_ptr_nonnull(strstr(s.failure, "no acceptable terminal type"));
    tn_session_close(&s);
}
END_TEST

/* Any other type is a line-mode client: nothing more is negotiated (the client keeps its local echo
   and line editing, the NVT default). */
START_TEST(test_line_mode_by_type)
{
    open_typed_session();
    send_type("XTERM-256COLOR@01F");
    expect_out(NULL, 0);
    ck_assert_int_eq(s.state, TN_LINE);
    ck_assert_int_eq(s.request.address, 0x01F);
    receive("hello\r\n", 7);
    expect_line("hello");
    tn_session_close(&s);
}
END_TEST

START_TEST(test_line_mode_without_ttype)
{
    open_session();
    receive(BYTES(IAC, 0xFC, 0x18)); /* WONT TERMINAL-TYPE: libtelnet reports no refusal, so ... */
    expect_out(NULL, 0);
    tn_session_silent(&s); /* ... it takes the silent time */
    ck_assert_int_eq(s.state, TN_LINE);
    ck_assert_str_eq(s.request.type, "");
    tn_session_close(&s);
    open_session();
    receive(BYTES(IAC, 0xFC, 0x18, 'h', 'i', '\r', '\n')); /* or typing */
    ck_assert_int_eq(s.state, TN_LINE);
    expect_line("hi");
    tn_session_close(&s);
}
END_TEST

/* netcat: no telnet at all.  Silence makes it line mode; so does typing before anything telnet, and
   the typing is kept. */
START_TEST(test_raw_clients)
{
    open_session();
    tn_session_silent(&s);
    ck_assert_int_eq(s.state, TN_LINE);
    tn_session_close(&s);

    open_session();
    receive("first\nsecond\n", 13);
    ck_assert_int_eq(s.state, TN_LINE);
    expect_line("first");
    expect_line("second");
    tn_session_close(&s);

    /* a client that has agreed to TERMINAL-TYPE is not silent: it has the negotiation time */
    open_typed_session();
    tn_session_silent(&s);
    ck_assert_int_eq(s.state, TN_NEGOTIATING);
    receive("early", 5); /* data before the type is known: dropped (Hercules) */
    tn_session_give_up(&s);
    ck_assert_int_eq(s.state, TN_FAILED);
    expect_no_input();
    tn_session_close(&s);
}
END_TEST

START_TEST(test_refused_options)
{
    open_typed_session();
    send_type("IBM-3278-2");
    expect_out(BINARY_EOR, sizeof BINARY_EOR);
    receive(BYTES(IAC, 0xFD, 0x00, IAC, 0xFC, 0x00)); /* DO BINARY, WONT BINARY */
    ck_assert_int_eq(s.state, TN_NEGOTIATING);
    tn_session_give_up(&s);
    ck_assert_int_eq(s.state, TN_FAILED);
    ck_assert_ptr_nonnull(strstr(s.failure, "BINARY and EOR"));
    tn_session_close(&s);

    negotiate_3270("IBM-3278-2");
    receive(BYTES(IAC, 0xFE, 0x19)); /* DONT EOR after the fact */
    ck_assert_int_eq(s.state, TN_FAILED);
    ck_assert_ptr_nonnull(strstr(s.failure, "EOR"));
    tn_session_close(&s);

    /* other options the client offers are refused; TERMINAL-TYPE from us too */
    open_session();
    receive(BYTES(IAC, 0xFB, 0x03, IAC, 0xFD, 0x18, IAC, 0xFD, 0x28)); /* WILL SGA, DO TTYPE, DO TN3270E */
    expect_out(BYTES(IAC, 0xFE, 0x03, IAC, 0xFC, 0x18, IAC, 0xFC, 0x28));
    ck_assert_int_eq(s.state, TN_NEGOTIATING);
    tn_session_close(&s);
}
END_TEST

/* Records end at IAC EOR; IAC IAC is one X'FF'; a record may come in pieces; empty ones are dropped;
   one over the limit is dropped whole. */
START_TEST(test_inbound_records)
{
    negotiate_3270("IBM-3278-2");
    receive(BYTES(0x7D, 0x40, 0x40, 0x11, IAC, IAC, 0xC1, IAC, 0xEF));
    expect_input(BYTES(0x7D, 0x40, 0x40, 0x11, 0xFF, 0xC1));
    receive(BYTES(IAC, 0xEF));
    expect_no_input();
    receive(BYTES(0x6D));
    receive(BYTES(IAC));
    expect_no_input();
    receive(BYTES(0xEF));
    expect_input(BYTES(0x6D));
    static uint8_t big[TN_MAX_RECORD + 10];
    memset(big, 0x40, sizeof big);
    receive(big, sizeof big);
    receive(BYTES(IAC, 0xEF, 0x7D, 0x40, 0x40, IAC, 0xEF));
    expect_input(BYTES(0x7D, 0x40, 0x40));
    expect_no_input();
    tn_session_close(&s);
}
END_TEST

START_TEST(test_line_editing)
{
    open_session();
    tn_session_silent(&s);
    receive("ab\bc\r\n", 6);
    expect_line("ac");
    receive(BYTES('x', '\r', 0x00, 'y', '\n', 'z', 0x7F, 'w', '\r'));
    expect_line("x");
    expect_line("y");
    expect_line("w");
    receive(BYTES('a', 'b', IAC, 0xF7, 'c', '\r', '\n')); /* IAC EC */
    expect_line("ac");
    receive(BYTES('a', 'b', IAC, 0xF8, 'c', '\r', '\n')); /* IAC EL */
    expect_line("c");
    receive(BYTES(0xC3, 0xA9, 0x08, 'e', '\n')); /* backspace takes a whole UTF-8 character */
    expect_line("e");
    receive("\r\n", 2);
    expect_line("");
    tn_session_close(&s);
}
END_TEST

START_TEST(test_long_lines)
{
    open_session();
    tn_session_silent(&s);
    char line[TN_MAX_LINE + 200];
    memset(line, 'A', 1000);
    line[1000] = '\n';
    receive(line, 1001);
    line[1000] = '\0';
    expect_line(line);
    memset(line, 'B', sizeof line);
    receive(line, sizeof line);
    receive("\r\n", 2);
    struct tn_input in;
    ck_assert(tn_session_take_input(&s, &in));
    ck_assert_uint_eq(in.length, TN_MAX_LINE);
    free(in.data);
    buf_cstr(&s.out);
    ck_assert_ptr_nonnull(strstr(s.out.data, "S370W520"));
    tn_session_close(&s);
}
END_TEST

START_TEST(test_outbound_framing)
{
    negotiate_3270("IBM-3278-2");
    tn_session_send_record(&s, BYTES(0xF5, 0xC3, 0x11, 0xFF, 0x40));
    expect_out(BYTES(0xF5, 0xC3, 0x11, IAC, IAC, 0x40, IAC, 0xEF));
    tn_session_close(&s);
    open_session();
    tn_session_silent(&s);
    tn_session_send_text(&s, "one\ntwo", true);
    expect_out((const uint8_t *)"one\r\ntwo\r\n", 10);
    tn_session_send_text(&s, "prompt", false);
    expect_out((const uint8_t *)"prompt", 6);
    tn_session_close(&s);
}
END_TEST

/* ---- screens ----------------------------------------------------------------------------------- */

static void add_ebcdic(struct buf *b, const char *text)
{
    for (; *text; text++)
        buf_addc(b, (char)latin1_to_ebcdic[(unsigned char)*text]);
}

START_TEST(test_rejection_screen)
{
    struct tn_identity id = {"SYSTEM", "HOST"};
    struct buf got = {0}, want = {0};
    tn_rejection_screen(&got, &id, "Connection rejected: device 0C0 is busy.");
    buf_add(&want, BYTES(0xF5, 0x40, 0x11, 0x40, 0x40, 0x1D, 0x60));
    add_ebcdic(&want, "SYSTEM");
    buf_add(&want, BYTES(0x11, 0xC1, 0x50, 0x1D, 0x60));
    add_ebcdic(&want, "HOST");
    buf_add(&want, BYTES(0x11, 0xC2, 0x60, 0x1D, 0x60));
    add_ebcdic(&want, "Connection rejected: device 0C0 is busy.");
    ck_assert_uint_eq(got.len, want.len);
    ck_assert(memcmp(got.data, want.data, got.len) == 0);
    buf_free(&got);
    buf_free(&want);

    struct buf text = {0};
    tn_rejection_text(&text, &id, "why");
    ck_assert_str_eq(buf_cstr(&text), "SYSTEM\nHOST\nwhy\n");
    buf_free(&text);
}
END_TEST

static void no_send(void *ctx, struct device *d, const uint8_t *record, size_t length)
{
    (void)ctx;
    (void)d;
    (void)record;
    (void)length;
}

/* The screen a Read Buffer returns (AID, cursor, then each position: SF and its attribute, or a
   character), as text; '|' where a field attribute is. */
static void read_screen(struct device *d, char screen[1921], int *cursor)
{
    static uint8_t data[8192];
    struct io_request r = ur_exec(d, 0x02, data, sizeof data);
    ck_assert_uint_eq(r.status, OK);
    size_t n = sizeof data - r.residual, at = 3;
    *cursor = (data[1] & 0x3F) << 6 | (data[2] & 0x3F);
    for (int p = 0; p < 1920 && at < n; p++) {
        if (data[at] == 0x1D) {
            screen[p] = '|';
            at += 2;
        } else {
            screen[p] = data[at] ? (char)ebcdic_to_latin1[data[at]] : ' ';
            at++;
        }
    }
    screen[1920] = '\0';
}

static void expect_at(const char *screen, int row, int column, const char *text)
{
    int p = (row - 1) * 80 + column - 1;
    ck_assert_msg(strncmp(screen + p, text, strlen(text)) == 0, "row %d column %d holds \"%.40s\"", row, column,
                  screen + p);
}

/* The logo is a valid Erase/Write that a 3274 takes without an operation check: the system on row 5,
   the terminal and client on rows 9 and 10, how to disconnect on row 22, the cursor at the end. */
START_TEST(test_logo)
{
    struct tn_identity id;
    tn_identity_init(&id);
    struct device *d = ur_define("3270", 0x0C0, "");
    struct display_terminal t;
    ck_assert(display_terminal_parse("IBM-3278-2-E", &t));
    ck_assert(display_connect(d, &(struct display_client){.send = no_send}, &t));
    struct tn_request r = {.type = "IBM-3278-2-E", .address = -1};
    struct buf logo = {0};
    tn_logo(&logo, &id, d, &r, "127.0.0.1:4000");
    ck_assert_uint_eq((uint8_t)logo.data[0], 0xF5); /* Erase/Write */
    ck_assert_uint_eq((uint8_t)logo.data[1], 0x42); /* WCC: reset, keyboard restore */
    struct io_request w = ur_exec(d, 0x05, logo.data + 1, (uint32_t)logo.len - 1);
    ur_expect(&w, OK, 0);
    char screen[1921];
    int cursor;
    read_screen(d, screen, &cursor);
    ck_assert_ptr_nonnull(strstr(screen, id.system));
    expect_at(screen, 9, 15, "|Terminal   0C0 (IBM-3278-2-E)");
    expect_at(screen, 10, 15, "|Client     127.0.0.1:4000");
    expect_at(screen, 22, 15, "|To disconnect, close this session");
    ck_assert_int_eq(cursor, 1919);
    ur_free(d);
    buf_free(&logo);
}
END_TEST

/* ---- device assignment --------------------------------------------------------------------------- */

static struct output log_out;
static FILE *log_file;

static struct system *build_system(const char *text)
{
    struct config c;
    config_init(&c);
    ck_assert_msg(config_read_text(&c, "t.cnf", text), "%s", c.nmessages ? c.messages[0] : "");
    log_file = tmpfile();
    output_init(&log_out, log_file);
    struct system *sys = system_build(&c, &log_out);
    ck_assert_ptr_nonnull(sys);
    config_free(&c);
    return sys;
}

static void free_system(struct system *sys)
{
    system_destroy(sys);
    output_destroy(&log_out);
    fclose(log_file);
}

static const char *const terminals_config = "MAINSIZE 64K\n"
                                            "0009 3215-C / NOPROMPT\n"
                                            "00C0.3 3270\n"
                                            "00C3 3270 MOD4\n"
                                            "00C4 3270 * 10.0.0.0 255.0.0.0\n"
                                            "001F 3215\n"
                                            "0020 1052 NOPROMPT GRP\n"
                                            "000C 3505 /dev/null\n";

static bool busy[4096];

static bool is_busy(void *ctx, const struct device *d)
{
    (void)ctx;
    return busy[d->address];
}

/* The device a client gets, or -1 with the reason checked against `why_part`. */
static int choose(struct system *sys, bool display, const char *type, const char *ip, const char *why_part)
{
    struct tn_request r;
    memset(&r, 0, sizeof r);
    r.address = -1;
    char *at = strchr(type, '@');
    if (at && strspn(at + 1, "0123456789ABCDEF") == strlen(at + 1))
        r.address = (int)strtol(at + 1, NULL, 16);
    else if (at)
        snprintf(r.group, sizeof r.group, "%s", at + 1);
    struct in_addr a;
    inet_pton(AF_INET, ip, &a);
    char why[160] = "";
    struct device *d = tn_choose_device(sys->cs, display, &r, ntohl(a.s_addr), is_busy, NULL, why, sizeof why);
    if (d)
        return d->address;
    ck_assert_msg(why_part && strstr(why, why_part), "reason: %s", why);
    return -1;
}

START_TEST(test_assignment)
{
    struct system *sys = build_system(terminals_config);
    memset(busy, 0, sizeof busy);
    ck_assert_int_eq(choose(sys, true, "", "127.0.0.1", NULL), 0x0C0);
    busy[0x0C0] = true;
    ck_assert_int_eq(choose(sys, true, "", "127.0.0.1", NULL), 0x0C1);
    busy[0x0C1] = busy[0x0C2] = true;
    /* 0C3 has a group, 0C4 takes only 10.x.x.x */
    ck_assert_int_eq(choose(sys, true, "", "127.0.0.1", "no 3270 device is free"), -1);
    ck_assert_int_eq(choose(sys, true, "", "10.1.2.3", NULL), 0x0C4);
    ck_assert_int_eq(choose(sys, true, "@MOD4", "127.0.0.1", NULL), 0x0C3);
    ck_assert_int_eq(choose(sys, true, "@OTHER", "127.0.0.1", "no 3270 device of group OTHER is free"), -1);
    /* a named device, or nothing */
    ck_assert_int_eq(choose(sys, true, "@0C1", "127.0.0.1", "device 0C1 is busy"), -1);
    ck_assert_int_eq(choose(sys, true, "@0C3", "127.0.0.1", NULL), 0x0C3);
    ck_assert_int_eq(choose(sys, true, "@0C9", "127.0.0.1", "device 0C9 does not exist"), -1);
    ck_assert_int_eq(choose(sys, true, "@01F", "127.0.0.1", "device 01F is not a 3270 device"), -1);
    ck_assert_int_eq(choose(sys, true, "@0C4", "127.0.0.1", "does not accept clients from 127.0.0.1"), -1);
    /* line mode: 3215/1052 without -C */
    ck_assert_int_eq(choose(sys, false, "", "127.0.0.1", NULL), 0x01F);
    ck_assert_int_eq(choose(sys, false, "@GRP", "127.0.0.1", NULL), 0x020);
    ck_assert_int_eq(choose(sys, false, "@009", "127.0.0.1", "device 009 is not a 1052 or 3215 device"), -1);
    ck_assert_int_eq(choose(sys, false, "@0C0", "127.0.0.1", "not a 1052 or 3215 device"), -1);
    busy[0x01F] = true;
    ck_assert_int_eq(choose(sys, false, "", "127.0.0.1", "no 1052 or 3215 device is free"), -1);
    free_system(sys);
}
END_TEST

/* ---- the server on loopback --------------------------------------------------------------------- */

static struct {
    struct system *sys;
    struct telnet_server *server;
    int port;
} srv;

static const struct telnet_limits quick = {
    .max_clients = 6, .silent_ms = 200, .negotiation_ms = 1000, .linger_ms = 300};

static void start_server(void)
{
    srv.sys = build_system(terminals_config);
    srv.server = telnet_server_start(srv.sys->cs, &log_out, "127.0.0.1:0", &quick);
    ck_assert_ptr_nonnull(srv.server);
    srv.port = telnet_server_port(srv.server);
    ck_assert_int_gt(srv.port, 0);
}

static void stop_server(void)
{
    telnet_server_stop(srv.server);
    telnet_server_free(srv.server);
    free_system(srv.sys);
}

static int connect_client(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)srv.port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    return fd;
}

static void send_bytes(int fd, const void *data, size_t n)
{
    ck_assert_int_eq(send(fd, data, n, MSG_NOSIGNAL), (ssize_t)n);
}

/* Read until `want` has arrived (the bytes before it are in *got) or the end; false at the end or
   after WAIT_MS. */
static bool read_until(int fd, const void *want, size_t n, struct buf *got)
{
    for (int waited = 0; waited < WAIT_MS; waited += 10) {
        if (got->len >= n && memmem(got->data, got->len, want, n))
            return true;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 10) <= 0)
            continue;
        char data[4096];
        ssize_t r = recv(fd, data, sizeof data, 0);
        if (r <= 0)
            return false;
        buf_add(got, data, (size_t)r);
    }
    return false;
}

static void expect_bytes(int fd, const uint8_t *want, size_t n)
{
    struct buf got = {0};
    ck_assert_msg(read_until(fd, want, n, &got), "expected bytes did not arrive (%zu bytes came)", got.len);
    ck_assert_msg(got.len == n, "%zu bytes came before the expected ones", got.len - n);
    buf_free(&got);
}

/* The server closes the connection within WAIT_MS. */
static void expect_closed(int fd)
{
    struct buf got = {0};
    ck_assert(!read_until(fd, "\x01\x02\x03\x04", 4, &got));
    buf_free(&got);
    close(fd);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
    nanosleep(&ts, NULL);
}

static bool eventually(bool (*condition)(uint16_t address), uint16_t address)
{
    for (int waited = 0; waited < WAIT_MS; waited += 10, sleep_ms(10))
        if (condition(address))
            return true;
    return false;
}

static bool has_client(uint16_t address)
{
    char where[64];
    return telnet_server_client_address(srv.server, address, where, sizeof where);
}

static bool has_no_client(uint16_t address)
{
    return !has_client(address);
}

static bool log_has(const char *text)
{
    fflush(log_file);
    rewind(log_file);
    char line[512];
    bool found = false;
    while (!found && fgets(line, sizeof line, log_file))
        found = strstr(line, text) != NULL;
    fseek(log_file, 0, SEEK_END);
    return found;
}

/* A TN3270 client through negotiation; the logo (Erase/Write, WCC X'42', ... IAC EOR) follows. */
static int connect_3270(const char *type)
{
    int fd = connect_client();
    expect_bytes(fd, DO_TTYPE, sizeof DO_TTYPE);
    send_bytes(fd, WILL_TTYPE, sizeof WILL_TTYPE);
    expect_bytes(fd, SEND_TTYPE, sizeof SEND_TTYPE);
    struct buf is = {0};
    buf_add(&is, BYTES(IAC, 0xFA, 0x18, 0x00));
    buf_adds(&is, type);
    buf_add(&is, BYTES(IAC, 0xF0));
    send_bytes(fd, is.data, is.len);
    buf_free(&is);
    expect_bytes(fd, BINARY_EOR, sizeof BINARY_EOR);
    send_bytes(fd, AGREE, sizeof AGREE);
    return fd;
}

static void expect_logo(int fd)
{
    struct buf got = {0};
    ck_assert(read_until(fd, BYTES(IAC, 0xEF), &got));
    ck_assert(got.len > 2 && memcmp(got.data, BYTES(0xF5, 0x42)) == 0); /* nothing before it */
    buf_free(&got);
}

/* A TN3270 client that got its logo and the device at `address`. */
static int attach_3270(const char *type, uint16_t address)
{
    int fd = connect_3270(type);
    expect_logo(fd);
    ck_assert(eventually(has_client, address));
    return fd;
}

static struct device *device_at(uint16_t address)
{
    return channel_device(srv.sys->cs, address);
}

/* Logo; guest output (IAC doubled, IAC EOR); input raises attention and Read Modified returns it;
   disconnect makes the device not ready (unit check, intervention required); a reconnect works. */
START_TEST(test_server_3270)
{
    start_server();
    int fd = attach_3270("IBM-3278-2-E", 0x0C0);
    ck_assert(display_connected(device_at(0x0C0)));
    ck_assert(log_has("S370I502 0C0 3270 client 127.0.0.1:"));
    ck_assert(log_has("(IBM-3278-2-E)"));

    uint8_t write[] = {0xC3, 0x11, 0x40, 0x40, 0xFF, 0xC1};
    struct io_request r = ur_exec(device_at(0x0C0), 0x01, write, sizeof write);
    ur_expect(&r, OK, 0);
    expect_bytes(fd, BYTES(0xF1, 0xC3, 0x11, 0x40, 0x40, IAC, IAC, 0xC1, IAC, 0xEF));

    /* Enter with no fields: AID, cursor; then Clear */
    send_bytes(fd, BYTES(0x7D, 0x40, 0xC1, IAC, 0xEF));
    uint8_t got[16];
    for (int waited = 0; waited < WAIT_MS; waited += 10, sleep_ms(10)) {
        r = ur_exec(device_at(0x0C0), 0x06, got, sizeof got);
        if (got[0] == 0x7D)
            break;
    }
    /* an unformatted screen: AID, cursor, every character but nulls (3270 Data Stream, Read Modified) */
    ur_expect(&r, OK, sizeof got - 5);
    ck_assert(memcmp(got, BYTES(0x7D, 0x40, 0xC1, 0xFF, 0xC1)) == 0);

    close(fd);
    ck_assert(eventually(has_no_client, 0x0C0));
    ck_assert(!display_connected(device_at(0x0C0)));
    r = ur_exec(device_at(0x0C0), 0x01, write, sizeof write);
    ur_expect(&r, UNIT_CHECK, sizeof write);
    ur_expect_sense(device_at(0x0C0), BYTES(SENSE_INTERVENTION_REQUIRED));
    ck_assert(log_has("S370I503 0C0 3270 client 127.0.0.1:"));

    fd = attach_3270("IBM-3279-4", 0x0C0);
    close(fd);
    stop_server();
}
END_TEST

/* Erase/Write Alternate goes out as X'7E'; a model 5 terminal's alternate size is 27x132. */
START_TEST(test_server_alternate_size)
{
    start_server();
    int fd = attach_3270("IBM-3278-5@0C2", 0x0C2);
    uint8_t data[] = {0xC3, 0x11, 0x6E, 0xF8, 0xC1}; /* SBA to 3000: only on the 27x132 screen */
    struct io_request r = ur_exec(device_at(0x0C2), 0x0D, data, sizeof data);
    ur_expect(&r, OK, 0);
    expect_bytes(fd, BYTES(0x7E, 0xC3, 0x11, 0x6E, 0xF8, 0xC1, IAC, 0xEF));
    r = ur_exec(device_at(0x0C2), 0x05, data, sizeof data); /* 24x80 again: 3000 is off the screen */
    ck_assert_uint_eq(r.status, OK | UNIT_CHECK);
    close(fd);
    stop_server();
}
END_TEST

/* A device asked for by number that has a client: the rejection screen, then the connection closes
   after the linger time; the connected client goes on undisturbed. */
START_TEST(test_server_busy_device)
{
    start_server();
    int first = attach_3270("IBM-3278-2@0C1", 0x0C1);
    int second = connect_3270("IBM-3278-2@0C1");
    struct buf got = {0};
    ck_assert(read_until(second, BYTES(0xF5, 0x40, 0x11, 0x40, 0x40, 0x1D, 0x60), &got));
    struct buf reason = {0};
    add_ebcdic(&reason, "Connection rejected: device 0C1 is busy.");
    ck_assert(read_until(second, reason.data, reason.len, &got));
    ck_assert(read_until(second, BYTES(IAC, 0xEF), &got));
    buf_free(&got);
    buf_free(&reason);
    expect_closed(second);
    ck_assert(log_has("S370W504 telnet client 127.0.0.1:"));
    ck_assert(log_has("refused: device 0C1 is busy"));
    uint8_t write[] = {0xC3};
    struct io_request r = ur_exec(device_at(0x0C1), 0x01, write, sizeof write);
    ur_expect(&r, OK, 0);
    expect_bytes(first, BYTES(0xF1, 0xC3, IAC, 0xEF));
    close(first);
    stop_server();
}
END_TEST

/* The console holds a typed line for the next read. */
static bool line_typed(uint16_t address)
{
    char state[200];
    device_at(address)->type->describe(device_at(address), state, sizeof state);
    return strstr(state, "input waiting") != NULL;
}

/* A silent client is a line-mode console on the first free 3215/1052: the greeting, its line as
   operator input (EBCDIC), the guest's line back with CR LF. */
START_TEST(test_server_line_mode)
{
    start_server();
    int fd = connect_client();
    expect_bytes(fd, DO_TTYPE, sizeof DO_TTYPE);
    struct buf got = {0};
    ck_assert(read_until(fd, "Console 01F (3215) connected from 127.0.0.1:", 44, &got));
    ck_assert(read_until(fd, "\r\n", 2, &got));
    buf_free(&got);
    ck_assert(eventually(has_client, 0x01F));
    send_bytes(fd, "hi there\r\n", 10);
    ck_assert(eventually(line_typed, 0x01F));
    uint8_t line[32] = {0};
    struct io_request r = ur_exec(device_at(0x01F), 0x0A, line, sizeof line);
    ur_expect(&r, OK, sizeof line - 8);
    uint8_t want[8];
    ur_ebcdic(want, "hi there");
    ck_assert(memcmp(line, want, 8) == 0);
    uint8_t out[4];
    ur_ebcdic(out, "OK!!");
    r = ur_exec(device_at(0x01F), 0x09, out, 4);
    ur_expect(&r, OK, 0);
    expect_bytes(fd, (const uint8_t *)"OK!!\r\n", 6);
    close(fd);
    ck_assert(eventually(has_no_client, 0x01F));
    stop_server();
}
END_TEST

/* More clients than the cap: the one too many is told why and closed; a client that never finishes
   negotiating is closed at the time limit; garbage and half-open connections disturb nobody. */
START_TEST(test_server_limits)
{
    start_server();
    int fds[6];
    for (int i = 0; i < 6; i++) {
        fds[i] = connect_client();
        expect_bytes(fds[i], DO_TTYPE, sizeof DO_TTYPE);
        send_bytes(fds[i], WILL_TTYPE, sizeof WILL_TTYPE); /* ... and never a type */
    }
    int extra = connect_client();
    struct buf got = {0};
    ck_assert(read_until(extra, "S370W506", 8, &got));
    buf_free(&got);
    expect_closed(extra);
    for (int i = 0; i < 6; i++) {
        expect_bytes(fds[i], SEND_TTYPE, sizeof SEND_TTYPE);
        expect_closed(fds[i]);
    }
    ck_assert(log_has("S370W505 telnet client 127.0.0.1:"));
    ck_assert(log_has("did not send its terminal type in time"));

    int garbage = connect_client();
    uint8_t noise[512];
    srand(5);
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (uint8_t)rand();
    send_bytes(garbage, noise, sizeof noise);
    int half = connect_client();
    shutdown(half, SHUT_WR);
    int fd = connect_3270("IBM-3278-2");
    expect_logo(fd);
    close(garbage);
    close(half);
    close(fd);
    stop_server();
}
END_TEST

/* Detaching a device disconnects its client; stopping the server disconnects every client. */
START_TEST(test_server_device_removed)
{
    start_server();
    int fd = attach_3270("IBM-3278-2@0C2", 0x0C2);
    telnet_server_lock_devices(srv.server);
    telnet_server_device_removed(srv.server, 0x0C2);
    channel_detach(srv.sys->cs, 0x0C2);
    telnet_server_unlock_devices(srv.server);
    expect_closed(fd);
    fd = attach_3270("IBM-3278-2", 0x0C0);
    telnet_server_stop(srv.server);
    ck_assert(!display_connected(device_at(0x0C0)));
    expect_closed(fd);
    stop_server();
}
END_TEST

static int open_descriptors(void)
{
    DIR *dir = opendir("/proc/self/fd");
    int n = 0;
    while (readdir(dir))
        n++;
    closedir(dir);
    return n;
}

/* Every socket a client used is closed again; the server leaves nothing open when freed. */
START_TEST(test_server_descriptors)
{
    int before = open_descriptors();
    start_server();
    int during = open_descriptors();
    for (int i = 0; i < 4; i++) {
        int fd = connect_3270("IBM-3278-2");
        expect_logo(fd);
        close(fd);
    }
    ck_assert(eventually(has_no_client, 0x0C0));
    ck_assert_int_eq(open_descriptors(), during);
    stop_server();
    ck_assert_int_eq(open_descriptors(), before);
}
END_TEST

static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    socklen_t length = sizeof a;
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &length), 0);
    close(fd);
    return ntohs(a.sin_port);
}

/* The system starts the server on CNSLPORT when a terminal is first defined (here by attach, after
   start), shows the client's address, and disconnects the client of a device that is detached or
   re-initialised. */
START_TEST(test_system_server)
{
    char config[256];
    srv.port = free_port();
    snprintf(config, sizeof config, "MAINSIZE 64K\nCNSLPORT 127.0.0.1:%d\n0009 3215-C / NOPROMPT\n", srv.port);
    srv.sys = build_system(config);
    system_start(srv.sys);
    ck_assert_ptr_null(srv.sys->telnet); /* no terminal yet: no server */
    char err[200];
    ck_assert(system_attach(srv.sys, 0x0C0, "3270", 0, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(srv.server = srv.sys->telnet);
    char where[64];
    ck_assert(log_has("S370I500 telnet server listening on 127.0.0.1:"));
    int fd = attach_3270("IBM-3278-2", 0x0C0);
    ck_assert(system_terminal_client(srv.sys, 0x0C0, where, sizeof where));
    ck_assert_ptr_nonnull(strstr(where, "127.0.0.1:"));
    ck_assert(system_reinit(srv.sys, 0x0C0, 0, NULL, err, sizeof err));
    expect_closed(fd);
    ck_assert(!system_terminal_client(srv.sys, 0x0C0, where, sizeof where));
    fd = attach_3270("IBM-3278-2", 0x0C0);
    ck_assert(system_detach(srv.sys, 0x0C0));
    expect_closed(fd);
    free_system(srv.sys);
}
END_TEST

Suite *suite_telnet(void)
{
    Suite *su = suite_create("telnet");
    TCase *session = tcase_create("session");
    tcase_add_test(session, test_negotiation_3270);
    tcase_add_test(session, test_models);
    tcase_add_test(session, test_type_suffix);
    tcase_add_test(session, test_unknown_ibm_type);
    tcase_add_test(session, test_line_mode_by_type);
    tcase_add_test(session, test_line_mode_without_ttype);
    tcase_add_test(session, test_raw_clients);
    tcase_add_test(session, test_refused_options);
    tcase_add_test(session, test_inbound_records);
    tcase_add_test(session, test_line_editing);
    tcase_add_test(session, test_long_lines);
    tcase_add_test(session, test_outbound_framing);
    suite_add_tcase(su, session);
    TCase *screens = tcase_create("screens");
    tcase_add_test(screens, test_rejection_screen);
    tcase_add_test(screens, test_logo);
    tcase_add_test(screens, test_assignment);
    suite_add_tcase(su, screens);
    TCase *server = tcase_create("server");
    tcase_set_timeout(server, 30);
    tcase_add_test(server, test_server_3270);
    tcase_add_test(server, test_server_alternate_size);
    tcase_add_test(server, test_server_busy_device);
    tcase_add_test(server, test_server_line_mode);
    tcase_add_test(server, test_server_limits);
    tcase_add_test(server, test_server_device_removed);
    tcase_add_test(server, test_server_descriptors);
    tcase_add_test(server, test_system_server);
    suite_add_tcase(su, server);
    return su;
}
