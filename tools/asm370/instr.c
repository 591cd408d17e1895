/*
 * instr.c - machine instructions: the opcode table (generated from cpu370/opcodes.h plus HLASM's
 * extended branch mnemonics and alternate names), operand parsing for each format, and resolving
 * implicit addresses to base and displacement through the active USINGs.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cpu370/opcodes.h"
#include "tools/asm370/asm_int.h"
#include "common/util.h"

struct opcode {
    const char *name;
    unsigned code;
    enum s370_format format;
    int mask; /* extended mnemonics: the branch mask supplied as the first operand; -1 otherwise */
};

static const struct opcode machine_opcodes[] = {
#define OPCODE_ENTRY(code, name, format, flags) {#name, code, S370_FMT_##format, -1},
    S370_OPCODES(OPCODE_ENTRY)
#undef OPCODE_ENTRY
    /* HLASM's names for the multiply instructions that produce a long result */
    {"MDER", 0x3C, S370_FMT_RR, -1},
    {"MDE", 0x7C, S370_FMT_RX, -1},
};

/* Extended mnemonics (GA22-7000 Appendix: condition-code masks; HLASM Language Reference). */
#define BRANCH_PAIR(rx, rr, m) {rx, 0x47, S370_FMT_RX_M, m}, {rr, 0x07, S370_FMT_RR_M, m}
static const struct opcode extended_opcodes[] = {
    BRANCH_PAIR("B", "BR", 15),   BRANCH_PAIR("NOP", "NOPR", 0), BRANCH_PAIR("BH", "BHR", 2),
    BRANCH_PAIR("BL", "BLR", 4),  BRANCH_PAIR("BE", "BER", 8),   BRANCH_PAIR("BNH", "BNHR", 13),
    BRANCH_PAIR("BNL", "BNLR", 11), BRANCH_PAIR("BNE", "BNER", 7), BRANCH_PAIR("BO", "BOR", 1),
    BRANCH_PAIR("BP", "BPR", 2),  BRANCH_PAIR("BM", "BMR", 4),   BRANCH_PAIR("BZ", "BZR", 8),
    BRANCH_PAIR("BNO", "BNOR", 14), BRANCH_PAIR("BNP", "BNPR", 13), BRANCH_PAIR("BNM", "BNMR", 11),
    BRANCH_PAIR("BNZ", "BNZR", 7),
};

#define OPCODE_HASH_SIZE 1024
static const struct opcode *opcode_hash[OPCODE_HASH_SIZE];

static void hash_insert(const struct opcode *op)
{
    uint32_t h = hash_upper(op->name, strlen(op->name)) & (OPCODE_HASH_SIZE - 1);
    while (opcode_hash[h])
        h = (h + 1) & (OPCODE_HASH_SIZE - 1);
    opcode_hash[h] = op;
}

static const struct opcode *find_opcode(const char *name, size_t len)
{
    static bool built;
    if (!built) {
        for (size_t i = 0; i < sizeof machine_opcodes / sizeof machine_opcodes[0]; i++)
            hash_insert(&machine_opcodes[i]);
        for (size_t i = 0; i < sizeof extended_opcodes / sizeof extended_opcodes[0]; i++)
            hash_insert(&extended_opcodes[i]);
        built = true;
    }
    if (len == 0 || len > 8)
        return NULL;
    uint32_t h = hash_upper(name, len) & (OPCODE_HASH_SIZE - 1);
    for (; opcode_hash[h]; h = (h + 1) & (OPCODE_HASH_SIZE - 1))
        if (strlen(opcode_hash[h]->name) == len && strncasecmp_ascii(opcode_hash[h]->name, name, len) == 0)
            return opcode_hash[h];
    return NULL;
}

bool instr_is_machine(const char *op, size_t len)
{
    return find_opcode(op, len) != NULL;
}

/* ---- USING resolution --------------------------------------------------------------------------- */

/* Among the USINGs covering the address take the smallest displacement, on a tie the highest register
   (HLASM's rule).  An absolute address below 4096 can always use register 0. */
bool resolve_address(struct assembly *a, const struct expr_result *r, int col, unsigned *base, unsigned *disp)
{
    *base = 0;
    *disp = 0;
    if (!r->known)
        return true;
    const struct value *v = &r->value;
    bool absolute = value_is_abs(v);
    if (!absolute && !value_is_simple(v)) {
        stmt_error(a, col, "address is not simply relocatable");
        return false;
    }
    int64_t best = -1;
    int best_reg = -1;
    if (absolute && v->v >= 0 && v->v < 4096 && !r->qualifier) {
        best = v->v;
        best_reg = 0;
    }
    for (int i = 0; i < a->nusings; i++) {
        const struct using_entry *u = &a->usings[i];
        if (u->label != r->qualifier)
            continue;
        if (absolute != value_is_abs(&u->base))
            continue;
        if (!absolute && u->base.terms[0].base != v->terms[0].base)
            continue;
        int64_t d = v->v - u->base.v;
        if (d < 0 || d > 4095)
            continue;
        if (best < 0 || d < best || (d == best && u->reg > best_reg)) {
            best = d;
            best_reg = u->reg;
        }
    }
    if (best < 0) {
        if (absolute)
            stmt_error(a, col, "displacement %lld outside 0-4095 and no USING covers it", (long long)v->v);
        else if (r->qualifier)
            stmt_error(a, col, "no USING labeled %s covers address X'%06llX'", r->qualifier->name,
                       (unsigned long long)(v->v & 0xFFFFFF));
        else
            stmt_error(a, col, "no USING covers address X'%06llX' (no base register available)",
                       (unsigned long long)(v->v & 0xFFFFFF));
        return false;
    }
    *base = (unsigned)best_reg;
    *disp = (unsigned)best;
    return true;
}

/* ---- operands ----------------------------------------------------------------------------------- */

struct operands {
    const char *text; /* the operand field in the statement text (ends at the first blank) */
    int field;        /* its offset in the statement */
    int n;
    int start[8], len[8];
};

/* Evaluate operand i as an absolute value in [lo, hi]. */
static bool absolute_operand(struct assembly *a, struct operands *o, int i, int64_t lo, int64_t hi, const char *what,
                             unsigned *out)
{
    char *t = stmt_dup(a, o->field + o->start[i], o->len[i]);
    int64_t v = 0;
    int col = o->field + o->start[i];
    bool ok = o->len[i] > 0 && expr_absolute(a, t, &v, col);
    if (o->len[i] == 0)
        stmt_error(a, col, "%s missing", what);
    free(t);
    if (ok && (v < lo || v > hi)) {
        stmt_error(a, col, "%s %lld out of range %lld-%lld", what, (long long)v, (long long)lo, (long long)hi);
        ok = false;
    }
    *out = ok ? (unsigned)(v & 0xFF) : 0;
    return ok;
}

static bool register_operand(struct assembly *a, struct operands *o, int i, unsigned *out)
{
    return absolute_operand(a, o, i, 0, 15, "register", out);
}

enum addr_kind {
    ADDR_INDEX,  /* D(X,B) */
    ADDR_BASE,   /* D(B) */
    ADDR_LENGTH, /* D(L,B) */
};

struct address {
    unsigned base, disp;
    unsigned extra;   /* index register or length */
    bool has_extra;   /* index or length given */
    uint32_t implied_length;
    int64_t effective; /* for the listing, -1 when explicit */
};

/* Split the register/length part "(p)" or "(p1,p2)" of an address operand; s is at statement offset col. */
static bool paren_parts(struct assembly *a, const char *s, int col, char **p1, char **p2)
{
    int len = (int)strlen(s);
    if (len < 2 || s[len - 1] != ')') {
        stmt_error(a, col, "missing right parenthesis");
        return false;
    }
    const char *comma = NULL;
    int depth = 0;
    for (int i = 1; i < len - 1; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')')
            depth--;
        else if (s[i] == ',' && depth == 0 && !comma)
            comma = s + i;
    }
    if (comma) {
        *p1 = stmt_dup(a, col + 1, (int)(comma - s - 1));
        *p2 = stmt_dup(a, col + (int)(comma - s) + 1, (int)(s + len - 1 - comma - 1));
    } else {
        *p1 = stmt_dup(a, col + 1, len - 2);
        *p2 = NULL;
    }
    return true;
}

static bool small_value(struct assembly *a, const char *text, int col, int64_t hi, const char *what, unsigned *out)
{
    int64_t v = 0;
    if (!*text) {
        *out = 0;
        return true;
    }
    if (!expr_absolute(a, text, &v, col))
        return false;
    if (v < 0 || v > hi) {
        stmt_error(a, col, "%s %lld out of range 0-%lld", what, (long long)v, (long long)hi);
        return false;
    }
    *out = (unsigned)v;
    return true;
}

static bool address_operand(struct assembly *a, struct operands *o, int i, enum addr_kind kind, int64_t max_length,
                            struct address *out)
{
    memset(out, 0, sizeof *out);
    out->effective = -1;
    int col = o->field + o->start[i];
    if (o->len[i] == 0) {
        stmt_error(a, col, "address operand missing");
        return false;
    }
    char *t = stmt_dup(a, o->field + o->start[i], o->len[i]);
    struct expr_result r;
    int end;
    bool ok = expr_eval(a, t, &end, &r);
    out->implied_length = r.implied_length;
    char *p1 = NULL, *p2 = NULL;
    if (ok && t[end] == '(')
        ok = paren_parts(a, t + end, col + end, &p1, &p2);
    else if (ok && t[end]) {
        stmt_error(a, col + end, "unexpected text '%s' in address operand", t + end);
        ok = false;
    }
    bool explicit_base = p2 != NULL || (kind == ADDR_BASE && p1);
    if (ok && p1) {
        const char *extra_text = kind == ADDR_BASE ? NULL : p1;
        const char *base_text = kind == ADDR_BASE ? p1 : p2;
        if (extra_text && *extra_text) {
            out->has_extra = true;
            ok = kind == ADDR_INDEX ? small_value(a, extra_text, col, 15, "index register", &out->extra)
                                    : small_value(a, extra_text, col, max_length, "length", &out->extra);
        } else if (extra_text && kind == ADDR_LENGTH) {
            stmt_error(a, col, "length missing before the base register");
            ok = false;
        }
        if (ok && base_text) {
            if (!*base_text) {
                stmt_error(a, col, "base register missing");
                ok = false;
            } else {
                ok = small_value(a, base_text, col, 15, "base register", &out->base);
            }
        }
    }
    if (ok && explicit_base) {
        if (!r.known) {
            a->unresolved = true;
        } else if (!value_is_abs(&r.value)) {
            stmt_error(a, col, "displacement must be absolute when a base register is given");
            ok = false;
        } else if (r.value.v < 0 || r.value.v > 4095) {
            stmt_error(a, col, "displacement %lld out of range 0-4095", (long long)r.value.v);
            ok = false;
        } else {
            out->disp = (unsigned)r.value.v;
        }
    } else if (ok) {
        ok = resolve_address(a, &r, col, &out->base, &out->disp);
        out->effective = r.value.v & 0xFFFFFF;
    }
    free(p1);
    free(p2);
    free(t);
    return ok;
}

/* ---- encoding ----------------------------------------------------------------------------------- */

static void put_base_disp(uint8_t *p, unsigned base, unsigned disp)
{
    p[0] = (uint8_t)(base << 4 | (disp >> 8 & 0x0F));
    p[1] = (uint8_t)(disp & 0xFF);
}

/* Expected operand counts per format (min, max). */
static const struct {
    int min, max;
} operand_count[] = {
    [S370_FMT_RR] = {2, 2},    [S370_FMT_RR_M] = {2, 2}, [S370_FMT_RR_R1] = {1, 1}, [S370_FMT_RR_I] = {1, 1},
    [S370_FMT_RX] = {2, 2},    [S370_FMT_RX_M] = {2, 2}, [S370_FMT_RS] = {3, 3},    [S370_FMT_RS_M] = {3, 3},
    [S370_FMT_RS_SH] = {2, 2}, [S370_FMT_SI] = {2, 2},   [S370_FMT_SI_S] = {1, 1},  [S370_FMT_S] = {1, 1},
    [S370_FMT_S_NONE] = {0, 0},
    [S370_FMT_SS_L] = {2, 2},  [S370_FMT_SS_LL] = {2, 2}, [S370_FMT_SS_SRP] = {3, 3},
};

static unsigned encoded_length(unsigned length)
{
    return length ? length - 1 : 0;
}

/* Encode the operands of op into b (after the opcode byte(s)).  Returns false on an operand error. */
static bool encode(struct assembly *a, const struct opcode *op, struct operands *o, uint8_t *b, int64_t *addr)
{
    unsigned r1 = 0, r2 = 0, r3 = 0, i2 = 0;
    struct address x, y;
    int first = 0;
    if (op->mask >= 0)
        r1 = (unsigned)op->mask, first = -1; /* extended mnemonic: the mask is implied */
    switch (op->format) {
    case S370_FMT_RR:
    case S370_FMT_RR_M:
        if (first == 0 && !(op->format == S370_FMT_RR_M ? absolute_operand(a, o, 0, 0, 15, "mask", &r1)
                                                         : register_operand(a, o, 0, &r1)))
            return false;
        if (!register_operand(a, o, first + 1, &r2))
            return false;
        b[1] = (uint8_t)(r1 << 4 | r2);
        return true;
    case S370_FMT_RR_R1:
        if (!register_operand(a, o, 0, &r1))
            return false;
        b[1] = (uint8_t)(r1 << 4);
        return true;
    case S370_FMT_RR_I:
        if (!absolute_operand(a, o, 0, 0, 255, "SVC number", &i2))
            return false;
        b[1] = (uint8_t)i2;
        return true;
    case S370_FMT_RX:
    case S370_FMT_RX_M:
        if (first == 0 && !(op->format == S370_FMT_RX_M ? absolute_operand(a, o, 0, 0, 15, "mask", &r1)
                                                         : register_operand(a, o, 0, &r1)))
            return false;
        if (!address_operand(a, o, first + 1, ADDR_INDEX, 0, &x))
            return false;
        b[1] = (uint8_t)(r1 << 4 | x.extra);
        put_base_disp(b + 2, x.base, x.disp);
        addr[1] = x.effective;
        return true;
    case S370_FMT_RS:
    case S370_FMT_RS_M:
        if (!register_operand(a, o, 0, &r1) ||
            !(op->format == S370_FMT_RS_M ? absolute_operand(a, o, 1, 0, 15, "mask", &r3) : register_operand(a, o, 1, &r3)) ||
            !address_operand(a, o, 2, ADDR_BASE, 0, &x))
            return false;
        b[1] = (uint8_t)(r1 << 4 | r3);
        put_base_disp(b + 2, x.base, x.disp);
        addr[1] = x.effective;
        return true;
    case S370_FMT_RS_SH:
        if (!register_operand(a, o, 0, &r1) || !address_operand(a, o, 1, ADDR_BASE, 0, &x))
            return false;
        b[1] = (uint8_t)(r1 << 4);
        put_base_disp(b + 2, x.base, x.disp);
        addr[1] = x.effective;
        return true;
    case S370_FMT_SI:
        if (!address_operand(a, o, 0, ADDR_BASE, 0, &x) || !absolute_operand(a, o, 1, -128, 255, "immediate value", &i2))
            return false;
        b[1] = (uint8_t)i2;
        put_base_disp(b + 2, x.base, x.disp);
        addr[0] = x.effective;
        return true;
    case S370_FMT_SI_S:
    case S370_FMT_S:
        if (!address_operand(a, o, 0, ADDR_BASE, 0, &x))
            return false;
        put_base_disp(b + 2, x.base, x.disp);
        addr[0] = x.effective;
        return true;
    case S370_FMT_S_NONE:
        return true;
    case S370_FMT_SS_L:
        if (!address_operand(a, o, 0, ADDR_LENGTH, 256, &x) || !address_operand(a, o, 1, ADDR_BASE, 0, &y))
            return false;
        if (!x.has_extra && x.implied_length > 256) {
            stmt_error(a, o->field, "implied length %u exceeds 256", x.implied_length);
            return false;
        }
        b[1] = (uint8_t)encoded_length(x.has_extra ? x.extra : x.implied_length);
        put_base_disp(b + 2, x.base, x.disp);
        put_base_disp(b + 4, y.base, y.disp);
        addr[0] = x.effective;
        addr[1] = y.effective;
        return true;
    case S370_FMT_SS_LL:
    case S370_FMT_SS_SRP:
        if (!address_operand(a, o, 0, ADDR_LENGTH, 16, &x))
            return false;
        if (!address_operand(a, o, 1, op->format == S370_FMT_SS_LL ? ADDR_LENGTH : ADDR_BASE, 16, &y))
            return false;
        if (op->format == S370_FMT_SS_SRP && !absolute_operand(a, o, 2, 0, 9, "rounding digit", &r3))
            return false;
        unsigned l1 = x.has_extra ? x.extra : x.implied_length;
        unsigned l2 = op->format == S370_FMT_SS_SRP ? r3 + 1 : (y.has_extra ? y.extra : y.implied_length);
        if (l1 > 16 || l2 > 16) {
            stmt_error(a, o->field, "implied length %u exceeds 16", l1 > 16 ? l1 : l2);
            return false;
        }
        b[1] = (uint8_t)(encoded_length(l1) << 4 | encoded_length(l2));
        if (op->format == S370_FMT_SS_SRP)
            b[1] = (uint8_t)(encoded_length(l1) << 4 | r3);
        put_base_disp(b + 2, x.base, x.disp);
        put_base_disp(b + 4, y.base, y.disp);
        addr[0] = x.effective;
        addr[1] = y.effective;
        return true;
    }
    return false;
}

bool instr_assemble(struct assembly *a, const char *name, size_t len)
{
    const struct opcode *op = find_opcode(name, len);
    if (!op)
        return false;
    struct stmt *st = &a->stmts[a->cur];
    unsigned code_first = op->code > 0xFF ? op->code >> 8 : op->code;
    int length = s370_instruction_length(code_first);
    align_to(a, 2, true);
    label_here(a, (uint32_t)length, 'I');
    uint8_t b[6] = {0};
    if (s370_opcode_is_extended(op->code)) {
        b[0] = (uint8_t)(op->code >> 8);
        b[1] = (uint8_t)op->code;
    } else {
        b[0] = (uint8_t)op->code;
    }
    struct operands o = {.text = st->text + st->f.operands, .field = st->f.operands};
    o.n = split_operands(o.text, st->f.operands_len, o.start, o.len, 8);
    int want_min = operand_count[op->format].min - (op->mask >= 0 ? 1 : 0);
    int want_max = operand_count[op->format].max - (op->mask >= 0 ? 1 : 0);
    if (op->format == S370_FMT_S_NONE) {
        /* no operands: whatever follows the operation code is remarks (HLASM) */
    } else if (o.n < want_min || o.n > want_max) {
        stmt_error(a, st->f.operands_len ? st->f.operands : st->f.op, "%.*s takes %d operand%s, %d given", (int)len, name,
                   want_max, want_max == 1 ? "" : "s", o.n);
    } else {
        encode(a, op, &o, b, st->addr);
    }
    emit_bytes(a, b, (uint32_t)length);
    return true;
}
