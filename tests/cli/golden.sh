#!/bin/sh
# golden.sh - `lede analyze` on an article with emoji (a skin-tone sequence), CJK, a
# combining mark and right-to-left text, byte for byte against the reviewed output
# in tests/data/golden/. After an intended change, review the diff and replace
# mix.json with the new output (run from that directory: the path is part of it).
. "$TOP_SRCDIR/tests/cli/lib.sh"
dir="$TOP_SRCDIR/tests/data/golden"
cd "$dir" || exit 1
"$LEDE" analyze mix.txt >"$SCRATCH/mix.json" 2>"$SCRATCH/err"
check_eq "analyze exits 0" "$?" 0
check_eq "no messages" "$(cat "$SCRATCH/err")" ""
if ! cmp -s "$SCRATCH/mix.json" mix.json; then
	diff mix.json "$SCRATCH/mix.json" | head -n 20 >&2
	check "output equals tests/data/golden/mix.json" false
else
	check "output equals tests/data/golden/mix.json" true
fi
# The golden file itself is sane: each mention's and artifact's text is the bytes
# of mix.txt between its byte offsets, and the lines cover the file.
check "golden file is one JSON object" jq -e '.text' mix.json >/dev/null
bad=0
jq -r '(.entities[].mentions[], .artifacts[]) | "\(.start) \(.end) \(.text | @base64)"' \
    mix.json >"$SCRATCH/spans"
while read -r s e t; do
	got=$(tail -c +"$((s + 1))" mix.txt | head -c "$((e - s))" | base64 -w0)
	[ "$got" = "$t" ] || { bad=$((bad + 1)); echo "span $s-$e: $got != $t" >&2; }
done <"$SCRATCH/spans"
check_eq "spans read back from the file" "$bad" 0
check "there are spans to read back" test -s "$SCRATCH/spans"
check_eq "lines end at the file's end" "$(jq '.lines[-1].end' mix.json)" \
	"$(($(wc -c <mix.txt) - 1))"
finish
