/*
 * test_tape.c - the 2400/3410/3420 tape drive handler (devices/tape/tape.c): every command with its
 * residual count, unit status and sense bytes as the 3803/3420 description defines them (byte 0
 * command reject X'80', intervention required X'40', equipment check X'10', data check X'08'; byte 1
 * TU status A X'40' / B X'20', load point X'08', file protected X'02'; byte 3 backward X'02'; byte 7
 * tape bottom left and right X'60'; bytes 5-6 the model identification), the mount options, and,
 * through the real channel subsystem, channel end at acceptance and device end after the motion.
 *
 * The standard tape of these tests: B1 (80 bytes 0..79), B2 (10 bytes 1..10), tapemark, B3 (X'C1C2C3'),
 * tapemark, tapemark - records 1 to 6.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "channels/channel.h"
#include "common/util.h"
#include "devices/device.h"
#include "devices/images/tape_image.h"
#include "tests/unit/cpu370/cputest.h"

extern const struct device_type device_tape;

enum { CE = UNIT_CHANNEL_END, DE = UNIT_DEVICE_END, UC = UNIT_CHECK, UX = UNIT_EXCEPTION };

static char folder[64];

static void folder_setup(void)
{
    testdir_create(folder, sizeof folder, "tape-drive-");
}

static void folder_teardown(void)
{
    testdir_remove(folder);
}

/* A file in the test folder (static: valid until the next call). */
static const char *file(const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    return path;
}

static long file_size(const char *name)
{
    FILE *f = fopen(file(name), "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

static uint8_t b1[80], b2[10];
static const uint8_t b3[3] = {0xC1, 0xC2, 0xC3};

static void standard_tape(const char *name)
{
    char err[256];
    for (int i = 0; i < 80; i++)
        b1[i] = (uint8_t)i;
    for (int i = 0; i < 10; i++)
        b2[i] = (uint8_t)(i + 1);
    struct tape_image *t = tape_create(file(name), TAPE_AWS, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    ck_assert_int_eq(tape_write_block(t, b1, sizeof b1), TAPE_OK);
    ck_assert_int_eq(tape_write_block(t, b2, sizeof b2), TAPE_OK);
    ck_assert_int_eq(tape_write_tapemark(t), TAPE_OK);
    ck_assert_int_eq(tape_write_block(t, b3, sizeof b3), TAPE_OK);
    ck_assert_int_eq(tape_write_tapemark(t), TAPE_OK);
    ck_assert_int_eq(tape_write_tapemark(t), TAPE_OK);
    tape_close(t);
}

/* ---- a drive, driven directly ------------------------------------------------------------------- */

/* argv[0] is the tape file's name in the folder, or "*". */
static bool try_drive(struct device *d, const char *type, const char *args, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    d->type = &device_tape;
    d->address = 0x180;
    snprintf(d->type_name, sizeof d->type_name, "%s", type);
    char *copy = xstrdup(args), *argv[8];
    int argc = 0;
    for (char *w = strtok(copy, " "); w && argc < 8; w = strtok(NULL, " ")) {
        argv[argc] = argc == 0 && strcmp(w, "*") != 0 ? xstrdup(file(w)) : xstrdup(w);
        argc++;
    }
    bool ok = device_tape.init(d, argc, argv, err, errlen);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    free(copy);
    return ok;
}

static struct device *drive(const char *type, const char *args)
{
    struct device *d = xmalloc(sizeof *d);
    char err[256];
    ck_assert_msg(try_drive(d, type, args, err, sizeof err), "%s", err);
    return d;
}

static void unmount(struct device *d)
{
    device_tape.close(d);
    free(d);
}

static uint8_t buffer[80000];

/* Run one command with `count` bytes of buffer (output data: the buffer's contents). */
static struct io_request command(struct device *d, uint8_t code, uint32_t count)
{
    struct io_request r = {.command = code, .data = buffer, .count = count};
    device_tape.execute(d, &r);
    return r;
}

static struct io_request chained(struct device *d, uint8_t code, uint8_t previous)
{
    struct io_request r = {.command = code, .chained = true, .previous = previous, .data = buffer, .count = 1};
    device_tape.execute(d, &r);
    return r;
}

static void expect(struct io_request r, uint8_t status, uint32_t residual, bool longer)
{
    ck_assert_uint_eq(r.status, status);
    ck_assert_uint_eq(r.residual, residual);
    ck_assert_uint_eq(r.longer, longer);
}

/* Wait until a motion has surely ended (a few records: well under a millisecond). */
static void settle(void)
{
    struct timespec ts = {0, 3000000};
    nanosleep(&ts, NULL);
}

/* Sense bytes 0-23 expected of a 3420: the given bytes 0-7, and the model bytes 5-6 (C0, 03). */
static void expect_sense(struct device *d, const uint8_t want[8])
{
    uint8_t full[24] = {0};
    memcpy(full, want, 8);
    full[5] |= 0xC0;
    full[6] |= 0x03;
    expect(command(d, CMD_SENSE, 24), CE | DE, 0, false);
    ck_assert_mem_eq(buffer, full, 24);
}

static void describe_is(struct device *d, const char *want)
{
    char line[256], expected[256];
    device_tape.describe(d, line, sizeof line);
    snprintf(expected, sizeof expected, want, folder);
    ck_assert_str_eq(line, expected);
}

/* ---- mounting ----------------------------------------------------------------------------------- */

START_TEST(test_init_errors)
{
    struct device d;
    char err[256];
    static const struct {
        const char *args, *message;
    } cases[] = {
        {"", "a tape file (or * for no tape) is needed"},
        {"* ro", "'ro': options need a tape file, not *"},
        {"t.aws foo", "bad tape option 'foo'"},
        {"t.aws level=0", "bad tape option 'level=0'"},
        {"t.aws level=x", "bad tape option 'level=x'"},
        {"t.aws chunksize=4095", "bad tape option 'chunksize=4095'"},
        {"t.aws readonly=2", "bad tape option 'readonly=2'"},
        {"missing.aws ro", "No such file or directory"},
        {"garbage.img", "not an AWS, HET or SimH tape image"},
    };
    standard_tape("t.aws");
    FILE *f = fopen(file("garbage.img"), "w");
    fputs("hello, world", f);
    fclose(f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert(!try_drive(&d, "3420", cases[i].args, err, sizeof err));
        ck_assert_msg(strstr(err, cases[i].message) != NULL, "'%s' lacks '%s'", err, cases[i].message);
    }
}
END_TEST

START_TEST(test_models)
{
    ck_assert_ptr_eq(device_type_find("3420"), &device_tape);
    ck_assert_ptr_eq(device_type_find("3410"), &device_tape);
    ck_assert_ptr_eq(device_type_find("2400"), &device_tape);
    ck_assert_str_eq(device_tape.device_class, "TAPE");
    static const struct {
        const char *type;
        uint16_t model;
        uint8_t sense_length, byte5, byte6;
    } cases[] = {{"3420", 0x3420, 24, 0xC0, 0x03}, {"3410", 0x3410, 9, 0x40, 0x22}, {"2400", 0x2400, 6, 0, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct device *d = drive(cases[i].type, "*");
        ck_assert_uint_eq(d->model_type, cases[i].model);
        ck_assert_uint_eq(d->sense_length, cases[i].sense_length);
        memset(buffer, 0xEE, 32);
        expect(command(d, CMD_SENSE, 32), CE | DE, 32u - cases[i].sense_length, false);
        uint8_t want[32];
        memset(want, 0xEE, sizeof want);
        memset(want, 0, cases[i].sense_length);
        want[0] = 0x40; /* intervention required: no tape */
        want[1] = 0x20; /* TU status B: not ready */
        want[5] = cases[i].byte5;
        if (cases[i].sense_length > 6)
            want[6] = cases[i].byte6;
        ck_assert_mem_eq(buffer, want, 32);
        unmount(d);
    }
}
END_TEST

/* A missing file mounted with a ring becomes an empty tape of two tapemarks in its name's format. */
START_TEST(test_autoinit)
{
    struct device *d = drive("3420", "new.aws");
    static const uint8_t marks[] = {0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00};
    FILE *f = fopen(file("new.aws"), "rb");
    uint8_t got[16];
    ck_assert_uint_eq(fread(got, 1, sizeof got, f), sizeof marks);
    fclose(f);
    ck_assert_mem_eq(got, marks, sizeof marks);
    describe_is(d, "%s/new.aws (AWS) at load point, ring");
    expect(command(d, 0x02, 80), CE | DE | UX, 80, false);
    unmount(d);
    d = drive("3420", "new.tap");
    ck_assert_int_eq(file_size("new.tap"), 8);
    unmount(d);
}
END_TEST

START_TEST(test_describe)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    describe_is(d, "%s/t.aws (AWS) at load point, ring");
    command(d, 0x02, 80);
    describe_is(d, "%s/t.aws (AWS) block 1, ring");
    command(d, 0x07, 1);
    describe_is(d, "%s/t.aws (AWS) at load point, ring, moving");
    unmount(d);
    d = drive("3420", "t.aws noring");
    describe_is(d, "%s/t.aws (AWS) at load point, no ring");
    unmount(d);
    d = drive("3410", "*");
    describe_is(d, "no tape mounted");
    unmount(d);
}
END_TEST

/* ---- reading ------------------------------------------------------------------------------------ */

START_TEST(test_read)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws ro");
    expect(command(d, 0x02, 100), CE | DE, 20, false); /* 80 of 100 bytes */
    ck_assert_mem_eq(buffer, b1, 80);
    expect(command(d, 0x02, 4), CE | DE, 0, true); /* 4 of the 10: incorrect length by `longer` */
    ck_assert_mem_eq(buffer, b2, 4);
    expect(command(d, 0x02, 50), CE | DE | UX, 50, false); /* the tapemark */
    expect(command(d, 0x02, 3), CE | DE, 0, false);
    ck_assert_mem_eq(buffer, b3, 3);
    expect(command(d, 0x02, 3), CE | DE | UX, 3, false);
    expect(command(d, 0x02, 3), CE | DE | UX, 3, false);
    /* past the recorded data: equipment check, tape bottom left and right */
    expect(command(d, 0x02, 3), CE | DE | UC, 3, false);
    expect_sense(d, (const uint8_t[8]){0x10, 0x42, 0, 0, 0, 0, 0, 0x60});
    unmount(d);
}
END_TEST

/* Read backward presents the block's last byte first. */
START_TEST(test_read_backward)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    command(d, 0x02, 80);
    command(d, 0x02, 10);
    expect(command(d, 0x0C, 10), CE | DE, 0, false);
    static const uint8_t reversed[] = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    ck_assert_mem_eq(buffer, reversed, 10);
    expect(command(d, 0x0C, 4), CE | DE, 0, true);
    static const uint8_t last4[] = {79, 78, 77, 76};
    ck_assert_mem_eq(buffer, last4, 4);
    describe_is(d, "%s/t.aws (AWS) at load point, ring");
    /* at load point: unit check, byte 3 backward, byte 1 TU status A and load point */
    expect(command(d, 0x0C, 10), CE | DE | UC, 10, false);
    expect_sense(d, (const uint8_t[8]){0x00, 0x48, 0, 0x02, 0, 0, 0, 0});
    /* over a tapemark: unit exception */
    command(d, 0x3F, 1);
    settle();
    expect(command(d, 0x0C, 10), CE | DE | UX, 10, false);
    unmount(d);
}
END_TEST

/* ---- sense, no-op, reject, mode set --------------------------------------------------------------- */

START_TEST(test_sense)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    expect_sense(d, (const uint8_t[8]){0x00, 0x48, 0, 0, 0, 0, 0, 0});
    command(d, 0x0C, 1); /* a unit check at load point */
    memset(buffer, 0xEE, 4);
    expect(command(d, CMD_SENSE, 4), CE | DE, 0, true); /* 4 of 24 bytes */
    static const uint8_t first4[] = {0x00, 0x48, 0x00, 0x02};
    ck_assert_mem_eq(buffer, first4, 4);
    /* the sense command reset the error bytes */
    expect_sense(d, (const uint8_t[8]){0x00, 0x48, 0, 0, 0, 0, 0, 0});
    unmount(d);
}
END_TEST

/* No-operation does not reset the sense bytes; request track in error does. */
START_TEST(test_nop_and_request_track_in_error)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    expect(command(d, 0xE4, 7), CE | DE | UC, 7, false); /* sense ID: no such command on a 3803 */
    expect(command(d, 0x03, 1), CE | DE, 0, false);
    expect_sense(d, (const uint8_t[8]){0x80, 0x48, 0, 0, 0, 0, 0, 0});
    command(d, 0xE4, 7);
    expect(command(d, 0x1B, 1), CE | DE, 0, false);
    expect_sense(d, (const uint8_t[8]){0x00, 0x48, 0, 0, 0, 0, 0, 0});
    unmount(d);
}
END_TEST

START_TEST(test_command_reject)
{
    standard_tape("t.aws");
    static const struct {
        const char *type;
        uint8_t code;
    } cases[] = {
        {"3420", 0xE4}, {"3420", 0x0B}, {"3420", 0x43}, {"3420", 0xDB}, {"3420", 0x34},
        {"3410", 0xD3}, {"2400", 0xD3}, {"2400", 0x97},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct device *d = drive(cases[i].type, "t.aws");
        expect(command(d, cases[i].code, 5), CE | DE | UC, 5, false);
        expect(command(d, CMD_SENSE, 1), CE | DE, 0, true);
        ck_assert_uint_eq(buffer[0], 0x80);
        unmount(d);
    }
}
END_TEST

/* Mode set 1 (seven-track) and 2 (nine-track) are accepted as no-ops, even without a tape. */
START_TEST(test_mode_sets)
{
    static const uint8_t codes[] = {0x13, 0x23, 0x2B, 0x33, 0x3B, 0x53, 0x63, 0x6B, 0x73,
                                    0x7B, 0x93, 0xA3, 0xAB, 0xB3, 0xBB, 0xC3, 0xCB, 0xD3};
    struct device *d = drive("3420", "*");
    for (size_t i = 0; i < sizeof codes; i++)
        expect(command(d, codes[i], 1), CE | DE, 0, false);
    unmount(d);
    d = drive("3410", "*");
    expect(command(d, 0xC3, 1), CE | DE, 0, false);
    expect(command(d, 0xCB, 1), CE | DE, 0, false);
    unmount(d);
}
END_TEST

/* ---- writing ------------------------------------------------------------------------------------ */

START_TEST(test_write)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    memcpy(buffer, "\xC8\xC5\xD3\xD3\xD6", 5);
    expect(command(d, 0x01, 5), CE | DE, 0, false);
    describe_is(d, "%s/t.aws (AWS) block 1, ring");
    ck_assert_int_eq(file_size("t.aws"), 11); /* the tape ends after the new block */
    unmount(d);
    char err[256];
    struct tape_image *t = tape_open(file("t.aws"), true, err, sizeof err);
    const uint8_t *data;
    uint32_t length;
    ck_assert_int_eq(tape_read_block(t, &data, &length), TAPE_OK);
    ck_assert_uint_eq(length, 5);
    ck_assert_mem_eq(data, "\xC8\xC5\xD3\xD3\xD6", 5);
    tape_close(t);
}
END_TEST

/* Without a ring every write-type command is rejected: byte 1 has file protected. */
START_TEST(test_file_protect)
{
    standard_tape("t.aws");
    long size = file_size("t.aws");
    struct device *d = drive("3420", "t.aws noring");
    static const uint8_t writes[] = {0x01, 0x1F, 0x17, 0x97};
    for (size_t i = 0; i < sizeof writes; i++) {
        expect(command(d, writes[i], 5), CE | DE | UC, 5, false);
        expect_sense(d, (const uint8_t[8]){0x80, 0x4A, 0, 0, 0, 0, 0, 0});
    }
    ck_assert_int_eq(file_size("t.aws"), size);
    unmount(d);
    d = drive("3420", "t.aws readonly=1");
    expect(command(d, 0x01, 5), CE | DE | UC, 5, false);
    unmount(d);
}
END_TEST

/* A data-chained write can pass 65,535 bytes; so can the read of it. */
START_TEST(test_long_block)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    for (uint32_t i = 0; i < 70000; i++)
        buffer[i] = (uint8_t)(i % 253);
    expect(command(d, 0x01, 70000), CE | DE, 0, false);
    command(d, 0x07, 1);
    settle();
    memset(buffer, 0, 70000);
    expect(command(d, 0x02, 70000), CE | DE, 0, false);
    for (uint32_t i = 0; i < 70000; i++)
        ck_assert_uint_eq(buffer[i], i % 253);
    command(d, 0x0C, 1);
    expect(command(d, 0x02, 65535), CE | DE, 0, true);
    unmount(d);
}
END_TEST

/* A host write error (here a file size limit) is an equipment check; the tape ends cleanly at the
   position. */
START_TEST(test_write_failure)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    command(d, 0x02, 80);
    struct rlimit old, small = {200, 200};
    getrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &small);
    memset(buffer, 0x5A, 1000);
    expect(command(d, 0x01, 1000), CE | DE | UC, 1000, false);
    setrlimit(RLIMIT_FSIZE, &old);
    expect_sense(d, (const uint8_t[8]){0x10, 0x40, 0, 0, 0, 0, 0, 0});
    ck_assert_int_eq(file_size("t.aws"), 86); /* B1 alone */
    describe_is(d, "%s/t.aws (AWS) block 1, ring");
    unmount(d);
}
END_TEST

/* ---- not ready ---------------------------------------------------------------------------------- */

START_TEST(test_not_ready)
{
    struct device *d = drive("3420", "*");
    static const uint8_t codes[] = {0x01, 0x02, 0x03, 0x07, 0x0C, 0x0F, 0x17, 0x1B, 0x1F, 0x27, 0x2F, 0x37, 0x3F};
    for (size_t i = 0; i < sizeof codes; i++) {
        expect(command(d, codes[i], 6), CE | DE | UC, 6, false);
        expect_sense(d, (const uint8_t[8]){0x40, 0x20, 0, 0, 0, 0, 0, 0});
    }
    unmount(d);
}
END_TEST

/* ---- motion: channel end, then busy until the motion ends ----------------------------------------- */

START_TEST(test_rewind_busy)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    command(d, 0x02, 80);
    command(d, 0x02, 10);
    expect(command(d, 0x07, 1), CE, 0, false);
    describe_is(d, "%s/t.aws (AWS) at load point, ring, moving");
    expect(command(d, 0x03, 1), UNIT_BUSY, 1, false);
    expect(command(d, CMD_SENSE, 24), UNIT_BUSY, 24, false);
    settle();
    expect(command(d, 0x03, 1), CE | DE, 0, false);
    expect(command(d, 0x07, 1), CE, 0, false); /* at load point too: channel end, device end later */
    unmount(d);
}
END_TEST

START_TEST(test_spacing)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    expect(command(d, 0x37, 1), CE, 0, false); /* over B1 */
    describe_is(d, "%s/t.aws (AWS) block 1, ring, moving");
    settle();
    expect(command(d, 0x3F, 1), CE, 0, false); /* over B2 and the tapemark */
    settle();
    describe_is(d, "%s/t.aws (AWS) block 3, ring");
    expect(command(d, 0x27, 1), CE, 0, false); /* back over the tapemark */
    settle();
    describe_is(d, "%s/t.aws (AWS) block 2, ring");
    expect(command(d, 0x2F, 1), CE, 0, false); /* back over B2, B1 into load point */
    settle();
    expect_sense(d, (const uint8_t[8]){0x00, 0x48, 0, 0x02, 0, 0, 0, 0});
    /* at load point nothing moves: the unit check comes at once */
    expect(command(d, 0x27, 1), CE | DE | UC, 0, false);
    expect(command(d, 0x2F, 1), CE | DE | UC, 0, false);
    expect_sense(d, (const uint8_t[8]){0x00, 0x48, 0, 0x02, 0, 0, 0, 0});
    /* forward to the end: three files, then nothing more */
    for (int i = 0; i < 3; i++) {
        expect(command(d, 0x3F, 1), CE, 0, false);
        settle();
    }
    describe_is(d, "%s/t.aws (AWS) block 6, ring");
    expect(command(d, 0x3F, 1), CE | DE | UC, 0, false);
    expect_sense(d, (const uint8_t[8]){0x10, 0x40, 0, 0, 0, 0, 0, 0x60});
    expect(command(d, 0x37, 1), CE | DE | UC, 0, false);
    unmount(d);
}
END_TEST

START_TEST(test_write_tapemark_and_erase)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    command(d, 0x02, 80);
    expect(command(d, 0x1F, 1), CE, 0, false);
    settle();
    ck_assert_int_eq(file_size("t.aws"), 86 + 6); /* B1 and the new tapemark */
    describe_is(d, "%s/t.aws (AWS) block 2, ring");
    /* data security erase: rejected unless chained from erase gap; then erases to the end */
    command(d, 0x27, 1);
    settle();
    expect(command(d, 0x17, 1), CE, 0, false);
    settle();
    expect(chained(d, 0x97, 0x1F), CE | DE | UC, 1, false);
    expect(command(d, 0x97, 1), CE | DE | UC, 1, false);
    ck_assert_int_eq(file_size("t.aws"), 92);
    expect(chained(d, 0x97, 0x17), CE, 0, false);
    settle();
    ck_assert_int_eq(file_size("t.aws"), 86);
    unmount(d);
}
END_TEST

/* Rewind unload: the drive is then not ready (intervention required, TU status B). */
START_TEST(test_rewind_unload)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    command(d, 0x02, 80);
    expect(command(d, 0x0F, 1), CE, 0, false);
    describe_is(d, "no tape mounted, unloading");
    settle();
    describe_is(d, "no tape mounted");
    expect_sense(d, (const uint8_t[8]){0x40, 0x20, 0, 0, 0, 0, 0, 0});
    expect(command(d, 0x02, 80), CE | DE | UC, 80, false);
    unmount(d);
}
END_TEST

/* An I/O reset clears the sense bytes and leaves the tape where it is. */
START_TEST(test_reset_keeps_position)
{
    standard_tape("t.aws");
    struct device *d = drive("3420", "t.aws");
    command(d, 0x02, 80);
    command(d, 0x02, 10);
    command(d, 0xE4, 1);
    device_tape.reset(d);
    describe_is(d, "%s/t.aws (AWS) block 2, ring");
    expect_sense(d, (const uint8_t[8]){0x00, 0x40, 0, 0, 0, 0, 0, 0});
    unmount(d);
}
END_TEST

/* ---- damaged images ----------------------------------------------------------------------------- */

START_TEST(test_damaged_image)
{
    static const uint8_t bad[] = {0x64, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A'}; /* 100 bytes claimed, 1 there */
    FILE *f = fopen(file("bad.aws"), "wb");
    fwrite(bad, 1, sizeof bad, f);
    fclose(f);
    struct device *d = drive("3420", "bad.aws");
    expect(command(d, 0x02, 100), CE | DE | UC, 100, false);
    expect_sense(d, (const uint8_t[8]){0x08, 0x48, 0, 0, 0, 0, 0, 0});
    expect(command(d, 0x37, 1), CE | DE | UC, 0, false);
    describe_is(d, "%s/bad.aws (AWS) at load point, ring");
    unmount(d);
}
END_TEST

/* A SimH record of class 8 (recorded with an error) is transferred with a data check. */
START_TEST(test_bad_record)
{
    static const uint8_t tap[] = {0x01, 0x00, 0x00, 0x80, 'Q', 0x00, 0x01, 0x00, 0x00, 0x80};
    FILE *f = fopen(file("bad.tap"), "wb");
    fwrite(tap, 1, sizeof tap, f);
    fclose(f);
    struct device *d = drive("3420", "bad.tap");
    expect(command(d, 0x02, 5), CE | DE | UC, 4, false);
    ck_assert_uint_eq(buffer[0], 'Q');
    expect_sense(d, (const uint8_t[8]){0x08, 0x40, 0, 0, 0, 0, 0, 0});
    unmount(d);
}
END_TEST

/* HET options: compress=0 stores raw, chunksize=4096 splits a 5,000-byte block. */
START_TEST(test_het_options)
{
    struct device *d = drive("3420", "o.het compress=0 chunksize=4096 rw");
    memset(buffer, 0x40, 5000);
    command(d, 0x07, 1);
    settle();
    expect(command(d, 0x01, 5000), CE | DE, 0, false);
    unmount(d);
    FILE *f = fopen(file("o.het"), "rb");
    uint8_t header[6];
    ck_assert_uint_eq(fread(header, 1, 6, f), 6);
    fclose(f);
    static const uint8_t want[] = {0x00, 0x10, 0x00, 0x00, 0x80, 0x00}; /* 4096 bytes, first chunk, raw */
    ck_assert_mem_eq(header, want, 6);
    ck_assert_int_eq(file_size("o.het"), 5000 + 12);
    d = drive("3420", "o.het level=9");
    expect(command(d, 0x01, 5000), CE | DE, 0, false);
    unmount(d);
    ck_assert_int_lt(file_size("o.het"), 200);
}
END_TEST

/* ---- through the channel subsystem: SIO, CSWs, interruptions -------------------------------------- */

#define I(s) "         " s "\n"

struct rig {
    struct cputest t;
    struct channel_subsystem *cs;
};

static void rig_mount(struct rig *g, const char *args)
{
    cputest_init(&g->t, 0, 1);
    g->cs = channel_create(g->t.m);
    ck_assert(channel_attach(g->cs, drive("3420", args)));
}

/* SIO X'180' with the CCWs at PROG (CAW at X'48'), cc to X'900', then an enabled wait for the
   interruption.  Two more programs: at X'3000' an enabled wait for the next interruption; at
   X'3100' TIO first (its cc at X'904', any CSW it stores at X'908'). */
static void rig_start(struct rig *g, const char *ccws)
{
    char source[2048];
    snprintf(source, sizeof source,
             "P        START X'1000'\n" I("BALR  12,0") I("USING *,12") I("LA    1,PROG") I("ST    1,X'48'")
                 I("SIO   X'180'") I("BALR  9,0") I("SRL   9,28") I("N     9,=F'3'") I("ST    9,X'900'")
                     I("LPSW  ENABLED") I("DS    0D") "ENABLED  DC    X'FE020000',A(0)\n" "PROG     DS    0D\n" "%s"
                         I("LTORG") I("ORG   P+X'800'") "BUF      DC    XL80'00'\n" I("END   P"),
             ccws);
    cputest_load(&g->t, source);
    cputest_load(&g->t, "Q        START X'3000'\n" I("BALR  12,0") I("USING *,12") I("LPSW  WAIT") I("DS    0D")
                            "WAIT     DC    X'FE020000',A(0)\n" I("ORG   Q+X'100'") I("BALR  12,0") I("USING *,12")
                                I("TIO   X'180'") I("BALR  9,0") I("SRL   9,28") I("N     9,=F'3'") I("ST    9,X'904'")
                                    I("MVC   X'908'(8),X'40'") I("LPSW  WAIT2") I("DS    0D")
                                        "WAIT2    DC    X'FE020000',A(0)\n" I("LTORG") I("END   Q"));
    cputest_run_at(&g->t, 0x1000, 0x0000, 100000);
    ck_assert_uint_eq(cputest_word(&g->t, 0x900), 0);
    ck_assert_uint_eq(cputest_final_address(&g->t), CPUTEST_IO);
}

/* Wait for the next interruption, with TIO first when `test` (only while the drive surely still
   moves: a TIO after the device end would take the interruption itself). */
static void rig_next(struct rig *g, bool test)
{
    cputest_run_at(&g->t, test ? 0x3100 : 0x3000, 0x0000, 1000);
    ck_assert_uint_eq(cputest_final_address(&g->t), CPUTEST_IO);
}

static uint8_t csw_unit(struct rig *g)
{
    return (uint8_t)(cputest_word(&g->t, 0x44) >> 24);
}

/* A motion's channel end, then its device end with `ending` status: two interruptions, or one when
   the CPU was slow to take the first (a loaded host) and the channel merged the device end into it
   while it was pending, as a real channel does. */
static void expect_motion_end(struct rig *g, uint8_t ending)
{
    if (csw_unit(g) == CE) {
        rig_next(g, false);
        ck_assert_uint_eq(csw_unit(g), DE | ending);
    } else {
        ck_assert_uint_eq(csw_unit(g), CE | DE | ending);
    }
}

static void rig_free(struct rig *g)
{
    channel_destroy(g->cs);
    cputest_free(&g->t);
}

/* Spacing over 4,000 blocks and rewinding over them (5 ms each): the first interruption has channel
   end alone; TIO then finds the drive busy; device end comes as the next interruption. */
START_TEST(test_channel_motion_timing)
{
    char err[256];
    struct tape_image *t = tape_create(file("long.aws"), TAPE_AWS, err, sizeof err);
    for (int i = 0; i < 4000; i++)
        ck_assert_int_eq(tape_write_block(t, (const uint8_t *)"x", 1), TAPE_OK);
    ck_assert_int_eq(tape_write_tapemark(t), TAPE_OK);
    tape_close(t);
    struct rig g;
    rig_mount(&g, "long.aws");
    static const char *const programs[] = {I("CCW   X'3F',0,0,1"), I("CCW   X'07',0,0,1")};
    for (int i = 0; i < 2; i++) {
        rig_start(&g, programs[i]);
        ck_assert_uint_eq(csw_unit(&g), CE);
        rig_next(&g, true);
        ck_assert_uint_eq(cputest_word(&g.t, 0x904), 1); /* TIO: busy */
        ck_assert_uint_eq(cputest_word(&g.t, 0x90C) >> 24, UNIT_BUSY);
        ck_assert_uint_eq(csw_unit(&g), DE);
    }
    rig_free(&g);
}
END_TEST

/* Command chaining waits for the device end of a motion: FSF then read gets B3. */
START_TEST(test_channel_chained_read)
{
    standard_tape("t.aws");
    struct rig g;
    rig_mount(&g, "t.aws");
    rig_start(&g, I("CCW   X'3F',0,X'40',1") I("CCW   X'02',BUF,0,80"));
    ck_assert_uint_eq(csw_unit(&g), CE | DE);
    ck_assert_uint_eq(cputest_word(&g.t, 0x44) & 0xFFFF, 77); /* residual: 80 - 3 */
    ck_assert_uint_eq(cputest_word(&g.t, 0x1800) >> 8, 0xC1C2C3);
    rig_free(&g);
}
END_TEST

/* As Hercules' tapebsf test: forward space block, backspace file into load point (device end with
   unit check), sense X'0048', and the first block is read again. */
START_TEST(test_channel_backspace_file_into_load_point)
{
    standard_tape("t.aws");
    struct rig g;
    rig_mount(&g, "t.aws");
    rig_start(&g, I("CCW   X'37',0,0,1"));
    expect_motion_end(&g, 0);
    rig_start(&g, I("CCW   X'2F',0,0,1"));
    expect_motion_end(&g, UC);
    rig_start(&g, I("CCW   X'04',BUF,X'20',2"));
    ck_assert_uint_eq(csw_unit(&g), CE | DE);
    ck_assert_uint_eq(cputest_word(&g.t, 0x1800) >> 16, 0x0048);
    rig_start(&g, I("CCW   X'02',BUF,X'20',4"));
    ck_assert_uint_eq(cputest_word(&g.t, 0x1800), 0x00010203);
    rig_free(&g);
}
END_TEST

/* Forward space block over a tapemark: device end with unit exception. */
START_TEST(test_channel_space_block_over_tapemark)
{
    standard_tape("t.aws");
    struct rig g;
    rig_mount(&g, "t.aws");
    rig_start(&g, I("CCW   X'37',0,X'40',1") I("CCW   X'37',0,X'40',1") I("CCW   X'37',0,0,1"));
    expect_motion_end(&g, UX);
    rig_free(&g);
}
END_TEST

Suite *suite_tape(void)
{
    Suite *s = suite_create("tape");
    TCase *tc = tcase_create("tape");
    tcase_add_checked_fixture(tc, folder_setup, folder_teardown);
    tcase_add_test(tc, test_init_errors);
    tcase_add_test(tc, test_models);
    tcase_add_test(tc, test_autoinit);
    tcase_add_test(tc, test_describe);
    tcase_add_test(tc, test_read);
    tcase_add_test(tc, test_read_backward);
    tcase_add_test(tc, test_sense);
    tcase_add_test(tc, test_nop_and_request_track_in_error);
    tcase_add_test(tc, test_command_reject);
    tcase_add_test(tc, test_mode_sets);
    tcase_add_test(tc, test_write);
    tcase_add_test(tc, test_file_protect);
    tcase_add_test(tc, test_long_block);
    tcase_add_test(tc, test_write_failure);
    tcase_add_test(tc, test_not_ready);
    tcase_add_test(tc, test_rewind_busy);
    tcase_add_test(tc, test_spacing);
    tcase_add_test(tc, test_write_tapemark_and_erase);
    tcase_add_test(tc, test_rewind_unload);
    tcase_add_test(tc, test_reset_keeps_position);
    tcase_add_test(tc, test_damaged_image);
    tcase_add_test(tc, test_bad_record);
    tcase_add_test(tc, test_het_options);
    tcase_add_test(tc, test_channel_motion_timing);
    tcase_add_test(tc, test_channel_chained_read);
    tcase_add_test(tc, test_channel_backspace_file_into_load_point);
    tcase_add_test(tc, test_channel_space_block_over_tapemark);
    suite_add_tcase(s, tc);
    return s;
}
