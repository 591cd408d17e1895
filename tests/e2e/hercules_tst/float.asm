*
* FLOAT - hexadecimal floating point: 1.5 + 2.25 = 3.75 (short,
*         X'413C0000' in FPR0), 10 / 4 = 2.5 (long, X'4128000000000000'
*         in FPR2), and 3.75 stored at X'300'.
*
FLOAT    START 0
         DC    X'0000000000000200'     restart new PSW
         ORG   FLOAT+X'68'
         DC    X'000A00000000DEAD'     program new PSW
         ORG   FLOAT+X'200'
         BALR  12,0
         USING *,12
         LE    0,=E'1.5'
         AE    0,=E'2.25'
         LD    2,=D'10'
         DD    2,=D'4'
         STE   0,RESULT
         LPSW  WAIT
         DS    0D
WAIT     DC    X'0002000000000000'
         LTORG
         ORG   FLOAT+X'300'
RESULT   DC    E'0'
         END
