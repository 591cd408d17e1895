*Testcase sum: 10+9+...+1 in a BCT loop
sysclear
archmode S/370
loadcore "$(testpath)/sum.core"
runtest 5
*Compare
r 300.10
*Want "the sum and DONE" 00000037 C4D6D5C5 00000000 00000000
*Key 06
gpr
*Gpr 1 00000000
*Gpr 2 00000037
*Done
