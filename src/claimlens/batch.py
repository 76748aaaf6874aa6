"""Many articles at once: parallel, streamed, in input order, resumable.

The loop (:func:`run`)::

    inputs (sorted input order) ──▶ shards of ``batch_size`` ──▶ analyse_shard(): for each input
    io.read_source() once, skip it when its text hash matches the record already written
    (``--resume``), nlp.pipe() over the rest ──▶ Outcomes ──▶ a sink writes them in input order

With one job the shards run in this process. With N jobs they run in N worker processes
(forked from this process once the pipeline is loaded, so no worker loads it again; where fork is
not available each worker loads its own), at most ``2 N`` shards in flight: memory does not grow
with the number of documents, and outcomes come back in input order whatever N is.

Sinks write what the loop yields: :class:`JsonLinesSink` (one line per record, each line written
whole with one call; resumable), :class:`JsonSink` (one JSON document, written atomically to a
file), :class:`FolderSink` (one JSON file per input mirroring the input tree, each written
atomically, never outside the folder) and :class:`TableSink` (the terminal view).
:class:`ErrorLog` writes one JSON line per failed document.
"""
from __future__ import annotations

import abc
import contextlib
import json
import multiprocessing
import os
import secrets
import signal
import sys
import textwrap
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import io
from .errors import ClaimlensError
from .records import Article, text_sha256

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
    record already written is current), or an ``error``. ``words`` counts the text's
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


def inputs(paths: Iterable[str]) -> list[Input]:
    """The documents named by ``paths`` (see :func:`claimlens.io.discover`), in order."""
    found = []
    for given in paths:
        folder = Path(given) if given != io.STDIN and Path(given).is_dir() else None
        for item in io.discover([given]):
            if isinstance(item, ClaimlensError):
                found.append(Input(given, None, error=item))
            elif item.path is None:
                found.append(Input(item.doc_id, item, "stdin"))
            else:
                rel = item.path.relative_to(folder).as_posix() if folder is not None else item.path.name
                found.append(Input(item.doc_id, item, rel))
    return found


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
            outcomes[i] = Outcome(inp, error=inp.error)
            continue
        try:
            document = _read(task)
        except Exception as err:  # noqa: BLE001  (a document that cannot be read fails alone)
            outcomes[i] = _failure(inp, err)
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
    _WORKER["batch_size"] = batch_size


def _worker_shard(tasks: list[Task]) -> list[Outcome]:
    return analyse_shard(_WORKER["extractor"], tasks, _WORKER["batch_size"])


def _context():
    """fork where it is safe and the default (Linux): the workers share the loaded pipeline."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


# --- the loop ----------------------------------------------------------------------------

def _tasks(items: Sequence[Input], known: Callable[[Input], str | None], read_in_parent: bool) -> Iterator[Task]:
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
        jobs: int | None = None, batch_size: int = BATCH_SIZE, errors: ErrorLog | None = None) -> Iterator[Outcome]:
    """Analyse ``items`` with ``jobs`` processes (default: every core), yielding one
    :class:`Outcome` per input, in input order, after ``sink`` (if any) has written it and
    ``errors`` (if any) has logged it. ``extractor`` is a loaded :class:`~claimlens.Extractor`
    (else one is loaded for ``model``)."""
    from .api import Extractor

    extractor = extractor or Extractor(model)
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


def _parallel(extractor, items, known, jobs: int, batch_size: int) -> Iterator[list[Outcome]]:
    shards = _shards(_tasks(items, known, read_in_parent=True), batch_size)
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker,
                               initargs=(extractor.model, batch_size, os.getpid()))
    others = set(multiprocessing.active_children())
    try:
        window: deque = deque()
        _WORKER["extractor"] = extractor  # inherited by the workers, forked at the first submit
        try:
            for shard in shards:
                window.append(pool.submit(_worker_shard, shard))
                if len(window) >= 2 * jobs:
                    break
        finally:
            _WORKER.clear()
        while window:
            done = window.popleft().result()
            nxt = next(shards, None)
            if nxt is not None:
                window.append(pool.submit(_worker_shard, nxt))
            yield done
    except BaseException:  # interrupted, or stopped early: the workers' shards are not wanted
        for worker in set(multiprocessing.active_children()) - others:
            worker.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- writing -----------------------------------------------------------------------------

class Sink(abc.ABC):
    """Where records go. ``known`` is the ``text_sha256`` of an input's current record, if the
    sink can resume; ``write`` takes each outcome in input order and returns it as written (a
    document the sink cannot place becomes a failure); ``finish`` ends a complete run; ``close``
    releases files whether or not the run completed."""

    def known(self, inp: Input) -> str | None:
        return None

    @abc.abstractmethod
    def write(self, outcome: Outcome) -> Outcome:
        """Write one outcome (in input order); return it, or the failure it became."""

    def finish(self) -> None:
        """Called once every input has been written."""

    def close(self) -> None:
        """Release what the sink holds (also after an interrupted run)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _dumps(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def _output_error(path: str | Path, err: OSError) -> ClaimlensError:
    return ClaimlensError("CL007", f"{path}: {err.strerror or err}")


def _write_whole(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _temporary_beside(target: Path) -> tuple[int, Path]:
    """A new hidden file beside ``target`` (in its folder, so that a rename replaces ``target``
    atomically), created with the permissions of any new file (umask applies)."""
    tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp


def _atomic_write(target: Path, chunks: Iterable[bytes]) -> None:
    """Write ``target`` through a temporary file beside it, renamed over it when complete."""
    fd, tmp = _temporary_beside(target)
    try:
        try:
            for data in chunks:
                _write_whole(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@dataclass
class _Line:
    offset: int
    length: int


def scan_jsonl(path: Path) -> tuple[dict[str, tuple[str | None, _Line]], list[_Line], int]:
    """What a JSON Lines output holds: for each doc_id, the ``text_sha256`` and place of its last
    whole record; every whole line in order; and the length of the file up to the end of its last
    whole line (a line cut short by a kill is not whole)."""
    by_id: dict[str, tuple[str | None, _Line]] = {}
    lines: list[_Line] = []
    offset = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            line = _Line(offset, len(raw))
            offset += len(raw)
            lines.append(line)
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("doc_id"), str):
                by_id[record["doc_id"]] = (record.get("text_sha256"), line)
    return by_id, lines, offset


def _read_at(fh, line: _Line) -> bytes:
    fh.seek(line.offset)
    return fh.read(line.length)


class JsonLinesSink(Sink):
    """One record per line, in input order, each line written whole with one call, so that an
    interrupted run leaves whole lines (a line cut by ``kill -9`` in mid-write is dropped when
    resuming).

    With ``resume``, the records already in the file whose ``doc_id`` and ``text_sha256`` match an
    input's are kept; the others are written after them; when the run completes, the file is
    rewritten atomically in input order if it is not already exactly one line per record in
    input order (so that a resumed run leaves the same file as a run from scratch).
    """

    def __init__(self, path: str | Path | None, resume: bool = False, stream: IO[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.stream = stream
        self._old: dict[str, tuple[str | None, _Line]] = {}
        self._lines: list[_Line] = []
        self._layout: list[_Line] = []
        self._fd: int | None = None
        if self.path is None:
            return
        try:
            if resume and self.path.exists():
                self._old, self._lines, self._end = scan_jsonl(self.path)
                self._fd = os.open(self.path, os.O_WRONLY)
                os.ftruncate(self._fd, self._end)
                os.lseek(self._fd, self._end, os.SEEK_SET)
            else:
                self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
                self._end = 0
        except OSError as err:
            raise _output_error(self.path, err) from None

    def known(self, inp: Input) -> str | None:
        entry = self._old.get(inp.doc_id)
        return entry[0] if entry is not None else None

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.kept:
            self._layout.append(self._old[outcome.doc_id][1])
        if outcome.record is None:
            return outcome
        line = _dumps(outcome.record) + "\n"
        if self._fd is None:
            self.stream.write(line)
            self.stream.flush()
            return outcome
        data = line.encode("utf-8")
        try:
            _write_whole(self._fd, data)
        except OSError as err:
            raise _output_error(self.path, err) from None
        self._layout.append(_Line(self._end, len(data)))
        self._lines.append(self._layout[-1])
        self._end += len(data)
        return outcome

    def finish(self) -> None:
        if self._fd is None or self._layout == self._lines:
            return
        os.close(self._fd)
        self._fd = None
        try:
            with open(self.path, "rb") as old:
                _atomic_write(self.path, (_read_at(old, line) for line in self._layout))
        except OSError as err:
            raise _output_error(self.path, err) from None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class _DocumentSink(Sink):
    """One document for the whole run, to a stream or to a file; a file is written to a
    temporary file beside it and renamed into place when the run completes."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._tmp = None
        if self.path is not None:
            try:
                fd, tmp = _temporary_beside(self.path)
            except OSError as err:
                raise _output_error(self.path, err) from None
            self._tmp = Path(tmp)
            stream = open(fd, "w", encoding="utf-8", newline="\n")
        self.out = stream

    def finish(self) -> None:
        self.out.flush()
        if self._tmp is not None:
            self.out.close()
            try:
                os.replace(self._tmp, self.path)
            except OSError as err:
                raise _output_error(self.path, err) from None
            self._tmp = None

    def close(self) -> None:
        if self._tmp is not None:
            self.out.close()
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._tmp = None


class JsonSink(_DocumentSink):
    """One JSON document: the record when there is one, else an array of records."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None) -> None:
        super().__init__(path, stream)
        self._first: str | None = None
        self.count = 0

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.record is None:
            return outcome
        text = _dumps(outcome.record, indent=2)
        self.count += 1
        if self.count == 1:
            self._first = text
        else:
            if self.count == 2:
                self.out.write("[\n" + textwrap.indent(self._first, "  "))
            self.out.write(",\n" + textwrap.indent(text, "  "))
        return outcome

    def finish(self) -> None:
        if self.count == 0:
            self.out.write("[]\n")
        elif self.count == 1:
            self.out.write(self._first + "\n")
        else:
            self.out.write("\n]\n")
        super().finish()


class HtmlSink(_DocumentSink):
    """One self-contained HTML page (``claimlens.htmlview``), each article written as it comes."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None) -> None:
        from .htmlview import HtmlPage

        super().__init__(path, stream)
        self.page = HtmlPage()
        self.out.write(self.page.head())

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.record is not None:
            self.out.write(self.page.section(Article.from_dict(outcome.record)))
            self.out.flush()
        return outcome

    def finish(self) -> None:
        self.out.write(self.page.tail())
        super().finish()


class FolderSink(Sink):
    """One pretty-printed JSON file per input, ``FOLDER/<rel>.json`` (``rel`` mirrors the input
    tree), each written atomically. Nothing is ever written outside ``FOLDER``: a target whose
    folder resolves elsewhere (a symbolic link) fails the document with CL007, as does a second
    input aiming at a file already written in this run."""

    SUFFIX = ".json"

    def __init__(self, folder: str | Path, resume: bool = False) -> None:
        self.folder = Path(folder)
        self.resume = resume
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.root = Path(os.path.realpath(self.folder))
        except OSError as err:
            raise _output_error(self.folder, err) from None
        self._written: dict[Path, Input] = {}
        self._checked: set[Path] = set()

    def target(self, inp: Input) -> Path:
        """Where ``inp``'s record goes, its folders made; CL007 if it would leave the folder."""
        rel = Path(inp.rel + self.SUFFIX)
        if rel.is_absolute() or not inp.rel or any(p in ("..", ".", "") for p in Path(inp.rel).parts):
            raise ClaimlensError("CL007", f"{inp.doc_id}: no safe place for its record in {self.folder}")
        target = self.root / rel
        parent = target.parent
        if parent not in self._checked:
            try:
                here = self.root
                for part in rel.parts[:-1]:
                    here = here / part
                    if not os.path.realpath(here).startswith(str(self.root) + os.sep):
                        raise ClaimlensError("CL007", f"{inp.doc_id}: {here} leads outside {self.folder}")
                    here.mkdir(exist_ok=True)
            except OSError as err:
                raise _output_error(parent, err) from None
            self._checked.add(parent)
        return target

    def known(self, inp: Input) -> str | None:
        if not self.resume:
            return None
        try:
            record = json.loads(self.target(inp).read_bytes())
        except (OSError, ValueError, ClaimlensError):
            return None
        if isinstance(record, dict) and record.get("doc_id") == inp.doc_id:
            return record.get("text_sha256")
        return None

    def write(self, outcome: Outcome) -> Outcome:
        try:
            target = self.target(outcome.input) if outcome.input.error is None else None
            if target is not None and outcome.error is not None:  # no record: none left from before
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
            if target is None or outcome.error is not None:
                return outcome
            other = self._written.setdefault(target, outcome.input)
            if other is not outcome.input:
                raise ClaimlensError("CL007", f"{outcome.doc_id}: {target} already holds the record of {other.doc_id}")
            if outcome.record is not None:
                _atomic_write(target, [(_dumps(outcome.record, indent=2) + "\n").encode("utf-8")])
        except ClaimlensError as err:
            return Outcome(outcome.input, error=err, words=outcome.words)
        except OSError as err:
            return Outcome(outcome.input, error=_output_error(target, err), words=outcome.words)
        return outcome


class TableSink(Sink):
    """The terminal view of each record, on a rich console."""

    def __init__(self, console) -> None:
        self.console = console

    def write(self, outcome: Outcome) -> Outcome:
        from .render import article_view

        if outcome.record is not None:
            self.console.print(article_view(Article.from_dict(outcome.record)))
        return outcome


def failure(outcome: Outcome) -> dict[str, str]:
    """A failed document as data: its doc_id, the error code and the message."""
    err = outcome.error
    return {"doc_id": outcome.doc_id, "code": err.code,
            "message": f"{err.message}: {err.detail}" if err.detail else err.message}


class ErrorLog:
    """``--errors FILE``: one JSON line per failed document (doc_id, error code, message),
    written as it happens."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        try:
            self._fh: IO[str] | None = open(path, "w", encoding="utf-8", newline="\n")
        except OSError as err:
            raise _output_error(path, err) from None

    def write(self, outcome: Outcome) -> None:
        self._fh.write(_dumps(failure(outcome)) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
