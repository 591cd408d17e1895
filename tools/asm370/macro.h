/*
 * macro.h - the macro language and conditional assembly (HLASM "pass 0").
 *
 * The engine walks open code statement by statement, the way HLASM's conditional assembly does:
 * it substitutes variable symbols (&X, &X.SUFFIX, &X(2), '&X'(2,3) substrings are SETC expressions),
 * keeps MACRO...MEND definitions, expands macro calls (source macros first, then NAME.mac from the -I
 * libraries, for operations that are neither defined macros nor known opcodes), runs LCLx/GBLx/SETx,
 * AIF/AGO/ANOP with sequence symbols (also in open code), ACTR, MNOTE and MEXIT, and hands every
 * resulting ordinary statement to the assembler through macro_hooks.statement in order.
 *
 * The assembler defines ordinary symbols as statements arrive, so attribute references to ordinary
 * symbols (L'SYM, T'SYM, D'SYM) see every symbol defined so far, as in HLASM's first pass.
 */
#ifndef ASM370_MACRO_H
#define ASM370_MACRO_H

#include <stdbool.h>

#include "tools/asm370/diag.h"
#include "tools/asm370/source.h"

enum macro_stmt_kind {
    MAC_ORDINARY,  /* assemble it (machine or assembler instruction, or a comment '*' line) */
    MAC_LIST_ONLY, /* show in the listing only: macro definitions, conditional-assembly statements,
                      MNOTE text, .* comments of open code */
};

struct macro_hooks {
    void *ctx;
    /*
     * One statement, after substitution.  `line` is the open-code statement it comes from (the macro
     * call for generated statements), `depth` 0 for open code and the nesting level for generated
     * statements, `macro` the innermost macro's name (NULL in open code).  text is only valid during
     * the call.  A sequence symbol in the name field has already been removed (blanked).
     */
    void (*statement)(void *ctx, const char *text, const struct src_line *line, int depth, const char *macro,
                      enum macro_stmt_kind kind);
    /* True if op is a machine or assembler instruction (case-insensitive). */
    bool (*is_opcode)(void *ctx, const char *op);
    /*
     * Attribute of an ordinary symbol defined so far: attribute is 'L' (length), 'T' (type: *value is
     * the type letter as a character, e.g. 'F', 'C', 'I' for instructions, 'J' for sections, 'U' when
     * undefined), 'D' (1 if defined, else 0).  Returns false if the symbol is not defined (then T' is
     * 'U', D' is 0, and L' is 1 with a warning from the engine, as HLASM does).
     */
    bool (*symbol_attribute)(void *ctx, const char *symbol, char attribute, long *value);
    /* Name of the current control section, for &SYSECT ("" before the first one). */
    const char *(*current_section)(void *ctx);
};

struct macro_engine;

struct macro_engine *macro_create(struct src_set *src, struct diag_list *diags, const struct macro_hooks *hooks);
/*
 * Predefine a global variable symbol (from -D NAME=VALUE): visible in open code and every macro without
 * a GBLx declaration.  Its value is a character string; used where an arithmetic value is needed it is
 * converted as a decimal number (as HLASM converts SETC to SETA).
 */
void macro_define_global(struct macro_engine *m, const char *name, const char *value);
/* Process open code (stops after the END statement, which is passed to the assembler). */
void macro_run(struct macro_engine *m, const struct src_lines *open_code);
void macro_destroy(struct macro_engine *m);

#endif
