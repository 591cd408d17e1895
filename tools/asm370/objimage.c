/*
 * objimage.c - the loaded image of a module (obj_build_image) and the three writers built on it:
 * the flat binary, the IPL card deck and the IPL text for a CKD volume.  The object deck itself is
 * objdeck.c.
 *
 * THE IMAGE.  SD and PC sections keep their assembled distances: the lowest section address is
 * loaded at `origin`, so every section moves by delta = origin - lowest.  Common (CM) areas follow
 * the last section, each at the next doubleword, zero-filled.  Every RLD item is then applied: the
 * adcon (1-4 bytes, big-endian, wrapping) gets the load-time move of its R pointer added or
 * subtracted: delta for a section of ours; for an ER (or a V-con's ER) the load address of the
 * section or ENTRY label of that name; an ER found nowhere is an error; a WX found nowhere is zero.
 * Bytes nothing defines are zero.  The image must end at or below X'FFFFFF' (24-bit storage).
 *
 * THE IPL CARD DECK (80-byte binary cards for a reader in EBCDIC mode).  IPL reads the first 24
 * bytes of card 1 into location 0 and goes on with the CCW at 8:
 *   card 1   0: IPL PSW   X'00000000 00' + entry (BC mode, disabled, key 0)
 *            8: CCW1      Read X'02' 80 bytes into loader buffer A, CC+SLI
 *           16: CCW2      TIC to A                          (rest of card 1 zero)
 *   loader card (read into A, then B, then A ...): up to 8 data-read CCWs (Read X'02', data
 *            address, count = image bytes on that data card, CC+SLI), then Read of the next loader
 *            card into the other buffer (CC+SLI) and a TIC to it.  The last loader card ends with
 *            its last data read, without CC: the channel program ends and the CPU loads the PSW
 *            at 0.
 *   data cards: the image in 80-byte pieces, ascending; the last piece is padded with zeros (its
 *            CCW count stores only the image bytes).
 * Card order: card 1, loader 1, its data cards, loader 2, its data cards, ...  A and B (80 bytes
 * each, A+80 = B) are at X'80' when the image starts at X'120' or higher, else at the image end
 * rounded up to a doubleword (never below X'80'): never inside the image, so no data card touches
 * the loader card being executed, and never over 0-23.  The bootstrap CCWs at 8-23 are used only
 * before the first TIC; every data card is read later by a loader CCW, so image bytes at 8-23 are
 * safe.  An image covering 0-7 brings its own IPL PSW (if it covers only part of 0-7, those bytes
 * of it): its data card is read after card 1 and replaces ours.  The loader buffers stay in storage
 * after the IPL.
 *
 * THE IPL TEXT: what Hercules' dasdload takes as the IPL text file of its control file's first
 * statement ("volser devtype [iplfile]"): an EBCDIC object deck whose TXT cards are read, at zero
 * origin, until the END card (ESD and RLD cards are skipped).  dasdload puts all that text, from
 * location 0, into one keyless record (R4 of cylinder 0 head 0, after its own IPL1, IPL2 and VOL1),
 * which its IPL2 channel program reads into location 0; the IPL then loads the PSW at 0.  Our
 * deck: one PC item, TXT for locations 0-23, TXT for the image at origin (all its bytes), END with
 * the entry.  Locations 0-23 are an IPL1 record in their own right, so a tool that writes them as
 * IPL1 and the image as IPL2 (as dasd370 may) gets a working volume too:
 *    0: IPL PSW  X'00000000 00' + entry
 *    8: CCW1     Read Data X'06' into origin, count = image size, SLI, no chaining: it reads the
 *                record after IPL1 (IPL2 = the image); the channel program ends, the PSW is loaded
 *   16: CCW2     zero: never fetched, since CCW1 does not chain.
 * Hence the origin must be X'18' or more, and the whole text (origin + size) must fit the one
 * dasdload record: at most IPLTEXT_MAX_END bytes (below).
 */
#include "tools/asm370/objmod.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

enum {
    STORAGE_SIZE = 0x1000000, /* 24-bit addresses */
    MAX_ESDID = 0xFFFF,
    CARD_SIZE = 80,
    DATA_READS_PER_LOADER = 8,
    LOADER_BUFFERS_START = 0x80, /* above the PSW, CSW and interrupt areas */
    IPL1_SIZE = 24,
    /* dasdload writes the text as one keyless record behind IPL1 (4+24), IPL2 (4+144) and VOL1
       (4+80) on track 0.  A 3330 track (13,165 bytes, 135 per record, 56 more per key) leaves
       13165 - 135 - 219 - 339 - 275 = 12,197 bytes for it (3350: 18,008); rounded down to 256. */
    IPLTEXT_MAX_END = 0x2F00,
};

enum {
    CCW_READ = 0x02,      /* card reader: read, feed */
    CCW_READ_DATA = 0x06, /* CKD: read the data of the next record */
    CCW_TIC = 0x08,
    CCW_FLAG_CC = 0x40,  /* command chaining */
    CCW_FLAG_SLI = 0x20, /* suppress incorrect length */
};

static bool image_error(struct diag_list *diags, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool image_error(struct diag_list *diags, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(diags, path, 0, 0, -1, DIAG_ERROR, fmt, ap);
    va_end(ap);
    return false;
}

static void put_big_endian(uint8_t *p, uint32_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; i--, value >>= 8)
        p[i] = (uint8_t)value;
}

static uint32_t get_big_endian(const uint8_t *p, int bytes)
{
    uint32_t value = 0;
    for (int i = 0; i < bytes; i++)
        value = value << 8 | p[i];
    return value;
}

static uint32_t round_up_8(uint32_t n)
{
    return (n + 7) & ~(uint32_t)7;
}

/* ---- building the image ------------------------------------------------------------------- */

struct image_build {
    const struct obj_module *m;
    uint32_t origin;
    const char *path;
    struct diag_list *diags;
    bool failed;
    int max_esdid;
    const struct obj_esd **by_esdid; /* [ESDID] -> its ESD item (NULL if none) */
    uint32_t *relocation;            /* [ESDID] -> what RLD items with this R pointer add */
    uint32_t lowest;                 /* lowest SD/PC address */
    uint32_t text_span;              /* lowest to the end of the last SD/PC section */
    uint8_t *image;
    uint32_t size;
};

static void build_error(struct image_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void build_error(struct image_build *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(b->diags, b->path, 0, 0, -1, DIAG_ERROR, fmt, ap);
    va_end(ap);
    b->failed = true;
}

static bool is_loaded_section(const struct obj_esd *e)
{
    return e && (e->type == OBJ_SD || e->type == OBJ_PC);
}

static bool is_section(const struct obj_esd *e)
{
    return is_loaded_section(e) || (e && e->type == OBJ_CM);
}

static const char *esd_name(const struct obj_esd *e)
{
    return e->name[0] ? e->name : "(private code)";
}

static const struct obj_esd *esd_by_id(const struct image_build *b, int esdid)
{
    return esdid >= 1 && esdid <= b->max_esdid ? b->by_esdid[esdid] : NULL;
}

static void index_esds(struct image_build *b)
{
    const struct obj_module *m = b->m;
    b->max_esdid = 0;
    for (size_t i = 0; i < m->nesds; i++)
        if (m->esds[i].type != OBJ_LD && m->esds[i].esdid > b->max_esdid && m->esds[i].esdid <= MAX_ESDID)
            b->max_esdid = m->esds[i].esdid;
    b->by_esdid = xcalloc((size_t)b->max_esdid + 1, sizeof *b->by_esdid);
    b->relocation = xcalloc((size_t)b->max_esdid + 1, sizeof *b->relocation);
    for (size_t i = 0; i < m->nesds; i++) {
        const struct obj_esd *e = &m->esds[i];
        if (e->type == OBJ_LD)
            continue;
        if (e->esdid < 1 || e->esdid > MAX_ESDID)
            build_error(b, "external symbol %s has an invalid ESDID %d", esd_name(e), e->esdid);
        else if (b->by_esdid[e->esdid])
            build_error(b, "external symbols %s and %s share ESDID %d", esd_name(b->by_esdid[e->esdid]),
                        esd_name(e), e->esdid);
        else
            b->by_esdid[e->esdid] = e;
    }
}

/* The assembled range of the SD/PC sections' text; common areas are laid out separately. */
static void measure_sections(struct image_build *b)
{
    uint64_t lowest = UINT64_MAX, end = 0;
    for (size_t i = 0; i < b->m->nsections; i++) {
        const struct obj_section *s = &b->m->sections[i];
        const struct obj_esd *e = esd_by_id(b, s->esdid);
        if (!is_section(e)) {
            build_error(b, "text for ESDID %d, which is no SD, PC or CM item", s->esdid);
            continue;
        }
        if (!is_loaded_section(e))
            continue;
        if (s->address < lowest)
            lowest = s->address;
        if ((uint64_t)s->address + s->length > end)
            end = (uint64_t)s->address + s->length;
    }
    if (lowest == UINT64_MAX)
        lowest = end = 0;
    if (end - lowest > STORAGE_SIZE) {
        build_error(b, "the sections span %llu bytes, more than the 16 MB of S/370 storage",
                    (unsigned long long)(end - lowest));
        end = lowest;
    }
    b->lowest = (uint32_t)lowest;
    b->text_span = (uint32_t)(end - lowest);
}

/* Sections move by delta; each common area goes after the text, at the next doubleword. */
static void place_sections(struct image_build *b)
{
    uint32_t delta = b->origin - b->lowest;
    uint64_t next_common = b->text_span;
    for (int id = 1; id <= b->max_esdid; id++) {
        const struct obj_esd *e = b->by_esdid[id];
        if (is_loaded_section(e)) {
            b->relocation[id] = delta;
        } else if (e && e->type == OBJ_CM) {
            next_common = (next_common + 7) & ~(uint64_t)7;
            b->relocation[id] = b->origin + (uint32_t)next_common - e->address;
            next_common += e->length;
        }
    }
    if ((uint64_t)b->origin + next_common > STORAGE_SIZE) {
        build_error(b, "the image (%llu bytes at X'%X') would end beyond X'FFFFFF'",
                    (unsigned long long)next_common, (unsigned)b->origin);
        next_common = 0;
    }
    b->size = (uint32_t)next_common;
}

/* The load address of a section or ENTRY label of this module named `name`, if there is one. */
static bool find_definition(const struct image_build *b, const char *name, uint32_t *address)
{
    for (size_t i = 0; i < b->m->nesds; i++) {
        const struct obj_esd *e = &b->m->esds[i];
        if (!e->name[0] || strcmp(e->name, name) != 0)
            continue;
        if (is_section(e) && esd_by_id(b, e->esdid) == e) {
            *address = e->address + b->relocation[e->esdid];
            return true;
        }
        if (e->type == OBJ_LD && is_section(esd_by_id(b, e->owner))) {
            *address = e->address + b->relocation[e->owner];
            return true;
        }
    }
    return false;
}

static void resolve_externals(struct image_build *b)
{
    for (int id = 1; id <= b->max_esdid; id++) {
        const struct obj_esd *e = b->by_esdid[id];
        if (!e || (e->type != OBJ_ER && e->type != OBJ_WX))
            continue;
        if (!find_definition(b, e->name, &b->relocation[id])) {
            b->relocation[id] = 0; /* weak references nobody defines are zero */
            if (e->type == OBJ_ER)
                build_error(b, "unresolved external reference %s", e->name);
        }
    }
}

static void copy_text(struct image_build *b)
{
    for (size_t i = 0; i < b->m->nsections; i++) {
        const struct obj_section *s = &b->m->sections[i];
        if (!is_loaded_section(esd_by_id(b, s->esdid)))
            continue;
        uint8_t *to = b->image + (s->address - b->lowest);
        for (uint32_t j = 0; j < s->length; j++)
            if (s->defined[j])
                to[j] = s->bytes[j];
    }
}

static const struct obj_section *section_holding(const struct image_build *b, int esdid, uint32_t address,
                                                 int length)
{
    for (size_t i = 0; i < b->m->nsections; i++) {
        const struct obj_section *s = &b->m->sections[i];
        if (s->esdid == esdid && address >= s->address &&
            (uint64_t)address + (uint64_t)length <= (uint64_t)s->address + s->length)
            return s;
    }
    return NULL;
}

static void apply_rld(struct image_build *b, const struct obj_rld *r)
{
    if (r->length < 1 || r->length > 4) {
        build_error(b, "RLD item at X'%X': length %d is not 1 to 4", (unsigned)r->address, r->length);
        return;
    }
    if (!esd_by_id(b, r->relocation)) {
        build_error(b, "RLD item at X'%X': no external symbol has ESDID %d", (unsigned)r->address,
                    r->relocation);
        return;
    }
    if (!is_loaded_section(esd_by_id(b, r->position)) ||
        !section_holding(b, r->position, r->address, r->length)) {
        build_error(b, "RLD item at X'%X': not inside the text of section ESDID %d", (unsigned)r->address,
                    r->position);
        return;
    }
    uint8_t *adcon = b->image + (r->address - b->lowest);
    uint32_t mask = r->length == 4 ? UINT32_MAX : ((uint32_t)1 << (8 * r->length)) - 1;
    uint32_t move = b->relocation[r->relocation];
    uint32_t value = get_big_endian(adcon, r->length);
    value = r->negative ? value - move : value + move;
    put_big_endian(adcon, value & mask, r->length);
}

static uint32_t relocated_entry(struct image_build *b)
{
    const struct obj_module *m = b->m;
    if (!m->has_entry)
        return b->origin;
    if (!is_loaded_section(esd_by_id(b, m->entry_esdid))) {
        build_error(b, "the entry point is in ESDID %d, which is no SD or PC section", m->entry_esdid);
        return b->origin;
    }
    uint32_t entry = m->entry + b->relocation[m->entry_esdid];
    if (entry >= STORAGE_SIZE)
        build_error(b, "the entry point X'%X' lies beyond X'FFFFFF'", (unsigned)entry);
    return entry;
}

bool obj_build_image(const struct obj_module *m, uint32_t origin, uint8_t **image, uint32_t *size,
                     uint32_t *entry, const char *path, struct diag_list *diags)
{
    struct image_build b = {.m = m, .origin = origin, .path = path, .diags = diags};
    *image = NULL;
    *size = 0;
    *entry = origin;
    if (origin >= STORAGE_SIZE)
        return image_error(diags, path, "origin X'%X' is beyond X'FFFFFF'", (unsigned)origin);
    index_esds(&b);
    measure_sections(&b);
    place_sections(&b);
    if (!b.failed) { /* the layout holds: check everything else, reporting every error */
        resolve_externals(&b);
        b.image = xcalloc(b.size, 1);
        copy_text(&b);
        for (size_t i = 0; i < m->nrlds; i++)
            apply_rld(&b, &m->rlds[i]);
        *entry = relocated_entry(&b);
    }
    free(b.by_esdid);
    free(b.relocation);
    if (b.failed) {
        free(b.image);
        return false;
    }
    *image = b.image;
    *size = b.size;
    return true;
}

/* ---- flat binary -------------------------------------------------------------------------- */

static bool write_all(FILE *out, const void *bytes, size_t n, const char *path, struct diag_list *diags)
{
    if (fwrite(bytes, 1, n, out) != n || fflush(out) != 0)
        return image_error(diags, path, "cannot write: %s", strerror(errno));
    return true;
}

bool obj_write_binary(FILE *out, const struct obj_module *m, uint32_t origin, const char *path,
                      struct diag_list *diags)
{
    uint8_t *image;
    uint32_t size, entry;
    if (!obj_build_image(m, origin, &image, &size, &entry, path, diags))
        return false;
    bool ok = write_all(out, image, size, path, diags);
    free(image);
    return ok;
}

/* ---- IPL records shared by the card deck and the IPL text --------------------------------- */

/* BC-mode PSW: channel masks, key, flags, interruption code, ILC/CC/mask all zero; 24-bit address. */
static void put_ipl_psw(uint8_t *p, uint32_t entry)
{
    memset(p, 0, 8);
    put_big_endian(p + 5, entry, 3);
}

static void put_ccw(uint8_t *p, uint8_t command, uint32_t address, uint8_t flags, uint32_t count)
{
    p[0] = command;
    put_big_endian(p + 1, address, 3);
    p[4] = flags;
    p[5] = 0;
    put_big_endian(p + 6, count, 2);
}

/* ---- IPL card deck ------------------------------------------------------------------------ */

struct ipl_deck {
    const uint8_t *image;
    uint32_t size, origin, entry;
    uint32_t buffer[2]; /* loader buffers A and B */
    size_t data_cards;
};

static uint32_t loader_buffer_address(uint32_t origin, uint32_t size)
{
    if (origin >= LOADER_BUFFERS_START + 2 * CARD_SIZE)
        return LOADER_BUFFERS_START;
    uint32_t after = round_up_8(origin + size);
    return after > LOADER_BUFFERS_START ? after : LOADER_BUFFERS_START;
}

static uint32_t data_card_length(const struct ipl_deck *k, size_t card)
{
    uint32_t start = (uint32_t)card * CARD_SIZE;
    return k->size - start < CARD_SIZE ? k->size - start : CARD_SIZE;
}

static void bootstrap_card(const struct ipl_deck *k, uint8_t card[CARD_SIZE])
{
    memset(card, 0, CARD_SIZE);
    put_ipl_psw(card, k->entry);
    put_ccw(card + 8, CCW_READ, k->buffer[0], CCW_FLAG_CC | CCW_FLAG_SLI, CARD_SIZE);
    put_ccw(card + 16, CCW_TIC, k->buffer[0], 0, 0);
}

/* Loader card n (0-based) runs in buffer n%2 and reads data cards 8n to 8n+7. */
static void loader_card(const struct ipl_deck *k, size_t n, uint8_t card[CARD_SIZE])
{
    memset(card, 0, CARD_SIZE);
    size_t first = n * DATA_READS_PER_LOADER;
    size_t end = first + DATA_READS_PER_LOADER;
    if (end > k->data_cards)
        end = k->data_cards;
    bool final = end == k->data_cards;
    for (size_t i = first; i < end; i++) {
        uint8_t flags = CCW_FLAG_SLI;
        if (!final || i + 1 < end)
            flags |= CCW_FLAG_CC;
        put_ccw(card + 8 * (i - first), CCW_READ, k->origin + (uint32_t)i * CARD_SIZE, flags,
                data_card_length(k, i));
    }
    if (!final) {
        uint32_t next = k->buffer[(n + 1) % 2];
        put_ccw(card + 8 * DATA_READS_PER_LOADER, CCW_READ, next, CCW_FLAG_CC | CCW_FLAG_SLI, CARD_SIZE);
        put_ccw(card + 8 * DATA_READS_PER_LOADER + 8, CCW_TIC, next, 0, 0);
    }
}

static void data_card(const struct ipl_deck *k, size_t n, uint8_t card[CARD_SIZE])
{
    memset(card, 0, CARD_SIZE);
    memcpy(card, k->image + n * CARD_SIZE, data_card_length(k, n));
}

static bool write_ipl_cards(FILE *out, const struct ipl_deck *k)
{
    uint8_t card[CARD_SIZE];
    bool ok = true;
    bootstrap_card(k, card);
    ok &= fwrite(card, 1, CARD_SIZE, out) == CARD_SIZE;
    size_t loaders = (k->data_cards + DATA_READS_PER_LOADER - 1) / DATA_READS_PER_LOADER;
    for (size_t n = 0; n < loaders; n++) {
        loader_card(k, n, card);
        ok &= fwrite(card, 1, CARD_SIZE, out) == CARD_SIZE;
        size_t end = (n + 1) * DATA_READS_PER_LOADER;
        for (size_t i = n * DATA_READS_PER_LOADER; i < k->data_cards && i < end; i++) {
            data_card(k, i, card);
            ok &= fwrite(card, 1, CARD_SIZE, out) == CARD_SIZE;
        }
    }
    return ok && fflush(out) == 0;
}

bool obj_write_ipl_deck(FILE *out, const struct obj_module *m, uint32_t origin, const char *path,
                        struct diag_list *diags)
{
    struct ipl_deck k = {.origin = origin};
    uint8_t *image;
    if (!obj_build_image(m, origin, &image, &k.size, &k.entry, path, diags))
        return false;
    k.image = image;
    bool ok = false;
    k.buffer[0] = loader_buffer_address(origin, k.size);
    k.buffer[1] = k.buffer[0] + CARD_SIZE;
    k.data_cards = (k.size + CARD_SIZE - 1) / CARD_SIZE;
    if (k.size == 0)
        image_error(diags, path, "nothing to IPL: the module has no text");
    else if ((uint64_t)k.buffer[1] + CARD_SIZE > STORAGE_SIZE)
        image_error(diags, path, "no room below X'FFFFFF' for the IPL loader's 160-byte buffers");
    else if (!write_ipl_cards(out, &k))
        image_error(diags, path, "cannot write: %s", strerror(errno));
    else
        ok = true;
    free(image);
    return ok;
}

/* ---- IPL text ----------------------------------------------------------------------------- */

/* The text as one zero-origin private-code section: IPL1 at 0-23, the image at origin. */
static bool write_ipltext_deck(FILE *out, const struct obj_module *m, const uint8_t *image, uint32_t origin,
                               uint32_t size, uint32_t entry, const char *path, struct diag_list *diags)
{
    uint32_t end = origin + size;
    uint8_t *text = xcalloc(end, 1);
    uint8_t *defined = xcalloc(end, 1);
    put_ipl_psw(text, entry);
    put_ccw(text + 8, CCW_READ_DATA, origin, CCW_FLAG_SLI, size);
    memset(defined, 1, IPL1_SIZE);
    memcpy(text + origin, image, size);
    memset(defined + origin, 1, size);

    struct obj_esd esd = {.name = "", .type = OBJ_PC, .esdid = 1, .address = 0, .length = end};
    struct obj_section section = {.esdid = 1, .address = 0, .length = end, .bytes = text,
                                  .defined = defined};
    struct obj_module deck = {.esds = &esd, .nesds = 1, .sections = &section, .nsections = 1,
                              .has_entry = true, .entry_esdid = 1, .entry = entry};
    memcpy(deck.deck_id, m->deck_id, sizeof deck.deck_id);
    deck.deck_id[sizeof deck.deck_id - 1] = '\0';
    bool ok = obj_write_deck(out, &deck, path, diags);
    free(text);
    free(defined);
    return ok;
}

bool obj_write_ipltext(FILE *out, const struct obj_module *m, uint32_t origin, const char *path,
                       struct diag_list *diags)
{
    uint8_t *image;
    uint32_t size, entry;
    if (!obj_build_image(m, origin, &image, &size, &entry, path, diags))
        return false;
    bool ok = false;
    if (size == 0)
        image_error(diags, path, "nothing to IPL: the module has no text");
    else if (origin < IPL1_SIZE)
        image_error(diags, path, "IPL text origin X'%X' overlaps the IPL1 record at 0-23; use X'18' or more",
                    (unsigned)origin);
    else if ((uint64_t)origin + size > IPLTEXT_MAX_END)
        image_error(diags, path,
                    "IPL text ends at X'%X', beyond the X'%X' that fit one record on a 3330 track",
                    (unsigned)(origin + size), (unsigned)IPLTEXT_MAX_END);
    else
        ok = write_ipltext_deck(out, m, image, origin, size, entry, path, diags);
    free(image);
    return ok;
}
