*---------------------------------------------------------------------*
* SPFBLOK - one spool file (owner cpio, spool.asm): a deck of cards   *
* or a listing kept on the spool area of SYSRES, in 4096-byte slots.  *
* The blocks of all files are chained from SPLFILES in the order     *
* they were made.  A file is open while a punch, a printer or the    *
* real reader writes it, or while a virtual reader reads it: SPFBUF  *
* then holds the slot being written or read.                         *
*                                                                     *
* A slot: H records in it, H bytes used (from 0, at least 4), then   *
* the records, each: X the CCW command that wrote it (X'01' a card,  *
* X'09' a line with space, X'8B' skip to channel 1...), X 0, H data  *
* length, the data.  The slots of a file are chained in CP storage    *
* (SPLLINK), not on the disk.                                         *
*---------------------------------------------------------------------*
SPFBLOK  DSECT
SPFNEXT  DS    A                   -> next file (chain from SPLFILES)
SPFID    DS    H                   spool file number (1-9999)
SPFFLAGS DS    X
SPFFOPEN EQU   X'80'                 open: being written or read
SPFFHOLD EQU   X'40'                 held: a reader skips it
SPFFRDR  EQU   X'20'                 in a user's reader
SPFFDEV  DS    X                   made on: C'P' punch, C'L' printer
SPFOWNER DS    CL8                 whose reader it is in
SPFORIG  DS    CL8                 who made it
SPFCLASS DS    C                   spool class
         DS    XL3
SPFRECS  DS    F                   records in the file
SPFFIRST DS    F                   first slot (0: no slot yet)
SPFCSLT  DS    F                   open: the slot in SPFBUF
SPFPOS   DS    F                   open: offset of the next record
SPFBUF   DS    A                   open: -> 4096-byte buffer
         DS    0D
SPFLEN   EQU   *-SPFBLOK
*        a slot
SPLSRECS EQU   0                   H records in the slot
SPLSUSED EQU   2                   H bytes used, this header included
SPLSHDR  EQU   4                   the first record
SPLSLOTL EQU   4096
