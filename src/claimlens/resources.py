"""Package data: lexicons under ``models/`` and the record schema, via importlib.resources."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


def read_text(name: str) -> str:
    """A data file shipped inside the ``claimlens`` package (``record.schema.json``)."""
    return files("claimlens").joinpath(name).read_text(encoding="utf-8")


def read_model_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated file in ``models/``; ``#`` lines and blank lines are skipped."""
    text = files("claimlens").joinpath("models", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given names → the gender they are mostly given to, "m" or "f" (``models/given_names.tsv``)."""
    return {name: gender for name, gender in read_model_tsv("given_names.tsv")}


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    act: str
    kind: str


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, CueEntry]:
    """Reporting expressions by lemma (``models/cues.tsv``)."""
    return {row[0]: CueEntry(*row[:3]) for row in read_model_tsv("cues.tsv")}


@lru_cache(maxsize=1)
def cue_frames() -> dict[str, frozenset[str]]:
    """What each cue takes as content besides a clause (``models/cue_frames.tsv``)."""
    rows = read_model_tsv("cue_frames.tsv")
    return {row[0]: frozenset(f.strip() for f in row[1].split(",") if f.strip()) for row in rows}


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Word classes of the attribution stage, class → words (``models/attribution_words.tsv``)."""
    classes: dict[str, set[str]] = {}
    for row in read_model_tsv("attribution_words.tsv"):
        classes.setdefault(row[0], set()).add(row[1].strip())
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1)
def denial_objects() -> dict[str, str]:
    """Nouns by what acting on them means, noun → class (``models/denial_objects.tsv``)."""
    return {row[0]: row[1] for row in read_model_tsv("denial_objects.tsv")}


@lru_cache(maxsize=1)
def evaluation_words() -> frozenset[str]:
    """Words and phrases that evaluate what was said (``models/evaluations.tsv``, any kind)."""
    return frozenset(row[0] for row in read_model_tsv("evaluations.tsv"))


@lru_cache(maxsize=1)
def quantity_nouns() -> frozenset[str]:
    """Nouns of an indefinite quantity, read through to their "of" phrase ("a shred of truth",
    "a pack of lies"; ``models/quantities.tsv``, from WordNet)."""
    return frozenset(row[0] for row in read_model_tsv("quantities.tsv"))


@lru_cache(maxsize=1)
def blocker_verbs() -> frozenset[str]:
    """Verbs that keep their complement from happening, "refused to", "declined to"
    (``models/negation.tsv``, role blocker)."""
    return frozenset(row[0] for row in read_model_tsv("negation.tsv") if row[1].strip() == "blocker")


@lru_cache(maxsize=1)
def denial_nouns() -> frozenset[str]:
    """Nouns of denial (``models/nominal_denials.tsv``)."""
    return frozenset(row[0] for row in read_model_tsv("nominal_denials.tsv"))
