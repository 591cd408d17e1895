*---------------------------------------------------------------------*
* TMRBLOK - a CP timer request (CPTIMER, CPTCANCL in vtimer.asm).     *
* The caller owns the block (in its own control block or free        *
* storage) and fills TMRRTN, TMRPARM and TMRTOD before CPTIMER; CP    *
* chains it on PSATMRQ until the deadline passes or CPTCANCL takes   *
* it off.  When the TOD clock reaches TMRTOD the dispatcher, at top  *
* level, takes the block off the queue and calls TMRRTN (a CPENTRY   *
* routine) with R1 = R0 = TMRPARM, R11 = 0; the routine may queue    *
* the same block again.  A block may be freed once it is off the     *
* queue (after its routine ran, or after CPTCANCL).  Owner: cpcore.  *
*---------------------------------------------------------------------*
TMRBLOK  DSECT
TMRNEXT  DS    A                   -> next request (CP's; 0 = last)
TMRRTN   DS    A                   -> routine to run at the deadline
TMRPARM  DS    F                   its parameter (R1, R0)
         DS    F
TMRTOD   DS    D                   deadline, TOD clock format
TMRLEN   EQU   *-TMRBLOK           24 bytes
