"""The Python module against the command line on the demo corpus: same documents, same
statements, same map; strings, dicts and DataFrames in; errors as FaultlineError."""

import json
import os
import subprocess

import pandas as pd
import pytest

import faultline

SOURCE = os.environ["FAULTLINE_SOURCE_DIR"]
BINARY = os.environ["FAULTLINE_BINARY"]
EXAMPLES = os.path.join(SOURCE, "examples")


@pytest.fixture(scope="module")
def engine():
    return faultline.Engine()  # loaded once for the module, as users should


@pytest.fixture(scope="module")
def docs():
    return faultline.read(EXAMPLES)


def cli(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True, text=True).stdout


def test_read_gives_the_documents_extract_gives(docs):
    lines = [json.loads(l) for l in cli("extract", EXAMPLES, "--format", "jsonl").splitlines()]
    assert [d["id"] for d in docs] == [l["id"] for l in lines]
    assert docs[0]["text"] == lines[0]["text"]


def test_statements_equal_the_command_line(engine, docs):
    mine = engine.statements(docs)
    theirs = [json.loads(l) for l in cli("statements", EXAMPLES).splitlines()]
    assert len(mine) == len(theirs) > 50
    for m, t in zip(mine, theirs):
        for key in ("doc", "actor", "issue", "stance", "evidence", "cue", "rule", "date", "outlet", "begin", "end"):
            assert m[key] == t[key], key


def test_a_string_is_a_document(engine, docs):
    doc = next(d for d in docs if engine.statements(d))
    from_text = engine.statements(doc["text"], id=doc["id"], date=doc["date"], outlet=doc["outlet"],
                                  url=doc["url"], title=doc["title"])
    assert [(s["actor"], s["issue"], s["stance"]) for s in from_text] == \
           [(s["actor"], s["issue"], s["stance"]) for s in engine.statements(doc)]


def test_dataframes_in_and_out(engine, docs):
    frame = pd.DataFrame(docs)
    df = engine.statements_frame(frame)
    assert isinstance(df, pd.DataFrame)
    assert len(df) == len(engine.statements(docs))
    assert set(df["stance"]) <= {1, -1}
    mentions = engine.actors_frame(frame.head(2))
    assert len(mentions) > 0
    first = docs[0]["text"].encode()
    for row in mentions[mentions["doc"] == docs[0]["id"]].itertuples():
        assert first[row.begin:row.end].decode() == row.surface


def test_map_equals_the_command_line(engine, docs):
    mine = faultline.map(engine.statements_frame(docs))
    # Statements alone cannot tell relays of one report apart: the module's map counts
    # every document as its own origin, as the command does with --no-stories.
    theirs = json.loads(cli("map", EXAMPLES, "--format", "json", "--no-stories"))
    assert mine == theirs


def test_errors_name_the_file(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("issues: [not, a, codebook\n")
    with pytest.raises(faultline.FaultlineError, match="broken.yaml"):
        faultline.Engine(codebook=bad)
    with pytest.raises(faultline.FaultlineError, match="missing.txt"):
        faultline.read(tmp_path / "missing.txt")
    assert faultline.read(tmp_path / "missing.txt", errors="ignore") == []


def test_the_data_directory_is_the_checkouts():
    assert os.path.samefile(faultline.data_dir(), os.path.join(SOURCE, "data"))
