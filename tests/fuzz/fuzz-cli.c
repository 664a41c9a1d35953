/* fuzz-cli.c: the command line as a script would call it, on a database
 * in memory: the importer (first byte even: the input is a CSV file of
 * partners or contracts) and the argument parser (odd: the input is the
 * arguments, one per line, after `ally --db :memory:`).  Nothing may
 * crash or leak; every run ends with an exit status. */
#include "fuzz.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/cli/cli.h"

#define MAX_ARGS 16

static char csv_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	snprintf(csv_path, sizeof csv_path, "/tmp/ally-fuzz-%d.csv", (int)getpid());
	/* Never a terminal on stdin (`ally` alone would open the interface),
	 * and what it prints is not the point; its errors (stderr) libFuzzer
	 * quiets with -close_fd_mask=2 while keeping its own reports. */
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		close(fd);
	}
	setenv("ALLY_USER", "fuzz", 1);
	setenv("ALLY_TODAY", "2026-12-07", 1);
	unsetenv("ALLY_DB");
	return 0;
}

static void import_csv(const uint8_t *data, size_t size, bool contracts)
{
	char *argv[] = { "ally", "--db", ":memory:", "import",
			 contracts ? "contracts" : "partners", csv_path, NULL };
	FILE *f = fopen(csv_path, "wb");

	if (f == NULL)
		return;
	fwrite(data, 1, size, f);
	fclose(f);
	cli_main(6, argv);
	unlink(csv_path);
}

static void arguments(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *argv[MAX_ARGS + 4], *line, *save = NULL;
	int argc = 0;

	argv[argc++] = "ally";
	argv[argc++] = "--db";
	argv[argc++] = ":memory:";
	/* Never a file of the machine's: no backup, import or --db of the
	 * input's choosing. */
	if (strstr(text, "backup") == NULL && strstr(text, "import") == NULL &&
	    strstr(text, "--db") == NULL && strstr(text, "tui") == NULL) {
		for (line = strtok_r(text, "\n", &save); line != NULL && argc < MAX_ARGS + 3;
		     line = strtok_r(NULL, "\n", &save))
			argv[argc++] = line;
		argv[argc] = NULL;
		cli_main(argc, argv);
	}
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if ((data[0] & 1) == 0)
		import_csv(data + 1, size - 1, data[0] & 2);
	else
		arguments(data + 1, size - 1);
	return 0;
}
