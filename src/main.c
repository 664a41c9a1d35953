/* main.c: the program; everything else lives in the command line module
 * and the libraries, so that tests can drive the same code. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
