/* view-portfolio.c: not written yet. */
