*
* ECHO - the demo `make run` boots: greets on the console at X'009',
*        then echoes every line the operator types (/text on the s370
*        console) until the line QUIT, and stops in a disabled wait.
*
*        Entry:  the IPL PSW (BC mode, all interruptions disabled)
*        Exit:   disabled wait, PSW address 0; X'BAD' if the console
*                is not operational
*        Registers: R12 base, R11 return from DOIO
*        Waiting for the operator is an enabled wait (no polling).
*
ECHO     START X'2000'
         USING ECHO,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> ECHO
         BCTR  12,0
         MVC   X'48'(4,0),CAWHELLO     greet
         BAL   11,DOIO
NEXT     MVC   REPLY,BLANKS            read a line
         MVC   X'48'(4,0),CAWREAD
         BAL   11,DOIO
         CLC   REPLY(4),=C'QUIT'       QUIT ends the demo
         BE    BYE
         MVC   X'48'(4,0),CAWECHO      echo the line
         BAL   11,DOIO
         B     NEXT
BYE      MVC   X'48'(4,0),CAWBYE
         BAL   11,DOIO
         LPSW  DONE
*
* DOIO - run the channel program whose CAW is at X'48' on the console
*        and wait for its I/O interruption in an enabled wait, so the
*        host's CPU idles while the operator thinks.  R11 return.
*
DOIO     SIO   X'009'                  start the channel program
         BC    B'0110',DOIO            cc 1 (status stored), 2 (busy)
         BC    B'0001',FAIL            cc 3: not operational
         MVC   X'78'(8,0),IONEW        the I/O new PSW comes back here
WAITIO   LPSW  WAITPSW                 enabled wait
IOINT    CLC   X'3A'(2,0),=X'0009'     from the console?
         BNE   WAITIO
         TM    X'44'(0),X'04'          device end in the CSW?
         BZ    WAITIO
         BR    11
FAIL     LPSW  FAILED
         DS    0D
DONE     DC    X'0002000000000000'     disabled wait: the end
FAILED   DC    X'0002000000000BAD'     disabled wait: no console
WAITPSW  DC    X'80020000',A(0)        wait, channel 0 enabled
IONEW    DC    X'00000000',A(IOINT)    I/O new PSW: disabled, to IOINT
CAWHELLO DC    A(HELLOCCW)
CAWREAD  DC    A(READCCW)
CAWECHO  DC    A(ECHOCCW)
CAWBYE   DC    A(BYECCW)
HELLOCCW CCW   X'09',HELLO,X'20',L'HELLO
READCCW  CCW   X'0A',REPLY,X'20',L'REPLY
ECHOCCW  CCW   X'09',YOUSAID,X'20',L'YOUSAID+L'REPLY
BYECCW   CCW   X'09',BYEMSG,X'20',L'BYEMSG
HELLO    DC    C'HELLO FROM S370 - TYPE /TEXT TO TALK, /QUIT TO END'
BYEMSG   DC    C'GOODBYE - TYPE QUIT TO LEAVE S370'
YOUSAID  DC    C'YOU SAID: '
REPLY    DC    CL60' '
BLANKS   DC    CL60' '
         END   ECHO
