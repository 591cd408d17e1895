*---------------------------------------------------------------------*
* TERMDSC - the guest of term_disc.sh (cpterm): it disconnects its   *
* user itself (DIAGNOSE X'08' DISCONNECT), writes three lines while   *
* nobody is connected (CP keeps them for the RECONNECT), then reads   *
* a line and says it back ("TERMDSC: GOT text"), and stops in a       *
* disabled wait, PSW address 0.  BC mode.                             *
*---------------------------------------------------------------------*
TERMDSC  START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),GIONEW
         LA    R2,CMDDISC
         LA    R4,L'CMDDISC
         DIAG  R2,R4,X'008'
         GSAY  'TERMDSC: LINE 1'
         GSAY  'TERMDSC: LINE 2'
         GSAY  'TERMDSC: LINE 3'
         BAL   R11,GASKR           R0 = bytes typed
         MVC   GOTTEXT,GLINE
         LA    R1,GOTMSG
         AH    R0,=Y(L'GOTMSG-L'GOTTEXT)
         BAL   R11,GSAYR
         LPSW  DONE
         COPY  GCONIO
         DS    0D
DONE     DC    X'00020000',A(0)
CMDDISC  DC    C'DISCONNECT'
GOTMSG   DC    C'TERMDSC: GOT '
GOTTEXT  DS    CL20
         LTORG
         END   TERMDSC
