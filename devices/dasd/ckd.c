/*
 * ckd.c - the count-key-data disks of S/370 (one handler, device_ckd: 2311, 2314, 3330, 3330-11, 3340,
 * 3350, 3375, 3380) behind their control units (2841, 2314, 3830, 3880), over a Hercules CKD or CCKD
 * image (devices/images/ckd_image.h).  It owns the channel commands, their chaining rules, the status
 * and the sense bytes; the image library owns the files; the channel owns the CSW.
 *
 * The model.  A track is the image's bytes: home address, then records (count, key, data), then
 * eight X'FF'.  The device keeps one track in a buffer (read when first used; written back to the
 * image by each command that changes it, before its status is presented, so nothing the program saw
 * written is lost with the emulator) and an orientation on it: at the index point (the start of the
 * track, after the home address), or after the count, key or data area of one record.  Commands that
 * look for a record move forward record by record as the disk turns; passing the index point takes a
 * single-track command round the track again (a second time in one channel program without an
 * intervening read of a home address or data area, write, sense or control command: No Record Found),
 * and a multitrack command (code bit X'80') to the next head (past the last head: End of Cylinder).
 * Time is not modelled: every command ends with channel end and device end together.
 *
 * References: the IBM 3330 / 3830 and 3880 storage control and 2314 / 2841 component descriptions
 * (commands, chaining requirements, file mask, sense bytes) as collected in Hercules' ckddasd.c and
 * SimH's ibm360_dasd.c, which are the peers for everything below; where they differ, the comment
 * says which was followed.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/dasd/dasd.h"
#include "devices/device.h"
#include "devices/images/ckd_image.h"

/* ---- models and control units ------------------------------------------------------------------ */

/* Sense byte 4, the physical drive address, as each device reports it (from the device address). */
enum drive_address_style { DRIVE_NONE, DRIVE_3330, DRIVE_ONE_BIT, DRIVE_LOW3, DRIVE_LOW4 };

/* What a device type adds to its geometry (dasd_geometry.h): the numbers of its reference manual. */
struct ckd_model {
    uint16_t type;
    uint16_t control_units[2];      /* the ones it attaches to, [0] the default (cu=) */
    uint8_t sectors;                /* rotational position sensing: sectors per track; 0 none */
    uint8_t home_address_length;    /* bytes Write Home Address takes from the channel */
    bool track_overflow;            /* Write Special Count Key and Data and overflow records */
    enum drive_address_style drive_address;
    uint8_t status_byte3;           /* 6-byte sense, byte 3: the drive's ready/on-line bits */
    uint8_t rdc_code;               /* Read Device Characteristics: device code, 0 when it has none */
    uint16_t rdc_home_r0, rdc_r0, rdc_rps; /* RDC: HA+R0 overhead, R0 length, RPS factor */
};

static const struct ckd_model ckd_models[] = {
    /* type  control units    sect HA  ovfl  drive address  byte3 rdc   ha+r0  r0     rps */
    {0x2311, {0x2841, 0},       0,  5, true, DRIVE_NONE,    0xC8, 0,    0,     0,     0},
    {0x2314, {0x2314, 0},       0,  5, true, DRIVE_NONE,    0x40, 0,    0,     0,     0},
    {0x3330, {0x3830, 0x3880},  128, 5, true, DRIVE_3330,   0,    0,    0,     0,     0},
    {0x3340, {0x3830, 0x3880},  64,  7, true, DRIVE_ONE_BIT, 0,   0,    0,     0,     0},
    {0x3350, {0x3830, 0x3880},  128, 11, true, DRIVE_ONE_BIT, 0,  0,    0,     0,     0},
    {0x3375, {0x3880, 0},       196, 5, false, DRIVE_LOW3,  0,    0x0E, 832,   36000, 0x5007},
    {0x3380, {0x3880, 0},       222, 5, false, DRIVE_LOW4,  0,    0x0E, 1088,  47988, 0x5007},
};

/* The control unit decides the sense format and the commands beyond the basic set. */
struct control_unit {
    uint16_t type;
    uint8_t model;             /* for SENSE ID */
    uint8_t sense_length;      /* 6 (2841, 2314) or 24 */
    bool sense_id;             /* the 2841 and 2314 reject SENSE ID */
    bool positioning_first;    /* 3880: a track command must follow a seek, recalibrate or Read IPL */
    bool read_multiple;        /* Read Multiple Count Key and Data (3880) */
    uint8_t rdc_code;          /* control unit code in Read Device Characteristics */
};

static const struct control_unit control_units[] = {
    {0x2841, 0x00, 6, false, false, false, 0},
    {0x2314, 0x00, 6, false, false, false, 0},
    {0x3830, 0x02, 24, true, false, false, 0},
    {0x3880, 0x05, 24, true, true, true, 0x09},
};

static const struct ckd_model *model_of(uint16_t type)
{
    for (size_t i = 0; i < sizeof ckd_models / sizeof ckd_models[0]; i++)
        if (ckd_models[i].type == type)
            return &ckd_models[i];
    return NULL;
}

static const struct control_unit *control_unit_of(uint16_t type)
{
    for (size_t i = 0; i < sizeof control_units / sizeof control_units[0]; i++)
        if (control_units[i].type == type)
            return &control_units[i];
    return NULL;
}

/* ---- the device -------------------------------------------------------------------------------- */

enum orientation { AT_INDEX, AFTER_COUNT, AFTER_KEY, AFTER_DATA };

/* File mask (Set File Mask byte): bits 0-1 the writes allowed, bits 3-4 the seeks allowed. */
enum {
    MASK_WRITES = 0xC0,
    MASK_INHIBIT_HA_R0 = 0x00,   /* all writes but Write Home Address and Write R0 */
    MASK_INHIBIT_WRITES = 0x40,
    MASK_UPDATE_ONLY = 0x80,     /* Write Data and Write Key and Data only */
    MASK_ALLOW_ALL = 0xC0,
    MASK_SEEKS = 0x18,
    MASK_SEEK_ALL = 0x00,
    MASK_SEEK_CYLINDER = 0x08,   /* Seek Cylinder and Seek Head */
    MASK_SEEK_HEAD = 0x10,       /* Seek Head only */
    MASK_NO_SEEK = 0x18,         /* no seek, no head switching */
    MASK_RESERVED_2841 = 0x27,   /* bits that must be zero on the 2841 and 2314 */
    MASK_RESERVED = 0x20,        /* on the 3830 and 3880 */
};

/* Sense bits (byte 0 common ones are SENSE_* in device.h). */
enum {
    SENSE0_SEEK_CHECK = 0x01,       /* 2311, 2314 */
    SENSE1_INVALID_TRACK = 0x40,    /* 3330 and later: Invalid Track Format; 2311, 2314: Track Overrun */
    SENSE1_END_OF_CYLINDER = 0x20,
    SENSE1_INVALID_SEQUENCE = 0x10, /* 2311, 2314 */
    SENSE1_NO_RECORD = 0x08,
    SENSE1_FILE_PROTECTED = 0x04,
    SENSE1_WRITE_INHIBITED = 0x02,  /* 3330 and later */
    SENSE3_END_OF_CYLINDER = 0x04,  /* 2311, 2314 */
};

/* Format 0 messages of sense byte 7 (24-byte sense) with a command reject. */
enum reject_reason {
    REJECT_INVALID_COMMAND = 1,
    REJECT_INVALID_SEQUENCE = 2,
    REJECT_SHORT_COUNT = 3,
    REJECT_INVALID_ARGUMENT = 4,
};

struct ckd {
    pthread_mutex_t lock;
    struct ckd_image *image;
    struct ckd_image_info info;
    const struct ckd_model *model;
    const struct control_unit *cu;
    char *path;
    bool read_only;           /* writes are refused (ro, or the image cannot be written) */
    bool fake_write;          /* ... and seem to succeed, leaving the image as it is */
    /* the track in the buffer */
    uint8_t *track;
    uint32_t track_length;
    int64_t loaded;           /* its track number; -1 none */
    bool fake_changes;        /* fake writes changed the buffer: drop it when the program ends */
    /* the access mechanism and the orientation on the track */
    uint32_t cylinder, head;
    enum orientation orientation;
    uint32_t record;          /* offset of the current record's count in the track */
    /* state of the channel program in progress (reset when a program starts) */
    uint8_t file_mask;
    bool mask_set, positioned, index_passed;
    bool ha_equal, id_equal, key_equal, wrote_record; /* what the last command leaves for a write */
    bool sense_pending;       /* d->sense holds the sense of the last unit check */
};

static const uint8_t CE_DE = UNIT_CHANNEL_END | UNIT_DEVICE_END;
static const uint8_t end_of_track[CKD_END_SIZE] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* ---- sense ------------------------------------------------------------------------------------- */

static bool short_sense(const struct ckd *c)
{
    return c->cu->sense_length == 6;
}

static uint8_t drive_address(const struct device *d, const struct ckd *c)
{
    unsigned a = d->address;
    switch (c->model->drive_address) {
    case DRIVE_3330: /* drive A = 111000, B = 110001, ... H = 000111 */
        return (uint8_t)((a & 7) | ((~a & 7) << 3));
    case DRIVE_ONE_BIT:
        return (uint8_t)(0x80 >> (a & 7));
    case DRIVE_LOW3:
        return (uint8_t)(a & 7);
    case DRIVE_LOW4:
        return (uint8_t)(a & 0x0F);
    case DRIVE_NONE:
        break;
    }
    return 0;
}

/* Sense byte 6: the cylinder's high bits above the head number; how many bits each device keeps
   below them (3330-1 one cylinder bit at bit 1, 3330-11/3340/3350 two at bits 1-2, 3375 two at
   bits 0-1, 3380 four at bits 0-3). */
static unsigned cylinder_shift(const struct ckd *c)
{
    switch (c->model->type) {
    case 0x3330:
        return c->info.geometry->model == 0x01 ? 6 : 5;
    case 0x3340:
    case 0x3350:
        return 5;
    case 0x3375:
        return 6;
    default:
        return 4;
    }
}

/* The sense bytes of an error (bytes 0, 1 and 7 given) at the current position. */
static void build_sense(struct device *d, struct ckd *c, uint8_t byte0, uint8_t byte1, uint8_t byte7)
{
    uint8_t s[24] = {byte0, byte1};
    if (short_sense(c)) {
        s[3] = c->model->status_byte3 | ((byte1 & SENSE1_END_OF_CYLINDER) ? SENSE3_END_OF_CYLINDER : 0);
    } else {
        if (c->model->type == 0x3340)
            s[2] = (uint8_t)(0x80 | c->info.geometry->model); /* RPS feature and the model */
        s[4] = drive_address(d, c);
        s[5] = (uint8_t)c->cylinder;
        s[6] = (uint8_t)(((c->cylinder >> 8) << cylinder_shift(c)) | (c->head & 0x1F));
        s[7] = byte7;
    }
    device_set_sense(d, s, c->cu->sense_length);
    c->sense_pending = true;
}

/* End the command with unit check: nothing transferred. */
static void unit_check(struct device *d, struct ckd *c, struct io_request *r, uint8_t byte0, uint8_t byte1,
                       uint8_t byte7)
{
    build_sense(d, c, byte0, byte1, byte7);
    r->residual = r->count;
    r->longer = false;
    r->status = CE_DE | UNIT_CHECK;
}

/* Command reject.  The 24-byte sense gives the reason as a format 0 message in byte 7; the 2841 and
   2314 have an Invalid Sequence bit in byte 1. */
static void reject(struct device *d, struct ckd *c, struct io_request *r, enum reject_reason why)
{
    uint8_t byte1 = short_sense(c) && why == REJECT_INVALID_SEQUENCE ? SENSE1_INVALID_SEQUENCE : 0;
    unit_check(d, c, r, SENSE_COMMAND_REJECT, byte1, (uint8_t)why);
}

/* A seek address beyond the volume: command reject; the 2841 and 2314 add Seek Check (as SimH). */
static void invalid_seek_address(struct device *d, struct ckd *c, struct io_request *r)
{
    uint8_t byte0 = SENSE_COMMAND_REJECT | (short_sense(c) ? SENSE0_SEEK_CHECK : 0);
    unit_check(d, c, r, byte0, 0, REJECT_INVALID_ARGUMENT);
}

static void file_protected(struct device *d, struct ckd *c, struct io_request *r)
{
    unit_check(d, c, r, 0, SENSE1_FILE_PROTECTED, 0);
}

/* The image failed on the host (a damaged track image, a full disk): the operator is told; the
   program sees an equipment check. */
static void image_failed(struct device *d, struct ckd *c, struct io_request *r)
{
    device_message(d, "%s: %s", c->path, ckd_error(c->image));
    unit_check(d, c, r, SENSE_EQUIPMENT_CHECK, 0, 0x10); /* format 1: equipment check */
}

/* ---- the track buffer ------------------------------------------------------------------------- */

static void orient_to_index(struct ckd *c)
{
    c->orientation = AT_INDEX;
    c->record = 0;
}

static uint32_t current_track(const struct ckd *c)
{
    return c->cylinder * c->info.heads + c->head;
}

/* The track under the heads is in the buffer (read on first use). */
static bool load_track(struct device *d, struct ckd *c, struct io_request *r)
{
    uint32_t track = current_track(c);
    if (c->loaded == (int64_t)track)
        return true;
    c->loaded = -1;
    if (!ckd_read_track(c->image, track, c->track, &c->track_length)) {
        orient_to_index(c);
        image_failed(d, c, r);
        return false;
    }
    c->loaded = track;
    return true;
}

/* The buffer was changed: write it back now (a fake write keeps it in memory only). */
static bool store_track(struct device *d, struct ckd *c, struct io_request *r)
{
    c->track_length = ckd_track_length(c->track, c->info.track_size);
    if (c->fake_write) {
        c->fake_changes = true;
        return true;
    }
    if (!ckd_write_track(c->image, current_track(c), c->track, c->track_length)) {
        c->loaded = -1; /* read it again from the image next time */
        orient_to_index(c);
        image_failed(d, c, r);
        return false;
    }
    return true;
}

/* Record fields at an offset of the track. */
static uint8_t key_length_at(const struct ckd *c, uint32_t at)
{
    return c->track[at + 5];
}

static uint16_t data_length_at(const struct ckd *c, uint32_t at)
{
    return (uint16_t)(c->track[at + 6] << 8 | c->track[at + 7]);
}

static uint32_t record_end(const struct ckd *c, uint32_t at)
{
    return at + CKD_COUNT_SIZE + key_length_at(c, at) + data_length_at(c, at);
}

/* The high bit of the cylinder number marks a segment of a track-overflow record. */
static bool overflow_segment(const struct ckd *c, uint32_t at)
{
    return c->model->track_overflow && (c->track[at] & 0x80);
}

static bool end_marker_at(const struct ckd *c, uint32_t at)
{
    return at + CKD_END_SIZE > c->track_length || memcmp(c->track + at, end_of_track, CKD_END_SIZE) == 0;
}

/* The count field as the device presents it: without the overflow flag. */
static void count_of(const struct ckd *c, uint32_t at, uint8_t count[CKD_COUNT_SIZE])
{
    memcpy(count, c->track + at, CKD_COUNT_SIZE);
    if (c->model->track_overflow)
        count[0] &= 0x7F;
}

/* Where the next count area starts from the current orientation: also where a record written now
   goes (right after the current one; after the home address at the index point). */
static uint32_t following_count(const struct ckd *c)
{
    return c->orientation == AT_INDEX ? CKD_HA_SIZE : record_end(c, c->record);
}

/* ---- moving over the track ----------------------------------------------------------------------- */

/* A seek: the new track is read when first used. */
static void move_to(struct ckd *c, uint32_t cylinder, uint32_t head)
{
    c->cylinder = cylinder;
    c->head = head;
    orient_to_index(c);
}

/* Head switching at the index point of a multitrack operation (and to the next segment of an
   overflow record): not with a file mask that inhibits it (File Protected), never past the last
   head of the cylinder (End of Cylinder). */
static bool switch_head(struct device *d, struct ckd *c, struct io_request *r)
{
    if ((c->file_mask & MASK_SEEKS) == MASK_NO_SEEK) {
        file_protected(d, c, r);
        return false;
    }
    if (c->head + 1 >= c->info.heads) {
        unit_check(d, c, r, 0, SENSE1_END_OF_CYLINDER, 0);
        return false;
    }
    move_to(c, c->cylinder, c->head + 1);
    return load_track(d, c, r);
}

/* The index point passes under the heads while a command looks for a count area. */
static bool pass_index(struct device *d, struct ckd *c, struct io_request *r, bool multitrack)
{
    if (multitrack)
        return switch_head(d, c, r);
    if (c->index_passed) {
        unit_check(d, c, r, 0, SENSE1_NO_RECORD, 0);
        return false;
    }
    c->index_passed = true;
    orient_to_index(c);
    return true;
}

/* Orient to the next count area; R0 only when include_r0 (the Search ID commands see it, the reads
   skip it). */
static bool next_count(struct device *d, struct ckd *c, struct io_request *r, bool multitrack, bool include_r0)
{
    if (!load_track(d, c, r))
        return false;
    for (;;) {
        uint32_t at = following_count(c);
        if (end_marker_at(c, at)) {
            if (!pass_index(d, c, r, multitrack))
                return false;
            continue;
        }
        c->record = at;
        c->orientation = AFTER_COUNT;
        if (include_r0 || at != CKD_HA_SIZE)
            return true;
    }
}

/* The home address: after the index point (a multitrack command switches heads first). */
static bool at_home_address(struct device *d, struct ckd *c, struct io_request *r, bool multitrack)
{
    if (multitrack && !switch_head(d, c, r))
        return false;
    if (!load_track(d, c, r))
        return false;
    orient_to_index(c);
    return true;
}

static bool is_multitrack(const struct io_request *r)
{
    return (r->command & 0x80) != 0;
}

/* ---- reads ------------------------------------------------------------------------------------- */

/* The data area of the current record, and of the following segments of an overflow record (the
   first record after R0 on each next track). */
static bool put_data(struct device *d, struct ckd *c, struct io_request *r, struct dasd_input *in)
{
    for (;;) {
        uint32_t at = c->record;
        dasd_input_put(in, c->track + at + CKD_COUNT_SIZE + key_length_at(c, at), data_length_at(c, at));
        c->orientation = AFTER_DATA;
        if (!overflow_segment(c, at))
            return true;
        if (!switch_head(d, c, r) || !next_count(d, c, r, false, false))
            return false;
    }
}

/* Transfer the current record from the area after its count: its count too when with_count, its
   key when with_key, then the data (with any overflow segments).  A record with data length zero is
   an end-of-file record: unit exception. */
static void read_record(struct device *d, struct ckd *c, struct io_request *r, bool with_count, bool with_key)
{
    uint32_t first = c->record;
    uint16_t first_data_length = data_length_at(c, first); /* overflow segments move to other tracks */
    struct dasd_input in = {r, 0};
    if (with_count) {
        uint8_t count[CKD_COUNT_SIZE];
        count_of(c, first, count);
        dasd_input_put(&in, count, CKD_COUNT_SIZE);
    }
    if (with_key)
        dasd_input_put(&in, c->track + first + CKD_COUNT_SIZE, key_length_at(c, first));
    if (!put_data(d, c, r, &in))
        return;
    dasd_input_end(&in);
    r->status = CE_DE | (first_data_length == 0 ? UNIT_EXCEPTION : 0);
}

static void read_data(struct device *d, struct ckd *c, struct io_request *r)
{
    if (c->orientation == AFTER_COUNT || c->orientation == AFTER_KEY || next_count(d, c, r, is_multitrack(r), false))
        read_record(d, c, r, false, false);
}

static void read_key_and_data(struct device *d, struct ckd *c, struct io_request *r)
{
    if (c->orientation == AFTER_COUNT || next_count(d, c, r, is_multitrack(r), false))
        read_record(d, c, r, false, true);
}

static void read_count_key_and_data(struct device *d, struct ckd *c, struct io_request *r)
{
    if (next_count(d, c, r, is_multitrack(r), false))
        read_record(d, c, r, true, true);
}

static void read_count(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!next_count(d, c, r, is_multitrack(r), false))
        return;
    uint8_t count[CKD_COUNT_SIZE];
    count_of(c, c->record, count);
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, count, CKD_COUNT_SIZE);
    dasd_input_end(&in);
    r->status = CE_DE;
}

/* Read R0: the first record after the home address, whatever the orientation. */
static void read_record_zero(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!at_home_address(d, c, r, is_multitrack(r)))
        return;
    if (end_marker_at(c, CKD_HA_SIZE)) {
        unit_check(d, c, r, 0, SENSE1_NO_RECORD, 0);
        return;
    }
    c->record = CKD_HA_SIZE;
    c->orientation = AFTER_COUNT;
    read_record(d, c, r, true, true);
}

static void read_home_address(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!at_home_address(d, c, r, is_multitrack(r)))
        return;
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, c->track, CKD_HA_SIZE);
    dasd_input_end(&in);
    r->status = CE_DE;
}

/* Read IPL: seek to cylinder 0 head 0 and read the data of the first record after R0. */
static void read_ipl(struct device *d, struct ckd *c, struct io_request *r)
{
    move_to(c, 0, 0);
    c->positioned = true;
    if (next_count(d, c, r, false, false))
        read_record(d, c, r, false, false);
}

/* Read Multiple Count Key and Data (3880): every record from here to the end of the track. */
static void read_multiple(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!load_track(d, c, r))
        return;
    struct dasd_input in = {r, 0};
    for (uint32_t at = following_count(c); !end_marker_at(c, at); at = following_count(c)) {
        c->record = at;
        c->orientation = AFTER_DATA;
        if (at == CKD_HA_SIZE)
            continue; /* R0 is not read */
        uint8_t count[CKD_COUNT_SIZE];
        count_of(c, at, count);
        dasd_input_put(&in, count, CKD_COUNT_SIZE);
        dasd_input_put(&in, c->track + at + CKD_COUNT_SIZE, key_length_at(c, at) + (uint32_t)data_length_at(c, at));
    }
    dasd_input_end(&in);
    r->status = CE_DE;
}

/* ---- searches ---------------------------------------------------------------------------------- */

/* Compare the record's bytes with the argument (as many bytes as both have) and present status
   modifier when the search condition holds: code bit 2 (X'20') equal, bit 1 (X'40') high, where
   high means the record's bytes are higher than the argument.  Returns whether all `length` bytes
   compared equal. */
static bool search_compare(struct io_request *r, const uint8_t *record, uint32_t length)
{
    uint32_t n = r->count < length ? r->count : length;
    int cmp = memcmp(record, r->data, n);
    bool hit = ((r->command & 0x20) && cmp == 0) || ((r->command & 0x40) && cmp > 0);
    r->residual = r->count - n;
    r->status = CE_DE | (hit ? UNIT_STATUS_MODIFIER : 0);
    return cmp == 0 && n == length;
}

static void search_id(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!next_count(d, c, r, is_multitrack(r), true))
        return;
    uint8_t count[CKD_COUNT_SIZE];
    count_of(c, c->record, count);
    bool equal = search_compare(r, count, 5);
    c->id_equal = equal && (r->command & 0x7F) == 0x31;
}

/* A record without a key is passed over without a comparison (no status modifier). */
static void search_key(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!next_count(d, c, r, is_multitrack(r), false))
        return;
    uint8_t key_length = key_length_at(c, c->record);
    c->orientation = AFTER_KEY;
    if (key_length == 0) {
        r->residual = r->count;
        r->status = CE_DE;
        c->key_equal = false;
        return;
    }
    bool equal = search_compare(r, c->track + c->record + CKD_COUNT_SIZE, key_length);
    c->key_equal = equal && (r->command & 0x7F) == 0x29;
}

static void search_home_address(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!at_home_address(d, c, r, is_multitrack(r)))
        return;
    c->ha_equal = search_compare(r, c->track + 1, 4);
}

/* ---- positioning ------------------------------------------------------------------------------- */

/* Seek (BBCCHH), Seek Cylinder, Seek Head: the file mask may forbid them (File Protected); an
   address beyond the volume is rejected.  Seek Head keeps the cylinder (Hercules; the 3830 ignores
   the CC bytes). */
static void seek(struct device *d, struct ckd *c, struct io_request *r)
{
    uint8_t seeks = c->file_mask & MASK_SEEKS;
    bool allowed = r->command == 0x07   ? seeks == MASK_SEEK_ALL
                   : r->command == 0x0B ? seeks == MASK_SEEK_ALL || seeks == MASK_SEEK_CYLINDER
                                        : seeks != MASK_NO_SEEK;
    if (!allowed) {
        file_protected(d, c, r);
        return;
    }
    if (r->count < 6) {
        reject(d, c, r, REJECT_SHORT_COUNT);
        return;
    }
    const uint8_t *a = r->data;
    uint32_t cylinder = r->command == 0x1B ? c->cylinder : (uint32_t)(a[2] << 8 | a[3]);
    uint32_t head = (uint32_t)(a[4] << 8 | a[5]);
    if (a[0] || a[1] || cylinder >= c->info.cylinders || head >= c->info.heads) {
        invalid_seek_address(d, c, r);
        return;
    }
    move_to(c, cylinder, head);
    c->positioned = true;
    r->residual = r->count - 6;
    r->status = CE_DE;
}

static void recalibrate(struct device *d, struct ckd *c, struct io_request *r)
{
    if ((c->file_mask & MASK_SEEKS) != MASK_SEEK_ALL) {
        file_protected(d, c, r);
        return;
    }
    move_to(c, 0, 0);
    c->positioned = true;
    r->residual = r->count;
    r->status = CE_DE;
}

/* Set File Mask: once per channel program. */
static void set_file_mask(struct device *d, struct ckd *c, struct io_request *r)
{
    if (c->mask_set) {
        reject(d, c, r, REJECT_INVALID_SEQUENCE);
        return;
    }
    uint8_t reserved = short_sense(c) ? MASK_RESERVED_2841 : MASK_RESERVED;
    if (r->data[0] & reserved) {
        reject(d, c, r, REJECT_INVALID_ARGUMENT);
        return;
    }
    c->file_mask = r->data[0];
    c->mask_set = true;
    r->residual = r->count - 1;
    r->status = CE_DE;
}

/* Rotational position sensing.  Time is not modelled, so a sector is a place on the track: sector
   s starts at byte s * track size / sectors of the image's track.  Read Sector gives the sector
   where the current record starts; Set Sector orients to just before the first record starting at
   or after the sector's place, so that a search for the record read or written there finds it
   without passing the index point. */
static uint8_t sector_of(const struct ckd *c, uint32_t at)
{
    return (uint8_t)((uint64_t)at * c->model->sectors / c->info.track_size);
}

static bool rps_device(struct device *d, struct ckd *c, struct io_request *r)
{
    if (c->model->sectors == 0)
        reject(d, c, r, REJECT_INVALID_COMMAND);
    return c->model->sectors != 0;
}

static void read_sector(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!rps_device(d, c, r))
        return;
    uint8_t sector = c->orientation == AT_INDEX ? 0 : sector_of(c, c->record);
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, &sector, 1);
    dasd_input_end(&in);
    r->status = CE_DE;
}

static void set_sector(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!rps_device(d, c, r))
        return;
    uint8_t sector = r->data[0];
    if (sector >= c->model->sectors && sector != 0xFF) { /* X'FF': no sector, at once */
        reject(d, c, r, REJECT_INVALID_ARGUMENT);
        return;
    }
    if (!load_track(d, c, r))
        return;
    orient_to_index(c);
    for (uint32_t at = CKD_HA_SIZE; sector != 0xFF && !end_marker_at(c, at); at = record_end(c, at)) {
        if (sector_of(c, at) >= sector)
            break;
        c->record = at;
        c->orientation = AFTER_DATA;
    }
    r->residual = r->count - 1;
    r->status = CE_DE;
}

/* ---- writes ------------------------------------------------------------------------------------ */

/* Which file mask settings allow a write command. */
enum write_class { WRITE_FORMAT_TRACK, WRITE_FORMAT_RECORD, WRITE_UPDATE };

static bool mask_allows(const struct ckd *c, enum write_class what)
{
    uint8_t writes = c->file_mask & MASK_WRITES;
    switch (what) {
    case WRITE_FORMAT_TRACK: /* Write Home Address, Write R0 */
        return writes == MASK_ALLOW_ALL;
    case WRITE_FORMAT_RECORD: /* Write Count Key and Data, Write Special, Erase */
        return writes == MASK_ALLOW_ALL || writes == MASK_INHIBIT_HA_R0;
    case WRITE_UPDATE: /* Write Data, Write Key and Data */
        return writes != MASK_INHIBIT_WRITES;
    }
    return false;
}

/* A write command may go on: it follows what it must (else command reject, invalid sequence), the
   file mask allows it and the volume can be written (else File Protected; a read-only image also
   shows Write Inhibited on the devices that have it). */
static bool may_write(struct device *d, struct ckd *c, struct io_request *r, bool in_sequence, enum write_class what)
{
    if (!in_sequence) {
        reject(d, c, r, REJECT_INVALID_SEQUENCE);
        return false;
    }
    if (!mask_allows(c, what)) {
        file_protected(d, c, r);
        return false;
    }
    if (c->read_only && !c->fake_write) {
        unit_check(d, c, r, 0, SENSE1_FILE_PROTECTED | (short_sense(c) ? 0 : SENSE1_WRITE_INHIBITED), 0);
        return false;
    }
    return load_track(d, c, r);
}

/* Whether a record of these lengths written at `at` fits: the records R1.. before it and the new one
   by the model's track capacity formula (R0 is outside it), and its bytes in the image's track. */
static bool record_fits(const struct ckd *c, uint32_t at, uint8_t key_length, uint16_t data_length)
{
    uint32_t bytes = at + CKD_COUNT_SIZE + key_length + (uint32_t)data_length + CKD_END_SIZE;
    if (bytes > c->info.track_size)
        return false;
    if (at == CKD_HA_SIZE)
        return true; /* R0 is outside the capacity formulas */
    size_t n = 0, cap = 16;
    struct ckd_record_lengths *lengths = xmalloc(cap * sizeof *lengths);
    for (uint32_t p = record_end(c, CKD_HA_SIZE); p < at; p = record_end(c, p)) {
        if (n + 1 >= cap)
            lengths = xrealloc(lengths, (cap *= 2) * sizeof *lengths);
        lengths[n++] = (struct ckd_record_lengths){key_length_at(c, p), data_length_at(c, p)};
    }
    lengths[n++] = (struct ckd_record_lengths){key_length, data_length};
    bool fits = ckd_records_fit(c->info.geometry, lengths, n);
    free(lengths);
    return fits;
}

/* Write a whole record (count, key, data from the channel) at `at` and erase the rest of the track;
   a record that does not fit is refused with Invalid Track Format (2311, 2314: Track Overrun). */
static bool write_record(struct device *d, struct ckd *c, struct io_request *r, uint32_t at, bool overflow)
{
    uint8_t count[CKD_COUNT_SIZE];
    dasd_output_take(r, 0, count, CKD_COUNT_SIZE);
    uint8_t key_length = count[5];
    uint16_t data_length = (uint16_t)(count[6] << 8 | count[7]);
    if (!record_fits(c, at, key_length, data_length)) {
        unit_check(d, c, r, 0, SENSE1_INVALID_TRACK, 0);
        return false;
    }
    uint32_t length = CKD_COUNT_SIZE + key_length + (uint32_t)data_length;
    dasd_output_take(r, 0, c->track + at, length);
    if (overflow)
        c->track[at] |= 0x80;
    memcpy(c->track + at + length, end_of_track, CKD_END_SIZE);
    c->record = at;
    c->orientation = AFTER_DATA;
    dasd_transfer_end(r, length);
    if (!store_track(d, c, r))
        return false;
    c->wrote_record = true;
    r->status = CE_DE;
    return true;
}

/* Write Home Address: the flag byte and CCHH (the image keeps the track's own address), the rest of
   the track erased. */
static void write_home_address(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!may_write(d, c, r, true, WRITE_FORMAT_TRACK))
        return;
    orient_to_index(c);
    memcpy(c->track + CKD_HA_SIZE, end_of_track, CKD_END_SIZE);
    dasd_transfer_end(r, c->model->home_address_length);
    if (!store_track(d, c, r))
        return;
    c->ha_equal = true; /* Write R0 may follow */
    r->status = CE_DE;
}

/* Write R0: after Search Home Address Equal or Write Home Address. */
static void write_record_zero(struct device *d, struct ckd *c, struct io_request *r)
{
    if (may_write(d, c, r, c->ha_equal, WRITE_FORMAT_TRACK))
        write_record(d, c, r, CKD_HA_SIZE, false);
}

/* Write Count Key and Data: after a Search ID or Key Equal that found the record it follows, or
   another record just written; Write Special CKD (X'01') writes a segment of an overflow record. */
static void write_count_key_and_data(struct device *d, struct ckd *c, struct io_request *r)
{
    bool special = r->command == 0x01;
    if (special && !c->model->track_overflow) {
        reject(d, c, r, REJECT_INVALID_COMMAND);
        return;
    }
    if (may_write(d, c, r, c->id_equal || c->key_equal || c->wrote_record, WRITE_FORMAT_RECORD))
        write_record(d, c, r, following_count(c), special);
}

/* Write over the data areas of the current record and its overflow segments from `from` of the
   channel's bytes.  Returns the bytes the record took. */
static bool update_data(struct device *d, struct ckd *c, struct io_request *r, uint32_t from, uint32_t *taken)
{
    for (;;) {
        uint32_t at = c->record;
        uint16_t length = data_length_at(c, at);
        dasd_output_take(r, from, c->track + at + CKD_COUNT_SIZE + key_length_at(c, at), length);
        from += length;
        c->orientation = AFTER_DATA;
        if (!store_track(d, c, r))
            return false;
        if (!overflow_segment(c, at))
            break;
        if (!switch_head(d, c, r) || !next_count(d, c, r, false, false))
            return false;
    }
    *taken = from;
    return true;
}

/* Write Data / Write Key and Data update the record a search just found; a record of data length
   zero is not written (unit exception). */
static void update_record(struct device *d, struct ckd *c, struct io_request *r, bool with_key)
{
    uint32_t at = c->record;
    if (data_length_at(c, at) == 0) {
        r->residual = r->count;
        r->status = CE_DE | UNIT_EXCEPTION;
        return;
    }
    uint32_t from = 0;
    if (with_key) {
        from = key_length_at(c, at);
        dasd_output_take(r, 0, c->track + at + CKD_COUNT_SIZE, from);
    }
    uint32_t taken;
    if (!update_data(d, c, r, from, &taken))
        return;
    dasd_transfer_end(r, taken);
    r->status = CE_DE;
}

static void write_data(struct device *d, struct ckd *c, struct io_request *r)
{
    bool oriented = c->orientation == AFTER_COUNT || c->orientation == AFTER_KEY;
    if (may_write(d, c, r, (c->id_equal || c->key_equal) && oriented, WRITE_UPDATE))
        update_record(d, c, r, false);
}

static void write_key_and_data(struct device *d, struct ckd *c, struct io_request *r)
{
    if (may_write(d, c, r, c->id_equal && c->orientation == AFTER_COUNT, WRITE_UPDATE))
        update_record(d, c, r, true);
}

/* Erase: the rest of the track after the current record; the channel's bytes (a count field and
   what it describes) are taken and not written. */
static void erase(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!may_write(d, c, r, c->id_equal || c->key_equal || c->wrote_record, WRITE_FORMAT_RECORD))
        return;
    uint8_t count[CKD_COUNT_SIZE];
    dasd_output_take(r, 0, count, CKD_COUNT_SIZE);
    uint32_t at = following_count(c);
    memcpy(c->track + at, end_of_track, CKD_END_SIZE);
    if (!store_track(d, c, r))
        return;
    dasd_transfer_end(r, CKD_COUNT_SIZE + count[5] + (uint32_t)(count[6] << 8 | count[7]));
    r->longer = false;
    r->status = CE_DE;
}

/* ---- control, sense and identification ------------------------------------------------------ */

static void no_operation(struct device *d, struct ckd *c, struct io_request *r)
{
    (void)d, (void)c;
    r->residual = r->count;
    r->status = CE_DE;
}

/* SENSE: the sense of the last unit check, or (none pending) the current position alone; then the
   errors are reset. */
static void sense(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!c->sense_pending)
        build_sense(d, c, 0, 0, 0);
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, d->sense, c->cu->sense_length);
    dasd_input_end(&in);
    c->sense_pending = false;
    r->status = CE_DE;
}

/* Device Reserve and Release (the two-channel switch): this machine has one channel to the device,
   so they only present the sense bytes, as both commands do.  Reserve must come first in its
   channel program; Release may not follow a Set File Mask. */
static void reserve(struct device *d, struct ckd *c, struct io_request *r)
{
    if (r->chained)
        reject(d, c, r, REJECT_INVALID_SEQUENCE);
    else
        sense(d, c, r);
}

static void release(struct device *d, struct ckd *c, struct io_request *r)
{
    if (c->mask_set)
        reject(d, c, r, REJECT_INVALID_SEQUENCE);
    else
        sense(d, c, r);
}

static void sense_id(struct device *d, struct ckd *c, struct io_request *r)
{
    if (!c->cu->sense_id) {
        reject(d, c, r, REJECT_INVALID_COMMAND);
        return;
    }
    dasd_sense_id(r, c->cu->type, c->cu->model, c->model->type, c->info.geometry->model);
}

/* Read Device Characteristics (3375 and 3380 on the 3880): 64 bytes, laid out as the 3880
   reference gives them (and Hercules' dasdtab.c builds them). */
static void read_device_characteristics(struct device *d, struct ckd *c, struct io_request *r)
{
    const struct ckd_model *m = c->model;
    const struct ckd_geometry *g = c->info.geometry;
    if (!m->rdc_code || c->cu->type != 0x3880) {
        reject(d, c, r, REJECT_INVALID_COMMAND);
        return;
    }
    uint32_t primary = c->info.cylinders < g->cylinders ? c->info.cylinders : g->cylinders;
    uint32_t alternate = c->info.cylinders - primary;
    uint8_t rdc[64] = {0};
    dasd_put_be16(rdc + 0, c->cu->type);
    rdc[2] = c->cu->model;
    dasd_put_be16(rdc + 3, m->type);
    rdc[5] = g->model;
    rdc[6] = 0x80; /* 3880 storage director feature bits */
    rdc[10] = 0x20; /* device class: DASD */
    rdc[11] = m->rdc_code;
    dasd_put_be16(rdc + 12, primary);
    dasd_put_be16(rdc + 14, g->heads);
    rdc[16] = m->sectors;
    dasd_put_be16(rdc + 18, g->track_capacity);
    dasd_put_be16(rdc + 20, m->rdc_home_r0);
    rdc[22] = 0x01; /* track capacity formula 1 (cells), then its factors */
    rdc[23] = (uint8_t)g->f1;
    dasd_put_be16(rdc + 24, g->f2);
    dasd_put_be16(rdc + 26, g->f3);
    if (alternate) {
        dasd_put_be16(rdc + 28, primary);
        dasd_put_be16(rdc + 30, alternate * g->heads);
    }
    rdc[40] = rdc[41] = m->rdc_code; /* MDR and OBR record ids */
    rdc[42] = c->cu->rdc_code;
    rdc[43] = 0x02;
    dasd_put_be16(rdc + 44, m->rdc_r0);
    rdc[47] = 0x01;
    dasd_put_be16(rdc + 49, m->rdc_rps);
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, rdc, sizeof rdc);
    dasd_input_end(&in);
    r->status = CE_DE;
}

/* ---- the command table ------------------------------------------------------------------------- */

/* What a command leaves standing for the commands after it (everything else is reset), and what it
   needs. */
enum {
    KEEPS_HA_EQUAL = 0x01,   /* Write R0 may follow */
    KEEPS_ID_EQUAL = 0x02,   /* Write Data, Write Key and Data, Write CKD may follow */
    KEEPS_KEY_EQUAL = 0x04,
    KEEPS_WROTE = 0x08,      /* Write CKD, Erase may follow */
    KEEPS_INDEX = 0x10,      /* does not reset the index-point count (searches, Read Count, Read Sector) */
    ACCESSES_TRACK = 0x20,   /* on a 3880, must follow a seek, recalibrate or Read IPL */
    NEEDS_READ_MULTIPLE = 0x40,
};

struct ckd_command {
    uint8_t code;
    void (*run)(struct device *d, struct ckd *c, struct io_request *r);
    unsigned flags;
};

#define SEARCH_ID (KEEPS_ID_EQUAL | KEEPS_INDEX | ACCESSES_TRACK)
#define SEARCH_KEY (KEEPS_KEY_EQUAL | KEEPS_INDEX | ACCESSES_TRACK)

static const struct ckd_command ckd_commands[] = {
    {0x01, write_count_key_and_data, KEEPS_WROTE | ACCESSES_TRACK},
    {0x02, read_ipl, 0},
    {0x03, no_operation, 0},
    {0x04, sense, 0},
    {0x05, write_data, KEEPS_ID_EQUAL | KEEPS_KEY_EQUAL | ACCESSES_TRACK},
    {0x06, read_data, KEEPS_ID_EQUAL | KEEPS_KEY_EQUAL | ACCESSES_TRACK},
    {0x07, seek, 0},
    {0x0B, seek, 0},
    {0x0D, write_key_and_data, KEEPS_ID_EQUAL | ACCESSES_TRACK},
    {0x0E, read_key_and_data, KEEPS_ID_EQUAL | ACCESSES_TRACK},
    {0x11, erase, ACCESSES_TRACK},
    {0x12, read_count, KEEPS_INDEX | ACCESSES_TRACK},
    {0x13, recalibrate, 0},
    {0x15, write_record_zero, KEEPS_WROTE | ACCESSES_TRACK},
    {0x16, read_record_zero, ACCESSES_TRACK},
    {0x17, no_operation, 0}, /* Restore: nothing to do for a disk that never loses its position */
    {0x19, write_home_address, KEEPS_HA_EQUAL | ACCESSES_TRACK},
    {0x1A, read_home_address, ACCESSES_TRACK},
    {0x1B, seek, 0},
    {0x1D, write_count_key_and_data, KEEPS_WROTE | ACCESSES_TRACK},
    {0x1E, read_count_key_and_data, ACCESSES_TRACK},
    {0x1F, set_file_mask, 0},
    {0x22, read_sector, KEEPS_INDEX},
    {0x23, set_sector, ACCESSES_TRACK},
    {0x29, search_key, SEARCH_KEY},
    {0x31, search_id, SEARCH_ID},
    {0x39, search_home_address, KEEPS_HA_EQUAL | ACCESSES_TRACK},
    {0x49, search_key, SEARCH_KEY},
    {0x51, search_id, SEARCH_ID},
    {0x5E, read_multiple, NEEDS_READ_MULTIPLE | ACCESSES_TRACK},
    {0x64, read_device_characteristics, 0},
    {0x69, search_key, SEARCH_KEY},
    {0x71, search_id, SEARCH_ID},
    {0x86, read_data, KEEPS_ID_EQUAL | KEEPS_KEY_EQUAL | ACCESSES_TRACK},
    {0x8E, read_key_and_data, KEEPS_ID_EQUAL | ACCESSES_TRACK},
    {0x92, read_count, ACCESSES_TRACK},
    {0x94, release, 0},
    {0x96, read_record_zero, ACCESSES_TRACK},
    {0x9A, read_home_address, ACCESSES_TRACK},
    {0x9E, read_count_key_and_data, ACCESSES_TRACK},
    {0xA9, search_key, SEARCH_KEY},
    {0xB1, search_id, SEARCH_ID},
    {0xB4, reserve, 0},
    {0xB9, search_home_address, KEEPS_HA_EQUAL | ACCESSES_TRACK},
    {0xC9, search_key, SEARCH_KEY},
    {0xD1, search_id, SEARCH_ID},
    {0xE4, sense_id, 0},
    {0xE9, search_key, SEARCH_KEY},
    {0xF1, search_id, SEARCH_ID},
};

static const struct ckd_command *command_of(uint8_t code)
{
    for (size_t i = 0; i < sizeof ckd_commands / sizeof ckd_commands[0]; i++)
        if (ckd_commands[i].code == code)
            return &ckd_commands[i];
    return NULL;
}

/* A new channel program: the file mask and the chaining state start afresh; the track changes fake
   writes made in the last one are dropped. */
static void start_program(struct ckd *c)
{
    c->file_mask = 0;
    c->mask_set = c->positioned = c->index_passed = false;
    c->ha_equal = c->id_equal = c->key_equal = c->wrote_record = false;
    if (c->fake_changes) {
        c->loaded = -1;
        c->fake_changes = false;
    }
}

/* After a command: the conditions that only the next command may use are kept when the command says
   so.  The index-point count is reset by reads of a home address or data area, writes, sense and
   control commands (3830 "No Record Found"). */
static void after_command(struct ckd *c, const struct ckd_command *cmd)
{
    c->ha_equal = c->ha_equal && (cmd->flags & KEEPS_HA_EQUAL);
    c->id_equal = c->id_equal && (cmd->flags & KEEPS_ID_EQUAL);
    c->key_equal = c->key_equal && (cmd->flags & KEEPS_KEY_EQUAL);
    c->wrote_record = c->wrote_record && (cmd->flags & KEEPS_WROTE);
    if (!(cmd->flags & KEEPS_INDEX))
        c->index_passed = false;
}

static void ckd_execute(struct device *d, struct io_request *r)
{
    struct ckd *c = d->state;
    pthread_mutex_lock(&c->lock);
    if (!r->chained)
        start_program(c);
    const struct ckd_command *cmd = command_of(r->command);
    if (!cmd || ((cmd->flags & NEEDS_READ_MULTIPLE) && !c->cu->read_multiple)) {
        reject(d, c, r, REJECT_INVALID_COMMAND);
    } else if ((cmd->flags & ACCESSES_TRACK) && c->cu->positioning_first && !c->positioned) {
        reject(d, c, r, REJECT_INVALID_SEQUENCE);
    } else {
        if (cmd->code != 0x04 && cmd->code != 0xB4 && cmd->code != 0x94)
            c->sense_pending = false; /* the sense bytes describe only the last unit check */
        cmd->run(d, c, r);
        after_command(c, cmd);
    }
    pthread_mutex_unlock(&c->lock);
}

/* ---- device statement, reset, close ------------------------------------------------------------ */

static const char *const fake_write_words[] = {"fakewrite", "fakewrt", "fw", NULL};
/* Hercules options that change nothing here (its lazy writing and full-track I/O). */
static const char *const ignored_words[] = {"lazywrite", "nolazywrite", "fulltrackio", "fulltrkio", "ftio",
                                            "nofulltrackio", "nofulltrkio", "noftio", NULL};

struct ckd_options {
    bool read_only, fake_write;
    const char *shadow;
    const char *control_unit;
};

static bool parse_option(const char *word, struct ckd_options *o, char *err, size_t errlen)
{
    if (dasd_word_is(word, dasd_read_only_words))
        o->read_only = true;
    else if (dasd_word_is(word, fake_write_words))
        o->fake_write = true;
    else if (strncasecmp_ascii(word, "sf=", 3) == 0 && word[3])
        o->shadow = word + 3;
    else if (strncasecmp_ascii(word, "cu=", 3) == 0 && word[3])
        o->control_unit = word + 3;
    else if (strncasecmp_ascii(word, "ser=", 4) == 0 && strlen(word + 4) == 12 &&
             strspn(word + 4, "0123456789") == 12)
        return true; /* the serial number: no S/370 command reports it */
    else if (!dasd_word_is(word, ignored_words))
        return dasd_init_error(err, errlen, "unknown option '%s'", word);
    return true;
}

/* The control unit: the model's default, or cu= one of those it attaches to. */
static bool choose_control_unit(struct ckd *c, const char *name, char *err, size_t errlen)
{
    const uint16_t *allowed = c->model->control_units;
    uint16_t type = allowed[0];
    if (name) {
        char *end;
        unsigned long wanted = strtoul(name, &end, 16);
        if (*end || !wanted || (wanted != allowed[0] && wanted != allowed[1])) {
            if (allowed[1])
                return dasd_init_error(err, errlen, "cu=%s: a %04X attaches to a %04X or a %04X", name,
                                       c->model->type, allowed[0], allowed[1]);
            return dasd_init_error(err, errlen, "cu=%s: a %04X attaches to a %04X", name, c->model->type, allowed[0]);
        }
        type = (uint16_t)wanted;
    }
    c->cu = control_unit_of(type);
    return true;
}

static void free_ckd(struct ckd *c)
{
    if (c->image)
        ckd_close(c->image, NULL, 0);
    pthread_mutex_destroy(&c->lock);
    free(c->track);
    free(c->path);
    free(c);
}

/* Open the image and check it against the statement: the image's geometry is the model; a
   statement type of another device type is an error. */
static bool open_volume(struct device *d, struct ckd *c, const char *path, const struct ckd_options *o, char *err,
                        size_t errlen)
{
    struct ckd_open_options open = {.read_only = o->read_only && !o->shadow, .shadow = o->shadow};
    c->image = ckd_open(path, &open, err, errlen);
    if (!c->image)
        return false;
    ckd_info(c->image, &c->info);
    const struct ckd_geometry *named = ckd_geometry_find(d->type_name);
    if (!named || named->type != c->info.geometry->type)
        return dasd_init_error(err, errlen, "%s is a %s volume, not a %s", path, c->info.geometry->name,
                               d->type_name);
    c->model = model_of(c->info.geometry->type);
    if (!c->model)
        return dasd_init_error(err, errlen, "%s: %s volumes are not supported", path, c->info.geometry->name);
    return true;
}

/* Arguments: FILE [sf=SHADOW] [ro|rdonly|readonly] [fakewrite|fw] [cu=TYPE] [ser=NNNNNNNNNNNN]. */
static bool ckd_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    if (argc < 1)
        return dasd_init_error(err, errlen, "%s", "a CKD image file is needed");
    struct ckd_options o = {0};
    for (int i = 1; i < argc; i++)
        if (!parse_option(argv[i], &o, err, errlen))
            return false;
    if (o.fake_write && !o.read_only)
        return dasd_init_error(err, errlen, "%s", "fakewrite needs ro");
    struct ckd *c = xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->loaded = -1;
    if (!open_volume(d, c, argv[0], &o, err, errlen) || !choose_control_unit(c, o.control_unit, err, errlen)) {
        free_ckd(c);
        return false;
    }
    c->path = xstrdup(argv[0]);
    c->track = xcalloc(1, c->info.track_size);
    c->read_only = (o.read_only && !o.shadow) || c->info.read_only; /* ro with sf= protects the base only */
    c->fake_write = o.fake_write && c->read_only;
    d->state = c;
    d->model_type = c->model->type;
    d->sense_length = c->cu->sense_length;
    memset(d->sense, 0, sizeof d->sense);
    return true;
}

/* An I/O reset: the sense bytes and the channel program state go; the position stays. */
static void ckd_reset(struct device *d)
{
    struct ckd *c = d->state;
    pthread_mutex_lock(&c->lock);
    memset(d->sense, 0, sizeof d->sense);
    c->sense_pending = false;
    start_program(c);
    pthread_mutex_unlock(&c->lock);
}

/* Close: every change is in the image already; flush it to stable storage. */
static void ckd_close_device(struct device *d)
{
    struct ckd *c = d->state;
    char err[256];
    if (!ckd_flush(c->image))
        device_message(d, "%s: %s", c->path, ckd_error(c->image));
    if (!ckd_close(c->image, err, sizeof err))
        device_message(d, "%s: %s", c->path, err);
    c->image = NULL;
    free_ckd(c);
    d->state = NULL;
}

/* "FILE 3330 cu 3830, 411 cyls, ro fw, cylinder 5 head 3". */
static void ckd_describe(struct device *d, char *buf, size_t len)
{
    struct ckd *c = d->state;
    pthread_mutex_lock(&c->lock);
    snprintf(buf, len, "%s %s cu %04X, %u cyls%s%s%s, cylinder %u head %u", c->path, c->info.geometry->name,
             c->cu->type, c->info.cylinders, c->info.compressed ? ", compressed" : "", c->read_only ? ", ro" : "",
             c->fake_write ? " fw" : "", c->cylinder, c->head);
    pthread_mutex_unlock(&c->lock);
}

static const char *const ckd_aliases[] = {"2311", "2314", "3330-11", "3340", "3350", "3375", "3380", NULL};

const struct device_type device_ckd = {
    .name = "3330",
    .aliases = ckd_aliases,
    .device_class = "DASD",
    .init = ckd_init,
    .execute = ckd_execute,
    .reset = ckd_reset,
    .close = ckd_close_device,
    .describe = ckd_describe,
};
