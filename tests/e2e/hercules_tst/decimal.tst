*Testcase decimal: AP, ZAP, MP, UNPK, CVB, CVD
sysclear
archmode S/370
loadcore "$(testpath)/decimal.core"
runtest 5
*Compare
r 300.10
*Want "P1, P3 and the first zoned digits" 0012300C 00000024 600C0000 F0F0F0F2
r 310.10
*Want "the rest of OUT, then CVD's result" F4F6F0F0 00000000 00000000 0024600C
*Explain CVB of 24600 is X'6018'
gpr
*Gpr 3 00006018
*Done
