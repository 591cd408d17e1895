# s370's operator commands end to end, from standard input as a person or a script types them: a
# breakpoint, stepping with Enter (empty lines), g, the PSW altered, virtual storage, savecore and
# loadcore, a nested script, runtest, mainsize and numcpu on a stopped machine, `.text` for the
# integrated console, loud comments; every bad command answered and the session going on.
. "$ROOT/tests/e2e/lib.sh"
"$BIN/asm370" -f bin -l none -o sum.core "$ROOT/tests/e2e/hercules_tst/sum.asm" || fail "sum.asm"
printf 'ARCHLVL S/370\nMAINSIZE 2\nNUMCPU 1\n0009 3215-C / NOPROMPT\n' > s370.cnf
printf 'r 400=C9D5D5C5D9\n* inside the inner script\n' > inner.rc
printf 'script inner.rc\nr 401.4\n' > outer.rc
cat > commands.rc <<'RC'
* a breakpoint at BCT: the CPU stops there with R1 = 10 and R2 = 10
loadcore sum.core
b 20A
restart
pause 0.5
gpr
b-
g
pause 0.5
r 300.8
* stepping: Enter runs one instruction
s+
restart
pause 0.3


pause 0.3
gpr
s-
g
pause 0.5
psw ia=abc cmwp=0 pk=15
psw cc=9
savecore saved.bin 200 30F
sysclear
r 300.8
loadcore saved.bin 200
r 300.8
r 0=0000000000000400
r 400=47F00400
runtest restart 0.3
script outer.rc
.ignored by a console with no read
v P0.4
t 200-2FF
t+
numcpu 2
gpr
mainsize 1
r 1FFFF0.10
frobnicate
quit
RC
timeout 60 "$BIN/s370" -d -f s370.cnf < commands.rc > out.txt 2> err.txt || { cat out.txt err.txt; fail "s370 failed"; }
expect_grep '^\* a breakpoint at BCT' out.txt
expect_grep '^S370I280 CPU0000: stopped at breakpoint 00020A$' out.txt
expect_grep '^GR00=00000000  GR01=0000000A  GR02=0000000A  GR03=00000000$' out.txt
expect_grep '^R:00000300:K:06=00000037 C4D6D5C5 00000000 00000000  ....DONE........$' out.txt
# stepping: BALR shown, then two Enters ran BALR and LA: the CPU waits before SR with R1 = 10
expect_grep '^PSW=00000000 40000202 INST=4110000A     LA    1,10(0,0)$' out.txt
expect_grep '^PSW=00000000 80000206 INST=1B22         SR    2,2$' out.txt
expect_grep '^psw sm=00 pk=15 cmwp=0 as=pri cc=0 pm=0 am=24 ia=ABC$' out.txt
expect_grep '^S370E278 invalid operand cc=9' out.txt
expect_grep '^S370I276 locations 00000200-0000030F saved to saved.bin$' out.txt
expect_grep '^R:00000300:K:00=00000000 00000000 00000000 00000000  ................$' out.txt
expect_grep '^S370I270 saved.bin: 272 bytes loaded at 000200$' out.txt
expect_grep '^HHC02332E Script 0: test: timeout$' out.txt
expect_grep '^R:00000400:K:06=C9D5D5C5 D9000000 00000000 00000000  INNER...........$' out.txt
expect_grep '^\* inside the inner script$' out.txt
expect_grep '^R:00000401:K:06=D5D5C5 D9000000 00000000 00000000 00 NNER............$' out.txt
expect_grep '^V:00000000 (primary)$' out.txt
expect_grep '^V:00000000: Translation exception 0012$' out.txt
expect_grep '^S370I281 Instruction tracing on range 200-2ff$' out.txt
expect_grep '^S370I237 the machine now has 2 CPUs$' out.txt
expect_grep '^CPU0000: GR00=00000000' out.txt
expect_grep '^S370I236 main storage is now 1024K, all zeros$' out.txt
expect_grep '^R:001FFFF0: Real address is not valid$' out.txt
expect_grep '^S370E201 unknown command frobnicate' out.txt
exit 0
