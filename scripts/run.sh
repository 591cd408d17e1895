#!/bin/sh
# run.sh - what `make run` does: assemble the demo program into an IPL card deck, write a small
# configuration (a 3215-C console and a 3505 reader holding the deck) and boot it on s370, with the
# operator's console on this terminal.  Until CP arrives (issue 7), the demo is the default system.
set -eu
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
out="$ROOT/$BUILD/demo"
mkdir -p "$out"
"$ROOT/$BUILD/bin/asm370" -f deck -o "$out/echo.deck" -l "$out/echo.lst" "$ROOT/demo/echo.asm"
cat > "$out/s370.cnf" <<CNF
# the demo system: see demo/echo.asm
ARCHLVL  S/370
MAINSIZE 1M
NUMCPU   1
0009     3215-C / NOPROMPT
000C     3505 $out/echo.deck ebcdic eof
CNF
printf 'ipl 00c\n' > "$out/s370.rc"
echo "run: booting the demo (demo/echo.asm); type /hello to talk to it, help for commands, quit to leave"
exec "$ROOT/$BUILD/bin/s370" -f "$out/s370.cnf" -r "$out/s370.rc"
