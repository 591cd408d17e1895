# TN3270 end to end with a real client: Debian's s3270 (model 3279-5) connects to s370 and sees the
# logo (device, how to disconnect) at the default 24x80 size; form.asm, IPLed from the reader, writes
# a form with Erase/Write Alternate (27x132 on a model 5); s3270 types into the unprotected field and
# presses Enter; the program gets attention, reads with Read Modified (checking the AID and the SBA
# to the field, as a 3274 returns them) and shows the text back.  Then: a second s3270 asking for the
# same device by name (LU 0C0) is refused with the rejection screen, the first disconnects (the log
# says so), reconnects, and the program (told by device end) writes the form again.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/telnet/helpers.bash"

boot form '00C0.4   3270'

start_s3270 -model 3279-5
s3 "Connect(127.0.0.1:$PORT)"
wait_screen 'S Y S T E M / 3 7 0'
screen_has 'Terminal   0C0 (IBM-3279-5-E)'
screen_has 'Client     127\.0\.0\.1:'
screen_has 'To disconnect, close this session'
s3 'Query(ScreenCurSize)'
grep -qx '24 80' s3.data || fail "the logo should be on the 24x80 screen, not $(cat s3.data)"
wait_for 'S370I502 0C0 3270 client 127\.0\.0\.1:[0-9]* connected (IBM-3279-5-E)' s370.out

s370_command 'ipl 00c'
wait_screen 'ENTER YOUR NAME:'
s3 'Query(ScreenCurSize)'
grep -qx '27 132' s3.data || fail "Erase/Write Alternate should give 27x132 on a model 5, not $(cat s3.data)"
s3 'Query(Cursor)'
grep -qx '0 98' s3.data || fail "the cursor should be in the input field (row 0, column 98), not $(cat s3.data)"

s3 'String("HELLO S370")'
s3 'Enter()'
wait_screen 'YOU TYPED: HELLO S370'
s3 'String("AGAIN")'
s3 'Enter()'
wait_screen 'YOU TYPED: AGAIN'

# the same device by name from a second client: the three-line rejection screen, then closed
printf 'Connect(0C0@127.0.0.1:%s)\nWait(10,Output)\nAscii()\nWait(15,Disconnect)\n' "$PORT" |
    timeout 30 s3270 > second.out 2>&1
grep -q 'data: *s370 System/370 emulator on ' second.out || { cat second.out; fail "no rejection screen"; }
grep -q 'data: *Running on ' second.out || { cat second.out; fail "no host line on the rejection screen"; }
grep -q 'data: *Connection rejected: device 0C0 is busy\.' second.out || { cat second.out; fail "no reason"; }
wait_for 'S370W504 telnet client 127\.0\.0\.1:[0-9]* (IBM-3279-4-E) refused: device 0C0 is busy' s370.out

# the first client is undisturbed, then leaves and comes back
s3 'String("STILL HERE")'
s3 'Enter()'
wait_screen 'YOU TYPED: STILL HERE'
s3 'Disconnect()'
wait_for 'S370I503 0C0 3270 client 127\.0\.0\.1:[0-9]* disconnected' s370.out
s3 "Connect(127.0.0.1:$PORT)"
wait_screen 'ENTER YOUR NAME:'
grep -q 'YOU TYPED' s3.data && fail "the reconnected terminal should show a fresh form"
s3 'Disconnect()'
s3 'Quit()'
wait "$S3270_PID"
S3270_PID=

quit_s370
grep -q HHCCP011I s370.out && { cat s370.out; fail "form.asm stopped: it found something wrong"; }
exit 0
