#!/usr/bin/env python3
"""Lists the risky messages a blind.py run did not flag, and the flagged ones with no suggestion.
  bot/tools/eval/misses.py OUT.tsv.json"""
import json, sys
d = json.load(open(sys.argv[1]))
for e in d:
    r, j = e["row"], e["out"]
    if r["label"] != "risky":
        continue
    if not j.get("risky"):
        print(f"MISS {e['id']} {r['lang']} {r['category']}: {r['text']}")
for e in d:
    r, j = e["row"], e["out"]
    if r["label"] == "risky" and j.get("risky") and not j.get("suggestions"):
        rules = [(f["rule"], f.get("rewritable")) for f in j["findings"]]
        print(f"NOSUG {e['id']} {r['lang']} {r['category']}: {r['text']}  {rules}")
