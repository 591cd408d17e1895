*
* PROGRAM - SSM in the problem state: a privileged-operation exception
*           (code 2, ILC 2).  The program new PSW is a disabled wait at
*           X'DEAD'; the old PSW at X'28' tells where and why.
*
PROGRAM  START 0
         DC    X'0000000000000200'     restart new PSW
         ORG   PROGRAM+X'68'
         DC    X'000A00000000DEAD'     program new PSW
         ORG   PROGRAM+X'200'
         BALR  12,0
         USING *,12
         LPSW  PROBLEM                 go to the problem state
         DS    0D
PROBLEM  DC    X'00010000',A(SSM)      BC mode, key 0, problem state
SSM      SSM   MASK                    privileged: program check
         LPSW  WAIT                    (not reached)
         DS    0D
WAIT     DC    X'0002000000000000'
MASK     DC    X'00'
         END
