# moby.awk: Moby given-name lists (one name a line); set sex=m or f.
{ sub(/\r$/, "") }
/^[A-Z][A-Za-z'-]+$/ { printf "%s\tGIVEN\t%s\tmoby:%s\n", $0, $0, sex }
