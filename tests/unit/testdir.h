/*
 * testdir.h - scratch folders for unit tests: created under /tmp with a recognisable prefix and
 * removed with everything in them, without a shell.
 */
#ifndef TESTS_TESTDIR_H
#define TESTS_TESTDIR_H

#include <stddef.h>

/* Create /tmp/PREFIXxxxxxx and put its path in path (size bytes); fails the test if it cannot. */
void testdir_create(char *path, size_t size, const char *prefix);
/* Remove the folder and everything below it; fails the test if something cannot be removed. */
void testdir_remove(const char *path);

#endif
