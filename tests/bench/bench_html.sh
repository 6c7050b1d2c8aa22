#!/bin/sh
# bench_html.sh - `lede extract` throughput on HTML pages on one core, and its peak
# memory. Run by hand from the top of the tree after building in _build/:
#   sh tests/bench/bench_html.sh [DIR [COPIES]]
# DIR holds the pages (default ../shared/eval/aex-dev/html, the development set);
# each is copied COPIES times (default 10) under new names, so the run reads
# COPIES x pages files in one process.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
lede=${LEDE:-$top/_build/src/lede}
dir=${1:-$top/../shared/eval/aex-dev/html}
copies=${2:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

[ -d "$dir" ] || { echo "bench_html: no directory $dir" >&2; exit 2; }
k=0
while [ "$k" -lt "$copies" ]; do
	for f in "$dir"/*.htm* "$dir"/*.xhtml*; do
		[ -f "$f" ] || continue
		cp "$f" "$tmp/$k-$(basename "$f")"
	done
	k=$((k + 1))
done
pages=$(ls "$tmp" | wc -l)
bytes=$(cat "$tmp"/* | wc -c)
pin=
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"

# the best of three runs; CPU time (user + system) is steadier on a busy machine
best_wall=999999 best_cpu=999999 rss=0
for run in 1 2 3; do
	/usr/bin/time -f '%e %U %S %M' -o "$tmp.t" $pin "$lede" extract "$tmp" >/dev/null
	read -r wall user sys kb <"$tmp.t"
	cpu=$(echo "$user + $sys" | bc)
	best_wall=$(echo "if ($wall < $best_wall) $wall else $best_wall" | bc)
	best_cpu=$(echo "if ($cpu < $best_cpu) $cpu else $best_cpu" | bc)
	[ "$kb" -gt "$rss" ] && rss=$kb
done
rm -f "$tmp.t"
echo "pages:        $pages ($((bytes / 1024)) KB as stored)"
echo "wall:         ${best_wall} s   $(echo "scale=1; $pages / $best_wall" | bc) pages/s"
echo "cpu:          ${best_cpu} s   $(echo "scale=1; $pages / $best_cpu" | bc) pages/s"
echo "peak RSS:     $((rss / 1024)) MB"
