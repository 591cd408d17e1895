/*
 * commands.h - the one table of operator commands and configuration statements, like Hercules'
 * cmdtab: name, shortest abbreviation, where it may be used (panel, configuration file or both), the
 * handler, a one-line help and a long help.  `help` is generated from it; the configuration reader
 * sends its system statements through it too.
 *
 * Handlers answer through the cmd_* functions: at the panel the text goes to the operator's log; in
 * a configuration file errors and warnings are recorded with file:line and the statement.
 */
#ifndef S370_CONSOLE_COMMANDS_H
#define S370_CONSOLE_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

enum command_scope {
    CMD_PANEL = 1,  /* an operator command (panel, rc file, stdin) */
    CMD_CONFIG = 2, /* a configuration statement */
};

struct config;
struct output;
struct rate_monitor;
struct symbols;
struct system;

struct command_env {
    enum command_scope scope; /* where this line comes from */
    struct config *config;    /* CMD_CONFIG: the configuration being read */
    const char *where;        /* CMD_CONFIG: "file:line" */
    struct system *system;    /* CMD_PANEL: the running system */
    struct output *out;       /* CMD_PANEL: the operator's log */
    struct symbols *symbols;  /* DEFSYM's table */
    const char *operands;     /* the text after the command word (r and msg read it whole) */
    const char *statement;    /* the whole statement, for configuration messages */
    int script_depth;         /* scripts being run (script nests them) */
    struct rate_monitor *rates; /* CMD_PANEL: what maxrates shows (rate_monitor_start); NULL: none */
};

/* argv[0] is the command word as entered.  Returns false when the command did nothing (a message
   says why). */
typedef bool command_fn(struct command_env *env, int argc, char **argv);

struct command {
    const char *name;
    size_t abbreviation; /* shortest accepted prefix length; 0: the whole name only */
    unsigned scope;      /* CMD_PANEL | CMD_CONFIG */
    command_fn *run;
    const char *help;      /* one line */
    const char *long_help; /* syntax and details, or NULL */
};

/* The command a word names: the exact name first, then an abbreviation. */
const struct command *command_find(const char *word);

/* Run words that are already split and expanded (configuration statements): look the command up,
   check it may be used in env->scope, run it.  An unknown word is an error at the panel and a
   warning in a configuration file. */
bool command_run(struct command_env *env, int argc, char **argv);

/* A panel line: `#` comments are ignored and `*` comments (loud comments, which test scripts use
   for their directives) are copied to the log; `/text` (an integrated console's prefix) or `.text`
   goes to the integrated console; an empty line steps while stepping is on (as Enter); anything else
   has its symbols expanded and the command run.  Returns false when the command failed. */
bool command_line(struct command_env *env, const char *line);

/* Responses (see the file comment).  cmd_print is for panel commands (a configuration statement
   has nothing to show); cmd_error and cmd_warning take the message id and return false, so that a
   handler can `return cmd_error(...)`. */
void cmd_print(struct command_env *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool cmd_error(struct command_env *env, const char *id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void cmd_warning(struct command_env *env, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
