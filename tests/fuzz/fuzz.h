/* fuzz.h: what a fuzz target is.  Each file of tests/fuzz defines
 * LLVMFuzzerTestOneInput; built with clang's -fsanitize=fuzzer
 * (-Dfuzzer=true) it is a libFuzzer target, else replay.c gives it a main
 * that runs it once per file of a corpus, so that the seeds and every
 * input that ever crashed it are run by `meson test`. */
#ifndef ALLY_FUZZ_H
#define ALLY_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* data as a NUL-terminated string (a NUL inside ends it early); the
 * caller frees. */
char *fuzz_text(const uint8_t *data, size_t size);

#endif
