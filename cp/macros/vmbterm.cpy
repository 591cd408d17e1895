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
VMBTFLG  DS    X                   terminal flags:
VMBTVRD  EQU   X'80'                 the guest's console read waits
*                                    (VM READ)
         DS    XL2
VMBD8BUF DS    A                   DIAG 08 response: -> CP buffer
*                                  that TRMWRITE fills instead of
*                                  the terminal, or 0
VMBD8MAX DS    F                   its size
VMBD8LEN DS    F                   bytes of response so far (beyond
*                                  VMBD8MAX they are only counted)
VMBLOGTM DS    D                   TOD clock at LOGON
VMBDSCF  DS    A                   disconnected: first line kept for
*                                  the terminal (TRMKEPT), or 0
VMBDSCL  DS    A                   last line kept
VMBDSCN  DS    F                   lines kept (at most TRMMAXKP)
VMBDSCX  DS    F                   lines lost beyond them
