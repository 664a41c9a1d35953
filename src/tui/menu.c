/* menu.c: not written yet. */
