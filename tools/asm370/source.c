/*
 * source.c - reading assembler source into logical statements (see source.h): physical records with
 * tabs expanded, the HLASM columns (text 1-71, continuation mark 72, continuation text from 16, the
 * alternate format for operand lists), COPY members read in place, and offsets mapped back to columns.
 * It does not interpret statements beyond finding COPY and where a record's operands end.
 */
#include "tools/asm370/source.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tools/asm370/fields.h"
#include "common/util.h"

#define END_COLUMN 71      /* last column of statement text */
#define CONT_COLUMN 72     /* non-blank: the statement continues on the next record */
#define CONTINUE_COLUMN 16 /* where continuation text starts */
#define RECORD_COLUMNS 80  /* columns 73-80 are the sequence field; nothing exists beyond 80 */
#define TAB_WIDTH 8
#define COPY_DEPTH_LIMIT 16
#define MEMBER_NAME_MAX 63

/* The chain of files being read, innermost first: COPY uses it to refuse a member that copies itself. */
struct open_file {
    const char *identity; /* canonical path, or NULL for text in memory */
    const char *folder;   /* folder searched first for this file's COPY members */
    int depth;            /* 0 for the file being assembled */
    const struct open_file *outer;
};

/* One file being cut into records. */
struct reader {
    struct src_set *set;
    int file;
    const char *data;
    size_t size, pos;
    int line_no;      /* line number of the record in `record` */
    struct buf record; /* the current record, tabs expanded, CR and newline removed */
};

/* ---- files and messages ------------------------------------------------------------------------ */

static int add_file(struct src_set *set, const char *path)
{
    struct src_file *f = ARRAY_PUSH(set->files, set->nfiles, set->files_cap);
    f->path = xstrdup(path);
    return (int)(set->nfiles - 1);
}

static void reader_message(struct reader *r, int line, int column, enum diag_severity severity, const char *fmt,
                           ...) __attribute__((format(printf, 5, 6)));
static void reader_message(struct reader *r, int line, int column, enum diag_severity severity, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(r->set->diags, src_file_name(r->set, r->file), line, column, -1, severity, fmt, ap);
    va_end(ap);
}

/* Whole file into *out.  False (errno set) if it cannot be opened or read. */
static bool slurp(const char *path, struct buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(out, chunk, n);
    bool ok = !ferror(f);
    int saved = errno;
    fclose(f);
    errno = saved;
    buf_cstr(out);
    return ok;
}

static bool is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder part of a path ("." when there is none). */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/* ---- records -------------------------------------------------------------------------------------- */

/* Append one physical character to the record, expanding a tab to the next multiple of 8 columns. */
static void record_add(struct reader *r, char c)
{
    if (c == '\t') {
        do
            buf_addc(&r->record, ' ');
        while (r->record.len % TAB_WIDTH);
        return;
    }
    if (c == '\0') {
        reader_message(r, r->line_no, (int)r->record.len + 1, DIAG_ERROR, "NUL byte in source (read as a blank)");
        c = ' ';
    }
    buf_addc(&r->record, c);
}

static void warn_beyond_record(struct reader *r)
{
    for (size_t i = RECORD_COLUMNS; i < r->record.len; i++)
        if (r->record.data[i] != ' ') {
            reader_message(r, r->line_no, (int)i + 1, DIAG_WARNING, "text beyond column %d ignored", RECORD_COLUMNS);
            return;
        }
}

static bool is_plain(char c)
{
    return c != '\n' && c != '\t' && c != '\0';
}

/* Read the next physical record; false at end of file. */
static bool next_record(struct reader *r)
{
    if (r->pos >= r->size)
        return false;
    r->record.len = 0;
    r->line_no++;
    while (r->pos < r->size && r->data[r->pos] != '\n') {
        size_t start = r->pos;
        while (r->pos < r->size && is_plain(r->data[r->pos]))
            r->pos++;
        buf_add(&r->record, r->data + start, r->pos - start);
        if (r->pos < r->size && r->data[r->pos] != '\n')
            record_add(r, r->data[r->pos++]); /* a tab or a NUL */
    }
    if (r->pos < r->size)
        r->pos++; /* the newline */
    if (r->record.len && r->record.data[r->record.len - 1] == '\r')
        r->record.len--;
    buf_cstr(&r->record);
    warn_beyond_record(r);
    return true;
}

/* Character in a 1-based column of the current record (blank past its end). */
static char record_column(const struct reader *r, int column)
{
    return (size_t)column <= r->record.len ? r->record.data[column - 1] : ' ';
}

static bool record_continued(const struct reader *r)
{
    return record_column(r, CONT_COLUMN) != ' ';
}

/* Append columns first..71 of the current record to text. */
static void append_columns(const struct reader *r, int first, struct buf *text)
{
    size_t end = r->record.len < END_COLUMN ? r->record.len : END_COLUMN;
    if ((size_t)first <= end)
        buf_add(text, r->record.data + first - 1, end - (size_t)first + 1);
}

/* ---- continuation -------------------------------------------------------------------------------- */

/*
 * Where a continued statement's operands stand at the end of each record.  In the alternate format
 * an operand list ending with ", " leaves the rest of the record as remarks, and the operands go on
 * at column 16 of the next record; operands that run to column 71 (or a quoted string still open
 * there) continue directly.  Scanning resumes where the previous record left off, so a statement of
 * many records is read in linear time.
 */
enum cont_state {
    CONT_FIELDS,   /* the operand field has not started yet */
    CONT_OPERANDS, /* in the operand field; `resume` is a point outside quotes, or an open quote */
    CONT_REMARKS,  /* operands are over: the rest of the statement is remarks */
};

struct cont_scan {
    enum cont_state state;
    int resume;
};

static bool all_blank(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != ' ')
            return false;
    return true;
}

/* Find where the operand field starts, once a record has put something after the operation. */
static void find_operands(struct cont_scan *cs, const struct buf *text, size_t piece_start)
{
    if (piece_start > 0 && all_blank(text->data, piece_start, text->len))
        return;
    struct stmt_fields f;
    fields_split(text->data, &f);
    if (f.comment || f.macro_comment)
        cs->state = CONT_REMARKS;
    else if (!f.blank && text->data[f.operands]) {
        cs->state = CONT_OPERANDS;
        cs->resume = f.operands;
    }
}

/* Called when the record just appended (starting at piece_start) is continued: may drop its remarks. */
static void follow_operands(struct cont_scan *cs, struct buf *text, size_t piece_start)
{
    if (cs->state == CONT_FIELDS)
        find_operands(cs, text, piece_start);
    if (cs->state != CONT_OPERANDS)
        return;
    int unterminated;
    int len = operand_field_length(text->data + cs->resume, &unterminated);
    if (unterminated >= 0) {
        cs->resume += unterminated;
        return;
    }
    size_t end = (size_t)cs->resume + (size_t)len;
    if (end >= text->len) {
        /* runs to column 71: resume one character back so an attribute quote (L'X) split here still
           sees its letter, unless that character is a quote that closed a string */
        size_t back = text->data[text->len - 1] == '\'' ? text->len : text->len - 1;
        cs->resume = (int)(back > (size_t)cs->resume ? back : (size_t)cs->resume);
        return;
    }
    if (end > piece_start && text->data[end - 1] == ',') {
        text->len = end; /* alternate format: the rest of this record is remarks */
        text->data[end] = '\0';
        cs->resume = (int)end;
        return;
    }
    cs->state = CONT_REMARKS;
}

/* Operands that stopped at a comma (outside quotes) must go on in column 16 of the next record. */
static void check_operands_go_on(struct reader *r, const struct cont_scan *cs, const struct buf *text,
                                 size_t piece_start)
{
    bool after_comma = cs->state == CONT_OPERANDS && piece_start > 0 && (size_t)cs->resume + 1 >= piece_start &&
                       text->data[piece_start - 1] == ',';
    if (after_comma && (piece_start >= text->len || text->data[piece_start] == ' '))
        reader_message(r, r->line_no, CONTINUE_COLUMN, DIAG_WARNING,
                       "the operands end with a comma but the continuation record does not start in column %d",
                       CONTINUE_COLUMN);
}

static void warn_continuation_columns(struct reader *r)
{
    for (int c = 1; c < CONTINUE_COLUMN; c++)
        if (record_column(r, c) != ' ') {
            reader_message(r, r->line_no, c, DIAG_WARNING, "columns 1-%d of a continuation record should be blank",
                           CONTINUE_COLUMN - 1);
            return;
        }
}

static void add_piece(struct src_line *line, size_t *cap, size_t offset, int record_line, int column)
{
    struct src_piece *p = ARRAY_PUSH(line->pieces, line->npieces, *cap);
    p->offset = offset > INT_MAX ? INT_MAX : (int)offset;
    p->line = record_line;
    p->column = column;
}

/* Build one logical statement starting with the record just read. */
static void read_statement(struct reader *r, struct src_line *line)
{
    struct buf text = {0};
    size_t pieces_cap = 0;
    memset(line, 0, sizeof *line);
    line->file = r->file;
    line->line = r->line_no;
    append_columns(r, 1, &text);
    add_piece(line, &pieces_cap, 0, r->line_no, 1);
    struct cont_scan cs = {CONT_FIELDS, 0};
    bool continued = record_continued(r);
    while (continued) {
        buf_cstr(&text);
        follow_operands(&cs, &text, (size_t)line->pieces[line->npieces - 1].offset);
        int last_line = r->line_no;
        if (!next_record(r)) {
            reader_message(r, last_line, CONT_COLUMN, DIAG_ERROR, "end of file where a continuation record was expected");
            break;
        }
        warn_continuation_columns(r);
        size_t piece_start = text.len;
        add_piece(line, &pieces_cap, piece_start, r->line_no, CONTINUE_COLUMN);
        append_columns(r, CONTINUE_COLUMN, &text);
        buf_cstr(&text);
        check_operands_go_on(r, &cs, &text, piece_start);
        continued = record_continued(r);
    }
    while (text.len && text.data[text.len - 1] == ' ')
        text.len--;
    line->text = xstrndup(text.len ? text.data : "", text.len);
    buf_free(&text);
}

/* ---- COPY ----------------------------------------------------------------------------------------- */

static void read_text(struct src_set *set, int file, const char *data, size_t size, const struct open_file *self,
                      struct src_lines *out);

static bool valid_member_name(const char *s, int len)
{
    if (len < 1 || len > MEMBER_NAME_MAX || !is_symbol_start((unsigned char)s[0]))
        return false;
    for (int i = 1; i < len; i++)
        if (!is_symbol_char((unsigned char)s[i]))
            return false;
    return true;
}

/* The spellings tried for a member: as written, upper case, lower case (duplicates dropped). */
static int name_variants(const char *name, char variants[3][MEMBER_NAME_MAX + 1])
{
    int n = 0;
    for (int v = 0; v < 3; v++) {
        char *s = variants[n];
        strcpy(s, name);
        for (char *p = s; *p && v > 0; p++)
            *p = (char)(v == 1 ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
        bool seen = false;
        for (int k = 0; k < n; k++)
            seen |= strcmp(variants[k], s) == 0;
        if (!seen)
            n++;
    }
    return n;
}

/* First existing folder/NAME+suffix over the folders, suffixes and spellings; NULL if none. */
static char *find_in_folders(const char *const *folders, size_t nfolders, const char *name,
                             const char *const *suffixes, size_t nsuffixes)
{
    char variants[3][MEMBER_NAME_MAX + 1];
    int nvariants = name_variants(name, variants);
    for (size_t f = 0; f < nfolders; f++)
        for (size_t s = 0; s < nsuffixes; s++)
            for (int v = 0; v < nvariants; v++) {
                char *path = xasprintf("%s/%s%s", folders[f], variants[v], suffixes[s]);
                if (is_regular_file(path))
                    return path;
                free(path);
            }
    return NULL;
}

static char *find_copy_member(const struct src_set *set, const char *folder, const char *name)
{
    static const char *const suffixes[] = {".cpy", ".asm", ".mac", ""};
    const char **folders = xmalloc((set->ninclude + 1) * sizeof *folders);
    folders[0] = folder;
    for (size_t i = 0; i < set->ninclude; i++)
        folders[i + 1] = set->include_dirs[i];
    char *path = find_in_folders(folders, set->ninclude + 1, name, suffixes, sizeof suffixes / sizeof suffixes[0]);
    free(folders);
    return path;
}

static bool copies_itself(const struct open_file *chain, const char *identity)
{
    for (; chain; chain = chain->outer)
        if (chain->identity && strcmp(chain->identity, identity) == 0)
            return true;
    return false;
}

/* Read a found member at the COPY statement `copy` (its lines go to out). */
static void read_member(struct reader *r, const struct src_line *copy, int name_offset, const char *name,
                        const char *path, const struct open_file *includer, struct src_lines *out)
{
    int line, column;
    src_position(copy, name_offset, &line, &column);
    char *identity = realpath(path, NULL);
    if (!identity)
        identity = xstrdup(path);
    struct buf data = {0};
    if (copies_itself(includer, identity))
        reader_message(r, line, column, DIAG_ERROR, "COPY member %s copies itself (directly or through other members)",
                       name);
    else if (includer->depth + 1 > COPY_DEPTH_LIMIT)
        reader_message(r, line, column, DIAG_ERROR, "COPY nested deeper than %d members (at %s)", COPY_DEPTH_LIMIT,
                       name);
    else if (!slurp(path, &data))
        reader_message(r, line, column, DIAG_ERROR, "cannot read COPY member %s: %s", path, strerror(errno));
    else {
        char *folder = folder_of(path);
        struct open_file member = {identity, folder, includer->depth + 1, includer};
        read_text(r->set, add_file(r->set, path), data.data, data.len, &member, out);
        free(folder);
    }
    buf_free(&data);
    free(identity);
}

/* If the statement is COPY NAME, read the member after it. */
static void expand_copy(struct reader *r, const struct src_line *line, const struct open_file *self,
                        struct src_lines *out)
{
    struct stmt_fields f;
    fields_split(line->text, &f);
    if (f.op_len != 4 || strncasecmp_ascii(line->text + f.op, "COPY", 4) != 0)
        return;
    int lineno, column;
    src_position(line, f.operands, &lineno, &column);
    if (!valid_member_name(line->text + f.operands, f.operands_len)) {
        reader_message(r, lineno, column, DIAG_ERROR, "COPY needs a member name (1-%d letters and digits)",
                       MEMBER_NAME_MAX);
        return;
    }
    char *name = xstrndup(line->text + f.operands, (size_t)f.operands_len);
    char *path = find_copy_member(r->set, self->folder, name);
    if (path)
        read_member(r, line, f.operands, name, path, self, out);
    else
        reader_message(r, lineno, column, DIAG_ERROR, "COPY member %s not found", name);
    free(path);
    free(name);
}

/* ---- reading -------------------------------------------------------------------------------------- */

static void read_text(struct src_set *set, int file, const char *data, size_t size, const struct open_file *self,
                      struct src_lines *out)
{
    struct reader r = {.set = set, .file = file, .data = data, .size = size};
    while (next_record(&r)) {
        struct src_line *line = ARRAY_PUSH(out->lines, out->count, out->capacity);
        read_statement(&r, line);
        /* expand_copy appends to out->lines, which may move *line: hand it a copy of the struct */
        struct src_line statement = *line;
        expand_copy(&r, &statement, self, out);
    }
    buf_free(&r.record);
}

void src_init(struct src_set *set, const char **include_dirs, size_t ninclude, struct diag_list *diags)
{
    memset(set, 0, sizeof *set);
    set->include_dirs = include_dirs;
    set->ninclude = ninclude;
    set->diags = diags;
}

void src_free(struct src_set *set)
{
    for (size_t i = 0; i < set->nfiles; i++)
        free(set->files[i].path);
    free(set->files);
    set->files = NULL;
    set->nfiles = set->files_cap = 0;
}

/* Read the file at path as a top-level source (the file assembled, or a macro library member). */
static bool read_top_file(struct src_set *set, const char *path, struct src_lines *out)
{
    struct buf data = {0};
    if (!slurp(path, &data)) {
        diag_add(set->diags, NULL, 0, 0, -1, DIAG_ERROR, "cannot read %s: %s", path, strerror(errno));
        buf_free(&data);
        return false;
    }
    char *identity = realpath(path, NULL);
    char *folder = folder_of(path);
    struct open_file self = {identity, folder, 0, NULL};
    read_text(set, add_file(set, path), data.data, data.len, &self, out);
    free(folder);
    free(identity);
    buf_free(&data);
    return true;
}

bool src_read_file(struct src_set *set, const char *path, struct src_lines *out)
{
    return read_top_file(set, path, out);
}

void src_read_string(struct src_set *set, const char *name, const char *text, struct src_lines *out)
{
    char *folder = folder_of(name);
    struct open_file self = {NULL, folder, 0, NULL};
    read_text(set, add_file(set, name), text, strlen(text), &self, out);
    free(folder);
}

bool src_read_macro(struct src_set *set, const char *name, struct src_lines *out)
{
    static const char *const suffixes[] = {".mac"};
    if (!valid_member_name(name, (int)strlen(name)))
        return false;
    char *path = find_in_folders(set->include_dirs, set->ninclude, name, suffixes, 1);
    if (!path)
        return false;
    bool ok = read_top_file(set, path, out);
    free(path);
    return ok;
}

void src_lines_free(struct src_lines *lines)
{
    for (size_t i = 0; i < lines->count; i++) {
        free(lines->lines[i].text);
        free(lines->lines[i].pieces);
    }
    free(lines->lines);
    memset(lines, 0, sizeof *lines);
}

void src_position(const struct src_line *line, int offset, int *out_line, int *out_column)
{
    int k = 0;
    while (k + 1 < line->npieces && line->pieces[k + 1].offset <= offset)
        k++;
    if (line->npieces == 0) {
        *out_line = line->line;
        *out_column = offset + 1;
        return;
    }
    *out_line = line->pieces[k].line;
    *out_column = line->pieces[k].column + offset - line->pieces[k].offset;
}

const char *src_file_name(const struct src_set *set, int file)
{
    if (file < 0 || (size_t)file >= set->nfiles)
        return NULL;
    return set->files[file].path;
}
