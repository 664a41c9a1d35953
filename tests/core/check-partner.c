/* check-partner.c: partner fields, names, free texts and contacts. */
#include <stdio.h>
#include <string.h>

#include "ally/partner.h"
#include "ally/util.h"
#include "core-test.h"

/* n copies of a character written as UTF-8 bytes. */
static char *repeat(const char *ch, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, ch);
	return buf_take(&b);
}

static void expect_set(struct partner *p, const char *field, const char *value, bool phase_ok)
{
	struct ally_err err;

	ally_err_clear(&err);
	ck_assert_msg(partner_set_field(p, field, value, phase_ok, &err) == ALLY_OK,
		      "%s=%s refused: %s", field, value, err.msg);
}

static void expect_set_err(struct partner *p, const char *field, const char *value,
			   bool phase_ok, const char *want)
{
	struct ally_err err;
	int rc;

	ally_err_clear(&err);
	rc = partner_set_field(p, field, value, phase_ok, &err);
	ck_assert_user_err(rc, err, want);
}

START_TEST(init_defaults)
{
	struct partner p;

	partner_init(&p);
	ck_assert_int_eq(p.id, 0);
	ck_assert_ptr_null(p.name);
	ck_assert_int_eq(p.type, -1);
	ck_assert_int_eq(p.phase, PHASE_PROSPECT);
	ck_assert_int_eq(p.origin, -1);
	ck_assert_int_eq(p.power, -1);
	ck_assert_int_eq(p.goal, -1);
	ck_assert_int_eq(p.health, -1);
	ck_assert_int_eq(p.status_date, DATE_NONE);
	ck_assert_int_eq(p.score_w, -1);
	ck_assert_int_eq(p.score_date, DATE_NONE);
	partner_finish(&p);
	partner_finish(&p); /* finish leaves an empty partner: twice is safe */
}
END_TEST

START_TEST(set_every_field)
{
	struct partner p;

	partner_init(&p);
	expect_set(&p, "name", "Acme Corp", false);
	expect_set(&p, "type", "technology", false);
	expect_set(&p, "phase", "Ramp-Up", true);
	expect_set(&p, "owner", "ana", false);
	expect_set(&p, "origin", "bd_outreach", false);
	expect_set(&p, "power", "small_fish", false);
	expect_set(&p, "goal", "both", false);
	expect_set(&p, "value_partner", "reach\nour customers", false);
	expect_set(&p, "value_us", "their integration", false);
	expect_set(&p, "value_together", "a joint offer", false);
	expect_set(&p, "region", "EMEA", false);
	expect_set(&p, "website", "https://acme.example", false);
	expect_set(&p, "notes", "line one\n\tline two", false);
	ck_assert_str_eq(p.name, "Acme Corp");
	ck_assert_int_eq(p.type, PTYPE_TECHNOLOGY);
	ck_assert_int_eq(p.phase, PHASE_RAMP_UP);
	ck_assert_str_eq(p.owner, "ana");
	ck_assert_int_eq(p.origin, ORIGIN_BD_OUTREACH);
	ck_assert_int_eq(p.power, POWER_SMALL_FISH);
	ck_assert_int_eq(p.goal, GOAL_BOTH);
	ck_assert_str_eq(p.value_partner, "reach\nour customers");
	ck_assert_str_eq(p.region, "EMEA");
	ck_assert_str_eq(p.notes, "line one\n\tline two");
	ck_assert_int_eq(partner_validate(&p, NULL), ALLY_OK);
	for (int i = 0; partner_fields[i] != NULL; i++)
		ck_assert_int_eq(partner_set_field(&p, partner_fields[i], "", true, NULL) != 0,
				 strcmp(partner_fields[i], "name") == 0 ||
					 strcmp(partner_fields[i], "type") == 0 ||
					 strcmp(partner_fields[i], "phase") == 0);
	partner_finish(&p);
}
END_TEST

/* Owners are matched by a trimmed key, so they are stored trimmed too. */
START_TEST(owner_is_trimmed_like_a_name)
{
	struct partner p;

	partner_init(&p);
	expect_set(&p, "owner", "  Bob \t", false);
	ck_assert_str_eq(p.owner, "Bob");
	expect_set(&p, "owner", "   ", false);
	ck_assert_ptr_null(p.owner);
	partner_finish(&p);
}
END_TEST

START_TEST(set_empty_clears_optional_fields)
{
	struct partner p;

	partner_init(&p);
	expect_set(&p, "origin", "other", false);
	expect_set(&p, "region", "APAC", false);
	expect_set(&p, "origin", "", false);
	expect_set(&p, "region", "", false);
	ck_assert_int_eq(p.origin, -1);
	ck_assert_ptr_null(p.region);
	expect_set_err(&p, "type", "", false, "type: must not be empty");
	expect_set_err(&p, "name", "", false, "name: must not be empty");
	partner_finish(&p);
}
END_TEST

START_TEST(set_refuses_bad_values_and_keeps_the_old)
{
	struct partner p;

	partner_init(&p);
	expect_set(&p, "type", "channel", false);
	expect_set(&p, "region", "EMEA", false);
	expect_set_err(&p, "type", "foo", false,
		       "type: 'foo' is not one of: strategic_alliance, channel, technology, "
		       "co_marketing, referral, joint_venture");
	expect_set_err(&p, "region", "EMEA\nAPAC", false,
		       "region: contains a control character (U+000A)");
	expect_set_err(&p, "power", "whale", false,
		       "power: 'whale' is not one of: big_fish, small_fish, equal");
	ck_assert_int_eq(p.type, PTYPE_CHANNEL);
	ck_assert_str_eq(p.region, "EMEA");
	partner_finish(&p);
}
END_TEST

START_TEST(set_refuses_read_only_and_unknown_fields)
{
	struct partner p;

	partner_init(&p);
	expect_set_err(&p, "phase", "launch", false, "phase: is read-only (use ally advance)");
	ck_assert_int_eq(p.phase, PHASE_PROSPECT);
	expect_set_err(&p, "health", "red", false, "health: is read-only (use ally status)");
	expect_set_err(&p, "score", "80", false, "score: is read-only (use ally score)");
	expect_set_err(&p, "id", "3", false, "id: is read-only");
	expect_set_err(&p, "colour", "blue", false, "colour: no such field");
	expect_set_err(&p, "phase", "someday", true,
		       "phase: 'someday' is not one of: prospect, proposal, negotiation, launch, "
		       "ramp_up, steady_state, renewal, expansion, exit");
	partner_finish(&p);
}
END_TEST

START_TEST(name_is_trimmed)
{
	struct partner p;

	partner_init(&p);
	expect_set(&p, "name", "  Acme  ", false);
	ck_assert_str_eq(p.name, "Acme");
	expect_set_err(&p, "name", "   ", false, "name: must not be empty");
	ck_assert_str_eq(p.name, "Acme");
	/* The same white space text_fold ignores, so the stored name and its
	 * key agree; inner spaces stay. */
	expect_set(&p, "name", "\xc2\xa0" "Acme  Corp\t", false);
	ck_assert_str_eq(p.name, "Acme  Corp");
	expect_set_err(&p, "name", "\xe3\x80\x80 \n", false, "name: must not be empty");
	ck_assert_str_eq(p.name, "Acme  Corp");
	partner_finish(&p);
}
END_TEST

START_TEST(name_counts_characters_not_bytes)
{
	struct ally_err err;
	char *ok = repeat("\xc3\xa9", 200);         /* é: 2 bytes */
	char *long_ = repeat("\xc3\xa9", 201);
	char *wide = repeat("\xf0\x9f\x9a\x80", 200); /* rocket: 4 bytes */
	char *ascii = repeat("a", 201);
	int rc;

	ck_assert_int_eq(partner_check_name(ok, &err), ALLY_OK);
	ck_assert_int_eq(partner_check_name(wide, &err), ALLY_OK);
	ck_assert_int_eq(partner_check_name("A", &err), ALLY_OK);
	rc = partner_check_name(long_, &err);
	ck_assert_user_err(rc, err, "name: is longer than 200 characters (201)");
	rc = partner_check_name(ascii, &err);
	ck_assert_user_err(rc, err, "name: is longer than 200 characters (201)");
	rc = partner_check_name("", &err);
	ck_assert_user_err(rc, err, "name: must not be empty");
	rc = partner_check_name(" ", &err);
	ck_assert_user_err(rc, err, "name: must not be empty");
	rc = partner_check_name(NULL, &err);
	ck_assert_user_err(rc, err, "name: must not be empty");
	rc = partner_check_name("Acme\xff", &err);
	ck_assert_user_err(rc, err, "name: is not valid UTF-8");
	rc = partner_check_name("Acme\x1b[31m", &err);
	ck_assert_user_err(rc, err, "name: contains a control character (U+001B)");
	free(ok);
	free(long_);
	free(wide);
	free(ascii);
}
END_TEST

START_TEST(text_checks)
{
	struct ally_err err;
	int rc;

	ck_assert_int_eq(text_check(NULL, "notes", 5, true, &err), ALLY_OK);
	ck_assert_int_eq(text_check("", "notes", 5, true, &err), ALLY_OK);
	ck_assert_int_eq(text_check("abcde", "notes", 5, false, &err), ALLY_OK);
	rc = text_check("abcdef", "notes", 5, false, &err);
	ck_assert_user_err(rc, err, "notes: is longer than 5 characters (6)");
	ck_assert_int_eq(text_check("a\nb\tc", "notes", 10, true, &err), ALLY_OK);
	rc = text_check("a\tb", "region", 10, false, &err);
	ck_assert_user_err(rc, err, "region: contains a control character (U+0009)");
	rc = text_check("a\rb", "notes", 10, true, &err);
	ck_assert_user_err(rc, err, "notes: contains a control character (U+000D)");
	rc = text_check("a\x7f", "notes", 10, true, &err);
	ck_assert_user_err(rc, err, "notes: contains a control character (U+007F)");
	rc = text_check("a\xc2\x9b", "notes", 10, true, &err); /* C1: CSI */
	ck_assert_user_err(rc, err, "notes: contains a control character (U+009B)");
	/* An overlong '/', a surrogate, a cut sequence, past U+10FFFF. */
	ck_assert_int_eq(text_check("\xc0\xaf", "notes", 10, true, &err), ALLY_EUSER);
	ck_assert_int_eq(text_check("\xed\xa0\x80", "notes", 10, true, &err), ALLY_EUSER);
	ck_assert_int_eq(text_check("ab\xe2\x82", "notes", 10, true, &err), ALLY_EUSER);
	ck_assert_int_eq(text_check("\xf4\x90\x80\x80", "notes", 10, true, &err), ALLY_EUSER);
	ck_assert_str_eq(err.msg, "notes: is not valid UTF-8");
	ck_assert_int_eq(text_check("東京 \xf0\x9f\x9a\x80 Müller", "notes", 11, false, &err),
			 ALLY_OK);
}
END_TEST

START_TEST(one_line_texts_refuse_invisible_formatting)
{
	static const struct {
		const char *text;
		const char *cp;
	} bad[] = {
		{ "Acme\xe2\x80\xae" "gnp", "U+202E" },   /* right-to-left override */
		{ "\xe2\x80\xaa" "Acme", "U+202A" },      /* left-to-right embedding */
		{ "Ac\xe2\x80\x8bme", "U+200B" },          /* zero-width space */
		{ "Acme\xe2\x80\x8e", "U+200E" },          /* left-to-right mark */
		{ "Acme\xe2\x80\x8f", "U+200F" },          /* right-to-left mark */
		{ "A\xe2\x81\xa0" "cme", "U+2060" },       /* word joiner */
		{ "A\xe2\x81\xa4" "cme", "U+2064" },       /* invisible plus */
		{ "\xe2\x81\xa6" "Acme", "U+2066" },       /* left-to-right isolate */
		{ "Acme\xe2\x81\xa9", "U+2069" },          /* pop directional isolate */
		{ "\xef\xbb\xbf" "Acme", "U+FEFF" },       /* zero-width no-break space */
		{ "Acme\xd8\x9c", "U+061C" },            /* Arabic letter mark */
		{ "Ac\xc2\xadme", "U+00AD" },             /* soft hyphen */
		{ "Acme\xcd\x8f", "U+034F" },            /* combining grapheme joiner */
		{ "Acme \xe1\x85\x9f", "U+115F" },       /* Hangul choseong filler */
		{ "Acme\xe1\xa0\x8e", "U+180E" },        /* Mongolian vowel separator */
		{ "\xe3\x85\xa4" "Acme", "U+3164" },     /* Hangul filler */
		{ "Acme\xef\xbe\xa0", "U+FFA0" },        /* halfwidth Hangul filler */
		{ "Acme\xef\xbf\xb9", "U+FFF9" },        /* interlinear annotation */
		{ "Acme\xf0\x9d\x85\xb3", "U+1D173" },  /* musical begin beam */
		{ "Acme\xf3\xa0\x81\x81", "U+E0041" },  /* tag latin capital A */
	};
	struct ally_err err;
	char want[128];
	int rc;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(want, sizeof want, "name: contains an invisible formatting character (%s)",
			 bad[i].cp);
		rc = partner_check_name(bad[i].text, &err);
		ck_assert_user_err(rc, err, want);
		snprintf(want, sizeof want,
			 "status_note: contains an invisible formatting character (%s)", bad[i].cp);
		rc = text_check(bad[i].text, "status_note", TEXT_LINE_MAX, false, &err);
		ck_assert_user_err(rc, err, want);
	}
	/* Their neighbours are ordinary text: hyphen U+2010, narrow no-break
	 * space U+202F, superscript zero U+2070; and Arabic or Hebrew
	 * letters are welcome. */
	ck_assert_int_eq(partner_check_name("A\xe2\x80\x90\xe2\x80\xaf\xe2\x81\xb0", &err), ALLY_OK);
	ck_assert_int_eq(partner_check_name("שותפים בע\"מ", &err), ALLY_OK);
	ck_assert_int_eq(partner_check_name("شركاء", &err), ALLY_OK);
	/* Joiners stay allowed everywhere: emoji sequences, Persian names. */
	ck_assert_int_eq(partner_check_name("Dev \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb Labs",
					    &err), ALLY_OK);
	ck_assert_int_eq(partner_check_name("\xd9\x85\xe2\x80\x8c\xd9\x86", &err), ALLY_OK);
	ck_assert_int_eq(text_check("team \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", "notes",
				    TEXT_LONG_MAX, true, &err), ALLY_OK);
}
END_TEST

START_TEST(name_needs_a_visible_character)
{
	static const char *const blank[] = {
		"\xcc\x81",                 /* U+0301 combining acute alone */
		"\xcc\x80\xcd\xaf",         /* U+0300, U+036F: the block's ends */
		"\xe1\xaa\xb0\xe1\xab\xbf", /* U+1AB0, U+1AFF */
		"\xe2\x83\x90\xe2\x83\xbf", /* U+20D0, U+20FF */
		"\xef\xb8\xa0\xef\xb8\xaf", /* U+FE20, U+FE2F */
		"\xef\xb8\x80\xef\xb8\x8f", /* variation selectors U+FE00, U+FE0F */
		"\xf3\xa0\x84\x80\xf3\xa0\x87\xaf", /* U+E0100, U+E01EF */
		"\xe2\x80\x8d",             /* zero-width joiner alone */
		"\xe2\x80\x8c\xe2\x80\x8d", /* non-joiner and joiner */
		"\xe2\x80\x8d \xcc\x81",    /* joiner, space, accent */
	};
	static const char *const shown[] = {
		"e\xcc\x81",                 /* é decomposed */
		"\xe2\x98\x83\xef\xb8\x8f", /* snowman + emoji selector */
		"\xcb\xbf",                 /* U+02FF, before the marks */
		"\xcd\xb0",                 /* U+0370 Ͱ, after them */
		"\xe2\x84\x80",             /* U+2100 ℀, after U+20FF */
		"\xef\xb8\x90",             /* U+FE10, after the selectors */
		"\xef\xb8\xb0",             /* U+FE30, after U+FE2F */
		"\xe2\x80\x8dx",             /* a joiner and a letter */
		"\xe6\x9d\xb1",             /* 東 */
	};
	struct ally_err err;
	struct partner p;
	int rc;

	for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		rc = partner_check_name(blank[i], &err);
		ck_assert_msg(rc == ALLY_EUSER, "blank[%zu] accepted", i);
		ck_assert_str_eq(err.msg, "name: has no visible character");
	}
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
		ck_assert_msg(partner_check_name(shown[i], &err) == ALLY_OK, "shown[%zu]: %s", i,
			      err.msg);
	partner_init(&p);
	expect_set(&p, "name", "Acme", false);
	expect_set_err(&p, "name", " \xcc\x81\xef\xb8\x8f ", false, "name: has no visible character");
	ck_assert_str_eq(p.name, "Acme");
	ck_assert_int_eq(partner_validate(&p, &err), ALLY_EUSER); /* no type yet */
	str_set(&p.name, "\xe2\x80\x8d");
	rc = partner_validate(&p, &err);
	ck_assert_user_err(rc, err, "name: has no visible character");
	partner_finish(&p);
}
END_TEST

START_TEST(one_line_texts_refuse_line_breaks)
{
	struct ally_err err;
	int rc;

	rc = partner_check_name("Acme\xe2\x80\xa8" "Corp", &err);
	ck_assert_user_err(rc, err, "name: contains a line break (U+2028)");
	rc = text_check("a\xe2\x80\xa9" "b", "status_note", TEXT_LINE_MAX, false, &err);
	ck_assert_user_err(rc, err, "status_note: contains a line break (U+2029)");
	/* Multi-line texts may hold them (text_visible shows them marked). */
	ck_assert_int_eq(text_check("a\xe2\x80\xa8" "b", "notes", TEXT_LONG_MAX, true, &err),
			 ALLY_OK);
	/* partner_check_name takes the name as given; the setter first trims
	 * them from either end, like any white space. */
	ck_assert_int_eq(partner_check_name("\xe2\x80\xa8" "Acme", &err), ALLY_EUSER);
	{
		struct partner p;

		partner_init(&p);
		expect_set(&p, "name", "Acme\xe2\x80\xa9", false);
		ck_assert_str_eq(p.name, "Acme");
		partner_finish(&p);
	}
	/* U+2027 and U+202F next to them are ordinary text. */
	ck_assert_int_eq(text_check("a\xe2\x80\xa7\xe2\x80\xaf" "b", "region", 10, false, &err),
			 ALLY_OK);
}
END_TEST

START_TEST(multi_line_texts_take_crlf)
{
	static const char *const fields[] = { "value_partner", "value_us", "value_together",
					      "notes" };
	struct partner p;

	partner_init(&p);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		char **got[] = { &p.value_partner, &p.value_us, &p.value_together, &p.notes };

		expect_set(&p, fields[i], "one\r\ntwo\rthree\r\n\r\n", false);
		ck_assert_str_eq(*got[i], "one\ntwo\nthree\n\n");
		expect_set(&p, fields[i], "\r\r\n", false);
		ck_assert_str_eq(*got[i], "\n\n");
	}
	/* One-line texts still refuse CR: a CSV cell for a region is one
	 * line, and CR in it is a mistake to show, not to fix. */
	expect_set_err(&p, "region", "EMEA\r\n", false, "region: contains a control character (U+000D)");
	ck_assert_ptr_null(p.region);
	/* The normalised text is what gets checked: a refused value leaves
	 * the old one. */
	expect_set_err(&p, "notes", "x\r\n\x07", false, "notes: contains a control character (U+0007)");
	ck_assert_str_eq(p.notes, "\n\n");
	partner_finish(&p);
}
END_TEST

START_TEST(newest_history_entry_counts)
{
	ally_date d = D("2026-03-15");

	ck_assert(history_supersedes(DATE_NONE, d));       /* nothing yet */
	ck_assert(history_supersedes(DATE_NONE, DATE_NONE));
	ck_assert(history_supersedes(d, d));               /* same day: the later entry */
	ck_assert(history_supersedes(d, d + 1));
	ck_assert(history_supersedes(d, D("2030-01-01")));
	ck_assert(!history_supersedes(d, d - 1));          /* back-dated: history only */
	ck_assert(!history_supersedes(d, D("2020-01-01")));
	ck_assert(!history_supersedes(d, DATE_NONE));
}
END_TEST

START_TEST(set_name_refuses_invisible_formatting)
{
	struct partner p;

	partner_init(&p);
	expect_set(&p, "name", "Acme", false);
	expect_set_err(&p, "name", "\xe2\x80\xae" "emcA", false,
		       "name: contains an invisible formatting character (U+202E)");
	ck_assert_str_eq(p.name, "Acme");
	expect_set_err(&p, "region", "EMEA\xe2\x80\x8b", false,
		       "region: contains an invisible formatting character (U+200B)");
	partner_finish(&p);
}
END_TEST

START_TEST(validate_whole_record)
{
	struct partner p;
	struct ally_err err;
	int rc;

	partner_init(&p);
	rc = partner_validate(&p, &err);
	ck_assert_user_err(rc, err, "name: must not be empty");
	expect_set(&p, "name", "Acme", false);
	rc = partner_validate(&p, &err);
	ck_assert_user_err(rc, err, "type: must not be empty");
	expect_set(&p, "type", "referral", false);
	ck_assert_int_eq(partner_validate(&p, &err), ALLY_OK);
	/* A record built by hand (import) gets the same checks. */
	p.goal = 7;
	ck_assert_int_eq(partner_validate(&p, &err), ALLY_EUSER);
	p.goal = -1;
	p.status_note = xstrdup("bad\nnote");
	rc = partner_validate(&p, &err);
	ck_assert_user_err(rc, err, "status_note: contains a control character (U+000A)");
	partner_finish(&p);
}
END_TEST

START_TEST(copy_is_deep)
{
	struct partner a, b;

	partner_init(&a);
	expect_set(&a, "name", "Acme", false);
	expect_set(&a, "notes", "n", false);
	a.status_note = xstrdup("fine");
	partner_copy(&b, &a);
	ck_assert_ptr_ne(a.name, b.name);
	partner_finish(&a);
	ck_assert_str_eq(b.name, "Acme");
	ck_assert_str_eq(b.notes, "n");
	ck_assert_str_eq(b.status_note, "fine");
	ck_assert_ptr_null(b.region);
	partner_finish(&b);
}
END_TEST

START_TEST(contact_fields)
{
	struct contact c;
	struct ally_err err;
	int rc;

	contact_init(&c);
	rc = contact_validate(&c, &err);
	ck_assert_user_err(rc, err, "name: must not be empty");
	ck_assert_int_eq(contact_set_field(&c, "name", "Jo Park", &err), ALLY_OK);
	ck_assert_int_eq(contact_set_field(&c, "role", "Executive Sponsor", &err), ALLY_OK);
	ck_assert_int_eq(contact_set_field(&c, "email", "jo@acme.example", &err), ALLY_OK);
	ck_assert_int_eq(contact_set_field(&c, "phone", "+1 555 0100", &err), ALLY_OK);
	ck_assert_int_eq(contact_validate(&c, &err), ALLY_OK);
	rc = contact_set_field(&c, "email", "jo at acme", &err);
	ck_assert_user_err(rc, err, "email: 'jo at acme' is not an email address");
	ck_assert_str_eq(c.email, "jo@acme.example");
	ck_assert_int_eq(contact_set_field(&c, "email", "@acme", &err), ALLY_EUSER);
	ck_assert_int_eq(contact_set_field(&c, "email", "jo@", &err), ALLY_EUSER);
	ck_assert_int_eq(contact_set_field(&c, "email", "", &err), ALLY_OK);
	ck_assert_ptr_null(c.email);
	rc = contact_set_field(&c, "name", "", &err);
	ck_assert_user_err(rc, err, "name: must not be empty");
	rc = contact_set_field(&c, "title", "CEO", &err);
	ck_assert_user_err(rc, err, "title: no such field");
	contact_finish(&c);
}
END_TEST

START_TEST(exec_sponsor_roles)
{
	ck_assert(contact_is_exec_sponsor("executive sponsor"));
	ck_assert(contact_is_exec_sponsor("Executive Sponsor"));
	ck_assert(contact_is_exec_sponsor("Exec Sponsor"));
	ck_assert(contact_is_exec_sponsor("executive_sponsor"));
	ck_assert(contact_is_exec_sponsor("EXECUTIVE-SPONSOR"));
	ck_assert(contact_is_exec_sponsor("executive  sponsor"));
	ck_assert(contact_is_exec_sponsor("CRO, executive sponsor"));
	ck_assert(!contact_is_exec_sponsor("sponsor"));
	ck_assert(!contact_is_exec_sponsor("executive"));
	ck_assert(!contact_is_exec_sponsor("partner manager"));
	ck_assert(!contact_is_exec_sponsor(""));
	ck_assert(!contact_is_exec_sponsor(NULL));
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "partner_init", init_defaults },
		{ "partner_set_field", set_every_field },
		{ "partner_set_field", owner_is_trimmed_like_a_name },
		{ "partner_set_field", set_empty_clears_optional_fields },
		{ "partner_set_field", set_refuses_bad_values_and_keeps_the_old },
		{ "partner_set_field", set_refuses_read_only_and_unknown_fields },
		{ "partner_set_field", name_is_trimmed },
		{ "partner_set_field", multi_line_texts_take_crlf },
		{ "partner_check_name", name_counts_characters_not_bytes },
		{ "partner_check_name", one_line_texts_refuse_invisible_formatting },
		{ "partner_check_name", set_name_refuses_invisible_formatting },
		{ "partner_check_name", name_needs_a_visible_character },
		{ "partner_check_name", one_line_texts_refuse_line_breaks },
		{ "text_check", text_checks },
		{ "partner_validate", validate_whole_record },
		{ "partner_copy", copy_is_deep },
		{ "history_supersedes", newest_history_entry_counts },
		{ "contact_set_field", contact_fields },
		{ "contact_is_exec_sponsor", exec_sponsor_roles },
	};

	return run_suite(suite_from("partner", cases, sizeof cases / sizeof cases[0]));
}
