#!/usr/bin/env python3
"""Structural checks GraphML readers rely on (what graphml.xsd and its key/keyref
constraints would catch): the graphml root in the GraphML namespace, <key> elements
(with attr.name and a known attr.type) before any <graph>, data keys declared for the
element kind they annotate, unique node ids, edge endpoints that exist in the graph,
typed values that parse. Prints one line per problem and exits 1 if there was any."""
import sys
import xml.etree.ElementTree as ET

NS = "http://graphml.graphdrawing.org/xmlns"
TYPES = {"boolean", "int", "long", "float", "double", "string"}


def q(tag):
    return "{%s}%s" % (NS, tag)


def main(path):
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != q("graphml"):
        problems.append("root is %s, not graphml in %s" % (root.tag, NS))
    keys = {}
    seen_graph = False
    for child in root:
        if child.tag == q("key"):
            if seen_graph:
                problems.append("key %s after a graph" % child.get("id"))
            kid = child.get("id")
            if kid in keys:
                problems.append("key %s declared twice" % kid)
            if not child.get("attr.name"):
                problems.append("key %s has no attr.name" % kid)
            if child.get("attr.type") not in TYPES:
                problems.append("key %s has attr.type %s" % (kid, child.get("attr.type")))
            keys[kid] = (child.get("for", "all"), child.get("attr.type"))
        elif child.tag == q("graph"):
            seen_graph = True
        elif child.tag not in (q("desc"), q("data")):
            problems.append("unexpected element %s under graphml" % child.tag)
    graphs = root.findall(q("graph"))
    if not graphs:
        problems.append("no graph")
    all_ids = set()
    for g in graphs:
        if g.get("edgedefault") not in ("directed", "undirected"):
            problems.append("graph %s: edgedefault %s" % (g.get("id"), g.get("edgedefault")))
        nodes = set()
        for n in g.findall(q("node")):
            nid = n.get("id")
            if nid in all_ids:
                problems.append("node id %s repeated" % nid)
            nodes.add(nid)
            all_ids.add(nid)
        for e in g.findall(q("edge")):
            for end in ("source", "target"):
                if e.get(end) not in nodes:
                    problems.append("graph %s: edge %s %s %s is not a node" % (g.get("id"), e.get("id"), end, e.get(end)))
        for kind in ("node", "edge"):
            for el in g.findall(q(kind)):
                for d in el.findall(q("data")):
                    k = d.get("key")
                    if k not in keys:
                        problems.append("data key %s undeclared" % k)
                        continue
                    target, typ = keys[k]
                    if target not in (kind, "all"):
                        problems.append("data key %s is for %s, used on %s" % (k, target, kind))
                    text = d.text or ""
                    try:
                        if typ in ("int", "long"):
                            int(text)
                        elif typ in ("float", "double"):
                            float(text)
                    except ValueError:
                        problems.append("data %s=%r is not %s" % (k, text, typ))
    for p in problems:
        print(p)
    print("graphs=%d nodes=%d" % (len(graphs), len(all_ids)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
