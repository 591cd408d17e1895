/*
 * telnet.c - the telnet/TN3270 server (see telnet.h): the listening socket, one thread that serves
 * every client with poll(), the time limits, and the hooks through which 3270 displays and 3215/1052
 * consoles reach their clients.  A client's protocol is tn3270_session.c's business; which device it
 * gets, tn3270_assign.c's.
 *
 * Threads and locks.  Devices hand their output over from CPU threads (with the channel lock held):
 * the hooks only append it to the client's queue under `lock` and wake the server thread, which alone
 * touches sockets and libtelnet.  The server thread calls into devices (connect, input, disconnect)
 * holding `devices_lock` and never `lock`, so that a device completing I/O on this thread may hand
 * output over at once; the operator's attach, detach and devinit take `devices_lock` too, so no device
 * goes away under the server.  Lock order: devices_lock, then the channel's, then lock.
 */
#define _GNU_SOURCE
#include "console/telnet.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "console/tn3270.h"
#include "devices/console/console.h"

enum {
    DEFAULT_MAX_CLIENTS = 256,
    DEFAULT_SILENT_MS = 2000,
    DEFAULT_NEGOTIATION_MS = 10000,
    DEFAULT_LINGER_MS = 5000,
    DEFAULT_MAX_BACKLOG = 1 << 20,
    READ_CHUNK = 16384,
    OUT_HIGH_WATER = 65536, /* device output waits in its queue while this much is unsent */
    ACCEPTS_PER_ROUND = 32,
    ACCEPT_PAUSE_MS = 100,  /* after running out of descriptors */
    /* TCP keepalive, Hercules' CONKPALV default (3,1,10): a dead client is noticed in about 13 s */
    KEEPALIVE_IDLE_S = 3,
    KEEPALIVE_INTERVAL_S = 1,
    KEEPALIVE_COUNT = 10,
    NO_DEADLINE = 0,
};

/* Output a device handed over, waiting for the server thread. */
struct handover {
    char *data;
    size_t length;
    bool record;      /* a 3270 record; else line-mode text */
    bool end_of_line;
};

struct client {
    int fd;
    char address[64]; /* "127.0.0.1:40123" */
    uint32_t ip;
    struct tn_session session;
    size_t sent;      /* bytes of session.out written so far */
    int64_t silent_at, give_up_at, close_at;
    bool assigned;    /* it has had its device */
    bool refused;     /* told why it cannot be served; closed at close_at */
    bool gone;        /* closed at the end of this round */
    bool quiet;       /* ... without a message */
    char why_gone[160];
    /* shared with the device hooks, under server->lock */
    struct device *device;
    bool removed;     /* the device was detached under it */
    struct handover *handovers;
    size_t nhandovers, handovers_cap, handover_bytes;
    bool overflowed;
};

struct telnet_server {
    struct channel_subsystem *cs;
    struct output *out;
    struct telnet_limits limits;
    struct tn_identity identity;
    int listen_fd, wake_read, wake_write, port;
    pthread_t thread;
    bool running;
    atomic_bool stopping;
    int64_t accept_paused_until;
    pthread_mutex_t devices_lock;
    pthread_mutex_t lock;
    struct client *by_address[4096]; /* lock */
    struct client **clients;         /* the server thread's */
    size_t nclients, clients_cap;
};

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void wake(struct telnet_server *s)
{
    char byte = 1;
    ssize_t n = write(s->wake_write, &byte, 1); /* a full pipe is awake already */
    (void)n;
}

/* ---- the device hooks (any thread) -------------------------------------------------------------- */

static void hand_over(struct telnet_server *s, struct device *d, const char *data, size_t length, bool record,
                      bool end_of_line)
{
    pthread_mutex_lock(&s->lock);
    struct client *c = s->by_address[d->address];
    bool taken = c && c->device == d && !c->overflowed;
    if (taken && c->handover_bytes + length > s->limits.max_backlog) {
        c->overflowed = true; /* the server thread drops the client */
    } else if (taken) {
        struct handover *h = ARRAY_PUSH(c->handovers, c->nhandovers, c->handovers_cap);
        h->data = xstrndup(data, length); /* all length bytes (a record may hold NULs), then a NUL */
        h->length = length;
        h->record = record;
        h->end_of_line = end_of_line;
        c->handover_bytes += length;
    }
    pthread_mutex_unlock(&s->lock);
    if (taken)
        wake(s);
}

static void display_send(void *ctx, struct device *d, const uint8_t *record, size_t length)
{
    hand_over(ctx, d, (const char *)record, length, true, false);
}

static void console_write(void *ctx, struct device *d, const char *text, bool end_of_line)
{
    hand_over(ctx, d, text, strlen(text), false, end_of_line);
}

bool telnet_server_serves(const struct device *d)
{
    return tn_is_display(d) || tn_is_line_console(d);
}

void telnet_server_lock_devices(struct telnet_server *s)
{
    if (s)
        pthread_mutex_lock(&s->devices_lock);
}

void telnet_server_unlock_devices(struct telnet_server *s)
{
    if (s)
        pthread_mutex_unlock(&s->devices_lock);
}

void telnet_server_device_removed(struct telnet_server *s, uint16_t address)
{
    if (!s || address >= 4096)
        return;
    pthread_mutex_lock(&s->lock);
    struct client *c = s->by_address[address];
    if (c) {
        s->by_address[address] = NULL;
        c->device = NULL;
        c->removed = true;
    }
    pthread_mutex_unlock(&s->lock);
    if (c)
        wake(s);
}

bool telnet_server_client_address(struct telnet_server *s, uint16_t address, char *buf, size_t len)
{
    if (!s || address >= 4096)
        return false;
    pthread_mutex_lock(&s->lock);
    struct client *c = s->by_address[address];
    if (c)
        snprintf(buf, len, "%s", c->address);
    pthread_mutex_unlock(&s->lock);
    return c != NULL;
}

/* ---- clients ------------------------------------------------------------------------------------ */

static void drop(struct client *c, const char *why)
{
    if (c->gone)
        return;
    c->gone = true;
    snprintf(c->why_gone, sizeof c->why_gone, "%s", why);
}

static bool device_busy(void *ctx, const struct device *d)
{
    struct telnet_server *s = ctx;
    return s->by_address[d->address] != NULL;
}

/* The logo or greeting goes out before the device is ready, so that it comes before the system's
   first output. */
static void greet(struct telnet_server *s, struct client *c, struct device *d, bool display)
{
    struct buf b = {0};
    if (display) {
        tn_logo(&b, &s->identity, d, &c->session.request, c->address);
        tn_session_send_record(&c->session, b.data, b.len);
    } else {
        tn_greeting_text(&b, &s->identity, d, c->address);
        tn_session_send_text(&c->session, buf_cstr(&b), false);
    }
    buf_free(&b);
}

static void map_client(struct telnet_server *s, struct client *c, struct device *d)
{
    pthread_mutex_lock(&s->lock);
    if (c->device)
        s->by_address[c->device->address] = NULL;
    if (d)
        s->by_address[d->address] = c;
    c->device = d;
    pthread_mutex_unlock(&s->lock);
}

/* Connect the device; it presents device end. */
static bool make_ready(struct telnet_server *s, struct client *c, struct device *d, bool display)
{
    if (display) {
        struct display_client hooks = {.ctx = s, .send = display_send};
        return display_connect(d, &hooks, &c->session.request.terminal);
    }
    struct console_client hooks = {.ctx = s, .write = console_write};
    return console_attach(d, &hooks);
}

static void refuse(struct telnet_server *s, struct client *c, const char *why, int64_t now)
{
    char reason[200];
    snprintf(reason, sizeof reason, "Connection rejected: %s.", why);
    struct buf b = {0};
    if (c->session.state == TN_3270) {
        tn_rejection_screen(&b, &s->identity, reason);
        tn_session_send_record(&c->session, b.data, b.len);
    } else {
        tn_rejection_text(&b, &s->identity, reason);
        tn_session_send_text(&c->session, buf_cstr(&b), false);
    }
    buf_free(&b);
    c->refused = true;
    c->close_at = now + s->limits.linger_ms;
    output_printf(s->out, "S370W504 telnet client %s (%s) refused: %s\n", c->address,
                  c->session.request.type[0] ? c->session.request.type : "no terminal type", why);
}

static void connect_client(struct telnet_server *s, struct client *c, int64_t now)
{
    bool display = c->session.state == TN_3270;
    char why[160];
    c->assigned = true;
    c->give_up_at = NO_DEADLINE;
    telnet_server_lock_devices(s);
    struct device *d = tn_choose_device(s->cs, display, &c->session.request, c->ip, device_busy, s, why, sizeof why);
    if (d) {
        greet(s, c, d, display);
        map_client(s, c, d);
        if (!make_ready(s, c, d, display)) {
            map_client(s, c, NULL);
            snprintf(why, sizeof why, "device %03X could not be connected", d->address);
            d = NULL;
        }
    }
    telnet_server_unlock_devices(s);
    if (!d) {
        refuse(s, c, why, now);
        return;
    }
    output_printf(s->out, "S370I502 %03X %s client %s connected (%s)\n", d->address, d->type_name, c->address,
                  c->session.request.type[0] ? c->session.request.type : "line mode");
}

/* Complete records and lines go to the device; input of a client without one is dropped. */
static void deliver_input(struct telnet_server *s, struct client *c)
{
    struct tn_input in;
    telnet_server_lock_devices(s);
    struct device *d = c->refused ? NULL : c->device;
    while (tn_session_take_input(&c->session, &in)) {
        if (d && tn_is_display(d))
            display_inbound(d, (const uint8_t *)in.data, in.length);
        else if (d)
            console_input(d, in.data);
        free(in.data);
    }
    telnet_server_unlock_devices(s);
}

/* What the session's state now asks for. */
static void advance(struct telnet_server *s, struct client *c, int64_t now)
{
    switch (c->session.state) {
    case TN_NEGOTIATING:
        return;
    case TN_FAILED:
        if (!c->gone)
            output_printf(s->out, "S370W505 telnet client %s: %s\n", c->address, c->session.failure);
        drop(c, c->session.failure);
        c->quiet = true;
        return;
    case TN_3270:
    case TN_LINE:
        if (!c->assigned)
            connect_client(s, c, now);
        deliver_input(s, c);
        return;
    }
}

static void read_client(struct telnet_server *s, struct client *c, int64_t now)
{
    char data[READ_CHUNK];
    ssize_t n = recv(c->fd, data, sizeof data, 0);
    if (n == 0) {
        drop(c, "the client closed the connection");
    } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        drop(c, strerror(errno));
    } else if (n > 0 && !c->refused && !c->gone) {
        tn_session_receive(&c->session, data, (size_t)n);
        advance(s, c, now);
    }
}

/* Device output into the session (only while little is unsent: a client that does not read keeps
   its queue growing until it is over the limit, then it is dropped). */
static void take_handovers(struct telnet_server *s, struct client *c)
{
    struct handover *list = NULL;
    size_t n = 0;
    bool below_water = c->session.out.len - c->sent < OUT_HIGH_WATER;
    pthread_mutex_lock(&s->lock);
    bool overflowed = c->overflowed, removed = c->removed;
    if (below_water && !overflowed) {
        list = c->handovers;
        n = c->nhandovers;
        c->handovers = NULL;
        c->nhandovers = c->handovers_cap = c->handover_bytes = 0;
    }
    pthread_mutex_unlock(&s->lock);
    for (size_t i = 0; i < n; i++) {
        if (list[i].record)
            tn_session_send_record(&c->session, list[i].data, list[i].length);
        else
            tn_session_send_text(&c->session, list[i].data, list[i].end_of_line);
        free(list[i].data);
    }
    free(list);
    if (removed) {
        drop(c, "its device was detached");
    } else if (overflowed && !c->gone) {
        output_printf(s->out, "S370W508 telnet client %s does not read its output: disconnected\n", c->address);
        drop(c, "it did not read its output");
    }
}

static void flush_client(struct client *c)
{
    struct buf *out = &c->session.out;
    while (c->sent < out->len && !c->gone) {
        ssize_t n = send(c->fd, out->data + c->sent, out->len - c->sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            c->sent += (size_t)n;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        else if (n < 0 && errno != EINTR)
            drop(c, strerror(errno));
    }
    if (c->sent == out->len) {
        out->len = 0;
        c->sent = 0;
    } else if (c->sent > OUT_HIGH_WATER) {
        memmove(out->data, out->data + c->sent, out->len - c->sent);
        out->len -= c->sent;
        c->sent = 0;
    }
}

static void run_timers(struct telnet_server *s, struct client *c, int64_t now)
{
    if (c->refused) {
        if (now >= c->close_at) {
            drop(c, "refused");
            c->quiet = true;
        }
        return;
    }
    if (c->session.state != TN_NEGOTIATING)
        return;
    if (c->silent_at != NO_DEADLINE && now >= c->silent_at) {
        c->silent_at = NO_DEADLINE;
        tn_session_silent(&c->session);
    }
    if (c->give_up_at != NO_DEADLINE && now >= c->give_up_at)
        tn_session_give_up(&c->session);
    advance(s, c, now);
}

/* The device goes not ready (a console's waiting read ends with intervention required), then the
   client is closed. */
static void close_client(struct telnet_server *s, struct client *c)
{
    telnet_server_lock_devices(s);
    struct device *d = c->device;
    map_client(s, c, NULL);
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < c->nhandovers; i++)
        free(c->handovers[i].data);
    free(c->handovers);
    pthread_mutex_unlock(&s->lock);
    if (d && tn_is_display(d))
        display_disconnect(d);
    else if (d)
        console_detach(d);
    telnet_server_unlock_devices(s);
    if (d)
        output_printf(s->out, "S370I503 %03X %s client %s disconnected: %s\n", d->address, d->type_name, c->address,
                      c->why_gone);
    else if (!c->quiet && !c->assigned)
        output_printf(s->out, "S370I509 telnet client %s left before it was connected: %s\n", c->address,
                      c->why_gone);
    close(c->fd);
    tn_session_close(&c->session);
    free(c);
}

static void reap_clients(struct telnet_server *s)
{
    size_t kept = 0;
    for (size_t i = 0; i < s->nclients; i++) {
        if (s->clients[i]->gone)
            close_client(s, s->clients[i]);
        else
            s->clients[kept++] = s->clients[i];
    }
    s->nclients = kept;
}

/* ---- accepting ---------------------------------------------------------------------------------- */

static void set_socket_options(int fd)
{
    static const struct {
        int level, name, value;
    } options[] = {
        {IPPROTO_TCP, TCP_NODELAY, 1},        {SOL_SOCKET, SO_KEEPALIVE, 1},
        {IPPROTO_TCP, TCP_KEEPIDLE, KEEPALIVE_IDLE_S}, {IPPROTO_TCP, TCP_KEEPINTVL, KEEPALIVE_INTERVAL_S},
        {IPPROTO_TCP, TCP_KEEPCNT, KEEPALIVE_COUNT},
    };
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        setsockopt(fd, options[i].level, options[i].name, &options[i].value, sizeof options[i].value);
}

static void turn_away(struct telnet_server *s, int fd, const char *address)
{
    char text[160];
    int n = snprintf(text, sizeof text, "S370W506 s370 serves at most %d telnet clients at once; try again later.\r\n",
                     s->limits.max_clients);
    ssize_t sent = send(fd, text, (size_t)n, MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)sent;
    close(fd);
    output_printf(s->out, "S370W506 telnet client %s refused: already %d clients\n", address, s->limits.max_clients);
}

static void add_client(struct telnet_server *s, int fd, const struct sockaddr_in *from, int64_t now)
{
    struct client *c = xcalloc(1, sizeof *c);
    c->fd = fd;
    c->ip = ntohl(from->sin_addr.s_addr);
    char ip[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &from->sin_addr, ip, sizeof ip);
    snprintf(c->address, sizeof c->address, "%s:%u", ip, ntohs(from->sin_port));
    set_socket_options(fd);
    tn_session_open(&c->session);
    c->silent_at = now + s->limits.silent_ms;
    c->give_up_at = now + s->limits.negotiation_ms;
    *ARRAY_PUSH(s->clients, s->nclients, s->clients_cap) = c;
    advance(s, c, now);
}

static void accept_clients(struct telnet_server *s, int64_t now)
{
    for (int i = 0; i < ACCEPTS_PER_ROUND; i++) {
        struct sockaddr_in from;
        socklen_t length = sizeof from;
        int fd = accept4(s->listen_fd, (struct sockaddr *)&from, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                output_printf(s->out, "S370E507 telnet server: cannot accept a connection: %s\n", strerror(errno));
                s->accept_paused_until = now + ACCEPT_PAUSE_MS;
            }
            return;
        }
        char ip[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &from.sin_addr, ip, sizeof ip);
        char address[64];
        snprintf(address, sizeof address, "%s:%u", ip, ntohs(from.sin_port));
        if (s->nclients >= (size_t)s->limits.max_clients)
            turn_away(s, fd, address);
        else
            add_client(s, fd, &from, now);
    }
}

/* ---- the server thread -------------------------------------------------------------------------- */

static int64_t earlier(int64_t a, int64_t b)
{
    return a == NO_DEADLINE ? b : b == NO_DEADLINE || a < b ? a : b;
}

/* Milliseconds until the next deadline, or -1 for none. */
static int poll_timeout(const struct telnet_server *s, int64_t now)
{
    int64_t next = s->accept_paused_until > now ? s->accept_paused_until : NO_DEADLINE;
    for (size_t i = 0; i < s->nclients; i++) {
        const struct client *c = s->clients[i];
        if (c->refused)
            next = earlier(next, c->close_at);
        else if (c->session.state == TN_NEGOTIATING)
            next = earlier(earlier(next, c->silent_at), c->give_up_at);
    }
    if (next == NO_DEADLINE)
        return -1;
    return next <= now ? 0 : (int)(next - now);
}

/* fds: the wake pipe, the listening socket (-1 while accepting pauses), then every client. */
static size_t fill_poll(struct telnet_server *s, struct pollfd **fds, size_t *cap, int64_t now)
{
    size_t n = s->nclients + 2;
    if (n > *cap) {
        *fds = xrealloc(*fds, n * sizeof **fds);
        *cap = n;
    }
    (*fds)[0] = (struct pollfd){.fd = s->wake_read, .events = POLLIN};
    (*fds)[1] = (struct pollfd){.fd = now < s->accept_paused_until ? -1 : s->listen_fd, .events = POLLIN};
    for (size_t i = 0; i < s->nclients; i++) {
        struct client *c = s->clients[i];
        short events = POLLIN | (c->session.out.len > c->sent ? POLLOUT : 0);
        (*fds)[i + 2] = (struct pollfd){.fd = c->fd, .events = events};
    }
    return n;
}

static void drain_wake(struct telnet_server *s)
{
    char bytes[256];
    while (read(s->wake_read, bytes, sizeof bytes) > 0)
        continue;
}

static void serve_round(struct telnet_server *s, struct pollfd **fds, size_t *cap)
{
    int64_t now = now_ms();
    size_t n = fill_poll(s, fds, cap, now);
    int ready = poll(*fds, n, poll_timeout(s, now));
    if (ready < 0 && errno != EINTR) {
        output_printf(s->out, "S370E507 telnet server: poll failed: %s\n", strerror(errno));
        struct timespec pause = {0, ACCEPT_PAUSE_MS * 1000000L};
        nanosleep(&pause, NULL);
        return;
    }
    now = now_ms();
    drain_wake(s);
    size_t polled = n - 2;
    for (size_t i = 0; ready > 0 && i < polled; i++)
        if ((*fds)[i + 2].revents & (POLLIN | POLLHUP | POLLERR))
            read_client(s, s->clients[i], now);
    if (ready > 0 && ((*fds)[1].revents & POLLIN))
        accept_clients(s, now);
    for (size_t i = 0; i < s->nclients; i++) {
        struct client *c = s->clients[i];
        take_handovers(s, c);
        run_timers(s, c, now);
        flush_client(c);
    }
    reap_clients(s);
}

static void *serve(void *arg)
{
    struct telnet_server *s = arg;
    struct pollfd *fds = NULL;
    size_t cap = 0;
    while (!atomic_load(&s->stopping))
        serve_round(s, &fds, &cap);
    for (size_t i = 0; i < s->nclients; i++)
        drop(s->clients[i], "the server stopped");
    reap_clients(s);
    free(fds);
    return NULL;
}

/* ---- starting and stopping ---------------------------------------------------------------------- */

/* "port" or "host:port" to an IPv4 socket address; false with a message. */
static bool resolve(const char *where, struct sockaddr_in *a, char *err, size_t errlen)
{
    char host[256] = "";
    const char *colon = strrchr(where, ':');
    const char *port = colon ? colon + 1 : where;
    if (colon)
        snprintf(host, sizeof host, "%.*s", (int)(colon - where), where);
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE}, *list;
    int rc = getaddrinfo(host[0] ? host : NULL, port, &hints, &list);
    if (rc != 0) {
        snprintf(err, errlen, "%s", gai_strerror(rc));
        return false;
    }
    memcpy(a, list->ai_addr, sizeof *a);
    freeaddrinfo(list);
    return true;
}

static int listen_on(const struct sockaddr_in *a, char *err, size_t errlen)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int on = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0 ||
        bind(fd, (const struct sockaddr *)a, sizeof *a) < 0 || listen(fd, SOMAXCONN) < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

static void apply_defaults(struct telnet_limits *l)
{
    l->max_clients = l->max_clients > 0 ? l->max_clients : DEFAULT_MAX_CLIENTS;
    l->silent_ms = l->silent_ms > 0 ? l->silent_ms : DEFAULT_SILENT_MS;
    l->negotiation_ms = l->negotiation_ms > 0 ? l->negotiation_ms : DEFAULT_NEGOTIATION_MS;
    l->linger_ms = l->linger_ms > 0 ? l->linger_ms : DEFAULT_LINGER_MS;
    l->max_backlog = l->max_backlog > 0 ? l->max_backlog : DEFAULT_MAX_BACKLOG;
}

static struct telnet_server *new_server(struct channel_subsystem *cs, struct output *out,
                                        const struct telnet_limits *limits)
{
    struct telnet_server *s = xcalloc(1, sizeof *s);
    s->cs = cs;
    s->out = out;
    if (limits)
        s->limits = *limits;
    apply_defaults(&s->limits);
    tn_identity_init(&s->identity);
    s->listen_fd = s->wake_read = s->wake_write = -1;
    pthread_mutex_init(&s->devices_lock, NULL);
    pthread_mutex_init(&s->lock, NULL);
    return s;
}

struct telnet_server *telnet_server_start(struct channel_subsystem *cs, struct output *out, const char *where,
                                   const struct telnet_limits *limits)
{
    struct telnet_server *s = new_server(cs, out, limits);
    struct sockaddr_in a;
    char err[160];
    int pipe_fds[2];
    if (!resolve(where, &a, err, sizeof err) || (s->listen_fd = listen_on(&a, err, sizeof err)) < 0) {
        output_printf(out, "S370E501 telnet server: cannot listen on %s: %s\n", where, err);
        telnet_server_free(s);
        return NULL;
    }
    socklen_t length = sizeof a;
    getsockname(s->listen_fd, (struct sockaddr *)&a, &length);
    s->port = ntohs(a.sin_port);
    int rc = pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC) < 0 ? errno : 0;
    if (rc == 0) {
        s->wake_read = pipe_fds[0];
        s->wake_write = pipe_fds[1];
        rc = pthread_create(&s->thread, NULL, serve, s);
    }
    if (rc != 0) {
        output_printf(out, "S370E510 telnet server: cannot start: %s\n", strerror(rc));
        telnet_server_free(s);
        return NULL;
    }
    s->running = true;
    char ip[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a.sin_addr, ip, sizeof ip);
    output_printf(out, "S370I500 telnet server listening on %s:%d for 3270, 3215 and 1052 terminals\n", ip, s->port);
    return s;
}

int telnet_server_port(const struct telnet_server *s)
{
    return s->port;
}

void telnet_server_stop(struct telnet_server *s)
{
    if (!s || !s->running)
        return;
    atomic_store(&s->stopping, true);
    wake(s);
    pthread_join(s->thread, NULL);
    s->running = false;
    close(s->listen_fd);
    s->listen_fd = -1;
}

void telnet_server_free(struct telnet_server *s)
{
    if (!s)
        return;
    telnet_server_stop(s);
    int fds[] = {s->listen_fd, s->wake_read, s->wake_write};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    free(s->clients);
    pthread_mutex_destroy(&s->devices_lock);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
