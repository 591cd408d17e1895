# io_guest.sh - virtual I/O under CP (cpio): USER1 IPLs guests/iotest.asm from its reader (the deck
# CP spooled from the real reader at IPL) with its own minidisk 191 linked again read-only as 192
# and its punch spooled to itself.  The guest polls with TIO (no interruptions needed) and shows
# what each I/O gave (SIO's condition code, then CSW bytes 4-7: status, channel status, residual
# count): STIDC/TCH, cc 3 for devices it does not have, a bad CAW, the reader's end
# and emptiness, a punched card, a record written and read back on its minidisk with its own
# cylinder in the count field, a seek outside the minidisk and data past its storage refused
# with the status a real 3350 and channel give, a write on the read-only link refused, DIAGNOSE
# X'18' and X'24', channel programs that loop (NOP and a TIC back: refused on the minidisk, whose
# real device other users share; ended after CP's limit on the punch), and a line typed on the
# terminal.  CLOSE then sends the punched card to
# USER1's reader (VM/370's messages), where QUERY READER shows it, and the printed line to the
# real printer 00E (print.out).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

# The guest on the bare machine first, with a real 5-cylinder 3350 at 191: the lines about the
# channel, the unit record devices and the disk must be the same under CP, where 191 is a
# 5-cylinder minidisk at cylinder 1 of S37U01.  (The reader's end differs by design: a spool file
# ends with unit exception, then the reader is empty; the bare machine has no DIAGNOSE.)
guest_assemble iotest deck iotest.deck
"$BIN/dasd370" init -z b191.cckd 3350 IOTST1 5 > /dev/null
{ printf 'ARCHLVL S/370\nMAINSIZE 1\n0009 3215-C / NOPROMPT\n000C 3505 iotest.deck ebcdic eof\n'
  printf '000D 3525 bare.pun ebcdic\n000E 1403 bare.prt\n0191 3350 %s/b191.cckd\n' "$PWD"; } > bare.cnf
mkfifo bare.in
"$BIN/s370" -f bare.cnf -d < bare.in > bare.out 2>&1 &
S370_PID=$!
exec 3> bare.in
s370_command 'ipl 00c'
wait_for 'HHCCP011I CPU0000: Disabled wait state' bare.out 20
s370_command quit
exec 3>&-
wait "$S370_PID"
S370_PID=
SAME='^IOTEST: \(STIDC\|TCH\|HIO\|HDV\|CLRIO\|SIO\|TIO\|BAD CAW\|PUN\|PRT\|DISK\|READ COUNT\|SEEK\|PAST\)'
grep "$SAME" bare.out > bare.lines
[ "$(wc -l < bare.lines)" -eq 19 ] || { cat bare.out; fail "iotest on the bare machine"; }

boot_reader iotest USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'LINK USER1 191 192 RR'
term_send 1 'QUERY VIRTUAL'
term_wait 1 '^DASD 192 3350 S37U01 R/O 005 CYL USER1'
term_send 1 'SPOOL 00D TO USER1'
term_send 1 'QUERY VIRTUAL'
term_wait 1 '^PUN  00D CL A NOHOLD TO USER1'
term_send 1 'IPL 00C'
term_wait 1 'IOTEST: TYPE A WORD'
term_send 1 'HELLO'
term_wait 1 'IOTEST: DONE'
grep '^IOTEST' term.1 | tr -d '\r' | sed 's/ *$//' > lines.out
cat > want.out <<'OUT'
IOTEST: START
IOTEST: STIDC 009 CC 00
IOTEST: STIDC ID 10000000
IOTEST: TCH 07 CC 03
IOTEST: HIO 009 CC 00
IOTEST: HDV 009 CC 00
IOTEST: CLRIO 009 CC 00
IOTEST: TIO 009 CC 00
IOTEST: SIO 150 CC 03
IOTEST: TIO 150 CC 03
IOTEST: BAD CAW 0100200000
IOTEST: RDR END 000D000050
IOTEST: RDR EMPTY 000E000050
IOTEST: RDR EMPTY SENSE 40
IOTEST: PUN 000C000000
IOTEST: PRT 000C000000
IOTEST: DISK WRITE 000C000000
IOTEST: DISK READ 000C000000
IOTEST: DISK READ DATA OK
IOTEST: READ COUNT 0002000001000050
IOTEST: SEEK OUTSIDE 000E000006
IOTEST: SEEK OUTSIDE SENSE 8000000040020004
IOTEST: PAST STORAGE 000C200000
IOTEST: READ ONLY 000E000058
IOTEST: READ ONLY SENSE 00040000
IOTEST: DIAG 18 CC 00
IOTEST: DIAG 18 R15 00000000
IOTEST: DIAG 18 OUTSIDE CC 01
IOTEST: DIAG 18 OUTSIDE R15 00000004
IOTEST: DIAG 24 191 CC 00
IOTEST: DIAG 24 191 0404000004040000
IOTEST: DIAG 24 CONS CC 00
IOTEST: DIAG 24 CONS 000000098010000080100050
IOTEST: LOOP 191 000C200000
IOTEST: LOOP 00D 000C200001
IOTEST: TYPE A WORD
IOTEST: READ 000C00004B
IOTEST: ECHO HELLO
IOTEST: DONE
OUT
diff want.out lines.out || fail "iotest under CP"
grep "$SAME" lines.out | diff bare.lines - || fail "iotest: CP and the bare machine differ"
term_wait 1 'DISABLED WAIT'

term_send 1 'CLOSE 00D'
term_wait 1 'RDR FILE 0002 FROM USER1    PUN COPY 01 NOHOLD'
term_wait 1 'PUN FILE 0002 TO USER1    COPY 01 NOHOLD'
term_send 1 'QUERY READER'
term_wait 1 '^USER1    0002 A PUN 000001 01  NONE'
term_send 1 'CLOSE PRINTER'
wait_for '^IOTEST PRINTED THIS LINE' print.out
term_send 1 'LOGOFF'
term_wait 1 'LOGOFF AT'
term_close 1
quit_s370
exit 0
