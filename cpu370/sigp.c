/*
 * sigp.c - SIGNAL PROCESSOR (GA22-7000, "Signal Processor" in "Multiprocessing"): one CPU sends an
 * order to another (or to itself).  Orders that interrupt the addressed CPU set its pending bits and
 * wake it; orders that change its state (start, stop, restart, store status, resets) become requests
 * it carries out at its next instruction boundary (run.c), so a CPU's state is only ever changed by
 * its own thread.  The order is accepted (cc 0) without waiting for it to complete, as the
 * architecture allows.
 *
 * Condition codes: 0 order accepted; 1 status stored in R1; 2 busy (the addressed CPU has not yet
 * carried out an earlier start, stop, restart or stop-and-store-status order; resets are never
 * refused as busy); 3 not operational (no CPU with that address).
 */
#include "cpu370/cpu_int.h"

/*
 * Status bits stored in R1 with cc 1 (GA22-7000, "Status Bits"; bits 1-23 are zeros).  This machine
 * has no equipment check (bit 0), operator-intervening (26), not-ready (28), inoperative (29) or
 * receiver-check (31) conditions.  ("Incorrect state" belongs to 370-XA, not System/370.)
 */
enum {
    STATUS_EXTERNAL_CALL_PENDING = 0x80, /* bit 24 */
    STATUS_STOPPED = 0x40,               /* bit 25 */
    STATUS_CHECK_STOP = 0x10,            /* bit 27 */
    STATUS_INVALID_ORDER = 0x02,         /* bit 30 */
};

enum { CC_ACCEPTED, CC_STATUS_STORED, CC_BUSY, CC_NOT_OPERATIONAL };

typedef int order_fn(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status);

static bool external_call_pending(struct cpu *to)
{
    return atomic_load(&to->external_call_from) >= 0;
}

static enum cpu_state state_of(const struct cpu *to)
{
    return __atomic_load_n(&to->state, __ATOMIC_ACQUIRE);
}

/* Sense: every status condition of the addressed CPU; cc 0 when there is none. */
static int sense(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status)
{
    (void)from;
    (void)request;
    enum cpu_state state = state_of(to);
    *status = (state == CPU_STOPPED ? STATUS_STOPPED : 0) | (state == CPU_CHECK_STOP ? STATUS_CHECK_STOP : 0) |
              (external_call_pending(to) ? STATUS_EXTERNAL_CALL_PENDING : 0);
    return *status ? CC_STATUS_STORED : CC_ACCEPTED;
}

/* Every order but sense and the resets is effective only in the stopped or operating state. */
static bool refused_in_check_stop(struct cpu *to, uint32_t *status)
{
    if (state_of(to) != CPU_CHECK_STOP)
        return false;
    *status = STATUS_CHECK_STOP;
    return true;
}

/* External call: only one can be pending at a CPU; a second is refused with its status. */
static int external_call(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status)
{
    (void)request;
    if (refused_in_check_stop(to, status))
        return CC_STATUS_STORED;
    int none = -1;
    if (!atomic_compare_exchange_strong(&to->external_call_from, &none, from->index)) {
        *status = STATUS_EXTERNAL_CALL_PENDING;
        return CC_STATUS_STORED;
    }
    set_pending(to, PEND_EXTERNAL_CALL);
    return CC_ACCEPTED;
}

/* Emergency signal: one can be pending per signalling CPU. */
static int emergency_signal(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status)
{
    (void)request;
    if (refused_in_check_stop(to, status))
        return CC_STATUS_STORED;
    atomic_fetch_or(&to->emergency_from, 1u << from->index);
    set_pending(to, PEND_EMERGENCY_SIGNAL);
    return CC_ACCEPTED;
}

/* Start, stop, restart, stop and store status: busy while an earlier such request is outstanding. */
static int state_request(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status)
{
    (void)from;
    if (refused_in_check_stop(to, status))
        return CC_STATUS_STORED;
    uint32_t pending = atomic_load(&to->pending);
    do {
        if (pending & PEND_REQUESTS)
            return CC_BUSY;
    } while (!atomic_compare_exchange_weak(&to->pending, &pending, pending | request));
    wake_cpus(to->m);
    return CC_ACCEPTED;
}

/* CPU reset and initial CPU reset: they affect no other CPU and no channel. */
static int cpu_reset_order(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status)
{
    (void)from;
    (void)status;
    set_pending(to, request);
    return CC_ACCEPTED;
}

/* Program reset and initial program reset: the CPU reset, and I/O-system reset in the channels
   configured to the CPU (here all of them). */
static int program_reset_order(struct cpu *from, struct cpu *to, uint32_t request, uint32_t *status)
{
    struct machine *m = to->m;
    if (m->io && m->io->reset)
        m->io->reset(m->io_ctx);
    return cpu_reset_order(from, to, request, status);
}

/* The System/370 orders.  Initial microprogram load (X'0A') is not provided: like any unassigned
   code it is an invalid order. */
static const struct order {
    order_fn *perform;
    uint32_t request;
} orders[256] = {
    [0x01] = {sense, 0},
    [0x02] = {external_call, 0},
    [0x03] = {emergency_signal, 0},
    [0x04] = {state_request, PEND_START},
    [0x05] = {state_request, PEND_STOP},
    [0x06] = {state_request, PEND_RESTART | PEND_START},
    [0x07] = {program_reset_order, PEND_INITIAL_RESET},
    [0x08] = {program_reset_order, PEND_RESET},
    [0x09] = {state_request, PEND_STOP | PEND_STORE_STATUS},
    [0x0B] = {cpu_reset_order, PEND_INITIAL_RESET},
    [0x0C] = {cpu_reset_order, PEND_RESET},
};

/* SIGP R1,R3,D2(B2): the order code is bits 24-31 of the second-operand address, the CPU address
   bits 16-31 of R3; R1 receives the status when cc 1 is set. */
void op_SIGP(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    struct machine *m = c->m;
    const struct order *order = &orders[address_b2d2(c, inst) & 0xFF];
    unsigned r3 = field_r2(inst); /* RS format: R3 sits where RR has R2 */
    uint16_t address = (uint16_t)c->gr[r3];
    if (address >= m->ncpus) {
        c->psw.cc = CC_NOT_OPERATIONAL;
        return;
    }
    uint32_t status = STATUS_INVALID_ORDER;
    int cc = order->perform ? order->perform(c, m->cpus[address], order->request, &status) : CC_STATUS_STORED;
    if (cc == CC_STATUS_STORED)
        c->gr[field_r1(inst)] = status;
    c->psw.cc = (uint8_t)cc;
}
