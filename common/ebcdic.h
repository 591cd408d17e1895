/*
 * ebcdic.h - EBCDIC (code page 037) translation shared by the assembler, devices and consoles.
 */
#ifndef S370_EBCDIC_H
#define S370_EBCDIC_H

#include <stddef.h>

#define EBCDIC_SPACE 0x40

extern const unsigned char ebcdic_to_latin1[256];
extern const unsigned char latin1_to_ebcdic[256];

/* Translate n bytes; dst and src may be the same buffer. */
void ebcdic_from_ascii(unsigned char *dst, const char *src, size_t n);
void ebcdic_to_ascii(char *dst, const unsigned char *src, size_t n);

#endif
