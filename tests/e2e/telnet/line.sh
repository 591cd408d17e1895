# A line-mode client on a 3215, end to end: a raw TCP client (bash's /dev/tcp, which answers no
# telnet at all, like netcat) becomes the console at 01F after the silent time and gets the greeting;
# line.asm, IPLed from the reader, prompts on it, reads what the client types (ASCII in, EBCDIC to
# the guest) and echoes it as a line ending in CR LF; the server itself echoes nothing (the client
# echoes locally).  A 1000-byte line reaches the guest's 80-byte read.  The client leaves while a read
# waits (intervention required for the guest), a new client connects, the program, told by device
# end, prompts again, and the new client's line is echoed.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/telnet/helpers.bash"

boot line '001F     3215 NOPROMPT'

# connect_line N: client N on fd 6, what it receives in client.N
connect_line() {
    exec 6<>"/dev/tcp/127.0.0.1/$PORT" || fail "cannot connect"
    cat <&6 > "client.$1" &
    CAT_PID=$!
    EXTRA_PIDS="$EXTRA_PIDS $CAT_PID"
    wait_for 'Console 01F (3215) connected from 127\.0\.0\.1:' "client.$1"
}

connect_line 1
wait_for 'S370I502 01F 3215 client 127\.0\.0\.1:[0-9]* connected (line mode)' s370.out
s370_command 'ipl 00c'
wait_for 'ENTER A LINE:' client.1
printf 'hello, s370\r\n' >&6
wait_for 'ECHO: hello, s370' client.1
[ "$(grep -c 'hello, s370' client.1)" -eq 1 ] || { cat -A client.1; fail "the server should not echo input"; }
grep -q $'ECHO: hello, s370\r$' client.1 || { cat -A client.1; fail "lines should end with CR LF"; }
long=$(printf '%01000d' 7)
printf '%s\r\n' "$long" >&6
wait_for "ECHO: ${long:0:80}"$'\r$' client.1

exec 6>&-
kill "$CAT_PID" 2>/dev/null
wait_for 'S370I503 01F 3215 client 127\.0\.0\.1:[0-9]* disconnected' s370.out

connect_line 2
wait_for 'ENTER A LINE:' client.2
printf 'once more\n' >&6
wait_for 'ECHO: once more' client.2
exec 6>&-
kill "$CAT_PID" 2>/dev/null

quit_s370
grep -q HHCCP011I s370.out && { cat s370.out; fail "line.asm stopped: it found something wrong"; }
exit 0
