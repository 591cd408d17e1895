/*
 * cputest.c - assemble-load-run helpers for CPU tests (see cputest.h).
 */
#include "tests/unit/cpu370/cputest.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm.h"

static void put_psw(uint8_t *p, uint8_t byte0, uint8_t byte1, uint32_t address)
{
    memset(p, 0, 8);
    p[0] = byte0;
    p[1] = byte1;
    p[5] = (uint8_t)(address >> 16);
    p[6] = (uint8_t)(address >> 8);
    p[7] = (uint8_t)address;
}

void cputest_init(struct cputest *t, uint32_t storage, int ncpus)
{
    memset(t, 0, sizeof *t);
    struct machine_config config = {
        .storage_size = storage ? storage : 1u << 20,
        .ncpus = ncpus,
        .cpu_serial = 0x012345,
        .cpu_model = 0x3158,
    };
    t->m = machine_create(&config);
    ck_assert_msg(t->m != NULL, "machine_create failed");
    t->c = machine_cpu(t->m, 0);
    uint8_t *s = machine_storage(t->m);
    static const struct {
        uint32_t location, marker;
    } new_psws[] = {
        {0x00, CPUTEST_RESTART}, {0x58, CPUTEST_EXTERNAL}, {0x60, CPUTEST_SVC},
        {0x68, CPUTEST_PROGRAM}, {0x70, CPUTEST_MCHECK},   {0x78, CPUTEST_IO},
    };
    for (size_t i = 0; i < sizeof new_psws / sizeof new_psws[0]; i++)
        put_psw(s + new_psws[i].location, 0x00, 0x02, new_psws[i].marker);
    put_psw(s + CPUTEST_DONE_PSW, 0x00, 0x02, CPUTEST_DONE);
}

void cputest_free(struct cputest *t)
{
    machine_destroy(t->m);
    t->m = NULL;
}

uint32_t cputest_load(struct cputest *t, const char *source)
{
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    bool ok = asm_assemble_string(a, "cputest.asm", source);
    const struct diag_list *diags = asm_diagnostics(a);
    t->diags[0] = '\0';
    for (size_t i = 0, used = 0; i < diags->count && used + 1 < sizeof t->diags; i++) {
        char line[512];
        diag_format(&diags->items[i], line, sizeof line);
        used += (size_t)snprintf(t->diags + used, sizeof t->diags - used, "%s\n", line);
    }
    ck_assert_msg(ok, "test program does not assemble:\n%s\n%s", t->diags, source);
    const struct obj_module *m = asm_module(a);
    uint32_t low = m->nsections ? m->sections[0].address : 0;
    for (size_t i = 1; i < m->nsections; i++)
        if (m->sections[i].address < low)
            low = m->sections[i].address;
    uint8_t *image = NULL;
    uint32_t size = 0, entry = 0;
    struct diag_list image_diags = {0};
    ck_assert_msg(obj_build_image(m, low, &image, &size, &entry, "cputest", &image_diags), "cannot build the image");
    /* bytes the program does not define (DS) must not overwrite low core set up by the harness */
    for (size_t i = 0; i < m->nsections; i++) {
        const struct obj_section *sec = &m->sections[i];
        for (uint32_t k = 0; k < sec->length; k++)
            if (sec->defined[k])
                ck_assert(machine_load(t->m, sec->address + k, image + (sec->address - low) + k, 1));
    }
    free(image);
    diag_free(&image_diags);
    asm_free(a);
    return entry;
}

enum cpu_stop_reason cputest_run_at(struct cputest *t, uint32_t address, uint16_t psw_high, uint64_t limit)
{
    uint8_t psw[8];
    put_psw(psw, (uint8_t)(psw_high >> 8), (uint8_t)psw_high, address);
    cpu_set_psw(t->c, psw);
    cpu_start(t->c);
    t->reason = cpu_run(t->c, limit);
    return t->reason;
}

enum cpu_stop_reason cputest_run_body(struct cputest *t, const char *body)
{
    size_t n = strlen(body) + 128;
    char *source = malloc(n);
    snprintf(source, n, "CPUTEST  START X'%X'\n%s         LPSW  X'%X'\n         END   CPUTEST\n", CPUTEST_ORIGIN, body,
             CPUTEST_DONE_PSW);
    uint32_t entry = cputest_load(t, source);
    free(source);
    return cputest_run_at(t, entry, 0x0000, 1000000);
}

uint32_t cputest_final_address(struct cputest *t)
{
    return cpu_psw(t->c)->ia;
}

static const uint8_t *program_old_psw(struct cputest *t)
{
    return machine_storage(t->m) + cpu_prefix(t->c) + 0x28;
}

uint16_t cputest_program_code(struct cputest *t)
{
    const uint8_t *old = program_old_psw(t);
    const uint8_t *low = machine_storage(t->m) + cpu_prefix(t->c);
    if (old[1] & 0x08)
        return (uint16_t)(low[0x8E] << 8 | low[0x8F]);
    return (uint16_t)(old[2] << 8 | old[3]);
}

uint32_t cputest_program_old_address(struct cputest *t)
{
    const uint8_t *old = program_old_psw(t);
    return (uint32_t)old[5] << 16 | (uint32_t)old[6] << 8 | old[7];
}

uint8_t cputest_program_ilc(struct cputest *t)
{
    const uint8_t *old = program_old_psw(t);
    const uint8_t *low = machine_storage(t->m) + cpu_prefix(t->c);
    return (old[1] & 0x08) ? (uint8_t)((low[0x8D] >> 1) & 3) : (uint8_t)(old[4] >> 6);
}

uint8_t cputest_program_cc(struct cputest *t)
{
    const uint8_t *old = program_old_psw(t);
    return (old[1] & 0x08) ? (uint8_t)((old[2] >> 4) & 3) : (uint8_t)((old[4] >> 4) & 3);
}

uint32_t cputest_word(struct cputest *t, uint32_t address)
{
    const uint8_t *p = machine_storage(t->m) + address;
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint64_t cputest_doubleword(struct cputest *t, uint32_t address)
{
    return (uint64_t)cputest_word(t, address) << 32 | cputest_word(t, address + 4);
}

void cputest_set_word(struct cputest *t, uint32_t address, uint32_t value)
{
    uint8_t *p = machine_storage(t->m) + address;
    p[0] = (uint8_t)(value >> 24);
    p[1] = (uint8_t)(value >> 16);
    p[2] = (uint8_t)(value >> 8);
    p[3] = (uint8_t)value;
}

static const char *stop_name(enum cpu_stop_reason r)
{
    static const char *const names[] = {"instruction limit", "disabled wait", "stopped", "check stop",
                                        "enabled wait"};
    return names[r];
}

void cputest_expect_done_at(const char *file, int line, struct cputest *t)
{
    uint32_t ia = cputest_final_address(t);
    ck_assert_msg(t->reason == STOP_DISABLED_WAIT && ia == CPUTEST_DONE,
                  "%s:%d: program did not complete: %s at X'%06X'%s (program code X'%04X' at X'%06X')", file, line,
                  stop_name(t->reason), ia, ia == CPUTEST_PROGRAM ? " = program interruption" : "",
                  cputest_program_code(t), cputest_program_old_address(t));
}

void cputest_expect_program_at(const char *file, int line, struct cputest *t, uint16_t code)
{
    uint32_t ia = cputest_final_address(t);
    ck_assert_msg(t->reason == STOP_DISABLED_WAIT && ia == CPUTEST_PROGRAM,
                  "%s:%d: expected program interruption X'%04X', but: %s at X'%06X'", file, line, code,
                  stop_name(t->reason), ia);
    ck_assert_msg(cputest_program_code(t) == code, "%s:%d: program interruption code X'%04X', expected X'%04X'", file,
                  line, cputest_program_code(t), code);
}
