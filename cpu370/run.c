/*
 * run.c - the instruction loop: fetch, decode through the dispatch tables generated from opcodes.h,
 * execute, count; program interruptions unwind here from anywhere in an instruction; interruptions
 * pending at instruction boundaries are looked at only when the pending word changes; a CPU in an
 * enabled wait sleeps until something can end it.  Most instructions run in the decoded loop
 * (run_decoded: a cache of decoded instructions that stores into them invalidate, threaded dispatch,
 * the commonest instructions in line); step() runs the others, and every instruction while PER or
 * the debugging controls are on.  Also EXECUTE, which runs another instruction, and
 * the host threads that run CPUs for machine_start.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "cpu370/decoded.h"
#include "cpu370/inline_ops.h"

/* Every handler once, by the index struct insn keeps (HANDLER_SECOND_BYTE is none: see primary). */
enum { HANDLER_SECOND_BYTE, HANDLER_OPERATION_EXCEPTION, HANDLER_FIRST_OPCODE };
#define COUNT_OPCODE(code, name, format, flags) +1
static insn_handler *handler_table[HANDLER_FIRST_OPCODE S370_OPCODES(COUNT_OPCODE)];
#undef COUNT_OPCODE

/* The primary table is indexed by the first opcode byte; the two-byte opcodes (B2xx and the I/O
   group 9Cxx-9Fxx) have HANDLER_SECOND_BYTE there and go through a second table indexed by both
   bytes' group and the second byte.  Both hold indexes in handler_table. */
enum { GROUP_B2, GROUP_9C, GROUP_9D, GROUP_9E, GROUP_9F, GROUPS };
static uint16_t primary[256];
static uint16_t secondary[GROUPS][256];

insn_handler *decoded_handler(const struct insn *inst)
{
    return handler_table[inst->handler];
}

bool decoded_invalid(const struct insn *inst)
{
    return inst->handler == HANDLER_OPERATION_EXCEPTION;
}

static void run_handler(struct cpu *c, const struct insn *inst)
{
    handler_table[inst->handler](c, inst);
}

/* The kinds of enum decoded_run from RUN_INLINE_FIRST on: the instructions of inline_ops.h. */
enum {
    RUN_INLINE_BEFORE = RUN_INLINE_FIRST - 1,
#define RUN_ENUM(name, length, kind) RUN_##name,
    INLINE_OPS(RUN_ENUM)
#undef RUN_ENUM
    RUN_KINDS
};
static uint8_t run_of[256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

enum decoded_run decoded_run_of(uint8_t opcode)
{
    return run_of[opcode];
}

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

static void operation_exception(struct cpu *c, const struct insn *inst)
{
    (void)inst;
    program_check(c, PGM_OPERATION);
}

static bool run_decoded(struct cpu *c, uint64_t limit, uint32_t seen);

static void build_tables(void)
{
    static const struct {
        unsigned code;
        insn_handler *handler;
        unsigned flags;
    } handlers[] = {
#define HANDLER_ENTRY(code, name, format, flags) {code, op_##name, flags},
        S370_OPCODES(HANDLER_ENTRY)
#undef HANDLER_ENTRY
    };
    handler_table[HANDLER_OPERATION_EXCEPTION] = operation_exception;
    for (int i = 0; i < 256; i++) {
        primary[i] = HANDLER_OPERATION_EXCEPTION;
        for (int g = 0; g < GROUPS; g++)
            secondary[g][i] = HANDLER_OPERATION_EXCEPTION;
    }
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
        unsigned code = handlers[i].code;
        uint16_t index = (uint16_t)(HANDLER_FIRST_OPCODE + i);
        handler_table[index] = handlers[i].handler;
        if (code <= 0xFF) {
            primary[code] = index;
        } else {
            primary[code >> 8] = HANDLER_SECOND_BYTE;
            secondary[group_of(code >> 8)][code & 0xFF] = index;
        }
    }
    for (int i = 0; i < 256; i++)
        run_of[i] = RUN_CALL;
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
        unsigned code = handlers[i].code;
        if (handlers[i].flags & (S370_PRIV | S370_SEMIPRIV | S370_IO))
            run_of[code > 0xFF ? code >> 8 : code] = RUN_STEPPED;
        else if (code <= 0xFF && !(handlers[i].flags & (S370_BRANCH | S370_INTERRUPTIBLE)))
            run_of[code] = RUN_CALL_SEQUENTIAL;
#define RUN_INLINE(name, length, kind)                                                                         \
    if (handlers[i].handler == op_##name && s370_instruction_length(code) == (length))                         \
        run_of[code] = RUN_##name;
        INLINE_OPS(RUN_INLINE)
#undef RUN_INLINE
    }
    run_decoded(NULL, 0, 0);
    run_of[0x0A] = RUN_STEPPED; /* SVC */
    run_of[0x44] = RUN_STEPPED; /* EX */
    /* In the I/O group the second byte's other bits are ignored where no instruction is assigned:
       bit 15 alone then selects (SIO vs SIOF, TIO vs CLRIO, ...); an assigned code such as RIO (9C02)
       keeps its own handler. */
    for (int g = GROUP_9C; g <= GROUP_9F; g++)
        for (int i = 2; i < 256; i++)
            if (secondary[g][i] == HANDLER_OPERATION_EXCEPTION)
                secondary[g][i] = secondary[g][i & 1];
}

/* The fields are taken whatever the format: a handler uses those its format has. */
void decode_instruction(struct insn *d, const uint8_t *bytes)
{
    unsigned length = (unsigned)s370_instruction_length(bytes[0]);
    uint16_t handler = primary[bytes[0]];
    d->handler = handler != HANDLER_SECOND_BYTE ? handler : secondary[group_of(bytes[0])][bytes[1]];
    d->length = (uint8_t)length;
    d->imm = bytes[1];
    d->r1 = bytes[1] >> 4;
    d->r2 = bytes[1] & 15;
    d->x2 = d->r2 ? d->r2 : 16;
    d->base1 = d->base2 = 16;
    d->disp1 = d->disp2 = 0;
    if (length > 2) {
        d->base1 = bytes[2] >> 4 ? bytes[2] >> 4 : 16;
        d->disp1 = (uint32_t)((bytes[2] & 15) << 8 | bytes[3]);
    }
    if (length > 4) {
        d->base2 = bytes[4] >> 4 ? bytes[4] >> 4 : 16;
        d->disp2 = (uint16_t)((bytes[4] & 15) << 8 | bytes[5]);
    }
}

/* The decoded loop does not keep the PSW's address and the ILC up to date in the cpu struct: for the
   instruction it was running, they follow from its entry's place in the block and its length. */
static void decoded_instruction_unwinds(struct cpu *c);

noreturn void program_check(struct cpu *c, int code)
{
    if (c->decoded_at)
        decoded_instruction_unwinds(c);
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
            memcpy(inst + 2, p + 2, (size_t)length - 2);
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
void op_EX(struct cpu *c, const struct insn *inst)
{
    uint32_t address = address_rx(c, inst);
    uint8_t bytes[6];
    fetch_instruction(c, address, bytes, c->psw.key, false);
    if (bytes[0] == 0x44)
        program_check(c, PGM_EXECUTE);
    unsigned r1 = field_r1(inst);
    if (r1)
        bytes[1] |= (uint8_t)c->gr[r1];
    if (per_active(c))
        per_instruction_fetch(c, address);
    struct insn target;
    decode_instruction(&target, bytes);
    c->in_execute = true;
    run_handler(c, &target);
    c->in_execute = false;
}

/* One instruction, the general way: the PSW must be valid and the address even; the instruction
   address advances before execution, so branches simply overwrite it and interruptions store the
   next address.  PER is looked at here, and only here. */
static void step(struct cpu *c)
{
    uint8_t bytes[6];
    uint32_t ia = c->psw.ia;
    c->in_execute = false;
    c->ilc = 0;
    if (c->psw.invalid)
        program_check(c, PGM_SPECIFICATION);
    fetch_instruction(c, ia, bytes, c->psw.key, true);
    struct insn inst;
    decode_instruction(&inst, bytes);
    c->instructions++;
    if (per_active(c)) {
        uint32_t gr_before[16];
        memcpy(gr_before, c->gr, sizeof gr_before);
        c->branched = false;
        per_instruction_fetch(c, ia);
        run_handler(c, &inst);
        per_end_instruction(c, gr_before, ia);
    } else {
        run_handler(c, &inst);
    }
    c->interruptions_in_a_row = 0;
}

/* ---- the decoded-instruction loop --------------------------------------------------------------- */

/* The handlers of the instructions the decoded loop runs in line, for step() and EXECUTE. */
#define INLINE_HANDLER(name, length, kind)                                                                     \
    void op_##name(struct cpu *c, const struct insn *inst)                                                     \
    {                                                                                                          \
        do_##name(c, inst);                                                                                    \
    }
INLINE_OPS(INLINE_HANDLER)
#undef INLINE_HANDLER

/*
 * The decoded-instruction cache: DECODED_SLOTS slots, each the entries of one 2K block of main
 * storage (cpu.decoded_tags), an entry per halfword, the block of absolute address A in slot
 * (A / 2K) mod DECODED_SLOTS.  Keyed by main storage, not by logical address, so translation,
 * prefixing and address spaces never make an entry wrong: the instruction block cache finds the
 * block, as it does for step().  An entry is not compared with storage before it runs: a store into
 * its halfwords invalidates it (the code marks, codemarks.c), this CPU's own at once - the very next
 * instruction included -, anyone else's at this CPU's next branch.  The entry of the next
 * instruction in a block is the entry after this one's halfwords.  Entries for the last 8 bytes of
 * a block are never decoded (their instructions may reach into the next block), so the loop leaves a
 * block through them.
 */
/* Where the loop runs each kind of entry (enum decoded_run): the addresses of its labels, which only
   the loop itself can take (run_decoded called with no CPU fills this in, once). */
const void *decoded_labels[RUN_KINDS];

/* The cache starts with no slot holding a block (run_decoded fills the entries of a slot it takes). */
static void decoded_cache_create(struct cpu *c)
{
    c->decoded = calloc((size_t)DECODED_SLOTS * ENTRIES_PER_BLOCK, sizeof *c->decoded);
}

/* The entries of the slot for a block of main storage; the slot is emptied and given to the block
   when it holds another. */
static struct decoded_entry *decoded_slot(struct cpu *c, const uint8_t *block)
{
    unsigned slot = (unsigned)((block - c->m->storage) >> 11) % DECODED_SLOTS;
    struct decoded_entry *entries = &c->decoded[slot * ENTRIES_PER_BLOCK];
    if (c->decoded_tags[slot] != block) {
        for (unsigned i = 0; i < ENTRIES_PER_BLOCK; i++)
            entries[i].run = decoded_labels[RUN_DECODE];
        c->decoded_tags[slot] = block;
        traces_slot_emptied(c, slot);
    }
    return entries;
}

/* A store from outside this CPU into instructions it decoded: no slot holds a block any more. */
static void decoded_forget_all_if_stale(struct cpu *c)
{
    if (!atomic_load_explicit(&c->decoded_stale, memory_order_acquire))
        return;
    atomic_store_explicit(&c->decoded_stale, false, memory_order_relaxed);
    memset(c->decoded_tags, 0, sizeof c->decoded_tags);
}

void decoded_forget(struct cpu *c, uint32_t absolute)
{
    unsigned slot = (absolute >> 11) % DECODED_SLOTS;
    if (!c->decoded || c->decoded_tags[slot] != c->m->storage + (absolute & ~0x7FFu))
        return;
    struct decoded_entry *entries = &c->decoded[slot * ENTRIES_PER_BLOCK];
    /* the instructions that may cover the halfword start there or one or two halfwords before */
    unsigned halfword = (absolute & 0x7FF) >> 1;
    for (unsigned back = 0; back < 3 && back <= halfword; back++)
        entries[halfword - back].run = decoded_labels[RUN_DECODE];
    traces_forget(c, slot, halfword);
}

/* Mark the halfwords of an instruction of `length` bytes (marks: its first halfword's), before its
   bytes are read: the full fence orders the marks before the reads, for a store from another thread
   (codemarks.c). */
static void mark_instruction(uint8_t *marks, uint8_t *line_flag, unsigned length)
{
    __atomic_store_n(line_flag, 1, __ATOMIC_RELAXED);
    for (unsigned i = 0; i < length / 2; i++)
        __atomic_store_n(&marks[i], 1, __ATOMIC_RELAXED);
    atomic_thread_fence(memory_order_seq_cst);
}

/* The instruction is read after its halfwords are marked; should its first byte have changed in
   between (another thread's store), the marks are made again for what was read. */
bool decode_marked(const struct decoded_block *b, uint32_t offset, struct insn *inst, uint8_t *opcode)
{
    uint8_t bytes[6];
    unsigned marked;
    do {
        if (offset > 0x800 - 8 || run_of[b->host[offset]] == RUN_STEPPED)
            return false;
        marked = (unsigned)s370_instruction_length(b->host[offset]);
        mark_instruction(b->marks + offset / 2, b->lines + (offset >> CODE_LINE_SHIFT), marked);
        memcpy(bytes, b->host + offset, sizeof bytes);
    } while ((unsigned)s370_instruction_length(bytes[0]) > marked);
    if (run_of[bytes[0]] == RUN_STEPPED)
        return false;
    decode_instruction(inst, bytes);
    *opcode = bytes[0];
    return true;
}

/* The decoded loop does not keep the PSW's address and the ILC up to date in the cpu struct: for the
   instruction it was running, they follow from its entry's place in the block and its length. */
static void decoded_instruction_unwinds(struct cpu *c)
{
    uint32_t address = c->decoded_base + 2 * (uint32_t)(c->decoded_at - c->decoded_block);
    uint8_t length = c->decoded_at->insn.length;
    c->psw.ia = (address + length) & 0xFFFFFF;
    c->ilc = length / 2;
    c->decoded_at = NULL;
}

/* An entry's run kind: the run_of kind, with the instruction's length for a called one. */
static enum decoded_run entry_run(enum decoded_run kind, unsigned length)
{
    if (kind == RUN_CALL || kind == RUN_CALL_SEQUENTIAL)
        return kind + length / 2;
    return kind;
}

/* Instructions the decoded loop may run after its last look at the pending word and the limit: it
   looks at every branch taken, and running straight on it leaves the 2K block within 1024. */
#define DECODED_RUN_MARGIN 1024

/*
 * Run instructions from the 2K block the instruction block cache holds for the PSW's address while
 * nothing needs the general loop.  Returns true when it stopped, at a branch taken, for the general
 * loop's checks: the limit is reached, the pending word has changed from `seen` (which needed no
 * attention), or the context changed (as it does when debugging starts); false when the next
 * instruction is for step(): in another block (or in the last 8 bytes of this one), or one the loop
 * does not run.
 * Another CPU's changes to the context and pending word are therefore seen at this CPU's next branch,
 * at most 1024 instructions later.  The caller has checked everything else step() does: a valid PSW,
 * an even address, PER off, nobody debugging.
 *
 * The instruction address lives in `d` (its entry in the block's): the PSW's address and the ILC are
 * set only before the instructions that use them (branches, the called handlers) and when the loop
 * returns; an instruction run in line that may raise a program interruption notes its entry in
 * cpu.decoded_at, from which program_check sets them.  The count is kept exact.  Called with no CPU,
 * it only fills in decoded_labels.
 */
/* GCC would otherwise merge the copies of DISPATCH that end the instructions (clang keeps them).
   GCC also gives the entry pointer d one register in the instructions and another in the copies of
   DISPATCH (it allocates registers while the copies are still one), and moves it across: two host
   instructions at every guest one.  Pinning d to a callee-saved register (a placement only: the C
   meaning is unchanged) and advancing it in place (KEEP_IN_REGISTER) leaves the add and the jump. */
#if defined(__GNUC__) && !defined(__clang__)
#define KEEP_DISPATCH_COPIES __attribute__((optimize("no-crossjumping")))
#else
#define KEEP_DISPATCH_COPIES
#endif
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define ENTRY_REGISTER __asm__("r13")
#else
#define ENTRY_REGISTER
#endif
KEEP_DISPATCH_COPIES static bool run_decoded(struct cpu *c, uint64_t limit, uint32_t seen)
{
    static void *const run_label[RUN_KINDS] = {
        [RUN_DECODE] = &&decode,
        [RUN_STEPPED] = &&leave_for_step, /* never an entry's */
        [RUN_TRACE] = &&run_trace,
        [RUN_CALL] = &&leave_for_step,    /* never an entry's */
        [RUN_CALL_2] = &&call_2,
        [RUN_CALL_4] = &&call_4,
        [RUN_CALL_6] = &&call_6,
        [RUN_CALL_SEQUENTIAL] = &&leave_for_step, /* never an entry's */
        [RUN_CALL_SEQUENTIAL_2] = &&call_sequential_2,
        [RUN_CALL_SEQUENTIAL_4] = &&call_sequential_4,
        [RUN_CALL_SEQUENTIAL_6] = &&call_sequential_6,
#define RUN_LABEL(name, length, kind) [RUN_##name] = &&run_##name,
        INLINE_OPS(RUN_LABEL)
#undef RUN_LABEL
    };
    if (!c) {
        memcpy(decoded_labels, run_label, sizeof decoded_labels);
        return false;
    }
    const uint64_t context = c->synced_context;
    const uint32_t base = c->instruction_block.base;
    const uint8_t *const block = c->instruction_block.host;
    decoded_forget_all_if_stale(c);
    if (c->traces && !machine_translation(c->m))
        traces_free(c);
    struct decoded_entry *const block_entries = decoded_slot(c, block);
    const struct decoded_block blk = {
        .entries = block_entries,
        .host = block,
        .marks = c->m->code_marks + ((block - c->m->storage) >> 1),
        .lines = c->m->code_lines + ((block - c->m->storage) >> CODE_LINE_SHIFT),
        .base = base,
    };
    register struct decoded_entry *d ENTRY_REGISTER = block_entries + ((c->psw.ia - base) >> 1);
    uint32_t offset;
    uint8_t opcode;
    c->in_execute = false;
    c->decoded_block = block_entries;
    c->decoded_base = base;
    c->trace_limit = limit;
    c->trace_seen = seen;

/* x is in its register here (an empty asm that may change it) */
#define KEEP_IN_REGISTER(x) __asm__("" : "+r"(x))
/* The offset in the block of d's instruction, and its address. */
#define OFFSET ((uint32_t)(d - block_entries) * 2)
#define ADDRESS (base + OFFSET)
/* On to the entry for the next instruction: each instruction has its own copy of this, so that the
   host predicts each indirect jump from the instruction before. */
#define DISPATCH goto *d->run
/* Come to d by a taken branch (or into the loop): once it is hot, the run from there is translated.
   Heat counts only while translation is on, so a loop that ran while it was off is translated too
   once it is on again; a run that could not be translated is not tried again. */
#define ARRIVE                                                                                                 \
    if (d->run != run_label[RUN_TRACE] && machine_translation(c->m) && ++d->heat == TRACE_HEAT)                \
        trace_make(c, &blk, d);                                                                                \
    DISPATCH
    ARRIVE;

decode:
    if (!decode_marked(&blk, OFFSET, &d->insn, &opcode))
        goto leave_for_step;
    d->run = run_label[entry_run(run_of[opcode], d->insn.length)];
    d->heat = 0;
    DISPATCH;

/* The translated code runs on to the entry it returns, or has taken a branch. */
run_trace:
    d = (struct decoded_entry *)d->trace(c);
    if (!d)
        goto branched;
    DISPATCH;

/* Each instruction: counted, the PSW's address and ILC set for those that look at them, the body (in
   line or the handler), then on to the next; the length is a constant in each copy. */
#define BEGIN_SEQUENTIAL(length)                                                                               \
    c->decoded_at = d;                                                                                         \
    c->instructions++
#define BEGIN_UNEXCEPTIONAL(length) c->instructions++
#define BEGIN_BRANCHING(length)                                                                                \
    const uint32_t next_##length = ADDRESS + (length);                                                         \
    c->psw.ia = next_##length;                                                                                 \
    c->ilc = (length) / 2;                                                                                     \
    c->instructions++
#define SEQUENTIAL(length)                                                                                     \
    d += (length) / 2;                                                                                         \
    KEEP_IN_REGISTER(d);                                                                                       \
    DISPATCH
#define UNEXCEPTIONAL(length) SEQUENTIAL(length)
#define BRANCHING(length)                                                                                      \
    if (c->psw.ia != next_##length)                                                                            \
        goto branched;                                                                                         \
    SEQUENTIAL(length)
#define RUN_INLINE(name, length, kind)                                                                         \
    run_##name : {                                                                                             \
        BEGIN_##kind(length);                                                                                  \
        do_##name(c, &d->insn);                                                                                \
        kind(length);                                                                                          \
    }
    INLINE_OPS(RUN_INLINE)
#define CALL_HANDLER(length)                                                                                   \
    call_##length : {                                                                                          \
        c->decoded_at = NULL;                                                                                  \
        BEGIN_BRANCHING(length);                                                                               \
        run_handler(c, &d->insn);                                                                              \
        BRANCHING(length);                                                                                     \
    }
    CALL_HANDLER(2)
    CALL_HANDLER(4)
    CALL_HANDLER(6)
#define CALL_SEQUENTIAL_HANDLER(length)                                                                        \
    call_sequential_##length : {                                                                               \
        BEGIN_SEQUENTIAL(length);                                                                              \
        run_handler(c, &d->insn);                                                                              \
        SEQUENTIAL(length);                                                                                    \
    }
    CALL_SEQUENTIAL_HANDLER(2)
    CALL_SEQUENTIAL_HANDLER(4)
    CALL_SEQUENTIAL_HANDLER(6)
#undef CALL_SEQUENTIAL_HANDLER
#undef CALL_HANDLER
#undef RUN_INLINE
#undef BRANCHING
#undef UNEXCEPTIONAL
#undef SEQUENTIAL
#undef BEGIN_BRANCHING
#undef BEGIN_UNEXCEPTIONAL
#undef BEGIN_SEQUENTIAL

branched:
    offset = c->psw.ia - base;
    if (c->instructions >= limit || atomic_load_explicit(&c->pending, memory_order_relaxed) != seen ||
        atomic_load_explicit(&c->context, memory_order_relaxed) != context) {
        c->decoded_at = NULL;
        return true;
    }
    if (offset > 0x800 - 8 || (offset & 1)) {
        c->decoded_at = NULL;
        return false;
    }
    d = block_entries + (offset >> 1);
    ARRIVE;

leave_for_step:
    c->decoded_at = NULL;
    c->psw.ia = base + OFFSET;
    return false;
#undef ARRIVE
#undef DISPATCH
#undef KEEP_IN_REGISTER
#undef OFFSET
#undef ADDRESS
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

/* Whether the decoded loop may run the instruction at the PSW's address: the general loop's checks
   are done, the instruction block cache holds its block, nothing needs the care of step(), and the
   limit is far enough away. */
static bool decoded_loop_allowed(const struct cpu *c, uint64_t end)
{
    return c->decoded && !c->psw.invalid && !per_active(c) && !debug_watching(c) &&
           end - c->instructions > DECODED_RUN_MARGIN &&
           block_cache_hit(c, &c->instruction_block, c->psw.ia, c->psw.key);
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
        /* the operand fast path counts on this (struct block_cache); the decoded loop and the loop
           below come back here when the context changes */
        block_caches_sync(c);
        if (debug_watching(c) && debug_stop_before_instruction(c))
            continue; /* stopped before it: the state is looked at again */
        if (decoded_loop_allowed(c, end)) {
            uint64_t limit = end - DECODED_RUN_MARGIN < c->next_timer_poll ? end - DECODED_RUN_MARGIN
                                                                           : c->next_timer_poll;
            if (run_decoded(c, limit, seen))
                continue;
        }
        /* Everything above holds for the next instruction too while nothing is pending, the
           checkpoint is not reached, nobody is debugging and the context is the same: the state and
           the wait bit change only with a PSW load or a reset, and both change the context. */
        do
            step(c);
        while (atomic_load_explicit(&c->context, memory_order_relaxed) == c->synced_context &&
               !atomic_load_explicit(&c->pending, memory_order_relaxed) &&
               c->instructions < checkpoint && !debug_watching(c) && !decoded_loop_allowed(c, end));
    }
}

/* Take the program interruption; but when new PSWs keep causing interruptions with no instruction
   completing (an invalid program new PSW), the machine would loop forever: enter the check-stop state
   instead, as a real CPU's interruption-loop detection would.  Returns false for the check stop. */
#define INTERRUPTION_LOOP_LIMIT 256
static bool take_program_interruption_or_check_stop(struct cpu *c)
{
    /* the decoded loop does not clear the run at every instruction: one completed since the last
       interruption shows in the count (which includes the one interrupted) */
    if (c->instructions - c->instructions_at_interruption > 1)
        c->interruptions_in_a_row = 0;
    c->instructions_at_interruption = c->instructions;
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
    if (!c->decoded)
        decoded_cache_create(c);
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
