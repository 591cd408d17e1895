# Load on the telnet server, loopback only: while an s3270 session works with form.asm on 0C0, 200
# clients connect at once (tclient.c): TN3270 terminals (most refused: only 8 displays), garbage
# bytes, half-open sockets dropped with RST, clients that close their sending side, raw typists
# sending 1000-byte lines, VT100 telnet clients, clients that stall in the negotiation until the time
# limit.  s370 must not crash or report an error, the s3270 session must keep working during and after
# the load, and once the clients are gone s370 must hold exactly the descriptors it held before.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/telnet/helpers.bash"

boot form '00C0.8   3270' '001F     3215 NOPROMPT' '0020     1052 NOPROMPT'

start_s3270 -model 3278-2
s3 "Connect(0C0@127.0.0.1:$PORT)"
wait_screen 'Terminal   0C0'
s370_command 'ipl 00c'
wait_screen 'ENTER YOUR NAME:'
s3 'String("ONE")'
s3 'Enter()'
wait_screen 'YOU TYPED: ONE'

descriptors() {
    ls "/proc/$S370_PID/fd" | wc -l
}
before=$(descriptors)

timeout 60 ./tclient load "$PORT" 200 &
LOAD_PID=$!
EXTRA_PIDS=$LOAD_PID
sleep 1
s3 'String("TWO")'
s3 'Enter()'
wait_screen 'YOU TYPED: TWO'
wait "$LOAD_PID" || fail "the load clients did not finish in time (status $?)"
kill -0 "$S370_PID" 2>/dev/null || { cat s370.out s370.err; fail "s370 died under load"; }

# refused clients linger 5 s, stalled ones are dropped at the 10 s negotiation limit
tries=300
while [ "$(descriptors)" -ne "$before" ] && [ "$tries" -gt 0 ]; do
    sleep 0.1
    tries=$((tries - 1))
done
[ "$(descriptors)" -eq "$before" ] || { ls -l "/proc/$S370_PID/fd"; fail "s370 holds $(descriptors) descriptors, $before before"; }

s3 'String("THREE")'
s3 'Enter()'
wait_screen 'YOU TYPED: THREE'
s3 'Disconnect()'
s3 'Quit()'
wait "$S3270_PID"
S3270_PID=

quit_s370
grep -q 'S370E' s370.out && { grep S370E s370.out; fail "s370 reported errors under load"; }
grep -q HHCCP011I s370.out && { cat s370.out; fail "form.asm stopped: it found something wrong"; }
[ "$(grep -c 'S370W504 telnet client .* refused' s370.out)" -gt 10 ] || fail "refusals should be logged"
exit 0
