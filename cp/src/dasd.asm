*---------------------------------------------------------------------*
* DASD - minidisk services for the guest: DIAGNOSE X'18' (CMS's       *
* standard DASD I/O, synchronous: no SIO, no interruption, the result *
* in the condition code and R15) and DIAGNOSE X'24' (device type      *
* information), and the device type table CP uses for geometry and   *
* for X'24'.  The channel program itself is run by CCWTRANS.          *
* Prefix DSK.                                                         *
*---------------------------------------------------------------------*
DASD     CSECT
*---------------------------------------------------------------------*
* DIAG18 - DIAGNOSE X'18': run a DASD channel program and wait.       *
* Rx = virtual device address, Ry = address of the CCWs (VM/370: R15  *
* holds their number; CP follows the chain itself and does not need  *
* it).  Condition code and R15 as VM/370 gives them:                 *
*   cc 0  ended normally (R15 = 0)                                    *
*   cc 1  R15 = 1 no such device, 2 not a DASD, 3 a write on a        *
*         read-only disk, 4 a cylinder outside the disk, 5 busy or    *
*         an interruption pending                                     *
*   cc 2  R15 = 2 unit exception, 3 wrong length, 5 CCWs not on a     *
*         doubleword, 10 CCWs or data outside the VM's storage        *
*   cc 3  R15 = 13 I/O error: the CSW is stored at guest X'40', the   *
*         sense is kept for a SENSE                                   *
* In: R11 -> VMBLOK, R2 -> the instruction.                           *
*---------------------------------------------------------------------*
DIAG18   CPENTRY
         USING VMBLOK,R11
         LR    R9,R2
         IC    R1,1(,R9)           Rx: the device
         SRL   R1,4
         N     R1,=X'0000000F'
         SLL   R1,2
         L     R1,VMBGPRS(R1)
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   DSK18NO
         LR    R5,R1
         USING VDEV,R5
         CLI   VDVKIND,UDVKMDSK    minidisk, link, dedicated
         BL    DSK18ND
         L     R1,VDVRDEV          ... and a DASD
         USING RDEV,R1
         TM    RDVCLASS,RDVCDASD
         BZ    DSK18ND
         DROP  R1
         TM    VDVFLAGS,VDVFBUSY+VDVFPEND
         BNZ   DSK18BSY
         IC    R1,1(,R9)           Ry: the channel program
         N     R1,=X'0000000F'
         SLL   R1,2
         L     R1,VMBGPRS(R1)
         LA    R1,0(,R1)
         ST    R1,VDVCCWA
         N     R1,=X'00000007'
         BNZ   DSK18ALN
         XC    VDVCAW,VDVCAW       key 0
         MVC   VDVCAW+1(3),VDVCCWA+1
         OI    VDVFLAGS,VDVFBUSY
         LR    R1,R5
         CPCALL CCWRUN
         NI    VDVFLAGS,X'FF'-VDVFBUSY
         SRL   R15,2               0 ran, 1-2 program check, 3 RO,
         SLL   R15,2               4 outside (CCWTRAN's codes / 4)
         L     R15,DSK18TR(R15)
         BR    R15
DSK18TR  DC    A(DSK18RAN,DSK18PCK,DSK18PCK,DSK18RO,DSK18CYL)
DSK18RAN TM    VDVCSW+4,IOSUUC     how did it end?
         BO    DSK18ERR
         TM    VDVCSW+5,X'FF'-X'40'
         BNZ   DSK18ERR
         TM    VDVCSW+4,IOSUUE
         BO    DSK18UE
         TM    VDVCSW+5,X'40'
         BO    DSK18IL
         SR    R0,R0               cc 0, R15 = 0
         SR    R1,R1
         B     DSK18SET
DSK18NO  LA    R0,1
         LA    R1,1
         B     DSK18SET
DSK18ND  LA    R0,1
         LA    R1,2
         B     DSK18SET
DSK18RO  LA    R0,1
         LA    R1,3
         B     DSK18SET
DSK18CYL LA    R0,1
         LA    R1,4
         B     DSK18SET
DSK18BSY LA    R0,1
         LA    R1,5
         B     DSK18SET
DSK18UE  LA    R0,2
         LA    R1,2
         B     DSK18SET
DSK18IL  LA    R0,2
         LA    R1,3
         B     DSK18SET
DSK18ALN LA    R0,2
         LA    R1,5
         B     DSK18SET
DSK18PCK LA    R0,2
         LA    R1,10
         B     DSK18SET
DSK18ERR CPCALL VIOSTCSW           the CSW for the guest
         LA    R0,3
         LA    R1,13
DSK18SET ST    R1,VMBGPRS+60       R15
         LR    R1,R0               the condition code
         CPCALL PRVSETCC
         CPEXIT RC=0
         DROP  R5,R11
*---------------------------------------------------------------------*
* DIAG24 - DIAGNOSE X'24': device type information.  Rx = virtual     *
* device address, or -1 for the console (whose address then comes     *
* back in Rx).  Ry gets the virtual device: class, type, status       *
* (X'80' busy, X'40' interruption pending), flags (X'80' read-only);  *
* Ry+1 the real device: class, type, model 0, and for a console its   *
* line length, else features 0.  The class and type codes are those   *
* of DSKTYPES below.  cc 0 both returned, 2 only the virtual one (a   *
* spool device has no real device), 3 no such device.                 *
* In: R11 -> VMBLOK, R2 -> the instruction.                           *
*---------------------------------------------------------------------*
DIAG24   CPENTRY
         USING VMBLOK,R11
         IC    R6,1(,R2)           R6 -> Rx, R7 -> Ry, R8 -> Ry+1
         N     R6,=X'000000F0'
         SRL   R6,2
         LA    R6,VMBGPRS(R6)
         IC    R7,1(,R2)
         N     R7,=X'0000000F'
         LA    R8,1(,R7)
         N     R8,=X'0000000F'
         SLL   R7,2
         LA    R7,VMBGPRS(R7)
         SLL   R8,2
         LA    R8,VMBGPRS(R8)
         L     R1,0(,R6)
         C     R1,=F'-1'
         BNE   DSK241
         ICM   R5,15,VMBVCONS      the console
         BZ    DSK24NO
         LH    R1,VDVADDR-VDEV(,R5)
         ST    R1,0(,R6)
         B     DSK242
DSK241   CPCALL VDVFIND
         LTR   R15,R15
         BNZ   DSK24NO
         LR    R5,R1
DSK242   DS    0H
         USING VDEV,R5
         LH    R1,VDVTYPE          virtual: class, type, status, flags
         CPCALL DSKTYPE
         STH   R1,0(,R7)
         XC    2(2,R7),2(R7)
         TM    VDVFLAGS,VDVFBUSY
         BZ    DSK243
         OI    2(R7),X'80'
DSK243   TM    VDVFLAGS,VDVFPEND
         BZ    DSK244
         OI    2(R7),X'40'
DSK244   TM    VDVFLAGS,VDVFRO
         BZ    DSK245
         OI    3(R7),X'80'
DSK245   CLI   VDVKIND,UDVKSPL     spool: no real device
         BE    DSK24SPL
         XC    0(4,R8),0(R8)
         CLI   VDVKIND,UDVKCONS
         BE    DSK24CON
         L     R2,VDVRDEV          real: class, type, model, features
         LH    R1,RDVTYPE-RDEV(,R2)
         CPCALL DSKTYPE
         STH   R1,0(,R8)
         B     DSK24OK
DSK24CON L     R2,VMBRDEV          the terminal, if connected
         LTR   R2,R2
         BZ    DSK24C1
         LH    R1,RDVTYPE-RDEV(,R2)
         CPCALL DSKTYPE
         STH   R1,0(,R8)
DSK24C1  MVI   3(R8),80            line length
DSK24OK  SR    R0,R0
         B     DSK24CC
DSK24SPL LA    R0,2
         B     DSK24CC
DSK24NO  LA    R0,3
DSK24CC  LR    R1,R0               the condition code
         CPCALL PRVSETCC
         CPEXIT RC=0
         DROP  R5,R11
*---------------------------------------------------------------------*
* DSKTYPE - the class and type codes of a device type (DIAG X'24'). *
* In: R1 = device type (X'3350').  Out: R1 = class (bits 16-23) and   *
* type code (bits 24-31); 0 for a type not in the table.              *
* DSKHEADS - tracks per cylinder of a DASD type (30 if unknown).      *
* In: R1 = device type.  Out: R1.                                     *
*---------------------------------------------------------------------*
DSKTYPE  CPENTRY
         CPCALL DSKLOOK
         LTR   R15,R15
         BNZ   DSKTY1
         LH    R1,2(,R1)
         N     R1,=X'0000FFFF'
         CPEXIT RC=0
DSKTY1   SR    R1,R1
         CPEXIT RC=0
DSKHEADS CPENTRY
         CPCALL DSKLOOK
         LTR   R15,R15
         BNZ   DSKHD1
         LH    R1,4(,R1)
         CPEXIT RC=0
DSKHD1   LA    R1,30
         CPEXIT RC=0
*---------------------------------------------------------------------*
* DSKLOOK - the DSKTYPES entry of a device type.                      *
* In: R1 = type.  Out: R1 -> entry and R15 = 0, or R15 = 4.           *
*---------------------------------------------------------------------*
DSKLOOK  CPENTRY
         LA    R2,DSKTYPES
DSKLK1   CLI   0(R2),X'FF'
         BE    DSKLKNO
         CLM   R1,3,0(R2)
         BE    DSKLKYES
         LA    R2,DSKTYPL(,R2)
         B     DSKLK1
DSKLKYES LR    R1,R2
         CPEXIT RC=0
DSKLKNO  CPEXIT RC=4
*        type, class, type code, heads, cylinders
DSKTYPES DC    X'3215',X'80',X'10',H'0',H'0'   console
DSKTYPL  EQU   *-DSKTYPES
         DC    X'3270',X'40',X'04',H'0',H'0'   display
         DC    X'3505',X'20',X'20',H'0',H'0'   card reader
         DC    X'2540',X'20',X'20',H'0',H'0'   card reader (2540R)
         DC    X'3525',X'10',X'10',H'0',H'0'   card punch
         DC    X'1403',X'10',X'41',H'0',H'0'   printer
         DC    X'3211',X'10',X'42',H'0',H'0'   printer
         DC    X'2314',X'04',X'08',H'20',H'200'  DASD
         DC    X'3330',X'04',X'01',H'19',H'404'
         DC    X'3340',X'04',X'02',H'12',H'348'
         DC    X'3350',X'04',X'04',H'30',H'555'
         DC    X'3380',X'04',X'05',H'15',H'885'
         DC    X'FF'
         LTORG
