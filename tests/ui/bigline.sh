#!/bin/sh
# bigline.sh - a 50 MB article on one line opens, scrolls to its end and back, and
# search reaches its last word: wrapping is lazy and linear.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

big=$SCRATCH/big.txt
{
	printf 'Big single line\n\n'
	yes 'the quick brown fox jumps over the lazy dog' | head -c 50000000 | tr '\n' ' '
	printf ' ENDMARK\n'
} > "$big"
T_DEADLINE=60
start 100 20 "$big"
check "list" wait_for "Big single line"
send Enter
check "opened" wait_for "fox jumps over the lazy dog the"
send G
check "bottom" wait_for "ENDMARK"
send g
check "top again" wait_for "row 1/"
send /
send_text "endmark"
send Enter
check "search reaches the end" wait_for "ENDMARK"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
