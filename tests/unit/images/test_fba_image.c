/*
 * test_fba_image.c - FBA image files: the layout dasdinit gives a new volume (no header, VOL1 in
 * block 1), block reads and writes, and files that are not plain FBA images.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "devices/images/fba_image.h"

static char where[64];
static char fba_path[128];

static void fba_setup(void)
{
    testdir_create(where, sizeof where, "fbatest");
    snprintf(fba_path, sizeof fba_path, "%s/vol.fba", where);
}

static void fba_teardown(void)
{
    testdir_remove(where);
}

static struct fba_image *fba_new(uint32_t blocks, const char *volser)
{
    char err[256];
    ck_assert_msg(fba_create(fba_path, fba_geometry_find("3310"), blocks, volser, err, sizeof err), "%s", err);
    struct fba_image *img = fba_open(fba_path, false, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    return img;
}

START_TEST(new_volume_layout)
{
    struct fba_image *img = fba_new(100, "fba001");
    ck_assert_uint_eq(fba_blocks(img), 100);
    uint8_t b[2 * FBA_BLOCK_SIZE];
    ck_assert(fba_read_blocks(img, 0, 2, b));
    for (int i = 0; i < FBA_BLOCK_SIZE; i++)
        ck_assert_uint_eq(b[i], 0);
    static const uint8_t label[10] = {0xE5, 0xD6, 0xD3, 0xF1, 0xC6, 0xC2, 0xC1, 0xF0, 0xF0, 0xF1}; /* VOL1FBA001 */
    ck_assert_mem_eq(b + FBA_BLOCK_SIZE, label, 10);
    for (int i = 10; i < FBA_BLOCK_SIZE; i++)
        ck_assert_uint_eq(b[FBA_BLOCK_SIZE + i], 0);
    ck_assert(fba_close(img, NULL, 0));
    struct stat st;
    ck_assert_int_eq(stat(fba_path, &st), 0);
    ck_assert_int_eq(st.st_size, 100 * 512);
}
END_TEST

START_TEST(block_round_trip)
{
    struct fba_image *img = fba_new(64, NULL);
    uint8_t out[3 * FBA_BLOCK_SIZE], in[3 * FBA_BLOCK_SIZE];
    for (size_t i = 0; i < sizeof out; i++)
        out[i] = (uint8_t)(i * 31 + 7);
    ck_assert(fba_write_blocks(img, 61, 3, out));
    ck_assert(fba_flush(img));
    ck_assert(fba_read_blocks(img, 61, 3, in));
    ck_assert_mem_eq(in, out, sizeof out);
    ck_assert(!fba_write_blocks(img, 62, 3, out));
    ck_assert_str_eq(fba_error(img), "blocks 62-64 are beyond the volume's 64 blocks");
    ck_assert(!fba_read_blocks(img, 64, 1, in));
    char err[256];
    ck_assert(fba_close(img, err, sizeof err));
    int fd = open(fba_path, O_RDONLY);
    ck_assert_int_eq(pread(fd, in, FBA_BLOCK_SIZE, 62 * 512), FBA_BLOCK_SIZE); /* block 62 at byte 62*512 */
    close(fd);
    ck_assert_mem_eq(in, out + FBA_BLOCK_SIZE, FBA_BLOCK_SIZE);

    img = fba_open(fba_path, true, err, sizeof err);
    ck_assert(fba_read_only(img));
    ck_assert(!fba_write_blocks(img, 0, 1, out));
    ck_assert_str_eq(fba_error(img), "the image is read-only");
    ck_assert(fba_close(img, err, sizeof err));
}
END_TEST

START_TEST(not_plain_fba_files)
{
    char err[256];
    const struct fba_geometry *g = fba_geometry_find("3370");
    ck_assert(!fba_create(fba_path, g, 63, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "63 blocks: 64 to 4194304"));
    ck_assert(!fba_create(fba_path, g, 100, "1234567", err, sizeof err));
    ck_assert_ptr_null(fba_open(fba_path, false, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "No such file or directory"));

    int fd = open(fba_path, O_WRONLY | O_CREAT, 0644);
    ck_assert_int_eq(write(fd, "FBA_C370", 8), 8);
    ck_assert_int_eq(ftruncate(fd, 4096), 0);
    close(fd);
    ck_assert_ptr_null(fba_open(fba_path, false, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "compressed FBA images (FBA_C370) are not supported"));
    fd = open(fba_path, O_WRONLY | O_TRUNC);
    ck_assert_int_eq(write(fd, "short", 5), 5);
    close(fd);
    ck_assert_ptr_null(fba_open(fba_path, false, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "no complete 512-byte block"));

    struct fba_image *img = fba_open(fba_path, true, err, sizeof err);
    ck_assert_ptr_null(img);
    ck_assert(!fba_create(fba_path, g, 100, NULL, err, sizeof err)); /* never replaces a file */
}
END_TEST

START_TEST(second_writer_is_refused)
{
    struct fba_image *img = fba_new(64, "X");
    char err[256];
    ck_assert_ptr_null(fba_open(fba_path, false, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "in use by another program"));
    struct fba_image *reader = fba_open(fba_path, true, err, sizeof err);
    ck_assert_ptr_nonnull(reader);
    ck_assert(fba_close(reader, NULL, 0));
    ck_assert(fba_close(img, NULL, 0));
}
END_TEST

Suite *suite_fba_image(void)
{
    Suite *s = suite_create("fba_image");
    TCase *t = tcase_create("fba");
    tcase_add_checked_fixture(t, fba_setup, fba_teardown);
    tcase_add_test(t, new_volume_layout);
    tcase_add_test(t, block_round_trip);
    tcase_add_test(t, not_plain_fba_files);
    tcase_add_test(t, second_writer_is_refused);
    suite_add_tcase(s, t);
    return s;
}
