# io_offline.sh - the real configuration (cpio): CP IPLs on a machine that lacks two devices of
# its RIO table, the printer 00E and the minidisk volume 151.  TIO finds them not operational, the
# operator is told once CP runs; USER1's minidisk, on the missing volume, is left out at LOGON
# with VM/370's message, the rest of the virtual machine is built, and CP keeps running.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

images="$BIN/../images"
[ -s "$images/sysres.cckd" ] || fail "no $images/sysres.cckd: make images builds it"
mkdir -p img
cp "$images/sysres.cckd" "$images/reader.deck" img/
grep -v -e '^000E ' -e '^0151 ' "$ROOT/cms-images/s370.cnf" > short.cnf
build_tclient
export IMAGES="$PWD/img" OUTPUT="$PWD" PORT="127.0.0.1:$PORT" MAINSIZE=16
mkfifo s370.in
"$BIN/s370" -f short.cnf -d < s370.in > s370.out 2> s370.err &
S370_PID=$!
exec 3> s370.in
wait_for 'S370I500 telnet server listening on' s370.out
s370_command 'ipl 150'
wait_for "$CP_READY" s370.out 20
wait_for 'DMKIOS950I DEV 00E NOT OPERATIONAL, OFFLINE' s370.out
wait_for 'DMKIOS950I DEV 151 NOT OPERATIONAL, OFFLINE' s370.out
grep -q 'DEV 150 NOT OPERATIONAL' s370.out && fail "SYSRES is there"

term_open 1
term_logon 1 USER1 USER1
term_wait 1 'DMKLNK108E USER1    191 NOT LINKED; VOLID S37U01 NOT MOUNTED'
term_send 1 'QUERY VIRTUAL'
term_wait 1 '^PRT  00E CL A NOHOLD TO SYSTEM'
grep -q '^DASD 191' term.1 && fail "191 should be left out"
operator 'ATTACH 00E TO USER1'
wait_for 'DMKATT121E DEV 00E NOT AVAILABLE' s370.out
term_send 1 'LOGOFF'
term_wait 1 'LOGOFF AT'
term_close 1
quit_s370
exit 0
