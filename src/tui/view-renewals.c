/* view-renewals.c: not written yet. */
