/*
 * decimal.c - the decimal instructions (GA22-7000, "Decimal Instructions"): packed-decimal arithmetic
 * (AP SP ZAP CP MP DP SRP), the format changes (PACK UNPK MVO, CVB CVD) and editing (ED EDMK).
 * Packed operands (1-16 bytes, up to 31 digits) are fetched whole and computed on as 128-bit binary
 * magnitudes; PACK, UNPK and MVO replay the architected right-to-left byte order on a copy of their
 * operands, so overlapping fields give the architected result.
 */
#include "cpu370/cpu_int.h"

typedef unsigned __int128 u128;

enum {
    MAX_PACKED = 16, /* bytes in a packed operand: 31 digits and a sign */
    SIGN_PLUS = 0xC, /* preferred sign codes of results */
    SIGN_MINUS = 0xD,
    ZONE = 0xF0, /* zone of zoned-format (EBCDIC) digits */
    EDIT_DIGIT_SELECTOR = 0x20,
    EDIT_SIGNIFICANCE_STARTER = 0x21,
    EDIT_FIELD_SEPARATOR = 0x22,
};

#define POW10_15 1000000000000000ull
#define TIMES_POW10_15(m) ((u128)POW10_15 * (m))

/* 10^0 .. 10^32 (SRP rounds at the 32nd digit position). */
static const u128 pow10[33] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull, 1000000000ull,
    10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull, 100000000000000ull, POW10_15,
    TIMES_POW10_15(10ull), TIMES_POW10_15(100ull), TIMES_POW10_15(1000ull), TIMES_POW10_15(10000ull),
    TIMES_POW10_15(100000ull), TIMES_POW10_15(1000000ull), TIMES_POW10_15(10000000ull),
    TIMES_POW10_15(100000000ull), TIMES_POW10_15(1000000000ull), TIMES_POW10_15(10000000000ull),
    TIMES_POW10_15(100000000000ull), TIMES_POW10_15(1000000000000ull), TIMES_POW10_15(10000000000000ull),
    TIMES_POW10_15(100000000000000ull), TIMES_POW10_15(POW10_15), TIMES_POW10_15(POW10_15 * 10),
    TIMES_POW10_15(POW10_15 * 100),
};

/* ---- packed-decimal values ---------------------------------------------------------------------- */

struct packed {
    u128 magnitude;
    bool negative;
};

/* Digits in a packed field of n bytes. */
static inline unsigned digits_in(unsigned n)
{
    return 2 * n - 1;
}

/* Sign codes A-F: B and D are minus, A, C, E and F plus. */
static inline bool sign_is_minus(unsigned sign)
{
    return sign == 0xB || sign == 0xD;
}

/* Check and convert a packed field: false when a digit position holds A-F or the sign position 0-9.
   The last 8 bytes (15 digits) and the ones before them (up to 16 digits) each fit in 64 bits. */
static bool packed_decode(const uint8_t *p, unsigned n, struct packed *v)
{
    uint64_t high = 0, low = 0;
    unsigned split = n > 8 ? n - 8 : 0;
    for (unsigned i = 0; i + 1 < n; i++) {
        unsigned b = p[i];
        if (b > 0x99 || (b & 15) > 9)
            return false;
        uint64_t *part = i < split ? &high : &low;
        *part = *part * 100 + (b >> 4) * 10 + (b & 15);
    }
    unsigned last = p[n - 1];
    if (last > 0x9F || (last & 15) < 0xA)
        return false;
    low = low * 10 + (last >> 4);
    v->magnitude = (u128)high * POW10_15 + low;
    v->negative = sign_is_minus(last & 15);
    return true;
}

/* Fetch-and-check for the instructions that take a data exception on an invalid operand. */
static void decode_or_data_exception(struct cpu *c, const uint8_t *p, unsigned n, struct packed *v)
{
    if (!packed_decode(p, n, v))
        program_check(c, PGM_DATA);
}

/* Store a magnitude as n packed bytes with a preferred sign; digits that do not fit are dropped. */
static void packed_encode(uint8_t *p, unsigned n, u128 magnitude, bool negative)
{
    uint64_t high, low;
    if (magnitude >> 64) {
        high = (uint64_t)(magnitude / POW10_15);
        low = (uint64_t)(magnitude % POW10_15);
    } else {
        high = (uint64_t)magnitude / POW10_15;
        low = (uint64_t)magnitude % POW10_15;
    }
    p[n - 1] = (uint8_t)((low % 10) << 4 | (negative ? SIGN_MINUS : SIGN_PLUS));
    low /= 10;
    for (unsigned k = 1; k < n; k++) {
        uint64_t *part = k < 8 ? &low : &high;
        unsigned two = (unsigned)(*part % 100);
        *part /= 100;
        p[n - 1 - k] = (uint8_t)((two / 10) << 4 | two % 10);
    }
}

static inline uint8_t cc_of(u128 magnitude, bool negative)
{
    return magnitude == 0 ? 0 : negative ? 1 : 2;
}

/* Decimal overflow: the result has been stored; cc 3, and the interruption if the mask allows it. */
static void decimal_overflow(struct cpu *c)
{
    c->psw.cc = 3;
    if (c->psw.progmask & PM_DECIMAL_OVERFLOW)
        program_check(c, PGM_DECIMAL_OVERFLOW);
}

/* ---- SS operands with two lengths --------------------------------------------------------------- */

struct decimal_operands {
    uint32_t a1, a2;
    unsigned n1, n2; /* lengths in bytes */
    uint8_t f1[MAX_PACKED], f2[MAX_PACKED];
};

static void decode_ss_ll(struct cpu *c, const struct insn *inst, struct decimal_operands *o)
{
    o->a1 = address_b2d2(c, inst);
    o->a2 = address_ss2(c, inst);
    o->n1 = inst->r1 + 1u;
    o->n2 = inst->r2 + 1u;
}

/* Fetch the second operand and, unless only stored (ZAP), the first; check the first for storing. */
static void fetch_decimal_operands(struct cpu *c, struct decimal_operands *o, bool fetch_first)
{
    fetch_bytes(c, o->a2, o->f2, o->n2, c->psw.key);
    if (fetch_first)
        fetch_bytes(c, o->a1, o->f1, o->n1, c->psw.key);
    check_access(c, o->a1, o->n1, ACCESS_STORE, c->psw.key);
}

/* Offset of b from a, modulo the 24-bit address space. */
static inline uint32_t address_distance(uint32_t a, uint32_t b)
{
    return (b - a) & 0xFFFFFF;
}

/* Decimal-arithmetic operands may overlap only with coincident rightmost bytes, and for ZAP also with
   the result's rightmost byte to the right of the source's; other overlaps are data exceptions.  Only
   ZAP needs the check: with both operands checked, any other overlap puts the sign byte of one operand
   in a digit position of the other, which the validity check already rejects. */
static void require_zap_overlap(struct cpu *c, const struct decimal_operands *o)
{
    bool overlap = address_distance(o->a1, o->a2) < o->n1 || address_distance(o->a2, o->a1) < o->n2;
    if (overlap && address_distance(o->a2 + o->n2, o->a1 + o->n1) >= MAX_PACKED)
        program_check(c, PGM_DATA);
}

/* Store an add-type result in the first operand: a zero result is positive unless nonzero digits were
   lost, in which case it keeps the sign of the true result; cc 0-2 by value, 3 on overflow. */
static void store_add_type(struct cpu *c, const struct decimal_operands *o, u128 magnitude, bool negative)
{
    u128 limit = pow10[digits_in(o->n1)];
    bool overflow = magnitude >= limit;
    if (overflow)
        magnitude %= limit;
    else if (magnitude == 0)
        negative = false;
    uint8_t result[MAX_PACKED];
    packed_encode(result, o->n1, magnitude, negative);
    store_bytes(c, o->a1, result, o->n1, c->psw.key);
    if (overflow)
        decimal_overflow(c);
    else
        c->psw.cc = cc_of(magnitude, negative);
}

/* AP and SP: the algebraic sum of the first operand and the (sign-inverted for SP) second. */
static void add_decimal(struct cpu *c, const struct insn *inst, bool subtract)
{
    struct decimal_operands o;
    struct packed x, y;
    decode_ss_ll(c, inst, &o);
    fetch_decimal_operands(c, &o, true);
    decode_or_data_exception(c, o.f1, o.n1, &x);
    decode_or_data_exception(c, o.f2, o.n2, &y);
    y.negative ^= subtract;
    if (x.negative == y.negative)
        store_add_type(c, &o, x.magnitude + y.magnitude, x.negative);
    else if (x.magnitude >= y.magnitude)
        store_add_type(c, &o, x.magnitude - y.magnitude, x.negative);
    else
        store_add_type(c, &o, y.magnitude - x.magnitude, y.negative);
}

void op_AP(struct cpu *c, const struct insn *inst)
{
    add_decimal(c, inst, false);
}

void op_SP(struct cpu *c, const struct insn *inst)
{
    add_decimal(c, inst, true);
}

/* ZAP: only the second operand is checked; the first is only stored. */
void op_ZAP(struct cpu *c, const struct insn *inst)
{
    struct decimal_operands o;
    struct packed y;
    decode_ss_ll(c, inst, &o);
    fetch_decimal_operands(c, &o, false);
    decode_or_data_exception(c, o.f2, o.n2, &y);
    require_zap_overlap(c, &o);
    store_add_type(c, &o, y.magnitude, y.negative);
}

/* CP: algebraic comparison, minus zero equal to plus zero; nothing is stored. */
void op_CP(struct cpu *c, const struct insn *inst)
{
    struct decimal_operands o;
    struct packed x, y;
    decode_ss_ll(c, inst, &o);
    fetch_bytes(c, o.a1, o.f1, o.n1, c->psw.key);
    fetch_bytes(c, o.a2, o.f2, o.n2, c->psw.key);
    decode_or_data_exception(c, o.f1, o.n1, &x);
    decode_or_data_exception(c, o.f2, o.n2, &y);
    x.negative &= x.magnitude != 0;
    y.negative &= y.magnitude != 0;
    if (x.negative != y.negative)
        c->psw.cc = x.negative ? 1 : 2;
    else if (x.magnitude == y.magnitude)
        c->psw.cc = 0;
    else
        c->psw.cc = (x.magnitude < y.magnitude) != x.negative ? 1 : 2;
}

/* MP and DP: the second operand is at most 8 bytes and shorter than the first (specification). */
static void decode_multiply_divide(struct cpu *c, const struct insn *inst, struct decimal_operands *o,
                                   struct packed *x, struct packed *y)
{
    decode_ss_ll(c, inst, o);
    if (o->n2 > 8 || o->n2 >= o->n1)
        program_check(c, PGM_SPECIFICATION);
    fetch_decimal_operands(c, o, true);
    decode_or_data_exception(c, o->f1, o->n1, x);
    decode_or_data_exception(c, o->f2, o->n2, y);
}

/* MP: the multiplicand needs as many leftmost zero bytes as the multiplier has bytes (data exception
   otherwise), so the product always fits.  Its sign follows algebra even when it is zero. */
void op_MP(struct cpu *c, const struct insn *inst)
{
    struct decimal_operands o;
    struct packed x, y;
    decode_multiply_divide(c, inst, &o, &x, &y);
    if (x.magnitude >= pow10[digits_in(o.n1 - o.n2)])
        program_check(c, PGM_DATA);
    uint8_t result[MAX_PACKED];
    packed_encode(result, o.n1, x.magnitude * y.magnitude, x.negative != y.negative);
    store_bytes(c, o.a1, result, o.n1, c->psw.key);
}

/* DP: the quotient fills the leftmost n1-n2 bytes (sign by algebra), the remainder the rightmost n2
   (sign of the dividend), even when zero.  A zero divisor or a quotient that does not fit is a
   decimal-divide exception, with the operands unchanged. */
void op_DP(struct cpu *c, const struct insn *inst)
{
    struct decimal_operands o;
    struct packed x, y;
    decode_multiply_divide(c, inst, &o, &x, &y);
    if (y.magnitude == 0)
        program_check(c, PGM_DECIMAL_DIVIDE);
    u128 quotient = x.magnitude / y.magnitude;
    unsigned quotient_bytes = o.n1 - o.n2;
    if (quotient >= pow10[digits_in(quotient_bytes)])
        program_check(c, PGM_DECIMAL_DIVIDE);
    uint8_t result[MAX_PACKED];
    packed_encode(result, quotient_bytes, quotient, x.negative != y.negative);
    packed_encode(result + quotient_bytes, o.n2, x.magnitude - quotient * y.magnitude, x.negative);
    store_bytes(c, o.a1, result, o.n1, c->psw.key);
}

/* SRP: shift the digits by the signed 6-bit amount in the second-operand address (left positive);
   a right shift first adds the rounding digit I3 to the leftmost digit shifted out.  An invalid
   rounding digit is a data exception even when it is not used.  Left shifts that lose nonzero digits
   overflow; then the result keeps its sign even when zero. */
void op_SRP(struct cpu *c, const struct insn *inst)
{
    uint32_t a1 = address_b2d2(c, inst);
    unsigned n1 = inst->r1 + 1u, rounding = inst->r2;
    int shift = (int)(address_ss2(c, inst) & 63);
    if (shift >= 32)
        shift -= 64;
    uint8_t field[MAX_PACKED];
    struct packed v;
    fetch_bytes(c, a1, field, n1, c->psw.key);
    check_access(c, a1, n1, ACCESS_STORE, c->psw.key);
    decode_or_data_exception(c, field, n1, &v);
    if (rounding > 9)
        program_check(c, PGM_DATA);
    unsigned digits = digits_in(n1);
    u128 m = v.magnitude;
    bool overflow = false;
    if (shift > 0) {
        unsigned kept = (unsigned)shift < digits ? digits - (unsigned)shift : 0;
        overflow = m >= pow10[kept];
        m = kept ? (m % pow10[kept]) * pow10[shift] : 0;
    } else if (shift < 0) {
        m = (m + rounding * pow10[-shift - 1]) / pow10[-shift];
    }
    bool negative = v.negative && (m != 0 || overflow);
    packed_encode(field, n1, m, negative);
    store_bytes(c, a1, field, n1, c->psw.key);
    if (overflow)
        decimal_overflow(c);
    else
        c->psw.cc = cc_of(m, negative);
}

/* ---- PACK, UNPK, MVO: right to left, byte by byte, no validity checks ---------------------------- */

/* The two operands in one work area: when they overlap they share bytes, so a result byte stored
   early is what a later fetch of the second operand sees, as in the architected processing. */
struct move_operands {
    uint8_t area[2 * MAX_PACKED];
    uint8_t *op1, *op2;
    uint32_t a1;
    int n1, n2;
};

static void fetch_move_operands(struct cpu *c, const struct insn *inst, struct move_operands *m,
                                bool fetch_first)
{
    uint32_t a2 = address_ss2(c, inst);
    m->a1 = address_b2d2(c, inst);
    m->n1 = inst->r1 + 1u;
    m->n2 = inst->r2 + 1u;
    uint32_t second_in_first = address_distance(m->a1, a2), first_in_second = address_distance(a2, m->a1);
    if (second_in_first < (uint32_t)m->n1) {
        int span = (int)second_in_first + m->n2;
        fetch_bytes(c, m->a1, m->area, (uint32_t)(span > m->n1 ? span : m->n1), c->psw.key);
        m->op1 = m->area;
        m->op2 = m->area + second_in_first;
    } else if (first_in_second < (uint32_t)m->n2) {
        int span = (int)first_in_second + m->n1;
        fetch_bytes(c, a2, m->area, (uint32_t)(span > m->n2 ? span : m->n2), c->psw.key);
        m->op2 = m->area;
        m->op1 = m->area + first_in_second;
    } else {
        m->op1 = m->area;
        m->op2 = m->area + MAX_PACKED;
        fetch_bytes(c, a2, m->op2, (uint32_t)m->n2, c->psw.key);
        if (fetch_first)
            fetch_bytes(c, m->a1, m->op1, (uint32_t)m->n1, c->psw.key);
    }
    check_access(c, m->a1, (uint32_t)m->n1, ACCESS_STORE, c->psw.key);
}

static void store_move_result(struct cpu *c, const struct move_operands *m)
{
    store_bytes(c, m->a1, m->op1, (uint32_t)m->n1, c->psw.key);
}

static inline uint8_t swap_nibbles(uint8_t b)
{
    return (uint8_t)(b << 4 | b >> 4);
}

/* The second operand's byte j, or a zero beyond its left end. */
static inline uint8_t source_byte(const struct move_operands *m, int j)
{
    return j >= 0 ? m->op2[j] : 0;
}

/* PACK: zoned to packed; the rightmost byte's zone and digit swap, the other zones are dropped. */
void op_PACK(struct cpu *c, const struct insn *inst)
{
    struct move_operands m;
    fetch_move_operands(c, inst, &m, false);
    int j = m.n2 - 1;
    m.op1[m.n1 - 1] = swap_nibbles(m.op2[j--]);
    for (int i = m.n1 - 2; i >= 0; i--, j -= 2) {
        uint8_t right = source_byte(&m, j), left = source_byte(&m, j - 1);
        m.op1[i] = (uint8_t)((left & 15) << 4 | (right & 15));
    }
    store_move_result(c, &m);
}

/* UNPK: packed to zoned; the rightmost byte's digit and sign swap, the other digits get zone F. */
void op_UNPK(struct cpu *c, const struct insn *inst)
{
    struct move_operands m;
    fetch_move_operands(c, inst, &m, false);
    int j = m.n2 - 1;
    m.op1[m.n1 - 1] = swap_nibbles(m.op2[j--]);
    for (int i = m.n1 - 2; i >= 0; j--) {
        uint8_t b = source_byte(&m, j);
        m.op1[i--] = (uint8_t)(ZONE | (b & 15));
        if (i >= 0)
            m.op1[i--] = (uint8_t)(ZONE | b >> 4);
    }
    store_move_result(c, &m);
}

/* MVO: the second operand goes to the left of the first operand's rightmost four bits. */
void op_MVO(struct cpu *c, const struct insn *inst)
{
    struct move_operands m;
    fetch_move_operands(c, inst, &m, true);
    int j = m.n2 - 1;
    uint8_t previous = m.op2[j--];
    m.op1[m.n1 - 1] = (uint8_t)(previous << 4 | (m.op1[m.n1 - 1] & 15));
    for (int i = m.n1 - 2; i >= 0; i--) {
        uint8_t b = source_byte(&m, j--);
        m.op1[i] = (uint8_t)(b << 4 | previous >> 4);
        previous = b;
    }
    store_move_result(c, &m);
}

/* ---- CVB, CVD ----------------------------------------------------------------------------------- */

/* CVB: a result outside the 32-bit signed range still leaves its rightmost 32 bits in R1, then a
   fixed-point-divide exception is recognized. */
void op_CVB(struct cpu *c, const struct insn *inst)
{
    uint8_t field[8];
    struct packed v;
    put_be64(field, fetch8(c, address_rx(c, inst)));
    decode_or_data_exception(c, field, 8, &v);
    int64_t value = v.negative ? -(int64_t)v.magnitude : (int64_t)v.magnitude;
    c->gr[field_r1(inst)] = (uint32_t)value;
    if (value < INT32_MIN || value > INT32_MAX)
        program_check(c, PGM_FIXED_DIVIDE);
}

void op_CVD(struct cpu *c, const struct insn *inst)
{
    int64_t value = (int32_t)c->gr[field_r1(inst)];
    uint8_t field[8];
    packed_encode(field, 8, (u128)(value < 0 ? -value : value), value < 0);
    store8(c, address_rx(c, inst), be64(field));
}

/* ---- ED, EDMK ----------------------------------------------------------------------------------- */

/* The source of an edit is read only as far as the pattern asks for digits: access and data
   exceptions belong to those bytes alone.  When every byte it could need lies in one 2K block, one
   translation serves them all. */
struct edit_source {
    uint32_t address;      /* next byte to fetch */
    const uint8_t *direct; /* the bytes in storage when they share one 2K block, or NULL */
    uint8_t byte;          /* the byte being used */
    bool right_digit_next; /* its right half is a digit still to be used */
};

static void edit_source_start(struct cpu *c, struct edit_source *s, uint32_t address, const uint8_t *pattern,
                              unsigned n)
{
    unsigned most = 0;
    for (unsigned i = 0; i < n; i++)
        most += pattern[i] == EDIT_DIGIT_SELECTOR || pattern[i] == EDIT_SIGNIFICANCE_STARTER;
    s->address = address;
    s->byte = 0;
    s->right_digit_next = false;
    s->direct = NULL;
    if (most && (address & 0x7FF) + most <= 0x800)
        s->direct = c->m->storage + translate(c, address, ACCESS_FETCH, c->psw.key);
}

/* The next source digit; *plus is set when the byte just fetched has a plus sign on its right. */
static unsigned edit_next_digit(struct cpu *c, struct edit_source *s, bool *plus)
{
    *plus = false;
    if (s->right_digit_next) {
        s->right_digit_next = false;
        return s->byte & 15;
    }
    if (s->direct)
        s->byte = *s->direct++;
    else
        s->byte = fetch1(c, s->address);
    s->address = (s->address + 1) & 0xFFFFFF;
    unsigned digit = s->byte >> 4, right = s->byte & 15;
    if (digit > 9)
        program_check(c, PGM_DATA);
    if (right <= 9)
        s->right_digit_next = true;
    else
        *plus = !sign_is_minus(right);
    return digit;
}

/*
 * ED and EDMK: each pattern byte is kept, replaced by the fill byte (the pattern's first byte), or
 * replaced by a source digit in zoned form, by the significance indicator's state: off at the start,
 * after a field separator and after a source byte with a plus sign; on after a nonzero digit or a
 * significance starter.  cc: 0 when the last field's digits are all zero (or there are none), else
 * 1 with the indicator on (minus) or 2 with it off (plus).  EDMK puts the address of each result digit
 * that turns significance on by being nonzero into bits 8-31 of GR1.
 */
static void edit(struct cpu *c, const struct insn *inst, bool mark)
{
    unsigned n = inst->imm + 1u;
    uint32_t a1 = address_b2d2(c, inst);
    uint8_t pattern[256];
    fetch_bytes(c, a1, pattern, n, c->psw.key);
    check_access(c, a1, n, ACCESS_STORE, c->psw.key);
    struct edit_source source;
    edit_source_start(c, &source, address_ss2(c, inst), pattern, n);
    uint8_t fill = pattern[0];
    bool significance = false, field_nonzero = false, marked = false;
    uint32_t mark_address = 0;
    for (unsigned i = 0; i < n; i++) {
        uint8_t p = pattern[i];
        if (p == EDIT_DIGIT_SELECTOR || p == EDIT_SIGNIFICANCE_STARTER) {
            bool plus;
            unsigned digit = edit_next_digit(c, &source, &plus);
            if (digit && !significance) {
                marked = true;
                mark_address = a1 + i;
            }
            bool significant = significance || digit != 0;
            pattern[i] = significant ? (uint8_t)(ZONE | digit) : fill;
            field_nonzero |= digit != 0;
            significance = !plus && (significant || p == EDIT_SIGNIFICANCE_STARTER);
        } else if (p == EDIT_FIELD_SEPARATOR) {
            pattern[i] = fill;
            significance = false;
            field_nonzero = false;
        } else if (!significance) {
            pattern[i] = fill;
        }
    }
    store_bytes(c, a1, pattern, n, c->psw.key);
    c->psw.cc = !field_nonzero ? 0 : significance ? 1 : 2;
    if (mark && marked)
        c->gr[1] = (c->gr[1] & 0xFF000000) | (mark_address & 0xFFFFFF);
}

void op_ED(struct cpu *c, const struct insn *inst)
{
    edit(c, inst, false);
}

void op_EDMK(struct cpu *c, const struct insn *inst)
{
    edit(c, inst, true);
}
