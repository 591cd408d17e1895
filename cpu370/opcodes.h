/*
 * opcodes.h - the one list of System/370 machine instructions.
 *
 * Every consumer (the CPU's dispatch table, the tracer/disassembler, asm370's opcode table) is generated
 * from S370_OPCODES, so mnemonic, opcode and format can never disagree.  Source: GA22-7000, Appendix B
 * (instructions arranged by name) and the format descriptions in chapter 5.
 *
 * OP(code, mnemonic, format, flags)
 *   code      one-byte opcode, or for the two-byte opcodes (B2xx, and the I/O group 9C00-9F01 whose
 *             second byte selects the instruction) the full 16-bit value
 *   mnemonic  bare identifier (stringify it for the name; paste it for handler names)
 *   format    an S370_FMT_* value without the prefix (operand layout, see enum s370_format)
 *   flags     S370_PRIV, S370_IO, S370_SEMIPRIV, S370_BRANCH, S370_INTERRUPTIBLE, S370_FP, S370_DEC
 *             or 0
 */
#ifndef S370_OPCODES_H
#define S370_OPCODES_H

/* Operand layouts.  Several share an encoding and differ only in the operands they take. */
enum s370_format {
    S370_FMT_RR,     /* op R1,R2                     opcode | R1 R2                                */
    S370_FMT_RR_M,   /* op M1,R2 (BCR)               same encoding as RR                            */
    S370_FMT_RR_R1,  /* op R1 (SPM)                  R2 field zero                                  */
    S370_FMT_RR_I,   /* op I (SVC)                   second byte is the immediate                   */
    S370_FMT_RX,     /* op R1,D2(X2,B2)                                                             */
    S370_FMT_RX_M,   /* op M1,D2(X2,B2) (BC)         same encoding as RX                            */
    S370_FMT_RS,     /* op R1,R3,D2(B2)                                                             */
    S370_FMT_RS_M,   /* op R1,M3,D2(B2) (ICM, STCM, CLM) same encoding as RS                        */
    S370_FMT_RS_SH,  /* op R1,D2(B2) (shifts)        R3 field zero                                  */
    S370_FMT_SI,     /* op D1(B1),I2                                                                */
    S370_FMT_SI_S,   /* op D1(B1) (SSM, LPSW, TS)    one-byte opcode, I2 field zero                 */
    S370_FMT_S,      /* op D2(B2)                    two-byte opcode                                */
    S370_FMT_S_NONE, /* op (IPK, PTLB)               two-byte opcode, no operand, B2 D2 zero        */
    S370_FMT_SS_L,   /* op D1(L,B1),D2(B2)           one 8-bit length                               */
    S370_FMT_SS_LL,  /* op D1(L1,B1),D2(L2,B2)       two 4-bit lengths                              */
    S370_FMT_SS_SRP, /* op D1(L1,B1),D2(B2),I3       4-bit length and 4-bit rounding digit          */
};

enum s370_opflags {
    S370_PRIV = 1 << 0,     /* privileged: program check 2 in problem state */
    S370_SEMIPRIV = 1 << 1, /* privileged only under a control (SPKA, IPK: PSW key mask in CR3) */
    S370_IO = 1 << 2,       /* I/O instruction, handled by channels/ */
    S370_BRANCH = 1 << 3,   /* may change the instruction address (PER successful branch) */
    S370_FP = 1 << 4,       /* hexadecimal floating point */
    S370_DEC = 1 << 5,      /* packed decimal */
    S370_INTERRUPTIBLE = 1 << 6, /* may end after a unit of operation, the PSW left at itself */
};

/* clang-format off */
#define S370_OPCODES(OP)                                                                                    \
    /* RR: general */                                                                                      \
    OP(0x04, SPM,   RR_R1, 0)            OP(0x05, BALR,  RR,   S370_BRANCH) OP(0x06, BCTR,  RR,   S370_BRANCH) \
    OP(0x07, BCR,   RR_M,  S370_BRANCH)  OP(0x08, SSK,   RR,   S370_PRIV)   OP(0x09, ISK,   RR,   S370_PRIV)   \
    OP(0x0A, SVC,   RR_I,  0)            OP(0x0D, BASR,  RR,   S370_BRANCH) OP(0x0E, MVCL,  RR,   S370_INTERRUPTIBLE) \
    OP(0x0F, CLCL,  RR,    S370_INTERRUPTIBLE)                                                              \
    OP(0x10, LPR,   RR,    0)  OP(0x11, LNR,   RR,   0)  OP(0x12, LTR,   RR,   0)  OP(0x13, LCR,   RR,   0)   \
    OP(0x14, NR,    RR,    0)  OP(0x15, CLR,   RR,   0)  OP(0x16, OR,    RR,   0)  OP(0x17, XR,    RR,   0)   \
    OP(0x18, LR,    RR,    0)  OP(0x19, CR,    RR,   0)  OP(0x1A, AR,    RR,   0)  OP(0x1B, SR,    RR,   0)   \
    OP(0x1C, MR,    RR,    0)  OP(0x1D, DR,    RR,   0)  OP(0x1E, ALR,   RR,   0)  OP(0x1F, SLR,   RR,   0)   \
    /* RR: floating point, long (2x) and short (3x) */                                                     \
    OP(0x20, LPDR,  RR, S370_FP) OP(0x21, LNDR, RR, S370_FP) OP(0x22, LTDR, RR, S370_FP) OP(0x23, LCDR, RR, S370_FP) \
    OP(0x24, HDR,   RR, S370_FP) OP(0x25, LRDR, RR, S370_FP) OP(0x26, MXR,  RR, S370_FP) OP(0x27, MXDR, RR, S370_FP) \
    OP(0x28, LDR,   RR, S370_FP) OP(0x29, CDR,  RR, S370_FP) OP(0x2A, ADR,  RR, S370_FP) OP(0x2B, SDR,  RR, S370_FP) \
    OP(0x2C, MDR,   RR, S370_FP) OP(0x2D, DDR,  RR, S370_FP) OP(0x2E, AWR,  RR, S370_FP) OP(0x2F, SWR,  RR, S370_FP) \
    OP(0x30, LPER,  RR, S370_FP) OP(0x31, LNER, RR, S370_FP) OP(0x32, LTER, RR, S370_FP) OP(0x33, LCER, RR, S370_FP) \
    OP(0x34, HER,   RR, S370_FP) OP(0x35, LRER, RR, S370_FP) OP(0x36, AXR,  RR, S370_FP) OP(0x37, SXR,  RR, S370_FP) \
    OP(0x38, LER,   RR, S370_FP) OP(0x39, CER,  RR, S370_FP) OP(0x3A, AER,  RR, S370_FP) OP(0x3B, SER,  RR, S370_FP) \
    OP(0x3C, MER,   RR, S370_FP) OP(0x3D, DER,  RR, S370_FP) OP(0x3E, AUR,  RR, S370_FP) OP(0x3F, SUR,  RR, S370_FP) \
    /* RX: general */                                                                                      \
    OP(0x40, STH,   RX,   0)           OP(0x41, LA,    RX,   0)           OP(0x42, STC,   RX,   0)          \
    OP(0x43, IC,    RX,   0)           OP(0x44, EX,    RX,   0)           OP(0x45, BAL,   RX,   S370_BRANCH) \
    OP(0x46, BCT,   RX,   S370_BRANCH) OP(0x47, BC,    RX_M, S370_BRANCH) OP(0x48, LH,    RX,   0)          \
    OP(0x49, CH,    RX,   0)           OP(0x4A, AH,    RX,   0)           OP(0x4B, SH,    RX,   0)          \
    OP(0x4C, MH,    RX,   0)           OP(0x4D, BAS,   RX,   S370_BRANCH) OP(0x4E, CVD,   RX,   S370_DEC)   \
    OP(0x4F, CVB,   RX,   S370_DEC)    OP(0x50, ST,    RX,   0)           OP(0x54, N,     RX,   0)          \
    OP(0x55, CL,    RX,   0)           OP(0x56, O,     RX,   0)           OP(0x57, X,     RX,   0)          \
    OP(0x58, L,     RX,   0)           OP(0x59, C,     RX,   0)           OP(0x5A, A,     RX,   0)          \
    OP(0x5B, S,     RX,   0)           OP(0x5C, M,     RX,   0)           OP(0x5D, D,     RX,   0)          \
    OP(0x5E, AL,    RX,   0)           OP(0x5F, SL,    RX,   0)                                            \
    /* RX: floating point, long (6x) and short (7x) */                                                     \
    OP(0x60, STD,   RX, S370_FP) OP(0x67, MXD,  RX, S370_FP) OP(0x68, LD,   RX, S370_FP) OP(0x69, CD,   RX, S370_FP) \
    OP(0x6A, AD,    RX, S370_FP) OP(0x6B, SD,   RX, S370_FP) OP(0x6C, MD,   RX, S370_FP) OP(0x6D, DD,   RX, S370_FP) \
    OP(0x6E, AW,    RX, S370_FP) OP(0x6F, SW,   RX, S370_FP) OP(0x70, STE,  RX, S370_FP) OP(0x78, LE,   RX, S370_FP) \
    OP(0x79, CE,    RX, S370_FP) OP(0x7A, AE,   RX, S370_FP) OP(0x7B, SE,   RX, S370_FP) OP(0x7C, ME,   RX, S370_FP) \
    OP(0x7D, DE,    RX, S370_FP) OP(0x7E, AU,   RX, S370_FP) OP(0x7F, SU,   RX, S370_FP)                      \
    /* 8x-Bx: control, shifts, storage-immediate, multiple */                                              \
    OP(0x80, SSM,   SI_S,  S370_PRIV)   OP(0x82, LPSW,  SI_S, S370_PRIV)   OP(0x83, DIAG,  RS,   S370_PRIV)  \
    OP(0x84, WRD,   SI,    S370_PRIV)   OP(0x85, RDD,   SI,   S370_PRIV)   OP(0x86, BXH,   RS,   S370_BRANCH) \
    OP(0x87, BXLE,  RS,    S370_BRANCH) OP(0x88, SRL,   RS_SH, 0)          OP(0x89, SLL,   RS_SH, 0)         \
    OP(0x8A, SRA,   RS_SH, 0)           OP(0x8B, SLA,   RS_SH, 0)          OP(0x8C, SRDL,  RS_SH, 0)         \
    OP(0x8D, SLDL,  RS_SH, 0)           OP(0x8E, SRDA,  RS_SH, 0)          OP(0x8F, SLDA,  RS_SH, 0)         \
    OP(0x90, STM,   RS,    0)           OP(0x91, TM,    SI,   0)           OP(0x92, MVI,   SI,   0)          \
    OP(0x93, TS,    SI_S,  0)           OP(0x94, NI,    SI,   0)           OP(0x95, CLI,   SI,   0)          \
    OP(0x96, OI,    SI,    0)           OP(0x97, XI,    SI,   0)           OP(0x98, LM,    RS,   0)          \
    OP(0x9C00, SIO,   S, S370_PRIV | S370_IO) OP(0x9C01, SIOF, S, S370_PRIV | S370_IO)                        \
    OP(0x9C02, RIO,   S, S370_PRIV | S370_IO) OP(0x9D00, TIO,  S, S370_PRIV | S370_IO)                        \
    OP(0x9D01, CLRIO, S, S370_PRIV | S370_IO) OP(0x9E00, HIO,  S, S370_PRIV | S370_IO)                        \
    OP(0x9E01, HDV,   S, S370_PRIV | S370_IO) OP(0x9F00, TCH,  S, S370_PRIV | S370_IO)                        \
    OP(0x9F01, CLRCH, S, S370_PRIV | S370_IO)                                                               \
    OP(0xAC, STNSM, SI,    S370_PRIV)   OP(0xAD, STOSM, SI,   S370_PRIV)   OP(0xAE, SIGP,  RS,   S370_PRIV)  \
    OP(0xAF, MC,    SI,    0)           OP(0xB1, LRA,   RX,   S370_PRIV)                                    \
    OP(0xB200, CONCS, S, S370_PRIV | S370_IO) OP(0xB201, DISCS, S, S370_PRIV | S370_IO)                       \
    OP(0xB202, STIDP, S, S370_PRIV)     OP(0xB203, STIDC, S, S370_PRIV | S370_IO)                             \
    OP(0xB204, SCK,   S, S370_PRIV)     OP(0xB205, STCK,  S, 0)              OP(0xB206, SCKC,  S, S370_PRIV)   \
    OP(0xB207, STCKC, S, S370_PRIV)     OP(0xB208, SPT,   S, S370_PRIV)      OP(0xB209, STPT,  S, S370_PRIV)   \
    OP(0xB20A, SPKA,  S, S370_SEMIPRIV) OP(0xB20B, IPK,   S_NONE, S370_SEMIPRIV) OP(0xB20D, PTLB, S_NONE, S370_PRIV)   \
    OP(0xB210, SPX,   S, S370_PRIV)     OP(0xB211, STPX,  S, S370_PRIV)      OP(0xB212, STAP,  S, S370_PRIV)   \
    OP(0xB213, RRB,   S, S370_PRIV)                                                                         \
    OP(0xB6, STCTL, RS,    S370_PRIV)   OP(0xB7, LCTL,  RS,   S370_PRIV)   OP(0xBA, CS,    RS,   0)          \
    OP(0xBB, CDS,   RS,    0)           OP(0xBD, CLM,   RS_M, 0)           OP(0xBE, STCM,  RS_M, 0)          \
    OP(0xBF, ICM,   RS_M,  0)                                                                               \
    /* SS: logical (Dx) and decimal (Fx) */                                                                \
    OP(0xD1, MVN,   SS_L,  0)  OP(0xD2, MVC,   SS_L, 0)  OP(0xD3, MVZ,   SS_L, 0)  OP(0xD4, NC,    SS_L, 0)    \
    OP(0xD5, CLC,   SS_L,  0)  OP(0xD6, OC,    SS_L, 0)  OP(0xD7, XC,    SS_L, 0)  OP(0xDC, TR,    SS_L, 0)    \
    OP(0xDD, TRT,   SS_L,  0)  OP(0xDE, ED,    SS_L, S370_DEC) OP(0xDF, EDMK, SS_L, S370_DEC)                 \
    OP(0xF0, SRP,   SS_SRP, S370_DEC) OP(0xF1, MVO, SS_LL, S370_DEC) OP(0xF2, PACK, SS_LL, S370_DEC)          \
    OP(0xF3, UNPK,  SS_LL, S370_DEC)  OP(0xF8, ZAP, SS_LL, S370_DEC) OP(0xF9, CP,   SS_LL, S370_DEC)          \
    OP(0xFA, AP,    SS_LL, S370_DEC)  OP(0xFB, SP,  SS_LL, S370_DEC) OP(0xFC, MP,   SS_LL, S370_DEC)          \
    OP(0xFD, DP,    SS_LL, S370_DEC)
/* clang-format on */

/* Instruction length in bytes from the first opcode byte (bits 0-1: 00 -> 2, 01/10 -> 4, 11 -> 6). */
static inline int s370_instruction_length(unsigned first_byte)
{
    static const unsigned char length_by_top_bits[4] = {2, 4, 4, 6};
    return length_by_top_bits[first_byte >> 6];
}

/* True when code is a two-byte opcode (the second byte is part of the operation code). */
static inline int s370_opcode_is_extended(unsigned code)
{
    return code > 0xFF;
}

#endif
