*---------------------------------------------------------------------*
* MODSIO - the modules of cpio: real I/O, virtual I/O, minidisks and  *
* spooling.                                                           *
*---------------------------------------------------------------------*
         COPY  IOS                 real I/O supervisor
         COPY  RIO                 real I/O configuration
         COPY  VDEVICE             virtual device blocks
         COPY  VIO                 trapped I/O instructions, IPL
         COPY  VCONSOLE            virtual 3215 console
         COPY  CCWTRANS            CCW translation
         COPY  DASD                minidisks, DIAG 18 and 24
         COPY  SPOOL               spool files, reader/punch/printer
         COPY  CMDDEV              device commands
