*---------------------------------------------------------------------*
* CMDDEVT - the device commands' rows of the CP command table         *
* (owner cpio; COPYed into CMDTAB by cp/src/command.asm).  One        *
* CMDENT line per command (cp/macros/cmdent.mac): name, shortest      *
* abbreviation, privilege classes, routine (cmddev.asm).  QUERY and   *
* DEFINE are cpterm's rows: QUERY hands READER and VIRTUAL to the     *
* CMDQDEVT rows, DEFINE everything but STORAGE to CMVDEF.             *
*---------------------------------------------------------------------*
         CMDENT ATTACH,3,B,CMVATT
         CMDENT DETACH,3,G,CMVDET
         CMDENT LINK,1,G,CMVLNK
         CMDENT SPOOL,2,G,CMVSPL
         CMDENT CLOSE,1,G,CMVCLS
