/*
 * device_commands.c - the operator's device commands: devlist, devinit, attach, detach (Hercules'
 * syntax; devlist lines as Hercules 3.13 prints them: "0:000C 3505 deck.ebc eof"), device numbers
 * as operands, and `/text` and `.text` for the integrated console.
 */
#include <stdio.h>
#include <string.h>

#include "common/util.h"
#include "console/handlers.h"
#include "console/system.h"
#include "console/words.h"
#include "devices/console/console.h"

/* [0:]xxx: 1-4 hex digits up to FFF; "0:" is the only channel set. */
bool parse_device_number(struct command_env *env, const char *word, uint16_t *address)
{
    const char *number = strncmp(word, "0:", 2) == 0 ? word + 2 : word;
    uint32_t v;
    if (!parse_hex(number, 4, &v) || v > 0xFFF)
        return cmd_error(env, "S370E250", "%s is not a device number (000-FFF)", word);
    *address = (uint16_t)v;
    return true;
}

/* ---- devlist ------------------------------------------------------------------------------------ */

struct devlist {
    struct command_env *env;
    const char *device_class; /* NULL: every class */
    int single;               /* a device number, or -1 */
    struct buf text;
    int shown;
};

static void list_device(struct device *d, void *arg)
{
    struct devlist *l = arg;
    if ((l->single >= 0 && d->address != l->single) ||
        (l->device_class && strcasecmp_ascii(d->type->device_class, l->device_class) != 0))
        return;
    char description[256] = "", client[64];
    if (d->type->describe)
        d->type->describe(d, description, sizeof description);
    /* a connected terminal shows its client's address, as Hercules' devlist does */
    if (system_terminal_client(l->env->system, d->address, client, sizeof client))
        buf_printf(&l->text, "0:%04X %04X %s %s\n", d->address, d->model_type, description, client);
    else
        buf_printf(&l->text, "0:%04X %04X %s\n", d->address, d->model_type, description);
    l->shown++;
}

static bool is_device_class(const char *word)
{
    static const char *const classes[] = {"CON", "RDR", "PCH", "PRT", "TAPE", "DASD", "DSP"};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strcasecmp_ascii(word, classes[i]) == 0)
            return true;
    return false;
}

bool cmd_devlist(struct command_env *env, int argc, char **argv)
{
    struct devlist l = {.env = env, .single = -1};
    if (argc > 2)
        return cmd_error(env, "S370E251", "the format is \"devlist [xxx | class]\"");
    if (argc == 2 && is_device_class(argv[1])) {
        l.device_class = argv[1];
    } else if (argc == 2) {
        uint16_t address;
        if (!parse_device_number(env, argv[1], &address))
            return false;
        if (!channel_device(env->system->cs, address))
            return cmd_error(env, "S370E252", "device %03X does not exist", address);
        l.single = address;
    }
    channel_each_device(env->system->cs, list_device, &l);
    if (l.shown)
        cmd_print(env, "%s", buf_cstr(&l.text));
    else if (l.device_class)
        cmd_print(env, "S370I253 no %s devices\n", l.device_class);
    buf_free(&l.text);
    return true;
}

/* ---- devinit, attach, detach -------------------------------------------------------------------- */

bool cmd_devinit(struct command_env *env, int argc, char **argv)
{
    uint16_t address;
    if (argc < 2)
        return cmd_error(env, "S370E254", "the format is \"devinit xxx [arg...]\"");
    if (!parse_device_number(env, argv[1], &address))
        return false;
    char err[256];
    if (!system_reinit(env->system, address, argc - 2, argv + 2, err, sizeof err))
        return cmd_error(env, "S370E255", "device %03X not initialized: %s", address, err);
    cmd_print(env, "S370I256 device %03X initialized\n", address);
    return true;
}

bool cmd_attach(struct command_env *env, int argc, char **argv)
{
    uint16_t address;
    if (argc < 3)
        return cmd_error(env, "S370E257", "the format is \"attach xxx type [arg...]\"");
    if (!parse_device_number(env, argv[1], &address))
        return false;
    char err[256];
    if (!system_attach(env->system, address, argv[2], argc - 3, argv + 3, err, sizeof err))
        return cmd_error(env, "S370E258", "%04X %s: %s", address, argv[2], err);
    cmd_print(env, "S370I259 device %03X attached\n", address);
    return true;
}

bool cmd_detach(struct command_env *env, int argc, char **argv)
{
    uint16_t address;
    if (argc != 2)
        return cmd_error(env, "S370E260", "the format is \"detach xxx\"");
    if (!parse_device_number(env, argv[1], &address))
        return false;
    if (!system_detach(env->system, address))
        return cmd_error(env, "S370E252", "device %03X does not exist", address);
    cmd_print(env, "S370I261 device %03X detached\n", address);
    return true;
}

/* ---- the integrated consoles ------------------------------------------------------------------- */


struct console_search {
    const char *line; /* NULL: any integrated console */
    struct device *found;
};

static void match_prefix(struct device *d, void *arg)
{
    struct console_search *search = arg;
    const char *prefix = d->type == &device_console ? console_prefix(d) : NULL;
    if (!search->found && prefix && (!search->line || strncmp(search->line, prefix, strlen(prefix)) == 0))
        search->found = d;
}

/* The first integrated console (in device number order) whose prefix starts the line gets the rest
   of it, as on Hercules' panel. */
bool integrated_console_line(struct command_env *env, const char *line)
{
    struct console_search search = {.line = line};
    channel_each_device(env->system->cs, match_prefix, &search);
    if (search.found)
        console_input(search.found, line + strlen(console_prefix(search.found)));
    return search.found != NULL;
}

bool system_console_line(struct command_env *env, const char *text)
{
    struct console_search search = {.line = NULL};
    channel_each_device(env->system->cs, match_prefix, &search);
    if (!search.found)
        return cmd_error(env, "S370E262", "no integrated console (3215-C) for .%s", text);
    console_input(search.found, text);
    return true;
}
