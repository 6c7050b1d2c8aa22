#!/bin/sh
# train.sh - the trainer (data/gen/ner-train.c, built as a check program) learns a
# tiny fixture: names it never saw, told by the contexts it did see; it does so the
# same way twice; lede labels with what it wrote, and refuses a truncated model with
# one line naming the file while it still prints its analysis.
. "$TOP_SRCDIR/tests/cli/lib.sh"
train="$(dirname "$LEDE")/../data/gen/ner-train"
fx="$TOP_SRCDIR/tests/ner"
root="$SCRATCH/root"
mkdir -p "$root/data"
: >"$root/data/gazetteer.tsv"	# no lists: contexts and word shapes alone
: >"$root/data/words.txt"
"$train" -d "$root/data" -e 5 -o "$root/data/ner.model" --dev "$fx/test.jsonl" \
    "$fx/train.jsonl" >"$SCRATCH/out" 2>"$SCRATCH/err"
check_eq "trainer exits 0" "$?" 0
f1=$(awk '$1 == "dev" { print $9 }' "$SCRATCH/out")
check "unseen names found from their contexts (dev F1 ${f1:-none} >= 0.9)" \
    awk -v f="${f1:-0}" 'BEGIN { exit !(f >= 0.9) }'
"$train" -d "$root/data" -e 5 -o "$SCRATCH/again.model" "$fx/train.jsonl" \
    >/dev/null 2>&1
"$train" -d "$root/data" -e 5 -o "$SCRATCH/again2.model" "$fx/train.jsonl" \
    >/dev/null 2>&1
check "the same data gives the same model" cmp -s "$SCRATCH/again.model" \
    "$SCRATCH/again2.model"

LEDE_ROOT="$root" "$LEDE" analyze "$fx/test.jsonl" >"$SCRATCH/a.json" 2>"$SCRATCH/aerr"
check_eq "analyze with the model exits 0" "$?" 0
check_eq "a person the model never saw" \
    "$(jq -r '[.entities[] | select(.canonical == "Tomas Ruud") | .type][0]' "$SCRATCH/a.json")" \
    PERSON
check_eq "an organization the model never saw" \
    "$(jq -r '[.entities[] | select(.canonical == "Finstar") | .type][0]' "$SCRATCH/a.json")" \
    ORG
check "every mention has a score in (0, 1]" jq -e \
    '([.entities[].mentions[].score | select(. > 0 and . <= 1)] | length) as $n |
     $n > 0 and $n == ([.entities[].mentions[]] | length)' "$SCRATCH/a.json"

head -c 3000 "$root/data/ner.model" >"$SCRATCH/short" && mv "$SCRATCH/short" \
    "$root/data/ner.model"
LEDE_ROOT="$root" "$LEDE" analyze "$fx/test.jsonl" >"$SCRATCH/b.json" 2>"$SCRATCH/berr"
check_eq "one line of error" "$(wc -l <"$SCRATCH/berr")" 1
check "it names the file" grep -q "$root/data/ner.model: truncated" "$SCRATCH/berr"
check "it says entities are off" grep -q "entities are off" "$SCRATCH/berr"
check_eq "the analysis is still printed, without entities" \
    "$(jq '.entities | length' "$SCRATCH/b.json")" 0
finish
