/*
 * objmod.h - the assembled module as the output writers see it: external symbols (ESD), the text of
 * each control section, relocation items (RLD) and the entry point.  The assembler fills one in; the
 * writers turn it into an object deck, a flat binary, an IPL card deck or IPL text.
 *
 * Addresses are assembly addresses: the first control section starts at the START value (or 0) and
 * each further section at the next doubleword after the previous one, as HLASM assigns them.
 */
#ifndef ASM370_OBJMOD_H
#define ASM370_OBJMOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tools/asm370/diag.h"

/* ESD item types as punched in the ESD card (GC26-4941 / OS/VS linkage editor formats). */
enum obj_esd_type {
    OBJ_SD = 0x00, /* control section (CSECT, START) */
    OBJ_LD = 0x01, /* label definition (ENTRY) */
    OBJ_ER = 0x02, /* external reference (EXTRN, V-con) */
    OBJ_PC = 0x04, /* private code: unnamed control section */
    OBJ_CM = 0x05, /* common (COM) */
    OBJ_WX = 0x0A, /* weak external reference (WXTRN) */
};

struct obj_esd {
    char name[9];        /* upper case, blank-free, NUL-terminated; "" for private code */
    enum obj_esd_type type;
    int esdid;           /* 1-based ESDID; LD items have none of their own (0) */
    uint32_t address;    /* SD/PC/CM: assembled start; LD: the label's address */
    uint32_t length;     /* SD/PC/CM: section length */
    int owner;           /* LD: ESDID of the section holding the label */
};

/* One section's text.  Bytes not covered by DC/instructions (DS, ORG gaps) are not "defined" and are
   not punched in TXT cards; in a flat binary they are zero. */
struct obj_section {
    int esdid;
    uint32_t address; /* assembled start address */
    uint32_t length;
    uint8_t *bytes;   /* length bytes */
    uint8_t *defined; /* length flags, non-zero where bytes[i] was assembled */
};

/* Relocation item: the adcon at `address` (inside section `position`) holds an address in `relocation`
   (a section, or an ER/WX item for external references); at load time add (or subtract) that item's
   relocation.  V-cons are flagged so a linker resolves them by name. */
struct obj_rld {
    int relocation; /* R pointer: ESDID of the symbol the value refers to */
    int position;   /* P pointer: ESDID of the section containing the adcon */
    uint32_t address;
    int length;     /* 1 to 4 bytes */
    bool negative;  /* the relocation is subtracted */
    bool vcon;      /* branch-type (V) constant */
};

struct obj_module {
    struct obj_esd *esds;
    size_t nesds;
    struct obj_section *sections;
    size_t nsections;
    struct obj_rld *rlds;
    size_t nrlds;
    bool has_entry;
    int entry_esdid;      /* section of the END operand */
    uint32_t entry;       /* its assembled address */
    char deck_id[9];      /* columns 73-80 prefix: the first section name, or "ASM370" */
};

/*
 * Writers.  Each returns true on success; on failure it records an error (with file name) in diags.
 *
 * obj_write_deck:   80-column EBCDIC object deck: ESD, TXT (56 bytes of text a card), RLD, END;
 *                   columns 73-80 carry the deck id and a sequence number.
 * obj_write_binary: the flat image of all SD/PC sections from the lowest to the highest address, loaded
 *                   at `origin` (relocatable adcons adjusted by origin minus the lowest address);
 *                   unresolved external references are errors, weak ones resolve to zero.
 * obj_write_ipl_deck: an IPL card deck that loads the flat image at `origin` and starts it at the entry
 *                   point (see objimage.c for the card layout).
 * obj_write_ipltext: IPL text for a CKD volume's IPL records (see objimage.c).
 */
bool obj_write_deck(FILE *out, const struct obj_module *m, const char *path, struct diag_list *diags);
bool obj_write_binary(FILE *out, const struct obj_module *m, uint32_t origin, const char *path,
                      struct diag_list *diags);
bool obj_write_ipl_deck(FILE *out, const struct obj_module *m, uint32_t origin, const char *path,
                        struct diag_list *diags);
bool obj_write_ipltext(FILE *out, const struct obj_module *m, uint32_t origin, const char *path,
                       struct diag_list *diags);

/*
 * The loaded image: all SD/PC sections laid out at `origin` and relocated.  Shared by the flat binary
 * and the IPL writers.  *image is malloc'ed, *size its length; *entry the relocated entry address.
 */
bool obj_build_image(const struct obj_module *m, uint32_t origin, uint8_t **image, uint32_t *size,
                     uint32_t *entry, const char *path, struct diag_list *diags);

void obj_module_free(struct obj_module *m);

#endif
