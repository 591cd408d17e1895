/*
 * test_disasm.c - the disassembler (cpu370/disasm.c): one instruction of every operand layout as
 * Hercules 3.13's u command shows it (the expected lines are Hercules' own output for the same bytes,
 * without its function-name column), the I/O group's second byte, bytes that are no S/370
 * instruction, and a round trip: every instruction of opcodes.h, disassembled and assembled again by
 * asm370, gives back its bytes.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "cpu370/disasm.h"
#include "cpu370/opcodes.h"
#include "tests/unit/cpu370/cputest.h"

static void expect_line(const char *hex, const char *want)
{
    uint8_t inst[6] = {0};
    for (size_t i = 0; i < strlen(hex) / 2; i++)
        sscanf(hex + 2 * i, "%2hhx", &inst[i]);
    char line[80];
    int length = s370_format_instruction(inst, line, sizeof line);
    ck_assert_msg(strcmp(line, want) == 0, "%s:\nwant <%s>\ngot  <%s>", hex, want, line);
    ck_assert_int_eq(length, (int)strlen(hex) / 2);
}

/* Hercules 3.13 `u` output for these bytes (R00001000: ... lines). */
START_TEST(test_every_layout_as_hercules_shows_it)
{
    expect_line("05C0", "05C0         BALR  12,0");
    expect_line("1A21", "1A21         AR    2,1");
    expect_line("071F", "071F         BCR   1,15");
    expect_line("041F", "041F         SPM   1");
    expect_line("0A1F", "0A1F         SVC   31");
    expect_line("381F", "381F         LER   1,15");
    expect_line("4610C008", "4610C008     BCT   1,8(0,12)");
    expect_line("411FE456", "411FE456     LA    1,1110(15,14)");
    expect_line("471FE456", "471FE456     BC    1,1110(15,14)");
    expect_line("7800C03E", "7800C03E     LE    0,62(0,12)");
    expect_line("B11FE456", "B11FE456     LRA   1,1110(15,14)");
    expect_line("901FE456", "901FE456     STM   1,15,1110(14)");
    expect_line("831FE456", "831FE456     DIAG  1,15,1110(14)");
    expect_line("BD1FE456", "BD1FE456     CLM   1,15,1110(14)");
    expect_line("89100003", "89100003     SLL   1,3(0)");
    expect_line("92E7C05E", "92E7C05E     MVI   94(12),231");
    expect_line("AC1FE456", "AC1FE456     STNSM 1110(14),31");
    expect_line("8200C01E", "8200C01E     LPSW  30(12)");
    expect_line("931FE456", "931FE456     TS    1110(14)");
    expect_line("B2023ABC", "B2023ABC     STIDP 2748(3)");
    expect_line("9C003ABC", "9C003ABC     SIO   2748(3)");
    expect_line("B20B3ABC", "B20B3ABC     IPK   ,");
    expect_line("B20D3ABC", "B20D3ABC     PTLB  ,");
    expect_line("D203C02AC036", "D203C02AC036 MVC   42(4,12),54(12)");
    expect_line("D21FE4567FFF", "D21FE4567FFF MVC   1110(32,14),4095(7)");
    expect_line("F21FE4567FFF", "F21FE4567FFF PACK  1110(2,14),4095(16,7)");
    expect_line("0000", "0000         ????? ,");
}
END_TEST

/* Where s370 differs from Hercules 3.13 on purpose: Hercules' one table for every architecture
   names 84/85 BRXH/BRXLE (ESA/390), 25/35/3C/7C LDXR/LEDR/MDER/MDE (the later names of LRDR, LRER,
   MER and ME), and tells neither SIOF nor RIO, CLRIO, HDV, CLRCH from the instruction with the same
   first byte; and it shows SRP's first length as encoded, where the assembler notation is that plus
   one (GA22-7000 and HLASM: D1(L1,B1) with L1 the length). */
START_TEST(test_s370_names_and_srp_length)
{
    expect_line("841FE456", "841FE456     WRD   1110(14),31");
    expect_line("851FE456", "851FE456     RDD   1110(14),31");
    expect_line("251F", "251F         LRDR  1,15");
    expect_line("351F", "351F         LRER  1,15");
    expect_line("3C1F", "3C1F         MER   1,15");
    expect_line("7C1FE456", "7C1FE456     ME    1,1110(15,14)");
    expect_line("9C013ABC", "9C013ABC     SIOF  2748(3)");
    expect_line("9C023ABC", "9C023ABC     RIO   2748(3)");
    expect_line("9D013ABC", "9D013ABC     CLRIO 2748(3)");
    expect_line("9E013ABC", "9E013ABC     HDV   2748(3)");
    expect_line("9F013ABC", "9F013ABC     CLRCH 2748(3)");
    expect_line("F01FE4567FFF", "F01FE4567FFF SRP   1110(2,14),4095(7),15");
}
END_TEST

/* In the I/O group only bit 15 tells the instructions apart (as the CPU decodes them); other second
   bytes of B2 are no instruction; the length always follows the first byte. */
START_TEST(test_second_bytes_and_invalid_opcodes)
{
    expect_line("9C800123", "9C800123     SIO   291(0)");
    expect_line("9D030123", "9D030123     CLRIO 291(0)");
    expect_line("B2FF0123", "B2FF0123     ????? ,");
    expect_line("E01122334455", "E01122334455 ????? ,");
    struct s370_disasm d;
    static const uint8_t six[6] = {0xE0, 0x11, 0x22, 0x33, 0x44, 0x55};
    s370_disassemble(six, &d);
    ck_assert(!d.valid);
    ck_assert_int_eq(d.length, 6);
    ck_assert_str_eq(d.mnemonic, "?????");
    ck_assert_str_eq(d.operands, ",");
}
END_TEST

/* Bytes with a distinct value in every field, for an opcode of the table (SRP's rounding digit, the
   low half of byte 1, a decimal digit); the fields an operand layout leaves out are zero, as the
   assembler writes them (opcodes.h: SPM's R2, the shifts' R3, the I2 of SSM, LPSW and TS). */
static int sample_instruction(unsigned code, enum s370_format format, uint8_t inst[6])
{
    static const uint8_t fields[6] = {0, 0x15, 0xE4, 0x56, 0x7F, 0xFF};
    memcpy(inst, fields, 6);
    if (code > 0xFF) {
        inst[0] = (uint8_t)(code >> 8);
        inst[1] = (uint8_t)code;
    } else {
        inst[0] = (uint8_t)code;
    }
    if (format == S370_FMT_RR_R1 || format == S370_FMT_RS_SH)
        inst[1] &= 0xF0;
    if (format == S370_FMT_SI_S)
        inst[1] = 0;
    return s370_instruction_length(inst[0]);
}

START_TEST(test_round_trip_through_asm370)
{
    static const struct {
        unsigned code;
        const char *name;
        enum s370_format format;
    } table[] = {
#define ENTRY(code, name, format, flags) {code, #name, S370_FMT_##format},
        S370_OPCODES(ENTRY)
#undef ENTRY
    };
    char source[16384] = "ROUND    START 0\n";
    uint8_t want[2048];
    size_t at = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        uint8_t inst[6];
        int length = sample_instruction(table[i].code, table[i].format, inst);
        struct s370_disasm d;
        s370_disassemble(inst, &d);
        ck_assert_msg(d.valid && strcmp(d.mnemonic, table[i].name) == 0, "%04X: %s", table[i].code, d.mnemonic);
        ck_assert_int_eq(d.length, length);
        /* IPK and PTLB have no operands: Hercules shows ","; the assembler wants nothing */
        size_t n = strlen(source);
        snprintf(source + n, sizeof source - n, "         %-5s %s\n", d.mnemonic,
                 strcmp(d.operands, ",") == 0 ? "" : d.operands);
        memcpy(want + at, inst, (size_t)length);
        /* the operand-less S instructions keep only their opcode; the assembler writes zeros */
        if (strcmp(d.operands, ",") == 0)
            memset(want + at + 2, 0, 2);
        at += (size_t)length;
    }
    strcat(source, "         END\n");
    struct cputest t;
    cputest_init(&t, 0, 1);
    cputest_load(&t, source);
    const uint8_t *storage = machine_storage(t.m);
    for (size_t i = 0; i < at; i++)
        ck_assert_msg(storage[i] == want[i], "byte %zu: %02X, want %02X", i, storage[i], want[i]);
    cputest_free(&t);
}
END_TEST

Suite *suite_cpu_disasm(void)
{
    Suite *s = suite_create("cpu_disasm");
    TCase *c = tcase_create("disasm");
    tcase_add_test(c, test_every_layout_as_hercules_shows_it);
    tcase_add_test(c, test_s370_names_and_srp_length);
    tcase_add_test(c, test_second_bytes_and_invalid_opcodes);
    tcase_add_test(c, test_round_trip_through_asm370);
    suite_add_tcase(s, c);
    return s;
}
