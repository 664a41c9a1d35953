/* bench-pty: what a user of the interface waits for, measured on the real
 * binary in a pseudo-terminal (tests/tui/vt.c, the end-to-end tests'
 * harness: libvterm keeps the screen, so "a complete screen" means what a
 * terminal would show).
 *
 * Usage: bench-pty --ally PATH --db DB [--today YYYY-MM-DD] [--term TERM]
 *                  [--runs K] [--key-runs R] [--partner NAME] [--verbose]
 *
 * The terminal is 80x24, TERM as given (default xterm-256color), LANG
 * C.UTF-8, ALLY_TODAY the day given (default 2026-12-07), ALLY_USER bench.
 * Prints one line per figure, tab-separated:
 *   what  unit  median  min  max  peak_kb  bytes
 * (peak_kb and bytes "-" where they do not apply).
 *
 * The figures:
 *   - first screen: from spawning the program (K times, default 5) to the
 *     last byte it wrote before it went idle for QUIET_MS (no output and
 *     almost no CPU time: see wait_quiet), once the screen shows a partner
 *     row and a status line; peak_kb is VmHWM (the resident set's
 *     high-water mark, /proc/PID/status) read then, bytes what it wrote;
 *   - each key (R times, default 7): "wall" from writing the key to the
 *     last byte of the answer, ending on an idle QUIET_MS that is not
 *     counted; "cpu" the CPU time the interface's process spent meanwhile
 *     (the first field of /proc/PID/schedstat, in ns, which counts every
 *     slice, where utime counts 10 ms ticks); bytes what it wrote;
 *   - reload: another process (`ally status PARTNER`) commits while the
 *     interface shows the portfolio; wall is from that commit to the last
 *     byte of the redraw, and is dominated by the interface's poll of
 *     PRAGMA data_version (every 500 ms); cpu and bytes are the cost of
 *     noticing, reloading and redrawing;
 *   - session peak: VmHWM just before quitting, after all the keys.
 * A key whose answer writes nothing has a wall time of 0.  A key case
 * whose screen is not what it expects (a menu item never selected) prints
 * its figures with the unit "failed" and the screen on standard error,
 * and the others still run.  Exits 1 when the interface does not come up,
 * dies or hangs on the way. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"

#define ROWS        24
#define COLS        80
#define QUIET_MS    100   /* output paused this long: the screen is done */
#define START_MS    60000 /* the most a first screen may take */
#define KEY_MS      30000 /* the most the answer to a key may take */
#define RELOAD_MS   15000 /* the most from a commit to the redraw */
#define SAMPLES_MAX 64
#define MENU_MOVES  30    /* Down presses before giving up on a menu item */
#define POLL_MS     10    /* how often the output and the CPU time are looked at */
#define BUSY_SHARE  0.2   /* more CPU than this share of the time: still working */
#define SILENT_MS   1000  /* idle this long with no output at all: no answer */

/* Keys as xterm sends them (vt.c translates for the terminal's mode). */
#define K_ENTER "\r"
#define K_ESC   "\x1b"
#define K_DOWN  "\x1b[B"
#define K_PGDN  "\x1b[6~"

struct opts {
	const char *ally, *db, *today, *term, *partner;
	int runs, key_runs;
	bool verbose;
};

/* One interface under measurement. */
struct session {
	struct vt *vt;
	pid_t pid;          /* the interface's process, for /proc */
	size_t seen;        /* bytes of its output read so far */
	double last_byte;   /* when the newest of them arrived (ms) */
	long long cpu_seen; /* its CPU time (ns) when busy() last looked */
	double cpu_at;      /* and when that was (ms) */
	const struct opts *o;
};

/* One figure's samples. */
struct series {
	char what[96];
	const char *unit;
	double v[SAMPLES_MAX];
	double bytes[SAMPLES_MAX];
	int n;
	long peak_kb; /* -1: not measured */
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- the process, from /proc ---- */

/* Our only child at this moment: the interface vt_spawn just started
 * (vt.h keeps the pid to itself).  Its parent is the 4th field of
 * /proc/PID/stat, after the command name in parentheses. */
static pid_t find_child(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	pid_t found = 0;

	while (d != NULL && found == 0 && (e = readdir(d)) != NULL) {
		char path[sizeof e->d_name + 16], line[512], *paren;
		FILE *f;
		int ppid;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fgets(line, sizeof line, f) != NULL && (paren = strrchr(line, ')')) != NULL &&
		    sscanf(paren + 1, " %*c %d", &ppid) == 1 && ppid == getpid())
			found = (pid_t)atoi(e->d_name);
		fclose(f);
	}
	if (d != NULL)
		closedir(d);
	return found;
}

/* CPU time the process has run, in ns; -1 when it cannot be read. */
static long long cpu_ns(pid_t pid)
{
	char path[64];
	long long ns = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%lld", &ns) != 1)
		ns = -1;
	fclose(f);
	return ns;
}

/* VmHWM in kB; -1 when it cannot be read. */
static long vm_hwm_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* ---- waiting for output ---- */

static void note_output(struct session *s)
{
	size_t len;

	vt_output(s->vt, &len);
	if (len > s->seen) {
		s->seen = len;
		s->last_byte = now_ms();
	}
}

/* Has the first view been drawn whole?  A partner row and the status
 * line at the bottom. */
static bool screen_complete(struct session *s)
{
	char *status = vt_line(s->vt, ROWS - 1);
	bool done = status[0] != '\0' && vt_find_row(s->vt, "Partner 0") >= 0;

	free(status);
	return done;
}

/* Is the process runnable (state R in /proc/PID/stat: on a CPU or
 * waiting for one, on a loaded machine)? */
static bool runnable(pid_t pid)
{
	char path[64], line[512], *paren;
	bool r = false;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return false;
	if (fgets(line, sizeof line, f) != NULL && (paren = strrchr(line, ')')) != NULL)
		r = paren[1] == ' ' && paren[2] == 'R';
	fclose(f);
	return r;
}

/* Is the process working: runnable, or on a CPU for more than a fifth of
 * the time since the last look?  Reading the database before it draws
 * anything can take longer than QUIET_MS at 100k partners, so a pause in
 * the output alone does not mean the answer is complete. */
static bool busy(struct session *s)
{
	double t = now_ms();
	long long ns = cpu_ns(s->pid);
	bool working = runnable(s->pid) ||
		       ns - s->cpu_seen > (long long)((t - s->cpu_at) * 1e6 * BUSY_SHARE);

	s->cpu_seen = ns;
	s->cpu_at = t;
	return working;
}

/* Read output until ready(s) holds (NULL: at once) and the interface has
 * been idle for QUIET_MS: nothing written, and hardly any CPU time spent
 * (its poll of the database every 500 ms takes microseconds).  Every key
 * measured changes the screen, so while nothing at all has come the idle
 * time needed is SILENT_MS: an answer that is late (the process waiting
 * for a lock, or for a CPU) is not taken for no answer.  Returns
 * the time of the last byte (since when none came), or -1 when the child
 * went away or timeout_ms passed first.  vt_pump returns as soon as bytes
 * are there, so last_byte is when they arrived, to within the time
 * libvterm takes to read them. */
static double wait_quiet(struct session *s, double since, bool (*ready)(struct session *),
			 int timeout_ms)
{
	double active = since; /* the last moment it wrote or worked */

	/* Bytes vt_send read while it typed (it pumps during the pause after
	 * a lone Esc) arrived by now. */
	s->last_byte = since;
	note_output(s);
	busy(s);
	for (;;) {
		double t = now_ms(), quiet = s->last_byte > since ? QUIET_MS : SILENT_MS;

		if (busy(s))
			active = t;
		if (s->last_byte > active)
			active = s->last_byte;
		if (t - active >= quiet && (ready == NULL || ready(s)))
			return s->last_byte;
		if (t - since > timeout_ms)
			return -1;
		if (!vt_pump(s->vt, POLL_MS)) {
			note_output(s);
			return -1;
		}
		note_output(s);
	}
}

/* ---- the session ---- */

static struct session *session_open(const struct opts *o, double *spawned)
{
	static char term_env[64], today_env[64];
	const char *argv[] = { o->ally, "--db", o->db, NULL };
	const char *env[] = { term_env, today_env, "ALLY_USER=bench", "LANG=C.UTF-8",
			      "LC_ALL=C.UTF-8", NULL };
	struct session *s = calloc(1, sizeof *s);

	if (s == NULL)
		exit(1);
	snprintf(term_env, sizeof term_env, "TERM=%s", o->term);
	snprintf(today_env, sizeof today_env, "ALLY_TODAY=%s", o->today);
	s->o = o;
	*spawned = now_ms();
	s->vt = vt_spawn(argv, env, ROWS, COLS);
	s->pid = find_child();
	if (s->pid <= 0) {
		fputs("bench-pty: cannot find the interface's process\n", stderr);
		exit(1);
	}
	return s;
}

static void show_screen(struct session *s, const char *when)
{
	char *screen;

	if (!s->o->verbose)
		return;
	screen = vt_screen(s->vt); /* which reads what is there: count it */
	note_output(s);
	fprintf(stderr, "---- %s ----\n%s", when, screen);
	free(screen);
}

static void die_screen(const struct session *s, const char *what)
{
	char *screen = vt_screen(s->vt);

	fprintf(stderr, "bench-pty: %s (TERM=%s); the screen:\n%s", what, s->o->term, screen);
	free(screen);
	exit(1);
}

/* Quit with q (Esc first, to leave a menu or prompt), and reap it. */
static void session_close(struct session *s)
{
	vt_send(s->vt, K_ESC);
	vt_send(s->vt, "q");
	if (vt_wait_exit(s->vt, 5000) < 0)
		fprintf(stderr, "bench-pty: the interface did not quit on q; killed\n");
	vt_free(s->vt);
	free(s);
}

/* ---- series ---- */

static void series_add(struct series *se, double v, double bytes)
{
	if (se->n < SAMPLES_MAX) {
		se->v[se->n] = v;
		se->bytes[se->n] = bytes;
		se->n++;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof v[0], cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void series_print(struct series *se)
{
	double med, bytes;

	if (se->n == 0)
		return;
	med = median(se->v, se->n);
	bytes = median(se->bytes, se->n);
	printf("%s\t%s\t%.3f\t%.3f\t%.3f\t", se->what, se->unit, med, se->v[0], se->v[se->n - 1]);
	if (se->peak_kb >= 0)
		printf("%ld", se->peak_kb);
	else
		putchar('-');
	printf("\t%.0f\n", bytes);
	fflush(stdout);
}

/* ---- the first screen ---- */

static void first_screens(const struct opts *o, struct series *se, struct session **keep)
{
	*se = (struct series){ .what = "first screen", .unit = "ms", .peak_kb = 0 };
	for (int r = 0; r < o->runs; r++) {
		double spawned, last;
		struct session *s = session_open(o, &spawned);
		long hwm;

		last = wait_quiet(s, spawned, screen_complete, START_MS);
		if (last < 0)
			die_screen(s, "no complete first screen");
		hwm = vm_hwm_kb(s->pid);
		se->peak_kb = hwm > se->peak_kb ? hwm : se->peak_kb;
		series_add(se, last - spawned, (double)s->seen);
		show_screen(s, "first screen");
		/* The last session stays open for the keys. */
		if (r + 1 < o->runs)
			session_close(s);
		else
			*keep = s;
	}
}

/* ---- keys ---- */

/* One step of a case: keys to type, measured when what is not NULL; or,
 * with select, Down until the menu's selected item reads select. */
struct step {
	const char *keys;
	const char *what;
	const char *select;
};

#define STEPS_MAX 6

/* A case starts and ends on the Portfolio, at the top of the list, so
 * that every repetition measures the same thing. */
static const struct step cases[][STEPS_MAX] = {
	{ { "j", "j (move one row)", NULL }, { "g", NULL, NULL } },
	{ { K_PGDN, "PgDn (page down)", NULL }, { "g", NULL, NULL } },
	{ { "G", "G (jump to end)", NULL }, { "g", "g (back to the top)", NULL } },
	{ { K_ENTER, "Enter (open detail)", NULL }, { "q", "q (back from detail)", NULL } },
	{ { "2", "2 (Renewals)", NULL }, { "1", "1 (back to Portfolio)", NULL } },
	/* "7" matches a few rows down ("Partner 000007"): a short search
	 * that finds its match soon, the common case. */
	{ { "/", NULL, NULL }, { "7", "/7 (search, one character)", NULL }, { K_ESC, NULL, NULL } },
	/* f opens the filter menu, Enter its first item (Phase), then the
	 * phase; Esc clears the filter, and leaves the selection where it
	 * was (the first partner in launch), so g goes back to the top. */
	{ { "f", "f (filter menu)", NULL },
	  { K_ENTER, NULL, NULL },
	  { NULL, NULL, "launch" },
	  { K_ENTER, "Enter (apply filter phase=launch)", NULL },
	  { K_ESC, NULL, NULL },
	  { "g", NULL, NULL } },
};

#define NCASES (sizeof cases / sizeof cases[0])

/* Is label the selected item of the menu on screen?  The selected item
 * follows the menu's mark "> ", the preselected one carries "* ". */
static bool menu_selected(struct session *s, const char *label)
{
	char want[2][64];
	bool hit = false;

	snprintf(want[0], sizeof want[0], "> * %s", label);
	snprintf(want[1], sizeof want[1], ">   %s", label);
	for (int row = 0; row < ROWS && !hit; row++) {
		char *line = vt_line(s->vt, row);

		for (int i = 0; i < 2 && !hit; i++) {
			const char *at = strstr(line, want[i]);
			size_t n = strlen(want[i]);

			hit = at != NULL && !isalnum((unsigned char)at[n]) && at[n] != '_';
		}
		free(line);
	}
	return hit;
}

/* Down until label is selected; false when it never is. */
static bool menu_select(struct session *s, const char *label)
{
	for (int i = 0; !menu_selected(s, label); i++) {
		if (i >= MENU_MOVES)
			return false;
		vt_send(s->vt, K_DOWN);
		if (wait_quiet(s, now_ms(), NULL, KEY_MS) < 0)
			die_screen(s, "the interface left during a menu");
	}
	return true;
}

/* Type keys and wait for the answer; add wall and CPU time and bytes to
 * wall and cpu when they are not NULL. */
static void press(struct session *s, const char *keys, struct series *wall, struct series *cpu)
{
	long long cpu0 = cpu_ns(s->pid), cpu1;
	size_t bytes0 = s->seen;
	double t0 = now_ms(), last;

	vt_send(s->vt, keys);
	last = wait_quiet(s, t0, NULL, KEY_MS);
	if (last < 0)
		die_screen(s, "the interface left or hung after a key");
	cpu1 = cpu_ns(s->pid);
	if (s->o->verbose)
		fprintf(stderr, "key %s: wall %.3f ms, cpu %.3f ms, %zu bytes\n",
			wall != NULL ? wall->what : "(unmeasured)", last - t0,
			(double)(cpu1 - cpu0) / 1e6, s->seen - bytes0);
	if (wall != NULL)
		series_add(wall, last - t0, (double)(s->seen - bytes0));
	if (cpu != NULL)
		series_add(cpu, (double)(cpu1 - cpu0) / 1e6, (double)(s->seen - bytes0));
}

/* One repetition of a case; false when the screen is not what the case
 * expects (a menu item that is never selected). */
static bool run_case(struct session *s, const struct step *steps, struct series *wall,
		     struct series *cpu)
{
	for (int i = 0; i < STEPS_MAX && (steps[i].keys != NULL || steps[i].select != NULL); i++) {
		if (steps[i].select != NULL) {
			if (!menu_select(s, steps[i].select))
				return false;
		} else if (steps[i].what != NULL)
			press(s, steps[i].keys, &wall[i], &cpu[i]);
		else
			press(s, steps[i].keys, NULL, NULL);
	}
	return true;
}

/* After a failed case: leave any menu or prompt, back to the top of the
 * Portfolio, so that the next case starts where it should. */
static void recover(struct session *s)
{
	char *screen = vt_screen(s->vt);

	note_output(s);
	fprintf(stderr, "bench-pty: a key case failed (TERM=%s); the screen:\n%s", s->o->term,
		screen);
	free(screen);
	press(s, K_ESC, NULL, NULL);
	press(s, K_ESC, NULL, NULL);
	press(s, "1", NULL, NULL);
	press(s, "g", NULL, NULL);
}

/* A figure that could not be measured: "failed" as its unit. */
static void print_failed(const char *what)
{
	printf("%s\tfailed\t-\t-\t-\t-\t-\n", what);
}

static void keys(struct session *s)
{
	for (size_t c = 0; c < NCASES; c++) {
		struct series wall[STEPS_MAX], cpu[STEPS_MAX];
		bool ok = true;

		for (int i = 0; i < STEPS_MAX; i++) {
			const char *what = cases[c][i].what;

			wall[i] = (struct series){ .unit = "ms", .peak_kb = -1 };
			cpu[i] = wall[i];
			if (what != NULL) {
				snprintf(wall[i].what, sizeof wall[i].what, "%s wall", what);
				snprintf(cpu[i].what, sizeof cpu[i].what, "%s cpu", what);
			}
		}
		for (int r = 0; r < s->o->key_runs && ok; r++)
			ok = run_case(s, cases[c], wall, cpu);
		if (!ok)
			recover(s);
		show_screen(s, "after a key case");
		for (int i = 0; i < STEPS_MAX; i++) {
			if (cases[c][i].what == NULL)
				continue;
			if (!ok) {
				print_failed(cases[c][i].what);
				continue;
			}
			series_print(&wall[i]);
			series_print(&cpu[i]);
		}
	}
}

/* ---- another session's commit ---- */

/* `ally status PARTNER --health HEALTH --note NOTE` as a colleague would
 * run it; its exit status. */
static int commit_status(const struct opts *o, const char *health, const char *note)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(null, 1);
		setenv("ALLY_USER", "bench", 1);
		execl(o->ally, o->ally, "--db", o->db, "--today", o->today, "status", o->partner,
		      "--health", health, "--note", note, (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		return -1;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static size_t reload_from; /* bytes seen when the commit was made */

static bool redrawn(struct session *s)
{
	return s->seen > reload_from;
}

/* Set the partner's health to green, unmeasured, and let the interface
 * settle: each measured commit then changes what its row shows (red,
 * amber, red...), whatever an earlier run left, so that it is redrawn.
 * When it was green already nothing is drawn: then it is enough to have
 * given the interface time to reload. */
static void reload_prime(struct session *s)
{
	if (commit_status(s->o, "green", "bench reload 0") != 0) {
		fputs("bench-pty: ally status failed; no reload figures\n", stderr);
		return;
	}
	reload_from = s->seen;
	if (wait_quiet(s, now_ms(), redrawn, RELOAD_MS / 3) < 0)
		wait_quiet(s, now_ms(), NULL, KEY_MS);
}

static void reloads(struct session *s)
{
	struct series wall = { .what = "reload after another commit wall", .unit = "ms", .peak_kb = -1 };
	struct series cpu = { .what = "reload after another commit cpu", .unit = "ms", .peak_kb = -1 };

	/* The partner changed must be on screen, else nothing is redrawn. */
	press(s, "g", NULL, NULL);
	reload_prime(s);
	for (int r = 0; r < s->o->key_runs; r++) {
		long long cpu0 = cpu_ns(s->pid);
		double committed, last;
		char note[32];
		int st;

		snprintf(note, sizeof note, "bench reload %d", r + 1);
		reload_from = s->seen;
		st = commit_status(s->o, r % 2 ? "amber" : "red", note);
		committed = now_ms();
		if (st != 0) {
			fprintf(stderr, "bench-pty: ally status exited %d during the reload test\n", st);
			continue;
		}
		last = wait_quiet(s, committed, redrawn, RELOAD_MS);
		if (last < 0)
			die_screen(s, "no redraw after another process committed");
		series_add(&wall, last - committed, (double)(s->seen - reload_from));
		series_add(&cpu, (double)(cpu_ns(s->pid) - cpu0) / 1e6, (double)(s->seen - reload_from));
	}
	show_screen(s, "after the reloads");
	series_print(&wall);
	series_print(&cpu);
}

/* ---- main ---- */

static int usage(void)
{
	fputs("usage: bench-pty --ally PATH --db DB [--today YYYY-MM-DD] [--term TERM] [--runs K]\n"
	      "                 [--key-runs R] [--partner NAME] [--verbose]\n",
	      stderr);
	return 2;
}

static int parse(int argc, char **argv, struct opts *o)
{
	*o = (struct opts){ NULL, NULL, "2026-12-07", "xterm-256color", "Partner 000001", 5, 7, false };
	for (int a = 1; a < argc; a++) {
		const char *v = a + 1 < argc ? argv[a + 1] : NULL;

		if (strcmp(argv[a], "--verbose") == 0) {
			o->verbose = true;
			continue;
		}
		if (v == NULL)
			return -1;
		if (strcmp(argv[a], "--ally") == 0)
			o->ally = v;
		else if (strcmp(argv[a], "--db") == 0)
			o->db = v;
		else if (strcmp(argv[a], "--today") == 0)
			o->today = v;
		else if (strcmp(argv[a], "--term") == 0)
			o->term = v;
		else if (strcmp(argv[a], "--partner") == 0)
			o->partner = v;
		else if (strcmp(argv[a], "--runs") == 0)
			o->runs = atoi(v);
		else if (strcmp(argv[a], "--key-runs") == 0)
			o->key_runs = atoi(v);
		else
			return -1;
		a++;
	}
	if (o->ally == NULL || o->db == NULL || o->runs < 1 || o->runs > SAMPLES_MAX ||
	    o->key_runs < 1 || o->key_runs > SAMPLES_MAX)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o;
	struct series first;
	struct session *s = NULL;

	if (parse(argc, argv, &o) < 0)
		return usage();
	first_screens(&o, &first, &s);
	series_print(&first);
	keys(s);
	reloads(s);
	printf("session peak memory\t-\t-\t-\t-\t%ld\t-\n", vm_hwm_kb(s->pid));
	session_close(s);
	return 0;
}
