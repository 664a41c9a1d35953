/* view-partner.c: not written yet. */
