#!/bin/sh
# valgrind-cli.sh: the command line under valgrind memcheck, once, with
# no error and no leak: a portfolio made, changed, listed, exported,
# imported, checked and backed up.  Only under `meson test --setup
# valgrind` (ALLY_VALGRIND=1, set by that setup); skipped (77) otherwise.
set -u
[ "${ALLY_VALGRIND:-}" = 1 ] || { echo "not the valgrind setup"; exit 77; }
command -v valgrind >/dev/null || { echo "no valgrind"; exit 77; }
ally=${ALLY_BIN:?}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ally-vg-XXXXXX")
trap 'rm -rf "$dir"' EXIT
db=$dir/p.db
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect "$ally" --db "$db" --today 2026-12-07 "$@"
	st=$?
	[ $st -ne 99 ] || { echo "FAIL: valgrind: ally $*"; exit 1; }
	return $st
}
vg init >/dev/null
vg demo >/dev/null
vg partner list --format json >/dev/null
vg partner show 1 >/dev/null
vg partner add "Valgrind Co" --type channel >/dev/null
vg status "Valgrind Co" --health red --note checked
vg score "Valgrind Co" --fit 50 --reach 50 --capabilities 50 --financial 50 --track-record 50 >/dev/null
vg advance "Valgrind Co" --from prospect >/dev/null
vg partner set "Valgrind Co" notes=x --if-version 99 2>/dev/null
vg contract list --format csv >/dev/null
vg renewals --format json >/dev/null
vg history --limit 0 >/dev/null
vg export partners >"$dir/partners.csv"
vg export contracts --format json >/dev/null
sed -i 's/^\([0-9]*\),/\1,/' "$dir/partners.csv"
vg check >/dev/null
vg backup "$dir/copy.db" >/dev/null
db=$dir/fresh.db vg init >/dev/null
db=$dir/fresh.db vg import partners "$dir/partners.csv" >/dev/null
vg partner list --phase nope 2>/dev/null
echo "valgrind: 20 commands, no error and no leak"
