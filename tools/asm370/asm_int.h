/*
 * asm_int.h - asm370's internal model: statements, symbols, control sections, values with their
 * relocation, USING entries and literal pools, shared by the assembler's modules.
 *
 * How an assembly runs: the macro engine feeds statements one by one (pass 1); the assembler keeps
 * each, defines its symbols and advances the location counter.  Further passes re-run the kept
 * statements until every symbol value and section length is stable (forward references), then the
 * final pass emits the bytes and reports errors.  Only the final pass reports, so a forward reference
 * is never an error just because it was not yet known.
 */
#ifndef ASM370_ASM_INT_H
#define ASM370_ASM_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "tools/asm370/asm.h"
#include "tools/asm370/fields.h"
#include "tools/asm370/macro.h"
#include "tools/asm370/source.h"

#define ASM_MAX_PASSES 10
#define VALUE_MAX_TERMS 4

/* What a relocation id stands for.  Control sections and external symbols are all "relocation bases":
   a relocatable value is an offset plus a count of each base it depends on. */
enum base_kind {
    BASE_CSECT, /* named or private (name "") control section: has text */
    BASE_DSECT, /* dummy section: addresses only */
    BASE_COM,   /* common section: space, no text */
    BASE_EXTRN, /* external reference (EXTRN, V-con) */
    BASE_WXTRN, /* weak external reference */
};

struct section {
    char *name; /* upper case; "" for private code */
    enum base_kind kind;
    uint32_t origin;      /* assembled address of offset 0 (DSECTs: 0) */
    uint32_t loc;         /* location counter, an offset from origin */
    uint32_t high;        /* highest offset reached: the section length */
    uint32_t prev_high;   /* length in the previous pass (to place the next section) */
    int esdid;            /* for the object module; 0 for DSECTs */
    /* final pass text */
    uint8_t *bytes, *defined;
    uint32_t capacity;
};

/* An expression value: v, plus for each relocation base a signed count (absolute when none). */
struct value {
    int64_t v;
    int nterms;
    struct {
        int base;
        int count;
    } terms[VALUE_MAX_TERMS];
};

enum symbol_kind {
    SYM_LABEL,   /* defined by a statement's name field (or EQU) */
    SYM_SECTION, /* a section name */
    SYM_EXTERNAL /* EXTRN/WXTRN name */
};

struct symbol {
    char *name; /* upper case */
    struct symbol *next_in_bucket;
    enum symbol_kind kind;
    bool defined;
    bool changed;   /* value differed from the previous pass */
    struct value value;
    uint32_t length; /* length attribute */
    char type;       /* type attribute (T') */
    int def_stmt;    /* statement that defines it; -1 none yet */
    int using_label; /* the symbol names a labeled USING (qualifier) */
    int *refs;       /* statements that refer to it (final pass), for the cross-reference */
    size_t nrefs, refs_cap;
    bool is_entry;   /* named in ENTRY */
};

struct using_entry {
    int reg;
    struct value base; /* simple relocatable or absolute */
    struct symbol *label; /* labeled USING qualifier, or NULL */
};

struct literal {
    char *text; /* "=F'1'" as written (case kept for C'...'), the identity within a pool */
    int pool;
    uint32_t length, align;
    int order;      /* first use */
    int section;    /* where the pool is placed */
    uint32_t offset; /* its offset in that section (from the previous pass until placed) */
    bool placed;
    int first_stmt; /* statement that first used it (for errors) */
    bool uses_location; /* contains '*': one literal per using statement, '*' = that statement's address */
    struct value location; /* that address (updated each pass) */
};

/* A relocation item found in the final pass, by section index; module.c turns it into an obj_rld. */
struct pending_rld {
    int relocation_base; /* section index of a section or an external symbol */
    int position_section;
    uint32_t address;
    int length;
    bool negative, vcon;
};

/* One statement as the assembler keeps it between passes. */
struct stmt {
    char *text;
    const struct src_line *line; /* open-code statement it comes from */
    int depth;                   /* 0 open code, else macro nesting level */
    const char *macro;           /* innermost macro name (interned) or NULL */
    enum macro_stmt_kind kind;
    struct stmt_fields f;
    /* set by each pass, kept from the final one for the listing */
    int section;
    uint32_t offset;    /* location-counter offset at the statement */
    uint32_t nbytes;    /* bytes it assembled (0 for none) */
    bool has_loc;       /* show the location in the listing */
    int64_t addr[2];    /* effective addresses for the listing (-1 none) */
    bool listed;        /* false when PRINT NOGEN/OFF hid it */
    enum { PAGE_NONE, PAGE_TITLE, PAGE_EJECT, PAGE_SPACE } page_control; /* listing controls: not listed */
    int space_lines;    /* SPACE n */
};

struct assembly {
    struct asm_options options;
    struct src_set src;
    struct src_lines open_code;
    struct diag_list diags;
    /* statements */
    struct stmt *stmts;
    size_t nstmts, stmts_cap;
    int cur;        /* index of the statement being processed */
    int pass;       /* 1, 2, ...; */
    bool final;     /* the final (emitting and reporting) pass */
    bool quiet;     /* suppress statement messages (a literal's text, already checked where it was used) */
    const struct value *location_override; /* what '*' means while a literal is generated, or NULL */
    bool unresolved; /* a value needed for locations was not yet known in this pass */
    bool unsettled;  /* the passes ran out with values still changing: report where, in the final pass */
    bool ended;     /* END seen */
    /* symbols */
    struct symbol **buckets;
    size_t nbuckets, nsymbols;
    struct symbol **symbol_list; /* in definition order, for the cross-reference */
    size_t symbol_list_cap;
    /* sections; index 0.. */
    struct section *sections;
    size_t nsections, sections_cap;
    int cur_section;   /* -1 before the first */
    int first_csect;   /* first section with text, -1 none */
    uint32_t start_value; bool has_start;
    /* USING */
    struct using_entry usings[64];
    int nusings;
    /* literals */
    struct literal *literals;
    size_t nliterals, literals_cap;
    int pool;          /* current pool number */
    int literal_order;
    /* relocation items (final pass) */
    struct pending_rld *rlds;
    size_t nrlds, rlds_cap;
    /* END */
    bool has_entry;
    struct value entry;
    /* listing state */
    bool print_on, print_gen, print_data;
    /* results */
    struct obj_module module;
    char **interned; size_t ninterned, interned_cap;
    struct { const char *copy; int len, offset; } dups[8]; /* recent stmt_dup copies, for operand_offset */
    int ndup;
};

/* symtab.c */
struct symbol *sym_lookup(struct assembly *a, const char *name, size_t len);
struct symbol *sym_get(struct assembly *a, const char *name, size_t len); /* creates if absent */
void sym_define(struct assembly *a, struct symbol *s, const struct value *v, uint32_t length, char type);
void sym_reference(struct assembly *a, struct symbol *s);
int section_find(struct assembly *a, const char *name, enum base_kind kind);
int section_add(struct assembly *a, const char *name, enum base_kind kind);
void symtab_free(struct assembly *a);
const char *intern(struct assembly *a, const char *s);

/* values */
void value_abs(struct value *v, int64_t n);
void value_reloc(struct value *v, int base, int64_t address);
bool value_is_abs(const struct value *v);
bool value_is_simple(const struct value *v); /* exactly one base, count +1 */
void value_add(struct value *r, const struct value *x, int sign);

/* expr.c: evaluate an expression at s; *end gets the offset after it.  Returns false on a syntax
   error (reported in the final pass).  *known is false when a symbol was undefined. */
struct expr_result {
    struct value value;
    bool known;          /* every symbol defined */
    struct symbol *first_symbol; /* leftmost symbol term: its length attribute is the implied length */
    int first_literal;   /* literal index if the whole expression was a literal, else -1 */
    struct symbol *qualifier; /* labeled-USING qualifier used, if any */
    uint32_t implied_length; /* length attribute of the leftmost term (1 if none) */
};
bool expr_eval(struct assembly *a, const char *s, int *end, struct expr_result *r);
bool expr_absolute(struct assembly *a, const char *s, int64_t *out, int col); /* whole-operand absolute */

/* diagnostics against the current statement (final pass only unless `always`) */
void stmt_error(struct assembly *a, int column_offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void stmt_warning(struct assembly *a, int column_offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int operand_offset(struct assembly *a, const char *p); /* offset of p in the current statement text */
/* A NUL-terminated copy of text[offset, offset+len) of the current statement; messages about text in the
   copy still point at the right column.  Free with free(). */
char *stmt_dup(struct assembly *a, int offset, int len);
/* The same for len bytes at p, text that stands at statement offset `offset` (or in a literal). */
char *text_dup(struct assembly *a, const char *p, int len, int offset);

/* location counter and text */
uint32_t cur_location(struct assembly *a); /* assembled address of the location counter */
void emit_bytes(struct assembly *a, const uint8_t *bytes, uint32_t n);
void reserve_bytes(struct assembly *a, uint32_t n);
void align_to(struct assembly *a, uint32_t alignment, bool fill_defined);
void add_rld(struct assembly *a, const struct value *v, uint32_t offset, int length, bool vcon);
void ensure_section(struct assembly *a);
void label_here(struct assembly *a, uint32_t length, char type); /* define the name field here */

/* instr.c */
bool instr_is_machine(const char *op, size_t len);
bool instr_assemble(struct assembly *a, const char *op, size_t len);
bool resolve_address(struct assembly *a, const struct expr_result *r, int col, unsigned *base, unsigned *disp);

/* dc.c */
void dc_statement(struct assembly *a, bool reserve_only);
void ccw_statement(struct assembly *a);
int literal_use(struct assembly *a, const char *text, int col);
void literal_pool(struct assembly *a, bool at_end);
bool literal_value(struct assembly *a, int index, struct value *v, uint32_t *length);

/* listing.c */
void listing_write(const struct assembly *a, FILE *out);

/* module.c */
void module_build(struct assembly *a);

/* operand splitting: top-level commas outside quotes and parentheses */
int split_operands(const char *s, int len, int *starts, int *lens, int max);

#endif
