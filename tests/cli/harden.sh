#!/bin/sh
# harden.sh - a hostile or odd corpus on the command line: symbolic link loops,
# file names and article text with escape sequences, non-regular files, JSON
# numbers under a decimal-comma locale, odd JSON Lines files
. "$TOP_SRCDIR/tests/cli/lib.sh"
esc=$(printf '\033')
bel=$(printf '\007')
# no byte a terminal acts on (ESC, BEL, other C0 but newline and tab, C1 CSI/OSC)
inert() { ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" &&
	! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; }

# 1. a directory with links to . and ..: finished, each file read once, each loop
# reported once
d="$SCRATCH/loops"
mkdir -p "$d/sub"
printf 'First article.\n' >"$d/a.txt"
printf 'Second article.\n' >"$d/sub/b.txt"
ln -s . "$d/self"
ln -s .. "$d/sub/up"
timeout 60 "$LEDE" analyze "$d" >"$SCRATCH/out" 2>"$SCRATCH/err"
check_eq "a walk with two link loops ends, exit 1" "$?" 1
check_eq "each file read once" "$(jq -r .path "$SCRATCH/out" | tr '\n' ' ')" \
	"$d/a.txt $d/sub/b.txt "
check_eq "each loop reported once" "$(grep -c 'already read' "$SCRATCH/err")" 2

# 2. file names reach stderr neutralised: OSC 0 (title), OSC 52 (clipboard), a newline
n="$SCRATCH/names"
mkdir -p "$n"
: >"$n/t${esc}]0;PWNED${bel}.txt"
: >"$n/c${esc}]52;c;cHduZWQ=${bel}.txt"
: >"$n/nl
lede: forged.txt"
"$LEDE" analyze "$n" >/dev/null 2>"$SCRATCH/err"
check "no escape sequence or control on stderr" inert "$SCRATCH/err"
check_eq "one message line per bad file" "$(wc -l <"$SCRATCH/err" | tr -d ' ')" 3
check_eq "no forged message line" "$(grep -c '^lede: forged' "$SCRATCH/err")" 0

# 3. extract and the Markdown export neutralise the article's escape sequences
art="$SCRATCH/esc.txt"
printf 'Title %s]0;T%s here\n\nBody with %s[2J a clear and %s]52;c;eA==%s a copy.\n' \
	"$esc" "$bel" "$esc" "$esc" "$bel" >"$art"
"$LEDE" extract "$art" >"$SCRATCH/ext" 2>/dev/null
check "extract writes no escape sequence" inert "$SCRATCH/ext"
check "extract keeps the words" grep -q 'a clear and' "$SCRATCH/ext"
"$LEDE" annotations add --path "$art" --start 0 --end 5 --kind note \
	--note "note ${esc}]0;N${bel} end" >/dev/null 2>&1
"$LEDE" annotations export --format markdown "$art" >"$SCRATCH/md" 2>/dev/null
check "markdown has the annotation" grep -q 'note' "$SCRATCH/md"
check "markdown writes no escape sequence" inert "$SCRATCH/md"
# analyze keeps the exact bytes, JSON-escaped
check_eq "analyze escapes them" "$("$LEDE" analyze "$art" | jq -r .text | head -c 7 | od -An -c | tr -d ' ')" \
	'Title033'

# 4. a FIFO and a device as PATH: skipped with a message, no hang
mkfifo "$SCRATCH/fifo.jsonl" "$SCRATCH/fifo"
timeout 20 "$LEDE" analyze "$SCRATCH/fifo" "$SCRATCH/fifo.jsonl" /dev/zero >/dev/null 2>"$SCRATCH/err"
check_eq "non-regular files: exit 1, not a hang" "$?" 1
check_eq "each named" "$(grep -c 'not a regular file, skipped' "$SCRATCH/err")" 3

# 5. JSON numbers by the grammar, not the locale
printf '%s\n' '{"text":"A half.","score":0.5}' >"$SCRATCH/num.jsonl"
if command -v localedef >/dev/null 2>&1 && [ -d /usr/share/i18n/locales ] &&
    localedef -i de_DE -f UTF-8 "$SCRATCH/de_DE.UTF-8" >/dev/null 2>&1; then
	LOCPATH=$SCRATCH LC_ALL=de_DE.UTF-8 "$LEDE" analyze "$SCRATCH/num.jsonl" \
		>"$SCRATCH/out" 2>"$SCRATCH/err"
	check_eq "0.5 read under a decimal-comma locale" "$?" 0
	check_eq "its record kept" "$(jq -r .text "$SCRATCH/out")" "A half."
else
	# the rest still runs; .ci/bootstrap installs locales for the checks
	echo "note: localedef or the locales package missing: the locale check not run" >&2
fi

# 6. a stdin record too large for memory is reported and skipped, and the records
# after it are still read (exit 1); memory is capped by ulimit, or by ASan's own
# allocation limit in a sanitizer build (ASan and ulimit -v do not mix)
big() {
	printf '{"text":"first"}\n'
	head -c 200000000 /dev/zero | tr '\0' 'a'
	printf '\n{"text":"after the big one"}\n'
}
if LC_ALL=C grep -aq __asan_init "$LEDE"; then
	big | ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=64:detect_leaks=0 \
		"$LEDE" analyze - >"$SCRATCH/out" 2>"$SCRATCH/err"
	rc=$?
else
	big | (ulimit -v 150000; "$LEDE" analyze - >"$SCRATCH/out" 2>"$SCRATCH/err")
	rc=$?
fi
check_eq "a record too large: exit 1" "$rc" 1
check "it is named" grep -q '^lede: -:2: record too large' "$SCRATCH/err"
check_eq "the records around it kept" "$(jq -r .text "$SCRATCH/out" | tr '\n' '|')" \
	"first|after the big one|"

# 11. an empty .jsonl, NUL bytes and invalid UTF-8 in one: each reported, exit 1
: >"$SCRATCH/empty.jsonl"
"$LEDE" analyze "$SCRATCH/empty.jsonl" >/dev/null 2>"$SCRATCH/err"
check_eq "empty .jsonl exits 1" "$?" 1
check "empty .jsonl named" grep -q 'empty.jsonl: empty file' "$SCRATCH/err"
printf '{"text":"ok one"}\n{"text":"nul\000here"}\n{"text":"bad \377 byte"}\n' >"$SCRATCH/odd.jsonl"
"$LEDE" analyze "$SCRATCH/odd.jsonl" >"$SCRATCH/out" 2>"$SCRATCH/err"
check_eq "odd .jsonl exits 1" "$?" 1
check "NUL byte reported" grep -q 'odd.jsonl:2: NUL byte' "$SCRATCH/err"
check "invalid UTF-8 reported" grep -q 'odd.jsonl:3: not valid UTF-8 at byte 13' "$SCRATCH/err"
check_eq "the other records kept" "$(jq -r .id "$SCRATCH/out" | tr '\n' ' ')" "1 3 "

# 5. a \u0000 in "text" is shown as U+FFFD, reported, and cuts no stored quote short
printf '%s\n' '{"id":"z","text":"Before\u0000after the end."}' >"$SCRATCH/u0.jsonl"
"$LEDE" analyze "$SCRATCH/u0.jsonl" >"$SCRATCH/u0.out" 2>"$SCRATCH/u0.err"
check_eq "\\u0000: exit 1" "$?" 1
check "\\u0000 reported" grep -q 'u0.jsonl:1: \\u0000 in "text"' "$SCRATCH/u0.err"
check_eq "\\u0000 as U+FFFD in the text" "$(jq -r .text "$SCRATCH/u0.out")" "Before�after the end."
"$LEDE" annotations add --db "$SCRATCH/u0.db" --path "$SCRATCH/u0.jsonl" --doc z \
    --start 0 --end 17 --kind highlight >/dev/null 2>&1
check_eq "the quote across it kept whole" "$("$LEDE" annotations list --db "$SCRATCH/u0.db" \
    "$SCRATCH/u0.jsonl" 2>/dev/null | jq -r '"\(.quote)|\(.status)"')" "Before�after th|anchored"

# 9. annotations of files that give no article are listed as orphans; without
# PATH a JSON Lines file's records are all re-anchored (its path stays valid while
# it is read: under valgrind or ASan a freed path is an error)
a9="$SCRATCH/ann"
mkdir -p "$a9"
printf 'Alpha beta gamma.\n' >"$a9/gone.txt"
printf 'Delta epsilon.\n' >"$a9/empty.txt"
printf '{"id":"r1","text":"One two three."}\n{"id":"r2","text":"Four five six."}\n' >"$a9/r.jsonl"
"$LEDE" annotations add --path "$a9/gone.txt" --start 0 --end 5 --kind highlight >/dev/null
"$LEDE" annotations add --path "$a9/empty.txt" --start 0 --end 5 --kind highlight >/dev/null
"$LEDE" annotations add --path "$a9/r.jsonl" --doc r1 --start 0 --end 3 --kind note >/dev/null
"$LEDE" annotations add --path "$a9/r.jsonl" --doc r2 --start 0 --end 4 --kind note >/dev/null
rm "$a9/gone.txt"
: >"$a9/empty.txt"
vg=
if command -v valgrind >/dev/null 2>&1 &&
    valgrind -q --error-exitcode=9 "$LEDE" --version >/dev/null 2>&1; then
	vg="valgrind -q --error-exitcode=9"
fi
$vg "$LEDE" annotations list >"$SCRATCH/out" 2>"$SCRATCH/err"
check_eq "list without PATH: no invalid read" "$(grep -c 'Invalid read\|AddressSanitizer' "$SCRATCH/err")" 0
check_eq "both records' annotations anchored" \
	"$(jq -r 'select(.doc != null) | .doc + "=" + .status' "$SCRATCH/out" | tr '\n' ' ')" \
	"r1=anchored r2=anchored "
for cmd in list "export --format markdown"; do
	"$LEDE" annotations $cmd "$a9/gone.txt" "$a9/empty.txt" >"$SCRATCH/out" 2>/dev/null
	check_eq "$cmd PATH: unreadable files' annotations kept" \
		"$(grep -c 'orphan' "$SCRATCH/out")" 2
done
"$LEDE" annotations list "$a9" >"$SCRATCH/out" 2>/dev/null
check_eq "list DIR: orphans and anchored" \
	"$(jq -r '.status' "$SCRATCH/out" | sort | tr '\n' ' ')" "anchored anchored orphan orphan "

# 7. a read-only database in WAL mode (no -shm can be made beside it) is read
ro="$SCRATCH/ro"
mkdir -p "$ro/db"
printf 'Alpha beta.\n' >"$ro/a.txt"
"$LEDE" annotations add --db "$ro/db/a.db" --path "$ro/a.txt" --start 0 --end 5 \
	--kind highlight >/dev/null
check_eq "the store is in WAL mode" "$(sqlite3 "$ro/db/a.db" 'PRAGMA journal_mode' 2>/dev/null || echo wal)" wal
rm -f "$ro/db/a.db-shm" "$ro/db/a.db-wal"
chmod 755 "$SCRATCH" "$ro"
chmod 644 "$ro/a.txt"
chmod 444 "$ro/db/a.db"
chmod 555 "$ro/db"
as=
if [ "$(id -u)" = 0 ]; then
	# root writes anywhere: read as nobody, for whom the directory is read-only
	command -v setpriv >/dev/null 2>&1 && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" != 0 ] || [ -n "$as" ]; then
	$as "$LEDE" annotations list --db "$ro/db/a.db" >"$SCRATCH/ro.out" 2>"$SCRATCH/ro.err"
	check_eq "read-only WAL store: read" "$(jq -r .quote "$SCRATCH/ro.out" 2>/dev/null)" Alpha
else
	echo "note: setpriv missing; the read-only store is not checked as root" >&2
fi
chmod 755 "$ro/db"

finish
