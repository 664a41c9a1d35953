/* portfolio.c: not written yet. */
