/*
 * logical.c - logical and character instructions (GA22-7000, "General Instructions"): characters under
 * mask, NI/OI/XI, TS/CS/CDS interlocked against other CPUs, the SS moves and connectives, TR/TRT, and
 * the interruptible MVCL and CLCL.  The register and word connectives, logical compares, IC/STC, TM,
 * MVI and CLI are in inline_ops.h (the decoded loop runs them in line).
 */
#include "cpu370/inline_ops.h"

#define BLOCK 2048u

static inline uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* Bytes from address to the end of its 2K block (the unit of protection and of translation). */
static inline uint32_t bytes_to_block_end(uint32_t address)
{
    return BLOCK - (address & (BLOCK - 1));
}

static inline uint8_t *host_address(struct cpu *c, uint32_t address, enum access access)
{
    return c->m->storage + translate(c, address & 0xFFFFFF, access, c->psw.key);
}

/* The host address of length bytes (inside one 2K block) the instruction is about to store. */
static inline uint8_t *store_address(struct cpu *c, uint32_t address, uint32_t length)
{
    uint32_t absolute = translate(c, address & 0xFFFFFF, ACCESS_STORE, c->psw.key);
    note_code_store(c, absolute, length);
    return c->m->storage + absolute;
}

/* The host address of a part of an operand: fetched, or stored (store_address). */
static inline uint8_t *part_address(struct cpu *c, uint32_t address, uint32_t length, enum access access)
{
    return access == ACCESS_STORE ? store_address(c, address, length) : host_address(c, address, access);
}

static inline void note_alteration(struct cpu *c, uint32_t address, uint32_t length)
{
    if (per_active(c))
        per_storage_alteration(c, address, length);
}

/* ---- characters under mask ---------------------------------------------------------------------- */

/* Mask bit 8 >> i selects byte i of the register; the selected bytes are contiguous in storage. */
static unsigned selected_bytes(uint32_t v, unsigned mask, uint8_t out[4])
{
    unsigned n = 0;
    for (unsigned i = 0; i < 4; i++)
        if (mask & (8u >> i))
            out[n++] = (uint8_t)(v >> (24 - 8 * i));
    return n;
}

/* ICM and CLM with a zero mask still access one byte (GA22-7000, "Recognition of access
   exceptions"); STCM with a zero mask accesses none. */
void op_ICM(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), mask = field_r2(inst);
    uint32_t address = address_b2d2(c, inst);
    uint8_t bytes[4];
    if (mask == 0) {
        fetch1(c, address);
        c->psw.cc = 0;
        return;
    }
    unsigned n = (unsigned)__builtin_popcount(mask);
    fetch_bytes(c, address, bytes, n, c->psw.key);
    uint32_t v = c->gr[r1];
    for (unsigned i = 0, k = 0; i < 4; i++) {
        unsigned shift = 24 - 8 * i;
        if (mask & (8u >> i))
            v = (v & ~(0xFFu << shift)) | (uint32_t)bytes[k++] << shift;
    }
    c->gr[r1] = v;
    /* cc 0: all inserted bits zero; 1: the leftmost inserted bit is one; 2: otherwise */
    bool zero = true;
    for (unsigned k = 0; k < n; k++)
        zero = zero && bytes[k] == 0;
    c->psw.cc = zero ? 0 : (bytes[0] & 0x80) ? 1 : 2;
}

void op_STCM(struct cpu *c, const struct insn *inst)
{
    uint8_t bytes[4];
    unsigned n = selected_bytes(c->gr[field_r1(inst)], field_r2(inst), bytes);
    if (n)
        store_bytes(c, address_b2d2(c, inst), bytes, n, c->psw.key);
}

void op_CLM(struct cpu *c, const struct insn *inst)
{
    uint32_t address = address_b2d2(c, inst);
    uint8_t first[4], second[4];
    unsigned n = selected_bytes(c->gr[field_r1(inst)], field_r2(inst), first);
    if (n == 0) {
        fetch1(c, address);
        c->psw.cc = 0;
        return;
    }
    fetch_bytes(c, address, second, n, c->psw.key);
    c->psw.cc = cc_compare(memcmp(first, second, n));
}

/* ---- storage immediate -------------------------------------------------------------------------- */

/* NI, OI, XI: fetch and store the byte through one translation. */
static uint8_t *byte_to_update(struct cpu *c, const struct insn *inst)
{
    uint32_t address = address_b2d2(c, inst);
    uint8_t *p = store_address(c, address, 1);
    note_alteration(c, address, 1);
    return p;
}

void op_NI(struct cpu *c, const struct insn *inst)
{
    uint8_t *p = byte_to_update(c, inst);
    *p &= inst->imm;
    c->psw.cc = *p != 0;
}

void op_OI(struct cpu *c, const struct insn *inst)
{
    uint8_t *p = byte_to_update(c, inst);
    *p |= inst->imm;
    c->psw.cc = *p != 0;
}

void op_XI(struct cpu *c, const struct insn *inst)
{
    uint8_t *p = byte_to_update(c, inst);
    *p ^= inst->imm;
    c->psw.cc = *p != 0;
}

/* ---- interlocked update ------------------------------------------------------------------------- */

/*
 * TS, CS and CDS are interlocked against the other CPUs, which run on other host threads: the
 * operand (aligned, so inside one block) is updated with a host atomic operation on its bytes.
 * The operand is a store-type operand whatever the outcome, so store protection is checked (and
 * the change bit set) before the comparison; PER storage alteration is noted only when it stores.
 */
void op_TS(struct cpu *c, const struct insn *inst)
{
    uint32_t address = address_b2d2(c, inst);
    uint8_t *p = store_address(c, address, 1);
    note_alteration(c, address, 1);
    c->psw.cc = __atomic_exchange_n(p, 0xFF, __ATOMIC_SEQ_CST) >> 7;
}

/* A register value in storage byte order, and back. */
static inline uint32_t storage_order32(uint32_t v)
{
    uint8_t b[4];
    uint32_t r;
    put_be32(b, v);
    memcpy(&r, b, 4);
    return r;
}

static inline uint64_t storage_order64(uint64_t v)
{
    uint8_t b[8];
    uint64_t r;
    put_be64(b, v);
    memcpy(&r, b, 8);
    return r;
}

/* COMPARE AND SWAP: R1 equal to the word: R3 is stored, cc 0; unequal: the word goes to R1, cc 1. */
void op_CS(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), r3 = field_r2(inst);
    uint32_t address = address_b2d2(c, inst);
    require_alignment(c, address, 4);
    uint32_t *p = (uint32_t *)store_address(c, address, 4);
    uint32_t expected = storage_order32(c->gr[r1]);
    if (__atomic_compare_exchange_n(p, &expected, storage_order32(c->gr[r3]), false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST)) {
        note_alteration(c, address, 4);
        c->psw.cc = 0;
    } else {
        c->gr[r1] = storage_order32(expected);
        c->psw.cc = 1;
    }
}

/* COMPARE DOUBLE AND SWAP: the same with the even-odd pairs R1 and R3 and a doubleword. */
void op_CDS(struct cpu *c, const struct insn *inst)
{
    unsigned r1 = field_r1(inst), r3 = field_r2(inst);
    uint32_t address = address_b2d2(c, inst);
    if ((r1 | r3) & 1)
        program_check(c, PGM_SPECIFICATION);
    require_alignment(c, address, 8);
    uint64_t *p = (uint64_t *)store_address(c, address, 8);
    uint64_t expected = storage_order64((uint64_t)c->gr[r1] << 32 | c->gr[r1 + 1]);
    uint64_t replacement = storage_order64((uint64_t)c->gr[r3] << 32 | c->gr[r3 + 1]);
    if (__atomic_compare_exchange_n(p, &expected, replacement, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        note_alteration(c, address, 8);
        c->psw.cc = 0;
    } else {
        uint64_t found = storage_order64(expected);
        c->gr[r1] = (uint32_t)(found >> 32);
        c->gr[r1 + 1] = (uint32_t)found;
        c->psw.cc = 1;
    }
}

/* ---- storage to storage (at most 256 bytes) ----------------------------------------------------- */

/* An SS operand lies in one or two 2K blocks; both are translated (and checked) before anything is
   stored.  When the two parts are adjacent in host storage the operand is one host string. */
struct short_operand {
    uint8_t *part[2];
    uint32_t split; /* the number of bytes in the first block */
    bool contiguous;
};

static void map_short_operand(struct cpu *c, uint32_t address, uint32_t length, enum access access,
                              struct short_operand *o)
{
    o->split = min_u32(length, bytes_to_block_end(address));
    o->part[0] = part_address(c, address, o->split, access);
    o->part[1] = o->part[0] + o->split;
    if (o->split < length)
        o->part[1] = part_address(c, address + o->split, length - o->split, access);
    o->contiguous = o->part[1] == o->part[0] + o->split;
}

static inline uint8_t *operand_byte(const struct short_operand *o, uint32_t i)
{
    return i < o->split ? o->part[0] + i : o->part[1] + (i - o->split);
}

enum byte_operation { MOVE_BYTES, AND_BYTES, OR_BYTES, XOR_BYTES, MOVE_NUMERICS, MOVE_ZONES };

static inline uint8_t combine(enum byte_operation op, uint8_t first, uint8_t second)
{
    switch (op) {
    case AND_BYTES:
        return first & second;
    case OR_BYTES:
        return first | second;
    case XOR_BYTES:
        return first ^ second;
    case MOVE_NUMERICS:
        return (first & 0xF0) | (second & 0x0F);
    case MOVE_ZONES:
        return (first & 0x0F) | (second & 0xF0);
    default:
        return second;
    }
}

/*
 * The SS moves and connectives are defined byte by byte, left to right, each result byte stored
 * before the next bytes are fetched: so MVC X+1(255),X propagates X through the field.  A forward
 * byte loop on host storage gives exactly that for any overlap; a move whose destination does not
 * start inside its source is a plain memmove.  Returns whether any result byte is nonzero.
 */
static inline bool storage_to_storage(struct cpu *c, const struct insn *inst, enum byte_operation op)
{
    uint32_t length = inst->imm + 1u, address = address_b2d2(c, inst);
    struct short_operand first, second;
    map_short_operand(c, address_ss2(c, inst), length, ACCESS_FETCH, &second);
    map_short_operand(c, address, length, ACCESS_STORE, &first);
    note_alteration(c, address, length);
    uint8_t nonzero = 0;
    if (first.contiguous && second.contiguous) {
        uint8_t *d = first.part[0];
        const uint8_t *s = second.part[0];
        if (op == MOVE_BYTES && !(d > s && d < s + length)) {
            memmove(d, s, length);
            return true;
        }
        for (uint32_t i = 0; i < length; i++)
            nonzero |= d[i] = combine(op, d[i], s[i]);
        return nonzero != 0;
    }
    for (uint32_t i = 0; i < length; i++) {
        uint8_t *d = operand_byte(&first, i);
        nonzero |= *d = combine(op, *d, *operand_byte(&second, i));
    }
    return nonzero != 0;
}

void op_MVC(struct cpu *c, const struct insn *inst)
{
    storage_to_storage(c, inst, MOVE_BYTES);
}

void op_MVN(struct cpu *c, const struct insn *inst)
{
    storage_to_storage(c, inst, MOVE_NUMERICS);
}

void op_MVZ(struct cpu *c, const struct insn *inst)
{
    storage_to_storage(c, inst, MOVE_ZONES);
}

void op_NC(struct cpu *c, const struct insn *inst)
{
    c->psw.cc = storage_to_storage(c, inst, AND_BYTES);
}

void op_OC(struct cpu *c, const struct insn *inst)
{
    c->psw.cc = storage_to_storage(c, inst, OR_BYTES);
}

void op_XC(struct cpu *c, const struct insn *inst)
{
    c->psw.cc = storage_to_storage(c, inst, XOR_BYTES);
}

void op_CLC(struct cpu *c, const struct insn *inst)
{
    uint32_t length = inst->imm + 1u;
    struct short_operand first, second;
    map_short_operand(c, address_b2d2(c, inst), length, ACCESS_FETCH, &first);
    map_short_operand(c, address_ss2(c, inst), length, ACCESS_FETCH, &second);
    if (first.contiguous && second.contiguous) {
        c->psw.cc = cc_compare(memcmp(first.part[0], second.part[0], length));
        return;
    }
    int difference = 0;
    for (uint32_t i = 0; i < length && difference == 0; i++)
        difference = *operand_byte(&first, i) - *operand_byte(&second, i);
    c->psw.cc = cc_compare(difference);
}

/* ---- translate ---------------------------------------------------------------------------------- */

/* The 256-byte table of TR and TRT, translated one 2K part at a time when a byte in that part is
   first needed: access exceptions are recognized only for the table bytes actually used. */
struct table {
    uint32_t address;
    uint32_t split; /* the arguments below split are in the first part */
    const uint8_t *part[2];
};

static void table_init(struct table *t, uint32_t address)
{
    t->address = address;
    t->split = min_u32(256, bytes_to_block_end(address));
    t->part[0] = t->part[1] = NULL;
}

static inline uint8_t table_lookup(struct cpu *c, struct table *t, uint8_t argument)
{
    unsigned k = argument >= t->split;
    uint32_t offset = k ? t->split : 0;
    if (!t->part[k])
        t->part[k] = host_address(c, t->address + offset, ACCESS_FETCH);
    return t->part[k][argument - offset];
}

/* TRANSLATE: each first-operand byte is replaced by the table byte it selects, left to right.  A
   table crossing a 2K boundary is checked for every part the arguments need before any store. */
void op_TR(struct cpu *c, const struct insn *inst)
{
    uint32_t length = inst->imm + 1u, address = address_b2d2(c, inst);
    struct short_operand first;
    struct table table;
    map_short_operand(c, address, length, ACCESS_STORE, &first);
    table_init(&table, address_ss2(c, inst));
    if (table.split < 256)
        for (uint32_t i = 0; i < length; i++)
            table_lookup(c, &table, *operand_byte(&first, i));
    note_alteration(c, address, length);
    for (uint32_t i = 0; i < length; i++) {
        uint8_t *p = operand_byte(&first, i);
        *p = table_lookup(c, &table, *p);
    }
}

/*
 * TRANSLATE AND TEST: the first nonzero table byte stops the scan: its address goes to bits 8-31 of
 * general register 1, the table byte to bits 24-31 of general register 2; cc 1, or 2 if it was the
 * last argument byte; cc 0 (registers unchanged) when every table byte is zero.  First-operand
 * bytes after the stop are not accessed.
 */
void op_TRT(struct cpu *c, const struct insn *inst)
{
    uint32_t length = inst->imm + 1u, address = address_b2d2(c, inst);
    struct table table;
    table_init(&table, address_ss2(c, inst));
    for (uint32_t i = 0; i < length;) {
        uint32_t at = (address + i) & 0xFFFFFF;
        uint32_t n = min_u32(length - i, bytes_to_block_end(at));
        const uint8_t *p = host_address(c, at, ACCESS_FETCH);
        for (uint32_t k = 0; k < n; k++) {
            uint8_t function = table_lookup(c, &table, p[k]);
            if (function) {
                c->gr[1] = (c->gr[1] & 0xFF000000u) | ((at + k) & 0xFFFFFF);
                c->gr[2] = (c->gr[2] & 0xFFFFFF00u) | function;
                c->psw.cc = i + k == length - 1 ? 2 : 1;
                return;
            }
        }
        i += n;
    }
    c->psw.cc = 0;
}

/* ---- MOVE LONG and COMPARE LOGICAL LONG --------------------------------------------------------- */

/*
 * Both take even-odd pairs R1 and R2 (odd: specification exception): 24-bit address in the even
 * register, 24-bit length in the odd one, and the padding byte in bits 0-7 of R2 + 1.  They are
 * interruptible: the work is done in units that end at a 2K boundary of either operand, the
 * registers are brought up to date after every unit (so an access exception also leaves them
 * showing the progress), and when an interruption is pending and work remains the instruction
 * stops with the PSW pointing at it, to resume where it left off.  Bits 0-7 of R1 and R2 become
 * zero; bits 0-7 of R1 + 1 and R2 + 1 are kept.
 */
struct long_operands {
    unsigned r1, r2;
    uint32_t address1, length1, address2, length2;
    uint8_t pad;
};

static void load_long_operands(struct cpu *c, const struct insn *inst, struct long_operands *o)
{
    o->r1 = field_r1(inst);
    o->r2 = field_r2(inst);
    if ((o->r1 | o->r2) & 1)
        program_check(c, PGM_SPECIFICATION);
    o->address1 = c->gr[o->r1] & 0xFFFFFF;
    o->length1 = c->gr[o->r1 + 1] & 0xFFFFFF;
    o->address2 = c->gr[o->r2] & 0xFFFFFF;
    o->length2 = c->gr[o->r2 + 1] & 0xFFFFFF;
    o->pad = (uint8_t)(c->gr[o->r2 + 1] >> 24);
}

static void store_long_operands(struct cpu *c, const struct long_operands *o)
{
    c->gr[o->r2] = o->address2;
    c->gr[o->r2 + 1] = (uint32_t)o->pad << 24 | o->length2;
    c->gr[o->r1] = o->address1;
    c->gr[o->r1 + 1] = (c->gr[o->r1 + 1] & 0xFF000000u) | o->length1;
}

static void advance_long_operands(struct long_operands *o, uint32_t n)
{
    if (o->length1) {
        o->address1 = (o->address1 + n) & 0xFFFFFF;
        o->length1 -= n;
    }
    if (o->length2) {
        o->address2 = (o->address2 + n) & 0xFFFFFF;
        o->length2 -= n;
    }
}

/* After a unit: true (and the PSW set back to the instruction) if it must stop for an interruption the
   CPU would take now, or a request; a condition it is disabled for stays pending without cutting the
   instruction into units. */
static bool interrupted_after_unit(struct cpu *c, const struct long_operands *o, bool work_remains)
{
    store_long_operands(c, o);
    uint32_t pending = atomic_load_explicit(&c->pending, memory_order_relaxed);
    if (work_remains && pending && cpu_needs_attention(c, pending)) {
        c->psw.ia = instruction_address(c);
        return true;
    }
    return false;
}

/* Length of the next unit: to the nearest 2K boundary of an operand still in use. */
static uint32_t unit_length(const struct long_operands *o)
{
    uint32_t n = UINT32_MAX;
    if (o->length1)
        n = min_u32(o->length1, bytes_to_block_end(o->address1));
    if (o->length2)
        n = min_u32(n, min_u32(o->length2, bytes_to_block_end(o->address2)));
    return n;
}

/*
 * MOVE LONG: cc from the lengths (0 equal, 1 first shorter, 2 first longer), then the second operand
 * followed by padding fills the first.  Destructive overlap - the first operand starts on a
 * second-operand byte that takes part, other than its first (addresses taken modulo 2**24) - sets
 * cc 3 and moves nothing.
 */
void op_MVCL(struct cpu *c, const struct insn *inst)
{
    struct long_operands o;
    load_long_operands(c, inst, &o);
    uint32_t distance = (o.address1 - o.address2) & 0xFFFFFF;
    if (distance != 0 && distance < min_u32(o.length1, o.length2)) {
        c->psw.cc = 3;
        return;
    }
    c->psw.cc = o.length1 == o.length2 ? 0 : o.length1 < o.length2 ? 1 : 2;
    while (o.length1) {
        uint32_t n = unit_length(&o);
        const uint8_t *source = o.length2 ? host_address(c, o.address2, ACCESS_FETCH) : NULL;
        uint8_t *target = store_address(c, o.address1, n);
        note_alteration(c, o.address1, n);
        if (source)
            memmove(target, source, n);
        else
            memset(target, o.pad, n);
        advance_long_operands(&o, n);
        if (interrupted_after_unit(c, &o, o.length1 != 0))
            return;
    }
    store_long_operands(c, &o);
}

/* The first position in the unit where the operands differ (a finished operand reads as padding),
   or n if none. */
static uint32_t first_difference(const uint8_t *first, const uint8_t *second, uint8_t pad, uint32_t n)
{
    if (first && second && memcmp(first, second, n) == 0)
        return n;
    uint32_t i = 0;
    while (i < n && (first ? first[i] : pad) == (second ? second[i] : pad))
        i++;
    return i;
}

/*
 * COMPARE LOGICAL LONG: the operands, the shorter extended with padding, are compared left to right
 * up to the first unequal byte: cc 0 equal (or both lengths zero), 1 first low, 2 first high.  On
 * inequality the registers address the unequal bytes (a finished operand keeps length zero).
 */
void op_CLCL(struct cpu *c, const struct insn *inst)
{
    struct long_operands o;
    load_long_operands(c, inst, &o);
    uint8_t cc = 0;
    while (o.length1 || o.length2) {
        uint32_t n = unit_length(&o);
        const uint8_t *first = o.length1 ? host_address(c, o.address1, ACCESS_FETCH) : NULL;
        const uint8_t *second = o.length2 ? host_address(c, o.address2, ACCESS_FETCH) : NULL;
        uint32_t equal = first_difference(first, second, o.pad, n);
        advance_long_operands(&o, equal);
        if (equal < n) {
            cc = (first ? first[equal] : o.pad) < (second ? second[equal] : o.pad) ? 1 : 2;
            break;
        }
        if (interrupted_after_unit(c, &o, o.length1 || o.length2))
            return;
    }
    store_long_operands(c, &o);
    c->psw.cc = cc;
}
