/*
 * commands.c - the command table (see commands.h), looking commands up, running them, their
 * responses, and the commands about the panel itself: help, pause, msg, quit.  Syntax and help texts
 * follow Hercules' cmdtab.h; message ids are ours (S370Innn information, S370Ennn errors, S370Wnnn
 * warnings; 2xx here and in the handler files).
 */
#include "console/commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/util.h"
#include "console/config.h"
#include "console/handlers.h"
#include "console/output.h"
#include "console/symbols.h"
#include "console/system.h"
#include "console/words.h"

static command_fn cmd_help, cmd_pause, cmd_msg, cmd_quit;

#define PANEL CMD_PANEL
#define CONFIG CMD_CONFIG
#define BOTH (CMD_PANEL | CMD_CONFIG)

/* Statements Hercules knows that have nothing to do in this emulator: accepted, no effect. */
#define NO_EFFECT(name, why) {name, 0, CONFIG, stmt_no_effect, "no effect: " why, NULL}

static const struct command commands[] = {
    {"help", 1, PANEL, cmd_help, "list all commands / command specific help",
     "Format: \"help [command]\".  Without an operand, lists every command and statement with\n"
     "its one-line description; with one, shows how to use that command.\n"},
    {"?", 0, PANEL, cmd_help, "alias for help", NULL},

    /* IPL, resets and run control */
    {"ipl", 0, PANEL, cmd_ipl, "IPL from device xxx",
     "Format: \"ipl xxx [clear]\".  Performs the load function from device xxx: a system reset\n"
     "(a clear reset with \"clear\"), a read of 24 bytes into location 0 chained to the CCWs\n"
     "read there, then CPU 0 starts with the PSW at location 0.\n"},
    {"iplc", 0, PANEL, cmd_ipl, "IPL clear from device xxx", "Format: \"iplc xxx\".  The same as \"ipl xxx clear\".\n"},
    {"sysreset", 4, PANEL, cmd_sysreset, "issue SYSTEM Reset manual operation",
     "Format: \"sysreset [normal|clear]\".  Performs the system-reset manual function: a CPU reset\n"
     "of every CPU and an I/O system reset; \"clear\" also clears storage, storage keys and\n"
     "registers, as sysclear.\n"},
    {"sysclear", 4, PANEL, cmd_sysclear, "issue SYSTEM Clear Reset manual operation",
     "Format: \"sysclear\".  Performs the system-reset-clear manual function: as sysreset, and\n"
     "main storage, storage keys and registers are set to zero.\n"},
    {"restart", 0, PANEL, cmd_restart, "generate restart interrupt",
     "Format: \"restart\".  Presses the restart key of the target CPU: the current PSW is stored\n"
     "at location 8 and the new PSW is loaded from location 0.\n"},
    {"ext", 0, PANEL, cmd_ext, "generate external interrupt",
     "Format: \"ext\".  Presses the interrupt key: an external interruption (code X'0040') for\n"
     "the target CPU when CR0 bit 25 and the PSW allow it.\n"},
    {"start", 0, PANEL, cmd_start, "start CPU", "Format: \"start\".  Starts the target CPU.\n"},
    {"stop", 0, PANEL, cmd_stop, "stop CPU", "Format: \"stop\".  Stops the target CPU.\n"},
    {"translate", 0, PANEL, cmd_translate, "display or switch translation of hot code to host code",
     "Format: \"translate [on|off]\".  Without an operand, shows whether the CPUs translate hot\n"
     "straight-line runs of instructions to host machine code, and how many runs (traces) each\n"
     "CPU has translated.  \"on\" and \"off\" switch it for every CPU; off takes effect as each\n"
     "CPU next enters its instruction loop, and the traces it holds are dropped then.  Only an\n"
     "x86-64 host can run translated code: elsewhere \"on\" is refused.\n"},

    /* displays */
    {"psw", 0, PANEL, cmd_psw, "display or alter program status word",
     "Format: \"psw [sm=xx] [pk=n] [cmwp=x] [cc=n] [pm=x] [ia=xxxxxx]\".  Without operands,\n"
     "displays the target CPU's PSW field by field, then as 16 hex digits.  With them, sets the\n"
     "system mask, key, EC/machine-check/wait/problem bits, condition code, program mask or\n"
     "instruction address (the CPU must be stopped or in a disabled wait), then displays it.\n"
     "as=pri and am=24 are accepted: S/370 has no other.\n"},
    {"gpr", 0, PANEL, cmd_gpr, "display or alter general purpose registers",
     "Format: \"gpr [nn=xxxxxxxx]\" where 'nn' is the optional register number (0 to 15) and\n"
     "'xxxxxxxx' the new value in hexadecimal.  Enter \"gpr\" by itself to display the registers.\n"
     "Registers are altered only while the CPU is stopped or in a disabled wait.\n"},
    {"cr", 0, PANEL, cmd_cr, "display or alter control registers",
     "Format: \"cr [nn=xxxxxxxx]\" as for gpr, for the control registers.\n"},
    {"fpr", 0, PANEL, cmd_fpr, "display floating point registers", NULL},
    {"pr", 0, PANEL, cmd_pr, "display prefix register", "Format: \"pr\".  Shows \"Prefix=xxxxxxxx\".\n"},
    {"r", 0, PANEL, cmd_r, "display or alter real storage",
     "Format: \"r addr[.len]\" or \"r addr-addr\" to display real storage (64 bytes when only\n"
     "addr is given, at most 999 lines), or \"r addr=value\" to alter real storage, where\n"
     "'value' is a hex string of up to 32 pairs of digits (blanks allowed between them).\n"},
    {"abs", 0, PANEL, cmd_abs, "display or alter absolute storage",
     "Format: \"abs addr[.len]\", \"abs addr-addr\" or \"abs addr=value\" as for r, for absolute\n"
     "storage (no prefixing).\n"},
    {"v", 0, PANEL, cmd_v, "display or alter virtual storage",
     "Format: \"v [P]addr[.len]\", \"v [P]addr-addr\" or \"v [P]addr=value\" as for r, for\n"
     "virtual storage: addresses are translated with the target CPU's segment and page tables\n"
     "(CR0, CR1) when its PSW has DAT on, or always with P (the primary space, S/370's only one).\n"
     "Each 2K block is headed by its translation; an address that cannot be translated shows the\n"
     "program interruption code the translation would cause.\n"},
    {"u", 0, PANEL, cmd_u, "disassemble storage",
     "Format: \"u [R|V]addr[.len]\" or \"u [R|V]addr-addr\".  Disassembles real (R, the default)\n"
     "or virtual (V) storage, 64 bytes when only addr is given.\n"},

    /* trace, stepping, breakpoints */
    {"t", 0, PANEL, cmd_watch, "instruction trace",
     "Format: \"t addr-addr\" sets the range of instruction addresses to trace (also addr, addr:addr\n"
     "and addr.len; 0-0, the default, is every address); \"t\" shows the setting.  Each traced\n"
     "instruction is shown before it executes, as Hercules shows it: the PSW, the instruction and\n"
     "its mnemonic, the storage its operands address, the registers.\n"},
    {"t+", 0, PANEL, cmd_watch, "instruction trace on",
     "Format: \"t+ [range]\".  Turns tracing on.  \"t+devn\" (no blank) turns on CCW tracing for\n"
     "device devn: every CCW it runs, the data moved and the status; \"t-devn\" turns it off.\n"},
    {"t-", 0, PANEL, cmd_watch, "instruction trace off", "Format: \"t-\".  Turns tracing off.\n"},
    {"t?", 0, PANEL, cmd_watch, "instruction trace query", NULL},
    {"s", 0, PANEL, cmd_watch, "instruction stepping",
     "Format: \"s [range]\" sets the range of addresses to step in, as for t.  While stepping is on\n"
     "the CPU stops before each instruction in the range and shows it; \"s\" or Enter then runs\n"
     "that one instruction.  Without stepping, \"s\" shows the setting.\n"},
    {"s+", 0, PANEL, cmd_watch, "instruction stepping on", "Format: \"s+ [range]\".  Turns stepping on.\n"},
    {"s-", 0, PANEL, cmd_watch, "instruction stepping off", "Format: \"s-\".  Turns stepping off.\n"},
    {"s?", 0, PANEL, cmd_watch, "instruction stepping query", NULL},
    {"b", 0, PANEL, cmd_watch, "set breakpoint",
     "Format: \"b addr\" or \"b addr-addr\".  A CPU reaching an instruction there stops before it,\n"
     "with a message and the instruction shown; \"start\" or \"g\" goes on from there.\n"},
    {"b+", 0, PANEL, cmd_watch, "set breakpoint", NULL},
    {"b-", 0, PANEL, cmd_watch, "delete breakpoint", "Format: \"b-\".  Removes the breakpoint.\n"},
    {"g", 0, PANEL, cmd_go, "turn off instruction stepping and start all CPUs", NULL},

    /* storage images */
    {"loadcore", 0, PANEL, cmd_loadcore, "load a core image file",
     "Format: \"loadcore file [address]\".  Loads the file's bytes into absolute storage at\n"
     "address (default 0), with every CPU stopped.\n"},
    {"savecore", 0, PANEL, cmd_savecore, "save a core image to file",
     "Format: \"savecore file [start|*] [end|*]\".  Saves absolute storage from start to end; '*'\n"
     "(the default) is the first or last changed 2K block.\n"},

    /* devices */
    {"devlist", 4, PANEL, cmd_devlist, "list devices",
     "Format: \"devlist [xxx | class]\".  Lists every device, one device, or the devices of a\n"
     "class (CON, RDR, PCH, PRT, TAPE, DASD, DSP).\n"},
    {"devinit", 4, PANEL, cmd_devinit, "reinitialize device",
     "Format: \"devinit xxx [arg...]\".  Closes device xxx and opens it again with the new\n"
     "arguments (a card deck for a reader, a tape to mount) or, without arguments, with the\n"
     "ones it has; the device then presents an unsolicited device end.  If the new arguments\n"
     "are refused the device stays as it was.\n"},
    {"attach", 3, PANEL, cmd_attach, "configure device",
     "Format: \"attach xxx type [arg...]\".  Defines device xxx as in a configuration file.\n"},
    {"detach", 3, PANEL, cmd_detach, "remove device", "Format: \"detach xxx\".  Removes device xxx (it is closed).\n"},

    /* the panel */
    {"pause", 0, PANEL, cmd_pause, "pause command processing",
     "Format: \"pause n\".  Waits n seconds (a fraction like 0.5 is allowed, at most 999)\n"
     "before the next command is read.\n"},
    {"script", 0, PANEL, cmd_script, "run a sequence of panel commands contained in a file",
     "Format: \"script file...\".  Runs each line of each file as a command; scripts may run\n"
     "scripts, 10 deep at most.\n"},
    {"runtest", 0, PANEL, cmd_runtest, "start a test and wait for it to end",
     "Format: \"runtest [restart|start|external|svc|program|machine|io] [seconds]\".  Presses the\n"
     "restart key (the default) or the start key, or restarts through that old PSW; then waits\n"
     "until every CPU is stopped or in a disabled wait, at most the time limit (default 30,\n"
     "at most 300 seconds).  Program interruptions are reported meanwhile.  For Hercules-style\n"
     "test scripts (*.tst).\n"},
    {"maxrates", 0, PANEL, cmd_maxrates, "display maximum observed MIPS/SIOS rate for the defined interval",
     "Format: \"maxrates [minutes | midnight]\".  Shows the highest MIPS and SIO rates seen in the\n"
     "previous and the current interval, or sets the interval (default 1440 minutes).\n"},
    {"message", 3, PANEL, cmd_msg, "display message on console a la VM",
     "Format: \"message * text\".  Shows \" hh:mm:ss  * MSG FROM S370: text\".\n"},
    {"msg", 0, PANEL, cmd_msg, "alias for message", NULL},
    {"quit", 0, PANEL, cmd_quit, "terminate the emulator",
     "Format: \"quit\".  Halts the CPUs, closes every device (DASD images written back) and exits.\n"},
    {"exit", 0, PANEL, cmd_quit, "(synonym for 'quit')", NULL},
    {"defsym", 0, BOTH, cmd_defsym, "define symbol",
     "Format: \"defsym name value\".  Defines a symbol that $(name) and ${name} in later\n"
     "statements and commands are replaced by; a DEFSYM symbol hides an environment variable\n"
     "of the same name.  \"defsym\" alone lists the symbols.\n"},

    /* system statements */
    {"archlvl", 0, BOTH, stmt_archlvl, "set architecture level (S/370 only)",
     "Format: \"ARCHLVL S/370\" (or 370, S370).  Only S/370 is emulated; any other level is an\n"
     "error.\n"},
    {"archmode", 0, BOTH, stmt_archlvl, "old name of ARCHLVL", NULL},
    {"mainsize", 0, BOTH, stmt_mainsize, "set main storage size",
     "Format: \"MAINSIZE nnn[K|M] [LOCK|UNLOCK]\".  A plain number is megabytes.  S/370 main\n"
     "storage is 64K to 16M; a size that is not a multiple of 4K is rounded up to one.  At the\n"
     "panel, with every CPU stopped or in a disabled wait, the system is reset (clear) and gets\n"
     "storage of the new size, all zeros; it is refused while a CPU runs.\n"},
    {"numcpu", 0, BOTH, stmt_numcpu, "set number of CPUs",
     "Format: \"NUMCPU n\", n from 1 to 4.  At the panel, with every CPU stopped or in a disabled\n"
     "wait, CPUs are added (after an initial CPU reset) or taken away; refused while a CPU runs.\n"},
    {"cpuserial", 0, CONFIG, stmt_cpuserial, "set CPU serial number",
     "Format: \"CPUSERIAL xxxxxx\": 6 hex digits, stored by STIDP.\n"},
    {"cpumodel", 0, CONFIG, stmt_cpumodel, "set CPU model number",
     "Format: \"CPUMODEL xxxx\": 4 hex digits, stored by STIDP.\n"},
    {"cpuverid", 0, CONFIG, stmt_cpuverid, "set CPU version code",
     "Format: \"CPUVERID xx\": 2 hex digits, stored by STIDP.\n"},
    {"cnslport", 0, CONFIG, stmt_cnslport, "set console port",
     "Format: \"CNSLPORT port\" or \"CNSLPORT host:port\": where 3270 and telnet consoles connect.\n"},
    {"maxcpu", 0, CONFIG, stmt_maxcpu, "no effect: every CPU of NUMCPU is online",
     "Format: \"MAXCPU n\", n from 1 to 4.  Accepted with no effect.\n"},
    {"xpndsize", 0, CONFIG, stmt_xpndsize, "no effect: S/370 has no expanded storage",
     "Format: \"XPNDSIZE 0\".  A size other than 0 draws a warning and is ignored.\n"},
    {"ecpsvm", 0, CONFIG, stmt_ecpsvm, "no effect: the ECPS:VM assists are not emulated",
     "Format: \"ECPSVM NO\".  YES or LEVEL draws a warning: VM/370 then runs without the assists.\n"},
    NO_EFFECT("loadparm", "the S/370 IPL has no load parameter"),
    NO_EFFECT("timerint", "the timers follow the host clock"),
    NO_EFFECT("ostailor", "program checks are not filtered"),
    NO_EFFECT("pantitle", "no panel title in line mode"),
    NO_EFFECT("devtmax", "devices need no thread pool"),
    NO_EFFECT("diag8cmd", "DIAGNOSE 8 does not run host commands"),
    NO_EFFECT("shcmdopt", "no host shell commands"),
    NO_EFFECT("pgmprdos", "no licensed-program check"),
    NO_EFFECT("codepage", "EBCDIC is always code page 037"),
    NO_EFFECT("conkpalv", "TCP keepalive uses the host's defaults"),
    NO_EFFECT("sysepoch", "the TOD clock counts from 1900"),
    NO_EFFECT("tzoffset", "the TOD clock is UTC"),
    NO_EFFECT("yroffset", "the TOD clock is not offset"),
    NO_EFFECT("lparname", "no LPARs in S/370"),
    NO_EFFECT("lparnum", "no LPARs in S/370"),
    NO_EFFECT("cpuidfmt", "S/370 has the basic CPU id format"),
    NO_EFFECT("legacysenseid", "sense ID is always answered"),
    NO_EFFECT("hercprio", "threads run at normal priority"),
    NO_EFFECT("todprio", "threads run at normal priority"),
    NO_EFFECT("cpuprio", "threads run at normal priority"),
    NO_EFFECT("devprio", "threads run at normal priority"),
    NO_EFFECT("panrate", "no panel refresh in line mode"),
    NO_EFFECT("herclogo", "no logo file"),
    NO_EFFECT("logofile", "no logo file"),
    NO_EFFECT("httpport", "no HTTP server"),
    NO_EFFECT("httproot", "no HTTP server"),
    NO_EFFECT("http", "no HTTP server"),
    NO_EFFECT("modpath", "no loadable modules"),
    NO_EFFECT("cckd", "compressed DASD tuning is built in"),
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* ---- lookup and running ------------------------------------------------------------------------- */

const struct command *command_find(const char *word)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcasecmp_ascii(commands[i].name, word) == 0)
            return &commands[i];
    size_t n = strlen(word);
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (commands[i].abbreviation && n >= commands[i].abbreviation && n < strlen(commands[i].name) &&
            strncasecmp_ascii(commands[i].name, word, n) == 0)
            return &commands[i];
    return NULL;
}

bool command_run(struct command_env *env, int argc, char **argv)
{
    if (argc == 0)
        return true;
    const struct command *cmd = command_find(argv[0]);
    if (!cmd && env->scope == CMD_PANEL && is_ccw_trace_command(argv[0]))
        return cmd_ccw_trace(env, argc, argv);
    if (!cmd && env->scope == CMD_CONFIG) {
        cmd_warning(env, "S370W200", "unknown statement %s, ignored", argv[0]);
        return true;
    }
    if (!cmd)
        return cmd_error(env, "S370E201", "unknown command %s; enter \"help\" for the list", argv[0]);
    if (!(cmd->scope & env->scope))
        return cmd_error(env, "S370E202", "%s is %s", cmd->name,
                         env->scope == CMD_CONFIG ? "a panel command, not a configuration statement"
                                                  : "a configuration statement, not a panel command");
    return cmd->run(env, argc, argv);
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* The text after the first word of line. */
static const char *after_first_word(const char *line)
{
    const char *p = skip_blanks(line);
    while (*p && *p != ' ' && *p != '\t')
        p++;
    return skip_blanks(p);
}

bool command_line(struct command_env *env, const char *line)
{
    const char *p = skip_blanks(line);
    if (*p == '\0') {
        step_on_enter(env);
        return true;
    }
    if (*p == '*')
        cmd_print(env, "%s\n", p);
    if (*p == '#' || *p == '*' || integrated_console_line(env, p))
        return true;
    if (*p == '/')
        return cmd_error(env, "S370E262", "no integrated console (3215-C) has the prefix /");
    if (*p == '.')
        return system_console_line(env, p + 1);
    char err[256];
    char *expanded = symbols_expand(env->symbols, p, err, sizeof err);
    if (!expanded)
        return cmd_error(env, "S370E203", "%s", err);
    size_t n = strlen(expanded);
    while (n > 0 && (expanded[n - 1] == ' ' || expanded[n - 1] == '\t'))
        expanded[--n] = '\0';
    struct words w;
    bool ok = words_split(expanded, &w, err, sizeof err);
    if (!ok) {
        ok = cmd_error(env, "S370E204", "%s", err);
    } else {
        env->operands = after_first_word(expanded);
        env->statement = expanded;
        ok = command_run(env, w.argc, w.argv);
        words_free(&w);
    }
    free(expanded);
    return ok;
}

/* ---- responses ---------------------------------------------------------------------------------- */

void cmd_print(struct command_env *env, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    output_vprintf(env->out, fmt, ap);
    va_end(ap);
}

static void respond(struct command_env *env, const char *id, const char *fmt, va_list ap)
{
    char *text = xvasprintf(fmt, ap);
    if (env->scope == CMD_CONFIG)
        config_message(env->config, id, env->where, "%s: %s", env->statement, text);
    else
        output_printf(env->out, "%s %s\n", id, text);
    free(text);
}

bool cmd_error(struct command_env *env, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    respond(env, id, fmt, ap);
    va_end(ap);
    return false;
}

void cmd_warning(struct command_env *env, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    respond(env, id, fmt, ap);
    va_end(ap);
}

/* ---- help --------------------------------------------------------------------------------------- */

static bool help_for(struct command_env *env, const char *word)
{
    const struct command *cmd = command_find(word);
    if (!cmd)
        return cmd_error(env, "S370E205", "unknown command %s; enter \"help\" for the list", word);
    cmd_print(env, "S370I206 %s: %s%s\n", cmd->name, cmd->help,
              cmd->scope == CMD_CONFIG ? " (a configuration statement)" : "");
    if (cmd->abbreviation)
        cmd_print(env, "Shortest form: %.*s\n", (int)cmd->abbreviation, cmd->name);
    if (cmd->long_help)
        cmd_print(env, "%s", cmd->long_help);
    return true;
}

static void list_commands(struct buf *b, unsigned scope)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (commands[i].scope & scope)
            buf_printf(b, "  %-14s %s\n", commands[i].name, commands[i].help);
}

static bool cmd_help(struct command_env *env, int argc, char **argv)
{
    if (argc > 2)
        return cmd_error(env, "S370E207", "help takes one command name at most");
    if (argc == 2)
        return help_for(env, argv[1]);
    struct buf b = {0};
    buf_printf(&b, "S370I208 Panel commands (\"help command\" tells more):\n");
    list_commands(&b, CMD_PANEL);
    buf_printf(&b, "  %-14s %s\n", "/text", "send a line to the integrated console with that prefix");
    buf_printf(&b, "Configuration statements:\n");
    list_commands(&b, CMD_CONFIG);
    buf_printf(&b, "  %-14s %s\n", "INCLUDE file", "read another configuration file here");
    buf_printf(&b, "  %-14s %s\n", "IGNORE INCLUDE_ERRORS", "a missing INCLUDE file is only a warning");
    buf_printf(&b, "  %-14s %s\n", "cuu type args", "a device statement (cuu, cuu-cuu, cuu.n, cuu,cuu, 0:cuu)");
    cmd_print(env, "%s", buf_cstr(&b));
    buf_free(&b);
    return true;
}

/* ---- pause, msg, quit --------------------------------------------------------------------------- */

#define MAX_PAUSE_SECONDS 999

/* Seconds with an optional fraction: "2", "0.5", ".25". */
static bool parse_seconds(const char *s, double *seconds)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= 0 && v <= MAX_PAUSE_SECONDS) || strpbrk(s, "eExXnN"))
        return false;
    *seconds = v;
    return true;
}

static bool cmd_pause(struct command_env *env, int argc, char **argv)
{
    double seconds;
    if (argc != 2 || !parse_seconds(argv[1], &seconds))
        return cmd_error(env, "S370E209", "pause takes a number of seconds from 0 to %d, like 2 or 0.5",
                         MAX_PAUSE_SECONDS);
    struct timespec t = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
    while (nanosleep(&t, &t) != 0)
        ;
    return true;
}

/* "msg * text": the text after the target word, VM style.  Hercules prints the same with "HERCULES". */
static bool cmd_msg(struct command_env *env, int argc, char **argv)
{
    (void)argv;
    if (argc < 3)
        return cmd_error(env, "S370E210", "the format is \"msg * text\"");
    const char *text = after_first_word(env->operands);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    cmd_print(env, " %02d:%02d:%02d  * MSG FROM S370: %s\n", tm.tm_hour, tm.tm_min, tm.tm_sec, text);
    return true;
}

static bool cmd_quit(struct command_env *env, int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        return cmd_error(env, "S370E211", "quit takes no operands");
    env->system->quit = true;
    return true;
}
