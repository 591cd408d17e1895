/*
 * fields.h - HLASM's lexical rules, shared by the macro engine and the assembler so both read a
 * statement the same way: its fields (name in column 1, operation, operands, remarks), where the
 * operand field ends (the first blank outside quotes), what counts as a quote, and the value of a
 * self-defining term.
 */
#ifndef ASM370_FIELDS_H
#define ASM370_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

struct stmt_fields {
    bool blank;          /* nothing but blanks */
    bool comment;        /* '*' in column 1 (listed, otherwise ignored) */
    bool macro_comment;  /* '.*' in columns 1-2 (not listed when generated) */
    int name, name_len;  /* offset and length of the name field; name_len 0 if column 1 is blank */
    int op, op_len;      /* operation field; op_len 0 if none */
    int operands, operands_len; /* operand field: up to the first blank outside quotes */
    int remarks;         /* offset of the remarks after the operands (may point at the final NUL) */
    int unterminated;    /* offset of a quote with no closing quote, or -1 */
};

void fields_split(const char *text, struct stmt_fields *f);

/*
 * Length of an operand field starting at s: stops at the first blank outside quoted strings.  A
 * quote after an attribute letter (L' T' K' N' D' I' S' O') that starts a symbol is not a string.
 * *unterminated is set to the offset of an unclosed quote, or -1.
 */
int operand_field_length(const char *s, int *unterminated);

/* True when the quote at s[i] is an attribute reference such as L'SYM rather than a string start. */
bool quote_is_attribute(const char *s, int i);

/*
 * A self-defining term at s: decimal digits, X'hex', B'binary' or C'chars' (EBCDIC value, '' and &&
 * each one character), at most 4 bytes.  Sets *end past it; on failure *error says why.
 */
bool self_defining_term(const char *s, int *end, int64_t *out, const char **error);

#endif
