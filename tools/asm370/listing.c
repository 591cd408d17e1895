/*
 * listing.c - the assembler listing in HLASM's layout: location, object code grouped by instruction
 * fields, effective addresses, statement number ('+' for generated statements) and source; messages
 * under the statement they belong to; then the symbol cross-reference and a diagnostic summary.
 */
#include <string.h>

#include "tools/asm370/asm_int.h"
#include "common/util.h"

#define LISTING_HEADING "  Loc  Object Code      Addr1  Addr2  Stmt  Source Statement\n"

/* Page state: headings are written lazily, before the first line of each page. */
struct page {
    const char *title; /* inside the quotes of the last TITLE */
    int title_len;
    int number;
    bool need_heading;
};

static void heading(struct page *pg, FILE *out)
{
    if (!pg->need_heading)
        return;
    if (pg->number++)
        fputc('\f', out);
    fprintf(out, "asm370  %-72.*s Page %4d\n\n" LISTING_HEADING, pg->title_len, pg->title ? pg->title : "",
            pg->number);
    pg->need_heading = false;
}

/* TITLE, EJECT and SPACE change the page instead of being listed. */
static void page_control(const struct stmt *st, struct page *pg, FILE *out)
{
    switch (st->page_control) {
    case PAGE_TITLE:
        if (st->f.operands_len >= 2) {
            pg->title = st->text + st->f.operands + 1;
            pg->title_len = st->f.operands_len - 2;
        }
        pg->need_heading = true;
        break;
    case PAGE_EJECT:
        pg->need_heading = true;
        break;
    case PAGE_SPACE:
        for (int i = 0; i < st->space_lines && !pg->need_heading; i++)
            fputc('\n', out);
        break;
    case PAGE_NONE:
        break;
    }
}

/* Object code as HLASM groups it: instructions in halfwords, constants as a run (first 8 bytes). */
static void object_code(const struct assembly *a, const struct stmt *st, char *out, size_t size)
{
    out[0] = '\0';
    if (!st->nbytes || st->section < 0)
        return;
    const struct section *s = &a->sections[st->section];
    if (s->kind != BASE_CSECT || !s->bytes || st->offset >= s->capacity)
        return;
    uint32_t n = st->nbytes > 8 ? 8 : st->nbytes;
    if (st->offset + n > s->capacity)
        n = s->capacity - st->offset;
    bool defined = false;
    for (uint32_t i = 0; i < n; i++)
        defined |= s->defined[st->offset + i] != 0;
    if (!defined)
        return;
    bool instruction = st->f.op_len && instr_is_machine(st->text + st->f.op, (size_t)st->f.op_len);
    size_t used = 0;
    for (uint32_t i = 0; i < n && used + 4 < size; i++) {
        if (instruction && i && i % 2 == 0)
            out[used++] = ' ';
        used += (size_t)snprintf(out + used, size - used, "%02X", s->bytes[st->offset + i]);
    }
}

static void address_field(int64_t addr, char *out, size_t size)
{
    if (addr < 0)
        snprintf(out, size, "%s", "");
    else
        snprintf(out, size, "%06X", (unsigned)(addr & 0xFFFFFF));
}

static void write_messages(const struct assembly *a, int stmt, FILE *out)
{
    static const char *const severity[] = {"note", "warning", "error"};
    for (size_t i = 0; i < a->diags.count; i++) {
        const struct diag *d = &a->diags.items[i];
        if (d->stmt == stmt)
            fprintf(out, "** %s: %s\n", severity[d->severity], d->message);
    }
}

static void write_statement(const struct assembly *a, int index, struct page *pg, FILE *out)
{
    const struct stmt *st = &a->stmts[index];
    bool has_messages = false;
    for (size_t i = 0; i < a->diags.count && !has_messages; i++)
        has_messages = a->diags.items[i].stmt == index;
    if (st->page_control != PAGE_NONE && st->kind == MAC_ORDINARY && st->listed) {
        page_control(st, pg, out);
        if (!has_messages)
            return;
    }
    if (!st->listed && !has_messages)
        return;
    heading(pg, out);
    char loc[16] = "", code[32], addr1[16], addr2[16];
    if (st->has_loc && st->section >= 0)
        snprintf(loc, sizeof loc, "%06X", (a->sections[st->section].origin + st->offset) & 0xFFFFFF);
    object_code(a, st, code, sizeof code);
    address_field(st->addr[0], addr1, sizeof addr1);
    address_field(st->addr[1], addr2, sizeof addr2);
    fprintf(out, "%-6s %-16s %-6s %-6s%5d%c %s\n", loc, code, addr1, addr2, index + 1, st->depth ? '+' : ' ', st->text);
    write_messages(a, index, out);
}

static const char *section_kind_name(enum base_kind kind)
{
    static const char *const names[] = {"SD", "DSECT", "CM", "ER", "WX"};
    return names[kind];
}

static void write_cross_reference(const struct assembly *a, FILE *out)
{
    fprintf(out, "\f%-28s Ordinary Symbol Cross Reference\n\n", "");
    fprintf(out, "Symbol                            Length   Value  Id    R Type  Defn  References\n");
    for (size_t i = 0; i < a->nsymbols; i++) {
        const struct symbol *s = a->symbol_list[i];
        if (!s->defined && !s->nrefs)
            continue;
        int id = value_is_simple(&s->value) ? a->sections[s->value.terms[0].base].esdid : 0;
        char id_text[12] = "-";
        if (id)
            snprintf(id_text, sizeof id_text, "%d", id);
        fprintf(out, "%-32s %7u %08X  %-5s %c  %c  ", s->name, s->length, (uint32_t)s->value.v, id_text,
                s->defined && value_is_abs(&s->value) ? 'A' : ' ', s->defined ? s->type : 'U');
        if (s->def_stmt >= 0)
            fprintf(out, "%5d ", s->def_stmt + 1);
        else
            fprintf(out, "%5s ", s->defined ? "-D" : "undef");
        for (size_t k = 0; k < s->nrefs; k++)
            fprintf(out, " %d", s->refs[k] + 1);
        fputc('\n', out);
    }
    fprintf(out, "\nSections\n");
    for (size_t i = 0; i < a->nsections; i++) {
        const struct section *s = &a->sections[i];
        fprintf(out, "  %-8s %-5s origin %06X length %06X esdid %d\n", s->name[0] ? s->name : "(private)",
                section_kind_name(s->kind), s->origin, s->high, s->esdid);
    }
}

void listing_write(const struct assembly *a, FILE *out)
{
    struct page pg = {.need_heading = true};
    for (size_t i = 0; i < a->nstmts; i++)
        write_statement(a, (int)i, &pg, out);
    heading(&pg, out);
    write_cross_reference(a, out);
    fprintf(out, "\nDiagnostics\n");
    diag_print(&a->diags, out);
    fprintf(out, "%zu statements, %zu errors, %zu warnings\n", a->nstmts, a->diags.errors, a->diags.warnings);
}
