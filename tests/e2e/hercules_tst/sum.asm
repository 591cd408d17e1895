*
* SUM - adds 10+9+...+1 in a BCT loop, stores the sum (55 = X'37')
*       at X'300' and 'DONE' after it.  Started by the restart key
*       (restart new PSW at 0); ends in a disabled wait at address 0.
*
SUM      START 0
         DC    X'0000000000000200'     restart new PSW
         ORG   SUM+X'68'
         DC    X'000A00000000DEAD'     program new PSW
         ORG   SUM+X'200'
         BALR  12,0
         USING *,12
         LA    1,10                    count down from 10
         SR    2,2                     the sum
LOOP     AR    2,1
         BCT   1,LOOP
         ST    2,RESULT
         MVC   RESULT+4(4),=C'DONE'
         LPSW  WAIT
         DS    0D
WAIT     DC    X'0002000000000000'     disabled wait, address 0
         LTORG
         ORG   SUM+X'300'
RESULT   DC    F'0',CL4' '
         END
