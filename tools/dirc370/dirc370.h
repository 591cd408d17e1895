/*
 * dirc370.h - the directory compiler's parts: a VM/370 USER DIRECT file parsed into users and their
 * devices (parse.c), checked as a whole (check.c), and encoded as CP's directory records, one
 * 4096-byte EBCDIC big-endian record a user in the layout of cp/macros/udir.cpy (encode.c).
 * main.c is the command line.  Messages go to a FILE as "file:line: error|warning: text".
 */
#ifndef S370_DIRC370_H
#define S370_DIRC370_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum {
    DIR_RECORD_SIZE = 4096,
    DIR_FIXED_SIZE = 48,  /* UDRFIXED: the user's fixed part */
    DIR_DEVICE_SIZE = 48, /* UDVLEN: one device entry */
    DIR_MAX_DEVICES = (DIR_RECORD_SIZE - DIR_FIXED_SIZE) / DIR_DEVICE_SIZE,
};

/* UDVKIND: the statement that made a device. */
enum dir_kind { DIR_CONSOLE = 1, DIR_SPOOL = 2, DIR_MDISK = 3, DIR_LINK = 4, DIR_DEDICATE = 5 };

/* UDROPTS bits. */
enum { DIR_OPT_ECMODE = 0x80, DIR_OPT_REALTIMER = 0x40 };

/* Text fields are kept in ASCII, upper case, NUL-terminated; encoding pads them with blanks. */
struct dir_device {
    enum dir_kind kind;
    int line;
    uint16_t vaddr, type, raddr, cylinder, cylinders, link_vaddr;
    char volser[7], mode[3], spool_class, link_user[9], read_password[9], write_password[9];
};

struct dir_user {
    int line;
    char userid[9], password[9], classes[9], ipl[9];
    uint32_t storage, max_storage;
    uint8_t options;
    char spool_class; /* UDRSPCLS: the class of the first punch or printer, 'A' without one */
    struct dir_device *devices;
    size_t ndevices, device_cap;
};

struct directory {
    struct dir_user *users;
    size_t nusers, user_cap;
};

/* Where messages go and how many there were. */
struct dir_diag {
    const char *path;
    FILE *out;
    unsigned errors, warnings;
};
void dir_error(struct dir_diag *d, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void dir_warning(struct dir_diag *d, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Parse the text of a USER DIRECT file (length bytes) into dir; errors and warnings go to diag. */
void dir_parse(const char *text, size_t length, struct directory *dir, struct dir_diag *diag);
/* The checks across statements and users: sizes, overlapping minidisks, links. */
void dir_check(const struct directory *dir, struct dir_diag *diag);
/* Bytes the user's record needs: the fixed part and its devices. */
size_t dir_user_size(const struct dir_user *user);
/* The user's record; false (record untouched) when it does not fit in DIR_RECORD_SIZE bytes. */
bool dir_encode_user(const struct dir_user *user, uint8_t record[DIR_RECORD_SIZE]);
void dir_free(struct directory *dir);

#endif
