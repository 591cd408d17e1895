/*
 * tape_image.c - AWS, HET and SimH .tap images (see tape_image.h).  Each format supplies four
 * primitives over file offsets - parse the record after the position, parse the record before it,
 * load a block's stored bytes, write a record at the position - and every tape operation is built on
 * them once.  Each parse checks the framing against the file size and moves strictly forward or
 * backward, so a damaged image ends in an error message, never a crash or an endless loop.
 */
#include "devices/images/tape_image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "common/util.h"

enum record_kind { RECORD_BLOCK, RECORD_TAPEMARK, RECORD_END };

/* One record as found in the file. */
struct record {
    enum record_kind kind;
    uint64_t start, end;   /* offsets of its first byte and of the byte after it */
    uint32_t stored;       /* data bytes in the file (compressed size for HET) */
    uint8_t compression;   /* AWS/HET: COMPRESSED_ZLIB, COMPRESSED_BZIP2 or 0 */
    bool bad;              /* SimH: recorded with an error */
    uint32_t chunk_before; /* AWS/HET: data length of the chunk just before the record */
    uint32_t last_chunk;   /* AWS/HET: data length of the record's last chunk */
};

struct format_ops {
    bool (*next)(struct tape_image *t, struct record *r);     /* the record at the position */
    bool (*previous)(struct tape_image *t, struct record *r); /* the record ending at it (one exists) */
    bool (*load)(struct tape_image *t, const struct record *r); /* a block's stored bytes into t->stored */
    bool (*write)(struct tape_image *t, const uint8_t *data, uint32_t length, bool tapemark, struct record *w);
};

struct tape_image {
    int fd;
    char *path;
    enum tape_format format;
    const struct format_ops *ops;
    bool read_only;
    uint64_t size;         /* the file size: the end of the tape */
    uint64_t pos;          /* the position's file offset */
    uint32_t block;        /* records between load point and the position */
    uint32_t chunk_before; /* AWS/HET: data length of the chunk ending at the position */
    int level;             /* zlib level for writing, 0 for none */
    uint32_t chunk_size;
    uint8_t *stored;       /* the last block read, as stored */
    uint32_t stored_cap;
    uint8_t *expanded;     /* room to decompress into: TAPE_MAX_BLOCK bytes */
    struct record last;    /* the last block read */
    char error[512];
};

static bool fail(struct tape_image *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(struct tape_image *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(t->error, sizeof t->error, "%s: ", t->path);
    if (n > 0 && (size_t)n < sizeof t->error)
        vsnprintf(t->error + n, sizeof t->error - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

/* ---- file access -------------------------------------------------------------------------------- */

static bool read_at(struct tape_image *t, uint64_t offset, void *buf, size_t n)
{
    uint8_t *p = buf;
    while (n > 0) {
        ssize_t got = pread(t->fd, p, n, (off_t)offset);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail(t, "read error at offset %llu: %s", (unsigned long long)offset, strerror(errno));
        if (got == 0)
            return fail(t, "the file ended at offset %llu while being read (changed by another program?)",
                        (unsigned long long)offset);
        p += got;
        n -= (size_t)got;
        offset += (uint64_t)got;
    }
    return true;
}

/* Write n bytes at the position and end the file after them.  On failure the file is cut back to
   the position, so the tape still ends cleanly there. */
static bool write_and_end(struct tape_image *t, const uint8_t *p, size_t n)
{
    uint64_t offset = t->pos;
    size_t left = n;
    while (left > 0) {
        ssize_t put = pwrite(t->fd, p, left, (off_t)offset);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0) {
            int e = put < 0 ? errno : ENOSPC;
            if (ftruncate(t->fd, (off_t)t->pos) == 0)
                t->size = t->pos;
            return fail(t, "write error at offset %llu: %s", (unsigned long long)offset, strerror(e));
        }
        p += put;
        left -= (size_t)put;
        offset += (uint64_t)put;
    }
    if (ftruncate(t->fd, (off_t)offset) != 0)
        return fail(t, "cannot end the file at offset %llu: %s", (unsigned long long)offset, strerror(errno));
    return true;
}

static uint32_t le16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_le32(uint8_t *p, uint32_t v)
{
    put_le16(p, v);
    put_le16(p + 2, v >> 16);
}

/* ---- AWS and HET: blocks as chunks with 6-byte headers (FORMATS.md 3.3, 3.4) -------------------- */

enum {
    CHUNK_HEADER = 6,
    CHUNK_START = 0x80,    /* flags1: first chunk of a block */
    CHUNK_TAPEMARK = 0x40, /* flags1: a tapemark */
    CHUNK_END = 0x20,      /* flags1: last chunk of a block */
    CHUNK_METHOD = 0x03,   /* flags1: HET compression of the whole block */
    COMPRESSED_ZLIB = 0x01,
    COMPRESSED_BZIP2 = 0x02,
    BUSTECH_ZLIB = 0x80,   /* flags2: Bus-Tech's zlib compression */
};

struct chunk {
    uint32_t length, previous;
    uint8_t flags1, flags2;
};

static bool read_chunk(struct tape_image *t, uint64_t offset, struct chunk *c)
{
    uint8_t h[CHUNK_HEADER];
    if (offset > t->size || t->size - offset < CHUNK_HEADER)
        return fail(t, "truncated chunk header at offset %llu", (unsigned long long)offset);
    if (!read_at(t, offset, h, sizeof h))
        return false;
    c->length = le16(h);
    c->previous = le16(h + 2);
    c->flags1 = h[4];
    c->flags2 = h[5];
    if ((c->flags1 & 0x1C) || (c->flags2 & (uint8_t)~BUSTECH_ZLIB))
        return fail(t, "chunk header at offset %llu has unknown flags %02X %02X", (unsigned long long)offset,
                    c->flags1, c->flags2);
    if ((c->flags1 & CHUNK_TAPEMARK) && c->length != 0)
        return fail(t, "tapemark header at offset %llu has a length of %u", (unsigned long long)offset, c->length);
    return true;
}

static uint8_t chunk_compression(const struct chunk *c)
{
    if (c->flags1 & CHUNK_METHOD)
        return c->flags1 & CHUNK_METHOD;
    return (c->flags2 & BUSTECH_ZLIB) ? COMPRESSED_ZLIB : 0;
}

/* Add a chunk's data to a block being parsed; false when the block grows too long. */
static bool count_chunk(struct tape_image *t, struct record *r, const struct chunk *c)
{
    r->stored += c->length;
    if (r->stored > TAPE_MAX_BLOCK)
        return fail(t, "block near offset %llu is longer than %u bytes", (unsigned long long)r->start, TAPE_MAX_BLOCK);
    return true;
}

static bool chunk_next(struct tape_image *t, struct record *r)
{
    memset(r, 0, sizeof *r);
    uint64_t offset = t->pos;
    r->start = r->end = offset;
    if (offset >= t->size) {
        r->kind = RECORD_END;
        return true;
    }
    struct chunk c;
    if (!read_chunk(t, offset, &c))
        return false;
    r->chunk_before = c.previous;
    if (c.flags1 & CHUNK_TAPEMARK) {
        r->kind = RECORD_TAPEMARK;
        r->end = offset + CHUNK_HEADER;
        return true;
    }
    if (!(c.flags1 & CHUNK_START))
        return fail(t, "the chunk at offset %llu does not begin a block (flags %02X)", (unsigned long long)offset,
                    c.flags1);
    r->kind = RECORD_BLOCK;
    r->compression = chunk_compression(&c);
    for (;;) {
        if (c.length > t->size - offset - CHUNK_HEADER)
            return fail(t, "the block at offset %llu runs past the end of the file", (unsigned long long)r->start);
        if (!count_chunk(t, r, &c))
            return false;
        offset += CHUNK_HEADER + c.length;
        if (c.flags1 & CHUNK_END) {
            r->end = offset;
            r->last_chunk = c.length;
            return true;
        }
        if (!read_chunk(t, offset, &c))
            return false;
        if (c.flags1 & (CHUNK_START | CHUNK_TAPEMARK))
            return fail(t, "the block at offset %llu has no end-of-block chunk", (unsigned long long)r->start);
        if (chunk_compression(&c) != r->compression)
            return fail(t, "the block at offset %llu mixes compression methods", (unsigned long long)r->start);
    }
}

/* Walk back from the position: each chunk header's length must match the previous-length field of
   the header after it (the chain AWS keeps for backspacing). */
static bool chunk_previous(struct tape_image *t, struct record *r)
{
    memset(r, 0, sizeof *r);
    r->end = t->pos;
    uint64_t end = t->pos;
    uint32_t length = t->chunk_before;
    for (bool last = true;; last = false) {
        if (end < CHUNK_HEADER + (uint64_t)length)
            return fail(t, "no chunk header fits before offset %llu: the previous-length chain is broken",
                        (unsigned long long)end);
        uint64_t offset = end - CHUNK_HEADER - length;
        r->start = offset;
        struct chunk c;
        if (!read_chunk(t, offset, &c))
            return false;
        if (c.length != length)
            return fail(t, "the chunk at offset %llu has length %u but the header after it says %u",
                        (unsigned long long)offset, c.length, length);
        if (c.flags1 & CHUNK_TAPEMARK) {
            if (!last)
                return fail(t, "the block ending at offset %llu has no start-of-block chunk",
                            (unsigned long long)r->end);
            r->kind = RECORD_TAPEMARK;
            r->chunk_before = c.previous;
            return true;
        }
        if (last != ((c.flags1 & CHUNK_END) != 0))
            return fail(t, "the block ending at offset %llu has misplaced end-of-block flags",
                        (unsigned long long)r->end);
        if (last) {
            r->compression = chunk_compression(&c);
            r->last_chunk = c.length;
        } else if (chunk_compression(&c) != r->compression) {
            return fail(t, "the block ending at offset %llu mixes compression methods", (unsigned long long)r->end);
        }
        if (!count_chunk(t, r, &c))
            return false;
        if (c.flags1 & CHUNK_START) {
            r->kind = RECORD_BLOCK;
            r->chunk_before = c.previous;
            return true;
        }
        end = offset;
        length = c.previous;
    }
}

static bool chunk_load(struct tape_image *t, const struct record *r)
{
    uint32_t got = 0;
    for (uint64_t offset = r->start; offset < r->end;) {
        struct chunk c;
        if (!read_chunk(t, offset, &c))
            return false;
        if (c.length > r->stored - got)
            return fail(t, "the block at offset %llu changed while being read", (unsigned long long)r->start);
        if (!read_at(t, offset + CHUNK_HEADER, t->stored + got, c.length))
            return false;
        got += c.length;
        offset += CHUNK_HEADER + c.length;
    }
    return true;
}

/* HET compresses a block only when that makes it shorter (FORMATS.md 3.4). */
static uint8_t *compress_block(struct tape_image *t, const uint8_t *data, uint32_t length, uint32_t *out)
{
    if (t->level == 0 || length == 0)
        return NULL;
    uLongf n = compressBound(length);
    uint8_t *z = xmalloc(n);
    if (compress2(z, &n, data, length, t->level) != Z_OK || n >= length) {
        free(z);
        return NULL;
    }
    *out = (uint32_t)n;
    return z;
}

static bool chunk_write(struct tape_image *t, const uint8_t *data, uint32_t length, bool tapemark, struct record *w)
{
    uint32_t stored = length;
    uint8_t *compressed = tapemark ? NULL : compress_block(t, data, length, &stored);
    const uint8_t *payload = compressed ? compressed : data;
    uint32_t chunks = stored == 0 ? 1 : (stored + t->chunk_size - 1) / t->chunk_size;
    size_t total = (size_t)stored + (size_t)chunks * CHUNK_HEADER;
    uint8_t *out = xmalloc(total);
    uint8_t *p = out;
    uint32_t previous = t->chunk_before, done = 0;
    for (uint32_t i = 0; i < chunks; i++) {
        uint32_t n = stored - done < t->chunk_size ? stored - done : t->chunk_size;
        put_le16(p, n);
        put_le16(p + 2, previous);
        p[4] = tapemark ? CHUNK_TAPEMARK
                        : (uint8_t)((i == 0 ? CHUNK_START : 0) | (i + 1 == chunks ? CHUNK_END : 0) |
                                    (compressed ? COMPRESSED_ZLIB : 0));
        p[5] = 0;
        if (n > 0)
            memcpy(p + CHUNK_HEADER, payload + done, n);
        p += CHUNK_HEADER + n;
        done += n;
        previous = n;
    }
    bool ok = write_and_end(t, out, total);
    free(out);
    free(compressed);
    w->end = t->pos + total;
    w->last_chunk = previous;
    return ok;
}

static const struct format_ops chunk_ops = {chunk_next, chunk_previous, chunk_load, chunk_write};

/* ---- SimH .tap: length-framed records (open-simh docs/simdocs/simh_magtape.md) ----------------- */

enum {
    TAP_WORD = 4,
    TAP_TAPEMARK = 0x00000000u,
    TAP_GAP = 0xFFFFFFFEu,           /* erase gap: skipped in either direction */
    TAP_END_OF_MEDIUM = 0xFFFFFFFFu,
    TAP_BAD_CLASS = 0x8,             /* class 8 (bit 31): the record was recorded with an error */
    TAP_LENGTH = 0x00FFFFFFu,
};

static uint64_t tap_padded(uint32_t length)
{
    return ((uint64_t)length + 1) & ~(uint64_t)1; /* data is padded to an even number of bytes */
}

static bool tap_word_at(struct tape_image *t, uint64_t offset, uint32_t *word)
{
    uint8_t b[TAP_WORD];
    if (!read_at(t, offset, b, sizeof b))
        return false;
    *word = le32(b);
    return true;
}

/* A record length word: class 0 (good) or 8 (bad data), a nonzero 24-bit length. */
static bool tap_record_length(struct tape_image *t, uint32_t word, uint64_t offset, struct record *r)
{
    if ((word >> 24) == 0xFF)
        return fail(t, "unsupported SimH marker %08X at offset %llu", word, (unsigned long long)offset);
    uint32_t class = word >> 28;
    if ((class != 0 && class != TAP_BAD_CLASS) || (word & 0x0F000000))
        return fail(t, "unsupported SimH record class in length word %08X at offset %llu", word,
                    (unsigned long long)offset);
    r->stored = word & TAP_LENGTH;
    r->bad = class == TAP_BAD_CLASS;
    if (r->stored == 0)
        return fail(t, "SimH record of length 0 at offset %llu", (unsigned long long)offset);
    if (r->stored > TAPE_MAX_BLOCK)
        return fail(t, "the block at offset %llu is longer than %u bytes", (unsigned long long)offset, TAPE_MAX_BLOCK);
    return true;
}

static bool tap_next(struct tape_image *t, struct record *r)
{
    memset(r, 0, sizeof *r);
    for (uint64_t offset = t->pos;; offset += TAP_WORD) {
        r->start = r->end = offset;
        uint32_t word = TAP_END_OF_MEDIUM;
        if (offset < t->size && t->size - offset < TAP_WORD)
            return fail(t, "truncated length word at offset %llu", (unsigned long long)offset);
        if (offset < t->size && !tap_word_at(t, offset, &word))
            return false;
        if (word == TAP_GAP)
            continue;
        if (word == TAP_END_OF_MEDIUM) {
            r->kind = RECORD_END;
            return true;
        }
        if (word == TAP_TAPEMARK) {
            r->kind = RECORD_TAPEMARK;
            r->end = offset + TAP_WORD;
            return true;
        }
        if (!tap_record_length(t, word, offset, r))
            return false;
        uint64_t span = 2 * TAP_WORD + tap_padded(r->stored);
        uint32_t trailing;
        if (span > t->size - offset)
            return fail(t, "the record at offset %llu runs past the end of the file", (unsigned long long)offset);
        if (!tap_word_at(t, offset + span - TAP_WORD, &trailing))
            return false;
        if (trailing != word)
            return fail(t, "the record at offset %llu ends with length %08X instead of %08X",
                        (unsigned long long)offset, trailing, word);
        r->kind = RECORD_BLOCK;
        r->end = offset + span;
        return true;
    }
}

static bool tap_previous(struct tape_image *t, struct record *r)
{
    memset(r, 0, sizeof *r);
    for (uint64_t end = t->pos;; end -= TAP_WORD) {
        uint32_t word;
        if (end < TAP_WORD)
            return fail(t, "no record before offset %llu", (unsigned long long)end);
        if (!tap_word_at(t, end - TAP_WORD, &word))
            return false;
        if (word == TAP_GAP)
            continue;
        r->end = end;
        if (word == TAP_TAPEMARK) {
            r->kind = RECORD_TAPEMARK;
            r->start = end - TAP_WORD;
            return true;
        }
        if (!tap_record_length(t, word, end - TAP_WORD, r))
            return false;
        uint64_t span = 2 * TAP_WORD + tap_padded(r->stored);
        uint32_t leading;
        if (span > end)
            return fail(t, "the record ending at offset %llu starts before the file", (unsigned long long)end);
        if (!tap_word_at(t, end - span, &leading))
            return false;
        if (leading != word)
            return fail(t, "the record ending at offset %llu starts with length %08X instead of %08X",
                        (unsigned long long)end, leading, word);
        r->kind = RECORD_BLOCK;
        r->start = end - span;
        return true;
    }
}

static bool tap_load(struct tape_image *t, const struct record *r)
{
    return read_at(t, r->start + TAP_WORD, t->stored, r->stored);
}

static bool tap_write(struct tape_image *t, const uint8_t *data, uint32_t length, bool tapemark, struct record *w)
{
    if (!tapemark && length == 0)
        return fail(t, "a SimH tape cannot hold an empty block (its length word would be a tapemark)");
    size_t total = tapemark ? TAP_WORD : 2 * TAP_WORD + (size_t)tap_padded(length);
    uint8_t *out = xcalloc(1, total);
    if (!tapemark) {
        put_le32(out, length);
        memcpy(out + TAP_WORD, data, length);
        put_le32(out + total - TAP_WORD, length);
    }
    bool ok = write_and_end(t, out, total);
    free(out);
    w->end = t->pos + total;
    return ok;
}

static const struct format_ops tap_ops = {tap_next, tap_previous, tap_load, tap_write};

/* ---- formats and names -------------------------------------------------------------------------- */

static const char *const format_names[] = {[TAPE_AWS] = "aws", [TAPE_HET] = "het", [TAPE_TAP] = "tap"};

const char *tape_format_name(enum tape_format format)
{
    return format_names[format];
}

bool tape_format_parse(const char *name, enum tape_format *format)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcasecmp_ascii(name, format_names[i]) == 0) {
            *format = (enum tape_format)i;
            return true;
        }
    return false;
}

static const char *extension_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    return dot ? dot + 1 : "";
}

bool tape_format_from_name(const char *path, enum tape_format *format)
{
    return tape_format_parse(extension_of(path), format);
}

static void use_format(struct tape_image *t, enum tape_format format)
{
    t->format = format;
    t->ops = format == TAPE_TAP ? &tap_ops : &chunk_ops;
    t->level = format == TAPE_HET ? TAPE_DEFAULT_LEVEL : 0;
}

/* No telling extension: a first chunk with previous length 0 is AWS (HET when its block is
   compressed, FORMATS.md 3.4); else a well-framed first SimH record; else it is no tape. */
static bool detect_format(struct tape_image *t)
{
    if (t->size == 0) {
        use_format(t, TAPE_AWS);
        return true;
    }
    struct record r;
    if (chunk_next(t, &r) && r.chunk_before == 0) {
        use_format(t, r.compression ? TAPE_HET : TAPE_AWS);
        return true;
    }
    if (tap_next(t, &r)) {
        use_format(t, TAPE_TAP);
        return true;
    }
    return fail(t, "not an AWS, HET or SimH tape image");
}

static struct tape_image *new_image(int fd, const char *path, bool read_only, uint64_t size)
{
    struct tape_image *t = xcalloc(1, sizeof *t);
    t->fd = fd;
    t->path = xstrdup(path);
    t->read_only = read_only;
    t->size = size;
    t->chunk_size = TAPE_MAX_CHUNK;
    return t;
}

static struct tape_image *open_failed(struct tape_image *t, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s", t->error);
    tape_close(t);
    return NULL;
}

struct tape_image *tape_open(const char *path, bool read_only, char *err, size_t errlen)
{
    const char *ext = extension_of(path);
    if (strcasecmp_ascii(ext, "fkt") == 0 || strcasecmp_ascii(ext, "tdf") == 0) {
        snprintf(err, errlen, "%s: FakeTape and OMA tapes are not supported (AWS, HET and SimH .tap are)", path);
        return NULL;
    }
    int fd = open(path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: %s", path, fd < 0 ? strerror(errno) : "not a regular file");
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    struct tape_image *t = new_image(fd, path, read_only, (uint64_t)st.st_size);
    enum tape_format format;
    if (tape_format_from_name(path, &format))
        use_format(t, format);
    else if (!detect_format(t))
        return open_failed(t, err, errlen);
    return t;
}

struct tape_image *tape_create(const char *path, enum tape_format format, char *err, size_t errlen)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    struct tape_image *t = new_image(fd, path, false, 0);
    use_format(t, format);
    return t;
}

void tape_close(struct tape_image *t)
{
    if (!t)
        return;
    close(t->fd);
    free(t->path);
    free(t->stored);
    free(t->expanded);
    free(t);
}

bool tape_set_compression(struct tape_image *t, int level)
{
    if (t->format != TAPE_HET || level < 0 || level > 9)
        return false;
    t->level = level;
    return true;
}

bool tape_set_chunk_size(struct tape_image *t, uint32_t size)
{
    if (t->format == TAPE_TAP || size < TAPE_MIN_CHUNK || size > TAPE_MAX_CHUNK)
        return false;
    t->chunk_size = size;
    return true;
}

/* ---- the operations ----------------------------------------------------------------------------- */

static void move_forward(struct tape_image *t, const struct record *r)
{
    t->pos = r->end;
    t->chunk_before = r->last_chunk;
    t->block++;
}

static void move_backward(struct tape_image *t, const struct record *r)
{
    t->pos = r->start;
    t->chunk_before = r->chunk_before;
    t->block--;
}

static bool expand(struct tape_image *t, const struct record *r, const uint8_t **data, uint32_t *length)
{
    switch (r->compression) {
    case 0:
        *data = t->stored;
        *length = r->stored;
        return true;
    case COMPRESSED_ZLIB: {
        if (!t->expanded)
            t->expanded = xmalloc(TAPE_MAX_BLOCK);
        uLongf n = TAPE_MAX_BLOCK;
        int rc = uncompress(t->expanded, &n, t->stored, r->stored);
        if (rc != Z_OK)
            return fail(t, "the zlib-compressed block at offset %llu cannot be expanded (%s)",
                        (unsigned long long)r->start, rc == Z_BUF_ERROR ? "longer than 2 MB or truncated" : zError(rc));
        *data = t->expanded;
        *length = (uint32_t)n;
        return true;
    }
    case COMPRESSED_BZIP2:
        return fail(t, "the block at offset %llu is bzip2-compressed, which s370 does not read "
                       "(Hercules' hetupd -d can expand the tape)", (unsigned long long)r->start);
    default:
        return fail(t, "the block at offset %llu has an unknown compression method", (unsigned long long)r->start);
    }
}

/* The record at the position is a block: its bytes, expanded. */
static bool load_block(struct tape_image *t, const struct record *r, const uint8_t **data, uint32_t *length)
{
    if (r->stored > t->stored_cap) {
        t->stored = xrealloc(t->stored, r->stored);
        t->stored_cap = r->stored;
    }
    if (!t->ops->load(t, r) || !expand(t, r, data, length))
        return false;
    t->last = *r;
    return true;
}

static enum tape_result read_record(struct tape_image *t, const struct record *r, const uint8_t **data,
                                    uint32_t *length)
{
    *data = NULL;
    *length = 0;
    if (r->kind == RECORD_TAPEMARK)
        return TAPE_TAPEMARK;
    return load_block(t, r, data, length) ? TAPE_OK : TAPE_FAILED;
}

enum tape_result tape_read_block(struct tape_image *t, const uint8_t **data, uint32_t *length)
{
    struct record r;
    if (!t->ops->next(t, &r))
        return TAPE_FAILED;
    if (r.kind == RECORD_END)
        return TAPE_END_OF_DATA;
    enum tape_result result = read_record(t, &r, data, length);
    if (result != TAPE_FAILED)
        move_forward(t, &r);
    return result;
}

enum tape_result tape_read_block_backward(struct tape_image *t, const uint8_t **data, uint32_t *length)
{
    struct record r;
    if (t->block == 0)
        return TAPE_LOAD_POINT;
    if (!t->ops->previous(t, &r))
        return TAPE_FAILED;
    enum tape_result result = read_record(t, &r, data, length);
    if (result != TAPE_FAILED)
        move_backward(t, &r);
    return result;
}

enum tape_result tape_space_block(struct tape_image *t)
{
    struct record r;
    if (!t->ops->next(t, &r))
        return TAPE_FAILED;
    if (r.kind == RECORD_END)
        return TAPE_END_OF_DATA;
    move_forward(t, &r);
    return r.kind == RECORD_TAPEMARK ? TAPE_TAPEMARK : TAPE_OK;
}

enum tape_result tape_backspace_block(struct tape_image *t)
{
    struct record r;
    if (t->block == 0)
        return TAPE_LOAD_POINT;
    if (!t->ops->previous(t, &r))
        return TAPE_FAILED;
    move_backward(t, &r);
    return r.kind == RECORD_TAPEMARK ? TAPE_TAPEMARK : TAPE_OK;
}

/* Space records one at a time until a tapemark or anything but a block; every step moves the
   position, so this ends at the ends of the file. */
static enum tape_result space_to_tapemark(struct tape_image *t, enum tape_result (*step)(struct tape_image *),
                                          uint32_t *moved)
{
    *moved = 0;
    for (;;) {
        enum tape_result result = step(t);
        if (result == TAPE_OK || result == TAPE_TAPEMARK)
            (*moved)++;
        if (result != TAPE_OK)
            return result;
    }
}

enum tape_result tape_space_file(struct tape_image *t, uint32_t *moved)
{
    return space_to_tapemark(t, tape_space_block, moved);
}

enum tape_result tape_backspace_file(struct tape_image *t, uint32_t *moved)
{
    return space_to_tapemark(t, tape_backspace_block, moved);
}

static bool writable(struct tape_image *t)
{
    return !t->read_only || fail(t, "the image is read-only");
}

static enum tape_result write_record(struct tape_image *t, const uint8_t *data, uint32_t length, bool tapemark)
{
    struct record w = {0};
    if (!writable(t))
        return TAPE_FAILED;
    if (length > TAPE_MAX_BLOCK) {
        fail(t, "a block of %u bytes is longer than %u", length, TAPE_MAX_BLOCK);
        return TAPE_FAILED;
    }
    if (!t->ops->write(t, data, length, tapemark, &w))
        return TAPE_FAILED;
    t->pos = t->size = w.end;
    t->chunk_before = w.last_chunk;
    t->block++;
    return TAPE_OK;
}

enum tape_result tape_write_block(struct tape_image *t, const uint8_t *data, uint32_t length)
{
    return write_record(t, data, length, false);
}

enum tape_result tape_write_tapemark(struct tape_image *t)
{
    return write_record(t, NULL, 0, true);
}

enum tape_result tape_erase_to_end(struct tape_image *t)
{
    if (!writable(t))
        return TAPE_FAILED;
    if (ftruncate(t->fd, (off_t)t->pos) != 0) {
        fail(t, "cannot end the file at offset %llu: %s", (unsigned long long)t->pos, strerror(errno));
        return TAPE_FAILED;
    }
    t->size = t->pos;
    return TAPE_OK;
}

void tape_rewind(struct tape_image *t)
{
    t->pos = 0;
    t->chunk_before = 0;
    t->block = 0;
}

/* ---- queries ------------------------------------------------------------------------------------ */

uint32_t tape_block_number(const struct tape_image *t)
{
    return t->block;
}

bool tape_at_load_point(const struct tape_image *t)
{
    return t->block == 0;
}

bool tape_at_end(struct tape_image *t)
{
    struct record r;
    return t->ops->next(t, &r) && r.kind == RECORD_END;
}

uint32_t tape_stored_length(const struct tape_image *t)
{
    return t->last.stored;
}

const char *tape_compression(const struct tape_image *t)
{
    return t->last.compression == COMPRESSED_ZLIB ? "zlib" : NULL;
}

bool tape_block_bad(const struct tape_image *t)
{
    return t->last.bad;
}

enum tape_format tape_image_format(const struct tape_image *t)
{
    return t->format;
}

bool tape_read_only(const struct tape_image *t)
{
    return t->read_only;
}

const char *tape_path(const struct tape_image *t)
{
    return t->path;
}

const char *tape_error(const struct tape_image *t)
{
    return t->error;
}
