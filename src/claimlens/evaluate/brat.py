"""Attribution annotations in brat standoff (PolNeAR's form), read and scored.

A folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann`` (the first annotator's
file by name is used; an article without one is left out). In a ``.ann`` file, ``T`` lines are
spans (``T3<TAB>Content 10 52;60 75<TAB>the text``, discontinuous ranges joined by ``;``) and an
``E`` line links them into one attribution (``E1<TAB>Attribution:T4 Source:T1 Cue:T2 Content:T3``;
kinds ``Attribution`` and ``Attribution-no-source``; a role's trailing digits, ``Content2``,
are dropped, and each role gathers the ranges of all its spans). Other lines (attributes,
relations, notes) are skipped. Offsets index the text as claimlens reads it.

A line that is not an annotation at all (no ``ID<TAB>`` start: in PolNeAR, the rest of a span's
text broken over lines) is skipped with a warning (CL036); it holds no offsets, so nothing is
lost. A ``T`` or ``E`` line that cannot be read, or whose ranges fall outside the text, is an
error (CL035), as is an ``E`` line naming a span no ``T`` line gives.
"""
from __future__ import annotations

import glob
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ClaimlensError
from ..io import decode
from .matching import PRF, Range, Ratio, Summed, common, length, match, missing_warning, ranges
from .predictions import Record, article_name, is_offset

KINDS = ("Attribution", "Attribution-no-source")
ROLES = ("Source", "Cue", "Content")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"
_ANNOTATION = re.compile(r"^(?:[A-Z#]\d+|\*)\t")
_RANGE = re.compile(r"(\d+) (\d+)")


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: its source, cue and content as sorted disjoint ranges."""

    source: tuple[Range, ...]
    cue: tuple[Range, ...]
    content: tuple[Range, ...]


@dataclass(frozen=True)
class BratArticle:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


def parse_ann(lines: list[str], text: str,
              source: str) -> tuple[tuple[Attribution, ...], list[ClaimlensError]]:
    """The attributions of one ``.ann`` file's lines, and the warnings for lines skipped."""
    spans: dict[str, tuple[Range, ...]] = {}
    events: list[tuple[int, list[str]]] = []
    warnings = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if not _ANNOTATION.match(line):
            warnings.append(ClaimlensError("CL036", f"{source} line {number}: {line[:40]!r}"))
            continue
        fields = line.split("\t")
        if line[0] == "T":
            label, _, offsets = fields[1].partition(" ")
            pieces = [_RANGE.fullmatch(r.strip()) for r in offsets.split(";")]
            if not label or not all(pieces):
                raise ClaimlensError("CL035", f"{source} line {number}: a span needs a label and ranges "
                                              f"'start end[;start end]', not {fields[1][:40]!r}")
            found = [(int(m[1]), int(m[2])) for m in pieces]
            if any(not s <= e <= len(text) for s, e in found):
                raise ClaimlensError("CL035", f"{source} line {number}: ranges {offsets} are outside the "
                                              f"text ({len(text)} characters)")
            spans[fields[0]] = ranges(found)
        elif line[0] == "E":
            args = fields[1].split() if len(fields) > 1 else []
            if not args or not all(":" in a for a in args):
                raise ClaimlensError("CL035", f"{source} line {number}: an event needs 'Kind:ID Role:ID ...'")
            events.append((number, args))
    out = []
    for number, (trigger, *args) in events:
        if trigger.partition(":")[0] not in KINDS:
            continue
        roles: dict[str, list[Range]] = {role: [] for role in ROLES}
        for arg in args:
            role, _, tid = arg.partition(":")
            if tid not in spans:
                raise ClaimlensError("CL035", f"{source} line {number}: {tid} is not a span of the file")
            role = role.rstrip("0123456789")
            if role in roles:
                roles[role].extend(spans[tid])
        if roles["Content"]:
            out.append(Attribution(ranges(roles["Source"]), ranges(roles["Cue"]), ranges(roles["Content"])))
    return tuple(out), warnings


def read_brat(folder: str | Path) -> tuple[dict[str, BratArticle], list[ClaimlensError]]:
    """The annotated articles of a folder by name, and the warnings of lines skipped."""
    folder = Path(folder)
    texts, annotations = folder / "text", folder / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise ClaimlensError("CL034", f"{folder} (text/ or attributions/ is not there)")
    articles: dict[str, BratArticle] = {}
    warnings: list[ClaimlensError] = []
    for path in sorted(texts.glob("*.txt")):
        anns = sorted(annotations.glob(f"{glob.escape(path.stem)}_*.ann"))
        if not anns:
            continue
        try:
            text = decode(path.read_bytes(), str(path))[0]
            lines = decode(anns[0].read_bytes(), str(anns[0]))[0].split("\n")
        except OSError as e:
            raise ClaimlensError("CL006", f"{e.filename}: {e.strerror or e}") from None
        attributions, skipped = parse_ann(lines, text, str(anns[0]))
        warnings += skipped
        articles[path.stem] = BratArticle(path.stem, text, attributions)
    if not articles:
        raise ClaimlensError("CL034", f"{folder} (no text/NAME.txt has an attributions/NAME_*.ann)")
    return articles, warnings


def kind(text: str, content: tuple[Range, ...]) -> str:
    """``direct`` when the content (its ranges joined by a space, outer spaces and , . ; : dropped)
    starts and ends with a quotation mark, ``partial`` when it holds one, else ``indirect``. An
    apostrophe counts as a quotation mark."""
    s = " ".join(text[a:b] for a, b in content).strip(" ,.;:")
    if s and s[0] in QUOTE_MARKS and s[-1] in QUOTE_MARKS:
        return "direct"
    return "partial" if any(c in s for c in QUOTE_MARKS) else "indirect"


def _span(obj: Any) -> tuple[Range, ...]:
    if isinstance(obj, dict) and is_offset(obj.get("start")) and is_offset(obj.get("end")):
        return ranges([(obj["start"], obj["end"])])
    return ()


@dataclass(frozen=True)
class BratScores(Summed):
    """The figures over a set of annotated articles; :meth:`to_dict` is ``polnear.py --json``'s object."""

    articles: int = 0
    missing: tuple[str, ...] = ()
    content: PRF = PRF()
    exact80: int = 0
    cue: Ratio = Ratio()
    source: Ratio = Ratio()
    attribution: int = 0
    direct: Ratio = Ratio()
    partial: Ratio = Ratio()
    indirect: Ratio = Ratio()

    @property
    def warnings(self) -> list[ClaimlensError]:
        """CL038 for the articles without a record."""
        return missing_warning(self.missing, self.articles)

    def with_tp(self, tp: int) -> PRF:
        return PRF(tp, self.content.pred, self.content.gold)

    def to_dict(self) -> dict[str, Any]:
        kinds = {"direct": self.direct, "partial": self.partial, "indirect": self.indirect}
        recall = {k: round(r.value, 3) if r.of else None for k, r in kinds.items()}
        return {
            "articles": self.articles, "missing_articles": len(self.missing),
            "gold": self.content.gold, "pred": self.content.pred,
            "content": self.content.to_dict(counts=False),
            "content_exact80": self.with_tp(self.exact80).to_dict(counts=False),
            "cue_accuracy": round(self.cue.value, 3),
            "source_accuracy": round(self.source.value, 3),
            "attribution": self.with_tp(self.attribution).to_dict(counts=False),
            "recall_by_kind": recall,
        }


def score_article(article: BratArticle, record: Record | None) -> BratScores:
    """A record's attributions (statements with a speaker or a cue; a statement's parts stand for
    its content) against one article's: content matched one-to-one; among the pairs, near-exact
    content (each side at least 80% shared), cue and source (the speaker's mention) overlapping
    the gold ones, and the attribution right end to end (source right, or neither has one)."""
    statements = [s for s in (record or {}).get("statements", [])
                  if (s.get("speaker") or s.get("cue")) and _span(s)]
    contents = [ranges(r for part in s.get("parts") or [s] for r in _span(part)) for s in statements]
    golds = article.attributions
    pairs = match([g.content for g in golds], contents)
    exact80 = cue = source = attribution = 0
    for gi, pi in pairs:
        g, s, shared = golds[gi], statements[pi], common(golds[gi].content, contents[pi])
        exact80 += 5 * shared >= 4 * length(g.content) and 5 * shared >= 4 * length(contents[pi])
        cue += common(g.cue, _span(s.get("cue"))) > 0
        speaker = _span(s.get("speaker"))
        if g.source:
            right = common(g.source, speaker) > 0
            source += right
            attribution += right
        else:
            attribution += not speaker
    by_kind = {k: [0, 0] for k in ("direct", "partial", "indirect")}
    matched = {gi for gi, _ in pairs}
    for gi, g in enumerate(golds):
        counts = by_kind[kind(article.text, g.content)]
        counts[0] += gi in matched
        counts[1] += 1
    return BratScores(
        articles=1, missing=() if record is not None else (article.name,),
        content=PRF(len(pairs), len(statements), len(golds)), exact80=exact80,
        cue=Ratio(cue, len(pairs)), source=Ratio(source, sum(1 for gi, _ in pairs if golds[gi].source)),
        attribution=attribution, **{k: Ratio(*v) for k, v in by_kind.items()})


def score(articles: Mapping[str, BratArticle], records: Mapping[str, Record]) -> BratScores:
    """The figures of the records (by article name) against every annotated article."""
    total = BratScores()
    for name, article in articles.items():
        total += score_article(article, records.get(article_name(name)))
    return total
