/*
 * cputest.h - running small S/370 programs in tests: assemble with asm370, load into a fresh
 * machine, start with a chosen PSW, run to a stop, then look at registers, storage and the PSW.
 *
 * cputest_run_body() is the common case: the statements are assembled at X'1000' (as `CPUTEST START
 * X'1000'` ... `LPSW X'200'` ... `END`), the program ends by loading the "done" PSW at X'200' (a
 * disabled wait with address 0), and every new PSW is a disabled wait whose address says which
 * interruption happened (CPUTEST_PROGRAM = X'EE28' for a program interruption, and so on).
 */
#ifndef TESTS_CPUTEST_H
#define TESTS_CPUTEST_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu370/cpu.h"

enum {
    CPUTEST_ORIGIN = 0x1000,
    CPUTEST_DONE_PSW = 0x200, /* the done PSW: disabled wait, address 0 */
    CPUTEST_DONE = 0x0000,
    CPUTEST_RESTART = 0xEE08,
    CPUTEST_EXTERNAL = 0xEE18,
    CPUTEST_SVC = 0xEE20,
    CPUTEST_PROGRAM = 0xEE28,
    CPUTEST_MCHECK = 0xEE30,
    CPUTEST_IO = 0xEE38,
};

struct cputest {
    struct machine *m;
    struct cpu *c;
    enum cpu_stop_reason reason;
    char diags[4096]; /* assembler messages when loading failed */
};

/* A machine with `storage` bytes (0: 1 MB) and ncpus CPUs; new PSWs set to the marker waits. */
void cputest_init(struct cputest *t, uint32_t storage, int ncpus);
void cputest_free(struct cputest *t);

/* Assemble a complete program and load it at its assembled addresses; returns the entry point (END
   operand, else the lowest address).  Fails the test on assembly errors. */
uint32_t cputest_load(struct cputest *t, const char *source);

/* Start CPU 0 at address with PSW bytes 0-1 = `psw_high` (e.g. 0x0000: BC mode, key 0, supervisor,
   disabled; 0x0008: EC mode) and run at most `limit` instructions. */
enum cpu_stop_reason cputest_run_at(struct cputest *t, uint32_t address, uint16_t psw_high, uint64_t limit);

/* Wrap statements at X'1000', load, run from X'1000' in BC mode, disabled, key 0 (limit 1,000,000). */
enum cpu_stop_reason cputest_run_body(struct cputest *t, const char *body);

/* The final PSW's instruction address (a marker above, or CPUTEST_DONE). */
uint32_t cputest_final_address(struct cputest *t);
/* Program interruption code and old-PSW address after stopping at CPUTEST_PROGRAM (BC or EC). */
uint16_t cputest_program_code(struct cputest *t);
uint32_t cputest_program_old_address(struct cputest *t);
uint8_t cputest_program_ilc(struct cputest *t);
/* The condition code in the program old PSW: bits 34-35 in BC mode, 18-19 in EC mode. */
uint8_t cputest_program_cc(struct cputest *t);

/* Storage helpers (absolute addresses). */
uint32_t cputest_word(struct cputest *t, uint32_t address);
uint64_t cputest_doubleword(struct cputest *t, uint32_t address);
void cputest_set_word(struct cputest *t, uint32_t address, uint32_t value);

/* Assert the program ran to the done PSW (not an interruption marker), showing where it stopped. */
#define cputest_expect_done(t) cputest_expect_done_at(__FILE__, __LINE__, (t))
void cputest_expect_done_at(const char *file, int line, struct cputest *t);
/* Assert a program interruption with this code happened. */
#define cputest_expect_program(t, code) cputest_expect_program_at(__FILE__, __LINE__, (t), (code))
void cputest_expect_program_at(const char *file, int line, struct cputest *t, uint16_t code);

#endif
