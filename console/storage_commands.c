/*
 * storage_commands.c - the operator's view of storage: r (real), abs (absolute) and v (virtual, through
 * the target CPU's translation tables) to display and alter, u to disassemble, pr for the prefix
 * register, and loadcore/savecore for binary images.  Operands and displays as Hercules 3.13
 * (hsccmd.c): `r 200.40`, `r 1000-101F`, `r 1000=47F0 F00A`, `v P2000`, `u 200.20`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "console/display.h"
#include "console/handlers.h"
#include "console/system.h"
#include "console/words.h"

#define MAX_ADDRESS 0xFFFFFFu /* 24-bit addresses */
#define DEFAULT_DISPLAY 64
#define MAX_DISPLAY_LINES 999
#define MAX_ALTER_BYTES 32
#define LINE_BYTES 16
#define BLOCK 2048 /* storage-key block: a virtual display heads each one with its translation */
#define PGM_ADDRESSING 0x05

/* ---- address spaces ----------------------------------------------------------------------------- */

uint32_t absolute_of_real(const struct cpu *c, uint32_t real)
{
    uint32_t prefix = cpu_prefix(c);
    uint32_t frame = real & ~0xFFFu;
    if (frame == 0)
        return real | prefix;
    if (frame == prefix)
        return real & 0xFFF;
    return real;
}

/* Where an address of a display leads: 'R' real (prefixed), 'A' absolute, 'V' virtual (translated
   when `translate`, else real). */
struct space {
    char letter;
    bool translate;
    struct cpu *cpu;
};

/* The absolute address behind an address of the space: 0, or the program interruption code of the
   translation, or PGM_ADDRESSING beyond storage. */
static int locate(const struct space *sp, uint32_t address, uint32_t *absolute)
{
    uint32_t real = address;
    if (sp->translate) {
        int code = cpu_translate_for_display(sp->cpu, address, &real);
        if (code)
            return code;
    }
    *absolute = sp->letter == 'A' ? address : absolute_of_real(sp->cpu, real);
    return *absolute < machine_storage_size(cpu_machine(sp->cpu)) ? 0 : PGM_ADDRESSING;
}

/* One display line at address (16 bytes or to the end of the 2K block): the storage, or why there is
   none.  Returns the bytes the line covers. */
static unsigned space_line(struct buf *b, const struct space *sp, uint32_t address)
{
    struct machine *m = cpu_machine(sp->cpu);
    uint32_t absolute;
    int code = locate(sp, address, &absolute);
    if (code == PGM_ADDRESSING) {
        display_storage_invalid(b, sp->letter, address);
        return LINE_BYTES;
    }
    if (code) {
        display_translation_exception(b, address, code);
        return LINE_BYTES;
    }
    return display_storage_line(b, sp->letter, address, machine_storage_key(m, absolute),
                                machine_storage(m) + absolute, machine_storage_size(m) - absolute);
}

void display_cpu_storage_line(struct buf *b, struct cpu *c, uint32_t address)
{
    const struct psw *psw = cpu_psw(c);
    bool dat = psw->ec && (psw->sysmask & PSW_EC_DAT);
    struct space sp = {dat ? 'V' : 'R', dat, c};
    space_line(b, &sp, address & MAX_ADDRESS);
}

/* "V:00001000 (primary) R:00005000" before each 2K block of a virtual display. */
static void virtual_head(struct buf *b, const struct space *sp, uint32_t address)
{
    uint32_t real = address;
    bool failed = sp->translate && cpu_translate_for_display(sp->cpu, address, &real) != 0;
    display_virtual_head(b, address, sp->translate, failed, real);
}

static void display_range(struct command_env *env, const struct space *sp, uint32_t start, uint32_t end)
{
    struct buf b = {0};
    uint64_t address = start;
    for (int line = 0; line < MAX_DISPLAY_LINES && address <= end; line++) {
        if (sp->letter == 'V' && (address == start || address % BLOCK == 0))
            virtual_head(&b, sp, (uint32_t)address);
        address += space_line(&b, sp, (uint32_t)address);
    }
    cmd_print(env, "%s", buf_cstr(&b));
    buf_free(&b);
}

/* ---- operands ----------------------------------------------------------------------------------- */

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

/* addr, addr-addr, addr.len or (when alter is allowed) addr=value (hsccmd.c parse_range). */
static bool parse_storage_operand(const char *s, bool alter, uint32_t default_length, struct storage_operand *op,
                                  char *err, size_t errlen)
{
    const char *format = alter ? "addr, addr-addr, addr.len or addr=value" : "addr, addr-addr or addr.len";
    const char *p = s;
    uint32_t second;
    memset(op, 0, sizeof *op);
    if (!*s) {
        snprintf(err, errlen, "no operand: the format is %s", format);
        return false;
    }
    if (!take_hex(&p, &op->start)) {
        snprintf(err, errlen, "invalid operand %s: the format is %s", s, format);
        return false;
    }
    char delimiter = *p;
    if (delimiter == '=' && alter) {
        if (!take_alter_data(p + 1, op, err, errlen))
            return false;
        op->end = op->start + op->ndata - 1;
    } else if (delimiter == '\0') {
        op->end = op->start + default_length - 1;
        if (op->end > MAX_ADDRESS)
            op->end = MAX_ADDRESS;
    } else {
        p++;
        if ((delimiter != '-' && delimiter != '.') || !take_hex(&p, &second) || *p) {
            snprintf(err, errlen, "invalid operand %s: the format is %s", s, format);
            return false;
        }
        op->end = delimiter == '-' ? second : op->start + second - 1;
        if (delimiter == '.' && second == 0)
            op->end = op->start - 1; /* an empty range */
    }
    if (op->start > MAX_ADDRESS || op->end > MAX_ADDRESS || op->end < op->start) {
        snprintf(err, errlen, "invalid range %s", s);
        return false;
    }
    return true;
}

/* ---- display and alter: r, abs, v --------------------------------------------------------------- */

/* Every byte is checked before any changes: a failure leaves storage as it was. */
static bool alter_space(struct command_env *env, const struct space *sp, const struct storage_operand *op)
{
    struct machine *m = cpu_machine(sp->cpu);
    uint32_t absolute[MAX_ALTER_BYTES];
    for (unsigned i = 0; i < op->ndata; i++) {
        uint32_t address = op->start + i;
        int code = locate(sp, address, &absolute[i]);
        if (code == PGM_ADDRESSING)
            return cmd_error(env, "S370E247", "%s address %X is beyond the end of storage (%X)",
                             sp->letter == 'A' ? "absolute" : sp->letter == 'V' ? "virtual" : "real", address,
                             machine_storage_size(m));
        if (code)
            return cmd_error(env, "S370E263", "virtual address %X cannot be translated: program interruption %04X",
                             address, (unsigned)code);
    }
    uint8_t *storage = machine_storage(m);
    for (unsigned i = 0; i < op->ndata; i++) {
        storage[absolute[i]] = op->data[i];
        machine_storage_changed(m, absolute[i], 1);
        machine_set_storage_key(m, absolute[i], machine_storage_key(m, absolute[i]) | 0x06); /* referenced, changed */
    }
    return true;
}

static bool storage_command(struct command_env *env, const struct space *sp, const char *operand)
{
    struct storage_operand op;
    char err[256];
    if (!parse_storage_operand(operand, true, DEFAULT_DISPLAY, &op, err, sizeof err))
        return cmd_error(env, "S370E248", "%s", err);
    if (op.ndata && !alter_space(env, sp, &op))
        return false;
    display_range(env, sp, op.start, op.end);
    return true;
}

bool cmd_r(struct command_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    struct space sp = {'R', false, system_cpu(env->system)};
    return storage_command(env, &sp, env->operands);
}

bool cmd_abs(struct command_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    struct space sp = {'A', false, system_cpu(env->system)};
    return storage_command(env, &sp, env->operands);
}

/* [P|S|H]: S/370 has one address space, the primary one; P asks for translation even with DAT off
   in the PSW.  With no letter the PSW decides, as Hercules. */
static bool virtual_space(struct command_env *env, const char **operand, struct space *sp)
{
    struct cpu *c = system_cpu(env->system);
    const struct psw *psw = cpu_psw(c);
    char letter = (char)(**operand & ~0x20);
    *sp = (struct space){'V', psw->ec && (psw->sysmask & PSW_EC_DAT), c};
    if (letter == 'S' || letter == 'H')
        return cmd_error(env, "S370E264", "S/370 has no %s address space: use P (primary) or no letter",
                         letter == 'S' ? "secondary" : "home");
    if (letter == 'P') {
        sp->translate = true;
        (*operand)++;
    }
    return true;
}

bool cmd_v(struct command_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    const char *operand = env->operands;
    struct space sp;
    return virtual_space(env, &operand, &sp) && storage_command(env, &sp, operand);
}

/* ---- u: disassemble ----------------------------------------------------------------------------- */

bool cmd_u(struct command_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    const char *operand = env->operands;
    char letter = (char)(*operand & ~0x20);
    bool virtual = letter == 'V' || letter == 'P';
    struct space sp = {virtual ? 'V' : 'R', virtual, system_cpu(env->system)};
    if (virtual || letter == 'R')
        operand++;
    struct storage_operand op;
    char err[256];
    if (!parse_storage_operand(operand, false, DEFAULT_DISPLAY, &op, err, sizeof err))
        return cmd_error(env, "S370E265", "%s", err);
    struct buf b = {0};
    uint64_t address = op.start;
    for (int line = 0; line < MAX_DISPLAY_LINES && address <= op.end; line++) {
        uint8_t inst[6];
        int code = cpu_fetch_for_display(sp.cpu, (uint32_t)address, sp.translate, inst);
        if (code == PGM_ADDRESSING)
            display_storage_invalid(&b, sp.letter, (uint32_t)address);
        else if (code)
            display_translation_exception(&b, (uint32_t)address, code);
        address += code ? 2 : (uint64_t)display_unassembled(&b, sp.letter, (uint32_t)address, inst);
    }
    cmd_print(env, "%s", buf_cstr(&b));
    buf_free(&b);
    return true;
}

bool cmd_pr(struct command_env *env, int argc, char **argv)
{
    if (argc > 1)
        return cmd_error(env, "S370E240", "%s takes no operands", argv[0]);
    struct buf b = {0};
    display_prefix(&b, cpu_prefix(system_cpu(env->system)));
    cmd_print(env, "%s", buf_cstr(&b));
    buf_free(&b);
    return true;
}

/* ---- loadcore, savecore ------------------------------------------------------------------------- */

/* An absolute address operand: up to 6 hex digits within storage. */
static bool parse_absolute(struct command_env *env, const char *word, uint32_t *address)
{
    uint32_t size = machine_storage_size(env->system->m);
    if (!parse_hex(word, 6, address) || *address >= size)
        return cmd_error(env, "S370E266", "%s is not an absolute address in storage (0-%X)", word, size - 1);
    return true;
}

bool cmd_loadcore(struct command_env *env, int argc, char **argv)
{
    uint32_t address = 0;
    if (argc < 2 || argc > 3)
        return cmd_error(env, "S370E267", "the format is \"loadcore file [address]\"");
    if (argc == 3 && !parse_absolute(env, argv[2], &address))
        return false;
    if (!cpus_quiet(env->system))
        return cmd_error(env, "S370E268", "a CPU is running: stop it before loading storage");
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return cmd_error(env, "S370E269", "cannot open %s: %s", argv[1], strerror(errno));
    struct machine *m = env->system->m;
    uint32_t room = machine_storage_size(m) - address;
    uint8_t *data = xmalloc((size_t)room + 1);
    size_t n = fread(data, 1, (size_t)room + 1, f);
    bool failed = ferror(f);
    fclose(f);
    bool ok = !failed && n <= room;
    if (ok) {
        machine_load(m, address, data, n);
        for (uint64_t a = address & ~(uint64_t)(BLOCK - 1); a < (uint64_t)address + n; a += BLOCK)
            machine_set_storage_key(m, (uint32_t)a, machine_storage_key(m, (uint32_t)a) | 0x06);
        cmd_print(env, "S370I270 %s: %zu bytes loaded at %06X\n", argv[1], n, address);
    }
    free(data);
    if (failed)
        return cmd_error(env, "S370E269", "cannot read %s", argv[1]);
    if (!ok)
        return cmd_error(env, "S370E271", "%s does not fit in storage at %06X (%X bytes there); nothing loaded",
                         argv[1], address, room);
    return true;
}

/* The first or last 2K block whose change bit is on ('*' of savecore); false when none is. */
static bool changed_block(struct machine *m, bool last, uint32_t *address)
{
    uint32_t blocks = machine_storage_size(m) / BLOCK;
    for (uint32_t i = 0; i < blocks; i++) {
        uint32_t block = last ? blocks - 1 - i : i;
        if (machine_storage_key(m, block * BLOCK) & 0x02) {
            *address = block * BLOCK + (last ? BLOCK - 1 : 0);
            return true;
        }
    }
    return false;
}

static bool savecore_bound(struct command_env *env, int argc, char **argv, int index, bool last, uint32_t *address)
{
    if (argc > index && strcmp(argv[index], "*") != 0)
        return parse_absolute(env, argv[index], address);
    if (!changed_block(env->system->m, last, address))
        return cmd_error(env, "S370E272", "no storage has been changed: give the addresses to save");
    return true;
}

bool cmd_savecore(struct command_env *env, int argc, char **argv)
{
    uint32_t start, end;
    if (argc < 2 || argc > 4)
        return cmd_error(env, "S370E273", "the format is \"savecore file [start|*] [end|*]\"");
    if (!savecore_bound(env, argc, argv, 2, false, &start) || !savecore_bound(env, argc, argv, 3, true, &end))
        return false;
    if (end < start)
        return cmd_error(env, "S370E274", "the end %06X is before the start %06X", end, start);
    FILE *f = fopen(argv[1], "wb");
    if (!f)
        return cmd_error(env, "S370E275", "cannot create %s: %s", argv[1], strerror(errno));
    size_t length = (size_t)end - start + 1;
    bool ok = fwrite(machine_storage(env->system->m) + start, 1, length, f) == length;
    ok = fclose(f) == 0 && ok;
    if (!ok)
        return cmd_error(env, "S370E275", "cannot write %s", argv[1]);
    cmd_print(env, "S370I276 locations %08X-%08X saved to %s\n", start, end, argv[1]);
    return true;
}
