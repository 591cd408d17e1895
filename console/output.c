/*
 * output.c - the operator's log (see output.h): the stream in line mode, and the ring of lines the
 * panel shows.  Lines enter the ring as the screen can show them: tabs expanded to the next multiple
 * of 8 columns, carriage returns and other control characters made blanks (as Hercules' panel does).
 */
#include "console/output.h"

#include <stdlib.h>
#include <string.h>

#define TAB_STOP 8

void output_init(struct output *o, FILE *stream)
{
    o->stream = stream;
    pthread_mutex_init(&o->lock, NULL);
    o->ring = xcalloc(OUTPUT_LOG_LINES, sizeof *o->ring);
    o->end = 0;
    o->partial = (struct buf){0};
}

static void add_line_locked(struct output *o)
{
    char **slot = &o->ring[o->end % OUTPUT_LOG_LINES];
    free(*slot);
    *slot = xstrdup(buf_cstr(&o->partial));
    o->end++;
    o->partial.len = 0;
}

void output_destroy(struct output *o)
{
    for (size_t i = 0; i < OUTPUT_LOG_LINES; i++)
        free(o->ring[i]);
    free(o->ring);
    buf_free(&o->partial);
    pthread_mutex_destroy(&o->lock);
}

/* A full line goes to the ring before the next character. */
static void put_char_locked(struct output *o, char c)
{
    if (o->partial.len >= OUTPUT_LINE_MAX)
        add_line_locked(o);
    buf_addc(&o->partial, c);
}

/* One character of a line into the partial line. */
static void add_char_locked(struct output *o, unsigned char c)
{
    if (c == '\t') {
        do
            put_char_locked(o, ' ');
        while (o->partial.len % TAB_STOP);
    } else {
        put_char_locked(o, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
}

static void log_text_locked(struct output *o, const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (text[i] == '\n')
            add_line_locked(o);
        else if (text[i] != '\r')
            add_char_locked(o, (unsigned char)text[i]);
    }
}

void output_write(struct output *o, const char *text, size_t length)
{
    pthread_mutex_lock(&o->lock);
    if (o->stream) {
        fwrite(text, 1, length, o->stream);
        fflush(o->stream);
    }
    log_text_locked(o, text, length);
    pthread_mutex_unlock(&o->lock);
}

void output_vprintf(struct output *o, const char *fmt, va_list ap)
{
    char *text = xvasprintf(fmt, ap);
    output_write(o, text, strlen(text));
    free(text);
}

void output_printf(struct output *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    output_vprintf(o, fmt, ap);
    va_end(ap);
}

void output_set_stream(struct output *o, FILE *stream)
{
    pthread_mutex_lock(&o->lock);
    o->stream = stream;
    pthread_mutex_unlock(&o->lock);
}

static uint64_t first_kept(const struct output *o)
{
    return o->end > OUTPUT_LOG_LINES ? o->end - OUTPUT_LOG_LINES : 0;
}

void output_log_range(struct output *o, uint64_t *first, uint64_t *end)
{
    pthread_mutex_lock(&o->lock);
    *first = first_kept(o);
    *end = o->end;
    pthread_mutex_unlock(&o->lock);
}

bool output_log_line(struct output *o, uint64_t n, char *buf, size_t len)
{
    pthread_mutex_lock(&o->lock);
    bool kept = n >= first_kept(o) && n < o->end;
    if (kept)
        snprintf(buf, len, "%s", o->ring[n % OUTPUT_LOG_LINES]);
    pthread_mutex_unlock(&o->lock);
    return kept;
}
