/*
 * main.c - the s370 program: `s370 [-f CONFIG] [-r RCFILE] [-d]`.  Reads the configuration (nothing
 * starts if it has an error), builds the machine and starts its CPU threads, runs the rc file's
 * commands (-r, else s370.rc in the current folder if there is one, as Hercules does with
 * hercules.rc), then reads commands from standard input until end of file or quit.  This version is
 * always in line mode; -d (Hercules' daemon mode) is accepted for scripts written for it.  Exit
 * status: 0 after quit or end of input, 1 when the configuration has errors, 2 for a bad command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console/commands.h"
#include "console/config.h"
#include "console/output.h"
#include "console/system.h"

#define DEFAULT_CONFIG "s370.cnf"
#define DEFAULT_RC "s370.rc"

static void usage(FILE *f)
{
    fprintf(f, "usage: s370 [-f CONFIG] [-r RCFILE] [-d]\n"
               "  -f CONFIG  the configuration file (default " DEFAULT_CONFIG ")\n"
               "  -r RCFILE  commands to run after start-up (default " DEFAULT_RC ", if it exists)\n"
               "  -d         line mode without a panel (the only mode of this version)\n");
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

static void run_rc_file(struct command_env *env, const char *path, bool required)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (required || errno != ENOENT)
            cmd_error(env, "S370E301", "cannot open the rc file %s: %s", path, strerror(errno));
        return;
    }
    run_commands(env, f);
    fclose(f);
}

int main(int argc, char **argv)
{
    const char *config_path = DEFAULT_CONFIG, *rc_path = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "f:r:dh")) != -1) {
        switch (opt) {
        case 'f':
            config_path = optarg;
            break;
        case 'r':
            rc_path = optarg;
            break;
        case 'd':
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
    struct command_env env = {.scope = CMD_PANEL, .system = s, .out = &out, .symbols = &s->symbols};
    run_rc_file(&env, rc_path ? rc_path : DEFAULT_RC, rc_path != NULL);
    run_commands(&env, stdin);
    system_destroy(s);
    output_destroy(&out);
    return 0;
}
