# The LOGON dialogue on a line-mode terminal (cpterm, milestone M2): CP IPLs, OPERATOR is logged on
# on the operator's console, a telnet client on 020 gets "VM/370 ONLINE"; an unknown user, a wrong
# password (not echoed; the operator is told), a command before LOGON, then USER1 logs on (LOGMSG,
# LOGON AT; the operator sees LINE 020 LOGON AS USER1), unknown commands, bad operands, commands
# of a class USER1 does not have, QUERY USERS/NAMES, LOGOFF (the operator sees it, the logo again).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
wait_for 'LINE 009 LOGON AS OPERATOR USERS = 001' s370.out

term_open 1
term_cmd 1 '' 'VM/370 ONLINE'                   # (an empty line shows it again)

term_cmd 1 'logon nobody' 'DMKLOG053E NOBODY NOT IN CP DIRECTORY'
term_cmd 1 'LOGON USER1' '^XXXXXXXX'
term_wait 1 'ENTER PASSWORD:'
term_cmd 1 'SECRET9' 'DMKLOG050E PASSWORD INCORRECT - REINITIATE LOGON PROCEDURE'
wait_for 'DMKLOG051I LOGON FAILED: USER1    LINE 020 PASSWORD INCORRECT' s370.out
grep -q SECRET9 term.1 && fail "CP echoed the password"
term_cmd 1 'QUERY TIME' 'DMKCFC001E UNKNOWN CP COMMAND'

term_cmd 1 'LOGON USER1' 'ENTER PASSWORD:'
term_cmd 1 'user1' 'LOGON AT [0-2][0-9]:[0-5][0-9]:[0-5][0-9] GMT'
term_wait 1 'LOGMSG - [0-2][0-9]:[0-5][0-9]:[0-5][0-9] GMT [A-Z]*DAY [01][0-9]/[0-3][0-9]/[0-9][0-9]'
wait_for 'LINE 020 LOGON AS USER1    USERS = 002' s370.out
grep -A1 '^LOGON AT' term.1 | grep -q '^CP READ' || { cat term.1; fail "CP READ should follow LOGON AT"; }

term_cmd 1 'FROBNICATE' 'DMKCFC001E UNKNOWN CP COMMAND'
term_cmd 1 'QUERY BAR' 'DMKCFC003E INVALID OPTION - BAR'
term_cmd 1 'SHUTDOWN' 'DMKCFC001E UNKNOWN CP COMMAND'     # class A: unknown to class G
term_cmd 1 'Q' 'DMKCFC026E OPERAND MISSING OR INVALID'
term_cmd 1 'q users#QUERY PRIVCLAS' '^PRIVILEGE CLASSES = G'     # two commands on a line
term_wait 1 '^002 USERS, 000 DIALED'
term_cmd 1 'QUERY NAMES' '^OPERATOR - 009 , USER1    - 020'
day_before=$(date -u '+%A %m/%d/%y' | tr a-z A-Z)
term_cmd 1 'QUERY TIME' '^CONNECT= 00:00:[0-5][0-9] VIRTCPU= 000:00\.[0-9][0-9]'
day_after=$(date -u '+%A %m/%d/%y' | tr a-z A-Z)
term_wait 1 '^TIME IS [0-2][0-9]:[0-5][0-9]:[0-5][0-9] GMT'
cp_day=$(tr -d '\r' < term.1 | sed -n 's/^TIME IS [0-9:]* GMT //p' | tail -1)
[ "$cp_day" = "$day_before" ] || [ "$cp_day" = "$day_after" ] ||
    fail "QUERY TIME says '$cp_day', the host '$day_after'"
term_cmd 1 'QUERY PRIVCLAS' $'^PRIVILEGE CLASSES = G\r'

term_cmd 1 'LOGOFF' 'VM/370 ONLINE'             # the logo again
term_wait 1 'LOGOFF AT [0-2][0-9]:[0-5][0-9]:[0-5][0-9] GMT'
tr -d '\r' < term.1 | grep -B1 '^LOGOFF AT' | head -1 | grep -q '^CONNECT= 00:00:[0-5][0-9] VIRTCPU= ' ||
    { cat term.1; fail "CONNECT= ... VIRTCPU= should come before LOGOFF AT"; }
wait_for 'LINE 020 LOGOFF AS USER1    USERS = 001' s370.out
term_cmd 1 'LOGON USER1' 'ENTER PASSWORD:'
term_close 1
cp_alive
quit_s370
