# census.awk: the 1990 US Census name lists embedded as heredocs in
# Text/Names.pm (libtext-names-perl). Lines hold one or more groups of
# "NAME freq cumfreq rank"; names are upper case and are title-cased here.
function title(s) { return toupper(substr(s, 1, 1)) tolower(substr(s, 2)) }
/^\$COMMON_MALE_FIRSTNAMES = <</ { kind = "GIVEN"; sex = "m"; next }
/^\$COMMON_FEMALE_FIRSTNAMES = <</ { kind = "GIVEN"; sex = "f"; next }
/^\$COMMON_SURNAMES = <</ { kind = "SURNAME"; sex = ""; next }
/^ENDNAMES/ { kind = ""; next }
kind != "" {
	for (i = 1; i + 3 <= NF + 0; i += 4) {
		if ($i !~ /^[A-Z][A-Z'-]*$/)
			continue
		n = title($i)
		printf "%s\t%s\t%s\tcensus1990:%s%s\n", n, kind, n, (sex == "" ? "" : sex " "), $(i + 1)
	}
}
