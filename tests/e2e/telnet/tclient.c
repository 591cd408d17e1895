/*
 * tclient.c - telnet test clients for tests/e2e/telnet (the tests build it with cc):
 *   tclient port              print a free TCP port on 127.0.0.1
 *   tclient load PORT COUNT   COUNT clients at once against 127.0.0.1:PORT, each behaving in one of
 *                             the ways below (a TN3270 terminal, garbage, half-open, silence, a
 *                             line-mode console typing 1000-byte lines, a stalled negotiation, an
 *                             abort); each is bounded in time.  Exit status 0 when every client
 *                             finished in time, whatever the server did.
 * The clients check nothing about the server's answers: the test checks the server.
 */
#define _GNU_SOURCE /* memmem */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

enum { CLIENT_SECONDS = 20, READ_TIMEOUT_S = 2 };

static int port;

static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    socklen_t length = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || getsockname(fd, (struct sockaddr *)&a, &length) < 0)
        return -1;
    close(fd);
    return ntohs(a.sin_port);
}

static int dial(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    struct timeval t = {READ_TIMEOUT_S, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &t, sizeof t);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &t, sizeof t);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void put(int fd, const void *data, size_t n)
{
    ssize_t sent = send(fd, data, n, MSG_NOSIGNAL);
    (void)sent;
}

/* Read until `want` came, the server closed, or the read timed out. */
static bool await(int fd, const void *want, size_t n)
{
    char seen[8192];
    size_t have = 0;
    for (;;) {
        ssize_t r = recv(fd, seen + have, sizeof seen - have, 0);
        if (r <= 0)
            return false;
        have += (size_t)r;
        if (have >= n && memmem(seen, have, want, n))
            return true;
        if (have > sizeof seen / 2) { /* keep the tail */
            memmove(seen, seen + have - n, n);
            have = n;
        }
    }
}

/* Read until the server closes (or the read times out). */
static void drain(int fd)
{
    char data[4096];
    while (recv(fd, data, sizeof data, 0) > 0)
        continue;
}

static void abort_connection(int fd)
{
    struct linger l = {1, 0}; /* close with RST */
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

/* A TN3270 terminal: negotiate, take the logo or the rejection, press Enter, leave. */
static void terminal(int fd, unsigned seed)
{
    static const unsigned char will_ttype[] = {255, 251, 24}, agree[] = {255, 253, 0, 255, 251, 0, 255, 253, 25, 255, 251, 25},
                               is[] = "\xff\xfa\x18\x00IBM-3278-2\xff\xf0", enter[] = {0x7D, 0x40, 0x40, 255, 239};
    if (!await(fd, "\xff\xfd\x18", 3))
        return;
    put(fd, will_ttype, sizeof will_ttype);
    if (!await(fd, "\xff\xfa\x18\x01\xff\xf0", 6))
        return;
    put(fd, is, sizeof is - 1);
    if (!await(fd, "\xff\xfd\x19", 3))
        return;
    put(fd, agree, sizeof agree);
    if (!await(fd, "\xff\xef", 2))
        return;
    put(fd, enter, sizeof enter);
    if (seed % 2)
        abort_connection(fd);
}

/* Bytes at random, IAC and SB among them. */
static void garbage(int fd, unsigned seed)
{
    unsigned char noise[600];
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (unsigned char)rand_r(&seed);
    for (size_t i = 0; i < sizeof noise; i += 97)
        noise[i] = 255;
    put(fd, noise, sizeof noise);
}

/* Connected, silent, then gone without a word (RST). */
static void half_open(int fd, unsigned seed)
{
    struct timespec pause = {0, (long)(seed % 3000) * 1000000L};
    nanosleep(&pause, NULL);
    abort_connection(fd);
}

/* Our side closed at once; read what comes until the server closes. */
static void shut_writing(int fd, unsigned seed)
{
    (void)seed;
    shutdown(fd, SHUT_WR);
    drain(fd);
}

/* A raw line-mode client typing a 1000-byte line and a short one. */
static void typist(int fd, unsigned seed)
{
    char line[1002];
    memset(line, 'a' + (int)(seed % 26), 1000);
    memcpy(line + 1000, "\r\n", 2);
    put(fd, line, sizeof line);
    put(fd, "short line\n", 11);
    await(fd, "\r\n", 2);
}

/* A telnet client (answers TERMINAL-TYPE with VT100) that types. */
static void vt100(int fd, unsigned seed)
{
    (void)seed;
    static const unsigned char will_ttype[] = {255, 251, 24};
    if (!await(fd, "\xff\xfd\x18", 3))
        return;
    put(fd, will_ttype, sizeof will_ttype);
    put(fd, "\xff\xfa\x18\x00VT100\xff\xf0", 11);
    put(fd, "hello\r\n", 7);
    await(fd, "\r\n", 2);
}

/* Agrees to TERMINAL-TYPE and then says nothing: the server drops it at its negotiation limit. */
static void stall(int fd, unsigned seed)
{
    (void)seed;
    static const unsigned char will_ttype[] = {255, 251, 24};
    put(fd, will_ttype, sizeof will_ttype);
    struct timeval t = {CLIENT_SECONDS - 5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &t, sizeof t);
    drain(fd);
}

static void *client(void *arg)
{
    static void (*const behaviours[])(int fd, unsigned seed) = {terminal, garbage,  half_open, shut_writing,
                                                                 typist,   vt100,    stall};
    unsigned seed = (unsigned)(size_t)arg;
    int fd = dial();
    if (fd >= 0) {
        behaviours[seed % (sizeof behaviours / sizeof behaviours[0])](fd, seed);
        close(fd);
    }
    return NULL;
}

static int load(int count)
{
    pthread_t *threads = calloc((size_t)count, sizeof *threads);
    for (int i = 0; i < count; i++)
        if (pthread_create(&threads[i], NULL, client, (void *)(size_t)i) != 0) {
            fprintf(stderr, "tclient: cannot start client %d\n", i);
            return 1;
        }
    for (int i = 0; i < count; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "port") == 0) {
        int p = free_port();
        printf("%d\n", p);
        return p > 0 ? 0 : 1;
    }
    if (argc == 4 && strcmp(argv[1], "load") == 0) {
        port = atoi(argv[2]);
        alarm(CLIENT_SECONDS + 10); /* a client that hangs fails the test instead of holding it */
        return load(atoi(argv[3]));
    }
    fprintf(stderr, "usage: tclient port | tclient load PORT COUNT\n");
    return 2;
}
