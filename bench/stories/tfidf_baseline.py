#!/usr/bin/env python3
"""The baseline the issue compares with: a plain TF-IDF cosine (lower-cased words, a short
stopword list, idf over both shared corpora), correlated with the hand ratings.

  tfidf_baseline.py RATED.tsv
"""
import collections, gzip, json, math, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pearson import pearson  # noqa: E402
from pairs_jsonl import load  # noqa: E402

STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being
that this these those it its he she they we you i his her their our your them him us me my not no
has have had do does did will would can could should may might must shall than then there here
about after before over under into out up down off again more most other some such only own same so
too very s t just also said says say mr ms mrs one two new who whom which what when where why how all
any both each few nor while during against between through because until""".split())

def words(t):
    return [w for w in re.findall(r"[a-z][a-z'-]+", t.lower()) if w not in STOP and len(w) > 2]

def main():
    docs = load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared"))
    texts = {k: v[0] + "\n" + v[1] for k, v in docs.items()}
    df = collections.Counter()
    for t in texts.values():
        df.update(set(words(t)))
    n = len(texts)

    def vec(t):
        tf = collections.Counter(words(t))
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        return {w: x / norm for w, x in v.items()}

    xs, ys = [], []
    for line in open(sys.argv[1]):
        if not line.strip() or line.startswith("#"):
            continue
        _, a, b, r = line.rstrip("\n").split("\t")[:4]
        va, vb = vec(texts[a]), vec(texts[b])
        xs.append(sum(x * vb.get(w, 0) for w, x in va.items()))
        ys.append(-float(r))
    print(f"plain tf-idf cosine: {len(xs)} pairs  pearson {pearson(xs, ys):.3f}")

main()
