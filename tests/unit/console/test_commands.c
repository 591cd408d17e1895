/*
 * test_commands.c - the operator commands (console/commands.c, cpu_commands.c, device_commands.c,
 * display.c) on a real system built from a configuration: each display's exact Hercules 3.13 format
 * (hscmisc.c display_regs32, display_fregs, display_real; hsccmd.c psw_cmd, devlist_cmd), IPL from a
 * card deck, resets, restart, stop and start, the disabled-wait message, storage alteration with
 * prefixing, the device commands, the integrated console's input, help, pause, msg, quit and
 * symbols, and every bad operand answered by a message that changes nothing.  Expected text is
 * worked out by hand from those formats.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/util.h"
#include "console/commands.h"
#include "console/config.h"
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
    strcpy(t.folder, "/tmp/s370cmdXXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(t.folder));
    t.stream = open_memstream(&t.log, &t.log_size);
    output_init(&t.out, t.stream);
}

static void teardown(void)
{
    system_destroy(t.sys);
    output_destroy(&t.out);
    fclose(t.stream);
    free(t.log);
    char command[128];
    snprintf(command, sizeof command, "rm -rf %s", t.folder);
    ck_assert_int_eq(system(command), 0);
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
    expect("psw ia=0", false, "S370E240 psw takes no operands\n");
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
    expect("restart", true, "");
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
    expect("restart", true, "");
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

/* A guest reads from the integrated console (a read inquiry, X'0A'); "/HELLO" completes the read. */
START_TEST(test_integrated_console_input)
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
    expect("restart", true, "");
    /* the guest must be waiting for the read: a line typed earlier would be an attention */
    for (int i = 0; i < WAIT_MS && cpu_instruction_count(cpu0()) < 20; i++)
        sleep_ms(1);
    expect("/HELLO", true, "");
    char *log = wait_for_output("PSW=");
    ck_assert_msg(strstr(log, "HHCCP011I CPU0000: Disabled wait state\n          PSW=00020000 8000BEEF\n"), "%s", log);
    free(log);
    static const uint8_t hello[5] = {0xC8, 0xC5, 0xD3, 0xD3, 0xD6};
    ck_assert_mem_eq(machine_storage(t.sys->m) + 0x2200, hello, 5);
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
    expect("mainsize 4", false, "S370E202 mainsize is a configuration statement, not a panel command\n");
    expect("gpr 'open", false, "S370E204 no closing ' for the word 'open\n");
    expect("# a comment", true, "");
    expect("* a loud comment", true, "");
    expect("   ", true, "");
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
    tcase_add_test(c, test_attach_detach);
    tcase_add_test(c, test_integrated_console_input);
    tcase_add_test(c, test_console_prefixes);
    tcase_add_test(c, test_help);
    tcase_add_test(c, test_pause);
    tcase_add_test(c, test_msg);
    tcase_add_test(c, test_quit);
    tcase_add_test(c, test_symbols_and_unknown_commands);
    suite_add_tcase(s, c);
    return s;
}
