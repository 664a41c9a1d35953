/* contact.c: the people at a partner, and who counts as executive sponsor. */
#include <stdlib.h>
#include <string.h>

#include "ally/err.h"
#include "ally/partner.h"
#include "ally/util.h"
#include "core.h"

void contact_init(struct contact *c)
{
	memset(c, 0, sizeof *c);
}

void contact_finish(struct contact *c)
{
	free(c->name);
	free(c->role);
	free(c->email);
	free(c->phone);
	contact_init(c);
}

/* Not a full RFC 5322 check, which would refuse little that matters: one
 * '@' with something on both sides and no spaces catches the typos. */
static int check_email(const char *s, struct ally_err *err)
{
	char q[QUOTE_BUFSZ];
	const char *at;

	if (s == NULL || *s == '\0')
		return ALLY_OK;
	at = strchr(s, '@');
	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') != NULL ||
	    strchr(s, ' ') != NULL)
		return ally_err_set(err, ALLY_EUSER, "email", "'%s' is not an email address",
				    quote(s, q));
	return ALLY_OK;
}

int contact_set_field(struct contact *c, const char *field, const char *value, struct ally_err *err)
{
	int rc;

	if (strcmp(field, "name") == 0)
		return set_text(&c->name, value, field, PARTNER_NAME_MAX, false, true, err);
	if (strcmp(field, "role") == 0)
		return set_text(&c->role, value, field, TEXT_LINE_MAX, false, false, err);
	if (strcmp(field, "email") == 0) {
		rc = check_email(value, err);
		return rc != ALLY_OK ? rc
				     : set_text(&c->email, value, field, TEXT_LINE_MAX, false,
						false, err);
	}
	if (strcmp(field, "phone") == 0)
		return set_text(&c->phone, value, field, TEXT_LINE_MAX, false, false, err);
	return ally_err_set(err, ALLY_EUSER, field, "no such field");
}

int contact_validate(const struct contact *c, struct ally_err *err)
{
	int rc = ALLY_OK;

	if (c->name == NULL || *c->name == '\0')
		return ally_err_set(err, ALLY_EUSER, "name", "must not be empty");
	rc = text_check(c->name, "name", PARTNER_NAME_MAX, false, err);
	if (rc == ALLY_OK)
		rc = text_check(c->role, "role", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = text_check(c->email, "email", TEXT_LINE_MAX, false, err);
	if (rc == ALLY_OK)
		rc = check_email(c->email, err);
	if (rc == ALLY_OK)
		rc = text_check(c->phone, "phone", TEXT_LINE_MAX, false, err);
	return rc;
}

/* The role folded to lower case with '-' and '_' as single spaces, so
 * that "Executive_Sponsor" and "executive  sponsor" read alike. */
static char *fold_role(const char *role)
{
	char *out = xmalloc(strlen(role) + 1);
	size_t o = 0;

	for (; *role != '\0'; role++) {
		char ch = *role;

		if (ch == '-' || ch == '_' || ch == '\t')
			ch = ' ';
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch + ('a' - 'A'));
		if (ch == ' ' && (o == 0 || out[o - 1] == ' '))
			continue;
		out[o++] = ch;
	}
	out[o] = '\0';
	return out;
}

bool contact_is_exec_sponsor(const char *role)
{
	char *f;
	bool yes;

	if (role == NULL)
		return false;
	f = fold_role(role);
	yes = strstr(f, "executive sponsor") != NULL || strstr(f, "exec sponsor") != NULL;
	free(f);
	return yes;
}
