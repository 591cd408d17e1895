/*
 * cpu_commands.c - the operator's controls of the CPUs: ipl, sysreset, sysclear, restart, start, stop,
 * ext (the interrupt key), the psw display and its alteration field by field, the gpr, cr and fpr
 * displays (Hercules' formats, display.h), and translate, which shows or switches the translation of
 * hot runs of instructions to host code (s370's own: Hercules has no such command).  Commands
 * address the target CPU (CPU 0 until the cpu command exists).
 */
#include <stdio.h>
#include <string.h>

#include "common/util.h"
#include "console/display.h"
#include "console/handlers.h"
#include "console/system.h"
#include "console/words.h"

static bool no_operands(struct command_env *env, int argc, char **argv)
{
    if (argc == 1)
        return true;
    return cmd_error(env, "S370E240", "%s takes no operands", argv[0]);
}

/* ---- IPL, resets, run control ------------------------------------------------------------------- */

bool cmd_ipl(struct command_env *env, int argc, char **argv)
{
    bool clear = strcasecmp_ascii(argv[0], "iplc") == 0;
    if (argc == 3 && !clear && strcasecmp_ascii(argv[2], "clear") == 0) {
        clear = true;
        argc = 2;
    }
    if (argc != 2)
        return cmd_error(env, "S370E241", "the format is \"ipl xxx [clear]\"");
    uint16_t address;
    if (!parse_device_number(env, argv[1], &address))
        return false;
    char err[256];
    if (!channel_ipl(env->system->cs, address, clear, err, sizeof err))
        return cmd_error(env, "S370E242", "%s", err);
    return true;
}

static bool system_reset(struct command_env *env, bool clear)
{
    machine_system_reset(env->system->m, clear);
    return true;
}

bool cmd_sysreset(struct command_env *env, int argc, char **argv)
{
    if (argc == 1 || (argc == 2 && strcasecmp_ascii(argv[1], "normal") == 0))
        return system_reset(env, false);
    if (argc == 2 && strcasecmp_ascii(argv[1], "clear") == 0)
        return system_reset(env, true);
    return cmd_error(env, "S370E243", "the format is \"sysreset [normal|clear]\"");
}

bool cmd_sysclear(struct command_env *env, int argc, char **argv)
{
    return no_operands(env, argc, argv) && system_reset(env, true);
}

/* A key on the target CPU's console: what it does, and what the operator is told (before what the
   CPU then says). */
static bool press_key(struct command_env *env, int argc, char **argv, void (*key)(struct cpu *c), const char *said)
{
    if (!no_operands(env, argc, argv))
        return false;
    if (said)
        cmd_print(env, "%s\n", said);
    key(system_cpu(env->system));
    return true;
}

bool cmd_restart(struct command_env *env, int argc, char **argv)
{
    return press_key(env, argc, argv, cpu_restart, "S370I279 restart key depressed");
}

bool cmd_start(struct command_env *env, int argc, char **argv)
{
    return press_key(env, argc, argv, cpu_start, NULL);
}

bool cmd_stop(struct command_env *env, int argc, char **argv)
{
    return press_key(env, argc, argv, cpu_stop, NULL);
}

bool cmd_ext(struct command_env *env, int argc, char **argv)
{
    return press_key(env, argc, argv, cpu_interrupt_key, "S370I277 interrupt key depressed");
}

/* ---- PSW and registers -------------------------------------------------------------------------- */

/* Register lines carry "CPU0000: " only when there are several CPUs (hscmisc.c). */
static int display_cpu_number(struct command_env *env)
{
    return machine_ncpus(env->system->m) > 1 ? env->system->target_cpu : -1;
}

static void print_buf(struct command_env *env, struct buf *b)
{
    cmd_print(env, "%s", buf_cstr(b));
    buf_free(b);
}

/* Registers and the PSW change only while their CPU does not run: stopped, or in a disabled wait. */
static bool cpu_quiet(const struct cpu *c)
{
    return cpu_state(c) != CPU_OPERATING || cpu_in_disabled_wait(c);
}

bool cpus_quiet(struct system *s)
{
    for (int i = 0; i < machine_ncpus(s->m); i++)
        if (!cpu_quiet(machine_cpu(s->m, i)))
            return false;
    return true;
}

static bool require_quiet(struct command_env *env, const char *what)
{
    if (cpu_quiet(system_cpu(env->system)))
        return true;
    return cmd_error(env, "S370E246", "CPU%04X is running: stop it before altering %s",
                     (unsigned)env->system->target_cpu, what);
}

/* psw field=value operands (hsccmd.c psw_cmd): each names a field, its largest value and where it
   goes in the unpacked PSW.  S/370 has neither address-space control nor 31-bit addressing: as=pri and
   am=24 are accepted as they are. */
struct psw_field {
    const char *name;
    bool hex;
    uint32_t max;
    void (*set)(struct psw *p, uint32_t v);
};

static void set_sm(struct psw *p, uint32_t v)
{
    p->sysmask = (uint8_t)v;
}

static void set_pk(struct psw *p, uint32_t v)
{
    p->key = (uint8_t)v;
}

static void set_cmwp(struct psw *p, uint32_t v)
{
    p->ec = v & 8;
    p->mcheck = v & 4;
    p->wait = v & 2;
    p->problem = v & 1;
}

static void set_cc(struct psw *p, uint32_t v)
{
    p->cc = (uint8_t)v;
}

static void set_pm(struct psw *p, uint32_t v)
{
    p->progmask = (uint8_t)v;
}

static void set_ia(struct psw *p, uint32_t v)
{
    p->ia = v;
}

static const struct psw_field psw_fields[] = {
    {"sm", true, 0xFF, set_sm}, {"pk", false, 15, set_pk}, {"cmwp", true, 15, set_cmwp},
    {"cc", false, 3, set_cc},   {"pm", true, 15, set_pm},  {"ia", true, 0xFFFFFF, set_ia},
};

/* One operand into p; false when it is not field=value with a valid value. */
static bool apply_psw_operand(const char *operand, struct psw *p)
{
    const char *equals = strchr(operand, '=');
    if (!equals)
        return false;
    size_t n = (size_t)(equals - operand);
    const char *value = equals + 1;
    if (n == 2 && strncasecmp_ascii(operand, "as", 2) == 0)
        return strcasecmp_ascii(value, "pri") == 0;
    if (n == 2 && strncasecmp_ascii(operand, "am", 2) == 0)
        return strcmp(value, "24") == 0;
    for (size_t i = 0; i < sizeof psw_fields / sizeof psw_fields[0]; i++) {
        const struct psw_field *f = &psw_fields[i];
        uint32_t v;
        if (strlen(f->name) != n || strncasecmp_ascii(operand, f->name, n) != 0)
            continue;
        if (!(f->hex ? parse_hex(value, 8, &v) : parse_decimal(value, f->max, &v)) || v > f->max)
            return false;
        f->set(p, v);
        return true;
    }
    return false;
}

/* psw: display; psw field=value...: alter (every operand is checked first), then display. */
bool cmd_psw(struct command_env *env, int argc, char **argv)
{
    struct cpu *c = system_cpu(env->system);
    if (argc > 1) {
        struct psw p = *cpu_psw(c);
        for (int i = 1; i < argc; i++)
            if (!apply_psw_operand(argv[i], &p))
                return cmd_error(env, "S370E278",
                                 "invalid operand %s: the fields are sm=xx pk=n cmwp=x cc=n pm=x ia=xxxxxx "
                                 "(and as=pri, am=24)",
                                 argv[i]);
        if (!require_quiet(env, "the PSW"))
            return false;
        cpu_set_psw_fields(c, &p);
    }
    uint8_t psw[8];
    cpu_get_psw(c, psw);
    struct buf b = {0};
    display_psw_fields(&b, cpu_psw(c));
    display_psw(&b, psw);
    print_buf(env, &b);
    return true;
}

/* "nn=xxxxxxxx": a decimal register number 0-15 and a hex value of up to 8 digits. */
static bool parse_register_assignment(const char *s, int *reg, uint32_t *value)
{
    const char *equals = strchr(s, '=');
    if (!equals || equals == s || equals - s > 2)
        return false;
    char number[3] = {0};
    memcpy(number, s, (size_t)(equals - s));
    uint32_t r;
    if (!parse_decimal(number, 15, &r) || !parse_hex(equals + 1, 8, value))
        return false;
    *reg = (int)r;
    return true;
}

typedef uint32_t register_get(const struct cpu *c, int r);
typedef void register_set(struct cpu *c, int r, uint32_t v);

static bool registers_command(struct command_env *env, int argc, char **argv, const char *name, register_get *get,
                              register_set *set)
{
    struct cpu *c = system_cpu(env->system);
    if (argc > 2)
        return cmd_error(env, "S370E244", "the format is \"%s [nn=xxxxxxxx]\"", argv[0]);
    if (argc == 2) {
        int reg;
        uint32_t value;
        if (!parse_register_assignment(argv[1], &reg, &value))
            return cmd_error(env, "S370E245", "%s is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)", argv[1]);
        if (!require_quiet(env, "registers"))
            return false;
        set(c, reg, value);
    }
    uint32_t values[16];
    for (int i = 0; i < 16; i++)
        values[i] = get(c, i);
    struct buf b = {0};
    display_registers(&b, name, values, display_cpu_number(env));
    print_buf(env, &b);
    return true;
}

bool cmd_gpr(struct command_env *env, int argc, char **argv)
{
    return registers_command(env, argc, argv, "GR", cpu_gr, cpu_set_gr);
}

bool cmd_cr(struct command_env *env, int argc, char **argv)
{
    return registers_command(env, argc, argv, "CR", cpu_cr, cpu_set_cr);
}

bool cmd_fpr(struct command_env *env, int argc, char **argv)
{
    if (!no_operands(env, argc, argv))
        return false;
    struct cpu *c = system_cpu(env->system);
    uint64_t values[4];
    for (int i = 0; i < 4; i++)
        values[i] = cpu_fpr(c, 2 * i);
    struct buf b = {0};
    display_fprs(&b, values, display_cpu_number(env));
    print_buf(env, &b);
    return true;
}

/* ---- translation to host code ------------------------------------------------------------------- */

/* One line: "S370I287 translation is on; traces made: CPU0000 12, CPU0001 0". */
static void show_translation(struct command_env *env)
{
    struct machine *m = env->system->m;
    struct buf b = {0};
    buf_printf(&b, "S370I287 translation is %s; traces made:", machine_translation(m) ? "on" : "off");
    for (int i = 0; i < machine_ncpus(m); i++)
        buf_printf(&b, "%s CPU%04X %llu", i ? "," : "", (unsigned)i,
                   (unsigned long long)cpu_traces_made(machine_cpu(m, i)));
    buf_addc(&b, '\n');
    print_buf(env, &b);
}

/* translate: show; translate on|off: switch, then show.  Off takes effect as each CPU next enters
   its decoded loop, which then drops the traces it holds; the counts of traces made stay. */
bool cmd_translate(struct command_env *env, int argc, char **argv)
{
    bool on = argc == 2 && strcasecmp_ascii(argv[1], "on") == 0;
    bool off = argc == 2 && strcasecmp_ascii(argv[1], "off") == 0;
    if (argc > 2 || (argc == 2 && !on && !off))
        return cmd_error(env, "S370E288", "the format is \"translate [on|off]\"");
    if (on || off) {
        machine_set_translation(env->system->m, on);
        if (on && !machine_translation(env->system->m))
            return cmd_error(env, "S370E289", "this host cannot run translated code: translation stays off");
    }
    show_translation(env);
    return true;
}
