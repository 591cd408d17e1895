/*
 * diag.c - collecting and printing asm370 diagnostics (see diag.h).
 */
#include "tools/asm370/diag.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"

void diag_vadd(struct diag_list *list, const char *file, int line, int column, int stmt,
               enum diag_severity severity, const char *fmt, va_list ap)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 16;
        list->items = xrealloc(list->items, list->capacity * sizeof *list->items);
    }
    struct diag *d = &list->items[list->count++];
    d->file = file;
    d->line = line;
    d->column = column;
    d->stmt = stmt;
    d->severity = severity;
    d->message = xvasprintf(fmt, ap);
    if (severity == DIAG_ERROR)
        list->errors++;
    else if (severity == DIAG_WARNING)
        list->warnings++;
}

void diag_add(struct diag_list *list, const char *file, int line, int column, int stmt,
              enum diag_severity severity, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(list, file, line, column, stmt, severity, fmt, ap);
    va_end(ap);
}

void diag_format(const struct diag *d, char *buf, size_t size)
{
    static const char *const severity_name[] = {"note", "warning", "error"};
    const char *file = d->file ? d->file : "asm370";
    if (d->line > 0 && d->column > 0)
        snprintf(buf, size, "%s:%d:%d: %s: %s", file, d->line, d->column, severity_name[d->severity],
                 d->message);
    else if (d->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", file, d->line, severity_name[d->severity], d->message);
    else
        snprintf(buf, size, "%s: %s: %s", file, severity_name[d->severity], d->message);
}

void diag_print(const struct diag_list *list, FILE *out)
{
    char buf[1024];
    for (size_t i = 0; i < list->count; i++) {
        diag_format(&list->items[i], buf, sizeof buf);
        fprintf(out, "%s\n", buf);
    }
}

void diag_free(struct diag_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].message);
    free(list->items);
    memset(list, 0, sizeof *list);
}
