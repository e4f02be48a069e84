#!/usr/bin/env python3
"""Statements JSONL for a big map: N actors, 6 statements each on 20 issues from 30 outlets,
dated over two years (so some actors change sides), as `faultline statements --format jsonl`
writes them. Deterministic. For the HTML report's size on big maps (docs/security.md):

    python3 bench/big_map.py 10000 > /tmp/s10k.jsonl
    faultline map --statements /tmp/s10k.jsonl --no-stories --format html -o /tmp/m.html
"""
import json
import random
import sys


def main():
    actors = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    per_actor = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    rng = random.Random(12)
    doc = 0
    for a in range(actors):
        actor = f"A{a:05d}"
        # A few actors speak much more often: the heat map keeps the best evidenced.
        n = per_actor * (5 if a % 97 == 0 else 1)
        for k in range(n):
            issue = f"issue{(a + 3 * k) % 20:02d}"
            stance = 1 if (a // 2 + k // 4) % 2 else -1
            month = 1 + (k * 5 + a) % 24
            doc += 1
            print(json.dumps({
                "doc": f"d{doc}", "actor": actor, "issue": issue, "stance": stance,
                "evidence": f"{actor} said <b>it</b> & \"more\" on {issue} ({rng.random():.6f}).",
                "rule": "generated", "cue": "said",
                "date": f"{2023 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-15",
                "outlet": f"Outlet {(a * 7 + k) % 30:02d}", "title": f"Report {doc}"}))


if __name__ == "__main__":
    main()
