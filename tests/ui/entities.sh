#!/bin/sh
# entities.sh - the entity panel driven in tmux: names and counts for the article,
# the selected entity's mentions marked, * and # through them and on into the next
# article that mentions it, n and N after them, the & filter and Esc, the corpus
# toggle (c), and the panel dropping on a narrow terminal.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

esc=$(printf '\033')
FIX="$TOP_SRCDIR/tests/data/entities"

status_line() {
	screen | tail -n 1
}
status_has() {
	status_line | grep -q -- "$1"
}
# the selected entity's mentions in the default theme's mention_selected (bg 117)
marked() {
	screen_e | grep -q "${esc}\[[0-9;]*48;5;117"
}
not_marked() {
	! marked
}
# panel_count NAME: the count shown after NAME in the entity panel
panel_count() {
	screen | sed -n "s/.*│ $1  *\([0-9][0-9]*\) │\$/\1/p" | head -n 1
}
panel_has() {
	[ -n "$(panel_count "$1")" ]
}
panel_lacks() {
	! panel_has "$1"
}
# select NAME: with the panel focused, move down until the status line names it
select_entity() {
	local k=0
	while [ $k -lt 40 ]; do
		T_DEADLINE=1 poll status_has "$1 [0-9]" && return 0
		send j
		k=$((k + 1))
	done
	return 1
}
# wait_status TEXT: the status line shows TEXT before the deadline
wait_status() {
	poll status_has "$1"
}

# --- the first sample ---------------------------------------------------------------
start 120 30
check "list" wait_for "articles (5)"
send Enter
check "article opens" wait_for "On December 7, local time"
check "PEOPLE heading" wait_for "│ PEOPLE"
check "PLACES heading" wait_for "│ PLACES"
check "ORGANIZATIONS heading" wait_for "│ ORGANIZATIONS"
check "Vladimir Putin with a count" poll panel_has "Vladimir Putin"
check "Joe Biden with a count" poll panel_has "Joe Biden"
putin=$(panel_count "Vladimir Putin")
biden=$(panel_count "Joe Biden")
check "counts are positive" test "${putin:-0}" -gt 0 -a "${biden:-0}" -gt 0
# most mentioned first: the one with the larger count is listed higher
first=$(screen | grep -n -E "│ (Vladimir Putin|Joe Biden)  +[0-9]+ │" | head -n 1)
if [ "${putin:-0}" -gt "${biden:-0}" ]; then
	check "sorted by count" sh -c "echo '$first' | grep -q Putin"
elif [ "${putin:-0}" -lt "${biden:-0}" ]; then
	check "sorted by count" sh -c "echo '$first' | grep -q Biden"
fi
check "nothing marked before selecting" not_marked
# names in the default theme's colour for their type (person 38, place 71): in the
# panel, and the mentions in the text, where the colour ends with the name
check "panel: a person in the person colour" poll sh -c "tmux -L '$T_SOCK' capture-pane -p -e -t t | grep -q '38;5;38m Joe Biden  '"
check "text: a person's mention coloured" poll sh -c "tmux -L '$T_SOCK' capture-pane -p -e -t t | grep -q '38;5;38mJoe Biden${esc}\[39m and'"
check "text: a place's mention coloured" poll sh -c "tmux -L '$T_SOCK' capture-pane -p -e -t t | grep -q '38;5;71mUnited States${esc}\[39m'"
send '&'
check "& without a selected entity says so" wait_status "no entity selected"

send Tab
check "panel focused: its entity named in the status" wait_status "· [A-Z].* 0/[0-9]"
check "select Vladimir Putin" select_entity "Vladimir Putin"
check "its mentions marked" poll marked
send '*'
check "* goes to the first mention" wait_status "Vladimir Putin 1/$putin"
send '*'
check "* again: the second" wait_status "Vladimir Putin 2/$putin"
send '#'
check "# goes back" wait_status "Vladimir Putin 1/$putin"
# the help screen lists the corpus toggle, and the entity keys as working
send '?'
check "help lists c" wait_for "c                    entity panel: this article or the whole corpus"
check "help lists *" wait_for "*                    next mention of the selected entity"
check "* is available" lacks_text "next mention of the selected entity (not"
send q
check "help closes" wait_gone "help: keys"
# (the exit status is checked once, at the end)

# --- a corpus of three, the second without Putin ------------------------------------
start 120 24 "$FIX"
check "fixture list" wait_for "articles (3)"
send Enter
check "fixture opens" wait_for "Russian President Vladimir Putin and US President"
check "article count" poll sh -c "[ \"\$(tmux -L '$T_SOCK' capture-pane -p -t t | sed -n 's/.*│ Vladimir Putin  *\([0-9]*\) │\$/\1/p')\" = 3 ]"
check "Angela Merkel is not in this article" panel_lacks "Angela Merkel"
send Tab
check "select" select_entity "Vladimir Putin"
send '*'
check "1/3" wait_status "Vladimir Putin 1/3"
send '*' '*'
check "3/3" wait_status "Vladimir Putin 3/3"
# past the last mention: on into the next article that mentions him (not 2.txt)
send '*'
check "* continues into the next article" wait_for "▶ Kremlin answers Washington"
check "its first mention" wait_status "Vladimir Putin 1/2"
check "that article's text" wait_for "Putin spoke to reporters"
send n
check "n cycles mentions" wait_status "Vladimir Putin 2/2"
send N
check "N goes back" wait_status "Vladimir Putin 1/2"
send '#'
check "# goes back into the article before" wait_for "▶ Leaders talk about the border"
check "# lands on its last mention" wait_status "Vladimir Putin 3/3"

# & filters the list; Esc clears the filter
check "unfiltered list shows the Merkel article" wait_for "Farmers protest in Berlin"
send '&'
check "filter in the header" wait_for "articles (2) · Vladimir Putin"
check "filtered out" wait_gone "Farmers protest in Berlin"
check "filtered list keeps the others" wait_for "Kremlin answers Washington"
send q
check "list status counts the filtered rows" wait_status "article 1/2"
send j
check "j in the filtered list skips the hidden row" wait_status "article 2/2"
send Enter
check "opens the row shown" wait_for "▶ Kremlin answers Washington"
send K
check "K stays in the filter" wait_for "▶ Leaders talk about the border"
send Escape
check "Esc clears the filter" wait_for "articles (3) "
check "all rows back" wait_for "Farmers protest in Berlin"

# the corpus toggle: counts over all articles, names from every article
send c
check "corpus header" wait_for "corpus · 3 articles"
check "corpus count" poll sh -c "[ \"\$(tmux -L '$T_SOCK' capture-pane -p -t t | sed -n 's/.*│ Vladimir Putin  *\([0-9]*\) │\$/\1/p')\" = 5 ]"
check "names from other articles" poll panel_has "Angela Merkel"
# Enter on a name the open article lacks: the first article that mentions it
send Tab
check "select in the corpus list" select_entity "Angela Merkel"
check "corpus figures in the status" wait_status "Angela Merkel 0/0 (2 in 1 article)"
send Enter
check "Enter opens the article with it" wait_for "▶ Farmers protest in Berlin"
check "at its first mention" wait_status "Angela Merkel 1/2"
send c
check "back to the article: its names" poll panel_has "Angela Merkel"
check "back to the article: not the others" poll panel_lacks "Vladimir Putin"

# a narrow terminal drops the panel first; the keys keep working
resize 80 24
check "panel dropped" wait_gone "PEOPLE"
check "list still shown" wait_for "articles (3)"
send '*'
check "* without the panel" wait_status "Angela Merkel 2/2"
send c
check "c says the panel is hidden" wait_status "too narrow"
resize 120 24
check "panel back" wait_for "PEOPLE"
send Q
st=$(exit_status)
check_eq "exit status" "$st" 0
[ "$st" = 0 ] || show
finish
