/*
 * dasd_geometry.h - the one table of DASD models: CKD geometry (cylinders, heads, R1 maximum, the
 * track size a Hercules image file gives each track, device type byte, control unit) and each model's
 * track capacity formula; FBA block counts.  Used by the image files, dasd370 and the DASD handlers.
 * It knows nothing of files or channel programs.
 */
#ifndef S370_DASD_GEOMETRY_H
#define S370_DASD_GEOMETRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of the fixed parts of a track image (FORMATS.md 3.1). */
enum {
    CKD_HA_SIZE = 5,       /* home address: bin(1) CC(2) HH(2) */
    CKD_COUNT_SIZE = 8,    /* count field: CC(2) HH(2) R(1) KL(1) DL(2) */
    CKD_R0_DATA_SIZE = 8,  /* standard R0: KL 0, DL 8 */
    CKD_END_SIZE = 8,      /* end of track: eight X'FF' */
};

/*
 * How a model counts the bytes a record takes on a real track (the track capacity formulas of the
 * device reference manuals, with the factors Hercules' dasdtab.c also uses):
 *   TOLERANCE (2311, 2314): a record that is not last takes f2 + (KL+DL)*f3/f4 (+f1 if keyed), the
 *       last one KL+DL (+f1 if keyed): the tolerance factor f3/f4 covers speed variations.
 *   GAPS (2305, 3330, 3340, 3350): every record takes KL+DL+f2 (+f1 if keyed).
 *   CELLS (3375, 3380): f1-byte cells: ceil((DL+f2)/f1) for the data, ceil((KL+f3)/f1) for a key.
 *   CELLS_ECC (3390): f1-byte cells with f4 bytes of ECC per 2*f5 data bytes; f2/f3 fixed cells
 *       for the count/data and the key areas, f6 bytes of pad.
 */
enum ckd_capacity_formula { CAPACITY_TOLERANCE, CAPACITY_GAPS, CAPACITY_CELLS, CAPACITY_CELLS_ECC };

struct ckd_geometry {
    const char *name;          /* "3330-11" */
    uint16_t type;             /* 0x3330 */
    uint8_t model;             /* model byte for sense ID / read device characteristics */
    uint32_t cylinders;        /* primary cylinders */
    uint32_t alt_cylinders;    /* alternate cylinders */
    uint32_t heads;            /* tracks per cylinder */
    uint32_t r1_max;           /* largest data length of an unkeyed R1 alone on a track */
    uint32_t track_capacity;   /* bytes the capacity formula allows for R1..Rn */
    uint16_t cu_type;          /* default control unit: 0x2841, 0x2314, 0x3830, 0x3880, 0x3990 */
    enum ckd_capacity_formula formula;
    uint16_t f1, f2, f3, f4, f5, f6;
};

struct fba_geometry {
    const char *name;          /* "3370" */
    uint16_t type;
    uint8_t model;
    uint32_t blocks;           /* 512-byte blocks of the model */
    uint32_t blocks_per_cyclic_group, blocks_per_access_position;
    uint16_t cu_type;
};

/* A model by name ("3330", "3330-11", "3380-K", case-insensitive); NULL if unknown. */
const struct ckd_geometry *ckd_geometry_find(const char *name);
/* The base model of a device type byte from an image header (0x30 -> 3330); NULL if unknown. */
const struct ckd_geometry *ckd_geometry_by_type_byte(uint8_t type_byte);
/* The model of a device type with at least `cylinders` (primary + alternate); NULL if none. */
const struct ckd_geometry *ckd_geometry_for_size(uint16_t type, uint32_t cylinders);
/* Iteration: the i-th model, NULL past the end. */
const struct ckd_geometry *ckd_geometry_at(size_t i);

/* The low byte of the type, as stored in an image header. */
uint8_t ckd_type_byte(const struct ckd_geometry *g);
/* Bytes a track occupies in a Hercules image file: ROUND_UP(5+8+8+8+R1+8, 512). */
uint32_t ckd_image_track_size(const struct ckd_geometry *g);

/* One record's lengths for the capacity formula. */
struct ckd_record_lengths {
    uint8_t key_length;
    uint16_t data_length;
};
/*
 * Bytes records R1..Rn with these lengths take on a real track, by the model's formula (the last
 * record counted as last).  ckd_records_fit: whether they fit on one track.
 */
uint32_t ckd_records_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r, size_t n);
bool ckd_records_fit(const struct ckd_geometry *g, const struct ckd_record_lengths *r, size_t n);

const struct fba_geometry *fba_geometry_find(const char *name);
const struct fba_geometry *fba_geometry_at(size_t i);

#endif
