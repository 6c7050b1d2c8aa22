#!/bin/sh
# flags.sh - flagged artifacts: counted in the list, marked in the margin, ]f and [f
# jump between them and the status line names the kind and the reason. Uses what
# `lede analyze` says about the samples, so it follows the cleaner; fails when the
# cleaner flags nothing (artifact detection switched off). Then, on a fixture of its own: flags are styled by kind
# (a name variant does not look like a mistranslation, nor a casing nit like
# either), casing is neither shown nor jumped to by default, and [ui] flag_kinds
# chooses the kinds ]f and [f visit; the status line counts "3/46" among them.
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

fx=$TOP_SRCDIR/tests/data/artifacts/flags.txt
# the SGR sequences the screen puts right before the last word WORD on it
sgr_before() {
	screen_e | grep -a -o -P "(\x1b\\[[0-9;]*m)+(?=$1)" | tail -n 1
}
# ]f through the article until it says there are no more, collecting the kinds
# and counts the status line names ("name-variant 3/3;")
status_kind() {
	screen | tail -n 1 | sed -n 's/.*flag: \([a-z-]*\) \([0-9]*\/[0-9]*\).*/\1 \2/p'
}
moved() {
	screen | tail -n 1 | grep -q "no more flags below" && return 0
	[ -n "$(status_kind)" ] && [ "$(status_kind)" != "$1" ]
}
visit() {
	local k= out= i=0
	while [ $i -lt 10 ]; do
		send ] f
		poll moved "$k" || break
		screen | tail -n 1 | grep -q "no more flags below" && break
		k=$(status_kind)
		out="$out$k;"
		i=$((i + 1))
	done
	echo "$out"
}
opened() {
	start 110 24 "$fx"
	check "fixture listed" wait_for "articles (1)"
	send Enter
	check "fixture opened" wait_for "Analysts expect"
}

opened
name=$(sgr_before Poutin) calque=$(sgr_before general) nit=$(sgr_before We)
check "a name variant is styled" test -n "$name"
check "a mistranslation is styled" test -n "$calque"
check "a name variant does not look like a mistranslation" test "$name" != "$calque"
check_eq "casing is not drawn as a flag by default" "$nit" ""
seen=$(visit)
case $seen in *casing*) check "default: ]f skips casing ($seen)" false ;; esac
check "default: ]f visits the name variant" sh -c "echo '$seen' | grep -q 'name-variant 3/3'"
check "default: ]f visits the mistranslation" sh -c "echo '$seen' | grep -q 'mistranslation 2/3'"
send Q

mkdir -p "$XDG_CONFIG_HOME/lede"
cat >"$XDG_CONFIG_HOME/lede/config.ini" <<'EOF2'
[ui]
flag_kinds = all
EOF2
opened
nit=$(sgr_before We)
check "flag_kinds = all: casing is drawn" test -n "$nit"
check "a casing nit does not look like a name variant" test "$nit" != "$name"
check "a casing nit does not look like a mistranslation" test "$nit" != "$calque"
seen=$(visit)
check "flag_kinds = all: ]f visits casing ($seen)" sh -c "echo '$seen' | grep -q 'casing 3/4'"
send Q

printf '[ui]\nflag_kinds = name-variant\n' >"$XDG_CONFIG_HOME/lede/config.ini"
opened
seen=$(visit)
check_eq "flag_kinds = name-variant: ]f visits only it" "$seen" "name-variant 1/1;"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
