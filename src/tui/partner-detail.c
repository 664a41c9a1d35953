/* partner-detail.c: not written yet. */
