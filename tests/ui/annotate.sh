#!/bin/sh
# annotate.sh - annotations from the keyboard, driven in tmux: select (v, V, h l w b),
# a note typed with non-ASCII text and editing keys, stored before "saved" shows,
# drawn in the note style after a restart, listed under A, edited and deleted; tags
# with Tab completion; a note wider than the prompt; an annotation that moved and
# one that became an orphan after the file changed; a commit refused by a lock keeps
# the selection; kill -9 right after a save; another process's note; a store from
# a newer lede and one that is not a database.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3" >&2; exit 77; }

esc=$(printf '\033')
corpus=$SCRATCH/corpus
mkdir -p "$corpus"
art=$corpus/1-ferry.txt
cat >"$art" <<'EOF'
Harbour council approves new ferry timetable

The harbour council voted on Tuesday to approve a new ferry timetable for the winter months.

Officials said the change would shorten waiting times for commuters crossing the bay every morning.

The mayor described the decision as a careful compromise between cost and convenience.
EOF
cat >"$corpus/2-other.txt" <<'EOF'
Library opens on Sundays

The city library will open on Sundays from next month.
EOF
db=$XDG_DATA_HOME/lede/annotations.db

sql() {
	sqlite3 "$db" "$1"
}
status_has() {
	screen | tail -n 1 | grep -F -q -- "$1"
}
# TEXT is drawn as one run of its own style: a style change right before and
# right after it (the text around it is in another style)
styled() {
	screen_e | grep -F -q -- "$1$esc[" &&
	    screen_e | grep -q -- "$esc\[[0-9;]*m$1$esc\["
}
unstyled() {
	! styled "$1"
}
# killed by a signal: the pane is dead with no exit status
pane_dead() {
	[ "$(tm display-message -p -t t '#{pane_dead}')" = 1 ]
}
open_first() {
	start 120 24 "$corpus"
	wait_for "articles (2)" && send Enter && wait_for "The harbour council voted"
}
# Q ends lede: the pane dies with status 0. Under load tmux may mark the pane
# dead before it has reaped lede, and then reports no status, or the hangup that
# closing the pane sends: what was saved is checked in the database instead.
quit() {
	local st
	send Q
	check "$1: quits" poll pane_dead
	st=$(tm display-message -p -t t '#{pane_dead_status}:#{pane_dead_signal}')
	case $st in
	0:|:|:1) ;;
	*) check_eq "$1: exit status" "$st" "0:"; show ;;
	esac
}

# --- a note: select three words, type with editing keys, Enter -------------------
check "opens" open_first
check "passage not styled yet" unstyled "The harbour council"
send j j v
check "selection status" poll status_has "selection: 1 character"
send w w w
check "w extends by word" poll status_has "selection: 19 characters"
check "selection drawn" poll styled "The harbour counci"
send a
check "note prompt" wait_for "note:"
send_text "prüfen bitte"
# a grapheme made of two code points goes with one Backspace
send_text "é"
send BSpace
# C-a, then over "prü" by grapheme, Backspace takes the ü, typed back
send C-a Right Right Right BSpace
check "editing in the prompt" wait_for "note: prfen bitte"
send_text "ü"
send Enter
check "saved" wait_for "note saved"
check_eq "stored before the screen said so" "$(sql 'SELECT kind, quote, note FROM annotation')" \
    "note|The harbour council|prüfen bitte"
# the message stays until the next key; [a comes back to the note's start
send [ a
check "status shows the note at the cursor" poll status_has "note: prüfen bitte"
check "list pane counts it" wait_for "1✎"
send ?
check "help opens" wait_for "help: keys"
send Space
check "help: e is there and works" wait_for "e                    edit the note or tags at the cursor"
check "help: no annotation key waits" lacks_text "annotation (not available yet)"
send q
quit "first session"

# --- reopen: drawn, listed, ]a, edit, delete -----------------------------------
check "reopens" open_first
check "drawn in the note style" poll styled "The harbour council"
send A
check "A lists it" wait_for "“The harbour council”  prüfen bitte"
check "A title" wait_for "annotations: this article (1)"
send A
check "A again: whole corpus" wait_for "annotations: all articles (1)"
check "corpus list names the file" wait_for "1-ferry.txt"
send q
check "list closes" wait_gone "annotations: all articles"
send ] a
check "]a goes to it" poll status_has "note: prüfen bitte"
send e
check "edit prompt holds the note" wait_for "note: prüfen bitte"
send C-w
send_text "sofort"
send Enter
check "edited" wait_for "note updated"
check_eq "edit stored" "$(sql 'SELECT note FROM annotation')" "prüfen sofort"
send d
check "delete asks" wait_for "delete this note on “The harbour council”? (y/n)"
send n
check "n keeps it" wait_for "not deleted"
check_eq "still stored" "$(sql 'SELECT count(*) FROM annotation')" 1
send d
check "delete asks again" wait_for "(y/n)"
send y
check "deleted" wait_for "note deleted"
check_eq "delete stored" "$(sql 'SELECT count(*) FROM annotation')" 0
send g
check "cursor away" poll status_has "row 1/"
check "no longer styled" poll unstyled "The harbour council"

# --- tags with Tab completion ----------------------------------------------------
send g j j v w
send t
check "tag prompt" wait_for "tags (Tab completes):"
send_text "key claim"
send Enter
check "tag saved" wait_for "tag saved"
send /
send_text "mayor"
send Enter Escape v w
check "second selection" poll status_has "selection: 5 characters"
send t
send_text "ke"
send Tab
check "Tab completes" wait_for "tags (Tab completes): key claim"
send_text ", check"
send Enter
check "second tag saved" wait_for "tag saved"
check_eq "tags stored" "$(sql "SELECT group_concat(name, '|') FROM (SELECT name FROM tag ORDER BY annotation, pos)")" \
    "key claim|key claim|check"
send [ a
check "status shows the tags" poll status_has "tag · tags: key claim,check"
send H
check "H without a selection says so" wait_for "select a passage first"
quit "tags"

# --- moved and orphan after the file changed -------------------------------------
check "opens for the re-anchoring" open_first
send /
send_text "careful"
send Enter Escape
send v w w H
check "highlight saved" wait_for "highlight saved"
send /
send_text "shorten"
send Enter Escape
send v w w w a
# a note wider than the prompt scrolls to keep the cursor in view
send_text "begin-$(printf '%0140d' 0)-end"
check "long note: its end shows" poll status_has "0-end"
check "long note: its start scrolled away" poll lacks_text "begin-"
send C-a
check "C-a: its start shows" poll status_has "note: begin-0"
check "C-a: its end scrolled away" poll lacks_text "0-end"
send C-k
check "C-k empties it" poll lacks_text "begin-"
send_text "is it true"
send Enter
check "note saved" wait_for "note saved"
quit "before the edit"
# a paragraph before every passage; the sentence with the note replaced
{
	printf 'Harbour council approves new ferry timetable\n\n'
	printf 'Update: this story was corrected on Wednesday after readers wrote in.\n'
	sed -e 1d -e 's/^Officials said.*/Officials declined to comment./' "$art"
} >"$art.new"
mv "$art.new" "$art"
check "reopens after the edit" open_first
check "re-anchoring reported" wait_for "3 annotations moved, 1 orphan"
check "moved highlight drawn at its new place" poll styled "careful compromise"
send A
check "orphan listed with its quote" wait_for "orphan “shorten waiting times”  is it true"
check "moved one listed" wait_for "highlight moved “careful compromise”"
send Escape
check "A closes with Esc" wait_gone "annotations: this article"
send ] a
check "]a lands on the moved tag" poll status_has "tag · tags: key claim · moved"
# from another article, the whole-corpus list marks the orphan too
send J
check "J to the other article" wait_for "The city library will open"
send A
check "A: none in this one" wait_for "annotations: this article (0)"
send A
check "whole corpus marks the orphan" wait_for "orphan “shorten waiting times”"
check "and the moved one" wait_for "highlight moved “careful compromise”"
send Escape
send K
check "K back" wait_for "The harbour council voted"
# an orphan is edited and deleted from the list, where it can be reached
send A G e
check "e in the list: the orphan's note" wait_for "note: is it true"
check "the list stays up" has_text "annotations: this article (4)"
send C-w
send_text "false"
send Enter
check "edited from the list" wait_for "orphan “shorten waiting times”  is it false"
send d
check "d in the list asks" wait_for "delete this note on “shorten waiting times”? (y/n)"
send y
check "deleted from the list" wait_for "annotations: this article (3)"
check "the orphan is gone" wait_gone "shorten waiting times"
check_eq "orphan deleted in the store" \
    "$(sql "SELECT count(*) FROM annotation WHERE quote = 'shorten waiting times'")" 0
send q
send g
check "Esc: cursor at the top" poll status_has "row 1/"
send v l l
check "h l extend by character" poll status_has "selection: 3 characters"
send Escape
check "Esc cancels the selection" wait_for "selection cancelled"
send V
check "V selects the paragraph" poll status_has "selection: 44 characters"
send Escape

# --- a commit that fails (the database is locked) keeps the selection ---------------
mkfifo "$SCRATCH/lock"
sqlite3 "$db" <"$SCRATCH/lock" >/dev/null 2>&1 &
exec 3>"$SCRATCH/lock"
echo "BEGIN EXCLUSIVE; INSERT INTO tag VALUES (0, 0, 'x');" >&3
locked() {
	! sqlite3 "$db" "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1
}
check "another process holds the lock" poll locked
send v w H
check "failed commit says why" wait_for "not saved:"
send l
check "selection kept" poll status_has "selection: "
echo "ROLLBACK;" >&3
exec 3>&-
wait
send H
check "saved once the lock is gone" wait_for "highlight saved"
quit "after the edit"

# --- kill -9 right after "saved" ---------------------------------------------------
check "opens for the crash" open_first
send G v b a
send_text "crash test ✓"
send Enter
check "crash note saved" wait_for "note saved"
pid=$(tm display-message -p -t t '#{pane_pid}')
# the pane runs a shell that runs lede, or lede itself
[ "$(cat /proc/"$pid"/comm 2>/dev/null)" = lede ] ||
    pid=$(ps -o pid= --ppid "$pid" | head -n 1 | tr -d ' ')
check "found lede" test -n "$pid"
kill -9 "$pid"
check "killed" poll pane_dead
check_eq "survives kill -9" "$(sql "SELECT count(*) FROM annotation WHERE note = 'crash test ✓'")" 1
check_eq "integrity" "$(sql 'PRAGMA integrity_check')" ok
check "reopens after the crash" open_first
send A
check "crash note listed" wait_for "crash test ✓"
send q

# --- another process adds one: seen at the next key ---------------------------------
check "another process adds" "$LEDE" annotations add --path "$art" --start 0 --end 7 \
    --kind note --note "from elsewhere" >/dev/null
send g A
check "the other's note listed" wait_for "from elsewhere"
quit "after the crash"

# --- a store from a newer lede: read-only, said so, left alone ------------------------
XDG_DATA_HOME=$SCRATCH/newer
mkdir -p "$XDG_DATA_HOME/lede"
sqlite3 "$XDG_DATA_HOME/lede/annotations.db" 'CREATE TABLE future (x); PRAGMA user_version = 99'
check "opens with a newer store" open_first
send v w a
check "a says why it cannot write" wait_for "made by a newer lede"
check "no prompt" lacks_text "note:"
quit "newer store"

# --- a store that cannot be used: the corpus opens, the keys say why ---------------
XDG_DATA_HOME=$SCRATCH/broken
mkdir -p "$XDG_DATA_HOME/lede"
echo "this is not a database, it is a text file of some length" >"$XDG_DATA_HOME/lede/annotations.db"
cp "$XDG_DATA_HOME/lede/annotations.db" "$SCRATCH/broken.orig"
check "opens with a broken store" open_first
send v w H
check "keys say why" wait_for "annotations unavailable"
quit "broken store"
check "broken store left as it was" cmp -s "$XDG_DATA_HOME/lede/annotations.db" \
    "$SCRATCH/broken.orig"

finish
