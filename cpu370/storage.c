/*
 * storage.c - operand access for instructions: logical address -> (DAT) real -> (prefix) absolute,
 * with the checks GA22-7000 puts on the way, in its order: translation, low-address protection,
 * addressing, key-controlled protection; then the reference and change bits.  Operands that cross
 * a 2K boundary (a key block, and at least a 2K page) are checked in every part before anything is
 * stored, so a store that raises an exception changes nothing.
 */
#include "cpu370/cpu_int.h"

#define BLOCK 2048u

uint8_t *absolute_pointer(struct machine *m, uint32_t absolute)
{
    return m->storage + absolute;
}

uint8_t *real_pointer(struct cpu *c, uint32_t real)
{
    return c->m->storage + real_to_absolute(c, real);
}

uint8_t *real_store_pointer(struct cpu *c, uint32_t real, uint32_t length)
{
    uint32_t absolute = real_to_absolute(c, real);
    note_code_store(c, absolute, length);
    return c->m->storage + absolute;
}

/* The reference (and for a store the change) bit of the key at *key, whose value was `before`. */
ALWAYS_INLINE void note_reference(uint8_t *key, uint8_t before, enum access access)
{
    uint8_t bits = access == ACCESS_STORE ? (KEY_REFERENCE | KEY_CHANGE) : KEY_REFERENCE;
    if ((before & bits) != bits) /* other CPUs may set bits of the same key byte */
        __atomic_fetch_or(key, bits, __ATOMIC_RELAXED);
}

/* The checks after translation, on the absolute address of a logical one, in GA22-7000's order:
   low-address protection, addressing, key-controlled protection; then the reference and change
   bits.  Returns the storage key as it was before. */
ALWAYS_INLINE uint8_t check_translated(struct cpu *c, uint32_t address, uint32_t absolute, enum access access,
                                       uint8_t key)
{
    if (access == ACCESS_STORE && address < 512 && (c->cr[0] & CR0_LOW_ADDRESS_PROTECTION))
        program_check(c, PGM_PROTECTION);
    if (absolute >= c->m->size)
        program_check(c, PGM_ADDRESSING);
    uint8_t *k = key_of(c->m, absolute), before = *k;
    if (key != 0 && (before >> 4) != key && (access == ACCESS_STORE || (before & KEY_FETCH_PROTECT)))
        program_check(c, PGM_PROTECTION);
    note_reference(k, before, access);
    return before;
}

/* A logical address (24 bits) to absolute: DAT if it is on (a TLB hit looked up here, a miss walked
   by dat.c), then prefixing (the TLB holds absolute addresses). */
ALWAYS_INLINE uint32_t translate_address(struct cpu *c, uint32_t address)
{
    if (!dat_on(c))
        return real_to_absolute(c, address);
    const struct tlb_entry *e = &c->tlb[(address >> 11) % TLB_SIZE];
    if (e->generation == c->tlb_generation && e->vpage == address >> 11)
        return e->absolute | (address & 0x7FF);
    return c->dat_miss(c, address);
}

uint32_t translate(struct cpu *c, uint32_t address, enum access access, uint8_t key)
{
    address &= 0xFFFFFF;
    uint32_t absolute = translate_address(c, address);
    check_translated(c, address, absolute, access, key);
    return absolute;
}

/* A block just filled in the fetch cache would pass a store's checks too, and a store would change
   nothing in its key (the change bit is on already; `k` is the key before the fetch, which set the
   reference bit): the store cache can take it at once, so that the common fetch-then-store of one
   page costs one translation.  Not with PER (its stores go the long way), nor for the block
   low-address protection covers part of.  (A change to the key since it was read bumps the context
   the caches were filled for.) */
ALWAYS_INLINE bool store_cache_may_share(const struct cpu *c, uint32_t base, uint8_t k, uint8_t key)
{
    return (k & KEY_CHANGE) && (key == 0 || (k >> 4) == key) && !per_active(c) &&
           !(base == 0 && (c->cr[0] & CR0_LOW_ADDRESS_PROTECTION));
}

/* Field by field from the values in hand: copying the fetch cache just written would load it back
   while its stores are still in flight (on x86-64 a store-forwarding stall, two thirds of the
   fetch's slow path on the dat benchmark). */
ALWAYS_INLINE void set_block_cache(struct block_cache *b, uint32_t base, uint8_t key, uint64_t context, uint8_t *host,
                                   uint8_t *marks)
{
    b->base = base;
    b->key = key;
    b->context = context;
    b->host = host;
    b->marks = marks;
}

/* What fill_block_cache is told for the PSW key: it is read once the address is translated, so that
   nothing has to be kept across the call to the TLB-miss walk. */
enum { PSW_KEY = 0x100 };

/* Fill block cache b for the block of address (24 bits) for an access with key (a storage key, or
   PSW_KEY), returning the host address. */
ALWAYS_INLINE uint8_t *fill_block_cache(struct cpu *c, struct block_cache *b, uint32_t address,
                                        enum access access, unsigned access_key)
{
    uint32_t absolute = translate_address(c, address);
    /* the context is read before the checks: a key changed meanwhile leaves the entry stale */
    uint64_t context = atomic_load_explicit(&c->context, memory_order_relaxed);
    uint8_t key = access_key == PSW_KEY ? c->psw.key : (uint8_t)access_key;
    uint8_t k = check_translated(c, address, absolute, access, key);
    uint8_t *p = c->m->storage + absolute;
    /* Low-address protection covers only part of block 0: a store accepted at 512-2047 says nothing
       about 0-511, so that block is not cached for stores while the protection is on. */
    if (access == ACCESS_STORE && address < BLOCK && (c->cr[0] & CR0_LOW_ADDRESS_PROTECTION))
        return p;
    uint32_t base = address & ~0x7FFu;
    uint8_t *host = p - (address & 0x7FF), *marks = c->m->code_marks + ((absolute & ~0x7FFu) >> 1);
    set_block_cache(b, base, key, context, host, marks);
    if (access == ACCESS_FETCH && b == &c->fetch_block && store_cache_may_share(c, base, k, key))
        set_block_cache(&c->store_block, base, key, context, host, marks);
    return p;
}

uint8_t *translate_block_slow(struct cpu *c, struct block_cache *b, uint32_t address, enum access access,
                              uint8_t key)
{
    return fill_block_cache(c, b, address, access, key);
}

void storage_keys_changed(struct machine *m)
{
    for (int i = 0; i < m->ncpus; i++)
        if (m->cpus[i])
            cpu_context_changed(m->cpus[i]);
}

void block_caches_clear(struct cpu *c)
{
    struct block_cache *caches[] = {&c->instruction_block, &c->fetch_block, &c->store_block};
    for (size_t i = 0; i < sizeof caches / sizeof caches[0]; i++) {
        caches[i]->base = BLOCK_CACHE_EMPTY;
        caches[i]->context = 0;
    }
}

void block_caches_sync(struct cpu *c)
{
    uint64_t context = atomic_load_explicit(&c->context, memory_order_relaxed);
    if (context == c->synced_context)
        return;
    struct block_cache *caches[] = {&c->instruction_block, &c->fetch_block, &c->store_block};
    for (size_t i = 0; i < sizeof caches / sizeof caches[0]; i++)
        if (caches[i]->context != context)
            caches[i]->base = BLOCK_CACHE_EMPTY;
    c->synced_context = context;
}

/* Length of the part of [address, address+length) that lies in address's 2K block. */
static uint32_t part_length(uint32_t address, uint32_t length)
{
    uint32_t room = BLOCK - (address & (BLOCK - 1));
    return length < room ? length : room;
}

void check_access(struct cpu *c, uint32_t address, uint32_t length, enum access access, uint8_t key)
{
    while (length) {
        uint32_t n = part_length(address, length);
        translate(c, address, access, key);
        address = (address + n) & 0xFFFFFF;
        length -= n;
    }
}

void fetch_bytes(struct cpu *c, uint32_t address, uint8_t *buf, uint32_t length, uint8_t key)
{
    address &= 0xFFFFFF;
    while (length) {
        uint32_t n = part_length(address, length);
        memcpy(buf, translate_block(c, &c->fetch_block, address, ACCESS_FETCH, key), n);
        buf += n;
        address = (address + n) & 0xFFFFFF;
        length -= n;
    }
}

void store_bytes(struct cpu *c, uint32_t address, const uint8_t *buf, uint32_t length, uint8_t key)
{
    address &= 0xFFFFFF;
    /* with PER on, the event is recorded only for a store that cannot fail any more */
    bool per = per_active(c);
    if (per || part_length(address, length) < length)
        check_access(c, address, length, ACCESS_STORE, key);
    if (per)
        per_storage_alteration(c, address, length);
    while (length) {
        uint32_t n = part_length(address, length);
        /* with PER on, the store cache stays empty (cached_store_operand) */
        uint8_t *p = per ? absolute_pointer(c->m, translate(c, address, ACCESS_STORE, key))
                         : translate_block(c, &c->store_block, address, ACCESS_STORE, key);
        memcpy(p, buf, n);
        note_code_store(c, (uint32_t)(p - c->m->storage), n);
        buf += n;
        address = (address + n) & 0xFFFFFF;
        length -= n;
    }
}

/* Fixed-length operands, the long way (cpu_int.h has the inline fast path, which has just missed):
   the block cache filled when the operand is inside one 2K block. */
#define FETCH_FIXED(name, type, size, decode)                                                                  \
    static __attribute__((noinline)) type name##_crossing(struct cpu *c, uint32_t address)                     \
    {                                                                                                          \
        uint8_t b[size];                                                                                       \
        fetch_bytes(c, address, b, size, c->psw.key);                                                          \
        return decode(b);                                                                                      \
    }                                                                                                          \
    type name(struct cpu *c, uint32_t address)                                                                 \
    {                                                                                                          \
        address &= 0xFFFFFF;                                                                                   \
        if ((address & (BLOCK - 1)) <= BLOCK - (size))                                                         \
            return decode(fill_block_cache(c, &c->fetch_block, address, ACCESS_FETCH, PSW_KEY));                \
        return name##_crossing(c, address);                                                                    \
    }

#define STORE_FIXED(name, type, size, encode)                                                                  \
    void name(struct cpu *c, uint32_t address, type v)                                                         \
    {                                                                                                          \
        address &= 0xFFFFFF;                                                                                   \
        uint8_t b[size];                                                                                       \
        encode(b, v);                                                                                          \
        if ((address & (BLOCK - 1)) <= BLOCK - (size) && !per_active(c)) {                                     \
            uint8_t *p = fill_block_cache(c, &c->store_block, address, ACCESS_STORE, PSW_KEY);                 \
            memcpy(p, b, size);                                                                                \
            note_code_store(c, (uint32_t)(p - c->m->storage), size);                                           \
            return;                                                                                            \
        }                                                                                                      \
        store_bytes(c, address, b, size, c->psw.key);                                                          \
    }

FETCH_FIXED(fetch1_slow, uint8_t, 1, byte_at)
FETCH_FIXED(fetch2_slow, uint16_t, 2, be16)
FETCH_FIXED(fetch4_slow, uint32_t, 4, be32)
FETCH_FIXED(fetch8_slow, uint64_t, 8, be64)
STORE_FIXED(store1_slow, uint8_t, 1, put_byte)
STORE_FIXED(store2_slow, uint16_t, 2, put_be16)
STORE_FIXED(store4_slow, uint32_t, 4, put_be32)
STORE_FIXED(store8_slow, uint64_t, 8, put_be64)
