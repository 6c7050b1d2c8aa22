#!/bin/sh
# export.sh - W3C, brat and Markdown exports; code-point and UTF-16 offsets on a text
# with emoji, a flag and CJK, against offsets counted by hand.
. "$TOP_SRCDIR/tests/cli/lib.sh"
cd "$SCRATCH" || exit 1
tab=$(printf '\t')
mkdir -p corpus
art="$SCRATCH/corpus/tokyo.txt"
printf 'Tokyo 東京 🇯🇵 reacts\n\nSaid: "大丈夫" 👍🏽 — ok.\n' >"$art"
check_eq "fixture is 65 bytes" "$(wc -c <"$art" | tr -d ' ')" 65

# Hand count (bytes / code points / UTF-16 units before each passage):
#   "Tokyo " 6/6/6, 東京 6 bytes 2 cp, " " -> 13/9/9, 🇯🇵 two regional indicators
#   8 bytes 2 cp 4 units -> 21/11/13, " reacts" -> 28/18/20, "\n\n" -> 30/20/22,
#   'Said: "' -> 37/27/29, 大丈夫 9 bytes 3 cp -> 46/30/32, '" ' -> 48/32/34,
#   👍🏽 two code points outside the BMP, 8 bytes 4 units -> 56/34/38.
add() {
	"$LEDE" annotations add --path "$art" --start "$1" --end "$2" --kind "$3" \
		${4:+--note "$4"} ${5:+--tags "$5"} >/dev/null
	check_eq "add $1-$2" "$?" 0
}
add 6 12 note "the city" "place, cjk"
add 37 46 highlight
add 48 56 tag "" "emoji"
add 22 34 note "across a paragraph break"

# W3C: one JSON-LD object per line, exact quote, code-point positions
"$LEDE" annotations export --format w3c >w3c.jsonl
check_eq "w3c exits 0" "$?" 0
check_eq "w3c: four lines" "$(wc -l <w3c.jsonl | tr -d ' ')" 4
check "w3c: every line is JSON" jq -e . w3c.jsonl >/dev/null
check_eq "w3c: context and type" \
	"$(jq -r '[."@context", .type] | join(" ")' w3c.jsonl | sort -u)" \
	"http://www.w3.org/ns/anno.jsonld Annotation"
pos() { jq -r --arg q "$1" '.target.selector as $s |
	select(($s[] | select(.type == "TextQuoteSelector") | .exact) == $q) |
	($s[] | select(.type == "TextPositionSelector") | "\(.start) \(.end)")' w3c.jsonl; }
check_eq "w3c: 東京 at code points 6-8" "$(pos 東京)" "6 8"
check_eq "w3c: 大丈夫 at code points 27-30" "$(pos 大丈夫)" "27 30"
check_eq "w3c: 👍🏽 at code points 32-34" "$(pos 👍🏽)" "32 34"
check_eq "w3c: across the break at 12-24" "$(pos "$(printf 'reacts\n\nSaid')")" "12 24"
# and independently: jq slices strings by code point
check_eq "w3c: positions select the exact quote in the file" \
	"$(jq -r --rawfile t "$art" '.target.selector as $s |
		($s[] | select(.type == "TextPositionSelector")) as $p |
		($s[] | select(.type == "TextQuoteSelector")) as $q |
		($t[$p.start:$p.end] == $q.exact)' w3c.jsonl | sort -u)" true
check_eq "w3c: prefix ends where the quote starts" \
	"$(jq -r --rawfile t "$art" '.target.selector as $s |
		($s[] | select(.type == "TextPositionSelector")) as $p |
		($s[] | select(.type == "TextQuoteSelector")) as $q |
		($t[:$p.start] | endswith($q.prefix)) and ($t[$p.end:] | startswith($q.suffix))' \
		w3c.jsonl | sort -u)" true
check_eq "w3c: note body and tags" \
	"$(jq -c 'select(.body) | [.motivation, [.body[] | .purpose + ":" + .value]]' w3c.jsonl | head -n 1)" \
	'["commenting",["commenting:the city","tagging:place","tagging:cjk"]]'
check_eq "w3c: source is a file IRI" "$(jq -r .target.source w3c.jsonl | sort -u)" "file://$art"

# brat: .txt, .ann, annotation.conf; code points by default
"$LEDE" annotations export --format brat --out brat corpus
check_eq "brat exits 0" "$?" 0
check "brat .txt is the text" cmp -s "$art" brat/tokyo.txt
check "brat conf written" grep -q '^Tag	Arg:<ENTITY>, Value:' brat/annotation.conf
# the line grammar: T (possibly discontinuous), # AnnotatorNotes, A attributes
grammar() {
	grep -Ev -e "^T[0-9]+${tab}[A-Za-z][A-Za-z0-9_-]* [0-9]+ [0-9]+(;[0-9]+ [0-9]+)*${tab}[^${tab}]*\$" \
		-e "^#[0-9]+${tab}AnnotatorNotes T[0-9]+${tab}[^${tab}]*\$" \
		-e "^A[0-9]+${tab}[A-Za-z][A-Za-z0-9_-]* T[0-9]+( [^ ${tab}]+)?\$" "$1"
	# ids unique, references defined before use, spans ordered and non-empty
	awk -F "$tab" '
		$1 in seen { print "duplicate id " $1; bad = 1 } { seen[$1] = 1 }
		/^T/ { n = split($2, f, /[ ;]/); prev = -1
			for (i = 2; i < n; i += 2) {
				if (f[i] + 0 >= f[i + 1] + 0 || f[i] + 0 < prev) { print "bad span " $0; bad = 1 }
				prev = f[i + 1] + 0 } }
		/^[#A]/ { split($2, r, " "); if (!(r[2] in seen)) { print "undefined " r[2]; bad = 1 } }
		END { exit bad }' "$1"
}
check_eq "brat .ann passes the grammar" "$(grammar brat/tokyo.ann)" ""
check_eq "brat .ann lines" "$(grep -c . brat/tokyo.ann | tr -d ' ')" 9
span() { awk -F "$tab" -v q="$1" '/^T/ && $3 == q { sub(/^[A-Za-z]+ /, "", $2); print $2 }' "$2"; }
check_eq "brat code points: 東京" "$(span 東京 brat/tokyo.ann)" "6 8"
check_eq "brat code points: 大丈夫" "$(span 大丈夫 brat/tokyo.ann)" "27 30"
check_eq "brat code points: 👍🏽" "$(span 👍🏽 brat/tokyo.ann)" "32 34"
check_eq "brat code points: discontinuous across the break" "$(span 'reacts Said' brat/tokyo.ann)" "12 18;20 24"
check "brat note line" grep -q "^#[0-9]*${tab}AnnotatorNotes T[0-9]*${tab}the city\$" brat/tokyo.ann
check "brat tag attribute" grep -q "^A[0-9]*${tab}Tag T[0-9]* emoji\$" brat/tokyo.ann
check_eq "brat code-point offsets select the text in the .txt" \
	"$(jq -r -R --rawfile t brat/tokyo.txt 'split("\t") | select(.[0] | startswith("T")) |
		[.[1] | split(" ")[1:] | join(" ") | split(";")[] | split(" ") | map(tonumber) | $t[.[0]:.[1]]] | join(" ")' \
		brat/tokyo.ann | sort | tr '\n' '|')" "reacts Said|大丈夫|東京|👍🏽|"

"$LEDE" annotations export --format brat --brat-offsets=utf16 --out brat16 "$art"
check_eq "brat utf16 exits 0" "$?" 0
check_eq "brat utf16 passes the grammar" "$(grammar brat16/tokyo.ann)" ""
check_eq "brat UTF-16: 東京" "$(span 東京 brat16/tokyo.ann)" "6 8"
check_eq "brat UTF-16: 大丈夫" "$(span 大丈夫 brat16/tokyo.ann)" "29 32"
check_eq "brat UTF-16: 👍🏽" "$(span 👍🏽 brat16/tokyo.ann)" "34 38"
check_eq "brat UTF-16: across the break" "$(span 'reacts Said' brat16/tokyo.ann)" "14 20;22 26"
"$LEDE" annotations export --format brat --brat-offsets=bytes --out x 2>/dev/null
check_eq "unknown offsets are a usage error" "$?" 2

# Markdown digest
"$LEDE" annotations export --format markdown >digest.md
check_eq "markdown exits 0" "$?" 0
check_eq "markdown title" "$(head -n 1 digest.md)" "# Annotations"
check "markdown article heading" grep -q '^## Tokyo 東京' digest.md
check "markdown quote" grep -q '^> 大丈夫$' digest.md
check "markdown note" grep -q '^across a paragraph break$' digest.md
check "markdown tags" grep -q '^Tags: `place` `cjk`$' digest.md
check_eq "markdown: one section per annotation" "$(grep -c '^### ' digest.md | tr -d ' ')" 4

# --out for w3c writes a file instead of stdout
"$LEDE" annotations export --format w3c --out outdir >stdout.txt
check_eq "w3c --out prints nothing" "$(cat stdout.txt)" ""
check_eq "w3c --out file" "$(wc -l <outdir/annotations.jsonl | tr -d ' ')" 4

# an orphan: W3C keeps its quote without a position; brat leaves it out and says so
printf 'Tokyo 東京 🇯🇵 reacts\n\nSaid nothing — ok.\n' >"$art"
"$LEDE" annotations export --format w3c "$art" >w3c.jsonl
check_eq "orphan in w3c: quote kept, no position" \
	"$(jq -r 'select(.target.selector[0].exact == "大丈夫") | .target.selector | length' w3c.jsonl)" 1
"$LEDE" annotations export --format brat --out brat2 "$art" 2>err.txt
check_eq "brat with orphans exits 0" "$?" 0
check "brat names the orphans" grep -q 'orphaned annotation' err.txt
check_eq "brat with orphans passes the grammar" "$(grammar brat2/tokyo.ann)" ""
check "東京 still exported" grep -q "${tab}東京\$" brat2/tokyo.ann
finish
