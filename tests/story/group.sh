#!/bin/sh
# group.sh - lede stories groups a small mixed corpus: the bundled samples (one event,
# five sites), four reports of one flood, three translations of one short talk, and
# three unrelated articles, each of which must stay a story of its own.
. "$TOP_SRCDIR/tests/cli/lib.sh"
C=$TOP_SRCDIR/tests/story/corpus
S=$TOP_SRCDIR/samples

"$LEDE" stories "$C" "$S" > "$SCRATCH/s.jsonl" 2> "$SCRATCH/err"
check_eq "exit status" "$?" 0
check_eq "no messages" "$(cat "$SCRATCH/err")" ""
groups=$(jq -r '[.articles[].path | sub(".*/"; "") | sub("_[0-9a-f]{16}\\.txt$"; "") |
	sub("\\.txt$"; "")] | join(" ")' "$SCRATCH/s.jsonl" | sort | tr '\n' '|')
check_eq "stories" "$groups" \
	"000 001 002 003 004|bakery|chess|flood_a flood_b flood_c flood_d|harbour|orchard_1 orchard_2 orchard_3|"
check_eq "ids in order" "$(jq -r .id "$SCRATCH/s.jsonl" | tr '\n' ' ')" "s1 s2 s3 s4 s5 s6 "

# Every story object has its fields; the flood's sentences are aligned across sources.
check_eq "fields" "$(jq -c 'keys' "$SCRATCH/s.jsonl" | sort -u)" \
	'["alignments","articles","disagreements","entities","id","only_one_source","title"]'
flood='select(.articles[0].path | endswith("flood_a.txt"))'
check_eq "mayor's sentence aligned in all four" "$(jq -r "$flood"' | .alignments[] |
	select(any(.[]; .text | test("^Mayor"))) | length' "$SCRATCH/s.jsonl")" 4
check_eq "story entities: most widely named first" "$(jq -r "$flood"' | .entities[0] |
	"\(.canonical) \(.articles)"' "$SCRATCH/s.jsonl")" "Mill Lane 4"

check_eq "what only one source reports" "$(jq -r "$flood"' | .only_one_source[] |
	"\(.article) \(.text)"' "$SCRATCH/s.jsonl")" \
	"0 A second bridge downstream, at Orrin Ford, was not damaged"

# Articles arrive one at a time and join at once: order does not change the grouping.
"$LEDE" stories "$S" "$C/orchard_3.txt" "$C/harbour.txt" "$C/flood_d.txt" \
	"$C/orchard_1.txt" "$C/flood_b.txt" > "$SCRATCH/t.jsonl"
check_eq "other order" "$(jq -r '.articles | length' "$SCRATCH/t.jsonl" | tr '\n' ' ')" \
	"5 2 1 2 "

# Bad input: one line naming the file, and the rest still grouped.
printf 'not json\n' > "$SCRATCH/bad.jsonl"
"$LEDE" stories "$SCRATCH/bad.jsonl" "$C/flood_a.txt" "$C/flood_b.txt" \
	> "$SCRATCH/u.jsonl" 2> "$SCRATCH/err"
check_eq "bad input: exit 1" "$?" 1
check "bad input: named" grep -q "bad.jsonl" "$SCRATCH/err"
check_eq "bad input: the rest grouped" "$(jq -r '.articles | length' "$SCRATCH/u.jsonl")" 2
"$LEDE" stories > /dev/null 2>&1
check_eq "no PATH: usage error" "$?" 2
finish
