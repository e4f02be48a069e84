#!/usr/bin/env python3
"""Draws article pairs from ../shared/corpora for rating by hand (bench/stories/README.md).

Pairs are drawn across the whole range of similarity, so that a rating set covers
unrelated, same-topic and same-story pairs alike: candidate pairs (published at most
`--max-days` apart) are binned by a plain TF-IDF cosine and the same number is drawn
from each bin. The cosine is used for sampling only and is not written out, so that
whoever rates the pairs does not see it. Writes `pair_id<TAB>doc1<TAB>doc2` lines;
documents are named `allsides:ID` or `whitehouse:PATH`. Texts stay in ../shared.
"""
import argparse, gzip, json, math, random, re, collections, os, sys

STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being
that this these those it its he she they we you i his her their our your them him us me my not no
has have had do does did will would can could should may might must shall than then there here
about after before over under into out up down off again more most other some such only own same so
too very s t just also said says say mr ms mrs one two new who whom which what when where why how all
any both each few nor while during against between through because until""".split())

def words(text):
    return [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOP and len(w) > 2]

def load(shared):
    docs = []
    with gzip.open(os.path.join(shared, "corpora/allsides-intl/articles.jsonl.gz"), "rt") as f:
        for line in f:
            r = json.loads(line)
            if re.match(r"\d{4}-\d\d-\d\d$", r.get("date", "")):
                docs.append(("allsides:" + r["ID"], r["date"], r["title"] + "\n" + r["content_original"]))
    with gzip.open(os.path.join(shared, "corpora/whitehouse/documents.jsonl.gz"), "rt") as f:
        for line in f:
            r = json.loads(line)
            if r.get("date"):
                docs.append(("whitehouse:" + r["path"], r["date"][:10], r["title"] + "\n" + r["text"]))
    return docs

def day(d):
    y, m, dd = map(int, d.split("-"))
    return (y * 372 + m * 31 + dd)  # ordering and small gaps only

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../../shared"))
    ap.add_argument("--per-bin", type=int, default=25)
    ap.add_argument("--max-days", type=int, default=4)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--exclude", help="a rated TSV whose pairs are not drawn again")
    a = ap.parse_args()
    docs = load(a.shared)
    df = collections.Counter()
    vecs = []
    for _, _, text in docs:
        tf = collections.Counter(words(text))
        df.update(tf.keys())
        vecs.append(tf)
    n = len(docs)
    for i, tf in enumerate(vecs):
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vecs[i] = {w: x / norm for w, x in v.items()}
    order = sorted(range(n), key=lambda i: day(docs[i][1]))
    bins = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.01]
    found = collections.defaultdict(list)
    for k, i in enumerate(order):
        for j in order[k + 1:]:
            if day(docs[j][1]) - day(docs[i][1]) > a.max_days:
                break
            vi, vj = vecs[i], vecs[j]
            if len(vi) > len(vj):
                vi, vj = vj, vi
            c = sum(x * vj.get(w, 0) for w, x in vi.items())
            b = next(b for b in range(len(bins) - 1) if c < bins[b + 1])
            found[b].append((docs[i][0], docs[j][0]))
    skip = set()
    if a.exclude:
        for line in open(a.exclude):
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3:
                skip.add((p[1], p[2]))
    rnd = random.Random(a.seed)
    out = []
    for b in range(len(bins) - 1):
        cand = [p for p in found[b] if p not in skip]
        out += rnd.sample(cand, min(a.per_bin, len(cand)))
    rnd.shuffle(out)
    for k, (x, y) in enumerate(out):
        print(f"p{a.seed}-{k:03d}\t{x}\t{y}")

main()
