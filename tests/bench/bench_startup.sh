#!/bin/sh
# bench_startup.sh - time to the first screen and peak memory on a large corpus.
# Not part of make check. Usage: tests/bench/bench_startup.sh [LEDE [N]]
# Generates N (100,000) text articles of about 3 KB (about 300 MB) under /tmp once,
# starts lede on them in tmux, polls the screen for the first title, and prints the
# elapsed time and the peak resident memory (VmHWM) after the first screen, after
# opening the first article and after paging to the end of the list.
set -u
LEDE=${1:-${LEDE:-$(dirname "$0")/../../_build/src/lede}}
N=${2:-100000}
DIR=${BENCH_DIR:-/tmp/lede-bench-$N}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
LEDE=$(cd "$(dirname "$LEDE")" && pwd)/$(basename "$LEDE")

if [ ! -f "$DIR/.done" ]; then
	echo "generating $N articles in $DIR ..."
	rm -rf "$DIR"
	mkdir -p "$DIR"
	awk -v n="$N" -v dir="$DIR" 'BEGIN {
		srand(42)
		split("the of and to in a is that for on with as was by at from his " \
		    "Russia Ukraine Putin Biden said president talks meeting sanctions " \
		    "military border troops minister government Moscow Washington Kyiv " \
		    "officials report week new would could also after before against", w, " ")
		nw = length(w)
		for (i = 0; i < n; i++) {
			sub_ = sprintf("%s/%03d", dir, int(i / 1000))
			if (i % 1000 == 0)
				system("mkdir -p " sub_)
			f = sprintf("%s/%06d.txt", sub_, i)
			printf "Article %06d about %s and %s\n\n", i, w[int(rand()*nw)+1],
			    w[int(rand()*nw)+1] > f
			bytes = 0
			while (bytes < 3000) {
				line = ""
				for (k = 0; k < 60; k++)
					line = line w[int(rand()*nw)+1] " "
				printf "%s\n\n", line > f
				bytes += length(line) + 2
			}
			close(f)
		}
	}'
	touch "$DIR/.done"
fi
echo "corpus: $(find "$DIR" -name '*.txt' | wc -l) files," \
    "$(du -s --apparent-size --block-size=1M "$DIR" | cut -f1) MB"

S=lede-bench-$$
tm() { tmux -L "$S" -f /dev/null "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
hwm() { awk '/VmHWM/ { print $2 " " $3 }' "/proc/$1/status"; }
wait_screen() {
	while ! tm capture-pane -p -t t | grep -q -- "$1"; do
		[ "$(now_ms)" -gt "$2" ] && return 1
		sleep 0.01
	done
}

# what tmux itself needs to show a line, to subtract
t0=$(now_ms)
tm new-session -d -s t -x 120 -y 40 "echo Article 000000; sleep 30"
wait_screen "Article 000000" $((t0 + 30000))
base=$(( $(now_ms) - t0 ))
tm kill-server
S=lede-bench-$$-2

t0=$(now_ms)
tm new-session -d -s t -x 120 -y 40 "exec env LANG=C.UTF-8 '$LEDE' '$DIR'"
pid=$(tm display-message -p -t t '#{pane_pid}')
if wait_screen "Article 000000" $((t0 + 30000)); then
	t1=$(now_ms)
	echo "first screen: $((t1 - t0)) ms, of which tmux alone needs $base ms"
else
	echo "first screen: not within 30 s"
fi
echo "peak RSS after the first screen: $(hwm "$pid")"
tm send-keys -t t Enter
wait_screen "000000.txt" $(( $(now_ms) + 10000 )) &&
    echo "peak RSS after opening an article: $(hwm "$pid")"
tm send-keys -t t q
t2=$(now_ms)
tm send-keys -t t G
wait_screen "Article 0$((N - 1))" $((t2 + 30000)) &&
    echo "end of the list: $(( $(now_ms) - t2 )) ms"
tm send-keys -t t PgUp PgUp PgUp
sleep 0.2
echo "peak RSS at the end: $(hwm "$pid")"
tm send-keys -t t Q
tm kill-server 2>/dev/null || true
