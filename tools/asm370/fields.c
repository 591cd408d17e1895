/*
 * fields.c - statement field splitting (see fields.h).
 */
#include "tools/asm370/fields.h"

#include <ctype.h>
#include <string.h>

#include "tools/asm370/util.h"

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
