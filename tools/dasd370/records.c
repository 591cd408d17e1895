/*
 * records.c - `dasd370 put` and `dasd370 format`: areas of 4096-byte records on a CKD volume, the
 * layout CP keeps its nucleus, directory, paging and spool slots in (cp/macros/syshdr.cpy).
 *
 *   put VOLUME CYL HEAD FILE   FILE's bytes as consecutive 4096-byte records R1..Rn of each track
 *                              from cylinder CYL head HEAD on (the last record padded with zeros, the
 *                              rest of its track filled with zero records)
 *   format VOLUME CYL NCYL     NCYL cylinders from CYL of tracks holding R1..Rn of 4096 zeros
 *
 * Every track written is what a real drive would hold: the home address, a standard R0 (key length
 * 0, data length 8, zeros) and keyless 4096-byte records, as many as the model's track capacity
 * formula allows (4 on a 3350, 3 on a 3330), so Hercules' tools read the volume too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/images/ckd_image.h"
#include "tools/dasd370/dasd370.h"

enum { SLOT_SIZE = 4096, NULL_TRACK_R0_ONLY = 1 };

/* How many keyless 4096-byte records the model fits on one track. */
static unsigned slots_per_track(const struct ckd_geometry *g)
{
    struct ckd_record_lengths r[64];
    unsigned n = 0;
    while (n < 64) {
        r[n] = (struct ckd_record_lengths){.key_length = 0, .data_length = SLOT_SIZE};
        if (!ckd_records_fit(g, r, n + 1))
            break;
        n++;
    }
    return n;
}

static uint8_t *put_count(uint8_t *p, uint32_t cylinder, uint32_t head, uint8_t record, uint16_t length)
{
    const uint8_t count[CKD_COUNT_SIZE] = {(uint8_t)(cylinder >> 8), (uint8_t)cylinder, (uint8_t)(head >> 8),
                                           (uint8_t)head, record, 0, (uint8_t)(length >> 8), (uint8_t)length};
    memcpy(p, count, CKD_COUNT_SIZE);
    return p + CKD_COUNT_SIZE;
}

/*
 * A track image of R0 and `slots` 4096-byte records taken from data (zeros past `available`
 * bytes of it); returns its length.
 */
static uint32_t build_slot_track(uint8_t *buf, uint32_t cylinder, uint32_t head, unsigned slots,
                                 const uint8_t *data, size_t available)
{
    uint32_t length = ckd_null_track(buf, cylinder, head, NULL_TRACK_R0_ONLY);
    uint8_t *p = buf + length - CKD_END_SIZE;
    for (unsigned r = 0; r < slots; r++) {
        p = put_count(p, cylinder, head, (uint8_t)(r + 1), SLOT_SIZE);
        size_t offset = (size_t)r * SLOT_SIZE, n = 0;
        if (offset < available)
            n = available - offset < SLOT_SIZE ? available - offset : SLOT_SIZE;
        if (n)
            memcpy(p, data + offset, n);
        memset(p + n, 0, SLOT_SIZE - n);
        p += SLOT_SIZE;
    }
    memset(p, 0xFF, CKD_END_SIZE);
    return (uint32_t)(p + CKD_END_SIZE - buf);
}

/* The volume opened for writing, with its geometry; NULL after a message. */
static struct ckd_image *open_volume(const char *path, struct ckd_image_info *info, unsigned *slots)
{
    char err[512];
    struct ckd_image *img = ckd_open(path, NULL, err, sizeof err);
    if (!img) {
        dasd_complain(EXIT_DAMAGED, "%s", err);
        return NULL;
    }
    ckd_info(img, info);
    *slots = slots_per_track(info->geometry);
    if (*slots == 0) {
        dasd_complain(EXIT_DAMAGED, "%s: a %s track cannot hold a 4096-byte record", path, info->geometry->name);
        ckd_close(img, err, sizeof err);
        return NULL;
    }
    return img;
}

/* Write tracks first..first+count-1 from data (size bytes, zeros after); closes the image. */
static int write_slot_tracks(struct ckd_image *img, const struct ckd_image_info *info, unsigned slots,
                             uint32_t first, uint32_t count, const uint8_t *data, size_t size)
{
    uint8_t *track = xmalloc(info->track_size);
    size_t per_track = (size_t)slots * SLOT_SIZE;
    bool ok = true;
    for (uint32_t t = 0; ok && t < count; t++) {
        size_t offset = (size_t)t * per_track;
        size_t available = offset < size ? size - offset : 0;
        uint32_t track_no = first + t;
        uint32_t length = build_slot_track(track, track_no / info->heads, track_no % info->heads, slots,
                                           available ? data + offset : NULL, available);
        ok = ckd_write_track(img, track_no, track, length);
    }
    free(track);
    char err[512];
    if (!ok) {
        int status = dasd_complain(EXIT_DAMAGED, "%s", ckd_error(img));
        ckd_close(img, err, sizeof err);
        return status;
    }
    return ckd_close(img, err, sizeof err) ? 0 : dasd_complain(EXIT_DAMAGED, "%s", err);
}

static bool read_whole_file(const char *path, uint8_t **bytes, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    bool ok = !ferror(f);
    fclose(f);
    if (!ok) {
        free(buf);
        return false;
    }
    *bytes = buf;
    *size = n;
    return true;
}

int dasd_put(int argc, char **argv)
{
    if (argc != 5)
        return dasd_complain(EXIT_USAGE, "usage: dasd370 put VOLUME CYL HEAD FILE");
    const char *volume = argv[1], *file = argv[4];
    unsigned long cylinder, head;
    if (!dasd_parse_count(argv[2], 65535, &cylinder) || !dasd_parse_count(argv[3], 255, &head))
        return dasd_complain(EXIT_USAGE, "put: '%s %s' is not a cylinder and head", argv[2], argv[3]);
    uint8_t *data;
    size_t size;
    if (!read_whole_file(file, &data, &size))
        return dasd_complain(EXIT_DAMAGED, "put: cannot read %s", file);
    if (size == 0) {
        free(data);
        return dasd_complain(EXIT_DAMAGED, "put: %s is empty: nothing to write", file);
    }
    struct ckd_image_info info;
    unsigned slots;
    struct ckd_image *img = open_volume(volume, &info, &slots);
    if (!img) {
        free(data);
        return EXIT_DAMAGED;
    }
    size_t records = (size + SLOT_SIZE - 1) / SLOT_SIZE;
    uint32_t tracks = (uint32_t)((records + slots - 1) / slots);
    uint32_t first = (uint32_t)(cylinder * info.heads + head);
    char err[512];
    if (head >= info.heads || (uint64_t)first + tracks > info.tracks) {
        ckd_close(img, err, sizeof err);
        free(data);
        return dasd_complain(EXIT_DAMAGED, "put: %zu records from cylinder %lu head %lu do not fit %s (%u cylinders of %u tracks)",
                             records, cylinder, head, volume, info.cylinders, info.heads);
    }
    int status = write_slot_tracks(img, &info, slots, first, tracks, data, size);
    free(data);
    if (status == 0)
        printf("%s: %zu records of %d bytes (%u a track) at cylinder %lu head %lu, %u track%s\n", volume, records,
               SLOT_SIZE, slots, cylinder, head, tracks, tracks == 1 ? "" : "s");
    return status;
}

int dasd_format(int argc, char **argv)
{
    if (argc != 4)
        return dasd_complain(EXIT_USAGE, "usage: dasd370 format VOLUME CYL NCYL");
    const char *volume = argv[1];
    unsigned long cylinder, count;
    if (!dasd_parse_count(argv[2], 65535, &cylinder) || !dasd_parse_count(argv[3], 65535, &count) || count == 0)
        return dasd_complain(EXIT_USAGE, "format: '%s %s' is not a first cylinder and a cylinder count", argv[2],
                             argv[3]);
    struct ckd_image_info info;
    unsigned slots;
    struct ckd_image *img = open_volume(volume, &info, &slots);
    if (!img)
        return EXIT_DAMAGED;
    if (cylinder + count > info.cylinders) {
        char err[512];
        ckd_close(img, err, sizeof err);
        return dasd_complain(EXIT_DAMAGED, "format: cylinders %lu-%lu are past the end of %s (%u cylinders)",
                             cylinder, cylinder + count - 1, volume, info.cylinders);
    }
    int status = write_slot_tracks(img, &info, slots, (uint32_t)(cylinder * info.heads),
                                   (uint32_t)(count * info.heads), NULL, 0);
    if (status == 0)
        printf("%s: cylinders %lu-%lu formatted with %u records of %d bytes a track\n", volume, cylinder,
               cylinder + count - 1, slots, SLOT_SIZE);
    return status;
}
