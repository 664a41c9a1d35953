/* fuzz-parse.c: the parsers of every typed value: dates, amounts,
 * percentages, whole numbers, yes/no, quarters, enumerations, and every
 * field of a partner and a contract as `set` and import take them.  The
 * first byte picks what, the rest is the text.  Nothing may crash, and a
 * refusal must say why in one line. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "ally/contract.h"
#include "ally/date.h"
#include "ally/enums.h"
#include "ally/err.h"
#include "ally/figures.h"
#include "ally/money.h"
#include "ally/parse.h"
#include "ally/partner.h"

/* The core's own lists (NULL-terminated), and a name that is none. */
static const char *field_of(const char *const *names, unsigned pick)
{
	int n = 0;

	while (names[n] != NULL)
		n++;
	return (int)pick % (n + 1) == n ? "nonsense" : names[(int)pick % (n + 1)];
}

static void one_line(const struct ally_err *err, int rc)
{
	if (rc != ALLY_OK && (err->msg[0] == '\0' || strchr(err->msg, '\n') != NULL))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ally_err err;
	unsigned pick;
	char *s;
	int rc = ALLY_OK;

	if (size == 0)
		return 0;
	pick = data[0];
	s = fuzz_text(data + 1, size - 1);
	ally_err_clear(&err);
	switch (pick % 10) {
	case 0: {
		ally_date d;
		rc = date_parse_field(s, "date", &d, &err);
		break;
	}
	case 1: {
		ally_money m;
		rc = money_parse_field(s, "amount", pick & 0x10, &m, &err);
		break;
	}
	case 2: {
		int32_t bp;
		rc = percent_parse_field(s, "pct", &bp, &err);
		break;
	}
	case 3: {
		long v;
		rc = parse_long_field(s, "n", -5, 1000000, &v, &err);
		break;
	}
	case 4: {
		bool b;
		rc = parse_bool_field(s, "yes", &b, &err);
		break;
	}
	case 5: {
		int q;
		rc = quarter_parse_field(s, "quarter", &q, &err);
		break;
	}
	case 6:
		rc = enum_parse_field(phase_names, s, "phase", &err) < 0 ? ALLY_EUSER : ALLY_OK;
		break;
	case 7:
	case 8: {
		struct partner p;

		partner_init(&p);
		rc = partner_set_field(&p, field_of(partner_fields, pick >> 4), s,
				       pick & 1, &err);
		if (rc == ALLY_OK)
			rc = partner_validate(&p, &err);
		partner_finish(&p);
		break;
	}
	default: {
		struct contract c;

		contract_init(&c);
		rc = contract_set_field(&c, field_of(contract_fields, pick >> 4), s,
					&err);
		if (rc == ALLY_OK)
			rc = contract_validate(&c, &err);
		contract_finish(&c);
		break;
	}
	}
	one_line(&err, rc);
	free(s);
	return 0;
}
