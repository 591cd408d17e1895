/*
 * urtest.h - test helpers for the unit-record, console and display handlers: define a device the way
 * the configuration does, run one operation the way the channel starts it, scratch files, and a
 * machine with the real channel subsystem for what only interruptions show (attention, device end,
 * deferred completion).
 */
#ifndef TESTS_URTEST_H
#define TESTS_URTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "channels/channel.h"
#include "devices/device.h"
#include "tests/unit/cpu370/cputest.h"

/* Define a device: type name as written on the statement, arguments split at blanks.  Fails the test
   when the handler refuses them. */
struct device *ur_define(const char *type_name, uint16_t address, const char *args);
/* A definition the handler must refuse; its message must contain `expected`. */
void ur_define_fails(const char *type_name, const char *args, const char *expected);
void ur_free(struct device *d);

/* One operation, not chained (ur_exec_after: chained to `previous`). */
struct io_request ur_exec(struct device *d, uint8_t command, void *data, uint32_t count);
struct io_request ur_exec_after(struct device *d, uint8_t previous, uint8_t command, void *data, uint32_t count);
/* Assert the operation's unit status and residual count. */
#define ur_expect(r, status, residual) ur_expect_at(__FILE__, __LINE__, (r), (status), (residual))
void ur_expect_at(const char *file, int line, const struct io_request *r, uint8_t status, uint32_t residual);
/* SENSE with a count of n: the bytes must be `expected` (n of them) with CE DE. */
void ur_expect_sense(struct device *d, const uint8_t *expected, uint32_t n);

/* EBCDIC of text (no terminating NUL). */
void ur_ebcdic(uint8_t *out, const char *text);

/* Scratch folder (mkdtemp) and files in it. */
char *ur_tmpdir(void);
char *ur_path(const char *dir, const char *name);
void ur_write_file(const char *path, const void *data, size_t length);
/* The whole file, NUL-terminated; *length its size. */
char *ur_read_file(const char *path, size_t *length);
void ur_remove_dir(char *dir);

/* An output device (punch, printer) writing a file in a scratch folder; reopen defines it again on the
   same file (after the old definition is closed), for append. */
struct ur_bench {
    char *dir, *file;
    struct device *d;
};
void ur_bench_open(struct ur_bench *b, const char *type, uint16_t address, const char *options);
void ur_bench_reopen(struct ur_bench *b, const char *options);
void ur_bench_close(struct ur_bench *b);
/* The file holds exactly these bytes. */
void ur_expect_file(struct ur_bench *b, const void *want, size_t length);

/* The device writing to /dev/full (the host refuses the write, disk full): `command` with one byte ends
   with unit check, equipment check. */
void ur_expect_write_failure(const char *type, const char *options, uint8_t command);

/* A machine and channel subsystem with the device attached (the rig owns it then). */
struct ur_rig {
    struct cputest t;
    struct channel_subsystem *cs;
    struct device *d;
};
enum { UR_BUF = 0x2000, UR_BUF2 = 0x2100 }; /* data areas the programs call BUF and BUF2 */
void ur_rig_init(struct ur_rig *g, struct device *d);
void ur_rig_free(struct ur_rig *g);
/* Run `action` (I/O instructions; the condition code of the last is kept) with the CAW pointing at
   the CCWs, then enable I/O for a while: an interruption is taken (the run stops at CPUTEST_IO) or the
   program ends (CPUTEST_DONE). */
void ur_rig_run(struct ur_rig *g, const char *action, const char *ccws);
/* Enable I/O for a while again. */
void ur_rig_wait(struct ur_rig *g);
bool ur_rig_interrupted(struct ur_rig *g); /* the last run took an I/O interruption */
uint32_t ur_rig_cc(struct ur_rig *g);
uint64_t ur_rig_csw(struct ur_rig *g);
uint16_t ur_rig_status(struct ur_rig *g); /* CSW bytes 4-5: unit and channel status */
uint16_t ur_rig_device(struct ur_rig *g); /* the interruption's device address */
const uint8_t *ur_rig_storage(struct ur_rig *g, uint32_t address);

#define UR_I(s) "         " s "\n"

#endif
