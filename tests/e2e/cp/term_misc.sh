# More of cpterm's commands on line-mode terminals: WARNING ALL from the operator; USER1 runs the
# demo guest from its reader and uses #CP while the guest reads; the guest's disabled wait stops it
# (CP READ), BEGIN tries its PSW again; SYSTEM CLEAR / RESET; EXTERNAL on a cleared machine sends it
# into a loop of program interruptions, and an empty line (the attention key) stops it again; a
# second LOGON of a user logged on elsewhere is refused; a client that goes away leaves its user
# disconnected (CP notices when it next writes to the terminal: a 3215 says nothing when its client
# leaves); SHUTDOWN tells the users and ends CP in a disabled wait (code 961) after its message on
# the operator's console.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
term_open 1
term_cmd 1 '' 'VM/370 ONLINE'
term_logon 1 USER1 USER1
operator 'WARNING ALL system going down soon'
term_wait 1 'WNG FROM OPERATOR: system going down soon'

term_cmd 1 'IPL 123' 'DMKCFG040E DEV 123 DOES NOT EXIST'
term_cmd 1 'IPL XYZ' 'DMKCFG022E VADDR MISSING OR INVALID'
term_cmd 1 'IPL 00C' 'DEMO: TYPE A LINE, QUIT TO STOP'
term_cmd 1 '#CP QUERY USERS' '^002 USERS, 000 DIALED'
term_cmd 1 'hello' 'DEMO: YOU TYPED: hello'
term_cmd 1 'QUIT' 'DMKDSP450W CP ENTERED; DISABLED WAIT PSW'
term_wait 1 'DEMO: BYE'
[ "$(tr -d '\r' < term.1 | grep -A1 'DISABLED WAIT PSW' | tail -1)" = 'CP READ' ] ||
    { cat term.1; fail "CP READ should follow the disabled wait"; }
term_cmd 1 'BEGIN' 'DMKDSP450W CP ENTERED; DISABLED WAIT PSW'

term_cmd 1 'SYSTEM CLEAR' 'STORAGE CLEARED - SYSTEM RESET'
term_cmd 1 'D L400' '^000400  00000000 00000000 00000000 00000000'
term_cmd 1 'SYSTEM RESET' '^SYSTEM RESET'
term_cmd 1 'SYSTEM WOBBLE' 'DMKCFC003E INVALID OPTION - WOBBLE'
term_cmd 1 'EXTERNAL 1G' 'DMKCFC003E INVALID OPTION - 1G'
before=$(term_count 1 '^CP READ')
term_send 1 'EXTERNAL'                   # runs: program checks at 0 forever
term_cmd 1 '' '^CP READ'                       # the attention key
[ "$(term_count 1 '^CP READ')" -eq $((before + 1)) ] || { cat term.1; fail "one CP READ for the attention"; }
term_cmd 1 'D PSW' '^PSW = '

term_open 2
term_cmd 2 '' 'VM/370 ONLINE'
term_cmd 2 'LOGON USER1' 'ENTER PASSWORD:'
term_cmd 2 'USER1' 'DMKLOG054E ALREADY LOGGED ON LINE 020'
term_logon 2 USER2 USER2
term_close 2
wait_for 'S370I503 021 3215 client .* disconnected' s370.out
operator 'MSG USER2 are you there'      # CP finds out at the next write
wait_for 'LINE 021 DISCONNECT USER2    USERS = 003' s370.out
operator 'QUERY NAMES'
wait_for 'USER2    - DSC' s370.out

operator 'SHUTDOWN'
term_wait 1 'DMKCKP960I SYSTEM SHUTDOWN STARTED'
wait_for 'DMKCKP961W SYSTEM SHUTDOWN COMPLETE' s370.out
wait_for 'HHCCP011I CPU0000: Disabled wait state' s370.out
grep -A3 'HHCCP011I' s370.out | grep -q '0961' || { cat s370.out; fail "the wait code should be 961"; }
quit_s370
