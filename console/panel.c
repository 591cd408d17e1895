/*
 * panel.c - the panel on the terminal (see panel.h).  This thread reads the keys and draws the
 * model's screen with ncurses a few times a second; the commands (the rc file first) run one after
 * the other on a thread of their own, so that a pause or a slow command never freezes the panel and
 * the panel never holds up a command or a CPU.  While the panel is up, whatever anything in the
 * process writes on standard output or error goes into the log through a pipe.  The terminal is
 * given back as it was on quit, on SIGINT, SIGTERM and SIGHUP, at exit, and on a crash.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "common/util.h"
#include "console/commands.h"
#include "console/output.h"
#include "console/panel.h"
#include "console/system.h"

#define REFRESH_SECONDS 0.25   /* the system is looked at four times a second */
#define KEY_WAIT_MS 50         /* and the keyboard every 50 ms */
#define ESCAPE_DELAY_MS 25     /* Esc alone, not the start of a function key's sequence */
#define COMMAND_END_SECONDS 5  /* how long a signal waits for the running command */
#define CAPTURE_POLL_MS 100

/* ---- the command thread ------------------------------------------------------------------------- */

struct command_queue {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    char **lines; /* waiting, oldest first */
    size_t count, cap;
    bool closing;  /* the panel is leaving: take no more commands */
    bool finished; /* the thread has ended */
    pthread_mutex_t running; /* held while a command runs: devices may come and go */
    struct command_env *env;
    void (*startup)(struct command_env *env, void *arg);
    void *arg;
};

/* The next command, or NULL when the panel is leaving. */
static char *queue_next(struct command_queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (!q->count && !q->closing)
        pthread_cond_wait(&q->changed, &q->lock);
    char *line = NULL;
    if (!q->closing) {
        line = q->lines[0];
        memmove(q->lines, q->lines + 1, --q->count * sizeof *q->lines);
    }
    pthread_mutex_unlock(&q->lock);
    return line;
}

static void queue_push(struct command_queue *q, const char *line)
{
    pthread_mutex_lock(&q->lock);
    *ARRAY_PUSH(q->lines, q->count, q->cap) = xstrdup(line);
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

static void queue_close(struct command_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->closing = true;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

static bool queue_finished(struct command_queue *q)
{
    pthread_mutex_lock(&q->lock);
    bool finished = q->finished;
    pthread_mutex_unlock(&q->lock);
    return finished;
}

/* Wait up to `seconds` for the thread to end. */
static bool queue_wait_finished(struct command_queue *q, int seconds)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += seconds;
    pthread_mutex_lock(&q->lock);
    int rc = 0;
    while (!q->finished && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&q->changed, &q->lock, &until);
    bool finished = q->finished;
    pthread_mutex_unlock(&q->lock);
    return finished;
}

static void queue_free(struct command_queue *q)
{
    for (size_t i = 0; i < q->count; i++)
        free(q->lines[i]);
    free(q->lines);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->lock);
    pthread_mutex_destroy(&q->running);
    free(q);
}

static void *command_main(void *arg)
{
    struct command_queue *q = arg;
    pthread_mutex_lock(&q->running);
    q->startup(q->env, q->arg);
    bool quit = q->env->system->quit;
    pthread_mutex_unlock(&q->running);
    char *line;
    while (!quit && (line = queue_next(q)) != NULL) {
        pthread_mutex_lock(&q->running);
        command_line(q->env, line);
        quit = q->env->system->quit;
        pthread_mutex_unlock(&q->running);
        free(line);
    }
    pthread_mutex_lock(&q->lock);
    q->finished = true;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

/* ---- standard output and error into the log ----------------------------------------------------- */

struct capture {
    int saved_out, saved_err; /* the terminal, for afterwards */
    int pipe_read;
    struct output *log;
    atomic_bool stop;
    pthread_t reader;
};

static void drain(struct capture *c)
{
    char chunk[4096];
    ssize_t n;
    while ((n = read(c->pipe_read, chunk, sizeof chunk)) > 0)
        output_write(c->log, chunk, (size_t)n);
}

/* Not waiting for the end of the pipe: a child process (a printer's "|command") may hold it open. */
static void *capture_main(void *arg)
{
    struct capture *c = arg;
    struct pollfd pfd = {.fd = c->pipe_read, .events = POLLIN};
    while (!atomic_load(&c->stop))
        if (poll(&pfd, 1, CAPTURE_POLL_MS) > 0)
            drain(c);
    drain(c);
    return NULL;
}

static bool capture_start(struct capture *c, struct output *log)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fflush(stdout);
    fflush(stderr);
    c->log = log;
    c->pipe_read = fds[0];
    c->saved_out = dup(STDOUT_FILENO);
    c->saved_err = dup(STDERR_FILENO);
    dup2(fds[1], STDOUT_FILENO);
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    atomic_store(&c->stop, false);
    if (pthread_create(&c->reader, NULL, capture_main, c) == 0)
        return true;
    dup2(c->saved_out, STDOUT_FILENO);
    dup2(c->saved_err, STDERR_FILENO);
    close(c->saved_out);
    close(c->saved_err);
    close(c->pipe_read);
    return false;
}

/* Standard output and error are the terminal again (safe in a signal handler). */
static void capture_give_back(struct capture *c)
{
    dup2(c->saved_out, STDOUT_FILENO);
    dup2(c->saved_err, STDERR_FILENO);
}

static void capture_end(struct capture *c)
{
    fflush(stdout);
    fflush(stderr);
    capture_give_back(c);
    atomic_store(&c->stop, true);
    pthread_join(c->reader, NULL);
    close(c->saved_out);
    close(c->saved_err);
    close(c->pipe_read);
}

/* ---- the terminal ------------------------------------------------------------------------------- */

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
#define NCRASH (sizeof crash_signals / sizeof crash_signals[0])

/* The one panel of the process: signal handlers and atexit can reach nothing else. */
static struct {
    atomic_bool up; /* curses owns the terminal */
    SCREEN *screen;
    FILE *in, *out;
    struct capture capture;
    struct sigaction old_stop[NSTOP], old_crash[NCRASH];
    bool atexit_set;
} terminal;

static volatile sig_atomic_t stop_requested;

/* Leave curses mode and give standard output and error back, once. */
static void terminal_give_back(void)
{
    if (!atomic_exchange(&terminal.up, false))
        return;
    endwin();
    capture_give_back(&terminal.capture);
}

static void on_stop_signal(int sig)
{
    stop_requested = sig;
}

/* A crash: the terminal first, then the handler there was before (the default, or a sanitizer's
   report).  A fault (SIGSEGV from a bad access...) happens again when this returns, and reaches it
   with its own details; a signal sent by kill() or abort() is raised again. */
static void on_crash_signal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    terminal_give_back();
    for (size_t i = 0; i < NCRASH; i++) {
        if (crash_signals[i] != sig)
            continue;
        struct sigaction old = terminal.old_crash[i];
        if (!(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN)
            old.sa_handler = SIG_DFL;
        sigaction(sig, &old, NULL);
    }
    if (info->si_code <= 0)
        raise(sig);
}

static void install_handlers(void)
{
    struct sigaction sa = {0};
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop_signal;
    for (size_t i = 0; i < NSTOP; i++)
        sigaction(stop_signals[i], &sa, &terminal.old_stop[i]);
    sa.sa_sigaction = on_crash_signal;
    sa.sa_flags = SA_SIGINFO;
    for (size_t i = 0; i < NCRASH; i++)
        sigaction(crash_signals[i], &sa, &terminal.old_crash[i]);
    if (!terminal.atexit_set)
        terminal.atexit_set = atexit(terminal_give_back) == 0;
}

static void restore_handlers(void)
{
    for (size_t i = 0; i < NSTOP; i++)
        sigaction(stop_signals[i], &terminal.old_stop[i], NULL);
    for (size_t i = 0; i < NCRASH; i++)
        sigaction(crash_signals[i], &terminal.old_crash[i], NULL);
}

static void close_streams(void)
{
    if (terminal.in)
        fclose(terminal.in);
    if (terminal.out)
        fclose(terminal.out);
    terminal.in = terminal.out = NULL;
}

/* curses on the terminal (through its own descriptors, as standard output and error go to the log). */
static bool terminal_open(struct output *log)
{
    int in = dup(STDIN_FILENO), out = dup(STDOUT_FILENO);
    terminal.in = in >= 0 ? fdopen(in, "r") : NULL;
    terminal.out = out >= 0 ? fdopen(out, "w") : NULL;
    setlocale(LC_CTYPE, ""); /* UTF-8 text from the consoles; only LC_CTYPE, so numbers stay C */
    terminal.screen = terminal.in && terminal.out ? newterm(NULL, terminal.out, terminal.in) : NULL;
    if (!terminal.screen) {
        if (!terminal.in && in >= 0)
            close(in);
        if (!terminal.out && out >= 0)
            close(out);
        close_streams();
        const char *type = getenv("TERM");
        output_printf(log, "S370W310 the panel cannot run on this terminal (TERM=%s): line mode\n", type ? type : "");
        return false;
    }
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    timeout(KEY_WAIT_MS);
    set_escdelay(ESCAPE_DELAY_MS);
    if (!capture_start(&terminal.capture, log)) {
        endwin();
        delscreen(terminal.screen);
        close_streams();
        output_printf(log, "S370W311 the panel cannot take standard output and error over: line mode\n");
        return false;
    }
    output_set_stream(log, NULL);
    stop_requested = 0;
    install_handlers();
    atomic_store(&terminal.up, true);
    return true;
}

static void terminal_close(struct output *log)
{
    terminal_give_back();
    restore_handlers();
    capture_end(&terminal.capture);
    output_set_stream(log, stdout);
    delscreen(terminal.screen);
    close_streams();
}

/* ---- keys and drawing --------------------------------------------------------------------------- */

static const struct {
    int curses;
    int panel;
} keys[] = {
    {'\r', PANEL_KEY_ENTER},       {'\n', PANEL_KEY_ENTER},        {KEY_ENTER, PANEL_KEY_ENTER},
    {KEY_BACKSPACE, PANEL_KEY_BACKSPACE}, {0x7F, PANEL_KEY_BACKSPACE}, {'\b', PANEL_KEY_BACKSPACE},
    {KEY_DC, PANEL_KEY_DELETE},    {KEY_LEFT, PANEL_KEY_LEFT},     {KEY_RIGHT, PANEL_KEY_RIGHT},
    {KEY_HOME, PANEL_KEY_HOME},    {KEY_END, PANEL_KEY_END},       {KEY_UP, PANEL_KEY_UP},
    {KEY_DOWN, PANEL_KEY_DOWN},    {KEY_PPAGE, PANEL_KEY_PAGE_UP}, {KEY_NPAGE, PANEL_KEY_PAGE_DOWN},
    {0x1B, PANEL_KEY_ESCAPE},      {KEY_F(2), PANEL_KEY_GPR},      {KEY_F(3), PANEL_KEY_CR},
    {KEY_F(4), PANEL_KEY_FPR},
};

/* The panel's code for a curses key: printable ASCII as it is, others from the table, else 0. */
static int panel_key_of(int key)
{
    if (key >= 0x20 && key < 0x7F)
        return key;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (keys[i].curses == key)
            return keys[i].panel;
    return 0;
}

static void take_key(struct panel *p, int key, struct command_queue *q, struct output *log)
{
    char line[PANEL_COMMAND_MAX + 1];
    if (panel_key(p, panel_key_of(key), log, line)) {
        output_printf(log, "%s\n", line); /* the command in the log, as Hercules shows it */
        queue_push(q, line);
    }
}

static void draw(const struct panel_screen *s)
{
    static const attr_t attributes[] = {[PANEL_PLAIN] = A_NORMAL, [PANEL_BAR] = A_REVERSE, [PANEL_HEADING] = A_BOLD};
    for (int r = 0; r < s->rows; r++) {
        attrset(A_NORMAL);
        move(r, 0);
        clrtoeol();
        attrset(attributes[s->attributes[r]]);
        mvaddstr(r, 0, s->lines[r]);
    }
    attrset(A_NORMAL);
    move(s->cursor_row, s->cursor_col);
    refresh();
}

/* What the system looks like now; the devices only while no command runs (attach and detach change
   them). */
static void look(struct panel *p, struct panel_state *st, struct command_queue *q)
{
    panel_state_read_cpus(st, q->env->system);
    if (pthread_mutex_trylock(&q->running) == 0) {
        panel_state_read_devices(st, q->env->system);
        pthread_mutex_unlock(&q->running);
    }
    panel_update(p, st);
}

static void panel_loop(struct panel *p, struct panel_state *st, struct command_queue *q)
{
    struct panel_screen screen = {0};
    double next_look = 0;
    while (!stop_requested && !queue_finished(q)) {
        int key = getch();
        bool changed = key != ERR;
        if (changed)
            take_key(p, key, q, q->env->out);
        if (panel_clock() >= next_look) {
            look(p, st, q);
            next_look = panel_clock() + REFRESH_SECONDS;
            changed = true;
        }
        if (changed) {
            int rows, cols;
            getmaxyx(stdscr, rows, cols);
            panel_render(p, st, q->env->out, rows, cols, &screen);
            draw(&screen);
        }
    }
    panel_screen_free(&screen);
}

/* After the panel, the last page of what the log got while it was up stays on the terminal (what
   came before is there already). */
static void print_last_messages(struct output *log, int rows, uint64_t since)
{
    uint64_t first, end;
    output_log_range(log, &first, &end);
    uint64_t n = end - first > (uint64_t)rows ? end - (uint64_t)rows : first;
    if (n < since)
        n = since;
    char line[OUTPUT_LINE_MAX + 1];
    for (; n < end; n++)
        if (output_log_line(log, n, line, sizeof line))
            printf("%s\n", line);
    fflush(stdout);
}

enum panel_result panel_run(struct command_env *env, void (*startup)(struct command_env *env, void *arg), void *arg)
{
    uint64_t first, since;
    output_log_range(env->out, &first, &since);
    if (!terminal_open(env->out))
        return PANEL_UNAVAILABLE;
    struct command_queue *q = xcalloc(1, sizeof *q);
    *q = (struct command_queue){.env = env, .startup = startup, .arg = arg};
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->changed, NULL);
    pthread_mutex_init(&q->running, NULL);
    struct panel p;
    panel_init(&p);
    struct panel_state st = {0};
    panel_state_read_devices(&st, env->system); /* before the rc file's commands take the lock */
    pthread_t commands;
    bool started = pthread_create(&commands, NULL, command_main, q) == 0;
    if (started)
        panel_loop(&p, &st, q);
    queue_close(q);
    bool finished = started && queue_wait_finished(q, COMMAND_END_SECONDS);
    terminal_close(env->out);
    if (started)
        print_last_messages(env->out, p.log_rows, since);
    panel_state_free(&st);
    panel_free(&p);
    if (started && !finished) {
        /* the thread still uses q and the system: both stay as they are until the process ends */
        output_printf(env->out, "S370W313 a command is still running: s370 ends without closing its devices\n");
        pthread_detach(commands);
        return PANEL_ABANDONED;
    }
    if (started)
        pthread_join(commands, NULL);
    else
        output_printf(env->out, "S370W312 the panel cannot start its command thread: line mode\n");
    queue_free(q);
    return started ? PANEL_ENDED : PANEL_UNAVAILABLE;
}
