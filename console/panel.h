/*
 * panel.h - the operator's panel, in the style of Hercules' panel: the CPUs with their state, PSW,
 * instruction count and MIPS, the target CPU's registers (general, control or floating point), the
 * I/O rate, the devices with their status, the scrolling message log and a command line with
 * history, with Hercules' status line at the bottom:
 *
 *    s370   MIPS 0.00   SIO/s 0                                  F2 GPR  F3 CR  F4 FPR  PgUp PgDn
 *   CPU0000 disabled wait  PSW=000A0000 00C0FFEE MIPS   0.00 instcount=13
 *   General registers of CPU0000
 *   GR00=00000000  GR01=11111111  GR02=22222222  GR03=33333333
 *   ... (4 lines; 2 for the floating-point registers)
 *   Addr Type Cls  State    Description
 *   000C 3505 RDR  busy     prog.deck ebcdic eof
 *   00C0 3270 DSP           127.0.0.1:40123  connected, 3278-2, 24x80, ...
 *   Messages                                                                  PgUp: 12 older
 *   HHCCP011I CPU0000: Disabled wait state
 *   Command ==> devlist
 *   CPU0000 PSW=000A000000C0FFEE 24..W.....                                     instcount=13
 *
 * It is a model that needs no terminal: a snapshot of the system (panel_state.c) and the log give
 * the screen as text lines (panel_model.c); keys edit the command line, recall history, switch the
 * registers and scroll the log (panel_input.c).  panel.c draws that screen with ncurses and runs the
 * commands on a thread of their own, so that neither a slow command nor the panel holds up the other.
 */
#ifndef S370_CONSOLE_PANEL_H
#define S370_CONSOLE_PANEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu370/cpu.h"

struct command_env;
struct output;
struct system;

/* ---- a snapshot of the system (panel_state.c) --------------------------------------------------- */

struct panel_cpu {
    enum cpu_state state;
    bool disabled_wait;
    uint8_t psw[8];
    uint64_t instructions;
};

#define PANEL_DESCRIPTION_MAX 160

struct panel_device {
    uint16_t address;
    uint16_t model;      /* e.g. 0x3330 */
    char device_class[8]; /* devlist's class: DASD, TAPE, RDR, PCH, PRT, CON, DSP */
    bool busy;           /* a channel program is active */
    bool pending;        /* an interruption is pending */
    char client[64];     /* the telnet client connected to a terminal ("127.0.0.1:40123"), or "" */
    char description[PANEL_DESCRIPTION_MAX]; /* the handler's devlist line: file, position, state */
};

struct panel_state {
    double time; /* seconds on the monotonic clock when taken */
    int ncpus;
    int target; /* the CPU commands address */
    struct panel_cpu cpus[S370_MAX_CPUS];
    uint32_t gr[16], cr[16]; /* the target CPU's registers */
    uint64_t fpr[4];         /* FPR 0, 2, 4, 6 */
    uint64_t sio_count;      /* START I/O instructions so far */
    struct panel_device *devices;
    size_t ndevices, devices_cap;
};

/* Seconds on the monotonic clock. */
double panel_clock(void);
/* The CPUs, the target's registers, the SIO count and the time. */
void panel_state_read_cpus(struct panel_state *st, struct system *s);
/* The devices (in address order).  Not while a command may attach or detach one. */
void panel_state_read_devices(struct panel_state *st, struct system *s);
void panel_state_free(struct panel_state *st);

/* A rate (instructions or SIOs per second): measured over at least RATE_INTERVAL seconds, so that a
   panel refreshing several times a second shows a steady number. */
#define RATE_INTERVAL 1.0
struct rate {
    bool started;
    uint64_t count; /* at the start of the interval */
    double time;
    double per_second;
};
void rate_sample(struct rate *r, uint64_t count, double now);

/* ---- keys, command line, history (panel_input.c) ------------------------------------------------- */

/* Printable ASCII characters are their own codes; the other keys: */
enum panel_key {
    PANEL_KEY_ENTER = 0x100,
    PANEL_KEY_BACKSPACE,
    PANEL_KEY_DELETE,
    PANEL_KEY_LEFT,
    PANEL_KEY_RIGHT,
    PANEL_KEY_HOME,
    PANEL_KEY_END,
    PANEL_KEY_UP,         /* previous command from the history */
    PANEL_KEY_DOWN,       /* next command */
    PANEL_KEY_PAGE_UP,    /* older messages */
    PANEL_KEY_PAGE_DOWN,  /* newer messages */
    PANEL_KEY_ESCAPE,     /* clear the command line */
    PANEL_KEY_GPR,        /* F2: show the general registers */
    PANEL_KEY_CR,         /* F3: the control registers */
    PANEL_KEY_FPR,        /* F4: the floating-point registers */
};

#define PANEL_COMMAND_MAX 255 /* characters on the command line */
#define PANEL_HISTORY_MAX 100 /* commands remembered */

struct command_editor {
    char text[PANEL_COMMAND_MAX + 1];
    size_t length, cursor;
    size_t first_shown; /* horizontal scrolling: the first character on the screen */
};

struct command_history {
    char *lines[PANEL_HISTORY_MAX]; /* oldest first */
    size_t count;
    size_t position; /* the line being recalled; count: the line being typed */
    char draft[PANEL_COMMAND_MAX + 1]; /* what was typed before Up was pressed */
};

enum panel_registers { PANEL_GPR, PANEL_CR, PANEL_FPR };

/* Which log lines show: the newest (follow), or from line `top` on after PgUp. */
struct log_view {
    bool follow;
    uint64_t top;
};

struct panel {
    enum panel_registers registers;
    struct command_editor editor;
    struct command_history history;
    struct log_view log;
    int log_rows; /* the log area's height when last drawn: PgUp and PgDn move a page of it */
    struct rate mips[S370_MAX_CPUS], total_mips, sio;
};

void panel_init(struct panel *p);
void panel_free(struct panel *p);
/* One key.  Enter with a non-empty line returns true with the command in line (and remembers it). */
bool panel_key(struct panel *p, int key, struct output *log, char line[PANEL_COMMAND_MAX + 1]);
/* The first log line shown, of the kept lines first..end-1: the newest page while following. */
uint64_t panel_log_top(const struct panel *p, uint64_t first, uint64_t end);
/* The rates, from a new snapshot. */
void panel_update(struct panel *p, const struct panel_state *st);

/* ---- the screen (panel_model.c) ------------------------------------------------------------------ */

enum panel_attribute {
    PANEL_PLAIN,
    PANEL_BAR,     /* the title and status lines: reverse video, the whole width */
    PANEL_HEADING, /* an area's heading: bold */
};

/* What the terminal shows: rows lines of at most cols characters (UTF-8), and the cursor. */
struct panel_screen {
    int rows, cols;
    char **lines;
    enum panel_attribute *attributes;
    int cursor_row, cursor_col;
};

/* The smallest terminal the panel fits (rows grow with the CPUs); a smaller one shows a message and
   the command line. */
#define PANEL_MIN_COLS 60
int panel_min_rows(int ncpus);

void panel_render(struct panel *p, const struct panel_state *st, struct output *log, int rows, int cols,
                  struct panel_screen *screen);
void panel_screen_free(struct panel_screen *screen);

/* Thousands separated by commas, as Hercules shows instruction counts: "1,234,567". */
void panel_format_count(char *buf, size_t len, uint64_t n);

/* ---- the program (panel.c) ----------------------------------------------------------------------- */

enum panel_result {
    PANEL_UNAVAILABLE, /* the terminal cannot run the panel (a message says why): use line mode */
    PANEL_ENDED,       /* quit, end of the terminal or a signal: the system can be shut down */
    PANEL_ABANDONED,   /* a signal ended the panel while a command still runs: exit without shutdown */
};

/* Run the panel on the terminal that is standard input and output until quit (or SIGINT, SIGTERM,
   SIGHUP).  startup(env, arg) runs first on the command thread (the rc file). */
enum panel_result panel_run(struct command_env *env, void (*startup)(struct command_env *env, void *arg),
                            void *arg);

#endif
