*Testcase program: SSM in the problem state is a privileged-operation exception
sysclear
archmode S/370
loadcore "$(testpath)/program.core"
*Program 0002
runtest 5
*Compare
r 28.10
*Want "program old PSW: problem state, code 2, ILC 2, after SSM" 00010002 80000214 00000000 00000000
*Done
