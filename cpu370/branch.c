/*
 * branch.c - branching instructions (GA22-7000, "General Instructions"): BC, BAL/BAS, BCT, BXH/BXLE
 * in both formats, and SVC and SPM, which act on the PSW directly.  Every taken branch goes through
 * branch_to() so that PER sees it; the branch address is formed before any register changes.
 */
#include "cpu370/cpu_int.h"

/* BRANCH ON CONDITION: mask bit 8 >> cc selects the condition codes that branch. */
static inline bool condition_selected(const struct cpu *c, unsigned mask)
{
    return (mask << c->psw.cc) & 8;
}

void op_BC(struct cpu *c, const uint8_t *inst)
{
    if (condition_selected(c, field_r1(inst)))
        branch_to(c, address_rx(c, inst));
}

/* The RR forms take the address from R2; R2 = 0 means "do not branch" (BCR 15,0 only serializes). */
void op_BCR(struct cpu *c, const uint8_t *inst)
{
    unsigned r2 = field_r2(inst);
    if (r2 && condition_selected(c, field_r1(inst)))
        branch_to(c, c->gr[r2]);
}

/* BRANCH AND LINK keeps the BC-mode PSW bits 32-63 as the link in both PSW modes: ILC (2 under
   EXECUTE), condition code and program mask in bits 0-7, the updated instruction address in 8-31.
   BRANCH AND SAVE puts zeros in bits 0-7. */
static uint32_t link_information(const struct cpu *c)
{
    return (uint32_t)(c->ilc << 6 | c->psw.cc << 4 | c->psw.progmask) << 24 | c->psw.ia;
}

void op_BAL(struct cpu *c, const uint8_t *inst)
{
    uint32_t target = address_rx(c, inst);
    c->gr[field_r1(inst)] = link_information(c);
    branch_to(c, target);
}

void op_BALR(struct cpu *c, const uint8_t *inst)
{
    unsigned r2 = field_r2(inst);
    uint32_t target = c->gr[r2];
    c->gr[field_r1(inst)] = link_information(c);
    if (r2)
        branch_to(c, target);
}

void op_BAS(struct cpu *c, const uint8_t *inst)
{
    uint32_t target = address_rx(c, inst);
    c->gr[field_r1(inst)] = c->psw.ia;
    branch_to(c, target);
}

void op_BASR(struct cpu *c, const uint8_t *inst)
{
    unsigned r2 = field_r2(inst);
    uint32_t target = c->gr[r2];
    c->gr[field_r1(inst)] = c->psw.ia;
    if (r2)
        branch_to(c, target);
}

/* BRANCH ON COUNT: R1 minus 1; branch unless the result is zero (BCTR with R2 = 0 only counts). */
void op_BCT(struct cpu *c, const uint8_t *inst)
{
    uint32_t target = address_rx(c, inst);
    if (--c->gr[field_r1(inst)] != 0)
        branch_to(c, target);
}

void op_BCTR(struct cpu *c, const uint8_t *inst)
{
    unsigned r2 = field_r2(inst);
    uint32_t target = c->gr[r2];
    if (--c->gr[field_r1(inst)] != 0 && r2)
        branch_to(c, target);
}

/* BRANCH ON INDEX: R1 plus the increment in R3 (overflow ignored) is compared, as signed numbers,
   with the comparand in R3 if R3 is odd, else in R3 + 1 - fetched before R1 changes, since R1 may be
   that register. */
static bool index_above_comparand(struct cpu *c, const uint8_t *inst)
{
    unsigned r1 = field_r1(inst), r3 = field_r2(inst);
    int32_t comparand = (int32_t)c->gr[r3 | 1];
    c->gr[r1] += c->gr[r3];
    return (int32_t)c->gr[r1] > comparand;
}

void op_BXH(struct cpu *c, const uint8_t *inst)
{
    uint32_t target = address_b2d2(c, inst);
    if (index_above_comparand(c, inst))
        branch_to(c, target);
}

void op_BXLE(struct cpu *c, const uint8_t *inst)
{
    uint32_t target = address_b2d2(c, inst);
    if (!index_above_comparand(c, inst))
        branch_to(c, target);
}

/* SUPERVISOR CALL: the interruption code is the second byte; the old PSW points past the SVC. */
void op_SVC(struct cpu *c, const uint8_t *inst)
{
    take_svc_interrupt(c, inst[1]);
}

/* SET PROGRAM MASK: bits 2-3 of R1 become the condition code, bits 4-7 the program mask. */
void op_SPM(struct cpu *c, const uint8_t *inst)
{
    uint32_t v = c->gr[field_r1(inst)];
    c->psw.cc = (v >> 28) & 3;
    c->psw.progmask = (v >> 24) & 15;
}
