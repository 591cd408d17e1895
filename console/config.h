/*
 * config.h - reading a Hercules-compatible configuration file into plain data: the system settings
 * and one device definition per device number.  Nothing is created here; system_build (system.h)
 * makes the machine and its devices from the result.
 *
 * Statements: `#` and `*` comment lines, `#` trailing comments, quoted words, symbols (symbols.h),
 * `INCLUDE file` (relative to the including file, else to the current folder; at most 8 files deep;
 * a file that includes itself, directly or not, is an error), `IGNORE INCLUDE_ERRORS` (a missing
 * include file is then a warning), the system statements of the command table (commands.h:
 * ARCHLVL, MAINSIZE, NUMCPU, ... and those accepted with no effect), and device statements
 * `devnums type [args]` with devnums `[0:]cuu`, `cuu-cuu`, `cuu.count` or a comma list of those.
 * Every problem is reported (file:line, the statement, what is wrong); any error fails the whole.
 */
#ifndef S370_CONSOLE_CONFIG_H
#define S370_CONSOLE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console/symbols.h"

struct device_definition {
    uint16_t address;
    char *type;    /* the type name as written: "3330", "3215-C" */
    int argc;
    char **argv;   /* the arguments after the type, $(CUU) and friends filled in */
    char *where;   /* "file:line" of the statement */
};

struct config {
    uint32_t storage_size; /* MAINSIZE, in bytes */
    int ncpus;             /* NUMCPU */
    uint32_t cpu_serial;   /* CPUSERIAL, 6 hex digits */
    uint16_t cpu_model;    /* CPUMODEL */
    uint8_t cpu_version;   /* CPUVERID */
    char *console_port;    /* CNSLPORT, for the TN3270 server */
    struct device_definition *devices;
    size_t ndevices, devices_cap;
    struct symbols symbols; /* DEFSYM; the panel goes on with them */
    bool ignore_include_errors;
    /* diagnostics, in the order found: "S370Exxx file:line: ..." */
    char **messages;
    size_t nmessages, messages_cap;
    int errors, warnings;
};

/* The defaults (Hercules'): 2M, one CPU, serial 000001, model 0586, version FD, port 3270. */
void config_init(struct config *c);
void config_free(struct config *c);
/* Read a configuration file into c; true when it has no errors (warnings allowed). */
bool config_read(struct config *c, const char *path);
/* The same for text in memory, named `name` in messages (and INCLUDE paths relative to it). */
bool config_read_text(struct config *c, const char *name, const char *text);

/* Record a diagnostic; `id` is the message id (its fifth character E or W counts it as an error or
   a warning); where is "file:line" or NULL. */
void config_message(struct config *c, const char *id, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
