"""What the attribution and speaker stages read off the parse alike: a verb's subject, and the
whole name phrase a speaker mention stands for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .columns import columns
from .quotes import QUOTE_CHARS

NAMING_VERBS = {"name", "call", "identify", "use", "go", "know"}
SPEAKER_CUT_DEPS = {"relcl", "acl", "advcl"}


def name_phrase(token: Token) -> Span:
    """The whole name phrase around ``token``: its subtree with titles, possessors, appositions
    and naming participles ("named X"), without relative or other participial clauses and edge
    punctuation."""
    doc = token.doc
    texts, subtree = columns(doc).text, columns(doc).subtree  # words read by index, not as Tokens
    start, end = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ == "case":  # a possessor speaks, not its "'s"
            break
        naming = child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS  # "a protester named X"
        if child.dep_ in SPEAKER_CUT_DEPS and not naming:
            break
        if child.dep_ == "punct" and child.text in "([{\u2014-":
            break
        if any(texts[i] in QUOTE_CHARS for i in subtree(child.i)):
            break
        end = child.right_edge.i + 1
    for child in token.lefts:
        if any(texts[i] in QUOTE_CHARS or texts[i] in ("--", "—", "–", ")") for i in subtree(child.i)):
            start = child.right_edge.i + 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    dated = token.ent_type_ in ("DATE", "TIME")
    while start < end - 1 and (
        doc[start].is_punct
        or doc[start].is_space
        or (doc[start].ent_type_ in ("DATE", "TIME") and start < token.i and not dated)
    ):
        start += 1  # and a date the parse took in ("Friday Acme Corp")
    return doc[start:end]


def subject_of(verb: Token) -> Token | None:
    """A verb's subject. Of several the parse may give, the one nearest before it ("Background: On
    Monday the agency published ..."), unless it is the apposition of a name just before it
    ("Ban Ki-moon, the secretary general, vowed ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    if not before:
        return subjects[0] if subjects else None
    nearest = before[-1]
    if len(before) > 1 and nearest.pos_ == "NOUN" and before[-2].pos_ == "PROPN":
        between = verb.doc[before[-2].i + 1 : nearest.left_edge.i]
        if [t.text for t in between] == [","]:
            return before[-2]
    return nearest
