#!/bin/sh
# run.sh - what `make run` does: boot CP from the volumes `make images` built ($BUILD/images) on
# s370, with the real machine of cms-images/s370.cnf and its panel on this terminal (the operator
# console: "/text" types to CP).  Terminals connect over telnet; the volumes keep what CP writes.
# IMAGES (another folder of volumes) and PORT (the telnet port) may come from the environment.
set -eu
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGES=${IMAGES:-$ROOT/$BUILD/images}
OUTPUT=$IMAGES
export IMAGES OUTPUT
printf 'ipl 150\n' > "$IMAGES/s370.rc"
case ${PORT:-3270} in
*:*) where=$PORT ;;
*) where=localhost:${PORT:-3270} ;;
esac
cat <<EOT
run: booting CP from $IMAGES/sysres.cckd.  Connect a terminal:
       c3270 $where      (a 3270)   or   telnet ${where%:*} ${where##*:}   (a line-mode 3215)
     log on with LOGON USER1 (password USER1), then IPL 191 runs the demo guest.
     Users: OPERATOR MAINT USER1 USER2 HOSTILE (password = userid).  quit leaves s370.
EOT
exec "$ROOT/$BUILD/bin/s370" -f "$ROOT/cms-images/s370.cnf" -r "$IMAGES/s370.rc"
