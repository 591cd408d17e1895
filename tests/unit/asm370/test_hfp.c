/*
 * test_hfp.c - decimal to hexadecimal floating point (tools/asm370/hfp.c).  Expected bytes are derived
 * by hand from each value's hex expansion; those marked "ASMA" also match the DC constants in Hercules'
 * tests/dc-float.asm, assembled by a peer assembler.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "tools/asm370/hfp.h"

static void to_hex(const uint8_t *bytes, int count, char *hex)
{
    for (int i = 0; i < count; i++)
        sprintf(hex + 2 * i, "%02X", bytes[i]);
}

/* Convert text to nbytes of HFP and compare with `hex` (hex digits, blanks ignored). */
static bool converts_to(const char *text, int nbytes, const char *hex, char *why, size_t why_size)
{
    char want[40] = "", got[40] = "";
    for (size_t i = 0, n = 0; hex[i] && n + 1 < sizeof want; i++)
        if (hex[i] != ' ')
            want[n++] = hex[i];
    uint8_t out[16];
    enum hfp_status status = hfp_from_decimal(text, strlen(text), nbytes, out);
    if (status == HFP_OK)
        to_hex(out, nbytes, got);
    snprintf(why, why_size, "'%s' (%d bytes): got %s, want %s", text, nbytes,
             status == HFP_OK ? got : hfp_status_text(status), want);
    return status == HFP_OK && strcmp(got, want) == 0;
}

#define expect_hfp(text, nbytes, hex)                                                                 \
    do {                                                                                              \
        char why_[256];                                                                               \
        ck_assert_msg(converts_to((text), (nbytes), (hex), why_, sizeof why_), "%s", why_);           \
    } while (0)

#define expect_status(text, nbytes, status)                                                           \
    do {                                                                                              \
        uint8_t out_[16];                                                                             \
        enum hfp_status got_ = hfp_from_decimal((text), strlen(text), (nbytes), out_);                \
        ck_assert_msg(got_ == (status), "'%s' (%d bytes): got \"%s\", want \"%s\"", (text), (nbytes), \
                      hfp_status_text(got_), hfp_status_text(status));                               \
    } while (0)

START_TEST(test_short_simple_values)
{
    expect_hfp("0", 4, "00000000");
    expect_hfp("1", 4, "41100000");     /* 1 = 0x.1 x 16^1: characteristic 64+1 */
    expect_hfp("-1", 4, "C1100000");
    expect_hfp("1.5", 4, "41180000");   /* 0x1.8 = 0x.18 x 16^1 */
    expect_hfp("100", 4, "42640000");   /* 0x64 = 0x.64 x 16^2 */
    expect_hfp("1E2", 4, "42640000");
    expect_hfp("1e3", 4, "433E8000");   /* 1000 = 0x3E8 */
    expect_hfp("0.5", 4, "40800000");   /* 0x0.8 x 16^0 */
    expect_hfp(".0625", 4, "40100000"); /* 1/16 = 0x0.1 */
    expect_hfp("16", 4, "42100000");    /* 0x10 = 0x.1 x 16^2 */
    expect_hfp("255", 4, "42FF0000");
    expect_hfp("5.", 4, "41500000");
    expect_hfp("+2.5", 4, "41280000");  /* 0x2.8 */
}
END_TEST

START_TEST(test_short_repeating_fractions)
{
    /* 0.1 = 0x0.1999 9999...: digits 199999, the next one 9 rounds the last up: 19999A */
    expect_hfp("0.1", 4, "4019999A");
    expect_hfp("-0.1", 4, "C019999A");
    /*
     * 0.015 x 16 = 0.24 (so 0x0.0...): characteristic 0x3F; 0.24 -> 3 (.84) -> D (.44) -> 7 (.04)
     * -> 0 (.64) -> A (.24) -> 3 (.84) -> next digit D rounds 3D70A3 up to 3D70A4.
     */
    expect_hfp("1.5E-2", 4, "3F3D70A4");
    expect_hfp("15E-3", 4, "3F3D70A4");
}
END_TEST

START_TEST(test_zero_and_negative_zero)
{
    expect_hfp("0.000", 4, "00000000");
    expect_hfp("0E99999999999", 4, "00000000");
    expect_hfp("-0", 4, "80000000");
    expect_hfp("-0", 8, "80000000 00000000");
    expect_hfp("0", 16, "00000000 00000000 00000000 00000000");
    expect_hfp("-0.0E5", 16, "80000000 00000000 80000000 00000000");
}
END_TEST

START_TEST(test_short_rounding)
{
    /* 1048576 = 16^5, so 1048576.5 = 0x100000.8: a tie, rounded away from zero (not to even) */
    expect_hfp("1048576.5", 4, "46100001");
    expect_hfp("-1048576.5", 4, "C6100001");
    expect_hfp("1048576.49999", 4, "46100000");
    expect_hfp("1048577.5", 4, "46100002");
    /* 16777214.5 = 0xFFFFFE.8: up to FFFFFF (ASMA's EH with r4, ties to even, gives 46FFFFFE) */
    expect_hfp("16777214.5", 4, "46FFFFFF");
}
END_TEST

START_TEST(test_short_rounding_carry)
{
    /* 0xFFFFFF.8 rounds to 0x1000000 = 0x.1 x 16^7: the carry raises the characteristic */
    expect_hfp("16777215.5", 4, "47100000");
    /*
     * 0.99999999 = 0x0.FFFFFFD5...: the lost digit D rounds FFFFFF up to 1.000000, which is
     * 0x.1 x 16^1, the same as E'1'.
     */
    expect_hfp("0.99999999", 4, "41100000");
    expect_hfp("1.00000001", 4, "41100000");
}
END_TEST

START_TEST(test_short_range_limits)
{
    /*
     * 16^63 = 7.2370055773E75, so 7.2E75 fits: 7.2E75 / 16^63 = 0.99488661... = 0x0.FEB0E3AD...,
     * the lost A rounds up: X'7FFEB0E4'.
     */
    expect_hfp("7.2E75", 4, "7FFEB0E4");
    expect_hfp("-7.2E75", 4, "FFFEB0E4");
    /* The largest short value, (16^6-1) x 16^57 = 0x.FFFFFF x 16^63, written out exactly */
    expect_hfp("7237005145973115539562949848370752848515283263408224491816939302836806615040", 4,
               "7FFFFFFF");
    /* (16^6 - 1/2) x 16^57 is the tie above it: it rounds up to 16^63, characteristic 128 */
    expect_status("7237005361652688876768068205706873544672328652505379872141519151665688608768", 4,
                  HFP_OVERFLOW);
    expect_hfp("7237005361652688876768068205706873544672328652505379872141519151665688608767", 4,
               "7FFFFFFF");
    expect_hfp("7.23700523E75", 4, "7FFFFFFF"); /* ASMA */
    expect_status("1E80", 4, HFP_OVERFLOW);
    expect_status("-1E80", 4, HFP_OVERFLOW);
    expect_status("7.3E75", 4, HFP_OVERFLOW);

    /*
     * The smallest, 0x.1 x 16^-64 = 16^-65 = 5.3976053469E-79.  5.4E-79 x 16^64 = 0x0.1001D133...,
     * characteristic 0: X'001001D1'.  1E-78 x 16^64 = 0.11579... = 0x0.1DA48CE4...: X'001DA48D'.
     */
    expect_hfp("5.4E-79", 4, "001001D1");
    expect_hfp("1E-78", 4, "001DA48D");    /* ASMA */
    expect_hfp("10.5E-79", 4, "001F1FFA"); /* ASMA */
    expect_hfp("1E-77", 4, "011286D8");    /* ASMA */
    /* 5.39760534E-79 = 0x0.FFFFFFFA... x 16^-65: rounding carries it up to 16^-65 itself */
    expect_hfp("5.39760534E-79", 4, "00100000");
    expect_status("5.3E-79", 4, HFP_UNDERFLOW);
    expect_status("1E-80", 4, HFP_UNDERFLOW);
    expect_status("-1E-80", 4, HFP_UNDERFLOW);
}
END_TEST

START_TEST(test_long)
{
    /* 0.1 = 0x0.1999...: 14 digits 1999 9999 9999 99, the next 9 rounds up the last */
    expect_hfp("0.1", 8, "40199999 9999999A");
    expect_hfp("-0.1", 8, "C0199999 9999999A");
    expect_hfp("1", 8, "41100000 00000000");
    /*
     * pi = 0x3.243F6A8885A308D3..., and 3.141592653589793 is pi - 2.38E-16, a little more than one
     * unit of the 14th digit (16^-13 = 2.22E-16) lower: 0x3.243F6A8885A2F7A4..., the lost 7 rounds down.
     */
    expect_hfp("3.141592653589793", 8, "413243F6 A8885A2F");
    /* 16^13 = 4503599627370496, so this is 0x10000000000000.8, a tie: rounded away from zero */
    expect_hfp("4503599627370496.5", 8, "4E100000 00000001");
    expect_hfp("-4503599627370496.5", 8, "CE100000 00000001");
    expect_hfp("4503599627370496.49999", 8, "4E100000 00000000");
    expect_hfp("5.4E-79", 8, "001001D1 33A949F6");
    expect_hfp("0.013976E77", 8, "7F317037 92979513"); /* ASMA */
    expect_hfp("0.053976", 8, "3FDD15F0 2C4D65E4");    /* ASMA */
    /* 7.2370055773322621E75 is 16^63 less 1.6E-17 of it, more than half a unit (7.1E-18): it fits */
    expect_hfp("7.2370055773322621E75", 8, "7FFFFFFF FFFFFFFF");
    expect_status("7.2370055773322622E75", 8, HFP_OVERFLOW);
    expect_status("5.3E-79", 8, HFP_UNDERFLOW);
}
END_TEST

START_TEST(test_extended)
{
    /* L'1': the low-order half has characteristic 0x41 - 14 = 0x33 even though its fraction is zero */
    expect_hfp("1", 16, "41100000 00000000 33000000 00000000");
    expect_hfp("-1", 16, "C1100000 00000000 B3000000 00000000");
    /* 0.1: 28 digits 1 9...9 with the next 9 rounding the last to A; digits 15-28 go low */
    expect_hfp("0.1", 16, "40199999 99999999 32999999 9999999A");
    /* 1 - 1E-35 is within half a unit of the 28th digit (16^-28 / 2 = 9.6E-35): it rounds to 1 */
    expect_hfp("0.99999999999999999999999999999999999", 16, "41100000 00000000 33000000 00000000");
    /* characteristic 0: the low-order one is 0 - 14 modulo 128 = 0x72 */
    expect_hfp("1E-78", 16, "001DA48C E468E7C7 72026520 247D3556");
    expect_hfp("3.141592653589793", 16, "413243F6 A8885A2F 337A4371 AF0AE7BD");
    expect_status("1E76", 16, HFP_OVERFLOW);
    expect_status("1E-79", 16, HFP_UNDERFLOW);
}
END_TEST

START_TEST(test_syntax_errors)
{
    static const char *const bad[] = {
        "", "1..2", "1E", "A", "+-1", ".", "-", "E5", "1E+", "1E+-2", " 1", "1 ", "1.5X", "1,5", "0x10",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_status(bad[i], 4, HFP_SYNTAX);
    expect_status("1", 5, HFP_SYNTAX); /* not a format */
}
END_TEST

START_TEST(test_length_is_respected)
{
    uint8_t out[4];
    ck_assert_int_eq(hfp_from_decimal("1.5XYZ", 3, 4, out), HFP_OK);
    ck_assert_int_eq(out[0], 0x41);
    ck_assert_int_eq(out[1], 0x18);
    ck_assert_int_eq(hfp_from_decimal(NULL, 0, 4, out), HFP_SYNTAX);
}
END_TEST

START_TEST(test_error_leaves_output_alone)
{
    uint8_t out[4] = {0xEE, 0xEE, 0xEE, 0xEE};
    ck_assert_int_eq(hfp_from_decimal("1E80", 4, 4, out), HFP_OVERFLOW);
    ck_assert_int_eq(out[0], 0xEE);
    ck_assert_int_eq(out[3], 0xEE);
}
END_TEST

START_TEST(test_input_bounds)
{
    char text[200];
    /* 120 mantissa digits: 1 and 119 zeros, scaled back down to 1 */
    memset(text, '0', sizeof text);
    text[0] = '1';
    strcpy(text + 120, "E-119");
    expect_hfp(text, 4, "41100000");
    /* 121 digits is refused */
    strcpy(text + 121, "E-120");
    expect_status(text, 4, HFP_SYNTAX);
    /* Exponents of any length: far out of range either way */
    expect_status("1E99999999999999999999999999", 4, HFP_OVERFLOW);
    expect_status("1E-99999999999999999999999999", 4, HFP_UNDERFLOW);
    expect_hfp("1E000000000000000000000000000000001", 4, "41A00000");
    /* A large exponent cancelled by a small mantissa: 0.(75 zeros)1 E80 = 1E4 = 0x2710 */
    expect_hfp("0.0000000000000000000000000000000000000000000000000000000000000000000000000001E80", 4,
               "44271000");
}
END_TEST

START_TEST(test_status_text)
{
    ck_assert_ptr_nonnull(strstr(hfp_status_text(HFP_SYNTAX), "decimal"));
    ck_assert_ptr_nonnull(strstr(hfp_status_text(HFP_OVERFLOW), "large"));
    ck_assert_ptr_nonnull(strstr(hfp_status_text(HFP_UNDERFLOW), "small"));
}
END_TEST

Suite *suite_hfp(void)
{
    Suite *s = suite_create("hfp");
    TCase *values = tcase_create("values");
    tcase_add_test(values, test_short_simple_values);
    tcase_add_test(values, test_short_repeating_fractions);
    tcase_add_test(values, test_zero_and_negative_zero);
    tcase_add_test(values, test_long);
    tcase_add_test(values, test_extended);
    suite_add_tcase(s, values);

    TCase *rounding = tcase_create("rounding and range");
    tcase_add_test(rounding, test_short_rounding);
    tcase_add_test(rounding, test_short_rounding_carry);
    tcase_add_test(rounding, test_short_range_limits);
    suite_add_tcase(s, rounding);

    TCase *input = tcase_create("input");
    tcase_add_test(input, test_syntax_errors);
    tcase_add_test(input, test_length_is_respected);
    tcase_add_test(input, test_error_leaves_output_alone);
    tcase_add_test(input, test_input_bounds);
    tcase_add_test(input, test_status_text);
    suite_add_tcase(s, input);
    return s;
}
