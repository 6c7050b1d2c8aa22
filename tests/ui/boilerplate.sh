#!/bin/sh
# boilerplate.sh - scraping leftovers are hidden in the reading view, B shows them
# dimmed in place, R shows the file as it is.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

esc=$(printf '\033')
art=$TOP_SRCDIR/samples/001_993c5687fcffb723.txt
# the breadcrumb on the first line of the page, drawn dim when shown (without
# colours, the dim element is the terminal's dim attribute, SGR 2)
dimmed() {
	screen_e | grep "Home » Biden" | grep -q "${esc}\[\([0-9;]*;\)*2m[^${esc}]*Home » Biden"
}
not_dimmed() {
	! dimmed
}
T_ENV="NO_COLOR=1"

start 110 60 "$art"
check "list" wait_for "articles (1)"
send Enter
check "article opened" wait_for "At around 18:00 on December 7th"
check "breadcrumb hidden" lacks_text "Home » Biden"
check "related links hidden" lacks_text "See also"
check "cookie banner hidden" lacks_text "This website uses cookies"
check "comment form hidden" lacks_text "Leave a Comment"
send B
check "B shows them" wait_for "Home » Biden"
check "shown dimmed" poll dimmed
check "status says so" wait_for "boilerplate shown"
send B
check "B hides them again" wait_gone "Home » Biden"
send R
check "raw view shows the breadcrumb" wait_for "Home » Biden"
check "raw view is not dimmed" not_dimmed
send R
check "back from raw" wait_gone "Home » Biden"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
