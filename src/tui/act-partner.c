/* act-partner.c: not written yet. */
