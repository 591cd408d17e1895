/*
 * test_config.c - the configuration file (console/config.c, statements.c, symbols.c, words.c) and
 * building a system from it (system.c): every system statement and its limits, the statements
 * accepted with no effect, device number forms, words and comments, symbols and their precedence,
 * INCLUDE (nesting, loops, missing files), diagnostics with file:line and the statement, every error
 * reported, and nothing built when there is one.  Expected values come from Hercules' rules
 * (bldcfg.c, hscutl.c; FORMATS.md 4.2), worked out by hand.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "common/util.h"
#include "console/config.h"
#include "console/output.h"
#include "console/symbols.h"
#include "console/system.h"
#include "console/words.h"

static struct config cfg;

static void setup(void)
{
    config_init(&cfg);
}

static void teardown(void)
{
    config_free(&cfg);
}

/* Read text as the file "t.cnf". */
static bool read_text(const char *text)
{
    return config_read_text(&cfg, "t.cnf", text);
}

static void expect_messages(int errors, int warnings)
{
    ck_assert_msg(cfg.errors == errors && cfg.warnings == warnings, "want %d errors %d warnings, got %d %d: %s",
                  errors, warnings, cfg.errors, cfg.warnings, cfg.nmessages ? cfg.messages[0] : "(none)");
}

static void expect_message(size_t i, const char *text)
{
    ck_assert_uint_gt(cfg.nmessages, i);
    ck_assert_str_eq(cfg.messages[i], text);
}

/* ---- system statements -------------------------------------------------------------------------- */

START_TEST(test_defaults)
{
    ck_assert(read_text(""));
    ck_assert_uint_eq(cfg.storage_size, 2u << 20);
    ck_assert_int_eq(cfg.ncpus, 1);
    ck_assert_uint_eq(cfg.cpu_serial, 0x000001);
    ck_assert_uint_eq(cfg.cpu_model, 0x0586);
    ck_assert_uint_eq(cfg.cpu_version, 0xFD);
    ck_assert_str_eq(cfg.console_port, "3270");
    ck_assert_uint_eq(cfg.ndevices, 0);
}
END_TEST

START_TEST(test_system_statements)
{
    ck_assert(read_text("ARCHLVL S/370\n"
                        "archmode 370\n"
                        "NUMCPU 4\n"
                        "CPUSERIAL 098052\n"
                        "CPUMODEL 4381\n"
                        "CPUVERID 00\n"
                        "CNSLPORT 3271\n"));
    expect_messages(0, 0);
    ck_assert_int_eq(cfg.ncpus, 4);
    ck_assert_uint_eq(cfg.cpu_serial, 0x098052);
    ck_assert_uint_eq(cfg.cpu_model, 0x4381);
    ck_assert_uint_eq(cfg.cpu_version, 0x00);
    ck_assert_str_eq(cfg.console_port, "3271");
    ck_assert(read_text("CNSLPORT 127.0.0.1:3270\n"));
    ck_assert_str_eq(cfg.console_port, "127.0.0.1:3270");
}
END_TEST

/* MAINSIZE: a plain number is megabytes; K and M; 64K to 16M; rounded up to 4K (bldcfg.c). */
START_TEST(test_mainsize)
{
    static const struct {
        const char *operand;
        uint32_t bytes;
    } good[] = {
        {"16", 16u << 20}, {"1", 1u << 20},     {"64K", 64u << 10},     {"64k", 64u << 10},
        {"4M", 4u << 20},  {"16M", 16u << 20},  {"98K", 100u << 10},   {"16384K", 16u << 20}, {"65K", 68u << 10},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "MAINSIZE %s\n", good[i].operand);
        ck_assert_msg(read_text(text), "%s", good[i].operand);
        ck_assert_uint_eq(cfg.storage_size, good[i].bytes);
    }
    ck_assert(read_text("MAINSIZE 8 LOCK\nMAINSIZE 2 unlock\n"));
    ck_assert_uint_eq(cfg.storage_size, 2u << 20);
    expect_messages(0, 0);
}
END_TEST

START_TEST(test_mainsize_errors)
{
    ck_assert(!read_text("MAINSIZE 32K\n"
                         "MAINSIZE 17\n"
                         "MAINSIZE 1G\n"
                         "MAINSIZE 16X\n"
                         "MAINSIZE\n"
                         "MAINSIZE 4 FOREVER\n"
                         "MAINSIZE 0\n"));
    expect_messages(7, 0);
    expect_message(0, "S370E224 t.cnf:1: MAINSIZE 32K: S/370 main storage is 64K to 16M, not 32K");
    expect_message(1, "S370E224 t.cnf:2: MAINSIZE 17: S/370 main storage is 64K to 16M, not 17");
    expect_message(2, "S370E224 t.cnf:3: MAINSIZE 1G: S/370 main storage is 64K to 16M, not 1G");
    expect_message(3,
                   "S370E223 t.cnf:4: MAINSIZE 16X: 16X is not a storage size (a number of megabytes, or with K or M)");
    expect_message(4, "S370E220 t.cnf:5: MAINSIZE: MAINSIZE takes one operand");
    expect_message(5, "S370E220 t.cnf:6: MAINSIZE 4 FOREVER: MAINSIZE takes one operand");
    ck_assert_uint_eq(cfg.storage_size, 2u << 20); /* unchanged */
}
END_TEST

START_TEST(test_cpu_statement_errors)
{
    ck_assert(!read_text("NUMCPU 0\n"
                         "NUMCPU 5\n"
                         "NUMCPU two\n"
                         "CPUSERIAL 12345\n"
                         "CPUSERIAL 12345G\n"
                         "CPUMODEL 43810\n"
                         "CPUVERID F\n"
                         "MAXCPU 9\n"));
    expect_messages(8, 0);
    expect_message(0, "S370E225 t.cnf:1: NUMCPU 0: the number of CPUs is 1 to 4, not 0");
    expect_message(3, "S370E226 t.cnf:4: CPUSERIAL 12345: CPUSERIAL needs exactly 6 hex digits, not 12345");
    expect_message(4, "S370E226 t.cnf:5: CPUSERIAL 12345G: CPUSERIAL needs exactly 6 hex digits, not 12345G");
    expect_message(5, "S370E226 t.cnf:6: CPUMODEL 43810: CPUMODEL needs exactly 4 hex digits, not 43810");
    expect_message(6, "S370E226 t.cnf:7: CPUVERID F: CPUVERID needs exactly 2 hex digits, not F");
    ck_assert_int_eq(cfg.ncpus, 1);
    ck_assert_uint_eq(cfg.cpu_serial, 1);
}
END_TEST

START_TEST(test_archlvl_only_s370)
{
    ck_assert(!read_text("ARCHLVL ESA/390\nARCHMODE z/Arch\nARCHLVL 360\nARCHLVL\n"));
    expect_messages(4, 0);
    expect_message(0, "S370E221 t.cnf:1: ARCHLVL ESA/390: only S/370 is emulated, not ESA/390");
    expect_message(1, "S370E221 t.cnf:2: ARCHMODE z/Arch: only S/370 is emulated, not z/Arch");
    expect_message(2, "S370E222 t.cnf:3: ARCHLVL 360: unknown architecture 360 (S/370 is the one emulated)");
    expect_message(3, "S370E220 t.cnf:4: ARCHLVL: ARCHLVL takes one operand");
}
END_TEST

START_TEST(test_cnslport_errors)
{
    ck_assert(!read_text("CNSLPORT 0\nCNSLPORT 65536\nCNSLPORT host:\nCNSLPORT :3270\n"));
    expect_messages(4, 0);
    expect_message(1, "S370E227 t.cnf:2: CNSLPORT 65536: 65536 is not a port (1-65535) or host:port");
    ck_assert_str_eq(cfg.console_port, "3270");
}
END_TEST

/* The statements VM370CE and other Hercules configurations carry that do nothing here. */
START_TEST(test_statements_with_no_effect)
{
    ck_assert(read_text("XPNDSIZE 0\nLOADPARM 0120....\nTIMERINT 50\nOSTAILOR VM\nPANTITLE \"My 370\"\n"
                        "DEVTMAX 0\nECPSVM NO\nMAXCPU 2\nCODEPAGE 819/1047\nDIAG8CMD ENABLE ECHO\n"
                        "PGMPRDOS LICENSED\nSYSEPOCH 1900\nTZOFFSET +0000\nHERCPRIO 0\nCPUPRIO 15\n"
                        "CONKPALV (3,1,10)\nHTTPPORT 8081\nLEGACYSENSEID ON\n"));
    expect_messages(0, 0);
    ck_assert_uint_eq(cfg.storage_size, 2u << 20);
}
END_TEST

START_TEST(test_statements_that_warn)
{
    ck_assert(read_text("XPNDSIZE 64\nECPSVM YES\nECPSVM LEVEL 20\nNOSUCH 1 2\n"));
    expect_messages(0, 4);
    expect_message(0, "S370W229 t.cnf:1: XPNDSIZE 64: S/370 has no expanded storage; ignored");
    expect_message(1, "S370W231 t.cnf:2: ECPSVM YES: the ECPS:VM assists are not emulated; ignored");
    expect_message(3, "S370W200 t.cnf:4: NOSUCH 1 2: unknown statement NOSUCH, ignored");
}
END_TEST

START_TEST(test_panel_command_in_configuration)
{
    ck_assert(!read_text("IPL 00C\n"));
    expect_message(0, "S370E202 t.cnf:1: IPL 00C: ipl is a panel command, not a configuration statement");
}
END_TEST

/* ---- words, comments, blank lines --------------------------------------------------------------- */

START_TEST(test_comments_and_quotes)
{
    ck_assert(read_text("# a comment\n"
                        "* a loud comment\n"
                        "\n"
                        "   \t\n"
                        "  NUMCPU 2   # trailing comment\n"
                        "000C 3505 \"my deck.txt\" 'x y' a#1 # ascii\r\n"
                        "000D 3525 \"\"\n"));
    expect_messages(0, 0);
    ck_assert_int_eq(cfg.ncpus, 2);
    ck_assert_uint_eq(cfg.ndevices, 2);
    const struct device_definition *d = &cfg.devices[0];
    ck_assert_int_eq(d->argc, 3);
    ck_assert_str_eq(d->argv[0], "my deck.txt");
    ck_assert_str_eq(d->argv[1], "x y");
    ck_assert_str_eq(d->argv[2], "a#1");
    ck_assert_str_eq(d->where, "t.cnf:6");
    ck_assert_int_eq(cfg.devices[1].argc, 1);
    ck_assert_str_eq(cfg.devices[1].argv[0], "");
}
END_TEST

START_TEST(test_unclosed_quote)
{
    ck_assert(!read_text("000C 3505 \"deck.txt\n"));
    expect_message(0, "S370E021 t.cnf:1: 000C 3505 \"deck.txt: no closing \" for the word \"deck.txt");
}
END_TEST

START_TEST(test_words_split)
{
    struct words w;
    char err[128];
    ck_assert(words_split("  a  'b c'd \"\" e#f #g h", &w, err, sizeof err));
    ck_assert_int_eq(w.argc, 5);
    ck_assert_str_eq(w.argv[0], "a");
    ck_assert_str_eq(w.argv[1], "b c");
    ck_assert_str_eq(w.argv[2], "d");
    ck_assert_str_eq(w.argv[3], "");
    ck_assert_str_eq(w.argv[4], "e#f");
    ck_assert_ptr_null(w.argv[5]);
    char *joined = words_join(w.argc, w.argv);
    ck_assert_str_eq(joined, "a b c d  e#f");
    free(joined);
    words_free(&w);
    ck_assert(!words_split("x 'open", &w, err, sizeof err));
    ck_assert_str_eq(err, "no closing ' for the word 'open");
}
END_TEST

/* ---- device statements -------------------------------------------------------------------------- */

static void expect_addresses(const uint16_t *want, size_t n)
{
    ck_assert_uint_eq(cfg.ndevices, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_uint_eq(cfg.devices[i].address, want[i]);
}

START_TEST(test_device_number_forms)
{
    ck_assert(read_text("0009 3215-C /\n"
                        "00C 3505 a\n"
                        "1C0.3 3270\n"
                        "0480-0482 3420 *\n"
                        "0190,0191,192 3330 x.ckd\n"
                        "0:0200 3350 y.ckd\n"
                        "300-301,0305.2 3380 z.ckd\n"));
    expect_messages(0, 0);
    static const uint16_t want[] = {0x009, 0x00C, 0x1C0, 0x1C1, 0x1C2, 0x480, 0x481, 0x482, 0x190,
                                    0x191, 0x192, 0x200, 0x300, 0x301, 0x305, 0x306};
    expect_addresses(want, sizeof want / sizeof want[0]);
    ck_assert_str_eq(cfg.devices[0].type, "3215-C");
    ck_assert_str_eq(cfg.devices[2].type, "3270");
    ck_assert_int_eq(cfg.devices[2].argc, 0);
    ck_assert_str_eq(cfg.devices[5].argv[0], "*");
    ck_assert_str_eq(cfg.devices[11].where, "t.cnf:6");
}
END_TEST

/* VM370CE writes "01C0.7 3270 MOD4" and "00C0.32": the count is decimal. */
START_TEST(test_device_count_is_decimal)
{
    ck_assert(read_text("0C0.32 3270\n"));
    ck_assert_uint_eq(cfg.ndevices, 32);
    ck_assert_uint_eq(cfg.devices[31].address, 0x0DF);
}
END_TEST

START_TEST(test_device_number_errors)
{
    ck_assert(!read_text("1:000C 3505 a\n"
                         "1000 3330 x\n"
                         "0FFE.3 3330 x\n"
                         "0190-018F 3330 x\n"
                         "0190.0 3330 x\n"
                         "01G0- 3330 x\n"
                         "0190,0290 3330 x\n"
                         "0009\n"
                         "0009 3215-C\n"
                         "0008-0009 3215-C\n"));
    expect_messages(9, 0);
    expect_message(0, "S370E011 t.cnf:1: 1:000C 3505 a: 1: channel set 0 is the only one");
    expect_message(1, "S370E011 t.cnf:2: 1000 3330 x: 1000 goes beyond FFF, the last S/370 device number");
    expect_message(2, "S370E011 t.cnf:3: 0FFE.3 3330 x: 0FFE.3 goes beyond FFF, the last S/370 device number");
    expect_message(3, "S370E011 t.cnf:4: 0190-018F 3330 x: 0190-018F is not a range of device numbers (low-high)");
    expect_message(4,
                   "S370E011 t.cnf:5: 0190.0 3330 x: 0190.0: the count after the dot is a decimal number of devices");
    expect_message(5, "S370E011 t.cnf:6: 01G0- 3330 x: 01G0 is not a device number");
    expect_message(6, "S370E011 t.cnf:7: 0190,0290 3330 x: 190 and 290 are on different channels: one statement, "
                      "one channel");
    expect_message(7, "S370E010 t.cnf:8: 0009: a device statement needs a device type");
    /* line 9 defines 009; line 10 defines 008 and fails for 009 */
    expect_message(8, "S370E012 t.cnf:10: 0008-0009 3215-C: device 009 is already defined at t.cnf:9");
    ck_assert_uint_eq(cfg.ndevices, 2);
}
END_TEST

/* ---- symbols ------------------------------------------------------------------------------------ */

START_TEST(test_defsym_and_environment)
{
    setenv("S370_TEST_DISK", "from-env", 1);
    setenv("S370_TEST_BOTH", "env", 1);
    setenv("S370_TEST_EMPTY", "", 1);
    unsetenv("S370_TEST_UNSET");
    ck_assert(read_text("DEFSYM DASD /dasd\n"
                        "DEFSYM S370_TEST_BOTH defsym\n"
                        "DEFSYM NOTHING\n"
                        "DEFSYM SPACED \"a b\"\n"
                        "0190 3330 $(DASD)/vm.ckd $(S370_TEST_DISK) $(S370_TEST_BOTH) ${S370_TEST_BOTH}\n"
                        "0191 3330 ${S370_TEST_UNSET:=dflt} ${S370_TEST_EMPTY=e} ${S370_TEST_DISK:=d} x${S370_TEST_UNSET}y\n"
                        "0192 3330 $(NOTHING)z $(SPACED) '$(SPACED)' $x $\n"));
    expect_messages(0, 0);
    const struct device_definition *d = cfg.devices;
    ck_assert_int_eq(d[0].argc, 4);
    ck_assert_str_eq(d[0].argv[0], "/dasd/vm.ckd");
    ck_assert_str_eq(d[0].argv[1], "from-env");
    ck_assert_str_eq(d[0].argv[2], "defsym"); /* DEFSYM hides the environment */
    ck_assert_str_eq(d[0].argv[3], "defsym");
    ck_assert_int_eq(d[1].argc, 4);
    ck_assert_str_eq(d[1].argv[0], "dflt");
    ck_assert_str_eq(d[1].argv[1], "e");
    ck_assert_str_eq(d[1].argv[2], "from-env");
    ck_assert_str_eq(d[1].argv[3], "xy");
    /* a value is expanded before the words are split: "a b" becomes two words unless quoted */
    ck_assert_int_eq(d[2].argc, 6);
    ck_assert_str_eq(d[2].argv[0], "z");
    ck_assert_str_eq(d[2].argv[1], "a");
    ck_assert_str_eq(d[2].argv[2], "b");
    ck_assert_str_eq(d[2].argv[3], "a b");
    ck_assert_str_eq(d[2].argv[4], "$x");
    ck_assert_str_eq(d[2].argv[5], "$");
    unsetenv("S370_TEST_DISK");
    unsetenv("S370_TEST_BOTH");
    unsetenv("S370_TEST_EMPTY");
}
END_TEST

START_TEST(test_symbol_errors)
{
    unsetenv("S370_TEST_UNSET");
    ck_assert(!read_text("0190 3330 $(S370_TEST_UNSET)\n"
                         "0191 3330 $(OPEN\n"
                         "0192 3330 ${OPEN\n"
                         "DEFSYM\n"
                         "DEFSYM A B C\n"));
    expect_messages(5, 0);
    expect_message(0, "S370E020 t.cnf:1: 0190 3330 $(S370_TEST_UNSET): symbol S370_TEST_UNSET is not defined "
                      "(DEFSYM or environment)");
    expect_message(1, "S370E020 t.cnf:2: 0191 3330 $(OPEN: no closing ) after $(OPEN");
    expect_message(2, "S370E020 t.cnf:3: 0192 3330 ${OPEN: no closing } after ${OPEN");
    expect_message(3, "S370E233 t.cnf:4: DEFSYM: the format is \"defsym name value\" (quote a value with blanks)");
    ck_assert_uint_eq(cfg.ndevices, 0);
}
END_TEST

/* $(CUU) and friends: each device of a statement gets its own number (bldcfg.c formats). */
START_TEST(test_device_symbols)
{
    ck_assert(read_text("DEFSYM CUU ignored\n0A0E-0A0F 3420 tape$(CUU).aws $(cuu) $(CCUU)-$(ccuu)\n"));
    ck_assert_str_eq(cfg.devices[0].argv[0], "tapeA0E.aws");
    ck_assert_str_eq(cfg.devices[0].argv[1], "a0e");
    ck_assert_str_eq(cfg.devices[0].argv[2], "0A0E-0a0e");
    ck_assert_str_eq(cfg.devices[1].argv[0], "tapeA0F.aws");
    ck_assert(!read_text("0A10 3420 $(CUUX)\n"));
    ck_assert_uint_eq(cfg.ndevices, 2);
}
END_TEST

START_TEST(test_symbols_api)
{
    struct symbols s = {0};
    char err[128];
    symbols_define(&s, "A", "1");
    symbols_define(&s, "A", "2");
    symbols_define(&s, "a", "lower");
    ck_assert_uint_eq(s.count, 2);
    ck_assert_str_eq(symbols_lookup(&s, "A"), "2");
    ck_assert_str_eq(symbols_lookup(&s, "a"), "lower"); /* case-sensitive */
    char *x = symbols_expand(&s, "$(A)$(a)$(CUU)${A}", err, sizeof err);
    ck_assert_str_eq(x, "2lower$(CUU)2");
    free(x);
    x = symbols_expand_device("$(CUU)$(X)", 0x12);
    ck_assert_str_eq(x, "012$(X)");
    free(x);
    symbols_free(&s);
}
END_TEST

/* ---- every error, file:line ----------------------------------------------------------------------- */

START_TEST(test_every_error_reported)
{
    ck_assert(!read_text("MAINSIZE 99G\n"
                         "NUMCPU 1\n"
                         "0009 3215-C\n"
                         "ARCHLVL z/Arch\n"
                         "BOGUS\n"
                         "0009 3215\n"));
    expect_messages(3, 1);
    ck_assert_uint_eq(cfg.nmessages, 4);
    expect_message(0, "S370E224 t.cnf:1: MAINSIZE 99G: S/370 main storage is 64K to 16M, not 99G");
    expect_message(1, "S370E221 t.cnf:4: ARCHLVL z/Arch: only S/370 is emulated, not z/Arch");
    expect_message(2, "S370W200 t.cnf:5: BOGUS: unknown statement BOGUS, ignored");
    expect_message(3, "S370E012 t.cnf:6: 0009 3215: device 009 is already defined at t.cnf:3");
}
END_TEST

/* ---- INCLUDE ------------------------------------------------------------------------------------ */

static char folder[64];

static void folder_setup(void)
{
    setup();
    testdir_create(folder, sizeof folder, "s370cfg");
}

static void folder_teardown(void)
{
    testdir_remove(folder);
    teardown();
}

/* Write folder/name. */
static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static bool read_config_file(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    return config_read(&cfg, path);
}

/* The message with the folder's path replaced by "D". */
static void expect_message_in_folder(size_t i, const char *text)
{
    ck_assert_uint_gt(cfg.nmessages, i);
    struct buf b = {0};
    size_t n = strlen(folder);
    for (const char *p = cfg.messages[i]; *p;)
        if (strncmp(p, folder, n) == 0) {
            buf_addc(&b, 'D');
            p += n;
        } else {
            buf_addc(&b, *p++);
        }
    ck_assert_str_eq(buf_cstr(&b), text);
    buf_free(&b);
}

START_TEST(test_include_nested)
{
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", folder);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    write_file("main.cnf", "DEFSYM WHERE main\nINCLUDE sub/system.cnf\n000C 3505 $(WHERE)\n");
    write_file("sub/system.cnf", "MAINSIZE 4\nINCLUDE devices.cnf # beside system.cnf\n");
    write_file("sub/devices.cnf", "DEFSYM WHERE sub\n0009 3215-C\n");
    ck_assert(read_config_file("main.cnf"));
    ck_assert_uint_eq(cfg.storage_size, 4u << 20);
    ck_assert_uint_eq(cfg.ndevices, 2);
    char where[256];
    snprintf(where, sizeof where, "%s/sub/devices.cnf:2", folder);
    ck_assert_str_eq(cfg.devices[0].where, where);
    ck_assert_str_eq(cfg.devices[1].argv[0], "sub"); /* symbols are shared by every file */
}
END_TEST

START_TEST(test_include_loop)
{
    write_file("a.cnf", "NUMCPU 2\nINCLUDE b.cnf\n");
    write_file("b.cnf", "INCLUDE a.cnf\nNUMCPU 3\n");
    ck_assert(!read_config_file("a.cnf"));
    expect_messages(1, 0);
    expect_message_in_folder(0, "S370E013 D/b.cnf:1: INCLUDE a.cnf: D/a.cnf is already being read (an INCLUDE loop)");
    ck_assert_int_eq(cfg.ncpus, 3); /* the rest is still read */
}
END_TEST

START_TEST(test_include_depth)
{
    for (int i = 1; i <= 9; i++) {
        char name[16], text[32];
        snprintf(name, sizeof name, "%d.cnf", i);
        snprintf(text, sizeof text, "INCLUDE %d.cnf\n", i + 1);
        write_file(name, text);
    }
    write_file("10.cnf", "NUMCPU 4\n");
    ck_assert(!read_config_file("1.cnf"));
    expect_messages(1, 0);
    expect_message_in_folder(0, "S370E014 D/8.cnf:1: INCLUDE 9.cnf: INCLUDE files nest more than 8 deep");
    ck_assert_int_eq(cfg.ncpus, 1);
}
END_TEST

START_TEST(test_include_errors)
{
    write_file("main.cnf", "INCLUDE missing.cnf\nINCLUDE\nIGNORE INCLUDE_ERRORS\nINCLUDE missing2.cnf\n"
                           "IGNORE OTHER\n");
    ck_assert(!read_config_file("main.cnf"));
    expect_messages(3, 1);
    expect_message_in_folder(
        0, "S370E017 D/main.cnf:1: INCLUDE missing.cnf: cannot open D/missing.cnf: No such file or directory");
    expect_message_in_folder(1, "S370E018 D/main.cnf:2: INCLUDE: INCLUDE takes one file name");
    expect_message_in_folder(2, "S370W016 D/main.cnf:4: INCLUDE missing2.cnf: cannot open D/missing2.cnf: No such "
                                "file or directory; ignored (IGNORE INCLUDE_ERRORS)");
    expect_message_in_folder(3, "S370E019 D/main.cnf:5: IGNORE OTHER: the only form is IGNORE INCLUDE_ERRORS");
}
END_TEST

START_TEST(test_missing_configuration_file)
{
    ck_assert(!read_config_file("none.cnf"));
    expect_message_in_folder(0, "S370E015 cannot open the configuration file D/none.cnf: No such file or directory");
}
END_TEST

/* ---- building the system ------------------------------------------------------------------------ */

/* A deck of one 80-byte EBCDIC card. */
static void write_deck(const char *name)
{
    char card[80] = {0};
    char path[256];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(card, 1, sizeof card, f);
    fclose(f);
}

START_TEST(test_build_real_devices)
{
    write_deck("deck.ebc");
    char text[512];
    snprintf(text, sizeof text,
             "MAINSIZE 64K\nNUMCPU 2\nCPUSERIAL 123456\n0009 3215-C / NOPROMPT\n"
             "000C 3505 %s/deck.ebc ebcdic eof\n000D 3525 %s/punch.txt ascii\n",
             folder, folder);
    ck_assert(read_text(text));
    struct output out;
    output_init(&out, stdout);
    struct system *s = system_build(&cfg, &out);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(machine_storage_size(s->m), 64u << 10);
    ck_assert_int_eq(machine_ncpus(s->m), 2);
    struct device *reader = channel_device(s->cs, 0x00C);
    ck_assert_ptr_nonnull(reader);
    ck_assert_str_eq(reader->type_name, "3505");
    ck_assert_uint_eq(reader->model_type, 0x3505);
    ck_assert_ptr_nonnull(channel_device(s->cs, 0x009));
    ck_assert_ptr_nonnull(channel_device(s->cs, 0x00D));
    ck_assert_ptr_null(channel_device(s->cs, 0x00E));
    const struct device_record *r = system_record(s, 0x00C);
    ck_assert_int_eq(r->argc, 3);
    ck_assert_str_eq(r->argv[2], "eof");
    system_destroy(s);
    output_destroy(&out);
}
END_TEST

START_TEST(test_build_errors_start_nothing)
{
    write_deck("deck.ebc");
    char text[512];
    snprintf(text, sizeof text, "0009 3215-C / NOPROMPT\n000C 3505 %s/nodeck.ebc\n000D 3505 %s/deck.ebc\n0150 9999 x\n",
             folder, folder);
    ck_assert(read_text(text));
    struct output out;
    output_init(&out, stdout);
    ck_assert_ptr_null(system_build(&cfg, &out));
    expect_messages(2, 0);
    expect_message_in_folder(0, "S370E101 t.cnf:2: 000C 3505: cannot read D/nodeck.ebc: No such file or directory");
    expect_message(1, "S370E101 t.cnf:4: 0150 9999: unknown device type");
    output_destroy(&out);
}
END_TEST

Suite *suite_console_config(void)
{
    Suite *s = suite_create("console_config");
    TCase *t = tcase_create("statements");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_defaults);
    tcase_add_test(t, test_system_statements);
    tcase_add_test(t, test_mainsize);
    tcase_add_test(t, test_mainsize_errors);
    tcase_add_test(t, test_cpu_statement_errors);
    tcase_add_test(t, test_archlvl_only_s370);
    tcase_add_test(t, test_cnslport_errors);
    tcase_add_test(t, test_statements_with_no_effect);
    tcase_add_test(t, test_statements_that_warn);
    tcase_add_test(t, test_panel_command_in_configuration);
    tcase_add_test(t, test_comments_and_quotes);
    tcase_add_test(t, test_unclosed_quote);
    tcase_add_test(t, test_words_split);
    tcase_add_test(t, test_device_number_forms);
    tcase_add_test(t, test_device_count_is_decimal);
    tcase_add_test(t, test_device_number_errors);
    tcase_add_test(t, test_defsym_and_environment);
    tcase_add_test(t, test_symbol_errors);
    tcase_add_test(t, test_device_symbols);
    tcase_add_test(t, test_symbols_api);
    tcase_add_test(t, test_every_error_reported);
    suite_add_tcase(s, t);
    TCase *f = tcase_create("files");
    tcase_add_checked_fixture(f, folder_setup, folder_teardown);
    tcase_add_test(f, test_include_nested);
    tcase_add_test(f, test_include_loop);
    tcase_add_test(f, test_include_depth);
    tcase_add_test(f, test_include_errors);
    tcase_add_test(f, test_missing_configuration_file);
    tcase_add_test(f, test_build_real_devices);
    tcase_add_test(f, test_build_errors_start_nothing);
    suite_add_tcase(s, f);
    return s;
}
