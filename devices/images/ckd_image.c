/*
 * ckd_image.c - CKD volumes in Hercules image files (see ckd_image.h; layouts in FORMATS.md 3.1-3.2).
 *
 * Uncompressed images (CKD_P370) keep every track at a fixed place, 512 + n * track_size in the file
 * that holds its cylinder: a write rewrites that slot and nothing else.
 *
 * Compressed images (CCKD) find a track through two tables: L1[track / 256] is the file offset of an
 * L2 table, whose entry [track % 256] gives offset, length and allocated size of the stored image.
 * Shadow files stack on the base; an L1 or L2 entry of 0xFFFFFFFF in a shadow means "look lower".
 * Only the highest file is written, and it is written so that a crash (kill -9) at any moment leaves
 * every track readable with its old or new image:
 *   1. the new image goes to space that no table refers to (a free block, or the end of the file);
 *   2. only then is the 8-byte L2 entry switched to it (a new L2 table is written whole before its L1
 *      entry points at it);
 *   3. the old image's space becomes "pending" and is reused only after the next flush has made the
 *      switch durable (fsync), so even a power loss cannot expose a half-overwritten old image.
 * While open, the header carries the "open" bits; the free space list on disk is not maintained
 * then.  Every read/write open rebuilds the free space from the L1/L2 tables, so a crashed image is
 * recovered by simply opening it; a clean close writes the free space list (FREE_BLK format), the
 * statistics, and clears the bits.
 */
#define _GNU_SOURCE
#include "devices/images/ckd_image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "common/ebcdic.h"
#include "common/util.h"

enum { MAX_SHADOWS = 8, MAX_PLAIN_FILES = 35, MAX_TRACK_SIZE = 128 * 1024, SMALLEST_COMPRESSED = 512 };
enum { MAX_CYLINDERS = 65536 };

static const uint8_t end_of_track[CKD_END_SIZE] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
static const char free_block_tag[8] = "FREE_BLK";

struct extent {
    uint64_t offset, length;
};
struct extent_list {
    struct extent *items;
    size_t count, cap;
};

struct plain_file {
    char *path;
    int fd;
    uint32_t first_cylinder, cylinders;
    bool written;
};

struct cckd_file {
    char *path;
    int fd;
    bool writable, wide, big_endian;
    uint8_t devhdr_raw[CKD_DEVHDR_SIZE], header_raw[CCKD_HEADER_SIZE];
    struct cckd_header header;
    uint64_t *l1;
    struct cckd_l2_entry **l2; /* tables read or made so far, by L1 index */
    uint64_t end;              /* end of allocated space (grows as images are appended) */
    struct extent_list free, pending;
    bool dirty;
};

struct ckd_image {
    bool compressed, read_only;
    const struct ckd_geometry *geometry;
    uint32_t cylinders, heads, tracks, track_size;
    struct plain_file *plain;
    unsigned plain_count;
    struct cckd_file *cckd; /* [0] the base, then the shadows; the last one is written */
    unsigned cckd_count;
    uint8_t *stage;         /* a stored (compressed) image or a padded track */
    size_t stage_size;
    char error[512];
};

/* ---- small helpers ---- */

__attribute__((format(printf, 2, 3))) static bool fail(struct ckd_image *img, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(img->error, sizeof img->error, fmt, ap);
    va_end(ap);
    return false;
}

static uint16_t get16(const uint8_t *p, bool big)
{
    return big ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static uint32_t get32(const uint8_t *p, bool big)
{
    return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
               : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint64_t get64(const uint8_t *p, bool big)
{
    uint64_t hi = get32(p + (big ? 0 : 4), big), lo = get32(p + (big ? 4 : 0), big);
    return hi << 32 | lo;
}

static void put16(uint8_t *p, uint16_t v, bool big)
{
    p[big ? 0 : 1] = (uint8_t)(v >> 8);
    p[big ? 1 : 0] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v, bool big)
{
    for (int i = 0; i < 4; i++)
        p[big ? 3 - i : i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v, bool big)
{
    put32(p + (big ? 0 : 4), (uint32_t)(v >> 32), big);
    put32(p + (big ? 4 : 0), (uint32_t)v, big);
}

/* Whole-buffer pread/pwrite; a short read sets errno 0 ("file too short"). */
static bool read_at(int fd, void *buf, size_t n, uint64_t offset)
{
    uint8_t *p = buf;
    while (n) {
        ssize_t got = pread(fd, p, n, (off_t)offset);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (got == 0)
                errno = 0;
            return false;
        }
        p += got, n -= (size_t)got, offset += (uint64_t)got;
    }
    return true;
}

static bool write_at(int fd, const void *buf, size_t n, uint64_t offset)
{
    const uint8_t *p = buf;
    while (n) {
        ssize_t put = pwrite(fd, p, n, (off_t)offset);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        p += put, n -= (size_t)put, offset += (uint64_t)put;
    }
    return true;
}

static const char *io_error(void)
{
    return errno ? strerror(errno) : "file too short";
}

static uint64_t file_size(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* Read/write opens take an exclusive lock so that two programs never write one image. */
static int open_image_file(const char *path, bool writable)
{
    int fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd >= 0 && writable && flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        errno = EBUSY;
        return -1;
    }
    return fd;
}

/* ---- track images ---- */

uint32_t ckd_track_length(const uint8_t *buf, uint32_t max)
{
    uint32_t pos = CKD_HA_SIZE;
    while (pos + CKD_COUNT_SIZE <= max) {
        const uint8_t *count = buf + pos;
        if (memcmp(count, end_of_track, CKD_END_SIZE) == 0)
            return pos + CKD_END_SIZE;
        pos += CKD_COUNT_SIZE + count[5] + (uint32_t)(count[6] << 8 | count[7]);
    }
    return 0;
}

bool ckd_track_valid(const uint8_t *buf, uint32_t length, uint32_t cylinder, uint32_t head)
{
    return length >= CKD_HA_SIZE + CKD_END_SIZE && buf[0] == 0 && (uint32_t)(buf[1] << 8 | buf[2]) == cylinder &&
           (uint32_t)(buf[3] << 8 | buf[4]) == head && ckd_track_length(buf, length) == length;
}

bool ckd_next_record(const uint8_t *track, uint32_t length, uint32_t *position, struct ckd_record *record)
{
    uint32_t at = *position ? *position : CKD_HA_SIZE;
    if (at + CKD_COUNT_SIZE > length || memcmp(track + at, end_of_track, CKD_END_SIZE) == 0)
        return false;
    const uint8_t *c = track + at;
    *record = (struct ckd_record){(uint16_t)(c[0] << 8 | c[1]), (uint16_t)(c[2] << 8 | c[3]), c[4], c[5],
                                  (uint16_t)(c[6] << 8 | c[7]), c, c + CKD_COUNT_SIZE, c + CKD_COUNT_SIZE + c[5]};
    uint32_t next = at + CKD_COUNT_SIZE + record->key_length + record->data_length;
    if (next > length)
        return false;
    *position = next;
    return true;
}

bool ckd_volser_valid(const char *volser)
{
    size_t n = strlen(volser);
    for (size_t i = 0; i < n; i++)
        if (volser[i] <= ' ' || volser[i] > '~')
            return false;
    return n >= 1 && n <= 6;
}

static uint8_t *put_count(uint8_t *p, uint32_t cylinder, uint32_t head, uint8_t record, uint8_t key_length,
                          uint16_t data_length)
{
    p[0] = (uint8_t)(cylinder >> 8), p[1] = (uint8_t)cylinder;
    p[2] = (uint8_t)(head >> 8), p[3] = (uint8_t)head;
    p[4] = record, p[5] = key_length;
    p[6] = (uint8_t)(data_length >> 8), p[7] = (uint8_t)data_length;
    return p + CKD_COUNT_SIZE;
}

/* Home address and standard R0 (KL 0, DL 8, zero data); returns where R1 goes. */
static uint8_t *put_home_and_r0(uint8_t *buf, uint32_t cylinder, uint32_t head)
{
    buf[0] = 0;
    buf[1] = (uint8_t)(cylinder >> 8), buf[2] = (uint8_t)cylinder;
    buf[3] = (uint8_t)(head >> 8), buf[4] = (uint8_t)head;
    uint8_t *p = put_count(buf + CKD_HA_SIZE, cylinder, head, 0, 0, CKD_R0_DATA_SIZE);
    memset(p, 0, CKD_R0_DATA_SIZE);
    return p + CKD_R0_DATA_SIZE;
}

enum { NULL_FORMAT2_RECORDS = 12, NULL_FORMAT2_LENGTH = 4096 };

uint32_t ckd_null_track(uint8_t *buf, uint32_t cylinder, uint32_t head, int format)
{
    uint8_t *p = put_home_and_r0(buf, cylinder, head);
    if (format == 0)
        p = put_count(p, cylinder, head, 1, 0, 0);
    for (int r = 1; format == 2 && r <= NULL_FORMAT2_RECORDS; r++) {
        p = put_count(p, cylinder, head, (uint8_t)r, 0, NULL_FORMAT2_LENGTH);
        memset(p, 0, NULL_FORMAT2_LENGTH);
        p += NULL_FORMAT2_LENGTH;
    }
    memcpy(p, end_of_track, CKD_END_SIZE);
    return (uint32_t)(p + CKD_END_SIZE - buf);
}

static uint32_t null_track_length(int format)
{
    static const uint32_t lengths[] = {37, 29, 29 + NULL_FORMAT2_RECORDS * (CKD_COUNT_SIZE + NULL_FORMAT2_LENGTH)};
    return lengths[format];
}

/* A keyed record with EBCDIC key text. */
static uint8_t *put_keyed_record(uint8_t *p, uint8_t record, const char *key, const uint8_t *data, uint16_t length)
{
    p = put_count(p, 0, 0, record, 4, length);
    ebcdic_from_ascii(p, key, 4);
    memcpy(p + 4, data, length);
    return p + 4 + length;
}

/*
 * Track 0 as dasdinit writes it: IPL1 (a wait PSW X'000600000000000F' and a NOP CCW), IPL2 (144
 * zero bytes), and the VOL1 label: volser, VTOC pointer CCHHR 0000 0001 01, owner "HERCULES".
 */
static uint32_t volume_track0(uint8_t *buf, const char *volser)
{
    static const uint8_t ipl1[24] = {0x00, 0x06, 0, 0, 0, 0, 0, 0x0F, 0x03, 0, 0, 0, 0, 0, 0, 0x01};
    static const uint8_t ipl2[144];
    static const uint8_t vtoc_cchhr[5] = {0, 0, 0, 1, 1};
    uint8_t vol1[80];
    char text[81];
    snprintf(text, sizeof text, "VOL1%-6.6s%-31s%-8s%31s", volser, "", "HERCULES", "");
    ebcdic_from_ascii(vol1, text, 80);
    memcpy(vol1 + 11, vtoc_cchhr, sizeof vtoc_cchhr);
    uint8_t *p = put_home_and_r0(buf, 0, 0);
    p = put_keyed_record(p, 1, "IPL1", ipl1, sizeof ipl1);
    p = put_keyed_record(p, 2, "IPL2", ipl2, sizeof ipl2);
    p = put_keyed_record(p, 3, "VOL1", vol1, sizeof vol1);
    memcpy(p, end_of_track, CKD_END_SIZE);
    return (uint32_t)(p + CKD_END_SIZE - buf);
}

/* ---- header codecs ---- */

static const struct {
    const char *id;
    enum ckd_file_kind kind;
    bool wide;
} devhdr_ids[] = {
    {"CKD_P370", CKD_KIND_PLAIN, false},      {"CKD_C370", CKD_KIND_COMPRESSED, false},
    {"CKD_S370", CKD_KIND_SHADOW, false},     {"CKD_P064", CKD_KIND_PLAIN, true},
    {"CKD_C064", CKD_KIND_COMPRESSED, true}, {"CKD_S064", CKD_KIND_SHADOW, true},
};

bool ckd_devhdr_decode(const uint8_t raw[CKD_DEVHDR_SIZE], struct ckd_devhdr *h)
{
    memset(h, 0, sizeof *h);
    for (size_t i = 0; i < sizeof devhdr_ids / sizeof devhdr_ids[0]; i++)
        if (memcmp(raw, devhdr_ids[i].id, 8) == 0)
            h->kind = devhdr_ids[i].kind, h->wide = devhdr_ids[i].wide;
    h->heads = get32(raw + 8, false);
    h->track_size = get32(raw + 12, false);
    h->type_byte = raw[16];
    h->file_sequence = raw[17];
    h->high_cylinder = get16(raw + 18, false);
    return h->kind != CKD_KIND_UNKNOWN;
}

void ckd_devhdr_encode(const struct ckd_devhdr *h, uint8_t raw[CKD_DEVHDR_SIZE])
{
    memset(raw, 0, CKD_DEVHDR_SIZE);
    for (size_t i = 0; i < sizeof devhdr_ids / sizeof devhdr_ids[0]; i++)
        if (devhdr_ids[i].kind == h->kind && devhdr_ids[i].wide == h->wide)
            memcpy(raw, devhdr_ids[i].id, 8);
    put32(raw + 8, h->heads, false);
    put32(raw + 12, h->track_size, false);
    raw[16] = h->type_byte;
    raw[17] = h->file_sequence;
    put16(raw + 18, h->high_cylinder, false);
}

/* Field offsets of the two header layouts (FORMATS.md 3.2): 32-bit, then CCKD64. */
static const struct header_layout {
    unsigned cylinders, size, used, free_offset, free_total, free_largest, free_count, free_imbedded, null_format;
    unsigned width; /* of the size..free_imbedded fields */
} layouts[2] = {
    {40, 12, 16, 20, 24, 28, 32, 36, 44, 4},
    {12, 16, 24, 32, 40, 48, 56, 64, 72, 8},
};

static uint64_t get_sized(const uint8_t *p, unsigned width, bool big)
{
    return width == 8 ? get64(p, big) : get32(p, big);
}

static void put_sized(uint8_t *p, uint64_t v, unsigned width, bool big)
{
    if (width == 8)
        put64(p, v, big);
    else
        put32(p, (uint32_t)v, big);
}

void cckd_header_decode(const uint8_t raw[CCKD_HEADER_SIZE], bool wide, struct cckd_header *h)
{
    const struct header_layout *l = &layouts[wide];
    bool big = raw[3] & CCKD_OPT_BIGENDIAN;
    memcpy(h->version, raw, 3);
    h->options = raw[3];
    h->l1_entries = get32(raw + 4, big);
    h->l2_entries = get32(raw + 8, big);
    /* The cylinder count is little-endian whatever the byte order of the rest. */
    h->cylinders = get32(raw + l->cylinders, false);
    h->size = get_sized(raw + l->size, l->width, big);
    h->used = get_sized(raw + l->used, l->width, big);
    h->free_offset = get_sized(raw + l->free_offset, l->width, big);
    h->free_total = get_sized(raw + l->free_total, l->width, big);
    h->free_largest = get_sized(raw + l->free_largest, l->width, big);
    h->free_count = get_sized(raw + l->free_count, l->width, big);
    h->free_imbedded = get_sized(raw + l->free_imbedded, l->width, big);
    h->null_format = raw[l->null_format];
    h->compression = raw[l->null_format + 1];
    h->compression_parameter = (int16_t)get16(raw + l->null_format + 2, big);
}

void cckd_header_encode(const struct cckd_header *h, bool wide, uint8_t raw[CCKD_HEADER_SIZE])
{
    const struct header_layout *l = &layouts[wide];
    bool big = h->options & CCKD_OPT_BIGENDIAN;
    memcpy(raw, h->version, 3);
    raw[3] = h->options;
    put32(raw + 4, h->l1_entries, big);
    put32(raw + 8, h->l2_entries, big);
    put32(raw + l->cylinders, h->cylinders, false);
    put_sized(raw + l->size, h->size, l->width, big);
    put_sized(raw + l->used, h->used, l->width, big);
    put_sized(raw + l->free_offset, h->free_offset, l->width, big);
    put_sized(raw + l->free_total, h->free_total, l->width, big);
    put_sized(raw + l->free_largest, h->free_largest, l->width, big);
    put_sized(raw + l->free_count, h->free_count, l->width, big);
    put_sized(raw + l->free_imbedded, h->free_imbedded, l->width, big);
    raw[l->null_format] = h->null_format;
    raw[l->null_format + 1] = h->compression;
    put16(raw + l->null_format + 2, (uint16_t)h->compression_parameter, big);
}

size_t cckd_l1_entry_size(bool wide)
{
    return wide ? 8 : 4;
}

size_t cckd_l2_entry_size(bool wide)
{
    return wide ? 16 : 8;
}

uint64_t cckd_l1_decode(const uint8_t *raw, bool wide, bool big_endian)
{
    if (wide)
        return get64(raw, big_endian);
    uint32_t v = get32(raw, big_endian);
    return v == UINT32_MAX ? CCKD_NOT_HERE : v;
}

void cckd_l1_encode(uint64_t offset, bool wide, bool big_endian, uint8_t *raw)
{
    if (wide)
        put64(raw, offset, big_endian);
    else
        put32(raw, offset == CCKD_NOT_HERE ? UINT32_MAX : (uint32_t)offset, big_endian);
}

void cckd_l2_decode(const uint8_t *raw, bool wide, bool big_endian, struct cckd_l2_entry *e)
{
    e->offset = cckd_l1_decode(raw, wide, big_endian);
    unsigned at = wide ? 8 : 4;
    e->length = get16(raw + at, big_endian);
    e->size = get16(raw + at + 2, big_endian);
}

void cckd_l2_encode(const struct cckd_l2_entry *e, bool wide, bool big_endian, uint8_t *raw)
{
    memset(raw, 0, cckd_l2_entry_size(wide));
    cckd_l1_encode(e->offset, wide, big_endian, raw);
    unsigned at = wide ? 8 : 4;
    put16(raw + at, e->length, big_endian);
    put16(raw + at + 2, e->size, big_endian);
}

/* ---- stored track images ---- */

uint32_t cckd_expand(const uint8_t *stored, uint32_t stored_length, uint8_t *out, uint32_t cap, char *err,
                     size_t errlen)
{
    if (stored_length < CKD_HA_SIZE || cap < CKD_HA_SIZE) {
        snprintf(err, errlen, "stored image of %u bytes is too short", stored_length);
        return 0;
    }
    uint8_t code = stored[0] & CCKD_COMPRESS_MASK;
    memcpy(out, stored, CKD_HA_SIZE);
    out[0] = 0;
    uLongf length = cap - CKD_HA_SIZE;
    const uint8_t *body = stored + CKD_HA_SIZE;
    uint32_t body_length = stored_length - CKD_HA_SIZE;
    switch (code) {
    case CCKD_COMPRESS_NONE:
        if (body_length > length) {
            snprintf(err, errlen, "stored image of %u bytes exceeds the track size", stored_length);
            return 0;
        }
        memcpy(out + CKD_HA_SIZE, body, body_length);
        return stored_length;
    case CCKD_COMPRESS_ZLIB: {
        int rc = uncompress(out + CKD_HA_SIZE, &length, body, body_length);
        if (rc != Z_OK) {
            snprintf(err, errlen, "zlib stream is damaged (%s)", rc == Z_BUF_ERROR ? "longer than a track" : zError(rc));
            return 0;
        }
        return (uint32_t)length + CKD_HA_SIZE;
    }
    case CCKD_COMPRESS_BZIP2:
        snprintf(err, errlen, "image is compressed with bzip2, which s370 does not support");
        return 0;
    default:
        snprintf(err, errlen, "unknown compression code %u", code);
        return 0;
    }
}

/* ---- extent lists (free space) ---- */

static void extent_insert(struct extent_list *list, uint64_t offset, uint64_t length)
{
    size_t i = 0;
    while (i < list->count && list->items[i].offset < offset)
        i++;
    grow_array((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items);
    memmove(&list->items[i + 1], &list->items[i], (list->count - i) * sizeof *list->items);
    list->items[i] = (struct extent){offset, length};
    list->count++;
    /* Merge with the next, then with the previous neighbour. */
    if (i + 1 < list->count && offset + length == list->items[i + 1].offset) {
        list->items[i].length += list->items[i + 1].length;
        memmove(&list->items[i + 1], &list->items[i + 2], (list->count - i - 2) * sizeof *list->items);
        list->count--;
    }
    if (i > 0 && list->items[i - 1].offset + list->items[i - 1].length == offset) {
        list->items[i - 1].length += list->items[i].length;
        memmove(&list->items[i], &list->items[i + 1], (list->count - i - 1) * sizeof *list->items);
        list->count--;
    }
}

static void extent_remove(struct extent_list *list, size_t i)
{
    memmove(&list->items[i], &list->items[i + 1], (list->count - i - 1) * sizeof *list->items);
    list->count--;
}

static int extent_compare(const void *a, const void *b)
{
    const struct extent *x = a, *y = b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* ---- CCKD files ---- */

static size_t l1_bytes(const struct cckd_file *f)
{
    return (size_t)f->header.l1_entries * cckd_l1_entry_size(f->wide);
}

static size_t l2_bytes(const struct cckd_file *f)
{
    return CCKD_L2_ENTRIES * cckd_l2_entry_size(f->wide);
}

static uint64_t tables_start(const struct cckd_file *f)
{
    return CCKD_L1_OFFSET + l1_bytes(f);
}

static bool is_image_offset(uint64_t offset)
{
    return offset != 0 && offset != CCKD_NOT_HERE;
}

static bool load_l2(struct ckd_image *img, struct cckd_file *f, uint32_t l1x)
{
    uint64_t at = f->l1[l1x];
    size_t esize = cckd_l2_entry_size(f->wide);
    uint8_t *raw = xmalloc(l2_bytes(f));
    if (!read_at(f->fd, raw, l2_bytes(f), at)) {
        free(raw);
        return fail(img, "%s: cannot read L2 table %u at offset %llu: %s", f->path, l1x, (unsigned long long)at,
                    io_error());
    }
    f->l2[l1x] = xcalloc(CCKD_L2_ENTRIES, sizeof **f->l2);
    for (unsigned i = 0; i < CCKD_L2_ENTRIES; i++)
        cckd_l2_decode(raw + i * esize, f->wide, f->big_endian, &f->l2[l1x][i]);
    free(raw);
    return true;
}

/* The L2 entry of `track` in file f: found, or *absent when the file defers to a lower one. */
static bool lookup_entry(struct ckd_image *img, struct cckd_file *f, uint32_t track, struct cckd_l2_entry *e,
                         bool *absent)
{
    uint32_t l1x = track / CCKD_L2_ENTRIES;
    uint64_t at = f->l1[l1x];
    *absent = false;
    if (at == CCKD_NOT_HERE) {
        *absent = true;
        return true;
    }
    if (at == 0) {
        *e = (struct cckd_l2_entry){0, f->header.null_format, f->header.null_format};
        return true;
    }
    if (!f->l2[l1x] && !load_l2(img, f, l1x))
        return false;
    *e = f->l2[l1x][track % CCKD_L2_ENTRIES];
    *absent = e->offset == CCKD_NOT_HERE;
    return true;
}

/* Which null format an entry with offset 0 stands for (Hercules' cckd_null_trk rules). */
static int null_format_of(const struct cckd_file *f, uint16_t length)
{
    int format = length;
    if (format > 2)
        format = f->header.null_format;
    else if (format == 0 && f->header.null_format == 2)
        format = 2;
    return format > 2 ? 0 : format;
}

static bool read_stored_image(struct ckd_image *img, struct cckd_file *f, uint32_t track,
                              const struct cckd_l2_entry *e, uint8_t *buf, uint32_t *length)
{
    if (e->length < CKD_HA_SIZE || e->length > img->stage_size || e->offset + e->length > f->end)
        return fail(img, "%s: track %u: L2 entry (offset %llu, length %u) points outside the file", f->path, track,
                    (unsigned long long)e->offset, e->length);
    if (!read_at(f->fd, img->stage, e->length, e->offset))
        return fail(img, "%s: track %u: read error: %s", f->path, track, io_error());
    char why[160];
    *length = cckd_expand(img->stage, e->length, buf, img->track_size, why, sizeof why);
    if (!*length)
        return fail(img, "%s: track %u at offset %llu: %s", f->path, track, (unsigned long long)e->offset, why);
    return true;
}

static bool cckd_read_track(struct ckd_image *img, uint32_t track, uint8_t *buf, uint32_t *length)
{
    uint32_t cylinder = track / img->heads, head = track % img->heads;
    for (unsigned i = img->cckd_count; i-- > 0;) {
        struct cckd_file *f = &img->cckd[i];
        struct cckd_l2_entry e;
        bool absent;
        if (!lookup_entry(img, f, track, &e, &absent))
            return false;
        if (absent)
            continue;
        if (is_image_offset(e.offset))
            return read_stored_image(img, f, track, &e, buf, length);
        int format = null_format_of(f, e.length);
        if (null_track_length(format) > img->track_size)
            return fail(img, "%s: track %u: null format %d does not fit a track", f->path, track, format);
        *length = ckd_null_track(buf, cylinder, head, format);
        return true;
    }
    *length = ckd_null_track(buf, cylinder, head, 0);
    return true;
}

/* ---- CCKD space ---- */

/* First fit among reusable free blocks, else the end of the file. */
static bool allocate(struct ckd_image *img, struct cckd_file *f, uint64_t length, uint64_t *offset)
{
    for (size_t i = 0; i < f->free.count; i++) {
        struct extent *x = &f->free.items[i];
        if (x->length >= length) {
            *offset = x->offset;
            x->offset += length, x->length -= length;
            if (!x->length)
                extent_remove(&f->free, i);
            return true;
        }
    }
    if (!f->wide && f->end + length > UINT32_MAX)
        return fail(img, "%s: the image is full (32-bit CCKD offsets reach 4 GB)", f->path);
    *offset = f->end;
    f->end += length;
    return true;
}

static void release_pending(struct cckd_file *f, uint64_t offset, uint64_t length)
{
    if (length)
        extent_insert(&f->pending, offset, length);
}

static bool check_entry_bounds(struct ckd_image *img, struct cckd_file *f, uint32_t track,
                               const struct cckd_l2_entry *e, uint64_t end)
{
    if (!is_image_offset(e->offset))
        return true;
    if (e->offset < tables_start(f) || e->length < CKD_HA_SIZE || e->size < e->length || e->offset + e->size > end)
        return fail(img,
                    "%s: track %u: L2 entry (offset %llu, length %u, size %u) is outside the file or malformed;"
                    " `dasd370 check -r` repairs it",
                    f->path, track, (unsigned long long)e->offset, e->length, e->size);
    return true;
}

/* Every extent the tables use: headers and L1, L2 tables, stored images. */
static bool collect_used(struct ckd_image *img, struct cckd_file *f, uint64_t end, struct extent_list *used)
{
    struct extent *x = ARRAY_PUSH(used->items, used->count, used->cap);
    *x = (struct extent){0, tables_start(f)};
    for (uint32_t l1x = 0; l1x < f->header.l1_entries; l1x++) {
        if (!is_image_offset(f->l1[l1x]))
            continue;
        if (!f->l2[l1x] && !load_l2(img, f, l1x))
            return false;
        x = ARRAY_PUSH(used->items, used->count, used->cap);
        *x = (struct extent){f->l1[l1x], l2_bytes(f)};
        for (unsigned i = 0; i < CCKD_L2_ENTRIES; i++) {
            const struct cckd_l2_entry *e = &f->l2[l1x][i];
            if (!check_entry_bounds(img, f, l1x * CCKD_L2_ENTRIES + i, e, end))
                return false;
            if (is_image_offset(e->offset)) {
                x = ARRAY_PUSH(used->items, used->count, used->cap);
                *x = (struct extent){e->offset, e->size};
            }
        }
    }
    return true;
}

/*
 * Rebuild the free space of the file to be written from its tables: everything between the used
 * extents, up to the end of the file, is free.  Overlapping extents mean a damaged image.
 */
static bool build_free_space(struct ckd_image *img, struct cckd_file *f)
{
    uint64_t end = file_size(f->fd);
    struct extent_list used = {0};
    bool ok = collect_used(img, f, end, &used);
    if (ok)
        qsort(used.items, used.count, sizeof *used.items, extent_compare);
    uint64_t at = 0;
    for (size_t i = 0; ok && i < used.count; i++) {
        const struct extent *x = &used.items[i];
        if (x->offset < at)
            ok = fail(img, "%s: stored images or tables overlap at offset %llu; `dasd370 check -r` repairs it",
                      f->path, (unsigned long long)x->offset);
        else if (x->offset > at)
            extent_insert(&f->free, at, x->offset - at);
        if (x->offset + x->length > at)
            at = x->offset + x->length;
    }
    if (ok && end > at)
        extent_insert(&f->free, at, end - at);
    f->end = end > at ? end : at;
    free(used.items);
    return ok;
}

static bool write_header(struct ckd_image *img, struct cckd_file *f)
{
    cckd_header_encode(&f->header, f->wide, f->header_raw);
    if (!write_at(f->fd, f->header_raw, CCKD_HEADER_SIZE, CKD_DEVHDR_SIZE))
        return fail(img, "%s: cannot write the CCKD header: %s", f->path, io_error());
    return true;
}

static bool sync_file(struct ckd_image *img, int fd, const char *path)
{
    if (fsync(fd) != 0)
        return fail(img, "%s: fsync: %s", path, strerror(errno));
    return true;
}

/* Make the file the written one: rebuild its free space, then mark it open on disk. */
static bool begin_writing(struct ckd_image *img, struct cckd_file *f)
{
    if (!build_free_space(img, f))
        return false;
    f->header.options |= CCKD_OPT_OPEN | CCKD_OPT_OPENED_RW;
    return write_header(img, f) && sync_file(img, f->fd, f->path);
}

/* ---- CCKD writes ---- */

static bool write_l1_entry(struct ckd_image *img, struct cckd_file *f, uint32_t l1x, uint64_t offset)
{
    uint8_t raw[8];
    size_t esize = cckd_l1_entry_size(f->wide);
    cckd_l1_encode(offset, f->wide, f->big_endian, raw);
    if (!write_at(f->fd, raw, esize, CCKD_L1_OFFSET + (uint64_t)l1x * esize))
        return fail(img, "%s: cannot write L1 entry %u: %s", f->path, l1x, io_error());
    f->l1[l1x] = offset;
    return true;
}

/* A new L2 table, written whole to fresh space before the L1 entry points to it. */
static bool write_new_l2(struct ckd_image *img, struct cckd_file *f, uint32_t l1x)
{
    size_t esize = cckd_l2_entry_size(f->wide);
    uint8_t *raw = xmalloc(l2_bytes(f));
    for (unsigned i = 0; i < CCKD_L2_ENTRIES; i++)
        cckd_l2_encode(&f->l2[l1x][i], f->wide, f->big_endian, raw + i * esize);
    uint64_t at;
    bool ok = allocate(img, f, l2_bytes(f), &at);
    if (ok && !write_at(f->fd, raw, l2_bytes(f), at)) {
        extent_insert(&f->free, at, l2_bytes(f));
        ok = fail(img, "%s: cannot write an L2 table: %s", f->path, io_error());
    }
    free(raw);
    return ok && write_l1_entry(img, f, l1x, at);
}

/* The in-memory L2 table of the written file, made from "look lower" or "all null" if new. */
static struct cckd_l2_entry *l2_for_write(struct ckd_image *img, struct cckd_file *f, uint32_t l1x)
{
    if (f->l2[l1x])
        return f->l2[l1x];
    if (is_image_offset(f->l1[l1x]))
        return load_l2(img, f, l1x) ? f->l2[l1x] : NULL;
    struct cckd_l2_entry fill = {0, f->header.null_format, f->header.null_format};
    if (f->l1[l1x] == CCKD_NOT_HERE)
        fill = (struct cckd_l2_entry){CCKD_NOT_HERE, UINT16_MAX, UINT16_MAX};
    f->l2[l1x] = xmalloc(CCKD_L2_ENTRIES * sizeof **f->l2);
    for (unsigned i = 0; i < CCKD_L2_ENTRIES; i++)
        f->l2[l1x][i] = fill;
    return f->l2[l1x];
}

/* Switch the track's L2 entry, in place or by writing the table that did not exist yet. */
static bool switch_entry(struct ckd_image *img, struct cckd_file *f, uint32_t track, const struct cckd_l2_entry *e)
{
    uint32_t l1x = track / CCKD_L2_ENTRIES, l2x = track % CCKD_L2_ENTRIES;
    struct cckd_l2_entry old = f->l2[l1x][l2x];
    f->l2[l1x][l2x] = *e;
    if (!is_image_offset(f->l1[l1x])) {
        if (write_new_l2(img, f, l1x))
            return true;
        f->l2[l1x][l2x] = old;
        return false;
    }
    uint8_t raw[16];
    size_t esize = cckd_l2_entry_size(f->wide);
    cckd_l2_encode(e, f->wide, f->big_endian, raw);
    if (!write_at(f->fd, raw, esize, f->l1[l1x] + (uint64_t)l2x * esize))
        return fail(img, "%s: track %u: cannot write its L2 entry: %s", f->path, track, io_error());
    return true;
}

/* The null format equal to the image, or -1. */
static int null_format_equal(const uint8_t *buf, uint32_t length, uint32_t cylinder, uint32_t head)
{
    uint8_t null[40];
    for (int format = 0; format <= 1; format++)
        if (length == null_track_length(format) && ckd_null_track(null, cylinder, head, format) == length &&
            memcmp(null, buf, length) == 0)
            return format;
    return -1;
}

/* Images under 512 bytes are stored raw, and so is one that zlib does not shrink. */
static uint32_t store_image(struct ckd_image *img, const struct cckd_file *f, const uint8_t *buf, uint32_t length)
{
    uint8_t *out = img->stage;
    memcpy(out, buf, CKD_HA_SIZE);
    out[0] = CCKD_COMPRESS_NONE;
    if (length >= SMALLEST_COMPRESSED && f->header.compression != CCKD_COMPRESS_NONE) {
        uLongf packed = img->stage_size - CKD_HA_SIZE;
        int level = f->header.compression_parameter < 0 || f->header.compression_parameter > 9
                        ? Z_DEFAULT_COMPRESSION
                        : f->header.compression_parameter;
        if (compress2(out + CKD_HA_SIZE, &packed, buf + CKD_HA_SIZE, length - CKD_HA_SIZE, level) == Z_OK &&
            packed + CKD_HA_SIZE < length) {
            out[0] = CCKD_COMPRESS_ZLIB;
            return (uint32_t)packed + CKD_HA_SIZE;
        }
    }
    memcpy(out + CKD_HA_SIZE, buf + CKD_HA_SIZE, length - CKD_HA_SIZE);
    return length;
}

static bool cckd_write_track(struct ckd_image *img, uint32_t track, const uint8_t *buf, uint32_t length)
{
    struct cckd_file *f = &img->cckd[img->cckd_count - 1];
    uint32_t l1x = track / CCKD_L2_ENTRIES;
    struct cckd_l2_entry *table = l2_for_write(img, f, l1x);
    if (!table)
        return false;
    struct cckd_l2_entry old = table[track % CCKD_L2_ENTRIES], e;
    int format = null_format_equal(buf, length, track / img->heads, track % img->heads);
    if (format >= 0) {
        e = (struct cckd_l2_entry){0, (uint16_t)format, (uint16_t)format};
    } else {
        uint32_t stored = store_image(img, f, buf, length);
        if (!allocate(img, f, stored, &e.offset))
            return false;
        if (!write_at(f->fd, img->stage, stored, e.offset)) {
            extent_insert(&f->free, e.offset, stored);
            return fail(img, "%s: track %u: write error: %s", f->path, track, io_error());
        }
        e.length = e.size = (uint16_t)stored;
    }
    f->dirty = true;
    if (!switch_entry(img, f, track, &e))
        return false; /* the new space stays allocated: it may be referenced now */
    if (is_image_offset(old.offset))
        release_pending(f, old.offset, old.size);
    return true;
}

static bool cckd_flush(struct ckd_image *img)
{
    struct cckd_file *f = &img->cckd[img->cckd_count - 1];
    if (!f->writable || !f->dirty)
        return true;
    if (!sync_file(img, f->fd, f->path))
        return false;
    for (size_t i = 0; i < f->pending.count; i++)
        extent_insert(&f->free, f->pending.items[i].offset, f->pending.items[i].length);
    f->pending.count = 0;
    f->dirty = false;
    return true;
}

/* ---- CCKD clean close: free space list, statistics, header ---- */

static void trim_free_tail(struct cckd_file *f)
{
    while (f->free.count) {
        struct extent *last = &f->free.items[f->free.count - 1];
        if (last->offset + last->length != f->end)
            break;
        f->end = last->offset;
        f->free.count--;
    }
}

/* The FREE_BLK array goes into the first free block that holds it, else into a new one at the end. */
static bool write_free_list(struct ckd_image *img, struct cckd_file *f)
{
    size_t pair = f->wide ? 16 : 8;
    size_t need = sizeof free_block_tag + pair * f->free.count;
    size_t i = 0;
    while (i < f->free.count && f->free.items[i].length < need)
        i++;
    if (i == f->free.count) {
        need += pair;
        extent_insert(&f->free, f->end, need);
        i = f->free.count - 1;
        f->end += need;
    }
    uint8_t *raw = xmalloc(need);
    memcpy(raw, free_block_tag, sizeof free_block_tag);
    for (size_t k = 0; k < f->free.count; k++) {
        uint8_t *p = raw + sizeof free_block_tag + k * pair;
        put_sized(p, f->free.items[k].offset, (unsigned)pair / 2, f->big_endian);
        put_sized(p + pair / 2, f->free.items[k].length, (unsigned)pair / 2, f->big_endian);
    }
    bool ok = write_at(f->fd, raw, need, f->free.items[i].offset);
    free(raw);
    f->header.free_offset = f->free.items[i].offset;
    return ok || fail(img, "%s: cannot write the free space list: %s", f->path, io_error());
}

static void compute_statistics(struct cckd_file *f)
{
    struct cckd_header *h = &f->header;
    h->free_total = h->free_largest = 0;
    h->free_count = f->free.count;
    for (size_t i = 0; i < f->free.count; i++) {
        h->free_total += f->free.items[i].length;
        if (f->free.items[i].length > h->free_largest)
            h->free_largest = f->free.items[i].length;
    }
    h->free_imbedded = 0;
    for (uint32_t l1x = 0; l1x < h->l1_entries; l1x++)
        for (unsigned i = 0; f->l2[l1x] && i < CCKD_L2_ENTRIES; i++)
            if (is_image_offset(f->l2[l1x][i].offset))
                h->free_imbedded += f->l2[l1x][i].size - f->l2[l1x][i].length;
    h->size = f->end;
    h->used = f->end - h->free_total;
}

static bool finish_writing(struct ckd_image *img, struct cckd_file *f)
{
    if (!cckd_flush(img))
        return false;
    trim_free_tail(f);
    f->header.free_offset = 0;
    if (f->free.count && !write_free_list(img, f))
        return false;
    if (ftruncate(f->fd, (off_t)f->end) != 0)
        return fail(img, "%s: ftruncate: %s", f->path, strerror(errno));
    compute_statistics(f);
    f->header.options &= (uint8_t) ~(CCKD_OPT_OPEN | CCKD_OPT_OPENED_RW);
    /* The free list is durable before the header that points to it says "closed". */
    return sync_file(img, f->fd, f->path) && write_header(img, f) && sync_file(img, f->fd, f->path);
}

/* ---- opening ---- */

static char *name_with(const char *name, char *slot_of(char *base), char c)
{
    char *copy = xmalloc(strlen(name) + 2);
    strcpy(copy, name);
    char *base = strrchr(copy, '/');
    base = base ? base + 1 : copy;
    char *slot = slot_of(base);
    if (slot)
        *slot = c;
    else
        strcat(copy, (char[]){c, 0});
    return copy;
}

/* The last character before the first '.' of the file name (FORMATS.md 3.1). */
static char *multifile_slot(char *base)
{
    char *dot = strchr(base, '.');
    size_t n = dot ? (size_t)(dot - base) : strlen(base);
    return n ? base + n - 1 : NULL;
}

/* The character before the last '.', or the last character (FORMATS.md 3.2). */
static char *shadow_slot(char *base)
{
    char *dot = strrchr(base, '.');
    size_t n = dot ? (size_t)(dot - base) : strlen(base);
    return n ? base + n - 1 : NULL;
}

char *ckd_multifile_name(const char *first, unsigned index)
{
    if (index == 0)
        return xstrdup(first);
    unsigned n = index + 1;
    return name_with(first, multifile_slot, (char)(n <= 9 ? '0' + n : 'A' + n - 10));
}

char *ckd_shadow_name(const char *pattern, unsigned index)
{
    return name_with(pattern, shadow_slot, (char)('0' + index));
}

static bool set_geometry(struct ckd_image *img, const struct ckd_devhdr *h, const char *path)
{
    const struct ckd_geometry *g = ckd_geometry_by_type_byte(h->type_byte);
    if (!g)
        return fail(img, "%s: unknown device type byte X'%02X' in the header", path, h->type_byte);
    if (h->heads == 0 || h->heads > 255 || h->track_size < 64 || h->track_size > MAX_TRACK_SIZE)
        return fail(img, "%s: implausible header: %u heads, %u bytes per track", path, h->heads, h->track_size);
    img->heads = h->heads;
    img->track_size = h->track_size;
    img->geometry = g;
    img->stage_size = compressBound(h->track_size) + CKD_HA_SIZE;
    img->stage = xmalloc(img->stage_size);
    return true;
}

/* The model is the smallest of the type that holds the volume, or the largest one. */
static void finish_geometry(struct ckd_image *img)
{
    img->tracks = img->cylinders * img->heads;
    const struct ckd_geometry *g = ckd_geometry_for_size(img->geometry->type, img->cylinders);
    for (size_t i = 0; !g && ckd_geometry_at(i); i++)
        if (ckd_geometry_at(i)->type == img->geometry->type)
            img->geometry = ckd_geometry_at(i);
    if (g)
        img->geometry = g;
}

static bool same_volume(const struct ckd_devhdr *a, const struct ckd_devhdr *b)
{
    return a->heads == b->heads && a->track_size == b->track_size && a->type_byte == b->type_byte;
}

/* One file of an uncompressed volume: its header, and how many cylinders it holds. */
static bool open_plain_file(struct ckd_image *img, const char *path, unsigned index, const struct ckd_devhdr *first,
                            bool *last)
{
    int fd = open_image_file(path, !img->read_only);
    if (fd < 0)
        return fail(img, "%s: %s", path, strerror(errno));
    struct plain_file *pf = &img->plain[img->plain_count++];
    *pf = (struct plain_file){xstrdup(path), fd, img->cylinders, 0, false};
    uint8_t raw[CKD_DEVHDR_SIZE];
    struct ckd_devhdr h;
    if (!read_at(fd, raw, sizeof raw, 0) || !ckd_devhdr_decode(raw, &h) || h.kind != CKD_KIND_PLAIN)
        return fail(img, "%s: not an uncompressed CKD image file", path);
    if (!same_volume(&h, first))
        return fail(img, "%s: header does not match the first file of the volume", path);
    bool multi = first->file_sequence != 0;
    if (multi && h.file_sequence != 0xFF && h.file_sequence != index + 1)
        return fail(img, "%s: file sequence %u, expected %u", path, h.file_sequence, index + 1);
    *last = !multi || h.high_cylinder == 0 || h.file_sequence == 0xFF;
    uint64_t cylinder_bytes = (uint64_t)h.track_size * h.heads;
    uint64_t in_file = (file_size(fd) - (file_size(fd) >= CKD_DEVHDR_SIZE ? CKD_DEVHDR_SIZE : 0)) / cylinder_bytes;
    if (h.high_cylinder != 0) {
        if (h.high_cylinder < img->cylinders || h.high_cylinder - img->cylinders + 1u > in_file)
            return fail(img, "%s: high cylinder %u does not match the file's size", path, h.high_cylinder);
        in_file = h.high_cylinder - img->cylinders + 1u;
    }
    pf->cylinders = (uint32_t)in_file;
    img->cylinders += pf->cylinders;
    return true;
}

static bool open_plain(struct ckd_image *img, const char *path, const struct ckd_devhdr *first)
{
    if (!set_geometry(img, first, path))
        return false;
    img->plain = xcalloc(MAX_PLAIN_FILES, sizeof *img->plain);
    bool last = false;
    for (unsigned i = 0; !last; i++) {
        if (i == MAX_PLAIN_FILES)
            return fail(img, "%s: more than %d files in the volume", path, MAX_PLAIN_FILES);
        char *name = ckd_multifile_name(path, i);
        bool ok = open_plain_file(img, name, i, first, &last);
        free(name);
        if (!ok)
            return false;
    }
    if (img->cylinders == 0)
        return fail(img, "%s: the file holds no complete cylinder", path);
    finish_geometry(img);
    return true;
}

static bool read_l1(struct ckd_image *img, struct cckd_file *f, uint64_t size)
{
    size_t esize = cckd_l1_entry_size(f->wide);
    uint8_t *raw = xmalloc(l1_bytes(f) ? l1_bytes(f) : 1);
    bool ok = read_at(f->fd, raw, l1_bytes(f), CCKD_L1_OFFSET);
    f->l1 = xcalloc(f->header.l1_entries ? f->header.l1_entries : 1, sizeof *f->l1);
    f->l2 = xcalloc(f->header.l1_entries ? f->header.l1_entries : 1, sizeof *f->l2);
    for (uint32_t i = 0; ok && i < f->header.l1_entries; i++)
        f->l1[i] = cckd_l1_decode(raw + i * esize, f->wide, f->big_endian);
    free(raw);
    if (!ok)
        return fail(img, "%s: cannot read the L1 table: %s", f->path, io_error());
    for (uint32_t i = 0; i < f->header.l1_entries; i++)
        if (is_image_offset(f->l1[i]) && (f->l1[i] < tables_start(f) || f->l1[i] + l2_bytes(f) > size))
            return fail(img, "%s: L1 entry %u (offset %llu) points outside the file; `dasd370 check -r` repairs it",
                        f->path, i, (unsigned long long)f->l1[i]);
    return true;
}

/* Header checks; the base sets the geometry, shadows must agree with it. */
static bool check_cckd_header(struct ckd_image *img, struct cckd_file *f, const struct ckd_devhdr *dh, uint64_t size)
{
    struct cckd_header *h = &f->header;
    if (h->l2_entries != CCKD_L2_ENTRIES)
        return fail(img, "%s: CCKD header says %u L2 entries per table, not 256", f->path, h->l2_entries);
    if (h->cylinders == 0 && dh->heads)
        h->cylinders = (uint32_t)((uint64_t)h->l1_entries * CCKD_L2_ENTRIES / dh->heads);
    uint64_t tracks = (uint64_t)h->cylinders * dh->heads;
    if (tracks == 0 || h->cylinders > MAX_CYLINDERS || h->l1_entries < (tracks + CCKD_L2_ENTRIES - 1) / CCKD_L2_ENTRIES ||
        tables_start(f) > size)
        return fail(img, "%s: CCKD header is damaged (%u cylinders, %u L1 entries, file of %llu bytes)", f->path,
                    h->cylinders, h->l1_entries, (unsigned long long)size);
    if (img->cckd_count == 1) {
        img->cylinders = h->cylinders;
        return set_geometry(img, dh, f->path);
    }
    struct ckd_devhdr base;
    ckd_devhdr_decode(img->cckd[0].devhdr_raw, &base);
    if (!same_volume(dh, &base) || h->cylinders != img->cylinders)
        return fail(img, "%s: shadow file does not match its base image", f->path);
    return true;
}

static bool open_cckd_file(struct ckd_image *img, const char *path, bool writable, enum ckd_file_kind kind)
{
    struct cckd_file *f = &img->cckd[img->cckd_count++];
    *f = (struct cckd_file){.path = xstrdup(path), .fd = open_image_file(path, writable), .writable = writable};
    if (f->fd < 0)
        return fail(img, "%s: %s", path, errno == EBUSY ? "in use by another program" : strerror(errno));
    uint64_t size = file_size(f->fd);
    struct ckd_devhdr dh;
    if (!read_at(f->fd, f->devhdr_raw, CKD_DEVHDR_SIZE, 0) || !ckd_devhdr_decode(f->devhdr_raw, &dh) ||
        dh.kind != kind)
        return fail(img, "%s: not a %s file", path, kind == CKD_KIND_SHADOW ? "CCKD shadow" : "compressed CKD image");
    f->wide = dh.wide;
    f->end = size;
    if (f->wide && writable)
        return fail(img, "%s: 64-bit CCKD images (CKD_C064) can only be opened read-only here", path);
    if (!read_at(f->fd, f->header_raw, CCKD_HEADER_SIZE, CKD_DEVHDR_SIZE))
        return fail(img, "%s: no CCKD header: %s", path, io_error());
    cckd_header_decode(f->header_raw, f->wide, &f->header);
    f->big_endian = f->header.options & CCKD_OPT_BIGENDIAN;
    return check_cckd_header(img, f, &dh, size) && read_l1(img, f, size);
}

/* A new shadow file: the base's headers (id CKD_S370), no free space, every L1 entry "look lower". */
static bool create_shadow(struct ckd_image *img, const char *path)
{
    const struct cckd_file *below = &img->cckd[img->cckd_count - 1];
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return fail(img, "%s: cannot create the shadow file: %s", path, strerror(errno));
    uint8_t devhdr[CKD_DEVHDR_SIZE], header[CCKD_HEADER_SIZE];
    memcpy(devhdr, below->devhdr_raw, sizeof devhdr);
    devhdr[4] = 'S';
    memcpy(header, below->header_raw, sizeof header);
    struct cckd_header h = below->header;
    h.options &= (uint8_t) ~(CCKD_OPT_OPEN | CCKD_OPT_OPENED_RW | CCKD_OPT_SPACE_ERRORS);
    h.size = h.used = tables_start(below);
    h.free_offset = h.free_total = h.free_largest = h.free_count = h.free_imbedded = 0;
    cckd_header_encode(&h, below->wide, header);
    size_t esize = cckd_l1_entry_size(below->wide);
    uint8_t *l1 = xmalloc(l1_bytes(below));
    for (uint32_t i = 0; i < h.l1_entries; i++)
        cckd_l1_encode(CCKD_NOT_HERE, below->wide, below->big_endian, l1 + i * esize);
    bool ok = write_at(fd, devhdr, sizeof devhdr, 0) && write_at(fd, header, sizeof header, CKD_DEVHDR_SIZE) &&
              write_at(fd, l1, l1_bytes(below), CCKD_L1_OFFSET) && fsync(fd) == 0;
    free(l1);
    close(fd);
    return ok || fail(img, "%s: cannot write the shadow file: %s", path, io_error());
}

static bool open_shadows(struct ckd_image *img, const char *pattern)
{
    unsigned existing = 0;
    struct stat st;
    for (unsigned i = 1; i <= MAX_SHADOWS; i++) {
        char *name = ckd_shadow_name(pattern, i);
        bool exists = stat(name, &st) == 0;
        free(name);
        if (!exists)
            break;
        existing = i;
    }
    for (unsigned i = 1; i <= existing; i++) {
        char *name = ckd_shadow_name(pattern, i);
        bool ok = open_cckd_file(img, name, i == existing && !img->read_only, CKD_KIND_SHADOW);
        free(name);
        if (!ok)
            return false;
    }
    if (existing || img->read_only)
        return true;
    char *name = ckd_shadow_name(pattern, 1);
    bool ok = create_shadow(img, name) && open_cckd_file(img, name, true, CKD_KIND_SHADOW);
    free(name);
    return ok;
}

static bool open_cckd(struct ckd_image *img, const char *path, const char *shadow)
{
    img->compressed = true;
    img->cckd = xcalloc(MAX_SHADOWS + 1, sizeof *img->cckd);
    if (!open_cckd_file(img, path, !img->read_only && !shadow, CKD_KIND_COMPRESSED))
        return false;
    if (shadow && !open_shadows(img, shadow))
        return false;
    finish_geometry(img);
    struct cckd_file *top = &img->cckd[img->cckd_count - 1];
    img->read_only = !top->writable;
    return img->read_only || begin_writing(img, top);
}

static void free_image(struct ckd_image *img)
{
    for (unsigned i = 0; i < img->plain_count; i++) {
        if (img->plain[i].fd >= 0)
            close(img->plain[i].fd);
        free(img->plain[i].path);
    }
    for (unsigned i = 0; i < img->cckd_count; i++) {
        struct cckd_file *f = &img->cckd[i];
        if (f->fd >= 0)
            close(f->fd);
        for (uint32_t k = 0; f->l2 && k < f->header.l1_entries; k++)
            free(f->l2[k]);
        free(f->l2), free(f->l1), free(f->path), free(f->free.items), free(f->pending.items);
    }
    free(img->plain), free(img->cckd), free(img->stage), free(img);
}

struct ckd_image *ckd_open(const char *path, const struct ckd_open_options *options, char *err, size_t errlen)
{
    static const struct ckd_open_options defaults;
    if (!options)
        options = &defaults;
    struct ckd_image *img = xcalloc(1, sizeof *img);
    img->read_only = options->read_only;
    uint8_t raw[CKD_DEVHDR_SIZE];
    struct ckd_devhdr h;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool ok = fd >= 0 || fail(img, "%s: %s", path, strerror(errno));
    if (ok && (!read_at(fd, raw, sizeof raw, 0) || !ckd_devhdr_decode(raw, &h)))
        ok = fail(img, "%s: not a CKD image file (no CKD_P370/CKD_C370 header)", path);
    if (fd >= 0)
        close(fd);
    if (ok && h.kind == CKD_KIND_SHADOW)
        ok = fail(img, "%s: is a shadow file: open its base image with sf=", path);
    if (ok && h.kind == CKD_KIND_PLAIN && options->shadow)
        ok = fail(img, "%s: sf= shadow files need a compressed (CCKD) base image", path);
    if (ok)
        ok = h.kind == CKD_KIND_PLAIN ? open_plain(img, path, &h) : open_cckd(img, path, options->shadow);
    if (!ok) {
        snprintf(err, errlen, "%s", img->error);
        free_image(img);
        return NULL;
    }
    return img;
}

bool cckd_rebuild_free_space(const char *path, char *err, size_t errlen)
{
    struct ckd_image *img = xcalloc(1, sizeof *img);
    img->compressed = true;
    img->cckd = xcalloc(1, sizeof *img->cckd);
    uint8_t raw[CKD_DEVHDR_SIZE];
    struct ckd_devhdr h = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool ok = fd >= 0 && read_at(fd, raw, sizeof raw, 0) && ckd_devhdr_decode(raw, &h) && h.kind != CKD_KIND_PLAIN;
    if (fd >= 0)
        close(fd);
    if (!ok)
        fail(img, "%s: not a CCKD image or shadow file", path);
    ok = ok && open_cckd_file(img, path, true, h.kind) && begin_writing(img, &img->cckd[0]) &&
         finish_writing(img, &img->cckd[0]);
    if (!ok)
        snprintf(err, errlen, "%s", img->error);
    free_image(img);
    return ok;
}

/* ---- the interface ---- */

void ckd_info(const struct ckd_image *img, struct ckd_image_info *info)
{
    *info = (struct ckd_image_info){
        .geometry = img->geometry,
        .cylinders = img->cylinders,
        .heads = img->heads,
        .tracks = img->tracks,
        .track_size = img->track_size,
        .compressed = img->compressed,
        .read_only = img->read_only,
        .files = img->compressed ? 1 : img->plain_count,
        .shadows = img->compressed ? img->cckd_count - 1 : 0,
    };
}

const char *ckd_error(const struct ckd_image *img)
{
    return img->error;
}

static struct plain_file *plain_file_of(struct ckd_image *img, uint32_t track, uint64_t *offset)
{
    uint32_t cylinder = track / img->heads;
    struct plain_file *pf = img->plain;
    while (cylinder >= pf->first_cylinder + pf->cylinders)
        pf++;
    uint64_t index = (uint64_t)track - (uint64_t)pf->first_cylinder * img->heads;
    *offset = CKD_DEVHDR_SIZE + index * img->track_size;
    return pf;
}

static bool plain_read_track(struct ckd_image *img, uint32_t track, uint8_t *buf, uint32_t *length)
{
    uint64_t offset;
    struct plain_file *pf = plain_file_of(img, track, &offset);
    if (!read_at(pf->fd, buf, img->track_size, offset))
        return fail(img, "%s: track %u: read error: %s", pf->path, track, io_error());
    *length = ckd_track_length(buf, img->track_size);
    return true;
}

static bool plain_write_track(struct ckd_image *img, uint32_t track, const uint8_t *buf, uint32_t length)
{
    uint64_t offset;
    struct plain_file *pf = plain_file_of(img, track, &offset);
    memcpy(img->stage, buf, length);
    memset(img->stage + length, 0, img->track_size - length);
    if (!write_at(pf->fd, img->stage, img->track_size, offset))
        return fail(img, "%s: track %u: write error: %s", pf->path, track, io_error());
    pf->written = true;
    return true;
}

bool ckd_read_track(struct ckd_image *img, uint32_t track, uint8_t *buf, uint32_t *length)
{
    if (track >= img->tracks)
        return fail(img, "track %u is beyond the volume's %u tracks", track, img->tracks);
    bool ok = img->compressed ? cckd_read_track(img, track, buf, length) : plain_read_track(img, track, buf, length);
    if (ok && !ckd_track_valid(buf, *length, track / img->heads, track % img->heads))
        return fail(img, "track %u (cylinder %u head %u): malformed track image (home address %02X%02X%02X%02X%02X)",
                    track, track / img->heads, track % img->heads, buf[0], buf[1], buf[2], buf[3], buf[4]);
    return ok;
}

bool ckd_write_track(struct ckd_image *img, uint32_t track, const uint8_t *buf, uint32_t length)
{
    if (img->read_only)
        return fail(img, "the image is read-only");
    if (track >= img->tracks)
        return fail(img, "track %u is beyond the volume's %u tracks", track, img->tracks);
    if (length > img->track_size || !ckd_track_valid(buf, length, track / img->heads, track % img->heads))
        return fail(img, "track %u: refusing to write a malformed track image of %u bytes", track, length);
    return img->compressed ? cckd_write_track(img, track, buf, length) : plain_write_track(img, track, buf, length);
}

bool ckd_flush(struct ckd_image *img)
{
    if (img->compressed)
        return cckd_flush(img);
    for (unsigned i = 0; i < img->plain_count; i++) {
        struct plain_file *pf = &img->plain[i];
        if (pf->written && !sync_file(img, pf->fd, pf->path))
            return false;
        pf->written = false;
    }
    return true;
}

bool ckd_close(struct ckd_image *img, char *err, size_t errlen)
{
    bool ok = true;
    if (!img->read_only)
        ok = img->compressed ? finish_writing(img, &img->cckd[img->cckd_count - 1]) : ckd_flush(img);
    if (!ok && err)
        snprintf(err, errlen, "%s", img->error);
    free_image(img);
    return ok;
}

/* ---- creating volumes ---- */

static bool create_plain_files(const char *path, const struct ckd_geometry *g, uint32_t cylinders, uint32_t per_file,
                               char *err, size_t errlen)
{
    uint32_t files = (cylinders + per_file - 1) / per_file;
    if (files > MAX_PLAIN_FILES) {
        snprintf(err, errlen, "%s: %u files needed, at most %d", path, files, MAX_PLAIN_FILES);
        return false;
    }
    for (uint32_t i = 0; i < files; i++) {
        uint32_t first = i * per_file, count = cylinders - first < per_file ? cylinders - first : per_file;
        bool last = i + 1 == files;
        struct ckd_devhdr h = {CKD_KIND_PLAIN, false, g->heads, ckd_image_track_size(g), ckd_type_byte(g),
                               (uint8_t)(files == 1 ? 0 : i + 1), (uint16_t)(last ? 0 : first + count - 1)};
        uint8_t raw[CKD_DEVHDR_SIZE];
        ckd_devhdr_encode(&h, raw);
        char *name = ckd_multifile_name(path, i);
        int fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        uint64_t size = CKD_DEVHDR_SIZE + (uint64_t)count * g->heads * h.track_size;
        bool ok = fd >= 0 && write_at(fd, raw, sizeof raw, 0) && ftruncate(fd, (off_t)size) == 0;
        if (!ok)
            snprintf(err, errlen, "%s: %s", name, strerror(errno));
        if (fd >= 0)
            close(fd);
        free(name);
        if (!ok)
            return false;
    }
    return true;
}

/* A CCKD image with every L1 entry 0 (all tracks null format 0 until written). */
static bool create_cckd_file(const char *path, const struct ckd_geometry *g, uint32_t cylinders, char *err,
                             size_t errlen)
{
    uint32_t tracks = cylinders * g->heads, l1 = (tracks + CCKD_L2_ENTRIES - 1) / CCKD_L2_ENTRIES;
    struct ckd_devhdr dh = {CKD_KIND_COMPRESSED, false, g->heads, ckd_image_track_size(g), ckd_type_byte(g), 0, 0};
    struct cckd_header h = {.version = {0, 3, 1},
                            .options = CCKD_OPT_NOFUDGE,
                            .l1_entries = l1,
                            .l2_entries = CCKD_L2_ENTRIES,
                            .cylinders = cylinders,
                            .size = CCKD_L1_OFFSET + (uint64_t)l1 * 4,
                            .used = CCKD_L1_OFFSET + (uint64_t)l1 * 4,
                            .compression = CCKD_COMPRESS_ZLIB,
                            .compression_parameter = -1};
    uint8_t raw[CKD_DEVHDR_SIZE + CCKD_HEADER_SIZE] = {0};
    ckd_devhdr_encode(&dh, raw);
    cckd_header_encode(&h, false, raw + CKD_DEVHDR_SIZE);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    bool ok = fd >= 0 && write_at(fd, raw, sizeof raw, 0) && ftruncate(fd, (off_t)h.size) == 0;
    if (!ok)
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    return ok;
}

static bool format_tracks(struct ckd_image *img, const char *volser)
{
    uint8_t *buf = xmalloc(img->track_size);
    bool ok = true;
    for (uint32_t t = 0; ok && t < img->tracks; t++) {
        uint32_t length = t == 0 && volser ? volume_track0(buf, volser) : ckd_null_track(buf, t / img->heads, t % img->heads, 1);
        ok = ckd_write_track(img, t, buf, length);
    }
    free(buf);
    return ok;
}

bool ckd_create(const char *path, const struct ckd_create_options *options, char *err, size_t errlen)
{
    const struct ckd_geometry *g = options->geometry;
    uint32_t cylinders = options->cylinders ? options->cylinders : g->cylinders;
    if (cylinders == 0 || cylinders > MAX_CYLINDERS) {
        snprintf(err, errlen, "%s: %u cylinders: 1 to %d", path, cylinders, MAX_CYLINDERS);
        return false;
    }
    char volser[8] = "";
    if (options->volser) {
        if (!ckd_volser_valid(options->volser)) {
            snprintf(err, errlen, "volser '%s': 1 to 6 printable characters", options->volser);
            return false;
        }
        snprintf(volser, sizeof volser, "%s", options->volser);
        upcase(volser);
    }
    uint32_t per_file = options->cylinders_per_file && !options->compressed ? options->cylinders_per_file : cylinders;
    bool ok = options->compressed ? create_cckd_file(path, g, cylinders, err, errlen)
                                  : create_plain_files(path, g, cylinders, per_file, err, errlen);
    if (!ok || options->tracks_follow)
        return ok;
    struct ckd_image *img = ckd_open(path, NULL, err, errlen);
    if (!img)
        return false;
    ok = format_tracks(img, options->volser ? volser : NULL);
    if (!ok)
        snprintf(err, errlen, "%s", img->error);
    return ckd_close(img, ok ? err : NULL, errlen) && ok;
}
