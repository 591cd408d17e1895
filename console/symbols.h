/*
 * symbols.h - symbols for configuration statements and panel commands, as Hercules has them: DEFSYM
 * defines one, and text is expanded before it is split into words:
 *
 *   $(NAME)                 the DEFSYM symbol, else the environment variable; an error if neither
 *   ${NAME}                 the same, or nothing when neither is set
 *   ${NAME=dflt} ${NAME:=dflt}  the same, or dflt when neither is set or the value is empty
 *
 * A DEFSYM symbol takes precedence over an environment variable of the same name (Hercules 4 makes
 * DEFSYM set the environment too, so both forms see it).  Names are case-sensitive.  $(CUU), $(cuu),
 * $(CCUU) and $(ccuu) are left for device statements, where each device's own number replaces them.
 */
#ifndef S370_CONSOLE_SYMBOLS_H
#define S370_CONSOLE_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symbol {
    char *name;
    char *value;
};

struct symbols {
    struct symbol *items;
    size_t count, cap;
};

void symbols_define(struct symbols *s, const char *name, const char *value);
/* The DEFSYM value, else the environment's, else NULL. */
const char *symbols_lookup(const struct symbols *s, const char *name);
void symbols_free(struct symbols *s);

/* Expand text (see the file comment).  Returns a new string, or NULL with a message in err. */
char *symbols_expand(const struct symbols *s, const char *text, char *err, size_t errlen);
/* Replace $(CUU) $(cuu) $(CCUU) $(ccuu) by the device number (3 or 4 hex digits, upper or lower
   case, as Hercules).  Returns a new string. */
char *symbols_expand_device(const char *text, uint16_t address);

#endif
