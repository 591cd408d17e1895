# Macro libraries (-I, NAME.mac), COPY members and -D symbols through the command line.
. "$ROOT/tests/e2e/lib.sh"
mkdir maclib
cat > maclib/SETREG.mac <<'SRC'
         MACRO
&LABEL   SETREG &REG,&VAL=0
&LABEL   LA    &REG,&VAL
         MEND
SRC
cat > maclib/EQUATES.cpy <<'SRC'
R1       EQU   1
R2       EQU   2
SRC
cat > prog.asm <<'SRC'
PROG     CSECT
         COPY  EQUATES
START    SETREG R1,VAL=5
         SETREG R2
         AIF   (&DEBUG EQ 0).SKIP
         LA    R1,DEBUG
.SKIP    ANOP
         END   START
SRC
"$BIN/asm370" -I maclib -D DEBUG=7 -f bin -o prog.bin -l prog.lst prog.asm 2>err.txt || { cat err.txt; fail "assembly failed"; }
# LA 1,5 = 41100005; LA 2,0 = 41200000; LA 1,7 = 41100007
expect_file_hex prog.bin "41100005 41200000 41100007"
"$BIN/asm370" -I maclib -D DEBUG=0 -f bin -o prog0.bin -l none prog.asm || fail "DEBUG=0 assembly failed"
expect_file_hex prog0.bin "41100005 41200000"
expect_grep "+ *START *LA *R1,5\|START    LA    R1,5" prog.lst
exit 0
