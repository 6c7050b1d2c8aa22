#!/bin/sh
# overlay.sh - an overlay (help, messages) takes every key that is not its own:
# with the cursor on a note and help open, letters do not reach the note editor;
# : and / close it and mean what they mean everywhere.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

command -v jq >/dev/null || { echo "SKIP: no jq" >&2; exit 77; }
corpus=$SCRATCH/corpus
mkdir -p "$corpus"
art=$corpus/1-ferry.txt
printf 'Harbour council approves new ferry timetable\n\nThe harbour council voted on Tuesday to approve a new timetable.\n' >"$art"
"$LEDE" annotations add --path "$art" --start 50 --end 57 --kind note --note original >/dev/null
status_has() {
	screen | tail -n 1 | grep -F -q -- "$1"
}
note() {
	"$LEDE" annotations list | jq -r .note
}

start 120 24 "$corpus"
check "opens" wait_for "articles (1)"
send Enter
check "article shown" wait_for "The harbour council voted"
send ] a
check "cursor on the note" poll status_has "note: original"
send ?
check "help open" wait_for "help: keys"
send e
check "e inside help opens no editor" wait_for "help: keys"
send_text ":set theme=dark"
send Enter
check "help closed by :" wait_gone "help: keys"
check "the command line took the rest" wait_for "set theme=dark"
send q
sleep 0.5
check_eq "the note is unchanged" "$(note)" original
send ?
check "help again" wait_for "help: keys"
send /
check "/ closes help and searches" wait_gone "help: keys"
send_text "council"
send Enter
send Q
exit_status >/dev/null
check_eq "still unchanged" "$(note)" original
finish
