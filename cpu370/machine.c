/*
 * machine.c - a machine: main storage and its keys, the CPUs, the hooks to the channel subsystem and
 * the DIAGNOSE handler; and the resets and store status (GA22-7000, "Resets" and "Store Status").
 * The resets and store status work on a CPU that is not running: its own thread at an instruction
 * boundary (requests, run.c), or any thread while the CPU's thread is not started or halted.
 */
#include <stdlib.h>

#include "cpu370/decoded.h"

/* Control register values after initial CPU reset: CR0 with the interval timer, interrupt key and
   external signal masks on, CR2 with every channel enabled, CR14 and CR15 the machine-check defaults. */
static const uint32_t initial_cr[16] = {
    [0] = CR0_INTERVAL_TIMER | CR0_INTERRUPT_KEY | CR0_EXTERNAL_SIGNAL,
    [2] = 0xFFFFFFFF,
    [14] = 0xC2000000,
    [15] = 0x00000200,
};

static struct cpu *cpu_create(struct machine *m, int index)
{
    struct cpu *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->m = m;
    c->index = index;
    block_caches_clear(c);
    cpu_initial_reset(c);
    return c;
}

/* Storage of `size` bytes with its keys and code marks, all zeros, in place of the machine's (none
   at creation); false, with nothing changed, when there is not the memory for it. */
bool storage_allocate(struct machine *m, uint32_t size)
{
    uint8_t *storage = calloc(1, size + STORAGE_PADDING), *keys = calloc(1, size / 2048),
            *marks = calloc(1, size / 2 + STORAGE_PADDING), *lines = calloc(1, size >> CODE_LINE_SHIFT);
    if (!storage || !keys || !marks || !lines) {
        free(storage);
        free(keys);
        free(marks);
        free(lines);
        return false;
    }
    free(m->storage);
    free(m->keys);
    free(m->code_marks);
    free(m->code_lines);
    m->storage = storage;
    m->keys = keys;
    m->code_marks = marks;
    m->code_lines = lines;
    m->size = size;
    return true;
}

struct machine *machine_create(const struct machine_config *config)
{
    if (config->storage_size == 0 || config->storage_size > S370_MAX_STORAGE || config->storage_size % 2048 ||
        config->ncpus < 1 || config->ncpus > S370_MAX_CPUS)
        return NULL;
    struct machine *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->config = *config;
    m->size = config->storage_size;
    m->ncpus = config->ncpus;
    pthread_mutex_init(&m->lock, NULL);
    pthread_cond_init(&m->wake, NULL);
    tod_init(m);
    machine_set_translation(m, true);
    bool ok = storage_allocate(m, m->size);
    for (int i = 0; i < m->ncpus && ok; i++)
        ok = (m->cpus[i] = cpu_create(m, i)) != NULL;
    if (!ok) {
        machine_destroy(m);
        return NULL;
    }
    return m;
}

void machine_destroy(struct machine *m)
{
    if (!m)
        return;
    machine_halt(m);
    for (int i = 0; i < S370_MAX_CPUS; i++) {
        if (m->cpus[i]) {
            traces_free(m->cpus[i]);
            free(m->cpus[i]->decoded);
        }
        free(m->cpus[i]);
    }
    pthread_cond_destroy(&m->wake);
    pthread_mutex_destroy(&m->lock);
    free(m->storage);
    free(m->keys);
    free(m->code_marks);
    free(m->code_lines);
    free(m);
}

uint8_t *machine_storage(struct machine *m)
{
    return m->storage;
}

uint32_t machine_storage_size(const struct machine *m)
{
    return m->size;
}

bool machine_load(struct machine *m, uint32_t address, const void *data, size_t length)
{
    if (address > m->size || length > m->size - address)
        return false;
    memcpy(m->storage + address, data, length);
    machine_storage_changed(m, address, (uint32_t)length);
    return true;
}

int machine_ncpus(const struct machine *m)
{
    return m->ncpus;
}

struct cpu *machine_cpu(struct machine *m, int index)
{
    return index >= 0 && index < m->ncpus ? m->cpus[index] : NULL;
}

void machine_set_io(struct machine *m, const struct io_ops *ops, void *ctx)
{
    m->io = ops;
    m->io_ctx = ctx;
}

void machine_set_diagnose(struct machine *m, diagnose_hook hook, void *ctx)
{
    m->diagnose = hook;
    m->diagnose_ctx = ctx;
}

uint8_t machine_storage_key(const struct machine *m, uint32_t address)
{
    return address < m->size ? m->keys[address >> 11] : 0;
}

void machine_set_storage_key(struct machine *m, uint32_t address, uint8_t key)
{
    if (address >= m->size)
        return;
    uint8_t old = m->keys[address >> 11], new = key & 0xFE;
    m->keys[address >> 11] = new;
    /* anything but reference and change bits turned on (what channels do) makes cached blocks stale */
    if ((old & ~new) || ((old ^ new) & ~(KEY_REFERENCE | KEY_CHANGE)))
        storage_keys_changed(m);
}

/* ---- resets ------------------------------------------------------------------------------------- */

/* What CPU reset clears of the pending word: the external conditions local to the CPU (GA22-7000:
   floating ones, the service signal and I/O interruptions, stay), and the stop and reset requests.
   Start, restart and store status ordered after a reset are carried out after it. */
#define CPU_RESET_CLEARS                                                                                       \
    (PEND_INTERRUPT_KEY | PEND_INTERVAL_TIMER | PEND_CLOCK_COMPARATOR | PEND_CPU_TIMER | PEND_EXTERNAL_CALL |    \
     PEND_EMERGENCY_SIGNAL | PEND_MALFUNCTION_ALERT | PEND_STOP | PEND_RESET | PEND_INITIAL_RESET)

static void enter_stopped_state(struct cpu *c)
{
    if (c->state == CPU_OPERATING)
        timer_stop(c);
    __atomic_store_n(&c->state, CPU_STOPPED, __ATOMIC_RELEASE);
}

/* CPU reset: the instruction in progress is abandoned, local interruption conditions are cleared, the
   TLB is purged, and the CPU enters the stopped state (also from check stop); registers, PSW, prefix
   and timers keep their contents.  The reset requests are cleared last, so whoever waits for them
   sees the reset complete. */
void cpu_reset(struct cpu *c)
{
    enter_stopped_state(c);
    c->in_execute = false;
    dat_purge_tlb(c);
    atomic_store(&c->emergency_from, 0);
    atomic_store(&c->external_call_from, -1);
    atomic_fetch_and(&c->pending, ~(uint32_t)CPU_RESET_CLEARS);
}

/* Initial CPU reset: CPU reset, with the PSW, prefix, CPU timer and clock comparator set to zero and
   the control registers to their initial values.  The TOD clock is not affected. */
void cpu_initial_reset(struct cpu *c)
{
    enter_stopped_state(c);
    memset(&c->psw, 0, sizeof c->psw);
    cpu_context_changed(c);
    c->ilc = 0; /* no last instruction: a display shows ILC 0 */
    c->prefix = 0;
    timer_reset(c);
    memcpy(c->cr, initial_cr, sizeof c->cr);
    cpu_reset(c);
}

static bool threads_running(const struct machine *m)
{
    for (int i = 0; i < m->ncpus; i++)
        if (m->cpus[i]->thread_running)
            return true;
    return false;
}

/*
 * System reset of the whole machine: program reset (CPU reset of every CPU and I/O-system reset) or,
 * with clear, clear reset (initial CPU reset, general and floating-point registers, storage and
 * storage keys set to zeros, I/O-system reset).  CPUs running on their threads are halted first and
 * started again (stopped) afterwards, so that no CPU is reset in the middle of an instruction.
 */
void machine_system_reset(struct machine *m, bool clear)
{
    bool threads = threads_running(m);
    if (threads)
        machine_halt(m);
    for (int i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpus[i];
        if (clear) {
            cpu_initial_reset(c);
            memset(c->gr, 0, sizeof c->gr);
            memset(c->fpr, 0, sizeof c->fpr);
        } else {
            cpu_reset(c);
        }
    }
    if (clear) {
        memset(m->storage, 0, m->size);
        memset(m->keys, 0, m->size / 2048);
        machine_storage_replaced(m);
    }
    if (m->io && m->io->reset)
        m->io->reset(m->io_ctx);
    if (threads)
        machine_start(m);
}

/*
 * Store status (GA22-7000, "Store Status"): CPU timer, clock comparator, current PSW, prefix and the
 * floating-point, general and control registers into the save areas of the 512 bytes at absolute
 * `base` (0 for the architected locations X'D8'-X'1FF').  In BC mode the PSW is stored with an
 * interruption code of zero (and the ILC, unpredictable, zero).  X'10C', the model-dependent word, is
 * left alone.  The stores set the reference and change bits of the block.
 */
void cpu_store_status(struct cpu *c, uint32_t base)
{
    struct machine *m = c->m;
    if (base > m->size || m->size - base < 512)
        return;
    uint8_t *p = m->storage + base;
    put_be64(p + LOC_SS_CPU_TIMER, (uint64_t)cpu_timer_value(c));
    put_be64(p + LOC_SS_CLOCK_COMP, c->clock_comparator);
    struct psw psw = c->psw;
    if (!psw.ec) {
        psw.intcode = 0;
        psw.ilc = 0;
    }
    psw_pack(&psw, p + LOC_SS_PSW);
    put_be32(p + LOC_SS_PREFIX, c->prefix);
    for (int i = 0; i < 4; i++)
        put_be64(p + LOC_SS_FPR + 8 * i, c->fpr[i]);
    for (int i = 0; i < 16; i++) {
        put_be32(p + LOC_SS_GPR + 4 * i, c->gr[i]);
        put_be32(p + LOC_SS_CR + 4 * i, c->cr[i]);
    }
    __atomic_fetch_or(key_of(m, base), KEY_REFERENCE | KEY_CHANGE, __ATOMIC_RELAXED);
    machine_storage_changed(m, base, 512);
}

/* ---- register access for displays and tests ----------------------------------------------------- */

uint32_t cpu_gr(const struct cpu *c, int r)
{
    return c->gr[r & 15];
}

void cpu_set_gr(struct cpu *c, int r, uint32_t v)
{
    c->gr[r & 15] = v;
}

uint64_t cpu_fpr(const struct cpu *c, int r)
{
    return c->fpr[(r & 6) >> 1];
}

void cpu_set_fpr(struct cpu *c, int r, uint64_t v)
{
    c->fpr[(r & 6) >> 1] = v;
}

uint32_t cpu_cr(const struct cpu *c, int r)
{
    return c->cr[r & 15];
}

void cpu_set_cr(struct cpu *c, int r, uint32_t v)
{
    c->cr[r & 15] = v;
    dat_purge_tlb(c);
}

uint32_t cpu_prefix(const struct cpu *c)
{
    return c->prefix;
}

uint64_t cpu_instruction_count(const struct cpu *c)
{
    return c->instructions;
}

int cpu_index(const struct cpu *c)
{
    return c->index;
}

struct machine *cpu_machine(const struct cpu *c)
{
    return c->m;
}

enum cpu_state cpu_state(const struct cpu *c)
{
    return c->state;
}

void cpu_store_csw(struct cpu *c, const uint8_t csw[8])
{
    memcpy(real_store_pointer(c, LOC_CSW, 8), csw, 8);
}
