/*
 * fields.c - HLASM's lexical rules (see fields.h): statement fields, quotes, self-defining terms.
 */
#include "tools/asm370/fields.h"

#include <ctype.h>
#include <string.h>

#include "common/ebcdic.h"

#include "common/util.h"

bool quote_is_attribute(const char *s, int i)
{
    if (i < 1 || !strchr("LTKNDISOltkndiso", s[i - 1]))
        return false;
    if (i >= 2 && (is_symbol_char((unsigned char)s[i - 2]) || s[i - 2] == '&' || s[i - 2] == '\''))
        return false;
    unsigned char next = (unsigned char)s[i + 1];
    return is_symbol_start(next) || next == '&' || next == '*' || next == '=';
}

int operand_field_length(const char *s, int *unterminated)
{
    int i = 0;
    *unterminated = -1;
    while (s[i] && s[i] != ' ') {
        if (s[i] == '\'' && !quote_is_attribute(s, i)) {
            int open = i++;
            for (;;) {
                if (!s[i]) {
                    *unterminated = open;
                    return i;
                }
                if (s[i] == '\'' && s[i + 1] == '\'')
                    i += 2;
                else if (s[i] == '\'')
                    break;
                else
                    i++;
            }
        }
        i++;
    }
    return i;
}

static int skip_blanks(const char *s, int i)
{
    while (s[i] == ' ')
        i++;
    return i;
}

void fields_split(const char *text, struct stmt_fields *f)
{
    memset(f, 0, sizeof *f);
    f->unterminated = -1;
    int i = skip_blanks(text, 0);
    if (!text[i]) {
        f->blank = true;
        f->remarks = i;
        return;
    }
    if (text[0] == '*') {
        f->comment = true;
        f->remarks = 0;
        return;
    }
    if (text[0] == '.' && text[1] == '*') {
        f->macro_comment = true;
        f->remarks = 0;
        return;
    }
    i = 0;
    if (text[0] != ' ') {
        while (text[i] && text[i] != ' ')
            i++;
        f->name = 0;
        f->name_len = i;
    }
    i = skip_blanks(text, i);
    f->op = i;
    while (text[i] && text[i] != ' ')
        i++;
    f->op_len = i - f->op;
    i = skip_blanks(text, i);
    f->operands = i;
    f->operands_len = operand_field_length(text + i, &f->unterminated);
    if (f->unterminated >= 0)
        f->unterminated += i;
    f->remarks = skip_blanks(text, i + f->operands_len);
}

/* Value of a quoted self-defining term body; *i is at the character after the opening quote. */
static bool quoted_term(const char *s, int *i, char kind, int64_t *out, const char **error)
{
    uint64_t v = 0;
    int digits = 0;
    for (;;) {
        char c = s[*i];
        if (!c) {
            *error = "missing closing quote in self-defining term";
            return false;
        }
        if (c == '\'') {
            if (kind == 'C' && s[*i + 1] == '\'') {
                (*i)++;
            } else {
                (*i)++;
                break;
            }
        }
        if (kind == 'C' && c == '&' && s[*i + 1] == '&')
            (*i)++;
        int bits;
        unsigned digit;
        if (kind == 'X') {
            if (!isxdigit((unsigned char)c)) {
                *error = "invalid hexadecimal digit in self-defining term";
                return false;
            }
            digit = (unsigned)(isdigit((unsigned char)c) ? c - '0' : toupper((unsigned char)c) - 'A' + 10);
            bits = 4;
        } else if (kind == 'B') {
            if (c != '0' && c != '1') {
                *error = "invalid binary digit in self-defining term";
                return false;
            }
            digit = (unsigned)(c - '0');
            bits = 1;
        } else {
            digit = latin1_to_ebcdic[(unsigned char)c];
            bits = 8;
        }
        v = v << bits | digit;
        digits += bits;
        (*i)++;
    }
    if (digits == 0 || digits > 32) {
        *error = digits ? "self-defining term longer than 4 bytes" : "empty self-defining term";
        return false;
    }
    *out = (int64_t)(int32_t)(uint32_t)v;
    return true;
}

bool self_defining_term(const char *s, int *end, int64_t *out, const char **error)
{
    int i = 0;
    *error = NULL;
    if (isdigit((unsigned char)s[0])) {
        uint64_t v = 0;
        while (isdigit((unsigned char)s[i])) {
            v = v * 10 + (uint64_t)(s[i++] - '0');
            if (v > 0x7FFFFFFF) {
                *error = "decimal self-defining term larger than 2147483647";
                return false;
            }
        }
        *out = (int64_t)v;
        *end = i;
        return true;
    }
    char kind = (char)toupper((unsigned char)s[0]);
    if ((kind == 'X' || kind == 'B' || kind == 'C') && s[1] == '\'') {
        i = 2;
        if (!quoted_term(s, &i, kind, out, error))
            return false;
        *end = i;
        return true;
    }
    *error = "not a self-defining term";
    return false;
}
