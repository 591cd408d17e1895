/*
 * symtab.c - the ordinary symbol table (a case-insensitive hash), control sections and relocatable
 * values.  A value is an assembled address or number plus, per relocation base (section or external
 * symbol), how many times it is added: A-B within one section cancels to an absolute value.
 */
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm_int.h"
#include "common/util.h"

void value_abs(struct value *v, int64_t n)
{
    memset(v, 0, sizeof *v);
    v->v = n;
}

void value_reloc(struct value *v, int base, int64_t address)
{
    value_abs(v, address);
    v->nterms = 1;
    v->terms[0].base = base;
    v->terms[0].count = 1;
}

bool value_is_abs(const struct value *v)
{
    return v->nterms == 0;
}

bool value_is_simple(const struct value *v)
{
    return v->nterms == 1 && v->terms[0].count == 1;
}

/* r += sign * x, merging relocation terms; more distinct bases than fit is left to the caller to report
   (the extra terms are dropped and nterms stays at its maximum, which no caller accepts as simple). */
void value_add(struct value *r, const struct value *x, int sign)
{
    r->v += sign * x->v;
    for (int i = 0; i < x->nterms; i++) {
        int j = 0;
        while (j < r->nterms && r->terms[j].base != x->terms[i].base)
            j++;
        if (j == r->nterms) {
            if (r->nterms == VALUE_MAX_TERMS)
                continue;
            r->terms[r->nterms].base = x->terms[i].base;
            r->terms[r->nterms].count = 0;
            r->nterms++;
        }
        r->terms[j].count += sign * x->terms[i].count;
    }
    int k = 0;
    for (int i = 0; i < r->nterms; i++)
        if (r->terms[i].count != 0)
            r->terms[k++] = r->terms[i];
    r->nterms = k;
}

static void grow_buckets(struct assembly *a)
{
    size_t n = a->nbuckets ? a->nbuckets * 2 : 1024;
    struct symbol **b = xcalloc(n, sizeof *b);
    for (size_t i = 0; i < a->nbuckets; i++) {
        for (struct symbol *s = a->buckets[i], *next; s; s = next) {
            next = s->next_in_bucket;
            size_t h = hash_upper(s->name, strlen(s->name)) & (n - 1);
            s->next_in_bucket = b[h];
            b[h] = s;
        }
    }
    free(a->buckets);
    a->buckets = b;
    a->nbuckets = n;
}

struct symbol *sym_lookup(struct assembly *a, const char *name, size_t len)
{
    if (!a->nbuckets)
        return NULL;
    size_t h = hash_upper(name, len) & (a->nbuckets - 1);
    for (struct symbol *s = a->buckets[h]; s; s = s->next_in_bucket)
        if (strlen(s->name) == len && strncasecmp_ascii(s->name, name, len) == 0)
            return s;
    return NULL;
}

struct symbol *sym_get(struct assembly *a, const char *name, size_t len)
{
    struct symbol *s = sym_lookup(a, name, len);
    if (s)
        return s;
    if (a->nsymbols * 2 >= a->nbuckets)
        grow_buckets(a);
    s = xcalloc(1, sizeof *s);
    s->name = xstrndup(name, len);
    upcase(s->name);
    s->def_stmt = -1;
    s->length = 1;
    s->type = 'U';
    size_t h = hash_upper(name, len) & (a->nbuckets - 1);
    s->next_in_bucket = a->buckets[h];
    a->buckets[h] = s;
    grow_array((void **)&a->symbol_list, &a->symbol_list_cap, a->nsymbols + 1, sizeof *a->symbol_list);
    a->symbol_list[a->nsymbols++] = s;
    return s;
}

static bool values_equal(const struct value *x, const struct value *y)
{
    if (x->v != y->v || x->nterms != y->nterms)
        return false;
    for (int i = 0; i < x->nterms; i++)
        if (x->terms[i].base != y->terms[i].base || x->terms[i].count != y->terms[i].count)
            return false;
    return true;
}

/* Define s by the current statement.  A second statement defining the same name is a duplicate
   (reported in the final pass); redefinition by the same statement in a later pass just updates it. */
void sym_define(struct assembly *a, struct symbol *s, const struct value *v, uint32_t length, char type)
{
    if (s->def_stmt != -1 && s->def_stmt != a->cur) {
        if (a->final && s->def_stmt == -2)
            stmt_error(a, 0, "duplicate definition of symbol %s (already defined by -D)", s->name);
        else if (a->final)
            stmt_error(a, 0, "duplicate definition of symbol %s (first defined at line %d)", s->name,
                       a->stmts[s->def_stmt].line ? a->stmts[s->def_stmt].line->line : 0);
        return;
    }
    if (s->defined && !values_equal(&s->value, v)) {
        s->changed = true;
        if (a->final && a->unsettled)
            stmt_error(a, 0, "value of %s never settles (circular definition?)", s->name);
    }
    s->def_stmt = a->cur;
    s->defined = true;
    s->value = *v;
    s->length = length;
    s->type = type;
}

void sym_reference(struct assembly *a, struct symbol *s)
{
    if (!a->final)
        return;
    if (s->nrefs && s->refs[s->nrefs - 1] == a->cur)
        return;
    grow_array((void **)&s->refs, &s->refs_cap, s->nrefs + 1, sizeof *s->refs);
    s->refs[s->nrefs++] = a->cur;
}

int section_find(struct assembly *a, const char *name, enum base_kind kind)
{
    for (size_t i = 0; i < a->nsections; i++)
        if (a->sections[i].kind == kind && strcasecmp_ascii(a->sections[i].name, name) == 0)
            return (int)i;
    return -1;
}

int section_add(struct assembly *a, const char *name, enum base_kind kind)
{
    grow_array((void **)&a->sections, &a->sections_cap, a->nsections + 1, sizeof *a->sections);
    struct section *s = &a->sections[a->nsections];
    memset(s, 0, sizeof *s);
    s->name = xstrdup(name);
    upcase(s->name);
    s->kind = kind;
    return (int)a->nsections++;
}

const char *intern(struct assembly *a, const char *s)
{
    if (!s)
        return NULL;
    for (size_t i = a->ninterned; i-- > 0;)
        if (strcmp(a->interned[i], s) == 0)
            return a->interned[i];
    grow_array((void **)&a->interned, &a->interned_cap, a->ninterned + 1, sizeof *a->interned);
    return a->interned[a->ninterned++] = xstrdup(s);
}

void symtab_free(struct assembly *a)
{
    for (size_t i = 0; i < a->nsymbols; i++) {
        free(a->symbol_list[i]->name);
        free(a->symbol_list[i]->refs);
        free(a->symbol_list[i]);
    }
    free(a->symbol_list);
    free(a->buckets);
    for (size_t i = 0; i < a->nsections; i++) {
        free(a->sections[i].name);
        free(a->sections[i].bytes);
        free(a->sections[i].defined);
    }
    free(a->sections);
    for (size_t i = 0; i < a->ninterned; i++)
        free(a->interned[i]);
    free(a->interned);
}
