# Two decks, one after the other, through the real reader (cpio spool.asm): USER2 IPLs the first
# (bench/general.asm, 121 cards: three spool slots) to its end, the operator sends a second, and
# IPL 00C runs that one too.  The slot links (SPLLINK, one halfword a slot) once got 8 bytes of
# free storage instead of 24002 (LA with base register 0), so slot links and other blocks wrote
# over each other: a second deck's slot could read as empty - DMKVIO041E IPL UNIT ERROR; CSW
# 00000008 0D000018, unit exception before any card - or CP ran out of free storage (X'DEAD04').
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

"$BIN/asm370" -f deck -D ITER=1000 -o general.deck -l none "$ROOT/bench/general.asm" ||
    fail "general.asm should assemble"
printf '%-80s' 'ID USER2' | dd conv=ebcdic status=none > first.deck
cat general.deck >> first.deck
cp first.deck second.deck
boot_logon USER2
s370_command "devinit 00c $PWD/first.deck ebcdic intrq"
term_wait 1 'RDR FILE 0002 FROM SYSTEM   PUN COPY 01 NOHOLD'
term_send 1 'IPL 00C'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000000'" 30
s370_command "devinit 00c $PWD/second.deck ebcdic intrq"
term_wait 1 'RDR FILE 0003 FROM SYSTEM   PUN COPY 01 NOHOLD'
term_send 1 'IPL 00C'
term_wait_n 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000000'" 2 30
grep -aq 'DMKVIO041E' term.1 && fail "the second IPL failed: $(grep -a DMKVIO041E term.1)"
term_send 1 'QUERY READER'
term_wait 1 'SYSTEM   0003 A PUN 000121 01  NONE'
cp_alive
