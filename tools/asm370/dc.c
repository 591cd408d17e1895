/*
 * dc.c - constants and storage: DC and DS operands of every type (C X B F H A Y S V P Z E D L) with
 * duplication factors, length modifiers, several nominal values and operands, and their boundary
 * alignment; literals and their pools (LTORG, END); and CCW.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/ebcdic.h"
#include "tools/asm370/asm_int.h"
#include "tools/asm370/hfp.h"
#include "common/util.h"

#define DC_MAX_LENGTH 65535

/* One DC/DS operand: dup type [Ln] 'nominal' or (nominal). */
struct dc_spec {
    int64_t dup;
    char type;
    bool has_length;
    uint32_t length;
    const char *nominal; /* inside the quotes or parentheses; NULL when none (DS) */
    int nominal_len;
    int nominal_offset;  /* statement offset of the nominal value, for messages */
    bool parenthesised;
};

struct dc_type {
    char type;
    uint32_t implied;   /* implied length (0: from the nominal value) */
    uint32_t alignment; /* boundary without an explicit length */
    uint32_t max_length;
    bool addresses;     /* nominal values are (expressions) */
    char attribute;     /* T' type attribute */
};

static const struct dc_type dc_types[] = {
    {'C', 0, 1, 256, false, 'C'}, {'X', 0, 1, 256, false, 'X'}, {'B', 0, 1, 256, false, 'B'}, /* DS: 65535 */
    {'F', 4, 4, 8, false, 'F'},   {'H', 2, 2, 8, false, 'H'},   {'A', 4, 4, 4, true, 'A'},
    {'Y', 2, 2, 2, true, 'Y'},    {'S', 2, 2, 2, true, 'S'},    {'V', 4, 4, 4, true, 'V'},
    {'P', 0, 1, 16, false, 'P'},  {'Z', 0, 1, 16, false, 'Z'},  {'E', 4, 4, 4, false, 'E'},
    {'D', 8, 8, 8, false, 'D'},   {'L', 16, 8, 16, false, 'L'},
};

static const struct dc_type *find_type(char c)
{
    for (size_t i = 0; i < sizeof dc_types / sizeof dc_types[0]; i++)
        if (dc_types[i].type == toupper((unsigned char)c))
            return &dc_types[i];
    return NULL;
}

/* ---- parsing ------------------------------------------------------------------------------------ */

/* Evaluate a modifier or duplication factor: digits or (expression); *i advances past it. */
static bool factor(struct assembly *a, const char *s, int offset, int *i, int64_t *out)
{
    if (isdigit((unsigned char)s[*i])) {
        int64_t v = 0;
        while (isdigit((unsigned char)s[*i])) {
            v = v * 10 + (s[(*i)++] - '0');
            if (v > 0xFFFFFF) {
                stmt_error(a, offset + *i, "value too large");
                return false;
            }
        }
        *out = v;
        return true;
    }
    int depth = 0, j = *i;
    do {
        if (s[j] == '(')
            depth++;
        else if (s[j] == ')')
            depth--;
        j++;
    } while (s[j] && depth > 0);
    if (depth) {
        stmt_error(a, offset + *i, "missing right parenthesis");
        return false;
    }
    char *e = text_dup(a, s + *i + 1, j - *i - 2, offset + *i + 1);
    bool ok = expr_absolute(a, e, out, offset + *i + 1);
    free(e);
    *i = j;
    return ok;
}

/* Parse one operand at s (statement offset `offset`); *end is set past it. */
static bool dc_parse(struct assembly *a, const char *s, int offset, bool need_nominal, struct dc_spec *spec, int *end)
{
    bool reserve = !need_nominal;
    memset(spec, 0, sizeof *spec);
    spec->dup = 1;
    int i = 0;
    if (isdigit((unsigned char)s[0]) || s[0] == '(') {
        if (!factor(a, s, offset, &i, &spec->dup))
            return false;
        if (spec->dup < 0) {
            stmt_error(a, offset, "negative duplication factor");
            return false;
        }
    }
    const struct dc_type *t = find_type(s[i]);
    if (!t) {
        stmt_error(a, offset + i, "invalid constant type '%c'", s[i] ? s[i] : ' ');
        return false;
    }
    spec->type = t->type;
    i++;
    if (toupper((unsigned char)s[i]) == 'L' && (isdigit((unsigned char)s[i + 1]) || s[i + 1] == '(')) {
        i++;
        int64_t len;
        if (!factor(a, s, offset, &i, &len))
            return false;
        /* HLASM: C, X and B lengths go to 256 in DC but to 65535 in DS */
        uint32_t max = reserve && t->max_length == 256 ? DC_MAX_LENGTH : t->max_length;
        if (len < 1 || len > (int64_t)max) {
            stmt_error(a, offset + i, "length %lld out of range 1-%u for type %c", (long long)len, max, t->type);
            return false;
        }
        spec->has_length = true;
        spec->length = (uint32_t)len;
    }
    if (toupper((unsigned char)s[i]) == 'S' || toupper((unsigned char)s[i]) == 'E') {
        stmt_error(a, offset + i, "scale and exponent modifiers are not supported");
        return false;
    }
    char open = s[i];
    if (open == '\'' || open == '(') {
        char close = open == '\'' ? '\'' : ')';
        if ((open == '(') != t->addresses) {
            stmt_error(a, offset + i, "type %c takes its value in %s", t->type, t->addresses ? "parentheses" : "quotes");
            return false;
        }
        int j = i + 1, depth = 1;
        while (s[j]) {
            if (open == '\'' && s[j] == '\'' && s[j + 1] == '\'') {
                j += 2;
                continue;
            }
            if (open == '(' && s[j] == '\'' && !quote_is_attribute(s, j)) {
                for (j++; s[j] && s[j] != '\''; j++)
                    ;
                if (s[j])
                    j++;
                continue;
            }
            if (open == '(' && s[j] == '(')
                depth++;
            else if (s[j] == close && --depth == 0)
                break;
            j++;
        }
        if (!s[j]) {
            stmt_error(a, offset + i, open == '(' ? "missing right parenthesis" : "missing closing quote");
            return false;
        }
        spec->nominal = s + i + 1;
        spec->nominal_len = j - i - 1;
        spec->nominal_offset = offset + i + 1;
        spec->parenthesised = open == '(';
        i = j + 1;
    } else if (need_nominal) {
        stmt_error(a, offset + i, "nominal value missing");
        return false;
    }
    *end = i;
    return true;
}

/* ---- nominal values ----------------------------------------------------------------------------- */

/* Split the nominal value into its comma-separated values (not for C, whose commas are data). */
static int nominal_values(const struct dc_spec *spec, int *starts, int *lens, int max)
{
    if (spec->type == 'C') {
        starts[0] = 0;
        lens[0] = spec->nominal_len;
        return 1;
    }
    return split_operands(spec->nominal, spec->nominal_len, starts, lens, max);
}

static uint32_t character_length(const char *s, int n)
{
    uint32_t len = 0;
    for (int i = 0; i < n; i++, len++)
        if ((s[i] == '\'' || s[i] == '&') && i + 1 < n && s[i + 1] == s[i])
            i++;
    return len;
}

static uint32_t digit_count(const char *s, int n)
{
    uint32_t digits = 0;
    for (int i = 0; i < n; i++)
        if (isdigit((unsigned char)s[i]))
            digits++;
    return digits;
}

/* The implied length of one nominal value. */
static uint32_t implied_length(const struct dc_type *t, const char *v, int n)
{
    if (t->implied)
        return t->implied;
    switch (t->type) {
    case 'C':
        return character_length(v, n);
    case 'X':
        return (uint32_t)(n + 1) / 2;
    case 'B':
        return (uint32_t)(n + 7) / 8;
    case 'P':
        return (digit_count(v, n) + 2) / 2;
    default: /* Z */
        return digit_count(v, n);
    }
}

/* Right-aligned: keep the low-order len bytes of a big-endian value of n bytes, zero-padding on the left. */
static void right_align(uint8_t *out, uint32_t len, const uint8_t *value, uint32_t n, uint8_t pad)
{
    for (uint32_t i = 0; i < len; i++)
        out[len - 1 - i] = i < n ? value[n - 1 - i] : pad;
}

static bool character_value(const char *v, int n, uint32_t len, uint8_t *out)
{
    uint32_t k = 0;
    memset(out, EBCDIC_SPACE, len);
    for (int i = 0; i < n && k < len; i++, k++) {
        if ((v[i] == '\'' || v[i] == '&') && i + 1 < n && v[i + 1] == v[i])
            i++;
        out[k] = latin1_to_ebcdic[(unsigned char)v[i]];
    }
    return true;
}

static bool digits_value(struct assembly *a, const char *v, int n, int offset, int bits, uint32_t len, uint8_t *out)
{
    uint8_t value[DC_MAX_LENGTH / 8 + 64] = {0};
    uint32_t nbytes = (uint32_t)(n * bits + 7) / 8;
    if (n == 0 || nbytes > sizeof value) {
        stmt_error(a, offset, n ? "constant too long" : "empty constant");
        return false;
    }
    /* accumulate digits from the right */
    for (int i = n - 1, bit = 0; i >= 0; i--, bit += bits) {
        int c = v[i], d;
        if (bits == 4 && isxdigit(c))
            d = isdigit(c) ? c - '0' : toupper(c) - 'A' + 10;
        else if (bits == 1 && (c == '0' || c == '1'))
            d = c - '0';
        else {
            stmt_error(a, offset + i, "invalid %s digit '%c'", bits == 4 ? "hexadecimal" : "binary", c);
            return false;
        }
        value[nbytes - 1 - (uint32_t)bit / 8] |= (uint8_t)(d << (bit % 8));
    }
    right_align(out, len, value, nbytes, 0);
    return true;
}

/*
 * A fixed-point value: [sign] digits [. digits] [E [sign] digits].  HLASM allows a decimal exponent
 * (F'1E2' = 100); without a scale modifier any fraction that remains is dropped.
 */
static bool integer_value(struct assembly *a, const char *v, int n, int offset, uint32_t len, uint8_t *out)
{
    int i = 0, exponent = 0, fraction_digits = 0;
    bool negative = false, point = false, any = false;
    char digits[40];
    int nd = 0;
    if (i < n && (v[i] == '+' || v[i] == '-'))
        negative = v[i++] == '-';
    for (; i < n && (isdigit((unsigned char)v[i]) || (v[i] == '.' && !point)); i++) {
        if (v[i] == '.') {
            point = true;
            continue;
        }
        any = true;
        if (nd == 0 && v[i] == '0' && !point)
            continue; /* leading zeros of the integer part carry no value */
        if (nd == (int)sizeof digits) {
            stmt_error(a, offset, "fixed-point constant %.*s has too many digits", n, v);
            return false;
        }
        digits[nd++] = v[i];
        fraction_digits += point;
    }
    if (any && i < n && toupper((unsigned char)v[i]) == 'E') {
        int k = i + 1, sign = 1;
        if (k < n && (v[k] == '+' || v[k] == '-'))
            sign = v[k++] == '-' ? -1 : 1;
        if (k == n)
            any = false;
        for (; k < n && isdigit((unsigned char)v[k]) && exponent < 1000; k++)
            exponent = exponent * 10 + (v[k] - '0');
        exponent *= sign;
        i = k;
    }
    if (!any || i != n) {
        stmt_error(a, offset + (i < n ? i : 0), "invalid fixed-point constant '%.*s'", n, v);
        return false;
    }
    /* value = digits x 10^(exponent - fraction_digits), fraction truncated */
    int scale = exponent - fraction_digits;
    int keep = nd + (scale < 0 ? scale : 0);
    uint64_t magnitude = 0;
    bool too_large = scale > 0 && nd > 0 && scale + nd > 20;
    for (int k = 0; k < keep && !too_large; k++) {
        too_large = magnitude > (UINT64_MAX - 9) / 10;
        magnitude = magnitude * 10 + (uint64_t)(digits[k] - '0');
    }
    for (int k = 0; k < scale && nd > 0 && !too_large; k++) {
        too_large = magnitude > UINT64_MAX / 10;
        magnitude *= 10;
    }
    int bits = (int)len * 8;
    uint64_t limit = (uint64_t)1 << (bits - 1);
    if (too_large || (!negative && magnitude >= limit) || (negative && magnitude > limit)) {
        stmt_error(a, offset, "fixed-point constant %.*s does not fit in %u bytes", n, v, len);
        return false;
    }
    uint64_t word = negative ? (uint64_t)0 - magnitude : magnitude;
    for (uint32_t k = 0; k < len; k++)
        out[len - 1 - k] = (uint8_t)(word >> (8 * k));
    return true;
}

/* Packed (P) or zoned (Z) decimal: digits, an optional sign, an optional decimal point. */
static bool decimal_value(struct assembly *a, char type, const char *v, int n, int offset, uint32_t len, uint8_t *out)
{
    int i = 0;
    bool negative = false;
    if (i < n && (v[i] == '+' || v[i] == '-'))
        negative = v[i++] == '-';
    uint8_t digits[64];
    int nd = 0;
    bool point = false;
    for (; i < n; i++) {
        if (v[i] == '.' && !point) {
            point = true;
            continue;
        }
        if (!isdigit((unsigned char)v[i]) || nd == 64) {
            stmt_error(a, offset + i, nd == 64 ? "too many digits" : "invalid character '%c' in a decimal constant", v[i]);
            return false;
        }
        digits[nd++] = (uint8_t)(v[i] - '0');
    }
    if (nd == 0) {
        stmt_error(a, offset, "digits expected in %.*s", n, v);
        return false;
    }
    uint8_t sign = negative ? 0xD : 0xC;
    if (type == 'Z') {
        memset(out, 0xF0, len);
        for (int k = 0; k < nd && k < (int)len; k++)
            out[len - 1 - k] = (uint8_t)(0xF0 | digits[nd - 1 - k]);
        out[len - 1] = (uint8_t)(sign << 4 | digits[nd - 1]);
        return true;
    }
    memset(out, 0, len);
    /* nibble 0 (rightmost) is the sign, then the digits from the right */
    for (int nib = 0; nib < (int)len * 2; nib++) {
        uint8_t value = nib == 0 ? sign : (nib - 1 < nd ? digits[nd - nib] : 0);
        out[len - 1 - nib / 2] |= (uint8_t)(nib % 2 ? value << 4 : value);
    }
    return true;
}

static bool float_value(struct assembly *a, const struct dc_type *t, const char *v, int n, int offset, uint32_t len,
                        uint8_t *out)
{
    if (len != t->implied) {
        stmt_error(a, offset, "explicit length %u is not supported for type %c", len, t->type);
        return false;
    }
    enum hfp_status status = hfp_from_decimal(v, (size_t)n, (int)len, out);
    if (status != HFP_OK) {
        stmt_error(a, offset, "%c'%.*s': %s", t->type, n, v, hfp_status_text(status));
        return false;
    }
    return true;
}

/* The "(B)" after an S-type constant's displacement; s is at statement offset `offset`. */
static bool explicit_s_base(struct assembly *a, const char *s, int offset, int64_t *base)
{
    size_t len = strlen(s);
    if (len < 3 || s[len - 1] != ')') {
        stmt_error(a, offset, "S-type constant: expected D(B)");
        return false;
    }
    char *reg = text_dup(a, s + 1, (int)len - 2, offset + 1);
    bool ok = expr_absolute(a, reg, base, offset + 1);
    free(reg);
    if (ok && (*base < 0 || *base > 15)) {
        stmt_error(a, offset + 1, "base register %lld out of range 0-15", (long long)*base);
        ok = false;
    }
    return ok;
}

/* An address constant: A, Y (absolute or relocatable), S (base-displacement), V (external). */
static bool address_value(struct assembly *a, const struct dc_type *t, const char *v, int n, int offset, uint32_t len,
                          uint8_t *out, bool emit)
{
    char *text = text_dup(a, v, n, offset);
    struct expr_result r;
    int end = 0;
    bool ok;
    struct value value;
    if (t->type == 'V') {
        ok = n > 0 && n <= 63 && is_symbol_start((unsigned char)text[0]);
        for (int i = 1; ok && i < n; i++)
            ok = is_symbol_char((unsigned char)text[i]);
        if (!ok) {
            stmt_error(a, offset, "V-type constant needs an external symbol name");
        } else {
            upcase(text);
            int base = section_find(a, text, BASE_EXTRN);
            if (base < 0)
                base = section_find(a, text, BASE_WXTRN);
            if (base < 0)
                base = section_add(a, text, BASE_EXTRN);
            value_reloc(&value, base, 0);
            if (emit)
                add_rld(a, &value, a->sections[a->cur_section].loc, (int)len, true);
            memset(out, 0, len);
        }
        free(text);
        return ok;
    }
    ok = expr_eval(a, text, &end, &r);
    int64_t explicit_base = -1;
    if (ok && t->type == 'S' && text[end] == '(')
        ok = explicit_s_base(a, text + end, offset + end, &explicit_base);
    else if (ok && text[end]) {
        stmt_error(a, offset + end, "unexpected text '%s' in address constant", text + end);
        ok = false;
    }
    free(text);
    if (!ok)
        return false;
    if (t->type == 'S') {
        unsigned base, disp;
        if (explicit_base >= 0) {
            if (!value_is_abs(&r.value) || r.value.v < 0 || r.value.v > 4095) {
                stmt_error(a, offset, "S-type displacement must be absolute, 0-4095, with a base register");
                return false;
            }
            base = (unsigned)explicit_base;
            disp = (unsigned)r.value.v;
        } else if (!resolve_address(a, &r, offset, &base, &disp)) {
            return false;
        }
        out[0] = (uint8_t)(base << 4 | disp >> 8);
        out[1] = (uint8_t)disp;
        return true;
    }
    if (!value_is_abs(&r.value)) {
        if (t->type == 'Y' && a->final)
            stmt_warning(a, offset, "relocatable Y-type constant");
        if (emit)
            add_rld(a, &r.value, a->sections[a->cur_section].loc, (int)len, false);
    } else if (r.known && len < 4) {
        int64_t lo = -((int64_t)1 << (8 * len - 1)), hi = ((int64_t)1 << (8 * len)) - 1;
        if (r.value.v < lo || r.value.v > hi) {
            stmt_error(a, offset, "value %lld does not fit in %u bytes", (long long)r.value.v, len);
            return false;
        }
    }
    uint32_t word = (uint32_t)r.value.v;
    for (uint32_t k = 0; k < len; k++)
        out[len - 1 - k] = k < 4 ? (uint8_t)(word >> (8 * k)) : 0;
    return true;
}

/* The bytes of one nominal value of length len. */
static bool value_bytes(struct assembly *a, const struct dc_type *t, const char *v, int n, int offset, uint32_t len,
                        uint8_t *out, bool emit)
{
    switch (t->type) {
    case 'C':
        return character_value(v, n, len, out);
    case 'X':
        return digits_value(a, v, n, offset, 4, len, out);
    case 'B':
        return digits_value(a, v, n, offset, 1, len, out);
    case 'F':
    case 'H':
        return integer_value(a, v, n, offset, len, out);
    case 'P':
    case 'Z':
        return decimal_value(a, t->type, v, n, offset, len, out);
    case 'E':
    case 'D':
    case 'L':
        return float_value(a, t, v, n, offset, len, out);
    default:
        return address_value(a, t, v, n, offset, len, out, emit);
    }
}

/* ---- generation --------------------------------------------------------------------------------- */

enum dc_mode {
    DC_EMIT,    /* DC: assemble the bytes */
    DC_RESERVE, /* DS: advance the location counter */
    DC_MEASURE, /* literal: length and alignment only (values checked in the final pass) */
};

struct dc_measure {
    uint32_t total, alignment, first_length;
};

#define DC_MAX_VALUES 256

/* Generate (or measure) one operand; the name-field symbol is defined at its first byte if label. */
static bool dc_generate(struct assembly *a, const struct dc_spec *spec, enum dc_mode mode, bool label,
                        struct dc_measure *m)
{
    const struct dc_type *t = find_type(spec->type);
    int starts[DC_MAX_VALUES], lens[DC_MAX_VALUES];
    int nvalues = 0;
    if (spec->nominal) {
        nvalues = nominal_values(spec, starts, lens, DC_MAX_VALUES);
        if (nvalues > DC_MAX_VALUES) {
            stmt_error(a, spec->nominal_offset, "more than %d nominal values", DC_MAX_VALUES);
            return false;
        }
        if (nvalues == 0 && spec->type != 'C') {
            stmt_error(a, spec->nominal_offset, "nominal value missing");
            return false;
        }
    }
    uint32_t alignment = spec->has_length ? 1 : t->alignment;
    uint32_t first = spec->has_length ? spec->length
                     : nvalues ? implied_length(t, spec->nominal + starts[0], lens[0])
                               : (t->implied ? t->implied : 1);
    if (!first && spec->type == 'C') {
        stmt_error(a, spec->nominal_offset, "character constant is empty");
        return false;
    }
    if (first > DC_MAX_LENGTH) {
        stmt_error(a, spec->nominal_offset, "constant longer than %u bytes", DC_MAX_LENGTH);
        return false;
    }
    if (m) {
        m->alignment = alignment;
        m->first_length = first;
        m->total = 0;
    }
    if (mode != DC_MEASURE)
        align_to(a, alignment, mode == DC_EMIT);
    if (label)
        label_here(a, first, t->attribute);
    if (nvalues == 0) {
        uint64_t total = (uint64_t)spec->dup * first;
        if (total > 0xFFFFFF) {
            stmt_error(a, 0, "storage reservation larger than 16 MB");
            return false;
        }
        if (mode != DC_MEASURE)
            reserve_bytes(a, (uint32_t)total);
        if (m)
            m->total = (uint32_t)total;
        return true;
    }
    uint64_t per_copy = 0;
    for (int i = 0; i < nvalues; i++)
        per_copy += spec->has_length ? spec->length : implied_length(t, spec->nominal + starts[i], lens[i]);
    if ((uint64_t)spec->dup * per_copy > 0xFFFFFF) {
        stmt_error(a, spec->nominal_offset, "constant larger than 16 MB");
        return false;
    }
    uint8_t out[DC_MAX_LENGTH];
    for (int64_t d = 0; d < spec->dup; d++) {
        for (int i = 0; i < nvalues; i++) {
            uint32_t len = spec->has_length ? spec->length : implied_length(t, spec->nominal + starts[i], lens[i]);
            if (len == 0 || len > DC_MAX_LENGTH) {
                stmt_error(a, spec->nominal_offset + starts[i], "invalid constant length %u", len);
                return false;
            }
            if (m)
                m->total += len;
            if (mode == DC_MEASURE)
                continue;
            if (mode == DC_RESERVE) {
                reserve_bytes(a, len);
                continue;
            }
            if (!value_bytes(a, t, spec->nominal + starts[i], lens[i], spec->nominal_offset + starts[i], len, out, true))
                return false;
            emit_bytes(a, out, len);
        }
    }
    return true;
}

void dc_statement(struct assembly *a, bool reserve_only)
{
    struct stmt *st = &a->stmts[a->cur];
    int starts[DC_MAX_VALUES], lens[DC_MAX_VALUES];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, DC_MAX_VALUES);
    if (n == 0) {
        stmt_error(a, st->f.op, "%s needs an operand", reserve_only ? "DS" : "DC");
        label_here(a, 1, 'U');
        return;
    }
    for (int i = 0; i < n && i < DC_MAX_VALUES; i++) {
        int offset = st->f.operands + starts[i];
        char *text = stmt_dup(a, offset, lens[i]);
        struct dc_spec spec;
        int end;
        bool ok = dc_parse(a, text, offset, !reserve_only, &spec, &end);
        if (ok && text[end]) {
            stmt_error(a, offset + end, "unexpected text '%s' after the constant", text + end);
            ok = false;
        }
        if (ok)
            ok = dc_generate(a, &spec, reserve_only ? DC_RESERVE : DC_EMIT, i == 0, NULL);
        else if (i == 0)
            label_here(a, 1, 'U');
        free(text);
        if (!ok)
            break;
    }
}

/* ---- literals ----------------------------------------------------------------------------------- */

/* True when the literal refers to the location counter: '*' outside quoted strings. */
static bool refers_to_location(const char *text)
{
    bool quoted = false;
    for (const char *p = text; *p; p++) {
        if (*p == '\'' && !quote_is_attribute(text, (int)(p - text)))
            quoted = !quoted;
        else if (*p == '*' && !quoted)
            return true;
    }
    return false;
}

/* The literal `text` used by the current statement: the existing entry of the current pool, or a new
   one.  A literal that uses '*' is its using statement's own (HLASM: '*' is that statement's address). */
int literal_use(struct assembly *a, const char *text, int col)
{
    for (size_t i = 0; i < a->nliterals; i++) {
        struct literal *lit = &a->literals[i];
        if (lit->pool == a->pool && strcmp(lit->text, text) == 0 && (!lit->uses_location || lit->first_stmt == a->cur)) {
            if (lit->uses_location)
                value_reloc(&lit->location, a->cur_section, cur_location(a));
            return (int)i;
        }
    }
    struct dc_spec spec;
    int end;
    struct dc_measure m = {0};
    if (!dc_parse(a, text + 1, col + 1, true, &spec, &end))
        return -1;
    if (text[1 + end]) {
        stmt_error(a, col + 1 + end, "unexpected text after literal");
        return -1;
    }
    if (spec.dup == 0) {
        stmt_error(a, col, "a literal cannot have a duplication factor of zero");
        return -1;
    }
    if (!dc_generate(a, &spec, DC_MEASURE, false, &m))
        return -1;
    struct literal *lit = ARRAY_PUSH(a->literals, a->nliterals, a->literals_cap);
    memset(lit, 0, sizeof *lit);
    lit->text = xstrdup(text);
    lit->pool = a->pool;
    lit->length = m.total;
    lit->align = m.alignment;
    lit->order = a->literal_order++;
    lit->section = -1;
    lit->first_stmt = a->cur;
    lit->uses_location = refers_to_location(text);
    if (lit->uses_location) {
        uint32_t here = cur_location(a);
        value_reloc(&lit->location, a->cur_section, here);
    }
    return (int)(a->nliterals - 1);
}

bool literal_value(struct assembly *a, int index, struct value *v, uint32_t *length)
{
    const struct literal *lit = &a->literals[index];
    *length = lit->length;
    if (lit->section < 0)
        return false;
    value_reloc(v, lit->section, (int64_t)a->sections[lit->section].origin + lit->offset);
    return true;
}

static uint32_t literal_group(uint32_t length)
{
    return length % 8 == 0 ? 8 : length % 4 == 0 ? 4 : length % 2 == 0 ? 2 : 1;
}

static void place_literal(struct assembly *a, struct literal *lit)
{
    struct dc_spec spec;
    int end;
    a->quiet = true; /* its text was checked where it was used */
    char *copy = xstrdup(lit->text + 1);
    if (dc_parse(a, copy, 0, true, &spec, &end)) {
        align_to(a, literal_group(lit->length) > lit->align ? literal_group(lit->length) : lit->align, true);
        uint32_t offset = a->sections[a->cur_section].loc;
        if (lit->section != a->cur_section || lit->offset != offset)
            a->unresolved = true; /* a statement before may have used the old address */
        lit->section = a->cur_section;
        lit->offset = offset;
        lit->placed = true;
        a->location_override = lit->uses_location ? &lit->location : NULL;
        dc_generate(a, &spec, DC_EMIT, false, NULL);
        a->location_override = NULL;
    }
    free(copy);
    a->quiet = false;
}

void literal_pool(struct assembly *a, bool at_end)
{
    if (at_end) {
        bool any = false;
        for (size_t i = 0; i < a->nliterals && !any; i++)
            any = a->literals[i].pool == a->pool && !a->literals[i].placed;
        if (!any)
            return;
        if (a->first_csect >= 0)
            a->cur_section = a->first_csect;
        ensure_section(a);
        struct section *s = &a->sections[a->cur_section];
        s->loc = s->high;
        align_to(a, 8, false); /* every pool starts on a doubleword, as LTORG's does */
    }
    /* HLASM's order: literals whose length is a multiple of 8 first (on a doubleword), then of 4,
       then of 2, then the rest, each group in order of first use */
    static const uint32_t groups[] = {8, 4, 2, 1};
    for (size_t k = 0; k < sizeof groups / sizeof groups[0]; k++)
        for (size_t i = 0; i < a->nliterals; i++) {
            struct literal *lit = &a->literals[i];
            if (lit->pool == a->pool && !lit->placed && literal_group(lit->length) == groups[k])
                place_literal(a, lit);
        }
    a->pool++;
}

/* ---- CCW ---------------------------------------------------------------------------------------- */

/* CCW command,data-address,flags,count: a format-0 channel command word on a doubleword. */
void ccw_statement(struct assembly *a)
{
    struct stmt *st = &a->stmts[a->cur];
    align_to(a, 8, true);
    label_here(a, 8, 'W');
    uint8_t ccw[8] = {0};
    int starts[4], lens[4];
    int n = split_operands(st->text + st->f.operands, st->f.operands_len, starts, lens, 4);
    if (n != 4) {
        stmt_error(a, st->f.operands_len ? st->f.operands : st->f.op, "CCW takes command,address,flags,count");
        emit_bytes(a, ccw, 8);
        return;
    }
    static const struct {
        int byte, size;
        int64_t max;
        const char *what;
    } fields[4] = {{0, 1, 255, "command code"}, {1, 3, 0xFFFFFF, "data address"}, {4, 1, 255, "flags"},
                   {6, 2, 65535, "count"}};
    struct value address;
    value_abs(&address, 0);
    for (int i = 0; i < 4; i++) {
        int offset = st->f.operands + starts[i];
        char *text = stmt_dup(a, offset, lens[i]);
        struct expr_result r;
        int end;
        bool ok = expr_eval(a, text, &end, &r);
        if (ok && text[end])
            stmt_error(a, offset + end, "unexpected text in CCW operand");
        free(text);
        if (!ok)
            continue;
        if (i == 1 && !value_is_abs(&r.value)) {
            address = r.value;
        } else if (!value_is_abs(&r.value)) {
            stmt_error(a, offset, "CCW %s must be absolute", fields[i].what);
            continue;
        } else if (r.known && (r.value.v < 0 || r.value.v > fields[i].max)) {
            stmt_error(a, offset, "CCW %s %lld out of range", fields[i].what, (long long)r.value.v);
            continue;
        }
        uint32_t v = (uint32_t)r.value.v;
        for (int k = 0; k < fields[i].size; k++)
            ccw[fields[i].byte + fields[i].size - 1 - k] = (uint8_t)(v >> (8 * k));
    }
    if (!value_is_abs(&address))
        add_rld(a, &address, a->sections[a->cur_section].loc + 1, 3, false);
    emit_bytes(a, ccw, 8);
}
