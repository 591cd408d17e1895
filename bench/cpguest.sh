#!/bin/bash
# bench/cpguest.sh - a CPU-bound guest under CP against the bare machine (issue 7: nonprivileged
# instructions must not trap, so a guest should run at close to bare s370 speed).  The workload is
# bench/general.asm (the general instruction mix, no privileged instruction until its final LPSW),
# the same IPL deck both times: IPLed from the reader of a bare 2M s370, and as a guest of USER1 -
# CP booted from (copies of) the volumes of `make images` with the deck behind an ID USER1 card in
# the real reader, which CP spools to USER1; USER1 logs on from a line-mode terminal and types
# IPL 00C.  Each run is timed from the IPL to the disabled wait (CP's message on the terminal, the
# HHCCP011I message bare).  Prints both medians and their ratio.
#
#   BENCH_RUNS=3          timed runs of each (the median is taken)
#   CPGUEST_ITER=3000000  passes of general.asm (about 1 s bare, so the IPLs do not count)
set -eu
BIN=${BIN:?}
ROOT=${ROOT:?}
RUNS=${BENCH_RUNS:-3}
ITER=${CPGUEST_ITER:-3000000}
TIME_LIMIT=300

work=$(mktemp -d)
cleanup() {
    jobs -p | xargs -r kill 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

die() {
    echo "cpguest: $*" >&2
    exit 1
}

now_us() {
    local t=$EPOCHREALTIME
    echo $((${t%.*} * 1000000 + 10#${t#*.}))
}

median() {
    printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# wait_line PATTERN FILE: until the file has a matching line (TIME_LIMIT at most).
wait_line() {
    local deadline=$((SECONDS + TIME_LIMIT))
    until grep -q -- "$1" "$2" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || { tail -20 "$2" >&2; die "no '$1' in $2"; }
        sleep 0.01
    done
}

"$BIN/asm370" -f deck -D ITER="$ITER" -o general.deck -l none "$ROOT/bench/general.asm" || die "general.asm"
printf '%-80s' 'ID USER1' | dd conv=ebcdic status=none > guest.deck
cat general.deck >> guest.deck

# The bare machine: IPL from 00C, until the disabled wait.
bare_run() {
    printf 'ARCHLVL S/370\nMAINSIZE 2\nCNSLPORT %s\n0009 3215-C / NOPROMPT\n000C 3505 general.deck ebcdic eof\n' \
        "$((20000 + $$ % 20000))" > bare.cnf
    rm -f bare.in bare.out
    mkfifo bare.in
    "$BIN/s370" -f bare.cnf -d < bare.in > bare.out 2>&1 &
    local pid=$! start
    exec 3> bare.in
    echo psw >&3 # its answer says s370 is ready: time the IPL alone
    wait_line '^PSW=' bare.out
    start=$(now_us)
    echo 'ipl 00c' >&3
    wait_line HHCCP011I bare.out
    local t=$(($(now_us) - start))
    echo quit >&3
    exec 3>&-
    wait "$pid" || true
    grep -q '^ *PSW=[0-9A-F]\{8\} [0-9A-F]\{2\}000000$' bare.out || die "bare: no disabled wait with address 0"
    echo "$t"
}

# CP: each run boots CP with the deck in the real reader (CP spools it to USER1 at IPL), logs
# USER1 on from a line-mode terminal and times IPL 00C to CP's disabled-wait message.
cp "$BIN/../images/sysres.cckd" pristine.cckd || die "no images: make images"
cp "$BIN/../images/user01.cckd" .
cp guest.deck reader.deck
port=$((21000 + $$ % 20000))
export IMAGES=$work OUTPUT=$work PORT="127.0.0.1:$port"

guest_run() {
    cp pristine.cckd sysres.cckd
    rm -f cp.in cp.out term.out
    mkfifo cp.in
    "$BIN/s370" -f "$ROOT/cms-images/s370.cnf" -d < cp.in > cp.out 2>&1 &
    local s370=$!
    exec 4> cp.in
    wait_line 'telnet server listening' cp.out
    echo 'ipl 150' >&4
    wait_line 'VM/370 ONLINE' cp.out
    exec 5<>"/dev/tcp/127.0.0.1/$port"
    cat <&5 > term.out &
    local reader=$!
    wait_line 'connected from' term.out
    printf 'LOGON USER1\r\n' >&5
    wait_line 'ENTER PASSWORD' term.out
    printf 'USER1\r\n' >&5
    wait_line 'LOGON AT' term.out
    local start
    start=$(now_us)
    printf 'IPL 00C\r\n' >&5
    wait_line 'DISABLED WAIT' term.out
    local t=$(($(now_us) - start))
    grep -q "DISABLED WAIT PSW '00020000 00000000'" term.out || { cat term.out >&2; die "the guest failed"; }
    exec 5>&-
    echo quit >&4
    exec 4>&-
    wait "$s370" || true
    kill "$reader" 2>/dev/null || true
    echo "$t"
}

bare_times="" guest_times=""
for r in $(seq "$RUNS"); do
    bare_times="$bare_times $(bare_run)"
    guest_times="$guest_times $(guest_run)"
done
# shellcheck disable=SC2086
bare=$(median $bare_times)
# shellcheck disable=SC2086
guest=$(median $guest_times)
printf 'cpguest: general.asm x%s: bare s370 %d ms, guest of CP %d ms, guest/bare time %s (1.00: bare speed)\n' "$ITER" \
    $((bare / 1000)) $((guest / 1000)) "$(awk -v g="$guest" -v b="$bare" 'BEGIN { printf "%.2f", g / b }')"
