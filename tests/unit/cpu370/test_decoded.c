/*
 * test_decoded.c - cpu370/run.c's decoded-instruction loop and cache: stores into code already decoded
 * (by the program itself, into the very next instruction, and from outside the CPU between runs),
 * EXECUTE of a decoded instruction, instructions in the last bytes of a 2K block and across it, the
 * translation changing under decoded code (SSK on the code's block, SPX, a page table and PTLB),
 * exact instruction counts and limits, and another CPU's store into code this one is running.  Every
 * program runs with a limit far above the loop's margin, so the decoded loop, not step(), runs it.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
#define LONG_RUN 1000000

/* Assemble a program at X'1000' (R12 the base) and run it from there in BC mode, key 0. */
static void run_program(struct cputest *t, const char *body)
{
    char source[8192];
    snprintf(source, sizeof source, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") "%s" I("END   CPUTEST"),
             body);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, 0x1000);
    cputest_run_at(t, 0x1000, 0x0000, LONG_RUN);
}

/* A store into the instruction that follows the storing one, on the second pass through a loop whose
   first pass decoded it: the second pass runs what was stored (LR 1,2), not what was decoded (LR 1,0). */
START_TEST(test_store_into_next_instruction)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, I("LA    3,2")        /* two passes */
                    I("LA    4,X'10'")    /* first pass: LR 1,0 */
                    I("LA    0,5")
                    I("LA    1,0")
                    I("LA    2,9")
                    "LOOP" I(" STC   4,NEXT+1") /* the next instruction's R1 R2 */
                    "NEXT" I(" LR    0,0")
                    I("AR    5,1")        /* R5 = 5 + 9 */
                    I("LA    4,X'12'")    /* second pass: LR 1,2 */
                    I("BCT   3,LOOP")
                    I("LPSW  X'200'"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 9);
    ck_assert_uint_eq(cpu_gr(t.c, 5), 14);
    cputest_free(&t);
}
END_TEST

/* A store that changes an instruction of a loop's body two passes later (MVI: A becomes S), and
   stores into the bytes after a decoded instruction (which the cache compares too): the immediate of
   the instruction after BCTR, changed on every pass. */
START_TEST(test_store_into_loop_body)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, I("LA    3,4")
                    I("LA    1,0")
                    I("LA    15,LOOP")
                    "LOOP" I(" A     1,ONE")      /* X'100C', S 1,ONE after the second pass */
                    I("CH    3,=H'3'")
                    I("BNE   SKIP")
                    I("MVI   LOOP,X'5B'")   /* A -> S */
                    "SKIP" I(" STC   3,FOLLOW+1")
                    I("BCTR  3,15")
                    "FOLLOW" I(" CLI   X'300',0") /* X'1022': runs once, at the end */
                    I("LPSW  X'200'")
                    I("DS    0F")
                    "ONE" I(" DC    F'1'")
                    I("LTORG"));
    cputest_expect_done(&t);
    /* passes: +1 (R3=4), +1 (R3=3, then the change), -1 (R3=2), -1 (R3=1) */
    ck_assert_uint_eq(cpu_gr(t.c, 1), 0);
    ck_assert_uint_eq(machine_storage(t.m)[0x100C], 0x5B);
    ck_assert_uint_eq(machine_storage(t.m)[0x1023], 1);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 3 + 4 * 5 + 1 + 1 + 1);
    cputest_free(&t);
}
END_TEST

/* The instruction changed from outside the CPU between two runs, as a channel or the operator does
   it (saying so with machine_storage_changed): the second run executes the new one. */
START_TEST(test_store_from_outside_between_runs)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") I("LA    1,0") I("LA    2,1")
                     I("L     3,COUNT") "LOOP" I(" AR    1,2") I("BCT   3,LOOP") I("LPSW  X'200'")
                     "COUNT" I(" DC    F'100000'") I("END   CPUTEST"));
    cpu_set_gr(t.c, 12, 0x1000);
    /* 3 set-up instructions and 3000 passes of 2 */
    ck_assert_int_eq(cputest_run_at(&t, 0x1000, 0x0000, 3 + 2 * 3000), STOP_LIMIT);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 3000);
    ck_assert_uint_eq(cpu_gr(t.c, 3), 97000);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 3 + 2 * 3000);
    uint8_t *loop = machine_storage(t.m) + 0x100C; /* AR 1,2 -> SR 1,2 */
    ck_assert_uint_eq(loop[0], 0x1A);
    loop[0] = 0x1B;
    machine_storage_changed(t.m, 0x100C, 1);
    t.reason = cpu_run(t.c, LONG_RUN);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 1), (uint32_t)(3000 - 97000));
    ck_assert_uint_eq(cpu_instruction_count(t.c), 3 + 2 * 100000 + 1);
    cputest_free(&t);
}
END_TEST

/* EXECUTE of instructions the loop has decoded: the target runs with R1's byte ORed in, and the
   decoded instruction itself is unchanged when it next runs on its own. */
START_TEST(test_execute_of_decoded_instruction)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, I("LA    3,3")
                    I("LA    0,0")
                    I("LA    1,0")
                    I("LA    2,7")
                    I("LA    6,X'12'")
                    I("LA    7,3")
                    "LOOP" I(" DS    0H")
                    "TARGET" I(" LR    0,2")       /* runs on its own: R0 = 7 */
                    "MOVE" I(" MVC   OUT(1),IN")
                    I("EX    6,TARGET")     /* LR 1,2 */
                    I("EX    7,MOVE")       /* MVC OUT(4),IN */
                    I("BCT   3,LOOP")
                    I("LPSW  X'200'")
                    "IN" I(" DC    C'ABCD'")
                    "OUT" I(" DC    C'....'"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 0), 7);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 7);
    ck_assert_mem_eq(machine_storage(t.m) + 0x1000 + 0x34, "\xC1\xC2\xC3\xC4", 4);
    cputest_free(&t);
}
END_TEST

/* Instructions in the last 8 bytes of a 2K block, one across the boundary, and a store into the
   part of that one in the next block, in a loop that runs each of them twice. */
START_TEST(test_instructions_at_block_end)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, I("LA    3,2")
                    I("LA    1,0")
                    I("B     TAIL")
                    I("ORG   CPUTEST+X'7F6'")
                    "TAIL" I(" LA    1,1(1)")  /* X'17F6' */
                    I("LA    1,1(1)")      /* X'17FA' */
                    "CROSS" I(" LA    1,1(1)") /* X'17FE': crosses into X'1800' */
                    I("STC   2,CROSS+3")    /* its displacement: 0 (R2) after the first pass */
                    I("LA    2,2")
                    I("BCT   3,TAIL")
                    I("LPSW  X'200'"));
    cputest_expect_done(&t);
    /* first pass: 1+1+1, then LA 1,0(1); second pass: 1+1+0 */
    ck_assert_uint_eq(cpu_gr(t.c, 1), 5);
    cputest_free(&t);
}
END_TEST

/* SSK giving the code's own block another key with fetch protection: the next instruction fetch, from
   a block the loop was running, is a protection exception (PSW key 1). */
START_TEST(test_key_change_under_running_code)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") I("LA    3,100") I("LR    5,12")
                     I("LA    6,X'28'") "LOOP" I(" LA    1,1(1)") I("BCT   3,LOOP") I("SSK   6,5")
                     I("LA    2,1") I("LPSW  X'200'") I("END   CPUTEST"));
    machine_set_storage_key(t.m, 0x1000, 0x10);
    cpu_set_gr(t.c, 12, 0x1000);
    cputest_run_at(&t, 0x1000, 0x0010, LONG_RUN);
    cputest_expect_program(&t, PGM_PROTECTION);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 100);
    ck_assert_uint_eq(cpu_gr(t.c, 2), 0);
    cputest_free(&t);
}
END_TEST

/* SPX under decoded code in page 0, which prefixing moves: the same logical addresses now hold
   other instructions (a copy of absolute page 0 at X'4000' with one instruction changed), and the
   loop runs those. */
START_TEST(test_prefix_change_under_running_code)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "CPUTEST  START X'800'\n" I("USING CPUTEST,12") I("LA    4,0") "LOOP" I(" LA    1,1")
                     I("LTR   4,4") I("BNZ   DONE") I("LA    4,1") I("SPX   NEWPFX") I("B     LOOP")
                     "DONE" I(" LPSW  X'200'") I("DS    0F") "NEWPFX" I(" DC    A(X'4000')")
                     I("END   CPUTEST"));
    uint8_t *storage = machine_storage(t.m);
    memcpy(storage + 0x4000, storage, 0x1000);
    ck_assert_uint_eq(storage[0x4804 + 3], 1); /* LA 1,1 -> LA 1,2 in the copy */
    storage[0x4804 + 3] = 2;
    cpu_set_gr(t.c, 12, 0x800);
    cputest_run_at(&t, 0x800, 0x0000, LONG_RUN);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 2);
    ck_assert_uint_eq(cpu_prefix(t.c), 0x4000);
    cputest_free(&t);
}
END_TEST

/* PTLB under decoded code, DAT on (4K pages, 64K segments, identity mapped): the program points the
   page-table entry of its own page at another frame holding a copy of the page with one instruction
   changed, purges the TLB and branches back: the loop runs the copy's instruction. */
START_TEST(test_page_remapped_under_running_code)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "CPUTEST  START X'2000'\n" I("USING CPUTEST,12") I("LA    4,0")
                     "LOOP" I(" LA    1,1")                 /* X'2004' */
                     I("LTR   4,4") I("BNZ   DONE") I("LA    4,1") I("L     5,=A(X'7004')")
                     I("MVC   0(2,5),NEWPTE")               /* page 2 -> frame X'9000' */
                     I("PTLB") I("B     LOOP")
                     "DONE" I(" LPSW  X'200'")
                     "NEWPTE" I(" DC    X'0090'")
                     I("LTORG") I("END   CPUTEST"));
    uint8_t *storage = machine_storage(t.m);
    cputest_set_word(&t, 0x6000, 0xF0007000); /* segment 0: a full page table at X'7000' */
    for (unsigned page = 0; page < 16; page++) {
        storage[0x7000 + 2 * page] = (uint8_t)(page >> 4);
        storage[0x7000 + 2 * page + 1] = (uint8_t)(page << 4);
    }
    memcpy(storage + 0x9000, storage + 0x2000, 0x1000);
    ck_assert_uint_eq(storage[0x9004 + 3], 1); /* LA 1,1 -> LA 1,2 in the copy */
    storage[0x9004 + 3] = 2;
    cpu_set_cr(t.c, 0, 0x00800000);
    cpu_set_cr(t.c, 1, 0x00006000);
    cpu_set_gr(t.c, 12, 0x2000);
    cputest_run_at(&t, 0x2000, 0x0408, LONG_RUN);
    cputest_expect_done(&t);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 2);
    cputest_free(&t);
}
END_TEST

/*
 * One block of code at two logical addresses: DAT maps virtual pages 2 and 3 to the same frame, so
 * the decoded cache (keyed by main storage) has one set of entries and traces for both.  SUB runs
 * 40 times through page 2 (its loop becomes a trace), then 40 times through page 3.  BALR's link is
 * the address after it as the program sees it: in page 3 it must be X'1000' above page 2's, not the
 * address the trace was made with.  Count: LA, 40 x 11 (BAL or BALR, BCT, SUB's LA BALR, 3 x BALR
 * BCTR, BR), ST L LA, 40 x 11, LPSW.
 */
START_TEST(test_one_block_at_two_logical_addresses)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    machine_set_translation(t.m, true);
    cputest_load(&t, "CPUTEST  START X'2000'\n" I("USING CPUTEST,12") I("LA    9,40")
                     "LOOP1" I(" BAL   14,SUB") I("BCT   9,LOOP1")
                     I("ST    5,FIRST")             /* the link SUB made in page 2 */
                     I("L     15,=A(SUB+X'1000')")  /* SUB through page 3 */
                     I("LA    9,40")
                     "LOOP2" I(" BALR  14,15") I("BCT   9,LOOP2")
                     I("LPSW  X'200'")
                     "SUB" I("      LA    3,3")
                     I("BALR  6,0")                 /* R6 -> SUBL, where SUB runs */
                     "SUBL" I("     BALR  5,0")
                     I("BCTR  3,6") I("BR    14")
                     "FIRST" I("    DS    F") I("LTORG") I("END   CPUTEST"));
    uint8_t *storage = machine_storage(t.m);
    cputest_set_word(&t, 0x6000, 0xF0007000); /* segment 0: a full page table at X'7000' */
    for (unsigned page = 0; page < 16; page++) {
        unsigned frame = page == 3 ? 2 : page;
        storage[0x7000 + 2 * page] = (uint8_t)(frame >> 4);
        storage[0x7000 + 2 * page + 1] = (uint8_t)(frame << 4);
    }
    cpu_set_cr(t.c, 0, 0x00800000);
    cpu_set_cr(t.c, 1, 0x00006000);
    cpu_set_gr(t.c, 12, 0x2000);
    cputest_run_at(&t, 0x2000, 0x0408, LONG_RUN);
    cputest_expect_done(&t);
    /* SUBL at X'2028', FIRST at X'2030'; the link: ILC 1, cc 0, program mask 0, the address after */
    ck_assert_uint_eq(cputest_word(&t, 0x2030), 0x4000202A);
    ck_assert_uint_eq(cpu_gr(t.c, 5), 0x4000302A);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 1 + 440 + 3 + 440 + 1);
    if (machine_translation(t.m))
        ck_assert_uint_gt(cpu_traces_made(t.c), 0);
    cputest_free(&t);
}
END_TEST

/* A program interruption in the middle of a decoded run: the old PSW, ILC and count are those of the
   interrupted instruction. */
START_TEST(test_program_interruption_mid_run)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, I("LA    3,50")
                    "LOOP" I(" LA    1,1(1)")
                    I("BCT   3,LOOP")
                    I("D     0,ZERO")     /* X'100C': fixed-point divide, suppressed */
                    I("LPSW  X'200'")
                    "ZERO" I(" DC    F'0'"));
    cputest_expect_program(&t, PGM_FIXED_DIVIDE);
    ck_assert_uint_eq(cputest_program_old_address(&t), 0x1010);
    ck_assert_uint_eq(cputest_program_ilc(&t), 2);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 50);
    /* LA, 50 passes of 2, D (interrupted, counted) */
    ck_assert_uint_eq(cpu_instruction_count(t.c), 1 + 100 + 1);
    cputest_free(&t);
}
END_TEST

/* The loop keeps the instruction address in its registers: an interruption after instructions it
   does not note (LR, CR, LA, a taken branch) still stores the address and ILC of the one that raised
   it.  Fixed-point overflow with the mask on (AR completes, cc 3), then addressing (L, suppressed),
   then two the loop calls a handler for: addressing (MVC) and floating-point divide (DER by zero). */
START_TEST(test_interruption_address_after_unnoted_instructions)
{
    static const struct {
        const char *failing;
        uint16_t code;
        uint32_t old_address;
        uint8_t ilc;
    } cases[] = {
        {I("AR    6,6"), PGM_FIXED_OVERFLOW, 0x1020, 1}, /* at X'101E' */
        {I("L     6,0(7)"), PGM_ADDRESSING, 0x1022, 2},   /* at X'101E'; storage is 1M */
        {I("MVC   0(2,7),0(7)"), PGM_ADDRESSING, 0x1024, 3},
        {I("DER   0,2"), PGM_FP_DIVIDE, 0x1020, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        char body[1024];
        cputest_init(&t, 0, 1);
        snprintf(body, sizeof body,
                 I("L     15,=X'08000000'") /* X'1000' */
                 I("SPM   15")              /* X'1004': the fixed-overflow mask on */
                 I("L     7,=A(X'100000')") /* X'1006' */
                 I("LA    3,20")            /* X'100A' */
                 "LOOP" I(" LA    1,1(1)")   /* X'100E' */
                 I("BCT   3,LOOP")          /* X'1012' */
                 I("L     6,=X'40000000'")  /* X'1016' */
                 I("LR    5,1")             /* X'101A' */
                 I("CR    5,1")             /* X'101C' */
                 "%s" I("LPSW  X'200'") I("LTORG"),
                 cases[i].failing);
        run_program(&t, body);
        cputest_expect_program(&t, cases[i].code);
        ck_assert_uint_eq(cputest_program_old_address(&t), cases[i].old_address);
        ck_assert_uint_eq(cputest_program_ilc(&t), cases[i].ilc);
        ck_assert_uint_eq(cpu_gr(t.c, 5), 20);
        /* L SPM L LA, 20 passes of 2, L LR CR and the one interrupted */
        ck_assert_uint_eq(cpu_instruction_count(t.c), 4 + 40 + 3 + 1);
        cputest_free(&t);
    }
}
END_TEST

/* A fetch from a block fills the store cache too when a store there would pass the same checks: with
   the PSW key not the block's, the store after the fetch is still a protection exception (and
   changes nothing); with the key the block's, the stored value lands. */
START_TEST(test_store_after_fetch_checks_the_key)
{
    static const struct {
        uint16_t psw_high;
        bool allowed;
    } cases[] = {{0x0030, false}, {0x0050, true}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cputest t;
        cputest_init(&t, 0, 1);
        cputest_load(&t, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") I("L     4,=A(X'3000')")
                             I("LA    3,20") "LOOP" I(" L     2,0(4)") I("LA    2,1(2)") I("ST    2,4(4)")
                                 I("BCT   3,LOOP") I("LPSW  X'200'") I("LTORG") I("END   CPUTEST"));
        machine_set_storage_key(t.m, 0x3000, 0x56); /* key 5, reference and change bits on */
        cputest_set_word(&t, 0x3000, 41);
        cputest_set_word(&t, 0x3004, 7);
        cpu_set_gr(t.c, 12, 0x1000);
        cputest_run_at(&t, 0x1000, cases[i].psw_high, LONG_RUN);
        if (cases[i].allowed) {
            cputest_expect_done(&t);
            ck_assert_uint_eq(cputest_word(&t, 0x3004), 42);
        } else {
            cputest_expect_program(&t, PGM_PROTECTION);
            ck_assert_uint_eq(cputest_program_old_address(&t), 0x1014); /* after ST */
            ck_assert_uint_eq(cputest_word(&t, 0x3004), 7);
        }
        cputest_free(&t);
    }
}
END_TEST

/* ... and only when the block's change bit is on already: a store after a fetch from a block whose
   change bit is off sets it. */
START_TEST(test_store_after_fetch_sets_the_change_bit)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, I("L     4,=A(X'3000')") I("LA    3,20") "LOOP" I(" L     2,0(4)") I("ST    2,4(4)")
                        I("BCT   3,LOOP") I("LPSW  X'200'") I("LTORG"));
    cputest_expect_done(&t);
    ck_assert_uint_eq(machine_storage_key(t.m, 0x3000) & 0x06, 0x06);
    cputest_free(&t);
}
END_TEST

/* The limit stops the CPU at exactly that many instructions, however the loop runs them. */
START_TEST(test_limit_is_exact)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") I("L     3,COUNT")
                     "LOOP" I(" LA    1,1(1)") I("LA    1,1(1)") I("BCT   3,LOOP") I("LPSW  X'200'")
                     I("DS    0F") "COUNT" I(" DC    F'10000'") I("END   CPUTEST"));
    cpu_set_gr(t.c, 12, 0x1000);
    ck_assert_int_eq(cputest_run_at(&t, 0x1000, 0x0000, 7001), STOP_LIMIT);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 7001);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 4667); /* 7000 instructions: 2333 passes and 1 LA */
    ck_assert_int_eq(cpu_run(t.c, 2500), STOP_LIMIT);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 9501);
    ck_assert_int_eq(cpu_run(t.c, LONG_RUN), STOP_DISABLED_WAIT);
    ck_assert_uint_eq(cpu_instruction_count(t.c), 1 + 3 * 10000 + 1);
    ck_assert_uint_eq(cpu_gr(t.c, 1), 20000);
    cputest_free(&t);
}
END_TEST

/* Another CPU's store into an instruction this CPU runs decoded, over and over: CPU 1 waits until CPU 0
   has been round its loop a thousand times, then turns CPU 0's BC 15,LOOP into BC 0 (no branch); CPU 0
   must see it and fall through to the done PSW.  Bounded by machine_wait_idle's timeout.  CPU 1 reads
   the count with L, whose word fetch is block-concurrent: CLC's is only byte by byte (GA22-7000,
   "Storage-Operand Consistency"), and could see the low byte of 767 with the next byte of 768. */
START_TEST(test_store_by_another_cpu)
{
    struct cputest t;
    cputest_init(&t, 0, 2);
    cputest_load(&t, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12")
                     "LOOP" I(" LA    1,1(1)")          /* CPU 0: X'1000' */
                     I("ST    1,COUNT")
                     I("BC    15,LOOP")                 /* X'1008': its mask byte is X'1009' */
                     I("LPSW  X'200'")
                     I("ORG   CPUTEST+X'80'")
                     "COUNT" I(" DC    F'0'")
                     I("ORG   CPUTEST+X'100'")
                     "WAIT" I(" L     2,COUNT")          /* CPU 1: X'1100' */
                     I("C     2,=F'1000'")
                     I("BL    WAIT")
                     I("MVI   LOOP+9,X'00'")
                     I("LPSW  X'200'")
                     I("LTORG")
                     I("END   CPUTEST"));
    for (int i = 0; i < 2; i++) {
        struct cpu *c = machine_cpu(t.m, i);
        uint32_t address = i ? 0x1100 : 0x1000;
        uint8_t psw[8] = {0, 0, 0, 0, 0, (uint8_t)(address >> 16), (uint8_t)(address >> 8), (uint8_t)address};
        cpu_set_gr(c, 12, 0x1000);
        cpu_set_psw(c, psw);
        cpu_start(c);
    }
    machine_start(t.m);
    ck_assert(machine_wait_idle(t.m, 20000));
    machine_halt(t.m);
    for (int i = 0; i < 2; i++) {
        const struct psw *psw = cpu_psw(machine_cpu(t.m, i));
        ck_assert_msg(psw->wait && psw->ia == CPUTEST_DONE, "CPU %d ended at X'%06X'", i, psw->ia);
    }
    ck_assert_uint_ge(cpu_gr(machine_cpu(t.m, 0), 1), 1000);
    cputest_free(&t);
}
END_TEST

/*
 * Every way an instruction stores, into an instruction already decoded: a loop of two passes whose
 * store writes TARGET's bytes from ORIG (unchanged) on the first pass, which decodes TARGET, and
 * from NEW on the second, just before TARGET runs again.  TARGET is LA 1,X'00C'(,1); NEW makes it
 * LA 1,X'01C'(,1), so R1 ends X'28' (X'18' had the old decoding run twice).  ORIG and NEW are 32
 * bytes alike in form: the 8 bytes of TARGET and the LA after it, at +20 TR's table entry for X'0C',
 * at +24 the byte EX ORs into OI's mask, at +25 XC's byte.
 */
static const struct {
    const char *name;
    const char *store; /* R4 -> ORIG or NEW */
} storing_instructions[] = {
    {"ST", I("L     5,0(4)") I("ST    5,TARGET")},
    {"STH", I("LH    5,2(4)") I("STH   5,TARGET+2")},
    {"STC", I("IC    5,3(4)") I("STC   5,TARGET+3")},
    {"STM", I("LM    5,6,0(4)") I("STM   5,6,TARGET")},
    {"STD", I("LD    0,0(4)") I("STD   0,TARGET")},
    {"MVC", I("MVC   TARGET(8),0(4)")},
    {"MVZ", I("MVZ   TARGET+3(1),3(4)")},
    {"XC", I("XC    TARGET+3(1),25(4)")},
    {"TR", I("TR    TARGET+3(1),8(4)")},
    {"ZAP", I("ZAP   TARGET+3(1),3(1,4)")},
    {"CS", I("L     5,ORIG") I("L     6,0(4)") I("CS    5,6,TARGET")},
    {"EX OI", I("IC    6,24(4)") I("EX    6,ORMASK")},
    {"MVCL", I("LA    6,TARGET") I("LA    7,8") I("LR    8,4") I("LA    9,8") I("MVCL  6,8")},
};

START_TEST(test_each_kind_of_store_into_decoded_code)
{
    const char *kind = storing_instructions[_i].name;
    char body[4096];
    snprintf(body, sizeof body,
             I("LA    1,0") I("LA    3,2") I("LA    4,ORIG") "LOOP     DS    0H\n"
             "%s" I("CNOP  0,8") "TARGET" I("   LA    1,X'00C'(,1)") I("LA    1,0(,1)") I("LA    4,NEW")
                 I("BCT   3,LOOP") I("LPSW  X'200'") "ORMASK" I("   OI    TARGET+3,X'00'") I("DS    0D")
                     "ORIG     DC    X'4110100C',X'41101000',XL12'00',X'0C',XL3'00'\n"
                         I("DC    X'00',X'00',XL6'00'") "NEW      DC    X'4110101C',X'41101000',XL12'00',X'1C',XL3'00'\n"
                             I("DC    X'10',X'10',XL6'00'"),
             storing_instructions[_i].store);
    struct cputest t;
    cputest_init(&t, 0, 1);
    run_program(&t, body);
    cputest_expect_done(&t);
    ck_assert_msg(cpu_gr(t.c, 1) == 0x28, "%s: R1 %08X, not 00000028", kind, cpu_gr(t.c, 1));
    cputest_free(&t);
}
END_TEST

/* A store from another host thread while the CPU runs its loop on its own, as a channel or the
   operator makes one: BC 15,LOOP becomes BC 0, and the CPU falls through to the done PSW. */
START_TEST(test_store_from_outside_while_running)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12")
                     "LOOP" I(" LA    1,1(1)")   /* X'1000' */
                     I("ST    1,COUNT")
                     I("BC    15,LOOP")          /* X'1008': its mask byte is X'1009' */
                     I("LPSW  X'200'")
                     "COUNT" I(" DC    F'0'")
                     I("END   CPUTEST"));
    uint8_t psw[8] = {0, 0, 0, 0, 0, 0, 0x10, 0};
    cpu_set_gr(t.c, 12, 0x1000);
    cpu_set_psw(t.c, psw);
    cpu_start(t.c);
    machine_start(t.m);
    while (__atomic_load_n(machine_storage(t.m) + 0x1013, __ATOMIC_RELAXED) < 100)
        ; /* round the loop 100 times (the count's low byte) */
    __atomic_store_n(machine_storage(t.m) + 0x1009, 0x00, __ATOMIC_RELAXED);
    machine_storage_changed(t.m, 0x1009, 1);
    ck_assert(machine_wait_idle(t.m, 20000));
    machine_halt(t.m);
    ck_assert_uint_eq(cpu_psw(t.c)->ia, CPUTEST_DONE);
    ck_assert_uint_ge(cpu_gr(t.c, 1), 100);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_decoded(void)
{
    Suite *s = suite_create("cpu_decoded");
    TCase *tc = tcase_create("decoded");
    tcase_add_test(tc, test_store_into_next_instruction);
    tcase_add_test(tc, test_store_into_loop_body);
    tcase_add_test(tc, test_store_from_outside_between_runs);
    tcase_add_test(tc, test_execute_of_decoded_instruction);
    tcase_add_test(tc, test_instructions_at_block_end);
    tcase_add_test(tc, test_key_change_under_running_code);
    tcase_add_test(tc, test_prefix_change_under_running_code);
    tcase_add_test(tc, test_page_remapped_under_running_code);
    tcase_add_test(tc, test_one_block_at_two_logical_addresses);
    tcase_add_test(tc, test_program_interruption_mid_run);
    tcase_add_test(tc, test_interruption_address_after_unnoted_instructions);
    tcase_add_test(tc, test_store_after_fetch_checks_the_key);
    tcase_add_test(tc, test_store_after_fetch_sets_the_change_bit);
    tcase_add_test(tc, test_limit_is_exact);
    tcase_add_test(tc, test_store_by_another_cpu);
    tcase_add_loop_test(tc, test_each_kind_of_store_into_decoded_code, 0,
                        (int)(sizeof storing_instructions / sizeof storing_instructions[0]));
    tcase_add_test(tc, test_store_from_outside_while_running);
    suite_add_tcase(s, tc);
    return s;
}
