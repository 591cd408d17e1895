/*
 * tape370.h - the tape370 subcommands (main.c parses the command line): map lists a tape's records
 * with its standard labels decoded (map.c); conv copies a tape into another format (conv.c).  Both
 * return the exit status: 0 done, 1 the tape could not be read or written.
 */
#ifndef S370_TAPE370_H
#define S370_TAPE370_H

#include "devices/images/tape_image.h"

int tape370_map(const char *path);
int tape370_conv(const char *in, const char *out, enum tape_format format);

#endif
