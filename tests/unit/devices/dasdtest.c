/*
 * dasdtest.c - helpers of the CKD and FBA tests (see dasdtest.h).
 */
#include "tests/unit/devices/dasdtest.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

size_t dasd_hex(const char *text, uint8_t *out)
{
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (*p == ' ')
            continue;
        unsigned v;
        ck_assert_msg(sscanf(p, "%2x", &v) == 1 && p[1], "bad hex at \"%s\"", p);
        out[n++] = (uint8_t)v;
        p++;
    }
    return n;
}

struct dasd_bench *dasd_bench_new(const char *file)
{
    struct dasd_bench *b = xcalloc(1, sizeof *b);
    b->dir = ur_tmpdir();
    b->path = ur_path(b->dir, file);
    return b;
}

void dasd_attach(struct dasd_bench *b, const char *type, uint16_t address, const char *options)
{
    char *args = xasprintf("%s %s", b->path, options);
    b->d = ur_define(type, address, args);
    free(args);
    b->previous = 0;
}

void dasd_detach(struct dasd_bench *b)
{
    ur_free(b->d);
    b->d = NULL;
}

void dasd_bench_free(struct dasd_bench *b)
{
    if (b->d)
        dasd_detach(b);
    free(b->path);
    ur_remove_dir(b->dir);
    free(b);
}

struct io_request *dasd_cmd_filled(struct dasd_bench *b, uint8_t code, const char *hex_data, uint8_t fill,
                                   uint32_t count)
{
    memset(b->data, fill, sizeof b->data);
    if (hex_data)
        dasd_hex(hex_data, b->data);
    b->r = ur_exec_after(b->d, b->previous, code, b->data, count);
    b->previous = code;
    return &b->r;
}

struct io_request *dasd_cmd(struct dasd_bench *b, uint8_t code, const char *hex_data, uint32_t count)
{
    return dasd_cmd_filled(b, code, hex_data, 0, count);
}

void dasd_new_program(struct dasd_bench *b)
{
    b->previous = 0;
}

void dasd_expect_data(struct dasd_bench *b, const char *want)
{
    static uint8_t w[DASD_BUFFER];
    size_t n = dasd_hex(want, w);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(b->data[i] == w[i], "data byte %zu is %02X, expected %02X", i, b->data[i], w[i]);
}

void dasd_expect_sense(struct dasd_bench *b, const char *want)
{
    uint8_t w[32];
    size_t n = dasd_hex(want, w);
    ur_expect_sense(b->d, w, (uint32_t)n);
    dasd_new_program(b);
}
