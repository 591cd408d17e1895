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
    /* In the I/O group the second byte's other bits are ignored where no instruction is assigned:
       bit 15 alone then selects (SIO vs SIOF, TIO vs CLRIO, ...); an assigned code such as RIO (9C02)
       keeps its own handler. */
    for (int g = GROUP_9C; g <= GROUP_9F; g++)
        for (int i = 2; i < 256; i++)
            if (secondary[g][i] == operation_exception)
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

/* Fetch the instruction at address into inst; returns its length in bytes.  For the instruction the
   PSW designates (advance_psw), the instruction address and ILC advance as soon as the halfwords are
   known, so an exception on fetching leaves them as GA22-7000 requires ("ILC on Instruction Fetch
   Exceptions"): the ILC gives the halfwords the address was incremented by (one until the first
   halfword tells the length).  EXECUTE's target leaves EXECUTE's own address and ILC alone. */
static int fetch_instruction(struct cpu *c, uint32_t address, uint8_t *inst, uint8_t key, bool advance_psw)
{
    if (advance_psw) {
        c->ilc = 1;
        c->psw.ia = (address + 2) & 0xFFFFFF;
    }
    if (address & 1)
        program_check(c, PGM_SPECIFICATION);
    const uint8_t *p = translate_block(c, &c->instruction_block, address, ACCESS_INSTRUCTION, key);
    inst[0] = p[0];
    inst[1] = p[1];
    int length = s370_instruction_length(inst[0]);
    if (advance_psw) {
        c->ilc = (uint8_t)(length >> 1);
        c->psw.ia = (address + (uint32_t)length) & 0xFFFFFF;
    }
    if (length > 2) {
        if ((address & 0x7FF) + (uint32_t)length <= 0x800) {
            inst[2] = p[2];
            inst[3] = p[3];
            if (length > 4) {
                inst[4] = p[4];
                inst[5] = p[5];
            }
        } else {
            /* the rest is in the next 2K block: fetch it a halfword at a time */
            uint32_t next = (address + 2) & 0xFFFFFF;
            for (int i = 2; i < length; i += 2, next = (next + 2) & 0xFFFFFF) {
                const uint8_t *q = translate_block(c, &c->instruction_block, next, ACCESS_INSTRUCTION, key);
                inst[i] = q[0];
                inst[i + 1] = q[1];
            }
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
    fetch_instruction(c, address, target, c->psw.key, false);
    if (target[0] == 0x44)
        program_check(c, PGM_EXECUTE);
    unsigned r1 = field_r1(inst);
    if (r1)
        target[1] |= (uint8_t)c->gr[r1];
    if (per_active(c))
        per_instruction_fetch(c, address);
    c->in_execute = true;
    execute_instruction(c, target);
    c->in_execute = false;
}

/* One instruction: the PSW must be valid and the address even; the instruction address advances
   before execution, so branches simply overwrite it and interruptions store the next address.  The
   usual case, an instruction in the 2K block the last one came from (and not within 8 bytes of its
   end), is one compare and one 8-byte load; anything else goes through fetch_instruction. */
static void step(struct cpu *c)
{
    uint8_t inst[8];
    uint32_t ia = c->psw.ia;
    c->exec_ia = ia;
    c->in_execute = false;
    if (!c->psw.invalid && !(ia & 1) && (ia & 0x7FF) <= 0x800 - sizeof inst &&
        block_cache_hit(c, &c->instruction_block, ia, c->psw.key)) {
        memcpy(inst, c->instruction_block.host + (ia & 0x7FF), sizeof inst);
        int length = s370_instruction_length(inst[0]);
        c->ilc = (uint8_t)(length >> 1);
        c->psw.ia = (ia + (uint32_t)length) & 0xFFFFFF;
    } else {
        c->ilc = 0;
        if (c->psw.invalid)
            program_check(c, PGM_SPECIFICATION);
        fetch_instruction(c, ia, inst, c->psw.key, true);
    }
    c->instructions++;
    if (per_active(c)) {
        uint32_t gr_before[16];
        memcpy(gr_before, c->gr, sizeof gr_before);
        c->branched = false;
        per_instruction_fetch(c, ia);
        execute_instruction(c, inst);
        per_end_instruction(c, gr_before, ia);
    } else {
        execute_instruction(c, inst);
    }
    c->interruptions_in_a_row = 0;
}

/* ---- CPU requests: resets, start, stop, store status -------------------------------------------- */

/* The CPU whose thread this is, when machine_start made it (NULL on any other thread).  Such a CPU
   waits for the operator or another CPU however long it takes, where cpu_run returns instead. */
static _Thread_local struct cpu *thread_cpu;

static bool machine_halting(const struct machine *m)
{
    return __atomic_load_n(&m->halting, __ATOMIC_ACQUIRE);
}

static void set_state(struct cpu *c, enum cpu_state state)
{
    __atomic_store_n(&c->state, state, __ATOMIC_RELEASE);
}

/* A reset first, then start (a restart implies it).  The start request is withdrawn only after the
   interruptions then pending (the restart among them) have been taken (stop_if_requested), so that
   machine_wait_idle never takes a CPU about to run for an idle one. */
static void start_if_requested(struct cpu *c, uint32_t requests)
{
    if (requests & PEND_INITIAL_RESET)
        cpu_initial_reset(c);
    else if (requests & PEND_RESET)
        cpu_reset(c);
    if ((requests & (PEND_START | PEND_RESTART)) && c->state == CPU_STOPPED) {
        timer_start(c);
        set_state(c, CPU_OPERATING);
    }
}

/* The stop function, once the interruptions pending and enabled have been taken (GA22-7000, "Stopped,
   Operating, Load, and Check-Stop States"); then store status at the architected absolute locations
   (SIGP stop and store status). */
static void stop_if_requested(struct cpu *c, uint32_t requests)
{
    if ((requests & PEND_STOP) && c->state == CPU_OPERATING) {
        timer_stop(c);
        set_state(c, CPU_STOPPED);
    }
    if ((requests & PEND_STORE_STATUS) && c->state != CPU_OPERATING)
        cpu_store_status(c, 0);
    atomic_fetch_and(&c->pending, ~(requests & (PEND_START | PEND_STOP | PEND_STORE_STATUS)));
}

/* The external conditions each CR0 subclass mask enables (GA22-7000, "External Interruption"). */
/* Whether the pending word holds something to act on now: a request, or an interruption condition the
   PSW (and CR0) enable.  A condition the CPU is disabled for stays pending without slowing down every
   instruction. */
bool cpu_needs_attention(const struct cpu *c, uint32_t pending)
{
    if (pending & (PEND_REQUESTS | PEND_TIMER_POLL))
        return true;
    const struct psw *psw = &c->psw;
    if ((pending & PEND_MACHINE_CHECK) && (psw->mcheck || atomic_load(&c->machine_check_exigent)))
        return true;
    if ((pending & PEND_IO) && enabled_channels(c))
        return true;
    return (psw->sysmask & PSW_EXT) && (pending & enabled_external_conditions(c->cr[0]));
}

/* At an instruction boundary: requests, and the interruptions an operating CPU takes. */
static void attend(struct cpu *c, uint32_t pending)
{
    start_if_requested(c, pending);
    if (c->state == CPU_OPERATING)
        take_pending_interrupts(c);
    stop_if_requested(c, pending);
}

/* ---- waiting ------------------------------------------------------------------------------------ */

#define LONGEST_SLEEP_US 50000 /* look again now and then: clocks that were set */

static struct timespec realtime_after(uint64_t microseconds)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    uint64_t ns = (uint64_t)t.tv_nsec + microseconds % 1000000 * 1000;
    t.tv_sec += (time_t)(microseconds / 1000000 + ns / 1000000000);
    t.tv_nsec = (long)(ns % 1000000000);
    return t;
}

/*
 * An enabled wait: sleep on the machine's condition variable until the pending word changes from
 * `seen` (what the CPU last acted on; set_pending wakes every sleeper), or until the next timer event
 * the CPU is enabled for.  Returns false, on a CPU that is not on its own thread, when nothing at all
 * can end the wait (no timer enabled and no channel subsystem).
 */
static bool wait_for_interrupt(struct cpu *c, uint32_t seen)
{
    struct machine *m = c->m;
    uint64_t next = timer_next_event(c);
    if (next == UINT64_MAX && !m->io && thread_cpu != c)
        return false;
    uint64_t now = tod_now(m);
    uint64_t sleep_us = next == UINT64_MAX ? LONGEST_SLEEP_US : next > now ? (next - now + 0xFFF) >> 12 : 0;
    if (sleep_us > LONGEST_SLEEP_US)
        sleep_us = LONGEST_SLEEP_US;
    if (sleep_us) {
        struct timespec until = realtime_after(sleep_us);
        pthread_mutex_lock(&m->lock);
        if (atomic_load(&c->pending) == seen && !machine_halting(m))
            pthread_cond_timedwait(&m->wake, &m->lock, &until);
        pthread_mutex_unlock(&m->lock);
    }
    timer_poll(c);
    return true;
}

/* ---- the loop ----------------------------------------------------------------------------------- */

#define TIMER_POLL_INTERVAL 4096 /* instructions between looks at the host clock */

static bool halting_thread(const struct cpu *c)
{
    return thread_cpu == c && machine_halting(c->m);
}

static enum cpu_stop_reason run_until_event(struct cpu *c, uint64_t end)
{
    uint64_t checkpoint = end < c->next_timer_poll ? end : c->next_timer_poll;
    for (;;) {
        uint32_t seen = atomic_load_explicit(&c->pending, memory_order_relaxed);
        if (seen && cpu_needs_attention(c, seen)) {
            if (halting_thread(c))
                return STOP_STOPPED;
            attend(c, seen);
        }
        if (c->state != CPU_OPERATING)
            return c->state == CPU_CHECK_STOP ? STOP_CHECK_STOP : STOP_STOPPED;
        if (c->psw.wait && !c->psw.invalid) {
            if (!psw_enabled_for_interrupts(c))
                return STOP_DISABLED_WAIT;
            if (halting_thread(c))
                return STOP_STOPPED;
            if (c->instructions >= end || !wait_for_interrupt(c, seen))
                return STOP_ENABLED_WAIT;
            continue;
        }
        /* one compare for both the instruction limit and the next look at the host clock */
        if (c->instructions >= checkpoint) {
            if (c->instructions >= end)
                return STOP_LIMIT;
            if (c->instructions >= c->next_timer_poll) {
                c->next_timer_poll = c->instructions + TIMER_POLL_INTERVAL;
                timer_poll(c);
            }
            checkpoint = end < c->next_timer_poll ? end : c->next_timer_poll;
        }
        if (debug_watching(c) && debug_stop_before_instruction(c))
            continue; /* stopped before it: the state is looked at again */
        /* Everything above holds for the next instruction too while nothing is pending, the
           checkpoint is not reached, nobody is debugging and the context is the same: the state and
           the wait bit change only with a PSW load or a reset, and both change the context. */
        uint64_t context = atomic_load_explicit(&c->context, memory_order_relaxed);
        do
            step(c);
        while (atomic_load_explicit(&c->context, memory_order_relaxed) == context &&
               !atomic_load_explicit(&c->pending, memory_order_relaxed) &&
               c->instructions < checkpoint && !debug_watching(c));
    }
}

/* Take the program interruption; but when new PSWs keep causing interruptions with no instruction
   completing (an invalid program new PSW), the machine would loop forever: enter the check-stop state
   instead, as a real CPU's interruption-loop detection would.  Returns false for the check stop. */
#define INTERRUPTION_LOOP_LIMIT 256
static bool take_program_interruption_or_check_stop(struct cpu *c)
{
    if (++c->interruptions_in_a_row > INTERRUPTION_LOOP_LIMIT) {
        c->state = CPU_CHECK_STOP;
        return false;
    }
    debug_program_interruption(c);
    take_program_interrupt(c, c->program_code);
    return true;
}

enum cpu_stop_reason cpu_run(struct cpu *c, uint64_t limit)
{
    pthread_once(&tables_once, build_tables);
    const uint64_t end = limit ? c->instructions + limit : UINT64_MAX;
    if (c->next_timer_poll == 0 || c->next_timer_poll > c->instructions + TIMER_POLL_INTERVAL)
        c->next_timer_poll = c->instructions + TIMER_POLL_INTERVAL;
    /* a program interruption longjmps back here from inside an instruction: take it and go on */
    if (setjmp(c->program_jmp) && !take_program_interruption_or_check_stop(c))
        return STOP_CHECK_STOP;
    return run_until_event(c, end);
}

/* ---- threads ------------------------------------------------------------------------------------ */

/* A CPU that is stopped, check-stopped or in a disabled wait sleeps until a request arrives. */
static void wait_for_request(struct cpu *c)
{
    struct machine *m = c->m;
    pthread_mutex_lock(&m->lock);
    while (!machine_halting(m) && !(atomic_load(&c->pending) & PEND_REQUESTS))
        pthread_cond_wait(&m->wake, &m->lock);
    pthread_mutex_unlock(&m->lock);
}

static void *cpu_thread(void *arg)
{
    struct cpu *c = arg;
    thread_cpu = c;
    while (!machine_halting(c->m)) {
        cpu_run(c, 0);
        wake_cpus(c->m); /* machine_wait_idle may be waiting for this */
        wait_for_request(c);
    }
    return NULL;
}

void machine_start(struct machine *m)
{
    pthread_once(&tables_once, build_tables);
    __atomic_store_n(&m->halting, false, __ATOMIC_RELEASE);
    for (int i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpus[i];
        if (!c->thread_running && pthread_create(&c->thread, NULL, cpu_thread, c) == 0)
            c->thread_running = true;
    }
}

/* Idle: stopped or in a disabled wait, with no request outstanding that would make it run again. */
static bool cpu_idle(const struct cpu *c)
{
    if (atomic_load(&c->pending) & PEND_REQUESTS)
        return false;
    return __atomic_load_n(&c->state, __ATOMIC_ACQUIRE) != CPU_OPERATING ||
           (c->psw.wait && !psw_enabled_for_interrupts(c));
}

bool machine_wait_idle(struct machine *m, int timeout_ms)
{
    struct timespec until = realtime_after(timeout_ms > 0 ? (uint64_t)timeout_ms * 1000 : 0);
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

/* Stop every CPU thread at its next instruction boundary and join it; the CPUs keep their state. */
void machine_halt(struct machine *m)
{
    pthread_mutex_lock(&m->lock);
    __atomic_store_n(&m->halting, true, __ATOMIC_RELEASE);
    for (int i = 0; i < m->ncpus; i++)
        if (m->cpus[i])
            atomic_fetch_or(&m->cpus[i]->pending, PEND_TIMER_POLL); /* a running CPU looks at once */
    pthread_cond_broadcast(&m->wake);
    pthread_mutex_unlock(&m->lock);
    for (int i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpus[i];
        if (c && c->thread_running) {
            pthread_join(c->thread, NULL);
            c->thread_running = false;
        }
    }
    __atomic_store_n(&m->halting, false, __ATOMIC_RELEASE);
}
