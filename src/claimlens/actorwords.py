"""The words of the actors stage (``models/actor_words.tsv`` with nameparser's titles and
particles), the closed word classes its rules read, and a document's token attributes as arrays."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_ALPHA, IS_STOP, IS_TITLE, IS_UPPER, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .resources import read_model_tsv

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_OTHER_NAMES = ("WORK_OF_ART", "PRODUCT", "FAC", "LOC")
"""Entity types of names that are an organisation's when the text says so ("the news agency X")."""
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_LEADING = {"the", "a", "an"}
_QUOTES = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"
_SEPARATORS = {"(", ")", "[", "]", ",", ";", ":", "|", "/", "\u2013", "\u2014", "--"}
_CONNECTORS = {"of", "for", "on", "and", "the", "de", "du", "des", "del", "della", "di", "da", "do", "dos", "das",
               "et", "e", "y", "la", "le", "&"}
_ELIDED = re.compile(r"^[dlDL]['\u2019](?=\w)")
_LEADS = {"of", "for", "on", "de", "du", "des", "del", "della", "di", "da", "do", "dos", "das"}
"""Words after a head word that continue an organisation's name ("Ministry of ...")."""
_NOT_NAMES = {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
"""Entity types that no organisation's name takes in."""
_FUNCTION_WORDS = _CONNECTORS | {"in", "to", "at", "e", "al", "el", "y"}
_PARTY_PREPS = {"with", "against", "between", "by", "toward", "towards", "among", "versus"}
"""Prepositions whose object is a party, not a place ("talks with Moscow")."""
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")
_TAGS = {"#", "@"}
_DOMAIN = re.compile(r"^(?!www\.)[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*"
                     r"\.(?:com|org|net|info|co|io|news)$")
"""What opens a hashtag or a handle ("#Derby", "@treid"): no part of a name."""
_TEMPORAL = {"during", "after", "since", "until", "throughout"}
"""Prepositions whose object is a time or an event ("after the Harvest Break")."""
_LOCATIVE = {"into", "inside", "outside", "at", "near", "onto"}
"""Prepositions whose object is where something happens ("crowded into Villa Rossa"); not "in",
whose object is as often where something was written ("in The Ledger")."""


@dataclass(frozen=True)
class Lexicon:
    heads: dict[str, str]
    """Capitalised words that end or begin an organisation's name → its kind."""
    mastheads: dict[str, str]
    """Words that end a newspaper's name → its kind (they make no name on their own)."""
    nouns: dict[str, str]
    """Common nouns that describe an actor ("ministry", "newspaper") → its kind."""
    others: frozenset[str]
    """Words that end the names of places, laws and events ("... Mosque", "... Act")."""
    titles: frozenset[str]
    """Lowercased words of titles and roles before a person's name ("prime", "minister")."""
    courtesy: frozenset[str]
    particles: frozenset[str]
    """Lowercased name particles ("al", "bin", "van", "de")."""
    place_verbs: frozenset[str]
    """Verbs whose object is a place, not a government ("visited Berlin")."""
    members: dict[str, str]
    """Nouns for a member of a body → the body's word ("senator" → "senate")."""
    collectives: frozenset[str]
    """Common nouns that name a body when they stand alone as a party ("police said")."""
    head_ids: np.ndarray
    """String ids of ``heads``, to find them among a document's tokens at once."""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """``models/actor_words.tsv`` with nameparser's titles and particles (cached)."""
    from nameparser.config import CONSTANTS

    heads: dict[str, str] = {}
    mastheads: dict[str, str] = {}
    nouns: dict[str, str] = {}
    others: set[str] = set()
    roles: set[str] = set()
    courtesy: set[str] = set()
    place_verbs: set[str] = set()
    members: dict[str, str] = {}
    collectives: set[str] = set()
    for word, cls, kind in read_model_tsv("actor_words.tsv"):
        if cls == "head":
            heads[word] = kind
        elif cls == "masthead":
            mastheads[word] = kind
        elif cls == "noun":
            nouns[word] = kind
        elif cls == "other":
            others.add(word)
        elif cls == "role":
            roles.add(word)
        elif cls == "courtesy":
            courtesy.add(word)
        elif cls == "place-verb":
            place_verbs.add(word)
        elif cls == "member":
            members[word] = kind
        elif cls == "collective":
            collectives.add(word)
            nouns[word] = kind
    titles = {t for t in CONSTANTS.titles if t.isascii() and t.isalpha()} | roles | courtesy
    particles = {p.strip("-'\u2019") for p in CONSTANTS.prefixes if p.isascii()} - {""}
    return Lexicon(heads, mastheads, nouns, frozenset(others), frozenset(titles), frozenset(courtesy),
                   frozenset(particles), frozenset(place_verbs), members, frozenset(collectives), _ids(heads))


def _ids(words) -> np.ndarray:
    return np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)


_BRACKETS = _ids(["(", "["])


@dataclass(frozen=True)
class _Arrays:
    """Token attributes of a document as arrays, read once (no per-token Python loop)."""

    orth: np.ndarray
    lower: np.ndarray
    word: np.ndarray
    """Alphabetic and not a stop word."""
    upper: np.ndarray
    """Title case or capitals."""

    @classmethod
    def of(cls, doc: Doc) -> _Arrays:
        a = doc.to_array([ORTH, LOWER, IS_ALPHA, IS_STOP, IS_TITLE, IS_UPPER])
        return cls(a[:, 0], a[:, 1], (a[:, 2] == 1) & (a[:, 3] == 0), (a[:, 4] == 1) | (a[:, 5] == 1))
