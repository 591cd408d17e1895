/*
 * psw.c - the program status word in its two formats (GA22-7000, "Program-Status Word"):
 *
 *   BC mode (bit 12 = 0): bits 0-7 channel masks 0-5, I/O mask 6+, external mask; 8-11 key; 13 M;
 *     14 W; 15 P; 16-31 interruption code; 32-33 ILC; 34-35 CC; 36-39 program mask; 40-63 address.
 *   EC mode (bit 12 = 1): bit 1 PER, 5 DAT, 6 I/O, 7 external; 8-15 as BC; 18-19 CC; 20-23 program
 *     mask; 40-63 address.  Bits 0, 2-4, 16-17 and 24-39 must be zero: a PSW with any of them on is
 *     invalid, which is recognized (specification exception) when the PSW becomes current.
 */
#include "cpu370/cpu_int.h"

enum { EC_RESERVED_BYTE2 = 0xC0 }; /* bits 16-17 (16 is DAS's, not installed) */

void psw_unpack(const uint8_t in[8], struct psw *p)
{
    p->sysmask = in[0];
    p->key = in[1] >> 4;
    p->ec = (in[1] & 0x08) != 0;
    p->mcheck = (in[1] & 0x04) != 0;
    p->wait = (in[1] & 0x02) != 0;
    p->problem = (in[1] & 0x01) != 0;
    p->ia = be32(in + 4) & 0xFFFFFF;
    if (p->ec) {
        p->cc = (in[2] >> 4) & 3;
        p->progmask = in[2] & 15;
        p->intcode = 0;
        p->ilc = 0;
        p->ec_reserved = (uint32_t)(in[0] & PSW_EC_UNASSIGNED_SYSMASK) << 24 |
                         (uint32_t)(in[2] & EC_RESERVED_BYTE2) << 16 | (uint32_t)in[3] << 8 | in[4];
        p->invalid = p->ec_reserved != 0;
    } else {
        /* bits 16-33 of a BC-mode PSW are not retained: interruptions store their own */
        p->intcode = 0;
        p->ilc = 0;
        p->cc = (in[4] >> 4) & 3;
        p->progmask = in[4] & 15;
        p->ec_reserved = 0;
        p->invalid = false;
    }
}

void psw_pack(const struct psw *p, uint8_t out[8])
{
    out[0] = p->sysmask;
    out[1] = (uint8_t)(p->key << 4 | p->ec << 3 | p->mcheck << 2 | p->wait << 1 | p->problem);
    put_be32(out + 4, p->ia & 0xFFFFFF);
    if (p->ec) {
        out[0] |= (uint8_t)(p->ec_reserved >> 24);
        out[2] = (uint8_t)(p->cc << 4 | p->progmask | (p->ec_reserved >> 16 & EC_RESERVED_BYTE2));
        out[3] = (uint8_t)(p->ec_reserved >> 8);
        out[4] = (uint8_t)p->ec_reserved;
    } else {
        put_be16(out + 2, p->intcode);
        out[4] = (uint8_t)(p->ilc << 6 | p->cc << 4 | p->progmask);
    }
}

void load_psw_from(struct cpu *c, uint32_t real)
{
    uint8_t bytes[8];
    memcpy(bytes, real_pointer(c, real), 8);
    psw_unpack(bytes, &c->psw);
    cpu_context_changed(c);
}

/* The current PSW as displays show it: in BC mode with the ILC of the last instruction executed, as
   Hercules shows it (so test scripts that compare PSW= lines carry over). */
void cpu_get_psw(const struct cpu *c, uint8_t psw[8])
{
    struct psw shown = c->psw;
    if (!shown.ec)
        shown.ilc = c->ilc;
    psw_pack(&shown, psw);
}

void cpu_set_psw(struct cpu *c, const uint8_t psw[8])
{
    psw_unpack(psw, &c->psw);
    cpu_context_changed(c);
}

const struct psw *cpu_psw(const struct cpu *c)
{
    return &c->psw;
}
