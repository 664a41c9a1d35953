/* io.h: what export and import share.  Private to src/cli. */
#ifndef ALLY_CLI_IO_H
#define ALLY_CLI_IO_H

#include <stddef.h>

struct cli;
struct csv_doc;
struct ally_err;

/* The columns of `export partners|contracts`, in order: the JSON keys of
 * json_partner_full / json_contract.  Import knows exactly these columns
 * (any order), so whatever export writes, import reads back.
 * NULL-terminated. */
extern const char *const io_partner_keys[];
extern const char *const io_contract_keys[];

/* Import every record of doc (rows[0] is the header; name is the FILE
 * for messages) in the caller's transaction, stopping at the first bad
 * one with err "FILE:LINE: column NAME: reason" (ALLY_EUSER; the caller
 * rolls back).  *count gets the number of records imported. */
int import_partners(struct cli *cli, const char *name, const struct csv_doc *doc, size_t *count,
		    struct ally_err *err);
int import_contracts(struct cli *cli, const char *name, const struct csv_doc *doc, size_t *count,
		     struct ally_err *err);

#endif
