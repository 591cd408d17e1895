/*
 * debug.c - the operator's debugging controls of a CPU (cpu.h): instruction trace, stepping and
 * breakpoints, reports of program interruptions, translation for displays, altering the PSW by
 * fields, and reconfiguring a stopped machine's storage and CPUs.  The instruction loop (run.c)
 * calls in here only while something is watched; what to print is the host's business (`show`).
 *
 * Stopping before an instruction: the CPU enters the stopped state with its PSW designating the
 * instruction and remembers the address; started again, it executes that one instruction without
 * stopping (unless the operator moved the PSW meanwhile), so stepping advances one instruction per
 * start and a breakpoint does not catch the CPU twice at the same place.
 */
#include "cpu370/cpu_int.h"

#include <stdlib.h>

/* ---- settings ----------------------------------------------------------------------------------- */

/* The settings are a few words the console changes while the CPU reads them: a spinlock keeps a
   reader from seeing half an update (a zeroed atomic_flag is clear, so calloc'd CPUs need no init). */
static void lock_debug(struct cpu *c)
{
    while (atomic_flag_test_and_set_explicit(&c->debug_lock, memory_order_acquire))
        ;
}

static void unlock_debug(struct cpu *c)
{
    atomic_flag_clear_explicit(&c->debug_lock, memory_order_release);
}

void cpu_set_debug(struct cpu *c, const struct cpu_debug *d)
{
    lock_debug(c);
    c->debug = *d;
    atomic_store(&c->debugging, d->trace.on || d->step.on || d->breakpoint.on);
    unlock_debug(c);
    cpu_context_changed(c); /* the decoded loop looks at the context, not at `debugging` */
}

void cpu_get_debug(struct cpu *c, struct cpu_debug *d)
{
    lock_debug(c);
    *d = c->debug;
    unlock_debug(c);
}

bool cpu_watch_contains(const struct cpu_watch_range *w, uint32_t address)
{
    if (!w->on)
        return false;
    if (w->first == 0 && w->last == 0)
        return true;
    uint32_t low = w->first <= w->last ? w->first : w->last;
    uint32_t high = w->first <= w->last ? w->last : w->first;
    return address >= low && address <= high;
}

/* ---- translation and fetching for displays ------------------------------------------------------ */

/* The translation runs on a probe: a blank CPU with the real one's translation registers and prefix,
   whose TLB holds nothing (generation 1) and whose program checks unwind to here.  The probe is
   reached through a pointer so that nothing local to the setjmp caller changes before a longjmp. */
static int translate_on_probe(struct cpu *probe, uint32_t virtual_address, uint32_t *real)
{
    if (setjmp(probe->program_jmp))
        return probe->program_code;
    *real = dat_translate(probe, virtual_address & 0xFFFFFF, ACCESS_FETCH);
    return 0;
}

int cpu_translate_for_display(const struct cpu *c, uint32_t virtual_address, uint32_t *real)
{
    struct cpu probe;
    memset(&probe, 0, sizeof probe);
    probe.m = c->m;
    probe.cr[0] = c->cr[0];
    probe.cr[1] = c->cr[1];
    probe.prefix = c->prefix;
    probe.tlb_generation = 1;
    return translate_on_probe(&probe, virtual_address, real);
}

int cpu_fetch_for_display(const struct cpu *c, uint32_t address, bool translate, uint8_t inst[6])
{
    int length = 2;
    for (int i = 0; i < length; i += 2) {
        uint32_t logical = (address + (uint32_t)i) & 0xFFFFFF, real = logical;
        int code = translate ? cpu_translate_for_display(c, logical, &real) : 0;
        if (code)
            return code;
        uint32_t absolute = real_to_absolute(c, real);
        if (absolute + 2 > c->m->size)
            return PGM_ADDRESSING;
        memcpy(inst + i, c->m->storage + absolute, 2);
        if (i == 0)
            length = s370_instruction_length(inst[0]);
    }
    return 0;
}

/* The instruction the CPU is about to fetch (DAT as its PSW says); false when it cannot be fetched
   (an odd address is a specification exception). */
static bool fetch_for_display(struct cpu *c, uint32_t address, uint8_t inst[6])
{
    return !(address & 1) && cpu_fetch_for_display(c, address, dat_on(c), inst) == 0;
}

/* ---- the instruction loop's calls --------------------------------------------------------------- */

static unsigned watches_matching(const struct cpu_debug *d, uint32_t address)
{
    return (cpu_watch_contains(&d->trace, address) ? CPU_WATCH_TRACE : 0u) |
           (cpu_watch_contains(&d->step, address) ? CPU_WATCH_STEP : 0u) |
           (cpu_watch_contains(&d->breakpoint, address) ? CPU_WATCH_BREAK : 0u);
}

/* The stop function at an instruction boundary, as run.c's stop request does it. */
static void stop_before(struct cpu *c, uint32_t address)
{
    c->debug_resume = true;
    c->debug_resume_address = address;
    timer_stop(c);
    __atomic_store_n(&c->state, CPU_STOPPED, __ATOMIC_RELEASE);
}

bool debug_stop_before_instruction(struct cpu *c)
{
    uint32_t address = c->psw.ia;
    struct cpu_debug d;
    lock_debug(c);
    d = c->debug;
    bool resuming = c->debug_resume && c->debug_resume_address == address;
    c->debug_resume = false;
    unlock_debug(c);
    unsigned matched = resuming ? 0 : watches_matching(&d, address);
    if (!matched)
        return false;
    uint8_t inst[6];
    if (d.show)
        d.show(d.ctx, c, matched, address, fetch_for_display(c, address, inst) ? inst : NULL);
    if (!(matched & (CPU_WATCH_STEP | CPU_WATCH_BREAK)))
        return false;
    stop_before(c, address);
    return true;
}

void debug_program_interruption(struct cpu *c)
{
    struct cpu_debug d;
    cpu_get_debug(c, &d);
    if (d.report_program_interruptions && d.interrupted)
        d.interrupted(d.ctx, c, c->program_code, c->ilc);
}

/* ---- altering the PSW --------------------------------------------------------------------------- */

void cpu_set_psw_fields(struct cpu *c, const struct psw *p)
{
    uint8_t bytes[8];
    psw_pack(p, bytes);
    cpu_set_psw(c, bytes);
}

/* ---- reconfiguration ---------------------------------------------------------------------------- */

/* CPUs beyond the new count keep their structures (machine_destroy frees every slot), so a thread
   that looked one up a moment ago never holds freed memory; one that comes back is reset.  The
   structures are allocated before anything changes. */
static bool allocate_cpus(struct machine *m, int ncpus)
{
    for (int i = 0; i < ncpus; i++) {
        if (!m->cpus[i] && !(m->cpus[i] = calloc(1, sizeof *m->cpus[i])))
            return false;
        m->cpus[i]->m = m;
        m->cpus[i]->index = i;
    }
    return true;
}

static void set_cpu_count(struct machine *m, int ncpus)
{
    for (int i = m->ncpus; i < ncpus; i++) {
        struct cpu *c = m->cpus[i];
        cpu_initial_reset(c);
        memset(c->gr, 0, sizeof c->gr);
        memset(c->fpr, 0, sizeof c->fpr);
    }
    m->ncpus = ncpus;
    m->config.ncpus = ncpus;
}

/* New storage and keys, all zeros, in place of the old. */
static bool replace_storage(struct machine *m, uint32_t size)
{
    if (!storage_allocate(m, size))
        return false;
    machine_storage_replaced(m);
    m->config.storage_size = size;
    return true;
}

bool machine_reconfigure(struct machine *m, uint32_t storage_size, int ncpus)
{
    if (storage_size == 0 || storage_size > S370_MAX_STORAGE || storage_size % 2048 || ncpus < 1 ||
        ncpus > S370_MAX_CPUS || !allocate_cpus(m, ncpus))
        return false;
    bool threads = m->cpus[0]->thread_running; /* machine_start starts them all */
    if (threads)
        machine_halt(m);
    bool ok = storage_size == m->size || replace_storage(m, storage_size);
    if (ok)
        set_cpu_count(m, ncpus);
    if (threads)
        machine_start(m);
    return ok;
}
