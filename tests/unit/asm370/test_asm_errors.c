/*
 * test_asm_errors.c - asm370 diagnostics: each kind of error is reported on the line that caused
 * it, all errors of a source are reported (not just the first), and hostile input (empty source,
 * over-long lines, binary bytes, deep parentheses) is diagnosed without crashing.
 *
 * Line numbers are 1-based lines of the source strings below, counted by hand.
 */
#include <check.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/asm370/asmtest.h"
#include "tools/asm370/asm.h"

/* One statement with an empty name field: operation in column 10. */
#define I(text) "         " text "\n"

static bool contains_nocase(const char *hay, size_t hay_len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t start = 0; start + n <= hay_len; start++) {
        size_t i = 0;
        while (i < n && tolower((unsigned char)hay[start + i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/*
 * True when the diagnostics text (one "test.asm:LINE:COL: severity: message" a line) holds an error
 * on `line` whose text contains one of `texts` (NULL-terminated list).
 */
static bool error_on_line(const char *diags, int line, const char *const *texts)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "test.asm:%d:", line);
    for (const char *p = diags; *p;) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (strncmp(p, prefix, strlen(prefix)) == 0 && contains_nocase(p, len, " error: "))
            for (const char *const *t = texts; *t; t++)
                if (contains_nocase(p, len, *t))
                    return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

static int count_errors(const char *diags)
{
    int n = 0;
    for (const char *p = diags; (p = strstr(p, ": error: ")) != NULL; p++)
        n++;
    return n;
}

/* Assert that `source` fails with an error on `line` mentioning one of the texts. */
#define expect_error_one_of(source, line, ...) \
    expect_error_one_of_at(__LINE__, (source), (line), (const char *const[]){__VA_ARGS__, NULL})
static void expect_error_one_of_at(int at, const char *source, int line, const char *const *texts)
{
    static char diags[16384];
    uint8_t image[4096];
    long n = asmtest_image(source, image, sizeof image, diags, sizeof diags);
    ck_assert_msg(n < 0, "line %d: expected the assembly to fail; source:\n%s", at, source);
    ck_assert_msg(error_on_line(diags, line, texts),
                  "line %d: no error on source line %d mentioning \"%s\"...; got:\n%s\nsource:\n%s", at,
                  line, texts[0], diags, source);
}

/* Assemble and return whether it succeeded; a crash fails the test (Check forks each test). */
static bool assembles(const char *source, size_t *nerrors)
{
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    bool ok = asm_assemble_string(a, "test.asm", source);
    if (nerrors)
        *nerrors = asm_diagnostics(a)->errors;
    asm_free(a);
    return ok;
}

/* ---- symbols ------------------------------------------------------------------------------------ */

START_TEST(test_undefined_symbol)
{
    const char *src = I("USING *,12") I("L     1,NOWHERE");
    asmtest_expect_error(src, 2, "undefined");
    asmtest_expect_error(src, 2, "NOWHERE");
    asmtest_expect_error(I("DC    F'1'") I("DC    A(MISSING)"), 2, "undefined");
    asmtest_expect_error(I("LR    1,2") I("LR    3,4") I("LA    1,NOSUCH"), 3, "NOSUCH");
}
END_TEST

START_TEST(test_duplicate_label)
{
    /* HLASM flags the second definition. */
    expect_error_one_of("A        DC    F'1'\n"
                        "A        DC    F'2'\n",
                        2, "duplicate", "previously defined", "already defined", "multiply defined");
    expect_error_one_of("X        EQU   1\n"
                        I("LR    1,2")
                        "X        LR    3,4\n",
                        3, "duplicate", "previously defined", "already defined", "multiply defined");
}
END_TEST

/* ---- addressability ------------------------------------------------------------------------------ */

START_TEST(test_no_using)
{
    expect_error_one_of(I("L     1,FIELD") "FIELD    DC    F'1'\n", 1, "USING", "base register",
                        "addressab");
    /* The only USING is 4100 bytes away: displacement beyond 4095. */
    expect_error_one_of(I("USING *,12")
                        I("L     1,FAR")            /* 0 */
                        I("DS    XL4096")           /* 4 */
                        "FAR      DC    F'1'\n",     /* 1004 */
                        2, "USING", "base register", "addressab");
    /* DROP ends the only USING. */
    expect_error_one_of(I("USING *,12")
                        I("DROP  12")
                        I("L     1,FIELD")
                        "FIELD    DC    F'1'\n",
                        3, "USING", "base register", "addressab");
    /* A USING does not cover addresses below its base. */
    expect_error_one_of("LOW      DC    F'1'\n"
                        I("USING *,12")
                        I("L     1,LOW"),
                        3, "USING", "base register", "addressab");
}
END_TEST

/* ---- operands ------------------------------------------------------------------------------------ */

START_TEST(test_bad_register)
{
    expect_error_one_of(I("LR    16,1"), 1, "register", "range", "16");
    expect_error_one_of(I("LR    1,2") I("L     1,0(16,2)"), 2, "register", "range", "16");
    expect_error_one_of(I("LR    -1,2"), 1, "register", "range", "-1");
}
END_TEST

START_TEST(test_missing_operand)
{
    expect_error_one_of(I("LR    1"), 1, "operand", "missing");
    expect_error_one_of(I("LR    1,2") I("MVC   0(4,1)"), 2, "operand", "missing");
    expect_error_one_of(I("L     1,2,3"), 1, "operand");
}
END_TEST

START_TEST(test_field_out_of_range)
{
    expect_error_one_of(I("L     1,4096(0,2)"), 1, "displacement", "range", "4096");
    expect_error_one_of(I("MVI   0(1),256"), 1, "immediate", "range", "256", "too large");
    expect_error_one_of(I("SVC   256"), 1, "range", "256", "too large");
    expect_error_one_of(I("MVC   0(257,1),0(2)"), 1, "length", "range", "257");
    expect_error_one_of(I("PACK  0(17,1),0(1,2)"), 1, "length", "range", "17");
    expect_error_one_of(I("SRP   0(4,1),3,16"), 1, "range", "rounding", "16", "too large");
}
END_TEST

START_TEST(test_bad_self_defining_term)
{
    expect_error_one_of(I("LA    1,X'1G'"), 1, "self-defining", "hex", "invalid");
    expect_error_one_of(I("LA    1,B'102'"), 1, "self-defining", "binary", "invalid");
    expect_error_one_of(I("LA    1,C''"), 1, "self-defining", "character", "empty", "invalid");
}
END_TEST

START_TEST(test_relocatable_where_absolute_needed)
{
    /* A register operand must be absolute. */
    expect_error_one_of("LABEL    LR    1,2\n" I("LR    1,LABEL"), 2, "absolute", "relocatable");
    expect_error_one_of("LABEL    DC    F'1'\n" I("SVC   LABEL"), 2, "absolute", "relocatable");
}
END_TEST

START_TEST(test_unknown_operation)
{
    expect_error_one_of(I("LR    1,2") I("FOO   1,2"), 2, "operation", "opcode", "mnemonic");
    expect_error_one_of(I("LRR   1,2"), 1, "operation", "opcode", "mnemonic");
}
END_TEST

START_TEST(test_unterminated_string)
{
    expect_error_one_of(I("DC    C'ABC"), 1, "unterminated", "quote", "apostrophe", "string");
    expect_error_one_of(I("LR    1,2") I("MVI   0(1),C'A"), 2, "unterminated", "quote", "apostrophe",
                        "string");
}
END_TEST

START_TEST(test_bad_constants)
{
    expect_error_one_of(I("DC    W'1'"), 1, "type");
    expect_error_one_of(I("DC    F'1'") I("DC    F'ABC'"), 2, "invalid", "nominal", "value", "decimal");
    expect_error_one_of(I("DC    P'12A'"), 1, "invalid", "nominal", "value", "decimal", "digit");
    expect_error_one_of(I("DC    X'XY'"), 1, "invalid", "nominal", "value", "hex", "digit");
    expect_error_one_of(I("DC    H'32768'"), 1, "range", "too large", "overflow", "32768");
}
END_TEST

/* ---- END ---------------------------------------------------------------------------------------- */

START_TEST(test_end_missing_is_not_an_error)
{
    /* HLASM warns when END is missing; the bytes are still assembled. */
    asmtest_expect(I("LR    1,2"), "1812");
    asmtest_expect(I("LR    1,2") I("END"), "1812");
}
END_TEST

/* ---- several errors ------------------------------------------------------------------------------- */

START_TEST(test_all_errors_reported)
{
    const char *src = I("LR    16,1")      /* 1: bad register */
        I("FOO   1")                        /* 2: unknown operation */
        I("USING *,12")                     /* 3 */
        I("L     1,NOWHERE")                /* 4: undefined symbol */
        "A        DC    F'1'\n"              /* 5 */
        "A        DC    F'2'\n"              /* 6: duplicate */
        I("LR    1,2")                      /* 7: fine */
        I("DC    C'ABC");                   /* 8: unterminated */
    static char diags[16384];
    uint8_t image[256];
    long n = asmtest_image(src, image, sizeof image, diags, sizeof diags);
    ck_assert_msg(n < 0, "expected the assembly to fail");
    ck_assert_msg(count_errors(diags) >= 5, "expected at least 5 errors, got:\n%s", diags);
    asmtest_expect_error(src, 1, "");
    asmtest_expect_error(src, 2, "");
    asmtest_expect_error(src, 4, "NOWHERE");
    asmtest_expect_error(src, 6, "");
    asmtest_expect_error(src, 8, "");
    ck_assert_msg(!error_on_line(diags, 7, (const char *const[]){"", NULL}), "error on the valid line 7:\n%s",
                  diags);
}
END_TEST

/* ---- hostile input ---------------------------------------------------------------------------------- */

START_TEST(test_empty_source)
{
    size_t errors = 99;
    ck_assert(assembles("", &errors));
    ck_assert_uint_eq(errors, 0);
    ck_assert(assembles("\n\n\n", &errors));
    ck_assert(assembles("*  only a comment\n", &errors));
}
END_TEST

START_TEST(test_long_lines)
{
    static char src[2048];
    /* A comment of 500 characters (column 72 is non-blank: it continues onto the next record). */
    memset(src, 'X', 500);
    src[0] = '*';
    strcpy(src + 500, "\n" I("LR    1,2"));
    (void)assembles(src, NULL);
    /* A 500-character name. */
    memset(src, 'N', 500);
    strcpy(src + 500, " LR    1,2\n");
    (void)assembles(src, NULL);
    /* A 500-character operand field, no newline at the end. */
    memcpy(src, I("DC    C'"), 17);
    memset(src + 17, 'A', 483);
    src[500] = '\0';
    (void)assembles(src, NULL);
}
END_TEST

START_TEST(test_binary_garbage)
{
    static const char garbage[] = "\x01\x02\xff\xfe\x80\x1b[0m\t\x7f\n"
                                  "\xc3\x28 \xe2\x82 LR \x90\x91,\xa0\n"
                                  "         DC    C'\xff\xfe'\n"
                                  "\x8e\x8f\x9c\x9d(((\n"
                                  "         LR    1,\x80\n";
    size_t errors = 0;
    (void)assembles(garbage, &errors);
    ck_assert_uint_gt(errors, 0);
}
END_TEST

/*
 * An operand of 100 nested parentheses around 1, written over continuation records (column 72
 * non-blank, the text resumes in column 16).  It must not crash; if it is accepted it is LA 1,1.
 */
START_TEST(test_deep_parentheses)
{
    char operand[256];
    size_t n = 0;
    operand[n++] = '1';
    operand[n++] = ',';
    for (int i = 0; i < 100; i++)
        operand[n++] = '(';
    operand[n++] = '1';
    for (int i = 0; i < 100; i++)
        operand[n++] = ')';
    operand[n] = '\0';

    static char src[2048];
    size_t used = (size_t)sprintf(src, "         LA    ");
    size_t column = 16, pos = 0;
    while (pos < n) {
        while (pos < n && column <= 71) {
            src[used++] = operand[pos++];
            column++;
        }
        if (pos < n) {
            src[used++] = 'X'; /* column 72 */
            src[used++] = '\n';
            used += (size_t)sprintf(src + used, "               "); /* columns 1-15 */
            column = 16;
        }
    }
    src[used++] = '\n';
    src[used] = '\0';

    uint8_t image[16];
    static char diags[16384];
    long len = asmtest_image(src, image, sizeof image, diags, sizeof diags);
    if (len >= 0) {
        ck_assert_int_eq(len, 4);
        ck_assert_msg(image[0] == 0x41 && image[1] == 0x10 && image[2] == 0x00 && image[3] == 0x01,
                      "LA 1,((...1...)) assembled as %02X%02X%02X%02X", image[0], image[1], image[2],
                      image[3]);
    }
}
END_TEST

Suite *suite_asm_errors(void)
{
    Suite *s = suite_create("asm_errors");
    TCase *tc;

    tc = tcase_create("symbols");
    tcase_add_test(tc, test_undefined_symbol);
    tcase_add_test(tc, test_duplicate_label);
    tcase_add_test(tc, test_no_using);
    suite_add_tcase(s, tc);

    tc = tcase_create("operands");
    tcase_add_test(tc, test_bad_register);
    tcase_add_test(tc, test_missing_operand);
    tcase_add_test(tc, test_field_out_of_range);
    tcase_add_test(tc, test_bad_self_defining_term);
    tcase_add_test(tc, test_relocatable_where_absolute_needed);
    tcase_add_test(tc, test_unknown_operation);
    tcase_add_test(tc, test_unterminated_string);
    tcase_add_test(tc, test_bad_constants);
    suite_add_tcase(s, tc);

    tc = tcase_create("reporting");
    tcase_add_test(tc, test_end_missing_is_not_an_error);
    tcase_add_test(tc, test_all_errors_reported);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile_input");
    tcase_add_test(tc, test_empty_source);
    tcase_add_test(tc, test_long_lines);
    tcase_add_test(tc, test_binary_garbage);
    tcase_add_test(tc, test_deep_parentheses);
    suite_add_tcase(s, tc);

    return s;
}
