#!/bin/bash
# The CPU benchmark (issue 6): the five workload programs bench/*.asm, each IPLed from a card deck on
# s370 (and, with BENCH_COMPARE=1, on Hercules 3.13 from the same deck and configuration file),
# timed to the disabled wait, with host instructions per guest instruction from callgrind.  Prints a
# table and writes bench/results.json; bench/README.md says how to read them.
#
#   BENCH_RUNS=5       timed runs of each version (the median is taken)
#   BENCH_SCALE=100    percent of the usual number of passes of the long version
#   BENCH_COMPARE=1    also run Hercules (installed with apt-get when missing)
#   BENCH_CALLGRIND=0  skip the callgrind measurement
#   BENCH_ONLY="general dat"  run only these workloads
set -eu
BIN=${BIN:?}
ROOT=${ROOT:?}
RUNS=${BENCH_RUNS:-5}
SCALE=${BENCH_SCALE:-100}
COMPARE=${BENCH_COMPARE:-0}
CALLGRIND=${BENCH_CALLGRIND:-1}
ONLY=${BENCH_ONLY:-}
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results.json}
TIME_LIMIT=120 # seconds, for any one run of an emulator

# name, passes of the long version (about 2 s on s370 before issue 6's optimisation), passes of the
# callgrind version (about 1.5 million guest instructions)
WORKLOADS="
general 2000000 20000
storage 1200000 50000
float   2000000 30000
dat     8000    120
io      1500    100
"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

die() {
    echo "bench: $*" >&2
    exit 1
}

# INSTRUCTIONS = A*ITER + B, from the comment block of the source: prints "A B".
formula() {
    sed -n 's/^\*  *INSTRUCTIONS = \([0-9][0-9]*\)\*ITER + \([0-9][0-9]*\)$/\1 \2/p' "$1" | head -n 1
}

now_us() {
    local t=$EPOCHREALTIME
    echo $((${t%.*} * 1000000 + 10#${t#*.}))
}

median() {
    printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# ---- the machines -----------------------------------------------------------------------------------

# One configuration for both emulators: s370 reads Hercules' statements.  The console port is
# Hercules' telnet listener; a port of our own keeps clear of anything else running.
write_config() { # file deck
    cat > "$1" <<CNF
ARCHMODE S/370
MAINSIZE 2
NUMCPU   1
CNSLPORT $((20000 + $$ % 20000))
0009 3215-C / NOPROMPT
000C 3505 $2 ebcdic eof
000D 3505 cards.ebc ebcdic eof
000E 1403 print.txt
0150 3330 disk.cckd
CNF
}

# Every workload gets the same devices: a fresh 3330 CCKD volume, an empty printer file and a card
# deck for 00D, which has LINES cards a pass for the I/O workload (a single card for the others).
prepare_devices() { # workload passes
    local lines=0
    [ "$1" = io ] && lines=$(sed -n 's/^LINES  *EQU  *\([0-9][0-9]*\).*/\1/p' "$ROOT/bench/io.asm")
    local cards=$(($2 * lines))
    [ "$cards" -gt 0 ] || cards=1
    awk -v n="$cards" 'BEGIN { for (i = 1; i <= n; i++) printf "CARD %06d THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG\n", i }' |
        dd conv=ebcdic cbs=80 status=none > cards.ebc
    cp "$work/pristine.cckd" disk.cckd
    : > print.txt
}

# s370: IPL from 00C, and quit as soon as the disabled-wait message appears.  Commands go in through
# one FIFO and the log comes out through another, so the quit follows the message at once.  Prints
# the elapsed microseconds; the log is in $2.  Extra arguments come before s370 (valgrind ...).
run_s370() { # config log [wrapper...]
    local config=$1 log=$2
    shift 2
    rm -f cmd.fifo out.fifo
    mkfifo cmd.fifo out.fifo
    local start
    start=$(now_us)
    timeout "$TIME_LIMIT" "$@" "$BIN/s370" -f "$config" -d < cmd.fifo > out.fifo 2>&1 &
    local pid=$!
    exec 3> cmd.fifo 4< out.fifo
    [ -z "${BENCH_S370_COMMANDS:-}" ] || printf '%s\n' "$BENCH_S370_COMMANDS" >&3
    echo 'ipl 00c' >&3
    : > "$log"
    local line
    while IFS= read -r line <&4; do
        printf '%s\n' "$line" >> "$log"
        case $line in *HHCCP011I*) echo quit >&3 ;; esac
    done
    exec 3>&- 4<&-
    wait "$pid" || true
    echo $(($(now_us) - start))
}

# Hercules 3.13 headless: the rc file ($HERCULES_RC) sets its automatic operator to quit on the
# disabled-wait message, then IPLs.
run_hercules() { # config log
    printf '%s\n' 'hao tgt HHCCP011I' 'hao cmd quit' 'ipl 00c' > herc.rc
    local start
    start=$(now_us)
    HERCULES_RC=herc.rc timeout "$TIME_LIMIT" hercules -d -f "$1" > "$2" 2>&1 < /dev/null || true
    echo $(($(now_us) - start))
}

# The run ended in the disabled wait with address 0 (success), as both emulators show it.
check_wait() { # log what
    grep -q '^ *PSW=[0-9A-F]\{8\} [0-9A-F]\{2\}000000$' "$1" ||
        { sed 's/^/    /' "$1" | tail -n 20 >&2; die "$2: no disabled wait with address 0"; }
}

# Median elapsed microseconds of RUNS runs of one emulator on one workload's deck.
time_runs() { # emulator workload passes
    local times="" run t
    write_config run.cnf "$2.$3.deck"
    for run in $(seq "$RUNS"); do
        : "run $run"
        prepare_devices "$2" "$3"
        t=$("run_$1" run.cnf run.log)
        check_wait run.log "$1 $2"
        times="$times $t"
    done
    # shellcheck disable=SC2086
    median $times
}

# Instructions (Ir) the whole s370 process executed, from callgrind.
callgrind_ir() { # workload passes
    write_config cg.cnf "$1.$2.deck"
    prepare_devices "$1" "$2"
    run_s370 cg.cnf cg.log valgrind --tool=callgrind --callgrind-out-file=cg.out > /dev/null
    check_wait cg.log "callgrind $1"
    sed -n 's/^totals: *\([0-9][0-9]*\).*/\1/p' cg.out
}

install_hercules() {
    command -v hercules > /dev/null && return 0
    echo "bench: installing Debian's hercules"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends hercules
}

# ---- the measurements -------------------------------------------------------------------------------

cd "$work"
[ "$COMPARE" = 1 ] && install_hercules
if [ "$CALLGRIND" = 1 ] && ! command -v valgrind > /dev/null; then
    echo "bench: valgrind is not installed: no host instructions per guest instruction"
    CALLGRIND=0
fi
"$BIN/dasd370" init -z pristine.cckd 3330 BENCH1 > /dev/null || die "dasd370 init failed"

printf '%-8s %14s %9s %9s %12s' workload "guest instr" "s370 s" "s370 MIPS" "host/guest"
[ "$COMPARE" = 1 ] && printf ' %9s %9s %7s' "Herc s" "Herc MIPS" ratio
printf '\n'

while read -r name long cg; do
    [ -n "$name" ] || continue
    case " ${ONLY:-$name} " in *" $name "*) ;; *) continue ;; esac
    src="$ROOT/bench/$name.asm"
    read -r a b <<< "$(formula "$src")"
    [ -n "${b:-}" ] || die "$src: no 'INSTRUCTIONS = A*ITER + B' line"
    long=$((long * SCALE / 100))
    [ "$long" -gt 0 ] || long=1
    for passes in 0 "$long" "$cg"; do
        "$BIN/asm370" -f deck -D "ITER=$passes" -o "$name.$passes.deck" -l none "$src" ||
            die "$src does not assemble"
    done
    guest=$((a * long))

    t0=$(time_runs s370 "$name" 0)
    t1=$(time_runs s370 "$name" "$long")
    net=$((t1 - t0))
    [ "$net" -gt 0 ] || net=1
    mips=$(awk -v g="$guest" -v t="$net" 'BEGIN { printf "%.1f", g / t }')
    seconds=$(awk -v t="$net" 'BEGIN { printf "%.3f", t / 1e6 }')

    per="null"
    if [ "$CALLGRIND" = 1 ]; then
        ir0=$(callgrind_ir "$name" 0)
        ir1=$(callgrind_ir "$name" "$cg")
        per=$(awk -v d="$((ir1 - ir0))" -v g="$((a * cg))" 'BEGIN { printf "%.1f", d / g }')
    fi

    printf '%-8s %14d %9s %9s %12s' "$name" "$guest" "$seconds" "$mips" "$per"
    herc="null"
    if [ "$COMPARE" = 1 ]; then
        h0=$(time_runs hercules "$name" 0)
        h1=$(time_runs hercules "$name" "$long")
        hnet=$((h1 - h0))
        [ "$hnet" -gt 0 ] || hnet=1
        hmips=$(awk -v g="$guest" -v t="$hnet" 'BEGIN { printf "%.1f", g / t }')
        hseconds=$(awk -v t="$hnet" 'BEGIN { printf "%.3f", t / 1e6 }')
        ratio=$(awk -v s="$mips" -v h="$hmips" 'BEGIN { printf "%.2f", s / h }')
        printf ' %9s %9s %7s' "$hseconds" "$hmips" "$ratio"
        herc="{\"seconds\": $hseconds, \"mips\": $hmips, \"startup_seconds\": $(awk -v t="$h0" 'BEGIN { printf "%.3f", t / 1e6 }'), \"ratio\": $ratio}"
    fi
    printf '\n'
    startup=$(awk -v t="$t0" 'BEGIN { printf "%.3f", t / 1e6 }')
    row="    {\"workload\": \"$name\", \"passes\": $long, \"instructions_per_pass\": $a, \"fixed_instructions\": $b,"
    row="$row \"guest_instructions\": $guest, \"s370\": {\"seconds\": $seconds, \"mips\": $mips,"
    row="$row \"startup_seconds\": $startup, \"host_instructions_per_guest\": $per}, \"hercules\": $herc}"
    echo "$row" >> rows.json
done <<< "$WORKLOADS"

{
    echo "{"
    echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
    echo "  \"commit\": \"$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)\","
    echo "  \"host\": \"$(uname -srm) $(nproc) cpus\","
    echo "  \"runs\": $RUNS,"
    echo "  \"workloads\": ["
    sed '$!s/$/,/' rows.json
    echo "  ]"
    echo "}"
} > "$RESULTS"
echo "bench: results in ${RESULTS#"$ROOT"/}"
