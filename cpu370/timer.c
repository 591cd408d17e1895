/*
 * timer.c - the clocks and timers of GA22-7000 ("Timing"): the TOD clock with its clock comparator,
 * each CPU's CPU timer and interval timer (real location X'50'), the instructions that set and store
 * them, and the CPU-identification instructions (STAP, STIDP) and prefixing (SPX, STPX).
 *
 * Everything runs off one host clock, CLOCK_MONOTONIC in TOD units (bit 51 = 1 microsecond), the
 * "machine clock".  The TOD clock is the machine clock plus an offset (set at creation so that the
 * clock starts set to the host's time of day, changed by SET CLOCK).  The CPU timer is kept as the
 * machine-clock instant at which it reaches zero, so it is not disturbed by SET CLOCK.  Both CPU-local
 * timers stand still while their CPU is stopped (timer_stop/timer_start).  Nothing is decremented
 * behind the program's back: timer_poll, called by the CPU every few thousand instructions, when it
 * wakes from a wait and from take_pending_interrupts, brings the interval timer up to date and
 * recomputes the timer interruption conditions.
 *
 * Clock states: only "set" is modelled (the clock starts set, like Hercules); not-set, error and
 * stopped never occur, so STORE CLOCK always sets cc 0, and SET CLOCK always sets it (the TOD-clock
 * security switch is taken as always in the enable-set position: cc 0).
 */
#include <time.h>

#include "cpu370/cpu_int.h"

enum {
    TOD_MICROSECOND = 1 << 12,          /* bit 51 */
    TOD_BEYOND_RESOLUTION = 0xFFF,      /* bits 52-63: the clocks here count whole microseconds */
    INTERVAL_TIMER_TICK = 0x100,        /* bit 23 of the interval timer, stepped 300 times a second */
    INTERVAL_TIMER_HZ = 300,
};
#define TOD_SECOND (1000000ull * TOD_MICROSECOND)
#define SECONDS_1900_TO_1970 2208988800ull /* 70 years with 17 leap days: 25,567 days */

static uint64_t microseconds(const struct timespec *ts)
{
    return (uint64_t)ts->tv_sec * 1000000 + (uint64_t)ts->tv_nsec / 1000;
}

/* The machine clock: a monotonic host clock in TOD units. */
static uint64_t machine_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return microseconds(&ts) * TOD_MICROSECOND;
}

static int64_t tod_offset(const struct machine *m)
{
    return __atomic_load_n(&m->tod_offset, __ATOMIC_RELAXED);
}

static uint64_t tod_at(const struct machine *m, uint64_t clock)
{
    return clock + (uint64_t)tod_offset(m);
}

void tod_init(struct machine *m)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t time_of_day = (microseconds(&ts) + SECONDS_1900_TO_1970 * 1000000) * TOD_MICROSECOND;
    __atomic_store_n(&m->tod_offset, (int64_t)(time_of_day - machine_clock()), __ATOMIC_RELAXED);
    atomic_store(&m->tod_last, 0);
}

/*
 * The TOD clock as STORE CLOCK sees it: every value handed out, on any CPU of the machine, is larger
 * than the one before (GA22-7000: the values stored are unique), by stepping past the last one when
 * the clock has not moved since.  A last value more than a second ahead of the clock means the clock
 * was set back (SET CLOCK, racing a STORE CLOCK on another CPU): then the clock wins.
 */
uint64_t tod_now(struct machine *m)
{
    uint64_t clock = tod_at(m, machine_clock());
    uint64_t last = atomic_load(&m->tod_last);
    uint64_t next;
    do {
        next = clock > last || last - clock > TOD_SECOND ? clock : last + 1;
    } while (!atomic_compare_exchange_weak(&m->tod_last, &last, next));
    return next;
}

/* ---- CPU timer ---------------------------------------------------------------------------------- */

/* The machine-clock instant the CPU's timers are read at: now, or when it stopped. */
static uint64_t cpu_clock(const struct cpu *c)
{
    return c->state == CPU_OPERATING ? machine_clock() : c->interval_timer_last;
}

/* The CPU timer's value, with zeros in the bits beyond its resolution. */
int64_t cpu_timer_value(struct cpu *c)
{
    return (int64_t)(((uint64_t)c->cpu_timer_deadline - cpu_clock(c)) & ~(uint64_t)TOD_BEYOND_RESOLUTION);
}

static void set_cpu_timer(struct cpu *c, int64_t value)
{
    c->cpu_timer_deadline = (int64_t)(cpu_clock(c) + (uint64_t)value);
}

/* ---- interval timer ----------------------------------------------------------------------------- */

/* Number of 1/300-second steps of the machine clock up to `clock` (counted from its origin, so the
   steps of successive updates add up exactly). */
static uint64_t interval_steps(uint64_t clock)
{
    return clock / TOD_MICROSECOND * INTERVAL_TIMER_HZ / 1000000;
}

/* Machine-clock instant of step number `step`: the first microsecond that counts it. */
static uint64_t interval_step_clock(uint64_t step)
{
    return (step * 1000000 + INTERVAL_TIMER_HZ - 1) / INTERVAL_TIMER_HZ * TOD_MICROSECOND;
}

/* Decrement the timer at real X'50' by bit 23 for every 1/300 second since the last update; a change
   from positive or zero to negative makes an interval-timer interruption request (GA22-7000,
   "Interval Timer"), which stays pending until it is taken. */
static void update_interval_timer(struct cpu *c, uint64_t clock)
{
    uint64_t steps = interval_steps(clock) - interval_steps(c->interval_timer_last);
    c->interval_timer_last = clock;
    if (steps == 0)
        return;
    uint8_t *word = real_store_pointer(c, LOC_INTERVAL_TIMER, 4);
    int32_t old = (int32_t)be32(word);
    int32_t new = (int32_t)((uint32_t)old - (uint32_t)(steps * INTERVAL_TIMER_TICK));
    put_be32(word, (uint32_t)new);
    if (old >= 0 && (new < 0 || steps * INTERVAL_TIMER_TICK > (uint64_t)old))
        atomic_fetch_or(&c->pending, PEND_INTERVAL_TIMER);
}

/* ---- interruption conditions -------------------------------------------------------------------- */

/*
 * The clock-comparator condition (TOD clock > comparator) and the CPU-timer condition (timer negative)
 * last as long as they are true: they are recomputed here, and a condition that went away no longer
 * pends.  They are made pending only while their CR0 subclass mask is on, so that a masked condition
 * (the comparator is zero after reset, always below the clock) does not keep the pending word busy.
 */
static void update_timer_conditions(struct cpu *c, uint64_t clock)
{
    uint32_t on = 0;
    if ((c->cr[0] & CR0_CLOCK_COMPARATOR) && tod_at(c->m, clock) > c->clock_comparator)
        on |= PEND_CLOCK_COMPARATOR;
    if ((c->cr[0] & CR0_CPU_TIMER) && (int64_t)((uint64_t)c->cpu_timer_deadline - clock) < 0)
        on |= PEND_CPU_TIMER;
    uint32_t off = (PEND_CLOCK_COMPARATOR | PEND_CPU_TIMER) & ~on;
    uint32_t pending = atomic_load(&c->pending);
    if (on & ~pending)
        atomic_fetch_or(&c->pending, on);
    if (off & pending)
        atomic_fetch_and(&c->pending, ~off);
}

void timer_poll(struct cpu *c)
{
    uint64_t clock = machine_clock();
    update_interval_timer(c, clock);
    update_timer_conditions(c, clock);
}

/* Earliest of two TOD values. */
static uint64_t earlier(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* a + b, or UINT64_MAX (no event) when the sum is beyond the TOD clock's range: a sum that wrapped
   would look due at once, and a wait for it would spin. */
static uint64_t saturating_add(uint64_t a, uint64_t b)
{
    uint64_t sum;
    return __builtin_add_overflow(a, b, &sum) ? UINT64_MAX : sum;
}

/* The TOD value at which the CPU timer turns negative: now when it already is. */
static uint64_t cpu_timer_event(struct cpu *c)
{
    uint64_t clock = machine_clock();
    int64_t remaining = (int64_t)((uint64_t)c->cpu_timer_deadline - clock);
    if (remaining < 0)
        return tod_at(c->m, clock);
    return saturating_add(tod_at(c->m, clock), (uint64_t)remaining + 1);
}

uint64_t timer_next_event(struct cpu *c)
{
    if (!(c->psw.sysmask & PSW_EXT))
        return UINT64_MAX;
    uint64_t next = UINT64_MAX;
    uint64_t offset = (uint64_t)tod_offset(c->m);
    if (c->cr[0] & CR0_CLOCK_COMPARATOR)
        next = saturating_add(c->clock_comparator, 1);
    if (c->cr[0] & CR0_CPU_TIMER)
        next = earlier(next, cpu_timer_event(c));
    int32_t interval = (int32_t)be32(real_pointer(c, LOC_INTERVAL_TIMER));
    if ((c->cr[0] & CR0_INTERVAL_TIMER) && interval >= 0) {
        uint64_t step = interval_steps(c->interval_timer_last) + (uint64_t)interval / INTERVAL_TIMER_TICK + 1;
        next = earlier(next, interval_step_clock(step) + offset);
    }
    return next;
}

/* ---- resets and the stopped state --------------------------------------------------------------- */

void timer_reset(struct cpu *c)
{
    c->interval_timer_last = machine_clock();
    set_cpu_timer(c, 0);
    c->clock_comparator = 0;
}

/* Leaving the operating state: bring the interval timer up to date; from now on the timers read as of
   this instant (cpu_clock) until timer_start. */
void timer_stop(struct cpu *c)
{
    update_interval_timer(c, machine_clock());
}

/* Entering the operating state: the time spent stopped is skipped by both timers. */
void timer_start(struct cpu *c)
{
    uint64_t clock = machine_clock();
    c->cpu_timer_deadline += (int64_t)(clock - c->interval_timer_last);
    c->interval_timer_last = clock;
}

/* ---- instructions ------------------------------------------------------------------------------- */

/* The doubleword operand of the privileged timer instructions: supervisor state, then alignment. */
static uint32_t privileged_doubleword(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 8);
    return address;
}

/* STORE CLOCK: not privileged, no alignment required; cc 0 (the clock is always in the set state). */
void op_STCK(struct cpu *c, const struct insn *inst)
{
    store8(c, address_b2d2(c, inst), tod_now(c->m));
    c->psw.cc = 0;
}

/* SET CLOCK: the TOD clock takes the operand's value (bits below the microsecond ignored). */
void op_SCK(struct cpu *c, const struct insn *inst)
{
    struct machine *m = c->m;
    uint64_t value = fetch8(c, privileged_doubleword(c, inst)) & ~(uint64_t)TOD_BEYOND_RESOLUTION;
    __atomic_store_n(&m->tod_offset, (int64_t)(value - machine_clock()), __ATOMIC_RELAXED);
    atomic_store(&m->tod_last, value);
    c->psw.cc = 0;
    update_timer_conditions(c, machine_clock());
}

/* SET CLOCK COMPARATOR: bits the comparison does not use (beyond the microsecond) are not kept. */
void op_SCKC(struct cpu *c, const struct insn *inst)
{
    c->clock_comparator = fetch8(c, privileged_doubleword(c, inst)) & ~(uint64_t)TOD_BEYOND_RESOLUTION;
    update_timer_conditions(c, machine_clock());
}

void op_STCKC(struct cpu *c, const struct insn *inst)
{
    store8(c, privileged_doubleword(c, inst), c->clock_comparator);
}

void op_SPT(struct cpu *c, const struct insn *inst)
{
    int64_t value = (int64_t)(fetch8(c, privileged_doubleword(c, inst)) & ~(uint64_t)TOD_BEYOND_RESOLUTION);
    set_cpu_timer(c, value);
    update_timer_conditions(c, machine_clock());
}

/* STORE CPU TIMER: a negative value stored while enabled is followed by the interruption at the end
   of the instruction (GA22-7000 programming note). */
void op_STPT(struct cpu *c, const struct insn *inst)
{
    store8(c, privileged_doubleword(c, inst), (uint64_t)cpu_timer_value(c));
    update_timer_conditions(c, machine_clock());
}

/* ---- prefix and CPU identity -------------------------------------------------------------------- */

enum { PREFIX_BITS = 0x000FF000 }; /* bits 8-19 */

/* SET PREFIX: bits 8-19 of the word become the prefix; one outside storage is an addressing exception
   (the instruction is suppressed).  The TLB is purged. */
void op_SPX(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 4);
    uint32_t prefix = fetch4(c, address) & PREFIX_BITS;
    if (prefix >= c->m->size)
        program_check(c, PGM_ADDRESSING);
    c->prefix = prefix;
    dat_purge_tlb(c);
}

void op_STPX(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 4);
    store4(c, address, c->prefix);
}

/* STORE CPU ADDRESS: the CPU address is its index in the machine. */
void op_STAP(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 2);
    store2(c, address, (uint16_t)c->index);
}

/*
 * STORE CPU ID: version code (bits 0-7), CPU identification number (8-31), model number (32-47) and
 * maximum MCEL length (48-63, zero: no extended logout is stored).  In a machine with several CPUs the
 * leftmost digit of the identification number is the CPU address, so that each CPU's id is unique.
 */
void op_STIDP(struct cpu *c, const struct insn *inst)
{
    uint32_t address = privileged_doubleword(c, inst);
    const struct machine_config *config = &c->m->config;
    uint32_t serial = config->cpu_serial & 0xFFFFFF;
    if (c->m->ncpus > 1)
        serial = (serial & 0x0FFFFF) | (uint32_t)c->index << 20;
    uint64_t id = (uint64_t)config->cpu_version << 56 | (uint64_t)serial << 32 | (uint64_t)config->cpu_model << 16;
    store8(c, address, id);
}
