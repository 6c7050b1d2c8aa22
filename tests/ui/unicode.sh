#!/bin/sh
# unicode.sh - CJK, combining marks and emoji wrap without pushing the pane borders:
# every row keeps the right border in the last column and the screen width.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"


data=$TOP_SRCDIR/tests/data
start 70 20 "$data/unicode.txt" "$data/escape.txt"
check "list" wait_for "Unicode wrapping"
send Enter
check "CJK shown" wait_for "東京は日本の首都です"
check "emoji shown" wait_for "Emoji: family"
check "combining shown" wait_for "$(printf 'Cafe\314\201 re\314\201sume\314\201')"
check "two panes intact" poll rows_intact 70 3
rows_intact 70 3 || show
# narrower: CJK and emoji rows wrap differently
resize 61 20
check "narrower" wait_for "row 1"
check "two panes intact at 61" poll rows_intact 61 3
resize 110 20
check "three panes" wait_for "entities"
check "three panes intact" poll rows_intact 110 4
rows_intact 110 4 || show
# scrolling through every row keeps them intact
send G
check "bottom" wait_for "several rows of the pane."
check "intact at the bottom" poll rows_intact 110 4
# search folds case beyond ASCII, and the match is drawn in its own style (the
# cursor sits on its first letter, the match style starts after it)
esc=$(printf '\033')
rest=$(printf '\320\276\321\201\320\272\320\262\320\260')	# "осква"
marked() {
	screen_e | grep -q "48;5;220m$rest"
}
not_marked() {
	! marked
}
check "not marked before searching" not_marked
send /
send_text "$(printf '\320\274')$rest"	# "москва", lower case
send Enter
check "non-ASCII search marks Москва" poll marked
send Q
check_eq "exit status" "$(exit_status)" 0
finish
