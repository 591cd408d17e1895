*---------------------------------------------------------------------*
* GCONIO - console I/O for the CP test guests: every guest COPYs it *
* (after its code, inside its base register's reach) and writes     *
* with GSAY or GSAYR, reads with GASKR.  Each I/O is one SIO to the  *
* console at 009 and an enabled wait (LPSW) until its device end     *
* arrives as an I/O interruption, so a guest traps exactly one SIO   *
* and one LPSW per line.  The I/O new PSW must be GIONEW (the guest  *
* sets X'78' from it).  BC mode.                                     *
*---------------------------------------------------------------------*
         COPY  GREGS               R0-R15
*---------------------------------------------------------------------*
* GSAYR - write a line.  In: R1 -> text, R0 = length, R11 return.    *
* Uses R1, R10.                                                      *
*---------------------------------------------------------------------*
GSAYR    STCM  R1,B'0111',GWRITE+1
         STH   R0,GWRITE+6
         LA    R1,GWRITE
         BAL   R10,GDOIO
         BR    R11
*---------------------------------------------------------------------*
* GASKR - read a line into GLINE (blank filled first).  Out: R0 =    *
* bytes typed.  R11 return; uses R1, R10.                            *
*---------------------------------------------------------------------*
GASKR    MVI   GLINE,C' '
         MVC   GLINE+1(L'GLINE-1),GLINE
         LA    R1,GREAD
         BAL   R10,GDOIO
         LH    R0,X'46'            residual count
         LCR   R0,R0
         AH    R0,=Y(L'GLINE)
         BR    R11
*---------------------------------------------------------------------*
* GDOIO - start the CCW at R1 on 009, wait for device end.  R10      *
* return.  An attention pending at the console (a line typed before  *
* the guest asked for it) makes SIO store it as the CSW (cc 1): it   *
* is cleared then, so start again.  A console that will not start:  *
* disabled wait X'BAD'.                                              *
*---------------------------------------------------------------------*
GDOIO    ST    R1,X'48'            CAW
GSTART   SIO   X'009'
         BZ    GWAIT               cc 0: started
         BC    2+1,GFAIL           cc 2 or 3: it will not start
         TM    X'44',X'02'         cc 1: unit check?
         BO    GFAIL
         TM    X'44',X'80'         attention: taken by the SIO
         BO    GSTART
         B     GFAIL
GWAIT    LPSW  GWAITPSW
GIOINT   CLC   X'3A'(2),=X'0009'   (GIONEW comes here) the console?
         BNE   GWAIT
         TM    X'44',X'04'         device end
         BZ    GWAIT
         BR    R10
GFAIL    LPSW  GFAILPSW
*
         DS    0D
GIONEW   DC    X'00000000',A(GIOINT)
GWAITPSW DC    X'FE020000',A(0)    enabled wait for I/O
GFAILPSW DC    X'00020000',A(X'BAD')
GWRITE   CCW   X'09',0,X'20',0
GREAD    CCW   X'0A',GLINE,X'20',L'GLINE
GLINE    DS    CL80
*---------------------------------------------------------------------*
* GHEX - R1 -> 4 bytes, R2 -> 8 bytes that get them in hex.  R11     *
* return.                                                            *
*---------------------------------------------------------------------*
GHEX     UNPK  GHEXW(9),0(5,R1)
         TR    GHEXW(8),GHEXTAB-240
         MVC   0(8,R2),GHEXW
         BR    R11
GHEXW    DS    CL9
GHEXTAB  DC    C'0123456789ABCDEF'
