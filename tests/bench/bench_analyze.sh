#!/bin/sh
# bench_analyze.sh - throughput of `lede analyze` (cleaning plus entities) on one
# core over a large generated corpus, its peak memory, the cost of single articles
# of 1, 10 and 100 MB (linear means the ratios are about 10), and the start-up
# cost of loading the gazetteer and the name model.
# Run by hand from the top of the tree after building in _build/:
#   sh tests/bench/bench_analyze.sh [MEGABYTES]      (default 40)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
lede=${LEDE:-$top/_build/src/lede}
mb=${1:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The corpus: the bundled samples, each copy with its paragraphs rotated so that
# no two files are identical, until the corpus holds MEGABYTES.
mkdir "$tmp/corpus"
i=0
bytes=0
limit=$((mb * 1024 * 1024))
while [ "$bytes" -lt "$limit" ]; do
	for f in "$top"/samples/*.txt; do
		awk -v r="$i" 'NR == 1 { print; next } { l[n++] = $0 }
		    END { for (k = 0; k < n; k++) print l[(k + r) % n] }' "$f" \
		    > "$tmp/corpus/$i.txt"
		bytes=$((bytes + $(wc -c < "$tmp/corpus/$i.txt")))
		i=$((i + 1))
	done
done

pin=
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
now() { date +%s.%N; }

# Wall-clock time, and the CPU time of the process (steadier on a busy machine);
# the best of three runs. "extract" is the cleaning stage alone, so the
# difference is what entities and the JSON writer cost.
throughput() {
	bw=999999 bc=999999
	for k in 1 2 3; do
		t0=$(now)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%U %S' -o "$tmp/cpu" $pin "$lede" "$@" "$tmp/corpus" \
			    > /dev/null
		else
			$pin "$lede" "$@" "$tmp/corpus" > /dev/null
			echo "0 0" > "$tmp/cpu"
		fi
		t1=$(now)
		bw=$(awk -v b="$bw" -v s="$t0" -v e="$t1" 'BEGIN { d = e - s; print d < b ? d : b }')
		bc=$(awk -v b="$bc" -v c="$(cat "$tmp/cpu")" 'BEGIN { split(c, t, " ")
			d = t[1] + t[2]; print d < b ? d : b }')
	done
	awk -v m="$*" -v b="$bytes" -v w="$bw" -v n="$i" -v c="$bc" 'BEGIN {
		mb = b / 1048576
		printf "%s: %d files, %.1f MB in %.2f s: %.1f MB/s wall", m, n, mb, w, mb / w
		if (c > 0)
			printf ", %.2f s CPU: %.1f MB/s CPU", c, mb / c
		printf " (best of 3)\n" }'
}
# each article alone (as for standard input), then with the corpus grouped into
# stories and compared (the default over files: every copy here is one story)
throughput analyze --no-stories
throughput analyze
throughput extract

# One huge article on one line (the words of the corpus, 10 MB): what is linear
# per article must stay linear, whatever the article's size.
{ echo "A long title"; echo; cat "$tmp"/corpus/*.txt | tr '\n' ' ' | head -c 10485760; \
    echo; } > "$tmp/oneline.txt"
t0=$(now)
$pin "$lede" analyze "$tmp/oneline.txt" > /dev/null
t1=$(now)
awk -v s="$t0" -v e="$t1" 'BEGIN { printf "one 10 MB line: %.2f s: %.1f MB/s\n", e - s,
    10 / (e - s) }'

# Peak memory over the corpus (resident set, as /usr/bin/time reports it).
if [ -x /usr/bin/time ]; then
	for o in --no-stories --stories; do
		/usr/bin/time -f '%M' -o "$tmp/rss" $pin "$lede" analyze $o "$tmp/corpus" \
		    > /dev/null
		awk -v k="$(cat "$tmp/rss")" -v o="$o" 'BEGIN {
		    printf "peak RSS over the corpus (%s): %.1f MB\n", o, k / 1024 }'
	done
fi

# Single articles of 1, 10 and 100 MB, paragraphs as in the corpus: the time of
# each, and each one's ratio to the one ten times smaller.
cat "$tmp"/corpus/*.txt > "$tmp/all.txt"
while [ "$(wc -c < "$tmp/all.txt")" -lt 104857600 ]; do
	cat "$tmp/all.txt" "$tmp/all.txt" > "$tmp/all2.txt" && mv "$tmp/all2.txt" "$tmp/all.txt"
done
prev=
for n in 1 10 100; do
	{ echo "A long title"; echo; head -c $((n * 1048576)) "$tmp/all.txt"; echo; } \
	    > "$tmp/single.txt"
	t0=$(now)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S %M' -o "$tmp/cpu" $pin "$lede" analyze \
		    "$tmp/single.txt" > /dev/null
	else
		$pin "$lede" analyze "$tmp/single.txt" > /dev/null
		echo "0 0 0" > "$tmp/cpu"
	fi
	t1=$(now)
	awk -v n="$n" -v s="$t0" -v e="$t1" -v c="$(cat "$tmp/cpu")" -v p="$prev" 'BEGIN {
		split(c, t, " "); d = t[1] + t[2]
		printf "one %d MB article: %.2f s wall, %.2f s CPU (%.1f MB/s), peak RSS %.0f MB",
		    n, e - s, d, (d > 0 ? n / d : 0), t[3] / 1024
		if (p != "" && p > 0)
			printf ", %.1fx the one of %d MB", d / p, n / 10
		printf "\n" }'
	prev=$(awk -v c="$(cat "$tmp/cpu")" 'BEGIN { split(c, t, " "); print t[1] + t[2] }')
done
rm -f "$tmp/all.txt" "$tmp/single.txt"

# The worst case for merging: unknown names repeated all through one article (a
# chain per name once held every mention). 1 and 10 MB: the ratio should be ~10.
prev=
for n in 1 10; do
	{ echo "A long title"; echo; yes 'Then Quorvex grew and Blentar left.' |
	    tr '\n' ' ' | head -c $((n * 1048576)); echo; } > "$tmp/rep.txt"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S' -o "$tmp/cpu" $pin "$lede" analyze "$tmp/rep.txt" \
		    > /dev/null
	else
		echo "0 0" > "$tmp/cpu"
	fi
	awk -v n="$n" -v c="$(cat "$tmp/cpu")" -v p="$prev" 'BEGIN {
		split(c, t, " "); d = t[1] + t[2]
		printf "one %d MB article of two repeated unknown names: %.2f s CPU", n, d
		if (p != "" && p > 0)
			printf ", %.1fx the one of 1 MB", d / p
		printf "\n" }'
	prev=$(awk -v c="$(cat "$tmp/cpu")" 'BEGIN { split(c, t, " "); print t[1] + t[2] }')
done
rm -f "$tmp/rep.txt"

# Start-up: a one-line article with the real data, and with an empty data
# directory; the difference is the cost of the knowledge files.
printf 'Title\n\nPutin met Biden in Geneva.\n' > "$tmp/one.txt"
mkdir -p "$tmp/empty/data"
best() {
	b=999
	for k in 1 2 3 4 5 6 7 8 9 10; do
		s=$(now)
		"$@" > /dev/null 2>&1 || true
		e=$(now)
		b=$(awk -v b="$b" -v d="$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')" \
		    'BEGIN { print (d < b) ? d : b }')
	done
	echo "$b"
}
# the same lists without the name model: the difference is the model's load
mkdir -p "$tmp/nomodel"
cp -R "$top/data" "$tmp/nomodel/data"
rm -f "$tmp/nomodel/data/ner.model"
with=$(best "$lede" analyze "$tmp/one.txt")
nomodel=$(LEDE_ROOT="$tmp/nomodel" best "$lede" analyze "$tmp/one.txt")
without=$(LEDE_ROOT="$tmp/empty" best "$lede" analyze "$tmp/one.txt")
awk -v a="$with" -v b="$without" -v m="$nomodel" 'BEGIN {
	printf "start-up: %.1f ms with the lists and the model, %.1f ms without either: "\
	    "they load in %.1f ms, the model in %.1f ms of it\n",
	    a * 1000, b * 1000, (a - b) * 1000, (a - m) * 1000 }'
