#!/usr/bin/env python3
"""Writes the `faultline stories --score-pairs` input for rated pairs (TSV: id, doc1, doc2,
rating) from the texts in ../shared/corpora, to standard output. The texts never enter
the project; only ids and ratings are kept here.

  --titles field   titles in title1/title2 (default)
  --titles text    the title as the first line of the text
  --titles none    text only
"""
import argparse, gzip, json, os, sys

def load(shared):
    docs = {}
    with gzip.open(os.path.join(shared, "corpora/allsides-intl/articles.jsonl.gz"), "rt") as f:
        for line in f:
            r = json.loads(line)
            docs["allsides:" + r["ID"]] = (r["title"], r["content_original"], r["date"])
    with gzip.open(os.path.join(shared, "corpora/whitehouse/documents.jsonl.gz"), "rt") as f:
        for line in f:
            r = json.loads(line)
            docs["whitehouse:" + r["path"]] = (r["title"], r["text"], r["date"][:10])
    return docs

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rated")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared"))
    ap.add_argument("--titles", choices=["field", "text", "none"], default="field")
    ap.add_argument("--no-dates", action="store_true")
    a = ap.parse_args()
    docs = load(a.shared)
    for line in open(a.rated):
        if not line.strip() or line.startswith("#"):
            continue
        pid, d1, d2 = line.split("\t")[:3]
        rec = {"id": pid}
        for k, d in (("1", d1), ("2", d2)):
            title, text, date = docs[d]
            if a.titles == "field":
                rec["title" + k] = title
                rec["text" + k] = text
            elif a.titles == "text":
                rec["text" + k] = title + "\n\n" + text
            else:
                rec["text" + k] = text
            if not a.no_dates and date:
                rec["date" + k] = date
        print(json.dumps(rec))

if __name__ == "__main__":
    main()
