#!/usr/bin/env python3
"""build-words.py - data/words.txt: the English word list the non-word signal reads.

Run by hand (never at build or test time), with Debian's wamerican and wbritish
installed:  python3 data/gen/build-words.py > data/words.txt

The union of /usr/share/dict/american-english and british-english, ASCII letters
only, possessives ('s) dropped.  Words that the lists only know capitalised
(names of people, places, months) are kept capitalised, so that a reader can
tell a lower-cased name from a non-word.  Sorted, one word per line.
"""
import sys

LISTS = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")


def main():
    lower, cap = set(), set()
    for path in LISTS:
        try:
            fh = open(path, encoding="utf-8")
        except OSError as e:
            sys.exit("build-words: %s: %s (apt-get install wamerican wbritish)" % (path, e))
        with fh:
            for w in fh:
                w = w.strip()
                if w.endswith("'s"):
                    w = w[:-2]
                if not w.isascii() or not w.isalpha() or len(w) < 2:
                    continue
                if w.islower():
                    lower.add(w)
                elif w[0].isupper() and w[1:].islower():
                    cap.add(w)
    cap = {w for w in cap if w.lower() not in lower}
    out = sys.stdout
    out.write("# words.txt - English words (wamerican + wbritish), made by "
              "data/gen/build-words.py\n")
    for w in sorted(lower | cap, key=lambda x: (x.lower(), x)):
        out.write(w + "\n")


if __name__ == "__main__":
    main()
