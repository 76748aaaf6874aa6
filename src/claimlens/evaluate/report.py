"""The figures as rich tables (the terminal view of ``claimlens evaluate``)."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .brat import BratScores
from .matching import PRF, Ratio
from .scoring import GoldScores


def _articles(n: int) -> str:
    return f"{n} article{'s' * (n != 1)}"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("measure", min_width=24)
    for name in columns:
        table.add_column(name, justify="right")
    return table


def _prf_table(title: str, rows: list[tuple[str, PRF]]) -> Table:
    table = _table(title, "P", "R", "F1", "tp", "pred", "gold")
    for name, prf in rows:
        table.add_row(name, f"{prf.p:.3f}", f"{prf.r:.3f}", f"{prf.f1:.3f}", str(prf.tp), str(prf.pred),
                      str(prf.gold))
    return table


def _ratio_table(title: str, rows: list[tuple[str, Ratio]]) -> Table:
    table = _table(title, "value", "right", "of")
    for name, ratio in rows:
        table.add_row(name, f"{ratio.value:.3f}" if ratio.of else "–", str(ratio.right), str(ratio.of))
    return table


def gold_view(scores: GoldScores, title: str) -> Group:
    """Statements, attributed, denials, end to end and actors (P/R/F1); the accuracies over
    matched pairs; the actors split and merged and what was missing."""
    return Group(
        _prf_table(title, [("statements", scores.statements), ("attributed", scores.attributed),
                           ("denials", scores.denials), ("end-to-end", scores.end_to_end),
                           ("actors", scores.actors)]),
        Text(""),
        _ratio_table("accuracy over matched statements", [("label", scores.label),
                                                           ("speaker (attributed gold)", scores.speaker),
                                                           ("quote type", scores.quote)]),
        Text(""),
        Text(f"actors split {scores.split}, merged {scores.merged}; {_articles(scores.documents)}, "
             f"{len(scores.missing)} without a record, {len(scores.problems)} contract problems"),
    )


def brat_view(scores: BratScores, title: str) -> Group:
    """Content (at half and at 80% overlap) and attributions (P/R/F1); cue and source accuracy;
    content recall by kind."""
    return Group(
        _prf_table(title, [("content", scores.content),
                           ("content, 80% both ways", scores.with_tp(scores.exact80)),
                           ("attribution (source right)", scores.with_tp(scores.attribution))]),
        Text(""),
        _ratio_table("accuracy over matched contents", [("cue", scores.cue),
                                                         ("source (gold has one)", scores.source)]),
        Text(""),
        _ratio_table("content recall by kind", [("direct", scores.direct), ("partial", scores.partial),
                                                ("indirect", scores.indirect)]),
        Text(""),
        Text(f"{_articles(scores.articles)}, {len(scores.missing)} without a record"),
    )
