/*
 * macro.c - the macro engine (see macro.h): the name tables and SET symbol storage, macro definitions
 * (source and -I library) and their prototypes, calls with positional, keyword and sublist operands,
 * SET symbol declarations and SETx, AIF/AGO/ACTR/ANOP/MEXIT/MEND, MNOTE, and the hand-over of every
 * resulting statement to the assembler.  It does not evaluate expressions or substitute variable
 * symbols (macro_expr.c does) and does not assemble anything itself.
 *
 * How it works: each body of statements (open code, or a macro definition's body) is "prepared" once:
 * its fields are split, conditional-assembly operations recognised, MACRO/MEND pairs matched and
 * sequence symbols indexed.  A frame then walks a prepared body with its own local variables, branch
 * counter and macro operands; a macro call runs the callee's body in a new frame (C recursion bounded
 * by MACRO_DEPTH_LIMIT).  Open-code statements without '&' that are not macro calls are handed over
 * as they are, without copying, so plain source costs almost nothing here.
 */
#include "tools/asm370/macro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/fields.h"
#include "tools/asm370/macro_int.h"
#include "common/util.h"

#define MACRO_DEPTH_LIMIT 100  /* nested macro calls */
#define ACTR_DEFAULT 4096      /* AIF/AGO branches per macro invocation and for open code */
/*
 * Statements processed in macro expansions plus conditional-assembly statements of open code.  ACTR
 * cannot bound everything (an ACTR inside a loop resets its counter; a macro that calls itself twice
 * per level expands 2^100 times within the nesting limit), so this stops any endless expansion.
 */
#define STEP_LIMIT 5000000UL

/* ---- case-insensitive name tables -------------------------------------------------------------- */

static struct name_entry *table_find(const struct name_table *t, const char *name, size_t len)
{
    if (!t->nbuckets)
        return NULL;
    uint32_t h = hash_upper(name, len);
    for (struct name_entry *e = t->buckets[h & (t->nbuckets - 1)]; e; e = e->next)
        if (e->hash == h && e->len == len && strncasecmp_ascii(e->name, name, len) == 0)
            return e;
    return NULL;
}

static void table_grow(struct name_table *t)
{
    size_t n = t->nbuckets ? t->nbuckets * 2 : 16;
    struct name_entry **buckets = xcalloc(n, sizeof *buckets);
    for (size_t i = 0; i < t->nbuckets; i++)
        for (struct name_entry *e = t->buckets[i], *next; e; e = next) {
            next = e->next;
            e->next = buckets[e->hash & (n - 1)];
            buckets[e->hash & (n - 1)] = e;
        }
    free(t->buckets);
    t->buckets = buckets;
    t->nbuckets = n;
}

static void table_add(struct name_table *t, struct name_entry *e, const char *name, size_t len)
{
    if (t->count + 1 > t->nbuckets)
        table_grow(t);
    e->name = xstrndup(name, len);
    upcase(e->name);
    e->len = len;
    e->hash = hash_upper(name, len);
    e->next = t->buckets[e->hash & (t->nbuckets - 1)];
    t->buckets[e->hash & (t->nbuckets - 1)] = e;
    t->count++;
}

static void table_free(struct name_table *t, void (*free_entry)(struct name_entry *))
{
    for (size_t i = 0; i < t->nbuckets; i++)
        for (struct name_entry *e = t->buckets[i], *next; e; e = next) {
            next = e->next;
            free(e->name);
            free_entry(e);
        }
    free(t->buckets);
    memset(t, 0, sizeof *t);
}

static void free_plain_entry(struct name_entry *e)
{
    free(e);
}

/* ---- SET symbols and macro parameters -------------------------------------------------------- */

static const char *const var_type_name[] = {"SETA", "SETB", "SETC", "a macro parameter"};

static struct var *var_new(enum var_type type, bool dimensioned)
{
    struct var *v = xcalloc(1, sizeof *v);
    v->type = type;
    v->dimensioned = dimensioned;
    return v;
}

static bool var_is_char(const struct var *v)
{
    return v->type == VAR_C || v->type == VAR_PARAM;
}

static void var_reserve(struct var *v, size_t need)
{
    if (need <= v->cap)
        return;
    size_t cap = v->cap ? v->cap : 4;
    while (cap < need)
        cap *= 2;
    if (var_is_char(v)) {
        v->c = xrealloc(v->c, cap * sizeof *v->c);
        memset(v->c + v->cap, 0, (cap - v->cap) * sizeof *v->c);
    } else {
        v->a = xrealloc(v->a, cap * sizeof *v->a);
        memset(v->a + v->cap, 0, (cap - v->cap) * sizeof *v->a);
    }
    v->cap = cap;
}

static void var_note_assigned(struct var *v, size_t index)
{
    if (index + 1 > v->highest)
        v->highest = index + 1;
}

static void var_set_arith(struct var *v, size_t index, int32_t value)
{
    var_reserve(v, index + 1);
    v->a[index] = value;
    var_note_assigned(v, index);
}

static void var_set_char(struct var *v, size_t index, const char *s, size_t len)
{
    var_reserve(v, index + 1);
    free(v->c[index]);
    v->c[index] = xstrndup(s, len);
    var_note_assigned(v, index);
}

static void free_var_entry(struct name_entry *e)
{
    struct var *v = (struct var *)e;
    if (v->c)
        for (size_t i = 0; i < v->cap; i++)
            free(v->c[i]);
    free(v->c);
    free(v->a);
    free(v);
}

/* ---- prepared bodies of statements --------------------------------------------------------------- */

enum ca_op {
    CA_NONE,
    CA_ACTR, CA_AGO, CA_AIF, CA_ANOP, CA_COPY,
    CA_GBLA, CA_GBLB, CA_GBLC, CA_LCLA, CA_LCLB, CA_LCLC,
    CA_MACRO, CA_MEND, CA_MEXIT, CA_MNOTE, CA_SETA, CA_SETB, CA_SETC,
    CA_COUNT
};

struct stmt_info {
    struct stmt_fields f;
    enum ca_op ca;
    bool has_amp;     /* '&' before the remarks: needs substitution */
    bool listed;      /* open code: this conditional-assembly statement has been listed (loops list it once) */
    size_t block_end; /* CA_MACRO: index of the matching MEND, or the body's count if it has none */
};

struct code {
    const struct src_line *lines;
    struct stmt_info *info;
    size_t count;
    struct name_table seqs; /* struct seq_entry: sequence symbols of this body (not of nested definitions) */
};

struct seq_entry {
    struct name_entry e;
    size_t index;
};

struct param {
    char *name;          /* upper case, without '&' */
    bool keyword;
    char *default_value; /* keyword parameters: the default ("" if none) */
};

struct macro_def {
    char *name;
    char *label_param; /* name-field parameter, or NULL */
    struct param *params;
    size_t nparams, params_cap;
    struct src_line *lines; /* owned copies: the prototype, then the body ending with MEND */
    size_t nlines;
    struct code body;       /* lines[1..] */
};

/* The macro table: a NULL def records a name already searched for in the libraries and not found. */
struct macro_slot {
    struct name_entry e;
    struct macro_def *def;
};

static void run_code(struct macro_engine *m, struct frame *fr, const struct code *code);

/* ---- messages ---------------------------------------------------------------------------------- */

void mengine_message_at(struct macro_engine *m, const struct src_line *src, int offset, enum diag_severity severity,
                        const char *fmt, ...)
{
    int line = 0, column = 0;
    if (src)
        src_position(src, offset, &line, &column);
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(m->diags, src ? src_file_name(m->src, src->file) : NULL, line, column, -1, severity, fmt, ap);
    va_end(ap);
}

/* ---- small text helpers ------------------------------------------------------------------------ */

int mengine_symbol_length(const char *s, int end)
{
    int i = 0;
    if (i < end && is_symbol_start((unsigned char)s[0]))
        while (i < end && is_symbol_char((unsigned char)s[i]))
            i++;
    return i;
}

bool mengine_is_symbol(const char *s, size_t len)
{
    return len > 0 && len <= SYMBOL_MAX && (size_t)mengine_symbol_length(s, (int)len) == len;
}

bool mengine_word_is(const char *s, size_t len, const char *word)
{
    return strlen(word) == len && strncasecmp_ascii(s, word, len) == 0;
}

/* Index just past a quoted string whose opening quote is s[i] (or len if it is not closed). */
size_t mengine_skip_quoted(const char *s, size_t i, size_t len)
{
    for (i++; i < len; i++) {
        if (s[i] != '\'')
            continue;
        if (i + 1 < len && s[i + 1] == '\'')
            i++;
        else
            return i + 1;
    }
    return len;
}

/*
 * Length of the operand item at s: up to the first comma outside quotes and parentheses.  Sets
 * *unbalanced when a parenthesis is left open or closed too often.
 */
static size_t item_length(const char *s, size_t len, bool *unbalanced)
{
    int depth = 0;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '\'' && !quote_is_attribute(s, (int)i)) {
            i = mengine_skip_quoted(s, i, len);
            continue;
        }
        if (c == ',' && depth == 0)
            break;
        if (c == '(')
            depth++;
        else if (c == ')' && --depth < 0)
            *unbalanced = true;
        i++;
    }
    if (depth != 0)
        *unbalanced = true;
    return i;
}

/* Start walking the comma-separated items of s[0,len) (see struct items). */
void mengine_items_init(struct items *it, const char *s, size_t len)
{
    *it = (struct items){s, len, false, false};
}

bool mengine_items_next(struct items *it, const char **item, size_t *len)
{
    if (it->done)
        return false;
    size_t k = item_length(it->p, it->rest, &it->unbalanced);
    *item = it->p;
    *len = k;
    if (k >= it->rest) {
        it->done = true;
    } else {
        it->p += k + 1;
        it->rest -= k + 1;
    }
    return true;
}

/*
 * End of a conditional-assembly operand field starting at `start`: like the ordinary operand field,
 * but blanks inside parentheses do not end it, so (&A EQ 1 AND &B GT 2) is one operand.
 */
static int ca_operands_end(const char *s, int start)
{
    int depth = 0, i = start;
    size_t len = strlen(s);
    while (s[i] && (s[i] != ' ' || depth > 0)) {
        if (s[i] == '\'' && !quote_is_attribute(s, i)) {
            i = (int)mengine_skip_quoted(s, (size_t)i, len);
            continue;
        }
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
        i++;
    }
    return i;
}

/* ---- handing statements over ------------------------------------------------------------------ */

/* Hand a statement to the assembler; generated statements are attributed to the open-code call. */
static void emit_at(struct stmt_ctx *c, const struct src_line *src, const char *text, enum macro_stmt_kind kind)
{
    struct frame *fr = c->fr;
    const struct src_line *line = fr->def ? fr->call_line : src;
    c->m->hooks.statement(c->m->hooks.ctx, text, line, fr->depth, fr->def ? fr->def->name : NULL, kind);
}

static void emit(struct stmt_ctx *c, const char *text, enum macro_stmt_kind kind)
{
    emit_at(c, c->src, text, kind);
}

/* ---- preparing a body ------------------------------------------------------------------------------ */

static const char *const ca_names[CA_COUNT] = {
    [CA_ACTR] = "ACTR",   [CA_AGO] = "AGO",     [CA_AIF] = "AIF",     [CA_ANOP] = "ANOP",  [CA_COPY] = "COPY",
    [CA_GBLA] = "GBLA",   [CA_GBLB] = "GBLB",   [CA_GBLC] = "GBLC",   [CA_LCLA] = "LCLA",  [CA_LCLB] = "LCLB",
    [CA_LCLC] = "LCLC",   [CA_MACRO] = "MACRO", [CA_MEND] = "MEND",   [CA_MEXIT] = "MEXIT", [CA_MNOTE] = "MNOTE",
    [CA_SETA] = "SETA",   [CA_SETB] = "SETB",   [CA_SETC] = "SETC",
};

static enum ca_op classify_op(const char *op, size_t len)
{
    if (len < 3 || len > 5)
        return CA_NONE;
    for (int i = CA_NONE + 1; i < CA_COUNT; i++)
        if (mengine_word_is(op, len, ca_names[i]))
            return (enum ca_op)i;
    return CA_NONE;
}

static void add_sequence_symbol(struct macro_engine *m, struct code *code, size_t index)
{
    const struct src_line *line = &code->lines[index];
    const struct stmt_fields *f = &code->info[index].f;
    size_t len = (size_t)f->name_len - 1;
    const char *name = line->text + 1;
    if (!mengine_is_symbol(name, len)) {
        mengine_message_at(m, line, 0, DIAG_ERROR, "invalid sequence symbol %.*s", f->name_len, line->text);
        return;
    }
    if (table_find(&code->seqs, name, len)) {
        mengine_message_at(m, line, 0, DIAG_ERROR, "sequence symbol .%.*s is defined twice", (int)len, name);
        return;
    }
    struct seq_entry *s = xcalloc(1, sizeof *s);
    s->index = index;
    table_add(&code->seqs, &s->e, name, len);
}

/* Split, classify and index the statements of a body; nested MACRO...MEND blocks are matched. */
static void prepare_code(struct macro_engine *m, struct code *code, const struct src_line *lines, size_t count)
{
    memset(code, 0, sizeof *code);
    code->lines = lines;
    code->count = count;
    code->info = xcalloc(count ? count : 1, sizeof *code->info);
    size_t *open = NULL, nopen = 0, open_cap = 0; /* MACRO statements waiting for their MEND */
    for (size_t i = 0; i < count; i++) {
        struct stmt_info *in = &code->info[i];
        const char *text = lines[i].text;
        fields_split(text, &in->f);
        in->has_amp = memchr(text, '&', (size_t)in->f.remarks) != NULL;
        if (in->f.op_len && !memchr(text + in->f.op, '&', (size_t)in->f.op_len))
            in->ca = classify_op(text + in->f.op, (size_t)in->f.op_len);
        in->block_end = count;
        if (nopen == 0 && in->f.name_len && text[0] == '.' && !in->f.macro_comment)
            add_sequence_symbol(m, code, i);
        if (in->ca == CA_MACRO)
            *ARRAY_PUSH(open, nopen, open_cap) = i;
        else if (in->ca == CA_MEND && nopen)
            code->info[open[--nopen]].block_end = i;
    }
    free(open);
}

static void code_free(struct code *code)
{
    free(code->info);
    table_free(&code->seqs, free_plain_entry);
}

/* ---- macro definitions ------------------------------------------------------------------------- */

static void copy_line(struct src_line *to, const struct src_line *from)
{
    *to = *from;
    to->text = xstrdup(from->text);
    to->pieces = xmalloc((size_t)(from->npieces ? from->npieces : 1) * sizeof *to->pieces);
    memcpy(to->pieces, from->pieces, (size_t)from->npieces * sizeof *to->pieces);
}

static void def_free(struct macro_def *d)
{
    free(d->name);
    free(d->label_param);
    for (size_t i = 0; i < d->nparams; i++) {
        free(d->params[i].name);
        free(d->params[i].default_value);
    }
    free(d->params);
    code_free(&d->body);
    for (size_t i = 0; i < d->nlines; i++) {
        free(d->lines[i].text);
        free(d->lines[i].pieces);
    }
    free(d->lines);
    free(d);
}

static const struct param *find_param(const struct macro_def *d, const char *name, size_t len)
{
    for (size_t i = 0; i < d->nparams; i++)
        if (mengine_word_is(name, len, d->params[i].name))
            return &d->params[i];
    return NULL;
}

static bool param_name_taken(const struct macro_def *d, const char *name, size_t len)
{
    return find_param(d, name, len) || (d->label_param && mengine_word_is(name, len, d->label_param));
}

/* "&NAME", the len characters at offset: the name's length, or 0 (after an error) if it is not valid. */
static int parameter_name(struct macro_engine *m, const struct src_line *proto, const struct macro_def *d, int offset,
                          int len)
{
    const char *s = proto->text + offset;
    int n = len > 1 && s[0] == '&' ? mengine_symbol_length(s + 1, len - 1) : 0;
    if (n == 0 || n != len - 1 || n > SYMBOL_MAX - 1) {
        mengine_message_at(m, proto, offset, DIAG_ERROR, "invalid macro parameter %.*s (&NAME expected)", len, s);
        return 0;
    }
    if (mexpr_is_system_variable(s + 1, (size_t)n)) {
        mengine_message_at(m, proto, offset, DIAG_ERROR, "&%.*s is a system variable, not a parameter name", n, s + 1);
        return 0;
    }
    if (param_name_taken(d, s + 1, (size_t)n)) {
        mengine_message_at(m, proto, offset, DIAG_ERROR, "duplicate macro parameter &%.*s", n, s + 1);
        return 0;
    }
    return n;
}

/* One prototype operand &P or &K=default. */
static bool prototype_operand(struct macro_engine *m, const struct src_line *proto, struct macro_def *d, int offset,
                              int len)
{
    const char *s = proto->text + offset;
    const char *eq = memchr(s, '=', (size_t)len);
    int name_len = eq ? (int)(eq - s) : len;
    int n = parameter_name(m, proto, d, offset, name_len);
    if (n == 0)
        return false;
    struct param *p = ARRAY_PUSH(d->params, d->nparams, d->params_cap);
    p->name = xstrndup(s + 1, (size_t)n);
    upcase(p->name);
    p->keyword = eq != NULL;
    p->default_value = eq ? xstrndup(eq + 1, (size_t)(len - name_len - 1)) : NULL;
    return true;
}

/* Parse the prototype statement into d (name, name-field parameter, parameters). */
static bool parse_prototype(struct macro_engine *m, const struct src_line *proto, struct macro_def *d)
{
    struct stmt_fields f;
    fields_split(proto->text, &f);
    if (f.blank || f.comment || f.macro_comment || !f.op_len) {
        mengine_message_at(m, proto, 0, DIAG_ERROR, "macro prototype statement expected after MACRO");
        return false;
    }
    if (classify_op(proto->text + f.op, (size_t)f.op_len) != CA_NONE || proto->text[f.op] == '&') {
        mengine_message_at(m, proto, f.op, DIAG_ERROR, "%.*s cannot be the name of a macro", f.op_len,
                           proto->text + f.op);
        return false;
    }
    d->name = xstrndup(proto->text + f.op, (size_t)f.op_len);
    upcase(d->name);
    if (f.name_len) {
        int n = parameter_name(m, proto, d, f.name, f.name_len);
        if (n == 0)
            return false;
        d->label_param = xstrndup(proto->text + 1, (size_t)n);
        upcase(d->label_param);
    }
    bool ok = true;
    struct items it;
    const char *item;
    size_t len;
    mengine_items_init(&it, proto->text + f.operands, (size_t)f.operands_len);
    while (ok && f.operands_len && mengine_items_next(&it, &item, &len))
        ok = prototype_operand(m, proto, d, (int)(item - proto->text), (int)len);
    return ok;
}

static void register_macro(struct macro_engine *m, struct macro_def *d)
{
    *ARRAY_PUSH(m->defs, m->ndefs, m->defs_cap) = d;
    struct macro_slot *slot = (struct macro_slot *)table_find(&m->macros, d->name, strlen(d->name));
    if (!slot) {
        slot = xcalloc(1, sizeof *slot);
        table_add(&m->macros, &slot->e, d->name, strlen(d->name));
    }
    slot->def = d;
}

/*
 * Define the macro whose MACRO statement is code->lines[at]: prototype, body up to the matching
 * MEND.  The lines are copied, so the definition outlives the text it came from.
 */
static struct macro_def *define_macro(struct macro_engine *m, const struct code *code, size_t at)
{
    size_t end = code->info[at].block_end;
    if (end >= code->count) {
        mengine_message_at(m, &code->lines[at], code->info[at].f.op, DIAG_ERROR, "MACRO without MEND");
        return NULL;
    }
    struct macro_def *d = xcalloc(1, sizeof *d);
    if (at + 1 == end || !parse_prototype(m, &code->lines[at + 1], d)) {
        if (at + 1 == end)
            mengine_message_at(m, &code->lines[at], 0, DIAG_ERROR, "macro prototype statement expected after MACRO");
        def_free(d);
        return NULL;
    }
    d->nlines = end - at;
    d->lines = xmalloc(d->nlines * sizeof *d->lines);
    for (size_t i = 0; i < d->nlines; i++)
        copy_line(&d->lines[i], &code->lines[at + 1 + i]);
    prepare_code(m, &d->body, d->lines + 1, d->nlines - 1);
    register_macro(m, d);
    return d;
}

static struct macro_def *find_macro(struct macro_engine *m, const char *name, size_t len, bool *known)
{
    struct macro_slot *slot = (struct macro_slot *)table_find(&m->macros, name, len);
    *known = slot != NULL;
    return slot ? slot->def : NULL;
}

/* Define the macro in a library member's lines: comments may come first, then MACRO...MEND. */
static struct macro_def *define_library_macro(struct macro_engine *m, const char *name, const struct src_lines *lines)
{
    struct code code;
    struct macro_def *d = NULL;
    prepare_code(m, &code, lines->lines, lines->count);
    size_t i = 0;
    while (i < code.count && (code.info[i].f.blank || code.info[i].f.comment || code.info[i].f.macro_comment))
        i++;
    if (i == code.count) /* an empty member has no lines to name it: it is the file read last */
        diag_add(m->diags, src_file_name(m->src, lines->count ? lines->lines[0].file : (int)m->src->nfiles - 1), 0, 0,
                 -1, DIAG_ERROR, "macro library member for %s has no MACRO statement", name);
    else if (code.info[i].ca != CA_MACRO)
        mengine_message_at(m, &code.lines[i], 0, DIAG_ERROR, "macro library member for %s does not start with MACRO",
                           name);
    else if ((d = define_macro(m, &code, i)) != NULL && strcasecmp_ascii(d->name, name) != 0) {
        mengine_message_at(m, &code.lines[i + 1], code.info[i + 1].f.op, DIAG_ERROR,
                           "macro library member for %s defines macro %s", name, d->name);
        d = NULL;
    }
    code_free(&code);
    return d;
}

/* The library macro NAME (searched once; the answer is remembered either way). */
static struct macro_def *library_macro(struct macro_engine *m, const char *name)
{
    struct src_lines lines = {0};
    struct macro_def *d = NULL;
    if (src_read_macro(m->src, name, &lines))
        d = define_library_macro(m, name, &lines);
    src_lines_free(&lines);
    if (!d && !table_find(&m->macros, name, strlen(name))) {
        struct macro_slot *slot = xcalloc(1, sizeof *slot);
        table_add(&m->macros, &slot->e, name, strlen(name));
    }
    return d;
}

/* ---- frames -------------------------------------------------------------------------------------- */

static void frame_init(struct frame *fr, const struct macro_def *def, int depth)
{
    memset(fr, 0, sizeof *fr);
    fr->def = def;
    fr->depth = depth;
    fr->actr = fr->actr_limit = ACTR_DEFAULT;
    fr->label = xstrdup("");
    fr->sysect = xstrdup("");
}

static void frame_free(struct frame *fr)
{
    table_free(&fr->scope, free_var_entry);
    free(fr->label);
    for (size_t i = 0; i < fr->npositional; i++)
        free(fr->positional[i]);
    free(fr->positional);
    free(fr->sysect);
    buf_free(&fr->text);
}

static struct var *declare_local(struct frame *fr, const char *name, size_t len, enum var_type type, bool dimensioned)
{
    struct var *v = var_new(type, dimensioned);
    table_add(&fr->scope, &v->e, name, len);
    return v;
}

struct var *mengine_lookup_var(struct macro_engine *m, struct frame *fr, const char *name, size_t len)
{
    struct var *v = (struct var *)table_find(&fr->scope, name, len);
    if (v)
        return v->global ? v->global : v;
    v = (struct var *)table_find(&m->globals, name, len);
    return v && v->everywhere ? v : NULL;
}

static void bind_param(struct frame *fr, const char *name, const char *value)
{
    struct var *v = declare_local(fr, name, strlen(name), VAR_PARAM, false);
    var_set_char(v, 0, value, strlen(value));
}

/* ---- conditional assembly: SET symbols ---------------------------------------------------------- */

static const enum var_type set_type[CA_COUNT] = {
    [CA_SETA] = VAR_A, [CA_SETB] = VAR_B, [CA_SETC] = VAR_C, [CA_LCLA] = VAR_A, [CA_LCLB] = VAR_B,
    [CA_LCLC] = VAR_C, [CA_GBLA] = VAR_A, [CA_GBLB] = VAR_B, [CA_GBLC] = VAR_C,
};

/* A declaration item &NAME or &NAME(dimension) at the current position. */
static bool declared_name(struct eval *e, int *name_at, int *name_len)
{
    mexpr_skip_blanks(e);
    if (mexpr_peek(e) != '&')
        return mexpr_fail(e, e->pos, "variable symbol (&NAME) expected");
    *name_at = e->pos + 1;
    *name_len = mengine_symbol_length(e->s + *name_at, e->end - *name_at);
    if (*name_len == 0 || *name_len > SYMBOL_MAX - 1)
        return mexpr_fail(e, e->pos, "invalid variable symbol");
    if (mexpr_is_system_variable(e->s + *name_at, (size_t)*name_len))
        return mexpr_fail(e, e->pos, "&%.*s is a system variable", *name_len, e->s + *name_at);
    e->pos = *name_at + *name_len;
    return true;
}

static bool declare_global(struct eval *e, int at, size_t len, enum var_type type, bool dimensioned)
{
    const char *name = e->s + at;
    struct macro_engine *m = e->c->m;
    struct frame *fr = e->c->fr;
    struct var *g = (struct var *)table_find(&m->globals, name, len);
    if (!g) {
        g = var_new(type, dimensioned);
        table_add(&m->globals, &g->e, name, len);
    } else if (g->type != type || g->dimensioned != dimensioned) {
        return mexpr_fail(e, at - 1, "global &%.*s is already declared as %s%s", (int)len, name,
                          var_type_name[g->type], g->dimensioned ? " (dimensioned)" : "");
    }
    struct var *local = (struct var *)table_find(&fr->scope, name, len);
    if (local && local->global != g)
        return mexpr_fail(e, at - 1, "&%.*s is already a local symbol here", (int)len, name);
    if (!local)
        declare_local(fr, name, len, type, dimensioned)->global = g;
    return true;
}

static bool declare_one(struct eval *e, enum ca_op op)
{
    int at, len;
    if (!declared_name(e, &at, &len))
        return false;
    bool dimensioned = mexpr_peek(e) == '(';
    if (dimensioned) {
        long dim;
        int n;
        if (!mexpr_subscripts(e, &dim, 1, &n))
            return false;
        if (dim < 1 || dim > SUBSCRIPT_MAX)
            return mexpr_fail(e, at, "dimension %ld out of range (1-%d)", dim, SUBSCRIPT_MAX);
    }
    const char *name = e->s + at;
    enum var_type type = set_type[op];
    if (op == CA_GBLA || op == CA_GBLB || op == CA_GBLC)
        return declare_global(e, at, (size_t)len, type, dimensioned);
    struct var *v = (struct var *)table_find(&e->c->fr->scope, name, (size_t)len);
    if (!v) {
        declare_local(e->c->fr, name, (size_t)len, type, dimensioned);
        return true;
    }
    if (v->global || v->type != type || v->dimensioned != dimensioned)
        return mexpr_fail(e, at - 1, "&%.*s is already declared as %s%s", len, name,
                          v->global ? "a global" : var_type_name[v->type], v->dimensioned ? " (dimensioned)" : "");
    return true; /* the same declaration again (e.g. in a loop) changes nothing */
}

static void run_declaration(struct stmt_ctx *c)
{
    struct eval e;
    const struct stmt_fields *f = &c->info->f;
    mexpr_init(&e, c, f->operands, ca_operands_end(c->src->text, f->operands));
    if (e.pos >= e.end) {
        mexpr_fail(&e, f->op, "%s needs at least one variable symbol", ca_names[c->info->ca]);
        return;
    }
    while (declare_one(&e, c->info->ca)) {
        mexpr_skip_blanks(&e);
        if (mexpr_peek(&e) != ',') {
            mexpr_at_operand_end(&e);
            return;
        }
        e.pos++;
    }
}

/* The SETx target in the name field: its variable (declared implicitly if new) and 0-based index. */
struct set_target {
    struct var *var;
    size_t index;
    bool subscripted;
};

static bool check_target(struct eval *e, const struct var *v, enum var_type type, bool subscripted, int at)
{
    const char *name = v->e.name;
    if (v->type == VAR_PARAM)
        return mexpr_fail(e, at, "&%s is a macro parameter and cannot be set", name);
    if (v->type != type)
        return mexpr_fail(e, at, "&%s is a %s symbol, not %s", name, var_type_name[v->type], var_type_name[type]);
    if (v->dimensioned && !subscripted)
        return mexpr_fail(e, at, "&%s is dimensioned and needs a subscript", name);
    if (!v->dimensioned && subscripted)
        return mexpr_fail(e, at, "&%s is not dimensioned", name);
    return true;
}

static bool set_target(struct eval *e, enum var_type type, struct set_target *t)
{
    const struct stmt_fields *f = &e->c->info->f;
    if (!f->name_len)
        return mexpr_fail(e, f->op, "%s needs a variable symbol (&NAME) in the name field", var_type_name[type]);
    e->pos = f->name;
    e->end = f->name + f->name_len;
    int at, len;
    long sub = 1;
    int n = 0;
    if (!declared_name(e, &at, &len))
        return false;
    t->subscripted = mexpr_peek(e) == '(';
    if (t->subscripted && !mexpr_subscripts(e, &sub, 1, &n))
        return false;
    if (!mexpr_at_operand_end(e))
        return false;
    if (sub < 1 || sub > SUBSCRIPT_MAX)
        return mexpr_fail(e, at, "subscript %ld out of range (1-%d)", sub, SUBSCRIPT_MAX);
    t->index = (size_t)sub - 1;
    t->var = mengine_lookup_var(e->c->m, e->c->fr, e->s + at, (size_t)len);
    if (!t->var) {
        t->var = declare_local(e->c->fr, e->s + at, (size_t)len, type, t->subscripted);
        return true;
    }
    return check_target(e, t->var, type, t->subscripted, at - 1);
}


static void assign(struct var *v, size_t index, struct val *value)
{
    if (v->type == VAR_C)
        var_set_char(v, index, value->c.data ? value->c.data : "", value->c.len);
    else
        var_set_arith(v, index, value->a);
}

static void run_set(struct stmt_ctx *c)
{
    enum var_type type = set_type[c->info->ca];
    const struct stmt_fields *f = &c->info->f;
    struct eval e;
    mexpr_init(&e, c, f->operands, ca_operands_end(c->src->text, f->operands));
    struct val values[64];
    size_t n = 0;
    bool ok = true;
    for (;;) {
        memset(&values[n], 0, sizeof values[n]);
        ok = mexpr_typed_value(&e, type, &values[n++]);
        mexpr_skip_blanks(&e);
        if (!ok || mexpr_peek(&e) != ',')
            break;
        if (n == sizeof values / sizeof values[0]) {
            ok = mexpr_fail(&e, e.pos, "at most %zu values in one SET statement", n);
            break;
        }
        e.pos++;
    }
    struct set_target t = {0};
    ok = ok && mexpr_at_operand_end(&e) && set_target(&e, type, &t);
    if (ok && n > 1 && !t.subscripted)
        ok = mexpr_fail(&e, f->operands, "several values need a subscripted SET symbol");
    if (ok && t.index + n > SUBSCRIPT_MAX)
        ok = mexpr_fail(&e, f->operands, "values run past subscript %d", SUBSCRIPT_MAX);
    for (size_t i = 0; i < n; i++) {
        if (ok)
            assign(t.var, t.index + i, &values[i]);
        mexpr_val_free(&values[i]);
    }
}

/* ---- conditional assembly: branches ------------------------------------------------------------- */

/* A sequence symbol .NAME at the current position: its offset and length (without the period). */
static bool sequence_name(struct eval *e, int *at, int *len)
{
    mexpr_skip_blanks(e);
    if (mexpr_peek(e) != '.')
        return mexpr_fail(e, e->pos, "sequence symbol (.NAME) expected");
    *at = e->pos;
    *len = mengine_symbol_length(e->s + e->pos + 1, e->end - e->pos - 1);
    if (*len == 0)
        return mexpr_fail(e, e->pos, "invalid sequence symbol");
    e->pos += *len + 1;
    return true;
}

static void actr_exhausted(struct stmt_ctx *c)
{
    mengine_message_at(c->m, c->src, c->info->f.op, DIAG_ERROR,
                       "ACTR limit exceeded: more than %ld AIF/AGO branches %s", c->fr->actr_limit,
                       c->fr->def ? "in this macro call; the expansion ends"
                                  : "in open code; the rest is not assembled");
    if (c->fr->def)
        c->fr->leave = true;
    else
        c->fr->dead = true;
}

static void branch(struct stmt_ctx *c, int at, int len)
{
    const char *name = c->src->text + at + 1;
    struct seq_entry *s = (struct seq_entry *)table_find(&c->code->seqs, name, (size_t)len);
    if (!s) {
        mengine_message_at(c->m, c->src, at, DIAG_ERROR, "undefined sequence symbol .%.*s", len, name);
        return;
    }
    if (c->fr->actr <= 0) {
        actr_exhausted(c);
        return;
    }
    c->fr->actr--;
    c->next = s->index;
}

static void run_aif(struct stmt_ctx *c)
{
    struct eval e;
    mexpr_init(&e, c, c->info->f.operands, ca_operands_end(c->src->text, c->info->f.operands));
    for (;;) {
        bool yes;
        int at, len;
        if (!mexpr_expect(&e, '(') || !mexpr_logical(&e, &yes) || !mexpr_expect(&e, ')') ||
            !sequence_name(&e, &at, &len))
            return;
        if (yes) {
            branch(c, at, len);
            return;
        }
        if (mexpr_peek(&e) != ',') {
            mexpr_at_operand_end(&e);
            return;
        }
        e.pos++;
    }
}

/* AGO .X, or the computed form AGO (expr).A,.B,.C (no branch if the value is out of range). */
static void run_ago(struct stmt_ctx *c)
{
    struct eval e;
    mexpr_init(&e, c, c->info->f.operands, ca_operands_end(c->src->text, c->info->f.operands));
    int32_t which = 1;
    if (mexpr_peek(&e) == '(') {
        e.pos++;
        if (!mexpr_arith(&e, &which) || !mexpr_expect(&e, ')'))
            return;
    }
    int target_at = -1, target_len = 0;
    for (int32_t k = 1;; k++) {
        int at, len;
        if (!sequence_name(&e, &at, &len))
            return;
        if (k == which) {
            target_at = at;
            target_len = len;
        }
        if (mexpr_peek(&e) != ',')
            break;
        e.pos++;
    }
    if (mexpr_at_operand_end(&e) && target_at >= 0)
        branch(c, target_at, target_len);
}

static void run_actr(struct stmt_ctx *c)
{
    struct eval e;
    int32_t n;
    mexpr_init(&e, c, c->info->f.operands, ca_operands_end(c->src->text, c->info->f.operands));
    if (mexpr_arith(&e, &n) && mexpr_at_operand_end(&e))
        c->fr->actr = c->fr->actr_limit = n;
}

static void run_anop(struct stmt_ctx *c)
{
    (void)c;
}

static void run_mexit(struct stmt_ctx *c)
{
    if (c->fr->def)
        c->fr->leave = true;
    else
        mengine_message_at(c->m, c->src, c->info->f.op, DIAG_ERROR, "MEXIT outside a macro");
}

static void run_mend(struct stmt_ctx *c)
{
    if (c->fr->def)
        c->fr->leave = true;
    else
        mengine_message_at(c->m, c->src, c->info->f.op, DIAG_ERROR, "MEND without MACRO");
}

/* ---- conditional assembly: MNOTE, MACRO ---------------------------------------------------------- */

/*
 * The severity part of MNOTE: absent or '*' (a note, *severity -1), empty before the comma (1), or an
 * arithmetic expression 0-255.
 */
static bool mnote_severity(struct eval *e, int32_t *severity, bool *star)
{
    *severity = -1;
    *star = mexpr_peek(e) == '*';
    if (mexpr_peek(e) == '\'')
        return true;
    if (*star)
        e->pos++;
    else if (mexpr_peek(e) == ',')
        *severity = 1;
    else if (!mexpr_arith(e, severity))
        return false;
    else if (*severity < 0 || *severity > 255)
        return mexpr_fail(e, e->c->info->f.operands, "MNOTE severity must be 0-255");
    return mexpr_expect(e, ',');
}

/* The MNOTE text with && made one ampersand, as HLASM prints it ('' is already one quote). */
static void mnote_text(const struct buf *raw, struct buf *out)
{
    for (size_t i = 0; i < raw->len; i++) {
        buf_addc(out, raw->data[i]);
        if (raw->data[i] == '&' && i + 1 < raw->len && raw->data[i + 1] == '&')
            i++;
    }
    buf_cstr(out);
}

/* MNOTE: a message (severity 8+ error, 1-7 warning, else note) at the open-code statement, and a
   listing line "severity,text". */
static void run_mnote(struct stmt_ctx *c)
{
    struct eval e;
    mexpr_init(&e, c, c->info->f.operands, ca_operands_end(c->src->text, c->info->f.operands));
    int32_t severity;
    bool star;
    struct buf raw = {0}, text = {0}, listed = {0};
    if (mnote_severity(&e, &severity, &star) &&
        (mexpr_peek(&e) == '\'' || mexpr_fail(&e, e.pos, "quoted MNOTE text expected")) &&
        mexpr_quoted_string(&e, &raw) && mexpr_at_operand_end(&e)) {
        mnote_text(&raw, &text);
        enum diag_severity sev = severity >= 8 ? DIAG_ERROR : severity >= 1 ? DIAG_WARNING : DIAG_NOTE;
        mengine_message_at(c->m, c->fr->def ? c->fr->call_line : c->src, 0, sev, "%s", text.data);
        if (severity >= 0)
            buf_printf(&listed, "%d,", (int)severity);
        else if (star)
            buf_adds(&listed, "*,");
        buf_adds(&listed, text.data);
        emit(c, buf_cstr(&listed), MAC_LIST_ONLY);
    }
    buf_free(&raw);
    buf_free(&text);
    buf_free(&listed);
}

static void run_macro(struct stmt_ctx *c)
{
    size_t end = c->info->block_end;
    if (!c->fr->def)
        for (size_t i = c->index; i <= end && i < c->code->count; i++)
            emit_at(c, &c->code->lines[i], c->code->lines[i].text, MAC_LIST_ONLY);
    define_macro(c->m, c->code, c->index);
    c->next = end + 1;
}

static void run_copy(struct stmt_ctx *c)
{
    (void)c; /* the reader has already put the member's statements after it */
}

static void (*const ca_run[CA_COUNT])(struct stmt_ctx *) = {
    [CA_ACTR] = run_actr,        [CA_AGO] = run_ago,          [CA_AIF] = run_aif,     [CA_ANOP] = run_anop,
    [CA_COPY] = run_copy,        [CA_GBLA] = run_declaration, [CA_GBLB] = run_declaration,
    [CA_GBLC] = run_declaration, [CA_LCLA] = run_declaration, [CA_LCLB] = run_declaration,
    [CA_LCLC] = run_declaration, [CA_MACRO] = run_macro,      [CA_MEND] = run_mend,   [CA_MEXIT] = run_mexit,
    [CA_MNOTE] = run_mnote,      [CA_SETA] = run_set,         [CA_SETB] = run_set,    [CA_SETC] = run_set,
};

static void run_conditional(struct stmt_ctx *c)
{
    struct stmt_info *in = c->info;
    enum ca_op op = in->ca;
    bool is_set = op == CA_SETA || op == CA_SETB || op == CA_SETC;
    if (!c->fr->def && op != CA_MACRO && !in->listed) {
        emit(c, c->src->text, MAC_LIST_ONLY);
        in->listed = true;
    }
    if (!is_set && in->f.name_len && c->src->text[0] != '.') {
        mengine_message_at(c->m, c->src, 0, DIAG_ERROR, "the name field of %s must be blank or a sequence symbol",
                           ca_names[op]);
        return;
    }
    ca_run[op](c);
}

/* ---- macro calls ---------------------------------------------------------------------------------- */

struct call_operands {
    char **positional;
    size_t npositional, cap;
    char **keyword_values; /* by parameter index; NULL when not given */
};

/* The keyword parameter a "KEY=value" operand names: its index; -1 if the operand is not of that
   form, -2 if KEY is not a keyword of d (*key_len is then its length). */
static long keyword_operand(const struct macro_def *d, const char *s, size_t len, size_t *key_len)
{
    *key_len = (size_t)mengine_symbol_length(s, (int)len);
    if (*key_len == 0 || *key_len >= len || s[*key_len] != '=')
        return -1;
    const struct param *p = find_param(d, s, *key_len);
    if (!p || !p->keyword)
        return -2;
    return p - d->params;
}

static void call_operand(struct stmt_ctx *c, const struct macro_def *d, const char *s, size_t len,
                         struct call_operands *ops)
{
    size_t key_len;
    long k = keyword_operand(d, s, len, &key_len);
    if (k == -2)
        mengine_message_at(c->m, c->src, c->info->f.operands, DIAG_WARNING,
                           "%.*s is not a keyword of macro %s; taken as a positional operand", (int)key_len, s,
                           d->name);
    if (k < 0) {
        *ARRAY_PUSH(ops->positional, ops->npositional, ops->cap) = xstrndup(s, len);
        return;
    }
    if (ops->keyword_values[k])
        mengine_message_at(c->m, c->src, c->info->f.operands, DIAG_WARNING, "keyword %s given twice; the last is used",
                           d->params[k].name);
    free(ops->keyword_values[k]);
    ops->keyword_values[k] = xstrndup(s + key_len + 1, len - key_len - 1);
}

/* Split the call's operand field into positional operands and keyword values. */
static bool split_call_operands(struct stmt_ctx *c, const struct macro_def *d, const char *text,
                                const struct stmt_fields *f, struct call_operands *ops)
{
    if (f->unterminated >= 0) {
        mengine_message_at(c->m, c->src, c->info->f.operands, DIAG_ERROR,
                           "unterminated quoted string in macro operands");
        return false;
    }
    struct items it;
    const char *item;
    size_t len;
    mengine_items_init(&it, text + f->operands, (size_t)f->operands_len);
    while (f->operands_len && mengine_items_next(&it, &item, &len))
        call_operand(c, d, item, len, ops);
    if (it.unbalanced)
        mengine_message_at(c->m, c->src, c->info->f.operands, DIAG_ERROR, "unbalanced parentheses in macro operands");
    return !it.unbalanced;
}

static void bind_call(struct frame *callee, const struct macro_def *d, struct call_operands *ops)
{
    size_t next_positional = 0;
    if (d->label_param)
        bind_param(callee, d->label_param, callee->label);
    for (size_t i = 0; i < d->nparams; i++) {
        const struct param *p = &d->params[i];
        const char *value = p->keyword ? (ops->keyword_values[i] ? ops->keyword_values[i] : p->default_value)
                                       : (next_positional < ops->npositional ? ops->positional[next_positional] : "");
        if (!p->keyword)
            next_positional++;
        bind_param(callee, p->name, value);
    }
    callee->positional = ops->positional;
    callee->npositional = ops->npositional;
}

static void call_macro(struct stmt_ctx *c, const struct macro_def *d, const char *text, const struct stmt_fields *f)
{
    struct macro_engine *m = c->m;
    if (c->fr->depth >= MACRO_DEPTH_LIMIT) {
        mengine_message_at(m, c->src, c->info->f.op, DIAG_ERROR,
                           "macro calls nested deeper than %d (endless recursion?)", MACRO_DEPTH_LIMIT);
        m->unwinding = true;
        return;
    }
    struct call_operands ops = {0};
    ops.keyword_values = xcalloc(d->nparams ? d->nparams : 1, sizeof *ops.keyword_values);
    if (split_call_operands(c, d, text, f, &ops)) {
        struct frame callee;
        frame_init(&callee, d, c->fr->depth + 1);
        callee.call_line = c->fr->def ? c->fr->call_line : c->src;
        snprintf(callee.sysndx, sizeof callee.sysndx, "%04lu", ++m->calls);
        if (m->hooks.current_section) {
            free(callee.sysect);
            callee.sysect = xstrdup(m->hooks.current_section(m->hooks.ctx));
        }
        if (f->name_len && text[f->name] != '.') {
            free(callee.label);
            callee.label = xstrndup(text + f->name, (size_t)f->name_len);
        }
        bind_call(&callee, d, &ops);
        ops.positional = NULL;
        ops.npositional = 0;
        run_code(m, &callee, &d->body);
        frame_free(&callee);
    }
    for (size_t i = 0; i < ops.npositional; i++)
        free(ops.positional[i]);
    free(ops.positional);
    for (size_t i = 0; i < d->nparams; i++)
        free(ops.keyword_values[i]);
    free(ops.keyword_values);
    if (!c->fr->def)
        m->unwinding = false;
}

/* ---- ordinary statements and macro calls --------------------------------------------------------- */

/* The macro an operation calls: source macros first, then opcodes, then the -I libraries. */
static const struct macro_def *macro_for(struct macro_engine *m, const char *op, size_t len)
{
    char name[SYMBOL_MAX + 1];
    bool known;
    const struct macro_def *d = find_macro(m, op, len, &known);
    if (d || known || len > SYMBOL_MAX)
        return d;
    memcpy(name, op, len);
    name[len] = '\0';
    if (m->hooks.is_opcode && m->hooks.is_opcode(m->hooks.ctx, name))
        return NULL;
    return library_macro(m, name);
}

/* Substitute the statement into fr->text (remarks are kept as written). */
static bool substitute_statement(struct stmt_ctx *c, struct stmt_fields *f)
{
    struct eval e;
    mexpr_init(&e, c, 0, 0);
    struct buf *out = &c->fr->text;
    out->len = 0;
    int operands_end = c->info->f.operands + c->info->f.operands_len;
    if (!mexpr_substitute(&e, 0, operands_end, out))
        return false;
    buf_adds(out, c->src->text + operands_end);
    fields_split(out->data, f);
    if (f->op_len && classify_op(out->data + f->op, (size_t)f->op_len) != CA_NONE) {
        mengine_message_at(c->m, c->src, c->info->f.op, DIAG_ERROR, "operation %.*s cannot be produced by substitution",
                           f->op_len, out->data + f->op);
        return false;
    }
    return true;
}

/* A sequence symbol in the name field is blanked before the assembler sees the statement. */
static const char *blank_sequence_symbol(struct stmt_ctx *c, const char *text, const struct stmt_fields *f)
{
    struct buf *out = &c->fr->text;
    if (text != out->data) {
        out->len = 0;
        buf_adds(out, text);
    }
    memset(out->data, ' ', (size_t)f->name_len);
    return out->data;
}

static void run_ordinary(struct stmt_ctx *c)
{
    struct stmt_fields f = c->info->f;
    const char *text = c->src->text;
    if (c->info->has_amp) {
        if (!substitute_statement(c, &f))
            return;
        text = c->fr->text.data;
    }
    const struct macro_def *d = f.op_len ? macro_for(c->m, text + f.op, (size_t)f.op_len) : NULL;
    if (d) {
        if (!c->fr->def)
            emit(c, text, MAC_LIST_ONLY);
        call_macro(c, d, text, &f);
        return;
    }
    if (f.name_len && text[0] == '.')
        text = blank_sequence_symbol(c, text, &f);
    emit(c, text, MAC_ORDINARY);
    if (mengine_word_is(text + f.op, (size_t)f.op_len, "END"))
        c->m->ended = true;
}

/* ---- walking a body ---------------------------------------------------------------------------- */

static void run_statement(struct stmt_ctx *c)
{
    const struct stmt_info *in = c->info;
    bool open_code = c->fr->def == NULL;
    if (c->fr->dead) {
        emit(c, c->src->text, MAC_LIST_ONLY);
        if (mengine_word_is(c->src->text + in->f.op, (size_t)in->f.op_len, "END"))
            c->m->ended = true;
    } else if (in->f.blank) {
        if (open_code)
            emit(c, c->src->text, MAC_ORDINARY);
    } else if (in->f.comment) {
        emit(c, c->src->text, MAC_ORDINARY);
    } else if (in->f.macro_comment) {
        if (open_code)
            emit(c, c->src->text, MAC_LIST_ONLY);
    } else if (in->ca != CA_NONE) {
        run_conditional(c);
    } else {
        run_ordinary(c);
    }
}

/* Count a macro-body or conditional-assembly statement; past STEP_LIMIT everything stops. */
static bool within_step_limit(struct stmt_ctx *c)
{
    if (!c->fr->def && c->info->ca == CA_NONE)
        return true; /* plain open code: bounded by the source itself */
    if (++c->m->steps <= STEP_LIMIT)
        return true;
    mengine_message_at(c->m, c->src, c->info->f.op, DIAG_ERROR,
                       "more than %lu statements in macro expansions and conditional assembly: stopped (endless loop?)",
                       STEP_LIMIT);
    c->m->ended = true;
    return false;
}

static void run_code(struct macro_engine *m, struct frame *fr, const struct code *code)
{
    size_t i = 0;
    while (i < code->count && !m->ended && !fr->leave && !(m->unwinding && fr->def)) {
        struct stmt_ctx c = {m, fr, code, i, i + 1, &code->lines[i], &code->info[i]};
        if (!within_step_limit(&c))
            return;
        run_statement(&c);
        i = c.next;
    }
}

/* ---- interface ------------------------------------------------------------------------------------ */

struct macro_engine *macro_create(struct src_set *src, struct diag_list *diags, const struct macro_hooks *hooks)
{
    struct macro_engine *m = xcalloc(1, sizeof *m);
    m->src = src;
    m->diags = diags;
    m->hooks = *hooks;
    return m;
}

void macro_define_global(struct macro_engine *m, const char *name, const char *value)
{
    if (name[0] == '&')
        name++;
    size_t len = strlen(name);
    struct var *v = (struct var *)table_find(&m->globals, name, len);
    if (!v) {
        v = var_new(VAR_C, false);
        table_add(&m->globals, &v->e, name, len);
    }
    if (v->type != VAR_C || v->dimensioned) {
        diag_add(m->diags, NULL, 0, 0, -1, DIAG_ERROR, "-D %s: already a global of another type", name);
        return;
    }
    v->everywhere = true;
    var_set_char(v, 0, value, strlen(value));
}

void macro_run(struct macro_engine *m, const struct src_lines *open_code)
{
    struct code code;
    struct frame fr;
    prepare_code(m, &code, open_code->lines, open_code->count);
    frame_init(&fr, NULL, 0);
    m->ended = false;
    run_code(m, &fr, &code);
    frame_free(&fr);
    code_free(&code);
}

void macro_destroy(struct macro_engine *m)
{
    if (!m)
        return;
    table_free(&m->macros, free_plain_entry);
    for (size_t i = 0; i < m->ndefs; i++)
        def_free(m->defs[i]);
    free(m->defs);
    table_free(&m->globals, free_var_entry);
    free(m);
}
