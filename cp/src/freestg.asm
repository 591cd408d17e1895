*---------------------------------------------------------------------*
* FREESTG - CP free storage: the control blocks CP builds as it runs *
* (VMBLOKs, VDEVs, RDEVs, page tables, work items...).  Prefix FRE.  *
*                                                                     *
* Free storage is a list of free extents in address order, each      *
* starting with its own header: +0 -> next extent, +4 its length.    *
* Every length is a multiple of 8 and every extent starts on a       *
* doubleword, so every block handed out is doubleword aligned.       *
* FREEGET takes the first extent long enough (first fit) and cuts    *
* the block from its front; FREERET puts a block back in its place,  *
* merging it with the extents just before and after it, so storage   *
* does not crumble.  The caller says the length on return as on get  *
* (as in VM/370), so blocks need no header.  CPINIT gives the        *
* extents: X'3000'-X'FFFF' and 256K after the nucleus.               *
* Running out is fatal (X'DEAD04'): CP cannot go on without it.      *
*---------------------------------------------------------------------*
FREESTG  CSECT
         USING PSA,0
*---------------------------------------------------------------------*
* FREEGET - get a block of free storage, zeroed.                      *
* In: R0 = bytes (> 0).  Out: R1 -> block (doubleword aligned),       *
* R15 = 0.                                                            *
*---------------------------------------------------------------------*
FREEGET  CPENTRY
         LTR   R3,R0               round up to a multiple of 8
         BP    FREG0               (nothing asked: 8 bytes)
         LA    R3,8
FREG0    LA    R3,7(,R3)
         N     R3,FREX7F8
         LA    R4,PSAFREEQ         R4 -> the link to the extent
FREG1    ICM   R5,15,0(R4)
         BZ    FREGNONE
         C     R3,4(,R5)           long enough?
         BNH   FREG2
         LR    R4,R5               (the link is at +0)
         B     FREG1
FREG2    BE    FREG3               exactly: unchain it
         LR    R6,R5               longer: the rest stays free
         AR    R6,R3
         MVC   0(4,R6),0(R5)       next
         L     R7,4(,R5)
         SR    R7,R3
         ST    R7,4(,R6)           length
         ST    R6,0(,R4)
         B     FREG4
FREG3    MVC   0(4,R4),0(R5)
FREG4    LR    R6,R5               clear it
         LR    R7,R3
         SR    R14,R14
         SR    R15,R15
         MVCL  R6,R14
         LR    R1,R5
         CPEXIT RC=0
FREGNONE LA    R3,4                out of free storage
         L     R15,FREHALTA
         BR    R15
FREHALTA DC    A(PRGHALT)
FREX7F8  DC    X'00FFFFF8'
*---------------------------------------------------------------------*
* FREERET - give a block back (also how CPINIT adds an extent).       *
* In: R1 -> block, R0 = its length as it was asked for.               *
* Out: R15 = 0.                                                       *
*---------------------------------------------------------------------*
FREERET  CPENTRY
         LR    R3,R0
         LA    R3,7(,R3)
         N     R3,FREX7F8B
         LA    R4,PSAFREEQ         find the extents around it
         SR    R8,R8               R8 -> the extent before (0: none)
FRER1    ICM   R5,15,0(R4)         R5 -> the extent after (0: none)
         BZ    FRER2
         CR    R5,R1
         BH    FRER2
         LR    R8,R5
         LR    R4,R5
         B     FRER1
FRER2    ST    R5,0(,R1)           chain the block between them
         ST    R3,4(,R1)
         ST    R1,0(,R4)
         LTR   R5,R5               merge with the one after?
         BZ    FRER3
         LR    R6,R1
         AR    R6,R3
         CR    R6,R5
         BNE   FRER3
         MVC   0(4,R1),0(R5)
         L     R6,4(,R5)
         AR    R6,R3
         ST    R6,4(,R1)
FRER3    LTR   R8,R8               merge with the one before?
         BZ    FRER4
         L     R6,4(,R8)
         AR    R6,R8
         CR    R6,R1
         BNE   FRER4
         MVC   0(4,R8),0(R1)
         L     R6,4(,R8)
         A     R6,4(,R1)
         ST    R6,4(,R8)
FRER4    CPEXIT RC=0
FREX7F8B DC    X'00FFFFF8'
         LTORG
