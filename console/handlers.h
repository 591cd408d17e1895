/*
 * handlers.h - the command handlers the table in commands.c names, by the file that holds them:
 * statements.c (system statements and DEFSYM), cpu_commands.c (IPL, resets, run control, registers,
 * storage) and device_commands.c (devlist, devinit, attach, detach, the integrated console).
 */
#ifndef S370_CONSOLE_HANDLERS_H
#define S370_CONSOLE_HANDLERS_H

#include "console/commands.h"

/* statements.c */
command_fn stmt_archlvl, stmt_mainsize, stmt_numcpu, stmt_maxcpu, stmt_cpuserial, stmt_cpumodel, stmt_cpuverid,
    stmt_cnslport, stmt_xpndsize, stmt_ecpsvm, stmt_no_effect, cmd_defsym;

/* cpu_commands.c */
command_fn cmd_ipl, cmd_sysreset, cmd_sysclear, cmd_restart, cmd_stop, cmd_start, cmd_psw, cmd_gpr, cmd_cr,
    cmd_fpr, cmd_r;

/* device_commands.c */
command_fn cmd_devlist, cmd_devinit, cmd_attach, cmd_detach;
/* A panel line starting with an integrated console's prefix ("/text"): the text goes to that console.
   False when the line is not for a console. */
bool integrated_console_line(struct command_env *env, const char *line);

/* A device number operand, [0:]xxx with 1-4 hex digits up to FFF: false with a message if it is
   not one. */
bool parse_device_number(struct command_env *env, const char *word, uint16_t *address);

#endif
