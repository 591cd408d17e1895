*---------------------------------------------------------------------*
* VDEVICE - the virtual devices of a virtual machine: one VDEV per    *
* device, chained from VMBVDEV.  VDVBUILD makes them at logon from    *
* the user's directory entry: the console, the spool devices (reader, *
* punch, printer), minidisks (an extent of a real DASD found by its   *
* volume serial), links to another user's minidisk, and dedicated     *
* real devices.  VDVFIND looks one up by virtual address, VDVUDEV     *
* adds one (DEFINE, LINK, ATTACH make a UDEV of their operands),      *
* VDVDEL removes one (DETACH) and VDVFREE all of them (logoff).       *
* Prefix VDV.                                                         *
*---------------------------------------------------------------------*
VDEVICE  CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* VDVBUILD - build the VDEVs of a directory entry.  A device that     *
* cannot be built (its volume is not mounted, the linked user or      *
* disk does not exist, the dedicated device is taken) is left out     *
* and the user is told; the others are built, and the logon goes on  *
* (VM/370 did the same).                                              *
* In: R11 -> VMBLOK, R1 -> UDIR record.  Out: R15 = 0.                *
*---------------------------------------------------------------------*
VDVBUILD CPENTRY
         USING VMBLOK,R11
         LR    R6,R1               work on a copy: a LINK looks up
         L     R0,=A(VDVUDIRL)       its owner with DIRFIND, which may
         CPCALL FREEGET            reuse the storage of the record
         LR    R7,R1
         LR    R2,R7               to the copy
         L     R3,=A(VDVUDIRL)
         LR    R4,R6               from the caller's record
         LR    R5,R3
         MVCL  R2,R4
         USING UDIR,R7
         LH    R8,UDRNDEV
         LA    R6,UDRDEVS
         USING UDEV,R6
         LTR   R8,R8
         BZ    VDVBEND
VDVB1    LR    R1,R6
         CPCALL VDVUDEV            one device (or a message)
         LA    R6,UDVLEN(,R6)
         BCT   R8,VDVB1
VDVBEND  LR    R1,R7
         L     R0,=A(VDVUDIRL)
         CPCALL FREERET
         CPEXIT RC=0
         DROP  R6,R7
*---------------------------------------------------------------------*
* VDVUDEV - build the VDEV of one UDEV entry (also used by LINK,      *
* ATTACH and DEFINE, which make a UDEV of their operands).            *
* In: R11 -> VMBLOK, R1 -> UDEV.                                      *
* Out: R15 = 0 and R1 -> VDEV, or 4 (the user was told why not).     *
*---------------------------------------------------------------------*
VDVUDEV  CPENTRY
         USING VMBLOK,R11
         LR    R6,R1
         USING UDEV,R6
         LH    R1,UDVADDR          the address must be free
         CPCALL VDVFIND
         LTR   R15,R15
         BZ    VDVUDUP
         CPCALL VDVNEW             R1 -> new VDEV, chained
         LR    R5,R1
         USING VDEV,R5
         MVC   VDVADDR,UDVADDR
         MVC   VDVTYPE,UDVTYPE
         MVC   VDVKIND,UDVKIND
         SR    R1,R1               by kind: VDVKTAB
         IC    R1,UDVKIND
         LTR   R1,R1
         BZ    VDVUDBAD
         CLI   UDVKIND,UDVKDED
         BH    VDVUDBAD
         SLL   R1,2
         L     R15,VDVKTAB-4(R1)
         LR    R1,R5
         BALR  R14,R15             R15 = 0 or 4 (told)
         LTR   R15,R15
         BZ    VDVUDOK
VDVUDDEL LR    R1,R5               left out: take it away again
         CPCALL VDVDEL
         LA    R15,4
         CPEXIT
VDVUDOK  LR    R1,R5
         CPEXIT RC=0
VDVUDBAD LA    R15,4               a kind this CP does not know
         B     VDVUDDEL
VDVUDUP  LH    R1,UDVADDR          "DMKDEF022E VADDR vvv ALREADY ..."
         LA    R0,3
         LA    R2,VDVM022+17
         CPCALL IOSHEX
         LA    R1,VDVM022
         LA    R0,VDVM022L
         CPCALL VDVSAY
         CPEXIT RC=4
         DROP  R5
*        the routine for each UDVKIND (1-5): R1 -> VDEV, R6 -> UDEV
VDVKTAB  DC    A(VDVKCON,VDVKSPL,VDVKMD,VDVKLNK,VDVKDED)
*---------------------------------------------------------------------*
* VDVKCON - CONSOLE: the VM's console (VMBVCONS).                     *
* VDVKSPL - SPOOL: reader, punch or printer of class UDVCLASS.        *
* VDVKMD - MDISK: an extent of the DASD with volume serial UDVVOLID.  *
* VDVKLNK - LINK: the owner's MDISK, found through the directory.    *
* VDVKDED - DEDICATE: the real device UDVRADDR, if nobody has it.    *
* In: R1 -> VDEV, R6 -> UDEV, R11, R12 = VDVUDEV's base.              *
* Out: R15 = 0, or 4 after telling the user.                          *
*---------------------------------------------------------------------*
VDVKCON  ST    R1,VMBVCONS
         SR    R15,R15
         BR    R14
VDVKSPL  MVC   VDVSPCLS-VDEV(1,R1),UDVCLASS
         CLI   UDVCLASS,C' '
         BH    VDVKSP1
         MVI   VDVSPCLS-VDEV(R1),C'A'  output: class A
         CLC   UDVTYPE,=X'3505'
         BNE   VDVKSP1
         MVI   VDVSPCLS-VDEV(R1),C'*'  a reader reads any class
VDVKSP1  MVC   VDVSPTO-VDEV(8,R1),=CL8' '  output: the real one
         SR    R15,R15
         BR    R14
VDVKMD   ST    R14,VDVKRET
         LR    R5,R1
         USING VDEV,R5
         MVC   VDVLUSER,VMBUSER
         B     VDVKEXT
VDVKLNK  ST    R14,VDVKRET
         LR    R5,R1
         MVC   VDVLUSER,UDVLUSER
         LA    R1,UDVLUSER         the owner's directory entry
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   VDVKLNO
         LR    R3,R1               R3 -> owner's UDIR
         USING UDIR,R3
         LH    R0,UDRNDEV
         LA    R2,UDRDEVS
         DROP  R3
VDVKL1   LTR   R0,R0
         BZ    VDVKLNO
         CLI   UDVKIND-UDEV(R2),UDVKMDSK
         BNE   VDVKL2
         CLC   UDVADDR-UDEV(2,R2),UDVLADDR
         BE    VDVKL3
VDVKL2   LA    R2,UDVLEN(,R2)
         BCT   R0,VDVKL1
         B     VDVKLNO
VDVKL3   MVC   UDVCYL,UDVCYL-UDEV(R2)   the extent is the owner's
         MVC   UDVNCYL,UDVNCYL-UDEV(R2)
         MVC   UDVVOLID,UDVVOLID-UDEV(R2)
         MVC   VDVTYPE,UDVTYPE-UDEV(R2)
*        the mode stays the LINK's own (UDVMODE of the LINK entry)
VDVKEXT  LA    R1,UDVVOLID         find the volume
         LA    R0,1
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   VDVKNOV
         ST    R1,VDVRDEV
         MVC   VDVCYL,UDVCYL
         MVC   VDVNCYL,UDVNCYL
         CLI   UDVMODE,C'R'        R and RR: read only
         BNE   VDVKX1
         OI    VDVFLAGS,VDVFRO
VDVKX1   SR    R15,R15
         L     R14,VDVKRET
         BR    R14
VDVKNOV  MVC   VDVM108V,UDVVOLID   "DMKLNK108E user vvv NOT LINKED;
         MVC   VDVM108U,VMBUSER    VOLID volid NOT MOUNTED"
         LA    R3,VDVM108
         LA    R4,VDVM108L
         B     VDVKTELL
VDVKLNO  MVC   VDVM107U,UDVLUSER   "DMKLNK107E owner vvv NOT LINKED;
         LA    R3,VDVM107          NOT IN CP DIRECTORY"
         LA    R4,VDVM107L
VDVKTELL LH    R1,UDVADDR
         CLI   UDVKIND,UDVKLINK    (the owner's address for a LINK)
         BNE   VDVKT1
         LH    R1,UDVLADDR
VDVKT1   LA    R0,3
         LA    R2,20(,R3)
         CPCALL IOSHEX
         LR    R1,R3
         LR    R0,R4
         CPCALL VDVSAY
         LA    R15,4
         L     R14,VDVKRET
         BR    R14
VDVKDED  ST    R14,VDVKRET
         LR    R5,R1
         LH    R1,UDVRADDR
         SR    R0,R0
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   VDVKDNO
         USING RDEV,R1
         ICM   R15,15,RDVUSER      someone has it already
         BNZ   VDVKDNO
         TM    RDVCLASS,RDVCTERM+RDVCOPER+RDVCUR
         BNZ   VDVKDNO             terminals and spool devices are CP's
         ST    R11,RDVUSER
         ST    R1,VDVRDEV
         MVC   VDVTYPE,RDVTYPE
         DROP  R1
         SR    R15,R15
         L     R14,VDVKRET
         BR    R14
VDVKDNO  LH    R1,UDVRADDR         "DMKATT121E DEV rrr NOT ..."
         LA    R0,3
         LA    R2,VDVM121+15
         CPCALL IOSHEX
         LA    R1,VDVM121
         LA    R0,VDVM121L
         CPCALL VDVSAY
         LA    R15,4
         L     R14,VDVKRET
         BR    R14
         DROP  R5,R6
*---------------------------------------------------------------------*
* VDVSAY - a message to the user.  At LOGON the VM is built before its*
* terminal is tied to it (VMBRDEV 0): the message then goes to the    *
* terminal whose line CP is handling (TRMWRITE with R11 = 0).         *
* In: R11 -> VMBLOK, R1 -> text, R0 = length.                         *
*---------------------------------------------------------------------*
VDVSAY   CPENTRY
         USING VMBLOK,R11
         ICM   R2,15,VMBRDEV
         BNZ   VDVSY1
         SR    R11,R11
VDVSY1   CPCALL TRMWRITE
         CPEXIT RC=0
         DROP  R11
*---------------------------------------------------------------------*
* VDVNEW - a new zeroed VDEV chained at the end of VMBVDEV (so QUERY  *
* VIRTUAL lists the devices in directory order).                      *
* In: R11.  Out: R1 -> VDEV.                                          *
*---------------------------------------------------------------------*
VDVNEW   CPENTRY
         USING VMBLOK,R11
         LA    R0,VDVLEN
         CPCALL FREEGET
         LA    R2,VMBVDEV          find the end of the chain
VDVN1    ICM   R3,15,0(R2)         (VDVNEXT is at +0 like VMBVDEV)
         BZ    VDVN2
         LR    R2,R3
         B     VDVN1
VDVN2    ST    R1,0(,R2)
         CPEXIT RC=0
*---------------------------------------------------------------------*
* VDVFIND - the VM's device at a virtual address.                     *
* In: R11 -> VMBLOK, R1 = virtual address (low 12 bits count).       *
* Out: R1 -> VDEV and R15 = 0, or R15 = 4 (no such device).           *
*---------------------------------------------------------------------*
VDVFIND  CPENTRY
         USING VMBLOK,R11
         N     R1,=X'00000FFF'
         L     R2,VMBVDEV
         USING VDEV,R2
VDVF1    LTR   R2,R2
         BZ    VDVFNO
         CH    R1,VDVADDR
         BE    VDVFYES
         L     R2,VDVNEXT
         B     VDVF1
VDVFYES  LR    R1,R2
         CPEXIT RC=0
VDVFNO   CPEXIT RC=4
         DROP  R2
*---------------------------------------------------------------------*
* VDVDEL - remove one virtual device (DETACH, or one that could not   *
* be built): a console read waiting is dropped, an open punch or      *
* printer file is closed (it becomes a spool file as on CLOSE), a     *
* pending interruption is taken off, a dedicated device is given      *
* back, and the storage is freed.                                     *
* In: R11 -> VMBLOK, R1 -> VDEV.                                      *
*---------------------------------------------------------------------*
VDVDEL   CPENTRY
         USING VMBLOK,R11
         LR    R5,R1
         USING VDEV,R5
         LR    R1,R5
         CPCALL VIOUNPND           no interruption pending any more
         CLI   VDVKIND,UDVKSPL
         BNE   VDVD2
         LR    R1,R5
         CPCALL SPLDETCH           close/free its spool state
VDVD2    CLI   VDVKIND,UDVKDED
         BNE   VDVD3
         ICM   R1,15,VDVRDEV
         BZ    VDVD3
         XC    RDVUSER-RDEV(4,R1),RDVUSER-RDEV(R1)
VDVD3    C     R5,VMBVCONS
         BNE   VDVD4
         XC    VMBVCONS,VMBVCONS
VDVD4    LR    R1,R5               the console's lines typed
         CPCALL VCNFREE
         ICM   R1,15,VDVCTW        a translated program's work area
         BZ    VDVD5
         CPCALL CCWFREE
VDVD5    LA    R2,VMBVDEV          unchain it
VDVD6    ICM   R3,15,0(R2)
         BZ    VDVD8               not chained (cannot happen)
         CR    R3,R5
         BE    VDVD7
         LR    R2,R3
         B     VDVD6
VDVD7    MVC   0(4,R2),VDVNEXT
VDVD8    LR    R1,R5
         LA    R0,VDVLEN
         CPCALL FREERET
         CPEXIT RC=0
         DROP  R5
*---------------------------------------------------------------------*
* VDVFREE - remove every virtual device of a VM (logoff).             *
* In: R11 -> VMBLOK.                                                  *
*---------------------------------------------------------------------*
VDVFREE  CPENTRY
         USING VMBLOK,R11
VDVFR1   ICM   R1,15,VMBVDEV
         BZ    VDVFREND
         CPCALL VDVDEL
         B     VDVFR1
VDVFREND CPEXIT RC=0
*---------------------------------------------------------------------*
* Data.                                                               *
*---------------------------------------------------------------------*
VDVUDIRL EQU   4096                a directory record
VDVKRET  DS    A                   return address of the VDVK routines
VDVM022  DC    C'DMKDEF022E VADDR vvv ALREADY DEFINED'
VDVM022L EQU   *-VDVM022
VDVM107  DC    C'DMKLNK107E '
VDVM107U DC    CL8' ',C' vvv NOT LINKED; NOT IN CP DIRECTORY'
VDVM107L EQU   *-VDVM107
VDVM108  DC    C'DMKLNK108E '
VDVM108U DC    CL8' ',C' vvv NOT LINKED; VOLID '
VDVM108V DC    CL6' ',C' NOT MOUNTED'
VDVM108L EQU   *-VDVM108
VDVM121  DC    C'DMKATT121E DEV rrr NOT AVAILABLE'
VDVM121L EQU   *-VDVM121
         LTORG
         DROP  R11,0
