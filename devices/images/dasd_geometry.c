/*
 * dasd_geometry.c - the DASD model table and the track capacity formulas (see dasd_geometry.h).
 * Numbers: the IBM reference manuals of each device as collected in Hercules' dasdtab.c (cylinders,
 * heads, R1 maximum, capacity factors); FBA block counts likewise.
 */
#include "devices/images/dasd_geometry.h"

#include "common/util.h"

#define ROUND_UP(n, m) (((n) + (m) - 1) / (m) * (m))

static const struct ckd_geometry ckd_models[] = {
    /* name      type   model cyls alt heads  R1     capacity cu      formula             f1   f2   f3    f4   f5  f6 */
    {"2311",    0x2311, 0x00, 200,   3, 10,  3625,  3625, 0x2841, CAPACITY_TOLERANCE, 20,  61,  537,  512,  0,  0},
    {"2314",    0x2314, 0x00, 200,   3, 20,  7294,  7294, 0x2314, CAPACITY_TOLERANCE, 45, 101, 2137, 2048,  0,  0},
    {"3330",    0x3330, 0x01, 404,   7, 19, 13030, 13165, 0x3830, CAPACITY_GAPS,      56, 135,    0,    0,  0,  0},
    {"3330-11", 0x3330, 0x11, 808,   7, 19, 13030, 13165, 0x3830, CAPACITY_GAPS,      56, 135,    0,    0,  0,  0},
    {"3340",    0x3340, 0x01, 348,   1, 12,  8368,  8535, 0x3830, CAPACITY_GAPS,      75, 167,    0,    0,  0,  0},
    {"3340-70", 0x3340, 0x02, 696,   2, 12,  8368,  8535, 0x3830, CAPACITY_GAPS,      75, 167,    0,    0,  0,  0},
    {"3350",    0x3350, 0x00, 555,   5, 30, 19069, 19254, 0x3830, CAPACITY_GAPS,      82, 185,    0,    0,  0,  0},
    {"3375",    0x3375, 0x02, 959,   3, 12, 35616, 36000, 0x3880, CAPACITY_CELLS,     32, 384,  160,    0,  0,  0},
    {"3380",    0x3380, 0x02, 885,   1, 15, 47476, 47968, 0x3880, CAPACITY_CELLS,     32, 492,  236,    0,  0,  0},
    {"3380-E",  0x3380, 0x0a, 1770,  2, 15, 47476, 47968, 0x3880, CAPACITY_CELLS,     32, 492,  236,    0,  0,  0},
    {"3380-K",  0x3380, 0x1e, 2655,  3, 15, 47476, 47968, 0x3880, CAPACITY_CELLS,     32, 492,  236,    0,  0,  0},
    {"3390",    0x3390, 0x02, 1113,  1, 15, 56664, 58786, 0x3990, CAPACITY_CELLS_ECC, 34,  19,    9,    6, 116, 6},
    {"3390-2",  0x3390, 0x06, 2226,  1, 15, 56664, 58786, 0x3990, CAPACITY_CELLS_ECC, 34,  19,    9,    6, 116, 6},
    {"3390-3",  0x3390, 0x0a, 3339,  1, 15, 56664, 58786, 0x3990, CAPACITY_CELLS_ECC, 34,  19,    9,    6, 116, 6},
    {"3390-9",  0x3390, 0x0c, 10017, 3, 15, 56664, 58786, 0x3990, CAPACITY_CELLS_ECC, 34,  19,    9,    6, 116, 6},
};

static const struct fba_geometry fba_models[] = {
    /* name   type    model blocks  per group per position cu */
    {"3310", 0x3310, 0x01, 125664, 32, 352, 0x4331},
    {"3370", 0x3370, 0x00, 558000, 62, 744, 0x3880},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

const struct ckd_geometry *ckd_geometry_at(size_t i)
{
    return i < COUNT_OF(ckd_models) ? &ckd_models[i] : NULL;
}

const struct ckd_geometry *ckd_geometry_find(const char *name)
{
    for (size_t i = 0; i < COUNT_OF(ckd_models); i++)
        if (strcasecmp_ascii(ckd_models[i].name, name) == 0)
            return &ckd_models[i];
    return NULL;
}

const struct ckd_geometry *ckd_geometry_by_type_byte(uint8_t type_byte)
{
    for (size_t i = 0; i < COUNT_OF(ckd_models); i++)
        if ((ckd_models[i].type & 0xFF) == type_byte)
            return &ckd_models[i];
    return NULL;
}

const struct ckd_geometry *ckd_geometry_for_size(uint16_t type, uint32_t cylinders)
{
    for (size_t i = 0; i < COUNT_OF(ckd_models); i++) {
        const struct ckd_geometry *g = &ckd_models[i];
        if (g->type == type && cylinders <= g->cylinders + g->alt_cylinders)
            return g;
    }
    return NULL;
}

uint8_t ckd_type_byte(const struct ckd_geometry *g)
{
    return (uint8_t)(g->type & 0xFF);
}

uint32_t ckd_image_track_size(const struct ckd_geometry *g)
{
    uint32_t bytes = CKD_HA_SIZE + CKD_COUNT_SIZE + CKD_R0_DATA_SIZE + CKD_COUNT_SIZE + g->r1_max + CKD_END_SIZE;
    return ROUND_UP(bytes, 512);
}

/* 2311/2314: a record followed by another pays the gap and the tolerance factor; the last does not. */
static uint32_t tolerance_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r, bool last)
{
    uint32_t key_overhead = r->key_length ? g->f1 : 0;
    uint32_t kd = (uint32_t)r->key_length + r->data_length;
    if (last)
        return kd + key_overhead;
    return kd * g->f3 / g->f4 + key_overhead + g->f2;
}

static uint32_t gaps_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r)
{
    return (uint32_t)r->key_length + r->data_length + g->f2 + (r->key_length ? g->f1 : 0);
}

static uint32_t cells_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r)
{
    uint32_t data = ROUND_UP(r->data_length + (uint32_t)g->f2, g->f1);
    uint32_t key = r->key_length ? ROUND_UP(r->key_length + (uint32_t)g->f3, g->f1) : 0;
    return data + key;
}

/* 3390: every 2*f5 bytes of a field (plus f6 pad) carry f4 bytes of ECC; fields fill f1-byte cells. */
static uint32_t cells_ecc_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r)
{
    uint32_t chunk = 2u * g->f5;
    uint32_t data_ecc = (r->data_length + (uint32_t)g->f6 + chunk - 1) / chunk;
    uint32_t data = (uint32_t)g->f1 * g->f2 + r->data_length + g->f6 + g->f4 * data_ecc;
    uint32_t key = 0;
    if (r->key_length) {
        uint32_t key_ecc = (r->key_length + (uint32_t)g->f6 + chunk - 1) / chunk;
        key = (uint32_t)g->f1 * g->f3 + r->key_length + g->f6 + g->f4 * key_ecc;
    }
    return ROUND_UP(data, g->f1) + ROUND_UP(key, g->f1);
}

static uint32_t record_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r, bool last)
{
    switch (g->formula) {
    case CAPACITY_TOLERANCE:
        return tolerance_space(g, r, last);
    case CAPACITY_GAPS:
        return gaps_space(g, r);
    case CAPACITY_CELLS:
        return cells_space(g, r);
    case CAPACITY_CELLS_ECC:
        return cells_ecc_space(g, r);
    }
    return UINT32_MAX;
}

uint32_t ckd_records_space(const struct ckd_geometry *g, const struct ckd_record_lengths *r, size_t n)
{
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += record_space(g, &r[i], i + 1 == n);
    return total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
}

bool ckd_records_fit(const struct ckd_geometry *g, const struct ckd_record_lengths *r, size_t n)
{
    return ckd_records_space(g, r, n) <= g->track_capacity;
}

const struct fba_geometry *fba_geometry_find(const char *name)
{
    for (size_t i = 0; i < COUNT_OF(fba_models); i++)
        if (strcasecmp_ascii(fba_models[i].name, name) == 0)
            return &fba_models[i];
    return NULL;
}

const struct fba_geometry *fba_geometry_at(size_t i)
{
    return i < COUNT_OF(fba_models) ? &fba_models[i] : NULL;
}
