#!/bin/sh
# gen_asm_source.sh LINES - writes to stdout an assembler source of about LINES statements that uses
# what real programs use: instructions of every format with implicit addresses through USING, DC/DS of
# several types, literals with LTORGs, EQUs, and a macro called every 50 statements.
lines=${1:-100000}
awk -v lines="$lines" 'BEGIN {
    print "         MACRO"
    print "&L       BUMP  &R,&N=1"
    print "&L       LA    &R,&N.(,&R)"
    print "         AIF   (&N LT 8).DONE"
    print "         SLL   &R,1"
    print ".DONE    ANOP"
    print "         MEND"
    print "BENCH    CSECT"
    print "         USING BENCH,12"
    n = 9
    block = 0
    while (n < lines - 2) {
        # each block: 50 statements with a local data area, fits one base register
        printf "B%06d  DS    0H\n", block
        for (i = 0; i < 40; i++) {
            k = i % 10
            if (k == 0) printf "         L     %d,F%06d\n", i % 16, block
            else if (k == 1) printf "         LA    %d,%d(%d,%d)\n", i % 16, i * 4, (i + 1) % 16, (i + 2) % 16
            else if (k == 2) printf "         MVC   C%06d,C%06d+2\n", block, block
            else if (k == 3) printf "         AR    %d,%d\n", i % 16, (i + 3) % 16
            else if (k == 4) printf "         STM   14,12,S%06d\n", block
            else if (k == 5) printf "         CLI   C%06d,C'"'"'A'"'"'\n", block
            else if (k == 6) printf "         AP    P%06d,=P'"'"'%d'"'"'\n", block, i
            else if (k == 7) printf "         BNE   B%06d\n", block
            else if (k == 8) printf "         BUMP  %d,N=%d\n", i % 16, i % 12
            else printf "         SLL   %d,%d\n", i % 16, i % 31
        }
        printf "F%06d  DC    F'"'"'%d'"'"'\n", block, block
        printf "C%06d  DC    CL8'"'"'TEXT%04d'"'"'\n", block, block % 10000
        printf "P%06d  DC    PL4'"'"'0'"'"'\n", block
        printf "S%06d  DS    15F\n", block
        printf "E%06d  EQU   *-F%06d\n", block, block
        printf "         LTORG\n"
        printf "         DROP  12\n"
        printf "         USING B%06d,12\n", block + 1
        n += 49
        block++
    }
    printf "B%06d  DS    0H\n", block
    print "         END   BENCH"
}'
