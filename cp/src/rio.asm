*---------------------------------------------------------------------*
* RIO - the real I/O configuration: every device of the real machine *
* CP runs on, declared here the way VM/370 declared it in DMKRIO.     *
* IOSINIT (ios.asm) builds one RDEV per device from this table and    *
* tests each with TIO: a device that does not answer is marked       *
* offline.  It must match the s370 configuration the images are       *
* built with (cms-images/).  Add a device: one RDEVICE line.          *
*---------------------------------------------------------------------*
RIO      CSECT
         ENTRY RIOTAB,RIOTABN
RIOTAB   DS    0H                  RIOLEN bytes a line (RDEVICE.mac)
         RDEVICE 009,3215,RDVCTERM+RDVCOPER    operator console
         RDEVICE 00C,3505,RDVCUR               real card reader
         RDEVICE 00D,3525,RDVCUR               real card punch
         RDEVICE 00E,1403,RDVCUR               real printer
         RDEVICE 020,3215,RDVCTERM,COUNT=4     line-mode terminals
         RDEVICE 0C0,3270,RDVCTERM,COUNT=8     TN3270 terminals
         RDEVICE 150,3350,RDVCDASD             SYSRES (S37RES)
         RDEVICE 151,3350,RDVCDASD             user minidisks (S37U01)
RIOTABN  DC    A((*-RIOTAB)/RIOLEN)   number of lines
*
RIOENTRY DSECT                     one line of RIOTAB
RIOADDR  DS    XL2                 first device address
RIOCOUNT DS    H                   number of devices
RIOTYPE  DS    XL2                 device type (X'3350')
RIOCLASS DS    X                   RDVCLASS
         DS    X
RIOLEN   EQU   *-RIOENTRY
RIO      CSECT
