/*
 * diag.h - asm370 diagnostics: every message carries file, line, column and severity, is kept in the
 * order found (all errors of a run are reported, not just the first), and is printed compiler-style:
 *     prog.asm:12:16: error: undefined symbol FOO
 */
#ifndef ASM370_DIAG_H
#define ASM370_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_severity {
    DIAG_NOTE,    /* MNOTE *,  or an explanation attached to another message */
    DIAG_WARNING, /* assembled anyway; HLASM severity 4 */
    DIAG_ERROR,   /* HLASM severity 8 and up: non-zero exit */
};

struct diag {
    const char *file; /* file name as given (owned by the source table, lives as long as the assembly) */
    int line;         /* 1-based; 0 when the message is about the whole run */
    int column;       /* 1-based; 0 when unknown */
    enum diag_severity severity;
    char *message;
    int stmt; /* index of the statement it belongs to (for the listing), -1 if none */
};

struct diag_list {
    struct diag *items;
    size_t count, capacity;
    size_t errors, warnings;
};

void diag_add(struct diag_list *list, const char *file, int line, int column, int stmt,
              enum diag_severity severity, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diag_vadd(struct diag_list *list, const char *file, int line, int column, int stmt,
               enum diag_severity severity, const char *fmt, va_list ap);
void diag_print(const struct diag_list *list, FILE *out);
void diag_format(const struct diag *d, char *buf, size_t size);
void diag_free(struct diag_list *list);

#endif
