*---------------------------------------------------------------------*
* RDEV - one real device (owner cpio), built by IOSINIT from the real *
* I/O configuration (cp/src/rio.asm).  Terminal state hangs off       *
* RDVTERM (owner cpterm).                                             *
*---------------------------------------------------------------------*
RDEV     DSECT
RDVNEXT  DS    A                   -> next RDEV
RDVADDR  DS    H                   real device address
RDVTYPE  DS    H                   device type, hex (X'3270' X'3215')
RDVCLASS DS    X                   class:
RDVCTERM EQU   X'80'                 terminal (3215 or 3270)
RDVCDASD EQU   X'40'                 DASD
RDVCUR   EQU   X'20'                 unit record
RDVCOPER EQU   X'10'                 the operator's console
RDVFLAGS DS    X
         DS    XL2
RDVVOLID DS    CL6                 DASD: volume serial (from VOL1)
         DS    H
RDVUSER  DS    A                   -> VMBLOK owning it (terminal user,
*                                  ATTACHed), or 0
RDVTERM  DS    A                   -> terminal block (cpterm), or 0
RDVIOQ   DS    A                   -> first IOBLOK queued on it
         DS    0D
RDVLEN   EQU   *-RDEV
