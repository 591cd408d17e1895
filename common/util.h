/*
 * util.h - small host helpers shared by every s370 program: allocation that cannot return NULL,
 * growable buffers, case-insensitive compares and the HLASM character classes.
 */
#ifndef S370_UTIL_H
#define S370_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grow *items (of element size elem) so that index `need-1` fits; capacity doubles. */
void grow_array(void **items, size_t *capacity, size_t need, size_t elem);
#define ARRAY_PUSH(arr, count, cap) \
    (grow_array((void **)&(arr), &(cap), (count) + 1, sizeof *(arr)), &(arr)[(count)++])

/* A growable byte buffer. */
struct buf {
    char *data;
    size_t len, cap;
};
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *buf_cstr(struct buf *b); /* NUL-terminates and returns data (still owned by b) */
void buf_free(struct buf *b);

/* HLASM symbol characters: A-Z a-z 0-9 $ # @ _ (first character not a digit). */
bool is_symbol_start(int c);
bool is_symbol_char(int c);
int strcasecmp_ascii(const char *a, const char *b);
int strncasecmp_ascii(const char *a, const char *b, size_t n);
void upcase(char *s);

/* Fast string hash (FNV-1a) over the upper-cased characters, for case-insensitive tables. */
uint32_t hash_upper(const char *s, size_t n);

#endif
