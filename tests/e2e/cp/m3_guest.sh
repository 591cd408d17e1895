# m3_guest.sh - milestone M3: USER1 IPLs privtest (guests/privtest.asm) from its virtual reader,
# where CP spooled the `ID USER1` deck the real reader held at IPL.  The guest's lines come to
# USER1's terminal: STIDP gives version X'FF', SSM/STNSM, the interval timer and the clock
# comparator interrupt it, the typed word comes back, DIAG X'0C' gives the time; then its disabled
# wait brings CP's message.  QUERY TRAPS counts what it trapped, exactly as privtest's header
# lists them.
# A second deck, sent through the real reader while USER1 is logged on (CP says so), runs with
# TRACE PRIV on: each trapped instruction is shown as an event (STIDP once, SSM, SCKC, LPSW).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

boot_reader privtest USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'IPL 00C'
term_wait 1 'PRIVTEST: TYPE A WORD'
term_send 1 'ALPHA'
term_wait 1 'PRIVTEST: DONE'
grep '^PRIVTEST' term.1 | tr -d '\r' | sed 's/TIME [0-2][0-9]:[0-5][0-9]:[0-5][0-9]$/TIME hh:mm:ss/' > lines.out
cat > want.out <<'OUT'
PRIVTEST: START
PRIVTEST: STIDP VERSION FF
PRIVTEST: SSM/STNSM MASK 00
PRIVTEST: INTERVAL TIMER INTERRUPTION 0080
PRIVTEST: CLOCK COMPARATOR INTERRUPTION 1004
PRIVTEST: TYPE A WORD
PRIVTEST: ECHO ALPHA
PRIVTEST: DIAG 0C TIME hh:mm:ss
PRIVTEST: DONE
OUT
diff want.out lines.out || fail "privtest under CP"
term_wait 1 'DISABLED WAIT'

term_send 1 'QUERY TRAPS'
for kind in STIDP:1 SSM:1 STNSM:1 SCKC:1 STCTL:1 LCTL:2 DIAG:1 SIO:10 LPSW:13; do
    term_wait 1 "${kind%:*}[ =:]*0*${kind#*:}[^0-9]" # each line ends in CR LF
done

guest_deck privtest USER1
term_wait 1 'RDR FILE 0002 FROM SYSTEM'
term_send 1 'TRACE PRIV'
term_send 1 'IPL 00C'
term_wait_n 1 'PRIVTEST: TYPE A WORD' 2
# "*** address PRIV instruction mnemonic PSW ...": each privileged instruction as it trapped
for op in 'B202[0-9A-F]\{4\} *STIDP' '80[0-9A-F]\{6\} *SSM' 'B206[0-9A-F]\{4\} *SCKC' '82[0-9A-F]\{6\} *LPSW'; do
    grep -q "^\*\*\* [0-9A-F]\{6\} PRIV $op " term.1 || { cat term.1; fail "TRACE PRIV: no $op event"; }
done
[ "$(grep -c '^\*\*\* [0-9A-F]* PRIV B202' term.1)" -eq 1 ] || fail "TRACE PRIV: one STIDP, traced once"
term_close 1
quit_s370
exit 0
