/*
 * inline_ops.h - the instructions the decoded loop (run.c) runs in line, the ones ordinary programs
 * execute most: loads, stores, binary arithmetic, compares, logical connectives, the simple
 * storage-immediate ones, and the branches.  Each is a do_NAME body here, shared by the loop and by
 * its handler op_NAME (run.c), which step() and EXECUTE use: one definition of each instruction.
 * Their helpers (overflow, condition codes, branch conditions) are here too, for fixed.c, logical.c
 * and branch.c to use.
 */
#ifndef S370_INLINE_OPS_H
#define S370_INLINE_OPS_H

#include "cpu370/cpu_int.h"

/*
 * The list: OP(mnemonic, length in bytes, kind), kind SEQUENTIAL (the next instruction follows; it may
 * raise a program interruption), UNEXCEPTIONAL (the next instruction follows and it never raises one:
 * the loop need not note where it is) or BRANCHING (it may set the instruction address, which the loop
 * looks at afterwards; it never raises one).
 */
#define INLINE_OPS(OP)                                                                                         \
    OP(LR, 2, UNEXCEPTIONAL) OP(LTR, 2, UNEXCEPTIONAL) OP(LCR, 2, SEQUENTIAL) OP(LPR, 2, SEQUENTIAL)           \
    OP(AR, 2, SEQUENTIAL) OP(SR, 2, SEQUENTIAL) OP(ALR, 2, UNEXCEPTIONAL) OP(SLR, 2, UNEXCEPTIONAL)            \
    OP(CR, 2, UNEXCEPTIONAL) OP(CLR, 2, UNEXCEPTIONAL) OP(NR, 2, UNEXCEPTIONAL) OP(OR, 2, UNEXCEPTIONAL)       \
    OP(XR, 2, UNEXCEPTIONAL) OP(MR, 2, SEQUENTIAL) OP(DR, 2, SEQUENTIAL) OP(L, 4, SEQUENTIAL)                  \
    OP(ST, 4, SEQUENTIAL) OP(LA, 4, UNEXCEPTIONAL) OP(LH, 4, SEQUENTIAL) OP(STH, 4, SEQUENTIAL)                \
    OP(IC, 4, SEQUENTIAL) OP(STC, 4, SEQUENTIAL) OP(A, 4, SEQUENTIAL) OP(S, 4, SEQUENTIAL)                     \
    OP(AH, 4, SEQUENTIAL) OP(SH, 4, SEQUENTIAL) OP(AL, 4, SEQUENTIAL) OP(SL, 4, SEQUENTIAL)                    \
    OP(C, 4, SEQUENTIAL) OP(CH, 4, SEQUENTIAL) OP(CL, 4, SEQUENTIAL) OP(N, 4, SEQUENTIAL) OP(O, 4, SEQUENTIAL) \
    OP(X, 4, SEQUENTIAL) OP(M, 4, SEQUENTIAL) OP(MH, 4, SEQUENTIAL) OP(D, 4, SEQUENTIAL) OP(LM, 4, SEQUENTIAL) \
    OP(STM, 4, SEQUENTIAL) OP(SLL, 4, UNEXCEPTIONAL) OP(SRL, 4, UNEXCEPTIONAL) OP(SLA, 4, SEQUENTIAL)          \
    OP(SRA, 4, UNEXCEPTIONAL) OP(SLDL, 4, SEQUENTIAL) OP(SRDA, 4, SEQUENTIAL) OP(TM, 4, SEQUENTIAL)            \
    OP(MVI, 4, SEQUENTIAL) OP(CLI, 4, SEQUENTIAL) OP(BCR, 2, BRANCHING) OP(BALR, 2, BRANCHING)                 \
    OP(BASR, 2, BRANCHING) OP(BCTR, 2, BRANCHING) OP(BC, 4, BRANCHING) OP(BAL, 4, BRANCHING)                   \
    OP(BAS, 4, BRANCHING) OP(BCT, 4, BRANCHING) OP(BXH, 4, BRANCHING) OP(BXLE, 4, BRANCHING)

/* ---- binary integer (LNR, SRDL and SLDA are in fixed.c) ------------------------------------------ */

static inline int32_t signed_gr(const struct cpu *c, unsigned r)
{
    return (int32_t)c->gr[r];
}

static inline int32_t halfword_operand(struct cpu *c, const struct insn *inst)
{
    return (int16_t)fetch2(c, address_rx(c, inst));
}

/* The result is already in place; overflow sets cc 3 and interrupts only if the program mask allows
   (the instruction is completed either way). */
static inline void fixed_overflow(struct cpu *c)
{
    c->psw.cc = 3;
    if (c->psw.progmask & PM_FIXED_OVERFLOW)
        program_check(c, PGM_FIXED_OVERFLOW);
}

static inline void do_LR(struct cpu *c, const struct insn *inst)
{
    c->gr[field_r1(inst)] = c->gr[field_r2(inst)];
}

static inline void do_L(struct cpu *c, const struct insn *inst)
{
    c->gr[field_r1(inst)] = fetch4(c, address_rx(c, inst));
}

static inline void do_LH(struct cpu *c, const struct insn *inst)
{
    c->gr[field_r1(inst)] = (uint32_t)halfword_operand(c, inst);
}

static inline void do_ST(struct cpu *c, const struct insn *inst)
{
    store4(c, address_rx(c, inst), c->gr[field_r1(inst)]);
}

static inline void do_STH(struct cpu *c, const struct insn *inst)
{
    store2(c, address_rx(c, inst), (uint16_t)c->gr[field_r1(inst)]);
}

/* LOAD ADDRESS: the 24-bit address, bits 0-7 of R1 set to zero; no storage is referenced. */
static inline void do_LA(struct cpu *c, const struct insn *inst)
{
    c->gr[field_r1(inst)] = address_rx(c, inst);
}

static inline void do_LTR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = c->gr[field_r2(inst)];
    c->psw.cc = cc_signed(signed_gr(c, r1));
}

static inline void add_signed(struct cpu *c, unsigned r1, int32_t operand)
{
    int32_t sum;
    bool overflow = __builtin_add_overflow(signed_gr(c, r1), operand, &sum);
    c->gr[r1] = (uint32_t)sum;
    if (overflow)
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed(sum);
}

static inline void subtract_signed(struct cpu *c, unsigned r1, int32_t operand)
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
static inline void add_logical(struct cpu *c, unsigned r1, uint32_t operand)
{
    uint64_t sum = (uint64_t)c->gr[r1] + operand;
    c->gr[r1] = (uint32_t)sum;
    c->psw.cc = (uint8_t)((sum >> 32) << 1 | ((uint32_t)sum != 0));
}

static inline void subtract_logical(struct cpu *c, unsigned r1, uint32_t operand)
{
    bool carry = c->gr[r1] >= operand;
    c->gr[r1] -= operand;
    c->psw.cc = (uint8_t)(carry << 1 | (c->gr[r1] != 0));
}

static inline void do_AR(struct cpu *c, const struct insn *inst)
{
    add_signed(c, field_r1(inst), signed_gr(c, field_r2(inst)));
}

static inline void do_A(struct cpu *c, const struct insn *inst)
{
    add_signed(c, field_r1(inst), (int32_t)fetch4(c, address_rx(c, inst)));
}

static inline void do_AH(struct cpu *c, const struct insn *inst)
{
    add_signed(c, field_r1(inst), halfword_operand(c, inst));
}

static inline void do_SR(struct cpu *c, const struct insn *inst)
{
    subtract_signed(c, field_r1(inst), signed_gr(c, field_r2(inst)));
}

static inline void do_S(struct cpu *c, const struct insn *inst)
{
    subtract_signed(c, field_r1(inst), (int32_t)fetch4(c, address_rx(c, inst)));
}

static inline void do_SH(struct cpu *c, const struct insn *inst)
{
    subtract_signed(c, field_r1(inst), halfword_operand(c, inst));
}

static inline void do_ALR(struct cpu *c, const struct insn *inst)
{
    add_logical(c, field_r1(inst), c->gr[field_r2(inst)]);
}

static inline void do_AL(struct cpu *c, const struct insn *inst)
{
    add_logical(c, field_r1(inst), fetch4(c, address_rx(c, inst)));
}

static inline void do_SLR(struct cpu *c, const struct insn *inst)
{
    subtract_logical(c, field_r1(inst), c->gr[field_r2(inst)]);
}

static inline void do_SL(struct cpu *c, const struct insn *inst)
{
    subtract_logical(c, field_r1(inst), fetch4(c, address_rx(c, inst)));
}

static inline void compare_signed(struct cpu *c, int32_t first, int32_t second)
{
    c->psw.cc = first == second ? 0 : first < second ? 1 : 2;
}

static inline void do_CR(struct cpu *c, const struct insn *inst)
{
    compare_signed(c, signed_gr(c, field_r1(inst)), signed_gr(c, field_r2(inst)));
}

static inline void do_C(struct cpu *c, const struct insn *inst)
{
    compare_signed(c, signed_gr(c, field_r1(inst)), (int32_t)fetch4(c, address_rx(c, inst)));
}

static inline void do_CH(struct cpu *c, const struct insn *inst)
{
    compare_signed(c, signed_gr(c, field_r1(inst)), halfword_operand(c, inst));
}

/* The shift amount is the rightmost six bits of the second-operand address. */
static inline unsigned shift_amount(const struct cpu *c, const struct insn *inst)
{
    return address_b2d2(c, inst) & 63;
}

static inline void do_SLL(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = (uint32_t)((uint64_t)c->gr[r1] << shift_amount(c, inst));
}

static inline void do_SRL(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = (uint32_t)((uint64_t)c->gr[r1] >> shift_amount(c, inst));
}

/* An even-odd register pair as one 64-bit value (R1 even, else a specification exception). */
static inline unsigned even_register(struct cpu *c, unsigned r)
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

/* LOAD MULTIPLE / STORE MULTIPLE: registers R1 through R3, wrapping from 15 to 0.  The operand is
   checked whole before anything changes (it may cross a 2K boundary). */
static inline unsigned register_count(const struct insn *inst)
{
    return ((field_r2(inst) - field_r1(inst)) & 15) + 1;
}

/* Both go straight to storage when the operand is in the 2K block the cache holds (as it usually is),
   else through a buffer and the general path.  STM is always in line: with its code-mark test GCC
   would make it a call of its own (0.3 host instructions a guest one on general). */
ALWAYS_INLINE void do_STM(struct cpu *c, const struct insn *inst)
{
    unsigned r = field_r1(inst), n = register_count(inst);
    uint32_t address = address_b2d2(c, inst);
    uint8_t buf[64], *p = cached_store_operand(c, address, 4 * n);
    for (unsigned i = 0; i < n; i++)
        put_be32((p ? p : buf) + 4 * i, c->gr[(r + i) & 15]);
    if (!p)
        store_bytes(c, address, buf, 4 * n, c->psw.key);
}

static inline void do_LM(struct cpu *c, const struct insn *inst)
{
    unsigned r = field_r1(inst), n = register_count(inst);
    uint32_t address = address_b2d2(c, inst);
    uint8_t buf[64];
    const uint8_t *p = cached_operand(&c->fetch_block, address, 4 * n);
    if (!p) {
        fetch_bytes(c, address, buf, 4 * n, c->psw.key);
        p = buf;
    }
    for (unsigned i = 0; i < n; i++)
        c->gr[(r + i) & 15] = be32(p + 4 * i);
}

/* LOAD COMPLEMENT and LOAD POSITIVE overflow only for -2**31, which stays -2**31. */
static inline void do_LCR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    uint32_t v = c->gr[field_r2(inst)];
    c->gr[r1] = 0u - v;
    if (v == 0x80000000u)
        fixed_overflow(c);
    else
        c->psw.cc = cc_signed(signed_gr(c, r1));
}

static inline void do_LPR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    int32_t v = signed_gr(c, field_r2(inst));
    c->gr[r1] = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
    if (v == INT32_MIN)
        fixed_overflow(c);
    else
        c->psw.cc = v ? 2 : 0;
}

/* MULTIPLY: the multiplicand is the odd register R1+1, the 64-bit product goes to the pair. */
static inline void multiply_into_pair(struct cpu *c, unsigned r1, int32_t multiplier)
{
    int64_t product = (int64_t)signed_gr(c, r1 + 1) * multiplier;
    set_pair(c, r1, (uint64_t)product);
}

static inline void do_MR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    multiply_into_pair(c, r1, signed_gr(c, field_r2(inst)));
}

static inline void do_M(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    multiply_into_pair(c, r1, (int32_t)fetch4(c, address_rx(c, inst)));
}

/* MULTIPLY HALFWORD keeps the rightmost 32 bits of the product; no overflow, cc unchanged. */
static inline void do_MH(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    int32_t multiplier = halfword_operand(c, inst);
    c->gr[r1] = (uint32_t)((int64_t)signed_gr(c, r1) * multiplier);
}

/* DIVIDE: the 64-bit dividend in the pair; quotient to R1+1, remainder (with the dividend's sign) to
   R1.  A zero divisor or a quotient outside 32 bits is a fixed-point-divide exception that
   suppresses the operation. */
static inline void divide_pair(struct cpu *c, unsigned r1, int32_t divisor)
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

static inline void do_DR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    divide_pair(c, r1, signed_gr(c, field_r2(inst)));
}

static inline void do_D(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    divide_pair(c, r1, (int32_t)fetch4(c, address_rx(c, inst)));
}

static inline void do_SRA(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), n = shift_amount(c, inst);
    int32_t v = signed_gr(c, r1) >> (n > 31 ? 31 : n);
    c->gr[r1] = (uint32_t)v;
    c->psw.cc = cc_signed(v);
}

/* Whether v * 2**n still fits in `bits` bits as a signed number: bits 0..n of the value (counted in
   a `bits`-bit register) all equal the sign, so no bit unlike the sign leaves bit 1 on a left shift. */
static inline bool left_shift_fits(int64_t v, unsigned n, unsigned bits)
{
    if (n >= bits)
        return v == 0;
    int64_t top = v >> (bits - 1 - n);
    return top == 0 || top == -1;
}

/* SHIFT LEFT SINGLE: the 31 numeric bits move left, the sign stays; overflow sets cc 3. */
static inline void do_SLA(struct cpu *c, const struct insn *inst)
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

static inline void do_SLDL(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    set_pair(c, r1, pair_value(c, r1) << shift_amount(c, inst));
}

static inline uint8_t cc_signed64(int64_t v)
{
    return v == 0 ? 0 : v < 0 ? 1 : 2;
}

static inline void do_SRDA(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    int64_t v = (int64_t)pair_value(c, r1) >> shift_amount(c, inst);
    set_pair(c, r1, (uint64_t)v);
    c->psw.cc = cc_signed64(v);
}

/* ---- logical (the rest is in logical.c) ------------------------------------------------------------ */

/* cc of a logical comparison: 0 equal, 1 first operand low, 2 first operand high. */
static inline uint8_t cc_compare(int difference)
{
    return difference == 0 ? 0 : difference < 0 ? 1 : 2;
}

static inline uint8_t cc_compare_u32(uint32_t first, uint32_t second)
{
    return first == second ? 0 : first < second ? 1 : 2;
}

/* The connectives set cc 0 for a zero result, 1 otherwise. */
static inline void set_connective(struct cpu *c, unsigned r1, uint32_t result)
{
    c->gr[r1] = result;
    c->psw.cc = result != 0;
}

static inline void do_NR(struct cpu *c, const struct insn *inst)
{
    set_connective(c, field_r1(inst), c->gr[field_r1(inst)] & c->gr[field_r2(inst)]);
}

static inline void do_OR(struct cpu *c, const struct insn *inst)
{
    set_connective(c, field_r1(inst), c->gr[field_r1(inst)] | c->gr[field_r2(inst)]);
}

static inline void do_XR(struct cpu *c, const struct insn *inst)
{
    set_connective(c, field_r1(inst), c->gr[field_r1(inst)] ^ c->gr[field_r2(inst)]);
}

static inline void do_N(struct cpu *c, const struct insn *inst)
{
    uint32_t operand = fetch4(c, address_rx(c, inst));
    set_connective(c, field_r1(inst), c->gr[field_r1(inst)] & operand);
}

static inline void do_O(struct cpu *c, const struct insn *inst)
{
    uint32_t operand = fetch4(c, address_rx(c, inst));
    set_connective(c, field_r1(inst), c->gr[field_r1(inst)] | operand);
}

static inline void do_X(struct cpu *c, const struct insn *inst)
{
    uint32_t operand = fetch4(c, address_rx(c, inst));
    set_connective(c, field_r1(inst), c->gr[field_r1(inst)] ^ operand);
}

static inline void do_CLR(struct cpu *c, const struct insn *inst)
{
    c->psw.cc = cc_compare_u32(c->gr[field_r1(inst)], c->gr[field_r2(inst)]);
}

static inline void do_CL(struct cpu *c, const struct insn *inst)
{
    c->psw.cc = cc_compare_u32(c->gr[field_r1(inst)], fetch4(c, address_rx(c, inst)));
}

/* INSERT / STORE CHARACTER: bits 24-31 of R1; the rest of the register is unchanged. */
static inline void do_IC(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    c->gr[r1] = (c->gr[r1] & 0xFFFFFF00u) | fetch1(c, address_rx(c, inst));
}

static inline void do_STC(struct cpu *c, const struct insn *inst)
{
    store1(c, address_rx(c, inst), (uint8_t)c->gr[field_r1(inst)]);
}

/* TEST UNDER MASK: cc 0 selected bits all zero (or mask zero), 1 mixed, 3 all one. */
static inline void do_TM(struct cpu *c, const struct insn *inst)
{
    uint8_t mask = inst->imm;
    uint8_t selected = fetch1(c, address_b2d2(c, inst)) & mask;
    c->psw.cc = selected == 0 ? 0 : selected == mask ? 3 : 1;
}

static inline void do_MVI(struct cpu *c, const struct insn *inst)
{
    store1(c, address_b2d2(c, inst), inst->imm);
}

static inline void do_CLI(struct cpu *c, const struct insn *inst)
{
    c->psw.cc = cc_compare(fetch1(c, address_b2d2(c, inst)) - inst->imm);
}

/* ---- branches (the rest is in branch.c) ------------------------------------------------------------ */

/* BRANCH ON CONDITION: mask bit 8 >> cc selects the condition codes that branch. */
static inline bool condition_selected(const struct cpu *c, unsigned mask)
{
    return (mask << c->psw.cc) & 8;
}

static inline void do_BC(struct cpu *c, const struct insn *inst)
{
    if (condition_selected(c, field_r1(inst)))
        branch_to(c, address_rx(c, inst));
}

/* The RR forms take the address from R2; R2 = 0 means "do not branch" (BCR 15,0 only serializes). */
static inline void do_BCR(struct cpu *c, const struct insn *inst)
{
    unsigned r2 = field_r2(inst);
    if (r2 && condition_selected(c, field_r1(inst)))
        branch_to(c, c->gr[r2]);
}

/* BRANCH AND LINK keeps the BC-mode PSW bits 32-63 as the link in both PSW modes: ILC (2 under
   EXECUTE), condition code and program mask in bits 0-7, the updated instruction address in 8-31.
   BRANCH AND SAVE puts zeros in bits 0-7. */
static inline uint32_t link_information(const struct cpu *c)
{
    return (uint32_t)(c->ilc << 6 | c->psw.cc << 4 | c->psw.progmask) << 24 | c->psw.ia;
}

static inline void do_BAL(struct cpu *c, const struct insn *inst)
{
    uint32_t target = address_rx(c, inst);
    c->gr[field_r1(inst)] = link_information(c);
    branch_to(c, target);
}

static inline void do_BALR(struct cpu *c, const struct insn *inst)
{
    unsigned r2 = field_r2(inst);
    uint32_t target = c->gr[r2];
    c->gr[field_r1(inst)] = link_information(c);
    if (r2)
        branch_to(c, target);
}

static inline void do_BAS(struct cpu *c, const struct insn *inst)
{
    uint32_t target = address_rx(c, inst);
    c->gr[field_r1(inst)] = c->psw.ia;
    branch_to(c, target);
}

static inline void do_BASR(struct cpu *c, const struct insn *inst)
{
    unsigned r2 = field_r2(inst);
    uint32_t target = c->gr[r2];
    c->gr[field_r1(inst)] = c->psw.ia;
    if (r2)
        branch_to(c, target);
}

/* BRANCH ON COUNT: R1 minus 1; branch unless the result is zero (BCTR with R2 = 0 only counts). */
static inline void do_BCT(struct cpu *c, const struct insn *inst)
{
    uint32_t target = address_rx(c, inst);
    if (--c->gr[field_r1(inst)] != 0)
        branch_to(c, target);
}

static inline void do_BCTR(struct cpu *c, const struct insn *inst)
{
    unsigned r2 = field_r2(inst);
    uint32_t target = c->gr[r2];
    if (--c->gr[field_r1(inst)] != 0 && r2)
        branch_to(c, target);
}

/* BRANCH ON INDEX: R1 plus the increment in R3 (overflow ignored) is compared, as signed numbers,
   with the comparand in R3 if R3 is odd, else in R3 + 1 - fetched before R1 changes, since R1 may be
   that register. */
static inline bool index_above_comparand(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), r3 = field_r2(inst);
    int32_t comparand = (int32_t)c->gr[r3 | 1];
    c->gr[r1] += c->gr[r3];
    return (int32_t)c->gr[r1] > comparand;
}

static inline void do_BXH(struct cpu *c, const struct insn *inst)
{
    uint32_t target = address_b2d2(c, inst);
    if (index_above_comparand(c, inst))
        branch_to(c, target);
}

static inline void do_BXLE(struct cpu *c, const struct insn *inst)
{
    uint32_t target = address_b2d2(c, inst);
    if (!index_above_comparand(c, inst))
        branch_to(c, target);
}

#endif
