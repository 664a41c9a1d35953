/* fault.c: every allocation, write and sync of SQLite can fail.  One
 * promise per meson test (its first argument), each swept over every
 * possible moment (N = 1, 2, ... until the operation no longer meets the
 * fault):
 *
 *   memory-write   SQLite's allocator fails from its Nth call on, during a
 *                  command's change (a partner added with its status, a
 *                  contract renewed: one transaction)
 *   write-write    the Nth write of a file fails (an I/O error)
 *   full-write     the Nth write finds the disk full
 *   sync-write     the Nth sync fails
 *   write-import   the Nth write fails during an import of 200 partners
 *   memory-import  the allocator fails during an import (of 5: it has a
 *                  moment every few bytes)
 *
 * Each time: the failure is reported as a status and a reason with a
 * message (never a crash: the suite runs under ASan too), and once the
 * faults stop and the database is opened again it passes integrity_check
 * and ally's checks, with all of the change or none of it. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally/contract.h"
#include "ally/err.h"
#include "ally/partner.h"
#include "ally/store.h"
#include "ally/util.h"
#include "promise.h"
#include "tmpdir.h"

/* ---- the faults: counters shared by the allocator and the VFS ---- */

enum fault { F_NONE, F_MEMORY, F_WRITE, F_FULL, F_SYNC };

struct faults {
	enum fault kind;
	long at;    /* fail the at-th call and every one after it (0: never) */
	long calls; /* calls counted so far */
	long hits;  /* calls that failed */
};
static struct faults F; /* the test program's own: one process, one sweep */

static bool fail_now(enum fault kind)
{
	if (F.kind != kind || F.at == 0)
		return false;
	if (++F.calls < F.at)
		return false;
	F.hits++;
	return true;
}

static sqlite3_mem_methods real_mem;

static void *f_malloc(int n)
{
	return fail_now(F_MEMORY) ? NULL : real_mem.xMalloc(n);
}

static void *f_realloc(void *p, int n)
{
	return fail_now(F_MEMORY) ? NULL : real_mem.xRealloc(p, n);
}

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;

struct f_file {
	sqlite3_file base; /* pMethods: ours */
	sqlite3_file *real; /* follows in the same allocation */
};
static sqlite3_io_methods f_methods;

static sqlite3_file *real_of(sqlite3_file *f)
{
	return ((struct f_file *)f)->real;
}

static int f_close(sqlite3_file *f)
{
	return real_of(f)->pMethods->xClose(real_of(f));
}

static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	return real_of(f)->pMethods->xRead(real_of(f), b, n, off);
}

static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	if (fail_now(F_WRITE))
		return SQLITE_IOERR_WRITE;
	if (fail_now(F_FULL))
		return SQLITE_FULL;
	return real_of(f)->pMethods->xWrite(real_of(f), b, n, off);
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return real_of(f)->pMethods->xTruncate(real_of(f), size);
}

static int f_sync(sqlite3_file *f, int flags)
{
	if (fail_now(F_SYNC))
		return SQLITE_IOERR_FSYNC;
	return real_of(f)->pMethods->xSync(real_of(f), flags);
}

#define PASS(name, sig, args)                                       \
	static int f_##name sig                                     \
	{                                                           \
		return real_of(f)->pMethods->x##name args;          \
	}
PASS(FileSize, (sqlite3_file * f, sqlite3_int64 *s), (real_of(f), s))
PASS(Lock, (sqlite3_file * f, int l), (real_of(f), l))
PASS(Unlock, (sqlite3_file * f, int l), (real_of(f), l))
PASS(CheckReservedLock, (sqlite3_file * f, int *r), (real_of(f), r))
PASS(FileControl, (sqlite3_file * f, int op, void *a), (real_of(f), op, a))
PASS(SectorSize, (sqlite3_file * f), (real_of(f)))
PASS(DeviceCharacteristics, (sqlite3_file * f), (real_of(f)))

static int f_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out)
{
	struct f_file *ff = (struct f_file *)file;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
	/* No shared memory methods: WAL is not what is swept here. */
	ff->base.pMethods = rc == SQLITE_OK ? &f_methods : NULL;
	return rc;
}

static void fault_setup(void)
{
	static sqlite3_mem_methods mine;

	sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem);
	mine = real_mem;
	mine.xMalloc = f_malloc;
	mine.xRealloc = f_realloc;
	sqlite3_config(SQLITE_CONFIG_MALLOC, &mine);
	sqlite3_initialize();
	real_vfs = sqlite3_vfs_find(NULL);
	fault_vfs = *real_vfs;
	fault_vfs.zName = "fault";
	fault_vfs.szOsFile = (int)sizeof(struct f_file) + real_vfs->szOsFile;
	fault_vfs.xOpen = f_open;
	memset(&f_methods, 0, sizeof f_methods);
	f_methods.iVersion = 1;
	f_methods.xClose = f_close;
	f_methods.xRead = f_read;
	f_methods.xWrite = f_write;
	f_methods.xTruncate = f_truncate;
	f_methods.xSync = f_sync;
	f_methods.xFileSize = f_FileSize;
	f_methods.xLock = f_Lock;
	f_methods.xUnlock = f_Unlock;
	f_methods.xCheckReservedLock = f_CheckReservedLock;
	f_methods.xFileControl = f_FileControl;
	f_methods.xSectorSize = f_SectorSize;
	f_methods.xDeviceCharacteristics = f_DeviceCharacteristics;
	sqlite3_vfs_register(&fault_vfs, 1);
}

/* ---- the operations swept ---- */

static char dir[256], path[300];

static struct store *open_store(void)
{
	struct store_opts o = { STORE_JOURNAL_ROLLBACK, 2000, "tester", false, false, NULL };
	struct ally_err err = { 0 };
	struct store *s = store_open(path, &o, &err);

	ck_assert_msg(s != NULL, "open: %s", err.msg);
	return s;
}

static int64_t count(struct store *s, const char *what)
{
	int64_t n = -1;
	struct ally_err err = { 0 };

	(void)what;
	ck_assert_int_eq(store_partner_count(s, &n, &err), ALLY_OK);
	return n;
}

/* One command's change: a partner with its status, and a renewal. */
static int write_op(struct store *s, struct ally_err *err, int round)
{
	struct partner p;
	char name[32];
	ally_date a, b;
	int rc = store_begin(s, err);

	if (rc != ALLY_OK)
		return rc;
	partner_init(&p);
	snprintf(name, sizeof name, "Fault %d", round);
	p.name = xstrdup(name);
	p.type = PTYPE_CHANNEL;
	rc = store_partner_add(s, &p, err);
	if (rc == ALLY_OK)
		rc = store_status_add(s, p.id, HEALTH_RED, "faulty", date_from_ymd(2026, 12, 7), err);
	if (rc == ALLY_OK)
		rc = store_contract_renew(s, 1, DATE_NONE, date_from_ymd(2026, 12, 7), &a, &b, err);
	partner_finish(&p);
	if (rc == ALLY_OK)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

/* An import of import_rows partners, as `ally import partners` does it
 * (200 for the I/O faults; 5 for the allocator's, which has a moment
 * for every few bytes). */
static int import_rows = 200;

static int import_op(struct store *s, struct ally_err *err, int round)
{
	int rc = store_begin(s, err);

	if (rc != ALLY_OK)
		return rc;
	rc = store_import_begin(s, STORE_IMPORT_PARTNERS, (size_t)import_rows, err);
	for (int i = 0; i < import_rows && rc == ALLY_OK; i++) {
		struct partner p;
		char name[48];

		partner_init(&p);
		snprintf(name, sizeof name, "Imported %d-%d", round, i);
		p.name = xstrdup(name);
		p.type = PTYPE_TECHNOLOGY;
		rc = store_partner_add(s, &p, err);
		partner_finish(&p);
	}
	rc = store_import_end(s, rc, err);
	if (rc == ALLY_OK)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

static int check_cb(void *ctx, const struct check_result *r, struct ally_err *err)
{
	(void)ctx;
	(void)err;
	if (!r->ok)
		fprintf(stderr, "check %s: %s\n", r->name, r->nproblems ? r->problems[0] : "");
	return ALLY_OK;
}

static void setup(void)
{
	struct ally_err err = { 0 };
	struct store *s;
	struct partner p;
	struct contract c;

	F = (struct faults){ F_NONE, 0, 0, 0 };
	snprintf(dir, sizeof dir, "%s/ally-fault-XXXXXX",
		 getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/fault.db", dir);
	s = open_store();
	ck_assert_int_eq(store_migrate(s, &err), ALLY_OK);
	partner_init(&p);
	p.name = xstrdup("Anchor");
	p.type = PTYPE_CHANNEL;
	ck_assert_int_eq(store_partner_add(s, &p, &err), ALLY_OK);
	contract_init(&c);
	c.partner_id = p.id;
	c.title = xstrdup("Deal");
	c.start_date = date_from_ymd(2026, 1, 1);
	c.end_date = date_from_ymd(2026, 12, 31);
	ck_assert_int_eq(store_contract_add(s, &c, &err), ALLY_OK);
	contract_finish(&c);
	partner_finish(&p);
	store_close(s);
}

static void teardown(void)
{
	tmpdir_remove(dir);
}

static void sweep(enum fault kind, int (*op)(struct store *, struct ally_err *, int), int adds)
{
	long n;
	int failed = 0;

	for (n = 1;; n++) {
		struct ally_err err = { 0 };
		struct store *s = open_store();
		int64_t before = count(s, "before"), after;
		bool all_ok = false;
		int rc;

		F = (struct faults){ kind, n, 0, 0 };
		rc = op(s, &err, (int)n);
		F.at = 0;
		if (rc != ALLY_OK) {
			failed++;
			ck_assert_msg(err.msg[0] != '\0' && err.reason != AR_NONE,
				      "N=%ld: failed (%d) without a reason", n, rc);
		}
		store_close(s);
		/* As the next session would see it, faults over. */
		s = open_store();
		after = count(s, "after");
		ck_assert_msg(after == before || after == before + adds,
			      "N=%ld: %lld partners, want %lld or %lld (all or none)", n,
			      (long long)after, (long long)before, (long long)(before + adds));
		ck_assert_msg(rc != ALLY_OK || after == before + adds, "N=%ld: done but not there", n);
		ck_assert_int_eq(store_check(s, check_cb, NULL, &all_ok, &err), ALLY_OK);
		ck_assert_msg(all_ok, "N=%ld: the database does not pass ally's checks", n);
		store_close(s);
		if (F.hits == 0)
			break; /* the operation never reached the Nth call: swept */
	}
	printf("%ld moments swept, %d failures, each reported with its reason; all or nothing "
	       "every time\n",
	       n, failed);
	ck_assert_int_gt(failed, 0);
}

START_TEST(memory_write) { sweep(F_MEMORY, write_op, 1); }
END_TEST
START_TEST(write_write) { sweep(F_WRITE, write_op, 1); }
END_TEST
START_TEST(full_write) { sweep(F_FULL, write_op, 1); }
END_TEST
START_TEST(sync_write) { sweep(F_SYNC, write_op, 1); }
END_TEST
START_TEST(write_import) { sweep(F_WRITE, import_op, import_rows = 200); }
END_TEST
START_TEST(memory_import) { sweep(F_MEMORY, import_op, import_rows = 5); }
END_TEST

int main(int argc, char **argv)
{
	const struct promise promises[] = {
		{ "memory-write", memory_write }, { "write-write", write_write },
		{ "full-write", full_write },     { "sync-write", sync_write },
		{ "write-import", write_import }, { "memory-import", memory_import },
	};

	fault_setup();
	return promise_run("fault", argc > 1 ? argv[1] : "", promises,
			   sizeof promises / sizeof promises[0], setup, teardown, 600);
}
