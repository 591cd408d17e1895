/*
 * device.h - the interface every device handler implements, and what a handler may ask of the channel
 * subsystem.  One device type is one file that exports one `struct device_type`, registered by type
 * name and aliases in devices/registry.c; the channel subsystem (channels/) drives it one device
 * operation at a time through `execute`.
 *
 * A device operation is one CCW, or a run of data-chained CCWs: the channel gathers the output data
 * into one buffer before calling the handler, and scatters input data after it (so a handler never
 * sees storage, IDAWs, skipping or data chaining).  The handler reports how much of the count it
 * used and the unit status, exactly as the device would present them (GA22-7000 ch. 13; the device's
 * own component description for its commands and sense bytes).
 */
#ifndef S370_DEVICE_H
#define S370_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Unit status (CSW byte 4). */
enum {
    UNIT_ATTENTION = 0x80,
    UNIT_STATUS_MODIFIER = 0x40,
    UNIT_CONTROL_UNIT_END = 0x20,
    UNIT_BUSY = 0x10,
    UNIT_CHANNEL_END = 0x08,
    UNIT_DEVICE_END = 0x04,
    UNIT_CHECK = 0x02,
    UNIT_EXCEPTION = 0x01,
};

/* Channel status (CSW byte 5). */
enum {
    CHAN_PCI = 0x80,
    CHAN_INCORRECT_LENGTH = 0x40,
    CHAN_PROGRAM_CHECK = 0x20,
    CHAN_PROTECTION_CHECK = 0x10,
    CHAN_DATA_CHECK = 0x08,
    CHAN_CONTROL_CHECK = 0x04,
    CHAN_INTERFACE_CONTROL_CHECK = 0x02,
    CHAN_CHAINING_CHECK = 0x01,
};

/* Common sense byte 0 bits. */
enum {
    SENSE_COMMAND_REJECT = 0x80,
    SENSE_INTERVENTION_REQUIRED = 0x40,
    SENSE_BUS_OUT_CHECK = 0x20,
    SENSE_EQUIPMENT_CHECK = 0x10,
    SENSE_DATA_CHECK = 0x08,
    SENSE_OVERRUN = 0x04,
};

/* How the low bits of a command code classify it (GA22-7000 "Command Code"). */
enum ccw_kind { CCW_INVALID, CCW_WRITE, CCW_READ, CCW_CONTROL, CCW_SENSE, CCW_TIC, CCW_READ_BACKWARD };
enum ccw_kind ccw_kind_of(uint8_t command);

/* Commands every device knows. */
enum {
    CMD_SENSE = 0x04,
    CMD_SENSE_ID = 0xE4,
    CMD_NOP = 0x03,
};

struct device;

/* One device operation (see the file comment). */
struct io_request {
    uint8_t command;
    bool chained;         /* command chaining brought us here from the previous operation of this program */
    uint8_t previous;     /* the previous operation's command code, when chained */
    uint8_t *data;        /* output: count bytes to write; input: room for count bytes (read backward:
                             the handler stores the bytes in the order the device presents them) */
    uint32_t count;
    /* set by the handler */
    uint32_t residual;    /* bytes of count not transferred */
    bool longer;          /* the record had more data than count (incorrect length even if residual 0) */
    uint8_t status;       /* unit status presented at the end of the operation */
    bool deferred;        /* the operation completes later: the handler calls device_complete() */
};

struct device_type {
    const char *name;               /* "3330" */
    const char *const *aliases;     /* other names for the same handler, NULL-terminated, or NULL */
    const char *device_class;       /* devlist class: DASD, TAPE, RDR, PCH, PRT, CON, DSP */
    /*
     * Open: argv are the arguments after the type on the device statement.  On error write a message
     * (no device address; the caller adds file, line and address) to err and return false.
     */
    bool (*init)(struct device *d, int argc, char **argv, char *err, size_t errlen);
    void (*execute)(struct device *d, struct io_request *r);
    /* Optional: halt the operation in progress (HIO/HDV/CLRIO), I/O system reset, close. */
    void (*halt)(struct device *d);
    void (*reset)(struct device *d);
    void (*close)(struct device *d);
    /* One line for devlist: what is mounted or connected, position, state. */
    void (*describe)(struct device *d, char *buf, size_t len);
};

struct device {
    const struct device_type *type;
    uint16_t address;             /* device number, X'000'-X'FFF' */
    uint16_t model_type;          /* e.g. 0x3330, for sense ID and displays */
    char type_name[16];           /* the name it was defined with ("3505", "2540R", ...) */
    void *state;                  /* the handler's own */
    struct channel_subsystem *cs; /* set by channel_attach */
    void *channel;                /* the channel subsystem's per-device state */
    uint8_t sense[32];            /* the handler keeps its sense bytes here */
    uint8_t sense_length;
};

/*
 * Asking the channel subsystem (callable from any thread):
 *   device_complete: a deferred operation has ended; the handler has set r->residual/status/...
 *   device_status:   unsolicited status (attention, device end after a rewind, not-ready to ready).
 */
void device_complete(struct device *d, struct io_request *r);
void device_status(struct device *d, uint8_t unit_status);
/* Run fn(d, arg) after delay_us microseconds on the channel subsystem's timer thread (device end of
   a rewind, motion delays). */
void device_after(struct device *d, uint32_t delay_us, void (*fn)(struct device *d, void *arg), void *arg);

/*
 * The host program's side (console/, set with channel_set_host): where an integrated console's output
 * goes and where devices report to the operator.  Without a host, console output goes to stdout and
 * messages to stderr.
 */
struct io_host {
    void *ctx;
    void (*console_output)(void *ctx, struct device *d, const char *line); /* one line, no newline */
    void (*message)(void *ctx, struct device *d, const char *text);        /* e.g. "intervention required" */
};
void device_console_output(struct device *d, const char *line);
void device_message(struct device *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Handler helpers: reject a command (unit check, command reject) and the common SENSE command. */
void device_reject(struct device *d, struct io_request *r);
void device_sense(struct device *d, struct io_request *r);
void device_set_sense(struct device *d, const uint8_t *sense, uint8_t length);

/* The device types, one per handler file. */
extern const struct device_type device_console;  /* 3215, 1052: line-mode consoles */
extern const struct device_type device_reader;   /* 3505, 2540R, 1442, 2501 */
extern const struct device_type device_punch;    /* 3525, 2540P */
extern const struct device_type device_printer;  /* 1403, 3211, 3203 */
extern const struct device_type device_tape;     /* 3420, 3410, 2400 */
extern const struct device_type device_ckd;      /* 2311 2314 3330 3330-11 3340 3350 3375 3380 */
extern const struct device_type device_fba;      /* 3310, 3370 */
extern const struct device_type device_display;  /* 3270, 3277, 3278, 3279 */

/* The registry (devices/registry.c): a type by name or alias, case-insensitive. */
const struct device_type *device_type_find(const char *name);

#endif
