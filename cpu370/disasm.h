/*
 * disasm.h - the S/370 disassembler the instruction trace, stepping and the u command use: mnemonic
 * and operands of one instruction, in the layout Hercules' disassembler prints, from the one
 * instruction table (opcodes.h).  Register numbers, displacements, lengths and immediates are
 * decimal, as Hercules shows them:
 *
 *   05C0         BALR  12,0
 *   4610C008     BCT   1,8(0,12)
 *   D203C02AC036 MVC   42(4,12),54(12)
 *   0000         ????? ,                       (not an S/370 instruction)
 */
#ifndef S370_DISASM_H
#define S370_DISASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct s370_disasm {
    int length;         /* 2, 4 or 6 bytes, from the first opcode byte */
    bool valid;         /* an S/370 instruction */
    char mnemonic[8];   /* "?????" when not valid */
    char operands[48];  /* "," when not valid or without operands (IPK, PTLB), as Hercules */
};

/* Decode the instruction whose first byte is inst[0]; the caller provides its whole length. */
void s370_disassemble(const uint8_t *inst, struct s370_disasm *out);

/* The line Hercules' u command and trace print after the address: the instruction in hex padded to
   12 characters, the mnemonic padded to 5, the operands padded to 19, as "%-12s %-5s %-19s" with
   trailing blanks removed.  Returns the instruction length. */
int s370_format_instruction(const uint8_t *inst, char *line, size_t size);

#endif
