# geonames.awk: GeoNames cities1000.txt (19 tab-separated fields) to
# gazetteer rows. Variables: minpop (population threshold), common (file
# of common lower-case English words), known (file of English place
# names from tzdata and WordNet, used to pick an English canonical for
# cities whose GeoNames name is local: Genève -> Geneva, Köln -> Cologne).
# Alternate names are kept only when they look like Latin-script names:
# capitalised, Latin letters (with diacritics) and ' .- only, not all capitals (IATA codes),
# at least 3 characters, and not a common English word (Along, Male).
BEGIN {
	FS = "\t"
	while ((getline w < common) > 0)
		COMMON[w] = 1
	while ((getline w < known) > 0)
		KNOWN[w] = 1
}
# Latin letters with diacritics (U+00C0-U+017F, two UTF-8 bytes) count as
# letters, so München and Kraków are kept; other scripts are dropped.
function ok(a,   c) {
	c = a
	gsub(/\303[\200-\277]|\304[\200-\277]|\305[\200-\277]/, "e", c)
	return c ~ /^[A-Z][A-Za-z' .-]+$/ && c !~ /^[A-Z' .-]+$/ && length(c) >= 3 &&
	    !(tolower(a) in COMMON)
}
# Countries in lowpop ("UA RU ...") keep towns down to minlow people:
# their small towns are in the news (Soledar, Vuhledar, Sudzha).
BEGIN {
	n = split(lowpop, f, " ")
	for (i = 1; i <= n; i++)
		LOW[f[i]] = 1
}
$15 + 0 >= minpop || (($9 in LOW) && $15 + 0 >= minlow) {
	name = $2; ascii = $3; cc = $9; pop = $15 + 0
	n = split($4, alt, ",")
	canon = name
	if (name ~ /[^ -~]/) {
		# A non-ASCII local name: prefer an alternate that tzdata or
		# WordNet spells as an English place name.
		tzc = $18; sub(/^.*\//, "", tzc); gsub(/_/, " ", tzc)
		for (i = 1; i <= n; i++)
			if (alt[i] == tzc) { canon = tzc; break }
		if (canon == name)
			for (i = 1; i <= n; i++)
				if (alt[i] in KNOWN) { canon = alt[i]; break }
	}
	# "Kramators’k" -> "Kramatorsk" when GeoNames has that spelling too,
	# or always for a soft sign in a post-Soviet name ("Lysychans'k").
	# (Alternation, not a bracket: mawk brackets match single bytes.)
	if (canon ~ /'|’/) {
		t = canon
		gsub(/'|’/, "", t)
		for (i = 1; i <= n; i++)
			if (alt[i] == t) { canon = t; break }
		if (canon != t && cc ~ /^(UA|RU|BY|KZ|KG|UZ|TJ|TM|MD|AZ|AM|GE)$/ &&
		    canon ~ /[a-z]('|’)[a-z]/) {
			n++
			alt[n] = t
			canon = t
		}
	}
	detail = pop " " cc " geonames:" $8
	delete SEEN
	SEEN[name] = 1
	print name "\tPLACE\t" canon "\t" detail
	if (!(ascii in SEEN) && ascii != "") {
		SEEN[ascii] = 1
		print ascii "\tPLACE\t" canon "\t" detail
	}
	if (!(canon in SEEN)) {
		SEEN[canon] = 1
		print canon "\tPLACE\t" canon "\t" detail
	}
	for (i = 1; i <= n; i++) {
		a = alt[i]
		if ((a in SEEN) || !ok(a))
			continue
		SEEN[a] = 1
		print a "\tPLACE\t" canon "\t" detail
	}
}
