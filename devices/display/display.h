/*
 * display.h - local non-SNA 3270 displays (device_display in display.c, the channel side of a 3274
 * control unit): what the TN3270 server uses.  The handler keeps the display's buffer (characters,
 * field attributes, extended attributes, cursor, AID) exactly as the 3274 would, answers Read Buffer,
 * Read Modified and the Read Partition Query from it, and hands every outbound data stream to the
 * connected client unchanged: the server only moves bytes.
 *
 * Statement: cuu 3270 [group|*] [ip [mask]] (see struct terminal_filter in devices/console/console.h).
 * Until a client connects the display is not ready: every command but SENSE ends with unit check alone,
 * intervention required (3174 "initial status", as Hercules presents it).
 *
 * Call these functions from any thread, but not while holding a lock that display_client.send takes.
 */
#ifndef S370_DISPLAY_H
#define S370_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/console/console.h"
#include "devices/device.h"

/* The terminal behind the connection. */
struct display_terminal {
    int model;     /* 2-5: the alternate screen size 24x80, 32x80, 43x80 or 27x132; the default is 24x80 */
    bool extended; /* an "-E" terminal: structured fields and extended attributes (SFE, SA, MF) */
    bool color;    /* a 3279: the query reply offers the seven colors */
};

/* The terminal type a client names in TTYPE: IBM-3278-n or IBM-3279-n (n 2-5) with an optional "-E",
   or IBM-3277-2.  false for any other name. */
bool display_terminal_parse(const char *type, struct display_terminal *t);

/*
 * The client.  send receives one outbound record: the remote 3270 command byte (Write X'F1', Erase/Write
 * X'F5', Erase/Write Alternate X'7E', Erase All Unprotected X'6F', Write Structured Field X'F3')
 * followed by the data stream, not escaped: the server doubles IAC bytes and ends it with IAC EOR.
 */
struct display_client {
    void *ctx;
    void (*send)(void *ctx, struct device *d, const uint8_t *record, size_t length);
};

/* Connect a client: the buffer is cleared to the terminal's default size and the display presents
   device end (not ready to ready).  false when a client is already connected or the model is not 2-5. */
bool display_connect(struct device *d, const struct display_client *client, const struct display_terminal *t);
/* The client went away: the display is not ready; no status is presented (the next command finds it). */
void display_disconnect(struct device *d);
bool display_connected(const struct device *d);

/*
 * An inbound record from the client, IAC unescaped and without IAC EOR: the AID, and for most AIDs the
 * cursor address and the modified fields (SBA, address, data), as Read Modified returns them.  The
 * buffer takes the operator's input (the fields' data and MDT, the cursor; Clear erases it) and the
 * display presents attention; the guest's next read returns the input from the buffer.  A structured
 * field record (AID X'88') is kept as it is for the next read.
 */
void display_inbound(struct device *d, const uint8_t *record, size_t length);

const struct terminal_filter *display_filter(const struct device *d);

#endif
