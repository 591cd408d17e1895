/*
 * telnet_fuzz.c - libFuzzer target for the telnet/TN3270 input path: arbitrary client bytes through a
 * session's negotiation (console/tn3270_session.c) and then, as the server does, a 3270 terminal's
 * records into a display (display_inbound, then Read Modified and Read Buffer from its buffer) or a
 * line-mode client's lines into a 3215 (console_input); every record is also sent back framed (IAC
 * doubling, IAC EOR).  The first input byte picks a canned opening (none, a whole TN3270 negotiation
 * for one of the models, a line-mode start) so that the fuzzer reaches records and lines at once; the
 * second sets how the rest is cut into reads.  The devices are not on a channel: their status goes
 * nowhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console/tn3270.h"
#include "devices/console/console.h"
#include "devices/display/display.h"

static const char *const types[] = {"IBM-3278-2", "IBM-3279-3-E", "IBM-3278-4-E", "IBM-3279-5", "IBM-3278-5-E@0C0"};

static struct device *make_device(const struct device_type *type, const char *name, uint16_t address)
{
    struct device *d = calloc(1, sizeof *d);
    char err[200];
    d->type = type;
    d->address = address;
    snprintf(d->type_name, sizeof d->type_name, "%s", name);
    if (!type->init(d, 0, NULL, err, sizeof err))
        abort();
    return d;
}

static void free_device(struct device *d)
{
    d->type->close(d);
    free(d);
}

static void ignore_record(void *ctx, struct device *d, const uint8_t *record, size_t length)
{
    (void)ctx;
    (void)d;
    (void)record;
    (void)length;
}

static void ignore_text(void *ctx, struct device *d, const char *text, bool end_of_line)
{
    (void)ctx;
    (void)d;
    (void)text;
    (void)end_of_line;
}

struct rig {
    struct tn_session s;
    struct device *display, *console;
    bool display_ready, console_ready;
};

/* What the server does after each read: connect the device the session now needs, hand it the input. */
static void route(struct rig *r)
{
    if (r->s.state == TN_3270 && !r->display_ready)
        r->display_ready = display_connect(r->display, &(struct display_client){.send = ignore_record},
                                           &r->s.request.terminal);
    if (r->s.state == TN_LINE && !r->console_ready)
        r->console_ready = console_attach(r->console, &(struct console_client){.write = ignore_text});
    struct tn_input in;
    while (tn_session_take_input(&r->s, &in)) {
        if (r->display_ready) {
            display_inbound(r->display, (const uint8_t *)in.data, in.length);
            tn_session_send_record(&r->s, in.data, in.length);
        } else if (r->console_ready) {
            console_input(r->console, in.data);
            tn_session_send_text(&r->s, in.data, true);
        }
        free(in.data);
    }
    r->s.out.len = 0;
}

static void receive(struct rig *r, const void *data, size_t length)
{
    tn_session_receive(&r->s, data, length);
    route(r);
}

static void open_tn3270(struct rig *r, const char *type)
{
    static const uint8_t will_ttype[] = {255, 251, 24},
                         agree[] = {255, 253, 0, 255, 251, 0, 255, 253, 25, 255, 251, 25};
    char is[64];
    int n = snprintf(is, sizeof is, "\xff\xfa\x18%c%s\xff\xf0", 0, type);
    receive(r, will_ttype, sizeof will_ttype);
    receive(r, is, (size_t)n);
    receive(r, agree, sizeof agree);
}

/* The guest reads what the operator did: Read Modified and Read Buffer from the display's buffer. */
static void guest_reads(struct device *d)
{
    static uint8_t data[16384];
    static const uint8_t commands[] = {0x06, 0x02};
    for (size_t i = 0; i < sizeof commands; i++) {
        struct io_request req = {.command = commands[i], .data = data, .count = sizeof data};
        d->type->execute(d, &req);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    struct rig r = {.display = make_device(&device_display, "3270", 0x0C0),
                    .console = make_device(&device_console, "3215", 0x01F)};
    tn_session_open(&r.s);
    unsigned opening = data[0] % (2 + sizeof types / sizeof types[0]);
    if (opening == 1)
        tn_session_silent(&r.s);
    else if (opening >= 2)
        open_tn3270(&r, types[opening - 2]);
    size_t chunk = data[1] % 64 + 1;
    for (size_t at = 2; at < size; at += chunk)
        receive(&r, data + at, size - at < chunk ? size - at : chunk);
    tn_session_silent(&r.s);
    route(&r);
    tn_session_give_up(&r.s);
    route(&r);
    if (r.display_ready)
        guest_reads(r.display);
    tn_session_close(&r.s);
    display_disconnect(r.display);
    console_detach(r.console);
    free_device(r.display);
    free_device(r.console);
    return 0;
}
