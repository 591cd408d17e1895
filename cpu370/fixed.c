/*
 * fixed.c - binary integer instructions (GA22-7000, "General Instructions"): word and halfword loads
 * and stores, LA, LM/STM, signed and logical add/subtract, compare, multiply, divide, sign control,
 * shifts.  Logical connectives, compares and character data are in logical.c; branches in branch.c.
 */
#include "cpu370/cpu_int.h"

/* ---- operands ----------------------------------------------------------------------------------- */

static inline int32_t signed_gr(const struct cpu *c, unsigned r)
{
    return (int32_t)c->gr[r];
}

static inline int32_t halfword_operand(struct cpu *c, const uint8_t *inst)
{
    return (int16_t)fetch2(c, address_rx(c, inst));
}

/* An even-odd register pair as one 64-bit value (R1 even, else a specification exception). */
static unsigned even_register(struct cpu *c, unsigned r)
{
    if (r & 1)
        program_check(c, PGM_SPECIFICATION);
    return r;
}

static inline uint64_t pair_value(const struct cpu *c, unsigned r)
{
    return (uint64_t)c->gr[r] << 32 | c->gr[r + 1];
}

static inline void set_pair(struct cpu *c, unsigned r, uint64_t v)
{
    c->gr[r] = (uint32_t)(v >> 32);
    c->gr[r + 1] = (uint32_t)v;
}

/* The result is already in place; overflow sets cc 3 and interrupts only if the program mask allows
   (the instruction is completed either way). */
static void fixed_overflow(struct cpu *c)
{
    c->psw.cc = 3;
    if (c->psw.progmask & PM_FIXED_OVERFLOW)
        program_check(c, PGM_FIXED_OVERFLOW);
}

/* ---- loads and stores --------------------------------------------------------------------------- */

void op_LR(struct cpu *c, const uint8_t *inst)
{
    c->gr[field_r1(inst)] = c->gr[field_r2(inst)];
}

void op_L(struct cpu *c, const uint8_t *inst)
{
    c->gr[field_r1(inst)] = fetch4(c, address_rx(c, inst));
}

void op_LH(struct cpu *c, const uint8_t *inst)
{
    c->gr[field_r1(inst)] = (uint32_t)halfword_operand(c, inst);
}

void op_ST(struct cpu *c, const uint8_t *inst)
{
    store4(c, address_rx(c, inst), c->gr[field_r1(inst)]);
}

void op_STH(struct cpu *c, const uint8_t *inst)
{
    store2(c, address_rx(c, inst), (uint16_t)c->gr[field_r1(inst)]);
}

/* LOAD ADDRESS: the 24-bit address, bits 0-7 of R1 set to zero; no storage is referenced. */
void op_LA(struct cpu *c, const uint8_t *inst)
{
    c->gr[field_r1(inst)] = address_rx(c, inst);
}

/* LOAD MULTIPLE / STORE MULTIPLE: registers R1 through R3, wrapping from 15 to 0.  The operand is
   checked whole before anything changes (it may cross a 2K boundary). */
static unsigned register_count(const uint8_t *inst)
{
    return ((field_r2(inst) - field_r1(inst)) & 15) + 1;
}

void op_STM(struct cpu *c, const uint8_t *inst)
{
    uint8_t buf[64];
    unsigned r = field_r1(inst), n = register_count(inst);
    for (unsigned i = 0; i < n; i++)
        put_be32(buf + 4 * i, c->gr[(r + i) & 15]);
    store_bytes(c, address_b2d2(c, inst), buf, 4 * n, c->psw.key);
}

void op_LM(struct cpu *c, const uint8_t *inst)
{
    uint8_t buf[64];
    unsigned r = field_r1(inst), n = register_count(inst);
    fetch_bytes(c, address_b2d2(c, inst), buf, 4 * n, c->psw.key);
    for (unsigned i = 0; i < n; i++)
        c->gr[(r + i) & 15] = be32(buf + 4 * i);
}

/* ---- sign control ------------------------------------------------------------------------------- */

void op_LTR(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = c->gr[field_r2(inst)];
    c->psw.cc = cc_signed(signed_gr(c, r1));
}

/* LOAD COMPLEMENT and LOAD POSITIVE overflow only for -2**31, which stays -2**31. */
void op_LCR(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    uint32_t v = c->gr[field_r2(inst)];
    c->gr[r1] = 0u - v;
    if (v == 0x80000000u)
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed(signed_gr(c, r1));
}

void op_LPR(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    int32_t v = signed_gr(c, field_r2(inst));
    c->gr[r1] = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
    if (v == INT32_MIN)
        fixed_overflow(c);
    else
        c->psw.cc = v ? 2 : 0;
}

void op_LNR(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    int32_t v = signed_gr(c, field_r2(inst));
    c->gr[r1] = v > 0 ? 0u - (uint32_t)v : (uint32_t)v;
    c->psw.cc = v ? 1 : 0;
}

/* ---- add and subtract --------------------------------------------------------------------------- */

static void add_signed(struct cpu *c, unsigned r1, int32_t operand)
{
    int32_t sum;
    bool overflow = __builtin_add_overflow(signed_gr(c, r1), operand, &sum);
    c->gr[r1] = (uint32_t)sum;
    if (overflow)
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed(sum);
}

static void subtract_signed(struct cpu *c, unsigned r1, int32_t operand)
{
    int32_t difference;
    bool overflow = __builtin_sub_overflow(signed_gr(c, r1), operand, &difference);
    c->gr[r1] = (uint32_t)difference;
    if (overflow)
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed(difference);
}

/* Logical add and subtract: cc bit 1 (value 2) is the carry out of bit 0, cc bit 0 (value 1) a
   nonzero result.  Subtraction adds the one's complement and 1, so "no borrow" is a carry. */
static void add_logical(struct cpu *c, unsigned r1, uint32_t operand)
{
    uint64_t sum = (uint64_t)c->gr[r1] + operand;
    c->gr[r1] = (uint32_t)sum;
    c->psw.cc = (uint8_t)((sum >> 32) << 1 | ((uint32_t)sum != 0));
}

static void subtract_logical(struct cpu *c, unsigned r1, uint32_t operand)
{
    bool carry = c->gr[r1] >= operand;
    c->gr[r1] -= operand;
    c->psw.cc = (uint8_t)(carry << 1 | (c->gr[r1] != 0));
}

void op_AR(struct cpu *c, const uint8_t *inst)
{
    add_signed(c, field_r1(inst), signed_gr(c, field_r2(inst)));
}

void op_A(struct cpu *c, const uint8_t *inst)
{
    add_signed(c, field_r1(inst), (int32_t)fetch4(c, address_rx(c, inst)));
}

void op_AH(struct cpu *c, const uint8_t *inst)
{
    add_signed(c, field_r1(inst), halfword_operand(c, inst));
}

void op_SR(struct cpu *c, const uint8_t *inst)
{
    subtract_signed(c, field_r1(inst), signed_gr(c, field_r2(inst)));
}

void op_S(struct cpu *c, const uint8_t *inst)
{
    subtract_signed(c, field_r1(inst), (int32_t)fetch4(c, address_rx(c, inst)));
}

void op_SH(struct cpu *c, const uint8_t *inst)
{
    subtract_signed(c, field_r1(inst), halfword_operand(c, inst));
}

void op_ALR(struct cpu *c, const uint8_t *inst)
{
    add_logical(c, field_r1(inst), c->gr[field_r2(inst)]);
}

void op_AL(struct cpu *c, const uint8_t *inst)
{
    add_logical(c, field_r1(inst), fetch4(c, address_rx(c, inst)));
}

void op_SLR(struct cpu *c, const uint8_t *inst)
{
    subtract_logical(c, field_r1(inst), c->gr[field_r2(inst)]);
}

void op_SL(struct cpu *c, const uint8_t *inst)
{
    subtract_logical(c, field_r1(inst), fetch4(c, address_rx(c, inst)));
}

/* ---- compare ------------------------------------------------------------------------------------ */

static void compare_signed(struct cpu *c, int32_t first, int32_t second)
{
    c->psw.cc = first == second ? 0 : first < second ? 1 : 2;
}

void op_CR(struct cpu *c, const uint8_t *inst)
{
    compare_signed(c, signed_gr(c, field_r1(inst)), signed_gr(c, field_r2(inst)));
}

void op_C(struct cpu *c, const uint8_t *inst)
{
    compare_signed(c, signed_gr(c, field_r1(inst)), (int32_t)fetch4(c, address_rx(c, inst)));
}

void op_CH(struct cpu *c, const uint8_t *inst)
{
    compare_signed(c, signed_gr(c, field_r1(inst)), halfword_operand(c, inst));
}

/* ---- multiply and divide ------------------------------------------------------------------------ */

/* MULTIPLY: the multiplicand is the odd register R1+1, the 64-bit product goes to the pair. */
static void multiply(struct cpu *c, unsigned r1, int32_t multiplier)
{
    int64_t product = (int64_t)signed_gr(c, r1 + 1) * multiplier;
    set_pair(c, r1, (uint64_t)product);
}

void op_MR(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    multiply(c, r1, signed_gr(c, field_r2(inst)));
}

void op_M(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    multiply(c, r1, (int32_t)fetch4(c, address_rx(c, inst)));
}

/* MULTIPLY HALFWORD keeps the rightmost 32 bits of the product; no overflow, cc unchanged. */
void op_MH(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    int32_t multiplier = halfword_operand(c, inst);
    c->gr[r1] = (uint32_t)((int64_t)signed_gr(c, r1) * multiplier);
}

/* DIVIDE: the 64-bit dividend in the pair; quotient to R1+1, remainder (with the dividend's sign) to
   R1.  A zero divisor or a quotient outside 32 bits is a fixed-point-divide exception that
   suppresses the operation. */
static void divide(struct cpu *c, unsigned r1, int32_t divisor)
{
    int64_t dividend = (int64_t)pair_value(c, r1);
    if (divisor == 0 || (dividend == INT64_MIN && divisor == -1))
        program_check(c, PGM_FIXED_DIVIDE);
    int64_t quotient = dividend / divisor;
    if (quotient < INT32_MIN || quotient > INT32_MAX)
        program_check(c, PGM_FIXED_DIVIDE);
    c->gr[r1] = (uint32_t)(dividend % divisor);
    c->gr[r1 + 1] = (uint32_t)quotient;
}

void op_DR(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    divide(c, r1, signed_gr(c, field_r2(inst)));
}

void op_D(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    divide(c, r1, (int32_t)fetch4(c, address_rx(c, inst)));
}

/* ---- shifts ------------------------------------------------------------------------------------- */

/* The shift amount is the rightmost six bits of the second-operand address. */
static inline unsigned shift_amount(const struct cpu *c, const uint8_t *inst)
{
    return address_b2d2(c, inst) & 63;
}

void op_SLL(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = (uint32_t)((uint64_t)c->gr[r1] << shift_amount(c, inst));
}

void op_SRL(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = (uint32_t)((uint64_t)c->gr[r1] >> shift_amount(c, inst));
}

void op_SRA(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst), n = shift_amount(c, inst);
    int32_t v = signed_gr(c, r1) >> (n > 31 ? 31 : n);
    c->gr[r1] = (uint32_t)v;
    c->psw.cc = cc_signed(v);
}

/* Whether v * 2**n still fits in `bits` bits as a signed number: bits 0..n of the value (counted in
   a `bits`-bit register) all equal the sign, so no bit unlike the sign leaves bit 1 on a left shift. */
static bool left_shift_fits(int64_t v, unsigned n, unsigned bits)
{
    if (n >= bits)
        return v == 0;
    int64_t top = v >> (bits - 1 - n);
    return top == 0 || top == -1;
}

/* SHIFT LEFT SINGLE: the 31 numeric bits move left, the sign stays; overflow sets cc 3. */
void op_SLA(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst), n = shift_amount(c, inst);
    int32_t v = signed_gr(c, r1);
    uint32_t numeric = n > 31 ? 0 : (uint32_t)((uint64_t)(uint32_t)v << n) & 0x7FFFFFFF;
    c->gr[r1] = ((uint32_t)v & 0x80000000u) | numeric;
    if (!left_shift_fits(v, n, 32))
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed(signed_gr(c, r1));
}

void op_SLDL(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    set_pair(c, r1, pair_value(c, r1) << shift_amount(c, inst));
}

void op_SRDL(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    set_pair(c, r1, pair_value(c, r1) >> shift_amount(c, inst));
}

static uint8_t cc_signed64(int64_t v)
{
    return v == 0 ? 0 : v < 0 ? 1 : 2;
}

void op_SRDA(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    int64_t v = (int64_t)pair_value(c, r1) >> shift_amount(c, inst);
    set_pair(c, r1, (uint64_t)v);
    c->psw.cc = cc_signed64(v);
}

/* SHIFT LEFT DOUBLE: as SLA on the 63 numeric bits of the pair. */
void op_SLDA(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = even_register(c, field_r1(inst)), n = shift_amount(c, inst);
    uint64_t v = pair_value(c, r1);
    uint64_t result = (v & 0x8000000000000000u) | (v << n & 0x7FFFFFFFFFFFFFFFu);
    set_pair(c, r1, result);
    if (!left_shift_fits((int64_t)v, n, 64))
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed64((int64_t)result);
}
