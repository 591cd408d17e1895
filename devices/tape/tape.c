/*
 * tape.c - the 2400, 3410 and 3420 magnetic tape drives (one handler, device_tape) over an emulated
 * tape (devices/images/tape_image.h): their channel commands, unit status and sense bytes as the IBM
 * 3803/3420 magnetic tape subsystem description ("Commands", "Sense Bytes") and the 2803 tape control
 * describe them.  It does not own the file formats (devices/images/) or the channel's CSW logic.
 *
 * Timing.  A control command that moves tape - rewind, rewind unload, the space commands, write
 * tapemark, erase gap, data security erase - is accepted with channel end alone; the tape is
 * positioned at once, and device end (with unit exception or unit check when the motion ended on a
 * tapemark or at load point) comes later from the channel's timer, after a delay that grows with the
 * records passed.  Until then the drive answers busy.  Reads, writes and sense end with channel end
 * and device end together.  Resets never move the tape.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/util.h"
#include "devices/device.h"
#include "devices/images/tape_image.h"

/* Sense byte 1: tape unit status (3803 "Sense Byte 1"). */
enum {
    SENSE1_TU_STATUS_A = 0x40, /* the tape unit is ready */
    SENSE1_TU_STATUS_B = 0x20, /* the tape unit is not ready */
    SENSE1_LOAD_POINT = 0x08,
    SENSE1_FILE_PROTECTED = 0x02, /* no write ring */
    SENSE3_BACKWARD = 0x02,       /* byte 3: the failing operation moved backward */
    SENSE7_TAPE_BOTTOM = 0x60,    /* byte 7: tape bottom left and right, the tape ran off the reel */
};

/* Delays between channel end and device end of a motion command. */
enum { MOTION_MIN_US = 1000, MOTION_US_PER_RECORD = 1 }; /* a real start-stop takes milliseconds */

/* What tells the three drive types apart: how many sense bytes, the model identification in sense
   bytes 5-6 (as Hercules reports them for the 3410 and the 3803/3420), and the commands only some
   have. */
struct tape_model {
    const char *name;
    uint16_t type;
    uint8_t sense_length;
    uint8_t sense5, sense6;
    bool data_security_erase; /* X'97', 3410 and 3420 */
    bool gcr;                 /* 6250 bpi: mode set X'D3', 3420 */
};

static const struct tape_model models[] = {
    {"2400", 0x2400, 6, 0x00, 0x00, false, false},
    {"3410", 0x3410, 9, 0x40, 0x22, true, false},
    {"3420", 0x3420, 24, 0xC0, 0x03, true, true},
};

struct tape_drive {
    pthread_mutex_t lock;      /* the channel's threads and the timer thread both come here */
    const struct tape_model *model;
    struct tape_image *image;  /* NULL: no tape mounted (not ready) */
    bool ring;                 /* a write ring: writing allowed */
    bool compress;             /* HET: compress written blocks (compress=0|1) */
    int level;                 /* HET: at this zlib level (level=1-9) */
    uint32_t chunk_size;       /* AWS/HET chunk size from the device statement, 0 for the default */
    uint64_t motion_end_us;    /* when the current motion ends (monotonic clock) */
    uint8_t end_status;        /* the status that comes with its device end */
};

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static bool moving(const struct tape_drive *t)
{
    return now_us() < t->motion_end_us;
}

/* ---- status and sense --------------------------------------------------------------------------- */

static const uint8_t CE_DE = UNIT_CHANNEL_END | UNIT_DEVICE_END;

/* A unit check's own sense bits: bytes 0, 3 and 7 (the rest is live, add_live_sense). */
static void set_error_sense(struct device *d, uint8_t byte0, uint8_t byte3, uint8_t byte7)
{
    uint8_t sense[8] = {byte0, 0, 0, byte3, 0, 0, 0, byte7};
    device_set_sense(d, sense, d->sense_length < sizeof sense ? d->sense_length : sizeof sense);
}

/* Unit check at once, nothing transferred. */
static void unit_check(struct device *d, struct io_request *r, uint8_t byte0)
{
    set_error_sense(d, byte0, 0, 0);
    r->residual = r->count;
    r->status = CE_DE | UNIT_CHECK;
}

/*
 * The sense bytes and the status beside channel end and device end of an operation that ended on
 * `result`: a tapemark ends a read or a block spacing with unit exception (a file spacing stops
 * there normally); load point ends a backward one with unit check (2803/3803: read backward or
 * backspace "into or at load point"); past the recorded data a real tape runs off the reel, reported
 * as Hercules does with an equipment check and tape bottom left and right; a damaged image or host
 * error is told to the operator and is a data check for the program.
 */
static uint8_t ending_status(struct device *d, struct tape_drive *t, enum tape_result result, bool backward, bool file)
{
    switch (result) {
    case TAPE_OK:
        break;
    case TAPE_TAPEMARK:
        return file ? 0 : UNIT_EXCEPTION;
    case TAPE_LOAD_POINT:
        set_error_sense(d, 0, SENSE3_BACKWARD, 0);
        return UNIT_CHECK;
    case TAPE_END_OF_DATA:
        set_error_sense(d, SENSE_EQUIPMENT_CHECK, 0, SENSE7_TAPE_BOTTOM);
        return UNIT_CHECK;
    case TAPE_FAILED:
        device_message(d, "tape error: %s", tape_error(t->image));
        set_error_sense(d, SENSE_DATA_CHECK, backward ? SENSE3_BACKWARD : 0, 0);
        return UNIT_CHECK;
    }
    return 0;
}

/* Writing failed on the host (a full disk): equipment check. */
static void write_failed(struct device *d, struct tape_drive *t, struct io_request *r)
{
    device_message(d, "tape error: %s", tape_error(t->image));
    unit_check(d, r, SENSE_EQUIPMENT_CHECK);
}

/* Sense bytes the drive reports live, whatever the last unit check was (3803 "Sense Byte 1"). */
static void add_live_sense(const struct tape_drive *t, uint8_t *s)
{
    if (!t->image) {
        s[0] |= SENSE_INTERVENTION_REQUIRED;
        s[1] |= SENSE1_TU_STATUS_B;
    } else {
        s[1] |= SENSE1_TU_STATUS_A;
        if (tape_at_load_point(t->image))
            s[1] |= SENSE1_LOAD_POINT;
        if (!t->ring)
            s[1] |= SENSE1_FILE_PROTECTED;
    }
    s[5] |= t->model->sense5;
    if (t->model->sense_length > 6)
        s[6] |= t->model->sense6;
}

/* Move up to count bytes of a record to the channel: residual, and incorrect length when longer. */
static void transfer(struct io_request *r, const uint8_t *data, uint32_t length, bool backward)
{
    uint32_t n = length < r->count ? length : r->count;
    for (uint32_t i = 0; i < n; i++)
        r->data[i] = backward ? data[length - 1 - i] : data[i]; /* read backward presents the last byte first */
    r->residual = r->count - n;
    r->longer = length > r->count;
}

/* ---- motion: channel end now, device end later -------------------------------------------------- */

static void motion_done(struct device *d, void *arg)
{
    (void)arg;
    struct tape_drive *t = d->state;
    pthread_mutex_lock(&t->lock);
    uint8_t status = t->end_status;
    pthread_mutex_unlock(&t->lock);
    device_status(d, status);
}

/* The tape has been positioned over `records` records: channel end now; device end, with
   end_status, when the motion would have ended.  A condition found before any motion (nothing to
   move over) ends the command at once instead. */
static void start_motion(struct device *d, struct tape_drive *t, struct io_request *r, uint32_t records,
                         uint8_t end_status)
{
    r->residual = 0;
    if (records == 0 && end_status) {
        r->status = CE_DE | end_status;
        return;
    }
    uint32_t delay = MOTION_MIN_US + (records < 10000000 ? records : 10000000) * MOTION_US_PER_RECORD; /* <= 10 s */
    t->end_status = UNIT_DEVICE_END | end_status;
    t->motion_end_us = now_us() + delay;
    r->status = UNIT_CHANNEL_END;
    device_after(d, delay, motion_done, NULL);
}

/* ---- the commands ------------------------------------------------------------------------------- */

static void cmd_write(struct device *d, struct tape_drive *t, struct io_request *r)
{
    if (tape_write_block(t->image, r->data, r->count) != TAPE_OK) {
        write_failed(d, t, r);
        return;
    }
    r->status = CE_DE;
}

/* Read forward or backward; a block the image marks as recorded with an error is transferred with
   a data check. */
static void read_block(struct device *d, struct tape_drive *t, struct io_request *r, bool backward)
{
    const uint8_t *data;
    uint32_t length;
    enum tape_result result = backward ? tape_read_block_backward(t->image, &data, &length)
                                       : tape_read_block(t->image, &data, &length);
    if (result != TAPE_OK) {
        r->residual = r->count;
        r->status = CE_DE | ending_status(d, t, result, backward, false);
        return;
    }
    transfer(r, data, length, backward);
    r->status = CE_DE;
    if (tape_block_bad(t->image)) {
        set_error_sense(d, SENSE_DATA_CHECK, backward ? SENSE3_BACKWARD : 0, 0);
        r->status |= UNIT_CHECK;
    }
}

static void cmd_read(struct device *d, struct tape_drive *t, struct io_request *r)
{
    read_block(d, t, r, false);
}

static void cmd_read_backward(struct device *d, struct tape_drive *t, struct io_request *r)
{
    read_block(d, t, r, true);
}

/* NOP does not reset the sense bytes (3803 "No-Operation"); neither does a mode set. */
static void cmd_nop(struct device *d, struct tape_drive *t, struct io_request *r)
{
    (void)d, (void)t;
    r->status = CE_DE;
}

/* Request track in error after a PE or 6250 operation is a no-op that resets the sense bytes
   (3803 "Request Track-In-Error"). */
static void cmd_request_track_in_error(struct device *d, struct tape_drive *t, struct io_request *r)
{
    (void)t;
    memset(d->sense, 0, sizeof d->sense);
    r->status = CE_DE;
}

/* SENSE: the error bytes of the last unit check with the live unit status, then the errors are
   reset.  A drive without a tape answers sense normally (intervention required in byte 0). */
static void cmd_sense(struct device *d, struct tape_drive *t, struct io_request *r)
{
    uint8_t sense[sizeof d->sense];
    memcpy(sense, d->sense, sizeof sense);
    add_live_sense(t, sense);
    transfer(r, sense, t->model->sense_length, false);
    r->status = CE_DE;
    memset(d->sense, 0, sizeof d->sense);
}

static void cmd_rewind(struct device *d, struct tape_drive *t, struct io_request *r)
{
    uint32_t records = tape_block_number(t->image);
    tape_rewind(t->image);
    start_motion(d, t, r, records, 0);
}

/* Rewind unload: the tape comes off the drive, which is then not ready; its device end carries a
   unit check with intervention required (2803: unit check "when a rewind and unload is completed";
   Hercules does the same for the 3410 and 3420). */
static void cmd_rewind_unload(struct device *d, struct tape_drive *t, struct io_request *r)
{
    uint32_t records = tape_block_number(t->image);
    tape_close(t->image);
    t->image = NULL;
    set_error_sense(d, SENSE_INTERVENTION_REQUIRED, 0, 0);
    start_motion(d, t, r, records + 1, UNIT_CHECK); /* + 1: unloading is motion even at load point */
}

/* Erase gap erases a length of tape before a write; an image has no gaps, so the file protection
   and the motion are all there is. */
static void cmd_erase_gap(struct device *d, struct tape_drive *t, struct io_request *r)
{
    start_motion(d, t, r, 1, 0);
}

/* Data security erase must be command-chained from an erase gap (3803 "Data Security Erase"); it
   erases to the end of the tape. */
static void cmd_data_security_erase(struct device *d, struct tape_drive *t, struct io_request *r)
{
    if (!r->chained || r->previous != 0x17) {
        device_reject(d, r);
        return;
    }
    if (tape_erase_to_end(t->image) != TAPE_OK) {
        write_failed(d, t, r);
        return;
    }
    start_motion(d, t, r, 1, 0);
}

static void cmd_write_tapemark(struct device *d, struct tape_drive *t, struct io_request *r)
{
    if (tape_write_tapemark(t->image) != TAPE_OK) {
        write_failed(d, t, r);
        return;
    }
    start_motion(d, t, r, 1, 0);
}

static void cmd_space_block(struct device *d, struct tape_drive *t, struct io_request *r)
{
    enum tape_result result = tape_space_block(t->image);
    uint32_t records = result == TAPE_OK || result == TAPE_TAPEMARK;
    start_motion(d, t, r, records, ending_status(d, t, result, false, false));
}

static void cmd_backspace_block(struct device *d, struct tape_drive *t, struct io_request *r)
{
    enum tape_result result = tape_backspace_block(t->image);
    uint32_t records = result == TAPE_OK || result == TAPE_TAPEMARK;
    start_motion(d, t, r, records, ending_status(d, t, result, true, false));
}

static void cmd_space_file(struct device *d, struct tape_drive *t, struct io_request *r)
{
    uint32_t records;
    enum tape_result result = tape_space_file(t->image, &records);
    start_motion(d, t, r, records, ending_status(d, t, result, false, true));
}

static void cmd_backspace_file(struct device *d, struct tape_drive *t, struct io_request *r)
{
    uint32_t records;
    enum tape_result result = tape_backspace_file(t->image, &records);
    start_motion(d, t, r, records, ending_status(d, t, result, true, true));
}

/* The 3803/3420 command codes (the subsystem description's Figure 6), shared by the 2400 and 3410,
   which lack data security erase and 6250 bpi (struct tape_model).  Mode sets are in is_mode_set. */
struct command {
    uint8_t code;
    void (*run)(struct device *d, struct tape_drive *t, struct io_request *r);
    bool needs_tape; /* not ready (intervention required) without a tape */
    bool writes;     /* command reject without a write ring */
};

static const struct command commands[] = {
    {0x01, cmd_write, true, true},
    {0x02, cmd_read, true, false},
    {0x03, cmd_nop, true, false},
    {0x04, cmd_sense, false, false},
    {0x07, cmd_rewind, true, false},
    {0x0C, cmd_read_backward, true, false},
    {0x0F, cmd_rewind_unload, true, false},
    {0x17, cmd_erase_gap, true, true},
    {0x1B, cmd_request_track_in_error, true, false},
    {0x1F, cmd_write_tapemark, true, true},
    {0x27, cmd_backspace_block, true, false},
    {0x2F, cmd_backspace_file, true, false},
    {0x37, cmd_space_block, true, false},
    {0x3F, cmd_space_file, true, false},
    {0x97, cmd_data_security_erase, true, true},
};

/*
 * Mode set 1 (seven-track: bits 0-1 density 200/556/800, bits 2-4 parity, converter, translator,
 * bits 5-7 011) and mode set 2 (nine-track: X'CB' 800 bpi, X'C3' 1600, X'D3' 6250).  They set how
 * later writes record, which an image does not keep: accepted as no-ops, as Hercules does (VM issues
 * seven-track mode sets to nine-track drives).
 */
static bool is_mode_set(const struct tape_model *m, uint8_t code)
{
    if (code == 0xC3 || code == 0xCB)
        return true;
    if (code == 0xD3)
        return m->gcr;
    unsigned density = code >> 6, modifiers = (code >> 3) & 7;
    return (code & 7) == 3 && density < 3 && (modifiers == 2 || modifiers >= 4);
}

static const struct command *find_command(const struct tape_model *m, uint8_t code)
{
    static const struct command mode_set = {0, cmd_nop, false, false};
    if (is_mode_set(m, code))
        return &mode_set;
    if (code == 0x97 && !m->data_security_erase)
        return NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].code == code)
            return &commands[i];
    return NULL;
}

static void run_command(struct device *d, struct tape_drive *t, struct io_request *r)
{
    const struct command *c = find_command(t->model, r->command);
    if (moving(t)) {
        r->residual = r->count;
        r->status = UNIT_BUSY;
    } else if (!c) {
        device_reject(d, r); /* sense ID too: the 3803 has none (Hercules rejects it by default) */
    } else if (c->needs_tape && !t->image) {
        unit_check(d, r, SENSE_INTERVENTION_REQUIRED); /* with channel end and device end, as Hercules */
    } else if (c->writes && !t->ring) {
        unit_check(d, r, SENSE_COMMAND_REJECT); /* 2803/3803: write-type command to a file-protected unit */
    } else {
        c->run(d, t, r);
    }
}

static void tape_execute(struct device *d, struct io_request *r)
{
    struct tape_drive *t = d->state;
    pthread_mutex_lock(&t->lock);
    run_command(d, t, r);
    pthread_mutex_unlock(&t->lock);
}

/* ---- mounting ----------------------------------------------------------------------------------- */

static bool usage_error(char *err, size_t errlen, const char *fmt, const char *arg)
{
    snprintf(err, errlen, fmt, arg);
    return false;
}

static bool number_option(const char *arg, const char *name, long min, long max, long *value)
{
    size_t n = strlen(name);
    if (strncasecmp_ascii(arg, name, n) != 0 || arg[n] != '=')
        return false;
    char *end;
    errno = 0;
    *value = strtol(arg + n + 1, &end, 10);
    if (errno || end == arg + n + 1 || *end || *value < min || *value > max)
        *value = min - 1; /* out of range: reported by the caller */
    return true;
}

/* The options after the file name: [ro|noring|rw|ring] [readonly=0|1] [compress=0|1] [level=1-9]
   [chunksize=4096-65535], the Hercules names. */
static bool parse_option(struct tape_drive *t, const char *arg, char *err, size_t errlen)
{
    long v;
    if (strcasecmp_ascii(arg, "ro") == 0 || strcasecmp_ascii(arg, "noring") == 0)
        t->ring = false;
    else if (strcasecmp_ascii(arg, "rw") == 0 || strcasecmp_ascii(arg, "ring") == 0)
        t->ring = true;
    else if (number_option(arg, "readonly", 0, 1, &v) && v >= 0)
        t->ring = v == 0;
    else if (number_option(arg, "compress", 0, 1, &v) && v >= 0)
        t->compress = v == 1;
    else if (number_option(arg, "level", 1, 9, &v) && v >= 1)
        t->level = (int)v;
    else if (number_option(arg, "chunksize", TAPE_MIN_CHUNK, TAPE_MAX_CHUNK, &v) && v >= TAPE_MIN_CHUNK)
        t->chunk_size = (uint32_t)v;
    else
        return usage_error(err, errlen,
                           "bad tape option '%s' (FILE [ro|noring|rw|ring] [readonly=0|1] [compress=0|1] "
                           "[level=1-9] [chunksize=4096-65535], or * for no tape)",
                           arg);
    return true;
}

/* A missing file mounted with a ring becomes an empty unlabeled tape of two tapemarks, as Hercules'
   AUTOINIT does (FORMATS.md 3.3); the format follows the name (AWS when it tells none). */
static struct tape_image *create_empty_tape(const char *path, char *err, size_t errlen)
{
    enum tape_format format = TAPE_AWS;
    tape_format_from_name(path, &format);
    struct tape_image *image = tape_create(path, format, err, errlen);
    if (image && (tape_write_tapemark(image) != TAPE_OK || tape_write_tapemark(image) != TAPE_OK)) {
        snprintf(err, errlen, "%s", tape_error(image));
        tape_close(image);
        return NULL;
    }
    if (image)
        tape_rewind(image);
    return image;
}

static bool mount(struct device *d, struct tape_drive *t, const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT && t->ring) {
        t->image = create_empty_tape(path, err, errlen);
        if (t->image)
            device_message(d, "created %s: an empty tape of two tapemarks", path);
    } else {
        /* a file we may not write is mounted without a ring, as on Hercules */
        if (t->ring && access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS)) {
            t->ring = false;
            device_message(d, "%s is not writable: mounted without a write ring", path);
        }
        t->image = tape_open(path, !t->ring, err, errlen);
    }
    if (!t->image)
        return false;
    if (tape_image_format(t->image) == TAPE_HET)
        tape_set_compression(t->image, t->compress ? t->level : 0);
    if (t->chunk_size)
        tape_set_chunk_size(t->image, t->chunk_size);
    return true;
}

static const struct tape_model *model_named(const char *name)
{
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
        if (strcasecmp_ascii(models[i].name, name) == 0)
            return &models[i];
    return &models[2]; /* a device made without its type name is a 3420 */
}

static void free_drive(struct tape_drive *t)
{
    tape_close(t->image);
    pthread_mutex_destroy(&t->lock);
    free(t);
}

/* Arguments: FILE [options] (see parse_option), or * for a drive with no tape. */
static bool tape_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    if (argc < 1)
        return usage_error(err, errlen, "%s", "a tape file (or * for no tape) is needed");
    if (strcmp(argv[0], "*") == 0 && argc > 1)
        return usage_error(err, errlen, "'%s': options need a tape file, not *", argv[1]);
    struct tape_drive *t = xcalloc(1, sizeof *t);
    pthread_mutex_init(&t->lock, NULL);
    t->model = model_named(d->type_name);
    t->ring = true;
    t->compress = true;
    t->level = TAPE_DEFAULT_LEVEL;
    for (int i = 1; i < argc; i++)
        if (!parse_option(t, argv[i], err, errlen)) {
            free_drive(t);
            return false;
        }
    if (strcmp(argv[0], "*") != 0 && !mount(d, t, argv[0], err, errlen)) {
        free_drive(t);
        return false;
    }
    d->state = t;
    d->model_type = t->model->type;
    d->sense_length = t->model->sense_length;
    memset(d->sense, 0, sizeof d->sense);
    return true;
}

/* An I/O reset clears the sense bytes; it never moves the tape (a rewind in progress goes on). */
static void tape_reset(struct device *d)
{
    struct tape_drive *t = d->state;
    pthread_mutex_lock(&t->lock);
    memset(d->sense, 0, sizeof d->sense);
    pthread_mutex_unlock(&t->lock);
}

static void tape_close_device(struct device *d)
{
    free_drive(d->state);
    d->state = NULL;
}

/* "FILE (AWS) block N, ring" / "... at load point, no ring, moving" / "no tape mounted". */
static void tape_describe(struct device *d, char *buf, size_t len)
{
    struct tape_drive *t = d->state;
    pthread_mutex_lock(&t->lock);
    if (!t->image) {
        snprintf(buf, len, "no tape mounted%s", moving(t) ? ", unloading" : "");
    } else {
        char where[32];
        if (tape_at_load_point(t->image))
            snprintf(where, sizeof where, "at load point");
        else
            snprintf(where, sizeof where, "block %u", tape_block_number(t->image));
        char format[4];
        snprintf(format, sizeof format, "%s", tape_format_name(tape_image_format(t->image)));
        upcase(format);
        snprintf(buf, len, "%s (%s) %s, %s%s", tape_path(t->image), format, where, t->ring ? "ring" : "no ring",
                 moving(t) ? ", moving" : "");
    }
    pthread_mutex_unlock(&t->lock);
}

static const char *const tape_aliases[] = {"3410", "2400", NULL};

const struct device_type device_tape = {
    .name = "3420",
    .aliases = tape_aliases,
    .device_class = "TAPE",
    .init = tape_init,
    .execute = tape_execute,
    .reset = tape_reset,
    .close = tape_close_device,
    .describe = tape_describe,
};
