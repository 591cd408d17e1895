*---------------------------------------------------------------------*
* VDEV - one virtual device of a VM (owner cpio), chained from        *
* VMBVDEV through VDVNEXT.  The first part is every device's; the     *
* rest is used by the kind of device it is (console, spool device,    *
* minidisk or dedicated device).                                      *
*---------------------------------------------------------------------*
VDEV     DSECT
VDVNEXT  DS    A                   -> next VDEV
VDVADDR  DS    H                   virtual device address
VDVTYPE  DS    H                   device type, hex
VDVKIND  DS    X                   UDVKIND it came from (UDVKCONS...)
VDVFLAGS DS    X
VDVFPEND EQU   X'80'                 an interruption is pending
VDVFBUSY EQU   X'40'                 busy with a channel program
VDVFRO   EQU   X'20'                 minidisk: read-only link
VDVFWAIT EQU   X'10'                 console: a Read waits for a line
VDVFHOLD EQU   X'08'                 spool: SPOOL ... HOLD
VDVFCONT EQU   X'04'                 spool: SPOOL ... CONT
VDVFRUN  EQU   X'02'                 CP runs its channel program now
VDVFINP  EQU   X'01'                 console: lines wait in VDVINPUT
         DS    XL2
VDVCSW   DS    D                   CSW of the pending interruption
VDVPNEXT DS    A                   -> next VDEV with one pending
VDVRDEV  DS    A                   -> real device (minidisk, dedicated)
VDVSENSE DS    XL24                sense bytes for a SENSE command
VDVCCWA  DS    A                   guest address of the CCW running
VDVCAW   DS    F                   guest CAW of the running program
*                                  minidisk / dedicated device:
VDVCYL   DS    H                   first real cylinder of the extent
VDVNCYL  DS    H                   cylinders in the extent (0: all)
VDVCTW   DS    A                   -> translated channel program
*                                  (CCWTRANS work area), or 0
VDVVCYL  DS    H                   minidisk: the cylinder and head of
VDVVHEAD DS    H                   the last seek (its own numbers),
*                                  for the sense bytes CP makes
*                                  spool devices:
VDVSPF   DS    A                   -> open spool file (SPFBLOK), or 0
VDVSPTO  DS    CL8                 punch/printer: SPOOL ... TO user
VDVSPCLS DS    C                   spool class
         DS    XL3
*                                  console:
VDVINPUT DS    A                   -> first line typed for a Read
*                                  (VCNLINE chain, vconsole.asm)
VDVINLEN DS    F                   number of lines waiting
VDVINMAX EQU   256                 longest console line kept
VDVLUSER DS    CL8                 LINK: owner's userid (QUERY)
         DS    0D
VDVLEN   EQU   *-VDEV
