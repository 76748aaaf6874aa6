"""Actors: entity mentions merged into one canonical, typed actor per participant.

Mentions come from the model's entities (PERSON, ORG, GPE, NORP) and from rules for what the
small model misses: organisation names that end in a head word ("... Organization",
"Ministry of ..."; ``models/actor_words.tsv``), acronyms defined in brackets, names a capitalised
"The" opens inside a sentence ("told The Sentinel"), common nouns that name a body standing alone as
a party ("police said"), and later bare surnames and acronyms of actors already named. A name
the model calls a body or place but coordinated with a person's is a person's. Dropped: what is
not a participant (adjectives such as "south European", single words of a title such as "State"
in "Secretary of State", names of places such as "... Mosque"), and actors named only in site
furniture or title-case headlines.

Mentions merge into one actor when they name the same participant: a country, its other
names, its demonym, its code and its capital used as its government ("talks with Moscow";
``countryinfo``, :mod:`claimlens.countries`); a state title the text links to a country it
names ("the Hashemite Kingdom"); a surname or first name and the full name it is short for;
an acronym and its expansion (by the brackets, or by the initials); a short form of an
organisation's name ("Vantage" → "Vantage Motor Company") and the same body with or without
its country ("Norway's foreign ministry", "the Norwegian Foreign Ministry"). Places that are
only locations (a city named only where something happened) are not actors.

Roles and affiliation come from the words around a name: "Norway's foreign ministry spokesman
Lars Holm" is a person with the role "foreign ministry spokesman" and the affiliation Norway;
"Tom Reed, the chief executive of Kenya Airways" has the role "chief executive" and the
affiliation Kenya Airways.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_ALPHA, IS_STOP, IS_TITLE, IS_UPPER, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .countries import capital_of, country_named, fold, titled
from .resources import read_model_tsv

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
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
_MAX_ROLE_TOKENS = 6


# --- lexicon ---------------------------------------------------------------------------------

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


# --- the table -------------------------------------------------------------------------------

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
    """The id of the actor this one belongs to (a spokesman's country, a ministry's state)."""
    titles: list[str] = field(default_factory=list)
    """Written forms with a title ("President Lopez"), kept as aliases."""

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for text in [m.text for m in self.mentions] + self.titles:
            seen.setdefault(text, None)
        return list(seen)


class ActorTable:
    """Actors of one document and the token → actor index the later stages look up."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[ActorDraft] = []
        self.token_actor: dict[int, ActorDraft] = {}
        self._ends: list[int] = []
        self._by_end: list[ActorDraft] = []

    def _index(self) -> None:
        """Rebuild the token index and the mentions sorted by end (after the actors are set)."""
        pairs = sorted((m.token_end, m.token_start, a.id) for a in self.actors for m in a.mentions)
        by_id = {a.id: a for a in self.actors}
        self.token_actor = {}
        for a in self.actors:
            for m in a.mentions:
                for i in range(m.token_start, m.token_end):
                    self.token_actor[i] = a
        self._ends = [end for end, _, _ in pairs]
        self._by_end = [by_id[aid] for _, _, aid in pairs]

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

    def before(self, token_i: int):
        """Actors by their mentions ending at or before ``token_i``, nearest first."""
        for k in range(bisect.bisect_right(self._ends, token_i) - 1, -1, -1):
            yield self._by_end[k]


# --- mentions --------------------------------------------------------------------------------

@dataclass(eq=False)
class _Cand:
    """A mention under construction."""

    start: int
    end: int
    label: str
    rule: str
    """ner, head (organisation name rule), acronym, expansion or echo."""
    title_start: int | None = None
    """Where a title written inside the entity begins ("President" in "President Lopez")."""
    link: _Cand | None = None
    """The expansion of an acronym, or the acronym of an expansion."""
    cluster: _Cluster | None = None

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


def _is_word(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def _capitalised(token: Token) -> bool:
    """A word written with a capital, an elided article before one included ("d’Intervention")."""
    text = token.text
    if _ELIDED.match(text):
        text = text[2:]
    return text[:1].isupper() and _is_word(token)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and quotation marks, trailing possessives and punctuation."""
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct or doc[start].is_space
                           or doc[start].text in _QUOTES):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].text in _QUOTES):
        end -= 1
    return start, end


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """An entity cut at separators and line breaks ("Vantage, Harbor Bank" is two)."""
    out: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end + 1):
        if i == end or doc[i].text in _SEPARATORS or "\n" in doc[i].text or (
                doc[i].text == "-" and doc[i].whitespace_ and i > start and doc[i - 1].whitespace_):
            s, e = _trim(doc, begin, i)
            if e > s:
                out.append((s, e))
            begin = i + 1
    return out


def _entity_cands(doc: Doc, lex: Lexicon) -> list[_Cand]:
    cands = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        for start, end in _pieces(doc, ent.start, ent.end):
            if not any(_capitalised(t) for t in doc[start:end]) and not (
                    ent.label_ == "ORG" and doc[end - 1].lower_ in lex.nouns):
                continue  # "third", but a lowercase body ("foreign ministry") stays
            label = ent.label_
            if label == "PERSON" and end - start >= 2 and doc[end - 1].text in lex.heads:
                label = "ORG"  # "... Media", "... Party"
            if label in ("ORG", "GPE") and _person_by_company(doc, start, end, lex):
                label = "PERSON"
            cand = _Cand(start, end, label, "ner")
            if label in ("PERSON", "ORG"):
                _split_title(doc, cand, lex)
            cands.append(cand)
    return cands


def _person_by_company(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A name the model calls a body or place that is coordinated with a person's name ("met
    Ana Ruiz and Tomas Vidal"): two or three capitalised words, none of an organisation's,
    a place's or a country's name."""
    span = doc[start:end]
    if not 2 <= len(span) <= 3 or not all(t.pos_ == "PROPN" and _capitalised(t) for t in span):
        return False
    if any(t.text in lex.heads or t.text in lex.mastheads or t.text in lex.others or country_named(t.text)
           for t in span):
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(p.ent_type_ == "PERSON" and p.ent_iob_ != "O" for p in partners)


def _split_title(doc: Doc, cand: _Cand, lex: Lexicon) -> None:
    """Move title words written inside a person's entity out of the name ("Judge Helen Park");
    an organisation's entity that is a title and a name is a person ("Government Spokesperson
    Lars Holm")."""
    i = cand.start
    while i < cand.end - 1 and doc[i].lower_.rstrip(".") in lex.titles:
        i += 1
    if i == cand.start or not _capitalised(doc[i]):
        return
    if cand.label == "ORG":
        name = doc[i:cand.end]
        if not (2 <= len(name) <= 3 and all(_capitalised(t) for t in name)
                and not any(t.text in lex.heads or t.text in lex.mastheads or t.text in lex.others
                            or country_named(t.text) for t in name)):
            return
        cand.label = "PERSON"
    cand.title_start, cand.start = cand.start, i


def _title_case_lines(doc: Doc, segments, arrays: _Arrays) -> np.ndarray:
    """Tokens of sentences written in title case or capitals (headlines, furniture), where the
    model's entities and the name rules are unreliable: every word that is not a stop word
    capitalised, three at least."""
    out = np.zeros(len(doc), dtype=bool)
    for span in (s.span for s in segments) if segments is not None else doc.sents:
        words = arrays.word[span.start:span.end]
        if words.sum() >= 3 and arrays.upper[span.start:span.end][words].all():
            out[span.start:span.end] = True
    return out


def _head_names(doc: Doc, lex: Lexicon, skip: np.ndarray, arrays: _Arrays) -> list[_Cand]:
    """Organisation names the model missed: capitalised words ending in a head word
    ("Some Long Organization"), and a head word followed by "of"/"for" and capitalised words
    ("Ministry of Foreign Affairs")."""
    cands = []
    n = len(doc)
    for i in np.flatnonzero(np.isin(arrays.orth, lex.head_ids) & ~skip):
        tok = doc[int(i)]
        sent_start = tok.sent.start
        start = tok.i
        while start - 1 >= sent_start:
            if _name_part(doc, start - 1):
                start -= 1
            elif (doc[start - 1].lower_ in ("and", "&") and start - 2 >= sent_start and _name_part(doc, start - 2)
                  and not doc[start - 2].ent_type_):
                start -= 2  # "Bureau of Weights and Measures"
            else:
                break
        end = tok.i + 1
        if end < n and doc[end].lower_ in _LEADS:
            while end < n:
                j = end
                while j < n and doc[j].lower_ in _CONNECTORS and not doc[j].is_sent_start:
                    j += 1
                if {"and", "the"} <= {t.lower_ for t in doc[end:j]}:
                    break  # "... of Teachers and the Union": a second body
                k = j
                while k < n and _capitalised(doc[k]) and not doc[k].is_sent_start and doc[k].ent_type_ not in _NOT_NAMES:
                    if doc[k].ent_type_ == "GPE" and country_named(doc[k].text) is not None:
                        break  # "... Guard of Norway": the country owns the body, it is not in its name
                    k += 1
                if j == end or k == j:
                    break
                end = k
        start, end = _trim(doc, start, end)
        if end - start >= 2 and _capitalised(doc[start]):
            cands.append(_Cand(start, end, "ORG", "head"))
    return cands


def _collective_names(doc: Doc, lex: Lexicon, skip: np.ndarray, arrays: _Arrays) -> list[_Cand]:
    """A common noun that names a body when it stands alone as a party ("police said", "the
    police arrested", "according to police"); not as a modifier ("police officers") or
    with another determiner ("a police")."""
    cands = []
    for i in np.flatnonzero(np.isin(arrays.lower, _ids(lex.collectives)) & ~skip):
        tok = doc[int(i)]
        if tok.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ == "det" and c.lower_ != "the" for c in tok.children):
            continue
        head = tok.head
        according = head.lower_ == "to" and head.i > 0 and doc[head.i - 1].lower_ == "according"
        party = tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "pobj" and (head.dep_ == "agent" or according))
        if party:
            start = tok.i  # with its adjectives: "the secret police"
            while start > 0 and doc[start - 1].dep_ == "amod" and doc[start - 1].head.i == tok.i \
                    and doc[start - 1].is_lower and not doc[start - 1].ent_type_:
                start -= 1
            cands.append(_Cand(start, tok.i + 1, "ORG", "head"))
    return cands


def _titled_names(doc: Doc, skip: np.ndarray, arrays: _Arrays) -> list[_Cand]:
    """A name the model missed that a capitalised "The" opens inside a sentence ("told The Sentinel",
    "according to The Hill"): the title of a publication or a body, one to three capitalised
    words that no entity covers, outside quotation marks."""
    cands = []
    n = len(doc)
    for i in np.flatnonzero((arrays.orth == get_string_id("The")) & ~skip):
        tok = doc[int(i)]
        before = doc[tok.i - 1].text if tok.i > 0 else ""
        if tok.is_sent_start or tok.i == 0 or before in _QUOTES or before in (":", "\n"):
            continue
        end = tok.i + 1
        while end < n and end - tok.i <= 3 and doc[end].pos_ == "PROPN" and _capitalised(doc[end]) \
                and not doc[end].ent_type_ and not doc[end].is_sent_start:
            end += 1
        if end > tok.i + 1 and (end == n or not (doc[end].pos_ == "PROPN" or _capitalised(doc[end]))):
            cands.append(_Cand(tok.i + 1, end, "ORG", "ner"))
    return cands


def _name_part(doc: Doc, i: int) -> bool:
    """A token that can stand inside a capitalised name: a capitalised word, or a hyphen or
    lowercase particle glued between two parts ("Jaish-e-Adl")."""
    tok = doc[i]
    if tok.ent_type_ in _NOT_NAMES:
        return False
    if _capitalised(tok) and not (tok.is_sent_start and tok.pos_ not in ("PROPN", "ADJ")):
        return tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.is_upper
    glued = not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    return glued and (tok.text in ("-", "\u2010") or (tok.is_lower and len(tok) <= 3))


def _initials(words: list[str]) -> list[tuple[str, bool]]:
    """(initial, may be skipped) for each word of a name, hyphenated parts counted apart."""
    out = []
    for word in words:
        for part in re.split(r"[-\u2010]", _ELIDED.sub("", word)):
            if not part or not part[0].isalpha():
                continue
            optional = part.lower() in _FUNCTION_WORDS or part.islower() or country_named(part) is not None
            out.append((part[0].upper(), optional))
    return out


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name`` ("JAO", "Jaish-e-Adl
    Organization"), function words, lowercase particles and a leading country optional."""
    letters = [c for c in acronym if c.isalpha()]
    parts = _initials(name.split())
    if not letters or not parts:
        return False
    # reachable[j]: acronym letters matched after some prefix of the parts
    reachable = {0}
    for initial, optional in parts:
        nxt = set()
        for j in reachable:
            if optional:
                nxt.add(j)
            if j < len(letters) and letters[j] == initial:
                nxt.add(j + 1)
        reachable = nxt
        if not reachable:
            return False
    return len(letters) in reachable


def _acronym_cands(doc: Doc, cands: list[_Cand], arrays: _Arrays) -> list[_Cand]:
    """Acronyms defined in brackets, after their name ("Some Long Organization (SLO)") or before
    it ("SLO [Some Long Organization]"), linked to the name; a name the model missed is made from
    the capitalised words whose initials the acronym takes."""
    by_end = {c.end: c for c in cands}
    by_start = {c.start: c for c in cands}
    out = []
    n = len(doc)
    for i in np.flatnonzero(np.isin(arrays.orth, _BRACKETS)):
        tok = doc[int(i)]
        if tok.i + 2 >= n:
            continue
        inner = doc[tok.i + 1]
        if _ACRONYM.match(inner.text) and doc[tok.i + 2].text in (")", "]"):
            long = by_end.get(tok.i) or _capitalised_run(doc, tok.i, inner.text)
            if long is None or not _abbreviates(inner.text, long.span(doc).text):
                continue
            acr = _Cand(inner.i, inner.i + 1, "ORG", "acronym", link=long)
            long.link = acr
            out += [acr] if long in cands else [acr, long]
        elif tok.i > 0 and _ACRONYM.match(doc[tok.i - 1].text):
            close = next((t.i for t in doc[tok.i + 1: min(n, tok.i + 16)] if t.text in (")", "]")), None)
            if close is None:
                continue
            s, e = _trim(doc, tok.i + 1, close)
            if e <= s or not _abbreviates(doc[tok.i - 1].text, doc[s:e].text):
                continue
            long = by_start.get(s) if by_start.get(s) is not None and by_start[s].end == e else None
            long = long or _Cand(s, e, "ORG", "expansion")
            acr = by_end.get(tok.i)
            if acr is None or acr.start != tok.i - 1:
                acr = _Cand(tok.i - 1, tok.i, "ORG", "acronym")
            acr.rule, acr.link, long.link = "acronym", long, acr
            out += [c for c in (acr, long) if c not in cands]
    return out


def _capitalised_run(doc: Doc, end: int, acronym: str) -> _Cand | None:
    """The shortest run of name words ending before ``end`` whose initials make ``acronym``."""
    start = end
    sent_start = doc[end].sent.start
    while start - 1 >= sent_start and (_name_part(doc, start - 1) or doc[start - 1].lower_ in _CONNECTORS):
        start -= 1
        if _capitalised(doc[start]) and _abbreviates(acronym, doc[start:end].text):
            return _Cand(start, end, "ORG", "expansion")
        if end - start > 12:
            break
    return None


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """One candidate per token: the longer wins; a rule's name beats the model's entity of the same
    length; an acronym or its expansion is always kept."""
    rank = {"acronym": 3, "expansion": 3, "head": 2, "ner": 1}
    ordered = sorted(cands, key=lambda c: (-(rank[c.rule] == 3), -(c.end - c.start), -rank[c.rule], c.start))
    taken: set[int] = set()
    kept = []
    for c in ordered:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# --- merging ---------------------------------------------------------------------------------

@dataclass(eq=False)
class _Cluster:
    key: str
    kind: str
    """country, person, org or place."""
    cands: list[_Cand] = field(default_factory=list)
    country: str | None = None
    place_only: bool = True
    owner: str | None = None
    """The country an organisation's name begins with ("Norwegian" in "Norwegian Foreign Ministry")."""


def _person_words(text: str, lex: Lexicon) -> list[str]:
    """The folded words of a person's name without initials and suffixes ("cyrus vance")."""
    words = [w.strip(".,") for w in fold(text).split()]
    return [w for w in words if len(w) > 1 and w not in _NAME_SUFFIXES]


def _surname_forms(words: list[str], lex: Lexicon) -> list[str]:
    """A surname with and without its particle ("al-assad", "assad"; "le drian", "drian")."""
    last = words[-1]
    forms = [last]
    if "-" in last and last.split("-")[0] in lex.particles:
        forms.append(last.split("-", 1)[1])
    if len(words) >= 3 and words[-2] in lex.particles:
        forms.append(" ".join(words[-2:]))
    return forms


def _place_use(span: Span) -> bool:
    """A city or region named as a location ("a hospital in Berlin", "the mayor of Paris"), not
    as its government: a subject, an owner, an object, a party to talks ("talks with Moscow",
    "Moscow denied", "Ankara's response", "the Ankara government")."""
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head is not root and root.head.ent_type_ == root.ent_type_:
        root = root.head
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in lexicon().place_verbs
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dative"):
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ not in _PARTY_PREPS and root.head.dep_ != "agent"
    if root.dep_ in ("compound", "nmod", "amod"):
        return lexicon().nouns.get(root.head.lemma_.lower()) != "country"
    return True


def _described_as_body(span: Span, lex: Lexicon) -> bool:
    """A name the text calls a body ("the news website X", "the X agency"), whatever its type."""
    root = span.root
    kinds = {lex.nouns.get(root.head.lemma_.lower())} if root.dep_ in ("appos", "compound") else set()
    kinds |= {lex.nouns.get(c.lemma_.lower()) for c in root.children if c.dep_ == "appos"}
    return bool(kinds - {None, "country"})


def _noun_use(span: Span) -> bool:
    """A group named as a noun ("Greens said"), not as an adjective ("south European")."""
    root = span.root
    return root.pos_ in ("NOUN", "PROPN") and root.dep_ != "amod"


def _org_key(text: str) -> tuple[str, str | None]:
    """An organisation's folded name without a leading country, and that country."""
    words = fold(text).split()
    for n in (3, 2, 1):
        if len(words) > n:
            country = country_named(" ".join(text.split()[:n]), adjective=True)
            if country is not None:
                return " ".join(words[n:]), country
    return " ".join(words), None


class _Merger:
    """Assigns each candidate to a cluster, in text order."""

    def __init__(self, doc: Doc, lex: Lexicon, cands: list[_Cand]) -> None:
        self.doc = doc
        self.lex = lex
        self.clusters: dict[str, _Cluster] = {}
        self.bodies: dict[str, list[_Cluster]] = {}
        self.long_bodies: list[tuple[tuple[str, ...], _Cluster]] = []
        self.singles: dict[str, _Cluster] = {}
        self.acronyms: dict[str, _Cluster] = {}
        self.surnames: dict[str, list[tuple[int, str]]] = {}
        # people's full names and organisations' names, for short forms before or after them
        self.people: dict[str, list[tuple[int, str]]] = {}
        self.org_firsts: dict[str, list[tuple[int, str]]] = {}
        self.org_lasts: dict[str, list[tuple[int, str]]] = {}
        for c in cands:
            text = c.span(doc).text
            if c.label == "PERSON":
                words = _person_words(text, lex)
                if len(words) >= 2 and not (len(words) == 2 and words[0] in lex.particles):
                    key = "person:" + " ".join(words)
                    for form in _surname_forms(words, lex) + [words[0]]:
                        self.people.setdefault(form, []).append((c.start, key))
                    self.surnames.setdefault(words[-1], []).append((c.start, key))
            if c.label == "ORG" and len(text.split()) >= 2:
                body, _ = _org_key(text)
                if body:
                    self.org_firsts.setdefault(body.split()[0], []).append((c.start, body))
                    self.org_lasts.setdefault(body.split()[-1], []).append((c.start, body))
        self.countries = {k for k in (self._country(c) for c in cands) if k}

    def _country(self, c: _Cand) -> str | None:
        text = self.doc[c.start:c.end].text
        if c.label in ("GPE", "NORP"):
            return country_named(text, adjective=True)
        if c.label == "PERSON" and fold(text) in self.people:
            return None  # "Jordan" after "Michael Jordan"
        return country_named(text)

    @staticmethod
    def _nearest(table: dict[str, list[tuple[int, str]]], form: str, at: int, first: bool = False) -> str | None:
        """The name ``form`` is short for: of the names before ``at``, the nearest (or, with
        ``first``, the first one introduced: a bare surname shared by two people is taken for
        the one the article introduced first); else the first name after it (a headline)."""
        entries = table.get(form)
        if not entries:
            return None
        before = [key for pos, key in entries if pos < at]
        if not before:
            return entries[0][1]
        return before[0] if first else before[-1]

    def cluster(self, key: str, kind: str) -> _Cluster:
        if key not in self.clusters:
            self.clusters[key] = _Cluster(key, kind)
        return self.clusters[key]

    def country(self, country: str) -> _Cluster:
        cl = self.cluster("country:" + country, "country")
        cl.country, cl.place_only = country, False
        return cl

    def body(self, body: str, owner: str | None) -> _Cluster:
        """An organisation by its name without a country: "Norwegian Foreign Ministry" and a later
        "foreign ministry" are one; the foreign ministries of two countries are two."""
        squeezed = re.sub(r"[\s\-.']", "", body)
        known = self.bodies.setdefault(squeezed, [])
        for cl in reversed(known):
            if owner is None or cl.owner in (None, owner):
                cl.owner = cl.owner or owner
                return cl
        # "High Court" and "High Court of Appeal"; "Border Guards" and "National Border Guard Corps"
        words = tuple(w.removesuffix("s") for w in body.split())
        if len(words) >= 2:
            for other, cl in reversed(self.long_bodies):
                if (_within(words, other) or _within(other, words)) and (owner is None or cl.owner in (None, owner)):
                    cl.owner = cl.owner or owner
                    known.append(cl)
                    return cl
        cl = self.cluster(f"org:{squeezed}:{owner or ''}", "org")
        cl.owner = owner
        known.append(cl)
        if len(words) >= 2:
            self.long_bodies.append((words, cl))
        return cl

    def assign(self, c: _Cand) -> _Cluster | None:
        doc, lex = self.doc, self.lex
        span = c.span(doc)
        text = span.text
        if c.link is not None and c.link.cluster is not None:
            if c.rule == "acronym":
                self.acronyms.setdefault(text, c.link.cluster)
            return c.link.cluster
        if text in self.acronyms:
            return self.acronyms[text]  # an acronym the text defined, whatever the model calls it
        country = self._country(c)
        if country is not None:
            return self.country(country)
        mentioned = [k for k in titled(text) if k in self.countries]
        if mentioned and c.label != "PERSON":
            return self.country(mentioned[0])  # "the Hashemite Kingdom"
        if c.label == "GPE" and capital_of(text) is not None and not _place_use(span):
            return self.country(capital_of(text))  # "talks with Moscow"
        if c.label == "GPE" and _described_as_body(span, lex):
            c.label = "ORG"  # "the news website X"
        if c.label == "NORP" and not _noun_use(span):
            return None  # "south European"
        if c.label in ("ORG", "GPE") and doc[c.end - 1].text in lex.others:
            return None  # "... Mosque", "... Act"
        if _in_title(doc, c, lex):
            return None  # "State" in "Secretary of State"
        words = _person_words(text, lex)
        single = len(words) == 1 or (len(words) == 2 and words[0] in lex.particles)
        if c.label == "PERSON" and not single and words:
            return self.cluster("person:" + " ".join(words), "person")
        if c.label == "ORG" and _ACRONYM.match(text):
            found = self._acronym_of(text)
            if found is not None:
                return found
        if single and c.label != "NORP":
            # a short form: "Vantage" of "Vantage Motor Company", "Lopez" of "Maria Lopez", "Court"
            # of "High Court"; a word the model calls an organisation is first taken for one
            form = " ".join(words)
            tables = [self.org_firsts, self.people, self.org_lasts]
            if c.label != "ORG":
                tables = [self.people, self.org_firsts, self.org_lasts]
            for table in tables:
                if table is self.people:
                    key = self._nearest(table, form, c.start, first=True)
                    if key is not None:
                        return self.cluster(key, "person")
                else:
                    body = self._nearest(table, form, c.start)
                    if body is not None and body != form:
                        return self.body(body, None)
        if c.label == "GPE":
            cl = self.cluster("place:" + fold(text), "place")
            cl.place_only = cl.place_only and _place_use(span)
            return cl
        if single and fold(text) in self.singles:
            return self.singles[fold(text)]  # one word the model calls a person here, a body there
        if c.label == "PERSON":
            cl = self.cluster("person:" + " ".join(words or [fold(text)]), "person")
        elif single and lex.nouns.get(fold(text)) == "country":
            return None  # "State", "Government" on its own
        else:
            body, owner = _org_key(text)
            if c.label == "NORP" and body.endswith("s"):
                body = body[:-1]  # "Greens", "Green"
            cl = self.body(body, owner)
        if single:
            self.singles.setdefault(fold(text), cl)
        return cl

    def _acronym_of(self, acronym: str) -> _Cluster | None:
        for cl in self.clusters.values():
            if cl.kind == "org" and any(c.end - c.start > 1 and _abbreviates(acronym, c.span(self.doc).text)
                                        for c in cl.cands):
                return cl
        return None


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words ``short`` stand together inside ``long``."""
    n = len(short)
    return n <= len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _in_title(doc: Doc, c: _Cand, lex: Lexicon) -> bool:
    """A single word that belongs to a title ("State" in "Secretary of State")."""
    if c.end - c.start != 1 or c.start < 2:
        return False
    return doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in lex.titles


# --- roles and affiliation -------------------------------------------------------------------

def _role_tokens(doc: Doc, c: _Cand, owner_of, lex: Lexicon) -> tuple[list[Token], ActorDraft | None]:
    """The role words written before or beside a name and the actor they tie it to.

    Before the name, within its noun phrase: the words after the leftmost other actor or
    possessive ("Norway's foreign ministry spokesman", "NTV host"), a body named in lowercase
    ("foreign ministry") being part of the role; else an apposition ("X, the chief executive of
    Y" or "the chief executive, X")."""
    span = c.span(doc)
    root = span.root
    left = root.left_edge.i
    words: list[Token] = list(doc[c.title_start:c.start]) if c.title_start is not None else []
    owner = None
    i = (c.title_start if c.title_start is not None else c.start) - 1
    while i >= left:
        tok = doc[i]
        found = owner_of(i)
        if found is not None and not (found.type == "ORG" and tok.is_lower):
            owner = found
            break
        if tok.text in _POSSESSIVE:
            owner = owner_of(i - 1)
            break
        if tok.lower_ == "of" and i > left and doc[i - 1].lower_ in lex.titles:
            words.insert(0, tok)  # "Secretary of State"
            i -= 1
            continue
        if tok.dep_ in ("det", "punct", "cc", "prep", "case") or tok.pos_ in ("DET", "PRON", "VERB", "NUM"):
            break
        words.insert(0, tok)
        i -= 1
    if words:
        return words, owner
    heads = [t for t in root.children if t.dep_ == "appos" and t.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        heads.append(root.head)
    for head in heads:
        if head.pos_ != "NOUN":
            continue
        words = [t for t in doc[head.left_edge.i: head.i + 1]
                 if t.dep_ not in ("det", "punct", "poss", "case") and owner_of(t.i) is None]
        owner = next((owner_of(t.i) for t in head.subtree if owner_of(t.i) is not None), None)
        return words, owner
    return [], None


# --- the stage -------------------------------------------------------------------------------

def find_actors(doc: Doc, segments=None) -> ActorTable:
    """Actors of a parsed ``Doc``. With ``segments`` (:func:`claimlens.segment.sentences`),
    actors named only in site furniture are left out."""
    lex = lexicon()
    arrays = _Arrays.of(doc)
    headline = _title_case_lines(doc, segments, arrays)
    furniture = headline.copy()
    for seg in segments or ():
        if seg.boilerplate is not None:
            furniture[seg.span.start:seg.span.end] = True
    cands = _entity_cands(doc, lex)
    # in a title-case headline the model's entities run over words ("Post Hit Piece Exploits"):
    # keep only names the body also has, and countries
    body = {fold(c.span(doc).text) for c in cands if not headline[c.start]}
    cands = [c for c in cands if not headline[c.start] or fold(c.span(doc).text) in body
             or country_named(c.span(doc).text, adjective=True) is not None]
    cands += _head_names(doc, lex, headline, arrays)
    cands += _collective_names(doc, lex, headline, arrays)
    cands += _titled_names(doc, headline, arrays)
    cands += _acronym_cands(doc, cands, arrays)
    cands = _resolve_overlaps(cands)
    merger = _Merger(doc, lex, cands)
    for c in cands:
        c.cluster = merger.assign(c)
        if c.cluster is not None:
            c.cluster.cands.append(c)
    cands = [c for c in cands if c.cluster is not None]
    cands = _echoes(doc, cands, merger, arrays)
    return _build(doc, cands, furniture, lex)


def _echoes(doc: Doc, cands: list[_Cand], merger: _Merger, arrays: _Arrays) -> list[_Cand]:
    """Surnames and acronyms of actors already found, where the model missed them: the
    nearest full name with that surname, the organisation an acronym was defined for."""
    acronyms = {c.span(doc).text: cl for cl in merger.clusters.values() for c in cl.cands if c.rule == "acronym"}
    if not acronyms and not merger.surnames:
        return cands
    taken = np.zeros(len(doc), dtype=bool)
    for c in cands:
        taken[c.start:c.end] = True
    hits = (np.isin(arrays.orth, _ids(acronyms)) | np.isin(arrays.lower, _ids(merger.surnames))) & ~taken
    added = []
    for i in np.flatnonzero(hits):
        tok = doc[int(i)]
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or not tok.text[:1].isupper():
            continue
        cl = acronyms.get(tok.text)
        if cl is None and tok.lower_ in merger.surnames:
            cl = merger.clusters.get(merger._nearest(merger.surnames, tok.lower_, tok.i, first=True))
        if cl is None:
            continue
        c = _Cand(tok.i, tok.i + 1, "PERSON" if cl.kind == "person" else "ORG", "echo", cluster=cl)
        cl.cands.append(c)
        added.append(c)
    return sorted(cands + added, key=lambda c: c.start)


def _build(doc: Doc, cands: list[_Cand], furniture: np.ndarray, lex: Lexicon) -> ActorTable:
    table = ActorTable(doc)
    clusters: dict[int, _Cluster] = {}
    for c in cands:
        clusters.setdefault(id(c.cluster), c.cluster)
    kept = [cl for cl in clusters.values()
            if not (cl.kind == "place" and cl.place_only)
            and any(not furniture[c.start:c.end].all() for c in cl.cands)]
    drafts: dict[int, ActorDraft] = {}
    for n, cl in enumerate(sorted(kept, key=lambda cl: min(c.start for c in cl.cands)), 1):
        draft = ActorDraft(f"A{n}", _name(doc, cl), _type(cl), cl.key)
        for c in sorted(cl.cands, key=lambda c: c.start):
            span = c.span(doc)
            draft.mentions.append(Mention(span.start_char, span.end_char, span.text, c.label, c.start, c.end))
            if c.title_start is not None:
                draft.titles.append(doc[c.title_start:c.end].text)
        drafts[id(cl)] = draft
    table.actors = list(drafts.values())
    table._index()

    def owner_of(i: int) -> ActorDraft | None:
        return table.actor_at(i) if i >= 0 else None

    by_name = {a.name: a for a in table.actors}
    for cl in kept:
        draft = drafts[id(cl)]
        if cl.owner is not None and cl.owner in by_name:
            draft.affiliation = by_name[cl.owner].id
        for c in cl.cands:
            if c.rule == "echo" or cl.kind not in ("person", "org"):
                continue
            words, owner = _role_tokens(doc, c, lambda i, cl=cl: _cluster_actor(i, table, drafts, cl), lex)
            role = _role_text(words, cl.kind, lex)
            if role and role not in draft.roles:
                draft.roles.append(role)
            if owner is not None and draft.affiliation is None and owner is not draft:
                draft.affiliation = owner.id
    return table


def _cluster_actor(i: int, table: ActorTable, drafts: dict[int, ActorDraft], cl: _Cluster) -> ActorDraft | None:
    actor = table.actor_at(i) if i >= 0 else None
    if actor is None or actor is drafts.get(id(cl)):
        return None
    return actor


def _role_text(words: list[Token], kind: str, lex: Lexicon) -> str:
    """A role from its words: lowercased, courtesy titles left out, a noun required."""
    courtesy = {w.rstrip(".") for w in lex.courtesy}
    words = [t for t in words if t.lower_.rstrip(".") not in courtesy and not t.is_space]
    while words and not _is_word(words[0]):
        words = words[1:]
    if not words or len(words) > _MAX_ROLE_TOKENS:
        return ""
    if kind == "person" and not any(t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.lower_ in lex.titles
                                    for t in words):
        return ""
    if kind == "org" and not any(t.lower_ in lex.nouns for t in words):
        return ""
    parts = []
    for t, nxt in zip(words, words[1:] + [None]):
        glued = nxt is not None and nxt.i == t.i + 1 and not t.whitespace_
        parts.append(t.lower_ + ("" if glued else " "))
    return "".join(parts).strip()


def _name(doc: Doc, cl: _Cluster) -> str:
    if cl.country is not None:
        return cl.country
    texts = [c.span(doc).text for c in cl.cands if c.rule != "acronym"] or [c.span(doc).text for c in cl.cands]
    return max(texts, key=lambda t: (len(t.split()), len(t)))


def _type(cl: _Cluster) -> str:
    if cl.kind == "country" or cl.kind == "place":
        return "GPE"
    if cl.kind == "person":
        return "PERSON"
    return "ORG"
