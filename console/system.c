/*
 * system.c - building the machine and its devices from a configuration, defining and re-initialising
 * devices later (attach, detach, devinit), where devices report (the operator's log), the telnet
 * server's life (started when a terminal device first needs it, told about devices that go), and the
 * disabled-wait watcher.  The commands that drive all this are in commands.c and the files
 * handlers.h lists.
 */
#include "console/system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/util.h"
#include "console/config.h"
#include "console/output.h"
#include "console/telnet.h"
#include "devices/unitrec/unitrec.h"

/* ---- device records ----------------------------------------------------------------------------- */

static char **copy_argv(int argc, char *const *argv)
{
    char **copy = xcalloc((size_t)argc + 1, sizeof *copy);
    for (int i = 0; i < argc; i++)
        copy[i] = xstrdup(argv[i]);
    return copy;
}

static void free_record(struct device_record *r)
{
    for (int i = 0; i < r->argc; i++)
        free(r->argv[i]);
    free(r->argv);
    free(r->type);
}

static struct device_record *find_record(const struct system *s, uint16_t address)
{
    for (size_t i = 0; i < s->nrecords; i++)
        if (s->records[i].address == address)
            return &s->records[i];
    return NULL;
}

const struct device_record *system_record(const struct system *s, uint16_t address)
{
    return find_record(s, address);
}

static void set_record(struct system *s, uint16_t address, const char *type, int argc, char *const *argv)
{
    struct device_record *r = find_record(s, address);
    if (r)
        free_record(r);
    else
        r = ARRAY_PUSH(s->records, s->nrecords, s->records_cap);
    r->address = address;
    r->type = xstrdup(type);
    r->argc = argc;
    r->argv = copy_argv(argc, argv);
}

static void drop_record(struct system *s, uint16_t address)
{
    struct device_record *r = find_record(s, address);
    if (r) {
        free_record(r);
        *r = s->records[--s->nrecords];
    }
}

/* ---- devices ------------------------------------------------------------------------------------ */

/* A new device of the named type, opened with argv; NULL with a message in err. */
static struct device *open_device(uint16_t address, const char *type_name, int argc, char *const *argv, char *err,
                                  size_t errlen)
{
    const struct device_type *type = device_type_find(type_name);
    if (!type) {
        snprintf(err, errlen, "unknown device type");
        return NULL;
    }
    struct device *d = xcalloc(1, sizeof *d);
    d->type = type;
    d->address = address;
    snprintf(d->type_name, sizeof d->type_name, "%s", type_name);
    /* init takes char **: give it a copy it may keep or change */
    char **args = copy_argv(argc, argv);
    err[0] = '\0';
    bool ok = type->init(d, argc, args, err, errlen);
    for (int i = 0; i < argc; i++)
        free(args[i]);
    free(args);
    if (!ok) {
        if (!err[0])
            snprintf(err, errlen, "the device could not be initialised");
        free(d);
        return NULL;
    }
    return d;
}

static void close_device(struct device *d)
{
    if (d->type->close)
        d->type->close(d);
    free(d);
}

/* ---- the telnet server -------------------------------------------------------------------------- */

static void find_terminal(struct device *d, void *arg)
{
    bool *found = arg;
    *found = *found || telnet_server_serves(d);
}

/* Once the system runs, the server listens while any device needs it (Hercules: a 3270 or a 1052/3215
   console that is not integrated). */
static void start_telnet_if_needed(struct system *s)
{
    bool needed = false;
    if (s->started && !s->telnet)
        channel_each_device(s->cs, find_terminal, &needed);
    if (needed)
        s->telnet = telnet_server_start(s->cs, s->out, s->console_port, NULL);
}

bool system_terminal_client(struct system *s, uint16_t address, char *buf, size_t len)
{
    return telnet_server_client_address(s->telnet, address, buf, len);
}

/* ---- defining devices --------------------------------------------------------------------------- */

bool system_attach(struct system *s, uint16_t address, const char *type, int argc, char *const *argv, char *err,
                   size_t errlen)
{
    if (channel_device(s->cs, address)) {
        snprintf(err, errlen, "device %03X already exists", address);
        return false;
    }
    struct device *d = open_device(address, type, argc, argv, err, errlen);
    if (!d)
        return false;
    telnet_server_lock_devices(s->telnet);
    bool attached = channel_attach(s->cs, d);
    telnet_server_unlock_devices(s->telnet);
    if (!attached) {
        snprintf(err, errlen, "device %03X could not be attached", address);
        close_device(d);
        return false;
    }
    set_record(s, address, type, argc, argv);
    start_telnet_if_needed(s);
    return true;
}

bool system_detach(struct system *s, uint16_t address)
{
    telnet_server_lock_devices(s->telnet);
    telnet_server_device_removed(s->telnet, address);
    bool detached = channel_detach(s->cs, address);
    telnet_server_unlock_devices(s->telnet);
    if (!detached)
        return false;
    drop_record(s, address);
    return true;
}

/* Handlers with their own devinit, which keeps the device (and its channel state) and loads new
   arguments: the card reader takes a new deck.  (struct device_type has no such entry yet.) */
static const struct {
    const struct device_type *type;
    bool (*load)(struct device *d, int argc, char **argv, char *err, size_t errlen);
} loaders[] = {
    {&device_reader, reader_load},
};

static bool load_device(struct system *s, struct device *d, int argc, char **argv, char *err, size_t errlen)
{
    for (size_t i = 0; i < sizeof loaders / sizeof loaders[0]; i++)
        if (d->type == loaders[i].type)
            return loaders[i].load(d, argc, argv, err, errlen);
    /* any other: a new device opened with the arguments replaces the old one, which is closed only
       when the new one is ready, so that a failure leaves the old one as it was (a terminal's client
       goes with the old one) */
    struct device *fresh = open_device(d->address, d->type_name, argc, argv, err, errlen);
    if (!fresh)
        return false;
    telnet_server_lock_devices(s->telnet);
    telnet_server_device_removed(s->telnet, d->address);
    channel_detach(s->cs, d->address);
    channel_attach(s->cs, fresh); /* the slot was just freed */
    telnet_server_unlock_devices(s->telnet);
    device_status(fresh, UNIT_DEVICE_END);
    return true;
}

bool system_reinit(struct system *s, uint16_t address, int argc, char *const *argv, char *err, size_t errlen)
{
    struct device_record *old = find_record(s, address);
    struct device *d = channel_device(s->cs, address);
    if (!old || !d) {
        snprintf(err, errlen, "device %03X does not exist", address);
        return false;
    }
    int nargs = argc ? argc : old->argc;
    char **args = copy_argv(nargs, argc ? argv : old->argv);
    bool ok = load_device(s, d, nargs, args, err, errlen);
    if (ok) {
        char *type = xstrdup(old->type);
        set_record(s, address, type, nargs, args);
        free(type);
    }
    for (int i = 0; i < nargs; i++)
        free(args[i]);
    free(args);
    return ok;
}

/* ---- where devices report ------------------------------------------------------------------------ */

static void console_output(void *ctx, struct device *d, const char *line)
{
    (void)d;
    output_printf(ctx, "%s\n", line);
}

static void device_report(void *ctx, struct device *d, const char *text)
{
    output_printf(ctx, "S370I100 %04X %s: %s\n", d->address, d->type_name, text);
}

/* ---- building ----------------------------------------------------------------------------------- */

static bool build_devices(struct system *s, struct config *c)
{
    bool ok = true;
    for (size_t i = 0; i < c->ndevices; i++) {
        const struct device_definition *def = &c->devices[i];
        char err[256];
        if (!system_attach(s, def->address, def->type, def->argc, def->argv, err, sizeof err)) {
            config_message(c, "S370E101", def->where, "%04X %s: %s", def->address, def->type, err);
            ok = false;
        }
    }
    return ok;
}

struct system *system_build(struct config *c, struct output *out)
{
    struct machine_config mc = {
        .storage_size = c->storage_size,
        .ncpus = c->ncpus,
        .cpu_serial = c->cpu_serial,
        .cpu_model = c->cpu_model,
        .cpu_version = c->cpu_version,
    };
    struct machine *m = machine_create(&mc);
    if (!m) {
        config_message(c, "S370E100", NULL, "cannot create a machine of %u bytes with %d CPUs", c->storage_size,
                       c->ncpus);
        return NULL;
    }
    struct system *s = xcalloc(1, sizeof *s);
    s->m = m;
    s->out = out;
    s->cs = channel_create(m);
    struct io_host host = {.ctx = out, .console_output = console_output, .message = device_report};
    channel_set_host(s->cs, &host);
    if (!build_devices(s, c)) {
        system_destroy(s);
        return NULL;
    }
    s->symbols = c->symbols;
    memset(&c->symbols, 0, sizeof c->symbols);
    s->console_port = xstrdup(c->console_port);
    return s;
}

/* ---- the disabled-wait watcher ------------------------------------------------------------------ */

#define WATCH_INTERVAL_NS 5000000 /* 5 ms */

struct cpu *system_cpu(struct system *s)
{
    return machine_cpu(s->m, s->target_cpu);
}

/* A CPU is announced once per disabled wait: again only after it has run (its instruction count
   moved) or its PSW was changed.  Seeing the same state twice in a row keeps a PSW half-way through
   being loaded on another thread from being taken for a wait. */
static void check_cpu(struct system *s, int index)
{
    struct cpu *c = machine_cpu(s->m, index);
    struct wait_report *w = &s->waits[index];
    uint8_t psw[8];
    cpu_get_psw(c, psw);
    uint64_t count = cpu_instruction_count(c);
    bool same = count == w->instructions && memcmp(psw, w->psw, 8) == 0;
    bool waiting = cpu_in_disabled_wait(c);
    if (!same || !waiting) {
        w->reported = w->reported && same;
        w->instructions = count;
        memcpy(w->psw, psw, 8);
        return;
    }
    if (w->reported)
        return;
    w->reported = true;
    output_printf(s->out,
                  "HHCCP011I CPU%04X: Disabled wait state\n"
                  "          PSW=%02X%02X%02X%02X %02X%02X%02X%02X\n",
                  index, psw[0], psw[1], psw[2], psw[3], psw[4], psw[5], psw[6], psw[7]);
}

/* Every few milliseconds, each CPU. */
static void *watcher_main(void *arg)
{
    struct system *s = arg;
    struct timespec interval = {0, WATCH_INTERVAL_NS};
    while (!atomic_load(&s->stop_watching)) {
        for (int i = 0; i < machine_ncpus(s->m); i++)
            check_cpu(s, i);
        nanosleep(&interval, NULL);
    }
    return NULL;
}

void system_start(struct system *s)
{
    machine_start(s->m);
    atomic_store(&s->stop_watching, false);
    s->watching = pthread_create(&s->watcher, NULL, watcher_main, s) == 0;
    s->started = true;
    start_telnet_if_needed(s);
}

void system_destroy(struct system *s)
{
    if (!s)
        return;
    if (s->watching) {
        atomic_store(&s->stop_watching, true);
        pthread_join(s->watcher, NULL);
    }
    /* the server's thread stops before the devices go; devices may call its hooks until it is freed */
    telnet_server_stop(s->telnet);
    machine_halt(s->m);
    channel_destroy(s->cs);
    telnet_server_free(s->telnet);
    machine_destroy(s->m);
    free(s->console_port);
    for (size_t i = 0; i < s->nrecords; i++)
        free_record(&s->records[i]);
    free(s->records);
    symbols_free(&s->symbols);
    free(s);
}
