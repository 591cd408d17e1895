/*
 * printer.c - line printers: the 1403, 3211 and 3203.  Lines go to a host text file as they are
 * printed (EBCDIC to Latin-1, trailing blanks removed); carriage motion becomes line feeds, a form feed
 * when a skip passes the top of the form, and a carriage return for a write without spacing.  The
 * carriage tape (1403) or forms control buffer (3211, 3203) gives the lines of channels 1-12; passing
 * channel 9 while spacing is a unit check, passing channel 12 a unit exception, as the 2821 and 3811
 * control units report them.  Statement syntax follows Hercules:
 *     cuu 1403 file [crlf] [append] [cctape=...|fcb=...] [lpp=n]
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/unitrec/unitrec.h"

enum {
    PRINT_POSITIONS = 132,
    MAX_LINES = 255, /* lines per page */
    CHANNELS = 12,
    SENSE_LOAD_CHECK = 0x02, /* 3811 sense byte 0 bit 6 (UCS or FCB image refused) */
    SENSE_CHANNEL_9 = 0x01,  /* sense byte 0 bit 7 */
};

enum { OPT_CRLF = 1, OPT_APPEND = 2 };
static const struct unitrec_flag printer_flags[] = {{"crlf", OPT_CRLF, 0}, {"append", OPT_APPEND, 0}};

enum model { M1403 = 1, M3211 = 2, M3203 = 4 };

struct printer {
    struct unitrec_output out;
    enum model model;
    int lines_per_page;
    uint16_t channels[MAX_LINES + 1]; /* channels[line]: bit c-1 when channel c is on that line */
    int line;                          /* the line at the print position, 1..lines_per_page */
    bool after_no_space;               /* the last operation was a write without spacing */
    bool ucs_gate;                     /* a UCS gate load came earlier in this channel program (1403) */
    bool fold;                         /* print lower case as upper case (Load UCS and Fold, 3211 Fold) */
    unsigned long lines_printed;
};

/* ---- carriage tapes and forms control buffers ------------------------------------------------- */

/* Hercules' predefined images: lines per page, then the line of each of channels 1-12 (0: none). */
static const struct named_form {
    const char *name;
    int lines_per_page;
    uint8_t line_of[CHANNELS];
} named_forms[] = {
    {"legacy", 66, {1, 7, 13, 19, 25, 31, 37, 43, 63, 49, 55, 61}}, /* the default */
    {"fcb2std2", 66, {1, 7, 13, 19, 25, 31, 37, 43, 49, 55, 61, 63}},
    {"fcb2std", 66, {1, 7, 13, 19, 25, 31, 37, 43, 49, 55, 61, 63}},
    {"fcb2id1", 88, {1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78}},
    {"hardware", 66, {1}},
};

static void set_form(struct printer *p, const struct named_form *form)
{
    memset(p->channels, 0, sizeof p->channels);
    p->lines_per_page = form->lines_per_page;
    for (int c = 0; c < CHANNELS; c++)
        if (form->line_of[c])
            p->channels[form->line_of[c]] |= (uint16_t)(1u << c);
}

static bool find_named_form(struct printer *p, const char *name)
{
    for (size_t i = 0; i < sizeof named_forms / sizeof named_forms[0]; i++)
        if (strcasecmp_ascii(named_forms[i].name, name) == 0) {
            set_form(p, &named_forms[i]);
            return true;
        }
    return false;
}

/* A decimal number in [low, high] at *s, which is advanced past it. */
static bool take_number(const char **s, int low, int high, int *value)
{
    if (!isdigit((unsigned char)**s))
        return false;
    char *end;
    long v = strtol(*s, &end, 10);
    *s = end;
    *value = (int)v;
    return v >= low && v <= high;
}

static bool take_char(const char **s, char c)
{
    if (**s != c)
        return false;
    (*s)++;
    return true;
}

/* One "line=channel" or "line=(channel,channel...)" of a cctape= list. */
static bool take_tape_line(struct printer *p, const char **s)
{
    int line, channel;
    if (!take_number(s, 1, MAX_LINES, &line) || !take_char(s, '='))
        return false;
    bool list = take_char(s, '(');
    do {
        if (!take_number(s, 1, CHANNELS, &channel))
            return false;
        p->channels[line] |= (uint16_t)(1u << (channel - 1));
    } while (list && take_char(s, ','));
    return !list || take_char(s, ')');
}

/* cctape=(line=channel,line=(channel,channel),...) or a predefined name. */
static bool parse_cctape(struct printer *p, const char *s)
{
    if (find_named_form(p, s))
        return true;
    memset(p->channels, 0, sizeof p->channels);
    if (!take_char(&s, '('))
        return false;
    do {
        if (!take_tape_line(p, &s))
            return false;
    } while (take_char(&s, ','));
    return take_char(&s, ')') && *s == '\0';
}

/* fcb=channel:line,channel:line,... or a predefined name. */
static bool parse_fcb(struct printer *p, const char *s)
{
    if (find_named_form(p, s))
        return true;
    memset(p->channels, 0, sizeof p->channels);
    do {
        int channel, line;
        if (!take_number(&s, 1, CHANNELS, &channel) || !take_char(&s, ':') || !take_number(&s, 1, MAX_LINES, &line))
            return false;
        p->channels[line] |= (uint16_t)(1u << (channel - 1));
    } while (take_char(&s, ','));
    return *s == '\0';
}

/* ---- options ------------------------------------------------------------------------------------ */

static bool parse_lines_per_page(struct printer *p, const char *s)
{
    return take_number(&s, 1, MAX_LINES, &p->lines_per_page) && *s == '\0';
}

/* Options with a value, and the printers that take them (cctape= is the 1403's carriage tape, fcb= the
   forms control buffer of the others). */
static const struct value_option {
    const char *prefix;
    unsigned models;
    bool (*parse)(struct printer *p, const char *value);
} value_options[] = {
    {"lpp=", M1403 | M3211 | M3203, parse_lines_per_page},
    {"cctape=", M1403, parse_cctape},
    {"fcb=", M3211 | M3203, parse_fcb},
};

static bool printer_option(struct printer *p, const char *arg, unsigned *flags, char *err, size_t errlen)
{
    if (unitrec_flag(printer_flags, sizeof printer_flags / sizeof printer_flags[0], arg, flags))
        return true;
    for (size_t i = 0; i < sizeof value_options / sizeof value_options[0]; i++) {
        const struct value_option *o = &value_options[i];
        if (strncasecmp_ascii(arg, o->prefix, strlen(o->prefix)) != 0)
            continue;
        if (!(o->models & p->model))
            snprintf(err, errlen, "%s is not an option of this printer (cctape= is for the 1403, fcb= for the "
                     "3211 and 3203)", o->prefix);
        else if (o->parse(p, arg + strlen(o->prefix)))
            return true;
        else
            snprintf(err, errlen, "invalid printer option %s", arg);
        return false;
    }
    snprintf(err, errlen, "unknown printer option %s (crlf, append, lpp=n, cctape= or fcb=)", arg);
    return false;
}

/* Every channel stop must lie on the page. */
static bool check_form(struct printer *p, char *err, size_t errlen)
{
    for (int line = p->lines_per_page + 1; line <= MAX_LINES; line++)
        if (p->channels[line]) {
            snprintf(err, errlen, "a channel is punched at line %d, beyond the page of lpp=%d lines", line,
                     p->lines_per_page);
            return false;
        }
    return true;
}

/* ---- carriage motion ---------------------------------------------------------------------------- */

static void add_newline(struct printer *p, struct buf *motion)
{
    buf_adds(motion, unitrec_newline(&p->out));
}

/* Space n lines (0-3).  Entering the line of channel 9 gives unit check (sense "channel 9"), of
   channel 12 unit exception: the form overflow signals. */
static uint8_t space_lines(struct device *d, struct printer *p, int n, struct buf *motion)
{
    uint8_t status = 0;
    if (n == 0)
        buf_addc(motion, '\r');
    for (int i = 0; i < n; i++) {
        add_newline(p, motion);
        p->line = p->line == p->lines_per_page ? 1 : p->line + 1;
        if (p->channels[p->line] & (1u << 8)) {
            uint8_t sense[1] = {SENSE_CHANNEL_9};
            device_set_sense(d, sense, 1);
            status |= UNIT_CHECK;
        }
        if (p->channels[p->line] & (1u << 11))
            status |= UNIT_EXCEPTION;
    }
    p->after_no_space = n == 0;
    return status;
}

/*
 * Skip to the next line with the channel; passing the top of the form is a form feed.  A skip
 * immediate with the carriage already at the channel does not move it, unless the last operation was a
 * write without spacing (1403 component description).  A channel not on the tape would feed paper
 * until the operator stopped the printer: intervention required, and nothing moves here.
 */
static uint8_t skip_to_channel(struct device *d, struct printer *p, int channel, bool immediate, struct buf *motion)
{
    uint16_t bit = (uint16_t)(1u << (channel - 1));
    if (immediate && (p->channels[p->line] & bit) && !p->after_no_space)
        return 0;
    int dest = p->line;
    do
        dest = dest == p->lines_per_page ? 1 : dest + 1;
    while (!(p->channels[dest] & bit) && dest != p->line);
    if (!(p->channels[dest] & bit)) {
        device_message(d, "S370E221 channel %d is not on the carriage tape: the printer ran away", channel);
        uint8_t sense[1] = {SENSE_INTERVENTION_REQUIRED};
        device_set_sense(d, sense, 1);
        return UNIT_CHECK;
    }
    if (dest <= p->line) {
        buf_addc(motion, '\f');
        p->line = 1;
    }
    for (; p->line < dest; p->line++)
        add_newline(p, motion);
    p->after_no_space = false;
    return 0;
}

/* The carriage part of a write or control command: bits 0-4 give the lines to space (0-3) or, with
   bit 0 on, the channel to skip to. */
static uint8_t move_carriage(struct device *d, struct printer *p, uint8_t command, struct buf *motion)
{
    if (command & 0x80)
        return skip_to_channel(d, p, (command & 0x7F) >> 3, (command & 0x07) == 0x03, motion);
    return space_lines(d, p, command >> 3, motion);
}

static bool is_write(uint8_t command)
{
    return command == 0x01 || command == 0x09 || command == 0x11 || command == 0x19 ||
           (command >= 0x89 && command <= 0xE1 && (command & 0x07) == 0x01);
}

static bool is_carriage_control(uint8_t command)
{
    return command == 0x0B || command == 0x13 || command == 0x1B ||
           (command >= 0x8B && command <= 0xE3 && (command & 0x07) == 0x03);
}

/* ---- commands ----------------------------------------------------------------------------------- */

static void finish(struct device *d, struct printer *p, struct io_request *r, struct buf *output, uint8_t status)
{
    if (output->len && !unitrec_output_write(d, &p->out, output->data, output->len))
        unitrec_check(d, r, SENSE_EQUIPMENT_CHECK);
    else
        r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END | status;
    buf_free(output);
}

/* WRITE: print up to 132 positions (a shorter count is a shorter line; bytes beyond are not taken),
   then move the carriage. */
static void print_line(struct device *d, struct printer *p, struct io_request *r)
{
    uint32_t n = r->count < PRINT_POSITIONS ? r->count : PRINT_POSITIONS;
    r->residual = r->count - n;
    char text[PRINT_POSITIONS];
    size_t length = unitrec_text(text, r->data, n);
    for (size_t i = 0; p->fold && i < length; i++)
        text[i] = (char)toupper((unsigned char)text[i]);
    struct buf output = {0};
    buf_add(&output, text, length);
    uint8_t status = move_carriage(d, p, r->command, &output);
    p->lines_printed++;
    finish(d, p, r, &output, status);
}

static void control_carriage(struct device *d, struct printer *p, struct io_request *r)
{
    struct buf output = {0};
    uint8_t status = move_carriage(d, p, r->command, &output);
    finish(d, p, r, &output, status);
}

static void no_operation(struct device *d, struct printer *p, struct io_request *r)
{
    (void)d;
    (void)p;
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
}

static void sense(struct device *d, struct printer *p, struct io_request *r)
{
    (void)p;
    device_sense(d, r);
}

static void ucs_gate_load(struct device *d, struct printer *p, struct io_request *r)
{
    p->ucs_gate = true;
    no_operation(d, p, r);
}

/* Load UCS Buffer: the print train image (240 bytes on a 1403, 304 on a 3203, 432 on a 3211) is
   taken and not used: the text file prints every character.  A 1403 needs UCS Gate Load first in the
   same channel program; too short an image is a load check. */
static void load_ucs(struct device *d, struct printer *p, struct io_request *r, bool fold)
{
    uint32_t size = p->model == M1403 ? 240 : p->model == M3203 ? 304 : 432;
    if (p->model == M1403 && !p->ucs_gate) {
        device_reject(d, r);
        return;
    }
    if (r->count < size) {
        r->residual = 0;
        unitrec_check(d, r, SENSE_LOAD_CHECK);
        return;
    }
    r->residual = r->count - size;
    p->fold = fold;
    no_operation(d, p, r);
}

static void load_ucs_fold(struct device *d, struct printer *p, struct io_request *r)
{
    load_ucs(d, p, r, true);
}

static void load_ucs_no_fold(struct device *d, struct printer *p, struct io_request *r)
{
    load_ucs(d, p, r, false);
}

static void set_fold(struct device *d, struct printer *p, struct io_request *r)
{
    p->fold = r->command == 0x43;
    no_operation(d, p, r);
}

/*
 * Load Forms Control Buffer (3211, 3203): an optional indexing byte (X'8n', accepted, not applied),
 * then a byte per line holding its channel (0-12) in bits 4-7; bit 3 on the first line means 8 lines
 * per inch, on another line the last line of the form.  The form then starts at line 1.  The 3211
 * does not report incorrect length for this command (3203-5 component description, appendix C).
 */
static void load_fcb(struct device *d, struct printer *p, struct io_request *r)
{
    uint16_t channels[MAX_LINES + 1] = {0};
    uint32_t i = r->count > 0 && (r->data[0] & 0x80) ? 1 : 0;
    int line = 1, last = 0;
    for (; i < r->count && line <= MAX_LINES && !last; line++) {
        uint8_t b = r->data[i++];
        if ((b & 0x0F) > CHANNELS || (b & 0xE0))
            break;
        if (b & 0x0F)
            channels[line] = (uint16_t)(1u << ((b & 0x0F) - 1));
        if ((b & 0x10) && line > 1)
            last = line;
    }
    if (!last) {
        r->residual = r->count - i;
        unitrec_check(d, r, SENSE_LOAD_CHECK);
        return;
    }
    memcpy(p->channels, channels, sizeof channels);
    p->lines_per_page = last;
    p->line = 1;
    r->residual = p->model == M3211 ? 0 : r->count - i;
    no_operation(d, p, r);
}

/* The commands besides write, space and skip, and the printers that have them (1403 and 2821, 3211
   and 3811, 3203-5 component descriptions); Block and Allow Data Check are accepted by all. */
static const struct printer_command {
    uint8_t command;
    unsigned models;
    void (*run)(struct device *d, struct printer *p, struct io_request *r);
} printer_commands[] = {
    {CMD_NOP, M1403 | M3211 | M3203, no_operation},
    {CMD_SENSE, M1403 | M3211 | M3203, sense},
    {0x73, M1403 | M3211 | M3203, no_operation},  /* block data check */
    {0x7B, M1403 | M3211 | M3203, no_operation},  /* allow data check */
    {0xEB, M1403, ucs_gate_load},
    {0xF3, M1403, load_ucs_fold},
    {0xFB, M1403 | M3211 | M3203, load_ucs_no_fold},
    {0x63, M3211 | M3203, load_fcb},
    {0x23, M3211 | M3203, set_fold}, /* unfold */
    {0x43, M3211 | M3203, set_fold}, /* fold */
};

static void printer_execute(struct device *d, struct io_request *r)
{
    struct printer *p = d->state;
    if (!r->chained)
        p->ucs_gate = false;
    if (is_write(r->command)) {
        print_line(d, p, r);
        return;
    }
    if (is_carriage_control(r->command)) {
        control_carriage(d, p, r);
        return;
    }
    for (size_t i = 0; i < sizeof printer_commands / sizeof printer_commands[0]; i++)
        if (printer_commands[i].command == r->command && (printer_commands[i].models & p->model)) {
            printer_commands[i].run(d, p, r);
            return;
        }
    device_reject(d, r);
}

/* ---- definition --------------------------------------------------------------------------------- */

static enum model model_of(uint16_t type)
{
    return type == 0x3211 ? M3211 : type == 0x3203 ? M3203 : M1403;
}

static bool printer_setup(struct printer *p, int argc, char **argv, char *err, size_t errlen)
{
    if (argc < 1) {
        snprintf(err, errlen, "the printer needs an output file");
        return false;
    }
    if (argv[0][0] == '|') {
        snprintf(err, errlen, "printing to a program (%s) is not supported; give a file", argv[0]);
        return false;
    }
    unsigned flags = 0;
    for (int i = 1; i < argc; i++)
        if (!printer_option(p, argv[i], &flags, err, errlen))
            return false;
    if (!check_form(p, err, errlen))
        return false;
    p->out.path = xstrdup(argv[0]);
    p->out.append = flags & OPT_APPEND;
    p->out.crlf = flags & OPT_CRLF;
    return unitrec_output_open(&p->out, err, errlen);
}

static bool printer_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    struct printer *p = xcalloc(1, sizeof *p);
    d->model_type = (uint16_t)strtoul(d->type_name, NULL, 16);
    p->model = model_of(d->model_type);
    p->out.fd = -1;
    p->line = 1;
    set_form(p, &named_forms[0]);
    if (!printer_setup(p, argc, argv, err, errlen)) {
        unitrec_output_close(&p->out);
        free(p);
        return false;
    }
    d->state = p;
    d->sense_length = 1;
    return true;
}

static void printer_close(struct device *d)
{
    struct printer *p = d->state;
    if (!p)
        return;
    unitrec_output_close(&p->out);
    free(p);
    d->state = NULL;
}

static void printer_describe(struct device *d, char *buf, size_t len)
{
    struct printer *p = d->state;
    snprintf(buf, len, "%s%s%s lpp=%d, at line %d, %lu lines printed", p->out.path, p->out.crlf ? " crlf" : "",
             p->out.append ? " append" : "", p->lines_per_page, p->line, p->lines_printed);
}

static const char *const printer_aliases[] = {"3211", "3203", NULL};

const struct device_type device_printer = {
    .name = "1403",
    .aliases = printer_aliases,
    .device_class = "PRT",
    .init = printer_init,
    .execute = printer_execute,
    .close = printer_close,
    .describe = printer_describe,
};
