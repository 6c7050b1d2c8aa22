#!/bin/sh
# analyze.sh - lede analyze over several articles takes the other articles of a story
# as evidence: a name one source spells unlike the three others is flagged, with the
# majority's spelling as suggestion; --no-stories and standard input (unless
# --stories) analyse one article at a time.
. "$TOP_SRCDIR/tests/cli/lib.sh"
C=$TOP_SRCDIR/tests/story/corpus
flag='.artifacts[] | select(.text == "Halvorsen") | "\(.kind)|\(.suggestion)|\(.note)"'

"$LEDE" analyze "$C"/flood_*.txt > "$SCRATCH/a.jsonl"
check_eq "exit status" "$?" 0
check_eq "one object per article" "$(wc -l < "$SCRATCH/a.jsonl" | tr -d ' ')" 4
check_eq "in input order" "$(jq -r '.path | sub(".*/"; "")' "$SCRATCH/a.jsonl" | tr '\n' ' ')" \
	"flood_a.txt flood_b.txt flood_c.txt flood_d.txt "
check_eq "the minority spelling flagged" \
	"$(jq -r "select(.path | endswith(\"flood_c.txt\")) | $flag" "$SCRATCH/a.jsonl")" \
	"name-variant|Halvorson|3 of 4 sources: Halvorson"
check_eq "its score grows with the share agreeing (0.6 + 0.3 * 3/4)" \
	"$(jq -r 'select(.path | endswith("flood_c.txt")) | .artifacts[] |
	    select(.text == "Halvorsen") | .score' "$SCRATCH/a.jsonl")" 0.825
check_eq "the majority spelling not flagged" \
	"$(jq -r '.artifacts[] | select(.text == "Halvorson") | .text' "$SCRATCH/a.jsonl")" ""
check_eq "artifacts sorted, not overlapping" "$(jq -r '[.artifacts | range(1; length) as $i |
	select(.[$i - 1].end > .[$i].start)] | length' "$SCRATCH/a.jsonl" | sort -u)" 0

"$LEDE" analyze --no-stories "$C"/flood_*.txt > "$SCRATCH/b.jsonl"
check_eq "--no-stories: no story flags" "$(jq -r "$flag" "$SCRATCH/b.jsonl")" ""

for f in "$C"/flood_*.txt; do
	jq -Rsc --arg id "${f##*/}" '{id: $id, text: .}' "$f"
done > "$SCRATCH/in.jsonl"
"$LEDE" analyze - < "$SCRATCH/in.jsonl" > "$SCRATCH/c.jsonl"
check_eq "stdin: one at a time" "$(jq -r "$flag" "$SCRATCH/c.jsonl")" ""
"$LEDE" analyze --stories - < "$SCRATCH/in.jsonl" > "$SCRATCH/d.jsonl"
check_eq "stdin with --stories" "$(jq -r "select(.id == \"flood_c.txt\") | $flag" \
	"$SCRATCH/d.jsonl")" "name-variant|Halvorson|3 of 4 sources: Halvorson"
# a phrase one source alone writes is a flag only on request: most are fair synonyms
phr='[.artifacts[] | select(.kind == "mistranslation" and (.note // "" | test("sources")))] | length'
check_eq "phrase disagreements not flagged by default" \
	"$("$LEDE" analyze "$C"/orchard_*.txt | jq -s "map($phr) | add")" 0
n=$("$LEDE" analyze --story-phrases "$C"/orchard_*.txt | jq -s "map($phr) | add")
check_eq "--story-phrases flags them" "$([ "${n:-0}" -gt 0 ] && echo yes)" yes
"$LEDE" analyze --frobnicate "$C/flood_a.txt" > /dev/null 2> "$SCRATCH/err"
check_eq "unknown option: usage error" "$?" 2
finish
