/*
 * test_asm_regress.c - inputs that once crashed or misassembled asm370 (most found by `make fuzz`),
 * kept so they never come back.
 */
#include <check.h>

#include "tests/unit/asm370/asmtest.h"

/* An empty operand after a comma reached the self-defining-term check with a NUL character, which
   strchr() matches: the parser then read past the end of the operand. */
START_TEST(test_empty_operand_after_comma)
{
    asmtest_expect_error("         USING *, 12\n", 1, "expression expected");
    asmtest_expect_error("         LA    1,\n", 1, "missing");
}
END_TEST

/* HLASM: an instruction without operands takes what follows its operation code as remarks; "ORG ,"
   is ORG with an empty operand (found writing the benchmarks). */
START_TEST(test_remarks_after_operandless_instruction)
{
    asmtest_expect("         PTLB  purge the TLB\n         IPK   then insert the key\n", "B20D0000 B20B0000");
    asmtest_expect("A        DC    F'1'\n         ORG   A\n         DC    X'FF'\n         ORG   ,\n         DC    X'EE'\n",
                   "FF000001 EE");
}
END_TEST

Suite *suite_asm_regress(void)
{
    Suite *s = suite_create("asm_regress");
    TCase *tc = tcase_create("fuzz");
    tcase_add_test(tc, test_empty_operand_after_comma);
    tcase_add_test(tc, test_remarks_after_operandless_instruction);
    suite_add_tcase(s, tc);
    return s;
}
