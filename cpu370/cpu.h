/*
 * cpu.h - the System/370 CPU as a library: a machine (main storage, storage keys, the TOD clock, up to
 * four CPUs) and its CPUs (PSW, registers, control registers, timers, interruptions), with no globals,
 * so several machines can live in one process.  Everything follows GA22-7000, System/370 Principles
 * of Operation.
 *
 * Use: machine_create; load storage (machine_load or machine_storage); set a PSW or press restart;
 * cpu_run (on the calling thread) or machine_start (one host thread per CPU).  I/O instructions call
 * the channel subsystem through struct io_ops; DIAGNOSE calls a hook the host provides.
 */
#ifndef S370_CPU_H
#define S370_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define S370_MAX_CPUS 4
#define S370_MAX_STORAGE (16u << 20)

struct machine;
struct cpu;

/* The PSW, unpacked.  Both formats (BC and EC) map onto these fields; see psw.c. */
struct psw {
    uint8_t sysmask;  /* bits 0-7: BC channel masks 0-5, I/O mask for 6+, external; EC: PER, DAT, I/O, ext */
    uint8_t key;      /* bits 8-11 */
    bool ec;          /* bit 12: extended-control mode */
    bool mcheck;      /* bit 13: machine-check mask */
    bool wait;        /* bit 14 */
    bool problem;     /* bit 15 */
    uint16_t intcode; /* BC mode: interruption code in bits 16-31 */
    uint8_t ilc;      /* BC mode: instruction length code (bits 32-33), in halfwords 0-3 */
    uint8_t cc;       /* condition code */
    uint8_t progmask; /* 4-bit program mask: fixed overflow, decimal overflow, exponent underflow, significance */
    uint32_t ia;      /* 24-bit instruction address */
    uint32_t ec_reserved; /* EC mode: the bits that must be zero (0, 2-4, 16-17, 24-39) as loaded */
    bool invalid;     /* the PSW as loaded is invalid: specification exception when it takes effect */
};

/* PSW system-mask bits (bits 0-7), by mode. */
enum {
    PSW_EC_PER = 0x40, /* bit 1 */
    PSW_EC_DAT = 0x04, /* bit 5 */
    PSW_EC_IO = 0x02,  /* bit 6 */
    PSW_EXT = 0x01,    /* bit 7, both modes */
};

/* Program mask bits (PSW bits 36-39 BC / 20-23 EC). */
enum {
    PM_FIXED_OVERFLOW = 8,
    PM_DECIMAL_OVERFLOW = 4,
    PM_EXPONENT_UNDERFLOW = 2,
    PM_SIGNIFICANCE = 1,
};

/* Program interruption codes (GA22-7000, "Program interruption conditions"). */
enum program_code {
    PGM_OPERATION = 0x01,
    PGM_PRIVILEGED = 0x02,
    PGM_EXECUTE = 0x03,
    PGM_PROTECTION = 0x04,
    PGM_ADDRESSING = 0x05,
    PGM_SPECIFICATION = 0x06,
    PGM_DATA = 0x07,
    PGM_FIXED_OVERFLOW = 0x08,
    PGM_FIXED_DIVIDE = 0x09,
    PGM_DECIMAL_OVERFLOW = 0x0A,
    PGM_DECIMAL_DIVIDE = 0x0B,
    PGM_EXPONENT_OVERFLOW = 0x0C,
    PGM_EXPONENT_UNDERFLOW = 0x0D,
    PGM_SIGNIFICANCE = 0x0E,
    PGM_FP_DIVIDE = 0x0F,
    PGM_SEGMENT_TRANSLATION = 0x10,
    PGM_PAGE_TRANSLATION = 0x11,
    PGM_TRANSLATION_SPEC = 0x12,
    PGM_SPECIAL_OPERATION = 0x13,
    PGM_MONITOR_EVENT = 0x40,
    PGM_PER_EVENT = 0x80,
};

/* External interruption codes. */
enum external_code {
    EXT_INTERRUPT_KEY = 0x0040,
    EXT_INTERVAL_TIMER = 0x0080,
    EXT_CLOCK_COMPARATOR = 0x1004,
    EXT_CPU_TIMER = 0x1005,
    EXT_MALFUNCTION_ALERT = 0x1200,
    EXT_EMERGENCY_SIGNAL = 0x1201,
    EXT_EXTERNAL_CALL = 0x1202,
    EXT_SERVICE_SIGNAL = 0x2401,
};

enum cpu_state {
    CPU_STOPPED,
    CPU_OPERATING,
    CPU_CHECK_STOP,
};

/* Why cpu_run returned. */
enum cpu_stop_reason {
    STOP_LIMIT,          /* the instruction limit was reached */
    STOP_DISABLED_WAIT,  /* wait bit on with I/O, external (and machine-check) interruptions disabled */
    STOP_STOPPED,        /* the CPU was stopped (stop key, SIGP stop, cpu_stop) */
    STOP_CHECK_STOP,
    STOP_ENABLED_WAIT,   /* cpu_run only: an enabled wait with nothing that can end it within the run */
};

/*
 * The channel subsystem as the CPU sees it (implemented by channels/).  Each start/test/halt call
 * returns the condition code and may store a CSW at X'40' through the cpu_store_csw helper.
 * pending_io: if an I/O interruption is pending for a channel enabled by `channel_mask` (bit 15-n for
 * channel n, from the PSW and CR2), take it: fill in the device address and CSW and return true.
 */
enum io_instruction { IO_SIO, IO_SIOF, IO_RIO, IO_TIO, IO_CLRIO, IO_HIO, IO_HDV, IO_TCH, IO_CLRCH, IO_STIDC };
struct io_ops {
    int (*instruction)(void *ctx, struct cpu *c, enum io_instruction op, uint16_t address);
    bool (*pending_io)(void *ctx, struct cpu *c, uint16_t channel_mask, uint16_t *device, uint8_t csw[8]);
    void (*reset)(void *ctx); /* I/O system reset */
};

/* For the channel subsystem: whether I/O interruptions are queued.  While they are, CPUs enabled for
   I/O ask pending_io at their instruction boundaries; a waiting CPU is woken. */
void machine_signal_io(struct machine *m, bool pending);

/* DIAGNOSE: the host or a test serves it.  Returns false to make it a specification exception. */
typedef bool (*diagnose_hook)(void *ctx, struct cpu *c, unsigned r1, unsigned r3, uint32_t code);

struct machine_config {
    uint32_t storage_size; /* bytes, a multiple of 2K, at most 16 MB */
    int ncpus;             /* 1-4 */
    uint32_t cpu_serial;   /* STIDP: 6 hex digits */
    uint16_t cpu_model;    /* STIDP: e.g. 0x3168 */
    uint8_t cpu_version;   /* STIDP version code */
};

struct machine *machine_create(const struct machine_config *config);
void machine_destroy(struct machine *m);
/* Absolute storage, for channels, the operator and loaders.  Whoever stores into it must then call
   machine_storage_changed: the CPUs' decoded instructions are not checked against storage. */
uint8_t *machine_storage(struct machine *m);
void machine_storage_changed(struct machine *m, uint32_t address, uint32_t length);
uint32_t machine_storage_size(const struct machine *m);
/* Copy into absolute storage; false if it does not fit. */
bool machine_load(struct machine *m, uint32_t address, const void *data, size_t length);
int machine_ncpus(const struct machine *m);
struct cpu *machine_cpu(struct machine *m, int index);
void machine_set_io(struct machine *m, const struct io_ops *ops, void *ctx);
void machine_set_diagnose(struct machine *m, diagnose_hook hook, void *ctx);
/* Translation of hot straight-line runs of instructions to host machine code (translate.c): on by
   default where the host can run it (x86-64); off, the decoded loop runs every instruction itself.
   machine_translation says whether it is in effect. */
void machine_set_translation(struct machine *m, bool on);
bool machine_translation(const struct machine *m);
/* Storage key of the 2K block holding an absolute address (ACC<<4 | F<<3 | R<<2 | C<<1). */
uint8_t machine_storage_key(const struct machine *m, uint32_t address);
void machine_set_storage_key(struct machine *m, uint32_t address, uint8_t key);

/* Resets (GA22-7000 "Resets"): clear reset zeroes storage and keys too. */
void machine_system_reset(struct machine *m, bool clear);

/* Multiprocessing: run every operating CPU on its own host thread until machine_halt; wait returns
   when every CPU is stopped or in a disabled wait, or after timeout_ms (false then). */
void machine_start(struct machine *m);
bool machine_wait_idle(struct machine *m, int timeout_ms);
void machine_halt(struct machine *m);

/* One CPU on the calling thread: run until a stop reason or `limit` instructions (0: no limit);
   cpu_run(c, 1) steps one instruction. */
enum cpu_stop_reason cpu_run(struct cpu *c, uint64_t limit);

/* Operator actions and state. */
void cpu_restart(struct cpu *c);             /* restart key: restart interruption (new PSW at 0) */
void cpu_interrupt_key(struct cpu *c);       /* external interruption key */
void cpu_start(struct cpu *c);
void cpu_stop(struct cpu *c);
enum cpu_state cpu_state(const struct cpu *c);
/* Operating, with a valid PSW whose wait bit is on and which enables neither external nor I/O
   interruptions: nothing but the operator can end it (the state tests and the console report). */
bool cpu_in_disabled_wait(const struct cpu *c);
/* Service-signal external interruption (code X'2401', CR0 bit 22) whose 32-bit parameter is stored
   at real X'80' when it is taken; a signal not yet taken has its parameter replaced by a new one. */
void cpu_service_signal(struct cpu *c, uint32_t parameter);
/* Machine-check interruption with the 64-bit machine-check interruption code stored at real X'E8'.
   Taken at the next instruction boundary when PSW bit 13 is on; until then it stays pending, except
   that an exigent condition (system or instruction-processing damage) with the check-stop control
   (CR14 bit 0) on puts the CPU in the check-stop state.  The emulator itself never has a machine
   failure: this is the path for hosts and tests. */
void cpu_machine_check(struct cpu *c, uint64_t code, bool exigent);
void cpu_reset(struct cpu *c);               /* CPU reset */
void cpu_initial_reset(struct cpu *c);       /* initial CPU reset */
void cpu_store_status(struct cpu *c, uint32_t address); /* store status at absolute address (0: X'100'...) */

/* Registers and PSW for displays, tests and the console. */
void cpu_get_psw(const struct cpu *c, uint8_t psw[8]);
void cpu_set_psw(struct cpu *c, const uint8_t psw[8]); /* as LPSW: an invalid PSW traps when it runs */
const struct psw *cpu_psw(const struct cpu *c);
uint32_t cpu_gr(const struct cpu *c, int r);
void cpu_set_gr(struct cpu *c, int r, uint32_t v);
uint64_t cpu_fpr(const struct cpu *c, int r); /* r = 0, 2, 4, 6 */
void cpu_set_fpr(struct cpu *c, int r, uint64_t v);
uint32_t cpu_cr(const struct cpu *c, int r);
void cpu_set_cr(struct cpu *c, int r, uint32_t v);
uint32_t cpu_prefix(const struct cpu *c);
uint64_t cpu_instruction_count(const struct cpu *c); /* instructions this CPU has executed */
uint64_t cpu_traces_made(const struct cpu *c);       /* runs of instructions it has translated */
int cpu_index(const struct cpu *c);
struct machine *cpu_machine(const struct cpu *c);

/* Store a CSW at X'40' of this CPU's prefix area (for the channel subsystem). */
void cpu_store_csw(struct cpu *c, const uint8_t csw[8]);

/* ---- the operator's debugging controls (debug.c) -------------------------------------------------
 * Instruction trace, stepping and breakpoints (the t, s and b commands) each watch a range of
 * instruction addresses: first..last, the other way round when first > last, every address when both
 * are 0 (as Hercules).  Before an instruction in a watched range executes, the CPU calls `show` on its
 * own thread with what matched (CPU_WATCH_* bits), the address and the instruction's bytes (NULL when
 * they cannot be fetched: the instruction then raises its exception as usual).  Stepping and
 * breakpoints also stop the CPU there; when it is started again it executes that instruction first
 * (stepping then stops before the next one).  With nothing watched the instruction loop pays one
 * predictable branch.  Program interruptions go to `interrupted` while report_program_interruptions
 * is on (they are rare: no cost per instruction).
 */
enum { CPU_WATCH_TRACE = 1, CPU_WATCH_STEP = 2, CPU_WATCH_BREAK = 4 };
struct cpu_watch_range {
    bool on;
    uint32_t first, last;
};
struct cpu_debug {
    struct cpu_watch_range trace, step, breakpoint;
    bool report_program_interruptions;
    void (*show)(void *ctx, struct cpu *c, unsigned matched, uint32_t address, const uint8_t *inst);
    void (*interrupted)(void *ctx, struct cpu *c, int code, int ilc);
    void *ctx;
};
/* Set or read a CPU's debugging controls (any thread; they apply from its next instruction). */
void cpu_set_debug(struct cpu *c, const struct cpu_debug *d);
void cpu_get_debug(struct cpu *c, struct cpu_debug *d);
/* Whether an address is in a watched range (as the CPU decides it). */
bool cpu_watch_contains(const struct cpu_watch_range *w, uint32_t address);

/* Translate a virtual address with the CPU's translation tables (CR0, CR1) for a display: 0 and the
   real address, or the program interruption code the translation would raise (segment 0x10, page
   0x11, translation specification 0x12, addressing 0x05).  Never an interruption, no reference bits,
   no TLB change: safe from any thread. */
int cpu_translate_for_display(const struct cpu *c, uint32_t virtual_address, uint32_t *real);
/* The instruction at a real address, or at a virtual one (translate), a halfword at a time as it may
   cross a page, for a display: 0, or the program interruption code that stops it (as above). */
int cpu_fetch_for_display(const struct cpu *c, uint32_t address, bool translate, uint8_t inst[6]);

/* Alter the PSW field by field (the psw command): packed in the format p->ec says, then loaded as
   cpu_set_psw does. */
void cpu_set_psw_fields(struct cpu *c, const struct psw *p);

/* Give a machine whose CPUs are all stopped or in a disabled wait a new main storage size (cleared,
   with its keys) and number of CPUs (new ones after an initial CPU reset), as the mainsize and numcpu
   commands do.  CPU threads are halted for the change and started again if they ran.  False, with
   nothing changed, for a size or count machine_create would refuse or when memory is short. */
bool machine_reconfigure(struct machine *m, uint32_t storage_size, int ncpus);

#endif
