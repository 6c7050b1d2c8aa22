#!/bin/sh
# run.sh - the command line: analyze, extract, bad input, exit status
. "$TOP_SRCDIR/tests/cli/lib.sh"
S="$TOP_SRCDIR/samples"
out="$SCRATCH/out.jsonl"

"$LEDE" analyze "$S"/*.txt >"$out" 2>"$SCRATCH/err"
check_eq "analyze on the samples exits 0" "$?" 0
check_eq "one object per sample" "$(wc -l <"$out" | tr -d ' ')" 5
check_eq "no messages on clean input" "$(cat "$SCRATCH/err")" ""
check "every line is JSON" jq -e . "$out" >/dev/null
# the line table covers each file exactly (GUIDELINES section 1)
for f in "$S"/*.txt; do
	size=$(wc -c <"$f" | tr -d ' ')
	got=$(jq -r --arg p "$f" 'select(.path == $p) |
		[ (.lines[0].start == 0),
		  ([range(1; .lines|length) as $i | .lines[$i].start == .lines[$i-1].end + 1] | all),
		  (.lines[-1].end) ] | map(tostring) | join(" ")' "$out")
	last=$(tail -c 1 "$f" | od -An -c | tr -d ' ')
	if [ "$last" = '\n' ]; then want_end=$((size - 1)); else want_end=$size; fi
	check_eq "line table covers $(basename "$f")" "$got" "true true $want_end"
done
check_eq "format is txt" "$(jq -r .format "$out" | sort -u)" txt
# the text is the file's bytes
check_eq "text round-trips" "$(jq -j 'select(.path|endswith("002_29eef3dcc8056f18.txt")) | .text' "$out" | cksum)" \
	"$(cksum <"$S/002_29eef3dcc8056f18.txt")"

# JSON Lines on standard input: a streaming filter, output in input order
printf '%s\n' '{"id":"a","text":"First\n\nOne."}' 'not json' '{"doc":"b","text":"Second"}' |
	"$LEDE" analyze - >"$out" 2>"$SCRATCH/err"
check_eq "stdin with a bad line exits 1" "$?" 1
check_eq "stdin ids in order" "$(jq -r .id "$out" | tr '\n' ' ')" "a b "
check_eq "stdin format" "$(jq -r .format "$out" | sort -u)" jsonl
check "bad line named" grep -q '^lede: -:2: not JSON' "$SCRATCH/err"

# bad input: each problem one line naming the file; the rest still printed
bad="$SCRATCH/bad"
mkdir -p "$bad/sub"
printf 'Good title\n\nGood body.\n' >"$bad/good.txt"
: >"$bad/empty.txt"
printf 'bin\000ary' >"$bad/binary.txt"
printf 'Caf\351 au lait\n' >"$bad/latin1.txt"
printf 'secret\n' >"$bad/sub/noread.txt"
chmod 000 "$bad/sub/noread.txt"
"$LEDE" analyze "$bad" >"$out" 2>"$SCRATCH/err"
check_eq "bad input exits 1" "$?" 1
check "empty named" grep -q 'empty.txt: empty file' "$SCRATCH/err"
check "binary named" grep -q 'binary.txt: binary file' "$SCRATCH/err"
check "invalid UTF-8 named with its byte" grep -q 'latin1.txt: not valid UTF-8 at byte 3' "$SCRATCH/err"
if [ "$(id -u)" != 0 ]; then
	check "unreadable named" grep -q 'noread.txt: Permission denied' "$SCRATCH/err"
fi
check "good file still analysed" grep -q 'good.txt' "$out"
check "invalid UTF-8 still analysed, as valid JSON" jq -e -s 'map(select(.path|endswith("latin1.txt")))[0].text | contains("\ufffd")' "$out"
check_eq "one line per message" "$(grep -vc '^lede: ' "$SCRATCH/err")" 0
"$LEDE" analyze "$SCRATCH/missing.txt" >/dev/null 2>"$SCRATCH/err"
check_eq "missing file exits 1" "$?" 1
check "missing file named" grep -q 'missing.txt: No such file' "$SCRATCH/err"

# a huge single line is read and analysed (50 MB)
head -c 50000000 /dev/zero | tr '\0' 'a' >"$bad/../huge.txt"
"$LEDE" analyze "$SCRATCH/huge.txt" | jq -e '.lines | length == 1' >/dev/null
check_eq "50 MB single line analysed" "$?" 0
rm -f "$SCRATCH/huge.txt"

# extract prints no title
"$LEDE" extract "$bad/good.txt" >"$out"
check_eq "extract of a small article" "$(cat "$out")" "Good body."

# extract prints valid UTF-8 even when the input is not
printf 'A title line\n\nA body paragraph with a bad \351 byte in it, and words enough to be prose.\n' >"$bad/bad8.txt"
"$LEDE" extract "$bad/bad8.txt" >"$out" 2>/dev/null
check "extract output is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$out" -o /dev/null
check "extract shows U+FFFD" grep -q "bad $(printf '\357\277\275') byte" "$out"

# usage
"$LEDE" analyze >/dev/null 2>&1
check_eq "analyze without PATH is a usage error" "$?" 2
"$LEDE" --bogus >/dev/null 2>&1
check_eq "unknown option is a usage error" "$?" 2
check "--version" sh -c '"$LEDE" --version | grep -q "^lede [0-9]"'
check "--help" sh -c '"$LEDE" --help | grep -q "lede analyze"'
finish
