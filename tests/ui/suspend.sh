#!/bin/sh
# suspend.sh - Ctrl-Z stops lede in a job-control shell, and `fg` brings it back
# laid out for the terminal's size then: a window resized while lede was stopped
# (no SIGWINCH reaches a stopped job) is not drawn with the old width.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"
command -v bash >/dev/null 2>&1 || { echo "SKIP: no bash" >&2; exit 77; }

tm kill-server 2>/dev/null
T_SOCK=$T_BASE-s
tm new-session -d -s t -x 100 -y 24 "env PS1='$ ' LANG=C.UTF-8 LEDE_ROOT='$TOP_SRCDIR' \
    XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' \
    bash --norc --noprofile -i" || exit 1
check "shell prompt" wait_for '$'
send_text "'$LEDE'"
send Enter
check "lede runs" wait_for "articles (5)"
check "three panes at 100 columns" poll rows_intact 100 4
send C-z
check "stopped" wait_for "Stopped"
resize 80 24
send_text "fg"
send Enter
check "two panes at the new width" poll rows_intact 80 3
send Q
check "quits to the shell" wait_gone "articles (5)"
finish
