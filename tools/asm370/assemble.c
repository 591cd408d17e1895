/*
 * assemble.c - the assembler's driver: receives statements from the macro engine, runs the passes
 * (see asm_int.h for how they work), owns the location counter and the text of each section, and
 * handles the assembler instructions that shape sections and symbols (CSECT, DSECT, START, COM, EQU,
 * USING, DROP, ORG, CNOP, LTORG, END, ENTRY, EXTRN, WXTRN and the listing controls).  Machine
 * instructions are in instr.c, constants in dc.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm_int.h"
#include "common/util.h"

/* ---- diagnostics against the current statement ------------------------------------------------ */

int operand_offset(struct assembly *a, const char *p)
{
    const char *text = a->stmts[a->cur].text;
    size_t len = strlen(text);
    if (p >= text && p <= text + len)
        return (int)(p - text);
    /* newest first: a freed copy's address may have been reused by a newer one (only compared, never read) */
    for (int k = 1; k <= 8; k++) {
        int i = (a->ndup - k + 8) % 8;
        const char *c = a->dups[i].copy;
        if (c && p >= c && p <= c + a->dups[i].len)
            return a->dups[i].offset + (int)(p - c);
    }
    return 0;
}

char *text_dup(struct assembly *a, const char *p, int len, int offset)
{
    char *copy = xstrndup(p, (size_t)len);
    a->dups[a->ndup].copy = copy;
    a->dups[a->ndup].len = len;
    a->dups[a->ndup].offset = offset;
    a->ndup = (a->ndup + 1) % 8;
    return copy;
}

char *stmt_dup(struct assembly *a, int offset, int len)
{
    return text_dup(a, a->stmts[a->cur].text + offset, len, offset);
}

static void stmt_report(struct assembly *a, int offset, enum diag_severity sev, const char *fmt, va_list ap)
{
    if (!a->final || a->quiet)
        return;
    const struct stmt *st = &a->stmts[a->cur];
    int line = st->line ? st->line->line : 0, column = 0;
    const char *file = st->line ? src_file_name(&a->src, st->line->file) : NULL;
    char *msg = xvasprintf(fmt, ap);
    if (st->depth == 0 && st->line)
        src_position(st->line, offset, &line, &column);
    if (st->macro)
        diag_add(&a->diags, file, line, column, a->cur, sev, "in macro %s: %s", st->macro, msg);
    else
        diag_add(&a->diags, file, line, column, a->cur, sev, "%s", msg);
    free(msg);
}

void stmt_error(struct assembly *a, int offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    stmt_report(a, offset, DIAG_ERROR, fmt, ap);
    va_end(ap);
}

void stmt_warning(struct assembly *a, int offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    stmt_report(a, offset, DIAG_WARNING, fmt, ap);
    va_end(ap);
}

/* ---- operands ----------------------------------------------------------------------------------- */

int split_operands(const char *s, int len, int *starts, int *lens, int max)
{
    int n = 0, depth = 0, start = 0;
    for (int i = 0; i <= len; i++) {
        if (i < len && s[i] == '\'' && !quote_is_attribute(s, i)) {
            for (i++; i < len && !(s[i] == '\'' && (i + 1 >= len || s[i + 1] != '\'')); i++)
                if (s[i] == '\'')
                    i++;
            continue;
        }
        if (i < len && s[i] == '(')
            depth++;
        else if (i < len && s[i] == ')')
            depth--;
        else if (i == len || (s[i] == ',' && depth == 0)) {
            if (n < max) {
                starts[n] = start;
                lens[n] = i - start;
            }
            n++;
            start = i + 1;
        }
    }
    if (len == 0)
        return 0;
    return n;
}

/* ---- location counter and text ------------------------------------------------------------------ */

void ensure_section(struct assembly *a)
{
    if (a->cur_section >= 0)
        return;
    int s = section_find(a, "", BASE_CSECT);
    if (s < 0)
        s = section_add(a, "", BASE_CSECT);
    a->cur_section = s;
    if (a->first_csect < 0)
        a->first_csect = s;
}

uint32_t cur_location(struct assembly *a)
{
    ensure_section(a);
    const struct section *s = &a->sections[a->cur_section];
    return s->origin + s->loc;
}

static void note_location(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    if (!st->has_loc) {
        st->has_loc = true;
        st->section = a->cur_section;
        st->offset = a->sections[a->cur_section].loc;
    }
}

static void advance(struct assembly *a, uint32_t n)
{
    struct section *s = &a->sections[a->cur_section];
    uint64_t end = (uint64_t)s->loc + n;
    if (end > 0x1000000) {
        stmt_error(a, 0, "location counter exceeds 16 MB");
        end = 0x1000000;
    }
    s->loc = (uint32_t)end;
    if (s->loc > s->high)
        s->high = s->loc;
}

static void text_room(struct section *s, uint32_t end)
{
    if (end <= s->capacity)
        return;
    uint32_t cap = s->capacity ? s->capacity : 4096;
    while (cap < end)
        cap *= 2;
    s->bytes = xrealloc(s->bytes, cap);
    s->defined = xrealloc(s->defined, cap);
    memset(s->bytes + s->capacity, 0, cap - s->capacity);
    memset(s->defined + s->capacity, 0, cap - s->capacity);
    s->capacity = cap;
}

void emit_bytes(struct assembly *a, const uint8_t *bytes, uint32_t n)
{
    ensure_section(a);
    note_location(a);
    struct section *s = &a->sections[a->cur_section];
    if (a->final && s->kind == BASE_CSECT && s->loc + (uint64_t)n <= 0x1000000) {
        text_room(s, s->loc + n);
        memcpy(s->bytes + s->loc, bytes, n);
        memset(s->defined + s->loc, 1, n);
    }
    a->stmts[a->cur].nbytes += n;
    advance(a, n);
}

void reserve_bytes(struct assembly *a, uint32_t n)
{
    ensure_section(a);
    note_location(a);
    a->stmts[a->cur].nbytes += n;
    advance(a, n);
}

void align_to(struct assembly *a, uint32_t alignment, bool fill_defined)
{
    ensure_section(a);
    struct section *s = &a->sections[a->cur_section];
    uint32_t pad = (alignment - s->loc % alignment) % alignment;
    if (!pad)
        return;
    if (fill_defined && a->final && s->kind == BASE_CSECT && s->loc + pad <= 0x1000000) {
        text_room(s, s->loc + pad);
        memset(s->bytes + s->loc, 0, pad);
        memset(s->defined + s->loc, 1, pad);
    }
    advance(a, pad);
}

void add_rld(struct assembly *a, const struct value *v, uint32_t offset, int length, bool vcon)
{
    if (!a->final || a->sections[a->cur_section].kind != BASE_CSECT)
        return;
    for (int i = 0; i < v->nterms; i++) {
        for (int k = 0; k < abs(v->terms[i].count); k++) {
            struct pending_rld *r = ARRAY_PUSH(a->rlds, a->nrlds, a->rlds_cap);
            r->relocation_base = v->terms[i].base;
            r->position_section = a->cur_section;
            r->address = a->sections[a->cur_section].origin + offset;
            r->length = length;
            r->negative = v->terms[i].count < 0;
            r->vcon = vcon;
        }
    }
}

/* ---- labels ------------------------------------------------------------------------------------- */

static bool valid_symbol(const char *s, int len)
{
    if (len < 1 || len > 63 || !is_symbol_start((unsigned char)s[0]))
        return false;
    for (int i = 1; i < len; i++)
        if (!is_symbol_char((unsigned char)s[i]))
            return false;
    return true;
}

/* The statement's name field as a symbol, or NULL (an invalid name is reported). */
static struct symbol *stmt_label(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    if (!st->f.name_len)
        return NULL;
    const char *name = st->text + st->f.name;
    if (!valid_symbol(name, st->f.name_len)) {
        stmt_error(a, st->f.name, "invalid name field '%.*s'", st->f.name_len, name);
        return NULL;
    }
    return sym_get(a, name, (size_t)st->f.name_len);
}

/* Define the name-field symbol at the current location with the given length and type attributes. */
void label_here(struct assembly *a, uint32_t length, char type)
{
    struct symbol *s = stmt_label(a);
    ensure_section(a);
    note_location(a);
    if (!s)
        return;
    struct value v;
    value_reloc(&v, a->cur_section, cur_location(a));
    sym_define(a, s, &v, length, type);
}

/* ---- sections ----------------------------------------------------------------------------------- */

static void switch_section(struct assembly *a, enum base_kind kind, bool allow_unnamed)
{
    struct stmt *st = &a->stmts[a->cur];
    char name[64] = "";
    if (st->f.name_len) {
        if (!valid_symbol(st->text + st->f.name, st->f.name_len)) {
            stmt_error(a, st->f.name, "invalid section name '%.*s'", st->f.name_len, st->text + st->f.name);
            return;
        }
        memcpy(name, st->text + st->f.name, (size_t)st->f.name_len);
        name[st->f.name_len] = '\0';
    } else if (!allow_unnamed) {
        stmt_error(a, st->f.op, "%.*s needs a name", st->f.op_len, st->text + st->f.op);
        return;
    }
    int s = section_find(a, name, kind);
    if (s < 0) {
        struct symbol *sym = name[0] ? sym_lookup(a, name, strlen(name)) : NULL;
        if (sym && sym->kind == SYM_SECTION && sym->defined) {
            stmt_error(a, 0, "%s is already a section of another kind", name);
            return;
        }
        s = section_add(a, name, kind);
    }
    a->cur_section = s;
    if (kind == BASE_CSECT && a->first_csect < 0)
        a->first_csect = s;
    note_location(a);
    if (name[0]) {
        struct symbol *sym = sym_get(a, name, strlen(name));
        bool resumed = sym->kind == SYM_SECTION && sym->def_stmt >= 0 && sym->def_stmt != a->cur;
        if (!resumed) {
            if (sym->def_stmt == -1)
                sym->kind = SYM_SECTION;
            struct value v;
            value_reloc(&v, s, a->sections[s].origin);
            sym_define(a, sym, &v, 1, 'J');
        }
    }
}

static void do_csect(struct assembly *a)
{
    switch_section(a, BASE_CSECT, true);
}

static void do_dsect(struct assembly *a)
{
    switch_section(a, BASE_DSECT, false);
}

static void do_com(struct assembly *a)
{
    switch_section(a, BASE_COM, true);
}

static void do_start(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    if (a->cur_section >= 0)
        stmt_error(a, st->f.op, "START must come before any other section");
    int64_t v = 0;
    if (st->f.operands_len) {
        char *op = xstrndup(st->text + st->f.operands, (size_t)st->f.operands_len);
        if (expr_absolute(a, op, &v, st->f.operands) && (v < 0 || v > 0xFFFFFF)) {
            stmt_error(a, st->f.operands, "START address %lld out of range", (long long)v);
            v = 0;
        }
        free(op);
    }
    if (v % 8) {
        stmt_warning(a, st->f.operands, "START address rounded up to a doubleword boundary");
        v = (v + 7) & ~7;
    }
    a->has_start = true;
    a->start_value = (uint32_t)v;
    do_csect(a);
}

/* Place sections for the next pass: control sections one after another, each on a doubleword, from
   the START value; common sections after them. */
static bool place_sections(struct assembly *a)
{
    bool changed = false;
    uint32_t next = a->has_start ? a->start_value : 0;
    for (int pass = 0; pass < 2; pass++) {
        enum base_kind kind = pass == 0 ? BASE_CSECT : BASE_COM;
        for (size_t i = 0; i < a->nsections; i++) {
            struct section *s = &a->sections[i];
            if (s->kind != kind)
                continue;
            if (s->origin != next)
                changed = true;
            s->origin = next;
            next = (next + s->high + 7) & ~7u;
        }
    }
    return changed;
}

/* ---- symbols: EQU, ENTRY, EXTRN ----------------------------------------------------------------- */

static char *operand_copy(struct assembly *a, int start, int len)
{
    return stmt_dup(a, start, len);
}

static void do_equ(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    struct symbol *s = stmt_label(a);
    if (!s) {
        if (!st->f.name_len)
            stmt_error(a, st->f.op, "EQU needs a name");
        return;
    }
    int starts[4], lens[4];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 4);
    if (n < 1 || n > 3 || lens[0] == 0) {
        stmt_error(a, st->f.operands, "EQU takes value[,length[,type]]");
        return;
    }
    char *text = operand_copy(a, st->f.operands + starts[0], lens[0]);
    struct expr_result r;
    int end;
    bool ok = expr_eval(a, text, &end, &r);
    if (ok && text[end])
        stmt_error(a, st->f.operands + starts[0] + end, "unexpected text after EQU value");
    free(text);
    if (!ok)
        return;
    if (!r.known)
        a->unresolved = true;
    uint32_t length = r.implied_length;
    char type = value_is_abs(&r.value) ? 'U' : (r.first_symbol && r.first_symbol->defined ? r.first_symbol->type : 'U');
    if (n >= 2 && lens[1]) {
        int64_t len;
        char *t = operand_copy(a, st->f.operands + starts[1], lens[1]);
        if (expr_absolute(a, t, &len, st->f.operands + starts[1])) {
            if (len < 0 || len > 65535)
                stmt_error(a, st->f.operands + starts[1], "length attribute %lld out of range 0-65535", (long long)len);
            else
                length = (uint32_t)len;
        }
        free(t);
    }
    if (n == 3 && lens[2]) {
        int64_t t;
        char *tt = operand_copy(a, st->f.operands + starts[2], lens[2]);
        if (expr_absolute(a, tt, &t, st->f.operands + starts[2]))
            type = (char)t == 0 ? 'U' : (char)(t & 0xFF);
        free(tt);
    }
    if (!value_is_abs(&r.value) && !value_is_simple(&r.value))
        stmt_error(a, st->f.operands, "EQU value is complexly relocatable");
    sym_define(a, s, &r.value, length, type);
    st->has_loc = false;
}

static void external_symbols(struct assembly *a, enum base_kind kind)
{
    struct stmt *st = &a->stmts[a->cur];
    int starts[256], lens[256];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 256);
    if (n == 0)
        stmt_error(a, st->f.op, "symbol names expected");
    for (int i = 0; i < n && i < 256; i++) {
        const char *name = st->text + st->f.operands + starts[i];
        if (!valid_symbol(name, lens[i])) {
            stmt_error(a, st->f.operands + starts[i], "invalid symbol '%.*s'", lens[i], name);
            continue;
        }
        struct symbol *s = sym_get(a, name, (size_t)lens[i]);
        if (kind == BASE_CSECT) { /* ENTRY */
            s->is_entry = true;
            sym_reference(a, s);
            continue;
        }
        int base = section_find(a, s->name, kind);
        if (base < 0)
            base = section_add(a, s->name, kind);
        if (s->def_stmt >= 0 && s->def_stmt != a->cur)
            continue; /* already defined: EXTRN of a local name is ignored, as sym_define would complain */
        s->kind = SYM_EXTERNAL;
        struct value v;
        value_reloc(&v, base, 0);
        sym_define(a, s, &v, 1, 'T');
    }
}

static void do_entry(struct assembly *a)
{
    external_symbols(a, BASE_CSECT);
}

static void do_extrn(struct assembly *a)
{
    external_symbols(a, BASE_EXTRN);
}

static void do_wxtrn(struct assembly *a)
{
    external_symbols(a, BASE_WXTRN);
}

/* ---- USING and DROP ----------------------------------------------------------------------------- */

static void using_drop_register(struct assembly *a, int reg)
{
    for (int i = 0; i < a->nusings; i++) {
        if (a->usings[i].reg == reg && !a->usings[i].label) {
            a->usings[i] = a->usings[--a->nusings];
            i--;
        }
    }
}

static void do_using(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    int starts[17], lens[17];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 17);
    if (n < 2 || n > 17) {
        stmt_error(a, st->f.operands, "USING takes base,register[,register...]");
        return;
    }
    char *text = operand_copy(a, st->f.operands + starts[0], lens[0]);
    struct expr_result base;
    int end;
    bool ok = expr_eval(a, text, &end, &base);
    free(text);
    if (!ok)
        return;
    if (!value_is_abs(&base.value) && !value_is_simple(&base.value)) {
        stmt_error(a, st->f.operands, "USING base must be absolute or simply relocatable");
        return;
    }
    struct symbol *label = NULL;
    if (st->f.name_len) {
        label = stmt_label(a);
        if (label)
            label->using_label = 1;
    }
    for (int i = 1; i < n; i++) {
        int64_t reg;
        char *r = operand_copy(a, st->f.operands + starts[i], lens[i]);
        bool good = expr_absolute(a, r, &reg, st->f.operands + starts[i]);
        free(r);
        if (!good)
            continue;
        if (reg < 0 || reg > 15) {
            stmt_error(a, st->f.operands + starts[i], "register %lld out of range 0-15", (long long)reg);
            continue;
        }
        if (!label)
            using_drop_register(a, (int)reg);
        if (a->nusings == (int)(sizeof a->usings / sizeof a->usings[0])) {
            stmt_error(a, st->f.operands, "too many active USINGs");
            return;
        }
        struct using_entry *u = &a->usings[a->nusings++];
        u->reg = (int)reg;
        u->base = base.value;
        u->base.v += 4096 * (i - 1); /* each further register covers the next 4096 bytes */
        u->label = label;
    }
}

static void do_drop(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    if (!st->f.operands_len) {
        a->nusings = 0;
        return;
    }
    int starts[32], lens[32];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 32);
    for (int i = 0; i < n && i < 32; i++) {
        const char *p = st->text + st->f.operands + starts[i];
        struct symbol *label = valid_symbol(p, lens[i]) ? sym_lookup(a, p, (size_t)lens[i]) : NULL;
        if (label && label->using_label) {
            for (int k = 0; k < a->nusings; k++)
                if (a->usings[k].label == label)
                    a->usings[k--] = a->usings[--a->nusings];
            continue;
        }
        int64_t reg;
        char *r = operand_copy(a, st->f.operands + starts[i], lens[i]);
        bool good = expr_absolute(a, r, &reg, st->f.operands + starts[i]);
        free(r);
        if (good && (reg < 0 || reg > 15))
            stmt_error(a, st->f.operands + starts[i], "register %lld out of range 0-15", (long long)reg);
        else if (good)
            using_drop_register(a, (int)reg);
    }
}

/* ---- ORG, CNOP, LTORG, END ---------------------------------------------------------------------- */

static void do_org(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    ensure_section(a);
    struct section *sec = &a->sections[a->cur_section];
    label_here(a, 1, 'U');
    /* no operand, or "ORG ," (an empty operand before remarks): the highest location so far */
    if (!st->f.operands_len || (st->f.operands_len == 1 && st->text[st->f.operands] == ',')) {
        sec->loc = sec->high;
        return;
    }
    char *text = operand_copy(a, st->f.operands, st->f.operands_len);
    struct expr_result r;
    int end;
    bool ok = expr_eval(a, text, &end, &r);
    free(text);
    if (!ok)
        return;
    if (!r.known) {
        a->unresolved = true;
        return;
    }
    if (!value_is_simple(&r.value) || r.value.terms[0].base != a->cur_section) {
        stmt_error(a, st->f.operands, "ORG operand must be an address in the current section");
        return;
    }
    int64_t offset = r.value.v - sec->origin;
    if (offset < 0 || offset > 0xFFFFFF) {
        stmt_error(a, st->f.operands, "ORG operand is before the start of the section");
        return;
    }
    sec->loc = (uint32_t)offset;
    if (sec->loc > sec->high)
        sec->high = sec->loc;
}

static void do_cnop(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    int starts[2], lens[2];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 2);
    int64_t b = 0, w = 0;
    if (n != 2) {
        stmt_error(a, st->f.operands, "CNOP takes byte,boundary (e.g. CNOP 0,4)");
        return;
    }
    char *t1 = operand_copy(a, st->f.operands + starts[0], lens[0]);
    char *t2 = operand_copy(a, st->f.operands + starts[1], lens[1]);
    bool ok = expr_absolute(a, t1, &b, 0) && expr_absolute(a, t2, &w, 0);
    free(t1);
    free(t2);
    if (!ok)
        return;
    if ((w != 4 && w != 8) || b < 0 || b >= w || b % 2) {
        stmt_error(a, st->f.operands, "CNOP %lld,%lld: boundary must be 4 or 8 and the byte 0, 2, 4 or 6 below it",
                   (long long)b, (long long)w);
        return;
    }
    align_to(a, 2, true);
    static const uint8_t nopr[2] = {0x07, 0x00};
    while (cur_location(a) % (uint32_t)w != (uint32_t)b)
        emit_bytes(a, nopr, 2);
    label_here(a, 1, 'I');
}

static void do_ltorg(struct assembly *a)
{
    align_to(a, 8, false);
    label_here(a, 1, 'U');
    literal_pool(a, false);
}

static void do_end(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    a->ended = true;
    int saved = a->cur_section;
    literal_pool(a, true);
    a->cur_section = saved;
    if (!st->f.operands_len)
        return;
    char *text = operand_copy(a, st->f.operands, st->f.operands_len);
    struct expr_result r;
    int end;
    bool ok = expr_eval(a, text, &end, &r);
    if (ok && text[end])
        stmt_error(a, st->f.operands + end, "unexpected text after END operand");
    free(text);
    if (!ok)
        return;
    if (!value_is_simple(&r.value) || a->sections[r.value.terms[0].base].kind != BASE_CSECT) {
        stmt_error(a, st->f.operands, "END operand must be an address in a control section");
        return;
    }
    a->has_entry = true;
    a->entry = r.value;
}

/* ---- listing controls --------------------------------------------------------------------------- */

static void do_print(struct assembly *a)
{
    static const struct {
        const char *word;
        size_t field;
        bool value;
    } options[] = {
        {"ON", offsetof(struct assembly, print_on), true},     {"OFF", offsetof(struct assembly, print_on), false},
        {"GEN", offsetof(struct assembly, print_gen), true},   {"NOGEN", offsetof(struct assembly, print_gen), false},
        {"DATA", offsetof(struct assembly, print_data), true}, {"NODATA", offsetof(struct assembly, print_data), false},
    };
    struct stmt *st = &a->stmts[a->cur];
    int starts[8], lens[8];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 8);
    for (int i = 0; i < n && i < 8; i++) {
        const char *w = st->text + st->f.operands + starts[i];
        size_t k = 0;
        while (k < sizeof options / sizeof options[0] &&
               !(strlen(options[k].word) == (size_t)lens[i] && strncasecmp_ascii(options[k].word, w, (size_t)lens[i]) == 0))
            k++;
        if (k == sizeof options / sizeof options[0]) {
            if (!(lens[i] == 5 && strncasecmp_ascii(w, "NOMSG", 5) == 0) && !(lens[i] == 3 && strncasecmp_ascii(w, "MSG", 3) == 0))
                stmt_warning(a, st->f.operands + starts[i], "unknown PRINT option '%.*s' ignored", lens[i], w);
            continue;
        }
        *(bool *)((char *)a + options[k].field) = options[k].value;
    }
}

/* TITLE 'text': a new page headed by text (the listing reads the text from the statement). */
static void do_title(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    const char *p = st->text + st->f.operands;
    int len = st->f.operands_len;
    st->page_control = PAGE_TITLE;
    if (len < 2 || p[0] != '\'' || p[len - 1] != '\'')
        stmt_error(a, st->f.operands_len ? st->f.operands : st->f.op, "TITLE operand must be a quoted string");
}

static void do_eject(struct assembly *a)
{
    a->stmts[a->cur].page_control = PAGE_EJECT;
}

/* SPACE [n]: n blank lines in the listing (default 1). */
static void do_space(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    int64_t n = 1;
    st->page_control = PAGE_SPACE;
    if (st->f.operands_len) {
        char *t = stmt_dup(a, st->f.operands, st->f.operands_len);
        if (expr_absolute(a, t, &n, st->f.operands) && (n < 0 || n > 99)) {
            stmt_error(a, st->f.operands, "SPACE count %lld out of range 0-99", (long long)n);
            n = 1;
        }
        free(t);
    }
    st->space_lines = (int)n;
}

static void do_nothing(struct assembly *a)
{
    (void)a;
}

/* ---- statement dispatch ------------------------------------------------------------------------- */

static void do_dc(struct assembly *a)
{
    dc_statement(a, false);
}

static void do_ds(struct assembly *a)
{
    dc_statement(a, true);
}

static const struct directive {
    const char *name;
    void (*handle)(struct assembly *a);
    bool labels_itself; /* otherwise the name field is ignored or an error */
} directives[] = {
    {"CSECT", do_csect, true}, {"DSECT", do_dsect, true}, {"START", do_start, true},  {"COM", do_com, true},
    {"EQU", do_equ, true},     {"DC", do_dc, true},       {"DS", do_ds, true},        {"CCW", ccw_statement, true},
    {"CCW0", ccw_statement, true}, {"USING", do_using, true}, {"DROP", do_drop, false}, {"ORG", do_org, true},
    {"CNOP", do_cnop, true},   {"LTORG", do_ltorg, true}, {"END", do_end, false},     {"ENTRY", do_entry, false},
    {"EXTRN", do_extrn, false}, {"WXTRN", do_wxtrn, false}, {"PRINT", do_print, false}, {"TITLE", do_title, true},
    {"EJECT", do_eject, false}, {"SPACE", do_space, false}, {"COPY", do_nothing, false},
};

static const struct directive *find_directive(const char *op, size_t len)
{
    for (size_t i = 0; i < sizeof directives / sizeof directives[0]; i++)
        if (strlen(directives[i].name) == len && strncasecmp_ascii(directives[i].name, op, len) == 0)
            return &directives[i];
    return NULL;
}

static void process_statement(struct assembly *a, int index)
{
    struct stmt *st = &a->stmts[index];
    a->cur = index;
    st->has_loc = false;
    st->nbytes = 0;
    st->section = a->cur_section;
    st->offset = a->cur_section >= 0 ? a->sections[a->cur_section].loc : 0;
    st->addr[0] = st->addr[1] = -1;
    memset(a->dups, 0, sizeof a->dups);
    st->listed = a->print_on && (st->depth == 0 || a->print_gen);
    if (st->kind != MAC_ORDINARY || st->f.comment || st->f.macro_comment || st->f.blank)
        return;
    if (a->ended) {
        if (a->final)
            stmt_warning(a, 0, "statement after END ignored");
        return;
    }
    if (st->f.unterminated >= 0) {
        stmt_error(a, st->f.unterminated, "unterminated quoted string");
        return;
    }
    const char *op = st->text + st->f.op;
    size_t oplen = (size_t)st->f.op_len;
    if (!oplen) {
        stmt_error(a, 0, "operation code expected");
        return;
    }
    const struct directive *d = find_directive(op, oplen);
    if (d) {
        if (!d->labels_itself && st->f.name_len)
            label_here(a, 1, 'U');
        d->handle(a);
        return;
    }
    if (instr_assemble(a, op, oplen))
        return;
    stmt_error(a, st->f.op, "unknown operation code %.*s", (int)oplen, op);
}

/* ---- macro engine hooks ------------------------------------------------------------------------- */

static void hook_statement(void *ctx, const char *text, const struct src_line *line, int depth, const char *macro,
                           enum macro_stmt_kind kind)
{
    struct assembly *a = ctx;
    struct stmt *st = ARRAY_PUSH(a->stmts, a->nstmts, a->stmts_cap);
    memset(st, 0, sizeof *st);
    st->text = xstrdup(text);
    st->line = line;
    st->depth = depth;
    st->macro = intern(a, macro);
    st->kind = kind;
    fields_split(st->text, &st->f);
    process_statement(a, (int)(a->nstmts - 1));
}

static bool hook_is_opcode(void *ctx, const char *op)
{
    (void)ctx;
    size_t len = strlen(op);
    return find_directive(op, len) || instr_is_machine(op, len);
}

static bool hook_symbol_attribute(void *ctx, const char *name, char attribute, long *value)
{
    struct assembly *a = ctx;
    struct symbol *s = sym_lookup(a, name, strlen(name));
    bool defined = s && s->defined;
    switch (toupper((unsigned char)attribute)) {
    case 'L':
        *value = defined ? (long)s->length : 1;
        break;
    case 'T':
        *value = defined ? s->type : 'U';
        break;
    default:
        *value = defined;
        break;
    }
    return defined;
}

static const char *hook_current_section(void *ctx)
{
    struct assembly *a = ctx;
    return a->cur_section >= 0 ? a->sections[a->cur_section].name : "";
}

/* ---- passes ------------------------------------------------------------------------------------- */

static const char *main_file(const struct assembly *a)
{
    return a->src.nfiles ? src_file_name(&a->src, 0) : NULL;
}

static void begin_pass(struct assembly *a)
{
    a->cur_section = -1;
    a->first_csect = -1;
    a->nusings = 0;
    a->pool = 0;
    a->unresolved = false;
    a->ended = false;
    a->has_entry = false;
    a->print_on = a->print_gen = a->print_data = true;
    for (size_t i = 0; i < a->nsections; i++) {
        a->sections[i].prev_high = a->sections[i].high;
        a->sections[i].loc = a->sections[i].high = 0;
    }
    for (size_t i = 0; i < a->nsymbols; i++)
        a->symbol_list[i]->changed = false;
    for (size_t i = 0; i < a->nliterals; i++)
        a->literals[i].placed = false;
}

static bool end_pass(struct assembly *a)
{
    if (!a->ended) {
        if (a->final && a->nstmts)
            diag_add(&a->diags, main_file(a), 0, 0, -1, DIAG_WARNING, "END statement missing");
        int saved = a->cur_section;
        literal_pool(a, true);
        a->cur_section = saved;
    }
    bool changed = place_sections(a);
    for (size_t i = 0; i < a->nsymbols; i++)
        changed |= a->symbol_list[i]->changed;
    return changed || a->unresolved;
}

static void define_command_line_symbols(struct assembly *a, struct macro_engine *m)
{
    for (size_t i = 0; i < a->options.ndefines; i++) {
        const char *d = a->options.defines[i];
        const char *eq = strchr(d, '=');
        size_t len = eq ? (size_t)(eq - d) : strlen(d);
        const char *value = eq ? eq + 1 : "1";
        char *name = xstrndup(d, len);
        if (!valid_symbol(name, (int)len)) {
            diag_add(&a->diags, NULL, 0, 0, -1, DIAG_ERROR, "-D %s: invalid symbol name", d);
            free(name);
            continue;
        }
        macro_define_global(m, name, value);
        int64_t n;
        int end;
        const char *err;
        if (self_defining_term(value, &end, &n, &err) && !value[end]) {
            struct symbol *s = sym_get(a, name, len);
            s->defined = true;
            value_abs(&s->value, n);
            s->def_stmt = -2; /* defined outside the source: any source definition is a duplicate */
        }
        free(name);
    }
}

static void run(struct assembly *a)
{
    struct macro_hooks hooks = {
        .ctx = a,
        .statement = hook_statement,
        .is_opcode = hook_is_opcode,
        .symbol_attribute = hook_symbol_attribute,
        .current_section = hook_current_section,
    };
    struct macro_engine *m = macro_create(&a->src, &a->diags, &hooks);
    define_command_line_symbols(a, m);
    a->pass = 1;
    begin_pass(a);
    macro_run(m, &a->open_code);
    macro_destroy(m);
    bool changed = end_pass(a);
    while (changed && a->pass < ASM_MAX_PASSES) {
        a->pass++;
        begin_pass(a);
        for (size_t i = 0; i < a->nstmts; i++)
            process_statement(a, (int)i);
        changed = end_pass(a);
    }
    a->unsettled = changed;
    a->pass++;
    a->final = true;
    begin_pass(a);
    for (size_t i = 0; i < a->nstmts; i++)
        process_statement(a, (int)i);
    if (end_pass(a) && a->unsettled && a->diags.errors == 0)
        diag_add(&a->diags, main_file(a), 0, 0, -1, DIAG_ERROR, "locations did not settle after %d passes", a->pass);
    module_build(a);
}

/* ---- library interface -------------------------------------------------------------------------- */

struct assembly *asm_new(const struct asm_options *options)
{
    struct assembly *a = xcalloc(1, sizeof *a);
    a->options = *options;
    a->first_csect = -1;
    a->cur_section = -1;
    src_init(&a->src, options->include_dirs, options->ninclude, &a->diags);
    return a;
}

bool asm_assemble_file(struct assembly *a, const char *path)
{
    if (src_read_file(&a->src, path, &a->open_code))
        run(a);
    return a->diags.errors == 0;
}

bool asm_assemble_string(struct assembly *a, const char *name, const char *text)
{
    src_read_string(&a->src, name, text, &a->open_code);
    run(a);
    return a->diags.errors == 0;
}

const struct diag_list *asm_diagnostics(const struct assembly *a)
{
    return &a->diags;
}

const struct obj_module *asm_module(const struct assembly *a)
{
    return &a->module;
}

void asm_write_listing(const struct assembly *a, FILE *out)
{
    listing_write(a, out);
}

void asm_free(struct assembly *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nstmts; i++)
        free(a->stmts[i].text);
    free(a->stmts);
    for (size_t i = 0; i < a->nliterals; i++)
        free(a->literals[i].text);
    free(a->literals);
    free(a->rlds);
    symtab_free(a);
    obj_module_free(&a->module);
    src_lines_free(&a->open_code);
    src_free(&a->src);
    diag_free(&a->diags);
    free(a);
}
