/*
 * punch.c - card punches: the 3525, and the 2540 punch as "2540P".  Each card goes to the host file as
 * it is punched: 80 EBCDIC bytes (the default), or with `ascii` a line of text with its trailing
 * blanks removed.  Statement syntax follows Hercules:
 *     cuu 3525 file [ascii|ebcdic] [crlf] [append]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/unitrec/unitrec.h"

enum { OPT_ASCII = 1, OPT_CRLF = 2, OPT_APPEND = 4 };

static const struct unitrec_flag punch_flags[] = {
    {"ascii", OPT_ASCII, 0}, {"ebcdic", 0, OPT_ASCII}, {"crlf", OPT_CRLF, 0}, {"append", OPT_APPEND, 0},
};

struct punch {
    struct unitrec_output out;
    bool ascii;
    unsigned long cards;
};

/*
 * WRITE, FEED, SELECT STACKER (X'01', X'41', X'81': stacker in bits 0-1): a card of up to 80 columns; a
 * shorter count leaves the rest of the card blank (no incorrect length, as on Hercules), bytes beyond
 * 80 are not taken (residual count).
 */
static void punch_card(struct device *d, struct punch *p, struct io_request *r)
{
    uint8_t card[CARD_COLUMNS];
    uint32_t n = r->count < CARD_COLUMNS ? r->count : CARD_COLUMNS;
    memcpy(card, r->data, n);
    memset(card + n, 0x40, CARD_COLUMNS - n);
    r->residual = r->count - n;
    char line[CARD_COLUMNS + 2];
    size_t length = CARD_COLUMNS;
    const void *record = card;
    if (p->ascii) {
        length = unitrec_text(line, card, CARD_COLUMNS);
        const char *newline = unitrec_newline(&p->out);
        memcpy(line + length, newline, strlen(newline));
        length += strlen(newline);
        record = line;
    }
    if (!unitrec_output_write(d, &p->out, record, length)) {
        unitrec_check(d, r, SENSE_EQUIPMENT_CHECK);
        return;
    }
    p->cards++;
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
}

/* Commands (3525 and 2540 component descriptions): write as above, X'03' no-operation, X'04' sense;
   anything else (SENSE ID included, as on Hercules without LEGACYSENSEID) is rejected. */
static void punch_execute(struct device *d, struct io_request *r)
{
    struct punch *p = d->state;
    if (r->command == 0x01 || r->command == 0x41 || r->command == 0x81)
        punch_card(d, p, r);
    else if (r->command == CMD_NOP)
        r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    else if (r->command == CMD_SENSE)
        device_sense(d, r);
    else
        device_reject(d, r);
}

static bool punch_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    if (argc < 1) {
        snprintf(err, errlen, "the punch needs an output file");
        return false;
    }
    unsigned options = 0;
    for (int i = 1; i < argc; i++)
        if (!unitrec_flag(punch_flags, sizeof punch_flags / sizeof punch_flags[0], argv[i], &options)) {
            snprintf(err, errlen, "unknown punch option %s (ascii, ebcdic, crlf, append)", argv[i]);
            return false;
        }
    struct punch *p = xcalloc(1, sizeof *p);
    p->out.path = xstrdup(argv[0]);
    p->out.append = options & OPT_APPEND;
    p->out.crlf = options & OPT_CRLF;
    p->ascii = options & OPT_ASCII;
    if (!unitrec_output_open(&p->out, err, errlen)) {
        unitrec_output_close(&p->out);
        free(p);
        return false;
    }
    d->state = p;
    d->model_type = (uint16_t)strtoul(d->type_name, NULL, 16);
    d->sense_length = 1;
    return true;
}

static void punch_close(struct device *d)
{
    struct punch *p = d->state;
    if (!p)
        return;
    unitrec_output_close(&p->out);
    free(p);
    d->state = NULL;
}

static void punch_describe(struct device *d, char *buf, size_t len)
{
    struct punch *p = d->state;
    snprintf(buf, len, "%s %s%s%s, %lu cards punched", p->out.path, p->ascii ? "ascii" : "ebcdic",
             p->out.crlf ? " crlf" : "", p->out.append ? " append" : "", p->cards);
}

static const char *const punch_aliases[] = {"2540P", NULL};

const struct device_type device_punch = {
    .name = "3525",
    .aliases = punch_aliases,
    .device_class = "PCH",
    .init = punch_init,
    .execute = punch_execute,
    .close = punch_close,
    .describe = punch_describe,
};
