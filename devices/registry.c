/*
 * registry.c - device types by name: each handler file exports one struct device_type; this table is
 * the one list of them.  Names and aliases follow Hercules' device statements.
 */
#include <stddef.h>

#include "devices/device.h"
#include "common/util.h"

static const struct device_type *const device_types[] = {
    &device_console, &device_reader, &device_punch, &device_printer,
    &device_tape,    &device_ckd,    &device_fba,   &device_display,
};

static bool names_match(const struct device_type *t, const char *name)
{
    if (strcasecmp_ascii(t->name, name) == 0)
        return true;
    for (const char *const *a = t->aliases; a && *a; a++)
        if (strcasecmp_ascii(*a, name) == 0)
            return true;
    return false;
}

const struct device_type *device_type_find(const char *name)
{
    for (size_t i = 0; i < sizeof device_types / sizeof device_types[0]; i++)
        if (names_match(device_types[i], name))
            return device_types[i];
    return NULL;
}
