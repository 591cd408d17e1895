/*
 * fba_image.c - FBA volumes as plain files of 512-byte blocks (see fba_image.h).
 */
#define _GNU_SOURCE
#include "devices/images/fba_image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/ebcdic.h"
#include "devices/images/ckd_image.h"
#include "common/util.h"

/* dasdinit's limits: at least 64 blocks, and what 31-bit block numbers address. */
enum { FBA_MIN_BLOCKS = 64 };
#define FBA_MAX_BLOCKS (0x80000000u / FBA_BLOCK_SIZE)

struct fba_image {
    char *path;
    int fd;
    bool read_only, written;
    uint32_t blocks;
    char error[512];
};

__attribute__((format(printf, 2, 3))) static bool fba_fail(struct fba_image *img, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(img->error, sizeof img->error, fmt, ap);
    va_end(ap);
    return false;
}

static void fba_free(struct fba_image *img)
{
    if (img->fd >= 0)
        close(img->fd);
    free(img->path);
    free(img);
}

/* Compressed FBA files start with a CKD-style header whose id begins "FBA_". */
static bool fba_check_plain(struct fba_image *img, uint64_t size)
{
    char id[8];
    if (size >= sizeof id && pread(img->fd, id, sizeof id, 0) == (ssize_t)sizeof id && memcmp(id, "FBA_", 4) == 0)
        return fba_fail(img, "%s: compressed FBA images (%.8s) are not supported; cfba2fba converts them", img->path, id);
    if (size / FBA_BLOCK_SIZE == 0)
        return fba_fail(img, "%s: the file holds no complete 512-byte block", img->path);
    if (size / FBA_BLOCK_SIZE > FBA_MAX_BLOCKS)
        return fba_fail(img, "%s: more than %u blocks", img->path, FBA_MAX_BLOCKS);
    img->blocks = (uint32_t)(size / FBA_BLOCK_SIZE);
    return true;
}

struct fba_image *fba_open(const char *path, bool read_only, char *err, size_t errlen)
{
    struct fba_image *img = xcalloc(1, sizeof *img);
    img->path = xstrdup(path);
    img->read_only = read_only;
    img->fd = open(path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    struct stat st;
    bool ok = img->fd >= 0 || fba_fail(img, "%s: %s", path, strerror(errno));
    if (ok && !read_only && flock(img->fd, LOCK_EX | LOCK_NB) != 0)
        ok = fba_fail(img, "%s: in use by another program", path);
    if (ok && fstat(img->fd, &st) != 0)
        ok = fba_fail(img, "%s: %s", path, strerror(errno));
    if (ok)
        ok = fba_check_plain(img, (uint64_t)st.st_size);
    if (!ok) {
        snprintf(err, errlen, "%s", img->error);
        fba_free(img);
        return NULL;
    }
    return img;
}

uint32_t fba_blocks(const struct fba_image *img)
{
    return img->blocks;
}

bool fba_read_only(const struct fba_image *img)
{
    return img->read_only;
}

const char *fba_error(const struct fba_image *img)
{
    return img->error;
}

static bool fba_in_range(struct fba_image *img, uint32_t block, uint32_t count)
{
    if ((uint64_t)block + count > img->blocks)
        return fba_fail(img, "blocks %u-%llu are beyond the volume's %u blocks", block,
                        (unsigned long long)block + count - 1, img->blocks);
    return true;
}

/* pread or pwrite of whole blocks, resumed after a short transfer. */
static bool fba_transfer(struct fba_image *img, uint32_t block, uint32_t count, uint8_t *buf, bool write)
{
    if (!fba_in_range(img, block, count))
        return false;
    size_t n = (size_t)count * FBA_BLOCK_SIZE;
    off_t at = (off_t)block * FBA_BLOCK_SIZE;
    for (size_t done = 0; done < n;) {
        ssize_t moved = write ? pwrite(img->fd, buf + done, n - done, at + (off_t)done)
                              : pread(img->fd, buf + done, n - done, at + (off_t)done);
        if (moved < 0 && errno == EINTR)
            continue;
        if (moved <= 0)
            return fba_fail(img, "%s: block %u: %s error: %s", img->path, block, write ? "write" : "read",
                            moved < 0 ? strerror(errno) : "file too short");
        done += (size_t)moved;
    }
    return true;
}

bool fba_read_blocks(struct fba_image *img, uint32_t block, uint32_t count, uint8_t *buf)
{
    return fba_transfer(img, block, count, buf, false);
}

bool fba_write_blocks(struct fba_image *img, uint32_t block, uint32_t count, const uint8_t *buf)
{
    if (img->read_only)
        return fba_fail(img, "the image is read-only");
    if (!fba_transfer(img, block, count, (uint8_t *)buf, true))
        return false;
    img->written = true;
    return true;
}

bool fba_flush(struct fba_image *img)
{
    if (img->written && fsync(img->fd) != 0)
        return fba_fail(img, "%s: fsync: %s", img->path, strerror(errno));
    img->written = false;
    return true;
}

bool fba_close(struct fba_image *img, char *err, size_t errlen)
{
    bool ok = fba_flush(img);
    if (!ok && err)
        snprintf(err, errlen, "%s", img->error);
    fba_free(img);
    return ok;
}

bool fba_create(const char *path, const struct fba_geometry *geometry, uint32_t blocks, const char *volser, char *err,
                size_t errlen)
{
    if (!blocks)
        blocks = geometry->blocks;
    if (blocks < FBA_MIN_BLOCKS || blocks > FBA_MAX_BLOCKS) {
        snprintf(err, errlen, "%s: %u blocks: %d to %u", path, blocks, FBA_MIN_BLOCKS, FBA_MAX_BLOCKS);
        return false;
    }
    uint8_t label[FBA_BLOCK_SIZE] = {0};
    if (volser) {
        if (!ckd_volser_valid(volser)) {
            snprintf(err, errlen, "volser '%s': 1 to 6 printable characters", volser);
            return false;
        }
        char text[11];
        snprintf(text, sizeof text, "VOL1%-6.6s", volser);
        upcase(text);
        ebcdic_from_ascii(label, text, 10);
    }
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    bool ok = fd >= 0 && ftruncate(fd, (off_t)blocks * FBA_BLOCK_SIZE) == 0 &&
              pwrite(fd, label, sizeof label, FBA_BLOCK_SIZE) == (ssize_t)sizeof label && fsync(fd) == 0;
    if (!ok)
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    return ok;
}
