# TRACE BRANCH (cpcore: real PER, as VM/370 traced branches): USER1 stores guests/corebr.asm at
# X'400' and BEGINs it under TRACE BRANCH.  CP runs the guest with real PER for successful
# branching and prints each branch it takes - the branch's address and instruction, the virtual
# PSW at its target - and nothing for the branches not taken; the guest's result is the same
# (disabled wait X'AAA': R2 = 10).  After TRACE END a second run prints no event.  PER events are
# CP's own: QUERY TRAPS counts no program interruption of the guest.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

OK_WAIT="DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'"

# event ADDRESS INSTRUCTION NAME PSW: a trace line as TRCEVENT writes it
event() {
    printf '*** %-6s BRAN %-12s %-5s  PSW %s\n' "$1" "$2" "$3" "$4"
}

cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
term_open 1
term_wait 1 'VM/370 ONLINE'
term_logon 1 USER1 USER1

guest_store 1 corebr
term_send 1 'TRACE BRANCH#QUERY TIME'
term_wait 1 'TIME IS'
term_send 1 'BEGIN'
term_wait 1 "$OK_WAIT" 30
{
    event 00040C 05EF BALR '00000000 00000420'
    event 000424 07FE BCR '00000000 0000040E'
    event 00040E 4630C00A BCT '00000000 0000040C'
    event 00040C 05EF BALR '00000000 00000420'
    event 000424 07FE BCR '00000000 0000040E'
    event 000418 4720C024 BC '00000000 20000426'
} > want.out
grep -a '^\*\*\* ' term.1 | tr -d '\r' > events.out
diff want.out events.out || { cat term.1; fail "TRACE BRANCH: not the branches the guest took"; }
term_send 1 'DISPLAY G2'
term_wait 1 'GPR 2 = 0000000A'

# without the trace: the same result, no event
term_send 1 'TRACE END'
term_wait 1 'TRACE ENDED'
stores=$(term_count 1 'STORE COMPLETE')
term_send 1 'STORE PSW 00000000 00000400'
term_wait_count 1 'STORE COMPLETE' $((stores + 1))
term_send 1 'BEGIN'
term_wait_n 1 "$OK_WAIT" 2 30
term_send 1 'DISPLAY G2'
term_wait_n 1 'GPR 2 = 0000000A' 2
[ "$(grep -ac '^\*\*\* ' term.1)" -eq 6 ] || { cat term.1; fail "branch events after TRACE END"; }

# two LPSWs trapped; the six PER events are no program interruptions of the guest
term_send 1 'QUERY TRAPS#QUERY TIME'
term_wait_n 1 'TIME IS' 2
grep -aq 'LPSW     =        2' term.1 || { cat term.1; fail "QUERY TRAPS: not two LPSWs"; }
grep -aq 'PROGRAM *=' term.1 && { cat term.1; fail "PER events counted as the guest's program checks"; }
cp_alive
