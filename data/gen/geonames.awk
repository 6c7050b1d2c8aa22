# geonames.awk: GeoNames cities1000.txt (19 tab-separated fields) to
# gazetteer rows. Variables: minpop (population threshold), common (file
# of common lower-case English words), known (file of English place
# names from tzdata and WordNet, used to pick an English canonical for
# cities whose GeoNames name is local: Genève -> Geneva, Köln -> Cologne).
# Alternate names are kept only when they look like Latin-script English
# exonyms: capitalised, [A-Za-z' .-] only, not all capitals (IATA codes),
# at least 3 characters, and not a common English word (Along, Male).
BEGIN {
	FS = "\t"
	while ((getline w < common) > 0)
		COMMON[w] = 1
	while ((getline w < known) > 0)
		KNOWN[w] = 1
}
function ok(a) {
	return a ~ /^[A-Z][A-Za-z' .-]+$/ && a !~ /^[A-Z' .-]+$/ && length(a) >= 3 &&
	    !(tolower(a) in COMMON)
}
$15 + 0 >= minpop {
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
