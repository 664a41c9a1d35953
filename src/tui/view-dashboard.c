/* view-dashboard.c: not written yet. */
