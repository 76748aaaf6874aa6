"""What both scorers share: spans as sets of character ranges, one-to-one matching by overlap,
and counts turned into precision, recall and F1."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..errors import ClaimlensError

Range = tuple[int, int]


def ranges(pieces: Iterable[Range]) -> tuple[Range, ...]:
    """Ranges ``(start, end)``, end exclusive, as sorted disjoint ranges covering the same
    characters (empty ranges dropped, overlapping and touching ones joined)."""
    out: list[list[int]] = []
    for start, end in sorted(p for p in pieces if p[1] > p[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)


def length(span: Sequence[Range]) -> int:
    return sum(e - s for s, e in span)


def common(a: Sequence[Range], b: Sequence[Range]) -> int:
    """How many characters two spans (as :func:`ranges` gives them) share."""
    shared, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        shared += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return shared


def match(gold: Sequence[Sequence[Range]], pred: Sequence[Sequence[Range]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, pred index)``. A pair is a candidate when the spans share
    at least half of the shorter one; candidates are taken best first by the share of their union
    they have in common (ties: the later gold, then the later prediction, first), each span at
    most once."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = common(g, p)
            if shared and 2 * shared >= min(length(g), length(p)):
                candidates.append((shared / (length(g) + length(p) - shared), gi, pi))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


class Summed:
    """Figures that add up field by field (counts, tuples of names, :class:`PRF`, :class:`Ratio`):
    an article's to the others'."""

    def __add__(self, other):
        return type(self)(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def missing_warning(missing: tuple[str, ...], of: int) -> list[ClaimlensError]:
    """CL038 for the annotated articles that have no record (the first three named)."""
    if not missing:
        return []
    shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
    return [ClaimlensError("CL038", f"{len(missing)} of {of}: {shown}")]


@dataclass(frozen=True)
class PRF(Summed):
    """Precision, recall and F1 of ``tp`` right predictions among ``pred``, against ``gold``."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self, counts: bool = True) -> dict[str, Any]:
        """``p``, ``r`` and ``f1`` to three decimals, then (with ``counts``) ``tp``, ``pred``, ``gold``."""
        out: dict[str, Any] = {"p": round(self.p, 3), "r": round(self.r, 3), "f1": round(self.f1, 3)}
        if counts:
            out.update(tp=self.tp, pred=self.pred, gold=self.gold)
        return out


@dataclass(frozen=True)
class Ratio(Summed):
    """``right`` of ``of`` (an accuracy, or a recall by kind)."""

    right: int = 0
    of: int = 0

    @property
    def value(self) -> float:
        return self.right / self.of if self.of else 0.0
