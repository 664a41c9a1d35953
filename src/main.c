/* main.c: the program; everything else lives in the command line module
 * and the libraries, so that tests can drive the same code. */
#include <signal.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	/* A reader that goes away (`ally renewals | head -1`) must not kill
	 * us between a commit and its report: with SIGPIPE ignored the write
	 * fails with EPIPE and the output path says what happened. */
	signal(SIGPIPE, SIG_IGN);
	return cli_main(argc, argv);
}
