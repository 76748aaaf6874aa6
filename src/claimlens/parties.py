"""Parties: who a phrase names, and for whom a statement's speaker speaks.

Part of the stance stage: :mod:`claimlens.disputes` pairs an accusation with the statement that
answers it when the speaker is the accused party. A party is named by keys: an actor's id
("@A3") and the last word of its name, a noun's lemma, and for a body no actor stands for, its
kind ("kind:force" for "the army"). A speaker speaks for

- itself, and the body the actors stage affiliates it with (a spokesman's ministry);
- the owner its description, or an apposition to it, names: "Varga's publicist", "a lawyer for
  Kent", "Jane Roe, the chief executive of Acme", "its president" (the organisation named last
  before), "a lawyer for the defendant" (whoever an accusation is against: ``ACCUSED``);
- the body it works for, told by its words (:meth:`Parties.members`): "officers" of the police,
  "soldiers" and "a military spokesman" of the army, "officials" of a ministry, "company
  executives" of the company (``staff`` words of ``models/actor_words.tsv``, and a body's word
  among its modifiers).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from . import stance as st
from .actors import ActorDraft, ActorTable
from .actorwords import lexicon
from .columns import columns
from .descriptions import org_match, resolve_body, resolve_description
from .drafts import Draft
from .resources import read_model_tsv

CORE_DEPS = {"poss", "compound", "amod", "appos", "conj", "nmod", "dobj"}
OWNING_PREPS = ("for", "of")
"""Prepositions whose object a description speaks for: "a lawyer for Kent", "the head of Acme"."""
ORG_POSSESSIVES = ("its", "their")
ACCUSED = "role:accused"
"""The key of whoever an accusation is against: "a lawyer for the defendant" speaks for them."""


@lru_cache(maxsize=1)
def staff() -> dict[str, frozenset[str]]:
    """Nouns for one who works for a body of some kind ("officer" → force) → the kinds."""
    out: dict[str, set[str]] = {}
    for word, cls, kind in read_model_tsv("actor_words.tsv"):
        if cls == "staff":
            out.setdefault(word, set()).add(kind)
    return {w: frozenset(k) for w, k in out.items()}


def actor_keys(actor: ActorDraft) -> set[str]:
    """An actor's id and the last word of its name, as a mention the table missed may name it."""
    return {f"@{actor.id}", actor.name.split()[-1].lower()} if actor.name.split() else {f"@{actor.id}"}


def core(token: Token) -> list[int]:
    """The indices of the tokens that say whom a phrase is about: its head, possessors,
    modifiers, appositions and "of"/"by" phrases, not the clauses inside it ("Chile's decision to
    cut ties with Peru" is about Chile)."""
    cols = columns(token.doc)
    dep, lower = cols.dep, cols.lower
    out, stack = [], [token.i]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in cols.children(t):
            if dep[c] in CORE_DEPS or (dep[c] == "prep" and lower[c] in ("of", "by")) \
                    or (dep[c] == "pobj" and dep[t] == "prep"):
                stack.append(c)
    return out


def body_kind(token: Token) -> str | None:
    """The kind of body a common noun or adjective names ("the army", "military" → force), or None; a country's words are
    left to the actors stage ("the government" is its country)."""
    kind = lexicon().nouns.get(st._lemma(token)) if token.pos_ in ("NOUN", "ADJ") else None
    return kind if kind not in (None, "country") else None


@dataclass
class Parties:
    """The keys of the phrases and speakers of one document, a phrase's computed once."""

    table: ActorTable
    _seen: dict[int, set[str]] = field(default_factory=dict)

    def named(self, t: Token) -> set[str]:
        """The keys of a word that is no pronoun of the speaker: its lemma and its actor ("the
        mayor" → the mayor named before)."""
        if t.i not in self._seen:
            out = {st._lemma(t)} if t.pos_ in ("NOUN", "PROPN") else set()
            actor = next((a for c in core(t) if (a := self.table.actor_at(c)) is not None), None)
            cols = columns(t.doc)
            if actor is None and t.pos_ == "NOUN" and any(cols.dep[c] == "det" and cols.lower[c] == "the"
                                                          for c in cols.children(t.i)):
                actor = resolve_description(self.table, t.i)
            self._seen[t.i] = out | (actor_keys(actor) if actor is not None else set())
        return self._seen[t.i]

    def speaker(self, draft: Draft) -> set[str]:
        """The speaker and whom it speaks for: the body it belongs to (a spokesman's ministry), the
        one its description or an apposition to it names ("Varga's publicist", "her manager", "a
        lawyer for Kent", "Jane Roe, the chief executive of Acme", "its president")."""
        keys = actor_keys(draft.actor) if draft.actor is not None else set()
        if draft.actor is not None and draft.actor.affiliation is not None:
            body = next((a for a in self.table.actors if a.id == draft.actor.affiliation), None)
            keys |= actor_keys(body) if body is not None else set()
        if draft.speaker is None:
            return keys
        root = draft.speaker.root
        keys.add(st._lemma(root))
        keys |= {st._lemma(t) for t in draft.speaker  # a title: "Governor Tim Roe" is the governor
                 if t.dep_ == "compound" and t.head.i == root.i
                 and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON"}
        if draft.actor is None:  # "the company" after the company's name
            keys |= self.named(root)
        for head in (root, *(c for c in root.children if c.dep_ == "appos")):
            for o in self._owners(head):
                keys |= self._owner_keys(o)
        return keys

    def members(self, draft: Draft) -> set[str]:
        """The body a speaker works for, told by its words: a staff word ("officers", "officials")
        or a body's word among its modifiers ("a military spokesman", "company executives") — the
        organisation of that kind named last before, else the kind ("kind:force")."""
        if draft.speaker is None or draft.rule == "own":
            return set()
        root = draft.speaker.root
        keys: set[str] = set()
        for kind in staff().get(st._lemma(root), ()):
            body = self._body_before(root.i, kind)
            keys |= actor_keys(body) if body is not None else {f"kind:{kind}"}
        for m in root.children:
            if m.dep_ not in ("compound", "amod") or m.ent_type_ == "PERSON":
                continue
            body = resolve_body(self.table, m.i)
            kind = body_kind(m)
            keys |= actor_keys(body) if body is not None else {f"kind:{kind}"} if kind else set()
        return keys

    def _owners(self, head: Token) -> list[Token]:
        """Whom a description names as the one it works for: "Kent's", "for Kent", "of Acme"."""
        out = []
        for c in head.children:
            if c.dep_ == "poss":
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in OWNING_PREPS:
                out += [g for g in c.children if g.dep_ == "pobj"]
        return out

    def _owner_keys(self, o: Token) -> set[str]:
        if o.lower_ in ("his", "her"):
            person = next((a for a in self.table.before(o.i) if a.type == "PERSON"), None)
            return actor_keys(person) if person is not None else set()
        if o.lower_ in ORG_POSSESSIVES:  # "its president": the organisation named last before
            body = next((a for a in self.table.before(o.i) if a.type != "PERSON"), None)
            return actor_keys(body) if body is not None else set()
        if st._lemma(o) in st.stance_lexicon().disputes["accused"]:  # "a lawyer for the defendant"
            return {ACCUSED}
        return self.named(o) if o.pos_ in ("PROPN", "NOUN") else set()

    def _body_before(self, i: int, kind: str) -> ActorDraft | None:
        """The organisation of a kind named last before token ``i``."""
        lex = lexicon()
        return next((a for a in self.table.before(i) if a.type == "ORG"
                     and org_match(a, "", kind, [], lex) in ("kind", "word")), None)
