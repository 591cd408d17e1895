*---------------------------------------------------------------------*
* CMDQUERY - the QUERY command.  Prefix CMQ.                          *
*                                                                     *
* QUERY operand [...]: the operand is looked up in CMDQTAB (command.  *
* asm: CMDENT rows, cpterm's and cpio's), whose routine gets the rest *
* of the line; a device address goes to cpio's CMVQDEV.  Operands     *
* here: USERS, NAMES, TIME, STORAGE, TRAPS (the intercepts CP counted *
* for the user, by kind: PRVTRAPT of privops) and PRIVCLAS.           *
*---------------------------------------------------------------------*
CMDQUERY CSECT
*---------------------------------------------------------------------*
* CMQQUERY - QUERY: find the operand's routine and call it.           *
* In: R11, R1 -> operands, R0 = length.  Out: R15 = 0 or the message  *
* number.  Registers: R0 R1 R14 R15.                                  *
*---------------------------------------------------------------------*
CMQQUERY CPENTRY
         LR    R8,R1               all the operands
         LR    R9,R0
         LA    R2,CMQWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMQQ080
         LR    R4,R1
         LR    R5,R0
         LR    R6,R15
         LA    R3,255              no user (operator console): all
         LTR   R11,R11
         BZ    CMQQ010
         LA    R1,VMBCLASS-VMBLOK(,R11)
         CPCALL CMDCLASS
         LR    R3,R1
CMQQ010  LR    R0,R6
         L     R1,=A(CMDQTAB)
         CPCALL CMDFIND
         LTR   R15,R15
         BNZ   CMQQ070
         L     R15,CMDRRTN-CMDROW(,R1)
         LR    R1,R4
         LR    R0,R5
         BALR  R14,R15
         CPEXIT
CMQQ070  C     R6,=F'4'            a device address: cpio's
         BH    CMQQ075
         LA    R1,CMQWORD
         LR    R0,R6
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMQQ075
         LR    R1,R8
         LR    R0,R9
         CPCALL CMVQDEV
         CPEXIT
CMQQ075  LA    R1,CMQWORD
         CPCALL CMDBADOP
         CPEXIT
CMQQ080  CPCALL CMDNOOP
         CPEXIT
CMQWORD  DS    CL16
         LTORG
*---------------------------------------------------------------------*
* CMQUSERS - QUERY USERS: "nnn USERS, 000 DIALED".                    *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMQUSERS CPENTRY
         CPCALL LGNUSERS
         LA    R2,CMQUMSG
         LA    R0,3
         CPCALL CMDDEC
         LA    R1,CMQUMSG
         LA    R0,L'CMQUMSG
         CPCALL TRMWRITE
         CPEXIT RC=0
CMQUMSG  DC    C'000 USERS, 000 DIALED'
         LTORG
*---------------------------------------------------------------------*
* CMQNAMES - QUERY NAMES: "userid   - 020", four to a line, separated *
* by " , "; a disconnected user shows DSC.                            *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMQNAMES CPENTRY
         L     R3,PSAVMCHN-PSA
         USING VMBLOK,R3
         LA    R4,CMQNLINE         where the next name goes
         LA    R5,4                names left on the line
         MVC   CMQNLINE,=CL80' '
CMQN010  LTR   R3,R3
         BZ    CMQN080
         LA    R1,CMQNLINE         not the first on the line: " , "
         CR    R4,R1
         BE    CMQN020
         MVC   0(3,R4),=C' , '
         LA    R4,3(,R4)
CMQN020  MVC   0(8,R4),VMBUSER
         MVC   8(3,R4),=C' - '
         MVC   11(3,R4),=C'DSC'
         ICM   R1,15,VMBRDEV
         BZ    CMQN030
         LH    R1,RDVADDR-RDEV(,R1)
         LR    R6,R2
         LA    R2,11(,R4)
         LA    R0,3
         CPCALL CMDHEX
         LR    R2,R6
CMQN030  LA    R4,14(,R4)
         L     R3,VMBNEXT
         BCT   R5,CMQN010
         BAL   R14,CMQNPUT            the line is full
         B     CMQN010
CMQN080  LA    R1,CMQNLINE         the last line, if any
         CR    R4,R1
         BE    CMQN090
         BAL   R14,CMQNPUT
CMQN090  CPEXIT RC=0
         DROP  R3
*        CMQNPUT: write the line, start a new one (R4, R5 again)
CMQNPUT  ST    R14,CMQNR14
         LA    R1,CMQNLINE
         LR    R0,R4
         SR    R0,R1
         CPCALL TRMWRITE
         LA    R4,CMQNLINE
         LA    R5,4
         MVC   CMQNLINE,=CL80' '
         L     R14,CMQNR14
         BR    R14
CMQNR14  DS    A
CMQNLINE DS    CL80
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMQTIME - QUERY TIME: "TIME IS hh:mm:ss GMT weekday mm/dd/yy" and,  *
* for a user, "CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hh" (LGNCONN).       *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMQTIME  CPENTRY
         MVC   CMQTLINE,=CL64' '
         MVC   CMQTLINE(7),=C'TIME IS'
         LA    R1,CMQTLINE+8
         CPCALL LGNTIME
         LA    R1,CMQTLINE
         SR    R0,R1
         CPCALL TRMWRITE
         LTR   R11,R11
         BZ    CMQT090
         CPCALL LGNCONN            CONNECT= ... VIRTCPU= ...
CMQT090  CPEXIT RC=0
CMQTLINE DS    CL64
         LTORG
*---------------------------------------------------------------------*
* CMQSTOR - QUERY STORAGE: "STORAGE = nnnnnK".                        *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMQSTOR  CPENTRY
         LTR   R11,R11
         BZ    CMQS090
         L     R1,VMBSTOR-VMBLOK(,R11)
         SRL   R1,10
         LA    R2,CMQSNUM
         LA    R0,5
         CPCALL CMDDEC
         LA    R1,CMQSMSG
         LA    R0,CMQSMSGL
         CPCALL TRMWRITE
CMQS090  CPEXIT RC=0
CMQSMSG  DC    C'STORAGE = '
CMQSNUM  DC    C'00000K'
CMQSMSGL EQU   *-CMQSMSG
*---------------------------------------------------------------------*
* CMQPRIV - QUERY PRIVCLAS: "PRIVILEGE CLASSES = letters".            *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMQPRIV  CPENTRY
         LTR   R11,R11
         BZ    CMQP090
         MVC   CMQPCLS,VMBCLASS-VMBLOK(R11)
         LA    R1,CMQPMSG
         LA    R0,CMQPMSGL
         CPCALL CMDTRIM
         CPCALL TRMWRITE
CMQP090  CPEXIT RC=0
CMQPMSG  DC    C'PRIVILEGE CLASSES = '
CMQPCLS  DC    CL8' '
CMQPMSGL EQU   *-CMQPMSG
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMQTRAPS - QUERY TRAPS: the intercepts counted for the user, by     *
* kind (the kinds and their counters: PRVTRAPT), the kinds with a     *
* count, three to a line: "LPSW     =        3".  None: "NO TRAPS".   *
* Command routine (cp/README.md): R11, R1 -> operands, R0 =           *
* length.  Out: R15 = 0 or the message number.  Registers: R0         *
* R1 R14 R15.                                                         *
*---------------------------------------------------------------------*
CMQTRAPS CPENTRY
         LTR   R11,R11
         BZ    CMQR090
         L     R3,=A(PRVTRAPT)
         L     R4,0(,R3)           number of kinds
         LA    R3,4(,R3)           the first
         LA    R5,CMQRLINE         where the next goes
         LA    R6,3                left on the line
         SR    R7,R7               kinds shown
         MVC   CMQRLINE,=CL80' '
CMQR010  LTR   R4,R4
         BNP   CMQR070
         LH    R1,8(,R3)           the counter's offset in the VMBLOK
         L     R1,0(R1,R11)
         LTR   R1,R1
         BZ    CMQR060             not one: not shown
         LA    R7,1(,R7)
         MVC   0(8,R5),0(R3)       NAME     =        n
         MVI   9(R5),C'='
         LA    R2,11(,R5)
         LA    R0,8
         CPCALL CMDDECB
         LA    R5,21(,R5)
         BCT   R6,CMQR060
         BAL   R14,CMQRPUT
CMQR060  LA    R3,12(,R3)
         BCTR  R4,0
         B     CMQR010
CMQR070  LA    R1,CMQRLINE
         CR    R5,R1
         BE    CMQR080
         BAL   R14,CMQRPUT
CMQR080  LTR   R7,R7
         BNZ   CMQR090
         LA    R1,CMQRNONE
         CPCALL CMDSAY
CMQR090  CPEXIT RC=0
*        CMQRPUT: write the line, start a new one (R5, R6 again)
CMQRPUT  ST    R14,CMQRR14
         LA    R1,CMQRLINE
         LR    R0,R5
         SR    R0,R1
         SH    R0,=H'2'            not the blanks after the last
         CPCALL TRMWRITE
         LA    R5,CMQRLINE
         LA    R6,3
         MVC   CMQRLINE,=CL80' '
         L     R14,CMQRR14
         BR    R14
CMQRR14  DS    A
CMQRLINE DS    CL80
CMQRNONE DC    AL1(L'CMQRNONT)
CMQRNONT DC    C'NO TRAPS'
         LTORG
