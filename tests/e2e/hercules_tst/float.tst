*Testcase float: short add, long divide, STE
sysclear
archmode S/370
loadcore "$(testpath)/float.core"
runtest 5
*Compare
r 300.10
*Want "3.75 short" 413C0000 00000000 00000000 00000000
fpr
*Fpr 0 413C0000 00000000
*Fpr 2 41280000 00000000
*Done
