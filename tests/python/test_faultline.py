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


def test_an_agents_file_gives_the_cameo_code(tmp_path):
    agents = tmp_path / "test.agents.txt"
    agents.write_text("GOVERNMENT [~GOV]\nARMED_FORCES {} [~MIL]\n")
    fl = faultline.Engine(actors=[agents])
    s = fl.statements("The German government called for peace talks with Russia to end the war in Ukraine.", date="2022-05-10")
    germany = [x for x in s if x["actor"] == "DEU"]
    assert germany and germany[0]["cameo"] == "DEUGOV"
    assert all(m["cameo"] == "" for m in faultline.Engine().actors("The German government met."))
    # The frames keep the code too, beside the state.
    frame = fl.statements_frame("The German government called for peace talks with Russia to end the war in Ukraine.", date="2022-05-10")
    assert list(frame[frame["actor"] == "DEU"]["cameo"])[:1] == ["DEUGOV"]
    assert "cameo" in fl.actors_frame("The German government met.").columns


def test_extract_reads_content_in_memory_as_read_reads_the_file(docs):
    page = os.path.join(EXAMPLES, "ledger_2023-01-25_germany-leopard-us-abrams.html")
    [from_file] = faultline.read(page)
    with open(page, "rb") as f:
        content = f.read()
    name = "ledger_2023-01-25_germany-leopard-us-abrams"
    for data in (content, content.decode()):  # bytes and str
        [got] = faultline.extract(data, id=name)
        for key in ("id", "title", "date", "outlet", "author", "language", "text"):
            assert got[key] == from_file[key], key
    # A DataFrame of pages with their metadata columns: one document a row, the
    # metadata given overriding the page's; a url alone names the outlet by its domain.
    frame = pd.DataFrame([{"html": content, "id": "a", "outlet": "Ledger"},
                          {"html": content, "id": "b", "url": "https://edition.cnn.com/2023/01/25/x.html"}])
    a, b = faultline.extract(frame)
    assert (a["id"], a["outlet"], a["text"]) == ("a", "Ledger", from_file["text"])
    assert (b["id"], b["outlet"]) == ("b", "cnn.com")
    with pytest.raises(faultline.FaultlineError, match="binary data"):
        faultline.extract(b"\x00\x01\x02\x03")
    with pytest.raises(faultline.FaultlineError, match="'content'"):
        faultline.extract(pd.DataFrame([{"text": "no html here"}]))


def test_a_document_over_its_time_budget_is_a_problem_and_the_others_are_read(docs):
    # A microsecond of CPU time runs out in actor recognition, for every document.
    quick = faultline.Engine(max_doc_seconds=0.000001)
    with pytest.raises(faultline.FaultlineError, match=r"stopped in actor recognition .*--max-doc-seconds"):
        quick.statements(docs[:2])
    with pytest.warns(UserWarning, match="over the per-document limit of 1e-06 s"):
        assert quick.statements(docs[:2], errors="warn") == []
    assert quick.statements(docs[:2], errors="ignore") == []
