/*
 * conv.c - tape370 conv: copy every record of a tape, blocks and tapemarks in order up to the end of
 * the recorded data, into a new image of the chosen format.  A copy that fails is removed.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tools/tape370/tape370.h"

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copy records until the end of the data; false with the failing image's message on stderr. */
static bool copy_records(struct tape_image *src, struct tape_image *dst, uint32_t *blocks, uint32_t *marks)
{
    for (;;) {
        const uint8_t *data;
        uint32_t length;
        enum tape_result result = tape_read_block(src, &data, &length);
        struct tape_image *failed = src;
        if (result == TAPE_END_OF_DATA)
            return true;
        if (result == TAPE_OK) {
            if (tape_block_bad(src))
                fprintf(stderr, "tape370: warning: block %u of %s was recorded with an error; copied as good\n",
                        tape_block_number(src), tape_path(src));
            failed = dst;
            result = tape_write_block(dst, data, length) == TAPE_OK ? TAPE_OK : TAPE_FAILED;
            (*blocks)++;
        } else if (result == TAPE_TAPEMARK) {
            failed = dst;
            result = tape_write_tapemark(dst) == TAPE_OK ? TAPE_TAPEMARK : TAPE_FAILED;
            (*marks)++;
        }
        if (result == TAPE_FAILED) {
            fprintf(stderr, "tape370: %s\n", tape_error(failed));
            return false;
        }
    }
}

int tape370_conv(const char *in, const char *out, enum tape_format format)
{
    char err[600];
    if (same_file(in, out)) {
        fprintf(stderr, "tape370: %s and %s are the same file\n", in, out);
        return 2;
    }
    struct tape_image *src = tape_open(in, true, err, sizeof err);
    if (!src) {
        fprintf(stderr, "tape370: %s\n", err);
        return 1;
    }
    struct tape_image *dst = tape_create(out, format, err, sizeof err);
    if (!dst) {
        fprintf(stderr, "tape370: %s\n", err);
        tape_close(src);
        return 1;
    }
    uint32_t blocks = 0, marks = 0;
    bool ok = copy_records(src, dst, &blocks, &marks);
    if (ok)
        printf("%s (%s) -> %s (%s): %u block%s, %u tapemark%s\n", in, tape_format_name(tape_image_format(src)), out,
               tape_format_name(format), blocks, blocks == 1 ? "" : "s", marks, marks == 1 ? "" : "s");
    tape_close(src);
    tape_close(dst);
    if (!ok)
        unlink(out);
    return ok ? 0 : 1;
}
