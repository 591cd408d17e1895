/*
 * run.c - the instruction loop: fetch, decode through the dispatch tables generated from opcodes.h,
 * execute, count; program interruptions unwind here from anywhere in an instruction; interruptions
 * pending at instruction boundaries are looked at only when the pending word is non-zero; a CPU in
 * an enabled wait sleeps until something can end it.  Also EXECUTE, which runs another instruction,
 * and the host threads that run CPUs for machine_start.
 */
#include <errno.h>
#include <time.h>

#include "cpu370/cpu_int.h"

typedef void handler_fn(struct cpu *c, const uint8_t *inst);

/* The primary table is indexed by the first opcode byte; the two-byte opcodes (B2xx and the I/O
   group 9Cxx-9Fxx) go through a second table indexed by both bytes' group and the second byte. */
enum { GROUP_B2, GROUP_9C, GROUP_9D, GROUP_9E, GROUP_9F, GROUPS };
static handler_fn *primary[256];
static handler_fn *secondary[GROUPS][256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static int group_of(unsigned first_byte)
{
    switch (first_byte) {
    case 0xB2:
        return GROUP_B2;
    case 0x9C:
    case 0x9D:
    case 0x9E:
    case 0x9F:
        return GROUP_9C + (int)(first_byte - 0x9C);
    default:
        return -1;
    }
}

static void operation_exception(struct cpu *c, const uint8_t *inst)
{
    (void)inst;
    program_check(c, PGM_OPERATION);
}

static void dispatch_secondary(struct cpu *c, const uint8_t *inst)
{
    secondary[group_of(inst[0])][inst[1]](c, inst);
}

static void build_tables(void)
{
    static const struct {
        unsigned code;
        handler_fn *handler;
    } handlers[] = {
#define HANDLER_ENTRY(code, name, format, flags) {code, op_##name},
        S370_OPCODES(HANDLER_ENTRY)
#undef HANDLER_ENTRY
    };
    for (int i = 0; i < 256; i++) {
        primary[i] = operation_exception;
        for (int g = 0; g < GROUPS; g++)
            secondary[g][i] = operation_exception;
    }
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
        unsigned code = handlers[i].code;
        if (code <= 0xFF) {
            primary[code] = handlers[i].handler;
        } else {
            primary[code >> 8] = dispatch_secondary;
            secondary[group_of(code >> 8)][code & 0xFF] = handlers[i].handler;
        }
    }
    /* In the I/O group only bit 15 of the second byte selects the instruction (SIO vs SIOF, ...). */
    for (int g = GROUP_9C; g <= GROUP_9F; g++)
        for (int i = 2; i < 256; i++)
            secondary[g][i] = secondary[g][i & 1];
}

void execute_instruction(struct cpu *c, const uint8_t *inst)
{
    primary[inst[0]](c, inst);
}

noreturn void program_check(struct cpu *c, int code)
{
    c->program_code = code;
    longjmp(c->program_jmp, 1);
}

/* ---- fetching ----------------------------------------------------------------------------------- */

/* Fetch the instruction at address into inst; returns its length in bytes. */
static int fetch_instruction(struct cpu *c, uint32_t address, uint8_t *inst, uint8_t key)
{
    if (address & 1)
        program_check(c, PGM_SPECIFICATION);
    const uint8_t *p = c->m->storage + translate(c, address, ACCESS_INSTRUCTION, key);
    inst[0] = p[0];
    inst[1] = p[1];
    int length = s370_instruction_length(inst[0]);
    if (length > 2) {
        uint32_t next = (address + 2) & 0xFFFFFF;
        if ((address & 0x7FF) + (uint32_t)length <= 0x800) {
            memcpy(inst + 2, p + 2, (size_t)length - 2);
        } else {
            /* the rest is in the next 2K block: fetch it a halfword at a time */
            for (int i = 2; i < length; i += 2, next = (next + 2) & 0xFFFFFF)
                memcpy(inst + i, c->m->storage + translate(c, next, ACCESS_INSTRUCTION, key), 2);
        }
    }
    return length;
}

/* EXECUTE: run the instruction at the second-operand address with bits 8-15 ORed with R1's low byte.
   The target runs with EX's instruction address and length; EX as the target is an execute exception. */
void op_EX(struct cpu *c, const uint8_t *inst)
{
    uint32_t address = address_rx(c, inst);
    uint8_t target[6];
    fetch_instruction(c, address, target, c->psw.key);
    if (target[0] == 0x44)
        program_check(c, PGM_EXECUTE);
    unsigned r1 = field_r1(inst);
    if (r1)
        target[1] |= (uint8_t)c->gr[r1];
    c->in_execute = true;
    execute_instruction(c, target);
    c->in_execute = false;
}

/* One instruction: the PSW must be valid and the address even; the instruction address advances
   before execution, so branches simply overwrite it and interruptions store the next address. */
static void step(struct cpu *c)
{
    uint8_t inst[6];
    uint32_t ia = c->psw.ia;
    c->exec_ia = ia;
    c->in_execute = false;
    c->ilc = 0;
    if (c->psw.invalid)
        program_check(c, PGM_SPECIFICATION);
    int length = fetch_instruction(c, ia, inst, c->psw.key);
    c->ilc = (uint8_t)(length >> 1);
    c->psw.ia = (ia + (uint32_t)length) & 0xFFFFFF;
    c->instructions++;
    if (per_active(c)) {
        uint32_t gr_before[16];
        memcpy(gr_before, c->gr, sizeof gr_before);
        c->branched = false;
        execute_instruction(c, inst);
        per_end_instruction(c, gr_before, ia);
        return;
    }
    execute_instruction(c, inst);
}

/* ---- CPU requests: stop, start, resets, store status -------------------------------------------- */

static void handle_requests(struct cpu *c)
{
    uint32_t p = atomic_load(&c->pending);
    if (p & PEND_INITIAL_RESET) {
        atomic_fetch_and(&c->pending, ~(PEND_INITIAL_RESET | PEND_RESET));
        cpu_initial_reset(c);
    } else if (p & PEND_RESET) {
        atomic_fetch_and(&c->pending, ~PEND_RESET);
        cpu_reset(c);
    }
    if (p & PEND_STOP) {
        atomic_fetch_and(&c->pending, ~PEND_STOP);
        c->state = CPU_STOPPED;
    }
    if (p & PEND_STORE_STATUS) {
        atomic_fetch_and(&c->pending, ~PEND_STORE_STATUS);
        cpu_store_status(c, c->prefix);
    }
    if (p & PEND_START) {
        atomic_fetch_and(&c->pending, ~PEND_START);
        if (c->state == CPU_STOPPED)
            c->state = CPU_OPERATING;
    }
}

/* ---- waiting ------------------------------------------------------------------------------------ */

/* Sleep until an interruption may be pending or the next timer event is due.  Returns false when
   nothing at all can end the wait (no timer enabled and no channel subsystem). */
static bool wait_for_interrupt(struct cpu *c)
{
    struct machine *m = c->m;
    uint64_t next = timer_next_event(c);
    if (next == UINT64_MAX && !m->io && m->ncpus == 1)
        return false;
    pthread_mutex_lock(&m->lock);
    if (atomic_load(&c->pending) == 0 && !m->halting) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        uint64_t now = tod_now(m);
        uint64_t wait_us = next == UINT64_MAX ? 50000 : next > now ? (next - now) >> 12 : 0;
        if (wait_us > 50000)
            wait_us = 50000; /* look again now and then: halting, and clocks that were set */
        until.tv_nsec += (long)(wait_us % 1000000) * 1000;
        until.tv_sec += (time_t)(wait_us / 1000000) + until.tv_nsec / 1000000000;
        until.tv_nsec %= 1000000000;
        pthread_cond_timedwait(&m->wake, &m->lock, &until);
    }
    pthread_mutex_unlock(&m->lock);
    set_pending(c, PEND_TIMER_POLL);
    return true;
}

/* ---- the loop ----------------------------------------------------------------------------------- */

#define TIMER_POLL_INTERVAL 4096 /* instructions between looks at the host clock */

static enum cpu_stop_reason run_until_event(struct cpu *c, uint64_t end)
{
    for (;;) {
        if (atomic_load_explicit(&c->pending, memory_order_relaxed)) {
            handle_requests(c);
            if (c->state != CPU_OPERATING)
                return c->state == CPU_CHECK_STOP ? STOP_CHECK_STOP : STOP_STOPPED;
            take_pending_interrupts(c);
        }
        if (c->psw.wait) {
            if (!psw_enabled_for_interrupts(c))
                return STOP_DISABLED_WAIT;
            if (c->m->halting || c->instructions >= end || !wait_for_interrupt(c))
                return c->m->halting ? STOP_STOPPED : STOP_ENABLED_WAIT;
            continue;
        }
        if (c->instructions >= end)
            return STOP_LIMIT;
        if (--c->timer_countdown == 0) {
            c->timer_countdown = TIMER_POLL_INTERVAL;
            timer_poll(c);
        }
        step(c);
    }
}

enum cpu_stop_reason cpu_run(struct cpu *c, uint64_t limit)
{
    pthread_once(&tables_once, build_tables);
    const uint64_t end = limit ? c->instructions + limit : UINT64_MAX;
    if (c->timer_countdown == 0)
        c->timer_countdown = TIMER_POLL_INTERVAL;
    handle_requests(c);
    if (c->state != CPU_OPERATING)
        return STOP_STOPPED;
    /* a program interruption longjmps back here from inside an instruction: take it and go on */
    if (setjmp(c->program_jmp))
        take_program_interrupt(c, c->program_code);
    return run_until_event(c, end);
}

/* ---- threads ------------------------------------------------------------------------------------ */

static void *cpu_thread(void *arg)
{
    struct cpu *c = arg;
    struct machine *m = c->m;
    while (!m->halting) {
        enum cpu_stop_reason r = cpu_run(c, 0);
        if (m->halting)
            break;
        if (r == STOP_STOPPED || r == STOP_DISABLED_WAIT || r == STOP_CHECK_STOP) {
            wake_cpus(m); /* machine_wait_idle may be waiting for this */
            pthread_mutex_lock(&m->lock);
            while (!m->halting && atomic_load(&c->pending) == 0)
                pthread_cond_wait(&m->wake, &m->lock);
            pthread_mutex_unlock(&m->lock);
        }
    }
    return NULL;
}

void machine_start(struct machine *m)
{
    pthread_once(&tables_once, build_tables);
    m->halting = false;
    for (int i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpus[i];
        if (!c->thread_running && pthread_create(&c->thread, NULL, cpu_thread, c) == 0)
            c->thread_running = true;
    }
}

static bool cpu_idle(const struct cpu *c)
{
    return c->state != CPU_OPERATING || (c->psw.wait && !psw_enabled_for_interrupts(c));
}

bool machine_wait_idle(struct machine *m, int timeout_ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
    until.tv_sec += until.tv_nsec / 1000000000;
    until.tv_nsec %= 1000000000;
    pthread_mutex_lock(&m->lock);
    for (;;) {
        bool idle = true;
        for (int i = 0; i < m->ncpus; i++)
            idle = idle && cpu_idle(m->cpus[i]);
        if (idle || pthread_cond_timedwait(&m->wake, &m->lock, &until) == ETIMEDOUT) {
            pthread_mutex_unlock(&m->lock);
            return idle;
        }
    }
}

void machine_halt(struct machine *m)
{
    pthread_mutex_lock(&m->lock);
    m->halting = true;
    pthread_cond_broadcast(&m->wake);
    pthread_mutex_unlock(&m->lock);
    for (int i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpus[i];
        if (c && c->thread_running) {
            pthread_join(c->thread, NULL);
            c->thread_running = false;
        }
    }
}
