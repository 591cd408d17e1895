# DIAGNOSE X'08' (cpterm): guests/termd8.asm, IPLed by USER1 from its reader, runs CP commands:
# QUERY USERS with its answer on the terminal and return code 0; QUERY STORAGE into a buffer (CC 0,
# the response and its length); an unknown command (return code 1 and DMKCFC001E in the buffer); a
# buffer too small (CC 1, the bytes that did not fit); TRACE PRIV from the guest, after which CP
# shows the guest's STIDP as a trace event, and TRACE END; bad operands (length 0, text beyond the
# VM's storage) are specification and addressing exceptions for the guest.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

boot_reader termd8 USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'IPL 00C'
term_wait 1 'TERMD8: DONE'
tr -d '\r' < term.1 | sed -n '/^TERMD8: START/,/^TERMD8: DONE/p' |
    sed 's/^\*\*\* [0-9A-F]\{6\} PRIV \(B202\|8324\)[0-9A-F]\{4\}     \([A-Z]*\) *PSW [0-9A-F]\{8\} [0-9A-F]\{8\}$/*** aaaaaa PRIV \1dddd     \2 PSW pppppppp pppppppp/' > lines.out
cat > want.out <<'OUT'
TERMD8: START
002 USERS, 000 DIALED
TERMD8: RC 00000000
TERMD8: CC 0 RC 00000000 LEN 00000010
STORAGE = 01024K
TERMD8: CC 0 RC 00000001 LEN 0000001D
DMKCFC001E UNKNOWN CP COMMAND
TERMD8: CC 1 RC 00000000 LEN 0000000A
STORAG
TERMD8: PROGRAM CHECK 0006
TERMD8: PROGRAM CHECK 0005
*** aaaaaa PRIV B202dddd     STIDP PSW pppppppp pppppppp
*** aaaaaa PRIV 8324dddd     DIAG PSW pppppppp pppppppp
TRACE ENDED
TERMD8: DONE
OUT
diff want.out lines.out || fail "DIAG 08 under CP"
quit_s370
