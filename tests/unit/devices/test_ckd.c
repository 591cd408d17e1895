/*
 * test_ckd.c - the CKD disks: every command with its status, residual count, sense bytes and the
 * track bytes it leaves in the image; seeks and the file mask, searches (status modifier, high,
 * multitrack, No Record Found after two index points, End of Cylinder), reads from the index point,
 * writes and their chaining rules, track capacity, read-only and fake-write volumes, track overflow,
 * the 3880's 3380 (positioning first, SENSE ID, Read Device Characteristics, Read Multiple CKD),
 * sectors, the 6-byte sense of the 2311 and 2314, and channel programs through the real channel
 * (a search with TIC skipped by the status modifier, IPL).
 *
 * Volumes are made with ckd_create as dasdinit does (volser TEST01): track 0 holds R0 (KL 0 DL 8),
 * R1 "IPL1" (KL 4 DL 24: PSW X'000600000000000F', CCW X'0300000000000001'), R2 "IPL2" (KL 4 DL 144
 * zeros) and R3 "VOL1" (KL 4 DL 80); every other track R0 alone.  Expected sense bytes follow the
 * 3830 layout: bytes 0-1 errors; 4 the drive (device 150 on a 3330: X'38'); 5 the cylinder's low
 * byte; 6 its high bits over the head; 7 format and message.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/images/ckd_image.h"
#include "tests/unit/devices/dasdtest.h"

enum {
    OK = DASD_OK,
    SM = UNIT_STATUS_MODIFIER,
    UC = UNIT_CHECK,
    UX = UNIT_EXCEPTION,
    ADDRESS = 0x150,
};

/* ---- helpers ------------------------------------------------------------------------------------ */

static struct dasd_bench *volume(const char *type, uint32_t cylinders, bool compressed)
{
    struct dasd_bench *k = dasd_bench_new("vol.ckd");
    struct ckd_create_options o = {
        .geometry = ckd_geometry_find(type), .cylinders = cylinders, .volser = "TEST01", .compressed = compressed};
    char err[256];
    ck_assert_msg(ckd_create(k->path, &o, err, sizeof err), "%s", err);
    return k;
}

static void attach(struct dasd_bench *k, const char *type, const char *options)
{
    dasd_attach(k, type, ADDRESS, options);
}

static struct dasd_bench *disk(const char *type, uint32_t cylinders)
{
    struct dasd_bench *k = volume(type, cylinders, false);
    attach(k, type, "");
    return k;
}

static void seek(struct dasd_bench *k, unsigned cylinder, unsigned head)
{
    char arg[40];
    snprintf(arg, sizeof arg, "0000 %04X %04X", cylinder, head);
    dasd_step(k, 0x07, arg, 6, OK, 0);
}

/* The track as the image holds it (the device closed first); its length. */
static uint32_t image_track(struct dasd_bench *k, uint32_t track, uint8_t *buf)
{
    if (k->d)
        dasd_detach(k);
    char err[256];
    struct ckd_open_options o = {.read_only = true};
    struct ckd_image *img = ckd_open(k->path, &o, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    uint32_t length = 0;
    ck_assert_msg(ckd_read_track(img, track, buf, &length), "%s", ckd_error(img));
    ckd_close(img, NULL, 0);
    return length;
}

static void expect_track(struct dasd_bench *k, uint32_t track, const char *want)
{
    static uint8_t got[65536], w[65536];
    uint32_t length = image_track(k, track, got);
    size_t n = dasd_hex(want, w);
    ck_assert_uint_eq(length, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(got[i] == w[i], "track byte %zu is %02X, expected %02X", i, got[i], w[i]);
}

#define R0_OF(cchh) cchh "00 00 0008 0000000000000000"
#define END_MARK "FFFFFFFFFFFFFFFF"
#define IPL1_DATA "00060000 0000000F 03000000 00000001 00000000 00000000"

/* ---- definition ---------------------------------------------------------------------------------- */

START_TEST(test_definition_errors)
{
    struct dasd_bench *k = volume("3330", 2, false);
    ur_define_fails("3330", "", "a CKD image file is needed");
    char *args = xasprintf("%s bogus", k->path);
    ur_define_fails("3330", args, "unknown option 'bogus'");
    free(args);
    args = xasprintf("%s fw", k->path);
    ur_define_fails("3330", args, "fakewrite needs ro");
    free(args);
    args = xasprintf("%s", k->path);
    ur_define_fails("3350", args, "is a 3330 volume, not a 3350");
    ur_define_fails("3380", args, "is a 3330 volume, not a 3380");
    free(args);
    args = xasprintf("%s cu=2314", k->path);
    ur_define_fails("3330", args, "cu=2314: a 3330 attaches to a 3830 or a 3880");
    free(args);
    args = xasprintf("%s/missing.ckd", k->dir);
    ur_define_fails("3330", args, "missing.ckd");
    free(args);
    attach(k, "3330", "ro fw cu=3880 ser=000000012345 lazywrite");
    dasd_bench_free(k);

    k = volume("2311", 2, false);
    args = xasprintf("%s cu=3830", k->path);
    ur_define_fails("2311", args, "cu=3830: a 2311 attaches to a 2841");
    free(args);
    dasd_bench_free(k);
}
END_TEST

START_TEST(test_describe)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 1, 4);
    char text[300];
    k->d->type->describe(k->d, text, sizeof text);
    char *want = xasprintf("%s 3330 cu 3830, 2 cyls, cylinder 1 head 4", k->path);
    ck_assert_str_eq(text, want);
    free(want);
    ck_assert_uint_eq(k->d->model_type, 0x3330);
    ck_assert_uint_eq(k->d->sense_length, 24);
    dasd_bench_free(k);
}
END_TEST

/* ---- identification and sense ------------------------------------------------------------------- */

START_TEST(test_sense_id)
{
    struct dasd_bench *k = disk("3330", 2);
    dasd_step(k, 0xE4, NULL, 20, OK, 13);
    dasd_expect_data(k, "FF 3830 02 3330 01");
    dasd_detach(k);
    attach(k, "3330", "cu=3880");
    dasd_step(k, 0xE4, NULL, 7, OK, 0);
    dasd_expect_data(k, "FF 3880 05 3330 01");
    dasd_bench_free(k);

    /* the 2314 and 2841 do not know SENSE ID: command reject, 6 sense bytes */
    k = disk("2314", 2);
    dasd_step(k, 0xE4, NULL, 7, OK | UC, 7);
    dasd_expect_sense(k, "80 00 00 40 00 00");
    dasd_bench_free(k);
    k = disk("2311", 2);
    dasd_step(k, 0xE4, NULL, 7, OK | UC, 7);
    dasd_expect_sense(k, "80 00 00 C8 00 00");
    dasd_bench_free(k);
}
END_TEST

/* Without an error the sense bytes give the position; after one, its bits, once. */
START_TEST(test_sense)
{
    struct dasd_bench *k = disk("3330", 2);
    dasd_step(k, 0x04, NULL, 30, OK, 6);
    dasd_expect_data(k, "00000000 38000000 00000000 00000000 00000000 00000000 00000000");
    dasd_new_program(k);
    seek(k, 1, 18);
    dasd_step(k, 0x12, NULL, 8, OK | UC, 8); /* track 1/18 has only R0: no record found */
    dasd_expect_sense(k, "00 08 00 00 38 01 12 00 0000000000000000 0000000000000000");
    dasd_expect_sense(k, "00 00 00 00 38 01 12 00");
    /* a short SENSE: the first bytes, incorrect length (more were there) */
    dasd_step(k, 0x04, NULL, 2, OK, 0);
    ck_assert(k->r.longer);
    dasd_bench_free(k);
}
END_TEST

/* ---- seeks -------------------------------------------------------------------------------------- */

START_TEST(test_seek)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 1, 18);
    dasd_step(k, 0x1A, NULL, 5, OK, 0);
    dasd_expect_data(k, "00 0001 0012");
    dasd_new_program(k);
    dasd_step(k, 0x07, "0000 0000 0003 AAAA", 8, OK, 2); /* a longer count: the device takes 6 */
    dasd_step(k, 0x0B, "0000 0001 0005", 6, OK, 0); /* Seek Cylinder */
    dasd_step(k, 0x1B, "0000 0000 0007", 6, OK, 0); /* Seek Head: the cylinder stays 1 */
    dasd_cmd(k, 0x1A, NULL, 5);
    dasd_expect_data(k, "00 0001 0007");
    dasd_step(k, 0x13, NULL, 1, OK, 1); /* Recalibrate */
    dasd_cmd(k, 0x1A, NULL, 5);
    dasd_expect_data(k, "00 0000 0000");
    dasd_bench_free(k);
}
END_TEST

/* Addresses beyond the volume, BB not zero, a short count: command reject (format 0 message 4 or
   3), nothing moves. */
START_TEST(test_seek_errors)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 1, 2);
    dasd_step(k, 0x07, "0000 0002 0000", 6, OK | UC, 6);
    dasd_expect_sense(k, "80 00 00 00 38 01 02 04");
    dasd_step(k, 0x07, "0000 0000 0013", 6, OK | UC, 6);
    dasd_expect_sense(k, "80 00 00 00 38 01 02 04");
    dasd_step(k, 0x07, "0001 0000 0000", 6, OK | UC, 6);
    dasd_step(k, 0x1B, "0000 0000 0013", 6, OK | UC, 6);
    dasd_step(k, 0x07, "0000 0000 00", 5, OK | UC, 5);
    dasd_expect_sense(k, "80 00 00 00 38 01 02 03");
    dasd_bench_free(k);

    /* the 2314: command reject and seek check */
    k = disk("2314", 2);
    dasd_step(k, 0x07, "0000 0000 0014", 6, OK | UC, 6);
    dasd_expect_sense(k, "81 00 00 40 00 00");
    dasd_bench_free(k);
}
END_TEST

/* Set File Mask bits 3-4: 01 allows Seek Cylinder and Seek Head, 10 Seek Head only, 11 none (and
   no head switching); a forbidden seek or Recalibrate is File Protected. */
START_TEST(test_file_mask_seeks)
{
    struct dasd_bench *k = disk("3330", 2);
    dasd_step(k, 0x1F, "08", 1, OK, 0);
    dasd_step(k, 0x07, "0000 0000 0001", 6, OK | UC, 6);
    dasd_expect_sense(k, "00 04 00 00 38 00 00 00");
    dasd_cmd(k, 0x1F, "08", 1);
    dasd_step(k, 0x0B, "0000 0001 0001", 6, OK, 0);
    dasd_step(k, 0x1B, "0000 0000 0002", 6, OK, 0);
    dasd_step(k, 0x13, NULL, 1, OK | UC, 1);
    dasd_expect_sense(k, "00 04 00 00 38 01 02 00");

    dasd_cmd(k, 0x1F, "10", 1);
    dasd_step(k, 0x0B, "0000 0000 0001", 6, OK | UC, 6);
    dasd_new_program(k);
    dasd_cmd(k, 0x1F, "10", 1);
    dasd_step(k, 0x1B, "0000 0000 0003", 6, OK, 0);

    dasd_new_program(k);
    dasd_cmd(k, 0x1F, "18", 1);
    dasd_step(k, 0x1B, "0000 0000 0004", 6, OK | UC, 6);
    dasd_expect_sense(k, "00 04 00 00 38 01 03 00");
    /* and no multitrack head switching: a multitrack Read Count at the end of the track */
    dasd_cmd(k, 0x1F, "18", 1);
    dasd_step(k, 0x92, NULL, 8, OK | UC, 8);
    dasd_expect_sense(k, "00 04 00 00 38 01 03 00");
    dasd_bench_free(k);
}
END_TEST

/* One Set File Mask per channel program; reserved bits rejected. */
START_TEST(test_set_file_mask_errors)
{
    struct dasd_bench *k = disk("3330", 2);
    dasd_step(k, 0x1F, "C0", 1, OK, 0);
    dasd_step(k, 0x1F, "C0", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 00 00 00 38 00 00 02");
    dasd_step(k, 0x1F, "20", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 00 00 00 38 00 00 04");
    dasd_bench_free(k);

    /* the 2841: bits 5-7 reserved too; a second mask is an invalid sequence (byte 1 bit 3) */
    k = disk("2311", 2);
    dasd_step(k, 0x1F, "01", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 00 00 C8 00 00");
    dasd_cmd(k, 0x1F, "C0", 1);
    dasd_step(k, 0x1F, "C0", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 10 00 C8 00 00");
    dasd_bench_free(k);
}
END_TEST

/* ---- reads -------------------------------------------------------------------------------------- */

/* From the index point the reads skip R0: Read Count gives R1's count; then each read goes on. */
START_TEST(test_reads)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    dasd_step(k, 0x12, NULL, 8, OK, 0);
    dasd_expect_data(k, "0000 0000 01 04 0018");
    dasd_step(k, 0x0E, NULL, 28, OK, 0); /* Read Key and Data of R1 */
    dasd_expect_data(k, "C9D7D3F1 " IPL1_DATA);
    dasd_step(k, 0x1E, NULL, 100, OK, 0); /* Read Count Key and Data: R2, 156 bytes, 100 of them */
    ck_assert(k->r.longer);
    dasd_expect_data(k, "0000 0000 02 04 0090 C9D7D3F2 00000000");
    dasd_step(k, 0x06, NULL, 90, OK, 10); /* Read Data: R3's 80 bytes */
    ck_assert(!k->r.longer);
    dasd_expect_data(k, "E5D6D3F1 E3C5E2E3F0F1");
    dasd_step(k, 0x16, NULL, 16, OK, 0); /* Read R0 */
    dasd_expect_data(k, R0_OF("0000 0000"));
    dasd_step(k, 0x1A, NULL, 10, OK, 5); /* Read Home Address */
    dasd_expect_data(k, "00 0000 0000");
    dasd_step(k, 0x1E, NULL, 36, OK, 0); /* after the home address: R1 again (R0 skipped) */
    dasd_expect_data(k, "0000 0000 01 04 0018 C9D7D3F1 " IPL1_DATA);
    dasd_bench_free(k);
}
END_TEST

/* Read IPL seeks to 0/0 and reads R1's data from wherever the heads were. */
START_TEST(test_read_ipl)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 1, 7);
    dasd_new_program(k);
    dasd_step(k, 0x02, NULL, 24, OK, 0);
    dasd_expect_data(k, IPL1_DATA);
    dasd_step(k, 0x06, NULL, 144, OK, 0); /* chained: the next record's data (IPL2) */
    dasd_cmd(k, 0x1A, NULL, 5);
    dasd_expect_data(k, "00 0000 0000");
    dasd_bench_free(k);
}
END_TEST

/* Multitrack Read R0 and Read Home Address switch to the next head first; past the last head of
   the cylinder: End of Cylinder. */
START_TEST(test_multitrack_end_of_cylinder)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 17);
    dasd_step(k, 0x9A, NULL, 5, OK, 0);
    dasd_expect_data(k, "00 0000 0012");
    dasd_step(k, 0x96, NULL, 16, OK | UC, 16);
    dasd_expect_sense(k, "00 20 00 00 38 00 12 00");
    seek(k, 0, 18);
    dasd_step(k, 0x92, NULL, 8, OK | UC, 8); /* only R0 here: the next head would be 19 */
    dasd_expect_sense(k, "00 20 00 00 38 00 12 00");
    dasd_bench_free(k);
}
END_TEST

/* ---- searches ----------------------------------------------------------------------------------- */

START_TEST(test_search_id)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    dasd_step(k, 0x31, "0000 0000 02", 5, OK, 0); /* R0 */
    dasd_step(k, 0x31, "0000 0000 02", 5, OK, 0); /* R1 */
    dasd_step(k, 0x31, "0000 0000 02", 5, OK | SM, 0); /* R2: found */
    dasd_step(k, 0x06, NULL, 144, OK, 0);

    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_step(k, 0x51, "0000 0000 01", 5, OK, 0); /* High: R0 is lower */
    dasd_step(k, 0x51, "0000 0000 01", 5, OK, 0); /* R1 equal, not high */
    dasd_step(k, 0x51, "0000 0000 01", 5, OK | SM, 0); /* R2 */

    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_step(k, 0x71, "0000 0000 01", 5, OK, 0); /* Equal or High: R0 no, R1 yes */
    dasd_step(k, 0x71, "0000 0000 01", 5, OK | SM, 0);

    /* a 4-byte argument compares CCHH only; a 6-byte one leaves a residual of 1 */
    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_step(k, 0x31, "0000 0000", 4, OK | SM, 0);
    dasd_step(k, 0x31, "0000 0000 01 FF", 6, OK | SM, 1);
    dasd_bench_free(k);
}
END_TEST

/* A record not on the track: the search goes round it twice, then No Record Found.  An intervening
   Read Home Address starts the count again. */
START_TEST(test_no_record_found)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    for (int i = 0; i < 8; i++) { /* R0 R1 R2 R3, index, R0 R1 R2 R3 */
        dasd_step(k, 0x31, "0000 0000 09", 5, OK, 0);
    }
    dasd_step(k, 0x31, "0000 0000 09", 5, OK | UC, 5);
    dasd_expect_sense(k, "00 08 00 00 38 00 00 00");

    seek(k, 0, 0);
    for (int i = 0; i < 6; i++)
        dasd_cmd(k, 0x31, "0000 0000 09", 5);
    dasd_step(k, 0x1A, NULL, 5, OK, 0);
    for (int i = 0; i < 8; i++) {
        dasd_step(k, 0x31, "0000 0000 09", 5, OK, 0);
    }
    dasd_step(k, 0x31, "0000 0000 09", 5, OK | UC, 5);
    dasd_bench_free(k);
}
END_TEST

/* Multitrack searches switch heads at the index point: R0 of head 1 is found from head 0; a key
   nowhere on the cylinder ends with End of Cylinder at the last head. */
START_TEST(test_multitrack_search)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    for (int i = 0; i < 4; i++) {
        dasd_step(k, 0xB1, "0000 0001 00", 5, OK, 0);
    }
    dasd_step(k, 0xB1, "0000 0001 00", 5, OK | SM, 0);
    dasd_cmd(k, 0x1A, NULL, 5);
    dasd_expect_data(k, "00 0000 0001");

    dasd_new_program(k);
    seek(k, 0, 0);
    for (int i = 0; i < 3; i++) { /* the keys of R1 R2 R3 */
        dasd_step(k, 0xA9, "E9E9E9E9", 4, OK, 0);
    }
    dasd_step(k, 0xA9, "E9E9E9E9", 4, OK | UC, 4);
    dasd_expect_sense(k, "00 20 00 00 38 00 12 00");
    dasd_bench_free(k);
}
END_TEST

START_TEST(test_search_key_and_home_address)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    dasd_step(k, 0x29, "E5D6D3F1", 4, OK, 0); /* VOL1: R1 IPL1 no */
    dasd_step(k, 0x29, "E5D6D3F1", 4, OK, 0);
    dasd_step(k, 0x29, "E5D6D3F1", 4, OK | SM, 0);
    dasd_step(k, 0x06, NULL, 80, OK, 0);
    dasd_expect_data(k, "E5D6D3F1 E3C5E2E3F0F1");

    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_step(k, 0x49, "C9D7D3F1", 4, OK, 0); /* High than IPL1: IPL1 no, IPL2 yes */
    dasd_step(k, 0x49, "C9D7D3F1", 4, OK | SM, 0);
    dasd_step(k, 0x69, "C9D7D3F2", 5, OK | SM, 1); /* Equal or High, a longer argument: VOL1 > IPL2 */

    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_step(k, 0x39, "0000 0000", 4, OK | SM, 0);
    dasd_step(k, 0x39, "0000 0001", 4, OK, 0);
    dasd_step(k, 0xB9, "0000 0001", 4, OK | SM, 0); /* multitrack: head 1's home address */
    dasd_bench_free(k);
}
END_TEST

/* ---- writes ------------------------------------------------------------------------------------- */

/* Search ID Equal on R0 then Write CKD writes R1 and erases the rest; Write CKD chains on. */
START_TEST(test_write_count_key_and_data)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 1);
    dasd_step(k, 0x31, "0000 0001 00", 5, OK | SM, 0);
    dasd_cmd_filled(k, 0x1D, "0000 0001 01 00 0064", 0xA5, 108);
    dasd_expect(k, OK, 0);
    dasd_cmd_filled(k, 0x1D, "0000 0001 02 03 000A C1C2C3", 0x5A, 21);
    dasd_expect(k, OK, 0);
    dasd_step(k, 0x1D, "0000 0001 03 00 0000", 8, OK, 0);

    dasd_new_program(k);
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 01", 5);
    dasd_step(k, 0x31, "0000 0001 01", 5, OK | SM, 0);
    dasd_step(k, 0x06, NULL, 100, OK, 0);
    dasd_expect_data(k, "A5A5A5A5");
    dasd_step(k, 0x0E, NULL, 13, OK, 0);
    dasd_expect_data(k, "C1C2C3 5A5A5A5A5A5A5A5A5A5A");
    dasd_step(k, 0x06, NULL, 10, OK | UX, 10); /* R3 has no data: end of file, unit exception */

    char want[2000] = "00 0000 0001 " R0_OF("0000 0001") " 0000 0001 01 00 0064 ";
    for (int i = 0; i < 100; i++)
        strcat(want, "A5");
    strcat(want, " 0000 0001 02 03 000A C1C2C3 5A5A5A5A5A5A5A5A5A5A 0000 0001 03 00 0000 " END_MARK);
    expect_track(k, 1, want);
    dasd_bench_free(k);
}
END_TEST

/* A short count pads the record with zeros and is incorrect length; a record written after R1
   replaces everything after it. */
START_TEST(test_write_pads_and_erases)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_step(k, 0x31, "0000 0000 01", 5, OK | SM, 0);
    dasd_step(k, 0x1D, "0000 0000 02 00 0004 DDDD", 10, OK, 0);
    ck_assert(k->r.longer);
    expect_track(k, 0, "00 0000 0000 " R0_OF("0000 0000") " 0000 0000 01 04 0018 C9D7D3F1 " IPL1_DATA
                       " 0000 0000 02 00 0004 DDDD0000 " END_MARK);
    dasd_bench_free(k);
}
END_TEST

/* The chaining rules of the writes (command reject, invalid sequence) and the file mask's write
   bits (File Protected). */
START_TEST(test_write_rules)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 1);
    dasd_step(k, 0x1D, "0000 0001 01 00 0001 FF", 9, OK | UC, 9); /* not after a search */
    dasd_expect_sense(k, "80 00 00 00 38 00 01 02");

    dasd_cmd(k, 0x1F, "40", 1); /* inhibit all writes */
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x1D, "0000 0001 01 00 0001 FF", 9, OK | UC, 9);
    dasd_expect_sense(k, "00 04 00 00 38 00 01 00");
    dasd_cmd(k, 0x1F, "80", 1); /* updates only */
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x1D, "0000 0001 01 00 0001 FF", 9, OK | UC, 9);

    /* Write R0 needs Search Home Address Equal (or Write Home Address) just before, and mask 11 */
    dasd_new_program(k);
    dasd_cmd(k, 0x1F, "C0", 1);
    dasd_step(k, 0x15, R0_OF("0000 0001"), 16, OK | UC, 16);
    dasd_expect_sense(k, "80 00 00 00 38 00 01 02");
    dasd_cmd(k, 0x39, "0000 0001", 4);
    dasd_step(k, 0x15, R0_OF("0000 0001"), 16, OK | UC, 16); /* mask 00 */
    dasd_expect_sense(k, "00 04 00 00 38 00 01 00");

    /* Write Data after a search that compared only 4 bytes; Write Key and Data after a key search */
    dasd_step(k, 0x31, "0000 0001", 4, OK | SM, 0);
    dasd_step(k, 0x05, "11", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 00 00 00 38 00 01 02");
    seek(k, 0, 0);
    dasd_step(k, 0x29, "C9D7D3F1", 4, OK | SM, 0);
    dasd_step(k, 0x0D, "C9D7D3F1", 28, OK | UC, 28);
    /* Write Data after a Read Data has passed the data area */
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 00", 5);
    dasd_cmd(k, 0x06, NULL, 8);
    dasd_step(k, 0x05, "11", 1, OK | UC, 1);
    /* mask 01 forbids Write Data */
    dasd_new_program(k);
    dasd_cmd(k, 0x1F, "40", 1);
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 00", 5);
    dasd_step(k, 0x05, "11", 8, OK | UC, 8);
    dasd_expect_sense(k, "00 04 00 00 38 00 00 00");
    dasd_bench_free(k);
}
END_TEST

START_TEST(test_write_data_and_key)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_step(k, 0x05, "0102030405060708 1112131415161718 2122232425262728 FF", 25, OK, 1); /* one more than DL */
    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 02", 5);
    dasd_cmd(k, 0x31, "0000 0000 02", 5);
    dasd_step(k, 0x31, "0000 0000 02", 5, OK | SM, 0);
    dasd_step(k, 0x0D, "C1C1C1C1 EEEE", 6, OK, 0); /* new key, data padded */
    ck_assert(k->r.longer);
    /* Search Key Equal then Write Data on VOL1 */
    dasd_new_program(k);
    seek(k, 0, 0);
    for (int i = 0; i < 3; i++)
        dasd_cmd(k, 0x29, "E5D6D3F1", 4);
    dasd_expect(k, OK | SM, 0);
    dasd_cmd_filled(k, 0x05, "", 0x40, 80);
    dasd_expect(k, OK, 0);

    char want[3000] = "00 0000 0000 " R0_OF("0000 0000") " 0000 0000 01 04 0018 C9D7D3F1 "
                      "0102030405060708 1112131415161718 2122232425262728 0000 0000 02 04 0090 C1C1C1C1 EEEE";
    for (int i = 0; i < 142; i++)
        strcat(want, "00");
    strcat(want, " 0000 0000 03 04 0050 E5D6D3F1 ");
    for (int i = 0; i < 80; i++)
        strcat(want, "40");
    strcat(want, END_MARK);
    expect_track(k, 0, want);
    dasd_bench_free(k);
}
END_TEST

/* Write Home Address erases the track; Write R0 and Write CKD format it again. */
START_TEST(test_format_track)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 2);
    dasd_cmd(k, 0x1F, "C0", 1);
    dasd_step(k, 0x19, "00 0000 0002", 5, OK, 0);
    dasd_step(k, 0x15, "0000 0002 00 00 0008 1111111111111111", 16, OK, 0);
    dasd_step(k, 0x1D, "0000 0002 01 00 0002 ABCD", 10, OK, 0);
    dasd_step(k, 0x11, "0000 0002 02 00 0010", 30, OK, 6); /* Erase after R1: its count describes 24 bytes */
    expect_track(k, 2, "00 0000 0002 0000 0002 00 00 0008 1111111111111111 0000 0002 01 00 0002 ABCD " END_MARK);

    /* Write Home Address alone leaves the home address and the end marker; Write HA needs mask 11 */
    attach(k, "3330", "");
    seek(k, 0, 3);
    dasd_step(k, 0x19, "00 0000 0003", 5, OK | UC, 5);
    dasd_expect_sense(k, "00 04 00 00 38 00 03 00");
    dasd_cmd(k, 0x1F, "C0", 1);
    dasd_step(k, 0x19, "00 0000 0003", 5, OK, 0);
    expect_track(k, 3, "00 0000 0003 " END_MARK);
    dasd_bench_free(k);
}
END_TEST

/* Erase after Search ID Equal: everything after the record goes. */
START_TEST(test_erase)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 0);
    dasd_cmd(k, 0x11, "0000 0000 02 00 0010", 8);
    dasd_expect(k, OK | UC, 8); /* not after a search */
    dasd_expect_sense(k, "80 00 00 00 38 00 00 02");
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_step(k, 0x11, "0000 0000 02 00 0010", 8, OK, 0);
    expect_track(k, 0, "00 0000 0000 " R0_OF("0000 0000") " 0000 0000 01 04 0018 C9D7D3F1 " IPL1_DATA " " END_MARK);
    dasd_bench_free(k);
}
END_TEST

/* 3330 track capacity (gaps formula, 3830): every record takes KL + DL + 135 (+ 56 with a key), 13165
   in all.  R1 of 13030 bytes fits, 13031 not (Invalid Track Format); 6500 + 6395 fit, 6396 not. */
START_TEST(test_track_capacity)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 4);
    dasd_cmd(k, 0x31, "0000 0004 00", 5);
    dasd_step(k, 0x1D, "0000 0004 01 00 32E7", 13039, OK | UC, 13039);
    dasd_expect_sense(k, "00 40 00 00 38 00 04 00");
    seek(k, 0, 4);
    dasd_cmd(k, 0x31, "0000 0004 00", 5);
    dasd_step(k, 0x1D, "0000 0004 01 00 32E6", 13038, OK, 0);

    dasd_new_program(k);
    seek(k, 0, 5);
    dasd_cmd(k, 0x31, "0000 0005 00", 5);
    dasd_step(k, 0x1D, "0000 0005 01 00 1964", 6508, OK, 0);
    dasd_step(k, 0x1D, "0000 0005 02 00 18FC", 6404, OK | UC, 6404);
    seek(k, 0, 5);
    dasd_cmd(k, 0x31, "0000 0005 01", 5);
    dasd_cmd(k, 0x31, "0000 0005 01", 5);
    dasd_step(k, 0x1D, "0000 0005 02 00 18FB", 6403, OK, 0);
    dasd_bench_free(k);

    /* 3380 (cells of 32 bytes: data ceil((DL+492)/32), key ceil((KL+236)/32); 47968 in all):
       one record of 47476 takes 1499 cells; 47477 would take 1500, more than the 1499 there are */
    k = disk("3380", 2);
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x1D, "0000 0001 01 00 B975", 47485, OK | UC, 47485);
    dasd_expect_sense(k, "00 40 00 00 00 00 01 00");
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x1D, "0000 0001 01 00 B974", 47484, OK, 0);
    dasd_bench_free(k);
}
END_TEST

/* ro: writes are File Protected (with Write Inhibited); ro fakewrite: they seem to work within the
   channel program, the image never changes. */
START_TEST(test_read_only)
{
    struct dasd_bench *k = volume("3330", 2, false);
    attach(k, "3330", "ro");
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x1D, "0000 0001 01 00 0001 77", 9, OK | UC, 9);
    dasd_expect_sense(k, "00 06 00 00 38 00 01 00");
    dasd_detach(k);

    attach(k, "3330", "ro fw");
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x1D, "0000 0001 01 00 0001 77", 9, OK, 0);
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 01", 5);
    dasd_step(k, 0x31, "0000 0001 01", 5, OK | SM, 0);
    dasd_cmd(k, 0x06, NULL, 1);
    dasd_expect_data(k, "77");
    expect_track(k, 1, "00 0000 0001 " R0_OF("0000 0001") " " END_MARK);
    dasd_bench_free(k);
}
END_TEST

/* Track overflow (3330): a Write Special CKD segment on head 4 continues with R1 of head 5; Read
   Data reads both, counts are presented without the flag, the image keeps it. */
START_TEST(test_track_overflow)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 4);
    dasd_cmd(k, 0x31, "0000 0004 00", 5);
    dasd_cmd_filled(k, 0x01, "0000 0004 01 00 000A", 0x11, 18);
    dasd_expect(k, OK, 0);
    dasd_new_program(k);
    seek(k, 0, 5);
    dasd_cmd(k, 0x31, "0000 0005 00", 5);
    dasd_cmd_filled(k, 0x1D, "0000 0005 01 00 0006", 0x22, 14);
    dasd_expect(k, OK, 0);

    dasd_new_program(k);
    seek(k, 0, 4);
    dasd_cmd(k, 0x12, NULL, 8);
    dasd_expect_data(k, "0000 0004 01 00 000A");
    dasd_new_program(k);
    seek(k, 0, 4);
    dasd_cmd(k, 0x31, "0000 0004 01", 5);
    dasd_step(k, 0x31, "0000 0004 01", 5, OK | SM, 0);
    dasd_step(k, 0x06, NULL, 16, OK, 0);
    dasd_expect_data(k, "11111111111111111111 222222222222");
    dasd_cmd(k, 0x1A, NULL, 5);
    dasd_expect_data(k, "00 0000 0005");
    expect_track(k, 4, "00 0000 0004 " R0_OF("0000 0004") " 8000 0004 01 00 000A 11111111111111111111 " END_MARK);
    dasd_bench_free(k);

    /* the 3380 has no track overflow */
    k = disk("3380", 2);
    seek(k, 0, 1);
    dasd_cmd(k, 0x31, "0000 0001 00", 5);
    dasd_step(k, 0x01, "0000 0001 01 00 0001 11", 9, OK | UC, 9);
    dasd_expect_sense(k, "80 00 00 00 00 00 01 01");
    dasd_bench_free(k);
}
END_TEST

/* ---- 3880 / 3380 -------------------------------------------------------------------------------- */

START_TEST(test_3380)
{
    struct dasd_bench *k = disk("3380", 2);
    dasd_step(k, 0x1A, NULL, 5, OK | UC, 5); /* the 3880 wants a seek first */
    dasd_expect_sense(k, "80 00 00 00 00 00 00 02");
    dasd_step(k, 0xE4, NULL, 7, OK, 0);
    dasd_expect_data(k, "FF 3880 05 3380 02");
    dasd_new_program(k);
    dasd_step(k, 0x64, NULL, 64, OK, 0);
    dasd_expect_data(k, "3880 05 3380 02 80000000 20 0E 0002 000F DE 00 BB60 0440 01 20 01EC 00EC 00000000"
                   " 0000000000000000 0E 0E 09 02 BB74 00 01 00 5007");
    /* Read Multiple CKD: R1, R2 and R3 of track 0 */
    seek(k, 0, 0);
    dasd_step(k, 0x5E, NULL, 300, OK, 300 - 36 - 156 - 92);
    dasd_expect_data(k, "0000 0000 01 04 0018 C9D7D3F1 " IPL1_DATA " 0000 0000 02 04 0090 C9D7D3F2");
    ck_assert_uint_eq(k->data[192], 0x00);
    ck_assert_uint_eq(k->data[196], 0x03);
    dasd_bench_free(k);

    /* the 3830 has no Read Multiple CKD and no RDC */
    k = disk("3330", 2);
    dasd_step(k, 0x5E, NULL, 100, OK | UC, 100);
    dasd_expect_sense(k, "80 00 00 00 38 00 00 01");
    dasd_step(k, 0x64, NULL, 64, OK | UC, 64);
    dasd_bench_free(k);
}
END_TEST

/* Sense bytes 5-6 of a 3380 at cylinder 300 (X'12C') head 14: X'2C', then X'1' over the head. */
START_TEST(test_3380_sense_position)
{
    struct dasd_bench *k = volume("3380", 301, true);
    attach(k, "3380", "");
    seek(k, 300, 14);
    dasd_step(k, 0x07, "0000 012C 000F", 6, OK | UC, 6);
    dasd_expect_sense(k, "80 00 00 00 00 2C 1E 04");
    dasd_bench_free(k);
}
END_TEST

START_TEST(test_3330_on_3880)
{
    struct dasd_bench *k = volume("3330", 2, false);
    attach(k, "3330", "cu=3880");
    dasd_step(k, 0x31, "0000 0000 00", 5, OK | UC, 5);
    dasd_new_program(k);
    dasd_cmd(k, 0x02, NULL, 24); /* Read IPL positions */
    dasd_step(k, 0x1A, NULL, 5, OK, 0);
    dasd_bench_free(k);
}
END_TEST

/* ---- sectors, reserve, release, NOP ------------------------------------------------------------- */

/* Sector s is at byte s * 13312 / 128 of a 3330 track: R2 at byte 6529 starts in sector 62. */
START_TEST(test_sectors)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 0, 3);
    dasd_cmd(k, 0x31, "0000 0003 00", 5);
    dasd_cmd(k, 0x1D, "0000 0003 01 00 1964", 6508);
    dasd_step(k, 0x1D, "0000 0003 02 00 0064", 108, OK, 0);
    dasd_step(k, 0x22, NULL, 1, OK, 0);
    dasd_expect_data(k, "3E");
    dasd_new_program(k);
    seek(k, 0, 3);
    dasd_step(k, 0x23, "3E", 1, OK, 0);
    dasd_cmd(k, 0x12, NULL, 8);
    dasd_expect_data(k, "0000 0003 02 00 0064");
    dasd_cmd(k, 0x23, "01", 1);
    dasd_cmd(k, 0x12, NULL, 8);
    dasd_expect_data(k, "0000 0003 02 00 0064");
    dasd_cmd(k, 0x23, "3F", 1); /* past the last record: round to R1 */
    dasd_cmd(k, 0x12, NULL, 8);
    dasd_expect_data(k, "0000 0003 01 00 1964");
    dasd_cmd(k, 0x23, "FF", 1);
    dasd_cmd(k, 0x12, NULL, 8);
    dasd_expect_data(k, "0000 0003 01 00 1964");
    dasd_step(k, 0x23, "80", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 00 00 00 38 00 03 04");
    dasd_bench_free(k);

    k = disk("2311", 2);
    dasd_step(k, 0x23, "00", 1, OK | UC, 1);
    dasd_expect_sense(k, "80 00 00 C8 00 00");
    dasd_step(k, 0x22, NULL, 1, OK | UC, 1);
    dasd_bench_free(k);
}
END_TEST

START_TEST(test_reserve_release_nop)
{
    struct dasd_bench *k = disk("3330", 2);
    dasd_step(k, 0x03, NULL, 1, OK, 1);
    dasd_new_program(k);
    dasd_step(k, 0xB4, NULL, 24, OK, 0);
    dasd_expect_data(k, "00000000 38000000");
    dasd_step(k, 0xB4, NULL, 24, OK | UC, 24); /* not first in the program */
    dasd_new_program(k);
    dasd_step(k, 0x94, NULL, 24, OK, 0);
    dasd_new_program(k);
    dasd_cmd(k, 0x1F, "00", 1);
    dasd_step(k, 0x94, NULL, 24, OK | UC, 24);
    dasd_expect_sense(k, "80 00 00 00 38 00 00 02");
    dasd_step(k, 0x27, NULL, 1, OK | UC, 1); /* not a command of these devices */
    dasd_expect_sense(k, "80 00 00 00 38 00 00 01");
    dasd_bench_free(k);
}
END_TEST

/* An I/O reset drops the sense and the file mask; the position stays. */
START_TEST(test_reset)
{
    struct dasd_bench *k = disk("3330", 2);
    seek(k, 1, 1);
    dasd_step(k, 0x07, "0000 0009 0000", 6, OK | UC, 6);
    k->d->type->reset(k->d);
    dasd_expect_sense(k, "00 00 00 00 38 01 01 00");
    dasd_bench_free(k);
}
END_TEST

/* ---- through the channel ------------------------------------------------------------------------ */

/* Seek, Search ID Equal, TIC back, Read Data: the search presents status modifier when it finds R3,
   so the channel skips the TIC and reads VOL1 into BUF; the CSW points after the Read. */
START_TEST(test_channel_program)
{
    struct dasd_bench *k = volume("3330", 2, false);
    attach(k, "3330", "");
    struct ur_rig g;
    ur_rig_init(&g, k->d);
    ur_rig_run(&g, UR_I("SIO   X'150'"),
               UR_I("CCW   X'07',SEEKARG,X'40',6") "SEARCH   CCW   X'31',ID,X'40',5\n" UR_I("CCW   X'08',SEARCH,0,0")
               "READ     CCW   X'06',BUF,X'00',80\n" "SEEKARG  DC    XL6'000000000000'\n" "ID       DC    X'0000000003'\n");
    ck_assert_uint_eq(ur_rig_cc(&g), 0);
    ck_assert(ur_rig_interrupted(&g));
    ck_assert_uint_eq(ur_rig_status(&g), 0x0C00);
    uint32_t prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(ur_rig_csw(&g) >> 32, prog + 32); /* the Read is the fourth CCW */
    const uint8_t *buf = ur_rig_storage(&g, UR_BUF);
    ck_assert_mem_eq(buf, "\xE5\xD6\xD3\xF1\xE3\xC5\xE2\xE3\xF0\xF1", 10);
    ur_rig_free(&g);
    k->d = NULL;
    dasd_bench_free(k);
}
END_TEST

/* IPL from the 3330: the IPL1 record (written here) is a PSW and a Read Data of IPL2 into X'400';
   the channel chains to it, the PSW is loaded with the device address in bytes 2-3. */
START_TEST(test_ipl)
{
    struct dasd_bench *k = disk("3330", 2);
    dasd_cmd(k, 0x1F, "C0", 1);
    seek(k, 0, 0);
    dasd_cmd(k, 0x29, "C9D7D3F2", 4);
    dasd_step(k, 0x29, "C9D7D3F2", 4, OK | SM, 0);
    dasd_step(k, 0x05, "12345678 9ABCDEF0", 144, OK, 0);
    dasd_new_program(k);
    seek(k, 0, 0);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_cmd(k, 0x31, "0000 0000 01", 5);
    dasd_step(k, 0x05, "00020000 00000400 06000400 20000008 00000000 00000000", 24, OK, 0);
    struct ur_rig g;
    ur_rig_init(&g, k->d);
    char err[200] = "";
    ck_assert_msg(channel_ipl(g.cs, ADDRESS, false, err, sizeof err), "%s", err);
    ck_assert_uint_eq(cputest_word(&g.t, 0x400), 0x12345678);
    ck_assert_uint_eq(cputest_word(&g.t, 0x404), 0x9ABCDEF0);
    ck_assert_uint_eq(cputest_word(&g.t, 0), 0x00020150);
    ck_assert_uint_eq(cpu_psw(g.t.c)->ia, 0x400);
    ur_rig_free(&g);
    k->d = NULL;
    dasd_bench_free(k);
}
END_TEST

Suite *suite_ckd(void)
{
    Suite *s = suite_create("ckd");
    TCase *tc = tcase_create("commands");
    tcase_add_test(tc, test_definition_errors);
    tcase_add_test(tc, test_describe);
    tcase_add_test(tc, test_sense_id);
    tcase_add_test(tc, test_sense);
    tcase_add_test(tc, test_seek);
    tcase_add_test(tc, test_seek_errors);
    tcase_add_test(tc, test_file_mask_seeks);
    tcase_add_test(tc, test_set_file_mask_errors);
    tcase_add_test(tc, test_reads);
    tcase_add_test(tc, test_read_ipl);
    tcase_add_test(tc, test_multitrack_end_of_cylinder);
    tcase_add_test(tc, test_search_id);
    tcase_add_test(tc, test_no_record_found);
    tcase_add_test(tc, test_multitrack_search);
    tcase_add_test(tc, test_search_key_and_home_address);
    tcase_add_test(tc, test_write_count_key_and_data);
    tcase_add_test(tc, test_write_pads_and_erases);
    tcase_add_test(tc, test_write_rules);
    tcase_add_test(tc, test_write_data_and_key);
    tcase_add_test(tc, test_format_track);
    tcase_add_test(tc, test_erase);
    tcase_add_test(tc, test_track_capacity);
    tcase_add_test(tc, test_read_only);
    tcase_add_test(tc, test_track_overflow);
    tcase_add_test(tc, test_3380);
    tcase_add_test(tc, test_3380_sense_position);
    tcase_add_test(tc, test_3330_on_3880);
    tcase_add_test(tc, test_sectors);
    tcase_add_test(tc, test_reserve_release_nop);
    tcase_add_test(tc, test_reset);
    tcase_add_test(tc, test_channel_program);
    tcase_add_test(tc, test_ipl);
    suite_add_tcase(s, tc);
    return s;
}
