/* view-history.c: not written yet. */
