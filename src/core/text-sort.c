/* text-sort.c: the order names are listed in.  Identity is text_fold
 * (case only); order also lets accented Latin letters sit with their base
 * letter, as a reader expects: Émile between Emil and Emily, not after Z. */
#include "ally/text.h"

#include <stdlib.h>
#include <string.h>

#include "ally/util.h"
#include "latin-base.h"

/* The ASCII letters a folded Latin letter sorts with, or NULL. */
static const char *latin_base(uint32_t cp)
{
	size_t lo = 0, hi = sizeof latin_bases / sizeof latin_bases[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (latin_bases[mid].cp == cp)
			return latin_bases[mid].base;
		if (latin_bases[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool is_combining_diacritic(uint32_t cp)
{
	return cp >= 0x0300 && cp <= 0x036f;
}

char *text_sort_key(const char *s)
{
	char *fold = text_fold(s);
	struct buf b;
	const char *p = fold;

	buf_init(&b);
	while (*p != '\0') {
		uint32_t cp;
		size_t n = utf8_decode(p, &cp);
		const char *base;

		if (n == 0) {
			buf_add(&b, p++, 1);
			continue;
		}
		if ((base = latin_base(cp)) != NULL)
			buf_puts(&b, base);
		else if (!is_combining_diacritic(cp))
			buf_add(&b, p, n);
		p += n;
	}
	/* \1 sorts below every character, so a shorter primary key comes
	 * first; equal primaries fall back to the exact folded name. */
	buf_putc(&b, '\1');
	buf_puts(&b, fold);
	free(fold);
	return buf_take(&b);
}

int text_fold_cmp(const char *a, const char *b)
{
	char *ka = text_sort_key(a), *kb = text_sort_key(b);
	int c = strcmp(ka, kb); /* strcmp compares bytes as unsigned char */

	free(ka);
	free(kb);
	return c;
}
