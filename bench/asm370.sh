#!/bin/sh
# asm370 benchmark: assemble a generated 100,000-line source (object deck and listing), median of 5
# runs.  Target: under 1 second.
set -eu
BIN=${BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh "$(dirname "$0")/gen_asm_source.sh" 100000 > "$work/big.asm"
lines=$(wc -l < "$work/big.asm")
"$BIN/asm370" -o "$work/big.obj" -l "$work/big.lst" "$work/big.asm" || { echo "asm370 bench: assembly failed"; exit 1; }
times=""
for run in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$BIN/asm370" -o "$work/big.obj" -l "$work/big.lst" "$work/big.asm"
    end=$(date +%s%N)
    times="$times $(( (end - start) / 1000000 ))"
done
median=$(echo $times | tr ' ' '\n' | sort -n | sed -n 3p)
verdict=$([ "$median" -lt 1000 ] && echo "ok" || echo "SLOWER THAN TARGET")
printf '%-28s %8s lines  %6d ms (median of 5)  target < 1000 ms: %s\n' "asm370 assemble" "$lines" "$median" "$verdict"
