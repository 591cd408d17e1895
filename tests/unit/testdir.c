/*
 * testdir.c - scratch folders for unit tests (see testdir.h).
 */
#define _XOPEN_SOURCE 700
#include "tests/unit/testdir.h"

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

void testdir_create(char *path, size_t size, const char *prefix)
{
    int n = snprintf(path, size, "/tmp/%sXXXXXX", prefix);
    ck_assert_msg(n > 0 && (size_t)n < size, "scratch folder name too long for its buffer");
    ck_assert_msg(mkdtemp(path) != NULL, "cannot create the scratch folder %s", path);
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    return remove(path);
}

void testdir_remove(const char *path)
{
    ck_assert_msg(nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0, "cannot remove %s", path);
}
