/*
 * system.h - the running system the operator controls: the machine (cpu370), its channel subsystem
 * and devices built from a configuration, the operator's log they report to, the telnet/TN3270 server
 * for its terminals (on CNSLPORT, while it has a 3270, or a 3215/1052 without -C), and the watcher that
 * announces a CPU entering a disabled wait as Hercules does:
 *
 *   HHCCP011I CPU0000: Disabled wait state
 *             PSW=000A0000 0000DEAD
 */
#ifndef S370_CONSOLE_SYSTEM_H
#define S370_CONSOLE_SYSTEM_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "channels/channel.h"
#include "console/symbols.h"
#include "cpu370/cpu.h"

struct config;
struct output;
struct telnet_server;

/* How a device was defined, for devinit with no arguments (re-open the same) and devlist. */
struct device_record {
    uint16_t address;
    char *type;
    int argc;
    char **argv;
};

/* What the watcher last saw of a CPU in a disabled wait. */
struct wait_report {
    bool reported;
    uint64_t instructions;
    uint8_t psw[8];
};

struct system {
    struct machine *m;
    struct channel_subsystem *cs;
    struct output *out;
    struct symbols symbols; /* DEFSYM, taken over from the configuration */
    int target_cpu;         /* the CPU panel commands address */
    struct device_record *records;
    size_t nrecords, records_cap;
    bool quit;              /* quit/exit was entered */
    char *console_port;     /* CNSLPORT */
    bool started;           /* system_start has run */
    struct telnet_server *telnet; /* NULL while no device needs it */
    bool watching;          /* the watcher thread runs */
    pthread_t watcher;
    atomic_bool stop_watching;
    struct wait_report waits[S370_MAX_CPUS];
};

/* Build the machine and every device of c.  On any error nothing is left running: the messages are
   added to c (file:line: 0150 3330: what the handler said) and NULL is returned. */
struct system *system_build(struct config *c, struct output *out);
/* Start the CPU threads (stopped, waiting for IPL or restart), the disabled-wait watcher and, when a
   device needs it, the telnet server. */
void system_start(struct system *s);
/* Disconnect the telnet clients, halt the CPUs, close every device (images flushed), free everything. */
void system_destroy(struct system *s);

/* Define a device (attach and configuration): find the type, init it, attach it.  False with the
   handler's (or our) message in err. */
bool system_attach(struct system *s, uint16_t address, const char *type, int argc, char *const *argv, char *err,
                   size_t errlen);
/* Remove a device (its close runs).  False if there is none. */
bool system_detach(struct system *s, uint16_t address);
/* Re-initialise a device with new arguments (argc 0: the ones it has), as Hercules' devinit: a card
   reader loads the new deck; any other device is opened anew and replaces the old one.  The device
   then presents an unsolicited device end.  On failure it stays as it was. */
bool system_reinit(struct system *s, uint16_t address, int argc, char *const *argv, char *err, size_t errlen);
const struct device_record *system_record(const struct system *s, uint16_t address);
/* The telnet client connected to a terminal device ("127.0.0.1:40123"); false when it has none. */
bool system_terminal_client(struct system *s, uint16_t address, char *buf, size_t len);

/* The CPU panel commands address. */
struct cpu *system_cpu(struct system *s);

#endif
