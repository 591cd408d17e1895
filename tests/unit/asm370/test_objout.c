/*
 * test_objout.c - asm370's output writers on modules built by hand: the object deck card by card,
 * the relocated image and flat binary, the IPL card deck (run through a small channel-program
 * interpreter, and byte for byte) and the IPL text.  Expected bytes come from the card formats.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/objmod.h"
#include "common/util.h"

/* ---- building modules --------------------------------------------------------------------- */

struct module_builder {
    struct obj_module m;
    size_t esd_cap, section_cap, rld_cap;
};

static void add_esd(struct module_builder *b, const char *name, enum obj_esd_type type, int esdid,
                    uint32_t address, uint32_t length, int owner)
{
    struct obj_esd *e = ARRAY_PUSH(b->m.esds, b->m.nesds, b->esd_cap);
    memset(e, 0, sizeof *e);
    snprintf(e->name, sizeof e->name, "%s", name);
    e->type = type;
    e->esdid = esdid;
    e->address = address;
    e->length = length;
    e->owner = owner;
}

/* A section whose bytes come from `hex`; "..", stands for an undefined byte. */
static struct obj_section *add_section(struct module_builder *b, int esdid, uint32_t address, uint32_t length,
                                       const char *hex)
{
    struct obj_section *s = ARRAY_PUSH(b->m.sections, b->m.nsections, b->section_cap);
    s->esdid = esdid;
    s->address = address;
    s->length = length;
    s->bytes = xcalloc(length, 1);
    s->defined = xcalloc(length, 1);
    uint32_t i = 0;
    for (const char *p = hex; p && *p && i < length;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        if (p[0] != '.') {
            unsigned value;
            sscanf(p, "%2x", &value);
            s->bytes[i] = (uint8_t)value;
            s->defined[i] = 1;
        }
        p += 2;
        i++;
    }
    return s;
}

static void add_rld(struct module_builder *b, int relocation, int position, uint32_t address, int length,
                    bool negative, bool vcon)
{
    struct obj_rld *r = ARRAY_PUSH(b->m.rlds, b->m.nrlds, b->rld_cap);
    r->relocation = relocation;
    r->position = position;
    r->address = address;
    r->length = length;
    r->negative = negative;
    r->vcon = vcon;
}

static void set_deck_id(struct module_builder *b, const char *id)
{
    snprintf(b->m.deck_id, sizeof b->m.deck_id, "%s", id);
}

/* ---- capturing output --------------------------------------------------------------------- */

struct output {
    uint8_t *bytes;
    size_t size;
    bool ok;
    struct diag_list diags;
};

enum writer { DECK, BINARY, IPL_DECK, IPLTEXT };

static struct output run_writer(enum writer w, const struct obj_module *m, uint32_t origin)
{
    struct output o = {0};
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    switch (w) {
    case DECK: o.ok = obj_write_deck(f, m, "out.obj", &o.diags); break;
    case BINARY: o.ok = obj_write_binary(f, m, origin, "out.bin", &o.diags); break;
    case IPL_DECK: o.ok = obj_write_ipl_deck(f, m, origin, "out.ipl", &o.diags); break;
    case IPLTEXT: o.ok = obj_write_ipltext(f, m, origin, "out.txt", &o.diags); break;
    }
    o.size = (size_t)ftell(f);
    o.bytes = xmalloc(o.size);
    rewind(f);
    ck_assert_uint_eq(fread(o.bytes, 1, o.size, f), o.size);
    fclose(f);
    return o;
}

static void output_free(struct output *o)
{
    free(o->bytes);
    diag_free(&o->diags);
}

static bool diags_mention(const struct diag_list *diags, const char *text)
{
    for (size_t i = 0; i < diags->count; i++)
        if (strstr(diags->items[i].message, text) && diags->items[i].severity == DIAG_ERROR)
            return true;
    return false;
}

/* ---- expected cards ----------------------------------------------------------------------- */

static size_t parse_hex(const char *hex, uint8_t *out, size_t max)
{
    size_t n = 0;
    for (const char *p = hex; *p;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        unsigned value;
        ck_assert_msg(sscanf(p, "%2x", &value) == 1 && n < max, "bad hex in test: %s", p);
        out[n++] = (uint8_t)value;
        p += 2;
    }
    return n;
}

/* An expected object card: `columns` gives columns 1.. in hex, the rest of 1-72 is EBCDIC blanks,
   `sequence` gives columns 73-80 in hex. */
static void expected_card(uint8_t card[80], const char *columns, const char *sequence)
{
    memset(card, 0x40, 80);
    parse_hex(columns, card, 72);
    ck_assert_uint_eq(parse_hex(sequence, card + 72, 8), 8);
}

static void check_card(const struct output *o, size_t index, const char *columns, const char *sequence)
{
    uint8_t want[80];
    expected_card(want, columns, sequence);
    ck_assert_msg(o->size >= (index + 1) * 80, "card %zu missing (output has %zu bytes)", index + 1, o->size);
    const uint8_t *got = o->bytes + index * 80;
    for (int i = 0; i < 80; i++)
        ck_assert_msg(got[i] == want[i], "card %zu column %d: got %02X, want %02X", index + 1, i + 1, got[i],
                      want[i]);
}

/* ---- object deck -------------------------------------------------------------------------- */

START_TEST(deck_esd_txt_rld_end)
{
    struct module_builder b = {0};
    set_deck_id(&b, "PROG");
    add_esd(&b, "PROG", OBJ_SD, 1, 0, 12, 0);
    add_esd(&b, "EXT", OBJ_ER, 2, 0, 0, 0);
    add_esd(&b, "WEAK", OBJ_WX, 3, 0, 0, 0);
    add_esd(&b, "ENT", OBJ_LD, 0, 4, 0, 1);
    add_section(&b, 1, 0, 12, "41F00008 ........ 00000000");
    add_rld(&b, 2, 1, 8, 4, false, true);
    b.m.has_entry = true;
    b.m.entry_esdid = 1;
    b.m.entry = 0;
    struct output o = run_writer(DECK, &b.m, 0);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, 6 * 80);
    /* ESD: 48 bytes of items, ESDID 1; SD (address 0, flag 00, length 12); ER and WX name only. */
    check_card(&o, 0,
               "02 C5E2C4 404040404040 0030 4040 0001"
               " D7D9D6C740404040 00 000000 00 00000C"
               " C5E7E34040404040 02 404040 40 404040"
               " E6C5C1D240404040 0A 404040 40 404040",
               "D7D9D6C7 F0F0F0F1");
    /* An LD-only card: ESDID field blank; the label names its section in the last three bytes. */
    check_card(&o, 1, "02 C5E2C4 404040404040 0010 4040 4040 C5D5E34040404040 01 000004 40 000001",
               "D7D9D6C7 F0F0F0F2");
    /* TXT: the DS gap splits the text. */
    check_card(&o, 2, "02 E3E7E3 40 000000 4040 0004 4040 0001 41F00008", "D7D9D6C7 F0F0F0F3");
    check_card(&o, 3, "02 E3E7E3 40 000008 4040 0004 4040 0001 00000000", "D7D9D6C7 F0F0F0F4");
    /* RLD: R=2, P=1, flag 1C = V-type (01), length 4 (11), +, address 8. */
    check_card(&o, 4, "02 D9D3C4 404040404040 0008 40404040 0002 0001 1C 000008", "D7D9D6C7 F0F0F0F5");
    check_card(&o, 5, "02 C5D5C4 40 000000 404040404040 0001", "D7D9D6C7 F0F0F0F6");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(deck_esdid_field_names_first_non_label)
{
    struct module_builder b = {0};
    set_deck_id(&b, "AB");
    add_esd(&b, "A", OBJ_SD, 1, 0, 8, 0);
    add_esd(&b, "B", OBJ_SD, 2, 8, 8, 0);
    add_esd(&b, "C", OBJ_CM, 3, 0, 16, 0);
    add_esd(&b, "L", OBJ_LD, 0, 10, 0, 2);
    add_esd(&b, "", OBJ_PC, 4, 16, 2, 0);
    struct output o = run_writer(DECK, &b.m, 0);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, 3 * 80);
    check_card(&o, 0,
               "02 C5E2C4 404040404040 0030 4040 0001"
               " C140404040404040 00 000000 00 000008"
               " C240404040404040 00 000008 00 000008"
               " C340404040404040 05 000000 00 000010",
               "C1C2 F0F0F0F0F0F1");
    /* LD first, then private code (blank name): the ESDID field is the PC's. */
    check_card(&o, 1,
               "02 C5E2C4 404040404040 0020 4040 0004"
               " D340404040404040 01 00000A 40 000002"
               " 4040404040404040 04 000010 00 000002",
               "C1C2 F0F0F0F0F0F2");
    /* No entry: END columns 6-8 and 15-16 blank. */
    check_card(&o, 2, "02 C5D5C4", "C1C2 F0F0F0F0F0F3");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(deck_text_split_at_56_and_gaps)
{
    struct module_builder b = {0};
    set_deck_id(&b, "TEXTPROG"); /* only TEXT is punched, sequence in 77-80 */
    add_esd(&b, "TEXTPROG", OBJ_SD, 1, 0x1000, 0x50, 0);
    struct obj_section *s = add_section(&b, 1, 0x1000, 0x50, NULL);
    for (int i = 0; i < 60; i++)
        s->bytes[i] = (uint8_t)i, s->defined[i] = 1;
    for (int i = 70; i < 73; i++)
        s->bytes[i] = (uint8_t)i, s->defined[i] = 1;
    struct output o = run_writer(DECK, &b.m, 0);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, 5 * 80);
    /* 56 bytes (X'38') at X'1000', 4 at X'1038', then 3 at X'1046' after the gap. */
    check_card(&o, 1,
               "02 E3E7E3 40 001000 4040 0038 4040 0001"
               " 0001020304050607 08090A0B0C0D0E0F 1011121314151617 18191A1B1C1D1E1F"
               " 2021222324252627 28292A2B2C2D2E2F 3031323334353637",
               "E3C5E7E3 F0F0F0F2");
    check_card(&o, 2, "02 E3E7E3 40 001038 4040 0004 4040 0001 38393A3B", "E3C5E7E3 F0F0F0F3");
    check_card(&o, 3, "02 E3E7E3 40 001046 4040 0003 4040 0001 464748", "E3C5E7E3 F0F0F0F4");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(deck_rld_compression_and_card_break)
{
    struct module_builder b = {0};
    add_esd(&b, "R", OBJ_SD, 1, 0, 0x80, 0);
    add_esd(&b, "X", OBJ_ER, 2, 0, 0, 0);
    add_section(&b, 1, 0, 0x80, NULL);
    for (uint32_t a = 0; a <= 52; a += 4) /* 14 A-cons with the same R and P */
        add_rld(&b, 1, 1, a, 4, false, false);
    add_rld(&b, 2, 1, 0x40, 2, true, false);
    struct output o = run_writer(DECK, &b.m, 0);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, 4 * 80);
    /* One full entry (8 bytes) and twelve flag+address entries fill 56 bytes; bit 7 (X'01') on every
       flag that is followed by an entry sharing R and P on the same card, not on the last one. */
    check_card(&o, 1,
               "02 D9D3C4 404040404040 0038 40404040"
               " 0001 0001 0D 000000 0D000004 0D000008 0D00000C 0D000010 0D000014 0D000018"
               " 0D00001C 0D000020 0D000024 0D000028 0D00002C 0C000030",
               "F0F0F0F0F0F0F0F2");
    /* Next card starts with a full entry; then R=2: flag 06 = A-type, length 2 (01), minus. */
    check_card(&o, 2, "02 D9D3C4 404040404040 0010 40404040 0001 0001 0C 000034 0002 0001 06 000040",
               "F0F0F0F0F0F0F0F3");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(deck_rejects_esdids_out_of_order)
{
    struct module_builder b = {0};
    add_esd(&b, "A", OBJ_SD, 2, 0, 8, 0);
    add_esd(&b, "B", OBJ_SD, 1, 8, 8, 0);
    struct output o = run_writer(DECK, &b.m, 0);
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "ESDID"));
    ck_assert_str_eq(o.diags.items[0].file, "out.obj");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(deck_rejects_bad_rld_length)
{
    struct module_builder b = {0};
    add_esd(&b, "A", OBJ_SD, 1, 0, 8, 0);
    add_section(&b, 1, 0, 8, "0000000000000000");
    add_rld(&b, 1, 1, 0, 5, false, false);
    struct output o = run_writer(DECK, &b.m, 0);
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "length 5"));
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

/* ---- image and binary --------------------------------------------------------------------- */

/* Two sections at X'100' and X'110', an ENTRY label in the second, a common area, and adcons of
   every kind; loaded at X'2000' (delta X'1F00'). */
static void relocation_module(struct module_builder *b)
{
    add_esd(b, "A", OBJ_SD, 1, 0x100, 0x10, 0);
    add_esd(b, "B", OBJ_SD, 2, 0x110, 0x0C, 0);
    add_esd(b, "BENT", OBJ_ER, 3, 0, 0, 0);
    add_esd(b, "NONE", OBJ_WX, 4, 0, 0, 0);
    add_esd(b, "COM", OBJ_CM, 5, 0, 5, 0);
    add_esd(b, "BENT", OBJ_LD, 0, 0x114, 0, 2);
    add_section(b, 1, 0x100, 0x10, "00000114 00000000 0100 .... 00000000");
    add_section(b, 2, 0x110, 0x0C, "000108 .. 00000200 00000002");
    add_rld(b, 2, 1, 0x100, 4, false, false); /* A(B+4) */
    add_rld(b, 3, 1, 0x104, 4, false, true);  /* V(BENT) */
    add_rld(b, 1, 1, 0x108, 2, false, false); /* AL2(A) */
    add_rld(b, 4, 1, 0x10C, 4, false, true);  /* V(NONE), weak */
    add_rld(b, 1, 2, 0x110, 3, false, false); /* AL3(A+8) */
    add_rld(b, 1, 2, 0x114, 4, true, false);  /* A(X'200'-A) */
    add_rld(b, 5, 2, 0x118, 4, false, false); /* A(COM+2) */
    b->m.has_entry = true;
    b->m.entry_esdid = 1;
    b->m.entry = 0x104;
}

/* Worked out by hand: A(B+4) = X'114'+X'1F00'; BENT = X'114'+X'1F00'; AL2(A) = X'100'+X'1F00';
   gap; WX = 0; AL3 = X'108'+X'1F00'; gap; X'200'-X'1F00' wraps; COM is placed at offset X'20'
   (text X'1C' rounded to 8), i.e. X'2020', so A(COM+2) = X'2022'; then 5 zero bytes of common. */
static const char relocated_image[] = "00002014 00002014 2000 0000 00000000"
                                      "002008 00 FFFFE300 00002022"
                                      "00000000 0000000000";

START_TEST(image_relocates_every_kind_of_adcon)
{
    struct module_builder b = {0};
    relocation_module(&b);
    uint8_t *image;
    uint32_t size, entry;
    struct diag_list diags = {0};
    ck_assert(obj_build_image(&b.m, 0x2000, &image, &size, &entry, "x", &diags));
    uint8_t want[64];
    size_t n = parse_hex(relocated_image, want, sizeof want);
    ck_assert_uint_eq(size, n);
    ck_assert_mem_eq(image, want, n);
    ck_assert_uint_eq(entry, 0x2004);
    free(image);
    diag_free(&diags);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(binary_is_the_image)
{
    struct module_builder b = {0};
    relocation_module(&b);
    struct output o = run_writer(BINARY, &b.m, 0x2000);
    ck_assert(o.ok);
    uint8_t want[64];
    size_t n = parse_hex(relocated_image, want, sizeof want);
    ck_assert_uint_eq(o.size, n);
    ck_assert_mem_eq(o.bytes, want, n);
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(image_wraps_short_adcons_and_defaults_entry)
{
    struct module_builder b = {0};
    add_esd(&b, "", OBJ_PC, 1, 0x100, 4, 0);
    add_section(&b, 1, 0x100, 4, "0100 F0 80");
    add_rld(&b, 1, 1, 0x100, 2, false, false); /* X'0100' + X'FF00' = X'10000': keeps X'0000' */
    add_rld(&b, 1, 1, 0x102, 1, false, false); /* X'F0' + X'00' = X'F0' */
    add_rld(&b, 1, 1, 0x103, 1, true, false);  /* X'80' - X'00' */
    uint8_t *image;
    uint32_t size, entry;
    struct diag_list diags = {0};
    ck_assert(obj_build_image(&b.m, 0x10000, &image, &size, &entry, "x", &diags));
    uint8_t want[4] = {0x00, 0x00, 0xF0, 0x80};
    ck_assert_uint_eq(size, 4);
    ck_assert_mem_eq(image, want, 4);
    ck_assert_uint_eq(entry, 0x10000); /* no END operand: the lowest address, relocated */
    free(image);
    diag_free(&diags);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(image_unresolved_external_is_an_error)
{
    struct module_builder b = {0};
    add_esd(&b, "A", OBJ_SD, 1, 0, 4, 0);
    add_esd(&b, "MISSING", OBJ_ER, 2, 0, 0, 0);
    add_section(&b, 1, 0, 4, "00000000");
    add_rld(&b, 2, 1, 0, 4, false, true);
    struct output o = run_writer(BINARY, &b.m, 0);
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "MISSING"));
    ck_assert_str_eq(o.diags.items[0].file, "out.bin");
    ck_assert_uint_eq(o.size, 0);
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(image_rejects_bad_rld_and_overflow)
{
    struct module_builder b = {0};
    add_esd(&b, "A", OBJ_SD, 1, 0, 4, 0);
    add_section(&b, 1, 0, 4, "00000000");
    add_rld(&b, 1, 1, 2, 4, false, false); /* runs past the section's end */
    add_rld(&b, 9, 1, 0, 4, false, false); /* no such ESDID */
    uint8_t *image;
    uint32_t size, entry;
    struct diag_list diags = {0};
    ck_assert(!obj_build_image(&b.m, 0, &image, &size, &entry, "x", &diags));
    ck_assert(diags_mention(&diags, "X'2'"));
    ck_assert(diags_mention(&diags, "ESDID 9"));
    ck_assert_ptr_null(image);
    diag_free(&diags);
    ck_assert(!obj_build_image(&b.m, 0xFFFFFE, &image, &size, &entry, "x", &diags));
    ck_assert(diags_mention(&diags, "FFFFFF"));
    diag_free(&diags);
    obj_module_free(&b.m);
}
END_TEST

/* ---- IPL card deck: a channel-program interpreter ----------------------------------------- */

#define STORAGE_SIZE 0x30000

struct reader {
    const uint8_t *deck;
    size_t cards, next;
};

/* Read X'02' into storage, as a card reader does: `count` bytes of the next card (at most 80);
   a count other than 80 needs SLI. */
static const char *reader_read(struct reader *r, uint8_t *storage, uint32_t address, uint32_t count,
                               uint8_t flags)
{
    if (r->next == r->cards)
        return "the channel program reads past the last card";
    if (count == 0 || (count != 80 && !(flags & 0x20)))
        return "incorrect length without SLI";
    uint32_t n = count < 80 ? count : 80;
    if (address + n > STORAGE_SIZE)
        return "data address beyond storage";
    memcpy(storage + address, r->deck + 80 * r->next++, n);
    return NULL;
}

/* IPL: the implicit Read of 24 bytes into 0 (CC+SLI), then the chain from the CCW at 8. */
static const char *run_ipl(const struct output *o, uint8_t *storage)
{
    struct reader r = {o->bytes, o->size / 80, 0};
    if (o->size % 80)
        return "deck is not a whole number of cards";
    const char *error = reader_read(&r, storage, 0, 24, 0x60);
    uint32_t ccw = 8;
    bool after_tic = false;
    for (int steps = 0; !error && steps < 100000; steps++) {
        if (ccw + 8 > STORAGE_SIZE)
            return "CCW address beyond storage";
        const uint8_t *c = storage + ccw;
        uint32_t address = (uint32_t)c[1] << 16 | (uint32_t)c[2] << 8 | c[3];
        uint32_t count = (uint32_t)c[6] << 8 | c[7];
        if (c[0] == 0x08) {
            if (after_tic)
                return "TIC to TIC";
            ccw = address;
            after_tic = true;
            continue;
        }
        after_tic = false;
        if (c[0] != 0x02 || (c[4] & 0x9F))
            return "unexpected command or flags";
        error = reader_read(&r, storage, address, count, c[4]);
        if (!(c[4] & 0x40))
            return error ? error : r.next == r.cards ? NULL : "cards left after the channel program";
        ccw += 8;
    }
    return error ? error : "channel program does not end";
}

static uint8_t pattern_byte(uint32_t i)
{
    return (uint8_t)(i * 7 + 3);
}

/* A module of `size` pattern bytes (private code at 0) with its entry `entry_offset` in. */
static void pattern_module(struct module_builder *b, uint32_t size, uint32_t entry_offset)
{
    add_esd(b, "", OBJ_PC, 1, 0, size, 0);
    struct obj_section *s = add_section(b, 1, 0, size, NULL);
    for (uint32_t i = 0; i < size; i++)
        s->bytes[i] = pattern_byte(i), s->defined[i] = 1;
    b->m.has_entry = true;
    b->m.entry_esdid = 1;
    b->m.entry = entry_offset;
}

/* IPL the deck for a pattern image and check storage and the PSW at 0. */
static void check_ipl(uint32_t size, uint32_t origin)
{
    struct module_builder b = {0};
    pattern_module(&b, size, size / 2);
    struct output o = run_writer(IPL_DECK, &b.m, origin);
    ck_assert_msg(o.ok, "writer failed for %u bytes at X'%X'", size, origin);
    uint8_t *storage = xcalloc(STORAGE_SIZE, 1);
    const char *error = run_ipl(&o, storage);
    ck_assert_msg(!error, "%u bytes at X'%X': %s", size, origin, error);
    for (uint32_t i = 0; i < size; i++)
        ck_assert_msg(storage[origin + i] == pattern_byte(i), "%u bytes at X'%X': byte %u wrong", size,
                      origin, i);
    uint32_t entry = origin + size / 2;
    uint8_t psw[8] = {0, 0, 0, 0, 0, (uint8_t)(entry >> 16), (uint8_t)(entry >> 8), (uint8_t)entry};
    if (origin >= 8)
        ck_assert_mem_eq(storage, psw, 8);
    free(storage);
    output_free(&o);
    obj_module_free(&b.m);
}

START_TEST(ipl_deck_loads_images_of_every_size)
{
    static const struct {
        uint32_t size, origin;
    } cases[] = {
        {1, 0x1000}, {80, 0x1000}, {81, 0x1000}, {700, 0x1000}, {5120, 0x1000}, /* 64 cards: 8 full loaders */
        {5000, 0x1000}, {10, 0x30},  /* buffers after the image, never below X'80' */
        {300, 0x100},                /* too little room below: buffers after the image */
        {1000, 0x20000},
        {1, 0}, {16, 0},             /* tiny images at 0: the buffers must not land on 8-23 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_ipl(cases[i].size, cases[i].origin);
}
END_TEST

/* Loader buffer A (CCW1's data address on card 1): X'80' when 160 bytes fit between X'80' and the
   image, else the image end rounded up to 8, but never below X'80'. */
START_TEST(ipl_deck_buffer_placement)
{
    static const struct {
        uint32_t origin, size, buffer;
    } cases[] = {
        {0x1000, 1, 0x80}, {0x120, 1, 0x80}, {0x118, 1, 0x120}, {0x30, 10, 0x80}, {0, 200, 0xC8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct module_builder b = {0};
        pattern_module(&b, cases[i].size, 0);
        struct output o = run_writer(IPL_DECK, &b.m, cases[i].origin);
        ck_assert(o.ok);
        uint32_t a = cases[i].buffer;
        uint8_t ccw1[8] = {0x02, (uint8_t)(a >> 16), (uint8_t)(a >> 8), (uint8_t)a, 0x60, 0x00, 0x00, 0x50};
        ck_assert_msg(memcmp(o.bytes + 8, ccw1, 8) == 0, "origin X'%X': buffer A is not X'%X'",
                      cases[i].origin, a);
        output_free(&o);
        obj_module_free(&b.m);
    }
}
END_TEST

START_TEST(ipl_deck_exact_bytes_for_one_byte)
{
    struct module_builder b = {0};
    add_esd(&b, "", OBJ_PC, 1, 0, 1, 0);
    add_section(&b, 1, 0, 1, "5A");
    struct output o = run_writer(IPL_DECK, &b.m, 0x1000);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, 3 * 80);
    uint8_t want[240] = {0};
    /* Card 1: PSW to X'1000'; Read 80 into A = X'80' (CC+SLI); TIC to X'80'. */
    parse_hex("00000000 00001000 02000080 60000050 08000080 00000000", want, 24);
    /* Loader: the only data read, SLI without CC, 1 byte to X'1000'.  Data card: X'5A', zeros. */
    parse_hex("02001000 20000001", want + 80, 8);
    want[160] = 0x5A;
    ck_assert_mem_eq(o.bytes, want, 240);
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(ipl_deck_two_loaders_alternate_buffers)
{
    struct module_builder b = {0};
    pattern_module(&b, 9 * 80, 0);
    struct output o = run_writer(IPL_DECK, &b.m, 0x1000);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, (1 + 1 + 8 + 1 + 1) * 80);
    /* Loader 1 (in A = X'80'): 8 reads of 80 bytes, Read the next loader into B = X'D0', TIC B. */
    uint8_t want[80];
    for (int i = 0; i < 8; i++) {
        uint32_t to = 0x1000 + 80 * (uint32_t)i;
        uint8_t ccw[8] = {0x02, 0x00, (uint8_t)(to >> 8), (uint8_t)to, 0x60, 0x00, 0x00, 0x50};
        memcpy(want + 8 * i, ccw, 8);
    }
    parse_hex("020000D0 60000050 080000D0 00000000", want + 64, 16);
    ck_assert_mem_eq(o.bytes + 80, want, 80);
    /* Loader 2 (card 11, in B): the ninth data card to X'1280', last, no CC. */
    memset(want, 0, 80);
    parse_hex("02001280 20000050", want, 8);
    ck_assert_mem_eq(o.bytes + 10 * 80, want, 80);
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(ipl_deck_image_with_its_own_psw)
{
    struct module_builder b = {0};
    pattern_module(&b, 200, 0x40);
    struct obj_section *s = &b.m.sections[0];
    uint8_t own_psw[8] = {0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x60};
    memcpy(s->bytes, own_psw, 8);
    struct output o = run_writer(IPL_DECK, &b.m, 0);
    ck_assert(o.ok);
    uint8_t *storage = xcalloc(STORAGE_SIZE, 1);
    const char *error = run_ipl(&o, storage);
    ck_assert_msg(!error, "%s", error);
    ck_assert_mem_eq(storage, own_psw, 8); /* the program's PSW, not ours */
    for (uint32_t i = 8; i < 200; i++)     /* 8-23 too: the bootstrap CCWs were overwritten after use */
        ck_assert_uint_eq(storage[i], pattern_byte(i));
    /* Loader buffers after the image: X'C8' and X'118'. */
    ck_assert_mem_eq(o.bytes + 8, "\x02\x00\x00\xC8\x60\x00\x00\x50", 8);
    free(storage);
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(ipl_deck_errors)
{
    struct module_builder b = {0};
    struct output o = run_writer(IPL_DECK, &b.m, 0x1000); /* nothing to load */
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "nothing"));
    ck_assert_str_eq(o.diags.items[0].file, "out.ipl");
    output_free(&o);
    pattern_module(&b, 0x100, 0);
    o = run_writer(IPL_DECK, &b.m, 0xFFFF80); /* would end beyond X'FFFFFF' */
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "FFFFFF"));
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

/* ---- IPL text ----------------------------------------------------------------------------- */

START_TEST(ipltext_exact_bytes)
{
    struct module_builder b = {0};
    set_deck_id(&b, "IPLT");
    add_esd(&b, "", OBJ_PC, 1, 0, 5, 0);
    add_section(&b, 1, 0, 5, "DEADBEEF01");
    b.m.has_entry = true;
    b.m.entry_esdid = 1;
    b.m.entry = 2;
    struct output o = run_writer(IPLTEXT, &b.m, 0x400);
    ck_assert(o.ok);
    ck_assert_uint_eq(o.size, 4 * 80);
    /* One private-code item at 0, length X'405' (through the end of the image). */
    check_card(&o, 0, "02 C5E2C4 404040404040 0010 4040 0001 4040404040404040 04 000000 00 000405",
               "C9D7D3E3 F0F0F0F1");
    /* IPL1: PSW to X'402'; CCW1 Read Data X'06' 5 bytes to X'400', SLI only; CCW2 zero. */
    check_card(&o, 1,
               "02 E3E7E3 40 000000 4040 0018 4040 0001"
               " 00000000 00000402 06000400 20000005 00000000 00000000",
               "C9D7D3E3 F0F0F0F2");
    check_card(&o, 2, "02 E3E7E3 40 000400 4040 0005 4040 0001 DEADBEEF01", "C9D7D3E3 F0F0F0F3");
    check_card(&o, 3, "02 C5D5C4 40 000402 404040404040 0001", "C9D7D3E3 F0F0F0F4");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

/* Read the text the way dasdload does (TXT cards at zero origin up to END) and check it. */
START_TEST(ipltext_large_image_as_dasdload_reads_it)
{
    struct module_builder b = {0};
    uint32_t origin = 0x200, size = 0x2F00 - 0x200; /* exactly at the limit */
    pattern_module(&b, size, 0);
    struct output o = run_writer(IPLTEXT, &b.m, origin);
    ck_assert(o.ok);
    uint8_t *text = xcalloc(0x8000, 1);
    uint32_t length = 0;
    bool ended = false;
    for (size_t c = 0; c + 80 <= o.size && !ended; c += 80) {
        const uint8_t *card = o.bytes + c;
        ck_assert_uint_eq(card[0], 0x02);
        ended = memcmp(card + 1, "\xC5\xD5\xC4", 3) == 0;
        if (memcmp(card + 1, "\xE3\xE7\xE3", 3) != 0)
            continue;
        uint32_t address = (uint32_t)card[5] << 16 | (uint32_t)card[6] << 8 | card[7];
        uint32_t count = (uint32_t)card[10] << 8 | card[11];
        ck_assert_uint_le(count, 56);
        memcpy(text + address, card + 16, count);
        if (address + count > length)
            length = address + count;
    }
    ck_assert(ended);
    ck_assert_uint_eq(length, origin + size);
    ck_assert_mem_eq(text, "\0\0\0\0\0\0\x02\x00\x06\x00\x02\x00\x20\x00\x2D\x00", 16);
    for (uint32_t i = 0; i < size; i++)
        ck_assert_uint_eq(text[origin + i], pattern_byte(i));
    free(text);
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

START_TEST(ipltext_errors)
{
    struct module_builder b = {0};
    pattern_module(&b, 0x100, 0);
    struct output o = run_writer(IPLTEXT, &b.m, 0x10); /* overlaps IPL1 */
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "IPL1"));
    output_free(&o);
    o = run_writer(IPLTEXT, &b.m, 0x2F00 - 0xFF); /* one byte too long */
    ck_assert(!o.ok);
    ck_assert(diags_mention(&o.diags, "3330"));
    ck_assert_str_eq(o.diags.items[0].file, "out.txt");
    output_free(&o);
    obj_module_free(&b.m);
}
END_TEST

Suite *suite_objout(void)
{
    Suite *s = suite_create("objout");
    TCase *deck = tcase_create("deck");
    tcase_add_test(deck, deck_esd_txt_rld_end);
    tcase_add_test(deck, deck_esdid_field_names_first_non_label);
    tcase_add_test(deck, deck_text_split_at_56_and_gaps);
    tcase_add_test(deck, deck_rld_compression_and_card_break);
    tcase_add_test(deck, deck_rejects_esdids_out_of_order);
    tcase_add_test(deck, deck_rejects_bad_rld_length);
    suite_add_tcase(s, deck);
    TCase *image = tcase_create("image");
    tcase_add_test(image, image_relocates_every_kind_of_adcon);
    tcase_add_test(image, binary_is_the_image);
    tcase_add_test(image, image_wraps_short_adcons_and_defaults_entry);
    tcase_add_test(image, image_unresolved_external_is_an_error);
    tcase_add_test(image, image_rejects_bad_rld_and_overflow);
    suite_add_tcase(s, image);
    TCase *ipl = tcase_create("ipl");
    tcase_add_test(ipl, ipl_deck_loads_images_of_every_size);
    tcase_add_test(ipl, ipl_deck_buffer_placement);
    tcase_add_test(ipl, ipl_deck_exact_bytes_for_one_byte);
    tcase_add_test(ipl, ipl_deck_two_loaders_alternate_buffers);
    tcase_add_test(ipl, ipl_deck_image_with_its_own_psw);
    tcase_add_test(ipl, ipl_deck_errors);
    tcase_add_test(ipl, ipltext_exact_bytes);
    tcase_add_test(ipl, ipltext_large_image_as_dasdload_reads_it);
    tcase_add_test(ipl, ipltext_errors);
    suite_add_tcase(s, ipl);
    return s;
}
