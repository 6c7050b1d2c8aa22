#!/bin/sh
# resize.sh - three panes, two, one, "terminal too small", and back, without artefacts
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

# every pane row ends with the right border
borders() {
	! screen | head -n -1 | tail -n +2 | grep -v -q '│$'
}

start 100 24
check "three panes" wait_for "entities"
check "reading view" wait_for "reading view"
send Enter
check "article" wait_for "On December 7, local time"
resize 60 15
check "two panes: no entities" wait_gone "entities"
check "two panes: reader" wait_for "reading view"
check "two panes: list" wait_for "articles (5)"
check "two panes: borders" poll borders
resize 45 12
check "one pane: the focused reader only" wait_gone "articles (5)"
check "one pane: text" wait_for "reading view"
send q
check "one pane: back shows the list" wait_for "articles (5)"
check "one pane: list only" wait_gone "reading view"
resize 30 8
check "too small" wait_for "terminal too small"
check "too small: size" wait_for "30x8, need 40x10"
resize 100 24
check "back to three panes" wait_for "entities"
check "too small is gone" wait_gone "terminal too small"
check "list back" wait_for "The Limited Times"
check "borders after resizes" poll borders
send Enter
check "opens again" wait_for "On December 7, local time"
# the help screen is made again for the new width
send ?
check "help" wait_for "help: keys"
resize 40 10
check "help at 40x10" wait_for "help: keys"
# made again for 40 columns: long rows end in an ellipsis instead of wrapping
check "help cut to the width" wait_for "half a page do…"
resize 100 24
check "help at 100x24" wait_for "help: keys"
send q
check "help closed" wait_gone "help: keys"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
