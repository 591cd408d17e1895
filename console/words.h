/*
 * words.h - splitting a configuration statement or a panel command into words the way Hercules does:
 * blanks separate words, a word that begins with '#' starts a comment that ends the line, and a word
 * that begins with a quote (" or ') runs to the matching quote and may hold blanks.  Also the small
 * number parsers the statements and commands share.
 */
#ifndef S370_CONSOLE_WORDS_H
#define S370_CONSOLE_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct words {
    int argc;
    char **argv; /* argc strings, then NULL */
};

/* Split line into w; false (w empty, message in err) when a quoted word has no closing quote. */
bool words_split(const char *line, struct words *w, char *err, size_t errlen);
void words_free(struct words *w);
/* The words joined by single blanks, for messages (caller frees). */
char *words_join(int argc, char *const *argv);

/* A whole string of hexadecimal digits (at most max_digits) as a number. */
bool parse_hex(const char *s, unsigned max_digits, uint32_t *value);
/* A whole string of decimal digits as a number no larger than max. */
bool parse_decimal(const char *s, uint32_t max, uint32_t *value);

#endif
