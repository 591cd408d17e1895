/*
 * traces.c - which runs of instructions a CPU has translated to host code, and when they stop being
 * true.  A trace starts at an entry of the decoded cache (run.c) the loop keeps coming to by taken
 * branches; it runs straight on through conditional branches not taken and ends after a branch that
 * is always taken, before an instruction the loop leaves to step(), or at the block's last 8 bytes.
 * Each slot of the decoded cache has a table of its traces (their first and last halfwords): a store
 * into any of their halfwords (decoded_forget, through the code marks) drops them, as does the slot
 * taking another block.  The code lives in the CPU's code space (translate.c); when it is full,
 * every trace is dropped and the space starts again.
 */
#include <stdlib.h>

#include "cpu370/decoded.h"

#define TRACES_PER_SLOT 32

/* The halfwords of a slot's block a trace covers: its first instruction's, to one past its last. */
struct trace_record {
    uint16_t first, end;
};

struct trace_table {
    struct code_space code;
    uint8_t count[DECODED_SLOTS];
    struct trace_record records[DECODED_SLOTS][TRACES_PER_SLOT];
};

void machine_set_translation(struct machine *m, bool on)
{
    __atomic_store_n(&m->translate, on && S370_TRANSLATION, __ATOMIC_RELAXED);
}

bool machine_translation(const struct machine *m)
{
    return __atomic_load_n(&m->translate, __ATOMIC_RELAXED);
}

uint64_t cpu_traces_made(const struct cpu *c)
{
    return c->traces_made;
}

/* The table, made when the CPU first translates; NULL (and translation off for the machine) when the
   host gives no memory it can run. */
static struct trace_table *trace_table(struct cpu *c)
{
    if (c->traces)
        return c->traces;
    struct trace_table *t = calloc(1, sizeof *t);
    if (t && code_space_create(&t->code)) {
        c->traces = t;
        return t;
    }
    free(t);
    machine_set_translation(c->m, false);
    return NULL;
}

/* Instructions after which the run never goes straight on: BC and BCR with mask 15, BAL, BAS, and
   BALR and BASR with a register to branch to. */
static bool always_branches(const struct trace_step *s)
{
    switch (s->opcode) {
    case 0x47:
        return s->insn.r1 == 15;
    case 0x07:
        return s->insn.r1 == 15 && s->insn.r2 != 0;
    case 0x45:
    case 0x4D:
        return true;
    case 0x05:
    case 0x0D:
        return s->insn.r2 != 0;
    default:
        return false;
    }
}

/* The instructions of the run from halfword `first`; returns how many.  It stops before an invalid
   opcode: past a conditional branch that is the data after the code, as a rule, and marking data
   would send the program's stores there the long way. */
static unsigned trace_steps(const struct decoded_block *b, unsigned first, struct trace_step *steps)
{
    unsigned n = 0;
    for (unsigned h = first; n < TRACE_STEPS_MAX; n++) {
        struct trace_step *s = &steps[n];
        if (!decode_marked(b, 2 * h, &s->insn, &s->opcode) || decoded_invalid(&s->insn))
            break;
        s->run = decoded_run_of(s->opcode);
        s->address = b->base + 2 * h;
        h += s->insn.length / 2u;
        s->entry_after = &b->entries[h];
        if (always_branches(s))
            return n + 1;
    }
    return n;
}

bool trace_make(struct cpu *c, const struct decoded_block *b, struct decoded_entry *head)
{
    struct trace_table *t = trace_table(c);
    if (!t)
        return false;
    unsigned index = (unsigned)(head - c->decoded);
    unsigned slot = index / ENTRIES_PER_BLOCK, first = index % ENTRIES_PER_BLOCK;
    if (t->count[slot] == TRACES_PER_SLOT)
        return false;
    struct trace_step steps[TRACE_STEPS_MAX];
    unsigned n = trace_steps(b, first, steps);
    if (n == 0)
        return false;
    trace_fn *code = translate_trace(&t->code, b, head, steps, n);
    if (!code) {
        traces_flush(c);
        code = translate_trace(&t->code, b, head, steps, n);
        if (!code)
            return false;
    }
    unsigned end = (unsigned)((const struct decoded_entry *)steps[n - 1].entry_after - b->entries);
    t->records[slot][t->count[slot]++] = (struct trace_record){(uint16_t)first, (uint16_t)end};
    head->trace = code;
    head->run = decoded_labels[RUN_TRACE];
    c->traces_made++;
    return true;
}

/* The trace's first entry runs its instruction again, decoded afresh. */
static void trace_drop(struct cpu *c, unsigned slot, unsigned i)
{
    struct trace_table *t = c->traces;
    c->decoded[slot * ENTRIES_PER_BLOCK + t->records[slot][i].first].run = decoded_labels[RUN_DECODE];
    t->records[slot][i] = t->records[slot][--t->count[slot]];
    c->trace_broken = true;
}

void traces_forget(struct cpu *c, unsigned slot, unsigned halfword)
{
    struct trace_table *t = c->traces;
    if (!t)
        return;
    for (unsigned i = t->count[slot]; i-- > 0;)
        if (t->records[slot][i].first <= halfword && halfword < t->records[slot][i].end)
            trace_drop(c, slot, i);
}

const void *trace_moved(struct cpu *c, struct decoded_entry *head)
{
    unsigned index = (unsigned)(head - c->decoded);
    traces_forget(c, index / ENTRIES_PER_BLOCK, index % ENTRIES_PER_BLOCK);
    return head;
}

void traces_slot_emptied(struct cpu *c, unsigned slot)
{
    if (c->traces)
        c->traces->count[slot] = 0;
}

void traces_flush(struct cpu *c)
{
    struct trace_table *t = c->traces;
    if (!t)
        return;
    for (unsigned slot = 0; slot < DECODED_SLOTS; slot++)
        while (t->count[slot])
            trace_drop(c, slot, t->count[slot] - 1u);
    t->code.free = t->code.start;
}

void traces_free(struct cpu *c)
{
    if (!c->traces)
        return;
    traces_flush(c);
    code_space_free(&c->traces->code);
    free(c->traces);
    c->traces = NULL;
}
