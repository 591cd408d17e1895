# guests.sh - the CP tests' guest programs on the bare machine, so that a CP test that fails
# points at CP, not at its guest: privtest (guests/privtest.asm) IPLed from a card deck runs its
# timers, masks and console I/O and echoes a typed word; a real 370 says STIDP VERSION NOT FF and
# has no DIAGNOSE (specification exception 0006, where privtest stops).  hostile (guests/hostile.asm) with a 5-cylinder
# 3350 at 191 and 1M of storage: the real device refuses the seek past its end, the channel the data
# address past storage, and each wild instruction gets its program check.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

# bare NAME DEVICE-STATEMENT...: NAME's deck in the reader of a 1M machine with those devices, IPLed;
# its console output in NAME.out.
bare() {
    local name=$1
    shift
    guest_assemble "$name" deck "$name.deck"
    { printf 'ARCHLVL S/370\nMAINSIZE 1\n0009 3215-C / NOPROMPT\n000C 3505 %s.deck ebcdic eof\n' "$name"
      printf '%s\n' "$@"; } > bare.cnf
    rm -f bare.in "$name.out"
    mkfifo bare.in
    "$BIN/s370" -f bare.cnf -d < bare.in > "$name.out" 2>&1 &
    S370_PID=$!
    exec 3> bare.in
    s370_command 'ipl 00c'
}

# finish NAME: quit once the guest stopped; its output must show no failure.
finish() {
    wait_for 'HHCCP011I CPU0000: Disabled wait state' "$1.out" 20
    s370_command psw
    s370_command quit
    exec 3>&-
    wait "$S370_PID"
    S370_PID=
}

bare privtest
wait_for 'PRIVTEST: TYPE A WORD' privtest.out 20
s370_command '/Alpha'
finish privtest
grep '^PRIVTEST' privtest.out | sed 's/\(PROGRAM CHECK 00000006 B0\)[0-9A-F]*$/\1xxxx/' > lines.out
cat > want.out <<'OUT'
PRIVTEST: START
PRIVTEST: STIDP VERSION NOT FF
PRIVTEST: SSM/STNSM MASK 00
PRIVTEST: INTERVAL TIMER INTERRUPTION 0080
PRIVTEST: CLOCK COMPARATOR INTERRUPTION 1004
PRIVTEST: TYPE A WORD
PRIVTEST: ECHO Alpha
PRIVTEST: PROGRAM CHECK 00000006 B0xxxx
OUT
diff want.out lines.out || fail "privtest on the bare machine"

"$BIN/dasd370" init -z h191.cckd 3350 HOST01 5 > /dev/null
bare hostile "0191 3350 $PWD/h191.cckd"
finish hostile
grep '^HOSTILE' hostile.out > lines.out
cat > want.out <<'OUT'
HOSTILE: START
HOSTILE: OWN MINIDISK WRITE/READ OK
HOSTILE: SEEK OUTSIDE MINIDISK REFUSED
HOSTILE: CCW PAST STORAGE REFUSED
HOSTILE: SIO 150 CC 3
HOSTILE: SIO 020 CC 3
HOSTILE: WILD LPSW            PROGRAM CHECK 0005
HOSTILE: ODD LPSW             PROGRAM CHECK 0006
HOSTILE: WRONG KEY            PROGRAM CHECK 0004
HOSTILE: ISK KEY 50
HOSTILE: SSK PAST STORAGE     PROGRAM CHECK 0005
HOSTILE: DIAG FFC             PROGRAM CHECK 0006
HOSTILE: DIAG 08 PAST STORAGE PROGRAM CHECK 0006
HOSTILE: PROBLEM STATE SSM    PROGRAM CHECK 0002
HOSTILE: DONE
OUT
diff want.out lines.out || fail "hostile on the bare machine"
expect_grep '^PSW=00020000 ..000000$' hostile.out
exit 0
