#!/bin/sh
# suggest.sh - S shows each flag's suggestion inline, right after the flagged text,
# as virtual text: rows wrap around it without pushing the pane borders, ]f still
# lands on the flag, and S again hides it. What is expected comes from `lede
# analyze` on the fixture, so the test follows the cleaner; fails when the
# cleaner suggests nothing there.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

command -v jq >/dev/null || { echo "SKIP: no jq" >&2; exit 77; }
fx=$TOP_SRCDIR/tests/data/suggest.txt
"$LEDE" analyze "$fx" > "$SCRATCH/an.json" || { echo "analyze failed" >&2; exit 1; }
first='[.artifacts[] | select(.suggestion != "")][0]'
text=$(jq -r "$first.text // empty" "$SCRATCH/an.json")
sugg=$(jq -r "$first.suggestion // empty" "$SCRATCH/an.json")
kind=$(jq -r "$first.kind // empty" "$SCRATCH/an.json")
if [ -z "$sugg" ]; then
	echo "FAIL: the cleaner suggests nothing in the fixture" >&2
	exit 1
fi
# the longest suggestion, to see it cut in a narrow pane
longest='[.artifacts[]] | max_by(.suggestion | length)'
long_text=$(jq -r "$longest.text" "$SCRATCH/an.json")
long=$(jq -r "$longest.suggestion" "$SCRATCH/an.json" | sed 's/^\(.\{8\}\).*/\1/')


# the reading view's text (field F between the bars), rows joined without spaces,
# so a wrap anywhere does not matter
reader_text() {
	screen | head -n -1 | tail -n +2 | awk -F'│' -v f="$1" '{ print $f }' |
	    sed 's/^.//' | tr -d ' \n'
}
shows_inline() {
	reader_text "$1" | grep -F -q -- "$(printf '%s⟨%s⟩' "$text" "$sugg" | tr -d ' ')"
}
# the whole article is on the screen once the suggestions are taken out again:
# the rows made room for them, no text was lost at a row's end
article_whole() {
	screen | head -n -1 | tail -n +2 | awk -F'│' -v f="$1" '{ print $f }' |
	    sed -e 's/^.//' -e 's/ *$//' -e 's/ ⟨[^⟩]*⟩//g' -e 's/ ⟨[^⟩]*…$//' |
	    tr -d ' \n' > "$SCRATCH/shown"
	tr -d ' \n' < "$fx" | cmp -s - "$SCRATCH/shown"
}
status_row1() {
	screen | tail -n 1 | grep -q "row 1\b"
}
status_has() {
	screen | tail -n 1 | grep -F -q -- "$1"
}

start 110 24 "$fx"
check "list" wait_for "articles (1)"
send Enter
check "opened" wait_for "$text"
check "hidden at first" lacks_text "⟨$sugg⟩"
check "whole article" poll article_whole 3
send S
check "says on" poll status_has "suggestions on"
check "suggestion right after the flagged text" poll shows_inline 3
shows_inline 3 || show
check "three panes intact" poll rows_intact 110 4
rows_intact 110 4 || show
check "whole article with suggestions" poll article_whole 3
article_whole 3 || { show; cat "$SCRATCH/shown" >&2; }
# the inserted text has no bytes: ]f still lands on the flag, the status names it
send g
send ] f
check "]f lands on the flag" poll status_has "flag: $kind"
check "status gives the suggestion" poll status_has "→ $sugg"
# one pane, narrower than the longest suggestion: cut with an ellipsis, borders kept
cut_shown() {
	screen | grep -F "⟨$long" | grep -F -v "⟩" | grep -F -q "…"
}
resize 40 24
send /
send_text "$long_text"
send Enter
check "narrow: the long suggestion is cut" poll cut_shown
cut_shown || show
check "narrow intact" poll rows_intact 40 2
rows_intact 40 2 || show
last=$(tail -n 1 "$fx" | sed 's/.* //')
send G
check "narrow bottom" wait_for "$last"
check "narrow bottom intact" poll rows_intact 40 2
send g
check "narrow top" poll status_row1
check "narrow top intact" poll rows_intact 40 2
check "narrow: suggestion after the text" poll shows_inline 2
resize 110 24
check "wide again" wait_for "entities"
# the raw view has no flags, so no suggestions; they come back with the cleaned view
send R
check "raw view: none" wait_gone "⟨$sugg⟩"
send R
check "cleaned view: back" poll shows_inline 3
# S again hides them
send S
check "says off" poll status_has "suggestions off"
check "hidden again" wait_gone "⟨$sugg⟩"
check "intact when hidden" poll rows_intact 110 4
send Q
check_eq "exit status" "$(exit_status)" 0
finish
