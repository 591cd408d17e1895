/*
 * cpu_int.h - the CPU's internal model, shared by the files of cpu370/: the machine and CPU structs,
 * instruction field decoding, effective addresses, storage access with protection, prefixing and
 * DAT, condition codes, and raising program interruptions.  Instruction handlers include only this.
 *
 * Program interruptions unwind: program_check() longjmps back to the instruction loop (run.c), which
 * stores the old PSW and loads the new one.  A handler therefore checks everything that can make the
 * instruction suppressed or nullified before it changes any state.
 */
#ifndef S370_CPU_INT_H
#define S370_CPU_INT_H

#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdnoreturn.h>
#include <string.h>

#include "cpu370/cpu.h"
#include "cpu370/opcodes.h"

/* For the few helpers on the paths every instruction or every TLB miss takes, where a call would cost
   as much as the work (or the caller's constants must fold into them). */
#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* ---- fixed storage locations (real addresses, GA22-7000 "Assigned storage locations") ---------- */
enum {
    LOC_RESTART_NEW = 0x00,
    LOC_RESTART_OLD = 0x08,
    LOC_EXTERNAL_OLD = 0x18,
    LOC_SVC_OLD = 0x20,
    LOC_PROGRAM_OLD = 0x28,
    LOC_MCHECK_OLD = 0x30,
    LOC_IO_OLD = 0x38,
    LOC_CSW = 0x40,
    LOC_CAW = 0x48,
    LOC_INTERVAL_TIMER = 0x50,
    LOC_EXTERNAL_NEW = 0x58,
    LOC_SVC_NEW = 0x60,
    LOC_PROGRAM_NEW = 0x68,
    LOC_MCHECK_NEW = 0x70,
    LOC_IO_NEW = 0x78,
    LOC_EXT_CPU_ADDRESS = 0x84, /* EC mode external interruption: CPU address (2 bytes) */
    LOC_EXT_CODE = 0x86,        /* EC mode external interruption code */
    LOC_SVC_ILC = 0x89,         /* EC mode SVC: ILC in bits 5-6 */
    LOC_SVC_CODE = 0x8A,
    LOC_PGM_ILC = 0x8D,         /* EC mode program: ILC in bits 5-6 */
    LOC_PGM_CODE = 0x8E,
    LOC_TRANS_EXC_ADDR = 0x90,  /* translation-exception address */
    LOC_MONITOR_CLASS = 0x95,
    LOC_PER_CODE = 0x96,
    LOC_PER_ADDRESS = 0x98,
    LOC_MONITOR_CODE = 0x9C,
    LOC_SERVICE_PARAMETER = 0x80, /* service-signal external interruption parameter */
    LOC_IO_ADDRESS = 0xBA,      /* EC mode I/O interruption: device address */
    LOC_MCHECK_CODE = 0xE8,     /* machine-check interruption code (8 bytes) */
    /* store status save areas */
    LOC_SS_CPU_TIMER = 0xD8,
    LOC_SS_CLOCK_COMP = 0xE0,
    LOC_SS_PSW = 0x100,
    LOC_SS_PREFIX = 0x108,
    LOC_SS_FPR = 0x160,
    LOC_SS_GPR = 0x180,
    LOC_SS_CR = 0x1C0,
};

/* Control register 0 bits (bit n of the register is 1u << (31 - n)). */
#define CR_BIT(n) (1u << (31 - (n)))
enum {
    CR0_SSM_SUPPRESS = CR_BIT(1),
    CR0_LOW_ADDRESS_PROTECTION = CR_BIT(3),
    CR0_MALFUNCTION_ALERT = CR_BIT(16),
    CR0_EMERGENCY_SIGNAL = CR_BIT(17),
    CR0_EXTERNAL_CALL = CR_BIT(18),
    CR0_CLOCK_COMPARATOR = CR_BIT(20),
    CR0_CPU_TIMER = CR_BIT(21),
    CR0_SERVICE_SIGNAL = CR_BIT(22),
    CR0_INTERVAL_TIMER = CR_BIT(24),
    CR0_INTERRUPT_KEY = CR_BIT(25),
    CR0_EXTERNAL_SIGNAL = CR_BIT(26),
};

/* Pending-interruption bits (cpu.pending): set by any thread, read at instruction boundaries. */
enum {
    PEND_RESTART = 1u << 0,
    PEND_STOP = 1u << 1,
    PEND_INTERRUPT_KEY = 1u << 2,
    PEND_INTERVAL_TIMER = 1u << 3,
    PEND_CLOCK_COMPARATOR = 1u << 4,
    PEND_CPU_TIMER = 1u << 5,
    PEND_EXTERNAL_CALL = 1u << 6,
    PEND_EMERGENCY_SIGNAL = 1u << 7,
    PEND_SERVICE_SIGNAL = 1u << 8,
    PEND_MALFUNCTION_ALERT = 1u << 9,
    PEND_IO = 1u << 10,         /* the channel subsystem may have an interruption: ask it */
    PEND_TIMER_POLL = 1u << 11, /* look at the host clock now */
    PEND_START = 1u << 12,
    PEND_STORE_STATUS = 1u << 13,
    PEND_RESET = 1u << 14,      /* SIGP CPU reset / initial CPU reset */
    PEND_INITIAL_RESET = 1u << 15,
    PEND_MACHINE_CHECK = 1u << 16,
};

/* Control register 14: the check-stop control for exigent machine checks. */
#define CR14_CHECK_STOP_CONTROL CR_BIT(0)

/* How storage is being accessed, for protection, reference/change bits and PER. */
enum access {
    ACCESS_FETCH,
    ACCESS_STORE,
    ACCESS_INSTRUCTION,
};

/* One TLB entry: a virtual page (with the address-space identity that built it) to a frame.  The
   frame's address is absolute: prefixing is applied when the entry is made, as every change of the
   prefix purges the TLB. */
struct tlb_entry {
    uint32_t vpage;      /* virtual address >> 11 (2K units) */
    uint32_t absolute;   /* absolute address of the 2K unit */
    uint32_t generation; /* valid while equal to cpu.tlb_generation */
};
#define TLB_SIZE 256

/* Slots of the decoded-instruction cache (struct cpu.decoded): blocks of 2K of instructions it holds. */
#define DECODED_SLOTS 64

/*
 * The same-page fast path: one 2K block of logical storage that translate() has accepted for one kind
 * of access with one key, remembered with everything that acceptance depended on.  While the key and
 * the CPU's context are the same (cpu.context, bumped by every PSW load and system-mask change - the
 * DAT state -, every TLB purge - PTLB, loads of CR0/CR1 (DAT format, low-address protection), SPX,
 * resets - and, on every CPU, by any change to a storage key that is not the setting of a reference or
 * change bit and by the replacing of storage), another access to the block passes every check it
 * passed then, and its reference (and, for stores, change) bit is already on: the access is a compare
 * and a load.  PER is not covered: stores with PER active go the long way.  The PSW key changes only
 * with the context (a PSW load, or SPKA, which bumps it).
 *
 * The inline operand accesses (cached_operand) compare only the address: the CPU's own thread empties
 * the caches whose context is not the current one at its instruction boundaries outside the decoded
 * loop (block_caches_sync), and the loop leaves at its next branch when the context changes.  Other
 * CPUs' changes to storage keys (which bump this CPU's context) therefore take effect here within
 * the 1,024 instructions the loop may run between branches, as interruptions they make pending do;
 * this CPU's own changes (PSW loads, SSM, SPKA, LCTL, PTLB, SPX, SSK) are made by instructions the
 * loop leaves to step(), which access no operand after the change.
 */
#define BLOCK_CACHE_EMPTY 0xFF000000u /* a base no 24-bit address is within 2K of */
struct block_cache {
    uint32_t base;    /* logical address of the block (a multiple of 2K); BLOCK_CACHE_EMPTY: none */
    uint8_t key;
    uint64_t context; /* cpu.context when filled; 0 (never a CPU's, as creation resets): empty */
    uint8_t *host;    /* the block in m->storage */
    uint8_t *marks;   /* its halfwords' code marks (machine.code_marks) */
};

struct cpu;
/* A TLB miss (dat.c), in the translation format CR0 names and for the prefix, chosen whenever the TLB
   is purged (as every change of CR0 or the prefix does): the walk, the TLB entry made, the absolute
   address returned; or the translation exception. */
typedef uint32_t dat_miss_fn(struct cpu *c, uint32_t virtual_address);

struct cpu {
    struct machine *m;
    int index;
    struct psw psw;
    uint32_t gr[17]; /* gr[16] is always zero: the "no register" of decoded base and index fields */
    uint64_t fpr[4]; /* floating-point registers 0, 2, 4, 6 */
    uint32_t cr[16];
    uint32_t prefix;
    enum cpu_state state;
    _Atomic uint32_t pending;
    uint64_t instructions;

    /* the instruction being executed */
    uint8_t ilc;         /* its length in halfwords (1-3); 2 while executing the target of EX */
    bool in_execute;     /* executing the target of EX */
    bool branched;       /* a successful branch happened (PER) */
    jmp_buf program_jmp; /* where program_check unwinds to */
    int program_code;
    unsigned interruptions_in_a_row; /* program interruptions with no instruction completed between */
    uint64_t instructions_at_interruption; /* the count at the last program interruption */

    /* exception details stored with the program interruption */
    uint32_t translation_address;
    uint16_t monitor_class;
    uint32_t monitor_code;
    uint16_t per_code;
    uint32_t per_address;

    /* DAT */
    struct tlb_entry tlb[TLB_SIZE];
    uint32_t tlb_generation; /* PTLB and changes to CR0/CR1 purge by bumping it */
    dat_miss_fn *dat_miss;   /* set by dat_purge_tlb */

    /* the decoded-instruction cache (run.c), allocated when the CPU first runs: DECODED_SLOTS slots of
       the 1,024 entries of a 2K block, each slot holding the block of main storage its tag points at
       (NULL: none) */
    struct decoded_entry *decoded;
    const uint8_t *decoded_tags[DECODED_SLOTS];
    /* set by a store from outside this CPU into instructions it may have decoded (codemarks.c): the
       slots are emptied before the loop next runs */
    _Atomic bool decoded_stale;
    /* While the decoded loop runs an instruction that may raise a program interruption: its entry, in
       the entries of the 2K block at logical address decoded_base; NULL otherwise.  The loop keeps
       the PSW's address and the ILC only in its registers; program_check recovers them from these.
       (The instruction count is exact all the time.) */
    const struct decoded_entry *decoded_at;
    const struct decoded_entry *decoded_block;
    uint32_t decoded_base;
    /* the traces translated from the decoded cache (traces.c): NULL until the first; trace_broken is
       set when one is dropped, for the translated code running (translate.c) to stop after the store
       that dropped it */
    struct trace_table *traces;
    bool trace_broken;
    uint64_t traces_made;
    /* the decoded loop's limit and the pending word it found needing no attention: translated code
       goes on from a taken branch into the next trace only while both hold, as the loop does */
    uint64_t trace_limit;
    uint32_t trace_seen;

    /* the same-page fast path (storage.c): instruction fetch, operand fetch, operand store */
    struct block_cache instruction_block, fetch_block, store_block;
    /* what the block caches depend on (cpu_context_changed); other CPUs bump it too (storage keys),
       and 64 bits never wrap */
    _Atomic uint64_t context;
    uint64_t synced_context; /* the context block_caches_sync last emptied the caches for */

    /* timers: host-time bookkeeping (see timer.c) */
    int64_t cpu_timer_deadline;  /* TOD value at which the CPU timer reaches zero */
    uint64_t clock_comparator;
    uint64_t interval_timer_last; /* TOD at the last interval-timer update */
    uint64_t next_timer_poll;     /* instruction count at the next look at the host clock */

    /* multiprocessing: signalling CPUs (bit n for CPU n) and thread */
    _Atomic uint32_t emergency_from;
    _Atomic int external_call_from;
    uint32_t sigp_status; /* status bits reported by SIGP sense */

    /* interruptions a host raises: their parameters, written before the pending bit is set */
    _Atomic uint32_t service_parameter;
    _Atomic uint64_t machine_check_code;
    _Atomic bool machine_check_exigent;
    pthread_t thread;
    bool thread_running;

    /* the operator's debugging controls (debug.c): the loop looks at `debugging` before each
       instruction; the settings change under debug_lock */
    atomic_bool debugging;
    atomic_flag debug_lock;
    struct cpu_debug debug;
    bool debug_resume;             /* stopped by a step or breakpoint: run the next instruction */
    uint32_t debug_resume_address; /* ... when it is still the one stopped before */
};

/* Main storage is allocated this much longer than it is: an instruction fetched at the end of
   storage is taken apart 8 bytes at a time.  The code marks have as much past their end, for the
   8-byte loads that test them (code_marked). */
#define STORAGE_PADDING 8

struct machine {
    uint8_t *storage;
    uint8_t *keys;       /* one per 2K block */
    uint8_t *code_marks; /* one per halfword: nonzero while a decoded cache may hold it (codemarks.c) */
    uint8_t *code_lines; /* one per 256 bytes: nonzero once any of its halfwords was marked */
    uint32_t size;
    int ncpus;
    struct cpu *cpus[S370_MAX_CPUS];
    struct machine_config config;
    const struct io_ops *io;
    void *io_ctx;
    diagnose_hook diagnose;
    void *diagnose_ctx;
    /* TOD clock: host microseconds + offset, made unique per STCK */
    int64_t tod_offset;
    _Atomic uint64_t tod_last;
    /* threads: wake-ups for waiting CPUs, and the idle condition for machine_wait_idle */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool halting;
    bool translate; /* hot runs of instructions are translated to host code (traces.c) */
};

/* ---- decoded instructions ---------------------------------------------------------------------- */

/*
 * An instruction decoded once (run.c, decode_instruction): its handler and every operand field,
 * so that handlers never take instruction bytes apart.  A base or index field of 0 is stored as 16,
 * the index of cpu.gr[16], which is always zero: an operand address is two loads and two adds with
 * no test.  Field names follow the bytes, not the operand numbers of each format: base1/disp1 are
 * bits 16-31 (RX's D2(X2,B2), RS's and S's D2(B2), SI's and SS's D1(B1)), base2/disp2 bits 32-47 (SS's
 * D2(B2)).  16 bytes: with the 8 the decoded-instruction cache (run.c) adds, an entry is 24.  disp1,
 * the displacement nearly every operand address adds, is a whole word: one host addition from memory.
 */
struct insn;
typedef void insn_handler(struct cpu *c, const struct insn *inst);
struct insn {
    uint16_t handler; /* index in run.c's table of handlers */
    uint8_t length;   /* in bytes: 2, 4 or 6 */
    uint8_t imm;      /* bits 8-15 whole: SI's I2, SS's L or L1 L2, SVC's I */
    uint8_t r1, r2;   /* bits 8-11 and 12-15: R1 (M1, L1) and R2 (X2, R3, M3, L2) as 0-15 */
    uint8_t x2;       /* bits 12-15 as an index register: 16 for none */
    uint8_t base1;    /* bits 16-19 as a base register: 16 for none */
    uint32_t disp1;   /* bits 20-31 */
    uint8_t base2;    /* bits 32-35 as a base register: 16 for none */
    uint16_t disp2;   /* bits 36-47 */
};

/* Decode the instruction whose bytes (as many as its length) are at bytes[0..5]. */
void decode_instruction(struct insn *d, const uint8_t *bytes);

static inline unsigned field_r1(const struct insn *i)
{
    return i->r1;
}

static inline unsigned field_r2(const struct insn *i)
{
    return i->r2;
}

/* RX second-operand address D2(X2,B2). */
static inline uint32_t address_rx(const struct cpu *c, const struct insn *i)
{
    return (c->gr[i->x2] + c->gr[i->base1] + i->disp1) & 0xFFFFFF;
}

/* RS, SI and S operand address (bytes 2-3), SS first and second operand addresses. */
static inline uint32_t address_b2d2(const struct cpu *c, const struct insn *i)
{
    return (c->gr[i->base1] + i->disp1) & 0xFFFFFF;
}

static inline uint32_t address_ss2(const struct cpu *c, const struct insn *i)
{
    return (c->gr[i->base2] + i->disp2) & 0xFFFFFF;
}

/* ---- big-endian helpers ------------------------------------------------------------------------- */

static inline uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t be64(const uint8_t *p)
{
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static inline void put_be16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline void put_be64(uint8_t *p, uint64_t v)
{
    put_be32(p, (uint32_t)(v >> 32));
    put_be32(p + 4, (uint32_t)v);
}

/* ---- program interruptions ---------------------------------------------------------------------- */

/* Raise a program interruption for the current instruction: never returns (unwinds to run.c). */
noreturn void program_check(struct cpu *c, int code);

/* Privileged operation: problem state raises a privileged-operation exception. */
static inline void require_supervisor(struct cpu *c)
{
    if (c->psw.problem)
        program_check(c, PGM_PRIVILEGED);
}

/* ---- storage access (storage.c) ----------------------------------------------------------------- */

/*
 * Translate a logical address for an access of `length` bytes that does not cross a 2K boundary:
 * DAT if it is on, prefixing, addressing and protection checks with `key`, reference and change
 * bits.  Returns the absolute address.  Raises the program interruption on any exception.
 */
uint32_t translate(struct cpu *c, uint32_t address, enum access access, uint8_t key);
/* Real address (DAT already applied, or not in use) to absolute, by the prefix. */
static inline uint32_t real_to_absolute(const struct cpu *c, uint32_t real)
{
    uint32_t page = real & ~0xFFFu;
    if (page == 0)
        return real | c->prefix;
    if (page == c->prefix)
        return real & 0xFFF;
    return real;
}

/* Whole-operand access with the PSW key, handling boundary crossing, the long way (storage.c); the
   inline fetch1...store8 below try the same-page fast path first.  All raise program checks. */
uint8_t fetch1_slow(struct cpu *c, uint32_t address);
uint16_t fetch2_slow(struct cpu *c, uint32_t address);
uint32_t fetch4_slow(struct cpu *c, uint32_t address);
uint64_t fetch8_slow(struct cpu *c, uint32_t address);
void store1_slow(struct cpu *c, uint32_t address, uint8_t v);
void store2_slow(struct cpu *c, uint32_t address, uint16_t v);
void store4_slow(struct cpu *c, uint32_t address, uint32_t v);
void store8_slow(struct cpu *c, uint32_t address, uint64_t v);
/* Byte strings (up to 256 bytes for SS instructions; any length for the string instructions). */
void fetch_bytes(struct cpu *c, uint32_t address, uint8_t *buf, uint32_t length, uint8_t key);
void store_bytes(struct cpu *c, uint32_t address, const uint8_t *buf, uint32_t length, uint8_t key);
/* Check that every byte of an operand is accessible (before a multi-part instruction changes anything). */
void check_access(struct cpu *c, uint32_t address, uint32_t length, enum access access, uint8_t key);

/* The same-page fast path (struct block_cache): translate() for an access within one 2K block through
   a cache, returning a host pointer.  block_cache_hit is the inline compare; translate_block fills. */
static inline bool block_cache_hit(const struct cpu *c, const struct block_cache *b, uint32_t address,
                                   uint8_t key)
{
    return address - b->base < 0x800 && b->context == atomic_load_explicit(&c->context, memory_order_relaxed) &&
           b->key == key;
}
uint8_t *translate_block_slow(struct cpu *c, struct block_cache *b, uint32_t address, enum access access,
                              uint8_t key);
/* address is a 24-bit logical address; the access must not cross its 2K block */
static inline uint8_t *translate_block(struct cpu *c, struct block_cache *b, uint32_t address,
                                       enum access access, uint8_t key)
{
    if (block_cache_hit(c, b, address, key))
        return b->host + (address - b->base);
    return translate_block_slow(c, b, address, access, key);
}
/* Whether a fixed-size operand of `size` bytes is inside the 2K block cached in b (for the PSW key),
   and where it starts there.  One subtraction and compare checks both that the address is in the
   block and that the operand ends there (the context: see struct block_cache). */
static inline bool in_cached_block(const struct block_cache *b, uint32_t address, uint32_t size,
                                   uint32_t *offset)
{
    *offset = (address & 0xFFFFFF) - b->base;
    return *offset <= 0x800 - size;
}
/* The operand's host address, or NULL when the access has to go the long way. */
static inline uint8_t *cached_operand(const struct block_cache *b, uint32_t address, uint32_t size)
{
    uint32_t offset;
    return in_cached_block(b, address, size, &offset) ? b->host + offset : NULL;
}

/* ---- code marks (codemarks.c) ------------------------------------------------------------------ */

/*
 * The decoded-instruction cache (run.c) is not checked against storage before each use: whoever
 * stores into a halfword it may hold an instruction from says so instead.  machine.code_marks has a
 * byte per halfword of main storage, set (before the bytes are read) for each halfword of an
 * instruction a CPU decodes; a store that finds one set calls code_marks_hit, which makes the
 * caches decode those instructions again and clears the marks.  This CPU's stores test the marks of
 * exactly the bytes they store; stores from outside (channels, other CPUs, the operator) are told
 * through machine_storage_changed, and empty the CPUs' caches.
 */
void code_marks_hit(struct machine *m, struct cpu *by, uint32_t absolute, uint32_t length);
/* Whether any halfword of the length bytes at absolute (inside storage) is marked: the 256-byte
   lines are looked at first, so a long store where no instruction was ever decoded costs little. */
#define CODE_LINE_SHIFT 8
bool code_range_marked(const struct machine *m, uint32_t absolute, uint32_t length);
/* Every byte of storage may have changed (cleared, or storage replaced): no marks, and every CPU's
   decoded cache emptied before it runs again. */
void machine_storage_replaced(struct machine *m);
/* New storage, keys and marks (machine.c). */
bool storage_allocate(struct machine *m, uint32_t size);
/* CPU c's decoded cache decodes again the instructions that cover the halfword at absolute (run.c). */
void decoded_forget(struct cpu *c, uint32_t absolute);

/* Whether a store of up to 9 bytes at offset may touch a marked halfword, marks being those of
   offset 0.  9 bytes touch at most 5 halfwords: one 8-byte load (a neighbouring mark only sends the
   store the long way). */
#define SHORT_STORE 9
static inline bool code_marked_short(const uint8_t *marks, uint32_t offset)
{
    uint64_t word;
    memcpy(&word, marks + (offset >> 1), sizeof word);
    return word != 0;
}

/* The same for any length (1 or more): longer stores take 8 halfwords' marks a load. */
static inline bool code_marked(const uint8_t *marks, uint32_t offset, uint32_t length)
{
    if (length <= SHORT_STORE)
        return code_marked_short(marks, offset);
    for (uint32_t halfword = offset >> 1; halfword <= (offset + length - 1) >> 1; halfword += 8)
        if (code_marked_short(marks, halfword << 1))
            return true;
    return false;
}

/* This CPU is about to store (or has stored) length bytes (1 or more) at an absolute address. */
static inline void note_code_store(struct cpu *c, uint32_t absolute, uint32_t length)
{
    if (length <= SHORT_STORE ? code_marked_short(c->m->code_marks, absolute)
                              : code_range_marked(c->m, absolute, length))
        code_marks_hit(c->m, c, absolute, length);
}

/* The same for a store into block cache b at offset (at most 64 bytes: STM's). */
static inline void note_cached_store(struct cpu *c, const struct block_cache *b, uint32_t offset, uint32_t length)
{
    if (code_marked(b->marks, offset, length))
        code_marks_hit(c->m, c, (uint32_t)(b->host - c->m->storage) + offset, length);
}

/* Stores with PER active go the long way, where the event is recorded: the store cache is never
   filled while PER is active (storage.c), and emptied when it becomes active (a PSW load or system-
   mask change: the context changes), so a hit is a store PER does not watch.  The caller stores
   size bytes there. */
static inline uint8_t *cached_store_operand(struct cpu *c, uint32_t address, uint32_t size)
{
    uint32_t offset;
    if (!in_cached_block(&c->store_block, address, size, &offset))
        return NULL;
    note_cached_store(c, &c->store_block, offset, size);
    return c->store_block.host + offset;
}

/* The operand fetches and stores with the PSW key: the cache, else the long way. */
#define FETCH_INLINE(name, type, size, decode)                                                                 \
    static inline type name(struct cpu *c, uint32_t address)                                                   \
    {                                                                                                          \
        uint32_t offset;                                                                                       \
        if (in_cached_block(&c->fetch_block, address, size, &offset))                                          \
            return decode(c->fetch_block.host + offset);                                                       \
        return name##_slow(c, address);                                                                        \
    }
#define STORE_INLINE(name, type, size, encode)                                                                 \
    static inline void name(struct cpu *c, uint32_t address, type v)                                           \
    {                                                                                                          \
        uint32_t offset;                                                                                       \
        if (in_cached_block(&c->store_block, address, size, &offset)) {                                        \
            encode(c->store_block.host + offset, v);                                                           \
            note_cached_store(c, &c->store_block, offset, size);                                               \
        } else {                                                                                               \
            name##_slow(c, address, v);                                                                        \
        }                                                                                                      \
    }
static inline uint8_t byte_at(const uint8_t *p)
{
    return p[0];
}
static inline void put_byte(uint8_t *p, uint8_t v)
{
    p[0] = v;
}
FETCH_INLINE(fetch1, uint8_t, 1, byte_at)
FETCH_INLINE(fetch2, uint16_t, 2, be16)
FETCH_INLINE(fetch4, uint32_t, 4, be32)
FETCH_INLINE(fetch8, uint64_t, 8, be64)
STORE_INLINE(store1, uint8_t, 1, put_byte)
STORE_INLINE(store2, uint16_t, 2, put_be16)
STORE_INLINE(store4, uint32_t, 4, put_be32)
STORE_INLINE(store8, uint64_t, 8, put_be64)
#undef STORE_INLINE
#undef FETCH_INLINE

/* A storage key lost a bit or changed otherwise than by gaining reference/change bits, or storage was
   replaced: every CPU's block caches are stale (each CPU's context is bumped). */
void storage_keys_changed(struct machine *m);
/* Forget this CPU's block caches. */
void block_caches_clear(struct cpu *c);
/* On this CPU's thread, at an instruction boundary: empty the block caches filled for an older
   context (struct block_cache); cpu.synced_context is then the context they hold for. */
void block_caches_sync(struct cpu *c);
/* The PSW was loaded or its system mask changed (DAT on or off), or the TLB was purged (the segment
   and page tables, the prefix, low-address protection), or a storage key changed (storage.c,
   storage_keys_changed, on every CPU), or the debugging controls changed: no block cache holds any
   more.  Every such change calls this; the caches are emptied at the CPU's next boundary
   (block_caches_sync) and the decoded loop leaves at its next branch. */
static inline void cpu_context_changed(struct cpu *c)
{
    atomic_fetch_add_explicit(&c->context, 1, memory_order_relaxed);
}

/* Real and absolute storage, for the CPU's own use (PSW swaps, timers, store status). */
uint8_t *real_pointer(struct cpu *c, uint32_t real); /* caller keeps within the 4K page */
/* The same for a store of length bytes there, which the decoded caches are told of (code marks). */
uint8_t *real_store_pointer(struct cpu *c, uint32_t real, uint32_t length);
uint8_t *absolute_pointer(struct machine *m, uint32_t absolute);

/* Alignment: specification exception unless address is a multiple of n. */
static inline void require_alignment(struct cpu *c, uint32_t address, uint32_t n)
{
    if (address & (n - 1))
        program_check(c, PGM_SPECIFICATION);
}

/* Storage keys (2K blocks). */
enum { KEY_CHANGE = 0x02, KEY_REFERENCE = 0x04, KEY_FETCH_PROTECT = 0x08 };
static inline uint8_t *key_of(struct machine *m, uint32_t absolute)
{
    return &m->keys[absolute >> 11];
}

/* ---- PSW (psw.c) -------------------------------------------------------------------------------- */

void psw_pack(const struct psw *p, uint8_t out[8]);
void psw_unpack(const uint8_t in[8], struct psw *p);
/* Load a new PSW from real storage (interruptions, LPSW): validity is checked when it takes effect. */
void load_psw_from(struct cpu *c, uint32_t real);
/* True when DAT is on (EC mode, bit 5). */
static inline bool dat_on(const struct cpu *c)
{
    return c->psw.ec && (c->psw.sysmask & PSW_EC_DAT);
}

/* ---- interruptions (interrupt.c) ---------------------------------------------------------------- */

/* Swap PSWs: store the current PSW at old, load the one at new. */
void interrupt_swap(struct cpu *c, uint32_t old_psw, uint32_t new_psw);
void take_program_interrupt(struct cpu *c, int code);
void take_svc_interrupt(struct cpu *c, uint8_t number);
/* Take every pending interruption the PSW enables (external, I/O, restart), highest priority first.
   Returns true if one was taken. */
bool take_pending_interrupts(struct cpu *c);
/* Whether the pending word holds something to act on now: a request, or an interruption condition
   the PSW (and CR0) enable (run.c).  Interruptible instructions (MVCL, CLCL) stop for nothing else. */
bool cpu_needs_attention(const struct cpu *c, uint32_t pending);
/* Channels the PSW and CR2 enable for I/O interruptions, bit 15-n for channel n. */
uint16_t enabled_channels(const struct cpu *c);
/* The external conditions (PEND_* bits) whose CR0 subclass masks are on. */
uint32_t enabled_external_conditions(uint32_t cr0);
/* Whether an interruption could end a wait: the PSW enables external or I/O interruptions. */
bool psw_enabled_for_interrupts(const struct cpu *c);
void set_pending(struct cpu *c, uint32_t bits);
void wake_cpus(struct machine *m);

/* ---- condition code helpers --------------------------------------------------------------------- */

/* cc for a signed result: 0 zero, 1 negative, 2 positive. */
static inline uint8_t cc_signed(int32_t v)
{
    return v == 0 ? 0 : v < 0 ? 1 : 2;
}

/* The address of the instruction being executed (EXECUTE's when executing a target): the PSW's
   address, advanced as the instruction was fetched, less its length.  It holds until the instruction
   branches, and nothing asks for it after that. */
static inline uint32_t instruction_address(const struct cpu *c)
{
    return (c->psw.ia - 2u * c->ilc) & 0xFFFFFF;
}

/* A successful branch: set the instruction address and note it for PER. */
static inline void branch_to(struct cpu *c, uint32_t address)
{
    c->psw.ia = address & 0xFFFFFF;
    c->branched = true;
}

/* ---- instruction handlers ----------------------------------------------------------------------- */

/* Every instruction in opcodes.h has a handler op_MNEMONIC(cpu, decoded instruction). */
#define DECLARE_HANDLER(code, name, format, flags) insn_handler op_##name;
S370_OPCODES(DECLARE_HANDLER)
#undef DECLARE_HANDLER

/* ---- timers (timer.c) --------------------------------------------------------------------------- */

uint64_t tod_now(struct machine *m); /* current TOD clock value (bit 51 = 1 microsecond) */
/* Look at the host clock: update the interval timer and pend timer interruptions that are due. */
void timer_poll(struct cpu *c);
/* TOD value of the next timer event this CPU is enabled for, or UINT64_MAX. */
uint64_t timer_next_event(struct cpu *c);

/* ---- DAT (dat.c) -------------------------------------------------------------------------------- */

/* Translate a virtual address with the CPU's tables, without the TLB (for displays): returns the real
   address, or raises the translation exception.  Every access translates alike (no segment protection
   on this machine). */
uint32_t dat_translate(struct cpu *c, uint32_t virtual_address, enum access access);
/* LRA: 0 and the real address, or the condition code 1 (segment invalid), 2 (page invalid) or 3
   (table length).  A translation-specification exception is raised, not returned. */
int dat_lra(struct cpu *c, uint32_t virtual_address, uint32_t *real);
/* Purge the TLB (PTLB, loading CR0 or CR1, SPX, resets): a new generation, the table cleared when
   the generation counter wraps; and cpu.dat_miss chosen for CR0's format and the prefix. */
void dat_purge_tlb(struct cpu *c);

/* ---- PER (per.c) -------------------------------------------------------------------------------- */

/* PER is active: EC mode with PSW bit 1. */
static inline bool per_active(const struct cpu *c)
{
    return c->psw.ec && (c->psw.sysmask & PSW_EC_PER);
}
void per_storage_alteration(struct cpu *c, uint32_t address, uint32_t length);
/* At the end of an instruction: raise the PER program interruption for the events recorded. */
void per_end_instruction(struct cpu *c, const uint32_t *gr_before, uint32_t instruction_address);

/* ---- clocks and timers, signalling, resets (timer.c, sigp.c, machine.c) ---- */

void tod_init(struct machine *m); /* at creation: the TOD clock starts set, to the host's time of day */
void timer_reset(struct cpu *c);  /* initial CPU reset: CPU timer and clock comparator to zero */
void timer_stop(struct cpu *c);   /* the CPU leaves the operating state: its timers stand still */
void timer_start(struct cpu *c);  /* it enters the operating state again */
int64_t cpu_timer_value(struct cpu *c);
/* Requests another CPU or the operator makes of a CPU, handled at its next instruction boundary. */
#define PEND_REQUESTS (PEND_RESTART | PEND_STOP | PEND_START | PEND_STORE_STATUS | PEND_RESET | PEND_INITIAL_RESET)

/* ---- control instructions, DAT and PER (control.c, dat.c, per.c) ---- */

/* EC-mode PSW bits 0 and 2-4, which must be zero, as they sit in the system mask. */
enum { PSW_EC_UNASSIGNED_SYSMASK = 0xB8 };
/* PER instruction-fetching event: run.c calls this with PER active once an instruction (or EXECUTE's
   target) has been fetched. */
void per_instruction_fetch(struct cpu *c, uint32_t address);

/* ---- the operator's debugging controls (debug.c) ---- */

/* Trace, stepping or a breakpoint is on: the loop calls debug_stop_before_instruction. */
static inline bool debug_watching(const struct cpu *c)
{
    return atomic_load_explicit(&c->debugging, memory_order_relaxed);
}
/* Show the instruction the PSW designates if it is watched; true when the CPU has stopped before it
   (stepping, a breakpoint). */
bool debug_stop_before_instruction(struct cpu *c);
/* A program interruption is about to be taken (c->program_code, c->ilc): report it if asked to. */
void debug_program_interruption(struct cpu *c);

#endif
