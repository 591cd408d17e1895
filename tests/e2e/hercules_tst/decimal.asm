*
* DECIMAL - packed decimal: 12345 - 45 = 12300; times 2 = 24600,
*           unpacked to zoned 00024600; CVB gives X'6018' in R3 and
*           CVD puts it back.  Results from X'300'.  Ends in a disabled
*           wait at 0 (a data exception would end at DEAD).
*
DECIMAL  START 0
         DC    X'0000000000000200'     restart new PSW
         ORG   DECIMAL+X'68'
         DC    X'000A00000000DEAD'     program new PSW
         ORG   DECIMAL+X'200'
         BALR  12,0
         USING *,12
         AP    P1,=P'-45'              12345 - 45
         ZAP   P3,P1
         MP    P3,=P'2'                24600
         UNPK  OUT,P3
         OI    OUT+7,X'F0'             zone, not sign
         CVB   3,DW1                   24600 = X'6018'
         CVD   3,DW2
         LPSW  WAIT
         DS    0D
WAIT     DC    X'0002000000000000'
DW1      DC    PL8'24600'
         LTORG
         ORG   DECIMAL+X'300'
P1       DC    PL4'12345'              300
P3       DC    PL6'0'                  304
         DC    XL2'00'                 30A
OUT      DC    CL8' '                  30C
         DC    XL4'00'                 314
DW2      DC    D'0'                    318
         END
