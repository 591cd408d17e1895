/*
 * rate_commands.c - maxrates: the highest instruction rate (MIPS) and START I/O rate (SIOs a second)
 * seen in each interval, as Hercules measures and shows them.  A rate monitor samples the machine's
 * instruction counters and the channel subsystem's SIO count once a second on a thread of its own;
 * `maxrates` shows the peaks of the previous interval (when there was one) and of the current one:
 *
 *   Highest observed MIPS/SIOS rates:
 *
 *     From: Sat Nov 21 08:00:16 2026
 *     To:   Sat Nov 21 09:00:16 2026
 *
 *           MIPS: 12.34
 *           SIOS: 567
 *
 *   Current interval = 1440 minutes.
 *
 * `maxrates n` sets the interval to n minutes; `maxrates midnight` makes intervals end at midnight.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/util.h"
#include "console/handlers.h"
#include "console/system.h"
#include "console/words.h"

#define DEFAULT_INTERVAL_MINUTES 1440
#define MAX_INTERVAL_MINUTES (366 * 1440)
#define SAMPLE_SECONDS 1

struct peak {
    time_t from, to;
    double mips;
    uint64_t sios; /* a second */
};

struct rate_monitor {
    struct machine *m;
    struct channel_subsystem *cs;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stopping;
    bool threaded; /* the sampling thread was started */
    pthread_t thread;
    /* under lock */
    int interval_minutes;
    bool midnight;        /* intervals end at local midnight */
    time_t interval_end;
    struct peak current, previous;
    bool have_previous;
    /* the last sample */
    struct timespec sampled;
    uint64_t instructions, sios;
};

static uint64_t machine_instructions(struct machine *m)
{
    uint64_t total = 0;
    for (int i = 0; i < machine_ncpus(m); i++)
        total += cpu_instruction_count(machine_cpu(m, i));
    return total;
}

static time_t next_midnight(time_t now)
{
    struct tm tm;
    localtime_r(&now, &tm);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_mday++;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

static void start_interval(struct rate_monitor *r, time_t now)
{
    r->current = (struct peak){.from = now, .to = now};
    r->interval_end = r->midnight ? next_midnight(now) : now + (time_t)r->interval_minutes * 60;
}

/* One sample: the rates since the last one, kept when they are the interval's highest. */
void rate_monitor_sample(struct rate_monitor *r, const struct timespec *now, uint64_t instructions,
                         uint64_t sios)
{
    double seconds = (double)(now->tv_sec - r->sampled.tv_sec) + (double)(now->tv_nsec - r->sampled.tv_nsec) / 1e9;
    pthread_mutex_lock(&r->lock);
    if (now->tv_sec >= r->interval_end) {
        r->previous = r->current;
        r->previous.to = now->tv_sec;
        r->have_previous = true;
        start_interval(r, now->tv_sec);
    }
    if (seconds > 0 && instructions >= r->instructions && sios >= r->sios) {
        double mips = (double)(instructions - r->instructions) / seconds / 1e6;
        uint64_t sio_rate = (uint64_t)((double)(sios - r->sios) / seconds + 0.5);
        if (mips > r->current.mips)
            r->current.mips = mips;
        if (sio_rate > r->current.sios)
            r->current.sios = sio_rate;
    }
    r->current.to = now->tv_sec;
    r->sampled = *now;
    r->instructions = instructions;
    r->sios = sios;
    pthread_mutex_unlock(&r->lock);
}

static void *monitor_main(void *arg)
{
    struct rate_monitor *r = arg;
    pthread_mutex_lock(&r->lock);
    while (!r->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += SAMPLE_SECONDS;
        pthread_cond_timedwait(&r->wake, &r->lock, &until);
        if (r->stopping)
            break;
        pthread_mutex_unlock(&r->lock);
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        rate_monitor_sample(r, &now, machine_instructions(r->m), channel_sio_count(r->cs));
        pthread_mutex_lock(&r->lock);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

struct rate_monitor *rate_monitor_create(struct machine *m, struct channel_subsystem *cs, const struct timespec *now)
{
    struct rate_monitor *r = xcalloc(1, sizeof *r);
    r->m = m;
    r->cs = cs;
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->wake, NULL);
    r->interval_minutes = DEFAULT_INTERVAL_MINUTES;
    r->sampled = *now;
    r->instructions = machine_instructions(m);
    r->sios = channel_sio_count(cs);
    start_interval(r, r->sampled.tv_sec);
    return r;
}

struct rate_monitor *rate_monitor_start(struct machine *m, struct channel_subsystem *cs)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct rate_monitor *r = rate_monitor_create(m, cs, &now);
    r->threaded = pthread_create(&r->thread, NULL, monitor_main, r) == 0;
    if (!r->threaded) {
        rate_monitor_stop(r);
        return NULL;
    }
    return r;
}

void rate_monitor_stop(struct rate_monitor *r)
{
    if (!r)
        return;
    pthread_mutex_lock(&r->lock);
    r->stopping = true;
    pthread_cond_broadcast(&r->wake);
    pthread_mutex_unlock(&r->lock);
    if (r->threaded)
        pthread_join(r->thread, NULL);
    pthread_cond_destroy(&r->wake);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

/* ---- the command -------------------------------------------------------------------------------- */

static void show_peak(struct command_env *env, const struct peak *p)
{
    char from[32], to[32];
    struct tm tm;
    strftime(from, sizeof from, "%a %b %e %H:%M:%S %Y", localtime_r(&p->from, &tm));
    strftime(to, sizeof to, "%a %b %e %H:%M:%S %Y", localtime_r(&p->to, &tm));
    cmd_print(env, "  From: %s\n  To:   %s\n\n        MIPS: %.2f\n        SIOS: %llu\n\n", from, to, p->mips,
              (unsigned long long)p->sios);
}

static void show_rates(struct command_env *env, struct rate_monitor *r)
{
    pthread_mutex_lock(&r->lock);
    struct peak current = r->current, previous = r->previous;
    bool have_previous = r->have_previous, midnight = r->midnight;
    int minutes = r->interval_minutes;
    pthread_mutex_unlock(&r->lock);
    cmd_print(env, "Highest observed MIPS/SIOS rates:\n\n");
    if (have_previous)
        show_peak(env, &previous);
    show_peak(env, &current);
    if (midnight)
        cmd_print(env, "Current interval ends at midnight.\n");
    else
        cmd_print(env, "Current interval = %d minutes.\n", minutes);
}

bool cmd_maxrates(struct command_env *env, int argc, char **argv)
{
    struct rate_monitor *r = env->rates;
    uint32_t minutes = 0;
    bool midnight = argc == 2 && strcasecmp_ascii(argv[1], "midnight") == 0;
    if (argc > 2 || (argc == 2 && !midnight && (!parse_decimal(argv[1], MAX_INTERVAL_MINUTES, &minutes) || !minutes)))
        return cmd_error(env, "S370E296", "the format is \"maxrates [minutes | midnight]\" (1 to %d minutes)",
                         MAX_INTERVAL_MINUTES);
    if (!r)
        return cmd_error(env, "S370E297", "no rate monitor runs for this console: maxrates has nothing to show");
    if (argc == 1) {
        show_rates(env, r);
        return true;
    }
    pthread_mutex_lock(&r->lock);
    r->midnight = midnight;
    if (!midnight)
        r->interval_minutes = (int)minutes;
    r->interval_end = midnight ? next_midnight(r->current.from) : r->current.from + (time_t)minutes * 60;
    pthread_mutex_unlock(&r->lock);
    if (midnight)
        cmd_print(env, "S370I298 maxrates intervals now end at midnight\n");
    else
        cmd_print(env, "S370I298 maxrates interval set to %u minutes\n", minutes);
    return true;
}
