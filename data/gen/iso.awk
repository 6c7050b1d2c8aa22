# iso.awk: iso-codes ISO 3166 JSON (pretty-printed, one key per line) to
# gazetteer rows. Usage: awk -v codes=CODES -f iso.awk iso_3166-1.json
# iso_3166-3.json iso_3166-2.json, where CODES holds "code<TAB>English
# name" lines from cldr.awk (country codes "RU", subdivision codes
# "rumow"), so that "Russian Federation" gets the canonical "Russia"
# and "Moskva" gets "Moscow".
BEGIN {
	FS = "\""
	while ((getline line < codes) > 0) {
		split(line, f, "\t")
		EN[f[1]] = f[2]
	}
}
FNR == 1 { part = FILENAME; sub(/^.*iso_/, "", part); sub(/\.json$/, "", part) }
/^ *\{/ { delete R; next }
/^ *"[a-z_0-9]+": "/ { R[$2] = $4; next }
/^ *\}/ {
	if (part == "3166-1") {
		c = R["alpha_2"]
		canon = (c in EN) ? EN[c] : (("common_name" in R) ? R["common_name"] : R["name"])
		out(R["name"], canon, "0 " c " iso3166-1")
		if ("official_name" in R)
			out(R["official_name"], canon, "0 " c " iso3166-1:official")
		if ("common_name" in R)
			out(R["common_name"], canon, "0 " c " iso3166-1:common")
	} else if (part == "3166-3") {
		out(R["name"], R["name"], "0 " R["alpha_4"] " iso3166-3:former")
	} else if (part == "3166-2") {
		c = R["code"]
		k = tolower(c); sub(/-/, "", k)
		canon = (k in EN) ? EN[k] : R["name"]
		out(R["name"], canon, "0 " substr(c, 1, 2) " iso3166-2:" tolower(R["type"]))
	}
	delete R
}
function out(name, canon, detail) {
	if (name == "")
		return
	# Inverted forms: "Korea, Republic of", "Bolivia, Plurinational
	# State of" are not how text names a country.
	if (name ~ /, /)
		return
	printf "%s\tPLACE\t%s\t%s\n", name, canon, detail
}
