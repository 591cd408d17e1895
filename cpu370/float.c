/*
 * float.c - System/370 hexadecimal floating point (GA22-7000, "Floating-Point Instructions"): loads,
 * stores and sign control, add and subtract (normalized and unnormalized, with one guard digit),
 * compare, halve, multiply, divide and load rounded, on short, long and extended operands in FPRs
 * 0, 2, 4 and 6.  Results are truncated, never rounded, except by LOAD ROUNDED; exponent overflow
 * and underflow deliver the architected wrapped characteristics.  The CPU core decodes; this file
 * owns only the arithmetic and the register and operand rules of the floating-point group.
 *
 * Every number is unpacked into a sign, a characteristic held in an int (so intermediate values may
 * leave 0-127, as prenormalization and carries make them) and a fraction held as an integer of 6, 14
 * or 28 hex digits in an unsigned __int128.  The low half of a register holding a short number is
 * never changed by a short result.
 */
#include "cpu370/cpu_int.h"

typedef unsigned __int128 u128;

/* The arithmetic and operand helpers (ALWAYS_INLINE) are inlined into each handler, so that the
   handler's format and operation (constants there) fold away, and numbers stay in registers. */

enum { SHORT_DIGITS = 6, LONG_DIGITS = 14, EXTENDED_DIGITS = 28 };
/* Fractions of up to 15 digits (a long one and a guard digit) fit 64 bits: arithmetic on them is done
   in uint64_t, which is what makes short and long operations fast. */
enum { NARROW_DIGITS = 15 };

#define SIGN_BIT 0x8000000000000000ull
#define FRACTION_56 0x00FFFFFFFFFFFFFFull
#define SHORT_FRACTION 0x00FFFFFFu
#define SHORT_IN_REGISTER 0xFFFFFFFF00000000ull

struct hfp {
    u128 frac;
    int expo; /* the characteristic: exponent + 64 */
    bool neg;
};

/* ---- registers and operands --------------------------------------------------------------------- */

/* Only 0, 2, 4 and 6 name floating-point registers; extended operands need the pair 0-2 or 4-6. */
static void require_fpr(struct cpu *c, unsigned r)
{
    if (r & 9)
        program_check(c, PGM_SPECIFICATION);
}

static void require_fpr_pair(struct cpu *c, unsigned r)
{
    if (r & 11)
        program_check(c, PGM_SPECIFICATION);
}

ALWAYS_INLINE struct hfp short_unpack(uint32_t w)
{
    return (struct hfp){.frac = w & SHORT_FRACTION, .expo = (w >> 24) & 0x7F, .neg = w >> 31};
}

ALWAYS_INLINE struct hfp long_unpack(uint64_t d)
{
    return (struct hfp){.frac = d & FRACTION_56, .expo = (d >> 56) & 0x7F, .neg = d >> 63};
}

ALWAYS_INLINE struct hfp short_reg(const struct cpu *c, unsigned r)
{
    return short_unpack((uint32_t)(c->fpr[r >> 1] >> 32));
}

ALWAYS_INLINE struct hfp long_reg(const struct cpu *c, unsigned r)
{
    return long_unpack(c->fpr[r >> 1]);
}

/* An extended operand: the low-order part's sign and characteristic are ignored. */
static struct hfp extended_reg(const struct cpu *c, unsigned r)
{
    struct hfp x = long_reg(c, r);
    x.frac = x.frac << 56 | (c->fpr[(r >> 1) + 1] & FRACTION_56);
    return x;
}

ALWAYS_INLINE uint64_t long_pack(struct hfp x)
{
    return (uint64_t)x.neg << 63 | (uint64_t)(x.expo & 0x7F) << 56 | ((uint64_t)x.frac & FRACTION_56);
}

ALWAYS_INLINE void set_short(struct cpu *c, unsigned r, struct hfp x)
{
    uint64_t *reg = &c->fpr[r >> 1];
    *reg = (long_pack(x) & ~FRACTION_56) | (uint64_t)x.frac << 32 | (uint32_t)*reg;
}

ALWAYS_INLINE void set_long(struct cpu *c, unsigned r, struct hfp x)
{
    c->fpr[r >> 1] = long_pack(x);
}

/*
 * An extended result: the low-order part carries the high-order part's sign and a characteristic 14
 * less, modulo 128 (GA22-7000 "Data format"), even with a wrapped high-order characteristic; only a
 * result made a true zero has two true-zero parts.  `code` tells the significance case (a zero
 * fraction that keeps its characteristic) from a true zero.
 */
static void set_extended(struct cpu *c, unsigned r, struct hfp x, int code)
{
    bool true_zero = x.frac == 0 && code != PGM_SIGNIFICANCE;
    struct hfp high = {.frac = x.frac >> 56, .expo = x.expo, .neg = x.neg};
    struct hfp low = {.frac = x.frac & FRACTION_56, .expo = x.expo - 14, .neg = x.neg};
    c->fpr[r >> 1] = long_pack(high);
    c->fpr[(r >> 1) + 1] = true_zero ? 0 : long_pack(low);
}

/* The second-operand address of an RX instruction, R1 and the operand's alignment checked first (a
   short operand on a fullword boundary, a long one on a doubleword). */
ALWAYS_INLINE uint32_t rx_address(struct cpu *c, const struct insn *inst, uint32_t alignment)
{
    require_fpr(c, field_r1(inst));
    uint32_t address = address_rx(c, inst);
    require_alignment(c, address, alignment);
    return address;
}

/* Operand 2 of an RR instruction on short or long registers, after both register fields are checked. */
ALWAYS_INLINE struct hfp rr_short(struct cpu *c, const struct insn *inst)
{
    require_fpr(c, field_r1(inst));
    require_fpr(c, field_r2(inst));
    return short_reg(c, field_r2(inst));
}

ALWAYS_INLINE struct hfp rr_long(struct cpu *c, const struct insn *inst)
{
    require_fpr(c, field_r1(inst));
    require_fpr(c, field_r2(inst));
    return long_reg(c, field_r2(inst));
}

ALWAYS_INLINE struct hfp rx_short(struct cpu *c, const struct insn *inst)
{
    return short_unpack(fetch4(c, rx_address(c, inst, 4)));
}

ALWAYS_INLINE struct hfp rx_long(struct cpu *c, const struct insn *inst)
{
    return long_unpack(fetch8(c, rx_address(c, inst, 8)));
}

ALWAYS_INLINE uint8_t cc_of(struct hfp x)
{
    return x.frac == 0 ? 0 : x.neg ? 1 : 2;
}

/* ---- arithmetic on unpacked numbers ------------------------------------------------------------- */

/* Leading zero digits of a fraction of `digits` digits (not zero). */
ALWAYS_INLINE int leading_zero_digits(u128 frac, int digits)
{
    uint64_t high = (uint64_t)(frac >> 64);
    int zero_bits = high ? __builtin_clzll(high) : 64 + __builtin_clzll((uint64_t)frac);
    return (zero_bits - (128 - 4 * digits)) / 4;
}

/* Shift a nonzero fraction left until its leading digit is not zero, lowering the characteristic. */
ALWAYS_INLINE struct hfp normalized(struct hfp x, int digits)
{
    if (x.frac && digits <= NARROW_DIGITS) {
        uint64_t frac = (uint64_t)x.frac;
        int shift = (__builtin_clzll(frac) - (64 - 4 * digits)) / 4;
        x.frac = frac << 4 * shift;
        x.expo -= shift;
    } else if (x.frac) {
        int shift = leading_zero_digits(x.frac, digits);
        x.frac <<= 4 * shift;
        x.expo -= shift;
    }
    return x;
}

/*
 * Exponent overflow and underflow of a nonzero result: a characteristic above 127 is completed 128 too
 * small and always interrupts; one below zero is completed 128 too large and interrupts when the
 * exponent-underflow mask is on, else the result is made a true zero.  Returns the interruption code.
 */
ALWAYS_INLINE int check_exponent(struct cpu *c, struct hfp *x)
{
    if (x->expo > 127) {
        x->expo -= 128;
        return PGM_EXPONENT_OVERFLOW;
    }
    if (x->expo < 0) {
        if (c->psw.progmask & PM_EXPONENT_UNDERFLOW) {
            x->expo += 128;
            return PGM_EXPONENT_UNDERFLOW;
        }
        *x = (struct hfp){0};
    }
    return 0;
}

/* A zero result fraction of add or subtract: with the significance mask on it keeps the intermediate
   characteristic (plus sign) and interrupts; with the mask off it is made a true zero. */
ALWAYS_INLINE int zero_sum(struct cpu *c, struct hfp *r, int expo)
{
    if (c->psw.progmask & PM_SIGNIFICANCE) {
        *r = (struct hfp){.expo = expo};
        return PGM_SIGNIFICANCE;
    }
    *r = (struct hfp){0};
    return 0;
}

/* The intermediate sum below in a fraction type wide enough for digits + 1 digits and a carry: 64 bits
   for short and long operands, which keeps them in one register, 128 for extended ones. */
#define intermediate_sum_of(type, a, b, digits)                                                                \
    ({                                                                                                         \
        if ((a).expo < (b).expo) {                                                                             \
            struct hfp t_ = (a);                                                                               \
            (a) = (b);                                                                                         \
            (b) = t_;                                                                                          \
        }                                                                                                      \
        int shift_ = (a).expo - (b).expo;                                                                      \
        type fa_ = (type)(a).frac << 4;                                                                        \
        type fb_ = shift_ > (digits) ? 0 : ((type)(b).frac << 4) >> (4 * shift_);                              \
        struct hfp s_ = {.expo = (a).expo, .neg = (a).neg};                                                    \
        type sum_;                                                                                             \
        if ((a).neg == (b).neg) {                                                                              \
            sum_ = fa_ + fb_;                                                                                  \
        } else if (fa_ >= fb_) {                                                                               \
            sum_ = fa_ - fb_;                                                                                  \
        } else {                                                                                               \
            sum_ = fb_ - fa_;                                                                                  \
            s_.neg = (b).neg;                                                                                  \
        }                                                                                                      \
        if (sum_ >> (4 * ((digits) + 1))) {                                                                    \
            sum_ >>= 4;                                                                                        \
            s_.expo++;                                                                                         \
        }                                                                                                      \
        s_.frac = sum_;                                                                                        \
        s_;                                                                                                    \
    })

/*
 * The intermediate sum of add, subtract and compare (GA22-7000 "ADD NORMALIZED"): the fraction with
 * the smaller characteristic is shifted right to align the two, keeping one guard digit; digits
 * shifted beyond it are lost.  The fractions are added algebraically; a carry shifts the sum right one
 * digit (losing its last digit) and raises the characteristic.  The sum has digits + 1 digits, the
 * last being the guard digit.  (A zero sum's sign does not matter: zero_sum makes it plus.)
 */
ALWAYS_INLINE struct hfp intermediate_sum(struct hfp a, struct hfp b, int digits)
{
    if (digits < NARROW_DIGITS)
        return intermediate_sum_of(uint64_t, a, b, digits);
    return intermediate_sum_of(u128, a, b, digits);
}

/* Normalized sum: the intermediate sum, guard digit included, is normalized, then truncated. */
ALWAYS_INLINE int add_normalized(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits)
{
    struct hfp s = intermediate_sum(a, b, digits);
    if (s.frac == 0)
        return zero_sum(c, r, s.expo);
    s = normalized(s, digits + 1);
    s.frac >>= 4;
    *r = s;
    return check_exponent(c, r);
}

/* Unnormalized sum: the guard digit is dropped and does not count when the result fraction is tested
   for zero; only a carry can change the characteristic, so underflow cannot occur. */
ALWAYS_INLINE int add_unnormalized(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits)
{
    struct hfp s = intermediate_sum(a, b, digits);
    s.frac >>= 4;
    if (s.frac == 0)
        return zero_sum(c, r, s.expo);
    *r = s;
    return check_exponent(c, r);
}

ALWAYS_INLINE int subtract_normalized(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits)
{
    b.neg = !b.neg;
    return add_normalized(c, r, a, b, digits);
}

ALWAYS_INLINE int subtract_unnormalized(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits)
{
    b.neg = !b.neg;
    return add_unnormalized(c, r, a, b, digits);
}

/* Compare by the rules of normalized subtraction: equal when the intermediate difference, guard digit
   included, is zero; so zero fractions are equal whatever their signs and characteristics. */
ALWAYS_INLINE uint8_t compare(struct hfp a, struct hfp b, int digits)
{
    b.neg = !b.neg;
    return cc_of(intermediate_sum(a, b, digits));
}

/*
 * The leading `want` digits of the exact product of two fractions of `digits` digits each (a product
 * of 2 * digits digits), padded with zeros when it is shorter.  Extended fractions (28 digits) are
 * split into 14-digit halves so each partial product fits 128 bits; their product is 56 digits and
 * `want` is then 29.
 */
ALWAYS_INLINE u128 product_digits(u128 a, u128 b, int digits, int want)
{
    int excess = 4 * (2 * digits - want);
    if (digits <= SHORT_DIGITS) {
        uint64_t p = (uint64_t)a * (uint64_t)b;
        return excess >= 0 ? p >> excess : p << -excess;
    }
    if (digits <= LONG_DIGITS) {
        u128 p = a * b;
        return excess >= 0 ? p >> excess : p << -excess;
    }
    const u128 half_mask = ((u128)1 << 56) - 1;
    u128 ah = a >> 56, al = a & half_mask, bh = b >> 56, bl = b & half_mask;
    u128 middle = ah * bl + al * bh;
    u128 low = al * bl + ((middle & half_mask) << 56); /* product = high * 2^112 + low */
    u128 high = ah * bh + (middle >> 56) + (low >> 112);
    low &= ((u128)1 << 112) - 1;
    return high << (112 - excess) | low >> excess;
}

/*
 * Multiply (GA22-7000 "MULTIPLY"): the operands are prenormalized; the characteristic is the sum of
 * theirs less 64; the exact fraction product is kept to the result length plus a guard digit, shifted
 * left one digit if it has a leading zero, then truncated.  A zero operand fraction gives a true zero.
 */
ALWAYS_INLINE int multiply(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits,
                           int result_digits)
{
    if (a.frac == 0 || b.frac == 0) {
        *r = (struct hfp){0};
        return 0;
    }
    a = normalized(a, digits);
    b = normalized(b, digits);
    struct hfp p = {.expo = a.expo + b.expo - 64, .neg = a.neg != b.neg};
    p.frac = product_digits(a.frac, b.frac, digits, result_digits + 1);
    p = normalized(p, result_digits + 1);
    p.frac >>= 4;
    *r = p;
    return check_exponent(c, r);
}

ALWAYS_INLINE int multiply_same_length(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits)
{
    return multiply(c, r, a, b, digits, digits);
}

/*
 * Divide (GA22-7000 "DIVIDE"): a zero divisor fraction is a floating-point divide exception (the
 * operation is suppressed); a zero dividend fraction gives a true zero.  The operands are prenormalized;
 * the characteristic is the difference of theirs plus 64; all digits take part and the quotient is
 * truncated, shifted right one digit (characteristic + 1) when the dividend fraction is not smaller.
 */
ALWAYS_INLINE int divide(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits)
{
    if (b.frac == 0)
        program_check(c, PGM_FP_DIVIDE);
    if (a.frac == 0) {
        *r = (struct hfp){0};
        return 0;
    }
    a = normalized(a, digits);
    b = normalized(b, digits);
    struct hfp q = {.expo = a.expo - b.expo + 64, .neg = a.neg != b.neg};
    int shift = 4 * digits;
    if (a.frac >= b.frac) {
        shift -= 4;
        q.expo++;
    }
    if (digits <= SHORT_DIGITS) /* 13 digits at most: 64-bit division */
        q.frac = ((uint64_t)a.frac << shift) / (uint64_t)b.frac;
    else
        q.frac = (a.frac << shift) / b.frac;
    *r = q;
    return check_exponent(c, r);
}

/* HALVE is a divide of the second operand by 2 (GA22-7000, HALVE programming notes): prenormalized,
   normalized, exponent underflow possible, a zero fraction made a true zero.  It has no first operand
   (`unused`). */
ALWAYS_INLINE int halve(struct cpu *c, struct hfp *r, struct hfp unused, struct hfp b, int digits)
{
    (void)unused;
    struct hfp two = {.frac = (u128)2 << (4 * (digits - 1)), .expo = 65};
    return divide(c, r, b, two, digits);
}

/*
 * LOAD ROUNDED: add one in the first bit dropped, as if the fraction were positive; a carry out of the
 * fraction shifts it right one digit and raises the characteristic, which may overflow.  The sign is
 * kept, there is no normalization, and no underflow or significance exception.
 */
static int round_to(struct hfp *x, int digits, int result_digits)
{
    int dropped = 4 * (digits - result_digits);
    x->frac = (x->frac + ((u128)1 << (dropped - 1))) >> dropped;
    if (x->frac >> (4 * result_digits)) {
        x->frac >>= 4;
        if (++x->expo > 127) {
            x->expo -= 128;
            return PGM_EXPONENT_OVERFLOW;
        }
    }
    return 0;
}

/* ---- handler shapes ----------------------------------------------------------------------------- */

typedef int arithmetic_fn(struct cpu *c, struct hfp *r, struct hfp a, struct hfp b, int digits);

/* Where short and long operands and results live: short ones in R1's high half, its low half kept. */
struct format {
    int digits;
    struct hfp (*get)(const struct cpu *c, unsigned r);
    void (*set)(struct cpu *c, unsigned r, struct hfp x);
};
static const struct format short_format = {SHORT_DIGITS, short_reg, set_short};
static const struct format long_format = {LONG_DIGITS, long_reg, set_long};

/* R1 = R1 op b; the interruption, if any, comes after the operation is completed. */
ALWAYS_INLINE void arithmetic(struct cpu *c, const struct insn *inst, const struct format *f, struct hfp b,
                              arithmetic_fn *op, bool sets_cc)
{
    unsigned r1 = field_r1(inst);
    struct hfp r;
    int code = op(c, &r, f->get(c, r1), b, f->digits);
    f->set(c, r1, r);
    if (sets_cc)
        c->psw.cc = cc_of(r);
    if (code)
        program_check(c, code);
}

/* MER, ME: short multiplicand (R1's high half) and multiplier, the exact product in all of R1. */
ALWAYS_INLINE void multiply_short_to_long(struct cpu *c, const struct insn *inst, struct hfp b)
{
    unsigned r1 = field_r1(inst);
    struct hfp r;
    int code = multiply(c, &r, short_reg(c, r1), b, SHORT_DIGITS, LONG_DIGITS);
    set_long(c, r1, r);
    if (code)
        program_check(c, code);
}

/* MXDR, MXD: long multiplicand (the high-order part of the pair R1), the exact extended product. */
static void multiply_long_to_extended(struct cpu *c, const struct insn *inst, struct hfp b)
{
    unsigned r1 = field_r1(inst);
    struct hfp r;
    int code = multiply(c, &r, long_reg(c, r1), b, LONG_DIGITS, EXTENDED_DIGITS);
    set_extended(c, r1, r, code);
    if (code)
        program_check(c, code);
}

ALWAYS_INLINE void compare_short(struct cpu *c, const struct insn *inst, struct hfp b)
{
    c->psw.cc = compare(short_reg(c, field_r1(inst)), b, SHORT_DIGITS);
}

ALWAYS_INLINE void compare_long(struct cpu *c, const struct insn *inst, struct hfp b)
{
    c->psw.cc = compare(long_reg(c, field_r1(inst)), b, LONG_DIGITS);
}

/* AXR, SXR, MXR: both operands register pairs. */
static void extended_result(struct cpu *c, const struct insn *inst, arithmetic_fn *op, bool sets_cc)
{
    unsigned r1 = field_r1(inst), r2 = field_r2(inst);
    require_fpr_pair(c, r1);
    require_fpr_pair(c, r2);
    struct hfp r;
    int code = op(c, &r, extended_reg(c, r1), extended_reg(c, r2), EXTENDED_DIGITS);
    set_extended(c, r1, r, code);
    if (sets_cc)
        c->psw.cc = cc_of(r);
    if (code)
        program_check(c, code);
}

/*
 * LOAD, LOAD AND TEST, LOAD POSITIVE/NEGATIVE/COMPLEMENT: the second operand is copied with its sign
 * bit cleared (`clear`) and/or inverted (`flip`), even for a zero fraction; no normalization.  The
 * condition code, if set, is 0 for a zero fraction, else 1 (minus) or 2 (plus).
 */
static void load_with_sign(struct cpu *c, const struct insn *inst, bool is_short, uint64_t clear, uint64_t flip,
                           bool sets_cc)
{
    unsigned r1 = field_r1(inst), r2 = field_r2(inst);
    require_fpr(c, r1);
    require_fpr(c, r2);
    uint64_t unchanged = is_short ? ~SHORT_IN_REGISTER : 0;
    uint64_t v = ((c->fpr[r2 >> 1] & ~unchanged) & ~clear) ^ flip;
    c->fpr[r1 >> 1] = v | (c->fpr[r1 >> 1] & unchanged);
    if (sets_cc)
        c->psw.cc = (v & FRACTION_56 & ~unchanged) == 0 ? 0 : (v & SIGN_BIT) ? 1 : 2;
}

/* ---- loads, stores and sign control ------------------------------------------------------------- */

void op_LER(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, true, 0, 0, false);
}

void op_LDR(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, false, 0, 0, false);
}

void op_LTER(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, true, 0, 0, true);
}

void op_LTDR(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, false, 0, 0, true);
}

void op_LPER(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, true, SIGN_BIT, 0, true);
}

void op_LPDR(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, false, SIGN_BIT, 0, true);
}

void op_LNER(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, true, SIGN_BIT, SIGN_BIT, true);
}

void op_LNDR(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, false, SIGN_BIT, SIGN_BIT, true);
}

void op_LCER(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, true, 0, SIGN_BIT, true);
}

void op_LCDR(struct cpu *c, const struct insn *inst)
{
    load_with_sign(c, inst, false, 0, SIGN_BIT, true);
}

void op_LE(struct cpu *c, const struct insn *inst)
{
    uint32_t address = rx_address(c, inst, 4);
    uint64_t *reg = &c->fpr[field_r1(inst) >> 1];
    *reg = (uint64_t)fetch4(c, address) << 32 | (uint32_t)*reg;
}

void op_LD(struct cpu *c, const struct insn *inst)
{
    uint32_t address = rx_address(c, inst, 8);
    c->fpr[field_r1(inst) >> 1] = fetch8(c, address);
}

void op_STE(struct cpu *c, const struct insn *inst)
{
    uint32_t address = rx_address(c, inst, 4);
    store4(c, address, (uint32_t)(c->fpr[field_r1(inst) >> 1] >> 32));
}

void op_STD(struct cpu *c, const struct insn *inst)
{
    uint32_t address = rx_address(c, inst, 8);
    store8(c, address, c->fpr[field_r1(inst) >> 1]);
}

/* LRER: long operand rounded to short (one added in bit 32); the condition code is unchanged. */
void op_LRER(struct cpu *c, const struct insn *inst)
{
    struct hfp x = rr_long(c, inst);
    int code = round_to(&x, LONG_DIGITS, SHORT_DIGITS);
    set_short(c, field_r1(inst), x);
    if (code)
        program_check(c, code);
}

/* LRDR: extended operand (pair 0 or 4) rounded to long (one added in bit 72, the first fraction bit
   of the low-order part). */
void op_LRDR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), r2 = field_r2(inst);
    require_fpr(c, r1);
    require_fpr_pair(c, r2);
    struct hfp x = extended_reg(c, r2);
    int code = round_to(&x, EXTENDED_DIGITS, LONG_DIGITS);
    set_long(c, r1, x);
    if (code)
        program_check(c, code);
}

/* ---- add and subtract --------------------------------------------------------------------------- */

void op_AER(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rr_short(c, inst), add_normalized, true);
}

void op_AE(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rx_short(c, inst), add_normalized, true);
}

void op_ADR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), add_normalized, true);
}

void op_AD(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rx_long(c, inst), add_normalized, true);
}

void op_SER(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rr_short(c, inst), subtract_normalized, true);
}

void op_SE(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rx_short(c, inst), subtract_normalized, true);
}

void op_SDR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), subtract_normalized, true);
}

void op_SD(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rx_long(c, inst), subtract_normalized, true);
}

void op_AUR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rr_short(c, inst), add_unnormalized, true);
}

void op_AU(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rx_short(c, inst), add_unnormalized, true);
}

void op_AWR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), add_unnormalized, true);
}

void op_AW(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rx_long(c, inst), add_unnormalized, true);
}

void op_SUR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rr_short(c, inst), subtract_unnormalized, true);
}

void op_SU(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rx_short(c, inst), subtract_unnormalized, true);
}

void op_SWR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), subtract_unnormalized, true);
}

void op_SW(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rx_long(c, inst), subtract_unnormalized, true);
}

void op_AXR(struct cpu *c, const struct insn *inst)
{
    extended_result(c, inst, add_normalized, true);
}

void op_SXR(struct cpu *c, const struct insn *inst)
{
    extended_result(c, inst, subtract_normalized, true);
}

/* ---- compare ------------------------------------------------------------------------------------ */

void op_CER(struct cpu *c, const struct insn *inst)
{
    compare_short(c, inst, rr_short(c, inst));
}

void op_CE(struct cpu *c, const struct insn *inst)
{
    compare_short(c, inst, rx_short(c, inst));
}

void op_CDR(struct cpu *c, const struct insn *inst)
{
    compare_long(c, inst, rr_long(c, inst));
}

void op_CD(struct cpu *c, const struct insn *inst)
{
    compare_long(c, inst, rx_long(c, inst));
}

/* ---- halve, multiply and divide (the condition code is unchanged) ------------------------------- */

void op_HER(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rr_short(c, inst), halve, false);
}

void op_HDR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), halve, false);
}

void op_MER(struct cpu *c, const struct insn *inst)
{
    multiply_short_to_long(c, inst, rr_short(c, inst));
}

void op_ME(struct cpu *c, const struct insn *inst)
{
    multiply_short_to_long(c, inst, rx_short(c, inst));
}

void op_MDR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), multiply_same_length, false);
}

void op_MD(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rx_long(c, inst), multiply_same_length, false);
}

void op_MXDR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), r2 = field_r2(inst);
    require_fpr_pair(c, r1);
    require_fpr(c, r2);
    multiply_long_to_extended(c, inst, long_reg(c, r2));
}

void op_MXD(struct cpu *c, const struct insn *inst)
{
    require_fpr_pair(c, field_r1(inst));
    multiply_long_to_extended(c, inst, rx_long(c, inst));
}

void op_MXR(struct cpu *c, const struct insn *inst)
{
    extended_result(c, inst, multiply_same_length, false);
}

void op_DER(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rr_short(c, inst), divide, false);
}

void op_DE(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &short_format, rx_short(c, inst), divide, false);
}

void op_DDR(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rr_long(c, inst), divide, false);
}

void op_DD(struct cpu *c, const struct insn *inst)
{
    arithmetic(c, inst, &long_format, rx_long(c, inst), divide, false);
}
