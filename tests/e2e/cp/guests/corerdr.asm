*---------------------------------------------------------------------*
* CORERDR - a guest waiting for cards (tests/e2e/cp/io_rdrde.sh).  It *
* waits enabled for I/O with nothing started: only a device end from  *
* its reader 00C, when a file arrives in it, can wake it.  Then it    *
* reads the first card and checks it says HELLO READER.  All well:    *
* disabled wait X'AAA'; X'F0n': step n failed (1 not the reader, 2    *
* not device end alone, 3 SIO refused, 4 the read did not end well,  *
* 5 another card).                                                    *
*---------------------------------------------------------------------*
CORERDR  START X'400'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),IONEW1
         LPSW  WAITIO              nothing started: wait for cards
ARRIVED  CLC   X'3A'(2),=X'000C'   the reader...
         BNE   FAIL1
         CLI   X'44',X'04'         ...with device end alone
         BNE   FAIL2
         MVC   X'78'(8),IONEW2
         MVC   X'48'(4),=A(RDCCW)
         SIO   X'00C'
         BNZ   FAIL3
         LPSW  WAITIO
READ     CLC   X'3A'(2),=X'000C'
         BNE   FAIL4
         TM    X'44',X'0C'         channel end, device end
         BNO   FAIL4
         TM    X'44',X'F3'         and nothing else
         BNZ   FAIL4
         CLC   CARD(12),=C'HELLO READER'
         BNE   FAIL5
         LPSW  DONE
FAIL1    LPSW  FAILPSW1
FAIL2    LPSW  FAILPSW2
FAIL3    LPSW  FAILPSW3
FAIL4    LPSW  FAILPSW4
FAIL5    LPSW  FAILPSW5
R12      EQU   12
         DS    0D
IONEW1   DC    X'00000000',A(ARRIVED)
IONEW2   DC    X'00000000',A(READ)
WAITIO   DC    X'FE020000',A(0)    channels 0-6 enabled, wait
RDCCW    DC    X'02',AL3(CARD),X'20000050'   read 80, SLI
DONE     DC    X'00020000',A(X'AAA')
FAILPSW1 DC    X'00020000',A(X'F01')
FAILPSW2 DC    X'00020000',A(X'F02')
FAILPSW3 DC    X'00020000',A(X'F03')
FAILPSW4 DC    X'00020000',A(X'F04')
FAILPSW5 DC    X'00020000',A(X'F05')
         LTORG
CARD     DC    CL80' '
         END   CORERDR
