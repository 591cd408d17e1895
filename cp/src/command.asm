*---------------------------------------------------------------------*
* COMMAND - the CP command table, the parser and DIAGNOSE X'08'.      *
* Prefix CMD.                                                         *
*                                                                     *
* A command line is a command word and operands separated by blanks.  *
* CMDEXEC looks the word up in CMDTAB, a data table of CMDENT rows    *
* (name, shortest abbreviation, privilege classes, routine), checks   *
* the user's classes against the row and calls the routine with the   *
* operands.  A command the user's classes do not allow is unknown to  *
* that user, as in VM/370.  Before LOGON (R11 = 0) only rows marked   *
* NOUSER are accepted.                                                *
*                                                                     *
* Command routines return R15 = 0, or the number of the message they  *
* wrote (DMKCFC003E: 3) - that number is also the return code DIAG    *
* X'08' gives the guest, as VM/370's CP commands did.                 *
*                                                                     *
* The parser's helpers (CMDTOKEN, CMDHEXIN, CMDDECIN, CMDHEX, CMDDEC, *
* CMDSAY, CMDBADOP, CMDNOOP) are for every command module.            *
*---------------------------------------------------------------------*
COMMAND  CSECT
*---------------------------------------------------------------------*
* CMDEXEC - run one CP command line for a user.                       *
* In: R11 -> VMBLOK (0: a terminal with no user), R1 -> text, R0 =    *
* length.  Out: R15 = 0 or the message number of the error.           *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDEXEC  CPENTRY
         LA    R2,CMDWORD
         CPCALL CMDTOKEN           the command word
         LTR   R15,R15
         BZ    CMDX090             an empty line: nothing to do
         LR    R4,R1               the operands
         LR    R5,R0
         SR    R3,R3               the user's class mask
         LTR   R11,R11
         BZ    CMDX010
         LR    R6,R15
         LA    R1,VMBCLASS-VMBLOK(,R11)
         CPCALL CMDCLASS
         LR    R3,R1
         LR    R15,R6
CMDX010  LR    R0,R15
         L     R1,=A(CMDTAB)
         CPCALL CMDFIND
         LTR   R15,R15
         BNZ   CMDX080
         L     R15,CMDRRTN-CMDROW(,R1)
         LR    R1,R4
         LR    R0,R5
         BALR  R14,R15
         CPEXIT
CMDX080  LA    R1,CMDUNKN
         CPCALL CMDSAY
         CPEXIT RC=1
CMDX090  CPEXIT RC=0
CMDWORD  DS    CL16
CMDUNKN  DC    AL1(L'CMDUNKNT)
CMDUNKNT DC    C'DMKCFC001E UNKNOWN CP COMMAND'
         LTORG
*---------------------------------------------------------------------*
* CMDFIND - look a word up in a table of CMDENT rows (CMDTAB, the     *
* QUERY operands): the first row whose name the word abbreviates (at  *
* least the row's minimum) and that the user's classes allow (class   *
* mask 0: no user, NOUSER rows only).                                 *
* In: R1 -> table, R2 -> CL16 word, R0 = its length, R3 = the user's  *
* class mask.  Out: R1 -> the row, R15 = 0, or R15 = 4 not found.     *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDFIND  CPENTRY
         LR    R4,R1
         USING CMDROW,R4
         LR    R5,R0
         LTR   R5,R5
         BZ    CMDF080
         C     R5,=F'12'
         BH    CMDF080             longer than any name
         STC   R3,CMDFMASK
         BCTR  R5,0                for EX
CMDF020  CLI   CMDRNAME,0          end of the table
         BE    CMDF080
         CLM   R0,1,CMDRMIN        long enough?
         BL    CMDF070
         EX    R5,CMDFCLC          the word abbreviates the name?
         BNE   CMDF070
         CLI   CMDFMASK,0
         BNE   CMDF030
         TM    CMDRFLAG,CMDRNOUS   no user: NOUSER rows only
         BZ    CMDF070
         B     CMDF040
CMDF030  TM    CMDRFLAG,CMDRNOUS   a user: not those (LOGON)
         BO    CMDF070
         MVC   CMDFAND,CMDFMASK    a class of the user allowed?
         NC    CMDFAND,CMDRCLAS
         CLI   CMDFAND,0
         BE    CMDF070
CMDF040  LR    R1,R4
         CPEXIT RC=0
CMDF070  LA    R4,CMDRLEN(,R4)
         B     CMDF020
CMDF080  CPEXIT RC=4
CMDFCLC  CLC   0(0,R2),CMDRNAME
         DROP  R4
CMDFMASK DS    X
CMDFAND  DS    X
         LTORG
*---------------------------------------------------------------------*
* CMDCLASS - privilege class letters to a mask (A=X'80' .. H=X'01').  *
* In: R1 -> CL8 letters (blank padded).  Out: R1 = mask.              *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDCLASS CPENTRY
         LR    R3,R1
         SR    R1,R1
         LA    R4,8
CMDC010  LA    R5,CMDCLETT         find the letter
         LA    R6,X'80'
CMDC020  CLC   0(1,R3),0(R5)
         BNE   CMDC030
         OR    R1,R6
         B     CMDC040
CMDC030  LA    R5,1(,R5)
         SRL   R6,1
         LTR   R6,R6
         BNZ   CMDC020
CMDC040  LA    R3,1(,R3)
         BCT   R4,CMDC010
         CPEXIT RC=0
CMDCLETT DC    C'ABCDEFGH'
         EJECT
*---------------------------------------------------------------------*
* CMDTOKEN - the next blank-delimited word of a command line,         *
* upper-cased into a 16-byte area (blank padded, cut at 16).          *
* In: R1 -> text, R0 = length, R2 -> CL16 area.                       *
* Out: R15 = the word's length (0: no more words), R1 -> the text     *
* after it, with blanks skipped, R0 = its length.                     *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDTOKEN CPENTRY
         MVC   0(16,R2),=CL16' '
         SR    R15,R15
         LR    R3,R1
         LR    R4,R0
         CPCALL CMDSKIP            leading blanks
         LR    R3,R1
         LR    R4,R0
         LTR   R4,R4
         BNP   CMDT090
CMDT010  CLI   0(R3),C' '          to the end of the word
         BE    CMDT030
         C     R15,=F'16'
         BNL   CMDT020
         LA    R5,0(R15,R2)
         MVC   0(1,R5),0(R3)
         CLI   0(R5),X'81'         lower case letters: a-i, j-r, s-z
         BL    CMDT020
         CLI   0(R5),X'A9'
         BH    CMDT020
         OI    0(R5),X'40'
CMDT020  LA    R15,1(,R15)
         LA    R3,1(,R3)
         BCT   R4,CMDT010
CMDT030  LR    R1,R3
         LR    R0,R4
         LR    R6,R15
         CPCALL CMDSKIP            blanks after it
         LR    R15,R6
         CPEXIT
CMDT090  SR    R0,R0
         CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* CMDSKIP - skip blanks.  In: R1 -> text, R0 = length.  Out: R1, R0   *
* past the blanks.  Registers: R0 R1 R14 R15.                         *
*---------------------------------------------------------------------*
CMDSKIP  CPENTRY
CMDS010  LTR   R0,R0
         BNP   CMDS090
         CLI   0(R1),C' '
         BNE   CMDS090
         LA    R1,1(,R1)
         BCTR  R0,0
         B     CMDS010
CMDS090  CPEXIT RC=0
*---------------------------------------------------------------------*
* CMDHEXIN - a hexadecimal number (1-8 digits).                       *
* In: R1 -> digits, R0 = count.  Out: R1 = value, R15 = 0, or 4 not a *
* hexadecimal number.  Registers: R0 R1 R14 R15.                      *
*---------------------------------------------------------------------*
CMDHEXIN CPENTRY
         LR    R3,R1
         LR    R4,R0
         SR    R1,R1
         LTR   R4,R4
         BNP   CMDH090
         C     R4,=F'8'
         BH    CMDH090
CMDH010  SR    R5,R5
         IC    R5,0(,R3)
         CLI   0(R3),C'0'
         BL    CMDH020
         CLI   0(R3),C'9'
         BH    CMDH090
         SH    R5,=H'240'          X'F0'-X'F9'
         B     CMDH030
CMDH020  CLI   0(R3),C'A'
         BL    CMDH090
         CLI   0(R3),C'F'
         BH    CMDH090
         SH    R5,=H'183'          X'C1' -> 10
CMDH030  SLL   R1,4
         OR    R1,R5
         LA    R3,1(,R3)
         BCT   R4,CMDH010
         CPEXIT RC=0
CMDH090  CPEXIT RC=4
         LTORG
*---------------------------------------------------------------------*
* CMDDECIN - a decimal number (1-9 digits).                           *
* In: R1 -> digits, R0 = count.  Out: R1 = value, R15 = 0, or 4 not a *
* decimal number.  Registers: R0 R1 R14 R15.                          *
*---------------------------------------------------------------------*
CMDDECIN CPENTRY
         LR    R3,R1
         LR    R4,R0
         SR    R1,R1
         LTR   R4,R4
         BNP   CMDN090
         C     R4,=F'9'
         BH    CMDN090
CMDN010  CLI   0(R3),C'0'
         BL    CMDN090
         CLI   0(R3),C'9'
         BH    CMDN090
         MH    R1,=H'10'
         SR    R5,R5
         IC    R5,0(,R3)
         SH    R5,=H'240'
         AR    R1,R5
         LA    R3,1(,R3)
         BCT   R4,CMDN010
         CPEXIT RC=0
CMDN090  CPEXIT RC=4
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMDHEX - a value in hexadecimal, with leading zeros.                *
* In: R1 = value, R0 = digits (1-8), R2 -> where.  Registers: R0 R1   *
* R14 R15.                                                            *
*---------------------------------------------------------------------*
CMDHEX   CPENTRY
         ST    R1,CMDHWORK
         UNPK  CMDHOUT(9),CMDHWORK(5)
         LA    R3,CMDHTRT
         S     R3,=F'240'          digits are X'F0'-X'FF'
         TR    CMDHOUT(8),0(R3)
         LR    R3,R0
         BCTR  R3,0
         LA    R4,CMDHOUT+8
         SR    R4,R0               the last R0 digits
         EX    R3,CMDHMVC
         CPEXIT RC=0
CMDHMVC  MVC   0(0,R2),0(R4)
CMDHWORK DS    F
         DS    X
CMDHOUT  DS    CL9
CMDHTRT  DC    C'0123456789ABCDEF'
         LTORG
*---------------------------------------------------------------------*
* CMDDEC - a value in decimal, with leading zeros.                    *
* In: R1 = value (0 or more), R0 = digits (1-15), R2 -> where.        *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDDEC   CPENTRY
         CVD   R1,CMDDWORK
         UNPK  CMDDOUT,CMDDWORK
         OI    CMDDOUT+L'CMDDOUT-1,X'F0'
         LR    R3,R0
         BCTR  R3,0
         LA    R4,CMDDOUT+L'CMDDOUT
         SR    R4,R0
         EX    R3,CMDDMVC
         CPEXIT RC=0
CMDDMVC  MVC   0(0,R2),0(R4)
CMDDWORK DS    D
CMDDOUT  DS    CL15
         LTORG
*---------------------------------------------------------------------*
* CMDDECB - a value in decimal, leading zeros as blanks.              *
* In: R1 = value (0 or more), R0 = width (1-15), R2 -> where.         *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDDECB  CPENTRY
         CVD   R1,CMDBWORK
         MVC   CMDBOUT,CMDBPAT
         ED    CMDBOUT,CMDBWORK
         LR    R3,R0
         BCTR  R3,0
         LA    R4,CMDBOUT+L'CMDBOUT
         SR    R4,R0
         EX    R3,CMDBMVC
         CPEXIT RC=0
CMDBMVC  MVC   0(0,R2),0(R4)
CMDBWORK DS    D
CMDBPAT  DC    X'40',13X'20',X'2120'   fill, 15 digits, last shown
CMDBOUT  DS    CL16
         LTORG
*---------------------------------------------------------------------*
* CMDSAY - write a message: a length byte and the text.               *
* In: R11 (see TRMWRITE), R1 -> AL1(length),C'text'.                  *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDSAY   CPENTRY
         SR    R0,R0
         IC    R0,0(,R1)
         LA    R1,1(,R1)
         CPCALL TRMWRITE
         CPEXIT RC=0
*---------------------------------------------------------------------*
* CMDSAYW - write a message with a word in it, the word's trailing    *
* blanks left out: "DMKLOG053E NOBODY NOT IN CP DIRECTORY".           *
* In: R11 (see TRMWRITE), R1 -> AL1(length),C'text before', R2 -> CL8 *
* word, R3 -> AL1(length),C'text after'.  Registers: R0 R1 R14 R15.   *
*---------------------------------------------------------------------*
CMDSAYW  CPENTRY
         LA    R4,CMDWLINE
         SR    R5,R5               the text before
         IC    R5,0(,R1)
         BCTR  R5,0
         EX    R5,CMDWMVC1
         LA    R4,1(R5,R4)
         MVC   0(8,R4),0(R2)       the word
         LA    R1,0(,R4)
         LA    R0,8
         CPCALL CMDTRIM
         AR    R4,R0
         IC    R5,0(,R3)           the text after
         BCTR  R5,0
         EX    R5,CMDWMVC2
         LA    R0,1(R5,R4)
         LA    R1,CMDWLINE
         SR    R0,R1
         CPCALL TRMWRITE
         CPEXIT RC=0
CMDWMVC1 MVC   0(0,R4),1(R1)
CMDWMVC2 MVC   0(0,R4),1(R3)
CMDWLINE DS    CL132
         LTORG
*---------------------------------------------------------------------*
* CMDBADOP - DMKCFC003E INVALID OPTION - word.                        *
* In: R11, R1 -> CL16 word (as CMDTOKEN left it).  Out: R15 = 3.      *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMDBADOP CPENTRY
         MVC   CMDBOPW,0(R1)
         LA    R1,CMDBOPT
         LA    R0,CMDBOPL
         CPCALL CMDTRIM
         CPCALL TRMWRITE
         CPEXIT RC=3
CMDBOPT  DC    C'DMKCFC003E INVALID OPTION - '
CMDBOPW  DC    CL16' '
CMDBOPL  EQU   *-CMDBOPT
*---------------------------------------------------------------------*
* CMDNOOP - DMKCFC026E OPERAND MISSING OR INVALID.                    *
* In: R11.  Out: R15 = 26.  Registers: R0 R1 R14 R15.                 *
*---------------------------------------------------------------------*
CMDNOOP  CPENTRY
         LA    R1,CMDNOOPT
         CPCALL CMDSAY
         CPEXIT RC=26
CMDNOOPT DC    AL1(37),C'DMKCFC026E OPERAND MISSING OR INVALID'
*---------------------------------------------------------------------*
* CMDTRIM - the length of a text without its trailing blanks.         *
* In: R1 -> text, R0 = length.  Out: R0 = length without them (R1     *
* unchanged).  Registers: R0 R14 R15.                                 *
*---------------------------------------------------------------------*
CMDTRIM  CPENTRY
CMDM010  LTR   R3,R0
         BNP   CMDM090
         AR    R3,R1
         BCTR  R3,0
         CLI   0(R3),C' '
         BNE   CMDM090
         BCTR  R0,0
         B     CMDM010
CMDM090  CPEXIT RC=0
         LTORG
         EJECT
*---------------------------------------------------------------------*
* DIAG08 - DIAGNOSE X'08': the guest runs a CP command (VM/370        *
* "virtual console function").  The instruction is 83 Rx Ry 0008:     *
*   Rx      guest address of the command text                         *
*   Ry      its length (bits 8-31, at most 240); bit 1 (X'40000000')  *
*           asks for the response in a buffer:                        *
*   Rx+1    guest address of the response buffer                      *
*   Ry+1    its length                                                *
* The command runs as if the user had typed it, but the lines it      *
* writes go to the buffer (separated by X'15') instead of the         *
* terminal.  On return Ry = the command's return code (0, or the      *
* number of its error message; 1 = unknown command); with a buffer,   *
* Ry+1 = the length of the response and CC 0, or, when it did not     *
* fit, CC 1 and Ry+1 = the number of bytes that did not fit.  A       *
* length of 0 or over 240, or a buffer with Rx or Ry 15 (no Rx+1,     *
* Ry+1), is a specification exception, text beyond the VM's storage   *
* an addressing exception: nothing runs.                              *
* In: R11 -> VMBLOK, R2 -> the instruction (4 bytes).                 *
* Out: R15 = 0 done, or 4 with R1 = the program interruption code     *
* DIAGINST reflects.  Registers: R0 R1 R14 R15.                       *
*---------------------------------------------------------------------*
DIAG08   CPENTRY
         USING VMBLOK,R11
         SR    R3,R3               R3 = Rx * 4, R4 = Ry * 4
         IC    R3,1(,R2)
         LR    R4,R3
         SRL   R3,4
         SLL   R3,2
         N     R4,=F'15'
         SLL   R4,2
         L     R5,VMBGPRS(R4)      flags and length
         LR    R6,R5
         N     R6,=X'00FFFFFF'     the length
         C     R6,=F'240'
         BH    CMD8SPEC
         LTR   R6,R6
         BZ    CMD8SPEC
         L     R1,VMBGPRS(R3)      fetch the command
         N     R1,=X'00FFFFFF'
         LR    R0,R6
         LA    R2,CMD8CMD
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CMD8ADDR
         SLL   R5,1                a response buffer (bit 1)?
         LTR   R5,R5
         BM    CMD8BUF
         LA    R1,CMD8CMD          no: output to the terminal
         LR    R0,R6
         CPCALL CMDEXEC
         ST    R15,VMBGPRS(R4)     Ry = return code
         CPEXIT RC=0
CMD8BUF  C     R3,=F'60'           Rx+1 and Ry+1 must exist
         BE    CMD8SPEC
         C     R4,=F'60'
         BE    CMD8SPEC
         L     R7,VMBGPRS+4(R4)    the buffer's length
         LTR   R7,R7
         BM    CMD8SPEC
         L     R1,VMBGPRS+4(R3)    the buffer inside the VM's storage?
         N     R1,=X'00FFFFFF'
         L     R0,VMBSTOR
         CR    R7,R0
         BH    CMD8ADDR
         SR    R0,R7               (storage - length: the last start)
         CR    R1,R0
         BH    CMD8ADDR
         LR    R8,R7               what CP keeps: at most 8K
         C     R8,=F'8192'
         BNH   CMD8B10
         L     R8,=F'8192'
CMD8B10  LA    R0,8(,R8)
         CPCALL FREEGET
         ST    R1,VMBD8BUF
         ST    R8,VMBD8MAX
         XC    VMBD8LEN,VMBD8LEN
         LA    R1,CMD8CMD          run it
         LR    R0,R6
         CPCALL CMDEXEC
         ST    R15,VMBGPRS(R4)     Ry = return code
         L     R9,VMBD8LEN         the response's length
         LR    R0,R9               to the guest: what fits
         CR    R0,R8
         BNH   CMD8B20
         LR    R0,R8
CMD8B20  LTR   R0,R0
         BZ    CMD8B30
         L     R1,VMBGPRS+4(R3)    Rx+1: the guest's buffer
         N     R1,=X'00FFFFFF'
         L     R2,VMBD8BUF
         CPCALL GSTSTORE
CMD8B30  L     R1,VMBD8BUF
         LA    R0,8(,R8)
         XC    VMBD8BUF,VMBD8BUF   TRMWRITE to the terminal again
         CPCALL FREERET
         LA    R1,0                CC 0, Ry+1 = its length
         CR    R9,R7
         BNH   CMD8B40
         SR    R9,R7               CC 1, Ry+1 = what did not fit
         LA    R1,1
CMD8B40  ST    R9,VMBGPRS+4(R4)
         CPCALL PRVSETCC
         CPEXIT RC=0
CMD8SPEC LA    R1,6                bad operands: specification
         CPEXIT RC=4               (DIAGINST reflects it)
CMD8ADDR LA    R1,5                the text beyond storage: addressing
         CPEXIT RC=4
         DROP  R11
CMD8CMD  DS    CL240
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMDTAB - the CP command table: one CMDENT row per command (name,    *
* shortest abbreviation, classes, routine), searched in order, ended  *
* by a zero byte.  The device commands' rows are cpio's (CMDDEVT).    *
*---------------------------------------------------------------------*
         DS    0F
CMDTAB   DS    0F
         CMDENT LOGON,1,ANY,LGNCMD,NOUSER
         CMDENT LOGIN,4,ANY,LGNCMD,NOUSER
         CMDENT LOGOFF,4,ANY,LGNOFF
         CMDENT LOGOUT,4,ANY,LGNOFF
         CMDENT DISCONNECT,4,ANY,LGNDISC
         CMDENT FORCE,5,A,LGNFORCE
         CMDENT QUERY,1,ANY,CMQQUERY
         CMDENT IPL,1,G,CMMIPL
         CMDENT BEGIN,1,G,CMMBEGIN
         CMDENT SYSTEM,3,G,CMMSYS
         CMDENT DISPLAY,1,G,CMPDISP
         CMDENT STORE,2,G,CMPSTORE
         CMDENT TRACE,2,G,TRCCMD
         CMDENT DEFINE,3,G,CMMDEF
         CMDENT MESSAGE,1,ANY,CMMMSG
         CMDENT MSG,3,ANY,CMMMSG
         CMDENT WARNING,4,AB,CMMWARN
         CMDENT EXTERNAL,3,G,CMMEXT
         CMDENT SHUTDOWN,8,A,CMMSHUT
         COPY  CMDDEVT             the device commands (cpio)
         DC    X'00'               end of the table
         DS    0F
CMDQTAB  DS    0F                  the QUERY operands (CMDQUERY)
         CMDENT USERS,1,ANY,CMQUSERS
         CMDENT NAMES,1,ANY,CMQNAMES
         CMDENT TIME,1,ANY,CMQTIME
         CMDENT STORAGE,4,G,CMQSTOR
         CMDENT TRAPS,4,G,CMQTRAPS
         CMDENT PRIVCLAS,4,ANY,CMQPRIV
         COPY  CMDQDEVT            QUERY READER, VIRTUAL... (cpio)
         DC    X'00'               end of the table
*
CMDROW   DSECT                     one row (cmdent.mac)
CMDRNAME DS    CL12                the command
CMDRMIN  DS    X                   shortest abbreviation
CMDRCLAS DS    X                   class mask, A=X'80' .. H=X'01'
CMDRFLAG DS    X
CMDRNOUS EQU   X'80'                 before LOGON only
         DS    X
CMDRRTN  DS    A                   the routine
CMDRLEN  EQU   *-CMDROW
COMMAND  CSECT
