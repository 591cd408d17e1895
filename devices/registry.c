/*
 * registry.c - device types by name: each handler file exports one struct device_type; this table is
 * the one list of them.  Names and aliases follow Hercules' device statements.
 *
 * TRANSITIONAL: the declarations are weak while the handlers are being written in parallel (a type
 * not yet linked is NULL and skipped); they become plain externs when all have landed.
 */
#include <stddef.h>

#include "devices/device.h"
#include "common/util.h"

extern const struct device_type __attribute__((weak)) device_console;  /* 3215, 1052: line-mode consoles */
extern const struct device_type __attribute__((weak)) device_reader;   /* 3505, 2540R, 1442, 2501 */
extern const struct device_type __attribute__((weak)) device_punch;    /* 3525, 2540P */
extern const struct device_type __attribute__((weak)) device_printer;  /* 1403, 3211, 3203 */
extern const struct device_type __attribute__((weak)) device_tape;     /* 3420, 3410, 2400 */
extern const struct device_type __attribute__((weak)) device_ckd;      /* 2311 2314 3330 3330-11 3340 3350 3375 3380 */
extern const struct device_type __attribute__((weak)) device_fba;      /* 3310, 3370 */
extern const struct device_type __attribute__((weak)) device_display;  /* 3270, 3277, 3278, 3279 */

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
        if (device_types[i] && names_match(device_types[i], name))
            return device_types[i];
    return NULL;
}
