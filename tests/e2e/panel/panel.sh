# The ncurses panel end to end, in a tmux terminal of 120x40: a program assembled into an IPL card
# deck loads known values into the registers and stops in a disabled wait.  The screen must show the
# PSW (CPU line and Hercules' status line), the registers, the disabled-wait message in the log, a
# command typed on the command line with its output, the command recalled with the Up arrow, the
# control and floating-point registers after F3 and F4, older messages after PgUp, a message on a
# terminal too small, and the terminal as it was after quit, Ctrl-C and SIGTERM (stty modes back,
# no s370 process left).  Every wait is bounded; a trap ends tmux and s370 whatever happens.
. "$ROOT/tests/e2e/lib.sh"

command -v tmux >/dev/null || fail "tmux is needed (scripts/deps.sh test installs it)"

# each terminal has a tmux server of its own (a new one on a socket that an ending one still holds
# would fail to start)
terminals=0
SOCK="$TMP/tmux0.sock"
tmx() {
    tmux -S "$SOCK" "$@"
}
s370_pid=
client_pid=
cleanup() {
    [ -n "$client_pid" ] && kill "$client_pid" 2>/dev/null
    [ -n "$s370_pid" ] && kill "$s370_pid" 2>/dev/null
    tmx kill-server 2>/dev/null
}
trap cleanup EXIT INT TERM

cat > prog.asm <<'ASM'
*
* PROG - GRn = n repeated (GR01=11111111...), FPR0 = 1.0, then the
*        disabled wait PSW 000A0000 00C0FFEE (EC mode, wait, no masks).
*
PROG     START X'2000'
         BALR  12,0
         USING *,12
         LD    0,FPONE
         MVC   X'100'(8,0),WAITPSW     the PSW where no base is needed
         LM    0,15,REGS
         LPSW  X'100'(0)
         DS    0D
WAITPSW  DC    X'000A000000C0FFEE'
FPONE    DC    X'4110000000000000'
REGS     DC    X'00000000',X'11111111',X'22222222',X'33333333'
         DC    X'44444444',X'55555555',X'66666666',X'77777777'
         DC    X'88888888',X'99999999',X'AAAAAAAA',X'BBBBBBBB'
         DC    X'CCCCCCCC',X'DDDDDDDD',X'EEEEEEEE',X'FFFFFFFF'
         END   PROG
ASM
"$BIN/asm370" -f deck -o prog.deck -l none prog.asm || fail "prog.asm should assemble"

cat > s370.cnf <<'CNF'
ARCHLVL  S/370
MAINSIZE 1M
NUMCPU   1
0009     3215-C / NOPROMPT
000C     3505 prog.deck ebcdic eof
CNF

# The terminal's program: s370 with the configuration $1, then what the terminal looks like after it.
cat > run.sh <<SH
trap : INT
"$BIN/s370" -f "\$1"
echo "s370 exit status \$?"
stty -a > stty.txt
sleep 300
SH

screen() {
    tmx capture-pane -p -t s370 > screen.txt
}

# wait_for PATTERN SECONDS: a line of the screen matches the (basic) regular expression in time.
wait_for() {
    tries=$(($2 * 10))
    while [ "$tries" -gt 0 ]; do
        screen
        grep -q -- "$1" screen.txt && return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    echo "--- screen:"
    cat screen.txt
    fail "no line matching '$1' on the screen within $2 s"
}

# expect_screen PATTERN: the screen as it is now has a matching line.
expect_screen() {
    screen
    expect_grep "$1" screen.txt
}

count_on_screen() {
    screen
    grep -c -- "$1" screen.txt
}

# start [CONFIG]: s370 in a new 120x40 terminal, the panel up; sets s370_pid.
start() {
    rm -f stty.txt
    terminals=$((terminals + 1))
    SOCK="$TMP/tmux$terminals.sock"
    tmx -f /dev/null new-session -d -s s370 -x 120 -y 40 "sh run.sh ${1:-s370.cnf}" || fail "tmux cannot start"
    wait_for '^Command ==>' 10
    shell=$(tmx display-message -p -t s370 '#{pane_pid}')
    s370_pid=$(pgrep -P "$shell" -x s370)
    [ -n "$s370_pid" ] || fail "no s370 process under the terminal's shell"
}

# ended: s370 has left with status 0, the terminal's modes are back, the process is gone.
ended() {
    wait_for '^s370 exit status 0$' 10
    tries=50
    while [ ! -s stty.txt ] && [ "$tries" -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
    modes=$(tr ' ' '\n' < stty.txt)
    echo "$modes" | grep -qx icanon || fail "the terminal is left without icanon: $(cat stty.txt)"
    echo "$modes" | grep -qx echo || fail "the terminal is left without echo: $(cat stty.txt)"
    echo "$modes" | grep -qx icrnl || fail "the terminal is left without icrnl: $(cat stty.txt)"
    screen
    grep -q '^Command ==>' screen.txt && fail "the panel is still on the screen"
    kill -0 "$s370_pid" 2>/dev/null && fail "s370 is still running"
    s370_pid=
    tmx kill-server
}

# ---- the panel, IPL, commands, history, registers, scrolling, resizing, quit ----
start
expect_screen '^General registers of CPU0000'
expect_screen '^0009 3215 CON  '
expect_screen '^000C 3505 RDR  '
tmx send-keys -t s370 'ipl 00c' Enter
wait_for '^HHCCP011I CPU0000: Disabled wait state$' 10
expect_screen '^ipl 00c$'
expect_screen '^          PSW=000A0000 00C0FFEE$'
wait_for '^CPU0000 disabled wait  PSW=000A0000 00C0FFEE ' 5
wait_for '^CPU0000 PSW=000A000000C0FFEE 24\.\.W\.\.\.\.\. .*instcount=[0-9]' 5
expect_screen '^GR00=00000000  GR01=11111111  GR02=22222222  GR03=33333333$'
expect_screen '^GR12=CCCCCCCC  GR13=DDDDDDDD  GR14=EEEEEEEE  GR15=FFFFFFFF$'

# a command and its output (Hercules' devlist line) in the log
tmx send-keys -t s370 'devlist rdr' Enter
wait_for '^0:000C 3505 prog.deck' 5
expect_screen '^devlist rdr$'

# Up recalls it; Enter runs it again
tmx send-keys -t s370 Up
wait_for '^Command ==> devlist rdr$' 5
tmx send-keys -t s370 Enter
tries=50
while [ "$(count_on_screen '^0:000C 3505 prog.deck')" -lt 2 ] && [ "$tries" -gt 0 ]; do
    sleep 0.1
    tries=$((tries - 1))
done
[ "$(count_on_screen '^0:000C 3505 prog.deck')" -eq 2 ] || fail "the recalled command did not run again"
expect_screen '^Command ==>$'

# F3 control registers (reset values of CR14 and CR15, GA22-7000), F4 floating point, F2 back
tmx send-keys -t s370 F3
wait_for '^Control registers of CPU0000' 5
expect_screen '^CR12=00000000  CR13=00000000  CR14=C2000000  CR15=00000200$'
tmx send-keys -t s370 F4
wait_for '^Floating-point registers of CPU0000' 5
expect_screen '^FPR0=41100000 00000000  FPR2=00000000 00000000$'
tmx send-keys -t s370 F2
wait_for '^GR04=44444444  GR05=55555555  GR06=66666666  GR07=77777777$' 5

# a long answer, then PgUp shows older lines and PgDn the newest again
tmx send-keys -t s370 help Enter
wait_for 'cuu type args' 5
tmx send-keys -t s370 PPage
wait_for '^Messages .*PgDn: [0-9][0-9]* newer' 5
tmx send-keys -t s370 NPage NPage NPage NPage NPage NPage
wait_for '^Messages  *PgUp: [0-9][0-9]* older$' 5
expect_screen 'cuu type args'

# too small a terminal: said on the screen; back to the panel when it grows
tmx resize-window -t s370 -x 50 -y 10
wait_for 'the panel n' 5
tmx resize-window -t s370 -x 120 -y 40
wait_for '^General registers of CPU0000' 5

tmx send-keys -t s370 quit Enter
ended

# ---- Ctrl-C (SIGINT) ----
start
tmx send-keys -t s370 C-c
ended

# ---- SIGTERM ----
start
kill -TERM "$s370_pid"
ended

# ---- a telnet client's address on its device's line: a raw TCP client (bash's /dev/tcp, no telnet
# at all) becomes the line-mode console 01F.  The port comes from our process number; one that is
# taken is told on the panel (S370E501), and the next is tried. ----
command -v bash >/dev/null || fail "bash is needed for its /dev/tcp"
attempt=0
while :; do
    attempt=$((attempt + 1))
    [ "$attempt" -le 5 ] || fail "no free port for the telnet server"
    port=$((20000 + ($$ * 7 + attempt * 1013) % 40000))
    cat > client.cnf <<CNF
ARCHLVL  S/370
MAINSIZE 1M
CNSLPORT 127.0.0.1:$port
001F     3215 NOPROMPT
CNF
    start client.cnf
    wait_for '^S370I500 telnet server listening\|^S370E501 ' 10
    grep -q '^S370I500 ' screen.txt && break
    tmx send-keys -t s370 quit Enter
    ended
done
bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && cat <&3 > client.txt" &
client_pid=$!
wait_for '^001F 3215 CON  .*127\.0\.0\.1:[0-9][0-9]*  ' 15
tmx send-keys -t s370 quit Enter
ended
kill "$client_pid" 2>/dev/null
client_pid=
exit 0
