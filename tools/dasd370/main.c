/*
 * main.c - dasd370, the DASD image tool: subcommand dispatch and usage.  The subcommands live in
 * init.c (init, conv), ls.c, check.c, ipl.c, records.c (put, format) and stress.c (the hidden
 * crash-test driver).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/dasd370/dasd370.h"

static const char usage[] =
    "usage: dasd370 init [-z] [-a] [-lfs] FILE TYPE VOLSER [CYLS|BLOCKS]\n"
    "       dasd370 init -r [-z] [-lfs] FILE TYPE [CYLS|BLOCKS]\n"
    "       dasd370 ls FILE [sf=SHADOW]\n"
    "       dasd370 conv [-z] [-lfs] IN [sf=SHADOW] OUT\n"
    "       dasd370 check [-r] FILE\n"
    "       dasd370 ipl VOLUME DECK [CYL]\n"
    "       dasd370 put VOLUME CYL HEAD FILE\n"
    "       dasd370 format VOLUME CYL NCYL\n"
    "  init   create a volume as dasdinit does (-z compressed CCKD, -a with alternate cylinders,\n"
    "         -r raw: no IPL and VOL1 records, -lfs uncompressed in one file even past 2 GB)\n"
    "  ls     show the VOL1 label and the data sets of the VTOC\n"
    "  conv   copy every track into a new CKD image (CCKD with -z)\n"
    "  check  check a CCKD image's tables, track images and free space; -r repairs them\n"
    "  ipl    write the IPL text deck asm370 -f ipltext makes onto a CKD or FBA volume (CKD: onto the\n"
    "         first track of cylinder CYL, a minidisk's cylinder 0)\n"
    "  put    write FILE as 4096-byte records, as many a track as fit, from cylinder CYL head HEAD\n"
    "  format fill NCYL cylinders from CYL with tracks of empty 4096-byte records\n"
    "  TYPE   2311 2314 3330 3330-11 3340 3340-70 3350 3375 3380 3380-E 3380-K 3390[-2|-3|-9] (CKD),\n"
    "         3310 3370 (FBA)\n";

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"init", dasd_init}, {"conv", dasd_conv},     {"ls", dasd_ls},
    {"check", dasd_check}, {"ipl", dasd_ipl},     {"put", dasd_put},
    {"format", dasd_format}, {"stress", dasd_stress}, {"stress-check", dasd_stress_check},
};

int dasd_complain(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("dasd370: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (status == EXIT_USAGE)
        fputs(usage, stderr);
    return status;
}

bool dasd_parse_count(const char *text, unsigned long max, unsigned long *value)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (!*text || *end || errno || text[0] == '-' || v > max)
        return false;
    *value = v;
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return dasd_complain(EXIT_USAGE, "no subcommand");
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return dasd_complain(EXIT_USAGE, "unknown subcommand '%s'", argv[1]);
}
