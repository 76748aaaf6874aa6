"""The gold format: one hand-written JSON file per article (README: *Evaluating on your own
articles*), read and checked against the article's text.

Every problem is a :class:`~claimlens.errors.ClaimlensError` that names the gold file and the
line of the object at fault (CL031), or the missing folder (CL030) or article text (CL032).
"""
from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ClaimlensError
from ..io import decode

LABELS = ("claim", "denial")
QUOTES = ("direct", "partial", "indirect", "none")
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "i", "we",
                      "you"})


def fold(name: str) -> str:
    """An actor's name as names are compared: case and runs of white space folded, curly
    apostrophes made straight, surrounding punctuation and quotation marks, a leading "the" and
    a final possessive "'s" dropped ("The Ministry's" and "ministry" fold alike)."""
    s = re.sub(r"\s+", " ", name.replace("\u2019", "'").replace("\u2018", "'").casefold())
    s = s.strip(" .,;:\"'")
    s = s.removeprefix("the ")
    return s.removesuffix("'s")


def names_of(names: list[str]) -> frozenset[str]:
    """The folded names a list of names and mention texts gives, pronouns and empty ones left out."""
    return frozenset(k for k in map(fold, names) if k and k not in PRONOUNS)


@dataclass(frozen=True)
class GoldActor:
    id: str
    name: str
    keys: frozenset[str]
    """The folded name and aliases."""
    optional: bool = False
    """Neither required nor penalised (places named only as locations, boilerplate)."""


@dataclass(frozen=True)
class GoldStatement:
    content: str
    start: int
    end: int
    speakers: tuple[str | None, ...]
    """The acceptable speakers: actor ids, and None where the article's own reading is acceptable."""
    label: str
    quote: str

    @property
    def attributed(self) -> bool:
        """Whether every acceptable reading has a speaker."""
        return None not in self.speakers

    @property
    def either(self) -> bool:
        """Whether the statement may be read as attributed or as the article's own."""
        return None in self.speakers and len(self.speakers) > 1


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    text: str
    actors: dict[str, GoldActor]
    statements: tuple[GoldStatement, ...]


class _Node(dict):
    """A JSON object that knows the line it starts on."""

    line = 0


class _LineDecoder(json.JSONDecoder):
    """The standard JSON decoder, with each object's first line recorded (for messages)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.parse_object = self._object
        self.scan_once = json.scanner.py_make_scanner(self)

    def _object(self, s_and_end, *args):
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        node = _Node(obj)
        node.line = bisect.bisect_right(self._starts, s_and_end[1] - 1)
        return node, end


def _load_json(path: Path) -> Any:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ClaimlensError("CL031", f"{path}: {e}") from None
    try:
        return _LineDecoder(raw).decode(raw)
    except json.JSONDecodeError as e:
        raise ClaimlensError("CL031", f"{path} line {e.lineno}: not JSON ({e.msg})") from None


def _pattern(words: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in words.split()))


def find_content(text: str, content: str, after: str | None = None) -> tuple[int, int]:
    """Where ``content`` is in ``text``, any run of white space matching any other. With ``after``,
    the first occurrence at or after the start of the first occurrence of ``after``; without it,
    the content must occur once. Raises ValueError saying what is wrong."""
    start_at = 0
    if after:
        anchor = _pattern(after).search(text)
        if anchor is None:
            raise ValueError(f"'after' {after!r} is not in the text")
        start_at = anchor.start()
    hits = _pattern(content).finditer(text, start_at)
    first = next(hits, None)
    if first is None:
        where = f" after {after!r}" if after else ""
        raise ValueError(f"content is not in the text{where}: {content[:70]!r}")
    if not after and next(hits, None) is not None:
        raise ValueError(f"content occurs more than once (add 'after'): {content[:70]!r}")
    return first.start(), first.end()


def _problem(path: Path, node: Any, what: str) -> ClaimlensError:
    line = f" line {node.line}" if isinstance(node, _Node) else ""
    return ClaimlensError("CL031", f"{path}{line}: {what}")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _actor(path: Path, a: Any) -> GoldActor:
    if not isinstance(a, dict) or not isinstance(a.get("id"), str) or not isinstance(a.get("name"), str):
        raise _problem(path, a, "an actor needs a string 'id' and 'name'")
    aliases = a.get("aliases", [])
    if not _strings(aliases):
        raise _problem(path, a, f"actor {a['id']!r}: 'aliases' must be a list of strings")
    return GoldActor(a["id"], a["name"], names_of([a["name"], *aliases]), bool(a.get("optional", False)))


def _statement(path: Path, i: int, s: Any, text: str, actors: dict[str, GoldActor]) -> GoldStatement:
    if not isinstance(s, dict):
        raise _problem(path, s, f"statement {i} is not an object")
    content, after, speakers = s.get("content"), s.get("after"), s.get("speaker")
    if not isinstance(content, str) or not content.strip():
        raise _problem(path, s, f"statement {i}: 'content' must be a non-empty string")
    if after is not None and not isinstance(after, str):
        raise _problem(path, s, f"statement {i}: 'after' must be a string")
    if not isinstance(speakers, list) or not speakers:
        raise _problem(path, s, f"statement {i}: 'speaker' must be a non-empty list of actor ids or null")
    for sid in speakers:
        if sid is not None and sid not in actors:
            raise _problem(path, s, f"statement {i}: speaker {sid!r} is not an actor's id")
    if s.get("label") not in LABELS:
        raise _problem(path, s, f"statement {i}: 'label' must be one of {', '.join(LABELS)}")
    if s.get("quote") not in QUOTES:
        raise _problem(path, s, f"statement {i}: 'quote' must be one of {', '.join(QUOTES)}")
    try:
        start, end = find_content(text, content, after)
    except ValueError as e:
        raise _problem(path, s, f"statement {i}: {e}") from None
    return GoldStatement(content, start, end, tuple(speakers), s["label"], s["quote"])


def read_article(path: Path, texts: Path) -> GoldArticle:
    """One gold file; its article is ``texts/DOC_ID.txt`` (``doc_id`` defaults to the file's name)."""
    gold = _load_json(path)
    if not isinstance(gold, dict):
        raise _problem(path, gold, "a gold file holds one JSON object")
    doc_id = gold.get("doc_id", path.stem)
    if not isinstance(doc_id, str) or not doc_id:
        raise _problem(path, gold, "'doc_id' must be a non-empty string")
    for key in ("actors", "statements"):
        if not isinstance(gold.get(key), list):
            raise _problem(path, gold, f"{key!r} must be a list")
    text_path = texts / f"{doc_id}.txt"
    try:
        text = decode(text_path.read_bytes(), str(text_path))[0]
    except OSError as e:
        raise ClaimlensError("CL032", f"{text_path} (for {path}): {e.strerror or e}") from None
    actors: dict[str, GoldActor] = {}
    for a in gold["actors"]:
        actor = _actor(path, a)
        if actor.id in actors:
            raise _problem(path, a, f"actor id {actor.id!r} is used twice")
        actors[actor.id] = actor
    statements = tuple(_statement(path, i, s, text, actors) for i, s in enumerate(gold["statements"]))
    return GoldArticle(doc_id, text, actors, statements)


def read_gold(gold: str | Path, texts: str | Path) -> dict[str, GoldArticle]:
    """Every gold file (``*.json``) of a folder, by ``doc_id``, in file name order."""
    folder, texts = Path(gold), Path(texts)
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not paths:
        raise ClaimlensError("CL030", str(folder))
    if not texts.is_dir():
        raise ClaimlensError("CL032", f"{texts} is not a folder")
    articles: dict[str, GoldArticle] = {}
    for path in paths:
        article = read_article(path, texts)
        if article.doc_id in articles:
            raise ClaimlensError("CL031", f"{path}: doc_id {article.doc_id!r} is another gold file's too")
        articles[article.doc_id] = article
    return articles


def read_manifest(path: str | Path, half: str) -> set[str]:
    """The doc_ids a manifest (a JSON list of ``{"doc_id": ..., "half": ...}``) puts in ``half``."""
    path = Path(path)
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ClaimlensError("CL033", f"{path}: {e.strerror or e}") from None
    except ValueError as e:
        raise ClaimlensError("CL033", f"{path}: not JSON ({e})") from None
    if not isinstance(entries, list) or not all(isinstance(x, dict) and isinstance(x.get("doc_id"), str)
                                                for x in entries):
        raise ClaimlensError("CL033", f"{path}: not a list of objects with a 'doc_id'")
    chosen = {x["doc_id"] for x in entries if x.get("half") == half}
    if not chosen:
        raise ClaimlensError("CL033", f"{path} puts no article in half {half!r}")
    return chosen
