/*
 * tape_image.h - an emulated tape volume kept in one host file, read and written one record at a
 * time the way a tape drive moves: AWS (6-byte chunk headers, FORMATS.md 3.3), HET (AWS chunks whose
 * blocks may be zlib-compressed, FORMATS.md 3.4) and SimH .tap (records framed by their 32-bit
 * little-endian length, open-simh docs/simdocs/simh_magtape.md).  It knows files and records only;
 * commands, status and sense belong to the drive (devices/tape/tape.c).
 *
 * A record is a data block or a tapemark.  The position is always between two records; load point is
 * the position with no record before it.  Writing a record or a tapemark ends the tape there: the
 * file is truncated after it, as on a real tape everything past the last write is unreadable.
 */
#ifndef S370_TAPE_IMAGE_H
#define S370_TAPE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tape_format { TAPE_AWS, TAPE_HET, TAPE_TAP };

enum tape_result {
    TAPE_OK,          /* a data block was read, written or passed */
    TAPE_TAPEMARK,    /* a tapemark was read or passed */
    TAPE_LOAD_POINT,  /* a backward operation found load point (no record left to pass) */
    TAPE_END_OF_DATA, /* a forward operation found no more recorded data (no record left to pass) */
    TAPE_FAILED,      /* a damaged image or a host I/O error (tape_error() says which): the failing
                         record is not passed (a file spacing keeps the records it passed before) */
};

/* The longest block in any format (HET's limit; a data-chained write can pass 65,535 bytes). */
#define TAPE_MAX_BLOCK (2u * 1024 * 1024)
/* AWS/HET chunks: at most 65,535 data bytes each (a 16-bit length); HET allows no fewer than 4,096. */
#define TAPE_MAX_CHUNK 65535u
#define TAPE_MIN_CHUNK 4096u
/* HET's default zlib level. */
#define TAPE_DEFAULT_LEVEL 4

struct tape_image;

/* The format a file name asks for (.aws, .het, .tap, any case); false for other names. */
bool tape_format_from_name(const char *path, enum tape_format *format);
/* "aws", "het", "tap" (any case). */
bool tape_format_parse(const char *name, enum tape_format *format);
const char *tape_format_name(enum tape_format format);

/*
 * Open an existing image at load point.  The format comes from the name's extension, else from the
 * first record (a compressed first block means HET).  read_only opens the file for reading only;
 * otherwise it must be writable.  On failure writes a message to err and returns NULL.
 */
struct tape_image *tape_open(const char *path, bool read_only, char *err, size_t errlen);
/* Create an empty image (no records), replacing any file of that name. */
struct tape_image *tape_create(const char *path, enum tape_format format, char *err, size_t errlen);
void tape_close(struct tape_image *t);

/* How later writes store blocks: zlib level 1-9 or 0 for none (HET only; HET starts at
   TAPE_DEFAULT_LEVEL), and the AWS/HET chunk size (TAPE_MIN_CHUNK..TAPE_MAX_CHUNK, default 65,535). */
bool tape_set_compression(struct tape_image *t, int level);
bool tape_set_chunk_size(struct tape_image *t, uint32_t size);

/*
 * Motion.  Reads return the block's bytes in written order in *data (valid until the next call) and
 * its length; read backward leaves the position before the block.  Spacing a file stops after (before,
 * backward) the first tapemark met, returning TAPE_TAPEMARK, or at the end of the data or load point;
 * *moved counts the records passed, the tapemark included.
 */
enum tape_result tape_read_block(struct tape_image *t, const uint8_t **data, uint32_t *length);
enum tape_result tape_read_block_backward(struct tape_image *t, const uint8_t **data, uint32_t *length);
enum tape_result tape_space_block(struct tape_image *t);
enum tape_result tape_backspace_block(struct tape_image *t);
enum tape_result tape_space_file(struct tape_image *t, uint32_t *moved);
enum tape_result tape_backspace_file(struct tape_image *t, uint32_t *moved);
enum tape_result tape_write_block(struct tape_image *t, const uint8_t *data, uint32_t length);
enum tape_result tape_write_tapemark(struct tape_image *t);
/* Erase from the position to the end of the tape (data security erase). */
enum tape_result tape_erase_to_end(struct tape_image *t);
void tape_rewind(struct tape_image *t);

/* Where the tape is: records between load point and the position, load point itself, and whether a
   forward operation would find no more data. */
uint32_t tape_block_number(const struct tape_image *t);
bool tape_at_load_point(const struct tape_image *t);
bool tape_at_end(struct tape_image *t);

/* The last block read: its size in the file (compressed, for HET), its compression ("zlib" or
   NULL), and whether the image marks it as recorded with an error (SimH's error flag). */
uint32_t tape_stored_length(const struct tape_image *t);
const char *tape_compression(const struct tape_image *t);
bool tape_block_bad(const struct tape_image *t);

enum tape_format tape_image_format(const struct tape_image *t);
bool tape_read_only(const struct tape_image *t);
const char *tape_path(const struct tape_image *t);
/* What the last TAPE_FAILED was about. */
const char *tape_error(const struct tape_image *t);

#endif
