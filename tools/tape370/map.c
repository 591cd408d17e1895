/*
 * map.c - tape370 map: every record of a tape with its number (counting tapemarks, as the drive's
 * block position does), its length and, for the IBM standard labels (80-byte VOL1, HDRn, EOFn, EOVn
 * and user labels, in EBCDIC or in ASCII), the label's fields; a summary per file at each tapemark.
 * Field positions follow IBM's "Magnetic Tape Labels and File Structure" (columns counted from 1).
 */
#include <stdio.h>
#include <string.h>

#include "common/ebcdic.h"
#include "common/util.h"
#include "tools/tape370/tape370.h"

enum { LABEL_LENGTH = 80 };

struct label_field {
    const char *name;
    unsigned column, width;
};

static const struct label_field volume_fields[] = {{"volser", 5, 6}, {"security", 11, 1}, {"owner", 42, 10}};

static const struct label_field header1_fields[] = {
    {"dsn", 5, 17},     {"volser", 22, 6},  {"volseq", 28, 4},   {"fileseq", 32, 4},
    {"gen", 36, 4},     {"version", 40, 2}, {"created", 42, 6},  {"expires", 48, 6},
    {"security", 54, 1}, {"blocks", 55, 6}, {"system", 61, 13},
};

static const struct label_field header2_fields[] = {
    {"recfm", 5, 1},    {"blksize", 6, 5},    {"lrecl", 11, 5},   {"density", 16, 1},
    {"position", 17, 1}, {"job", 18, 17},     {"technique", 35, 2}, {"control", 37, 1},
    {"blockattr", 39, 1},
};

static const struct label_field user_fields[] = {{"text", 5, 76}};

#define FIELDS(a) a, sizeof a / sizeof a[0]

static const struct label_kind {
    const char *id; /* the first four characters; "UHL" etc. take any fourth */
    const struct label_field *fields;
    size_t nfields;
} label_kinds[] = {
    {"VOL1", FIELDS(volume_fields)},  {"HDR1", FIELDS(header1_fields)}, {"EOF1", FIELDS(header1_fields)},
    {"EOV1", FIELDS(header1_fields)}, {"HDR2", FIELDS(header2_fields)}, {"EOF2", FIELDS(header2_fields)},
    {"EOV2", FIELDS(header2_fields)}, {"UHL", FIELDS(user_fields)},     {"UTL", FIELDS(user_fields)},
    {"UVL", FIELDS(user_fields)},
};

static const struct label_kind *label_kind_of(const char *text)
{
    for (size_t i = 0; i < sizeof label_kinds / sizeof label_kinds[0]; i++)
        if (strncmp(text, label_kinds[i].id, strlen(label_kinds[i].id)) == 0)
            return &label_kinds[i];
    return NULL;
}

/* The block as label text (EBCDIC, else ASCII), printable, and its kind; NULL when no label. */
static const struct label_kind *as_label(const uint8_t *data, uint32_t length, char text[LABEL_LENGTH + 1])
{
    if (length != LABEL_LENGTH)
        return NULL;
    ebcdic_to_ascii(text, data, LABEL_LENGTH);
    text[LABEL_LENGTH] = '\0';
    const struct label_kind *kind = label_kind_of(text);
    if (!kind) {
        memcpy(text, data, LABEL_LENGTH);
        kind = label_kind_of(text);
    }
    for (int i = 0; kind && i < LABEL_LENGTH; i++)
        if ((unsigned char)text[i] < 0x20 || (unsigned char)text[i] > 0x7E)
            text[i] = '.';
    return kind;
}

static void print_label(const struct label_kind *kind, const char *text)
{
    printf("%.4s", text);
    for (size_t i = 0; i < kind->nfields; i++) {
        const struct label_field *f = &kind->fields[i];
        int width = (int)f->width;
        while (width > 0 && text[f->column - 1 + (unsigned)width - 1] == ' ')
            width--;
        printf(" %s='%.*s'", f->name, width, text + f->column - 1);
    }
}

static const char *plural(uint32_t n)
{
    return n == 1 ? "" : "s";
}

/* What one file of the tape held, for the line at its tapemark. */
struct file_summary {
    uint32_t blocks, shortest, longest;
};

static void print_block(const struct tape_image *t, const uint8_t *data, uint32_t length, struct file_summary *file)
{
    char text[LABEL_LENGTH + 1];
    printf("%8u  %8u  ", tape_block_number(t), length);
    const struct label_kind *kind = as_label(data, length, text);
    if (kind)
        print_label(kind, text);
    else
        printf("data");
    if (tape_compression(t))
        printf(" (stored %u bytes, %s)", tape_stored_length(t), tape_compression(t));
    if (tape_block_bad(t))
        printf(" (recorded with an error)");
    printf("\n");
    if (file->blocks == 0 || length < file->shortest)
        file->shortest = length;
    if (file->blocks == 0 || length > file->longest)
        file->longest = length;
    file->blocks++;
}

static void print_tapemark(const struct tape_image *t, uint32_t number, const struct file_summary *file)
{
    printf("%8u  tapemark  end of file %u: ", tape_block_number(t), number);
    if (file->blocks == 0)
        printf("no blocks\n");
    else
        printf("%u block%s of %u to %u bytes\n", file->blocks, plural(file->blocks), file->shortest,
               file->longest);
}

int tape370_map(const char *path)
{
    char err[600];
    struct tape_image *t = tape_open(path, true, err, sizeof err);
    if (!t) {
        fprintf(stderr, "tape370: %s\n", err);
        return 1;
    }
    char format[4];
    snprintf(format, sizeof format, "%s", tape_format_name(tape_image_format(t)));
    upcase(format);
    printf("%s: %s tape\n  record    length  contents\n", path, format);
    struct file_summary file = {0};
    uint32_t files = 0, blocks = 0;
    uint64_t bytes = 0;
    enum tape_result result;
    const uint8_t *data;
    uint32_t length;
    while ((result = tape_read_block(t, &data, &length)) == TAPE_OK || result == TAPE_TAPEMARK) {
        if (result == TAPE_TAPEMARK) {
            print_tapemark(t, ++files, &file);
            file = (struct file_summary){0};
            continue;
        }
        print_block(t, data, length, &file);
        blocks++;
        bytes += length;
    }
    if (result == TAPE_FAILED) {
        fprintf(stderr, "tape370: %s\n", tape_error(t));
        tape_close(t);
        return 1;
    }
    printf("end of data after %u record%s: %u tapemark%s, %u block%s, %llu bytes\n", tape_block_number(t),
           plural(tape_block_number(t)), files, plural(files), blocks, plural(blocks), (unsigned long long)bytes);
    tape_close(t);
    return 0;
}
