/*
 * tn3270.h - what the telnet server (telnet.c) does without sockets or threads, so that unit tests and
 * the fuzz target drive it directly: one client's telnet protocol (tn3270_session.c), the screens and
 * lines a client is greeted or refused with (tn3270_screens.c), and the choice of a terminal device
 * for a client (tn3270_assign.c).
 *
 * Negotiation, as Hercules' console.c does it (RFC 1576 TN3270, RFC 1646 "type@LU" names; TN3270E is
 * never offered, so every 3270 client falls back to plain TN3270):
 *   server: IAC DO TERMINAL-TYPE                  client: IAC WILL TERMINAL-TYPE
 *   server: IAC SB TERMINAL-TYPE SEND IAC SE      client: IAC SB TERMINAL-TYPE IS name IAC SE
 *   name "IBM-...": server IAC WILL BINARY, IAC DO BINARY, IAC WILL EOR, IAC DO EOR; once the client
 *   has agreed to all four it is a 3270 terminal.  An IBM type we do not know is answered with another
 *   SEND (the client offers its next type) until the client repeats its first one.
 *   Any other name, or a client that does not agree to TERMINAL-TYPE (netcat, or one that answers
 *   WONT) within the silent time or starts typing first: a line-mode client for a 3215 or 1052.
 */
#ifndef S370_CONSOLE_TN3270_H
#define S370_CONSOLE_TN3270_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <libtelnet.h>

#include "channels/channel.h"
#include "common/util.h"
#include "devices/display/display.h"

enum {
    TN_MAX_TYPE = 64,      /* a terminal type name, @suffix included, shorter than this */
    TN_MAX_GROUP = 17,     /* a requested group name (devices take up to 8 characters) */
    TN_MAX_RECORD = 65536, /* a 3270 inbound record: a whole 27x132 screen with orders fits easily */
    TN_MAX_LINE = 4096,    /* a line typed on a line-mode console */
    TN_MAX_TYPE_REQUESTS = 8,
};

enum tn_state {
    TN_NEGOTIATING,
    TN_3270,   /* the terminal type is known; BINARY and EOR are on both ways */
    TN_LINE,   /* a line-mode (NVT) client */
    TN_FAILED, /* the client cannot be served: why in `failure` */
};

/* What the client asked for with its terminal type "type[@suffix]". */
struct tn_request {
    char type[TN_MAX_TYPE];    /* without the suffix; "" when the client named none */
    int address;               /* @CUU: the device it asks for, or -1 */
    char group[TN_MAX_GROUP];  /* @GROUP, or "" */
    struct display_terminal terminal; /* for TN_3270 */
};

/* One piece of client input for the device: a 3270 inbound record (IAC EOR removed, IAC IAC made
   single) or a typed line (without its end, NUL-terminated). */
struct tn_input {
    char *data;
    size_t length;
};

enum tn_phase { TN_AWAIT_WILL_TTYPE, TN_AWAIT_TYPE, TN_AWAIT_BINARY_EOR, TN_DONE };

struct tn_session {
    telnet_t *telnet;
    enum tn_state state;
    enum tn_phase phase;
    struct tn_request request;
    char first_type[TN_MAX_TYPE];
    int type_requests;
    unsigned agreed;            /* the BINARY and EOR negotiations the client has accepted */
    char failure[160];
    struct buf out;             /* bytes for the client */
    struct buf unit;            /* the record or line being received */
    bool unit_too_long;         /* the record or line in progress went over its limit */
    bool after_cr;              /* line mode: the last byte was a carriage return */
    struct tn_input *inputs;    /* complete pieces not taken yet */
    size_t ninputs, inputs_cap;
};

/* Start: IAC DO TERMINAL-TYPE goes into `out`. */
void tn_session_open(struct tn_session *s);
void tn_session_close(struct tn_session *s);
/* Bytes from the client; answers go to `out`, complete input to the inputs. */
void tn_session_receive(struct tn_session *s, const void *data, size_t length);
/* The client's time to agree to TERMINAL-TYPE is over: one that has not is a line-mode client
   (netcat, a raw socket, a telnet that answers WONT). */
void tn_session_silent(struct tn_session *s);
/* The time for the whole negotiation is over: a client still negotiating has failed. */
void tn_session_give_up(struct tn_session *s);
/* The oldest complete input (the caller frees data); false when there is none. */
bool tn_session_take_input(struct tn_session *s, struct tn_input *in);

/* Output: a 3270 record (the remote command byte and the data stream) with IAC doubled and IAC EOR
   after it; text for a line-mode client (a completed line gets CR LF). */
void tn_session_send_record(struct tn_session *s, const void *record, size_t length);
void tn_session_send_text(struct tn_session *s, const char *text, bool end_of_line);

/* ---- screens and messages (tn3270_screens.c) ---- */

/* Who is talking to the client, for the logo and the rejection: "s370 on HOST" and "HOST (Linux 6.1
   x86_64)". */
struct tn_identity {
    char system[96];
    char host[192];
};
void tn_identity_init(struct tn_identity *id);

/* The logo a display shows until the system writes to it: an Erase/Write record with the system's
   name, the device address, the terminal and the client, and how to disconnect. */
void tn_logo(struct buf *record, const struct tn_identity *id, const struct device *d, const struct tn_request *r,
             const char *client);
/* A refused display's screen: an Erase/Write record with three protected lines at rows 1-3 (Hercules'
   layout): the system, its host, the reason. */
void tn_rejection_screen(struct buf *record, const struct tn_identity *id, const char *reason);
/* The same three lines for a line-mode client, and its greeting; each line ends with "\n". */
void tn_rejection_text(struct buf *text, const struct tn_identity *id, const char *reason);
void tn_greeting_text(struct buf *text, const struct tn_identity *id, const struct device *d, const char *client);

/* ---- the device for a client (tn3270_assign.c) ---- */

/* busy(ctx, d): the device has a client already. */
typedef bool tn_busy_fn(void *ctx, const struct device *d);

/* Is d a terminal the server serves: a 3270 display, or a 3215/1052 that is not an integrated (-C)
   console? */
bool tn_is_display(const struct device *d);
bool tn_is_line_console(const struct device *d);

/*
 * The device for a client at IPv4 address ip (Hercules' connect_client rules): with @CUU exactly that
 * device, if it is of the client's kind (3270 for TN3270, 3215/1052 for line mode), free and accepts
 * the address; otherwise the first free device of its kind, in address order, in the requested group
 * (no group: only devices without one) that accepts the address.  NULL with the reason (a sentence
 * for the client and the log) in why.  Call with the device table steady (telnet_lock_devices).
 */
struct device *tn_choose_device(struct channel_subsystem *cs, bool display, const struct tn_request *r,
                                uint32_t ip, tn_busy_fn *busy, void *ctx, char *why, size_t whylen);

#endif
