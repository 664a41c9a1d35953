#!/bin/sh
# permissions.sh: a portfolio in a team folder works for the whole team,
# and one that strangers could rewrite is refused.  Run as root (as CI
# is), it plays two colleagues of one group with setpriv; as anyone else
# it is skipped (77), since it cannot become them.
#
#   permissions.sh team      a database made by one colleague in a setgid
#                            folder (2770, umask 022) is 0660, its folders
#                            2770, and the other colleague can write it
#   permissions.sh readonly  a read-only folder and a read-only file are
#                            told apart, each with its own message
#   permissions.sh refused   a world-writable database, or one in a
#                            world-writable folder without the sticky bit,
#                            is refused with the chmod that fixes it; one
#                            in a sticky folder such as /tmp is accepted
set -u
ally=${ALLY_BIN:?}
what=${1:?team or refused}
[ "$(id -u)" -eq 0 ] || { echo "not root: cannot play two users"; exit 77; }
command -v setpriv >/dev/null || { echo "no setpriv"; exit 77; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/ally-perm-XXXXXX")
trap 'rm -rf "$dir"' EXIT
chmod 0755 "$dir"
gid=4242                 # the team's group: no name needed
dana="setpriv --reuid=4301 --regid=$gid --clear-groups"
lee="setpriv --reuid=4302 --regid=$gid --clear-groups"
fail() { echo "FAIL: $*"; exit 1; }
mode() { stat -c %a "$1"; }

case $what in
team)
	mkdir "$dir/team" && chgrp "$gid" "$dir/team" && chmod 2770 "$dir/team"
	db=$dir/team/sales/portfolio.db
	# dana makes it, with the usual umask that takes the group's write.
	(umask 022; ALLY_USER=dana $dana "$ally" --db "$db" init) >/dev/null ||
		fail "dana cannot init in the team folder"
	[ "$(mode "$db")" = 660 ] || fail "database is $(mode "$db"), not 660"
	[ "$(mode "$dir/team/sales")" = 2770 ] || fail "folder is $(mode "$dir/team/sales"), not 2770"
	(umask 022; ALLY_USER=dana $dana "$ally" --db "$db" partner add Acme --type channel) >/dev/null ||
		fail "dana cannot add"
	[ "$(mode "$db-lock")" = 660 ] || fail "the writers' queue is $(mode "$db-lock"), not 660"
	# lee, in the group, writes what dana made; then dana again.
	(umask 022; ALLY_USER=lee $lee "$ally" --db "$db" status Acme --health red) ||
		fail "lee cannot write dana's database"
	(umask 022; ALLY_USER=dana $dana "$ally" --db "$db" status Acme --health green) ||
		fail "dana cannot write after lee"
	out=$(ALLY_USER=lee $lee "$ally" --db "$db" history Acme --format csv) || fail "history"
	echo "$out" | grep -q '^.*,lee,' || fail "lee's change is not in the history: $out"
	# Outside a team folder it stays private.
	mkdir "$dir/home" && chown 4301:"$gid" "$dir/home"
	(umask 002; ALLY_USER=dana $dana "$ally" --db "$dir/home/p/own.db" init) >/dev/null || fail "private init"
	[ "$(mode "$dir/home/p/own.db")" = 600 ] || fail "private database is $(mode "$dir/home/p/own.db")"
	[ "$(mode "$dir/home/p")" = 700 ] || fail "private folder is $(mode "$dir/home/p")"
	echo "team folder: made 0660 in 2770 by one colleague, written by the other"
	;;
readonly)
	mkdir "$dir/d" && chown 4301 "$dir/d"
	ALLY_USER=dana $dana "$ally" --db "$dir/d/p.db" init >/dev/null || fail init
	chmod 0500 "$dir/d"
	err=$(ALLY_USER=dana $dana "$ally" --db "$dir/d/p.db" partner add X --type channel 2>&1); st=$?
	[ $st -eq 3 ] || fail "a read-only folder: exit $st"
	echo "$err" | grep -q "the folder $dir/d is read-only for you, and a change needs to write its journal there" ||
		fail "message: $err"
	chmod 0700 "$dir/d" && chmod 0400 "$dir/d/p.db"
	err=$(ALLY_USER=dana $dana "$ally" --db "$dir/d/p.db" partner add X --type channel 2>&1); st=$?
	[ $st -eq 3 ] || fail "a read-only file: exit $st"
	echo "$err" | grep -q "$dir/d/p.db is read-only for you" || fail "message: $err"
	ALLY_USER=dana $dana "$ally" --db "$dir/d/p.db" partner list >/dev/null || fail "reading a read-only file"
	echo "read-only folder and read-only file: each named for what it is"
	;;
refused)
	"$ally" --db "$dir/p.db" init >/dev/null || fail init
	chmod 0666 "$dir/p.db"
	err=$("$ally" --db "$dir/p.db" partner list 2>&1 >/dev/null); st=$?
	[ $st -eq 3 ] || fail "a world-writable database: exit $st"
	echo "$err" | grep -q "can be written by anyone (mode 0666).*run 'chmod o-w $dir/p.db'" ||
		fail "message: $err"
	chmod 0600 "$dir/p.db"
	chmod 0777 "$dir"
	err=$("$ally" --db "$dir/p.db" partner list 2>&1 >/dev/null); st=$?
	[ $st -eq 3 ] || fail "a world-writable folder: exit $st"
	echo "$err" | grep -q "folder $dir can be written by anyone and is not sticky.*chmod o-w $dir" ||
		fail "message: $err"
	chmod 1777 "$dir"
	"$ally" --db "$dir/p.db" partner list >/dev/null || fail "a sticky folder is refused"
	t=$(mktemp -u /tmp/ally-perm-XXXXXX.db)
	"$ally" --db "$t" init >/dev/null || fail "/tmp is refused"
	rm -f "$t" "$t-lock"
	echo "refused: world-writable file and non-sticky folder; accepted: sticky folder, /tmp"
	;;
esac
