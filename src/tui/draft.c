/* draft.c: what was typed in a form the program must leave (SIGHUP,
 * SIGTERM) unsaved: nothing goes to the database, so the typing goes to a
 * private file of its own, and the exit message names it. */
#include "tui.h"

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
#include "ally/ui-form.h"
#include "ally/util.h"

#define DRAFT_TITLE_MAX 60 /* bytes of the title in the file's name */
#define DRAFT_TRIES     100

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

/* The form as uform_draft_text writes it, in a new file of its own (0600)
 * in draft_folder, named by the time and the title
 * ("unsaved-2026-11-22T17-30-05-Edit-Northwind-Labs.txt"; "-2" and on
 * before ".txt" when that name is taken), on the disk (fsync) before this
 * returns.  Returns the file's path (the caller frees), or NULL when it
 * could not be written whole (no home, a full disk); no part of one is
 * left then.  Plain system calls and no waiting on anyone: the program
 * still leaves within a second. */
char *tui_keep_draft(const char *title, const struct uform *f)
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
	text = uform_draft_text(f, title);
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
