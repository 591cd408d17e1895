/*
 * symbols.c - DEFSYM symbols and their expansion in statements and commands (see symbols.h).
 * Expansion is one pass: a value is copied as it is, never expanded again.
 */
#include "console/symbols.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

static struct symbol *find(const struct symbols *s, const char *name)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i].name, name) == 0)
            return &s->items[i];
    return NULL;
}

void symbols_define(struct symbols *s, const char *name, const char *value)
{
    struct symbol *sym = find(s, name);
    if (!sym) {
        sym = ARRAY_PUSH(s->items, s->count, s->cap);
        sym->name = xstrdup(name);
    } else {
        free(sym->value);
    }
    sym->value = xstrdup(value);
}

const char *symbols_lookup(const struct symbols *s, const char *name)
{
    const struct symbol *sym = find(s, name);
    return sym ? sym->value : getenv(name);
}

void symbols_free(struct symbols *s)
{
    for (size_t i = 0; i < s->count; i++) {
        free(s->items[i].name);
        free(s->items[i].value);
    }
    free(s->items);
    memset(s, 0, sizeof *s);
}

/* The names a device statement fills in per device, with their formats. */
static const struct {
    const char *name;
    const char *format;
} device_symbols[] = {
    {"CUU", "%03X"},
    {"cuu", "%03x"},
    {"CCUU", "%04X"},
    {"ccuu", "%04x"},
};

static const char *device_symbol_format(const char *name, size_t length)
{
    for (size_t i = 0; i < sizeof device_symbols / sizeof device_symbols[0]; i++)
        if (strlen(device_symbols[i].name) == length && memcmp(device_symbols[i].name, name, length) == 0)
            return device_symbols[i].format;
    return NULL;
}

/* $(NAME) at p (p[1] is '('): append its value; returns the text after it, or NULL with err. */
static const char *expand_parenthesized(const struct symbols *s, const char *p, struct buf *out, char *err,
                                        size_t errlen)
{
    const char *name = p + 2, *close = strchr(name, ')');
    if (!close) {
        snprintf(err, errlen, "no closing ) after %s", p);
        return NULL;
    }
    size_t length = (size_t)(close - name);
    if (device_symbol_format(name, length)) {
        buf_add(out, p, (size_t)(close + 1 - p)); /* for the device statement */
        return close + 1;
    }
    char *n = xstrndup(name, length);
    const char *value = symbols_lookup(s, n);
    if (!value)
        snprintf(err, errlen, "symbol %s is not defined (DEFSYM or environment)", n);
    else
        buf_adds(out, value);
    free(n);
    return value ? close + 1 : NULL;
}

/* ${NAME}, ${NAME=dflt} or ${NAME:=dflt} at p (p[1] is '{'). */
static const char *expand_braced(const struct symbols *s, const char *p, struct buf *out, char *err, size_t errlen)
{
    const char *name = p + 2, *close = strchr(name, '}');
    if (!close) {
        snprintf(err, errlen, "no closing } after %s", p);
        return NULL;
    }
    const char *equals = memchr(name, '=', (size_t)(close - name));
    const char *name_end = equals ? equals : close;
    if (equals && equals > name && equals[-1] == ':')
        name_end = equals - 1;
    char *n = xstrndup(name, (size_t)(name_end - name));
    const char *value = symbols_lookup(s, n);
    free(n);
    if (equals && (!value || !*value))
        buf_add(out, equals + 1, (size_t)(close - equals - 1));
    else if (value)
        buf_adds(out, value);
    return close + 1;
}

char *symbols_expand(const struct symbols *s, const char *text, char *err, size_t errlen)
{
    struct buf out = {0};
    const char *p = text;
    while (p && *p) {
        if (p[0] == '$' && p[1] == '(') {
            p = expand_parenthesized(s, p, &out, err, errlen);
        } else if (p[0] == '$' && p[1] == '{') {
            p = expand_braced(s, p, &out, err, errlen);
        } else {
            buf_addc(&out, *p);
            p++;
        }
    }
    if (!p) {
        buf_free(&out);
        return NULL;
    }
    return buf_cstr(&out);
}

char *symbols_expand_device(const char *text, uint16_t address)
{
    struct buf out = {0};
    const char *p = text;
    while (*p) {
        const char *close = p[0] == '$' && p[1] == '(' ? strchr(p + 2, ')') : NULL;
        const char *format = close ? device_symbol_format(p + 2, (size_t)(close - p - 2)) : NULL;
        if (format) {
            buf_printf(&out, format, address);
            p = close + 1;
        } else {
            buf_addc(&out, *p++);
        }
    }
    return buf_cstr(&out);
}
