# A file arriving in a user's reader (cpio spool.asm SPLRDRDE): as in VM/370 the virtual reader,
# not busy, presents a device end, so a guest waiting for cards learns of them.  USER2 (an
# empty reader: the demo deck of the IPL is USER1's) runs guests/corerdr.asm, which waits
# enabled for I/O with nothing started; the operator loads a deck (ID USER2, one card HELLO
# READER) in the real reader; the guest is woken by the device end of its reader 00C, reads
# the card and ends in its disabled wait X'AAA'.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

boot_logon USER2
guest_store 1 corerdr
term_send 1 'BEGIN'
sleep 1
grep -aq 'DISABLED WAIT' term.1 && fail "the guest did not wait: $(grep -a 'DISABLED WAIT' term.1)"
{ printf '%-80s' 'ID USER2'; printf '%-80s' 'HELLO READER'; } | dd conv=ebcdic status=none > cards
s370_command "devinit 00c $PWD/cards ebcdic intrq"
term_wait 1 'RDR FILE'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 20
cp_alive
