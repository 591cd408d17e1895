*---------------------------------------------------------------------*
* TRMBLOK - one real terminal (owner cpterm): a 3215 in line mode or  *
* a 3270 display, hung off RDVTERM by TRMINIT and chained from        *
* TRMCHAIN.  It holds the dialogue state (LOGON / password / logged   *
* on), the read in flight and, for a 3270, the screen: the next free  *
* output row, the status shown, the lines held while MORE... .        *
*---------------------------------------------------------------------*
TRMBLOK  DSECT
TRMNEXT  DS    A                   -> next TRMBLOK
TRMRDEV  DS    A                   -> RDEV
TRMVMB   DS    A                   -> VMBLOK of the user, or 0
TRMADDR  DS    H                   device address
TRMSTATE DS    X                   dialogue state:
TRMSLOGO EQU   0                     logo shown, no user: LOGON
TRMSPASS EQU   1                     LOGON typed: the password next
TRMSUSER EQU   2                     a user is logged on here
TRMFLAGS DS    X
TRMF3270 EQU   X'80'                 a 3270 display
TRMFOPER EQU   X'40'                 the operator's console
TRMFREAD EQU   X'20'                 a read is in flight / its line
*                                    not yet taken by TRMLINE
TRMFMORE EQU   X'10'                 3270: MORE... (output held)
TRMFHOLD EQU   X'08'                 3270: HOLDING
TRMFAGN  EQU   X'04'                 another attention came while
*                                    the read was busy: read again
TRMFNODS EQU   X'02'                 3270: input field non-display
TRMLOGID DS    CL8                 userid typed with LOGON
TRMROW   DS    H                   3270: next free output row
         DS    H
TRMSTATX DS    CL11                3270: the status text shown
         DS    X
TRMHOLDF DS    A                   3270: first line held (TRMHELD)
TRMHOLDL DS    A                   3270: last line held
TRMHOLDN DS    F                   3270: number of lines held
TRMINLEN DS    H                   length of the input read
TRMNOUT  DS    H                   writes started, not yet ended
         DS    0D
TRMRIOB  DS    XL(IOBLEN)          the read request
TRMRCCW  DS    D                   the read CCW
TRMINBUF DS    CL256               what the read brought
TRMQIOB  DS    XL(IOBLEN)          TRMWRITE waits with this one
TRMQCCW  DS    D                   its no-operation CCW
TRMTMR   DS    XL(TMRLEN)          3270: the MORE... time-out (CP
*                                  timer request, tmrblok.cpy)
         DS    0D
TRMLEN   EQU   *-TRMBLOK
*
TRMHELD  DSECT                     3270: one output line held
TRHNEXT  DS    A                   -> next
TRHLEN   DS    H                   text length (<= 80)
         DS    H
TRHTEXT  DS    CL80
TRHSIZE  EQU   *-TRMHELD
*
TRMKEPT  DSECT                     a line written while the user was
*                                  disconnected, kept for RECONNECT
TRKNEXT  DS    A                   -> next
TRKLEN   DS    H                   text length (<= 132)
         DS    H
TRKTEXT  DS    CL132
TRKSIZE  EQU   *-TRMKEPT
*
TRMOUT   DSECT                     one write to a terminal, freed
*                                  by its completion routine
TROIOB   DS    XL(IOBLEN)          the request
TROCCW   DS    D                   the CCW
TROSIZE  DS    F                   bytes obtained with FREEGET
         DS    F
TRODATA  DS    0C                  the data
TROFIXED EQU   *-TRMOUT
