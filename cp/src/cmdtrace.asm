*---------------------------------------------------------------------*
* CMDTRACE - the TRACE command and the trace events.  Prefix TRC.     *
*                                                                     *
* TRACE class... sets the classes in VMBTRACE; cpcore calls TRCEVENT  *
* at each event of a class (R1 = the class's VMBTRACE bit), and CP    *
* prints one line on the user's terminal:                             *
*                                                                     *
*   *** 020014 PRIV B2020300     STIDP  PSW 070C0000 00020018         *
*       |      |    |            |          the virtual PSW now       *
*       |      |    |            the instruction's name               *
*       |      |    the instruction, 2, 4 or 6 bytes                  *
*       |      the class: SVC PROG PRIV I/O EXT BRAN                  *
*       the guest address of the instruction                          *
*---------------------------------------------------------------------*
CMDTRACE CSECT
*---------------------------------------------------------------------*
* TRCCMD - TRACE class... | ALL | END.  Classes: SVC, PROGRAM, PRIV,  *
* I/O (IO), EXTERNAL, BRANCH.  In: R11, R1 -> operands, R0 = length.  *
* Out: R15 = 0 or the message number.  Registers: R0 R1 R14 R15.      *
*---------------------------------------------------------------------*
TRCCMD   CPENTRY
         USING VMBLOK,R11
         LA    R2,TRCWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    TRCC080
         SR    R6,R6               the classes named
TRCC010  LR    R4,R1
         LR    R5,R0
         CLC   TRCWORD,=CL16'END'
         BE    TRCC040
         CLC   TRCWORD,=CL16'OFF'
         BE    TRCC040
         LA    R3,TRCCLASS         look the class up
TRCC020  CLI   0(R3),X'FF'
         BE    TRCC070
         SR    R1,R1
         IC    R1,8(,R3)           shortest abbreviation
         CR    R15,R1
         BL    TRCC030
         C     R15,=F'8'
         BH    TRCC030
         LR    R1,R15
         BCTR  R1,0
         EX    R1,TRCCLC
         BNE   TRCC030
         SR    R1,R1
         IC    R1,9(,R3)           its bits
         OR    R6,R1
         B     TRCC035
TRCC030  LA    R3,10(,R3)
         B     TRCC020
TRCC035  LR    R1,R4               the next word
         LR    R0,R5
         LA    R2,TRCWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BNZ   TRCC010
         STC   R6,TRCBITS
         OC    VMBTRACE,TRCBITS
         CPEXIT RC=0
TRCC040  MVI   VMBTRACE,0          END
         LA    R1,TRCENDED
         CPCALL CMDSAY
         CPEXIT RC=0
TRCC070  LA    R1,TRCWORD
         CPCALL CMDBADOP
         CPEXIT
TRCC080  CPCALL CMDNOOP
         CPEXIT
         DROP  R11
TRCCLC   CLC   TRCWORD(0),0(R3)
TRCWORD  DS    CL16
TRCBITS  DS    X
*        class: CL8 name, AL1 shortest abbreviation, AL1 VMBTRACE bits
TRCCLASS DC    CL8'SVC',AL1(3),AL1(VMBTSVC)
         DC    CL8'PROGRAM',AL1(4),AL1(VMBTPGM)
         DC    CL8'PRIV',AL1(4),AL1(VMBTPRIV)
         DC    CL8'I/O',AL1(3),AL1(VMBTIO)
         DC    CL8'IO',AL1(2),AL1(VMBTIO)
         DC    CL8'EXTERNAL',AL1(3),AL1(VMBTEXT)
         DC    CL8'BRANCH',AL1(2),AL1(VMBTBR)
         DC    CL8'ALL',AL1(3),AL1(255-3)
         DC    X'FF'
TRCENDED DC    AL1(L'TRCENDT)
TRCENDT  DC    C'TRACE ENDED'
         LTORG
         EJECT
*---------------------------------------------------------------------*
* TRCEVENT - print a trace event if the VM traces its class.          *
* In: R11 -> VMBLOK, R1 = the class (its VMBTRACE bit: VMBTSVC,       *
* VMBTPGM, VMBTPRIV, VMBTIO, VMBTEXT, VMBTBR), R2 = guest address of  *
* the instruction.  Out: R15 = 0.  Registers: R0 R1 R14 R15.          *
*---------------------------------------------------------------------*
TRCEVENT CPENTRY
         USING VMBLOK,R11
         STC   R1,TRCEBIT
         NC    TRCEBIT,VMBTRACE
         CLI   TRCEBIT,0
         BE    TRCE090             not traced
         LR    R3,R2               the address
         N     R3,=X'00FFFFFF'
         MVC   TRCELINE,=CL80' '
         MVC   TRCELINE(4),=C'*** '
         LR    R1,R3
         LA    R2,TRCELINE+4
         LA    R0,6
         CPCALL CMDHEX
         LA    R4,TRCENAME         the class's name
TRCE010  CLC   TRCEBIT,0(R4)
         BE    TRCE020
         LA    R4,5(,R4)
         CLI   0(R4),X'FF'
         BNE   TRCE010
TRCE020  MVC   TRCELINE+11(4),1(R4)
         XC    TRCEINS,TRCEINS     the instruction
         LR    R1,R3
         LA    R0,6
         LA    R2,TRCEINS
         CPCALL GSTFETCH
         LTR   R15,R15
         BZ    TRCE030
         MVC   TRCELINE+16(4),=C'????'
         B     TRCE060
TRCE030  LA    R5,2                its length from the opcode
         TM    TRCEINS,X'C0'
         BZ    TRCE040             00: 2 bytes
         LA    R5,4
         TM    TRCEINS,X'C0'
         BM    TRCE040             01, 10: 4 bytes
         LA    R5,6                11: 6 bytes
TRCE040  LA    R6,TRCEINS          in hexadecimal, by halfwords
         LA    R7,TRCELINE+16
TRCE045  LH    R1,0(,R6)
         LR    R2,R7
         LA    R0,4
         CPCALL CMDHEX
         LA    R6,2(,R6)
         LA    R7,4(,R7)
         SH    R5,=H'2'
         BP    TRCE045
         CPCALL TRCMNEM            R1 -> CL5 name, or 0
         LTR   R1,R1
         BZ    TRCE060
         MVC   TRCELINE+29(5),0(R1)
TRCE060  MVC   TRCELINE+36(4),=C'PSW '
         L     R1,VMBPSW
         LA    R2,TRCELINE+40
         LA    R0,8
         CPCALL CMDHEX
         L     R1,VMBPSW+4
         LA    R2,TRCELINE+49
         LA    R0,8
         CPCALL CMDHEX
         LA    R1,TRCELINE
         LA    R0,57
         CPCALL TRMWRITE
TRCE090  CPEXIT RC=0
         DROP  R11
TRCEBIT  DS    X
         DS    0H
TRCEINS  DS    XL6
TRCELINE DS    CL80
TRCENAME DC    AL1(VMBTSVC),C'SVC '
         DC    AL1(VMBTPGM),C'PROG'
         DC    AL1(VMBTPRIV),C'PRIV'
         DC    AL1(VMBTIO),C'I/O '
         DC    AL1(VMBTEXT),C'EXT '
         DC    AL1(VMBTBR),C'BRAN'
         DC    X'FF',C'    '
         LTORG
*---------------------------------------------------------------------*
* TRCMNEM - the name of a traced instruction (the privileged ones,    *
* SVC, DIAG and the branches).  In: TRCEINS.  Out: R1 -> CL5 name, or *
* R1 = 0 (not in the table).  Registers: R0 R1 R14 R15.               *
*---------------------------------------------------------------------*
TRCMNEM  CPENTRY
         L     R2,=A(TRCEINS)
         LA    R3,TRCMTAB
TRCM010  CLI   0(R3),0             end of the table
         BE    TRCM080
         CLC   0(1,R3),0(R2)       the opcode
         BNE   TRCM070
         CLI   2(R3),0             kind 0: the opcode is enough
         BE    TRCM090
         CLI   2(R3),2             kind 2: the second byte too
         BE    TRCM050
         MVC   TRCMBYTE,1(R2)      kind 1: the low bit of the second
         NI    TRCMBYTE,X'01'
         CLC   TRCMBYTE,1(R3)
         BE    TRCM090
         B     TRCM070
TRCM050  CLC   1(1,R3),1(R2)
         BE    TRCM090
TRCM070  LA    R3,8(,R3)
         B     TRCM010
TRCM080  SR    R1,R1
         CPEXIT RC=0
TRCM090  LA    R1,3(,R3)
         CPEXIT RC=0
TRCMBYTE DS    X
*        XL1 opcode, XL1 second byte, AL1 kind (0 opcode, 1 opcode and
*        bit 15, 2 both bytes), CL5 name
TRCMTAB  DC    X'800000',CL5'SSM'
         DC    X'820000',CL5'LPSW'
         DC    X'830000',CL5'DIAG'
         DC    X'0A0000',CL5'SVC'
         DC    X'080000',CL5'SSK'
         DC    X'090000',CL5'ISK'
         DC    X'B10000',CL5'LRA'
         DC    X'B60000',CL5'STCTL'
         DC    X'B70000',CL5'LCTL'
         DC    X'AC0000',CL5'STNSM'
         DC    X'AD0000',CL5'STOSM'
         DC    X'AE0000',CL5'SIGP'
         DC    X'9C0001',CL5'SIO'
         DC    X'9C0101',CL5'SIOF'
         DC    X'9D0001',CL5'TIO'
         DC    X'9D0101',CL5'CLRIO'
         DC    X'9E0001',CL5'HIO'
         DC    X'9E0101',CL5'HDV'
         DC    X'9F0001',CL5'TCH'
         DC    X'B20202',CL5'STIDP'
         DC    X'B20302',CL5'STIDC'
         DC    X'B20402',CL5'SCK'
         DC    X'B20502',CL5'STCK'
         DC    X'B20602',CL5'SCKC'
         DC    X'B20702',CL5'STCKC'
         DC    X'B20802',CL5'SPT'
         DC    X'B20902',CL5'STPT'
         DC    X'B20A02',CL5'SPKA'
         DC    X'B20B02',CL5'IPK'
         DC    X'B20D02',CL5'PTLB'
         DC    X'B21002',CL5'SPX'
         DC    X'B21102',CL5'STPX'
         DC    X'B21202',CL5'STAP'
         DC    X'B21302',CL5'RRB'
         DC    X'050000',CL5'BALR'
         DC    X'060000',CL5'BCTR'
         DC    X'070000',CL5'BCR'
         DC    X'450000',CL5'BAL'
         DC    X'460000',CL5'BCT'
         DC    X'470000',CL5'BC'
         DC    X'860000',CL5'BXH'
         DC    X'870000',CL5'BXLE'
         DC    X'00'
         LTORG
