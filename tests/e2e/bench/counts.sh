# The benchmark workloads (bench/*.asm) execute exactly the number of instructions their source
# states ("INSTRUCTIONS = A*ITER + B"), which bench/workloads.sh divides by the time to get MIPS:
# each is IPLed with ITER 0, 1 and 3 and CPU 0's instruction count (cpu_instruction_count, through
# bench/count370) is compared with the formula.  Each must also end in the disabled wait at address 0.
. "$ROOT/tests/e2e/lib.sh"

# count370 links the emulator's objects; build it here unless the build made it.
count370="$BIN/count370"
if [ ! -x "$count370" ]; then
    obj="$BIN/../obj"
    objs=$(find "$obj/console" "$obj/channels" "$obj/devices" "$obj/cpu370" "$obj/common" -name '*.o' ! -path "$obj/console/main.o")
    san=""
    # shellcheck disable=SC2086
    nm $objs 2> /dev/null | grep -q __asan_ && san="-fsanitize=address,undefined"
    # the console library's panel and telnet server need ncurses and libtelnet (scripts/deps.sh)
    libs=$(pkg-config --libs ncursesw libtelnet 2> /dev/null || echo -lncursesw -ltelnet)
    # shellcheck disable=SC2086
    cc -std=gnu11 -O2 $san -I"$ROOT" -o count370 "$ROOT/bench/count370.c" $objs $libs -lz -lm -lpthread ||
        fail "cannot build bench/count370.c"
    count370=./count370
fi

"$BIN/dasd370" init -z pristine.cckd 3330 BENCH1 > /dev/null || fail "dasd370 init"
lines=$(sed -n 's/^LINES  *EQU  *\([0-9][0-9]*\).*/\1/p' "$ROOT/bench/io.asm")
[ -n "$lines" ] || fail "no LINES in bench/io.asm"

for name in general storage float dat io; do
    src="$ROOT/bench/$name.asm"
    formula=$(sed -n 's/^\*  *INSTRUCTIONS = \([0-9][0-9]*\)\*ITER + \([0-9][0-9]*\)$/\1 \2/p' "$src")
    [ -n "$formula" ] || fail "$src has no 'INSTRUCTIONS = A*ITER + B' line"
    a=${formula% *} b=${formula#* }
    for iter in 0 1 3; do
        "$BIN/asm370" -f deck -D "ITER=$iter" -o "$name.deck" -l none "$src" || fail "$name.asm does not assemble"
        cards=$((iter * lines))
        [ "$cards" -gt 0 ] || cards=1
        awk -v n="$cards" 'BEGIN { for (i = 1; i <= n; i++) printf "CARD %06d\n", i }' |
            dd conv=ebcdic cbs=80 status=none > cards.ebc
        cp pristine.cckd disk.cckd
        cat > count.cnf <<CNF
ARCHMODE S/370
MAINSIZE 2
NUMCPU   1
000C 3505 $name.deck ebcdic eof
000D 3505 cards.ebc ebcdic eof
000E 1403 print.txt
0150 3330 disk.cckd
CNF
        got=$("$count370" count.cnf 00c 60) || fail "$name ITER=$iter: no disabled wait"
        want="instructions $((a * iter + b)) psw"
        case "$got" in
        "$want "*) ;;
        *) fail "$name ITER=$iter: want $want ..., got $got" ;;
        esac
        case "$got" in
        *" psw "????????" "??000000) ;;
        *) fail "$name ITER=$iter: the wait PSW is not the success one: $got" ;;
        esac
    done
    [ "$name" != io ] || [ "$(wc -l < print.txt)" -eq $((3 * lines)) ] || fail "io: the printer did not get $((3 * lines)) lines"
done
exit 0
