/* tmpdir.h: removing the temporary directories tests and benchmarks make. */
#ifndef ALLY_TEST_TMPDIR_H
#define ALLY_TEST_TMPDIR_H

/* Remove dir and everything below it, without following symbolic links
 * and without a shell.  Returns 0, or -1 when something could not be
 * removed (the test's result does not depend on it). */
int tmpdir_remove(const char *dir);

#endif
