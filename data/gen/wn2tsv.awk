# wn2tsv.awk: WordNet 3.0 data.noun (+ data.adj) to gazetteer rows.
# Usage: awk -f wn2tsv.awk data.noun data.adj data.noun
# Pass 1 (data.noun) records every synset; pass 2 (data.adj) collects
# pertainyms (adjective -> place/group noun); pass 3 (data.noun) emits.
# Output: name TAB type TAB canonical TAB detail (unsorted, may repeat).
# Plain POSIX awk (mawk): no strtonum, no gensub.

function lemma(s) { gsub(/_/, " ", s); sub(/\([a-z]+\)$/, "", s); return s }
function iscap(s) { return s ~ /^[A-Z]/ }
# Parse the current line into W[1..nw] (lemmas) and P (pointer list).
function parse(   i, j, np) {
	nw = 0
	wcnt = hex2($4)
	j = 5
	for (i = 1; i <= wcnt; i++) { W[i] = lemma($j); j += 2; nw++ }
	np = $j + 0; j++
	npt = 0
	for (i = 1; i <= np; i++) {
		npt++
		PS[npt] = $j; PO[npt] = $(j + 1); PP[npt] = $(j + 2)
		j += 4
	}
}
function hex2(s,   v, c, k) {
	v = 0
	for (k = 1; k <= length(s); k++) {
		c = index("0123456789abcdef", tolower(substr(s, k, 1))) - 1
		v = v * 16 + c
	}
	return v
}
# Best display name of a person synset: first lemma of two or three
# words ("Vladimir Putin"), else the first lemma ("Putin").
function personcanon(   i, n, t) {
	for (i = 1; i <= nw; i++) {
		if (!iscap(W[i]) || W[i] ~ /^(President|Saint|St\.|King|Queen|Pope|Sir|Lord|General|Emperor) /)
			continue
		n = split(W[i], t, " ")
		if (n >= 2 && n <= 3)
			return W[i]
	}
	for (i = 1; i <= nw; i++)
		if (iscap(W[i]))
			return W[i]
	return W[1]
}
function firstcap(   i) {
	for (i = 1; i <= nw; i++)
		if (iscap(W[i]))
			return W[i]
	return ""
}
function emit(type, canon, detail,   i) {
	for (i = 1; i <= nw; i++)
		if (iscap(W[i]) && length(W[i]) >= 2)
			printf "%s\t%s\t%s\t%s\n", W[i], type, canon, detail
}
# The hypernym (first @ or @i) of the current synset, as a lemma.
function hyper(   i) {
	for (i = 1; i <= npt; i++)
		if (PS[i] == "@" || PS[i] == "@i")
			return (PO[i] in FIRST) ? FIRST[PO[i]] : ""
	return ""
}
function hyperoff(   i) {
	for (i = 1; i <= npt; i++)
		if (PS[i] == "@" || PS[i] == "@i")
			return PO[i]
	return ""
}
# Is the synset at offset o (or one of its ancestors, up to depth 8)
# an organisation-like class? Used to filter capitalised noun.group
# classes, which also hold dynasties, sects, peoples and languages.
function orglike(o, d,   h) {
	if (d > 8 || !(o in FIRST))
		return 0
	if (FIRST[o] ~ /^(organization|unit|social group|political party|party|agency|administrative unit|government|military unit|international organization|force|association|union|alliance|company|institution|enterprise|news agency|service|establishment|business|federation|league|political unit|legislature|court|armed forces)$/)
		return 1
	if (FIRST[o] ~ /^(dynasty|people|ethnic group|nation|race|religion|sect|denomination|tribe|family|house|kin|lineage|order|genus|class|taxonomic group|biological group|language|clan)$/)
		return -1
	h = HYP[o]
	if (h == "")
		return 0
	return orglike(h, d + 1)
}

FNR == 1 { pass++ }
$1 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/ { next }

pass == 1 {
	parse()
	FIRST[$1] = W[1]
	LEX[$1] = $2
	CANON[$1] = firstcap()
	HYP[$1] = hyperoff()
	next
}

pass == 2 {
	# Pertainyms: adjective lexfile 01 (adj.pert) with a "\" pointer to a
	# noun in noun.location (15) or noun.group (14): Russian -> Russia.
	if ($2 != "01")
		next
	parse()
	for (i = 1; i <= npt; i++) {
		if (PS[i] != "\\" || PP[i] != "n")
			continue
		o = PO[i]
		if (!(o in LEX) || (LEX[o] != "15" && LEX[o] != "14") || CANON[o] == "")
			continue
		for (k = 1; k <= nw; k++)
			if (iscap(W[k]))
				printf "%s\tNORP\t%s\twn:%s pertainym\n", W[k], CANON[o], o
	}
	next
}

pass == 3 {
	inst = ($0 ~ / @i [0-9]/)
	lf = $2
	if (lf != "18" && lf != "15" && lf != "17" && lf != "14" && lf != "06")
		next
	parse()
	if (firstcap() == "")
		next
	h = hyper()
	# Stars, zodiac signs, ships, weapons and other objects are not places
	# in news text.
	if (h ~ /(^| )(constellation|sign of the zodiac|star|asterism|supergiant|supernova|galaxy|soil horizon|asteroid|minor planet|lunar crater|satellite|bomb|bomber|airship|cattle|chest|ship|vessel|warship|destroyer|sword|stone|chalice|table|great seal|data system|oracle|figure|bunch|culture|civilization|community|religious movement)$/)
		next
	if (inst) {
		if (lf == "18")
			emit("PERSON", personcanon(), "wn:" $1 " " h)
		else if (lf == "15" || lf == "17")
			emit("PLACE", firstcap(), "0 wn:" $1 " " h)
		else if (lf == "14")
			emit("ORG", firstcap(), "wn:" $1 " " h)
		else if (lf == "06") {
			# Buildings are PLACE in lede; universities and the seats
			# of government (Kremlin, White House) are ORG.
			if (firstcap() ~ /^(Kremlin|White House)$/ || h ~ /university|college|school|agency|stock exchange|government office/)
				emit("ORG", firstcap(), "wn:" $1 " " h)
			else
				emit("PLACE", firstcap(), "0 wn:" $1 " " h)
		}
		next
	}
	# Class synsets with capitalised lemmas.
	if (lf == "14") {
		if (orglike(HYP[$1], 0) == 1)
			emit("ORG", firstcap(), "wn:" $1 " " h)
	} else if (lf == "18") {
		# Demonyms and members of groups (Russian, Democrat, Muslim),
		# but not deities, monsters or kinds of person (Adonis, Harpy,
		# Delilah, Monsignor).
		if (h ~ /deity|god|goddess|monster|daemon|demon|spirit|Fury|Muse|giant|nymph|angel|hero|character|woman|man|professional|priest|prophet|saint|patriarch|apostle|Apostle|disciple|evangelist|worker|lover|beauty|traitor|seducer|villain|oracle/)
			next
		for (k = 1; k <= nw; k++)
			if (iscap(W[k]) && W[k] !~ / / && length(W[k]) >= 3)
				printf "%s\tNORP\t%s\twn:%s %s\n", W[k], W[k], $1, h
	}
	next
}
