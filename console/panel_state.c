/*
 * panel_state.c - what the panel shows, read from the running system (see panel.h): each CPU's
 * state, PSW and instruction count, the target CPU's registers, the SIO count, the devices; and the
 * rates computed from successive snapshots.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "channels/channel.h"
#include "common/util.h"
#include "console/panel.h"
#include "console/system.h"

double panel_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void panel_state_read_cpus(struct panel_state *st, struct system *s)
{
    st->time = panel_clock();
    st->ncpus = machine_ncpus(s->m);
    st->target = s->target_cpu;
    for (int i = 0; i < st->ncpus; i++) {
        const struct cpu *c = machine_cpu(s->m, i);
        struct panel_cpu *pc = &st->cpus[i];
        pc->state = cpu_state(c);
        pc->disabled_wait = cpu_in_disabled_wait(c);
        cpu_get_psw(c, pc->psw);
        pc->instructions = cpu_instruction_count(c);
    }
    const struct cpu *target = machine_cpu(s->m, st->target);
    for (int r = 0; r < 16; r++) {
        st->gr[r] = cpu_gr(target, r);
        st->cr[r] = cpu_cr(target, r);
    }
    for (int i = 0; i < 4; i++)
        st->fpr[i] = cpu_fpr(target, 2 * i);
    st->sio_count = channel_sio_count(s->cs);
}

struct device_walk {
    struct system *system;
    struct panel_state *state;
};

static void add_device(struct device *d, void *arg)
{
    struct device_walk *walk = arg;
    struct panel_state *st = walk->state;
    struct panel_device *pd = ARRAY_PUSH(st->devices, st->ndevices, st->devices_cap);
    pd->address = d->address;
    pd->model = d->model_type;
    snprintf(pd->device_class, sizeof pd->device_class, "%s", d->type->device_class);
    channel_device_activity(walk->system->cs, d->address, &pd->busy, &pd->pending);
    if (!system_terminal_client(walk->system, d->address, pd->client, sizeof pd->client))
        pd->client[0] = '\0';
    pd->description[0] = '\0';
    if (d->type->describe)
        d->type->describe(d, pd->description, sizeof pd->description);
}

void panel_state_read_devices(struct panel_state *st, struct system *s)
{
    st->ndevices = 0;
    struct device_walk walk = {s, st};
    channel_each_device(s->cs, add_device, &walk);
}

void panel_state_free(struct panel_state *st)
{
    free(st->devices);
    st->devices = NULL;
    st->ndevices = st->devices_cap = 0;
}

void rate_sample(struct rate *r, uint64_t count, double now)
{
    if (r->started && now - r->time < RATE_INTERVAL)
        return;
    /* a count that went back (a reset) starts a new interval and shows 0 until it ends */
    r->per_second = r->started && count >= r->count ? (double)(count - r->count) / (now - r->time) : 0;
    r->started = true;
    r->count = count;
    r->time = now;
}
