"""Where a batch run's records go (:mod:`claimlens.batch` yields them, in input order).

:class:`JsonLinesSink` (one line per record, each line written whole with one call; resumable),
:class:`JsonSink` (one JSON document), :class:`CsvSink` (one row per statement),
:class:`HtmlSink` (one page with an index), :class:`TableSink` (the terminal view),
:class:`FolderSink` (one JSON file per input mirroring the input tree, never outside the folder)
and :class:`ErrorLog` (one JSON line per failed document).

Rules every sink keeps:

- A file is locked while a run writes it (:class:`OutputLock`, a lock file beside it): a second
  run aiming at it refuses at the start (CL013) and the first goes on unharmed.
- One document (JSON, CSV, HTML, table) is written to a temporary file beside its target and
  renamed over it when the run completes, so an earlier output stays whole until then.
- A write that fails (disk full, the file or its folder removed) ends the run with CL007; a JSON
  Lines file then holds whole lines only, a prefix that ``--resume`` completes.
"""
from __future__ import annotations

import abc
import contextlib
import csv
import dataclasses
import json
import os
import secrets
import stat
import tempfile
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar

from .errors import ClaimlensError
from .records import Article

if TYPE_CHECKING:
    from .batch import Input, Outcome

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


class OutputLock:
    """An exclusive lock on an output for the length of a run: ``flock`` on a lock file beside
    it (``.NAME.lock``, for a file or a folder), removed when the last holder releases it. CL013
    when another process holds it; within one process it can be taken again (the command line
    takes it before loading the model, the sink again when it opens the output). ``missing_ok``:
    no lock (rather than CL007) while the output's folder does not exist."""

    _held: ClassVar[dict[str, list]] = {}  # lock file -> [fd, holders], in this process

    def __init__(self, output: str | Path, missing_ok: bool = False) -> None:
        output = Path(output)
        self.path = output.parent / f".{output.name}.lock"
        self._key = os.path.realpath(self.path)
        self._fd: int | None = None
        if missing_ok and not output.parent.is_dir():  # nothing there to harm yet: the sink will lock
            return
        # /dev/null, a pipe: nothing to guard
        if output.exists() and not (output.is_file() or output.is_dir()):
            return
        held = self._held.get(self._key)
        if held is not None:
            held[1] += 1
            self._fd = held[0]
            return
        try:
            import fcntl
        except ImportError:  # not on a POSIX system: no lock
            return
        while self._fd is None:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as err:
                raise _output_error(output, err) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise ClaimlensError("CL013", f"{output} (locked by {self.path})") from None
            try:  # the file locked is still the one at that path (a run ending removes its lock file)
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if same:
                self._fd = fd
                self._held[self._key] = [fd, 1]
            else:
                os.close(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        self._fd = None
        held = self._held[self._key]
        held[1] -= 1
        if held[1] == 0:
            del self._held[self._key]
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            os.close(held[0])

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.release()


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
    resuming; a write that fails is cut back to the last whole line).

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
        self._lock: OutputLock | None = None
        if self.path is None:
            return
        self._lock = OutputLock(self.path)
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
            self.close()
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
            if os.fstat(self._fd).st_nlink == 0:
                raise ClaimlensError("CL007", f"{self.path}: removed while the run was writing it")
            _write_whole(self._fd, data)
        except OSError as err:
            with contextlib.suppress(OSError):  # no torn line left behind
                os.ftruncate(self._fd, self._end)
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
        if self._lock is not None:
            self._lock.release()


class _DocumentSink(Sink):
    """One document for the whole run, to a stream or to a file; a file is written to a
    temporary file beside it and renamed into place when the run completes. Subclasses write
    through :meth:`emit`."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._tmp: Path | None = None
        self._lock: OutputLock | None = None
        self._device = None
        if self.path is not None and self.path.exists() and not self.path.is_file():  # /dev/null, a pipe
            self._device = stream = open(self.path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self.path = None
        if self.path is not None:
            self._lock = OutputLock(self.path)
            try:
                fd, tmp = _temporary_beside(self.path)
            except OSError as err:
                self._lock.release()
                raise _output_error(self.path, err) from None
            self._tmp = Path(tmp)
            stream = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115  (open for the run; close())
        self.out = stream

    def emit(self, text: str) -> None:
        """Write ``text``; a file that cannot be written ends the run (CL007). A stream's errors
        (a closed pipe) are the caller's."""
        if self._tmp is None:
            self.out.write(text)
            return
        try:
            self.out.write(text)
        except OSError as err:
            raise _output_error(self.path, err) from None

    def finish(self) -> None:
        try:
            self.out.flush()
            if self._tmp is not None:
                self.out.close()
                os.replace(self._tmp, self.path)
                self._tmp = None
        except OSError as err:
            if self._tmp is None:
                raise
            raise _output_error(self.path, err) from None

    def close(self) -> None:
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self.out.close()
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._tmp = None
        if self._device is not None:
            with contextlib.suppress(OSError):
                self._device.close()
            self._device = None
        if self._lock is not None:
            self._lock.release()


class _Emitter:
    """A document sink as a text file, for writers that want one (csv's, rich's console)."""

    def __init__(self, sink: _DocumentSink) -> None:
        self.write = sink.emit
        self.flush = sink.out.flush


class JsonSink(_DocumentSink):
    """One JSON document. With ``single`` (the run was given one file), the record, or ``null``
    when that input failed; otherwise an array of the records, ``[]`` if none: the shape follows
    what was asked for, never what failed."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None, single: bool = False) -> None:
        super().__init__(path, stream)
        self.single = single
        self.count = 0

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.record is None:
            return outcome
        text = _dumps(outcome.record, indent=2)
        self.count += 1
        if self.single:
            if self.count > 1:
                raise ValueError("JsonSink(single=True) takes one record")
            self.emit(text)
        else:
            self.emit(("[\n" if self.count == 1 else ",\n") + textwrap.indent(text, "  "))
        return outcome

    def finish(self) -> None:
        if self.single:
            self.emit("\n" if self.count else "null\n")
        else:
            self.emit("\n]\n" if self.count else "[]\n")
        super().finish()


CSV_COLUMNS = ("doc_id", "statement_id", "speaker", "actor_id", "label", "act", "quote_type", "cue", "text",
               "start", "end", "confidence", "targets", "refutes")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take for the start of a formula (OWASP, CSV injection)."""


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet never runs: one that starts like a formula gets a leading
    apostrophe, as OWASP advises."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def csv_rows(article: Article) -> Iterable[list[Any]]:
    """One row per statement of ``article``, the cells of :data:`CSV_COLUMNS`."""
    for s in article.statements:
        actor = (s.speaker.actor or "") if s.speaker is not None else ""
        texts = [article.doc_id, s.id, article.speaker_name(s) or "", actor,
                 s.label, s.act, s.quote, s.cue.text if s.cue else "", s.text]
        row: list[Any] = [neutralise(t) for t in texts]
        row += [s.start, s.end, s.evidence.confidence, neutralise(" ".join(s.targets)),
                neutralise(s.refutes or "")]
        yield row


class CsvSink(_DocumentSink):
    """One CSV table, a row per statement (:data:`CSV_COLUMNS`), with a header: RFC 4180 (commas,
    double quotes where needed, CRLF line ends), UTF-8, cells that start like a formula
    neutralised (:func:`neutralise`)."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None) -> None:
        super().__init__(path, stream)
        self._writer = csv.writer(_Emitter(self), lineterminator="\r\n")
        self._writer.writerow(CSV_COLUMNS)

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.record is not None:
            self._writer.writerows(csv_rows(Article.from_dict(outcome.record)))
        return outcome


class HtmlSink(_DocumentSink):
    """One self-contained HTML page (:class:`claimlens.htmlview.HtmlPage`): an index of the
    articles and the inputs that failed, then each article. The articles are kept in a temporary
    file until the run ends, when the index is known."""

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None) -> None:
        from .htmlview import HtmlPage

        super().__init__(path, stream)
        self.page = HtmlPage()
        self._sections = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115  (closed by close())

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.record is not None:
            self._sections.write(self.page.section(Article.from_dict(outcome.record)))
        elif outcome.error is not None:
            self.page.failure(*failure(outcome).values())
        return outcome

    def finish(self) -> None:
        self.emit(self.page.head() + self.page.index())
        self._sections.seek(0)
        while chunk := self._sections.read(1 << 20):
            self.emit(chunk)
        self.emit(self.page.tail())
        super().finish()

    def close(self) -> None:
        self._sections.close()
        super().close()


class TableSink(_DocumentSink):
    """The terminal view of each record: on ``console`` (a rich console, for a terminal or a
    pipe), or in the file ``path`` (plain text, 100 columns)."""

    WIDTH = 100

    def __init__(self, console=None, path: str | Path | None = None) -> None:
        from rich.console import Console

        super().__init__(path, None if path is not None else console.file)
        self.console = console if path is None else Console(
            file=_Emitter(self), width=self.WIDTH, color_system=None, force_terminal=False, soft_wrap=False,
            markup=False, emoji=False, highlight=False)

    def write(self, outcome: Outcome) -> Outcome:
        from .render import article_view

        if outcome.record is not None:
            self.console.print(article_view(Article.from_dict(outcome.record)))
        return outcome


class FolderSink(Sink):
    """One pretty-printed JSON file per input, ``FOLDER/<rel>.json`` (``rel`` mirrors the input
    tree), each written atomically. Nothing is ever written outside ``FOLDER``: a target whose
    folder resolves elsewhere (a symbolic link) fails the document with CL007, as does a second
    input aiming at a file already written in this run, or a target that is one of the run's
    inputs (``protect``: their ``(st_dev, st_ino)``). A write that fails otherwise (disk full,
    the folder removed) ends the run (CL007)."""

    SUFFIX = ".json"

    def __init__(self, folder: str | Path, resume: bool = False,
                 protect: Iterable[tuple[int, int]] = ()) -> None:
        self.folder = Path(folder)
        self.resume = resume
        self.protect = frozenset(protect)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.root = Path(os.path.realpath(self.folder))
        except OSError as err:
            raise _output_error(self.folder, err) from None
        self._lock = OutputLock(self.folder)
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
        target = None
        try:
            if outcome.input.error is not None:
                return outcome
            target = self.target(outcome.input)
            if self.protect and file_identity(target) in self.protect:
                raise ClaimlensError("CL007", f"{outcome.doc_id}: {target} is one of the inputs")
            if outcome.error is not None:  # no record: none left from before
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
                return outcome
            other = self._written.setdefault(target, outcome.input)
            if other is not outcome.input:
                raise ClaimlensError("CL007", f"{outcome.doc_id}: {target} already holds the record "
                                              f"of {other.doc_id}")
            if outcome.record is not None:
                _atomic_write(target, [(_dumps(outcome.record, indent=2) + "\n").encode("utf-8")])
        except ClaimlensError as err:
            if err.code != "CL007" or outcome.error is not None:
                raise
            return dataclasses.replace(outcome, record=None, kept=False, error=err)
        except OSError as err:
            raise _output_error(target or self.folder, err) from None
        return outcome

    def close(self) -> None:
        self._lock.release()


def file_identity(path: str | Path | int) -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of the regular file at ``path`` (links followed; or open as the file
    descriptor ``path``), None if there is none (a device such as /dev/null, a pipe, a folder)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


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
        self._lock = OutputLock(path)
        try:
            self._fh: IO[str] | None = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError as err:
            self._lock.release()
            raise _output_error(path, err) from None

    def write(self, outcome: Outcome) -> None:
        try:
            self._fh.write(_dumps(failure(outcome)) + "\n")
            self._fh.flush()
        except OSError as err:
            raise _output_error(self.path, err) from None

    def close(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None
        self._lock.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

