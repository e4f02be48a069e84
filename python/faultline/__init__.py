"""faultline from Python: who stands where on which issue, from news coverage.

An Engine loads the knowledge base, the codebook and the cue lexicon once; its methods take
text, document dicts, files or pandas DataFrames and return plain dicts, lists and
DataFrames::

    import faultline
    fl = faultline.Engine()                       # or Engine(codebook="my.yaml", actors=["x.yaml"])
    fl.statements("Germany opposes sending tanks, Scholz said.", date="2023-01-20")
    docs = faultline.read("corpus/")              # documents as dicts (text, HTML, JSONL, WARC, archives)
    page = faultline.extract(html, url="https://edition.cnn.com/x")  # the same from content in memory
    df = fl.statements_frame(docs)                # one row per statement
    faultline.map(df)                             # the map as `faultline map --format json` has it

Per document, work is a pure function of (document, knowledge base, codebook): an Engine is
read-only and releases the GIL, so threads, processes or Dask workers can share the work
(docs/python.md, docs/cluster.md).
"""

import json as _json
import os as _os

from . import _faultline

__version__ = _faultline.__version__
data_dir = _faultline.data_dir

_DOCUMENT_FIELDS = ("id", "file", "url", "title", "date", "outlet", "author", "language", "text")


class FaultlineError(ValueError):
    """A file or a document that faultline could not read (the message names it)."""


def read(paths, max_file_mb=256.0, errors="raise"):
    """Documents from files, directories or archives, as `faultline extract` reads them.

    `paths` is one path or a list. Problems are collected: with errors="raise" (default) the
    first raises FaultlineError after reading; "warn" prints them; "ignore" drops them.
    """
    if isinstance(paths, (str, _os.PathLike)):
        paths = [paths]
    docs, problems = _faultline.read_documents([_os.fspath(p) for p in paths], max_file_mb)
    _problems(problems, errors)
    return docs


def _problems(problems, errors):
    """errors="raise": the first problem raises (naming how many more); "warn": each warns."""
    if problems and errors == "raise":
        raise FaultlineError(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    if problems and errors == "warn":
        import warnings

        for p in problems:
            warnings.warn(p, stacklevel=3)


def extract(data, max_file_mb=256.0, errors="raise", **meta):
    """Documents from content already in memory, as `faultline extract` reads a file: HTML
    (main text, title, date, author, outlet), plain text, JSON Lines, WARC, gzip.

    `data` is a str or bytes (with optional id, url, date, outlet, title, author), a dict
    with a `content` (or `html`) field and those metadata, a list of them, or a DataFrame
    with a `content` (or `html`) column and optionally the metadata columns. Metadata given
    override what the content says; a url alone names the outlet. Returns document dicts
    as read() does; problems are handled as read() handles them.
    """
    docs, problems = [], []
    for content, fields in _contents(data, meta):
        name = fields.get("id") or "content"
        if isinstance(content, str):
            content = content.encode()
        got, bad = _faultline.extract_bytes(content, name, fields, max_file_mb)
        docs.extend(got)
        problems.extend(bad)
    _problems(problems, errors)
    return docs


def _contents(data, meta):
    """(content, metadata) pairs from extract()'s kinds of input."""
    if isinstance(data, (str, bytes)):
        return [(data, {k: str(v) for k, v in meta.items() if v is not None})]
    if isinstance(data, dict):
        fields = {k: str(v) for k, v in data.items() if k in _DOCUMENT_FIELDS and v is not None and v == v}
        content = data.get("content", data.get("html"))
        if content is None:
            raise FaultlineError("a document dict needs a 'content' (or 'html') field")
        return [(content, fields)]
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas DataFrame
        column = "content" if "content" in data.columns else "html"
        if column not in data.columns:
            raise FaultlineError("the DataFrame needs a 'content' (or 'html') column")
        pairs = []
        for i, row in enumerate(data.to_dict(orient="records")):
            fields = {k: str(v) for k, v in row.items() if k in _DOCUMENT_FIELDS and v is not None and v == v}
            fields.setdefault("id", str(i))
            pairs.append((row[column], fields))
        return pairs
    pairs = []
    for item in data:
        pairs.extend(_contents(item, meta))
    return pairs


def _as_documents(data, **meta):
    """A string, a dict, a list of either, or a DataFrame with a text column -> dicts."""
    if isinstance(data, str):
        doc = {"id": meta.pop("id", "text"), "text": data}
        doc.update({k: v for k, v in meta.items() if v is not None})
        return [doc]
    if isinstance(data, dict):
        return [data]
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas DataFrame
        if "text" not in data.columns:
            raise FaultlineError("the DataFrame needs a 'text' column")
        rows = data.to_dict(orient="records")
        docs = []
        for i, row in enumerate(rows):
            doc = {k: ("" if v is None or v != v else str(v)) for k, v in row.items() if k in _DOCUMENT_FIELDS}
            doc.setdefault("id", str(row.get("id", i)))
            docs.append(doc)
        return docs
    docs = []
    for item in data:
        docs.extend(_as_documents(item))
    return docs


class Engine:
    """The knowledge base, codebook and cue lexicon, loaded once (a second or so)."""

    def __init__(self, codebook="", actors=(), max_doc_seconds=60.0):
        """`max_doc_seconds`: CPU time one document's analysis may take (0: no limit), as
        the CLI's --max-doc-seconds."""
        try:
            self._engine = _faultline.Engine(_os.fspath(codebook) if codebook else "",
                                             [_os.fspath(a) for a in actors], float(max_doc_seconds))
        except ValueError as e:
            raise FaultlineError(str(e)) from None

    def statements(self, data, errors="raise", **meta):
        """Position statements of text (with optional id/date/outlet/title/url), a document
        dict, a list of them or a DataFrame: a list of dicts (actor, issue, stance, evidence,
        person, cameo, cue, rule, source, date, outlet, title, author, doc, begin, end).

        A document over the time budget gives no statements and is a problem, as for read():
        with errors="raise" (default) the first raises FaultlineError once every document is
        done; "warn" warns; "ignore" drops it."""
        out, problems = [], []
        for doc in _as_documents(data, **meta):
            try:
                out.extend(self._engine.statements(doc))
            except ValueError as e:
                problems.append(str(e))
        _problems(problems, errors)
        return out

    def actors(self, data, **meta):
        """Actor mentions (begin, end, surface, actors, person, role, kind, rule, doc)."""
        out = []
        for doc in _as_documents(data, **meta):
            out.extend(self._engine.actors(doc))
        return out

    def statements_frame(self, data, errors="raise", **meta):
        """statements() as a pandas DataFrame, one row per statement."""
        import pandas as pd

        columns = ["doc", "actor", "issue", "stance", "evidence", "person", "cameo", "cue", "rule", "confidence",
                   "source", "date", "outlet", "title", "author", "begin", "end"]
        return pd.DataFrame(self.statements(data, errors=errors, **meta), columns=columns)

    def actors_frame(self, data, **meta):
        """actors() as a pandas DataFrame, one row per mention."""
        import pandas as pd

        columns = ["doc", "begin", "end", "surface", "actors", "group", "person", "cameo", "role", "kind", "rule",
                   "ambiguous"]
        return pd.DataFrame(self.actors(data, **meta), columns=columns)


def map(statements, window="month", start="", end=""):  # noqa: A001 - the command's name
    """The map of statements (a list of dicts or a DataFrame of them) as a dict, exactly as
    `faultline map --format json` writes it: issues, cells, shifts, camps, outlets."""
    if hasattr(statements, "to_dict") and hasattr(statements, "columns"):
        statements = [{k: v for k, v in row.items() if v is not None and v == v}
                      for row in statements.to_dict(orient="records")]
    return _json.loads(_faultline.map_json(list(statements), window, start, end))
