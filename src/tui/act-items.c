/* act-items.c: not written yet. */
