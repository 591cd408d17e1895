/*
 * hfp.h - converting decimal constants (DC E'1.5', D'-0.1', L'3.25E-5') to System/370 hexadecimal
 * floating point, exactly: the decimal value is converted with integer arithmetic of whatever width it
 * needs, never through the host's binary double, so the result is the correctly rounded HFP number.
 */
#ifndef ASM370_HFP_H
#define ASM370_HFP_H

#include <stddef.h>
#include <stdint.h>

enum hfp_status {
    HFP_OK,
    HFP_SYNTAX,    /* not a decimal number: [sign] digits [. digits] [E [sign] digits] */
    HFP_OVERFLOW,  /* magnitude too large for characteristic 127 */
    HFP_UNDERFLOW, /* non-zero but smaller than the smallest normalized number */
};

/*
 * Convert text[0..len) to HFP of nbytes bytes: 4 (E, short), 8 (D, long) or 16 (L, extended: the
 * low-order half has characteristic 14 less than the high-order half, modulo 128, and the same sign,
 * as HLASM assembles it).
 * The result is normalized and rounded to the nearest value in the last fraction digit kept, a tie
 * rounded away from zero (as HLASM's default rounding).  Zero gives all-zero bytes; "-0" gives a
 * zero with the sign bit on.
 */
enum hfp_status hfp_from_decimal(const char *text, size_t len, int nbytes, uint8_t *out);

/* Human-readable reason for a status, for error messages. */
const char *hfp_status_text(enum hfp_status status);

#endif
