# run.sh - `make run`'s script (scripts/run.sh) boots CP: on copies of the volumes and a free port,
# with the operator's commands on its standard input (line mode, as it is not a terminal), it tells
# how to connect, IPLs 150, CP says VM/370 ONLINE and logs OPERATOR on; quit ends it cleanly.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

mkdir img
cp "$BIN/../images/sysres.cckd" "$BIN/../images/user01.cckd" "$BIN/../images/reader.deck" img/
build_tclient
rm -f run.in
mkfifo run.in
IMAGES="$PWD/img" PORT="127.0.0.1:$PORT" BUILD=$(echo "$BIN" | sed "s|^$ROOT/||; s|/bin\$||") \
    sh "$ROOT/scripts/run.sh" < run.in > out.txt 2> err.txt &
S370_PID=$!
exec 3> run.in
wait_for 'LINE 009 LOGON AS OPERATOR' out.txt 20
expect_grep '^run: booting CP from .*/img/sysres.cckd' out.txt
expect_grep "c3270 127.0.0.1:$PORT .*telnet 127.0.0.1 $PORT " out.txt
expect_grep '^VM/370 ONLINE' out.txt
quit_s370
[ -e img/s370.rc ] || fail "the rc file should be with the volumes"
exit 0
