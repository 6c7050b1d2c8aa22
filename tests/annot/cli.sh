#!/bin/sh
# cli.sh - lede annotations add/list/update/delete: JSON lines, re-anchoring, exit status
. "$TOP_SRCDIR/tests/cli/lib.sh"
cd "$SCRATCH" || exit 1
art="$SCRATCH/corpus/story.txt"
mkdir -p corpus
printf 'Minister resigns\n\nThe minister said the plan was final. Critics disagreed.\nHe left on Friday.\n' >"$art"
db="$XDG_DATA_HOME/lede/annotations.db"

# nothing stored yet: list prints nothing, creates nothing, exits 0
out=$("$LEDE" annotations list 2>&1)
check_eq "empty list exits 0" "$?" 0
check_eq "empty list prints nothing" "$out" ""
check "list does not create the database" test ! -e "$db"

# add: "the plan was final" is bytes 36..54 (18 + 18 counted by hand)
"$LEDE" annotations add --path corpus/story.txt --start 36 --end 54 --kind note \
	--note 'check "this"' --tags 'key claim, check' >add1.json
check_eq "add exits 0" "$?" 0
check_eq "add prints the quote" "$(jq -r .quote add1.json)" "the plan was final"
check_eq "add prints the note" "$(jq -r .note add1.json)" 'check "this"'
check_eq "add prints normalised tags" "$(jq -c .tags add1.json)" '["key claim","check"]'
check_eq "add stores the absolute path" "$(jq -r .path add1.json)" "$art"
check_eq "prefix is the text before" "$(jq -r .prefix add1.json)" "$(printf 'ster resigns\n\nThe minister said ')"
check "database created in XDG_DATA_HOME" test -s "$db"
"$LEDE" annotations add --path "$art" --start 75 --end 77 --kind highlight >add2.json
check_eq "second add" "$(jq -r '.quote + " " + .kind + " " + .status' add2.json)" "He highlight anchored"
"$LEDE" annotations add --path "$art" --start 56 --end 63 --kind tag --tags disputed >/dev/null
check_eq "three annotations listed" "$("$LEDE" annotations list | wc -l | tr -d ' ')" 3
check "every list line is JSON" sh -c '"$LEDE" annotations list | jq -e . >/dev/null'

# bad spans and options: usage errors (2), nothing stored
"$LEDE" annotations add --path "$art" --start 10 --end 10 --kind note 2>err.txt
check_eq "empty span is refused" "$?" 2
"$LEDE" annotations add --path "$art" --start 0 --end 9999 --kind note 2>/dev/null
check_eq "span past the end is refused" "$?" 2
"$LEDE" annotations add --path "$art" --start 0 --end 5 --kind bogus 2>/dev/null
check_eq "unknown kind is a usage error" "$?" 2
"$LEDE" annotations add --path "$SCRATCH/missing.txt" --start 0 --end 5 --kind note 2>err.txt
check_eq "missing article exits 1" "$?" 1
check "missing article named" grep -q 'missing.txt' err.txt
"$LEDE" annotations export 2>/dev/null
check_eq "export without --format is a usage error" "$?" 2
"$LEDE" annotations export --format brat 2>/dev/null
check_eq "brat without --out is a usage error" "$?" 2
"$LEDE" annotations frobnicate 2>/dev/null
check_eq "unknown subcommand is a usage error" "$?" 2
"$LEDE" annotations list --bogus 2>/dev/null
check_eq "unknown option is a usage error" "$?" 2
check_eq "still three" "$("$LEDE" annotations list | wc -l | tr -d ' ')" 3

# update and delete
id2=$(jq -r .id add2.json)
"$LEDE" annotations update --id "$id2" --note "who is he?" --tags "x, y" >upd.json
check_eq "update exits 0" "$?" 0
check_eq "update shows the new note and tags" "$(jq -c '[.note, .tags]' upd.json)" '["who is he?",["x","y"]]'
"$LEDE" annotations delete --id "$id2"
check_eq "delete exits 0" "$?" 0
"$LEDE" annotations delete --id "$id2" 2>/dev/null
check_eq "deleting twice exits 1" "$?" 1
check_eq "two left" "$("$LEDE" annotations list | wc -l | tr -d ' ')" 2

# the article changes: text inserted before -> moved, with the new offsets
printf 'UPDATE: corrected.\n\nMinister resigns\n\nThe minister said the plan was final. Critics disagreed.\nHe left on Friday.\n' >"$art"
"$LEDE" annotations list corpus >list.json
check_eq "list PATH exits 0" "$?" 0
check_eq "moved after an insertion" \
	"$(jq -r 'select(.note == "check \"this\"") | "\(.status) \(.start) \(.end) \(.stored.start)"' list.json)" \
	"moved 56 74 36"
# the quote vanishes -> orphan, still listed with its quote
printf 'Minister resigns\n\nThe minister resigned. Nobody argued.\n' >"$art"
"$LEDE" annotations list "$art" >list.json
check_eq "orphan when the quote vanished" \
	"$(jq -r 'select(.quote == "the plan was final") | "\(.status) \(.start)"' list.json)" "orphan null"
check_eq "orphans are listed, never dropped" "$(wc -l <list.json | tr -d ' ')" 2
# without PATHs the stored files are read and re-anchored as well
check_eq "list without PATH re-anchors" \
	"$("$LEDE" annotations list | jq -r .status | sort | tr '\n' ' ')" "orphan orphan "
# the file is gone: listed as stored, and the problem named (exit 1)
rm "$art"
"$LEDE" annotations list >list.json 2>err.txt
check_eq "gone article exits 1" "$?" 1
check_eq "gone article still listed" "$(jq -r .status list.json | sort -u)" "unchecked"
check "gone article named" grep -q 'story.txt' err.txt
"$LEDE" annotations check >chk.txt
check_eq "integrity check" "$(cat chk.txt)" ok

# a database made by a newer lede: read-only, with a message, still listed
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" 'PRAGMA user_version = 99' >/dev/null
	printf 'Another story\n\nText.\n' >corpus/b.txt
	"$LEDE" annotations add --path corpus/b.txt --start 15 --end 19 --kind note 2>err.txt >out.txt
	check_eq "newer schema refuses changes" "$?" 1
	check "newer schema message" grep -q 'newer lede' err.txt
	check_eq "nothing printed when nothing was stored" "$(cat out.txt)" ""
	check_eq "newer schema still lists" "$("$LEDE" annotations list 2>/dev/null | wc -l | tr -d ' ')" 2
fi
# not a database: a clear message, exit 1, the file left alone
printf 'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage\n' >bad.db
"$LEDE" annotations list --db bad.db 2>err.txt
check_eq "not a database exits 1" "$?" 1
check "not a database message" grep -q 'annotations are off' err.txt
check_eq "bad file untouched" "$(head -c 7 bad.db)" garbage
finish
