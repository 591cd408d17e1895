/*
 * dasdtest.h - what the CKD and FBA tests share: a scratch folder with a volume, a device on it, the
 * commands of a channel program one at a time (each chained to the one before until a new program
 * starts), and checks of the bytes read and of the sense bytes, written as hex.
 */
#ifndef TESTS_DASDTEST_H
#define TESTS_DASDTEST_H

#include <stddef.h>
#include <stdint.h>

#include "tests/unit/devices/urtest.h"

enum { DASD_BUFFER = 70000, DASD_OK = UNIT_CHANNEL_END | UNIT_DEVICE_END };

struct dasd_bench {
    char *dir, *path;         /* the scratch folder and the volume's file in it */
    struct device *d;
    uint8_t previous;         /* the last command of the channel program in progress; 0 none */
    struct io_request r;      /* the last operation */
    uint8_t data[DASD_BUFFER];
};

/* Hex digits (blanks ignored) into out; the number of bytes. */
size_t dasd_hex(const char *text, uint8_t *out);

/* A bench with a scratch folder and the path of `file` in it (the test makes the volume). */
struct dasd_bench *dasd_bench_new(const char *file);
void dasd_attach(struct dasd_bench *b, const char *type, uint16_t address, const char *options);
void dasd_detach(struct dasd_bench *b);
void dasd_bench_free(struct dasd_bench *b);

/* One command with the data given in hex (NULL: zeros); with_fill: count bytes of `fill` after the
   hex bytes. */
struct io_request *dasd_cmd(struct dasd_bench *b, uint8_t code, const char *hex_data, uint32_t count);
struct io_request *dasd_cmd_filled(struct dasd_bench *b, uint8_t code, const char *hex_data, uint8_t fill,
                                   uint32_t count);
void dasd_new_program(struct dasd_bench *b);

#define dasd_expect(b, status, residual) ur_expect(&(b)->r, (status), (residual))
/* A command and the status and residual count it must end with. */
#define dasd_step(b, code, hex_data, count, status, residual)                                                  \
    (dasd_cmd((b), (code), (hex_data), (count)), ur_expect(&(b)->r, (status), (residual)))
/* The first bytes the last command stored. */
void dasd_expect_data(struct dasd_bench *b, const char *want);
/* SENSE as its own channel program: its bytes (as many as given) must be these. */
void dasd_expect_sense(struct dasd_bench *b, const char *want);

#endif
