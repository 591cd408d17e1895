/*
 * hfp.c - decimal text to System/370 hexadecimal floating point (see hfp.h), exactly: an integer times
 * 10^e, scaled by a power of 16 and divided with a small fixed-size big integer, rounded once the way
 * HLASM rounds E, D and L (mode 1).  The DC modifiers and the EH/DH/LH rounding modes are not here.
 */
#include "tools/asm370/hfp.h"

#include <stdbool.h>
#include <string.h>

/* More mantissa digits than this is refused; exponents are clamped far beyond any in-range value. */
#define MAX_MANTISSA_DIGITS 120
#define EXPONENT_CLAMP 100000L

/*
 * Decimal magnitudes that are certainly out of range: 10^76 exceeds 16^63 (7.24E75), the bound of
 * every format, and 10^-79 is below 16^-65 (5.40E-79) by more than any rounding can make up.
 */
#define MAGNITUDE_ALWAYS_OVERFLOWS 77
#define MAGNITUDE_ALWAYS_UNDERFLOWS (-79)

/*
 * Big integers: little-endian 32-bit words of fixed size.  The largest number built is a mantissa
 * below 10^120 (399 bits) scaled by 16^95 (a value near 10^-79 brought up to 29 hex digits), under
 * 800 bits; the divisor, shifted up to the dividend, stays as wide.  40 words are 1,280 bits.  Every
 * loop is bounded by BIG_WORDS, so nothing is ever written outside a number.
 */
#define BIG_WORDS 40

struct big {
    uint32_t word[BIG_WORDS];
};

static void big_set(struct big *b, uint32_t value)
{
    memset(b, 0, sizeof *b);
    b->word[0] = value;
}

/* b = b * factor + addend */
static void big_mul_add(struct big *b, uint32_t factor, uint32_t addend)
{
    uint64_t carry = addend;
    for (int i = 0; i < BIG_WORDS; i++) {
        uint64_t product = (uint64_t)b->word[i] * factor + carry;
        b->word[i] = (uint32_t)product;
        carry = product >> 32;
    }
}

static void big_shift_left(struct big *b, unsigned bits)
{
    unsigned words = bits / 32, rest = bits % 32;
    for (int i = BIG_WORDS - 1; i >= 0; i--) {
        int from = i - (int)words;
        uint32_t high = from >= 0 ? b->word[from] << rest : 0;
        uint32_t low = rest && from >= 1 ? b->word[from - 1] >> (32 - rest) : 0;
        b->word[i] = high | low;
    }
}

static void big_shift_right(struct big *b, unsigned bits)
{
    unsigned words = bits / 32, rest = bits % 32;
    for (int i = 0; i < BIG_WORDS; i++) {
        unsigned from = (unsigned)i + words;
        uint32_t low = from < BIG_WORDS ? b->word[from] >> rest : 0;
        uint32_t high = rest && from + 1 < BIG_WORDS ? b->word[from + 1] << (32 - rest) : 0;
        b->word[i] = low | high;
    }
}

static int big_compare(const struct big *a, const struct big *b)
{
    for (int i = BIG_WORDS - 1; i >= 0; i--)
        if (a->word[i] != b->word[i])
            return a->word[i] < b->word[i] ? -1 : 1;
    return 0;
}

/* a = a - b, where a >= b */
static void big_subtract(struct big *a, const struct big *b)
{
    uint32_t borrow = 0;
    for (int i = 0; i < BIG_WORDS; i++) {
        uint64_t subtrahend = (uint64_t)b->word[i] + borrow;
        borrow = a->word[i] < subtrahend;
        a->word[i] = (uint32_t)(a->word[i] - subtrahend);
    }
}

static unsigned big_bit_length(const struct big *b)
{
    for (int i = BIG_WORDS - 1; i >= 0; i--)
        if (b->word[i])
            return (unsigned)i * 32 + 32 - (unsigned)__builtin_clz(b->word[i]);
    return 0;
}

static unsigned big_hex_length(const struct big *b)
{
    return (big_bit_length(b) + 3) / 4;
}

/* Hex digit `position` of b, counted from the units digit. */
static unsigned big_hex_digit(const struct big *b, unsigned position)
{
    return (b->word[position / 8] >> (4 * (position % 8))) & 0xF;
}

/*
 * quotient = dividend / divisor, dividend left holding the remainder: schoolbook binary division, one
 * quotient bit per step from the divisor shifted to the dividend's top bit.  divisor must be non-zero.
 */
static void big_divide(struct big *dividend, const struct big *divisor, struct big *quotient)
{
    big_set(quotient, 0);
    unsigned dividend_bits = big_bit_length(dividend), divisor_bits = big_bit_length(divisor);
    if (dividend_bits < divisor_bits)
        return;
    unsigned shift = dividend_bits - divisor_bits;
    struct big step = *divisor;
    big_shift_left(&step, shift);
    for (unsigned bit = shift + 1; bit-- > 0;) {
        if (big_compare(dividend, &step) >= 0) {
            big_subtract(dividend, &step);
            quotient->word[bit / 32] |= 1u << (bit % 32);
        }
        big_shift_right(&step, 1);
    }
}

/* value = mantissa * 10^exponent */
struct decimal {
    bool negative;
    struct big mantissa;
    int significant_digits; /* mantissa digits from the first non-zero one; 0 for a zero */
    long exponent;
};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* digits [. digits], at least one digit; the point only moves the exponent. */
static bool parse_mantissa(const char *text, size_t len, size_t *pos, struct decimal *d)
{
    int digits = 0;
    long fraction_digits = 0;
    bool seen_point = false;
    for (; *pos < len; (*pos)++) {
        char c = text[*pos];
        if (c == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (!is_digit(c))
            break;
        if (++digits > MAX_MANTISSA_DIGITS)
            return false;
        if (seen_point)
            fraction_digits++;
        if (d->significant_digits > 0 || c != '0')
            d->significant_digits++;
        big_mul_add(&d->mantissa, 10, (uint32_t)(c - '0'));
    }
    d->exponent = -fraction_digits;
    return digits > 0;
}

/* [sign] digits, the value clamped to +-EXPONENT_CLAMP (any such value is out of range anyway). */
static bool parse_exponent(const char *text, size_t len, size_t *pos, long *exponent)
{
    bool negative = false;
    if (*pos < len && (text[*pos] == '+' || text[*pos] == '-'))
        negative = text[(*pos)++] == '-';
    size_t first_digit = *pos;
    long value = 0;
    for (; *pos < len && is_digit(text[*pos]); (*pos)++)
        if (value < EXPONENT_CLAMP)
            value = value * 10 + (text[*pos] - '0');
    if (value > EXPONENT_CLAMP)
        value = EXPONENT_CLAMP;
    *exponent = negative ? -value : value;
    return *pos > first_digit;
}

/* [sign] mantissa [E|e exponent], nothing before or after. */
static bool parse_decimal(const char *text, size_t len, struct decimal *d)
{
    memset(d, 0, sizeof *d);
    size_t pos = 0;
    if (pos < len && (text[pos] == '+' || text[pos] == '-'))
        d->negative = text[pos++] == '-';
    if (!parse_mantissa(text, len, &pos, d))
        return false;
    if (pos < len && (text[pos] == 'E' || text[pos] == 'e')) {
        pos++;
        long exponent;
        if (!parse_exponent(text, len, &pos, &exponent))
            return false;
        d->exponent += exponent;
    }
    return pos == len;
}

/* Smallest integer >= a / 4, for negative a too. */
static int ceil_quarter(int a)
{
    return a >= 0 ? (a + 3) / 4 : -(-a / 4);
}

/* quotient = floor(numerator / denominator * 16^scale) */
static void scaled_quotient(const struct big *numerator, const struct big *denominator, int scale,
                            struct big *quotient)
{
    struct big dividend = *numerator, divisor = *denominator;
    if (scale >= 0)
        big_shift_left(&dividend, 4 * (unsigned)scale);
    else
        big_shift_left(&divisor, 4 * (unsigned)-scale);
    big_divide(&dividend, &divisor, quotient);
}

/*
 * The first `count` hex digits of numerator/denominator (non-zero), truncated, into digits; returns
 * the exponent that makes the value 0.digits x 16^exponent.  The bit lengths give log2 of the value
 * within one, so the first scale gives count or count+1 digits; a second try with the scale corrected
 * by the excess is exact, since multiplying by 16 moves every digit one place.
 */
static int leading_hex_digits(const struct big *numerator, const struct big *denominator, int count,
                              struct big *digits)
{
    int log2_estimate = (int)big_bit_length(numerator) - (int)big_bit_length(denominator);
    int scale = ceil_quarter(4 * count - 2 - log2_estimate);
    scaled_quotient(numerator, denominator, scale, digits);
    int excess = (int)big_hex_length(digits) - count;
    if (excess != 0) {
        scale -= excess;
        scaled_quotient(numerator, denominator, scale, digits);
    }
    return count - scale;
}

/*
 * Round `fraction` (count+1 digits) to count digits by adding one in the first lost bit, i.e. up when
 * the lost digit is 8 or more.  That one digit decides exactly: what lies beyond it could only matter
 * to a tie, and a tie rounds up like everything above it.  A carry out of the top (0.FFF... rounding to 1.000...) leaves a one
 * followed by zeros: shift it back down and raise the exponent.  Returns the new exponent.
 */
static int round_fraction(struct big *fraction, int count, int exponent)
{
    unsigned lost_digit = big_hex_digit(fraction, 0);
    big_shift_right(fraction, 4);
    if (lost_digit >= 8) {
        big_mul_add(fraction, 1, 1);
        if ((int)big_hex_length(fraction) > count) {
            big_shift_right(fraction, 4);
            exponent++;
        }
    }
    return exponent;
}

/*
 * One HFP word or doubleword at out: sign, characteristic, then `count` digits of the `total`-digit
 * fraction, starting `first` digits from its left.
 */
static void store_part(uint8_t *out, bool negative, int characteristic, const struct big *fraction,
                       int total, int first, int count)
{
    out[0] = (uint8_t)((negative ? 0x80 : 0) | (characteristic & 0x7F));
    for (int j = 0; j < count; j++) {
        unsigned digit = big_hex_digit(fraction, (unsigned)(total - 1 - (first + j)));
        uint8_t *byte = &out[1 + j / 2];
        *byte = j % 2 == 0 ? (uint8_t)(digit << 4) : (uint8_t)(*byte | digit);
    }
}

/*
 * The extended format is two long numbers: the low-order one holds fraction digits 15-28 with a
 * characteristic 14 less (modulo 128), even when those digits are all zero: HLASM's L'1' is
 * X'41100000000000003300000000000000'.
 */
static void store_hfp(uint8_t *out, int nbytes, bool negative, int characteristic, const struct big *fraction)
{
    if (nbytes == 16) {
        store_part(out, negative, characteristic, fraction, 28, 0, 14);
        store_part(out + 8, negative, characteristic - 14 + 128, fraction, 28, 14, 14);
    } else {
        int count = nbytes == 4 ? 6 : 14;
        store_part(out, negative, characteristic, fraction, count, 0, count);
    }
}

/* All zero; a negative zero has the sign bit on (in both halves of an extended number, like any L). */
static void store_zero(uint8_t *out, int nbytes, bool negative)
{
    memset(out, 0, (size_t)nbytes);
    if (negative) {
        out[0] = 0x80;
        if (nbytes == 16)
            out[8] = 0x80;
    }
}

static int fraction_digits_for(int nbytes)
{
    switch (nbytes) {
    case 4:
        return 6;
    case 8:
        return 14;
    case 16:
        return 28;
    default:
        return 0;
    }
}

/* The normalized, rounded HFP of a non-zero decimal whose magnitude is roughly in range. */
static enum hfp_status convert_nonzero(const struct decimal *d, int nbytes, uint8_t *out)
{
    int count = fraction_digits_for(nbytes);
    struct big numerator = d->mantissa, denominator;
    big_set(&denominator, 1);
    for (long i = 0; i < d->exponent; i++)
        big_mul_add(&numerator, 10, 0);
    for (long i = 0; i > d->exponent; i--)
        big_mul_add(&denominator, 10, 0);

    struct big fraction; /* one digit more than the format keeps, to round on */
    int exponent = leading_hex_digits(&numerator, &denominator, count + 1, &fraction);
    exponent = round_fraction(&fraction, count, exponent);
    int characteristic = exponent + 64;
    if (characteristic > 127)
        return HFP_OVERFLOW;
    if (characteristic < 0)
        return HFP_UNDERFLOW;
    store_hfp(out, nbytes, d->negative, characteristic, &fraction);
    return HFP_OK;
}

/* out is written only when the result is HFP_OK.  An nbytes other than 4, 8 or 16 is HFP_SYNTAX. */
enum hfp_status hfp_from_decimal(const char *text, size_t len, int nbytes, uint8_t *out)
{
    struct decimal d;
    if (!fraction_digits_for(nbytes) || !parse_decimal(text, len, &d))
        return HFP_SYNTAX;
    if (d.significant_digits == 0) {
        store_zero(out, nbytes, d.negative);
        return HFP_OK;
    }
    /* 10^(magnitude-1) <= value < 10^magnitude; this screen also bounds the big integers' size. */
    long magnitude = d.exponent + d.significant_digits;
    if (magnitude >= MAGNITUDE_ALWAYS_OVERFLOWS)
        return HFP_OVERFLOW;
    if (magnitude <= MAGNITUDE_ALWAYS_UNDERFLOWS)
        return HFP_UNDERFLOW;
    return convert_nonzero(&d, nbytes, out);
}

const char *hfp_status_text(enum hfp_status status)
{
    switch (status) {
    case HFP_OK:
        return "valid floating-point constant";
    case HFP_SYNTAX:
        return "not a decimal number: [sign] digits [. digits] [E [sign] digits]";
    case HFP_OVERFLOW:
        return "magnitude too large for hexadecimal floating point (over 7.2E75)";
    case HFP_UNDERFLOW:
        return "magnitude too small for hexadecimal floating point (under 5.4E-79)";
    }
    return "unknown floating-point conversion status";
}
