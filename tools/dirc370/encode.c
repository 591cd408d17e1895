/*
 * encode.c - one user as a directory record, byte for byte the layout of cp/macros/udir.cpy: text
 * in EBCDIC padded with blanks, numbers big-endian, unused bytes zero.
 *
 *   UDIR  0 userid CL8   8 password CL8   16 storage F   20 max storage F   24 classes CL8
 *        32 options X    33 zero   34 device count H   36 IPL CL8   44 spool class C   45 zero XL3
 *   UDEV (48 bytes each, from 48)   0 kind X   1 zero   2 vaddr H   4 type H   6 real addr H
 *        8 cylinder H   10 cylinders H   12 volser CL6   18 mode CL2   20 spool class C   21 zero
 *        22 link userid CL8   30 link vaddr H   32 read password CL8   40 write password CL8
 * Fields a statement does not set stay zero, text fields blank (a password blank: none).
 */
#include <string.h>

#include "common/ebcdic.h"
#include "tools/dirc370/dirc370.h"

static void put_text(uint8_t *p, const char *text, size_t width)
{
    size_t n = strlen(text);
    memset(p, EBCDIC_SPACE, width);
    ebcdic_from_ascii(p, text, n < width ? n : width);
}

static void put_char(uint8_t *p, char c)
{
    ebcdic_from_ascii(p, &c, 1);
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)(v >> 16));
    put16(p + 2, (uint16_t)v);
}

static void encode_device(const struct dir_device *d, uint8_t *p)
{
    p[0] = (uint8_t)d->kind;
    put16(p + 2, d->vaddr);
    put16(p + 4, d->type);
    put16(p + 6, d->raddr);
    put16(p + 8, d->cylinder);
    put16(p + 10, d->cylinders);
    put_text(p + 12, d->volser, 6);
    put_text(p + 18, d->mode, 2);
    put_char(p + 20, d->kind == DIR_SPOOL ? d->spool_class : ' ');
    put_text(p + 22, d->link_user, 8);
    put16(p + 30, d->link_vaddr);
    put_text(p + 32, d->read_password, 8);
    put_text(p + 40, d->write_password, 8);
}

size_t dir_user_size(const struct dir_user *user)
{
    return DIR_FIXED_SIZE + user->ndevices * DIR_DEVICE_SIZE;
}

bool dir_encode_user(const struct dir_user *u, uint8_t record[DIR_RECORD_SIZE])
{
    if (dir_user_size(u) > DIR_RECORD_SIZE)
        return false;
    memset(record, 0, DIR_RECORD_SIZE);
    put_text(record, u->userid, 8);
    put_text(record + 8, u->password, 8);
    put32(record + 16, u->storage);
    put32(record + 20, u->max_storage);
    put_text(record + 24, u->classes, 8);
    record[32] = u->options;
    put16(record + 34, (uint16_t)u->ndevices);
    put_text(record + 36, u->ipl, 8);
    put_char(record + 44, u->spool_class);
    for (size_t i = 0; i < u->ndevices; i++)
        encode_device(&u->devices[i], record + DIR_FIXED_SIZE + i * DIR_DEVICE_SIZE);
    return true;
}
