#!/bin/sh
# extract.sh - lede extract and analyze on a page dump with menus and footers, and the
# user's own rule files extending the installed ones
. "$TOP_SRCDIR/tests/cli/lib.sh"
page="$TOP_SRCDIR/tests/clean/page.txt"
out="$SCRATCH/out"

"$LEDE" extract "$page" >"$out"
check_eq "extract exits 0" "$?" 0
check_eq "four paragraphs and a heading" "$(wc -l <"$out" | tr -d ' ')" 5
check_eq "first paragraph" "$(head -n 1 "$out" | cut -c1-40)" "The city council voted early on Wednesda"
check "heading kept" grep -qx "What happens next" "$out"
check "no menu" sh -c "! grep -q 'Politics' '$out'"
check "no footer" sh -c "! grep -q 'Privacy' '$out'"
check "no related links" sh -c "! grep -q 'Mayor promises' '$out'"
check "no advert" sh -c "! grep -q 'Advertisement' '$out'"

"$LEDE" analyze "$page" >"$out"
check_eq "title" "$(jq -r .title "$out")" "Council approves the city budget after a long night of debate"
check_eq "byline" "$(jq -r .byline "$out")" "Jane Roe"
check_eq "date" "$(jq -r .date "$out")" "2019-11-20"
check_eq "copyright line" "$(jq -r '[.lines[] | select(.subtype == "copyright")] | length' "$out")" 1
check_eq "comment prompt" "$(jq -r '[.lines[] | select(.subtype == "comments")] | length' "$out")" 1

# the user's rules come first and extend the installed ones
mkdir -p "$XDG_CONFIG_HOME/lede"
printf 'other\texact\tWhat happens next\n' >"$XDG_CONFIG_HOME/lede/boilerplate.rules"
printf 'name-variant\tJane Roe\tJane Row\ttest entry\n' >"$XDG_CONFIG_HOME/lede/glossary.tsv"
"$LEDE" extract "$page" >"$out"
check "user rule hides the heading" sh -c "! grep -q 'What happens next' '$out'"
"$LEDE" analyze "$page" >"$out"
check_eq "user glossary entry" "$(jq -r '[.artifacts[] | select(.suggestion == "Jane Row")] | length' "$out")" 1

# a bad user rule is reported with its file and line, and the rest still works
printf 'other\texact\tWhat happens next\nnonsense line\n' >"$XDG_CONFIG_HOME/lede/boilerplate.rules"
"$LEDE" extract "$page" >"$out" 2>"$SCRATCH/err"
check_eq "bad rule: still exits 0" "$?" 0
check "bad rule named with file and line" grep -q "boilerplate.rules:2:" "$SCRATCH/err"
check "good user rule still applied" sh -c "! grep -q 'What happens next' '$out'"
finish
