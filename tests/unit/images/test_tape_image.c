/*
 * test_tape_image.c - the tape image library (devices/images/tape_image.c) against bytes worked out by
 * hand from FORMATS.md 3.3-3.4 (AWS chunk headers and their previous-length chain, chunking of long
 * blocks, HET compression flags) and the SimH magtape document (length framing, padding, gaps, the
 * error class, end of medium), a HET tape made by Hercules' hetinit as a peer, every positioning
 * operation in every format, round trips between the formats, and damaged images.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "tests/unit/testdir.h"
#include "common/ebcdic.h"
#include "common/util.h"
#include "devices/images/tape_image.h"

/* ---- scratch files ------------------------------------------------------------------------------ */

static char scratch[64];

static void scratch_setup(void)
{
    testdir_create(scratch, sizeof scratch, "tape-image-");
}

static void scratch_teardown(void)
{
    testdir_remove(scratch);
}

/* A path in the scratch folder; valid until the next call. */
static const char *in_scratch(const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    return path;
}

static void put_bytes(const char *name, const uint8_t *bytes, size_t n)
{
    FILE *f = fopen(in_scratch(name), "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

/* The file's bytes (malloc'd) and size. */
static uint8_t *get_bytes(const char *name, size_t *n)
{
    FILE *f = fopen(in_scratch(name), "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    uint8_t *p = xmalloc(*n);
    ck_assert_uint_eq(fread(p, 1, *n, f), *n);
    fclose(f);
    return p;
}

static void expect_file(const char *name, const uint8_t *want, size_t n)
{
    size_t got_n;
    uint8_t *got = get_bytes(name, &got_n);
    ck_assert_uint_eq(got_n, n);
    ck_assert_mem_eq(got, want, n);
    free(got);
}

static struct tape_image *create(const char *name, enum tape_format format)
{
    char err[256];
    struct tape_image *t = tape_create(in_scratch(name), format, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    return t;
}

static struct tape_image *open_tape(const char *name, bool read_only)
{
    char err[256];
    struct tape_image *t = tape_open(in_scratch(name), read_only, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    return t;
}

static void write_text(struct tape_image *t, const char *text)
{
    ck_assert_int_eq(tape_write_block(t, (const uint8_t *)text, (uint32_t)strlen(text)), TAPE_OK);
}

static void write_mark(struct tape_image *t)
{
    ck_assert_int_eq(tape_write_tapemark(t), TAPE_OK);
}

typedef enum tape_result read_fn(struct tape_image *, const uint8_t **, uint32_t *);

/* Read (tape_read_block or tape_read_block_backward) expecting a block of these bytes. */
static void expect_block(struct tape_image *t, read_fn *read, const void *want, uint32_t n)
{
    const uint8_t *data;
    uint32_t length;
    ck_assert_int_eq(read(t, &data, &length), TAPE_OK);
    ck_assert_uint_eq(length, n);
    ck_assert_mem_eq(data, want, n);
}

static void expect_read(struct tape_image *t, const char *text)
{
    expect_block(t, tape_read_block, text, (uint32_t)strlen(text));
}

static void expect_read_backward(struct tape_image *t, const char *text)
{
    expect_block(t, tape_read_block_backward, text, (uint32_t)strlen(text));
}

static enum tape_result read_result(struct tape_image *t)
{
    const uint8_t *data;
    uint32_t length;
    return tape_read_block(t, &data, &length);
}

/* ---- AWS ---------------------------------------------------------------------------------------- */

/* Each block one chunk (flags A0); the tapemark's header carries the previous chunk's length (3);
   the block after a tapemark has previous length 0. */
START_TEST(test_aws_bytes)
{
    struct tape_image *t = create("a.aws", TAPE_AWS);
    write_text(t, "ABC");
    write_mark(t);
    write_text(t, "HELLO");
    ck_assert_uint_eq(tape_block_number(t), 3);
    tape_close(t);
    static const uint8_t want[] = {
        0x03, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A', 'B', 'C',
        0x00, 0x00, 0x03, 0x00, 0x40, 0x00,
        0x05, 0x00, 0x00, 0x00, 0xA0, 0x00, 'H', 'E', 'L', 'L', 'O',
    };
    expect_file("a.aws", want, sizeof want);
}
END_TEST

START_TEST(test_aws_read_forward_and_backward)
{
    static const uint8_t tape[] = {
        0x03, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A', 'B', 'C',
        0x00, 0x00, 0x03, 0x00, 0x40, 0x00,
        0x05, 0x00, 0x00, 0x00, 0xA0, 0x00, 'H', 'E', 'L', 'L', 'O',
    };
    put_bytes("r.aws", tape, sizeof tape);
    struct tape_image *t = open_tape("r.aws", true);
    ck_assert_int_eq(tape_image_format(t), TAPE_AWS);
    ck_assert(tape_at_load_point(t));
    expect_read(t, "ABC");
    ck_assert_int_eq(read_result(t), TAPE_TAPEMARK);
    expect_read(t, "HELLO");
    ck_assert_int_eq(read_result(t), TAPE_END_OF_DATA);
    ck_assert_uint_eq(tape_block_number(t), 3);
    ck_assert(tape_at_end(t));
    expect_read_backward(t, "HELLO");
    ck_assert_uint_eq(tape_block_number(t), 2);
    ck_assert(!tape_at_end(t));
    ck_assert_int_eq(tape_backspace_block(t), TAPE_TAPEMARK);
    expect_read_backward(t, "ABC");
    ck_assert(tape_at_load_point(t));
    ck_assert_int_eq(tape_backspace_block(t), TAPE_LOAD_POINT);
    const uint8_t *data;
    uint32_t length;
    ck_assert_int_eq(tape_read_block_backward(t, &data, &length), TAPE_LOAD_POINT);
    expect_read(t, "ABC");
    tape_close(t);
}
END_TEST

/* A 10,000-byte block in 4,096-byte chunks: 4096 (flags 80, previous 0), 4096 (00, previous 4096),
   1808 = X'0710' (20, previous 4096); the tapemark after it has previous length 1808. */
START_TEST(test_aws_chunks)
{
    uint8_t block[10000];
    for (size_t i = 0; i < sizeof block; i++)
        block[i] = (uint8_t)(i * 7);
    struct tape_image *t = create("c.aws", TAPE_AWS);
    ck_assert(tape_set_chunk_size(t, 4096));
    ck_assert_int_eq(tape_write_block(t, block, sizeof block), TAPE_OK);
    write_mark(t);
    tape_close(t);
    size_t n;
    uint8_t *file = get_bytes("c.aws", &n);
    ck_assert_uint_eq(n, 10000 + 4 * 6);
    static const uint8_t h1[] = {0x00, 0x10, 0x00, 0x00, 0x80, 0x00};
    static const uint8_t h2[] = {0x00, 0x10, 0x00, 0x10, 0x00, 0x00};
    static const uint8_t h3[] = {0x10, 0x07, 0x00, 0x10, 0x20, 0x00};
    static const uint8_t mark[] = {0x00, 0x00, 0x10, 0x07, 0x40, 0x00};
    ck_assert_mem_eq(file, h1, 6);
    ck_assert_mem_eq(file + 6, block, 4096);
    ck_assert_mem_eq(file + 4102, h2, 6);
    ck_assert_mem_eq(file + 4108, block + 4096, 4096);
    ck_assert_mem_eq(file + 8204, h3, 6);
    ck_assert_mem_eq(file + 8210, block + 8192, 1808);
    ck_assert_mem_eq(file + 10018, mark, 6);
    free(file);

    t = open_tape("c.aws", false);
    expect_block(t, tape_read_block, block, sizeof block);
    ck_assert_int_eq(read_result(t), TAPE_TAPEMARK);
    ck_assert_int_eq(tape_backspace_block(t), TAPE_TAPEMARK);
    expect_block(t, tape_read_block_backward, block, sizeof block);
    ck_assert(tape_at_load_point(t));
    tape_close(t);
}
END_TEST

/* A block longer than 65,535 bytes takes two chunks at the default chunk size. */
START_TEST(test_aws_block_over_64k)
{
    uint32_t length = 70000;
    uint8_t *block = xmalloc(length);
    for (uint32_t i = 0; i < length; i++)
        block[i] = (uint8_t)(i % 251);
    struct tape_image *t = create("big.aws", TAPE_AWS);
    ck_assert_int_eq(tape_write_block(t, block, length), TAPE_OK);
    tape_close(t);
    size_t n;
    uint8_t *file = get_bytes("big.aws", &n);
    ck_assert_uint_eq(n, 70000 + 12);
    static const uint8_t h1[] = {0xFF, 0xFF, 0x00, 0x00, 0x80, 0x00};
    static const uint8_t h2[] = {0x71, 0x11, 0xFF, 0xFF, 0x20, 0x00}; /* 70000 - 65535 = 4465 = X'1171' */
    ck_assert_mem_eq(file, h1, 6);
    ck_assert_mem_eq(file + 65541, h2, 6);
    free(file);
    t = open_tape("big.aws", true);
    expect_block(t, tape_read_block, block, length);
    tape_close(t);
    free(block);
}
END_TEST

/* Writing ends the tape: a block written after the first record replaces everything after it. */
START_TEST(test_write_truncates)
{
    struct tape_image *t = create("w.aws", TAPE_AWS);
    write_text(t, "1");
    write_text(t, "22");
    write_mark(t);
    tape_rewind(t);
    ck_assert_int_eq(tape_space_block(t), TAPE_OK);
    write_text(t, "X");
    ck_assert_int_eq(read_result(t), TAPE_END_OF_DATA);
    tape_close(t);
    static const uint8_t want[] = {
        0x01, 0x00, 0x00, 0x00, 0xA0, 0x00, '1',
        0x01, 0x00, 0x01, 0x00, 0xA0, 0x00, 'X',
    };
    expect_file("w.aws", want, sizeof want);
}
END_TEST

START_TEST(test_erase_to_end)
{
    struct tape_image *t = create("e.tap", TAPE_TAP);
    write_text(t, "1");
    write_text(t, "22");
    tape_rewind(t);
    ck_assert_int_eq(tape_space_block(t), TAPE_OK);
    ck_assert(!tape_at_end(t));
    ck_assert_int_eq(tape_erase_to_end(t), TAPE_OK);
    ck_assert(tape_at_end(t));
    tape_close(t);
    static const uint8_t want[] = {0x01, 0x00, 0x00, 0x00, '1', 0x00, 0x01, 0x00, 0x00, 0x00};
    expect_file("e.tap", want, sizeof want);
}
END_TEST

/* ---- HET ---------------------------------------------------------------------------------------- */

/* `hetinit t.het VOL001 OWNER1` (Hercules 3.13): a VOL1 and a HDR1 label, zlib-compressed at level
   4 (chunks of 32 and 15 bytes, flags A1), and a tapemark. */
static const uint8_t hetinit_tape[] = {
    0x20, 0x00, 0x00, 0x00, 0xa1, 0x00, 0x78, 0x5e, 0x7b, 0x7a, 0xed, 0xf2, 0xc7, 0xa7, 0xd7, 0x2e,
    0x7f, 0xf8, 0xf0, 0xd1, 0x01, 0x3f, 0xb8, 0xf6, 0xec, 0xea, 0xd1, 0x9b, 0x84, 0x14, 0x39, 0x38,
    0x00, 0x00, 0x8e, 0xd7, 0x1d, 0xff, 0x0f, 0x00, 0x20, 0x00, 0xa1, 0x00, 0x78, 0x5e, 0x3b, 0x71,
    0xe4, 0xe6, 0xc7, 0x0f, 0x54, 0x04, 0x00, 0xbd, 0xac, 0x4a, 0x97, 0x00, 0x00, 0x0f, 0x00, 0x40,
    0x00,
};

/* The labels hetinit writes, in EBCDIC: VOL1 with the volume serial in columns 5-10 and the owner
   in 42-51; HDR1 of 76 zeros. */
static void hetinit_labels(uint8_t vol1[80], uint8_t hdr1[80])
{
    char text[81];
    snprintf(text, sizeof text, "VOL1VOL001%31sOWNER1%33s", "", "");
    ebcdic_from_ascii(vol1, text, 80);
    memset(text, '0', 80);
    memcpy(text, "HDR1", 4);
    ebcdic_from_ascii(hdr1, text, 80);
}

START_TEST(test_het_peer_read)
{
    uint8_t vol1[80], hdr1[80];
    hetinit_labels(vol1, hdr1);
    put_bytes("peer.het", hetinit_tape, sizeof hetinit_tape);
    struct tape_image *t = open_tape("peer.het", true);
    ck_assert_int_eq(tape_image_format(t), TAPE_HET);
    const uint8_t *data;
    uint32_t length;
    ck_assert_int_eq(tape_read_block(t, &data, &length), TAPE_OK);
    ck_assert_uint_eq(length, 80);
    ck_assert_mem_eq(data, vol1, 80);
    ck_assert_uint_eq(tape_stored_length(t), 32);
    ck_assert_str_eq(tape_compression(t), "zlib");
    ck_assert_int_eq(tape_read_block(t, &data, &length), TAPE_OK);
    ck_assert_mem_eq(data, hdr1, 80);
    ck_assert_uint_eq(tape_stored_length(t), 15);
    ck_assert_int_eq(read_result(t), TAPE_TAPEMARK);
    ck_assert_int_eq(read_result(t), TAPE_END_OF_DATA);
    /* backward over the compressed chunks */
    ck_assert_int_eq(tape_backspace_block(t), TAPE_TAPEMARK);
    ck_assert_int_eq(tape_read_block_backward(t, &data, &length), TAPE_OK);
    ck_assert_mem_eq(data, hdr1, 80);
    tape_close(t);
}
END_TEST

/* Writing the same labels as HET (zlib level 4) gives hetinit's bytes exactly. */
START_TEST(test_het_peer_write)
{
    uint8_t vol1[80], hdr1[80];
    hetinit_labels(vol1, hdr1);
    struct tape_image *t = create("ours.het", TAPE_HET);
    ck_assert_int_eq(tape_write_block(t, vol1, 80), TAPE_OK);
    ck_assert_int_eq(tape_write_block(t, hdr1, 80), TAPE_OK);
    write_mark(t);
    tape_close(t);
    expect_file("ours.het", hetinit_tape, sizeof hetinit_tape);
}
END_TEST

/* HET compresses a block only when that shortens it: "ABC" stays raw (flags A0); 1,000 blanks
   shrink (flags A1) and the stored bytes are a zlib stream of them.  Level 0 stores raw. */
START_TEST(test_het_compression_flags)
{
    uint8_t blanks[1000];
    memset(blanks, 0x40, sizeof blanks);
    struct tape_image *t = create("z.het", TAPE_HET);
    write_text(t, "ABC");
    ck_assert_int_eq(tape_write_block(t, blanks, sizeof blanks), TAPE_OK);
    ck_assert(tape_set_compression(t, 0));
    ck_assert_int_eq(tape_write_block(t, blanks, sizeof blanks), TAPE_OK);
    tape_close(t);
    size_t n;
    uint8_t *file = get_bytes("z.het", &n);
    static const uint8_t first[] = {0x03, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A', 'B', 'C'};
    ck_assert_mem_eq(file, first, sizeof first);
    const uint8_t *h = file + 9;
    uint32_t stored = (uint32_t)h[0] | (uint32_t)h[1] << 8;
    ck_assert_uint_lt(stored, 1000);
    ck_assert_uint_eq(h[2], 3);
    ck_assert_uint_eq(h[3], 0);
    ck_assert_uint_eq(h[4], 0xA1);
    uint8_t expanded[1000];
    uLongf expanded_length = sizeof expanded;
    ck_assert_int_eq(uncompress(expanded, &expanded_length, h + 6, stored), Z_OK);
    ck_assert_uint_eq(expanded_length, 1000);
    ck_assert_mem_eq(expanded, blanks, 1000);
    const uint8_t *raw = h + 6 + stored;
    ck_assert_uint_eq(raw[0] | raw[1] << 8, 1000);
    ck_assert_uint_eq(raw[2] | raw[3] << 8, stored); /* previous length: the stored chunk's */
    ck_assert_uint_eq(raw[4], 0xA0);
    ck_assert_uint_eq(n, 9 + 6 + stored + 6 + 1000);
    free(file);
}
END_TEST

/* ---- SimH .tap ---------------------------------------------------------------------------------- */

/* Length before and after each record, odd lengths padded with a zero byte; a tapemark is a zero
   word. */
START_TEST(test_tap_bytes)
{
    struct tape_image *t = create("s.tap", TAPE_TAP);
    write_text(t, "ABC");
    write_mark(t);
    write_text(t, "HI");
    tape_close(t);
    static const uint8_t want[] = {
        0x03, 0x00, 0x00, 0x00, 'A', 'B', 'C', 0x00, 0x03, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
        0x02, 0x00, 0x00, 0x00, 'H', 'I', 0x02, 0x00, 0x00, 0x00,
    };
    expect_file("s.tap", want, sizeof want);
}
END_TEST

/* Gaps are skipped both ways, class 8 marks a bad record, end of medium ends the data. */
START_TEST(test_tap_markers)
{
    static const uint8_t tape[] = {
        0xFE, 0xFF, 0xFF, 0xFF,                                     /*  0: erase gap */
        0x01, 0x00, 0x00, 0x00, 'Z', 0x00, 0x01, 0x00, 0x00, 0x00,  /*  4: "Z" */
        0xFE, 0xFF, 0xFF, 0xFF,                                     /* 14: erase gap */
        0x00, 0x00, 0x00, 0x00,                                     /* 18: tapemark */
        0x01, 0x00, 0x00, 0x80, 'Q', 0x00, 0x01, 0x00, 0x00, 0x80,  /* 22: "Q", recorded with an error */
        0xFF, 0xFF, 0xFF, 0xFF,                                     /* 32: end of medium */
    };
    put_bytes("m.tap", tape, sizeof tape);
    struct tape_image *t = open_tape("m.tap", false);
    expect_read(t, "Z");
    ck_assert(!tape_block_bad(t));
    ck_assert_int_eq(read_result(t), TAPE_TAPEMARK);
    expect_read(t, "Q");
    ck_assert(tape_block_bad(t));
    ck_assert_int_eq(read_result(t), TAPE_END_OF_DATA);
    ck_assert(tape_at_end(t));
    ck_assert_uint_eq(tape_block_number(t), 3);
    expect_read_backward(t, "Q");
    ck_assert_int_eq(tape_backspace_block(t), TAPE_TAPEMARK);
    ck_assert_int_eq(tape_backspace_block(t), TAPE_OK);
    ck_assert(tape_at_load_point(t));
    ck_assert_int_eq(tape_backspace_block(t), TAPE_LOAD_POINT);
    expect_read(t, "Z");
    /* a tapemark written after "Z" replaces the gap and all that followed */
    write_mark(t);
    tape_close(t);
    static const uint8_t want[] = {
        0xFE, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00, 0x00, 'Z', 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    expect_file("m.tap", want, sizeof want);
}
END_TEST

/* ---- positioning, the same in every format ------------------------------------------------------ */

static const enum tape_format all_formats[] = {TAPE_AWS, TAPE_HET, TAPE_TAP};
static const char *const format_files[] = {"p.aws", "p.het", "p.tap"};

/* Space files: the result, the records passed, the block number after. */
static void expect_spacing(struct tape_image *t, enum tape_result (*space)(struct tape_image *, uint32_t *),
                           enum tape_result result, uint32_t moved, uint32_t block)
{
    uint32_t n;
    ck_assert_int_eq(space(t, &n), result);
    ck_assert_uint_eq(n, moved);
    ck_assert_uint_eq(tape_block_number(t), block);
}

/* The sample tape: 1 22 * 333 * *  (records 1-6). */
static void sample_tape(const char *name, enum tape_format format)
{
    struct tape_image *t = create(name, format);
    write_text(t, "1");
    write_text(t, "22");
    write_mark(t);
    write_text(t, "333");
    write_mark(t);
    write_mark(t);
    tape_close(t);
}

START_TEST(test_positioning)
{
    sample_tape(format_files[_i], all_formats[_i]);
    struct tape_image *t = open_tape(format_files[_i], false);
    expect_spacing(t, tape_space_file, TAPE_TAPEMARK, 3, 3);
    expect_spacing(t, tape_space_file, TAPE_TAPEMARK, 2, 5);
    expect_spacing(t, tape_space_file, TAPE_TAPEMARK, 1, 6);
    expect_spacing(t, tape_space_file, TAPE_END_OF_DATA, 0, 6);
    ck_assert_int_eq(tape_space_block(t), TAPE_END_OF_DATA);
    /* backward: each backspace file stops before a tapemark */
    expect_spacing(t, tape_backspace_file, TAPE_TAPEMARK, 1, 5);
    expect_spacing(t, tape_backspace_file, TAPE_TAPEMARK, 1, 4);
    expect_spacing(t, tape_backspace_file, TAPE_TAPEMARK, 2, 2);
    expect_read_backward(t, "22");
    /* into load point */
    expect_spacing(t, tape_backspace_file, TAPE_LOAD_POINT, 1, 0);
    ck_assert(tape_at_load_point(t));
    expect_spacing(t, tape_backspace_file, TAPE_LOAD_POINT, 0, 0);
    /* block by block */
    ck_assert_int_eq(tape_space_block(t), TAPE_OK);
    ck_assert_int_eq(tape_space_block(t), TAPE_OK);
    ck_assert_int_eq(tape_space_block(t), TAPE_TAPEMARK);
    expect_read(t, "333");
    ck_assert_int_eq(tape_backspace_block(t), TAPE_OK);
    ck_assert_int_eq(tape_backspace_block(t), TAPE_TAPEMARK);
    expect_read_backward(t, "22");
    ck_assert_uint_eq(tape_block_number(t), 1);
    tape_rewind(t);
    ck_assert(tape_at_load_point(t));
    expect_read(t, "1");
    tape_close(t);
}
END_TEST

/* ---- round trips -------------------------------------------------------------------------------- */

static void copy_tape(const char *from, const char *to, enum tape_format format)
{
    struct tape_image *src = open_tape(from, true), *dst = create(to, format);
    const uint8_t *data;
    uint32_t length;
    enum tape_result result;
    while ((result = tape_read_block(src, &data, &length)) != TAPE_END_OF_DATA) {
        ck_assert_int_ne(result, TAPE_FAILED);
        if (result == TAPE_TAPEMARK)
            write_mark(dst);
        else
            ck_assert_int_eq(tape_write_block(dst, data, length), TAPE_OK);
    }
    tape_close(src);
    tape_close(dst);
}

/* AWS -> HET -> .tap -> AWS gives back the first file byte for byte (a 70,000-byte block, odd and
   even lengths, several files). */
START_TEST(test_round_trip)
{
    static const uint32_t lengths[] = {1, 80, 65535, 70000, 0, 3, 0, 0};
    uint8_t *block = xmalloc(70000);
    for (uint32_t i = 0; i < 70000; i++)
        block[i] = (uint8_t)(i / 100);
    struct tape_image *t = create("rt.aws", TAPE_AWS);
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
        if (lengths[i])
            ck_assert_int_eq(tape_write_block(t, block, lengths[i]), TAPE_OK);
        else
            write_mark(t);
    tape_close(t);
    copy_tape("rt.aws", "rt.het", TAPE_HET);
    copy_tape("rt.het", "rt.tap", TAPE_TAP);
    copy_tape("rt.tap", "back.aws", TAPE_AWS);
    size_t n1, n2, nh;
    uint8_t *a = get_bytes("rt.aws", &n1), *b = get_bytes("back.aws", &n2), *h = get_bytes("rt.het", &nh);
    ck_assert_uint_eq(n1, n2);
    ck_assert_mem_eq(a, b, n1);
    ck_assert_uint_lt(nh, n1 / 10); /* the HET copy is compressed */
    free(a);
    free(b);
    free(h);
    free(block);
}
END_TEST

/* ---- opening, formats, options ------------------------------------------------------------------ */

START_TEST(test_detect_format)
{
    static const uint8_t aws[] = {0x01, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A'};
    static const uint8_t tap[] = {0x01, 0x00, 0x00, 0x00, 'A', 0x00, 0x01, 0x00, 0x00, 0x00};
    put_bytes("a.img", aws, sizeof aws);
    put_bytes("h.img", hetinit_tape, sizeof hetinit_tape);
    put_bytes("s.img", tap, sizeof tap);
    put_bytes("e.img", aws, 0);
    static const struct {
        const char *name;
        enum tape_format format;
    } cases[] = {{"a.img", TAPE_AWS}, {"h.img", TAPE_HET}, {"s.img", TAPE_TAP}, {"e.img", TAPE_AWS}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct tape_image *t = open_tape(cases[i].name, true);
        ck_assert_int_eq(tape_image_format(t), cases[i].format);
        ck_assert_str_eq(tape_path(t), in_scratch(cases[i].name));
        tape_close(t);
    }
    /* the name decides over the data */
    put_bytes("named.tap", tap, sizeof tap);
    struct tape_image *t = open_tape("named.tap", true);
    ck_assert_int_eq(tape_image_format(t), TAPE_TAP);
    expect_read(t, "A");
    tape_close(t);
}
END_TEST

static void expect_open_error(const char *path, const char *message)
{
    char err[512];
    ck_assert_ptr_null(tape_open(path, true, err, sizeof err));
    ck_assert_msg(strstr(err, message) != NULL, "'%s' lacks '%s'", err, message);
}

START_TEST(test_open_errors)
{
    static const uint8_t text[] = "hello, world";
    put_bytes("g.img", text, sizeof text - 1);
    expect_open_error(in_scratch("g.img"), "not an AWS, HET or SimH tape image");
    put_bytes("t.fkt", text, 4);
    expect_open_error(in_scratch("t.fkt"), "FakeTape and OMA tapes are not supported");
    expect_open_error(in_scratch("t.tdf"), "FakeTape and OMA tapes are not supported");
    expect_open_error(in_scratch("missing.aws"), "No such file or directory");
    expect_open_error(scratch, "not a regular file");
    char err[512];
    ck_assert_ptr_null(tape_create(in_scratch("no/such/folder.aws"), TAPE_AWS, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "No such file or directory"));
}
END_TEST

START_TEST(test_read_only)
{
    struct tape_image *t = create("ro.aws", TAPE_AWS);
    write_text(t, "A");
    tape_close(t);
    t = open_tape("ro.aws", true);
    ck_assert(tape_read_only(t));
    ck_assert_int_eq(tape_write_block(t, (const uint8_t *)"B", 1), TAPE_FAILED);
    ck_assert_ptr_nonnull(strstr(tape_error(t), "read-only"));
    ck_assert_int_eq(tape_write_tapemark(t), TAPE_FAILED);
    ck_assert_int_eq(tape_erase_to_end(t), TAPE_FAILED);
    expect_read(t, "A");
    tape_close(t);
}
END_TEST

START_TEST(test_formats_and_options)
{
    enum tape_format f;
    ck_assert(tape_format_parse("HET", &f) && f == TAPE_HET);
    ck_assert(tape_format_parse("tap", &f) && f == TAPE_TAP);
    ck_assert(!tape_format_parse("fkt", &f));
    ck_assert(tape_format_from_name("dir.x/tape.AWS", &f) && f == TAPE_AWS);
    ck_assert(!tape_format_from_name("dir.aws/tape", &f));
    ck_assert_str_eq(tape_format_name(TAPE_TAP), "tap");
    struct tape_image *aws = create("o.aws", TAPE_AWS), *het = create("o.het", TAPE_HET);
    struct tape_image *tap = create("o.tap", TAPE_TAP);
    ck_assert(!tape_set_compression(aws, 4));
    ck_assert(tape_set_compression(het, 9));
    ck_assert(!tape_set_compression(het, 10));
    ck_assert(!tape_set_compression(het, -1));
    ck_assert(!tape_set_chunk_size(aws, 4095));
    ck_assert(tape_set_chunk_size(het, 4096));
    ck_assert(!tape_set_chunk_size(aws, 65536));
    ck_assert(!tape_set_chunk_size(tap, 4096));
    ck_assert(!tape_read_only(tap));
    uint8_t *huge = xcalloc(1, TAPE_MAX_BLOCK + 1);
    ck_assert_int_eq(tape_write_block(tap, huge, TAPE_MAX_BLOCK + 1), TAPE_FAILED);
    ck_assert_ptr_nonnull(strstr(tape_error(tap), "longer than"));
    ck_assert_uint_eq(tape_block_number(tap), 0);
    ck_assert_int_eq(tape_write_block(tap, huge, 0), TAPE_FAILED);
    ck_assert_ptr_nonnull(strstr(tape_error(tap), "cannot hold an empty block"));
    ck_assert_int_eq(tape_write_block(aws, huge, 0), TAPE_OK); /* AWS can: one empty chunk */
    tape_rewind(aws);
    const uint8_t *data;
    uint32_t length = 99;
    ck_assert_int_eq(tape_read_block(aws, &data, &length), TAPE_OK);
    ck_assert_uint_eq(length, 0);
    free(huge);
    tape_close(aws);
    tape_close(het);
    tape_close(tap);
}
END_TEST

/* ---- damaged images: an error, the position kept --------------------------------------------------- */

/* Damaged framing fails every motion; data that only cannot be expanded fails reading, while
   spacing (which needs no data) passes the block. */
static const struct damaged {
    const char *name;
    uint8_t bytes[16];
    size_t length;
    const char *message;
    bool spaces;
} damaged_images[] = {
    {"trunc.aws", {0x03, 0x00, 0x00, 0x00}, 4, "truncated chunk header at offset 0", false},
    {"past.aws", {0x64, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A'}, 7, "runs past the end of the file", false},
    {"nostart.aws", {0x01, 0x00, 0x00, 0x00, 0x20, 0x00, 'A'}, 7, "does not begin a block", false},
    {"noend.aws", {0x01, 0x00, 0x00, 0x00, 0x80, 0x00, 'A', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 'B'}, 14,
     "has no end-of-block chunk", false},
    {"open.aws", {0x01, 0x00, 0x00, 0x00, 0x80, 0x00, 'A', 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}, 13,
     "truncated chunk header at offset 13", false},
    {"flags.aws", {0x01, 0x00, 0x00, 0x00, 0xA4, 0x00, 'A'}, 7, "unknown flags A4 00", false},
    {"mark.aws", {0x01, 0x00, 0x00, 0x00, 0x40, 0x00, 'A'}, 7, "tapemark header at offset 0 has a length of 1", false},
    {"bzip2.het", {0x01, 0x00, 0x00, 0x00, 0xA2, 0x00, 'A'}, 7, "bzip2-compressed", true},
    {"zlib.het", {0x02, 0x00, 0x00, 0x00, 0xA1, 0x00, 0xFF, 0xFF}, 8, "cannot be expanded", true},
    {"unknown.het", {0x01, 0x00, 0x00, 0x00, 0xA3, 0x00, 'A'}, 7, "unknown compression method", true},
    {"mixed.het", {0x01, 0x00, 0x00, 0x00, 0x81, 0x00, 'A', 0x01, 0x00, 0x01, 0x00, 0x20, 0x00, 'B'}, 14,
     "mixes compression methods", false},
    {"trail.tap", {0x01, 0x00, 0x00, 0x00, 'A', 0x00, 0x02, 0x00, 0x00, 0x00}, 10, "ends with length 00000002", false},
    {"past.tap", {0x10, 0x00, 0x00, 0x00, 'A'}, 5, "runs past the end of the file", false},
    {"zero.tap", {0x00, 0x00, 0x00, 0x80}, 4, "SimH record of length 0", false},
    {"class.tap", {0x01, 0x00, 0x00, 0x10, 'A', 0x00, 0x01, 0x00, 0x00, 0x10}, 10, "unsupported SimH record class",
     false},
    {"half.tap", {0xFF, 0xFF, 0xFE, 0xFF}, 4, "unsupported SimH marker FFFEFFFF", false},
    {"short.tap", {0x01, 0x00}, 2, "truncated length word at offset 0", false},
};

START_TEST(test_damaged_forward)
{
    const struct damaged *d = &damaged_images[_i];
    put_bytes(d->name, d->bytes, d->length);
    struct tape_image *t = open_tape(d->name, true);
    ck_assert_int_eq(read_result(t), TAPE_FAILED);
    ck_assert_msg(strstr(tape_error(t), d->message) != NULL, "'%s' lacks '%s'", tape_error(t), d->message);
    ck_assert_ptr_nonnull(strstr(tape_error(t), d->name));
    ck_assert_uint_eq(tape_block_number(t), 0);
    if (d->spaces) {
        ck_assert_int_eq(tape_space_block(t), TAPE_OK);
        ck_assert(tape_at_end(t));
    } else {
        ck_assert_int_eq(tape_space_block(t), TAPE_FAILED);
        uint32_t moved;
        ck_assert_int_eq(tape_space_file(t, &moved), TAPE_FAILED);
        ck_assert_uint_eq(moved, 0);
        ck_assert(!tape_at_end(t));
    }
    tape_close(t);
}
END_TEST

/* Backspacing follows the previous-length chain and checks it: "A" then "BC" whose header claims a
   previous chunk of 5 bytes; an 8-byte block whose last 6 bytes look like a header of length 5,
   followed by a tapemark claiming a previous chunk of 0 bytes, which points at them. */
START_TEST(test_damaged_backward)
{
    static const uint8_t chain[] = {
        0x01, 0x00, 0x00, 0x00, 0xA0, 0x00, 'A', 0x02, 0x00, 0x05, 0x00, 0xA0, 0x00, 'B', 'C',
    };
    put_bytes("chain.aws", chain, sizeof chain);
    struct tape_image *t = open_tape("chain.aws", true);
    expect_read(t, "A");
    expect_read(t, "BC");
    expect_read_backward(t, "BC");
    ck_assert_int_eq(tape_backspace_block(t), TAPE_FAILED);
    ck_assert_ptr_nonnull(strstr(tape_error(t), "no chunk header fits before offset 7"));
    ck_assert_uint_eq(tape_block_number(t), 1);
    uint32_t moved;
    ck_assert_int_eq(tape_backspace_file(t, &moved), TAPE_FAILED);
    ck_assert_uint_eq(moved, 0);
    tape_close(t);

    static const uint8_t length[] = {
        0x08, 0x00, 0x00, 0x00, 0xA0, 0x00, 0xEE, 0xEE, 0x05, 0x00, 0x00, 0x00, 0xA0, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x40, 0x00,
    };
    put_bytes("length.aws", length, sizeof length);
    t = open_tape("length.aws", true);
    uint32_t spaced;
    ck_assert_int_eq(tape_space_file(t, &spaced), TAPE_TAPEMARK);
    ck_assert_int_eq(tape_backspace_block(t), TAPE_TAPEMARK);
    const uint8_t *data;
    uint32_t n;
    ck_assert_int_eq(tape_read_block_backward(t, &data, &n), TAPE_FAILED);
    ck_assert_ptr_nonnull(strstr(tape_error(t), "the chunk at offset 8 has length 5 but the header after it says 0"));
    ck_assert_uint_eq(tape_block_number(t), 1);
    tape_close(t);
}
END_TEST

/* Damaged copies of a good tape (bytes changed at random, a fixed seed) under random operations: each
   ends in a result, never a crash or a hang; a failure always says why and keeps the position. */
START_TEST(test_random_damage)
{
    uint32_t seed = 12345u + (uint32_t)_i;
    sample_tape(format_files[_i], all_formats[_i]);
    struct tape_image *t;
    size_t n;
    uint8_t *good = get_bytes(format_files[_i], &n);
    ck_assert_uint_le(n, 64);
    for (int round = 0; round < 200; round++) {
        uint8_t copy[64];
        memcpy(copy, good, n);
        for (int k = 0; k < 3; k++) {
            seed = seed * 1103515245u + 12345u;
            copy[(seed >> 8) % n] = (uint8_t)(seed >> 16);
        }
        put_bytes(format_files[_i], copy, n);
        t = open_tape(format_files[_i], false);
        for (int op = 0; op < 40; op++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t before = tape_block_number(t), moved;
            const uint8_t *data;
            uint32_t length;
            enum tape_result result;
            unsigned which = (seed >> 16) % 6;
            if (which == 0)
                result = tape_read_block(t, &data, &length);
            else if (which == 1)
                result = tape_read_block_backward(t, &data, &length);
            else if (which == 2)
                result = tape_space_block(t);
            else if (which == 3)
                result = tape_backspace_block(t);
            else if (which == 4)
                result = tape_space_file(t, &moved);
            else
                result = tape_backspace_file(t, &moved);
            if (result == TAPE_FAILED) {
                ck_assert_ptr_nonnull(strstr(tape_error(t), format_files[_i]));
                if (which < 4) /* a file spacing keeps the records it passed before the failure */
                    ck_assert_uint_eq(tape_block_number(t), before);
            }
            ck_assert_uint_le(tape_block_number(t), 6);
        }
        tape_close(t);
    }
    free(good);
}
END_TEST

Suite *suite_tape_image(void)
{
    Suite *s = suite_create("tape_image");
    TCase *tc = tcase_create("tape_image");
    tcase_add_checked_fixture(tc, scratch_setup, scratch_teardown);
    tcase_add_test(tc, test_aws_bytes);
    tcase_add_test(tc, test_aws_read_forward_and_backward);
    tcase_add_test(tc, test_aws_chunks);
    tcase_add_test(tc, test_aws_block_over_64k);
    tcase_add_test(tc, test_write_truncates);
    tcase_add_test(tc, test_erase_to_end);
    tcase_add_test(tc, test_het_peer_read);
    tcase_add_test(tc, test_het_peer_write);
    tcase_add_test(tc, test_het_compression_flags);
    tcase_add_test(tc, test_tap_bytes);
    tcase_add_test(tc, test_tap_markers);
    tcase_add_loop_test(tc, test_positioning, 0, 3);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_detect_format);
    tcase_add_test(tc, test_open_errors);
    tcase_add_test(tc, test_read_only);
    tcase_add_test(tc, test_formats_and_options);
    tcase_add_loop_test(tc, test_damaged_forward, 0, (int)(sizeof damaged_images / sizeof damaged_images[0]));
    tcase_add_test(tc, test_damaged_backward);
    tcase_add_loop_test(tc, test_random_damage, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}
