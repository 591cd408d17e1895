/*
 * urtest.c - helpers for the unit-record, console and display tests (see urtest.h).
 */
#include "tests/unit/testdir.h"
#include "tests/unit/devices/urtest.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/ebcdic.h"
#include "common/util.h"

enum { MAX_ARGS = 16 };

static int split(char *copy, char **argv)
{
    int argc = 0;
    for (char *word = strtok(copy, " "); word && argc < MAX_ARGS; word = strtok(NULL, " "))
        argv[argc++] = word;
    return argc;
}

static struct device *new_device(const char *type_name, uint16_t address)
{
    const struct device_type *type = device_type_find(type_name);
    ck_assert_msg(type != NULL, "no device type %s", type_name);
    struct device *d = xcalloc(1, sizeof *d);
    d->type = type;
    d->address = address;
    snprintf(d->type_name, sizeof d->type_name, "%s", type_name);
    return d;
}

struct device *ur_define(const char *type_name, uint16_t address, const char *args)
{
    struct device *d = new_device(type_name, address);
    char *copy = xstrdup(args), *argv[MAX_ARGS], err[256] = "";
    int argc = split(copy, argv);
    bool ok = d->type->init(d, argc, argv, err, sizeof err);
    free(copy);
    ck_assert_msg(ok, "%s %s refused: %s", type_name, args, err);
    return d;
}

void ur_define_fails(const char *type_name, const char *args, const char *expected)
{
    struct device *d = new_device(type_name, 0x00C);
    char *copy = xstrdup(args), *argv[MAX_ARGS], err[256] = "";
    int argc = split(copy, argv);
    bool ok = d->type->init(d, argc, argv, err, sizeof err);
    free(copy);
    if (ok)
        d->type->close(d);
    free(d);
    ck_assert_msg(!ok, "%s %s was accepted", type_name, args);
    ck_assert_msg(strstr(err, expected) != NULL, "message \"%s\" lacks \"%s\"", err, expected);
}

void ur_free(struct device *d)
{
    d->type->close(d);
    free(d);
}

struct io_request ur_exec_after(struct device *d, uint8_t previous, uint8_t command, void *data, uint32_t count)
{
    struct io_request r = {.command = command, .chained = previous != 0, .previous = previous, .data = data,
                           .count = count};
    d->type->execute(d, &r);
    return r;
}

struct io_request ur_exec(struct device *d, uint8_t command, void *data, uint32_t count)
{
    return ur_exec_after(d, 0, command, data, count);
}

void ur_expect_at(const char *file, int line, const struct io_request *r, uint8_t status, uint32_t residual)
{
    ck_assert_msg(r->status == status && r->residual == residual,
                  "%s:%d: command %02X ended with status %02X residual %u, expected %02X residual %u", file, line,
                  r->command, r->status, r->residual, status, residual);
}

void ur_expect_sense(struct device *d, const uint8_t *expected, uint32_t n)
{
    uint8_t sense[32] = {0};
    struct io_request r = ur_exec(d, CMD_SENSE, sense, n);
    ck_assert_uint_eq(r.status, UNIT_CHANNEL_END | UNIT_DEVICE_END);
    for (uint32_t i = 0; i < n; i++)
        ck_assert_msg(sense[i] == expected[i], "sense byte %u is %02X, expected %02X", i, sense[i], expected[i]);
}

void ur_ebcdic(uint8_t *out, const char *text)
{
    ebcdic_from_ascii(out, text, strlen(text));
}

char *ur_tmpdir(void)
{
    char *dir = xmalloc(64);
    testdir_create(dir, 64, "s370-urtest-");
    return dir;
}

char *ur_path(const char *dir, const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

void ur_write_file(const char *path, const void *data, size_t length)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, length, f), length);
    fclose(f);
}

char *ur_read_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    struct buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    *length = b.len;
    return buf_cstr(&b);
}

void ur_remove_dir(char *dir)
{
    testdir_remove(dir);
    free(dir);
}

/* ---- output files ------------------------------------------------------------------------------- */

static void define_bench(struct ur_bench *b, const char *type, uint16_t address, const char *options)
{
    char *args = xasprintf("%s %s", b->file, options);
    b->d = ur_define(type, address, args);
    free(args);
}

void ur_bench_open(struct ur_bench *b, const char *type, uint16_t address, const char *options)
{
    b->dir = ur_tmpdir();
    b->file = ur_path(b->dir, "output");
    define_bench(b, type, address, options);
}

void ur_bench_reopen(struct ur_bench *b, const char *options)
{
    char type[16];
    uint16_t address = b->d->address;
    snprintf(type, sizeof type, "%s", b->d->type_name);
    ur_free(b->d);
    define_bench(b, type, address, options);
}

void ur_bench_close(struct ur_bench *b)
{
    ur_free(b->d);
    free(b->file);
    ur_remove_dir(b->dir);
}

void ur_expect_file(struct ur_bench *b, const void *want, size_t length)
{
    size_t n;
    char *got = ur_read_file(b->file, &n);
    ck_assert_msg(n == length && memcmp(got, want, n) == 0, "the file holds %zu bytes \"%s\", expected %zu \"%.*s\"",
                  n, got, length, (int)length, (const char *)want);
    free(got);
}

void ur_expect_write_failure(const char *type, const char *options, uint8_t command)
{
    char *args = xasprintf("/dev/full %s", options);
    struct device *d = ur_define(type, 0x00E, args);
    free(args);
    uint8_t a[1] = {0xC1};
    struct io_request r = ur_exec(d, command, a, 1);
    ur_expect(&r, UNIT_CHANNEL_END | UNIT_DEVICE_END | UNIT_CHECK, 0);
    static const uint8_t equipment_check[1] = {SENSE_EQUIPMENT_CHECK};
    ur_expect_sense(d, equipment_check, 1);
    ur_free(d);
}

/* ---- the rig ------------------------------------------------------------------------------------ */

void ur_rig_init(struct ur_rig *g, struct device *d)
{
    cputest_init(&g->t, 0, 1);
    g->cs = channel_create(g->t.m);
    g->d = d;
    ck_assert(channel_attach(g->cs, d));
}

void ur_rig_free(struct ur_rig *g)
{
    channel_destroy(g->cs); /* closes and frees the device */
    cputest_free(&g->t);
}

/* Enabled for I/O on channels 0-6 for a couple of thousand instructions, then the done PSW. */
#define ENABLED_SPIN                                                                                            \
    UR_I("LPSW  ENABLED") UR_I("DS    0D") "ENABLED  DC    X'FE000000',A(SPIN)\n" "SPIN     LA    1,2000\n"      \
                                                 "LOOP     BCT   1,LOOP\n" UR_I("LPSW  X'200'")

void ur_rig_run(struct ur_rig *g, const char *action, const char *ccws)
{
    char *source = xasprintf("P        START X'1000'\n" UR_I("BALR  12,0") UR_I("USING *,12") UR_I("LA    1,PROG")
                                 UR_I("ST    1,X'48'") "%s" UR_I("BALR  9,0") UR_I("SRL   9,28")
                                     UR_I("N     9,=F'3'") UR_I("ST    9,X'900'") ENABLED_SPIN
                             "BUF      EQU   X'%X'\n" "BUF2     EQU   X'%X'\n" "PROG     DS    0D\n" "%s"
                             UR_I("LTORG") UR_I("END   P"),
                             action, UR_BUF, UR_BUF2, ccws);
    cputest_load(&g->t, source);
    free(source);
    cputest_run_at(&g->t, 0x1000, 0x0000, 100000);
}

void ur_rig_wait(struct ur_rig *g)
{
    cputest_load(&g->t, "Q        START X'3000'\n" UR_I("BALR  12,0") UR_I("USING *,12") ENABLED_SPIN UR_I("END   Q"));
    cputest_run_at(&g->t, 0x3000, 0x0000, 100000);
}

bool ur_rig_interrupted(struct ur_rig *g)
{
    return cputest_final_address(&g->t) == CPUTEST_IO;
}

uint32_t ur_rig_cc(struct ur_rig *g)
{
    return cputest_word(&g->t, 0x900);
}

uint64_t ur_rig_csw(struct ur_rig *g)
{
    return cputest_doubleword(&g->t, 0x40);
}

uint16_t ur_rig_status(struct ur_rig *g)
{
    return (uint16_t)(ur_rig_csw(g) >> 16);
}

uint16_t ur_rig_device(struct ur_rig *g)
{
    return (uint16_t)cputest_word(&g->t, 0x38);
}

const uint8_t *ur_rig_storage(struct ur_rig *g, uint32_t address)
{
    return machine_storage(g->t.m) + address;
}
