/*
 * display.h - the register, PSW and storage displays in Hercules 3.13's exact formats (hscmisc.c,
 * hsccmd.c), so that scripts and the test-script directives (*Gpr, *Want...) carry over:
 *
 *   GR00=00000000  GR01=00000001  GR02=00000002  GR03=00000003      (4 a line; CR the same)
 *   FPR0=41100000 00000000  FPR2=00000000 00000000                  (2 lines)
 *   psw sm=00 pk=0 cmwp=2 as=pri cc=0 pm=0 am=24 ia=0                (the psw command's first line)
 *   PSW=00020000 00000000
 *   R:00001000:K:06=47F0F00A 00000000 00000000 00000000  .0..............
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

/* One storage line from real address `address`: 16 bytes, or up to the end of its 2K block (where the
   key may change).  `bytes` is what to show (absolute storage, already prefixed), `count` how many
   of them; key the block's storage key.  Returns the bytes shown. */
unsigned display_storage_line(struct buf *b, uint32_t address, uint8_t key, const uint8_t *bytes, unsigned count);
/* The line for an address beyond storage. */
void display_storage_invalid(struct buf *b, uint32_t address);

#endif
