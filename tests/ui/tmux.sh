# tmux.sh - drive the real binary in a private tmux server (LIBNOTES 3.5).
# Source after tests/cli/lib.sh. Every wait polls with a deadline; nothing sleeps
# for a fixed time.
T_BASE="lede-ui-$$-$(date +%s%N | tail -c 7)"
T_N=0
T_SOCK=$T_BASE-0
T_DEADLINE=${T_DEADLINE:-20}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset TMUX

tm() {
	tmux -L "$T_SOCK" -f /dev/null "$@"
}

# start WIDTH HEIGHT ARGS...: run lede ARGS in a fresh session
start() {
	local w=$1 h=$2 cmd q a
	shift 2
	cmd="LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME='$XDG_CONFIG_HOME'"
	cmd="$cmd XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' LEDE_ROOT='$TOP_SRCDIR' ${T_ENV:-}"
	cmd="$cmd '$LEDE'"
	for a in "$@"; do
		q=$(printf "%s" "$a" | sed "s/'/'\\\\''/g")
		cmd="$cmd '$q'"
	done
	# a fresh server each time: a killed one may still be going away
	tm kill-server 2>/dev/null
	T_N=$((T_N + 1))
	T_SOCK=$T_BASE-$T_N
	# the shell records the exit status: tmux 3.3a sometimes reaps a dead pane's
	# process late, and #{pane_dead_status} stays empty meanwhile
	rm -f "$SCRATCH/exit.$T_N"
	cmd="$cmd; echo \$? > '$SCRATCH/exit.$T_N.tmp'; mv '$SCRATCH/exit.$T_N.tmp' '$SCRATCH/exit.$T_N'"
	tm new-session -d -s t -x "$w" -y "$h" "$cmd" \; \
	    set-option -w -t t remain-on-exit on || return 1
}

stop() {
	tm kill-server 2>/dev/null || true
}
trap 'stop; rm -rf "$SCRATCH"' EXIT

send() {
	tm send-keys -t t "$@"
}

# typed text, not key names
send_text() {
	tm send-keys -t t -l "$1"
}

screen() {
	tm capture-pane -p -t t
}

screen_e() {
	tm capture-pane -p -e -t t
}

# poll until CMD succeeds or the deadline passes
poll() {
	local end=$(( $(date +%s) + T_DEADLINE ))
	while [ "$(date +%s)" -le "$end" ]; do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

has_text() {
	screen | grep -F -q -- "$1"
}

lacks_text() {
	! screen | grep -F -q -- "$1"
}

# wait_for TEXT: the screen shows TEXT before the deadline
wait_for() {
	poll has_text "$1"
}

# wait_gone TEXT: the screen stops showing TEXT before the deadline
wait_gone() {
	poll lacks_text "$1"
}

has_exited() {
	[ -f "$SCRATCH/exit.$T_N" ]
}

# exit status of the program once it has exited (a sanitizer's exit may be slow)
exit_status() {
	T_DEADLINE=30 poll has_exited || { echo "still running"; return; }
	cat "$SCRATCH/exit.$T_N"
}

resize() {
	tm resize-window -t t -x "$1" -y "$2"
}

# dump the screen when a check fails, to see why
show() {
	echo "--- screen:" >&2
	screen >&2
}

# rows_intact W NBAR: every pane row (not the status line) is exactly W columns, ends
# in a border and has NBAR vertical bars
rows_intact() {
	local w=$1 nbar=$2 line n=0 bad=0
	screen | head -n -1 | tail -n +2 > "$SCRATCH/rows"
	while IFS= read -r line; do
		n=$((n + 1))
		case $line in
		*│) ;;
		*) bad=1 ;;
		esac
		[ "$(printf '%s' "$line" | wc -L)" -eq "$w" ] || bad=1
		[ "$(printf '%s' "$line" | grep -o '│' | wc -l)" -eq "$nbar" ] || bad=1
	done < "$SCRATCH/rows"
	[ "$n" -gt 5 ] && [ "$bad" -eq 0 ]
}
