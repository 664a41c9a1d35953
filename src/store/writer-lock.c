/* writer-lock.c: writers take turns in the order they came.
 *
 * SQLite's busy handler sleeps between tries (up to 100 ms at a time), so
 * a newcomer can take the write lock while older waiters sleep, and with
 * 32 writers one can wait seconds, or starve.  Before BEGIN IMMEDIATE a
 * writer therefore queues on a side file, PATH-lock, with a ticket lock
 * made of fcntl byte-range locks (open file description locks, so that
 * they never mix with SQLite's POSIX locks on the database itself):
 *
 * - Under a short lock on byte 0 (the mutex), the writer takes the next
 *   ticket T from the counter kept at the start of the file, and locks
 *   byte BASE + T, which it keeps until its transaction ends.
 * - It then waits, blocked in the kernel, for a lock on every byte below
 *   its own, [BASE, BASE + T): it is granted the moment every earlier
 *   writer has finished (or died: the kernel drops a dead process's
 *   locks), so the queue is first come, first served, and a waiter
 *   wakes as soon as its turn comes, not at its next poll.  A writer that
 *   gives up releases its byte and drops out without breaking the order.
 * - The head of the queue writes its ticket, pid and start into the file,
 *   so that those behind it can tell how long it has held the turn.
 *
 * The queue only orders ally's own writers: SQLite's lock stays what
 * keeps the database whole, so a side file that cannot be made (a
 * read-only folder) or is damaged costs fairness, never data.  Something
 * that holds SQLite's lock without queueing (the sqlite3 shell, a reader
 * of the rollback journal) is waited for as before by the head alone.
 *
 * A blocked fcntl has no timeout, so while it waits an interval timer
 * interrupts it (SIGALRM, with a handler that does nothing) every
 * TICK_MS, to look at the head: when the same head has held the turn for
 * longer than busy_ms (a stopped process, a long import), the waiter
 * gives up and says who holds it and for how long. */
#define _GNU_SOURCE /* F_OFD_SETLK and friends (Linux 3.15) */
#include "store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "ally/util.h"

#define LOCK_MAGIC 0x616c6c79514c4b31ULL /* "allyQLK1" */
#define BASE ((off_t)1 << 32)          /* byte of ticket T: BASE + T */
#define TICK_MS 100

/* The side file's only content, at offset 0.  Written under the mutex. */
struct lock_header {
	uint64_t magic;
	int64_t next;       /* the next ticket */
	int64_t head;       /* the ticket that holds the turn, or last held it */
	int64_t head_pid;
	int64_t head_since; /* CLOCK_REALTIME microseconds: shared by processes */
	/* Set by a head that gave up because something outside the queue held
	 * SQLite's lock: since when it was seen held, and when last. */
	int64_t busy_since;
	int64_t busy_seen;
};

static int64_t wall_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int range_lock(int fd, int cmd, short type, off_t start, off_t len)
{
	struct flock fl = { 0 };

	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	return fcntl(fd, cmd, &fl);
}

static bool range_held_by_other(int fd, off_t start)
{
	struct flock fl = { 0 };

	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = 1;
	return fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
}

static void on_tick(int sig)
{
	(void)sig; /* only to interrupt a blocked fcntl (EINTR) */
}

/* The timer that interrupts a blocked fcntl, and what it replaced. */
struct ticker {
	struct sigaction old_action;
	struct itimerval old_timer;
};

static void ticker_start(struct ticker *t)
{
	struct sigaction sa;
	struct itimerval it = { { 0, TICK_MS * 1000 }, { 0, TICK_MS * 1000 } };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_tick; /* no SA_RESTART: fcntl must return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &t->old_action);
	setitimer(ITIMER_REAL, &it, &t->old_timer);
}

static void ticker_stop(struct ticker *t)
{
	setitimer(ITIMER_REAL, &t->old_timer, NULL);
	sigaction(SIGALRM, &t->old_action, NULL);
}

static int mutex_take(int fd)
{
	int rc;

	while ((rc = range_lock(fd, F_OFD_SETLKW, F_WRLCK, 0, 1)) != 0 && errno == EINTR)
		;
	return rc;
}

static void mutex_give(int fd)
{
	range_lock(fd, F_OFD_SETLK, F_UNLCK, 0, 1);
}

static void header_read(int fd, struct lock_header *h)
{
	if (pread(fd, h, sizeof *h, 0) != (ssize_t)sizeof *h || h->magic != LOCK_MAGIC ||
	    h->next < 1) {
		memset(h, 0, sizeof *h);
		h->magic = LOCK_MAGIC;
		h->next = 1;
	}
}

static void header_write(int fd, const struct lock_header *h)
{
	/* A failed write (disk full) only costs the order: see the top. */
	if (pwrite(fd, h, sizeof *h, 0) != (ssize_t)sizeof *h)
		return;
}

/* The side file, created with the database's own mode (and group, by
 * the folder's setgid bit), so that whoever may write the database may
 * queue.  -1 when it cannot be opened: writers then only have SQLite's
 * busy handler, as before the queue. */
static int side_open(const char *db_path)
{
	char *path = xasprintf("%s-lock", db_path);
	struct stat st;
	mode_t mode = 0600;
	int fd;

	if (stat(db_path, &st) == 0)
		mode = st.st_mode & 0666;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode);
	if (fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		fd = -1;
	}
	/* Whatever the umask: a colleague in a team folder must queue too. */
	if (fd >= 0 && (st.st_mode & 0777) != mode && st.st_uid == geteuid())
		fchmod(fd, mode);
	free(path);
	return fd;
}

/* Opened at the first write, so that a session that only reads leaves
 * no file behind; tried once. */
static void side_ensure(struct store *s)
{
	if (s->lock_tried)
		return;
	s->lock_tried = true;
	if (strcmp(s->path, ":memory:") != 0 && !s->readonly)
		s->lock_fd = side_open(s->path);
}

void writer_lock_close(struct store *s)
{
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	s->lock_fd = -1;
}

/* Give up: the head has held the turn longer than busy_ms (a stopped
 * process, a long import). */
static int stuck_fail(struct store *s, const struct lock_header *h, struct ally_err *err)
{
	bool whole = s->busy_ms >= 1000 && s->busy_ms % 1000 == 0;

	ally_err_set(err, ALLY_EDB, "database",
		     "locked by another ally session (process %lld) for more than %d %s (%s); "
		     "nothing was changed",
		     (long long)h->head_pid, whole ? s->busy_ms / 1000 : s->busy_ms,
		     whole ? "s" : "ms", s->path);
	return ally_err_because(err, AR_LOCKED);
}

/* Interrupted while waiting: go on waiting, unless the head is stuck. */
static bool head_stuck(struct store *s, int64_t ticket, struct lock_header *h)
{
	if (mutex_take(s->lock_fd) != 0)
		return false;
	header_read(s->lock_fd, h);
	mutex_give(s->lock_fd);
	return h->head < ticket && h->head_since > 0 &&
	       wall_us() - h->head_since > (int64_t)s->busy_ms * 1000 &&
	       range_held_by_other(s->lock_fd, BASE + h->head);
}

/* Wait for every ticket below ours; ALLY_OK once they are all gone. */
static int wait_turn(struct store *s, int64_t ticket, struct ally_err *err)
{
	struct lock_header h;
	struct ticker t;
	int rc = ALLY_OK;

	if (range_lock(s->lock_fd, F_OFD_SETLK, F_WRLCK, BASE, ticket) == 0)
		goto granted; /* nobody ahead: no timer */
	ticker_start(&t);
	while (range_lock(s->lock_fd, F_OFD_SETLKW, F_WRLCK, BASE, ticket) != 0) {
		if (errno != EINTR) {
			rc = -1; /* a filesystem without such locks: no queue */
			break;
		}
		if (head_stuck(s, ticket, &h)) {
			ticker_stop(&t);
			return stuck_fail(s, &h, err);
		}
	}
	ticker_stop(&t);
	if (rc != ALLY_OK)
		return ALLY_OK;
granted:
	range_lock(s->lock_fd, F_OFD_SETLK, F_UNLCK, BASE, ticket);
	return ALLY_OK;
}

/* Now the head: say so, and arm the wait for SQLite's own lock.  After a
 * head that gave up on a lock held outside the queue, the wait counts
 * from when that lock was first seen, so that a queue of writers behind
 * one stuck program fails once, together, not 5 s each in turn. */
static void become_head(struct store *s, int64_t ticket)
{
	struct lock_header h;
	int64_t now = wall_us(), busy = (int64_t)s->busy_ms * 1000, left = busy;

	if (mutex_take(s->lock_fd) != 0)
		return;
	header_read(s->lock_fd, &h);
	h.head = ticket;
	h.head_pid = getpid();
	h.head_since = now;
	if (h.busy_since > 0 && now - h.busy_seen <= busy) {
		left = h.busy_since + busy - now;
		s->lock_busy_since = h.busy_since;
	}
	header_write(s->lock_fd, &h);
	mutex_give(s->lock_fd);
	store_arm_deadline(s, left > 1000 ? left : 1000);
}

int writer_lock_take(struct store *s, struct ally_err *err)
{
	struct lock_header h;
	int64_t ticket;
	int rc;

	s->lock_busy_since = 0;
	side_ensure(s);
	if (s->lock_fd < 0 || s->lock_ticket > 0)
		return ALLY_OK;
	if (mutex_take(s->lock_fd) != 0)
		return ALLY_OK;
	header_read(s->lock_fd, &h);
	ticket = h.next++;
	header_write(s->lock_fd, &h);
	rc = range_lock(s->lock_fd, F_OFD_SETLK, F_WRLCK, BASE + ticket, 1);
	mutex_give(s->lock_fd);
	if (rc != 0)
		return ALLY_OK; /* held already: a damaged counter; no queue this time */
	s->lock_ticket = ticket;
	rc = wait_turn(s, ticket, err);
	if (rc != ALLY_OK) {
		writer_lock_release(s, false);
		return rc;
	}
	become_head(s, ticket);
	return ALLY_OK;
}

void writer_lock_release(struct store *s, bool busy)
{
	struct lock_header h;
	int64_t now;

	if (s->lock_ticket == 0)
		return;
	/* Most often done, with no stuck lock to forget: no header to write. */
	if ((busy || s->lock_busy_since != 0) && mutex_take(s->lock_fd) == 0) {
		header_read(s->lock_fd, &h);
		now = wall_us();
		if (!busy) {
			h.busy_since = h.busy_seen = 0;
		} else {
			if (h.busy_since == 0 || now - h.busy_seen > (int64_t)s->busy_ms * 1000)
				h.busy_since = h.head_since;
			h.busy_seen = now;
		}
		header_write(s->lock_fd, &h);
		mutex_give(s->lock_fd);
	}
	range_lock(s->lock_fd, F_OFD_SETLK, F_UNLCK, BASE + s->lock_ticket, 1);
	s->lock_ticket = 0;
	s->lock_busy_since = 0;
}
