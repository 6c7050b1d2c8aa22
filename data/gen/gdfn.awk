# gdfn.awk: given names from the npm package gender-detection-from-name
# (names/{de,en,es,fr,it,tr}.js: lines "  ['name', 'male'],"). Names are
# lower case there; each word is capitalised here (Latin-1 letters too:
# élodie -> Élodie). Variables: lang (file language), common (SCOWL common
# lower-case words: such names are dropped unless census or Moby, merged
# separately, list them: Will, May, Rose stay because those lists have them).
BEGIN {
	while ((getline w < common) > 0)
		COMMON[w] = 1
	lo = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"
	up = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
	# Both strings are two bytes per letter in UTF-8.
	for (i = 1; i < length(lo); i += 2)
		UP[substr(lo, i, 2)] = substr(up, i, 2)
}
function cap1(w,   c) {
	c = substr(w, 1, 1)
	if (c ~ /[a-z]/)
		return toupper(c) substr(w, 2)
	c = substr(w, 1, 2)
	if (c in UP)
		return UP[c] substr(w, 3)
	return w
}
function title(s,   n, p, i, out, q, m, j, o2) {
	n = split(s, p, " ")
	out = ""
	for (i = 1; i <= n; i++) {
		m = split(p[i], q, "-")
		o2 = ""
		for (j = 1; j <= m; j++)
			o2 = o2 (j > 1 ? "-" : "") cap1(q[j])
		out = out (i > 1 ? " " : "") o2
	}
	return out
}
/^  \['[^']+', '(male|female|unisex)'\],?$/ {
	s = $0
	sub(/^  \['/, "", s)
	g = s
	sub(/'.*$/, "", s)
	sub(/^[^']*', '/, "", g)
	sub(/'.*$/, "", g)
	if (length(s) < 2 || (s in COMMON) || s !~ /^[a-z\200-\377][a-z\200-\377' -]*$/)
		next
	printf "%s\tGIVEN\t%s\tgdfn:%s %s\n", title(s), title(s), lang, substr(g, 1, 1)
}
