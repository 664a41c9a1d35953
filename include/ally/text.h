/* text.h: making text from the database safe and measurable for a terminal. */
#ifndef ALLY_TEXT_H
#define ALLY_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A copy of s in which nothing can act on a terminal: C0 controls become
 * "^X" (ESC is "^["), DEL "^?", C1 controls and invalid UTF-8 bytes
 * "\xNN"-style markers, invisible formatting characters (bidi controls,
 * zero-width space, word joiners, U+FEFF: text_is_invisible_format)
 * "<U+202E>"-style markers; with keep_newlines, '\n' stays.  Other valid
 * UTF-8 text (accents, CJK, emoji) is kept as is.  The caller frees.
 * NULL gives "". */
char *text_visible(const char *s, int keep_newlines);

/* Display columns of valid UTF-8 text (wide CJK and emoji count 2,
 * combining marks 0), as a terminal in a UTF-8 locale shows it. */
size_t text_width(const char *s);

/* The longest prefix of s that fits in cols columns, as a new string;
 * with ellipsis, a cut string ends in "…" (or "~" when ascii_only). */
char *text_fit(const char *s, size_t cols, int ellipsis, int ascii_only);

/* Decode one UTF-8 sequence at s (strict: no overlongs, surrogates or
 * values past U+10FFFF).  Returns its length in bytes and sets *cp, or 0
 * when the bytes there are not valid UTF-8 (or s is at its NUL). */
size_t utf8_decode(const char *s, uint32_t *cp);

/* Is cp an invisible formatting character: zero-width space and direction
 * marks (U+200B, U+200E, U+200F), bidirectional embeddings and overrides
 * (U+202A-U+202E), invisible operators (U+2060-U+2064), bidirectional
 * isolates (U+2066-U+2069) or the zero-width no-break space (U+FEFF)?
 * Such a character changes what a name looks like, or reorders the text
 * around it on a terminal, without showing itself.  The joiners U+200C and
 * U+200D are not: emoji sequences and some scripts need them. */
bool text_is_invisible_format(uint32_t cp);

/* The key two names are compared by: surrounding white space trimmed
 * (ASCII white space and the Unicode spaces such as U+00A0 and U+3000) and
 * capital letters lower-cased by code point, not only ASCII but Latin-1
 * (À-Þ except ×), Latin Extended-A/B, Greek (accented too; a final ς
 * keys as σ) and Cyrillic ("MÜLLER" and "müller" get one key), so that
 * names are unique ignoring case as domain.md asks.  Everything else, CJK
 * and invalid UTF-8 included, is kept byte for byte; no locale is used,
 * so every process computes the same key.  NULL gives "".  The caller
 * frees; never NULL. */
char *text_fold(const char *s);

/* Order two names the way they are compared: by their text_fold keys,
 * byte by byte (that is, by code point of the folded UTF-8), so that two
 * names with one key compare 0 and a sorted list keeps "acme", "ACME 2",
 * "Äcme" in one stable order in every process.  No locale collation.
 * NULL sorts as "".  Negative, 0 or positive, like strcmp. */
int text_fold_cmp(const char *a, const char *b);

#endif
