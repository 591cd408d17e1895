/*
 * statements.c - the system statements of a configuration file (ARCHLVL, MAINSIZE, NUMCPU, CPUSERIAL,
 * CPUMODEL, CPUVERID, CNSLPORT, those Hercules has that do nothing here) and DEFSYM.  Each checks its
 * operands as Hercules' bldcfg.c does and sets the field of struct config it names.  ARCHLVL, MAINSIZE,
 * NUMCPU and DEFSYM are panel commands too: at the panel MAINSIZE and NUMCPU rebuild the storage or
 * the CPUs of a machine whose CPUs are all stopped (or in a disabled wait), and are refused while one
 * runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "console/config.h"
#include "console/handlers.h"
#include "console/symbols.h"
#include "console/system.h"
#include "console/words.h"
#include "cpu370/cpu.h"

/* Exactly one operand (MAINSIZE may have LOCK or UNLOCK after it). */
static bool one_operand(struct command_env *env, int argc, char **argv)
{
    if (argc == 2)
        return true;
    return cmd_error(env, "S370E220", "%s takes one operand", argv[0]);
}

bool stmt_archlvl(struct command_env *env, int argc, char **argv)
{
    static const char *const s370_names[] = {"S/370", "370", "S370"};
    static const char *const other_names[] = {"ESA/390", "390", "S/390", "ESA390", "Z/ARCH", "ZARCH",
                                              "900", "ESAME", "Z/ARCHITECTURE"};
    if (!one_operand(env, argc, argv))
        return false;
    for (size_t i = 0; i < sizeof s370_names / sizeof s370_names[0]; i++)
        if (strcasecmp_ascii(argv[1], s370_names[i]) == 0)
            return true;
    for (size_t i = 0; i < sizeof other_names / sizeof other_names[0]; i++)
        if (strcasecmp_ascii(argv[1], other_names[i]) == 0)
            return cmd_error(env, "S370E221", "only S/370 is emulated, not %s", argv[1]);
    return cmd_error(env, "S370E222", "unknown architecture %s (S/370 is the one emulated)", argv[1]);
}

/* MAINSIZE: a plain number is megabytes; K and M suffixes (and G, always too large for S/370). */
static bool parse_storage_size(const char *s, uint64_t *bytes)
{
    size_t n = strlen(s);
    uint64_t unit = 1u << 20;
    char last = n ? s[n - 1] : '\0';
    static const struct {
        char suffix;
        uint64_t unit;
    } units[] = {{'K', 1u << 10}, {'k', 1u << 10}, {'M', 1u << 20}, {'m', 1u << 20}, {'G', 1u << 30}, {'g', 1u << 30}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (last == units[i].suffix) {
            unit = units[i].unit;
            n--;
        }
    char digits[16];
    uint32_t v;
    if (n == 0 || n >= sizeof digits)
        return false;
    memcpy(digits, s, n);
    digits[n] = '\0';
    if (!parse_decimal(digits, 0xFFFFFFFF, &v))
        return false;
    *bytes = v * unit;
    return true;
}

/* MAINSIZE and NUMCPU at the panel: a machine with every CPU quiet gets new storage (after a system
   reset-clear, which also ends any I/O into the old) or CPUs; the disabled-wait watcher, which looks
   the CPUs up, pauses meanwhile. */
static bool reconfigure(struct command_env *env, uint32_t size, int ncpus)
{
    struct system *s = env->system;
    if (size == machine_storage_size(s->m) && ncpus == machine_ncpus(s->m))
        return true;
    if (!cpus_quiet(s))
        return cmd_error(env, "S370E234", "%s is refused while a CPU runs: stop the CPUs first", env->statement);
    bool new_size = size != machine_storage_size(s->m);
    bool watching = s->watching;
    if (watching) {
        atomic_store(&s->stop_watching, true);
        pthread_join(s->watcher, NULL);
        s->watching = false;
    }
    if (new_size)
        machine_system_reset(s->m, true); /* no I/O in flight into the storage that goes */
    bool ok = machine_reconfigure(s->m, size, ncpus);
    if (watching)
        system_start(s); /* the watcher again (and CPU threads that are not running: none) */
    if (!ok)
        return cmd_error(env, "S370E235", "not enough host memory for %u bytes of storage", size);
    if (s->target_cpu >= ncpus)
        s->target_cpu = 0;
    debug_settings_changed(s);
    if (new_size)
        cmd_print(env, "S370I236 main storage is now %uK, all zeros\n", size >> 10);
    else
        cmd_print(env, "S370I237 the machine now has %d CPU%s\n", ncpus, ncpus == 1 ? "" : "s");
    return true;
}

#define MIN_STORAGE (64u << 10)
#define STORAGE_ROUNDING (4u << 10)

bool stmt_mainsize(struct command_env *env, int argc, char **argv)
{
    if (argc == 3 && (strcasecmp_ascii(argv[2], "LOCK") == 0 || strcasecmp_ascii(argv[2], "UNLOCK") == 0))
        argc = 2; /* locking storage in host memory: no effect */
    if (!one_operand(env, argc, argv))
        return false;
    uint64_t bytes;
    if (!parse_storage_size(argv[1], &bytes))
        return cmd_error(env, "S370E223", "%s is not a storage size (a number of megabytes, or with K or M)",
                         argv[1]);
    if (bytes < MIN_STORAGE || bytes > S370_MAX_STORAGE)
        return cmd_error(env, "S370E224", "S/370 main storage is 64K to 16M, not %s", argv[1]);
    /* Hercules rounds sizes below 16M up to a 4K multiple */
    uint32_t size = (uint32_t)((bytes + STORAGE_ROUNDING - 1) / STORAGE_ROUNDING * STORAGE_ROUNDING);
    if (env->scope == CMD_PANEL)
        return reconfigure(env, size, machine_ncpus(env->system->m));
    env->config->storage_size = size;
    return true;
}

static bool parse_cpu_count(struct command_env *env, int argc, char **argv, int *count)
{
    uint32_t n;
    if (!one_operand(env, argc, argv))
        return false;
    if (!parse_decimal(argv[1], S370_MAX_CPUS, &n) || n < 1)
        return cmd_error(env, "S370E225", "the number of CPUs is 1 to %d, not %s", S370_MAX_CPUS, argv[1]);
    *count = (int)n;
    return true;
}

bool stmt_numcpu(struct command_env *env, int argc, char **argv)
{
    int n;
    if (env->scope == CMD_CONFIG)
        return parse_cpu_count(env, argc, argv, &env->config->ncpus);
    return parse_cpu_count(env, argc, argv, &n) && reconfigure(env, machine_storage_size(env->system->m), n);
}

bool stmt_maxcpu(struct command_env *env, int argc, char **argv)
{
    int ignored;
    return parse_cpu_count(env, argc, argv, &ignored);
}

/* CPUSERIAL, CPUMODEL, CPUVERID: exactly `digits` hex digits (bldcfg.c checks the length too). */
static bool parse_cpu_id(struct command_env *env, int argc, char **argv, unsigned digits, uint32_t *value)
{
    if (!one_operand(env, argc, argv))
        return false;
    if (strlen(argv[1]) != digits || !parse_hex(argv[1], digits, value))
        return cmd_error(env, "S370E226", "%s needs exactly %u hex digits, not %s", argv[0], digits, argv[1]);
    return true;
}

bool stmt_cpuserial(struct command_env *env, int argc, char **argv)
{
    return parse_cpu_id(env, argc, argv, 6, &env->config->cpu_serial);
}

bool stmt_cpumodel(struct command_env *env, int argc, char **argv)
{
    uint32_t v;
    if (!parse_cpu_id(env, argc, argv, 4, &v))
        return false;
    env->config->cpu_model = (uint16_t)v;
    return true;
}

bool stmt_cpuverid(struct command_env *env, int argc, char **argv)
{
    uint32_t v;
    if (!parse_cpu_id(env, argc, argv, 2, &v))
        return false;
    env->config->cpu_version = (uint8_t)v;
    return true;
}

/* CNSLPORT port or host:port; the port 1 to 65535. */
bool stmt_cnslport(struct command_env *env, int argc, char **argv)
{
    if (!one_operand(env, argc, argv))
        return false;
    const char *colon = strrchr(argv[1], ':');
    uint32_t port;
    if ((colon && colon == argv[1]) || !parse_decimal(colon ? colon + 1 : argv[1], 65535, &port) || port == 0)
        return cmd_error(env, "S370E227", "%s is not a port (1-65535) or host:port", argv[1]);
    free(env->config->console_port);
    env->config->console_port = xstrdup(argv[1]);
    return true;
}

bool stmt_xpndsize(struct command_env *env, int argc, char **argv)
{
    uint32_t size;
    if (!one_operand(env, argc, argv))
        return false;
    if (!parse_decimal(argv[1], 0xFFFFFFFF, &size))
        return cmd_error(env, "S370E228", "%s is not a number of megabytes", argv[1]);
    if (size)
        cmd_warning(env, "S370W229", "S/370 has no expanded storage; ignored");
    return true;
}

bool stmt_ecpsvm(struct command_env *env, int argc, char **argv)
{
    if (argc < 2)
        return cmd_error(env, "S370E230", "ECPSVM takes YES, NO or LEVEL n");
    if (strcasecmp_ascii(argv[1], "NO") != 0)
        cmd_warning(env, "S370W231", "the ECPS:VM assists are not emulated; ignored");
    return true;
}

bool stmt_no_effect(struct command_env *env, int argc, char **argv)
{
    (void)env;
    (void)argc;
    (void)argv;
    return true;
}

/* DEFSYM name value: an omitted value defines the symbol as empty, as Hercules. */
bool cmd_defsym(struct command_env *env, int argc, char **argv)
{
    if (argc == 1 && env->scope == CMD_PANEL) {
        for (size_t i = 0; i < env->symbols->count; i++)
            cmd_print(env, "S370I232 %s=%s\n", env->symbols->items[i].name, env->symbols->items[i].value);
        return true;
    }
    if (argc < 2 || argc > 3)
        return cmd_error(env, "S370E233", "the format is \"defsym name value\" (quote a value with blanks)");
    symbols_define(env->symbols, argv[1], argc == 3 ? argv[2] : "");
    return true;
}
