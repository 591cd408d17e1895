/*
 * test_ckd_image.c - the DASD geometry table and capacity formulas, track image helpers, and
 * uncompressed CKD images: dasdinit's layout of a new volume byte for byte, round trips, multi-file
 * volumes, damaged files.  Expected numbers are worked out from the device manuals' formulas (the
 * DSCBs per track they give are the well-known VTOC capacities) and FORMATS.md 3.1.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "devices/images/ckd_image.h"

static char folder[64];
static char volume[128];

static void make_folder(void)
{
    testdir_create(folder, sizeof folder, "ckdtest");
    snprintf(volume, sizeof volume, "%s/vol_1.ckd", folder);
}

static void remove_folder(void)
{
    testdir_remove(folder);
}

/* How many records of these lengths fit on one track. */
static unsigned records_per_track(const char *model, uint8_t kl, uint16_t dl)
{
    const struct ckd_geometry *g = ckd_geometry_find(model);
    struct ckd_record_lengths r[300];
    unsigned n = 0;
    while (n < 300) {
        r[n] = (struct ckd_record_lengths){kl, dl};
        if (!ckd_records_fit(g, r, n + 1))
            break;
        n++;
    }
    return n;
}

START_TEST(geometry_table)
{
    static const struct {
        const char *name;
        uint32_t cylinders, heads, r1, track_size;
        uint8_t type_byte;
        uint16_t cu;
    } want[] = {
        /* track size: ROUND_UP(5 + 8 + 8 + 8 + R1 + 8, 512) */
        {"2311", 200, 10, 3625, 4096, 0x11, 0x2841},   {"2314", 200, 20, 7294, 7680, 0x14, 0x2314},
        {"3330", 404, 19, 13030, 13312, 0x30, 0x3830}, {"3330-11", 808, 19, 13030, 13312, 0x30, 0x3830},
        {"3340", 348, 12, 8368, 8704, 0x40, 0x3830},   {"3350", 555, 30, 19069, 19456, 0x50, 0x3830},
        {"3375", 959, 12, 35616, 35840, 0x75, 0x3880}, {"3380", 885, 15, 47476, 47616, 0x80, 0x3880},
        {"3390", 1113, 15, 56664, 56832, 0x90, 0x3990},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct ckd_geometry *g = ckd_geometry_find(want[i].name);
        ck_assert_ptr_nonnull(g);
        ck_assert_uint_eq(g->cylinders, want[i].cylinders);
        ck_assert_uint_eq(g->heads, want[i].heads);
        ck_assert_uint_eq(g->r1_max, want[i].r1);
        ck_assert_uint_eq(ckd_image_track_size(g), want[i].track_size);
        ck_assert_uint_eq(ckd_type_byte(g), want[i].type_byte);
        ck_assert_uint_eq(g->cu_type, want[i].cu);
    }
    ck_assert_ptr_null(ckd_geometry_find("3331"));
    ck_assert_str_eq(ckd_geometry_find("3380-k")->name, "3380-K");
    ck_assert_str_eq(ckd_geometry_by_type_byte(0x30)->name, "3330");
    ck_assert_ptr_null(ckd_geometry_by_type_byte(0x99));
    ck_assert_str_eq(ckd_geometry_for_size(0x3330, 411)->name, "3330");
    ck_assert_str_eq(ckd_geometry_for_size(0x3330, 412)->name, "3330-11");
    ck_assert_ptr_null(ckd_geometry_for_size(0x3330, 900));
    ck_assert_uint_eq(fba_geometry_find("3310")->blocks, 125664);
    ck_assert_uint_eq(fba_geometry_find("3370")->blocks, 558000);
    ck_assert_ptr_null(fba_geometry_find("3330"));
}
END_TEST

/* DSCBs (key 44, data 96) per VTOC track: 2311 16, 2314 25, 3330 39, 3340 22, 3350 47, 3380 53, 3390 50. */
START_TEST(dscbs_per_track)
{
    ck_assert_uint_eq(records_per_track("2311", 44, 96), 16); /* 227 each but the last 160: 15*227+160 = 3565 */
    ck_assert_uint_eq(records_per_track("2314", 44, 96), 25); /* 292 each, last 185: 24*292+185 = 7193 */
    ck_assert_uint_eq(records_per_track("3330", 44, 96), 39); /* 44+96+135+56 = 331; 13165/331 */
    ck_assert_uint_eq(records_per_track("3340", 44, 96), 22); /* 44+96+167+75 = 382; 8535/382 */
    ck_assert_uint_eq(records_per_track("3350", 44, 96), 47); /* 44+96+185+82 = 407; 19254/407 */
    ck_assert_uint_eq(records_per_track("3380", 44, 96), 53); /* 608 + 288 = 896; 47968/896 */
    ck_assert_uint_eq(records_per_track("3390", 44, 96), 50); /* 782 + 374 = 1156; 58786/1156 */
}
END_TEST

START_TEST(track_capacity_limits)
{
    const struct ckd_geometry *g3330 = ckd_geometry_find("3330"), *g3380 = ckd_geometry_find("3380");
    struct ckd_record_lengths r = {0, 13030};
    ck_assert(ckd_records_fit(g3330, &r, 1)); /* R1 maximum: 13030 + 135 = 13165 */
    ck_assert_uint_eq(ckd_records_space(g3330, &r, 1), 13165);
    r.data_length = 13031;
    ck_assert(!ckd_records_fit(g3330, &r, 1));
    r.data_length = 47476;
    ck_assert(ckd_records_fit(g3380, &r, 1)); /* (47476 + 492) / 32 = 1499 cells exactly */
    r.data_length = 47477;
    ck_assert(!ckd_records_fit(g3380, &r, 1));
    ck_assert_uint_eq(records_per_track("3380", 0, 4096), 10); /* ceil(4588/32)*32 = 4608 */
    ck_assert_uint_eq(records_per_track("3350", 0, 4096), 4);  /* 4281 each */
    ck_assert_uint_eq(records_per_track("2314", 0, 7294), 1);
    ck_assert(ckd_records_fit(g3330, &r, 0));
}
END_TEST

START_TEST(null_tracks_and_records)
{
    uint8_t t[64];
    ck_assert_uint_eq(ckd_null_track(t, 0x0102, 0x0304, 0), 37);
    static const uint8_t fmt0[37] = {0,    0x01, 0x02, 0x03, 0x04, 0x01, 0x02, 0x03, 0x04, 0,    0,    0, 8,
                                     0,    0,    0,    0,    0,    0,    0,    0,    0x01, 0x02, 0x03, 0x04, 1,
                                     0,    0,    0,    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    ck_assert_mem_eq(t, fmt0, 37);
    ck_assert_uint_eq(ckd_track_length(t, 37), 37);
    ck_assert(ckd_track_valid(t, 37, 0x0102, 0x0304));
    ck_assert(!ckd_track_valid(t, 37, 0x0102, 0x0305));
    ck_assert_uint_eq(ckd_track_length(t, 36), 0);
    uint32_t position = 0;
    struct ckd_record r;
    ck_assert(ckd_next_record(t, 37, &position, &r));
    ck_assert(r.record == 0 && r.key_length == 0 && r.data_length == 8 && r.cylinder == 0x0102 && r.head == 0x0304);
    ck_assert(ckd_next_record(t, 37, &position, &r));
    ck_assert(r.record == 1 && r.data_length == 0 && r.data == t + 29);
    ck_assert(!ckd_next_record(t, 37, &position, &r));
    ck_assert_uint_eq(ckd_null_track(t, 0, 1, 1), 29);
    static const uint8_t fmt1_end[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    ck_assert_mem_eq(t + 21, fmt1_end, 8);
    t[0] = 1;
    ck_assert(!ckd_track_valid(t, 29, 0, 1)); /* home address bin must be 0 */
    ck_assert(ckd_volser_valid("VOL001") && ckd_volser_valid("A"));
    ck_assert(!ckd_volser_valid("") && !ckd_volser_valid("TOOLONG") && !ckd_volser_valid("A B"));
}
END_TEST

static void create_plain(const char *name, const char *model, uint32_t cylinders, uint32_t per_file)
{
    struct ckd_create_options o = {ckd_geometry_find(model), cylinders, "test01", false, per_file, false};
    char err[256];
    ck_assert_msg(ckd_create(name, &o, err, sizeof err), "%s", err);
}

static void read_bytes(const char *name, long offset, uint8_t *buf, size_t n)
{
    int fd = open(name, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, buf, n, offset), (ssize_t)n);
    close(fd);
}

static long file_bytes(const char *name)
{
    struct stat st;
    return stat(name, &st) == 0 ? st.st_size : -1;
}

/* Track 0 as dasdinit writes it, from its bytes: R0, IPL1, IPL2, VOL1 (volser TEST01, owner HERCULES). */
static uint32_t expected_track0(uint8_t *t)
{
    static const uint8_t head[] = {
        0, 0, 0, 0, 0,                               /* HA */
        0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, /* R0 */
        0, 0, 0, 0, 1, 4, 0, 24, 0xC9, 0xD7, 0xD3, 0xF1, /* IPL1 count, key */
        0x00, 0x06, 0, 0, 0, 0, 0, 0x0F, 0x03, 0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 2, 4, 0, 144, 0xC9, 0xD7, 0xD3, 0xF2, /* IPL2 count, key; 144 zero bytes follow */
    };
    uint32_t n = sizeof head;
    memcpy(t, head, n);
    memset(t + n, 0, 144), n += 144;
    static const uint8_t vol1[] = {0, 0, 0, 0, 3, 4, 0, 80, 0xE5, 0xD6, 0xD3, 0xF1, /* count, key VOL1 */
                                   0xE5, 0xD6, 0xD3, 0xF1, 0xE3, 0xC5, 0xE2, 0xE3, 0xF0, 0xF1, 0x40, 0, 0, 0, 1, 1};
    memcpy(t + n, vol1, sizeof vol1), n += sizeof vol1;
    memset(t + n, 0x40, 25), n += 25;
    static const uint8_t owner[] = {0xC8, 0xC5, 0xD9, 0xC3, 0xE4, 0xD3, 0xC5, 0xE2}; /* HERCULES */
    memcpy(t + n, owner, sizeof owner), n += sizeof owner;
    memset(t + n, 0x40, 31), n += 31;
    memset(t + n, 0xFF, 8), n += 8;
    return n;
}

START_TEST(new_volume_as_dasdinit_makes_it)
{
    create_plain(volume, "3330", 5, 0);
    ck_assert_int_eq(file_bytes(volume), 512 + 95 * 13312);
    uint8_t raw[13312], want[400];
    read_bytes(volume, 0, raw, 20);
    static const uint8_t devhdr[20] = {'C', 'K', 'D', '_', 'P', '3', '7', '0', 19, 0, 0, 0, 0, 0x34, 0, 0, 0x30, 0, 0, 0};
    ck_assert_mem_eq(raw, devhdr, 20);
    uint32_t n = expected_track0(want);
    ck_assert_uint_eq(n, 313);
    read_bytes(volume, 512, raw, 13312);
    ck_assert_mem_eq(raw, want, n);
    for (uint32_t i = n; i < 13312; i++)
        ck_assert_uint_eq(raw[i], 0);
    read_bytes(volume, 512 + 20 * 13312, raw, 29); /* track 20 = cylinder 1 head 1: R0 only */
    ck_assert_uint_eq(ckd_null_track(want, 1, 1, 1), 29);
    ck_assert_mem_eq(raw, want, 29);
}
END_TEST

START_TEST(plain_round_trip)
{
    create_plain(volume, "2314", 3, 0);
    char err[256];
    struct ckd_image *img = ckd_open(volume, NULL, err, sizeof err);
    ck_assert_ptr_nonnull(img);
    struct ckd_image_info info;
    ckd_info(img, &info);
    ck_assert(!info.compressed && !info.read_only);
    ck_assert_uint_eq(info.tracks, 60);
    ck_assert_uint_eq(info.files, 1);
    uint8_t t[7680], back[7680];
    uint32_t n = ckd_null_track(t, 2, 5, 0), length;
    ck_assert(ckd_write_track(img, 45, t, n));
    ck_assert(ckd_flush(img));
    ck_assert(ckd_read_track(img, 45, back, &length));
    ck_assert_uint_eq(length, 37);
    ck_assert_mem_eq(back, t, 37);
    ck_assert(!ckd_write_track(img, 46, t, n)); /* wrong home address */
    ck_assert(!ckd_read_track(img, 60, back, &length));
    ck_assert(ckd_close(img, err, sizeof err));
    /* the slot is rewritten whole: the bytes after the new image are zero */
    uint8_t raw[64];
    read_bytes(volume, 512 + 45 * 7680 + 21, raw, 16); /* R1 count (cylinder 2 head 5, EOF), end marker */
    static const uint8_t after[16] = {0, 2, 0, 5, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    ck_assert_mem_eq(raw, after, 16);
    read_bytes(volume, 512 + 45 * 7680 + 37, raw, 8);
    static const uint8_t zeros[8] = {0};
    ck_assert_mem_eq(raw, zeros, 8);
}
END_TEST

/* Five cylinders in files of two: vol_1 (cylinders 0-1), vol_2 (2-3), vol_3 (4, the last). */
START_TEST(multi_file_volume)
{
    create_plain(volume, "3330", 5, 2);
    char second[160], third[160];
    snprintf(second, sizeof second, "%s/vol_2.ckd", folder);
    snprintf(third, sizeof third, "%s/vol_3.ckd", folder);
    ck_assert_int_eq(file_bytes(volume), 512 + 38 * 13312);
    ck_assert_int_eq(file_bytes(third), 512 + 19 * 13312);
    uint8_t raw[20];
    read_bytes(volume, 16, raw, 4);
    static const uint8_t first_hdr[4] = {0x30, 1, 1, 0}; /* type, sequence 1, high cylinder 1 */
    ck_assert_mem_eq(raw, first_hdr, 4);
    read_bytes(second, 16, raw, 4);
    static const uint8_t second_hdr[4] = {0x30, 2, 3, 0};
    ck_assert_mem_eq(raw, second_hdr, 4);
    read_bytes(third, 16, raw, 4);
    static const uint8_t third_hdr[4] = {0x30, 3, 0, 0}; /* the last file: high cylinder 0 */
    ck_assert_mem_eq(raw, third_hdr, 4);

    char err[256];
    struct ckd_image *img = ckd_open(volume, NULL, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    struct ckd_image_info info;
    ckd_info(img, &info);
    ck_assert_uint_eq(info.cylinders, 5);
    ck_assert_uint_eq(info.files, 3);
    uint8_t t[13312];
    uint32_t n = ckd_null_track(t, 4, 7, 0);
    ck_assert(ckd_write_track(img, 4 * 19 + 7, t, n)); /* cylinder 4 head 7: file 3, slot 7 */
    n = ckd_null_track(t, 3, 18, 0);
    ck_assert(ckd_write_track(img, 3 * 19 + 18, t, n)); /* cylinder 3 head 18: file 2, slot 37 */
    ck_assert(ckd_close(img, err, sizeof err));
    read_bytes(third, 512 + 7 * 13312 + 21, raw, 8);
    static const uint8_t r1_eof[8] = {0, 4, 0, 7, 1, 0, 0, 0};
    ck_assert_mem_eq(raw, r1_eof, 8);
    read_bytes(second, 512 + 37 * 13312 + 21, raw, 8);
    static const uint8_t r1_eof2[8] = {0, 3, 0, 18, 1, 0, 0, 0};
    ck_assert_mem_eq(raw, r1_eof2, 8);

    ck_assert_int_eq(unlink(second), 0);
    ck_assert_ptr_null(ckd_open(volume, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "vol_2.ckd: No such file or directory"));
}
END_TEST

START_TEST(multifile_names)
{
    char *n = ckd_multifile_name("/a.b/disk_1.ckd", 1);
    ck_assert_str_eq(n, "/a.b/disk_2.ckd");
    free(n);
    n = ckd_multifile_name("disk_1.ckd.gz", 10);
    ck_assert_str_eq(n, "disk_B.ckd.gz"); /* file 11: after 1-9 come A, B, ... */
    free(n);
    n = ckd_multifile_name("vol1", 0);
    ck_assert_str_eq(n, "vol1");
    free(n);
}
END_TEST

START_TEST(damaged_plain_images)
{
    create_plain(volume, "3330", 2, 0);
    char err[256];
    ck_assert_int_eq(truncate(volume, 512 + 30 * 13312), 0); /* 1 complete cylinder left */
    struct ckd_image *img = ckd_open(volume, NULL, err, sizeof err);
    ck_assert_ptr_nonnull(img);
    struct ckd_image_info info;
    ckd_info(img, &info);
    ck_assert_uint_eq(info.cylinders, 1);
    ck_assert(ckd_close(img, err, sizeof err));

    int fd = open(volume, O_WRONLY);
    static const uint8_t garbage[16] = {0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0x30, 0x30, 0x30, 0x30};
    ck_assert_int_eq(pwrite(fd, garbage, 16, 512 + 3 * 13312), 16); /* track 3: HA CCHH 0000 0003 -> 0003 0000 */
    ck_assert_int_eq(pwrite(fd, garbage, 16, 512 + 4 * 13312 + 5), 16); /* track 4: R0 DL 0x3030... no end */
    close(fd);
    struct ckd_open_options ro = {.read_only = true};
    img = ckd_open(volume, &ro, err, sizeof err);
    uint8_t t[13312];
    uint32_t length;
    ck_assert(!ckd_read_track(img, 3, t, &length));
    ck_assert_str_eq(ckd_error(img), "track 3 (cylinder 0 head 3): malformed track image (home address 0000000300)");
    ck_assert(!ckd_read_track(img, 4, t, &length));
    ck_assert(ckd_read_track(img, 5, t, &length));
    ck_assert(ckd_close(img, err, sizeof err));

    ck_assert_int_eq(truncate(volume, 100), 0);
    ck_assert_ptr_null(ckd_open(volume, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "not a CKD image file"));
    struct ckd_create_options again = {ckd_geometry_find("3330"), 1, "X", false, 0, false};
    ck_assert(!ckd_create(volume, &again, err, sizeof err)); /* never replaces a file */
    ck_assert_ptr_nonnull(strstr(err, "File exists"));
    again.volser = "SEVEN77";
    ck_assert(!ckd_create(volume, &again, err, sizeof err));
    ck_assert_str_eq(err, "volser 'SEVEN77': 1 to 6 printable characters");
}
END_TEST

START_TEST(plain_images_refuse_shadows)
{
    create_plain(volume, "3350", 1, 0);
    char err[256];
    struct ckd_open_options sf = {.shadow = "x_*.shd"};
    ck_assert_ptr_null(ckd_open(volume, &sf, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "need a compressed (CCKD) base image"));
    struct ckd_open_options ro = {.read_only = true};
    struct ckd_image *img = ckd_open(volume, &ro, err, sizeof err);
    uint8_t t[19456];
    uint32_t n = ckd_null_track(t, 0, 1, 0);
    ck_assert(!ckd_write_track(img, 1, t, n));
    ck_assert(ckd_close(img, err, sizeof err));
}
END_TEST

Suite *suite_ckd_image(void)
{
    Suite *s = suite_create("ckd_image");
    TCase *model = tcase_create("geometry");
    tcase_add_test(model, geometry_table);
    tcase_add_test(model, dscbs_per_track);
    tcase_add_test(model, track_capacity_limits);
    tcase_add_test(model, null_tracks_and_records);
    tcase_add_test(model, multifile_names);
    suite_add_tcase(s, model);
    TCase *plain = tcase_create("plain");
    tcase_add_checked_fixture(plain, make_folder, remove_folder);
    tcase_add_test(plain, new_volume_as_dasdinit_makes_it);
    tcase_add_test(plain, plain_round_trip);
    tcase_add_test(plain, multi_file_volume);
    tcase_add_test(plain, damaged_plain_images);
    tcase_add_test(plain, plain_images_refuse_shadows);
    suite_add_tcase(s, plain);
    return s;
}
