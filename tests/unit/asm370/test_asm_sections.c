/*
 * test_asm_sections.c - sections, USING variants and what reaches the object module: DSECT-based,
 * labeled and multi-register USINGs, relocation across sections, ESD/RLD items for ENTRY, EXTRN and
 * V-cons, COM placement, and forward references resolved by the later passes.  Expected bytes are
 * worked out by hand from the layout rules in the comments.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/asm370/asmtest.h"
#include "tools/asm370/asm.h"

#define I(s) "         " s "\n"

/* Layout: L 3,PTR at 0, L 4,MAPB at 4, MVC at 8 (6 bytes), 2 bytes of alignment, PTR at X'10'.
   MAP's fields: MAPA at 0, MAPB at 4, MAPC at 8 (addresses through R3). */
START_TEST(test_dsect_based_using)
{
    asmtest_expect(I("USING *,12")
                   I("L     3,PTR")
                   I("USING MAP,3")
                   I("L     4,MAPB")
                   I("MVC   MAPA(2),MAPC")
                   I("DROP  3")
                   "PTR      DC    A(0)\n"
                   "MAP      DSECT\n"
                   "MAPA     DS    F\n"
                   "MAPB     DS    F\n"
                   "MAPC     DS    CL2\n",
                   "5830C010 58403004 D20130003008 0000 00000000");
}
END_TEST

/* Two labeled USINGs on one DSECT: IN.x resolves through R4, OUT.x through R5; the implied length of
   OUT.NAME is L'NAME = 8.  REC: NUM at 0 (H), NAME at 2 (CL8). */
START_TEST(test_labeled_using)
{
    asmtest_expect(I("USING *,12")
                   "IN       USING REC,4\n"
                   "OUT      USING REC,5\n"
                   I("MVC   OUT.NAME,IN.NAME")
                   I("LH    1,IN.NUM")
                   "REC      DSECT\n"
                   "NUM      DS    H\n"
                   "NAME     DS    CL8\n",
                   "D20750024002 48104000");
    /* an unqualified name is not covered by labeled USINGs */
    asmtest_expect_error(I("USING *,12")
                         "IN       USING REC,4\n"
                         I("LH    1,NUM")
                         "REC      DSECT\n"
                         "NUM      DS    H\n",
                         3, "no USING");
}
END_TEST

/* USING BIG,11,12: R11 covers 0-4095, R12 4096-8191.  FAR is at X'1004' = R12 + 4. */
START_TEST(test_multi_register_using)
{
    char *hex = malloc(2 * 4096 + 64);
    strcpy(hex, "5810C004");
    for (int i = 0; i < 4096; i++)
        strcat(hex + 8 + 2 * i, "00");
    strcat(hex, "00000001");
    asmtest_expect("BIG      CSECT\n" I("USING BIG,11,12") I("L     1,FAR") I("DS    XL4096") "FAR      DC    F'1'\n", hex);
    free(hex);
}
END_TEST

/* A at 0 (A(B2) + C'X' = 5 bytes); B starts at the next doubleword, 8: B1 at 8, B2 at X'0C'. */
START_TEST(test_relocation_across_sections)
{
    static const char source[] = "A        CSECT\n" I("DC    A(B2)") I("DC    C'X'") "B        CSECT\n"
                                 "B1       DC    H'1'\n"
                                 "B2       DC    A(A)\n";
    asmtest_expect(source, "0000000C E7000000 00010000 00000000");

    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    ck_assert(asm_assemble_string(a, "t.asm", source));
    const struct obj_module *m = asm_module(a);
    ck_assert_uint_eq(m->nrlds, 2);
    uint8_t *image = NULL;
    uint32_t size = 0, entry = 0;
    struct diag_list diags = {0};
    ck_assert(obj_build_image(m, 0x1000, &image, &size, &entry, "t", &diags));
    static const uint8_t want[16] = {0, 0, 0x10, 0x0C, 0xE7, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0x10, 0};
    ck_assert_uint_eq(size, 16);
    ck_assert_mem_eq(image, want, 16);
    ck_assert_uint_eq(entry, 0x1000);
    free(image);
    diag_free(&diags);
    asm_free(a);
}
END_TEST

/* L 15,=V(SUB) at 0, A(SUB) at 4, HERE at 8; the END pool puts the V-con at 8. */
START_TEST(test_external_symbols_in_module)
{
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    ck_assert(asm_assemble_string(a, "t.asm",
                                  "MAIN     CSECT\n" I("ENTRY HERE") I("EXTRN SUB") I("USING *,12") I("L     15,=V(SUB)")
                                      I("DC    A(SUB)") "HERE     DS    0H\n" I("END   MAIN")));
    const struct obj_module *m = asm_module(a);
    ck_assert_uint_eq(m->nesds, 3);
    ck_assert_str_eq(m->esds[0].name, "MAIN");
    ck_assert_int_eq(m->esds[0].type, OBJ_SD);
    ck_assert_int_eq(m->esds[0].esdid, 1);
    ck_assert_uint_eq(m->esds[0].length, 12);
    ck_assert_str_eq(m->esds[1].name, "SUB");
    ck_assert_int_eq(m->esds[1].type, OBJ_ER);
    ck_assert_int_eq(m->esds[1].esdid, 2);
    ck_assert_str_eq(m->esds[2].name, "HERE");
    ck_assert_int_eq(m->esds[2].type, OBJ_LD);
    ck_assert_uint_eq(m->esds[2].address, 8);
    ck_assert_int_eq(m->esds[2].owner, 1);
    ck_assert_uint_eq(m->nrlds, 2);
    ck_assert_uint_eq(m->rlds[0].address, 4);
    ck_assert_int_eq(m->rlds[0].relocation, 2);
    ck_assert_int_eq(m->rlds[0].position, 1);
    ck_assert(!m->rlds[0].vcon);
    ck_assert_uint_eq(m->rlds[1].address, 8);
    ck_assert(m->rlds[1].vcon);
    ck_assert_int_eq(m->rlds[1].length, 4);
    ck_assert(m->has_entry);
    ck_assert_uint_eq(m->entry, 0);
    /* L 15,=V(SUB): 58F0 C008 */
    ck_assert_mem_eq(m->sections[0].bytes, "\x58\xF0\xC0\x08", 4);
    asm_free(a);
}
END_TEST

/* START X'1000': PROG is 4 bytes long, so the common section WORK goes to X'1008'. */
START_TEST(test_start_and_common)
{
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    ck_assert(asm_assemble_string(a, "t.asm",
                                  "PROG     START X'1000'\n" I("DC    A(W1)") "WORK     COM\n" "W1       DS    F\n"));
    const struct obj_module *m = asm_module(a);
    ck_assert_uint_eq(m->nesds, 2);
    ck_assert_int_eq(m->esds[1].type, OBJ_CM);
    ck_assert_uint_eq(m->esds[1].address, 0x1008);
    ck_assert_uint_eq(m->esds[1].length, 4);
    ck_assert_uint_eq(m->sections[0].address, 0x1000);
    ck_assert_mem_eq(m->sections[0].bytes, "\x00\x00\x10\x08", 4);
    asm_free(a);
}
END_TEST

/* LEN is used before its EQU, both as an operand and as a length: the later passes resolve both. */
START_TEST(test_forward_references)
{
    asmtest_expect(I("LA    1,LEN") I("DS    CL(LEN)") "NEXT     DC    AL1(NEXT-*+LEN)\n" "LEN      EQU   8\n",
                   "41100008 0000000000000000 08");
}
END_TEST

/* Symbols whose values depend on each other never settle: an error at their definitions, not a hang. */
START_TEST(test_circular_definition)
{
    asmtest_expect_error("A        EQU   B+1\nB        EQU   A+1\n", 1, "circular");
    asmtest_expect_error("A        EQU   B+1\nB        EQU   A+1\n", 2, "circular");
}
END_TEST

Suite *suite_asm_sections(void)
{
    Suite *s = suite_create("asm_sections");
    TCase *tc = tcase_create("sections");
    tcase_add_test(tc, test_dsect_based_using);
    tcase_add_test(tc, test_labeled_using);
    tcase_add_test(tc, test_multi_register_using);
    tcase_add_test(tc, test_relocation_across_sections);
    tcase_add_test(tc, test_external_symbols_in_module);
    tcase_add_test(tc, test_start_and_common);
    tcase_add_test(tc, test_forward_references);
    tcase_add_test(tc, test_circular_definition);
    suite_add_tcase(s, tc);
    return s;
}
