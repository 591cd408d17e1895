/*
 * fba.c - the fixed-block disks (one handler, device_fba: 3370, 3310) over a Hercules FBA image of
 * 512-byte blocks (devices/images/fba_image.h): Define Extent, Locate, Read, Write and the other
 * commands of the 3880 (3370) and 4331 (3310) attachments, with their status and sense bytes.  The
 * image library owns the file; the channel owns the CSW.
 *
 * A channel program first defines an extent (Define Extent, or Read IPL for the whole device): where
 * the data set starts on the device, the block numbers of its first and last block, and a file mask
 * saying which writes are allowed.  Each Locate then names an operation and a run of blocks inside
 * the extent; the Read or Write chained right after it transfers them.  Blocks outside the extent or
 * writes the mask (or a read-only image) forbids end with File Protected; malformed parameters and
 * commands out of sequence with Command Reject (IBM 3880 Storage Control Reference, "3370"; Hercules'
 * fbadasd.c is the peer).  Every write goes to the image before its status is presented.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/dasd/dasd.h"
#include "devices/device.h"
#include "devices/images/fba_image.h"

enum {
    FBA_SENSE_LENGTH = 24,
    SENSE1_FILE_PROTECTED = 0x04, /* 3370 sense byte 1 */
    /* Define Extent file mask */
    MASK_WRITES = 0xC0,
    MASK_INHIBIT_FORMAT = 0x00, /* all writes but formatting */
    MASK_INHIBIT_WRITES = 0x40,
    MASK_WRITES_RESERVED = 0x80,
    MASK_ALLOW_ALL = 0xC0,
    MASK_RESERVED = 0x3B,       /* bits 2-4, 6-7 (bit 4, the CE area, is not offered here) */
    /* Locate operation byte */
    LOCATE_RESERVED = 0xE0,
    LOCATE_CODE = 0x0F,
    LOCATE_WRITE = 0x01,
    LOCATE_READ_REPLICATED = 0x02,
    LOCATE_FORMAT_DEFECTIVE = 0x04,
    LOCATE_WRITE_VERIFY = 0x05,
    LOCATE_READ = 0x06,
};

/* Per model: the control unit SENSE ID gives and the unit type code of Read Device Characteristics. */
struct fba_model {
    uint16_t type;
    uint16_t cu_type;
    uint8_t unit_type;
};

static const struct fba_model fba_models[] = {
    {0x3310, 0x4331, 0x01},
    {0x3370, 0x3880, 0x02},
};

struct fba {
    pthread_mutex_t lock;
    struct fba_image *image;
    const struct fba_geometry *geometry;
    const struct fba_model *model;
    char *path;
    uint32_t blocks;
    bool read_only;
    /* the channel program in progress */
    bool extent_defined;
    uint8_t mask;
    uint32_t extent_origin, extent_first, extent_last; /* origin on the device; first, last in the data set */
    bool located;
    uint8_t operation;
    uint32_t locate_blocks, locate_block; /* blocks to transfer, the first one's number on the device */
    bool sense_pending;
};

static const uint8_t CE_DE = UNIT_CHANNEL_END | UNIT_DEVICE_END;

/* ---- status and sense -------------------------------------------------------------------------- */

static void unit_check(struct device *d, struct fba *f, struct io_request *r, uint8_t byte0, uint8_t byte1)
{
    uint8_t sense[FBA_SENSE_LENGTH] = {byte0, byte1};
    device_set_sense(d, sense, FBA_SENSE_LENGTH);
    f->sense_pending = true;
    r->residual = r->count;
    r->longer = false;
    r->status = CE_DE | UNIT_CHECK;
}

static void reject(struct device *d, struct fba *f, struct io_request *r)
{
    unit_check(d, f, r, SENSE_COMMAND_REJECT, 0);
}

static void file_protected(struct device *d, struct fba *f, struct io_request *r)
{
    unit_check(d, f, r, 0, SENSE1_FILE_PROTECTED);
}

static void image_failed(struct device *d, struct fba *f, struct io_request *r)
{
    device_message(d, "%s: %s", f->path, fba_error(f->image));
    unit_check(d, f, r, SENSE_EQUIPMENT_CHECK, 0);
}

/* ---- extent and locate ------------------------------------------------------------------------- */

/* Define Extent: 16 bytes - file mask, 3 reserved, the extent's first block on the device, the
   first and last block numbers of the data set it holds.  Once per channel program. */
static void define_extent(struct device *d, struct fba *f, struct io_request *r)
{
    if (r->count < 16 || f->extent_defined) {
        reject(d, f, r);
        return;
    }
    const uint8_t *p = r->data;
    uint8_t mask = p[0];
    uint32_t origin = dasd_be32(p + 4), first = dasd_be32(p + 8), last = dasd_be32(p + 12);
    bool valid_mask = !(mask & MASK_RESERVED) && (mask & MASK_WRITES) != MASK_WRITES_RESERVED;
    if (!valid_mask || last < first || origin >= f->blocks || last - first >= f->blocks - origin) {
        reject(d, f, r);
        return;
    }
    f->mask = mask;
    f->extent_origin = origin;
    f->extent_first = first;
    f->extent_last = last;
    f->extent_defined = true;
    r->residual = r->count - 16;
    r->status = CE_DE;
}

/* Whether the file mask allows a Locate operation: writes unless inhibited, formatting only when
   all writes are allowed. */
static bool mask_allows(const struct fba *f, uint8_t code)
{
    uint8_t writes = f->mask & MASK_WRITES;
    if (code == LOCATE_WRITE || code == LOCATE_WRITE_VERIFY)
        return writes != MASK_INHIBIT_WRITES;
    if (code == LOCATE_FORMAT_DEFECTIVE)
        return writes == MASK_ALLOW_ALL;
    return true;
}

static bool valid_operation(uint8_t operation)
{
    uint8_t code = operation & LOCATE_CODE;
    return !(operation & LOCATE_RESERVED) &&
           (code == LOCATE_WRITE || code == LOCATE_WRITE_VERIFY || code == LOCATE_READ ||
            code == LOCATE_READ_REPLICATED || code == LOCATE_FORMAT_DEFECTIVE);
}

/* Locate: 8 bytes - operation, replication count, block count, the first block's number in the
   data set.  After an extent is defined; the blocks must lie in it. */
static void locate(struct device *d, struct fba *f, struct io_request *r)
{
    const uint8_t *p = r->data;
    if (r->count < 8 || !f->extent_defined || !valid_operation(p[0]) || (p[2] | p[3]) == 0) {
        reject(d, f, r);
        return;
    }
    uint32_t count = (uint32_t)(p[2] << 8 | p[3]), block = dasd_be32(p + 4);
    uint8_t code = p[0] & LOCATE_CODE;
    if (code == LOCATE_READ_REPLICATED && (p[1] == 0 || p[1] % count)) {
        reject(d, f, r);
        return;
    }
    bool inside = block >= f->extent_first && block <= f->extent_last && count - 1 <= f->extent_last - block;
    bool writing = code != LOCATE_READ && code != LOCATE_READ_REPLICATED;
    if (!inside || !mask_allows(f, code) || (writing && f->read_only)) {
        file_protected(d, f, r);
        return;
    }
    f->located = true;
    f->operation = code;
    f->locate_blocks = count;
    f->locate_block = f->extent_origin + (block - f->extent_first);
    r->residual = r->count - 8;
    r->status = CE_DE;
}

/* ---- data transfer ----------------------------------------------------------------------------- */

/* The Read or Write must come right after a Locate of the same kind. */
static bool located_for(struct fba *f, const struct io_request *r, bool write)
{
    if (!r->chained || r->previous != 0x43 || !f->located)
        return false;
    bool locate_writes = f->operation == LOCATE_WRITE || f->operation == LOCATE_WRITE_VERIFY;
    bool locate_reads = f->operation == LOCATE_READ || f->operation == LOCATE_READ_REPLICATED;
    return write ? locate_writes : locate_reads;
}

/* Read: the located blocks (read replicated too: the image keeps one copy of each); a CCW count
   shorter than they are is incorrect length. */
static void read_blocks(struct device *d, struct fba *f, struct io_request *r)
{
    if (!located_for(f, r, false)) {
        reject(d, f, r);
        return;
    }
    uint32_t length = f->locate_blocks * FBA_BLOCK_SIZE;
    uint8_t *buf = xmalloc(length);
    bool ok = fba_read_blocks(f->image, f->locate_block, f->locate_blocks, buf);
    if (ok) {
        struct dasd_input in = {r, 0};
        dasd_input_put(&in, buf, length);
        dasd_input_end(&in);
        r->status = CE_DE;
    } else {
        image_failed(d, f, r);
    }
    free(buf);
    f->located = false;
}

/* Write: the located blocks from the channel's bytes; a short CCW count pads the last block with
   zeros (incorrect length). */
static void write_blocks(struct device *d, struct fba *f, struct io_request *r)
{
    if (!located_for(f, r, true)) {
        reject(d, f, r);
        return;
    }
    uint32_t length = f->locate_blocks * FBA_BLOCK_SIZE;
    uint8_t *buf = xmalloc(length);
    dasd_output_take(r, 0, buf, length);
    if (fba_write_blocks(f->image, f->locate_block, f->locate_blocks, buf)) {
        dasd_transfer_end(r, length);
        r->status = CE_DE;
    } else {
        image_failed(d, f, r);
    }
    free(buf);
    f->located = false;
}

/* Read IPL: the extent becomes the whole device (file mask zero) and block 0 is read.  It must start
   the channel program or follow another Read IPL. */
static void read_ipl(struct device *d, struct fba *f, struct io_request *r)
{
    if (r->chained && r->previous != 0x02) {
        reject(d, f, r);
        return;
    }
    f->mask = 0;
    f->extent_origin = f->extent_first = 0;
    f->extent_last = f->blocks - 1;
    f->extent_defined = true;
    uint8_t block[FBA_BLOCK_SIZE];
    if (!fba_read_blocks(f->image, 0, 1, block)) {
        image_failed(d, f, r);
        return;
    }
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, block, FBA_BLOCK_SIZE);
    dasd_input_end(&in);
    r->status = CE_DE;
}

/* ---- control, sense and identification ------------------------------------------------------- */

static void no_operation(struct device *d, struct fba *f, struct io_request *r)
{
    (void)d, (void)f;
    r->residual = r->count;
    r->status = CE_DE;
}

static void sense(struct device *d, struct fba *f, struct io_request *r)
{
    if (!f->sense_pending)
        memset(d->sense, 0, sizeof d->sense);
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, d->sense, FBA_SENSE_LENGTH);
    dasd_input_end(&in);
    f->sense_pending = false;
    r->status = CE_DE;
}

/* Reserve and Release present the sense bytes (one channel: nothing to reserve against); not
   after Define Extent. */
static void reserve_or_release(struct device *d, struct fba *f, struct io_request *r)
{
    if (f->extent_defined)
        reject(d, f, r);
    else
        sense(d, f, r);
}

static void sense_id(struct device *d, struct fba *f, struct io_request *r)
{
    (void)d;
    dasd_sense_id(r, f->model->cu_type, 0x01, f->model->type, f->geometry->model);
}

/* Read Device Characteristics: 32 bytes - operation modes, features, device class (FBA), unit type,
   block size, blocks per cyclical group and per access position, blocks under movable heads. */
static void read_device_characteristics(struct device *d, struct fba *f, struct io_request *r)
{
    (void)d;
    uint8_t rdc[32] = {0x30, 0x08, 0x21, f->model->unit_type};
    dasd_put_be16(rdc + 4, FBA_BLOCK_SIZE);
    dasd_put_be32(rdc + 6, f->geometry->blocks_per_cyclic_group);
    dasd_put_be32(rdc + 10, f->geometry->blocks_per_access_position);
    dasd_put_be32(rdc + 14, f->blocks);
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, rdc, sizeof rdc);
    dasd_input_end(&in);
    r->status = CE_DE;
}

/* ---- the command table ------------------------------------------------------------------------- */

struct fba_command {
    uint8_t code;
    void (*run)(struct device *d, struct fba *f, struct io_request *r);
};

static const struct fba_command fba_commands[] = {
    {0x02, read_ipl},    {0x03, no_operation},       {0x04, sense},
    {0x41, write_blocks}, {0x42, read_blocks},       {0x43, locate},
    {0x63, define_extent}, {0x64, read_device_characteristics},
    {0x94, reserve_or_release}, {0xB4, reserve_or_release}, {0xE4, sense_id},
};

static void fba_execute(struct device *d, struct io_request *r)
{
    struct fba *f = d->state;
    pthread_mutex_lock(&f->lock);
    if (!r->chained)
        f->extent_defined = f->located = false;
    const struct fba_command *cmd = NULL;
    for (size_t i = 0; i < sizeof fba_commands / sizeof fba_commands[0]; i++)
        if (fba_commands[i].code == r->command)
            cmd = &fba_commands[i];
    if (!cmd) {
        reject(d, f, r);
    } else {
        if (cmd->code != 0x04 && cmd->code != 0x94 && cmd->code != 0xB4)
            f->sense_pending = false;
        cmd->run(d, f, r);
    }
    pthread_mutex_unlock(&f->lock);
}

/* ---- device statement, reset, close ------------------------------------------------------------ */

static void free_fba(struct fba *f)
{
    if (f->image)
        fba_close(f->image, NULL, 0);
    pthread_mutex_destroy(&f->lock);
    free(f->path);
    free(f);
}

static const struct fba_model *model_of(uint16_t type)
{
    for (size_t i = 0; i < sizeof fba_models / sizeof fba_models[0]; i++)
        if (fba_models[i].type == type)
            return &fba_models[i];
    return NULL;
}

/* Arguments: FILE [ro|rdonly|readonly]. */
static bool fba_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    if (argc < 1)
        return dasd_init_error(err, errlen, "%s", "an FBA image file is needed");
    bool read_only = false;
    for (int i = 1; i < argc; i++) {
        if (!dasd_word_is(argv[i], dasd_read_only_words))
            return dasd_init_error(err, errlen, "unknown option '%s'", argv[i]);
        read_only = true;
    }
    const struct fba_geometry *g = fba_geometry_find(d->type_name);
    if (!g || !model_of(g->type))
        return dasd_init_error(err, errlen, "%s is not an FBA device type", d->type_name);
    struct fba *f = xcalloc(1, sizeof *f);
    pthread_mutex_init(&f->lock, NULL);
    f->image = fba_open(argv[0], read_only, err, errlen);
    if (!f->image) {
        free_fba(f);
        return false;
    }
    f->geometry = g;
    f->model = model_of(g->type);
    f->path = xstrdup(argv[0]);
    f->blocks = fba_blocks(f->image);
    f->read_only = read_only || fba_read_only(f->image);
    d->state = f;
    d->model_type = g->type;
    d->sense_length = FBA_SENSE_LENGTH;
    memset(d->sense, 0, sizeof d->sense);
    return true;
}

static void fba_reset(struct device *d)
{
    struct fba *f = d->state;
    pthread_mutex_lock(&f->lock);
    memset(d->sense, 0, sizeof d->sense);
    f->sense_pending = f->extent_defined = f->located = false;
    pthread_mutex_unlock(&f->lock);
}

static void fba_close_device(struct device *d)
{
    struct fba *f = d->state;
    char err[256];
    if (!fba_close(f->image, err, sizeof err))
        device_message(d, "%s: %s", f->path, err);
    f->image = NULL;
    free_fba(f);
    d->state = NULL;
}

static void fba_describe(struct device *d, char *buf, size_t len)
{
    struct fba *f = d->state;
    pthread_mutex_lock(&f->lock);
    snprintf(buf, len, "%s %s, %u blocks%s", f->path, f->geometry->name, f->blocks, f->read_only ? ", ro" : "");
    pthread_mutex_unlock(&f->lock);
}

static const char *const fba_aliases[] = {"3310", NULL};

const struct device_type device_fba = {
    .name = "3370",
    .aliases = fba_aliases,
    .device_class = "DASD",
    .init = fba_init,
    .execute = fba_execute,
    .reset = fba_reset,
    .close = fba_close_device,
    .describe = fba_describe,
};
