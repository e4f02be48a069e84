"""The statement stage on a local Dask cluster of two worker processes gives the map the
single process gives (docs/cluster.md)."""

import json
import os
import subprocess

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


def test_two_workers_give_the_single_process_map(client):
    # Small chunks so that both workers get several tasks.
    r = faultline.cluster.run(client, [EXAMPLES], chunk_size=3)
    assert r.chunks >= 4
    assert r.problems == []
    # The gathered statements give the map without story clustering (--no-stories).
    single = json.loads(subprocess.run([BINARY, "map", EXAMPLES, "--format", "json", "--no-stories"], check=True,
                                       capture_output=True, text=True).stdout)
    assert r.map == single
    assert len({w for w in client.run(lambda: 1)}) == 2  # two workers answered


def test_documents_in_memory_are_sent_to_the_workers(client):
    docs = faultline.read(EXAMPLES)
    r = faultline.cluster.run(client, documents=docs, chunk_size=5)
    assert r.map == faultline.map(faultline.Engine().statements(docs))
