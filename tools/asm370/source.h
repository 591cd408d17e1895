/*
 * source.h - reading assembler source into logical statements.
 *
 * Owns: the file table, the HLASM record layout (statement in columns 1-71, continuation mark in
 * column 72, continuation text from column 16, columns 73-80 sequence field), tab expansion, COPY
 * (resolved while reading, searched in the including file's folder and then the -I folders), and the
 * mapping from an offset in a logical statement back to the file's line and column.
 * Does not own: what a statement means (fields.h splits it, the macro engine and assembler interpret it).
 */
#ifndef ASM370_SOURCE_H
#define ASM370_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "tools/asm370/diag.h"

/* Where each physical record of a continued statement starts inside the logical text. */
struct src_piece {
    int offset; /* offset in src_line.text where this record's text begins */
    int line;   /* its line number in the file */
    int column; /* column of that text in the record (1 for the first record, 16 for continuations) */
};

struct src_line {
    char *text; /* the logical statement: columns 1-71 of each record, continuations appended */
    int file;   /* index into the source set's file table */
    int line;   /* line of the first record */
    int npieces;
    struct src_piece *pieces; /* npieces entries; pieces[0] is the first record */
};

struct src_file {
    char *path; /* as opened (used in messages) */
};

struct src_set {
    struct src_file *files;
    size_t nfiles, files_cap;
    const char **include_dirs; /* borrowed from the caller */
    size_t ninclude;
    struct diag_list *diags; /* where read errors go (borrowed) */
};

/* A sequence of logical statements, e.g. one file with its COPY members expanded. */
struct src_lines {
    struct src_line *lines;
    size_t count, capacity;
};

void src_init(struct src_set *set, const char **include_dirs, size_t ninclude, struct diag_list *diags);
void src_free(struct src_set *set);

/* Read a file (COPY expanded).  Returns false and records an error when the file cannot be read. */
bool src_read_file(struct src_set *set, const char *path, struct src_lines *out);
/* The same for text already in memory (tests, generated sources); name is used in messages. */
void src_read_string(struct src_set *set, const char *name, const char *text, struct src_lines *out);
/* Find NAME.mac in the -I folders (macro libraries) and read it; false if there is none. */
bool src_read_macro(struct src_set *set, const char *name, struct src_lines *out);

void src_lines_free(struct src_lines *lines);

/* Map an offset in a logical statement to its file line and column. */
void src_position(const struct src_line *line, int offset, int *out_line, int *out_column);
const char *src_file_name(const struct src_set *set, int file);

#endif
