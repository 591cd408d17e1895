/*
 * fixed.c - the binary integer instructions (GA22-7000, "General Instructions") that programs use
 * least: LNR, SRDL and SLDA.  The others (loads and stores, LM/STM, LA, add/subtract, compare,
 * multiply, divide, sign control, shifts) are in inline_ops.h, which the decoded loop runs in line;
 * logical connectives, compares and character data are in logical.c; branches in branch.c.
 */
#include "cpu370/inline_ops.h"

void op_LNR(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst);
    int32_t v = signed_gr(c, field_r2(inst));
    c->gr[r1] = v > 0 ? 0u - (uint32_t)v : (uint32_t)v;
    c->psw.cc = v ? 1 : 0;
}

void op_SRDL(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = even_register(c, field_r1(inst));
    set_pair(c, r1, pair_value(c, r1) >> shift_amount(c, inst));
}

/* SHIFT LEFT DOUBLE: as SLA on the 63 numeric bits of the pair. */
void op_SLDA(struct cpu *c, const struct insn *inst)
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
