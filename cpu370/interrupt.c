/*
 * interrupt.c - interruptions (GA22-7000, "Interruptions"): the PSW swap, what each class stores
 * (interruption code and ILC in the old PSW in BC mode, at fixed locations in EC mode), the masks that
 * enable each class, and their priority when several are pending at one instruction boundary:
 * program and SVC first (they belong to the instruction), then external, then I/O, then restart.
 */
#include "cpu370/cpu_int.h"

void set_pending(struct cpu *c, uint32_t bits)
{
    atomic_fetch_or(&c->pending, bits);
    wake_cpus(c->m);
}

void wake_cpus(struct machine *m)
{
    pthread_mutex_lock(&m->lock);
    pthread_cond_broadcast(&m->wake);
    pthread_mutex_unlock(&m->lock);
}

void interrupt_swap(struct cpu *c, uint32_t old_psw, uint32_t new_psw)
{
    psw_pack(&c->psw, real_pointer(c, old_psw));
    load_psw_from(c, new_psw);
}

/* The interruption code and ILC go into the old PSW (BC mode) or to fixed locations (EC mode). */
static void set_code(struct cpu *c, uint16_t code, uint8_t ilc, uint32_t ilc_location, uint32_t code_location)
{
    if (c->psw.ec) {
        if (ilc_location)
            *real_pointer(c, ilc_location) = (uint8_t)(ilc << 1);
        put_be16(real_pointer(c, code_location), code);
    } else {
        c->psw.intcode = code;
        c->psw.ilc = ilc;
    }
}

/* Exceptions that nullify: the old PSW points at the instruction, so it runs again once the cause is
   removed (a page brought in). */
static bool nullifies(int code)
{
    int base = code & 0x3F;
    return base == PGM_SEGMENT_TRANSLATION || base == PGM_PAGE_TRANSLATION;
}

void take_program_interrupt(struct cpu *c, int code)
{
    if (nullifies(code))
        c->psw.ia = c->exec_ia;
    if ((code & 0x3F) == PGM_SEGMENT_TRANSLATION || (code & 0x3F) == PGM_PAGE_TRANSLATION)
        put_be32(real_pointer(c, LOC_TRANS_EXC_ADDR), c->translation_address & 0xFFFFFF);
    if (code & PGM_MONITOR_EVENT) {
        put_be16(real_pointer(c, LOC_MONITOR_CLASS - 1), c->monitor_class);
        put_be32(real_pointer(c, LOC_MONITOR_CODE), c->monitor_code & 0xFFFFFF);
    }
    if (code & PGM_PER_EVENT) {
        put_be16(real_pointer(c, LOC_PER_CODE), c->per_code);
        put_be32(real_pointer(c, LOC_PER_ADDRESS), c->per_address & 0xFFFFFF);
    }
    set_code(c, (uint16_t)code, c->ilc, LOC_PGM_ILC, LOC_PGM_CODE);
    interrupt_swap(c, LOC_PROGRAM_OLD, LOC_PROGRAM_NEW);
}

void take_svc_interrupt(struct cpu *c, uint8_t number)
{
    set_code(c, number, c->ilc, LOC_SVC_ILC, LOC_SVC_CODE);
    interrupt_swap(c, LOC_SVC_OLD, LOC_SVC_NEW);
}

static void take_external(struct cpu *c, uint16_t code, int from_cpu)
{
    if (c->psw.ec && from_cpu >= 0)
        put_be16(real_pointer(c, LOC_EXT_CPU_ADDRESS), (uint16_t)from_cpu);
    set_code(c, code, 0, 0, LOC_EXT_CODE);
    interrupt_swap(c, LOC_EXTERNAL_OLD, LOC_EXTERNAL_NEW);
}

/* ---- external interruptions --------------------------------------------------------------------- */

/* Pending external conditions in priority order, each with its CR0 subclass mask. */
static const struct external_source {
    uint32_t pending;
    uint32_t cr0_mask;
    uint16_t code;
} external_sources[] = {
    {PEND_MALFUNCTION_ALERT, CR0_MALFUNCTION_ALERT, EXT_MALFUNCTION_ALERT},
    {PEND_EMERGENCY_SIGNAL, CR0_EMERGENCY_SIGNAL, EXT_EMERGENCY_SIGNAL},
    {PEND_EXTERNAL_CALL, CR0_EXTERNAL_CALL, EXT_EXTERNAL_CALL},
    {PEND_CLOCK_COMPARATOR, CR0_CLOCK_COMPARATOR, EXT_CLOCK_COMPARATOR},
    {PEND_CPU_TIMER, CR0_CPU_TIMER, EXT_CPU_TIMER},
    {PEND_INTERVAL_TIMER, CR0_INTERVAL_TIMER, EXT_INTERVAL_TIMER},
    {PEND_INTERRUPT_KEY, CR0_INTERRUPT_KEY, EXT_INTERRUPT_KEY},
    {PEND_SERVICE_SIGNAL, CR0_SERVICE_SIGNAL, EXT_SERVICE_SIGNAL},
};

/* The signalling CPU for an emergency signal (one interruption per sender) or external call. */
static int external_sender(struct cpu *c, uint32_t pending)
{
    if (pending == PEND_EMERGENCY_SIGNAL) {
        uint32_t from = atomic_load(&c->emergency_from);
        int cpu = __builtin_ctz(from);
        if ((atomic_fetch_and(&c->emergency_from, ~(1u << cpu)) & ~(1u << cpu)) == 0)
            atomic_fetch_and(&c->pending, ~PEND_EMERGENCY_SIGNAL);
        return cpu;
    }
    if (pending == PEND_EXTERNAL_CALL) {
        atomic_fetch_and(&c->pending, ~PEND_EXTERNAL_CALL);
        return atomic_exchange(&c->external_call_from, -1);
    }
    atomic_fetch_and(&c->pending, ~pending);
    return -1;
}

static bool take_external_if_enabled(struct cpu *c, uint32_t pending)
{
    if (!(c->psw.sysmask & PSW_EXT))
        return false;
    for (size_t i = 0; i < sizeof external_sources / sizeof external_sources[0]; i++) {
        const struct external_source *s = &external_sources[i];
        if ((pending & s->pending) && (c->cr[0] & s->cr0_mask)) {
            take_external(c, s->code, external_sender(c, s->pending));
            return true;
        }
    }
    return false;
}

/* ---- I/O interruptions -------------------------------------------------------------------------- */

/* Channels enabled by the PSW and CR2, bit 15-n for channel n.  BC mode: PSW bits 0-5 mask channels
   0-5, bit 6 masks channels 6 and up together with their CR2 bits; EC mode: PSW bit 6 and CR2. */
static uint16_t enabled_channels(const struct cpu *c)
{
    uint16_t cr2 = (uint16_t)(c->cr[2] >> 16);
    if (c->psw.ec)
        return (c->psw.sysmask & PSW_EC_IO) ? cr2 : 0;
    uint16_t low = (uint16_t)((c->psw.sysmask & 0xFC) << 8);
    uint16_t high = (c->psw.sysmask & 0x02) ? (cr2 & 0x03FF) : 0;
    return low | high;
}

static bool take_io_if_enabled(struct cpu *c)
{
    struct machine *m = c->m;
    uint16_t mask = enabled_channels(c);
    uint16_t device;
    uint8_t csw[8];
    if (!mask || !m->io || !m->io->pending_io || !m->io->pending_io(m->io_ctx, c, mask, &device, csw))
        return false;
    cpu_store_csw(c, csw);
    if (c->psw.ec)
        put_be16(real_pointer(c, LOC_IO_ADDRESS), device);
    set_code(c, device, 0, 0, LOC_IO_ADDRESS);
    interrupt_swap(c, LOC_IO_OLD, LOC_IO_NEW);
    return true;
}

/* ---- at an instruction boundary ----------------------------------------------------------------- */

bool psw_enabled_for_interrupts(const struct cpu *c)
{
    return (c->psw.sysmask & PSW_EXT) || enabled_channels(c) != 0;
}

bool take_pending_interrupts(struct cpu *c)
{
    bool taken = false;
    for (int guard = 0; guard < 16; guard++) {
        uint32_t pending = atomic_load(&c->pending);
        if (pending & PEND_TIMER_POLL) {
            atomic_fetch_and(&c->pending, ~PEND_TIMER_POLL);
            timer_poll(c);
            pending = atomic_load(&c->pending);
        }
        bool now = take_external_if_enabled(c, pending);
        if (!now && (pending & PEND_IO)) {
            now = take_io_if_enabled(c);
            if (!now && !c->m->io)
                atomic_fetch_and(&c->pending, ~PEND_IO);
        }
        if (!now && (pending & PEND_RESTART)) {
            atomic_fetch_and(&c->pending, ~PEND_RESTART);
            interrupt_swap(c, LOC_RESTART_OLD, LOC_RESTART_NEW);
            now = true;
        }
        if (!now)
            break;
        taken = true;
    }
    return taken;
}

/* ---- operator actions --------------------------------------------------------------------------- */

void cpu_restart(struct cpu *c)
{
    set_pending(c, PEND_RESTART | PEND_START);
}

void cpu_interrupt_key(struct cpu *c)
{
    set_pending(c, PEND_INTERRUPT_KEY);
}

void cpu_start(struct cpu *c)
{
    set_pending(c, PEND_START);
}

void cpu_stop(struct cpu *c)
{
    set_pending(c, PEND_STOP);
}
