/*
 * asmtest.h - helpers for asm370 unit tests: assemble a source held in a string and compare the
 * bytes it produces, or the diagnostics it reports, with values worked out by hand.
 */
#ifndef TESTS_ASMTEST_H
#define TESTS_ASMTEST_H

#include <stddef.h>
#include <stdint.h>

/*
 * Assemble `source` (a complete program, or bare statements: they go into private code at 0) and
 * copy the flat image, from the lowest section address, into out.  Returns the image length, or -1
 * on assembly errors; the diagnostics, one a line, are copied into diags (may be NULL).
 */
long asmtest_image(const char *source, uint8_t *out, size_t max, char *diags, size_t diags_size);

/*
 * Assert that `source` assembles without errors into exactly the bytes in `hex` (hex digits, blanks
 * ignored, e.g. "1A12 5810 C004").  On a mismatch the failure shows both byte strings and the source.
 */
#define asmtest_expect(source, hex) asmtest_expect_at(__FILE__, __LINE__, (source), (hex))
void asmtest_expect_at(const char *file, int line, const char *source, const char *hex);

/*
 * Assert that `source` fails to assemble and that one of its errors is on `line` (1-based, 0 = any)
 * with a message containing `text` (case-insensitive).
 */
#define asmtest_expect_error(source, line, text) asmtest_expect_error_at(__FILE__, __LINE__, (source), (line), (text))
void asmtest_expect_error_at(const char *file, int line, const char *source, int error_line, const char *text);

#endif
