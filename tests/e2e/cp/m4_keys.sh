# m4_keys.sh - milestone M4, storage keys: HOSTILE (guests/hostile.asm, on its minidisk) sets key 5
# on its page at X'8000' with SSK and stores there with PSW key 3: the protection exception (0004)
# a real machine gives must reach it, as m4_hostile.sh's other checks do.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$ROOT/tests/e2e/cp/cplib.bash"

guest_mdisk hostile 21
cp_boot
term_open 1
term_logon 1 HOSTILE HOSTILE
term_send 1 'IPL 191'
term_wait 1 'HOSTILE: DONE' 30
grep -q '^HOSTILE: WRONG KEY  *PROGRAM CHECK 0004' term.1 || { cat term.1; fail "a store with the wrong key"; }
expect_grep '^HOSTILE: ISK KEY 50' term.1
term_close 1
quit_s370
exit 0
