/*
 * console.h - line-mode consoles, 3215 and 1052 (device_console in console.c): what the host program
 * and the telnet server use besides the struct device_type.
 *
 * Two kinds, one handler:
 *   "3215-C", "1052-C": the integrated console on the host's panel.  Always ready; guest output goes to
 *       device_console_output (channel.h's host) a line at a time, operator input comes through
 *       console_input.  Statement: cuu 3215-C [prefix] [NOPROMPT]; the prefix (default "/") marks the
 *       panel lines meant for this console; choosing unique prefixes is the host's business.
 *   "3215", "1052": a console for a telnet line-mode client.  Not ready (every command but SENSE ends
 *       with unit check alone, intervention required, as the 3174 presents "initial status") until a
 *       client attaches; output then goes to the client.  Statement: cuu 3215 [NOPROMPT] [group [ip
 *       [mask]]], the filter of the clients it accepts.
 *
 * Text is UTF-8 on the host side and EBCDIC (code page 037) on the guest side.  Call these functions
 * from any thread, but not while holding a lock that the output callbacks (io_host, console_client)
 * take: input completes the guest's read through the channel subsystem.
 */
#ifndef S370_CONSOLE_H
#define S370_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/device.h"

/*
 * The operator pressed Enter after typing `line` (no newline).  A read waiting for the operator
 * completes with it; otherwise the console presents attention and keeps the line for the next read
 * (lines typed meanwhile wait in order).
 */
void console_input(struct device *d, const char *line);

/* The integrated console's command prefix; NULL for a telnet console. */
const char *console_prefix(const struct device *d);

/*
 * A line-mode client (the telnet server): write receives the guest's output as it comes, text without
 * a carrier return at the end of what the guest wrote (a prompt before a read) with end_of_line false,
 * a completed line with end_of_line true, "\a" for the audible alarm.
 * console_attach: false for an integrated console or one that already has a client; otherwise the
 * console becomes ready and presents device end (not ready to ready).
 * console_detach: the console is not ready again; a read waiting for input ends with unit check,
 * intervention required.
 */
struct console_client {
    void *ctx;
    void (*write)(void *ctx, struct device *d, const char *text, bool end_of_line);
};
bool console_attach(struct device *d, const struct console_client *client);
void console_detach(struct device *d);

/*
 * Which telnet clients a terminal (this console, or a 3270 display) accepts, from the [group [ip
 * [mask]]] arguments of its device statement: a client asking for a group (type@group) takes only a
 * device of that group, a client without one only a device without a group ("*" on the statement
 * means none); an address filter matches when (client & mask) == (ip & mask).
 */
struct terminal_filter {
    char group[9];     /* "" for none */
    uint32_t ip, mask; /* IPv4, host byte order; mask 0 accepts every address */
};
bool terminal_filter_parse(struct terminal_filter *f, int argc, char **argv, char *err, size_t errlen);
bool terminal_filter_match(const struct terminal_filter *f, const char *group, uint32_t ip);
const struct terminal_filter *console_filter(const struct device *d);

#endif
