#!/bin/sh
# bench_stories.sh - grouping N articles (default 100,000) into stories, one core.
#   sh tests/bench/bench_stories.sh [N] [BUILDDIR]
# Generates N JSON Lines articles: stories of one to nine reports of one made-up
# event (shared names, places and dates, sentences reworded and dropped per report)
# among a common vocabulary, then runs `lede stories --timing` and prints its phases
# (analysis, grouping, comparing the articles of each story) and the wall time.
# The target is grouping 100,000 articles in two minutes. Not part of make check.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100000}
build=${2:-$top/_build}
lede=$build/src/lede
[ -x "$lede" ] || { echo "build lede first (sh .ci/bootstrap build)" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/bench_stories.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

awk -v n="$n" 'BEGIN {
	srand(11)
	nv = split("report council river bridge market school police minister " \
	    "election court hospital road village city harbour storm factory " \
	    "workers strike price budget plan vote talks meeting summit visit " \
	    "army border trade energy water fire train station airport museum " \
	    "festival team match season farmers rain heat prices rent homes", voc)
	nf = split("the a said on in at of and to by with after before from " \
	    "was were has had will would that which", fw)
	nsy = split("Ka Lo Mi Ter Van Dor Sel Ru Bri Hal Or Quen Za Pel Mor Tis", syl)
	a = 0
	while (a < n) {
		ev++
		k = 1 + int(rand() * 9)
		for (i = 1; i <= 4; i++) {	# the event: names only it uses
			nm[i] = syl[1 + int(rand() * nsy)] syl[1 + int(rand() * nsy)] \
			    tolower(syl[1 + int(rand() * nsy)])
		}
		day = 1 + int(rand() * 28); mon = 1 + int(rand() * 12)
		ns = 6 + int(rand() * 6)
		for (s = 1; s <= ns; s++) {
			line = ""
			for (w = 1; w <= 14; w++) {
				r = rand()
				if (r < 0.15) t = nm[1 + int(rand() * 4)]
				else if (r < 0.55) t = fw[1 + int(rand() * nf)]
				else t = voc[1 + int(rand() * nv)]
				line = line (w > 1 ? " " : "") t
			}
			sent[s] = toupper(substr(line, 1, 1)) substr(line, 2) "."
		}
		for (j = 0; j < k && a < n; j++) {
			text = nm[1] " and " nm[2] ": " voc[1 + int(rand() * nv)] "\\n\\n"
			for (s = 1; s <= ns; s++) {
				if (rand() < 0.2)
					continue	# this report drops the sentence
				x = sent[s]
				if (rand() < 0.3)	# and rewords one word of it
					sub(/ [a-z]+ /, " " voc[1 + int(rand() * nv)] " ", x)
				text = text x " "
				if (rand() < 0.3)
					text = text "\\n\\n"
			}
			printf "{\"id\":\"e%d-a%d\",\"date\":\"2024-%02d-%02d\",\"text\":\"%s\"}\n", \
			    ev, a, mon, day, text
			a++
		}
	}
}' > "$dir/corpus.jsonl"

printf '%s articles, %s MB\n' "$n" "$(du -m "$dir/corpus.jsonl" | cut -f1)"
start=$(date +%s.%N)
"$lede" stories --timing "$dir/corpus.jsonl" > "$dir/out.jsonl"
end=$(date +%s.%N)
printf 'stories: %s; wall %.1f s\n' "$(wc -l < "$dir/out.jsonl" | tr -d ' ')" \
	"$(echo "$end - $start" | bc)"
# against the events generated: stories mixing two events, events split in two
jq -r '[.articles[].id | sub("-.*"; "")] | unique | length' "$dir/out.jsonl" |
	awk '$1 > 1 { m++ } END { printf "stories mixing events: %d\n", m }'
jq -r '.id as $s | .articles[].id | sub("-.*"; "") + " " + $s' "$dir/out.jsonl" |
	sort -u | awk '{ c[$1]++ } END { for (e in c) if (c[e] > 1) s++;
	printf "events split: %d of %d\n", s, length(c) }'
