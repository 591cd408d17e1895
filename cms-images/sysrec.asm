*---------------------------------------------------------------------*
* SYSREC - the SYSHDR record of SYSRES (cp/macros/syshdr.cpy),      *
* assembled by the image recipe (cms-images/build.sh) with asm370    *
* -f bin and written to cylinder 0 head 1 R1.  Each field is placed *
* at its DSECT offset, so the record follows the DSECT CP reads it   *
* with.  The recipe gives the values with -D:                        *
*   NUCC NUCN   nucleus first cylinder, 4096-byte records            *
*   DIRC DIRN   directory first cylinder, records (one a user)       *
*   PAGC PAGN   paging area first cylinder, cylinders                *
*   SPLC SPLN   spool area first cylinder, cylinders                 *
*   CYLS        cylinders of the volume                              *
*   DATE        build time, yyyy-mm-dd hh:mm:ss                      *
*---------------------------------------------------------------------*
         COPY  SYSHDR
HDR      CSECT
         DC    4096X'00'
         ORG   HDR+SYHID-SYSHDR
         DC    CL8'S370SYSR'
         ORG   HDR+SYHVERS-SYSHDR
         DC    F'1'                format version
         ORG   HDR+SYHDEVT-SYSHDR
         DC    X'3350'             device type
         DC    H'30'               SYHHEADS: tracks a cylinder
         DC    H'4'                SYHRECS: 4096-byte records a track
         ORG   HDR+SYHCYLS-SYSHDR
         DC    Y(CYLS)
         ORG   HDR+SYHNUCC-SYSHDR
         DC    Y(NUCC,NUCN)
         ORG   HDR+SYHNUCO-SYSHDR
         DC    A(X'10000')         nucleus origin
         ORG   HDR+SYHNUCE-SYSHDR
         DC    A(X'10000')         entry: CPINIT, first in the nucleus
         ORG   HDR+SYHDIRC-SYSHDR
         DC    Y(DIRC,DIRN)
         ORG   HDR+SYHPAGC-SYSHDR
         DC    Y(PAGC,PAGN)
         ORG   HDR+SYHSPLC-SYSHDR
         DC    Y(SPLC,SPLN)
         ORG   HDR+SYHDATE-SYSHDR
         DC    CL20'&DATE'
         ORG   HDR+SYHVOLID-SYSHDR
         DC    CL6'S37RES'
         ORG   HDR+4096
         END
