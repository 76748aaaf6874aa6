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


def test_a_parquet_store_holds_what_a_duckdb_store_holds(client, files, extractor, tmp_path):
    pytest.importorskip("duckdb")
    from claimlens import batch
    from claimlens.corpus import top_speakers
    from claimlens.dask import extract_store
    from claimlens.store import TABLES, StoreSink, open_store

    paths, bad = files
    failures = extract_store(db.from_sequence(paths + [bad], npartitions=2), tmp_path / "c.parquet", window=1)
    assert [(f["doc_id"], f["code"]) for f in failures] == [(bad, "CL020")]
    assert sorted(p.name for p in (tmp_path / "c.parquet").iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    with StoreSink(tmp_path / "c.duckdb") as sink:
        for outcome in batch.run(batch.inputs(paths), sink, extractor=extractor, jobs=1):
            assert outcome.error is None
    parquet, duck = open_store(tmp_path / "c.parquet"), open_store(tmp_path / "c.duckdb")
    for table in TABLES:
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert parquet.execute(query).fetchall() == duck.execute(query).fetchall(), table
    assert top_speakers(parquet) == top_speakers(duck)
