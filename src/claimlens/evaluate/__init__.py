"""Measuring claimlens against annotated articles (``claimlens evaluate``).

Two kinds of annotation (README: *Evaluating on your own articles*):

- **gold files** (:mod:`.gold`), one JSON file per article with its actors and every statement,
  scored by :mod:`.scoring` (statements, attributed, denials, end to end, label, speaker and
  quote-type accuracy, actors);
- **brat standoff attributions** (:mod:`.brat`, PolNeAR's form: source, cue, content).

Predictions are claimlens JSON Lines output (:mod:`.predictions`). Every function here is pure
but for reading files; figures are frozen dataclasses whose ``to_dict()`` has the keys of the
evaluation kit's ``score.py --json`` and ``polnear.py --json``.
"""
from .brat import BratArticle, BratScores, read_brat
from .brat import score as score_brat
from .gold import GoldArticle, read_gold, read_manifest
from .predictions import read_predictions
from .scoring import GoldScores
from .scoring import score as score_gold

__all__ = ["BratArticle", "BratScores", "GoldArticle", "GoldScores", "read_brat", "read_gold",
           "read_manifest", "read_predictions", "score_brat", "score_gold"]
