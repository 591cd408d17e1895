/*
 * display.c - register, PSW and storage displays in Hercules' formats (see display.h).
 */
#include "console/display.h"

#include <string.h>

#include "common/ebcdic.h"

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

unsigned display_storage_line(struct buf *b, uint32_t address, uint8_t key, const uint8_t *bytes, unsigned count)
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
    buf_printf(b, "R:%08X:K:%02X=%-36s %-16s\n", address, key, hex, text);
    return n;
}

void display_storage_invalid(struct buf *b, uint32_t address)
{
    buf_printf(b, "R:%08X: Real address is not valid\n", address);
}
