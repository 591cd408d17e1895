# The virtual console's attention (cpterm): a line typed while the VM runs and no console read is
# pending makes CP present attention on the virtual 3215 and keep the line for the guest's next
# read, as VM/370 did.  guests/termattn.asm, IPLed by USER1 from its reader, waits enabled for an
# attention, then for a second one, then reads both lines: the first read ends with channel end,
# device end and attention (another line waits, as a real 3215 says it), the second with channel
# end and device end.  An empty line while the VM runs still enters CP mode (the attention key)
# and is not the guest's: after BEGIN, the next line is its fourth attention (the first read's
# status was the third).  On a 3270 (USER2), Enter with nothing typed while the guest runs is
# nobody's: the first line typed after it is the guest's first attention and first line.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

boot_reader termattn USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'IPL 00C'
term_wait 1 'TERMATTN: READY'
term_send 1 'FIRST LINE'
term_wait 1 'TERMATTN: ATTENTION 1'
term_send 1 'SECOND'
term_wait 1 'TERMATTN: STATUS 0C GOT SECOND'
tr -d '\r' < term.1 | sed -n '/^TERMATTN: READY/,/^TERMATTN: STATUS 0C/p' > lines.out
cat > want.out <<'OUT'
TERMATTN: READY
TERMATTN: ATTENTION 1
TERMATTN: ATTENTION 2
TERMATTN: STATUS 8C GOT FIRST LINE
TERMATTN: STATUS 0C GOT SECOND
OUT
diff want.out lines.out || fail "the guest should see two attentions and read both lines"
# an empty line while the guest runs is the attention key (CP mode), not an attention for it: after
# BEGIN the next line typed is the guest's fourth attention
term_send 1 ''
term_wait_n 1 '^CP READ' 2
term_send 1 'BEGIN#QUERY USERS'
term_wait 1 '^002 USERS, 000 DIALED'
term_send 1 'THIRD'
term_wait 1 'TERMATTN: STATUS 0C GOT THIRD'
tr -d '\r' < term.1 | sed -n '/^TERMATTN: STATUS 0C GOT SECOND/,$p' | grep '^TERMATTN' > end.out
printf '%s\n' 'TERMATTN: STATUS 0C GOT SECOND' 'TERMATTN: ATTENTION 4' \
    'TERMATTN: STATUS 0C GOT THIRD' | diff - end.out || fail "the empty line should not reach the guest"

# a 3270: Enter with nothing typed while the guest runs is nobody's (no attention, no empty line
# kept); a line typed is the guest's first attention and the first line it reads
start_s3270
s3 "Connect(127.0.0.1:${PORT#*:})"
wait_screen 'VM/370 ONLINE'
s3 'String("LOGON USER2")'
s3 'Enter()'
wait_screen 'ENTER PASSWORD:'
s3 'String("USER2")'
s3 'Enter()'
wait_screen 'LOGON AT [0-2][0-9]:'
guest_deck termattn USER2
wait_screen 'RDR FILE'
s3 'String("IPL 00C")'
s3 'Enter()'
wait_screen 'TERMATTN: READY'
s3 'Enter()'
s3 'String("HELLO")'
s3 'Enter()'
wait_screen 'TERMATTN: ATTENTION 1'
s3 'String("WORLD")'
s3 'Enter()'
wait_screen 'TERMATTN: STATUS 0C GOT WORLD'
screen_has 'TERMATTN: STATUS 8C GOT HELLO'
s3 'Disconnect()'
s3 'Quit()'
wait "$S3270_PID"
S3270_PID=
cp_alive
