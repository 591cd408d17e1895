/*
 * output.h - the operator's log: command responses, guest console lines, device messages and CPU
 * events, from any thread, each message whole (one lock) and flushed at once so a script reading
 * the log sees it in order.
 */
#ifndef S370_CONSOLE_OUTPUT_H
#define S370_CONSOLE_OUTPUT_H

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

struct output {
    FILE *stream;
    pthread_mutex_t lock;
};

void output_init(struct output *o, FILE *stream);
void output_destroy(struct output *o);
/* Print fmt (the caller ends lines with \n) as one piece. */
void output_printf(struct output *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void output_vprintf(struct output *o, const char *fmt, va_list ap);

#endif
