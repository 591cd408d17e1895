# tests/e2e/telnet/helpers.bash - sourced by the telnet tests (bash: they need read -t): s370 running
# with its commands from a fifo, s3270 driven through its script interface, the test client, waits
# that give up after a while, and a cleanup that leaves no process behind.
. "$ROOT/tests/e2e/lib.sh"

S370_PID=
S3270_PID=
cleanup() {
    exec 3>&- 4>&- 5<&- 2>/dev/null
    for pid in $S3270_PID $S370_PID $EXTRA_PIDS; do
        kill "$pid" 2>/dev/null
    done
    wait 2>/dev/null
}
trap cleanup EXIT

# The test client (tclient.c): a free port, and the load generator.
build_tclient() {
    cc -std=gnu11 -O2 -o tclient "$ROOT/tests/e2e/telnet/tclient.c" -lpthread || fail "tclient.c should build"
    PORT=$(./tclient port) || fail "no free port"
}

# wait_for PATTERN FILE [SECONDS]: until the file has a line matching the regular expression.
wait_for() {
    local tries=$((${3:-10} * 10))
    while [ "$tries" -gt 0 ]; do
        grep -q -- "$1" "$2" 2>/dev/null && return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    echo "--- $2:"
    cat "$2"
    fail "waited in vain for '$1' in $2"
}

# boot PROGRAM DEVICE-STATEMENT...: the test client and a free PORT; PROGRAM.asm (from this folder)
# assembled into an IPL deck for the reader at 00C; s370 started on a configuration with those
# devices and CNSLPORT 127.0.0.1:PORT, reading commands from the fifo on fd 3, its log in s370.out.
boot() {
    build_tclient
    "$BIN/asm370" -I "$ROOT/tests/e2e/telnet" -f deck -o "$1.deck" -l none "$ROOT/tests/e2e/telnet/$1.asm" ||
        fail "$1.asm should assemble"
    {
        printf 'ARCHLVL  S/370\nMAINSIZE 1M\nCNSLPORT 127.0.0.1:%s\n' "$PORT"
        printf '0009     3215-C / NOPROMPT\n000C     3505 %s.deck ebcdic eof\n' "$1"
        shift
        printf '%s\n' "$@"
    } > s370.cnf
    rm -f s370.in
    mkfifo s370.in
    "$BIN/s370" -f s370.cnf -d < s370.in > s370.out 2> s370.err &
    S370_PID=$!
    exec 3> s370.in
    wait_for 'S370I500 telnet server listening on 127.0.0.1:' s370.out
}

s370_command() {
    printf '%s\n' "$1" >&3
}

# quit_s370: quit, and s370 must end by itself with status 0 and nothing on stderr.
quit_s370() {
    s370_command quit
    exec 3>&-
    local tries=100
    while kill -0 "$S370_PID" 2>/dev/null && [ "$tries" -gt 0 ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
    kill -0 "$S370_PID" 2>/dev/null && fail "s370 did not end after quit"
    wait "$S370_PID" || fail "s370 ended with status $?"
    S370_PID=
    [ -s s370.err ] && { cat s370.err; fail "unexpected messages on stderr"; }
    return 0
}

# start_s3270 [OPTIONS]: s3270 reading script actions on fd 4, answering on fd 5.
start_s3270() {
    rm -f s3270.in s3270.out
    mkfifo s3270.in s3270.out
    s3270 -script "$@" < s3270.in > s3270.out 2> s3270.err &
    S3270_PID=$!
    exec 4> s3270.in 5< s3270.out
}

# s3 ACTION: one s3270 action; its data lines are left in s3.data.  Fails on an error or silence.
s3() {
    printf '%s\n' "$1" >&4
    : > s3.data
    local line
    while IFS= read -r -t 30 line <&5; do
        case $line in
        ok) return 0 ;;
        error) cat s3.data; fail "s3270: $1 failed" ;;
        data:*) printf '%s\n' "${line#data: }" >> s3.data ;;
        esac
    done
    fail "s3270 did not answer $1"
}

# wait_screen TEXT: until the s3270 screen (Ascii()) shows the text, at most 15 s.
wait_screen() {
    local tries=75
    while [ "$tries" -gt 0 ]; do
        s3 'Ascii()'
        grep -q -- "$1" s3.data && return 0
        sleep 0.2
        tries=$((tries - 1))
    done
    cat s3.data
    fail "the screen never showed '$1'"
}

# screen_has TEXT: the s3270 screen (Ascii()) shows the text.
screen_has() {
    s3 'Ascii()'
    grep -q -- "$1" s3.data || { cat s3.data; fail "the screen does not show '$1'"; }
}
