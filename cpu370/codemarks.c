/*
 * codemarks.c - what a store into instructions the CPUs have decoded does (cpu_int.h, "code marks"):
 * the decoded-instruction caches (run.c) are trusted without looking at storage again, so every
 * store into a marked halfword comes here.  A store by a CPU makes that CPU decode the instructions
 * covering the stored halfwords again before it runs them (the next instruction included, as the
 * architecture requires of a CPU's own stores); any other CPU, and any store from outside (a channel,
 * the operator, a loader: machine_storage_changed), empties the other caches before they next run.
 *
 * The order is what makes a store from another thread safe against a CPU decoding at the same time:
 * the CPU sets the marks before it reads the instruction bytes, the storer stores before it reads the
 * marks, each with a full fence between (run.c, mark_instruction).  So either the CPU reads the new
 * bytes, or the storer sees the mark and the cache is emptied.  A CPU's stores on its fast path
 * have no fence (it would cost every store): a store by one CPU into an instruction that another
 * CPU decodes for the first time in the same few nanoseconds can go unseen by that CPU, which then
 * runs the old instruction until the entry is decoded again.
 */
#include "cpu370/cpu_int.h"

/* Make CPU c empty its decoded cache before its loop runs again, which it leaves at its next branch
   (the context changed). */
static void make_decoded_stale(struct cpu *c)
{
    atomic_store_explicit(&c->decoded_stale, true, memory_order_release);
    cpu_context_changed(c);
}

void code_marks_hit(struct machine *m, struct cpu *by, uint32_t absolute, uint32_t length)
{
    uint32_t first = absolute >> 1, last = (absolute + length - 1) >> 1;
    bool hit = false;
    for (uint32_t h = first; h <= last; h++) {
        if (!__atomic_load_n(&m->code_marks[h], __ATOMIC_RELAXED))
            continue;
        __atomic_store_n(&m->code_marks[h], 0, __ATOMIC_RELAXED);
        if (by)
            decoded_forget(by, h << 1);
        hit = true;
    }
    if (!hit)
        return;
    for (int i = 0; i < m->ncpus; i++)
        if (m->cpus[i] && m->cpus[i] != by)
            make_decoded_stale(m->cpus[i]);
}

bool code_range_marked(const struct machine *m, uint32_t absolute, uint32_t length)
{
    uint32_t end = absolute + length;
    for (uint32_t line = absolute >> CODE_LINE_SHIFT; line <= (end - 1) >> CODE_LINE_SHIFT; line++) {
        if (!__atomic_load_n(&m->code_lines[line], __ATOMIC_RELAXED))
            continue;
        uint32_t from = line << CODE_LINE_SHIFT > absolute ? line << CODE_LINE_SHIFT : absolute;
        uint32_t to = (line + 1) << CODE_LINE_SHIFT < end ? (line + 1) << CODE_LINE_SHIFT : end;
        /* a mark just past the range costs only a look in code_marks_hit */
        if (code_marked(m->code_marks, from, to - from))
            return true;
    }
    return false;
}

void machine_storage_changed(struct machine *m, uint32_t address, uint32_t length)
{
    if (address >= m->size || length == 0)
        return;
    if (length > m->size - address)
        length = m->size - address;
    atomic_thread_fence(memory_order_seq_cst);
    if (code_range_marked(m, address, length))
        code_marks_hit(m, NULL, address, length);
}

void machine_storage_replaced(struct machine *m)
{
    memset(m->code_marks, 0, m->size / 2);
    memset(m->code_lines, 0, m->size >> CODE_LINE_SHIFT);
    for (int i = 0; i < m->ncpus; i++)
        if (m->cpus[i])
            make_decoded_stale(m->cpus[i]);
    storage_keys_changed(m);
}
