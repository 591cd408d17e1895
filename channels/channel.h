/*
 * channel.h - the S/370 channel subsystem: the I/O instructions' side of struct io_ops (SIO, SIOF, TIO,
 * HIO, HDV, TCH, CLRIO, STIDC with their condition codes and CSWs), channel programs (format-0 CCWs,
 * data and command chaining, TIC, SKIP, SLI, PCI, IDAWs, status modifier, the CAW key), I/O
 * interruptions queued per device and presented when the PSW and CR2 allow, and IPL.
 *
 * Channel 0 is a byte multiplexor, channels 1-15 block multiplexors (device address bits 0-3 of the
 * 12-bit number give the channel).  Channel programs run at once on the thread that starts them (the
 * fast synchronous path) until a device defers an operation (a console waiting for its operator, a
 * tape rewinding); the rest then runs on the thread that completes it.  One lock per subsystem.
 */
#ifndef S370_CHANNEL_H
#define S370_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu370/cpu.h"
#include "devices/device.h"

struct channel_subsystem;

/* Create the subsystem for a machine and install it as the machine's io_ops. */
struct channel_subsystem *channel_create(struct machine *m);
/* Close every device and free everything. */
void channel_destroy(struct channel_subsystem *cs);

/* Add a device at its address (false if the address is taken or out of range); remove one (its close
   runs; false if there is none). */
bool channel_attach(struct channel_subsystem *cs, struct device *d);
bool channel_detach(struct channel_subsystem *cs, uint16_t address);
struct device *channel_device(struct channel_subsystem *cs, uint16_t address);
/* Devices in address order, for devlist: calls fn for each. */
void channel_each_device(struct channel_subsystem *cs, void (*fn)(struct device *d, void *arg), void *arg);

/*
 * IPL (GA22-7000 "Initial Program Loading"): system reset, then a read of 24 bytes into absolute 0
 * with command chaining and SLI, chaining on to the CCWs now at 8; at the end the IPL device address
 * is stored at 2-3 (and X'BA' when the new PSW is EC mode), and the PSW at 0 is loaded into CPU 0,
 * which is started.  clear: clear reset instead.  Returns false (message in err) when the device does
 * not exist or the IPL channel program does not end with channel end and device end alone.
 */
bool channel_ipl(struct channel_subsystem *cs, uint16_t address, bool clear, char *err, size_t errlen);

/* CCW trace (the panel's t+devn): each device operation of the device's channel programs (CCW and
   the data moved) and each status it presents are reported through io_host.message.  False when
   there is no such device. */
bool channel_set_ccw_trace(struct channel_subsystem *cs, uint16_t address, bool on);
bool channel_ccw_trace(struct channel_subsystem *cs, uint16_t address);

/* Where integrated consoles print and devices report (see struct io_host in devices/device.h). */
void channel_set_host(struct channel_subsystem *cs, const struct io_host *host);

/* For displays: whether a channel program is active on the device, whether an interruption is queued
   for it (false, false when there is no such device). */
void channel_device_activity(struct channel_subsystem *cs, uint16_t address, bool *busy, bool *pending);

/* START I/O and START I/O FAST RELEASE instructions executed so far (for I/O rates). */
uint64_t channel_sio_count(const struct channel_subsystem *cs);

/* I/O system reset (also done by the machine's resets through io_ops.reset). */
void channel_reset(struct channel_subsystem *cs);

#endif
