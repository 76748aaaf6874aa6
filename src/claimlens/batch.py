"""Many articles at once: parallel, streamed, in input order, resumable.

The loop (:func:`run`)::

    inputs (sorted input order) ──▶ shards of ``batch_size`` ──▶ analyse_shard(): for each input
    io.read_source() once, skip it when its text hash matches the record already written
    (``--resume``), nlp.pipe() over the rest ──▶ Outcomes ──▶ a sink writes them in input order

With one job the shards run in this process. With N jobs they run in N worker processes
(forked from this process once the pipeline is loaded, so no worker loads it again; where fork is
not available each worker loads its own), at most ``2 N`` shards in flight: memory does not grow
with the number of documents, and outcomes come back in input order whatever N is.

A worker that dies (killed, out of memory, a crash in native code) does not stop the run: each
shard it held is analysed again, alone, in a fresh worker; a shard that kills that one too is
analysed one document per fresh worker, and a document that still kills its worker fails alone
(CL012). Every input gets exactly one outcome.

What the loop yields goes to a sink (:mod:`claimlens.sinks`, re-exported here): a file, a folder
of files, or a stream.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import io
from .errors import ClaimlensError
from .records import Article, text_sha256
from .sinks import (CsvSink, ErrorLog, FolderSink, HtmlSink, JsonLinesSink, JsonSink,  # noqa: F401  (re-exported)
                    OutputLock, Sink, TableSink, failure, file_identity, scan_jsonl)

BATCH_SIZE = 4
"""Documents per shard: the unit handed to a worker and to ``nlp.pipe``."""


@dataclass(frozen=True)
class Input:
    """One document to analyse, in input order.

    ``rel`` is where its record goes inside an output folder: the path inside the folder given,
    the file's name for a file given, ``stdin`` for stdin. ``error`` is set when the path named
    no article (then ``source`` is None).
    """

    doc_id: str
    source: io.Source | None
    rel: str = ""
    error: ClaimlensError | None = None


@dataclass(frozen=True)
class Task:
    """What a worker needs for one input: the input, its document when the parent already read it
    (stdin, which a worker cannot read), and the ``text_sha256`` of the record already written
    for it (``--resume``), if any."""

    input: Input
    document: io.Document | None = None
    known: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one input: a ``record`` (a dict of the contract), or ``kept`` (resuming: the
    record already written is current), or an ``error``, or none of them when the input was
    skipped (claimlens's own output, CL024, in ``warnings``). ``words`` counts the text's
    white-space separated words; ``warnings`` are not failures (an empty document)."""

    input: Input
    record: dict[str, Any] | None = None
    error: ClaimlensError | None = None
    kept: bool = False
    words: int = 0
    warnings: tuple[ClaimlensError, ...] = ()

    @property
    def doc_id(self) -> str:
        return self.input.doc_id


def inputs(paths: Iterable[str], outputs: Iterable[str | Path] = ()) -> list[Input]:
    """The documents named by ``paths`` (see :func:`claimlens.io.discover`), in order.

    ``outputs`` are the files the run writes, which it never reads: CL007 (before anything is
    written) when one is an input, the same file by another path, through a link, or as stdin;
    except that a file a folder search finds that is one of them and is empty or already holds
    claimlens's output (:func:`claimlens.io.own_output`) is left out.
    """
    files = {ident: out for out in outputs if (ident := file_identity(out)) is not None}
    found = []
    for given in paths:
        folder = Path(given) if given != io.STDIN and Path(given).is_dir() else None
        for item in io.discover([given]):
            if isinstance(item, ClaimlensError):
                found.append(Input(given, None, error=item))
                continue
            out = None
            if files:
                out = files.get(file_identity(item.path) if item.path is not None else _stdin_identity())
            if out is not None:
                head = _head(item.path) if item.in_folder else b"x"
                if not head or io.own_output(head):
                    continue
                raise ClaimlensError("CL007", f"{out} is the input {item.doc_id}: it would be overwritten",
                                     advice="write elsewhere: a run never writes over its inputs")
            if item.path is None:
                found.append(Input(item.doc_id, item, "stdin"))
            else:
                rel = item.path.relative_to(folder).as_posix() if folder is not None else item.path.name
                found.append(Input(item.doc_id, item, rel))
    return found


def _stdin_identity() -> tuple[int, int] | None:
    try:
        return file_identity(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):  # not a file descriptor (a test's stdin)
        return None


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(io.SNIFF_BYTES)
    except OSError:
        return b""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- one shard, in whichever process runs it ---------------------------------------------

def _read(task: Task) -> io.Document:
    """The document of one input: the one place the loop reads a source (in a worker; stdin in
    the parent, which alone can read it)."""
    if task.document is not None:
        return task.document
    return io.read_source(task.input.source)


def _failure(inp: Input, err: Exception) -> Outcome:
    if not isinstance(err, ClaimlensError):
        trace = "".join(traceback.format_exception(err))
        err = ClaimlensError("CL999", f"{inp.doc_id}: {type(err).__name__}: {err}", trace)
    return Outcome(inp, error=err)


def analyse_shard(extractor, tasks: Sequence[Task], batch_size: int = BATCH_SIZE) -> list[Outcome]:
    """The outcomes of ``tasks``, in order. A failure stays with its document: when the batch
    fails, its documents are analysed one by one so that only the failing one is lost."""
    outcomes: list[Outcome | None] = [None] * len(tasks)
    todo: list[tuple[int, io.Document]] = []
    for i, task in enumerate(tasks):
        inp = task.input
        if inp.error is not None:
            skipped = inp.error.code == io.OWN_OUTPUT  # stdin, read by the parent
            outcomes[i] = Outcome(inp, warnings=(inp.error,)) if skipped else Outcome(inp, error=inp.error)
            continue
        try:
            document = _read(task)
        except Exception as err:  # noqa: BLE001  (a document that cannot be read fails alone)
            skipped = isinstance(err, ClaimlensError) and err.code == io.OWN_OUTPUT
            outcomes[i] = Outcome(inp, warnings=(err,)) if skipped else _failure(inp, err)
            continue
        if task.known is not None and task.known == text_sha256(document.text):
            outcomes[i] = Outcome(inp, kept=True, words=len(document.text.split()))
            continue
        todo.append((i, document))

    def finish(i: int, article: Article, document: io.Document) -> None:
        outcomes[i] = Outcome(tasks[i].input, record=article.to_dict(), words=len(document.text.split()),
                              warnings=document.warnings)

    try:
        pairs = ((document.text, document.fields) for _, document in todo)
        for (i, document), article in zip(todo, extractor.pipe(pairs, as_tuples=True, batch_size=batch_size)):
            finish(i, article, document)
    except Exception:  # noqa: BLE001  (isolate the document that broke the batch)
        for i, document in todo:
            if outcomes[i] is None:
                try:
                    article = next(extractor.pipe([(document.text, document.fields)], as_tuples=True))
                    finish(i, article, document)
                except Exception as err:  # noqa: BLE001
                    outcomes[i] = _failure(tasks[i].input, err)
    return outcomes  # type: ignore[return-value]


# --- worker processes --------------------------------------------------------------------

_WORKER: dict[str, Any] = {}
"""In a worker process: its extractor and batch size. Set in the parent just before forking."""


def _watch_parent(parent: int) -> None:
    """End this worker when the parent is gone (killed with -9, its workers would wait forever)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(model: str, batch_size: int, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if "extractor" not in _WORKER:  # spawned rather than forked: load the pipeline here
        from .api import Extractor

        _WORKER["extractor"] = Extractor(model)
        gc.freeze()
    _WORKER["batch_size"] = batch_size


def _worker_shard(tasks: list[Task]) -> list[Outcome]:
    return analyse_shard(_WORKER["extractor"], tasks, _WORKER["batch_size"])


def _context():
    """fork where it is safe and the default (Linux): the workers share the loaded pipeline."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


# --- the loop ----------------------------------------------------------------------------

def _tasks(items: Sequence[Input], known: Callable[[Input], str | None],
           read_in_parent: bool) -> Iterator[Task]:
    for inp in items:
        document = None
        if read_in_parent and inp.source is not None and inp.source.path is None:  # stdin
            try:
                document = _read(Task(inp))
            except ClaimlensError as err:
                inp = Input(inp.doc_id, None, inp.rel, err)
        yield Task(inp, document, known(inp) if inp.error is None else None)


def _shards(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    shard: list[Task] = []
    for task in tasks:
        shard.append(task)
        if len(shard) == size:
            yield shard
            shard = []
    if shard:
        yield shard


def run(items: Sequence[Input], sink: Sink | None = None, *, extractor=None, model: str | None = None,
        jobs: int | None = None, batch_size: int = BATCH_SIZE,
        errors: ErrorLog | None = None) -> Iterator[Outcome]:
    """Analyse ``items`` with ``jobs`` processes (default: every core), yielding one
    :class:`Outcome` per input, in input order, after ``sink`` (if any) has written it and
    ``errors`` (if any) has logged it. ``extractor`` is a loaded :class:`~claimlens.Extractor`
    (else one is loaded for ``model``).

    The objects alive once the pipeline is loaded (the model's above all) are moved out of the
    garbage collector's sight (``gc.freeze()``): full collections then walk only what the run
    makes, and forked workers do not copy the pages the collector would touch."""
    from .api import Extractor

    extractor = extractor or Extractor(model)
    gc.freeze()
    known = sink.known if sink is not None else (lambda inp: None)
    n_shards = -(-len(items) // batch_size)
    jobs = max(1, min(jobs or default_jobs(), n_shards))
    if jobs == 1:
        shards = _shards(_tasks(items, known, read_in_parent=False), batch_size)
        results: Iterator[list[Outcome]] = (analyse_shard(extractor, shard, batch_size) for shard in shards)
    else:
        results = _parallel(extractor, items, known, jobs, batch_size)
    for shard in results:
        for outcome in shard:
            if sink is not None:
                outcome = sink.write(outcome)
            if errors is not None and outcome.error is not None:
                errors.write(outcome)
            yield outcome
    if sink is not None:
        sink.finish()


def _pool(extractor, jobs: int, batch_size: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker,
                               initargs=(extractor.model, batch_size, os.getpid()))


def _submit(pool: ProcessPoolExecutor, extractor, shard: list[Task]) -> Future:
    _WORKER["extractor"] = extractor  # inherited by the workers, forked at a pool's first submit
    try:
        return pool.submit(_worker_shard, shard)
    finally:
        _WORKER.clear()


def _alone(extractor, tasks: list[Task], batch_size: int) -> list[Outcome] | None:
    """The outcomes of ``tasks`` from a fresh worker of their own; None if that worker died too.
    Interrupted, the worker is ended at once rather than waited for."""
    others = set(multiprocessing.active_children())
    pool = _pool(extractor, 1, batch_size)
    try:
        return _submit(pool, extractor, tasks).result()
    except BrokenProcessPool:
        return None
    except BaseException:
        _stop(pool, set(multiprocessing.active_children()) - others)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _retried(extractor, shard: list[Task], batch_size: int) -> list[Outcome]:
    """The outcomes of a shard whose worker died: the shard again in a fresh worker, else each
    document in one of its own, a document that kills that one too failing with CL012."""
    outcomes = _alone(extractor, shard, batch_size)
    if outcomes is not None:
        return outcomes
    outcomes = []
    for task in shard:
        alone = _alone(extractor, [task], batch_size)
        outcomes += alone if alone is not None else [
            Outcome(task.input, error=ClaimlensError("CL012", task.input.doc_id))]
    return outcomes


def _stop(pool: ProcessPoolExecutor | None, workers: set) -> None:
    """End the workers of a run stopped early. A worker ended while it wrote a result leaves the
    pool's manager thread reading half a message for ever, and with it the pool's shutdown and
    the interpreter's exit: once the workers are gone, the parent's own end of the result pipe
    is closed too (CPython's ``ProcessPoolExecutor._result_queue``), so that the read meets the
    end of the pipe and the thread stops."""
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(5)
    queue = getattr(pool, "_result_queue", None)
    if queue is not None:
        queue._writer.close()


def _parallel(extractor, items, known, jobs: int, batch_size: int) -> Iterator[list[Outcome]]:
    shards = _shards(_tasks(items, known, read_in_parent=True), batch_size)
    others = set(multiprocessing.active_children())
    pool: ProcessPoolExecutor | None = None
    window: deque[tuple[list[Task], Future]] = deque()

    def submit(shard: list[Task]) -> None:
        nonlocal pool
        if pool is None:
            pool = _pool(extractor, jobs, batch_size)
        try:
            future = _submit(pool, extractor, shard)
        except BrokenProcessPool:  # a worker died since the last look
            recover()
            pool = _pool(extractor, jobs, batch_size)
            future = _submit(pool, extractor, shard)
        window.append((shard, future))

    def recover() -> None:
        """A worker died and its pool is broken: every shard in flight that it lost is run again
        (the others' outcomes are kept), before any new worker is forked."""
        nonlocal pool
        pool.shutdown(wait=True)
        pool = None
        for k, (shard, future) in enumerate(window):
            if isinstance(future.exception(), BrokenProcessPool):
                redone: Future = Future()
                redone.set_result(_retried(extractor, shard, batch_size))
                window[k] = (shard, redone)

    try:
        for shard in shards:
            submit(shard)
            if len(window) >= 2 * jobs:
                break
        while window:
            if isinstance(window[0][1].exception(), BrokenProcessPool):
                recover()
            done = window.popleft()[1].result()
            nxt = next(shards, None)
            if nxt is not None:
                submit(nxt)
            yield done
    except BaseException:  # interrupted, or stopped early: the workers' shards are not wanted
        _stop(pool, set(multiprocessing.active_children()) - others)
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
