#!/bin/sh
# config.sh - a broken config names the file and line, and lede still opens with the
# defaults; a good [keys] entry rebinds.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

# a missing -c file is named (however slow the first screen is under load)
start 80 20 -c "$SCRATCH/missing.ini"
check "missing -c file named" wait_for "missing.ini"
send Q
exit_status >/dev/null

printf '[ui]\ntheme = default\n[keys\ndown = j\n' > "$SCRATCH/broken.ini"
start 80 20 -c "$SCRATCH/broken.ini"
check "syntax error named" wait_for "broken.ini:3"
check "still opens" wait_for "articles (5)"
check "defaults work" wait_for "The Limited Times"
send j
check "j still moves" wait_for "article 2/5"
send Q
check_eq "exit status (syntax error)" "$(exit_status)" 0

printf '[keys]\nfly = x\ndown = x\n' > "$SCRATCH/unknown.ini"
start 80 20 -c "$SCRATCH/unknown.ini"
check "unknown action named" wait_for "unknown.ini:2"
check "unknown action opens" wait_for "articles (5)"
send x
check "rebound key works" wait_for "article 2/5"
send j
check "the old key is gone" wait_for "article 2/5"
send :
send_text "messages"
send Enter
check "messages list it" wait_for "fly"
send q Q
check_eq "exit status (unknown action)" "$(exit_status)" 0
finish
