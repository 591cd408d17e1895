/*
 * control.c - the control instructions (GA22-7000, "Control Instructions") that change the PSW, the
 * control registers and the storage keys: LPSW, SSM, STNSM, STOSM, SPKA, IPK, LCTL, STCTL, SSK, ISK,
 * RRB, and DIAGNOSE, MONITOR CALL and the direct-control pair WRD/RDD.  Translation (LRA, PTLB) is in
 * dat.c, the timers, prefix and SIGP in timer.c and sigp.c.
 */
#include "cpu370/cpu_int.h"

/* ---- the PSW -------------------------------------------------------------------------------------- */

/* LOAD PSW: the doubleword at the operand (doubleword aligned) becomes the PSW, effective for the next
   instruction.  A new PSW with a PSW-format error is recognized at once, as the PSW becomes active: the
   operation is completed, the invalid PSW is the program old PSW and the ILC is 0. */
void op_LPSW(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 8);
    uint8_t psw[8];
    put_be64(psw, fetch8(c, address));
    psw_unpack(psw, &c->psw);
    cpu_context_changed(c);
    if (c->psw.invalid) {
        c->ilc = 0;
        program_check(c, PGM_SPECIFICATION);
    }
}

/* A new system mask (PSW bits 0-7) from SSM, STNSM or STOSM.  In EC mode bits 0 and 2-4 must stay
   zero: a one there is an early PSW-format error, recognized after the instruction completes, with
   the invalid PSW as the old PSW and ILC 2. */
static void set_system_mask(struct cpu *c, uint8_t mask)
{
    c->psw.sysmask = mask;
    cpu_context_changed(c);
    if (c->psw.ec && (mask & PSW_EC_UNASSIGNED_SYSMASK))
        program_check(c, PGM_SPECIFICATION);
}

/* SET SYSTEM MASK: the byte at the operand replaces PSW bits 0-7.  With the SSM-suppression control
   (CR0 bit 1) on, it is a special-operation exception instead. */
void op_SSM(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    if (c->cr[0] & CR0_SSM_SUPPRESS)
        program_check(c, PGM_SPECIAL_OPERATION);
    set_system_mask(c, fetch1(c, address_b2d2(c, inst)));
}

/* STORE THEN AND / OR SYSTEM MASK: the system mask is stored at the first operand, then ANDed or ORed
   with the I2 byte.  The store comes first, so an access exception leaves the mask unchanged. */
void op_STNSM(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    store1(c, address_b2d2(c, inst), c->psw.sysmask);
    set_system_mask(c, c->psw.sysmask & inst->imm);
}

void op_STOSM(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    store1(c, address_b2d2(c, inst), c->psw.sysmask);
    set_system_mask(c, c->psw.sysmask | inst->imm);
}

/* SET PSW KEY FROM ADDRESS: bits 24-27 of the operand address become the PSW key.  In the problem state
   the key must be allowed by the PSW-key mask, CR3 bits 0-15 (bit n for key n); otherwise it is a
   privileged-operation exception. */
void op_SPKA(struct cpu *c, const struct insn *inst)
{
    uint8_t key = (uint8_t)((address_b2d2(c, inst) >> 4) & 15);
    if (c->psw.problem && !(c->cr[3] & CR_BIT(key)))
        program_check(c, PGM_PRIVILEGED);
    c->psw.key = key;
    cpu_context_changed(c); /* the block caches' operand fast path counts on the PSW key (cpu_int.h) */
}

/* INSERT PSW KEY: the PSW key goes to bits 24-27 of GR2, zeros to bits 28-31, bits 0-23 unchanged.  In
   the problem state the extraction-authority control, CR0 bit 4, must be on; otherwise it is a
   privileged-operation exception. */
void op_IPK(struct cpu *c, const struct insn *inst)
{
    (void)inst;
    if (c->psw.problem && !(c->cr[0] & CR_BIT(4)))
        program_check(c, PGM_PRIVILEGED);
    c->gr[2] = (c->gr[2] & 0xFFFFFF00) | (uint32_t)c->psw.key << 4;
}

/* ---- control registers --------------------------------------------------------------------------- */

/* Control registers R1 through R3, wrapping from 15 to 0: how many. */
static unsigned register_count(const struct insn *inst)
{
    return ((unsigned)inst->r2 - field_r1(inst)) % 16 + 1;
}

/* LCTL and STCTL are privileged and take a word-aligned operand. */
static uint32_t control_register_operand(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 4);
    return address;
}

/* LOAD CONTROL: CRs R1-R3 from successive words at the operand.  Every word is fetched before any
   register changes.  New translation parameters (CR0, CR1) purge the TLB. */
void op_LCTL(struct cpu *c, const struct insn *inst)
{
    uint32_t address = control_register_operand(c, inst);
    unsigned first = field_r1(inst), count = register_count(inst);
    uint8_t words[64];
    fetch_bytes(c, address, words, count * 4, c->psw.key);
    bool translation_changed = false, masks_changed = false;
    for (unsigned i = 0; i < count; i++) {
        unsigned r = (first + i) % 16;
        c->cr[r] = be32(words + 4 * i);
        translation_changed |= r <= 1;
        masks_changed |= r == 0;
    }
    if (translation_changed)
        dat_purge_tlb(c);
    /* a timer condition whose subclass mask was just turned on is recognized before the next
       instruction: look at the clocks at this boundary */
    if (masks_changed)
        atomic_fetch_or(&c->pending, PEND_TIMER_POLL);
}

/* STORE CONTROL: CRs R1-R3 to successive words at the operand, all or nothing. */
void op_STCTL(struct cpu *c, const struct insn *inst)
{
    uint32_t address = control_register_operand(c, inst);
    unsigned first = field_r1(inst), count = register_count(inst);
    uint8_t words[64];
    for (unsigned i = 0; i < count; i++)
        put_be32(words + 4 * i, c->cr[(first + i) % 16]);
    store_bytes(c, address, words, count * 4, c->psw.key);
}

/* ---- storage keys --------------------------------------------------------------------------------- */

/* The key of the 2K block a real address (bits 8-20) designates, through prefixing; a block outside the
   installed storage is an addressing exception.  The key is not subject to protection. */
static uint8_t *block_key(struct cpu *c, uint32_t real)
{
    uint32_t absolute = real_to_absolute(c, real & 0x00FFF800);
    if (absolute >= c->m->size)
        program_check(c, PGM_ADDRESSING);
    return key_of(c->m, absolute);
}

/* SSK and ISK take the block address from R2, whose bits 28-31 must be zeros. */
static uint8_t *register_block_key(struct cpu *c, const struct insn *inst)
{
    uint32_t address = c->gr[field_r2(inst)];
    if (address & 15)
        program_check(c, PGM_SPECIFICATION);
    return block_key(c, address);
}

/* SET STORAGE KEY: bits 24-30 of R1 (access key, fetch-protection, reference and change bits) become
   the key of the block R2 designates; bit 31 is ignored. */
void op_SSK(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint8_t *key = register_block_key(c, inst);
    __atomic_store_n(key, (uint8_t)(c->gr[field_r1(inst)] & 0xFE), __ATOMIC_RELAXED);
    storage_keys_changed(c->m);
}

/* INSERT STORAGE KEY: the key of the block R2 designates goes to bits 24-30 of R1 with bit 31 zero in
   EC mode; in BC mode only its bits 0-4 (access key and fetch protection) go to bits 24-28, with 29-31
   zero.  Bits 0-23 of R1 are unchanged. */
void op_ISK(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint8_t key = __atomic_load_n(register_block_key(c, inst), __ATOMIC_RELAXED);
    unsigned r1 = field_r1(inst);
    c->gr[r1] = (c->gr[r1] & 0xFFFFFF00) | (key & (c->psw.ec ? 0xFE : 0xF8));
}

/* RESET REFERENCE BIT: the reference bit of the block the operand address designates is set to zero;
   the condition code gives the reference and change bits as they were (cc = 2R + C). */
void op_RRB(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint8_t *key = block_key(c, address_b2d2(c, inst));
    uint8_t old = __atomic_fetch_and(key, (uint8_t)~KEY_REFERENCE, __ATOMIC_RELAXED);
    storage_keys_changed(c->m);
    c->psw.cc = (old & (KEY_REFERENCE | KEY_CHANGE)) >> 1;
}

/* ---- DIAGNOSE, MONITOR CALL, direct control ------------------------------------------------------- */

/* DIAGNOSE: model-dependent.  This machine hands it, with R1, R3 and the second-operand address, to the
   host's hook (machine_set_diagnose); no hook, or the hook refusing, is a specification exception. */
void op_DIAG(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    struct machine *m = c->m;
    uint32_t code = address_b2d2(c, inst);
    if (!m->diagnose || !m->diagnose(m->diagnose_ctx, c, field_r1(inst), inst->r2, code))
        program_check(c, PGM_SPECIFICATION);
}

/* MONITOR CALL: when the CR8 monitor mask (bits 16-31, class 0-15) for the class in instruction bits
   12-15 is on, a monitor-event program interruption occurs after the instruction completes; the class
   goes to real location 149 and the first-operand address, the monitor code, to 157-159.  Instruction
   bits 8-11 must be zeros. */
void op_MC(struct cpu *c, const struct insn *inst)
{
    if (inst->imm & 0xF0)
        program_check(c, PGM_SPECIFICATION);
    unsigned monitor_class = inst->r2;
    if (!(c->cr[8] & (0x8000u >> monitor_class)))
        return;
    c->monitor_class = (uint16_t)monitor_class;
    c->monitor_code = address_b2d2(c, inst);
    program_check(c, PGM_MONITOR_EVENT);
}

/* WRITE DIRECT and READ DIRECT need the direct-control facility, which this machine does not have:
   like any instruction not installed, they are operation exceptions (before the privileged check). */
void op_WRD(struct cpu *c, const struct insn *inst)
{
    (void)inst;
    program_check(c, PGM_OPERATION);
}

void op_RDD(struct cpu *c, const struct insn *inst)
{
    (void)inst;
    program_check(c, PGM_OPERATION);
}
