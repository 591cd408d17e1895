/*
 * cpu_commands.c - the operator's controls of the CPUs and storage: ipl, sysreset, sysclear, restart,
 * start, stop, and the psw, gpr, cr, fpr and r displays (Hercules' formats, display.h).  Commands
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

bool cmd_restart(struct command_env *env, int argc, char **argv)
{
    if (!no_operands(env, argc, argv))
        return false;
    cpu_restart(system_cpu(env->system));
    return true;
}

bool cmd_start(struct command_env *env, int argc, char **argv)
{
    if (!no_operands(env, argc, argv))
        return false;
    cpu_start(system_cpu(env->system));
    return true;
}

bool cmd_stop(struct command_env *env, int argc, char **argv)
{
    if (!no_operands(env, argc, argv))
        return false;
    cpu_stop(system_cpu(env->system));
    return true;
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

bool cmd_psw(struct command_env *env, int argc, char **argv)
{
    if (!no_operands(env, argc, argv))
        return false;
    struct cpu *c = system_cpu(env->system);
    uint8_t psw[8];
    cpu_get_psw(c, psw);
    struct buf b = {0};
    display_psw_fields(&b, cpu_psw(c));
    display_psw(&b, psw);
    print_buf(env, &b);
    return true;
}

/* Registers change only while their CPU does not run: stopped, or in a disabled wait. */
static bool cpu_quiet(const struct cpu *c)
{
    return cpu_state(c) != CPU_OPERATING || cpu_in_disabled_wait(c);
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
        if (!cpu_quiet(c))
            return cmd_error(env, "S370E246", "CPU%04X is running: stop it before altering registers",
                             (unsigned)env->system->target_cpu);
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

/* ---- real storage ------------------------------------------------------------------------------- */

#define MAX_REAL_ADDRESS 0xFFFFFFu /* 24-bit addresses */
#define DEFAULT_DISPLAY 64
#define MAX_DISPLAY_LINES 999
#define MAX_ALTER_BYTES 32

struct storage_operand {
    uint32_t start, end;
    uint8_t data[MAX_ALTER_BYTES];
    unsigned ndata; /* > 0: alter */
};

/* Hex digits at *p (at most 8); false if there are none. */
static bool take_hex(const char **p, uint32_t *value)
{
    char digits[9];
    size_t n = strspn(*p, "0123456789abcdefABCDEF");
    if (n == 0 || n > 8)
        return false;
    memcpy(digits, *p, n);
    digits[n] = '\0';
    *p += n;
    return parse_hex(digits, 8, value);
}

/* The value of addr=value: pairs of hex digits, blanks between them ignored, '#' a comment. */
static bool take_alter_data(const char *p, struct storage_operand *op, char *err, size_t errlen)
{
    char pair[3] = {0};
    size_t half = 0;
    for (; *p && *p != '#'; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (!strchr("0123456789abcdefABCDEF", *p)) {
            snprintf(err, errlen, "%c is not a hex digit", *p);
            return false;
        }
        pair[half++] = *p;
        if (half == 2) {
            uint32_t byte;
            if (op->ndata == MAX_ALTER_BYTES) {
                snprintf(err, errlen, "at most %d bytes can be altered at once", MAX_ALTER_BYTES);
                return false;
            }
            parse_hex(pair, 2, &byte);
            op->data[op->ndata++] = (uint8_t)byte;
            half = 0;
        }
    }
    if (half || op->ndata == 0) {
        snprintf(err, errlen, "the value must be pairs of hex digits");
        return false;
    }
    return true;
}

/* addr, addr-addr, addr.len or addr=value (hsccmd.c parse_range). */
static bool parse_storage_operand(const char *s, struct storage_operand *op, char *err, size_t errlen)
{
    const char *p = s;
    uint32_t second;
    memset(op, 0, sizeof *op);
    if (!*s) {
        snprintf(err, errlen, "no operand: the format is addr, addr-addr, addr.len or addr=value");
        return false;
    }
    if (!take_hex(&p, &op->start)) {
        snprintf(err, errlen, "invalid operand %s: the format is addr, addr-addr, addr.len or addr=value", s);
        return false;
    }
    char delimiter = *p;
    if (delimiter == '=') {
        if (!take_alter_data(p + 1, op, err, errlen))
            return false;
        op->end = op->start + op->ndata - 1;
    } else if (delimiter == '\0') {
        op->end = op->start + DEFAULT_DISPLAY - 1;
        if (op->end > MAX_REAL_ADDRESS)
            op->end = MAX_REAL_ADDRESS;
    } else {
        p++;
        if ((delimiter != '-' && delimiter != '.') || !take_hex(&p, &second) || *p) {
            snprintf(err, errlen, "invalid operand %s: the format is addr, addr-addr, addr.len or addr=value", s);
            return false;
        }
        op->end = delimiter == '-' ? second : op->start + second - 1;
        if (delimiter == '.' && second == 0)
            op->end = op->start - 1; /* an empty range */
    }
    if (op->start > MAX_REAL_ADDRESS || op->end > MAX_REAL_ADDRESS || op->end < op->start) {
        snprintf(err, errlen, "invalid range %s", s);
        return false;
    }
    return true;
}

/* Real to absolute: the first 4K and the CPU's prefix area trade places (GA22-7000 "Prefixing"). */
static uint32_t absolute_address(uint32_t real, uint32_t prefix)
{
    uint32_t frame = real & ~0xFFFu;
    if (frame == 0)
        return real | prefix;
    if (frame == prefix)
        return real & 0xFFF;
    return real;
}

static bool alter_storage(struct command_env *env, const struct storage_operand *op, uint32_t prefix)
{
    struct machine *m = env->system->m;
    uint32_t size = machine_storage_size(m);
    for (unsigned i = 0; i < op->ndata; i++)
        if (absolute_address(op->start + i, prefix) >= size)
            return cmd_error(env, "S370E247", "real address %X is beyond the end of storage (%X)", op->start + i,
                             size);
    uint8_t *storage = machine_storage(m);
    for (unsigned i = 0; i < op->ndata; i++) {
        uint32_t a = absolute_address(op->start + i, prefix);
        storage[a] = op->data[i];
        machine_set_storage_key(m, a, machine_storage_key(m, a) | 0x06); /* referenced and changed */
    }
    return true;
}

static void display_storage(struct command_env *env, uint32_t start, uint32_t end, uint32_t prefix)
{
    struct machine *m = env->system->m;
    uint32_t size = machine_storage_size(m);
    const uint8_t *storage = machine_storage(m);
    struct buf b = {0};
    uint64_t real = start;
    for (int line = 0; line < MAX_DISPLAY_LINES && real <= end; line++) {
        uint32_t a = absolute_address((uint32_t)real, prefix);
        if (a >= size) {
            display_storage_invalid(&b, (uint32_t)real);
            real += 16;
            continue;
        }
        real += display_storage_line(&b, (uint32_t)real, machine_storage_key(m, a), storage + a, size - a);
    }
    print_buf(env, &b);
}

bool cmd_r(struct command_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    struct storage_operand op;
    char err[256];
    if (!parse_storage_operand(env->operands, &op, err, sizeof err))
        return cmd_error(env, "S370E248", "%s", err);
    uint32_t prefix = cpu_prefix(system_cpu(env->system));
    if (op.ndata && !alter_storage(env, &op, prefix))
        return false;
    display_storage(env, op.start, op.end, prefix);
    return true;
}
