*---------------------------------------------------------------------*
* DIAG - DIAGNOSE, the guest's door into CP.  Prefix DIA.            *
*                                                                     *
* On a real S/370, DIAGNOSE (83) is model-dependent and privileged.  *
* Under CP it traps like every privileged instruction, and VM/370     *
* made it the "hypervisor call": the function code is the second     *
* operand address (D2(B2), usually a plain displacement), the         *
* registers Rx and Ry (the R1 and R3 fields) carry the arguments.    *
* DIAGINST looks the code up in DIATAB:                              *
*   X'00' store extended identification   (here)                     *
*   X'08' run a CP command                (DIAG08, cpterm)            *
*   X'0C' pseudo timer: date, time, CPU   (here)                      *
*   X'18' standard DASD I/O               (DIAG18, cpio)              *
*   X'24' device type information         (DIAG24, cpio)              *
* Any other code, or bad arguments, is a specification exception for *
* the guest, as on VM/370.                                           *
* Routines: In R11 -> VMBLOK, R2 -> the instruction.  Out: R15 = 0,  *
* or 4 with R1 = program interruption code.                          *
*---------------------------------------------------------------------*
DIAG     CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* DIAGINST - the DIAGNOSE dispatcher (PRVOPTAB sends 83 here).       *
*---------------------------------------------------------------------*
DIAGINST CPENTRY
         LR    R5,R2
         LA    R1,2(,R2)
         CPCALL PRVBD              the function code
         N     R1,DIAXFFFF
         LA    R3,DIATAB
         LA    R4,DIATABN
DIAGI1   C     R1,0(,R3)
         BE    DIAGI2
         LA    R3,8(,R3)
         BCT   R4,DIAGI1
         LA    R1,6                unknown: specification
         CPEXIT RC=4
DIAGI2   L     R15,4(,R3)
         LR    R2,R5
         BALR  R14,R15
         CPEXIT
DIAXFFFF DC    X'0000FFFF'
DIATAB   DS    0F                  code, routine
         DC    A(X'00',DIAIDENT)
         DC    A(X'08',DIAG08)
         DC    A(X'0C',DIATIMER)
         DC    A(X'18',DIAG18)
         DC    A(X'24',DIAG24)
DIATABN  EQU   (*-DIATAB)/8
*---------------------------------------------------------------------*
* DIAREGS - the Rx and Ry registers of a DIAGNOSE.                    *
* In: R11, R2 -> instruction.  Out: R0 = (Rx), R1 = (Ry), R3 -> Rx's  *
* save slot in VMBGPRS, R4 -> Ry's.                                  *
*---------------------------------------------------------------------*
DIAREGS  CPENTRY
         USING VMBLOK,R11
         SR    R3,R3
         IC    R3,1(,R2)
         LR    R4,R3
         SRL   R3,4
         SLL   R3,2
         LA    R3,VMBGPRS(R3)
         N     R4,DIAXF
         SLL   R4,2
         LA    R4,VMBGPRS(R4)
         L     R0,0(,R3)
         L     R1,0(,R4)
         L     R15,4(,R13)
         STM   R3,R4,32(R15)       R3, R4 back to the caller
         CPEXIT RC=0
         DROP  R11
DIAXF    DC    X'0000000F'
*---------------------------------------------------------------------*
* DIAIDENT - DIAGNOSE X'00': store extended identification at the     *
* guest address in Rx (doubleword boundary), as many bytes of it as  *
* Ry says (up to 22): system name CL8 (VM/370, the name programs of  *
* its time look for), version X'01' and level X'00' of this CP, H 0  *
* (no machine-check extended logout), H 0 (the VM's CPU address),    *
* then the userid CL8.                                               *
*---------------------------------------------------------------------*
DIAIDENT CPENTRY
         USING VMBLOK,R11
         CPCALL DIAREGS
         LTR   R1,R1               a negative length: specification
         BM    DIAIDSPC
         C     R1,DIAF22
         BNH   DIAID1
         L     R1,DIAF22
DIAID1   MVC   DIAIDUSR,VMBUSER
         LR    R5,R1
         LR    R1,R0
         LR    R0,R5
         LA    R2,DIAIDENA
         LA    R3,7
         LA    R4,3                store, real address
         CPCALL PRVOPND
         CPEXIT
DIAIDSPC LA    R1,6
         CPEXIT RC=4
         DROP  R11
DIAF22   DC    F'22'
DIAIDENA DC    CL8'VM/370',X'01',X'00',H'0',H'0'
DIAIDUSR DC    CL8' '
*---------------------------------------------------------------------*
* DIATIMER - DIAGNOSE X'0C': pseudo timer.  32 bytes at the guest     *
* address in Rx (doubleword boundary): the date MM/DD/YY and time    *
* HH:MM:SS (UTC), the VM's virtual CPU time and its total CPU time, *
* each a doubleword of microseconds.  (This CP does not charge its   *
* own work to users: the total is the virtual time.)                 *
*---------------------------------------------------------------------*
DIATIMER CPENTRY
         USING VMBLOK,R11
         CPCALL DIAREGS
         LR    R5,R0
         LA    R1,DIATMBUF
         CPCALL DIATIME
         MVC   DIATMBUF+16(8),VMBVTIME
         MVC   DIATMBUF+24(8),VMBVTIME
         LR    R1,R5
         LA    R0,32
         LA    R2,DIATMBUF
         LA    R3,7
         LA    R4,3                store, real address
         CPCALL PRVOPND
         CPEXIT
         DROP  R11
         DS    0D
DIATMBUF DS    XL32
         LTORG
*---------------------------------------------------------------------*
* DIATIME - the date and time now, from the TOD clock (UTC; valid   *
* 1900-2099): 'MM/DD/YY' then 'HH:MM:SS'.                             *
* In: R1 -> 16 bytes.  Out: R15 = 0.                                  *
* The TOD clock counts microseconds in bits 0-51 from 1900-01-01.    *
* Divided by 60,000,000 it gives minutes (the quotient fits 31       *
* bits until 2983), the remainder the microseconds in the minute.    *
*---------------------------------------------------------------------*
DIATIME  CPENTRY
         LR    R9,R1
         STCK  DIATOD
         LM    R2,R3,DIATOD
         SRDL  R2,12               microseconds
         D     R2,DIAF60M          R3 minutes, R2 microseconds
         LR    R5,R2
         SR    R4,R4
         D     R4,DIAF1M           R5 = seconds
         LR    R1,R5
         LA    R2,14(,R9)
         CPCALL DIA2DIG
         SR    R2,R2
         D     R2,DIAF1440         R3 days, R2 minute of the day
         LR    R5,R2
         SR    R4,R4
         D     R4,DIAF60           R5 hours, R4 minutes
         LR    R1,R5
         LA    R2,8(,R9)
         CPCALL DIA2DIG
         LR    R1,R4
         LA    R2,11(,R9)
         CPCALL DIA2DIG
         MVI   10(R9),C':'
         MVI   13(R9),C':'
         LA    R6,1900             R6 = year, R3 = day in it (0-)
         C     R3,DIAF365
         BL    DIATM2              1900 was not a leap year
         S     R3,DIAF365          days since 1901-01-01
         SR    R2,R2
         D     R2,DIAF1461         four-year cycles
         LA    R6,1901
         SLL   R3,2
         AR    R6,R3
         SR    R4,R4               R2 = day in the cycle
         LR    R5,R2
         D     R4,DIAF365          R5 = year in it (0-3; 4 = 31 Dec
         C     R5,DIAF3            of its leap year)
         BNH   DIATM1
         LA    R5,3
DIATM1   AR    R6,R5
         LR    R3,R2
         LR    R1,R5
         M     R0,DIAF365
         SR    R3,R1
DIATM2   LA    R7,DIAMDAYS         find the month
         LA    R8,1
         SR    R1,R1               leap: 1 for Mar-Dec
         LR    R0,R6
         N     R0,DIAF3
         BNZ   DIATM3
         C     R6,DIAF1900
         BE    DIATM3
         LA    R1,1
DIATM3   LH    R2,2(,R7)           days before next month
         C     R8,DIAF2
         BL    DIATM4
         AR    R2,R1               (leap day from March)
DIATM4   CR    R3,R2
         BL    DIATM5
         LA    R7,2(,R7)
         LA    R8,1(,R8)
         B     DIATM3
DIATM5   LH    R2,0(,R7)           day of the month
         C     R8,DIAF2
         BNH   DIATM6
         AR    R2,R1
DIATM6   SR    R3,R2
         LA    R1,1(,R3)
         LA    R2,3(,R9)
         CPCALL DIA2DIG
         LR    R1,R8
         LR    R2,R9
         CPCALL DIA2DIG
         SR    R0,R0
         LR    R1,R6
         D     R0,DIAF100
         LR    R1,R0
         LA    R2,6(,R9)
         CPCALL DIA2DIG
         MVI   2(R9),C'/'
         MVI   5(R9),C'/'
         CPEXIT RC=0
*---------------------------------------------------------------------*
* DIA2DIG - two decimal digits.  In: R1 = 0-99, R2 -> where.          *
*---------------------------------------------------------------------*
DIA2DIG  CPENTRY
         CVD   R1,DIADEC
         UNPK  0(2,R2),DIADEC+6(2)
         OI    1(R2),X'F0'
         CPEXIT RC=0
         DS    0D
DIATOD   DS    D
DIADEC   DS    D
DIAF60M  DC    F'60000000'
DIAF1M   DC    F'1000000'
DIAF1440 DC    F'1440'
DIAF60   DC    F'60'
DIAF365  DC    F'365'
DIAF1461 DC    F'1461'
DIAF3    DC    F'3'
DIAF2    DC    F'2'
DIAF100  DC    F'100'
DIAF1900 DC    F'1900'
DIAMDAYS DC    H'0,31,59,90,120,151,181,212,243,273,304,334,365'
         LTORG
