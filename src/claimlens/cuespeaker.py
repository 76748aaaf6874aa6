"""The speaker mention of a cue verb, read off the parse: its subject, the agent of a passive, the
subject of the clause a participle or coordinated verb hangs from, the message a participle
describes (:func:`speaker_token`). :meth:`claimlens.speakers.Speakers.resolve` turns it into an
actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from .quotes import QUOTE_CHARS
from .resources import word_classes
from .syntax import misread_participle
from .syntax import subject_of as _subject

SPEAKER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_PREPS = {"to", "on", "in", "at", "onto", "into", "with", "before"}
PLACE_ENTITIES = {"ORG", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}


def speaker_token(verb: Token, depth: int = 0) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, the subject of the
    clause a participle or coordinated verb hangs from, the message a participle describes."""
    subject = _subject(verb)
    if subject is not None:
        return subject
    doc = verb.doc
    if (
        verb.tag_ != "VBG"
        and verb.i > 1
        and (
            doc[verb.i - 1].text in QUOTE_CHARS
            or (doc[verb.i - 1].text == "," and doc[verb.i - 2].text in QUOTE_CHARS)
        )
    ):
        # '"...," said a protester': the parse may take the inverted subject for an object
        inverted = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)
        if inverted is not None and inverted.pos_ in ("NOUN", "PROPN") and inverted.left_edge.i == verb.i + 1:
            return inverted
    for child in verb.lefts:
        if child.dep_ in ("nummod", "npadvmod", "dep") and (
            child.like_num or child.pos_ in ("NOUN", "PROPN")
        ):
            return child  # "about 4 in 10 said ...", "half said ..."
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # a passive without agent: "it was reported that ..."
    before = doc[verb.i - 1] if verb.i > 0 else None
    if (
        before is not None
        and before.ent_type_ in SPEAKER_ENTITIES
        and before.dep_ == "pobj"
        and any(c.dep_ == "prep" and c.i < verb.i and before in c.subtree for c in verb.lefts)
    ):
        return before  # a subject the parse took into a phrase before it: "On Friday Acme Corp announced"
    shown = _gerund_subject(verb)
    if shown is not None:
        return shown
    head = verb.head
    if depth < 3 and misread_participle(verb) is not None:
        return speaker_token(head.head, depth + 1)  # ", implying other lenders would be next"
    if depth < 3 and head.i != verb.i:
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            return _gerund_speaker(head, depth)
        if (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and head.dep_ == "ccomp"
            and head.head.pos_ == "VERB"
            and head.head.i < head.i
            and verb.left_edge.i > 0
            and doc[verb.left_edge.i - 1].text == ","
        ):
            # "X claimed the team was ready, insisting ...": the participle after a reported
            # clause is the reporter's, not the clause subject's
            return speaker_token(head.head, depth + 1)
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            # "X was convicted of fraud and denied the charges": the active verb shares the passive's subject
            passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp"):
            if head.lemma_.lower() == "quote" or verb.dep_ == "xcomp":
                # "X was quoted as saying", "X was forced to admit": the passive's subject speaks
                subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if subj is not None:
                    return subj
            if head.pos_ not in ("VERB", "AUX") and verb.dep_ != "conj":
                return _controller(head)  # "X was quick to condemn", "X went so far as to say"
            return speaker_token(head, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VB" and head.dep_ in ("dobj", "attr"):
            return _controller(head)  # "X has a rare chance to show that ..."
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ...": its author when someone issued it ("X issued a statement saying")
            if head.dep_ == "dobj":
                author = _subject(head.head)
                if author is not None:
                    return author
            if _placed_on(head):
                return speaker_token(head.head.head, depth + 1)
            return head
        if verb.dep_ == "pobj" or (verb.dep_ == "pcomp" and head.dep_ == "prep"):
            return speaker_token(head.head, depth + 1)
    if depth == 0 and (verb.dep_ != "acl" or any(c.dep_ == "dobj" for c in verb.children)):
        # a parse that hangs the cue off a noun: the subject of the sentence before the cue
        root = verb
        while root.head.i != root.i:
            root = root.head
        subject = _subject(root)
        subject = subject if subject is not None and subject.i < verb.i else None
        if subject is not None and root.i != verb.i:
            return subject
    return None


def _gerund_subject(verb: Token) -> Token | None:
    """The subject of a gerund the parse hung from the clause: the name just before it, with no
    comma between, after "of" or as the object of a verb of witnessing ("reminds me of X
    saying ...", "a video shows the mayor saying ...", "heard him say ...")."""
    doc = verb.doc
    if verb.tag_ not in ("VBG", "VB") or verb.i == 0 or verb.dep_ not in ("advcl", "acl", "xcomp", "ccomp"):
        return None
    noun = doc[verb.i - 1]
    while noun.head.i < verb.i and noun.head.i != noun.i and noun.head.right_edge.i == verb.i - 1 \
            and noun.dep_ in ("compound", "flat", "appos"):
        noun = noun.head
    if noun.pos_ not in ("PROPN", "PRON") and noun.ent_type_ not in SPEAKER_ENTITIES:
        return None
    if noun.lower_ in ("it", "this", "that"):
        return None
    after_of = noun.dep_ == "pobj" and noun.head.lower_ == "of"
    witnessed = noun.dep_ == "dobj" and noun.head.lemma_.lower() in word_classes().get("witnessing", ())
    if verb.tag_ == "VB":  # "heard him say": a bare infinitive only after a verb of witnessing
        after_of = False
    return noun if after_of or witnessed else None


def _placed_on(noun: Token) -> bool:
    """Whether a participle the parse hangs from ``noun`` belongs to the clause instead: ``noun`` is
    where the clause's act went, a body, place or work named after a preposition of the verb
    ("uploaded a clip to YouTube accusing ...", "wrote to the council demanding ...")."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in PLACE_PREPS
        and prep.head.pos_ == "VERB"
        and noun.ent_type_ in PLACE_ENTITIES
    )


def _gerund_speaker(prep: Token, depth: int) -> Token | None:
    """The speaker of a gerund under a preposition: the object of "stop X from saying", the
    passive subject of "X was fined for saying", else the speaker of the verb the phrase
    modifies ("he ended by saying")."""
    verb = prep.head
    if prep.lower_ == "from":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive
    if verb.pos_ not in ("VERB", "AUX"):
        return _controller(verb)  # "X stopped short of endorsing", "X was the first in denouncing"
    return speaker_token(verb, depth + 1)


BRIDGES = {"acomp", "attr", "advmod", "npadvmod", "dobj", "prep", "pobj", "oprd"}
"""The links from a word that is not a verb up to the clause it completes ("quick" in "X was quick
to condemn", "short" in "X stopped short of endorsing", "chance" in "X has a chance to show")."""


def _controller(word: Token) -> Token | None:
    """The subject of the clause a non-finite cue reaches through words that are not verbs: an
    adjective, adverb or object the cue completes, up to the verb they hang from."""
    t = word
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if t.dep_ not in BRIDGES or t.head.i == t.i:
            return None
        t = t.head
    return None
