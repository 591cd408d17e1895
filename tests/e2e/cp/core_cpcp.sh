# CP under CP (cpcore): the volumes of `make images`, with a second system residence volume laid
# out on S37U01 cylinders 100-259 (the IPL loader, SYSHDR, the same nucleus, a directory of one
# user, OPERATOR, a paging and a spool area) and a user CPGUEST added to the first directory with
# those cylinders as its minidisk 150.  CPGUEST types IPL 150: the second-level CP loads, finds
# its storage (4M: the virtual machine's), reads its directory through its minidisk and logs its
# OPERATOR on at its console - CPGUEST's terminal - all of it through the first-level CP's trap
# and emulate: every SIO translated, every LPSW, SSK, LCTL, SCKC emulated, its enabled waits
# making CPGUEST idle.  A command typed to it is answered by the second-level CP.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

# the first level: the usual volumes, CPGUEST added to the directory
own_volumes
printf 'USER CPGUEST CPGUEST 4M 4M G\n OPTION ECMODE\n CONSOLE 009 3215\n' > cpguest.direct
printf ' MDISK 150 3350 100 160 S37U01 W\n' >> cpguest.direct
more_users cpguest.direct
printf 'USER OPERATOR OPERATOR 1M 1M ABCDEFG\n CONSOLE 009 3215\n' > user2.direct
"$BIN/dirc370" -o user2.dir user2.direct > /dev/null || fail "the second directory does not compile"
syshdr user2.dir 160 syshdr2.bin

# the second level's SYSRES, at S37U01 cylinder 100
"$BIN/asm370" -I "$ROOT/cp/macros" -f ipltext --origin 1000 -o iplload.ipl -l none \
    "$ROOT/cp/loader/iplload.asm" || fail "the IPL loader does not assemble"
u=vol/user01.cckd
"$BIN/dasd370" ipl $u iplload.ipl 100 > /dev/null &&
    "$BIN/dasd370" put $u 100 1 syshdr2.bin > /dev/null &&
    "$BIN/dasd370" put $u 101 0 "$NUCLEUS" > /dev/null &&
    "$BIN/dasd370" put $u 105 0 user2.dir > /dev/null &&
    "$BIN/dasd370" format $u 110 50 > /dev/null &&
    "$BIN/dasd370" format $u 160 100 > /dev/null || fail "the second SYSRES not written"

cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
term_open 1
term_logon 1 CPGUEST CPGUEST
term_send 1 'IPL 150'
term_wait 1 'DMKCPI957I STORAGE SIZE =     4096K' 30
term_wait 1 'LINE 009 LOGON AS OPERATOR USERS = 001' 30
term_send 1 '#CP QUERY TRAPS'
term_wait 1 'SIO      = '
# a line typed while CPGUEST runs is an attention on its console (cpterm): the second-level CP
# reads it as its operator's command and answers (one user there, two at the first level)
term_send 1 'QUERY USERS'
term_wait 1 '^001 USERS, 000 DIALED' 30
cp_alive
