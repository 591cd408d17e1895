*---------------------------------------------------------------------*
* SYSHDR - the system residence header: cylinder 0, head 1, record 1 *
* of SYSRES, one 4096-byte record written by the image recipe       *
* (cms-images/), read by the IPL loader to X'2000'.  Every CP area  *
* on SYSRES is made of 4096-byte records, SYHRECS of them a track   *
* (R1..): slot s is track s/SYHRECS from the area's first cylinder  *
* (SYHHEADS tracks a cylinder), record s//SYHRECS+1.                *
*---------------------------------------------------------------------*
SYSHDR   DSECT
SYHID    DS    CL8                 C'S370SYSR'
SYHVERS  DS    F                   format version: 1
SYHDEVT  DS    H                   SYSRES device type (X'3350')
SYHHEADS DS    H                   tracks a cylinder (30)
SYHRECS  DS    H                   4096-byte records a track (4)
SYHCYLS  DS    H                   cylinders on the volume
SYHNUCC  DS    H                   nucleus: first cylinder
SYHNUCN  DS    H                   nucleus: number of 4K records
SYHNUCO  DS    A                   nucleus load origin (X'10000')
SYHNUCE  DS    A                   nucleus entry point (CPINIT)
SYHDIRC  DS    H                   directory: first cylinder
SYHDIRN  DS    H                   directory: number of 4K records
SYHPAGC  DS    H                   paging area: first cylinder
SYHPAGN  DS    H                   paging area: number of cylinders
SYHSPLC  DS    H                   spool area: first cylinder
SYHSPLN  DS    H                   spool area: number of cylinders
SYHDATE  DS    CL20                build time yyyy-mm-dd hh:mm:ss
SYHVOLID DS    CL6                 volume serial of SYSRES
         DS    H
SYHLEN   EQU   *-SYSHDR
