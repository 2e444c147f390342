#!/usr/bin/env python3
"""Runs `check --jsonl` on a labelled TSV set (label lang category keep text reference)
and writes the first suggestion for every flagged risky message as id/lang/draft/rewrite
(for blind readers), plus detection figures on stdout and a JSON dump beside OUT.

  bot/tools/eval/blind.py SET.tsv OUT.tsv [JAR]
"""
import csv, json, subprocess, sys
from collections import Counter, defaultdict

src, out = sys.argv[1], sys.argv[2]
jar = sys.argv[3] if len(sys.argv) > 3 else "bot/target/coach.jar"
with open(src, newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
inp = "".join(r["text"].replace("\n", " ") + "\n" for r in rows)
p = subprocess.run(["java", "-jar", jar, "check", "--jsonl"], input=inp, capture_output=True, text=True)
res = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
assert len(res) == len(rows), (len(res), len(rows), p.stderr[-500:])
stat = defaultdict(Counter)
fp, pairs, dump = [], [], []
for i, (r, j) in enumerate(zip(rows, res), 1):
    lang = r["lang"]
    flagged = bool(j.get("risky"))
    sug = (j.get("suggestions") or [None])[0]
    dump.append({"id": i, "row": r, "out": j})
    if r["label"] == "risky":
        stat[lang]["risky"] += 1
        stat[lang]["tp"] += flagged
        stat[lang]["cat:" + r["category"] + ":n"] += 1
        stat[lang]["cat:" + r["category"] + ":tp"] += flagged
        if flagged and sug:
            pairs.append((i, lang, r["text"], sug))
            stat[lang]["sug"] += 1
    else:
        stat[lang][r["category"]] += 1
        if flagged:
            stat[lang]["fp"] += 1
            stat[lang]["fp:" + r["category"]] += 1
            fp.append((i, r["category"], r["text"], [x["rule"] for x in j["findings"]]))
for lang in sorted(stat):
    s = stat[lang]
    prec = s["tp"] / max(1, s["tp"] + s["fp"])
    print(f"{lang}: recall {s['tp']}/{s['risky']} = {s['tp']/max(1,s['risky']):.3f}, precision {prec:.3f}, "
          f"hard fp {s['fp:hard']}/{s['hard']}, safe fp {s['fp:safe']}/{s['safe']}, suggestions {s['sug']}")
    cats = sorted({k.split(':')[1] for k in s if k.startswith('cat:')})
    print("   " + ", ".join(f"{c} {s['cat:'+c+':tp']}/{s['cat:'+c+':n']}" for c in cats))
for f_ in fp:
    print("FP", *f_)
with open(out, "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
    w.writerow(["id", "lang", "draft", "rewrite"])
    for p_ in pairs:
        w.writerow(p_)
with open(out + ".json", "w") as f:
    json.dump(dump, f, ensure_ascii=False)
