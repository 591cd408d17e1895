*---------------------------------------------------------------------*
* VCONSOLE - the virtual 3215 console printer-keyboard of a VM, on    *
* the user's terminal.  The guest's channel program is run by VIOCHAN *
* (vio.asm), which calls VCNCCW for each command:                     *
*   X'01' write, X'09' write with carrier return: the line goes to    *
*         the terminal at once (TRMWRITE); channel end + device end.  *
*   X'0A' read inquiry: a line the user typed.  If there is none yet, *
*         the terminal shows VM READ (TRMVREAD) and the program waits *
*         until cpterm hands the line to VCNINPUT, which resumes it.  *
*         A line longer than the count: the rest is lost and the CSW  *
*         shows incorrect length, as on a 3215.                       *
*   X'03' no-operation, X'0B' audible alarm: channel end + device end.*
*   X'04' sense (VIOCHAN): X'80' command reject after a bad command.  *
*   anything else: unit check, command reject.                        *
* Prefix VCN.                                                         *
*---------------------------------------------------------------------*
VCONSOLE CSECT
*---------------------------------------------------------------------*
* VCNCCW - one console command, for VIOCHAN.                          *
* In: R0 = command, R2 -> data (write) or room (read), R3 = count,    *
* R5 -> VDEV, R11 -> VMBLOK.                                          *
* Out: R15 = 0 done or 8 wait; R0 = unit status; R1 = record length.  *
*---------------------------------------------------------------------*
VCNCCW   CPENTRY
         USING VMBLOK,R11
         USING VDEV,R5
         STC   R0,VCNCMD
         LA    R4,VCNCTAB
VCNC1    CLI   0(R4),X'FF'
         BE    VCNCREJ
         CLC   VCNCMD,0(R4)
         BE    VCNC2
         LA    R4,8(,R4)
         B     VCNC1
VCNC2    L     R15,4(,R4)
         BR    R15
VCNCREJ  MVI   VDVSENSE,X'80'      command reject
         LA    R0,IOSUCE+IOSUDE+IOSUUC
         SR    R1,R1
         CPEXIT RC=0
*        command, routine
         DS    0F
VCNCTAB  DC    X'01',XL3'0',A(VCNWRITE)  write
         DC    X'09',XL3'0',A(VCNWRITE)  write, carrier return
         DC    X'0A',XL3'0',A(VCNREAD)   read inquiry
         DC    X'03',XL3'0',A(VCNNOP)    no-operation
         DC    X'0B',XL3'0',A(VCNNOP)    audible alarm
         DC    X'FF'
VCNWRITE LR    R1,R2               the line, as it is (EBCDIC)
         LR    R0,R3
         CPCALL TRMWRITE
         LR    R1,R3               all of it taken
         LA    R0,IOSUCE+IOSUDE
         CPEXIT RC=0
VCNNOP   SR    R1,R1
         LA    R0,IOSUCE+IOSUDE
         CPEXIT RC=0
VCNREAD  TM    VDVFLAGS,VDVFINP    a line already there?
         BO    VCNR1
         CPCALL TRMVREAD           VM READ (may hand a line at once)
         TM    VDVFLAGS,VDVFINP
         BO    VCNR1
         CPEXIT RC=8               wait for VCNINPUT
VCNR1    NI    VDVFLAGS,X'FF'-VDVFINP
         L     R1,VDVINLEN         the record: the whole line
         LR    R0,R1
         CR    R0,R3               what fits in the count
         BNH   VCNR2
         LR    R0,R3
VCNR2    LTR   R0,R0
         BZ    VCNR3
         LR    R4,R0
         BCTR  R4,0
         L     R14,VDVINPUT
         EX    R4,VCNMOVE
VCNR3    LA    R0,IOSUCE+IOSUDE
         CPEXIT RC=0
VCNMOVE  MVC   0(0,R2),0(R14)
VCNCMD   DS    X
         DROP  R5,R11
*---------------------------------------------------------------------*
* VCNINPUT - the user typed a line for the virtual console.  It is    *
* kept in the console's buffer (at most VDVINMAX bytes); if a Read    *
* waits for it, the channel program goes on now and its interruption *
* is queued when it ends.                                             *
* In: R11 -> VMBLOK, R1 -> text, R0 = length.                         *
*---------------------------------------------------------------------*
VCNINPUT CPENTRY
         USING VMBLOK,R11
         LR    R6,R1
         LR    R7,R0
         ICM   R5,15,VMBVCONS
         BZ    VCNIEND             no console: nowhere to go
         USING VDEV,R5
         ICM   R2,15,VDVINPUT
         BNZ   VCNI1
         LA    R0,VDVINMAX         the buffer, the first time
         CPCALL FREEGET
         ST    R1,VDVINPUT
         LR    R2,R1
VCNI1    C     R7,=A(VDVINMAX)
         BNH   VCNI2
         L     R7,=A(VDVINMAX)
VCNI2    ST    R7,VDVINLEN
         LR    R3,R7               MVCL: R2/R3 <- R4/R5
         LR    R4,R6
         LR    R8,R5
         LR    R5,R7
         MVCL  R2,R4
         LR    R5,R8
         OI    VDVFLAGS,VDVFINP
         TM    VDVFLAGS,VDVFWAIT   a Read waits (and CP is not
         BZ    VCNIEND             inside its program just now)?
         TM    VDVFLAGS,VDVFRUN
         BO    VCNIEND
         L     R1,=A(VCNCCW)       resume the channel program
         CPCALL VIOCHAN
         LTR   R15,R15
         BNZ   VCNIEND             another Read waits
         LR    R1,R5
         CPCALL VIOPOST
VCNIEND  CPEXIT RC=0
         LTORG
         DROP  R5,R11
