/*
 * ckd_image.h - CKD volumes in Hercules image files, uncompressed (CKD_P370, one or several files) or
 * compressed (CCKD: CKD_C370 with optional CKD_S370 shadow files), behind one interface: open, read a
 * track image, write one, flush, close; create a new volume.  Also the track image layout and the CCKD
 * on-disk structures, for the tools that inspect images (FORMATS.md section 3).  It knows nothing of
 * channel programs: the DASD device handler builds on it.  Not thread-safe: one caller at a time.
 *
 * A track image is always given and returned in the uncompressed layout: home address (5 bytes),
 * records (count, key, data), eight X'FF'; its length is where the X'FF's end.
 */
#ifndef S370_CKD_IMAGE_H
#define S370_CKD_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/images/dasd_geometry.h"

struct ckd_image;

struct ckd_open_options {
    bool read_only;
    /*
     * sf= shadow file name pattern (CCKD only), e.g. "shadow_*.cckd": the character before the last
     * '.' (the last character without one) becomes 1..8.  Reads walk from the highest shadow down to
     * the base; writes go to the highest shadow, opened read/write, every lower file read-only.
     * Without a shadow file yet, shadow 1 is created (unless read_only).
     */
    const char *shadow;
};

/* Open an image (the type is told by its 8-byte id); NULL with a message in err on failure. */
struct ckd_image *ckd_open(const char *path, const struct ckd_open_options *options, char *err, size_t errlen);

struct ckd_image_info {
    const struct ckd_geometry *geometry; /* the model (by device type and size) */
    uint32_t cylinders, heads, tracks;
    uint32_t track_size;                 /* bytes a track buffer needs (the image file's track size) */
    bool compressed, read_only;
    unsigned files;                      /* files of an uncompressed multi-file volume, else 1 */
    unsigned shadows;                    /* shadow files in use */
};
void ckd_info(const struct ckd_image *image, struct ckd_image_info *info);

/*
 * Read track `track` (cylinder * heads + head) into buf (room for track_size bytes); *length gets the
 * image length.  Write: buf holds a well-formed image for that track, at most track_size bytes.
 * Flush: every track written so far is on stable storage when it returns true.  Close flushes,
 * marks a compressed image cleanly closed, and frees the image even when it fails.  On failure each
 * returns false and ckd_error() says why.
 */
bool ckd_read_track(struct ckd_image *image, uint32_t track, uint8_t *buf, uint32_t *length);
bool ckd_write_track(struct ckd_image *image, uint32_t track, const uint8_t *buf, uint32_t length);
bool ckd_flush(struct ckd_image *image);
bool ckd_close(struct ckd_image *image, char *err, size_t errlen);
const char *ckd_error(const struct ckd_image *image);

struct ckd_create_options {
    const struct ckd_geometry *geometry;
    uint32_t cylinders;          /* 0: the model's primary cylinders */
    const char *volser;          /* VOL1 label volser (1-6 characters); NULL: no IPL and VOL1 records */
    bool compressed;             /* CCKD with zlib */
    uint32_t cylinders_per_file; /* uncompressed: split into files of this many cylinders; 0: one file */
    bool tracks_follow;          /* the caller writes every track itself (conversion): leave them unformatted */
};
/*
 * Create a volume formatted as dasdinit does: track 0 holds R0, IPL1, IPL2 and the VOL1 label, every
 * other track R0 alone (Hercules null track format 1).  Refuses to replace an existing file.
 */
bool ckd_create(const char *path, const struct ckd_create_options *options, char *err, size_t errlen);
/* The name of file `index` (0 = the first) of a multi-file volume, or of shadow file `index` (1-8). */
char *ckd_multifile_name(const char *first, unsigned index);
char *ckd_shadow_name(const char *pattern, unsigned index);

/* ---- Track images ---- */

/* Length of the well-formed image in buf (records up to the end marker within max bytes), else 0. */
uint32_t ckd_track_length(const uint8_t *buf, uint32_t max);
/* Build null track format 0 (R0 + EOF R1), 1 (R0 only) or 2 (R0 + 12 zero 4K records); its length. */
uint32_t ckd_null_track(uint8_t *buf, uint32_t cylinder, uint32_t head, int format);
/* Whether buf is a well-formed image of that track: length, home address bin 0 and CCHH. */
bool ckd_track_valid(const uint8_t *buf, uint32_t length, uint32_t cylinder, uint32_t head);

/* One record of a track image, pointing into it. */
struct ckd_record {
    uint16_t cylinder, head;
    uint8_t record, key_length;
    uint16_t data_length;
    const uint8_t *count, *key, *data;
};
/* Step through the records of a well-formed image, R0 first: *position starts at 0; false at the end. */
bool ckd_next_record(const uint8_t *track, uint32_t length, uint32_t *position, struct ckd_record *record);

/* A volser for a VOL1 label: 1 to 6 printable characters, no blanks. */
bool ckd_volser_valid(const char *volser);

/* ---- On-disk structures ---- */

enum { CKD_DEVHDR_SIZE = 512, CCKD_HEADER_SIZE = 512, CCKD_L1_OFFSET = 1024, CCKD_L2_ENTRIES = 256 };

/* CCKD header option bits and compression codes (FORMATS.md 3.2). */
enum {
    CCKD_OPT_NOFUDGE = 0x01,   /* set by Hercules' writers since 3.x (deprecated) */
    CCKD_OPT_BIGENDIAN = 0x02,
    CCKD_OPT_SPACE_ERRORS = 0x20,
    CCKD_OPT_OPENED_RW = 0x40, /* opened read/write since the last check */
    CCKD_OPT_OPEN = 0x80,      /* open now, or not closed cleanly */
};
enum { CCKD_COMPRESS_NONE = 0, CCKD_COMPRESS_ZLIB = 1, CCKD_COMPRESS_BZIP2 = 2, CCKD_COMPRESS_MASK = 3 };

/* What the 8-byte id says. */
enum ckd_file_kind {
    CKD_KIND_UNKNOWN,
    CKD_KIND_PLAIN,      /* CKD_P370 / CKD_P064 */
    CKD_KIND_COMPRESSED, /* CKD_C370 / CKD_C064 */
    CKD_KIND_SHADOW,     /* CKD_S370 / CKD_S064 */
};
struct ckd_devhdr {
    enum ckd_file_kind kind;
    bool wide;           /* a 064 variant (64-bit offsets) */
    uint32_t heads, track_size;
    uint8_t type_byte, file_sequence;
    uint16_t high_cylinder;
};
bool ckd_devhdr_decode(const uint8_t raw[CKD_DEVHDR_SIZE], struct ckd_devhdr *h);
void ckd_devhdr_encode(const struct ckd_devhdr *h, uint8_t raw[CKD_DEVHDR_SIZE]);

struct cckd_header {
    uint8_t version[3], options;
    uint32_t l1_entries, l2_entries, cylinders;
    uint64_t size, used, free_offset, free_total, free_largest, free_count, free_imbedded;
    uint8_t null_format, compression;
    int16_t compression_parameter;
};
/* Decode/encode the CCKD header (byte order by its big-endian option; wide = CCKD64 layout).
   Encode leaves the reserved bytes of raw as they are. */
void cckd_header_decode(const uint8_t raw[CCKD_HEADER_SIZE], bool wide, struct cckd_header *h);
void cckd_header_encode(const struct cckd_header *h, bool wide, uint8_t raw[CCKD_HEADER_SIZE]);

/* Offsets as read, with the 32-bit "not in this file" 0xFFFFFFFF widened to CCKD_NOT_HERE. */
#define CCKD_NOT_HERE UINT64_MAX
struct cckd_l2_entry {
    uint64_t offset; /* 0: null track of format `length`; CCKD_NOT_HERE: look in the next lower file */
    uint16_t length, size;
};
size_t cckd_l1_entry_size(bool wide);
size_t cckd_l2_entry_size(bool wide);
uint64_t cckd_l1_decode(const uint8_t *raw, bool wide, bool big_endian);
void cckd_l1_encode(uint64_t offset, bool wide, bool big_endian, uint8_t *raw);
void cckd_l2_decode(const uint8_t *raw, bool wide, bool big_endian, struct cckd_l2_entry *e);
void cckd_l2_encode(const struct cckd_l2_entry *e, bool wide, bool big_endian, uint8_t *raw);

/*
 * Rebuild the free space of one CCKD file (base or shadow) from its L1/L2 tables and close it cleanly:
 * the free space list, the statistics and the header bits are rewritten.  Fails on damaged tables.
 */
bool cckd_rebuild_free_space(const char *path, char *err, size_t errlen);

/*
 * Expand a stored track image (byte 0 = compression code, then CCHH, then the records raw or as one
 * zlib stream) into out (cap bytes); the result's length, or 0 with a message in err.
 */
uint32_t cckd_expand(const uint8_t *stored, uint32_t stored_length, uint8_t *out, uint32_t cap,
                     char *err, size_t errlen);

#endif
