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

/* An invalid new PSW is recognized as soon as it becomes active (GA22-7000, "Early Exception
   Recognition"): a program interruption for specification with ILC 0 stores it as the program old PSW
   before anything else can happen.  An invalid program new PSW is left for the loop to find: the
   architecture makes that a string of program interruptions. */
void interrupt_swap(struct cpu *c, uint32_t old_psw, uint32_t new_psw)
{
    psw_pack(&c->psw, real_store_pointer(c, old_psw, 8));
    load_psw_from(c, new_psw);
    if (c->psw.invalid && new_psw != LOC_PROGRAM_NEW) {
        c->ilc = 0;
        take_program_interrupt(c, PGM_SPECIFICATION);
    }
}

/* The interruption code and ILC go into the old PSW (BC mode) or to fixed locations (EC mode); there
   the ILC sits in bits 5-6 of its byte, and that byte's other bits and the byte before are zeros. */
static void set_code(struct cpu *c, uint16_t code, uint8_t ilc, uint32_t ilc_location, uint32_t code_location)
{
    if (c->psw.ec) {
        if (ilc_location)
            put_be16(real_store_pointer(c, ilc_location - 1, 2), (uint16_t)(ilc << 1));
        put_be16(real_store_pointer(c, code_location, 2), code);
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

/* PER events the interrupted instruction recorded (per.c) are indicated together with the condition
   that ends it: the code gets bit 8 (X'80'), the PER code and address go to 150-155. */
void take_program_interrupt(struct cpu *c, int code)
{
    if (c->per_code)
        code |= PGM_PER_EVENT;
    if (nullifies(code)) { /* the virtual address that failed translation goes to 144-147 */
        c->psw.ia = instruction_address(c);
        put_be32(real_store_pointer(c, LOC_TRANS_EXC_ADDR, 4), c->translation_address & 0xFFFFFF);
    }
    if (code & PGM_MONITOR_EVENT) { /* class at 149 with 148 zero, monitor code at 157-159 */
        put_be16(real_store_pointer(c, LOC_MONITOR_CLASS - 1, 2), c->monitor_class);
        put_be32(real_store_pointer(c, LOC_MONITOR_CODE, 4), c->monitor_code & 0xFFFFFF);
    }
    if (code & PGM_PER_EVENT) {
        put_be16(real_store_pointer(c, LOC_PER_CODE, 2), c->per_code);
        put_be32(real_store_pointer(c, LOC_PER_ADDRESS, 4), c->per_address & 0xFFFFFF);
        c->per_code = 0;
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
        put_be16(real_store_pointer(c, LOC_EXT_CPU_ADDRESS, 2), (uint16_t)from_cpu);
    set_code(c, code, 0, 0, LOC_EXT_CODE);
    interrupt_swap(c, LOC_EXTERNAL_OLD, LOC_EXTERNAL_NEW);
}

/* ---- external interruptions --------------------------------------------------------------------- */

/* Pending external conditions in priority order, each with its CR0 subclass mask.  The interval
   timer, interrupt key and external signal conditions share one interruption: all of them that are
   pending and enabled are presented together, their code bits ORed (GA22-7000, "External
   Interruption"). */
static const struct external_source {
    uint32_t pending;
    uint32_t cr0_mask;
    uint16_t code;
    bool shared;
} external_sources[] = {
    {PEND_MALFUNCTION_ALERT, CR0_MALFUNCTION_ALERT, EXT_MALFUNCTION_ALERT, false},
    {PEND_EMERGENCY_SIGNAL, CR0_EMERGENCY_SIGNAL, EXT_EMERGENCY_SIGNAL, false},
    {PEND_EXTERNAL_CALL, CR0_EXTERNAL_CALL, EXT_EXTERNAL_CALL, false},
    {PEND_CLOCK_COMPARATOR, CR0_CLOCK_COMPARATOR, EXT_CLOCK_COMPARATOR, false},
    {PEND_CPU_TIMER, CR0_CPU_TIMER, EXT_CPU_TIMER, false},
    {PEND_INTERVAL_TIMER, CR0_INTERVAL_TIMER, EXT_INTERVAL_TIMER, true},
    {PEND_INTERRUPT_KEY, CR0_INTERRUPT_KEY, EXT_INTERRUPT_KEY, true},
    {PEND_SERVICE_SIGNAL, CR0_SERVICE_SIGNAL, EXT_SERVICE_SIGNAL, false},
};
#define EXTERNAL_SOURCES (sizeof external_sources / sizeof external_sources[0])

/* Conditions that persist while true: timer.c withdraws them when they end, so taking the
   interruption leaves them pending. */
#define PERSISTENT_CONDITIONS (PEND_CLOCK_COMPARATOR | PEND_CPU_TIMER)

/* The signalling CPU for an emergency signal (one interruption per sender) or external call; -1 for
   the other sources, whose pending bits are withdrawn here unless they persist. */
static int external_sender(struct cpu *c, uint32_t pending)
{
    if (pending == PEND_EMERGENCY_SIGNAL) {
        /* withdraw the pending bit first and put it back while senders remain, so a signal arriving
           in between is never lost */
        atomic_fetch_and(&c->pending, ~PEND_EMERGENCY_SIGNAL);
        uint32_t from = atomic_load(&c->emergency_from);
        if (!from)
            return -1;
        int cpu = __builtin_ctz(from);
        if (atomic_fetch_and(&c->emergency_from, ~(1u << cpu)) & ~(1u << cpu))
            atomic_fetch_or(&c->pending, PEND_EMERGENCY_SIGNAL);
        return cpu;
    }
    if (pending == PEND_EXTERNAL_CALL) {
        atomic_fetch_and(&c->pending, ~PEND_EXTERNAL_CALL);
        return atomic_exchange(&c->external_call_from, -1);
    }
    if (!(pending & PERSISTENT_CONDITIONS))
        atomic_fetch_and(&c->pending, ~pending);
    return -1;
}

uint32_t enabled_external_conditions(uint32_t cr0)
{
    uint32_t conditions = 0;
    for (size_t i = 0; i < EXTERNAL_SOURCES; i++)
        if (cr0 & external_sources[i].cr0_mask)
            conditions |= external_sources[i].pending;
    return conditions;
}

static bool source_enabled(const struct cpu *c, uint32_t pending, const struct external_source *s)
{
    return (pending & s->pending) && (c->cr[0] & s->cr0_mask);
}

static bool take_external_if_enabled(struct cpu *c, uint32_t pending)
{
    if (!(c->psw.sysmask & PSW_EXT))
        return false;
    for (size_t i = 0; i < EXTERNAL_SOURCES; i++) {
        const struct external_source *s = &external_sources[i];
        if (!source_enabled(c, pending, s))
            continue;
        uint16_t code = s->code;
        int sender = external_sender(c, s->pending);
        if (s->pending == PEND_SERVICE_SIGNAL)
            put_be32(real_store_pointer(c, LOC_SERVICE_PARAMETER, 4), atomic_load(&c->service_parameter));
        for (size_t k = i + 1; s->shared && k < EXTERNAL_SOURCES; k++)
            if (external_sources[k].shared && source_enabled(c, pending, &external_sources[k])) {
                code |= external_sources[k].code;
                external_sender(c, external_sources[k].pending);
            }
        take_external(c, code, sender);
        return true;
    }
    return false;
}

/* ---- I/O interruptions -------------------------------------------------------------------------- */

/* Channels enabled by the PSW and CR2, bit 15-n for channel n.  BC mode: PSW bits 0-5 mask channels
   0-5, bit 6 masks channels 6 and up together with their CR2 bits; EC mode: PSW bit 6 and CR2. */
uint16_t enabled_channels(const struct cpu *c)
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
        put_be16(real_store_pointer(c, LOC_IO_ADDRESS, 2), device);
    set_code(c, device, 0, 0, LOC_IO_ADDRESS);
    interrupt_swap(c, LOC_IO_OLD, LOC_IO_NEW);
    return true;
}

/* ---- machine-check interruptions ---------------------------------------------------------------- */

/* Taken when PSW bit 13 allows; an exigent condition that cannot be taken check-stops the CPU when
   the check-stop control is on (GA22-7000, "Machine-Check Handling"). */
static bool take_machine_check_if_enabled(struct cpu *c)
{
    if (!c->psw.mcheck) {
        if (atomic_load(&c->machine_check_exigent) && (c->cr[14] & CR14_CHECK_STOP_CONTROL)) {
            atomic_fetch_and(&c->pending, ~PEND_MACHINE_CHECK);
            c->state = CPU_CHECK_STOP;
        }
        return false;
    }
    atomic_fetch_and(&c->pending, ~PEND_MACHINE_CHECK);
    put_be64(real_store_pointer(c, LOC_MCHECK_CODE, 8), atomic_load(&c->machine_check_code));
    interrupt_swap(c, LOC_MCHECK_OLD, LOC_MCHECK_NEW);
    return true;
}

/* ---- at an instruction boundary ----------------------------------------------------------------- */

bool psw_enabled_for_interrupts(const struct cpu *c)
{
    return (c->psw.sysmask & PSW_EXT) || enabled_channels(c) != 0;
}

bool cpu_in_disabled_wait(const struct cpu *c)
{
    return c->state == CPU_OPERATING && c->psw.wait && !c->psw.invalid && !psw_enabled_for_interrupts(c);
}

/* An invalid current PSW (set by the operator) is taken as a program interruption before any pending
   interruption it enables: the loop finds it before the next instruction. */
bool take_pending_interrupts(struct cpu *c)
{
    bool taken = false;
    if (c->psw.invalid)
        return false;
    for (int guard = 0; guard < 16; guard++) {
        uint32_t pending = atomic_load(&c->pending);
        if (pending & PEND_TIMER_POLL) {
            atomic_fetch_and(&c->pending, ~PEND_TIMER_POLL);
            timer_poll(c);
            pending = atomic_load(&c->pending);
        }
        bool now = (pending & PEND_MACHINE_CHECK) && take_machine_check_if_enabled(c);
        if (c->state == CPU_CHECK_STOP)
            break;
        if (!now)
            now = take_external_if_enabled(c, pending);
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

/* ---- operator actions and host-raised interruptions --------------------------------------------- */

void machine_signal_io(struct machine *m, bool pending)
{
    for (int i = 0; i < m->ncpus; i++) {
        if (pending)
            atomic_fetch_or(&m->cpus[i]->pending, PEND_IO);
        else
            atomic_fetch_and(&m->cpus[i]->pending, ~PEND_IO);
    }
    if (pending)
        wake_cpus(m);
}

void cpu_service_signal(struct cpu *c, uint32_t parameter)
{
    atomic_store(&c->service_parameter, parameter);
    set_pending(c, PEND_SERVICE_SIGNAL);
}

void cpu_machine_check(struct cpu *c, uint64_t code, bool exigent)
{
    atomic_store(&c->machine_check_code, code);
    atomic_store(&c->machine_check_exigent, exigent);
    set_pending(c, PEND_MACHINE_CHECK);
}

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
