/*
 * config.c - reading a configuration file (see config.h): lines, comments, symbols, INCLUDE, device
 * statements; system statements go to the command table.  Hercules' bldcfg.c is the model for what
 * is accepted; unlike Hercules, statements may come in any order, and reading goes on after an error
 * so that every problem is reported at once.
 */
#include "console/config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/util.h"
#include "console/commands.h"
#include "console/words.h"

#define MAX_INCLUDE_DEPTH 8 /* files open at once, the first included (Hercules' MAX_INC_LEVEL) */

void config_init(struct config *c)
{
    memset(c, 0, sizeof *c);
    c->storage_size = 2u << 20;
    c->ncpus = 1;
    c->cpu_serial = 0x000001;
    c->cpu_model = 0x0586;
    c->cpu_version = 0xFD;
    c->console_port = xstrdup("3270");
}

static void free_definition(struct device_definition *d)
{
    for (int i = 0; i < d->argc; i++)
        free(d->argv[i]);
    free(d->argv);
    free(d->type);
    free(d->where);
}

void config_free(struct config *c)
{
    for (size_t i = 0; i < c->ndevices; i++)
        free_definition(&c->devices[i]);
    free(c->devices);
    for (size_t i = 0; i < c->nmessages; i++)
        free(c->messages[i]);
    free(c->messages);
    symbols_free(&c->symbols);
    free(c->console_port);
    memset(c, 0, sizeof *c);
}

void config_message(struct config *c, const char *id, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = xvasprintf(fmt, ap);
    va_end(ap);
    char **slot = ARRAY_PUSH(c->messages, c->nmessages, c->messages_cap);
    *slot = where ? xasprintf("%s %s: %s", id, where, text) : xasprintf("%s %s", id, text);
    free(text);
    if (id[4] == 'E')
        c->errors++;
    else if (id[4] == 'W')
        c->warnings++;
}

/* ---- device statements -------------------------------------------------------------------------- */

#define MAX_DEVICE 0xFFF

/* One element of a device number list: cuu, cuu-cuu or cuu.count.  Appends its numbers. */
static bool parse_device_element(const char *e, uint16_t **list, size_t *n, size_t *cap, char *err, size_t errlen)
{
    size_t length = strcspn(e, "-.");
    char *first = xstrndup(e, length);
    uint32_t from, to, count;
    bool number = parse_hex(first, 4, &from);
    free(first);
    if (!number) {
        snprintf(err, errlen, "%.*s is not a device number", (int)length, e);
        return false;
    }
    const char *rest = e + length;
    if (*rest == '\0') {
        to = from;
    } else if (*rest == '-') {
        if (!parse_hex(rest + 1, 4, &to) || to < from) {
            snprintf(err, errlen, "%s is not a range of device numbers (low-high)", e);
            return false;
        }
    } else if (!parse_decimal(rest + 1, MAX_DEVICE + 1, &count) || count == 0) {
        snprintf(err, errlen, "%s: the count after the dot is a decimal number of devices", e);
        return false;
    } else {
        to = from + count - 1;
    }
    if (to > MAX_DEVICE) {
        snprintf(err, errlen, "%s goes beyond FFF, the last S/370 device number", e);
        return false;
    }
    for (uint32_t a = from; a <= to; a++)
        *ARRAY_PUSH(*list, *n, *cap) = (uint16_t)a;
    return true;
}

/* [0:]element[,element...]; every number on one channel, as Hercules requires. */
static bool parse_device_numbers(const char *spec, uint16_t **list, size_t *n, char *err, size_t errlen)
{
    size_t cap = 0;
    const char *colon = strchr(spec, ':');
    if (colon && !(colon - spec == 1 && spec[0] == '0')) {
        snprintf(err, errlen, "%.*s: channel set 0 is the only one", (int)(colon - spec), spec);
        return false;
    }
    char *copy = xstrdup(colon ? colon + 1 : spec);
    bool ok = true;
    char *save = NULL;
    for (char *e = strtok_r(copy, ",", &save); e && ok; e = strtok_r(NULL, ",", &save))
        ok = parse_device_element(e, list, n, &cap, err, errlen);
    free(copy);
    if (ok && *n == 0) {
        snprintf(err, errlen, "no device number");
        ok = false;
    }
    for (size_t i = 1; ok && i < *n; i++)
        if ((*list)[i] >> 8 != (*list)[0] >> 8) {
            snprintf(err, errlen, "%03X and %03X are on different channels: one statement, one channel", (*list)[0],
                     (*list)[i]);
            ok = false;
        }
    return ok;
}

static const struct device_definition *find_definition(const struct config *c, uint16_t address)
{
    for (size_t i = 0; i < c->ndevices; i++)
        if (c->devices[i].address == address)
            return &c->devices[i];
    return NULL;
}

static void add_definition(struct config *c, const char *where, uint16_t address, int argc, char **argv)
{
    struct device_definition *d = ARRAY_PUSH(c->devices, c->ndevices, c->devices_cap);
    d->address = address;
    d->type = xstrdup(argv[1]);
    d->argc = argc - 2;
    d->argv = xcalloc((size_t)d->argc + 1, sizeof *d->argv);
    for (int i = 0; i < d->argc; i++)
        d->argv[i] = symbols_expand_device(argv[i + 2], address);
    d->where = xstrdup(where);
}

static void device_statement(struct config *c, const char *where, const char *statement, int argc, char **argv)
{
    char err[256];
    uint16_t *list = NULL;
    size_t n = 0;
    if (argc < 2) {
        config_message(c, "S370E010", where, "%s: a device statement needs a device type", statement);
    } else if (!parse_device_numbers(argv[0], &list, &n, err, sizeof err)) {
        config_message(c, "S370E011", where, "%s: %s", statement, err);
    } else {
        for (size_t i = 0; i < n; i++) {
            const struct device_definition *old = find_definition(c, list[i]);
            if (old)
                config_message(c, "S370E012", where, "%s: device %03X is already defined at %s", statement, list[i],
                               old->where);
            else
                add_definition(c, where, list[i], argc, argv);
        }
    }
    free(list);
}

/* Hercules' test (bldcfg.c): up to 4 hex digits, or any of - . , : in the first word. */
static bool is_device_statement(const char *word)
{
    size_t n = strlen(word);
    return strpbrk(word, "-.,:") || (n <= 4 && strspn(word, "0123456789abcdefABCDEF") == n);
}

/* ---- files and INCLUDE -------------------------------------------------------------------------- */

struct reader {
    struct config *c;
    char *open_files[MAX_INCLUDE_DEPTH]; /* the files being read (real paths), outermost first */
    int depth;
};

static void read_stream(struct reader *r, FILE *f, const char *name);

/* The path of an INCLUDE operand: beside the including file, else as given (Hercules: the current
   folder). */
static char *include_path(const char *including, const char *operand)
{
    const char *slash = strrchr(including, '/');
    if (operand[0] == '/' || !slash)
        return xstrdup(operand);
    char *beside = xasprintf("%.*s/%s", (int)(slash - including), including, operand);
    if (access(beside, F_OK) == 0 || access(operand, F_OK) != 0)
        return beside;
    free(beside);
    return xstrdup(operand);
}

/* Read a file; `where` and `statement` are those of the INCLUDE naming it (NULL for the first). */
static void read_file(struct reader *r, const char *path, const char *where, const char *statement)
{
    struct config *c = r->c;
    char real[PATH_MAX];
    const char *key = realpath(path, real) ? real : path;
    for (int i = 0; i < r->depth; i++)
        if (strcmp(r->open_files[i], key) == 0) {
            config_message(c, "S370E013", where, "%s: %s is already being read (an INCLUDE loop)", statement, path);
            return;
        }
    if (r->depth == MAX_INCLUDE_DEPTH) {
        config_message(c, "S370E014", where, "%s: INCLUDE files nest more than %d deep", statement,
                       MAX_INCLUDE_DEPTH);
        return;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        if (!where)
            config_message(c, "S370E015", NULL, "cannot open the configuration file %s: %s", path, strerror(errno));
        else if (c->ignore_include_errors)
            config_message(c, "S370W016", where, "%s: cannot open %s: %s; ignored (IGNORE INCLUDE_ERRORS)", statement,
                           path, strerror(errno));
        else
            config_message(c, "S370E017", where, "%s: cannot open %s: %s", statement, path, strerror(errno));
        return;
    }
    r->open_files[r->depth++] = xstrdup(key);
    read_stream(r, f, path);
    free(r->open_files[--r->depth]);
    fclose(f);
}

static void include_statement(struct reader *r, const char *name, const char *where, const char *statement, int argc,
                              char **argv)
{
    if (argc != 2) {
        config_message(r->c, "S370E018", where, "%s: INCLUDE takes one file name", statement);
        return;
    }
    char *path = include_path(name, argv[1]);
    read_file(r, path, where, statement);
    free(path);
}

static void ignore_statement(struct config *c, const char *where, const char *statement, int argc, char **argv)
{
    if (argc == 2 && strcasecmp_ascii(argv[1], "INCLUDE_ERRORS") == 0)
        c->ignore_include_errors = true;
    else
        config_message(c, "S370E019", where, "%s: the only form is IGNORE INCLUDE_ERRORS", statement);
}

/* ---- statements --------------------------------------------------------------------------------- */

static void statement(struct reader *r, const char *name, const char *where, const char *text)
{
    struct config *c = r->c;
    char err[256];
    char *expanded = symbols_expand(&c->symbols, text, err, sizeof err);
    if (!expanded) {
        config_message(c, "S370E020", where, "%s: %s", text, err);
        return;
    }
    struct words w;
    if (!words_split(expanded, &w, err, sizeof err)) {
        config_message(c, "S370E021", where, "%s: %s", expanded, err);
        free(expanded);
        return;
    }
    char *joined = words_join(w.argc, w.argv);
    if (w.argc == 0) {
        /* only symbols that expanded to nothing */
    } else if (strcasecmp_ascii(w.argv[0], "INCLUDE") == 0) {
        include_statement(r, name, where, joined, w.argc, w.argv);
    } else if (strcasecmp_ascii(w.argv[0], "IGNORE") == 0) {
        ignore_statement(c, where, joined, w.argc, w.argv);
    } else if (is_device_statement(w.argv[0])) {
        device_statement(c, where, joined, w.argc, w.argv);
    } else {
        struct command_env env = {
            .scope = CMD_CONFIG,
            .config = c,
            .where = where,
            .symbols = &c->symbols,
            .operands = joined + strlen(w.argv[0]) + (w.argc > 1),
            .statement = joined,
        };
        command_run(&env, w.argc, w.argv);
    }
    free(joined);
    words_free(&w);
    free(expanded);
}

static void read_stream(struct reader *r, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    for (unsigned number = 1; (n = getline(&line, &cap, f)) >= 0; number++) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        const char *p = line + strspn(line, " \t");
        if (*p == '\0' || *p == '#' || *p == '*')
            continue; /* blank line or comment */
        char *where = xasprintf("%s:%u", name, number);
        statement(r, name, where, p);
        free(where);
    }
    free(line);
}

bool config_read(struct config *c, const char *path)
{
    struct reader r = {.c = c};
    read_file(&r, path, NULL, NULL);
    return c->errors == 0;
}

bool config_read_text(struct config *c, const char *name, const char *text)
{
    struct reader r = {.c = c};
    if (!*text)
        return c->errors == 0;
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    if (!f) {
        config_message(c, "S370E022", NULL, "cannot read %s: %s", name, strerror(errno));
        return false;
    }
    r.open_files[r.depth++] = xstrdup(name);
    read_stream(&r, f, name);
    free(r.open_files[--r.depth]);
    fclose(f);
    return c->errors == 0;
}
