*---------------------------------------------------------------------*
* SHADOW - guests that run with DAT on: shadow tables.  Prefix SHD.   *
*                                                                     *
* A guest in EC mode may turn DAT on (PSW bit 5) with its own segment *
* and page tables in its own (guest real) storage: an operating      *
* system with virtual storage, or another CP.  The real CPU cannot    *
* walk two sets of tables, so CP gives it a third: the SHADOW tables, *
* which map guest-virtual addresses straight to host-real ones, in   *
* the guest's own format (CR0 bits 8-12: 2K or 4K pages, 64K or 1M   *
* segments) and with the guest's own lengths.  They start empty (all *
* segment entries invalid) and fill on demand: a translation         *
* exception with the virtual DAT on is a SHADOW FAULT (SHDFAULT).   *
* CP walks the guest's tables for the failing address (SHDWALK, what *
* the real CPU would have done): if the guest's own entry is invalid *
* or beyond its table, the guest gets the translation exception, its *
* address at X'90'; if it maps to guest real page G, CP makes G      *
* resident (GSTADDR) and writes the shadow entry: virtual page ->    *
* the host frame of G.  The instruction runs again.                  *
*                                                                     *
* A shadow entry is a copy, so it must go when what it was copied     *
* from changes.  The architecture helps: a program that invalidates  *
* a table entry must purge the TLB (PTLB), and loading CR0 or CR1    *
* purges it too - CP throws the whole shadow away then (SHDPURGE),   *
* and when it pages out one of the VM's pages (PAGOUT).  Validating  *
* an entry needs no purge: the shadow never held an invalid entry's  *
* copy, only "not looked at yet".                                    *
*                                                                     *
* Everything else CP does for the guest uses guest REAL addresses    *
* (its PSA, CCWs, DIAGNOSE operands), except the operands of the     *
* privileged instructions it emulates, which are virtual: SHDCOPY    *
* moves them through SHDWALK.                                        *
*---------------------------------------------------------------------*
SHADOW   CSECT
         USING PSA,0
SHDSTLEN EQU   256*4               a shadow segment table: 256 entries
*---------------------------------------------------------------------*
* SHDFMT - a translation format (CR0 bits 8-12).                      *
* In: R1 = a CR0 value.  Out: R15 = 0 and R5 = page shift (11, 12),  *
* R6 = segment shift (16, 20), R7 = the page-table entry's invalid   *
* bit (X'0004' 2K pages, X'0008' 4K); or R15 = 4: no valid format.   *
*---------------------------------------------------------------------*
SHDFMT   CPENTRY
         LR    R3,R1
         SRL   R3,16
         N     R3,SHDXF8
         LA    R5,12
         LA    R6,16
         LA    R7,X'0008'
         C     R3,SHDX80           4K, 64K
         BE    SHDFMOK
         LA    R6,20
         C     R3,SHDX90           4K, 1M
         BE    SHDFMOK
         LA    R5,11
         LA    R6,16
         LA    R7,X'0004'
         C     R3,SHDX40           2K, 64K
         BE    SHDFMOK
         LA    R6,20
         C     R3,SHDX50           2K, 1M
         BE    SHDFMOK
         CPEXIT RC=4
SHDFMOK  L     R15,4(,R13)         R5-R7 back to the caller
         STM   R5,R7,40(R15)
         CPEXIT RC=0
SHDXF8   DC    X'000000F8'
SHDX80   DC    X'00000080'
SHDX90   DC    X'00000090'
SHDX40   DC    X'00000040'
SHDX50   DC    X'00000050'
*---------------------------------------------------------------------*
* SHDWALK - translate a virtual address through the guest's own      *
* tables (its CR0 format, CR1 segment table, in guest real storage),  *
* as DAT does (GA22-7000 "Dynamic Address Translation"): segment     *
* index against the CR1 length, segment-table entry, page index      *
* against the entry's page-table length, page-table entry.           *
* In: R11 -> VMBLOK, R1 = virtual address.                            *
* Out: R15 = 0: R1 = guest real address, R2 = the segment-table      *
*        entry used;                                                  *
*      R15 = 1 invalid segment-table entry, 2 invalid page-table     *
*        entry, 3 beyond a table's length: R1 = the entry's address, *
*        R0 = 0 the segment level, 1 the page level (LRA's cc);       *
*      R15 = 4: R1 = program interruption code: X'12' translation     *
*        specification, 5 a table beyond the VM's storage.           *
*---------------------------------------------------------------------*
SHDWALK  CPENTRY
         USING VMBLOK,R11
         LR    R8,R1               R8 = the virtual address
         L     R1,VMBCRS
         CPCALL SHDFMT
         LTR   R15,R15
         BNZ   SHDWKTS
         LR    R4,R8               segment index
         SRL   R4,0(R6)
         L     R1,VMBCRS+4         STE address = STO + 4 * index
         N     R1,SHDXSTO
         LR    R2,R4
         SLL   R2,2
         AR    R1,R2
         LA    R1,0(,R1)
         SR    R0,R0               (segment level)
         SRL   R4,4                beyond the table (length in units
         IC    R2,VMBCRS+4         of 16 entries, less 1)?
         N     R2,SHDXFF
         CR    R4,R2
         BH    SHDWKC3
         LR    R9,R1
         LA    R0,4
         LA    R2,SHDWORD
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   SHDWKAD
         LR    R1,R9
         SR    R0,R0
         L     R2,SHDWORD          the STE
         LA    R3,1
         NR    R3,R2
         BNZ   SHDWKC1             invalid
         L     R3,SHDXSTER
         NR    R3,R2
         BNZ   SHDWKTS             reserved bits 4-7
         ST    R2,SHDSTE
         LR    R3,R2               PTL, bits 0-3
         SRL   R3,28
         N     R2,SHDXPTO          page-table origin
         LR    R4,R8               page index within the segment
         LA    R1,1
         SLL   R1,0(R6)
         BCTR  R1,0
         NR    R4,R1
         SRL   R4,0(R5)
         LR    R1,R4               entry address = PTO + 2 * index
         SLL   R1,1
         AR    R1,R2
         LA    R1,0(,R1)
         LA    R0,1                (page level)
         LR    R2,R6               beyond its length?  (index >>
         SR    R2,R5               (index bits - 4)) > PTL
         S     R2,SHDF4
         SRL   R4,0(R2)
         CR    R4,R3
         BH    SHDWKC3
         LR    R9,R1
         LA    R0,2
         LA    R2,SHDWORD
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   SHDWKAD
         LR    R1,R9
         LA    R0,1
         SR    R2,R2               the PTE
         ICM   R2,3,SHDWORD
         LR    R3,R2
         NR    R3,R7
         BNZ   SHDWKC2             invalid
         LR    R3,R7               reserved: the bits below invalid
         BCTR  R3,0                (4K: X'0006'; 2K: X'0002')
         N     R3,SHDXFFFE
         NR    R3,R2
         BNZ   SHDWKTS
         LR    R3,R7               frame: the bits above invalid
         BCTR  R3,0
         OR    R3,R7
         X     R3,SHDXFFFF
         NR    R2,R3
         SLL   R2,8
         LA    R1,1                offset in the page
         SLL   R1,0(R5)
         BCTR  R1,0
         NR    R1,R8
         OR    R1,R2
         L     R2,SHDSTE
         L     R15,4(,R13)         R2 back to the caller
         ST    R2,28(,R15)
         CPEXIT RC=0
SHDWKC1  CPEXIT RC=1
SHDWKC2  CPEXIT RC=2
SHDWKC3  CPEXIT RC=3
SHDWKAD  LA    R1,5                a table beyond the VM's storage
         CPEXIT RC=4
SHDWKTS  LA    R1,X'12'            translation specification
         CPEXIT RC=4
         DROP  R11
SHDWORD  DS    F
SHDSTE   DS    F
SHDXSTO  DC    X'00FFFFC0'
SHDXFF   DC    X'000000FF'
SHDXSTER DC    X'0F000000'
SHDXPTO  DC    X'00FFFFF8'
SHDF4    DC    F'4'
SHDXFFFE DC    X'0000FFFE'
SHDXFFFF DC    X'0000FFFF'
         LTORG
*---------------------------------------------------------------------*
* SHDXLATE - a virtual address to guest real for CP's own accesses:  *
* SHDWALK, with a failure turned into the guest's exception: the     *
* translation exceptions store the address at the guest's X'90'.     *
* In: R11, R1 = virtual address.  Out: R15 = 0, R1 = guest real      *
* address, R2 = the segment-table entry; or R15 = 4 and R1 = the     *
* program interruption code.                                         *
*---------------------------------------------------------------------*
SHDXLATE CPENTRY
         LR    R5,R1
         CPCALL SHDWALK
         C     R15,SHDF4B
         BE    SHDXLEND            translation spec., addressing
         LTR   R15,R15
         BNZ   SHDXL1
         L     R15,4(,R13)         done: R2 (the STE) to the caller
         ST    R2,28(,R15)
         CPEXIT RC=0
SHDXL1   DS    0H
         LR    R4,R0               segment or page translation
         SR    R1,R1
         CPCALL GSTADDR            (page 0 stays resident)
         ST    R5,X'90'(,R1)       the translation-exception address
         LA    R1,X'10'(,R4)       X'10' segment, X'11' page
         LA    R15,4
SHDXLEND CPEXIT
SHDF4B   DC    F'4'
*---------------------------------------------------------------------*
* SHDCOPY - copy between a guest VIRTUAL area (the virtual DAT is on) *
* and CP storage, piece by piece, each piece within one virtual page. *
* In: R11, R1 = virtual address, R0 = length, R2 -> CP area, R4 = 0  *
* fetch, 1 store.  Out: R15 = 0, or 4 and R1 = program interruption  *
* code (translation exceptions: address at the guest's X'90').       *
*---------------------------------------------------------------------*
SHDCOPY  CPENTRY
         LR    R8,R1               R8 = virtual address
         LR    R9,R0               R9 = bytes left
         LR    R10,R2              R10 -> CP area
         LR    R3,R4
         L     R1,VMBCRS-VMBLOK(,R11)
         CPCALL SHDFMT             R5 = page shift
         LTR   R15,R15
         BZ    SHDCP1
         LA    R1,X'12'
         CPEXIT RC=4
SHDCP1   LTR   R9,R9
         BNP   SHDCPEND
         LA    R7,1                this piece: to the end of its page
         SLL   R7,0(R5)
         BCTR  R7,0
         NR    R7,R8
         LCR   R7,R7
         LA    R6,1
         SLL   R6,0(R5)
         AR    R7,R6
         CR    R7,R9
         BNH   SHDCP2
         LR    R7,R9
SHDCP2   LR    R1,R8
         CPCALL SHDXLATE
         LTR   R15,R15
         BNZ   SHDCPEND
         LR    R0,R7
         LR    R2,R10
         LTR   R3,R3
         BNZ   SHDCP3
         CPCALL GSTFETCH
         B     SHDCP4
SHDCP3   CPCALL GSTSTORE
SHDCP4   LTR   R15,R15
         BZ    SHDCP5
         LA    R1,5                the page is beyond its storage
         CPEXIT RC=4
SHDCP5   AR    R8,R7
         LA    R8,0(,R8)
         AR    R10,R7
         SR    R9,R7
         B     SHDCP1
SHDCPEND CPEXIT
*---------------------------------------------------------------------*
* SHDFAULT - a translation exception while the virtual DAT was on.    *
* The guest's own tables say: not mapped - the guest's exception     *
* (reflected, PSW at the nullified instruction, address at X'90');  *
* mapped to a page beyond its storage - its addressing exception;    *
* mapped - the shadow entry is made and the guest goes on.          *
* In: R11 -> VMBLOK (guest saved), R1 = the failing virtual address. *
* Out: R15 = 0.                                                       *
*---------------------------------------------------------------------*
SHDFAULT CPENTRY
         USING VMBLOK,R11
         LA    R8,0(,R1)           R8 = virtual address
         CPCALL SHDSETUP           a shadow table for the tables now
         LR    R1,R8
         CPCALL SHDXLATE           guest real address
         LTR   R15,R15
         BZ    SHDFT2
         C     R1,SHDF5
         BNE   SHDFT1
         CPCALL PRGADDR            a table beyond its storage
         CPEXIT RC=0
SHDFT1   IC    R0,PSAPGILC         its translation exception
         N     R0,SHDX06
         CPCALL PRGREFL
         CPEXIT RC=0
SHDFT2   LR    R9,R1               R9 = guest real address
         ST    R2,SHDGSTE          (the guest's STE: its PTL)
         CPCALL GSTADDR            R1 = host real address
         LTR   R15,R15
         BZ    SHDFT3
         CPCALL PRGADDR            a page beyond its storage
         CPEXIT RC=0
SHDFT3   LR    R9,R1               R9 = host real address
         L     R1,VMBCRS
         CPCALL SHDFMT             R5 page shift, R6 segment, R7 inv.
         LR    R4,R8               the shadow STE
         SRL   R4,0(R6)
         SLL   R4,2
         A     R4,VMBSHST
         TM    3(R4),X'01'         no page table yet?
         BZ    SHDFT4
         LR    R2,R6               one: 2 bytes * 2**(segment - page)
         SR    R2,R5
         LA    R3,2
         SLL   R3,0(R2)
         LR    R0,R3
         CPCALL FREEGET            (8-byte aligned, as a PTO must be)
         LR    R2,R1               all entries invalid
         SRL   R3,1
SHDFTI   STH   R7,0(,R2)
         LA    R2,2(,R2)
         BCT   R3,SHDFTI
         L     R0,SHDGSTE          the guest's page-table length
         N     R0,SHDXPTL
         OR    R0,R1
         ST    R0,0(,R4)
SHDFT4   L     R4,0(,R4)           the shadow PTE
         N     R4,SHDXPTO2
         LR    R2,R8
         LA    R1,1
         SLL   R1,0(R6)
         BCTR  R1,0
         NR    R2,R1
         SRL   R2,0(R5)
         SLL   R2,1
         AR    R4,R2
         LR    R1,R7               host frame: the bits above invalid
         BCTR  R1,0
         OR    R1,R7
         X     R1,SHDXFFF2
         LR    R2,R9
         SRL   R2,8
         NR    R2,R1
         STH   R2,0(,R4)
         L     R1,VMBCPAGE         (counted with the page faults)
         LA    R1,1(,R1)
         ST    R1,VMBCPAGE
         CPEXIT RC=0
         DROP  R11
SHDF5    DC    F'5'
SHDX06   DC    X'00000006'
SHDXPTL  DC    X'F0000000'
SHDXPTO2 DC    X'00FFFFF8'
SHDXFFF2 DC    X'0000FFFF'
SHDGSTE  DS    F
         LTORG
*---------------------------------------------------------------------*
* SHDSETUP - the VM has a shadow segment table for the translation   *
* parameters it has now (its CR0 format, its CR1): made the first    *
* time, thrown away and begun again when they changed.               *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
SHDSETUP CPENTRY
         USING VMBLOK,R11
         ICM   R1,15,VMBSHST
         BNZ   SHDSU1
         L     R0,SHDSTSZ          first time: 1K, 64-byte aligned
         CPCALL FREEGET
         ST    R1,VMBSHSTA
         LA    R1,63(,R1)
         N     R1,SHDXFC0
         ST    R1,VMBSHST
         LA    R2,256              every entry invalid
SHDSUI   MVC   0(4,R1),SHDSTINV
         LA    R1,4(,R1)
         BCT   R2,SHDSUI
         B     SHDSU2
SHDSU1   L     R1,VMBCRS           the same parameters as last time?
         N     R1,SHDXFMT
         C     R1,VMBSHCR0
         BNE   SHDSU3
         CLC   VMBSHCR1,VMBCRS+4
         BE    SHDSUEND
SHDSU3   CPCALL SHDPURGE           no: what it holds is for others
SHDSU2   L     R1,VMBCRS
         N     R1,SHDXFMT
         ST    R1,VMBSHCR0
         MVC   VMBSHCR1,VMBCRS+4
SHDSUEND CPEXIT RC=0
         DROP  R11
SHDSTSZ  DC    A(SHDSTLEN+64)
SHDXFC0  DC    X'00FFFFC0'
SHDSTINV DC    X'00000001'
SHDXFMT  DC    X'00F80000'         CR0 bits 8-12
*---------------------------------------------------------------------*
* SHDPURGE - throw the VM's shadow away: every page table freed,      *
* every segment entry invalid, the real TLB purged (it may hold      *
* translations made through them).  Nothing if it has none.          *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
SHDPURGE CPENTRY
         USING VMBLOK,R11
         ICM   R4,15,VMBSHST
         BZ    SHDPGEND
         L     R1,VMBSHCR0         page tables of the format they
         CPCALL SHDFMT             were made for
         LR    R3,R6               page-table size
         SR    R3,R5
         LA    R8,2
         SLL   R8,0(R3)
         LA    R9,256
SHDPG1   TM    3(R4),X'01'
         BO    SHDPG2
         L     R1,0(,R4)
         N     R1,SHDXPTO3
         LR    R0,R8
         CPCALL FREERET
         MVC   0(4,R4),SHDSTIN2
SHDPG2   LA    R4,4(,R4)
         BCT   R9,SHDPG1
         PTLB
SHDPGEND CPEXIT RC=0
         DROP  R11
SHDXPTO3 DC    X'00FFFFF8'
SHDSTIN2 DC    X'00000001'
*---------------------------------------------------------------------*
* SHDFREE - the VM goes: its shadow too.                              *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
SHDFREE  CPENTRY
         USING VMBLOK,R11
         ICM   R1,15,VMBSHST
         BZ    SHDFREND
         CPCALL SHDPURGE
         L     R1,VMBSHSTA
         L     R0,SHDSTSZ2
         CPCALL FREERET
         XC    VMBSHST,VMBSHST
SHDFREND CPEXIT RC=0
         DROP  R11
SHDSTSZ2 DC    A(SHDSTLEN+64)
*---------------------------------------------------------------------*
* SHDREAL - the real CR0 and CR1 for a guest whose virtual DAT is on: *
* CP's CR0 with the guest's translation format, CR1 = the guest's    *
* segment-table length and the shadow table's origin.               *
* In: R11 -> VMBLOK, R0 = CP's CR0 for the guest.  Out: R0 = CR0,     *
* R1 = CR1.                                                          *
*---------------------------------------------------------------------*
SHDREAL  CPENTRY
         USING VMBLOK,R11
         LR    R5,R0
         CPCALL SHDSETUP
         N     R5,SHDXNFMT
         L     R0,VMBCRS
         N     R0,SHDXFMT2
         OR    R0,R5
         L     R1,VMBCRS+4
         N     R1,SHDXSTL
         O     R1,VMBSHST
         CPEXIT RC=0
         DROP  R11
SHDXNFMT DC    X'FF07FFFF'
SHDXFMT2 DC    X'00F80000'
SHDXSTL  DC    X'FF000000'
         LTORG
