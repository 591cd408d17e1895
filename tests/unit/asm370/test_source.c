/*
 * test_source.c - the source reader (tools/asm370/source.c): HLASM record columns, continuation and
 * the alternate format, tabs, positions, COPY members and bad bytes.  Records are built column by
 * column here, so every expected text and column follows from the HLASM layout.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/testdir.h"
#include "tools/asm370/fields.h"
#include "tools/asm370/source.h"
#include "common/util.h"

/* ---- helpers --------------------------------------------------------------------------------------- */

/* One record: text in columns 1-71 (padded), a continuation mark in column 72, sequence in 73-80. */
static void add_record(struct buf *b, const char *text, char mark, const char *sequence)
{
    size_t n = strlen(text);
    ck_assert_msg(n <= 71, "record text longer than 71 columns: %s", text);
    buf_adds(b, text);
    if (mark != ' ' || sequence) {
        for (; n < 71; n++)
            buf_addc(b, ' ');
        buf_addc(b, mark);
        if (sequence)
            buf_adds(b, sequence);
    }
    buf_addc(b, '\n');
}

struct reading {
    struct src_set set;
    struct diag_list diags;
    struct src_lines lines;
    const char *include[2];
};

static struct reading *read_text(const char *text)
{
    struct reading *r = xcalloc(1, sizeof *r);
    src_init(&r->set, r->include, 0, &r->diags);
    src_read_string(&r->set, "test.asm", text, &r->lines);
    return r;
}

static void reading_free(struct reading *r)
{
    src_lines_free(&r->lines);
    src_free(&r->set);
    diag_free(&r->diags);
    free(r);
}

static const char *diag_text(const struct diag_list *list)
{
    static char text[4096];
    text[0] = '\0';
    for (size_t i = 0; i < list->count; i++) {
        char line[512];
        diag_format(&list->items[i], line, sizeof line);
        strncat(text, line, sizeof text - strlen(text) - 2);
        strcat(text, "\n");
    }
    return text;
}

static const struct diag *find_diag(const struct diag_list *list, enum diag_severity severity, const char *text)
{
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity == severity && strstr(list->items[i].message, text))
            return &list->items[i];
    return NULL;
}

#define expect_no_diags(r) ck_assert_msg((r)->diags.count == 0, "diagnostics:\n%s", diag_text(&(r)->diags))

static void expect_position(const struct src_line *line, int offset, int want_line, int want_column)
{
    int l, c;
    src_position(line, offset, &l, &c);
    ck_assert_msg(l == want_line && c == want_column, "offset %d maps to %d:%d, wanted %d:%d", offset, l, c,
                  want_line, want_column);
}

static char *make_folder(void)
{
    char *folder = xmalloc(64);
    testdir_create(folder, 64, "asm370-src-");
    return folder;
}

static char *write_file(const char *folder, const char *name, const char *text, size_t len)
{
    char *path = xasprintf("%s/%s", folder, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(text, 1, len, f);
    fclose(f);
    return path;
}

static void write_text(const char *folder, const char *name, const char *text)
{
    free(write_file(folder, name, text, strlen(text)));
}

static void remove_folder(char *folder)
{
    testdir_remove(folder);
    free(folder);
}

/* ---- records and continuation ------------------------------------------------------------------- */

START_TEST(test_plain_records)
{
    struct buf b = {0};
    add_record(&b, "LABEL    LA    1,2", ' ', "SEQ00010"); /* sequence field ignored */
    buf_adds(&b, " BR 14   \r\n");                         /* CR and trailing blanks dropped */
    buf_adds(&b, "\n");
    buf_adds(&b, "* last, no newline");
    struct reading *r = read_text(buf_cstr(&b));
    expect_no_diags(r);
    ck_assert_int_eq((int)r->lines.count, 4);
    ck_assert_str_eq(r->lines.lines[0].text, "LABEL    LA    1,2");
    ck_assert_str_eq(r->lines.lines[1].text, " BR 14");
    ck_assert_str_eq(r->lines.lines[2].text, "");
    ck_assert_str_eq(r->lines.lines[3].text, "* last, no newline");
    ck_assert_int_eq(r->lines.lines[3].line, 4);
    ck_assert_str_eq(src_file_name(&r->set, r->lines.lines[0].file), "test.asm");
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_tabs_expand_to_multiples_of_eight)
{
    struct reading *r = read_text("\tDC\tF'1'\nAB\tC\n");
    expect_no_diags(r);
    ck_assert_str_eq(r->lines.lines[0].text, "        DC      F'1'");
    ck_assert_str_eq(r->lines.lines[1].text, "AB      C");
    expect_position(&r->lines.lines[0], 16, 1, 17); /* the F after two tabs is in column 17 */
    reading_free(r);
}
END_TEST

START_TEST(test_string_continues_in_column_16)
{
    /* the quoted string runs to column 71 and goes on directly with column 16 of the next record */
    struct buf b = {0};
    const char *first = "         DC    C'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQR";
    ck_assert_int_eq((int)strlen(first), 71);
    add_record(&b, first, 'X', "00000010");
    add_record(&b, "               MORE'", ' ', NULL);
    struct reading *r = read_text(buf_cstr(&b));
    expect_no_diags(r);
    ck_assert_int_eq((int)r->lines.count, 1);
    const struct src_line *l = &r->lines.lines[0];
    char *want = xasprintf("%sMORE'", first);
    ck_assert_str_eq(l->text, want);
    ck_assert_int_eq(l->npieces, 2);
    ck_assert_int_eq(l->pieces[1].offset, 71);
    ck_assert_int_eq(l->pieces[1].line, 2);
    ck_assert_int_eq(l->pieces[1].column, 16);
    expect_position(l, 70, 1, 71);
    expect_position(l, 72, 2, 17);
    struct stmt_fields f;
    fields_split(l->text, &f);
    ck_assert_int_eq(f.operands_len, 71 - 15 + 5);
    free(want);
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_remarks_continue)
{
    struct buf b = {0};
    add_record(&b, "         LA    1,2          this remark runs on", 'X', NULL);
    add_record(&b, "               to the next record", ' ', NULL);
    struct reading *r = read_text(buf_cstr(&b));
    expect_no_diags(r);
    struct stmt_fields f;
    fields_split(r->lines.lines[0].text, &f);
    ck_assert_int_eq(f.operands_len, 3); /* operands 1,2: the rest is remarks */
    ck_assert_ptr_nonnull(strstr(r->lines.lines[0].text, "runs on"));
    ck_assert_ptr_nonnull(strstr(r->lines.lines[0].text, "to the next record"));
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_alternate_format)
{
    struct buf b = {0};
    add_record(&b, "         MYMAC A=1,       first remark", 'X', NULL);
    add_record(&b, "               B=2,     second remark", 'X', NULL);
    add_record(&b, "               'X, Y',  third remark", 'X', NULL);
    add_record(&b, "               C=3      last remark", ' ', NULL);
    add_record(&b, "         END", ' ', NULL);
    struct reading *r = read_text(buf_cstr(&b));
    expect_no_diags(r);
    ck_assert_int_eq((int)r->lines.count, 2);
    const struct src_line *l = &r->lines.lines[0];
    ck_assert_str_eq(l->text, "         MYMAC A=1,B=2,'X, Y',C=3      last remark");
    ck_assert_int_eq(l->npieces, 4);
    ck_assert_int_eq(r->lines.lines[1].line, 5);
    /* offsets 19 (B) and 23 ('X, Y') start records 2 and 3 in column 16; C=3 starts at 30 */
    expect_position(l, 18, 1, 19);
    expect_position(l, 19, 2, 16);
    expect_position(l, 20, 2, 17);
    expect_position(l, 23, 3, 16);
    expect_position(l, 30, 4, 16);
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_continuation_warnings_and_errors)
{
    struct buf b = {0};
    add_record(&b, "         LA    1,                                    ", 'X', NULL);
    add_record(&b, "XX             2", ' ', NULL);
    add_record(&b, "         LA    3,4", 'C', NULL); /* continued, but the file ends */
    struct reading *r = read_text(buf_cstr(&b));
    const struct diag *d = find_diag(&r->diags, DIAG_WARNING, "continuation record should be blank");
    ck_assert_msg(d != NULL, "no warning; got:\n%s", diag_text(&r->diags));
    ck_assert_int_eq(d->line, 2);
    ck_assert_int_eq(d->column, 1);
    d = find_diag(&r->diags, DIAG_ERROR, "continuation record was expected");
    ck_assert_msg(d != NULL, "no error; got:\n%s", diag_text(&r->diags));
    ck_assert_int_eq(d->line, 3);
    ck_assert_str_eq(r->lines.lines[0].text, "         LA    1,2");
    ck_assert_int_eq((int)r->lines.count, 2);
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_operands_must_go_on_in_column_16)
{
    struct buf b = {0};
    add_record(&b, "         MYMAC A=1,       remark", 'X', NULL);
    add_record(&b, "                B=2", ' ', NULL); /* column 17: taken as remarks */
    add_record(&b, "         DC    C'A,", 'X', NULL);  /* a comma inside a string: no warning */
    add_record(&b, "                B'", ' ', NULL);
    struct reading *r = read_text(buf_cstr(&b));
    ck_assert_int_eq((int)r->diags.count, 1);
    const struct diag *d = find_diag(&r->diags, DIAG_WARNING, "does not start in column 16");
    ck_assert_msg(d != NULL, "no warning; got:\n%s", diag_text(&r->diags));
    ck_assert_int_eq(d->line, 2);
    ck_assert_str_eq(r->lines.lines[0].text, "         MYMAC A=1, B=2");
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_text_beyond_column_80)
{
    struct buf b = {0};
    buf_adds(&b, " LA 1,2");
    for (int i = 0; i < 100000; i++)
        buf_addc(&b, i < 80 ? ' ' : 'Z');
    buf_addc(&b, '\n');
    struct reading *r = read_text(buf_cstr(&b));
    const struct diag *d = find_diag(&r->diags, DIAG_WARNING, "beyond column 80");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->column, 88);
    ck_assert_str_eq(r->lines.lines[0].text, " LA 1,2");
    reading_free(r);
    buf_free(&b);
}
END_TEST

START_TEST(test_empty_input)
{
    struct reading *r = read_text("");
    expect_no_diags(r);
    ck_assert_int_eq((int)r->lines.count, 0);
    reading_free(r);
}
END_TEST

START_TEST(test_nul_byte_is_an_error)
{
    char *folder = make_folder();
    char *path = write_file(folder, "nul.asm", " LA 1,2\nAB\0CD\n", 14);
    struct reading *r = xcalloc(1, sizeof *r);
    src_init(&r->set, r->include, 0, &r->diags);
    ck_assert(src_read_file(&r->set, path, &r->lines));
    const struct diag *d = find_diag(&r->diags, DIAG_ERROR, "NUL");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->line, 2);
    ck_assert_int_eq(d->column, 3);
    ck_assert_str_eq(r->lines.lines[1].text, "AB CD");
    reading_free(r);
    free(path);
    remove_folder(folder);
}
END_TEST

START_TEST(test_missing_file)
{
    struct reading *r = xcalloc(1, sizeof *r);
    src_init(&r->set, r->include, 0, &r->diags);
    ck_assert(!src_read_file(&r->set, "/nonexistent/x.asm", &r->lines));
    ck_assert_ptr_nonnull(find_diag(&r->diags, DIAG_ERROR, "/nonexistent/x.asm"));
    reading_free(r);
}
END_TEST

/* ---- COPY ------------------------------------------------------------------------------------------ */

START_TEST(test_copy_members)
{
    char *folder = make_folder(), *lib = make_folder();
    write_text(folder, "MEMBER.cpy", "* member line 1\n LA 2,2\n");
    write_text(lib, "incl.asm", "* from the library\n");
    const char *main_text = " LA 1,1\n COPY MEMBER\n copy Incl\n LA 3,3\n";
    char *path = write_file(folder, "main.asm", main_text, strlen(main_text));
    struct reading *r = xcalloc(1, sizeof *r);
    r->include[0] = lib;
    src_init(&r->set, r->include, 1, &r->diags);
    ck_assert(src_read_file(&r->set, path, &r->lines));
    expect_no_diags(r);
    static const char *const want[] = {" LA 1,1", " COPY MEMBER", "* member line 1", " LA 2,2", " copy Incl",
                                       "* from the library", " LA 3,3"};
    static const int want_line[] = {1, 2, 1, 2, 3, 1, 4};
    ck_assert_int_eq((int)r->lines.count, 7);
    for (int i = 0; i < 7; i++) {
        ck_assert_str_eq(r->lines.lines[i].text, want[i]);
        ck_assert_int_eq(r->lines.lines[i].line, want_line[i]);
    }
    const char *member_file = src_file_name(&r->set, r->lines.lines[2].file);
    ck_assert_ptr_nonnull(strstr(member_file, "/MEMBER.cpy"));
    ck_assert_ptr_nonnull(strstr(src_file_name(&r->set, r->lines.lines[5].file), "/incl.asm"));
    ck_assert_str_eq(src_file_name(&r->set, r->lines.lines[6].file), path);
    reading_free(r);
    free(path);
    remove_folder(folder);
    remove_folder(lib);
}
END_TEST

START_TEST(test_copy_not_found)
{
    struct reading *r = read_text(" LA 1,1\n\n         COPY  NOSUCH\n LA 2,2\n");
    const struct diag *d = find_diag(&r->diags, DIAG_ERROR, "NOSUCH");
    ck_assert_msg(d != NULL, "no error; got:\n%s", diag_text(&r->diags));
    ck_assert_int_eq(d->line, 3);
    ck_assert_int_eq(d->column, 16);
    ck_assert_int_eq((int)r->lines.count, 4);
    reading_free(r);
}
END_TEST

START_TEST(test_copy_recursion_is_refused)
{
    char *folder = make_folder();
    write_text(folder, "SELF.cpy", " COPY SELF\n");
    write_text(folder, "A.cpy", " LA 1,1\n COPY B\n");
    write_text(folder, "B.cpy", " COPY A\n");
    char *path = write_file(folder, "main.asm", " COPY SELF\n COPY A\n", 19);
    struct reading *r = xcalloc(1, sizeof *r);
    src_init(&r->set, r->include, 0, &r->diags);
    ck_assert(src_read_file(&r->set, path, &r->lines));
    ck_assert_int_eq((int)r->diags.errors, 2);
    const struct diag *d = find_diag(&r->diags, DIAG_ERROR, "COPY member SELF copies itself");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->line, 1);
    ck_assert_ptr_nonnull(strstr(d->file, "SELF.cpy"));
    d = find_diag(&r->diags, DIAG_ERROR, "COPY member A copies itself");
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_nonnull(strstr(d->file, "B.cpy"));
    reading_free(r);
    free(path);
    remove_folder(folder);
}
END_TEST

START_TEST(test_copy_depth_limit)
{
    char *folder = make_folder();
    for (int i = 1; i <= 20; i++) {
        char name[16], text[32];
        snprintf(name, sizeof name, "M%d.cpy", i);
        snprintf(text, sizeof text, " COPY M%d\n", i + 1);
        write_text(folder, name, text);
    }
    char *path = write_file(folder, "main.asm", " COPY M1\n", 9);
    struct reading *r = xcalloc(1, sizeof *r);
    src_init(&r->set, r->include, 0, &r->diags);
    ck_assert(src_read_file(&r->set, path, &r->lines));
    /* main.asm, then M1...M16 are read; the COPY M17 in M16 is refused */
    const struct diag *d = find_diag(&r->diags, DIAG_ERROR, "deeper than 16");
    ck_assert_msg(d != NULL, "no error; got:\n%s", diag_text(&r->diags));
    ck_assert_ptr_nonnull(strstr(d->file, "/M16.cpy"));
    ck_assert_int_eq((int)r->diags.errors, 1);
    ck_assert_int_eq((int)r->lines.count, 17);
    reading_free(r);
    free(path);
    remove_folder(folder);
}
END_TEST

START_TEST(test_macro_library_lookup)
{
    char *lib = make_folder();
    write_text(lib, "LIBX.mac", " MACRO\n LIBX\n MEND");
    struct reading *r = xcalloc(1, sizeof *r);
    r->include[0] = lib;
    src_init(&r->set, r->include, 1, &r->diags);
    ck_assert(src_read_macro(&r->set, "libx", &r->lines));
    ck_assert_int_eq((int)r->lines.count, 3);
    ck_assert_str_eq(r->lines.lines[2].text, " MEND");
    ck_assert(!src_read_macro(&r->set, "NONE", &r->lines));
    ck_assert(!src_read_macro(&r->set, "../etc", &r->lines));
    expect_no_diags(r);
    reading_free(r);
    remove_folder(lib);
}
END_TEST

Suite *suite_source(void)
{
    Suite *s = suite_create("source");
    TCase *t = tcase_create("records");
    tcase_add_test(t, test_plain_records);
    tcase_add_test(t, test_tabs_expand_to_multiples_of_eight);
    tcase_add_test(t, test_string_continues_in_column_16);
    tcase_add_test(t, test_remarks_continue);
    tcase_add_test(t, test_alternate_format);
    tcase_add_test(t, test_continuation_warnings_and_errors);
    tcase_add_test(t, test_operands_must_go_on_in_column_16);
    tcase_add_test(t, test_text_beyond_column_80);
    tcase_add_test(t, test_empty_input);
    tcase_add_test(t, test_nul_byte_is_an_error);
    tcase_add_test(t, test_missing_file);
    suite_add_tcase(s, t);
    t = tcase_create("copy");
    tcase_add_test(t, test_copy_members);
    tcase_add_test(t, test_copy_not_found);
    tcase_add_test(t, test_copy_recursion_is_refused);
    tcase_add_test(t, test_copy_depth_limit);
    tcase_add_test(t, test_macro_library_lookup);
    suite_add_tcase(s, t);
    return s;
}
