/*
 * test_fba.c - the FBA disks (3370, 3310): Define Extent, Locate, Read and Write with their status,
 * residual counts and the blocks they leave in the image; extent, file mask and read-only checks
 * (File Protected), parameter and sequence errors (Command Reject); Read IPL; SENSE, SENSE ID, Read
 * Device Characteristics, Reserve/Release, NOP; definition errors.  Volumes are made with fba_create
 * (100 blocks, block 1 a VOL1 label for volser TEST01, the rest zeros).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/images/fba_image.h"
#include "tests/unit/devices/dasdtest.h"

enum { OK = DASD_OK, UC = UNIT_CHECK, ADDRESS = 0x200 };

static struct dasd_bench *volume(const char *type)
{
    struct dasd_bench *k = dasd_bench_new("vol.fba");
    char err[256];
    ck_assert_msg(fba_create(k->path, fba_geometry_find(type), 100, "TEST01", err, sizeof err), "%s", err);
    return k;
}

static void attach(struct dasd_bench *k, const char *type, const char *options)
{
    dasd_attach(k, type, ADDRESS, options);
}

static struct dasd_bench *disk(const char *type)
{
    struct dasd_bench *k = volume(type);
    attach(k, type, "");
    return k;
}

/* Define Extent for blocks first..last of a data set starting at device block origin; then Locate. */
static void extent(struct dasd_bench *k, uint8_t mask, uint32_t origin, uint32_t first, uint32_t last)
{
    char arg[80];
    snprintf(arg, sizeof arg, "%02X000000 %08X %08X %08X", mask, origin, first, last);
    dasd_cmd(k, 0x63, arg, 16);
}

static void locate(struct dasd_bench *k, uint8_t operation, uint16_t blocks, uint32_t block)
{
    char arg[40];
    snprintf(arg, sizeof arg, "%02X00 %04X %08X", operation, blocks, block);
    dasd_cmd(k, 0x43, arg, 8);
}

static void read_image_block(struct dasd_bench *k, uint32_t block, uint8_t *out)
{
    char err[256];
    struct fba_image *img = fba_open(k->path, true, err, sizeof err);
    ck_assert_msg(img != NULL, "%s", err);
    ck_assert(fba_read_blocks(img, block, 1, out));
    fba_close(img, NULL, 0);
}

/* ---- tests -------------------------------------------------------------------------------------- */

START_TEST(test_definition)
{
    struct dasd_bench *k = volume("3370");
    ur_define_fails("3370", "", "an FBA image file is needed");
    char *args = xasprintf("%s bogus", k->path);
    ur_define_fails("3370", args, "unknown option 'bogus'");
    free(args);
    args = xasprintf("%s/none.fba", k->dir);
    ur_define_fails("3370", args, "none.fba");
    free(args);
    attach(k, "3370", "ro");
    char text[300];
    k->d->type->describe(k->d, text, sizeof text);
    char *want = xasprintf("%s 3370, 100 blocks, ro", k->path);
    ck_assert_str_eq(text, want);
    free(want);
    ck_assert_uint_eq(k->d->model_type, 0x3370);
    dasd_bench_free(k);
}
END_TEST

/* SENSE ID: X'FF', the 3880 (model 1), the 3370 model 1 (X'00'); the 3310 on the 4331. */
START_TEST(test_identification)
{
    struct dasd_bench *k = disk("3370");
    dasd_step(k, 0xE4, NULL, 10, OK, 3);
    dasd_expect_data(k, "FF 3880 01 3370 00");
    dasd_new_program(k);
    dasd_step(k, 0x64, NULL, 32, OK, 0);
    dasd_expect_data(k, "30 08 21 02 0200 0000003E 000002E8 00000064 00000000 0000 0000 0000 0000 0000");
    dasd_bench_free(k);
    k = disk("3310");
    dasd_cmd(k, 0xE4, NULL, 7);
    dasd_expect_data(k, "FF 4331 01 3310 01");
    dasd_new_program(k);
    dasd_cmd(k, 0x64, NULL, 18);
    dasd_expect_data(k, "30 08 21 01 0200 00000020 00000160 00000064");
    dasd_bench_free(k);
}
END_TEST

/* Define Extent, Locate (read 2 blocks from block 1), Read: block 1 is the VOL1 label. */
START_TEST(test_read)
{
    struct dasd_bench *k = disk("3370");
    extent(k, 0x00, 0, 0, 99);
    dasd_expect(k, OK, 0);
    locate(k, 0x06, 2, 1);
    dasd_expect(k, OK, 0);
    dasd_step(k, 0x42, NULL, 1100, OK, 1100 - 1024);
    dasd_expect_data(k, "E5D6D3F1 E3C5E2E3F0F1");
    /* a shorter count: incorrect length (the blocks had more) */
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    locate(k, 0x06, 1, 1);
    dasd_step(k, 0x42, NULL, 100, OK, 0);
    ck_assert(k->r.longer);
    dasd_bench_free(k);
}
END_TEST

/* The extent maps data set blocks 10..19 onto device blocks 30..39: a write of data set block 12
   lands in device block 32; a short count pads with zeros. */
START_TEST(test_write)
{
    struct dasd_bench *k = disk("3370");
    extent(k, 0x00, 30, 10, 19);
    locate(k, 0x01, 1, 12);
    dasd_expect(k, OK, 0);
    dasd_step(k, 0x41, "77777777", 4, OK, 0);
    ck_assert(k->r.longer);
    dasd_detach(k);
    uint8_t block[512], want[512] = {0x77, 0x77, 0x77, 0x77};
    read_image_block(k, 32, block);
    ck_assert_mem_eq(block, want, 512);
    dasd_bench_free(k);
}
END_TEST

/* Blocks outside the extent, writes the file mask forbids, writes to a read-only volume: File
   Protected (sense byte 1 bit 5). */
START_TEST(test_file_protected)
{
    struct dasd_bench *k = disk("3370");
    extent(k, 0x00, 10, 0, 9);
    locate(k, 0x06, 1, 10);
    dasd_expect(k, OK | UC, 8);
    dasd_expect_sense(k, "00 04 00 00");
    extent(k, 0x00, 10, 0, 9);
    locate(k, 0x06, 2, 9);
    dasd_expect(k, OK | UC, 8);
    dasd_new_program(k);
    extent(k, 0x00, 10, 0, 9);
    locate(k, 0x06, 1, 9);
    dasd_expect(k, OK, 0);
    dasd_new_program(k);
    extent(k, 0x40, 0, 0, 99); /* inhibit all writes */
    locate(k, 0x01, 1, 5);
    dasd_expect(k, OK | UC, 8);
    dasd_expect_sense(k, "00 04");
    extent(k, 0x00, 0, 0, 99); /* format writes need mask 11 */
    locate(k, 0x04, 1, 5);
    dasd_expect(k, OK | UC, 8);
    dasd_new_program(k);
    extent(k, 0xC0, 0, 0, 99);
    locate(k, 0x04, 1, 5);
    dasd_expect(k, OK, 0);
    dasd_bench_free(k);

    k = volume("3370");
    attach(k, "3370", "ro");
    extent(k, 0xC0, 0, 0, 99);
    locate(k, 0x05, 1, 5);
    dasd_expect(k, OK | UC, 8);
    dasd_expect_sense(k, "00 04");
    extent(k, 0xC0, 0, 0, 99);
    locate(k, 0x06, 1, 5);
    dasd_expect(k, OK, 0);
    dasd_bench_free(k);
}
END_TEST

/* Malformed parameters and commands out of sequence: command reject. */
START_TEST(test_command_reject)
{
    struct dasd_bench *k = disk("3370");
    extent(k, 0x00, 0, 0, 99);
    extent(k, 0x00, 0, 0, 99); /* a second Define Extent */
    dasd_expect(k, OK | UC, 16);
    dasd_expect_sense(k, "80 00 00 00");
    dasd_step(k, 0x63, "00000000 00000000 00000000 000000", 15, OK | UC, 15);
    dasd_new_program(k);
    extent(k, 0x80, 0, 0, 99); /* reserved write bits */
    dasd_expect(k, OK | UC, 16);
    dasd_new_program(k);
    extent(k, 0x01, 0, 0, 99); /* reserved bit */
    dasd_expect(k, OK | UC, 16);
    dasd_new_program(k);
    extent(k, 0x00, 0, 9, 8); /* last before first */
    dasd_expect(k, OK | UC, 16);
    dasd_new_program(k);
    extent(k, 0x00, 90, 0, 10); /* 11 blocks from device block 90: past 99 */
    dasd_expect(k, OK | UC, 16);
    dasd_new_program(k);
    extent(k, 0x00, 89, 0, 10); /* exactly to the end */
    dasd_expect(k, OK, 0);

    dasd_new_program(k);
    locate(k, 0x06, 1, 0); /* no extent */
    dasd_expect(k, OK | UC, 8);
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    locate(k, 0x07, 1, 0); /* no such operation */
    dasd_expect(k, OK | UC, 8);
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    locate(k, 0x06, 0, 0); /* no blocks */
    dasd_expect(k, OK | UC, 8);
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    locate(k, 0x02, 2, 0); /* read replicated: replication count 0 */
    dasd_expect(k, OK | UC, 8);

    dasd_new_program(k);
    dasd_step(k, 0x42, NULL, 512, OK | UC, 512); /* Read without Locate */
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    locate(k, 0x01, 1, 0);
    dasd_step(k, 0x42, NULL, 512, OK | UC, 512); /* Read after a write Locate */
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    locate(k, 0x06, 1, 0);
    dasd_step(k, 0x41, NULL, 512, OK | UC, 512);
    dasd_new_program(k);
    dasd_step(k, 0x27, NULL, 1, OK | UC, 1);
    dasd_bench_free(k);
}
END_TEST

/* Read IPL reads block 0 (the whole device becomes the extent); a Locate may follow it; it may not
   follow another command. */
START_TEST(test_read_ipl)
{
    struct dasd_bench *k = disk("3370");
    dasd_step(k, 0x02, NULL, 24, OK, 0);
    ck_assert(k->r.longer);
    locate(k, 0x06, 1, 1);
    dasd_expect(k, OK, 0);
    dasd_step(k, 0x42, NULL, 512, OK, 0);
    dasd_expect_data(k, "E5D6D3F1");
    dasd_new_program(k);
    dasd_cmd(k, 0x03, NULL, 1);
    dasd_step(k, 0x02, NULL, 24, OK | UC, 24);
    dasd_new_program(k);
    dasd_cmd(k, 0x02, NULL, 24);
    dasd_step(k, 0x02, NULL, 512, OK, 0);
    dasd_bench_free(k);
}
END_TEST

START_TEST(test_sense_and_control)
{
    struct dasd_bench *k = disk("3370");
    dasd_step(k, 0x04, NULL, 24, OK, 0);
    dasd_expect_data(k, "00000000");
    dasd_new_program(k);
    dasd_step(k, 0x03, NULL, 1, OK, 1);
    dasd_new_program(k);
    dasd_step(k, 0xB4, NULL, 24, OK, 0);
    dasd_new_program(k);
    extent(k, 0x00, 0, 0, 99);
    dasd_step(k, 0x94, NULL, 24, OK | UC, 24);
    k->d->type->reset(k->d);
    dasd_expect_sense(k, "00 00");
    dasd_bench_free(k);
}
END_TEST

Suite *suite_fba(void)
{
    Suite *s = suite_create("fba");
    TCase *tc = tcase_create("commands");
    tcase_add_test(tc, test_definition);
    tcase_add_test(tc, test_identification);
    tcase_add_test(tc, test_read);
    tcase_add_test(tc, test_write);
    tcase_add_test(tc, test_file_protected);
    tcase_add_test(tc, test_command_reject);
    tcase_add_test(tc, test_read_ipl);
    tcase_add_test(tc, test_sense_and_control);
    suite_add_tcase(s, tc);
    return s;
}
