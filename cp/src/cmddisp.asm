*---------------------------------------------------------------------*
* CMDDISP - DISPLAY and STORE: the virtual machine's registers, PSW,  *
* storage and storage keys, as VM/370 showed them.  Prefix CMP.       *
*                                                                     *
*   DISPLAY G[n[-m]]    general registers   GPR 0 = xxxxxxxx ... (4)  *
*   DISPLAY X[n[-m]]    control registers   CR  0 = xxxxxxxx ... (4)  *
*   DISPLAY Y[n[-m]]    floating-point      FPR 0 = xxxxxxxx xxxxxxxx *
*   DISPLAY PSW         PSW = xxxxxxxx xxxxxxxx                       *
*   DISPLAY [L]hex[-hex|.len]   storage, 16 bytes a line:             *
*        001000  47F0F00A 00000000 00000000 00000000  *.00.....*      *
*   DISPLAY Khex        the storage key: 001000  KEY = F0             *
*   STORE Gn|Xn value...  registers from n on                         *
*   STORE PSW word1 word2                                             *
*   STORE [L]hex value... fullwords, STORE Shex hexstring: bytes      *
* A register n is 0-15 (decimal) or 0-F; values are hexadecimal.      *
*---------------------------------------------------------------------*
CMDDISP  CSECT
*---------------------------------------------------------------------*
* CMPDISP - DISPLAY.  In: R11, R1 -> operands, R0 = length.           *
* Out: R15 = 0 or the message number.  Registers: R0 R1 R14 R15.      *
*---------------------------------------------------------------------*
CMPDISP  CPENTRY
         USING VMBLOK,R11
         LA    R2,CMPWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMPD080
         LR    R4,R1               the rest
         LR    R5,R0
         LR    R6,R15
         CLC   CMPWORD,=CL16'PSW'
         BE    CMPD050
         LA    R7,VMBGPRS          R7 -> registers, R8 = their size
         LA    R8,4
         LA    R9,CMPDGPR          R9 -> the line's title
         CLI   CMPWORD,C'G'
         BE    CMPD020
         LA    R7,VMBCRS
         LA    R9,CMPDCR
         CLI   CMPWORD,C'X'
         BE    CMPD020
         LA    R7,VMBFPRS
         LA    R8,8
         LA    R9,CMPDFPR
         CLI   CMPWORD,C'Y'
         BE    CMPD020
         CLI   CMPWORD,C'K'
         BE    CMPD060
         LA    R1,CMPWORD          storage: [L]hex...
         LR    R0,R6
         CLI   CMPWORD,C'L'
         BNE   CMPD010
         LA    R1,1(,R1)
         BCTR  R0,0
CMPD010  CPCALL CMPSTOR
         CPEXIT
CMPD020  LA    R1,CMPWORD+1        registers: n[-m] after the letter
         LR    R0,R6
         BCTR  R0,0
         LTR   R0,R0
         BNZ   CMPD030
         LR    R1,R4               or in the next word ("G 5-9")
         LR    R0,R5
CMPD030  CPCALL CMPRANGE           R1 = first, R0 = last
         LTR   R15,R15
         BNZ   CMPD070
         CPCALL CMPREGS
         CPEXIT RC=0
CMPD050  MVC   CMPDPSWV,=CL17' '   PSW = xxxxxxxx xxxxxxxx
         L     R1,VMBPSW
         LA    R2,CMPDPSWV
         LA    R0,8
         CPCALL CMDHEX
         L     R1,VMBPSW+4
         LA    R2,CMPDPSWV+9
         LA    R0,8
         CPCALL CMDHEX
         LA    R1,CMPDPSW
         LA    R0,CMPDPSWL
         CPCALL TRMWRITE
         CPEXIT RC=0
CMPD060  LA    R1,CMPWORD+1        K: the key of a location
         LR    R0,R6
         BCTR  R0,0
         CPCALL CMPKEY
         CPEXIT
CMPD070  LA    R1,CMPWORD
         CPCALL CMDBADOP
         CPEXIT
CMPD080  CPCALL CMDNOOP
         CPEXIT
         DROP  R11
CMPWORD  DS    CL16
CMPDGPR  DC    C'GPR '
CMPDCR   DC    C'CR  '
CMPDFPR  DC    C'FPR '
CMPDPSW  DC    C'PSW = '
CMPDPSWV DC    CL17' '
CMPDPSWL EQU   *-CMPDPSW
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMPRANGE - a register range "n" or "n-m" (n, m 0-15 or 0-F).        *
* In: R1 -> text, R0 = length.  Out: R1 = n, R0 = m (n without m:     *
* m = n; none at all: 0-15), R15 = 0, or 4 invalid.                   *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMPRANGE CPENTRY
         LR    R3,R1
         LR    R4,R0
         LTR   R4,R4
         BNZ   CMPR010
         SR    R1,R1               all of them
         LA    R0,15
         CPEXIT RC=0
CMPR010  LR    R5,R3               find the '-'
         LR    R6,R4
CMPR020  CLI   0(R5),C'-'
         BE    CMPR030
         CLI   0(R5),C' '
         BE    CMPR025
         LA    R5,1(,R5)
         BCT   R6,CMPR020
CMPR025  LR    R1,R3               n alone
         LR    R0,R5
         SR    R0,R3
         CPCALL CMPREGN
         LTR   R15,R15
         BNZ   CMPR090
         LR    R0,R1
         CPEXIT RC=0
CMPR030  LR    R1,R3               n
         LR    R0,R5
         SR    R0,R3
         CPCALL CMPREGN
         LTR   R15,R15
         BNZ   CMPR090
         LR    R7,R1
         LA    R1,1(,R5)           m
         LR    R0,R6
         BCTR  R0,0
         LR    R8,R1               (only up to a blank)
         LR    R9,R0
         LTR   R9,R9
         BNP   CMPR090
CMPR040  CLI   0(R8),C' '
         BE    CMPR050
         LA    R8,1(,R8)
         BCT   R9,CMPR040
CMPR050  LR    R0,R8
         SR    R0,R1
         CPCALL CMPREGN
         LTR   R15,R15
         BNZ   CMPR090
         CR    R1,R7
         BL    CMPR090
         LR    R0,R1
         LR    R1,R7
         CPEXIT RC=0
CMPR090  CPEXIT RC=4
*---------------------------------------------------------------------*
* CMPREGN - a register number: 0-15 decimal, or one digit 0-F.        *
* In: R1 -> text, R0 = length.  Out: R1 = number, R15 = 0 or 4.       *
* Registers: R0 R1 R14 R15.                                           *
*---------------------------------------------------------------------*
CMPREGN  CPENTRY
         LR    R3,R1
         LR    R4,R0
         CPCALL CMDDECIN
         LTR   R15,R15
         BNZ   CMPN010
         C     R1,=F'15'
         BNH   CMPN090
         CPEXIT RC=4
CMPN010  LR    R1,R3               one hexadecimal digit
         LR    R0,R4
         C     R0,=F'1'
         BNE   CMPN080
         CPCALL CMDHEXIN
         LTR   R15,R15
         BZ    CMPN090
CMPN080  CPEXIT RC=4
CMPN090  CPEXIT RC=0
         LTORG
*---------------------------------------------------------------------*
* CMPREGS - show registers n-m, four (floating point: two) a line:    *
* "GPR 4 = xxxxxxxx xxxxxxxx xxxxxxxx xxxxxxxx".                      *
* In: R11, R1 = n, R0 = m, R7 -> the registers in the VMBLOK, R8 =    *
* their size (4 or 8), R9 -> CL4 title.  Registers: R0 R1 R14 R15.    *
*---------------------------------------------------------------------*
CMPREGS  CPENTRY
         LR    R3,R1               R3 = next, R4 = last
         LR    R4,R0
         C     R8,=F'8'            floating point: 0 2 4 6 only
         BNE   CMPG010
         N     R3,=F'6'
         C     R4,=F'6'
         BNH   CMPG010
         LA    R4,6
CMPG010  CR    R3,R4
         BH    CMPG090
         MVC   CMPGLINE,=CL80' '
         MVC   CMPGLINE(4),0(R9)   GPR n =
         LR    R1,R3
         LA    R2,CMPGLINE+4
         LA    R0,1
         CPCALL CMDHEX
         MVI   CMPGLINE+6,C'='
         LA    R5,CMPGLINE+8       where the next value goes
         LA    R6,4                values on a line
         C     R8,=F'8'
         BNE   CMPG020
         LA    R6,2
CMPG020  LR    R1,R3               the register
         MR    R0,R8
         L     R1,0(R1,R7)         (first word)
         LA    R2,0(,R5)
         LA    R0,8
         CPCALL CMDHEX
         LA    R5,9(,R5)
         C     R8,=F'8'
         BNE   CMPG030
         LR    R1,R3               (second word)
         MR    R0,R8
         L     R1,4(R1,R7)
         LA    R2,0(,R5)
         LA    R0,8
         CPCALL CMDHEX
         LA    R5,10(,R5)
         LA    R3,1(,R3)           floating point: even numbers
CMPG030  LA    R3,1(,R3)
         CR    R3,R4
         BH    CMPG040
         BCT   R6,CMPG020
CMPG040  LA    R1,CMPGLINE
         LR    R0,R5
         SR    R0,R1
         BCTR  R0,0
         CPCALL TRMWRITE
         B     CMPG010
CMPG090  CPEXIT RC=0
CMPGLINE DS    CL80
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMPADDR - a storage range "hex", "hex-hex" or "hex.len".            *
* In: R1 -> text, R0 = length.  Out: R1 = first, R0 = last address,   *
* R15 = 0 or 4 invalid.  Registers: R0 R1 R14 R15.                    *
*---------------------------------------------------------------------*
CMPADDR  CPENTRY
         LR    R3,R1
         LR    R4,R0
         LTR   R4,R4
         BNP   CMPA090
         LR    R5,R3               find '-' or '.'
         LR    R6,R4
CMPA010  CLI   0(R5),C'-'
         BE    CMPA020
         CLI   0(R5),C'.'
         BE    CMPA020
         LA    R5,1(,R5)
         BCT   R6,CMPA010
         LR    R1,R3               hex alone: 4 bytes
         LR    R0,R4
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPA090
         LA    R0,3(,R1)
         CPEXIT RC=0
CMPA020  LR    R1,R3
         LR    R0,R5
         SR    R0,R3
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPA090
         LR    R7,R1               first
         LA    R1,1(,R5)
         LR    R0,R6
         BCTR  R0,0
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPA090
         CLI   0(R5),C'-'
         BE    CMPA030
         LTR   R1,R1               .len
         BZ    CMPA090
         LA    R1,0(R1,R7)
         BCTR  R1,0
CMPA030  CR    R1,R7
         BL    CMPA090
         LR    R0,R1
         LR    R1,R7
         CPEXIT RC=0
CMPA090  CPEXIT RC=4
         LTORG
*---------------------------------------------------------------------*
* CMPSTOR - DISPLAY storage: 16 bytes a line from the range's 16-byte *
* boundary, in hexadecimal and as characters.                         *
* In: R11, R1 -> range text, R0 = length.  Out: R15 = 0 or the        *
* message number.  Registers: R0 R1 R14 R15.                          *
*---------------------------------------------------------------------*
CMPSTOR  CPENTRY
         USING VMBLOK,R11
         LR    R3,R1
         LR    R4,R0
         CPCALL CMPADDR
         LTR   R15,R15
         BNZ   CMPS070
         LR    R5,R1               R5 = first, R6 = last
         LR    R6,R0
         C     R5,VMBSTOR
         BNL   CMPS075
         C     R6,VMBSTOR          cut at the end of storage
         BL    CMPS010
         L     R6,VMBSTOR
         BCTR  R6,0
CMPS010  N     R5,=X'00FFFFF0'     a 16-byte boundary
CMPS020  CR    R5,R6
         BH    CMPS090
         LR    R1,R5               the 16 bytes
         LA    R0,16
         LA    R2,CMPSDATA
         CPCALL GSTFETCH
         LTR   R15,R15
         BNZ   CMPS090
         MVC   CMPSLINE,=CL80' '
         LR    R1,R5
         LA    R2,CMPSLINE
         LA    R0,6
         CPCALL CMDHEX
         LA    R7,CMPSDATA
         LA    R8,CMPSLINE+8
         LA    R9,4
CMPS030  L     R1,0(,R7)
         LR    R2,R8
         LA    R0,8
         CPCALL CMDHEX
         LA    R7,4(,R7)
         LA    R8,9(,R8)
         BCT   R9,CMPS030
         MVI   CMPSLINE+45,C'*'
         MVC   CMPSLINE+46(16),CMPSDATA
         TR    CMPSLINE+46(16),CMPSPRT
         MVI   CMPSLINE+62,C'*'
         LA    R1,CMPSLINE
         LA    R0,63
         CPCALL TRMWRITE
         LA    R5,16(,R5)
         B     CMPS020
CMPS070  LA    R1,CMPSBAD          DMKCDB003E INVALID HEXLOC
         CPCALL CMDSAY
         CPEXIT RC=3
CMPS075  LR    R1,R5               DMKCDB160E HEXLOC ... EXCEEDS
         CPCALL CMPBEYND
         CPEXIT
CMPS090  CPEXIT RC=0
         DROP  R11
CMPSDATA DS    XL16
CMPSLINE DS    CL80
CMPSBAD  DC    AL1(L'CMPSBADT)
CMPSBADT DC    C'DMKCDB003E INVALID HEXLOC'
*        printable EBCDIC as it is, the rest as '.'
CMPSPRT  DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'404B4B4B4B4B4B4B4B4B4B4B4C4D4E4B'
         DC    X'504B4B4B4B4B4B4B4B4B4B5B5C5D5E4B'
         DC    X'60614B4B4B4B4B4B4B4B4B6B6C6D6E6F'
         DC    X'4B4B4B4B4B4B4B4B4B4B7A7B7C7D7E7F'
         DC    X'4B8182838485868788894B4B4B4B4B4B'
         DC    X'4B9192939495969798994B4B4B4B4B4B'
         DC    X'4B4BA2A3A4A5A6A7A8A94B4B4B4B4B4B'
         DC    X'4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B'
         DC    X'4BC1C2C3C4C5C6C7C8C94B4B4B4B4B4B'
         DC    X'4BD1D2D3D4D5D6D7D8D94B4B4B4B4B4B'
         DC    X'4B4BE2E3E4E5E6E7E8E94B4B4B4B4B4B'
         DC    X'F0F1F2F3F4F5F6F7F8F94B4B4B4B4B4B'
         LTORG
*---------------------------------------------------------------------*
* CMPBEYND - DMKCDB160E HEXLOC hhhhhh EXCEEDS STORAGE.                *
* In: R11, R1 = the address.  Out: R15 = 160.                         *
*---------------------------------------------------------------------*
CMPBEYND CPENTRY
         LA    R2,CMPBLOC
         LA    R0,6
         CPCALL CMDHEX
         LA    R1,CMPBMSG
         LA    R0,CMPBMSGL
         CPCALL TRMWRITE
         CPEXIT RC=160
CMPBMSG  DC    C'DMKCDB160E HEXLOC '
CMPBLOC  DC    C'000000 EXCEEDS STORAGE'
CMPBMSGL EQU   *-CMPBMSG
*---------------------------------------------------------------------*
* CMPKEY - DISPLAY Khex: the storage key of the location (the real    *
* frame's key carries the guest's key; reference and change bits are  *
* not shown).  In: R11, R1 -> hex, R0 = length.  Out: R15 = 0 or the  *
* message number.  Registers: R0 R1 R14 R15.                          *
*---------------------------------------------------------------------*
CMPKEY   CPENTRY
         USING VMBLOK,R11
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPK070
         LR    R5,R1
         C     R5,VMBSTOR
         BNL   CMPK075
         CPCALL GSTADDR            the real address
         LTR   R15,R15
         BNZ   CMPK075
         ISK   R3,R1
         N     R3,=X'000000F8'     key and fetch protection
         MVC   CMPKLINE,=CL20' '
         LR    R1,R5
         LA    R2,CMPKLINE
         LA    R0,6
         CPCALL CMDHEX
         MVC   CMPKLINE+8(6),=C'KEY = '
         LR    R1,R3
         LA    R2,CMPKLINE+14
         LA    R0,2
         CPCALL CMDHEX
         LA    R1,CMPKLINE
         LA    R0,16
         CPCALL TRMWRITE
         CPEXIT RC=0
CMPK070  L     R1,=A(CMPSBAD)
         CPCALL CMDSAY
         CPEXIT RC=3
CMPK075  LR    R1,R5
         CPCALL CMPBEYND
         CPEXIT
         DROP  R11
CMPKLINE DS    CL20
         LTORG
         EJECT
*---------------------------------------------------------------------*
* CMPSTORE - STORE.  In: R11, R1 -> operands, R0 = length.            *
* Out: R15 = 0 or the message number.  Registers: R0 R1 R14 R15.      *
*---------------------------------------------------------------------*
CMPSTORE CPENTRY
         USING VMBLOK,R11
         LA    R2,CMPTWORD
         CPCALL CMDTOKEN
         LTR   R6,R15
         BZ    CMPT080
         LR    R4,R1               the values
         LR    R5,R0
         CLC   CMPTWORD,=CL16'PSW'
         BE    CMPT050
         LA    R7,VMBGPRS          registers
         CLI   CMPTWORD,C'G'
         BE    CMPT020
         LA    R7,VMBCRS
         CLI   CMPTWORD,C'X'
         BE    CMPT020
         CLI   CMPTWORD,C'S'
         BE    CMPT060
         LA    R1,CMPTWORD         storage: [L]hex value...
         LR    R0,R6
         CLI   CMPTWORD,C'L'
         BNE   CMPT010
         LA    R1,1(,R1)
         BCTR  R0,0
CMPT010  CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPT070
         LR    R8,R1               the address
CMPT012  LR    R1,R4               the next value
         LR    R0,R5
         LA    R2,CMPTWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMPT040             done
         LR    R4,R1
         LR    R5,R0
         LA    R1,CMPTWORD
         LR    R0,R15
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPT070
         ST    R1,CMPTVAL
         C     R8,VMBSTOR
         BNL   CMPT075
         LR    R1,R8
         LA    R0,4
         LA    R2,CMPTVAL
         CPCALL GSTSTORE
         LTR   R15,R15
         BNZ   CMPT075
         LA    R8,4(,R8)
         B     CMPT012
CMPT020  LA    R1,CMPTWORD+1       register n
         LR    R0,R6
         BCTR  R0,0
         CPCALL CMPREGN
         LTR   R15,R15
         BNZ   CMPT070
         LR    R8,R1
CMPT022  LR    R1,R4               values into n, n+1, ...
         LR    R0,R5
         LA    R2,CMPTWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMPT040
         LR    R4,R1
         LR    R5,R0
         C     R8,=F'15'
         BH    CMPT070
         LA    R1,CMPTWORD
         LR    R0,R15
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPT070
         LR    R2,R8
         SLL   R2,2
         ST    R1,0(R2,R7)
         LA    R8,1(,R8)
         B     CMPT022
CMPT040  LA    R1,CMPTDONE
         CPCALL CMDSAY
         CPEXIT RC=0
CMPT050  LA    R8,VMBPSW           PSW: two words
         LA    R9,2
CMPT052  LR    R1,R4
         LR    R0,R5
         LA    R2,CMPTWORD
         CPCALL CMDTOKEN
         LTR   R15,R15
         BZ    CMPT080
         LR    R4,R1
         LR    R5,R0
         LA    R1,CMPTWORD
         LR    R0,R15
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPT070
         ST    R1,0(,R8)
         LA    R8,4(,R8)
         BCT   R9,CMPT052
         B     CMPT040
CMPT060  LA    R1,CMPTWORD+1       Shex string
         LR    R0,R6
         BCTR  R0,0
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPT070
         LR    R8,R1
         LR    R1,R4
         LR    R0,R5
         LA    R2,CMPTWORD
         CPCALL CMDTOKEN
         LTR   R9,R15
         BZ    CMPT080
         LA    R3,CMPTWORD         two digits a byte
CMPT062  LTR   R9,R9
         BNP   CMPT040
         C     R9,=F'2'
         BL    CMPT070
         LR    R1,R3
         LA    R0,2
         CPCALL CMDHEXIN
         LTR   R15,R15
         BNZ   CMPT070
         STC   R1,CMPTVAL
         C     R8,VMBSTOR
         BNL   CMPT075
         LR    R1,R8
         LA    R0,1
         LA    R2,CMPTVAL
         CPCALL GSTSTORE
         LTR   R15,R15
         BNZ   CMPT075
         LA    R8,1(,R8)
         LA    R3,2(,R3)
         SH    R9,=H'2'
         B     CMPT062
CMPT070  LA    R1,CMPTWORD
         CPCALL CMDBADOP
         CPEXIT
CMPT075  LR    R1,R8
         CPCALL CMPBEYND
         CPEXIT
CMPT080  CPCALL CMDNOOP
         CPEXIT
         DROP  R11
CMPTWORD DS    CL16
CMPTVAL  DS    F
CMPTDONE DC    AL1(L'CMPTDONT)
CMPTDONT DC    C'STORE COMPLETE'
         LTORG
