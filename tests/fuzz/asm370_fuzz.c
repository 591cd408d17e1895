/*
 * asm370_fuzz.c - libFuzzer target: any bytes as an assembler source must assemble or fail with
 * messages, never crash, hang or leak; the listing and every output writer run on what assembled.
 * Built and run by `make fuzz` (clang, -fsanitize=fuzzer,address,undefined).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    struct asm_options options = {0};
    struct assembly *a = asm_new(&options);
    bool ok = asm_assemble_string(a, "fuzz.asm", text);
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        asm_write_listing(a, sink);
        if (ok) {
            struct diag_list diags = {0};
            const struct obj_module *m = asm_module(a);
            obj_write_deck(sink, m, "fuzz.obj", &diags);
            obj_write_binary(sink, m, 0x1000, "fuzz.bin", &diags);
            obj_write_ipl_deck(sink, m, 0x1000, "fuzz.deck", &diags);
            diag_free(&diags);
        }
        fclose(sink);
    }
    asm_free(a);
    free(text);
    return 0;
}
