# check.awk - checks the log of a run of Hercules-style test scripts (*.tst) the way Hercules'
# redtest.rexx checks a Hercules log: the directives (*Testcase, *Compare, *Want, *Gpr, *Done...) are
# loud comments the emulator copies into its log, and each is checked against the displays and
# messages before it.  It reads the line formats s370 and Hercules 3.13 share:
#
#   *Want 0000000F C4D6D5C5 40404040 00000000       a directive, as the script had it
#   R:00000228:K:06=0000000F C4D6D5C5 ...            r, abs (A:) and v (V:) displays
#   GR00=00000000  GR01=...  (CR.., FPRn=.. ..)      register displays, maybe after "CPU0000: "
#   Prefix=00000000                                   pr
#   HHCCP014I CPU0000: ... CODE=0006 ILC=4            a program interruption
#   HHCCP011I CPU0000: Disabled wait state            a disabled wait, the PSW on the next line
#             PSW=00020000 80000000
#   HHC02332E ...                                     runtest's time limit ran out
#
# A test passes when every comparison holds and it ends in a disabled wait whose address is 0 (or
# ends in DEAD after the program interruption *Program names).  Usage:
#   awk -f check.awk [-v quiet=1] [-v vars="name=value ..."] LOGFILE
# prints one line per test and a summary; the exit status is the number of failed tests (malformed
# runs count as one more).

function trim(s) {
    sub(/^[ \t]+/, "", s)
    sub(/[ \t]+$/, "", s)
    return s
}

# Hex values compare as numbers: upper case, leading zeros dropped.
function hexnorm(s) {
    s = toupper(trim(s))
    gsub(/ /, "", s)
    sub(/^0+/, "", s)
    return s
}

function words(s) {
    s = toupper(trim(s))
    gsub(/[ \t]+/, " ", s)
    return s
}

function begin_test(name) {
    ntests++
    testcase = name
    oks = 0; failures = 0
    comparing = 0; waitseen = 0; timeoutok = 0
    storaddr = "<unknown>"; storbytes = ""; storkey = ""
    pgmchk = ""; wantpgm = ""; prefix = ""
    split("", gpr); split("", cr); split("", fpr)
    nmsg = 0; nexplain = 0
}

# One comparison: count it, or report it with the *Explain lines given since the last one.
function okay(cond, what, want, got,    i) {
    if (!active)
        return
    if (cond) {
        oks++
    } else {
        failures++
        printf(">>>>> line %5d: %s\n", lineno, what)
        if (want != "") printf("                  Want: %s\n", want)
        if (got != "") printf("                  Got:  %s\n", got)
        for (i = 1; i <= nexplain; i++)
            printf("                  %s\n", explain[i])
    }
    nexplain = 0
}

function end_test(rest,    nowait, result) {
    ndones++
    nowait = trim(rest) == "nowait"
    if (pgmchk != "" && wantpgm == "")
        okay(0, "Unexpected program interruption code " pgmchk ".")
    else if (pgmchk == "" && wantpgm != "")
        okay(0, "Expected program interruption code " wantpgm ", but none happened.")
    else if (pgmchk != "")
        okay(hexnorm(pgmchk) == hexnorm(wantpgm), "Program interruption code mismatch.", wantpgm, pgmchk)
    if (!nowait && !waitseen)
        look_ahead_for_wait()
    if (!nowait && !waitseen && active) {
        printf(">>>>> line %5d: No wait state encountered.\n", lineno)
        failures++
    }
    result = failures == 0 ? "All pass." : failures == 1 ? "One failure." : failures " failures."
    if (failures || !quiet)
        printf("Test \"%s\":  %d OK compares.  %s\n", testcase, oks, result)
    if (failures)
        failed++
    else
        passed++
}

# The wait message can trail the *Done of its test (messages come from several threads): look on
# until the next test or conditional directive.
function look_ahead_for_wait(    j) {
    for (j = lineno + 1; j <= nlines; j++) {
        if (line[j] ~ /^\*(Testcase|If|Else|Fi)/)
            return
        if (line[j] ~ /^HHCCP011I CPU[0-9A-F]+: Disabled wait state/) {
            disabled_wait(j)
            consumed[j] = 1
            return
        }
    }
}

# The PSW of a disabled wait is on the line after the message.
function disabled_wait(at,    psw, n, w) {
    waitseen = 1
    psw = line[at + 1]
    sub(/^.*PSW=/, "", psw)
    n = split(psw, w, " ")
    okay(n >= 2 && (substr(w[2], 3) == "000000" || (w[2] ~ /DEAD$/ && pgmchk != "" && \
         hexnorm(pgmchk) == hexnorm(wantpgm))), "Received unexpected wait state: " psw)
}

function registers(text, kind,    n, f, i, name, value) {
    sub(/^CPU[0-9A-F]+: /, "", text)
    n = split(text, f, /[ \t]+/)
    for (i = 1; i <= n; i++) {
        if (f[i] !~ /=/)
            continue
        name = substr(f[i], 1, index(f[i], "=") - 1)
        value = substr(f[i], index(f[i], "=") + 1)
        if (kind == "GR" && name ~ /^GR[0-9]+$/) gpr[substr(name, 3) + 0] = value
        if (kind == "CR" && name ~ /^CR[0-9]+$/) cr[substr(name, 3) + 0] = value
        if (kind == "FPR" && name ~ /^FPR[0-9]+$/) fpr[substr(name, 4) + 0] = value f[i + 1]
    }
}

# *If $var, *If \$var, *If $var op value (op = \= <> < > <= >=); unknown variables are empty.
function condition(expr,    n, t, v, op, value) {
    n = split(trim(expr), t, /[ \t]+/)
    if (t[1] ~ /^\\\$/)
        return !truthy(vars_value(substr(t[1], 3)))
    v = vars_value(substr(t[1], 2))
    if (n == 1)
        return truthy(v)
    op = t[2]; value = t[3]
    gsub(/"/, "", value)
    if (op == "=") return v == value
    if (op == "\\=" || op == "<>") return v != value
    if (op == "<") return v + 0 < value + 0
    if (op == ">") return v + 0 > value + 0
    if (op == "<=") return v + 0 <= value + 0
    if (op == ">=") return v + 0 >= value + 0
    printf(">>>>> line %5d: *If syntax error: %s\n", lineno, expr)
    bad++
    return 0
}

function truthy(v) {
    return v != "" && v != "0"
}

function vars_value(name) {
    return tolower(name) in var ? var[tolower(name)] : ""
}

function directive(verb, rest,    r, v, info, n, m) {
    if (verb == "*If") {
        depth++
        parent[depth] = active
        taken[depth] = condition(rest)
        active = parent[depth] && taken[depth]
        return
    }
    if (verb == "*Else" || verb == "*Fi") {
        if (depth == 0) {
            printf(">>>>> line %5d: %s without *If\n", lineno, verb)
            bad++
        } else if (verb == "*Else") {
            active = parent[depth] && !taken[depth]
        } else {
            active = parent[depth--]
        }
        return
    }
    if (!active)
        return
    if (verb == "*Testcase") begin_test(trim(rest))
    else if (verb == "*Done") end_test(rest)
    else if (verb == "*Compare") { comparing = 1; nmsg = 0 }
    else if (verb == "*Program") wantpgm = trim(rest)
    else if (verb == "*Timeout") timeoutok = 1
    else if (verb == "*Message") print trim(rest)
    else if (verb == "*Explain") explain[++nexplain] = trim(rest)
    else if (verb == "*Want") {
        rest = trim(rest)
        info = ""
        if (substr(rest, 1, 1) == "\"") {
            info = substr(rest, 2)
            rest = substr(info, index(info, "\"") + 1)
            info = " \"" substr(info, 1, index(info, "\"") - 1) "\""
        }
        okay(words(rest) == words(storbytes), "Storage compare mismatch." info, storaddr " " words(rest),
             storaddr " " words(storbytes))
    } else if (verb == "*Gpr" || verb == "*Cr" || verb == "*Fpr") {
        sub(/#.*/, "", rest)
        split(trim(rest), r, /[ \t]+/)
        v = verb == "*Gpr" ? gpr[r[1] + 0] : verb == "*Cr" ? cr[r[1] + 0] : fpr[r[1] + 0]
        okay(v != "" && hexnorm(v) == hexnorm(r[2] r[3]), substr(verb, 2) " " r[1] " compare mismatch.", r[2] r[3], v)
    } else if (verb == "*Key") {
        sub(/#.*/, "", rest)
        if (storkey == "") okay(0, "No key saved from r/abs/v command.")
        else okay(hexnorm(storkey) == hexnorm(rest), "Key " storaddr " compare mismatch.", trim(rest), storkey)
    } else if (verb == "*Prefix") {
        sub(/#.*/, "", rest)
        if (prefix == "") okay(0, "No prefix register saved from pr command.")
        else okay(hexnorm(prefix) == hexnorm(rest), "Prefix register compare mismatch.", trim(rest), prefix)
    } else if (verb == "*Hmsg" || verb == "*Error" || verb == "*Info") {
        rest = trim(rest)
        n = 0
        if (match(rest, /^[0-9]+ /)) { n = substr(rest, 1, RLENGTH - 1) + 0; rest = substr(rest, RLENGTH + 1) }
        m = nmsg - n
        if (m <= 0) okay(0, "No message saved for " rest)
        else okay(msg[m] == rest, substr(verb, 2) " message mismatch.", rest, msg[m])
    } else {
        okay(0, "Unknown directive: " verb)
    }
}

function process(text,    verb) {
    if (text ~ /^\*[A-Za-z]/) {
        verb = text
        sub(/[ \t].*$/, "", verb)
        directive(verb, substr(text, length(verb) + 1))
    } else if (text ~ /^HHCPN139E Command "\*/) {
        # Hercules 3.13 has no loud comments: it echoes the directive, then says it is no command
    } else if (text ~ /^[RAV]:[0-9A-F]+:K:[0-9A-F]+=/) {
        if (comparing) {
            storaddr = substr(text, 1, 10)
            storkey = substr(text, 14, 2)
            storbytes = trim(substr(text, 17, 36))
        }
    } else if (text ~ /(^|: )GR[0-9][0-9]=/) {
        registers(text, "GR")
    } else if (text ~ /(^|: )CR[0-9][0-9]=/) {
        registers(text, "CR")
    } else if (text ~ /(^|: )FPR[0-9]=/) {
        registers(text, "FPR")
    } else if (text ~ /^Prefix=/) {
        prefix = substr(text, 8)
    } else if (text ~ /^HHCCP014I CPU[0-9A-F]+: .* CODE=/) {
        pgmchk = text
        sub(/^.* CODE=/, "", pgmchk)
        sub(/ .*$/, "", pgmchk)
    } else if (text ~ /^HHCCP011I CPU[0-9A-F]+: Disabled wait state/) {
        disabled_wait(lineno)
    } else if (text ~ /^HHC02332/) {
        if (!timeoutok) catastrophic++
        okay(timeoutok, "Test case timed out in wait.")
    } else if (comparing && text ~ /^(HHC|S370)[0-9A-Z]+ /) {
        msg[++nmsg] = text
    }
}

BEGIN {
    active = 1
    n = split(vars, assignments, /[ \t]+/)
    for (i = 1; i <= n; i++)
        if (index(assignments[i], "="))
            var[tolower(substr(assignments[i], 1, index(assignments[i], "=") - 1))] = \
                substr(assignments[i], index(assignments[i], "=") + 1)
}

{
    sub(/\r$/, "")
    line[++nlines] = $0
}

END {
    for (lineno = 1; lineno <= nlines; lineno++)
        if (!consumed[lineno])
            process(line[lineno])
    if (failed == 0 && catastrophic == 0)
        printf("Did %d tests.  All OK.\n", ntests)
    else
        printf("Did %d tests.  %d failed; %d OK.\n", ntests, failed, passed)
    if (catastrophic)
        printf(">>>>> %d test(s) failed catastrophically.  Bug in the emulator or the test case is likely. <<<<<\n",
               catastrophic)
    if (ntests != ndones) {
        printf("Tests malformed: %d '*Testcase' orders met, but %d '*Done' orders met.\n", ntests, ndones)
        bad++
    }
    exit failed + (bad > 0) + (catastrophic > 0 && failed == 0)
}
