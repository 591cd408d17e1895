/*
 * main.c - the tape370 command line:
 *   tape370 map FILE                         list the records, standard labels decoded
 *   tape370 conv [-f aws|het|tap] IN OUT     copy a tape into another format
 * The output format of conv comes from -f, else from OUT's extension.  Exit status: 0 done, 1 a tape
 * that cannot be read or written, 2 a usage error.
 */
#include <stdio.h>
#include <string.h>

#include "tools/tape370/tape370.h"

static const char usage_text[] =
    "usage: tape370 map FILE\n"
    "       tape370 conv [-f aws|het|tap] IN OUT\n"
    "  map   list the blocks and tapemarks of an AWS, HET or SimH .tap tape, with block numbers,\n"
    "        lengths and the standard labels (VOL1, HDR1/2, EOF1/2, EOV1/2) decoded\n"
    "  conv  copy tape IN to OUT in the format -f names, else the one OUT's extension names\n"
    "        (.aws, .het: zlib-compressed, .tap: SimH)\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "tape370: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    return 2;
}

static int map_command(int argc, char **argv)
{
    if (argc != 1)
        return usage_error("%s", argc ? "map takes one FILE" : "map needs a FILE");
    return tape370_map(argv[0]);
}

static int conv_command(int argc, char **argv)
{
    const char *files[2];
    int nfiles = 0;
    const char *format_name = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-f") == 0) {
            if (i + 1 >= argc)
                return usage_error("%s", "-f needs a format: aws, het or tap");
            format_name = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return usage_error("unknown option %s", argv[i]);
        } else if (nfiles < 2) {
            files[nfiles++] = argv[i];
        } else {
            return usage_error("%s", "conv takes two files, IN and OUT");
        }
    }
    if (nfiles != 2)
        return usage_error("%s", "conv needs two files, IN and OUT");
    enum tape_format format;
    if (format_name && !tape_format_parse(format_name, &format))
        return usage_error("unknown format '%s' (aws, het or tap)", format_name);
    if (!format_name && !tape_format_from_name(files[1], &format))
        return usage_error("cannot tell the format from the name %s: use -f aws|het|tap", files[1]);
    return tape370_conv(files[0], files[1], format);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "a command is needed: map or conv");
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "map") == 0)
        return map_command(argc - 2, argv + 2);
    if (strcmp(argv[1], "conv") == 0)
        return conv_command(argc - 2, argv + 2);
    return usage_error("unknown command '%s' (map or conv)", argv[1]);
}
