"""Scoring claimlens records against gold articles (:mod:`claimlens.evaluate.gold`).

A predicted statement (each part of one split around its cue) is matched one-to-one to a gold
statement (:func:`~claimlens.evaluate.matching.match`). Then, summed over the articles:

- ``statements``: matched spans;
- ``attributed``: matched, with a right speaker, over the gold statements whose every reading has
  a speaker, and the predictions with a speaker (but for those matched to a gold statement that
  may be read either way);
- ``denials``: matched, both labelled denial; ``end_to_end``: matched, right label and speaker;
- accuracy of label and quote type over matched pairs, and of the speaker over matched gold
  statements that have one;
- ``actors``: a predicted actor finds the gold actors one of whose folded names equals one of its
  own folded name, aliases or mention texts (pronouns aside). Precision counts the predicted
  actors that find a required gold actor or none; recall the required gold actors found.
  ``split``: predicted actors beyond the first that find the same gold actor; ``merged``:
  predicted actors that find several.

A speaker is right when the predicted speaker actor finds one of the gold statement's acceptable
actors, or when there is no predicted speaker and the gold accepts the article's own reading.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ClaimlensError
from .gold import GoldActor, GoldArticle, names_of
from .matching import PRF, Ratio, Summed, match, missing_warning, ranges
from .predictions import Record, article_name, contract_problems, speaker_actor, units


@dataclass(frozen=True)
class GoldScores(Summed):
    """The figures over a set of gold articles; :meth:`to_dict` is ``score.py --json``'s object."""

    documents: int = 0
    missing: tuple[str, ...] = ()
    """Gold articles without a record (scored as a record with nothing in it)."""
    problems: tuple[str, ...] = ()
    """Contract problems of the records, each prefixed with its article's name."""
    statements: PRF = PRF()
    attributed: PRF = PRF()
    denials: PRF = PRF()
    end_to_end: PRF = PRF()
    label: Ratio = Ratio()
    speaker: Ratio = Ratio()
    quote: Ratio = Ratio()
    actors: PRF = PRF()
    split: int = 0
    merged: int = 0

    @property
    def warnings(self) -> list[ClaimlensError]:
        """CL039 for each contract problem, CL038 for the articles without a record."""
        problems = [ClaimlensError("CL039", p) for p in self.problems]
        return problems + missing_warning(self.missing, self.documents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "missing_documents": len(self.missing),
            "contract_problems": len(self.problems),
            "statements": self.statements.to_dict(),
            "attributed": self.attributed.to_dict(),
            "denials": self.denials.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
            "label_accuracy": round(self.label.value, 3),
            "speaker_accuracy": round(self.speaker.value, 3),
            "quote_type_accuracy": round(self.quote.value, 3),
            "actors": {**self.actors.to_dict(), "split": self.split, "merged": self.merged},
        }


def gold_ids(actor: Record, gold: Mapping[str, GoldActor]) -> frozenset[str]:
    """The gold actors a predicted actor is: those sharing a folded name with its name, aliases
    or mention texts (pronouns aside)."""
    names = [actor.get("name"), *(actor.get("aliases") or []),
             *(m.get("text") for m in actor.get("mentions") or [] if isinstance(m, dict))]
    keys = names_of([n for n in names if isinstance(n, str)])
    return frozenset(gid for gid, g in gold.items() if keys & g.keys)


def _actor_scores(gold: GoldArticle, found_by_actor: Iterable[frozenset[str]]) -> tuple[PRF, int, int]:
    required = {gid for gid, a in gold.actors.items() if not a.optional}
    found: dict[str, int] = {}
    pred = merged = 0
    for ids in found_by_actor:
        merged += len(ids) > 1
        for gid in ids:
            found[gid] = found.get(gid, 0) + 1
        pred += bool(ids & required) or not ids  # one that finds only optional actors does not count
    split = sum(n - 1 for n in found.values())
    return PRF(sum(1 for gid in required if gid in found), pred, len(required)), split, merged


def score_article(gold: GoldArticle, record: Record | None) -> GoldScores:
    """The figures of one article; ``record`` None for a missing one."""
    missing = (gold.doc_id,) if record is None else ()
    record = record or {"actors": [], "statements": []}
    problems = tuple(f"{gold.doc_id}: {p}" for p in contract_problems(record, gold.text))
    # a predicted actor (by id) -> the gold actors it is
    actors = {a.get("id"): gold_ids(a, gold.actors) for a in record.get("actors", [])}
    preds = units(record)
    golds = gold.statements
    pairs = match([ranges([(g.start, g.end)]) for g in golds], [ranges([span]) for span, _ in preds])
    either = {pi for gi, pi in pairs if golds[gi].either}
    attributed_pred = sum(1 for pi, (_, s) in enumerate(preds) if speaker_actor(s) and pi not in either)
    tp = {"denials": 0, "end_to_end": 0, "label": 0, "speaker": 0, "quote": 0}
    for gi, pi in pairs:
        g, p = golds[gi], preds[pi][1]
        label_ok = p.get("label") == g.label
        speaker = actors.get(speaker_actor(p))
        speaker_ok = (speaker is None and None in g.speakers) or bool(speaker and speaker & set(g.speakers))
        tp["label"] += label_ok
        tp["quote"] += p.get("quote") == g.quote
        tp["denials"] += label_ok and g.label == "denial"
        tp["speaker"] += g.attributed and speaker_ok
        tp["end_to_end"] += label_ok and speaker_ok
    actor_prf, split, merged = _actor_scores(gold, actors.values())
    matched_attributed = sum(1 for gi, _ in pairs if golds[gi].attributed)
    return GoldScores(
        documents=1, missing=missing, problems=problems,
        statements=PRF(len(pairs), len(preds), len(golds)),
        attributed=PRF(tp["speaker"], attributed_pred, sum(g.attributed for g in golds)),
        denials=PRF(tp["denials"], sum(1 for _, s in preds if s.get("label") == "denial"),
                    sum(1 for g in golds if g.label == "denial")),
        end_to_end=PRF(tp["end_to_end"], len(preds), len(golds)),
        label=Ratio(tp["label"], len(pairs)), speaker=Ratio(tp["speaker"], matched_attributed),
        quote=Ratio(tp["quote"], len(pairs)), actors=actor_prf, split=split, merged=merged)


def score(gold: Mapping[str, GoldArticle], records: Mapping[str, Record]) -> GoldScores:
    """The figures of the records (by article name, as
    :func:`~claimlens.evaluate.predictions.read_predictions` gives them) against every gold article."""
    total = GoldScores()
    for doc_id, article in gold.items():
        total += score_article(article, records.get(article_name(doc_id)))
    return total
