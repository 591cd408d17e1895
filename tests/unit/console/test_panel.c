/*
 * test_panel.c - the operator's panel without a terminal (console/panel_model.c, panel_input.c,
 * panel_state.c) and the log it shows (console/output.c): the exact lines of each area for given
 * CPU, register, PSW and device states (registers in Hercules' display formats, the status line as
 * Hercules' panel shows it: "CPU0000 PSW=... 24M.W..... instcount=n"), the layout for the terminal's
 * size and on a terminal too small for it, MIPS and SIO rates, the command line's editing and
 * history, the register switch, and the log's scrolling and ring.  Expected text is worked out by
 * hand from those formats and from panel.h's description of the screen.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "console/config.h"
#include "console/output.h"
#include "console/panel.h"
#include "console/system.h"

static struct {
    struct output log;
    struct panel panel;
    struct panel_state state;
    struct panel_screen screen;
    char line[PANEL_COMMAND_MAX + 1];
} t;

static const uint8_t wait_psw[8] = {0x00, 0x0A, 0x00, 0x00, 0x00, 0xC0, 0xFF, 0xEE};

static struct panel_device *add_device(uint16_t address, uint16_t model, const char *device_class, bool busy,
                                       bool pending, const char *description)
{
    struct panel_device *d = ARRAY_PUSH(t.state.devices, t.state.ndevices, t.state.devices_cap);
    *d = (struct panel_device){.address = address, .model = model, .busy = busy, .pending = pending};
    snprintf(d->device_class, sizeof d->device_class, "%s", device_class);
    snprintf(d->description, sizeof d->description, "%s", description);
    return d;
}

/* One CPU in the disabled wait of PSW 000A0000 00C0FFEE after 1234 instructions, GRn = n repeated
   (GR01=11111111...), the reset control registers, FPR0 = 1.0, a console and a busy reader. */
static void setup(void)
{
    memset(&t, 0, sizeof t);
    output_init(&t.log, NULL);
    panel_init(&t.panel);
    t.state.ncpus = 1;
    t.state.cpus[0] = (struct panel_cpu){.state = CPU_OPERATING, .disabled_wait = true, .instructions = 1234};
    memcpy(t.state.cpus[0].psw, wait_psw, 8);
    for (int r = 0; r < 16; r++)
        t.state.gr[r] = 0x11111111u * (uint32_t)r;
    t.state.cr[0] = 0x000000E0;
    t.state.cr[14] = 0xC2000000;
    t.state.cr[15] = 0x00000200;
    t.state.fpr[0] = 0x4110000000000000;
    add_device(0x009, 0x3215, "CON", false, false, "integrated");
    add_device(0x00C, 0x3505, "RDR", true, false, "prog.deck ebcdic eof");
}

static void teardown(void)
{
    panel_screen_free(&t.screen);
    panel_state_free(&t.state);
    panel_free(&t.panel);
    output_destroy(&t.log);
}

static void render(int rows, int cols)
{
    panel_render(&t.panel, &t.state, &t.log, rows, cols, &t.screen);
    ck_assert_int_eq(t.screen.rows, rows);
}

static void expect_row(int row, const char *text)
{
    ck_assert_int_lt(row, t.screen.rows);
    ck_assert_str_eq(t.screen.lines[row], text);
}

static void expect_row_attribute(int row, const char *text, enum panel_attribute attribute)
{
    expect_row(row, text);
    ck_assert_int_eq(t.screen.attributes[row], attribute);
}

/* left, then right ending in the last column of a `width`-column row. */
static char *right_aligned(const char *left, const char *right, int width)
{
    static char line[512];
    snprintf(line, sizeof line, "%s%*s", left, width - (int)strlen(left), right);
    return line;
}

static bool key(int k)
{
    return panel_key(&t.panel, k, &t.log, t.line);
}

static void type(const char *text)
{
    for (; *text; text++)
        ck_assert(!key(*text));
}

static void log_lines(int from, int to)
{
    for (int i = from; i < to; i++)
        output_printf(&t.log, "line %d\n", i);
}

/* ---- the screen on an 80x24 terminal ------------------------------------------------------------ */

START_TEST(test_screen_80x24)
{
    output_printf(&t.log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=000A0000 00C0FFEE\n");
    render(24, 80);
    expect_row_attribute(0, right_aligned(" s370   MIPS 0.00   SIO/s 0", "F2 GPR  F3 CR  F4 FPR  PgUp PgDn ", 80),
                         PANEL_BAR);
    expect_row_attribute(1, "CPU0000 disabled wait  PSW=000A0000 00C0FFEE MIPS   0.00 instcount=1,234", PANEL_PLAIN);
    expect_row_attribute(2, "General registers of CPU0000", PANEL_HEADING);
    expect_row(3, "GR00=00000000  GR01=11111111  GR02=22222222  GR03=33333333");
    expect_row(4, "GR04=44444444  GR05=55555555  GR06=66666666  GR07=77777777");
    expect_row(5, "GR08=88888888  GR09=99999999  GR10=AAAAAAAA  GR11=BBBBBBBB");
    expect_row(6, "GR12=CCCCCCCC  GR13=DDDDDDDD  GR14=EEEEEEEE  GR15=FFFFFFFF");
    expect_row_attribute(7, "Addr Type Cls  State    Description", PANEL_HEADING);
    expect_row(8, "0009 3215 CON           integrated");
    expect_row(9, "000C 3505 RDR  busy     prog.deck ebcdic eof");
    expect_row_attribute(10, "Messages", PANEL_HEADING);
    expect_row(11, "HHCCP011I CPU0000: Disabled wait state");
    expect_row(12, "          PSW=000A0000 00C0FFEE");
    for (int r = 13; r <= 21; r++)
        expect_row(r, "");
    expect_row_attribute(22, "Command ==> ", PANEL_PLAIN);
    expect_row_attribute(23, right_aligned("CPU0000 PSW=000A000000C0FFEE 24..W..... ", "instcount=1,234", 80), PANEL_BAR);
    ck_assert_int_eq(t.screen.cursor_row, 22);
    ck_assert_int_eq(t.screen.cursor_col, 12);
}
END_TEST

/* Each row fits the width; a wider terminal gives the log the extra rows. */
START_TEST(test_screen_sizes)
{
    static const int sizes[][2] = {{15, 60}, {24, 80}, {40, 120}, {60, 200}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        render(sizes[i][0], sizes[i][1]);
        for (int r = 0; r < t.screen.rows; r++)
            ck_assert_int_le((int)strlen(t.screen.lines[r]), sizes[i][1]);
        expect_row(t.screen.rows - 2, "Command ==> ");
        ck_assert_str_eq(t.screen.lines[2], "General registers of CPU0000");
    }
    /* 15x60 is the smallest: one device row (of two: the second is summed up), three log rows */
    render(15, 60);
    expect_row(7, "Addr Type Cls  State    Description");
    expect_row(8, "... 2 more (devlist lists them all)");
    expect_row(9, "Messages");
    ck_assert_int_eq(t.panel.log_rows, 3);
    /* 40 rows: 40 - 10 fixed - 1 CPU = 29 for devices and log; both devices, 27 log rows */
    render(40, 120);
    expect_row(9, "000C 3505 RDR  busy     prog.deck ebcdic eof");
    expect_row(10, "Messages");
    ck_assert_int_eq(t.panel.log_rows, 27);
}
END_TEST

START_TEST(test_min_rows)
{
    ck_assert_int_eq(panel_min_rows(1), 15);
    ck_assert_int_eq(panel_min_rows(4), 18);
    ck_assert_int_eq(PANEL_MIN_COLS, 60);
}
END_TEST

/* ---- too small ---------------------------------------------------------------------------------- */

START_TEST(test_too_small)
{
    render(8, 40);
    expect_row(0, "s370: this terminal is 40x8; the panel n");
    expect_row(1, "eeds at least 60x15.  Enlarge it, or ent");
    expect_row(2, "er commands below (quit ends s370).");
    expect_row(3, "");
    expect_row(7, "Command ==> ");
    ck_assert_int_eq(t.screen.cursor_row, 7);
    ck_assert_int_eq(t.screen.cursor_col, 12);
    /* one row short, one column short */
    render(14, 80);
    expect_row(0, "s370: this terminal is 80x14; the panel needs at least 60x15.  Enlarge it, or en");
    render(24, 59);
    expect_row(0, "s370: this terminal is 59x24; the panel needs at least 60x1");
    expect_row(1, "5.  Enlarge it, or enter commands below (quit ends s370).");
}
END_TEST

/* Nothing is written outside the terminal, however small; the cursor stays on it. */
START_TEST(test_tiny_terminals)
{
    static const int sizes[][2] = {{1, 1}, {1, 80}, {2, 5}, {3, 1}, {0, 0}, {5, 0}, {0, 9}};
    type("a long command that does not fit");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int rows = sizes[i][0], cols = sizes[i][1];
        render(rows, cols);
        for (int r = 0; r < rows; r++)
            ck_assert_int_le((int)strlen(t.screen.lines[r]), cols);
        if (rows > 0 && cols > 0) {
            ck_assert_int_lt(t.screen.cursor_row, rows);
            ck_assert_int_lt(t.screen.cursor_col, cols);
        }
    }
    render(1, 5);
    expect_row(0, "s370:");
    render(2, 5);
    expect_row(0, "s370:");
    expect_row(1, "Comma"); /* the prompt, cut; the cursor on the last column */
    ck_assert_int_eq(t.screen.cursor_col, 4);
}
END_TEST

/* ---- CPUs --------------------------------------------------------------------------------------- */

/* Each state by its name, and the status line's letters: M stopped, W wait, C check stop, P problem
   state (Hercules' "24M.W....." positions: M T W L C P S Z). */
START_TEST(test_cpu_states)
{
    static const struct {
        enum cpu_state state;
        bool disabled_wait;
        uint8_t psw1;
        const char *name, *flags;
    } cases[] = {
        {CPU_STOPPED, false, 0x00, "stopped      ", "24M......."},
        {CPU_OPERATING, false, 0x00, "running      ", "24........"},
        {CPU_OPERATING, false, 0x01, "running      ", "24.....P.."},
        {CPU_OPERATING, false, 0x02, "wait         ", "24..W....."},
        {CPU_OPERATING, true, 0x0A, "disabled wait", "24..W....."},
        {CPU_CHECK_STOP, false, 0x00, "check stop   ", "24....C..."},
        {CPU_STOPPED, false, 0x03, "stopped      ", "24M.W..P.."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        t.state.cpus[0] = (struct panel_cpu){.state = cases[i].state, .disabled_wait = cases[i].disabled_wait,
                                             .psw = {0x07, cases[i].psw1, 0, 0, 0, 0, 0x20, 0x00},
                                             .instructions = 999};
        render(24, 80);
        char cpu[128], status[128];
        snprintf(cpu, sizeof cpu, "CPU0000 %s  PSW=07%02X0000 00002000 MIPS   0.00 instcount=999", cases[i].name,
                 cases[i].psw1);
        snprintf(status, sizeof status, "CPU0000 PSW=07%02X000000002000 %s ", cases[i].psw1, cases[i].flags);
        expect_row(1, cpu);
        expect_row(23, right_aligned(status, "instcount=999", 80));
    }
}
END_TEST

/* Four CPUs: a line each; the registers and the status line are the target's. */
START_TEST(test_several_cpus)
{
    t.state.ncpus = 4;
    t.state.target = 2;
    for (int i = 1; i < 4; i++)
        t.state.cpus[i] = (struct panel_cpu){.state = CPU_STOPPED, .instructions = (uint64_t)i * 1000000};
    t.state.cpus[2].psw[5] = 0x01;
    render(30, 80);
    expect_row(1, "CPU0000 disabled wait  PSW=000A0000 00C0FFEE MIPS   0.00 instcount=1,234");
    expect_row(2, "CPU0001 stopped        PSW=00000000 00000000 MIPS   0.00 instcount=1,000,000");
    expect_row(3, "CPU0002 stopped        PSW=00000000 00010000 MIPS   0.00 instcount=2,000,000");
    expect_row(4, "CPU0003 stopped        PSW=00000000 00000000 MIPS   0.00 instcount=3,000,000");
    expect_row(5, "General registers of CPU0002");
    expect_row(29, right_aligned("CPU0002 PSW=0000000000010000 24M....... ", "instcount=2,000,000", 80));
}
END_TEST

START_TEST(test_format_count)
{
    static const struct {
        uint64_t n;
        const char *text;
    } cases[] = {
        {0, "0"},           {7, "7"},           {999, "999"},
        {1000, "1,000"},    {12345, "12,345"},  {999999, "999,999"},
        {1234567, "1,234,567"}, {UINT64_MAX, "18,446,744,073,709,551,615"},
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        panel_format_count(buf, sizeof buf, cases[i].n);
        ck_assert_str_eq(buf, cases[i].text);
    }
}
END_TEST

/* ---- rates -------------------------------------------------------------------------------------- */

START_TEST(test_rate)
{
    struct rate r = {0};
    rate_sample(&r, 5000, 10.0); /* the first sample starts the interval */
    ck_assert(r.per_second == 0);
    rate_sample(&r, 9000000, 10.5); /* within the interval: no new figure */
    ck_assert(r.per_second == 0);
    rate_sample(&r, 20005000, 12.0); /* 20,000,000 in 2 s */
    ck_assert(r.per_second == 10000000);
    rate_sample(&r, 20005000, 13.0); /* nothing ran */
    ck_assert(r.per_second == 0);
    rate_sample(&r, 100, 14.0); /* reset: the count went back */
    ck_assert(r.per_second == 0);
    rate_sample(&r, 1500100, 15.5); /* 1,500,000 in 1.5 s */
    ck_assert(r.per_second == 1000000);
}
END_TEST

/* MIPS per CPU and in total, SIO per second, on the CPU lines and the title. */
START_TEST(test_mips_and_sio_shown)
{
    t.state.ncpus = 2;
    t.state.cpus[1] = (struct panel_cpu){.state = CPU_OPERATING};
    t.state.time = 100.0;
    t.state.cpus[0].instructions = 0;
    t.state.sio_count = 40;
    panel_update(&t.panel, &t.state);
    t.state.time = 102.0; /* two seconds later */
    t.state.cpus[0].instructions = 25000000;
    t.state.cpus[1].instructions = 1300000;
    t.state.sio_count = 90;
    panel_update(&t.panel, &t.state);
    render(24, 80);
    expect_row(0, right_aligned(" s370   MIPS 13.15   SIO/s 25", "F2 GPR  F3 CR  F4 FPR  PgUp PgDn ", 80));
    expect_row(1, "CPU0000 disabled wait  PSW=000A0000 00C0FFEE MIPS  12.50 instcount=25,000,000");
    expect_row(2, "CPU0001 running        PSW=00000000 00000000 MIPS   0.65 instcount=1,300,000");
}
END_TEST

/* ---- registers ---------------------------------------------------------------------------------- */

START_TEST(test_register_switch)
{
    ck_assert(!key(PANEL_KEY_CR));
    render(24, 80);
    expect_row(2, "Control registers of CPU0000");
    expect_row(3, "CR00=000000E0  CR01=00000000  CR02=00000000  CR03=00000000");
    expect_row(6, "CR12=00000000  CR13=00000000  CR14=C2000000  CR15=00000200");
    key(PANEL_KEY_FPR);
    render(24, 80);
    expect_row(2, "Floating-point registers of CPU0000");
    expect_row(3, "FPR0=41100000 00000000  FPR2=00000000 00000000");
    expect_row(4, "FPR4=00000000 00000000  FPR6=00000000 00000000");
    expect_row(5, "");
    expect_row(6, "");
    expect_row(7, "Addr Type Cls  State    Description");
    key(PANEL_KEY_GPR);
    render(24, 80);
    expect_row(2, "General registers of CPU0000");
    expect_row(3, "GR00=00000000  GR01=11111111  GR02=22222222  GR03=33333333");
}
END_TEST

/* ---- devices ------------------------------------------------------------------------------------ */

START_TEST(test_device_status)
{
    panel_state_free(&t.state);
    struct panel_device *d = add_device(0x0C0, 0x3270, "DSP", false, false, "connected, 3278-2");
    snprintf(d->client, sizeof d->client, "127.0.0.1:40000");
    add_device(0x0C1, 0x3270, "DSP", false, true, "");
    add_device(0x190, 0x3330, "DASD", true, true, "vm.cckd [808 cyls]");
    d = add_device(0xFFF, 0x3215, "CON", true, false, "client connected");
    snprintf(d->client, sizeof d->client, "[::1]:5");
    render(40, 80);
    expect_row(8, "00C0 3270 DSP           127.0.0.1:40000  connected, 3278-2");
    expect_row(9, "00C1 3270 DSP  int      ");
    expect_row(10, "0190 3330 DASD busy int vm.cckd [808 cyls]");
    expect_row(11, "0FFF 3215 CON  busy     [::1]:5  client connected");
}
END_TEST

START_TEST(test_no_devices)
{
    panel_state_free(&t.state);
    render(24, 80);
    expect_row(7, "Addr Type Cls  State    Description");
    expect_row(8, "(no devices)");
    expect_row(9, "Messages");
}
END_TEST

/* More devices than rows: the last row counts the others.  80x24: 13 rows for devices and log, the
   devices get a third: 4. */
START_TEST(test_many_devices)
{
    for (int i = 0; i < 10; i++)
        add_device((uint16_t)(0x300 + i), 0x3330, "DASD", false, false, "d");
    render(24, 80);
    expect_row(8, "0009 3215 CON           integrated");
    expect_row(10, "0300 3330 DASD          d");
    expect_row(11, "... 9 more (devlist lists them all)");
    expect_row(12, "Messages");
    ck_assert_int_eq(t.panel.log_rows, 9);
}
END_TEST

/* ---- the log ------------------------------------------------------------------------------------ */

/* 80x24 with two devices: 11 log rows; a page is 10 lines. */
START_TEST(test_log_follows_newest)
{
    log_lines(0, 30);
    render(24, 80);
    expect_row(10, right_aligned("Messages", "PgUp: 19 older", 80));
    expect_row(11, "line 19");
    expect_row(21, "line 29");
    log_lines(30, 32); /* new lines scroll in */
    render(24, 80);
    expect_row(11, "line 21");
    expect_row(21, "line 31");
}
END_TEST

START_TEST(test_log_page_up_down)
{
    log_lines(0, 30);
    render(24, 80);
    key(PANEL_KEY_PAGE_UP);
    render(24, 80);
    expect_row(10, right_aligned("Messages", "PgUp: 9 older  PgDn: 10 newer", 80));
    expect_row(11, "line 9");
    expect_row(21, "line 19");
    key(PANEL_KEY_PAGE_UP); /* only 9 more: to the oldest */
    render(24, 80);
    expect_row(10, right_aligned("Messages", "PgDn: 19 newer", 80));
    expect_row(11, "line 0");
    key(PANEL_KEY_PAGE_UP); /* already there */
    render(24, 80);
    expect_row(11, "line 0");
    log_lines(30, 35); /* new lines do not move a scrolled view */
    render(24, 80);
    expect_row(11, "line 0");
    expect_row(10, right_aligned("Messages", "PgDn: 24 newer", 80));
    key(PANEL_KEY_PAGE_DOWN);
    render(24, 80);
    expect_row(11, "line 10");
    key(PANEL_KEY_PAGE_DOWN);
    render(24, 80);
    expect_row(11, "line 20");
    expect_row(21, "line 30");
    key(PANEL_KEY_PAGE_DOWN); /* the newest page: following again */
    render(24, 80);
    expect_row(11, "line 24");
    expect_row(21, "line 34");
    log_lines(35, 36);
    render(24, 80);
    expect_row(21, "line 35");
}
END_TEST

/* Entering a command brings the newest lines back. */
START_TEST(test_log_enter_returns_to_newest)
{
    log_lines(0, 50);
    render(24, 80);
    key(PANEL_KEY_PAGE_UP);
    key(PANEL_KEY_PAGE_UP);
    render(24, 80);
    expect_row(11, "line 19");
    type("gpr");
    ck_assert(key(PANEL_KEY_ENTER));
    render(24, 80);
    expect_row(21, "line 49");
}
END_TEST

/* A short log does not scroll. */
START_TEST(test_log_short)
{
    log_lines(0, 3);
    render(24, 80);
    key(PANEL_KEY_PAGE_UP);
    render(24, 80);
    expect_row(10, "Messages");
    expect_row(11, "line 0");
    expect_row(13, "line 2");
    key(PANEL_KEY_PAGE_DOWN);
    render(24, 80);
    expect_row(11, "line 0");
}
END_TEST

/* Lines wider than the terminal are cut at its edge, counting UTF-8 characters. */
START_TEST(test_log_long_lines)
{
    char wide[200];
    memset(wide, 'x', sizeof wide - 1);
    wide[sizeof wide - 1] = '\0';
    output_printf(&t.log, "%s\n", wide);
    output_printf(&t.log, "caf\xC3\xA9 %.*s\n", 80, wide);
    render(24, 80);
    ck_assert_int_eq((int)strlen(t.screen.lines[11]), 80);
    char want[128];
    snprintf(want, sizeof want, "caf\xC3\xA9 %.*s", 75, wide);
    expect_row(12, want);
}
END_TEST

/* A scrolled view whose lines left the ring shows the oldest kept. */
START_TEST(test_log_ring_drops_old_lines)
{
    log_lines(0, 30);
    render(24, 80);
    key(PANEL_KEY_PAGE_UP);
    key(PANEL_KEY_PAGE_UP);
    log_lines(30, OUTPUT_LOG_LINES + 5);
    render(24, 80);
    uint64_t first, end;
    output_log_range(&t.log, &first, &end);
    ck_assert_uint_eq(end, OUTPUT_LOG_LINES + 5);
    ck_assert_uint_eq(first, 5);
    expect_row(11, "line 5");
}
END_TEST

/* ---- the command line --------------------------------------------------------------------------- */

START_TEST(test_command_editing)
{
    type("ipl 0c");
    key(PANEL_KEY_LEFT);
    key(PANEL_KEY_LEFT);
    type("0"); /* inserted before "0c" */
    render(24, 80);
    expect_row(22, "Command ==> ipl 00c");
    ck_assert_int_eq(t.screen.cursor_col, 12 + 5);
    key(PANEL_KEY_HOME);
    key(PANEL_KEY_DELETE);
    type("I");
    key(PANEL_KEY_END);
    key(PANEL_KEY_BACKSPACE);
    type("C");
    render(24, 80);
    expect_row(22, "Command ==> Ipl 00C");
    ck_assert_int_eq(t.screen.cursor_col, 12 + 7);
    key(PANEL_KEY_RIGHT); /* at the end already */
    key(PANEL_KEY_HOME);
    key(PANEL_KEY_LEFT); /* at the start already */
    key(PANEL_KEY_BACKSPACE);
    render(24, 80);
    expect_row(22, "Command ==> Ipl 00C");
    ck_assert_int_eq(t.screen.cursor_col, 12);
    ck_assert(key(PANEL_KEY_ENTER));
    ck_assert_str_eq(t.line, "Ipl 00C");
    render(24, 80);
    expect_row(22, "Command ==> ");
}
END_TEST

START_TEST(test_command_escape_clears)
{
    type("sysclear");
    key(PANEL_KEY_ESCAPE);
    render(24, 80);
    expect_row(22, "Command ==> ");
    ck_assert(!key(PANEL_KEY_ENTER)); /* nothing to enter */
}
END_TEST

/* Keys that are not ASCII characters or panel keys change nothing. */
START_TEST(test_command_other_keys)
{
    type("r 0");
    ck_assert(!key(0));
    ck_assert(!key(0x1F));
    ck_assert(!key(0x7F));
    ck_assert(!key(0xE9));
    ck_assert(!key(0x1000));
    ck_assert(!key(-1));
    render(24, 80);
    expect_row(22, "Command ==> r 0");
}
END_TEST

/* At most PANEL_COMMAND_MAX characters; a line longer than the screen scrolls sideways. */
START_TEST(test_command_long)
{
    for (int i = 0; i < PANEL_COMMAND_MAX + 10; i++)
        key('a' + i % 26);
    ck_assert(key(PANEL_KEY_ENTER));
    ck_assert_uint_eq(strlen(t.line), PANEL_COMMAND_MAX);
    type("msg * 0123456789012345678901234567890123456789012345678901234567890123456789");
    render(24, 80); /* 68 columns after the prompt: the last 67 characters, the cursor after them */
    expect_row(22, "Command ==> 3456789012345678901234567890123456789012345678901234567890123456789");
    ck_assert_int_eq(t.screen.cursor_col, 79);
    key(PANEL_KEY_HOME);
    render(24, 80);
    expect_row(22, "Command ==> msg * 01234567890123456789012345678901234567890123456789012345678901");
    ck_assert_int_eq(t.screen.cursor_col, 12);
}
END_TEST

/* ---- history ------------------------------------------------------------------------------------ */

START_TEST(test_history)
{
    type("ipl 00c");
    ck_assert(key(PANEL_KEY_ENTER));
    type("gpr");
    ck_assert(key(PANEL_KEY_ENTER));
    type("gpr"); /* the same again: remembered once */
    ck_assert(key(PANEL_KEY_ENTER));
    type("psw");
    ck_assert(key(PANEL_KEY_ENTER));
    type("dev"); /* being typed */
    key(PANEL_KEY_UP);
    render(24, 80);
    expect_row(22, "Command ==> psw");
    ck_assert_int_eq(t.screen.cursor_col, 15);
    key(PANEL_KEY_UP);
    render(24, 80);
    expect_row(22, "Command ==> gpr");
    key(PANEL_KEY_UP);
    key(PANEL_KEY_UP); /* the oldest stays */
    render(24, 80);
    expect_row(22, "Command ==> ipl 00c");
    key(PANEL_KEY_DOWN);
    render(24, 80);
    expect_row(22, "Command ==> gpr");
    key(PANEL_KEY_DOWN);
    key(PANEL_KEY_DOWN); /* back to what was being typed */
    render(24, 80);
    expect_row(22, "Command ==> dev");
    key(PANEL_KEY_DOWN);
    render(24, 80);
    expect_row(22, "Command ==> dev");
    /* a recalled command, edited and entered, is a new entry */
    key(PANEL_KEY_UP);
    key(PANEL_KEY_UP);
    type(" 1=5");
    ck_assert(key(PANEL_KEY_ENTER));
    ck_assert_str_eq(t.line, "gpr 1=5");
    key(PANEL_KEY_UP);
    render(24, 80);
    expect_row(22, "Command ==> gpr 1=5");
}
END_TEST

START_TEST(test_history_empty)
{
    key(PANEL_KEY_UP);
    key(PANEL_KEY_DOWN);
    render(24, 80);
    expect_row(22, "Command ==> ");
}
END_TEST

/* The oldest commands go when PANEL_HISTORY_MAX are remembered. */
START_TEST(test_history_limit)
{
    for (int i = 0; i < PANEL_HISTORY_MAX + 5; i++) {
        char command[32];
        snprintf(command, sizeof command, "msg * %d", i);
        type(command);
        ck_assert(key(PANEL_KEY_ENTER));
    }
    for (int i = 0; i < PANEL_HISTORY_MAX + 10; i++)
        key(PANEL_KEY_UP);
    render(24, 80);
    expect_row(22, "Command ==> msg * 5");
}
END_TEST

/* ---- the log itself (output.c) ------------------------------------------------------------------ */

static const char *log_line(uint64_t n)
{
    static char line[OUTPUT_LINE_MAX + 1];
    ck_assert(output_log_line(&t.log, n, line, sizeof line));
    return line;
}

START_TEST(test_output_lines)
{
    output_printf(&t.log, "one\ntwo\n");
    output_write(&t.log, "thr", 3); /* in pieces */
    output_write(&t.log, "ee\r\nfo", 6);
    uint64_t first, end;
    output_log_range(&t.log, &first, &end);
    ck_assert_uint_eq(first, 0);
    ck_assert_uint_eq(end, 3);
    ck_assert_str_eq(log_line(0), "one");
    ck_assert_str_eq(log_line(2), "three");
    output_write(&t.log, "ur\n", 3);
    ck_assert_str_eq(log_line(3), "four");
    char line[8];
    ck_assert(!output_log_line(&t.log, 4, line, sizeof line));
    ck_assert(output_log_line(&t.log, 3, line, 3)); /* cut to the buffer */
    ck_assert_str_eq(line, "fo");
}
END_TEST

/* Tabs to the next multiple of 8 columns; other control characters are blanks. */
START_TEST(test_output_tabs_and_controls)
{
    output_printf(&t.log, "a\tb\tc\n\tx\n12345678\ty\n");
    output_printf(&t.log, "bell\a esc\x1B del\x7F end\n");
    ck_assert_str_eq(log_line(0), "a       b       c");
    ck_assert_str_eq(log_line(1), "        x");
    ck_assert_str_eq(log_line(2), "12345678        y");
    ck_assert_str_eq(log_line(3), "bell  esc  del  end");
}
END_TEST

START_TEST(test_output_long_line_split)
{
    char *text = xmalloc(OUTPUT_LINE_MAX * 2 + 20);
    memset(text, 'z', OUTPUT_LINE_MAX * 2 + 10);
    strcpy(text + OUTPUT_LINE_MAX * 2 + 10, "\n");
    output_printf(&t.log, "%s", text);
    free(text);
    uint64_t first, end;
    output_log_range(&t.log, &first, &end);
    ck_assert_uint_eq(end, 3);
    ck_assert_uint_eq(strlen(log_line(0)), OUTPUT_LINE_MAX);
    ck_assert_uint_eq(strlen(log_line(1)), OUTPUT_LINE_MAX);
    ck_assert_str_eq(log_line(2), "zzzzzzzzzz");
}
END_TEST

START_TEST(test_output_ring)
{
    log_lines(0, OUTPUT_LOG_LINES + 7);
    uint64_t first, end;
    output_log_range(&t.log, &first, &end);
    ck_assert_uint_eq(first, 7);
    ck_assert_uint_eq(end, OUTPUT_LOG_LINES + 7);
    char line[32];
    ck_assert(!output_log_line(&t.log, 6, line, sizeof line));
    ck_assert_str_eq(log_line(7), "line 7");
    char want[32];
    snprintf(want, sizeof want, "line %d", OUTPUT_LOG_LINES + 6);
    ck_assert_str_eq(log_line(OUTPUT_LOG_LINES + 6), want);
}
END_TEST

/* The stream gets the text as it is; after output_set_stream(NULL) only the log does. */
START_TEST(test_output_stream)
{
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    output_set_stream(&t.log, stream);
    output_printf(&t.log, "a\tb\n");
    output_set_stream(&t.log, NULL);
    output_printf(&t.log, "not in the stream\n");
    fclose(stream);
    ck_assert_str_eq(text, "a\tb\n");
    free(text);
    ck_assert_str_eq(log_line(1), "not in the stream");
}
END_TEST

/* ---- the snapshot of a real system (panel_state.c) ---------------------------------------------- */

START_TEST(test_state_from_system)
{
    struct config c;
    config_init(&c);
    ck_assert(config_read_text(&c, "t.cnf", "NUMCPU 2\n0009 3215-C / NOPROMPT\n0480 3420 *\n"));
    struct system *s = system_build(&c, &t.log);
    ck_assert_ptr_nonnull(s);
    config_free(&c);
    s->target_cpu = 1;
    struct cpu *c1 = machine_cpu(s->m, 1);
    cpu_set_gr(c1, 2, 0x12345678);
    cpu_set_cr(c1, 3, 0x0000ABCD);
    cpu_set_fpr(c1, 4, 0x4220000000000000);
    struct panel_state st = {0};
    panel_state_read_cpus(&st, s);
    panel_state_read_devices(&st, s);
    ck_assert_int_eq(st.ncpus, 2);
    ck_assert_int_eq(st.target, 1);
    ck_assert_int_eq(st.cpus[0].state, CPU_STOPPED);
    ck_assert(!st.cpus[0].disabled_wait);
    ck_assert_uint_eq(st.cpus[1].instructions, 0);
    ck_assert_uint_eq(st.gr[2], 0x12345678);
    ck_assert_uint_eq(st.cr[3], 0x0000ABCD);
    ck_assert_uint_eq(st.cr[14], 0xC2000000); /* initial CPU reset (GA22-7000) */
    ck_assert_uint_eq(st.fpr[2], 0x4220000000000000);
    ck_assert_uint_eq(st.sio_count, 0);
    ck_assert(st.time > 0);
    ck_assert_uint_eq(st.ndevices, 2);
    ck_assert_uint_eq(st.devices[0].address, 0x009);
    ck_assert_uint_eq(st.devices[0].model, 0x3215);
    ck_assert_str_eq(st.devices[0].device_class, "CON");
    ck_assert_str_eq(st.devices[0].client, ""); /* the integrated console has no client */
    ck_assert_msg(strncmp(st.devices[0].description, "integrated", 10) == 0, "%s", st.devices[0].description);
    ck_assert_uint_eq(st.devices[1].address, 0x480);
    ck_assert_uint_eq(st.devices[1].model, 0x3420);
    ck_assert_str_eq(st.devices[1].device_class, "TAPE");
    panel_state_read_devices(&st, s); /* again: the same two */
    ck_assert_uint_eq(st.ndevices, 2);
    panel_state_free(&st);
    system_destroy(s);
}
END_TEST

Suite *suite_console_panel(void)
{
    Suite *s = suite_create("console_panel");
    TCase *t_screen = tcase_create("screen");
    tcase_add_checked_fixture(t_screen, setup, teardown);
    tcase_add_test(t_screen, test_screen_80x24);
    tcase_add_test(t_screen, test_screen_sizes);
    tcase_add_test(t_screen, test_min_rows);
    tcase_add_test(t_screen, test_too_small);
    tcase_add_test(t_screen, test_tiny_terminals);
    tcase_add_test(t_screen, test_cpu_states);
    tcase_add_test(t_screen, test_several_cpus);
    tcase_add_test(t_screen, test_format_count);
    tcase_add_test(t_screen, test_rate);
    tcase_add_test(t_screen, test_mips_and_sio_shown);
    tcase_add_test(t_screen, test_register_switch);
    tcase_add_test(t_screen, test_device_status);
    tcase_add_test(t_screen, test_no_devices);
    tcase_add_test(t_screen, test_many_devices);
    suite_add_tcase(s, t_screen);
    TCase *t_log = tcase_create("log");
    tcase_add_checked_fixture(t_log, setup, teardown);
    tcase_add_test(t_log, test_log_follows_newest);
    tcase_add_test(t_log, test_log_page_up_down);
    tcase_add_test(t_log, test_log_enter_returns_to_newest);
    tcase_add_test(t_log, test_log_short);
    tcase_add_test(t_log, test_log_long_lines);
    tcase_add_test(t_log, test_log_ring_drops_old_lines);
    tcase_add_test(t_log, test_output_lines);
    tcase_add_test(t_log, test_output_tabs_and_controls);
    tcase_add_test(t_log, test_output_long_line_split);
    tcase_add_test(t_log, test_output_ring);
    tcase_add_test(t_log, test_output_stream);
    suite_add_tcase(s, t_log);
    TCase *t_input = tcase_create("input");
    tcase_add_checked_fixture(t_input, setup, teardown);
    tcase_add_test(t_input, test_command_editing);
    tcase_add_test(t_input, test_command_escape_clears);
    tcase_add_test(t_input, test_command_other_keys);
    tcase_add_test(t_input, test_command_long);
    tcase_add_test(t_input, test_history);
    tcase_add_test(t_input, test_history_empty);
    tcase_add_test(t_input, test_history_limit);
    tcase_add_test(t_input, test_state_from_system);
    suite_add_tcase(s, t_input);
    return s;
}
