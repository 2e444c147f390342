#!/usr/bin/env python3
"""Prints the messages whose first suggestion differs between two builds.
  bot/tools/eval/diff.py OLD.jar NEW.jar SET.tsv [SET.tsv ...]"""
import csv, json, subprocess, sys
old, new, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
for path in sets:
    rows = list(csv.DictReader(open(path, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    inp = "".join(r["text"].replace("\n", " ") + "\n" for r in rows)
    def run(jar):
        p = subprocess.run(["java", "-jar", jar, "check", "--jsonl"], input=inp, capture_output=True, text=True)
        return [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    a, b = run(old), run(new)
    for r, x, y in zip(rows, a, b):
        sx = (x.get("suggestions") or [None])[0]
        sy = (y.get("suggestions") or [None])[0]
        if sx != sy or x.get("risky") != y.get("risky"):
            print(f"[{r['label']}/{r['category']}] {r['text']}\n   old({x.get('risky')}): {sx}\n   new({y.get('risky')}): {sy}")
