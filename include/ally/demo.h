/* demo.h: the sample portfolio, loaded into an empty database through the
 * store as a user's commands would write it.  `ally demo` and the
 * interface's offer on an empty database both call demo_load. */
#ifndef ALLY_DEMO_H
#define ALLY_DEMO_H

#include <stddef.h>
#include "ally/date.h"

struct ally_err;
struct store;

/* What demo_load added: the numbers `ally demo` reports. */
struct demo_counts {
	size_t partners;  /* partners added */
	size_t contracts; /* contracts added, renewed ones counted once */
	size_t contacts;  /* contacts added */
	size_t reviews;   /* reviews added */
	size_t conflicts; /* conflicts added, open and resolved */
};

/* Fill the empty database s with the sample portfolio, its dates placed
 * around today so that every band and flag shows.  user owns the partners
 * the sample leaves to whoever loads it (pass the login name the store
 * writes to the audit log).
 *
 * Checks come first and write nothing: every date of the sample must fall
 * in the years a date may have, else ALLY_EUSER with today_field naming
 * the field ("--today: the demo needs a date before 9996-12-01"; NULL
 * names it "today"); a database that already has partners is refused with
 * ALLY_EUSER ("demo: the database already has 3 partners; use an empty
 * one").
 *
 * Runs inside the caller's transaction and opens none: call store_begin
 * before and store_commit after, or store_rollback on failure, which
 * otherwise leaves part of the sample written.  Returns ALLY_OK and, when
 * counts_out is not NULL, fills it; on failure returns the status of err
 * (ALLY_EUSER or ALLY_EDB) and leaves counts_out alone. */
int demo_load(struct store *s, ally_date today, const char *today_field, const char *user,
	      struct demo_counts *counts_out, struct ally_err *err);

#endif
