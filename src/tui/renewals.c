/* renewals.c: not written yet. */
