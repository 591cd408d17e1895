/*
 * telnet.h - the telnet/TN3270 server for the terminal devices: 3270 displays (TN3270 clients such as
 * x3270, c3270, s3270, wc3270) and 3215/1052 consoles that are not integrated (line-mode clients:
 * telnet, netcat).  One thread serves every client with poll(); the CPUs never wait for a client.
 * How a client is negotiated, recognised and given a device: tn3270.h.
 *
 * A connected client makes its device ready (device end); its input raises attention; when it goes
 * away the device is not ready again (the next command ends with unit check, intervention required),
 * and nothing else is disturbed.  Messages (S370x5nn) go to the operator's log.
 */
#ifndef S370_CONSOLE_TELNET_H
#define S370_CONSOLE_TELNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "channels/channel.h"
#include "console/output.h"

/* Limits; a zero field takes the default. */
struct telnet_limits {
    int max_clients;      /* connected and negotiating at once (256); more are told why and closed */
    int silent_ms;        /* a client that sends nothing telnet for this long is line mode (2000) */
    int negotiation_ms;   /* the whole negotiation (10000); then the client is dropped */
    int linger_ms;        /* a refused client sees why for this long before it is closed (5000) */
    size_t max_backlog;   /* output waiting for a client that does not read (1 MB); then it is dropped */
};

struct telnet_server;

/*
 * Listen on `where` (CNSLPORT: "port" on every IPv4 address, or "host:port"; port 0 picks a free
 * one) and start serving.  NULL, after a message to the log, when the port cannot be had.
 */
struct telnet_server *telnet_server_start(struct channel_subsystem *cs, struct output *out, const char *where,
                                   const struct telnet_limits *limits);
/* The port it listens on. */
int telnet_server_port(const struct telnet_server *s);
/* Stop: the thread ends, every client is disconnected (its device not ready) and closed.  Devices
   may still call the server's hooks until telnet_server_free. */
void telnet_server_stop(struct telnet_server *s);
void telnet_server_free(struct telnet_server *s);

/* Does d need the server (a 3270, or a 3215/1052 without -C)? */
bool telnet_server_serves(const struct device *d);

/*
 * Adding, removing or replacing devices while the server runs: hold the lock around it, and tell the
 * server before a device goes (its client, if any, is disconnected).  s may be NULL (no server).
 */
void telnet_server_lock_devices(struct telnet_server *s);
void telnet_server_unlock_devices(struct telnet_server *s);
void telnet_server_device_removed(struct telnet_server *s, uint16_t address);

/* The client connected to a device ("127.0.0.1:40123"); false when it has none. */
bool telnet_server_client_address(struct telnet_server *s, uint16_t address, char *buf, size_t len);

#endif
