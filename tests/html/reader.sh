#!/bin/sh
# reader.sh - an HTML page in the reader: the article's lines shown, the page's
# menus, related links and comments hidden until B shows them dimmed.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

esc=$(printf '\033')
page=$TOP_SRCDIR/tests/html/article.html
dimmed() {
	screen_e | grep "Ferry prices" | grep -q "${esc}\[\([0-9;]*;\)*2m[^${esc}]*Ferry prices"
}
T_ENV="NO_COLOR=1"

start 110 60 "$page"
check "list" wait_for "articles (1)"
send Enter
check "article opened" wait_for "The harbour bridge reopened to traffic"
check "subheading shown" wait_for "Traffic in the old town"
check "menu hidden" lacks_text "Weather"
check "related links hidden" lacks_text "Ferry prices"
check "comments hidden" lacks_text "Finally!"
check "cookie notice hidden" lacks_text "We use cookies"
send B
check "B shows them" wait_for "Ferry prices"
check "shown dimmed" poll dimmed
send B
check "B hides them again" wait_gone "Ferry prices"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
