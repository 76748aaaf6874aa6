"""Actors: entity mentions merged into one canonical, typed actor per participant.

The stage in three jobs: :mod:`claimlens.mentions` finds the names a document gives its parties and
keeps those whose use can name a party (the party filter); :mod:`claimlens.merging` merges them into
one cluster per participant; this module builds the actors, their roles and affiliation, and the
table the later stages look mentions and descriptions up in (:mod:`claimlens.actorwords` holds the
words all three read). Actors named only in site furniture or title-case headlines are left out,
and places that are only locations (a city named only where something happened).

Roles and affiliation come from the words around a name: "Norway's foreign ministry spokesman
Lars Holm" is a person with the role "foreign ministry spokesman" and the affiliation Norway, and
the foreign ministry an actor whose affiliation is Norway; "Tom Reed, the chief executive of Kenya
Airways" has the role "chief executive" and the affiliation Kenya Airways. A capitalised title
written before a name is kept as an alias ("King Talal").
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from .actorwords import _POSSESSIVE, Lexicon, _Arrays, lexicon
from .countries import country_named, fold
from .mentions import (
    _acronym_cands,
    _Cand,
    _collective_names,
    _entity_cands,
    _head_names,
    _is_word,
    _party_use,
    _resolve_overlaps,
    _role_bodies,
    _site_names,
    _title_case_lines,
    _titled_names,
)
from .merging import _Cluster, _echoes, _Merger

_MAX_ROLE_TOKENS = 6


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


# --- roles and affiliation -------------------------------------------------------------------

def _role_tokens(doc: Doc, c: _Cand, owner_of, lex: Lexicon) -> tuple[list[Token], ActorDraft | None]:
    """The role words written before or beside a name and the actor they tie it to.

    Before the name, within its noun phrase: the words after the leftmost other actor or
    possessive ("Norway's foreign ministry spokesman", "NTV host"), a country's body ("foreign
    ministry", "Chilean Foreign Ministry") being part of the role and its country the owner; else
    an apposition ("X, the chief executive of Y" or "the chief executive, X"). ``owner_of(i,
    before)`` is the actor at token ``i``, the country of a body's name where ``before``."""
    span = c.span(doc)
    root = span.root
    left = root.left_edge.i
    words: list[Token] = list(doc[c.title_start:c.start]) if c.title_start is not None else []
    owner = None
    i = (c.title_start if c.title_start is not None else c.start) - 1
    while i >= left:
        tok = doc[i]
        found = owner_of(i)
        if not _role_word(tok, found):
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
                 if t.dep_ not in ("det", "punct", "poss", "case") and _role_word(t, owner_of(t.i))]
        owner = next((owner_of(t.i, t.i < head.i) for t in head.subtree if owner_of(t.i) is not None
                      and not (t.i < head.i and _role_word(t, owner_of(t.i)))), None)
        return words, owner
    return [], None


def _role_word(tok: Token, actor: ActorDraft | None) -> bool:
    """A word that may be part of a role: no actor's, or a country's body's ("foreign ministry" in
    "China's foreign ministry spokesman", "Foreign Ministry" in "Chilean Foreign Ministry
    Spokesman"), or a body's named in lowercase."""
    return actor is None or (actor.type == "ORG" and (tok.is_lower or actor.affiliation is not None))


# --- the stage -------------------------------------------------------------------------------

def find_actors(doc: Doc, segments=None) -> ActorTable:
    """Actors of a parsed ``Doc``. With ``segments`` (:func:`claimlens.segment.sentences`),
    actors named only in site furniture are left out."""
    lex = lexicon()
    arrays = _Arrays.of(doc)
    headline = _title_case_lines(doc, segments, arrays)
    furniture = headline.copy()
    for seg in segments or ():
        if seg.boilerplate not in (None, "signature"):
            furniture[seg.span.start:seg.span.end] = True
    cands = _entity_cands(doc, lex)
    # in a title-case headline the model's entities run over words ("Post Hit Piece Exploits"):
    # keep only names the body also has, and countries
    body = {fold(c.text(doc)) for c in cands if not headline[c.start]}
    cands = [c for c in cands if not headline[c.start] or fold(c.text(doc)) in body
             or country_named(c.text(doc), adjective=True) is not None]
    cands += _head_names(doc, lex, headline, arrays)
    cands += _collective_names(doc, lex, headline, arrays)
    cands += _titled_names(doc, headline, arrays)
    cands += _role_bodies(doc, cands, lex)
    cands += _site_names(doc, headline)
    cands += _acronym_cands(doc, cands, arrays)
    cands = _resolve_overlaps(cands)
    merger = _Merger(doc, lex, cands)
    for c in cands:
        c.cluster = merger.assign(c)
        if c.cluster is not None:
            c.cluster.cands.append(c)
    merger.merge_acronyms()
    merger.merge_appositions(cands)
    cands = [c for c in cands if c.cluster is not None]
    cands = _echoes(doc, cands, merger, arrays)
    return _build(doc, cands, furniture, lex)


def _build(doc: Doc, cands: list[_Cand], furniture: np.ndarray, lex: Lexicon) -> ActorTable:
    table = ActorTable(doc)
    clusters: dict[int, _Cluster] = {}
    for c in cands:
        clusters.setdefault(id(c.cluster), c.cluster)
    kept = [cl for cl in clusters.values()
            if not (cl.kind == "place" and cl.place_only)
            and any(not furniture[c.start:c.end].all() for c in cl.cands)
            and any(_party_use(doc, c, lex) for c in cl.cands if c.rule != "echo")]
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

    by_name = {a.name: a for a in table.actors}
    prefixes: dict[int, ActorDraft] = {}
    for cl in kept:
        if cl.owner is not None and cl.owner in by_name:
            drafts[id(cl)].affiliation = by_name[cl.owner].id
            # the country a body's name begins with is the owner a role reads there ("the Chilean
            # Foreign Ministry spokesman": Chile), not the body
            for c in cl.cands:
                n = next((n for n in (3, 2, 1) if c.end - c.start > n
                          and country_named(doc[c.start:c.start + n].text, adjective=True) == cl.owner), 0)
                prefixes.update((i, by_name[cl.owner]) for i in range(c.start, c.start + n))
    for cl in kept:
        draft = drafts[id(cl)]
        for c in cl.cands:
            if c.rule == "echo" or cl.kind not in ("person", "org"):
                continue
            words, owner = _role_tokens(doc, c, lambda i, before=True, cl=cl: _cluster_actor(
                i, table, drafts, cl, prefixes if before else {}), lex)
            role = _role_text(words, cl.kind, lex)
            if role and role not in draft.roles:
                draft.roles.append(role)
            titled = _written_title(doc, words, c) if role and cl.kind == "person" else None
            if titled is not None and titled not in draft.titles:
                draft.titles.append(titled)  # "King Talal" of "Jordan's King Talal"
            if owner is not None and draft.affiliation is None and owner is not draft:
                draft.affiliation = owner.id
    return table


def _written_title(doc: Doc, words: list[Token], c: _Cand) -> str | None:
    """The name with the capitalised title written just before it ("King Talal"), if any."""
    at = c.title_start if c.title_start is not None else c.start
    first = None
    for tok in reversed(words):
        if tok.i != at - 1 or not (tok.is_title or tok.is_upper):
            break
        first = at = tok.i
    return doc[first:c.end].text if first is not None and c.title_start is None else None


def _cluster_actor(i: int, table: ActorTable, drafts: dict[int, ActorDraft], cl: _Cluster,
                   prefixes: dict[int, ActorDraft]) -> ActorDraft | None:
    actor = prefixes.get(i) or (table.actor_at(i) if i >= 0 else None)
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
    texts = [c.text(doc) for c in cl.cands if c.rule != "acronym"] or [c.text(doc) for c in cl.cands]
    return max(texts + ([cl.written] if cl.written else []), key=lambda t: (len(t.split()), len(t)))


def _type(cl: _Cluster) -> str:
    if cl.kind == "country" or cl.kind == "place":
        return "GPE"
    if cl.kind == "person":
        return "PERSON"
    return "ORG"
