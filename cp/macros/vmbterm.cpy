*---------------------------------------------------------------------*
* VMBTERM - VMBLOK part 3 (owner cpterm): the user's terminal, CP     *
* command state and TRACE settings.                                   *
*---------------------------------------------------------------------*
VMBRDEV  DS    A                   -> RDEV of the terminal, 0 when
*                                  disconnected
VMBTRACE DS    X                   TRACE classes on:
VMBTSVC  EQU   X'80'                 SVC
VMBTPGM  EQU   X'40'                 PROGRAM
VMBTPRIV EQU   X'20'                 PRIV (privileged instructions)
VMBTIO   EQU   X'10'                 I/O
VMBTEXT  EQU   X'08'                 EXTERNAL
VMBTBR   EQU   X'04'                 BRANCH
         DS    XL3
