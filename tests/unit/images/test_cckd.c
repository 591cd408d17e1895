/*
 * test_cckd.c - compressed CKD images (FORMATS.md 3.2): header and table encodings byte for byte,
 * the layout of a new volume, write/read round trips (raw, zlib, null tracks), space reuse only after
 * a flush, recovery of an image whose writer died, shadow files, CCKD64 and big-endian images, and
 * damaged images giving messages instead of crashes.  Expected bytes are worked out from the format.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "devices/images/ckd_image.h"

static char dir[64];
static char path[128];

static void setup(void)
{
    testdir_create(dir, sizeof dir, "cckdtest");
    snprintf(path, sizeof path, "%s/vol.cckd", dir);
}

static void teardown(void)
{
    testdir_remove(dir);
}

static void read_file_at(const char *name, long offset, uint8_t *buf, size_t n)
{
    int fd = open(name, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, buf, n, offset), (ssize_t)n);
    close(fd);
}

static void patch_file(const char *name, long offset, const void *bytes, size_t n)
{
    int fd = open(name, O_WRONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pwrite(fd, bytes, n, offset), (ssize_t)n);
    close(fd);
}

static long size_of(const char *name)
{
    struct stat st;
    ck_assert_int_eq(stat(name, &st), 0);
    return st.st_size;
}

/* A 3330 volume of 5 cylinders (95 tracks), compressed, volser TEST01. */
static void create_3330(const char *name)
{
    struct ckd_create_options o = {ckd_geometry_find("3330"), 5, "TEST01", true, 0, false};
    char err[256];
    ck_assert_msg(ckd_create(name, &o, err, sizeof err), "%s", err);
}

static struct ckd_image *open_rw(const char *name)
{
    char err[256];
    struct ckd_image *img = ckd_open(name, NULL, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    return img;
}

static void close_ok(struct ckd_image *img)
{
    char err[256];
    ck_assert_msg(ckd_close(img, err, sizeof err), "%s", err);
}

/* A track image of cylinder/head with one record of `length` data bytes made by `pattern`. */
static uint32_t make_track(uint8_t *buf, uint32_t track, uint16_t length, int pattern)
{
    uint32_t c = track / 19, h = track % 19;
    uint32_t n = ckd_null_track(buf, c, h, 1) - 8;
    uint8_t count[8] = {(uint8_t)(c >> 8), (uint8_t)c, (uint8_t)(h >> 8), (uint8_t)h, 1, 0, (uint8_t)(length >> 8),
                        (uint8_t)length};
    memcpy(buf + n, count, 8);
    for (uint32_t i = 0; i < length; i++)
        buf[n + 8 + i] = (uint8_t)(pattern ? (i * 7919u + (uint32_t)pattern) * 2654435761u >> 24 : i % 3);
    memset(buf + n + 8 + length, 0xFF, 8);
    return n + 16 + length;
}

static struct cckd_l2_entry l2_entry_on_disk(const char *name, uint32_t track)
{
    uint8_t raw[8];
    read_file_at(name, 1024 + (long)(track / 256) * 4, raw, 4);
    uint64_t l2 = cckd_l1_decode(raw, false, false);
    struct cckd_l2_entry e = {0, 0, 0};
    if (l2 && l2 != CCKD_NOT_HERE) {
        read_file_at(name, (long)l2 + (track % 256) * 8, raw, 8);
        cckd_l2_decode(raw, false, false, &e);
    }
    return e;
}

START_TEST(header_encoding_is_little_endian_by_default)
{
    struct cckd_header h = {{0, 3, 1}, 0x41, 30, 256, 404, 3534, 3534, 0, 0, 0, 0, 0, 1, 1, -1};
    uint8_t raw[512];
    memset(raw, 0xAA, sizeof raw);
    cckd_header_encode(&h, false, raw);
    /* The 3330 header dasdinit -z wrote (FORMATS.md 3.2 offsets). */
    static const uint8_t want[48] = {0x00, 0x03, 0x01, 0x41, 0x1E, 0, 0, 0, 0x00, 0x01, 0, 0, 0xCE, 0x0D, 0, 0,
                                     0xCE, 0x0D, 0,    0,    0,    0, 0, 0, 0,    0,    0, 0, 0,    0,    0, 0,
                                     0,    0,    0,    0,    0,    0, 0, 0, 0x94, 0x01, 0, 0, 0x01, 0x01, 0xFF, 0xFF};
    ck_assert_mem_eq(raw, want, sizeof want);
    ck_assert_uint_eq(raw[48], 0xAA); /* reserved bytes are left alone */
    struct cckd_header back;
    cckd_header_decode(raw, false, &back);
    ck_assert_uint_eq(back.cylinders, 404);
    ck_assert_uint_eq(back.size, 3534);
    ck_assert_int_eq(back.compression_parameter, -1);
}
END_TEST

START_TEST(header_big_endian_option_swaps_all_but_cylinders)
{
    struct cckd_header h = {{0, 3, 1}, CCKD_OPT_BIGENDIAN, 2, 256, 10, 0x01020304, 0, 0x0A0B0C0D, 0, 0, 3, 0, 0, 1, 5};
    uint8_t raw[512] = {0};
    cckd_header_encode(&h, false, raw);
    static const uint8_t want[48] = {0, 3, 1, 0x02, 0, 0, 0, 2, 0, 0, 1, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0x0A, 0x0B, 0x0C, 0x0D,
                                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 10, 0, 0, 0, 0, 1, 0, 5};
    ck_assert_mem_eq(raw, want, sizeof want);
}
END_TEST

START_TEST(cckd64_header_layout)
{
    struct cckd_header h = {{0, 3, 1}, 0, 1, 256, 7, 0x1122334455ull, 0, 0, 0, 0, 0, 0, 2, 1, -1};
    uint8_t raw[512] = {0};
    cckd_header_encode(&h, true, raw);
    ck_assert_uint_eq(raw[12], 7); /* cylinders at 12 */
    static const uint8_t size[8] = {0x55, 0x44, 0x33, 0x22, 0x11, 0, 0, 0};
    ck_assert_mem_eq(raw + 16, size, 8);
    ck_assert_uint_eq(raw[72], 2); /* null format at 72, algorithm 73, parameter 74 */
    ck_assert_uint_eq(raw[73], 1);
    ck_assert_uint_eq(raw[74], 0xFF);
    ck_assert_uint_eq(raw[75], 0xFF);
}
END_TEST

START_TEST(l1_and_l2_entries)
{
    uint8_t raw[16];
    struct cckd_l2_entry e = {0x12345678, 0x0139, 0x0140}, back;
    cckd_l2_encode(&e, false, false, raw);
    static const uint8_t le[8] = {0x78, 0x56, 0x34, 0x12, 0x39, 0x01, 0x40, 0x01};
    ck_assert_mem_eq(raw, le, 8);
    cckd_l2_encode(&e, false, true, raw);
    static const uint8_t be[8] = {0x12, 0x34, 0x56, 0x78, 0x01, 0x39, 0x01, 0x40};
    ck_assert_mem_eq(raw, be, 8);
    cckd_l2_encode(&e, true, false, raw);
    static const uint8_t wide[16] = {0x78, 0x56, 0x34, 0x12, 0, 0, 0, 0, 0x39, 0x01, 0x40, 0x01, 0, 0, 0, 0};
    ck_assert_mem_eq(raw, wide, 16);
    static const uint8_t absent[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    cckd_l2_decode(absent, false, false, &back);
    ck_assert(back.offset == CCKD_NOT_HERE);
    ck_assert(cckd_l1_decode(absent, false, true) == CCKD_NOT_HERE);
    cckd_l1_encode(CCKD_NOT_HERE, false, false, raw);
    ck_assert_mem_eq(raw, absent, 4);
    ck_assert_uint_eq(cckd_l2_entry_size(false), 8);
    ck_assert_uint_eq(cckd_l2_entry_size(true), 16);
}
END_TEST

/*
 * The new volume: device header, CCKD header, L1 at 1024 (one entry), track 0 stored raw at 1028
 * (313 bytes, under 512), its L2 table at 1341, 3389 bytes in all, no free space.
 */
START_TEST(new_volume_layout)
{
    create_3330(path);
    ck_assert_int_eq(size_of(path), 3389);
    uint8_t raw[64];
    read_file_at(path, 0, raw, 20);
    static const uint8_t devhdr[20] = {'C', 'K', 'D', '_', 'C', '3', '7', '0', 19, 0, 0, 0, 0x00, 0x34, 0, 0, 0x30, 0, 0, 0};
    ck_assert_mem_eq(raw, devhdr, 20);
    read_file_at(path, 512, raw, 48);
    static const uint8_t header[48] = {0, 3, 1, 0x01, 1, 0, 0, 0, 0, 1, 0, 0, 0x3D, 0x0D, 0, 0,
                                       0x3D, 0x0D, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                       0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 1, 0xFF, 0xFF};
    ck_assert_mem_eq(raw, header, 48);
    read_file_at(path, 1024, raw, 4);
    static const uint8_t l1[4] = {0x3D, 0x05, 0, 0};
    ck_assert_mem_eq(raw, l1, 4);
    read_file_at(path, 1341, raw, 24);
    static const uint8_t l2[24] = {0x04, 0x04, 0, 0, 0x39, 0x01, 0x39, 0x01, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0};
    ck_assert_mem_eq(raw, l2, 24);
    read_file_at(path, 1341 + 95 * 8, raw, 8);
    static const uint8_t unused[8] = {0};
    ck_assert_mem_eq(raw, unused, 8);
    read_file_at(path, 1028, raw, 5);
    static const uint8_t track0[5] = {0, 0, 0, 0, 0}; /* raw: compression byte 0, CCHH 0000 0000 */
    ck_assert_mem_eq(raw, track0, 5);
}
END_TEST

START_TEST(round_trip_raw_zlib_and_null_tracks)
{
    create_3330(path);
    struct ckd_image *img = open_rw(path);
    struct ckd_image_info info;
    ckd_info(img, &info);
    ck_assert(info.compressed);
    ck_assert_uint_eq(info.tracks, 95);
    ck_assert_uint_eq(info.track_size, 13312);
    ck_assert_str_eq(info.geometry->name, "3330");
    uint8_t a[13312], b[13312], c[13312], back[13312];
    uint32_t la = make_track(a, 20, 12000, 0);  /* compressible: stored with zlib */
    uint32_t lb = make_track(b, 21, 300, 5);    /* under 512 bytes: stored raw */
    uint32_t lc = ckd_null_track(c, 1, 3, 0);   /* track 22: null format 0 */
    ck_assert(ckd_write_track(img, 20, a, la));
    ck_assert(ckd_write_track(img, 21, b, lb));
    ck_assert(ckd_write_track(img, 22, c, lc));
    close_ok(img);

    struct cckd_l2_entry e = l2_entry_on_disk(path, 20);
    ck_assert_uint_lt(e.length, 1000);
    uint8_t code;
    read_file_at(path, (long)e.offset, &code, 1);
    ck_assert_uint_eq(code, CCKD_COMPRESS_ZLIB);
    e = l2_entry_on_disk(path, 21);
    ck_assert_uint_eq(e.length, lb);
    read_file_at(path, (long)e.offset, &code, 1);
    ck_assert_uint_eq(code, CCKD_COMPRESS_NONE);
    e = l2_entry_on_disk(path, 22);
    ck_assert(e.offset == 0 && e.length == 0 && e.size == 0);
    e = l2_entry_on_disk(path, 23);
    ck_assert(e.offset == 0 && e.length == 1 && e.size == 1);

    struct ckd_open_options ro = {.read_only = true};
    char err[256];
    img = ckd_open(path, &ro, err, sizeof err);
    ck_assert_ptr_nonnull(img);
    uint32_t length;
    ck_assert(ckd_read_track(img, 20, back, &length));
    ck_assert_uint_eq(length, la);
    ck_assert_mem_eq(back, a, la);
    ck_assert(ckd_read_track(img, 21, back, &length));
    ck_assert_mem_eq(back, b, lb);
    ck_assert(ckd_read_track(img, 22, back, &length));
    ck_assert_uint_eq(length, 37);
    ck_assert(!ckd_write_track(img, 20, a, la));
    ck_assert_str_eq(ckd_error(img), "the image is read-only");
    close_ok(img);
}
END_TEST

START_TEST(write_refuses_malformed_images)
{
    create_3330(path);
    struct ckd_image *img = open_rw(path);
    uint8_t t[13312];
    uint32_t n = make_track(t, 5, 100, 1);
    ck_assert(!ckd_write_track(img, 6, t, n)); /* home address says track 5 */
    ck_assert(!ckd_write_track(img, 95, t, n)); /* beyond the volume */
    ck_assert_str_eq(ckd_error(img), "track 95 is beyond the volume's 95 tracks");
    t[n - 1] = 0; /* no end marker */
    ck_assert(!ckd_write_track(img, 5, t, n));
    close_ok(img);
}
END_TEST

/* Old space is reused only after a flush has made the switch away from it durable. */
START_TEST(space_is_reused_only_after_flush)
{
    create_3330(path);
    struct ckd_image *img = open_rw(path);
    uint8_t t[13312];
    uint32_t n = make_track(t, 30, 2000, 1);
    ck_assert(ckd_write_track(img, 30, t, n));
    ck_assert(ckd_flush(img));
    struct cckd_l2_entry first = l2_entry_on_disk(path, 30);
    n = make_track(t, 30, 2000, 2);
    ck_assert(ckd_write_track(img, 30, t, n)); /* the first image's space is now pending */
    n = make_track(t, 31, 2000, 3);
    ck_assert(ckd_write_track(img, 31, t, n));
    ck_assert(l2_entry_on_disk(path, 31).offset != first.offset);
    ck_assert(ckd_flush(img));
    n = make_track(t, 32, 2000, 4);
    ck_assert(ckd_write_track(img, 32, t, n));
    ck_assert(l2_entry_on_disk(path, 32).offset == first.offset);
    /* Rewriting one track many times does not grow the file without bound. */
    for (int i = 0; i < 200; i++) {
        n = make_track(t, 33, 2000, 10 + i);
        ck_assert(ckd_write_track(img, 33, t, n));
        ck_assert(ckd_flush(img));
    }
    close_ok(img);
    ck_assert_int_lt(size_of(path), 3389 + 5 * 2100);
}
END_TEST

/* A writer that dies without closing leaves the "open" bits; the next open recovers everything. */
START_TEST(image_of_a_dead_writer_reopens)
{
    create_3330(path);
    uint8_t t[13312], back[13312];
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char err[256];
        struct ckd_image *img = ckd_open(path, NULL, err, sizeof err);
        for (uint32_t k = 0; img && k < 40; k++) {
            uint32_t n = make_track(t, 40 + k % 10, (uint16_t)(1000 + 100 * k), (int)k + 1);
            if (!ckd_write_track(img, 40 + k % 10, t, n))
                _exit(1);
        }
        _exit(img && ckd_flush(img) ? 0 : 1); /* dies without ckd_close */
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    uint8_t opts;
    read_file_at(path, 515, &opts, 1);
    ck_assert_uint_eq(opts, 0x01 | CCKD_OPT_OPEN | CCKD_OPT_OPENED_RW);
    struct ckd_image *img = open_rw(path);
    for (uint32_t k = 30; k < 40; k++) {
        uint32_t n = make_track(t, 40 + k % 10, (uint16_t)(1000 + 100 * k), (int)k + 1), length;
        ck_assert(ckd_read_track(img, 40 + k % 10, back, &length));
        ck_assert_uint_eq(length, n);
        ck_assert_mem_eq(back, t, n);
    }
    close_ok(img);
    read_file_at(path, 515, &opts, 1);
    ck_assert_uint_eq(opts, 0x01);
}
END_TEST

START_TEST(second_writer_is_refused)
{
    create_3330(path);
    struct ckd_image *img = open_rw(path);
    char err[256];
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "in use by another program"));
    close_ok(img);
}
END_TEST

START_TEST(shadow_files)
{
    create_3330(path);
    uint8_t a[13312], b[13312], back[13312];
    uint32_t la = make_track(a, 50, 3000, 1), lb = make_track(b, 50, 4000, 2), length;
    struct ckd_image *img = open_rw(path);
    ck_assert(ckd_write_track(img, 50, a, la));
    close_ok(img);
    long base_size = size_of(path);

    char pattern[160], shadow1[160], shadow2[160];
    snprintf(pattern, sizeof pattern, "%s/vol_*.shd", dir);
    snprintf(shadow1, sizeof shadow1, "%s/vol_1.shd", dir);
    snprintf(shadow2, sizeof shadow2, "%s/vol_2.shd", dir);
    struct ckd_open_options sf = {.shadow = pattern};
    char err[256];
    img = ckd_open(path, &sf, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    struct ckd_image_info info;
    ckd_info(img, &info);
    ck_assert_uint_eq(info.shadows, 1);
    ck_assert(ckd_read_track(img, 50, back, &length));
    ck_assert_mem_eq(back, a, la);
    ck_assert(ckd_write_track(img, 50, b, lb));
    close_ok(img);
    ck_assert_int_eq(size_of(path), base_size);

    uint8_t raw[8];
    read_file_at(shadow1, 0, raw, 8);
    ck_assert_mem_eq(raw, "CKD_S370", 8);
    /* base alone: the old image; through the shadow: the new one; other tracks from the base */
    img = open_rw(path);
    ck_assert(ckd_read_track(img, 50, back, &length));
    ck_assert_mem_eq(back, a, la);
    close_ok(img);
    img = ckd_open(path, &sf, err, sizeof err);
    ck_assert_ptr_nonnull(img);
    ck_assert(ckd_read_track(img, 50, back, &length));
    ck_assert_mem_eq(back, b, lb);
    ck_assert(ckd_read_track(img, 0, back, &length));
    ck_assert_uint_eq(length, 313);
    close_ok(img);

    /* a second shadow over the first: the highest is written, the lower ones only read */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", shadow1, shadow2);
    ck_assert_int_eq(system(cmd), 0);
    long shadow1_size = size_of(shadow1);
    img = ckd_open(path, &sf, err, sizeof err);
    ck_assert_ptr_nonnull(img);
    ckd_info(img, &info);
    ck_assert_uint_eq(info.shadows, 2);
    la = make_track(a, 51, 500, 9);
    ck_assert(ckd_write_track(img, 51, a, la));
    close_ok(img);
    ck_assert_int_eq(size_of(shadow1), shadow1_size);
    ck_assert_int_gt(size_of(shadow2), shadow1_size);

    ck_assert_ptr_null(ckd_open(shadow1, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "is a shadow file"));
    ck_assert(cckd_rebuild_free_space(shadow2, err, sizeof err));
}
END_TEST

START_TEST(shadow_names)
{
    char *n = ckd_shadow_name("/x/y.z/disk_*.cckd", 3);
    ck_assert_str_eq(n, "/x/y.z/disk_3.cckd");
    free(n);
    n = ckd_shadow_name("shadow*", 1);
    ck_assert_str_eq(n, "shadow1");
    free(n);
}
END_TEST

START_TEST(damaged_headers)
{
    char err[256];
    ck_assert_ptr_null(ckd_open("/nonexistent/x.cckd", NULL, err, sizeof err));
    ck_assert_str_eq(err, "/nonexistent/x.cckd: No such file or directory");
    create_3330(path);
    ck_assert_int_eq(truncate(path, 700), 0); /* inside the CCKD header */
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "no CCKD header"));

    patch_file(path, 0, "GARBAGE!", 8);
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "not a CKD image file"));

    strcat(path, "2");
    create_3330(path);
    uint8_t bad = 0x77; /* unknown device type */
    patch_file(path, 16, &bad, 1);
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "unknown device type byte X'77'"));
    bad = 0x30;
    patch_file(path, 16, &bad, 1);
    static const uint8_t no_l1[4] = {0, 0, 0, 0};
    patch_file(path, 512 + 4, no_l1, 4); /* zero L1 entries */
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "CCKD header is damaged"));
}
END_TEST

START_TEST(damaged_tables)
{
    create_3330(path);
    char err[256];
    static const uint8_t beyond[4] = {0x00, 0x00, 0x10, 0x00}; /* L1[0] = 1 MB, past the end */
    patch_file(path, 1024, beyond, 4);
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "L1 entry 0 (offset 1048576) points outside the file"));
    static const uint8_t back_l1[4] = {0x3D, 0x05, 0, 0};
    patch_file(path, 1024, back_l1, 4);

    /* track 0's L2 entry now points past the end: reads fail, read/write opens are refused */
    static const uint8_t far_entry[8] = {0x00, 0x00, 0x01, 0x00, 0x39, 0x01, 0x39, 0x01};
    patch_file(path, 1341, far_entry, 8);
    struct ckd_open_options ro = {.read_only = true};
    struct ckd_image *img = ckd_open(path, &ro, err, sizeof err);
    ck_assert_ptr_nonnull(img);
    uint8_t buf[13312];
    uint32_t length;
    ck_assert(!ckd_read_track(img, 0, buf, &length));
    ck_assert_ptr_nonnull(strstr(ckd_error(img), "points outside the file"));
    ck_assert(ckd_read_track(img, 1, buf, &length));
    close_ok(img);
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "check -r"));

    /* track 1 claims track 0's image: overlapping extents */
    static const uint8_t entry0[8] = {0x04, 0x04, 0, 0, 0x39, 0x01, 0x39, 0x01};
    patch_file(path, 1341, entry0, 8);
    patch_file(path, 1341 + 8, entry0, 8);
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "overlap at offset 1028"));
    img = ckd_open(path, &ro, err, sizeof err);
    ck_assert(!ckd_read_track(img, 1, buf, &length)); /* track 0's image is not track 1's */
    ck_assert_ptr_nonnull(strstr(ckd_error(img), "malformed track image"));
    close_ok(img);
}
END_TEST

START_TEST(damaged_stored_images)
{
    create_3330(path);
    struct ckd_image *img = open_rw(path);
    uint8_t t[13312];
    uint32_t n = make_track(t, 60, 12000, 0);
    ck_assert(ckd_write_track(img, 60, t, n));
    close_ok(img);
    struct cckd_l2_entry e = l2_entry_on_disk(path, 60);
    static const uint8_t junk[4] = {0xDE, 0xAD, 0xBE, 0xEF};
    patch_file(path, (long)e.offset + 5, junk, 4); /* the zlib header */
    char err[256];
    struct ckd_open_options ro = {.read_only = true};
    img = ckd_open(path, &ro, err, sizeof err);
    uint32_t length;
    ck_assert(!ckd_read_track(img, 60, t, &length));
    ck_assert_ptr_nonnull(strstr(ckd_error(img), "zlib stream is damaged"));
    close_ok(img);
    uint8_t bzip2 = CCKD_COMPRESS_BZIP2;
    patch_file(path, (long)e.offset, &bzip2, 1);
    img = ckd_open(path, &ro, err, sizeof err);
    ck_assert(!ckd_read_track(img, 60, t, &length));
    ck_assert_ptr_nonnull(strstr(ckd_error(img), "bzip2"));
    close_ok(img);
}
END_TEST

/* A hand-made 3330 of 20 cylinders (380 tracks, two L1 entries): CCKD64 or big-endian, one L2 table
   for tracks 0-255 with track 0 stored raw (null format 0), L1[1] = 0, header null format 1. */
static void write_handmade(const char *name, bool wide, bool big)
{
    uint8_t file[8192] = {0};
    struct ckd_devhdr dh = {CKD_KIND_COMPRESSED, wide, 19, 13312, 0x30, 0, 0};
    ckd_devhdr_encode(&dh, file);
    size_t l1size = 2 * cckd_l1_entry_size(wide), l2size = 256 * cckd_l2_entry_size(wide);
    uint64_t l2 = 1024 + l1size, image = l2 + l2size;
    uint32_t tlen = ckd_null_track(file + image, 0, 0, 0);
    struct cckd_header h = {{0, 3, 1}, (uint8_t)(big ? CCKD_OPT_BIGENDIAN : 0), 2, 256, 20, image + tlen, image + tlen,
                            0, 0, 0, 0, 0, 1, 1, -1};
    cckd_header_encode(&h, wide, file + 512);
    cckd_l1_encode(l2, wide, big, file + 1024);
    struct cckd_l2_entry e = {image, (uint16_t)tlen, (uint16_t)tlen};
    cckd_l2_encode(&e, wide, big, file + l2);
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_eq(write(fd, file, image + tlen), (ssize_t)(image + tlen));
    close(fd);
}

START_TEST(cckd64_images_read_only)
{
    write_handmade(path, true, false);
    char err[256];
    ck_assert_ptr_null(ckd_open(path, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "read-only"));
    struct ckd_open_options ro = {.read_only = true};
    struct ckd_image *img = ckd_open(path, &ro, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    uint8_t buf[13312];
    uint32_t length;
    ck_assert(ckd_read_track(img, 0, buf, &length));
    ck_assert_uint_eq(length, 37); /* the stored null format 0 track */
    ck_assert(ckd_read_track(img, 20, buf, &length));
    ck_assert_uint_eq(length, 37); /* L2 entry {0, 0, 0}: null format 0 */
    ck_assert(ckd_read_track(img, 300, buf, &length));
    ck_assert_uint_eq(length, 29); /* L1 entry 0: the header's null format, 1 */
    close_ok(img);
}
END_TEST

START_TEST(big_endian_images_stay_big_endian)
{
    write_handmade(path, false, true);
    struct ckd_image *img = open_rw(path);
    uint8_t t[13312], back[13312];
    uint32_t n = make_track(t, 1, 700, 3), length;
    ck_assert(ckd_write_track(img, 1, t, n));
    ck_assert(ckd_read_track(img, 1, back, &length));
    ck_assert_mem_eq(back, t, n);
    close_ok(img);
    uint8_t raw[8];
    read_file_at(path, 1032 + 8, raw, 8); /* L2 entry 1 (table after two L1 entries), big-endian */
    ck_assert_uint_eq(raw[0], 0);
    ck_assert_uint_eq((raw[4] << 8 | raw[5]), (raw[6] << 8 | raw[7]));
    ck_assert_uint_lt((raw[4] << 8 | raw[5]), n);
    read_file_at(path, 512 + 3, raw, 1);
    ck_assert_uint_eq(raw[0], CCKD_OPT_BIGENDIAN);
}
END_TEST

START_TEST(rebuild_refuses_plain_images)
{
    char err[256];
    write_handmade(path, false, false);
    ck_assert(cckd_rebuild_free_space(path, err, sizeof err));
    struct ckd_create_options o = {ckd_geometry_find("2311"), 2, NULL, false, 0, false};
    char plain[160];
    snprintf(plain, sizeof plain, "%s/p.ckd", dir);
    ck_assert(ckd_create(plain, &o, err, sizeof err));
    ck_assert(!cckd_rebuild_free_space(plain, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "not a CCKD image"));
}
END_TEST

Suite *suite_cckd(void)
{
    Suite *s = suite_create("cckd");
    TCase *codecs = tcase_create("codecs");
    tcase_add_test(codecs, header_encoding_is_little_endian_by_default);
    tcase_add_test(codecs, header_big_endian_option_swaps_all_but_cylinders);
    tcase_add_test(codecs, cckd64_header_layout);
    tcase_add_test(codecs, l1_and_l2_entries);
    tcase_add_test(codecs, shadow_names);
    suite_add_tcase(s, codecs);
    TCase *files = tcase_create("files");
    tcase_add_checked_fixture(files, setup, teardown);
    tcase_add_test(files, new_volume_layout);
    tcase_add_test(files, round_trip_raw_zlib_and_null_tracks);
    tcase_add_test(files, write_refuses_malformed_images);
    tcase_add_test(files, space_is_reused_only_after_flush);
    tcase_add_test(files, image_of_a_dead_writer_reopens);
    tcase_add_test(files, second_writer_is_refused);
    tcase_add_test(files, shadow_files);
    tcase_add_test(files, damaged_headers);
    tcase_add_test(files, damaged_tables);
    tcase_add_test(files, damaged_stored_images);
    tcase_add_test(files, cckd64_images_read_only);
    tcase_add_test(files, big_endian_images_stay_big_endian);
    tcase_add_test(files, rebuild_refuses_plain_images);
    suite_add_tcase(s, files);
    return s;
}
