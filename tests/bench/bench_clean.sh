#!/bin/sh
# bench_clean.sh - cleaning throughput (MB/s, one core) over a generated corpus.
#   sh tests/bench/bench_clean.sh [MEGABYTES] [BUILDDIR]
# Builds tests/bench/bench_clean.c against BUILDDIR/src/liblede.a (default _build),
# generates MEGABYTES (default 100) of articles from the bundled samples with
# perturbations, and times clean_article() alone. Not part of make check.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-100}
build=${2:-$top/_build}
[ -f "$build/src/liblede.a" ] || { echo "build lede first (sh .ci/bootstrap build)" >&2; exit 1; }
bin=$(mktemp "${TMPDIR:-/tmp}/bench_clean.XXXXXX")
trap 'rm -f "$bin"' EXIT INT TERM
${CC:-cc} -O2 -std=c11 -I"$build" -I"$top/include" -o "$bin" \
	"$top/tests/bench/bench_clean.c" "$build/src/liblede.a"
"$bin" "$top/data" "$mb" "$top"/samples/*.txt
