/*
 * ipl.c - `dasd370 ipl VOLUME DECK [CYL]`: put the IPL text deck asm370 -f ipltext writes onto a
 * volume dasd370 init made (CKD or FBA, told by the image), so the volume IPLs the program.
 *
 *   CKD: track 0 becomes R0, IPL1 (key "IPL1", the deck's bytes 0-23: the IPL PSW and a Read Data of
 *        the next record into the origin), IPL2 (key "IPL2", the text from the origin), and the
 *        volume's VOL1 record.  With CYL, the same goes to head 0 of that cylinder instead: the first
 *        track of a minidisk starting there, which a virtual machine IPLs as its cylinder 0 (a VOL1
 *        record on that track is kept, none is needed).
 *   FBA: block 0 is a bootstrap - the PSW, then a Read IPL of block 0 itself into the origin and a TIC
 *        to the rest of that copy: a Locate of the text's blocks (from block 2, after the VOL1 label)
 *        and their Read into the origin.  The text goes to blocks 2, 3, ...
 *
 * The deck's TXT cards (X'02' "TXT", address in columns 6-8, count in 11-12, data from column 17)
 * give the bytes; locations 0-23 are IPL1, the rest is the text (origin to end).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/images/ckd_image.h"
#include "devices/images/fba_image.h"
#include "tools/dasd370/dasd370.h"

enum { CARD = 80, MAX_TEXT = 0x10000, IPL1 = 24 };

struct text {
    uint8_t bytes[MAX_TEXT];
    uint32_t origin, end; /* of the text after IPL1 */
};

static bool read_deck(const char *path, struct text *t)
{
    static const uint8_t txt[4] = {0x02, 0xE3, 0xE7, 0xE3};
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    uint8_t card[CARD];
    t->origin = MAX_TEXT;
    t->end = 0;
    while (fread(card, 1, CARD, f) == CARD) {
        if (memcmp(card, txt, 4) != 0)
            continue;
        uint32_t address = (uint32_t)(card[5] << 16 | card[6] << 8 | card[7]);
        uint32_t count = (uint32_t)(card[10] << 8 | card[11]);
        if (count > 56 || address + count > MAX_TEXT)
            return fclose(f), false;
        memcpy(t->bytes + address, card + 16, count);
        if (address >= IPL1 && address < t->origin)
            t->origin = address;
        if (address + count > t->end)
            t->end = address + count;
    }
    fclose(f);
    return t->origin < t->end;
}

static uint8_t *put_record(uint8_t *p, uint32_t cylinder, uint8_t number, const uint8_t key[4], const uint8_t *data,
                           uint32_t length)
{
    const uint8_t count[8] = {(uint8_t)(cylinder >> 8), (uint8_t)cylinder, 0, 0, number, 4, (uint8_t)(length >> 8),
                              (uint8_t)length};
    memcpy(p, count, 8);
    memcpy(p + 8, key, 4);
    memcpy(p + 12, data, length);
    return p + 12 + length;
}

static int write_ckd(const char *volume, const struct text *t, uint32_t cylinder)
{
    static const uint8_t ipl1_key[4] = {0xC9, 0xD7, 0xD3, 0xF1}, ipl2_key[4] = {0xC9, 0xD7, 0xD3, 0xF2},
                         vol1_key[4] = {0xE5, 0xD6, 0xD3, 0xF1};
    char err[512];
    struct ckd_image *img = ckd_open(volume, NULL, err, sizeof err);
    if (!img)
        return dasd_complain(EXIT_DAMAGED, "%s", err);
    struct ckd_image_info info;
    ckd_info(img, &info);
    if (cylinder >= info.cylinders)
        return dasd_complain(EXIT_DAMAGED, "%s: no cylinder %u (the volume has %u)", volume, cylinder, info.cylinders);
    uint32_t track_no = cylinder * info.heads;
    uint8_t *old = xmalloc(info.track_size), *track = xcalloc(1, info.track_size);
    uint32_t length, position = 0;
    if (!ckd_read_track(img, track_no, old, &length))
        return dasd_complain(EXIT_DAMAGED, "%s", ckd_error(img));
    struct ckd_record r, r0 = {0}, vol1 = {0};
    while (ckd_next_record(old, length, &position, &r)) {
        if (r.record == 0)
            r0 = r;
        if (r.key_length == 4 && memcmp(r.key, vol1_key, 4) == 0)
            vol1 = r;
    }
    if (!r0.count || (cylinder == 0 && !vol1.count))
        return dasd_complain(EXIT_DAMAGED, "%s: track 0 has no R0 or no VOL1 record", volume);
    uint8_t *p = track;
    memcpy(p, old, CKD_HA_SIZE + CKD_COUNT_SIZE + r0.data_length);
    p += CKD_HA_SIZE + CKD_COUNT_SIZE + r0.data_length;
    p = put_record(p, cylinder, 1, ipl1_key, t->bytes, IPL1);
    p = put_record(p, cylinder, 2, ipl2_key, t->bytes + t->origin, t->end - t->origin);
    if (vol1.count)
        p = put_record(p, cylinder, 3, vol1_key, vol1.data, vol1.data_length);
    memset(p, 0xFF, CKD_END_SIZE);
    uint32_t size = (uint32_t)(p + CKD_END_SIZE - track);
    if (!ckd_write_track(img, track_no, track, size) || !ckd_close(img, err, sizeof err))
        return dasd_complain(EXIT_DAMAGED, "%s", ckd_error(img));
    free(old);
    free(track);
    return 0;
}

static void put_ccw(uint8_t *p, uint8_t command, uint32_t address, uint8_t flags, uint32_t count)
{
    const uint8_t ccw[8] = {command, (uint8_t)(address >> 16), (uint8_t)(address >> 8), (uint8_t)address,
                            flags, 0, (uint8_t)(count >> 8), (uint8_t)count};
    memcpy(p, ccw, 8);
}

static int write_fba(const char *volume, const struct text *t)
{
    enum { CC = 0x40, SLI = 0x20, FIRST_TEXT_BLOCK = 2 };
    char err[512];
    struct fba_image *img = fba_open(volume, false, err, sizeof err);
    if (!img)
        return dasd_complain(EXIT_DAMAGED, "%s", err);
    uint32_t size = t->end - t->origin, blocks = (size + FBA_BLOCK_SIZE - 1) / FBA_BLOCK_SIZE, o = t->origin;
    uint8_t boot[FBA_BLOCK_SIZE] = {0};
    memcpy(boot, t->bytes, 8);                                       /* the IPL PSW */
    put_ccw(boot + 8, 0x02, o, CC | SLI, FBA_BLOCK_SIZE);            /* block 0 again, into the origin */
    put_ccw(boot + 16, 0x08, o + 24, 0, 1);                          /* TIC to its copy's CCWs */
    put_ccw(boot + 24, 0x43, o + 40, CC, 8);                         /* Locate */
    put_ccw(boot + 32, 0x42, o, SLI, blocks * FBA_BLOCK_SIZE);       /* Read the text */
    const uint8_t locate[8] = {0x06, 0, (uint8_t)(blocks >> 8), (uint8_t)blocks, 0, 0, 0, FIRST_TEXT_BLOCK};
    memcpy(boot + 40, locate, 8);
    uint8_t *text = xcalloc(blocks, FBA_BLOCK_SIZE);
    memcpy(text, t->bytes + o, size);
    bool ok = fba_write_blocks(img, 0, 1, boot) && fba_write_blocks(img, FIRST_TEXT_BLOCK, blocks, text);
    free(text);
    if (!ok)
        return dasd_complain(EXIT_DAMAGED, "%s", fba_error(img));
    return fba_close(img, err, sizeof err) ? 0 : dasd_complain(EXIT_DAMAGED, "%s", err);
}

/* A CKD image has a device header; anything else dasd370 made is an FBA volume (no header). */
static bool is_ckd(const char *volume)
{
    char err[512];
    struct ckd_image *img = ckd_open(volume, NULL, err, sizeof err);
    if (!img)
        return false;
    ckd_close(img, err, sizeof err);
    return true;
}

int dasd_ipl(int argc, char **argv)
{
    if (argc != 3 && argc != 4)
        return dasd_complain(EXIT_USAGE, "usage: dasd370 ipl VOLUME DECK [CYL]");
    static struct text t;
    const char *volume = argv[1], *deck = argv[2];
    unsigned long cylinder = 0;
    if (argc == 4 && !dasd_parse_count(argv[3], 65535, &cylinder))
        return dasd_complain(EXIT_USAGE, "ipl: '%s' is not a cylinder number", argv[3]);
    if (!read_deck(deck, &t))
        return dasd_complain(EXIT_DAMAGED, "%s: not an IPL text deck (asm370 -f ipltext writes one)", deck);
    if (!is_ckd(volume))
        return cylinder ? dasd_complain(EXIT_USAGE, "ipl: CYL is for CKD volumes only") : write_fba(volume, &t);
    return write_ckd(volume, &t, (uint32_t)cylinder);
}
