/*
 * tn3270_session.c - one telnet client's protocol on top of libtelnet (see tn3270.h): the terminal
 * type negotiation that tells a TN3270 terminal from a line-mode client, inbound 3270 records (ended
 * by IAC EOR) and typed lines, and outbound records and text.  No sockets: bytes come in through
 * tn_session_receive and leave through `out`.
 */
#include "console/tn3270.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The options we accept when the client offers them: only TERMINAL-TYPE from the client (libtelnet
   refuses every other request, RFC 1143).  BINARY and EOR are asked for once the type is known. */
static const telnet_telopt_t accepted_options[] = {
    {TELNET_TELOPT_TTYPE, TELNET_WONT, TELNET_DO},
    {-1, 0, 0},
};

/* The four agreements a TN3270 terminal needs. */
enum {
    AGREED_WE_BINARY = 1,   /* client: DO BINARY */
    AGREED_THEY_BINARY = 2, /* client: WILL BINARY */
    AGREED_WE_EOR = 4,      /* client: DO EOR */
    AGREED_THEY_EOR = 8,    /* client: WILL EOR */
    AGREED_ALL = 15,
};

enum { ASCII_BACKSPACE = 0x08, ASCII_DELETE = 0x7F, MAX_INPUTS = 4096 };

static void fail(struct tn_session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct tn_session *s, const char *fmt, ...)
{
    if (s->state == TN_FAILED)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->failure, sizeof s->failure, fmt, ap);
    va_end(ap);
    s->state = TN_FAILED;
    s->phase = TN_DONE;
}

/* A name from the client, fit for the log: printable ASCII, at most 40 characters. */
static void printable(char *dst, size_t size, const char *name)
{
    size_t n = 0;
    for (; name[n] && n < 40 && n + 1 < size; n++)
        dst[n] = name[n] >= 0x20 && name[n] < 0x7F ? name[n] : '?';
    dst[n] = '\0';
}

/* ---- input pieces ------------------------------------------------------------------------------- */

static void finish_unit(struct tn_session *s)
{
    if (s->ninputs < MAX_INPUTS) {
        struct tn_input *in = ARRAY_PUSH(s->inputs, s->ninputs, s->inputs_cap);
        in->length = s->unit.len;
        in->data = xstrndup(s->unit.len ? s->unit.data : "", s->unit.len);
    }
    s->unit.len = 0;
    s->unit_too_long = false;
}

bool tn_session_take_input(struct tn_session *s, struct tn_input *in)
{
    if (s->ninputs == 0)
        return false;
    *in = s->inputs[0];
    memmove(s->inputs, s->inputs + 1, --s->ninputs * sizeof *s->inputs);
    return true;
}

/* ---- line mode ---------------------------------------------------------------------------------- */

/* Backspace: the last character, all of a UTF-8 sequence. */
static void erase_character(struct buf *line)
{
    while (line->len > 0 && ((unsigned char)line->data[line->len - 1] & 0xC0) == 0x80)
        line->len--;
    if (line->len > 0)
        line->len--;
}

/* A line ends with CR LF, CR NUL (RFC 854), or a lone CR or LF (netcat sends LF). */
static void line_byte(struct tn_session *s, unsigned char c)
{
    bool after_cr = s->after_cr;
    s->after_cr = c == '\r';
    if (c == '\r' || (c == '\n' && !after_cr)) {
        finish_unit(s);
    } else if (c == ASCII_BACKSPACE || c == ASCII_DELETE) {
        erase_character(&s->unit);
    } else if (c == '\n' || c == '\0') {
        /* the second half of CR LF or CR NUL; a NUL elsewhere means nothing */
    } else if (s->unit.len < TN_MAX_LINE) {
        buf_addc(&s->unit, (char)c);
    } else if (!s->unit_too_long) {
        s->unit_too_long = true;
        tn_session_send_text(s, "S370W520 the line is longer than 4096 characters: the rest is ignored", true);
    }
}

static void line_data(struct tn_session *s, const unsigned char *data, size_t length)
{
    for (size_t i = 0; i < length; i++)
        line_byte(s, data[i]);
}

/* IAC EC and EL edit the line; IAC IP and BREAK throw it away. */
static void line_command(struct tn_session *s, unsigned char command)
{
    if (command == TELNET_EC)
        erase_character(&s->unit);
    else if (command == TELNET_EL || command == TELNET_IP || command == TELNET_BREAK)
        s->unit.len = 0;
}

/* Data the client sent before agreeing to TERMINAL-TYPE is the first of its typing. */
static void become_line_client(struct tn_session *s)
{
    s->state = TN_LINE;
    s->phase = TN_DONE;
    struct buf early = s->unit;
    memset(&s->unit, 0, sizeof s->unit);
    line_data(s, (const unsigned char *)early.data, early.len);
    buf_free(&early);
}

/* ---- 3270 records ------------------------------------------------------------------------------- */

static void record_data(struct tn_session *s, const char *data, size_t length)
{
    if (s->unit_too_long)
        return;
    if (s->unit.len + length > TN_MAX_RECORD) {
        s->unit_too_long = true; /* the record is dropped at its IAC EOR */
        return;
    }
    buf_add(&s->unit, data, length);
}

static void record_end(struct tn_session *s)
{
    if (s->unit_too_long || s->unit.len == 0) {
        s->unit.len = 0;
        s->unit_too_long = false;
        return;
    }
    finish_unit(s);
}

/* ---- negotiation -------------------------------------------------------------------------------- */

/* "type@suffix": a suffix of 1-4 hex digits is a device number, anything else a group name. */
static void split_type(struct tn_request *r, const char *name)
{
    r->address = -1;
    r->group[0] = '\0';
    snprintf(r->type, sizeof r->type, "%s", name);
    char *at = strchr(r->type, '@');
    if (!at)
        return;
    *at++ = '\0';
    size_t digits = strspn(at, "0123456789abcdefABCDEF");
    if (digits >= 1 && digits <= 4 && at[digits] == '\0')
        r->address = (int)strtol(at, NULL, 16);
    else
        snprintf(r->group, sizeof r->group, "%s", at);
}

static void check_agreed(struct tn_session *s)
{
    if (s->phase == TN_AWAIT_BINARY_EOR && s->agreed == AGREED_ALL) {
        s->state = TN_3270;
        s->phase = TN_DONE;
    }
}

static void ask_binary_and_eor(struct tn_session *s)
{
    s->phase = TN_AWAIT_BINARY_EOR;
    telnet_negotiate(s->telnet, TELNET_WILL, TELNET_TELOPT_BINARY);
    telnet_negotiate(s->telnet, TELNET_DO, TELNET_TELOPT_BINARY);
    telnet_negotiate(s->telnet, TELNET_WILL, TELNET_TELOPT_EOR);
    telnet_negotiate(s->telnet, TELNET_DO, TELNET_TELOPT_EOR);
}

/* An IBM type we do not take: ask for the client's next one, until it offers its first again. */
static void ask_next_type(struct tn_session *s, const char *shown)
{
    bool wrapped = s->first_type[0] && strcasecmp_ascii(s->first_type, s->request.type) == 0;
    if (wrapped || ++s->type_requests > TN_MAX_TYPE_REQUESTS) {
        fail(s, "no acceptable terminal type (the last offered was %s)", shown);
        return;
    }
    if (!s->first_type[0])
        snprintf(s->first_type, sizeof s->first_type, "%s", s->request.type);
    telnet_ttype_send(s->telnet);
}

static void received_type(struct tn_session *s, const char *name)
{
    char shown[48];
    printable(shown, sizeof shown, name);
    if (s->phase != TN_AWAIT_TYPE)
        return; /* unasked for: ignored */
    if (strlen(name) >= sizeof s->request.type) {
        fail(s, "the terminal type %s... is too long", shown);
        return;
    }
    split_type(&s->request, name);
    if (strncasecmp_ascii(s->request.type, "IBM-", 4) != 0)
        become_line_client(s);
    else if (display_terminal_parse(s->request.type, &s->request.terminal))
        ask_binary_and_eor(s);
    else
        ask_next_type(s, shown);
}

static unsigned agreement_of(unsigned char option, bool ours)
{
    if (option == TELNET_TELOPT_BINARY)
        return ours ? AGREED_WE_BINARY : AGREED_THEY_BINARY;
    if (option == TELNET_TELOPT_EOR)
        return ours ? AGREED_WE_EOR : AGREED_THEY_EOR;
    return 0;
}

/* The client accepted (DO for our side, WILL for its own) an option. */
static void option_on(struct tn_session *s, unsigned char option, bool ours)
{
    if (!ours && option == TELNET_TELOPT_TTYPE && s->phase == TN_AWAIT_WILL_TTYPE) {
        s->phase = TN_AWAIT_TYPE;
        telnet_ttype_send(s->telnet);
        return;
    }
    s->agreed |= agreement_of(option, ours);
    check_agreed(s);
}

/* The client turned off an option it had agreed to (libtelnet reports no event when it refuses one we
   ask for: that shows only as a negotiation that does not finish): without TERMINAL-TYPE it is a
   line-mode client; a 3270 terminal cannot do without BINARY or EOR. */
static void option_off(struct tn_session *s, unsigned char option, bool ours)
{
    if (!ours && option == TELNET_TELOPT_TTYPE && s->state == TN_NEGOTIATING) {
        become_line_client(s);
        return;
    }
    unsigned which = agreement_of(option, ours);
    if (!which || (s->phase != TN_AWAIT_BINARY_EOR && s->state != TN_3270))
        return;
    fail(s, "the client refused %s, which TN3270 needs", option == TELNET_TELOPT_BINARY ? "BINARY" : "EOR");
}

static void received_data(struct tn_session *s, const char *data, size_t length)
{
    switch (s->state) {
    case TN_NEGOTIATING:
        /* typing before agreeing to send its terminal type: a line-mode client; typing later, while the
           type is being settled: too early, dropped (Hercules) */
        if (s->phase == TN_AWAIT_WILL_TTYPE) {
            buf_add(&s->unit, data, length);
            become_line_client(s);
        }
        break;
    case TN_3270:
        record_data(s, data, length);
        break;
    case TN_LINE:
        line_data(s, (const unsigned char *)data, length);
        break;
    case TN_FAILED:
        break;
    }
}

static void received_command(struct tn_session *s, unsigned char command)
{
    if (s->state == TN_3270 && command == TELNET_EOR)
        record_end(s);
    else if (s->state == TN_LINE)
        line_command(s, command);
}

static void on_event(telnet_t *telnet, telnet_event_t *ev, void *user)
{
    (void)telnet;
    struct tn_session *s = user;
    switch (ev->type) {
    case TELNET_EV_SEND:
        buf_add(&s->out, ev->data.buffer, ev->data.size);
        break;
    case TELNET_EV_DATA:
        received_data(s, ev->data.buffer, ev->data.size);
        break;
    case TELNET_EV_IAC:
        received_command(s, ev->iac.cmd);
        break;
    case TELNET_EV_WILL:
    case TELNET_EV_DO:
        option_on(s, ev->neg.telopt, ev->type == TELNET_EV_DO);
        break;
    case TELNET_EV_WONT:
    case TELNET_EV_DONT:
        option_off(s, ev->neg.telopt, ev->type == TELNET_EV_DONT);
        break;
    case TELNET_EV_TTYPE:
        if (ev->ttype.cmd == TELNET_TTYPE_IS && ev->ttype.name)
            received_type(s, ev->ttype.name);
        break;
    case TELNET_EV_ERROR:
        fail(s, "telnet protocol error: %s", ev->error.msg ? ev->error.msg : "?");
        break;
    default:
        /* other subnegotiations and libtelnet's warnings about malformed ones: nothing to do */
        break;
    }
}

/* ---- the session -------------------------------------------------------------------------------- */

void tn_session_open(struct tn_session *s)
{
    memset(s, 0, sizeof *s);
    s->request.address = -1;
    s->telnet = telnet_init(accepted_options, on_event, 0, s);
    if (!s->telnet) {
        fail(s, "out of memory for the telnet state");
        return;
    }
    telnet_negotiate(s->telnet, TELNET_DO, TELNET_TELOPT_TTYPE);
}

void tn_session_close(struct tn_session *s)
{
    if (s->telnet)
        telnet_free(s->telnet);
    for (size_t i = 0; i < s->ninputs; i++)
        free(s->inputs[i].data);
    free(s->inputs);
    buf_free(&s->out);
    buf_free(&s->unit);
    memset(s, 0, sizeof *s);
}

void tn_session_receive(struct tn_session *s, const void *data, size_t length)
{
    if (s->state != TN_FAILED && length > 0)
        telnet_recv(s->telnet, data, length);
}

void tn_session_silent(struct tn_session *s)
{
    if (s->state == TN_NEGOTIATING && s->phase == TN_AWAIT_WILL_TTYPE)
        become_line_client(s);
}

void tn_session_give_up(struct tn_session *s)
{
    if (s->state != TN_NEGOTIATING)
        return;
    if (s->phase == TN_AWAIT_BINARY_EOR)
        fail(s, "the client did not agree to BINARY and EOR both ways, which TN3270 needs, in time");
    else
        fail(s, "the client did not send its terminal type in time");
}

void tn_session_send_record(struct tn_session *s, const void *record, size_t length)
{
    if (!s->telnet)
        return;
    telnet_send(s->telnet, record, length);
    telnet_iac(s->telnet, TELNET_EOR);
}

/* NVT text: every "\n" goes out as CR LF. */
void tn_session_send_text(struct tn_session *s, const char *text, bool end_of_line)
{
    if (!s->telnet)
        return;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        telnet_send(s->telnet, p, n);
        p += n;
        if (*p == '\n') {
            telnet_send(s->telnet, "\r\n", 2);
            p++;
        }
    }
    if (end_of_line)
        telnet_send(s->telnet, "\r\n", 2);
}
