*---------------------------------------------------------------------*
* LOGON - LOGON, the password, LOGOFF, DISCONNECT, FORCE and the      *
* autolog of OPERATOR at IPL.  Prefix LGN.                            *
*                                                                     *
* The dialogue on a terminal with no user: "LOGON userid" (LGNCMD,    *
* through CMDEXEC) looks the user up in the directory and asks for    *
* the password (3215: a mask line, 3270: a non-display input field),  *
* the next line (LGNPASS) is checked, and the user's virtual machine  *
* is built (VMCREATE) - or, when the user is logged on but            *
* disconnected, the terminal is connected to it again.  A wrong       *
* password is told to the user and logged on the operator's console.  *
* LOGOFF deletes the virtual machine at top level (queued with CPEXQ: *
* the command may run inside the guest's own DIAGNOSE X'08').         *
*---------------------------------------------------------------------*
LOGON    CSECT
*---------------------------------------------------------------------*
* LGNCMD - the LOGON (LOGIN) command, on a terminal with no user      *
* (CMDTAB's NOUSER rows: a user logged on does not reach it).         *
* In: R11 = 0, R1 -> operands, R0 = length (the terminal: TRMCURT).   *
* Out: R15 = 0 or the message number.  Registers: R0 R1 R14 R15.      *
*---------------------------------------------------------------------*
LGNCMD   CPENTRY
         L     R4,=A(TRMCURT)      the terminal
         ICM   R4,15,0(R4)
         BZ    LGNC080
         USING TRMBLOK,R4
         LA    R2,LGNWORD          the userid
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    LGNC010
         C     R15,=F'8'
         BNH   LGNC020
LGNC010  LA    R1,LGNM020          DMKLOG020E
         CPCALL CMDSAY
         CPEXIT RC=20
LGNC020  LA    R1,LGNWORD
         CPCALL DIRFIND
         LTR   R15,R15
         BZ    LGNC030
         LA    R1,LGNM053          DMKLOG053E userid NOT IN ...
         LA    R2,LGNWORD
         LA    R3,LGNM053A
         CPCALL CMDSAYW
         CPEXIT RC=53
LGNC030  L     R0,=F'4096'         (DIRFIND's copy of the record)
         CPCALL FREERET
         MVC   TRMLOGID,LGNWORD
         MVI   TRMSTATE,TRMSPASS
         LA    R1,LGNMPASS         ENTER PASSWORD:
         CPCALL CMDSAY
         TM    TRMFLAGS,TRMF3270
         BO    LGNC040
         LA    R1,LGNMASK          3215: the mask to type over
         CPCALL CMDSAY
         CPEXIT RC=0
LGNC040  LR    R2,R4               3270: the field non-display
         LA    R0,X'4C'
         CPCALL TRMINPF
         CPEXIT RC=0
LGNC080  L     R1,=A(CMDUNKN)      (not from a terminal)
         CPCALL CMDSAY
         CPEXIT RC=1
         DROP  R4
LGNWORD  DS    CL16
LGNM020  DC    AL1(L'LGNM020T)
LGNM020T DC    C'DMKLOG020E USERID MISSING OR INVALID'
LGNM053  DC    AL1(11),C'DMKLOG053E '
LGNM053A DC    AL1(20),C' NOT IN CP DIRECTORY'
LGNMPASS DC    AL1(L'LGNMPAST)
LGNMPAST DC    C'ENTER PASSWORD:'
LGNMASK  DC    AL1(L'LGNMASKT)
LGNMASKT DC    C'XXXXXXXX'
         LTORG
         EJECT
*---------------------------------------------------------------------*
* LGNPASS - the line typed after ENTER PASSWORD: check it and log on. *
* In: R2 -> TRMBLOK, R1 -> text, R0 = length.  Out: R15 = 0 or the    *
* message number.  Registers: R0 R1 R14 R15.                          *
*---------------------------------------------------------------------*
LGNPASS  CPENTRY
         USING TRMBLOK,R2
         LR    R3,R2
         LA    R2,LGNPWD
         CPCALL CMDTOKEN           the password, upper case
         LR    R2,R3
         LR    R4,R15              its length
         MVI   TRMSTATE,TRMSLOGO   whatever happens: LOGON again
         TM    TRMFLAGS,TRMF3270
         BZ    LGNP010
         LA    R0,X'40'            3270: the field visible again
         CPCALL TRMINPF
LGNP010  LA    R1,TRMLOGID
         CPCALL DIRFIND            (a copy of the record: R5)
         LTR   R15,R15
         BNZ   LGNP080
         LR    R5,R1
         USING UDIR,R5
         C     R4,=F'8'
         BH    LGNP070
         LTR   R4,R4
         BZ    LGNP070
         CLC   UDRPASS,=CL8'NOLOG'
         BE    LGNP070
         CLC   UDRPASS,LGNPWD
         BNE   LGNP070
         DROP  R5
         SR    R3,R3               not an autolog
         LR    R1,R5
         CPCALL LGNDOIT            (it frees the record)
         CPEXIT
LGNP070  LR    R1,R5
         L     R0,=F'4096'
         CPCALL FREERET
LGNP080  LA    R1,LGNM050          DMKLOG050E to the user
         CPCALL CMDSAY
         MVC   LGNM051U,TRMLOGID   and to the operator
         LA    R1,LGNM051D
         CPCALL LGNDEVN
         LA    R1,LGNM051
         LA    R0,LGNM051L
         CPCALL TRMOPER
         CPEXIT RC=50
         DROP  R2
LGNPWD   DS    CL16
LGNM050  DC    AL1(LGNM050E-LGNM050T)
LGNM050T DC    C'DMKLOG050E PASSWORD INCORRECT - '
         DC    C'REINITIATE LOGON PROCEDURE'
LGNM050E EQU   *
LGNM051  DC    C'DMKLOG051I LOGON FAILED: '
LGNM051U DC    CL8' ',C' '
LGNM051D DC    CL8' ',C' PASSWORD INCORRECT'
LGNM051L EQU   *-LGNM051
         LTORG
         EJECT
*---------------------------------------------------------------------*
* LGNDOIT - log a user on at a terminal: connect to the VM when the   *
* user is disconnected, else build the VM (VMCREATE), tell the user   *
* and the operator, and IPL what the directory's IPL statement says.  *
* In: R2 -> TRMBLOK, R1 -> UDIR (DIRFIND's copy: freed here), R3 = 0, *
* or 1 for an autolog (the TRMBLOK is then the operator's console).   *
* Out: R15 = 0 or the message number.  Registers: R0 R1 R14 R15.      *
*---------------------------------------------------------------------*
LGNDOIT  CPENTRY
         USING TRMBLOK,R2
         LR    R4,R1
         USING UDIR,R4
         L     R1,=A(TRMCURT)      answers go to this terminal
         MVC   LGNDCUR,0(R1)
         ST    R2,0(,R1)
         LA    R1,UDRUSER          logged on already?
         CPCALL LGNFINDU
         LTR   R15,R15
         BNZ   LGND030
         LR    R11,R1
         USING VMBLOK,R11
         ICM   R0,15,VMBRDEV
         BZ    LGND020             disconnected: reconnect
         LR    R5,R2               DMKLOG054E ALREADY LOGGED ON ...
         CPCALL TRMFIND
         LR    R2,R1
         LA    R1,LGNM054D
         CPCALL LGNDEVN
         LR    R2,R5
         SR    R11,R11
         LA    R1,LGNM054
         LA    R0,LGNM054L
         CPCALL TRMWRITE
         LA    R15,54
         B     LGND090
LGND020  MVC   VMBRDEV,TRMRDEV     reconnect
         ST    R11,TRMVMB
         MVI   TRMSTATE,TRMSUSER
         L     R1,TRMRDEV
         ST    R11,RDVUSER-RDEV(,R1)
         TM    TRMFLAGS,TRMF3270
         BZ    LGND025
         CPCALL TRMCLEAR           a fresh screen
LGND025  LA    R1,LGNTRCON         RECONNECTED AT ...
         CPCALL LGNSTAMP
         CPCALL TRMREPLY           what was written meanwhile
         LA    R1,LGNTRCOO
         CPCALL LGNOPMSG           GRAF 0C0 RECONNECT userid ...
         SR    R15,R15
         B     LGND090
LGND030  MVC   LGNDIPL,UDRIPL      build the VM
         LR    R1,R4
         SR    R11,R11
         CPCALL VMCREATE
         LTR   R15,R15
         BNZ   LGND080
         LTR   R11,R11             the VMBLOK: in R11 or in R1
         BNZ   LGND035
         LR    R11,R1
LGND035  DS    0H
         MVC   VMBRDEV,TRMRDEV
         ST    R11,TRMVMB
         MVI   TRMSTATE,TRMSUSER
         L     R1,TRMRDEV
         ST    R11,RDVUSER-RDEV(,R1)
         STCK  VMBLOGTM
         TM    TRMFLAGS,TRMF3270
         BZ    LGND050
         CPCALL TRMCLEAR           a fresh screen
LGND050  LA    R1,LGNTLMSG         LOGMSG - time
         CPCALL LGNSTAMP
         LA    R1,LGNTLOG          LOGON AT time
         CPCALL LGNSTAMP
         LA    R1,LGNTLOGA         GRAF 0C0 LOGON AS userid ...
         CPCALL LGNOPMSG
         CLC   LGNDIPL,=CL8' '     the directory's IPL statement
         BE    LGND060
         LA    R1,LGNDIPL
         LA    R0,L'LGNDIPL
         CPCALL CMDTRIM
         CPCALL CMMIPL
LGND060  CPCALL TRMSHOW            CP READ
         SR    R15,R15
         B     LGND090
LGND080  LA    R1,LGNM055          VMCREATE failed (message given)
         CPCALL CMDSAY
         LA    R15,55
LGND090  LR    R6,R15
         LR    R1,R4               the directory record's copy
         L     R0,=F'4096'
         CPCALL FREERET
         LR    R15,R6
         L     R1,=A(TRMCURT)
         MVC   0(4,R1),LGNDCUR
         CPEXIT
         DROP  R2,R4,R11
LGNDCUR  DS    A
LGNDIPL  DS    CL8
LGNM054  DC    C'DMKLOG054E ALREADY LOGGED ON '
LGNM054D DC    CL8' '
LGNM054L EQU   *-LGNM054
LGNM055  DC    AL1(L'LGNM055T)
LGNM055T DC    C'DMKLOG055E LOGON FAILED: NO STORAGE OR DEVICES'
LGNTRCON DC    AL1(L'LGNTRCOT)
LGNTRCOT DC    C'RECONNECTED AT'
LGNTRCOO DC    AL1(L'LGNTRCOP)
LGNTRCOP DC    C'RECONNECT'
LGNTLMSG DC    AL1(L'LGNTLMST)
LGNTLMST DC    C'LOGMSG -'
LGNTLOG  DC    AL1(L'LGNTLOGT)
LGNTLOGT DC    C'LOGON AT'
LGNTLOGA DC    AL1(L'LGNTLOAT)
LGNTLOAT DC    C'LOGON AS'
         LTORG
         EJECT
*---------------------------------------------------------------------*
* LGNSTAMP - write "words hh:mm:ss GMT weekday mm/dd/yy" to the user. *
* In: R11, R1 -> AL1(length),C'words'.  Registers: R0 R1 R14 R15.     *
*---------------------------------------------------------------------*
LGNSTAMP CPENTRY
         MVC   LGNSBUF,=CL64' '
         SR    R3,R3
         IC    R3,0(,R1)
         BCTR  R3,0
         EX    R3,LGNSMVC
         LA    R1,LGNSBUF+2(R3)    after the words and a blank
         CPCALL LGNTIME            R0 -> after the time
         LA    R1,LGNSBUF
         SR    R0,R1
         CPCALL TRMWRITE
         CPEXIT RC=0
LGNSMVC  MVC   LGNSBUF(0),1(R1)
LGNSBUF  DS    CL64
         LTORG
*---------------------------------------------------------------------*
* LGNOPMSG - tell the operator: "GRAF 0C0 words userid USERS = nnn".  *
* In: R11 -> VMBLOK, R1 -> AL1(length),C'words'.                      *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
LGNOPMSG CPENTRY
         USING VMBLOK,R11
         LR    R3,R1
         MVC   LGNOBUF,=CL64' '
         LA    R1,LGNOBUF          the terminal
         MVC   0(8,R1),=CL8'DSC'
         CPCALL TRMFIND
         LTR   R15,R15
         BNZ   LGNO010
         LR    R2,R1
         LA    R1,LGNOBUF
         CPCALL LGNDEVN
LGNO010  SR    R4,R4               the words
         IC    R4,0(,R3)
         BCTR  R4,0
         EX    R4,LGNOMVC
         LA    R5,LGNOBUF+11(R4)   the userid
         MVC   0(8,R5),VMBUSER
         MVC   9(8,R5),=C'USERS = '
         CPCALL LGNUSERS
         TM    VMBSTATE,VMBSLOGF   not counting one logging off
         BZ    LGNO020
         BCTR  R1,0
LGNO020  DS    0H
         LA    R2,17(,R5)
         LA    R0,3
         CPCALL CMDDEC
         LA    R0,20(,R5)
         LA    R1,LGNOBUF
         SR    R0,R1
         CPCALL TRMOPER
         CPEXIT RC=0
         DROP  R11
LGNOMVC  MVC   LGNOBUF+9(0),1(R3)
LGNOBUF  DS    CL64
         LTORG
*---------------------------------------------------------------------*
* LGNDEVN - a terminal's name as VM/370 printed it: "LINE 020" for a  *
* line-mode terminal, "GRAF 0C0" for a display.                       *
* In: R2 -> TRMBLOK, R1 -> CL8 out.  Registers: R0 R1 R14 R15.        *
*---------------------------------------------------------------------*
LGNDEVN  CPENTRY
         USING TRMBLOK,R2
         LR    R3,R1
         MVC   0(5,R3),=C'LINE '
         TM    TRMFLAGS,TRMF3270
         BZ    LGNN010
         MVC   0(5,R3),=C'GRAF '
LGNN010  LH    R1,TRMADDR
         LA    R0,3
         LR    R4,R2
         LA    R2,5(,R3)
         CPCALL CMDHEX
         LR    R2,R4
         CPEXIT RC=0
         DROP  R2
         LTORG
*---------------------------------------------------------------------*
* LGNUSERS - the number of users logged on.                           *
* Out: R1 = count.  Registers: R0 R1 R14 R15.                         *
*---------------------------------------------------------------------*
LGNUSERS CPENTRY
         USING PSA,0
         SR    R1,R1
         L     R3,PSAVMCHN
LGNU010  LTR   R3,R3
         BZ    LGNU090
         LA    R1,1(,R1)
         L     R3,VMBNEXT-VMBLOK(,R3)
         B     LGNU010
LGNU090  CPEXIT RC=0
         DROP  0
*---------------------------------------------------------------------*
* LGNFINDU - the VMBLOK of a user logged on.                          *
* In: R1 -> CL8 userid.  Out: R1 -> VMBLOK, or R15 = 4 (not logged    *
* on).  Registers: R0 R1 R14 R15.                                     *
*---------------------------------------------------------------------*
LGNFINDU CPENTRY
         USING PSA,0
         L     R3,PSAVMCHN
         DROP  0
         USING VMBLOK,R3
LGNF010  LTR   R3,R3
         BZ    LGNF090
         CLC   VMBUSER,0(R1)
         BE    LGNF020
         L     R3,VMBNEXT
         B     LGNF010
LGNF020  LR    R1,R3
         CPEXIT RC=0
LGNF090  CPEXIT RC=4
         DROP  R3
         EJECT
*---------------------------------------------------------------------*
* LGNTIME - the time of day as VM/370 showed it:                      *
* "hh:mm:ss GMT weekday mm/dd/yy" (the TOD clock is taken as UTC).    *
* In: R1 -> where (at least 30 bytes).  Out: R0 -> the byte after it. *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
LGNTIME  CPENTRY
         LR    R8,R1               R8 -> output
         STCK  LGNTTOD
         LM    R0,R1,LGNTTOD       from 2000-01-01 00:00:00 on, the
         SL    R1,=X'48000000'     seconds fit in 31 bits
         BC    3,LGNT010           no borrow
         SL    R0,=F'1'
LGNT010  SL    R0,=X'B361183F'
         LTR   R0,R0
         BNM   LGNT015
         SR    R0,R0               a clock before 2000: 2000
         SR    R1,R1
LGNT015  SRDL  R0,12               microseconds
         D     R0,=F'1000000'      R1 = seconds since 2000
         SR    R0,R0
         D     R0,=F'86400'        R1 = days, R0 = second of the day
         LR    R9,R1               days
         LR    R1,R0
         SR    R0,R0
         D     R0,=F'3600'
         LR    R6,R0               the rest of the hour
         LA    R2,0(,R8)           hh
         LA    R0,2
         CPCALL CMDDEC
         SR    R0,R0
         LR    R1,R6
         D     R0,=F'60'
         LR    R6,R0
         LA    R2,3(,R8)           mm
         LA    R0,2
         CPCALL CMDDEC
         LR    R1,R6
         LA    R2,6(,R8)           ss
         LA    R0,2
         CPCALL CMDDEC
         MVI   2(R8),C':'
         MVI   5(R8),C':'
         MVC   8(5,R8),=C' GMT '
         LA    R1,6(,R9)           weekday: 2000-01-01 a Saturday
         SR    R0,R0
         D     R0,=F'7'
         MH    R0,=H'10'
         LA    R1,LGNTDAYS
         AR    R1,R0
         MVC   13(10,R8),0(R1)     (name, blank padded)
         LA    R7,13(,R8)          past the name
LGNT020  CLI   0(R7),C' '
         BE    LGNT030
         LA    R7,1(,R7)
         B     LGNT020
LGNT030  LA    R7,1(,R7)           R7 -> mm/dd/yy
         LR    R1,R9               4-year cycles of 1461 days
         SR    R0,R0
         D     R0,=F'1461'
         SLL   R1,2                R1 = year - 2000, R0 = day
         LA    R5,1                leap year
         C     R0,=F'366'
         BL    LGNT040
         SH    R0,=H'366'
         LR    R3,R1
         LR    R1,R0
         SR    R0,R0
         D     R0,=F'365'
         LA    R1,1(R1,R3)
         SR    R5,R5               not a leap year
LGNT040  LR    R6,R1               the year (0-99)
         LA    R3,LGNTMON          the month
         LA    R4,1
LGNT050  SR    R1,R1
         IC    R1,0(,R3)
         C     R4,=F'2'
         BNE   LGNT060
         AR    R1,R5               February of a leap year
LGNT060  CR    R0,R1
         BL    LGNT070
         SR    R0,R1
         LA    R3,1(,R3)
         LA    R4,1(,R4)
         B     LGNT050
LGNT070  LR    R9,R0               the day - 1
         LR    R1,R4
         LR    R2,R7
         LA    R0,2
         CPCALL CMDDEC
         LA    R1,1(,R9)
         LA    R2,3(,R7)
         LA    R0,2
         CPCALL CMDDEC
         LR    R1,R6
         LA    R2,6(,R7)
         LA    R0,2
         CPCALL CMDDEC
         MVI   2(R7),C'/'
         MVI   5(R7),C'/'
         LA    R0,8(,R7)
         CPEXIT RC=0
         DS    0D
LGNTTOD  DS    D
LGNTDAYS DC    CL10'SUNDAY',CL10'MONDAY',CL10'TUESDAY'
         DC    CL10'WEDNESDAY',CL10'THURSDAY',CL10'FRIDAY'
         DC    CL10'SATURDAY'
LGNTMON  DC    AL1(31,28,31,30,31,30,31,31,30,31,30,31)
         LTORG
         EJECT
*---------------------------------------------------------------------*
* LGNOFF - the LOGOFF (LOGOUT) command: say goodbye, stop the VM and  *
* queue LGNFINI, which deletes it at top level.                       *
* In: R11 -> VMBLOK, R1 -> operands, R0 = length.  Out: R15 = 0.      *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
LGNOFF   CPENTRY
         LA    R1,LGNTOFFA         GRAF 0C0 LOGOFF AS ...
         CPCALL LGNBYE
         CPEXIT RC=0
LGNTOFFA DC    AL1(L'LGNTOFAT)
LGNTOFAT DC    C'LOGOFF AS'
*---------------------------------------------------------------------*
* LGNBYE - log a user off: LOGOFF AT to the user, the words to the    *
* operator, VMSTOP, LGNFINI queued.                                   *
* In: R11 -> VMBLOK, R1 -> AL1(length),C'words for the operator'.     *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
LGNBYE   CPENTRY
         USING VMBLOK,R11
         LR    R3,R1
         TM    VMBSTATE,VMBSLOGF   on its way out already
         BO    LGNB090
         CPCALL LGNCONN            CONNECT= ... VIRTCPU= ...
         LA    R1,LGNTLOFF         LOGOFF AT time
         CPCALL LGNSTAMP
         TM    VMBSTATE,VMBSCPMD
         BO    LGNB010
         CPCALL VMSTOP
LGNB010  OI    VMBSTATE,VMBSLOGF
         LR    R1,R3               the operator: one user less
         CPCALL LGNOPMSG
         L     R1,=A(LGNFINI)
         LR    R0,R11
         CPCALL CPEXQ
LGNB090  CPEXIT RC=0
         DROP  R11
LGNTLOFF DC    AL1(L'LGNTLOFT)
LGNTLOFT DC    C'LOGOFF AT'
         LTORG
*---------------------------------------------------------------------*
* LGNFINI - delete a VM logged off (top level, queued by LGNBYE) and  *
* show its terminal the logo.                                         *
* In: R0 -> VMBLOK.  Registers: R0 R1 R14 R15.                        *
*---------------------------------------------------------------------*
LGNFINI  CPENTRY
         LR    R11,R0
         USING VMBLOK,R11
         CPCALL TRMFIND
         SR    R2,R2
         LTR   R15,R15
         BNZ   LGNI010
         LR    R2,R1
         USING TRMBLOK,R2
         XC    TRMVMB,TRMVMB
         L     R1,TRMRDEV
         XC    RDVUSER-RDEV(4,R1),RDVUSER-RDEV(R1)
LGNI010  XC    VMBRDEV,VMBRDEV
         CPCALL TRMREPLY           lines kept for it: freed
         CPCALL VMDELETE
         LTR   R2,R2
         BZ    LGNI090
         CPCALL TRMLOGO
LGNI090  CPEXIT RC=0
         DROP  R2,R11
*---------------------------------------------------------------------*
* LGNDISC - the DISCONNECT command: the VM goes on without a          *
* terminal; the terminal shows the logo again.                        *
* In: R11 -> VMBLOK.  Out: R15 = 0.  Registers: R0 R1 R14 R15.        *
*---------------------------------------------------------------------*
LGNDISC  CPENTRY
         USING VMBLOK,R11
         LA    R1,LGNTDISC         DISCONNECT AT time
         CPCALL LGNSTAMP
         LA    R1,LGNTDISO
         CPCALL LGNOPMSG
         CPCALL LGNUNHK
         LTR   R2,R1
         BZ    LGNS090
         CPCALL TRMLOGO
LGNS090  CPEXIT RC=0
         DROP  R11
LGNTDISC DC    AL1(L'LGNTDIST)
LGNTDIST DC    C'DISCONNECT AT'
LGNTDISO DC    AL1(L'LGNTDIOT)
LGNTDIOT DC    C'DISCONNECT'
*---------------------------------------------------------------------*
* LGNUNHK - part a VM and its terminal.                               *
* In: R11 -> VMBLOK.  Out: R1 -> the TRMBLOK it had, or 0.            *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
LGNUNHK  CPENTRY
         USING VMBLOK,R11
         CPCALL TRMFIND
         LTR   R15,R15
         BZ    LGNK010
         SR    R1,R1
         CPEXIT RC=0
LGNK010  XC    VMBRDEV,VMBRDEV
         USING TRMBLOK,R1
         XC    TRMVMB,TRMVMB
         MVI   TRMSTATE,TRMSLOGO
         L     R2,TRMRDEV
         XC    RDVUSER-RDEV(4,R2),RDVUSER-RDEV(R2)
         CPEXIT RC=0
         DROP  R1,R11
*---------------------------------------------------------------------*
* LGNDROP - the client of a user's terminal went away (queued by the  *
* terminal's completion routines): the user is disconnected.          *
* In: R0 -> TRMBLOK.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
LGNDROP  CPENTRY
         LR    R2,R0
         USING TRMBLOK,R2
         CLI   TRMSTATE,TRMSUSER
         BNE   LGNR090             done already
         L     R11,TRMVMB
         L     R1,=A(LGNTDISO)     the operator is told
         CPCALL LGNOPMSG
         CPCALL LGNUNHK
LGNR090  CPEXIT RC=0
         DROP  R2
         LTORG
         EJECT
*---------------------------------------------------------------------*
* LGNFORCE - FORCE userid (class A): log another user off.            *
* In: R11 -> VMBLOK, R1 -> operands, R0 = length.  Out: R15 = 0 or    *
* the message number.  Registers: R0 R1 R14 R15.                      *
*---------------------------------------------------------------------*
LGNFORCE CPENTRY
         LA    R2,LGNFUSER
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    LGNFO80
         C     R15,=F'8'
         BH    LGNFO70
         LA    R1,LGNFUSER
         CPCALL LGNFINDU
         LTR   R15,R15
         BNZ   LGNFO70
         LR    R3,R11
         LR    R11,R1              the user forced
         LA    R1,LGNTFORC
         CPCALL LGNBYE
         LR    R11,R3
         CPEXIT RC=0
LGNFO70  LA    R1,LGNM045          DMKCFC045E userid NOT LOGGED ON
         LA    R2,LGNFUSER
         LA    R3,LGNM045A
         CPCALL CMDSAYW
         CPEXIT RC=45
LGNFO80  CPCALL CMDNOOP
         CPEXIT
LGNFUSER DS    CL16
LGNTFORC DC    AL1(L'LGNTFORT)
LGNTFORT DC    C'FORCED'
LGNM045  DC    AL1(11),C'DMKCFC045E '
LGNM045A DC    AL1(14),C' NOT LOGGED ON'
         LTORG
*---------------------------------------------------------------------*
* LGNAUTO - autolog a user on a terminal with no password (CPINIT:    *
* OPERATOR on the operator's console at IPL).                         *
* In: R1 -> CL8 userid, R2 -> RDEV of the terminal.                   *
* Out: R15 = 0, or 4 (not in the directory, or no terminal), or the   *
* LOGON message number.  Registers: R0 R1 R14 R15.                    *
*---------------------------------------------------------------------*
LGNAUTO  CPENTRY
         SR    R11,R11
         LR    R4,R1
         USING RDEV,R2
         ICM   R2,15,RDVTERM
         BZ    LGNA090
         DROP  R2
         LR    R1,R4
         CPCALL DIRFIND
         LTR   R15,R15
         BNZ   LGNA090
         LA    R3,1                (a copy of the record: LGNDOIT
         CPCALL LGNDOIT            frees it)
         CPEXIT
LGNA090  CPEXIT RC=4
         LTORG
*---------------------------------------------------------------------*
* LGNCONN - write "CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hh": the time    *
* since LOGON and the virtual CPU time used (VMBVTIME, cpcore's).     *
* (VM/370 showed TOTCPU= too; CP does not count its own time for a    *
* user yet.)  In: R11 -> VMBLOK.  Registers: R0 R1 R14 R15.           *
*---------------------------------------------------------------------*
LGNCONN  CPENTRY
         USING VMBLOK,R11
         STCK  LGNXNOW             connect time: now - LOGON
         LM    R0,R1,LGNXNOW
         SL    R1,VMBLOGTM+4
         BC    3,LGNX010           no borrow
         SL    R0,=F'1'
LGNX010  SL    R0,VMBLOGTM
         SRDL  R0,12               microseconds
         D     R0,=F'1000000'      R1 = seconds
         SR    R0,R0
         D     R0,=F'3600'
         LR    R6,R0
         LA    R2,LGNXLINE+9       hh (mod 100)
         LA    R0,2
         CPCALL CMDDEC
         SR    R0,R0
         LR    R1,R6
         D     R0,=F'60'
         LR    R6,R0
         LA    R2,LGNXLINE+12      mm
         LA    R0,2
         CPCALL CMDDEC
         LR    R1,R6
         LA    R2,LGNXLINE+15      ss
         LA    R0,2
         CPCALL CMDDEC
         LM    R0,R1,VMBVTIME      virtual CPU: hundredths
         D     R0,=F'10000'
         SR    R0,R0
         D     R0,=F'6000'         R1 = minutes
         LR    R6,R0
         LA    R2,LGNXLINE+27      mmm
         LA    R0,3
         CPCALL CMDDEC
         SR    R0,R0
         LR    R1,R6
         D     R0,=F'100'
         LR    R6,R0
         LA    R2,LGNXLINE+31      ss
         LA    R0,2
         CPCALL CMDDEC
         LR    R1,R6
         LA    R2,LGNXLINE+34      hh
         LA    R0,2
         CPCALL CMDDEC
         LA    R1,LGNXLINE
         LA    R0,L'LGNXLINE
         CPCALL TRMWRITE
         CPEXIT RC=0
         DROP  R11
         DS    0D
LGNXNOW  DS    D
LGNXLINE DC    C'CONNECT= 00:00:00 VIRTCPU= 000:00.00'
         LTORG
