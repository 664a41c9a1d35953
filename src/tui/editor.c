/* editor.c: not written yet. */
