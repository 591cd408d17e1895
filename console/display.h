/*
 * display.h - the register, PSW and storage displays in Hercules 3.13's exact formats (hscmisc.c,
 * hsccmd.c), so that scripts and the test-script directives (*Gpr, *Want...) carry over:
 *
 *   GR00=00000000  GR01=00000001  GR02=00000002  GR03=00000003      (4 a line; CR the same)
 *   FPR0=41100000 00000000  FPR2=00000000 00000000                  (2 lines)
 *   psw sm=00 pk=0 cmwp=2 as=pri cc=0 pm=0 am=24 ia=0                (the psw command's first line)
 *   PSW=00020000 00000000
 *   R:00001000:K:06=47F0F00A 00000000 00000000 00000000  .0..............
 *   PSW=00000000 00000202 INST=41100005     LA    1,5(0,0)          (trace, stepping, breakpoints)
 *
 * With more than one CPU each register line starts with "CPU0000: ".  Each function appends lines
 * (ending in \n) to a buffer.
 */
#ifndef S370_CONSOLE_DISPLAY_H
#define S370_CONSOLE_DISPLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "common/util.h"
#include "cpu370/cpu.h"

/* "GR" or "CR" and the 16 values; cpu < 0 for a single-CPU machine (no prefix). */
void display_registers(struct buf *b, const char *name, const uint32_t values[16], int cpu);
/* The floating-point registers 0, 2, 4, 6. */
void display_fprs(struct buf *b, const uint64_t values[4], int cpu);
/* The PSW as 8 bytes. */
void display_psw(struct buf *b, const uint8_t psw[8]);
/* The psw command's field line for a PSW and its 8 bytes. */
void display_psw_fields(struct buf *b, const struct psw *psw);

/* Storage displays name their address space with a letter: 'R' real, 'A' absolute, 'V' virtual. */

/* One storage line from address `address` of that space: 16 bytes, or up to the end of its 2K block
   (where the key may change).  `bytes` is what to show (absolute storage), `count` how many of them;
   key the block's storage key.  Returns the bytes shown. */
unsigned display_storage_line(struct buf *b, char space, uint32_t address, uint8_t key, const uint8_t *bytes,
                              unsigned count);
/* The line for an address beyond storage: "R:00010000: Real address is not valid". */
void display_storage_invalid(struct buf *b, char space, uint32_t address);

/* The v command: the head of each 2K block, "V:00001000 (primary) R:00005000" (the translation),
   "V:00001000 (dat off) R:00001000", or "V:00001000 (primary)" when it cannot be translated; and each
   line that cannot, "V:00001000: Translation exception 0011" (the program interruption code). */
void display_virtual_head(struct buf *b, uint32_t address, bool translated, bool failed, uint32_t real);
void display_translation_exception(struct buf *b, uint32_t address, int code);

/* One instruction as the trace, stepping and breakpoints show it (Hercules' display_inst):
   "PSW=00000000 00000202 INST=41100005     LA    1,5(0,0)"; inst NULL: it could not be fetched. */
void display_instruction(struct buf *b, const uint8_t psw[8], const uint8_t *inst);
/* One line of the u command: "R00000200: 05C0         BALR  12,0".  Returns the instruction length. */
int display_unassembled(struct buf *b, char space, uint32_t address, const uint8_t *inst);

/* "Prefix=00003000" (the pr command). */
void display_prefix(struct buf *b, uint32_t prefix);
/* A program interruption as Hercules 3.13 reports it, which test-script checkers look for:
   "HHCCP014I CPU0000: Operation exception CODE=0001 ILC=2". */
void display_program_interruption(struct buf *b, int cpu, int code, int ilc);

#endif
