*---------------------------------------------------------------------*
* VMBLOK - one virtual machine (one logged-on user).  Chained from    *
* PSAVMCHN through VMBNEXT; R11 points at it in CP code working for   *
* the user.  Its three parts belong to three groups of modules:       *
* VMBCORE the virtual CPU and storage (cpcore), VMBIO the virtual     *
* devices and spooling (cpio), VMBTERM the terminal, commands and     *
* tracing (cpterm).  Each part is a COPY member its owner extends.    *
*---------------------------------------------------------------------*
VMBLOK   DSECT
         COPY  VMBCORE
         COPY  VMBIO
         COPY  VMBTERM
         DS    0D
VMBLEN   EQU   *-VMBLOK
