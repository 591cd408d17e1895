/*
 * decoded.h - what the decoded-instruction loop (run.c) shares with the traces (traces.c) and the
 * translator that turns them into host code (translate.c): the entries of the decoded cache, the
 * ways the loop runs an instruction, and a trace as the translator sees it.
 */
#ifndef S370_DECODED_H
#define S370_DECODED_H

#include "cpu370/cpu_int.h"

/* Entries of a slot of the decoded-instruction cache: one per halfword of a 2K block. */
#define ENTRIES_PER_BLOCK 1024u

/* Translated code for a run of instructions: it runs them and returns the entry of the instruction
   after the last one it ran, or NULL when a branch was taken (the PSW's address is then the target,
   the ILC the branch's). */
typedef const void *trace_fn(struct cpu *c);

/*
 * An entry of the decoded cache (run.c): where the loop runs the instruction (a label in
 * run_decoded) and the instruction decoded.  `trace` is the translated code when `run` is the
 * trace label; otherwise `heat` counts the times the loop came to the entry by a taken branch.
 */
struct decoded_entry {
    const void *run;
    struct insn insn;
    union {
        trace_fn *trace;
        uintptr_t heat;
    };
};
/* 32 bytes: translated code finds a branch target's entry with a shift. */
#define DECODED_ENTRY_SHIFT 5
_Static_assert(sizeof(struct decoded_entry) == 1u << DECODED_ENTRY_SHIFT, "decoded entries are 32 bytes");

/* How the decoded loop runs an instruction (decoded_entry.run), by first opcode byte: it leaves to
   step() the ones that can change what the loop assumes stays the same (the PSW, the masks, the
   translation context, the debugging and PER state), as the privileged ones, SVC and EXECUTE (whose
   target can be anything) do; it runs those of inline_ops.h in line and calls the handler of the
   others.  A handler that may set the instruction address (a branch, or an interruptible instruction
   leaving the PSW at itself) is called with the PSW's address and ILC set and looked at after; any
   other only with its entry noted, as the instructions in line are. */
enum decoded_run {
    RUN_DECODE, /* an entry not decoded (yet, or again) */
    RUN_STEPPED,
    RUN_TRACE, /* the first instruction of a trace: run the translated code */
    RUN_CALL,  /* in run_of; an entry has RUN_CALL_2, _4 or _6 by its length */
    RUN_CALL_2,
    RUN_CALL_4,
    RUN_CALL_6,
    RUN_CALL_SEQUENTIAL, /* in run_of; an entry has RUN_CALL_SEQUENTIAL_2, _4 or _6 */
    RUN_CALL_SEQUENTIAL_2,
    RUN_CALL_SEQUENTIAL_4,
    RUN_CALL_SEQUENTIAL_6,
    RUN_INLINE_FIRST, /* the instructions of inline_ops.h, in its order, from here */
};

/* The run kind of an opcode's instructions (run.c): RUN_STEPPED, RUN_CALL, RUN_CALL_SEQUENTIAL or
   RUN_INLINE_FIRST + its place in INLINE_OPS. */
enum decoded_run decoded_run_of(uint8_t opcode);
/* Where the loop runs each kind of entry (run.c). */
extern const void *decoded_labels[];
/* The handler of a decoded instruction (run.c). */
insn_handler *decoded_handler(const struct insn *inst);
/* Whether it has no instruction's opcode (an operation exception, most likely data). */
bool decoded_invalid(const struct insn *inst);

/* The 2K block the loop runs: its entries, storage, code marks and logical address. */
struct decoded_block {
    struct decoded_entry *entries;
    const uint8_t *host;
    uint8_t *marks;
    uint8_t *lines;
    uint32_t base;
};

/* Decode the instruction at offset in the block into inst (and its first byte into opcode), marking
   its halfwords first (run.c); false when the loop cannot run it (its opcode is for step(), or it is
   in the block's last 8 bytes). */
bool decode_marked(const struct decoded_block *b, uint32_t offset, struct insn *inst, uint8_t *opcode);

/* ---- traces (traces.c) ------------------------------------------------------------------------- */

/* The times the loop comes to an entry by a taken branch before it translates the run from there,
   and the most instructions a trace holds. */
#define TRACE_HEAT 16
#define TRACE_STEPS_MAX 128

/* Translate the run of instructions from entry head of block b; true when head is now a trace. */
bool trace_make(struct cpu *c, const struct decoded_block *b, struct decoded_entry *head);
/* The halfword (0-1023) of the block in a slot changed: the traces that cover it are dropped. */
void traces_forget(struct cpu *c, unsigned slot, unsigned halfword);
/* The slot now holds another block (its entries are all RUN_DECODE again). */
void traces_slot_emptied(struct cpu *c, unsigned slot);
/* Drop every trace and the code (the code space is full). */
void traces_flush(struct cpu *c);
/* The same, and the table and code space freed (translation turned off, or the CPU destroyed). */
void traces_free(struct cpu *c);

/* ---- the translator (translate.c) -------------------------------------------------------------- */

/* The translator is built for x86-64 hosts; -DS370_NO_TRANSLATION leaves it out on those too. */
#if defined(__x86_64__) && !defined(S370_NO_TRANSLATION)
#define S370_TRANSLATION 1
#else
#define S370_TRANSLATION 0
#endif

/* One instruction of a trace. */
struct trace_step {
    struct insn insn;
    uint8_t opcode;               /* its first byte */
    enum decoded_run run;         /* decoded_run_of(opcode) */
    uint32_t address;             /* its logical address */
    const void *entry_after;      /* the loop's entry for the instruction after it */
};

/* Host code space for one CPU's traces. */
struct code_space {
    uint8_t *start, *end, *free;
};
/* False when the host cannot run translated code (then there is nothing to free). */
bool code_space_create(struct code_space *s);
void code_space_free(struct code_space *s);
/* Translate steps[0..n-1], the run from entry head of block b, into s; NULL when s is full. */
trace_fn *translate_trace(struct code_space *s, const struct decoded_block *b, const struct decoded_entry *head,
                          const struct trace_step *steps, unsigned n);
/* Called by a trace entered with the block at another logical address than it was made for (the
   addresses it sets are constants): the trace is dropped; returns its first entry, to run that way. */
const void *trace_moved(struct cpu *c, struct decoded_entry *head);

#endif
