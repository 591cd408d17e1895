/*
 * display.c - the local non-SNA 3270 display: the channel commands of a 3274-attached 3278/3279, the
 * display buffer they write and read, and the connection to a TN3270 client (display.h).  The buffer is
 * the device's state: writes are interpreted into it (and passed to the client unchanged), reads are
 * answered from it, operator input from the client is applied to it.
 *
 * References: the 3270 Data Stream Programmer's Reference (GA23-0059) for commands, orders, WCC,
 * attributes, AIDs, structured fields and query replies; where it leaves a choice, the client's (x3270)
 * interpretation decides, since the buffer here must stay in step with the screen there.
 */
#include "devices/display/display.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

enum {
    MAX_CELLS = 27 * 132, /* the largest screen, model 5's alternate size */
    DEFAULT_ROWS = 24,
    DEFAULT_COLUMNS = 80,
    SENSE_OPERATION_CHECK = 0x01,
};

/* Channel commands of the local 3274 (and the TN3270 command bytes of the writes). */
enum {
    CMD_WRITE = 0x01,
    CMD_READ_BUFFER = 0x02,
    CMD_ERASE_WRITE = 0x05,
    CMD_READ_MODIFIED = 0x06,
    CMD_ERASE_WRITE_ALTERNATE = 0x0D,
    CMD_ERASE_ALL_UNPROTECTED = 0x0F,
    CMD_WRITE_STRUCTURED_FIELD = 0x11,
    REMOTE_WRITE = 0xF1,
    REMOTE_ERASE_WRITE = 0xF5,
    REMOTE_ERASE_WRITE_ALTERNATE = 0x7E,
    REMOTE_ERASE_ALL_UNPROTECTED = 0x6F,
    REMOTE_WRITE_STRUCTURED_FIELD = 0xF3,
};

/* Orders, write control character, field attribute, attribute types, AIDs. */
enum {
    ORDER_PT = 0x05,
    ORDER_GE = 0x08,
    ORDER_SBA = 0x11,
    ORDER_EUA = 0x12,
    ORDER_IC = 0x13,
    ORDER_SF = 0x1D,
    ORDER_SA = 0x28,
    ORDER_SFE = 0x29,
    ORDER_MF = 0x2C,
    ORDER_RA = 0x3C,
    WCC_RESET = 0x40,
    WCC_KEYBOARD_RESTORE = 0x02,
    WCC_RESET_MDT = 0x01,
    FA_PROTECTED = 0x20,
    FA_MDT = 0x01,
    ATTRIBUTE_ALL = 0x00,   /* SA: reset every character attribute */
    ATTRIBUTE_FIELD = 0xC0, /* SFE, MF: the 3270 field attribute */
    AID_NONE = 0x60,
    AID_STRUCTURED_FIELD = 0x88,
    AID_CLEAR = 0x6D,
    AID_PA1 = 0x6C,
    AID_PA2 = 0x6E,
    AID_PA3 = 0x6B,
    AID_TEST_REQUEST = 0x01, /* the SOH of a test request record */
};

enum reply_mode { REPLY_FIELD = 0, REPLY_EXTENDED_FIELD = 1, REPLY_CHARACTER = 2 };

/* Extended attribute types kept per position: highlighting, foreground color, character set,
   background color, transparency (character attributes too), field validation and outlining. */
enum { NXA = 7, NXA_CHARACTER = 5 };
static const uint8_t xa_types[NXA] = {0x41, 0x42, 0x43, 0x45, 0x46, 0xC1, 0xC2};

/* The 6-bit code table: buffer addresses (12-bit form) and field attributes inbound. */
static const uint8_t code_table[64] = {
    0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
    0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

/* Screen sizes by model: the alternate size; the default is 24x80 for all. */
static const struct {
    int rows, columns;
} model_sizes[6] = {[2] = {24, 80}, [3] = {32, 80}, [4] = {43, 80}, [5] = {27, 132}};

struct cell {
    uint8_t ch;      /* EBCDIC character, X'00' null */
    uint8_t fa;      /* the field attribute, at a field position */
    bool field;      /* this position holds a field attribute */
    bool ge;         /* the character came with Graphic Escape */
    uint8_t xa[NXA]; /* extended attributes of the field (at its attribute) or of the character */
};

struct display {
    pthread_mutex_t lock; /* the server's thread connects and sends input */
    struct terminal_filter filter;
    bool connected;
    struct display_client client;
    struct display_terminal terminal;
    int rows, columns, size; /* the screen size in use (default or alternate) */
    struct cell cells[MAX_CELLS];
    int cursor;
    int buffer_address; /* where the last write or read ended, for the next command of the chain */
    uint8_t aid;
    enum reply_mode reply_mode;
    uint8_t reply_types[NXA_CHARACTER]; /* character reply mode: the attribute types to report */
    size_t nreply_types;
    struct buf inbound; /* a whole record for the next read: a query reply, the client's structured fields */
    unsigned long writes, reads;
};

/* ---- buffer addresses and the buffer ------------------------------------------------------------ */

/* 14-bit binary when the first byte's two high bits are 00, else 12-bit (six low bits of each). */
static int decode_address(uint8_t first, uint8_t second)
{
    if ((first & 0xC0) == 0)
        return (first & 0x3F) << 8 | second;
    return (first & 0x3F) << 6 | (second & 0x3F);
}

/* Inbound addresses are 12-bit: every screen here has fewer than 4096 positions. */
static void add_address(struct buf *b, int address)
{
    buf_addc(b, (char)code_table[address >> 6 & 0x3F]);
    buf_addc(b, (char)code_table[address & 0x3F]);
}

static int next_address(const struct display *s, int address)
{
    return address + 1 == s->size ? 0 : address + 1;
}

static int xa_index(uint8_t type)
{
    for (int i = 0; i < NXA; i++)
        if (xa_types[i] == type)
            return i;
    return -1;
}

/* The field attribute position governing an address (the nearest at or before it, wrapping), or -1 on
   an unformatted screen. */
static int field_of(const struct display *s, int address)
{
    for (int k = 0, a = address; k < s->size; k++, a = a == 0 ? s->size - 1 : a - 1)
        if (s->cells[a].field)
            return a;
    return -1;
}

static int first_field(const struct display *s)
{
    for (int a = 0; a < s->size; a++)
        if (s->cells[a].field)
            return a;
    return -1;
}

/* Erase: all nulls, no fields, at the default or the alternate size; cursor and buffer address 0. */
static void erase(struct display *s, bool alternate)
{
    s->rows = alternate ? model_sizes[s->terminal.model].rows : DEFAULT_ROWS;
    s->columns = alternate ? model_sizes[s->terminal.model].columns : DEFAULT_COLUMNS;
    s->size = s->rows * s->columns;
    memset(s->cells, 0, sizeof s->cells);
    s->cursor = 0;
    s->buffer_address = 0;
}

/* ---- interpreting a write ----------------------------------------------------------------------- */

struct writer {
    struct display *s;
    const uint8_t *data;
    size_t length, at; /* data[at] is the next byte to interpret */
    int address;       /* the current buffer address */
    int insert_cursor; /* where IC put the cursor, or -1 */
    bool after_text;   /* the last thing interpreted was a character */
    uint8_t attrs[NXA_CHARACTER]; /* character attributes set by SA */
};

static bool have(const struct writer *w, size_t n)
{
    return w->length - w->at >= n;
}

/* A buffer address operand; one beyond the screen is invalid. */
static bool take_address(struct writer *w, int *address)
{
    if (!have(w, 2))
        return false;
    *address = decode_address(w->data[w->at], w->data[w->at + 1]);
    w->at += 2;
    return *address < w->s->size;
}

/* A count and that many type-value pairs (SFE, MF). */
static bool take_pairs(struct writer *w, const uint8_t **pairs, unsigned *n)
{
    if (!have(w, 1))
        return false;
    *n = w->data[w->at++];
    if (!have(w, 2 * (size_t)*n))
        return false;
    *pairs = w->data + w->at;
    w->at += 2 * (size_t)*n;
    return true;
}

/* A character replaces whatever the position held, a field attribute included. */
static void put_character(struct writer *w, uint8_t c, bool ge)
{
    struct cell *cell = &w->s->cells[w->address];
    memset(cell, 0, sizeof *cell);
    cell->ch = c;
    cell->ge = ge;
    memcpy(cell->xa, w->attrs, sizeof w->attrs);
    w->address = next_address(w->s, w->address);
}

static struct cell *start_field(struct writer *w, uint8_t fa)
{
    struct cell *cell = &w->s->cells[w->address];
    memset(cell, 0, sizeof *cell);
    cell->field = true;
    cell->fa = fa;
    w->address = next_address(w->s, w->address);
    return cell;
}

static void apply_field_pairs(struct cell *cell, const uint8_t *pairs, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        uint8_t type = pairs[2 * i], value = pairs[2 * i + 1];
        int k = xa_index(type);
        if (type == ATTRIBUTE_FIELD)
            cell->fa = value;
        else if (k >= 0)
            cell->xa[k] = value; /* other types are ignored, as the client ignores them */
    }
}

static bool order_sf(struct writer *w)
{
    if (!have(w, 1))
        return false;
    start_field(w, w->data[w->at++]);
    return true;
}

static bool order_sba(struct writer *w)
{
    return take_address(w, &w->address);
}

static bool order_ic(struct writer *w)
{
    w->insert_cursor = w->address;
    return true;
}

/* The first position of the next unprotected field from `from` on (wrapping), or -1. */
static int next_unprotected(const struct display *s, int from)
{
    for (int k = 0, a = from; k < s->size; k++, a = next_address(s, a)) {
        const struct cell *c = &s->cells[a];
        if (c->field && !(c->fa & FA_PROTECTED) && !s->cells[next_address(s, a)].field)
            return next_address(s, a);
    }
    return -1;
}

/* PT: to the first position of the next unprotected field (address 0 when there is none before the end
   of the buffer); after character data the rest of the current field is first filled with nulls. */
static bool order_pt(struct writer *w)
{
    struct display *s = w->s;
    const struct cell *here = &s->cells[w->address];
    if (here->field && !(here->fa & FA_PROTECTED)) {
        w->address = next_address(s, w->address);
        return true;
    }
    int target = next_unprotected(s, w->address);
    if (target < w->address)
        target = 0;
    for (int a = w->address; w->after_text && a != target && !s->cells[a].field; a = next_address(s, a))
        s->cells[a].ch = 0;
    w->address = target;
    return true;
}

/* RA: the character (possibly after GE) up to, not including, the stop address; a stop address equal
   to the current one fills the whole buffer. */
static bool order_ra(struct writer *w)
{
    int stop;
    if (!take_address(w, &stop))
        return false;
    bool ge = have(w, 1) && w->data[w->at] == ORDER_GE;
    w->at += ge;
    if (!have(w, 1))
        return false;
    uint8_t c = w->data[w->at++];
    do
        put_character(w, c, ge);
    while (w->address != stop);
    return true;
}

/* EUA: nulls in the unprotected positions up to the stop address. */
static bool order_eua(struct writer *w)
{
    struct display *s = w->s;
    int stop;
    if (!take_address(w, &stop))
        return false;
    int f = field_of(s, w->address);
    bool protected = f >= 0 && (s->cells[f].fa & FA_PROTECTED);
    do {
        struct cell *cell = &s->cells[w->address];
        if (cell->field) {
            protected = cell->fa & FA_PROTECTED;
        } else if (!protected) {
            cell->ch = 0;
            cell->ge = false;
        }
        w->address = next_address(s, w->address);
    } while (w->address != stop);
    return true;
}

static bool order_ge(struct writer *w)
{
    if (!have(w, 1))
        return false;
    put_character(w, w->data[w->at++], true);
    return true;
}

static bool order_sfe(struct writer *w)
{
    const uint8_t *pairs;
    unsigned n;
    if (!take_pairs(w, &pairs, &n))
        return false;
    apply_field_pairs(start_field(w, 0), pairs, n);
    return true;
}

/* MF: new attributes for the field whose attribute is at the current address (nothing elsewhere). */
static bool order_mf(struct writer *w)
{
    const uint8_t *pairs;
    unsigned n;
    if (!take_pairs(w, &pairs, &n))
        return false;
    struct cell *cell = &w->s->cells[w->address];
    if (cell->field) {
        apply_field_pairs(cell, pairs, n);
        w->address = next_address(w->s, w->address);
    }
    return true;
}

/* SA: an attribute for the characters that follow (type 0 resets them all). */
static bool order_sa(struct writer *w)
{
    if (!have(w, 2))
        return false;
    uint8_t type = w->data[w->at], value = w->data[w->at + 1];
    w->at += 2;
    int k = xa_index(type);
    if (type == ATTRIBUTE_ALL)
        memset(w->attrs, 0, sizeof w->attrs);
    else if (k >= 0 && k < NXA_CHARACTER)
        w->attrs[k] = value;
    return true;
}

static const struct order {
    uint8_t code;
    bool extended; /* only on terminals with extended attributes */
    bool (*run)(struct writer *w);
} orders[] = {
    {ORDER_SF, false, order_sf},  {ORDER_SBA, false, order_sba}, {ORDER_IC, false, order_ic},
    {ORDER_PT, false, order_pt},  {ORDER_RA, false, order_ra},   {ORDER_EUA, false, order_eua},
    {ORDER_GE, false, order_ge},  {ORDER_SFE, true, order_sfe},  {ORDER_SA, true, order_sa},
    {ORDER_MF, true, order_mf},
};

static const struct order *find_order(uint8_t code)
{
    for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++)
        if (orders[i].code == code)
            return &orders[i];
    return NULL;
}

/* Orders and characters after the WCC.  false: an invalid order or address (operation check), with
   w->at at the start of the order, everything before it applied. */
static bool interpret(struct writer *w)
{
    while (w->at < w->length) {
        size_t start = w->at;
        uint8_t b = w->data[w->at++];
        const struct order *o = find_order(b);
        if (!o) {
            put_character(w, b, false);
            w->after_text = true;
            continue;
        }
        if ((o->extended && !w->s->terminal.extended) || !o->run(w)) {
            w->at = start;
            return false;
        }
        w->after_text = o->code == ORDER_GE;
    }
    return true;
}

/*
 * Write, Erase/Write, Erase/Write Alternate: data is the WCC, then orders and characters, written from
 * `start` (0 after an erase).  The WCC's reset-MDT acts before the orders, keyboard restore (the AID
 * back to "no AID") after them.  Returns false for an operation check; *valid is how much was applied.
 */
static bool write_data(struct display *s, const uint8_t *data, size_t length, int start, size_t *valid)
{
    uint8_t wcc = data[0];
    if (wcc & WCC_RESET_MDT)
        for (int a = 0; a < s->size; a++)
            s->cells[a].fa &= (uint8_t)~FA_MDT;
    struct writer w = {.s = s, .data = data, .length = length, .at = 1, .address = start, .insert_cursor = -1};
    bool ok = interpret(&w);
    *valid = w.at;
    s->buffer_address = w.address;
    if (w.insert_cursor >= 0)
        s->cursor = w.insert_cursor;
    if (wcc & WCC_KEYBOARD_RESTORE)
        s->aid = AID_NONE;
    s->writes++;
    return ok;
}

/* EAU: nulls in every unprotected field and its MDT off, the cursor at the first unprotected field's
   first position (0 without one), the keyboard restored; an unformatted screen is all cleared. */
static void erase_all_unprotected(struct display *s)
{
    int first = first_field(s), cursor = -1;
    bool unprotected = first < 0;
    for (int k = 0, a = first < 0 ? 0 : first; k < s->size; k++, a = next_address(s, a)) {
        struct cell *c = &s->cells[a];
        if (c->field) {
            unprotected = !(c->fa & FA_PROTECTED);
            if (unprotected) {
                c->fa &= (uint8_t)~FA_MDT;
                cursor = cursor < 0 ? next_address(s, a) : cursor;
            }
        } else if (unprotected) {
            c->ch = 0;
            c->ge = false;
        }
    }
    s->cursor = cursor < 0 ? 0 : cursor;
    s->buffer_address = 0;
    s->aid = AID_NONE;
}

/* ---- reading the buffer ------------------------------------------------------------------------- */

/* A field attribute inbound: SF and the attribute, or in extended-field mode SFE with the attribute
   and the field's extended attributes. */
static void add_field_attribute(const struct display *s, struct buf *b, const struct cell *c)
{
    if (s->reply_mode == REPLY_FIELD) {
        buf_addc(b, ORDER_SF);
        buf_addc(b, (char)code_table[c->fa & 0x3F]);
        return;
    }
    int pairs = 1;
    for (int k = 0; k < NXA; k++)
        pairs += c->xa[k] != 0;
    buf_addc(b, ORDER_SFE);
    buf_addc(b, (char)pairs);
    buf_addc(b, (char)ATTRIBUTE_FIELD);
    buf_addc(b, (char)code_table[c->fa & 0x3F]);
    for (int k = 0; k < NXA; k++)
        if (c->xa[k]) {
            buf_addc(b, (char)xa_types[k]);
            buf_addc(b, (char)c->xa[k]);
        }
}

/* A character inbound: in character mode preceded by SA orders for the requested attributes that
   change, and by GE when it was written with one. */
static void add_character(const struct display *s, struct buf *b, const struct cell *c, uint8_t current[NXA])
{
    for (size_t i = 0; s->reply_mode == REPLY_CHARACTER && i < s->nreply_types; i++) {
        int k = xa_index(s->reply_types[i]);
        if (c->xa[k] != current[k]) {
            buf_addc(b, ORDER_SA);
            buf_addc(b, (char)xa_types[k]);
            buf_addc(b, (char)c->xa[k]);
            current[k] = c->xa[k];
        }
    }
    if (c->ge)
        buf_addc(b, ORDER_GE);
    buf_addc(b, (char)c->ch);
}

/* Read Buffer: AID, cursor address, then every position from `start` to the end of the buffer, nulls
   included. */
static void read_buffer(const struct display *s, struct buf *b, int start)
{
    uint8_t current[NXA] = {0};
    buf_addc(b, (char)s->aid);
    add_address(b, s->cursor);
    for (int a = start; a < s->size; a++) {
        const struct cell *c = &s->cells[a];
        if (c->field)
            add_field_attribute(s, b, c);
        else
            add_character(s, b, c, current);
    }
}

static bool short_read_aid(uint8_t aid)
{
    return aid == AID_PA1 || aid == AID_PA2 || aid == AID_PA3 || aid == AID_CLEAR;
}

/* Read Modified: the AID alone for PA keys and Clear; else the AID, the cursor address and, for each
   field with its MDT on, SBA to its first position and its characters without nulls.  An unformatted
   screen gives all its characters without nulls. */
static void read_modified(const struct display *s, struct buf *b)
{
    uint8_t current[NXA] = {0};
    buf_addc(b, (char)s->aid);
    if (short_read_aid(s->aid))
        return;
    add_address(b, s->cursor);
    int first = first_field(s);
    bool modified = first < 0;
    for (int k = 0, a = first < 0 ? 0 : first; k < s->size; k++, a = next_address(s, a)) {
        const struct cell *c = &s->cells[a];
        if (c->field) {
            modified = c->fa & FA_MDT;
            if (modified) {
                buf_addc(b, ORDER_SBA);
                add_address(b, next_address(s, a));
            }
        } else if (modified && c->ch) {
            add_character(s, b, c, current);
        }
    }
}

/* ---- the query reply ---------------------------------------------------------------------------- */

enum {
    QR_SUMMARY = 0x80,
    QR_USABLE_AREA = 0x81,
    QR_ALPHANUMERIC_PARTITIONS = 0x84,
    QR_CHARACTER_SETS = 0x85,
    QR_COLOR = 0x86,
    QR_HIGHLIGHTING = 0x87,
    QR_REPLY_MODES = 0x88,
    QR_IMPLICIT_PARTITION = 0xA6,
    QR_NULL = 0xFF,
};

static void add_u16(struct buf *b, unsigned v)
{
    buf_addc(b, (char)(v >> 8));
    buf_addc(b, (char)v);
}

/* Usable area: 12/14-bit addressing, the full (alternate) screen in character cells, and the cell and
   screen dimensions of a 3279-2 (units mm; Xr 10/741, Yr 2/111; cells 9x12). */
static void qr_usable_area(const struct display *s, struct buf *b)
{
    static const uint8_t ratios[] = {0x01, 0x00, 0x0A, 0x02, 0xE5, 0x00, 0x02, 0x00, 0x6F, 0x09, 0x0C};
    int rows = model_sizes[s->terminal.model].rows, columns = model_sizes[s->terminal.model].columns;
    buf_addc(b, 0x01);
    buf_addc(b, 0x00);
    add_u16(b, (unsigned)columns);
    add_u16(b, (unsigned)rows);
    buf_add(b, ratios, sizeof ratios);
    add_u16(b, (unsigned)(rows * columns));
}

/* Alphanumeric partitions: the implicit partition only, the whole buffer, no features. */
static void qr_alphanumeric_partitions(const struct display *s, struct buf *b)
{
    buf_addc(b, 0x00);
    add_u16(b, (unsigned)(model_sizes[s->terminal.model].rows * model_sizes[s->terminal.model].columns));
    buf_addc(b, 0x00);
}

/* Character sets: the base set only, not loadable, graphic escape supported, CGCSGID 697/37. */
static void qr_character_sets(const struct display *s, struct buf *b)
{
    (void)s;
    static const uint8_t sets[] = {0x82, 0x00, 0x09, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x07,
                                   0x00, 0x10, 0x00, 0x02, 0xB9, 0x00, 0x25};
    buf_add(b, sets, sizeof sets);
}

/* Color: eight pairs, the default shown green; a monochrome 3278 maps every color to the default. */
static void qr_color(const struct display *s, struct buf *b)
{
    buf_addc(b, 0x00);
    buf_addc(b, 0x08);
    buf_addc(b, 0x00);
    buf_addc(b, (char)0xF4);
    for (uint8_t color = 0xF1; color <= 0xF7; color++) {
        buf_addc(b, (char)color);
        buf_addc(b, (char)(s->terminal.color ? color : 0x00));
    }
}

/* Highlighting: default (normal), blink, reverse video, underscore. */
static void qr_highlighting(const struct display *s, struct buf *b)
{
    (void)s;
    static const uint8_t pairs[] = {0x04, 0x00, 0xF0, 0xF1, 0xF1, 0xF2, 0xF2, 0xF4, 0xF4};
    buf_add(b, pairs, sizeof pairs);
}

static void qr_reply_modes(const struct display *s, struct buf *b)
{
    (void)s;
    static const uint8_t modes[] = {REPLY_FIELD, REPLY_EXTENDED_FIELD, REPLY_CHARACTER};
    buf_add(b, modes, sizeof modes);
}

/* Implicit partition: default 24x80, alternate the model's size. */
static void qr_implicit_partition(const struct display *s, struct buf *b)
{
    static const uint8_t head[] = {0x00, 0x00, 0x0B, 0x01, 0x00};
    buf_add(b, head, sizeof head);
    add_u16(b, DEFAULT_COLUMNS);
    add_u16(b, DEFAULT_ROWS);
    add_u16(b, (unsigned)model_sizes[s->terminal.model].columns);
    add_u16(b, (unsigned)model_sizes[s->terminal.model].rows);
}

static void qr_summary(const struct display *s, struct buf *b);

static const struct query_reply {
    uint8_t code;
    void (*body)(const struct display *s, struct buf *b);
} query_replies[] = {
    {QR_SUMMARY, qr_summary},
    {QR_USABLE_AREA, qr_usable_area},
    {QR_ALPHANUMERIC_PARTITIONS, qr_alphanumeric_partitions},
    {QR_CHARACTER_SETS, qr_character_sets},
    {QR_COLOR, qr_color},
    {QR_HIGHLIGHTING, qr_highlighting},
    {QR_REPLY_MODES, qr_reply_modes},
    {QR_IMPLICIT_PARTITION, qr_implicit_partition},
};
enum { NQUERY_REPLIES = sizeof query_replies / sizeof query_replies[0] };

static void qr_summary(const struct display *s, struct buf *b)
{
    (void)s;
    for (size_t i = 0; i < NQUERY_REPLIES; i++)
        buf_addc(b, (char)query_replies[i].code);
}

/* One query reply structured field: length, X'81', the code, the body. */
static void add_query_reply(const struct display *s, struct buf *b, uint8_t code,
                            void (*body)(const struct display *s, struct buf *b))
{
    size_t start = b->len;
    add_u16(b, 0);
    buf_addc(b, (char)0x81);
    buf_addc(b, (char)code);
    if (body)
        body(s, b);
    b->data[start] = (char)((b->len - start) >> 8);
    b->data[start + 1] = (char)(b->len - start);
}

/* The inbound record answering a Read Partition Query (list NULL: every reply) or Query List (the
   replies named in the list that exist; the Null reply when none does). */
static void query(struct display *s, const uint8_t *list, size_t n)
{
    s->inbound.len = 0;
    buf_addc(&s->inbound, (char)AID_STRUCTURED_FIELD);
    bool any = false;
    for (size_t i = 0; i < NQUERY_REPLIES; i++)
        if (!list || memchr(list, query_replies[i].code, n)) {
            add_query_reply(s, &s->inbound, query_replies[i].code, query_replies[i].body);
            any = true;
        }
    if (!any)
        add_query_reply(s, &s->inbound, QR_NULL, NULL);
}

/* ---- structured fields -------------------------------------------------------------------------- */

/* Read Partition (partition X'FF'): Query, or Query List with a list (X'00'), equivalent and list
   (X'40') or all (X'80').  The reply waits for the next read command; nothing goes to the client. */
static bool sf_read_partition(struct display *s, const uint8_t *sf, size_t n)
{
    if (n < 5 || sf[3] != 0xFF)
        return false;
    if (sf[4] == 0x02 && n == 5) {
        query(s, NULL, 0);
        return true;
    }
    if (sf[4] != 0x03 || n < 6 || (sf[5] != 0x00 && sf[5] != 0x40 && sf[5] != 0x80))
        return false;
    if (sf[5] == 0x00)
        query(s, sf + 6, n - 6);
    else
        query(s, NULL, 0);
    return true;
}

/* Erase/Reset: erase to the default size, or the alternate one with flag X'80'; reply mode field. */
static bool sf_erase_reset(struct display *s, const uint8_t *sf, size_t n)
{
    if (n != 4 || (sf[3] & 0x7F))
        return false;
    erase(s, sf[3] & 0x80);
    s->reply_mode = REPLY_FIELD;
    return true;
}

/* Set Reply Mode (partition 0): field, extended field, or character with its attribute types. */
static bool sf_set_reply_mode(struct display *s, const uint8_t *sf, size_t n)
{
    if (n < 5 || sf[3] != 0x00 || sf[4] > REPLY_CHARACTER)
        return false;
    s->reply_mode = sf[4];
    s->nreply_types = 0;
    for (size_t i = 5; s->reply_mode == REPLY_CHARACTER && i < n; i++) {
        int k = xa_index(sf[i]);
        if (k >= 0 && k < NXA_CHARACTER && s->nreply_types < NXA_CHARACTER)
            s->reply_types[s->nreply_types++] = sf[i];
    }
    return true;
}

/* Outbound 3270DS (partition 0): a Write, Erase/Write (Alternate) or EAU in the SNA command codes.
   An erase here keeps the partition's size. */
static bool sf_outbound_3270ds(struct display *s, const uint8_t *sf, size_t n)
{
    if (n < 5 || sf[3] != 0x00)
        return false;
    size_t valid;
    switch (sf[4]) {
    case REMOTE_ERASE_WRITE:
    case REMOTE_ERASE_WRITE_ALTERNATE:
        erase(s, s->size != DEFAULT_ROWS * DEFAULT_COLUMNS);
        return n == 5 || write_data(s, sf + 5, n - 5, 0, &valid);
    case REMOTE_WRITE:
        return n == 5 || write_data(s, sf + 5, n - 5, s->cursor, &valid);
    case REMOTE_ERASE_ALL_UNPROTECTED:
        erase_all_unprotected(s);
        return true;
    default:
        return false;
    }
}

static const struct structured_field {
    uint8_t id;
    bool to_client; /* passed on in the WSF sent to the client */
    bool (*run)(struct display *s, const uint8_t *sf, size_t n);
} structured_fields[] = {
    {0x01, false, sf_read_partition},
    {0x03, true, sf_erase_reset},
    {0x09, true, sf_set_reply_mode},
    {0x40, true, sf_outbound_3270ds},
};

static const struct structured_field *find_structured_field(uint8_t id)
{
    for (size_t i = 0; i < sizeof structured_fields / sizeof structured_fields[0]; i++)
        if (structured_fields[i].id == id)
            return &structured_fields[i];
    return NULL;
}

/* The structured fields of a WSF, each length (0: the rest) + ID + data.  Those for the client are
   copied to `forward`.  false: a malformed or unsupported one (operation check), those before it done. */
static bool write_structured_fields(struct display *s, const uint8_t *data, size_t length, struct buf *forward)
{
    for (size_t at = 0; at < length;) {
        if (length - at < 3)
            return false;
        size_t n = (size_t)data[at] << 8 | data[at + 1];
        n = n == 0 ? length - at : n;
        const struct structured_field *f = find_structured_field(data[at + 2]);
        if (n < 3 || n > length - at || !f || !f->run(s, data + at, n))
            return false;
        if (f->to_client)
            buf_add(forward, data + at, n);
        at += n;
    }
    return true;
}

/* ---- channel commands --------------------------------------------------------------------------- */

static void ending(struct io_request *r, bool ok, struct device *d)
{
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    if (!ok) {
        uint8_t sense[1] = {SENSE_OPERATION_CHECK};
        device_set_sense(d, sense, 1);
        r->status |= UNIT_CHECK;
    }
}

/* A command chained to a write or read goes on at the buffer address that one left (3274: the buffer
   address register); otherwise a write starts at the cursor and a read at address 0. */
static bool continues_chain(const struct io_request *r)
{
    return r->chained && (r->previous == CMD_WRITE || r->previous == CMD_ERASE_WRITE ||
                          r->previous == CMD_ERASE_WRITE_ALTERNATE || r->previous == CMD_READ_BUFFER ||
                          r->previous == CMD_READ_MODIFIED);
}

/* Write, Erase/Write, Erase/Write Alternate.  The client gets the data stream as far as it was valid;
   when the write started elsewhere than at the cursor (chained), an SBA after the WCC says where. */
static void write_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    bool plain = r->command == CMD_WRITE;
    if (!plain)
        erase(s, r->command == CMD_ERASE_WRITE_ALTERNATE);
    if (!plain && (r->data[0] & WCC_RESET))
        s->reply_mode = REPLY_FIELD;
    int cursor = s->cursor, start = plain && continues_chain(r) ? s->buffer_address : plain ? cursor : 0;
    size_t valid;
    bool ok = write_data(s, r->data, r->count, start, &valid);
    buf_addc(out, (char)(plain ? REMOTE_WRITE : r->command == CMD_ERASE_WRITE ? REMOTE_ERASE_WRITE
                                                                             : REMOTE_ERASE_WRITE_ALTERNATE));
    buf_addc(out, (char)r->data[0]);
    if (start != cursor && valid > 1 && r->data[1] != ORDER_SBA) {
        buf_addc(out, ORDER_SBA);
        add_address(out, start);
    }
    buf_add(out, r->data + 1, valid - 1);
    ending(r, ok, d);
}

/* EAU transfers no data. */
static void eau_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    erase_all_unprotected(s);
    buf_addc(out, (char)REMOTE_ERASE_ALL_UNPROTECTED);
    ending(r, true, d);
}

/* WSF: only extended terminals take structured fields (elsewhere an operation check, as Hercules). */
static void wsf_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    if (!s->terminal.extended) {
        ending(r, false, d);
        return;
    }
    struct buf forward = {0};
    bool ok = write_structured_fields(s, r->data, r->count, &forward);
    if (forward.len) {
        buf_addc(out, (char)REMOTE_WRITE_STRUCTURED_FIELD);
        buf_add(out, forward.data, forward.len);
    }
    buf_free(&forward);
    ending(r, ok, d);
}

/* Read Buffer and Read Modified: a waiting structured-field record if there is one, else from the
   buffer.  More than the count is cut (incorrect length unless SLI). */
static void read_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    (void)out;
    struct buf in = {0};
    if (s->inbound.len) {
        buf_add(&in, s->inbound.data, s->inbound.len);
        s->inbound.len = 0;
    } else if (r->command == CMD_READ_MODIFIED) {
        read_modified(s, &in);
    } else {
        read_buffer(s, &in, continues_chain(r) ? s->buffer_address : 0);
    }
    uint32_t n = in.len < r->count ? (uint32_t)in.len : r->count;
    memcpy(r->data, in.data, n);
    r->residual = r->count - n;
    r->longer = in.len > r->count;
    s->buffer_address = 0;
    s->reads++;
    buf_free(&in);
    ending(r, true, d);
}

/* NOP and Select (X'0B', X'1B', X'2B', X'3B', X'4B'): no data; the buffer address goes back to 0. */
static void select_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    (void)out;
    s->buffer_address = 0;
    ending(r, true, d);
}

static void sense_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    (void)s;
    (void)out;
    device_sense(d, r);
}

/* SENSE ID: a 3274 model 1D with a 3278 model 2, whatever the terminal (Hercules). */
static void sense_id_command(struct device *d, struct display *s, struct io_request *r, struct buf *out)
{
    (void)s;
    (void)out;
    static const uint8_t id[7] = {0xFF, 0x32, 0x74, 0x1D, 0x32, 0x78, 0x02};
    uint32_t n = r->count < sizeof id ? r->count : (uint32_t)sizeof id;
    memcpy(r->data, id, n);
    r->residual = r->count - n;
    r->longer = r->count < sizeof id;
    ending(r, true, d);
}

static const struct display_command {
    uint8_t command;
    void (*run)(struct device *d, struct display *s, struct io_request *r, struct buf *out);
} display_commands[] = {
    {CMD_WRITE, write_command},
    {CMD_ERASE_WRITE, write_command},
    {CMD_ERASE_WRITE_ALTERNATE, write_command},
    {CMD_ERASE_ALL_UNPROTECTED, eau_command},
    {CMD_WRITE_STRUCTURED_FIELD, wsf_command},
    {CMD_READ_BUFFER, read_command},
    {CMD_READ_MODIFIED, read_command},
    {CMD_NOP, select_command},
    {0x0B, select_command},
    {0x1B, select_command},
    {0x2B, select_command},
    {0x3B, select_command},
    {0x4B, select_command},
    {CMD_SENSE, sense_command},
    {CMD_SENSE_ID, sense_id_command},
};

static void display_execute(struct device *d, struct io_request *r)
{
    struct display *s = d->state;
    struct buf out = {0};
    pthread_mutex_lock(&s->lock);
    struct display_client client = s->client;
    const struct display_command *command = NULL;
    for (size_t i = 0; i < sizeof display_commands / sizeof display_commands[0]; i++)
        if (display_commands[i].command == r->command)
            command = &display_commands[i];
    if (!s->connected && r->command != CMD_SENSE) {
        uint8_t sense[1] = {SENSE_INTERVENTION_REQUIRED};
        device_set_sense(d, sense, 1);
        r->residual = r->count;
        r->status = UNIT_CHECK;
    } else if (!command) {
        device_reject(d, r);
    } else {
        command->run(d, s, r, &out);
    }
    pthread_mutex_unlock(&s->lock);
    if (out.len)
        client.send(client.ctx, d, (const uint8_t *)out.data, out.len);
    buf_free(&out);
}

/* ---- the client --------------------------------------------------------------------------------- */

bool display_terminal_parse(const char *type, struct display_terminal *t)
{
    char kind[5];
    int model, end = 0;
    if (strncasecmp_ascii(type, "IBM-", 4) != 0 || sscanf(type + 4, "%4[0-9]-%1d%n", kind, &model, &end) != 2)
        return false;
    const char *rest = type + 4 + end;
    bool extended = strcasecmp_ascii(rest, "-E") == 0;
    if (!extended && *rest)
        return false;
    if ((strcmp(kind, "3278") == 0 || strcmp(kind, "3279") == 0) && model >= 2 && model <= 5) {
        *t = (struct display_terminal){model, extended, kind[3] == '9'};
        return true;
    }
    if (strcmp(kind, "3277") == 0 && model == 2 && !extended) {
        *t = (struct display_terminal){2, false, false};
        return true;
    }
    return false;
}

bool display_connect(struct device *d, const struct display_client *client, const struct display_terminal *t)
{
    struct display *s = d->state;
    if (t->model < 2 || t->model > 5)
        return false;
    pthread_mutex_lock(&s->lock);
    bool free_display = !s->connected;
    if (free_display) {
        s->connected = true;
        s->client = *client;
        s->terminal = *t;
        erase(s, false);
        s->aid = AID_NONE;
        s->reply_mode = REPLY_FIELD;
        s->inbound.len = 0;
    }
    pthread_mutex_unlock(&s->lock);
    if (free_display)
        device_status(d, UNIT_DEVICE_END);
    return free_display;
}

void display_disconnect(struct device *d)
{
    struct display *s = d->state;
    pthread_mutex_lock(&s->lock);
    s->connected = false;
    pthread_mutex_unlock(&s->lock);
}

bool display_connected(const struct device *d)
{
    struct display *s = d->state;
    pthread_mutex_lock(&s->lock);
    bool connected = s->connected;
    pthread_mutex_unlock(&s->lock);
    return connected;
}

const struct terminal_filter *display_filter(const struct device *d)
{
    const struct display *s = d->state;
    return &s->filter;
}

/* The positions from `address` up to the next field attribute (wrapping), or on an unformatted screen
   to the end of the buffer. */
static int field_room(const struct display *s, int address, bool formatted)
{
    if (!formatted)
        return s->size - address;
    int room = 0;
    for (int a = address; room < s->size && !s->cells[a].field; a = next_address(s, a))
        room++;
    return room;
}

/* The operator's input for the field from `address` (or the unformatted screen from 0): the characters
   sent (nulls were left out), then nulls to the end of the field; the field's MDT goes on. */
static size_t apply_field_input(struct display *s, int address, const uint8_t *rec, size_t at, size_t n)
{
    int field = field_of(s, address), room = field_room(s, address, field >= 0), used = 0;
    while (at < n && rec[at] != ORDER_SBA) {
        uint8_t b = rec[at++];
        if (b == ORDER_SA) {
            at = at + 2 < n ? at + 2 : n;
            continue;
        }
        bool ge = b == ORDER_GE && at < n;
        if (ge)
            b = rec[at++];
        if (used < room) {
            s->cells[(address + used) % s->size].ch = b;
            s->cells[(address + used) % s->size].ge = ge;
            used++;
        }
    }
    for (; used < room; used++)
        s->cells[(address + used) % s->size].ch = 0;
    if (field >= 0)
        s->cells[field].fa |= FA_MDT;
    return at;
}

static void apply_inbound(struct display *s, const uint8_t *rec, size_t n)
{
    if (rec[0] == AID_STRUCTURED_FIELD || rec[0] == AID_TEST_REQUEST) {
        s->inbound.len = 0;
        buf_add(&s->inbound, rec, n);
        return;
    }
    s->aid = rec[0];
    if (rec[0] == AID_CLEAR)
        erase(s, false);
    if (n < 3)
        return;
    int cursor = decode_address(rec[1], rec[2]);
    s->cursor = cursor < s->size ? cursor : s->cursor;
    size_t at = 3;
    if (at < n && rec[at] != ORDER_SBA && first_field(s) < 0)
        at = apply_field_input(s, 0, rec, at, n);
    while (at + 3 <= n && rec[at] == ORDER_SBA) {
        int address = decode_address(rec[at + 1], rec[at + 2]);
        if (address >= s->size)
            return;
        at = apply_field_input(s, address, rec, at + 3, n);
    }
}

void display_inbound(struct device *d, const uint8_t *record, size_t length)
{
    struct display *s = d->state;
    if (length == 0)
        return;
    pthread_mutex_lock(&s->lock);
    apply_inbound(s, record, length);
    pthread_mutex_unlock(&s->lock);
    device_status(d, UNIT_ATTENTION);
}

/* ---- definition --------------------------------------------------------------------------------- */

static bool display_init(struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    struct display *s = xcalloc(1, sizeof *s);
    if (!terminal_filter_parse(&s->filter, argc, argv, err, errlen)) {
        free(s);
        return false;
    }
    pthread_mutex_init(&s->lock, NULL);
    s->terminal.model = 2;
    erase(s, false);
    s->aid = AID_NONE;
    d->state = s;
    d->model_type = (uint16_t)strtoul(d->type_name, NULL, 16);
    d->sense_length = 1;
    return true;
}

static void display_close(struct device *d)
{
    struct display *s = d->state;
    if (!s)
        return;
    buf_free(&s->inbound);
    pthread_mutex_destroy(&s->lock);
    free(s);
    d->state = NULL;
}

static void display_describe(struct device *d, char *buf, size_t len)
{
    struct display *s = d->state;
    pthread_mutex_lock(&s->lock);
    if (s->connected)
        snprintf(buf, len, "connected, %s-%d%s, %dx%d, cursor %d,%d, %lu writes, %lu reads",
                 s->terminal.color ? "3279" : "3278", s->terminal.model, s->terminal.extended ? "-E" : "", s->rows,
                 s->columns, s->cursor / s->columns + 1, s->cursor % s->columns + 1, s->writes, s->reads);
    else
        snprintf(buf, len, "not connected%s%s", s->filter.group[0] ? ", group " : "", s->filter.group);
    pthread_mutex_unlock(&s->lock);
}

static const char *const display_aliases[] = {"3277", "3278", "3279", NULL};

const struct device_type device_display = {
    .name = "3270",
    .aliases = display_aliases,
    .device_class = "DSP",
    .init = display_init,
    .execute = display_execute,
    .close = display_close,
    .describe = display_describe,
};
