/*
 * io.c - the I/O instructions (GA22-7000, "Input/Output Operations"): privileged S-format
 * instructions whose second-operand address names the device (bits 16-23 the channel, 24-31 the
 * device); they hand over to the channel subsystem (struct io_ops) and set the condition code it
 * returns.  Without a channel subsystem every device is not operational (cc 3).
 */
#include "cpu370/cpu_int.h"

static void io_instruction(struct cpu *c, const struct insn *inst, enum io_instruction op)
{
    require_supervisor(c);
    uint16_t address = (uint16_t)address_b2d2(c, inst);
    struct machine *m = c->m;
    c->psw.cc = m->io && m->io->instruction ? (uint8_t)(m->io->instruction(m->io_ctx, c, op, address) & 3) : 3;
}

#define IO_HANDLER(name, op)                                                                                   \
    void op_##name(struct cpu *c, const struct insn *inst)                                                     \
    {                                                                                                          \
        io_instruction(c, inst, op);                                                                           \
    }

IO_HANDLER(SIO, IO_SIO)
IO_HANDLER(SIOF, IO_SIOF)
IO_HANDLER(RIO, IO_RIO)
IO_HANDLER(TIO, IO_TIO)
IO_HANDLER(CLRIO, IO_CLRIO)
IO_HANDLER(HIO, IO_HIO)
IO_HANDLER(HDV, IO_HDV)
IO_HANDLER(TCH, IO_TCH)
IO_HANDLER(CLRCH, IO_CLRCH)
IO_HANDLER(STIDC, IO_STIDC)

/* CONNECT / DISCONNECT CHANNEL SET: this machine has one channel set, always connected to every CPU;
   connecting set 0 succeeds (cc 0), any other set is not operational (cc 3). */
void op_CONCS(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    c->psw.cc = (address_b2d2(c, inst) & 0xFFFF) == 0 ? 0 : 3;
}

void op_DISCS(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    c->psw.cc = (address_b2d2(c, inst) & 0xFFFF) == 0 ? 0 : 3;
}
