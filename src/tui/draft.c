/* draft.c: what was typed in a form the program must leave (SIGHUP,
 * SIGTERM) unsaved: nothing goes to the database, so the typing goes to a
 * private file of its own, and the exit message names it.  The message
 * goes to a terminal that is often gone (a dropped connection), so the
 * next session of the same user on the same database finds the file
 * itself, says so before anything else, and offers to open the form
 * again with what was typed.
 *
 * The file is for a person first: the form's title and every field as
 * "Label: value", sanitised.  Below a mark comes what ally reads back:
 * the database, the user, which form, and the changed fields by name,
 * with every byte outside printable ASCII (and '\\') written as \xHH, so
 * that the values come back exactly and nothing in the file can act on
 * a terminal it is shown on. */
#include "tui.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ally/text.h"
#include "ally/tui.h"
#include "ally/ui-form.h"
#include "ally/util.h"

#define DRAFT_TITLE_MAX 60 /* bytes of the title in the file's name */
#define DRAFT_TRIES     100
#define DRAFT_MARK      "-- for ally, to open this form again --\n"
#define DRAFT_FILE_MAX  (1 << 20) /* a bigger file is not one of ours */
#define DRAFTS_OFFERED  5         /* at one start; the others wait */

/* A draft read back: the form it names and its changed fields. */
struct tui_draft {
	char *path;
	char *title;
	char *database;
	char *user;
	char kind[16];
	int64_t id, partner;
	time_t when;
	char **names, **values;
	size_t n;
};

/* The folder drafts go to: $XDG_STATE_HOME/ally (an absolute one: the XDG
 * spec ignores a relative one), else ~/.local/state/ally; NULL with no
 * home either.  The caller frees. */
static char *draft_folder(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/ally", xdg);
	if ((home == NULL || home[0] != '/') && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return home != NULL && home[0] == '/' ? xasprintf("%s/.local/state/ally", home) : NULL;
}

/* mkdir -p; every folder made here is private (0700), as the database's
 * are: a draft holds what the forms hold. */
static bool make_folders(char *path)
{
	bool ok = true;

	for (char *p = path + 1; ok; p++) {
		bool end = *p == '\0';

		if (*p != '/' && !end)
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == 0)
			chmod(path, 0700); /* whatever the umask */
		else if (errno != EEXIST)
			ok = false;
		if (end)
			break;
		*p = '/';
	}
	return ok;
}

/* The title as part of a file name: its letters and digits (ASCII ones,
 * and every other character text_visible leaves as it is, but spaces),
 * every run of anything else one '-', at most DRAFT_TITLE_MAX bytes of
 * whole characters ("Edit-Northwind-Labs", "Status-of-Société-Lumière");
 * "" when none is left. */
static void draft_name(const char *title, char out[DRAFT_TITLE_MAX + 1])
{
	char *vis = text_visible(title, 0);
	size_t n = 0, len;
	uint32_t cp;

	for (const char *p = vis; *p != '\0'; p += len) {
		bool keep;

		len = utf8_decode(p, &cp);
		if (len == 0)
			break; /* text_visible leaves none: not reached */
		if (cp < 0x80)
			keep = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			       (cp >= '0' && cp <= '9');
		else
			keep = cp != 0xa0 && cp != 0x3000 && cp != 0x202f && cp != 0x205f &&
			       !(cp >= 0x2000 && cp <= 0x200a);
		if (n + (keep ? len : 1) > DRAFT_TITLE_MAX)
			break;
		if (keep) {
			memcpy(out + n, p, len);
			n += len;
		} else if (n > 0 && out[n - 1] != '-') {
			out[n++] = '-';
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	free(vis);
}

/* All of text to fd, again after a signal cut a write short. */
static bool write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, text, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		text += w;
		len -= (size_t)w;
	}
	return true;
}

/* s with every byte outside printable ASCII, and '\\', as \xHH. */
static void put_escaped(struct buf *b, const char *s)
{
	char hex[8];

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p > 0x7e || *p == '\\') {
			snprintf(hex, sizeof hex, "\\x%02x", *p);
			buf_puts(b, hex);
		} else {
			buf_putc(b, (char)*p);
		}
	}
}

static char *unescape(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	unsigned v;

	while (*s != '\0') {
		if (s[0] == '\\' && s[1] == 'x' && sscanf(s + 2, "%2x", &v) == 1 && v != 0 &&
		    s[2] != '\0' && s[3] != '\0') {
			*o++ = (char)v;
			s += 4;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

/* The database as the drafts name it: its real path where it has one,
 * so that "p.db" and "./p.db" are the same portfolio. */
static char *db_key(const char *db_path)
{
	char *real = realpath(db_path, NULL);

	return real != NULL ? real : xstrdup(db_path);
}

/* The person's text, then the mark and what ally reads back. */
static char *draft_text(const struct tui *t, const char *title, const struct uform *f)
{
	char *human = uform_draft_text(f, title), *db = db_key(t->db_path), num[64];
	struct buf b;

	buf_init(&b);
	buf_puts(&b, human);
	buf_puts(&b, "\n" DRAFT_MARK "database: ");
	put_escaped(&b, db);
	buf_puts(&b, "\nuser: ");
	put_escaped(&b, t->user != NULL ? t->user : "");
	buf_puts(&b, "\ntitle: ");
	put_escaped(&b, title != NULL ? title : "");
	snprintf(num, sizeof num, "\nform: %s %lld %lld\n",
		 t->form.kind != NULL ? t->form.kind : "other", (long long)t->form.id,
		 (long long)t->form.partner);
	buf_puts(&b, num);
	for (size_t i = 0; i < uform_count(f); i++) {
		if (!uform_changed(f, i))
			continue;
		buf_puts(&b, "field ");
		buf_puts(&b, uform_spec(f, i)->name);
		buf_puts(&b, ": ");
		put_escaped(&b, uform_value(f, i));
		buf_putc(&b, '\n');
	}
	free(human);
	free(db);
	return buf_take(&b);
}

/* The form as uform_draft_text writes it, in a new file of its own (0600)
 * in draft_folder, named by the time and the title
 * ("unsaved-2026-11-22T17-30-05-Edit-Northwind-Labs.txt"; "-2" and on
 * before ".txt" when that name is taken), on the disk (fsync) before this
 * returns.  Returns the file's path (the caller frees), or NULL when it
 * could not be written whole (no home, a full disk); no part of one is
 * left then.  Plain system calls and no waiting on anyone: the program
 * still leaves within a second. */
char *tui_keep_draft(struct tui *t, const char *title, const struct uform *f)
{
	char *folder = draft_folder(), *path = NULL, *text = NULL;
	char stamp[32], name[DRAFT_TITLE_MAX + 1], nth[16] = "";
	time_t now = time(NULL);
	struct tm tm;
	bool ok = false;
	int fd = -1, dfd;

	if (folder == NULL || !make_folders(folder) || localtime_r(&now, &tm) == NULL)
		goto out;
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H-%M-%S", &tm);
	draft_name(title, name);
	for (int k = 1; fd < 0 && k <= DRAFT_TRIES; k++) {
		if (k > 1)
			snprintf(nth, sizeof nth, "-%d", k);
		free(path);
		path = xasprintf("%s/unsaved-%s%s%s%s.txt", folder, stamp, name[0] != '\0' ? "-" : "",
				 name, nth);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0)
		goto out;
	text = draft_text(t, title, f);
	ok = fchmod(fd, 0600) == 0 && write_all(fd, text, strlen(text)) && fsync(fd) == 0;
	if (close(fd) != 0)
		ok = false;
	if (!ok) {
		unlink(path);
		goto out;
	}
	/* The new name itself on the disk too. */
	dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
out:
	free(text);
	free(folder);
	if (!ok) {
		free(path);
		path = NULL;
	}
	return path;
}

/* ---- reading drafts back ---- */

static void draft_free(struct tui_draft *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->names[i]);
		free(d->values[i]);
	}
	free(d->names);
	free(d->values);
	free(d->path);
	free(d->title);
	free(d->database);
	free(d->user);
	free(d);
}

static char *slurp(const char *path)
{
	struct stat st;
	char *text;
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return NULL;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > DRAFT_FILE_MAX) {
		fclose(f);
		return NULL;
	}
	text = xmalloc((size_t)st.st_size + 1);
	n = fread(text, 1, (size_t)st.st_size, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* One line of the part below the mark into d. */
static void parse_line(struct tui_draft *d, char *line)
{
	char *colon;
	long long id = 0, partner = 0;

	if (strncmp(line, "database: ", 10) == 0 && d->database == NULL)
		d->database = unescape(line + 10);
	else if (strncmp(line, "user: ", 6) == 0 && d->user == NULL)
		d->user = unescape(line + 6);
	else if (strncmp(line, "title: ", 7) == 0 && d->title == NULL)
		d->title = unescape(line + 7);
	else if (sscanf(line, "form: %15s %lld %lld", d->kind, &id, &partner) == 3) {
		d->id = id;
		d->partner = partner;
	} else if (strncmp(line, "field ", 6) == 0 && (colon = strstr(line, ": ")) != NULL) {
		*colon = '\0';
		d->names = xrealloc(d->names, (d->n + 1) * sizeof *d->names);
		d->values = xrealloc(d->values, (d->n + 1) * sizeof *d->values);
		d->names[d->n] = xstrdup(line + 6);
		d->values[d->n] = unescape(colon + 2);
		d->n++;
	}
}

/* The draft at path, when it is one of ours (has the mark); else NULL. */
static struct tui_draft *draft_read(const char *path)
{
	char *text = slurp(path), *mark, *line, *save = NULL;
	struct tui_draft *d;
	struct stat st;

	if (text == NULL || (mark = strstr(text, DRAFT_MARK)) == NULL) {
		free(text);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	d->path = xstrdup(path);
	d->when = stat(path, &st) == 0 ? st.st_mtime : 0;
	for (line = strtok_r(mark + strlen(DRAFT_MARK), "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save))
		parse_line(d, line);
	free(text);
	if (d->database == NULL || d->user == NULL || d->kind[0] == '\0') {
		draft_free(d);
		return NULL;
	}
	if (d->title == NULL)
		d->title = xstrdup("a form");
	return d;
}

static int newest_first(const void *a, const void *b)
{
	const struct tui_draft *x = *(struct tui_draft *const *)a;
	const struct tui_draft *y = *(struct tui_draft *const *)b;

	return (x->when < y->when) - (x->when > y->when);
}

/* The drafts of user on db_path, newest first; *n of them. */
static struct tui_draft **drafts_find(const char *db_path, const char *user, size_t *n)
{
	char *folder = draft_folder(), *db = db_key(db_path), *path;
	struct tui_draft **all = NULL, *d;
	struct dirent *e;
	DIR *dir;

	*n = 0;
	dir = folder != NULL ? opendir(folder) : NULL;
	while (dir != NULL && (e = readdir(dir)) != NULL) {
		if (strncmp(e->d_name, "unsaved-", 8) != 0)
			continue;
		path = xasprintf("%s/%s", folder, e->d_name);
		d = draft_read(path);
		free(path);
		if (d != NULL && strcmp(d->database, db) == 0 && user != NULL &&
		    strcmp(d->user, user) == 0) {
			all = xrealloc(all, (*n + 1) * sizeof *all);
			all[(*n)++] = d;
		} else {
			draft_free(d);
		}
	}
	if (dir != NULL)
		closedir(dir);
	if (*n > 1)
		qsort(all, *n, sizeof *all, newest_first);
	free(folder);
	free(db);
	return all;
}

int tui_count_drafts(const char *db_path, const char *user, char **folder)
{
	size_t n;
	struct tui_draft **all = drafts_find(db_path, user, &n);

	for (size_t i = 0; i < n; i++)
		draft_free(all[i]);
	free(all);
	*folder = n > 0 ? draft_folder() : NULL;
	return (int)n;
}

void tui_draft_apply(struct tui *t, struct uform *f)
{
	struct tui_draft *d = t->restore;

	if (d == NULL || t->form.kind == NULL || strcmp(d->kind, t->form.kind) != 0 ||
	    d->id != t->form.id)
		return;
	for (size_t i = 0; i < d->n; i++) {
		int k = uform_find(f, d->names[i]);

		if (k >= 0)
			uform_set(f, (size_t)k, d->values[i]);
	}
	t->restore = NULL;
}

/* Open d's form again, with its values typed in; true once saved. */
static bool draft_open(struct tui *t, struct tui_draft *d)
{
	bool saved = false;

	t->restore = d;
	if (strcmp(d->kind, "partner") == 0)
		saved = d->id == 0 ? tui_act_partner_add(t) != 0 : tui_act_partner_form(t, d->id);
	else if (strcmp(d->kind, "status") == 0)
		saved = tui_act_status(t, d->id);
	else if (strcmp(d->kind, "contract") == 0)
		saved = tui_act_contract_form(t, d->partner, d->id);
	t->restore = NULL;
	return saved;
}

static bool can_open(const struct tui_draft *d)
{
	return strcmp(d->kind, "partner") == 0 || strcmp(d->kind, "status") == 0 ||
	       strcmp(d->kind, "contract") == 0;
}

/* One draft: say what it is and ask what to do with it. */
static void offer_one(struct tui *t, struct tui_draft *d)
{
	static const char *const openable[] = { "Open the form again with what you typed",
						"Keep the file for later", "Delete it" };
	char stamp[32], *title, *what = text_visible(d->title, 0);
	struct tm tm;
	int pick, first;

	localtime_r(&d->when, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", &tm);
	title = xasprintf("Not saved at %s: %s", stamp, what);
	first = can_open(d) ? 0 : 1;
	pick = tui_menu(t, title, openable + first, 3 - first, 0);
	if (pick >= 0)
		pick += first;
	if (pick == 0 && draft_open(t, d)) {
		unlink(d->path);
		tui_msg(t, "%s: saved; its draft is gone", what);
	} else if (pick == 0) {
		tui_msg(t, "Not saved: the draft stays in %s", d->path);
	} else if (pick == 2 && unlink(d->path) == 0) {
		tui_msg(t, "Deleted the draft of %s", what);
	} else {
		tui_msg(t, "Kept: %s", d->path);
	}
	free(title);
	free(what);
}

void tui_offer_drafts(struct tui *t)
{
	size_t n;
	struct tui_draft **all = drafts_find(t->db_path, t->user, &n);

	for (size_t i = 0; i < n; i++) {
		if (i < DRAFTS_OFFERED && !tui_stopping(t))
			offer_one(t, all[i]);
		draft_free(all[i]);
	}
	free(all);
}
