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

Suite *suite_asm_regress(void)
{
    Suite *s = suite_create("asm_regress");
    TCase *tc = tcase_create("fuzz");
    tcase_add_test(tc, test_empty_operand_after_comma);
    suite_add_tcase(s, tc);
    return s;
}
