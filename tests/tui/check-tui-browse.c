/* check-tui-browse.c: being written. */
#include "tui-test.h"

int main(void)
{
	return tui_run_suite(suite_create("tui-browse"));
}
