/*
 * disasm.c - the disassembler (see disasm.h): the opcode is looked up in the table generated from
 * opcodes.h, and one small function per operand layout writes the operands.  Lengths in SS
 * instructions are shown as the programmer writes them (the encoded length plus one).  Nothing here
 * touches a CPU: the caller fetches the bytes.
 */
#include "cpu370/disasm.h"

#include <stdio.h>
#include <string.h>

#include "cpu370/opcodes.h"

struct opcode_entry {
    unsigned code;
    const char *mnemonic;
    enum s370_format format;
};

static const struct opcode_entry opcode_table[] = {
#define OPCODE_ENTRY(code, name, format, flags) {code, #name, S370_FMT_##format},
    S370_OPCODES(OPCODE_ENTRY)
#undef OPCODE_ENTRY
};

static const struct opcode_entry *find_code(unsigned code)
{
    for (size_t i = 0; i < sizeof opcode_table / sizeof opcode_table[0]; i++)
        if (opcode_table[i].code == code)
            return &opcode_table[i];
    return NULL;
}

/* One-byte opcodes first, then the two-byte ones; in the I/O group (9C-9F) only bit 15 selects the
   instruction when the second byte is not one the table names, as the CPU decodes it. */
static const struct opcode_entry *lookup(const uint8_t *inst)
{
    const struct opcode_entry *e = find_code(inst[0]);
    if (!e)
        e = find_code((unsigned)inst[0] << 8 | inst[1]);
    if (!e && (inst[0] & 0xFC) == 0x9C)
        e = find_code((unsigned)inst[0] << 8 | (inst[1] & 1));
    return e;
}

/* ---- operand layouts ---------------------------------------------------------------------------- */

/* Displacement (12 bits) and base register of the D(B) field at inst[at]. */
static unsigned disp(const uint8_t *inst, int at)
{
    return (unsigned)(inst[at] & 15) << 8 | inst[at + 1];
}

static unsigned base(const uint8_t *inst, int at)
{
    return inst[at] >> 4;
}

static unsigned high(uint8_t byte)
{
    return byte >> 4;
}

static unsigned low(uint8_t byte)
{
    return byte & 15;
}

typedef void operand_writer(const uint8_t *inst, char *out, size_t size);

static void rr(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u,%u", high(i[1]), low(i[1]));
}

static void rr_r1(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u", high(i[1]));
}

static void rr_immediate(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u", i[1]);
}

static void rx(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u,%u(%u,%u)", high(i[1]), disp(i, 2), low(i[1]), base(i, 2));
}

static void rs(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u,%u,%u(%u)", high(i[1]), low(i[1]), disp(i, 2), base(i, 2));
}

static void rs_shift(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u,%u(%u)", high(i[1]), disp(i, 2), base(i, 2));
}

static void si(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u(%u),%u", disp(i, 2), base(i, 2), i[1]);
}

static void s(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u(%u)", disp(i, 2), base(i, 2));
}

static void no_operands(const uint8_t *i, char *out, size_t size)
{
    (void)i;
    snprintf(out, size, ",");
}

static void ss_one_length(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u(%u,%u),%u(%u)", disp(i, 2), i[1] + 1u, base(i, 2), disp(i, 4), base(i, 4));
}

static void ss_two_lengths(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u(%u,%u),%u(%u,%u)", disp(i, 2), high(i[1]) + 1, base(i, 2), disp(i, 4), low(i[1]) + 1,
             base(i, 4));
}

static void ss_shift_and_round(const uint8_t *i, char *out, size_t size)
{
    snprintf(out, size, "%u(%u,%u),%u(%u),%u", disp(i, 2), high(i[1]) + 1, base(i, 2), disp(i, 4), base(i, 4),
             low(i[1]));
}

static operand_writer *const writers[] = {
    [S370_FMT_RR] = rr,           [S370_FMT_RR_M] = rr,          [S370_FMT_RR_R1] = rr_r1,
    [S370_FMT_RR_I] = rr_immediate, [S370_FMT_RX] = rx,          [S370_FMT_RX_M] = rx,
    [S370_FMT_RS] = rs,           [S370_FMT_RS_M] = rs,          [S370_FMT_RS_SH] = rs_shift,
    [S370_FMT_SI] = si,           [S370_FMT_SI_S] = s,           [S370_FMT_S] = s,
    [S370_FMT_S_NONE] = no_operands, [S370_FMT_SS_L] = ss_one_length, [S370_FMT_SS_LL] = ss_two_lengths,
    [S370_FMT_SS_SRP] = ss_shift_and_round,
};

/* ---- entry points ------------------------------------------------------------------------------- */

void s370_disassemble(const uint8_t *inst, struct s370_disasm *out)
{
    const struct opcode_entry *e = lookup(inst);
    out->length = s370_instruction_length(inst[0]);
    out->valid = e != NULL;
    snprintf(out->mnemonic, sizeof out->mnemonic, "%s", e ? e->mnemonic : "?????");
    if (e)
        writers[e->format](inst, out->operands, sizeof out->operands);
    else
        no_operands(inst, out->operands, sizeof out->operands);
}

int s370_format_instruction(const uint8_t *inst, char *line, size_t size)
{
    struct s370_disasm d;
    s370_disassemble(inst, &d);
    char hex[13];
    for (int i = 0; i < d.length; i++)
        snprintf(hex + 2 * i, sizeof hex - 2 * (size_t)i, "%02X", inst[i]);
    snprintf(line, size, "%-12s %-5s %-19s", hex, d.mnemonic, d.operands);
    size_t n = strlen(line);
    while (n > 0 && line[n - 1] == ' ')
        line[--n] = '\0';
    return d.length;
}
