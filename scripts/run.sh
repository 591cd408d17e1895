#!/bin/sh
# run.sh - what `make run` does.  Until the emulator lands (cpu370, channels, devices, console:
# issues 3-5) the default system is the demo program: assemble it into an IPL card deck and show
# its listing, so a newcomer sees the toolchain work end to end.
set -eu
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
out="$ROOT/$BUILD/demo"
mkdir -p "$out"
"$ROOT/$BUILD/bin/asm370" -f deck -o "$out/hello.deck" -l "$out/hello.lst" "$ROOT/tests/e2e/asm370/progs/hello.asm"
sed -n '1,40p' "$out/hello.lst"
echo
echo "run: assembled the demo into $out/hello.deck (an IPL card deck)."
echo "run: the s370 emulator that will IPL it is not built yet; see README.md, 'Status'."
