"""Actors: entity mentions merged into one canonical, typed actor per participant.

Mentions come from the model's entities (PERSON, ORG, GPE; NORP folded to its country).
Mentions are merged when they name the same participant: the same folded name, a country's
other names and its demonym (from the ``countryinfo`` data package), a surname after the full
name, an acronym after the name it abbreviates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "GPE"}
_DROP_LEADING = {"the"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    token_start: int
    token_end: int


@dataclass
class ActorDraft:
    id: str
    name: str
    type: str
    key: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.text, None)
        return list(seen)


def fold(name: str) -> str:
    """Fold a name for comparison: case, curly apostrophes, leading 'the', white space."""
    s = name.replace("\u2019", "'").casefold()
    s = re.sub(r"\s+", " ", s).strip(" .,;:'\"")
    return re.sub(r"^the ", "", s)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country name, alternative spelling or demonym → the country's common name."""
    from countryinfo import all_countries

    index: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        name = info.get("name")
        if not name:
            continue
        forms = [name, info.get("demonym") or ""]
        # alternative spellings in Latin letters: "USA", "UK", "Republic of Korea"
        forms += [s for s in info.get("altSpellings") or () if s.isascii() and len(s) > 1 and "," not in s]
        for form in forms:
            if form:
                index.setdefault(fold(form), name)
    return index


def _country(text: str) -> str | None:
    key = fold(text)
    names = country_names()
    if key in names:
        return names[key]
    if key.endswith("s") and key[:-1] in names:  # plural demonym: "Israelis"
        return names[key[:-1]]
    return None


def _trim(ent: Span) -> Span | None:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in _DROP_LEADING:
        start += 1
    while end > start and (ent.doc[end - 1].text in _POSSESSIVE or ent.doc[end - 1].is_punct):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


class ActorTable:
    """Actors of one document and the token → actor index the later stages look up."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[ActorDraft] = []
        self.token_actor: dict[int, ActorDraft] = {}
        self._by_key: dict[tuple[str, str], ActorDraft] = {}

    def actor_at(self, token_i: int) -> ActorDraft | None:
        return self.token_actor.get(token_i)

    def actors_in(self, start: int, end: int) -> list[ActorDraft]:
        """Actors mentioned in tokens [start, end), in order of mention."""
        seen: dict[str, ActorDraft] = {}
        for i in range(start, end):
            actor = self.token_actor.get(i)
            if actor is not None:
                seen.setdefault(actor.id, actor)
        return list(seen.values())

    def nearest_before(self, token_i: int, types: tuple[str, ...]) -> ActorDraft | None:
        """The actor of the closest mention ending before ``token_i`` whose type is in ``types``."""
        best, best_end = None, -1
        for actor in self.actors:
            if actor.type not in types:
                continue
            for m in actor.mentions:
                if best_end < m.token_end <= token_i:
                    best, best_end = actor, m.token_end
        return best

    def _find(self, key: str, type_: str, text: str) -> ActorDraft | None:
        if (type_, key) in self._by_key:
            return self._by_key[(type_, key)]
        if type_ == "PERSON" and " " not in key:
            # a surname or first name alone: the latest full name that ends or starts with it
            for actor in reversed(self.actors):
                if actor.type == "PERSON" and " " in actor.key:
                    words = actor.key.split()
                    if key in (words[-1], words[0]):
                        return actor
        if type_ == "ORG" and text.isupper() and 2 <= len(text) <= 6:
            for actor in self.actors:
                if actor.type == "ORG" and _initials(actor.name) == text:
                    return actor
        return None

    def add(self, span: Span, label: str) -> ActorDraft:
        type_ = ACTOR_LABELS[label]
        text = span.text
        name = text
        if type_ == "GPE":
            country = _country(text)
            if country is not None:
                name = country
            elif label == "NORP":
                type_ = "ORG"  # a group that is not a nationality: "Democrats"
        key = fold(name)
        actor = self._find(key, type_, text)
        if actor is None:
            actor = ActorDraft(f"A{len(self.actors) + 1}", name, type_, key)
            self.actors.append(actor)
            self._by_key[(type_, key)] = actor
        elif type_ == "PERSON" and len(text) > len(actor.name):
            actor.name = text
        actor.mentions.append(Mention(span.start_char, span.end_char, text, label, span.start, span.end))
        for i in range(span.start, span.end):
            self.token_actor[i] = actor
        return actor


def find_actors(doc: Doc) -> ActorTable:
    """Actors of a parsed ``Doc`` from its entities, merged by name (furniture included: the
    record contract lists actors met only there as optional)."""
    table = ActorTable(doc)
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trim(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        table.add(span, ent.label_)
    return table
