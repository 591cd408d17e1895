*
* HELLO - a standalone program: writes a line to the 3215 console at
*         X'009' and stops in a disabled wait with code 0.
*
*         Entry:  the IPL PSW (BC mode, all interruptions disabled)
*         Exit:   disabled wait, PSW address 0 on success
*         Registers: R12 base, R1 CAW scratch
*
HELLO    START X'2000'
         USING HELLO,12
         BALR  12,0                    establish addressability
         BCTR  12,0                    ... R12 -> HELLO
         BCTR  12,0
         MVC   X'48'(4,0),CAW         channel program address
         SIO   X'009'                  start the write
         BNZ   FAIL                    cc non-zero: not started
WAIT     TIO   X'009'                  poll until the device is free
         BC    B'0010',WAIT            cc 2: still busy
         LPSW  DONE                    disabled wait, code 0
FAIL     LPSW  FAILED
         DS    0D
DONE     DC    X'0002000000000000'     disabled wait PSW, success
FAILED   DC    X'0002000000000BAD'     disabled wait PSW, failure
CAW      DC    A(WRITE)
WRITE    CCW   X'09',MESSAGE,X'20',L'MESSAGE
MESSAGE  DC    C'HELLO FROM S370'
         END   HELLO
