/*
 * output.c - the operator's log (see output.h).
 */
#include "console/output.h"

void output_init(struct output *o, FILE *stream)
{
    o->stream = stream;
    pthread_mutex_init(&o->lock, NULL);
}

void output_destroy(struct output *o)
{
    pthread_mutex_destroy(&o->lock);
}

void output_vprintf(struct output *o, const char *fmt, va_list ap)
{
    pthread_mutex_lock(&o->lock);
    vfprintf(o->stream, fmt, ap);
    fflush(o->stream);
    pthread_mutex_unlock(&o->lock);
}

void output_printf(struct output *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    output_vprintf(o, fmt, ap);
    va_end(ap);
}
