#!/bin/sh
# run.sh - HTML pages: the article and its classes from the DOM, metadata from JSON-LD
# and <meta>, charsets, gzip, JSON Lines "html", links, and bad pages
. "$TOP_SRCDIR/tests/cli/lib.sh"
d="$TOP_SRCDIR/tests/html"
out="$SCRATCH/out"
err="$SCRATCH/err"

# --- an article page with menus, a cookie notice, related links and comments -----
"$LEDE" extract "$d/article.html" >"$out" 2>"$err"
check_eq "extract exits 0" "$?" 0
check_eq "four paragraphs and a subheading" "$(wc -l <"$out" | tr -d ' ')" 5
check_eq "first paragraph" "$(head -n 1 "$out" | cut -c1-44)" "The harbour bridge reopened to traffic on Th"
check "link text stays in its paragraph" grep -q "in its yearly report\.$" "$out"
check "subheading kept" grep -qx "Traffic in the old town" "$out"
for junk in Home "use cookies" "Share on" "Ferry prices" "Finally!" "Forty-eight" Copyright \
    "never shown" "Hidden promotion" "hidden paragraph" "Maria Lopez" "4 March" "at dawn"; do
	check "no '$junk' in the body" sh -c "! grep -q '$junk' '$out'"
done

"$LEDE" analyze "$d/article.html" >"$out"
check_eq "format" "$(jq -r .format "$out")" html
check_eq "title from JSON-LD" "$(jq -r .title "$out")" \
    "Harbour bridge reopens after two years of repairs"
check_eq "authors from JSON-LD" "$(jq -r .byline "$out")" "Maria Lopez, Tom Berg"
check_eq "date from JSON-LD" "$(jq -r .date "$out")" 2021-03-04
check_eq "publisher from JSON-LD" "$(jq -r .site "$out")" "Coastal Times Media"
cls() { jq -r "[.lines[] | select($1)] | length" "$out"; }
check_eq "one title line" "$(cls '.class == "title"')" 1
check_eq "one byline line" "$(cls '.class == "byline"')" 1
check_eq "one dateline" "$(cls '.class == "dateline"')" 1
check_eq "one caption" "$(cls '.class == "caption"')" 1
check_eq "navigation lines" "$(cls '.subtype == "navigation"')" 4
check_eq "cookie notice" "$(cls '.subtype == "cookie-privacy"')" 1
check_eq "related links" "$(cls '.subtype == "related-links"')" 4
check_eq "comments" "$(cls '.subtype == "comments"')" 3
check_eq "share line" "$(cls '.subtype == "share"')" 1
check_eq "copyright line" "$(cls '.subtype == "copyright"')" 1
check_eq "every line has a class" "$(cls 'has("class") | not')" 0
check_eq "the text is its lines" "$(jq -r '[.lines[] | .end - .start + 1] | add - 1' "$out")" \
    "$(jq -r '.text | utf8bytelength' "$out")"
check_eq "boilerplate stays in the text" "$(jq -r '.text | contains("Ferry prices rise")' "$out")" true
check_eq "links kept with their targets" "$(jq -r '[.links[] | .href] | index("https://example.org/report.pdf") != null' "$out")" true
check_eq "a link's offsets cover its text" \
    "$(jq -r '.text as $t | .links[] | select(.href == "/city") | $t[.start:.end]' "$out")" City

# --- the W3C export points into the page too -------------------------------------
s=$(jq '.text | index("Traffic in the old town")' "$out")
"$LEDE" annotations add --path "$d/article.html" --start "$s" --end "$((s + 23))" \
    --kind note --note "a heading" >/dev/null
"$LEDE" annotations export --format w3c >"$SCRATCH/w3c"
ps=$(jq '.target.pageSelector.start' "$SCRATCH/w3c")
pe=$(jq '.target.pageSelector.end' "$SCRATCH/w3c")
check_eq "w3c: a DataPositionSelector into the page" \
    "$(jq -r '.target.pageSelector.type' "$SCRATCH/w3c")" DataPositionSelector
check_eq "w3c: the page's bytes hold the passage" \
    "$(dd if="$d/article.html" bs=1 skip="$ps" count="$((pe - ps))" 2>/dev/null)" \
    "Traffic in the old town</h2>"

# --- gzip ----------------------------------------------------------------------
gzip -c "$d/article.html" >"$SCRATCH/page.html.gz"
"$LEDE" extract "$d/article.html" >"$SCRATCH/plain"
"$LEDE" extract "$SCRATCH/page.html.gz" >"$out"
check_eq "gzip exits 0" "$?" 0
check "gzip: same body as the plain page" cmp -s "$SCRATCH/plain" "$out"

# --- a page whose body is a list, metadata from <meta> and <title> ----------------
"$LEDE" extract "$d/list.html" >"$out"
check_eq "list: six items" "$(wc -l <"$out" | tr -d ' ')" 6
check "list: sidebar left out" sh -c "! grep -q 'Solar panels' '$out'"
"$LEDE" analyze "$d/list.html" >"$out"
check_eq "list: title is the heading, without the site" "$(jq -r .title "$out")" \
    "Ten ways to save water at home"
check_eq "list: author from meta" "$(jq -r .byline "$out")" "Ana Silva"
check_eq "list: date from article:published_time" "$(jq -r .date "$out")" 2020-07-15

# --- charsets ----------------------------------------------------------------------
for f in cp1252 latin1 wrongcharset; do
	"$LEDE" extract "$d/$f.html" >"$out"
	check "$f: windows-1252 read as such" grep -q "café crème" "$out"
	check "$f: curly quotes and dash" grep -q "“quietly” on Monday – and" "$out"
done
"$LEDE" extract "$d/koi8r.html" >"$out"
check "koi8-r from <meta charset>" grep -q "Городской совет в среду" "$out"
"$LEDE" extract "$d/utf16.html" >"$out"
check "UTF-16 from its BOM" grep -q "Voters in Zürich approved" "$out"
printf '\357\273\277<html><body><p>A page with a byte order mark, written in UTF-8: naïve café, all of it read well.</p></body></html>' >"$SCRATCH/bom.html"
"$LEDE" extract "$SCRATCH/bom.html" >"$out"
check_eq "UTF-8 BOM dropped" "$(cat "$out")" \
    "A page with a byte order mark, written in UTF-8: naïve café, all of it read well."

# --- JSON Lines with an "html" field; what the record states wins --------------------
printf '{"id":"p1","title":"Stated title","html":"<html><head><title>Page title</title></head><body><p>The body of a page given in a JSON Lines record, long enough to be the article.</p></body></html>"}\n' >"$SCRATCH/pages.jsonl"
"$LEDE" analyze "$SCRATCH/pages.jsonl" >"$out"
check_eq "jsonl html: format" "$(jq -r .format "$out")" html
check_eq "jsonl html: id" "$(jq -r .id "$out")" p1
check_eq "jsonl html: stated title wins" "$(jq -r .title "$out")" "Stated title"
check_eq "jsonl html: text" "$(jq -r .text "$out")" \
    "The body of a page given in a JSON Lines record, long enough to be the article."

# --- bad pages ------------------------------------------------------------------------
"$LEDE" extract "$d/truncated.html" >"$out" 2>"$err"
check_eq "truncated: exits 0" "$?" 0
check "truncated: read as far as it goes" grep -q "^Shop owners in the old town said the clo$" "$out"

"$LEDE" extract "$d/binary.html" "$d/list.html" >"$out" 2>"$err"
check_eq "binary: exits 1" "$?" 1
check_eq "binary: one line naming the file" "$(grep -c 'binary.html: binary file' "$err")" 1
check_eq "binary: the next file still read" "$(wc -l <"$out" | tr -d ' ')" 6

: >"$SCRATCH/empty.html"
"$LEDE" extract "$SCRATCH/empty.html" >"$out" 2>"$err"
check_eq "empty: exits 1" "$?" 1
check "empty: said so" grep -q "empty.html: empty file" "$err"

printf 'not gzip at all' >"$SCRATCH/bad.html.gz"
"$LEDE" extract "$SCRATCH/bad.html.gz" >"$out" 2>"$err"
check_eq "bad gzip: exits 1" "$?" 1
check_eq "bad gzip: one line" "$(wc -l <"$err" | tr -d ' ')" 1
check "bad gzip: names the file" grep -q "bad.html.gz:" "$err"

awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>";
	printf "<p>Text at the bottom of one hundred thousand nested elements.</p>";
	for (i = 0; i < 100000; i++) printf "</div>";
	print "<p>A paragraph after the nested elements, with enough words to count.</p></body></html>" }' \
    >"$SCRATCH/nested.html"
"$LEDE" extract "$SCRATCH/nested.html" >"$out" 2>"$err"
check_eq "nested: exits 0" "$?" 0
check "nested: the deep text" grep -q "one hundred thousand nested" "$out"
check "nested: the text after it" grep -q "after the nested elements" "$out"

awk 'BEGIN { print "<html><body><article>";
	for (i = 0; i < 240000; i++) print "<p>The council met again and talked about the budget for the coming year.</p>" }' \
    >"$SCRATCH/big.html"
"$LEDE" extract "$SCRATCH/big.html" >"$out" 2>"$err"
check_eq "over 16 MB: exits 1" "$?" 1
check_eq "over 16 MB: one line" "$(grep -c 'big.html: page over 16 MB, read the first 16 MB' "$err")" 1
check "over 16 MB: read up to the limit" test "$(wc -l <"$out")" -gt 100000

# control characters never reach the terminal, NUL bytes do not end the page
printf '<html><body><p>Escape \033[31mred\033[0m and a bell \007 inside a paragraph long enough to keep.</p>\n<!-- %01000d -->\000<p>After a NUL byte the page goes on with another paragraph of text.</p></body></html>' 0 >"$SCRATCH/ctl.html"
"$LEDE" extract "$SCRATCH/ctl.html" >"$out" 2>"$err"
check "controls: no escape byte" sh -c "! grep -q \"\$(printf '\\033')\" '$out'"
check "controls: text kept" grep -q "Escape \[31mred\[0m and a bell" "$out"
check "NUL byte: the rest still read" grep -q "After a NUL byte" "$out"
finish
