#!/bin/sh
# run.sh - run every libFuzzer harness built in BUILDDIR/tests/fuzz for a bounded
# time each, starting from its seed corpus; fails on a finding.
#   sh tests/fuzz/run.sh BUILDDIR [SECONDS_EACH]
# Prints one line per harness: runs, corpus size at the start and at the end.
set -u
build=${1:?usage: run.sh BUILDDIR [SECONDS_EACH]}
secs=${2:-12}
src=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/lede-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for f in "$src"/fuzz_*.c; do
	n=$(basename "$f" .c)
	bin=$build/tests/fuzz/$n
	if [ ! -x "$bin" ]; then
		echo "FAIL: $n: not built (make -C $build fuzz)"
		failed=$((failed + 1))
		continue
	fi
	# the seeds stay as they are; what the fuzzer finds goes to a scratch corpus
	mkdir -p "$work/$n"
	seeds=$src/corpus/$n
	[ -d "$seeds" ] || seeds=$work/$n
	nseed=$(ls "$seeds" | wc -l | tr -d ' ')
	if (cd "$work" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 "$work/$n" "$seeds" >"$work/$n.log" 2>&1); then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$n.log")
		size=$(ls "$work/$n" | wc -l | tr -d ' ')
		echo "PASS: $n: ${runs:-?} runs in ${secs}s, corpus $nseed seeds -> $((nseed + size)) inputs"
		passed=$((passed + 1))
	else
		grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error|Test unit written' "$work/$n.log" | head -n 20
		# keep the input that failed, for the report
		for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
			[ -f "$a" ] && cp "$a" "$build/tests/fuzz/" && echo "  kept $build/tests/fuzz/$(basename "$a")"
		done
		echo "FAIL: $n"
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
