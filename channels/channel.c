/*
 * channel.c - the S/370 channel subsystem (see channel.h): the I/O instructions, channel programs,
 * I/O interruptions and IPL.  GA22-7000 chapter 13 ("Input/Output Operations") is the reference for
 * every condition code, CSW field and chaining rule below.
 *
 * A channel program runs as a series of device operations: one CCW, or a run of data-chained CCWs,
 * whose data the channel gathers from storage (output) or scatters into it (input) around one call of
 * the device's execute.  After each operation the channel decides, from the unit status, the
 * incorrect-length condition and the flags, whether to chain to the next CCW or to end and queue an
 * I/O interruption with the CSW.  Everything happens under the subsystem's lock, on the thread that
 * started the program or completed a deferred operation.
 */
#include "channels/channel.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/ebcdic.h"
#include "common/util.h"

/* CCW flags (format 0, byte 4). */
enum {
    CCW_CD = 0x80,
    CCW_CC = 0x40,
    CCW_SLI = 0x20,
    CCW_SKIP = 0x10,
    CCW_PCI = 0x08,
    CCW_IDA = 0x04,
    CCW_FLAGS_RESERVED = 0x03,
};

enum {
    LOC_CSW = 0x40,
    LOC_CAW = 0x48,
    LOC_CHANNEL_ID = 0xA8,
    LOC_IO_ADDRESS = 0xBA,
    MAX_OPERATION_BYTES = 1u << 24, /* a data-chained operation cannot move more than storage holds */
    IDAW_BLOCK = 2048,
};

/* One CCW of the current device operation (several when data chained). */
struct segment {
    uint32_t ccw;     /* address of the CCW */
    uint32_t address; /* its data address (IDAW list address when IDA) */
    uint32_t count;
    uint8_t flags;
};

enum subchannel_state {
    SC_IDLE,
    SC_DEFERRED,    /* the device completes the operation later (device_complete) */
    SC_DEVICE_END,  /* channel end presented; device end to come (device_status) */
};

struct subchannel {
    struct device *device;
    enum subchannel_state state;
    /* the channel program */
    bool active;
    uint8_t key;
    bool chain_after_device_end; /* command chaining waits for the device end of a motion command */
    uint32_t next_ccw;
    struct segment *segments;
    size_t nsegments, segments_cap;
    uint8_t command;
    uint8_t *buffer;
    size_t buffer_cap;
    struct io_request request;
    bool chained;
    uint8_t previous;
    /* a pending interruption: its CSW, in the queue in arrival order */
    bool pending;
    uint8_t csw[8];
    struct subchannel *next_pending;
    bool ccw_trace; /* t+devn: report every operation and status */
};

struct timer_event {
    struct timespec when;
    struct device *device;
    void (*fn)(struct device *d, void *arg);
    void *arg;
};

struct channel_subsystem {
    struct machine *m;
    pthread_mutex_t lock; /* recursive: a handler may report status while the channel calls it */
    struct subchannel *subchannels[4096];
    struct subchannel *pending_first, *pending_last;
    struct io_host host;
    _Atomic uint64_t sio_count;
    /* the timer thread for device_after */
    pthread_t timer_thread;
    bool timer_running, timer_stop;
    pthread_cond_t timer_wake;
    struct device *in_callback;  /* the device whose device_after callback runs now (lock released) */
    pthread_cond_t callback_done;
    struct timer_event *events;
    size_t nevents, events_cap;
};

static const struct io_ops channel_io_ops;

/* ---- storage as the channel sees it: absolute addresses, the CAW key, no prefixing or DAT -------- */

/* Check a piece of storage [address, address+length) within one 2K block for the program's key, and
   note reference (and change) bits.  Returns the channel status of a failure, or 0. */
static uint8_t storage_check(struct channel_subsystem *cs, uint8_t key, uint32_t address, uint32_t length, bool store)
{
    struct machine *m = cs->m;
    if (address >= machine_storage_size(m) || length > machine_storage_size(m) - address)
        return CHAN_PROGRAM_CHECK;
    uint8_t k = machine_storage_key(m, address);
    if (key != 0 && (k >> 4) != key && (store || (k & 0x08)))
        return CHAN_PROTECTION_CHECK;
    machine_set_storage_key(m, address, k | 0x04 | (store ? 0x02 : 0));
    return 0;
}

static uint32_t block_room(uint32_t address)
{
    return IDAW_BLOCK - (address & (IDAW_BLOCK - 1));
}

/* Walk the storage a segment designates, piece by piece within 2K blocks (following IDAWs), calling
   fn(piece address, length, offset in the segment).  Returns a channel status on failure. */
typedef uint8_t piece_fn(struct channel_subsystem *cs, uint32_t address, uint32_t length, uint32_t offset, void *arg);

static uint8_t idaw_at(struct channel_subsystem *cs, uint8_t key, uint32_t idaw_address, uint32_t *out)
{
    uint8_t status = storage_check(cs, key, idaw_address, 4, false);
    if (status)
        return status;
    const uint8_t *p = machine_storage(cs->m) + idaw_address;
    uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    if (v & 0xFF000000) /* bits 0-7 of an IDAW must be zero */
        return CHAN_PROGRAM_CHECK;
    *out = v;
    return 0;
}

static uint8_t segment_walk(struct channel_subsystem *cs, uint8_t key, const struct segment *seg, uint32_t length,
                            piece_fn *fn, void *arg)
{
    uint32_t offset = 0, address = seg->address, idaw_address = seg->address;
    if (seg->flags & CCW_IDA) {
        if (idaw_address & 3)
            return CHAN_PROGRAM_CHECK;
        uint8_t status = idaw_at(cs, key, idaw_address, &address);
        if (status)
            return status;
    }
    while (offset < length) {
        uint32_t n = block_room(address);
        if (n > length - offset)
            n = length - offset;
        uint8_t status = fn(cs, address, n, offset, arg);
        if (status)
            return status;
        offset += n;
        address = (address + n) & 0xFFFFFF;
        if (offset < length && (seg->flags & CCW_IDA)) {
            idaw_address += 4;
            status = idaw_at(cs, key, idaw_address, &address);
            if (status)
                return status;
            if (address & (IDAW_BLOCK - 1)) /* IDAWs after the first designate 2K boundaries */
                return CHAN_PROGRAM_CHECK;
        }
    }
    return 0;
}

struct transfer {
    uint8_t key;
    uint8_t *data; /* the operation's buffer at the segment's start */
};

static uint8_t gather_piece(struct channel_subsystem *cs, uint32_t address, uint32_t length, uint32_t offset, void *arg)
{
    struct transfer *t = arg;
    uint8_t status = storage_check(cs, t->key, address, length, false);
    if (!status)
        memcpy(t->data + offset, machine_storage(cs->m) + address, length);
    return status;
}

static uint8_t scatter_piece(struct channel_subsystem *cs, uint32_t address, uint32_t length, uint32_t offset, void *arg)
{
    struct transfer *t = arg;
    uint8_t status = storage_check(cs, t->key, address, length, true);
    if (!status) {
        memcpy(machine_storage(cs->m) + address, t->data + offset, length);
        machine_storage_changed(cs->m, address, length);
    }
    return status;
}

/* Read backward stores the bytes in descending addresses from the data address (GA22-7000 "Read
   Backward"); without IDAWs, one byte at a time keeps it simple and exact. */
static uint8_t scatter_backward(struct channel_subsystem *cs, uint8_t key, const struct segment *seg,
                                const uint8_t *data, uint32_t length)
{
    if (seg->flags & CCW_IDA)
        return CHAN_PROGRAM_CHECK; /* not supported with read backward: refused, never stored wrong */
    for (uint32_t i = 0; i < length; i++) {
        uint32_t address = (seg->address - i) & 0xFFFFFF;
        uint8_t status = storage_check(cs, key, address, 1, true);
        if (status)
            return status;
        machine_storage(cs->m)[address] = data[i];
        machine_storage_changed(cs->m, address, 1);
    }
    return 0;
}

/* ---- interruptions ------------------------------------------------------------------------------ */

static void put_csw(uint8_t *csw, uint8_t key, uint32_t ccw_address, uint8_t unit, uint8_t channel, uint16_t count)
{
    csw[0] = (uint8_t)(key << 4);
    csw[1] = (uint8_t)(ccw_address >> 16);
    csw[2] = (uint8_t)(ccw_address >> 8);
    csw[3] = (uint8_t)ccw_address;
    csw[4] = unit;
    csw[5] = channel;
    csw[6] = (uint8_t)(count >> 8);
    csw[7] = (uint8_t)count;
}

/* Queue an interruption; status already pending for the device is merged (its status bits ORed: a
   device end joining a channel end not yet taken). */
static void queue_interrupt(struct channel_subsystem *cs, struct subchannel *sc, const uint8_t csw[8])
{
    if (sc->pending) {
        sc->csw[4] |= csw[4];
        sc->csw[5] |= csw[5];
        if (csw[1] | csw[2] | csw[3]) {
            memcpy(sc->csw + 1, csw + 1, 3);
            memcpy(sc->csw + 6, csw + 6, 2);
        }
        return;
    }
    memcpy(sc->csw, csw, 8);
    sc->pending = true;
    sc->next_pending = NULL;
    if (cs->pending_last)
        cs->pending_last->next_pending = sc;
    else
        cs->pending_first = sc;
    cs->pending_last = sc;
    machine_signal_io(cs->m, true);
}

static void unqueue_interrupt(struct channel_subsystem *cs, struct subchannel *sc)
{
    struct subchannel **p = &cs->pending_first, *prev = NULL;
    while (*p && *p != sc) {
        prev = *p;
        p = &(*p)->next_pending;
    }
    if (*p) {
        *p = sc->next_pending;
        if (cs->pending_last == sc)
            cs->pending_last = prev;
    }
    sc->pending = false;
    if (!cs->pending_first)
        machine_signal_io(cs->m, false);
}

static unsigned channel_of(uint16_t address)
{
    return (address >> 8) & 0x0F;
}

static struct subchannel *find(struct channel_subsystem *cs, uint16_t address)
{
    return address < 4096 ? cs->subchannels[address] : NULL;
}

static bool take_pending(void *ctx, struct cpu *c, uint16_t channel_mask, uint16_t *device, uint8_t csw[8])
{
    (void)c;
    struct channel_subsystem *cs = ctx;
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = cs->pending_first;
    while (sc && !(channel_mask & (0x8000 >> channel_of(sc->device->address))))
        sc = sc->next_pending;
    if (sc) {
        *device = sc->device->address;
        memcpy(csw, sc->csw, 8);
        unqueue_interrupt(cs, sc);
    }
    pthread_mutex_unlock(&cs->lock);
    return sc != NULL;
}

/* ---- channel programs --------------------------------------------------------------------------- */

static uint32_t be24(const uint8_t *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* ---- CCW trace ---------------------------------------------------------------------------------- */

#define TRACE_DATA_BYTES 16

static void trace_report(struct channel_subsystem *cs, struct subchannel *sc, const char *text)
{
    if (cs->host.message)
        cs->host.message(cs->host.ctx, sc->device, text);
    else
        fprintf(stderr, "%03X: %s\n", sc->device->address, text);
}

/* "CCW=01001000 20000005=>C8C5D3D3 D6  HELLO": the operation's first CCW, then up to 16 bytes it
   moved, in hex (words) and as text (EBCDIC, dots for what does not print). */
static void trace_operation(struct channel_subsystem *cs, struct subchannel *sc, uint32_t transferred)
{
    const struct segment *seg = &sc->segments[0];
    char line[160];
    int n = snprintf(line, sizeof line, "CCW=%02X%06X %02X00%04X", sc->command, seg->address, seg->flags,
                     seg->count);
    uint32_t shown = transferred < TRACE_DATA_BYTES ? transferred : TRACE_DATA_BYTES;
    if (shown) {
        n += snprintf(line + n, sizeof line - (size_t)n, "=>");
        for (uint32_t i = 0; i < shown; i++)
            n += snprintf(line + n, sizeof line - (size_t)n, "%s%02X", i && i % 4 == 0 ? " " : "", sc->buffer[i]);
        n += snprintf(line + n, sizeof line - (size_t)n, "  ");
        for (uint32_t i = 0; i < shown; i++) {
            unsigned char ch = ebcdic_to_latin1[sc->buffer[i]];
            line[n++] = ch >= 0x20 && ch < 0x7F ? (char)ch : '.';
        }
        line[n] = '\0';
    }
    trace_report(cs, sc, line);
}

static void trace_status(struct channel_subsystem *cs, struct subchannel *sc, const uint8_t csw[8])
{
    char line[48];
    snprintf(line, sizeof line, "Stat=%02X%02X Count=%02X%02X", csw[4], csw[5], csw[6], csw[7]);
    trace_report(cs, sc, line);
}

bool channel_set_ccw_trace(struct channel_subsystem *cs, uint16_t address, bool on)
{
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = find(cs, address);
    if (sc)
        sc->ccw_trace = on;
    pthread_mutex_unlock(&cs->lock);
    return sc != NULL;
}

bool channel_ccw_trace(struct channel_subsystem *cs, uint16_t address)
{
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = find(cs, address);
    bool on = sc && sc->ccw_trace;
    pthread_mutex_unlock(&cs->lock);
    return on;
}

/* End the channel program: queue the interruption with this CSW. */
static void end_program(struct channel_subsystem *cs, struct subchannel *sc, uint32_t ccw_next, uint8_t unit,
                        uint8_t channel, uint16_t count)
{
    uint8_t csw[8];
    put_csw(csw, sc->key, ccw_next, unit, channel, count);
    sc->active = false;
    sc->state = SC_IDLE;
    if (sc->ccw_trace)
        trace_status(cs, sc, csw);
    queue_interrupt(cs, sc, csw);
}

/* Fetch and check the CCW at address.  Returns a channel status (program or protection check). */
static uint8_t fetch_ccw(struct channel_subsystem *cs, struct subchannel *sc, uint32_t address, uint8_t ccw[8])
{
    if (address & 7)
        return CHAN_PROGRAM_CHECK;
    uint8_t status = storage_check(cs, sc->key, address, 8, false);
    if (!status)
        memcpy(ccw, machine_storage(cs->m) + address, 8);
    return status;
}

/*
 * Collect the CCWs of the next device operation starting at sc->next_ccw: the first, and while data
 * chaining, the following ones (through TICs).  Returns a channel status on error, with *bad_ccw the
 * address to report.
 */
static uint8_t collect_operation(struct channel_subsystem *cs, struct subchannel *sc, uint32_t *bad_ccw)
{
    uint32_t address = sc->next_ccw;
    bool first = true, after_tic = false;
    sc->nsegments = 0;
    for (;;) {
        uint8_t ccw[8];
        *bad_ccw = address;
        uint8_t status = fetch_ccw(cs, sc, address, ccw);
        if (status)
            return status;
        if (ccw_kind_of(ccw[0]) == CCW_TIC) {
            /* a TIC may not be the first CCW of a program nor follow another TIC */
            if (after_tic || (first && !sc->chained))
                return CHAN_PROGRAM_CHECK;
            address = be24(ccw + 1);
            after_tic = true;
            continue;
        }
        after_tic = false;
        uint16_t count = (uint16_t)(ccw[6] << 8 | ccw[7]);
        if ((ccw[4] & CCW_FLAGS_RESERVED) || count == 0 || (first && ccw_kind_of(ccw[0]) == CCW_INVALID))
            return CHAN_PROGRAM_CHECK;
        if (first)
            sc->command = ccw[0];
        struct segment *seg = ARRAY_PUSH(sc->segments, sc->nsegments, sc->segments_cap);
        seg->ccw = address;
        seg->address = be24(ccw + 1);
        seg->count = count;
        seg->flags = ccw[4];
        first = false;
        if (!(ccw[4] & CCW_CD))
            return 0;
        address = (address + 8) & 0xFFFFFF;
    }
}

static uint32_t operation_count(const struct subchannel *sc)
{
    uint32_t total = 0;
    for (size_t i = 0; i < sc->nsegments; i++)
        total += sc->segments[i].count;
    return total;
}

static bool is_input(uint8_t command)
{
    enum ccw_kind k = ccw_kind_of(command);
    return k == CCW_READ || k == CCW_SENSE || k == CCW_READ_BACKWARD;
}

/* Output: gather the data of every segment into the buffer.  Returns a channel status. */
static uint8_t gather(struct channel_subsystem *cs, struct subchannel *sc)
{
    uint32_t offset = 0;
    for (size_t i = 0; i < sc->nsegments; i++) {
        struct transfer t = {sc->key, sc->buffer + offset};
        uint8_t status = segment_walk(cs, sc->key, &sc->segments[i], sc->segments[i].count, gather_piece, &t);
        if (status)
            return status;
        offset += sc->segments[i].count;
    }
    return 0;
}

/* Input: scatter the transferred bytes over the segments (SKIP segments store nothing). */
static uint8_t scatter(struct channel_subsystem *cs, struct subchannel *sc, uint32_t transferred)
{
    uint32_t offset = 0;
    bool backward = ccw_kind_of(sc->command) == CCW_READ_BACKWARD;
    for (size_t i = 0; i < sc->nsegments && offset < transferred; i++) {
        const struct segment *seg = &sc->segments[i];
        uint32_t n = seg->count < transferred - offset ? seg->count : transferred - offset;
        uint8_t status = 0;
        if (!(seg->flags & CCW_SKIP)) {
            struct transfer t = {sc->key, sc->buffer + offset};
            status = backward ? scatter_backward(cs, sc->key, seg, sc->buffer + offset, n)
                              : segment_walk(cs, sc->key, seg, n, scatter_piece, &t);
        }
        if (status)
            return status;
        offset += n;
    }
    return 0;
}

/* The CCW in which a transfer of `transferred` bytes ended, and its residual count. */
static const struct segment *ending_segment(const struct subchannel *sc, uint32_t transferred, uint16_t *residual)
{
    uint32_t before = 0;
    for (size_t i = 0; i < sc->nsegments; i++) {
        const struct segment *seg = &sc->segments[i];
        if (transferred < before + seg->count || i + 1 == sc->nsegments) {
            uint32_t used = transferred - before;
            *residual = (uint16_t)(seg->count > used ? seg->count - used : 0);
            return seg;
        }
        before += seg->count;
    }
    *residual = 0;
    return NULL;
}

/*
 * The current operation has ended with sc->request's results: store input, work out the CSW
 * conditions, then end the program (queueing the interruption) or set up command chaining.  Returns
 * true when the next operation can start now.
 */
static bool finish_operation(struct channel_subsystem *cs, struct subchannel *sc)
{
    struct io_request *r = &sc->request;
    uint32_t total = r->count;
    uint32_t transferred = r->residual <= total ? total - r->residual : 0;
    uint8_t channel = 0;
    if (is_input(sc->command))
        channel |= scatter(cs, sc, transferred);
    if (sc->ccw_trace)
        trace_operation(cs, sc, transferred);
    uint16_t residual;
    const struct segment *seg = ending_segment(sc, transferred, &residual);
    const struct segment *last = &sc->segments[sc->nsegments - 1];
    /* an immediate operation (a control command the device ends without taking data) never shows
       incorrect length, and chains normally (GA22-7000 "Immediate Operations") */
    bool immediate = ccw_kind_of(sc->command) == CCW_CONTROL && r->residual == total && !r->longer;
    bool wrong_length = !immediate && (r->residual > 0 || r->longer);
    bool sli = (r->residual > 0 ? seg : last)->flags & CCW_SLI;
    if (wrong_length && !sli)
        channel |= CHAN_INCORRECT_LENGTH;
    for (size_t i = 0; i < sc->nsegments; i++)
        if (sc->segments[i].flags & CCW_PCI) {
            uint8_t csw[8];
            put_csw(csw, sc->key, sc->segments[i].ccw + 8, 0, CHAN_PCI, 0);
            queue_interrupt(cs, sc, csw); /* an intermediate interruption; the final status merges */
        }
    uint8_t unit = r->status;
    bool chaining = (last->flags & CCW_CC) && !channel && !(unit & (UNIT_CHECK | UNIT_EXCEPTION)) &&
                    (unit & UNIT_CHANNEL_END);
    if (!chaining) {
        end_program(cs, sc, seg->ccw + 8, unit, channel, residual);
        if ((unit & UNIT_CHANNEL_END) && !(unit & UNIT_DEVICE_END))
            sc->state = SC_DEVICE_END; /* the device end comes later, as its own interruption */
        return false;
    }
    /* command chaining; the status modifier skips the next CCW (a successful search) */
    sc->next_ccw = (last->ccw + ((unit & UNIT_STATUS_MODIFIER) ? 16 : 8)) & 0xFFFFFF;
    sc->previous = sc->command;
    sc->chained = true;
    if (!(unit & UNIT_DEVICE_END)) {
        sc->state = SC_DEVICE_END;
        sc->chain_after_device_end = true; /* chain on when the device end arrives */
        return false;
    }
    return true;
}

/* One device operation from sc->next_ccw: collect its CCWs, gather output, call the device.  Returns
   true when command chaining goes on at once. */
static bool one_operation(struct channel_subsystem *cs, struct subchannel *sc)
{
    uint32_t bad;
    uint8_t status = collect_operation(cs, sc, &bad);
    if (status) {
        /* when command chaining, the previous operation's channel end and device end go with it */
        end_program(cs, sc, bad + 8, sc->chained ? UNIT_CHANNEL_END | UNIT_DEVICE_END : 0, status, 0);
        return false;
    }
    uint32_t total = operation_count(sc);
    if (total > sc->buffer_cap) {
        sc->buffer = xrealloc(sc->buffer, total);
        sc->buffer_cap = total;
    }
    memset(&sc->request, 0, sizeof sc->request);
    sc->request.command = sc->command;
    sc->request.chained = sc->chained;
    sc->request.previous = sc->previous;
    sc->request.data = sc->buffer;
    sc->request.count = total;
    if (is_input(sc->command)) {
        memset(sc->buffer, 0, total);
    } else if ((status = gather(cs, sc)) != 0) {
        end_program(cs, sc, sc->segments[0].ccw + 8, 0, status, (uint16_t)sc->segments[0].count);
        return false;
    }
    sc->device->type->execute(sc->device, &sc->request);
    if (sc->request.deferred) {
        sc->state = SC_DEFERRED;
        return false;
    }
    return finish_operation(cs, sc);
}

static void after_locked(struct channel_subsystem *cs, struct device *d, uint32_t delay_us,
                         void (*fn)(struct device *d, void *arg), void *arg);

/* How many operations run at once before the rest of a program yields: a channel program that loops
   (TIC back to itself) must never hold the CPU that started it. */
#define OPERATIONS_PER_BURST 4096

static void continue_program(struct device *d, void *arg);

/* Run the program from sc->next_ccw until it ends, waits for its device, or has run a burst. */
static void run_program(struct channel_subsystem *cs, struct subchannel *sc)
{
    for (int n = 0; n < OPERATIONS_PER_BURST; n++)
        if (!one_operation(cs, sc))
            return;
    after_locked(cs, sc->device, 0, continue_program, NULL);
}

static void continue_program(struct device *d, void *arg)
{
    (void)arg;
    struct channel_subsystem *cs = d->cs;
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = d->channel;
    if (sc->active && sc->state == SC_IDLE)
        run_program(cs, sc);
    pthread_mutex_unlock(&cs->lock);
}

/* ---- what devices call -------------------------------------------------------------------------- */

void device_complete(struct device *d, struct io_request *r)
{
    struct channel_subsystem *cs = d->cs;
    if (!cs)
        return;
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = d->channel;
    if (sc->state == SC_DEFERRED && r == &sc->request) {
        sc->state = SC_IDLE;
        r->deferred = false;
        if (finish_operation(cs, sc))
            run_program(cs, sc);
    }
    pthread_mutex_unlock(&cs->lock);
}

void device_status(struct device *d, uint8_t unit_status)
{
    struct channel_subsystem *cs = d->cs;
    if (!cs)
        return;
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = d->channel;
    if (sc->state == SC_DEVICE_END && (unit_status & UNIT_DEVICE_END)) {
        sc->state = SC_IDLE;
        if (sc->chain_after_device_end) {
            sc->chain_after_device_end = false;
            if (unit_status & (UNIT_CHECK | UNIT_EXCEPTION))
                end_program(cs, sc, sc->next_ccw, unit_status, 0, 0);
            else
                run_program(cs, sc);
            pthread_mutex_unlock(&cs->lock);
            return;
        }
    }
    uint8_t csw[8];
    put_csw(csw, 0, 0, unit_status, 0, 0);
    if (sc->ccw_trace)
        trace_status(cs, sc, csw);
    queue_interrupt(cs, sc, csw);
    pthread_mutex_unlock(&cs->lock);
}

/* ---- the timer thread --------------------------------------------------------------------------- */

static bool before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void *timer_main(void *arg)
{
    struct channel_subsystem *cs = arg;
    pthread_mutex_lock(&cs->lock);
    while (!cs->timer_stop) {
        if (cs->nevents == 0) {
            pthread_cond_wait(&cs->timer_wake, &cs->lock);
            continue;
        }
        size_t first = 0;
        for (size_t i = 1; i < cs->nevents; i++)
            if (before(&cs->events[i].when, &cs->events[first].when))
                first = i;
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        if (before(&now, &cs->events[first].when)) {
            pthread_cond_timedwait(&cs->timer_wake, &cs->lock, &cs->events[first].when);
            continue;
        }
        struct timer_event e = cs->events[first];
        cs->events[first] = cs->events[--cs->nevents];
        cs->in_callback = e.device; /* detaching it waits until the callback is over */
        pthread_mutex_unlock(&cs->lock);
        e.fn(e.device, e.arg);
        pthread_mutex_lock(&cs->lock);
        cs->in_callback = NULL;
        pthread_cond_broadcast(&cs->callback_done);
    }
    pthread_mutex_unlock(&cs->lock);
    return NULL;
}

static void after_locked(struct channel_subsystem *cs, struct device *d, uint32_t delay_us,
                         void (*fn)(struct device *d, void *arg), void *arg)
{
    if (!cs->timer_running) {
        cs->timer_stop = false;
        if (pthread_create(&cs->timer_thread, NULL, timer_main, cs) != 0)
            return;
        cs->timer_running = true;
    }
    struct timer_event *e = ARRAY_PUSH(cs->events, cs->nevents, cs->events_cap);
    clock_gettime(CLOCK_REALTIME, &e->when);
    uint64_t ns = (uint64_t)e->when.tv_nsec + (uint64_t)delay_us * 1000;
    e->when.tv_sec += (time_t)(ns / 1000000000);
    e->when.tv_nsec = (long)(ns % 1000000000);
    e->device = d;
    e->fn = fn;
    e->arg = arg;
    pthread_cond_signal(&cs->timer_wake);
}

void device_after(struct device *d, uint32_t delay_us, void (*fn)(struct device *d, void *arg), void *arg)
{
    struct channel_subsystem *cs = d->cs;
    if (!cs)
        return;
    pthread_mutex_lock(&cs->lock);
    after_locked(cs, d, delay_us, fn, arg);
    pthread_mutex_unlock(&cs->lock);
}

static void drop_events_of(struct channel_subsystem *cs, struct device *d)
{
    for (size_t i = 0; i < cs->nevents;)
        if (cs->events[i].device == d)
            cs->events[i] = cs->events[--cs->nevents];
        else
            i++;
}

/* ---- host output -------------------------------------------------------------------------------- */

void device_console_output(struct device *d, const char *line)
{
    struct channel_subsystem *cs = d->cs;
    if (cs && cs->host.console_output)
        cs->host.console_output(cs->host.ctx, d, line);
    else
        printf("%s\n", line);
}

void device_message(struct device *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = xvasprintf(fmt, ap);
    va_end(ap);
    struct channel_subsystem *cs = d->cs;
    if (cs && cs->host.message)
        cs->host.message(cs->host.ctx, d, text);
    else
        fprintf(stderr, "%03X: %s\n", d->address, text);
    free(text);
}

void channel_device_activity(struct channel_subsystem *cs, uint16_t address, bool *busy, bool *pending)
{
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = find(cs, address);
    *busy = sc && (sc->active || sc->state != SC_IDLE);
    *pending = sc && sc->pending;
    pthread_mutex_unlock(&cs->lock);
}

uint64_t channel_sio_count(const struct channel_subsystem *cs)
{
    return atomic_load(&cs->sio_count);
}

void channel_set_host(struct channel_subsystem *cs, const struct io_host *host)
{
    pthread_mutex_lock(&cs->lock);
    cs->host = *host;
    pthread_mutex_unlock(&cs->lock);
}

/* ---- the I/O instructions ----------------------------------------------------------------------- */

/* Store the pending status as the CSW (the interruption is cleared); cc 1. */
static int store_pending(struct channel_subsystem *cs, struct subchannel *sc, struct cpu *c, uint8_t extra_unit)
{
    uint8_t csw[8];
    memcpy(csw, sc->csw, 8);
    csw[4] |= extra_unit;
    unqueue_interrupt(cs, sc);
    cpu_store_csw(c, csw);
    return 1;
}

/* A device that is moving (channel end given, device end to come) answers busy. */
static int store_busy(struct cpu *c)
{
    uint8_t csw[8];
    put_csw(csw, 0, 0, UNIT_BUSY, 0, 0);
    cpu_store_csw(c, csw);
    return 1;
}

static bool read_caw(struct channel_subsystem *cs, struct cpu *c, uint8_t *key, uint32_t *address)
{
    const uint8_t *caw = machine_storage(cs->m) + cpu_prefix(c) + LOC_CAW;
    *key = caw[0] >> 4;
    *address = be24(caw + 1);
    return (caw[0] & 0x0F) == 0 && (*address & 7) == 0;
}

/*
 * START I/O and START I/O FAST RELEASE: cc 0 started; cc 1 CSW stored (pending status, the device
 * busy, or, for SIO, a program check on the CAW or the first CCW); cc 2 the subchannel is working;
 * cc 3 not operational.  SIOF reports an initial program check by an interruption instead.
 */
static int start_io(struct channel_subsystem *cs, struct cpu *c, struct subchannel *sc, bool fast)
{
    if (sc->active)
        return 2;
    if (sc->pending)
        return store_pending(cs, sc, c, UNIT_BUSY);
    if (sc->state == SC_DEVICE_END)
        return store_busy(c);
    uint8_t key;
    uint32_t address;
    bool caw_ok = read_caw(cs, c, &key, &address);
    sc->key = key;
    sc->next_ccw = address;
    sc->chained = false;
    sc->previous = 0;
    sc->active = false;
    if (!caw_ok) {
        end_program(cs, sc, address, 0, CHAN_PROGRAM_CHECK, 0);
    } else {
        sc->active = true;
        run_program(cs, sc);
    }
    /* The program ended at initial selection: a program or protection check before the device was
       reached, or the device presenting status without channel end (unit check alone when not
       ready).  SIO stores the CSW at once (cc 1); SIOF leaves it as an interruption. */
    bool channel_check = sc->csw[4] == 0 && (sc->csw[5] & (CHAN_PROGRAM_CHECK | CHAN_PROTECTION_CHECK));
    bool device_status_only = sc->csw[4] != 0 && !(sc->csw[4] & UNIT_CHANNEL_END);
    if (!fast && sc->pending && !sc->chained && (channel_check || device_status_only))
        return store_pending(cs, sc, c, 0);
    return 0;
}

/* HALT I/O / HALT DEVICE / CLEAR I/O on a working device: stop it and end its program now, the CSW
   stored (cc 1). */
static int halt_working(struct channel_subsystem *cs, struct cpu *c, struct subchannel *sc)
{
    if (sc->device->type->halt)
        sc->device->type->halt(sc->device);
    drop_events_of(cs, sc->device);
    sc->chain_after_device_end = false;
    end_program(cs, sc, sc->next_ccw, UNIT_CHANNEL_END | UNIT_DEVICE_END, 0, 0);
    return store_pending(cs, sc, c, 0);
}

static bool channel_installed(struct channel_subsystem *cs, unsigned channel)
{
    for (unsigned d = 0; d < 256; d++)
        if (cs->subchannels[channel << 8 | d])
            return true;
    return false;
}

/* TEST CHANNEL: cc 1 when an interruption is pending for a device on the channel, else 0 (the
   block-multiplexor channels are never busy as a whole); 3 when the channel has no devices. */
static int test_channel(struct channel_subsystem *cs, unsigned channel)
{
    if (!channel_installed(cs, channel))
        return 3;
    for (struct subchannel *sc = cs->pending_first; sc; sc = sc->next_pending)
        if (channel_of(sc->device->address) == channel)
            return 1;
    return 0;
}

/* STORE CHANNEL ID at X'A8': bits 0-3 the channel type, 0001 byte multiplexor (channel 0), 0010
   block multiplexor (the others). */
static int store_channel_id(struct channel_subsystem *cs, struct cpu *c, unsigned channel)
{
    if (!channel_installed(cs, channel))
        return 3;
    uint32_t address = cpu_prefix(c) + LOC_CHANNEL_ID;
    uint8_t *p = machine_storage(cs->m) + address;
    p[0] = channel == 0 ? 0x10 : 0x20;
    p[1] = p[2] = p[3] = 0;
    machine_storage_changed(cs->m, address, 4);
    return 0;
}

/* CLEAR CHANNEL: every device on the channel is reset; its programs and pending status are dropped. */
static int clear_channel(struct channel_subsystem *cs, unsigned channel)
{
    if (!channel_installed(cs, channel))
        return 3;
    for (unsigned d = 0; d < 256; d++) {
        struct subchannel *sc = cs->subchannels[channel << 8 | d];
        if (!sc)
            continue;
        if (sc->active && sc->device->type->halt)
            sc->device->type->halt(sc->device);
        drop_events_of(cs, sc->device);
        if (sc->pending)
            unqueue_interrupt(cs, sc);
        sc->active = false;
        sc->state = SC_IDLE;
    }
    return 0;
}

static int device_instruction(struct channel_subsystem *cs, struct cpu *c, enum io_instruction op,
                              struct subchannel *sc)
{
    switch (op) {
    case IO_SIO:
    case IO_SIOF:
        atomic_fetch_add(&cs->sio_count, 1);
        return start_io(cs, c, sc, op == IO_SIOF);
    case IO_TIO:
        if (sc->active)
            return 2;
        if (sc->pending)
            return store_pending(cs, sc, c, 0);
        return sc->state == SC_DEVICE_END ? store_busy(c) : 0;
    case IO_HIO:
    case IO_HDV:
        return sc->active ? halt_working(cs, c, sc) : 0;
    case IO_CLRIO:
        if (sc->pending)
            return store_pending(cs, sc, c, 0);
        return sc->active ? halt_working(cs, c, sc) : 0;
    default: /* RIO: no suspended programs on this machine */
        return 3;
    }
}

static int io_instruction(void *ctx, struct cpu *c, enum io_instruction op, uint16_t address)
{
    struct channel_subsystem *cs = ctx;
    unsigned channel = channel_of(address);
    pthread_mutex_lock(&cs->lock);
    int cc;
    if (op == IO_TCH)
        cc = test_channel(cs, channel);
    else if (op == IO_STIDC)
        cc = store_channel_id(cs, c, channel);
    else if (op == IO_CLRCH)
        cc = clear_channel(cs, channel);
    else {
        struct subchannel *sc = find(cs, address & 0x0FFF);
        cc = sc ? device_instruction(cs, c, op, sc) : 3;
    }
    pthread_mutex_unlock(&cs->lock);
    return cc;
}

/* ---- reset, attach, detach ---------------------------------------------------------------------- */

static void reset_subchannel(struct channel_subsystem *cs, struct subchannel *sc)
{
    drop_events_of(cs, sc->device);
    if (sc->pending)
        unqueue_interrupt(cs, sc);
    sc->active = false;
    sc->state = SC_IDLE;
    sc->chain_after_device_end = false;
    if (sc->device->type->reset)
        sc->device->type->reset(sc->device);
}

void channel_reset(struct channel_subsystem *cs)
{
    pthread_mutex_lock(&cs->lock);
    for (unsigned a = 0; a < 4096; a++)
        if (cs->subchannels[a])
            reset_subchannel(cs, cs->subchannels[a]);
    pthread_mutex_unlock(&cs->lock);
}

static void io_reset(void *ctx)
{
    channel_reset(ctx);
}

static const struct io_ops channel_io_ops = {
    .instruction = io_instruction,
    .pending_io = take_pending,
    .reset = io_reset,
};

bool channel_attach(struct channel_subsystem *cs, struct device *d)
{
    if (d->address >= 4096)
        return false;
    pthread_mutex_lock(&cs->lock);
    bool free_slot = cs->subchannels[d->address] == NULL;
    if (free_slot) {
        struct subchannel *sc = xcalloc(1, sizeof *sc);
        sc->device = d;
        d->cs = cs;
        d->channel = sc;
        cs->subchannels[d->address] = sc;
    }
    pthread_mutex_unlock(&cs->lock);
    return free_slot;
}

static void free_subchannel(struct channel_subsystem *cs, struct subchannel *sc)
{
    struct device *d = sc->device;
    while (cs->in_callback == d && !pthread_equal(pthread_self(), cs->timer_thread))
        pthread_cond_wait(&cs->callback_done, &cs->lock);
    reset_subchannel(cs, sc);
    cs->subchannels[d->address] = NULL;
    if (d->type->close)
        d->type->close(d);
    free(sc->segments);
    free(sc->buffer);
    free(sc);
    free(d);
}

bool channel_detach(struct channel_subsystem *cs, uint16_t address)
{
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = find(cs, address);
    if (sc)
        free_subchannel(cs, sc);
    pthread_mutex_unlock(&cs->lock);
    return sc != NULL;
}

struct device *channel_device(struct channel_subsystem *cs, uint16_t address)
{
    struct subchannel *sc = find(cs, address);
    return sc ? sc->device : NULL;
}

void channel_each_device(struct channel_subsystem *cs, void (*fn)(struct device *d, void *arg), void *arg)
{
    for (unsigned a = 0; a < 4096; a++)
        if (cs->subchannels[a])
            fn(cs->subchannels[a]->device, arg);
}

struct channel_subsystem *channel_create(struct machine *m)
{
    struct channel_subsystem *cs = xcalloc(1, sizeof *cs);
    cs->m = m;
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&cs->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_cond_init(&cs->timer_wake, NULL);
    pthread_cond_init(&cs->callback_done, NULL);
    machine_set_io(m, &channel_io_ops, cs);
    return cs;
}

void channel_destroy(struct channel_subsystem *cs)
{
    if (!cs)
        return;
    pthread_mutex_lock(&cs->lock);
    cs->timer_stop = true;
    pthread_cond_broadcast(&cs->timer_wake);
    bool joined = cs->timer_running;
    pthread_mutex_unlock(&cs->lock);
    if (joined)
        pthread_join(cs->timer_thread, NULL);
    pthread_mutex_lock(&cs->lock);
    for (unsigned a = 0; a < 4096; a++)
        if (cs->subchannels[a])
            free_subchannel(cs, cs->subchannels[a]);
    pthread_mutex_unlock(&cs->lock);
    machine_set_io(cs->m, NULL, NULL);
    free(cs->events);
    pthread_cond_destroy(&cs->timer_wake);
    pthread_cond_destroy(&cs->callback_done);
    pthread_mutex_destroy(&cs->lock);
    free(cs);
}

/* ---- IPL ---------------------------------------------------------------------------------------- */

#define IPL_TIMEOUT_MS 30000

/* Wait (the lock released) until the IPL program has ended: devices that defer (a tape rewinding)
   complete on other threads. */
static bool wait_for_ipl_end(struct channel_subsystem *cs, struct subchannel *sc)
{
    for (int waited = 0; (sc->active || sc->state != SC_IDLE) && !sc->pending; waited++) {
        if (waited * 2 > IPL_TIMEOUT_MS)
            return false;
        pthread_mutex_unlock(&cs->lock);
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
        pthread_mutex_lock(&cs->lock);
    }
    return true;
}

static bool ipl_failed(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool ipl_failed(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return false;
}

bool channel_ipl(struct channel_subsystem *cs, uint16_t address, bool clear, char *err, size_t errlen)
{
    struct machine *m = cs->m;
    if (!find(cs, address))
        return ipl_failed(err, errlen, "device %03X does not exist", address);
    machine_system_reset(m, clear);
    uint8_t *storage = machine_storage(m);
    /* the IPL CCW: read 24 bytes into 0, command chaining and SLI */
    static const uint8_t ipl_ccw[8] = {0x02, 0, 0, 0, CCW_CC | CCW_SLI, 0, 0, 24};
    memcpy(storage, ipl_ccw, 8);
    machine_storage_changed(m, 0, 8);
    pthread_mutex_lock(&cs->lock);
    struct subchannel *sc = find(cs, address);
    sc->key = 0;
    sc->next_ccw = 0;
    sc->chained = false;
    sc->active = true;
    run_program(cs, sc);
    bool ended = wait_for_ipl_end(cs, sc);
    uint8_t csw[8] = {0};
    if (sc->pending) {
        memcpy(csw, sc->csw, 8);
        unqueue_interrupt(cs, sc);
    }
    pthread_mutex_unlock(&cs->lock);
    if (!ended)
        return ipl_failed(err, errlen, "IPL from %03X did not end within %d seconds", address, IPL_TIMEOUT_MS / 1000);
    uint8_t unit = csw[4] & (uint8_t)~UNIT_STATUS_MODIFIER;
    if (unit != (UNIT_CHANNEL_END | UNIT_DEVICE_END) || csw[5] & ~CHAN_INCORRECT_LENGTH)
        return ipl_failed(err, errlen, "IPL from %03X failed: CSW %02X%02X%02X%02X %02X%02X%02X%02X", address, csw[0],
                          csw[1], csw[2], csw[3], csw[4], csw[5], csw[6], csw[7]);
    /* the IPL device address: in the interruption code of a BC-mode PSW, at X'BA' for EC mode */
    if (storage[1] & 0x08) {
        storage[LOC_IO_ADDRESS] = (uint8_t)(address >> 8);
        storage[LOC_IO_ADDRESS + 1] = (uint8_t)address;
    } else {
        storage[2] = (uint8_t)(address >> 8);
        storage[3] = (uint8_t)address;
    }
    machine_storage_changed(m, 0, LOC_IO_ADDRESS + 2);
    struct cpu *c = machine_cpu(m, 0);
    cpu_set_psw(c, storage);
    cpu_start(c);
    return true;
}
