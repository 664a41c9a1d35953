/* enums.c: parsing the text names of ally's enumerations. */
#include "ally/enums.h"

#include "ally/util.h"
#include "core.h"

static int fold(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c + ('a' - 'A');
	return c == '-' ? '_' : c;
}

/* Equal ignoring ASCII case, with '-' standing for '_'. */
static bool name_eq(const char *name, const char *s)
{
	for (; *name != '\0' && *s != '\0'; name++, s++)
		if (fold((unsigned char)*name) != fold((unsigned char)*s))
			return false;
	return *name == '\0' && *s == '\0';
}

int enum_parse(const char *const *names, const char *s)
{
	if (s == NULL || *s == '\0')
		return -1;
	for (int i = 0; names[i] != NULL; i++)
		if (name_eq(names[i], s))
			return i;
	return -1;
}

int enum_parse_field(const char *const *names, const char *s, const char *field,
		     struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	struct buf list;
	int v = enum_parse(names, s);

	if (v >= 0)
		return v;
	buf_init(&list);
	for (int i = 0; names[i] != NULL; i++) {
		if (i > 0)
			buf_puts(&list, ", ");
		buf_puts(&list, names[i]);
	}
	ally_err_set(err, ALLY_EUSER, field, "'%s' is not one of: %s", quote(s, q), list.data);
	buf_finish(&list);
	return -1;
}

const char *enum_name(const char *const *names, int v)
{
	if (v < 0 || v >= enum_count(names))
		return NULL;
	return names[v];
}

int enum_count(const char *const *names)
{
	int n = 0;

	while (names[n] != NULL)
		n++;
	return n;
}
