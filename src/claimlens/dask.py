"""claimlens beyond one machine: the extractor mapped over a Dask bag (extra ``claimlens[dask]``).

::

    import glob, json
    import dask.bag as db
    from dask.distributed import Client
    from claimlens.dask import extract_bag

    client = Client("tcp://scheduler:8786")
    paths = db.from_sequence(sorted(glob.glob("/data/news/**/*.txt", recursive=True)), partition_size=64)
    extract_bag(paths).map(json.dumps).to_textfiles("/data/claims/*.jsonl")

Each worker process loads the pipeline once, on its first partition, and keeps it; a partition
is analysed as one shard of the batch loop (:func:`claimlens.batch.analyse_shard`): read, parse
with ``nlp.pipe``, records. Paths are read on the workers, so they must see the files. Run
workers with one thread each (``dask worker --nthreads 1``, ``LocalCluster(threads_per_worker=1)``):
a spaCy pipeline is not meant to be shared by threads.

:func:`extract_store` writes the records as a corpus store of Parquet files (the tables of
:mod:`claimlens.store`), which ``claimlens corpus`` and DuckDB read.
"""
from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Any, Literal

try:
    import dask.bag as db
except ImportError as err:  # pragma: no cover - depends on the installed extras
    raise ImportError("claimlens.dask needs Dask: pip install 'claimlens[dask]'") from err

from . import batch, io

_LOCK = threading.Lock()


@cache
def _cached(model: str | None):
    from .api import Extractor

    return Extractor(model)


def worker_extractor(model: str | None = None):
    """This process's :class:`~claimlens.Extractor` for ``model``, loaded on first use."""
    with _LOCK:
        return _cached(model)


def _task(item: Any, texts: bool) -> batch.Task:
    if texts:
        text, doc_id = (item, "") if isinstance(item, str) else item
        return batch.Task(batch.Input(doc_id, None), document=io.Document.from_text(text, doc_id))
    path = str(item)
    return batch.Task(batch.Input(path, io.Source(path, Path(path))))


def _partition(items, texts: bool, model: str | None, batch_size: int, errors: str) -> list[dict[str, Any]]:
    outcomes = batch.analyse_shard(worker_extractor(model), [_task(i, texts) for i in items], batch_size)
    out = []
    for outcome in outcomes:
        if outcome.error is not None:
            if errors == "raise":
                raise outcome.error
            out.append(batch.failure(outcome))
        else:
            out.append(outcome.record)
    return out


def extract_bag(bag: db.Bag, *, texts: bool = False, model: str | None = None,
                batch_size: int = batch.BATCH_SIZE, errors: Literal["raise", "keep"] = "raise") -> db.Bag:
    """A bag of records (dicts of the contract, as ``claimlens extract`` writes them), one per
    item of ``bag``, in the same order.

    Items are paths to articles, or with ``texts`` the articles themselves: a text, or a
    ``(text, doc_id)`` pair. With ``errors="raise"`` a document that fails raises its
    :class:`~claimlens.ClaimlensError` (and the computation stops); with ``"keep"`` it yields
    ``{"doc_id", "code", "message"}`` in its place, as ``claimlens extract --errors`` writes.
    """
    if errors not in ("raise", "keep"):
        raise ValueError(f"errors must be 'raise' or 'keep', not {errors!r}")
    return bag.map_partitions(_partition, texts=texts, model=model, batch_size=batch_size, errors=errors)


def extract_store(bag: db.Bag, folder: str | Path, *, texts: bool = False, model: str | None = None,
                  batch_size: int = batch.BATCH_SIZE, window: int = 8) -> list[dict[str, str]]:
    """Analyse ``bag`` (as :func:`extract_bag`) and write its records to ``folder`` as a corpus
    store of Parquet files, one per table (extra ``store``). The workers analyse; this process
    is the one writer, taking ``window`` partitions at a time in the bag's order, so memory stays
    bounded. Returns the failures (``{"doc_id", "code", "message"}``), which have no rows."""
    import dask

    from .store import ParquetSink

    parts = extract_bag(bag, texts=texts, model=model, batch_size=batch_size, errors="keep").to_delayed()
    failures = []
    with ParquetSink(folder) as sink:
        for i in range(0, len(parts), window):
            for records in dask.compute(*parts[i:i + window]):
                for record in records:
                    if "statements" not in record:
                        failures.append(record)
                        continue
                    doc_id = record["doc_id"]
                    source = None if texts else io.Source(doc_id, Path(doc_id))
                    outcome = sink.write(batch.Outcome(batch.Input(doc_id, source), record=record,
                                                       words=len(record["text"].split())))
                    if outcome.error is not None:
                        failures.append(batch.failure(outcome))
        sink.finish()
    return failures
