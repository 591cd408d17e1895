*---------------------------------------------------------------------*
* VMCTL - making and unmaking virtual machines, and the directory.   *
* Prefix VMC.                                                         *
*                                                                     *
* A virtual machine is a VMBLOK (chained from PSAVMCHN) with its     *
* storage map: a segment table and page tables in one block of free  *
* storage, all entries invalid at first (pages appear as the guest   *
* touches them, PAGIN), and a swap table (SWPENT per page).  Its      *
* virtual CPU starts as after a clear reset: BC PSW of zeros, the     *
* architected control-register values, stopped in CP mode until its  *
* user IPLs (VIOIPL, cpio) or BEGINs (DSPBEGIN).  Its devices come    *
* from the directory entry through VDVBUILD (cpio).                   *
*---------------------------------------------------------------------*
VMCTL    CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* VMCREATE - build a VM from a directory entry.                       *
* In: R1 -> UDIR record.  Out: R11 -> VMBLOK (also R1), R15 = 0.    *
* (A device VDVBUILD cannot build is left out, and the user told: the *
* VM is made all the same.)                                          *
*---------------------------------------------------------------------*
VMCREATE CPENTRY
         LR    R9,R1
         USING UDIR,R9
         LA    R0,VMBLEN
         CPCALL FREEGET
         LR    R11,R1
         USING VMBLOK,R11
         MVC   VMBUSER,UDRUSER
         MVC   VMBCLASS,UDRCLASS
         MVC   VMBOPTS,UDROPTS
         MVI   VMBSTATE,VMBSRUN+VMBSCPMD  not IPLed yet: CP mode
         L     R1,UDRSTOR          storage: 64K multiple, 64K-16M
         C     R1,VMCF16M
         BNH   VMCCR1
         L     R1,VMCF16M
VMCCR1   A     R1,VMCF64KM
         N     R1,VMCXSEG
         C     R1,VMCF64K
         BNL   VMCCR2
         L     R1,VMCF64K
VMCCR2   ST    R1,VMBSTOR
         CPCALL VMCTABLE           segment, page and swap tables
         CPCALL VMCCPU             the virtual CPU: clear reset
         MVC   VMBSLICE,VMCSLICE
         SR    R1,R1               page 0: in storage from now on
         CPCALL GSTADDR
         LA    R2,PSAVMCHN         chain it at the end
VMCCR3   ICM   R3,15,0(R2)
         BZ    VMCCR4
         LA    R2,VMBNEXT-VMBLOK(,R3)
         B     VMCCR3
VMCCR4   ST    R11,0(,R2)
         LR    R1,R9
         CPCALL VDVBUILD           its devices
         LR    R1,R11
         L     R2,4(,R13)          R11 back to the caller
         ST    R11,64(,R2)
         CPEXIT RC=0
         DROP  R9,R11
VMCF64KM DC    F'65535'
VMCXSEG  DC    X'01FF0000'
VMCF64K  DC    F'65536'
VMCF16M  DC    F'16777216'
         DS    0D
VMCSLICE DC    AL4(0),AL4(50000*4096)   a time slice (DSPSLICE)
*---------------------------------------------------------------------*
* VMCTABLE - the storage map of a VM of VMBSTOR bytes: a segment      *
* table (at least 16 entries: the CR1 length counts in 16s; those     *
* beyond the storage invalid), one 16-entry page table per 64K        *
* segment (entries invalid), one block; and the swap table.           *
* CR1 = (entries/16 - 1) in bits 0-7 and the table's origin (64-byte *
* boundary) in bits 8-25.                                            *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
VMCTABLE CPENTRY
         USING VMBLOK,R11
         L     R5,VMBSTOR          R5 = segments
         SRL   R5,16
         LA    R6,15(,R5)          R6 = segment-table entries
         SRL   R6,4
         SLL   R6,4
         LR    R0,R6               block: 64 (alignment slack) +
         SLL   R0,2                4 a segment-table entry +
         LR    R1,R5               32 a page table
         SLL   R1,5
         AR    R0,R1
         A     R0,VMCF64
         ST    R0,VMBTBLL
         CPCALL FREEGET
         ST    R1,VMBTBLA
         LA    R1,63(,R1)          the segment table: 64-byte aligned
         N     R1,VMCXFC0
         ST    R1,VMBSEGT
         LR    R2,R6               CR1
         SRL   R2,4
         BCTR  R2,0
         SLL   R2,24
         OR    R2,R1
         ST    R2,VMBCR1R
         LR    R3,R6               page tables after it
         SLL   R3,2
         AR    R3,R1
         ST    R3,VMBPTAB
         LR    R4,R6               segment entries: invalid...
VMCTB1   MVC   0(4,R1),VMCSTINV
         LA    R1,4(,R1)
         BCT   R4,VMCTB1
         L     R1,VMBSEGT          ...but the VM's own segments
         LR    R4,R5
VMCTB2   LR    R2,R3
         O     R2,VMCSTPTL         16 entries (PTL 15)
         ST    R2,0(,R1)
         LA    R7,16               its page-table entries: invalid
VMCTB3   MVC   0(2,R3),VMCPTINV
         LA    R3,2(,R3)
         BCT   R7,VMCTB3
         LA    R1,4(,R1)
         BCT   R4,VMCTB2
         L     R0,VMBSTOR          swap table: SWPLEN bytes a page
         SRL   R0,12-SWPSHIFT
         CPCALL FREEGET
         ST    R1,VMBSWPT
         CPEXIT RC=0
         DROP  R11
VMCF64   DC    F'64'
VMCXFC0  DC    X'00FFFFC0'
VMCSTINV DC    X'00000001'         segment-table entry: invalid
VMCSTPTL DC    X'F0000000'         page-table length: 16 entries
VMCPTINV DC    X'0008'             page-table entry: invalid
*---------------------------------------------------------------------*
* VMCCPU - the virtual CPU after a clear reset (GA22-7000, "Resets"): *
* PSW, prefix, timers and clock comparator zero; CR0 = X'000000E0'    *
* (interval timer, interrupt key and external signal subclasses on), *
* CR2 = all channels, CR14 = X'C2000000', CR15 = X'00000200', the     *
* other CRs zero; no pending interruption.  Registers are left as     *
* they are (VMRESET clears them for SYSTEM CLEAR).                    *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
VMCCPU   CPENTRY
         USING VMBLOK,R11
         XC    VMBPSW,VMBPSW
         XC    VMBCRS,VMBCRS
         MVC   VMBCRS+4*0(4),VMCCRC0
         MVC   VMBCRS+4*2(4),VMCCRC2
         MVC   VMBCRS+4*14(4),VMCCRC14
         MVC   VMBCRS+4*15(4),VMCCRC15
         XC    VMBPFX,VMBPFX
         XC    VMBCKC,VMBCKC
         XC    VMBCPTM,VMBCPTM
         XC    VMBITREM,VMBITREM
         MVI   VMBEXTP,0
VMCCP1   ICM   R1,15,VMBIOPQ       pending I/O interruptions: gone
         BZ    VMCCPEND
         CPCALL VINTDEL
         B     VMCCP1
VMCCPEND CPEXIT RC=0
         DROP  R11
VMCCRC0  DC    X'000000E0'
VMCCRC2  DC    X'FFFFFFFF'
VMCCRC14 DC    X'C2000000'
VMCCRC15 DC    X'00000200'
*---------------------------------------------------------------------*
* VMRESET - SYSTEM RESET (R0 = 0) or SYSTEM CLEAR (R0 = 1) of the VM: *
* the virtual CPU reset (VMCCPU) and its devices (VIORESET: programs *
* CP runs end, pending interruptions and kept sense go), as a real   *
* system reset resets the channels too; CLEAR also zeros the         *
* registers and all of storage with its keys (the pages are simply  *
* given back: they come again as zeros).  The VM is left in CP mode. *
* In: R11 -> VMBLOK, R0.  Out: R15 = 0.                              *
*---------------------------------------------------------------------*
VMRESET  CPENTRY
         USING VMBLOK,R11
         LR    R5,R0
         CPCALL VMCCPU
         CPCALL VIORESET
         OI    VMBSTATE,VMBSCPMD
         NI    VMBSTATE,255-VMBSIDLE-VMBSDWT
         CPCALL SHDPURGE
         LTR   R5,R5
         BZ    VMCRSEND
         XC    VMBGPRS,VMBGPRS
         XC    VMBFPRS,VMBFPRS
         LA    R0,1                keep page 0, cleared
         CPCALL PAGRELVM
VMCRSEND CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* VMDEFSTG - DEFINE STORAGE: the VM gets a new storage size.  As in   *
* VM/370 the VM stops in CP mode (VMSTOP) and is reset with its       *
* storage cleared (VMRESET CLEAR); its pages, storage map and swap   *
* table go and are built again for the new size (VMCTABLE, page 0    *
* resident); the user is told "STORAGE = nnnnnK".  The caller checks *
* the directory's maximum (UDRMAXS: DIRFIND waits for I/O).          *
* In: R11 -> VMBLOK, R1 = bytes (a multiple of 64K, 64K-16M).         *
* Out: R15 = 0 done, 4 a size CP cannot give (nothing changed).      *
*---------------------------------------------------------------------*
VMDEFSTG CPENTRY
         USING VMBLOK,R11
         LR    R9,R1
         LTR   R1,R1
         BZ    VMCDSNO
         C     R1,=A(16*1024*1024)
         BH    VMCDSNO
         N     R1,=A(X'FFFF')
         BNZ   VMCDSNO
         TM    VMBSTATE,VMBSCPMD
         BO    VMCDS1
         CPCALL VMSTOP
VMCDS1   LA    R0,1                reset, storage cleared
         CPCALL VMRESET
         CPCALL VMCFREEM           the old storage, the old map
         ST    R9,VMBSTOR          the new one
         CPCALL VMCTABLE
         SR    R1,R1               page 0: in storage from now on
         CPCALL GSTADDR
         CPCALL VMSTORSY
         CPEXIT RC=0
VMCDSNO  CPEXIT RC=4
*---------------------------------------------------------------------*
* VMCFREEM - give back a VM's storage and its storage map: every page *
* (frames, paging slots: PAGRELVM), the segment and page tables and  *
* the swap table (VMCTABLE builds them).  VMDELETE, VMDEFSTG.        *
* In: R11 -> VMBLOK.  Out: R15 = 0; VMBSTOR still the old size.      *
*---------------------------------------------------------------------*
VMCFREEM CPENTRY
         SR    R0,R0               every page, page 0 too
         CPCALL PAGRELVM
         L     R1,VMBTBLA
         L     R0,VMBTBLL
         CPCALL FREERET
         L     R1,VMBSWPT
         L     R0,VMBSTOR
         SRL   R0,12-SWPSHIFT
         CPCALL FREERET
         CPEXIT RC=0
*---------------------------------------------------------------------*
* VMSTORSY - tell the user the VM's storage size: "STORAGE = nnnnnK" *
* (QUERY STORAGE, QUERY VIRTUAL, DEFINE STORAGE).                     *
* In: R11 -> VMBLOK.  Out: R15 = 0.                                  *
*---------------------------------------------------------------------*
VMSTORSY CPENTRY
         L     R1,VMBSTOR
         SRL   R1,10
         LA    R0,5
         LA    R2,VMCSNUM
         CPCALL CMDDEC
         LA    R1,VMCSMSG
         LA    R0,VMCSMSGL
         CPCALL TRMWRITE
         CPEXIT RC=0
         DROP  R11
VMCSMSG  DC    C'STORAGE = '
VMCSNUM  DC    C'nnnnnK'
VMCSMSGL EQU   *-VMCSMSG
*---------------------------------------------------------------------*
* VMDELETE - a VM goes away (logoff): its devices (VDVFREE, cpio),   *
* frames, paging slots, tables and the VMBLOK itself.                 *
* In: R11 -> VMBLOK.  Out: R15 = 0; R11 is no longer valid.           *
*---------------------------------------------------------------------*
VMDELETE CPENTRY
         USING VMBLOK,R11
         OI    VMBSTATE,VMBSLOGF
         CPCALL VDVFREE
         CPCALL SHDFREE
         CPCALL VMCFREEM
         LA    R2,PSAVMCHN         off the chain
VMCDL1   ICM   R3,15,0(R2)
         BZ    VMCDL3
         CR    R3,R11
         BE    VMCDL2
         LA    R2,VMBNEXT-VMBLOK(,R3)
         B     VMCDL1
VMCDL2   MVC   0(4,R2),VMBNEXT
VMCDL3   C     R11,PSACURVM        the dispatcher forgets it
         BNE   VMCDL4
         XC    PSACURVM,PSACURVM
VMCDL4   C     R11,PSALASTV
         BNE   VMCDL5
         XC    PSALASTV,PSALASTV
VMCDL5   LR    R1,R11
         LA    R0,VMBLEN
         CPCALL FREERET
         CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* DIRFIND - look a userid up in the directory on SYSRES (SYHDIRN     *
* records of 4096 bytes from cylinder SYHDIRC, one user each, in the *
* order of the USER DIRECT file: udir.cpy).                          *
* In: R1 -> CL8 userid.  Out: R15 = 0 and R1 -> a copy of its UDIR   *
* record, 4096 bytes of free storage the caller gives back (FREERET, *
* R0 = 4096); or R15 = 4 no such user (or the directory cannot be    *
* read: the operator is told).                                       *
*---------------------------------------------------------------------*
DIRFIND  CPENTRY
         LR    R9,R1
         L     R0,VMCF4096
         CPCALL FREEGET
         LR    R8,R1               R8 -> the buffer
         L     R4,PSASYSHD
         USING SYSHDR,R4
         LH    R6,SYHDIRN
         LH    R7,SYHDIRC
         DROP  R4
         SR    R5,R5               record number
VMCDF1   CR    R5,R6
         BNL   VMCDFNO
         LA    R0,X'06'            read it
         LR    R1,R5
         LR    R2,R8
         LR    R3,R7
         CPCALL PAGSYSIO
         LTR   R15,R15
         BNZ   VMCDFERR
         CLC   0(8,R8),0(R9)       UDRUSER
         BE    VMCDFYES
         LA    R5,1(,R5)
         B     VMCDF1
VMCDFERR LA    R1,VMCM412
         LA    R0,VMCM412L
         CPCALL TRMOPER
VMCDFNO  LR    R1,R8
         L     R0,VMCF4096
         CPCALL FREERET
         CPEXIT RC=4
VMCDFYES LR    R1,R8
         CPEXIT RC=0
VMCF4096 DC    F'4096'
VMCM412  DC    C'DMKVMC412E DIRECTORY READ ERROR ON SYSRES'
VMCM412L EQU   *-VMCM412
         LTORG
