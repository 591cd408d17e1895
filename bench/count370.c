/*
 * count370.c - the benchmarks' instruction counter: builds the system a configuration describes (as
 * s370 does, through the console library), IPLs a device and waits for CPU 0 to enter a disabled
 * wait, then prints the exact number of instructions CPU 0 executed and the wait PSW:
 *
 *     count370 CONFIG DEVICE [SECONDS]   ->   "instructions 1234567 psw 00020000 80000000"
 *
 * Exit status 0 after a disabled wait, 1 when the configuration or the IPL fails or the wait does not
 * come within SECONDS (default 60).  It exists because s370 has no command that shows the count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "console/config.h"
#include "console/output.h"
#include "console/system.h"

/* CPU 0 in a disabled wait, seen twice 20 ms apart with the same PSW and count: another thread may
   see a PSW half-way through being loaded (the new PSW of an interruption ending an enabled wait)
   as a disabled wait for an instant, as the console's watcher knows. */
static bool settled_in_disabled_wait(struct cpu *c)
{
    uint8_t before[8], after[8];
    if (!cpu_in_disabled_wait(c))
        return false;
    cpu_get_psw(c, before);
    uint64_t count = cpu_instruction_count(c);
    struct timespec pause = {0, 20000000};
    nanosleep(&pause, NULL);
    cpu_get_psw(c, after);
    return cpu_in_disabled_wait(c) && cpu_instruction_count(c) == count && memcmp(before, after, 8) == 0;
}

/* Wait up to `seconds` for CPU 0 to settle in a disabled wait; false at once if it stops. */
static bool wait_for_disabled_wait(struct machine *m, int seconds)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsed_ms = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        long left_ms = seconds * 1000L - elapsed_ms;
        if (left_ms <= 0)
            return false;
        if (!machine_wait_idle(m, (int)left_ms))
            continue;
        if (cpu_state(machine_cpu(m, 0)) != CPU_OPERATING)
            return false; /* stopped or check-stopped: no wait will come */
        if (settled_in_disabled_wait(machine_cpu(m, 0)))
            return true;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: count370 CONFIG DEVICE [SECONDS]\n");
        return 1;
    }
    unsigned long device = strtoul(argv[2], NULL, 16);
    int seconds = argc == 4 ? atoi(argv[3]) : 60;
    struct config config;
    config_init(&config);
    bool ok = config_read(&config, argv[1]);
    for (size_t i = 0; i < config.nmessages; i++)
        fprintf(stderr, "%s\n", config.messages[i]);
    FILE *log = fopen("/dev/null", "w");
    struct output out;
    output_init(&out, log ? log : stderr);
    struct system *s = ok ? system_build(&config, &out) : NULL;
    config_free(&config);
    if (!s) {
        fprintf(stderr, "count370: %s: the configuration has errors\n", argv[1]);
        return 1;
    }
    system_start(s);
    char err[256];
    int status = 1;
    if (!channel_ipl(s->cs, (uint16_t)device, false, err, sizeof err)) {
        fprintf(stderr, "count370: ipl %03lX: %s\n", device, err);
    } else if (!wait_for_disabled_wait(s->m, seconds)) {
        fprintf(stderr, "count370: no disabled wait within %d seconds\n", seconds);
    } else {
        struct cpu *c = machine_cpu(s->m, 0);
        uint8_t psw[8];
        cpu_get_psw(c, psw);
        printf("instructions %llu psw %02X%02X%02X%02X %02X%02X%02X%02X\n",
               (unsigned long long)cpu_instruction_count(c), psw[0], psw[1], psw[2], psw[3], psw[4], psw[5],
               psw[6], psw[7]);
        status = 0;
    }
    system_destroy(s);
    output_destroy(&out);
    if (log)
        fclose(log);
    return status;
}
