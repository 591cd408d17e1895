/*
 * asmtest.c - string-in, bytes-out helpers for the asm370 unit tests (see asmtest.h).
 */
#include "tests/unit/asm370/asmtest.h"

#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm.h"

static void collect_diags(const struct diag_list *list, char *out, size_t size)
{
    if (!out || !size)
        return;
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < list->count && used + 1 < size; i++) {
        char line[512];
        diag_format(&list->items[i], line, sizeof line);
        int n = snprintf(out + used, size - used, "%s\n", line);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

long asmtest_image(const char *source, uint8_t *out, size_t max, char *diags, size_t diags_size)
{
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    bool ok = asm_assemble_string(a, "test.asm", source);
    const struct diag_list *list = asm_diagnostics(a);
    collect_diags(list, diags, diags_size);
    long result = -1;
    if (ok) {
        struct diag_list image_diags = {0};
        uint8_t *image = NULL;
        uint32_t size = 0, entry = 0;
        const struct obj_module *m = asm_module(a);
        uint32_t origin = m->nsections ? m->sections[0].address : 0;
        for (size_t i = 0; i < m->nsections; i++)
            if (m->sections[i].address < origin)
                origin = m->sections[i].address;
        if (obj_build_image(m, origin, &image, &size, &entry, "test.asm", &image_diags)) {
            result = size < max ? (long)size : (long)max;
            memcpy(out, image, (size_t)result);
        } else {
            collect_diags(&image_diags, diags, diags_size);
        }
        free(image);
        diag_free(&image_diags);
    }
    asm_free(a);
    return result;
}

static size_t parse_hex(const char *hex, uint8_t *out, size_t max)
{
    size_t n = 0;
    int nibble = -1;
    for (; *hex; hex++) {
        if (isspace((unsigned char)*hex))
            continue;
        ck_assert_msg(isxdigit((unsigned char)*hex), "bad hex digit '%c' in expected value", *hex);
        int v = isdigit((unsigned char)*hex) ? *hex - '0' : toupper((unsigned char)*hex) - 'A' + 10;
        if (nibble < 0) {
            nibble = v;
        } else {
            ck_assert_msg(n < max, "expected value too long");
            out[n++] = (uint8_t)(nibble << 4 | v);
            nibble = -1;
        }
    }
    ck_assert_msg(nibble < 0, "odd number of hex digits in expected value");
    return n;
}

static void format_hex(const uint8_t *bytes, size_t n, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && used + 3 < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%02X", bytes[i]);
}

void asmtest_expect_at(const char *file, int line, const char *source, const char *hex)
{
    static uint8_t want[16384], got[16384];
    static char diags[4096], want_hex[32800], got_hex[32800];
    size_t nwant = parse_hex(hex, want, sizeof want);
    long ngot = asmtest_image(source, got, sizeof got, diags, sizeof diags);
    ck_assert_msg(ngot >= 0, "%s:%d: assembly failed:\n%s\nsource:\n%s", file, line, diags, source);
    format_hex(want, nwant, want_hex, sizeof want_hex);
    format_hex(got, (size_t)ngot, got_hex, sizeof got_hex);
    ck_assert_msg((size_t)ngot == nwant && memcmp(want, got, nwant) == 0,
                  "%s:%d: bytes differ\n  want %s\n  got  %s\nsource:\n%s", file, line, want_hex, got_hex, source);
}

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

void asmtest_expect_error_at(const char *file, int line, const char *source, int error_line, const char *text)
{
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    bool ok = asm_assemble_string(a, "test.asm", source);
    const struct diag_list *list = asm_diagnostics(a);
    char all[4096];
    collect_diags(list, all, sizeof all);
    bool found = false;
    for (size_t i = 0; i < list->count && !found; i++) {
        const struct diag *d = &list->items[i];
        found = d->severity == DIAG_ERROR && (error_line == 0 || d->line == error_line) &&
                contains_nocase(d->message, text);
    }
    asm_free(a);
    ck_assert_msg(!ok, "%s:%d: expected the assembly to fail; source:\n%s", file, line, source);
    ck_assert_msg(found, "%s:%d: no error on line %d containing \"%s\"; got:\n%s", file, line, error_line, text,
                  all);
}
