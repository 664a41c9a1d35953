/* vt.c: a program on a pseudo-terminal, its screen kept by libvterm. */
#include "vt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#include "ally/util.h"

struct vt {
	pid_t pid;            /* the child; 0 once reaped */
	int fd;               /* the pseudo-terminal's master side */
	int status;           /* exit status once reaped (128+signal for a signal) */
	bool eof;             /* the child closed the terminal (all output read) */
	VTerm *term;          /* the emulator */
	VTermScreen *screen;  /* its screen layer, which keeps the cells */
	int rows, cols;       /* the terminal's size */
	bool altscreen;       /* the alternate screen is on */
	char *title;          /* the window title set, or NULL */
	unsigned long fed;    /* bytes fed to the emulator so far */
	struct buf raw;       /* everything the child wrote */
};

/* Children still running, killed when the test process exits however it
 * exits (a failed assertion ends a forked Check test with exit()), so no
 * test leaves a program behind on a terminal nobody reads. */
#define VT_LIVE_MAX 16
static pid_t live[VT_LIVE_MAX];

static void kill_live(void)
{
	for (int i = 0; i < VT_LIVE_MAX; i++)
		if (live[i] > 0)
			kill(live[i], SIGKILL);
}

static void live_add(pid_t pid)
{
	static bool registered;

	if (!registered) {
		atexit(kill_live);
		registered = true;
	}
	for (int i = 0; i < VT_LIVE_MAX; i++) {
		if (live[i] == 0) {
			live[i] = pid;
			return;
		}
	}
}

static void live_remove(pid_t pid)
{
	for (int i = 0; i < VT_LIVE_MAX; i++)
		if (live[i] == pid)
			live[i] = 0;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct vt *vt = user;

	if (prop == VTERM_PROP_ALTSCREEN)
		vt->altscreen = val->boolean != 0;
	else if (prop == VTERM_PROP_TITLE && val->string != NULL)
		str_set(&vt->title, val->string);
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = settermprop,
};

/* The terminal's answers to the child's queries (cursor position, device
 * attributes) go back to it as a real terminal's would. */
static void answer(const char *s, size_t len, void *user)
{
	struct vt *vt = user;

	while (len > 0) {
		ssize_t n = write(vt->fd, s, len);

		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

static void child_env(const char *const env[])
{
	static const char *const drop[] = { "LINES", "COLUMNS", "NO_COLOR", "VISUAL", "EDITOR",
					    "LANGUAGE", "TERMINFO", "TERMCAP", NULL };

	for (int i = 0; drop[i] != NULL; i++)
		unsetenv(drop[i]);
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	for (int i = 0; env != NULL && env[i] != NULL; i++) {
		const char *eq = strchr(env[i], '=');
		char key[128];

		if (eq == NULL || (size_t)(eq - env[i]) >= sizeof key)
			continue;
		memcpy(key, env[i], (size_t)(eq - env[i]));
		key[eq - env[i]] = '\0';
		setenv(key, eq + 1, 1);
	}
}

struct vt *vt_spawn(const char *const argv[], const char *const env[], int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	struct vt *vt = xcalloc(1, sizeof *vt);
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0) {
		perror("forkpty");
		exit(77);
	}
	if (pid == 0) {
		/* The test runner may ignore or block signals; the program
		 * must meet them as a shell would leave them. */
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		child_env(env);
		execv(argv[0], (char *const *)argv);
		perror(argv[0]);
		_exit(127);
	}
	vt->pid = pid;
	live_add(pid);
	vt->fd = fd;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	vt->rows = rows;
	vt->cols = cols;
	buf_init(&vt->raw);
	vt->term = vterm_new(rows, cols);
	vterm_set_utf8(vt->term, 1);
	vterm_output_set_callback(vt->term, answer, vt);
	vt->screen = vterm_obtain_screen(vt->term);
	vterm_screen_enable_altscreen(vt->screen, 1);
	vterm_screen_set_callbacks(vt->screen, &screen_callbacks, vt);
	vterm_screen_reset(vt->screen, 1);
	return vt;
}

/* Collect the child's exit status if it has ended (without waiting). */
static void reap(struct vt *vt, bool block)
{
	int st;
	pid_t r;

	if (vt->pid <= 0)
		return;
	do
		r = waitpid(vt->pid, &st, block ? 0 : WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r != vt->pid)
		return;
	vt->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	live_remove(vt->pid);
	vt->pid = 0;
}

void vt_free(struct vt *vt)
{
	if (vt == NULL)
		return;
	if (vt->pid > 0) {
		kill(vt->pid, SIGKILL);
		reap(vt, true);
	}
	close(vt->fd);
	vterm_free(vt->term);
	buf_finish(&vt->raw);
	free(vt->title);
	free(vt);
}

/* Read what is there now; false when the terminal was closed. */
static bool read_some(struct vt *vt)
{
	char chunk[8192];

	for (;;) {
		ssize_t n = read(vt->fd, chunk, sizeof chunk);

		if (n > 0) {
			buf_add(&vt->raw, chunk, (size_t)n);
			vterm_input_write(vt->term, chunk, (size_t)n);
			vt->fed += (unsigned long)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return true;
		/* EIO (Linux) or 0: every process has closed the slave. */
		vt->eof = true;
		return false;
	}
}

bool vt_pump(struct vt *vt, int timeout_ms)
{
	struct pollfd p = { vt->fd, POLLIN, 0 };
	int r;

	if (vt->eof)
		return false;
	r = poll(&p, 1, timeout_ms);
	if (r < 0 && errno != EINTR)
		return false;
	if (r > 0)
		read_some(vt);
	if (vt->eof)
		reap(vt, false);
	return !vt->eof;
}

/* Keys that have no character: what the tests write for them (xterm's
 * normal-mode sequences) and the key libvterm sends in the terminal's
 * current mode (after the program's smkx, the cursor keys are ESC O A
 * and so on, as a real xterm sends them). */
static const struct {
	const char *seq;
	VTermKey key;
	VTermModifier mod;
} special[] = {
	{ "\x1b[A", VTERM_KEY_UP, VTERM_MOD_NONE },
	{ "\x1b[B", VTERM_KEY_DOWN, VTERM_MOD_NONE },
	{ "\x1b[C", VTERM_KEY_RIGHT, VTERM_MOD_NONE },
	{ "\x1b[D", VTERM_KEY_LEFT, VTERM_MOD_NONE },
	{ "\x1b[H", VTERM_KEY_HOME, VTERM_MOD_NONE },
	{ "\x1b[F", VTERM_KEY_END, VTERM_MOD_NONE },
	{ "\x1b[2~", VTERM_KEY_INS, VTERM_MOD_NONE },
	{ "\x1b[3~", VTERM_KEY_DEL, VTERM_MOD_NONE },
	{ "\x1b[5~", VTERM_KEY_PAGEUP, VTERM_MOD_NONE },
	{ "\x1b[6~", VTERM_KEY_PAGEDOWN, VTERM_MOD_NONE },
	{ "\x1b[Z", VTERM_KEY_TAB, VTERM_MOD_SHIFT },
	{ "\x1bOP", VTERM_KEY_FUNCTION(1), VTERM_MOD_NONE },
	{ "\x1bOQ", VTERM_KEY_FUNCTION(2), VTERM_MOD_NONE },
};

static void write_all(struct vt *vt, const char *bytes, size_t len)
{
	size_t off = 0;
	long deadline = now_ms() + 5000;

	while (off < len && now_ms() < deadline) {
		ssize_t n = write(vt->fd, bytes + off, len - off);

		if (n > 0) {
			off += (size_t)n;
		} else if (n < 0 && errno != EINTR && errno != EAGAIN) {
			break;
		} else {
			/* The child is not reading; keep its output flowing
			 * so that it is not stuck writing to us. */
			vt_pump(vt, 10);
		}
	}
}

void vt_send(struct vt *vt, const char *bytes)
{
	const char *p = bytes, *plain = bytes;

	/* The terminal's modes (DECCKM) come from what the child wrote. */
	vt_pump(vt, 0);
	while (*p != '\0') {
		size_t i, n = 0;

		for (i = 0; *p == '\x1b' && i < sizeof special / sizeof special[0]; i++) {
			n = strlen(special[i].seq);
			if (strncmp(p, special[i].seq, n) == 0)
				break;
		}
		if (*p != '\x1b' || i == sizeof special / sizeof special[0]) {
			p++;
			continue;
		}
		write_all(vt, plain, (size_t)(p - plain));
		vterm_keyboard_key(vt->term, special[i].key, special[i].mod);
		p += n;
		plain = p;
	}
	write_all(vt, plain, (size_t)(p - plain));
	if (strcmp(bytes, "\x1b") == 0) {
		long until = now_ms() + VT_ESC_GAP_MS;

		while (now_ms() < until && vt_pump(vt, (int)(until - now_ms())))
			;
	}
}

void vt_inject(struct vt *vt, const char *bytes)
{
	vt_pump(vt, 0);
	vterm_input_write(vt->term, bytes, strlen(bytes));
}

static size_t put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Row row as UTF-8 text appended to b; when cols is not NULL, cols[i]
 * receives the screen column of the byte at b->len-before + i (room for
 * 4 bytes a column plus one). */
static void line_into(struct vt *vt, int row, struct buf *b, int *cols)
{
	size_t start = b->len;

	for (int col = 0; col < vt->cols; col++) {
		VTermScreenCell cell;
		VTermPos pos = { .row = row, .col = col };
		size_t before = b->len;
		char u[4];

		if (!vterm_screen_get_cell(vt->screen, pos, &cell) || cell.chars[0] == 0) {
			buf_putc(b, ' ');
		} else if (cell.chars[0] == (uint32_t)-1) {
			continue; /* the right half of a wide character */
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0; i++)
				buf_add(b, u, put_utf8(u, cell.chars[i]));
		}
		for (size_t i = before; cols != NULL && i < b->len; i++)
			cols[i - start] = col;
		if (cell.width == 2)
			col++;
	}
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

char *vt_line(struct vt *vt, int row)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	if (row >= 0 && row < vt->rows)
		line_into(vt, row, &b, NULL);
	return buf_take(&b);
}

char *vt_screen(struct vt *vt)
{
	struct buf b;

	vt_pump(vt, 0);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (int row = 0; row < vt->rows; row++) {
		line_into(vt, row, &b, NULL);
		buf_putc(&b, '\n');
	}
	return buf_take(&b);
}

bool vt_find(struct vt *vt, const char *text, int *row, int *col)
{
	int *cols = xcalloc((size_t)vt->cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1, sizeof *cols);
	bool found = false;

	for (int r = 0; r < vt->rows && !found; r++) {
		struct buf b;
		const char *at;

		buf_init(&b);
		buf_add(&b, "", 0);
		line_into(vt, r, &b, cols);
		at = strstr(b.data, text);
		if (at != NULL) {
			found = true;
			*row = r;
			*col = cols[at - b.data];
		}
		buf_finish(&b);
	}
	free(cols);
	return found;
}

int vt_find_row(struct vt *vt, const char *text)
{
	int row, col;

	return vt_find(vt, text, &row, &col) ? row : -1;
}

bool vt_cell_reverse(struct vt *vt, int row, int col)
{
	VTermScreenCell cell;
	VTermPos pos = { .row = row, .col = col };

	return vterm_screen_get_cell(vt->screen, pos, &cell) && cell.attrs.reverse;
}

bool vt_has(struct vt *vt, const char *text)
{
	vt_settle(vt, VT_QUIET_MS, 2000);
	return vt_find_row(vt, text) >= 0;
}

/* Poll until has(text) == want or the deadline passes.  A screen caught
 * in the middle of an update (ncurses scrolls a region, then redraws
 * what moved) can show a state that never was, so the answer counts only
 * once the output has paused for VT_QUIET_MS and it still holds. */
static bool wait_for(struct vt *vt, const char *text, bool want, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;

	for (;;) {
		bool open = vt_pump(vt, 0);

		if ((vt_find_row(vt, text) >= 0) == want) {
			vt_settle(vt, VT_QUIET_MS, 2000);
			if ((vt_find_row(vt, text) >= 0) == want)
				return true;
			continue;
		}
		if (!open || now_ms() >= deadline)
			return false;
		long left = deadline - now_ms();
		vt_pump(vt, left < 50 ? (int)left : 50);
	}
}

bool vt_wait_text(struct vt *vt, const char *text, int timeout_ms)
{
	return wait_for(vt, text, true, timeout_ms);
}

bool vt_wait_gone(struct vt *vt, const char *text, int timeout_ms)
{
	return wait_for(vt, text, false, timeout_ms);
}

bool vt_settle(struct vt *vt, int quiet_ms, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;
	long quiet_since = now_ms();
	unsigned long seen = vt->fed;

	while (now_ms() < deadline) {
		bool open = vt_pump(vt, 20);

		if (vt->fed != seen) {
			seen = vt->fed;
			quiet_since = now_ms();
		} else if (now_ms() - quiet_since >= quiet_ms || !open) {
			return true;
		}
	}
	return false;
}

bool vt_row_reverse(struct vt *vt, int row)
{
	int rev = 0, cells = 0;

	for (int col = 0; col < vt->cols; col++) {
		VTermScreenCell cell;
		VTermPos pos = { .row = row, .col = col };

		if (!vterm_screen_get_cell(vt->screen, pos, &cell))
			continue;
		if (cell.chars[0] != 0 && cell.chars[0] != ' ')
			cells++;
		if (cell.chars[0] != 0 && cell.chars[0] != ' ' && cell.attrs.reverse)
			rev++;
	}
	return cells > 0 && rev * 2 > cells;
}

int vt_rows(const struct vt *vt)
{
	return vt->rows;
}

int vt_cols(const struct vt *vt)
{
	return vt->cols;
}

void vt_resize(struct vt *vt, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	vt_pump(vt, 0);
	vt->rows = rows;
	vt->cols = cols;
	vterm_set_size(vt->term, rows, cols);
	ioctl(vt->fd, TIOCSWINSZ, &ws);
}

int vt_kill(struct vt *vt, int sig)
{
	if (vt->pid <= 0)
		return -1;
	return kill(vt->pid, sig);
}

int vt_wait_exit(struct vt *vt, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;

	for (;;) {
		reap(vt, false);
		if (vt->pid == 0) {
			/* Read what it wrote last (rmcup and the like); a
			 * descendant may still hold the terminal, so not
			 * forever. */
			long until = now_ms() + 200;

			while (now_ms() < until && vt_pump(vt, 20))
				;
			return vt->status;
		}
		if (now_ms() >= deadline)
			return -1;
		if (!vt_pump(vt, 10))
			usleep(5000); /* closed but not yet reaped: poll would not wait */
	}
}

bool vt_altscreen(const struct vt *vt)
{
	return vt->altscreen;
}

/* The last occurrence of needle in the first len bytes of hay, or -1. */
static long last_index(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, n) == 0)
			return (long)i;
	return -1;
}

/* From the raw output rather than libvterm's state: libvterm saves the
 * cursor's visibility with DECSC and restores it when the alternate
 * screen is left, where xterm does neither, so its state after rmcup
 * need not be what a user sees.  Visible unless the last DECTCEM (civis
 * "\e[?25l", cnorm "\e[?12l\e[?25h", cvvis "\e[?12;25h") hid it. */
bool vt_cursor_visible(const struct vt *vt)
{
	const char *raw = vt->raw.data != NULL ? vt->raw.data : "";
	long hide = last_index(raw, vt->raw.len, "\x1b[?25l");
	long show = last_index(raw, vt->raw.len, "\x1b[?25h");
	long show2 = last_index(raw, vt->raw.len, ";25h");

	return hide < 0 || show > hide || show2 > hide;
}

const char *vt_title(const struct vt *vt)
{
	return vt->title != NULL ? vt->title : "";
}

const char *vt_output(const struct vt *vt, size_t *len)
{
	if (len != NULL)
		*len = vt->raw.len;
	return vt->raw.data != NULL ? vt->raw.data : "";
}

int vt_hang_up(struct vt *vt, int timeout_ms, long *cpu_ms)
{
	long deadline = now_ms() + timeout_ms;
	struct rusage ru;
	int st;
	pid_t r;

	*cpu_ms = -1;
	close(vt->fd);
	vt->fd = open("/dev/null", O_RDWR | O_CLOEXEC); /* vt_free closes it */
	vt->eof = true;
	while (vt->pid > 0) {
		r = wait4(vt->pid, &st, WNOHANG, &ru);
		if (r == vt->pid) {
			vt->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			live_remove(vt->pid);
			vt->pid = 0;
			*cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L +
				  (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000L;
			return vt->status;
		}
		if (now_ms() >= deadline)
			return -1;
		usleep(5000);
	}
	return vt->status;
}

int vt_pid(const struct vt *vt)
{
	return (int)vt->pid;
}
