#!/usr/bin/env python3
"""Pearson and Spearman correlation of `faultline stories --score-pairs` scores with
hand ratings (TSV: id, doc1, doc2, rating on SemEval-2022 Task 8's 1-4 scale, 1 = very
similar). Ratings are negated, so a good score correlates positively.

  pearson.py RATED.tsv SCORES.jsonl [--by-kind]
"""
import json, math, sys

def pearson(x, y):
    n = len(x); mx = sum(x) / n; my = sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x)); sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else float("nan")

def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i]); r = [0.0] * len(v); i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r

def main():
    rated = {}
    for line in open(sys.argv[1]):
        if line.strip() and not line.startswith("#"):
            p = line.rstrip("\n").split("\t")
            rated[p[0]] = (p[1], p[2], float(p[3]))
    scores = {}
    for line in open(sys.argv[2]):
        j = json.loads(line)
        scores[j["id"]] = j["score"]
    groups = {"all": list(rated)}
    if "--by-kind" in sys.argv:
        groups["news"] = [k for k, v in rated.items() if v[0].startswith("allsides") and v[1].startswith("allsides")]
        groups["official"] = [k for k, v in rated.items() if not (v[0].startswith("allsides") and v[1].startswith("allsides"))]
    for name, ids in groups.items():
        ids = [i for i in ids if i in scores]
        x = [scores[i] for i in ids]; y = [-rated[i][2] for i in ids]
        print(f"{name}: {len(ids)} pairs  pearson {pearson(x, y):.3f}  spearman {pearson(ranks(x), ranks(y)):.3f}")

if __name__ == "__main__":
    main()
