/*
 * test_control.c - the control instructions of cpu370/control.c (LPSW, SSM, STNSM, STOSM, SPKA, IPK,
 * LCTL, STCTL, SSK, ISK, RRB, DIAG, MC, WRD, RDD), storage-key and low-address protection, and the
 * PSW-format errors recognized when an invalid PSW becomes active (after LPSW, SSM/STOSM or an
 * interruption).  Expected values are worked out by hand from GA22-7000's instruction descriptions,
 * "Exceptions Associated with the PSW" and "Protection".
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
/* Programs that must not end with LPSW (problem state) stop on an invalid operation instead: the
   program old PSW then shows where they stopped, the condition code, mask and key. */
#define STOP I("DC    X'0000'")

enum {
    BC = 0x0000,      /* PSW bytes 0-1: BC mode, key 0, supervisor, disabled */
    EC = 0x0008,      /* EC mode */
    PROBLEM = 0x0001, /* problem state */
    DATA = 0x3000,    /* a 2K block the tests give keys to (the program is in the block at X'1000') */
    INITIAL_CR0 = 0x000000E0,
};

/* Assemble body at X'1000' (falling through to LPSW X'200', the done PSW) and run it from there. */
static void run(struct cputest *t, uint16_t psw_high, const char *body)
{
    char source[4096];
    snprintf(source, sizeof source, "X        START X'1000'\n%s" I("LPSW  X'200'") I("END   X"), body);
    cputest_load(t, source);
    cputest_run_at(t, 0x1000, psw_high, 1000);
}

static void set_doubleword(struct cputest *t, uint32_t address, uint64_t value)
{
    cputest_set_word(t, address, (uint32_t)(value >> 32));
    cputest_set_word(t, address + 4, (uint32_t)value);
}

static uint8_t byte_at(struct cputest *t, uint32_t address)
{
    return machine_storage(t->m)[address];
}

/* The program interruption happened with this code, ILC and old-PSW instruction address. */
static void expect_program(struct cputest *t, uint16_t code, uint8_t ilc, uint32_t old_address)
{
    cputest_expect_program(t, code);
    ck_assert_uint_eq(cputest_program_ilc(t), ilc);
    ck_assert_uint_eq(cputest_program_old_address(t), old_address);
}

/* ---- LOAD PSW ----------------------------------------------------------------------------------- */

/* The new PSW takes effect for the next instruction: EC mode, key 3, cc 2, program mask F, address
   X'1006'.  The invalid operation there stores the EC old PSW 00 38 2F 00 00 00 10 08, ILC 1. */
START_TEST(test_lpsw_loads_ec_psw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    set_doubleword(&t, 0x800, 0x00382F0000001006);
    run(&t, BC, I("LPSW  X'800'") STOP STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1008);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x28), 0x00382F0000001008);
    cputest_free(&t);
}
END_TEST

/* A BC-mode PSW: its interruption code and ILC (bits 16-33) are not kept; cc 2 and mask 5 are.  The
   invalid operation stores code 1, ILC 1, cc 2, mask 5: byte 4 = 01 10 0101 = X'65'. */
START_TEST(test_lpsw_loads_bc_psw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    set_doubleword(&t, 0x800, 0x00001234E5001006);
    run(&t, EC, I("LPSW  X'800'") STOP STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1008);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x28), 0x0000000165001008);
    cputest_free(&t);
}
END_TEST

/* Bits 16-33 of a BC-mode PSW are not retained as it is loaded: the loaded wait PSW has interruption
   code and ILC zero (X'8F': ILC 2, cc 0, mask F keeps only X'0F').  A display (cpu_get_psw) shows the
   last instruction's ILC in their place, as Hercules does: here LPSW's, 2. */
START_TEST(test_lpsw_bc_code_not_kept)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    set_doubleword(&t, 0x800, 0x000212348F000123);
    run(&t, BC, I("LPSW  X'800'"));
    ck_assert_int_eq(t.reason, STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu_psw(t.c)->intcode, 0);
    ck_assert_uint_eq(cpu_psw(t.c)->ilc, 0);
    uint8_t psw[8];
    cpu_get_psw(t.c, psw);
    static const uint8_t expected[8] = {0x00, 0x02, 0x00, 0x00, 0x8F, 0x00, 0x01, 0x23};
    ck_assert_mem_eq(psw, expected, 8);
    cputest_free(&t);
}
END_TEST

/*
 * An EC-mode PSW with a one in an unassigned position (0, 2-4, 17, 24-39) or in bit 16 (the DAS
 * facility is not installed) is invalid.  LPSW completes; the specification exception is recognized
 * as the PSW becomes active: the program old PSW is the invalid PSW exactly, the ILC is 0.  A wait
 * bit in it does not matter.
 */
START_TEST(test_lpsw_invalid_psw)
{
    static const uint64_t invalid[] = {
        0x8008000000001006, /* bit 0 */
        0x2008000000001006, /* bit 2 */
        0x0808000000001006, /* bit 4 */
        0x0008800000001006, /* bit 16 */
        0x0008400000001006, /* bit 17 */
        0x0008000100001006, /* bit 31 */
        0x0008000080001006, /* bit 32 */
        0x0008000001001006, /* bit 39 */
        0x000A000001001006, /* bit 39, wait state */
    };
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        set_doubleword(&t, 0x800, invalid[i]);
        run(&t, BC, I("LPSW  X'800'") STOP STOP);
        cputest_expect_program(&t, PGM_SPECIFICATION);
        ck_assert_uint_eq(cputest_doubleword(&t, 0x28), invalid[i]);
        ck_assert_uint_eq(byte_at(&t, 0x8D), 0); /* ILC 0 */
        ck_assert_uint_eq(cpu_instruction_count(t.c), 1);
        cputest_free(&t);
    }
}
END_TEST

/* A BC-mode PSW has no unassigned bits: anything in bits 16-33 is simply not kept. */
START_TEST(test_lpsw_bc_psw_is_always_valid)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    set_doubleword(&t, 0x800, 0xFC00FFFFC0001006);
    run(&t, BC, I("LPSW  X'800'") STOP STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1008);
    ck_assert_uint_eq(cputest_word(&t, 0x28), 0xFC000001);
    cputest_free(&t);
}
END_TEST

/* ---- invalid PSWs introduced by an interruption or by the operator -------------------------------- */

/* The interrupt key's external interruption loads an invalid external new PSW (bit 39, and the wait
   state, which does not matter): the external old PSW is stored (BC, code X'0040'), then at once a
   program interruption stores the invalid PSW as the program old PSW with ILC 0, code 6. */
START_TEST(test_interruption_loads_invalid_psw)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    set_doubleword(&t, 0x58, 0x000A000001002000);
    cputest_load(&t, "X        START X'1000'\n" STOP I("END   X"));
    cpu_set_cr(t.c, 0, 0x00000040); /* interrupt-key subclass only */
    cpu_interrupt_key(t.c);
    cputest_run_at(&t, 0x1000, 0x0100, 100); /* BC mode, external mask on */
    cputest_expect_program(&t, PGM_SPECIFICATION);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x18), 0x0100004000001000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x28), 0x000A000001002000);
    ck_assert_uint_eq(byte_at(&t, 0x8D), 0);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 0);
    cputest_free(&t);
}
END_TEST

/* An invalid PSW that would enable a pending external interruption: the program interruption comes
   first, and the external interruption stays pending (the program new PSW disables it). */
START_TEST(test_invalid_psw_before_pending_interruption)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 0, 0x00000040);
    cpu_interrupt_key(t.c);
    cputest_run_at(&t, 0x1000, 0x8109, 100); /* EC, external mask, bit 0 on */
    cputest_expect_program(&t, PGM_SPECIFICATION);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x28), 0x8109000000001000);
    ck_assert_uint_eq(cputest_doubleword(&t, 0x18), 0);
    cputest_free(&t);
}
END_TEST

/* An EC-mode program interruption stores zeros at 140 and around the ILC in 141: with X'8C'-X'8F'
   all ones before, an invalid operation (ILC 1, code 1) leaves 0002 0001 there. */
START_TEST(test_ec_interruption_code_word)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x8C, 0xFFFFFFFF);
    run(&t, EC, STOP);
    cputest_expect_program(&t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_word(&t, 0x8C), 0x00020001);
    cputest_free(&t);
}
END_TEST

/* ---- SET SYSTEM MASK, STORE THEN AND/OR SYSTEM MASK ----------------------------------------------- */

/* SSM replaces PSW bits 0-7 in either mode; the invalid operation after it shows the new mask. */
START_TEST(test_ssm)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x800, 0xFC000000);
    run(&t, BC, I("SSM   X'800'") STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1006);
    ck_assert_uint_eq(byte_at(&t, 0x28), 0xFC);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x800, 0x02000000);
    run(&t, EC, I("SSM   X'800'") STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1006);
    ck_assert_uint_eq(byte_at(&t, 0x28), 0x02);
    cputest_free(&t);
}
END_TEST

/* In EC mode a one in bit 0 or 2-4 is a PSW-format error recognized once SSM has completed: the old
   PSW has the new mask and points past the SSM, and the ILC is 2. */
START_TEST(test_ssm_invalid_ec_mask)
{
    static const uint8_t masks[] = {0x82, 0x20, 0x10, 0x08};
    for (size_t i = 0; i < sizeof masks; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        cputest_set_word(&t, 0x800, (uint32_t)masks[i] << 24);
        run(&t, EC, I("SSM   X'800'") STOP);
        expect_program(&t, PGM_SPECIFICATION, 2, 0x1004);
        ck_assert_uint_eq(cputest_word(&t, 0x28), (uint32_t)masks[i] << 24 | 0x00080000);
        cputest_free(&t);
    }
}
END_TEST

/* EC mode, mask X'02': STNSM X'800',X'FD' stores 02 and leaves 02 & FD = 00; STOSM X'801',X'02' stores
   00 and leaves 02; STOSM X'802',X'FF' in BC mode would be legal, here bits 0 and 2-4 make it a
   PSW-format error after the store: 02 stored, old PSW mask FF, ILC 2, pointing past it. */
START_TEST(test_stnsm_stosm)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run(&t, 0x0208, I("STNSM X'800',X'FD'") I("STOSM X'801',X'02'") STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x100A);
    ck_assert_uint_eq(cputest_word(&t, 0x800) >> 16, 0x0200);
    ck_assert_uint_eq(byte_at(&t, 0x28), 0x02);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    run(&t, 0x0208, I("STOSM X'802',X'FF'") STOP);
    expect_program(&t, PGM_SPECIFICATION, 2, 0x1004);
    ck_assert_uint_eq(byte_at(&t, 0x802), 0x02);
    ck_assert_uint_eq(byte_at(&t, 0x28), 0xFF);
    cputest_free(&t);

    /* BC mode: every bit is a mask bit */
    cputest_init(&t, 0, 1);
    run(&t, 0x0200, I("STOSM X'802',X'F8'") STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1006);
    ck_assert_uint_eq(byte_at(&t, 0x28), 0xFA);
    cputest_free(&t);
}
END_TEST

/* ---- SET PSW KEY FROM ADDRESS, INSERT PSW KEY ----------------------------------------------------- */

/* Supervisor state: any key.  SPKA X'7A' takes bits 24-27 of the address (7); through a register,
   bits 0-23 and 28-31 are ignored (X'FFFFFF3F' gives 3).  IPK puts key << 4 in GR2's low byte. */
START_TEST(test_spka_ipk_supervisor)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 2, 0xAAAAAA55);
    cpu_set_gr(t.c, 4, 0xAAAAAA55);
    cpu_set_gr(t.c, 1, 0xFFFFFF3F);
    run(&t, EC, I("SPKA  X'7A'") I("IPK") I("LR    4,2") I("SPKA  0(1)") I("IPK") STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x1014);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0xAAAAAA70);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0xAAAAAA30);
    ck_assert_uint_eq(byte_at(&t, 0x29), 0x38); /* key 3, EC */
    cputest_free(&t);
}
END_TEST

/* Problem state: SPKA needs the key's bit in the PSW-key mask (CR3 bits 0-15), IPK the
   extraction-authority control (CR0 bit 4); without them they are privileged (see
   test_suppressed_exceptions). */
START_TEST(test_spka_ipk_problem_state)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 3, 0x01000000); /* key 7 only */
    cpu_set_cr(t.c, 0, INITIAL_CR0 | 0x08000000);
    cpu_set_gr(t.c, 2, 0x12345678);
    run(&t, EC | PROBLEM, I("SPKA  X'70'") I("IPK") STOP);
    expect_program(&t, PGM_OPERATION, 1, 0x100A);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0x12345670);
    ck_assert_uint_eq(byte_at(&t, 0x29), 0x79);
    cputest_free(&t);
}
END_TEST

/* ---- LOAD CONTROL, STORE CONTROL ------------------------------------------------------------------ */

/* LCTL 14,1 loads CR14, CR15, CR0, CR1 (wrapping) from X'800'-X'80F'; STCTL 15,14 stores all sixteen
   from CR15 on.  CR2-CR13 keep their values. */
START_TEST(test_lctl_stctl)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    static const uint32_t words[] = {0x11111111, 0x22222222, 0x000000C0, 0x44444440};
    for (int i = 0; i < 4; i++)
        cputest_set_word(&t, 0x800 + 4 * i, words[i]);
    cpu_set_cr(t.c, 7, 0x77777777);
    run(&t, EC, I("LCTL  14,1,X'800'") I("STCTL 15,14,X'900'") I("STCTL 3,3,X'9FC'"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_cr(t.c, 14), 0x11111111);
    ck_assert_uint_eq(cpu_cr(t.c, 15), 0x22222222);
    ck_assert_uint_eq(cpu_cr(t.c, 0), 0x000000C0);
    ck_assert_uint_eq(cpu_cr(t.c, 1), 0x44444440);
    ck_assert_uint_eq(cputest_word(&t, 0x900), 0x22222222);          /* CR15 */
    ck_assert_uint_eq(cputest_word(&t, 0x904), 0x000000C0);          /* CR0 */
    ck_assert_uint_eq(cputest_word(&t, 0x908), 0x44444440);          /* CR1 */
    ck_assert_uint_eq(cputest_word(&t, 0x90C), 0xFFFFFFFF);          /* CR2, initial */
    ck_assert_uint_eq(cputest_word(&t, 0x900 + 4 * 8), 0x77777777);  /* CR7 */
    ck_assert_uint_eq(cputest_word(&t, 0x900 + 4 * 15), 0x11111111); /* CR14 */
    ck_assert_uint_eq(cputest_word(&t, 0x9FC), 0);                   /* CR3 */
    cputest_free(&t);
}
END_TEST

/* ---- storage keys --------------------------------------------------------------------------------- */

/* SSK takes bits 24-30 of R1 (X'5F' gives key X'5E': access key 5, fetch protection, reference,
   change); R2's bits 0-7 and 21-27 are ignored.  ISK returns the 7 bits with bit 31 zero in EC mode,
   only access key and fetch bit (X'58') in BC mode; bits 0-23 of R1 are kept. */
START_TEST(test_ssk_isk)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_gr(t.c, 1, 0xFFFFFF5F);
    cpu_set_gr(t.c, 2, 0xAB0037F0);
    cpu_set_gr(t.c, 3, 0x12345601);
    run(&t, EC, I("SSK   1,2") I("ISK   3,2"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(machine_storage_key(t.m, DATA), 0x5E);
    ck_assert_uint_eq(machine_storage_key(t.m, DATA + 0x800), 0x00);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 0x1234565E);
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    machine_set_storage_key(t.m, DATA, 0x5E);
    cpu_set_gr(t.c, 2, DATA);
    cpu_set_gr(t.c, 3, 0x123456FF);
    run(&t, BC, I("ISK   3,2"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 0x12345658);
    cputest_free(&t);
}
END_TEST

/* RRB: cc = 2 * reference + change, from the key before; the reference bit is reset, the rest kept. */
START_TEST(test_rrb)
{
    static const uint8_t keys[] = {0x00, 0x02, 0x04, 0x06, 0x5E};
    for (size_t i = 0; i < sizeof keys; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        machine_set_storage_key(t.m, DATA, keys[i]);
        cpu_set_gr(t.c, 1, DATA + 0x7FF);
        run(&t, BC, I("RRB   0(1)") STOP);
        expect_program(&t, PGM_OPERATION, 1, 0x1006);
        ck_assert_uint_eq(cputest_program_cc(&t), (keys[i] >> 1) & 3);
        ck_assert_uint_eq(machine_storage_key(t.m, DATA), keys[i] & ~0x04);
        cputest_free(&t);
    }
}
END_TEST

/* ---- protection ----------------------------------------------------------------------------------- */

struct protection_case {
    const char *instruction; /* ST or L at 0(1) = DATA */
    uint8_t storage_key;
    uint16_t psw_high;
    uint16_t code; /* PGM_OPERATION: allowed, the STOP was reached */
};

/* Store protection: a store needs PSW key 0 or the block's access key.  Fetch protection: a fetch from
   a block with the fetch-protection bit needs the same; without the bit any key may fetch. */
START_TEST(test_key_controlled_protection)
{
    static const struct protection_case cases[] = {
        {"ST    2,0(1)", 0x50, 0x0030, PGM_PROTECTION}, {"ST    2,0(1)", 0x50, 0x0050, PGM_OPERATION},
        {"ST    2,0(1)", 0x50, 0x0000, PGM_OPERATION},  {"ST    2,0(1)", 0x58, 0x0058, PGM_OPERATION},
        {"L     2,0(1)", 0x58, 0x0030, PGM_PROTECTION}, {"L     2,0(1)", 0x58, 0x0058, PGM_OPERATION},
        {"L     2,0(1)", 0x58, 0x0008, PGM_OPERATION},  {"L     2,0(1)", 0x50, 0x0038, PGM_OPERATION},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        char body[64];
        cputest_init(&t, 0, 1);
        cputest_set_word(&t, DATA, 0x11111111);
        machine_set_storage_key(t.m, DATA, cases[i].storage_key);
        cpu_set_gr(t.c, 1, DATA);
        cpu_set_gr(t.c, 2, 0x22222222);
        snprintf(body, sizeof body, I("%s") STOP, cases[i].instruction);
        run(&t, cases[i].psw_high, body);
        bool allowed = cases[i].code == PGM_OPERATION;
        expect_program(&t, cases[i].code, allowed ? 1 : 2, allowed ? 0x1006 : 0x1004);
        /* a refused store leaves storage alone, a refused load the register */
        ck_assert_uint_eq(cputest_word(&t, DATA), allowed && cases[i].instruction[0] == 'S' ? 0x22222222 : 0x11111111);
        ck_assert_uint_eq(cpu_gr(t.c, 2), allowed && cases[i].instruction[0] == 'L' ? 0x11111111 : 0x22222222);
        cputest_free(&t);
    }
}
END_TEST

/* Low-address protection (CR0 bit 3) refuses stores to 0-511 even with key 0, allows them at 512 and
   fetches anywhere; without the control the store is allowed. */
START_TEST(test_low_address_protection)
{
    static const struct {
        const char *instruction;
        uint32_t cr0;
        uint16_t code;
    } cases[] = {
        {"ST    2,X'100'", INITIAL_CR0 | 0x10000000, PGM_PROTECTION},
        {"STC   2,X'1FF'", INITIAL_CR0 | 0x10000000, PGM_PROTECTION},
        {"ST    2,X'400'", INITIAL_CR0 | 0x10000000, PGM_OPERATION},
        {"L     2,X'100'", INITIAL_CR0 | 0x10000000, PGM_OPERATION},
        {"ST    2,X'100'", INITIAL_CR0, PGM_OPERATION},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        char body[64];
        cputest_init(&t, 0, 1);
        cpu_set_cr(t.c, 0, cases[i].cr0);
        snprintf(body, sizeof body, I("%s") STOP, cases[i].instruction);
        run(&t, EC, body);
        cputest_expect_program(&t, cases[i].code);
        cputest_free(&t);
    }
}
END_TEST

/* A store to 512-2047 first (the store is allowed, and the CPU may remember the 2K block it went to),
   then one to 0-511 in the same block: still a protection exception, the word there unchanged and the
   old PSW at the second ST. */
START_TEST(test_low_address_protection_after_store_in_block)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 0, INITIAL_CR0 | 0x10000000);
    cpu_set_gr(t.c, 2, 0x12345678);
    cputest_set_word(&t, 0x100, 0xAAAAAAAA);
    run(&t, EC, I("ST    2,X'400'") I("ST    2,X'100'") STOP);
    expect_program(&t, PGM_PROTECTION, 2, 0x1008);
    ck_assert_uint_eq(cputest_word(&t, 0x400), 0x12345678);
    ck_assert_uint_eq(cputest_word(&t, 0x100), 0xAAAAAAAA);
    cputest_free(&t);
}
END_TEST

/* ---- DIAGNOSE ------------------------------------------------------------------------------------- */

struct diagnose_log {
    int calls;
    unsigned r1, r3;
    uint32_t code;
    bool accept;
};

static bool record_diagnose(void *ctx, struct cpu *c, unsigned r1, unsigned r3, uint32_t code)
{
    struct diagnose_log *log = ctx;
    log->calls++;
    log->r1 = r1;
    log->r3 = r3;
    log->code = code;
    if (log->accept)
        cpu_set_gr(c, (int)r1, 0xD1A6);
    return log->accept;
}

/* DIAG 4,7,X'08'(5) with R5 = X'100': the hook sees R1 = 4, R3 = 7 and code X'108'; a hook that refuses
   makes a specification exception (as no hook does); in the problem state it is never called. */
START_TEST(test_diagnose)
{
    struct cputest t;
    struct diagnose_log log = {.accept = true};
    cputest_init(&t, 0, 1);
    machine_set_diagnose(t.m, record_diagnose, &log);
    cpu_set_gr(t.c, 5, 0x100);
    run(&t, EC, I("DIAG  4,7,X'08'(5)"));
    cputest_expect_done(&t);
    ck_assert_int_eq(log.calls, 1);
    ck_assert_uint_eq(log.r1, 4);
    ck_assert_uint_eq(log.r3, 7);
    ck_assert_uint_eq(log.code, 0x108);
    ck_assert_uint_eq(cpu_gr(t.c, 4), 0xD1A6);
    cputest_free(&t);

    log = (struct diagnose_log){.accept = false};
    cputest_init(&t, 0, 1);
    machine_set_diagnose(t.m, record_diagnose, &log);
    run(&t, EC, I("DIAG  1,2,X'0'") STOP);
    expect_program(&t, PGM_SPECIFICATION, 2, 0x1004);
    ck_assert_int_eq(log.calls, 1);
    cputest_free(&t);

    log = (struct diagnose_log){.accept = true};
    cputest_init(&t, 0, 1);
    machine_set_diagnose(t.m, record_diagnose, &log);
    run(&t, EC | PROBLEM, I("DIAG  1,2,X'0'") STOP);
    expect_program(&t, PGM_PRIVILEGED, 2, 0x1004);
    ck_assert_int_eq(log.calls, 0);
    cputest_free(&t);
}
END_TEST

/* ---- MONITOR CALL --------------------------------------------------------------------------------- */

/* Class 5 enabled (CR8 bit 21): MC X'FF8'(1),5 with R1 = X'FF123456' completes with a monitor event:
   code X'40', class 5 at 149 (148 zero), monitor code X'12444E' (24-bit sum, 156 zero), ILC 2, the old
   PSW past the MC.  Also in the problem state. */
START_TEST(test_monitor_call_event)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_set_word(&t, 0x94, 0xFFFFFFFF);
    cputest_set_word(&t, 0x9C, 0xFFFFFFFF);
    cpu_set_cr(t.c, 8, 0x00000400);
    cpu_set_gr(t.c, 1, 0xFF123456);
    run(&t, EC | PROBLEM, I("MC    X'FF8'(1),5") STOP);
    expect_program(&t, PGM_MONITOR_EVENT, 2, 0x1004);
    ck_assert_uint_eq(cputest_word(&t, 0x94) >> 16, 0x0005);
    ck_assert_uint_eq(cputest_word(&t, 0x9C), 0x0012444E);
    cputest_free(&t);

    /* BC mode: the code goes into the old PSW, the class and monitor code to the same places */
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 8, 0x00000001);
    run(&t, BC, I("MC    X'123',15") STOP);
    expect_program(&t, PGM_MONITOR_EVENT, 2, 0x1004);
    ck_assert_uint_eq(cputest_word(&t, 0x94) >> 16, 0x000F);
    ck_assert_uint_eq(cputest_word(&t, 0x9C), 0x00000123);
    cputest_free(&t);
}
END_TEST

/* A class whose mask bit is off: no operation. */
START_TEST(test_monitor_call_disabled)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cpu_set_cr(t.c, 8, 0x0000FBFF); /* every class but 5 */
    run(&t, EC, I("MC    X'123',5"));
    cputest_expect_done(&t);
    cputest_free(&t);
}
END_TEST

/* ---- exceptions that suppress ------------------------------------------------------------------ */

struct suppressed_case {
    const char *instruction;
    uint16_t psw_high;
    uint16_t code;
    uint8_t ilc;
    uint32_t storage; /* 0: 1M */
    uint32_t gr1;
    uint32_t cr0; /* 0: the initial value */
    uint32_t cr3;
    uint8_t data_key; /* storage key of the block at DATA */
};

/*
 * Exceptions that suppress the instruction: the old PSW points past it with its ILC, and the PSW
 * (mask, key), the general and control registers, storage at X'100'-X'1FF' and X'800'-X'87F' and the
 * key of DATA are as they were.  Privileged operation comes before the special-operation and
 * specification exceptions; WRD and RDD are operation exceptions in either state (no direct-control
 * facility); DIAGNOSE without a hook is a specification exception.
 */
START_TEST(test_suppressed_exceptions)
{
    enum { LAP = INITIAL_CR0 | 0x10000000, SSM_OFF = INITIAL_CR0 | 0x40000000, K64 = 64 * 1024 };
    static const struct suppressed_case cases[] = {
        {"LPSW  X'804'", BC, PGM_SPECIFICATION, 2, 0, 0, 0, 0, 0},
        {"LPSW  X'800'", BC | PROBLEM, PGM_PRIVILEGED, 2, 0, 0, 0, 0, 0},
        {"LPSW  0(1)", BC, PGM_ADDRESSING, 2, K64, 0x20000, 0, 0, 0},
        {"LPSW  0(1)", 0x0010, PGM_PROTECTION, 2, 0, DATA, 0, 0, 0x58}, /* key 1, fetch-protected key 5 */
        {"SSM   X'800'", 0x0208, PGM_SPECIAL_OPERATION, 2, 0, 0, SSM_OFF, 0, 0},
        {"SSM   X'800'", EC | PROBLEM, PGM_PRIVILEGED, 2, 0, 0, SSM_OFF, 0, 0},
        {"SSM   0(1)", 0x0208, PGM_ADDRESSING, 2, K64, 0x10000, 0, 0, 0},
        {"STOSM X'100',X'01'", 0x0208, PGM_PROTECTION, 2, 0, 0, LAP, 0, 0},
        {"STNSM X'800',X'00'", 0x0208 | PROBLEM, PGM_PRIVILEGED, 2, 0, 0, 0, 0, 0},
        {"SPKA  X'60'", EC | PROBLEM, PGM_PRIVILEGED, 2, 0, 0, 0, 0x01000000, 0}, /* only key 7 allowed */
        {"IPK", EC | PROBLEM, PGM_PRIVILEGED, 2, 0, 0, 0, 0, 0},
        {"LCTL  0,0,X'802'", EC, PGM_SPECIFICATION, 2, 0, 0, 0, 0, 0},
        {"LCTL  6,9,0(1)", EC, PGM_ADDRESSING, 2, K64, 0xFFF8, 0, 0, 0}, /* the last two words are beyond */
        {"STCTL 0,0,X'901'", EC, PGM_SPECIFICATION, 2, 0, 0, 0, 0, 0},
        {"STCTL 0,0,X'800'", EC | PROBLEM, PGM_PRIVILEGED, 2, 0, 0, 0, 0, 0},
        {"STCTL 0,1,X'1F8'", EC, PGM_PROTECTION, 2, 0, 0, LAP, 0, 0},
        {"SSK   1,2", EC, PGM_SPECIFICATION, 1, 0, 0, 0, 0, 0}, /* R2 = DATA + 8 */
        {"ISK   1,3", EC, PGM_SPECIFICATION, 1, 0, 0, 0, 0, 0}, /* R3 = DATA + 1 */
        {"SSK   1,4", EC, PGM_ADDRESSING, 1, K64, 0, 0, 0, 0},  /* R4 = X'10000' */
        {"ISK   1,5", BC, PGM_ADDRESSING, 1, K64, 0, 0, 0, 0},  /* R5 = X'10800' */
        {"SSK   1,6", EC | PROBLEM, PGM_PRIVILEGED, 1, 0, 0, 0, 0, 0},
        {"ISK   1,6", EC | PROBLEM, PGM_PRIVILEGED, 1, 0, 0, 0, 0, 0},
        {"RRB   0(1)", EC, PGM_ADDRESSING, 2, K64, 0x10000, 0, 0, 0},
        {"RRB   0(1)", EC | PROBLEM, PGM_PRIVILEGED, 2, 0, DATA, 0, 0, 0x04},
        {"DIAG  1,2,X'0'", EC, PGM_SPECIFICATION, 2, 0, 0, 0, 0, 0},
        {"MC    X'123',X'15'", EC, PGM_SPECIFICATION, 2, 0, 0, 0, 0, 0}, /* instruction bits 8-11 */
        {"WRD   X'800',X'01'", EC, PGM_OPERATION, 2, 0, 0, 0, 0, 0},
        {"RDD   X'800',X'01'", EC | PROBLEM, PGM_OPERATION, 2, 0, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct suppressed_case *k = &cases[i];
        struct cputest t;
        char body[64];
        cputest_init(&t, k->storage, 1);
        set_doubleword(&t, 0x800, 0x0008000000001006);
        set_doubleword(&t, DATA, 0x0008000000001006);
        cputest_set_word(&t, 0x100, 0xAAAAAAAA);
        cputest_set_word(&t, 0x1F8, 0xAAAAAAAA);
        machine_set_storage_key(t.m, DATA, k->data_key);
        static const uint32_t gr[7] = {0, 0, DATA + 8, DATA + 1, 0x10000, 0x10800, DATA};
        for (int r = 2; r < 7; r++)
            cpu_set_gr(t.c, r, gr[r]);
        cpu_set_gr(t.c, 1, k->gr1);
        cpu_set_cr(t.c, 0, k->cr0 ? k->cr0 : INITIAL_CR0);
        cpu_set_cr(t.c, 3, k->cr3);
        cpu_set_cr(t.c, 8, 0x12345678);
        uint32_t gr_before[16], cr_before[16];
        for (int r = 0; r < 16; r++) {
            gr_before[r] = cpu_gr(t.c, r);
            cr_before[r] = cpu_cr(t.c, r);
        }
        uint8_t low_before[0x180];
        memcpy(low_before, machine_storage(t.m) + 0x100, 0x100);
        memcpy(low_before + 0x100, machine_storage(t.m) + 0x800, 0x80);
        snprintf(body, sizeof body, I("%s") STOP, k->instruction);
        run(&t, k->psw_high, body);
        ck_assert_msg(cputest_program_code(&t) == k->code, "%s: code %04X", k->instruction, cputest_program_code(&t));
        expect_program(&t, k->code, k->ilc, 0x1000 + 2u * k->ilc);
        ck_assert_msg(byte_at(&t, 0x28) == k->psw_high >> 8 && byte_at(&t, 0x29) == (k->psw_high & 0xFF),
                      "%s: PSW changed", k->instruction);
        for (int r = 0; r < 16; r++) {
            ck_assert_msg(cpu_gr(t.c, r) == gr_before[r], "%s: R%d changed", k->instruction, r);
            ck_assert_msg(cpu_cr(t.c, r) == cr_before[r], "%s: CR%d changed", k->instruction, r);
        }
        ck_assert_msg(memcmp(low_before, machine_storage(t.m) + 0x100, 0x100) == 0, "%s: stored", k->instruction);
        ck_assert_msg(memcmp(low_before + 0x100, machine_storage(t.m) + 0x800, 0x80) == 0, "%s: stored",
                      k->instruction);
        ck_assert_uint_eq(machine_storage_key(t.m, DATA), k->data_key);
        cputest_free(&t);
    }
}
END_TEST

Suite *suite_control(void)
{
    Suite *s = suite_create("control");
    TCase *psw = tcase_create("psw");
    tcase_add_test(psw, test_lpsw_loads_ec_psw);
    tcase_add_test(psw, test_lpsw_loads_bc_psw);
    tcase_add_test(psw, test_lpsw_bc_code_not_kept);
    tcase_add_test(psw, test_lpsw_invalid_psw);
    tcase_add_test(psw, test_lpsw_bc_psw_is_always_valid);
    tcase_add_test(psw, test_interruption_loads_invalid_psw);
    tcase_add_test(psw, test_invalid_psw_before_pending_interruption);
    tcase_add_test(psw, test_ec_interruption_code_word);
    tcase_add_test(psw, test_ssm);
    tcase_add_test(psw, test_ssm_invalid_ec_mask);
    tcase_add_test(psw, test_stnsm_stosm);
    tcase_add_test(psw, test_spka_ipk_supervisor);
    tcase_add_test(psw, test_spka_ipk_problem_state);
    suite_add_tcase(s, psw);
    TCase *registers = tcase_create("control_registers");
    tcase_add_test(registers, test_lctl_stctl);
    suite_add_tcase(s, registers);
    TCase *keys = tcase_create("storage_keys");
    tcase_add_test(keys, test_ssk_isk);
    tcase_add_test(keys, test_rrb);
    tcase_add_test(keys, test_key_controlled_protection);
    tcase_add_test(keys, test_low_address_protection);
    tcase_add_test(keys, test_low_address_protection_after_store_in_block);
    suite_add_tcase(s, keys);
    TCase *other = tcase_create("diagnose_monitor");
    tcase_add_test(other, test_diagnose);
    tcase_add_test(other, test_monitor_call_event);
    tcase_add_test(other, test_monitor_call_disabled);
    tcase_add_test(other, test_suppressed_exceptions);
    suite_add_tcase(s, other);
    return s;
}
