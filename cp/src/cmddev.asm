*---------------------------------------------------------------------*
* CMDDEV - the CP commands about devices: DEFINE (devices), DETACH,   *
* ATTACH, LINK, SPOOL, CLOSE, and QUERY READER, QUERY VIRTUAL,        *
* QUERY vaddr.  Their rows in the command tables are cmddevt.asm and  *
* cmdqdevt.asm (COPYed by command.asm); the parsing helpers (CMDTOKEN,*
* CMDHEXIN, CMDHEX, CMDDEC, CMDNOOP, CMDBADOP) are cpterm's.          *
* Every command routine: R11 -> VMBLOK of the user (0: the operator   *
* console before OPERATOR is logged on), R1 -> operands, R0 = their   *
* length; output with TRMWRITE; R15 = 0, or the number of the error   *
* message it wrote.  Devices are built and removed by VDEVICE, spool  *
* files handled by SPOOL.  Prefix CMV.                                *
*---------------------------------------------------------------------*
CMDDEV   CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* CMVNEXT - the next word of the operands (CMVTXT, CMVLEN) into CMVW, *
* upper case.  Out: R15 = its length (0: none left).                  *
*---------------------------------------------------------------------*
CMVNEXT  CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         L     R1,CMVTXT
         L     R0,CMVLEN
         LA    R2,CMVW
         CPCALL CMDTOKEN
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPEXIT
*        CMVHEXW: the word in CMVW (length R1) as a device address
*        Out: R15 = 0 and R1 = address, or 4.
CMVHEXW  CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         LR    R0,R1
         LA    R1,CMVW
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMVHX9
         C     R1,=F'4095'
         BH    CMVHX9
         CPEXIT RC=0
CMVHX9   CPEXIT RC=4
         LTORG
*---------------------------------------------------------------------*
* CMVNAME - the 4-letter name of a virtual device for messages: CONS, *
* RDR, PUN, PRT, DASD, or DEV.  In: R1 -> VDEV.  Out: R1 -> CL4.      *
*---------------------------------------------------------------------*
CMVNAME  CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         LR    R5,R1
         USING VDEV,R5
         LA    R1,CMVNTAB
CMVNM1   CLI   0(R1),X'FF'
         BE    CMVNM3
         CLC   VDVTYPE,0(R1)
         BE    CMVNM2
         LA    R1,6(,R1)
         B     CMVNM1
CMVNM2   LA    R1,2(,R1)
         CPEXIT RC=0
CMVNM3   LA    R1,=C'DEV '
         CPEXIT RC=0
         DROP  R5
CMVNTAB  DC    X'3215',C'CONS',X'3270',C'CONS',X'3505',C'RDR '
         DC    X'3525',C'PUN ',X'1403',C'PRT ',X'3211',C'PRT '
         DC    X'3350',C'DASD',X'3330',C'DASD',X'3380',C'DASD'
         DC    X'2314',C'DASD',X'FF'
         LTORG
*---------------------------------------------------------------------*
* CMVSAYDV - write "name vvv text": R1 -> VDEV, R2 -> text, R3 = its  *
* length (up to 60).  Uses R11.                                       *
*---------------------------------------------------------------------*
CMVSAYDV CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         LR    R5,R1
         CPCALL CMVNAME
         MVC   CMVLINE,=CL80' '
         MVC   CMVLINE(4),0(R1)
         LH    R1,VDVADDR-VDEV(,R5)
         LA    R0,3
         LA    R2,CMVLINE+5
         CPCALL CMDHEX
         L     R2,4(,R13)          the caller's R2, R3: the text
         LM    R2,R3,28(R2)
         BCTR  R3,0
         EX    R3,CMVSYMVC
         LA    R1,CMVLINE
         LA    R0,10(,R3)
         CPCALL TRMWRITE
         CPEXIT RC=0
CMVSYMVC MVC   CMVLINE+9(0),0(R2)
         LTORG
*---------------------------------------------------------------------*
* CMVNODEV - "DMKCFM040E DEV vvv DOES NOT EXIST".  In: R1 = address.  *
* Out: R15 = 40.                                                      *
*---------------------------------------------------------------------*
CMVNODEV CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         LA    R0,3
         LA    R2,CMVM040+15
         CPCALL CMDHEX
         LA    R1,CMVM040
         LA    R0,CMVM040L
         CPCALL TRMWRITE
         CPEXIT RC=40
         LTORG
*---------------------------------------------------------------------*
* CMVDEF - DEFINE READER|RDR|PUNCH|PUN|PRINTER|PRT vaddr: a new spool *
* device ("PUN 00D DEFINED").  (DEFINE STORAGE is cpterm's.)          *
*---------------------------------------------------------------------*
CMVDEF   CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVNEXT            the kind of device
         LTR   R15,R15
         BZ    CMVDFNO
         LA    R4,CMVDTYPE
CMVDF1   CLI   0(R4),X'FF'
         BE    CMVDFBAD
         CLC   CMVW(8),0(R4)
         BE    CMVDF2
         LA    R4,10(,R4)
         B     CMVDF1
CMVDF2   CPCALL CMVNEXT            the address
         LTR   R15,R15
         BZ    CMVDFNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVDFBAD
         XC    CMVUDEV,CMVUDEV
         LA    R6,CMVUDEV
         USING UDEV,R6
         MVI   UDVKIND,UDVKSPL
         STH   R1,UDVADDR
         MVC   UDVTYPE,8(R4)
         MVI   UDVCLASS,C' '
         LR    R1,R6
         CPCALL VDVUDEV            (tells the user if it cannot)
         LTR   R15,R15
         BNZ   CMVDFEND
         LA    R2,=C'DEFINED'
         LA    R3,7
         CPCALL CMVSAYDV
         CPEXIT RC=0
CMVDFEND CPEXIT RC=22
CMVDFNO  CPCALL CMDNOOP
         CPEXIT
CMVDFBAD LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT
         DROP  R6,R11
         LTORG
*---------------------------------------------------------------------*
* CMVDET - DETACH vaddr: the device goes away ("DASD 191 DETACHED");  *
* an open punch or printer file is closed and sent first.             *
*---------------------------------------------------------------------*
CMVDET   CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVNEXT
         LTR   R15,R15
         BZ    CMVDTNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVDTBAD
         LR    R4,R1
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   CMVDTNOD
         LR    R5,R1
         LA    R2,=C'DETACHED'     the message before it is gone
         LA    R3,8
         CPCALL CMVSAYDV
         LR    R1,R5
         CPCALL VDVDEL
         CPEXIT RC=0
CMVDTNOD LR    R1,R4
         CPCALL CMVNODEV
         CPEXIT
CMVDTNO  CPCALL CMDNOOP
         CPEXIT
CMVDTBAD LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT
         DROP  R11
         LTORG
*---------------------------------------------------------------------*
* CMVATT - ATTACH raddr [TO] userid [AS vaddr]: a real device for a  *
* logged-on user as a dedicated device (class B).  Terminals, SYSRES  *
* and a volume with minidisks in use stay CP's.  The user is told     *
* "DASD 151 ATTACHED", the operator "DASD 151 ATTACHED TO USER1".     *
*---------------------------------------------------------------------*
CMVATT   CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVNEXT            the real address
         LTR   R15,R15
         BZ    CMVATNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVATBAD
         LR    R7,R1               R7 = real address
         SR    R0,R0
         CPCALL RDEVFIND
         LTR   R15,R15
         BNZ   CMVATNOD
         LR    R8,R1               R8 -> RDEV
         CPCALL CMVNEXT            [TO] userid
         CLC   CMVW(3),=C'TO '
         BNE   CMVAT1
         CPCALL CMVNEXT
CMVAT1   LTR   R15,R15
         BZ    CMVATNO
         MVC   CMVUSER,CMVW
         LR    R9,R7               vaddr: the real address, or AS
         CPCALL CMVNEXT
         LTR   R15,R15
         BZ    CMVAT2
         CLC   CMVW(3),=C'AS '
         BNE   CMVATBAD
         CPCALL CMVNEXT
         LTR   R15,R15
         BZ    CMVATNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVATBAD
         LR    R9,R1
CMVAT2   LR    R1,R8               free to give?
         CPCALL CMVRFREE
         LTR   R15,R15
         BNZ   CMVATBSY
         LA    R1,CMVUSER          the user, logged on
         CPCALL LGNFINDU
         LTR   R15,R15
         BNZ   CMVATNLO
         ST    R11,CMVCALLR        the caller
         LR    R11,R1
         XC    CMVUDEV,CMVUDEV
         LA    R6,CMVUDEV
         USING UDEV,R6
         MVI   UDVKIND,UDVKDED
         STH   R9,UDVADDR
         STH   R7,UDVRADDR
         MVC   UDVTYPE,RDVTYPE-RDEV(R8)
         LR    R1,R6
         CPCALL VDVUDEV            (the user is told if it cannot)
         LTR   R15,R15
         BNZ   CMVATFL
         LR    R4,R1               the VDEV
         LA    R2,=C'ATTACHED'     to the user
         LA    R3,8
         CPCALL CMVSAYDV
         L     R11,CMVCALLR        to the caller
         MVC   CMVATMSG+12(8),CMVUSER
         LR    R1,R4
         LA    R2,CMVATMSG
         LA    R3,L'CMVATMSG
         CPCALL CMVSAYDV
         CPEXIT RC=0
CMVATFL  L     R11,CMVCALLR
         CPEXIT RC=121
CMVATNOD LR    R1,R7
         CPCALL CMVNODEV
         CPEXIT
CMVATBSY LR    R1,R7               "DMKATT121E DEV rrr NOT ..."
         LA    R0,3
         LA    R2,CMVM121+15
         CPCALL CMDHEX
         LA    R1,CMVM121
         LA    R0,CMVM121L
         CPCALL TRMWRITE
         CPEXIT RC=121
CMVATNLO LA    R1,CMVUSER          "DMKATT045E user NOT LOGGED ON"
         CPCALL CMVNOTON
         CPEXIT
CMVATNO  CPCALL CMDNOOP
         CPEXIT
CMVATBAD LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT
         DROP  R6
CMVATMSG DC    C'ATTACHED TO userid  '  (the userid at +12)
         LTORG
*---------------------------------------------------------------------*
* CMVRFREE - may a real device be given to a user?  Not a terminal,   *
* not a unit record device (CP spools to them), not offline, not      *
* someone's already, not SYSRES, not a volume some logged-on user has *
* a minidisk on.                                                      *
* In: R1 -> RDEV.  Out: R15 = 0 yes, 4 no.                            *
*---------------------------------------------------------------------*
CMVRFREE CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         LR    R8,R1
         USING RDEV,R8
         TM    RDVCLASS,RDVCTERM+RDVCOPER+RDVCUR
         BNZ   CMVRFNO             (unit record: CP's spool devices)
         TM    RDVFLAGS,RDVFOFFL
         BO    CMVRFNO
         ICM   R1,15,RDVUSER
         BNZ   CMVRFNO
         L     R1,=A(SPLRDEV)      SYSRES (the spool area is on it)
         C     R8,0(,R1)
         BE    CMVRFNO
         L     R2,PSAVMCHN         minidisks in use on it?
         USING VMBLOK,R2
CMVRF1   LTR   R2,R2
         BZ    CMVRFYES
         L     R3,VMBVDEV
         USING VDEV,R3
CMVRF2   LTR   R3,R3
         BZ    CMVRF4
         CLI   VDVKIND,UDVKMDSK
         BE    CMVRF3
         CLI   VDVKIND,UDVKLINK
         BNE   CMVRF3A
CMVRF3   C     R8,VDVRDEV
         BE    CMVRFNO
CMVRF3A  L     R3,VDVNEXT
         B     CMVRF2
CMVRF4   L     R2,VMBNEXT
         B     CMVRF1
CMVRFYES CPEXIT RC=0
CMVRFNO  CPEXIT RC=4
         DROP  R2,R3,R8
         LTORG
*---------------------------------------------------------------------*
* CMVNOTON - "DMKCFM045E userid NOT LOGGED ON".  In: R1 -> CL8.       *
* Out: R15 = 45.                                                      *
*---------------------------------------------------------------------*
CMVNOTON CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         MVC   CMVM045U,0(R1)
         LA    R1,CMVM045
         LA    R0,CMVM045L
         CPCALL TRMWRITE
         CPEXIT RC=45
         LTORG
*---------------------------------------------------------------------*
* CMVLNK - LINK [TO] userid vaddr1 [AS] vaddr2 [mode] [[PASS=] pw]:   *
* the user's vaddr2 becomes a link to userid's minidisk vaddr1.  Mode *
* R (default) or RR: read-only; W, WR, M, MR, MW: read/write, which   *
* nobody else may have then (VM/370's simple rule for W).  A link to  *
* another user's disk needs its password from the directory: the     *
* read password for R, the write password for W or M; a password    *
* ALL is no password; none at all: no link.                           *
*---------------------------------------------------------------------*
CMVLNK   CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVNEXT            [TO] userid
         CLC   CMVW(3),=C'TO '
         BNE   CMVLK1
         CPCALL CMVNEXT
CMVLK1   LTR   R15,R15
         BZ    CMVLKNO
         MVC   CMVUSER,CMVW
         CPCALL CMVNEXT            vaddr1
         LTR   R15,R15
         BZ    CMVLKNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVLKBAD
         LR    R7,R1
         CPCALL CMVNEXT            [AS] vaddr2
         CLC   CMVW(3),=C'AS '
         BNE   CMVLK2
         CPCALL CMVNEXT
CMVLK2   LTR   R15,R15
         BZ    CMVLKNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVLKBAD
         LR    R8,R1
         MVC   CMVMODE,=CL2'R '    [mode]
         MVC   CMVPASS,=CL8' '
         CPCALL CMVNEXT
         LTR   R15,R15
         BZ    CMVLK4
         CH    R15,=H'2'
         BH    CMVLK3              longer: a password
         CLI   CMVW,C'R'
         BE    CMVLK2A
         CLI   CMVW,C'W'
         BE    CMVLK2A
         CLI   CMVW,C'M'
         BNE   CMVLKBAD
CMVLK2A  MVC   CMVMODE,CMVW
         CPCALL CMVNEXT            [PASS=] password
         LTR   R15,R15
         BZ    CMVLK4
CMVLK3   CLC   CMVW(5),=C'PASS='
         BNE   CMVLK3A
         CH    R15,=H'5'
         BH    CMVLK3B
         CPCALL CMVNEXT            PASS= password
         LTR   R15,R15
         BZ    CMVLKNO
CMVLK3A  MVC   CMVPASS,CMVW
         B     CMVLK4
CMVLK3B  MVC   CMVPASS,CMVW+5      PASS=password
CMVLK4   LA    R1,CMVUSER          the owner's directory entry
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   CMVLKNOU
         USING UDIR,R1
         LH    R0,UDRNDEV          its MDISK vaddr1
         LA    R6,UDRDEVS
         DROP  R1
         USING UDEV,R6
CMVLK5   LTR   R0,R0
         BZ    CMVLKNOD
         CLI   UDVKIND,UDVKMDSK
         BNE   CMVLK6
         CH    R7,UDVADDR
         BE    CMVLK7
CMVLK6   LA    R6,UDVLEN(,R6)
         BCT   R0,CMVLK5
         B     CMVLKNOD
CMVLK7   CLC   CMVUSER,VMBUSER     one's own disk: no password
         BE    CMVLK9
         LA    R2,UDVRPASS         the password the mode needs
         CLI   CMVMODE,C'R'
         BE    CMVLK8
         LA    R2,UDVWPASS
CMVLK8   CLC   0(8,R2),=CL8'ALL'
         BE    CMVLK9
         CLC   0(8,R2),=CL8' '
         BE    CMVLKNOP            none: no link that way
         CLC   0(8,R2),CMVPASS
         BNE   CMVLKPW
CMVLK9   CLI   CMVMODE,C'R'        read/write: nobody else may have it
         BE    CMVLK10
         MVC   CMVVOL,UDVVOLID
         MVC   CMVCYL,UDVCYL
         CPCALL CMVWUSER           R1 -> VMBLOK writing it, or 0
         LTR   R1,R1
         BNZ   CMVLKRW
CMVLK10  XC    CMVUDEV,CMVUDEV     the LINK entry
         LA    R6,CMVUDEV
         MVI   UDVKIND,UDVKLINK
         STH   R8,UDVADDR
         MVC   UDVLUSER,CMVUSER
         STH   R7,UDVLADDR
         MVC   UDVMODE,CMVMODE
         LR    R1,R6
         CPCALL VDVUDEV            (tells the user if it cannot)
         LTR   R15,R15
         BNZ   CMVLKFL
         CPEXIT RC=0
CMVLKFL  CPEXIT RC=108
CMVLKNOU MVC   CMVM113U,CMVUSER    "DMKLNK113E userid NOT IN CP ..."
         LA    R1,CMVM113
         LA    R0,CMVM113L
         CPCALL TRMWRITE
         CPEXIT RC=113
CMVLKNOD LA    R5,=C'NOT IN CP DIRECTORY'
         LA    R6,19
         LA    R4,107
         B     CMVLKMSG
CMVLKNOP LA    R5,=C'NO PASSWORD'
         LA    R6,11
         LA    R4,110
         B     CMVLKMSG
CMVLKPW  LA    R5,=C'PASSWORD INCORRECT'
         LA    R6,18
         LA    R4,118
         B     CMVLKMSG
CMVLKRW  MVC   CMVLKRWU,VMBUSER-VMBLOK(R1)
         LA    R5,CMVLKRWT
         LA    R6,L'CMVLKRWT+8
         LA    R4,104
*        "DMKLNKnnnE userid vvv NOT LINKED; reason" (R5, R6), R4 = nnn
CMVLKMSG MVC   CMVLINE,=CL80' '
         MVC   CMVLINE(6),=C'DMKLNK'
         CVD   R4,CMVDW
         UNPK  CMVLINE+6(3),CMVDW+6(2)
         OI    CMVLINE+8,X'F0'
         MVI   CMVLINE+9,C'E'
         MVC   CMVLINE+11(8),CMVUSER
         LR    R1,R7
         LA    R0,3
         LA    R2,CMVLINE+20
         CPCALL CMDHEX
         MVC   CMVLINE+23(13),=C' NOT LINKED; '
         LR    R1,R6
         BCTR  R1,0
         EX    R1,CMVLKMVC
         LA    R1,CMVLINE
         LA    R0,36(,R6)
         CPCALL TRMWRITE
         LR    R15,R4
         CPEXIT
CMVLKMVC MVC   CMVLINE+36(0),0(R5)
CMVLKNO  CPCALL CMDNOOP
         CPEXIT
CMVLKBAD LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT
         DROP  R6,R11
CMVLKRWT DC    C'R/W BY '
CMVLKRWU DC    CL8' '
         LTORG
*---------------------------------------------------------------------*
* CMVWUSER - who has a minidisk (CMVVOL, CMVCYL) read/write?          *
* Out: R1 -> that VMBLOK, or 0.                                       *
*---------------------------------------------------------------------*
CMVWUSER CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         L     R2,PSAVMCHN
         USING VMBLOK,R2
CMVWU1   LTR   R2,R2
         BZ    CMVWUNO
         L     R3,VMBVDEV
         USING VDEV,R3
CMVWU2   LTR   R3,R3
         BZ    CMVWU4
         CLI   VDVKIND,UDVKMDSK
         BE    CMVWU3
         CLI   VDVKIND,UDVKLINK
         BNE   CMVWU3B
CMVWU3   TM    VDVFLAGS,VDVFRO
         BO    CMVWU3B
         CLC   VDVCYL,CMVCYL       same extent on the same volume?
         BNE   CMVWU3B
         L     R1,VDVRDEV
         CLC   RDVVOLID-RDEV(6,R1),CMVVOL
         BNE   CMVWU3B
         LR    R1,R2
         CPEXIT RC=0
CMVWU3B  L     R3,VDVNEXT
         B     CMVWU2
CMVWU4   L     R2,VMBNEXT
         B     CMVWU1
CMVWUNO  SR    R1,R1
         CPEXIT RC=0
         DROP  R2,R3
         LTORG
*---------------------------------------------------------------------*
* CMVSDEV - the device a SPOOL or CLOSE names: vaddr, or READER/RDR,  *
* PUNCH/PUN, PRINTER/PRT (the VM's first of that type).  Takes the    *
* next word (CMVNEXT).  Out: R15 = 0 and R1 -> VDEV, or R15 = 4 after *
* the message: no word (026E), a bad word (003E), no such device     *
* (040E).                                                             *
*---------------------------------------------------------------------*
CMVSDEV  CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         CPCALL CMVNEXT
         LTR   R15,R15
         BZ    CMVSD4
         LA    R4,CMVDTYPE         a kind of device?
CMVSD1   CLI   0(R4),X'FF'
         BE    CMVSD2
         CLC   CMVW(8),0(R4)
         BE    CMVSD3
         LA    R4,10(,R4)
         B     CMVSD1
CMVSD2   LR    R1,R15              a virtual address?
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVSD8
         LR    R4,R1
         CPCALL VDVFIND
         LTR   R15,R15
         BZ    CMVSDOK
         LR    R1,R4
         B     CMVSD12
CMVSD3   L     R1,VMBVDEV          the first of the type
         USING VDEV,R1
CMVSD3A  LTR   R1,R1
         BZ    CMVSD12
         CLC   VDVTYPE,8(R4)
         BE    CMVSDOK
         L     R1,VDVNEXT
         B     CMVSD3A
         DROP  R1
CMVSD12  CPCALL CMVNODEV           R1 = the address, or 0
         CPEXIT RC=4
CMVSDOK  CPEXIT RC=0
CMVSD4   CPCALL CMDNOOP
         CPEXIT RC=4
CMVSD8   LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT RC=4
         DROP  R11
         LTORG
*---------------------------------------------------------------------*
* CMVSPL - SPOOL dev [TO userid|TO *|TO SYSTEM|OFF] [CLASS c] [HOLD|  *
* NOHOLD] [CONT|NOCONT]: where the punch's or printer's files go (a   *
* user's reader, or the real punch/printer), their class, and whether *
* they are held; for a reader, the class it reads ('*' any), HOLD     *
* (files it has read are kept, held) and CONT (one file after the    *
* other without unit exception).  On a punch or printer a file ends  *
* only with CLOSE anyway, so CONT changes nothing there.  No response *
* when it worked (VM/370).                                           *
*---------------------------------------------------------------------*
CMVSPL   CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVSDEV
         LTR   R15,R15             0: R1 -> VDEV
         BZ    CMVSP1
         CPEXIT                    4: said why not
CMVSP1   LR    R5,R1
         USING VDEV,R5
         CLI   VDVKIND,UDVKSPL
         BNE   CMVSPNSP
CMVSP2   CPCALL CMVNEXT            the options
         LTR   R15,R15
         BZ    CMVSPEND
         LA    R4,CMVSOPTS
CMVSP3   CLI   0(R4),X'FF'
         BE    CMVSPBAD
         CLC   CMVW(8),0(R4)
         BE    CMVSP4
         LA    R4,12(,R4)
         B     CMVSP3
CMVSP4   L     R15,8(,R4)
         BR    R15
CMVSPTO  CPCALL CMVNEXT            TO userid / * / SYSTEM
         LTR   R15,R15
         BZ    CMVSPNO
         CLC   CMVW(8),=CL8'*'
         BNE   CMVSPT1
         MVC   VDVSPTO,VMBUSER
         B     CMVSP2
CMVSPT1  CLC   CMVW(8),=CL8'SYSTEM'
         BE    CMVSPOFF
         LA    R1,CMVW
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   CMVSPNOU
         MVC   VDVSPTO,CMVW
         B     CMVSP2
CMVSPOFF MVC   VDVSPTO,=CL8' '     OFF, TO SYSTEM: the real device
         B     CMVSP2
CMVSPCL  CPCALL CMVNEXT            CLASS c
         CH    R15,=H'1'
         BNE   CMVSPNO
         MVC   VDVSPCLS,CMVW
         B     CMVSP2
CMVSPHLD OI    VDVFLAGS,VDVFHOLD
         B     CMVSP2
CMVSPNHL NI    VDVFLAGS,X'FF'-VDVFHOLD
         B     CMVSP2
CMVSPCON OI    VDVFLAGS,VDVFCONT
         B     CMVSP2
CMVSPNCN NI    VDVFLAGS,X'FF'-VDVFCONT
         B     CMVSP2
CMVSPEND CPEXIT RC=0
CMVSPNSP LH    R1,VDVADDR          not a spool device: as if none
         CPCALL CMVNODEV
         CPEXIT
CMVSPNOU MVC   CMVM053U,CMVW       "DMKCFM053E userid NOT IN CP ..."
         LA    R1,CMVM053
         LA    R0,CMVM053L
         CPCALL TRMWRITE
         CPEXIT RC=53
CMVSPNO  CPCALL CMDNOOP
         CPEXIT
CMVSPBAD LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT
         DROP  R5,R11
         DS    0F
CMVSOPTS DC    CL8'TO',A(CMVSPTO)
         DC    CL8'OFF',A(CMVSPOFF)
         DC    CL8'CLASS',A(CMVSPCL)
         DC    CL8'CL',A(CMVSPCL)
         DC    CL8'HOLD',A(CMVSPHLD)
         DC    CL8'NOHOLD',A(CMVSPNHL)
         DC    CL8'CONT',A(CMVSPCON)
         DC    CL8'NOCONT',A(CMVSPNCN)
         DC    X'FF'
         LTORG
*---------------------------------------------------------------------*
* CMVCLS - CLOSE dev: a punch's or printer's file is ended and sent   *
* (SPLCLOSE tells where), a reader's file is done with.               *
*---------------------------------------------------------------------*
CMVCLS   CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVSDEV
         LTR   R15,R15             0: R1 -> VDEV
         BZ    CMVCL1
         CPEXIT                    4: said why not
CMVCL1   CLI   VDVKIND-VDEV(R1),UDVKSPL
         BNE   CMVCLNSP
         CPCALL SPLCLOSE
         CPEXIT RC=0
CMVCLNSP LH    R1,VDVADDR-VDEV(,R1)
         CPCALL CMVNODEV
         CPEXIT
         DROP  R11
         LTORG
*---------------------------------------------------------------------*
* CMVQRDR - QUERY READER: the files in the user's reader, oldest      *
* first, or "NO RDR FILES":                                           *
*   ORIGINID FILE CLASS RECDS  CPY HOLD                               *
*   SYSTEM   0001 A PUN 000012 01  NONE                               *
*---------------------------------------------------------------------*
CMVQRDR  CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         SR    R7,R7               files shown
         L     R5,=A(SPLFILES)
         L     R5,0(,R5)
         USING SPFBLOK,R5
CMVQR1   LTR   R5,R5
         BZ    CMVQR9
         TM    SPFFLAGS,SPFFRDR
         BZ    CMVQR2
         CLC   SPFOWNER,VMBUSER
         BNE   CMVQR2
         LTR   R7,R7
         BNZ   CMVQR1A
         LA    R1,CMVQRHDR
         LA    R0,L'CMVQRHDR
         CPCALL TRMWRITE
CMVQR1A  LA    R7,1(,R7)
         MVC   CMVLINE,=CL80' '
         MVC   CMVLINE(8),SPFORIG
         LH    R1,SPFID
         LA    R0,4
         LA    R2,CMVLINE+9
         CPCALL CMDDEC
         MVC   CMVLINE+14(1),SPFCLASS
         MVC   CMVLINE+16(3),=C'PUN'
         CLI   SPFFDEV,C'L'
         BNE   CMVQR1B
         MVC   CMVLINE+16(3),=C'PRT'
CMVQR1B  L     R1,SPFRECS
         LA    R0,6
         LA    R2,CMVLINE+20
         CPCALL CMDDEC
         MVC   CMVLINE+27(2),=C'01'
         MVC   CMVLINE+31(4),=C'NONE'
         TM    SPFFLAGS,SPFFHOLD
         BZ    CMVQR1C
         MVC   CMVLINE+31(4),=C'USER'
CMVQR1C  LA    R1,CMVLINE
         LA    R0,35
         CPCALL TRMWRITE
CMVQR2   L     R5,SPFNEXT
         B     CMVQR1
CMVQR9   LTR   R7,R7
         BNZ   CMVQREND
         LA    R1,=C'NO RDR FILES'
         LA    R0,12
         CPCALL TRMWRITE
CMVQREND CPEXIT RC=0
         DROP  R5,R11
CMVQRHDR DC    C'ORIGINID FILE CLASS RECDS  CPY HOLD'
         LTORG
*---------------------------------------------------------------------*
* CMVQVIRT - QUERY VIRTUAL: the virtual machine's storage and every   *
* device, one line each (CMVDLINE).                                   *
*---------------------------------------------------------------------*
CMVQVIRT CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         CPCALL VMSTORSY           "STORAGE = 01024K"
         L     R5,VMBVDEV
CMVQV1   LTR   R5,R5
         BZ    CMVQVEND
         LR    R1,R5
         CPCALL CMVDLINE
         L     R5,VDVNEXT-VDEV(,R5)
         B     CMVQV1
CMVQVEND CPEXIT RC=0
         DROP  R11
         LTORG
*---------------------------------------------------------------------*
* CMVQDEV - QUERY vaddr: the line of one virtual device.              *
* In: R1 -> operands starting with the address, R0 = their length.   *
*---------------------------------------------------------------------*
CMVQDEV  CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         ST    R1,CMVTXT
         ST    R0,CMVLEN
         CPCALL CMVNEXT
         LTR   R15,R15
         BZ    CMVQDNO
         LR    R1,R15
         CPCALL CMVHEXW
         LTR   R15,R15
         BNZ   CMVQDBAD
         LR    R4,R1
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   CMVQDNOD
         CPCALL CMVDLINE
         CPEXIT RC=0
CMVQDNOD LR    R1,R4
         CPCALL CMVNODEV
         CPEXIT
CMVQDNO  CPCALL CMDNOOP
         CPEXIT
CMVQDBAD LA    R1,CMVW
         CPCALL CMDBADOP
         CPEXIT
         LTORG
*---------------------------------------------------------------------*
* CMVDLINE - the QUERY line of a virtual device:                      *
*   CONS 009 ON DEV 020          (or DISCONNECTED)                    *
*   RDR  00C CL * NOHOLD                                              *
*   PUN  00D CL A NOHOLD TO SYSTEM     (or TO userid)                 *
*   DASD 191 3350 S37U01 R/W 005 CYL   (LINK: ... R/O 005 CYL USER1)  *
*   DASD 151 ON DEV 151          (a dedicated device)                 *
* In: R11, R1 -> VDEV.                                                *
*---------------------------------------------------------------------*
CMVDLINE CPENTRY
         L     R10,=A(CMVDATA)
         USING CMVDATA,R10
         USING VMBLOK,R11
         LR    R5,R1
         USING VDEV,R5
         CPCALL CMVNAME
         MVC   CMVLINE,=CL80' '
         MVC   CMVLINE(4),0(R1)
         LH    R1,VDVADDR
         LA    R0,3
         LA    R2,CMVLINE+5
         CPCALL CMDHEX
         LA    R6,CMVLINE+9        where the rest goes
         SR    R1,R1
         IC    R1,VDVKIND
         SLL   R1,2
         L     R15,CMVDLTAB-4(R1)
         BR    R15
CMVDLTAB DC    A(CMVDLCON,CMVDLSPL,CMVDLMD,CMVDLMD,CMVDLDED)
CMVDLCON MVC   0(15,R6),=C'ON DEV xxx     '
         ICM   R2,15,VMBRDEV
         BZ    CMVDLC1
         LH    R1,RDVADDR-RDEV(,R2)
         LA    R0,3
         LA    R2,7(,R6)
         CPCALL CMDHEX
         LA    R6,10(,R6)
         B     CMVDLOUT
CMVDLC1  MVC   0(15,R6),=C'DISCONNECTED   '
         LA    R6,12(,R6)
         B     CMVDLOUT
CMVDLSPL MVC   0(3,R6),=C'CL '
         MVC   3(1,R6),VDVSPCLS
         MVC   4(7,R6),=C' NOHOLD'
         TM    VDVFLAGS,VDVFHOLD
         BZ    CMVDLS1
         MVC   4(7,R6),=C' HOLD  '
CMVDLS1  LA    R6,11(,R6)
         CLC   VDVTYPE,=X'3505'
         BE    CMVDLOUT
         MVC   0(4,R6),=C' TO '
         MVC   4(8,R6),=CL8'SYSTEM'
         CLI   VDVSPTO,C' '
         BE    CMVDLS2
         MVC   4(8,R6),VDVSPTO
CMVDLS2  LA    R6,12(,R6)
         B     CMVDLOUT
CMVDLMD  LH    R1,VDVTYPE          3350 S37U01 R/W 005 CYL
         LA    R0,4
         LR    R2,R6
         CPCALL CMDHEX
         L     R2,VDVRDEV
         MVC   5(6,R6),RDVVOLID-RDEV(R2)
         MVC   12(3,R6),=C'R/W'
         TM    VDVFLAGS,VDVFRO
         BZ    CMVDLM1
         MVC   12(3,R6),=C'R/O'
CMVDLM1  LH    R1,VDVNCYL
         LA    R0,3
         LA    R2,16(,R6)
         CPCALL CMDDEC
         MVC   19(4,R6),=C' CYL'
         LA    R6,23(,R6)
         CLI   VDVKIND,UDVKLINK
         BNE   CMVDLOUT
         MVI   0(R6),C' '
         MVC   1(8,R6),VDVLUSER    whose disk it is
         LA    R6,9(,R6)
         B     CMVDLOUT
CMVDLDED MVC   0(7,R6),=C'ON DEV '
         L     R2,VDVRDEV
         LH    R1,RDVADDR-RDEV(,R2)
         LA    R0,3
         LA    R2,7(,R6)
         CPCALL CMDHEX
         LA    R6,10(,R6)
CMVDLOUT LA    R1,CMVLINE
         LR    R0,R6
         SR    R0,R1
         CPCALL CMDTRIM
         CPCALL TRMWRITE
         CPEXIT RC=0
         DROP  R5,R11
*---------------------------------------------------------------------*
* Data.  Commands run one at a time, at top level: static work areas. *
*---------------------------------------------------------------------*
CMVDATA  DS    0D
CMVTXT   DS    A                   the operands not read yet
CMVLEN   DS    F
CMVW     DS    CL16                the last word read
CMVUSER  DS    CL8
CMVPASS  DS    CL8
CMVMODE  DS    CL2
CMVVOL   DS    CL6
CMVCYL   DS    H
CMVCALLR DS    A                   ATTACH: the caller's VMBLOK
         DS    0D
CMVDW    DS    D
CMVUDEV  DS    XL(UDVLEN)          the UDEV a command builds
CMVLINE  DS    CL80
CMVM040  DC    C'DMKCFM040E DEV vvv DOES NOT EXIST'
CMVM040L EQU   *-CMVM040
CMVM045  DC    C'DMKCFM045E '
CMVM045U DC    CL8' ',C' NOT LOGGED ON'
CMVM045L EQU   *-CMVM045
CMVM053  DC    C'DMKCFM053E '
CMVM053U DC    CL8' ',C' NOT IN CP DIRECTORY'
CMVM053L EQU   *-CMVM053
CMVM113  DC    C'DMKLNK113E '
CMVM113U DC    CL8' ',C' NOT IN CP DIRECTORY'
CMVM113L EQU   *-CMVM113
CMVM121  DC    C'DMKATT121E DEV rrr NOT AVAILABLE'
CMVM121L EQU   *-CMVM121
*        the words DEFINE and SPOOL know, and their device types
CMVDTYPE DC    CL8'READER',X'3505'
         DC    CL8'RDR',X'3505'
         DC    CL8'PUNCH',X'3525'
         DC    CL8'PUN',X'3525'
         DC    CL8'PRINTER',X'1403'
         DC    CL8'PRT',X'1403'
         DC    X'FF'
         LTORG
         DROP  0
