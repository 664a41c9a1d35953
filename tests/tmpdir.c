/* tmpdir.c: see tmpdir.h. */
#define _XOPEN_SOURCE 700
#include "tmpdir.h"

#include <ftw.h>
#include <stdio.h>

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

int tmpdir_remove(const char *dir)
{
	/* Depth first, so each directory is empty when its turn comes. */
	return nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
