/*
 * asm.h - asm370's library interface: assemble a source, then take the diagnostics, the object module
 * and the listing.  The command line (main.c) and the unit tests both use only this.
 */
#ifndef ASM370_ASM_H
#define ASM370_ASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tools/asm370/diag.h"
#include "tools/asm370/objmod.h"

struct asm_options {
    const char **include_dirs; /* -I: COPY members and NAME.mac macro libraries */
    size_t ninclude;
    const char **defines; /* -D: "SYM=VALUE" (or "SYM", value 1): an absolute symbol SYM EQU VALUE when
                             VALUE is a number or self-defining term, and a global variable &SYM */
    size_t ndefines;
};

struct assembly;

struct assembly *asm_new(const struct asm_options *options);
/* Assemble; true when there were no errors (warnings allowed). */
bool asm_assemble_file(struct assembly *a, const char *path);
bool asm_assemble_string(struct assembly *a, const char *name, const char *text);

const struct diag_list *asm_diagnostics(const struct assembly *a);
const struct obj_module *asm_module(const struct assembly *a);
/* The HLASM-style listing: statements with location and object code, messages under their
   statement, then the symbol cross-reference and a summary. */
void asm_write_listing(const struct assembly *a, FILE *out);
void asm_free(struct assembly *a);

#endif
