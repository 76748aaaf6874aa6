"""What the attribution and speaker stages read off the parse alike: a verb's subject, and the
whole name phrase a speaker mention stands for."""

from __future__ import annotations

from collections.abc import Container

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
    cols = columns(doc)  # words read by index, not as Tokens
    texts, subtree, dep, i = cols.text, cols.subtree, cols.dep, token.i
    kids = cols.children(i)
    start, end = token.left_edge.i, i + 1
    for child in (c for c in kids if c > i):  # token.rights
        if dep[child] == "case":  # a possessor speaks, not its "'s"
            break
        naming = dep[child] == "acl" and cols.lemma[child] in NAMING_VERBS  # "a protester named X"
        if dep[child] in SPEAKER_CUT_DEPS and not naming:
            break
        if dep[child] == "punct" and texts[child] in "([{\u2014-":
            break
        if any(texts[j] in QUOTE_CHARS for j in subtree(child)):
            break
        end = doc[child].right_edge.i + 1
    for child in (c for c in kids if c < i):  # token.lefts
        if any(texts[j] in QUOTE_CHARS or texts[j] in ("--", "—", "–", ")") for j in subtree(child)):
            start = doc[child].right_edge.i + 1
    punct, space, ent_type = cols.is_punct, cols.is_space, cols.ent_type
    while end > start + 1 and (punct[end - 1] or space[end - 1]):
        end -= 1
    dated = ent_type[i] in ("DATE", "TIME")
    while start < end - 1 and (
        punct[start]
        or space[start]
        or (ent_type[start] in ("DATE", "TIME") and start < i and not dated)
    ):
        start += 1  # and a date the parse took in ("Friday Acme Corp")
    return doc[start:end]


def subject_of(verb: Token) -> Token | None:
    """A verb's subject. Of several the parse may give, the one nearest before it ("Background: On
    Monday the agency published ..."), unless it is the apposition of a name just before it
    ("Ban Ki-moon, the secretary general, vowed ...")."""
    doc = verb.doc
    cols = columns(doc)
    subjects = [c for c in cols.children(verb.i) if cols.dep[c] == "nsubj"]
    before = [c for c in subjects if c < verb.i]
    if not before:
        return doc[subjects[0]] if subjects else None
    nearest = before[-1]
    if len(before) > 1 and cols.pos[nearest] == "NOUN" and cols.pos[before[-2]] == "PROPN":
        if cols.text[before[-2] + 1 : doc[nearest].left_edge.i] == [","]:
            return doc[before[-2]]
    return doc[nearest]


def misread_participle(verb: Token) -> Token | None:
    """The clause a participle cue after a comma reports, where the parse took the participle
    and its object for that clause's subject ("The regulator fined the bank, implying other
    lenders would be next": "implying other lenders" made the subject of "would be"): the
    clause's verb, else None. The participle's speaker is then the subject of the clause it
    follows."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or not verb.i < head.i or head.dep_ not in ("conj", "advcl"):
        return None
    if verb.left_edge.i != verb.i or verb.i == 0 or doc[verb.i - 1].text != "," or not head.head.i < verb.i:
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.right_edge.i + 1 != verb.right_edge.i + 1:
        return None
    if not any(c.dep_ == "aux" and c.i > verb.i for c in head.children) and head.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return head


def misread_object_predicate(verb: Token, nouns: Container[str], evaluations: Container[str]) -> Token | None:
    """The object of a verb of naming that the parse made a modifier of its predicate ("called
    the report nonsense": "report" a compound of "nonsense"; "labelled the claims fake news"):
    the object noun, one of ``nouns`` (``models/denial_objects.tsv``: what can be called
    something), right after the phrase's determiner, when the predicate is an evaluation (one of
    ``evaluations``, or has one for adjective); else None ("called a news conference")."""
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "oprd")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    det = obj.left_edge
    if det.dep_ not in ("det", "poss") or det.i + 1 >= obj.i:
        return None
    noun = det.doc[det.i + 1]
    if noun.dep_ not in ("compound", "npadvmod", "nmod") or noun.pos_ != "NOUN" or noun.head.i < noun.i \
            or noun.lemma_.lower() not in nouns:
        return None
    said = [obj, *(a for a in obj.children if a.dep_ == "amod")]
    return noun if any(w.lemma_.lower() in evaluations or w.lower_ in evaluations for w in said) else None


def name_before_cue(verb: Token) -> Token | None:
    """The speaker a cue with no subject of its own follows, that the parse hung on the clause
    before it ("The bill will pass, Okafor, who chairs the committee, told reporters": "Okafor" a
    modifier of "pass"; "... on Monday, Okafor, a Democrat, said": an apposition of "Monday"): a
    name set off by a comma at the clause's end, right before the cue."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    def last_word(t: Token) -> int:
        end = t.right_edge.i
        while end > t.i and doc[end].is_punct:
            end -= 1
        return end

    for clause in (c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis")):
        found = [t for t in clause.subtree if t.i > clause.i and t.dep_ in ("npadvmod", "appos", "dep", "nsubj")
                 and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "GPE")
                 and doc[t.left_edge.i - 1].text == ","
                 and all(w.is_punct for w in doc[last_word(t) + 1 : verb.i])
                 and any(w.text == "," for w in doc[last_word(t) + 1 : verb.i])]
        if found:
            return min(found, key=lambda t: t.left_edge.i)
    return None
