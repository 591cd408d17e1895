/*
 * macro_expr.c - the expression language of conditional assembly (see macro.h): variable symbol
 * references (SET symbols, macro parameters and their sublists, &SYSLIST, &SYSNDX...), character
 * strings with substrings and duplication, attribute references, the arithmetic, relational and
 * logical operators of SETA/SETB/SETC expressions, and the substitution of variable symbols in
 * statement text.  The statements that use them (SETx, AIF, AGO, MNOTE...) and the macro definitions,
 * calls and frames that hold the variables belong to macro.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/ebcdic.h"
#include "tools/asm370/fields.h"
#include "tools/asm370/macro_int.h"
#include "common/util.h"

#define EXPR_DEPTH_LIMIT 64    /* parentheses and subscripts nested in one expression */
#define SETC_MAX 1024          /* longest character value, as in HLASM */
#define STATEMENT_MAX 32768    /* longest statement after substitution (HLASM stops at 3072) */
#define SUBLIST_LEVELS 8       /* &P(1,2,...) */

/* ---- character values: sublists and numbers ------------------------------------------------------ */

/* Index of the parenthesis closing s[0] == '(' (len if none). */
static size_t closing_paren(const char *s, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == '\'' && !quote_is_attribute(s, (int)i)) {
            i = mengine_skip_quoted(s, i, len);
            continue;
        }
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && --depth == 0)
            return i;
        i++;
    }
    return len;
}

static bool is_sublist(const char *s, size_t len)
{
    return len >= 2 && s[0] == '(' && closing_paren(s, len) == len - 1;
}

/* Number of elements of a value seen as a sublist: 0 if null, 1 if it is not a sublist. */
static long sublist_count(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    if (!is_sublist(s, len))
        return 1;
    struct items it;
    const char *item;
    size_t item_len;
    long n = 0;
    mengine_items_init(&it, s + 1, len - 2);
    while (mengine_items_next(&it, &item, &item_len))
        n++;
    return n;
}

/* Narrow the slice (*s, *len) to element n (1-based) of the sublist; the null string if there is none. */
static void sublist_element(const char **s, size_t *len, long n)
{
    if (!is_sublist(*s, *len)) {
        if (n != 1)
            *len = 0;
        return;
    }
    struct items it;
    const char *item;
    size_t item_len;
    mengine_items_init(&it, *s + 1, *len - 2);
    *len = 0;
    for (long i = 1; mengine_items_next(&it, &item, &item_len); i++)
        if (i == n) {
            *s = item;
            *len = item_len;
            return;
        }
}

/* A character value as a number: decimal (with sign) or a self-defining term; null is 0. */
static bool char_to_number(const char *s, size_t len, int32_t *out)
{
    char tmp[80];
    if (len == 0) {
        *out = 0;
        return true;
    }
    if (len >= sizeof tmp)
        return false;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    size_t i = (tmp[0] == '+' || tmp[0] == '-') ? 1 : 0;
    if (i && !isdigit((unsigned char)tmp[1]))
        return false;
    int end;
    int64_t v;
    const char *error;
    if (!self_defining_term(tmp + i, &end, &v, &error) || tmp[i + (size_t)end])
        return false;
    *out = tmp[0] == '-' ? (int32_t)(0u - (uint32_t)v) : (int32_t)v;
    return true;
}

static void append_decimal(struct buf *out, int32_t v)
{
    buf_printf(out, "%d", (int)v);
}

/* ---- expressions: state, values and messages ---------------------------------------------------- */

void mexpr_val_free(struct val *v)
{
    buf_free(&v->c);
}

void mexpr_init(struct eval *e, struct stmt_ctx *c, int pos, int end)
{
    memset(e, 0, sizeof *e);
    e->c = c;
    e->s = c->src->text;
    e->pos = pos;
    e->end = end;
}

bool mexpr_fail(struct eval *e, int offset, const char *fmt, ...)
{
    if (!e->failed) {
        va_list ap;
        va_start(ap, fmt);
        char *msg = xvasprintf(fmt, ap);
        va_end(ap);
        mengine_message_at(e->c->m, e->c->src, offset, DIAG_ERROR, "%s", msg);
        free(msg);
    }
    e->failed = true;
    return false;
}

char mexpr_peek(const struct eval *e)
{
    return e->pos < e->end ? e->s[e->pos] : '\0';
}

void mexpr_skip_blanks(struct eval *e)
{
    while (e->pos < e->end && e->s[e->pos] == ' ')
        e->pos++;
}

bool mexpr_expect(struct eval *e, char c)
{
    mexpr_skip_blanks(e);
    if (mexpr_peek(e) != c)
        return mexpr_fail(e, e->pos, "'%c' expected", c);
    e->pos++;
    return true;
}

/* An operator word (AND, EQ...) at the current position, followed by a non-symbol character. */
static bool match_word(struct eval *e, const char *word)
{
    mexpr_skip_blanks(e);
    int n = (int)strlen(word);
    if (e->end - e->pos < n || strncasecmp_ascii(e->s + e->pos, word, (size_t)n) != 0)
        return false;
    if (e->pos + n < e->end && is_symbol_char((unsigned char)e->s[e->pos + n]))
        return false;
    e->pos += n;
    return true;
}

static bool to_arith(struct eval *e, struct val *v, int offset)
{
    if (!v->is_char)
        return true;
    int32_t n;
    if (!char_to_number(v->c.data ? v->c.data : "", v->c.len, &n))
        return mexpr_fail(e, offset, "'%.*s' is not a number", (int)(v->c.len > 60 ? 60 : v->c.len),
                          v->c.data ? v->c.data : "");
    mexpr_val_free(v);
    v->is_char = false;
    v->a = n;
    return true;
}

static void to_char(struct val *v)
{
    if (v->is_char)
        return;
    v->is_char = true;
    v->c.len = 0;
    append_decimal(&v->c, v->a);
    buf_cstr(&v->c);
}

static bool expr(struct eval *e, struct val *v);

bool mexpr_arith(struct eval *e, int32_t *out)
{
    int at = e->pos;
    struct val v = {0};
    bool ok = expr(e, &v) && to_arith(e, &v, at);
    *out = v.a;
    mexpr_val_free(&v);
    return ok;
}

/* ---- variable symbol references ------------------------------------------------------------------ */

enum sys_var { SYS_LIST, SYS_NDX, SYS_ECT, SYS_PARM, SYS_NEST };

static const struct sys_var_entry {
    const char *name;
    enum sys_var id;
    bool macro_only;
} sys_vars[] = {
    {"SYSLIST", SYS_LIST, true}, {"SYSNDX", SYS_NDX, true},    {"SYSECT", SYS_ECT, true},
    {"SYSPARM", SYS_PARM, false}, {"SYSNEST", SYS_NEST, true},
};

static const struct sys_var_entry *find_sys_var(const char *name, size_t len)
{
    if (len < 3 || strncasecmp_ascii(name, "SYS", 3) != 0)
        return NULL;
    for (size_t i = 0; i < sizeof sys_vars / sizeof sys_vars[0]; i++)
        if (mengine_word_is(name, len, sys_vars[i].name))
            return &sys_vars[i];
    return NULL;
}

bool mexpr_is_system_variable(const char *name, size_t len)
{
    return find_sys_var(name, len) != NULL;
}

enum ref_kind {
    REF_VALUE,       /* one value: SET symbol (element), parameter (sublist element), system variable */
    REF_SYSLIST_ALL, /* &SYSLIST without subscript (N'&SYSLIST) */
    REF_ARRAY_ALL,   /* a dimensioned SET symbol without subscript (N'&A) */
};

struct ref {
    enum ref_kind kind;
    const struct var *var; /* NULL for system variables */
    bool is_char;
    int32_t a;
    const char *c; /* borrowed character value */
    size_t clen;
};

/* (e1,e2,...) at the current position into subs; returns false after an error. */
bool mexpr_subscripts(struct eval *e, long *subs, int max, int *n)
{
    int open = e->pos++;
    *n = 0;
    if (++e->depth > EXPR_DEPTH_LIMIT)
        return mexpr_fail(e, open, "expression nested too deeply");
    for (;;) {
        int32_t v;
        if (!mexpr_arith(e, &v))
            return false;
        if (*n == max)
            return mexpr_fail(e, open, "too many subscripts (at most %d)", max);
        subs[(*n)++] = v;
        mexpr_skip_blanks(e);
        if (mexpr_peek(e) == ',') {
            e->pos++;
            continue;
        }
        e->depth--;
        return mexpr_expect(e, ')');
    }
}

static void ref_char(struct ref *r, const char *s, size_t len)
{
    r->is_char = true;
    r->c = s ? s : "";
    r->clen = s ? len : 0;
}

static void ref_sublist(struct ref *r, const long *subs, int n)
{
    for (int i = 0; i < n; i++)
        sublist_element(&r->c, &r->clen, subs[i]);
}

static bool sys_reference(struct eval *e, const struct sys_var_entry *sv, int at, bool allow_whole, struct ref *r)
{
    struct frame *fr = e->c->fr;
    if (sv->macro_only && !fr->def)
        return mexpr_fail(e, at, "&%s can only be used inside a macro", sv->name);
    switch (sv->id) {
    case SYS_LIST: {
        long subs[SUBLIST_LEVELS];
        int n = 0;
        if (mexpr_peek(e) != '(') {
            if (!allow_whole)
                return mexpr_fail(e, at, "&SYSLIST needs a subscript");
            r->kind = REF_SYSLIST_ALL;
            return true;
        }
        if (!mexpr_subscripts(e, subs, SUBLIST_LEVELS, &n))
            return false;
        if (subs[0] < 0)
            return mexpr_fail(e, at, "&SYSLIST subscript must not be negative");
        if (subs[0] == 0)
            ref_char(r, fr->label, strlen(fr->label));
        else if ((size_t)subs[0] <= fr->npositional)
            ref_char(r, fr->positional[subs[0] - 1], strlen(fr->positional[subs[0] - 1]));
        else
            ref_char(r, NULL, 0);
        ref_sublist(r, subs + 1, n - 1);
        return true;
    }
    case SYS_NDX:
        ref_char(r, fr->sysndx, strlen(fr->sysndx));
        return true;
    case SYS_ECT:
        ref_char(r, fr->sysect, strlen(fr->sysect));
        return true;
    case SYS_PARM:
        ref_char(r, NULL, 0);
        return true;
    case SYS_NEST:
        r->a = fr->depth;
        return true;
    }
    return true;
}

static bool element_reference(struct eval *e, const struct var *v, int at, bool allow_whole, struct ref *r)
{
    long subs[SUBLIST_LEVELS];
    int n = 0;
    size_t index = 0;
    if (v->type == VAR_PARAM) {
        ref_char(r, v->c[0], v->c[0] ? strlen(v->c[0]) : 0);
        if (mexpr_peek(e) == '(') {
            if (!mexpr_subscripts(e, subs, SUBLIST_LEVELS, &n))
                return false;
            ref_sublist(r, subs, n);
        }
        return true;
    }
    if (v->dimensioned) {
        if (mexpr_peek(e) != '(') {
            if (!allow_whole)
                return mexpr_fail(e, at, "&%s is dimensioned and needs a subscript", v->e.name);
            r->kind = REF_ARRAY_ALL;
            return true;
        }
        if (!mexpr_subscripts(e, subs, 1, &n))
            return false;
        if (subs[0] < 1 || subs[0] > SUBSCRIPT_MAX)
            return mexpr_fail(e, at, "subscript %ld of &%s out of range (1-%d)", subs[0], v->e.name, SUBSCRIPT_MAX);
        index = (size_t)subs[0] - 1;
    }
    /* a scalar followed by '(' is not subscripted: the parenthesis is ordinary text */
    if (v->type == VAR_C)
        ref_char(r, index < v->cap ? v->c[index] : NULL, index < v->cap && v->c[index] ? strlen(v->c[index]) : 0);
    else
        r->a = index < v->cap ? v->a[index] : 0;
    return true;
}

/*
 * A variable symbol reference at the current position ('&'): &NAME, &NAME(sub), &NAME(sub,sub).
 * allow_whole accepts &SYSLIST and dimensioned symbols without subscript (for N').
 */
static bool reference(struct eval *e, bool allow_whole, struct ref *r)
{
    int at = e->pos;
    memset(r, 0, sizeof *r);
    e->pos++;
    int len = mengine_symbol_length(e->s + e->pos, e->end - e->pos);
    if (len == 0) {
        if (mexpr_peek(e) == '(')
            return mexpr_fail(e, at, "created SET symbols &(...) are not supported");
        return mexpr_fail(e, at, "'&' must start a variable symbol (write && for an ampersand)");
    }
    const char *name = e->s + e->pos;
    e->pos += len;
    const struct sys_var_entry *sv = find_sys_var(name, (size_t)len);
    if (sv)
        return sys_reference(e, sv, at, allow_whole, r);
    struct var *v = mengine_lookup_var(e->c->m, e->c->fr, name, (size_t)len);
    if (!v)
        return mexpr_fail(e, at, "undefined variable symbol &%.*s", len, name);
    r->var = v;
    return element_reference(e, v, at, allow_whole, r);
}

/* Append a reference's value as text (the form substitution uses), then drop a concatenation period. */
static bool append_reference(struct eval *e, struct buf *out)
{
    struct ref r;
    if (!reference(e, false, &r))
        return false;
    if (r.is_char)
        buf_add(out, r.c, r.clen);
    else
        append_decimal(out, r.a);
    if (mexpr_peek(e) == '.')
        e->pos++;
    return true;
}

/* ---- expressions: character strings -------------------------------------------------------------- */

static bool check_length(struct eval *e, int at, size_t len)
{
    if (len > SETC_MAX)
        return mexpr_fail(e, at, "character value longer than %d characters", SETC_MAX);
    return true;
}

/* '(start,length)' or '(start,*)' after a string: keep that part of out. */
static bool substring(struct eval *e, struct buf *out)
{
    int at = e->pos++;
    int32_t start, length;
    if (++e->depth > EXPR_DEPTH_LIMIT)
        return mexpr_fail(e, at, "expression nested too deeply");
    if (!mexpr_arith(e, &start) || !mexpr_expect(e, ','))
        return false;
    mexpr_skip_blanks(e);
    bool to_end = mexpr_peek(e) == '*';
    if (to_end)
        e->pos++;
    else if (!mexpr_arith(e, &length))
        return false;
    if (!mexpr_expect(e, ')'))
        return false;
    e->depth--;
    if (start < 1)
        return mexpr_fail(e, at, "substring start %d must be 1 or more", (int)start);
    if (!to_end && length < 0)
        return mexpr_fail(e, at, "substring length %d must not be negative", (int)length);
    size_t from = (size_t)start - 1;
    size_t avail = from < out->len ? out->len - from : 0;
    size_t n = to_end || (size_t)length > avail ? avail : (size_t)length;
    if (n)
        memmove(out->data, out->data + from, n);
    out->len = n;
    buf_cstr(out);
    return true;
}

/* A quoted character string with substitution ('' is one quote, && stays two ampersands). */
bool mexpr_quoted_string(struct eval *e, struct buf *out)
{
    int open = e->pos++;
    for (;;) {
        if (e->pos >= e->end)
            return mexpr_fail(e, open, "missing closing quote");
        char ch = e->s[e->pos];
        if (ch == '\'' && e->pos + 1 < e->end && e->s[e->pos + 1] == '\'') {
            buf_addc(out, '\'');
            e->pos += 2;
        } else if (ch == '\'') {
            e->pos++;
            break;
        } else if (ch == '&' && e->pos + 1 < e->end && e->s[e->pos + 1] == '&') {
            buf_add(out, "&&", 2);
            e->pos += 2;
        } else if (ch == '&') {
            if (!append_reference(e, out))
                return false;
        } else {
            buf_addc(out, ch);
            e->pos++;
        }
    }
    buf_cstr(out);
    if (mexpr_peek(e) == '(' && !substring(e, out))
        return false;
    return check_length(e, open, out->len);
}

/* (count)'string': the string repeated; the count has already been evaluated. */
static bool duplicated_string(struct eval *e, int at, int32_t count, struct val *v)
{
    struct buf one = {0};
    bool ok = mexpr_quoted_string(e, &one);
    if (ok && count < 0)
        ok = mexpr_fail(e, at, "duplication factor %d must not be negative", (int)count);
    if (ok && one.len && (size_t)count > SETC_MAX / one.len)
        ok = mexpr_fail(e, at, "character value longer than %d characters", SETC_MAX);
    v->is_char = true;
    for (int32_t i = 0; ok && i < count; i++)
        buf_add(&v->c, one.data, one.len);
    buf_cstr(&v->c);
    buf_free(&one);
    return ok;
}

/* ---- expressions: attribute references --------------------------------------------------------- */

static bool ordinary_attribute(struct eval *e, const char *name, size_t len, char attribute, long *value)
{
    char symbol[SYMBOL_MAX + 1];
    const struct macro_hooks *h = &e->c->m->hooks;
    if (!mengine_is_symbol(name, len) || !h->symbol_attribute)
        return false;
    memcpy(symbol, name, len);
    symbol[len] = '\0';
    return h->symbol_attribute(h->ctx, symbol, attribute, value);
}

/* T' of a value that names an operand: O omitted, N self-defining term, else the symbol's type or U. */
static char type_of_text(struct eval *e, const char *s, size_t len)
{
    int32_t n;
    long type;
    if (len == 0)
        return 'O';
    if (char_to_number(s, len, &n))
        return 'N';
    if (ordinary_attribute(e, s, len, 'T', &type))
        return (char)type;
    return 'U';
}

/* The symbol an L'/T'/D' reference is about: &VAR (its value) or an ordinary symbol written out. */
static bool attribute_subject(struct eval *e, struct ref *r)
{
    if (mexpr_peek(e) == '&')
        return reference(e, false, r);
    int len = mengine_symbol_length(e->s + e->pos, e->end - e->pos);
    if (len == 0)
        return mexpr_fail(e, e->pos, "symbol or variable symbol expected after the attribute");
    memset(r, 0, sizeof *r);
    ref_char(r, e->s + e->pos, (size_t)len);
    e->pos += len;
    return true;
}

static bool symbol_attribute_value(struct eval *e, char attribute, int at, struct val *v)
{
    struct ref r;
    if (!attribute_subject(e, &r))
        return false;
    if (attribute == 'T') {
        v->is_char = true;
        buf_addc(&v->c, r.is_char ? type_of_text(e, r.c, r.clen) : 'N'); /* SETA and SETB values are numbers */
        return true;
    }
    long value = 0;
    bool defined = r.is_char && ordinary_attribute(e, r.c, r.clen, attribute, &value);
    if (attribute == 'D') {
        v->a = defined;
    } else if (defined) {
        v->a = (int32_t)value;
    } else {
        mengine_message_at(e->c->m, e->c->src, at, DIAG_WARNING, "L' of undefined symbol %.*s taken as 1",
                           (int)(r.clen > 60 ? 60 : r.clen), r.c ? r.c : "");
        v->a = 1;
    }
    return true;
}

static bool count_attribute(struct eval *e, char attribute, int at, struct val *v)
{
    struct ref r;
    if (mexpr_peek(e) != '&')
        return mexpr_fail(e, at, "%c' needs a variable symbol", attribute);
    if (!reference(e, attribute == 'N', &r))
        return false;
    if (attribute == 'K') {
        v->a = r.is_char ? (int32_t)r.clen : snprintf(NULL, 0, "%d", (int)r.a); /* characters when substituted */
    } else if (r.kind == REF_SYSLIST_ALL) {
        v->a = (int32_t)e->c->fr->npositional;
    } else if (r.kind == REF_ARRAY_ALL) {
        v->a = (int32_t)r.var->highest;
    } else {
        bool operand = !r.var || r.var->type == VAR_PARAM; /* SET symbols have no sublists */
        v->a = operand && r.is_char ? (int32_t)sublist_count(r.c, r.clen) : 0;
    }
    return true;
}

/* K'&P, N'&P, L'X, T'&P, D'X at the current position (the letter). */
static bool attribute(struct eval *e, struct val *v)
{
    int at = e->pos;
    char letter = (char)toupper((unsigned char)e->s[e->pos]);
    e->pos += 2;
    switch (letter) {
    case 'K':
    case 'N':
        return count_attribute(e, letter, at, v);
    case 'L':
    case 'T':
    case 'D':
        return symbol_attribute_value(e, letter, at, v);
    default:
        return mexpr_fail(e, at, "attribute %c' is not supported", letter);
    }
}

/* ---- expressions: terms and operators ------------------------------------------------------------ */

static bool self_defining(struct eval *e, struct val *v)
{
    int end;
    int64_t n;
    const char *error;
    if (!self_defining_term(e->s + e->pos, &end, &n, &error))
        return mexpr_fail(e, e->pos, "%s", error);
    if (e->pos + end > e->end)
        return mexpr_fail(e, e->pos, "self-defining term runs past the operand");
    e->pos += end;
    v->a = (int32_t)n;
    return true;
}

static bool paren_or_duplication(struct eval *e, struct val *v)
{
    int at = e->pos++;
    if (++e->depth > EXPR_DEPTH_LIMIT)
        return mexpr_fail(e, at, "expression nested too deeply");
    if (!expr(e, v) || !mexpr_expect(e, ')'))
        return false;
    e->depth--;
    if (mexpr_peek(e) != '\'')
        return true;
    if (!to_arith(e, v, at))
        return false;
    return duplicated_string(e, at, v->a, v);
}

static bool primary(struct eval *e, struct val *v)
{
    mexpr_skip_blanks(e);
    char c = mexpr_peek(e);
    int at = e->pos;
    if (c == '(')
        return paren_or_duplication(e, v);
    if (c == '\'') {
        v->is_char = true;
        return mexpr_quoted_string(e, &v->c);
    }
    if (c == '&') {
        /* unquoted, a variable symbol is an arithmetic term (HLASM converts SETC and parameters) */
        struct ref r;
        if (!reference(e, false, &r))
            return false;
        if (!r.is_char) {
            v->a = r.a;
            return true;
        }
        if (!char_to_number(r.c, r.clen, &v->a))
            return mexpr_fail(e, at, "value '%.*s' of %.*s is not a number", (int)(r.clen > 60 ? 60 : r.clen), r.c,
                              e->pos - at, e->s + at);
        return true;
    }
    if (isdigit((unsigned char)c))
        return self_defining(e, v);
    char upper = (char)toupper((unsigned char)c);
    if ((upper == 'X' || upper == 'B' || upper == 'C') && e->pos + 1 < e->end && e->s[e->pos + 1] == '\'')
        return self_defining(e, v);
    if (e->pos + 1 < e->end && e->s[e->pos + 1] == '\'' && quote_is_attribute(e->s, e->pos + 1))
        return attribute(e, v);
    if (!c)
        return mexpr_fail(e, at, "expression expected");
    return mexpr_fail(e, at, "unexpected '%c' in expression", c);
}

/* primary { . 'string' }: character concatenation */
static bool concatenation(struct eval *e, struct val *v)
{
    if (!primary(e, v))
        return false;
    while (v->is_char && mexpr_peek(e) == '.' && e->pos + 1 < e->end && e->s[e->pos + 1] == '\'') {
        int at = ++e->pos;
        struct val next = {0};
        bool ok = primary(e, &next);
        if (ok) {
            buf_add(&v->c, next.c.data, next.c.len);
            ok = check_length(e, at, v->c.len);
        }
        mexpr_val_free(&next);
        if (!ok)
            return false;
    }
    return true;
}

static bool unary(struct eval *e, struct val *v)
{
    bool negate = false;
    int at;
    for (;;) {
        mexpr_skip_blanks(e);
        at = e->pos;
        if (mexpr_peek(e) == '-')
            negate = !negate;
        else if (mexpr_peek(e) != '+')
            break;
        e->pos++;
    }
    if (!concatenation(e, v))
        return false;
    if (negate) {
        if (!to_arith(e, v, at))
            return false;
        v->a = (int32_t)(0u - (uint32_t)v->a);
    }
    return true;
}

static int32_t arith_apply(char op, int32_t x, int32_t y)
{
    switch (op) {
    case '+':
        return (int32_t)((uint32_t)x + (uint32_t)y);
    case '-':
        return (int32_t)((uint32_t)x - (uint32_t)y);
    case '*':
        return (int32_t)(uint32_t)((int64_t)x * y);
    default: /* '/': truncating; HLASM gives 0 for division by zero */
        return y == 0 ? 0 : (int32_t)(uint32_t)((int64_t)x / y);
    }
}

/* Binary arithmetic operators of one precedence level (ops) over operands parsed by next. */
static bool arith_level(struct eval *e, struct val *v, const char *ops, bool (*next)(struct eval *, struct val *))
{
    int at = e->pos;
    if (!next(e, v))
        return false;
    for (;;) {
        mexpr_skip_blanks(e);
        char op = mexpr_peek(e);
        if (!op || !strchr(ops, op))
            return true;
        e->pos++;
        int rhs_at = e->pos;
        struct val rhs = {0};
        bool ok = to_arith(e, v, at) && next(e, &rhs) && to_arith(e, &rhs, rhs_at);
        v->a = ok ? arith_apply(op, v->a, rhs.a) : 0;
        mexpr_val_free(&rhs);
        if (!ok)
            return false;
    }
}

static bool product(struct eval *e, struct val *v)
{
    return arith_level(e, v, "*/", unary);
}

static bool sum(struct eval *e, struct val *v)
{
    return arith_level(e, v, "+-", product);
}

/* Character comparison: a shorter string is lower; equal lengths compare in EBCDIC collating order. */
static int compare_chars(const struct buf *a, const struct buf *b)
{
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (size_t i = 0; i < a->len; i++) {
        int x = latin1_to_ebcdic[(unsigned char)a->data[i]], y = latin1_to_ebcdic[(unsigned char)b->data[i]];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

static const struct relop {
    const char *word;
    bool lt, eq, gt; /* which outcomes make it true */
} relops[] = {
    {"EQ", false, true, false}, {"NE", true, false, true}, {"LT", true, false, false},
    {"LE", true, true, false},  {"GT", false, false, true}, {"GE", false, true, true},
};

static bool relation(struct eval *e, struct val *v)
{
    if (!sum(e, v))
        return false;
    const struct relop *op = NULL;
    int at = e->pos;
    for (size_t i = 0; i < sizeof relops / sizeof relops[0] && !op; i++)
        if (match_word(e, relops[i].word))
            op = &relops[i];
    if (!op) {
        e->pos = at;
        return true;
    }
    struct val rhs = {0};
    bool ok = sum(e, &rhs);
    if (ok && v->is_char != rhs.is_char)
        ok = mexpr_fail(e, at, "a character value cannot be compared with a number (quote both sides)");
    if (ok) {
        int cmp = v->is_char ? compare_chars(&v->c, &rhs.c) : (v->a > rhs.a) - (v->a < rhs.a);
        mexpr_val_free(v);
        v->is_char = false;
        v->a = cmp < 0 ? op->lt : cmp == 0 ? op->eq : op->gt;
    }
    mexpr_val_free(&rhs);
    return ok;
}

static bool negation(struct eval *e, struct val *v)
{
    bool invert = false;
    int at = e->pos;
    while (match_word(e, "NOT")) {
        invert = !invert;
        at = e->pos;
    }
    if (!relation(e, v))
        return false;
    if (!invert)
        return true;
    if (!to_arith(e, v, at))
        return false;
    v->a = e->logical ? !v->a : (int32_t)~(uint32_t)v->a;
    return true;
}

/* AND binds tighter than OR and XOR; on 0/1 values the bitwise operations are the logical ones. */
static bool logical_level(struct eval *e, struct val *v, const char *const *words,
                          bool (*next)(struct eval *, struct val *))
{
    int at = e->pos;
    if (!next(e, v))
        return false;
    for (;;) {
        int k = -1, before = e->pos;
        for (int i = 0; words[i] && k < 0; i++)
            if (match_word(e, words[i]))
                k = i;
        if (k < 0) {
            e->pos = before;
            return true;
        }
        int rhs_at = e->pos;
        struct val rhs = {0};
        bool ok = to_arith(e, v, at) && next(e, &rhs) && to_arith(e, &rhs, rhs_at);
        uint32_t x = (uint32_t)v->a, y = (uint32_t)rhs.a;
        v->a = (int32_t)(words[k][0] == 'A' ? x & y : words[k][0] == 'O' ? x | y : x ^ y);
        mexpr_val_free(&rhs);
        if (!ok)
            return false;
    }
}

static bool conjunction(struct eval *e, struct val *v)
{
    static const char *const words[] = {"AND", NULL};
    return logical_level(e, v, words, negation);
}

static bool expr(struct eval *e, struct val *v)
{
    static const char *const words[] = {"OR", "XOR", NULL};
    return logical_level(e, v, words, conjunction);
}

/* A SETB/AIF condition: an expression whose value is 0 or 1. */
bool mexpr_logical(struct eval *e, bool *out)
{
    int at = e->pos;
    int32_t v;
    *out = false;
    e->logical = true;
    if (!mexpr_arith(e, &v))
        return false;
    if (v != 0 && v != 1)
        return mexpr_fail(e, at, "logical value must be 0 or 1, not %d", (int)v);
    *out = v;
    return true;
}

/* One SETx value: an expression converted to the target's type (SETB: a logical expression). */
bool mexpr_typed_value(struct eval *e, enum var_type type, struct val *v)
{
    int at = e->pos;
    if (type == VAR_B) {
        bool b;
        if (!mexpr_logical(e, &b))
            return false;
        v->a = b;
        return true;
    }
    if (!expr(e, v))
        return false;
    if (type == VAR_A)
        return to_arith(e, v, at);
    to_char(v);
    return check_length(e, at, v->c.len);
}

bool mexpr_at_operand_end(struct eval *e)
{
    mexpr_skip_blanks(e);
    if (e->pos < e->end)
        return mexpr_fail(e, e->pos, "unexpected '%c' in operand", e->s[e->pos]);
    return true;
}

/* ---- substitution ----------------------------------------------------------------------------- */

/* Replace the variable symbols of text[from,to) into out; false after an error. */
bool mexpr_substitute(struct eval *e, int from, int to, struct buf *out)
{
    int i = from;
    e->end = to;
    while (i < to) {
        const char *amp = memchr(e->s + i, '&', (size_t)(to - i));
        if (!amp) {
            buf_add(out, e->s + i, (size_t)(to - i));
            break;
        }
        int k = (int)(amp - e->s);
        buf_add(out, e->s + i, (size_t)(k - i));
        if (k + 1 < to && e->s[k + 1] == '&') {
            buf_add(out, "&&", 2); /* stays paired: DC and MNOTE make one ampersand of it */
            i = k + 2;
            continue;
        }
        e->pos = k;
        if (!append_reference(e, out))
            return false;
        if (out->len > STATEMENT_MAX)
            return mexpr_fail(e, k, "statement longer than %d characters after substitution", STATEMENT_MAX);
        i = e->pos;
    }
    buf_cstr(out);
    return true;
}
