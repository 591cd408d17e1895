*---------------------------------------------------------------------*
* CTWBLOK - the translated channel program of a minidisk or dedicated *
* device (owner cpio, ccwtrans.asm), one per VDEV (VDVCTW), made on   *
* its first SIO and kept until the device goes.  It starts with the   *
* IOBLOK IOS runs it with.  Entry i of CTWGADR is the guest address   *
* of the CCW real CCW i came from, so the CSW can be translated back. *
*---------------------------------------------------------------------*
CTWMAX   EQU   64                  real CCWs in one channel program
CTWIDMAX EQU   256                 IDAWs (2K each) in one program
CTWPMAX  EQU   16                  forward TICs in one program
CTWBLOK  DSECT
CTWIOB   DS    XL(IOBLEN)          the real request (IOBLOK)
CTWVMB   DS    A                   -> VMBLOK
CTWVDEV  DS    A                   -> VDEV
CTWN     DS    F                   real CCWs used
CTWNIDAW DS    F                   IDAWs used
CTWNPEND DS    F                   forward TICs still to resolve
CTWFLAGS DS    X
CTWFSYNC EQU   X'80'                 CCWRUN waits: no interruption
CTWFIOS  EQU   X'40'                 given to IOS, not ended yet
         DS    XL3
CTWGCCW  DS    D                   the guest CCW being translated
CTWPEND  DS    (2*CTWPMAX)F        forward TICs: guest target, index
CTWCCWS  DS    (CTWMAX)D           the real channel program
CTWGADR  DS    (CTWMAX)F           guest address of each real CCW
CTWARGS  DS    (CTWMAX)D           relocated seek arguments
CTWIDAWS DS    (CTWIDMAX)F         IDAW lists
CTWFIX   DS    (CTWMAX)X           reads to fix at the end: 1 the
*                                  cylinder at +0 of the data, 2 at +1
CTWNLOCK DS    F                   guest pages locked for the I/O
CTWLOCKS DS    (CTWIDMAX+CTWMAX)F  their guest addresses (GSTLOCK)
         DS    0D
CTWLEN   EQU   *-CTWBLOK
