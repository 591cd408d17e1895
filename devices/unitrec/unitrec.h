/*
 * unitrec.h - what the unit-record handlers share besides their struct device_types (device_reader,
 * device_punch, device_printer): the operator's "devinit" of a card reader, and the output file and
 * text conversion the punch and the printer both use (unitrec.c).
 */
#ifndef S370_UNITREC_H
#define S370_UNITREC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/device.h"

enum { CARD_COLUMNS = 80 };

/*
 * Load a new deck into a card reader (the console's devinit): argv are the same arguments as on the
 * device statement (files, then options), replacing the previous deck and options; the card being read
 * is dropped.  The reader presents an unsolicited device end (not ready to ready), as when the operator
 * loads cards and presses START.  On error (message in err) the reader keeps its old deck.
 */
bool reader_load(struct device *d, int argc, char **argv, char *err, size_t errlen);

/* ---- for punch.c and printer.c ----------------------------------------------------------------- */

/* An output file: created (or appended to) when the device is defined. */
struct unitrec_output {
    char *path;
    int fd;
    bool append, crlf;
};

/* Open out->path for writing (truncated unless out->append).  false with a message in err. */
bool unitrec_output_open(struct unitrec_output *out, char *err, size_t errlen);
void unitrec_output_close(struct unitrec_output *out);
/* Write all of it.  On failure the operator gets a message and false is returned: the caller ends the
   operation with an equipment check. */
bool unitrec_output_write(struct device *d, struct unitrec_output *out, const void *data, size_t length);
/* The line end of the file: "\n", or "\r\n" with crlf. */
const char *unitrec_newline(const struct unitrec_output *out);

/* EBCDIC to Latin-1 text: characters without a printable graphic (controls, X'00') become blanks and
   trailing blanks are dropped.  Returns the text length; text must have room for length bytes. */
size_t unitrec_text(char *text, const uint8_t *ebcdic, size_t length);

/* Option words of a device statement that set and clear flag bits ("ascii", "crlf"...). */
struct unitrec_flag {
    const char *name;
    unsigned set, clear;
};
/* If arg names one of the n flags (any case), apply it to *flags and return true. */
bool unitrec_flag(const struct unitrec_flag *table, size_t n, const char *arg, unsigned *flags);

/* Unit check with one sense byte (the sense of the unit-record devices is byte 0 alone, or byte 0
   followed by zeros). */
void unitrec_check(struct device *d, struct io_request *r, uint8_t sense0);

#endif
