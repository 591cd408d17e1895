*
* FORM - the 3270 at X'0C0' for the telnet tests.  Writes a form with
*        Erase/Write Alternate: a protected prompt and an unprotected
*        input field, the cursor in it.  At each Enter (attention) it
*        reads the input with Read Modified, checks that a 3274 would
*        have returned it (AID X'7D', cursor, SBA to the field at
*        address 98), and writes the form again with what was typed on
*        it.  A device end (a new client) gets a fresh form.  Never
*        ends but on an error: a disabled wait at X'BAD'.
*        R12 base, R11 DOIO return, R10 NEXTINT return, R1 the CCWs.
*
FORM     START X'2000'
         USING FORM,12
         BALR  12,0
         BCTR  12,0
         BCTR  12,0
         MVC   X'78'(8,0),IONEW        I/O new PSW: to GOTIO
RESTART  LA    1,FORMCCW               the form alone
         BAL   11,DOIO
WAITENT  BAL   10,NEXTINT              the operator's Enter: attention
         TM    X'44',X'80'
         BO    ENTER
         TM    X'44',X'04'             device end: a new client
         BO    RESTART
         B     WAITENT
ENTER    LA    1,READCCW               Read Modified
         BAL   11,DOIO
         CLI   INBUF,X'7D'             AID: Enter
         BNE   FAIL
         CLC   INBUF+3(3),FIELDSBA     SBA to the input field
         BNE   FAIL
         LH    3,X'46'                 the residual count
         LA    4,L'INBUF
         SR    4,3                     bytes read
         SH    4,=H'6'                 less AID, cursor, SBA
         BNP   FAIL
         STH   4,ECHOLAST+6            the typed text's count
         LA    1,ECHOCCW               the form and the text
         BAL   11,DOIO
         B     WAITENT
         COPY  TERMIO
DEVNUM   EQU   X'0C0'
FIELDSBA DC    X'11C1E2'               SBA to address 98
FORMCCW  CCW   X'0D',FORMDATA,X'20',FORMLEN
READCCW  CCW   X'06',INBUF,X'20',L'INBUF
ECHOCCW  CCW   X'0D',FORMDATA,X'80',FORMLEN
         CCW   X'0D',ECHOHDR,X'80',ECHOLEN
ECHOLAST CCW   X'0D',INBUF+6,X'20',1
FORMDATA DC    X'C3'                   WCC: reset, keyboard, MDTs
         DC    X'11C150',X'1DE8'       SBA 80, SF protected, bright
         DC    C'ENTER YOUR NAME:'
         DC    X'1D40'                 SF unprotected (at 97)
         DC    X'13'                   IC: the cursor at 98
         DC    X'11C1F6',X'1D60'       SBA 118, SF protected
FORMLEN  EQU   *-FORMDATA
ECHOHDR  DC    X'11C650'               SBA 400
         DC    C'YOU TYPED: '
ECHOLEN  EQU   *-ECHOHDR
INBUF    DS    CL256
         END   FORM
