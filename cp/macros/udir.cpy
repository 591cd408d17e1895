*---------------------------------------------------------------------*
* UDIR - one user of the compiled user directory.  The directory      *
* compiler (tools/dirc370) turns a USER DIRECT file into one 4096-    *
* byte record per user, in the order of the file, on SYSRES at        *
* SYHDIRC (SYHDIRN records).  Text fields are EBCDIC, blank padded.  *
* The user's devices follow the fixed part as UDEV entries.          *
*---------------------------------------------------------------------*
UDIR     DSECT
UDRUSER  DS    CL8                 userid
UDRPASS  DS    CL8                 password (NOLOG: cannot log on)
UDRSTOR  DS    F                   storage size, bytes (64K multiple)
UDRMAXS  DS    F                   maximum storage (DEFINE STORAGE)
UDRCLASS DS    CL8                 privilege classes, letters A-H
UDROPTS  DS    X                   options:
UDROECM  EQU   X'80'                 OPTION ECMODE
UDRORTIM EQU   X'40'                 OPTION REALTIMER
         DS    X
UDRNDEV  DS    H                   number of UDEV entries
UDRIPL   DS    CL8                 IPL statement: device or system,
*                                  blanks when none
UDRSPCLS DS    C                   SPOOL class of the printer/punch
         DS    XL3
UDRDEVS  DS    0F                  the UDEV entries start here
UDRFIXED EQU   *-UDIR
*
UDEV     DSECT                     one device of a user
UDVKIND  DS    X                   what kind of statement made it:
UDVKCONS EQU   1                     CONSOLE vaddr type
UDVKSPL  EQU   2                     SPOOL vaddr type [class]
UDVKMDSK EQU   3                     MDISK vaddr type cyl n volser mode
UDVKLINK EQU   4                     LINK userid vaddr vaddr mode
UDVKDED  EQU   5                     DEDICATE vaddr raddr
         DS    X
UDVADDR  DS    H                   virtual device address
UDVTYPE  DS    H                   device type, hex: X'3215' X'3505'
*                                  X'3525' X'1403' X'3350' X'3330'
UDVRADDR DS    H                   DEDICATE: real address
UDVCYL   DS    H                   MDISK: first real cylinder
UDVNCYL  DS    H                   MDISK: number of cylinders
UDVVOLID DS    CL6                 MDISK: volume serial
UDVMODE  DS    CL2                 MDISK/LINK: R RR W WR M MR MW
UDVCLASS DS    C                   SPOOL: class
         DS    X
UDVLUSER DS    CL8                 LINK: owner's userid
UDVLADDR DS    H                   LINK: owner's virtual address
UDVRPASS DS    CL8                 MDISK: read password (blank: none)
UDVWPASS DS    CL8                 MDISK: write password
UDVLEN   EQU   *-UDEV              48 bytes
