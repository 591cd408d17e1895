/*
 * main.c - the asm370 command line:
 *   asm370 [-I DIR]... [-D SYM=VAL]... [-o OUT] [-l LISTING] [-f obj|bin|deck|ipltext] [--origin HEX] SOURCE
 * Messages go to stderr as file:line:column: severity: text.  Exit status: 0 success (warnings
 * allowed), 1 assembly errors or an unreadable source (no output written), 2 usage errors or an
 * output file that cannot be written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm.h"
#include "common/util.h"

static const char usage_text[] =
    "usage: asm370 [-I DIR]... [-D SYM=VAL]... [-o OUT] [-l LISTING] [-f obj|bin|deck|ipltext]\n"
    "              [--origin HEX] SOURCE\n"
    "  -I DIR        search DIR for COPY members and NAME.mac macros (repeatable)\n"
    "  -D SYM=VAL    define SYM as an absolute symbol and a global variable &SYM (repeatable)\n"
    "  -o OUT        output file (default: SOURCE with .obj, .bin, .deck or .ipl)\n"
    "  -l LISTING    listing file (default: SOURCE with .lst; '-' for stdout, 'none' for no listing)\n"
    "  -f FORMAT     obj: 80-column object deck (default); bin: flat binary image;\n"
    "                deck: IPL card deck; ipltext: IPL text for a DASD volume\n"
    "  --origin HEX  load address for bin, deck and ipltext (default: the assembled address)\n";

enum format { FMT_OBJ, FMT_BIN, FMT_DECK, FMT_IPLTEXT };

static const struct {
    const char *name, *extension;
} formats[] = {{"obj", ".obj"}, {"bin", ".bin"}, {"deck", ".deck"}, {"ipltext", ".ipl"}};

struct command_line {
    const char *includes[64], *defines[64];
    size_t nincludes, ndefines;
    const char *output, *listing, *source;
    enum format format;
    bool has_origin;
    uint32_t origin;
};

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "asm370: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    exit(2);
}

static const char *option_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        usage_error("option %s needs a value", argv[*i]);
    return argv[++*i];
}

static void parse_format(struct command_line *cl, const char *name)
{
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (strcmp(formats[k].name, name) == 0) {
            cl->format = (enum format)k;
            return;
        }
    usage_error("unknown output format '%s'", name);
}

static void parse_origin(struct command_line *cl, const char *text)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 16);
    if (!*text || *end || errno || v > 0xFFFFFF)
        usage_error("--origin needs a hexadecimal address up to FFFFFF, not '%s'", text);
    cl->has_origin = true;
    cl->origin = (uint32_t)v;
}

static void parse_command_line(int argc, char **argv, struct command_line *cl)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (strcmp(arg, "-I") == 0 || strcmp(arg, "-D") == 0) {
            const char *v = option_value(argc, argv, &i);
            bool include = arg[1] == 'I';
            size_t *n = include ? &cl->nincludes : &cl->ndefines;
            if (*n == 64)
                usage_error("too many %s options", arg);
            (include ? cl->includes : cl->defines)[(*n)++] = v;
        } else if (strncmp(arg, "-I", 2) == 0 && arg[2]) {
            if (cl->nincludes == 64)
                usage_error("too many %s options", "-I");
            cl->includes[cl->nincludes++] = arg + 2;
        } else if (strncmp(arg, "-D", 2) == 0 && arg[2]) {
            if (cl->ndefines == 64)
                usage_error("too many %s options", "-D");
            cl->defines[cl->ndefines++] = arg + 2;
        } else if (strcmp(arg, "-o") == 0) {
            cl->output = option_value(argc, argv, &i);
        } else if (strcmp(arg, "-l") == 0) {
            cl->listing = option_value(argc, argv, &i);
        } else if (strcmp(arg, "-f") == 0) {
            parse_format(cl, option_value(argc, argv, &i));
        } else if (strcmp(arg, "--origin") == 0) {
            parse_origin(cl, option_value(argc, argv, &i));
        } else if (arg[0] == '-' && arg[1]) {
            usage_error("unknown option '%s'", arg);
        } else if (cl->source) {
            usage_error("more than one source file ('%s')", arg);
        } else {
            cl->source = arg;
        }
    }
    if (!cl->source)
        usage_error("%s", "no source file given");
}

/* SOURCE with its extension replaced (or added). */
static char *derived_name(const char *source, const char *extension)
{
    const char *slash = strrchr(source, '/');
    const char *dot = strrchr(source, '.');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - source) : strlen(source);
    return xasprintf("%.*s%s", (int)stem, source, extension);
}

static bool write_listing(struct assembly *a, const struct command_line *cl)
{
    if (cl->listing && strcmp(cl->listing, "none") == 0)
        return true;
    if (cl->listing && strcmp(cl->listing, "-") == 0) {
        asm_write_listing(a, stdout);
        return true;
    }
    char *path = cl->listing ? xstrdup(cl->listing) : derived_name(cl->source, ".lst");
    FILE *f = fopen(path, "w");
    bool ok = f != NULL;
    if (f) {
        asm_write_listing(a, f);
        ok = fclose(f) == 0;
    }
    if (!ok)
        fprintf(stderr, "asm370: cannot write listing %s: %s\n", path, strerror(errno));
    free(path);
    return ok;
}

static uint32_t lowest_address(const struct obj_module *m)
{
    uint32_t low = m->nsections ? m->sections[0].address : 0;
    for (size_t i = 1; i < m->nsections; i++)
        if (m->sections[i].address < low)
            low = m->sections[i].address;
    return low;
}

static bool write_output(struct assembly *a, const struct command_line *cl)
{
    char *path = cl->output ? xstrdup(cl->output) : derived_name(cl->source, formats[cl->format].extension);
    const struct obj_module *m = asm_module(a);
    uint32_t origin = cl->has_origin ? cl->origin : lowest_address(m);
    struct diag_list diags = {0};
    FILE *f = fopen(path, "wb");
    bool ok = false;
    if (!f) {
        fprintf(stderr, "asm370: cannot create %s: %s\n", path, strerror(errno));
    } else {
        switch (cl->format) {
        case FMT_OBJ:
            ok = obj_write_deck(f, m, path, &diags);
            break;
        case FMT_BIN:
            ok = obj_write_binary(f, m, origin, path, &diags);
            break;
        case FMT_DECK:
            ok = obj_write_ipl_deck(f, m, origin, path, &diags);
            break;
        case FMT_IPLTEXT:
            ok = obj_write_ipltext(f, m, origin, path, &diags);
            break;
        }
        if (fclose(f) != 0 && ok) {
            fprintf(stderr, "asm370: cannot write %s: %s\n", path, strerror(errno));
            ok = false;
        }
        if (!ok)
            remove(path);
    }
    diag_print(&diags, stderr);
    diag_free(&diags);
    free(path);
    return ok;
}

int main(int argc, char **argv)
{
    struct command_line cl = {0};
    parse_command_line(argc, argv, &cl);
    struct asm_options options = {
        .include_dirs = cl.includes,
        .ninclude = cl.nincludes,
        .defines = cl.defines,
        .ndefines = cl.ndefines,
    };
    struct assembly *a = asm_new(&options);
    bool ok = asm_assemble_file(a, cl.source);
    const struct diag_list *diags = asm_diagnostics(a);
    diag_print(diags, stderr);
    bool listed = write_listing(a, &cl);
    int status = 0;
    if (!ok)
        status = 1;
    else if (!write_output(a, &cl) || !listed)
        status = 2;
    asm_free(a);
    return status;
}
