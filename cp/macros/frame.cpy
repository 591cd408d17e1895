*---------------------------------------------------------------------*
* FRAME - one 4K frame of real storage (owner cpcore).  The frame    *
* table (PSAFRMT) has one FRAME for every 4K of real storage, in     *
* address order: the frame at real address A is entry A/4096.  CP's *
* own frames (PSA, stack, nucleus, free storage, the table itself)  *
* are marked FRMFCP and never move; the others hold guest pages,    *
* are on the free chain, or are locked (a guest's page 0, a page    *
* under I/O).                                                       *
*---------------------------------------------------------------------*
FRAME    DSECT
FRMVMB   DS    A                   -> VMBLOK whose page it holds, or 0
FRMGADDR DS    A                   guest real address of that page
FRMNEXT  DS    A                   -> next free FRAME (free chain)
FRMFLAGS DS    X
FRMFCP   EQU   X'80'                 CP's own: never a guest page
FRMFUSED EQU   X'40'                 holds a guest page
         DS    X
FRMLOCKS DS    H                   lock count: >0 = may not be stolen
FRMLEN   EQU   *-FRAME             16 bytes
*---------------------------------------------------------------------*
* SWPENT - what CP keeps about one guest page besides its page-table *
* entry (owner cpcore): the VM's swap table (VMBSWPT) has one per    *
* 4K page of guest real storage.  While the page is resident its    *
* storage keys are the real keys of its frame; while it is paged    *
* out they wait here, so a guest's SSK survives paging.  CP's own    *
* use of the reference and change bits (the clock's RRB, a page-out, *
* the reset keys of a page read back) would hide them from the       *
* guest: what CP takes away is kept in SWPRC1/2, and the guest's ISK *
* and RRB see both (as VM/370 did).                                  *
*---------------------------------------------------------------------*
SWPENT   DSECT
SWPSLOT  DS    H                   paging slot + 1 holding a copy of
*                                  the page, 0 = none (never written)
SWPKEY1  DS    X                   key of the first 2K (while out)
SWPKEY2  DS    X                   key of the second 2K
SWPRC1   DS    X                   reference X'04' and change X'02'
SWPRC2   DS    X                   bits CP took from the 2K blocks
         DS    XL2
SWPLEN   EQU   *-SWPENT            8 bytes
SWPSHIFT EQU   3                   (page number * 8)
