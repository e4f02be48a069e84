"""The statement stage on many machines with Dask distributed (docs/cluster.md).

One task per chunk of documents: each worker loads an Engine once (the knowledge base,
codebook and cue lexicon) and runs its chunks, returning the statements and each
document's story profile and sources; the client gathers them in input order, groups the
documents into stories and builds one map, the same as `faultline map` on one machine. Per-document work is
a pure function of (document, knowledge base, codebook), so the split cannot change it.

    from dask.distributed import Client
    import faultline.cluster
    client = Client("tcp://scheduler:8786")            # or Client(LocalCluster(...))
    result = faultline.cluster.run(client, ["/shared/corpus"], chunk_size=500)
    result.map                                         # dict, as `faultline map --format json`

From a shell: python3 -m faultline.cluster --scheduler tcp://scheduler:8786 /shared/corpus -o map.json

Files are read by the workers: every worker must see the paths (a shared filesystem, or the
same copy on each machine). Documents already in memory (dicts, a DataFrame) are sent to the
workers instead: run(client, documents=df).
"""

import argparse
import functools
import json
import sys
from dataclasses import dataclass, field

import faultline
from . import _faultline


@functools.lru_cache(maxsize=4)
def _engine(codebook, actors):
    # One Engine per worker process and setup, kept between tasks: loading takes about a
    # second, a chunk of documents a fraction of that.
    return faultline.Engine(codebook=codebook, actors=list(actors))


@functools.lru_cache(maxsize=4)
def _story_inputs(outlets):
    return _faultline.StoryInputs(list(outlets))


def _chunk_result(docs, problems, codebook, actor_files, outlets):
    # The statements of the chunk and, when stories are on (`outlets` is not None), what
    # the client needs to cluster its documents into stories: profiles and sources are
    # made here, next to the text, so only small records travel.
    engine = _engine(codebook, actor_files)
    statements, problems = [], list(problems)
    for doc in docs:
        try:
            statements.extend(engine.statements(doc))
        except faultline.FaultlineError as e:  # over its time budget: reported, skipped
            problems.append(str(e))
    records = None
    if outlets is not None:
        inputs = _story_inputs(outlets)
        records = [inputs.record(d) for d in docs]
    return statements, problems, records


# (Not "actors": Client.map takes that keyword for Dask actors.)
def _files_task(files, codebook, actor_files, max_file_mb, outlets):
    docs, problems = _faultline.read_documents(list(files), max_file_mb)
    return _chunk_result(docs, problems, codebook, actor_files, outlets)


def _documents_task(docs, codebook, actor_files, outlets):
    return _chunk_result(docs, [], codebook, actor_files, outlets)


@dataclass
class Result:
    statements: list            # every statement, in input order
    problems: list              # one line per file or document that could not be read
    chunks: int                 # tasks run
    map: dict = field(default_factory=dict)  # the map, as `faultline map --format json`


def _chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def run(client, paths=(), documents=None, chunk_size=200, codebook="", actors=(), window="month",
        max_file_mb=256.0, stories=True, outlets=()):
    """Statements of the files under `paths` (or of `documents`: dicts or a DataFrame),
    one Dask task per `chunk_size` documents, gathered into one map. With `stories` (as
    `faultline map` by default) the documents are grouped into stories on the client, from
    profiles the workers made, and cells count independent origins; `outlets` are extra
    known-outlet lists (`--outlets`), at the same path on every machine."""
    codebook = str(codebook) if codebook else ""
    actors = tuple(str(a) for a in actors)
    story_outlets = tuple(str(o) for o in outlets) if stories else None
    problems = []
    if documents is not None:
        docs = faultline._as_documents(documents)
        futures = client.map(_documents_task, _chunks(docs, chunk_size),
                             codebook=codebook, actor_files=actors, outlets=story_outlets, pure=False)
    else:
        files, problems = _faultline.list_inputs([str(p) for p in paths])
        futures = client.map(_files_task, _chunks(files, chunk_size), codebook=codebook, actor_files=actors,
                             max_file_mb=max_file_mb, outlets=story_outlets, pure=False)
    statements, records = [], []
    for part, part_problems, part_records in client.gather(futures):  # in submission order
        statements.extend(part)
        problems.extend(part_problems)
        records.extend(part_records or [])
    result = Result(statements=statements, problems=problems, chunks=len(futures))
    # Stories are assigned here, after gathering: a document's story depends on every
    # other document of the corpus (docs/cluster.md).
    result.map = json.loads(_faultline.map_json(statements, window, "", "",
                                                stories=records if stories else None, outlets=list(outlets)))
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m faultline.cluster",
                                 description="faultline's statement stage on a Dask cluster, one map out")
    ap.add_argument("paths", nargs="+", help="files or directories every worker can read")
    ap.add_argument("--scheduler", help="tcp://HOST:8786 (default: a local cluster on this machine)")
    ap.add_argument("--workers", type=int, default=2, help="local cluster only: worker processes")
    ap.add_argument("--chunk-size", type=int, default=200, help="documents (files) per task")
    ap.add_argument("--codebook", default="")
    ap.add_argument("--actors", action="append", default=[])
    ap.add_argument("--window", default="month")
    ap.add_argument("--outlets", action="append", default=[], help="extra known-outlet list, as for faultline map")
    ap.add_argument("--no-stories", action="store_true",
                    help="count every document as an independent origin (no story clustering)")
    ap.add_argument("-o", "--output", help="write the map JSON here (default: standard output)")
    ap.add_argument("--statements", help="also write the statements as JSONL here")
    a = ap.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    cluster = None if a.scheduler else LocalCluster(n_workers=a.workers, threads_per_worker=1)
    with Client(a.scheduler or cluster) as client:
        r = run(client, a.paths, chunk_size=a.chunk_size, codebook=a.codebook, actors=a.actors, window=a.window,
                stories=not a.no_stories, outlets=a.outlets)
    if cluster is not None:
        cluster.close()
    for p in r.problems:
        print(p, file=sys.stderr)
    out = open(a.output, "w") if a.output else sys.stdout
    json.dump(r.map, out, ensure_ascii=False)
    out.write("\n")
    if a.statements:
        with open(a.statements, "w") as f:
            for s in r.statements:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"{len(r.statements)} statements from {r.chunks} tasks", file=sys.stderr)
    return 1 if r.problems else 0


if __name__ == "__main__":
    # Run as `python3 -m faultline.cluster`, this file is __main__ and its tasks would be
    # pickled as __main__._files_task, which a worker (whose __main__ is dask-worker)
    # cannot find. The module as imported sends them as faultline.cluster.*.
    from faultline import cluster as _cluster

    sys.exit(_cluster.main())
