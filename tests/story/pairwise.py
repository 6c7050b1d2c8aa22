#!/usr/bin/env python3
"""pairwise.py - pairwise precision and recall of `lede stories` output.

    lede stories PATH... > s.jsonl
    python3 tests/story/pairwise.py s.jsonl [GROUP=REGEX ...]

An article's gold story is the first GROUP whose REGEX matches its path (or, for JSON
Lines, "path#id"): the name before '=', with \\1 etc. replaced by the match's groups;
an article that no GROUP matches is a story of its own. Prints pairwise precision,
recall and the number of stories."""
import itertools
import json
import re
import sys


def main():
    out, rules = sys.argv[1], []
    for arg in sys.argv[2:]:
        name, rx = arg.split('=', 1)
        rules.append((name, re.compile(rx)))
    pred, gold = {}, {}
    for line in open(out, encoding='utf-8'):
        story = json.loads(line)
        for a in story['articles']:
            key = a['path'] + ('#' + a['id'] if 'id' in a else '')
            pred[key] = story['id']
            gold[key] = key
            for name, rx in rules:
                m = rx.search(key)
                if m:
                    gold[key] = m.expand(name)
                    break
    keys = sorted(pred)
    tp = fp = fn = 0
    for a, b in itertools.combinations(keys, 2):
        same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f'articles {len(keys)} stories {len(set(pred.values()))} '
          f'gold {len(set(gold.values()))} pairwise_p {p:.3f} pairwise_r {r:.3f}')


if __name__ == '__main__':
    main()
