/* core.h: helpers shared by the files of src/core; not a public interface. */
#ifndef ALLY_CORE_INTERNAL_H
#define ALLY_CORE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ally/text.h"

#include "ally/parse.h" /* parse_long_field, parse_bool_field */

struct ally_err;
struct econ_terms;

/* Bad values are quoted back in messages; keep them short and harmless. */
#define QUOTE_MAX 60                 /* code points of the value */
#define QUOTE_BYTES (QUOTE_MAX * 4)  /* bytes of the quote, before "..." */
#define QUOTE_BUFSZ (QUOTE_BYTES + 4)

/* A copy of s fit to quote in a one-line message, every character that
 * must not reach a terminal shown as text_visible shows it ("^[", "^?",
 * "\x9b", "\xff", "<U+202E>", "<U+2028>"; text_mark), so nothing is lost
 * and nothing acts.  At most QUOTE_MAX code points of s and QUOTE_BYTES
 * bytes, whichever comes first, then "...": a value of markers alone must
 * still leave room for the message around it.  NULL quotes as "".
 * Returns out. */
const char *quote(const char *s, char out[QUOTE_BUFSZ]);

/* How text_visible and quote show the character at s (not at its NUL):
 * C0 controls "^X" (ESC "^[", '\n' "^J" too: callers that keep newlines
 * test for it first), DEL "^?", C1 controls and each invalid byte
 * "\xNN", invisible formatting characters and the line and paragraph
 * separators "<U+XXXX>".  The marker is written to mark, NUL-terminated;
 * mark[0] is '\0' for a character shown as it is.  Returns the bytes at s
 * it covers (1 for an invalid byte). */
#define TEXT_MARK_BUFSZ 12
size_t text_mark(const char *s, char mark[TEXT_MARK_BUFSZ]);

/* Is cp U+2028 or U+2029, the line and paragraph separators?  They break
 * lines like '\n': refused in one-line texts, and always shown as markers,
 * since no terminal shows them as a line break. */
bool text_is_line_separator(uint32_t cp);

/* Does s hold at least one character that shows: not white space, not an
 * invisible formatting character or joiner (U+200C, U+200D), not a
 * combining mark (U+0300-U+036F, U+1AB0-U+1AFF, U+20D0-U+20FF,
 * U+FE20-U+FE2F), not a variation selector (U+FE00-U+FE0F,
 * U+E0100-U+E01EF)?  Invalid bytes count as showing (as markers). */
bool text_has_visible(const char *s);

/* A copy of s with every CRLF and every lone CR turned into LF.  The
 * caller frees; NULL gives "". */
char *text_unix_newlines(const char *s);



/* White space as names are trimmed of it: ASCII space, tab, newline,
 * vertical tab, form feed, carriage return, and the Unicode spaces
 * (no-break, en, em, ideographic...; U+00A0, U+1680, U+2000-U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000). */
bool text_is_space(uint32_t cp);

/* The part of s (not NULL) without surrounding white space: returns where
 * it starts and sets *len to its length in bytes.  Invalid UTF-8 is never
 * white space. */
const char *text_trim(const char *s, size_t *len);

/* A decimal with at most two decimals, as hundredths: "12.5" is 1250.
 * Further decimals are accepted only when they are zeros ("1.500"); a
 * value that would need rounding ("1.005") is FIXED2_PRECISION, since the
 * user should see that it cannot be stored as written.  No sign unless
 * allow_negative, no separators, no exponent.  The checks run in the
 * order of the results: syntax, sign, precision, size. */
enum fixed2_result { FIXED2_OK, FIXED2_SYNTAX, FIXED2_NEGATIVE, FIXED2_PRECISION,
		     FIXED2_TOO_LARGE };
enum fixed2_result parse_fixed2(const char *s, bool allow_negative, int64_t max, int64_t *out);

/* The message for FIXED2_PRECISION: "FIELD: '1.005' has more than 2
 * decimals".  Returns ALLY_EUSER. */
int precision_err(const char *s, const char *field, struct ally_err *err);

/* Set an optional text field: an empty value stores NULL, otherwise the
 * value after text_check (or, when required, refuse empty). */
int set_text(char **dst, const char *value, const char *field, size_t max, bool multiline,
	     bool required, struct ally_err *err);

/* An enumeration by name; an empty value stores -1 (or, when required, is
 * refused). */
int set_enum(int *dst, const char *const *names, const char *value, const char *field,
	     bool required, struct ally_err *err);

/* A date (ally_date); an empty value stores DATE_NONE (or is refused). */
int set_date(int32_t *dst, const char *value, const char *field, bool required,
	     struct ally_err *err);

/* Are the economic model's parameters complete and in range? */
int econ_check(const struct econ_terms *e, struct ally_err *err);

#endif
