*---------------------------------------------------------------------*
* PRIVOPS - emulation of the privileged instructions.  Prefix PRV.    *
*                                                                     *
* Trap and emulate: the guest runs in real problem state, so every    *
* privileged instruction it executes stops with a privileged-        *
* operation exception before it does anything (GA22-7000: the        *
* operation is suppressed).  When the VIRTUAL PSW is in supervisor   *
* state, the guest was entitled to it: PGMCHK fetches the            *
* instruction into VMBINST and PRVEXEC looks its operation code up in *
* PRVOPTAB, counts it (QUERY TRAPS), traces it (TRACE PRIV, or I/O   *
* for the I/O instructions) and calls its routine.  Each routine     *
* does to the virtual machine - the VMBLOK and the guest's storage - *
* what the real machine would have done to the real one, and opens  *
* with the architected behaviour it implements.                      *
*                                                                     *
* Routines: in R11 -> VMBLOK, R2 -> VMBINST (the virtual PSW already *
* points after the instruction).  Out: R15 = 0 done, or R15 = 4 and  *
* R1 = the program interruption code the real machine would have     *
* given (specification 6, addressing 5, special operation X'13',     *
* translation specification X'12'), which PGMCHK reflects.  An       *
* operand beyond the VM's storage is an addressing exception; CP     *
* accesses guest storage with key 0, so operand key protection is   *
* not checked (a guest in virtual supervisor state with a nonzero    *
* key could read a fetch-protected doubleword with LPSW).            *
*                                                                     *
* Two instructions never trap in virtual supervisor state: DSPGO     *
* gives the real CPU a PSW-key mask of all keys (SPKA) and the        *
* extraction-authority bit (IPK) then.  In virtual problem state     *
* they trap exactly when the guest's own CR3 and CR0 say so.         *
*---------------------------------------------------------------------*
PRIVOPS  CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* PRVTRAPT - the intercept kinds, for QUERY TRAPS: F count, then per *
* kind CL8 name, H offset of its fullword counter in the VMBLOK, H 0. *
*---------------------------------------------------------------------*
         ENTRY PRVTRAPT
PRVTRAPT DC    A(PRVTRAPN)
PRVTLPSW DC    CL8'LPSW',AL2(VMBCLPSW-VMBLOK),H'0'
PRVTSSM  DC    CL8'SSM',AL2(VMBCSSM-VMBLOK),H'0'
PRVTSTNS DC    CL8'STNSM',AL2(VMBCSTNS-VMBLOK),H'0'
PRVTSTOS DC    CL8'STOSM',AL2(VMBCSTOS-VMBLOK),H'0'
PRVTSSK  DC    CL8'SSK',AL2(VMBCSSK-VMBLOK),H'0'
PRVTISK  DC    CL8'ISK',AL2(VMBCISK-VMBLOK),H'0'
PRVTIPK  DC    CL8'IPK',AL2(VMBCIPK-VMBLOK),H'0'
PRVTSPKA DC    CL8'SPKA',AL2(VMBCSPKA-VMBLOK),H'0'
PRVTLCTL DC    CL8'LCTL',AL2(VMBCLCTL-VMBLOK),H'0'
PRVTSTCT DC    CL8'STCTL',AL2(VMBCSTCT-VMBLOK),H'0'
PRVTSTID DC    CL8'STIDP',AL2(VMBCSTID-VMBLOK),H'0'
PRVTSTAP DC    CL8'STAP',AL2(VMBCSTAP-VMBLOK),H'0'
PRVTSCK  DC    CL8'SCK',AL2(VMBCSCK-VMBLOK),H'0'
PRVTSCKC DC    CL8'SCKC',AL2(VMBCSCKC-VMBLOK),H'0'
PRVTSTCC DC    CL8'STCKC',AL2(VMBCSTCC-VMBLOK),H'0'
PRVTSPT  DC    CL8'SPT',AL2(VMBCSPT-VMBLOK),H'0'
PRVTSTPT DC    CL8'STPT',AL2(VMBCSTPT-VMBLOK),H'0'
PRVTSPX  DC    CL8'SPX',AL2(VMBCSPX-VMBLOK),H'0'
PRVTSTPX DC    CL8'STPX',AL2(VMBCSTPX-VMBLOK),H'0'
PRVTSIGP DC    CL8'SIGP',AL2(VMBCSIGP-VMBLOK),H'0'
PRVTPTLB DC    CL8'PTLB',AL2(VMBCPTLB-VMBLOK),H'0'
PRVTRRB  DC    CL8'RRB',AL2(VMBCRRB-VMBLOK),H'0'
PRVTLRA  DC    CL8'LRA',AL2(VMBCLRA-VMBLOK),H'0'
PRVTDIAG DC    CL8'DIAG',AL2(VMBCDIAG-VMBLOK),H'0'
PRVTSIO  DC    CL8'SIO',AL2(VMBCSIO-VMBLOK),H'0'
PRVTSIOF DC    CL8'SIOF',AL2(VMBCSIOF-VMBLOK),H'0'
PRVTTIO  DC    CL8'TIO',AL2(VMBCTIO-VMBLOK),H'0'
PRVTCLRI DC    CL8'CLRIO',AL2(VMBCCLRI-VMBLOK),H'0'
PRVTHIO  DC    CL8'HIO',AL2(VMBCHIO-VMBLOK),H'0'
PRVTHDV  DC    CL8'HDV',AL2(VMBCHDV-VMBLOK),H'0'
PRVTTCH  DC    CL8'TCH',AL2(VMBCTCH-VMBLOK),H'0'
PRVTSTDC DC    CL8'STIDC',AL2(VMBCSTDC-VMBLOK),H'0'
PRVTOTHR DC    CL8'OTHER',AL2(VMBCOTHR-VMBLOK),H'0'
PRVTSVC  DC    CL8'SVC',AL2(VMBCSVC-VMBLOK),H'0'
PRVTPGM  DC    CL8'PROGRAM',AL2(VMBCPGM-VMBLOK),H'0'
PRVTPAGE DC    CL8'PAGEFLT',AL2(VMBCPAGE-VMBLOK),H'0'
PRVTEXT  DC    CL8'EXTINT',AL2(VMBCEXT-VMBLOK),H'0'
PRVTIOI  DC    CL8'IOINT',AL2(VMBCIOI-VMBLOK),H'0'
PRVTRAPN EQU   (*-PRVTRAPT-4)/12
*---------------------------------------------------------------------*
* PRVOPTAB - privileged operation code -> emulation routine.  An     *
* entry matches when the first byte equals OP and the second byte,   *
* ANDed with MASK, equals OP2 (B2xx: the second byte; the I/O         *
* instructions 9C-9F: its last bit, SIO/SIOF...).  CLASS is the      *
* TRACE class (VMBTRACE bit); KIND -> its PRVTRAPT row.  Ends with    *
* OP = 0.                                                             *
*---------------------------------------------------------------------*
PRVOPE   DSECT                     one entry
PRVOPOP  DS    X                   OP
PRVOPOP2 DS    X                   OP2
PRVOPMSK DS    X                   MASK
PRVOPCLS DS    X                   CLASS
PRVOPKND DS    A                   KIND
PRVOPRTN DS    A                   routine
PRVOPLEN EQU   *-PRVOPE
PRIVOPS  CSECT
PRVOPTAB DS    0F
         DC    X'82',X'00',X'00',AL1(VMBTPRIV),A(PRVTLPSW,PRVLPSW)
         DC    X'80',X'00',X'00',AL1(VMBTPRIV),A(PRVTSSM,PRVSSM)
         DC    X'AC',X'00',X'00',AL1(VMBTPRIV),A(PRVTSTNS,PRVSTNSM)
         DC    X'AD',X'00',X'00',AL1(VMBTPRIV),A(PRVTSTOS,PRVSTOSM)
         DC    X'08',X'00',X'00',AL1(VMBTPRIV),A(PRVTSSK,PRVSSK)
         DC    X'09',X'00',X'00',AL1(VMBTPRIV),A(PRVTISK,PRVISK)
         DC    X'B2',X'0B',X'FF',AL1(VMBTPRIV),A(PRVTIPK,PRVIPK)
         DC    X'B2',X'0A',X'FF',AL1(VMBTPRIV),A(PRVTSPKA,PRVSPKA)
         DC    X'B7',X'00',X'00',AL1(VMBTPRIV),A(PRVTLCTL,PRVLCTL)
         DC    X'B6',X'00',X'00',AL1(VMBTPRIV),A(PRVTSTCT,PRVSTCTL)
         DC    X'B2',X'02',X'FF',AL1(VMBTPRIV),A(PRVTSTID,PRVSTIDP)
         DC    X'B2',X'12',X'FF',AL1(VMBTPRIV),A(PRVTSTAP,PRVSTAP)
         DC    X'B2',X'04',X'FF',AL1(VMBTPRIV),A(PRVTSCK,PRVSCK)
         DC    X'B2',X'06',X'FF',AL1(VMBTPRIV),A(PRVTSCKC,PRVSCKC)
         DC    X'B2',X'07',X'FF',AL1(VMBTPRIV),A(PRVTSTCC,PRVSTCKC)
         DC    X'B2',X'08',X'FF',AL1(VMBTPRIV),A(PRVTSPT,PRVSPT)
         DC    X'B2',X'09',X'FF',AL1(VMBTPRIV),A(PRVTSTPT,PRVSTPT)
         DC    X'B2',X'10',X'FF',AL1(VMBTPRIV),A(PRVTSPX,PRVSPX)
         DC    X'B2',X'11',X'FF',AL1(VMBTPRIV),A(PRVTSTPX,PRVSTPX)
         DC    X'AE',X'00',X'00',AL1(VMBTPRIV),A(PRVTSIGP,PRVSIGP)
         DC    X'B2',X'0D',X'FF',AL1(VMBTPRIV),A(PRVTPTLB,PRVPTLB)
         DC    X'B2',X'13',X'FF',AL1(VMBTPRIV),A(PRVTRRB,PRVRRB)
         DC    X'B1',X'00',X'00',AL1(VMBTPRIV),A(PRVTLRA,PRVLRA)
         DC    X'83',X'00',X'00',AL1(VMBTPRIV),A(PRVTDIAG,DIAGINST)
         DC    X'9C',X'00',X'01',AL1(VMBTIO),A(PRVTSIO,VIOINST)
         DC    X'9C',X'01',X'01',AL1(VMBTIO),A(PRVTSIOF,VIOINST)
         DC    X'9D',X'00',X'01',AL1(VMBTIO),A(PRVTTIO,VIOINST)
         DC    X'9D',X'01',X'01',AL1(VMBTIO),A(PRVTCLRI,VIOINST)
         DC    X'9E',X'00',X'01',AL1(VMBTIO),A(PRVTHIO,VIOINST)
         DC    X'9E',X'01',X'01',AL1(VMBTIO),A(PRVTHDV,VIOINST)
         DC    X'9F',X'00',X'01',AL1(VMBTIO),A(PRVTTCH,VIOINST)
         DC    X'B2',X'03',X'FF',AL1(VMBTIO),A(PRVTSTDC,VIOINST)
         DC    X'00'
*---------------------------------------------------------------------*
* PRVEXEC - emulate the privileged instruction in VMBINST.  One that *
* is not in the table (a privileged instruction this machine does    *
* not have: WRD, RDD) is an operation exception for the guest.       *
* In: R11 -> VMBLOK.  Out: R15 = 0, or 4 with R1 = code to reflect.  *
*---------------------------------------------------------------------*
PRVEXEC  CPENTRY
         USING VMBLOK,R11
         L     R3,PRVOPTA
         USING PRVOPE,R3
PRVEX1   CLI   PRVOPOP,0
         BE    PRVEXNO
         CLC   PRVOPOP,VMBINST
         BNE   PRVEX2
         IC    R0,VMBINST+1
         SR    R1,R1
         IC    R1,PRVOPMSK
         NR    R0,R1
         CLM   R0,1,PRVOPOP2
         BE    PRVEX3
PRVEX2   LA    R3,PRVOPLEN(,R3)
         B     PRVEX1
PRVEXNO  L     R1,VMBCOTHR
         LA    R1,1(,R1)
         ST    R1,VMBCOTHR
         LA    R1,1                operation exception
         CPEXIT RC=4
PRVEX3   L     R4,PRVOPKND         count it
         LH    R4,8(,R4)
         L     R1,0(R4,R11)
         LA    R1,1(,R1)
         ST    R1,0(R4,R11)
         SR    R1,R1               trace it
         IC    R1,PRVOPCLS
         EX    R1,PRVTMTRC         TM VMBTRACE,class
         BZ    PRVEX4
         L     R2,VMBINSTA
         CPCALL TRCEVENT
PRVEX4   L     R15,PRVOPRTN        emulate it
         LA    R2,VMBINST
         BALR  R14,R15
         C     R15,PRVF4           (anything but 4 means done)
         BE    PRVEX5
         SR    R15,R15
PRVEX5   CPEXIT
PRVTMTRC TM    VMBTRACE,0
         DROP  R3,R11
PRVOPTA  DC    A(PRVOPTAB)
PRVF4    DC    F'4'
*---------------------------------------------------------------------*
* PRVBD - the address B2(D2) designates, from the guest's registers:  *
* D2 plus the base register (none when B2 is 0), 24 bits.            *
* PRVXBD - the same with an index X2 (RX: R1 -> the byte R1X2).      *
* In: R11 -> VMBLOK, R1 -> the B2D2 halfword (PRVXBD: -> the R1X2    *
* byte, B2D2 follows).  Out: R1 = address.                           *
*---------------------------------------------------------------------*
PRVBD    CPENTRY
         USING VMBLOK,R11
         SR    R3,R3
         B     PRVBD1
PRVXBD   CPENTRY
         USING VMBLOK,R11
         SR    R3,R3               index
         IC    R2,0(,R1)
         N     R2,PRVXF0F
         BZ    PRVXB1
         SLL   R2,2
         L     R3,VMBGPRS(R2)
PRVXB1   LA    R1,1(,R1)
PRVBD1   BALR  R12,0               (common part: a base of its own)
         USING *,R12
         SR    R2,R2
         ICM   R2,3,0(R1)
         LR    R4,R2
         SRL   R4,12               base register
         N     R2,PRVXFFF          displacement
         AR    R2,R3
         LTR   R4,R4
         BZ    PRVBD2
         SLL   R4,2
         A     R2,VMBGPRS(R4)
PRVBD2   LA    R1,0(,R2)
         CPEXIT RC=0
         DROP  R11,R12
PRVXF0F  DC    X'0000000F'
PRVXFFF  DC    X'00000FFF'
*---------------------------------------------------------------------*
* PRVSETCC - set the virtual condition code (BC: PSW bits 34-35, EC:  *
* bits 18-19).  In: R11 -> VMBLOK, R1 = 0-3.  Out: R15 = 0.           *
*---------------------------------------------------------------------*
PRVSETCC CPENTRY
         USING VMBLOK,R11
         SLL   R1,4
         LA    R2,VMBPSW+4         BC: byte 4
         TM    VMBPSW+1,X'08'
         BZ    PRVSC1
         LA    R2,VMBPSW+2         EC: byte 2
PRVSC1   NI    0(R2),X'CF'
         EX    R1,PRVSCOI
         CPEXIT RC=0
PRVSCOI  OI    0(R2),0
         DROP  R11
*---------------------------------------------------------------------*
* PRVOPND - fetch or store an instruction's storage operand: a        *
* logical address, virtual when the virtual PSW has DAT on (SHDCOPY  *
* translates it), or always a real one (R4 = 2, 3: DIAGNOSE).        *
* In: R11, R1 = guest address, R0 = length, R2 -> CP area, R3 =      *
* required alignment - 1 (0, 1, 3, 7), R4 = 0 fetch / 1 store (2, 3: *
* real).  Out: R15 = 0 done; 4 and R1 = 6 (misaligned), 5           *
* (addressing) or a translation exception's code.                    *
*---------------------------------------------------------------------*
PRVOPND  CPENTRY
         USING VMBLOK,R11
         LR    R5,R1
         NR    R5,R3
         BZ    PRVOP0
         LA    R1,6
         CPEXIT RC=4
PRVOP0   C     R4,PRVF2            a logical address...
         BNL   PRVOP1
         TM    VMBPSW,X'04'        ...with the virtual DAT on?
         BZ    PRVOP1
         TM    VMBPSW+1,X'08'
         BZ    PRVOP1
         CPCALL SHDCOPY            virtual
         CPEXIT
PRVOP1   N     R4,PRVF1B           real
         BNZ   PRVOP2
         CPCALL GSTFETCH
         B     PRVOP3
PRVOP2   CPCALL GSTSTORE
PRVOP3   LTR   R15,R15
         BZ    PRVOPEND
         LA    R1,5
         CPEXIT RC=4
PRVOPEND CPEXIT RC=0
         DROP  R11
PRVF2    DC    F'2'
PRVF1B   DC    F'1'
         LTORG
*---------------------------------------------------------------------*
* PRVLPSW - LOAD PSW (S, 82): the doubleword at the operand (on a     *
* doubleword boundary, else specification) becomes the PSW.  A PSW   *
* that is invalid (VINPSWCK) still becomes current, and then causes  *
* a specification exception with ILC 0 and itself as the old PSW.   *
* Bits 16-33 of a BC PSW are not kept (interruptions store their     *
* own).  A wait PSW makes the VM idle or stops it (DSPPSWOK).        *
*---------------------------------------------------------------------*
PRVLPSW  CPENTRY
         USING VMBLOK,R11
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,8
         LA    R2,PRVWORK
         LA    R3,7
         SR    R4,R4
         CPCALL PRVOPND
         LTR   R15,R15
         BNZ   PRVLPEND
         MVC   VMBPSW,PRVWORK
         TM    VMBPSW+1,X'08'
         BO    PRVLP1
         XC    VMBPSW+2(2),VMBPSW+2   BC: no code, ILC
         NI    VMBPSW+4,X'3F'
PRVLP1   LA    R1,VMBPSW
         CPCALL VINPSWCK
         LTR   R15,R15
         BZ    PRVLPEND
         MVI   VMBINILC,0          invalid: ILC 0
         LA    R1,6
         LA    R15,4
PRVLPEND CPEXIT
         DROP  R11
*---------------------------------------------------------------------*
* PRVSSM - SET SYSTEM MASK (S, 80): the byte at the operand replaces  *
* PSW bits 0-7.  EC mode: with the SSM-suppression control (CR0 bit  *
* 1) on it is a special-operation exception instead; ones in bits 0 *
* and 2-4 make the new PSW invalid (specification, after the change).*
*---------------------------------------------------------------------*
PRVSSM   CPENTRY
         USING VMBLOK,R11
         TM    VMBPSW+1,X'08'
         BZ    PRVSM1
         TM    VMBCRS,X'40'        CR0 bit 1
         BZ    PRVSM1
         LA    R1,X'13'            special operation
         CPEXIT RC=4
PRVSM1   LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,1
         LA    R2,PRVWORK
         SR    R3,R3
         SR    R4,R4
         CPCALL PRVOPND
         LTR   R15,R15
         BNZ   PRVSMEND
         MVC   VMBPSW(1),PRVWORK
         CPCALL PRVSMCK
PRVSMEND CPEXIT
         DROP  R11
*---------------------------------------------------------------------*
* PRVSMCK - after a new system mask: in EC mode bits 0 and 2-4 must   *
* be zero, else specification.  In: R11.  Out: R15 = 0, or 4, R1 = 6. *
*---------------------------------------------------------------------*
PRVSMCK  CPENTRY
         USING VMBLOK,R11
         TM    VMBPSW+1,X'08'
         BZ    PRVSKOK
         TM    VMBPSW,X'B8'
         BZ    PRVSKOK
         LA    R1,6
         CPEXIT RC=4
PRVSKOK  CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* PRVSTNSM / PRVSTOSM - STORE THEN AND / OR SYSTEM MASK (SI, AC/AD):  *
* PSW bits 0-7 are stored at the operand, then ANDed / ORed with I2.  *
* The store comes first: if it fails, the mask is unchanged.          *
*---------------------------------------------------------------------*
PRVSTNSM CPENTRY
         LA    R8,0                AND
         B     PRVSTXSM
PRVSTOSM CPENTRY
         LA    R8,1                OR
PRVSTXSM BALR  R12,0
         USING *,R12
         USING VMBLOK,R11
         IC    R9,1(,R2)           I2
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,1
         LA    R2,VMBPSW           the system mask is PSW byte 0
         SR    R3,R3
         LA    R4,1
         CPCALL PRVOPND
         LTR   R15,R15
         BNZ   PRVSXEND
         STC   R9,PRVWORK
         LTR   R8,R8
         BNZ   PRVSX1
         NC    VMBPSW(1),PRVWORK
         B     PRVSX2
PRVSX1   OC    VMBPSW(1),PRVWORK
PRVSX2   CPCALL PRVSMCK
PRVSXEND CPEXIT
         DROP  R11,R12
*---------------------------------------------------------------------*
* PRVKEYAD - the block address of SSK/ISK: GR R2 (second register    *
* field); bits 28-31 must be zero (specification); beyond the VM's   *
* storage is an addressing exception.  The guest page is brought in: *
* its keys are the real keys of its frame.                          *
* In: R11, R2 -> VMBINST.  Out: R15 = 0, R1 = real address of the   *
* 2K block, R0 = its guest real address; or 4 and R1 = code.         *
*---------------------------------------------------------------------*
PRVKEYAD CPENTRY
         USING VMBLOK,R11
         IC    R3,1(,R2)
         N     R3,PRVXF0F2
         SLL   R3,2
         L     R1,VMBGPRS(R3)
         LA    R0,15
         NR    R0,R1
         BZ    PRVKA1
         LA    R1,6
         CPEXIT RC=4
PRVKA1   N     R1,PRVXBLK          the 2K block
         LR    R4,R1
         CPCALL GSTADDR
         LTR   R15,R15
         BZ    PRVKAEND
         LA    R1,5
         CPEXIT RC=4
PRVKAEND LR    R0,R4
         CPEXIT RC=0
         DROP  R11
PRVXF0F2 DC    X'0000000F'
PRVXBLK  DC    X'00FFF800'
*---------------------------------------------------------------------*
* PRVSSK - SET STORAGE KEY (RR, 08): bits 24-30 of GR R1 (key, fetch  *
* protection, reference, change) become the key of the 2K block GR R2 *
* designates.  Guest keys are real keys on the guest's own frames:   *
* key-controlled protection of the guest's storage is then done by  *
* the hardware, with the guest's key in the real PSW.                *
*---------------------------------------------------------------------*
PRVSSK   CPENTRY
         USING VMBLOK,R11
         LR    R5,R2
         CPCALL PRVKEYAD
         LTR   R15,R15
         BNZ   PRVSKEND
         IC    R3,1(,R5)           R1 field
         SRL   R3,4
         N     R3,PRVXF0F3
         SLL   R3,2
         L     R4,VMBGPRS(R3)
         N     R4,PRVXFE
         SSK   R4,R1
         LR    R1,R0               the guest set R and C itself: what
         CPCALL PAGRCBY            CP kept of them is void
         MVI   0(R1),0
         SR    R15,R15
PRVSKEND CPEXIT
         DROP  R11
PRVXF0F3 DC    X'0000000F'
PRVXFE   DC    X'000000FE'
*---------------------------------------------------------------------*
* PRVISK - INSERT STORAGE KEY (RR, 09): the key of the block goes to  *
* bits 24-30 of GR R1 (bit 31 zero) in EC mode; in BC mode only key  *
* and fetch-protection bit, bits 24-28, with 29-31 zero.             *
*---------------------------------------------------------------------*
PRVISK   CPENTRY
         USING VMBLOK,R11
         LR    R5,R2
         CPCALL PRVKEYAD
         LTR   R15,R15
         BNZ   PRVIKEND
         SR    R4,R4
         ISK   R4,R1               (CP is in EC mode: with R and C)
         LR    R1,R0               and the R and C that CP kept
         CPCALL PAGRCBY
         SR    R0,R0
         IC    R0,0(,R1)
         OR    R4,R0
         N     R4,PRVXFE2          EC: with R and C
         TM    VMBPSW+1,X'08'
         BO    PRVIK1
         N     R4,PRVXF8           BC: key and F only
PRVIK1   IC    R3,1(,R5)
         SRL   R3,4
         N     R3,PRVXF0F4
         SLL   R3,2
         LA    R3,VMBGPRS(R3)
         STC   R4,3(,R3)
         SR    R15,R15
PRVIKEND CPEXIT
         DROP  R11
PRVXF0F4 DC    X'0000000F'
PRVXF8   DC    X'000000F8'
PRVXFE2  DC    X'000000FE'
*---------------------------------------------------------------------*
* PRVIPK - INSERT PSW KEY (S, B20B): the PSW key to bits 24-27 of    *
* GR2, zeros to bits 28-31, bits 0-23 unchanged.                     *
*---------------------------------------------------------------------*
PRVIPK   CPENTRY
         USING VMBLOK,R11
         IC    R1,VMBPSW+1
         N     R1,PRVXF0
         STC   R1,VMBGPRS+4*2+3
         CPEXIT RC=0
         DROP  R11
PRVXF0   DC    X'000000F0'
*---------------------------------------------------------------------*
* PRVSPKA - SET PSW KEY FROM ADDRESS (S, B20A): bits 24-27 of the     *
* operand address become the PSW key.  (Reached only if the real     *
* CR3 did not allow it: in virtual supervisor state any key is       *
* allowed, so this is the same thing done by CP.)                    *
*---------------------------------------------------------------------*
PRVSPKA  CPENTRY
         USING VMBLOK,R11
         LA    R1,2(,R2)
         CPCALL PRVBD
         N     R1,PRVXF0B
         NI    VMBPSW+1,X'0F'
         EX    R1,PRVSPKOI
         CPEXIT RC=0
PRVSPKOI OI    VMBPSW+1,0
         DROP  R11
PRVXF0B  DC    X'000000F0'
*---------------------------------------------------------------------*
* PRVLCTL - LOAD CONTROL (RS, B7): control registers R1 through R3    *
* (wrapping from 15 to 0) from successive words at the operand (word *
* boundary).  They are the VM's: CR0's subclass masks and CR2's      *
* channel masks gate its virtual interruptions, CR3 its PSW-key mask;*
* translation (CR0 bits 8-12, CR1) matters to LRA only.              *
*---------------------------------------------------------------------*
PRVLCTL  CPENTRY
         USING VMBLOK,R11
         CPCALL PRVRSCNT           R5 = first CR, R6 = how many
         LA    R1,2(,R2)
         CPCALL PRVBD
         LR    R0,R6
         SLL   R0,2
         LA    R2,PRVWORK
         LA    R3,3
         SR    R4,R4
         CPCALL PRVOPND
         LTR   R15,R15
         BNZ   PRVLCEND
         LA    R7,PRVWORK
         SR    R8,R8               R8 = 1: CR0 or CR1 among them
PRVLC1   LR    R1,R5
         SLL   R1,2
         LA    R1,VMBCRS(R1)
         MVC   0(4,R1),0(R7)
         C     R5,PRVF1C
         BH    PRVLC2
         LA    R8,1
PRVLC2   LA    R7,4(,R7)
         LA    R5,1(,R5)
         N     R5,PRVXF0F5
         BCT   R6,PRVLC1
         LTR   R8,R8               new translation parameters: as
         BZ    PRVLC3              on the real machine, the TLB (the
         CPCALL SHDPURGE           shadow tables) is purged
PRVLC3   SR    R15,R15
PRVLCEND CPEXIT
         DROP  R11
PRVXF0F5 DC    X'0000000F'
PRVF1C   DC    F'1'
*---------------------------------------------------------------------*
* PRVSTCTL - STORE CONTROL (RS, B6): control registers R1 through R3  *
* to successive words at the operand (word boundary).                *
*---------------------------------------------------------------------*
PRVSTCTL CPENTRY
         USING VMBLOK,R11
         CPCALL PRVRSCNT
         LR    R8,R2
         LA    R7,PRVWORK
         LR    R9,R6
PRVST1   LR    R1,R5
         SLL   R1,2
         LA    R1,VMBCRS(R1)
         MVC   0(4,R7),0(R1)
         LA    R7,4(,R7)
         LA    R5,1(,R5)
         N     R5,PRVXF0F6
         BCT   R9,PRVST1
         LA    R1,2(,R8)
         CPCALL PRVBD
         LR    R0,R6
         SLL   R0,2
         LA    R2,PRVWORK
         LA    R3,3
         LA    R4,1
         CPCALL PRVOPND
         CPEXIT
         DROP  R11
PRVXF0F6 DC    X'0000000F'
*---------------------------------------------------------------------*
* PRVRSCNT - R1 and R3 of an RS instruction as a range of registers. *
* In: R2 -> instruction.  Out: R5 = R1 field, R6 = count (1-16).     *
*---------------------------------------------------------------------*
PRVRSCNT CPENTRY
         SR    R5,R5
         IC    R5,1(,R2)
         LR    R6,R5
         SRL   R5,4
         N     R6,PRVXF0F7
         SR    R6,R5
         N     R6,PRVXF0F7
         LA    R6,1(,R6)
         L     R15,4(,R13)     R5, R6 back to the caller
         STM   R5,R6,40(R15)
         CPEXIT RC=0
PRVXF0F7 DC    X'0000000F'
         LTORG
*---------------------------------------------------------------------*
* PRVSTIDP - STORE CPU ID (S, B202): the CPU identification           *
* doubleword at the operand (doubleword boundary): version code,     *
* serial, model.  The version code is X'FF': as on VM/370, a program *
* can tell it runs in a virtual machine.  Serial and model are the   *
* real CPU's.                                                        *
*---------------------------------------------------------------------*
PRVSTIDP CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         STIDP PRVWORK
         MVI   PRVWORK,X'FF'
         LA    R0,8
         LA    R2,PRVWORK
         LA    R3,7
         LA    R4,1
         CPCALL PRVOPND
         CPEXIT
*---------------------------------------------------------------------*
* PRVSTAP - STORE CPU ADDRESS (S, B212): the CPU address, a halfword  *
* (halfword boundary).  A virtual machine has one CPU, address 0.    *
*---------------------------------------------------------------------*
PRVSTAP  CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         XC    PRVWORK(2),PRVWORK
         LA    R0,2
         LA    R2,PRVWORK
         LA    R3,1
         LA    R4,1
         CPCALL PRVOPND
         CPEXIT
*---------------------------------------------------------------------*
* PRVSCK - SET CLOCK (S, B204): would set the TOD clock from the      *
* doubleword at the operand, cc 0.  In a virtual machine it does      *
* nothing but check the operand and set cc 0, as VM/370 did.  Why:   *
* the TOD clock is the real machine's, and STORE CLOCK, which reads  *
* it, is NOT privileged - it never traps, so CP could not show the   *
* guest a clock of its own even if it kept one.  This is where S/370 *
* falls short of Popek and Goldberg's condition for a perfectly      *
* virtualizable machine: STCK is a sensitive instruction that is not *
* privileged.  (Later machines added a per-VM TOD offset in hardware.)*
*---------------------------------------------------------------------*
PRVSCK   CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,8
         LA    R2,PRVWORK
         LA    R3,7
         SR    R4,R4
         CPCALL PRVOPND
         LTR   R15,R15
         BNZ   PRVSCKND
         SR    R1,R1
         CPCALL PRVSETCC
PRVSCKND CPEXIT
*---------------------------------------------------------------------*
* PRVSCKC / PRVSTCKC - SET / STORE CLOCK COMPARATOR (S, B206/B207):   *
* the VM's own comparator (VMBCKC), a doubleword (doubleword          *
* boundary).  VINNEXT presents X'1004' while the TOD clock is past   *
* it; an idle VM is woken for it by the real comparator (VTMWAKE).    *
*---------------------------------------------------------------------*
PRVSCKC  CPENTRY
         USING VMBLOK,R11
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,8
         LA    R2,VMBCKC
         LA    R3,7
         SR    R4,R4
         CPCALL PRVOPND
         CPEXIT
PRVSTCKC CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,8
         LA    R2,VMBCKC
         LA    R3,7
         LA    R4,1
         CPCALL PRVOPND
         CPEXIT
*---------------------------------------------------------------------*
* PRVSPT / PRVSTPT - SET / STORE CPU TIMER (S, B208/B209): the VM's  *
* CPU timer (VMBCPTM), charged with its CPU time (VTMCHRG); X'1005'  *
* while it is negative.                                              *
*---------------------------------------------------------------------*
PRVSPT   CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,8
         LA    R2,VMBCPTM
         LA    R3,7
         SR    R4,R4
         CPCALL PRVOPND
         CPEXIT
PRVSTPT  CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,8
         LA    R2,VMBCPTM
         LA    R3,7
         LA    R4,1
         CPCALL PRVOPND
         CPEXIT
         DROP  R11
*---------------------------------------------------------------------*
* PRVSPX - SET PREFIX (S, B210): bits 8-19 of the word at the operand *
* (word boundary) become the prefix.  A virtual machine here is a    *
* uniprocessor with prefix 0: setting prefix 0 is done; any other    *
* prefix is beyond this CP (it would have to swap the page-table     *
* entries of page 0 and the prefix page): the VM stops and its user  *
* is told.                                                           *
*---------------------------------------------------------------------*
PRVSPX   CPENTRY
         USING VMBLOK,R11
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,4
         LA    R2,PRVWORK
         LA    R3,3
         SR    R4,R4
         CPCALL PRVOPND
         LTR   R15,R15
         BNZ   PRVSPEND
         L     R1,PRVWORK
         N     R1,PRVXPFX
         BZ    PRVSPEND
         CPCALL VMSTOP             stopped first: CP READ follows
         LA    R1,PRVM453          the message
         LA    R0,PRVM453L
         CPCALL TRMWRITE
         SR    R15,R15
PRVSPEND CPEXIT
PRVXPFX  DC    X'000FF000'
PRVM453  DC    C'DMKPRV453W CP ENTERED; SPX TO A NONZERO PREFIX '
         DC    C'NOT SUPPORTED'
PRVM453L EQU   *-PRVM453
*---------------------------------------------------------------------*
* PRVSTPX - STORE PREFIX (S, B211): the prefix, a word (word         *
* boundary): always 0 here.                                          *
*---------------------------------------------------------------------*
PRVSTPX  CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         LA    R0,4
         LA    R2,VMBPFX
         LA    R3,3
         LA    R4,1
         CPCALL PRVOPND
         CPEXIT
         DROP  R11
*---------------------------------------------------------------------*
* PRVSIGP - SIGNAL PROCESSOR (RS, AE): the order (operand address     *
* bits 24-31) to the CPU whose address is in GR R3.  A virtual       *
* machine has one CPU, address 0: a SENSE to itself finds no status  *
* (cc 0); any other CPU address, or another order, is "not            *
* operational" (cc 3).                                                *
*---------------------------------------------------------------------*
PRVSIGP  CPENTRY
         USING VMBLOK,R11
         LR    R5,R2
         LA    R1,2(,R2)
         CPCALL PRVBD
         N     R1,PRVXFF           order
         IC    R3,1(,R5)           R3 field: the CPU address
         N     R3,PRVXF0F8
         SLL   R3,2
         LH    R4,VMBGPRS+2(R3)
         LA    R2,3
         LTR   R4,R4
         BNZ   PRVSG1
         C     R1,PRVF1            SENSE
         BNE   PRVSG1
         SR    R2,R2
PRVSG1   LR    R1,R2
         CPCALL PRVSETCC
         CPEXIT RC=0
         DROP  R11
PRVXFF   DC    X'000000FF'
PRVXF0F8 DC    X'0000000F'
PRVF1    DC    F'1'
*---------------------------------------------------------------------*
* PRVPTLB - PURGE TLB (S, B20D): every translation the VM's CPU     *
* remembers is forgotten.  Its "TLB" is the shadow tables (and the   *
* real TLB's entries made through them): SHDPURGE.                   *
*---------------------------------------------------------------------*
PRVPTLB  CPENTRY
         CPCALL SHDPURGE
         CPEXIT RC=0
*---------------------------------------------------------------------*
* PRVRRB - RESET REFERENCE BIT (S, B213): the reference bit of the    *
* 2K block at the operand address is reset; cc = 2*R + C as they     *
* were: the real bits of the guest's frame together with those CP    *
* kept when its page replacement took them (SWPRC1/2, PAGRCBY).      *
*---------------------------------------------------------------------*
PRVRRB   CPENTRY
         LA    R1,2(,R2)
         CPCALL PRVBD
         N     R1,PRVXBLK2
         LR    R6,R1               R6 = guest address of the block
         CPCALL GSTADDR
         LTR   R15,R15
         BZ    PRVRB1
         LA    R1,5
         CPEXIT RC=4
PRVRB1   RRB   0(R1)               the real bits of its frame...
         LA    R5,0                (LA keeps the condition code)
         BC    8,PRVRB2
         LA    R5,1
         BC    4,PRVRB2
         LA    R5,2
         BC    2,PRVRB2
         LA    R5,3
PRVRB2   LR    R1,R6               ...and those CP kept for it
         CPCALL PAGRCBY
         SR    R0,R0
         IC    R0,0(,R1)
         SRL   R0,1                R X'04' -> 2, C X'02' -> 1
         OR    R5,R0
         NI    0(R1),X'FB'         its reference bit is reset too
         LR    R1,R5
         CPCALL PRVSETCC
         CPEXIT RC=0
PRVXBLK2 DC    X'00FFF800'
         LTORG
*---------------------------------------------------------------------*
* PRVLRA - LOAD REAL ADDRESS (RX, B1): translate the operand address  *
* through the VM's OWN tables - its CR0 format, CR1 segment table,   *
* in guest real storage - whatever its PSW says about DAT.  GR R1     *
* gets the real address (cc 0), or the address of the entry that     *
* stopped the walk: the invalid segment-table entry (cc 1), the      *
* invalid page-table entry (cc 2), the entry beyond a table's length *
* (cc 3).  An unsupported CR0 format, or nonzero reserved bits in an *
* entry used, is a translation-specification exception (X'12').     *
*---------------------------------------------------------------------*
PRVLRA   CPENTRY
         USING VMBLOK,R11
         LR    R9,R2
         LA    R1,1(,R2)
         CPCALL PRVXBD
         CPCALL SHDWALK            the DAT walk, on its tables
         C     R15,PRVF4C
         BNE   PRVLR1
         CPEXIT RC=4               R1 = code: X'12' or addressing
PRVLR1   LR    R0,R15              the condition code
         IC    R3,1(,R9)           R1 or the entry's address into
         SRL   R3,4                GR R1
         N     R3,PRVXF0F9
         SLL   R3,2
         LA    R1,0(,R1)
         ST    R1,VMBGPRS(R3)
         LR    R1,R0
         CPCALL PRVSETCC
         CPEXIT RC=0
         DROP  R11
PRVF4C   DC    F'4'
PRVXF0F9 DC    X'0000000F'
         DS    0D
PRVWORK  DS    XL64                operands on their way
         LTORG
