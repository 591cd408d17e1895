/*
 * unitrec.c - what the card punch and the printer share: their output file (opened at definition,
 * written one record at a time, an equipment check when the host refuses a write) and the EBCDIC to
 * text conversion of their ASCII output.  The handlers themselves are punch.c and printer.c.
 */
#include "devices/unitrec/unitrec.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/ebcdic.h"
#include "common/util.h"

bool unitrec_output_open(struct unitrec_output *out, char *err, size_t errlen)
{
    int flags = O_WRONLY | O_CREAT | (out->append ? O_APPEND : O_TRUNC);
    out->fd = open(out->path, flags, 0644);
    if (out->fd < 0) {
        snprintf(err, errlen, "cannot open %s: %s", out->path, strerror(errno));
        return false;
    }
    return true;
}

void unitrec_output_close(struct unitrec_output *out)
{
    if (out->fd >= 0)
        close(out->fd);
    out->fd = -1;
    free(out->path);
    out->path = NULL;
}

bool unitrec_output_write(struct device *d, struct unitrec_output *out, const void *data, size_t length)
{
    const char *p = data;
    while (length > 0) {
        ssize_t n = write(out->fd, p, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            device_message(d, "S370E201 writing %s failed: %s", out->path, n < 0 ? strerror(errno) : "nothing written");
            return false;
        }
        p += n;
        length -= (size_t)n;
    }
    return true;
}

const char *unitrec_newline(const struct unitrec_output *out)
{
    return out->crlf ? "\r\n" : "\n";
}

/* Latin-1 C0 and C1 controls have no graphic: a printer prints nothing there. */
static bool printable(unsigned char c)
{
    return c >= 0x20 && !(c >= 0x7F && c < 0xA0);
}

size_t unitrec_text(char *text, const uint8_t *ebcdic, size_t length)
{
    size_t end = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = ebcdic_to_latin1[ebcdic[i]];
        text[i] = printable(c) ? (char)c : ' ';
        if (text[i] != ' ')
            end = i + 1;
    }
    return end;
}

void unitrec_check(struct device *d, struct io_request *r, uint8_t sense0)
{
    uint8_t sense[1] = {sense0};
    device_set_sense(d, sense, 1);
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END | UNIT_CHECK;
}

bool unitrec_flag(const struct unitrec_flag *table, size_t n, const char *arg, unsigned *flags)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp_ascii(table[i].name, arg) == 0) {
            *flags = (*flags & ~table[i].clear) | table[i].set;
            return true;
        }
    return false;
}
