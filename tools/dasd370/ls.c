/*
 * ls.c - `dasd370 ls`: the VOL1 label of a volume and the data sets its VTOC lists, as Hercules'
 * dasdls shows them ("FILE: VOLSER=xxxxxx", then one line per data set starting with its 44-character
 * name), with the VTOC's place and each data set's organization, record format and extents.
 * Labels and DSCBs: IBM OS/VS2 DADSM logic (VOL1 label, format-1/3/4 DSCB layouts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/ebcdic.h"
#include "devices/images/ckd_image.h"
#include "devices/images/fba_image.h"
#include "tools/dasd370/dasd370.h"

enum { DSCB_KEY = 44, DSCB_DATA = 96, MAX_F3_CHAIN = 16 };
/* Offsets in the data part of a DSCB (the DSCB offset less the 44-byte key). */
enum {
    DS1DSORG = 38, DS1RECFM = 40, DS1BLKL = 42, DS1LRECL = 44, DS1EXT1 = 61, DS1PTRDS = 87,
    DS4VTOCE = 61, DS3ADEXT = 1, DS3PTRDS = 91, F3_KEY_EXTENTS = 4,
};
static const uint8_t vol1_ebcdic[4] = {0xE5, 0xD6, 0xD3, 0xF1};

struct volume {
    struct ckd_image *image;
    struct ckd_image_info info;
    uint8_t *track;
    uint32_t length;
};

struct cchhr {
    uint16_t cylinder, head;
    uint8_t record;
};

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static struct cchhr cchhr_at(const uint8_t *p)
{
    return (struct cchhr){be16(p), be16(p + 2), p[4]};
}

static bool read_track(struct volume *v, uint32_t cylinder, uint32_t head)
{
    if (cylinder >= v->info.cylinders || head >= v->info.heads)
        return false;
    return ckd_read_track(v->image, cylinder * v->info.heads + head, v->track, &v->length);
}

/* Record `at.record` of track (at.cylinder, at.head), with the key and data lengths asked for. */
static bool find_record(struct volume *v, struct cchhr at, uint8_t key_length, uint16_t min_data, struct ckd_record *r)
{
    if (!read_track(v, at.cylinder, at.head))
        return false;
    uint32_t position = 0;
    while (ckd_next_record(v->track, v->length, &position, r))
        if (r->record == at.record)
            return r->key_length == key_length && r->data_length >= min_data;
    return false;
}

static void print_ebcdic(const uint8_t *p, size_t n, int width)
{
    char text[64];
    ebcdic_to_ascii(text, p, n);
    text[n] = '\0';
    printf("%-*s", width, text);
}

static const char *dsorg_name(const uint8_t *dsorg)
{
    static const struct {
        uint8_t bit;
        const char *name;
    } orgs[] = {{0x80, "IS"}, {0x40, "PS"}, {0x20, "DA"}, {0x02, "PO"}};
    if (dsorg[1] & 0x08)
        return "VS";
    for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++)
        if (dsorg[0] & orgs[i].bit)
            return orgs[i].name;
    return "??";
}

static void recfm_name(uint8_t recfm, char *out)
{
    static const char forms[4] = {'?', 'V', 'F', 'U'};
    static const struct {
        uint8_t bit;
        char letter;
    } flags[] = {{0x20, 'T'}, {0x10, 'B'}, {0x08, 'S'}, {0x04, 'A'}, {0x02, 'M'}};
    size_t n = 0;
    out[n++] = forms[recfm >> 6];
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (recfm & flags[i].bit)
            out[n++] = flags[i].letter;
    out[n] = '\0';
}

/* One 10-byte extent: type, sequence, begin CCHH, end CCHH; returns its tracks (0: unused). */
static uint32_t print_extent(const struct volume *v, const uint8_t *x)
{
    if (x[0] == 0)
        return 0;
    uint32_t begin = be16(x + 2) * v->info.heads + be16(x + 4), end = be16(x + 6) * v->info.heads + be16(x + 8);
    printf(" %u.%u-%u.%u", be16(x + 2), be16(x + 4), be16(x + 6), be16(x + 8));
    return end >= begin ? end - begin + 1 : 0;
}

/* Extents beyond the third are in format-3 DSCBs chained from DS1PTRDS. */
static uint32_t print_f3_extents(struct volume *v, struct cchhr next)
{
    uint32_t tracks = 0;
    for (int hops = 0; next.record && hops < MAX_F3_CHAIN; hops++) {
        struct ckd_record r;
        if (!find_record(v, next, DSCB_KEY, DSCB_DATA, &r) || r.data[0] != 0xF3)
            break;
        uint8_t dscb[DSCB_KEY + DSCB_DATA];
        memcpy(dscb, r.key, DSCB_KEY);
        memcpy(dscb + DSCB_KEY, r.data, DSCB_DATA);
        for (int i = 0; i < 4; i++)
            tracks += print_extent(v, dscb + F3_KEY_EXTENTS + 10 * i);
        for (int i = 0; i < 9; i++)
            tracks += print_extent(v, dscb + DSCB_KEY + DS3ADEXT + 10 * i);
        next = cchhr_at(dscb + DSCB_KEY + DS3PTRDS);
    }
    return tracks;
}

static void print_data_set(struct volume *v, const struct ckd_record *r)
{
    uint8_t key[DSCB_KEY], data[DSCB_DATA];
    memcpy(key, r->key, DSCB_KEY);
    memcpy(data, r->data, DSCB_DATA);
    char recfm[8];
    recfm_name(data[DS1RECFM], recfm);
    print_ebcdic(key, DSCB_KEY, DSCB_KEY);
    printf(" %-3s %-5s %5u %5u  extents:", dsorg_name(data + DS1DSORG), recfm, be16(data + DS1LRECL),
           be16(data + DS1BLKL));
    uint32_t tracks = 0;
    for (int i = 0; i < 3; i++)
        tracks += print_extent(v, data + DS1EXT1 + 10 * i);
    tracks += print_f3_extents(v, cchhr_at(data + DS1PTRDS));
    printf("  tracks: %u\n", tracks);
}

/* Every format-1 DSCB in the VTOC extent. */
static void list_vtoc(struct volume *v, const uint8_t *extent)
{
    uint32_t heads = v->info.heads;
    uint32_t begin = be16(extent + 2) * heads + be16(extent + 4), end = be16(extent + 6) * heads + be16(extent + 8);
    for (uint32_t t = begin; t <= end && t < v->info.tracks; t++) {
        if (!read_track(v, t / heads, t % heads))
            continue;
        uint8_t *copy = malloc(v->length);
        memcpy(copy, v->track, v->length);
        uint32_t position = 0, length = v->length;
        struct ckd_record r;
        while (ckd_next_record(copy, length, &position, &r))
            if (r.key_length == DSCB_KEY && r.data_length >= DSCB_DATA && r.data[0] == 0xF1)
                print_data_set(v, &r);
        free(copy);
    }
}

static bool find_vol1(struct volume *v, struct ckd_record *label)
{
    if (!read_track(v, 0, 0))
        return false;
    uint32_t position = 0;
    while (ckd_next_record(v->track, v->length, &position, label))
        if (label->data_length >= 80 && memcmp(label->data, vol1_ebcdic, 4) == 0)
            return true;
    return false;
}

static int list_ckd(const char *file, struct volume *v)
{
    struct ckd_record label;
    if (!find_vol1(v, &label))
        return dasd_complain(1, "%s: no VOL1 label on cylinder 0 head 0", file);
    struct cchhr vtoc = cchhr_at(label.data + 11);
    printf("%s: VOLSER=", file);
    print_ebcdic(label.data + 4, 6, 0);
    printf("\nVTOC: cylinder %u head %u record %u\n", vtoc.cylinder, vtoc.head, vtoc.record);
    struct ckd_record f4;
    if (!find_record(v, vtoc, DSCB_KEY, DSCB_DATA, &f4) || f4.data[0] != 0xF4) {
        printf("%s: no VTOC (no format-4 DSCB there)\n", file);
        return 0;
    }
    uint8_t extent[10];
    memcpy(extent, f4.data + DS4VTOCE, sizeof extent);
    list_vtoc(v, extent);
    return 0;
}

/* An FBA volume has its VOL1 label in block 1. */
static int list_fba(const char *file)
{
    char err[512];
    struct fba_image *fba = fba_open(file, true, err, sizeof err);
    if (!fba)
        return dasd_complain(1, "%s", err);
    uint8_t block[FBA_BLOCK_SIZE];
    bool labelled = fba_blocks(fba) > 1 && fba_read_blocks(fba, 1, 1, block) && memcmp(block, vol1_ebcdic, 4) == 0;
    uint32_t blocks = fba_blocks(fba);
    fba_close(fba, NULL, 0);
    if (!labelled)
        return dasd_complain(1, "%s: neither a CKD image nor an FBA volume with a VOL1 label in block 1", file);
    printf("%s: VOLSER=", file);
    print_ebcdic(block + 4, 6, 0);
    printf("\nFBA: %u blocks\n", blocks);
    return 0;
}

static bool is_ckd_file(const char *file)
{
    FILE *f = fopen(file, "rb");
    char id[4] = {0};
    bool ckd = f && fread(id, 1, sizeof id, f) == sizeof id && memcmp(id, "CKD_", 4) == 0;
    if (f)
        fclose(f);
    return ckd;
}

int dasd_ls(int argc, char **argv)
{
    if (argc < 2 || argc > 3 || (argc == 3 && strncmp(argv[2], "sf=", 3) != 0))
        return dasd_complain(EXIT_USAGE, "ls: FILE [sf=SHADOW] expected");
    const char *file = argv[1];
    if (!is_ckd_file(file))
        return list_fba(file);
    char err[512];
    struct ckd_open_options options = {.read_only = true, .shadow = argc == 3 ? argv[2] + 3 : NULL};
    struct volume v = {.image = ckd_open(file, &options, err, sizeof err)};
    if (!v.image)
        return dasd_complain(1, "%s", err);
    ckd_info(v.image, &v.info);
    v.track = malloc(v.info.track_size);
    int status = list_ckd(file, &v);
    free(v.track);
    ckd_close(v.image, NULL, 0);
    return status;
}
