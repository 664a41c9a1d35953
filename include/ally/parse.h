/* parse.h: reading a number or a yes/no from the text of one field, with
 * the message every command shows for a bad value. */
#ifndef ALLY_PARSE_H
#define ALLY_PARSE_H

#include <stdbool.h>

struct ally_err;

/* A whole decimal number in [min, max]: an optional '-', then ASCII
 * digits only (no '+', no spaces, no separators).  Any long range works,
 * LONG_MIN..LONG_MAX included; a value past it is out of range, never
 * wrapped.  On success *out is set and ALLY_OK returned; otherwise *out
 * is untouched and err (may be NULL) says "FIELD: 'S' is not a whole
 * number" or "FIELD: S is out of range MIN-MAX" (ALLY_EUSER). */
int parse_long_field(const char *s, const char *field, long min, long max, long *out,
		     struct ally_err *err);

/* yes/no, true/false, 1/0, y/n, on/off in any letter case.  On success
 * *out is set and ALLY_OK returned; otherwise err says "FIELD: 'S' is not
 * yes or no" (ALLY_EUSER) and *out is untouched. */
int parse_bool_field(const char *s, const char *field, bool *out, struct ally_err *err);

#endif
