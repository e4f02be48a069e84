"""Build the blind set's articles and gold file from the shared corpora.

usage: build.py CORPORA_DIR BLIND_DIR OUT_DIR

The repository holds only which records make the set (documents.jsonl: file name, corpus, id)
and the gold statements (gold.jsonl: file, actor, issue, stance, and the evidence as offsets
into the record's text, in Unicode code points). This writes OUT_DIR/docs/FILE (a header of
url, title and date, a blank line, the record's text: the form `faultline` reads) and
OUT_DIR/gold.jsonl with the evidence text restored, in the format of the shared score.py.
A record that is missing or a gold line whose offsets fall outside its text is an error that
names it.
"""
import gzip
import json
import os
import sys

SOURCES = {
    # corpus folder -> (file, id field, text field)
    "allsides-intl": ("articles.jsonl.gz", "ID", "content_original"),
    "whitehouse": ("documents.jsonl.gz", "path", "text"),
}


def load_records(corpora, wanted):
    """The records named in `wanted` ({corpus: {id}}), as {(corpus, id): record}."""
    found = {}
    for corpus, ids in wanted.items():
        name, id_field, _ = SOURCES[corpus]
        path = os.path.join(corpora, corpus, name)
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get(id_field) in ids:
                    found[(corpus, rec[id_field])] = rec
    return found


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    corpora, blind, out = argv[1:]
    with open(os.path.join(blind, "documents.jsonl"), encoding="utf-8") as f:
        docs = [json.loads(l) for l in f if l.strip()]
    wanted = {}
    for d in docs:
        if d["corpus"] not in SOURCES:
            sys.exit(f"{blind}/documents.jsonl: {d['file']}: unknown corpus {d['corpus']!r}")
        wanted.setdefault(d["corpus"], set()).add(d["id"])
    records = load_records(corpora, wanted)
    os.makedirs(os.path.join(out, "docs"), exist_ok=True)
    texts = {}
    for d in docs:
        rec = records.get((d["corpus"], d["id"]))
        if rec is None:
            sys.exit(f"{corpora}/{d['corpus']}: no record {d['id']!r} (for {d['file']})")
        text = rec[SOURCES[d["corpus"]][2]]
        texts[d["file"]] = text
        date = (rec.get("date") or "")[:10]
        header = f"url: {rec.get('url', '')}\ntitle: {rec.get('title', '')}\ndate: {date}\n\n"
        with open(os.path.join(out, "docs", d["file"]), "w", encoding="utf-8") as f:
            f.write(header + text + "\n")
    with open(os.path.join(blind, "gold.jsonl"), encoding="utf-8") as f, \
         open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as g:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            s = json.loads(line)
            text = texts.get(s["file"])
            if text is None or not 0 <= s["begin"] < s["end"] <= len(text):
                sys.exit(f"{blind}/gold.jsonl:{n}: {s['file']}: no such document or offsets outside it")
            g.write(json.dumps({"doc": s["file"], "actor": s["actor"], "issue": s["issue"],
                                "stance": s["stance"], "evidence": text[s["begin"]:s["end"]]}) + "\n")
    # the statements the coders could not decide on: not scored, listed for the lenient count
    doubtful = os.path.join(blind, "doubtful.jsonl")
    if os.path.exists(doubtful):
        with open(doubtful, encoding="utf-8") as f, \
             open(os.path.join(out, "doubtful.jsonl"), "w", encoding="utf-8") as g:
            for line in f:
                if line.strip():
                    s = json.loads(line)
                    g.write(json.dumps({"doc": s["file"], "actor": s["actor"], "issue": s["issue"],
                                        "stance": s["stance"]}) + "\n")


if __name__ == "__main__":
    main(sys.argv)
