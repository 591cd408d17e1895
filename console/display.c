/*
 * display.c - register, PSW and storage displays in Hercules' formats (see display.h).
 */
#include "console/display.h"

#include <string.h>

#include "common/ebcdic.h"
#include "cpu370/disasm.h"

static void line_prefix(struct buf *b, int cpu)
{
    if (cpu >= 0)
        buf_printf(b, "CPU%04X: ", (unsigned)cpu);
}

void display_registers(struct buf *b, const char *name, const uint32_t values[16], int cpu)
{
    for (int i = 0; i < 16; i++) {
        if (i % 4 == 0)
            line_prefix(b, cpu);
        else
            buf_adds(b, "  ");
        buf_printf(b, "%s%02d=%08X", name, i, values[i]);
        if (i % 4 == 3)
            buf_addc(b, '\n');
    }
}

void display_fprs(struct buf *b, const uint64_t values[4], int cpu)
{
    for (int i = 0; i < 4; i += 2) {
        line_prefix(b, cpu);
        buf_printf(b, "FPR%d=%08X %08X  FPR%d=%08X %08X\n", 2 * i, (uint32_t)(values[i] >> 32), (uint32_t)values[i],
                   2 * i + 2, (uint32_t)(values[i + 1] >> 32), (uint32_t)values[i + 1]);
    }
}

void display_psw(struct buf *b, const uint8_t psw[8])
{
    buf_printf(b, "PSW=%02X%02X%02X%02X %02X%02X%02X%02X\n", psw[0], psw[1], psw[2], psw[3], psw[4], psw[5], psw[6],
               psw[7]);
}

/* S/370 has neither address-space control nor 31-bit addressing: always "pri" and "24". */
void display_psw_fields(struct buf *b, const struct psw *psw)
{
    unsigned cmwp = (unsigned)psw->ec << 3 | (unsigned)psw->mcheck << 2 | (unsigned)psw->wait << 1 | psw->problem;
    buf_printf(b, "psw sm=%02X pk=%u cmwp=%X as=pri cc=%u pm=%X am=24 ia=%X\n", psw->sysmask, psw->key, cmwp,
               psw->cc, psw->progmask, psw->ia);
}

#define STORAGE_LINE_BYTES 16
#define KEY_BLOCK 2048

unsigned display_storage_line(struct buf *b, char space, uint32_t address, uint8_t key, const uint8_t *bytes,
                              unsigned count)
{
    unsigned room = KEY_BLOCK - (address & (KEY_BLOCK - 1));
    unsigned n = count < STORAGE_LINE_BYTES ? count : STORAGE_LINE_BYTES;
    if (n > room)
        n = room;
    char hex[40], text[STORAGE_LINE_BYTES + 1];
    size_t h = 0;
    for (unsigned i = 0; i < n; i++) {
        static const char digits[] = "0123456789ABCDEF";
        hex[h++] = digits[bytes[i] >> 4];
        hex[h++] = digits[bytes[i] & 15];
        if (((address + i + 1) & 3) == 0)
            hex[h++] = ' '; /* a blank after each word */
        unsigned char c = ebcdic_to_latin1[bytes[i]];
        text[i] = c >= 0x20 && c < 0x7F ? (char)c : '.';
    }
    hex[h] = '\0';
    text[n] = '\0';
    buf_printf(b, "%c:%08X:K:%02X=%-36s %-16s\n", space, address, key, hex, text);
    return n;
}

static const char *space_name(char space)
{
    return space == 'A' ? "Absolute" : space == 'V' ? "Virtual" : "Real";
}

void display_storage_invalid(struct buf *b, char space, uint32_t address)
{
    buf_printf(b, "%c:%08X: %s address is not valid\n", space, address, space_name(space));
}

void display_virtual_head(struct buf *b, uint32_t address, bool translated, bool failed, uint32_t real)
{
    buf_printf(b, "V:%08X (%s)", address, translated ? "primary" : "dat off");
    if (!failed)
        buf_printf(b, " R:%08X", real);
    buf_addc(b, '\n');
}

void display_translation_exception(struct buf *b, uint32_t address, int code)
{
    buf_printf(b, "V:%08X: Translation exception %04X\n", address, (unsigned)code);
}

void display_instruction(struct buf *b, const uint8_t psw[8], const uint8_t *inst)
{
    buf_printf(b, "PSW=%02X%02X%02X%02X %02X%02X%02X%02X INST=", psw[0], psw[1], psw[2], psw[3], psw[4], psw[5],
               psw[6], psw[7]);
    if (!inst) {
        buf_adds(b, "(instruction fetch error)\n");
        return;
    }
    char line[80];
    s370_format_instruction(inst, line, sizeof line);
    buf_printf(b, "%s\n", line);
}

int display_unassembled(struct buf *b, char space, uint32_t address, const uint8_t *inst)
{
    char line[80];
    int length = s370_format_instruction(inst, line, sizeof line);
    buf_printf(b, "%c%08X: %s\n", space, address, line);
    return length;
}

void display_prefix(struct buf *b, uint32_t prefix)
{
    buf_printf(b, "Prefix=%08X\n", prefix);
}

/* The names GA22-7000 gives the program interruption conditions (Hercules says the same). */
static const char *program_interruption_name(int code)
{
    static const char *const names[] = {
        [0x01] = "Operation exception",           [0x02] = "Privileged-operation exception",
        [0x03] = "Execute exception",             [0x04] = "Protection exception",
        [0x05] = "Addressing exception",          [0x06] = "Specification exception",
        [0x07] = "Data exception",                [0x08] = "Fixed-point-overflow exception",
        [0x09] = "Fixed-point-divide exception",  [0x0A] = "Decimal-overflow exception",
        [0x0B] = "Decimal-divide exception",      [0x0C] = "HFP-exponent-overflow exception",
        [0x0D] = "HFP-exponent-underflow exception", [0x0E] = "HFP-significance exception",
        [0x0F] = "HFP-floating-point-divide exception", [0x10] = "Segment-translation exception",
        [0x11] = "Page-translation exception",    [0x12] = "Translation-specification exception",
        [0x13] = "Special-operation exception",
    };
    int base = code & 0x3F; /* without the PER (X'80') and monitor-event (X'40') bits */
    if (base && base < (int)(sizeof names / sizeof names[0]) && names[base])
        return names[base];
    return code & 0x40 ? "Monitor event" : code & 0x80 ? "PER event" : "Unknown program interruption";
}

void display_program_interruption(struct buf *b, int cpu, int code, int ilc)
{
    buf_printf(b, "HHCCP014I CPU%04X: %s CODE=%04X ILC=%d\n", (unsigned)cpu, program_interruption_name(code),
               (unsigned)code, 2 * ilc);
}
