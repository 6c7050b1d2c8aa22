# tz.awk: tzdata.zi zone and link names to gazetteer rows.
# "Z Europe/Kyiv ..." gives Kyiv; "L Europe/Kyiv Europe/Kiev" gives Kiev
# with the target in detail (links are renames *or* merges such as
# Busingen -> Zurich, so a link city stays its own canonical; renames
# are fixed by the canonical map in build-gazetteer.sh).
function city(z) {
	if (z !~ /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//)
		return ""
	sub(/^.*\//, "", z)
	gsub(/_/, " ", z)
	return z
}
$1 == "Z" { c = city($2); if (c != "") printf "%s\tPLACE\t%s\t0 tz:%s\n", c, c, $2 }
$1 == "L" { c = city($3); if (c != "") printf "%s\tPLACE\t%s\t0 tz:%s link\n", c, c, $2 }
