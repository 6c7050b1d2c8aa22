#!/bin/sh
# escape.sh - an article that tries to drive the terminal (title change, screen clear,
# DCS, C1 controls) is shown with visible placeholders and changes nothing.
. "$TOP_SRCDIR/tests/cli/lib.sh"
. "$TOP_SRCDIR/tests/ui/tmux.sh"

data=$TOP_SRCDIR/tests/data
start 90 22 "$data/escape.txt" "$data/unicode.txt"
check "list" wait_for "Escape test article"
title0=$(tm display-message -p -t t '#{pane_title}')
send Enter
check "OSC shown" wait_for '^[]0;pwned^G after it.'
check "CSI shown" wait_for 'A screen clear ^[[2J and a colour'
check "SGR shown" wait_for '^[[31mred^[[0m here.'
check "DCS shown" wait_for '^[P1$r^[\ ends.'
check "C1 CSI shown" wait_for '<U+009B>31m'
check "C1 OSC shown" wait_for '<U+009D>0;'
check "DEL, BEL, BS shown" wait_for 'Delete ^? bell ^G backspace ^H done.'
check "raw byte shown as U+FFFD" wait_for 'a raw byte � too.'
# nothing reached the terminal: the title is the same, the screen was not cleared
check_eq "pane title unchanged" "$(tm display-message -p -t t '#{pane_title}')" "$title0"
check "list still drawn" wait_for "│  Unicode wrapping te"
check "reader title still drawn" wait_for "│ Escape test article"
check "problem reported" wait_for "escape.txt: not valid UTF-8"
# the same in the raw view
send R
check "raw view" wait_for "raw"
check "raw view OSC shown" wait_for '^[]0;pwned^G after it.'
check_eq "pane title still unchanged" "$(tm display-message -p -t t '#{pane_title}')" "$title0"
send Q
check_eq "exit status" "$(exit_status)" 0
finish
