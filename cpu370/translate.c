/*
 * translate.c - a trace (traces.c) as x86-64 code.  The code keeps nothing in host registers between
 * instructions: every register, the condition code and the count live in the cpu struct, as they do
 * for the decoded loop, so a program interruption, a handler or the loop can take over at any
 * instruction.  rbx holds the cpu struct; eax, ecx, edx, esi and edi are scratch.
 *
 * Each instruction is either in line (the ones programs run most: loads, stores, binary arithmetic,
 * compares, logical connectives, constant shifts, the simple storage-immediate ones and the branches)
 * or a call of its handler with the PSW's address and ILC set, as step() would.  In-line storage
 * access takes the fetch or store block cache's fast path (cpu_int.h) and otherwise calls the
 * storage functions out of line; so do overflow and taken branches.  Those out-of-line pieces
 * ("stubs") follow the straight-line code, so the common path falls through.
 *
 * The instruction count is added once for a run of instructions: before anything that may look at it
 * (a handler, a storage function that may raise a program interruption) and at the trace's exits.
 * A store into instructions of a trace drops it (cpu.trace_broken): the code stops after the
 * storing instruction and returns the entry of the next, which the loop decodes again.
 */
#include <stddef.h>
#include <sys/mman.h>

#include "cpu370/decoded.h"
#include "cpu370/inline_ops.h"

#if S370_TRANSLATION

#define CODE_SPACE_BYTES (8u << 20)

bool code_space_create(struct code_space *s)
{
    void *p = mmap(NULL, CODE_SPACE_BYTES, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return false;
    s->start = s->free = p;
    s->end = s->start + CODE_SPACE_BYTES;
    return true;
}

void code_space_free(struct code_space *s)
{
    munmap(s->start, (size_t)(s->end - s->start));
}

/* ---- x86-64 encoding ---------------------------------------------------------------------------- */

enum host_register { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI };
enum { REX_W = 1, OPERAND_16 = 2 }; /* 64-bit operand; 16-bit operand */
enum condition { CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A, CC_S, CC_NS, CC_L = 12, CC_GE, CC_LE, CC_G };

/* A memory operand: [rbx + disp], a field of the cpu struct; or [base + index + disp] (disp below
   128), in storage. */
struct mem {
    uint8_t base, index;
    bool indexed;
    int32_t disp;
};

#define FIELD(name) ((struct mem){.base = RBX, .disp = (int32_t)offsetof(struct cpu, name)})
#define GR(r) ((struct mem){.base = RBX, .disp = (int32_t)(offsetof(struct cpu, gr) + 4 * (r))})
static const struct mem storage_byte = {.base = RSI, .index = RDX, .indexed = true};
#define STORAGE_AT(n) ((struct mem){.base = RSI, .index = RDX, .indexed = true, .disp = (n)})

enum stub_kind {
    STUB_FETCH,     /* the fetch the long way */
    STUB_STORE,     /* the store the long way */
    STUB_MARKS,     /* a store into halfwords with code marks */
    STUB_OVERFLOW,  /* fixed-point overflow */
    STUB_TAKEN,     /* a conditional branch taken */
    STUB_TAKEN_ESI, /* the same, the address in esi already (BCT, BCTR) */
    STUB_BRANCHED,  /* a handler branched */
    STUB_BROKEN,    /* a handler's store dropped the trace */
    STUB_CALL,      /* the instruction's handler does it (the rare cases of one in line) */
    STUB_MOVED,     /* entered with the block at another logical address */
};

/* Out-of-line code for one instruction: where the jump to it is, where it comes back to. */
struct stub {
    enum stub_kind kind;
    uint8_t *jump_field, *resume;
    const struct trace_step *step;
    unsigned counted; /* instructions it adds to the count: those begun since it was last added */
    unsigned size;    /* of the storage operand */
    const struct insn *copy; /* the trace's copy of the instruction, for its handler */
};

#define STUBS_MAX (4 * TRACE_STEPS_MAX)

struct emitter {
    uint8_t *p, *limit;
    bool full;
    unsigned uncounted; /* instructions begun (the current one too) not yet added to the count */
    const struct trace_step *step;
    const struct insn *copy;
    struct stub stubs[STUBS_MAX];
    unsigned nstubs;
    bool cc_unread;       /* the step's condition code is replaced before anything can read it */
    const uint8_t *chain; /* the code that goes on from a taken branch (chain_code) */
    const struct decoded_block *block;
    const struct decoded_entry *head;
};

static void byte(struct emitter *e, unsigned b)
{
    if (e->p < e->limit)
        *e->p++ = (uint8_t)b;
    else
        e->full = true;
}

static void word(struct emitter *e, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        byte(e, v >> (8 * i) & 0xFF);
}

static void quad(struct emitter *e, uint64_t v)
{
    word(e, (uint32_t)v);
    word(e, (uint32_t)(v >> 32));
}

/* The prefixes and opcode (one byte, or 0x0F and one) of an instruction on reg and a register or
   memory operand whose index and base registers are x and b. */
static void prefix_opcode(struct emitter *e, unsigned flags, unsigned opcode, unsigned reg, unsigned x, unsigned b)
{
    if (flags & OPERAND_16)
        byte(e, 0x66);
    unsigned rex = (flags & REX_W ? 8u : 0) | (reg >> 3 & 1) << 2 | (x >> 3 & 1) << 1 | (b >> 3 & 1);
    if (rex)
        byte(e, 0x40 | rex);
    if (opcode > 0xFF)
        byte(e, opcode >> 8);
    byte(e, opcode & 0xFF);
}

/* opcode reg, mem (or mem, reg, as the opcode says); reg is a /digit for the immediate forms. */
static void op_mem(struct emitter *e, unsigned flags, unsigned opcode, unsigned reg, struct mem m)
{
    if (m.indexed) {
        prefix_opcode(e, flags, opcode, reg, m.index, m.base);
        byte(e, (m.disp ? 0x44 : 0x04) | (reg & 7) << 3);
        byte(e, (m.index & 7u) << 3 | (m.base & 7u));
        if (m.disp)
            byte(e, (uint8_t)m.disp);
    } else {
        prefix_opcode(e, flags, opcode, reg, 0, m.base);
        byte(e, 0x80 | (reg & 7) << 3 | (m.base & 7u));
        word(e, (uint32_t)m.disp);
    }
}

static void op_reg(struct emitter *e, unsigned flags, unsigned opcode, unsigned reg, unsigned rm)
{
    prefix_opcode(e, flags, opcode, reg, 0, rm);
    byte(e, 0xC0 | (reg & 7) << 3 | (rm & 7));
}

static void mov_load(struct emitter *e, unsigned reg, struct mem m)
{
    op_mem(e, 0, 0x8B, reg, m);
}

static void mov_store(struct emitter *e, struct mem m, unsigned reg)
{
    op_mem(e, 0, 0x89, reg, m);
}

static void mov_imm(struct emitter *e, unsigned reg, uint32_t v)
{
    byte(e, 0xB8 + reg);
    word(e, v);
}

static void mov_imm64(struct emitter *e, unsigned reg, uint64_t v)
{
    byte(e, 0x48);
    byte(e, 0xB8 + reg);
    quad(e, v);
}

static void mov_field_imm32(struct emitter *e, struct mem m, uint32_t v)
{
    op_mem(e, 0, 0xC7, 0, m);
    word(e, v);
}

static void mov_field_imm8(struct emitter *e, struct mem m, uint8_t v)
{
    op_mem(e, 0, 0xC6, 0, m);
    byte(e, v);
}

/* The group-1 operations with an immediate (add 0, or 1, and 4, sub 5, xor 6, cmp 7). */
enum { ALU_ADD, ALU_OR, ALU_AND = 4, ALU_SUB, ALU_XOR, ALU_CMP };

static void alu_imm(struct emitter *e, unsigned flags, unsigned alu, unsigned reg, uint32_t v)
{
    op_reg(e, flags, 0x81, alu, reg);
    word(e, v);
}

static void alu_field_imm(struct emitter *e, unsigned flags, unsigned alu, struct mem m, uint32_t v)
{
    op_mem(e, flags, 0x81, alu, m);
    word(e, v);
}

/* The shift group with an immediate count (shl 4, shr 5, sar 7). */
enum { SHIFT_ROL, SHIFT_SHL = 4, SHIFT_SHR, SHIFT_SAR = 7 };

static void shift_imm(struct emitter *e, unsigned flags, unsigned shift, unsigned reg, unsigned n)
{
    op_reg(e, flags, 0xC1, shift, reg);
    byte(e, n);
}

static void setcc(struct emitter *e, enum condition cc, unsigned reg8)
{
    op_reg(e, 0, 0x0F90 + cc, 0, reg8);
}

/* A rel32 jump whose target is not known yet: returns the field to patch (NULL when the code space
   is full: nothing to patch). */
static uint8_t *jcc_forward(struct emitter *e, enum condition cc)
{
    byte(e, 0x0F);
    byte(e, 0x80 + cc);
    uint8_t *field = e->p;
    word(e, 0);
    return e->full ? NULL : field;
}

static void jmp_to(struct emitter *e, const uint8_t *target)
{
    byte(e, 0xE9);
    word(e, (uint32_t)(target - (e->p + 4)));
}

static void patch(uint8_t *field, const uint8_t *target)
{
    if (field) {
        uint32_t rel = (uint32_t)(target - (field + 4));
        memcpy(field, &rel, 4);
    }
}

static void call(struct emitter *e, uintptr_t function)
{
    mov_imm64(e, RAX, function);
    op_reg(e, 0, 0xFF, 2, RAX);
}

/* Return from the trace with rax as it is. */
static void epilogue(struct emitter *e)
{
    byte(e, 0x5B); /* pop rbx */
    byte(e, 0xC3);
}

/* ---- the state the code keeps in the cpu struct ------------------------------------------------- */

static void add_count(struct emitter *e, unsigned n)
{
    if (n)
        alu_field_imm(e, REX_W, ALU_ADD, FIELD(instructions), n);
}

static void subtract_count(struct emitter *e, unsigned n)
{
    if (n)
        alu_field_imm(e, REX_W, ALU_SUB, FIELD(instructions), n);
}

/* Every instruction begun so far counted, as a handler or the loop expects. */
static void count_now(struct emitter *e)
{
    add_count(e, e->uncounted);
    e->uncounted = 0;
}

static uint32_t address_after(const struct trace_step *s)
{
    return (s->address + s->insn.length) & 0xFFFFFF;
}

/* The PSW's address and ILC as step() sets them for the instruction: what a program interruption
   stores, and what a handler that branches compares with. */
static void set_psw_address(struct emitter *e, const struct trace_step *s)
{
    mov_field_imm32(e, FIELD(psw.ia), address_after(s));
    mov_field_imm8(e, FIELD(ilc), (uint8_t)(s->insn.length / 2));
}

/* Leave the trace for the loop at the entry after step s (counted already). */
static void exit_after(struct emitter *e, const struct trace_step *s)
{
    mov_imm64(e, RAX, (uint64_t)(uintptr_t)s->entry_after);
    epilogue(e);
}

/* Leave after a store dropped the trace: jump over unless cpu.trace_broken is set. */
static void exit_if_broken(struct emitter *e, const struct trace_step *s)
{
    op_mem(e, 0, 0x80, ALU_CMP, FIELD(trace_broken));
    byte(e, 0);
    uint8_t *skip = jcc_forward(e, CC_E);
    exit_after(e, s);
    patch(skip, e->p);
}

static void stub_at(struct emitter *e, enum stub_kind kind, uint8_t *jump_field, unsigned size)
{
    if (e->nstubs == STUBS_MAX) {
        e->full = true;
        return;
    }
    e->stubs[e->nstubs++] = (struct stub){kind, jump_field, NULL, e->step, e->uncounted, size, e->copy};
}

/* The stubs made since the first'th come back here. */
static void resume_here_from(struct emitter *e, unsigned first)
{
    for (unsigned i = first; i < e->nstubs; i++)
        e->stubs[i].resume = e->p;
}

/* The stub just made comes back here. */
static void resume_here(struct emitter *e)
{
    if (e->nstubs)
        resume_here_from(e, e->nstubs - 1);
}

/* ---- condition codes ---------------------------------------------------------------------------- */

/* cc = 2 * first + second, from two conditions of the flags as the last operation left them, made
   in the low byte of reg (and dl). */
static void cc_from_flags_in(struct emitter *e, enum condition two, enum condition one, unsigned reg)
{
    if (e->cc_unread)
        return;
    setcc(e, two, reg);
    setcc(e, one, RDX);
    op_reg(e, 0, 0x00, reg, reg); /* add r8, r8 */
    op_reg(e, 0, 0x08, RDX, reg); /* or r8, dl */
    op_mem(e, 0, 0x88, reg, FIELD(psw.cc));
}

static void cc_from_flags(struct emitter *e, enum condition two, enum condition one)
{
    cc_from_flags_in(e, two, one, RAX);
}

/* After an operation that leaves OF clear (or a compare): 0 zero/equal, 1 low, 2 high. */
static void cc_signed_result(struct emitter *e)
{
    cc_from_flags(e, CC_G, CC_L);
}

static void cc_unsigned_compare(struct emitter *e)
{
    cc_from_flags(e, CC_A, CC_B);
}

/* Logical add: carry into cc bit 1 (2), nonzero result into bit 0 (1); subtract: no borrow is carry. */
static void cc_logical_add(struct emitter *e)
{
    cc_from_flags(e, CC_B, CC_NE);
}

static void cc_logical_subtract(struct emitter *e)
{
    cc_from_flags(e, CC_AE, CC_NE);
}

static void cc_nonzero(struct emitter *e)
{
    if (e->cc_unread)
        return;
    setcc(e, CC_NE, RAX);
    op_mem(e, 0, 0x88, RAX, FIELD(psw.cc));
}

/* Signed arithmetic that stored its result: on overflow the stub sets cc 3 and interrupts if the
   program mask says so; else the cc of the result. */
static void cc_signed_or_overflow(struct emitter *e)
{
    stub_at(e, STUB_OVERFLOW, jcc_forward(e, CC_O), 0);
    cc_signed_result(e);
    resume_here(e);
}

/* ---- operands ----------------------------------------------------------------------------------- */

static void load_gr(struct emitter *e, unsigned reg, unsigned r)
{
    mov_load(e, reg, GR(r));
}

static void store_gr(struct emitter *e, unsigned r, unsigned reg)
{
    mov_store(e, GR(r), reg);
}

/* reg = (gr[x] + gr[b] + disp) & 0xFFFFFF; register 16 is none. */
static void operand_address(struct emitter *e, unsigned reg, unsigned x, unsigned b, uint32_t disp)
{
    if (x == 16 && b == 16) {
        mov_imm(e, reg, disp);
        return;
    }
    load_gr(e, reg, x != 16 ? x : b);
    if (x != 16 && b != 16)
        op_mem(e, 0, 0x03, reg, GR(b));
    if (disp)
        alu_imm(e, 0, ALU_ADD, reg, disp);
    alu_imm(e, 0, ALU_AND, reg, 0xFFFFFF);
}

static void rx_address(struct emitter *e, unsigned reg)
{
    const struct insn *i = &e->step->insn;
    operand_address(e, reg, i->x2, i->base1, i->disp1);
}

static void rs_address(struct emitter *e, unsigned reg)
{
    const struct insn *i = &e->step->insn;
    operand_address(e, reg, 16, i->base1, i->disp1);
}

/* edx = eax - block.base, to the stub unless the size bytes there are all in the block. */
static void block_offset(struct emitter *e, struct mem block_base, enum stub_kind kind, unsigned size)
{
    op_reg(e, 0, 0x89, RAX, RDX);
    op_mem(e, 0, 0x2B, RDX, block_base);
    alu_imm(e, 0, ALU_CMP, RDX, 0x800 - size);
    stub_at(e, kind, jcc_forward(e, CC_A), size);
}

/* ecx = the size bytes at the address in eax, big-endian, zero-extended. */
static void fetch(struct emitter *e, unsigned size)
{
    block_offset(e, FIELD(fetch_block.base), STUB_FETCH, size);
    op_mem(e, REX_W, 0x8B, RSI, FIELD(fetch_block.host));
    if (size == 4) {
        mov_load(e, RCX, storage_byte);
        byte(e, 0x0F); /* bswap ecx */
        byte(e, 0xC9);
    } else if (size == 2) {
        op_mem(e, 0, 0x0FB7, RCX, storage_byte);
        shift_imm(e, OPERAND_16, SHIFT_ROL, RCX, 8);
    } else {
        op_mem(e, 0, 0x0FB6, RCX, storage_byte);
    }
    resume_here(e);
}

/* The halfword just fetched, as a signed number. */
static void fetch_halfword(struct emitter *e)
{
    fetch(e, 2);
    op_reg(e, 0, 0x0FBF, RCX, RCX); /* movsx ecx, cx */
}

/* After a store of size bytes at offset edx in the store block: to the stub if a halfword it touched
   (or one of the few after) has a code mark.  8 halfwords a load, as code_marked does. */
static void test_marks(struct emitter *e, unsigned size)
{
    op_mem(e, REX_W, 0x8B, RCX, FIELD(store_block.marks));
    op_reg(e, 0, 0x89, RDX, RDI);
    shift_imm(e, 0, SHIFT_SHR, RDI, 1);
    op_mem(e, REX_W, 0x8B, RSI, ((struct mem){.base = RCX, .index = RDI, .indexed = true}));
    for (unsigned k = 1; k <= size / 16; k++)
        op_mem(e, REX_W, 0x0B, RSI, ((struct mem){.base = RCX, .index = RDI, .indexed = true, .disp = (int32_t)(8 * k)}));
    op_reg(e, REX_W, 0x85, RSI, RSI);
    stub_at(e, STUB_MARKS, jcc_forward(e, CC_NE), size);
}

/* Store the size rightmost bytes of ecx at the address in eax, then look at the code marks. */
static void store(struct emitter *e, unsigned size)
{
    unsigned first = e->nstubs;
    block_offset(e, FIELD(store_block.base), STUB_STORE, size);
    op_mem(e, REX_W, 0x8B, RSI, FIELD(store_block.host));
    if (size == 4) {
        byte(e, 0x0F);
        byte(e, 0xC9);
        mov_store(e, storage_byte, RCX);
    } else if (size == 2) {
        shift_imm(e, OPERAND_16, SHIFT_ROL, RCX, 8);
        op_mem(e, OPERAND_16, 0x89, RCX, storage_byte);
    } else {
        op_mem(e, 0, 0x88, RCX, storage_byte);
    }
    test_marks(e, size);
    resume_here_from(e, first);
}

/* ---- the instructions in line ------------------------------------------------------------------- */

typedef bool native_fn(struct emitter *e, const struct insn *i);

static bool emit_LR(struct emitter *e, const struct insn *i)
{
    load_gr(e, RCX, i->r2);
    store_gr(e, i->r1, RCX);
    return true;
}

static bool emit_LTR(struct emitter *e, const struct insn *i)
{
    load_gr(e, RCX, i->r2);
    store_gr(e, i->r1, RCX);
    op_reg(e, 0, 0x85, RCX, RCX);
    cc_signed_result(e);
    return true;
}

/* neg overflows (OF) for -2**31 alone, as LCR does. */
static bool emit_LCR(struct emitter *e, const struct insn *i)
{
    load_gr(e, RCX, i->r2);
    op_reg(e, 0, 0xF7, 3, RCX);
    store_gr(e, i->r1, RCX);
    cc_signed_or_overflow(e);
    return true;
}

/* The negation replaces the value when it is not negative: -2**31 stays, and overflows. */
static bool emit_LPR(struct emitter *e, const struct insn *i)
{
    load_gr(e, RCX, i->r2);
    op_reg(e, 0, 0x89, RCX, RAX);
    op_reg(e, 0, 0xF7, 3, RAX);
    op_reg(e, 0, 0x0F49, RCX, RAX); /* cmovns ecx, eax */
    store_gr(e, i->r1, RCX);
    stub_at(e, STUB_OVERFLOW, jcc_forward(e, CC_O), 0);
    if (!e->cc_unread) {
        op_reg(e, 0, 0x85, RCX, RCX);
        setcc(e, CC_NE, RAX);
        op_reg(e, 0, 0x00, RAX, RAX);
        op_mem(e, 0, 0x88, RAX, FIELD(psw.cc));
    }
    resume_here(e);
    return true;
}

/* The RR and RX arithmetic: ecx = R1 op (the second operand, from gr or storage). */
enum arith { ADD_SIGNED, SUBTRACT_SIGNED, ADD_LOGICAL, SUBTRACT_LOGICAL, COMPARE_SIGNED, COMPARE_LOGICAL, AND, OR, XOR };

static const struct {
    unsigned opcode; /* op r32, r/m32 */
    bool stores;
    void (*cc)(struct emitter *e);
} arith_ops[] = {
    [ADD_SIGNED] = {0x03, true, cc_signed_or_overflow},
    [SUBTRACT_SIGNED] = {0x2B, true, cc_signed_or_overflow},
    [ADD_LOGICAL] = {0x03, true, cc_logical_add},
    [SUBTRACT_LOGICAL] = {0x2B, true, cc_logical_subtract},
    [COMPARE_SIGNED] = {0x3B, false, cc_signed_result},
    [COMPARE_LOGICAL] = {0x3B, false, cc_unsigned_compare},
    [AND] = {0x23, true, cc_nonzero},
    [OR] = {0x0B, true, cc_nonzero},
    [XOR] = {0x33, true, cc_nonzero},
};

/* R1 op the operand in ecx (the storage forms), or in gr[r2] (RR). */
static void arith_with(struct emitter *e, enum arith op, unsigned r1, const struct mem *second)
{
    load_gr(e, RAX, r1);
    if (second)
        op_mem(e, 0, arith_ops[op].opcode, RAX, *second);
    else
        op_reg(e, 0, arith_ops[op].opcode, RAX, RCX);
    if (arith_ops[op].stores)
        store_gr(e, r1, RAX);
    arith_ops[op].cc(e);
}

#define RR_ARITH(name, op)                                                                                     \
    static bool emit_##name(struct emitter *e, const struct insn *i)                                           \
    {                                                                                                          \
        arith_with(e, op, i->r1, &GR(i->r2));                                                                  \
        return true;                                                                                           \
    }
#define RX_ARITH(name, op, fetch_operand)                                                                      \
    static bool emit_##name(struct emitter *e, const struct insn *i)                                           \
    {                                                                                                          \
        rx_address(e, RAX);                                                                                    \
        fetch_operand;                                                                                         \
        arith_with(e, op, i->r1, NULL);                                                                        \
        return true;                                                                                           \
    }
RR_ARITH(AR, ADD_SIGNED)
RR_ARITH(SR, SUBTRACT_SIGNED)
RR_ARITH(ALR, ADD_LOGICAL)
RR_ARITH(SLR, SUBTRACT_LOGICAL)
RR_ARITH(CR, COMPARE_SIGNED)
RR_ARITH(CLR, COMPARE_LOGICAL)
RR_ARITH(NR, AND)
RR_ARITH(OR, OR)
RR_ARITH(XR, XOR)
RX_ARITH(A, ADD_SIGNED, fetch(e, 4))
RX_ARITH(S, SUBTRACT_SIGNED, fetch(e, 4))
RX_ARITH(AL, ADD_LOGICAL, fetch(e, 4))
RX_ARITH(SL, SUBTRACT_LOGICAL, fetch(e, 4))
RX_ARITH(C, COMPARE_SIGNED, fetch(e, 4))
RX_ARITH(CL, COMPARE_LOGICAL, fetch(e, 4))
RX_ARITH(N, AND, fetch(e, 4))
RX_ARITH(O, OR, fetch(e, 4))
RX_ARITH(X, XOR, fetch(e, 4))
RX_ARITH(AH, ADD_SIGNED, fetch_halfword(e))
RX_ARITH(SH, SUBTRACT_SIGNED, fetch_halfword(e))
RX_ARITH(CH, COMPARE_SIGNED, fetch_halfword(e))
#undef RR_ARITH
#undef RX_ARITH

static bool emit_LA(struct emitter *e, const struct insn *i)
{
    rx_address(e, RAX);
    store_gr(e, i->r1, RAX);
    return true;
}

static bool emit_L(struct emitter *e, const struct insn *i)
{
    rx_address(e, RAX);
    fetch(e, 4);
    store_gr(e, i->r1, RCX);
    return true;
}

static bool emit_LH(struct emitter *e, const struct insn *i)
{
    rx_address(e, RAX);
    fetch_halfword(e);
    store_gr(e, i->r1, RCX);
    return true;
}

/* IC replaces the rightmost byte of R1 (the first in host order). */
static bool emit_IC(struct emitter *e, const struct insn *i)
{
    rx_address(e, RAX);
    fetch(e, 1);
    op_mem(e, 0, 0x88, RCX, GR(i->r1));
    return true;
}

/* MULTIPLY HALFWORD: the rightmost 32 bits of the product, no cc. */
static bool emit_MH(struct emitter *e, const struct insn *i)
{
    rx_address(e, RAX);
    fetch_halfword(e);
    op_mem(e, 0, 0x0FAF, RCX, GR(i->r1));
    store_gr(e, i->r1, RCX);
    return true;
}

#define STORE_OP(name, size)                                                                                   \
    static bool emit_##name(struct emitter *e, const struct insn *i)                                           \
    {                                                                                                          \
        rx_address(e, RAX);                                                                                    \
        load_gr(e, RCX, i->r1);                                                                                \
        store(e, size);                                                                                        \
        return true;                                                                                           \
    }
STORE_OP(ST, 4)
STORE_OP(STH, 2)
STORE_OP(STC, 1)
#undef STORE_OP

static bool emit_MVI(struct emitter *e, const struct insn *i)
{
    rs_address(e, RAX);
    mov_imm(e, RCX, i->imm);
    store(e, 1);
    return true;
}

static bool emit_CLI(struct emitter *e, const struct insn *i)
{
    rs_address(e, RAX);
    fetch(e, 1);
    alu_imm(e, 0, ALU_CMP, RCX, i->imm);
    cc_unsigned_compare(e);
    return true;
}

/* TEST UNDER MASK: cc 0 all selected bits zero (or no mask), 3 all one, 1 mixed. */
static bool emit_TM(struct emitter *e, const struct insn *i)
{
    rs_address(e, RAX);
    fetch(e, 1);
    if (i->imm == 0) {
        mov_field_imm8(e, FIELD(psw.cc), 0);
        return true;
    }
    alu_imm(e, 0, ALU_AND, RCX, i->imm);
    setcc(e, CC_NE, RAX);
    alu_imm(e, 0, ALU_CMP, RCX, i->imm);
    setcc(e, CC_E, RDX);
    op_reg(e, 0, 0x00, RDX, RDX);
    op_reg(e, 0, 0x08, RDX, RAX);
    op_mem(e, 0, 0x88, RAX, FIELD(psw.cc));
    return true;
}

/* Shifts by a constant amount (no base register) only; the others are called. */
static bool single_shift(struct emitter *e, const struct insn *i, unsigned shift)
{
    if (i->base1 != 16)
        return false;
    unsigned n = i->disp1 & 63;
    if (n >= 32) {
        mov_field_imm32(e, GR(i->r1), 0);
    } else if (n) {
        op_mem(e, 0, 0xC1, shift, GR(i->r1));
        byte(e, n);
    }
    return true;
}

static bool emit_SLL(struct emitter *e, const struct insn *i)
{
    return single_shift(e, i, SHIFT_SHL);
}

static bool emit_SRL(struct emitter *e, const struct insn *i)
{
    return single_shift(e, i, SHIFT_SHR);
}

static bool emit_SRA(struct emitter *e, const struct insn *i)
{
    if (i->base1 != 16)
        return false;
    unsigned n = i->disp1 & 63;
    load_gr(e, RCX, i->r1);
    shift_imm(e, 0, SHIFT_SAR, RCX, n > 31 ? 31 : n);
    store_gr(e, i->r1, RCX);
    op_reg(e, 0, 0x85, RCX, RCX);
    cc_signed_result(e);
    return true;
}

/* LOAD MULTIPLE and STORE MULTIPLE: registers R1 to R3 (wrapping), in line when the operand is in
   the block cached; otherwise the handler does it all (nothing has changed yet). */
static unsigned multiple_count(const struct insn *i)
{
    return ((i->r2 - i->r1) & 15u) + 1;
}

static bool emit_LM(struct emitter *e, const struct insn *i)
{
    unsigned n = multiple_count(i);
    rs_address(e, RAX);
    block_offset(e, FIELD(fetch_block.base), STUB_CALL, 4 * n);
    op_mem(e, REX_W, 0x8B, RSI, FIELD(fetch_block.host));
    for (unsigned k = 0; k < n; k++) {
        mov_load(e, RCX, STORAGE_AT((int32_t)(4 * k)));
        byte(e, 0x0F);
        byte(e, 0xC9);
        store_gr(e, (i->r1 + k) & 15, RCX);
    }
    resume_here(e);
    return true;
}

static bool emit_STM(struct emitter *e, const struct insn *i)
{
    unsigned n = multiple_count(i), first = e->nstubs;
    rs_address(e, RAX);
    block_offset(e, FIELD(store_block.base), STUB_CALL, 4 * n);
    op_mem(e, REX_W, 0x8B, RSI, FIELD(store_block.host));
    for (unsigned k = 0; k < n; k++) {
        load_gr(e, RCX, (i->r1 + k) & 15);
        byte(e, 0x0F);
        byte(e, 0xC9);
        mov_store(e, STORAGE_AT((int32_t)(4 * k)), RCX);
    }
    test_marks(e, 4 * n);
    resume_here_from(e, first);
    return true;
}

/* An even-odd pair as a 64-bit value in rax (R1 even; an odd one is called, for the exception). */
static void load_pair(struct emitter *e, unsigned r1)
{
    load_gr(e, RAX, r1 + 1);
    load_gr(e, RDX, r1);
    shift_imm(e, REX_W, SHIFT_SHL, RDX, 32);
    op_reg(e, REX_W, 0x09, RDX, RAX);
}

static void store_pair(struct emitter *e, unsigned r1)
{
    store_gr(e, r1 + 1, RAX);
    shift_imm(e, REX_W, SHIFT_SHR, RAX, 32);
    store_gr(e, r1, RAX);
}

/* MULTIPLY: R1+1 times the operand in ecx, the product in the pair. */
static void multiply_pair(struct emitter *e, unsigned r1)
{
    load_gr(e, RAX, r1 + 1);
    op_reg(e, 0, 0xF7, 5, RCX); /* imul ecx: edx:eax */
    store_gr(e, r1, RDX);
    store_gr(e, r1 + 1, RAX);
}

static bool emit_MR(struct emitter *e, const struct insn *i)
{
    if (i->r1 & 1)
        return false;
    load_gr(e, RCX, i->r2);
    multiply_pair(e, i->r1);
    return true;
}

static bool emit_M(struct emitter *e, const struct insn *i)
{
    if (i->r1 & 1)
        return false;
    rx_address(e, RAX);
    fetch(e, 4);
    multiply_pair(e, i->r1);
    return true;
}

/* DIVIDE: the pair by ecx, in 64 bits.  A divisor of 0 or -1 (whose quotient may not fit even 64
   bits) and a quotient outside 32 bits go to the handler, which raises the exception or divides. */
static void divide_in_pair(struct emitter *e, unsigned r1)
{
    unsigned first = e->nstubs;
    op_reg(e, 0, 0x85, RCX, RCX);
    stub_at(e, STUB_CALL, jcc_forward(e, CC_E), 0);
    alu_imm(e, 0, ALU_CMP, RCX, 0xFFFFFFFF);
    stub_at(e, STUB_CALL, jcc_forward(e, CC_E), 0);
    load_pair(e, r1);
    op_reg(e, REX_W, 0x63, RCX, RCX); /* movsxd rcx, ecx */
    byte(e, 0x48);                    /* cqo */
    byte(e, 0x99);
    op_reg(e, REX_W, 0xF7, 7, RCX); /* idiv rcx */
    op_reg(e, REX_W, 0x63, RSI, RAX);
    op_reg(e, REX_W, 0x3B, RSI, RAX);
    stub_at(e, STUB_CALL, jcc_forward(e, CC_NE), 0);
    store_gr(e, r1, RDX);
    store_gr(e, r1 + 1, RAX);
    resume_here_from(e, first);
}

static bool emit_DR(struct emitter *e, const struct insn *i)
{
    if (i->r1 & 1)
        return false;
    load_gr(e, RCX, i->r2);
    divide_in_pair(e, i->r1);
    return true;
}

static bool emit_D(struct emitter *e, const struct insn *i)
{
    if (i->r1 & 1)
        return false;
    rx_address(e, RAX);
    fetch(e, 4);
    divide_in_pair(e, i->r1);
    return true;
}

/* The double shifts by a constant amount, R1 even: SLDL, SRDL, and SRDA with its cc. */
static bool double_shift(struct emitter *e, const struct insn *i, unsigned shift)
{
    if (i->base1 != 16 || (i->r1 & 1))
        return false;
    load_pair(e, i->r1);
    unsigned n = i->disp1 & 63;
    if (n)
        shift_imm(e, REX_W, shift, RAX, n);
    if (shift == SHIFT_SAR) {
        op_reg(e, REX_W, 0x85, RAX, RAX);
        cc_from_flags_in(e, CC_G, CC_L, RCX); /* rax holds the pair */
    }
    store_pair(e, i->r1);
    return true;
}

static bool emit_SLDL(struct emitter *e, const struct insn *i)
{
    return double_shift(e, i, SHIFT_SHL);
}

static bool emit_SRDL(struct emitter *e, const struct insn *i)
{
    return double_shift(e, i, SHIFT_SHR);
}

static bool emit_SRDA(struct emitter *e, const struct insn *i)
{
    return double_shift(e, i, SHIFT_SAR);
}

/* SHIFT LEFT SINGLE by a constant below 32: the value times 2**n in 64 bits fits 32 unless it
   overflows; the sign stays and the numeric bits shift. */
static bool emit_SLA(struct emitter *e, const struct insn *i)
{
    unsigned n = i->disp1 & 63;
    if (i->base1 != 16 || n > 31)
        return false;
    op_mem(e, REX_W, 0x63, RAX, GR(i->r1)); /* movsxd rax, R1 */
    if (n)
        shift_imm(e, REX_W, SHIFT_SHL, RAX, n);
    op_reg(e, REX_W, 0x63, RDX, RAX);
    load_gr(e, RCX, i->r1);
    alu_imm(e, 0, ALU_AND, RCX, 0x80000000u);
    op_reg(e, 0, 0x89, RAX, RSI);
    alu_imm(e, 0, ALU_AND, RSI, 0x7FFFFFFF);
    op_reg(e, 0, 0x09, RCX, RSI);
    store_gr(e, i->r1, RSI);
    op_reg(e, REX_W, 0x3B, RDX, RAX);
    stub_at(e, STUB_OVERFLOW, jcc_forward(e, CC_NE), 0);
    op_reg(e, 0, 0x85, RSI, RSI);
    cc_signed_result(e);
    resume_here(e);
    return true;
}

/* ---- branches ----------------------------------------------------------------------------------- */

/* A branch taken to the address in esi: count, set the PSW's address and ILC, and on (chain_code). */
static void exit_taken(struct emitter *e, unsigned counted, const struct trace_step *s)
{
    add_count(e, counted);
    mov_store(e, FIELD(psw.ia), RSI);
    mov_field_imm8(e, FIELD(ilc), (uint8_t)(s->insn.length / 2));
    jmp_to(e, e->chain);
}

/* An unconditional branch ends the trace here. */
static void branch_now(struct emitter *e)
{
    exit_taken(e, e->uncounted, e->step);
    e->uncounted = 0;
}

/* esi = the branch address of BC, BAL, BAS and BCT (RX), or of the RR forms (R2). */
static void branch_address(struct emitter *e, const struct trace_step *s)
{
    if (s->insn.length == 2) {
        load_gr(e, RSI, s->insn.r2);
        alu_imm(e, 0, ALU_AND, RSI, 0xFFFFFF);
    } else {
        operand_address(e, RSI, s->insn.x2, s->insn.base1, s->insn.disp1);
    }
}

/* Branch when the cc is one the mask selects: bit cc of the mask's mirror image. */
static void branch_on_condition(struct emitter *e, unsigned mask)
{
    unsigned selected = 0;
    for (unsigned cc = 0; cc < 4; cc++)
        if (mask & (8u >> cc))
            selected |= 1u << cc;
    op_mem(e, 0, 0x0FB6, RCX, FIELD(psw.cc));
    mov_imm(e, RAX, selected);
    op_reg(e, 0, 0x0FA3, RCX, RAX); /* bt eax, ecx */
    stub_at(e, STUB_TAKEN, jcc_forward(e, CC_B), 0);
}

static bool emit_BC(struct emitter *e, const struct insn *i)
{
    if (i->r1 == 15) {
        branch_address(e, e->step);
        branch_now(e);
    } else if (i->r1) {
        branch_on_condition(e, i->r1);
    }
    return true;
}

/* BCR 0,R2 and BCR M,0 do not branch (BCR 15,0 only serializes). */
static bool emit_BCR(struct emitter *e, const struct insn *i)
{
    return emit_BC(e, &(struct insn){.r1 = i->r2 ? i->r1 : 0});
}

/* BRANCH ON COUNT: the address first (R1 may be its base or index), then R1 - 1. */
static bool emit_BCT(struct emitter *e, const struct insn *i)
{
    branch_address(e, e->step);
    op_mem(e, 0, 0x83, ALU_SUB, GR(i->r1));
    byte(e, 1);
    stub_at(e, STUB_TAKEN_ESI, jcc_forward(e, CC_NE), 0);
    return true;
}

static bool emit_BCTR(struct emitter *e, const struct insn *i)
{
    if (i->r2 == 0) {
        op_mem(e, 0, 0x83, ALU_SUB, GR(i->r1));
        byte(e, 1);
        return true;
    }
    return emit_BCT(e, i);
}

/* The BC-mode link of BAL and BALR: ILC, cc and program mask, then the address after. */
static void link_to(struct emitter *e, unsigned r1)
{
    op_mem(e, 0, 0x0FB6, RAX, FIELD(psw.cc));
    shift_imm(e, 0, SHIFT_SHL, RAX, 4);
    op_mem(e, 0, 0x0FB6, RCX, FIELD(psw.progmask));
    op_reg(e, 0, 0x09, RCX, RAX);
    shift_imm(e, 0, SHIFT_SHL, RAX, 24);
    alu_imm(e, 0, ALU_OR, RAX, (uint32_t)(e->step->insn.length / 2) << 30 | address_after(e->step));
    store_gr(e, r1, RAX);
}

static bool emit_BAL(struct emitter *e, const struct insn *i)
{
    branch_address(e, e->step);
    link_to(e, i->r1);
    branch_now(e);
    return true;
}

static bool emit_BALR(struct emitter *e, const struct insn *i)
{
    if (i->r2 == 0) {
        link_to(e, i->r1);
        return true;
    }
    return emit_BAL(e, i);
}

static bool emit_BAS(struct emitter *e, const struct insn *i)
{
    branch_address(e, e->step);
    mov_field_imm32(e, GR(i->r1), address_after(e->step));
    branch_now(e);
    return true;
}

static bool emit_BASR(struct emitter *e, const struct insn *i)
{
    if (i->r2 == 0) {
        mov_field_imm32(e, GR(i->r1), address_after(e->step));
        return true;
    }
    return emit_BAS(e, i);
}

/* The instructions in line, by opcode (the others are called). */
static native_fn *const native[256] = {
    [0x05] = emit_BALR, [0x06] = emit_BCTR, [0x07] = emit_BCR, [0x0D] = emit_BASR, [0x10] = emit_LPR,
    [0x12] = emit_LTR,  [0x13] = emit_LCR,  [0x14] = emit_NR,  [0x15] = emit_CLR,  [0x16] = emit_OR,
    [0x17] = emit_XR,   [0x18] = emit_LR,   [0x19] = emit_CR,  [0x1A] = emit_AR,   [0x1B] = emit_SR,
    [0x1E] = emit_ALR,  [0x1F] = emit_SLR,  [0x40] = emit_STH, [0x41] = emit_LA,   [0x42] = emit_STC,
    [0x43] = emit_IC,   [0x45] = emit_BAL,  [0x46] = emit_BCT, [0x47] = emit_BC,   [0x48] = emit_LH,
    [0x49] = emit_CH,   [0x4A] = emit_AH,   [0x4B] = emit_SH,  [0x4C] = emit_MH,   [0x4D] = emit_BAS,
    [0x50] = emit_ST,   [0x54] = emit_N,    [0x55] = emit_CL,  [0x56] = emit_O,    [0x57] = emit_X,
    [0x58] = emit_L,    [0x59] = emit_C,    [0x5A] = emit_A,   [0x5B] = emit_S,    [0x5E] = emit_AL,
    [0x5F] = emit_SL,   [0x88] = emit_SRL,  [0x89] = emit_SLL, [0x8A] = emit_SRA,  [0x91] = emit_TM,
    [0x92] = emit_MVI,  [0x95] = emit_CLI,  [0x1C] = emit_MR,  [0x1D] = emit_DR,   [0x5C] = emit_M,
    [0x5D] = emit_D,    [0x8B] = emit_SLA,  [0x8C] = emit_SRDL, [0x8D] = emit_SLDL, [0x8E] = emit_SRDA,
    [0x90] = emit_STM,  [0x98] = emit_LM,
};

/* ---- called instructions ------------------------------------------------------------------------ */

/* The instructions of inline_ops.h that may branch (the others the loop runs straight on from). */
#define IS_SEQUENTIAL false
#define IS_UNEXCEPTIONAL false
#define IS_BRANCHING true
static const bool inline_may_branch[] = {
#define MAY_BRANCH(name, length, kind) IS_##kind,
    INLINE_OPS(MAY_BRANCH)
#undef MAY_BRANCH
};
#undef IS_SEQUENTIAL
#undef IS_UNEXCEPTIONAL
#undef IS_BRANCHING

static bool may_branch(const struct trace_step *s)
{
    return s->run == RUN_CALL || (s->run >= RUN_INLINE_FIRST && inline_may_branch[s->run - RUN_INLINE_FIRST]);
}

/* The handler with the PSW's address, ILC and count as step() leaves them (counted: the instructions
   to add); afterwards, a branch it took or a store into the trace ends the trace. */
static void handler_call(struct emitter *e, unsigned counted)
{
    const struct trace_step *s = e->step;
    set_psw_address(e, s);
    add_count(e, counted);
    op_reg(e, REX_W, 0x89, RBX, RDI);
    mov_imm64(e, RSI, (uint64_t)(uintptr_t)e->copy);
    call(e, (uintptr_t)decoded_handler(e->copy));
    if (may_branch(s)) {
        alu_field_imm(e, 0, ALU_CMP, FIELD(psw.ia), address_after(s));
        stub_at(e, STUB_BRANCHED, jcc_forward(e, CC_NE), 0);
    }
    op_mem(e, 0, 0x80, ALU_CMP, FIELD(trace_broken));
    byte(e, 0);
    stub_at(e, STUB_BROKEN, jcc_forward(e, CC_NE), 0);
}

static void call_handler(struct emitter *e)
{
    handler_call(e, e->uncounted);
    e->uncounted = 0;
}

/* ---- the out-of-line pieces --------------------------------------------------------------------- */

/* Called from translated code: the storage functions with their results widened. */
static void translated_fixed_overflow(struct cpu *c)
{
    fixed_overflow(c);
}

static void translated_store_hit(struct cpu *c, uint32_t offset, uint32_t size)
{
    note_cached_store(c, &c->store_block, offset, size);
}

static const uintptr_t fetch_slow[5] = {[1] = (uintptr_t)fetch1_slow, [2] = (uintptr_t)fetch2_slow,
                                        [4] = (uintptr_t)fetch4_slow};
static const uintptr_t store_slow[5] = {[1] = (uintptr_t)store1_slow, [2] = (uintptr_t)store2_slow,
                                        [4] = (uintptr_t)store4_slow};

/* The count as a storage function that may interrupt, or a handler, sees it; then back. */
static void counted_call(struct emitter *e, const struct stub *st, uintptr_t function)
{
    add_count(e, st->counted);
    op_reg(e, REX_W, 0x89, RBX, RDI);
    call(e, function);
}

static void stub_fetch(struct emitter *e, const struct stub *st)
{
    set_psw_address(e, st->step);
    op_reg(e, 0, 0x89, RAX, RSI);
    counted_call(e, st, fetch_slow[st->size]);
    subtract_count(e, st->counted);
    op_reg(e, 0, st->size == 4 ? 0x8B : st->size == 2 ? 0x0FB7 : 0x0FB6, RCX, RAX);
    jmp_to(e, st->resume);
}

/* After a store the long way or one into marked halfwords: on, unless it dropped the trace. */
static void stub_store(struct emitter *e, const struct stub *st)
{
    set_psw_address(e, st->step);
    op_reg(e, 0, 0x89, RAX, RSI);
    op_reg(e, 0, 0x89, RCX, RDX);
    counted_call(e, st, store_slow[st->size]);
    exit_if_broken(e, st->step);
    subtract_count(e, st->counted);
    jmp_to(e, st->resume);
}

static void stub_marks(struct emitter *e, const struct stub *st)
{
    op_reg(e, 0, 0x89, RDX, RSI);
    mov_imm(e, RDX, st->size);
    counted_call(e, st, (uintptr_t)translated_store_hit);
    exit_if_broken(e, st->step);
    subtract_count(e, st->counted);
    jmp_to(e, st->resume);
}

static void stub_overflow(struct emitter *e, const struct stub *st)
{
    set_psw_address(e, st->step);
    counted_call(e, st, (uintptr_t)translated_fixed_overflow);
    subtract_count(e, st->counted);
    jmp_to(e, st->resume);
}

static void stub_taken(struct emitter *e, const struct stub *st)
{
    branch_address(e, st->step);
    exit_taken(e, st->counted, st->step);
}

static void stub_taken_esi(struct emitter *e, const struct stub *st)
{
    exit_taken(e, st->counted, st->step);
}

static void stub_branched(struct emitter *e, const struct stub *st)
{
    (void)st;
    op_reg(e, 0, 0x31, RAX, RAX);
    epilogue(e);
}

static void stub_broken(struct emitter *e, const struct stub *st)
{
    exit_after(e, st->step);
}

static void stub_moved(struct emitter *e, const struct stub *st)
{
    (void)st;
    op_reg(e, REX_W, 0x89, RBX, RDI);
    mov_imm64(e, RSI, (uint64_t)(uintptr_t)e->head);
    call(e, (uintptr_t)trace_moved);
    epilogue(e);
}

static void stub_call(struct emitter *e, const struct stub *st)
{
    handler_call(e, st->counted);
    subtract_count(e, st->counted);
    jmp_to(e, st->resume);
}

static void (*const stub_emitters[])(struct emitter *e, const struct stub *st) = {
    [STUB_FETCH] = stub_fetch,     [STUB_STORE] = stub_store,       [STUB_MARKS] = stub_marks,
    [STUB_OVERFLOW] = stub_overflow, [STUB_TAKEN] = stub_taken,     [STUB_TAKEN_ESI] = stub_taken_esi,
    [STUB_BRANCHED] = stub_branched, [STUB_BROKEN] = stub_broken,   [STUB_CALL] = stub_call,
    [STUB_MOVED] = stub_moved,
};

/* ---- a trace ------------------------------------------------------------------------------------ */

/* Compare a field with another (the checks of chain_code): to the label field returned on cc. */
static uint8_t *unless_fields(struct emitter *e, unsigned flags, struct mem a, struct mem b, enum condition cc)
{
    op_mem(e, flags, 0x8B, RAX, a);
    op_mem(e, flags, 0x3B, RAX, b);
    return jcc_forward(e, cc);
}

/*
 * After a taken branch, with the PSW's address (esi) and ILC set and the count added: when the loop
 * would go on in this block (the limit not reached, the pending word and the context as they were,
 * the address even and before the block's last 8 bytes) and the target's entry is a trace, jump to
 * that trace; otherwise return NULL to the loop.  Placed before the trace's entry point.
 */
static void chain_code(struct emitter *e)
{
    uint8_t *leave[8];
    unsigned n = 0;
    e->chain = e->p;
    leave[n++] = unless_fields(e, REX_W, FIELD(instructions), FIELD(trace_limit), CC_AE);
    leave[n++] = unless_fields(e, 0, FIELD(pending), FIELD(trace_seen), CC_NE);
    leave[n++] = unless_fields(e, REX_W, FIELD(context), FIELD(synced_context), CC_NE);
    op_reg(e, 0, 0x89, RSI, RAX);
    alu_imm(e, 0, ALU_SUB, RAX, e->block->base);
    alu_imm(e, 0, ALU_CMP, RAX, 0x800 - 8);
    leave[n++] = jcc_forward(e, CC_A);
    byte(e, 0xA8); /* test al, 1 */
    byte(e, 1);
    leave[n++] = jcc_forward(e, CC_NE);
    shift_imm(e, 0, SHIFT_SHL, RAX, DECODED_ENTRY_SHIFT - 1);
    mov_imm64(e, RDX, (uint64_t)(uintptr_t)e->block->entries);
    op_reg(e, REX_W, 0x01, RAX, RDX);
    mov_imm64(e, RAX, (uint64_t)(uintptr_t)decoded_labels[RUN_TRACE]);
    op_mem(e, REX_W, 0x39, RAX, ((struct mem){.base = RDX}));
    leave[n++] = jcc_forward(e, CC_NE);
    op_reg(e, REX_W, 0x89, RBX, RDI);
    op_mem(e, REX_W, 0x8B, RAX, ((struct mem){.base = RDX, .disp = offsetof(struct decoded_entry, trace)}));
    byte(e, 0x5B);              /* pop rbx */
    op_reg(e, 0, 0xFF, 4, RAX); /* jmp rax */
    for (unsigned i = 0; i < n; i++)
        patch(leave[i], e->p);
    op_reg(e, 0, 0x31, RAX, RAX);
    epilogue(e);
}

/* The trace's constants (the PSW addresses it sets) hold for the block at the logical address it
   was made for. */
static void prologue(struct emitter *e)
{
    byte(e, 0x53);                  /* push rbx: the stack is 16-byte aligned for calls */
    op_reg(e, REX_W, 0x89, RDI, RBX); /* mov rbx, rdi */
    alu_field_imm(e, 0, ALU_CMP, FIELD(decoded_base), e->block->base);
    stub_at(e, STUB_MOVED, jcc_forward(e, CC_NE), 0);
    op_mem(e, REX_W, 0xC7, 0, FIELD(decoded_at));
    word(e, 0);
    mov_field_imm8(e, FIELD(trace_broken), 0);
}

/* ---- condition codes nobody reads ---------------------------------------------------------------- */

/* What an instruction in line does to the condition code, for finding codes replaced before any
   instruction, handler, interruption or exit of the trace can read them: CC_SETS, one that sets it
   and cannot be interrupted before; CC_KEEPS, one that neither reads nor changes it and cannot be
   interrupted or leave the trace.  (Overflow interrupts after setting cc 3.)  Each holds only when
   the instruction is in line: a constant shift amount, an even register pair. */
enum cc_use { CC_UNKNOWN, CC_SETS, CC_KEEPS };
static const uint8_t cc_use_of[256] = {
    [0x10] = CC_SETS,  [0x12] = CC_SETS,  [0x13] = CC_SETS, [0x14] = CC_SETS,  [0x15] = CC_SETS,
    [0x16] = CC_SETS,  [0x17] = CC_SETS,  [0x19] = CC_SETS, [0x1A] = CC_SETS,  [0x1B] = CC_SETS,
    [0x1E] = CC_SETS,  [0x1F] = CC_SETS,  [0x8A] = CC_SETS, [0x8B] = CC_SETS,  [0x8E] = CC_SETS,
    [0x18] = CC_KEEPS, [0x41] = CC_KEEPS, [0x1C] = CC_KEEPS, [0x88] = CC_KEEPS, [0x89] = CC_KEEPS,
    [0x8C] = CC_KEEPS, [0x8D] = CC_KEEPS,
};

static enum cc_use cc_use(const struct trace_step *s)
{
    bool shift = s->opcode >= 0x88 && s->opcode <= 0x8E, pair = s->opcode == 0x1C || s->opcode >= 0x8C;
    if ((shift && s->insn.base1 != 16) || (pair && (s->insn.r1 & 1)) ||
        (s->opcode == 0x8B && (s->insn.disp1 & 63) > 31))
        return CC_UNKNOWN;
    return cc_use_of[s->opcode];
}

static bool cc_unread_after(const struct trace_step *s, const struct trace_step *end)
{
    for (const struct trace_step *next = s + 1; next < end; next++) {
        enum cc_use use = cc_use(next);
        if (use != CC_KEEPS)
            return use == CC_SETS;
    }
    return false;
}

/* The instruction in line, else a call of its handler. */
static void emit_step(struct emitter *e, const struct trace_step *s, const struct insn *copy)
{
    e->step = s;
    e->copy = copy;
    e->uncounted++;
    native_fn *emit = native[s->opcode];
    if (s->run != RUN_CALL && emit && emit(e, &s->insn))
        return;
    call_handler(e);
}

trace_fn *translate_trace(struct code_space *space, const struct decoded_block *b, const struct decoded_entry *head,
                          const struct trace_step *steps, unsigned n)
{
    static _Thread_local struct emitter e;
    /* the trace's copies of its instructions (for the handlers), then its code */
    uint8_t *start = space->start + ((size_t)(space->free - space->start + 15) & ~(size_t)15);
    struct insn *copies = (struct insn *)start;
    uint8_t *code = start + ((n * sizeof *copies + 15) & ~(size_t)15);
    if (code >= space->end)
        return NULL;
    e.p = code;
    e.limit = space->end;
    e.full = false;
    e.uncounted = 0;
    e.nstubs = 0;
    e.step = NULL;
    e.block = b;
    e.head = head;
    chain_code(&e);
    uint8_t *entry = e.p;
    prologue(&e);
    for (unsigned i = 0; i < n; i++) {
        copies[i] = steps[i].insn;
        e.cc_unread = cc_unread_after(&steps[i], &steps[n]);
        emit_step(&e, &steps[i], &copies[i]);
    }
    e.cc_unread = false;
    count_now(&e);
    exit_after(&e, &steps[n - 1]);
    /* (a stub may make stubs of its own: they are emitted in turn) */
    for (unsigned i = 0; i < e.nstubs; i++) {
        struct stub st = e.stubs[i];
        patch(st.jump_field, e.p);
        e.step = st.step;
        e.copy = st.copy;
        stub_emitters[st.kind](&e, &st);
    }
    if (e.full)
        return NULL;
    space->free = e.p;
    return (trace_fn *)(uintptr_t)entry;
}

#else /* no translator for this host */

bool code_space_create(struct code_space *s)
{
    (void)s;
    return false;
}

void code_space_free(struct code_space *s)
{
    (void)s;
}

trace_fn *translate_trace(struct code_space *space, const struct decoded_block *b, const struct decoded_entry *head,
                          const struct trace_step *steps, unsigned n)
{
    (void)space;
    (void)b;
    (void)head;
    (void)steps;
    (void)n;
    return NULL;
}

#endif
