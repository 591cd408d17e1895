# CP stopping for good (cpcore): the operator's restart key (s370's `restart`) makes CP say what
# and where on the operator console - the old PSW and the sixteen registers - and stop in a
# disabled wait whose address carries the reason, X'DEAD03' (cp/README.md lists the codes).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
s370_command 'restart'
wait_for 'DMKPRG900E CP TERMINATED, CODE DEAD03 PGM 00000000 PSW 030A0000 000' s370.out
wait_for 'DMKPRG901E GR00 ' s370.out
wait_for 'DMKPRG901E GR12 ' s370.out
sleep 2
s370_command 'psw'
wait_for 'PSW=000A0000 00DEAD03' s370.out
