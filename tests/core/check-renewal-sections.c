/* check-renewal-sections.c: each listed contract lies in the ranges of
 * exactly its own section, and an unlisted one in none, for every
 * horizon and day. */
#include <stdint.h>
#include <string.h>

#include "ally/renewal-sections.h"
#include "core-test.h"

static uint32_t next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Is r in sec's ranges as of today? */
static bool in_ranges(const struct renewal *r, enum rsection sec, ally_date today, int horizon)
{
	struct section_ranges x;
	ally_date n = r->notice_deadline;

	renewal_section_ranges(sec, today, horizon, &x);
	if (n != DATE_NONE && n >= today)
		return day_range_has(&x.notice_notice, n) && day_range_has(&x.notice_end, r->end_date);
	return day_range_has(&x.end, r->end_date);
}

START_TEST(sections_partition_the_list)
{
	uint32_t seed = 4242;
	ally_date today = D("2026-06-15");

	for (int c = 0; c < 20000; c++) {
		struct renewal r;
		int horizon = 30 * (1 + (int)(next_rand(&seed) % 12)), hits = 0;
		enum rsection want;

		memset(&r, 0, sizeof r);
		r.end_date = today - 200 + (int)(next_rand(&seed) % 800);
		r.auto_renew = next_rand(&seed) % 2;
		r.notice_days = (int)(next_rand(&seed) % 200);
		renewal_compute(&r, today);
		want = renewal_section(&r);
		for (int sec = 0; sec < RSEC_COUNT; sec++) {
			if (!in_ranges(&r, (enum rsection)sec, today, horizon))
				continue;
			hits++;
			ck_assert_msg(sec == (int)want, "case %d: in section %d, belongs in %d", c, sec,
				      want);
		}
		ck_assert_msg(hits == (renewal_listed(&r, horizon) ? 1 : 0),
			      "case %d: in %d sections, listed %d (end %+d, notice %+d, horizon %d)",
			      c, hits, renewal_listed(&r, horizon), r.days_left, r.days_to_notice,
			      horizon);
	}
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "renewal_section_ranges", sections_partition_the_list },
	};

	return run_suite(suite_from("renewal-sections", cases, sizeof cases / sizeof cases[0]));
}
