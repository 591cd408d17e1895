/*
 * fields.h - splitting a logical statement into its HLASM fields: name (column 1), operation,
 * operands and remarks.  Used by both the macro engine and the assembler, so both agree on where the
 * operand field ends (the first blank outside quotes) and on what counts as a quote.
 */
#ifndef ASM370_FIELDS_H
#define ASM370_FIELDS_H

#include <stdbool.h>

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

#endif
