/*
 * dasd.h - what the CKD and FBA handlers (ckd.c, fba.c) share: moving a record's bytes to and from
 * the channel piece by piece, with the residual count and incorrect length the device presents; the
 * SENSE ID bytes; and the words of their device statements.  Header-only: these two are its users.
 */
#ifndef S370_DASD_H
#define S370_DASD_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/util.h"
#include "devices/device.h"

/* Input to the channel, assembled from several areas (count, key, data, overflow segments): the
   bytes that fit in the CCW count are stored, the total length decides residual and incorrect
   length. */
struct dasd_input {
    struct io_request *r;
    uint32_t length;
};

static inline void dasd_input_put(struct dasd_input *in, const uint8_t *bytes, uint32_t n)
{
    struct io_request *r = in->r;
    if (in->length < r->count) {
        uint32_t room = r->count - in->length;
        memcpy(r->data + in->length, bytes, n < room ? n : room);
    }
    in->length += n;
}

/* The record had `length` bytes: what the channel did not get is residual; more is incorrect length. */
static inline void dasd_transfer_end(struct io_request *r, uint32_t length)
{
    r->residual = r->count > length ? r->count - length : 0;
    r->longer = length > r->count;
}

static inline void dasd_input_end(struct dasd_input *in)
{
    dasd_transfer_end(in->r, in->length);
}

/* Output from the channel: n bytes from offset of what the channel sent; past its count the device
   writes zeros (a short CCW count pads the record, with incorrect length). */
static inline void dasd_output_take(const struct io_request *r, uint32_t offset, uint8_t *out, uint32_t n)
{
    uint32_t have = offset < r->count ? r->count - offset : 0;
    uint32_t copy = n < have ? n : have;
    memcpy(out, r->data + offset, copy);
    memset(out + copy, 0, n - copy);
}

/* SENSE ID (X'E4'): X'FF', control unit type and model, device type and model. */
static inline void dasd_sense_id(struct io_request *r, uint16_t cu_type, uint8_t cu_model, uint16_t type,
                                 uint8_t model)
{
    const uint8_t id[7] = {0xFF, (uint8_t)(cu_type >> 8), (uint8_t)cu_type, cu_model, (uint8_t)(type >> 8),
                           (uint8_t)type, model};
    struct dasd_input in = {r, 0};
    dasd_input_put(&in, id, sizeof id);
    dasd_input_end(&in);
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
}

/* Whether word is one of the NULL-terminated names (case-insensitive). */
static inline bool dasd_word_is(const char *word, const char *const *names)
{
    for (; *names; names++)
        if (strcasecmp_ascii(word, *names) == 0)
            return true;
    return false;
}

/* Device statement words both handlers take. */
static const char *const dasd_read_only_words[] = {"ro", "rdonly", "readonly", NULL};

static inline bool dasd_init_error(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static inline bool dasd_init_error(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return false;
}

static inline uint32_t dasd_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void dasd_put_be16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void dasd_put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

#endif
