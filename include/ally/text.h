/* text.h: making text from the database safe and measurable for a terminal. */
#ifndef ALLY_TEXT_H
#define ALLY_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A copy of s in which nothing can act on a terminal: C0 controls become
 * "^X" (ESC is "^["), DEL "^?", C1 controls and invalid UTF-8 bytes
 * "\xNN"-style markers, invisible formatting characters
 * (text_is_invisible_format) and the line and paragraph separators
 * U+2028 and U+2029 "<U+202E>"-style markers; with keep_newlines, '\n'
 * stays (U+2028 and U+2029 are markers even then: terminals do not break
 * lines on them).  Other valid UTF-8 text (accents, CJK, emoji, the
 * joiners U+200C and U+200D) is kept as is.  Error messages quote values
 * with the same markers.  No locale is involved.  The caller frees.
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

/* Is cp an invisible formatting character?  The whole Bidi_Control set
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the zero-width
 * space U+200B, the word joiner and invisible operators U+2060-U+2064,
 * U+FEFF, the soft hyphen U+00AD, the combining grapheme joiner U+034F,
 * the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the Mongolian vowel
 * separator U+180E, the interlinear annotation controls U+FFF9-U+FFFB,
 * the musical format controls U+1D173-U+1D17A and the tags
 * U+E0000-U+E007F.  Such a character changes what a name looks like, or
 * reorders the text around it on a terminal, without showing itself.  The
 * joiners U+200C and U+200D are not: emoji sequences and some scripts
 * need them.  Note that some of these are past U+FFFF: JSON writes them
 * as a surrogate pair ("\uDB40\uDC01"), not "\uE0001". */
bool text_is_invisible_format(uint32_t cp);

/* The key two names are compared by: surrounding white space trimmed
 * (ASCII white space and the Unicode spaces such as U+00A0 and U+3000) and
 * every capital letter mapped to its small one by Unicode 14.0's simple
 * lower-case mapping, one code point to one, in every script that has
 * case: Latin with Latin Extended-A to -E and Extended Additional
 * ("CÔNG TY VIỆT NAM" keys as "công ty việt nam"; ẞ as ß), Greek with
 * polytonic Greek, Cyrillic, Armenian, Georgian (Asomtavruli and
 * Mtavruli to Nuskhuri and Mkhedruli), Cherokee, Glagolitic, Coptic,
 * Deseret, Osage, Adlam, the fullwidth letters, Roman numerals, circled
 * letters and the Kelvin, Angstrom and Ohm signs (k, å, ω).  Two folds
 * go beyond lower-casing: İ (U+0130) keys as a plain i, and a final ς as
 * σ.  So names are unique ignoring case as domain.md asks.
 *
 * Names are compared after this simple case folding only, NOT after
 * Unicode normalisation: "é" written as one code point (U+00E9) and as
 * "e" + U+0301 are two different keys, as are compatibility forms
 * ("ﬁ" and "fi").  Everything without a small letter, CJK and invalid
 * UTF-8 included, is kept byte for byte.  No locale is used, so every
 * process computes the same key.  NULL gives "".  The caller frees;
 * never NULL. */
char *text_fold(const char *s);

/* Changes whenever text_fold maps any string differently, so that keys
 * stored with an older fold can be found and computed again.  1: Latin,
 * Greek and Cyrillic only; 2: Unicode 14.0 simple lower-casing in full. */
#define TEXT_FOLD_VERSION 2

/* The key names are listed in, compared byte by byte (strcmp): first the
 * folded name with accented Latin letters as their base letters (é as e,
 * æ as ae, ø as o), then the exact folded name.  So "Emil", "Émile",
 * "Emily", "Zeta" list in that order, and two names with one text_fold key
 * have one sort key.  No locale collation: the same in every process.
 * NULL gives the key of "".  The caller frees. */
char *text_sort_key(const char *s);

/* Compare two names by text_sort_key: negative, 0 or positive. */
int text_fold_cmp(const char *a, const char *b);

#endif
