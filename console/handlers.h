/*
 * handlers.h - the command handlers the table in commands.c names, by the file that holds them:
 * statements.c (system statements and DEFSYM), cpu_commands.c (IPL, resets, run control, PSW and
 * registers), storage_commands.c (storage displays, u, loadcore, savecore), debug_commands.c (trace,
 * stepping, breakpoints), script_commands.c (script, runtest), rate_commands.c (maxrates) and
 * device_commands.c (devlist, devinit, attach, detach, the integrated console); and what they share.
 */
#ifndef S370_CONSOLE_HANDLERS_H
#define S370_CONSOLE_HANDLERS_H

#include <stdint.h>
#include <time.h>

#include "common/util.h"
#include "console/commands.h"
#include "cpu370/cpu.h"

struct channel_subsystem;

/* statements.c */
command_fn stmt_archlvl, stmt_mainsize, stmt_numcpu, stmt_maxcpu, stmt_cpuserial, stmt_cpumodel, stmt_cpuverid,
    stmt_cnslport, stmt_xpndsize, stmt_ecpsvm, stmt_no_effect, cmd_defsym;

/* cpu_commands.c */
command_fn cmd_ipl, cmd_sysreset, cmd_sysclear, cmd_restart, cmd_stop, cmd_start, cmd_ext, cmd_psw, cmd_gpr,
    cmd_cr, cmd_fpr, cmd_translate;
/* Every CPU is stopped or in a disabled wait (the machine may be changed under it). */
bool cpus_quiet(struct system *s);

/* storage_commands.c */
command_fn cmd_r, cmd_abs, cmd_v, cmd_u, cmd_pr, cmd_loadcore, cmd_savecore;
/* Real to absolute for CPU c: the first 4K and its prefix area trade places (GA22-7000
   "Prefixing"). */
uint32_t absolute_of_real(const struct cpu *c, uint32_t real);
/* One storage line at a logical address of CPU c (virtual when its PSW has DAT on, else real), as
   the r and v displays show it. */
void display_cpu_storage_line(struct buf *b, struct cpu *c, uint32_t address);

/* debug_commands.c */
command_fn cmd_watch, cmd_go, cmd_ccw_trace;
bool is_ccw_trace_command(const char *word);
/* Enter at the panel: with stepping on and the target CPU stopped at a step, run one instruction.
   False when that is not the case. */
bool step_on_enter(struct command_env *env);
/* CPU 0's trace, stepping and breakpoint settings again to every CPU (after numcpu). */
void debug_settings_changed(struct system *s);
/* Report program interruptions (HHCCP014I) while on (runtest), or while tracing. */
void debug_report_program_interruptions(struct system *s, bool on);

/* script_commands.c */
command_fn cmd_script, cmd_runtest;

/* rate_commands.c: a rate monitor samples a machine's instruction and SIO counts once a second on a
   thread of its own, from rate_monitor_start until rate_monitor_stop (NULL when no thread can be
   made); rate_monitor_create makes one without the thread, its first interval from `now`, fed by
   rate_monitor_sample. */
command_fn cmd_maxrates;
struct rate_monitor *rate_monitor_start(struct machine *m, struct channel_subsystem *cs);
struct rate_monitor *rate_monitor_create(struct machine *m, struct channel_subsystem *cs, const struct timespec *now);
void rate_monitor_sample(struct rate_monitor *r, const struct timespec *now, uint64_t instructions, uint64_t sios);
void rate_monitor_stop(struct rate_monitor *r);

/* device_commands.c */
command_fn cmd_devlist, cmd_devinit, cmd_attach, cmd_detach;
/* A panel line starting with an integrated console's prefix ("/text"): the text goes to that console.
   False when the line is not for a console. */
bool integrated_console_line(struct command_env *env, const char *line);
/* ".text": the text goes to the first integrated console whatever its prefix (Hercules sends it to
   the SCP console).  False with a message when there is none. */
bool system_console_line(struct command_env *env, const char *text);

/* A device number operand, [0:]xxx with 1-4 hex digits up to FFF: false with a message if it is
   not one. */
bool parse_device_number(struct command_env *env, const char *word, uint16_t *address);

#endif
