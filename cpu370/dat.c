/*
 * dat.c - dynamic address translation (GA22-7000, "Dynamic Address Translation"): a virtual address
 * is looked up through the segment table that CR1 designates and a page table, in the format CR0
 * bits 8-12 select; the TLB remembers translations (to absolute addresses) until PTLB, a load of CR0
 * or CR1, SPX or a reset purges it; LOAD REAL ADDRESS walks the tables without the TLB.  A TLB miss
 * (storage.c) calls cpu.dat_miss, the walk for the format and prefix of the last purge.  Addressing
 * and protection of the translated address are storage.c's.
 *
 * Table formats (real storage, prefixing applies):
 *   CR1:   bits 0-7 segment-table length (units of 16 entries, less one), 8-25 origin (64-byte units)
 *   STE:   bits 0-3 page-table length (units of 1/16 of the largest table, less one), 4-7 zero,
 *          8-28 page-table origin (8-byte units), 31 invalid
 *   PTE:   4K pages: bits 0-11 frame, 12 invalid, 13-14 zero; 2K pages: 0-12 frame, 13 invalid, 14 zero
 * Bits 29-30 of the segment-table entry (segment protection, common segment) are ignored, as the
 * architecture permits some models to do; a nonzero bit 4-7 or reserved page-table bit is a
 * translation-specification exception for the entry actually used.
 */
#include "cpu370/cpu_int.h"

enum {
    CR1_STO = 0x00FFFFC0,
    STE_PTO = 0x00FFFFF8,
    STE_RESERVED = 0x0F000000,
    STE_INVALID = 0x00000001,
};

/* A translation format (CR0 bits 8-12) with the page-table entry layout its page size implies. */
struct dat_format {
    unsigned page_shift;    /* 11: 2K pages, 12: 4K pages */
    unsigned segment_shift; /* 16: 64K segments, 20: 1M segments */
    uint16_t pte_frame;     /* frame-address bits; the frame address is (pte & pte_frame) << 8 */
    uint16_t pte_invalid;
    uint16_t pte_reserved;
};

static const struct dat_format format_2k_64k = {11, 16, 0xFFF8, 0x0004, 0x0002};
static const struct dat_format format_2k_1m = {11, 20, 0xFFF8, 0x0004, 0x0002};
static const struct dat_format format_4k_64k = {12, 16, 0xFFF0, 0x0008, 0x0006};
static const struct dat_format format_4k_1m = {12, 20, 0xFFF0, 0x0008, 0x0006};

/* How a table walk ended; the values are LOAD REAL ADDRESS's condition codes except PAGE_LENGTH (3). */
enum walk_result {
    WALK_DONE,
    WALK_SEGMENT_INVALID,
    WALK_PAGE_INVALID,
    WALK_SEGMENT_LENGTH,
    WALK_PAGE_LENGTH,
};

/* Prefixing, when the prefix may be nonzero (`prefixed`); with a zero prefix real and absolute
   addresses are the same. */
ALWAYS_INLINE uint32_t absolute_of(const struct cpu *c, uint32_t real, bool prefixed)
{
    return prefixed ? real_to_absolute(c, real) : real;
}

/* A table entry at a real address; an entry outside the installed storage is an addressing
   exception. */
ALWAYS_INLINE const uint8_t *table_entry(struct cpu *c, uint32_t real, bool prefixed)
{
    uint32_t absolute = absolute_of(c, real, prefixed);
    if (absolute >= c->m->size)
        program_check(c, PGM_ADDRESSING);
    return c->m->storage + absolute;
}

/*
 * Translate virtual through the tables.  WALK_DONE leaves the real address in *out; otherwise *out is
 * the real address of the entry that is invalid, or that would have been fetched had the table been
 * long enough (what LRA returns).  Each length field counts sixteenths of the largest table, less
 * one, and is compared with the leftmost four bits of the index.  Entry addresses are 24-bit sums.
 */
ALWAYS_INLINE enum walk_result walk_in(struct cpu *c, const struct dat_format *f, bool prefixed,
                                       uint32_t virtual, uint32_t *out)
{
    uint32_t cr1 = c->cr[1];
    uint32_t segment_index = virtual >> f->segment_shift;
    *out = ((cr1 & CR1_STO) + segment_index * 4) & 0xFFFFFF;
    if ((segment_index >> 4) > cr1 >> 24)
        return WALK_SEGMENT_LENGTH;
    const uint8_t *entry = table_entry(c, *out, prefixed);
    if (entry[3] & STE_INVALID)
        return WALK_SEGMENT_INVALID;
    uint32_t ste = be32(entry);
    if (ste & STE_RESERVED)
        program_check(c, PGM_TRANSLATION_SPEC);

    unsigned index_bits = f->segment_shift - f->page_shift;
    uint32_t page_index = (virtual & ((1u << f->segment_shift) - 1)) >> f->page_shift;
    *out = ((ste & STE_PTO) + page_index * 2) & 0xFFFFFF;
    if ((page_index >> (index_bits - 4)) > ste >> 28)
        return WALK_PAGE_LENGTH;
    uint16_t pte = be16(table_entry(c, *out, prefixed));
    if (pte & f->pte_invalid)
        return WALK_PAGE_INVALID;
    if (pte & f->pte_reserved)
        program_check(c, PGM_TRANSLATION_SPEC);
    *out = (uint32_t)(pte & f->pte_frame) << 8 | (virtual & ((1u << f->page_shift) - 1));
    return WALK_DONE;
}

/* The formats by CR0 bits 8-12: 01000, 01010, 10000 and 10010 are the valid codes (page size in bits
   8-9, bit 10 zero, segment size in bits 11-12); any other is a translation-specification
   exception. */
static const struct dat_format *const formats[32] = {
    [0x08] = &format_2k_64k,
    [0x0A] = &format_2k_1m,
    [0x10] = &format_4k_64k,
    [0x12] = &format_4k_1m,
};

/* The walk for LRA and dat_translate, in the format CR0 gives now; the TLB-miss walks (cpu.dat_miss)
   are the same code with the format's shifts and masks constants. */
static enum walk_result walk(struct cpu *c, uint32_t virtual, uint32_t *out)
{
    const struct dat_format *f = formats[(c->cr[0] >> 19) & 0x1F];
    if (!f)
        program_check(c, PGM_TRANSLATION_SPEC);
    return walk_in(c, f, true, virtual, out);
}

/* The translation exception for a walk that did not end in a real address: nullifying (interrupt.c),
   with the virtual address for real location 144. */
static noreturn void translation_exception(struct cpu *c, uint32_t virtual, enum walk_result r)
{
    c->translation_address = virtual;
    program_check(c, r == WALK_SEGMENT_INVALID || r == WALK_SEGMENT_LENGTH ? PGM_SEGMENT_TRANSLATION
                                                                           : PGM_PAGE_TRANSLATION);
}

/* A TLB miss in format f: the absolute address (prefixing applied: any change of the prefix purges
   the TLB, so its entries can hold absolute addresses), the entry made for the next access. */
ALWAYS_INLINE uint32_t translate_miss_in(struct cpu *c, const struct dat_format *f, bool prefixed,
                                         uint32_t virtual)
{
    uint32_t real;
    enum walk_result r = walk_in(c, f, prefixed, virtual, &real);
    if (r != WALK_DONE)
        translation_exception(c, virtual, r);
    uint32_t absolute = absolute_of(c, real, prefixed);
    struct tlb_entry *e = &c->tlb[(virtual >> 11) % TLB_SIZE];
    e->vpage = virtual >> 11;
    e->absolute = absolute & ~0x7FFu;
    e->generation = c->tlb_generation;
    return absolute;
}

/* cpu.dat_miss for each format, with the prefix zero (the usual case on a uniprocessor) or not: the
   shifts and masks are constants, and with a zero prefix no real address needs prefixing. */
#define MISS_ENTRIES(name)                                                                                     \
    static uint32_t miss_##name(struct cpu *c, uint32_t virtual)                                               \
    {                                                                                                          \
        return translate_miss_in(c, &format_##name, true, virtual);                                            \
    }                                                                                                          \
    static uint32_t miss_##name##_no_prefix(struct cpu *c, uint32_t virtual)                                   \
    {                                                                                                          \
        return translate_miss_in(c, &format_##name, false, virtual);                                           \
    }
MISS_ENTRIES(2k_64k)
MISS_ENTRIES(2k_1m)
MISS_ENTRIES(4k_64k)
MISS_ENTRIES(4k_1m)
#undef MISS_ENTRIES

/* CR0 bits 8-12 that name no format: every translation is a translation-specification exception. */
static uint32_t miss_invalid_format(struct cpu *c, uint32_t virtual)
{
    (void)virtual;
    program_check(c, PGM_TRANSLATION_SPEC);
}

/* The entries by CR0 bits 8-12 (as formats[]): with a nonzero prefix, and with a zero one. */
static dat_miss_fn *const miss_entries[32][2] = {
    [0x08] = {miss_2k_64k, miss_2k_64k_no_prefix},
    [0x0A] = {miss_2k_1m, miss_2k_1m_no_prefix},
    [0x10] = {miss_4k_64k, miss_4k_64k_no_prefix},
    [0x12] = {miss_4k_1m, miss_4k_1m_no_prefix},
};

/* Every change of CR0 or of the prefix purges the TLB, which chooses the entry for them here. */
static void choose_miss_entry(struct cpu *c)
{
    dat_miss_fn *miss = miss_entries[(c->cr[0] >> 19) & 0x1F][c->prefix == 0];
    c->dat_miss = miss ? miss : miss_invalid_format;
}

uint32_t dat_translate(struct cpu *c, uint32_t virtual_address, enum access access)
{
    (void)access;
    uint32_t real;
    enum walk_result r = walk(c, virtual_address, &real);
    if (r != WALK_DONE)
        translation_exception(c, virtual_address, r);
    return real;
}

int dat_lra(struct cpu *c, uint32_t virtual_address, uint32_t *real)
{
    static const int condition_code[] = {
        [WALK_DONE] = 0,           [WALK_SEGMENT_INVALID] = 1, [WALK_PAGE_INVALID] = 2,
        [WALK_SEGMENT_LENGTH] = 3, [WALK_PAGE_LENGTH] = 3,
    };
    return condition_code[walk(c, virtual_address, real)];
}

/* Purge this CPU's TLB.  The generation counter makes it one increment; when the counter wraps, old
   entries could match again, so the table is cleared then. */
void dat_purge_tlb(struct cpu *c)
{
    cpu_context_changed(c);
    choose_miss_entry(c);
    c->tlb_generation++;
    if (c->tlb_generation == 0) {
        memset(c->tlb, 0, sizeof c->tlb);
        block_caches_clear(c);
        c->tlb_generation = 1;
    }
}

/* LOAD REAL ADDRESS: translate the second-operand address with CR0 and CR1 whatever the PSW says about
   DAT; R1 gets the real address (cc 0) or the address of the entry that stopped the walk: the invalid
   segment-table entry (cc 1), the invalid page-table entry (cc 2), or the entry beyond the segment or
   page table that would have been used (cc 3).  Bits 0-7 of R1 are zeros. */
void op_LRA(struct cpu *c, const struct insn *inst)
{
    require_supervisor(c);
    uint32_t real;
    int cc = dat_lra(c, address_rx(c, inst), &real);
    c->gr[field_r1(inst)] = real;
    c->psw.cc = (uint8_t)cc;
}

/* PURGE TLB: every translation this CPU remembers is forgotten. */
void op_PTLB(struct cpu *c, const struct insn *inst)
{
    (void)inst;
    require_supervisor(c);
    dat_purge_tlb(c);
}
