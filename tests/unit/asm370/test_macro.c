/*
 * test_macro.c - the macro engine (tools/asm370/macro.c) driven with fake assembler hooks that record
 * every statement handed over (text, kind, depth).  Expected statements and values are worked out by
 * hand from the HLASM Language Reference rules the engine implements.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "tools/asm370/macro.h"
#include "common/util.h"

/* ---- a recording assembler ------------------------------------------------------------------------ */

struct recorded {
    char *text;
    enum macro_stmt_kind kind;
    int depth;
    int line; /* line of the open-code statement it is attributed to */
};

struct recorder {
    struct src_set src;
    struct diag_list diags;
    struct src_lines lines;
    struct recorded *stmts;
    size_t count, cap;
    const char *include[1];
    size_t ninclude;
    struct buf ordinary; /* the MAC_ORDINARY texts, one a line */
};

static void record_statement(void *ctx, const char *text, const struct src_line *line, int depth, const char *macro,
                             enum macro_stmt_kind kind)
{
    struct recorder *r = ctx;
    struct recorded *s = ARRAY_PUSH(r->stmts, r->count, r->cap);
    s->text = xstrdup(text);
    s->kind = kind;
    s->depth = depth;
    s->line = line->line;
    ck_assert_msg((depth == 0) == (macro == NULL), "macro name given at depth %d", depth);
    if (kind == MAC_ORDINARY) {
        buf_adds(&r->ordinary, text);
        buf_addc(&r->ordinary, '\n');
    }
}

static bool fake_is_opcode(void *ctx, const char *op)
{
    static const char *const ops[] = {"DC", "DS", "LA", "L", "ST", "MVC", "BR", "END", "CSECT", "EQU", "USING"};
    (void)ctx;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcasecmp_ascii(op, ops[i]) == 0)
            return true;
    return false;
}

/* Ordinary symbols "defined so far": FIELD (F, length 4) and TEXT (C, length 12). */
static bool fake_symbol_attribute(void *ctx, const char *symbol, char attribute, long *value)
{
    static const struct {
        const char *name;
        char type;
        long length;
    } symbols[] = {{"FIELD", 'F', 4}, {"TEXT", 'C', 12}};
    (void)ctx;
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
        if (strcasecmp_ascii(symbol, symbols[i].name) == 0) {
            *value = attribute == 'L' ? symbols[i].length : attribute == 'T' ? symbols[i].type : 1;
            return true;
        }
    *value = attribute == 'T' ? 'U' : attribute == 'L' ? 1 : 0;
    return false;
}

static const char *fake_section(void *ctx)
{
    (void)ctx;
    return "MYSECT";
}

/* Run the engine over source; define is "NAME=VALUE" or NULL; include a folder or NULL. */
static struct recorder *run_with(const char *source, const char *define, const char *include)
{
    struct recorder *r = xcalloc(1, sizeof *r);
    r->include[0] = include;
    r->ninclude = include ? 1 : 0;
    src_init(&r->src, r->include, r->ninclude, &r->diags);
    src_read_string(&r->src, "test.asm", source, &r->lines);
    struct macro_hooks hooks = {r, record_statement, fake_is_opcode, fake_symbol_attribute, fake_section};
    struct macro_engine *m = macro_create(&r->src, &r->diags, &hooks);
    if (define) {
        const char *eq = strchr(define, '=');
        char *name = xstrndup(define, (size_t)(eq - define));
        macro_define_global(m, name, eq + 1);
        free(name);
    }
    macro_run(m, &r->lines);
    macro_destroy(m);
    buf_cstr(&r->ordinary);
    return r;
}

static struct recorder *run(const char *source)
{
    return run_with(source, NULL, NULL);
}

static void recorder_free(struct recorder *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->stmts[i].text);
    free(r->stmts);
    buf_free(&r->ordinary);
    src_lines_free(&r->lines);
    src_free(&r->src);
    diag_free(&r->diags);
    free(r);
}

static const char *all_diags(const struct recorder *r)
{
    static char text[4096];
    text[0] = '\0';
    for (size_t i = 0; i < r->diags.count; i++) {
        char line[512];
        diag_format(&r->diags.items[i], line, sizeof line);
        strncat(text, line, sizeof text - strlen(text) - 2);
        strcat(text, "\n");
    }
    return text;
}

#define expect_clean(r) ck_assert_msg((r)->diags.errors == 0 && (r)->diags.warnings == 0, "diagnostics:\n%s", all_diags(r))
#define expect_ordinary(r, want) \
    ck_assert_msg(strcmp((r)->ordinary.data, (want)) == 0, "generated:\n%s\nwanted:\n%s\ndiagnostics:\n%s", \
                  (r)->ordinary.data, (want), all_diags(r))

/* The diagnostic of that severity whose message contains text, or NULL. */
static const struct diag *find_diag(const struct recorder *r, enum diag_severity severity, const char *text)
{
    for (size_t i = 0; i < r->diags.count; i++)
        if (r->diags.items[i].severity == severity && strstr(r->diags.items[i].message, text))
            return &r->diags.items[i];
    return NULL;
}

#define expect_diag_at(r, severity, text, want_line)                                                     \
    do {                                                                                                 \
        const struct diag *d_ = find_diag((r), (severity), (text));                                      \
        ck_assert_msg(d_ != NULL, "no diagnostic containing \"%s\"; got:\n%s", (text), all_diags(r)); \
        ck_assert_msg(d_->line == (want_line), "\"%s\" reported at line %d, wanted %d", (text), d_->line, \
                      (want_line));                                                                      \
    } while (0)

/* The first recorded statement of that kind with this text, or NULL. */
static const struct recorded *find_kind(const struct recorder *r, enum macro_stmt_kind kind, const char *text)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->stmts[i].kind == kind && strcmp(r->stmts[i].text, text) == 0)
            return &r->stmts[i];
    return NULL;
}

#define find_generated(r, text) find_kind((r), MAC_ORDINARY, (text))
#define find_listed(r, text) find_kind((r), MAC_LIST_ONLY, (text))

/* ---- open code ----------------------------------------------------------------------------------- */

START_TEST(test_open_code_passes_through)
{
    struct recorder *r = run("* a comment\n"
                             ".* not assembled\n"
                             "HERE     LA    1,4          remarks &X\n"
                             "\n"
                             "         END\n"
                             "         DC    F'9'\n");
    expect_clean(r);
    expect_ordinary(r, "* a comment\nHERE     LA    1,4          remarks &X\n\n         END\n");
    ck_assert_int_eq((int)r->count, 5); /* nothing after END */
    ck_assert_int_eq(r->stmts[1].kind, MAC_LIST_ONLY);
    ck_assert_int_eq(r->stmts[2].kind, MAC_ORDINARY);
    ck_assert_int_eq(r->stmts[2].depth, 0);
    ck_assert_int_eq(r->stmts[2].line, 3);
    recorder_free(r);
}
END_TEST

START_TEST(test_definition_lines_are_listed_only)
{
    struct recorder *r = run(" MACRO\n"
                             " NOP2\n"
                             " DC H'0'\n"
                             " MEND\n"
                             " NOP2\n"
                             " END\n");
    expect_clean(r);
    expect_ordinary(r, " DC H'0'\n END\n");
    /* MACRO, prototype, body, MEND, then the call: all listing-only; then the generated DC */
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(r->stmts[i].kind, MAC_LIST_ONLY);
    ck_assert_str_eq(r->stmts[4].text, " NOP2");
    ck_assert_int_eq(r->stmts[5].depth, 1);
    ck_assert_int_eq(r->stmts[5].line, 5); /* generated statements belong to the call */
    recorder_free(r);
}
END_TEST

/* ---- parameters ---------------------------------------------------------------------------------- */

START_TEST(test_positional_and_keyword_parameters)
{
    struct recorder *r = run(" MACRO\n"
                             "&L MOVE &TO,&FROM,&LEN=8,&PAD=\n"
                             "&L MVC &TO.(&LEN),&FROM\n"
                             " DC C'&PAD.X'\n"
                             " MEND\n"
                             "LAB MOVE A,B\n"
                             " MOVE C,D,LEN=4,PAD=Y\n"
                             " MOVE ,E\n");
    expect_clean(r);
    expect_ordinary(r, "LAB MVC A(8),B\n"
                       " DC C'X'\n"
                       " MVC C(4),D\n"
                       " DC C'YX'\n"
                       " MVC (8),E\n"
                       " DC C'X'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_source_macro_overrides_instruction)
{
    struct recorder *r = run(" MACRO\n"
                             " LA &R,&V\n"
                             " DC F'&V'\n"
                             " MEND\n"
                             " LA 1,7\n");
    expect_clean(r);
    expect_ordinary(r, " DC F'7'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_sublists_syslist_and_counts)
{
    struct recorder *r = run(" MACRO\n"
                             "&N SL &A,&B,&C\n"
                             " DC C'&SYSLIST(0)'\n"
                             " DC C'&A(2)&A(3,1)&SYSLIST(1,3,2)'\n"
                             " DC C'&A(3)'\n"
                             " DC C'&SYSLIST(4)&A(9)'\n"
                             "&W SETA N'&A\n"
                             "&X SETA N'&SYSLIST\n"
                             "&Y SETA K'&A\n"
                             "&Z SETA K'&B\n"
                             "&V SETA K'&C+N'&C\n"
                             " DC F'&W,&X,&Y,&Z,&V'\n"
                             " DC C&B\n"
                             " MEND\n"
                             "HERE SL (X,Y,(P,Q)),'A,B C',,EXTRA\n");
    expect_clean(r);
    /* &A is (X,Y,(P,Q)): 3 elements, 11 characters; &B is 'A,B C' with its quotes: 7 characters;
       &C is omitted: K' 0, N' 0; four positional operands */
    expect_ordinary(r, " DC C'HERE'\n"
                       " DC C'YPQ'\n"
                       " DC C'(P,Q)'\n"
                       " DC C'EXTRA'\n"
                       " DC F'3,4,11,7,0'\n"
                       " DC C'A,B C'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_substitution_details)
{
    struct recorder *r = run(" MACRO\n"
                             " SUBST &P\n"
                             " DC C'IT''S &P'\n"
                             " DC C'A&&B&P'\n"
                             " DC C'&P..X&P.Y'\n"
                             " MEND\n"
                             " SUBST Q\n");
    expect_clean(r);
    /* '' and && stay as written (the DC makes one character of each); &P. drops its period */
    expect_ordinary(r, " DC C'IT''S Q'\n DC C'A&&BQ'\n DC C'Q.XQY'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_name_field_parameter_and_empty_name)
{
    struct recorder *r = run(" MACRO\n"
                             "&NAME DEF\n"
                             "&NAME DS F\n"
                             " MEND\n"
                             "FULL DEF\n"
                             " DEF\n");
    expect_clean(r);
    /* with no name the generated statement still starts with a blank */
    expect_ordinary(r, "FULL DS F\n DS F\n");
    recorder_free(r);
}
END_TEST

/* ---- recursion and &SYSNDX ------------------------------------------------------------------------ */

START_TEST(test_recursive_macro)
{
    struct recorder *r = run(" MACRO\n"
                             " COUNT &N\n"
                             " AIF (&N EQ 0).DONE\n"
                             " DC F'&N'\n"
                             "&M SETA &N-1\n"
                             " COUNT &M\n"
                             ".DONE MEND\n"
                             " COUNT 3\n");
    expect_clean(r);
    expect_ordinary(r, " DC F'3'\n DC F'2'\n DC F'1'\n");
    ck_assert_int_eq(find_generated(r, " DC F'3'")->depth, 1);
    ck_assert_int_eq(find_generated(r, " DC F'1'")->depth, 3);
    ck_assert_int_eq(find_generated(r, " DC F'1'")->line, 8);
    recorder_free(r);
}
END_TEST

START_TEST(test_sysndx_unique_in_nested_and_recursive_calls)
{
    struct recorder *r = run(" MACRO\n"
                             " UNIQ &N\n"
                             " AIF (&N EQ 0).DONE\n"
                             "L&SYSNDX DS 0H\n"
                             "&M SETA &N-1\n"
                             " UNIQ &M\n"
                             ".DONE MEND\n"
                             " MACRO\n"
                             " OUTER\n"
                             "X&SYSNDX DS 0H\n"
                             " UNIQ 2\n"
                             "Y&SYSNDX DS 0H\n"
                             " MEND\n"
                             " OUTER\n"
                             " UNIQ 1\n");
    expect_clean(r);
    /* calls in order: OUTER 0001, UNIQ 2 0002, UNIQ 1 0003, UNIQ 0 0004, UNIQ 1 0005, UNIQ 0 0006 */
    expect_ordinary(r, "X0001 DS 0H\nL0002 DS 0H\nL0003 DS 0H\nY0001 DS 0H\nL0005 DS 0H\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_system_variables)
{
    struct recorder *r = run(" MACRO\n"
                             " SYS\n"
                             " DC C'&SYSECT.&SYSPARM.-&SYSNEST'\n"
                             " MEND\n"
                             " SYS\n");
    expect_clean(r);
    expect_ordinary(r, " DC C'MYSECT-1'\n");
    recorder_free(r);
}
END_TEST

/* ---- conditional assembly -------------------------------------------------------------------------- */

START_TEST(test_aif_loop_in_macro)
{
    struct recorder *r = run(" MACRO\n"
                             " REP &N\n"
                             " LCLA &I\n"
                             "&I SETA 1\n"
                             ".LOOP AIF (&I GT &N).END\n"
                             " DC AL1(&I)\n"
                             "&I SETA &I+1\n"
                             " AGO .LOOP\n"
                             ".END MEND\n"
                             " REP 3\n");
    expect_clean(r);
    expect_ordinary(r, " DC AL1(1)\n DC AL1(2)\n DC AL1(3)\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_aif_loop_in_open_code)
{
    struct recorder *r = run(" LCLA &I\n"
                             " AGO .START\n"
                             " DC X'FF'\n"
                             ".START ANOP\n"
                             "&I SETA &I+1\n"
                             ".AGAIN DC H'&I'\n"
                             "&I SETA &I+1\n"
                             " AIF (&I LE 3).AGAIN\n"
                             " END\n");
    expect_clean(r);
    /* the sequence symbol in the name field is blanked: ".AGAIN" becomes six blanks */
    expect_ordinary(r, "       DC H'1'\n       DC H'2'\n       DC H'3'\n END\n");
    ck_assert_ptr_nonnull(find_listed(r, " AIF (&I LE 3).AGAIN"));
    recorder_free(r);
}
END_TEST

START_TEST(test_computed_ago_and_mexit)
{
    struct recorder *r = run(" MACRO\n"
                             " PICK &K\n"
                             " AGO (&K).ONE,.TWO,.THREE\n"
                             " DC C'NONE'\n"
                             " MEXIT\n"
                             ".ONE DC C'1'\n"
                             " MEXIT\n"
                             ".TWO DC C'2'\n"
                             " MEXIT\n"
                             ".THREE DC C'3'\n"
                             " MEND\n"
                             " PICK 2\n"
                             " PICK 3\n"
                             " PICK 7\n"
                             " PICK 0\n");
    expect_clean(r);
    expect_ordinary(r, "     DC C'2'\n       DC C'3'\n DC C'NONE'\n DC C'NONE'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_extended_aif)
{
    struct recorder *r = run(" MACRO\n"
                             " SIGN &V\n"
                             " AIF (&V LT 0).NEG,(&V EQ 0).ZERO\n"
                             " DC C'+'\n"
                             " MEXIT\n"
                             ".NEG DC C'-'\n"
                             " MEXIT\n"
                             ".ZERO DC C'0'\n"
                             " MEND\n"
                             " SIGN -4\n"
                             " SIGN 0\n"
                             " SIGN 9\n");
    expect_clean(r);
    expect_ordinary(r, "     DC C'-'\n      DC C'0'\n DC C'+'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_comments_in_macro_body)
{
    struct recorder *r = run(" MACRO\n"
                             " CMT\n"
                             "* listed with the expansion\n"
                             ".* never generated\n"
                             " DC X'00'\n"
                             " MEND\n"
                             " CMT\n");
    expect_clean(r);
    expect_ordinary(r, "* listed with the expansion\n DC X'00'\n");
    ck_assert_int_eq(find_generated(r, "* listed with the expansion")->depth, 1);
    ck_assert_ptr_null(find_generated(r, ".* never generated"));
    recorder_free(r);
}
END_TEST

/* ---- SET symbols and expressions ---------------------------------------------------------------- */

START_TEST(test_subscripted_set_symbols)
{
    struct recorder *r = run(" LCLA &T(10)\n"
                             "&T(2) SETA 5,6,7\n"
                             " DC F'&T(3)',F'&T(4)',F'&T(1)'\n"
                             "&N SETA N'&T\n"
                             " DC F'&N'\n"
                             " LCLC &S(3)\n"
                             "&S(1) SETC 'AB','CD'\n"
                             " DC C'&S(1)&S(2)'\n"
                             "&I SETA 2\n"
                             "&U(&I+1) SETB 1\n"
                             " DC C'&U(3)'\n");
    expect_clean(r);
    /* &T(2..4) = 5,6,7, &T(1) untouched (0), highest subscript 4; &U is declared implicitly */
    expect_ordinary(r, " DC F'6',F'7',F'0'\n DC F'4'\n DC C'ABCD'\n DC C'1'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_seta_arithmetic)
{
    struct recorder *r = run("&A SETA (2+3)*4-10/3\n"
                             "&B SETA 7/0\n"
                             "&C SETA -7/2\n"
                             "&D SETA X'1F'+B'101'+C'A'\n"
                             "&E SETA 2147483647+1\n"
                             "&F SETA -(-5)*-2\n"
                             "&S SETC '12'\n"
                             "&G SETA &S*2+1\n"
                             " DC F'&A,&B,&C,&D,&E,&F,&G'\n");
    expect_clean(r);
    /* 20-3; division by zero is 0; -3.5 truncates to -3; 31+5+X'C1'(193, EBCDIC A); wraps to
       -2147483648; 5*-2; the SETC '12' converts to 12 */
    expect_ordinary(r, " DC F'17,0,-3,229,-2147483648,-10,25'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_setb_relations_and_logic)
{
    struct recorder *r = run("&B1 SETB (3 GT 2)\n"
                             "&B2 SETB ('ABC' LT 'ABCD')\n"
                             "&B3 SETB ('B' GT 'A')\n"
                             "&B4 SETB ('a' GT 'A')\n"
                             "&B5 SETB (NOT &B1 OR &B2 AND &B4)\n"
                             "&B6 SETB ((1 EQ 1) AND NOT (2 EQ 3))\n"
                             "&B7 SETB ('ZZ' LT 'AAA')\n"
                             "&B8 SETB (5 NE 5 OR 4 GE 4)\n"
                             " DC C'&B1&B2&B3&B4&B5&B6&B7&B8'\n");
    expect_clean(r);
    /* shorter strings are lower; same length compares in EBCDIC, where 'a' (X'81') < 'A' (X'C1');
       NOT 1 OR (1 AND 0) = 0 */
    expect_ordinary(r, " DC C'11100111'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_setc_operations)
{
    struct recorder *r = run("&C SETC 'ABCDEF'(2,3)\n"
                             "&D SETC '&C'(2,*)\n"
                             "&E SETC (3)'AB'\n"
                             "&F SETC 'X'.'&D'.'Y'\n"
                             "&K SETA K'&E\n"
                             "&A SETA -7\n"
                             "&G SETC '&A'\n"
                             "&H SETC &A*2\n"
                             "&Q SETC 'IT''S'\n"
                             "&J SETA K'&Q\n"
                             "&P SETC '&C..&&'\n"
                             "&L SETA K'&P\n"
                             " DC C'&C,&D,&E,&F,&K,&G,&H,&J,&L'\n"
                             " DC C'&P'\n");
    expect_clean(r);
    /* '' is one quote in a SETC value (IT'S: 4); && stays two ampersands (BCD.&&: 6) */
    expect_ordinary(r, " DC C'BCD,CD,ABABAB,XCDY,6,-7,-14,4,6'\n DC C'BCD.&&'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_attributes_of_ordinary_symbols)
{
    struct recorder *r = run(" MACRO\n"
                             " ATTR &S,&T,&U\n"
                             "&A SETA L'&S\n"
                             "&B SETA D'&S+D'&U\n"
                             "&C1 SETC T'&S\n"
                             "&C2 SETC T'&T\n"
                             "&C3 SETC T'&U\n"
                             "&C4 SETC T'FIELD\n"
                             " DC C'&A,&B,&C1&C2&C3&C4'\n"
                             " MEND\n"
                             " ATTR TEXT,25,NOSUCH\n"
                             " ATTR FIELD,,TEXT\n");
    expect_clean(r);
    /* TEXT is C with length 12, FIELD is F with length 4; 25 is a number (N); omitted is O; an
       undefined symbol is U */
    expect_ordinary(r, " DC C'12,1,CNUF'\n DC C'4,2,FOCF'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_length_of_undefined_symbol_warns)
{
    struct recorder *r = run("&A SETA L'NOSUCH\n"
                             " DC F'&A'\n");
    ck_assert_int_eq((int)r->diags.errors, 0);
    expect_diag_at(r, DIAG_WARNING, "NOSUCH", 1);
    expect_ordinary(r, " DC F'1'\n");
    recorder_free(r);
}
END_TEST

/* ---- MNOTE ------------------------------------------------------------------------------------- */

START_TEST(test_mnote_severities)
{
    struct recorder *r = run(" MACRO\n"
                             " CHK &X\n"
                             " MNOTE 8,'BAD &X'\n"
                             " MNOTE 4,'WARN A&&B'\n"
                             " MNOTE *,'JUST A NOTE'\n"
                             " MNOTE 'PLAIN'\n"
                             " MNOTE ,'SEV ONE'\n"
                             " MEND\n"
                             " CHK ONE\n");
    ck_assert_int_eq((int)r->diags.errors, 1);
    ck_assert_int_eq((int)r->diags.warnings, 2);
    expect_diag_at(r, DIAG_ERROR, "BAD ONE", 9);
    expect_diag_at(r, DIAG_WARNING, "WARN A&B", 9);
    expect_diag_at(r, DIAG_WARNING, "SEV ONE", 9);
    expect_diag_at(r, DIAG_NOTE, "JUST A NOTE", 9);
    expect_diag_at(r, DIAG_NOTE, "PLAIN", 9);
    const char *listed[] = {"8,BAD ONE", "4,WARN A&B", "*,JUST A NOTE", "PLAIN", "1,SEV ONE"};
    for (size_t i = 0; i < 5; i++) {
        const struct recorded *s = find_listed(r, listed[i]);
        ck_assert_msg(s != NULL, "MNOTE text \"%s\" not listed", listed[i]);
        ck_assert_int_eq(s->depth, 1);
    }
    expect_ordinary(r, "");
    recorder_free(r);
}
END_TEST

START_TEST(test_mnote_in_open_code)
{
    struct recorder *r = run(" LA 1,1\n"
                             " MNOTE 12,'STOP HERE'\n");
    expect_diag_at(r, DIAG_ERROR, "STOP HERE", 2);
    recorder_free(r);
}
END_TEST

/* ---- global symbols ------------------------------------------------------------------------------ */

START_TEST(test_globals_shared)
{
    struct recorder *r = run(" MACRO\n"
                             " ADDG &V\n"
                             " GBLA &G\n"
                             "&G SETA &G+&V\n"
                             " MEND\n"
                             " MACRO\n"
                             " SHOWG\n"
                             " GBLA &G\n"
                             " DC F'&G'\n"
                             " MEND\n"
                             " MACRO\n"
                             " LOCALG\n"
                             " LCLA &G\n"
                             " DC F'&G'\n"
                             " MEND\n"
                             " GBLA &G\n"
                             " ADDG 5\n"
                             " ADDG 7\n"
                             " SHOWG\n"
                             " LOCALG\n"
                             " DC F'&G'\n");
    expect_clean(r);
    expect_ordinary(r, " DC F'12'\n DC F'0'\n DC F'12'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_command_line_globals)
{
    struct recorder *r = run_with(" MACRO\n"
                                  " USED\n"
                                  "&X SETA &LEVEL+1\n"
                                  " DC F'&X'\n"
                                  " MEND\n"
                                  " DC C'&LEVEL'\n"
                                  " USED\n"
                                  " GBLC &LEVEL\n"
                                  " DC C'&LEVEL'\n",
                                  "LEVEL=42", NULL);
    expect_clean(r);
    expect_ordinary(r, " DC C'42'\n DC F'43'\n DC C'42'\n");
    recorder_free(r);
}
END_TEST

/* ---- library macros ---------------------------------------------------------------------------------- */

static void write_file(const char *folder, const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", folder, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

START_TEST(test_library_macros)
{
    char folder[64];
    testdir_create(folder, sizeof folder, "asm370-maclib-");
    write_file(folder, "LIBMAC.mac",
               "* a library macro\n"
               "         MACRO\n"
               "         LIBMAC &P\n"
               "         DC    C'LIB&P'\n"
               "         lowmac\n"
               "         MEND\n");
    write_file(folder, "lowmac.mac", " MACRO\n LOWMAC\n DC C'LOW'\n MEND\n");
    write_file(folder, "WRONG.mac", " MACRO\n OTHER\n MEND\n");
    struct recorder *r = run_with(" LIBMAC 1\n"
                                  " LIBMAC 2\n"
                                  " NOSUCH 3\n"
                                  " DC F'1'\n",
                                  NULL, folder);
    expect_clean(r);
    expect_ordinary(r, "         DC    C'LIB1'\n"
                       " DC C'LOW'\n"
                       "         DC    C'LIB2'\n"
                       " DC C'LOW'\n"
                       " NOSUCH 3\n"
                       " DC F'1'\n");
    recorder_free(r);
    r = run_with(" WRONG\n", NULL, folder);
    expect_diag_at(r, DIAG_ERROR, "defines macro OTHER", 2);
    expect_ordinary(r, " WRONG\n");
    recorder_free(r);
    testdir_remove(folder);
}
END_TEST

/* ---- nested definitions ----------------------------------------------------------------------------- */

START_TEST(test_nested_definition)
{
    struct recorder *r = run(" MACRO\n"
                             " OUTER &X\n"
                             " MACRO\n"
                             " INNER &X\n"
                             " DC C'IN&X'\n"
                             " MEND\n"
                             " DC C'OUT&X'\n"
                             " MEND\n"
                             " INNER A\n"
                             " OUTER B\n"
                             " INNER C\n");
    expect_clean(r);
    /* INNER does not exist before OUTER runs; its body is not substituted by OUTER */
    expect_ordinary(r, " INNER A\n DC C'OUTB'\n DC C'INC'\n");
    recorder_free(r);
}
END_TEST

/* ---- errors at the right line ------------------------------------------------------------------------ */

START_TEST(test_undefined_sequence_symbol)
{
    /* sequence symbols belong to one body: .NOWHERE of open code is not a target inside JUMP, and
       .INSIDE of JUMP is not one in open code */
    struct recorder *r = run(" MACRO\n"
                             " JUMP\n"
                             " AGO .NOWHERE\n"
                             ".INSIDE DC C'AFTER'\n"
                             " MEND\n"
                             " JUMP\n"
                             " AIF (1 EQ 1).INSIDE\n"
                             ".NOWHERE DC C'NEXT'\n");
    expect_diag_at(r, DIAG_ERROR, "undefined sequence symbol .NOWHERE", 3);
    expect_diag_at(r, DIAG_ERROR, "undefined sequence symbol .INSIDE", 7);
    ck_assert_int_eq(find_diag(r, DIAG_ERROR, ".INSIDE")->column, 14);
    ck_assert_int_eq((int)r->diags.errors, 2);
    expect_ordinary(r, "        DC C'AFTER'\n         DC C'NEXT'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_actr_exceeded_in_macro)
{
    struct recorder *r = run(" MACRO\n"
                             " SPIN\n"
                             " ACTR 10\n"
                             ".L AGO .L\n"
                             " MEND\n"
                             " SPIN\n"
                             " DC C'GO ON'\n");
    expect_diag_at(r, DIAG_ERROR, "ACTR", 4);
    ck_assert_int_eq((int)r->diags.errors, 1);
    expect_ordinary(r, " DC C'GO ON'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_actr_exceeded_in_open_code)
{
    struct recorder *r = run(" LCLA &N\n"
                             ".L ANOP\n"
                             "&N SETA &N+1\n"
                             " AIF (&N LT 5000).L\n"
                             " DC C'NOT ASSEMBLED'\n");
    expect_diag_at(r, DIAG_ERROR, "ACTR", 4);
    /* 4096 branches are allowed, the 4097th fails; what follows is only listed */
    expect_ordinary(r, "");
    ck_assert_ptr_nonnull(find_listed(r, " DC C'NOT ASSEMBLED'"));
    recorder_free(r);
}
END_TEST

START_TEST(test_actr_allows_exactly_its_count)
{
    struct recorder *r = run(" ACTR 3\n"
                             " LCLA &N\n"
                             ".L ANOP\n"
                             "&N SETA &N+1\n"
                             " AIF (&N LT 4).L\n"
                             " DC F'&N'\n");
    expect_clean(r); /* three branches: &N reaches 4 */
    expect_ordinary(r, " DC F'4'\n");
    recorder_free(r);
    r = run(" ACTR 3\n"
            " LCLA &N\n"
            ".L ANOP\n"
            "&N SETA &N+1\n"
            " AIF (&N LT 5).L\n"
            " DC F'&N'\n");
    expect_diag_at(r, DIAG_ERROR, "more than 3 AIF/AGO branches", 5); /* the fourth branch */
    expect_ordinary(r, "");
    recorder_free(r);
}
END_TEST

START_TEST(test_endless_loop_is_stopped)
{
    /* ACTR inside the loop resets the branch counter on every pass, so only the engine's overall
       limit on conditional-assembly work ends it */
    struct recorder *r = run(".L ANOP\n"
                             " ACTR 20\n"
                             " AGO .L\n"
                             " DC C'NEVER'\n");
    const struct diag *d = find_diag(r, DIAG_ERROR, "endless loop");
    ck_assert_msg(d != NULL, "got:\n%s", all_diags(r));
    ck_assert(d->line >= 1 && d->line <= 3);
    ck_assert_int_eq((int)r->diags.errors, 1);
    ck_assert_int_eq((int)r->count, 3); /* each loop statement is listed once, nothing else */
    recorder_free(r);
}
END_TEST

START_TEST(test_missing_mend)
{
    struct recorder *r = run(" DC F'1'\n"
                             " MACRO\n"
                             " NEVER\n"
                             " DC F'2'\n");
    expect_diag_at(r, DIAG_ERROR, "MACRO without MEND", 2);
    expect_ordinary(r, " DC F'1'\n");
    recorder_free(r);
}
END_TEST

START_TEST(test_undefined_variable_symbol)
{
    struct recorder *r = run(" MACRO\n"
                             " USE\n"
                             " DC F'&NOPE'\n"
                             " MEND\n"
                             " USE\n"
                             " DC F'&ALSO'\n");
    expect_diag_at(r, DIAG_ERROR, "undefined variable symbol &NOPE", 3);
    expect_diag_at(r, DIAG_ERROR, "undefined variable symbol &ALSO", 6);
    ck_assert_int_eq(find_diag(r, DIAG_ERROR, "&ALSO")->column, 7);
    ck_assert_int_eq(find_diag(r, DIAG_ERROR, "&NOPE")->column, 7);
    recorder_free(r);
}
END_TEST

START_TEST(test_too_deep_recursion)
{
    struct recorder *r = run(" MACRO\n"
                             " DEEP\n"
                             " DC C'D'\n"
                             " DEEP\n"
                             " DEEP\n"
                             " MEND\n"
                             " DEEP\n"
                             " DC C'AFTER'\n");
    expect_diag_at(r, DIAG_ERROR, "nested deeper than 100", 4);
    ck_assert_int_eq((int)r->diags.errors, 1);
    /* levels 1-100 each generate one DC, then everything unwinds to open code */
    size_t dcs = 0;
    for (size_t i = 0; i < r->count; i++)
        dcs += r->stmts[i].kind == MAC_ORDINARY && strcmp(r->stmts[i].text, " DC C'D'") == 0;
    ck_assert_int_eq((int)dcs, 100);
    ck_assert_ptr_nonnull(find_generated(r, " DC C'AFTER'"));
    recorder_free(r);
}
END_TEST

START_TEST(test_definition_errors)
{
    struct recorder *r = run(" MACRO\n"
                             " DUP &A,&B,&A\n"
                             " MEND\n"
                             " MEND\n"
                             " MEXIT\n"
                             "&X SETA 1+\n"
                             "&Y SETB (1 EQ 'A')\n"
                             "&Z SETA 'ABC'\n"
                             " MACRO\n"
                             " BAD &P=1,\n"
                             " MEND\n");
    expect_diag_at(r, DIAG_ERROR, "duplicate macro parameter &A", 2);
    ck_assert_int_eq(find_diag(r, DIAG_ERROR, "duplicate")->column, 12);
    expect_diag_at(r, DIAG_ERROR, "MEND without MACRO", 4);
    expect_diag_at(r, DIAG_ERROR, "MEXIT outside a macro", 5);
    expect_diag_at(r, DIAG_ERROR, "expression expected", 6);
    expect_diag_at(r, DIAG_ERROR, "cannot be compared", 7);
    expect_diag_at(r, DIAG_ERROR, "not a number", 8);
    expect_diag_at(r, DIAG_ERROR, "invalid macro parameter", 10);
    recorder_free(r);
}
END_TEST

START_TEST(test_bad_input_never_crashes)
{
    static const struct {
        const char *source, *message;
    } cases[] = {
        {"&\n", "'&' must start a variable symbol"},
        {"&(X) SETA 1\n", "invalid variable symbol"},
        {" AIF (\n", "expression expected"},
        {" AGO\n", "sequence symbol (.NAME) expected"},
        {" AGO (1).\n", "invalid sequence symbol"},
        {"&A SETA -----\n", "expression expected"},
        {"&C SETC (99999999)'ABCDEFGH'\n", "longer than 1024"},
        {"&C SETC 'ABC'(0,1)\n", "substring start 0"},
        {" LCLA &T(0)\n", "dimension 0 out of range"},
        {"&T(70000) SETA 1\n", "subscript 70000 out of range"},
        {" MNOTE 300,'X'\n", "severity must be 0-255"},
        {" MNOTE 4,NOQUOTE\n", "quoted MNOTE text expected"},
        {" MACRO\n", "MACRO without MEND"},
        {" MACRO\n MEND\n", "prototype statement expected"},
        {" MACRO\n&A&B X\n MEND\n", "invalid macro parameter &A&B"},
        {" MACRO\n M &A\n DC C'&A(1,2,3,4,5,6,7,8,9)'\n MEND\n M (1)\n", "too many subscripts"},
        {" MACRO\n M\n MEND\n M (1,2\n", "unbalanced parentheses"},
        {" MACRO\n M\n&Q SETC 'OPEN\n MEND\n M\n", "missing closing quote"},
        {"&X SETC 'A'\n&X SETA 1\n", "&X is a SETC symbol, not SETA"},
        {" DC C'&SYSNDX'\n", "only be used inside a macro"},
        {"&A SETA K'X\n", "K' needs a variable symbol"},
        {"&A SETA 9999999999\n", "larger than 2147483647"},
        {"&A SETA X'123456789'\n", "longer than 4 bytes"},
        {".X ANOP\n.X ANOP\n", "sequence symbol .X is defined twice"},
        {" MACRO\n M &N,&B\n&X SETA &N+1\n M &X,(&B,&B)\n MEND\n M 1,X\n", "longer than 32768 characters"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct recorder *r = run(cases[i].source);
        ck_assert_msg(find_diag(r, DIAG_ERROR, cases[i].message), "source:\n%s\nwanted \"%s\", got:\n%s",
                      cases[i].source, cases[i].message, all_diags(r));
        recorder_free(r);
    }
}
END_TEST

START_TEST(test_expression_depth_is_limited)
{
    /* 80 nested parentheses, continued from column 71 to column 16 of the next record */
    struct buf src = {0};
    buf_adds(&src, "&A SETA ");
    while (src.len < 71)
        buf_addc(&src, '(');
    buf_adds(&src, "X\n               ");
    for (int i = 0; i < 80 - 63; i++)
        buf_addc(&src, '(');
    buf_adds(&src, "1\n");
    struct recorder *r = run(buf_cstr(&src));
    ck_assert_msg(find_diag(r, DIAG_ERROR, "nested too deeply"), "got:\n%s", all_diags(r));
    ck_assert_int_eq((int)r->diags.errors, 1);
    recorder_free(r);
    buf_free(&src);
}
END_TEST

/* ---- speed --------------------------------------------------------------------------------------- */

START_TEST(test_large_source_is_fast)
{
    struct buf src = {0};
    buf_adds(&src, " MACRO\n&L TWO &A\n&L LA 1,&A\n LA 2,&A+1\n MEND\n");
    for (int i = 0; i < 100000; i++)
        if (i % 100 == 0)
            buf_printf(&src, "L%d TWO %d\n", i, i);
        else
            buf_printf(&src, "L%d LA 1,%d(0,12) remark\n", i, i);
    clock_t start = clock();
    struct recorder *r = run(buf_cstr(&src));
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    expect_clean(r);
    ck_assert_int_eq((int)r->count, 5 + 99000 + 1000 * 3);
    /* linear work is a few tens of milliseconds; anything quadratic would take minutes */
    ck_assert_msg(seconds < 5.0, "100,000 statements took %.2f s", seconds);
    recorder_free(r);
    buf_free(&src);
}
END_TEST

Suite *suite_macro(void)
{
    Suite *s = suite_create("macro");
    TCase *t = tcase_create("open code");
    tcase_add_test(t, test_open_code_passes_through);
    tcase_add_test(t, test_definition_lines_are_listed_only);
    suite_add_tcase(s, t);
    t = tcase_create("parameters");
    tcase_add_test(t, test_positional_and_keyword_parameters);
    tcase_add_test(t, test_source_macro_overrides_instruction);
    tcase_add_test(t, test_sublists_syslist_and_counts);
    tcase_add_test(t, test_substitution_details);
    tcase_add_test(t, test_name_field_parameter_and_empty_name);
    tcase_add_test(t, test_recursive_macro);
    tcase_add_test(t, test_sysndx_unique_in_nested_and_recursive_calls);
    tcase_add_test(t, test_system_variables);
    suite_add_tcase(s, t);
    t = tcase_create("conditional assembly");
    tcase_add_test(t, test_aif_loop_in_macro);
    tcase_add_test(t, test_aif_loop_in_open_code);
    tcase_add_test(t, test_computed_ago_and_mexit);
    tcase_add_test(t, test_extended_aif);
    tcase_add_test(t, test_comments_in_macro_body);
    tcase_add_test(t, test_subscripted_set_symbols);
    tcase_add_test(t, test_seta_arithmetic);
    tcase_add_test(t, test_setb_relations_and_logic);
    tcase_add_test(t, test_setc_operations);
    tcase_add_test(t, test_attributes_of_ordinary_symbols);
    tcase_add_test(t, test_length_of_undefined_symbol_warns);
    tcase_add_test(t, test_mnote_severities);
    tcase_add_test(t, test_mnote_in_open_code);
    suite_add_tcase(s, t);
    t = tcase_create("globals and libraries");
    tcase_add_test(t, test_globals_shared);
    tcase_add_test(t, test_command_line_globals);
    tcase_add_test(t, test_library_macros);
    tcase_add_test(t, test_nested_definition);
    suite_add_tcase(s, t);
    t = tcase_create("errors");
    tcase_add_test(t, test_undefined_sequence_symbol);
    tcase_add_test(t, test_actr_exceeded_in_macro);
    tcase_add_test(t, test_actr_exceeded_in_open_code);
    tcase_add_test(t, test_actr_allows_exactly_its_count);
    tcase_add_test(t, test_endless_loop_is_stopped);
    tcase_add_test(t, test_missing_mend);
    tcase_add_test(t, test_undefined_variable_symbol);
    tcase_add_test(t, test_too_deep_recursion);
    tcase_add_test(t, test_definition_errors);
    tcase_add_test(t, test_bad_input_never_crashes);
    tcase_add_test(t, test_expression_depth_is_limited);
    suite_add_tcase(s, t);
    t = tcase_create("speed");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, test_large_source_is_fast);
    suite_add_tcase(s, t);
    return s;
}
