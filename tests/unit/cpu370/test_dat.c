/*
 * test_dat.c - dynamic address translation (cpu370/dat.c) end to end: tables built in storage, programs
 * run with DAT on in all four formats (2K/4K pages, 64K/1M segments); segment- and page-translation
 * exceptions for invalid entries and table lengths, with the address at X'90' and the instruction
 * nullified, then re-executed after an assembler page-fault handler validates the entry; translation
 * specification and addressing exceptions; the TLB after PTLB and a new CR1; LRA for every outcome.
 * Expected values are worked out by hand from GA22-7000, "Dynamic Address Translation" and LRA.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
#define STOP I("DC    X'0000'")

/*
 * The layout every test starts from (real addresses): the segment table at X'6000' with 16 entries
 * (CR1 length 0), all invalid except segment 0, mapped one to one by the page table at X'7000' (code,
 * low storage and the tables stay where they are), and segment 1, whose page table at X'7800' is
 * invalid except page 3, in frame A = X'40000'.  B = X'41000' is a second frame.
 */
enum {
    STO = 0x6000,
    STO2 = 0x6400,
    PTO0 = 0x7000,
    PTO1 = 0x7800,
    PTO2 = 0x7C00,
    FRAME_A = 0x40000,
    FRAME_B = 0x41000,
    INITIAL_CR0 = 0x000000E0,
    EC_DAT = 0x0408, /* PSW bytes 0-1: DAT on, EC mode, key 0, supervisor */
    EC = 0x0008,
    BC = 0x0000,
    STE_FULL_LENGTH = 0xF0000000,
    STE_INVALID = 1,
};

struct format {
    const char *name;
    uint32_t cr0; /* CR0 bits 8-12 */
    unsigned page_shift, segment_shift;
    uint16_t pte_invalid;
};

static const struct format fmt_4k_64k = {"4K/64K", 0x10u << 19, 12, 16, 0x0008};
static const struct format fmt_4k_1m = {"4K/1M", 0x12u << 19, 12, 20, 0x0008};
static const struct format fmt_2k_64k = {"2K/64K", 0x08u << 19, 11, 16, 0x0004};
static const struct format fmt_2k_1m = {"2K/1M", 0x0Au << 19, 11, 20, 0x0004};

/* Virtual address of byte `offset` of page `page` of segment 1. */
static uint32_t segment1(const struct format *f, uint32_t page, uint32_t offset)
{
    return (1u << f->segment_shift) + (page << f->page_shift) + offset;
}

static void set_halfword(struct cputest *t, uint32_t address, uint16_t value)
{
    uint8_t *p = machine_storage(t->m) + address;
    p[0] = (uint8_t)(value >> 8);
    p[1] = (uint8_t)value;
}

static uint16_t halfword(struct cputest *t, uint32_t address)
{
    const uint8_t *p = machine_storage(t->m) + address;
    return (uint16_t)(p[0] << 8 | p[1]);
}

/* A page-table entry for a frame: the frame address bits shifted right 8, in either page size. */
static uint16_t pte_for(uint32_t frame)
{
    return (uint16_t)(frame >> 8);
}

static void build_tables(struct cputest *t, const struct format *f)
{
    cpu_set_cr(t->c, 0, INITIAL_CR0 | f->cr0);
    cpu_set_cr(t->c, 1, STO);
    for (uint32_t s = 0; s < 16; s++)
        cputest_set_word(t, STO + 4 * s, STE_INVALID);
    cputest_set_word(t, STO, STE_FULL_LENGTH | PTO0);
    cputest_set_word(t, STO + 4, STE_FULL_LENGTH | PTO1);
    uint32_t pages = 1u << (f->segment_shift - f->page_shift);
    for (uint32_t p = 0; p < pages; p++) {
        set_halfword(t, PTO0 + 2 * p, pte_for(p << f->page_shift));
        set_halfword(t, PTO1 + 2 * p, f->pte_invalid);
    }
    set_halfword(t, PTO1 + 6, pte_for(FRAME_A));
}

/* Assemble body at X'1000' (R12 its base; falling through to LPSW X'200', the done PSW) and run it. */
static void run(struct cputest *t, uint16_t psw_high, const char *body)
{
    char source[4096];
    snprintf(source, sizeof source, "X        START X'1000'\n" I("USING X,12") "%s" I("LPSW  X'200'") I("END   X"),
             body);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, 0x1000);
    cputest_run_at(t, 0x1000, psw_high, 10000);
}

static unsigned ec_cc(struct cputest *t)
{
    return (cputest_word(t, 0x28) >> 12) & 3;
}

/* ---- translation in each format ------------------------------------------------------------------- */

/* Frame A holds CA FE F0 0D at X'123'-X'126'. */
static void fill_frame_a(struct cputest *t)
{
    cputest_set_word(t, FRAME_A + 0x120, 0x000000CA);
    cputest_set_word(t, FRAME_A + 0x124, 0xFEF00D00);
}

/* L, ST and LRA through page 3 of segment 1, offset X'123': they reach frame A (real X'40123'); the
   store of 12345678 at X'127' sets the frame's change bit; LRA gives cc 0 and the real address with
   bits 0-7 zero. */
static void check_format(const struct format *f)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, f);
    fill_frame_a(&t);
    cpu_set_gr(t.c, 1, segment1(f, 3, 0x123));
    cpu_set_gr(t.c, 3, 0x12345678);
    cpu_set_gr(t.c, 4, 0xFFFFFFFF);
    run(&t, EC_DAT, I("L     2,0(1)") I("ST    3,4(1)") I("LRA   4,0(1)") STOP);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_msg(cpu_gr(t.c, 2) == 0xCAFEF00D, "%s: loaded %08X", f->name, cpu_gr(t.c, 2));
    ck_assert_uint_eq(cputest_word(&t, FRAME_A + 0x124), 0xFEF00D12);
    ck_assert_uint_eq(cputest_word(&t, FRAME_A + 0x128), 0x34567800);
    ck_assert_uint_eq(cpu_gr(t.c, 4), FRAME_A + 0x123);
    ck_assert_uint_eq(ec_cc(&t), 0);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x100E);
    ck_assert_uint_eq(machine_storage_key(t.m, FRAME_A) & 0x06, 0x06);
    cputest_free(&t);
}

START_TEST(test_translate_4k_64k)
{
    check_format(&fmt_4k_64k);
}
END_TEST

START_TEST(test_translate_4k_1m)
{
    check_format(&fmt_4k_1m);
}
END_TEST

START_TEST(test_translate_2k_64k)
{
    check_format(&fmt_2k_64k);
}
END_TEST

START_TEST(test_translate_2k_1m)
{
    check_format(&fmt_2k_1m);
}
END_TEST

/* With 2K pages each half of a 4K frame is a page of its own: page 2 of segment 1 mapped to the second
   half of B and page 3 to A, a word across the page boundary is read from both frames. */
START_TEST(test_2k_pages_are_independent)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_2k_64k);
    set_halfword(&t, PTO1 + 4, pte_for(FRAME_B + 0x800));
    cputest_set_word(&t, FRAME_B + 0xFFC, 0x11223344);
    cputest_set_word(&t, FRAME_A, 0x55667788);
    cpu_set_gr(t.c, 1, segment1(&fmt_2k_64k, 3, 0) - 2);
    run(&t, EC_DAT, I("L     2,0(1)") STOP);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0x33445566);
    cputest_free(&t);
}
END_TEST

/* DAT applies only in EC mode with PSW bit 5: in BC mode bit 5 is a channel mask, and in EC mode with
   bit 5 off addresses are real.  The word at real X'13120' differs from the one in frame A. */
START_TEST(test_dat_only_in_ec_mode_with_bit_5)
{
    static const uint16_t psw_highs[] = {0x0400, EC};
    for (int i = 0; i < 2; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        build_tables(&t, &fmt_4k_64k);
        cputest_set_word(&t, 0x13120, 0x0BADBAD0);
        cputest_set_word(&t, FRAME_A + 0x120, 0x600D600D);
        cpu_set_gr(t.c, 1, 0x13120);
        run(&t, psw_highs[i], I("L     2,0(1)"));
        cputest_expect_done(&t);
        ck_assert_uint_eq(cpu_gr(t.c, 2), 0x0BADBAD0);
        cputest_free(&t);
    }
}
END_TEST

/* ---- translation exceptions ----------------------------------------------------------------------- */

struct exception_case {
    const char *what;
    const struct format *f;
    uint32_t address; /* the operand address of L 2,0(1) */
    uint32_t entry;   /* a table entry to change (0: none) */
    uint32_t value;   /* its new value (halfword for a page-table entry) */
    uint32_t entry2, value2;
    uint16_t code;           /* expected program interruption (PGM_OPERATION: L completed) */
    uint32_t exception_page; /* segment and page index stored at X'90' */
};

static void set_entry(struct cputest *t, uint32_t entry, uint32_t value)
{
    if (entry >= PTO0)
        set_halfword(t, entry, (uint16_t)value);
    else if (entry)
        cputest_set_word(t, entry, value);
}

/* Segment- and page-translation exceptions nullify: the old PSW points at the L (X'1000'), and X'90'
   holds the virtual address (bits 0-7 zero; only the segment and page index are architected).
   Translation-specification and addressing exceptions suppress: the old PSW is past the L, ILC 2.
   Reserved bits of an invalid entry are not looked at, and PTE bit 15 is never checked. */
START_TEST(test_translation_exceptions)
{
    enum { SEG = PGM_SEGMENT_TRANSLATION, PAGE = PGM_PAGE_TRANSLATION, TS = PGM_TRANSLATION_SPEC };
    const uint32_t v = 0x13123; /* 4K/64K: segment 1, page 3 */
    const struct exception_case cases[] = {
        {"segment invalid", &fmt_4k_64k, v, STO + 4, STE_FULL_LENGTH | PTO1 | 1, 0, 0, SEG, 0x13000},
        {"page invalid", &fmt_4k_64k, v, PTO1 + 6, pte_for(FRAME_A) | 0x0008, 0, 0, PAGE, 0x13000},
        {"segment table length", &fmt_4k_64k, 0x100123, 0, 0, 0, 0, SEG, 0x100000},
        {"page table length", &fmt_4k_64k, v, STO + 4, 0x20000000 | PTO1, 0, 0, PAGE, 0x13000},
        {"page table length ok", &fmt_4k_64k, v, STO + 4, 0x30000000 | PTO1, 0, 0, PGM_OPERATION, 0},
        {"STE bit 7", &fmt_4k_64k, v, STO + 4, STE_FULL_LENGTH | PTO1 | 0x01000000, 0, 0, TS, 0},
        {"STE bit 4", &fmt_4k_64k, v, STO + 4, STE_FULL_LENGTH | PTO1 | 0x08000000, 0, 0, TS, 0},
        {"invalid STE, bit 4", &fmt_4k_64k, v, STO + 4, STE_FULL_LENGTH | PTO1 | 0x08000001, 0, 0, SEG, 0x13000},
        {"4K PTE bit 13", &fmt_4k_64k, v, PTO1 + 6, pte_for(FRAME_A) | 0x0004, 0, 0, TS, 0},
        {"4K PTE bit 14", &fmt_4k_64k, v, PTO1 + 6, pte_for(FRAME_A) | 0x0002, 0, 0, TS, 0},
        {"4K PTE bit 15", &fmt_4k_64k, v, PTO1 + 6, pte_for(FRAME_A) | 0x0001, 0, 0, PGM_OPERATION, 0},
        {"invalid PTE, bit 14", &fmt_4k_64k, v, PTO1 + 6, 0x000A, 0, 0, PAGE, 0x13000},
        {"page table outside storage", &fmt_4k_64k, v, STO + 4, STE_FULL_LENGTH | 0x200000, 0, 0, PGM_ADDRESSING, 0},
        {"2K PTE bit 14", &fmt_2k_1m, 0x101923, PTO1 + 6, pte_for(FRAME_A) | 0x0002, 0, 0, TS, 0},
        {"2K PTE bit 13 is I", &fmt_2k_1m, 0x101923, PTO1 + 6, pte_for(FRAME_A) | 0x0004, 0, 0, PAGE, 0x101800},
        /* 2K/1M: 512 entries; length 0 covers pages 0-31, whose index has leftmost four bits zero */
        {"2K/1M page 32", &fmt_2k_1m, 0x110123, STO + 4, PTO1, PTO1 + 64, pte_for(FRAME_A), PAGE, 0x110000},
        {"2K/1M page 31", &fmt_2k_1m, 0x10F923, STO + 4, PTO1, PTO1 + 62, pte_for(FRAME_A), PGM_OPERATION, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct exception_case *k = &cases[i];
        struct cputest t;
        cputest_init(&t, 0, 1);
        build_tables(&t, k->f);
        fill_frame_a(&t);
        set_entry(&t, k->entry, k->value);
        set_entry(&t, k->entry2, k->value2);
        cpu_set_gr(t.c, 1, k->address);
        run(&t, EC_DAT, I("L     2,0(1)") STOP);
        ck_assert_msg(cputest_program_code(&t) == k->code, "%s: code %04X", k->what, cputest_program_code(&t));
        cputest_expect_program(&t, k->code);
        uint32_t at_90 = cputest_word(&t, 0x90);
        switch (k->code) {
        case PGM_SEGMENT_TRANSLATION:
        case PGM_PAGE_TRANSLATION:
            ck_assert_msg(cputest_program_old_address(&t) == 0x1000, "%s: not nullified", k->what);
            ck_assert_msg((at_90 & ~((1u << k->f->page_shift) - 1)) == k->exception_page, "%s: X'90' = %08X", k->what,
                          at_90);
            break;
        case PGM_OPERATION:
            ck_assert_uint_eq(cpu_gr(t.c, 2), 0xCAFEF00D);
            ck_assert_uint_eq(at_90, 0);
            break;
        default:
            ck_assert_msg(cputest_program_old_address(&t) == 0x1004, "%s: not suppressed", k->what);
            ck_assert_uint_eq(cputest_program_ilc(&t), 2);
            ck_assert_uint_eq(at_90, 0);
        }
        cputest_free(&t);
    }
}
END_TEST

/* CR0 bits 8-12 other than 01000, 01010, 10000, 10010 (page size 00 or 11, bit 10 on, segment size 01
   or 11) are a translation-specification exception at the first translation, the instruction fetch. */
START_TEST(test_invalid_translation_format)
{
    static const uint32_t codes[] = {0x00, 0x18, 0x0C, 0x09, 0x13, 0x16, 0x1F};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        build_tables(&t, &fmt_4k_64k);
        cpu_set_cr(t.c, 0, INITIAL_CR0 | codes[i] << 19);
        run(&t, EC_DAT, STOP);
        cputest_expect_program(&t, PGM_TRANSLATION_SPEC);
        ck_assert_uint_eq(cpu_instruction_count(t.c), 0);
        cputest_free(&t);
    }
}
END_TEST

/* A segment table outside the installed storage: addressing exception at the instruction fetch. */
START_TEST(test_segment_table_outside_storage)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    cpu_set_cr(t.c, 1, 0x00100000);
    run(&t, EC_DAT, STOP);
    cputest_expect_program(&t, PGM_ADDRESSING);
    cputest_free(&t);
}
END_TEST

/* ---- a page-fault handler ------------------------------------------------------------------------- */

/*
 * The program new PSW (EC, DAT off) enters HANDLER, which counts page-translation exceptions at X'800',
 * validates pages 3 and 4 of segment 1 (clears bit 12 of their entries at X'7806' and X'7808') and
 * resumes the interrupted program with LPSW X'28'; any other interruption ends at the wait PSW at
 * X'E00' (address X'E0E0').  The nullified instruction runs again and now succeeds.
 */
/* clang-format off */
static const char *const fault_handler = "HANDLER  CLI   X'8F',X'11'\n"
                                         I("BNE   QUIT")
                                         I("L     15,X'800'")
                                         I("LA    15,1(15)")
                                         I("ST    15,X'800'")
                                         I("NI    7(14),X'F7'")
                                         I("NI    9(14),X'F7'")
                                         I("LPSW  X'28'")
                                         "QUIT     LPSW  X'E00'\n";
/* clang-format on */

static void run_with_handler(struct cputest *t, const char *main_program)
{
    char source[4096];
    snprintf(source, sizeof source,
             "X        START X'1000'\n" I("USING X,12") "%sMAIN     DS    0H\n%s" I("LPSW  X'200'") I("END   MAIN"),
             fault_handler, main_program);
    uint32_t entry = cputest_load(t, source);
    cpu_set_gr(t->c, 12, 0x1000);
    cpu_set_gr(t->c, 14, PTO1);
    cputest_set_word(t, 0x68, 0x00080000);
    cputest_set_word(t, 0x6C, 0x1000);
    cputest_set_word(t, 0xE00, 0x00020000);
    cputest_set_word(t, 0xE04, 0xE0E0);
    cputest_run_at(t, entry, EC_DAT, 10000);
}

/* A data page fault: L from page 3 (invalid) faults once, X'90' holds X'13123's page, and after the
   handler the L loads from frame A. */
START_TEST(test_page_fault_handler_data)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    set_halfword(&t, PTO1 + 6, pte_for(FRAME_A) | 0x0008);
    fill_frame_a(&t);
    cpu_set_gr(t.c, 1, 0x13123);
    run_with_handler(&t, I("L     2,0(1)"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 1);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xCAFEF00D);
    ck_assert_uint_eq(cputest_word(&t, 0x90) & 0xFFFFF000, 0x13000);
    ck_assert_uint_eq(halfword(&t, PTO1 + 6), pte_for(FRAME_A));
    cputest_free(&t);
}
END_TEST

/* An instruction-fetch page fault: BR 1 to page 4 (invalid, frame B holds LPSW X'200') faults at the
   fetch with X'90' = X'14000' and the old PSW at the branch target; after the handler the CPU runs
   the LPSW in frame B. */
START_TEST(test_page_fault_handler_instruction)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    set_halfword(&t, PTO1 + 8, pte_for(FRAME_B) | 0x0008);
    cputest_set_word(&t, FRAME_B + 0x10, 0x82000200); /* LPSW X'200' */
    cpu_set_gr(t.c, 1, 0x14010);
    run_with_handler(&t, I("BR    1"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cputest_word(&t, 0x800), 1);
    ck_assert_uint_eq(cputest_word(&t, 0x90) & 0xFFFFF000, 0x14000);
    ck_assert_uint_eq(cputest_word(&t, 0x2C), 0x14010);
    cputest_free(&t);
}
END_TEST

/* ---- the TLB -------------------------------------------------------------------------------------- */

/* The first L fills the TLB with page 3 -> A; the STH changes the entry to B.  Whether the second L
   sees A or B is not architected, but after PTLB the third must use the new entry, B. */
START_TEST(test_ptlb)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    cputest_set_word(&t, FRAME_A + 0x10, 0xAAAAAAAA);
    cputest_set_word(&t, FRAME_B + 0x10, 0xBBBBBBBB);
    cpu_set_gr(t.c, 1, 0x13010);
    cpu_set_gr(t.c, 5, pte_for(FRAME_B));
    cpu_set_gr(t.c, 14, PTO1);
    run(&t, EC_DAT, I("L     2,0(1)") I("STH   5,6(14)") I("L     3,0(1)") I("PTLB") I("L     4,0(1)"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xAAAAAAAA);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0xBBBBBBBB);
    cputest_free(&t);
}
END_TEST

/* LCTL of CR1 with another segment table (X'6400', mapping page 3 of segment 1 to B through X'7C00'):
   a translation made with the old table cannot be used for the new one. */
START_TEST(test_new_segment_table)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    for (uint32_t s = 0; s < 16; s++)
        cputest_set_word(&t, STO2 + 4 * s, STE_INVALID);
    cputest_set_word(&t, STO2, STE_FULL_LENGTH | PTO0);
    cputest_set_word(&t, STO2 + 4, 0x30000000 | PTO2);
    for (uint32_t p = 0; p < 16; p++)
        set_halfword(&t, PTO2 + 2 * p, 0x0008);
    set_halfword(&t, PTO2 + 6, pte_for(FRAME_B));
    cputest_set_word(&t, FRAME_A + 0x10, 0xAAAAAAAA);
    cputest_set_word(&t, FRAME_B + 0x10, 0xBBBBBBBB);
    cputest_set_word(&t, 0x900, STO2);
    cpu_set_gr(t.c, 1, 0x13010);
    run(&t, EC_DAT, I("L     2,0(1)") I("LCTL  1,1,X'900'") I("L     3,0(1)"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xAAAAAAAA);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 0xBBBBBBBB);
    cputest_free(&t);
}
END_TEST

/* LCTL of CR0 with 1M segments in place of 64K (4K pages both): X'13010' is then page X'13' of
   segment 0, whose entry at X'7026' (past the 16 entries 64K segments use) maps it to B; the first
   L, with 64K segments, reached A through segment 1. */
START_TEST(test_new_translation_format)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    set_halfword(&t, PTO0 + 2 * 0x13, pte_for(FRAME_B));
    cputest_set_word(&t, FRAME_A + 0x10, 0xAAAAAAAA);
    cputest_set_word(&t, FRAME_B + 0x10, 0xBBBBBBBB);
    cputest_set_word(&t, 0x900, INITIAL_CR0 | fmt_4k_1m.cr0);
    cpu_set_gr(t.c, 1, 0x13010);
    run(&t, EC_DAT, I("L     2,0(1)") I("LCTL  0,0,X'900'") I("L     3,0(1)"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xAAAAAAAA);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 0xBBBBBBBB);
    cputest_free(&t);
}
END_TEST

/* LCTL of CR0 with an invalid format (bits 8-12 zero) while translating: the next translation, the
   fetch of the instruction after the LCTL, is a translation-specification exception. */
START_TEST(test_invalid_translation_format_loaded)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    cputest_set_word(&t, 0x900, INITIAL_CR0);
    run(&t, EC_DAT, I("LCTL  0,0,X'900'") STOP);
    cputest_expect_program(&t, PGM_TRANSLATION_SPEC);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 1);
    ck_assert_uint_eq(cpu_cr(t.c, 0), INITIAL_CR0);
    cputest_free(&t);
}
END_TEST

/* Translation uses the prefix of the moment.  The segment table is at real X'C00': before SPX (prefix
   0) it is read at absolute X'C00', where segment 1 maps page 3 to A; after SPX X'80000' at absolute
   X'80C00', where segment 1's page table (X'7C00') maps it to B.  Real X'A00' (virtual X'A00',
   page 0) is then absolute X'80A00', whether the tables or the TLB translate it. */
START_TEST(test_new_prefix_for_translation)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    for (uint32_t s = 0; s < 16; s++)
        cputest_set_word(&t, 0xC00 + 4 * s, STE_INVALID);
    cputest_set_word(&t, 0xC00, STE_FULL_LENGTH | PTO0);
    cputest_set_word(&t, 0xC04, STE_FULL_LENGTH | PTO1);
    for (uint32_t p = 0; p < 16; p++)
        set_halfword(&t, PTO2 + 2 * p, 0x0008);
    set_halfword(&t, PTO2 + 6, pte_for(FRAME_B));
    cputest_set_word(&t, FRAME_A + 0x10, 0xAAAAAAAA);
    cputest_set_word(&t, FRAME_B + 0x10, 0xBBBBBBBB);
    cputest_set_word(&t, 0x900, 0x80000);
    uint8_t *s = machine_storage(t.m);
    memcpy(s + 0x80000, s, 0x1000); /* the PSWs and segment 0's entry, in the new prefix area */
    cputest_set_word(&t, 0x80C04, STE_FULL_LENGTH | PTO2);
    cputest_set_word(&t, 0xA00, 0x0BAD0BAD);
    cputest_set_word(&t, 0x80A00, 0x600DF00D);
    cpu_set_cr(t.c, 1, 0xC00);
    cpu_set_gr(t.c, 1, 0x13010);
    run(&t, EC_DAT,
        I("L     2,0(1)") I("SPX   X'900'") I("L     3,0(1)") I("L     4,X'A00'") I("L     5,X'A00'"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_prefix(t.c), 0x80000);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xAAAAAAAA);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 0xBBBBBBBB);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0x600DF00D);
    ck_assert_uint_eq(cpu_gr(t.c, 5), 0x600DF00D);
    cputest_free(&t);
}
END_TEST

/* ---- LOAD REAL ADDRESS ---------------------------------------------------------------------------- */

struct lra_case {
    const char *what;
    uint32_t address;
    uint32_t entry, value; /* a table entry to change first (0: none) */
    unsigned cc;
    uint32_t r4;
};

/*
 * LRA 4,0(1) in BC mode (translation is done whatever the PSW says about DAT).  cc 0: the real address;
 * cc 1: the address of the invalid segment-table entry; cc 2: of the invalid page-table entry; cc 3:
 * of the entry beyond the segment table (X'6000' + 16 * 4) or the page table (X'7800' + 3 * 2) that
 * would have been used.  Bits 0-7 of R4 (preset to ones) are zeros.
 */
START_TEST(test_lra)
{
    const struct lra_case cases[] = {
        {"translated", 0x13123, 0, 0, 0, FRAME_A + 0x123},
        {"identity", 0x0FFFF, 0, 0, 0, 0x0FFFF},
        {"segment invalid", 0x13123, STO + 4, STE_FULL_LENGTH | PTO1 | 1, 1, STO + 4},
        {"page invalid", 0x14000, 0, 0, 2, PTO1 + 8},
        {"segment table length", 0x100123, 0, 0, 3, STO + 64},
        {"page table length", 0x13123, STO + 4, 0x20000000 | PTO1, 3, PTO1 + 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        build_tables(&t, &fmt_4k_64k);
        if (cases[i].entry)
            cputest_set_word(&t, cases[i].entry, cases[i].value);
        cpu_set_gr(t.c, 1, cases[i].address);
        cpu_set_gr(t.c, 4, 0xFFFFFFFF);
        run(&t, BC, I("LRA   4,0(1)") STOP);
        cputest_expect_program(&t, PGM_OPERATION);
        ck_assert_msg(cputest_program_cc(&t) == cases[i].cc, "%s: cc", cases[i].what);
        ck_assert_msg(cpu_gr(t.c, 4) == cases[i].r4, "%s: R4 = %08X", cases[i].what, cpu_gr(t.c, 4));
        cputest_free(&t);
    }
}
END_TEST

/* LRA's exceptions: translation specification (CR0), addressing (a page table outside storage), and
   privileged operation; each suppresses, leaving R4. */
START_TEST(test_lra_exceptions)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    cpu_set_cr(t.c, 0, INITIAL_CR0);
    cpu_set_gr(t.c, 1, 0x13123);
    run(&t, BC, I("LRA   4,0(1)") STOP);
    cputest_expect_program(&t, PGM_TRANSLATION_SPEC);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1004);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    cputest_set_word(&t, STO + 4, STE_FULL_LENGTH | 0x100000);
    cpu_set_gr(t.c, 1, 0x13123);
    run(&t, BC, I("LRA   4,0(1)") STOP);
    cputest_expect_program(&t, PGM_ADDRESSING);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    run(&t, BC | 0x0001, I("LRA   4,0(1)") STOP);
    cputest_expect_program(&t, PGM_PRIVILEGED);
    cputest_free(&t);
}
END_TEST

/* LRA does not use the TLB: after the page-table entry changes to B (no PTLB), LRA already gives B,
   with DAT on. */
START_TEST(test_lra_bypasses_tlb)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    cpu_set_gr(t.c, 1, 0x13010);
    cpu_set_gr(t.c, 5, pte_for(FRAME_B));
    cpu_set_gr(t.c, 14, PTO1);
    run(&t, EC_DAT, I("L     2,0(1)") I("STH   5,6(14)") I("LRA   4,0(1)"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 4), FRAME_B + 0x10);
    cputest_free(&t);
}
END_TEST

/* The tables are at real addresses, so prefixing applies: with the prefix at X'80000', a segment table
   at real X'C00' is read from absolute X'80C00' (valid there, invalid at absolute X'C00'). */
START_TEST(test_tables_are_prefixed)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    build_tables(&t, &fmt_4k_64k);
    uint8_t *s = machine_storage(t.m);
    memcpy(s + 0x80000, s, 0x1000); /* the new PSWs, in the new prefix area */
    cputest_set_word(&t, 0x80C04, STE_FULL_LENGTH | PTO1);
    cputest_set_word(&t, 0x00C04, STE_INVALID);
    cputest_set_word(&t, 0x900, 0x80000);
    cpu_set_cr(t.c, 1, 0xC00);
    cpu_set_gr(t.c, 1, 0x13123);
    run(&t, BC, I("SPX   X'900'") I("LRA   4,0(1)") STOP);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cpu_prefix(t.c), 0x80000);
    ck_assert_uint_eq(cpu_gr(t.c, 4), FRAME_A + 0x123);
    cputest_free(&t);
}
END_TEST

Suite *suite_dat(void)
{
    Suite *s = suite_create("dat");
    TCase *formats = tcase_create("formats");
    tcase_add_test(formats, test_translate_4k_64k);
    tcase_add_test(formats, test_translate_4k_1m);
    tcase_add_test(formats, test_translate_2k_64k);
    tcase_add_test(formats, test_translate_2k_1m);
    tcase_add_test(formats, test_2k_pages_are_independent);
    tcase_add_test(formats, test_dat_only_in_ec_mode_with_bit_5);
    suite_add_tcase(s, formats);
    TCase *exceptions = tcase_create("exceptions");
    tcase_add_test(exceptions, test_translation_exceptions);
    tcase_add_test(exceptions, test_invalid_translation_format);
    tcase_add_test(exceptions, test_segment_table_outside_storage);
    tcase_add_test(exceptions, test_page_fault_handler_data);
    tcase_add_test(exceptions, test_page_fault_handler_instruction);
    suite_add_tcase(s, exceptions);
    TCase *tlb = tcase_create("tlb_lra");
    tcase_add_test(tlb, test_ptlb);
    tcase_add_test(tlb, test_new_segment_table);
    tcase_add_test(tlb, test_new_translation_format);
    tcase_add_test(tlb, test_invalid_translation_format_loaded);
    tcase_add_test(tlb, test_new_prefix_for_translation);
    tcase_add_test(tlb, test_lra);
    tcase_add_test(tlb, test_lra_exceptions);
    tcase_add_test(tlb, test_lra_bypasses_tlb);
    tcase_add_test(tlb, test_tables_are_prefixed);
    suite_add_tcase(s, tlb);
    return s;
}
