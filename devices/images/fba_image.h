/*
 * fba_image.h - FBA volumes in Hercules image files: the file is the volume's 512-byte blocks one
 * after the other from offset 0, with no header (fbadasd.c; dasdinit writes block 1 as a VOL1 label:
 * "VOL1" and the volser in EBCDIC, the rest zeros).  Compressed FBA (FBA_C370) is not supported.
 * Not thread-safe: one caller at a time.
 */
#ifndef S370_FBA_IMAGE_H
#define S370_FBA_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/images/dasd_geometry.h"

enum { FBA_BLOCK_SIZE = 512 };

struct fba_image;

/* Open an image (its size in whole blocks is the volume's size); NULL with a message in err. */
struct fba_image *fba_open(const char *path, bool read_only, char *err, size_t errlen);
uint32_t fba_blocks(const struct fba_image *image);
bool fba_read_only(const struct fba_image *image);
/* Read/write `count` blocks from block `block`; false with fba_error() set on failure. */
bool fba_read_blocks(struct fba_image *image, uint32_t block, uint32_t count, uint8_t *buf);
bool fba_write_blocks(struct fba_image *image, uint32_t block, uint32_t count, const uint8_t *buf);
/* Every block written so far is on stable storage when it returns true. */
bool fba_flush(struct fba_image *image);
/* Flush and free the image, even when the flush fails. */
bool fba_close(struct fba_image *image, char *err, size_t errlen);
const char *fba_error(const struct fba_image *image);

/* A new image of `blocks` blocks (0: the model's), block 1 a VOL1 label unless volser is NULL. */
bool fba_create(const char *path, const struct fba_geometry *geometry, uint32_t blocks, const char *volser, char *err,
                size_t errlen);

#endif
