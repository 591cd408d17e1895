*
* LINE - the line-mode console (3215) at X'01F' for the telnet tests.
*        Prompts "ENTER A LINE:", reads a line, writes "ECHO: " and the
*        line, and prompts again.  When the console is not ready (no
*        client, or the client went away: unit check, intervention
*        required) it waits for the device end of the next client and
*        prompts anew.  Ends only on an error: a disabled wait at
*        X'BAD'.  R12 base, R11 DOIO return, R10 NEXTINT return.
*
LINE     START X'2000'
         USING LINE,12
         BALR  12,0
         BCTR  12,0
         BCTR  12,0
         MVC   X'78'(8,0),IONEW        I/O new PSW: to GOTIO
RESTART  LA    1,PROMPTCC
         BAL   11,DOIO
         LA    1,READCCW
         BAL   11,DOIO
         LH    3,X'46'                 the residual count
         LA    4,L'LINEBUF
         SR    4,3                     the line's length
         BNP   RESTART                 an empty line
         STH   4,ECHOLAST+6
         LA    1,ECHOCCW
         BAL   11,DOIO
         B     RESTART
         COPY  TERMIO
DEVNUM   EQU   X'01F'
PROMPTCC CCW   X'09',PROMPTX,X'20',L'PROMPTX
READCCW  CCW   X'0A',LINEBUF,X'20',L'LINEBUF
ECHOCCW  CCW   X'09',ECHOX,X'80',L'ECHOX
ECHOLAST CCW   X'09',LINEBUF,X'20',1
PROMPTX  DC    C'ENTER A LINE:'
ECHOX    DC    C'ECHO: '
LINEBUF  DS    CL80
         END   LINE
