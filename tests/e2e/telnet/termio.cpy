*
* TERMIO - what form.asm and line.asm share: channel programs on the
*          terminal and waiting for its interruptions, in BC mode.  The
*          program defines DEVNUM (the terminal's device number) and
*          RESTART (where to begin anew once a client is connected).
*
* DOIO:     run the channel program at R1 on DEVNUM and wait for its
*           end (R11 return).  Not ready (unit check: no client, or it
*           went away) goes to NOTREADY.
* NOTREADY: wait for the device end of the next client, then RESTART.
* NEXTINT:  wait for an I/O interruption from DEVNUM (R10 return); its
*           CSW is at X'40'.  The other devices' are ignored.
* FAIL:     a disabled wait at X'BAD'.
*
DOIO     ST    1,X'48'                 the CAW
SIOAGAIN SIO   DEVNUM
         BC    B'1000',STARTED         cc 0: started
         BC    B'0001',FAIL            cc 3: not operational
         BC    B'0010',SIOAGAIN        cc 2: busy
         TM    X'44',X'02'             cc 1, CSW stored: unit check?
         BO    NOTREADY
         B     SIOAGAIN
STARTED  BAL   10,NEXTINT
         TM    X'44',X'02'             unit check
         BO    NOTREADY
         TM    X'44',X'08'             channel end: this operation
         BNO   STARTED
         BR    11
NOTREADY BAL   10,NEXTINT
         TM    X'44',X'04'             device end: a client
         BNO   NOTREADY
         B     RESTART
NEXTINT  LPSW  WAITPSW
GOTIO    CLC   X'3A'(2,0),DEVICE       BC mode: old PSW's device
         BNE   NEXTINT
         BR    10
FAIL     LPSW  FAILED
         DS    0D
WAITPSW  DC    X'8002000000000000'     wait, enabled for channel 0
IONEW    DC    X'00000000',A(GOTIO)    the I/O new PSW
FAILED   DC    X'0002000000000BAD'
DEVICE   DC    AL2(DEVNUM)
