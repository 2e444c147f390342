#!/usr/bin/env python3
"""Builds a blind readers' input from several blind.py outputs of one set: every distinct (draft, rewrite)
pair once, shuffled, with the key (which output gave which pair) kept apart.
  bot/tools/eval/pairs.py KEY.json INPUT.tsv NAME=OUT.tsv [NAME=OUT.tsv ...]
Then, with the readers' verdict files:
  bot/tools/eval/pairs.py --tally KEY.json VERDICTS.tsv [VERDICTS.tsv ...]"""
import csv, json, random, sys
from collections import Counter

def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

if sys.argv[1] == "--tally":
    key = json.load(open(sys.argv[2]))
    for vpath in sys.argv[3:]:
        verdict = {r["id"]: r["verdict"].strip() for r in rows(vpath)}
        print(vpath)
        for name in key["names"]:
            c = Counter(verdict.get(pid, "?") for pid, p in key["pairs"].items() if name in p["from"])
            n = sum(c.values())
            print(f"  {name}: {n} rewrites: " + ", ".join(f"{k} {v} ({v / n:.0%})" for k, v in c.most_common()))
    sys.exit(0)

key_path, inp = sys.argv[1], sys.argv[2]
pairs, names = {}, []
for arg in sys.argv[3:]:
    name, path = arg.split("=", 1)
    names.append(name)
    for r in rows(path):
        k = (r["lang"], r["draft"], r["rewrite"])
        pairs.setdefault(k, set()).add(name)
items = list(pairs.items())
random.Random(9).shuffle(items)
key = {"names": names, "pairs": {}}
with open(inp, "w") as f:
    f.write("id\tlang\tdraft\trewrite\n")
    for i, ((lang, d, w), src) in enumerate(items, 1):
        f.write(f"{i}\t{lang}\t{d}\t{w}\n")
        key["pairs"][str(i)] = {"from": sorted(src)}
json.dump(key, open(key_path, "w"), ensure_ascii=False, indent=1)
print(f"{len(items)} pairs")
