#!/bin/sh
# reader.sh - the reader on the bundled samples, driven in tmux: start-up, moving
# through the list, opening, J/K, search with a highlighted match, help, quit.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

esc=$(printf '\033')
# the match is drawn in the theme's search style (background 220): the cursor sits
# on its "P", the rest of the match has that background, which nothing else uses
highlighted() {
	screen_e | grep -q "48;5;220mutin"
}
not_highlighted() {
	! highlighted
}
status_line() {
	screen | tail -n 1
}
status_row_is() {
	status_line | grep -q "row $1\b"
}
status_row_is_not() {
	! status_row_is "$1"
}

start 100 24
# no PATH: the samples; every title shows, and the first is selected
check "list shows" wait_for "articles (5)"
for t in 'The “general worship' 'Home » Biden Putin' 'Biden and Putin speak' \
    'US-Russian leaders' 'The Limited Times'; do
	check "title: $t" wait_for "$t"
done
check "status counts" wait_for "article 1/5"
send j j
check "down twice" wait_for "article 3/5"
send k
check "up" wait_for "article 2/5"
send G
check "bottom" wait_for "article 5/5"
send g
check "top" wait_for "article 1/5"

# Enter opens the article, its text appears, the reader has focus
send Enter
check "article text" wait_for "On December 7, local time"
check "reader status" wait_for "000_c781b71631769bbf.txt"
check "no highlight before searching" not_highlighted

# search: the first match is shown and highlighted; n goes on, N comes back
send /
check "prompt" wait_for "/"
send_text "putin"
send Enter
check "match highlighted" poll highlighted
row1=$(screen | tail -n 1 | sed -n 's/.*row \([0-9]*\).*/\1/p')
send n n n
check "first match row" test -n "$row1"
check "n moves on" poll status_row_is_not "$row1"
send N N N
check "N comes back" poll status_row_is "$row1"
send_text "/nosuchwordanywhere"
send Enter
check "not found" wait_for "Pattern not found: nosuchwordanywhere"

# J and K: next and previous article from the reader, and from the list
send J
# (the status line may show a flag under the cursor instead of the file name)
check "J opens the next" wait_for "▶ Biden Putin in a 2-h"
check "J shows its text" wait_for "At around 18:00 on December 7th"
send J
check "J again" wait_for "▶ Biden and Putin spea"
send K
check "K" wait_for "▶ Biden Putin in a 2-h"
send q
check "q goes back to the list" wait_for "article 2/5"
send J
check "J from the list" wait_for "article 3/5"
check "J from the list opens it" wait_for "Biden and Putin speak in a warning"

# Shift-Tab and Tab move the focus: the status line follows it
send Tab
check "Tab focuses the reader" wait_for "002_29eef3dcc8056f18.txt"
check "the list status is gone" wait_gone "article 3/5"
send BTab
check "S-Tab focuses the list" wait_for "article 3/5"
send Tab
check "Tab again" wait_for "002_29eef3dcc8056f18.txt"

# paging keeps working to the end and back
check "not at the bottom before End" sh -c "! tmux -L '$T_SOCK' capture-pane -p -t t |
    tail -n 1 | grep -q 'row \\([0-9]*\\)/\\1\\b'"
send End
# the status line counts rows: at the bottom the cursor's row is the last one
check "End goes to the last row" poll sh -c "tmux -L '$T_SOCK' capture-pane -p -t t |
    tail -n 1 | grep -q 'row \\([0-9]*\\)/\\1\\b'"
send Home C-d C-u Space b
check "still alive" wait_for "002_29eef3dcc8056f18.txt"

# ]f with the flags the cleaner found (or the message that there are none)
send ] 
check "pending prefix shown" wait_for "]-"
send f
check "flag jump answered" wait_gone "]-"

# help is generated from the key table
send ?
check "help" wait_for "help: keys"
check "help lists J" wait_for "J                    next article"
send Space
check "help pages: ]f" wait_for "]f                   next flagged artifact"
send q
check "help closes" wait_gone "help: keys"

# :messages, and a command that does not exist
send :
send_text "nonsense"
send Enter
check "unknown command" wait_for "unknown command: nonsense"

# once analysed (here by the corpus index), the list shows the cleaned headline,
# not a site banner on the file's first line
check "banner title before analysis" wait_for "The Limited Times"
send c
check "cleaned title after analysis" wait_for "Threat of inva"
check "banner gone" wait_gone "The Limited Times"

# Q quits with status 0
send Q
st=$(exit_status)
check_eq "exit status" "$st" 0
[ "$st" = 0 ] || show

# C-c ends lede cleanly too, with the shell's status for SIGINT
start 80 20
check "restarted" wait_for "articles (5)"
send C-c
check_eq "exit status after C-c" "$(exit_status)" 130
finish
