/*
 * per.c - program-event recording (GA22-7000, "Program-Event Recording").  With PSW bit 1 on in EC
 * mode, the events CR9 bits 0-3 select - a successful branch, an instruction fetched or a store made
 * within the area CR10..CR11, a change to a general register CR9 bits 16-31 select - are gathered in
 * cpu.per_code while an instruction runs.  At its end they raise a program interruption with code
 * X'80' (per_end_instruction); if the instruction ends in another program interruption instead, they
 * join it (interrupt.c).  The PER code goes to real location 150, the instruction's address to 152.
 */
#include "cpu370/cpu_int.h"

/* The PER code bits sit where the event masks sit in CR9 bits 0-3: the high nibble of a halfword. */
enum {
    PER_BRANCH = 0x8000,
    PER_INSTRUCTION_FETCH = 0x4000,
    PER_STORAGE_ALTERATION = 0x2000,
    PER_REGISTER_ALTERATION = 0x1000,
};

static inline bool event_monitored(const struct cpu *c, uint16_t event)
{
    return (c->cr[9] >> 16) & event;
}

/* Whether any byte of [address, address + length) lies in the monitored area, CR10 bits 8-31 to
   CR11 bits 8-31 inclusive; when the start is above the end the area wraps past X'FFFFFF' to 0.
   Offsets from the start make the wrap disappear: a byte is in the area when its offset is at most
   the end's, and an operand that does not begin in the area overlaps it only if it covers the start. */
static bool in_area(const struct cpu *c, uint32_t address, uint32_t length)
{
    uint32_t start = c->cr[10] & 0xFFFFFF;
    uint32_t last = (c->cr[11] - start) & 0xFFFFFF;
    return ((address - start) & 0xFFFFFF) <= last || ((start - address) & 0xFFFFFF) < length;
}

/* An event of the current instruction: the PER address is the instruction's (EXECUTE's, for a target). */
static void record(struct cpu *c, uint16_t event)
{
    c->per_code |= event;
    c->per_address = instruction_address(c);
}

void per_instruction_fetch(struct cpu *c, uint32_t address)
{
    if (event_monitored(c, PER_INSTRUCTION_FETCH) && in_area(c, address, 1))
        record(c, PER_INSTRUCTION_FETCH);
}

/* A store of length bytes at a logical address: storing into the area is the event, even when the
   value stored equals the old one. */
void per_storage_alteration(struct cpu *c, uint32_t address, uint32_t length)
{
    if (event_monitored(c, PER_STORAGE_ALTERATION) && in_area(c, address & 0xFFFFFF, length))
        record(c, PER_STORAGE_ALTERATION);
}

/* A monitored register whose contents differ from before the instruction.  (Loading a register with
   the value it already held is an event too; comparing contents cannot see that.) */
static bool monitored_register_altered(const struct cpu *c, const uint32_t *gr_before)
{
    uint16_t mask = (uint16_t)c->cr[9];
    for (int r = 0; r < 16; r++)
        if ((mask & (0x8000 >> r)) && c->gr[r] != gr_before[r])
            return true;
    return false;
}

void per_end_instruction(struct cpu *c, const uint32_t *gr_before, uint32_t instruction_address)
{
    uint16_t events = c->per_code;
    if (c->branched && event_monitored(c, PER_BRANCH))
        events |= PER_BRANCH;
    if (event_monitored(c, PER_REGISTER_ALTERATION) && monitored_register_altered(c, gr_before))
        events |= PER_REGISTER_ALTERATION;
    if (!events)
        return;
    c->per_code = events;
    c->per_address = instruction_address;
    program_check(c, PGM_PER_EVENT);
}
