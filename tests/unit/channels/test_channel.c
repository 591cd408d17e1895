/*
 * test_channel.c - the channel subsystem against a scripted test device: SIO/TIO/HIO/TCH/STIDC
 * condition codes and CSWs, data and command chaining, TIC, SKIP, SLI and incorrect length, IDAWs,
 * status modifier, unit check and sense, CAW key protection, program checks, PCI, deferred
 * completion, channel end now and device end later, attention, a looping channel program, masking by
 * channel, and IPL.  Expected CSWs follow GA22-7000 chapter 13: CCW address = last CCW used + 8,
 * residual count of that CCW, unit and channel status as the device and the channel found them.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "channels/channel.h"
#include "tests/unit/cpu370/cputest.h"

#define I(s) "         " s "\n"

/* ---- a scripted device -------------------------------------------------------------------------- */

struct fake {
    uint8_t record[256]; /* what a read returns */
    uint32_t record_length;
    uint8_t written[512]; /* what the last write sent */
    uint32_t written_length;
    uint8_t commands[64];
    int ncommands;
    struct io_request *deferred;
};

enum { CMD_MOTION = 0x07, CMD_SEARCH = 0x0B, CMD_FAIL = 0x13, CMD_DEFER = 0x1B, CMD_NOT_READY = 0x23 };

static void fake_execute(struct device *d, struct io_request *r)
{
    struct fake *f = d->state;
    if (f->ncommands < 64)
        f->commands[f->ncommands++] = r->command;
    r->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    switch (r->command) {
    case 0x01:
        memcpy(f->written, r->data, r->count);
        f->written_length = r->count;
        break;
    case 0x02: {
        uint32_t n = f->record_length < r->count ? f->record_length : r->count;
        memcpy(r->data, f->record, n);
        r->residual = r->count - n;
        r->longer = f->record_length > r->count;
        break;
    }
    case CMD_SENSE:
        device_sense(d, r);
        break;
    case CMD_MOTION:
        r->status = UNIT_CHANNEL_END;
        break;
    case CMD_SEARCH:
        r->status |= UNIT_STATUS_MODIFIER;
        break;
    case CMD_FAIL: {
        uint8_t sense[2] = {SENSE_INTERVENTION_REQUIRED, 0x21};
        device_set_sense(d, sense, 2);
        r->status |= UNIT_CHECK;
        break;
    }
    case CMD_DEFER:
        r->deferred = true;
        f->deferred = r;
        break;
    case CMD_NOT_READY: /* status at initial selection, without channel end: unit check alone */
        r->status = UNIT_CHECK;
        break;
    default: /* NOP and other controls: no data */
        break;
    }
    if (ccw_kind_of(r->command) == CCW_CONTROL)
        r->residual = r->count;
}

static const struct device_type fake_type = {.name = "FAKE", .device_class = "TEST", .execute = fake_execute};

struct rig {
    struct cputest t;
    struct channel_subsystem *cs;
    struct fake *f;
};

static void rig_init(struct rig *g, uint16_t address)
{
    cputest_init(&g->t, 0, 1);
    g->cs = channel_create(g->t.m);
    struct device *d = calloc(1, sizeof *d);
    g->f = calloc(1, sizeof *g->f);
    d->type = &fake_type;
    d->address = address;
    d->state = g->f;
    d->sense_length = 2;
    ck_assert(channel_attach(g->cs, d));
}

static void rig_free(struct rig *g)
{
    struct fake *f = g->f;
    channel_destroy(g->cs);
    free(f);
    cputest_free(&g->t);
}

/* The program: R12 base; CCWs at label PROG (doubleword aligned), CAW built at X'48' with key 0;
   `action` does the I/O; R9 gets the condition code (stored at X'900'); then the CPU is enabled for
   I/O for a short while, so a pending interruption is taken (the harness's I/O new PSW stops the run
   at CPUTEST_IO); otherwise the program ends at CPUTEST_DONE.  Data areas follow. */
#define ENABLE_FOR_A_WHILE                                                                                    \
    I("LPSW  ENABLED") I("DS    0D") "ENABLED  DC    X'FE000000',A(SPIN)\n" "SPIN     LA    1,2000\n"             \
        "LOOP     BCT   1,LOOP\n" I("LPSW  X'200'")

static void run(struct rig *g, const char *action, const char *ccws)
{
    char source[4096];
    snprintf(source, sizeof source,
             "P        START X'1000'\n" I("BALR  12,0") I("USING *,12") I("LA    1,PROG") I("ST    1,X'48'") "%s"
             I("BALR  9,0") I("SRL   9,28") I("N     9,=F'3'") I("ST    9,X'900'") ENABLE_FOR_A_WHILE
             "PROG     DS    0D\n" "%s" I("LTORG") "BUF      DC    XL256'00'\n" "BUF2     DC    XL64'00'\n" I("END   P"),
             action, ccws);
    cputest_load(&g->t, source);
    cputest_run_at(&g->t, 0x1000, 0x0000, 100000);
}

/* Enable the CPU for I/O for a while again: takes an interruption that became pending meanwhile. */
static void take_io(struct rig *g)
{
    cputest_load(&g->t, "Q        START X'3000'\n" I("BALR  12,0") I("USING *,12") ENABLE_FOR_A_WHILE I("END   Q"));
    cputest_run_at(&g->t, 0x3000, 0x0000, 100000);
}

static uint32_t cc(struct rig *g)
{
    return cputest_word(&g->t, 0x900);
}

static uint64_t csw(struct rig *g)
{
    return cputest_doubleword(&g->t, 0x40);
}

/* I/O old PSW (BC mode): the interruption code is the device address. */
static uint16_t io_device(struct rig *g)
{
    return (uint16_t)cputest_word(&g->t, 0x38);
}

/* ---- tests -------------------------------------------------------------------------------------- */

START_TEST(test_not_operational)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00F'"), I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(cc(&g), 3);
    rig_free(&g);
}
END_TEST

/* Write 5 bytes: cc 0, the device got them, an interruption: CSW = CCW + 8, CE DE, count 0. */
START_TEST(test_write)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'01',MSG,0,5") "MSG      DC    C'HELLO'\n");
    ck_assert_uint_eq(cc(&g), 0);
    ck_assert_uint_eq(cputest_final_address(&g.t), CPUTEST_IO);
    ck_assert_uint_eq(io_device(&g), 0x00E);
    ck_assert_uint_eq(g.f->written_length, 5);
    ck_assert_mem_eq(g.f->written, "\xC8\xC5\xD3\xD3\xD6", 5);
    ck_assert_uint_eq(channel_sio_count(g.cs), 1);
    uint32_t prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 8) << 32 | 0x0C000000u);
    rig_free(&g);
}
END_TEST

/* Read of an 80-byte record into 100 bytes: residual 20 and incorrect length (no SLI); with SLI the
   same residual and no incorrect length. */
START_TEST(test_read_incorrect_length)
{
    struct rig g;
    rig_init(&g, 0x00C);
    g.f->record_length = 80;
    memset(g.f->record, 0xF1, 80);
    run(&g, I("SIO   X'00C'"), I("CCW   X'02',BUF,0,100"));
    uint32_t prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 8) << 32 | 0x0C400014u);
    rig_free(&g);

    rig_init(&g, 0x00C);
    g.f->record_length = 80;
    run(&g, I("SIO   X'00C'"), I("CCW   X'02',BUF,X'20',100"));
    prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 8) << 32 | 0x0C000014u);
    rig_free(&g);
}
END_TEST

/* Data chaining: 10 bytes into BUF (skipped), then 10 into BUF2; the record is 0..19. */
START_TEST(test_data_chaining_and_skip)
{
    struct rig g;
    rig_init(&g, 0x00C);
    g.f->record_length = 20;
    for (int i = 0; i < 20; i++)
        g.f->record[i] = (uint8_t)i;
    run(&g, I("SIO   X'00C'"), I("CCW   X'02',BUF,X'90',10") I("CCW   X'00',BUF2,0,10"));
    uint32_t prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 16) << 32 | 0x0C000000u);
    /* BUF2 follows the 256-byte BUF after the literal pool: find it from the CCW */
    uint32_t buf2 = cputest_word(&g.t, prog + 8) & 0xFFFFFF;
    uint32_t buf = cputest_word(&g.t, prog) & 0xFFFFFF;
    ck_assert_uint_eq(cputest_word(&g.t, buf), 0);                /* skipped: untouched */
    ck_assert_uint_eq(cputest_word(&g.t, buf2), 0x0A0B0C0D);
    ck_assert_uint_eq(g.f->ncommands, 1);                         /* one device operation */
    rig_free(&g);
}
END_TEST

/* Command chaining: NOP then write; the CSW points after the second CCW. */
START_TEST(test_command_chaining)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'03',0,X'40',1") I("CCW   X'01',BUF,0,3"));
    uint32_t prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 16) << 32 | 0x0C000000u);
    ck_assert_uint_eq(g.f->ncommands, 2);
    ck_assert_uint_eq(g.f->commands[0], 0x03);
    ck_assert_uint_eq(g.f->commands[1], 0x01);
    rig_free(&g);
}
END_TEST

/* Status modifier from a "search" skips the next CCW when command chaining. */
START_TEST(test_status_modifier_skips)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'0B',0,X'40',1") I("CCW   X'13',0,X'40',1") I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(g.f->ncommands, 2);
    ck_assert_uint_eq(g.f->commands[1], 0x03);
    rig_free(&g);
}
END_TEST

/* Unit check ends the chain (the next CCW is not run); a SENSE afterwards returns the device's sense
   bytes (2 of them: residual 6 of 8, incorrect length suppressed by SLI). */
START_TEST(test_unit_check_and_sense)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'13',0,X'40',1") I("CCW   X'03',0,0,1"));
    uint32_t prog = cputest_word(&g.t, 0x48);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 8) << 32 | 0x0E000001u);
    ck_assert_uint_eq(g.f->ncommands, 1);
    run(&g, I("SIO   X'00E'"), I("CCW   X'04',BUF,X'20',8"));
    prog = cputest_word(&g.t, 0x48);
    uint32_t buf = cputest_word(&g.t, prog) & 0xFFFFFF;
    ck_assert_uint_eq(cputest_word(&g.t, buf), 0x40210000);
    ck_assert_uint_eq(csw(&g), (uint64_t)(prog + 8) << 32 | 0x0C000006u);
    rig_free(&g);
}
END_TEST

/* A device presenting status at initial selection (unit check alone: not ready) makes SIO store the
   CSW with cc 1 (GA22-7000 "Conclusion at Operation Initiation"); SIOF reports it by an interruption. */
START_TEST(test_initial_status)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'23',0,0,1"));
    ck_assert_uint_eq(cc(&g), 1);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0200);
    ck_assert_uint_eq(cputest_final_address(&g.t), CPUTEST_DONE); /* no interruption remains */
    rig_free(&g);

    rig_init(&g, 0x00E);
    run(&g, I("SIOF  X'00E'"), I("CCW   X'23',0,0,1"));
    ck_assert_uint_eq(cc(&g), 0);
    ck_assert_uint_eq(cputest_final_address(&g.t), CPUTEST_IO);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0200);
    rig_free(&g);
}
END_TEST

/* RESUME I/O (9C02) is its own instruction, not SIO: there are no suspended programs to resume on this
   machine, so cc 3 and nothing runs (the I/O group's dispatch once sent 9C02 to SIO). */
START_TEST(test_rio_is_not_sio)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("RIO   X'00E'"), I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(cc(&g), 3);
    ck_assert_uint_eq(g.f->ncommands, 0);
    rig_free(&g);
}
END_TEST

/* TIC as the first CCW, or TIC to TIC: program check; SIO stores the CSW at once (cc 1). */
START_TEST(test_tic_rules)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'08',PROG+8,0,1") I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(cc(&g), 1);
    ck_assert_uint_eq(cputest_word(&g.t, 0x44) >> 16, 0x0020);
    rig_free(&g);

    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'"), I("CCW   X'03',0,X'40',1") I("CCW   X'08',PROG+16,0,1") I("CCW   X'08',PROG,0,1"));
    ck_assert_uint_eq(cc(&g), 0);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0C20); /* CE DE from the NOP, program check */
    rig_free(&g);
}
END_TEST

/* A CAW with bits 4-7 on, or an odd CCW address: program check, cc 1 with the CSW. */
START_TEST(test_bad_caw)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("MVI   X'48',X'01'") I("SIO   X'00E'"), I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(cc(&g), 1);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0020);
    rig_free(&g);
}
END_TEST

/* CAW key 2 against data in a block with key 3: a write fetches, so only fetch protection stops it
   (before the device is reached: cc 1, CSW with the protection check); a read stores, so it is
   stopped as the data arrives (the device ran: CE DE with the protection check). */
START_TEST(test_protection_check)
{
    struct rig g;
    rig_init(&g, 0x00E);
    machine_set_storage_key(g.t.m, 0x4000, 0x38);
    run(&g, I("MVI   X'48',X'20'") I("SIO   X'00E'"), I("CCW   X'01',X'4000',0,4"));
    ck_assert_uint_eq(cc(&g), 1);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0010);
    ck_assert_uint_eq(g.f->ncommands, 0);
    rig_free(&g);

    rig_init(&g, 0x00E);
    machine_set_storage_key(g.t.m, 0x4000, 0x30);
    g.f->record_length = 4;
    run(&g, I("MVI   X'48',X'20'") I("SIO   X'00E'"), I("CCW   X'02',X'4000',0,4"));
    ck_assert_uint_eq(cc(&g), 0);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0C10);
    ck_assert_uint_eq(g.f->ncommands, 1);
    rig_free(&g);
}
END_TEST

/* IDAWs: a read of 16 bytes through two IDAWs, 8 bytes before a 2K boundary and 8 after. */
START_TEST(test_idaws)
{
    struct rig g;
    rig_init(&g, 0x00C);
    g.f->record_length = 16;
    for (int i = 0; i < 16; i++)
        g.f->record[i] = (uint8_t)(0xA0 + i);
    run(&g, I("SIO   X'00C'"), I("CCW   X'02',IDAWS,X'04',16") "IDAWS    DC    A(X'47F8',X'6000')\n");
    ck_assert_uint_eq(cputest_doubleword(&g.t, 0x47F8), 0xA0A1A2A3A4A5A6A7ull);
    ck_assert_uint_eq(cputest_doubleword(&g.t, 0x6000), 0xA8A9AAABACADAEAFull);
    rig_free(&g);
}
END_TEST

/* Channel end now, device end later: the first interruption has CE, TIO finds the device busy, the
   device end comes as a second interruption. */
START_TEST(test_channel_end_then_device_end)
{
    struct rig g;
    rig_init(&g, 0x180);
    run(&g, I("SIO   X'180'"), I("CCW   X'07',0,0,1"));
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0800);
    device_status(channel_device(g.cs, 0x180), UNIT_DEVICE_END);
    take_io(&g);
    ck_assert_uint_eq(cputest_final_address(&g.t), CPUTEST_IO);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0400);
    rig_free(&g);
}
END_TEST

/* A deferred operation: the subchannel is busy (TIO cc 2) until the device completes it. */
START_TEST(test_deferred)
{
    struct rig g;
    rig_init(&g, 0x009);
    run(&g, I("SIO   X'009'") I("TIO   X'009'"), I("CCW   X'1B',0,0,1"));
    ck_assert_uint_eq(cc(&g), 2);
    ck_assert_ptr_nonnull(g.f->deferred);
    bool busy, pending;
    channel_device_activity(g.cs, 0x009, &busy, &pending);
    ck_assert(busy && !pending);
    g.f->deferred->status = UNIT_CHANNEL_END | UNIT_DEVICE_END;
    device_complete(channel_device(g.cs, 0x009), g.f->deferred);
    channel_device_activity(g.cs, 0x009, &busy, &pending);
    ck_assert(!busy && pending);
    take_io(&g);
    ck_assert_uint_eq(cputest_final_address(&g.t), CPUTEST_IO);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x0C00);
    rig_free(&g);
}
END_TEST

/* Attention from an idle device: an interruption with the attention bit; SIO while it is pending
   gets cc 1 with the status and busy. */
START_TEST(test_attention)
{
    struct rig g;
    rig_init(&g, 0x009);
    device_status(channel_device(g.cs, 0x009), UNIT_ATTENTION);
    run(&g, I("SIO   X'009'"), I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(cc(&g), 1);
    ck_assert_uint_eq((uint32_t)csw(&g) >> 16, 0x9000);
    rig_free(&g);
}
END_TEST

/* A channel program that loops (NOP, TIC back) never holds the CPU: SIO returns, HIO stops it. */
START_TEST(test_looping_program_halted)
{
    struct rig g;
    rig_init(&g, 0x00E);
    run(&g, I("SIO   X'00E'") I("HIO   X'00E'"), I("CCW   X'03',0,X'40',1") I("CCW   X'08',PROG,0,1"));
    ck_assert_uint_eq(cc(&g), 1);
    rig_free(&g);
}
END_TEST

/* TCH: a pending interruption on the channel gives cc 1; STIDC: block multiplexor on channel 1. */
START_TEST(test_tch_stidc)
{
    struct rig g;
    rig_init(&g, 0x180);
    run(&g, I("STIDC X'100'") I("TCH   X'200'"), I("CCW   X'03',0,0,1"));
    ck_assert_uint_eq(cc(&g), 3);
    ck_assert_uint_eq(cputest_word(&g.t, 0xA8), 0x20000000);
    rig_free(&g);
}
END_TEST

/* An interruption for channel 1 is not taken while the BC-mode PSW enables only channel 0. */
START_TEST(test_channel_masking)
{
    struct rig g;
    rig_init(&g, 0x180);
    device_status(channel_device(g.cs, 0x180), UNIT_ATTENTION);
    cputest_load(&g.t, "Q        START X'3000'\n" I("BALR  12,0") I("USING *,12") I("LPSW  ENABLED") I("DS    0D")
                           "ENABLED  DC    X'80000000',A(SPIN)\n" "SPIN     LA    1,2000\n" "LOOP     BCT   1,LOOP\n"
                               I("LPSW  X'200'") I("END   Q"));
    cputest_run_at(&g.t, 0x3000, 0x0000, 100000);
    cputest_expect_done(&g.t);
    rig_free(&g);
}
END_TEST

/* IPL: the 24 bytes read at 0 are a PSW and two CCWs; the chain goes on at 8 (a NOP here); the
   device address lands in the BC PSW's interruption code (bytes 2-3) and CPU 0 starts with it. */
START_TEST(test_ipl)
{
    struct rig g;
    rig_init(&g, 0x00C);
    static const uint8_t record[24] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34, /* PSW: IA X'1234' */
                                       0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, /* NOP, no chaining */
                                       0, 0, 0, 0, 0, 0, 0, 0};
    memcpy(g.f->record, record, 24);
    g.f->record_length = 24;
    char err[200] = "";
    ck_assert_msg(channel_ipl(g.cs, 0x00C, false, err, sizeof err), "%s", err);
    ck_assert_uint_eq(cputest_word(&g.t, 0), 0x0000000C);
    ck_assert_uint_eq(cpu_psw(g.t.c)->ia, 0x1234);
    ck_assert_uint_eq(g.f->ncommands, 2);
    ck_assert_uint_eq(g.f->commands[0], 0x02);
    ck_assert_uint_eq(g.f->commands[1], 0x03);
    ck_assert(!channel_ipl(g.cs, 0x00D, false, err, sizeof err));
    ck_assert_str_eq(err, "device 00D does not exist");
    rig_free(&g);
}
END_TEST

/* An IPL whose channel program ends with unit check fails with the CSW in the message. */
START_TEST(test_ipl_failure)
{
    struct rig g;
    rig_init(&g, 0x00C);
    static const uint8_t record[24] = {0, 0, 0, 0, 0, 0, 0x10, 0, 0x13, 0, 0, 0, 0, 0, 0, 1};
    memcpy(g.f->record, record, 24);
    g.f->record_length = 24;
    char err[200] = "";
    ck_assert(!channel_ipl(g.cs, 0x00C, false, err, sizeof err));
    ck_assert_str_eq(err, "IPL from 00C failed: CSW 00000010 0E000001");
    rig_free(&g);
}
END_TEST

/* CCW trace (t+devn): one line per device operation with the CCW and the data moved, one with the
   ending status; nothing once it is off again. */
struct trace_lines {
    char text[4][160];
    int n;
};

static void capture_message(void *ctx, struct device *d, const char *text)
{
    struct trace_lines *t = ctx;
    (void)d;
    if (t->n < 4)
        snprintf(t->text[t->n], sizeof t->text[0], "%s", text);
    t->n++;
}

START_TEST(test_ccw_trace)
{
    struct rig g;
    struct trace_lines lines = {0};
    rig_init(&g, 0x00E);
    struct io_host host = {.ctx = &lines, .message = capture_message};
    channel_set_host(g.cs, &host);
    ck_assert(!channel_ccw_trace(g.cs, 0x00E));
    ck_assert(channel_set_ccw_trace(g.cs, 0x00E, true));
    ck_assert(!channel_set_ccw_trace(g.cs, 0x00F, true)); /* no such device */
    ck_assert(channel_ccw_trace(g.cs, 0x00E));
    run(&g, I("SIO   X'00E'"), I("CCW   X'01',MSG,X'20',5") "MSG      DC    C'HELLO'\n");
    uint32_t prog = cputest_word(&g.t, 0x48);
    char expected[80];
    snprintf(expected, sizeof expected, "CCW=%08X 20000005=>C8C5D3D3 D6  HELLO", cputest_word(&g.t, prog));
    ck_assert_int_eq(lines.n, 2);
    ck_assert_str_eq(lines.text[0], expected);
    ck_assert_str_eq(lines.text[1], "Stat=0C00 Count=0000");
    rig_free(&g);

    memset(&lines, 0, sizeof lines);
    rig_init(&g, 0x00E);
    channel_set_host(g.cs, &host);
    channel_set_ccw_trace(g.cs, 0x00E, true);
    channel_set_ccw_trace(g.cs, 0x00E, false);
    run(&g, I("SIO   X'00E'"), I("CCW   X'01',MSG,X'20',5") "MSG      DC    C'HELLO'\n");
    ck_assert_int_eq(lines.n, 0);
    rig_free(&g);
}
END_TEST

Suite *suite_channel(void)
{
    Suite *s = suite_create("channel");
    TCase *tc = tcase_create("programs");
    tcase_add_test(tc, test_not_operational);
    tcase_add_test(tc, test_write);
    tcase_add_test(tc, test_read_incorrect_length);
    tcase_add_test(tc, test_data_chaining_and_skip);
    tcase_add_test(tc, test_command_chaining);
    tcase_add_test(tc, test_status_modifier_skips);
    tcase_add_test(tc, test_unit_check_and_sense);
    tcase_add_test(tc, test_initial_status);
    tcase_add_test(tc, test_rio_is_not_sio);
    tcase_add_test(tc, test_tic_rules);
    tcase_add_test(tc, test_bad_caw);
    tcase_add_test(tc, test_protection_check);
    tcase_add_test(tc, test_idaws);
    tcase_add_test(tc, test_channel_end_then_device_end);
    tcase_add_test(tc, test_deferred);
    tcase_add_test(tc, test_attention);
    tcase_add_test(tc, test_looping_program_halted);
    tcase_add_test(tc, test_tch_stidc);
    tcase_add_test(tc, test_channel_masking);
    tcase_add_test(tc, test_ipl);
    tcase_add_test(tc, test_ipl_failure);
    tcase_add_test(tc, test_ccw_trace);
    suite_add_tcase(s, tc);
    return s;
}
