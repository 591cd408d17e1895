/*
 * check.c - `dasd370 check [-r] FILE`: check a CCKD image (or one shadow file) against its own tables,
 * like Hercules' cckdcdsk at level 3: the headers, every L1 and L2 entry (inside the file, no two
 * extents overlapping), every stored track image (it expands to a well-formed image of its track),
 * and the free space and statistics the header records.  With -r: entries that point outside the
 * file, overlap or lead to damaged images are dropped (the track reads as a null track, or from the
 * file below for a shadow), then the free space is rebuilt and the header marked cleanly closed.
 * An uncompressed image is checked by reading every track.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/util.h"
#include "devices/images/ckd_image.h"
#include "tools/dasd370/dasd370.h"

struct used_extent {
    uint64_t offset, length;
    uint32_t owner; /* track number, or L1 index for a table */
    bool table;
};

struct checker {
    const char *path;
    int fd;
    bool repair, wide, big, shadow;
    uint64_t size;
    struct ckd_devhdr devhdr;
    struct cckd_header header;
    uint64_t *l1;
    struct cckd_l2_entry **l2;
    uint32_t tracks, track_size, images;
    unsigned problems, dropped;
    struct used_extent *used;
    size_t used_count, used_cap;
};

static void vreport(struct checker *c, const char *fmt, va_list ap)
{
    printf("%s: ", c->path);
    vprintf(fmt, ap);
    putchar('\n');
}

__attribute__((format(printf, 2, 3))) static void report(struct checker *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(c, fmt, ap);
    va_end(ap);
}

__attribute__((format(printf, 2, 3))) static void problem(struct checker *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(c, fmt, ap);
    va_end(ap);
    c->problems++;
}

static uint64_t tables_start(const struct checker *c)
{
    return CCKD_L1_OFFSET + (uint64_t)c->header.l1_entries * cckd_l1_entry_size(c->wide);
}

static uint64_t l2_table_bytes(const struct checker *c)
{
    return CCKD_L2_ENTRIES * cckd_l2_entry_size(c->wide);
}

static bool is_image(uint64_t offset)
{
    return offset != 0 && offset != CCKD_NOT_HERE;
}

static bool read_headers(struct checker *c)
{
    uint8_t devhdr[CKD_DEVHDR_SIZE], header[CCKD_HEADER_SIZE];
    struct stat st;
    if (fstat(c->fd, &st) != 0 || pread(c->fd, devhdr, sizeof devhdr, 0) != (ssize_t)sizeof devhdr ||
        !ckd_devhdr_decode(devhdr, &c->devhdr)) {
        problem(c, "no CKD device header: not an image file");
        return false;
    }
    c->size = (uint64_t)st.st_size;
    c->wide = c->devhdr.wide;
    c->shadow = c->devhdr.kind == CKD_KIND_SHADOW;
    if (pread(c->fd, header, sizeof header, CKD_DEVHDR_SIZE) != (ssize_t)sizeof header) {
        problem(c, "no CCKD header: the file is truncated");
        return false;
    }
    cckd_header_decode(header, c->wide, &c->header);
    c->big = c->header.options & CCKD_OPT_BIGENDIAN;
    uint64_t tracks = (uint64_t)c->header.cylinders * c->devhdr.heads;
    c->track_size = c->devhdr.track_size;
    if (c->header.l2_entries != CCKD_L2_ENTRIES || tracks == 0 || tracks > UINT32_MAX ||
        c->header.l1_entries < (tracks + 255) / 256 || tables_start(c) > c->size || c->track_size < 64 ||
        c->track_size > 128 * 1024) {
        problem(c, "CCKD header is damaged (%u cylinders, %u heads, %u L1 entries, %u L2 entries, file of %llu bytes);"
                   " it cannot be repaired",
                c->header.cylinders, c->devhdr.heads, c->header.l1_entries, c->header.l2_entries,
                (unsigned long long)c->size);
        return false;
    }
    c->tracks = (uint32_t)tracks;
    return true;
}

static void write_l1_entry(struct checker *c, uint32_t l1x)
{
    uint8_t raw[8];
    size_t n = cckd_l1_entry_size(c->wide);
    cckd_l1_encode(c->l1[l1x], c->wide, c->big, raw);
    if (pwrite(c->fd, raw, n, CCKD_L1_OFFSET + (uint64_t)l1x * n) != (ssize_t)n)
        problem(c, "cannot write L1 entry %u: %s", l1x, strerror(errno));
}

static void write_l2_entry(struct checker *c, uint32_t track)
{
    uint32_t l1x = track / CCKD_L2_ENTRIES, l2x = track % CCKD_L2_ENTRIES;
    uint8_t raw[16];
    size_t n = cckd_l2_entry_size(c->wide);
    cckd_l2_encode(&c->l2[l1x][l2x], c->wide, c->big, raw);
    if (pwrite(c->fd, raw, n, c->l1[l1x] + (uint64_t)l2x * n) != (ssize_t)n)
        problem(c, "cannot write the L2 entry of track %u: %s", track, strerror(errno));
}

/* A dropped table or entry means "null tracks" in a base image, "look lower" in a shadow. */
static void drop_table(struct checker *c, uint32_t l1x)
{
    free(c->l2[l1x]);
    c->l2[l1x] = NULL;
    c->l1[l1x] = c->shadow ? CCKD_NOT_HERE : 0;
    c->dropped++;
    if (c->repair)
        write_l1_entry(c, l1x);
}

static void drop_entry(struct checker *c, uint32_t track)
{
    struct cckd_l2_entry *e = &c->l2[track / CCKD_L2_ENTRIES][track % CCKD_L2_ENTRIES];
    *e = c->shadow ? (struct cckd_l2_entry){CCKD_NOT_HERE, UINT16_MAX, UINT16_MAX} : (struct cckd_l2_entry){0, 0, 0};
    c->dropped++;
    if (c->repair)
        write_l2_entry(c, track);
}

static bool load_table(struct checker *c, uint32_t l1x)
{
    size_t esize = cckd_l2_entry_size(c->wide);
    uint8_t *raw = xmalloc(l2_table_bytes(c));
    bool ok = pread(c->fd, raw, l2_table_bytes(c), (off_t)c->l1[l1x]) == (ssize_t)l2_table_bytes(c);
    if (ok) {
        c->l2[l1x] = xcalloc(CCKD_L2_ENTRIES, sizeof **c->l2);
        for (unsigned i = 0; i < CCKD_L2_ENTRIES; i++)
            cckd_l2_decode(raw + i * esize, c->wide, c->big, &c->l2[l1x][i]);
    }
    free(raw);
    return ok;
}

static void check_l1(struct checker *c)
{
    size_t n = cckd_l1_entry_size(c->wide);
    uint8_t *raw = xmalloc(c->header.l1_entries * n);
    c->l1 = xcalloc(c->header.l1_entries, sizeof *c->l1);
    c->l2 = xcalloc(c->header.l1_entries, sizeof *c->l2);
    if (pread(c->fd, raw, c->header.l1_entries * n, CCKD_L1_OFFSET) != (ssize_t)(c->header.l1_entries * n))
        problem(c, "the L1 table is truncated");
    for (uint32_t i = 0; i < c->header.l1_entries; i++)
        c->l1[i] = cckd_l1_decode(raw + i * n, c->wide, c->big);
    free(raw);
    for (uint32_t i = 0; i < c->header.l1_entries; i++) {
        if (!is_image(c->l1[i]))
            continue;
        if (c->l1[i] < tables_start(c) || c->l1[i] + l2_table_bytes(c) > c->size || !load_table(c, i)) {
            problem(c, "L1 entry %u (offset %llu) points outside the file: tracks %u-%u lost", i,
                    (unsigned long long)c->l1[i], i * CCKD_L2_ENTRIES, i * CCKD_L2_ENTRIES + CCKD_L2_ENTRIES - 1);
            drop_table(c, i);
        }
    }
}

/* The image expands to a well-formed image of its own track. */
static bool image_intact(struct checker *c, uint32_t track, const struct cckd_l2_entry *e, char *why, size_t n)
{
    uint8_t *stored = xmalloc(e->length), *out = xmalloc(c->track_size);
    bool ok = pread(c->fd, stored, e->length, (off_t)e->offset) == (ssize_t)e->length;
    if (!ok)
        snprintf(why, n, "cannot be read");
    uint32_t length = ok ? cckd_expand(stored, e->length, out, c->track_size, why, n) : 0;
    uint32_t heads = c->devhdr.heads;
    ok = length && ckd_track_valid(out, length, track / heads, track % heads);
    if (length && !ok)
        snprintf(why, n, "is not a well-formed image of cylinder %u head %u", track / heads, track % heads);
    free(stored);
    free(out);
    return ok;
}

static void check_entry(struct checker *c, uint32_t track, const struct cckd_l2_entry *e)
{
    char why[200];
    if (e->offset == 0 && e->length > 2) {
        problem(c, "track %u: null track of unknown format %u", track, e->length);
        drop_entry(c, track);
    } else if (!is_image(e->offset)) {
        return;
    } else if (e->offset < tables_start(c) || e->length < 5 || e->size < e->length ||
               e->offset + e->size > c->size) {
        problem(c, "track %u: L2 entry (offset %llu, length %u, size %u) points outside the file or is malformed",
                track, (unsigned long long)e->offset, e->length, e->size);
        drop_entry(c, track);
    } else if (!image_intact(c, track, e, why, sizeof why)) {
        problem(c, "track %u: stored image at offset %llu (%u bytes) %s", track, (unsigned long long)e->offset,
                e->length, why);
        drop_entry(c, track);
    } else {
        c->images++;
    }
}

static void check_l2_entries(struct checker *c)
{
    for (uint32_t l1x = 0; l1x < c->header.l1_entries; l1x++)
        for (uint32_t i = 0; c->l2[l1x] && i < CCKD_L2_ENTRIES; i++) {
            uint32_t track = l1x * CCKD_L2_ENTRIES + i;
            if (track >= c->tracks) {
                if (is_image(c->l2[l1x][i].offset))
                    report(c, "note: L2 entry of track %u, beyond the volume's %u tracks, is ignored", track,
                           c->tracks);
                continue;
            }
            check_entry(c, track, &c->l2[l1x][i]);
        }
}

static void add_used(struct checker *c, uint64_t offset, uint64_t length, uint32_t owner, bool table)
{
    struct used_extent *u = ARRAY_PUSH(c->used, c->used_count, c->used_cap);
    *u = (struct used_extent){offset, length, owner, table};
}

static int used_compare(const void *a, const void *b)
{
    const struct used_extent *x = a, *y = b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static void collect_used(struct checker *c)
{
    c->used_count = 0;
    add_used(c, 0, tables_start(c), 0, true);
    for (uint32_t l1x = 0; l1x < c->header.l1_entries; l1x++) {
        if (!c->l2[l1x])
            continue;
        add_used(c, c->l1[l1x], l2_table_bytes(c), l1x, true);
        for (uint32_t i = 0; i < CCKD_L2_ENTRIES && l1x * CCKD_L2_ENTRIES + i < c->tracks; i++)
            if (is_image(c->l2[l1x][i].offset))
                add_used(c, c->l2[l1x][i].offset, c->l2[l1x][i].size, l1x * CCKD_L2_ENTRIES + i, false);
    }
    qsort(c->used, c->used_count, sizeof *c->used, used_compare);
}

/* Of two overlapping extents, a track image gives way to a table, else the later one goes. */
static bool drop_one_overlap(struct checker *c)
{
    collect_used(c);
    uint64_t end = 0;
    const struct used_extent *holder = NULL;
    for (size_t i = 0; i < c->used_count; i++) {
        const struct used_extent *u = &c->used[i];
        if (holder && u->offset < end) {
            const struct used_extent *loser = u->table && !holder->table ? holder : u;
            problem(c, "%s %u overlaps %s %u at offset %llu", holder->table ? "L2 table" : "track", holder->owner,
                    u->table ? "L2 table" : "track", u->owner, (unsigned long long)u->offset);
            if (loser->table)
                drop_table(c, loser->owner);
            else
                drop_entry(c, loser->owner);
            return true;
        }
        if (u->offset + u->length > end) {
            end = u->offset + u->length;
            holder = u;
        }
    }
    return false;
}

static void check_overlaps(struct checker *c)
{
    while (drop_one_overlap(c))
        ;
}

/* The free space the tables leave: every gap, up to the end of the file. */
struct space {
    uint64_t total, largest, count;
};

static struct space free_space_of_tables(const struct checker *c, uint64_t end)
{
    struct space s = {0};
    uint64_t at = 0;
    for (size_t i = 0; i <= c->used_count; i++) {
        uint64_t next = i < c->used_count ? c->used[i].offset : end;
        if (next > at) {
            s.total += next - at, s.count++;
            if (next - at > s.largest)
                s.largest = next - at;
        }
        if (i < c->used_count && c->used[i].offset + c->used[i].length > at)
            at = c->used[i].offset + c->used[i].length;
    }
    return s;
}

/* The free space list stored at free_offset, new format (FREE_BLK array) or old (a chain). */
static bool stored_free_space(struct checker *c, struct space *s)
{
    *s = (struct space){0};
    uint64_t at = c->header.free_offset;
    if (!at)
        return c->header.free_count == 0;
    size_t half = c->wide ? 8 : 4;
    uint8_t tag[8], pair[16];
    if (pread(c->fd, tag, sizeof tag, (off_t)at) != (ssize_t)sizeof tag)
        return false;
    bool new_format = memcmp(tag, "FREE_BLK", 8) == 0;
    uint64_t where = new_format ? at + 8 : at;
    for (uint64_t i = 0; i < c->header.free_count; i++) {
        if (pread(c->fd, pair, 2 * half, (off_t)where) != (ssize_t)(2 * half))
            return false;
        /* new format: {offset, length} pairs in a row; old: at each block {next block, length} */
        uint64_t first = cckd_l1_decode(pair, c->wide, c->big), length = cckd_l1_decode(pair + half, c->wide, c->big);
        s->total += length, s->count++;
        if (length > s->largest)
            s->largest = length;
        where = new_format ? where + 2 * half : first;
        if (!new_format && !first && i + 1 < c->header.free_count)
            return false;
    }
    return true;
}

/*
 * Hyperion may append the free space list after the end of the space it records (the header's size),
 * to be cut off when the image is next opened: that tail is not free space.
 */
static uint64_t end_of_space(const struct checker *c)
{
    const struct cckd_header *h = &c->header;
    bool appended_list = h->free_offset && h->free_offset >= h->size && h->size < c->size;
    return appended_list ? h->size : c->size;
}

static void check_space(struct checker *c)
{
    uint64_t end = end_of_space(c);
    struct space tables = free_space_of_tables(c, end), stored;
    bool readable = stored_free_space(c, &stored);
    const struct cckd_header *h = &c->header;
    bool matches = readable && h->size == end && h->free_total == tables.total &&
                   h->free_count == tables.count && h->free_largest == tables.largest &&
                   h->used == end - tables.total && stored.total == tables.total && stored.count == tables.count;
    report(c, "%u cylinders, %u tracks, %u stored track images, %llu free bytes in %llu blocks",
           h->cylinders, c->tracks, c->images, (unsigned long long)tables.total, (unsigned long long)tables.count);
    if (h->options & CCKD_OPT_OPEN) {
        report(c, "note: not closed cleanly (open bit set): the header's free space is stale;"
                  " opening the image read/write or check -r rebuilds it");
        return;
    }
    if (!matches)
        problem(c, "free space accounting is wrong: header says size %llu, %llu free bytes in %llu blocks, largest %llu,"
                   " used %llu (stored list %s: %llu bytes in %llu blocks); the tables leave %llu bytes in %llu"
                   " blocks, largest %llu, in a file of %llu bytes",
                (unsigned long long)h->size, (unsigned long long)h->free_total, (unsigned long long)h->free_count,
                (unsigned long long)h->free_largest, (unsigned long long)h->used, readable ? "readable" : "damaged",
                (unsigned long long)stored.total, (unsigned long long)stored.count, (unsigned long long)tables.total,
                (unsigned long long)tables.count, (unsigned long long)tables.largest, (unsigned long long)c->size);
}

static int finish(struct checker *c)
{
    bool rebuild = c->repair && (c->problems || (c->header.options & (CCKD_OPT_OPEN | CCKD_OPT_OPENED_RW)));
    if (rebuild) {
        char err[512];
        if (fsync(c->fd) != 0 || !cckd_rebuild_free_space(c->path, err, sizeof err))
            return dasd_complain(EXIT_DAMAGED, "%s: repair failed: %s", c->path, err);
        report(c, "repaired: %u damaged entries dropped, free space rebuilt, header marked closed", c->dropped);
        return 0;
    }
    if (c->problems) {
        report(c, "%u problems found%s", c->problems, c->repair ? "" : "; `dasd370 check -r` repairs them");
        return EXIT_DAMAGED;
    }
    report(c, "no problems found");
    return 0;
}

static int check_cckd(const char *path, bool repair)
{
    struct checker c = {.path = path, .repair = repair};
    c.fd = open(path, repair ? O_RDWR : O_RDONLY);
    if (c.fd < 0)
        return dasd_complain(EXIT_DAMAGED, "%s: %s", path, strerror(errno));
    int status = EXIT_DAMAGED;
    if (read_headers(&c)) {
        check_l1(&c);
        check_l2_entries(&c);
        check_overlaps(&c);
        check_space(&c);
        status = finish(&c);
    }
    for (uint32_t i = 0; c.l2 && i < c.header.l1_entries; i++)
        free(c.l2[i]);
    free(c.l2), free(c.l1), free(c.used);
    close(c.fd);
    return status;
}

/* An uncompressed image has no tables: every track must read as a well-formed image. */
static int check_plain(const char *path, bool repair)
{
    char err[512];
    struct ckd_open_options options = {.read_only = true};
    struct ckd_image *img = ckd_open(path, &options, err, sizeof err);
    if (!img)
        return dasd_complain(EXIT_DAMAGED, "%s", err);
    struct ckd_image_info info;
    ckd_info(img, &info);
    uint8_t *buf = xmalloc(info.track_size);
    unsigned bad = 0;
    for (uint32_t t = 0; t < info.tracks; t++) {
        uint32_t length;
        if (!ckd_read_track(img, t, buf, &length) && ++bad <= 20)
            printf("%s: %s\n", path, ckd_error(img));
    }
    free(buf);
    ckd_close(img, NULL, 0);
    printf("%s: uncompressed %s, %u cylinders, %u tracks: %s\n", path, info.geometry->name, info.cylinders,
           info.tracks, bad ? "damaged tracks found" : "no problems found");
    if (bad && repair)
        printf("%s: an uncompressed image has no tables to repair; the damaged tracks must be rewritten\n", path);
    return bad ? EXIT_DAMAGED : 0;
}

int dasd_check(int argc, char **argv)
{
    bool repair = argc == 3 && strcmp(argv[1], "-r") == 0;
    if (argc != 2 + repair || argv[argc - 1][0] == '-')
        return dasd_complain(EXIT_USAGE, "check: [-r] FILE expected");
    const char *path = argv[argc - 1];
    uint8_t raw[CKD_DEVHDR_SIZE];
    struct ckd_devhdr h;
    FILE *f = fopen(path, "rb");
    if (!f)
        return dasd_complain(EXIT_DAMAGED, "%s: %s", path, strerror(errno));
    bool known = fread(raw, 1, sizeof raw, f) == sizeof raw && ckd_devhdr_decode(raw, &h);
    fclose(f);
    if (!known)
        return dasd_complain(EXIT_DAMAGED, "%s: not a CKD image file (no CKD_P370/CKD_C370/CKD_S370 header)", path);
    return h.kind == CKD_KIND_PLAIN ? check_plain(path, repair) : check_cckd(path, repair);
}
