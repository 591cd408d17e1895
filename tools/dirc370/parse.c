/*
 * parse.c - the statements of a VM/370 USER DIRECT file, one a line, blank-separated operands, in
 * upper case (lower case is folded); `*` in the first non-blank column starts a comment line, and
 * columns 73-80 (sequence numbers of a card deck) are ignored.
 *
 *   USER userid password storage [maxstorage [classes]]    storage as 512K or 1M, 64K multiples
 *   IPL vaddr|system
 *   CONSOLE vaddr type                   3215 1052
 *   SPOOL vaddr type [class]             3505 3525 1403 3211
 *   MDISK vaddr type cyl ncyl volser mode [rpass [wpass]]   any CKD type dasd_geometry knows
 *   LINK userid vaddr vaddr mode         the owner's device, then ours
 *   DEDICATE vaddr raddr
 *   OPTION ECMODE|REALTIMER...
 *   DIRECTORY vaddr type volser          accepted and ignored: the image recipe places the records
 *
 * Each statement is checked on its own here (numbers, names, types, a device address used twice by
 * one user); check.c does what needs the whole file.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/images/dasd_geometry.h"
#include "tools/dirc370/dirc370.h"

enum { MAX_OPERANDS = 10, MAX_TOKEN = 32, STATEMENT_COLUMNS = 72, READER_TYPE = 0x3505 };

struct parser {
    struct directory *dir;
    struct dir_diag *diag;
    int line;
};

/* ---- messages ---------------------------------------------------------------------------------- */

static void message(struct dir_diag *d, int line, const char *kind, const char *fmt, va_list ap)
{
    fprintf(d->out, "%s:%d: %s: ", d->path, line, kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
}

void dir_error(struct dir_diag *d, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message(d, line, "error", fmt, ap);
    va_end(ap);
    d->errors++;
}

void dir_warning(struct dir_diag *d, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message(d, line, "warning", fmt, ap);
    va_end(ap);
    d->warnings++;
}

/* ---- operands ---------------------------------------------------------------------------------- */

static bool name_char(char c)
{
    return isupper((unsigned char)c) || isdigit((unsigned char)c) || c == '@' || c == '#' || c == '$';
}

/* A userid or IPL system name: 1-max of A-Z 0-9 @ # $. */
static bool parse_name(struct parser *p, const char *what, const char *text, size_t max, char *out)
{
    size_t n = strlen(text);
    bool ok = n >= 1 && n <= max;
    for (size_t i = 0; ok && i < n; i++)
        ok = name_char(text[i]);
    if (!ok) {
        dir_error(p->diag, p->line, "%s '%s': 1 to %zu letters, digits, @ # $", what, text, max);
        return false;
    }
    strcpy(out, text);
    return true;
}

/* A password: 1-8 printable characters. */
static bool parse_password(struct parser *p, const char *text, char *out)
{
    if (strlen(text) > 8) {
        dir_error(p->diag, p->line, "password '%s' is longer than 8 characters", text);
        return false;
    }
    strcpy(out, text);
    return true;
}

static bool parse_vaddr(struct parser *p, const char *text, uint16_t *out)
{
    char *end;
    unsigned long v = strtoul(text, &end, 16);
    if (!*text || *end || strlen(text) > 4 || !isxdigit((unsigned char)text[0]) || v > 0xFFF) {
        dir_error(p->diag, p->line, "'%s' is not a device address (hex 000-FFF)", text);
        return false;
    }
    *out = (uint16_t)v;
    return true;
}

static bool parse_decimal(struct parser *p, const char *what, const char *text, unsigned long max,
                          uint16_t *out)
{
    char *end;
    unsigned long v = strtoul(text, &end, 10);
    if (!*text || *end || !isdigit((unsigned char)text[0]) || strlen(text) > 5 || v > max) {
        dir_error(p->diag, p->line, "%s '%s' is not a number from 0 to %lu", what, text, max);
        return false;
    }
    *out = (uint16_t)v;
    return true;
}

/* Storage: a decimal count of K (1024) or M (1048576) bytes, a multiple of 64K, 64K to 16M. */
static bool parse_storage(struct parser *p, const char *text, uint32_t *out)
{
    char *end;
    unsigned long n = strtoul(text, &end, 10);
    unsigned long unit = *end == 'K' ? 1024 : *end == 'M' ? 1048576 : 0;
    bool digits = isdigit((unsigned char)text[0]) && strlen(text) <= 9;
    if (!digits || !unit || end[1]) {
        dir_error(p->diag, p->line, "storage '%s' is not a size like 512K or 1M", text);
        return false;
    }
    unsigned long long bytes = (unsigned long long)n * unit;
    if (bytes < 0x10000 || bytes > 0x1000000 || bytes % 0x10000) {
        dir_error(p->diag, p->line, "storage %s: a multiple of 64K from 64K to 16M", text);
        return false;
    }
    *out = (uint32_t)bytes;
    return true;
}

static bool parse_classes(struct parser *p, const char *text, char *out)
{
    size_t n = strlen(text);
    bool ok = n >= 1 && n <= 8;
    for (size_t i = 0; ok && i < n; i++)
        ok = text[i] >= 'A' && text[i] <= 'H';
    if (!ok) {
        dir_error(p->diag, p->line, "privilege classes '%s': 1 to 8 letters A-H", text);
        return false;
    }
    strcpy(out, text);
    return true;
}

/* Link and minidisk access modes, as VM/370 spells them. */
static bool parse_mode(struct parser *p, const char *text, char *out)
{
    static const char *const modes[] = {"R", "RR", "W", "WR", "M", "MR", "MW"};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        if (strcmp(text, modes[i]) == 0) {
            strcpy(out, text);
            return true;
        }
    dir_error(p->diag, p->line, "access mode '%s': one of R RR W WR M MR MW", text);
    return false;
}

static bool parse_volser(struct parser *p, const char *text, char *out)
{
    size_t n = strlen(text);
    bool ok = n >= 1 && n <= 6;
    for (size_t i = 0; ok && i < n; i++)
        ok = isupper((unsigned char)text[i]) || isdigit((unsigned char)text[i]) || strchr("@#$", text[i]);
    if (!ok) {
        dir_error(p->diag, p->line, "volume serial '%s': 1 to 6 letters, digits, @ # $", text);
        return false;
    }
    strcpy(out, text);
    return true;
}

static bool parse_class(struct parser *p, const char *text, char *out)
{
    if (strlen(text) != 1 || !(isupper((unsigned char)text[0]) || isdigit((unsigned char)text[0]) || text[0] == '*')) {
        dir_error(p->diag, p->line, "spool class '%s': one letter, digit or *", text);
        return false;
    }
    *out = text[0];
    return true;
}

/* Unit-record and console device types, and the statement each belongs to. */
static const struct unit_type {
    const char *name;
    uint16_t code;
    enum dir_kind kind;
} unit_types[] = {
    {"3215", 0x3215, DIR_CONSOLE}, {"1052", 0x1052, DIR_CONSOLE}, {"3505", 0x3505, DIR_SPOOL},
    {"3525", 0x3525, DIR_SPOOL},   {"1403", 0x1403, DIR_SPOOL},   {"3211", 0x3211, DIR_SPOOL},
};

static bool parse_unit_type(struct parser *p, enum dir_kind kind, const char *text, uint16_t *out)
{
    for (size_t i = 0; i < sizeof unit_types / sizeof unit_types[0]; i++)
        if (unit_types[i].kind == kind && strcmp(text, unit_types[i].name) == 0) {
            *out = unit_types[i].code;
            return true;
        }
    dir_error(p->diag, p->line, "device type '%s' is not a %s", text,
              kind == DIR_CONSOLE ? "console (3215 1052)" : "spooled unit record device (3505 3525 1403 3211)");
    return false;
}

/* ---- statements -------------------------------------------------------------------------------- */

static struct dir_user *current_user(struct parser *p)
{
    return &p->dir->users[p->dir->nusers - 1];
}

/* Add a device to the current user, refusing an address the user already has. */
static void add_device(struct parser *p, const struct dir_device *device)
{
    struct dir_user *u = current_user(p);
    for (size_t i = 0; i < u->ndevices; i++)
        if (u->devices[i].vaddr == device->vaddr) {
            dir_error(p->diag, p->line, "%s already has a device %03X (line %d)", u->userid, device->vaddr,
                      u->devices[i].line);
            return;
        }
    if (u->ndevices == u->device_cap) {
        u->device_cap = u->device_cap ? 2 * u->device_cap : 8;
        u->devices = xrealloc(u->devices, u->device_cap * sizeof *u->devices);
    }
    u->devices[u->ndevices] = *device;
    u->devices[u->ndevices].line = p->line;
    u->ndevices++;
}

static void user_statement(struct parser *p, char **op, int n)
{
    struct dir_user u = {.line = p->line, .classes = "G", .spool_class = 'A'};
    bool ok = parse_name(p, "userid", op[0], 8, u.userid) & parse_password(p, op[1], u.password) &
              parse_storage(p, op[2], &u.storage);
    u.max_storage = u.storage;
    if (n > 3)
        ok &= parse_storage(p, op[3], &u.max_storage);
    if (n > 4)
        ok &= parse_classes(p, op[4], u.classes);
    if (ok && u.max_storage < u.storage)
        dir_error(p->diag, p->line, "maximum storage %s is less than the storage %s", op[3], op[2]);
    struct directory *d = p->dir;
    if (d->nusers == d->user_cap) {
        d->user_cap = d->user_cap ? 2 * d->user_cap : 8;
        d->users = xrealloc(d->users, d->user_cap * sizeof *d->users);
    }
    d->users[d->nusers++] = u; /* kept even when bad, so its device statements are still checked */
}

static void ipl_statement(struct parser *p, char **op, int n)
{
    (void)n;
    parse_name(p, "IPL device or system", op[0], 8, current_user(p)->ipl);
}

static void console_statement(struct parser *p, char **op, int n)
{
    (void)n;
    struct dir_device d = {.kind = DIR_CONSOLE};
    if (parse_vaddr(p, op[0], &d.vaddr) & parse_unit_type(p, DIR_CONSOLE, op[1], &d.type))
        add_device(p, &d);
}

static bool is_spooled_output(const struct dir_device *d)
{
    return d->kind == DIR_SPOOL && d->type != READER_TYPE;
}

static bool has_spooled_output(const struct dir_user *u)
{
    for (size_t i = 0; i < u->ndevices; i++)
        if (is_spooled_output(&u->devices[i]))
            return true;
    return false;
}

static void spool_statement(struct parser *p, char **op, int n)
{
    struct dir_device d = {.kind = DIR_SPOOL, .spool_class = 'A'};
    bool ok = parse_vaddr(p, op[0], &d.vaddr) & parse_unit_type(p, DIR_SPOOL, op[1], &d.type);
    if (n > 2)
        ok &= parse_class(p, op[2], &d.spool_class);
    if (!ok)
        return;
    struct dir_user *u = current_user(p);
    if (is_spooled_output(&d) && !has_spooled_output(u))
        u->spool_class = d.spool_class; /* UDRSPCLS: the first punch's or printer's */
    add_device(p, &d);
}

static void mdisk_statement(struct parser *p, char **op, int n)
{
    struct dir_device d = {.kind = DIR_MDISK};
    const struct ckd_geometry *g = ckd_geometry_find(op[1]);
    bool ok = parse_vaddr(p, op[0], &d.vaddr);
    if (!g) {
        dir_error(p->diag, p->line, "device type '%s' is not a CKD DASD (2314 3330 3340 3350 3375 3380...)", op[1]);
        ok = false;
    }
    ok &= parse_decimal(p, "cylinder", op[2], 65535, &d.cylinder) &
          parse_decimal(p, "cylinder count", op[3], 65535, &d.cylinders) & parse_volser(p, op[4], d.volser) &
          parse_mode(p, op[5], d.mode);
    if (n > 6)
        ok &= parse_password(p, op[6], d.read_password);
    if (n > 7)
        ok &= parse_password(p, op[7], d.write_password);
    if (!ok)
        return;
    d.type = g->type;
    uint32_t volume_cylinders = g->cylinders; /* the primary ones, as dasd370 init makes volumes */
    if (d.cylinders == 0)
        dir_error(p->diag, p->line, "MDISK %03X has no cylinders", d.vaddr);
    else if ((uint32_t)d.cylinder + d.cylinders > volume_cylinders)
        dir_error(p->diag, p->line, "MDISK %03X: cylinders %u-%u are past the end of a %s (%u cylinders)", d.vaddr,
                  d.cylinder, d.cylinder + d.cylinders - 1, g->name, volume_cylinders);
    else
        add_device(p, &d);
}

static void link_statement(struct parser *p, char **op, int n)
{
    (void)n;
    struct dir_device d = {.kind = DIR_LINK};
    if (parse_name(p, "userid", op[0], 8, d.link_user) & parse_vaddr(p, op[1], &d.link_vaddr) &
        parse_vaddr(p, op[2], &d.vaddr) & parse_mode(p, op[3], d.mode))
        add_device(p, &d);
}

static void dedicate_statement(struct parser *p, char **op, int n)
{
    (void)n;
    struct dir_device d = {.kind = DIR_DEDICATE};
    if (parse_vaddr(p, op[0], &d.vaddr) & parse_vaddr(p, op[1], &d.raddr))
        add_device(p, &d);
}

static void option_statement(struct parser *p, char **op, int n)
{
    static const struct {
        const char *name;
        uint8_t bit;
    } options[] = {{"ECMODE", DIR_OPT_ECMODE}, {"REALTIMER", DIR_OPT_REALTIMER}};
    for (int i = 0; i < n; i++) {
        size_t k = 0;
        while (k < sizeof options / sizeof options[0] && strcmp(op[i], options[k].name) != 0)
            k++;
        if (k == sizeof options / sizeof options[0])
            dir_error(p->diag, p->line, "unknown OPTION '%s' (ECMODE, REALTIMER)", op[i]);
        else
            current_user(p)->options |= options[k].bit;
    }
}

static void directory_statement(struct parser *p, char **op, int n)
{
    (void)op, (void)n;
    dir_warning(p->diag, p->line, "DIRECTORY statement ignored: the image recipe places the directory");
}

static const struct statement {
    const char *name;
    int min, max;  /* operands */
    bool per_user; /* only after a USER statement */
    void (*parse)(struct parser *p, char **op, int n);
} statements[] = {
    {"USER", 3, 5, false, user_statement},          {"IPL", 1, 1, true, ipl_statement},
    {"CONSOLE", 2, 2, true, console_statement},     {"SPOOL", 2, 3, true, spool_statement},
    {"MDISK", 6, 8, true, mdisk_statement},         {"LINK", 4, 4, true, link_statement},
    {"DEDICATE", 2, 2, true, dedicate_statement},   {"OPTION", 1, 2, true, option_statement},
    {"DIRECTORY", 3, 3, false, directory_statement},
};

/* Split one line (upper-cased, at most 72 columns) into tokens; the count, or -1 after a message. */
static int tokenize(struct parser *p, const char *line, size_t length, char tokens[][MAX_TOKEN])
{
    int count = 0;
    size_t i = 0;
    if (length > STATEMENT_COLUMNS)
        length = STATEMENT_COLUMNS;
    while (i < length) {
        while (i < length && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t start = i;
        while (i < length && line[i] != ' ' && line[i] != '\t')
            i++;
        if (i == start)
            break;
        if (count == MAX_OPERANDS + 1 || i - start >= MAX_TOKEN) {
            dir_error(p->diag, p->line, count == MAX_OPERANDS + 1 ? "too many operands" : "operand too long");
            return -1;
        }
        for (size_t k = start; k < i; k++)
            tokens[count][k - start] = (char)toupper((unsigned char)line[k]);
        tokens[count][i - start] = '\0';
        count++;
    }
    return count;
}

static void parse_statement(struct parser *p, char tokens[][MAX_TOKEN], int count)
{
    const struct statement *s = NULL;
    for (size_t i = 0; !s && i < sizeof statements / sizeof statements[0]; i++)
        if (strcmp(tokens[0], statements[i].name) == 0)
            s = &statements[i];
    int n = count - 1;
    if (!s)
        dir_error(p->diag, p->line, "unknown statement '%s'", tokens[0]);
    else if (n < s->min || n > s->max)
        dir_error(p->diag, p->line, "%s takes %d to %d operands, not %d", s->name, s->min, s->max, n);
    else if (s->per_user && p->dir->nusers == 0)
        dir_error(p->diag, p->line, "%s before the first USER statement", s->name);
    else {
        char *op[MAX_OPERANDS];
        for (int i = 0; i < n; i++)
            op[i] = tokens[i + 1];
        s->parse(p, op, n);
    }
}

void dir_parse(const char *text, size_t length, struct directory *dir, struct dir_diag *diag)
{
    struct parser p = {.dir = dir, .diag = diag};
    size_t start = 0;
    while (start < length) {
        const char *nl = memchr(text + start, '\n', length - start);
        size_t end = nl ? (size_t)(nl - text) : length;
        size_t line_length = end - start;
        if (line_length && text[end - 1] == '\r')
            line_length--;
        p.line++;
        size_t first = start;
        while (first < start + line_length && (text[first] == ' ' || text[first] == '\t'))
            first++;
        char tokens[MAX_OPERANDS + 1][MAX_TOKEN];
        int count = 0;
        if (first < start + line_length && text[first] != '*')
            count = tokenize(&p, text + start, line_length, tokens);
        if (count > 0)
            parse_statement(&p, tokens, count);
        start = end + 1;
    }
}

void dir_free(struct directory *dir)
{
    for (size_t i = 0; i < dir->nusers; i++)
        free(dir->users[i].devices);
    free(dir->users);
    *dir = (struct directory){0};
}
