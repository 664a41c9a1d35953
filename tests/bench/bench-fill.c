/* bench-fill.c: the portfolio both benchmarks measure on (bench-fill.h). */
#include "bench-fill.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ally/store.h"
#include "ally/util.h"

double bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void bench_die(const char *prog, const char *what, const struct ally_err *err)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, err->msg);
	exit(2);
}

void bench_fill(struct store *s, int n, ally_date today)
{
	struct ally_err err;
	static const char *const roles[] = { "executive sponsor", "partner manager" };

	if (store_begin(s, &err) != ALLY_OK)
		bench_die("bench-fill", "begin", &err);
	for (int i = 1; i <= n; i++) {
		struct partner p;
		struct score_input sc = { i % 101, (i * 7) % 101, (i * 13) % 101, (i * 3) % 101, 50 };
		int w;

		partner_init(&p);
		p.name = xasprintf("Partner %05d", i);
		p.type = i % PTYPE_COUNT;
		p.phase = i % PHASE_COUNT;
		p.owner = xasprintf("owner%d", i % 20);
		if (store_partner_add(s, &p, &err) != ALLY_OK)
			bench_die("bench-fill", "partner", &err);
		if (store_score_add(s, p.id, &sc, today - i % 400, &w, &err) != ALLY_OK)
			bench_die("bench-fill", "score", &err);
		if (store_status_add(s, p.id, i % HEALTH_COUNT, "weekly sync held", today - i % 60,
				     &err) != ALLY_OK)
			bench_die("bench-fill", "status", &err);
		for (int k = 0; k < 2; k++) {
			struct contract c;
			struct contact ct;

			contract_init(&c);
			c.partner_id = p.id;
			c.title = xasprintf("Agreement %d", k + 1);
			c.start_date = today - 800 + (i % 97);
			/* end dates spread over -1..+2 years so every band is large */
			c.end_date = today - 365 + (i * 37 + k * 181) % 1095;
			c.auto_renew = (i + k) % 2;
			c.annual_value = 100000 * (i % 50 + 1);
			if (store_contract_add(s, &c, &err) != ALLY_OK)
				bench_die("bench-fill", "contract", &err);
			contract_finish(&c);

			contact_init(&ct);
			ct.partner_id = p.id;
			ct.name = xasprintf("Person %d-%d", i, k);
			ct.role = xstrdup(roles[(i + k) % 3 == 0 ? 0 : 1]);
			if (store_contact_add(s, &ct, &err) != ALLY_OK)
				bench_die("bench-fill", "contact", &err);
			contact_finish(&ct);
		}
		partner_finish(&p);
	}
	if (store_commit(s, &err) != ALLY_OK)
		bench_die("bench-fill", "commit", &err);
}
