"""Predictions: claimlens output (``claimlens extract ... -o pred.jsonl``, or the JSON array of
``-f json``), read as plain data, and what a scorer needs from it."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..errors import ClaimlensError
from .gold import LABELS

Record = dict[str, Any]


def article_name(doc_id: str) -> str:
    """The name a record is matched by: its doc_id's file name without ``.txt`` ("texts/a.txt" -> "a")."""
    name = doc_id.replace("\\", "/").rsplit("/", 1)[-1]
    return name.removesuffix(".txt")


def parse_lines(lines, source: str) -> dict[str, Record]:
    """Records by :func:`article_name` (a later record of the same name replaces an earlier one).
    Raises CL037 naming the line that is not a claimlens record."""
    records: dict[str, Record] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as e:
            raise ClaimlensError("CL037", f"{source} line {number}: not JSON ({e})") from None
        _add(records, record, f"{source} line {number}")
    return records


def parse_text(text: str, source: str) -> dict[str, Record]:
    """Records of JSON Lines, or of one JSON array of records (``claimlens extract -f json``), by
    :func:`article_name`. Raises CL037 naming the line or the array item that is not a record."""
    if text.lstrip().startswith("["):
        try:
            values = json.loads(text)
        except ValueError:
            values = None  # a record line that happens to start with "[": read as JSON Lines
        if isinstance(values, list):
            records: dict[str, Record] = {}
            for number, record in enumerate(values, 1):
                _add(records, record, f"{source} record {number}")
            return records
    return parse_lines(text.splitlines(), source)


def _add(records: dict[str, Record], record: Any, where: str) -> None:
    if not (isinstance(record, dict) and isinstance(record.get("doc_id"), str)
            and isinstance(record.get("statements"), list)
            and all(isinstance(s, dict) for s in record["statements"])
            and isinstance(record.get("actors", []), list)
            and all(isinstance(a, dict) for a in record.get("actors", []))):
        raise ClaimlensError("CL037", f"{where}: not a claimlens record (an object with "
                                      f"'doc_id', 'actors' and 'statements')")
    problem = shape_problem(record)
    if problem:
        raise ClaimlensError("CL037", f"{where}: {problem}")
    records[article_name(record["doc_id"])] = record


def read_predictions(path: str | Path) -> dict[str, Record]:
    """The records of a JSON Lines file, or of the JSON array ``-f json`` writes ('-': stdin), by
    :func:`article_name`. Raises CL002 for a missing file, CL006 for an unreadable one, CL037 for
    one that is not claimlens records."""
    if str(path) == "-":
        return parse_text(sys.stdin.read(), "<stdin>")
    path = Path(path)
    if not path.exists():
        raise ClaimlensError("CL002", str(path))
    if path.is_dir():
        raise ClaimlensError("CL037", f"{path} is a folder")
    try:
        return parse_text(path.read_text(encoding="utf-8-sig"), str(path))
    except UnicodeDecodeError as e:
        raise ClaimlensError("CL037", f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise ClaimlensError("CL006", f"{path}: {e.strerror or e}") from None


def _list_of_dicts(value: Any) -> bool:
    return value is None or isinstance(value, list) and all(isinstance(v, dict) for v in value)


def shape_problem(record: Record) -> str | None:
    """What a scorer could not read in a record's actors and statements (a value of another kind
    than the schema's: a list, an object, a string), else None. Offsets and labels are checked
    against the text later (:func:`contract_problems`): those are scored as they are."""
    for k, a in enumerate(record.get("actors", []), 1):
        if not isinstance(a.get("id"), str):
            return f"actor {k}: 'id' is not a string"
        aliases = a.get("aliases")
        if not (aliases is None or isinstance(aliases, list)) or not _list_of_dicts(a.get("mentions")):
            return f"actor {a['id']}: 'aliases' is not a list, or 'mentions' not a list of objects"
    for k, s in enumerate(record["statements"], 1):
        speaker = s.get("speaker") or {}
        if not (isinstance(speaker, dict) and isinstance(speaker.get("actor"), str | None)):
            return f"statement {k}: 'speaker' is not an object whose 'actor' is an actor id or null"
        if not _list_of_dicts(s.get("parts")):
            return f"statement {k}: 'parts' is not a list of objects"
    return None


def is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def contract_problems(record: Record, text: str) -> list[str]:
    """Where a record breaks the output contract against the article's text: statement offsets
    outside the text or text that is not ``text[start:end]``, an unknown label, a speaker actor
    that is not among the actors."""
    problems = []
    ids = {a.get("id") for a in record.get("actors", [])}
    for s in record.get("statements", []):
        start, end, sid = s.get("start"), s.get("end"), s.get("id")
        if not (is_offset(start) and is_offset(end) and 0 <= start < end <= len(text)):
            problems.append(f"statement {sid}: offsets {start}..{end} are not a span of the text")
            continue
        if "text" in s and s["text"] != text[start:end]:
            problems.append(f"statement {sid}: 'text' is not text[start:end]")
        if s.get("label") not in LABELS:
            problems.append(f"statement {sid}: label {s.get('label')!r}")
        actor = speaker_actor(s)
        if actor is not None and actor not in ids:
            problems.append(f"statement {sid}: speaker actor {actor!r} is not among the actors")
    return problems


def speaker_actor(statement: Record) -> Any:
    """The actor id of a statement's speaker, or None."""
    speaker = statement.get("speaker")
    return speaker.get("actor") if isinstance(speaker, dict) else None


def units(record: Record) -> list[tuple[tuple[int, int], Record]]:
    """What a record's statements are scored as: ``((start, end), statement)``, one per part for a
    statement split around its cue (``parts``), else one per statement."""
    out = []
    for s in record.get("statements", []):
        for part in s.get("parts") or [s]:
            if isinstance(part, dict) and is_offset(part.get("start")) and is_offset(part.get("end")):
                out.append(((part["start"], part["end"]), s))
    return out
