*---------------------------------------------------------------------*
* PAGING - guest storage: the VM's page tables, real frames, and     *
* paging to DASD.  Prefix PAG (routines others call: GST...).         *
*                                                                     *
* A VM's storage is "guest real" storage: addresses 0 to VMBSTOR-1.  *
* It lives in CP's virtual storage through the VM's own segment and   *
* page tables (S/370 DAT, 64K segments of sixteen 4K pages), which    *
* the real CPU walks while the guest runs.  A page-table entry        *
* (GA22-7000: bits 0-11 the frame's real address bits 8-19, bit 12    *
* invalid) is either a real frame or invalid: never touched yet, or   *
* paged out.  The guest touching an invalid page is CP's page fault   *
* (PGMCHK): PAGIN finds a frame, fills it (zeros the first time, the  *
* page's copy on the paging area after that), validates the entry,  *
* and the guest retries the instruction.                              *
*                                                                     *
* Real storage above CP's own is cut into 4K frames, one FRAME each  *
* in the frame table.  When no frame is free, PAGSTEAL takes one      *
* with the clock algorithm: the hand goes round the frame table; a   *
* frame whose reference bit is on (RRB on both 2K halves) was used   *
* since the last turn and is passed, its bit reset; the first one not *
* referenced is the victim: its page-table entry is invalidated (and *
* the TLB purged), the page written to a 4096-byte slot of the       *
* paging area on SYSRES if it changed since it was read (change bit) *
* or was never written, and its storage keys kept in the swap table. *
* So the VMs' storage together may exceed real storage.  The         *
* reference and change bits CP takes from the guest on the way are   *
* kept for it too (SWPRC1/2): its ISK and RRB still see them.        *
* A VM whose virtual DAT is on loses its shadow tables at each       *
* page-out (SHDPURGE): they may point at the frame.                  *
*                                                                     *
* A guest's page 0 never leaves storage: CP stores into it at every   *
* reflected interruption, and the interval timer lives there.  Pages *
* under a guest's I/O are locked with GSTLOCK (FRMLOCKS).             *
*                                                                     *
* Paging slots: cylinder SYHPAGC on, SYHRECS records a track, slot s *
* is record s//SYHRECS+1 of track s/SYHRECS (syshdr.cpy).  Page I/O   *
* is Seek, Search ID Equal, TIC back to the search, Read or Write     *
* Data, on the SYSRES device, through IOSWAIT.  The directory is     *
* read the same way (PAGSYSIO).                                       *
*---------------------------------------------------------------------*
PAGING   CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* GSTADDR - guest real address to real address; the page is brought  *
* in (allocated or read back) if it is not in storage.               *
* In: R11 -> VMBLOK, R1 = guest real address.                        *
* Out: R15 = 0 and R1 = real address; R15 = 4 beyond the VM's        *
* storage.  May wait (page in).                                      *
*---------------------------------------------------------------------*
GSTADDR  CPENTRY
         USING VMBLOK,R11
         LA    R1,0(,R1)           24 bits
         C     R1,VMBSTOR
         BNL   PAGADBAD
         LR    R2,R1               -> its page-table entry
         SRL   R2,12
         SLL   R2,1
         A     R2,VMBPTAB
PAGAD1   TM    1(R2),X'08'         invalid?
         BZ    PAGAD2
         LR    R3,R1
         CPCALL PAGIN              bring it in
         LR    R1,R3
         B     PAGAD1
PAGAD2   SR    R3,R3
         ICM   R3,3,0(R2)
         SRL   R3,4                frame address bits 8-19
         SLL   R3,12
         N     R1,PAGXFFF
         OR    R1,R3
         CPEXIT RC=0
PAGADBAD CPEXIT RC=4
         DROP  R11
PAGXFFF  DC    X'00000FFF'
*---------------------------------------------------------------------*
* GSTFETCH / GSTSTORE - copy between guest storage and CP storage,    *
* any length and alignment, page by page.  All or nothing: an area   *
* that runs beyond the VM's storage is refused before anything moves. *
* No storage-key check (CP acts for the guest with key 0).            *
* In: R11 -> VMBLOK, R1 = guest address, R0 = length, R2 -> CP area. *
* Out: R15 = 0, or 4 beyond the VM's storage.  May wait (page in).    *
*---------------------------------------------------------------------*
GSTFETCH CPENTRY
         LA    R9,0                direction: fetch
         B     PAGCOPY
GSTSTORE CPENTRY
         LA    R9,1                direction: store
         B     PAGCOPY
PAGCOPY  BALR  R12,0              (a base of its own: two entries)
         USING *,R12
         USING VMBLOK,R11
         LA    R3,0(,R1)           R3 = guest address
         LR    R8,R0               R8 = bytes left
         LR    R4,R3
         AR    R4,R8
         C     R4,VMBSTOR
         BH    PAGCPBAD
         LTR   R8,R8
         BM    PAGCPBAD
PAGCP1   LTR   R8,R8
         BZ    PAGCPEND
         LA    R7,4095             this piece: to the end of the page
         NR    R7,R3
         LCR   R7,R7
         A     R7,PAGF4096
         CR    R7,R8
         BNH   PAGCP2
         LR    R7,R8
PAGCP2   LR    R1,R3
         CPCALL GSTADDR            R1 = real address of the piece
         LR    R5,R7
         LTR   R9,R9
         BNZ   PAGCP3
         LR    R4,R2               fetch: guest -> CP area
         LR    R6,R1
         B     PAGCP4
PAGCP3   LR    R4,R1               store: CP area -> guest
         LR    R6,R2
PAGCP4   LR    R10,R7
         LR    R7,R5
         MVCL  R4,R6
         LR    R7,R10
         AR    R2,R7
         AR    R3,R7
         SR    R8,R7
         B     PAGCP1
PAGCPEND CPEXIT RC=0
PAGCPBAD CPEXIT RC=4
         DROP  R11,R12
PAGF4096 DC    F'4096'
*---------------------------------------------------------------------*
* GSTLOCK / GSTUNLK - keep a guest page in storage while a real I/O   *
* uses it (CCW translation), and let it go again.  Locks count.       *
* In: R11 -> VMBLOK, R1 = guest real address.                        *
* Out (GSTLOCK): R15 = 0 and R1 = real address, or 4 beyond the VM's *
* storage.  GSTUNLK: R15 = 0.                                        *
*---------------------------------------------------------------------*
GSTLOCK  CPENTRY
         CPCALL GSTADDR
         LTR   R15,R15
         BNZ   PAGLKEND
         CPCALL PAGFRMOF           R2 -> its FRAME
         USING FRAME,R2
         LH    R3,FRMLOCKS
         LA    R3,1(,R3)
         STH   R3,FRMLOCKS
         SR    R15,R15
PAGLKEND CPEXIT
         DROP  R2
GSTUNLK  CPENTRY
         CPCALL GSTADDR
         LTR   R15,R15
         BNZ   PAGULEND
         CPCALL PAGFRMOF
         USING FRAME,R2
         LH    R3,FRMLOCKS
         LTR   R3,R3
         BZ    PAGULEND
         BCTR  R3,0
         STH   R3,FRMLOCKS
PAGULEND CPEXIT RC=0
         DROP  R2
*---------------------------------------------------------------------*
* PAGRCBY - the byte of reference and change bits CP took from a     *
* guest's 2K block (SWPRC1 or SWPRC2 of its page).                    *
* In: R11 -> VMBLOK, R1 = guest real address (in its storage).       *
* Out: R1 -> the byte.                                               *
*---------------------------------------------------------------------*
PAGRCBY  CPENTRY
         USING VMBLOK,R11
         LR    R2,R1               its page's swap-table entry
         SRL   R2,12
         SLL   R2,SWPSHIFT
         A     R2,VMBSWPT
         LA    R2,SWPRC1-SWPENT(,R2)
         N     R1,PAGX800          the second 2K: SWPRC2
         BZ    PAGRC1
         LA    R2,1(,R2)
PAGRC1   LR    R1,R2
         CPEXIT RC=0
         DROP  R11
PAGX800  DC    X'00000800'
*---------------------------------------------------------------------*
* PAGFRMOF - the FRAME of a real address.                             *
* In: R1 = real address.  Out: R2 -> FRAME.  Uses R2 only.           *
*---------------------------------------------------------------------*
PAGFRMOF CPENTRY
         LR    R2,R1
         SRL   R2,12
         SLL   R2,4                * FRMLEN (16)
         A     R2,PSAFRMT
         L     R15,4(,R13)         R2 back to the caller
         ST    R2,28(,R15)
         CPEXIT RC=0
*---------------------------------------------------------------------*
* PAGIN - bring a guest page into storage: a frame (PAGFRAME), filled *
* from its paging slot or with zeros, its storage keys set from the  *
* swap table, its page-table entry made valid.  Page 0 is locked.    *
* In: R11 -> VMBLOK, R1 = guest address in the page.  Out: R15 = 0.  *
*---------------------------------------------------------------------*
PAGIN    CPENTRY
         USING VMBLOK,R11
         SRL   R1,12
         LR    R7,R1               R7 = page number
         CPCALL PAGFRAME           R1 -> FRAME, R2 = real address
         LR    R8,R1
         LR    R9,R2
         USING FRAME,R8
         ST    R11,FRMVMB
         LR    R0,R7
         SLL   R0,12
         ST    R0,FRMGADDR
         MVI   FRMFLAGS,FRMFUSED
         LTR   R7,R7
         BNZ   PAGIN1
         MVC   FRMLOCKS,PAGH1      page 0 stays
PAGIN1   LR    R6,R7               -> its swap-table entry
         SLL   R6,SWPSHIFT
         A     R6,VMBSWPT
         USING SWPENT,R6
         LH    R1,SWPSLOT
         LTR   R1,R1
         BZ    PAGIN2
         BCTR  R1,0                paged out before: read it back
         LR    R2,R9
         LA    R0,X'06'            read data
         CPCALL PAGIO
         LTR   R15,R15
         BZ    PAGIN3
         LA    R1,PAGM411          lost: the guest gets zeros
         LA    R0,PAGM411L
         CPCALL TRMOPER
PAGIN2   LR    R4,R9               first touch: zeros
         LA    R5,4095
         LA    R5,1(,R5)
         SR    R14,R14
         SR    R15,R15
         MVCL  R4,R14              (no source: pad X'00')
PAGIN3   SR    R1,R1               the page's storage keys
         IC    R1,SWPKEY1
         SSK   R1,R9
         IC    R1,SWPKEY2
         LA    R2,2048(,R9)
         SSK   R1,R2
         LR    R2,R7               and the page-table entry: valid
         SLL   R2,1
         A     R2,VMBPTAB
         LR    R1,R9
         SRL   R1,8                frame bits 8-19 to PTE bits 0-11
         STH   R1,0(,R2)
         CPEXIT RC=0
         DROP  R6,R8,R11
PAGH1    DC    H'1'
PAGM411  DC    C'DMKPAG411E PAGE READ ERROR; PAGE CLEARED'
PAGM411L EQU   *-PAGM411
*---------------------------------------------------------------------*
* PAGFRAME - a frame for a page: the first free one, else one stolen *
* from some VM (PAGSTEAL).                                            *
* In: nothing.  Out: R1 -> FRAME (unchained, flags 0), R2 = its real *
* address.  May wait (page out).                                     *
*---------------------------------------------------------------------*
PAGFRAME CPENTRY
         ICM   R1,15,PSAFRMFQ
         BNZ   PAGFR1
         CPCALL PAGSTEAL
         B     PAGFR2
PAGFR1   DS    0H
         USING FRAME,R1
         MVC   PSAFRMFQ,FRMNEXT
         XC    FRMNEXT,FRMNEXT
         DROP  R1
PAGFR2   LR    R2,R1               real address = index * 4096
         S     R2,PSAFRMT
         SLL   R2,8                (FRMLEN 16 -> 4096)
         L     R15,4(,R13)
         ST    R2,28(,R15)
         CPEXIT RC=0
*---------------------------------------------------------------------*
* PAGSTEAL - the clock: find a frame whose page was not referenced   *
* since the hand last passed, page it out, and give it back.  Two    *
* turns find one unless every guest frame is locked: then CP stops   *
* (X'DEAD05').                                                        *
* In: nothing.  Out: R1 -> FRAME, free and unchained.                *
*---------------------------------------------------------------------*
PAGSTEAL CPENTRY
         L     R4,PSAFRMCK         the hand
         USING FRAME,R4
         L     R5,PSAFRMN          at most two turns
         SLL   R5,1
         L     R6,PSAFRMN          R6 -> past the end of the table
         SLL   R6,4
         A     R6,PSAFRMT
PAGST1   LA    R4,FRMLEN(,R4)
         CR    R4,R6
         BL    PAGST2
         L     R4,PSAFRMT
PAGST2   TM    FRMFLAGS,FRMFUSED
         BZ    PAGST4
         CLC   FRMLOCKS,PAGH0
         BNE   PAGST4
         LR    R7,R4               its real address
         S     R7,PSAFRMT
         SLL   R7,8
         SR    R8,R8               referenced?  (reset both halves'
         RRB   0(R7)               bits: cc 2 or 3 = it was on)
         BC    12,PAGST3
         LA    R8,X'04'
PAGST3   SR    R9,R9
         RRB   2048(R7)
         BC    12,PAGST3A
         LA    R9,X'04'
PAGST3A  LR    R0,R8
         OR    R0,R9
         BZ    PAGST3B             not referenced: the victim
         L     R1,FRMVMB           referenced: passed over, and the
         L     R2,FRMGADDR         guest's reference bits kept
         SRL   R2,12-SWPSHIFT
         A     R2,VMBSWPT-VMBLOK(,R1)
         USING SWPENT,R2
         STC   R8,PAGRCW2
         OC    SWPRC1,PAGRCW2
         STC   R9,PAGRCW2
         OC    SWPRC2,PAGRCW2
         DROP  R2
         B     PAGST4
PAGST3B  DS    0H
         LR    R1,R4               the victim
         CPCALL PAGOUT
         LTR   R15,R15
         BNZ   PAGST4
         ST    R4,PSAFRMCK
         LR    R1,R4
         CPEXIT RC=0
PAGST4   BCT   R5,PAGST1
         LA    R3,5                nothing can go: stop
         L     R15,PAGHALTA
         BR    R15
         DROP  R4
PAGH0    DC    H'0'
PAGHALTA DC    A(PRGHALT)
PAGRCW2  DS    X
*---------------------------------------------------------------------*
* PAGOUT - take a page out of its frame: page-table entry invalid,   *
* TLB purged, storage keys to the swap table, and the contents to    *
* its slot unless the slot already holds them (change bits off).     *
* In: R1 -> FRAME.  Out: R15 = 0 the frame is free (unchained, flags *
* 0, keys 0); 4 the write failed (the frame is locked for good and   *
* the page stays).                                                    *
*---------------------------------------------------------------------*
PAGOUT   CPENTRY
         LR    R8,R1
         USING FRAME,R8
         L     R11,FRMVMB          (R11 is restored on the way out)
         USING VMBLOK,R11
         LR    R9,R1               R9 = real address
         S     R9,PSAFRMT
         SLL   R9,8
         L     R7,FRMGADDR
         SRL   R7,12               R7 = page number
         LR    R2,R7               page-table entry invalid
         SLL   R2,1
         A     R2,VMBPTAB
         LR    R10,R2
         MVC   0(2,R2),PAGPTINV
         PTLB
         CPCALL SHDPURGE           shadow entries may point at it
         LR    R6,R7               swap-table entry
         SLL   R6,SWPSHIFT
         A     R6,VMBSWPT
         USING SWPENT,R6
         SR    R2,R2               keys (and change bits)
         ISK   R2,R9
         LA    R3,2048(,R9)
         SR    R4,R4
         ISK   R4,R3
         STC   R2,SWPKEY1
         STC   R4,SWPKEY2
         NI    SWPKEY1,X'F8'
         NI    SWPKEY2,X'F8'
         LR    R0,R2               the guest's R and C bits: kept
         N     R0,PAGX06
         STC   R0,PAGRCW
         OC    SWPRC1,PAGRCW
         LR    R0,R4
         N     R0,PAGX06
         STC   R0,PAGRCW
         OC    SWPRC2,PAGRCW
         OR    R2,R4
         LH    R1,SWPSLOT
         LTR   R1,R1
         BZ    PAGOU1              never written: write
         N     R2,PAGF2            changed since read?
         BZ    PAGOU3              no: the slot copy is good
         BCTR  R1,0
         B     PAGOU2
PAGOU1   CPCALL PAGSLOT            a slot for it
         LTR   R15,R15
         BNZ   PAGOUBAD
         LA    R0,1(,R1)
         STH   R0,SWPSLOT
PAGOU2   LR    R2,R9
         LA    R0,X'05'            write data
         CPCALL PAGIO
         LTR   R15,R15
         BNZ   PAGOUBAD
PAGOU3   XC    FRMVMB,FRMVMB       the frame is free
         XC    FRMGADDR,FRMGADDR
         MVI   FRMFLAGS,0
         SR    R1,R1
         SSK   R1,R9
         LA    R2,2048(,R9)
         SSK   R1,R2
         CPEXIT RC=0
PAGOUBAD LR    R1,R9               the page stays where it is
         SRL   R1,8
         STH   R1,0(,R10)
         MVC   FRMLOCKS,PAGH1B
         LA    R1,PAGM410
         LA    R0,PAGM410L
         CPCALL TRMOPER
         CPEXIT RC=4
         DROP  R6,R8,R11
PAGPTINV DC    X'0008'             a page-table entry: invalid
PAGX06   DC    X'00000006'         reference and change bits
PAGRCW   DS    X
PAGH1B   DC    H'1'
PAGF2    DC    F'2'                change bit in an ISK result
PAGM410  DC    C'DMKPAG410E PAGE WRITE ERROR OR PAGING AREA FULL'
PAGM410L EQU   *-PAGM410
*---------------------------------------------------------------------*
* PAGSLOT / PAGSLFRE - take a free paging slot / give one back (the  *
* bitmap PSASLOTM, one bit a slot, 1 = in use).                      *
* PAGSLOT: Out: R15 = 0 and R1 = slot number, or 4 none left.         *
* PAGSLFRE: In: R1 = slot number.  Out: R15 = 0.                      *
*---------------------------------------------------------------------*
PAGSLOT  CPENTRY
         L     R2,PSASLOTM
         L     R3,PSASLOTN
         SR    R1,R1               slot number
PAGSL1   CR    R1,R3
         BNL   PAGSLBAD
         LR    R4,R1
         SRL   R4,3
         AR    R4,R2               -> its byte
         LA    R5,7
         NR    R5,R1
         LA    R6,X'80'
         SRL   R6,0(R5)            its bit
         EX    R6,PAGSLTM          TM 0(R4),bit
         BZ    PAGSL2
         LA    R1,1(,R1)
         B     PAGSL1
PAGSL2   EX    R6,PAGSLOI          OI 0(R4),bit
         CPEXIT RC=0
PAGSLBAD CPEXIT RC=4
PAGSLTM  TM    0(R4),0
PAGSLOI  OI    0(R4),0
PAGSLFRE CPENTRY
         L     R4,PSASLOTM
         LR    R2,R1
         SRL   R2,3
         AR    R4,R2
         LA    R5,7
         NR    R5,R1
         LA    R6,X'80'
         SRL   R6,0(R5)
         X     R6,PAGXFF
         EX    R6,PAGSLNI          NI 0(R4),all but the bit
         CPEXIT RC=0
PAGSLNI  NI    0(R4),0
PAGXFF   DC    X'000000FF'
*---------------------------------------------------------------------*
* PAGIO - read or write one page slot.                                *
* In: R0 = X'06' read / X'05' write, R1 = slot, R2 = real address of  *
* the frame.  Out: R15 = 0 done, 4 I/O error.  Waits.                 *
*---------------------------------------------------------------------*
PAGIO    CPENTRY
         L     R4,PSASYSHD
         USING SYSHDR,R4
         LH    R3,SYHPAGC
         CPCALL PAGSYSIO
         CPEXIT
         DROP  R4
*---------------------------------------------------------------------*
* PAGSYSIO - read or write one 4096-byte record of a SYSRES area      *
* (paging, directory: syshdr.cpy): Seek, Search ID Equal, TIC back,  *
* Read/Write Data.                                                   *
* In: R0 = X'06' read / X'05' write, R1 = record number in the area  *
* (0 = the first), R2 = real address of 4096 bytes, R3 = the area's  *
* first cylinder.  Out: R15 = 0 done, 4 error.  Waits (IOSWAIT).      *
*---------------------------------------------------------------------*
PAGSYSIO CPENTRY
         LR    R8,R0               R8 = command, R9 = record, R10 ->
         LR    R9,R1               the data; the channel program
         LR    R10,R2              in free storage: PAGSYSIO may be
         LA    R0,PAGIOWL          called again while it waits
         CPCALL FREEGET
         LR    R11,R1              (R11 comes back on return)
         USING PAGIOW,R11
         MVC   PAGWCCW,PAGCCWS     the CCWs
         L     R4,PSASYSHD
         USING SYSHDR,R4
         LR    R7,R9               track = record / records a track
         SR    R6,R6
         LH    R5,SYHRECS
         DR    R6,R5               R7 track, R6 record - 1
         LA    R6,1(,R6)
         STC   R6,PAGWSEEK+6       R
         SR    R6,R6
         LH    R5,SYHHEADS
         DR    R6,R5               R7 cylinders on, R6 head
         AR    R7,R3
         STH   R7,PAGWSEEK+2       CC
         STH   R6,PAGWSEEK+4       HH
         DROP  R4
         LA    R5,PAGWSEEK         seek BBCCHH
         STCM  R5,7,PAGWCCW+1
         LA    R5,PAGWSEEK+2       search ID equal CCHHR
         STCM  R5,7,PAGWCCW+8+1
         LA    R5,PAGWCCW+8        TIC back to the search
         STCM  R5,7,PAGWCCW+16+1
         STCM  R10,7,PAGWCCW+24+1  read or write data
         STC   R8,PAGWCCW+24
         LA    R1,PAGWIOB
         USING IOBLOK,R1
         MVC   IOBRDEV,PSASYSRD
         LA    R5,PAGWCCW
         ST    R5,IOBCCW
         DROP  R1
         CPCALL IOSWAIT
         LR    R9,R15
         LR    R1,R11
         LA    R0,PAGIOWL
         CPCALL FREERET
         LR    R15,R9
         CPEXIT
         DROP  R11
         DS    0D
PAGCCWS  DC    X'07',AL3(0),X'40',X'00',H'6'     seek
         DC    X'31',AL3(0),X'40',X'00',H'5'     search ID equal
         DC    X'08',AL3(0),X'00',X'00',H'0'     TIC
         DC    X'06',AL3(0),X'00',X'00',H'4096'  read/write data
PAGIOW   DSECT                     the work area of one PAGSYSIO
PAGWIOB  DS    XL(IOBLEN)          the IOBLOK
PAGWCCW  DS    XL32                the channel program
PAGWSEEK DS    XL8                 BB CC HH R
PAGIOWL  EQU   *-PAGIOW
PAGING   CSECT
*---------------------------------------------------------------------*
* PAGRELVM - give back a VM's pages: frames to the free chain, slots  *
* to the bitmap, the swap table to zeros (keys 0), the page-table    *
* entries invalid.  With R0 = 1 (SYSTEM CLEAR) page 0 stays, cleared *
* to zeros with key 0; with R0 = 0 (logoff) it goes too.             *
* In: R11 -> VMBLOK, R0.  Out: R15 = 0.                              *
*---------------------------------------------------------------------*
PAGRELVM CPENTRY
         USING VMBLOK,R11
         LR    R9,R0
         L     R8,PSAFRMT          every frame of this VM
         USING FRAME,R8
         L     R10,PSAFRMN
PAGRL1   C     R11,FRMVMB
         BNE   PAGRL3
         LR    R2,R8               its real address
         S     R2,PSAFRMT
         SLL   R2,8
         SR    R1,R1               keys 0
         SSK   R1,R2
         LA    R3,2048(,R2)
         SSK   R1,R3
         ICM   R3,15,FRMGADDR
         BNZ   PAGRL2
         LTR   R9,R9
         BZ    PAGRL2
         LR    R4,R2               page 0 kept: cleared
         LA    R5,4095
         LA    R5,1(,R5)
         SR    R14,R14
         SR    R15,R15
         MVCL  R4,R14
         B     PAGRL3
PAGRL2   SRL   R3,11               its page-table entry: invalid
         A     R3,VMBPTAB
         MVC   0(2,R3),PAGPTIV2
         XC    FRMVMB,FRMVMB       the frame: free
         XC    FRMGADDR,FRMGADDR
         MVI   FRMFLAGS,0
         XC    FRMLOCKS,FRMLOCKS
         MVC   FRMNEXT,PSAFRMFQ
         ST    R8,PSAFRMFQ
PAGRL3   LA    R8,FRMLEN(,R8)
         BCT   R10,PAGRL1
         DROP  R8
         PTLB
         L     R6,VMBSWPT          every slot of this VM
         USING SWPENT,R6
         L     R7,VMBSTOR
         SRL   R7,12
PAGRL4   LH    R1,SWPSLOT
         LTR   R1,R1
         BZ    PAGRL5
         BCTR  R1,0
         CPCALL PAGSLFRE
PAGRL5   XC    0(SWPLEN,R6),0(R6)
         LA    R6,SWPLEN(,R6)
         BCT   R7,PAGRL4
         CPEXIT RC=0
         DROP  R6,R11
PAGPTIV2 DC    X'0008'
*---------------------------------------------------------------------*
* PAGINIT - build the frame table: CP's frames (below R2) are marked  *
* FRMFCP, the others chained free in address order, keys 0.          *
* In: R1 -> frame table (PSAFRMN entries of storage, zeroed), R2 =    *
* real address of the first pageable frame.  Out: R15 = 0.           *
*---------------------------------------------------------------------*
PAGINIT  CPENTRY
         ST    R1,PSAFRMT
         ST    R1,PSAFRMCK
         LR    R8,R1
         USING FRAME,R8
         L     R10,PSAFRMN
         SR    R3,R3               real address of this frame
         LA    R9,PSAFRMFQ         -> the link to fill next
PAGNI1  CR    R3,R2
         BNL   PAGNI2
         MVI   FRMFLAGS,FRMFCP
         B     PAGNI3
PAGNI2  ST    R8,0(,R9)           chain it
         LA    R9,FRMNEXT
         SR    R1,R1
         SSK   R1,R3
         LA    R4,2048(,R3)
         SSK   R1,R4
PAGNI3  LA    R8,FRMLEN(,R8)
         LA    R3,4095(,R3)
         LA    R3,1(,R3)
         BCT   R10,PAGNI1
         XC    0(4,R9),0(R9)
         CPEXIT RC=0
         DROP  R8
*---------------------------------------------------------------------*
* PAGSLINI - the paging area: how many slots (SYSHDR), a bitmap for  *
* them, and the SYSRES RDEV (the IPL device) for page I/O.           *
* In: nothing (after IOSINIT).  Out: R15 = 0, or 4 SYSRES not found.  *
*---------------------------------------------------------------------*
PAGSLINI CPENTRY
         L     R4,PSASYSHD
         USING SYSHDR,R4
         LH    R3,SYHPAGN          cylinders
         MH    R3,SYHHEADS
         MH    R3,SYHRECS
         C     R3,PAGMAXSL
         BNH   PAGSI1
         L     R3,PAGMAXSL         (SWPSLOT is a halfword)
PAGSI1   ST    R3,PSASLOTN
         DROP  R4
         LA    R0,7(,R3)
         SRL   R0,3
         CPCALL FREEGET
         ST    R1,PSASLOTM
         LH    R1,PSAIPLDV
         SR    R0,R0
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   PAGSIBAD
         ST    R1,PSASYSRD
         CPEXIT RC=0
PAGSIBAD CPEXIT RC=4
PAGMAXSL DC    F'32767'
         LTORG
