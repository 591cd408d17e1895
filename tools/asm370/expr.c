/*
 * expr.c - assembler expressions: terms (symbols, qualified symbols LBL.SYM, *, self-defining terms
 * decimal, X'..', B'..', C'..', length attributes L'SYM and L'*, literals as whole operands) combined
 * with + - * / and parentheses, with HLASM's relocatability rules: only absolute terms multiply or
 * divide; A-B in the same section is absolute.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm_int.h"
#include "common/util.h"

#define EXPR_MAX_DEPTH 100

struct parser {
    struct assembly *a;
    const char *s;
    int pos;
    int depth;
    bool error;
    struct expr_result *r;
};

static void parse_error(struct parser *p, const char *msg)
{
    if (!p->error)
        stmt_error(p->a, operand_offset(p->a, p->s + p->pos), "%s", msg);
    p->error = true;
}

static int symbol_length(const char *s)
{
    int i = 0;
    if (!is_symbol_start((unsigned char)s[0]))
        return 0;
    while (is_symbol_char((unsigned char)s[i]))
        i++;
    return i;
}

/* Length of a literal starting at '=': the type part and then its quoted or parenthesised nominal value. */
static int literal_extent(const char *s)
{
    int i = 1;
    while (s[i] && s[i] != '\'' && s[i] != '(' && s[i] != ',' && s[i] != ' ')
        i++;
    if (s[i] == '(' && i >= 2 && toupper((unsigned char)s[i - 1]) == 'L') {
        /* a length modifier L(expr): skip it, the nominal value follows */
        int depth = 0;
        do {
            if (s[i] == '(')
                depth++;
            else if (s[i] == ')')
                depth--;
            i++;
        } while (s[i] && depth > 0);
        while (s[i] && s[i] != '\'' && s[i] != '(' && s[i] != ',' && s[i] != ' ')
            i++;
    }
    if (s[i] == '\'') {
        i++;
        while (s[i]) {
            if (s[i] == '\'' && s[i + 1] == '\'')
                i += 2;
            else if (s[i] == '\'')
                return i + 1;
            else
                i++;
        }
        return i;
    }
    if (s[i] == '(') {
        int depth = 0;
        do {
            if (s[i] == '(')
                depth++;
            else if (s[i] == ')')
                depth--;
            i++;
        } while (s[i] && depth > 0);
    }
    return i;
}

static void symbol_term(struct parser *p, struct value *v, int len)
{
    struct assembly *a = p->a;
    const char *name = p->s + p->pos;
    p->pos += len;
    struct symbol *s = sym_lookup(a, name, (size_t)len);
    /* LBL.SYM: a labeled USING's qualifier */
    if (p->s[p->pos] == '.' && s && s->using_label) {
        int len2 = symbol_length(p->s + p->pos + 1);
        if (len2) {
            p->r->qualifier = s;
            name = p->s + p->pos + 1;
            p->pos += 1 + len2;
            len = len2;
            s = sym_lookup(a, name, (size_t)len);
        }
    }
    if (!s)
        s = sym_get(a, name, (size_t)len);
    sym_reference(a, s);
    if (!p->r->first_symbol) {
        p->r->first_symbol = s;
        p->r->implied_length = s->defined ? s->length : 1;
    }
    if (!s->defined) {
        p->r->known = false;
        value_abs(v, 0);
        if (a->final && !p->error) {
            stmt_error(a, operand_offset(a, name), "undefined symbol %s", s->name);
            p->error = true;
        }
        return;
    }
    *v = s->value;
}

static bool parse_expr(struct parser *p, struct value *v);

static void attribute_term(struct parser *p, struct value *v)
{
    /* L'SYM or L'*: the length attribute */
    p->pos += 2;
    if (p->s[p->pos] == '*') {
        p->pos++;
        struct stmt *st = &p->a->stmts[p->a->cur];
        value_abs(v, st->nbytes ? st->nbytes : 1);
        return;
    }
    int len = symbol_length(p->s + p->pos);
    if (!len) {
        parse_error(p, "symbol expected after L'");
        value_abs(v, 0);
        return;
    }
    struct symbol *s = sym_get(p->a, p->s + p->pos, (size_t)len);
    p->pos += len;
    sym_reference(p->a, s);
    if (!s->defined)
        p->r->known = false;
    value_abs(v, s->defined ? s->length : 1);
}

static bool parse_primary(struct parser *p, struct value *v)
{
    const char *s = p->s + p->pos;
    if (*s == '(') {
        if (++p->depth > EXPR_MAX_DEPTH) {
            parse_error(p, "expression nested too deeply");
            return false;
        }
        p->pos++;
        if (!parse_expr(p, v))
            return false;
        p->depth--;
        if (p->s[p->pos] != ')') {
            parse_error(p, "missing right parenthesis");
            return false;
        }
        p->pos++;
        return true;
    }
    if (*s == '*') {
        p->pos++;
        if (p->a->location_override) {
            *v = *p->a->location_override;
            return true;
        }
        uint32_t here = cur_location(p->a); /* opens private code if no section is open yet */
        value_reloc(v, p->a->cur_section, here);
        return true;
    }
    if (toupper((unsigned char)s[0]) == 'L' && s[1] == '\'' && quote_is_attribute(p->s, p->pos + 1)) {
        attribute_term(p, v);
        return true;
    }
    if (*s == '=') {
        int len = literal_extent(s);
        char *text = xstrndup(s, (size_t)len);
        int index = literal_use(p->a, text, operand_offset(p->a, s));
        free(text);
        p->pos += len;
        uint32_t length = 1;
        if (index < 0 || !literal_value(p->a, index, v, &length)) {
            value_abs(v, 0);
            p->r->known = false;
        }
        if (p->r->first_literal == -2) {
            p->r->first_literal = index;
            p->r->implied_length = length;
        }
        return index >= 0;
    }
    int64_t n;
    int end;
    const char *err;
    if (isdigit((unsigned char)*s) || (*s && strchr("XBCxbc", *s) && s[1] == '\'')) {
        if (!self_defining_term(s, &end, &n, &err)) {
            parse_error(p, err);
            return false;
        }
        p->pos += end;
        value_abs(v, n);
        return true;
    }
    int len = symbol_length(s);
    if (len) {
        symbol_term(p, v, len);
        return true;
    }
    parse_error(p, *s ? "invalid term in expression" : "expression expected");
    return false;
}

static bool parse_unary(struct parser *p, struct value *v)
{
    char c = p->s[p->pos];
    if (c == '+' || c == '-') {
        p->pos++;
        if (!parse_unary(p, v))
            return false;
        if (c == '-') {
            struct value zero;
            value_abs(&zero, 0);
            value_add(&zero, v, -1);
            *v = zero;
        }
        return true;
    }
    return parse_primary(p, v);
}

static bool multiply(struct parser *p, struct value *v, const struct value *rhs, char op)
{
    if (!value_is_abs(v) || !value_is_abs(rhs)) {
        parse_error(p, "relocatable term in multiplication or division");
        return false;
    }
    int32_t x = (int32_t)v->v, y = (int32_t)rhs->v;
    if (op == '*')
        v->v = (int32_t)(uint32_t)((int64_t)x * y);
    else
        v->v = y == 0 ? 0 : (int32_t)((int64_t)x / y); /* HLASM: division by zero gives 0 */
    return true;
}

static bool parse_term(struct parser *p, struct value *v)
{
    if (!parse_unary(p, v))
        return false;
    while (p->s[p->pos] == '*' || p->s[p->pos] == '/') {
        char op = p->s[p->pos++];
        struct value rhs;
        if (!parse_unary(p, &rhs) || !multiply(p, v, &rhs, op))
            return false;
    }
    return true;
}

static bool parse_expr(struct parser *p, struct value *v)
{
    if (!parse_term(p, v))
        return false;
    while (p->s[p->pos] == '+' || p->s[p->pos] == '-') {
        char op = p->s[p->pos++];
        struct value rhs;
        if (!parse_term(p, &rhs))
            return false;
        value_add(v, &rhs, op == '+' ? 1 : -1);
        if (v->nterms == VALUE_MAX_TERMS) {
            parse_error(p, "expression refers to too many sections");
            return false;
        }
    }
    v->v = (int32_t)(uint32_t)v->v; /* assembler arithmetic is 32-bit */
    return true;
}

bool expr_eval(struct assembly *a, const char *s, int *end, struct expr_result *r)
{
    memset(r, 0, sizeof *r);
    r->known = true;
    r->first_literal = -2;
    r->implied_length = 1;
    struct parser p = {.a = a, .s = s, .r = r};
    bool ok = parse_expr(&p, &r->value);
    if (r->first_literal == -2)
        r->first_literal = -1;
    *end = p.pos;
    return ok && !p.error;
}

bool expr_absolute(struct assembly *a, const char *s, int64_t *out, int col)
{
    struct expr_result r;
    int end;
    (void)col;
    *out = 0;
    if (!expr_eval(a, s, &end, &r))
        return false;
    if (s[end]) {
        stmt_error(a, operand_offset(a, s + end), "unexpected text '%s' after expression", s + end);
        return false;
    }
    if (!r.known) {
        a->unresolved = true;
        return false;
    }
    if (!value_is_abs(&r.value)) {
        stmt_error(a, operand_offset(a, s), "absolute expression expected, '%s' is relocatable", s);
        return false;
    }
    *out = r.value.v;
    return true;
}
