# CP commands of a logged-on user on a line-mode terminal (cpterm): STORE and DISPLAY of storage,
# registers and the PSW in VM/370's formats, QUERY STORAGE, QUERY vaddr (cpio's CMVQDEV), TRACE and
# TRACE END, MSG between the operator and a user, DISCONNECT (the VM stays, the terminal gets the
# logo) and LOGON again (RECONNECTED, the same storage), FORCE by the operator.  Each command waits
# for its answer (a 3215 presents one attention for lines typed faster than CP reads them: see
# cp/README.md).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
term_open 1
term_cmd 1 '' 'VM/370 ONLINE'
term_logon 1 USER2 USER2

term_cmd 1 'STORE L100 12345678 9ABCDEF0' 'STORE COMPLETE'
term_cmd 1 'STORE S10A C1C2' 'STORE COMPLETE'
term_cmd 1 'DISPLAY L100-10F' '^000100  12345678 9ABCDEF0 0000C1C2 00000000  \*\.\.\.\.\.\.\.0\.\.AB\.\.\.\.\*'
term_cmd 1 'ST G5 ABC 0DEF' 'STORE COMPLETE'
term_cmd 1 'D G5-6' '^GPR 5 = 00000ABC 00000DEF'
term_cmd 1 'D G' '^GPR C = 00000000 00000000 00000000 00000000'
term_wait 1 '^GPR 4 = 00000000 00000ABC 00000DEF 00000000'
term_cmd 1 'STORE PSW 070C0000 00020000' 'STORE COMPLETE'
term_cmd 1 'DISPLAY PSW' '^PSW = 070C0000 00020000'
term_cmd 1 'D 100000' 'DMKCDB160E HEXLOC 100000 EXCEEDS STORAGE'
term_cmd 1 'D L0-FFFF' '^00FFF0  '              # 4096 lines: CP paces them
[ "$(term_count 1 '^00[0-9A-F]\{3\}0  ')" -ge 4096 ] || fail "every line of a long DISPLAY"
cp_alive
term_cmd 1 'D G16' 'DMKCFC003E INVALID OPTION - G16'
term_cmd 1 'QUERY STORAGE' '^STORAGE = 01024K'
term_cmd 1 'QUERY 009' '^CONS 009 ON DEV 020'             # a device address: cpio's CMVQDEV
term_cmd 1 'Q 191' '^DASD 191 3350 S37U01 R/W 005 CYL'
term_cmd 1 'QUERY 5A5' '^DMKCFM040E DEV 5A5 DOES NOT EXIST'
term_cmd 1 'DEFINE STORAGE 4M' 'DMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM'
term_cmd 1 'DEFINE STORAGE 100K' 'DMKCFC003E INVALID OPTION - 100K'
term_cmd 1 'DEFINE' 'DMKCFC026E OPERAND MISSING OR INVALID'

term_cmd 1 'TRACE WOBBLE' 'DMKCFC003E INVALID OPTION - WOBBLE'
term_quiet 1 'TRACE PRIV SVC'
term_cmd 1 'TRACE END' 'TRACE ENDED'

term_send 1 'MSG OP please mount tape 7'
wait_for 'MSG FROM USER2   : please mount tape 7' s370.out
operator 'MSG USER2 done'
term_wait 1 'MSG FROM OPERATOR: done'
operator 'MSG NOBODY hello'
wait_for 'DMKMSG045E NOBODY NOT LOGGED ON' s370.out

term_cmd 1 'DISCONNECT' 'VM/370 ONLINE'
term_wait 1 'DISCONNECT AT [0-2][0-9]:'
wait_for 'LINE 020 DISCONNECT USER2    USERS = 002' s370.out
operator 'QUERY NAMES'
wait_for 'USER2    - DSC' s370.out
operator 'MSG USER2 are you there'
wait_for 'DMKMSG057W USER2 NOT RECEIVING; DISCONNECTED' s370.out
term_cmd 1 'LOGON USER2' 'ENTER PASSWORD:'
term_cmd 1 'USER2' 'RECONNECTED AT [0-2][0-9]:'
term_cmd 1 'D L100' '^000100  12345678'           # the same virtual machine

operator 'FORCE USER2'
wait_for 'LINE 020 FORCED USER2    USERS = 001' s370.out
term_wait 1 'LOGOFF AT'
operator 'QUERY USERS'
wait_for '^001 USERS, 000 DIALED' s370.out
cp_alive
quit_s370
