"""The statement stage on a local Dask cluster of two worker processes gives the map the
single process gives, stories and independent origins included (docs/cluster.md)."""

import json
import os
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")

import faultline  # noqa: E402
import faultline.cluster  # noqa: E402

EXAMPLES = os.path.join(os.environ["FAULTLINE_SOURCE_DIR"], "examples")
BINARY = os.environ["FAULTLINE_BINARY"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _cli_map(*extra):
    return json.loads(subprocess.run([BINARY, "map", EXAMPLES, "--format", "json", *extra], check=True,
                                     capture_output=True, text=True).stdout)


def test_two_workers_give_the_single_process_map(client):
    # Small chunks so that both workers get several tasks, and relays of one report fall
    # into different chunks: their story is found after gathering.
    r = faultline.cluster.run(client, [EXAMPLES], chunk_size=3)
    assert r.chunks >= 4
    assert r.problems == []
    single = _cli_map()
    # Stories matter on this corpus: some cell counts fewer origins than documents.
    assert single != _cli_map("--no-stories")
    assert r.map == single
    assert len({w for w in client.run(lambda: 1)}) == 2  # two workers answered


def test_without_stories_each_document_is_its_own_origin(client):
    r = faultline.cluster.run(client, [EXAMPLES], chunk_size=4, stories=False)
    assert r.map == _cli_map("--no-stories")


def test_documents_in_memory_are_sent_to_the_workers(client):
    docs = faultline.read(EXAMPLES)
    r = faultline.cluster.run(client, documents=docs, chunk_size=5)
    assert r.map == _cli_map()
    assert faultline.cluster.run(client, documents=docs, chunk_size=5, stories=False).map == \
        faultline.map(faultline.Engine().statements(docs))


def test_the_command_runs_on_a_scheduler_of_other_processes(client, tmp_path):
    # `python3 -m faultline.cluster --scheduler ...` as docs/cluster.md gives it, against
    # workers started apart from it (their __main__ is not the command's): tasks must
    # travel by their module's name.
    out = tmp_path / "map.json"
    subprocess.run([sys.executable, "-m", "faultline.cluster", "--scheduler", client.scheduler.address, EXAMPLES,
                    "--chunk-size", "5", "-o", str(out)], check=True, capture_output=True, text=True, timeout=300)
    assert json.loads(out.read_text()) == _cli_map()
