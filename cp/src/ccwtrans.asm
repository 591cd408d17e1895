*---------------------------------------------------------------------*
* CCWTRANS - CCW translation: how a guest's channel program runs on a *
* real device.  The guest's CCWs hold guest real addresses, which     *
* mean nothing to the real channel (the guest's page 5 is in some     *
* real frame, or on the paging disk), and its seeks name cylinders of *
* its minidisk, which is an extent somewhere on a real volume.  So CP *
* never lets the channel see the guest's program; it builds a copy    *
* (CTWBLOK, macros/ctwblok.cpy) in its own storage:                   *
*  - every CCW is fetched from guest storage and checked as the       *
*    channel would (command X'x0', count 0, a TIC to a TIC or first,  *
*    a CCW or its data outside the VM's storage: program check);      *
*  - every data address becomes a real address (GSTADDR brings the    *
*    page in); data that crosses a 4K page get an IDAW list (IDA      *
*    flag), since the guest's next page is in another real frame;     *
*  - TIC becomes a TIC to the translated CCW;                         *
*  - on a minidisk: Seek, Seek Cylinder and Seek Head are checked     *
*    against the extent and relocated by its first cylinder (the      *
*    argument is copied, the guest's is not changed); Recalibrate     *
*    and Read IPL, which would go to the real cylinder 0, become a    *
*    Seek to the extent's first cylinder (and Read R0, Read Data);    *
*    a seek outside the extent ends the program with unit check,     *
*    command reject, "invalid argument" (sense byte 7 X'04'), which   *
*    is what a real 3350 says for a seek beyond the volume; a write   *
*    on a read-only link ends it with unit check, file protected      *
*    (sense byte 1 X'04'), what a file mask forbidding writes gives;  *
*  - record identifiers hold cylinders too: Search ID and Search HA   *
*    arguments and the count fields the guest writes are relocated,   *
*    and those it reads back are given its own cylinders again        *
*    (CCWUNREL), so that every record on the volume, R0 included,     *
*    carries its real cylinder and the guest only ever sees its own.  *
* IOS runs the copy with the guest's CAW key, so storage protection  *
* of the guest's own pages works as on a real machine.  At the end   *
* CCWDONE turns the real CSW back into a virtual one (the CCW address *
* back to the guest's) and queues the virtual interruption.           *
* Limits of this CP: guest IDAWs are refused (program check); a       *
* program has at most CTWMAX real CCWs; self-modifying channel       *
* programs see the copy taken at SIO time.  The guest's pages are     *
* locked in storage (GSTLOCK) while the real program runs, so paging *
* cannot give their frames to anyone else.  Prefix CCW.               *
*---------------------------------------------------------------------*
CCWTRANS CSECT
         USING PSA,0
         COPY  CTWBLOK
CCWTRANS CSECT
*---------------------------------------------------------------------*
* CCWSIO - start a guest channel program on a minidisk or dedicated   *
* device.  A SENSE first in the program, after a unit check CP has    *
* already sensed, is answered by CP from VDVSENSE (IOS took the real  *
* sense bytes away).                                                  *
* In: R11, R1 -> VDEV (busy, VDVCAW, VDVCCWA).                        *
* Out: R15 = 0 under way (CCWDONE will post), 4 a program check at    *
* the first CCW (VDVCSW, nothing posted).                             *
*---------------------------------------------------------------------*
CCWSIO   CPENTRY
         USING VMBLOK,R11
         LR    R5,R1
         USING VDEV,R5
         OC    VDVSENSE,VDVSENSE   sense kept from a unit check?
         BZ    CCWS1
         L     R1,VDVCCWA
         LA    R0,8
         LA    R2,CCWWORK
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CCWS1
         CLI   CCWWORK,X'04'
         BNE   CCWS0
         L     R1,=A(CCWNOSIM)     SENSE: CP answers it
         CPCALL VIOCHAN
         CH    R15,=H'4'
         BE    CCWSEND
         LR    R1,R5
         CPCALL VIOPOST
         CPEXIT RC=0
CCWS0    XC    VDVSENSE,VDVSENSE   anything else: that sense is old
CCWS1    LR    R1,R5
         CPCALL CCWPREP            R1 -> CTWBLOK, translated
         CH    R15,=H'4'
         BE    CCWSEND             program check at the first CCW
         LTR   R15,R15
         BZ    CCWS2
         LR    R1,R5               ended in translation: post it
         CPCALL VIOPOST
         CPEXIT RC=0
CCWS2    OI    CTWFLAGS-CTWBLOK(R1),CTWFIOS
         CPCALL IOSSTART           R1 -> CTWBLOK = its IOBLOK
         SR    R15,R15
CCWSEND  CPEXIT
         DROP  R5,R11
*---------------------------------------------------------------------*
* CCWRUN - run a guest channel program on a minidisk or dedicated     *
* device and wait for its end (VIOIPL, DIAGNOSE X'18'): no virtual    *
* interruption.                                                       *
* In: R11, R1 -> VDEV (VDVCAW, VDVCCWA).                              *
* Out: R15 = 0 ended (VDVCSW, VDVSENSE after a unit check), or        *
* translation refused it (VDVCSW too): R15 as CCWTRAN.                *
*---------------------------------------------------------------------*
CCWRUN   CPENTRY
         LR    R5,R1
         USING VDEV,R5
         CPCALL CCWPREP
         LTR   R15,R15
         BNZ   CCWRNEND
         LR    R6,R1
         USING CTWBLOK,R6
         OI    CTWFLAGS,CTWFSYNC
         CPCALL IOSWAIT            CCWDONE builds VDVCSW
         NI    CTWFLAGS,X'FF'-CTWFSYNC
         SR    R15,R15
CCWRNEND CPEXIT
         DROP  R5,R6
*---------------------------------------------------------------------*
* CCWPREP - the CTWBLOK of a device (made the first time) with the    *
* guest's program translated into it and the IOBLOK ready.            *
* In: R11, R1 -> VDEV.  Out: R1 -> CTWBLOK; R15 as CCWTRAN.           *
*---------------------------------------------------------------------*
CCWPREP  CPENTRY
         USING VMBLOK,R11
         LR    R5,R1
         USING VDEV,R5
         ICM   R6,15,VDVCTW
         BNZ   CCWP1
         L     R0,=A(CTWLEN)
         CPCALL FREEGET
         ST    R1,VDVCTW
         LR    R6,R1
CCWP1    DS    0H
         USING CTWBLOK,R6
         ST    R11,CTWVMB
         ST    R5,CTWVDEV
         XC    CTWIOB(IOBLEN),CTWIOB
         LR    R1,R6
         CPCALL CCWTRAN
         LTR   R15,R15
         BNZ   CCWPEND
         LA    R1,CTWIOB
         USING IOBLOK,R1
         MVC   IOBRDEV,VDVRDEV
         LA    R2,CTWCCWS          the CAW: guest's key, our program
         ST    R2,IOBCCW
         MVC   IOBCCW(1),VDVCAW
         NI    IOBCCW,X'F0'
         L     R2,=A(CCWDONE)
         ST    R2,IOBDONE
         ST    R6,IOBPARM
         DROP  R1
         SR    R15,R15
CCWPEND  LR    R1,R6
         CPEXIT
         DROP  R5,R6,R11
*---------------------------------------------------------------------*
* CCWTRAN - translate the guest's channel program (VDVCCWA) into the  *
* CTWBLOK.  A straight run of CCWs is translated one after the other  *
* (so the real program has the guest's shape: a Search that skips    *
* the TIC after it lands on the right CCW); a TIC back to a CCW       *
* already translated becomes a real TIC to it; a TIC forward is      *
* noted (CTWPEND) and its target translated after the run.  After a   *
* TIC that follows a Search, the run goes on after the TIC (where a   *
* successful Search skips to).                                        *
* In: R11, R1 -> CTWBLOK (CTWVDEV set).                               *
* Out: R15 = 0 translated; or the program ends here, VDVCSW set:      *
* 4 program check at the first CCW, 8 program check at a later CCW,   *
* 12 write on a read-only link, 16 seek outside the extent (unit     *
* check; VDVSENSE).                                                   *
* Registers: R10 -> CTWBLOK, R5 -> VDEV, R9 = real CCWs so far, R8 =  *
* guest CCW address, R7 = 1 while a TIC is not allowed here.          *
*---------------------------------------------------------------------*
CCWTRAN  CPENTRY
         USING VMBLOK,R11
         LR    R10,R1
         USING CTWBLOK,R10
         L     R5,CTWVDEV
         USING VDEV,R5
         SR    R9,R9
         ST    R9,CTWNIDAW
         ST    R9,CTWNPEND
         XC    CTWFIX,CTWFIX       no reads to fix yet
         XC    CTWNLOCK,CTWNLOCK   no pages locked yet
         L     R8,VDVCCWA
         LA    R7,1                the CAW's CCW may not be a TIC
CCWT1    C     R9,=A(CTWMAX)       room for one more?
         BNL   CCWTPCK
         LR    R1,R8               fetch the guest's CCW
         N     R1,=X'00000007'
         BNZ   CCWTPCK             not on a doubleword
         LR    R1,R8
         LA    R0,8
         LA    R2,CTWGCCW
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CCWTPCK             outside the VM's storage
         LR    R1,R9               R6 -> the real CCW, index R9
         SLL   R1,3
         LA    R6,CTWCCWS(R1)
         LR    R1,R9
         SLL   R1,2
         ST    R8,CTWGADR(R1)
         MVC   0(8,R6),CTWGCCW
         TM    CTWGCCW,X'0F'       a TIC (X'x8')?
         BO    CCWT2
         TM    CTWGCCW,X'07'
         BNZ   CCWT2
         TM    CTWGCCW,X'08'
         BO    CCWTTIC
CCWT2    SR    R7,R7
         TM    CTWGCCW,X'0F'
         BZ    CCWTPCK             X'x0': invalid command
         OC    CTWGCCW+6(2),CTWGCCW+6
         BZ    CCWTPCK             count 0
         TM    CTWGCCW+4,X'04'
         BO    CCWTPCK             guest IDAWs: not supported
         CLI   VDVKIND,UDVKDED     a minidisk's special commands
         BE    CCWT5
         TM    VDVFLAGS,VDVFRO     a write on a read-only link?
         BZ    CCWT4
         MVC   CCWWORK(1),CTWGCCW
         LA    R1,CCWWRTS
         BAL   R14,CCWINLST
         BNZ   CCWT4
         L     R0,=X'00040000'     file protected (sense byte 1)
         BAL   R14,CCWSENSE
         LA    R15,12              (write on a read-only link)
         B     CCWTUC
CCWT4    LA    R1,CCWMDTAB
CCWT3    CLI   0(R1),X'FF'
         BE    CCWT5
         CLC   CTWGCCW(1),0(R1)
         BE    CCWT3A
         LA    R1,8(,R1)
         B     CCWT3
CCWT3A   L     R15,4(,R1)          R15 = 0 done (or it ends the
         BALR  R14,R15             program itself: CCWTUC, CCWTPCK)
         B     CCWTNEXT
CCWT5    BAL   R14,CCWDATA         the data address
         LTR   R15,R15
         BNZ   CCWTPCK
CCWTNEXT LA    R9,1(,R9)           one more real CCW
         TM    CTWGCCW+4,X'C0'     chained (data or command)?
         BZ    CCWTRUN
         LA    R8,8(,R8)
         B     CCWT1
*        a TIC
CCWTTIC  LTR   R7,R7
         BNZ   CCWTPCK             first, or TIC to TIC
         L     R1,CTWGCCW          its target
         LA    R1,0(,R1)
         BAL   R14,CCWFIND         translated already? R15 = index
         LTR   R15,R15
         BM    CCWTT1
         LR    R0,R9               a TIC back: only after a Search
         LR    R2,R15
         BAL   R14,CCWBACK
         BNZ   CCWTPCK
         LR    R15,R2
         BAL   R14,CCWTICTO        real TIC to it
         B     CCWTT2
CCWTT1   L     R2,CTWNPEND         not translated: remember it
         C     R2,=A(CTWPMAX)
         BNL   CCWTPCK
         LR    R3,R2
         SLL   R3,3
         LA    R3,CTWPEND(R3)
         L     R1,CTWGCCW
         LA    R1,0(,R1)
         ST    R1,0(,R3)
         ST    R9,4(,R3)
         LA    R2,1(,R2)
         ST    R2,CTWNPEND
CCWTT2   LA    R9,1(,R9)
         LR    R1,R9               was the CCW before it a Search?
         SH    R1,=H'2'
         BAL   R14,CCWISSRC
         BNZ   CCWTRUN
         LA    R8,8(,R8)           yes: the run goes on after the TIC
         LR    R1,R8
         BAL   R14,CCWFIND         (already there: a TIC to it)
         LTR   R15,R15
         BM    CCWTT5
         C     R9,=A(CTWMAX)
         BNL   CCWTPCK
         LR    R6,R9
         SLL   R6,3
         LA    R6,CTWCCWS(R6)
         LR    R1,R9
         SLL   R1,2
         ST    R8,CTWGADR(R1)
         BAL   R14,CCWTICTO
         LA    R9,1(,R9)
         B     CCWTRUN
CCWTT5   SR    R7,R7               (reached by a skip, not a TIC)
         B     CCWT1
*        the end of a run: a forward TIC to resolve?
CCWTRUN  L     R2,CTWNPEND
         LTR   R2,R2
         BZ    CCWTOK
         BCTR  R2,0
         ST    R2,CTWNPEND
         SLL   R2,3
         LA    R3,CTWPEND(R2)
         L     R1,0(,R3)           target
         BAL   R14,CCWFIND
         LR    R2,R15              its index, or -1
         L     R15,4(,R3)          the TIC: R6 -> it
         SLL   R15,3
         LA    R6,CTWCCWS(R15)
         LTR   R2,R2
         BM    CCWTR1
         L     R0,4(,R3)           there now: a TIC to it (back only
         LR    R15,R2              after a Search)
         BAL   R14,CCWBACK
         BZ    CCWTR0
         L     R8,4(,R3)           refused: the TIC's guest address
         SLL   R8,2
         L     R8,CTWGADR(R8)
         B     CCWTPCK
CCWTR0   LR    R15,R2
         BAL   R14,CCWTICTO
         B     CCWTRUN
CCWTR1   LR    R15,R9              not there: it starts here
         BAL   R14,CCWTICTO
         L     R8,0(,R3)
         LA    R7,1                no TIC to a TIC
         B     CCWT1
CCWTOK   SR    R15,R15
         ST    R9,CTWN
         B     CCWTEND
*        the program ends at the CCW at R8: a program check, or a
*        unit check (sense in VDVSENSE) - status for its CSW
CCWTPCK  XC    VDVCSW,VDVCSW
         MVI   VDVCSW+5,X'20'      program check
         LA    R15,4               at the first CCW: no unit status
         C     R8,VDVCCWA
         BE    CCWTCSW
         LA    R15,8               later: channel end, device end too
         MVI   VDVCSW+4,IOSUCE+IOSUDE
         B     CCWTCSW
CCWTUC   XC    VDVCSW,VDVCSW       unit check
         MVI   VDVCSW+4,IOSUCE+IOSUDE+IOSUUC
         MVC   VDVCSW+6(2),CTWGCCW+6  nothing was transferred
CCWTCSW  MVC   VDVCSW(1),VDVCAW
         NI    VDVCSW,X'F0'
         LA    R1,8(,R8)
         STCM  R1,7,VDVCSW+1
         LR    R4,R15              it will not run: pages unlocked
         LR    R1,R10
         CPCALL CCWUNLK
         LR    R15,R4
CCWTEND  CPEXIT
*---------------------------------------------------------------------*
* CCWFIND - the index of the real CCW made from the guest CCW at R1.  *
* Out: R15 = index, or -1.  Uses R2.  (BAL)                           *
*---------------------------------------------------------------------*
CCWFIND  SR    R15,R15
         LA    R2,CTWGADR
CCWF1    CR    R15,R9
         BNL   CCWFNO
         C     R1,0(,R2)
         BER   R14
         LA    R15,1(,R15)
         LA    R2,4(,R2)
         B     CCWF1
CCWFNO   L     R15,=F'-1'
         BR    R14
*---------------------------------------------------------------------*
* CCWBACK - may the real program jump back here?  A loop in a channel *
* program ends only through a Search's status modifier (it skips the  *
* TIC after it; a record that is not there ends the Search with No    *
* Record Found after two turns).  Any other loop would keep the real *
* device - shared with other users' minidisks - busy forever, so a    *
* TIC back to a CCW before it is accepted only right after a Search   *
* (a hostile guest's NOP/TIC loop gets a program check instead; on a  *
* dedicated device too, since CP does not pass HIO on to it).         *
* In: R0 = index of the TIC, R15 = index of its target.               *
* Out: CC 0 (R15 = 0) yes, CC not 0 no.  Uses R1.  (BAL)              *
*---------------------------------------------------------------------*
CCWBACK  CR    R15,R0              forward: no loop
         BH    CCWINYES
         LR    R1,R0               the CCW before the TIC
         BCTR  R1,0
*        falls into CCWISSRC
*---------------------------------------------------------------------*
* CCWISSRC - is CCW number R1 of the copied chain a Search (of any    *
* kind, multitrack or not)?  A negative R1 (no such CCW): no.         *
* Out: CC 0 (R15 = 0) yes, CC not 0 no.  Uses R1, CCWWORK.  (BAL)     *
*---------------------------------------------------------------------*
CCWISSRC LTR   R1,R1
         BM    CCWINNO
         SLL   R1,3
         LA    R1,CTWCCWS(R1)
         IC    R1,0(,R1)
         N     R1,=X'0000007F'     (multitrack or not)
         STC   R1,CCWWORK
         LA    R1,CCWSRCH
*        falls into CCWINLST
*---------------------------------------------------------------------*
* CCWINLST - is the command code at CCWWORK in the list at R1 (codes  *
* ended by X'FF')?  Out: CC 0 (R15 = 0) yes, CC not 0 no.  Uses R1.   *
* (BAL)                                                               *
*---------------------------------------------------------------------*
CCWINLST CLI   0(R1),X'FF'
         BE    CCWINNO
         CLC   CCWWORK(1),0(R1)
         BE    CCWINYES
         LA    R1,1(,R1)
         B     CCWINLST
CCWINYES SR    R15,R15
         BR    R14
CCWINNO  LA    R15,4
         LTR   R15,R15
         BR    R14
*---------------------------------------------------------------------*
* CCWTICTO - make the real CCW at R6 a TIC to real CCW number R15.    *
* (BAL)  Uses R15.                                                    *
*---------------------------------------------------------------------*
CCWTICTO SLL   R15,3
         LA    R15,CTWCCWS(R15)
         ST    R15,0(,R6)
         MVI   0(R6),X'08'
         XC    4(4,R6),4(R6)
         BR    R14
*---------------------------------------------------------------------*
* CCWDATA - the data address of the real CCW at R6 (a copy of the     *
* guest's, CTWGCCW): a real address if the data stay in one 4K page,  *
* else the address of an IDAW list (one IDAW per 2K block, IDA flag). *
* A Skip read stores nothing: its address is not used.               *
* Out: R15 = 0, or 4 the data are outside the VM's storage (or the    *
* IDAW space is used up).  Uses R0-R4.  (BAL)                         *
*---------------------------------------------------------------------*
CCWDATA  ST    R14,CCWDARET
         TM    CTWGCCW+4,X'10'     skip
         BO    CCWDOK
         L     R3,CTWGCCW          R3 = first byte
         LA    R3,0(,R3)
         LH    R4,CTWGCCW+6
         N     R4,=X'0000FFFF'
         AR    R4,R3
         BCTR  R4,0                R4 = last byte
         C     R4,VMBSTOR
         BNL   CCWDBAD
         LR    R1,R3
         BAL   R15,CCWLOCK         R1 = real address, locked
         LTR   R15,R15
         BNZ   CCWDBAD
         LR    R0,R3               same 4K page?
         XR    R0,R4
         N     R0,=X'00FFF000'
         BNZ   CCWDIDA
         STCM  R1,7,1(R6)          yes: the real address
         B     CCWDOK
CCWDIDA  L     R2,CTWNIDAW         no: an IDAW list
         SLL   R2,2
         LA    R2,CTWIDAWS(R2)
         STCM  R2,7,1(R6)
         OI    4(R6),X'04'         IDA
CCWDI1   L     R0,CTWNIDAW         one IDAW: the real address of R3
         C     R0,=A(CTWIDMAX)
         BNL   CCWDBAD
         ST    R1,0(,R2)
         LA    R2,4(,R2)
         A     R0,=F'1'
         ST    R0,CTWNIDAW
         LA    R3,2048(,R3)        the next 2K block
         N     R3,=X'00FFF800'
         CR    R3,R4
         BH    CCWDOK
         LR    R1,R3
         BAL   R15,CCWLOCK
         LTR   R15,R15
         BNZ   CCWDBAD
         B     CCWDI1
CCWDOK   SR    R15,R15
         B     CCWDRT
CCWDBAD  LA    R15,4
CCWDRT   L     R14,CCWDARET
         BR    R14
*---------------------------------------------------------------------*
* CCWLOCK - the real address of a guest address, its page locked in   *
* storage until the program ends (GSTLOCK, cpcore), and remembered in *
* CTWLOCKS for CCWUNLK.  (BAL R15, from CCWDATA)                      *
* In: R1 = guest address.  Out: R1 = real address, R15 = 0, or 4     *
* outside the VM's storage (or no room to remember the lock).         *
*---------------------------------------------------------------------*
CCWLOCK  ST    R15,CCWLKRET
         L     R15,CTWNLOCK
         C     R15,=A(CTWIDMAX+CTWMAX)
         BNL   CCWLKBAD
         SLL   R15,2
         ST    R1,CTWLOCKS(R15)
         CPCALL GSTLOCK
         LTR   R15,R15
         BNZ   CCWLKBAD
         L     R15,CTWNLOCK        one more to unlock
         LA    R15,1(,R15)
         ST    R15,CTWNLOCK
         SR    R15,R15
         L     R14,CCWLKRET        (R14 is CCWDATA's; kept in CCWDARET)
         BR    R14
CCWLKBAD LA    R15,4
         L     R14,CCWLKRET
         BR    R14
*---------------------------------------------------------------------*
* The minidisk commands CCWTRAN treats itself (BALR from CCWT3A, R6 ->*
* the real CCW, R9 its index).  Out: R15 = 0, or an end code of       *
* CCWTRAN after setting what CCWTUC / CCWTPCK need (B there).         *
*---------------------------------------------------------------------*
         DS    0F
CCWMDTAB DC    X'07',XL3'0',A(CCWSEEK)  Seek
         DC    X'0B',XL3'0',A(CCWSEEK)  Seek Cylinder
         DC    X'1B',XL3'0',A(CCWSEEK)  Seek Head
         DC    X'13',XL3'0',A(CCWRECAL) Recalibrate
         DC    X'02',XL3'0',A(CCWRIPL)  Read IPL
         DC    X'31',XL3'0',A(CCWARG0)  Search ID Equal   (CCHHR)
         DC    X'51',XL3'0',A(CCWARG0)  Search ID High
         DC    X'71',XL3'0',A(CCWARG0)  Search ID Equal or High
         DC    X'B1',XL3'0',A(CCWARG0)  (the same, multitrack)
         DC    X'D1',XL3'0',A(CCWARG0)
         DC    X'F1',XL3'0',A(CCWARG0)
         DC    X'39',XL3'0',A(CCWARG0)  Search Home Address (CCHH)
         DC    X'B9',XL3'0',A(CCWARG0)
         DC    X'19',XL3'0',A(CCWARG1)  Write Home Address (FCCHH)
         DC    X'1D',XL3'0',A(CCWCOUNT) Write Count Key and Data
         DC    X'15',XL3'0',A(CCWCOUNT) Write R0
         DC    X'01',XL3'0',A(CCWCOUNT) Write Special CKD
         DC    X'12',XL3'0',A(CCWFIX0)  Read Count
         DC    X'92',XL3'0',A(CCWFIX0)
         DC    X'16',XL3'0',A(CCWFIX0)  Read R0
         DC    X'96',XL3'0',A(CCWFIX0)
         DC    X'1E',XL3'0',A(CCWFIX0)  Read Count Key and Data
         DC    X'9E',XL3'0',A(CCWFIX0)
         DC    X'1A',XL3'0',A(CCWFIX1)  Read Home Address (FCCHH)
         DC    X'9A',XL3'0',A(CCWFIX1)
         DC    X'FF'
*        the commands that write on a CKD device: Write Special CKD,
*        Write Data, Key and Data, CKD, R0, Home Address, Erase
CCWWRTS  DC    X'01',X'05',X'0D',X'1D',X'15',X'19',X'11',X'FF'
*        Search commands (X'80', multitrack, off): a status modifier
*        from them skips the CCW after
CCWSRCH  DC    X'29',X'49',X'69',X'31',X'51',X'71',X'39',X'FF'
*---------------------------------------------------------------------*
* CCWSEEK - Seek (BBCCHH), Seek Cylinder, Seek Head: the argument is  *
* copied to CTWARGS, checked (BB 0, CC inside the extent, HH a head   *
* of the device) and its cylinder relocated; the real CCW reads the   *
* copy.                                                               *
*---------------------------------------------------------------------*
CCWSEEK  ST    R14,CCWSKRET
         CLC   CTWGCCW+6(2),=H'6'
         BL    CCWDNEXT            short: the device rejects it
         LR    R2,R9               R2 -> the copy
         SLL   R2,3
         LA    R2,CTWARGS(R2)
         L     R1,CTWGCCW
         LA    R1,0(,R1)
         LA    R0,6
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CCWSKPCK
         OC    0(2,R2),0(R2)       BB
         BNZ   CCWSKBAD
         L     R1,VDVRDEV          HH < heads of the device
         LH    R1,RDVTYPE-RDEV(,R1)
         CPCALL DSKHEADS
         CH    R1,4(,R2)
         BNH   CCWSKBAD
         CLI   CTWGCCW,X'1B'       Seek Head: the cylinder stays
         BE    CCWSK1
         LH    R1,2(,R2)           CC inside the extent
         N     R1,=X'0000FFFF'
         LH    R0,VDVNCYL
         LTR   R0,R0
         BZ    CCWSK0              0: the whole volume
         CR    R1,R0
         BNL   CCWSKBAD
CCWSK0   MVC   VDVVCYL,2(R2)       where the guest's disk goes
         AH    R1,VDVCYL
         STH   R1,2(,R2)
CCWSK1   MVC   VDVVHEAD,4(R2)
         STCM  R2,7,1(R6)          the real Seek reads the copy
         MVC   6(2,R6),=H'6'
         SR    R15,R15
         L     R14,CCWSKRET
         BR    R14
CCWSKBAD L     R0,=X'80000004'     command reject, invalid argument
         BAL   R14,CCWSENSE        (bytes 0 and 7)
         LA    R15,16              (seek outside the extent)
         L     R14,=A(CCWTUC)
         BR    R14
CCWSKPCK L     R14,=A(CCWTPCK)
         BR    R14
CCWDNEXT BAL   R14,CCWDATA         as any other command
         L     R14,CCWSKRET
         LTR   R15,R15
         BZR   R14
         L     R14,=A(CCWTPCK)
         BR    R14
*---------------------------------------------------------------------*
* CCWSENSE - the sense bytes of a unit check CP gives for a minidisk, *
* as its device would build them (24-byte sense of the 3830: devices  *
* after the 2314): bytes 0, 1 and 7 from R0 (bits 0-7, 8-15, 24-31), *
* byte 4 the drive (3340/3350: one bit, X'80' >> the address's low 3  *
* bits; 3330: the two 3-bit fields), bytes 5-6 the cylinder and head  *
* of the last seek, in the guest's numbers.  (BAL)  Uses R0 R1 R15.   *
*---------------------------------------------------------------------*
CCWSENSE XC    VDVSENSE,VDVSENSE
         STCM  R0,12,VDVSENSE      bytes 0, 1
         STC   R0,VDVSENSE+7       byte 7
         LH    R1,VDVADDR          the drive: low 3 bits of the address
         N     R1,=X'00000007'
         CLC   VDVTYPE,=X'3330'
         BE    CCWSN1
         CLC   VDVTYPE,=X'3340'
         BE    CCWSN0
         CLC   VDVTYPE,=X'3350'
         BNE   CCWSN2
CCWSN0   LA    R15,X'80'           one bit
         SRL   R15,0(R1)
         STC   R15,VDVSENSE+4
         B     CCWSN2
CCWSN1   LA    R15,7               3330: 111000 for A ...
         SR    R15,R1
         SLL   R15,3
         OR    R15,R1
         STC   R15,VDVSENSE+4
CCWSN2   MVC   VDVSENSE+5(1),VDVVCYL+1  cylinder, low byte
         LH    R1,VDVVCYL          its high bits above the head
         SRL   R1,8
         SLL   R1,5
         IC    R15,VDVVHEAD+1
         N     R15,=X'0000001F'
         OR    R1,R15
         STC   R1,VDVSENSE+6
         BR    R14
*---------------------------------------------------------------------*
* CCWRECAL - Recalibrate would go to the volume's cylinder 0: a Seek  *
* to the extent's first cylinder instead.                             *
*---------------------------------------------------------------------*
CCWRECAL LR    R2,R9
         SLL   R2,3
         LA    R2,CTWARGS(R2)
         XC    0(8,R2),0(R2)
         MVC   2(2,R2),VDVCYL
         MVI   0(R6),X'07'         Seek
         STCM  R2,7,1(R6)
         MVC   6(2,R6),=H'6'
         NI    4(R6),X'FF'-X'20'
         XC    VDVVCYL,VDVVCYL     its cylinder 0, head 0
         XC    VDVVHEAD,VDVVHEAD
         SR    R15,R15
         BR    R14
*---------------------------------------------------------------------*
* CCWRIPL - Read IPL reads the first record after R0 of the volume's  *
* cylinder 0 head 0: on a minidisk, three real CCWs do it there -     *
* Seek (extent cylinder, head 0), Read R0 (skip), Read Data with the  *
* guest's address, count and flags.  All three carry the guest's     *
* CCW address.                                                        *
*---------------------------------------------------------------------*
CCWRIPL  ST    R14,CCWRIRET
         LR    R1,R9
         LA    R1,3(,R1)
         C     R1,=A(CTWMAX)
         BH    CCWSKPCK
         LR    R2,R9
         SLL   R2,3
         LA    R2,CTWARGS(R2)
         XC    0(8,R2),0(R2)
         MVC   2(2,R2),VDVCYL
         ST    R2,0(,R6)           Seek, chained
         MVI   0(R6),X'07'
         MVC   4(4,R6),=X'40000006'
         MVC   8(4,R6),=A(CCWSKIPA)   Read R0, skip, chained
         MVI   8(R6),X'16'
         MVC   12(4,R6),=X'70000008'
         MVC   16(8,R6),CTWGCCW    Read Data, the guest's CCW
         MVI   16(R6),X'06'
         LR    R1,R9               the guest address for the three
         SLL   R1,2
         LA    R1,CTWGADR(R1)
         MVC   4(4,R1),0(R1)
         MVC   8(4,R1),0(R1)
         LA    R9,2(,R9)           the Read Data is "this" CCW
         LA    R6,16(,R6)
         BAL   R14,CCWDATA
         L     R14,CCWRIRET
         LTR   R15,R15
         BZR   R14
         L     R14,=A(CCWTPCK)
         BR    R14
*---------------------------------------------------------------------*
* Record identifiers name cylinders too.  So that a minidisk's records*
* carry the real cylinder, as R0 on every track does (dasd370 init    *
* wrote it), the cylinder in a Search ID / Search HA argument and in  *
* the count field a Write CKD / Write R0 writes is relocated like a   *
* seek's (CP writes a relocated copy of those first bytes), and the   *
* count fields the guest reads back (Read Count, R0, CKD, HA) are     *
* turned back into its own cylinders when the program ends (CTWFIX,   *
* CCWDONE).  The guest sees only its own cylinder numbers.            *
* CCWARG0 / CCWARG1 - a search argument (cylinder at +0) or a Write   *
* HA's (at +1), 8 bytes at most: copied, relocated, read by the real  *
* CCW from CTWARGS.                                                   *
*---------------------------------------------------------------------*
CCWARG0  SR    R0,R0               the cylinder's offset
         B     CCWARG
CCWARG1  LA    R0,1
CCWARG   ST    R14,CCWAGRET
         CLC   CTWGCCW+6(2),=H'8'
         BH    CCWAGDAT            longer: not an argument, as it is
         LR    R3,R0
         LR    R2,R9               R2 -> the copy
         SLL   R2,3
         LA    R2,CTWARGS(R2)
         L     R1,CTWGCCW
         LA    R1,0(,R1)
         LH    R0,CTWGCCW+6
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CCWAGPCK
         LH    R0,CTWGCCW+6        the cylinder inside the count?
         LA    R1,2(,R3)
         CR    R0,R1
         BL    CCWAG1
         AR    R3,R2
         LH    R1,0(,R3)
         AH    R1,VDVCYL
         STH   R1,0(,R3)
CCWAG1   STCM  R2,7,1(R6)
         SR    R15,R15
         L     R14,CCWAGRET
         BR    R14
CCWAGDAT BAL   R14,CCWDATA
         L     R14,CCWAGRET
         LTR   R15,R15
         BZR   R14
CCWAGPCK L     R14,=A(CCWTPCK)
         BR    R14
*---------------------------------------------------------------------*
* CCWCOUNT - Write CKD, Write R0, Write Special CKD: the first 8      *
* bytes are the count field (CCHHRKDD).  The real CCW writes a       *
* relocated copy of them and data-chains to a second real CCW with   *
* the rest of the guest's data.  (A count under 8: as it is; the      *
* device rejects it.)                                                 *
*---------------------------------------------------------------------*
CCWCOUNT CLC   CTWGCCW+6(2),=H'8'
         BNH   CCWARG0             8 or less: just the count field
         ST    R14,CCWAGRET
         LR    R1,R9               room for two?
         LA    R1,2(,R1)
         C     R1,=A(CTWMAX)
         BH    CCWAGPCK
         LR    R2,R9
         SLL   R2,3
         LA    R2,CTWARGS(R2)
         L     R1,CTWGCCW
         LA    R1,0(,R1)
         LA    R0,8
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CCWAGPCK
         LH    R1,0(,R2)           relocated
         AH    R1,VDVCYL
         STH   R1,0(,R2)
         STCM  R2,7,1(R6)          the first real CCW: the count
         OI    4(R6),X'80'         chain data to the rest
         MVC   6(2,R6),=H'8'
         MVC   8(8,R6),CTWGCCW     the second: the rest of the data
         L     R1,CTWGCCW          (with the guest's flags)
         LA    R1,8(,R1)
         STCM  R1,7,CTWGCCW+1
         LH    R1,CTWGCCW+6
         SH    R1,=H'8'
         STH   R1,CTWGCCW+6
         LR    R1,R9               its guest address: the same
         SLL   R1,2
         LA    R1,CTWGADR(R1)
         MVC   4(4,R1),0(R1)
         LA    R9,1(,R9)
         LA    R6,8(,R6)
         MVC   6(2,R6),CTWGCCW+6   the rest's count
         BAL   R14,CCWDATA
         L     R14,CCWAGRET
         LTR   R15,R15
         BZR   R14
         B     CCWAGPCK
*---------------------------------------------------------------------*
* CCWFIX0 / CCWFIX1 - a read that returns a count field (cylinder at  *
* +0) or a home address (at +1): translated as any read, and marked  *
* in CTWFIX so that CCWDONE gives the guest its own cylinder back.    *
*---------------------------------------------------------------------*
CCWFIX0  LA    R0,1
         B     CCWFIX
CCWFIX1  LA    R0,2
CCWFIX   LR    R1,R9
         STC   R0,CTWFIX(R1)
         ST    R14,CCWAGRET
         B     CCWAGDAT
*---------------------------------------------------------------------*
* CCWNOSIM - the command routine for VIOCHAN when CP answers a SENSE  *
* itself: any other command chained to it is rejected.               *
*---------------------------------------------------------------------*
CCWNOSIM CPENTRY
         MVI   VDVSENSE-VDEV(R5),X'80'
         SR    R1,R1
         LA    R0,IOSUCE+IOSUDE+IOSUUC
         CPEXIT RC=0
*---------------------------------------------------------------------*
* CCWDONE - the real program ended (IOS, interruption level: short,   *
* no waiting).  The virtual CSW: the guest's CCW address (+8) of the  *
* real CCW the CSW names, the status and residual count as they are, *
* the key of the guest's CAW; a unit check's sense goes to VDVSENSE;  *
* a device that did not answer at all gives intervention required.   *
* Then the virtual interruption, unless CCWRUN waits for it.          *
* In: R1 -> IOBLOK (= CTWBLOK).                                       *
*---------------------------------------------------------------------*
CCWDONE  CPENTRY
         LR    R10,R1
         USING CTWBLOK,R10
         NI    CTWFLAGS,X'FF'-CTWFIOS
         L     R11,CTWVMB
         L     R5,CTWVDEV
         LR    R1,R10              the guest's pages may go again
         CPCALL CCWUNLK
         LR    R9,R10              its IOBLOK is at its start
         USING IOBLOK,R9
         MVC   VDVCSW,IOBCSW
         MVC   VDVCSW(1),VDVCAW    key
         NI    VDVCSW,X'F0'
         L     R1,IOBCSW           the real CCW address + 8
         LA    R1,0(,R1)
         LA    R2,CTWCCWS+8
         SR    R1,R2
         BM    CCWDN2              not one of ours
         SRL   R1,3                index of the last that ran
         C     R1,CTWN
         BNL   CCWDN2
         LR    R6,R1
         SLL   R1,2
         L     R1,CTWGADR(R1)      the guest's
         LA    R1,8(,R1)
         STCM  R1,7,VDVCSW+1
         LA    R1,1(,R6)           how many ran
         CPCALL CCWUNREL           count fields back to its cylinders
         B     CCWDN3
CCWDN2   L     R1,VDVCCWA          the start then
         LA    R1,8(,R1)
         STCM  R1,7,VDVCSW+1
CCWDN3   TM    IOBCSW+4,IOSUUC
         BZ    CCWDN4
         MVC   VDVSENSE,IOBSENSE
CCWDN4   TM    IOBFLAGS,IOBFERR
         BZ    CCWDN5
         OC    IOBCSW+4(2),IOBCSW+4
         BNZ   CCWDN5
         MVI   VDVCSW+4,IOSUCE+IOSUDE+IOSUUC  no answer at all
         XC    VDVSENSE,VDVSENSE
         MVI   VDVSENSE,X'40'      intervention required
CCWDN5   TM    CTWFLAGS,CTWFSYNC
         BO    CCWDNEND
         LR    R1,R5
         CPCALL VIOPOST
CCWDNEND CPEXIT RC=0
         DROP  R5,R9,R10,R11
*---------------------------------------------------------------------*
* CCWUNLK - unlock the guest pages CCWLOCK locked (GSTUNLK).          *
* In: R1 -> CTWBLOK (CTWVMB).                                         *
*---------------------------------------------------------------------*
CCWUNLK  CPENTRY
         LR    R10,R1
         USING CTWBLOK,R10
         L     R11,CTWVMB
         L     R6,CTWNLOCK
         LA    R7,CTWLOCKS
CCWUL1   LTR   R6,R6
         BZ    CCWULEND
         L     R1,0(,R7)
         CPCALL GSTUNLK
         LA    R7,4(,R7)
         BCT   R6,CCWUL1
CCWULEND XC    CTWNLOCK,CTWNLOCK
         CPEXIT RC=0
         DROP  R10
*---------------------------------------------------------------------*
* CCWUNREL - after the program: the count fields and home addresses   *
* the executed reads of CTWFIX stored get the guest's cylinder back   *
* (real cylinder - the extent's first).  The last CCW counts only if  *
* it ended without unit check.  A field split across two 2K IDAW      *
* blocks is left as it is.                                            *
* In: R1 = real CCWs executed (the CSW's), R10 -> CTWBLOK, R5 -> VDEV.*
*---------------------------------------------------------------------*
CCWUNREL CPENTRY
         USING CTWBLOK,R10
         USING VDEV,R5
         LR    R7,R1               CCWs done
         TM    CTWIOB+(IOBCSW-IOBLOK)+4,IOSUUC
         BZ    CCWUR0
         BCTR  R7,0                the last did not end well
CCWUR0   SR    R6,R6               index
CCWUR1   CR    R6,R7
         BNL   CCWUREND
         SR    R2,R2
         IC    R2,CTWFIX(R6)
         LTR   R2,R2
         BZ    CCWUR3
         LR    R3,R6               the real CCW
         SLL   R3,3
         LA    R3,CTWCCWS(R3)
         TM    4(R3),X'10'         skip: nothing was stored
         BO    CCWUR3
         L     R4,0(,R3)           data address
         LA    R4,0(,R4)
         TM    4(R3),X'04'         IDA: the first IDAW's
         BZ    CCWUR2
         L     R4,0(,R4)
CCWUR2   BCTR  R2,0                + offset of the cylinder
         AR    R4,R2
         LA    R1,1(,R4)           both bytes in one 2K block?
         XR    R1,R4
         N     R1,=X'FFFFF800'
         BNZ   CCWUR3
         SR    R1,R1
         ICM   R1,3,0(R4)
         CH    R1,VDVCYL           a real cylinder of the extent
         BL    CCWUR3
         SH    R1,VDVCYL
         STCM  R1,3,0(R4)
CCWUR3   LA    R6,1(,R6)
         B     CCWUR1
CCWUREND CPEXIT RC=0
         DROP  R5,R10
*---------------------------------------------------------------------*
* CCWFREE - free a device's CTWBLOK (the device goes away).  A real   *
* channel program cannot be taken back: if IOS still has it, CP waits *
* (enabled for I/O, as IOSWAIT does) until it has ended, so that the  *
* guest's pages are unlocked before the VM's frames are given back.  *
* Top level only.                                                     *
* In: R1 -> CTWBLOK.                                                  *
*---------------------------------------------------------------------*
CCWFREE  CPENTRY
         LR    R2,R1
CCWFR0   TM    CTWFLAGS-CTWBLOK(R2),CTWFIOS
         BZ    CCWFR1
         LPSW  CCWWAITP            back at CCWFR0 after an interruption
CCWFR1   LR    R1,R2
         L     R0,=A(CTWLEN)
         CPCALL FREERET
         CPEXIT RC=0
*---------------------------------------------------------------------*
* Data.                                                               *
*---------------------------------------------------------------------*
         DS    0D
CCWWAITP DC    X'020A0000',A(CCWFR0)  EC, I/O only, wait
CCWDARET DS    A                   return addresses of BAL routines
CCWAGRET DS    A
CCWLKRET DS    A
CCWSKRET DS    A
CCWRIRET DS    A
         DS    0D
CCWWORK  DS    D
CCWSKIPA DS    D                   Read R0's data go nowhere (skip)
         LTORG
         DROP  0
