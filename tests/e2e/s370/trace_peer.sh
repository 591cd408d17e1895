# s370's instruction trace and u command against Debian's Hercules 3.13 on the same programs: the
# traced lines (instruction, mnemonic and operands, the storage the operands address, the
# registers) and the disassembly of every S/370 instruction are Hercules' lines, less the function
# name Hercules adds and the PSW (whose ILC field Hercules keeps its own way).  Where s370 names an
# instruction differently on purpose (S/370 names where Hercules' one table has ESA/390 ones, SIOF
# and the I/O instructions its table does not tell apart, SRP's first length) the line is left out.
. "$ROOT/tests/e2e/lib.sh"
command -v hercules >/dev/null || fail "hercules is not installed (scripts/deps.sh test installs it)"
"$BIN/asm370" -f bin -l none -o sum.core "$ROOT/tests/e2e/hercules_tst/sum.asm" || fail "sum.asm"

# every instruction of opcodes.h with distinct fields, as DC statements
grep -o 'OP(0x[0-9A-F]*' "$ROOT/cpu370/opcodes.h" | sed 's/OP(0x//' |
    awk 'BEGIN { print "ALL      START X'"'"'1000'"'"'" }
         { b = substr($1, 1, 1); n = b ~ /[0-3]/ ? 2 : b ~ /[4-B]/ ? 4 : 6
           hex = length($1) == 4 ? $1 "3ABC" : $1 "1FE4567FFF"
           printf "         DC    X'"'"'%s'"'"'\n", substr(hex, 1, 2 * n) }
         END { print "         END" }' > all.asm
"$BIN/asm370" -f bin -l none --origin 1000 -o all.core all.asm || fail "all.asm"
size=$(wc -c < all.core)
last=$(printf '%X' $((0x1000 + size - 1)))

printf 'ARCHMODE S/370\nMAINSIZE 2\nNUMCPU 1\nCNSLPORT %d\n0009     3215-C / NOPROMPT\n' $((20000 + $$ % 20000)) > s370.cnf
printf 'loadcore sum.core\nloadcore all.core 1000\nu 1000-%s\nt+\nruntest 5\nquit\n' "$last" > s370.rc
# Hercules starts its automatic operator thread, whose greeting may land inside a traced line, at
# start-up: the pause lets it speak first
printf 'pause 1\nloadcore sum.core\nloadcore all.core 1000\nu 1000-%s\nt+\nrestart\npause 1\nquit\n' "$last" > herc.rc
timeout 60 "$BIN/s370" -d -f s370.cnf -r s370.rc < /dev/null > s370.out 2>&1 || fail "s370 failed"
HERCULES_RC=herc.rc timeout 60 hercules -d -f s370.cnf < /dev/null > herc.out 2>&1

# the lines both show, in the form they share
differ='^R0000[0-9A-F]*: (84|85|25|35|3C|7C|9C01|9C02|9D01|9E01|9F01|F0)'
shared() {
    grep -E '^(R0000[0-9A-F]*: |PSW=|R:|GR)' "$1" | grep -Ev "$differ" |
        sed -E 's/^PSW=[0-9A-F]{8} [0-9A-F]{8} /PSW /; s/ {2,}[a-z_?]+$//; s/ +$//'
}
shared s370.out > s370.lines
shared herc.out > herc.lines
[ "$(grep -c '^R0000' s370.lines)" -gt 170 ] || { cat s370.out; fail "s370 disassembled too little"; }
[ "$(grep -c '^PSW INST=' s370.lines)" = 26 ] || { cat s370.out; fail "s370 should trace 26 instructions"; }
diff herc.lines s370.lines > diff.txt || { cat diff.txt; fail "s370's trace or u differs from Hercules 3.13's"; }
exit 0
