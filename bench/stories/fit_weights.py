#!/usr/bin/env python3
"""Fits the weights of data/stories/similarity.yaml to hand-rated pairs.

  fit_weights.py RATED.tsv EXPLAINED.jsonl

EXPLAINED.jsonl is `faultline stories --score-pairs PAIRS --explain` output. The target
is (4 - rating) / 3, so 1 = the same story; the features are those ScorePair combines
(square roots of the cosines, the shared-figure fraction). Pairs the score overrides
(near copies) or shrinks (stub texts) are left out of the fit. Prints the weights, and
the Pearson correlation of the whole score in 10-fold cross-validation on these pairs.
"""
import json, math, random, sys

FEATURES = ["text", "lead", "names", "numbers"]

def feats(e):
    return [1.0] + [math.sqrt(max(0.0, e[k])) if k != "numbers" else e[k] for k in FEATURES]

def solve(A, b):
    n = len(A); M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c])); M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] if abs(M[i][i]) > 1e-12 else 0.0 for i in range(n)]

def fit(X, y, ridge=0.01):
    d = len(X[0])
    A = [[sum(x[i] * x[j] for x in X) + (ridge if i == j and i > 0 else 0) for j in range(d)] for i in range(d)]
    return solve(A, [sum(x[i] * t for x, t in zip(X, y)) for i in range(d)])

def pearson(x, y):
    n = len(x); mx = sum(x) / n; my = sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    return sxy / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))

def final(w, e, linear_only=False):
    # The adjustments of ScorePair that do not depend on the weights, replayed.
    s = sum(a * b for a, b in zip(w, feats(e))) - e["time_penalty"]
    if e["shrunk"]:
        t = min(1.0, e["min_words"] / 50.0); s = 0.45 + (s - 0.45) * t
    if e["near_copy"]:
        s = max(s, 0.95)
    return min(1.0, max(0.0, s))

def main():
    rated = {}
    for line in open(sys.argv[1]):
        if line.strip() and not line.startswith("#"):
            p = line.rstrip("\n").split("\t"); rated[p[0]] = float(p[3])
    rows = []
    for line in open(sys.argv[2]):
        j = json.loads(line)
        if j["id"] in rated:
            rows.append((j["explain"], (4 - rated[j["id"]]) / 3))
    train = [(e, y) for e, y in rows if not e["near_copy"] and not e["shrunk"]]
    w = fit([feats(e) for e, _ in train], [y for _, y in train])
    print("weights:", {k: round(v, 3) for k, v in zip(["intercept"] + FEATURES, w)})
    print("in-sample pearson:", round(pearson([final(w, e) for e, _ in rows], [y for _, y in rows]), 3))
    idx = list(range(len(rows))); random.Random(14).shuffle(idx); pred = [0.0] * len(rows)
    for k in range(10):
        test = set(idx[k::10])
        tr = [rows[i] for i in idx if i not in test and not rows[i][0]["near_copy"] and not rows[i][0]["shrunk"]]
        wk = fit([feats(e) for e, _ in tr], [y for _, y in tr])
        for i in test:
            pred[i] = final(wk, rows[i][0])
    print("10-fold cross-validated pearson:", round(pearson(pred, [y for _, y in rows]), 3))

main()
