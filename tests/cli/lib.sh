# lib.sh - shared by the shell tests: checks, a scratch directory, a private home.
# Each test script sources this, calls check/check_eq, and ends with "finish".
set -u
: "${LEDE:?LEDE must name the lede binary}"
: "${TOP_SRCDIR:?TOP_SRCDIR must name the source tree}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
T_FAILED=0
T_CHECKED=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/lede-test.XXXXXX")
export XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" HOME="$SCRATCH/home"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$HOME"
trap 'rm -rf "$SCRATCH"' EXIT

# check DESCRIPTION COMMAND...: the command must succeed
check() {
	local what=$1; shift
	T_CHECKED=$((T_CHECKED + 1))
	if ! "$@"; then
		T_FAILED=$((T_FAILED + 1))
		echo "FAIL: $what" >&2
	fi
}

# check_eq DESCRIPTION GOT EXPECTED
check_eq() {
	T_CHECKED=$((T_CHECKED + 1))
	if [ "$2" != "$3" ]; then
		T_FAILED=$((T_FAILED + 1))
		printf 'FAIL: %s\n  got:      %s\n  expected: %s\n' "$1" "$2" "$3" >&2
	fi
}

finish() {
	echo "$T_CHECKED checks, $T_FAILED failed" >&2
	[ "$T_CHECKED" -gt 0 ] || exit 1
	[ "$T_FAILED" -eq 0 ]
}
