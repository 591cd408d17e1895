/*
 * test_commands.c - the operator commands (console/commands.c and the *_commands.c handler files,
 * statements.c at the panel, display.c) on a real system built from a configuration: each display's
 * exact Hercules 3.13 format (hscmisc.c display_regs32, display_fregs, display_real, display_inst;
 * hsccmd.c psw_cmd, devlist_cmd, v_cmd, u_cmd), IPL from a card deck, resets, restart, stop, start
 * and the interrupt key, the disabled-wait message, the PSW altered by fields, real, absolute and
 * virtual storage displayed and altered, u, pr, loadcore and savecore, instruction trace, stepping
 * and breakpoints, script and runtest, mainsize and numcpu on a stopped machine, maxrates, the device
 * commands, translate, the integrated console's input (/ and .), loud comments, help, pause, msg,
 * quit and symbols, and every bad operand answered by a message that changes nothing.  Expected text is
 * worked out by hand from those formats, or is what Hercules 3.13 printed for the same commands.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "common/util.h"
#include "console/commands.h"
#include "console/config.h"
#include "console/handlers.h"
#include "console/output.h"
#include "console/system.h"

enum { WAIT_MS = 5000 };

static struct {
    char folder[64];
    char *log;
    size_t log_size, seen;
    FILE *stream;
    struct output out;
    struct system *sys;
    struct command_env env;
} t;

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
    nanosleep(&ts, NULL);
}

static void write_file(const char *name, const void *data, size_t length)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", t.folder, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(data, 1, length, f);
    fclose(f);
}

/* A system from configuration text, "%s" in it standing for the scratch folder (up to 3 times). */
static void build(const char *text)
{
    char expanded[1024];
    snprintf(expanded, sizeof expanded, text, t.folder, t.folder, t.folder);
    struct config c;
    config_init(&c);
    ck_assert_msg(config_read_text(&c, "test.cnf", expanded), "%s", c.nmessages ? c.messages[0] : "");
    t.sys = system_build(&c, &t.out);
    ck_assert_msg(t.sys != NULL, "%s", c.nmessages ? c.messages[0] : "");
    config_free(&c);
    t.env = (struct command_env){.scope = CMD_PANEL, .system = t.sys, .out = &t.out, .symbols = &t.sys->symbols};
}

static void setup(void)
{
    memset(&t, 0, sizeof t);
    testdir_create(t.folder, sizeof t.folder, "s370cmd");
    t.stream = open_memstream(&t.log, &t.log_size);
    output_init(&t.out, t.stream);
}

static void teardown(void)
{
    system_destroy(t.sys);
    output_destroy(&t.out);
    fclose(t.stream);
    free(t.log);
    testdir_remove(t.folder);
}

/* What the log got since the last call (the caller frees). */
static char *new_output(void)
{
    pthread_mutex_lock(&t.out.lock);
    fflush(t.stream);
    char *text = xstrndup(t.log + t.seen, t.log_size - t.seen);
    t.seen = t.log_size;
    pthread_mutex_unlock(&t.out.lock);
    return text;
}

/* Run a command line and compare what it printed. */
static void expect(const char *line, bool ok, const char *want)
{
    bool result = command_line(&t.env, line);
    char *got = new_output();
    ck_assert_msg(strcmp(got, want) == 0, "%s:\nwant <%s>\ngot  <%s>", line, want, got);
    ck_assert_msg(result == ok, "%s: returned %d", line, result);
    free(got);
}

/* Run a command line whose answer is one line that begins with `start` (the rest is a handler's). */
static void expect_line_starting(const char *line, bool ok, const char *start)
{
    bool result = command_line(&t.env, line);
    char *got = new_output();
    ck_assert_msg(strncmp(got, start, strlen(start)) == 0 && strchr(got, '\n') == got + strlen(got) - 1,
                  "%s:\nwant <%s...>\ngot  <%s>", line, start, got);
    ck_assert_msg(result == ok, "%s: returned %d", line, result);
    free(got);
}

/* The log text begins with want. */
static void expect_start(const char *log, const char *want)
{
    ck_assert_msg(strncmp(log, want, strlen(want)) == 0, "want <%s...>\ngot  <%s>", want, log);
}

/* Wait until the log has a line containing `text`; returns the whole new output (caller frees). */
static char *wait_for_output(const char *text)
{
    struct buf b = {0};
    for (int waited = 0; waited < WAIT_MS; waited += 5) {
        char *more = new_output();
        buf_adds(&b, more);
        free(more);
        if (strstr(buf_cstr(&b), text))
            return buf_cstr(&b);
        sleep_ms(5);
    }
    ck_abort_msg("no \"%s\" in <%s>", text, buf_cstr(&b));
    return NULL;
}

static struct cpu *cpu0(void)
{
    return machine_cpu(t.sys->m, 0);
}

static void load(uint32_t address, const void *bytes, size_t n)
{
    ck_assert(machine_load(t.sys->m, address, bytes, n));
}

/* ---- registers and PSW -------------------------------------------------------------------------- */

START_TEST(test_gpr_display_and_alter)
{
    build("MAINSIZE 64K\n");
    for (int i = 0; i < 16; i++)
        cpu_set_gr(cpu0(), i, 0x10000000u + (uint32_t)i);
    expect("gpr", true,
           "GR00=10000000  GR01=10000001  GR02=10000002  GR03=10000003\n"
           "GR04=10000004  GR05=10000005  GR06=10000006  GR07=10000007\n"
           "GR08=10000008  GR09=10000009  GR10=1000000A  GR11=1000000B\n"
           "GR12=1000000C  GR13=1000000D  GR14=1000000E  GR15=1000000F\n");
    expect("gpr 3=abcdef", true,
           "GR00=10000000  GR01=10000001  GR02=10000002  GR03=00ABCDEF\n"
           "GR04=10000004  GR05=10000005  GR06=10000006  GR07=10000007\n"
           "GR08=10000008  GR09=10000009  GR10=1000000A  GR11=1000000B\n"
           "GR12=1000000C  GR13=1000000D  GR14=1000000E  GR15=1000000F\n");
    ck_assert_uint_eq(cpu_gr(cpu0(), 3), 0x00ABCDEF);
    expect("gpr 15=FFFFFFFF", true,
           "GR00=10000000  GR01=10000001  GR02=10000002  GR03=00ABCDEF\n"
           "GR04=10000004  GR05=10000005  GR06=10000006  GR07=10000007\n"
           "GR08=10000008  GR09=10000009  GR10=1000000A  GR11=1000000B\n"
           "GR12=1000000C  GR13=1000000D  GR14=1000000E  GR15=FFFFFFFF\n");
}
END_TEST

START_TEST(test_gpr_bad_operands)
{
    build("MAINSIZE 64K\n");
    cpu_set_gr(cpu0(), 1, 0x11);
    expect("gpr 16=1", false, "S370E245 16=1 is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)\n");
    expect("gpr 1=123456789", false, "S370E245 1=123456789 is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)\n");
    expect("gpr 1=xyz", false, "S370E245 1=xyz is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)\n");
    expect("gpr =5", false, "S370E245 =5 is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)\n");
    expect("gpr 1=", false, "S370E245 1= is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)\n");
    expect("gpr 1=2 3=4", false, "S370E244 the format is \"gpr [nn=xxxxxxxx]\"\n");
    ck_assert_uint_eq(cpu_gr(cpu0(), 1), 0x11);
}
END_TEST

/* Control registers after the initial CPU reset (GA22-7000): CR0 interval timer, interrupt key and
   external signal masks (bits 24-26), CR2 every channel, CR14 C2000000, CR15 X'200'. */
START_TEST(test_cr_display_and_alter)
{
    build("MAINSIZE 64K\n");
    expect("cr", true,
           "CR00=000000E0  CR01=00000000  CR02=FFFFFFFF  CR03=00000000\n"
           "CR04=00000000  CR05=00000000  CR06=00000000  CR07=00000000\n"
           "CR08=00000000  CR09=00000000  CR10=00000000  CR11=00000000\n"
           "CR12=00000000  CR13=00000000  CR14=C2000000  CR15=00000200\n");
    expect("cr 1=00123400", true,
           "CR00=000000E0  CR01=00123400  CR02=FFFFFFFF  CR03=00000000\n"
           "CR04=00000000  CR05=00000000  CR06=00000000  CR07=00000000\n"
           "CR08=00000000  CR09=00000000  CR10=00000000  CR11=00000000\n"
           "CR12=00000000  CR13=00000000  CR14=C2000000  CR15=00000200\n");
    expect("cr 1", false, "S370E245 1 is not nn=xxxxxxxx (register 0-15 = 1-8 hex digits)\n");
}
END_TEST

START_TEST(test_fpr_display)
{
    build("MAINSIZE 64K\n");
    cpu_set_fpr(cpu0(), 0, 0x4110000000000000u);
    cpu_set_fpr(cpu0(), 2, 0x123456789ABCDEF0u);
    cpu_set_fpr(cpu0(), 6, 0xC220000000000001u);
    expect("fpr", true,
           "FPR0=41100000 00000000  FPR2=12345678 9ABCDEF0\n"
           "FPR4=00000000 00000000  FPR6=C2200000 00000001\n");
    expect("fpr 0", false, "S370E240 fpr takes no operands\n");
}
END_TEST

/* With more than one CPU every register line names the CPU (hscmisc.c). */
START_TEST(test_registers_of_a_multiprocessor)
{
    build("MAINSIZE 64K\nNUMCPU 2\n");
    cpu_set_gr(cpu0(), 15, 0xF);
    expect("gpr", true,
           "CPU0000: GR00=00000000  GR01=00000000  GR02=00000000  GR03=00000000\n"
           "CPU0000: GR04=00000000  GR05=00000000  GR06=00000000  GR07=00000000\n"
           "CPU0000: GR08=00000000  GR09=00000000  GR10=00000000  GR11=00000000\n"
           "CPU0000: GR12=00000000  GR13=00000000  GR14=00000000  GR15=0000000F\n");
    expect("fpr", true,
           "CPU0000: FPR0=00000000 00000000  FPR2=00000000 00000000\n"
           "CPU0000: FPR4=00000000 00000000  FPR6=00000000 00000000\n");
}
END_TEST

/* BC mode: system mask FF, key 3, M and W (cmwp 6), cc 1, program mask A, address 012345 (cpu370
   keeps no interruption code or ILC in a loaded BC-mode PSW: bits 16-33 show as zeros).
   EC mode: DAT on (sm 04), EC and M (cmwp C), cc 2, program mask F. */
START_TEST(test_psw_display)
{
    build("MAINSIZE 64K\n");
    static const uint8_t bc[8] = {0xFF, 0x36, 0x00, 0x00, 0x1A, 0x01, 0x23, 0x45};
    cpu_set_psw(cpu0(), bc);
    expect("psw", true, "psw sm=FF pk=3 cmwp=6 as=pri cc=1 pm=A am=24 ia=12345\nPSW=FF360000 1A012345\n");
    static const uint8_t ec[8] = {0x04, 0x0C, 0x2F, 0x00, 0x00, 0xFE, 0xDC, 0xBA};
    cpu_set_psw(cpu0(), ec);
    expect("psw", true, "psw sm=04 pk=0 cmwp=C as=pri cc=2 pm=F am=24 ia=FEDCBA\nPSW=040C2F00 00FEDCBA\n");
}
END_TEST

/* ---- storage ------------------------------------------------------------------------------------ */

static const uint8_t sample[] = {0xC1, 0xC2, 0xC3, 0xC4, 0x40, 0x81, 0xF1, 0x00};

START_TEST(test_r_display)
{
    build("MAINSIZE 64K\n");
    load(0x1000, sample, sizeof sample);
    machine_set_storage_key(t.sys->m, 0x1000, 0x60);
    expect("r 1000.10", true, "R:00001000:K:60=C1C2C3C4 4081F100 00000000 00000000  ABCD a1.........\n");
    expect("r 1000.10  \t", true, "R:00001000:K:60=C1C2C3C4 4081F100 00000000 00000000  ABCD a1.........\n");
    expect("r 1000-101F", true,
           "R:00001000:K:60=C1C2C3C4 4081F100 00000000 00000000  ABCD a1.........\n"
           "R:00001010:K:60=00000000 00000000 00000000 00000000  ................\n");
    expect("r 1000", true,
           "R:00001000:K:60=C1C2C3C4 4081F100 00000000 00000000  ABCD a1.........\n"
           "R:00001010:K:60=00000000 00000000 00000000 00000000  ................\n"
           "R:00001020:K:60=00000000 00000000 00000000 00000000  ................\n"
           "R:00001030:K:60=00000000 00000000 00000000 00000000  ................\n");
    /* an unaligned start: a blank after each word of storage, 16 bytes a line; the hex field is
       36 characters ("%36.36s %16.16s" in display_real) */
    expect("r 1003.4", true, "R:00001003:K:60=C4 4081F100 00000000 00000000 000000 D a1............\n");
    /* a line ends where the 2K block (and its key) ends */
    expect("r FF8.10", true,
           "R:00000FF8:K:00=00000000 00000000                    ........        \n"
           "R:00001000:K:60=C1C2C3C4 4081F100 00000000 00000000  ABCD a1.........\n");
}
END_TEST

START_TEST(test_r_end_of_storage_and_limits)
{
    build("MAINSIZE 64K\n");
    expect("r FFF8.10", true,
           "R:0000FFF8:K:00=00000000 00000000                    ........        \n"
           "R:00010000: Real address is not valid\n");
    bool ok = command_line(&t.env, "r 0-FFFFFF");
    char *got = new_output();
    ck_assert(ok);
    int lines = 0;
    for (const char *p = got; (p = strchr(p, '\n')); p++)
        lines++;
    ck_assert_int_eq(lines, 999);
    ck_assert(strncmp(strrchr(got, 'R'), "R:00003E60:K:00=00000000 ", 25) == 0);
    free(got);
}
END_TEST

START_TEST(test_r_bad_operands)
{
    build("MAINSIZE 64K\n");
    expect("r", false, "S370E248 no operand: the format is addr, addr-addr, addr.len or addr=value\n");
    expect("r 1000+4", false, "S370E248 invalid operand 1000+4: the format is addr, addr-addr, addr.len or addr=value\n");
    expect("r 1000-", false, "S370E248 invalid operand 1000-: the format is addr, addr-addr, addr.len or addr=value\n");
    expect("r 1000-0FFF", false, "S370E248 invalid range 1000-0FFF\n");
    expect("r 1000.0", false, "S370E248 invalid range 1000.0\n");
    expect("r 1000000", false, "S370E248 invalid range 1000000\n");
    expect("r 123456789", false,
           "S370E248 invalid operand 123456789: the format is addr, addr-addr, addr.len or addr=value\n");
}
END_TEST

START_TEST(test_r_alter)
{
    build("MAINSIZE 64K\n");
    load(0x1000, sample, sizeof sample);
    machine_set_storage_key(t.sys->m, 0x1000, 0x60);
    /* the bytes change, the block is marked referenced and changed (key 66) */
    expect("r 1000=0102 0304", true, "R:00001000:K:66=01020304 4081F100 00000000 00000000  .... a1.........\n");
    expect("r 1001=FF # comment", true, "R:00001001:K:66=FF0304 4081F100 00000000 00000000 00 ... a1..........\n");
    const uint8_t *storage = machine_storage(t.sys->m);
    ck_assert_uint_eq(storage[0x1001], 0xFF);
    expect("r 1000=", false, "S370E248 the value must be pairs of hex digits\n");
    expect("r 1000=123", false, "S370E248 the value must be pairs of hex digits\n");
    expect("r 1000=XY", false, "S370E248 X is not a hex digit\n");
    expect("r 1000=000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20", false,
           "S370E248 at most 32 bytes can be altered at once\n");
    expect("r FFFF=0102", false, "S370E247 real address 10000 is beyond the end of storage (10000)\n");
    ck_assert_uint_eq(storage[0xFFFF], 0);
    ck_assert_uint_eq(storage[0x1000], 0x01);
    ck_assert_uint_eq(storage[0x1002], 0x03);
}
END_TEST

/* ---- IPL, restart, the disabled-wait message ---------------------------------------------------- */

/* An IPL card: the PSW (disabled wait at ABCD), then a NOP CCW the IPL read chains to. */
static void write_ipl_deck(const char *name)
{
    uint8_t card[80] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xAB, 0xCD, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01};
    write_file(name, card, sizeof card);
}

START_TEST(test_ipl_and_disabled_wait)
{
    write_ipl_deck("ipl.deck");
    build("MAINSIZE 64K\n000C 3505 %s/ipl.deck ebcdic eof\n");
    system_start(t.sys);
    expect("ipl 00C", true, "");
    /* the IPL stores the device address at 2-3, but cpu370 keeps no interruption code in the BC-mode
       PSW it loads (Hercules would show 0002000C) */
    char *log = wait_for_output("PSW=");
    ck_assert_str_eq(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 0000ABCD\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[3], 0x0C);
    free(log);
    /* said once only, however often the watcher looks */
    sleep_ms(100);
    expect("psw", true, "psw sm=00 pk=0 cmwp=2 as=pri cc=0 pm=0 am=24 ia=ABCD\nPSW=00020000 0000ABCD\n");
}
END_TEST

/* t+devn / t-devn: CCW tracing per device; the IPL's read and the NOP its card chains to show as CCW
   lines (with the bytes each moved), then the ending status. */
START_TEST(test_ccw_trace_command)
{
    write_ipl_deck("ipl.deck");
    build("MAINSIZE 64K\n000C 3505 %s/ipl.deck ebcdic eof\n");
    expect("t+00c", true, "S370I286 CCW tracing for 000C on\n");
    expect("t+0ff", false, "S370E285 device 00FF does not exist\n");
    expect("t+00c x", false, "S370E284 the format is \"t+devn\" or \"t-devn\"\n");
    system_start(t.sys);
    /* the IPL's channel program runs within the command */
    expect("ipl 00C", true,
           "S370I100 000C 3505: CCW=02000000 60000018=>00020000 0000ABCD 03000000 00000001  ................\n"
           "S370I100 000C 3505: CCW=03000000 00000001=>00  .\n"
           "S370I100 000C 3505: Stat=0C00 Count=0000\n");
    free(wait_for_output("PSW="));
    expect("t-00C", true, "S370I286 CCW tracing for 000C off\n");
}
END_TEST

START_TEST(test_ipl_errors)
{
    write_ipl_deck("ipl.deck");
    build("MAINSIZE 64K\n000C 3505 %s/ipl.deck ebcdic eof\n");
    expect("ipl", false, "S370E241 the format is \"ipl xxx [clear]\"\n");
    expect("ipl 00C parm X", false, "S370E241 the format is \"ipl xxx [clear]\"\n");
    expect("iplc 00C clear", false, "S370E241 the format is \"ipl xxx [clear]\"\n");
    expect("ipl 0C0", false, "S370E242 device 0C0 does not exist\n");
    expect("ipl 1000", false, "S370E250 1000 is not a device number (000-FFF)\n");
    expect("ipl xyz", false, "S370E250 xyz is not a device number (000-FFF)\n");
}
END_TEST

/* Restart from a program that sets the prefix to X'3000' and loads a disabled-wait PSW: afterwards
   real 0-FFF is absolute 3000-3FFF and the other way round (GA22-7000 "Prefixing"). */
START_TEST(test_restart_and_prefixing)
{
    build("MAINSIZE 64K\n");
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x20, 0x00};
    static const uint8_t program[] = {
        0x05, 0xC0,             /* 2000 BALR 12,0         R12 = 2002 */
        0xB2, 0x10, 0xC0, 0xFE, /* 2002 SPX  X'FE'(12)    from 2100 */
        0x82, 0x00, 0xC1, 0x0E, /* 2006 LPSW X'10E'(12)   from 2110 */
    };
    static const uint8_t prefix[4] = {0x00, 0x00, 0x30, 0x00};
    static const uint8_t wait_psw[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xCA, 0xFE};
    static const uint8_t page[4] = {0xE2, 0xF3, 0xF7, 0xF0}; /* "S370" */
    load(0, restart_psw, 8);
    load(0x2000, program, sizeof program);
    load(0x2100, prefix, 4);
    load(0x2110, wait_psw, 8);
    load(0x3000, page, 4);
    system_start(t.sys);
    expect("restart", true, "S370I279 restart key depressed\n");
    char *log = wait_for_output("PSW=");
    ck_assert_str_eq(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 8000CAFE\n");
    free(log);
    sleep_ms(20);
    machine_set_storage_key(t.sys->m, 0x0000, 0x50);
    machine_set_storage_key(t.sys->m, 0x3000, 0x20);
    expect("r 0.10", true, "R:00000000:K:20=E2F3F7F0 00000000 00000000 00000000  S370............\n");
    expect("r 3000.8", true, "R:00003000:K:50=00000000 00002000 00000000 00000000  ................\n");
    expect("r 0=C1", true, "R:00000000:K:26=C1F3F7F0 00000000 00000000 00000000  A370............\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x3000], 0xC1);
    ck_assert_uint_eq(machine_storage(t.sys->m)[0], 0x00);
}
END_TEST

/* stop, start, and registers that may change only while the CPU does not run. */
START_TEST(test_stop_start)
{
    build("MAINSIZE 64K\n");
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00};
    static const uint8_t loop[4] = {0x47, 0xF0, 0x08, 0x00}; /* 800 B X'800' */
    load(0, restart_psw, 8);
    load(0x800, loop, 4);
    system_start(t.sys);
    expect("restart", true, "S370I279 restart key depressed\n");
    for (int i = 0; i < WAIT_MS && cpu_instruction_count(cpu0()) == 0; i++)
        sleep_ms(1);
    expect("gpr 1=1", false, "S370E246 CPU0000 is running: stop it before altering registers\n");
    ck_assert_uint_eq(cpu_gr(cpu0(), 1), 0);
    expect("stop", true, "");
    for (int i = 0; i < WAIT_MS && cpu_state(cpu0()) != CPU_STOPPED; i++)
        sleep_ms(1);
    ck_assert_int_eq(cpu_state(cpu0()), CPU_STOPPED);
    command_line(&t.env, "gpr 1=1");
    free(new_output());
    ck_assert_uint_eq(cpu_gr(cpu0(), 1), 1);
    uint64_t count = cpu_instruction_count(cpu0());
    expect("start", true, "");
    for (int i = 0; i < WAIT_MS && cpu_instruction_count(cpu0()) == count; i++)
        sleep_ms(1);
    ck_assert_uint_gt(cpu_instruction_count(cpu0()), count);
    expect("stop now", false, "S370E240 stop takes no operands\n");
    expect("start 00E", false, "S370E240 start takes no operands\n");
    expect("restart 1", false, "S370E240 restart takes no operands\n");
}
END_TEST

START_TEST(test_resets)
{
    build("MAINSIZE 64K\n");
    cpu_set_gr(cpu0(), 5, 5);
    load(0x1000, sample, sizeof sample);
    expect("sysreset", true, "");
    expect("sysreset normal", true, "");
    ck_assert_uint_eq(cpu_gr(cpu0(), 5), 5);
    expect("sysreset hard", false, "S370E243 the format is \"sysreset [normal|clear]\"\n");
    expect("sysclear now", false, "S370E240 sysclear takes no operands\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x1000], 0xC1);
    expect("sysclear", true, "");
    ck_assert_uint_eq(cpu_gr(cpu0(), 5), 0);
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x1000], 0);
    cpu_set_gr(cpu0(), 5, 5);
    expect("sysreset clear", true, "");
    ck_assert_uint_eq(cpu_gr(cpu0(), 5), 0);
}
END_TEST

/* ---- devices ------------------------------------------------------------------------------------ */

static const char *const device_config = "MAINSIZE 64K\n0009 3215-C / NOPROMPT\n000C 3505 %s/a.deck ebcdic\n"
                                         "000D 3525 %s/punch.txt\n";

static void build_devices(void)
{
    write_ipl_deck("a.deck");
    write_ipl_deck("b.deck");
    build(device_config);
}

/* Every line begins as Hercules' devlist does: "0:" channel set, device number, device type. */
START_TEST(test_devlist)
{
    build_devices();
    command_line(&t.env, "devlist");
    char *got = new_output();
    const char *want[] = {"0:0009 3215 ", "0:000C 3505 ", "0:000D 3525 "};
    const char *line = got;
    for (size_t i = 0; i < 3; i++) {
        ck_assert_msg(strncmp(line, want[i], strlen(want[i])) == 0, "line %zu of <%s>", i, got);
        line = strchr(line, '\n') + 1;
    }
    ck_assert_str_eq(line, "");
    free(got);
    expect_line_starting("devl rdr", true, "0:000C 3505 ");
    expect_line_starting("devlist 0:00D", true, "0:000D 3525 ");
    expect("devlist TAPE", true, "S370I253 no TAPE devices\n");
    expect("devlist 0FF", false, "S370E252 device 0FF does not exist\n");
    expect("devlist 00C 00D", false, "S370E251 the format is \"devlist [xxx | class]\"\n");
    expect("devlist 1:00C", false, "S370E250 1:00C is not a device number (000-FFF)\n");
}
END_TEST

START_TEST(test_devinit)
{
    build_devices();
    char command[256];
    snprintf(command, sizeof command, "devinit 00C %s/b.deck ascii", t.folder);
    expect(command, true, "S370I256 device 00C initialized\n");
    const struct device_record *r = system_record(t.sys, 0x00C);
    ck_assert_int_eq(r->argc, 2);
    ck_assert_str_eq(r->argv[1], "ascii");
    /* refused: the reader keeps the deck it has */
    snprintf(command, sizeof command, "devinit 00C %s/none.deck", t.folder);
    expect_line_starting(command, false, "S370E255 device 00C not initialized: cannot read ");
    r = system_record(t.sys, 0x00C);
    ck_assert_int_eq(r->argc, 2);
    expect("devinit 00C", true, "S370I256 device 00C initialized\n");
    /* a punch: a new device on a new file replaces the old one */
    snprintf(command, sizeof command, "devinit 00D %s/punch2.txt", t.folder);
    expect(command, true, "S370I256 device 00D initialized\n");
    snprintf(command, sizeof command, "%s/punch2.txt", t.folder);
    ck_assert_int_eq(access(command, F_OK), 0);
    ck_assert_str_eq(system_record(t.sys, 0x00D)->argv[0], command);
    ck_assert_ptr_nonnull(channel_device(t.sys->cs, 0x00D));
    expect("devinit 00D x badoption", false,
           "S370E255 device 00D not initialized: unknown punch option badoption (ascii, ebcdic, crlf, append)\n");
    ck_assert_str_eq(system_record(t.sys, 0x00D)->argv[0], command);
    expect("devinit 0FF", false, "S370E255 device 0FF not initialized: device 0FF does not exist\n");
    expect("devinit", false, "S370E254 the format is \"devinit xxx [arg...]\"\n");
}
END_TEST

START_TEST(test_attach_detach)
{
    build_devices();
    char command[256];
    snprintf(command, sizeof command, "attach 00E 1403 %s/print.txt", t.folder);
    expect(command, true, "S370I259 device 00E attached\n");
    ck_assert_ptr_nonnull(channel_device(t.sys->cs, 0x00E));
    expect(command, false, "S370E258 000E 1403: device 00E already exists\n");
    expect("attach 00F 9999", false, "S370E258 000F 9999: unknown device type\n");
    ck_assert_ptr_null(channel_device(t.sys->cs, 0x00F));
    expect("attach 1000 1403 x", false, "S370E250 1000 is not a device number (000-FFF)\n");
    expect("attach 00E", false, "S370E257 the format is \"attach xxx type [arg...]\"\n");
    expect("det 00E", true, "S370I261 device 00E detached\n");
    ck_assert_ptr_null(channel_device(t.sys->cs, 0x00E));
    ck_assert_ptr_null(system_record(t.sys, 0x00E));
    expect("detach 00E", false, "S370E252 device 00E does not exist\n");
    expect("detach", false, "S370E260 the format is \"detach xxx\"\n");
}
END_TEST

/* A guest reads from the integrated console (a read inquiry, X'0A'); the operator's line (`/HELLO`
   or `.HELLO`) completes the read. */
static void console_read_completed_by(const char *line)
{
    build_devices();
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00};
    static const uint8_t caw[4] = {0x00, 0x00, 0x08, 0x20};
    static const uint8_t program[] = {
        0x9C, 0x00, 0x00, 0x09, /* 800 SIO  X'009' */
        0x9D, 0x00, 0x00, 0x09, /* 804 TIO  X'009' */
        0x47, 0x20, 0x08, 0x04, /* 808 BC   2,X'804'   busy: ask again */
        0x82, 0x00, 0x08, 0x10, /* 80C LPSW X'810' */
        0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xBE, 0xEF, /* 810 disabled wait */
        0, 0, 0, 0, 0, 0, 0, 0,
        0x0A, 0x00, 0x22, 0x00, 0x20, 0x00, 0x00, 0x50, /* 820 CCW read inquiry into 2200, SLI, 80 */
    };
    load(0, restart_psw, 8);
    load(0x48, caw, 4);
    load(0x800, program, sizeof program);
    system_start(t.sys);
    expect("restart", true, "S370I279 restart key depressed\n");
    /* the guest must be waiting for the read: a line typed earlier would be an attention */
    for (int i = 0; i < WAIT_MS && cpu_instruction_count(cpu0()) < 20; i++)
        sleep_ms(1);
    expect(line, true, "");
    char *log = wait_for_output("PSW=");
    ck_assert_msg(strstr(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 8000BEEF\n"), "%s", log);
    free(log);
    static const uint8_t hello[5] = {0xC8, 0xC5, 0xD3, 0xD3, 0xD6};
    ck_assert_mem_eq(machine_storage(t.sys->m) + 0x2200, hello, 5);
}

START_TEST(test_integrated_console_input)
{
    console_read_completed_by("/HELLO");
}
END_TEST

/* Hercules sends `.text` to the SCP console; here it goes to the integrated console whatever its
   prefix. */
START_TEST(test_dot_goes_to_the_integrated_console)
{
    console_read_completed_by(".HELLO");
    system_destroy(t.sys);
    build("MAINSIZE 64K\n");
    expect(".hello", false, "S370E262 no integrated console (3215-C) for .hello\n");
}
END_TEST

START_TEST(test_console_prefixes)
{
    build("MAINSIZE 64K\n");
    expect("/hello", false, "S370E262 no integrated console (3215-C) has the prefix /\n");
    system_destroy(t.sys);
    build("MAINSIZE 64K\n001F 3215-C = NOPROMPT\n");
    expect("=text for the console", true, "");
    expect("/hello", false, "S370E262 no integrated console (3215-C) has the prefix /\n");
}
END_TEST

/* ---- help, pause, msg, quit, symbols, unknown commands ------------------------------------------ */

START_TEST(test_help)
{
    build("MAINSIZE 64K\n");
    expect("help r", true,
           "S370I206 r: display or alter real storage\n"
           "Format: \"r addr[.len]\" or \"r addr-addr\" to display real storage (64 bytes when only\n"
           "addr is given, at most 999 lines), or \"r addr=value\" to alter real storage, where\n"
           "'value' is a hex string of up to 32 pairs of digits (blanks allowed between them).\n");
    expect("help devl", true,
           "S370I206 devlist: list devices\n"
           "Shortest form: devl\n"
           "Format: \"devlist [xxx | class]\".  Lists every device, one device, or the devices of a\n"
           "class (CON, RDR, PCH, PRT, TAPE, DASD, DSP).\n");
    expect("help nosuch", false, "S370E205 unknown command nosuch; enter \"help\" for the list\n");
    expect("help a b", false, "S370E207 help takes one command name at most\n");
    command_line(&t.env, "help");
    char *got = new_output();
    ck_assert_msg(strstr(got, "\n  r              display or alter real storage\n"), "%s", got);
    ck_assert(strstr(got, "\nConfiguration statements:\n"));
    ck_assert(strstr(got, "\n  mainsize       set main storage size\n"));
    ck_assert(strstr(got, "\n  /text          send a line to the integrated console with that prefix\n"));
    free(got);
}
END_TEST

START_TEST(test_pause)
{
    build("MAINSIZE 64K\n");
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    expect("pause 0.05", true, "");
    clock_gettime(CLOCK_MONOTONIC, &b);
    double elapsed = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    ck_assert(elapsed >= 0.05 && elapsed < 2);
    static const char *const bad[] = {"pause", "pause -1", "pause x", "pause 1e2", "pause 1000", "pause 1 2",
                                      "pause 0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect(bad[i], false, "S370E209 pause takes a number of seconds from 0 to 999, like 2 or 0.5\n");
}
END_TEST

START_TEST(test_msg)
{
    build("MAINSIZE 64K\n");
    command_line(&t.env, "msg *  hello   world");
    char *got = new_output();
    /* " hh:mm:ss  * MSG FROM S370: text", VM style as hsccmd.c message_cmd */
    ck_assert_msg(strlen(got) == 42 && got[0] == ' ' && got[3] == ':' && got[6] == ':', "%s", got);
    ck_assert_str_eq(got + 9, "  * MSG FROM S370: hello   world\n");
    free(got);
    expect("msg", false, "S370E210 the format is \"msg * text\"\n");
    expect("message *", false, "S370E210 the format is \"msg * text\"\n");
}
END_TEST

START_TEST(test_quit)
{
    build("MAINSIZE 64K\n");
    expect("quit now", false, "S370E211 quit takes no operands\n");
    ck_assert(!t.sys->quit);
    expect("exit", true, "");
    ck_assert(t.sys->quit);
}
END_TEST

START_TEST(test_symbols_and_unknown_commands)
{
    build("DEFSYM BASE 1000\nMAINSIZE 64K\n");
    load(0x1000, sample, sizeof sample);
    expect("r $(BASE).8", true, "R:00001000:K:00=C1C2C3C4 4081F100 00000000 00000000  ABCD a1.........\n");
    expect("defsym WORD \"C1C2\"", true, "");
    expect("defsym", true, "S370I232 BASE=1000\nS370I232 WORD=C1C2\n");
    expect("r 2000=$(WORD)", true, "R:00002000:K:06=C1C20000 00000000 00000000 00000000  AB..............\n");
    expect("r $(NOPE)", false, "S370E203 symbol NOPE is not defined (DEFSYM or environment)\n");
    expect("frobnicate", false, "S370E201 unknown command frobnicate; enter \"help\" for the list\n");
    expect("dev", false, "S370E201 unknown command dev; enter \"help\" for the list\n");
    expect("cpuserial 123456", false, "S370E202 cpuserial is a configuration statement, not a panel command\n");
    expect("gpr 'open", false, "S370E204 no closing ' for the word 'open\n");
    expect("# a comment", true, "");
    expect("* a loud comment", true, "* a loud comment\n");
    expect("  *Testcase directives too", true, "*Testcase directives too\n");
    expect("   ", true, "");
}
END_TEST

/* ---- altering the PSW, the interrupt key ------------------------------------------------------- */

/* The expected lines are Hercules 3.13's answers to the same commands. */
START_TEST(test_psw_alter)
{
    build("MAINSIZE 64K\n");
    expect("psw cc=2 ia=400 pk=5 sm=FF cmwp=8 pm=F", true,
           "psw sm=FF pk=5 cmwp=8 as=pri cc=2 pm=F am=24 ia=400\nPSW=FF582F00 00000400\n");
    expect("psw ia=200 cc=0 pk=0 sm=00 cmwp=0 pm=0 as=pri am=24", true,
           "psw sm=00 pk=0 cmwp=0 as=pri cc=0 pm=0 am=24 ia=200\nPSW=00000000 00000200\n");
    static const char *const bad[] = {"am=31", "as=ar", "cc=4", "ia=zz", "bogus", "pk=16", "ia=1000000", "sm=100",
                                      "cmwp=10", "cc="};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char line[64], want[256];
        snprintf(line, sizeof line, "psw ia=123 %s", bad[i]);
        snprintf(want, sizeof want,
                 "S370E278 invalid operand %s: the fields are sm=xx pk=n cmwp=x cc=n pm=x ia=xxxxxx (and as=pri, "
                 "am=24)\n",
                 bad[i]);
        expect(line, false, want);
    }
    ck_assert_uint_eq(cpu_psw(cpu0())->ia, 0x200);
}
END_TEST

/* A CPU that runs keeps its PSW; the interrupt key makes an external interruption (code X'0040')
   for a program in an enabled wait. */
START_TEST(test_psw_refused_while_running_and_ext)
{
    build("MAINSIZE 64K\n");
    static const uint8_t restart_psw[8] = {0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00}; /* enabled wait */
    static const uint8_t external_psw[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xAB, 0xCD};
    load(0, restart_psw, 8);
    load(0x58, external_psw, 8);
    command_line(&t.env, "cr 0=00000040"); /* the interrupt key's subclass only: no interval timer */
    free(new_output());
    system_start(t.sys);
    expect("restart", true, "S370I279 restart key depressed\n");
    for (int i = 0; i < WAIT_MS && !cpu_psw(cpu0())->wait; i++)
        sleep_ms(1);
    expect("psw ia=0", false, "S370E246 CPU0000 is running: stop it before altering the PSW\n");
    expect("ext now", false, "S370E240 ext takes no operands\n");
    expect("ext", true, "S370I277 interrupt key depressed\n");
    char *log = wait_for_output("PSW=");
    ck_assert_str_eq(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 0000ABCD\n");
    free(log);
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x1B], 0x40); /* old PSW interruption code */
}
END_TEST

/* ---- abs, v, u, pr ------------------------------------------------------------------------------ */

START_TEST(test_abs_and_pr)
{
    build("MAINSIZE 64K\n");
    static const uint8_t page[4] = {0xE2, 0xF3, 0xF7, 0xF0};
    load(0x3000, page, 4);
    expect("pr", true, "Prefix=00000000\n");
    /* with the prefix at X'3000', real 0 is absolute 3000 and absolute 0 is itself */
    static const uint8_t spx[] = {0xB2, 0x10, 0x08, 0x10, 0x82, 0x00, 0x08, 0x18, 0, 0, 0, 0, 0, 0, 0, 0,
                                  0x00, 0x00, 0x30, 0x00, 0, 0, 0, 0, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0, 0};
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00};
    load(0, restart_psw, 8);
    load(0x800, spx, sizeof spx);
    system_start(t.sys);
    command_line(&t.env, "runtest");
    free(new_output());
    expect("pr", true, "Prefix=00003000\n");
    expect("pr 1", false, "S370E240 pr takes no operands\n");
    machine_set_storage_key(t.sys->m, 0x3000, 0x60);
    expect("r 0.4", true, "R:00000000:K:60=E2F3F7F0 00000000 00000000 00000000  S370............\n");
    expect("abs 3000.4", true, "A:00003000:K:60=E2F3F7F0 00000000 00000000 00000000  S370............\n");
    expect("abs 0=C1", true, "A:00000000:K:06=C1000000 00000800 00000000 00000000  A...............\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0], 0xC1);
    expect("abs FFF0-10008", true,
           "A:0000FFF0:K:00=00000000 00000000 00000000 00000000  ................\n"
           "A:00010000: Absolute address is not valid\n");
    expect("abs FFFF=0102", false, "S370E247 absolute address 10000 is beyond the end of storage (10000)\n");
    expect("abs", false, "S370E248 no operand: the format is addr, addr-addr, addr.len or addr=value\n");
}
END_TEST

/* The tables and the expected lines are those of a Hercules 3.13 run of the same commands: 4K pages,
   64K segments, segment 0's page table at X'2000' mapping page 0 to frame X'5000', page 1 invalid;
   segment 1 invalid. */
START_TEST(test_v_virtual_storage)
{
    build("MAINSIZE 1M\n");
    static const char *const setup[] = {"cr 0=00800000", "cr 1=00001000", "r 1000=F0002000 00000001",
                                        "r 2000=0050 0008", "r 5000=C1C2C3C4"};
    for (size_t i = 0; i < sizeof setup / sizeof setup[0]; i++) {
        command_line(&t.env, setup[i]);
        free(new_output());
    }
    expect("v 0.20", true,
           "V:00000000 (dat off) R:00000000\n"
           "V:00000000:K:00=00000000 00000000 00000000 00000000  ................\n"
           "V:00000010:K:00=00000000 00000000 00000000 00000000  ................\n");
    /* P: the primary space's tables even with DAT off (s370's choice; Hercules would not translate) */
    expect("v P0.10", true,
           "V:00000000 (primary) R:00005000\n"
           "V:00000000:K:06=C1C2C3C4 00000000 00000000 00000000  ABCD............\n");
    command_line(&t.env, "psw cmwp=8 sm=04");
    free(new_output());
    expect("v 0.20", true,
           "V:00000000 (primary) R:00005000\n"
           "V:00000000:K:06=C1C2C3C4 00000000 00000000 00000000  ABCD............\n"
           "V:00000010:K:06=00000000 00000000 00000000 00000000  ................\n");
    expect("v 800.10", true,
           "V:00000800 (primary) R:00005800\n"
           "V:00000800:K:00=00000000 00000000 00000000 00000000  ................\n");
    expect("v 1000.10", true, "V:00001000 (primary)\nV:00001000: Translation exception 0011\n");
    expect("v 10000.10", true, "V:00010000 (primary)\nV:00010000: Translation exception 0010\n");
    /* a line ends with its 2K block; the next begins the next block (Hercules 3.13 skips the rest of
       the 16 bytes instead) */
    expect("v FF8.10", true,
           "V:00000FF8 (primary) R:00005FF8\n"
           "V:00000FF8:K:00=00000000 00000000                    ........        \n"
           "V:00001000 (primary)\n"
           "V:00001000: Translation exception 0011\n");
    expect("v 0=C5C6", true,
           "V:00000000 (primary) R:00005000\n"
           "V:00000000:K:06=C5C6C3C4 00000000 00000000 00000000  EFCD............\n");
    expect("r 5000.10", true, "R:00005000:K:06=C5C6C3C4 00000000 00000000 00000000  EFCD............\n");
    /* nothing changes when a byte cannot be translated */
    expect("v FFF=0102", false, "S370E263 virtual address 1000 cannot be translated: program interruption 0011\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x5FFF], 0);
    expect("v S0", false, "S370E264 S/370 has no secondary address space: use P (primary) or no letter\n");
    expect("v H0", false, "S370E264 S/370 has no home address space: use P (primary) or no letter\n");
    expect("v zz", false, "S370E248 invalid operand zz: the format is addr, addr-addr, addr.len or addr=value\n");
    expect("v", false, "S370E248 no operand: the format is addr, addr-addr, addr.len or addr=value\n");
    command_line(&t.env, "cr 0=00F80000");
    free(new_output());
    expect("v 0.10", true, "V:00000000 (primary)\nV:00000000: Translation exception 0012\n");
}
END_TEST

/* The program the trace, stepping and breakpoint tests run (assembled by asm370; listing in the
   comments): restart new PSW X'200'; sums 5+4+3+2+1 into R2, stores it at X'228', moves 'DONE' to
   X'22C' and loads the disabled-wait PSW at X'220' (address 0). */
static const uint8_t sum_program[] = {
    0x05, 0xC0,                         /* 200 BALR 12,0 */
    0x41, 0x10, 0x00, 0x05,             /* 202 LA   1,5 */
    0x41, 0x20, 0x00, 0x00,             /* 206 LA   2,0 */
    0x1A, 0x21,                         /* 20A AR   2,1 */
    0x46, 0x10, 0xC0, 0x08,             /* 20C BCT  1,20A */
    0x50, 0x20, 0xC0, 0x26,             /* 210 ST   2,228 */
    0xD2, 0x03, 0xC0, 0x2A, 0xC0, 0x36, /* 214 MVC  22C(4),238 */
    0x82, 0x00, 0xC0, 0x1E,             /* 21A LPSW 220 */
    0x00, 0x00,                         /* 21E */
    0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* 220 wait PSW */
    0x00, 0x00, 0x00, 0x00,                         /* 228 the sum */
    0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, /* 22C */
    0x00, 0x00, 0x00, 0x00,                         /* 234 */
    0xC4, 0xD6, 0xD5, 0xC5,                         /* 238 'DONE' */
};

/* The program as a core image file (restart new PSW at 0, program new PSW X'DEAD' at X'68'). */
static void write_sum_image(const char *name)
{
    uint8_t image[0x200 + sizeof sum_program] = {0};
    image[6] = 0x02; /* restart new PSW: X'200' */
    static const uint8_t program_psw[8] = {0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0xDE, 0xAD};
    memcpy(image + 0x68, program_psw, 8);
    memcpy(image + 0x200, sum_program, sizeof sum_program);
    write_file(name, image, sizeof image);
}

static void load_sum_program(void)
{
    write_sum_image("sum.bin");
    char command[256];
    snprintf(command, sizeof command, "loadcore %s/sum.bin", t.folder);
    command_line(&t.env, command);
    free(new_output());
}

/* Hercules 3.13's u output for the same bytes, without its function-name column. */
START_TEST(test_u_disassembles)
{
    build("MAINSIZE 64K\n");
    load_sum_program();
    expect("u 200.1E", true,
           "R00000200: 05C0         BALR  12,0\n"
           "R00000202: 41100005     LA    1,5(0,0)\n"
           "R00000206: 41200000     LA    2,0(0,0)\n"
           "R0000020A: 1A21         AR    2,1\n"
           "R0000020C: 4610C008     BCT   1,8(0,12)\n"
           "R00000210: 5020C026     ST    2,38(0,12)\n"
           "R00000214: D203C02AC036 MVC   42(4,12),54(12)\n"
           "R0000021A: 8200C01E     LPSW  30(12)\n");
    expect("u R21E-221", true, "R0000021E: 0000         ????? ,\nR00000220: 0002         ????? ,\n");
    expect("u FFFE.4", true, "R0000FFFE: 0000         ????? ,\nR:00010000: Real address is not valid\n");
    expect("u V200.2", true, "V:00000200: Translation exception 0012\n"); /* CR0 has no valid format */
    expect("u 200=05C0", false, "S370E265 invalid operand 200=05C0: the format is addr, addr-addr or addr.len\n");
    expect("u", false, "S370E265 no operand: the format is addr, addr-addr or addr.len\n");
}
END_TEST

/* ---- loadcore, savecore ------------------------------------------------------------------------- */

static char *read_file(const char *name, size_t *length)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", t.folder, name);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char *data = xmalloc(1 << 17);
    *length = fread(data, 1, 1 << 17, f);
    fclose(f);
    return data;
}

START_TEST(test_loadcore)
{
    build("MAINSIZE 64K\n");
    write_sum_image("sum.bin");
    char command[256];
    snprintf(command, sizeof command, "loadcore %s/sum.bin", t.folder);
    char want[512];
    snprintf(want, sizeof want, "S370I270 %s/sum.bin: 572 bytes loaded at 000000\n", t.folder);
    expect(command, true, want);
    ck_assert_mem_eq(machine_storage(t.sys->m) + 0x200, sum_program, sizeof sum_program);
    ck_assert_uint_eq(machine_storage_key(t.sys->m, 0), 0x06); /* referenced and changed */
    snprintf(command, sizeof command, "loadcore %s/sum.bin FD00", t.folder);
    snprintf(want, sizeof want, "S370I270 %s/sum.bin: 572 bytes loaded at 00FD00\n", t.folder);
    expect(command, true, want);
    snprintf(command, sizeof command, "loadcore %s/sum.bin FF00", t.folder);
    snprintf(want, sizeof want, "S370E271 %s/sum.bin does not fit in storage at 00FF00 (100 bytes there); nothing "
                                "loaded\n", t.folder);
    expect(command, false, want);
    ck_assert_uint_eq(machine_storage(t.sys->m)[0xFF06], 0x41); /* still LA from the load at FD00 */
    snprintf(command, sizeof command, "loadcore %s/sum.bin 10000", t.folder);
    expect(command, false, "S370E266 10000 is not an absolute address in storage (0-FFFF)\n");
    snprintf(command, sizeof command, "loadcore %s/none.bin", t.folder);
    snprintf(want, sizeof want, "S370E269 cannot open %s/none.bin: No such file or directory\n", t.folder);
    expect(command, false, want);
    expect("loadcore", false, "S370E267 the format is \"loadcore file [address]\"\n");
    expect("loadcore a 0 1", false, "S370E267 the format is \"loadcore file [address]\"\n");
}
END_TEST

START_TEST(test_savecore)
{
    build("MAINSIZE 64K\n");
    char command[256], want[512];
    snprintf(command, sizeof command, "savecore %s/all.bin", t.folder);
    expect(command, false, "S370E272 no storage has been changed: give the addresses to save\n");
    load_sum_program();
    snprintf(command, sizeof command, "savecore %s/part.bin 200 23B", t.folder);
    snprintf(want, sizeof want, "S370I276 locations 00000200-0000023B saved to %s/part.bin\n", t.folder);
    expect(command, true, want);
    size_t n;
    char *data = read_file("part.bin", &n);
    ck_assert_uint_eq(n, 0x3C);
    ck_assert_mem_eq(data, sum_program, sizeof sum_program);
    free(data);
    /* '*': the changed 2K blocks, here 0-7FF and (after r) 2800-2FFF */
    command_line(&t.env, "r 2A00=FF");
    free(new_output());
    snprintf(command, sizeof command, "savecore %s/all.bin * *", t.folder);
    snprintf(want, sizeof want, "S370I276 locations 00000000-00002FFF saved to %s/all.bin\n", t.folder);
    expect(command, true, want);
    data = read_file("all.bin", &n);
    ck_assert_uint_eq(n, 0x3000);
    ck_assert_uint_eq((uint8_t)data[0x2A00], 0xFF);
    free(data);
    snprintf(command, sizeof command, "savecore %s/x.bin 300 200", t.folder);
    expect(command, false, "S370E274 the end 000200 is before the start 000300\n");
    snprintf(command, sizeof command, "savecore %s/x.bin 0 10000", t.folder);
    expect(command, false, "S370E266 10000 is not an absolute address in storage (0-FFFF)\n");
    expect("savecore /nonexistent/dir/x.bin 0 10", false,
           "S370E275 cannot create /nonexistent/dir/x.bin: No such file or directory\n");
    expect("savecore", false, "S370E273 the format is \"savecore file [start|*] [end|*]\"\n");
}
END_TEST

/* ---- trace, stepping, breakpoints --------------------------------------------------------------- */

static const char *const registers_at_store =
    "GR00=00000000  GR01=00000000  GR02=0000000F  GR03=00000000\n"
    "GR04=00000000  GR05=00000000  GR06=00000000  GR07=00000000\n"
    "GR08=00000000  GR09=00000000  GR10=00000000  GR11=00000000\n"
    "GR12=40000202  GR13=00000000  GR14=00000000  GR15=00000000\n";

/* The traced lines are Hercules 3.13's for the same program (its display_inst), without the
   function-name column.  The PSW shows the ILC of the instruction executed before (Hercules' own ILC
   there is not always that one: it shows 1 for ST after BCT). */
START_TEST(test_trace)
{
    build("MAINSIZE 64K\n");
    load_sum_program();
    expect("t 210-214", true, "S370I281 Instruction tracing off range 210-214\n");
    expect("t+", true, "S370I281 Instruction tracing on range 210-214\n");
    expect("t?", true, "S370I281 Instruction tracing on range 210-214\n");
    system_start(t.sys);
    char want[2048];
    snprintf(want, sizeof want,
             "PSW=00000000 A0000210 INST=5020C026     ST    2,38(0,12)\n"
             "R:00000228:K:06=00000000 40404040 40404040 00000000  ....        ....\n%s"
             "PSW=00000000 A0000214 INST=D203C02AC036 MVC   42(4,12),54(12)\n"
             "R:0000022C:K:06=40404040 40404040 00000000 C4D6D5C5          ....DONE\n"
             "R:00000238:K:06=C4D6D5C5 00000000 00000000 00000000  DONE............\n%s"
             "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 80000000\n",
             registers_at_store, registers_at_store);
    expect("runtest", true, want);
    expect("t-", true, "S370I281 Instruction tracing off range 210-214\n");
    expect("t 0-0", true, "S370I281 Instruction tracing off\n");
    expect("t.200.10", false, "S370E201 unknown command t.200.10; enter \"help\" for the list\n");
    expect("t 200.0", false, "S370E283 200.0 is not an address range (addr, addr-addr, addr:addr or addr.len)\n");
    expect("t 20X", false, "S370E283 20X is not an address range (addr, addr-addr, addr:addr or addr.len)\n");
    expect("t 1000000", false,
           "S370E283 1000000 is not an address range (addr, addr-addr, addr:addr or addr.len)\n");
    expect("t 200 300", false, "S370E282 the format is \"t[+|-|?] [addr | addr-addr | addr.len]\"\n");
    expect("t- 200", false, "S370E282 the format is \"t[+|-|?] [addr | addr-addr | addr.len]\"\n");
    expect("t 200:2FF", true, "S370I281 Instruction tracing off range 200-2ff\n");
    expect("t 200.100", true, "S370I281 Instruction tracing off range 200-2ff\n");
}
END_TEST

/* While tracing, a program interruption is reported as Hercules 3.13 does. */
START_TEST(test_trace_reports_program_interruptions)
{
    build("MAINSIZE 64K\n");
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00};
    static const uint8_t program_psw[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xDE, 0xAD};
    static const uint8_t bad[2] = {0x00, 0x00};
    load(0, restart_psw, 8);
    load(0x68, program_psw, 8);
    load(0x800, bad, 2);
    system_start(t.sys);
    command_line(&t.env, "t+");
    free(new_output());
    bool ok = command_line(&t.env, "runtest");
    char *got = new_output();
    ck_assert(ok);
    ck_assert_msg(strstr(got, "PSW=00000000 00000800 INST=0000         ????? ,\nGR00=") == got, "%s", got);
    ck_assert_msg(strstr(got, "GR15=00000000\nHHCCP014I CPU0000: Operation exception CODE=0001 ILC=2\n"
                              "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 4000DEAD\n"),
                  "%s", got);
    free(got);
}
END_TEST

START_TEST(test_stepping)
{
    build("MAINSIZE 64K\n");
    load_sum_program();
    system_start(t.sys);
    expect("s?", true, "S370I281 Instruction stepping off\n");
    expect("s+", true, "S370I281 Instruction stepping on\n");
    ck_assert(command_line(&t.env, "restart"));
    char *log = wait_for_output("GR12=");
    expect_start(log, "S370I279 restart key depressed\nPSW=00000000 00000200 INST=05C0         BALR  12,0\nGR00=");
    free(log);
    for (int i = 0; i < WAIT_MS && cpu_state(cpu0()) != CPU_STOPPED; i++)
        sleep_ms(1);
    /* s runs BALR; the CPU stops before LA, and shows it */
    bool ok = command_line(&t.env, "s");
    ck_assert(ok);
    log = wait_for_output("GR12=");
    expect_start(log, "PSW=00000000 40000202 INST=41100005     LA    1,5(0,0)\n"
                      "R:00000005:K:06=000200 00000000 00000000 00000000 00 ................\n");
    free(log);
    ck_assert_uint_eq(cpu_instruction_count(cpu0()), 1);
    ck_assert_uint_eq(cpu_gr(cpu0(), 12), 0x40000202);
    /* Enter (an empty line) steps too */
    command_line(&t.env, "");
    free(wait_for_output("GR12="));
    ck_assert_uint_eq(cpu_instruction_count(cpu0()), 2);
    ck_assert_uint_eq(cpu_gr(cpu0(), 1), 5);
    expect("s 200 300", false, "S370E282 the format is \"s[+|-|?] [addr | addr-addr | addr.len]\"\n");
    /* g: stepping off, the program runs to its end */
    expect("g", true, "");
    log = wait_for_output("PSW=");
    ck_assert_str_eq(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 80000000\n");
    free(log);
    expect("s", true, "S370I281 Instruction stepping off\n");
    expect("g now", false, "S370E240 g takes no operands\n");
    /* with stepping off, Enter does nothing */
    expect("", true, "");
}
END_TEST

START_TEST(test_breakpoint)
{
    build("MAINSIZE 64K\n");
    load_sum_program();
    system_start(t.sys);
    expect("b 20C", true, "S370I281 Instruction break on range 20c-20c\n");
    ck_assert(command_line(&t.env, "restart"));
    /* BCT runs five times: the CPU stops before it each time */
    for (uint32_t pass = 1; pass <= 5; pass++) {
        char *log = wait_for_output("GR12=");
        const char *restart = "S370I279 restart key depressed\n";
        expect_start(log + (pass == 1 ? strlen(restart) : 0), "S370I280 CPU0000: stopped at breakpoint 00020C\n"
                     "PSW=00000000 6000020C INST=4610C008     BCT   1,8(0,12)\n");
        free(log);
        for (int i = 0; i < WAIT_MS && cpu_state(cpu0()) != CPU_STOPPED; i++)
            sleep_ms(1);
        ck_assert_uint_eq(cpu_gr(cpu0(), 1), 6 - pass);
        ck_assert(command_line(&t.env, "start")); /* what it says comes with the next stop */
    }
    char *log = wait_for_output("PSW=");
    ck_assert_str_eq(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 80000000\n");
    free(log);
    expect("b", true, "S370I281 Instruction break on range 20c-20c\n");
    expect("b-", true, "S370I281 Instruction break off range 20c-20c\n");
    expect("b- 20C", false, "S370E282 the format is \"b[+|-|?] [addr | addr-addr | addr.len]\"\n");
    expect("b+ 210-214", true, "S370I281 Instruction break on range 210-214\n");
    expect("b ZZZ", false, "S370E283 ZZZ is not an address range (addr, addr-addr, addr:addr or addr.len)\n");
}
END_TEST

/* ---- script, runtest ---------------------------------------------------------------------------- */

START_TEST(test_script)
{
    build("MAINSIZE 64K\n");
    char text[512];
    snprintf(text, sizeof text, "r 100=01\n* inner\nscript %s/inner.txt\n", t.folder);
    write_file("outer.txt", text, strlen(text));
    write_file("inner.txt", "r 101=02\r\n# quiet\n", 18);
    char command[256];
    snprintf(command, sizeof command, "script %s/outer.txt", t.folder);
    expect(command, true,
           "R:00000100:K:06=01000000 00000000 00000000 00000000  ................\n"
           "* inner\n"
           "R:00000101:K:06=020000 00000000 00000000 00000000 00 ................\n");
    /* a script that runs itself stops 10 deep */
    snprintf(text, sizeof text, "r 102=03\nscript %s/self.txt\n", t.folder);
    write_file("self.txt", text, strlen(text));
    snprintf(command, sizeof command, "script %s/self.txt", t.folder);
    bool ok = command_line(&t.env, command);
    char *got = new_output();
    ck_assert(ok);
    ck_assert_msg(strstr(got, "S370E292 scripts nest 10 deep at most: "), "%s", got);
    int lines = 0;
    for (const char *p = got; (p = strstr(p, "R:00000102")); p++)
        lines++;
    ck_assert_int_eq(lines, 10);
    free(got);
    ck_assert_int_eq(t.env.script_depth, 0);
    /* quit ends the script */
    write_file("quit.txt", "quit\nr 103=04\n", 14);
    snprintf(command, sizeof command, "script %s/quit.txt", t.folder);
    expect(command, true, "");
    ck_assert(t.sys->quit);
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x103], 0);
    expect("script", false, "S370E291 the format is \"script file...\"\n");
    snprintf(command, sizeof command, "script %s/none.txt", t.folder);
    char want[512];
    snprintf(want, sizeof want, "S370E290 cannot open the script %s/none.txt: No such file or directory\n",
             t.folder);
    t.sys->quit = false;
    expect(command, false, want);
}
END_TEST

/* runtest keys: restart (the default), start, and restart through an old PSW. */
START_TEST(test_runtest_keys)
{
    build("MAINSIZE 64K\n");
    load_sum_program();
    system_start(t.sys);
    expect("runtest restart 5", true, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 80000000\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x22B], 0x0F);
    /* start: from the PSW as it is, here set to X'202' */
    command_line(&t.env, "psw cmwp=0 ia=202");
    command_line(&t.env, "r 228=00000000");
    free(new_output());
    expect("runtest start", true, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 80000000\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x22B], 0x0F);
    /* program: the restart new PSW becomes the program old PSW (here pointing at X'202') */
    static const uint8_t old_psw[8] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02};
    load(0x28, old_psw, 8);
    command_line(&t.env, "r 228=00000000");
    free(new_output());
    expect("runtest program", true,
           "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 80000000\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x22B], 0x0F);
    ck_assert_mem_eq(machine_storage(t.sys->m), old_psw, 8);
}
END_TEST

START_TEST(test_runtest_timeout_and_errors)
{
    build("MAINSIZE 64K\n");
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00};
    static const uint8_t loop[4] = {0x47, 0xF0, 0x08, 0x00};
    load(0, restart_psw, 8);
    load(0x800, loop, 4);
    system_start(t.sys);
    expect("runtest 0.2", false, "HHC02332E Script 0: test: timeout\nHHC02331E Script 0: test: aborted\n");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x801], 0); /* cleared, as Hercules does */
    expect("runtest reboot", false,
           "S370E293 unknown runtest key reboot: restart, start, external, svc, program, machine or io\n");
    static const char *const times[] = {"0", "301", "-1", "x1", "1e1"};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        char line[64], want[128];
        snprintf(line, sizeof line, "runtest restart %s", times[i]);
        snprintf(want, sizeof want, "S370E294 %s is not a time limit (seconds, more than 0, at most 300)\n",
                 times[i]);
        expect(line, false, want);
    }
    expect("runtest 5 restart", false, "S370E295 the format is \"runtest [restart|start|external|svc|program|"
                                       "machine|io] [seconds]\"\n");
}
END_TEST

/* ---- mainsize, numcpu, archlvl at the panel ----------------------------------------------------- */

START_TEST(test_mainsize_numcpu_archlvl)
{
    build("MAINSIZE 64K\n");
    system_start(t.sys);
    load(0x1000, sample, sizeof sample);
    expect("archlvl S/370", true, "");
    expect("archmode 370", true, "");
    expect("archlvl z/Arch", false, "S370E221 only S/370 is emulated, not z/Arch\n");
    expect("mainsize 64K", true, "");
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x1000], 0xC1);
    expect("mainsize 1", true, "S370I236 main storage is now 1024K, all zeros\n");
    ck_assert_uint_eq(machine_storage_size(t.sys->m), 1u << 20);
    ck_assert_uint_eq(machine_storage(t.sys->m)[0x1000], 0);
    expect("r FFFF0.10", true, "R:000FFFF0:K:00=00000000 00000000 00000000 00000000  ................\n");
    expect("numcpu 2", true, "S370I237 the machine now has 2 CPUs\n");
    ck_assert_int_eq(machine_ncpus(t.sys->m), 2);
    expect("numcpu 1", true, "S370I237 the machine now has 1 CPU\n");
    expect("mainsize 17M", false, "S370E224 S/370 main storage is 64K to 16M, not 17M\n");
    expect("mainsize lots", false, "S370E223 lots is not a storage size (a number of megabytes, or with K or M)\n");
    expect("numcpu 5", false, "S370E225 the number of CPUs is 1 to 4, not 5\n");
    expect("numcpu", false, "S370E220 numcpu takes one operand\n");
    /* refused while a CPU runs */
    static const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00};
    static const uint8_t loop[4] = {0x47, 0xF0, 0x08, 0x00};
    load(0, restart_psw, 8);
    load(0x800, loop, 4);
    command_line(&t.env, "restart");
    free(new_output());
    for (int i = 0; i < WAIT_MS && cpu_instruction_count(cpu0()) == 0; i++)
        sleep_ms(1);
    expect("mainsize 2", false, "S370E234 mainsize 2 is refused while a CPU runs: stop the CPUs first\n");
    expect("numcpu 3", false, "S370E234 numcpu 3 is refused while a CPU runs: stop the CPUs first\n");
    ck_assert_uint_eq(machine_storage_size(t.sys->m), 1u << 20);
    ck_assert_int_eq(machine_ncpus(t.sys->m), 1);
}
END_TEST

/* ---- maxrates ----------------------------------------------------------------------------------- */

START_TEST(test_maxrates)
{
    build("MAINSIZE 64K\n");
    expect("maxrates", false, "S370E297 no rate monitor runs for this console: maxrates has nothing to show\n");
    setenv("TZ", "UTC", 1);
    tzset();
    /* from 1 January 2026, 00:00:00 UTC: 2,500,000 instructions and 40 SIOs in the first second,
       fewer in the next two */
    struct timespec at = {1767225600, 0};
    t.env.rates = rate_monitor_create(t.sys->m, t.sys->cs, &at);
    rate_monitor_sample(t.env.rates, &at, 0, 0);
    expect("maxrates 60", true, "S370I298 maxrates interval set to 60 minutes\n");
    at.tv_sec++;
    rate_monitor_sample(t.env.rates, &at, 2500000, 40);
    at.tv_sec += 2;
    rate_monitor_sample(t.env.rates, &at, 3500000, 50);
    expect("maxrates", true,
           "Highest observed MIPS/SIOS rates:\n\n"
           "  From: Thu Jan  1 00:00:00 2026\n  To:   Thu Jan  1 00:00:03 2026\n\n"
           "        MIPS: 2.50\n        SIOS: 40\n\n"
           "Current interval = 60 minutes.\n");
    /* an hour later the interval has ended: its peaks are the previous interval's */
    at.tv_sec += 3600;
    rate_monitor_sample(t.env.rates, &at, 3500000 + 3600, 50);
    expect("maxrates", true,
           "Highest observed MIPS/SIOS rates:\n\n"
           "  From: Thu Jan  1 00:00:00 2026\n  To:   Thu Jan  1 01:00:03 2026\n\n"
           "        MIPS: 2.50\n        SIOS: 40\n\n"
           "  From: Thu Jan  1 01:00:03 2026\n  To:   Thu Jan  1 01:00:03 2026\n\n"
           "        MIPS: 0.00\n        SIOS: 0\n\n"
           "Current interval = 60 minutes.\n");
    expect("maxrates midnight", true, "S370I298 maxrates intervals now end at midnight\n");
    static const char *const bad[] = {"maxrates 0", "maxrates x", "maxrates 1 2", "maxrates 527041"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect(bad[i], false, "S370E296 the format is \"maxrates [minutes | midnight]\" (1 to 527040 minutes)\n");
    rate_monitor_stop(t.env.rates);
    /* the sampling thread starts and stops */
    struct rate_monitor *r = rate_monitor_start(t.sys->m, t.sys->cs);
    ck_assert_ptr_nonnull(r);
    rate_monitor_stop(r);
}
END_TEST

/* ---- translate ---------------------------------------------------------------------------------- */

#if defined(__x86_64__)
#define TRANSLATION_DEFAULT "on"
#else
#define TRANSLATION_DEFAULT "off"
#endif

/* Loops at X'400', X'500' and X'600', each: GR2 goes up by 100 through a BCT loop hot enough to be
   translated (where the host can), then a disabled wait. */
static void load_hot_loops(void)
{
    for (uint32_t at = 0x400; at <= 0x600; at += 0x100) {
        uint8_t loop_at = (uint8_t)(at >> 8);
        const uint8_t program[] = {
            0x41, 0x10, 0x00, 0x64,                         /* +0  LA   1,100 */
            0x41, 0x22, 0x00, 0x01,                         /* +4  LA   2,1(2) */
            0x46, 0x10, loop_at, 0x04,                      /* +8  BCT  1,+4 */
            0x82, 0x00, loop_at, 0x10,                      /* +C  LPSW +10 */
            0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xAB, 0xCD, /* +10 disabled wait */
        };
        load(at, program, sizeof program);
    }
}

/* Restart into the loop at `at` and wait for the disabled wait it ends in. */
static void run_hot_loop(uint32_t at)
{
    const uint8_t restart_psw[8] = {0, 0, 0, 0, 0, 0, (uint8_t)(at >> 8), (uint8_t)at};
    load(0, restart_psw, 8);
    expect("restart", true, "S370I279 restart key depressed\n");
    free(wait_for_output("PSW=00020000 8000ABCD"));
}

/* The display, and each CPU's count of traces: a loop makes one trace while translation is on and
   none while it is off; one that ran while it was off makes one when it runs again with it on. */
START_TEST(test_translate_display_and_switch)
{
    build("MAINSIZE 64K\n");
    expect("translate", true, "S370I287 translation is " TRANSLATION_DEFAULT "; traces made: CPU0000 0\n");
    load_hot_loops();
    system_start(t.sys);
    run_hot_loop(0x400);
    ck_assert_uint_eq(cpu_gr(cpu0(), 2), 100);
#if defined(__x86_64__)
    expect("translate", true, "S370I287 translation is on; traces made: CPU0000 1\n");
    expect("translate off", true, "S370I287 translation is off; traces made: CPU0000 1\n");
    ck_assert(!machine_translation(t.sys->m));
    run_hot_loop(0x500);
    ck_assert_uint_eq(cpu_gr(cpu0(), 2), 200);
    expect("translate", true, "S370I287 translation is off; traces made: CPU0000 1\n");
    expect("TRANSLATE ON", true, "S370I287 translation is on; traces made: CPU0000 1\n");
    ck_assert(machine_translation(t.sys->m));
    run_hot_loop(0x600);
    ck_assert_uint_eq(cpu_gr(cpu0(), 2), 300);
    expect("translate", true, "S370I287 translation is on; traces made: CPU0000 2\n");
    /* the loop that ran while translation was off is translated now (its heat did not count) */
    run_hot_loop(0x500);
    ck_assert_uint_eq(cpu_gr(cpu0(), 2), 400);
    expect("translate", true, "S370I287 translation is on; traces made: CPU0000 3\n");
#else
    expect("translate", true, "S370I287 translation is off; traces made: CPU0000 0\n");
    expect("translate on", false, "S370E289 this host cannot run translated code: translation stays off\n");
    ck_assert(!machine_translation(t.sys->m));
    expect("translate off", true, "S370I287 translation is off; traces made: CPU0000 0\n");
#endif
}
END_TEST

START_TEST(test_translate_of_a_multiprocessor_and_bad_operands)
{
    build("MAINSIZE 64K\nNUMCPU 3\n");
    expect("translate off", true, "S370I287 translation is off; traces made: CPU0000 0, CPU0001 0, CPU0002 0\n");
    static const char *const bad[] = {"translate of", "translate on off", "translate 1", "translate onn"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect(bad[i], false, "S370E288 the format is \"translate [on|off]\"\n");
    ck_assert(!machine_translation(t.sys->m));
    expect("help translate", true,
           "S370I206 translate: display or switch translation of hot code to host code\n"
           "Format: \"translate [on|off]\".  Without an operand, shows whether the CPUs translate hot\n"
           "straight-line runs of instructions to host machine code, and how many runs (traces) each\n"
           "CPU has translated.  \"on\" and \"off\" switch it for every CPU; off takes effect as each\n"
           "CPU next enters its instruction loop, and the traces it holds are dropped then.  Only an\n"
           "x86-64 host can run translated code: elsewhere \"on\" is refused.\n");
}
END_TEST

/* ---- the integrated console by '.', loud comments, help ----------------------------------------- */


START_TEST(test_help_lists_the_new_commands)
{
    build("MAINSIZE 64K\n");
    command_line(&t.env, "help");
    char *got = new_output();
    static const char *const lines[] = {
        "\n  t+             instruction trace on\n", "\n  b              set breakpoint\n",
        "\n  v              display or alter virtual storage\n",
        "\n  runtest        start a test and wait for it to end\n",
        "\n  maxrates       display maximum observed MIPS/SIOS rate for the defined interval\n",
        "\n  numcpu         set number of CPUs\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        ck_assert_msg(strstr(got, lines[i]), "no <%s> in <%s>", lines[i], got);
    free(got);
    expect("help g", true, "S370I206 g: turn off instruction stepping and start all CPUs\n");
}
END_TEST

Suite *suite_console_commands(void)
{
    Suite *s = suite_create("console_commands");
    TCase *c = tcase_create("commands");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_set_timeout(c, 30);
    tcase_add_test(c, test_gpr_display_and_alter);
    tcase_add_test(c, test_gpr_bad_operands);
    tcase_add_test(c, test_cr_display_and_alter);
    tcase_add_test(c, test_fpr_display);
    tcase_add_test(c, test_registers_of_a_multiprocessor);
    tcase_add_test(c, test_psw_display);
    tcase_add_test(c, test_r_display);
    tcase_add_test(c, test_r_end_of_storage_and_limits);
    tcase_add_test(c, test_r_bad_operands);
    tcase_add_test(c, test_r_alter);
    tcase_add_test(c, test_ipl_and_disabled_wait);
    tcase_add_test(c, test_ipl_errors);
    tcase_add_test(c, test_restart_and_prefixing);
    tcase_add_test(c, test_stop_start);
    tcase_add_test(c, test_resets);
    tcase_add_test(c, test_devlist);
    tcase_add_test(c, test_devinit);
    tcase_add_test(c, test_ccw_trace_command);
    tcase_add_test(c, test_attach_detach);
    tcase_add_test(c, test_integrated_console_input);
    tcase_add_test(c, test_console_prefixes);
    tcase_add_test(c, test_help);
    tcase_add_test(c, test_pause);
    tcase_add_test(c, test_msg);
    tcase_add_test(c, test_quit);
    tcase_add_test(c, test_symbols_and_unknown_commands);
    tcase_add_test(c, test_psw_alter);
    tcase_add_test(c, test_psw_refused_while_running_and_ext);
    tcase_add_test(c, test_abs_and_pr);
    tcase_add_test(c, test_v_virtual_storage);
    tcase_add_test(c, test_u_disassembles);
    tcase_add_test(c, test_loadcore);
    tcase_add_test(c, test_savecore);
    tcase_add_test(c, test_trace);
    tcase_add_test(c, test_trace_reports_program_interruptions);
    tcase_add_test(c, test_stepping);
    tcase_add_test(c, test_breakpoint);
    tcase_add_test(c, test_script);
    tcase_add_test(c, test_runtest_keys);
    tcase_add_test(c, test_runtest_timeout_and_errors);
    tcase_add_test(c, test_mainsize_numcpu_archlvl);
    tcase_add_test(c, test_maxrates);
    tcase_add_test(c, test_translate_display_and_switch);
    tcase_add_test(c, test_translate_of_a_multiprocessor_and_bad_operands);
    tcase_add_test(c, test_dot_goes_to_the_integrated_console);
    tcase_add_test(c, test_help_lists_the_new_commands);
    suite_add_tcase(s, c);
    return s;
}
