"""claimlens.dask against a real (local) Dask cluster: one worker process, two partitions."""
import pytest

pytest.importorskip("dask.distributed")

import dask.bag as db
from dask.distributed import Client, LocalCluster

from claimlens import ClaimlensError
from claimlens.dask import extract_bag

TEXTS = ["The mayor said the road was closed.\n", "Police denied the report.\n",
         "The minister said talks had failed.\n"]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture
def files(tmp_path):
    paths = []
    for i, text in enumerate(TEXTS):
        p = tmp_path / f"a{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)  # binary
    return paths, str(bad)


def test_paths_become_records_in_order_one_pipeline_per_worker(client, files, extractor):
    paths, bad = files
    bag = db.from_sequence(paths + [bad], npartitions=2)
    out = extract_bag(bag, errors="keep").compute()
    expected = [{**extractor(t, p).to_dict(), "encoding": "utf-8", "media_type": "text/plain"}
                for t, p in zip(TEXTS, paths)]
    assert out[:3] == expected
    assert out[3]["doc_id"] == bad and out[3]["code"] == "CL020" and "schema_version" not in out[3]
    loaded = client.run(lambda: __import__("claimlens.dask").dask._cached.cache_info().currsize)
    assert list(loaded.values()) == [1]


@pytest.mark.parametrize("items, ids", [
    (TEXTS, ["", "", ""]),
    ([(t, f"t{i}") for i, t in enumerate(TEXTS)], ["t0", "t1", "t2"]),
])
def test_texts_become_records(client, extractor, items, ids):
    out = extract_bag(db.from_sequence(items, npartitions=2), texts=True).compute()
    assert out == [extractor(t, i).to_dict() for t, i in zip(TEXTS, ids)]


def test_a_failure_raises_by_default(client, files):
    paths, bad = files
    with pytest.raises(ClaimlensError) as e:
        extract_bag(db.from_sequence([paths[0], bad], npartitions=1)).compute()
    assert e.value.code == "CL020"
    with pytest.raises(ValueError):
        extract_bag(db.from_sequence(paths), errors="ignore")
