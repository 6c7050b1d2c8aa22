#!/bin/sh
# colors.sh - the theme reaches the screen in 256 colours, falls back to the 8 basic
# colours, and NO_COLOR leaves attributes only (the search match still stands out).
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

esc=$(printf '\033')
has_256() { screen_e | grep -q "${esc}\[[0-9;]*38;5;"; }
has_basic() { screen_e | grep -q "${esc}\[\([0-9;]*;\)\?3[0-7]m"; }
no_colour() { ! screen_e | grep -q "${esc}\[\([0-9;]*;\)\?\(3[0-7]\|4[0-7]\|38;5;[0-9]*\|48;5;[0-9]*\)m"; }
# the rest of the match after the cursor's "P", in the search style of each mode:
# background 220, its basic fallback yellow (43), bold alone without colours
match_marked() { screen_e | grep -q "$1utin"; }

search_putin() {
	check "$1: list" wait_for "The Limited Times"
	send Enter
	check "$1: article" wait_for "On December 7"
	send_text "/putin"
	send Enter
	check "$1: match marked" poll match_marked "$2"
}

start 100 20
search_putin "256 colours" "48;5;220m"
check "256 colours used" poll has_256
send Q
exit_status >/dev/null

T_ENV="TERM=screen" start 100 20
search_putin "8 colours" "${esc}\\[43m"
check "8 colours: no 256-colour codes" poll sh -c "! tmux -L '$T_SOCK' capture-pane -p -e -t t | grep -q '38;5;'"
check "8 colours: basic colours" poll has_basic
send Q
exit_status >/dev/null

T_ENV="NO_COLOR=1" start 100 20
search_putin "NO_COLOR" "${esc}\\[0;1m\\(${esc}\\[[0-9;]*m\\)*"
check "NO_COLOR: no colours at all" no_colour
send Q
check_eq "exit status" "$(exit_status)" 0
finish
