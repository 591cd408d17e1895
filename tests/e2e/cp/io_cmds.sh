# io_cmds.sh - CP's device commands and spooling (cpio) on a line-mode terminal: the deck the real
# reader held at IPL is spooled to USER1's reader (QUERY READER shows it, origin SYSTEM), so are
# decks the operator loads later (one without an ID card or for an unknown user is dropped); QUERY
# VIRTUAL lists the directory's devices; LINK to one's own minidisk read-only, to another user's
# without a password (refused); DEFINE of a punch, SPOOL it to a user; DETACH; CLOSE; the
# errors in VM/370's words; the operator cannot ATTACH the minidisk volume while it is in use.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

boot_reader privtest USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
cards=$(($(wc -c < img/reader.deck) / 80 - 1))   # the deck without its ID card

term_send 1 'QUERY READER'
term_wait 1 '^ORIGINID FILE CLASS RECDS  CPY HOLD'
term_wait 1 "^SYSTEM   0001 A PUN $(printf '%06d' "$cards") 01  NONE"

# decks the operator loads in the real reader while CP runs: for a user not in the directory,
# without an ID card, and for USER1, who is told at once
printf '%-80s%-80s' 'ID NOBODY' 'HELLO' | dd conv=ebcdic status=none > nobody.rdr
s370_command "devinit 00c $PWD/nobody.rdr ebcdic intrq"
wait_for 'DMKSPL955E READER 00C: USERID NOBODY   NOT IN DIRECTORY, DECK PURGED' s370.out
printf '%-80s%-80s' 'JUNK CARD' 'MORE' | dd conv=ebcdic status=none > noid.rdr
s370_command "devinit 00c $PWD/noid.rdr ebcdic intrq"
wait_for 'DMKSPL956E READER 00C: NO ID CARD, DECK PURGED' s370.out
guest_deck privtest USER1
term_wait 1 'RDR FILE 0002 FROM SYSTEM   PUN COPY 01 NOHOLD'
term_send 1 'QUERY RDR'
term_wait 1 "^SYSTEM   0002 A PUN $(printf '%06d' "$cards") 01  NONE"

term_send 1 'QUERY VIRTUAL'
term_wait 1 '^STORAGE = 01024K'
term_wait 1 '^CONS 009 ON DEV 020'
term_wait 1 '^RDR  00C CL A NOHOLD'
term_wait 1 '^PUN  00D CL A NOHOLD TO SYSTEM'
term_wait 1 '^PRT  00E CL A NOHOLD TO SYSTEM'
term_wait 1 '^DASD 191 3350 S37U01 R/W 005 CYL'

term_send 1 'LINK USER1 191 193 RR'
term_send 1 'LINK TO USER2 191 AS 194 R'
term_wait 1 'DMKLNK110E USER2    191 NOT LINKED; NO PASSWORD'
term_send 1 'LINK NOBODY 191 195'
term_wait 1 'DMKLNK113E NOBODY   NOT IN CP DIRECTORY'
term_send 1 'LINK USER1 199 195'
term_wait 1 'DMKLNK107E USER1    199 NOT LINKED; NOT IN CP DIRECTORY'
term_send 1 'LINK USER1 191 191'
term_wait 1 'DMKDEF022E VADDR 191 ALREADY DEFINED'
term_send 1 'DEFINE PUNCH 01D'
term_wait 1 '^PUN  01D DEFINED'
term_send 1 'SPOOL 01D TO USER2 CLASS B HOLD'
term_send 1 'SPOOL 01D TO NOBODY'
term_wait 1 'DMKCFM053E NOBODY   NOT IN CP DIRECTORY'
term_send 1 'SPOOL 01D FROB'
term_wait 1 'DMKCFC003E INVALID OPTION - FROB'
term_send 1 'QUERY VIRTUAL'
term_wait 1 '^DASD 193 3350 S37U01 R/O 005 CYL USER1'
term_wait 1 '^PUN  01D CL B HOLD   TO USER2'
term_send 1 'DETACH 193'
term_wait 1 '^DASD 193 DETACHED'
term_send 1 'DETACH 193'
term_wait 1 'DMKCFM040E DEV 193 DOES NOT EXIST'
term_send 1 'CLOSE 01D'
term_send 1 'CLOSE 999'
term_wait 1 'DMKCFM040E DEV 999 DOES NOT EXIST'
term_cmd 1 'CLOSE' 'DMKCFC026E OPERAND MISSING OR INVALID'
term_send 1 'CLOSE GLORP'
term_wait 1 'DMKCFC003E INVALID OPTION - GLORP'
term_cmd 1 'SPOOL' 'DMKCFC026E OPERAND MISSING OR INVALID'
term_send 1 'DEFINE TAPE 181'
term_wait 1 'DMKCFC003E INVALID OPTION - TAPE'
term_send 1 'ATTACH 151 USER1'
term_wait 1 'DMKCFC001E UNKNOWN CP COMMAND'       # class B only

operator 'ATTACH 151 TO USER1'
wait_for 'DMKATT121E DEV 151 NOT AVAILABLE' s370.out
operator 'ATTACH 150 TO USER1'
wait_for 'DMKATT121E DEV 150 NOT AVAILABLE' s370.out

term_send 1 'QUERY VIRTUAL'
term_wait 1 '^DASD 191 3350 S37U01 R/W 005 CYL'
[ "$(term_count 1 '^DASD 193 3350')" -eq 1 ] || { cat term.1; fail "193 should be gone after DETACH"; }
term_send 1 'LOGOFF'
term_wait 1 'LOGOFF AT'
term_close 1
quit_s370
exit 0
