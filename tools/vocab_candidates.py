#!/usr/bin/env python3
"""Candidate cue and codebook vocabulary from real coverage, ranked by document frequency.

An offline aid for reviewing data/cues/en.yaml and data/codebooks/*.yaml: nothing it prints
ships unreviewed. Three steps, the middle one by faultline itself:

  1. select: the sentences of a corpus that hold an issue word (a codebook term's head noun
     or one of NEAR_NOUNS below), one JSON line per sentence, id "DOC|N":
       tools/vocab_candidates.py select CORPUS.jsonl.gz > /tmp/sent.jsonl
  2. faultline parses them and finds their actor mentions:
       faultline parse /tmp/sent.jsonl --threads 2 > /tmp/sent.conllu
       faultline actors /tmp/sent.jsonl > /tmp/sent-actors.jsonl
  3. rank: among the sentences that name an actor and gave no statement on the whole
     document (STATEMENTS.jsonl, from `faultline statements`), the words that govern an issue
     word in the parse (its head for obj, nsubj:pass, nmod, obl, ...) and the noun phrases
     headed by an issue word that are no codebook term, counted in documents:
       tools/vocab_candidates.py rank /tmp/sent.conllu /tmp/sent-actors.jsonl STATEMENTS.jsonl

Words already in the cue lexicon or an issue's acts are marked `known`.

A narrower list comes from `faultline statements CORPUS --explain` (stderr): its sentences
that name an actor and hold an issue term but no cue at all, with the word that governs the
term in the parse:
       faultline statements CORPUS --explain -o /dev/null 2> /tmp/x.txt
       tools/vocab_candidates.py uncued /tmp/x.txt > /tmp/uncued.jsonl
       faultline parse /tmp/uncued.jsonl --threads 2 > /tmp/uncued.conllu
       tools/vocab_candidates.py governors /tmp/uncued.jsonl /tmp/uncued.conllu
"""
import collections
import gzip
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CUES = os.path.join(ROOT, "data", "cues", "en.yaml")
CODEBOOK = os.path.join(ROOT, "data", "codebooks", "security.yaml")

# Head nouns near the issues that the codebook may not list as terms.
NEAR_NOUNS = {
    "funding": "aid", "funds": "aid", "money": "aid", "grant": "aid", "grants": "aid",
    "assistance": "aid", "support": "aid", "package": "aid", "aid": "aid", "loans": "aid",
    "weaponry": "arms", "equipment": "arms", "systems": "arms", "rockets": "arms",
    "launchers": "arms", "vehicles": "arms", "arsenal": "arms",
    "troops": "nato-posture", "forces": "nato-posture", "deployment": "nato-posture",
    "deployments": "nato-posture", "presence": "nato-posture", "battalion": "nato-posture",
    "brigade": "nato-posture", "bases": "nato-posture", "exercises": "nato-posture",
    "penalties": "sanctions", "restrictions": "sanctions", "measures": "sanctions",
    "tariffs": "sanctions", "blacklist": "sanctions", "ban": "sanctions",
    "peace": "talks", "settlement": "talks", "summit": "talks", "meeting": "talks",
    "membership": "ukraine-nato", "accession": "nato-enlargement",
    "guarantees": "guarantees", "assets": "frozen-assets", "pipeline": "nord-stream",
    "spending": "defence-spending", "budget": "defence-spending",
}
# Documents of the debate: the war's sides or NATO named at least three times.
DEBATE = re.compile(r"Ukrain|Russia|NATO|Kremlin|Putin|Kyiv|Kiev|Zelensk")
# Codebook head words too general to pick sentences by.
GENERAL = {"status", "country", "state", "process", "document", "text", "act", "door", "policy",
           "plan", "plans", "deal", "deals", "agreement", "agreements", "project", "formula"}
ISSUE_DEPRELS = {"obj", "nsubj:pass", "nmod", "obl", "nsubj", "iobj", "xcomp", "conj", "appos"}


def load_vocab():
    """(term phrases by issue, head nouns by issue, known cue and act words)."""
    cues = yaml.safe_load(open(CUES))
    book = yaml.safe_load(open(CODEBOOK))
    terms, heads = {}, dict(NEAR_NOUNS)
    known = set()
    for issue in book["issues"]:
        for t in issue.get("terms", []) + issue.get("topic_terms", []):
            if "{" in t:
                continue
            t = t.lower()
            terms[t] = issue["id"]
            last = t.split()[-1]
            if last.isalpha() and len(last) > 2 and last not in GENERAL | {"the", "war"}:
                heads.setdefault(last, issue["id"])
                heads.setdefault(last + "s", issue["id"])
        for act in issue.get("acts", []):
            for v in act.get("verbs", []) + act.get("nouns", []):
                known.add(v.split()[0].lower())
    for cls in ("support", "oppose"):
        for kind in ("verbs", "nouns", "phrases"):
            for c in cues[cls].get(kind, []):
                known.add(str(c).split()[0].lower())
    for c in cues.get("carrier_verbs", []):
        known.add(c)
    return terms, heads, known


def sentences(text):
    # White House transcripts wrap lines inside sentences: paragraphs end at blank lines.
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        for s in re.split(r'(?<=[.!?])\s+(?=["“A-Z])', para):
            if 20 <= len(s) <= 600:
                yield s


def select(path):
    _, heads, _ = load_vocab()
    words = re.compile(r"\b(" + "|".join(sorted(map(re.escape, heads), key=len, reverse=True)) + r")\b", re.I)
    opener = gzip.open if path.endswith(".gz") else open
    for line_no, line in enumerate(opener(path, "rt", encoding="utf-8"), 1):
        rec = json.loads(line)
        text = rec.get("text") or rec.get("content_original") or rec.get("content") or ""
        if len(DEBATE.findall(text)) < 3:
            continue
        doc = rec.get("ID") or rec.get("id") or "%s-%d" % (os.path.basename(path).split(".")[0], line_no)
        for n, s in enumerate(sentences(text)):
            if words.search(s):
                print(json.dumps({"id": "%s|%d" % (doc, n), "text": s}, ensure_ascii=False))


def read_conllu(path):
    doc, sent, text = None, [], ""
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id = "):
            doc = line[len("# newdoc id = "):]
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line:
            if sent:
                yield doc, text, sent
            sent = []
        elif not line.startswith("#"):
            c = line.split("\t")
            if c[0].isdigit():
                sent.append({"form": c[1], "lemma": c[2].lower(), "upos": c[3], "head": int(c[6]) - 1, "rel": c[7]})
    if sent:
        yield doc, text, sent


def noun_phrase(sent, i):
    """The words of the noun phrase headed by token i: its compounds, adjectives and itself."""
    keep = [j for j, t in enumerate(sent) if t["head"] == i and t["rel"] in ("compound", "amod", "flat") and j < i]
    if not keep:
        return None
    return " ".join(sent[j]["form"].lower() for j in range(min(keep), i + 1))


def rank(conllu, actors_path, statements_path, top=60):
    terms, heads, known = load_vocab()
    with_actor = set()
    for line in open(actors_path, encoding="utf-8"):
        m = json.loads(line)
        if m.get("actors"):
            with_actor.add(m.get("doc") or m.get("doc_id") or m.get("document"))
    evidence = collections.defaultdict(list)
    for line in open(statements_path, encoding="utf-8"):
        s = json.loads(line)
        evidence[s.get("doc")].append(" ".join((s.get("evidence") or "").split()))
    governors, phrases = collections.defaultdict(set), collections.defaultdict(set)
    examples = {}
    for sid, text, sent in read_conllu(conllu):
        if sid not in with_actor:
            continue
        doc = sid.rsplit("|", 1)[0]
        if any(e and (e in text or text in e) for e in evidence.get(doc, ())):
            continue
        low = text.lower()
        for i, t in enumerate(sent):
            issue = heads.get(t["form"].lower()) or heads.get(t["lemma"])
            if not issue or t["upos"] not in ("NOUN", "PROPN"):
                continue
            h = t["head"]
            if 0 <= h < len(sent) and t["rel"] in ISSUE_DEPRELS:
                g = sent[h]
                key = (issue, g["lemma"], g["upos"], t["rel"], "known" if g["lemma"] in known else "new")
                governors[key].add(doc)
                examples.setdefault(key, text)
            np = noun_phrase(sent, i)
            if np and np not in terms and not any(x in low and np in x for x in terms):
                key = (issue, np)
                phrases[key].add(doc)
                examples.setdefault(key, text)
    print("== governors of issue words (issue, lemma, upos, relation, known?) by documents")
    for key, docs in sorted(governors.items(), key=lambda kv: -len(kv[1]))[:top * 3]:
        if len(docs) >= 3:
            print("%4d  %-18s %-14s %-5s %-10s %s | %s" % ((len(docs),) + key + (examples[key][:140],)))
    print("\n== noun phrases headed by an issue word, not codebook terms, by documents")
    for key, docs in sorted(phrases.items(), key=lambda kv: -len(kv[1]))[:top * 2]:
        if len(docs) >= 3:
            print("%4d  %-18s %-40s | %s" % (len(docs), key[0], key[1], examples[key][:120]))


MARKUP = re.compile(r"<[^>]*>|\[[A-Z0-9,]*,\]|\{\d+q?\}|^S\d+ |\s+speaker=\S+$")


def uncued(explain_path):
    """Explained sentences with an actor and a term but no cue: text and the term's first words."""
    doc = None
    for line in open(explain_path, encoding="utf-8", errors="replace"):
        if line.startswith("# "):
            doc = line[2:].strip().rsplit("#", 1)[-1]
            continue
        if not re.match(r"S\d+ ", line) or "<C" in line or not re.search(r"\[[A-Z]", line):
            continue
        terms = [(m.group(1), m.group(2)) for m in re.finditer(r"(\S+)<T:([a-z0-9-]+)>", line)
                 if m.group(2) != "proform"]
        if not terms:
            continue
        text = " ".join(MARKUP.sub(" ", line.strip()).replace("|", " ").split())
        print(json.dumps({"id": "%s|%s" % (doc, line.split()[0]), "text": text,
                          "terms": terms}, ensure_ascii=False))


def governors_of_terms(sent_path, conllu):
    terms = {}
    for line in open(sent_path, encoding="utf-8"):
        r = json.loads(line)
        terms[r["id"]] = r["terms"]
    _, _, known = load_vocab()
    count, examples = collections.defaultdict(set), {}
    for sid, text, sent in read_conllu(conllu):
        doc = sid.rsplit("|", 1)[0]
        for word, issue in terms.get(sid, ()):
            i = next((j for j, t in enumerate(sent) if t["form"].lower() == word), None)
            if i is None:
                continue
            # the term's head: climb compounds and adjectives to the noun they modify
            while sent[i]["rel"] in ("compound", "amod", "flat") and sent[i]["head"] >= 0:
                i = sent[i]["head"]
            h = sent[i]["head"]
            if h < 0:
                continue
            g = sent[h]
            key = (issue, g["lemma"], g["upos"], sent[i]["rel"], "known" if g["lemma"] in known else "new")
            count[key].add(doc)
            examples.setdefault(key, text)
    for key, docs in sorted(count.items(), key=lambda kv: -len(kv[1])):
        if len(docs) >= 2:
            print("%4d  %-18s %-14s %-5s %-10s %-5s | %s" % ((len(docs),) + key + (examples[key][:130],)))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "uncued":
        uncued(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 4 and sys.argv[1] == "governors":
        governors_of_terms(sys.argv[2], sys.argv[3])
        sys.exit(0)
    if len(sys.argv) == 3 and sys.argv[1] == "select":
        select(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "rank":
        rank(*sys.argv[2:])
    else:
        sys.exit(__doc__)
