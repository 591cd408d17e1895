*---------------------------------------------------------------------*
* MODSCORE - the modules of cpcore: the virtual CPU, storage and      *
* dispatching.  CPINIT stays first: it is the nucleus entry point at  *
* X'10000'.                                                           *
*---------------------------------------------------------------------*
         COPY  FRAME               DSECTs: FRAME, SWPENT
         COPY  TMRBLOK             DSECT: a CP timer request
         COPY  CPINIT              IPL-time start (must stay first)
         COPY  FREESTG             CP free storage
         COPY  DISPATCH            the dispatcher, CPEXQ work queue
         COPY  PGMCHK              program interruptions: trap/reflect
         COPY  PRIVOPS             privileged instruction emulation
         COPY  VINT                virtual interruptions
         COPY  VTIMER              virtual timers
         COPY  PAGING              guest storage, page tables, paging
         COPY  SHADOW              shadow tables: guests with DAT on
         COPY  VMCTL               VMBLOKs and the directory
         COPY  EXTINT              real external interruptions
         COPY  DIAG                DIAGNOSE
