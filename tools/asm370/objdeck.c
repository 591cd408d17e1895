/*
 * objdeck.c - the 80-column OS/360 object deck (ESD, TXT, RLD and END cards, as in the HLASM
 * Programmer's Guide appendix "Object deck output") and obj_module_free.  It punches what the
 * assembler built; it does not lay out or relocate anything (that is objimage.c).
 *
 * Every card: column 1 X'02', columns 2-4 the card type in EBCDIC, unused columns EBCDIC blanks,
 * numbers big-endian binary.  Columns 73-80 hold the first (up to) four characters of the deck id
 * followed by a decimal sequence number filling the remaining columns, from 1: HLASM's rule ("the
 * deck id, and the sequence number in the remaining columns"), with the id capped at four
 * characters so that every card is numbered.  No date and no IDR data are punched, so the same
 * module always gives the same bytes.
 */
#include "tools/asm370/objmod.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/ebcdic.h"
#include "common/util.h"

enum {
    CARD_SIZE = 80,
    CARD_DATA = 16,            /* column 17: first byte of the variable field */
    ESD_ITEM_SIZE = 16,
    ESD_ITEMS_PER_CARD = 3,
    TXT_BYTES_PER_CARD = 56,   /* columns 17-72 */
    RLD_BYTES_PER_CARD = 56,   /* columns 17-72 */
    DECK_ID_MAX = 4,
    MAX_ADDRESS = 0xFFFFFF,    /* three-byte address fields */
    MAX_ESDID = 0xFFFF,        /* two-byte ESDID fields */
};

/* RLD flag byte (HLASM "RLD record format", column 21 of each entry). */
enum {
    RLD_FLAG_VCON = 0x10,        /* bits 2-3 = 01: V-type constant (00 = A-type) */
    RLD_FLAG_LENGTH_SHIFT = 2,   /* bits 4-5: constant length minus one */
    RLD_FLAG_NEGATIVE = 0x02,    /* bit 6: relocation is subtracted */
    RLD_FLAG_SAME_POINTERS = 0x01, /* bit 7: next entry has the same R and P, which it omits */
};

/* ESD item flag for SD/PC/CM: AMODE 24 (bits 6-7 = 00) and RMODE 24 (bit 5 = 0). */
#define ESD_FLAG_AMODE24_RMODE24 0x00

struct deck {
    FILE *out;
    const char *path;
    struct diag_list *diags;
    char id[DECK_ID_MAX + 1];
    int sequence_digits;
    unsigned long sequence;
    bool failed;
};

static void deck_error(struct deck *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void deck_error(struct deck *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d->diags, d->path, 0, 0, -1, DIAG_ERROR, fmt, ap);
    va_end(ap);
    d->failed = true;
}

static void put_big_endian(uint8_t *p, uint32_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; i--, value >>= 8)
        p[i] = (uint8_t)value;
}

static void put_text(uint8_t *p, const char *text, size_t width)
{
    size_t n = strlen(text);
    memset(p, EBCDIC_SPACE, width);
    ebcdic_from_ascii(p, text, n < width ? n : width);
}

/* A fresh card of the given type ("ESD", "TXT", ...): X'02', the type, blanks elsewhere. */
static void card_begin(uint8_t card[CARD_SIZE], const char *type)
{
    memset(card, EBCDIC_SPACE, CARD_SIZE);
    card[0] = 0x02;
    ebcdic_from_ascii(card + 1, type, 3);
}

/* Columns 73-80: deck id, then the sequence number (modulo its width) in the rest. */
static void card_punch(struct deck *d, uint8_t card[CARD_SIZE])
{
    char sequence_field[9];
    unsigned long modulus = 1;
    for (int i = 0; i < d->sequence_digits; i++)
        modulus *= 10;
    d->sequence++;
    snprintf(sequence_field, sizeof sequence_field, "%s%0*lu", d->id, d->sequence_digits,
             d->sequence % modulus);
    put_text(card + 72, sequence_field, 8);
    if (d->failed)
        return;
    if (fwrite(card, 1, CARD_SIZE, d->out) != CARD_SIZE)
        deck_error(d, "cannot write the object deck: %s", strerror(errno));
}

static void deck_init(struct deck *d, FILE *out, const struct obj_module *m, const char *path,
                      struct diag_list *diags)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->path = path;
    d->diags = diags;
    size_t n = strnlen(m->deck_id, sizeof m->deck_id);
    if (n > DECK_ID_MAX)
        n = DECK_ID_MAX;
    memcpy(d->id, m->deck_id, n);
    d->id[n] = '\0';
    d->sequence_digits = 8 - (int)n;
}

/* ---- ESD cards ---------------------------------------------------------------------------- */

static bool is_label(const struct obj_esd *e)
{
    return e->type == OBJ_LD;
}

static bool has_section_fields(const struct obj_esd *e)
{
    return e->type == OBJ_SD || e->type == OBJ_PC || e->type == OBJ_CM;
}

/* One 16-byte ESD item: name, type, address, flag, then length (sections) or owner (labels).
   References (ER, WX) carry only name and type; their other fields stay blank. */
static void esd_item(uint8_t *p, const struct obj_esd *e)
{
    put_text(p, e->type == OBJ_PC ? "" : e->name, 8);
    p[8] = (uint8_t)e->type;
    if (has_section_fields(e)) {
        put_big_endian(p + 9, e->address, 3);
        p[12] = ESD_FLAG_AMODE24_RMODE24;
        put_big_endian(p + 13, e->length, 3);
    } else if (is_label(e)) {
        put_big_endian(p + 9, e->address, 3);
        put_big_endian(p + 13, (uint32_t)e->owner, 3);
    }
}

/* The loader numbers the non-LD items of a card from the ESDID in columns 15-16, so the items must
   come in ESDID order 1, 2, 3, ... with labels anywhere between them. */
static bool esd_items_valid(struct deck *d, const struct obj_module *m)
{
    int expected = 1;
    for (size_t i = 0; i < m->nesds; i++) {
        const struct obj_esd *e = &m->esds[i];
        if (is_label(e)) {
            if (e->owner < 1 || e->owner > MAX_ESDID)
                deck_error(d, "ESD label %s has no valid owning section (ESDID %d)", e->name, e->owner);
        } else if (e->esdid != expected) {
            deck_error(d, "ESD item %s has ESDID %d where %d was expected (items must be in ESDID order)",
                       e->name[0] ? e->name : "(private code)", e->esdid, expected);
            return false;
        } else {
            expected++;
        }
        bool placed = has_section_fields(e) || is_label(e);
        if (placed && (e->address > MAX_ADDRESS || e->length > MAX_ADDRESS))
            deck_error(d, "ESD item %s: address or length beyond X'FFFFFF'", e->name);
    }
    if (expected - 1 > MAX_ESDID)
        deck_error(d, "too many external symbols (%d) for two-byte ESDIDs", expected - 1);
    return !d->failed;
}

static void write_esd_cards(struct deck *d, const struct obj_module *m)
{
    for (size_t first = 0; first < m->nesds; first += ESD_ITEMS_PER_CARD) {
        uint8_t card[CARD_SIZE];
        card_begin(card, "ESD");
        size_t count = m->nesds - first < ESD_ITEMS_PER_CARD ? m->nesds - first : ESD_ITEMS_PER_CARD;
        bool numbered = false;
        for (size_t i = 0; i < count; i++) {
            const struct obj_esd *e = &m->esds[first + i];
            esd_item(card + CARD_DATA + i * ESD_ITEM_SIZE, e);
            if (!is_label(e) && !numbered) {
                put_big_endian(card + 14, (uint32_t)e->esdid, 2);
                numbered = true;
            }
        }
        put_big_endian(card + 10, (uint32_t)(count * ESD_ITEM_SIZE), 2);
        card_punch(d, card);
    }
}

/* ---- TXT cards ---------------------------------------------------------------------------- */

static void punch_text(struct deck *d, const struct obj_section *s, uint32_t offset, uint32_t count)
{
    uint8_t card[CARD_SIZE];
    card_begin(card, "TXT");
    put_big_endian(card + 5, s->address + offset, 3);
    put_big_endian(card + 10, count, 2);
    put_big_endian(card + 14, (uint32_t)s->esdid, 2);
    memcpy(card + CARD_DATA, s->bytes + offset, count);
    card_punch(d, card);
}

/* Runs of defined bytes, each cut into cards of at most 56 bytes; undefined bytes (DS, ORG gaps)
   are not punched, as the loader leaves them alone. */
static void write_section_text(struct deck *d, const struct obj_section *s)
{
    if (s->length && (s->address > MAX_ADDRESS || s->length - 1 > MAX_ADDRESS - s->address)) {
        deck_error(d, "section ESDID %d at X'%X' extends beyond X'FFFFFF'", s->esdid, (unsigned)s->address);
        return;
    }
    uint32_t i = 0;
    while (i < s->length) {
        if (!s->defined[i]) {
            i++;
            continue;
        }
        uint32_t start = i;
        while (i < s->length && s->defined[i] && i - start < TXT_BYTES_PER_CARD)
            i++;
        punch_text(d, s, start, i - start);
    }
}

/* ---- RLD cards ---------------------------------------------------------------------------- */

static bool rld_valid(struct deck *d, const struct obj_rld *r)
{
    if (r->length < 1 || r->length > 4)
        deck_error(d, "RLD item at X'%X': length %d is not 1 to 4", (unsigned)r->address, r->length);
    else if (r->relocation < 1 || r->relocation > MAX_ESDID || r->position < 1 || r->position > MAX_ESDID)
        deck_error(d, "RLD item at X'%X': ESDIDs %d/%d out of range", (unsigned)r->address, r->relocation,
                   r->position);
    else if (r->address > MAX_ADDRESS)
        deck_error(d, "RLD item at X'%X': address beyond X'FFFFFF'", (unsigned)r->address);
    else
        return true;
    return false;
}

static uint8_t rld_flag(const struct obj_rld *r)
{
    uint8_t flag = (uint8_t)((r->length - 1) << RLD_FLAG_LENGTH_SHIFT);
    if (r->vcon)
        flag |= RLD_FLAG_VCON;
    if (r->negative)
        flag |= RLD_FLAG_NEGATIVE;
    return flag;
}

struct rld_card {
    uint8_t card[CARD_SIZE];
    size_t used;               /* bytes of columns 17-72 filled */
    size_t last_flag;          /* offset of the previous entry's flag byte, to set bit 7 */
    const struct obj_rld *last; /* previous entry on this card, NULL on a fresh card */
};

static void rld_card_flush(struct deck *d, struct rld_card *c)
{
    if (c->used) {
        put_big_endian(c->card + 10, (uint32_t)c->used, 2);
        card_punch(d, c->card);
    }
    card_begin(c->card, "RLD");
    c->used = 0;
    c->last = NULL;
}

/* An entry whose R and P pointers repeat the previous entry's on the same card is punched as flag
   and address only, and the previous flag gets bit 7.  The first entry of a card is always full,
   so the last entry of a card never has bit 7 set. */
static void rld_card_add(struct deck *d, struct rld_card *c, const struct obj_rld *r)
{
    bool same = c->last && c->last->relocation == r->relocation && c->last->position == r->position;
    size_t size = same ? 4 : 8;
    if (c->used + size > RLD_BYTES_PER_CARD) {
        rld_card_flush(d, c);
        same = false;
        size = 8;
    }
    uint8_t *p = c->card + CARD_DATA + c->used;
    if (same) {
        c->card[c->last_flag] |= RLD_FLAG_SAME_POINTERS;
    } else {
        put_big_endian(p, (uint32_t)r->relocation, 2);
        put_big_endian(p + 2, (uint32_t)r->position, 2);
        p += 4;
    }
    p[0] = rld_flag(r);
    put_big_endian(p + 1, r->address, 3);
    c->last_flag = (size_t)(p - c->card);
    c->last = r;
    c->used += size;
}

static void write_rld_cards(struct deck *d, const struct obj_module *m)
{
    struct rld_card c;
    card_begin(c.card, "RLD");
    c.used = 0;
    c.last = NULL;
    for (size_t i = 0; i < m->nrlds; i++)
        if (rld_valid(d, &m->rlds[i]))
            rld_card_add(d, &c, &m->rlds[i]);
    rld_card_flush(d, &c);
}

/* ---- END card ----------------------------------------------------------------------------- */

/* Type 1 END card: entry address (columns 6-8) and its ESDID (15-16), both blank without an
   entry.  Columns 29-32 (a section length missing from the ESD) stay blank: every SD item
   carries its length.  Column 33 (IDR count) stays blank: no IDR, no date. */
static void write_end_card(struct deck *d, const struct obj_module *m)
{
    uint8_t card[CARD_SIZE];
    card_begin(card, "END");
    if (m->has_entry) {
        if (m->entry > MAX_ADDRESS || m->entry_esdid < 1 || m->entry_esdid > MAX_ESDID)
            deck_error(d, "entry point X'%X' in ESDID %d cannot be punched", (unsigned)m->entry,
                       m->entry_esdid);
        put_big_endian(card + 5, m->entry, 3);
        put_big_endian(card + 14, (uint32_t)m->entry_esdid, 2);
    }
    card_punch(d, card);
}

bool obj_write_deck(FILE *out, const struct obj_module *m, const char *path, struct diag_list *diags)
{
    struct deck d;
    deck_init(&d, out, m, path, diags);
    if (!esd_items_valid(&d, m))
        return false;
    write_esd_cards(&d, m);
    for (size_t i = 0; i < m->nsections; i++)
        write_section_text(&d, &m->sections[i]);
    write_rld_cards(&d, m);
    write_end_card(&d, m);
    if (!d.failed && fflush(out) != 0)
        deck_error(&d, "cannot write the object deck: %s", strerror(errno));
    return !d.failed;
}

void obj_module_free(struct obj_module *m)
{
    for (size_t i = 0; i < m->nsections; i++) {
        free(m->sections[i].bytes);
        free(m->sections[i].defined);
    }
    free(m->sections);
    free(m->esds);
    free(m->rlds);
    m->sections = NULL;
    m->esds = NULL;
    m->rlds = NULL;
    m->nsections = m->nesds = m->nrlds = 0;
}
