/*
 * dasd370.h - what the dasd370 subcommands share: each is `int name(int argc, char **argv)` with
 * argv[0] the subcommand, returning the exit status (0 ok, 1 failure or damage found, 2 usage).
 */
#ifndef S370_DASD370_H
#define S370_DASD370_H

#include <stdbool.h>

enum { EXIT_DAMAGED = 1, EXIT_USAGE = 2 };

int dasd_init(int argc, char **argv);
int dasd_conv(int argc, char **argv);
int dasd_ls(int argc, char **argv);
int dasd_check(int argc, char **argv);
int dasd_ipl(int argc, char **argv);
int dasd_put(int argc, char **argv);
int dasd_format(int argc, char **argv);
int dasd_stress(int argc, char **argv);
int dasd_stress_check(int argc, char **argv);

/* "dasd370: " + message on stderr; returns status. */
int dasd_complain(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A decimal count of at most max; false if not one. */
bool dasd_parse_count(const char *text, unsigned long max, unsigned long *value);

#endif
