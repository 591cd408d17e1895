*---------------------------------------------------------------------*
* CPINIT - CP's start at IPL.  Prefix CPI.                            *
*                                                                     *
* The IPL loader has read the nucleus to X'10000', left SYSHDR at    *
* X'2000' and branches here, disabled, with R1 -> SYSHDR.  CPINIT    *
* takes the machine over, in this order:                              *
*  1. the PSA: the new PSWs (EC mode, key 0, supervisor, DAT off,     *
*     disabled) that send every interruption class to its handler,   *
*     CR0 (EC facilities: 4K pages and 64K segments for the guests'  *
*     tables, external subclasses clock comparator, CPU timer and    *
*     interrupt key), CR2 (all channels), timers out of reach;       *
*  2. real storage: its size (touching each 64K until an addressing  *
*     exception), free storage (X'3000'-X'FFFF', then 256K after the *
*     nucleus), the frame table, every frame above it pageable;       *
*  3. the real I/O configuration (IOSINIT), the paging area          *
*     (PAGSLINI), the terminals (TRMINIT);                            *
*  4. OPERATOR logged on at the operator's console (LGNAUTO);         *
*  5. the dispatcher, which never returns.                            *
* CPINIT must stay the first code of the nucleus (modscore.asm).     *
*---------------------------------------------------------------------*
CPINIT   CSECT
         USING PSA,0
CPIFREE2 EQU   256*1024            free storage after the nucleus
         ENTRY CPINIT
         BALR  R12,0
         USING *,R12
         LR    R9,R1               R9 -> SYSHDR
         LA    R4,PSAREGS          clear CP's PSA fields and the stack
         L     R5,CPIF2000
         SR    R5,R4
         SR    R14,R14
         SR    R15,R15
         MVCL  R4,R14
         L     R13,CPISTACK        the CP stack
         ST    R9,PSASYSHD
         MVC   PSAIPLDV,PSAIODEV   the IPL device, as the IPL left it
         MVC   PSAPGMNW,CPIPGMNW   1. new PSWs
         MVC   PSASVCNW,CPISVCNW
         MVC   PSAEXTNW,CPIEXTNW
         MVC   PSAMCKNW,CPIMCKNW
         MVC   PSARSTNW,CPIRSTNW
         MVC   PSAIONW,CPIIONW
         MVC   PSAINTIN,CPIINTIN   the handlers' common entry, exit
         MVC   PSAINTOU,CPIINTOU
         MVC   PSACR0,CPICR0
         LCTL  0,0,PSACR0
         LCTL  1,1,PSACR1          (0)
         LCTL  2,2,CPICR2
         SPT   CPITMAX
         SCKC  CPINEVER
         CPCALL CPISTOR            2. storage
         CPCALL IOSINIT            3. devices
         CPCALL PAGSLINI
         LTR   R15,R15
         BZ    CPI1
         LA    R1,CPIM958          no SYSRES: no paging, no directory
         LA    R0,CPIM958L
         CPCALL TRMOPER
CPI1     CPCALL TRMINIT
         CPCALL CPIREADY
         CPCALL CPIOPER            4. OPERATOR
         L     R15,CPIDSPA         5. dispatch
         BR    R15
         DS    0D
CPIPGMNW DC    X'00080000',A(PRGINT)
CPISVCNW DC    X'00080000',A(PRGSVC)
CPIEXTNW DC    X'00080000',A(EXTINT1)
CPIMCKNW DC    X'00080000',A(PRGMCK)
CPIRSTNW DC    X'00080000',A(PRGRST)
CPIIONW  DC    X'00080000',A(IOSINT)
CPITMAX  DC    X'7FFFFFFFFFFFFFFF'
CPINEVER DC    X'FFFFFFFFFFFFFFFF'
CPIINTIN DC    A(DSPINTIN)
CPIINTOU DC    A(DSPINTOU)
CPICR0   DC    X'00800C40'         4K/64K, CKC, CPU timer, int. key
CPICR2   DC    X'FFFFFFFF'
CPIF2000 DC    A(X'2000')
CPISTACK DC    A(X'1000')
CPIDSPA  DC    A(DSPRUN)
CPIM958  DC    C'DMKCPI958E SYSRES NOT FOUND; NO PAGING, NO DIRECTORY'
CPIM958L EQU   *-CPIM958
         DROP  R12
         LTORG
*---------------------------------------------------------------------*
* CPISTOR - real storage.  The size: IC from each 64K boundary until  *
* one is an addressing exception (the program new PSW points at       *
* CPIST9 meanwhile), at most 16M.  Free storage: X'3000'-X'FFFF' and  *
* CPIFREE2 after the nucleus (SYHNUCO + SYHNUCN records, 4K rounded). *
* Then the frame table (16 bytes for each 4K of storage) and the     *
* frames, from the next 4K boundary to the end.                       *
* In: R9 -> SYSHDR.  Out: PSASTOR, free storage, frame table.        *
*---------------------------------------------------------------------*
CPISTOR  CPENTRY
         MVC   CPISVPGM,PSAPGMNW   size: probe 64K by 64K
         MVC   PSAPGMNW,CPIPRBNW
         L     R3,CPIF64K
CPIST1   IC    R0,0(,R3)           (an addressing exception ends it)
         A     R3,CPIF64K
         C     R3,CPIF16M
         BL    CPIST1
         B     CPIST2
CPIST9   DS    0H                  (the probe's program new PSW:
*                                  registers are as they were)
CPIST2   MVC   PSAPGMNW,CPISVPGM
         ST    R3,PSASTOR
         SRL   R3,12
         ST    R3,PSAFRMN
         L     R1,CPIF3000         free storage 1: X'3000'-X'FFFF'
         L     R0,CPIFD000
         CPCALL FREERET
         USING SYSHDR,R9
         LH    R5,SYHNUCN          the nucleus's end
         SLL   R5,12
         A     R5,SYHNUCO
         DROP  R9
         A     R5,CPIF4095
         N     R5,CPIXPAGE
         LR    R1,R5               free storage 2
         L     R0,CPIFR2
         CPCALL FREERET
         A     R5,CPIFR2           the frame table after it
         LR    R6,R5
         L     R7,PSAFRMN
         SLL   R7,4
         SR    R14,R14
         SR    R15,R15
         MVCL  R6,R14              cleared
         LR    R2,R6               first frame: the next 4K
         A     R2,CPIF4095
         N     R2,CPIXPAGE
         LR    R1,R5
         CPCALL PAGINIT
         CPEXIT RC=0
         DS    0D
CPIPRBNW DC    X'00080000',A(CPIST9)
CPISVPGM DS    D
CPIF64K  DC    F'65536'
CPIF16M  DC    F'16777216'
CPIF3000 DC    A(X'3000')
CPIFD000 DC    A(X'D000')
CPIF4095 DC    F'4095'
CPIXPAGE DC    X'00FFF000'
CPIFR2   DC    A(CPIFREE2)
         LTORG
*---------------------------------------------------------------------*
* CPIREADY - tell the operator CP is up: storage and frames.          *
*---------------------------------------------------------------------*
CPIREADY CPENTRY
         L     R1,PSASTOR
         SRL   R1,10
         LA    R2,CPIM957K
         CPCALL CPIDEC
         L     R1,PSAFRMFQ         free frames: count the chain
         SR    R3,R3
CPIRD1   LTR   R1,R1
         BZ    CPIRD2
         LA    R3,1(,R3)
         L     R1,FRMNEXT-FRAME(,R1)
         B     CPIRD1
CPIRD2   LR    R1,R3
         LA    R2,CPIM957F
         CPCALL CPIDEC
         LA    R1,CPIM957
         LA    R0,CPIM957L
         CPCALL TRMOPER
         CPEXIT RC=0
CPIM957  DC    C'DMKCPI957I STORAGE SIZE = '
CPIM957K DC    CL8' ',C'K, PAGEABLE FRAMES ='
CPIM957F DC    CL8' '
CPIM957L EQU   *-CPIM957
*---------------------------------------------------------------------*
* CPIOPER - log OPERATOR on at the operator's console (the RDEV of    *
* the operator class, RDVCOPER): LGNAUTO, cpterm.                     *
*---------------------------------------------------------------------*
CPIOPER  CPENTRY
         L     R2,CPIRDVQ
         L     R2,0(,R2)           the first RDEV
         USING RDEV,R2
CPIOP1   LTR   R2,R2
         BZ    CPIOPEND
         TM    RDVCLASS,RDVCOPER
         BO    CPIOP2
         L     R2,RDVNEXT
         B     CPIOP1
         DROP  R2
CPIOP2   LA    R1,CPIOPNAM
         CPCALL LGNAUTO
CPIOPEND CPEXIT RC=0
CPIRDVQ  DC    A(IOSRDEVQ)
CPIOPNAM DC    CL8'OPERATOR'
*---------------------------------------------------------------------*
* CPIDEC - a number in decimal, right-aligned in 8 bytes.             *
* In: R1 = number (0-99999999), R2 -> 8 bytes.                        *
*---------------------------------------------------------------------*
CPIDEC   CPENTRY
         CVD   R1,CPIDECW
         MVC   CPIDECE,CPIDECP
         ED    CPIDECE,CPIDECW+3   9 digits
         MVC   0(8,R2),CPIDECE+2
         CPEXIT RC=0
         DS    0D
CPIDECW  DS    D
CPIDECP  DC    X'40',X'2020202020202021',X'20'  fill, 9 digits
CPIDECE  DS    CL10
         LTORG
