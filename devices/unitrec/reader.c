/*
 * reader.c - card readers: the 3505, and the 2540 reader, 1442 and 2501 under their own names.  The
 * hopper holds a deck: one or more host files read in a row, each either ASCII text (a line per card,
 * translated to EBCDIC and padded with blanks) or 80-byte EBCDIC card images.  The console's devinit
 * loads a new deck through reader_load (unitrec.h).  Statement syntax and options follow Hercules:
 *     cuu 3505 file... [ascii|ebcdic] [eof|intrq] [multifile] [trunc] [autopad]
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/ebcdic.h"
#include "common/util.h"
#include "devices/unitrec/unitrec.h"

enum {
    OPT_ASCII = 1,     /* text lines */
    OPT_EBCDIC = 2,    /* 80-byte card images; neither: decided per file from its first bytes */
    OPT_EOF = 4,       /* unit exception after the last card, instead of intervention required */
    OPT_MULTIFILE = 8, /* the files form one deck: no end condition between them */
    OPT_TRUNC = 16,    /* cut text lines longer than a card instead of a data check */
    OPT_AUTOPAD = 32,  /* pad a short last EBCDIC card with X'00' (as Hercules does) */
};

static const struct unitrec_flag reader_flags[] = {
    {"ascii", OPT_ASCII, OPT_EBCDIC},   {"ebcdic", OPT_EBCDIC, OPT_ASCII}, {"eof", OPT_EOF, 0},
    {"intrq", 0, OPT_EOF},              {"multifile", OPT_MULTIFILE, 0},   {"trunc", OPT_TRUNC, 0},
    {"autopad", OPT_AUTOPAD, 0},
};

/* The 3505's sense is four bytes (Hercules, from DOS/VS EREP); an empty hopper is intervention
   required with byte 1 X'10', "retry after intervention required is cleared" (Hercules). */
enum { READER_SENSE_BYTES = 4, SENSE1_RETRY_AFTER_INTERVENTION = 0x10 };

struct reader {
    pthread_mutex_t lock; /* reader_load comes from the console's thread */
    unsigned options;
    char **files; /* the deck; files[next] is the next to open */
    size_t nfiles, next;
    FILE *f;           /* the file being read, or NULL */
    const char *path;  /* its name */
    bool ascii;        /* its format */
    bool at_end;       /* an ASCII file's end-of-file character (X'1A') was read */
    unsigned long line; /* lines read from it, for messages */
    unsigned long cards;
};

enum card_result { CARD_READ, CARD_END, CARD_ERROR };

/* ---- the deck ----------------------------------------------------------------------------------- */

static void free_files(char **files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
}

/* Parse a device statement's arguments into options and a file list ("*" is an empty hopper). */
static bool parse_deck(int argc, char **argv, unsigned *options, char ***files, size_t *nfiles, char *err,
                       size_t errlen)
{
    size_t cap = 0;
    *options = 0;
    *files = NULL;
    *nfiles = 0;
    for (int i = 0; i < argc; i++) {
        if (unitrec_flag(reader_flags, sizeof reader_flags / sizeof reader_flags[0], argv[i], options) ||
            strcmp(argv[i], "*") == 0)
            continue;
        if (access(argv[i], R_OK) != 0) {
            snprintf(err, errlen, "cannot read %s: %s", argv[i], strerror(errno));
            free_files(*files, *nfiles);
            return false;
        }
        *ARRAY_PUSH(*files, *nfiles, cap) = xstrdup(argv[i]);
    }
    return true;
}

static void close_file(struct reader *rd)
{
    if (rd->f)
        fclose(rd->f);
    rd->f = NULL;
    rd->path = NULL;
}

/* Hercules' rule: a file is ASCII when its first 160 bytes (up to an X'1A') are printable ASCII, tab,
   carriage return or line feed. */
static bool looks_ascii(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n && p[i] != 0x1A; i++)
        if ((p[i] < 0x20 || p[i] > 0x7F) && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return false;
    return true;
}

/* Open the next file of the deck.  false: the reader has an equipment check (message given). */
static bool open_next(struct device *d, struct reader *rd)
{
    rd->path = rd->files[rd->next++];
    rd->f = fopen(rd->path, "rb");
    rd->at_end = false;
    rd->line = 0;
    if (!rd->f) {
        device_message(d, "S370E202 cannot open %s: %s", rd->path, strerror(errno));
        rd->path = NULL;
        return false;
    }
    rd->ascii = (rd->options & OPT_ASCII) != 0;
    if (!(rd->options & (OPT_ASCII | OPT_EBCDIC))) {
        unsigned char probe[160];
        size_t n = fread(probe, 1, sizeof probe, rd->f);
        rd->ascii = looks_ascii(probe, n);
        if (ferror(rd->f) || fseek(rd->f, 0, SEEK_SET) != 0) {
            device_message(d, "S370E203 cannot read %s: %s", rd->path, strerror(errno));
            close_file(rd);
            return false;
        }
    }
    return true;
}

/* ---- reading a card ----------------------------------------------------------------------------- */

static enum card_result read_failed(struct device *d, struct reader *rd, uint8_t *sense0)
{
    device_message(d, "S370E203 cannot read %s: %s", rd->path, strerror(errno));
    *sense0 = SENSE_EQUIPMENT_CHECK;
    return CARD_ERROR;
}

/* One line of text as a card: tabs expand to every eighth column, carriage returns are ignored, an
   X'1A' ends the file.  A line longer than a card is a data check (its rest is skipped) unless trunc. */
static enum card_result read_text_card(struct device *d, struct reader *rd, uint8_t card[CARD_COLUMNS],
                                       uint8_t *sense0)
{
    char text[CARD_COLUMNS];
    memset(text, ' ', sizeof text);
    size_t column = 0;
    bool any = false, too_long = false;
    for (;;) {
        int c = rd->at_end ? EOF : getc(rd->f);
        if (c == EOF && ferror(rd->f))
            return read_failed(d, rd, sense0);
        if (c == 0x1A)
            rd->at_end = true;
        if (c == EOF || c == 0x1A) {
            if (!any)
                return CARD_END;
            break;
        }
        any = true;
        if (c == '\n')
            break;
        if (c == '\r')
            continue;
        if (c == '\t') {
            column = column / 8 * 8 + 8 < CARD_COLUMNS ? column / 8 * 8 + 8 : CARD_COLUMNS;
            continue;
        }
        if (column == CARD_COLUMNS) {
            too_long = true;
            continue;
        }
        text[column++] = (char)c;
    }
    rd->line++;
    if (too_long && !(rd->options & OPT_TRUNC)) {
        device_message(d, "S370E204 line %lu of %s is longer than %d columns (use trunc to cut it)", rd->line,
                       rd->path, CARD_COLUMNS);
        *sense0 = SENSE_DATA_CHECK;
        return CARD_ERROR;
    }
    ebcdic_from_ascii(card, text, CARD_COLUMNS);
    return CARD_READ;
}

static enum card_result read_image_card(struct device *d, struct reader *rd, uint8_t card[CARD_COLUMNS],
                                        uint8_t *sense0)
{
    size_t n = fread(card, 1, CARD_COLUMNS, rd->f);
    if (n == CARD_COLUMNS)
        return CARD_READ;
    if (ferror(rd->f))
        return read_failed(d, rd, sense0);
    if (n == 0)
        return CARD_END;
    if (rd->options & OPT_AUTOPAD) {
        memset(card + n, 0, CARD_COLUMNS - n);
        return CARD_READ;
    }
    device_message(d, "S370E205 the last card of %s has %zu bytes, not %d (use autopad to pad it)", rd->path, n,
                   CARD_COLUMNS);
    *sense0 = SENSE_EQUIPMENT_CHECK;
    return CARD_ERROR;
}

/*
 * The next card of the deck.  CARD_END: the hopper ran out, at the end of a file (unless multifile
 * joins it to the next) or because there are no more files.  A following read starts the next file.
 */
static enum card_result next_card(struct device *d, struct reader *rd, uint8_t card[CARD_COLUMNS], uint8_t *sense0)
{
    for (;;) {
        if (!rd->f) {
            if (rd->next == rd->nfiles)
                return CARD_END;
            if (!open_next(d, rd)) {
                *sense0 = SENSE_EQUIPMENT_CHECK;
                return CARD_ERROR;
            }
        }
        enum card_result result =
            rd->ascii ? read_text_card(d, rd, card, sense0) : read_image_card(d, rd, card, sense0);
        if (result != CARD_END)
            return result;
        close_file(rd);
        if (!(rd->options & OPT_MULTIFILE) || rd->next == rd->nfiles)
            return CARD_END;
    }
}

/* The hopper is empty: unit exception with eof, else unit check, intervention required. */
static void end_of_deck(struct device *d, struct reader *rd, struct io_request *r)
{
    if (rd->options & OPT_EOF) {
        r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END | UNIT_EXCEPTION;
        return;
    }
    uint8_t sense[2] = {SENSE_INTERVENTION_REQUIRED, SENSE1_RETRY_AFTER_INTERVENTION};
    device_set_sense(d, sense, 2);
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END | UNIT_CHECK;
}

/* READ (and FEED, which moves a card to the stacker without transferring it). */
static void read_card(struct device *d, struct reader *rd, struct io_request *r, bool transfer)
{
    uint8_t card[CARD_COLUMNS], sense0 = 0;
    r->residual = transfer ? r->count : 0;
    switch (next_card(d, rd, card, &sense0)) {
    case CARD_END:
        end_of_deck(d, rd, r);
        return;
    case CARD_ERROR:
        unitrec_check(d, r, sense0);
        return;
    case CARD_READ:
        break;
    }
    rd->cards++;
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    if (!transfer)
        return;
    uint32_t n = r->count < CARD_COLUMNS ? r->count : CARD_COLUMNS;
    memcpy(r->data, card, n);
    r->residual = r->count - n;
    r->longer = r->count < CARD_COLUMNS;
}

/* SENSE: with no unit check to report, an empty hopper still shows intervention required. */
static void reader_sense(struct device *d, struct reader *rd, struct io_request *r)
{
    bool nothing_pending = true;
    for (unsigned i = 0; i < d->sense_length; i++)
        nothing_pending &= d->sense[i] == 0;
    if (nothing_pending && !rd->f && rd->next == rd->nfiles) {
        uint8_t sense[2] = {SENSE_INTERVENTION_REQUIRED, SENSE1_RETRY_AFTER_INTERVENTION};
        device_set_sense(d, sense, 2);
    }
    device_sense(d, r);
}

/*
 * Commands (3505 and 2540 component descriptions): X'02' read, feed and select stacker, the stacker in
 * bits 0-1 (X'42', X'82', X'C2'); X'23' feed and select stacker (X'63'...); X'03' no-operation; X'04'
 * sense.  Everything else, column-binary reads and SENSE ID included (the 3505 predates it; Hercules
 * answers it only with LEGACYSENSEID), is rejected.
 */
static void reader_execute(struct device *d, struct io_request *r)
{
    struct reader *rd = d->state;
    pthread_mutex_lock(&rd->lock);
    if ((r->command & 0x3F) == 0x02)
        read_card(d, rd, r, true);
    else if ((r->command & 0x3F) == 0x23)
        read_card(d, rd, r, false);
    else if (r->command == CMD_NOP)
        r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    else if (r->command == CMD_SENSE)
        reader_sense(d, rd, r);
    else
        device_reject(d, r);
    pthread_mutex_unlock(&rd->lock);
}

/* ---- definition, devinit, devlist --------------------------------------------------------------- */

static bool reader_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    struct reader *rd = xcalloc(1, sizeof *rd);
    if (!parse_deck(argc, argv, &rd->options, &rd->files, &rd->nfiles, err, errlen)) {
        free(rd);
        return false;
    }
    pthread_mutex_init(&rd->lock, NULL);
    d->state = rd;
    d->model_type = (uint16_t)strtoul(d->type_name, NULL, 16);
    d->sense_length = READER_SENSE_BYTES;
    return true;
}

bool reader_load(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    struct reader *rd = d->state;
    unsigned options;
    char **files;
    size_t nfiles;
    if (!parse_deck(argc, argv, &options, &files, &nfiles, err, errlen))
        return false;
    pthread_mutex_lock(&rd->lock);
    close_file(rd);
    free_files(rd->files, rd->nfiles);
    rd->options = options;
    rd->files = files;
    rd->nfiles = nfiles;
    rd->next = 0;
    pthread_mutex_unlock(&rd->lock);
    device_status(d, UNIT_DEVICE_END);
    return true;
}

static void reader_close(struct device *d)
{
    struct reader *rd = d->state;
    if (!rd)
        return;
    close_file(rd);
    free_files(rd->files, rd->nfiles);
    pthread_mutex_destroy(&rd->lock);
    free(rd);
    d->state = NULL;
}

static void reader_describe(struct device *d, char *buf, size_t len)
{
    struct reader *rd = d->state;
    pthread_mutex_lock(&rd->lock);
    size_t unopened = rd->nfiles - rd->next;
    const char *current = rd->path ? rd->path : unopened ? rd->files[rd->next] : "*";
    size_t more = rd->path || !unopened ? unopened : unopened - 1;
    const char *format = rd->options & OPT_ASCII ? " ascii" : rd->options & OPT_EBCDIC ? " ebcdic" : "";
    snprintf(buf, len, "%s (%zu more files)%s %s%s%s%s, %lu cards read", current, more, format,
             rd->options & OPT_EOF ? "eof" : "intrq", rd->options & OPT_MULTIFILE ? " multifile" : "",
             rd->options & OPT_TRUNC ? " trunc" : "", rd->options & OPT_AUTOPAD ? " autopad" : "", rd->cards);
    pthread_mutex_unlock(&rd->lock);
}

static const char *const reader_aliases[] = {"2540R", "1442", "2501", NULL};

const struct device_type device_reader = {
    .name = "3505",
    .aliases = reader_aliases,
    .device_class = "RDR",
    .init = reader_init,
    .execute = reader_execute,
    .close = reader_close,
    .describe = reader_describe,
};
