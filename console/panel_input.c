/*
 * panel_input.c - the panel's keyboard (see panel.h): the command line is edited as on Hercules'
 * panel (insert at the cursor, arrows, Home, End, Backspace, Delete, Esc clears it), Up and Down
 * recall earlier commands, PgUp and PgDn scroll the log a page less one line, F2-F4 choose the
 * registers shown.  Entering a command brings the log back to its newest lines.
 */
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "console/output.h"
#include "console/panel.h"

void panel_init(struct panel *p)
{
    memset(p, 0, sizeof *p);
    p->registers = PANEL_GPR;
    p->log.follow = true;
}

void panel_free(struct panel *p)
{
    for (size_t i = 0; i < p->history.count; i++)
        free(p->history.lines[i]);
    p->history.count = 0;
}

void panel_update(struct panel *p, const struct panel_state *st)
{
    uint64_t total = 0;
    for (int i = 0; i < st->ncpus; i++) {
        rate_sample(&p->mips[i], st->cpus[i].instructions, st->time);
        total += st->cpus[i].instructions;
    }
    rate_sample(&p->total_mips, total, st->time);
    rate_sample(&p->sio, st->sio_count, st->time);
}

/* ---- the command line --------------------------------------------------------------------------- */

static void editor_set(struct command_editor *e, const char *text)
{
    snprintf(e->text, sizeof e->text, "%s", text);
    e->length = e->cursor = strlen(e->text);
}

static void editor_insert(struct command_editor *e, char c)
{
    if (e->length == PANEL_COMMAND_MAX)
        return;
    memmove(e->text + e->cursor + 1, e->text + e->cursor, e->length - e->cursor + 1);
    e->text[e->cursor++] = c;
    e->length++;
}

static void editor_delete_at(struct command_editor *e, size_t at)
{
    memmove(e->text + at, e->text + at + 1, e->length - at);
    e->length--;
}

static void editor_backspace(struct command_editor *e)
{
    if (e->cursor > 0)
        editor_delete_at(e, --e->cursor);
}

static void editor_delete(struct command_editor *e)
{
    if (e->cursor < e->length)
        editor_delete_at(e, e->cursor);
}

static void editor_left(struct command_editor *e)
{
    if (e->cursor > 0)
        e->cursor--;
}

static void editor_right(struct command_editor *e)
{
    if (e->cursor < e->length)
        e->cursor++;
}

static void editor_home(struct command_editor *e)
{
    e->cursor = 0;
}

static void editor_end(struct command_editor *e)
{
    e->cursor = e->length;
}

static void editor_clear(struct command_editor *e)
{
    editor_set(e, "");
}

/* ---- history ------------------------------------------------------------------------------------ */

/* A command entered: remembered unless it repeats the last one; the oldest goes when full. */
static void history_add(struct command_history *h, const char *line)
{
    if (h->count == 0 || strcmp(h->lines[h->count - 1], line) != 0) {
        if (h->count == PANEL_HISTORY_MAX) {
            free(h->lines[0]);
            memmove(h->lines, h->lines + 1, (PANEL_HISTORY_MAX - 1) * sizeof h->lines[0]);
            h->count--;
        }
        h->lines[h->count++] = xstrdup(line);
    }
    h->position = h->count;
}

static void history_previous(struct command_history *h, struct command_editor *e)
{
    if (h->position == 0)
        return;
    if (h->position == h->count)
        snprintf(h->draft, sizeof h->draft, "%s", e->text);
    editor_set(e, h->lines[--h->position]);
}

static void history_next(struct command_history *h, struct command_editor *e)
{
    if (h->position == h->count)
        return;
    h->position++;
    editor_set(e, h->position == h->count ? h->draft : h->lines[h->position]);
}

/* ---- the log ------------------------------------------------------------------------------------ */

static int page_size(const struct panel *p)
{
    return p->log_rows > 1 ? p->log_rows - 1 : 1;
}

uint64_t panel_log_top(const struct panel *p, uint64_t first, uint64_t end)
{
    uint64_t rows = p->log_rows > 0 ? (uint64_t)p->log_rows : 1;
    if (p->log.follow)
        return end - first > rows ? end - rows : first;
    return p->log.top < first ? first : p->log.top;
}

static void log_page_up(struct panel *p, struct output *log)
{
    uint64_t first, end;
    output_log_range(log, &first, &end);
    uint64_t top = panel_log_top(p, first, end);
    uint64_t page = (uint64_t)page_size(p);
    if (top == first)
        return;
    p->log.top = top - first > page ? top - page : first;
    p->log.follow = false;
}

static void log_page_down(struct panel *p, struct output *log)
{
    uint64_t first, end;
    output_log_range(log, &first, &end);
    if (p->log.follow)
        return;
    p->log.top = panel_log_top(p, first, end) + (uint64_t)page_size(p);
    if (p->log.top + (uint64_t)p->log_rows >= end)
        p->log.follow = true;
}

/* ---- keys --------------------------------------------------------------------------------------- */

static bool enter(struct panel *p, char line[PANEL_COMMAND_MAX + 1])
{
    if (p->editor.length == 0)
        return false;
    memcpy(line, p->editor.text, p->editor.length + 1);
    history_add(&p->history, line);
    editor_clear(&p->editor);
    p->log.follow = true;
    return true;
}

typedef void editor_fn(struct command_editor *e);
typedef void history_fn(struct command_history *h, struct command_editor *e);
typedef void log_fn(struct panel *p, struct output *log);

static const struct {
    int key;
    editor_fn *edit;
    history_fn *recall;
    log_fn *scroll;
    int registers; /* an enum panel_registers, or -1 */
} key_actions[] = {
    {PANEL_KEY_BACKSPACE, editor_backspace, NULL, NULL, -1},
    {PANEL_KEY_DELETE, editor_delete, NULL, NULL, -1},
    {PANEL_KEY_LEFT, editor_left, NULL, NULL, -1},
    {PANEL_KEY_RIGHT, editor_right, NULL, NULL, -1},
    {PANEL_KEY_HOME, editor_home, NULL, NULL, -1},
    {PANEL_KEY_END, editor_end, NULL, NULL, -1},
    {PANEL_KEY_ESCAPE, editor_clear, NULL, NULL, -1},
    {PANEL_KEY_UP, NULL, history_previous, NULL, -1},
    {PANEL_KEY_DOWN, NULL, history_next, NULL, -1},
    {PANEL_KEY_PAGE_UP, NULL, NULL, log_page_up, -1},
    {PANEL_KEY_PAGE_DOWN, NULL, NULL, log_page_down, -1},
    {PANEL_KEY_GPR, NULL, NULL, NULL, PANEL_GPR},
    {PANEL_KEY_CR, NULL, NULL, NULL, PANEL_CR},
    {PANEL_KEY_FPR, NULL, NULL, NULL, PANEL_FPR},
};

bool panel_key(struct panel *p, int key, struct output *log, char line[PANEL_COMMAND_MAX + 1])
{
    if (key == PANEL_KEY_ENTER)
        return enter(p, line);
    if (key >= 0x20 && key < 0x7F) {
        editor_insert(&p->editor, (char)key);
        return false;
    }
    for (size_t i = 0; i < sizeof key_actions / sizeof key_actions[0]; i++) {
        if (key_actions[i].key != key)
            continue;
        if (key_actions[i].edit)
            key_actions[i].edit(&p->editor);
        if (key_actions[i].recall)
            key_actions[i].recall(&p->history, &p->editor);
        if (key_actions[i].scroll)
            key_actions[i].scroll(p, log);
        if (key_actions[i].registers >= 0)
            p->registers = (enum panel_registers)key_actions[i].registers;
    }
    return false;
}
