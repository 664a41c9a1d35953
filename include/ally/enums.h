/* enums.h: the text names of ally's enumerations and how to parse them. */
#ifndef ALLY_ENUMS_H
#define ALLY_ENUMS_H

#include "ally/err.h"

/* Every enumeration has a NULL-terminated table of names, indexed by value
 * (e.g. partner_type_names[PTYPE_CHANNEL] is "channel").  Parsing accepts
 * any letter case and '-' for '_' ("Joint-Venture" is joint_venture).
 * Returns the index, or -1 when s names none of them. */
int enum_parse(const char *const *names, const char *s);

/* As enum_parse, but on failure fills err with
 * "FIELD: 'S' is not one of: a, b, c" (status ALLY_EUSER) and returns -1. */
int enum_parse_field(const char *const *names, const char *s, const char *field,
		     struct ally_err *err);

/* The name of value v, or NULL when v is out of range (e.g. -1 for unset). */
const char *enum_name(const char *const *names, int v);

/* Number of names in the table. */
int enum_count(const char *const *names);

#endif
