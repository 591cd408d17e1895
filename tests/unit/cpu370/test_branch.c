/*
 * test_branch.c - cpu370/branch.c: every BC mask against every cc, R2 = 0, link information in BC and
 * EC mode and under EX, BCT/BXH/BXLE loops, the SVC old PSW, SPM, and a subroutine chain end to end.
 * Expected values are derived by hand from GA22-7000.
 */
#include <check.h>
#include <stdio.h>

#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"
/* Programs end on an invalid operation (program interruption 1): the program old PSW then shows
   where the program stopped and its condition code, without depending on LPSW. */
#define STOP I("DC    X'0000'")

/* Registers as (number, value) lists: SET_GRS(&t, {3, 5}, {4, 1}); EXPECT_GRS(&t, {2, 5}). */
struct gr_value {
    int r;
    uint32_t value;
};

static void set_grs(struct cputest *t, const struct gr_value *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cpu_set_gr(t->c, g[i].r, g[i].value);
}

static void expect_grs(struct cputest *t, const struct gr_value *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(cpu_gr(t->c, g[i].r) == g[i].value, "R%d = %08X, expected %08X", g[i].r, cpu_gr(t->c, g[i].r),
                      g[i].value);
}

#define SET_GRS(t, ...)                                                                                        \
    do {                                                                                                       \
        const struct gr_value list_[] = {__VA_ARGS__};                                                         \
        set_grs((t), list_, sizeof list_ / sizeof list_[0]);                                                   \
    } while (0)
#define EXPECT_GRS(t, ...)                                                                                     \
    do {                                                                                                       \
        const struct gr_value list_[] = {__VA_ARGS__};                                                         \
        expect_grs((t), list_, sizeof list_ / sizeof list_[0]);                                                \
    } while (0)

static void load_body(struct cputest *t, const char *body)
{
    char source[4096];
    snprintf(source, sizeof source, "CPUTEST  START X'1000'\n" I("USING CPUTEST,12") "%s" I("END   CPUTEST"), body);
    cputest_load(t, source);
    cpu_set_gr(t->c, 12, 0x1000);
}

/* Run from X'1000' (psw_high: 0x0000 BC mode, 0x0008 EC mode) and expect the STOP at `stop`. */
static void run_to_stop(struct cputest *t, uint16_t psw_high, uint32_t stop)
{
    cputest_run_at(t, 0x1000, psw_high, 1000);
    cputest_expect_program(t, PGM_OPERATION);
    ck_assert_uint_eq(cputest_program_old_address(t), stop + 2);
}


/*
 * BC and BCR with every mask and condition code, through EX (R4 supplies the mask in bits 24-27):
 * the branch is taken exactly when mask bit 8 >> cc is on.  Not taken stops at X'1006', taken at
 * TAKEN = X'1008'.
 */
START_TEST(test_branch_on_condition)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SPM   15")        /* 1000 */
                  I("EX    4,0(5)")    /* 1002 */
                  STOP                 /* 1006 */
                  "TAKEN    DC    X'0000'\n" /* 1008 */
                  I("BC    0,TAKEN")   /* 100A */
                  I("BCR   0,3"));     /* 100E */
    for (uint32_t target = 0x100A; target <= 0x100E; target += 4)
        for (unsigned cc = 0; cc < 4; cc++)
            for (unsigned mask = 0; mask < 16; mask++) {
                SET_GRS(&t, {15, cc << 28}, {4, mask << 4}, {5, target}, {3, 0x1008});
                cputest_run_at(&t, 0x1000, 0x0000, 100);
                cputest_expect_program(&t, PGM_OPERATION);
                bool taken = cputest_program_old_address(&t) == 0x100A;
                ck_assert_msg(taken == ((mask & (8u >> cc)) != 0), "%s mask %u cc %u: taken %d",
                              target == 0x100A ? "BC" : "BCR", mask, cc, taken);
            }
    cputest_free(&t);
}
END_TEST

/* R2 = 0 means no branch for BCR, BCTR, BALR and BASR (which still count or link). */
START_TEST(test_register_zero_does_not_branch)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("BCR   15,0")   /* 1000 */
                  I("BCTR  3,0")    /* 1002 */
                  I("BALR  6,0")    /* 1004: link 0x40001006 (ILC 1, cc 0, mask 0) */
                  I("BASR  7,0")    /* 1006: link 0x00001008 */
                  STOP);            /* 1008 */
    SET_GRS(&t, {0, 0x2000}, {3, 5});
    run_to_stop(&t, 0x0000, 0x1008);
    EXPECT_GRS(&t, {3, 4}, {6, 0x40001006}, {7, 0x00001008});
    cputest_free(&t);
}
END_TEST

/*
 * Link information: BAL/BALR put ILC, cc and program mask (BC PSW bits 32-39) in bits 0-7 in both
 * PSW modes; BAS/BASR put zeros there.  cc 2 and mask X'A' from SPM: BALR (ILC 1) gives X'6A', BAL
 * (ILC 2) gives X'AA'.  Each subroutine returns with BR 14 or BR 7.
 */
static void check_link_information(uint16_t psw_high)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SPM   15")            /* 1000 */
                  I("BALR  14,10")         /* 1002 */
                  I("LR    2,14")          /* 1004 */
                  I("BAL   14,SUB")        /* 1006 */
                  I("LR    3,14")          /* 100A */
                  I("BASR  7,11")          /* 100C */
                  I("BAS   7,SUBS")        /* 100E */
                  I("LR    4,7")           /* 1012 */
                  STOP                     /* 1014 */
                  "SUB      BR    14\n"    /* 1016 */
                  "SUBS     BR    7\n");   /* 1018 */
    SET_GRS(&t, {15, 0x2A000000}, {10, 0x1016}, {11, 0x1018});
    run_to_stop(&t, psw_high, 0x1014);
    EXPECT_GRS(&t, {2, 0x6A001004}, {3, 0xAA00100A}, {4, 0x00001012});
    ck_assert_uint_eq(cputest_program_cc(&t), 2);
    cputest_free(&t);
}

START_TEST(test_link_bc_mode)
{
    check_link_information(0x0000);
}
END_TEST

START_TEST(test_link_ec_mode)
{
    check_link_information(0x0008);
}
END_TEST

/*
 * Special link cases: under EXECUTE the ILC is 2 and the link is the address after the EX; the
 * branch address is formed before R1 is replaced (BALR 15,15 and BAL 4,0(4) branch to the old
 * contents).  cc 1, mask 0: BALR under EX links X'90' | address.
 */
START_TEST(test_link_special_cases)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SPM   13")            /* 1000 */
                  I("EX    0,EXBALR")      /* 1002 */
                  STOP                     /* 1006: not reached */
                  "BACK1    BALR  15,15\n" /* 1008 */
                  STOP                     /* 100A */
                  "BACK2    BAL   4,0(4)\n" /* 100C */
                  STOP                     /* 1010 */
                  STOP                     /* 1012 */
                  "EXBALR   BALR  14,3\n");  /* 1014 */
    SET_GRS(&t, {13, 0x10000000}, {3, 0x1008}, {15, 0x100C}, {4, 0x1012});
    run_to_stop(&t, 0x0000, 0x1012);
    EXPECT_GRS(&t, {14, 0x90001006}, {15, 0x5000100A}, {4, 0x90001010});
    cputest_free(&t);
}
END_TEST

/*
 * BCT counts: a loop from 5 runs 5 times; from 1 it falls through with R1 = 0; from 0 it branches
 * with R1 = -1.  BCTR with the address in a register behaves the same.
 */
START_TEST(test_branch_on_count)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SR    2,2")           /* 1000 */
                  "LOOP     LA    2,1(2)\n" /* 1002 */
                  I("BCT   3,LOOP")        /* 1006 */
                  I("BCT   4,ZERO")        /* 100A: R4 = 1 -> 0, falls through */
                  I("BCT   5,MINUS")       /* 100E: R5 = 0 -> -1, branches */
                  STOP                     /* 1012 */
                  "MINUS    SR    6,6\n"   /* 1014 */
                  "RLOOP    LA    6,1(6)\n" /* 1016 */
                  I("BCTR  7,8")           /* 101A */
                  STOP                     /* 101C */
                  "ZERO     DC    X'0000'\n");
    SET_GRS(&t, {3, 5}, {4, 1}, {5, 0}, {7, 3}, {8, 0x1016});
    run_to_stop(&t, 0x0000, 0x101C);
    EXPECT_GRS(&t, {2, 5}, {3, 0}, {4, 0}, {5, 0xFFFFFFFF}, {6, 3}, {7, 0});
    cputest_free(&t);
}
END_TEST

/*
 * BXLE with an even R3: increment R4, comparand R5.  Index 0, step 4, limit 12: the body runs for
 * 0, 4, 8, 12 (4 times), ending with index 16.  BXH counting down with an odd R3 = 7, which holds
 * both the increment and the comparand (-1): the body runs for 3, 2, 1, 0 and the loop ends when
 * the index reaches -1, which is not above -1.
 */
START_TEST(test_branch_on_index)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SR    2,2")            /* 1000 */
                  "UP       LA    2,1(2)\n" /* 1002 */
                  I("BXLE  3,4,UP")         /* 1006 */
                  I("SR    8,8")            /* 100A */
                  "DOWN     LA    8,1(8)\n" /* 100C */
                  I("BXH   6,7,DOWN")       /* 1010 */
                  I("BXH   9,10,HIGH")      /* 1014: R1 = comparand register R11 */
                  STOP                      /* 1018 */
                  "HIGH     BXLE  11,10,LOW\n" /* 101A */
                  STOP                      /* 101E */
                  "LOW      DC    X'0000'\n"); /* 1020 */
    SET_GRS(&t, {3, 0}, {4, 4}, {5, 12}, {6, 3}, {7, 0xFFFFFFFF}, {9, 10}, {10, 1}, {11, 10});
    /* BXH 9,10: 10 + 1 = 11 > R11 = 10: branch.  BXLE 11,10: comparand R11 = 10 is read before
       R11 becomes 10 + 1 = 11; 11 <= 10 is false: no branch, stop at X'101E'. */
    run_to_stop(&t, 0x0000, 0x101E);
    EXPECT_GRS(&t, {2, 4}, {3, 16}, {8, 4}, {6, 0xFFFFFFFF}, {9, 11}, {11, 11});
    cputest_free(&t);
}
END_TEST

/*
 * SVC: BC mode stores the code in the old PSW's bits 16-31 and ILC in 32-33; the old PSW points past
 * the SVC (or past the EX that executed it, with ILC 2).  EC mode: code at X'8A', ILC at X'89'.
 */
START_TEST(test_supervisor_call)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SPM   15") I("SVC   12"));
    cpu_set_gr(t.c, 15, 0x1F000000);
    cputest_run_at(&t, 0x1000, 0x0000, 100);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_SVC);
    ck_assert_uint_eq(cputest_word(&t, 0x20), 0x0000000C);
    ck_assert_uint_eq(cputest_word(&t, 0x24), 0x5F001004); /* ILC 1, cc 1, mask F */
    cputest_free(&t);

    cputest_init(&t, 0, 1);
    load_body(&t, I("EX    3,TARGET") "TARGET   SVC   0\n");
    cpu_set_gr(t.c, 3, 0xFF);
    cputest_run_at(&t, 0x1000, 0x0008, 100);
    ck_assert_uint_eq(cputest_final_address(&t), CPUTEST_SVC);
    ck_assert_uint_eq(cputest_word(&t, 0x20), 0x00080000); /* EC mode old PSW */
    ck_assert_uint_eq(cputest_word(&t, 0x24), 0x00001004);
    ck_assert_uint_eq(cputest_word(&t, 0x88), 0x000400FF); /* ILC 2 at X'89', code X'FF' */
    cputest_free(&t);
}
END_TEST

/* SPM takes bits 2-7 of R1 (cc and mask) and ignores the rest; the cc and mask are then visible in
   the program old PSW. */
START_TEST(test_set_program_mask)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("SPM   2") STOP);
    cpu_set_gr(t.c, 2, 0xE7FFFFFF); /* bits 0-7 = 1110 0111: cc 2, mask 7 */
    run_to_stop(&t, 0x0000, 0x1002);
    ck_assert_uint_eq(cputest_word(&t, 0x2C), 0x67001004); /* ILC 1, cc 2, mask 7 */
    cputest_free(&t);
}
END_TEST

/*
 * A subroutine chain: MAIN calls A with BAL 14; A saves R14 with ST, calls B with BALR 14,15 and
 * returns through the saved link; B doubles R2 and returns with BR 14.  Each level adds to R2:
 * MAIN: R2 = 1; A adds 10 (11), B doubles (22), A adds 100 (122).  A's return address is restored
 * from the save word (which keeps the link bits, X'80' | cc 0 | mask 0 for BAL).
 */
START_TEST(test_program_call_chain)
{
    struct cputest t;
    cputest_init(&t, 0, 1);
    load_body(&t, I("LA    2,1")               /* 1000 */
                  I("BAL   14,SUBA")           /* 1004 */
                  I("LA    3,1(2)")            /* 1008 */
                  STOP                         /* 100C */
                  "SUBA     ST    14,SAVE\n"   /* 100E */
                  I("LA    2,10(2)")           /* 1012 */
                  I("LA    15,SUBB")           /* 1016 */
                  I("BALR  14,15")             /* 101A */
                  I("LA    2,100(2)")          /* 101C */
                  I("L     14,SAVE")           /* 1020 */
                  I("BR    14")                /* 1024 */
                  "SUBB     AR    2,2\n"       /* 1026 */
                  I("BR    14")                /* 1028 */
                  I("DS    0F")
                  "SAVE     DC    F'0'\n");    /* 102C */
    run_to_stop(&t, 0x0000, 0x100C);
    EXPECT_GRS(&t, {2, 122}, {3, 123});
    ck_assert_uint_eq(cputest_word(&t, 0x102C), 0x80001008);
    EXPECT_GRS(&t, {14, 0x80001008}, {15, 0x1026});
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_branch(void)
{
    Suite *s = suite_create("cpu_branch");
    TCase *tc = tcase_create("branch");
    tcase_add_test(tc, test_branch_on_condition);
    tcase_add_test(tc, test_register_zero_does_not_branch);
    tcase_add_test(tc, test_link_bc_mode);
    tcase_add_test(tc, test_link_ec_mode);
    tcase_add_test(tc, test_link_special_cases);
    tcase_add_test(tc, test_branch_on_count);
    tcase_add_test(tc, test_branch_on_index);
    tcase_add_test(tc, test_supervisor_call);
    tcase_add_test(tc, test_set_program_mask);
    tcase_add_test(tc, test_program_call_chain);
    suite_add_tcase(s, tc);
    return s;
}
