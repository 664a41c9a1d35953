/* act-contract.c: not written yet. */
