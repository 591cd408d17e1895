/*
 * output.h - the operator's log: command responses, guest console lines, device messages and CPU
 * events, from any thread, each message whole (one lock).  Every line is kept in a ring of the last
 * OUTPUT_LOG_LINES lines, which the panel shows and scrolls; in line mode each message is also
 * written to a stream and flushed at once so a script reading the log sees it in order.
 */
#ifndef S370_CONSOLE_OUTPUT_H
#define S370_CONSOLE_OUTPUT_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/util.h"

#define OUTPUT_LOG_LINES 10000 /* lines kept for the panel */
#define OUTPUT_LINE_MAX 1024   /* a longer line is kept as several */

struct output {
    FILE *stream; /* where messages are written too; NULL: the log only (the panel) */
    pthread_mutex_t lock;
    char **ring;      /* line n is ring[n % OUTPUT_LOG_LINES] */
    uint64_t end;     /* lines ever added: the newest is end - 1 */
    struct buf partial; /* text after the last newline */
};

void output_init(struct output *o, FILE *stream);
void output_destroy(struct output *o);
/* Print fmt (the caller ends lines with \n) as one piece. */
void output_printf(struct output *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void output_vprintf(struct output *o, const char *fmt, va_list ap);
/* Add length bytes of text as they come (another program's output: lines may arrive in pieces). */
void output_write(struct output *o, const char *text, size_t length);
/* Write to another stream from now on (NULL: keep messages in the log only). */
void output_set_stream(struct output *o, FILE *stream);

/* The kept lines are numbered first..end-1 (first = end - OUTPUT_LOG_LINES once the ring is full). */
void output_log_range(struct output *o, uint64_t *first, uint64_t *end);
/* Copy line n into buf (truncated to len - 1 bytes); false when line n is not kept. */
bool output_log_line(struct output *o, uint64_t n, char *buf, size_t len);

#endif
