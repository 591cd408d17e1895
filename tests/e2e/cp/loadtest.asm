*---------------------------------------------------------------------*
* LOADTEST - a stand-in nucleus for the IPL loader test (loader.sh): *
* loaded at X'10000' like CP, it checks what the loader promises -   *
* R1 -> SYSHDR at X'2000' with its id, the IPL device at X'BA', and  *
* its own last bytes, 21 records (6 tracks) after its first - then   *
* writes LOADTEST: NUCLEUS LOADED on the console at 009 and stops in *
* a disabled wait with PSW address 0.  A failed check stops with     *
* address X'E01' (R1), X'E02' (X'BA'), X'E03' (SYHID), X'E04' (the   *
* tail).  R12 base.                                                  *
*---------------------------------------------------------------------*
LOADTEST START X'10000'
         BALR  12,0
         USING *,12
         LA    15,X'E01'
         C     1,=A(X'2000')
         BNE   FAIL
         LA    15,X'E02'
         CLC   X'BA'(2),=X'0150'
         BNE   FAIL
         LA    15,X'E03'
         CLC   0(8,1),=C'S370SYSR'
         BNE   FAIL
         LA    15,X'E04'
         L     2,=A(TAIL)
         CLC   0(8,2),=C'TAILMARK'
         BNE   FAIL
         MVC   X'48'(4),=A(WRITE)
         SIO   X'009'
         BC    7,FAIL
POLL     TIO   X'009'
         BC    2,POLL
         LPSW  DONE
FAIL     ST    15,FAILED+4
         LPSW  FAILED
         DS    0D
DONE     DC    X'00020000',A(0)
FAILED   DC    X'00020000',A(0)
WRITE    CCW   X'09',MSG,X'20',L'MSG
MSG      DC    C'LOADTEST: NUCLEUS LOADED'
         LTORG
         DS    20XL4096
TAIL     DC    C'TAILMARK'
         END   LOADTEST
