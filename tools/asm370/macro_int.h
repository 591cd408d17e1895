/*
 * macro_int.h - internal to the macro engine: what macro.c (the engine: definitions, calls, frames,
 * conditional-assembly statements) and macro_expr.c (the expression language and substitution) share.
 * Nothing else includes it; the assembler sees only macro.h.  Functions defined in macro.c are named
 * mengine_..., those defined in macro_expr.c mexpr_...
 */
#ifndef ASM370_MACRO_INT_H
#define ASM370_MACRO_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tools/asm370/diag.h"
#include "tools/asm370/macro.h"
#include "tools/asm370/source.h"
#include "common/util.h"

#define SUBSCRIPT_MAX 65535    /* largest subscript of a dimensioned SET symbol */
#define SYMBOL_MAX 63

/* ---- case-insensitive name tables -------------------------------------------------------------- */

/* Embedded as the first member of every table entry (macros, variables, sequence symbols). */
struct name_entry {
    char *name; /* upper case, without '&' or '.' */
    size_t len;
    uint32_t hash;
    struct name_entry *next;
};

struct name_table {
    struct name_entry **buckets;
    size_t nbuckets, count; /* nbuckets is a power of two */
};

/* ---- SET symbols and macro parameters -------------------------------------------------------- */

enum var_type { VAR_A, VAR_B, VAR_C, VAR_PARAM };

struct var {
    struct name_entry e;
    enum var_type type;
    bool dimensioned;
    bool everywhere;    /* -D global: visible without a GBLx declaration */
    struct var *global; /* non-NULL: this local entry is a GBLx declaration naming that global */
    size_t cap;         /* elements allocated (0-based; element 0 of a scalar is its value) */
    size_t highest;     /* highest subscript assigned (N' of a dimensioned symbol) */
    int32_t *a;         /* VAR_A, VAR_B */
    char **c;           /* VAR_C, VAR_PARAM; NULL is the null string */
};

/* ---- the engine and its frames -------------------------------------------------------------------- */

struct macro_engine {
    struct src_set *src;
    struct diag_list *diags;
    struct macro_hooks hooks;
    struct name_table macros;  /* struct macro_slot */
    struct macro_def **defs;   /* every definition ever made (a redefined macro may still be running) */
    size_t ndefs, defs_cap;
    struct name_table globals; /* struct var */
    unsigned long calls;       /* macro calls so far: &SYSNDX */
    unsigned long steps;       /* statements counted against STEP_LIMIT (macro.c) */
    bool ended;                /* END has been handed over */
    bool unwinding;            /* nesting limit hit: leave every expansion back to open code */
};

/* One running body: open code, or one macro invocation. */
struct frame {
    const struct macro_def *def; /* NULL in open code */
    struct name_table scope;     /* struct var: local SET symbols, parameters, GBLx declarations */
    char *label;                 /* &SYSLIST(0) */
    char **positional;           /* &SYSLIST(1...) */
    size_t npositional;
    char sysndx[16];
    char *sysect;
    int depth;
    long actr, actr_limit;
    const struct src_line *call_line; /* the open-code statement this expansion comes from */
    bool leave;                       /* MEXIT, MEND or ACTR exhausted in a macro */
    bool dead;                        /* ACTR exhausted in open code: the rest is listed as comments */
    struct buf text;                  /* the statement being generated */
};

/* The statement a frame is processing. */
struct stmt_ctx {
    struct macro_engine *m;
    struct frame *fr;
    const struct code *code;
    size_t index;
    size_t next; /* the statement to process next; branches change it */
    const struct src_line *src;
    struct stmt_info *info;
};

/* ---- provided by macro.c ------------------------------------------------------------------------- */

void mengine_message_at(struct macro_engine *m, const struct src_line *src, int offset, enum diag_severity severity,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The variable a name means in a frame: a local (or the global a GBLx names), else a -D global. */
struct var *mengine_lookup_var(struct macro_engine *m, struct frame *fr, const char *name, size_t len);

int mengine_symbol_length(const char *s, int end);
bool mengine_is_symbol(const char *s, size_t len);
bool mengine_word_is(const char *s, size_t len, const char *word);
size_t mengine_skip_quoted(const char *s, size_t i, size_t len);

/*
 * The comma-separated items of s[0,len): "A,(B,C),'D,E'" gives A, (B,C) and 'D,E'; a trailing comma
 * gives one more, empty, item, and so does an empty s.
 */
struct items {
    const char *p;
    size_t rest;
    bool done;
    bool unbalanced; /* a parenthesis was left open or closed too often */
};

void mengine_items_init(struct items *it, const char *s, size_t len);
bool mengine_items_next(struct items *it, const char **item, size_t *len);

/* ---- provided by macro_expr.c: evaluating the operands of one statement ---------------------------- */

/* The state of evaluating part of a statement's text; the first error abandons the statement. */
struct eval {
    struct stmt_ctx *c;
    const char *s; /* the statement text as written (so offsets map to columns) */
    int pos, end;
    int depth;
    bool failed;  /* an error was reported: the statement is abandoned */
    bool logical; /* SETB/AIF: NOT is logical; in SETA it complements bits */
};

struct val {
    bool is_char;
    int32_t a;
    struct buf c;
};

/* Evaluate c's statement text from pos up to end. */
void mexpr_init(struct eval *e, struct stmt_ctx *c, int pos, int end);
/* Report an error at offset (only the first of a statement) and return false. */
bool mexpr_fail(struct eval *e, int offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
char mexpr_peek(const struct eval *e);
void mexpr_skip_blanks(struct eval *e);
bool mexpr_expect(struct eval *e, char c);
bool mexpr_at_operand_end(struct eval *e);

bool mexpr_subscripts(struct eval *e, long *subs, int max, int *n);
bool mexpr_arith(struct eval *e, int32_t *out);
bool mexpr_logical(struct eval *e, bool *out);
bool mexpr_typed_value(struct eval *e, enum var_type type, struct val *v);
void mexpr_val_free(struct val *v);
bool mexpr_quoted_string(struct eval *e, struct buf *out);
bool mexpr_is_system_variable(const char *name, size_t len);
bool mexpr_substitute(struct eval *e, int from, int to, struct buf *out);

#endif
