*---------------------------------------------------------------------*
* MODSTERM - the modules of cpterm: terminals, logon, commands and    *
* tracing.                                                            *
*---------------------------------------------------------------------*
         COPY  TRMBLOK             terminal block (DSECT)
         COPY  TERMINAL            terminals, operator console
         COPY  LOGON               LOGON LOGOFF DISCONNECT FORCE
         COPY  COMMAND             parser, command table, DIAG 08
         COPY  CMDQUERY            QUERY
         COPY  CMDDISP             DISPLAY STORE
         COPY  CMDTRACE            TRACE, trace events
         COPY  CMDMISC             IPL BEGIN SYSTEM MSG ... SHUTDOWN
