/*
 * branch.c - SVC and SPM, which act on the PSW directly.  The branching instructions (GA22-7000,
 * "General Instructions": BC, BAL/BAS, BCT, BXH/BXLE in both formats) are in inline_ops.h, run in line
 * by the decoded loop: every taken branch goes through branch_to() so that PER sees it, and the
 * branch address is formed before any register changes.
 */
#include "cpu370/inline_ops.h"

/* SUPERVISOR CALL: the interruption code is the second byte; the old PSW points past the SVC. */
void op_SVC(struct cpu *c, const struct insn *inst)
{
    take_svc_interrupt(c, inst->imm);
}

/* SET PROGRAM MASK: bits 2-3 of R1 become the condition code, bits 4-7 the program mask. */
void op_SPM(struct cpu *c, const struct insn *inst)
{
    uint32_t v = c->gr[field_r1(inst)];
    c->psw.cc = (v >> 28) & 3;
    c->psw.progmask = (v >> 24) & 15;
}
