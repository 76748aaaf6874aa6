"""Descriptions and bodies: the actor a description refers to ("the spokesman", "the ministry",
"the newspaper", "the kingdom"; :func:`resolve_description`), the body a member's word names ("a
court clerk" → the court, "senators" → the Senate; :func:`resolve_body`) and the organisations
the text calls an outlet (:func:`outlets`). :mod:`claimlens.speakers` calls them for the
descriptions it resolves.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .actors import ActorDraft, ActorTable
from .actorwords import Lexicon, lexicon
from .countries import STATE_FORMS, titled

STATE_OWNED = {"state", "state-run", "state-owned", "official", "government", "government-run", "public"}


def outlets(table: ActorTable) -> list[tuple[int, ActorDraft]]:
    """Organisations the text calls an outlet ("the news website X", "the satire site, X"), with
    the token of their first mention, in order."""
    lex = lexicon()
    out = []
    for actor in table.actors:
        if actor.type == "ORG" and actor.mentions and any(
                lex.nouns.get(w) == "media" for r in actor.roles for w in _words(r)):
            out.append((actor.mentions[0].token_start, actor))
    return sorted(out, key=lambda p: p[0])


def press_origin(table: ActorTable, head: Token) -> set[int]:
    """The tokens of the countries that say where a description of the press is from ("UK media
    outlets", "a Turkish newspaper"): a place, not who speaks. Media that are the state's
    ("Iranian state television") do speak for it."""
    if lexicon().nouns.get(head.lemma_.lower()) != "media" or any(t.lower_ in STATE_OWNED for t in head.lefts):
        return set()
    return {t.i for t in head.doc[head.left_edge.i : head.i]
            if table.actor_at(t.i) is not None and table.actor_at(t.i).type == "GPE"}


def resolve_body(table: ActorTable, token_i: int) -> ActorDraft | None:
    """The body a word of a description names: "court" in "a court clerk" → the court named
    before, "ministry" in "ministry officials" → the ministry, "senators" → the Senate (the
    body whose name has the word, named before, else after; a member in the plural only)."""
    actor = table.actor_at(token_i)
    if actor is not None:
        return actor
    lex = lexicon()
    tok = table.doc[token_i]
    word = tok.lemma_.lower()
    forms = (word, tok.lower_, tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_)
    body = next((lex.members[f] for f in forms if f in lex.members), None)
    if body is not None and tok.tag_ in ("NNS", "NNPS"):  # "senators"; "the senator" is someone
        named = [a for a in table.before(token_i)] + table.actors
        return next((a for a in named if a.type == "ORG" and body in _words(a.name)), None)
    if word in lex.nouns and lex.nouns[word] != "country":
        found = resolve_description(table, token_i, people=False, climb=False)
        return found if found is not None and found.type != "PERSON" else None
    return None


def resolve_description(table: ActorTable, token_i: int, people: bool = True, climb: bool = True) -> ActorDraft | None:
    """The actor a description at ``token_i`` refers to: "the spokesman" → the person whose
    role is spokesman, "the ministry" → the ministry named before, "the newspaper" → the
    organisation the text called a newspaper, "the Hashemite Kingdom" or "the kingdom" → the
    country it names. ``token_i`` is any token of the noun phrase; the nearest matching
    actor before it wins (an owner named in the phrase, "Norway's ministry", must match).
    With ``people`` false (an indefinite description, "a protester", introduces someone new)
    no person is matched by role; a plural ("the officers") matches only people by role; with
    ``climb`` false the word at ``token_i`` is the head (a modifier: "court" in "a court
    clerk")."""
    doc = table.doc
    actor = table.actor_at(token_i)
    if actor is not None:
        return actor
    head = doc[token_i]
    while climb and head.dep_ in ("compound", "amod") and head.head is not head and head.head.i > head.i:
        head = head.head
    if table.actor_at(head.i) is not None:
        return table.actor_at(head.i)
    lex = lexicon()
    word = head.lemma_.lower()
    group = head.lower_ != word and head.lower_ not in lex.nouns and "Plur" in head.morph.get("Number")
    if group and (not people or lex.nouns.get(word) is not None):
        return None  # "countries": not one actor
    owner, modifiers = _owner_and_modifiers(table, head)
    kind = lex.nouns.get(word)
    if owner is not None and owner.type == "GPE" and press_origin(table, head):
        return None  # "UK media outlets": outlets from there, none of them named
    phrase = " ".join([*modifiers, head.lower_])
    countries = set(titled(phrase)) or (set(titled(word)) if word in STATE_FORMS else set())
    if kind == "country" or countries:
        if owner is not None and owner.type == "GPE":
            return owner
        for actor in table.before(token_i):
            if actor.type == "GPE" and actor.key.startswith("country:") and (
                    not countries or actor.name in countries):
                return actor
        return None
    person = word in lex.titles and kind is None
    by_kind = None  # "the newspaper": one the text called a newspaper before one of that kind
    unknown = None  # "the company" (definite): else the nearest organisation of no kind told
    for actor in table.before(token_i):
        if owner is not None and not _owned(actor, owner):
            continue
        if people and actor.type == "PERSON" and _role_matches(actor, word, modifiers,
                                                               _affiliation(table, actor)):
            return actor  # of a plural ("both officers"), one of the people named with the role
        if not person and not group and actor.type == "ORG":
            match = org_match(actor, word, kind, modifiers, lex)
            if match == "word":
                return actor
            if match == "kind" and by_kind is None:
                by_kind = actor
            if match == "unknown" and kind == "company" and people and unknown is None:
                unknown = actor
    if by_kind is None and unknown is None and word == "ministry" and people and not group:
        # a ministry the text does not name is the government's: the country named last
        # ("Norway banned the airline. The transport ministry said ...")
        return owner if owner is not None and owner.type == "GPE" else next(
            (a for a in table.before(token_i) if a.type == "GPE" and a.key.startswith("country:")), None)
    return by_kind or unknown


def _affiliation(table: ActorTable, actor: ActorDraft) -> ActorDraft | None:
    return next((a for a in table.actors if a.id == actor.affiliation), None) if actor.affiliation else None


def _owner_and_modifiers(table: ActorTable, head: Token) -> tuple[ActorDraft | None, list[str]]:
    """The actor a description names as its owner ("Norway's", "Norwegian", "of Norway") and its other
    modifiers, lowercased ("foreign" in "the foreign ministry")."""
    owner = None
    modifiers: list[str] = []
    for child in head.doc[head.left_edge.i: head.i]:
        actor = table.actor_at(child.i)
        if actor is not None and child.dep_ in ("poss", "amod", "compound", "nmod"):
            owner = actor
        elif child.dep_ in ("compound", "amod") and child.is_alpha:
            modifiers.append(child.lower_)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and table.actor_at(pobj.i) is not None:
                    owner = table.actor_at(pobj.i)
    return owner, modifiers


def _owned(actor: ActorDraft, owner: ActorDraft) -> bool:
    """Whether ``actor`` belongs to ``owner``: its affiliation is the owner or the owner's, or the
    owner is a body its role names ("the foreign ministry spokesman")."""
    if actor.affiliation is not None and actor.affiliation in (owner.id, owner.affiliation):
        return True
    role_words = {w for r in actor.roles for w in _words(r)}
    return owner.type == "ORG" and bool(role_words) and set(_words(owner.name)[-2:]) <= role_words


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _role_matches(actor: ActorDraft, word: str, modifiers: list[str], affiliation: ActorDraft | None) -> bool:
    """Whether a person's role is the description: its word, and each modifier in the role or in
    the name of the body the person belongs to ("the foreign ministry spokesman" and a
    spokesman of the Foreign Ministry)."""
    body = set(_words(affiliation.name)) if affiliation is not None else set()
    for role in actor.roles:
        words = _words(role)
        if (word in words or (word + "s") in words) and all(m in words or m in body for m in modifiers):
            return True
    return False


def org_match(actor: ActorDraft, word: str, kind: str | None, modifiers: list[str], lex: Lexicon) -> str | None:
    """How an organisation fits a description: by the word ("word": "the ministry" and a
    "... Ministry", "the newspaper" and one called a newspaper), by its kind ("kind": "the
    newspaper" and a "... Times", "the company" and an "... Inc.", one of its words telling the kind),
    one whose name and roles tell no kind at all ("unknown"), or not at all (None)."""
    name_words = _words(actor.name)
    role_words = [w for r in actor.roles for w in _words(r)]
    known = set(name_words) | set(role_words)
    if not all(m in known for m in modifiers):
        return None
    if word in known:
        return "word"
    written = [w.rstrip(".") for w in actor.name.split()]  # "Acme Motors Inc.", "The Daily Ledger"
    kinds = {lex.heads.get(w) for w in written} | {lex.mastheads.get(w) for w in written}
    kinds |= {lex.nouns.get(w) for w in role_words}
    if kinds <= {None}:
        return "unknown"
    return "kind" if kind is not None and kind in kinds else None
