#!/bin/sh
# flags.sh - flagged artifacts: counted in the list, marked in the margin, ]f and [f
# jump between them and the status line names the kind and the reason. Uses what
# `lede analyze` says about the samples, so it follows the cleaner; fails when the
# cleaner flags nothing (artifact detection switched off).
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

command -v jq >/dev/null || { echo "SKIP: no jq" >&2; exit 77; }
samples=$TOP_SRCDIR/samples
idx=0 pick= n=0
for f in "$samples"/*.txt; do
	c=$("$LEDE" analyze "$f" | jq '.artifacts | length')
	if [ "${c:-0}" -gt 0 ]; then
		pick=$f n=$c
		break
	fi
	idx=$((idx + 1))
done
if [ -z "$pick" ]; then
	echo "FAIL: the cleaner flags no artifact in the samples" >&2
	exit 1
fi
kinds=$("$LEDE" analyze "$pick" | jq -r '[.artifacts[].kind] | unique | join("|")')
base=$(basename "$pick")

flag_status() {
	screen | tail -n 1 | grep -q -E "flag: ($kinds)"
}

start 110 24 "$samples"
check "list" wait_for "articles (5)"
i=0
while [ $i -lt $idx ]; do send j; i=$((i + 1)); done
send Enter
check "opened" wait_for "$base"
check "count in the list" wait_for "$n!"
check "margin marker" wait_for "│▌"
send ] f
check "]f names the flag" poll flag_status
send ] f ] f
check "]f again" poll flag_status
send [ f
check "[f names the flag" poll flag_status
send R
check "raw view: no flags" wait_for "raw"
send ] f
check "raw view: ]f says so" wait_for "no flags in the raw view"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
