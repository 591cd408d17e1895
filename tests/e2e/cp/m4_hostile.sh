# m4_hostile.sh - milestone M4, isolation: HOSTILE (guests/hostile.asm, IPL text on its minidisk
# 191 = S37U01 cylinders 21-25) writes and reads its own minidisk, then seeks outside it, points
# a CCW past its storage, starts I/O on real devices it does not have, loads wild PSWs, stores
# with the wrong key, gives SSK and DIAGNOSE bad operands, and runs SSM in problem state.  CP
# refuses each the way the hardware would (guests.sh shows the same program on the bare machine;
# the store with the wrong key is checked by pending/m4_keys.sh until CP enforces guest keys)
# while USER1 runs privtest on another terminal, which must finish normally afterwards; MAINT's
# minidisk (cylinders 31-35, where the seek outside would land) stays unwritten; CP keeps running.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

guest_mdisk hostile 21
boot_reader privtest USER1
cp_boot
term_open 1
term_logon 1 USER1 USER1
term_send 1 'IPL 00C'
term_wait 1 'PRIVTEST: TYPE A WORD'
term_open 2
term_logon 2 HOSTILE HOSTILE
term_send 2 'IPL 191'
term_wait 2 'HOSTILE: DONE' 30
grep '^HOSTILE' term.2 | tr -d '\r' | grep -v '^HOSTILE: WRONG KEY ' > lines.out
cat > want.out <<'OUT'
HOSTILE: START
HOSTILE: OWN MINIDISK WRITE/READ OK
HOSTILE: SEEK OUTSIDE MINIDISK REFUSED
HOSTILE: CCW PAST STORAGE REFUSED
HOSTILE: SIO 150 CC 3
HOSTILE: SIO 020 CC 3
HOSTILE: WILD LPSW            PROGRAM CHECK 0005
HOSTILE: ODD LPSW             PROGRAM CHECK 0006
HOSTILE: ISK KEY 50
HOSTILE: SSK PAST STORAGE     PROGRAM CHECK 0005
HOSTILE: DIAG FFC             PROGRAM CHECK 0006
HOSTILE: DIAG 08 PAST STORAGE PROGRAM CHECK 0005
HOSTILE: PROBLEM STATE SSM    PROGRAM CHECK 0002
HOSTILE: DONE
OUT
diff want.out lines.out || fail "hostile under CP"
grep -q HOSTILE term.1 && fail "HOSTILE's output reached USER1's terminal"

term_send 1 'ALPHA'
term_wait 1 'PRIVTEST: DONE'
expect_grep 'PRIVTEST: ECHO ALPHA' term.1
term_send 2 'LOGOFF'
term_wait 2 'LOGOFF AT'
term_close 1
term_close 2
quit_s370
grep -q HHCCP011I s370.out && { cat s370.out; fail "CP stopped"; }
# MAINT's first track (where the seek outside would have landed) was never written: its CCKD
# table entry still has offset 0, a null track, as the recipe left it
cckddiag -a 31 0 img/user01.cckd 2>&1 | grep -A1 'L2TAB entry' | tail -1 > l2.out
grep -q '^+0000 00000000 ' l2.out || { cat l2.out; fail "MAINT's minidisk was written"; }
# while HOSTILE's own first track (cylinder 21, its IPL text and the record it wrote) was
cckddiag -a 22 0 img/user01.cckd 2>&1 | grep -A1 'L2TAB entry' | tail -1 > l2.out
grep -q '^+0000 00000000 ' l2.out && fail "HOSTILE's record should be on its cylinder 1"
exit 0
