/*
 * main.c - dirc370, the directory compiler: `dirc370 [-o OUT] FILE` compiles a VM/370 USER DIRECT
 * file into CP's directory, one 4096-byte record a user in the file's order (see dirc370.h), which
 * the image recipe (cms-images/) writes to SYSRES.  Errors and warnings as file:line: messages on
 * stderr; with any error nothing is written and the exit status is 1 (2 for a usage error).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tools/dirc370/dirc370.h"

static const char usage[] =
    "usage: dirc370 [-o OUT] FILE\n"
    "  compile the USER DIRECT file FILE into CP directory records (4096 bytes a user) in OUT\n"
    "  (default: FILE with its extension replaced by .dir)\n";

static char *read_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *text = xmalloc(cap);
    while ((got = fread(text + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap)
            text = xrealloc(text, cap *= 2);
    bool ok = !ferror(f);
    fclose(f);
    if (!ok) {
        free(text);
        return NULL;
    }
    *length = n;
    return text;
}

static char *default_output(const char *input)
{
    const char *slash = strrchr(input, '/'), *dot = strrchr(input, '.');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - input) : strlen(input);
    char *out = xmalloc(stem + 5);
    memcpy(out, input, stem);
    strcpy(out + stem, ".dir");
    return out;
}

/* Write every record to path through a temporary file, so a failure leaves no half directory. */
static bool write_records(const struct directory *dir, const char *path)
{
    size_t n = strlen(path);
    char *temp = xmalloc(n + 5);
    memcpy(temp, path, n);
    strcpy(temp + n, ".tmp");
    FILE *f = fopen(temp, "wb");
    bool ok = f != NULL;
    uint8_t record[DIR_RECORD_SIZE];
    for (size_t i = 0; ok && i < dir->nusers; i++)
        ok = dir_encode_user(&dir->users[i], record) && fwrite(record, 1, sizeof record, f) == sizeof record;
    if (f && fclose(f) != 0)
        ok = false;
    if (ok && rename(temp, path) != 0)
        ok = false;
    if (!ok) {
        fprintf(stderr, "dirc370: cannot write %s: %s\n", path, strerror(errno));
        remove(temp);
    }
    free(temp);
    return ok;
}

int main(int argc, char **argv)
{
    const char *input = NULL, *output = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            output = argv[++i];
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return fputs(usage, stdout), 0;
        else if (argv[i][0] == '-' || input)
            return fprintf(stderr, "dirc370: unexpected '%s'\n%s", argv[i], usage), 2;
        else
            input = argv[i];
    }
    if (!input)
        return fprintf(stderr, "dirc370: no input file\n%s", usage), 2;
    size_t length;
    char *text = read_file(input, &length);
    if (!text)
        return fprintf(stderr, "dirc370: cannot read %s: %s\n", input, strerror(errno)), 1;
    struct directory dir = {0};
    struct dir_diag diag = {.path = input, .out = stderr};
    dir_parse(text, length, &dir, &diag);
    if (diag.errors == 0)
        dir_check(&dir, &diag);
    char *made = output ? NULL : default_output(input);
    int status = 1;
    if (diag.errors)
        fprintf(stderr, "dirc370: %u errors, %u warnings: nothing written\n", diag.errors, diag.warnings);
    else if (write_records(&dir, output ? output : made)) {
        printf("dirc370: %zu users, %zu records of %d bytes in %s\n", dir.nusers, dir.nusers, DIR_RECORD_SIZE,
               output ? output : made);
        status = 0;
    }
    free(made);
    free(text);
    dir_free(&dir);
    return status;
}
