/*
 * tn3270_screens.c - what a telnet client sees from the server itself (see tn3270.h): the logo a
 * display shows until the system writes to it, the screen or lines that tell a refused client why,
 * and a line-mode console's greeting.  3270 screens are Erase/Write records in EBCDIC (code page 037)
 * with buffer addresses in the 12-bit code (3270 Data Stream Programmer's Reference, GA23-0059).
 */
#include "console/tn3270.h"

#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "common/ebcdic.h"

enum {
    REMOTE_ERASE_WRITE = 0xF5,
    WCC_RESET = 0x40,
    WCC_RESET_KEYBOARD = 0x42, /* reset, and restore the keyboard so that Enter, PA and Clear work */
    ORDER_SBA = 0x11,
    ORDER_SF = 0x1D,
    ORDER_IC = 0x13,
    FA_PROTECTED = 0x60,             /* protected, normal intensity, in the code table */
    FA_PROTECTED_INTENSIFIED = 0xE8, /* protected, high intensity */
    COLUMNS = 80,                    /* every screen here is the default 24x80 one */
};

/* The 12-bit address code (GA23-0059 "Buffer Addressing"): six bits per byte, through this table. */
static const uint8_t address_code[64] = {
    0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
    0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

void tn_identity_init(struct tn_identity *id)
{
    char host[64] = "localhost";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    snprintf(id->system, sizeof id->system, "s370 System/370 emulator on %s", host);
    struct utsname u;
    if (uname(&u) == 0)
        snprintf(id->host, sizeof id->host, "Running on %s (%.40s %.40s %.20s)", host, u.sysname, u.release, u.machine);
    else
        snprintf(id->host, sizeof id->host, "Running on %s", host);
}

static void set_buffer_address(struct buf *b, int row, int column)
{
    int address = (row - 1) * COLUMNS + (column - 1);
    buf_addc(b, ORDER_SBA);
    buf_addc(b, (char)address_code[address >> 6 & 0x3F]);
    buf_addc(b, (char)address_code[address & 0x3F]);
}

/* At (row, column): a protected field holding text (cut at the end of the row), in EBCDIC.  The field
   attribute takes the position before the text. */
static void put_field(struct buf *b, int row, int column, uint8_t attribute, const char *text)
{
    set_buffer_address(b, row, column - 1);
    buf_addc(b, ORDER_SF);
    buf_addc(b, (char)attribute);
    for (size_t i = 0; text[i] && column + (int)i <= COLUMNS; i++)
        buf_addc(b, (char)latin1_to_ebcdic[(unsigned char)text[i]]);
}

static void put_centered(struct buf *b, int row, uint8_t attribute, const char *text)
{
    int length = (int)strlen(text);
    int column = length >= COLUMNS - 2 ? 2 : (COLUMNS - length) / 2 + 1;
    put_field(b, row, column, attribute, text);
}

static void start_erase_write(struct buf *b, uint8_t wcc)
{
    buf_addc(b, (char)REMOTE_ERASE_WRITE);
    buf_addc(b, (char)wcc);
}

void tn_logo(struct buf *record, const struct tn_identity *id, const struct device *d, const struct tn_request *r,
             const char *client)
{
    char line[128];
    start_erase_write(record, WCC_RESET_KEYBOARD);
    put_centered(record, 3, FA_PROTECTED_INTENSIFIED, "S Y S T E M / 3 7 0");
    put_centered(record, 5, FA_PROTECTED, id->system);
    snprintf(line, sizeof line, "Terminal   %03X (%s)", d->address, r->type);
    put_field(record, 9, 16, FA_PROTECTED_INTENSIFIED, line);
    snprintf(line, sizeof line, "Client     %s", client);
    put_field(record, 10, 16, FA_PROTECTED, line);
    put_field(record, 13, 16, FA_PROTECTED, "This terminal is ready; the system has not written to it yet.");
    put_field(record, 22, 16, FA_PROTECTED, "To disconnect, close this session in your 3270 emulator.");
    set_buffer_address(record, 24, 80);
    buf_addc(record, ORDER_IC);
}

void tn_rejection_screen(struct buf *record, const struct tn_identity *id, const char *reason)
{
    start_erase_write(record, WCC_RESET);
    put_field(record, 1, 2, FA_PROTECTED, id->system);
    put_field(record, 2, 2, FA_PROTECTED, id->host);
    put_field(record, 3, 2, FA_PROTECTED, reason);
}

void tn_rejection_text(struct buf *text, const struct tn_identity *id, const char *reason)
{
    buf_printf(text, "%s\n%s\n%s\n", id->system, id->host, reason);
}

void tn_greeting_text(struct buf *text, const struct tn_identity *id, const struct device *d, const char *client)
{
    buf_printf(text, "%s\nConsole %03X (%s) connected from %s; to disconnect, close the connection.\n", id->system,
               d->address, d->type_name, client);
}
