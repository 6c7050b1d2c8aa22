# cldr.awk: CLDR English names to gazetteer rows.
# Input: lines "kind<TAB>code<TAB>alt<TAB>name" made by the sed in
# build-gazetteer.sh from main/en.xml and subdivisions/en.xml.
# Output: gazetteer rows, plus "CODE<TAB>XX<TAB>name" lines (the standard
# English country names, used to give ISO 3166 rows a canonical) when
# the variable codes is set to a file name.
BEGIN { FS = OFS = "\t" }
{ gsub(/&amp;/, "\\&", $4) }
$1 == "territory" {
	# Pseudo and unknown regions.
	if ($2 ~ /^(ZZ|XA|XB|QO)$/ || $4 == "world")
		next
	n++; K[n] = $2; A[n] = $3; N[n] = $4
	if ($3 == "")
		STD[$2] = $4
	next
}
$1 == "subdivision" {
	cc = toupper(substr($2, 1, 2))
	print $4, "PLACE", $4, "0 " cc " cldr:subdivision"
	if (codes != "")
		print $2, $4 > codes
	next
}
$1 == "language" {
	if ($3 == "" && $4 ~ /^[A-Z]/ && $4 !~ /^Unknown/)
		print $4, "NORP", $4, "cldr:language"
	next
}
# "Bosnia & Herzegovina" -> "Bosnia and Herzegovina"; "Myanmar (Burma)"
# -> "Myanmar" (the parenthesised part is added as its own name below).
function tidy(s) {
	gsub(/ & /, " and ", s)
	sub(/ \([^)]*\)$/, "", s)
	return s
}
END {
	for (i = 1; i <= n; i++) {
		c = K[i]
		canon = tidy((c in STD) ? STD[c] : N[i])
		if (N[i] ~ /&/)
			print tidy(N[i]), "PLACE", canon, "0 " c " cldr:country"
		if (N[i] ~ / \([A-Z][a-z]+( [A-Z][a-z]+)*\)$/) {
			p = N[i]; sub(/^.*\(/, "", p); sub(/\)$/, "", p)
			print p, "PLACE", canon, "0 " c " cldr:country"
			N[i] = tidy(N[i])
		}
		if (N[i] ~ /\(/)
			continue
		if (c ~ /^(EU|EZ|UN)$/)
			print N[i], "ORG", canon, "cldr:" c
		else if (c ~ /^[0-9]+$/)
			print N[i], "PLACE", canon, "0 - cldr:region"
		else
			print N[i], "PLACE", canon, "0 " c " cldr:country"
	}
	if (codes != "")
		for (c in STD)
			if (c ~ /^[A-Z][A-Z]$/)
				print c, tidy(STD[c]) > codes
}
