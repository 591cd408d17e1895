*---------------------------------------------------------------------*
* CP - the control program nucleus, assembled as one program.        *
* The IPL loader reads it to X'10000' and enters CPINIT, the first    *
* routine of the first module.  See cp/README.md for the storage map, *
* the calling conventions and which module owns what.                *
*---------------------------------------------------------------------*
         PRINT NOGEN
         COPY  REGS
         COPY  PSA
         COPY  SYSHDR
         COPY  UDIR
         COPY  VMBLOK
         COPY  RDEV
         COPY  VDEV
         COPY  IOBLOK
         PRINT GEN
         COPY  MODSCORE            virtual CPU, storage, dispatching
         COPY  MODSIO              real and virtual I/O, spooling
         COPY  MODSTERM            terminals, commands, tracing
         END   CPINIT
