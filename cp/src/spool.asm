*---------------------------------------------------------------------*
* SPOOL - spool files: the virtual card reader, punch and printer of  *
* every VM, and the real card reader, printer and punch.              *
*                                                                     *
* A spool file (SPFBLOK, macros/spfblok.cpy) is a deck of cards or a  *
* listing kept on the spool area of SYSRES (SYHSPLC, SYHSPLN          *
* cylinders) in 4096-byte slots.  SPLLINK, in CP storage, has one     *
* halfword per slot: 0 free, X'FFFF' the last slot of its file, else  *
* the next slot of the file - it is both the allocation map and the   *
* chains.  Files live as long as CP runs (no warm start).            *
*                                                                     *
* Where files come from and go:                                       *
*  - a virtual punch or printer writes records into an open file      *
*    (SPLWCCW); CLOSE (or DETACH, LOGOFF) ends it: with SPOOL ... TO  *
*    userid it goes to that user's reader, else to the real punch     *
*    (00D) or printer (00E), which SPLOUT writes at top level;        *
*  - the real reader: when the operator loads a deck (devinit 00c),   *
*    IOS sees device end and SPLRDRIN reads it at top level: the      *
*    first card "ID userid" names the owner, the rest becomes a       *
*    reader file for that user;                                       *
*  - a virtual reader reads the user's files, oldest first, skipping  *
*    held ones and other classes (SPLRCCW): card after card, then     *
*    unit exception, and the file is gone.  A file arriving gives    *
*    each idle reader that could read it a device end (SPLRDRDE).    *
* Messages are VM/370's: "RDR FILE 0001 FROM USER1 PUN COPY 01 NOHOLD"*
* Prefix SPL.                                                         *
*---------------------------------------------------------------------*
SPOOL    CSECT
         USING PSA,0
         COPY  SPFBLOK
SPOOL    CSECT
SPLRECL  EQU   4                   record header: X cmd, X 0, H length
*---------------------------------------------------------------------*
* SPLINIT - the spool area: SPLLINK with every slot free, and the     *
* SYSRES device.  Called by IOSINIT once the RDEVs exist.             *
*---------------------------------------------------------------------*
SPLINIT  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         L     R3,PSASYSHD
         LTR   R3,R3
         BNZ   SPLI1
         L     R3,=A(X'2000')      where the IPL loader leaves it
SPLI1    DS    0H
         USING SYSHDR,R3
         ST    R3,SPLSYSH
         LA    R1,SYHVOLID         SYSRES by its volume serial
         LA    R0,1
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   SPLINONE
         ST    R1,SPLRDEV
         LH    R1,SYHSPLN          slots: cylinders x tracks x 4
         MH    R1,SYHHEADS
         MH    R1,SYHRECS
         C     R1,=F'65534'        (a halfword holds a slot number)
         BNH   SPLI2
         L     R1,=F'65534'
SPLI2    ST    R1,SPLNSLOT
         LA    R0,2(R1,R1)         a halfword a slot, slot 0 unused
         CPCALL FREEGET            zeroed: all free
         ST    R1,SPLLINK
         LA    R1,X'00C'           the real reader may hold a deck
         SR    R0,R0               from before the IPL: read it as
         CPCALL RDEVFIND           soon as CP runs
         LTR   R15,R15
         BNZ   SPLI3
         LR    R0,R1
         L     R1,=A(SPLRDRIN)
         CPCALL CPEXQ
SPLI3    CPEXIT RC=0
SPLINONE LA    R1,SPLM952          "DMKSPL952E NO SPOOL AREA ..."
         LA    R0,SPLM952L
         CPCALL TRMOPER
         CPEXIT RC=0
         DROP  R3
         LTORG
*---------------------------------------------------------------------*
* SPLGETS - a free slot, marked as the last of its file.              *
* Out: R1 = slot number and R15 = 0, or R15 = 4 the area is full      *
* (the operator is told).                                             *
*---------------------------------------------------------------------*
SPLGETS  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         L     R2,SPLLINK
         LTR   R2,R2
         BZ    SPLGFULL
         L     R3,SPLNSLOT
         LA    R1,1                slot 1 upwards
SPLG1    CR    R1,R3
         BH    SPLGFULL
         LR    R4,R1
         AR    R4,R4
         AR    R4,R2
         CLC   0(2,R4),=H'0'
         BE    SPLG2
         LA    R1,1(,R1)
         B     SPLG1
SPLG2    MVC   0(2,R4),=X'FFFF'
         CPEXIT RC=0
SPLGFULL LA    R1,SPLM953          "DMKSPL953E SPOOL SPACE FULL"
         LA    R0,SPLM953L
         CPCALL TRMOPER
         CPEXIT RC=4
         LTORG
*---------------------------------------------------------------------*
* SPLSLTIO - read or write one slot of the spool area.               *
* In: R1 = slot, R0 = 0 read / 1 write, R2 -> 4096-byte buffer.       *
* Out: R15 = 0, or 4 an I/O error.  Waits (top level only).           *
*---------------------------------------------------------------------*
SPLSLTIO CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         L     R3,SPLSYSH
         USING SYSHDR,R3
         BCTR  R1,0                k = slot - 1
         SR    R4,R4               R5 = k, then the track
         LR    R5,R1
         LH    R6,SYHRECS
         DR    R4,R6               R4 = record - 1, R5 = track
         LA    R4,1(,R4)
         STC   R4,SPLSEEK+6        R
         SR    R4,R4
         LH    R6,SYHHEADS
         DR    R4,R6               R4 = head, R5 = cylinder in area
         AH    R5,SYHSPLC
         STH   R5,SPLSEEK+2        CC
         STH   R4,SPLSEEK+4        HH
         DROP  R3
         MVI   SPLSDATA,X'06'      read data
         LTR   R0,R0
         BZ    SPLSI1
         MVI   SPLSDATA,X'05'      write data
SPLSI1   STCM  R2,7,SPLSDATA+1
         XC    SPLSIOB,SPLSIOB
         LA    R1,SPLSIOB
         USING IOBLOK,R1
         MVC   IOBRDEV,SPLRDEV
         LA    R2,SPLSCCW
         ST    R2,IOBCCW
         DROP  R1
         CPCALL IOSWAIT
         LTR   R15,R15
         BZ    SPLSIEND
         LA    R1,SPLM954          "DMKSPL954E SPOOL I/O ERROR"
         LA    R0,SPLM954L
         CPCALL TRMOPER
         LA    R15,4
SPLSIEND CPEXIT
         LTORG
*---------------------------------------------------------------------*
* SPLNEW - a new spool file, open for writing (on no slot yet).       *
* In: R1 -> CL8 origin userid, R0 = device (C'P' punch, C'L' printer, *
* C'R' the real reader).  Out: R1 -> SPFBLOK (chained, not in any     *
* reader yet).                                                        *
*---------------------------------------------------------------------*
SPLNEW   CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R3,R1
         LR    R4,R0
         LA    R0,SPFLEN
         CPCALL FREEGET
         LR    R5,R1
         USING SPFBLOK,R5
         MVC   SPFORIG,0(R3)
         MVC   SPFOWNER,=CL8' '
         STC   R4,SPFFDEV
         MVI   SPFCLASS,C'A'
         OI    SPFFLAGS,SPFFOPEN
         L     R0,=A(SPLSLOTL)
         CPCALL FREEGET
         ST    R1,SPFBUF
         MVC   SPLSUSED(2,R1),=Y(SPLSHDR)
         LA    R1,SPLFILES         chain it last
SPLNW1   ICM   R2,15,0(R1)         (SPFNEXT is at +0)
         BZ    SPLNW2
         LR    R1,R2
         B     SPLNW1
SPLNW2   ST    R5,0(,R1)
         LR    R1,R5
         CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* SPLPUT - add one record to an open file.  When the slot in SPFBUF   *
* has no room, it is written out and a new one chained to it.         *
* In: R1 -> SPFBLOK, R0 = CCW command, R2 -> data, R3 = length       *
* (cut to 4000).  Out: R15 = 0, or 4 no spool space / I/O error.      *
*---------------------------------------------------------------------*
SPLPUT   CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R5,R1
         USING SPFBLOK,R5
         STC   R0,SPLPCMD
         C     R3,=F'4000'
         BNH   SPLP1
         L     R3,=F'4000'
SPLP1    L     R6,SPFBUF
         ICM   R7,15,SPFFIRST      no slot yet: the first
         BNZ   SPLP2
         CPCALL SPLGETS
         LTR   R15,R15
         BNZ   SPLPERR
         ST    R1,SPFFIRST
         ST    R1,SPFCSLT
SPLP2    LH    R7,SPLSUSED(,R6)    room in this slot?
         LA    R8,SPLRECL(R3,R7)
         C     R8,=A(SPLSLOTL)
         BNH   SPLP3
         CPCALL SPLGETS            no: the next slot
         LTR   R15,R15
         BNZ   SPLPERR
         LR    R8,R1
         L     R9,SPFCSLT          chain it after the current one
         AR    R9,R9
         A     R9,SPLLINK
         STH   R8,0(,R9)
         L     R1,SPFCSLT          write the current one out
         LA    R0,1
         LR    R2,R6
         CPCALL SPLSLTIO
         ST    R8,SPFCSLT
         XC    0(SPLSHDR,R6),0(R6)
         MVC   SPLSUSED(2,R6),=Y(SPLSHDR)
         B     SPLP2
SPLP3    LA    R9,0(R7,R6)         the record goes here
         MVC   0(1,R9),SPLPCMD
         MVI   1(R9),0
         STH   R3,2(,R9)
         LTR   R3,R3
         BZ    SPLP4
         LA    R0,SPLRECL(,R9)     MVCL: R0/R1 <- R2/R3
         LR    R1,R3
         L     R2,4(,R13)          (the caller's R2 and R3: the data)
         LM    R2,R3,28(R2)
         LR    R3,R1
         MVCL  R0,R2
SPLP4    STH   R8,SPLSUSED(,R6)
         LH    R1,SPLSRECS(,R6)
         LA    R1,1(,R1)
         STH   R1,SPLSRECS(,R6)
         L     R1,SPFRECS
         LA    R1,1(,R1)
         ST    R1,SPFRECS
         CPEXIT RC=0
SPLPERR  CPEXIT RC=4
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLENDW - the end of writing a file: its last slot is written, the  *
* buffer freed, and it gets its spool file number.                    *
* In: R1 -> SPFBLOK.                                                  *
*---------------------------------------------------------------------*
SPLENDW  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R5,R1
         USING SPFBLOK,R5
         ICM   R1,15,SPFCSLT
         BZ    SPLEW1              nothing was written
         LA    R0,1
         L     R2,SPFBUF
         CPCALL SPLSLTIO
SPLEW1   LR    R1,R5
         CPCALL SPLBFREE
         NI    SPFFLAGS,X'FF'-SPFFOPEN
         L     R1,SPLLSTID        the next number, 1-9999
         LA    R1,1(,R1)
         C     R1,=F'9999'
         BNH   SPLEW2
         LA    R1,1
SPLEW2   ST    R1,SPLLSTID
         STH   R1,SPFID
         CPEXIT RC=0
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLBFREE - free the slot buffer of a file, if it has one.           *
* In: R1 -> SPFBLOK.                                                  *
*---------------------------------------------------------------------*
SPLBFREE CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R5,R1
         USING SPFBLOK,R5
         ICM   R1,15,SPFBUF
         BZ    SPLBFEND
         L     R0,=A(SPLSLOTL)
         CPCALL FREERET
         XC    SPFBUF,SPFBUF
         XC    SPFCSLT,SPFCSLT
SPLBFEND CPEXIT RC=0
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLGETR - the next record of a file open for reading (the first     *
* call reads its first slot).                                         *
* In: R1 -> SPFBLOK.  Out: R15 = 0 and R1 -> the record (X command,   *
* X 0, H length, data), or R15 = 4 end of file, 8 I/O error.          *
*---------------------------------------------------------------------*
SPLGETR  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R5,R1
         USING SPFBLOK,R5
         ICM   R6,15,SPFBUF
         BNZ   SPLGR2
         OI    SPFFLAGS,SPFFOPEN   open it: the first slot
         L     R0,=A(SPLSLOTL)
         CPCALL FREEGET
         ST    R1,SPFBUF
         LR    R6,R1
         ICM   R1,15,SPFFIRST
         BZ    SPLGREOF            an empty file
         B     SPLGR1
SPLGR0   L     R1,SPFCSLT          the next slot, if any
         AR    R1,R1
         A     R1,SPLLINK
         LH    R1,0(,R1)
         N     R1,=X'0000FFFF'
         C     R1,=X'0000FFFF'
         BE    SPLGREOF
SPLGR1   ST    R1,SPFCSLT
         SR    R0,R0
         LR    R2,R6
         CPCALL SPLSLTIO
         LTR   R15,R15
         BNZ   SPLGRERR
         LA    R1,SPLSHDR
         ST    R1,SPFPOS
SPLGR2   L     R1,SPFPOS
         CH    R1,SPLSUSED(,R6)
         BNL   SPLGR0              this slot is done
         LA    R2,0(R1,R6)         the record
         LH    R3,2(,R2)
         LA    R1,SPLRECL(R3,R1)
         ST    R1,SPFPOS
         LR    R1,R2
         CPEXIT RC=0
SPLGREOF CPEXIT RC=4
SPLGRERR CPEXIT RC=8
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLPURGE - a file is gone: its slots are free again, it leaves the  *
* chain and its storage is returned.                                  *
* In: R1 -> SPFBLOK.                                                  *
*---------------------------------------------------------------------*
SPLPURGE CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R5,R1
         USING SPFBLOK,R5
         LR    R1,R5
         CPCALL SPLBFREE
         L     R1,SPFFIRST         free the slot chain
         L     R2,SPLLINK
SPLPG1   LTR   R1,R1
         BZ    SPLPG2
         LR    R3,R1
         AR    R3,R3
         AR    R3,R2
         LH    R1,0(,R3)
         N     R1,=X'0000FFFF'
         XC    0(2,R3),0(R3)
         C     R1,=X'0000FFFF'
         BNE   SPLPG1
SPLPG2   LA    R1,SPLFILES         unchain
SPLPG3   ICM   R2,15,0(R1)
         BZ    SPLPG5
         CR    R2,R5
         BE    SPLPG4
         LR    R1,R2
         B     SPLPG3
SPLPG4   MVC   0(4,R1),SPFNEXT
SPLPG5   LR    R1,R5
         LA    R0,SPFLEN
         CPCALL FREERET
         CPEXIT RC=0
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLNEXTR - the next file a user's reader would read: the oldest in  *
* the user's reader, not held, of the reader's class ('*': any).      *
* In: R1 -> CL8 userid, R0 = class.  Out: R1 -> SPFBLOK and R15 = 0,  *
* or R15 = 4 none.                                                    *
*---------------------------------------------------------------------*
SPLNEXTR CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R3,R1
         STC   R0,SPLNXCLS
         L     R5,SPLFILES
         USING SPFBLOK,R5
SPLNX1   LTR   R5,R5
         BZ    SPLNXNO
         TM    SPFFLAGS,SPFFRDR
         BZ    SPLNX2
         TM    SPFFLAGS,SPFFHOLD
         BO    SPLNX2
         CLC   SPFOWNER,0(R3)
         BNE   SPLNX2
         CLI   SPLNXCLS,C'*'
         BE    SPLNXYES
         CLC   SPFCLASS,SPLNXCLS
         BE    SPLNXYES
SPLNX2   L     R5,SPFNEXT
         B     SPLNX1
SPLNXYES LR    R1,R5
         CPEXIT RC=0
SPLNXNO  CPEXIT RC=4
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLRCCW - one command on a virtual card reader, for VIOCHAN.        *
*   read (X'02' and its stacker variants): the next card of the file  *
*     being read (opening the next file first); after its last card, *
*     unit exception, and the file is purged (kept, held, with SPOOL  *
*     READER HOLD); with SPOOL READER CONT the next file follows      *
*     without one.  No file at all: unit check, intervention         *
*     required (sense X'40'), as VM/370's reader gives.               *
*   X'03' no-operation, X'x3' feed/stacker select: CE+DE.            *
*   anything else: command reject.                                    *
* In: R0 = command, R2 -> room, R3 = count, R5 -> VDEV, R11.          *
* Out: R15 = 0; R0 = unit status; R1 = record length.                 *
*---------------------------------------------------------------------*
SPLRCCW  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         USING VMBLOK,R11
         USING VDEV,R5
         LR    R4,R0
         N     R4,=X'00000003'
         CH    R4,=H'3'
         BE    SPLRNOP
         CH    R4,=H'2'
         BNE   SPLRREJ
         ICM   R1,15,VDVSPF        a file open?
         BNZ   SPLR1
         LA    R1,VMBUSER
         SR    R0,R0
         IC    R0,VDVSPCLS
         CPCALL SPLNEXTR
         LTR   R15,R15
         BNZ   SPLREMPT
         ST    R1,VDVSPF
SPLR1    CPCALL SPLGETR
         LTR   R15,R15
         BNZ   SPLREOF
         LH    R0,2(,R1)           the card: as much as the count
         LR    R6,R0               takes, the record length back
         CR    R0,R3
         BNH   SPLR2
         LR    R0,R3
SPLR2    LTR   R0,R0
         BZ    SPLR3
         LR    R4,R0
         BCTR  R4,0
         EX    R4,SPLRMOVE
SPLR3    LR    R1,R6
         LA    R0,IOSUCE+IOSUDE
         CPEXIT RC=0
SPLRMOVE MVC   0(0,R2),SPLRECL(R1)
SPLREOF  CPCALL SPLRDONE           the file is read
         TM    VDVFLAGS,VDVFCONT   SPOOL READER CONT: the next file
         BZ    SPLREOF1            follows as if it were the same
         LA    R1,VMBUSER
         SR    R0,R0
         IC    R0,VDVSPCLS
         CPCALL SPLNEXTR
         LTR   R15,R15
         BNZ   SPLREOF1            none: the end after all
         ST    R1,VDVSPF
         B     SPLR1
SPLREOF1 SR    R1,R1
         LA    R0,IOSUCE+IOSUDE+IOSUUE
         CPEXIT RC=0
SPLREMPT MVI   VDVSENSE,X'40'      intervention required
         SR    R1,R1
         LA    R0,IOSUCE+IOSUDE+IOSUUC
         CPEXIT RC=0
SPLRNOP  SR    R1,R1
         LA    R0,IOSUCE+IOSUDE
         CPEXIT RC=0
SPLRREJ  MVI   VDVSENSE,X'80'      command reject
         SR    R1,R1
         LA    R0,IOSUCE+IOSUDE+IOSUUC
         CPEXIT RC=0
         DROP  R5,R11
         LTORG
*---------------------------------------------------------------------*
* SPLRDONE - a virtual reader is done with its file (read to the end, *
* or CLOSE): purged, or kept and held with SPOOL READER HOLD.         *
* In: R5 -> VDEV of the reader.                                       *
*---------------------------------------------------------------------*
SPLRDONE CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         USING VDEV,R5
         ICM   R1,15,VDVSPF
         BZ    SPLRDEND
         XC    VDVSPF,VDVSPF
         TM    VDVFLAGS,VDVFHOLD
         BO    SPLRD1
         CPCALL SPLPURGE
         B     SPLRDEND
SPLRD1   LR    R2,R1               kept: held, from the start again
         USING SPFBLOK,R2
         OI    SPFFLAGS,SPFFHOLD
         NI    SPFFLAGS,X'FF'-SPFFOPEN
         DROP  R2
         CPCALL SPLBFREE           (R1 -> the file)
SPLRDEND CPEXIT RC=0
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLWCCW - one command on a virtual punch or printer, for VIOCHAN.   *
* Every write (X'x1') and every control command but no-operation     *
* (printer spacing and skipping: X'0B', X'8B'...) becomes a record of *
* the open file, with its command code; the first one opens the file. *
* In: R0 = command, R2 -> data, R3 = length, R5 -> VDEV, R11.         *
* Out: R15 = 0; R0 = unit status; R1 = bytes taken.                  *
*---------------------------------------------------------------------*
SPLWCCW  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         USING VMBLOK,R11
         USING VDEV,R5
         LR    R6,R0
         LR    R4,R0
         N     R4,=X'00000003'
         CH    R4,=H'3'
         BE    SPLW0
         CH    R4,=H'1'
         BNE   SPLWREJ
         B     SPLW1
SPLW0    CH    R6,=H'3'            no-operation: nothing to keep
         BE    SPLWOK
         SR    R3,R3               a control: a record with no data
SPLW1    ICM   R1,15,VDVSPF
         BNZ   SPLW2
         LA    R1,VMBUSER          open a new file
         LA    R0,C'P'
         CLC   VDVTYPE,=X'3525'
         BE    SPLW1A
         LA    R0,C'L'
SPLW1A   CPCALL SPLNEW
         ST    R1,VDVSPF
         MVC   SPFCLASS-SPFBLOK(1,R1),VDVSPCLS
SPLW2    LR    R0,R6
         CPCALL SPLPUT             R2, R3: the data
         LTR   R15,R15
         BNZ   SPLWFULL
SPLWOK   LR    R1,R3
         LA    R0,IOSUCE+IOSUDE
         CPEXIT RC=0
SPLWFULL MVI   VDVSENSE,X'40'      intervention required
         SR    R1,R1
         LA    R0,IOSUCE+IOSUDE+IOSUUC
         CPEXIT RC=0
SPLWREJ  MVI   VDVSENSE,X'80'      command reject
         SR    R1,R1
         LA    R0,IOSUCE+IOSUDE+IOSUUC
         CPEXIT RC=0
         DROP  R5,R11
         LTORG
*---------------------------------------------------------------------*
* SPLCLOSE - CLOSE a spool device.  Reader: the file being read is    *
* done (SPLRDONE).  Punch, printer: the open file is ended and sent:  *
* to the reader of the SPOOL ... TO user, with "RDR FILE nnnn FROM    *
* user PUN COPY 01 NOHOLD" to that user and "PUN FILE nnnn TO user    *
* COPY 01 NOHOLD" to the owner; else to the real punch or printer.   *
* In: R11 -> VMBLOK, R1 -> VDEV.                                      *
*---------------------------------------------------------------------*
SPLCLOSE CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         USING VMBLOK,R11
         LR    R5,R1
         USING VDEV,R5
         CLC   VDVTYPE,=X'3505'
         BNE   SPLCL1
         CPCALL SPLRDONE
         CPEXIT RC=0
SPLCL1   ICM   R6,15,VDVSPF
         BZ    SPLCLEND            nothing written
         XC    VDVSPF,VDVSPF
         LR    R1,R6
         CPCALL SPLENDW
         USING SPFBLOK,R6
         CLI   VDVSPTO,C' '
         BE    SPLCLRL
         MVC   SPFOWNER,VDVSPTO    to a user's reader
         OI    SPFFLAGS,SPFFRDR
         TM    VDVFLAGS,VDVFHOLD
         BZ    SPLCL2
         OI    SPFFLAGS,SPFFHOLD
SPLCL2   LR    R1,R6
         CPCALL SPLTELL            "RDR FILE ... FROM ..." to them
         MVC   SPLMTO(3),=C'PUN'   "PUN FILE nnnn TO user ..." here
         CLI   SPFFDEV,C'P'
         BE    SPLCL3
         MVC   SPLMTO(3),=C'PRT'
SPLCL3   MVC   SPLMTOU,SPFOWNER
         LH    R1,SPFID
         LA    R2,SPLMTON
         BAL   R14,SPLDEC4
         LA    R1,SPLMTO
         LA    R0,SPLMTOL
         CPCALL TRMWRITE
         B     SPLCLEND
SPLCLRL  LR    R1,R6               to the real punch or printer,
         LR    R0,R6               at top level
         L     R1,=A(SPLOUT)
         CPCALL CPEXQ
SPLCLEND CPEXIT RC=0
         DROP  R5,R6,R11
         LTORG
*---------------------------------------------------------------------*
* SPLDETCH - a spool device goes away (DETACH, logoff): its output is *
* closed and sent (as CLOSE); the file a reader was reading stays in  *
* the user's reader, from its first card again.                      *
* In: R11, R1 -> VDEV.                                                *
*---------------------------------------------------------------------*
SPLDETCH CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R5,R1
         USING VDEV,R5
         CLC   VDVTYPE,=X'3505'
         BE    SPLDT1
         CPCALL SPLCLOSE           punch, printer: as CLOSE
         CPEXIT RC=0
SPLDT1   ICM   R1,15,VDVSPF        reader: the file stays in the
         BZ    SPLDTEND            reader, to be read from its start
         XC    VDVSPF,VDVSPF       next time
         NI    SPFFLAGS-SPFBLOK(R1),X'FF'-SPFFOPEN
         CPCALL SPLBFREE
SPLDTEND CPEXIT RC=0
         DROP  R5
         LTORG
*---------------------------------------------------------------------*
* SPLTELL - tell the owner of a reader file it has arrived, if the    *
* owner is logged on: "RDR FILE nnnn FROM user PUN COPY 01 NOHOLD",   *
* and let its readers know (SPLRDRDE).                                *
* In: R1 -> SPFBLOK.                                                  *
*---------------------------------------------------------------------*
SPLTELL  CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R6,R1
         USING SPFBLOK,R6
         LA    R1,SPFOWNER
         CPCALL LGNFINDU
         LTR   R15,R15
         BNZ   SPLTLEND            not logged on: QUERY READER shows it
         LR    R11,R1
         MVC   SPLMRFU,SPFORIG
         MVC   SPLMRFD(3),=C'PUN'
         CLI   SPFFDEV,C'L'
         BNE   SPLTL1
         MVC   SPLMRFD(3),=C'PRT'
SPLTL1   MVC   SPLMRFH,=C'NOHOLD'
         TM    SPFFLAGS,SPFFHOLD
         BZ    SPLTL2
         MVC   SPLMRFH,=C'  HOLD'
SPLTL2   LH    R1,SPFID
         LA    R2,SPLMRFN
         BAL   R14,SPLDEC4
         LA    R1,SPLMRF
         LA    R0,SPLMRFL
         CPCALL TRMWRITE
         LR    R1,R6
         CPCALL SPLRDRDE
SPLTLEND CPEXIT RC=0
         DROP  R6
         LTORG
*---------------------------------------------------------------------*
* SPLRDRDE - a file arrived in a user's reader: each virtual reader  *
* that could read it (not held; its class, or class '*') and is not  *
* busy and has no interruption pending gets a device end, as a real  *
* reader that becomes ready presents one (VM/370 does the same): a   *
* guest waiting for cards learns of them.                             *
* In: R11 -> VMBLOK of the owner, R1 -> SPFBLOK.  Out: R15 = 0.       *
*---------------------------------------------------------------------*
SPLRDRDE CPENTRY
         LR    R6,R1
         USING SPFBLOK,R6
         USING VMBLOK,R11
         TM    SPFFLAGS,SPFFHOLD
         BO    SPLDEEND            held: no reader can read it
         L     R5,VMBVDEV
         USING VDEV,R5
SPLDE1   LTR   R5,R5
         BZ    SPLDEEND
         CLC   VDVTYPE,=X'3505'
         BNE   SPLDE2
         TM    VDVFLAGS,VDVFBUSY+VDVFPEND
         BNZ   SPLDE2
         CLI   VDVSPCLS,C'*'
         BE    SPLDE3
         CLC   VDVSPCLS,SPFCLASS
         BNE   SPLDE2
SPLDE3   XC    VDVCSW,VDVCSW       device end alone
         MVI   VDVCSW+4,IOSUDE
         LR    R1,R5
         CPCALL VINTIO
SPLDE2   L     R5,VDVNEXT
         B     SPLDE1
SPLDEEND CPEXIT RC=0
         DROP  R5,R6,R11
         LTORG
*---------------------------------------------------------------------*
* SPLDEC4 - a number 0-9999 as four decimal digits (BAL, R14).        *
* In: R1 = number, R2 -> where.  Uses R0 R1.                          *
*---------------------------------------------------------------------*
SPLDEC4  CVD   R1,SPLDECW
         UNPK  0(4,R2),SPLDECW+5(3)
         OI    3(R2),X'F0'
         BR    R14
         LTORG
*---------------------------------------------------------------------*
* SPLOUT - write a closed file on the real punch (made on a punch) or *
* printer, record by record with its own command code, then purge   *
* it.  Top level: queued by SPLCLOSE with CPEXQ.                      *
* In: R1 -> SPFBLOK.                                                  *
*---------------------------------------------------------------------*
SPLOUT   CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         LR    R6,R1
         USING SPFBLOK,R6
         LA    R1,X'00E'           printer
         CLI   SPFFDEV,C'P'
         BNE   SPLO1
         LA    R1,X'00D'           punch
SPLO1    SR    R0,R0
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   SPLOGONE
         LR    R7,R1
SPLO2    LR    R1,R6
         CPCALL SPLGETR
         LTR   R15,R15
         BNZ   SPLOGONE            end of file (or error): done
         MVC   SPLOCCW(1),0(R1)    command
         LA    R2,SPLRECL(,R1)
         STCM  R2,7,SPLOCCW+1      data
         MVI   SPLOCCW+4,X'20'     SLI
         MVC   SPLOCCW+6(2),2(R1)  length
         OC    SPLOCCW+6(2),SPLOCCW+6
         BNZ   SPLO3
         MVI   SPLOCCW+7,1         a control: count 1 (not used)
SPLO3    XC    SPLOIOB,SPLOIOB
         LA    R1,SPLOIOB
         USING IOBLOK,R1
         ST    R7,IOBRDEV
         LA    R2,SPLOCCW
         ST    R2,IOBCCW
         DROP  R1
         CPCALL IOSWAIT
         B     SPLO2
SPLOGONE LR    R1,R6
         CPCALL SPLPURGE
         CPEXIT RC=0
         DROP  R6
         LTORG
*---------------------------------------------------------------------*
* SPLRDRIN - the operator loaded a deck in the real reader (device    *
* end from it).  Top level (CPEXQ from IOS).  The first card must be  *
* "ID userid": a user in the directory.  The other cards, up to the   *
* end of the deck (unit exception, or unit check when the hopper is   *
* empty), become a reader file for that user, who is told.  A deck    *
* without a valid ID card is read to its end and dropped, and the    *
* operator is told.                                                   *
* In: R1 -> RDEV of the reader.                                       *
*---------------------------------------------------------------------*
SPLRDRIN CPENTRY
         L     R10,=A(SPLDATA)
         USING SPLDATA,R10
         ST    R1,SPLRRDEV
         XC    SPLRFILE,SPLRFILE
         BAL   R14,SPLRCARD        the ID card
         LTR   R15,R15
         BNZ   SPLRIEND            nothing there after all
         CLC   SPLCARD(3),=C'ID '
         BNE   SPLRIBAD
         LA    R2,SPLCARD+3        the userid: the next word
SPLRI1   CLI   0(R2),C' '
         BNE   SPLRI2
         LA    R2,1(,R2)
         LA    R1,SPLCARD+70
         CR    R2,R1
         BL    SPLRI1
         B     SPLRIBAD
SPLRI2   MVC   SPLRUSER,=CL8' '
         LA    R3,SPLRUSER
         LA    R4,8
SPLRI3   CLI   0(R2),C' '
         BE    SPLRI4
         MVC   0(1,R3),0(R2)
         LA    R2,1(,R2)
         LA    R3,1(,R3)
         BCT   R4,SPLRI3
SPLRI4   LA    R1,SPLRUSER
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   SPLRIUNK
         LA    R1,=CL8'SYSTEM'     the new file
         LA    R0,C'P'
         CPCALL SPLNEW
         ST    R1,SPLRFILE
SPLRI5   BAL   R14,SPLRCARD        the deck, card by card
         LTR   R15,R15
         BNZ   SPLRI6
         L     R1,SPLRFILE
         LA    R0,X'01'            as a punch writes a card
         LA    R2,SPLCARD
         LA    R3,80
         CPCALL SPLPUT
         B     SPLRI5
SPLRI6   L     R6,SPLRFILE         the end: to the user's reader
         LR    R1,R6
         CPCALL SPLENDW
         USING SPFBLOK,R6
         MVC   SPFOWNER,SPLRUSER
         OI    SPFFLAGS,SPFFRDR
         DROP  R6
         LR    R1,R6
         CPCALL SPLTELL
         CPEXIT RC=0
SPLRIUNK MVC   SPLM955U,SPLRUSER   "DMKSPL955E ... NOT IN DIRECTORY"
         LA    R1,SPLM955
         LA    R0,SPLM955L
         B     SPLRIFL
SPLRIBAD LA    R1,SPLM956          "DMKSPL956E ... NO ID CARD"
         LA    R0,SPLM956L
SPLRIFL  CPCALL TRMOPER            drop the rest of the deck
SPLRI7   BAL   R14,SPLRCARD
         LTR   R15,R15
         BZ    SPLRI7
SPLRIEND CPEXIT RC=0
*        SPLRCARD: read one card from the real reader into SPLCARD
*        (BAL, R14).  R15 = 0 a card, 4 the end of the deck.
SPLRCARD ST    R14,SPLRCRET
         MVI   SPLCARD,C' '
         MVC   SPLCARD+1(79),SPLCARD
         XC    SPLRIOB,SPLRIOB
         LA    R1,SPLRIOB
         USING IOBLOK,R1
         MVC   IOBRDEV,SPLRRDEV
         LA    R2,SPLRCCWR
         ST    R2,IOBCCW
         CPCALL IOSWAIT
         LA    R1,SPLRIOB
         LTR   R15,R15
         BNZ   SPLRCEND            unit check: the hopper is empty
         TM    IOBCSW+4,IOSUUE
         BO    SPLRCEND            unit exception: end of the deck
         DROP  R1
         SR    R15,R15
         L     R14,SPLRCRET
         BR    R14
SPLRCEND LA    R15,4
         L     R14,SPLRCRET
         BR    R14
         LTORG
*---------------------------------------------------------------------*
* Data (R10 in every routine).                                        *
*---------------------------------------------------------------------*
         ENTRY SPLFILES
SPLDATA  DS    0D
SPLFILES DC    A(0)                -> first spool file (SPFNEXT)
SPLLINK  DC    A(0)                -> the slot links (H per slot)
SPLNSLOT DC    F'0'                slots in the spool area
SPLRDEV  DC    A(0)                -> RDEV of SYSRES
SPLSYSH  DC    A(0)                -> SYSHDR
SPLLSTID DC    F'0'                the last spool file number given
SPLRCRET DS    A
SPLRRDEV DS    A                   real reader being read
SPLRFILE DS    A                   its file
SPLRUSER DS    CL8                 and the user on its ID card
SPLNXCLS DS    C
SPLPCMD  DS    X
         DS    0D
SPLDECW  DS    D
SPLSCCW  CCW   X'07',SPLSEEK,X'40',6       seek
SPLSRCH  CCW   X'31',SPLSEEK+2,X'40',5     search ID equal
         CCW   X'08',SPLSRCH,0,0           TIC back to the search
SPLSDATA CCW   X'06',0,0,SPLSLOTL          read / write data
SPLSEEK  DC    XL7'0'                      BB CC HH R
         DS    0D
SPLOCCW  CCW   X'09',0,X'20',1             a record to the printer
SPLRCCWR CCW   X'02',SPLCARD,X'20',80      read a card, SLI
SPLCARD  DS    CL80
         DS    0D
SPLSIOB  DS    XL(IOBLEN)          slot I/O
SPLOIOB  DS    XL(IOBLEN)          real printer / punch output
SPLRIOB  DS    XL(IOBLEN)          real reader
SPLM952  DC    C'DMKSPL952E NO SPOOL AREA: SYSRES NOT FOUND'
SPLM952L EQU   *-SPLM952
SPLM953  DC    C'DMKSPL953E SPOOL SPACE FULL'
SPLM953L EQU   *-SPLM953
SPLM954  DC    C'DMKSPL954E SPOOL AREA I/O ERROR'
SPLM954L EQU   *-SPLM954
SPLM955  DC    C'DMKSPL955E READER 00C: USERID '
SPLM955U DC    CL8' ',C' NOT IN DIRECTORY, DECK PURGED'
SPLM955L EQU   *-SPLM955
SPLM956  DC    C'DMKSPL956E READER 00C: NO ID CARD, DECK PURGED'
SPLM956L EQU   *-SPLM956
SPLMRF   DC    C'RDR FILE '
SPLMRFN  DC    C'nnnn FROM '
SPLMRFU  DC    CL8' ',C' '
SPLMRFD  DC    C'PUN COPY 01 '
SPLMRFH  DC    C'NOHOLD'
SPLMRFL  EQU   *-SPLMRF
SPLMTO   DC    C'PUN FILE '
SPLMTON  DC    C'nnnn TO '
SPLMTOU  DC    CL8' ',C' COPY 01 NOHOLD'
SPLMTOL  EQU   *-SPLMTO
         LTORG
         DROP  0
