/*
 * words.c - statement and command words (see words.h).  The rules follow Hercules' parse_args: a
 * quote opens a word only at its start (elsewhere it is an ordinary character), the closing quote
 * ends the word, and '#' comments only where a word would begin, so a file name like "a#1" is kept.
 */
#include "console/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void add_word(struct words *w, size_t *cap, const char *start, size_t length)
{
    grow_array((void **)&w->argv, cap, (size_t)w->argc + 2, sizeof *w->argv);
    w->argv[w->argc++] = xstrndup(start, length);
    w->argv[w->argc] = NULL;
}

bool words_split(const char *line, struct words *w, char *err, size_t errlen)
{
    size_t cap = 0;
    w->argc = 0;
    w->argv = NULL;
    grow_array((void **)&w->argv, &cap, 1, sizeof *w->argv);
    w->argv[0] = NULL;
    const char *p = line;
    for (;;) {
        while (is_blank(*p))
            p++;
        if (!*p || *p == '#')
            return true;
        if (*p == '"' || *p == '\'') {
            const char *close = strchr(p + 1, *p);
            if (!close) {
                snprintf(err, errlen, "no closing %c for the word %s", *p, p);
                words_free(w);
                return false;
            }
            add_word(w, &cap, p + 1, (size_t)(close - p - 1));
            p = close + 1;
            continue;
        }
        const char *start = p;
        while (*p && !is_blank(*p))
            p++;
        add_word(w, &cap, start, (size_t)(p - start));
    }
}

void words_free(struct words *w)
{
    for (int i = 0; i < w->argc; i++)
        free(w->argv[i]);
    free(w->argv);
    w->argc = 0;
    w->argv = NULL;
}

char *words_join(int argc, char *const *argv)
{
    struct buf b = {0};
    for (int i = 0; i < argc; i++) {
        if (i)
            buf_addc(&b, ' ');
        buf_adds(&b, argv[i]);
    }
    return buf_cstr(&b);
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool parse_hex(const char *s, unsigned max_digits, uint32_t *value)
{
    size_t n = strlen(s);
    if (n == 0 || n > max_digits || n > 8)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *value = v;
    return true;
}

bool parse_decimal(const char *s, uint32_t max, uint32_t *value)
{
    if (!*s)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > max)
            return false;
    }
    *value = (uint32_t)v;
    return true;
}
