*---------------------------------------------------------------------*
* VCONSOLE - the virtual 3215 console printer-keyboard of a VM, on    *
* the user's terminal.  The guest's channel program is run by VIOCHAN *
* (vio.asm), which calls VCNCCW for each command:                     *
*   X'01' write, X'09' write with carrier return: the line goes to    *
*         the terminal at once (TRMWRITE); channel end + device end.  *
*   X'0A' read inquiry: the oldest line the user typed.  If there is  *
*         none yet, the terminal shows VM READ (TRMVREAD) and the     *
*         program waits until cpterm hands the line to VCNINPUT,      *
*         which resumes it.  A line longer than the count: the rest   *
*         is lost and the CSW shows incorrect length, as on a 3215.   *
*         When more lines wait, the ending status has attention too   *
*         (a real 3215 merges the attention of a line typed while     *
*         another waits into it).                                     *
*   X'03' no-operation, X'0B' audible alarm: channel end + device end.*
*   X'04' sense (VIOCHAN): X'80' command reject after a bad command.  *
*   anything else: unit check, command reject.                        *
* A line typed while no Read waits makes the console present          *
* attention (VCNINPUT), as VM/370's virtual console did.              *
* Prefix VCN.                                                         *
*---------------------------------------------------------------------*
*---------------------------------------------------------------------*
* VCNLINE - one line typed for the console, queued from VDVINPUT.    *
*---------------------------------------------------------------------*
VCNLINE  DSECT
VCLNEXT  DS    A                   -> next line, or 0
VCLLEN   DS    F                   its length
VCLTEXT  DS    CL(VDVINMAX)        the text
VCLSIZE  EQU   *-VCNLINE
VCNMAXQ  EQU   16                  most lines waiting for reads
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
         CPCALL TRMVREAD           VM READ
         CPEXIT RC=8               wait for VCNINPUT
VCNR1    L     R6,VDVINPUT         the oldest line, off the queue
         USING VCNLINE,R6
         MVC   VDVINPUT,VCLNEXT
         LA    R7,IOSUCE+IOSUDE    the ending status
         L     R1,VDVINLEN         lines still waiting
         BCTR  R1,0
         ST    R1,VDVINLEN
         LTR   R1,R1
         BZ    VCNR1A
         LA    R7,IOSUATTN(,R7)    more: attention with it (3215)
         B     VCNR1B
VCNR1A   NI    VDVFLAGS,X'FF'-VDVFINP
VCNR1B   L     R8,VCLLEN           the record: the whole line
         LR    R0,R8
         CR    R0,R3               what fits in the count
         BNH   VCNR2
         LR    R0,R3
VCNR2    LTR   R0,R0
         BZ    VCNR3
         LR    R4,R0
         BCTR  R4,0
         EX    R4,VCNMOVE
VCNR3    LR    R1,R6
         LA    R0,VCLSIZE
         CPCALL FREERET
         LR    R1,R8
         LR    R0,R7
         CPEXIT RC=0
VCNMOVE  MVC   0(0,R2),VCLTEXT
         DROP  R6
VCNCMD   DS    X
         DROP  R5,R11
*---------------------------------------------------------------------*
* VCNINPUT - the user typed a line for the virtual console.  It is    *
* queued (VDVINPUT, at most VCNMAXQ lines; more are lost) for the     *
* guest's reads.  If a Read waits for it (VM READ), the channel       *
* program goes on now and its interruption is queued when it ends.    *
* Else, as VM/370 did, the console presents attention (VINTIO, unit   *
* status X'80' - added to a status already pending): the guest knows *
* a line waits and reads it.  While CP runs the console's program    *
* itself (VDVFBUSY without a Read waiting) no attention is made: the  *
* program may read the line.  An empty line is only for a Read that   *
* waits: else it is dropped (a 3270's Enter with nothing typed).      *
* In: R11 -> VMBLOK, R1 -> text, R0 = length.                         *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
VCNINPUT CPENTRY
         USING VMBLOK,R11
         LR    R6,R1
         LR    R7,R0
         ICM   R5,15,VMBVCONS
         BZ    VCNIEND             no console: nowhere to go
         USING VDEV,R5
         LTR   R7,R7               an empty line is only for a Read
         BNZ   VCNI0               that waits (3270 Enter, nothing
         TM    VDVFLAGS,VDVFWAIT   typed, while the VM runs: none)
         BZ    VCNIEND
VCNI0    L     R1,VDVINLEN
         C     R1,=A(VCNMAXQ)
         BNL   VCNIEND             too many waiting: lost
         LA    R0,VCLSIZE
         CPCALL FREEGET            zeroed: VCLNEXT = 0
         LR    R8,R1
         USING VCNLINE,R8
         C     R7,=A(L'VCLTEXT)
         BNH   VCNI1
         L     R7,=A(L'VCLTEXT)
VCNI1    ST    R7,VCLLEN
         LA    R2,VCLTEXT          MVCL: R2/R3 <- R14/R15
         LR    R3,R7
         LR    R14,R6
         LR    R15,R7
         MVCL  R2,R14
         LA    R1,VDVINPUT         at the end of the queue (VCLNEXT
VCNI2    ICM   R2,15,0(R1)         is at +0)
         BZ    VCNI3
         LR    R1,R2
         B     VCNI2
VCNI3    ST    R8,0(,R1)
         DROP  R8
         L     R1,VDVINLEN
         LA    R1,1(,R1)
         ST    R1,VDVINLEN
         OI    VDVFLAGS,VDVFINP
         TM    VDVFLAGS,VDVFWAIT   a Read waits?
         BZ    VCNI5
         TM    VDVFLAGS,VDVFRUN    (not while CP is inside its
         BO    VCNIEND             program just now)
         L     R1,=A(VCNCCW)       resume the channel program
         CPCALL VIOCHAN
         LTR   R15,R15
         BNZ   VCNIEND             another Read waits
         LR    R1,R5
         CPCALL VIOPOST
         B     VCNIEND
VCNI5    TM    VDVFLAGS,VDVFBUSY   no Read: attention
         BO    VCNIEND
         TM    VDVFLAGS,VDVFPEND
         BO    VCNI6
         XC    VDVCSW,VDVCSW
VCNI6    OI    VDVCSW+4,IOSUATTN
         LR    R1,R5
         CPCALL VINTIO
VCNIEND  CPEXIT RC=0
         LTORG
         DROP  R5,R11
*---------------------------------------------------------------------*
* VCNFREE - the console goes (DETACH, logoff): free the lines that    *
* wait for a read.                                                    *
* In: R1 -> VDEV.  Registers: R0 R1 R14 R15.                          *
*---------------------------------------------------------------------*
VCNFREE  CPENTRY
         LR    R5,R1
         USING VDEV,R5
VCNF1    ICM   R1,15,VDVINPUT
         BZ    VCNF2
         MVC   VDVINPUT,VCLNEXT-VCNLINE(R1)
         LA    R0,VCLSIZE
         CPCALL FREERET
         B     VCNF1
VCNF2    XC    VDVINLEN,VDVINLEN
         NI    VDVFLAGS,X'FF'-VDVFINP
         CPEXIT RC=0
         DROP  R5
