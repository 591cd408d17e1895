*---------------------------------------------------------------------*
* RDEV - one real device (owner cpio), built by IOSINIT from the real *
* I/O configuration (cp/src/rio.asm).  Terminal state hangs off       *
* RDVTERM (owner cpterm).  The requests for a device wait on RDVIOQ   *
* in order; only the first one is ever started (IOBFSTRT).            *
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
RDVFOFFL EQU   X'80'                 offline: did not answer TIO
RDVFSNS  EQU   X'40'                 a SENSE runs after a unit check
RDVFRTRY EQU   X'20'                 SIO found it busy: start the
*                                    first request again on the next
*                                    interruption
RDVUSTAT DS    X                   unit status of the last unsolicited
*                                  interruption (attention, DE...)
         DS    X
RDVVOLID DS    CL6                 DASD: volume serial (from VOL1)
         DS    H
RDVUSER  DS    A                   -> VMBLOK owning it (terminal user,
*                                  ATTACHed), or 0
RDVTERM  DS    A                   -> terminal block (cpterm), or 0
RDVIOQ   DS    A                   -> first IOBLOK queued on it
         DS    A
RDVSNCCW DS    D                   the SENSE CCW IOS builds after a
*                                  unit check (into IOBSENSE)
         DS    0D
RDVLEN   EQU   *-RDEV
