/*
 * machine.c - a machine: main storage and its keys, the CPUs, the hooks to the channel subsystem and
 * the DIAGNOSE handler; and the resets and store status (GA22-7000, "Resets" and "Store Status").
 */
#include <stdlib.h>

#include "cpu370/cpu_int.h"

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
    cpu_initial_reset(c);
    return c;
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
    m->storage = calloc(1, m->size);
    m->keys = calloc(1, m->size / 2048);
    pthread_mutex_init(&m->lock, NULL);
    pthread_cond_init(&m->wake, NULL);
    bool ok = m->storage && m->keys;
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
    for (int i = 0; i < S370_MAX_CPUS; i++)
        free(m->cpus[i]);
    pthread_cond_destroy(&m->wake);
    pthread_mutex_destroy(&m->lock);
    free(m->storage);
    free(m->keys);
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
    if (address < m->size)
        m->keys[address >> 11] = key & 0xFE;
}

/* ---- resets ------------------------------------------------------------------------------------- */

/* CPU reset: stop, forget pending interruptions and the instruction in progress; registers and PSW
   stay as they are. */
void cpu_reset(struct cpu *c)
{
    c->state = CPU_STOPPED;
    atomic_store(&c->pending, 0);
    atomic_store(&c->emergency_from, 0);
    atomic_store(&c->external_call_from, -1);
    c->in_execute = false;
    tlb_purge(c);
}

/* Initial CPU reset: CPU reset, and PSW, prefix, CPU timer, clock comparator and control registers to
   their initial values. */
void cpu_initial_reset(struct cpu *c)
{
    cpu_reset(c);
    memset(&c->psw, 0, sizeof c->psw);
    c->prefix = 0;
    c->cpu_timer_deadline = 0;
    c->clock_comparator = 0;
    memcpy(c->cr, initial_cr, sizeof c->cr);
}

/* System reset (program reset or, with clear, clear reset) of the whole machine and its I/O. */
void machine_system_reset(struct machine *m, bool clear)
{
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
    }
    if (m->io && m->io->reset)
        m->io->reset(m->io_ctx);
}

/* Store status: timers, PSW, prefix and registers into the save areas at `base` (absolute). */
void cpu_store_status(struct cpu *c, uint32_t base)
{
    uint8_t *p = c->m->storage + base;
    uint64_t now = tod_now(c->m);
    put_be64(p + LOC_SS_CPU_TIMER, (uint64_t)(c->cpu_timer_deadline - (int64_t)now));
    put_be64(p + LOC_SS_CLOCK_COMP, c->clock_comparator);
    psw_pack(&c->psw, p + LOC_SS_PSW);
    put_be32(p + LOC_SS_PREFIX, c->prefix);
    for (int i = 0; i < 4; i++)
        put_be64(p + LOC_SS_FPR + 8 * i, c->fpr[i]);
    for (int i = 0; i < 16; i++) {
        put_be32(p + LOC_SS_GPR + 4 * i, c->gr[i]);
        put_be32(p + LOC_SS_CR + 4 * i, c->cr[i]);
    }
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
    tlb_purge(c);
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
    memcpy(real_pointer(c, LOC_CSW), csw, 8);
}
