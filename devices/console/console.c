/*
 * console.c - line-mode consoles: the 3215 console printer-keyboard and the 1052 printer-keyboard,
 * integrated ("-C", on the host's panel) or for a telnet line-mode client (see console.h).  A console
 * is a typewriter: what the guest writes without a carrier return stays on the line until the line
 * ends; a read waits (deferred) until the operator presses Enter; Enter with no read waiting presents
 * attention.  The terminal filter shared with 3270 displays lives here too.
 */
#include "devices/console/console.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/ebcdic.h"
#include "common/util.h"

enum {
    EBCDIC_NEW_LINE = 0x15,
    EBCDIC_LINE_FEED = 0x25,
    EBCDIC_CARRIAGE_RETURN = 0x0D,
    EBCDIC_SUBSTITUTE = 0x3F,
};

/* A line the operator typed before the guest asked for it (EBCDIC). */
struct typed_line {
    uint8_t *data;
    size_t length;
};

struct console {
    pthread_mutex_t lock; /* input and attachment come from the host's and the server's threads */
    bool integrated;
    bool prompt;
    char prefix[16];
    struct terminal_filter filter;
    bool attached;
    struct console_client client;
    struct buf line;             /* written without a carrier return yet (UTF-8) */
    struct typed_line *typed;    /* waiting for a read, oldest first */
    size_t ntyped, typed_cap;
    struct io_request *read;     /* the read waiting for the operator */
    unsigned long lines_written, lines_read;
};

/* ---- output, delivered after the console's lock is released ------------------------------------ */

struct piece {
    char *text;
    bool end_of_line;
    bool message; /* an operator message (prompt, alarm) rather than guest output */
};

struct outbox {
    struct piece *pieces;
    size_t n, cap;
    bool to_client;
    struct console_client client;
};

static void outbox_init(struct outbox *out, const struct console *c)
{
    memset(out, 0, sizeof *out);
    out->to_client = c->attached;
    out->client = c->client;
}

static void put(struct outbox *out, const char *text, size_t length, bool end_of_line, bool message)
{
    struct piece *p = ARRAY_PUSH(out->pieces, out->n, out->cap);
    p->text = xstrndup(text, length);
    p->end_of_line = end_of_line;
    p->message = message;
}

static void put_message(struct outbox *out, const char *text, bool end_of_line)
{
    put(out, text, strlen(text), end_of_line, true);
}

/* Integrated: guest lines to the host console, messages to the operator (a line left without carrier
   return is shown as a line: the host prints lines).  Telnet: everything to the client. */
static void deliver(struct device *d, struct outbox *out)
{
    for (size_t i = 0; i < out->n; i++) {
        struct piece *p = &out->pieces[i];
        if (out->to_client)
            out->client.write(out->client.ctx, d, p->text, p->end_of_line);
        else if (p->message)
            device_message(d, "%s", p->text);
        else
            device_console_output(d, p->text);
        free(p->text);
    }
    free(out->pieces);
}

/* The line printed so far goes out; the carriage is back at the left margin. */
static void take_line(struct console *c, struct outbox *out, bool end_of_line)
{
    put(out, c->line.len ? c->line.data : "", c->line.len, end_of_line, false);
    c->line.len = 0;
    c->lines_written++;
}

/* End the line being typed: all of it goes out (an empty line too). */
static void end_line(struct console *c, struct outbox *out)
{
    take_line(c, out, true);
}

/* Text left on the line goes out as it is (a prompt before a read, or at a reset). */
static void flush_line(struct console *c, struct outbox *out)
{
    if (c->line.len)
        take_line(c, out, !out->to_client);
}

/* ---- character sets ----------------------------------------------------------------------------- */

static void add_utf8(struct buf *b, unsigned char latin1)
{
    if (latin1 < 0x80) {
        buf_addc(b, (char)latin1);
        return;
    }
    buf_addc(b, (char)(0xC0 | latin1 >> 6));
    buf_addc(b, (char)(0x80 | (latin1 & 0x3F)));
}

static bool is_control(unsigned code)
{
    return code < 0x20 || (code >= 0x7F && code < 0xA0);
}

/* One code point from UTF-8 text; a byte that does not start a valid sequence is taken as Latin-1. */
static unsigned next_code_point(const unsigned char **s)
{
    static const struct {
        unsigned char first_low, first_high, value_mask;
        unsigned length;
    } leads[] = {{0xC2, 0xDF, 0x1F, 2}, {0xE0, 0xEF, 0x0F, 3}, {0xF0, 0xF4, 0x07, 4}};
    const unsigned char *p = *s;
    *s = p + 1;
    for (size_t k = 0; k < sizeof leads / sizeof leads[0]; k++) {
        if (p[0] < leads[k].first_low || p[0] > leads[k].first_high)
            continue;
        unsigned code = p[0] & leads[k].value_mask;
        for (unsigned i = 1; i < leads[k].length; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return p[0];
            code = code << 6 | (p[i] & 0x3F);
        }
        *s = p + leads[k].length;
        return code;
    }
    return p[0];
}

/* Operator text to EBCDIC: controls become blanks, characters outside Latin-1 the substitute X'3F'. */
static struct typed_line to_ebcdic(const char *text)
{
    struct typed_line t = {xmalloc(strlen(text) + 1), 0};
    for (const unsigned char *s = (const unsigned char *)text; *s;) {
        unsigned code = next_code_point(&s);
        t.data[t.length++] = code > 0xFF ? EBCDIC_SUBSTITUTE : is_control(code) ? EBCDIC_SPACE : latin1_to_ebcdic[code];
    }
    return t;
}

/* ---- commands ----------------------------------------------------------------------------------- */

static void channel_and_device_end(struct io_request *r)
{
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
}

/* WRITE: new-line, line-feed and carriage-return characters end the line; other characters without a
   graphic print as blanks.  With the automatic carrier return (X'09') the line ends after the data. */
static void console_write(struct console *c, struct io_request *r, bool carrier_return, struct outbox *out)
{
    for (uint32_t i = 0; i < r->count; i++) {
        uint8_t b = r->data[i];
        if (b == EBCDIC_NEW_LINE || b == EBCDIC_LINE_FEED || b == EBCDIC_CARRIAGE_RETURN) {
            end_line(c, out);
            continue;
        }
        unsigned char latin1 = ebcdic_to_latin1[b];
        add_utf8(&c->line, is_control(latin1) ? ' ' : latin1);
    }
    if (carrier_return)
        end_line(c, out);
    channel_and_device_end(r);
}

/* A read gets the typed line: a longer line is cut (incorrect length unless SLI), a shorter one leaves
   a residual count. */
static void complete_read(struct io_request *r, struct typed_line line)
{
    uint32_t n = line.length < r->count ? (uint32_t)line.length : r->count;
    memcpy(r->data, line.data, n);
    r->residual = r->count - n;
    r->longer = line.length > r->count;
    channel_and_device_end(r);
    free(line.data);
}

/* READ INQUIRY: a line already typed, else wait for the operator.  When more lines wait, the read
   ends with attention too: the attention of a line typed while another's was still pending was
   merged into that one by the channel, and this is how the program learns that another line waits. */
static void console_read(struct device *d, struct console *c, struct io_request *r, struct outbox *out)
{
    flush_line(c, out);
    if (c->ntyped > 0) {
        complete_read(r, c->typed[0]);
        memmove(c->typed, c->typed + 1, --c->ntyped * sizeof *c->typed);
        c->lines_read++;
        if (c->ntyped > 0)
            r->status |= UNIT_ATTENTION;
        return;
    }
    c->read = r;
    r->deferred = true;
    if (c->prompt) {
        char text[64];
        snprintf(text, sizeof text, "S370A231 enter input for console %03X", d->address);
        put_message(out, text, true);
    }
}

/* SENSE ID: X'FF', then the device type with model 00 as control unit and as device (Hercules). */
static void console_sense_id(struct device *d, struct io_request *r)
{
    uint8_t id[7] = {0xFF, (uint8_t)(d->model_type >> 8), (uint8_t)d->model_type, 0x00,
                     (uint8_t)(d->model_type >> 8), (uint8_t)d->model_type, 0x00};
    uint32_t n = r->count < sizeof id ? r->count : (uint32_t)sizeof id;
    memcpy(r->data, id, n);
    r->residual = r->count - n;
    r->longer = r->count < sizeof id;
    channel_and_device_end(r);
}

/*
 * Commands (3215 component description; the 1052's are the same): X'01' write, no carrier return;
 * X'09' write, automatic carrier return; X'0A' read inquiry; X'0B' audible alarm; X'03' no-operation;
 * X'04' sense; X'E4' sense ID.
 */
static void console_command(struct device *d, struct console *c, struct io_request *r, struct outbox *out)
{
    switch (r->command) {
    case 0x01:
    case 0x09:
        console_write(c, r, r->command == 0x09, out);
        break;
    case 0x0A:
        console_read(d, c, r, out);
        break;
    case 0x0B:
        put_message(out, out->to_client ? "\a" : "S370I232 audible alarm", !out->to_client);
        channel_and_device_end(r);
        break;
    case CMD_NOP:
        channel_and_device_end(r);
        break;
    case CMD_SENSE:
        device_sense(d, r);
        break;
    case CMD_SENSE_ID:
        console_sense_id(d, r);
        break;
    default:
        device_reject(d, r);
    }
}

static void console_execute(struct device *d, struct io_request *r)
{
    struct console *c = d->state;
    struct outbox out;
    pthread_mutex_lock(&c->lock);
    outbox_init(&out, c);
    if (!c->integrated && !c->attached && r->command != CMD_SENSE) {
        uint8_t sense[1] = {SENSE_INTERVENTION_REQUIRED};
        device_set_sense(d, sense, 1);
        r->residual = r->count;
        r->status = UNIT_CHECK;
    } else {
        console_command(d, c, r, &out);
    }
    pthread_mutex_unlock(&c->lock);
    deliver(d, &out);
}

/* ---- input, attachment -------------------------------------------------------------------------- */

void console_input(struct device *d, const char *line)
{
    struct console *c = d->state;
    struct typed_line typed = to_ebcdic(line);
    pthread_mutex_lock(&c->lock);
    struct io_request *r = c->read;
    c->read = NULL;
    if (r) {
        complete_read(r, typed);
        c->lines_read++;
    } else {
        *ARRAY_PUSH(c->typed, c->ntyped, c->typed_cap) = typed;
    }
    pthread_mutex_unlock(&c->lock);
    if (r)
        device_complete(d, r);
    else
        device_status(d, UNIT_ATTENTION);
}

bool console_attach(struct device *d, const struct console_client *client)
{
    struct console *c = d->state;
    pthread_mutex_lock(&c->lock);
    bool free_console = !c->integrated && !c->attached;
    if (free_console) {
        c->attached = true;
        c->client = *client;
    }
    pthread_mutex_unlock(&c->lock);
    if (free_console)
        device_status(d, UNIT_DEVICE_END);
    return free_console;
}

void console_detach(struct device *d)
{
    struct console *c = d->state;
    pthread_mutex_lock(&c->lock);
    struct io_request *r = c->attached ? c->read : NULL;
    if (r) {
        c->read = NULL;
        uint8_t sense[1] = {SENSE_INTERVENTION_REQUIRED};
        device_set_sense(d, sense, 1);
        r->residual = r->count;
        r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END | UNIT_CHECK;
    }
    c->attached = false;
    c->line.len = 0;
    pthread_mutex_unlock(&c->lock);
    if (r)
        device_complete(d, r);
}

const char *console_prefix(const struct device *d)
{
    const struct console *c = d->state;
    return c->integrated ? c->prefix : NULL;
}

const struct terminal_filter *console_filter(const struct device *d)
{
    const struct console *c = d->state;
    return &c->filter;
}

/* ---- the terminal filter ------------------------------------------------------------------------ */

static bool parse_ipv4(const char *text, uint32_t *value, char *err, size_t errlen)
{
    struct in_addr a;
    if (inet_pton(AF_INET, text, &a) != 1) {
        snprintf(err, errlen, "%s is not an IPv4 address", text);
        return false;
    }
    *value = ntohl(a.s_addr);
    return true;
}

bool terminal_filter_parse(struct terminal_filter *f, int argc, char **argv, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    if (argc > 3) {
        snprintf(err, errlen, "too many arguments: a terminal takes [group [ip [mask]]]");
        return false;
    }
    if (argc >= 1 && strcmp(argv[0], "*") != 0) {
        if (strlen(argv[0]) >= sizeof f->group) {
            snprintf(err, errlen, "terminal group name %s is longer than %zu characters", argv[0], sizeof f->group - 1);
            return false;
        }
        strcpy(f->group, argv[0]);
    }
    if (argc >= 2) {
        if (!parse_ipv4(argv[1], &f->ip, err, errlen))
            return false;
        f->mask = 0xFFFFFFFF;
    }
    return argc < 3 || parse_ipv4(argv[2], &f->mask, err, errlen);
}

bool terminal_filter_match(const struct terminal_filter *f, const char *group, uint32_t ip)
{
    bool group_ok = f->group[0] ? group && strcasecmp_ascii(group, f->group) == 0 : !group || !group[0];
    return group_ok && (ip & f->mask) == (f->ip & f->mask);
}

/* ---- definition --------------------------------------------------------------------------------- */

/* Integrated: [prefix] [NOPROMPT]; telnet: [NOPROMPT] [group [ip [mask]]]. */
static bool console_arguments(struct console *c, int argc, char **argv, char *err, size_t errlen)
{
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0;
    for (int i = 0; i < argc; i++)
        if (strcasecmp_ascii(argv[i], "noprompt") == 0)
            c->prompt = false;
        else
            rest[nrest++] = argv[i];
    bool ok = true;
    if (!c->integrated) {
        ok = terminal_filter_parse(&c->filter, nrest, rest, err, errlen);
    } else if (nrest > 1 || (nrest == 1 && strlen(rest[0]) >= sizeof c->prefix)) {
        snprintf(err, errlen, "an integrated console takes [prefix] [NOPROMPT] (a prefix of at most %zu characters)",
                 sizeof c->prefix - 1);
        ok = false;
    } else {
        strcpy(c->prefix, nrest ? rest[0] : "/");
    }
    free(rest);
    return ok;
}

static bool console_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    struct console *c = xcalloc(1, sizeof *c);
    size_t n = strlen(d->type_name);
    c->integrated = n > 2 && strcasecmp_ascii(d->type_name + n - 2, "-C") == 0;
    c->prompt = true;
    if (!console_arguments(c, argc, argv, err, errlen)) {
        free(c);
        return false;
    }
    pthread_mutex_init(&c->lock, NULL);
    d->state = c;
    d->model_type = (uint16_t)strtoul(d->type_name, NULL, 16);
    d->sense_length = 1;
    return true;
}

/* A halt ends the read waiting for the operator (the channel presents its status). */
static void console_halt(struct device *d)
{
    struct console *c = d->state;
    pthread_mutex_lock(&c->lock);
    c->read = NULL;
    pthread_mutex_unlock(&c->lock);
}

/* I/O reset: no read waits any more, typed lines are gone, the line printed so far is shown. */
static void console_reset(struct device *d)
{
    struct console *c = d->state;
    struct outbox out;
    pthread_mutex_lock(&c->lock);
    outbox_init(&out, c);
    c->read = NULL;
    flush_line(c, &out);
    for (size_t i = 0; i < c->ntyped; i++)
        free(c->typed[i].data);
    c->ntyped = 0;
    pthread_mutex_unlock(&c->lock);
    deliver(d, &out);
}

static void console_close(struct device *d)
{
    struct console *c = d->state;
    if (!c)
        return;
    console_reset(d);
    free(c->typed);
    buf_free(&c->line);
    pthread_mutex_destroy(&c->lock);
    free(c);
    d->state = NULL;
}

static void console_describe(struct device *d, char *buf, size_t len)
{
    struct console *c = d->state;
    pthread_mutex_lock(&c->lock);
    const char *state = c->read ? ", reading" : c->ntyped ? ", input waiting" : "";
    if (c->integrated)
        snprintf(buf, len, "integrated, prefix %s%s%s, %lu lines written, %lu read", c->prefix,
                 c->prompt ? "" : " noprompt", state, c->lines_written, c->lines_read);
    else
        snprintf(buf, len, "%s%s%s%s, %lu lines written, %lu read", c->attached ? "client connected" : "not connected",
                 c->filter.group[0] ? ", group " : "", c->filter.group, state, c->lines_written, c->lines_read);
    pthread_mutex_unlock(&c->lock);
}

static const char *const console_aliases[] = {"1052", "3215-C", "1052-C", NULL};

const struct device_type device_console = {
    .name = "3215",
    .aliases = console_aliases,
    .device_class = "CON",
    .init = console_init,
    .execute = console_execute,
    .halt = console_halt,
    .reset = console_reset,
    .close = console_close,
    .describe = console_describe,
};
