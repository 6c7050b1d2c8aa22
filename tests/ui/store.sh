#!/bin/sh
# store.sh - the annotation store under trouble, in the reader: a database locked
# when the reader starts is used once the lock goes; a save the store refuses
# keeps the typed note in the prompt, and Enter saves it once it can.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3" >&2; exit 77; }
corpus=$SCRATCH/corpus
mkdir -p "$corpus"
art=$corpus/1-ferry.txt
printf 'Harbour council approves new ferry timetable\n\nThe harbour council voted on Tuesday to approve a new timetable.\n' >"$art"
db=$XDG_DATA_HOME/lede/annotations.db
# a store with one annotation, so the database and its schema exist
"$LEDE" annotations add --path "$art" --start 50 --end 57 --kind highlight >/dev/null
status_has() {
	screen | tail -n 1 | grep -F -q -- "$1"
}
locked() {
	! sqlite3 "$db" "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1
}
# lock [exclusive]: a writer holds the lock; "exclusive" keeps readers out too
lock() {
	rm -f "$SCRATCH/lock"
	mkfifo "$SCRATCH/lock"
	sqlite3 "$db" <"$SCRATCH/lock" >/dev/null 2>&1 &
	exec 3>"$SCRATCH/lock"
	[ "${1:-}" = exclusive ] && echo "PRAGMA locking_mode = EXCLUSIVE;" >&3
	echo "BEGIN EXCLUSIVE; INSERT INTO tag VALUES (0, 0, 'x');" >&3
	poll locked
}
unlock() {
	echo "ROLLBACK;" >&3
	exec 3>&-
	wait
}

# locked at start: annotations come back when the lock goes
check "another process holds the lock" lock exclusive
start 120 24 "$corpus" 3>&-	# the tmux server must not hold the lock pipe open
check "opens" wait_for "articles (1)"
send Enter
check "article shown" wait_for "The harbour council voted"
unlock
send G v w
# the store is tried again at most once a second: H until it is saved
highlight_saved() {
	send H
	sleep 0.2
	screen | grep -F -q "highlight saved"
}
check "the reader uses the store again" poll highlight_saved
check_eq "stored" "$(sqlite3 "$db" 'SELECT count(*) FROM annotation')" 2

# a refused save keeps the typed note
check "locked again" lock
send g v w a
send_text "kept words"
send Enter
check "refused" wait_for "not saved:"
check "the prompt keeps the note" wait_for "kept words"
unlock
send Enter
check "saved on the second Enter" wait_for "note saved"
check_eq "the note stored" "$(sqlite3 "$db" "SELECT note FROM annotation WHERE kind = 'note'")" \
	"kept words"
send Q
exit_status >/dev/null
finish
