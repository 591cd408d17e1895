/*
 * unimplemented.c - TRANSITIONAL, removed when every instruction group has landed: weak definitions
 * that let the CPU link while the groups (general.c, decimal.c, float.c, control.c, dat.c, per.c,
 * timer.c, sigp.c) are written in parallel.  A weak handler raises an operation exception; each
 * group's strong definitions replace these at link time.
 */
#include <time.h>

#include "cpu370/cpu_int.h"

#define WEAK_HANDLER(code, name, format, flags)                                                                \
    __attribute__((weak)) void op_##name(struct cpu *c, const uint8_t *inst)                                   \
    {                                                                                                          \
        (void)inst;                                                                                            \
        program_check(c, PGM_OPERATION);                                                                       \
    }
S370_OPCODES(WEAK_HANDLER)
#undef WEAK_HANDLER

__attribute__((weak)) uint32_t dat_translate(struct cpu *c, uint32_t virtual_address, enum access access)
{
    (void)virtual_address;
    (void)access;
    program_check(c, PGM_TRANSLATION_SPEC);
}

__attribute__((weak)) int dat_lra(struct cpu *c, uint32_t virtual_address, uint32_t *real)
{
    (void)c;
    *real = virtual_address;
    return 0;
}

__attribute__((weak)) uint64_t tod_now(struct machine *m)
{
    (void)m;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ((uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000) << 12;
}

__attribute__((weak)) void timer_poll(struct cpu *c)
{
    (void)c;
}

__attribute__((weak)) uint64_t timer_next_event(struct cpu *c)
{
    (void)c;
    return UINT64_MAX;
}

__attribute__((weak)) void per_storage_alteration(struct cpu *c, uint32_t address, uint32_t length)
{
    (void)c;
    (void)address;
    (void)length;
}

__attribute__((weak)) void per_end_instruction(struct cpu *c, const uint32_t *gr_before, uint32_t address)
{
    (void)c;
    (void)gr_before;
    (void)address;
}
