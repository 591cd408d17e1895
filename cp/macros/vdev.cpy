*---------------------------------------------------------------------*
* VDEV - one virtual device of a VM (owner cpio), chained from        *
* VMBVDEV through VDVNEXT.                                            *
*---------------------------------------------------------------------*
VDEV     DSECT
VDVNEXT  DS    A                   -> next VDEV
VDVADDR  DS    H                   virtual device address
VDVTYPE  DS    H                   device type, hex
VDVKIND  DS    X                   UDVKIND it came from
VDVFLAGS DS    X
VDVFPEND EQU   X'80'                 an interruption is pending
VDVFBUSY EQU   X'40'                 busy with a channel program
         DS    XL2
VDVCSW   DS    D                   CSW of the pending interruption
VDVPNEXT DS    A                   -> next VDEV with one pending
VDVRDEV  DS    A                   -> real device (minidisk, dedicated)
         DS    0D
VDVLEN   EQU   *-VDEV
