/*
 * init.c - `dasd370 init` (a new volume, formatted as Hercules' dasdinit does) and `dasd370 conv`
 * (copy every track into a new CKD or CCKD image of the same geometry).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/images/ckd_image.h"
#include "devices/images/fba_image.h"
#include "tools/dasd370/dasd370.h"

struct init_flags {
    bool compressed, alternates, raw, large;
};

/* Like dasdinit, an uncompressed volume is split into files of at most 2 GB unless -lfs is given. */
static uint32_t cylinders_per_file(const struct ckd_geometry *g, uint32_t track_size, bool large)
{
    if (large)
        return 0;
    uint64_t cylinder = (uint64_t)track_size * g->heads;
    return (uint32_t)((0x7FFFFFFFull - CKD_DEVHDR_SIZE + 1) / cylinder);
}

/* Flags first, as dasdinit takes them; returns the index of the first operand, or -1. */
static int parse_init_flags(int argc, char **argv, struct init_flags *flags)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-z") == 0)
            flags->compressed = true;
        else if (strcmp(argv[i], "-a") == 0)
            flags->alternates = true;
        else if (strcmp(argv[i], "-r") == 0)
            flags->raw = true;
        else if (strcmp(argv[i], "-lfs") == 0)
            flags->large = true;
        else
            return -1;
    }
    return i;
}

static int init_ckd(const char *file, const struct ckd_geometry *g, const char *volser, const char *size,
                    const struct init_flags *flags)
{
    unsigned long cylinders = g->cylinders + (flags->alternates ? g->alt_cylinders : 0);
    if (size && !dasd_parse_count(size, 65536, &cylinders))
        return dasd_complain(EXIT_USAGE, "'%s' is not a cylinder count (1-65536)", size);
    struct ckd_create_options options = {
        .geometry = g,
        .cylinders = (uint32_t)cylinders,
        .volser = volser,
        .compressed = flags->compressed,
        .cylinders_per_file = cylinders_per_file(g, ckd_image_track_size(g), flags->large),
    };
    char err[512];
    if (!ckd_create(file, &options, err, sizeof err))
        return dasd_complain(1, "%s", err);
    printf("%s: %s volume %s, %lu cylinders of %u tracks, %u bytes per track%s\n", file, g->name,
           volser ? volser : "(raw)", cylinders, g->heads, ckd_image_track_size(g),
           flags->compressed ? ", compressed" : "");
    return 0;
}

static int init_fba(const char *file, const struct fba_geometry *g, const char *volser, const char *size,
                    const struct init_flags *flags)
{
    if (flags->compressed)
        return dasd_complain(EXIT_USAGE, "compressed FBA images are not supported");
    unsigned long blocks = g->blocks;
    if (size && !dasd_parse_count(size, 0x400000, &blocks))
        return dasd_complain(EXIT_USAGE, "'%s' is not a block count", size);
    char err[512];
    if (!fba_create(file, g, (uint32_t)blocks, volser, err, sizeof err))
        return dasd_complain(1, "%s", err);
    printf("%s: %s volume %s, %lu blocks of 512 bytes\n", file, g->name, volser ? volser : "(raw)", blocks);
    return 0;
}

int dasd_init(int argc, char **argv)
{
    struct init_flags flags = {0};
    int i = parse_init_flags(argc, argv, &flags);
    if (i < 0)
        return dasd_complain(EXIT_USAGE, "init: unknown option");
    int operands = argc - i, needed = flags.raw ? 2 : 3;
    if (operands < needed || operands > needed + 1)
        return dasd_complain(EXIT_USAGE, "init: FILE TYPE%s [SIZE] expected", flags.raw ? "" : " VOLSER");
    const char *file = argv[i], *type = argv[i + 1];
    const char *volser = flags.raw ? NULL : argv[i + 2];
    const char *size = operands > needed ? argv[i + needed] : NULL;
    if (volser && !ckd_volser_valid(volser))
        return dasd_complain(EXIT_USAGE, "init: volser '%s': 1 to 6 printable characters", volser);
    const struct ckd_geometry *ckd = ckd_geometry_find(type);
    if (ckd)
        return init_ckd(file, ckd, volser, size, &flags);
    const struct fba_geometry *fba = fba_geometry_find(type);
    if (fba)
        return init_fba(file, fba, volser, size, &flags);
    return dasd_complain(EXIT_USAGE, "init: unknown device type '%s'", type);
}

static bool copy_tracks(struct ckd_image *in, struct ckd_image *out, uint32_t tracks, char *err, size_t errlen)
{
    struct ckd_image_info info;
    ckd_info(in, &info);
    uint8_t *buf = malloc(info.track_size);
    bool ok = buf != NULL;
    for (uint32_t t = 0; ok && t < tracks; t++) {
        uint32_t length;
        if (!ckd_read_track(in, t, buf, &length)) {
            snprintf(err, errlen, "reading: %s", ckd_error(in));
            ok = false;
        } else if (!ckd_write_track(out, t, buf, length)) {
            snprintf(err, errlen, "writing: %s", ckd_error(out));
            ok = false;
        }
    }
    free(buf);
    return ok;
}

static int convert(const char *in_path, const char *shadow, const char *out_path, const struct init_flags *flags)
{
    char err[512];
    struct ckd_open_options in_options = {.read_only = true, .shadow = shadow};
    struct ckd_image *in = ckd_open(in_path, &in_options, err, sizeof err);
    if (!in)
        return dasd_complain(1, "%s", err);
    struct ckd_image_info info;
    ckd_info(in, &info);
    struct ckd_create_options options = {
        .geometry = info.geometry,
        .cylinders = info.cylinders,
        .compressed = flags->compressed,
        .cylinders_per_file = cylinders_per_file(info.geometry, info.track_size, flags->large),
        .tracks_follow = true,
    };
    struct ckd_image *out = NULL;
    bool ok = info.track_size == ckd_image_track_size(info.geometry);
    if (!ok)
        snprintf(err, sizeof err, "%s: track size %u differs from the %s's %u", in_path, info.track_size,
                 info.geometry->name, ckd_image_track_size(info.geometry));
    ok = ok && ckd_create(out_path, &options, err, sizeof err);
    ok = ok && (out = ckd_open(out_path, NULL, err, sizeof err)) != NULL;
    ok = ok && copy_tracks(in, out, info.tracks, err, sizeof err);
    if (out && !ckd_close(out, ok ? err : NULL, sizeof err))
        ok = false;
    ckd_close(in, NULL, 0);
    if (!ok)
        return dasd_complain(1, "conv: %s", err);
    printf("%s: %u tracks copied to %s (%s)\n", in_path, info.tracks, out_path,
           flags->compressed ? "compressed" : "uncompressed");
    return 0;
}

int dasd_conv(int argc, char **argv)
{
    struct init_flags flags = {0};
    const char *files[2], *shadow = NULL;
    int count = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-z") == 0)
            flags.compressed = true;
        else if (strcmp(argv[i], "-lfs") == 0)
            flags.large = true;
        else if (strncmp(argv[i], "sf=", 3) == 0)
            shadow = argv[i] + 3;
        else if (argv[i][0] == '-' || count == 2)
            return dasd_complain(EXIT_USAGE, "conv: unexpected '%s'", argv[i]);
        else
            files[count++] = argv[i];
    }
    if (count != 2)
        return dasd_complain(EXIT_USAGE, "conv: IN and OUT expected");
    return convert(files[0], shadow, files[1], &flags);
}
