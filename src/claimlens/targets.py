"""Targets: the actors a statement is about, for the ``targets`` field of a record.

Part of the stance stage (``stance.label`` calls :func:`targets` once each statement has its
verdict). A denial is about whom the denied allegation is against, else the subject of what it
says, else its speaker; another statement is about whom its cue acts on, or the subject of what
it says.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import content
from . import stance as st
from .actors import ActorDraft, ActorTable
from .drafts import Draft
from .parties import core


def actors_of(tokens: list[Token], table: ActorTable) -> list[ActorDraft]:
    seen: dict[str, ActorDraft] = {}
    for token in tokens:
        for t in core(token):
            actor = table.actor_at(t)
            if actor is not None:
                seen.setdefault(actor.id, actor)
    return list(seen.values())


def accused_in(about: list[Token]) -> list[Token]:
    """Whom an allegation is against: "allegations (leveled) against Lima"."""
    out = []
    for token in about:
        for t in (token, *(c for c in token.children if c.dep_ in ("acl", "relcl"))):
            out += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("against", "about")
                    for g in c.children if g.dep_ == "pobj"]
    return out


def targets(draft: Draft, verdict: st._Verdict, roots: list[Token], table: ActorTable) -> list[ActorDraft]:
    """The actors a statement is about. A denial is about whom the denied allegation is against,
    else the subject of what it says, else its speaker (the accused answering); another
    statement is about whom its cue acts on ("accused Peru", "condemned Chile's decision",
    "blamed it on X") or the subject of what it says."""
    verb = draft.cue_token
    subjects = [s for r in roots for s in content.predicates(r)[0]] if draft.rule != "object" else []
    if verdict.act == st.DENY:
        found = actors_of(accused_in(verdict.about), table) or actors_of(
            [s for s in verdict.about if s.dep_ in st.SUBJECT_DEPS] or subjects, table)
        return found or ([draft.actor] if draft.actor is not None else [])
    about: list[Token] = []
    if verb is not None and draft.rule != "own":
        about += [c for c in verb.children if c.dep_ in ("dative", "dobj")]
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        about += [g for h in heads for c in h.children
                  if c.dep_ == "prep" and c.lower_ in ("on", "against", "over")
                  for g in c.children if g.dep_ == "pobj"]
    return [a for a in actors_of(about or subjects, table) if a is not draft.actor]
