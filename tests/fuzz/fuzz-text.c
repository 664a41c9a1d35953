/* fuzz-text.c: the sanitiser and the folds every name goes through.
 * text_visible must always give valid UTF-8 with no control character,
 * C1 or bidi formatting: what the terminal is shown. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/partner.h"
#include "ally/text.h"

static void must_be_visible(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			abort();
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			abort();
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_text(data, size), *v;
	struct ally_err err;

	for (int keep = 0; keep <= 1; keep++) {
		v = text_visible(s, keep);
		must_be_visible(v);
		if (!keep && strchr(v, '\n') != NULL)
			abort();
		free(v);
	}
	free(text_fold(s));
	free(text_sort_key(s));
	text_check(s, "name", 200, false, &err);
	text_check(s, "notes", 10000, true, &err);
	free(s);
	return 0;
}
