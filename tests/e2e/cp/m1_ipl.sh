# m1_ipl.sh - milestone M1: CP IPLs from SYSRES (the volumes of `make images`, on s370 with
# cms-images/s370.cnf), says it is up on the operator console, logs OPERATOR on there, and then
# has nothing to do: the CPU is in an enabled wait (s370 idles), not a disabled one.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

cp_boot
wait_for 'OPERATOR' s370.out
s370_command psw
wait_for '^PSW=' s370.out
psw=$(grep '^PSW=' s370.out | tail -1)
# EC mode (byte 1 bit 4), wait (bit 6), I/O enabled (byte 0 bit 6)
case $psw in
PSW=0[2367ABEF]0[AE]*) ;;
*) cat s370.out; fail "CP should idle in an enabled EC-mode wait, PSW is $psw" ;;
esac
grep -q HHCCP011I s370.out && { cat s370.out; fail "CP stopped in a disabled wait"; }
quit_s370
exit 0
