/*
 * debug_commands.c - instruction trace, stepping and breakpoints at the panel, as Hercules 3.13:
 * t / t+ / t- / t? with an address range, t+devn / t-devn for CCW tracing, s+ / s- / s? and s or Enter to step, b addr / b- for
 * breakpoints, g to leave stepping; and how a watched instruction is shown (display_inst in Hercules):
 *
 *   PSW=00000000 60000210 INST=5020C026     ST    2,38(0,12)
 *   R:00000228:K:06=00000000 40404040 40404040 00000000  ....        ....
 *   GR00=00000000  GR01=00000000  GR02=0000000F  GR03=00000000  ...
 *
 * The settings live in the CPUs (cpu370/debug.c); CPU 0's are the master copy, given to every CPU.
 * Program interruptions are reported (HHCCP014I) while tracing and during runtest.
 */
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "channels/channel.h"
#include "common/util.h"
#include "console/display.h"
#include "console/handlers.h"
#include "console/output.h"
#include "console/system.h"
#include "console/words.h"
#include "cpu370/opcodes.h"

/* ---- showing an instruction --------------------------------------------------------------------- */

static int register_prefix_cpu(struct cpu *c)
{
    return machine_ncpus(cpu_machine(c)) > 1 ? cpu_index(c) : -1;
}

/* Hercules shows the storage an instruction addresses: the first operand of every instruction of
   four bytes or more (indexed for RX and LRA; not for the direct-control WRD and RDD), the second of
   the SS instructions. */
static void operand_storage(struct buf *b, struct cpu *c, const uint8_t *inst)
{
    int length = s370_instruction_length(inst[0]);
    bool indexed = (inst[0] >= 0x40 && inst[0] <= 0x7F) || inst[0] == 0xB1;
    if (length < 4 || inst[0] == 0x84 || inst[0] == 0x85)
        return;
    for (int at = 2; at < length; at += 2) {
        unsigned base = inst[at] >> 4, index = inst[1] & 15;
        uint32_t address = (uint32_t)(inst[at] & 15) << 8 | inst[at + 1];
        address += (base ? cpu_gr(c, (int)base) : 0) + (indexed && at == 2 && index ? cpu_gr(c, (int)index) : 0);
        display_cpu_storage_line(b, c, address & 0xFFFFFF);
    }
}

/* General registers except for floating-point RR instructions, control registers for the B2xx
   group and whenever DAT is on, floating-point registers for floating-point instructions. */
static void instruction_registers(struct buf *b, struct cpu *c, const uint8_t *inst)
{
    bool float_rr = inst[0] >= 0x20 && inst[0] <= 0x3F;
    bool float_rx = inst[0] >= 0x60 && inst[0] <= 0x7F;
    const struct psw *psw = cpu_psw(c);
    bool dat = psw->ec && (psw->sysmask & PSW_EC_DAT);
    uint32_t values[16];
    if (!float_rr) {
        for (int i = 0; i < 16; i++)
            values[i] = cpu_gr(c, i);
        display_registers(b, "GR", values, register_prefix_cpu(c));
    }
    if (inst[0] == 0xB2 || dat) {
        for (int i = 0; i < 16; i++)
            values[i] = cpu_cr(c, i);
        display_registers(b, "CR", values, register_prefix_cpu(c));
    }
    if (float_rr || float_rx) {
        uint64_t fprs[4];
        for (int i = 0; i < 4; i++)
            fprs[i] = cpu_fpr(c, 2 * i);
        display_fprs(b, fprs, register_prefix_cpu(c));
    }
}

/* cpu_debug.show: on the CPU's thread, before the instruction executes. */
static void show_instruction(void *ctx, struct cpu *c, unsigned matched, uint32_t address, const uint8_t *inst)
{
    struct system *s = ctx;
    struct buf b = {0};
    if (matched & CPU_WATCH_BREAK)
        buf_printf(&b, "S370I280 CPU%04X: stopped at breakpoint %06X\n", (unsigned)cpu_index(c), address);
    uint8_t psw[8];
    cpu_get_psw(c, psw);
    display_instruction(&b, psw, inst);
    if (inst) {
        operand_storage(&b, c, inst);
        instruction_registers(&b, c, inst);
    }
    output_printf(s->out, "%s", buf_cstr(&b));
    buf_free(&b);
}

/* cpu_debug.interrupted: as Hercules 3.13 reports a program interruption. */
static void show_program_interruption(void *ctx, struct cpu *c, int code, int ilc)
{
    struct system *s = ctx;
    struct buf b = {0};
    display_program_interruption(&b, cpu_index(c), code, ilc);
    output_printf(s->out, "%s", buf_cstr(&b));
    buf_free(&b);
}

/* ---- the settings ------------------------------------------------------------------------------- */

static void get_settings(struct system *s, struct cpu_debug *d)
{
    cpu_get_debug(machine_cpu(s->m, 0), d);
}

/* Every CPU gets the settings, with the console's callbacks; program interruptions are reported while
   tracing or a runtest is on. */
static void put_settings(struct system *s, struct cpu_debug *d)
{
    d->show = show_instruction;
    d->interrupted = show_program_interruption;
    d->ctx = s;
    for (int i = 0; i < machine_ncpus(s->m); i++)
        cpu_set_debug(machine_cpu(s->m, i), d);
}

void debug_settings_changed(struct system *s)
{
    struct cpu_debug d;
    get_settings(s, &d);
    put_settings(s, &d);
}

void debug_report_program_interruptions(struct system *s, bool on)
{
    struct cpu_debug d;
    get_settings(s, &d);
    d.report_program_interruptions = on || d.trace.on;
    put_settings(s, &d);
}

/* ---- t, s, b ------------------------------------------------------------------------------------ */

/* addr, addr-addr, addr:addr or addr.len (24-bit hex addresses). */
static bool parse_range(const char *s, struct cpu_watch_range *w)
{
    char first[16], last[16];
    size_t n = strcspn(s, "-:.");
    if (n == 0 || n >= sizeof first)
        return false;
    memcpy(first, s, n);
    first[n] = '\0';
    snprintf(last, sizeof last, "%s", s[n] ? s + n + 1 : first);
    uint32_t a, b;
    if (!parse_hex(first, 6, &a) || !parse_hex(last, 6, &b) || (s[n] == '.' && b == 0))
        return false;
    w->first = a;
    w->last = s[n] == '.' ? (a + b - 1) & 0xFFFFFF : b;
    return true;
}

/* Which watch a command word sets: its name in messages and where it is in the settings. */
struct watch_command {
    char letter;
    const char *noun;
    size_t offset;
};

static const struct watch_command watch_commands[] = {
    {'t', "tracing", offsetof(struct cpu_debug, trace)},
    {'s', "stepping", offsetof(struct cpu_debug, step)},
    {'b', "break", offsetof(struct cpu_debug, breakpoint)},
};

static const struct watch_command *watch_command_for(const char *word)
{
    for (size_t i = 0; i < sizeof watch_commands / sizeof watch_commands[0]; i++)
        if ((word[0] | 0x20) == watch_commands[i].letter)
            return &watch_commands[i];
    return NULL;
}

/* "Instruction tracing on range 200-2ff" (Hercules' HHCPN040I, lower-case hex). */
static void report_watch(struct command_env *env, const struct watch_command *wc, const struct cpu_watch_range *w)
{
    cmd_print(env, "S370I281 Instruction %s %s", wc->noun, w->on ? "on" : "off");
    if (w->first || w->last)
        cmd_print(env, " range %x-%x", w->first, w->last);
    cmd_print(env, "\n");
}

/* Stepping is on and the target CPU stopped before an instruction: run it, and wait (a moment) for the
   CPU to stop before the next, so that what it shows comes before the next command's output. */
#define STEP_WAIT_MS 1000

static bool step_one(struct command_env *env)
{
    struct cpu *c = system_cpu(env->system);
    uint64_t count = cpu_instruction_count(c);
    cpu_start(c);
    struct timespec tick = {0, 1000000};
    for (int waited = 0; waited < STEP_WAIT_MS; waited++) {
        if (cpu_instruction_count(c) != count && (cpu_state(c) != CPU_OPERATING || cpu_in_disabled_wait(c)))
            break;
        nanosleep(&tick, NULL);
    }
    return true;
}

static bool stepping_stopped(struct system *s)
{
    struct cpu_debug d;
    get_settings(s, &d);
    return d.step.on && cpu_state(system_cpu(s)) == CPU_STOPPED;
}

bool step_on_enter(struct command_env *env)
{
    return stepping_stopped(env->system) && step_one(env);
}

/* t[+|-|?] [range], s[+|-|?] [range], b[+|-] [range]: + on, - off, ? or nothing the state; a range
   alone sets the range (b: and turns it on).  s alone steps while the CPU waits at a step. */
bool cmd_watch(struct command_env *env, int argc, char **argv)
{
    const struct watch_command *wc = watch_command_for(argv[0]);
    char action = argv[0][1];
    struct cpu_debug d;
    get_settings(env->system, &d);
    struct cpu_watch_range *w = (struct cpu_watch_range *)((char *)&d + wc->offset);
    if (argc > 2 || (argc == 2 && (action == '-' || action == '?')))
        return cmd_error(env, "S370E282", "the format is \"%c[+|-|?] [addr | addr-addr | addr.len]\"", wc->letter);
    if (argc == 2 && !parse_range(argv[1], w))
        return cmd_error(env, "S370E283", "%s is not an address range (addr, addr-addr, addr:addr or addr.len)",
                         argv[1]);
    if (wc->letter == 's' && action == '\0' && argc == 1 && stepping_stopped(env->system))
        return step_one(env);
    if (action == '+' || action == '-')
        w->on = action == '+';
    if (wc->letter == 'b' && argc == 2)
        w->on = true;
    d.report_program_interruptions = d.trace.on;
    put_settings(env->system, &d);
    report_watch(env, wc, w);
    return true;
}

/* t+devn / t-devn: CCW trace for one device (Hercules' form: the device number right after the sign). */
bool is_ccw_trace_command(const char *word)
{
    uint32_t address;
    return (word[0] | 0x20) == 't' && (word[1] == '+' || word[1] == '-') && word[2] &&
           parse_hex(word + 2, 4, &address);
}

bool cmd_ccw_trace(struct command_env *env, int argc, char **argv)
{
    uint32_t address;
    bool on = argv[0][1] == '+';
    if (argc > 1)
        return cmd_error(env, "S370E284", "the format is \"t+devn\" or \"t-devn\"");
    parse_hex(argv[0] + 2, 4, &address);
    if (address > 0xFFF || !channel_set_ccw_trace(env->system->cs, (uint16_t)address, on))
        return cmd_error(env, "S370E285", "device %04X does not exist", address);
    cmd_print(env, "S370I286 CCW tracing for %04X %s\n", address, on ? "on" : "off");
    return true;
}

/* g: leave stepping and start every CPU. */
bool cmd_go(struct command_env *env, int argc, char **argv)
{
    if (argc > 1)
        return cmd_error(env, "S370E240", "%s takes no operands", argv[0]);
    struct cpu_debug d;
    get_settings(env->system, &d);
    d.step.on = false;
    put_settings(env->system, &d);
    for (int i = 0; i < machine_ncpus(env->system->m); i++)
        cpu_start(machine_cpu(env->system->m, i));
    return true;
}
