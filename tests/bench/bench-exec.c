/* bench-exec: run a command several times and say how long it took, how
 * much memory it needed and how much it wrote.
 *
 * Usage: bench-exec [--runs K] [--stdin FILE] [--env NAME=VALUE]... -- PROGRAM [ARG]...
 *
 * Prints one line, tab-separated:
 *   median_ms  min_ms  max_ms  peak_kb  bytes  exit
 * wall time from fork to reaping (CLOCK_MONOTONIC), over K runs (default
 * 1); peak_kb the largest resident set of any run (wait4's ru_maxrss,
 * which covers the descendants the program waited for, as VisiData's
 * threads are); bytes what the last run wrote to standard output; exit
 * the first failing run's status (128 + signal for a signal), else 0.
 * The runs stop at the first failure.
 *
 * Standard output goes to a pipe that this program drains and counts, as
 * `| wc -c` would: every program compared is measured writing to the same
 * kind of reader.  Standard error is left to the caller's.  Standard input
 * is FILE, or /dev/null. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS_MAX 100
#define ENV_MAX  16

struct opts {
	int runs;
	const char *stdin_path;
	const char *env[ENV_MAX];
	int nenv;
	char **argv; /* the program and its arguments */
};

struct run {
	double ms;
	long peak_kb;
	long long bytes;
	int status; /* exit status, 128 + signal, or 127 when it could not start */
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int usage(void)
{
	fputs("usage: bench-exec [--runs K] [--stdin FILE] [--env NAME=VALUE]... -- PROGRAM "
	      "[ARG]...\n",
	      stderr);
	return 2;
}

static int parse(int argc, char **argv, struct opts *o)
{
	int a = 1;

	o->runs = 1;
	o->stdin_path = "/dev/null";
	o->nenv = 0;
	for (; a < argc && strcmp(argv[a], "--") != 0; a += 2) {
		if (a + 1 >= argc)
			return -1;
		if (strcmp(argv[a], "--runs") == 0)
			o->runs = atoi(argv[a + 1]);
		else if (strcmp(argv[a], "--stdin") == 0)
			o->stdin_path = argv[a + 1];
		else if (strcmp(argv[a], "--env") == 0 && o->nenv < ENV_MAX &&
			 strchr(argv[a + 1], '=') != NULL)
			o->env[o->nenv++] = argv[a + 1];
		else
			return -1;
	}
	if (a + 1 >= argc || o->runs < 1 || o->runs > RUNS_MAX)
		return -1;
	o->argv = argv + a + 1;
	return 0;
}

/* In the child: stdin from the file, stdout to the pipe, the environment
 * amended, then the program. */
static void child(const struct opts *o, int out)
{
	int in = open(o->stdin_path, O_RDONLY);

	if (in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0) {
		perror(o->stdin_path);
		_exit(127);
	}
	for (int i = 0; i < o->nenv; i++)
		putenv((char *)o->env[i]);
	execvp(o->argv[0], o->argv);
	perror(o->argv[0]);
	_exit(127);
}

/* Read the pipe to its end, counting. */
static long long drain(int fd)
{
	char chunk[65536];
	long long total = 0;

	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);

		if (n > 0)
			total += n;
		else if (n == 0 || errno != EINTR)
			return total;
	}
}

static int run_once(const struct opts *o, struct run *r)
{
	int fds[2], st;
	struct rusage ru;
	double t0;
	pid_t pid;

	if (pipe(fds) < 0)
		return -1;
	t0 = now_ms();
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		child(o, fds[1]);
	}
	close(fds[1]);
	r->bytes = drain(fds[0]);
	close(fds[0]);
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR)
			return -1;
	r->ms = now_ms() - t0;
	r->peak_kb = ru.ru_maxrss;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of n sorted values: the middle one, or the mean of the two
 * middle ones. */
static double median(const double *sorted, int n)
{
	return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	struct opts o;
	struct run r = { 0 };
	double ms[RUNS_MAX];
	long peak = 0;
	int done = 0, status = 0;

	if (parse(argc, argv, &o) < 0)
		return usage();
	while (done < o.runs && status == 0) {
		if (run_once(&o, &r) < 0) {
			perror("bench-exec");
			return 1;
		}
		ms[done++] = r.ms;
		peak = r.peak_kb > peak ? r.peak_kb : peak;
		status = r.status;
	}
	qsort(ms, (size_t)done, sizeof ms[0], cmp_double);
	printf("%.3f\t%.3f\t%.3f\t%ld\t%lld\t%d\n", median(ms, done), ms[0], ms[done - 1], peak,
	       r.bytes, status);
	return 0;
}
