*---------------------------------------------------------------------*
* CMDQDEVT - the device operands of QUERY (READER, VIRTUAL, ...):     *
* rows of the QUERY table CMDQTAB (owner cpio; COPYed by              *
* cp/src/command.asm).  One CMDENT line per operand                   *
* (cp/macros/cmdent.mac): name, shortest abbreviation, classes,       *
* routine (cmddev.asm); the routine gets the operands after the       *
* QUERY operand.  QUERY vaddr is CMVQDEV (it needs the address).      *
*---------------------------------------------------------------------*
         CMDENT READER,1,G,CMVQRDR
         CMDENT RDR,3,G,CMVQRDR
         CMDENT VIRTUAL,1,G,CMVQVIRT
