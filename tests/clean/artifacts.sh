#!/bin/sh
# artifacts.sh - what `lede analyze` says about artifacts: every one has a score in
# [0, 1]; a glossary rendering is flagged with the glossary and not with
# LEDE_NO_GLOSSARY set; a name spelled near a better-attested name of the article
# is flagged with that name as the suggestion, with or without the glossary.
. "$TOP_SRCDIR/tests/cli/lib.sh"
command -v jq >/dev/null || { echo "SKIP: no jq" >&2; exit 77; }
f=$TOP_SRCDIR/tests/data/artifacts/names.txt

"$LEDE" analyze "$f" >"$SCRATCH/with.json"
check_eq "analyze exits 0" "$?" 0
LEDE_NO_GLOSSARY=1 "$LEDE" analyze "$f" >"$SCRATCH/without.json"
check_eq "analyze without the glossary exits 0" "$?" 0

check_eq "every artifact has a score in [0,1]" \
	"$(jq '[.artifacts[] | select((.score | type) != "number" or .score < 0 or .score > 1)] | length' "$SCRATCH/with.json")" 0
check "there are artifacts" test "$(jq '.artifacts | length' "$SCRATCH/with.json")" -gt 0

calque='[.artifacts[] | select(.text == "general worship meeting" and .kind == "mistranslation")] | length'
check "glossary rendering flagged" test "$(jq "$calque" "$SCRATCH/with.json")" -gt 0
check_eq "glossary rendering scored as a known fact" \
	"$(jq -r '[.artifacts[] | select(.text == "general worship meeting")][0].score' "$SCRATCH/with.json")" 0.95
check_eq "no glossary: the rendering is not a known fact" \
	"$(jq '[.artifacts[] | select(.text == "general worship meeting" and .score == 0.95)] | length' "$SCRATCH/without.json")" 0

variant='[.artifacts[] | select(.text == "Poutin" and .kind == "name-variant") | .suggestion] | join(",")'
check_eq "no glossary: Poutin is a variant of the article's Putin" \
	"$(jq -r "$variant" "$SCRATCH/without.json")" "Putin"
check_eq "the variant's note says why" \
	"$(jq -r '[.artifacts[] | select(.text == "Poutin") | .note][0]' "$SCRATCH/without.json" | grep -c 'near-spelling')" 1
check_eq "with the glossary: Poutin is flagged once, suggesting Putin" \
	"$(jq -r "$variant" "$SCRATCH/with.json")" "Putin"
finish
