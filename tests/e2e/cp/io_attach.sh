# io_attach.sh - a dedicated device (cpio): with no user logged on who has a minidisk on S37U01,
# the operator ATTACHes the whole volume (151) to OPERATOR as its 191, and IPLs guests/iotest.asm
# from OPERATOR's reader.  The guest's channel programs run on the real device translated but not
# relocated: its record on cylinder 2 is the volume's cylinder 2, a seek to cylinder 5 is fine.
# DETACH gives the device back (it can be attached again); while USER1, who has a minidisk on the
# volume, is logged on, it cannot be attached.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

boot_reader iotest OPERATOR
cp_boot
wait_for 'LINE 009 LOGON AS OPERATOR' s370.out
operator 'ATTACH 151 TO OPERATOR AS 191'
wait_for '^DASD 191 ATTACHED TO OPERATOR' s370.out
operator 'QUERY VIRTUAL'
wait_for '^DASD 191 ON DEV 151' s370.out
operator 'IPL 00C'
wait_for 'IOTEST: TYPE A WORD' s370.out 30
operator 'WORD'
wait_for 'IOTEST: DONE' s370.out
for line in 'DISK WRITE 000C000000' 'DISK READ 000C000000' 'DISK READ DATA OK' \
    'READ COUNT 0002000001000050' 'SEEK OUTSIDE 000C000000' 'PAST STORAGE 000C200000' \
    'DIAG 18 CC 00' 'DIAG 24 191 CC 00' 'ECHO WORD'; do
    expect_grep "^IOTEST: $line" s370.out
done

operator 'DETACH 191'
wait_for '^DASD 191 DETACHED' s370.out
operator 'ATTACH 151 TO OPERATOR'
wait_for '^DASD 151 ATTACHED TO OPERATOR' s370.out
operator 'DETACH 151'
wait_for '^DASD 151 DETACHED' s370.out

term_open 1
term_logon 1 USER1 USER1
operator 'ATTACH 151 TO OPERATOR'
wait_for 'DMKATT121E DEV 151 NOT AVAILABLE' s370.out
term_close 1
quit_s370
exit 0
