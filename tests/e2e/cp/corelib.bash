# tests/e2e/cp/corelib.bash - sourced by the cpcore tests (core_*.sh) after cplib.bash: a guest put
# into a logged-on user's storage with CP's own STORE command (no virtual devices needed), and
# waits that count lines.

# boot_logon USER: CP booted (cp_boot), OPERATOR on, USER logged on at terminal 1 (its password
# is its userid, as in the directories of these tests).
boot_logon() {
    cp_boot
    wait_for 'LOGON AS OPERATOR' s370.out
    term_open 1
    term_logon 1 "$1" "$1"
}

# term_wait_count N PATTERN COUNT: until terminal N's output has COUNT lines matching.
term_wait_count() {
    local tries=150
    while [ "$(term_count "$1" "$2")" -lt "$3" ]; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || fail "waited in vain for $3 lines '$2' in term.$1"
        sleep 0.1
    done
}

# guest_store N NAME: guests/NAME.asm (START X'400') assembled and stored at X'400' of the
# user logged on at terminal N, twelve words a STORE line, then STORE PSW with a BC PSW at X'400'
# (the VM stays in CP mode: BEGIN starts it).
guest_store() {
    local words addr line stores
    guest_assemble "$2" bin "$2.bin"
    stores=$(term_count "$1" 'STORE COMPLETE')
    words=$(od -An -v -tx1 "$2.bin" | tr -d ' \n' | tr a-f A-F)
    while [ $((${#words} % 8)) -ne 0 ]; do words="${words}0"; done
    addr=$((0x400))
    while [ -n "$words" ]; do
        line=${words:0:96}
        words=${words:96}
        term_send "$1" "STORE $(printf '%X' $addr) $(echo "$line" | sed 's/\(........\)/\1 /g')"
        addr=$((addr + ${#line} / 2))
        stores=$((stores + 1))
        term_wait_count "$1" 'STORE COMPLETE' $stores
    done
    term_send "$1" 'STORE PSW 00000000 00000400'
    term_wait_count "$1" 'STORE COMPLETE' $((stores + 1))
}

# own_volumes: the volumes of `make images` copied to ./vol, where cp_boot will take them from (it
# reads $BIN/../images: BIN becomes ./bin, links to the real programs, beside ./images -> vol).
# Sets NUCLEUS to the nucleus the volumes hold.
own_volumes() {
    local images="$BIN/../images"
    NUCLEUS="$BIN/../cp/cp.bin"
    [ -s "$NUCLEUS" ] || fail "no $NUCLEUS: make cp builds it"
    mkdir -p bin vol
    ln -s "$BIN"/* bin/
    ln -s vol images
    BIN="$PWD/bin"
    cp "$images/sysres.cckd" "$images/user01.cckd" "$images/reader.deck" vol/
}

# records FILE: how many 4096-byte records the file fills.
records() {
    echo $((($(wc -c < "$1") + 4095) / 4096))
}

# syshdr DIRECTORY CYLINDERS OUT: a SYSHDR (cms-images/sysrec.asm) for NUCLEUS and that compiled
# directory, with the layout of the image recipe.
syshdr() {
    "$BIN/asm370" -I "$ROOT/cp/macros" -f bin -o "$3" -l none -D CYLS="$2" -D NUCC=1 \
        -D NUCN="$(records "$NUCLEUS")" -D DIRC=5 -D DIRN="$(records "$1")" -D PAGC=10 -D PAGN=50 \
        -D SPLC=60 -D SPLN=100 -D "DATE=$(date -u '+%Y-%m-%d %H:%M:%S')" "$ROOT/cms-images/sysrec.asm" ||
        fail "SYSHDR does not assemble"
}

# more_users FILE: the users of FILE (USER DIRECT statements) added to the directory of
# vol/sysres.cckd (after own_volumes).
more_users() {
    cat "$ROOT/cms-images/user.direct" "$1" > user.direct
    "$BIN/dirc370" -o user.dir user.direct > /dev/null || fail "the directory does not compile"
    syshdr user.dir 555 syshdr.bin
    "$BIN/dasd370" put vol/sysres.cckd 0 1 syshdr.bin > /dev/null || fail "SYSHDR not written"
    "$BIN/dasd370" put vol/sysres.cckd 5 0 user.dir > /dev/null || fail "directory not written"
}
