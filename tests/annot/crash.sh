#!/bin/sh
# crash.sh - kill -9 at random moments during bursts of annotations: every annotation
# whose confirmation was printed is in the database, which passes integrity_check.
# Then two processes annotating at once lose nothing.
. "$TOP_SRCDIR/tests/cli/lib.sh"
cd "$SCRATCH" || exit 1
art="$SCRATCH/article.txt"
awk 'BEGIN { for (i = 0; i < 300; i++) printf "Word%d and some filler text here. ", i; print "" }' >"$art"
len=$(wc -c <"$art" | tr -d ' ')
ROUNDS=${CRASH_ROUNDS:-8}
PROCS=3
BURST=3000

rand() {	# a random number below $1
	echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 ))
}
burst() {	# $1: a tag for the notes; BURST JSON lines of random spans
	awk -v seed="$(rand 30000)" -v len="$len" -v tag="$1" -v n="$BURST" 'BEGIN {
		srand(seed)
		for (i = 0; i < n; i++) {
			s = int(rand() * (len - 40)); e = s + 1 + int(rand() * 30)
			printf "{\"start\":%d,\"end\":%d,\"kind\":\"note\",\"note\":\"%s-%d\",\"tags\":\"t%d\"}\n", s, e, tag, i, i % 7
		}
	}'
}

kills=0
r=0
while [ $r -lt "$ROUNDS" ]; do
	p=0
	pids=
	while [ $p -lt $PROCS ]; do
		burst "r$r-p$p" >"in.$r.$p"
		"$LEDE" annotations add --path "$art" --stdin <"in.$r.$p" >"out.$r.$p" 2>"err.$r.$p" &
		pids="$pids $!"
		p=$((p + 1))
	done
	for pid in $pids; do
		# 0 to 250 ms: before the database exists, mid-burst, mid-commit
		sleep "0.$(printf '%03d' "$(rand 250)")"
		if kill -9 "$pid" 2>/dev/null; then
			kills=$((kills + 1))
		fi
	done
	wait
	r=$((r + 1))
done

# confirmed = every complete line printed (a line cut by the kill never parses)
cat out.* | jq -R -r 'fromjson? | "\(.id) \(.note) \(.start) \(.end)"' | sort >printed.txt
"$LEDE" annotations list | jq -r '"\(.id) \(.note) \(.start) \(.end)"' | sort >stored.txt
printed=$(wc -l <printed.txt | tr -d ' ')
stored=$(wc -l <stored.txt | tr -d ' ')
lost=$(comm -23 printed.txt stored.txt | wc -l | tr -d ' ')
echo "crash test: $ROUNDS rounds x $PROCS processes, $kills killed with -9;" \
	"$printed confirmed, $stored stored, $lost lost" >&2
check "some processes were killed mid-burst" test "$kills" -gt 0
check "some annotations were confirmed" test "$printed" -gt 0
check_eq "no confirmed annotation lost" "$lost" 0
check_eq "nothing stored twice" "$(cut -d' ' -f1 stored.txt | sort | uniq -d | wc -l | tr -d ' ')" 0
check_eq "lede's integrity check" "$("$LEDE" annotations check)" ok
if command -v sqlite3 >/dev/null 2>&1; then
	check_eq "sqlite3 integrity_check" \
		"$(sqlite3 "$XDG_DATA_HOME/lede/annotations.db" 'PRAGMA integrity_check')" ok
	check_eq "tags kept with their annotations" \
		"$(sqlite3 "$XDG_DATA_HOME/lede/annotations.db" \
		'SELECT count(*) FROM annotation a WHERE NOT EXISTS (SELECT 1 FROM tag t WHERE t.annotation = a.id)')" 0
fi
check "no error other than the kill" sh -c '! grep -v "^$" err.* | grep -v Killed | grep . >&2'

# two processes at once, no kill: both bursts complete, nothing lost
before=$stored
BURST=150
burst A >in.A
burst B >in.B
"$LEDE" annotations add --path "$art" --stdin <in.A >out.A 2>err.A &
a=$!
"$LEDE" annotations add --path "$art" --stdin <in.B >out.B 2>err.B &
b=$!
wait $a
check_eq "process A exits 0" "$?" 0
wait $b
check_eq "process B exits 0" "$?" 0
check_eq "A confirmed its burst" "$(wc -l <out.A | tr -d ' ')" 150
check_eq "B confirmed its burst" "$(wc -l <out.B | tr -d ' ')" 150
"$LEDE" annotations list >all.jsonl
check_eq "both bursts stored" "$(wc -l <all.jsonl | tr -d ' ')" $((before + 300))
check_eq "every A and B note present once" \
	"$(jq -r 'select(.note | test("^[AB]-")) | .note' all.jsonl | sort -u | wc -l | tr -d ' ')" 300
check_eq "ids distinct" "$(jq -r .id all.jsonl | sort | uniq -d | wc -l | tr -d ' ')" 0
check_eq "integrity after concurrency" "$("$LEDE" annotations check)" ok
finish
