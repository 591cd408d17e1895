/*
 * panel_model.c - the panel's screen as text (see panel.h): where each area goes for the terminal's
 * size and what each line says.  The register lines are the displays' (display.c, Hercules'
 * formats); the status line is Hercules' (panel.c of 3.13): "CPU0000 PSW=0002000080000000
 * 24M.W....." with the instruction count at the right edge, the letters being M stopped
 * (manual), T stepping, W wait, L loading, C check stop, P problem state, S SIE, Z z/Architecture.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "console/display.h"
#include "console/output.h"
#include "console/panel.h"

#define COMMAND_PROMPT "Command ==> " /* Hercules' */
#define REGISTER_ROWS 4
#define LOG_MIN_ROWS 3
#define LINE_MAX_BYTES (OUTPUT_LINE_MAX + 1)

/* title, register heading, device heading, log heading, command line, status line; and per CPU */
#define FIXED_ROWS (6 + REGISTER_ROWS)

int panel_min_rows(int ncpus)
{
    return FIXED_ROWS + ncpus + 1 + LOG_MIN_ROWS;
}

void panel_format_count(char *buf, size_t len, uint64_t n)
{
    char digits[24];
    int nd = snprintf(digits, sizeof digits, "%" PRIu64, n);
    char out[32];
    int o = 0;
    for (int i = 0; i < nd; i++) {
        if (i > 0 && (nd - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, len, "%s", out);
}

/* ---- lines -------------------------------------------------------------------------------------- */

/* Characters of UTF-8 text (a character per column), and the bytes of its first `columns`. */
static int text_columns(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static size_t prefix_bytes(const char *s, int columns)
{
    size_t i = 0;
    for (int n = 0; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == columns)
            break;
    }
    return i;
}

/* Row `row` shows text cut to the width; a bar is filled with blanks to the right edge. */
static void put_line(struct panel_screen *s, int row, enum panel_attribute attribute, const char *text)
{
    struct buf b = {0};
    buf_add(&b, text, prefix_bytes(text, s->cols));
    if (attribute == PANEL_BAR)
        for (int n = text_columns(buf_cstr(&b)); n < s->cols; n++)
            buf_addc(&b, ' ');
    free(s->lines[row]);
    s->lines[row] = xstrdup(buf_cstr(&b));
    s->attributes[row] = attribute;
    buf_free(&b);
}

/* left, and right against the right edge when both fit with a blank between (else right after left,
   as Hercules' status line does). */
static void put_left_right(struct panel_screen *s, int row, enum panel_attribute attribute, const char *left,
                           const char *right)
{
    if (!*right) {
        put_line(s, row, attribute, left);
        return;
    }
    struct buf b = {0};
    buf_adds(&b, left);
    int used = text_columns(left), wanted = text_columns(right);
    for (; used + wanted < s->cols; used++)
        buf_addc(&b, ' ');
    buf_adds(&b, right);
    put_line(s, row, attribute, buf_cstr(&b));
    buf_free(&b);
}

static void put_printf(struct panel_screen *s, int row, enum panel_attribute attribute, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void put_printf(struct panel_screen *s, int row, enum panel_attribute attribute, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = xvasprintf(fmt, ap);
    va_end(ap);
    put_line(s, row, attribute, text);
    free(text);
}

/* Each line of text (lines ending in \n) on the rows from `row` on. */
static void put_text(struct panel_screen *s, int row, const char *text)
{
    for (const char *p = text; *p; row++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, n);
        put_line(s, row, PANEL_PLAIN, line);
        free(line);
        p += n + (nl != NULL);
    }
}

/* ---- areas -------------------------------------------------------------------------------------- */

static void render_title(struct panel_screen *s, int row, const struct panel *p)
{
    char left[80];
    snprintf(left, sizeof left, " s370   MIPS %.2f   SIO/s %.0f", p->total_mips.per_second / 1e6, p->sio.per_second);
    put_left_right(s, row, PANEL_BAR, left, "F2 GPR  F3 CR  F4 FPR  PgUp PgDn ");
}

static const char *cpu_state_name(const struct panel_cpu *c)
{
    if (c->state == CPU_CHECK_STOP)
        return "check stop";
    if (c->state == CPU_STOPPED)
        return "stopped";
    if (c->disabled_wait)
        return "disabled wait";
    return c->psw[1] & 0x02 ? "wait" : "running"; /* PSW bit 14, both formats */
}

static void render_cpus(struct panel_screen *s, int row, const struct panel *p, const struct panel_state *st)
{
    for (int i = 0; i < st->ncpus; i++) {
        const struct panel_cpu *c = &st->cpus[i];
        char count[32];
        panel_format_count(count, sizeof count, c->instructions);
        put_printf(s, row + i, PANEL_PLAIN, "CPU%04X %-13s  PSW=%02X%02X%02X%02X %02X%02X%02X%02X MIPS %6.2f instcount=%s",
                   (unsigned)i, cpu_state_name(c), c->psw[0], c->psw[1], c->psw[2], c->psw[3], c->psw[4], c->psw[5],
                   c->psw[6], c->psw[7], p->mips[i].per_second / 1e6, count);
    }
}

static void render_registers(struct panel_screen *s, int row, const struct panel *p, const struct panel_state *st)
{
    static const char *const names[] = {[PANEL_GPR] = "General", [PANEL_CR] = "Control", [PANEL_FPR] = "Floating-point"};
    put_printf(s, row, PANEL_HEADING, "%s registers of CPU%04X", names[p->registers], (unsigned)st->target);
    struct buf b = {0};
    if (p->registers == PANEL_FPR)
        display_fprs(&b, st->fpr, -1);
    else
        display_registers(&b, p->registers == PANEL_GPR ? "GR" : "CR", p->registers == PANEL_GPR ? st->gr : st->cr, -1);
    put_text(s, row + 1, buf_cstr(&b));
    buf_free(&b);
}

static const char *device_status(const struct panel_device *d)
{
    static const char *const names[2][2] = {{"", "int"}, {"busy", "busy int"}};
    return names[d->busy][d->pending];
}

static void render_devices(struct panel_screen *s, int row, int rows, const struct panel_state *st)
{
    put_line(s, row++, PANEL_HEADING, "Addr Type Cls  State    Description");
    if (st->ndevices == 0) {
        put_line(s, row, PANEL_PLAIN, "(no devices)");
        return;
    }
    size_t shown = st->ndevices <= (size_t)rows ? st->ndevices : (size_t)rows - 1;
    for (size_t i = 0; i < shown; i++) {
        const struct panel_device *d = &st->devices[i];
        put_printf(s, row + (int)i, PANEL_PLAIN, "%04X %04X %-4s %-8s %s%s%s", d->address, d->model, d->device_class,
                   device_status(d), d->client, d->client[0] ? "  " : "", d->description);
    }
    if (shown < st->ndevices)
        put_printf(s, row + (int)shown, PANEL_PLAIN, "... %zu more (devlist lists them all)", st->ndevices - shown);
}

static void render_log(struct panel_screen *s, int row, int rows, struct panel *p, struct output *log)
{
    uint64_t first, end;
    output_log_range(log, &first, &end);
    p->log_rows = rows;
    uint64_t top = panel_log_top(p, first, end);
    uint64_t stop = end - top > (uint64_t)rows ? top + (uint64_t)rows : end;
    char scroll[80] = "";
    if (top > first)
        snprintf(scroll, sizeof scroll, "PgUp: %" PRIu64 " older", top - first);
    if (stop < end)
        snprintf(scroll + strlen(scroll), sizeof scroll - strlen(scroll), "%sPgDn: %" PRIu64 " newer",
                 scroll[0] ? "  " : "", end - stop);
    put_left_right(s, row, PANEL_HEADING, "Messages", scroll);
    char *line = xmalloc(LINE_MAX_BYTES);
    for (uint64_t n = top; n < stop; n++)
        if (output_log_line(log, n, line, LINE_MAX_BYTES))
            put_line(s, row + 1 + (int)(n - top), PANEL_PLAIN, line);
    free(line);
}

/* The command line, scrolled sideways to keep the cursor on the screen; the cursor goes there. */
static void render_command(struct panel_screen *s, int row, struct panel *p)
{
    struct command_editor *e = &p->editor;
    int width = s->cols - (int)strlen(COMMAND_PROMPT);
    size_t room = width > 1 ? (size_t)width : 1;
    if (e->cursor < e->first_shown)
        e->first_shown = e->cursor;
    if (e->cursor >= e->first_shown + room)
        e->first_shown = e->cursor - room + 1;
    put_printf(s, row, PANEL_PLAIN, "%s%s", COMMAND_PROMPT, e->text + e->first_shown);
    int col = (int)strlen(COMMAND_PROMPT) + (int)(e->cursor - e->first_shown);
    s->cursor_row = row;
    s->cursor_col = col < s->cols ? col : s->cols > 0 ? s->cols - 1 : 0;
}

static void render_status(struct panel_screen *s, int row, const struct panel_state *st)
{
    const struct panel_cpu *c = &st->cpus[st->target];
    const uint8_t *w = c->psw;
    char left[80], right[48], count[32];
    /* S/370: 24-bit addressing; no stepping or load state kept, no SIE, no z/Architecture */
    snprintf(left, sizeof left, "CPU%04X PSW=%02X%02X%02X%02X%02X%02X%02X%02X 24%c.%c.%c%c.. ", (unsigned)st->target,
             w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], c->state == CPU_STOPPED ? 'M' : '.',
             w[1] & 0x02 ? 'W' : '.', c->state == CPU_CHECK_STOP ? 'C' : '.', w[1] & 0x01 ? 'P' : '.');
    panel_format_count(count, sizeof count, c->instructions);
    snprintf(right, sizeof right, "instcount=%s", count);
    put_left_right(s, row, PANEL_BAR, left, right);
}

/* The message over the rows above the command line, cut into pieces as wide as the terminal. */
static void render_too_small(struct panel_screen *s, struct panel *p, int min_rows)
{
    char *text = xasprintf("s370: this terminal is %dx%d; the panel needs at least %dx%d.  Enlarge it, or enter "
                           "commands below (quit ends s370).",
                           s->cols, s->rows, PANEL_MIN_COLS, min_rows);
    int message_rows = s->rows > 1 ? s->rows - 1 : 1;
    size_t width = s->cols > 0 ? (size_t)s->cols : 1, length = strlen(text);
    for (int row = 0; row < message_rows && (size_t)row * width < length; row++)
        put_line(s, row, PANEL_PLAIN, text + (size_t)row * width);
    free(text);
    if (s->rows > 1)
        render_command(s, s->rows - 1, p);
}

/* ---- the screen --------------------------------------------------------------------------------- */

static void screen_alloc(struct panel_screen *s, int rows, int cols)
{
    panel_screen_free(s);
    s->rows = rows > 0 ? rows : 0;
    s->cols = cols > 0 ? cols : 0;
    s->lines = xcalloc((size_t)s->rows + 1, sizeof *s->lines);
    s->attributes = xcalloc((size_t)s->rows + 1, sizeof *s->attributes);
    for (int r = 0; r < s->rows; r++)
        s->lines[r] = xstrdup("");
}

void panel_screen_free(struct panel_screen *s)
{
    for (int r = 0; s->lines && r < s->rows; r++)
        free(s->lines[r]);
    free(s->lines);
    free(s->attributes);
    *s = (struct panel_screen){0};
}

void panel_render(struct panel *p, const struct panel_state *st, struct output *log, int rows, int cols,
                  struct panel_screen *s)
{
    screen_alloc(s, rows, cols);
    if (s->rows == 0)
        return;
    int min_rows = panel_min_rows(st->ncpus);
    if (s->cols < PANEL_MIN_COLS || s->rows < min_rows) {
        render_too_small(s, p, min_rows);
        return;
    }
    /* the devices get up to a third of the rows left, the log the rest */
    int left = s->rows - FIXED_ROWS - st->ncpus;
    int device_rows = st->ndevices > 1 ? (int)st->ndevices : 1;
    if (device_rows > left / 3)
        device_rows = left / 3 > 1 ? left / 3 : 1;
    int row = 0;
    render_title(s, row++, p);
    render_cpus(s, row, p, st);
    row += st->ncpus;
    render_registers(s, row, p, st);
    row += 1 + REGISTER_ROWS;
    render_devices(s, row, device_rows, st);
    row += 1 + device_rows;
    render_log(s, row, left - device_rows, p, log);
    render_command(s, s->rows - 2, p);
    render_status(s, s->rows - 1, st);
}
