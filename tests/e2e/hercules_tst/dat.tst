*Testcase dat: segment and page tables, LRA, a store through DAT
sysclear
archmode S/370
loadcore "$(testpath)/dat.core"
runtest 5
*Compare
v 1100.10
*Want "virtual X'1100'" E5C9D9E3 00000000 00000000 00000000
r 5100.10
*Want "is real X'5100'" E5C9D9E3 00000000 00000000 00000000
*Key 06
gpr
*Gpr 3 00005234
*Gpr 4 00001104
*Gpr 5 00000002
cr
*Cr 0 00800000
*Cr 1 00001000
*Done
