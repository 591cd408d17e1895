*---------------------------------------------------------------------*
* PSA - the prefixed storage area: real page 0.  X'000'-X'1FF' is    *
* the architected low core of an EC-mode S/370 (GA22-7000, chapter   *
* "Permanent storage assignments"); from X'200' CP keeps its         *
* globals.  CP runs with DAT off and prefix 0, so USING PSA,0 reaches *
* every field.  Owner of the CP fields: cpcore (add fields below     *
* PSACPEND, keep the total under X'1000').                            *
*---------------------------------------------------------------------*
PSA      DSECT
PSAIPLPS DS    0D                  IPL PSW
PSARSTNW DS    D                   restart new PSW
PSARSTOL DS    D                   restart old PSW (IPL CCW1)
PSAIPLC2 DS    D                   (IPL CCW2)
PSAEXTOL DS    D                   external old PSW
PSASVCOL DS    D                   SVC old PSW
PSAPGMOL DS    D                   program old PSW
PSAMCKOL DS    D                   machine-check old PSW
PSAIOOL  DS    D                   I/O old PSW
PSACSW   DS    D                   channel status word
PSACAW   DS    F                   channel address word
         DS    F
PSATIMER DS    F                   interval timer
         DS    F
PSAEXTNW DS    D                   external new PSW
PSASVCNW DS    D                   SVC new PSW
PSAPGMNW DS    D                   program new PSW
PSAMCKNW DS    D                   machine-check new PSW
PSAIONW  DS    D                   I/O new PSW
         DS    F                   X'80'
PSAEXCPU DS    H                   X'84' external: CPU address
PSAEXCOD DS    H                   X'86' external interruption code
         DS    X                   X'88'
PSASVILC DS    X                   X'89' SVC ILC
PSASVCOD DS    H                   X'8A' SVC interruption code
         DS    X                   X'8C'
PSAPGILC DS    X                   X'8D' program ILC
PSAPGCOD DS    H                   X'8E' program interruption code
PSATEA   DS    F                   X'90' translation exception addr
PSAMONCL DS    H                   X'94' monitor class
PSAPERCD DS    H                   X'96' PER code
PSAPERAD DS    F                   X'98' PER address
PSAMONCD DS    F                   X'9C' monitor code
         DS    2F                  X'A0'
PSACHID  DS    F                   X'A8' channel ID (STIDC)
PSAIOELA DS    F                   X'AC' I/O extended logout address
PSALCL   DS    F                   X'B0' limited channel logout
         DS    F                   X'B4'
         DS    H                   X'B8'
PSAIODEV DS    H                   X'BA' I/O interruption device addr
         ORG   PSA+X'D8'
PSACPUTS DS    D                   X'D8' CPU timer save area
PSACKCSV DS    D                   X'E0' clock comparator save area
PSAMCKCD DS    D                   X'E8' machine-check code
         ORG   PSA+X'160'
PSAFPRSV DS    4D                  X'160' store status: FPRs
PSAGPRSV DS    16F                 X'180' store status: GPRs
PSACRSV  DS    16F                 X'1C0' store status: CRs
*---------------------------------------------------------------------*
* CP's globals (X'200' onwards).                                      *
*---------------------------------------------------------------------*
PSAREGS  DS    16F                 registers of the interrupted       *
*                                  context, saved by the first-level  *
*                                  interruption handlers              *
PSACURVM DS    A                   -> VMBLOK of the running guest, or 0
PSAVMCHN DS    A                   -> first VMBLOK (chain VMBNEXT)
PSASYSHD DS    A                   -> SYSHDR (X'2000')
PSAIPLDV DS    H                   real IPL device address
         DS    H
PSACPEND DS    0D                  cpcore's fields:
*                                  -- interruption entry and exit --
PSAINTIN DS    A                   -> DSPINTIN (macro INTENTRY)
PSAINTOU DS    A                   -> DSPINTOU (macro INTEXIT)
PSAGPSW  DS    D                   real PSW that starts the guest
PSARETPS DS    D                   PSW that resumes interrupted CP code
PSAWORK  DS    D                   scratch for the first-level handlers
*                                  -- real storage --
PSASTOR  DS    F                   real storage size, bytes
PSAFREEQ DS    A                   -> first free extent (FREEGET)
PSAFRMT  DS    A                   -> frame table (one FRAME a 4K)
PSAFRMN  DS    F                   entries in the frame table
PSAFRMFQ DS    A                   -> first free FRAME (chain FRMNEXT)
PSAFRMCK DS    A                   -> FRAME at the clock hand
PSASLOTM DS    A                   -> paging slot bitmap (1 = used)
PSASLOTN DS    F                   paging slots on SYSRES
PSASYSRD DS    A                   -> RDEV of SYSRES (page, directory)
*                                  -- dispatching --
PSAWORKQ DS    A                   -> first CPEXQ work item
PSAWORKL DS    A                   -> last CPEXQ work item
PSALASTV DS    A                   -> VMBLOK dispatched last
PSACR0   DS    F                   CR0 as loaded now
PSACR1   DS    F                   CR1 as loaded now
PSATMRQ  DS    A                   -> first CP timer (TMRBLOK chain, *
*                                  earliest deadline first: CPTIMER)  *
PSAEND   DS    0D                  end of the PSA fields
