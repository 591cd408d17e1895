# tests/e2e/cp/cplib.bash - sourced (by bash) by the CP end-to-end tests: a copy of the volumes
# `make images` built, s370 on cms-images/s370.cnf in line mode with its commands from a fifo, CP
# IPLed from 150, line-mode terminals (bash /dev/tcp, like a plain telnet client) and s3270
# sessions, guests assembled and put on a minidisk or in a reader, waits with time limits, and a
# cleanup that kills everything the test started.  Builds on tests/e2e/telnet/helpers.bash
# (wait_for, s370_command, quit_s370, s3270 helpers, the free-port client, cleanup on exit).
#
#   cp_boot                  images copied to ./img, s370 started, `ipl 150`, wait for CP_READY
#   term_open N / term_close N / term_send N TEXT / term_wait N PATTERN [SECONDS]
#   term_cmd N TEXT PATTERN / term_quiet N TEXT (a command that answers nothing, until CP read it)
#   term_count N PATTERN / term_wait_n N PATTERN COUNT [SECONDS]
#   term_logon N USER PASSWORD     LOGON on terminal N, password at its prompt, wait for the logon
#   guest_deck NAME USER           guests/NAME.asm as IPL deck with an ID card, into the real reader
#   boot_reader NAME USER          the same, in the real reader from the IPL on (before cp_boot)
#   guest_mdisk NAME CYL           guests/NAME.asm as IPL text on S37U01 at cylinder CYL (before
#                                  cp_boot): USER1's 191 is at 1, USER2's at 11, HOSTILE's at 21
#   operator TEXT                  a line typed on the operator console (its output is in s370.out)
#
# The messages the tests wait for are VM/370's; where CP's texts are fixed by its modules they are
# named once here.
. "$ROOT/tests/e2e/telnet/helpers.bash"

GUESTS="$ROOT/tests/e2e/cp/guests"
CP_READY='VM/370 ONLINE'        # the operator console after IPL (cpterm TRMINIT)
CP_READ='CP READ'               # a user in CP mode waiting for a command
LOGON_DONE='LOGON AT'           # the end of a successful logon
declare -A TERM_FD

# cp_boot: the volumes of `make images` (copied: CP writes to them), s370 with the real machine
# of cms-images/s370.cnf on a free port, IPL from 150, until CP says it is up.
cp_boot() {
    local images="$BIN/../images"
    [ -s "$images/sysres.cckd" ] || fail "no $images/sysres.cckd: make images builds it"
    mkdir -p img
    cp "$images/sysres.cckd" img/
    # guest_mdisk and boot_reader may have made these already
    [ -s img/user01.cckd ] || cp "$images/user01.cckd" img/
    [ -s img/reader.deck ] || cp "$images/reader.deck" img/
    build_tclient
    export IMAGES="$PWD/img" OUTPUT="$PWD" PORT="127.0.0.1:$PORT" MAINSIZE=${MAINSIZE:-16}
    rm -f s370.in s370.out
    mkfifo s370.in
    "$BIN/s370" -f "$ROOT/cms-images/s370.cnf" -d < s370.in > s370.out 2> s370.err &
    S370_PID=$!
    exec 3> s370.in
    wait_for 'S370I500 telnet server listening on' s370.out
    s370_command 'ipl 150'
    wait_for "$CP_READY" s370.out 20
}

# operator TEXT: a line typed on the operator console 009.
operator() {
    s370_command "/$1"
}

# term_open N: a line-mode terminal (the first free 3215: 020, 021...), its output in term.N.
term_open() {
    local fd
    exec {fd}<>"/dev/tcp/127.0.0.1/${PORT#*:}" || fail "terminal $1 cannot connect"
    TERM_FD[$1]=$fd
    cat <&"$fd" > "term.$1" &
    TERM_READER[$1]=$!
    EXTRA_PIDS="$EXTRA_PIDS $!"
    wait_for 'connected from 127\.0\.0\.1' "term.$1"
}

term_send() {
    printf '%s\r\n' "$2" >&"${TERM_FD[$1]}"
}

term_wait() {
    wait_for "$2" "term.$1" "${3:-15}"
}

# term_count N PATTERN: how many lines of terminal N's output match.
term_count() {
    grep -c -- "$2" "term.$1"
}

# term_wait_n N PATTERN COUNT [SECONDS]: until COUNT lines of terminal N's output match.
term_wait_n() {
    local tries=$((${4:-15} * 10))
    while [ "$(grep -c -- "$2" "term.$1")" -lt "$3" ]; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || { cat "term.$1"; fail "waited in vain for $3 lines '$2' in term.$1"; }
        sleep 0.1
    done
}

# term_close N: the client goes away; its reader holds a copy of the socket, so it goes too.
term_close() {
    exec {TERM_FD[$1]}>&-
    kill "${TERM_READER[$1]}" 2>/dev/null || true
}

# term_cmd N TEXT PATTERN: type TEXT on terminal N, wait until PATTERN shows once more than before.
term_cmd() {
    local before tries=150
    before=$(term_count "$1" "$3")
    term_send "$1" "$2"
    while [ "$(term_count "$1" "$3")" -le "$before" ]; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || { cat "term.$1"; fail "'$2' should answer '$3'"; }
        sleep 0.1
    done
}

# term_lines_read N: how many lines CP has read from terminal N's 3215 (s370's devlist; the device
# is the one the telnet server named when N connected).
term_lines_read() {
    local dev mark tries=50
    dev=$(sed -n 's/^Console \([0-9A-F]*\) (3215) connected.*/\1/p' "term.$1" | head -1)
    [ -n "$dev" ] || fail "terminal $1 is not a 3215"
    mark=$(wc -l < s370.out)
    s370_command 'devlist'
    while ! tail -n +"$((mark + 1))" s370.out | grep -q "0$dev 3215"; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || fail "no devlist answer"
        sleep 0.1
    done
    tail -n +"$((mark + 1))" s370.out | grep "0$dev 3215" | tail -1 | sed 's/.* \([0-9]*\) read.*/\1/'
}

# term_quiet N TEXT: type a command that answers nothing on terminal N, wait until CP has read it.
term_quiet() {
    local before tries=150
    before=$(term_lines_read "$1")
    term_send "$1" "$2"
    while [ "$(term_lines_read "$1")" -le "$before" ]; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || fail "CP did not read '$2'"
        sleep 0.1
    done
}

# term_logon N USER PASSWORD: log on at terminal N, typing the password when CP asks for it.
term_logon() {
    term_send "$1" "LOGON $2"
    term_wait "$1" 'ENTER PASSWORD'
    term_send "$1" "$3"
    term_wait "$1" "$LOGON_DONE"
}

# guest_assemble NAME FORMAT OUT: guests/NAME.asm assembled (-f deck or ipltext).
guest_assemble() {
    "$BIN/asm370" -I "$GUESTS" -f "$2" -o "$3" -l "$1.lst" "$GUESTS/$1.asm" || fail "$1.asm should assemble"
}

# id_deck NAME USER OUT: the guest as an IPL deck behind an `ID USER` card, which makes CP spool the
# deck the real reader reads to USER's virtual reader.
id_deck() {
    guest_assemble "$1" deck "$1.deck"
    printf '%-80s' "ID $2" | dd conv=ebcdic status=none > "$3"
    cat "$1.deck" >> "$3"
}

# guest_deck NAME USER: such a deck into the real reader 00C now.
guest_deck() {
    id_deck "$1" "$2" "$1.$2.rdr"
    s370_command "devinit 00c $PWD/$1.$2.rdr ebcdic intrq"
}

# boot_reader NAME USER: such a deck in the real reader at IPL, instead of the demo's.
boot_reader() {
    mkdir -p img
    id_deck "$1" "$2" img/reader.deck
}

# guest_mdisk NAME CYL: the guest as IPL text on the first track of S37U01 cylinder CYL, the
# cylinder 0 of a minidisk there.  Before cp_boot (s370 has the volume open afterwards).
guest_mdisk() {
    guest_assemble "$1" ipltext "$1.ipl"
    mkdir -p img
    [ -s img/user01.cckd ] || cp "$BIN/../images/user01.cckd" img/
    "$BIN/dasd370" ipl img/user01.cckd "$1.ipl" "$2" || fail "dasd370 ipl $1 at cylinder $2"
}

# cp_alive: CP still answers: the operator's QUERY TIME gets its answer.
cp_alive() {
    operator 'QUERY TIME'
    wait_for 'TIME IS' s370.out
}
