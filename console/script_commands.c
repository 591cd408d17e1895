/*
 * script_commands.c - command scripts: `script file...` runs each file's lines as panel commands
 * (nested up to MAX_SCRIPT_DEPTH), and `runtest`, the command Hercules' test scripts (*.tst) are
 * built on: press the restart or start key (or restart through an old PSW), then wait until every CPU
 * is stopped or in a disabled wait, or until the time limit:
 *
 *   runtest [restart|start|external|svc|program|machine|io] [seconds]
 *
 * The disabled-wait message (HHCCP011I, with the final PSW) is in the log before runtest returns, so
 * that it comes before what the next command shows, as a test checker reading the log expects.
 * Program interruptions are reported during the test (HHCCP014I) for *Program directives.  A test
 * that outlives its limit is reported with Hercules' messages (HHC02332E timeout, HHC02331E aborted)
 * and the system is cleared, as Hercules does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/util.h"
#include "console/handlers.h"
#include "console/output.h"
#include "console/system.h"

#define MAX_SCRIPT_DEPTH 10

/* ---- script ------------------------------------------------------------------------------------- */

static bool run_script(struct command_env *env, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return cmd_error(env, "S370E290", "cannot open the script %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    env->script_depth++;
    while (!env->system->quit && (n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        command_line(env, line);
    }
    env->script_depth--;
    free(line);
    fclose(f);
    return true;
}

bool cmd_script(struct command_env *env, int argc, char **argv)
{
    if (argc < 2)
        return cmd_error(env, "S370E291", "the format is \"script file...\"");
    if (env->script_depth >= MAX_SCRIPT_DEPTH)
        return cmd_error(env, "S370E292", "scripts nest %d deep at most: %s not run", MAX_SCRIPT_DEPTH, argv[1]);
    bool ok = true;
    for (int i = 1; i < argc && !env->system->quit; i++)
        ok = run_script(env, argv[i]) && ok;
    return ok;
}

/* ---- runtest ------------------------------------------------------------------------------------ */

#define DEFAULT_TEST_SECONDS 30.0
#define MAX_TEST_SECONDS 300.0
#define ANNOUNCE_WAIT_MS 2000 /* for the watcher to report a disabled wait */

/* How a test is started: the restart key, the start key, or the restart key with the restart new
   PSW (real 0) first set to one of the old PSWs, which resumes the program where that interruption
   left it (Hercules' set_restart). */
struct test_key {
    const char *name;
    bool start;
    uint32_t old_psw; /* real address of the old PSW; 0: none */
};

static const struct test_key test_keys[] = {
    {"restart", false, 0},   {"start", true, 0},      {"external", false, 0x18}, {"svc", false, 0x20},
    {"program", false, 0x28}, {"machine", false, 0x30}, {"io", false, 0x38},
};

static const struct test_key *find_test_key(const char *word)
{
    for (size_t i = 0; i < sizeof test_keys / sizeof test_keys[0]; i++)
        if (strcasecmp_ascii(word, test_keys[i].name) == 0)
            return &test_keys[i];
    return NULL;
}

static bool parse_test_seconds(const char *s, double *seconds)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v > 0 && v <= MAX_TEST_SECONDS) || strpbrk(s, "eExXnN"))
        return false;
    *seconds = v;
    return true;
}

static void press_test_key(struct command_env *env, const struct test_key *key)
{
    struct cpu *c = system_cpu(env->system);
    uint8_t *storage = machine_storage(env->system->m);
    if (key->old_psw) {
        memmove(storage + absolute_of_real(c, 0), storage + absolute_of_real(c, key->old_psw), 8);
        machine_storage_changed(env->system->m, absolute_of_real(c, 0), 8);
    }
    if (key->start)
        cpu_start(c);
    else
        cpu_restart(c);
}

/* Whether the log, from line `from` on, announces a disabled wait of this CPU. */
static bool wait_announced(struct output *out, uint64_t from, int cpu)
{
    char want[64], line[OUTPUT_LINE_MAX + 1];
    snprintf(want, sizeof want, "HHCCP011I CPU%04X: Disabled wait state", (unsigned)cpu);
    uint64_t first, end;
    output_log_range(out, &first, &end);
    for (uint64_t n = from > first ? from : first; n < end; n++)
        if (output_log_line(out, n, line, sizeof line) && strcmp(line, want) == 0)
            return true;
    return false;
}

/* Every CPU in a disabled wait has been announced (bounded: the watcher looks every few ms). */
static void wait_for_announcements(struct command_env *env, uint64_t from)
{
    struct machine *m = env->system->m;
    struct timespec tick = {0, 1000000};
    for (int waited = 0; waited < ANNOUNCE_WAIT_MS; waited++) {
        bool all = true;
        for (int i = 0; i < machine_ncpus(m) && all; i++)
            all = !cpu_in_disabled_wait(machine_cpu(m, i)) || wait_announced(env->out, from, i);
        if (all)
            return;
        nanosleep(&tick, NULL);
    }
}

bool cmd_runtest(struct command_env *env, int argc, char **argv)
{
    const struct test_key *key = &test_keys[0];
    double seconds = DEFAULT_TEST_SECONDS;
    int next = 1;
    if (argc > next && !strchr("0123456789.", argv[next][0]) && !(key = find_test_key(argv[next++])))
        return cmd_error(env, "S370E293", "unknown runtest key %s: restart, start, external, svc, program, machine "
                                          "or io", argv[next - 1]);
    if (argc > next && !parse_test_seconds(argv[next++], &seconds))
        return cmd_error(env, "S370E294", "%s is not a time limit (seconds, more than 0, at most %.0f)",
                         argv[next - 1], MAX_TEST_SECONDS);
    if (argc > next)
        return cmd_error(env, "S370E295", "the format is \"runtest [restart|start|external|svc|program|machine|io] "
                                          "[seconds]\"");
    uint64_t first, from;
    output_log_range(env->out, &first, &from);
    debug_report_program_interruptions(env->system, true);
    press_test_key(env, key);
    bool ended = machine_wait_idle(env->system->m, (int)(seconds * 1000));
    debug_report_program_interruptions(env->system, false);
    if (!ended) {
        cmd_print(env, "HHC02332E Script %d: test: timeout\nHHC02331E Script %d: test: aborted\n", env->script_depth,
                  env->script_depth);
        machine_system_reset(env->system->m, true);
        return false;
    }
    wait_for_announcements(env, from);
    return true;
}
