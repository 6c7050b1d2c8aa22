#!/bin/sh
# bench_jsonc.sh - lede's JSON parser against json-c (Debian's libjson-c-dev) on
# JSON Lines records made from the bundled samples: parse, read "text" and "id".
# Run by hand from the top of the tree after building in _build/:
#   sh tests/bench/bench_jsonc.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
pkg-config --exists json-c || { echo "needs json-c: apt-get install libjson-c-dev" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
i=0
while [ "$i" -lt 40 ]; do
	for f in "$top"/samples/*.txt; do
		jq -Rsc --arg id "$i-${f##*/}" '{id: $id, text: ., date: "2021-12-07", n: 0.5}' "$f"
	done
	i=$((i + 1))
done > "$tmp/c.jsonl"
${CC:-cc} -O2 -I"$top/include" -I"$top/_build" "$top/tests/bench/bench_jsonc.c" \
    "$top/tests/bench/bench_jsonc_lede.c" "$top/_build/src/liblede.a" \
    $(pkg-config --cflags --libs json-c) -lunistring -o "$tmp/bench"
pin=
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
echo "$(wc -c < "$tmp/c.jsonl") bytes of JSON Lines, 20 passes, one core:"
for k in 1 2 3; do
	$pin "$tmp/bench" "$tmp/c.jsonl" lede 20
	$pin "$tmp/bench" "$tmp/c.jsonl" json-c 20
done
