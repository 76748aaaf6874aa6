"""Reading articles from files, folders and stdin (writing is :mod:`claimlens.batch`'s)."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ClaimlensError

STDIN = "-"
STDIN_DOC_ID = "<stdin>"
SUFFIXES = (".txt",)


@dataclass(frozen=True)
class Source:
    """One article to read: ``doc_id`` as the record will carry it, ``path`` None for stdin."""

    doc_id: str
    path: Path | None


def _walk(folder: Path) -> list[Path]:
    """Files under ``folder`` with a known suffix, sorted; symbolic links to folders not followed."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found.extend(Path(root) / f for f in files if f.endswith(SUFFIXES))
    return sorted(found)


def discover(paths: Iterable[str]) -> Iterator[Source | ClaimlensError]:
    """The articles named by ``paths`` (files, folders searched recursively, '-' for stdin), in
    order; a path that names none yields an error in its place."""
    for given in paths:
        if given == STDIN:
            yield Source(STDIN_DOC_ID, None)
            continue
        path = Path(given)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield ClaimlensError("CL003", given)
            for f in files:
                yield Source(os.path.join(given, str(f.relative_to(path))), f)
        elif path.exists():
            yield Source(given, path)
        else:
            yield ClaimlensError("CL002", given)


def read_source(source: Source) -> str:
    """The text of an article, decoded as UTF-8 (offsets index this text)."""
    try:
        data = sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except OSError as err:
        raise ClaimlensError("CL006", f"{source.doc_id}: {err.strerror or err}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ClaimlensError("CL004", f"{source.doc_id}: byte {err.start}") from None

