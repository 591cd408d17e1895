# The virtual CPU without devices (cpcore, milestone M3's core): USER1 stores the guest
# guests/coretest.asm at X'400' with STORE, sets the PSW and BEGINs.  The guest checks the
# privileged instructions CP emulates (STIDP, STAP, SPKA, IPK, SSK, ISK, LCTL, STCTL, SPT, STPT,
# SCKC, STCKC, SSM, STNSM, STOSM, LRA, DIAG 0/C, LPSW BC and EC), the interruptions CP reflects
# (protection, SVC, divide, addressing, a bad DIAG; interval timer, clock comparator from an
# enabled wait) and CP's invisible page faults, and ends in a disabled wait at X'AAA' only if
# every result was the architected one (X'Fnn'/X'Enn': step nn failed); CP says so in VM/370's
# words.  The trap counts then show in QUERY TRAPS.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"
. "$ROOT/tests/e2e/cp/corelib.bash"

cp_boot
wait_for 'LOGON AS OPERATOR' s370.out
term_open 1
term_wait 1 'VM/370 ONLINE'
term_logon 1 USER1 USER1

guest_store 1 coretest
term_send 1 'BEGIN'
term_wait 1 "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00000AAA'" 30
# the guest's privileged instructions and interruptions, counted (SPKA and IPK never trap in
# virtual supervisor state: CP gives the real CPU the key mask and extraction authority then)
term_send 1 'QUERY TRAPS'
term_wait 1 'LPSW     =        9  SSM      =        2  STNSM    =        1'
term_wait 1 'STOSM    =        1  SSK      =        1  ISK      =        1'
term_wait 1 'LCTL     =        7  STCTL    =        2  STIDP    =        1'
term_wait 1 'STAP     =        3  SCKC     =        3  STCKC    =        1'
term_wait 1 'SPT      =        1  STPT     =        1  SPX      =        1'
term_wait 1 'STPX     =        1  SIGP     =        2  RRB      =        2'
term_wait 1 'LRA      =        2  DIAG     =        3  SVC      =        2'
term_wait 1 'PROGRAM  =        6  PAGEFLT  =        2  EXTINT   =        2'
grep -aq 'SPKA *=\|IPK *=' term.1 && fail "SPKA or IPK trapped in virtual supervisor state"
cp_alive
