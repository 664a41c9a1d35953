/* editor.c: long texts (notes, the value proposition) in the user's own
 * editor.
 *
 * The text goes to a private temporary file (mkstemp: 0600, a name
 * nobody can guess); $VISUAL, else $EDITOR, else vi runs on it without a
 * shell, the variable split on blanks, so no quoting or expansion ever
 * happens; the terminal is handed over with endwin and taken back after.
 * Nothing is written to the database here: the caller saves the result,
 * and removes the file only once it is saved, so that text written in the
 * editor is never lost: a save that fails leaves it there, and says so. */
#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ally/util.h"

/* How long an editor gets to leave after SIGTERM when ally must stop,
 * and how often ally looks whether it has left (or ally must stop). */
#define EDITOR_GRACE_MS 500
#define EDITOR_POLL_MS 50

/* The editor's words: $VISUAL, else $EDITOR, else vi, split on blanks.
 * The caller frees argv[0] (the copy the words point into) and argv. */
static char **editor_argv(const char *file)
{
	const char *var = getenv("VISUAL");
	char *copy, *p;
	char **argv;
	size_t n = 0;

	if (var == NULL || var[strspn(var, " \t")] == '\0')
		var = getenv("EDITOR");
	if (var == NULL || var[strspn(var, " \t")] == '\0')
		var = "vi";
	copy = xstrdup(var + strspn(var, " \t"));
	argv = xcalloc(strlen(copy) / 2 + 3, sizeof *argv);
	for (p = copy; *p != '\0';) {
		argv[n++] = p;
		p += strcspn(p, " \t");
		if (*p == '\0')
			break;
		*p++ = '\0';
		p += strspn(p, " \t");
	}
	argv[n++] = (char *)file;
	argv[n] = NULL;
	return argv;
}

static int write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, s, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The private file, holding initial with a final newline (a text file's
 * last line ends in one: vi shows [noeol] otherwise, and an editor that
 * appends would append to the last line); its path (the caller frees) or
 * NULL with err filled. */
static char *temp_file(const char *initial, struct ally_err *err)
{
	const char *dir = getenv("TMPDIR");
	size_t len = strlen(initial);
	bool eol = len > 0 && initial[len - 1] != '\n';
	char *path;
	int fd, saved;

	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	path = xasprintf("%s/ally-edit-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0) {
		ally_err_set(err, ALLY_EUSER, "editor", "cannot make a temporary file in %s: %s",
			     dir, strerror(errno));
		free(path);
		return NULL;
	}
	if (write_all(fd, initial, len) == 0 && (!eol || write_all(fd, "\n", 1) == 0) &&
	    close(fd) == 0)
		return path;
	saved = errno;
	close(fd);
	unlink(path);
	ally_err_set(err, ALLY_EUSER, "editor", "cannot write %s: %s", path, strerror(saved));
	free(path);
	return NULL;
}

/* Read the whole file back (the caller frees); NULL with err filled. */
static char *read_back(const char *path, struct ally_err *err)
{
	struct buf b;
	char chunk[4096];
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		ally_err_set(err, ALLY_EUSER, "editor", "cannot read %s back: %s", path,
			     strerror(errno));
		return NULL;
	}
	buf_init(&b);
	buf_puts(&b, "");
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ally_err_set(err, ALLY_EUSER, "editor", "cannot read %s back: %s", path,
				     strerror(errno));
			close(fd);
			buf_finish(&b);
			return NULL;
		}
		if (r == 0)
			break;
		buf_add(&b, chunk, (size_t)r);
	}
	close(fd);
	return buf_take(&b);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Wait for the editor.  When ally must stop (SIGHUP, SIGTERM) the editor
 * is asked to stop too, then killed, so that ally leaves in time.  A
 * blocking waitpid would miss a signal that came just before it (or
 * during the exec handshake): it is polled instead, a few times a second. */
static int wait_editor(struct tui *t, pid_t pid, int *status)
{
	while (!tui_stopping(t)) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		sleep_ms(EDITOR_POLL_MS);
	}
	kill(pid, SIGTERM);
	for (int waited = 0; waited < EDITOR_GRACE_MS; waited += EDITOR_POLL_MS) {
		if (waitpid(pid, status, WNOHANG) == pid)
			return 0;
		sleep_ms(EDITOR_POLL_MS);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return 0;
}

/* While the editor has the terminal, Ctrl-C and Ctrl-\ there (an editor
 * in cooked mode) signal the whole foreground group: they are meant for
 * the editor, not ally, which ignores them until it returns. */
static void hold_signals(struct sigaction old[2], bool hold)
{
	static const int sigs[2] = { SIGINT, SIGQUIT };
	struct sigaction ign;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	for (int i = 0; i < 2; i++) {
		if (hold)
			sigaction(sigs[i], &ign, &old[i]);
		else
			sigaction(sigs[i], &old[i], NULL);
	}
}

/* In the child: an ignored signal stays ignored across exec, so the
 * editor gets the defaults back. */
static void child_signals(void)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
}

/* Run argv with the terminal handed over.  Returns ALLY_OK when it ran
 * and exited 0; otherwise fills err.  A pipe closed on exec tells a
 * failed exec (its errno comes through) from an editor that ran. */
static int run_editor(struct tui *t, char **argv, struct ally_err *err)
{
	int fds[2], status = 0, exec_errno = 0, rc = ALLY_OK;
	struct sigaction old[2];
	pid_t pid;

	if (pipe(fds) != 0)
		return ally_err_set(err, ALLY_EUSER, "editor", "cannot run '%s': %s", argv[0],
				    strerror(errno));
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	def_prog_mode();
	endwin();
	hold_signals(old, true);
	pid = fork();
	if (pid == 0) {
		child_signals();
		close(fds[0]);
		execvp(argv[0], argv);
		exec_errno = errno;
		if (write(fds[1], &exec_errno, sizeof exec_errno) < 0)
			_exit(126);
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		rc = ally_err_set(err, ALLY_EUSER, "editor", "cannot run '%s': %s", argv[0],
				  strerror(errno));
	} else {
		ssize_t r;

		do
			r = read(fds[0], &exec_errno, sizeof exec_errno);
		while (r < 0 && errno == EINTR && !tui_stopping(t));
		if (wait_editor(t, pid, &status) != 0)
			rc = ally_err_set(err, ALLY_EUSER, "editor", "lost '%s': %s", argv[0],
					  strerror(errno));
		else if (r == (ssize_t)sizeof exec_errno)
			rc = ally_err_set(err, ALLY_EUSER, "editor", "cannot run '%s': %s", argv[0],
					  strerror(exec_errno));
		else if (tui_stopping(t))
			rc = ally_err_set(err, ALLY_EUSER, "editor", "stopped; nothing was changed");
		else if (WIFSIGNALED(status))
			rc = ally_err_set(err, ALLY_EUSER, "editor", "'%s' was killed by signal %d",
					  argv[0], WTERMSIG(status));
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			rc = ally_err_set(err, ALLY_EUSER, "editor", "'%s' exited with status %d",
					  argv[0], WEXITSTATUS(status));
	}
	close(fds[0]);
	hold_signals(old, false);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	return rc;
}

/* The file's text as edited: the final newline the file was written
 * with (or an editor added) goes again when initial had none, exactly
 * one, so a text that had no final newline does not gain one just by
 * being opened. */
static void strip_eol(const char *initial, char *text)
{
	size_t ilen = strlen(initial), len = strlen(text);

	if ((ilen == 0 || initial[ilen - 1] != '\n') && len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
}

/* After the editor failed: the file stays when it holds text that is not
 * initial (or cannot be read back), and err says where first, so that a
 * status line too narrow for the reason still shows it. */
static void keep_on_failure(const char *path, const char *initial, struct ally_err *err)
{
	char *text = read_back(path, NULL);
	char msg[sizeof err->msg];

	if (text != NULL)
		strip_eol(initial, text);
	if (text != NULL && strcmp(text, initial) == 0) {
		unlink(path);
	} else {
		snprintf(msg, sizeof msg, "%s", err->msg);
		ally_err_set(err, err->status, NULL, "Not saved; your text is in %s: %s", path, msg);
	}
	free(text);
}

int tui_edit_text(struct tui *t, const char *initial, char **out, char **path_out,
		  struct ally_err *err)
{
	char *path, *text = NULL;
	char **argv;
	int rc;

	*out = NULL;
	*path_out = NULL;
	if (initial == NULL)
		initial = "";
	path = temp_file(initial, err);
	if (path == NULL)
		return ALLY_EUSER;
	argv = editor_argv(path);
	rc = run_editor(t, argv, err);
	if (rc == ALLY_OK) {
		text = read_back(path, err);
		rc = text != NULL ? ALLY_OK : ALLY_EUSER;
	}
	free(argv[0]);
	free(argv);
	if (rc != ALLY_OK) {
		keep_on_failure(path, initial, err);
		free(path);
		return rc;
	}
	strip_eol(initial, text);
	*out = text;
	*path_out = path;
	return ALLY_OK;
}

void tui_edit_remove(char *path)
{
	if (path != NULL)
		unlink(path);
	free(path);
}
