/*
 * device.c - what every handler shares: classifying command codes, rejecting a command, and the SENSE
 * command over the handler's sense bytes.
 */
#include <string.h>

#include "devices/device.h"

/* GA22-7000 "Command Code": the low-order bits tell the kind of operation. */
enum ccw_kind ccw_kind_of(uint8_t command)
{
    if ((command & 0x0F) == 0x08)
        return CCW_TIC;
    if ((command & 0x0F) == 0x04)
        return CCW_SENSE;
    if ((command & 0x0F) == 0x0C)
        return CCW_READ_BACKWARD;
    switch (command & 0x03) {
    case 0x01:
        return CCW_WRITE;
    case 0x02:
        return CCW_READ;
    case 0x03:
        return CCW_CONTROL;
    default:
        return CCW_INVALID;
    }
}

void device_set_sense(struct device *d, const uint8_t *sense, uint8_t length)
{
    if (length > sizeof d->sense)
        length = sizeof d->sense;
    memset(d->sense, 0, sizeof d->sense);
    memcpy(d->sense, sense, length);
    if (length > d->sense_length)
        d->sense_length = length;
}

/* Command reject: unit check with sense byte 0 bit 0; nothing transferred. */
void device_reject(struct device *d, struct io_request *r)
{
    uint8_t sense[1] = {SENSE_COMMAND_REJECT};
    device_set_sense(d, sense, 1);
    r->residual = r->count;
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END | UNIT_CHECK;
}

/* SENSE: the sense bytes, then they are reset (they describe only the last unit check). */
void device_sense(struct device *d, struct io_request *r)
{
    uint32_t n = d->sense_length < r->count ? d->sense_length : r->count;
    memcpy(r->data, d->sense, n);
    r->residual = r->count - n;
    r->longer = d->sense_length > r->count;
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    memset(d->sense, 0, sizeof d->sense);
}
