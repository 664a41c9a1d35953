/* form-model.c: not written yet. */
