*---------------------------------------------------------------------*
* CMDMISC - the commands that start, stop and talk: IPL, BEGIN,       *
* SYSTEM, DEFINE (STORAGE), MSG, WARNING, EXTERNAL, SHUTDOWN.         *
* Prefix CMM.  Every routine: R11 -> VMBLOK of the user who typed it, *
* R1 -> operands, R0 = their length; R15 = 0 or the message number.   *
*---------------------------------------------------------------------*
CMDMISC  CSECT
*---------------------------------------------------------------------*
* CMMIPL - IPL [vaddr] [CLEAR]: IPL the virtual machine from one of   *
* its devices (VIOIPL) and let it run.  Without vaddr: the device of  *
* the directory's IPL statement.  CLEAR clears storage first.         *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMIPL   CPENTRY
         USING VMBLOK,R11
         LA    R2,CMMIWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BNZ   CMMI020
         LA    R1,VMBUSER          no device: the directory's
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   CMMI080
         USING UDIR,R1
         MVC   CMMIWORD(8),UDRIPL
         DROP  R1
         L     R0,=F'4096'         (DIRFIND's copy of the record)
         CPCALL FREERET
         LA    R1,CMMIWORD
         LA    R0,8
         CPCALL CMDTRIM
         LTR   R15,R0
         BZ    CMMI080             no IPL statement either
         SR    R0,R0               nothing after it
CMMI020  LR    R4,R1               what follows the device
         LR    R5,R0
         LA    R1,CMMIWORD
         LR    R0,R15
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMMI070             not a device address
         C     R1,=F'4095'
         BH    CMMI070
         LR    R6,R1               the device
         CPCALL VDVFIND
         LTR   R15,R15
         BNZ   CMMI075
         LR    R1,R4               CLEAR?
         LR    R0,R5
         LA    R2,CMMIWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMMI030
         CLC   CMMIWORD,=CL16'CLEAR'
         BNE   CMMI060
         TM    VMBSTATE,VMBSCPMD   (stop it first)
         BO    CMMI025
         CPCALL VMSTOP
CMMI025  LA    R0,1
         CPCALL VMRESET
CMMI030  TM    VMBSTATE,VMBSCPMD   the VM stops while it IPLs
         BO    CMMI035
         CPCALL VMSTOP
CMMI035  LR    R1,R6
         CPCALL VIOIPL
         LTR   R15,R15
         BNZ   CMMI090
         CPCALL DSPBEGIN
         CPEXIT RC=0
CMMI090  CPEXIT RC=41              (VIOIPL wrote why)
CMMI060  LA    R1,CMMIWORD         DMKCFC003E INVALID OPTION
         CPCALL CMDBADOP
         CPEXIT
CMMI070  LA    R1,CMMM022          DMKCFG022E VADDR MISSING ...
         CPCALL CMDSAY
         CPEXIT RC=22
CMMI075  LR    R1,R6               DMKCFG040E DEV vvv DOES NOT EXIST
         CPCALL CMMNODEV
         CPEXIT
CMMI080  CPCALL CMDNOOP            no device, no IPL statement
         CPEXIT
         DROP  R11
CMMIWORD DS    CL16
CMMM022  DC    AL1(L'CMMM022T)
CMMM022T DC    C'DMKCFG022E VADDR MISSING OR INVALID'
         LTORG
*---------------------------------------------------------------------*
* CMMNODEV - DMKCFG040E DEV vvv DOES NOT EXIST.                       *
* In: R11, R1 = the device address.  Out: R15 = 40.                   *
*---------------------------------------------------------------------*
CMMNODEV CPENTRY
         LA    R2,CMMNDEV
         LA    R0,3
         CPCALL CMDHEX
         LA    R1,CMMNMSG
         LA    R0,CMMNMSGL
         CPCALL TRMWRITE
         CPEXIT RC=40
CMMNMSG  DC    C'DMKCFG040E DEV '
CMMNDEV  DC    C'000 DOES NOT EXIST'
CMMNMSGL EQU   *-CMMNMSG
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMMBEGIN - BEGIN [hexloc]: leave CP mode; the VM runs from its      *
* virtual PSW (or from hexloc).                                       *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMBEGIN CPENTRY
         USING VMBLOK,R11
         LA    R2,CMMBWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMMB020
         LA    R1,CMMBWORD
         LR    R0,R15
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMMB080
         C     R1,=X'00FFFFFF'
         BH    CMMB080
         ST    R1,CMMBADDR         the PSW's instruction address
         MVC   VMBPSW+5(3),CMMBADDR+1
CMMB020  CPCALL DSPBEGIN
         CPEXIT RC=0
CMMB080  LA    R1,CMMBWORD
         CPCALL CMDBADOP
         CPEXIT
         DROP  R11
CMMBWORD DS    CL16
CMMBADDR DS    F
         LTORG
*---------------------------------------------------------------------*
* CMMSYS - SYSTEM RESET | CLEAR: reset the virtual machine (CLEAR:    *
* and its storage).  It stays in CP mode.                             *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMSYS   CPENTRY
         USING VMBLOK,R11
         LA    R2,CMMSWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMMS080
         LA    R3,0                RESET
         LA    R4,CMMSRES
         CLC   CMMSWORD,=CL16'RESET'
         BE    CMMS010
         LA    R3,1                CLEAR
         LA    R4,CMMSCLR
         CLC   CMMSWORD,=CL16'CLEAR'
         BNE   CMMS070
CMMS010  TM    VMBSTATE,VMBSCPMD
         BO    CMMS020
         CPCALL VMSTOP
CMMS020  LR    R0,R3
         CPCALL VMRESET
         LR    R1,R4
         CPCALL CMDSAY
         CPEXIT RC=0
CMMS070  LA    R1,CMMSWORD
         CPCALL CMDBADOP
         CPEXIT
CMMS080  CPCALL CMDNOOP
         CPEXIT
         DROP  R11
CMMSWORD DS    CL16
CMMSRES  DC    AL1(L'CMMSREST)
CMMSREST DC    C'SYSTEM RESET'
CMMSCLR  DC    AL1(L'CMMSCLRT)
CMMSCLRT DC    C'STORAGE CLEARED - SYSTEM RESET'
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMMDEF - DEFINE STORAGE nnnnK | nnM: a new storage size (a multiple *
* of 64K, at most the directory's maximum), checked; VMDEFSTG         *
* (cpcore) resets the VM with it.  Other DEFINEs (devices) are        *
* cpio's: CMVDEF.                                                     *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMDEF   CPENTRY
         USING VMBLOK,R11
         LR    R4,R1               keep the operands for CMVDEF
         LR    R5,R0
         LA    R2,CMMDWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMMD080
         CLC   CMMDWORD,=CL16'STORAGE'
         BE    CMMD010
         CLC   CMMDWORD,=CL16'STOR'
         BE    CMMD010
         LR    R1,R4               a device: cpio
         LR    R0,R5
         CPCALL CMVDEF
         CPEXIT
CMMD010  LA    R2,CMMDWORD         the size
         CPCALL CMDTOKEN
         LTR   R6,R15
         BZ    CMMD080
         BCTR  R6,0                the unit: K or M
         LA    R7,CMMDWORD(R6)
         LA    R8,10               K: 2**10
         CLI   0(R7),C'K'
         BE    CMMD020
         LA    R8,20               M: 2**20
         CLI   0(R7),C'M'
         BNE   CMMD070
CMMD020  LA    R1,CMMDWORD
         LR    R0,R6
         CPCALL CMDDECIN
         LTR   R15,R15
         BNZ   CMMD070
         C     R1,=F'16384'        no more than 16M anyway
         BH    CMMD070
         SLL   R1,0(R8)            bytes
         LTR   R9,R1
         BZ    CMMD070
         N     R1,=X'0000FFFF'     a multiple of 64K
         BNZ   CMMD070
         LA    R1,VMBUSER          at most the directory's maximum
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   CMMD070
         L     R3,UDRMAXS-UDIR(,R1)
         L     R0,=F'4096'         (DIRFIND's copy of the record)
         CPCALL FREERET
         CR    R9,R3
         BH    CMMD075
         LR    R1,R9               the VM is reset with it (cpcore)
         CPCALL VMDEFSTG
         CPEXIT RC=0
CMMD070  LA    R1,CMMDWORD
         CPCALL CMDBADOP
         CPEXIT
CMMD075  LA    R1,CMMM094          DMKDEF094E STORAGE EXCEEDS ...
         CPCALL CMDSAY
         CPEXIT RC=94
CMMD080  CPCALL CMDNOOP
         CPEXIT
         DROP  R11
CMMDWORD DS    CL16
CMMM094  DC    AL1(L'CMMM094T)
CMMM094T DC    C'DMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM'
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMMMSG - MSG userid|*|OP text: "MSG FROM sender: text" on the       *
* user's terminal (OP: the operator's console).                       *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMMSG   CPENTRY
         LA    R2,CMMGWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMMG080
         C     R15,=F'8'
         BH    CMMG070
         LR    R4,R1               the text
         LR    R5,R0
         MVC   CMMGHDR,=C'MSG FROM '
         SR    R3,R3               OP: the operator's console
         CLC   CMMGWORD,=CL16'OP'
         BE    CMMG020
         LR    R3,R11              * : the sender
         CLC   CMMGWORD,=CL16'*'
         BE    CMMG020
         LA    R1,CMMGWORD
         CPCALL LGNFINDU
         LTR   R15,R15
         BNZ   CMMG070
         LR    R3,R1
CMMG020  LR    R1,R4
         LR    R0,R5
         CPCALL CMMSEND            R3 -> VMBLOK or 0
         CPEXIT
CMMG070  LA    R2,CMMGWORD         DMKMSG045E userid NOT LOGGED ON
         CPCALL CMMNOTON
         CPEXIT
CMMG080  CPCALL CMDNOOP
         CPEXIT
CMMGWORD DS    CL16
         LTORG
*---------------------------------------------------------------------*
* CMMNOTON - DMKMSG045E userid NOT LOGGED ON.                         *
* In: R11, R2 -> CL8 userid.  Out: R15 = 45.                          *
*---------------------------------------------------------------------*
CMMNOTON CPENTRY
         LA    R1,CMMM045
         LA    R3,CMMM045A
         CPCALL CMDSAYW
         CPEXIT RC=45
CMMM045  DC    AL1(11),C'DMKMSG045E '
CMMM045A DC    AL1(14),C' NOT LOGGED ON'
*---------------------------------------------------------------------*
* CMMSEND - send "hdr sender: text" to a user's terminal.             *
* In: R11 -> sender's VMBLOK (0: OPERATOR), R3 -> the receiver's      *
* VMBLOK (0: the operator's console), R1 -> text, R0 = length,        *
* CMMGHDR = "MSG FROM " or "WNG FROM ".  Out: R15 = 0, or 57 (the     *
* receiver is disconnected).  Registers: R0 R1 R14 R15.               *
*---------------------------------------------------------------------*
CMMSEND  CPENTRY
         LR    R4,R1
         LR    R5,R0
         C     R5,=F'100'          (a long text is cut)
         BNH   CMMX010
         LA    R5,100
CMMX010  MVC   CMMGUSER,=CL8'OPERATOR'
         LTR   R11,R11
         BZ    CMMX020
         MVC   CMMGUSER,VMBUSER-VMBLOK(R11)
CMMX020  LTR   R5,R5
         BZ    CMMX030
         BCTR  R5,0
         EX    R5,CMMGMVC
         LA    R5,1(,R5)
CMMX030  LA    R0,CMMGTEXT-CMMGHDR(,R5)
         LA    R1,CMMGHDR
         LTR   R3,R3
         BZ    CMMX050             to the operator
         ICM   R2,15,VMBRDEV-VMBLOK(R3)
         BZ    CMMX060
         LR    R6,R11
         LR    R11,R3
         CPCALL TRMWRITE
         LR    R11,R6
         CPEXIT RC=0
CMMX050  CPCALL TRMOPER
         CPEXIT RC=0
CMMX060  LA    R2,VMBUSER-VMBLOK(,R3)  DMKMSG057W ... DISCONNECTED
         LA    R1,CMMM057
         LA    R3,CMMM057A
         CPCALL CMDSAYW
         CPEXIT RC=57
CMMGMVC  MVC   CMMGTEXT(0),0(R4)
CMMGHDR  DC    C'MSG FROM '
CMMGUSER DC    CL8' ',C': '
CMMGTEXT DS    CL100
CMMM057  DC    AL1(11),C'DMKMSG057W '
CMMM057A DC    AL1(28),C' NOT RECEIVING; DISCONNECTED'
         LTORG
*---------------------------------------------------------------------*
* CMMWARN - WARNING userid|ALL text (class A, B): "WNG FROM sender:   *
* text" to one user or to every user.                                 *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMWARN  CPENTRY
         LA    R2,CMMWWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMMW080
         C     R15,=F'8'
         BH    CMMW070
         LR    R4,R1
         LR    R5,R0
         L     R1,=A(CMMGHDR)
         MVC   0(9,R1),=C'WNG FROM '
         CLC   CMMWWORD,=CL16'ALL'
         BE    CMMW020
         LA    R1,CMMWWORD
         CPCALL LGNFINDU
         LTR   R15,R15
         BNZ   CMMW070
         LR    R3,R1
         LR    R1,R4
         LR    R0,R5
         CPCALL CMMSEND
         B     CMMW090
CMMW020  L     R3,PSAVMCHN-PSA     every user connected
CMMW030  LTR   R3,R3
         BZ    CMMW090
         ICM   R0,15,VMBRDEV-VMBLOK(R3)
         BZ    CMMW040
         LR    R1,R4
         LR    R0,R5
         CPCALL CMMSEND
CMMW040  L     R3,VMBNEXT-VMBLOK(,R3)
         B     CMMW030
CMMW070  LA    R2,CMMWWORD         DMKMSG045E userid NOT LOGGED ON
         CPCALL CMMNOTON
         CPEXIT
CMMW080  CPCALL CMDNOOP
         CPEXIT
CMMW090  L     R1,=A(CMMGHDR)
         MVC   0(9,R1),=C'MSG FROM '
         CPEXIT RC=0
CMMWWORD DS    CL16
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMMEXT - EXTERNAL [code]: the interrupt key (code X'0040', or the   *
* hexadecimal code given): a virtual external interruption, and the   *
* VM runs again.                                                      *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMEXT   CPENTRY
         LA    R2,CMMEWORD
         CPCALL CMDTOKEN
         LA    R1,X'40'
         LTR   R15,R15
         BZ    CMME020
         LA    R1,CMMEWORD
         LR    R0,R15
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMME080
         C     R1,=F'65535'
         BH    CMME080
CMME020  CPCALL VINTEXT
         CPCALL DSPBEGIN
         CPEXIT RC=0
CMME080  LA    R1,CMMEWORD
         CPCALL CMDBADOP
         CPEXIT
CMMEWORD DS    CL16
         LTORG
*---------------------------------------------------------------------*
* CMMSHUT - SHUTDOWN (class A): tell every user, let the terminals'   *
* output drain, and stop the real machine in a disabled wait with     *
* code X'961' after DMKCKP961W on the operator's console.             *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMMSHUT  CPENTRY
         L     R3,PSAVMCHN-PSA     every user: SYSTEM SHUTDOWN
CMMU010  LTR   R3,R3
         BZ    CMMU020
         LR    R6,R11
         LR    R11,R3
         LA    R1,CMMUUSR
         CPCALL CMDSAY
         LR    R11,R6
         L     R3,VMBNEXT-VMBLOK(,R3)
         B     CMMU010
CMMU020  LA    R1,CMMUEND          the operator
         LA    R0,L'CMMUEND
         CPCALL TRMOPER
         CPCALL TRMDRAIN           all written
         LPSW  CMMUWAIT
         DS    0D
CMMUWAIT DC    X'000A0000',X'00000961'
CMMUUSR  DC    AL1(L'CMMUUSRT)
CMMUUSRT DC    C'DMKCKP960I SYSTEM SHUTDOWN STARTED'
CMMUEND  DC    C'DMKCKP961W SYSTEM SHUTDOWN COMPLETE'
         LTORG
