*---------------------------------------------------------------------*
* IOBLOK - one real I/O request (owner cpio).  IOSSTART queues it on *
* its RDEV, starts it when the device is free; the I/O interruption  *
* handler stores the ending status and calls IOBDONE (if any) with    *
* R1 -> IOBLOK, disabled, at interruption level: the routine must be  *
* short and must not wait (queue work with CPEXQ instead).            *
*---------------------------------------------------------------------*
IOBLOK   DSECT
IOBNEXT  DS    A                   -> next IOBLOK queued on the RDEV
IOBRDEV  DS    A                   -> RDEV
IOBCCW   DS    A                   real address of the channel program;
*                                  byte 0 is the CAW's: the storage key
*                                  in bits 0-3 (0 for CP's own I/O)
IOBDONE  DS    A                   completion routine, or 0
IOBPARM  DS    A                   for the completion routine
IOBFLAGS DS    X
IOBFDONE EQU   X'80'                 ended (channel end+device end)
IOBFERR  EQU   X'40'                 ended in error (unit check, ...)
IOBFSTRT EQU   X'20'                 started
         DS    XL3
IOBCSW   DS    D                   the ending CSW
IOBSENSE DS    XL24                sense bytes after a unit check
         DS    0D
IOBLEN   EQU   *-IOBLOK
