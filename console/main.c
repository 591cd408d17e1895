/*
 * main.c - the s370 program: `s370 [-f CONFIG] [-r RCFILE] [-d]`.  Reads the configuration (nothing
 * starts if it has an error), builds the machine and starts its CPU threads, runs the rc file's
 * commands (-r, else s370.rc in the current folder if there is one, as Hercules does with
 * hercules.rc), then takes commands until quit: on the panel (panel.h) when standard input and
 * output are a terminal, else in line mode, from standard input with messages on standard output;
 * -d (Hercules' daemon mode) asks for line mode in any case.  Exit status: 0 after quit or end of
 * input, 1 when the configuration has errors (or a signal ended the panel while a command ran), 2
 * for a bad command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console/commands.h"
#include "console/config.h"
#include "console/handlers.h"
#include "console/output.h"
#include "console/panel.h"
#include "console/system.h"

#define DEFAULT_CONFIG "s370.cnf"
#define DEFAULT_RC "s370.rc"

static void usage(FILE *f)
{
    fprintf(f, "usage: s370 [-f CONFIG] [-r RCFILE] [-d]\n"
               "  -f CONFIG  the configuration file (default " DEFAULT_CONFIG ")\n"
               "  -r RCFILE  commands to run after start-up (default " DEFAULT_RC ", if it exists)\n"
               "  -d         daemon mode: no panel; commands from standard input, messages on\n"
               "             standard output (also the mode when they are not a terminal)\n");
}

static void print_messages(const struct config *c, size_t from)
{
    for (size_t i = from; i < c->nmessages; i++)
        fprintf(stderr, "%s\n", c->messages[i]);
}

/* Commands from f until its end or quit. */
static void run_commands(struct command_env *env, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (!env->system->quit && (n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        command_line(env, line);
    }
    free(line);
}

struct rc_file {
    const char *path;
    bool required; /* named with -r: it must exist */
};

static void run_rc_file(struct command_env *env, void *arg)
{
    const struct rc_file *rc = arg;
    FILE *f = fopen(rc->path, "r");
    if (!f) {
        if (rc->required || errno != ENOENT)
            cmd_error(env, "S370E301", "cannot open the rc file %s: %s", rc->path, strerror(errno));
        return;
    }
    run_commands(env, f);
    fclose(f);
}

/* The panel when the terminal can have it; line mode otherwise.  False: exit at once (see panel.h). */
static bool operate(struct command_env *env, struct rc_file *rc, bool daemon)
{
    if (!daemon && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
        enum panel_result result = panel_run(env, run_rc_file, rc);
        if (result != PANEL_UNAVAILABLE)
            return result == PANEL_ENDED;
    }
    run_rc_file(env, rc);
    run_commands(env, stdin);
    return true;
}

int main(int argc, char **argv)
{
    const char *config_path = DEFAULT_CONFIG;
    struct rc_file rc = {DEFAULT_RC, false};
    bool daemon = false;
    int opt;
    while ((opt = getopt(argc, argv, "f:r:dh")) != -1) {
        switch (opt) {
        case 'f':
            config_path = optarg;
            break;
        case 'r':
            rc = (struct rc_file){optarg, true};
            break;
        case 'd':
            daemon = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind < argc) {
        usage(stderr);
        return 2;
    }
    struct config config;
    config_init(&config);
    bool ok = config_read(&config, config_path);
    print_messages(&config, 0);
    size_t shown = config.nmessages;
    struct output out;
    output_init(&out, stdout);
    struct system *s = ok ? system_build(&config, &out) : NULL;
    if (!s) {
        print_messages(&config, shown);
        fprintf(stderr, "S370E300 %s: %d error%s: nothing started\n", config_path, config.errors,
                config.errors == 1 ? "" : "s");
        config_free(&config);
        output_destroy(&out);
        return 1;
    }
    config_free(&config);
    system_start(s);
    struct command_env env = {
        .scope = CMD_PANEL, .system = s, .out = &out, .symbols = &s->symbols,
        .rates = rate_monitor_start(s->m, s->cs), /* what maxrates shows */
    };
    if (!operate(&env, &rc, daemon))
        return 1; /* a command still runs on the system: no shutdown under its feet */
    rate_monitor_stop(env.rates);
    system_destroy(s);
    output_destroy(&out);
    return 0;
}
